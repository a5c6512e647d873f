// Order dates rules engine: the same rules as hooks/helpcentre/dates/order_dates.py.
// Pure functions, no DOM, no dependencies. Every function takes the calculator
// data (calculator/README.md) first, takes and gives ISO strings, and
// never throws for bad input: it answers {error: code} instead.
// Dates are handled as UTC day numbers (days since 1970-01-01), never local time.

const DAY = 864e5;
const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const MOMENT = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?(?:Z|([+-])(\d\d):(\d\d))$/;

class Refusal extends Error {}
const refuse = (code) => { throw new Refusal(code); };

// Wraps a rule so that a Refusal becomes the answer {error: code}.
const answer = (rule) => (...args) => {
  try {
    return rule(...args);
  } catch (e) {
    if (e instanceof Refusal) return { error: e.message };
    throw e;
  }
};

const toIso = (day) => new Date(day * DAY).toISOString().slice(0, 10);

// Day number of a calendar date, or null if there is no such date.
function dayOf(y, m, d) {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return y >= 1 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d ? t / DAY : null;
}

function parseDate(text) {
  const m = typeof text === "string" ? DATE.exec(text) : null;
  return (m && dayOf(+m[1], +m[2], +m[3])) ?? refuse("invalid_date");
}

// Milliseconds since the epoch of an ISO moment with Z or an offset.
function parseMoment(text) {
  const m = typeof text === "string" ? MOMENT.exec(text) : null;
  const [y, mo, d, h, min, s = 0, sign, oh = 0, om = 0] = m ? m.slice(1) : [];
  const day = m ? dayOf(+y, +mo, +d) : null;
  if (day === null || h > 23 || min > 59 || s > 59 || oh > 23 || om > 59) refuse("invalid_moment");
  const offset = (sign === "-" ? -1 : 1) * (oh * 60 + +om);
  return ((day * 1440 + h * 60 + +min - offset) * 60 + +s) * 1000;
}

const formatters = new Map();

// The shop's wall clock at an instant: {day, seconds} (seconds since midnight).
function shopClock(data, ms) {
  const timeZone = data.time_zone;
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
      hour: "numeric", minute: "numeric", second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  const p = {};
  for (const { type, value } of f.formatToParts(ms)) p[type] = +value;
  return { day: dayOf(p.year, p.month, p.day), seconds: p.hour * 3600 + p.minute * 60 + p.second };
}

const calendars = new WeakMap();

// Range and business days of the data, prepared once per data object.
function calendarOf(data) {
  let c = calendars.get(data);
  if (!c) {
    c = {
      first: parseDate(data.first_date),
      last: parseDate(data.last_date),
      closed: new Set(data.closed_dates.map(parseDate)),
      weekdays: new Set(data.working_weekdays),
    };
    calendars.set(data, c);
  }
  return c;
}

function checkRange(data, ...days) {
  const { first, last } = calendarOf(data);
  for (const day of days) if (!(day >= first && day <= last)) refuse("out_of_range");
}

function isBusinessDay(data, day) {
  const c = calendarOf(data);
  return c.weekdays.has((((day + 3) % 7) + 7) % 7 + 1) && !c.closed.has(day);
}

// First business day strictly after day (past the last date every day counts).
function nextBusinessDay(data, day) {
  const { last } = calendarOf(data);
  do day++; while (day <= last && !isBusinessDay(data, day));
  return day;
}

function addBusinessDays(data, day, count) {
  for (let i = 0; i < count; i++) day = nextBusinessDay(data, day);
  return day;
}

// Largest extra_days of the peak seasons containing the day, or null.
function peakExtraDays(data, day) {
  const md = toIso(day).slice(5);
  let extra = null;
  for (const p of data.peak_seasons) {
    const inside = p.from <= p.to ? md >= p.from && md <= p.to : md >= p.from || md <= p.to;
    if (inside && !(extra >= p.extra_days)) extra = p.extra_days;
  }
  return extra;
}

