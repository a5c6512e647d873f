"""The browser writes dates, times and amounts as the pages do, in every shipped locale: calculator/last_order_dates.js
(the words file's patterns, CLDR's names) and Intl.NumberFormat under real Node, against Babel in Python, over a
set of dates, times and amounts; and Intl, for the same locale, names the months and weekdays as CLDR does."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import babel
import pytest

from conftest import ROOT
from helpcentre.reading.words_file import installed_locales, load_words

DAYS = ["2026-01-01", "2026-03-29", "2026-07-04", "2026-12-24", "2026-12-31", "2027-02-28", "2028-02-29"]
TIMES = ["00:00", "00:05", "09:30", "11:59", "12:00", "12:59", "13:00", "23:59"]
COUNTS = [0, 1, 2, 5, 11, 21, 101]
AMOUNTS = [("0.5", "USD"), ("4.95", "USD"), ("19", "USD"), ("1234.5", "GBP"), ("1000000", "EUR"), ("12.5", "EUR")]

BROWSER = """
import { amount, dateWords, writeDate } from "./last_order_dates.js";
import data from "./data.js";
const { days, times, amounts, counts } = JSON.parse(process.argv[2]);
const names = (options, dates) => dates.map((d) => new Intl.DateTimeFormat(data.locale, { ...options, timeZone: "UTC" })
  .formatToParts(d).find((part) => part.type === Object.keys(options)[0]).value);
console.log(JSON.stringify({
  days: days.map(dateWords),
  times: times.map((t) => writeDate("time", { hour: +t.slice(0, 2), minute: +t.slice(3) })),
  amounts: amounts.map(([n, currency]) => new Intl.NumberFormat(data.locale, { style: "currency", currency })
    .format(Number(n))),
  months: names({ month: "long" }, [...Array(12).keys()].map((m) => Date.UTC(2026, m, 1))),
  weekdays: names({ weekday: "long" }, [...Array(7).keys()].map((d) => Date.UTC(2026, 1, d + 1))),  // from Sunday
  counts: counts.map((n) => [amount(n, "day"), amount(n, "business_day")]),
}));
"""


def browser_writes(folder: Path, locale: str) -> dict[str, list[str]]:
    """What the calculator's scripts write in `locale`, run by Node on data carrying that locale's words."""
    words = load_words(locale)
    for script in ("last_order_dates.js", "engine.js"):
        shutil.copy(ROOT / "calculator" / script, folder / script)
    data = {"locale": locale, "words": words.browser("amounts.")}
    (folder / "data.js").write_text(f"export default {json.dumps(data)};\n", encoding="utf-8")
    (folder / "run.mjs").write_text(BROWSER, encoding="utf-8")
    asked = json.dumps({"days": DAYS, "times": TIMES, "amounts": AMOUNTS, "counts": COUNTS})
    run = subprocess.run(["node", "run.mjs", asked], cwd=folder, capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


@pytest.mark.parametrize("locale", installed_locales())
def test_the_browser_writes_what_babel_writes(tmp_path, locale):
    words = load_words(locale)
    written = browser_writes(tmp_path, locale)
    assert written["days"] == [words.long_date(dt.date.fromisoformat(day)) for day in DAYS]
    assert written["times"] == [words.time(time) for time in TIMES]
    assert written["amounts"] == [words.money(Decimal(amount), currency) for amount, currency in AMOUNTS]
    assert written["counts"] == [[words.amount(n, "day"), words.amount(n, "business day")] for n in COUNTS]
    browser = words.browser()
    assert (written["months"], written["weekdays"]) == (browser["months"], browser["weekdays"])


def test_the_two_locales_write_differently():
    """The agreement above is about something: en-GB and en-US write the same day and time apart."""
    british, american = load_words("en-GB"), load_words("en-US")
    day = dt.date(2026, 12, 24)
    assert (british.long_date(day), british.time("15:00")) == ("Thursday 24 December 2026", "15:00")
    assert (american.long_date(day), american.time("15:00")) == ("Thursday, December 24, 2026", "3:00 PM")


def test_the_browser_chooses_the_plural_form_babel_chooses():
    """A words file of any language gets the same form of an amount in the browser (Intl.PluralRules) as in the
    pages (Babel): the two read CLDR's rules, checked here in languages with two to six forms."""
    locales, numbers = ["en-GB", "fr-FR", "pl-PL", "ru-RU", "cy-GB", "ar-EG"], list(range(0, 212))
    script = ("const [locales, numbers] = JSON.parse(process.argv[1]); console.log(JSON.stringify(locales.map((l) => "
              "numbers.map((n) => new Intl.PluralRules(l).select(n)))));")
    run = subprocess.run(["node", "-e", script, json.dumps([locales, numbers])], capture_output=True, text=True,
                         check=True)
    forms = dict(zip(locales, json.loads(run.stdout), strict=True))
    for locale in locales:
        rule = babel.Locale.parse(locale, sep="-").plural_form
        assert forms[locale] == [rule(n) for n in numbers], locale
    assert len(set(forms["ar-EG"])) == 6 and set(forms["en-GB"]) == {"one", "other"}
