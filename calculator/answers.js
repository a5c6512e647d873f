// The answers of the order date checks: reads a form written by hooks/helpcentre/dates/check_forms.py, asks the rules
// engine, and writes the answer in words. page.js loads this module (with the engine and the data) on the
// first touch of a check, so a page load never parses or runs it.
import data from "./data.js";
import {
  cancellationStatus, creditDeadline, deliveryEstimate, refundDeadline, returnDeadline, servicesTo, trackingStatus,
} from "./engine.js";
import { amount, arrivesByTarget, dateWords as longDate, say, writeDate } from "./last_order_dates.js";

const pad = (n, width = 2) => String(n).padStart(width, "0");

// The date and time at an instant in a time zone (undefined: the shopper's own), as numbers read with Intl;
// written by the words file's patterns (writeDate), as the pages are. A formatter per zone, made on first use
// (making one costs far more than using it).
const formatters = new Map();
function partsAt(ms, timeZone) {
  if (!formatters.has(timeZone)) {
    formatters.set(timeZone, new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric",
    }));
  }
  const p = Object.fromEntries(formatters.get(timeZone).formatToParts(ms).map(({ type, value }) => [type, +value]));
  return { ...p, weekday: new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() };
}
const dayName = (ms, timeZone) => writeDate("long", partsAt(ms, timeZone));
const clock = (ms, timeZone) => writeDate("time", partsAt(ms, timeZone));
const onOrBetween = ([first, last]) => first === last ? say("answers.on", { date: longDate(first) })
  : say("answers.between", { first: longDate(first), last: longDate(last) });

// "10:00 on Sunday 29 March 2026 your time (09:00 UK time)".
function when(moment) {
  const ms = Date.parse(moment);
  const at = (timeZone) => say("answers.at", { time: clock(ms, timeZone), date: dayName(ms, timeZone) });
  const mine = at(), shop = at(data.time_zone);
  const time_zone = data.time_zone_name; // what shoppers call the shop's clock (calendar.time_zone_name)
  if (mine === shop) return say("answers.same_time", { moment: mine, time_zone });
  const shopMoment = dayName(ms, data.time_zone) === dayName(ms) ? clock(ms, data.time_zone) : shop;
  return say("answers.your_time", { moment: mine, shop_moment: shopMoment, time_zone });
}

