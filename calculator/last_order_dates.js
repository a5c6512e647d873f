// Last order dates on the page: the table written by hooks/helpcentre/dates/last_order_dates.py, and the
// "Will it arrive by ...?" line of the delivery check. Today is the shop's date (data.time_zone),
// read when needed: nothing is prepared before a page has a table or a shopper asks.
import data from "./data.js";
import { deliveryEstimate, lastOrder, nextTargetDates } from "./engine.js";

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

// "Thursday 24 December 2026" for "2026-12-24", without Intl (the same words as page.js).
export function dateWords(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`;
}

let shopClock; // made on first use: preparing a time zone formatter is the costly part
// The shop's date ("YYYY-MM-DD") and time ("HH:MM") at an instant (default: now).
export function shopNow(ms = Date.now()) {
  shopClock ??= new Intl.DateTimeFormat("en-US", {
    timeZone: data.time_zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit",
  });
  const p = Object.fromEntries(shopClock.formatToParts(ms).map(({ type, value }) => [type, value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

// Whether an order with this delivery estimate arrives by a target date, one rule for the table and the
// delivery check: in time when even the latest estimate is on or before it, likely late when even the
// earliest is after it, not promised in between. The words of each, after "It" or "An order placed now".
const ARRIVES = {
  in_time: "should arrive in time",
  not_promised: "may arrive in time, but we can't promise it",
  likely_late: "will most likely arrive too late",
};
function arrival(estimate, targetDate) {
  if (estimate.arrives[1] <= targetDate) return "in_time";
  return estimate.arrives[0] > targetDate ? "likely_late" : "not_promised";
}

// The words of one row's "Order by" cell (service: its table's, when the shop has several): the last order
// date, or, once an order placed now no longer arrives in time by the rule above, what it may still do.
function orderBy(target, country, now, service) {
  const r = lastOrder(data, target.date, country, service);
  const estimate = deliveryEstimate(data, new Date().toISOString().slice(0, 19) + "Z", country, service);
  if (r.error || estimate.error) return "We can't work this date out yet: please email us.";
  const verdict = arrival(estimate, target.date);
  if (verdict !== "in_time") return `Passed: an order placed now ${ARRIVES[verdict]}.`;
  const time = r.before ? ` before ${r.before} ${data.time_zone_name}` : "";
  return `${dateWords(r.order_by)}${time}${r.order_by === now.date ? " (today)" : ""}`;
}

// Fill every last order dates table on the page for the next occurrence of each target date, the next to
// come first (the rows of one date keep their order).
export function fillLastOrderDates(root = document) {
  const tables = root.querySelectorAll(".last-order-dates table");
  if (!tables.length) return;
  const now = shopNow();
  const targets = nextTargetDates(data, now.date);
  const dateOf = (row) => targets[+row.dataset.target].date;
  for (const table of tables) {
    const rows = [...table.querySelectorAll("tr[data-target]")];
    for (const row of rows) {
      const target = targets[+row.dataset.target];
      row.querySelector(".last-order-date").textContent = `(${dateWords(target.date)})`;
      row.querySelector(".last-order-by").textContent = orderBy(target, row.dataset.country, now, table.dataset.service);
    }
    table.tBodies[0].append(...rows.sort((a, b) => (dateOf(a) > dateOf(b)) - (dateOf(a) < dateOf(b))));
    table.hidden = false;
  }
}

// "Will it arrive by Christmas (...)? ..." for an order's delivery estimate, when the next target
// date after the order is within a few months of it; otherwise null.
export function arrivesByTarget(orderedMs, estimate) {
  if (!data.target_dates?.length) return null;
  const ordered = shopNow(orderedMs).date;
  const targets = nextTargetDates(data, ordered);
  if (targets.error) return null;
  const next = targets.reduce((a, b) => (b.date < a.date ? b : a));
  if (Date.parse(next.date) - Date.parse(ordered) > 92 * 864e5) return null;
  return `Will it arrive by ${next.name} (${dateWords(next.date)})? It ${ARRIVES[arrival(estimate, next.date)]}.`;
}
