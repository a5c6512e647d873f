// The engine against the shared test vectors (tests/dates/calculator_cases.json, also read by
// tests/dates/test_order_dates.py). Run: CALCULATOR_DATA=data.json node --test tests/js/
// CALCULATOR_DATA names the calculator data JSON (written from Python, build year 2026);
// CALCULATOR_CASES may name another vectors file (a reference shop's, with its data): tests/dates/test_engine_js.py
// runs every shop's. A case's answer is compared on the keys its expect names.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import * as engine from "../../calculator/engine.js";
import { answerCase, expectedPart } from "./run_engine.mjs";

const here = new URL(".", import.meta.url);
if (!process.env.CALCULATOR_DATA) throw new Error("set CALCULATOR_DATA to the calculator data JSON file");
const data = JSON.parse(readFileSync(process.env.CALCULATOR_DATA, "utf8"));
const casesPath = process.env.CALCULATOR_CASES ?? new URL("../dates/calculator_cases.json", here);
const { cases } = JSON.parse(readFileSync(casesPath, "utf8"));
const engineSource = readFileSync(new URL("../../calculator/engine.js", here), "utf8");

test("there are cases", () => assert.ok(cases.length > 0, String(casesPath)));

for (const c of cases) {
  test(c.name, () => assert.deepEqual(expectedPart(answerCase(data, c), c.expect), c.expect));
}

test("the vectors hold under other machine time zones", () => {
  // The whole suite should also be run under several TZ; this checks three of them in any case.
  const dir = mkdtempSync(join(tmpdir(), "engine-"));
  const batch = join(dir, "batch.json");
  writeFileSync(batch, JSON.stringify({ data, inputs: cases }));
  for (const TZ of ["America/Los_Angeles", "Pacific/Auckland", "Asia/Kolkata", "Pacific/Kiritimati"]) {
    const run = spawnSync(process.execPath, [fileURLToPath(new URL("run_engine.mjs", here)), batch],
      { env: { ...process.env, TZ }, encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    const answers = JSON.parse(run.stdout).map((a, i) => expectedPart(a, cases[i].expect));
    assert.deepEqual(answers, cases.map((c) => c.expect), TZ);
  }
  rmSync(dir, { recursive: true });
});

test("the engine never reads local time or parses bare dates with Date", () => {
  assert.doesNotMatch(engineSource, /\.get(FullYear|Month|Date|Day|Hours|Minutes|Seconds|TimezoneOffset)\(/);
  assert.doesNotMatch(engineSource, /\.set(FullYear|Month|Date|Hours|Minutes|Seconds)\(/);
  assert.doesNotMatch(engineSource, /Date\.parse|new Date\((?!0\)|day \* DAY\)|freeUntil\))/);
  assert.doesNotMatch(engineSource, /^\s*import /m);
});

test("every public function answers bad input instead of throwing", () => {
  const bad = [undefined, null, 0, "", "2026-02-30", "x", {}, []];
  for (const value of bad) {
    assert.equal(engine.deliveryEstimate(data, value, "GB").error, "invalid_moment");
    assert.equal(engine.deliveryEstimate(data, "2026-07-06T10:00Z", value).error, "unknown_country");
    assert.equal(engine.cancellationStatus(data, "2026-07-06T10:00Z", value).error, "invalid_moment");
    assert.equal(engine.returnDeadline(data, value).error, "invalid_date");
    assert.equal(engine.refundDeadline(data, value).error, "invalid_date");
    assert.equal(engine.creditDeadline(data, "2026-07-06", value).error, "invalid_method");
    assert.equal(engine.trackingStatus(data, "2026-07-06", value).error, "invalid_date");
    assert.equal(engine.lastOrder(data, value, "GB").error, "invalid_date");
    assert.equal(engine.lastOrder(data, "2026-12-24", value).error, "unknown_country");
    assert.equal(engine.nextTargetDates(data, value).error, "invalid_date");
  }
});

test("answers with prototype names are refused, not looked up", () => {
  for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
    assert.deepEqual(engine.deliveryEstimate(data, "2026-07-06T10:00Z", name), { error: "unknown_country" });
    assert.deepEqual(engine.creditDeadline(data, "2026-07-06", name), { error: "invalid_method" });
  }
});

test("the next target date is this year's until its day has passed, then next year's", () => {
  const shop = { ...data, target_dates: [{ name: "Christmas", arrive_by: "12-24" }, { name: "Mother's Day", arrive_by: "03-15" }] };
  const next = (today) => engine.nextTargetDates(shop, today).map((t) => `${t.name} ${t.date}`);
  assert.deepEqual(next("2026-07-15"), ["Christmas 2026-12-24", "Mother's Day 2027-03-15"]);
  assert.deepEqual(next("2026-12-01"), ["Christmas 2026-12-24", "Mother's Day 2027-03-15"]);
  assert.deepEqual(next("2026-12-24"), ["Christmas 2026-12-24", "Mother's Day 2027-03-15"]);
  assert.deepEqual(next("2026-12-25"), ["Christmas 2027-12-24", "Mother's Day 2027-03-15"]);
  assert.deepEqual(next("2027-03-16"), ["Christmas 2027-12-24", "Mother's Day 2028-03-15"]);
  assert.deepEqual(engine.nextTargetDates({ ...data, target_dates: [] }, "2026-12-01"), []);
});
