// How long the engine takes for one answer: the median over many batches, per rule, in µs, as JSON for
// benchmarks/calculator.py. Not a test. Run: CALCULATOR_DATA=data.json node benchmarks/engine_speed.mjs
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import * as engine from "../calculator/engine.js";

if (!process.env.CALCULATOR_DATA) throw new Error("set CALCULATOR_DATA to the calculator data JSON file");
const data = JSON.parse(readFileSync(process.env.CALCULATOR_DATA, "utf8"));
const BATCHES = 200;
const PER_BATCH = 100;
const DAY_MS = 86400000;
const CHRISTMAS = "2026-12-24";

// Each shop's farthest destination: its last service's last zone (a country of it, or for the zone of
// everywhere else, a country no zone lists), by that service.
const service = data.services.at(-1);
const listed = new Set(data.services.flatMap((s) => s.zones.flatMap((z) => z.countries ?? [])));
const far = service.zones.at(-1).countries?.[0] ??
  Object.keys(data.countries).find((c) => !listed.has(c) && !data.not_shipped_to.includes(c));

const rules = {
  "delivery estimate": () => engine.deliveryEstimate(data, "2026-12-23T15:00:00Z", far, service.id),
  "cancellation status": () => engine.cancellationStatus(data, "2026-10-24T20:00:00+01:00", "2026-10-25T08:00:00Z"),
  "return deadline": () => engine.returnDeadline(data, "2026-12-18"),
  "refund deadline": () => engine.refundDeadline(data, "2026-12-24"),
  "credit deadline": () => engine.creditDeadline(data, "2026-12-24", "card"),
  "tracking status": () => engine.trackingStatus(data, "2026-12-23", "2027-01-05"),
  "refused input": () => engine.deliveryEstimate(data, "2026-02-30T10:00:00Z", "GB"),
  "last order": () => engine.lastOrder(data, CHRISTMAS, far, service.id),
};

const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];

// The first answer on a fresh data object prepares the calendar and the time zone formatter.
const fresh = structuredClone(data);
let start = performance.now();
engine.deliveryEstimate(fresh, "2026-07-06T10:00:00+01:00", data.home_country);
const firstAnswer = (performance.now() - start) * 1000;

const medians = {};
for (const [name, rule] of Object.entries(rules)) {
  const times = [];
  for (let b = 0; b < BATCHES; b++) {
    start = performance.now();
    for (let i = 0; i < PER_BATCH; i++) rule();
    times.push(((performance.now() - start) * 1000) / PER_BATCH);
  }
  medians[name] = median(times);
}

// The last order answer walks back from Christmas one day at a time to the day it answers.
const { order_by: orderBy } = engine.lastOrder(data, CHRISTMAS, far, service.id);
const daysWalked = (Date.parse(CHRISTMAS) - Date.parse(orderBy)) / DAY_MS + 1;
console.log(JSON.stringify({ first_answer: firstAnswer, medians, last_order_days: daysWalked, far,
  service: service.name }));
