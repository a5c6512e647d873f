// The order date checks on the page: shows the forms written by hooks/helpcentre/dates/check_forms.py and hands
// them to answers.js. The only file a page load runs: what answers (answers.js, the engine, the data) is
// fetched on the shopper's first touch of a check, and the last order dates table's code once the
// browser is idle, so a page with checks costs no more at load than this file.

const pad = (n) => String(n).padStart(2, "0");
function today() {
  const t = new Date();
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

// The modules that answer, all requested at once on first use (not one after another, as answers.js's
// own imports would be): answers.js resolves, ready to answer, once the others have arrived too.
let answers;
function loadAnswers() {
  if (!answers) {
    answers = Promise.all([
      import("./answers.js"), import("./engine.js"), import("./data.js"), import("./last_order_dates.js"),
    ]).then(([module]) => module);
    answers.catch(() => { answers = undefined; }); // offline for a moment: the next touch asks again
  }
  return answers;
}

// Never let a mistake reach the console, nor a module that could not be fetched: the shopper gets a
// sentence instead. Answers follow one another in the order the shopper asked.
function answerSafely(form, submitted) {
  loadAnswers().then((module) => module.answer(form, submitted)).catch(() => {
    form.querySelector(".order-check-answer").textContent =
      "Sorry, something went wrong with this check. Please email us and we'll work it out for you.";
  });
}

// The first touch of a check (a pointer on it, the focus, or typing) fetches and prepares what answers,
// while the shopper is still typing a date.
const prepare = () => loadAnswers().then((module) => module.prepare(), () => {});

function start() {
  const seen = {};
  for (const form of document.querySelectorAll("form.order-check")) {
    const kind = form.dataset.check;
    const n = seen[kind] = (seen[kind] ?? 0) + 1;
    if (!form.hidden) continue;
    if (n > 1) { // the same check twice on a page: keep its ids unique
      for (const e of [form, ...form.querySelectorAll("*")]) {
        for (const a of ["id", "for", "aria-describedby", "aria-labelledby"]) {
          if (e.hasAttribute(a)) e.setAttribute(a, `${e.getAttribute(a)}-${n}`);
        }
      }
    }
    if (form.elements.today && !form.elements.today.value) form.elements.today.value = today();
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      answerSafely(form, true);
    });
    form.addEventListener("change", () => answerSafely(form, false));
    for (const touch of ["pointerdown", "focusin", "input"]) form.addEventListener(touch, prepare, { once: true });
    form.hidden = false;
  }
}

function startSafely() {
  try {
    start();
  } catch { /* the checks stay hidden: the rules are in words beside them */ }
  // The last order dates depend on today: worked out on every visit, once the browser is idle, not at load.
  if (!document.querySelector(".last-order-dates table")) return;
  const fill = () => import("./last_order_dates.js").then((module) => module.fillLastOrderDates())
    .catch(() => { /* the table stays hidden: the rule is in words above it */ });
  if (window.requestIdleCallback) window.requestIdleCallback(fill, { timeout: 1000 });
  else setTimeout(fill, 0);
}

// Material's instant navigation swaps pages without a reload and announces each page on document$.
if (window.document$) window.document$.subscribe(startSafely);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startSafely);
else startSafely();