// A day a delivery time counts in the service's transit_unit.
function isTransitDay(data, service, day) {
  if (service.transit_unit === "business") return isBusinessDay(data, day);
  if (service.transit_unit !== "delivery") return true;
  let c = calendars.get(service);
  if (!c) {
    c = { weekdays: new Set(service.delivery_weekdays), closed: new Set(service.holidays.map(parseDate)) };
    calendars.set(service, c);
  }
  return c.weekdays.has((((day + 3) % 7) + 7) % 7 + 1) && !c.closed.has(day);
}

// The day `count` transit days after day (past the last date every day counts).
function addTransitDays(data, service, day, count) {
  const { last } = calendarOf(data);
  for (let i = 0; i < count; i++) do day++; while (day <= last && !isTransitDay(data, service, day));
  return day;
}

// The delivery services that go to a country, in their order, each with its zone there: [{service, zone}].
function offeredTo(data, country) {
  if (typeof country !== "string" || !Object.hasOwn(data.countries, country)) refuse("unknown_country");
  if (data.not_shipped_to.includes(country)) return [];
  return data.services.map((service) => ({
    service,
    zone: service.zones.find((z) => z.countries?.includes(country)) ?? service.zones.find((z) => z.countries == null),
  })).filter(({ zone }) => zone);
}
export const servicesTo = answer(offeredTo);

// The chosen service (null or undefined: the first that goes to the country) and its zone there.
function serviceFor(data, country, id) {
  let offered = offeredTo(data, country);
  if (id != null) {
    if (!data.services.some((s) => s.id === id)) refuse("unknown_service");
    offered = offered.filter(({ service }) => service.id === id);
  }
  return offered[0] ?? refuse("not_shipped");
}

export const deliveryEstimate = answer((data, orderedAt, destination, id) => {
  const ms = parseMoment(orderedAt);
  const { service, zone } = serviceFor(data, destination, id);
  const { day, seconds } = shopClock(data, ms);
  checkRange(data, day);
  const cutoff = data.same_day_cutoff; // "HH:MM" shop time, or null
  const beforeCutoff = cutoff != null && seconds < cutoff.slice(0, 2) * 3600 + cutoff.slice(3, 5) * 60;
  const p1 = beforeCutoff && isBusinessDay(data, day) ? day : nextBusinessDay(data, day);
  const { min, max } = data.processing_business_days;
  const ships = [min, max].map((n) => addBusinessDays(data, p1, n));
  const extra = peakExtraDays(data, day);
  const arrives = [addTransitDays(data, service, ships[0], zone.transit_days.min),
    addTransitDays(data, service, ships[1], zone.transit_days.max + (extra ?? 0))];
  checkRange(data, ...ships, ...arrives);
  return { service: service.id, ships: ships.map(toIso), arrives: arrives.map(toIso), peak: extra != null };
});

export const cancellationStatus = answer((data, orderedAt, now) => {
  const ordered = parseMoment(orderedAt);
  const current = parseMoment(now);
  checkRange(data, shopClock(data, ordered).day, shopClock(data, current).day);
  if (current < ordered) refuse("before_start");
  const freeUntil = ordered + data.free_cancellation_hours * 3600e3;
  checkRange(data, shopClock(data, freeUntil).day);
  return {
    free_until: new Date(freeUntil).toISOString().slice(0, 19) + "Z",
    status: current < freeUntil ? "free" : "contact",
  };
});

// The last day of a return period of calendar days from start, moved to the next business day when it
// falls on a closed day and the shop's returns model says so.
function windowEnd(data, start, days) {
  const due = start + days;
  return data.return_deadline_moves && !isBusinessDay(data, due) ? nextBusinessDay(data, due) : due;
}

