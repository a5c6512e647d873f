"""The generator's own words in use: the sentences it writes around the shop's values and the locale's writing
of dates, times and amounts (Babel, CLDR), which the browser repeats (calculator/locale.js).

Code chooses the sentence, the words file says it: code asks `words().say("policy.free_from", ...)` and
never holds the sentence. words_file.py reads the files (words/<locale>.yml, a shop's content/words.yml).
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import babel
import babel.dates
import babel.lists
import babel.numbers

PLACEHOLDER = re.compile(r"\{\{\s*(.*?)\s*\}\}")
# The fields of a date pattern that both Babel and the browser (calculator/locale.js) write.
BROWSER_FIELDS = {"dates.long": ("EEEE", "d", "MMMM", "y"), "dates.day_of_year": ("d", "MMMM"),
                  "dates.time": ("H", "HH", "h", "hh", "mm", "a")}


@dataclass(frozen=True)
class Words:
    """The sentences of one language variant (with the shop's changes) and its locale's writing of values."""

    locale: str  # "en-GB"
    sentences: Mapping[str, str]
    holidays_by_country: Mapping[str, str] = field(default_factory=dict)

    def say(self, key: str, **values: str) -> str:
        """The sentence at `key` with its placeholders filled."""
        return PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), self.sentences[key])

    def say_with(self, key: str, value: str) -> str:
        """The sentence at `key` with its one placeholder filled."""
        return _fill_one(self.sentences[key], value)

    @functools.cached_property
    def _babel(self) -> babel.Locale:
        return babel.Locale.parse(self.locale, sep="-")

    def holidays(self, country: str, name: str) -> str:
        """"England and Wales bank holidays", "US federal holidays": the calendar by its own name."""
        return _fill_one(self.holidays_by_country.get(country, self.sentences["calendar.holidays"]), name)

    def weekday(self, iso_weekday: int) -> str:
        """1 -> "Monday"."""
        return self._babel.days["format"]["wide"][iso_weekday - 1]

    def long_date(self, day: dt.date) -> str:
        return babel.dates.format_date(day, self.sentences["dates.long"], locale=self._babel)

    def day_of_year(self, month: int, day: int) -> str:
        return babel.dates.format_date(dt.date(2024, month, day), self.sentences["dates.day_of_year"],
                                       locale=self._babel)

    def time(self, hours_minutes: str) -> str:
        """"14:00" as the locale writes it ("2:00 PM")."""
        return babel.dates.format_time(dt.time.fromisoformat(hours_minutes), self.sentences["dates.time"],
                                       locale=self._babel)

    def money(self, amount: decimal.Decimal | float, currency: str) -> str:
        return babel.numbers.format_currency(amount, currency, locale=self._babel)

    def amount(self, count: int, unit: str) -> str:
        """A number of a unit ("business day") in the locale's plural form for it (the words file's amounts)."""
        return self.say(f"amounts.{unit.replace(' ', '_')}.{self._babel.plural_form(count)}", n=str(count))

    def span(self, low: int, high: int, unit: str) -> str:
        """A range of a unit (the words file's amounts.range), or one amount when both ends are the same."""
        high_amount = self.amount(high, unit)
        return high_amount if low == high else self.say("amounts.range", min=str(low), max=high_amount)

    def join(self, items: Sequence[str], style: str = "standard") -> str:
        """The items as one list in the locale's words: "a, b and c" (en-GB), "a, b, and c" (en-US); style "or":
        "a, b or c"."""
        return babel.lists.format_list(list(items), style=style, locale=self._babel)

    def browser(self, *keys: str) -> dict[str, Any]:
        """What a script needs to write as the pages do: the date patterns with the names they use, and the
        sentences whose keys start with one of `keys`."""
        names = self._babel
        return {
            "dates": {key.split(".")[1]: pattern_fields(value) for key, value in sorted(self.sentences.items())
                      if key.startswith("dates.")},
            "months": [names.months["format"]["wide"][n] for n in range(1, 13)],
            "weekdays": [names.days["format"]["wide"][(n + 6) % 7] for n in range(7)],  # Sunday first
            "periods": [names.day_periods["format"]["abbreviated"][period] for period in ("am", "pm")],
            "words": {key: value for key, value in sorted(self.sentences.items()) if keys and key.startswith(keys)},
        }


def _fill_one(sentence: str, value: str) -> str:
    return PLACEHOLDER.sub(lambda _: value, sentence)


_PATTERN_PART = re.compile(r"'((?:[^']|'')*)'|(([A-Za-z])\3*)|([^A-Za-z']+)")


def pattern_fields(pattern: str) -> list[str]:
    """A CLDR pattern as its fields and literal texts ("EEEE d MMMM y" -> EEEE, ' , d, ...); a literal starts
    with "'", so that a script tells the two apart."""
    return [match.group(2) or "'" + (match.group(4) or (match.group(1) or "'").replace("''", "'"))
            for match in _PATTERN_PART.finditer(pattern)]


_SPEAKING: ContextVar[Words | None] = ContextVar("words", default=None)


def words() -> Words:
    """The words in use: the shop's while its help centre is made (`speaking`). Outside a `speaking` block there
    are none, rather than another shop's language by default: a sentence written there is a mistake in the code."""
    chosen = _SPEAKING.get()
    if chosen is None:
        raise RuntimeError("words() outside a speaking(...) block: choose the shop's words first")
    return chosen


@contextmanager
def speaking(chosen: Words) -> Iterator[None]:
    """Within the block, `words()` is `chosen`."""
    token = _SPEAKING.set(chosen)
    try:
        yield
    finally:
        _SPEAKING.reset(token)