function today() {
  const t = new Date();
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

// A datetime-local value, read in the shopper's own time zone, as an ISO moment with its offset.
function toMoment(value) {
  const [y, mo, d, h, mi] = value.split(/\D/).map(Number);
  const t = new Date(y, mo - 1, d, h, mi); // a time skipped by a clock change moves on, with its offset
  const offset = -t.getTimezoneOffset();
  return `${pad(t.getFullYear(), 4)}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}T${pad(t.getHours())}:` +
    `${pad(t.getMinutes())}${offset < 0 ? "-" : "+"}${pad(Math.abs(offset) / 60 | 0)}:${pad(Math.abs(offset) % 60)}`;
}

const outOfRange = (iso) => iso < today()
  ? say("answers.too_early", { date: longDate(data.first_date) }) : say("answers.too_late");

// A prefilled email to the shop (its address comes with the policies, in data.js).
function emailUs(subject, ...lines) {
  const link = document.createElement("a");
  link.href = `mailto:${data.email}?subject=${encodeURIComponent(subject)}` +
    `&body=${encodeURIComponent([say("answers.hello"), "", ...lines, "", say("contact.thanks")].join("\r\n"))}`;
  link.textContent = say("answers.email_us", { email: data.email });
  return link;
}
const line = (key, values) => say(key, { ...values, add: say("answers.please_add") });

// A delivery service and its price, as the picker offers it (hooks/helpcentre/dates/check_forms.py writes the
// same words with CLDR's rules for the same locale).
let moneyFormat; // made on first use, as the other formatters
const money = (n) => (moneyFormat ??= new Intl.NumberFormat(data.locale, {
  style: "currency", currency: data.currency,
})).format(n);
function serviceWords(service, { price, free_from: freeFrom }) {
  if (price == null) return service.name;
  const key = !price ? "free" : freeFrom ? "priced_free_from" : "priced";
  return say(`checks.${key}`, { name: service.name, price: price && money(price), free_from: freeFrom && money(freeFrom) });
}

// The services to the chosen country in the delivery check's picker (when the shop has several), the one
// chosen kept where it is offered.
function offerServices(form) {
  const picker = form.elements.service;
  const country = form.elements.country?.value;
  if (!picker || picker.dataset.country === country) return;
  const offered = servicesTo(data, country);
  const chosen = picker.value;
  picker.replaceChildren(...(offered.error ? [] : offered).map(({ service, zone }) =>
    new Option(serviceWords(service, zone), service.id, false, service.id === chosen)));
  picker.dataset.country = country;
}


// Per check: the engine's answer for the field values, and that answer in words (paragraphs).
const CHECKS = {
  cancellation: {
    ask: (v) => cancellationStatus(data, toMoment(v.ordered), new Date().toISOString().slice(0, 19) + "Z"),
    before_start: ["ordered", say("answers.ordered_in_future")],
    tell: (r, v) => {
      const values = { ordered: when(toMoment(v.ordered)), until: when(r.free_until) };
      const free = r.status === "free" ? "free" : "ended";
      return [[say(`answers.cancel_${free}`, values)],
        [emailUs(say("answers.cancel_subject"), say(`answers.cancel_${free}_email`), "", line("answers.order_number"),
          line("answers.ordered_at", values))]];
    },
  },
  delivery: {
    ask: (v) => deliveryEstimate(data, toMoment(v.ordered), v.country, v.service),
    tell: (r, v) => [
      [say("answers.ships", { ordered: when(toMoment(v.ordered)), ships: onOrBetween(r.ships) })],
      [say(`answers.${v.service ? "service_" : ""}arrives${r.peak ? "_peak" : ""}`, {
        service: data.services.find((s) => s.id === r.service)?.name, arrives: onOrBetween(r.arrives),
      })],
      ...[arrivesByTarget(Date.parse(toMoment(v.ordered)), r)].filter(Boolean).map((line) => [line]),
    ],
  },
  return: {
    ask: (v) => returnDeadline(data, v.delivered, v.notified || undefined),
    before_start: ["notified", say("answers.notified_before_delivery")],
    // A sentence per deadline the returns model answers (return_by, notify_by, send_by), "_passed" once it is.
    tell: (r, v) => [[Object.keys(r).map((key) => {
      const told = key === "send_by" && r.notify_by; // sent within return_send_days of telling us
      return say(`answers.${told ? "sent_after_telling" : key}${r[key] < today() ? "_passed" : ""}`, {
        delivered: longDate(v.delivered), notified: told && longDate(v.notified), day: longDate(r[key]),
        days: amount(told ? data.return_send_days : data.return_window_days, "day"),
      });
    }).join(" ")]],
  },
  refund: {
    ask: (v) => refundDeadline(data, v.received),
    tell: (r, v) => {
      const values = { received: longDate(v.received), refund_by: longDate(r.refunded_by) };
      return r.refunded_by >= today() ? [[say("answers.refund_due", values)]]
        : [[say("answers.refund_late", values)], [emailUs(say("answers.refund_subject"),
          say("answers.refund_email", values), "", line("answers.order_number"),
          line("answers.return_tracking_number"))]];
    },
  },
  credit: {
    ask: (v) => creditDeadline(data, v.issued, v.method),
    tell: (r, v) => [[say(`answers.credit_${r.credited_by === v.issued ? "same_day" : "by"}`, {
      issued: longDate(v.issued), method: data.method_names[v.method], credit_by: longDate(r.credited_by),
    })]],
  },
  tracking: {
    ask: (v) => trackingStatus(data, v.updated, v.today),
    before_start: ["today", say("answers.today_before_update")],
    tell: (r, v) => {
      const values = { updated: longDate(v.updated), today: longDate(v.today), stale_from: longDate(r.stale_from),
        days: amount(data.tracking_stale_business_days, "business_day") };
      return r.stale
        ? [[say("answers.tracking_stuck", values)], [emailUs(say("answers.tracking_subject"),
          say("answers.tracking_email", values), "", line("answers.order_number"), line("answers.tracking_number"))]]
        : [[say("answers.tracking_normal", values)]];
    },
  },
};

// Engine errors that concern one field (the others concern the dates, see outOfRange).
const FIELD_ERRORS = {
  unknown_country: ["country", () => say("answers.unknown_country")],
  not_shipped: ["country", (v) => say("answers.not_shipped", { country: data.countries[v.country] })],
  invalid_method: ["method", () => say("answers.choose_method")],
  unknown_service: ["service", () => say("answers.unknown_service")],
};

function showError(form, name, message) {
  const control = form.elements[name];
  const first = control instanceof RadioNodeList ? control[0] : control;
  const field = first.closest(".order-check-field");
  field.querySelector(".order-check-error").textContent = message;
  (first === control ? control : field).setAttribute("aria-invalid", "true");
  return first;
}

// The field and message for an error the engine answered.
function engineError(form, check, error, values) {
  if (FIELD_ERRORS[error]) return [FIELD_ERRORS[error][0], FIELD_ERRORS[error][1](values)];
  if (error === "before_start" && check.before_start) return check.before_start;
  const { name } = form.querySelector("[name]"); // the first field, always a date
  return [name, error === "out_of_range" ? outOfRange(values[name].slice(0, 10)) : say("answers.real_date")];
}

// "Please enter a real date." or "... date and time.", by the field's type.
const fieldWords = (input, key) => say(`answers.${key}_${input.type === "date" ? "date" : "date_time"}`);

// What is wrong with a date field: a message, "" for nothing, null when it is empty.
function dateProblem(input) {
  const iso = input.value.slice(0, 10);
  if (!iso) return input.validity.badInput ? fieldWords(input, "real") : input.required ? null : "";
  if (!/^\d{4}-/.test(iso) || iso < data.first_date || iso > data.last_date) return outOfRange(iso); // year 10000+
  return input.hasAttribute("data-past") && iso > today() ? say("answers.date_in_future") : "";
}

// Read the form, check it, write the answer. `submitted`: the shopper asked, so empty fields are errors.
// page.js puts a sentence in the answer's place if this throws.
export function answer(form, submitted) {
  const check = CHECKS[form.dataset.check];
  const output = form.querySelector(".order-check-answer");
  for (const e of form.querySelectorAll(".order-check-error")) e.textContent = "";
  for (const e of form.querySelectorAll("[aria-invalid]")) e.removeAttribute("aria-invalid");
  offerServices(form);
  const values = Object.fromEntries(new FormData(form));
  const problems = [];
  let empty = false;
  for (const input of form.querySelectorAll('input[type^="date"]')) {
    const message = dateProblem(input);
    empty ||= message === null;
    if (message ?? submitted) {
      problems.push(showError(form, input.name, message ?? fieldWords(input, "enter")));
    }
  }
  output.replaceChildren();
  if (problems.length || empty) {
    if (submitted) problems[0]?.focus();
    return;
  }
  const result = check.ask(values);
  if (result.error) {
    const control = showError(form, ...engineError(form, check, result.error, values));
    if (submitted) control.focus();
    return;
  }
  for (const parts of check.tell(result, values)) {
    const p = document.createElement("p");
    p.append(...parts);
    output.append(p);
  }
}

// The first touch of a check (page.js) makes the formatters and the engine's calendar, while the shopper
// is still typing a date: the answer then comes at once.
let prepared = false;
export function prepare() {
  if (prepared) return;
  prepared = true;
  try {
    for (const timeZone of [undefined, data.time_zone]) partsAt(0, timeZone);
    amount(0, "day"); // the locale's plural rules
    deliveryEstimate(data, `${data.first_date}T12:00Z`, data.home_country); // the shop's clock and calendar
  } catch { /* answering will say what went wrong */ }
}