// The return window's deadlines as the shop's returns model words them: {return_by} (reach), {send_by}
// (send), or {notify_by} and, when the shopper told the shop on notifiedOn, {notify_by, send_by}.
export const returnDeadline = answer((data, deliveredOn, notifiedOn) => {
  const delivered = parseDate(deliveredOn);
  const model = data.return_deadline;
  const notified = notifiedOn == null || model !== "notify_then_send" ? null : parseDate(notifiedOn);
  checkRange(data, delivered, ...(notified === null ? [] : [notified]));
  if (notified !== null && notified < delivered) refuse("before_start");
  const due = windowEnd(data, delivered, data.return_window_days);
  checkRange(data, due);
  if (model !== "notify_then_send") return { [model === "reach" ? "return_by" : "send_by"]: toIso(due) };
  if (notified === null) return { notify_by: toIso(due) };
  const sendBy = windowEnd(data, notified, data.return_send_days);
  checkRange(data, sendBy);
  return { notify_by: toIso(due), send_by: toIso(sendBy) };
});

// The day a refund is issued by: refund_days from the return's arrival, in the shop's refund_unit.
export const refundDeadline = answer((data, returnReceivedOn) => {
  const received = parseDate(returnReceivedOn);
  checkRange(data, received);
  const due = data.refund_unit === "business" ? addBusinessDays(data, received, data.refund_days)
    : received + data.refund_days;
  checkRange(data, due);
  return { refunded_by: toIso(due) };
});

export const creditDeadline = answer((data, refundIssuedOn, method) => {
  const issued = parseDate(refundIssuedOn);
  const days = data.credit_business_days;
  if (typeof method !== "string" || !Object.hasOwn(days, method)) refuse("invalid_method");
  checkRange(data, issued);
  const due = addBusinessDays(data, issued, days[method]);
  checkRange(data, due);
  return { credited_by: toIso(due) };
});

export const trackingStatus = answer((data, lastUpdateOn, today) => {
  const last = parseDate(lastUpdateOn);
  const current = parseDate(today);
  checkRange(data, last, current);
  if (current < last) refuse("before_start");
  const staleFrom = addBusinessDays(data, last, data.tracking_stale_business_days + 1);
  checkRange(data, staleFrom);
  return { stale: current >= staleFrom, stale_from: toIso(staleFrom) };
});

// Last day of the delivery estimate's arrival window, for an order placed on `ordered` (shop
// time) whose processing starts on `first`.
function latestArrival(data, service, zone, ordered, first) {
  const shipped = addBusinessDays(data, first, data.processing_business_days.max);
  return addTransitDays(data, service, shipped, zone.transit_days.max + (peakExtraDays(data, ordered) ?? 0));
}

// The last day (and time, with a same-day cut-off) to order so that the latest estimate arrives
// on or before arriveBy: {order_by, before: "HH:MM" or null, arrives_by}. Walks back day by day:
// an order at any time of the day, else one before the cut-off on a business day.
export const lastOrder = answer((data, arriveBy, destination, id) => {
  const target = parseDate(arriveBy);
  const { service, zone } = serviceFor(data, destination, id);
  checkRange(data, target);
  const { first } = calendarOf(data);
  const cutoff = data.same_day_cutoff;
  for (let day = target; day >= first; day--) {
    let arrives = latestArrival(data, service, zone, day, nextBusinessDay(data, day));
    let before = null;
    if (arrives > target && cutoff != null && isBusinessDay(data, day)) {
      arrives = latestArrival(data, service, zone, day, day);
      before = cutoff;
    }
    if (arrives <= target) return { order_by: toIso(day), before, arrives_by: toIso(arrives) };
  }
  return refuse("out_of_range");
});

// Each target date's next occurrence on or after today ("YYYY-MM-DD", the shop's date):
// [{name, date}], in the order of the policies. A 29 February never occurs (the policies refuse it).
export const nextTargetDates = answer((data, today) => {
  const day = parseDate(today);
  const year = +today.slice(0, 4);
  return (data.target_dates ?? []).map(({ name, arrive_by: md }) => {
    const [m, d] = md.split("-").map(Number);
    const date = dayOf(year, m, d) >= day ? dayOf(year, m, d) : dayOf(year + 1, m, d);
    return { name, date: toIso(date) };
  });
});
