// The notice at the top of every page, inlined by hooks/helpcentre/dates/notice.py into Material's
// announcement bar and called there with its data, as the page is read: it shows before the first
// paint, so nothing below it moves. A classic script, no imports; words without Intl.
(function (N) {
  var DAY = 864e5;
  var iso = function (ms) { return new Date(ms).toISOString().slice(0, 10); };
  // A day by the words file's long date pattern (its fields EEEE, d, MMMM, y; literals start with '), as in
  // the pages (last_order_dates.js writes the rest of the fields).
  var words = function (day) {
    var t = new Date(Date.parse(day + "T00:00:00Z"));
    var fields = { EEEE: N.weekdays[t.getUTCDay()], d: t.getUTCDate(), MMMM: N.months[t.getUTCMonth()], y: t.getUTCFullYear() };
    return N.dates.long.map(function (part) { return part[0] === "'" ? part.slice(1) : fields[part]; }).join("");
  };
  var fill = function (text, values) {
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, function (all, name) { return values[name]; });
  };

  // The peak season containing the day (the largest extra days), with its last day, or null.
  function peakOn(day) {
    var md = day.slice(5), year = +day.slice(0, 4), found = null;
    N.peak_seasons.forEach(function (p) {
      var inside = p.from <= p.to ? md >= p.from && md <= p.to : md >= p.from || md <= p.to;
      if (inside && !(found && found.extra_days >= p.extra_days)) {
        var endYear = p.from > p.to && md >= p.from ? year + 1 : year;
        found = { extra_days: p.extra_days, extra: p.extra, until: endYear + "-" + p.to };
      }
    });
    return found;
  }

  // The first closure announced on the day: from days_before its start to its last day.
  function closureOn(day) {
    for (var i = 0; i < N.closures.length; i++) {
      var c = N.closures[i];
      if (day >= iso(Date.parse(c.from + "T00:00:00Z") - N.days_before * DAY) && day <= c.to) return c;
    }
    return null;
  }

  // The season whose first last order date the notice names on the day: from its start to that date.
  function seasonOn(day) {
    for (var i = 0; i < N.last_order_seasons.length; i++) {
      var s = N.last_order_seasons[i];
      if (day >= s.from && day <= s.first) return s;
    }
    return null;
  }

  // The shop's date at an instant from the build's table of its clock changes (N.clock), or null outside
  // the table's years: no time zone formatter (Intl) to make while the page is read.
  function shopDate(ms) {
    var offset = null, changes = N.clock.changes;
    for (var i = 0; i < changes.length && changes[i][0] <= ms; i++) offset = changes[i][1];
    return offset === null || ms >= N.clock.until ? null : iso(ms + offset * 6e4);
  }

  var clock = null;
  // The shop's date today, or null when no notice applies on any date the shop may have now
  // (UTC's date and the days either side). Intl only outside the table's years.
  function shopToday() {
    var now = Date.now();
    if (![-1, 0, 1].some(function (k) { var d = iso(now + k * DAY); return peakOn(d) || closureOn(d) || seasonOn(d); })) return null;
    var today = shopDate(now);
    if (today) return today;
    clock = clock || new Intl.DateTimeFormat("en-US",
      { timeZone: N.time_zone, year: "numeric", month: "2-digit", day: "2-digit" });
    var p = {};
    clock.formatToParts(now).forEach(function (part) { p[part.type] = part.value; });
    return p.year + "-" + p.month + "-" + p.day;
  }

  function show(box) {
    var notice = box && box.querySelector(".help-notice");
    if (!notice) return;
    var today = shopToday(), parts = [];
    var closure = today && closureOn(today), peak = today && peakOn(today), season = today && seasonOn(today);
    if (closure) {
      parts.push(fill(today >= closure.from ? N.closure_now : N.closure_coming, {
        from: words(closure.from), to: words(closure.to),
        ships_from: words(closure.ships_from), ships_by: words(closure.ships_by),
      }));
    }
    if (peak) {
      parts.push(fill(N.peak_season, { extra_days: peak.extra, until: words(peak.until) }));
    }
    if (season) parts.push(fill(N.last_order_dates_coming, { name: season.name, first: words(season.first) }));
    box.hidden = !parts.length;
    if (!parts.length) return;
    notice.querySelector(".help-notice-text").textContent = parts.join(" ");
    var link = notice.querySelector(".help-notice-link");
    if (link) link.hidden = !((peak || season) && N.link);
    notice.hidden = false;
    var content = box.querySelector(".md-typeset"); // dismissed before (Material's announce.dismiss)?
    if (window.__md_hash && content && __md_hash(content.innerHTML) === __md_get("__announce")) box.hidden = true;
  }

  var box = document.currentScript.closest("[data-md-component=announce]");
  show(box);
  // Material's instant navigation swaps the bar for the next page's, whose script does not run.
  new MutationObserver(function () {
    var next = document.querySelector("[data-md-component=announce]");
    if (next !== box) show(box = next);
  }).observe(document.body, { childList: true });
})
