// The preview's "as on" bar (hooks/helpcentre/review/preview_bar.py; `make serve` only, never published): a
// date field that shows the help centre as on another day. The day chosen is kept in the browser and the page
// reloads. This script comes first in every page of the preview: it moves the browser's clock (Date, the one
// "now" of every script) to that day, at the time it is now, so the notice, the last order dates and the
// checks answer as they will on that day, as the tests do with Playwright's clock.
(function () {
  var KEY = "help-centre-preview-as-on";
  var WORDS = {
    bar: "The preview's day",
    label: "Preview as on",
    show: "Show",
    today: "Back to today",
    note: "In the preview only: shoppers always see their own today.",
  };
  var Real = Date;
  var pad = function (n) { return String(n).padStart(2, "0"); };
  var isoDay = function (t) { return t.getFullYear() + "-" + pad(t.getMonth() + 1) + "-" + pad(t.getDate()); };
  var chosen = /^\d{4}-\d{2}-\d{2}$/.test(localStorage.getItem(KEY)) ? localStorage.getItem(KEY) : null;

  if (chosen) {
    var now = new Real(), day = chosen.split("-").map(Number);
    var shift = new Real(day[0], day[1] - 1, day[2], now.getHours(), now.getMinutes(), now.getSeconds(),
      now.getMilliseconds()) - now;
    var AsOn = function (...args) {
      if (!new.target) return String(new AsOn()); // Date() called as a function: today's date in words
      return args.length ? new Real(...args) : new Real(Real.now() + shift);
    };
    AsOn.prototype = Real.prototype;
    AsOn.now = function () { return Real.now() + shift; };
    AsOn.parse = Real.parse;
    AsOn.UTC = Real.UTC;
    window.Date = AsOn;
  }

  function showBar() {
    var bar = document.createElement("form");
    bar.className = "help-preview-bar";
    bar.setAttribute("aria-label", WORDS.bar);
    bar.style.cssText = "display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;padding:.3rem .8rem;" +
      "font:.8rem/1.4 sans-serif;color:#1a1a1a;border-bottom:1px solid #8a6d00;background:" +
      (chosen ? "#ffe08a" : "#f3f3f3");
    var label = document.createElement("label");
    label.textContent = WORDS.label + " ";
    var field = document.createElement("input");
    field.type = "date";
    field.name = "as-on";
    field.required = true;
    field.value = chosen || isoDay(new Real());
    label.append(field);
    var button = function (words, type) {
      var made = document.createElement("button");
      made.type = type;
      made.textContent = words;
      made.style.cssText = "padding:.1rem .6rem;border:1px solid #555;border-radius:.2rem;background:#fff;cursor:pointer";
      return made;
    };
    var show = button(WORDS.show, "submit");
    var today = button(WORDS.today, "button");
    today.hidden = !chosen;
    var note = document.createElement("small");
    note.textContent = WORDS.note;
    bar.append(label, show, today, note);
    bar.addEventListener("submit", function (event) {
      event.preventDefault();
      localStorage.setItem(KEY, field.value);
      location.reload();
    });
    today.addEventListener("click", function () {
      localStorage.removeItem(KEY);
      location.reload();
    });
    document.body.prepend(bar); // above the page, covering none of it
  }

  if (document.body) showBar();
  else document.addEventListener("DOMContentLoaded", showBar);
})();
