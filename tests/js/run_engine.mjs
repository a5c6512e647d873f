// Answers a batch of inputs with the engine, for the agreement test in tests/dates/test_order_dates.py.
// Usage: node tests/js/run_engine.mjs BATCH.json, where BATCH.json is {"data": {...}, "inputs": [...]}
// and each input has the shape of a case of tests/dates/calculator_cases.json without "expect", e.g.
// {"kind": "delivery", "ordered_at": "2026-07-06T10:00:00+01:00", "destination": "GB"}; its optional
// "service" chooses a delivery service (delivery, last_order) and "data" replaces those keys of the
// calculator data (a same-day cut-off, a closure).
// Prints the answers as one JSON array. engine.test.mjs uses answerCase too.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import * as engine from "../../calculator/engine.js";

const RULES = {
  delivery: (data, c) => engine.deliveryEstimate(data, c.ordered_at, c.destination, c.service),
  cancellation: (data, c) => engine.cancellationStatus(data, c.ordered_at, c.now),
  return: (data, c) => engine.returnDeadline(data, c.delivered_on, c.notified_on),
  refund: (data, c) => engine.refundDeadline(data, c.return_received_on),
  credit: (data, c) => engine.creditDeadline(data, c.refund_issued_on, c.method),
  tracking: (data, c) => engine.trackingStatus(data, c.last_update_on, c.today),
  last_order: (data, c) => engine.lastOrder(data, c.arrive_by, c.destination, c.service),
};

// The keys of an answer that a case's expect names (an answer may carry more, such as its service).
export const expectedPart = (answer, expect) => Object.fromEntries(Object.keys(expect).map((k) => [k, answer[k]]));

export function answerCase(data, input) {
  const rule = RULES[input.kind];
  if (!rule) throw new Error(`unknown kind ${JSON.stringify(input.kind)}`);
  return rule(input.data ? { ...data, ...input.data } : data, input); // a case may replace some data
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { data, inputs } = JSON.parse(readFileSync(process.argv[2], "utf8"));
  process.stdout.write(JSON.stringify(inputs.map((input) => answerCase(data, input))));
}
