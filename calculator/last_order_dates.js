// Last order dates on the page: the table written by hooks/helpcentre/dates/last_order_dates.py, and the
// "Will it arrive by ...?" line of the delivery check. Today is the shop's date (data.time_zone),
// read when needed: nothing is prepared before a page has a table or a shopper asks.
import data from "./data.js";
import { deliveryEstimate, lastOrder, nextTargetDates } from "./engine.js";

const W = data.words; // the shop's words and its locale's date patterns and names (the words file, CLDR)
const pad = (n) => String(n).padStart(2, "0");

// A date or time by the words file's pattern ("long", "time"), as Babel writes it in the pages, without Intl.
export function writeDate(pattern, { year, month, day, weekday, hour = 0, minute = 0 }) {
  const h12 = hour % 12 || 12;
  const fields = {
    EEEE: W.weekdays[weekday], d: day, MMMM: W.months[month - 1], y: year, H: hour, HH: pad(hour), h: h12, hh: pad(h12), mm: pad(minute), a: W.periods[+(hour >= 12)],
  };
  return W.dates[pattern].map((part) => part[0] === "'" ? part.slice(1) : fields[part]).join("");
}

// A sentence of the words file with its placeholders filled.
export const say = (key, values = {}) => W.words[key].replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => values[name]);

let pluralRules; // made on first use
// A number of a unit ("business_day") in the locale's plural form for it, as the pages write it (Babel).
export function amount(n, unit) {
  pluralRules ??= new Intl.PluralRules(data.locale);
  return say(`amounts.${unit}.${pluralRules.select(n)}`, { n });
}

// "Thursday 24 December 2026" for "2026-12-24" (en-GB).
export function dateWords(iso) {
  const [year, month, day] = iso.split("-").map(Number);
  return writeDate("long", { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() });
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
// earliest is after it, not promised in between; the words of each (last_order.in_time ...) follow "It" or
// "An order placed now".
function arrival(estimate, targetDate) {
  if (estimate.arrives[1] <= targetDate) return "in_time";
  return estimate.arrives[0] > targetDate ? "likely_late" : "not_promised";
}

// The words of one row's "Order by" cell (service: its table's, when the shop has several): the last order
// date, or, once an order placed now no longer arrives in time by the rule above, what it may still do.
function orderBy(target, country, now, service) {
  const r = lastOrder(data, target.date, country, service);
  const estimate = deliveryEstimate(data, new Date().toISOString().slice(0, 19) + "Z", country, service);
  if (r.error || estimate.error) return say("last_order.not_yet");
  const verdict = arrival(estimate, target.date);
  if (verdict !== "in_time") return say("last_order.passed", { verdict: say(`last_order.${verdict}`) });
  const [hour, minute] = (r.before ?? "0:0").split(":").map(Number);
  const date = r.before ? say("last_order.order_by_before", {
    date: dateWords(r.order_by), time: writeDate("time", { hour, minute }), time_zone: data.time_zone_name,
  }) : dateWords(r.order_by);
  return r.order_by === now.date ? say("last_order.today", { date }) : date;
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
  return say("last_order.will_it_arrive", {
    name: next.name, date: dateWords(next.date), verdict: say(`last_order.${arrival(estimate, next.date)}`),
  });
}
