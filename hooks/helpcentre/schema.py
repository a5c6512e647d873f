"""Field types: each reads a YAML node into a checked value and renders that value as Markdown.

A schema is a tree of fields (`Record`, `ListOf` and leaves). Reading walks the YAML node
tree with it, so every mistake is reported with its file, line and key path, and an
editor reads what was expected and what was found.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import json
import re
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pycountry
import yaml

from . import markdown_text as md
from .errors import DataError

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name, start=1)}

Renderer = Callable[[Any], str]


@dataclass(frozen=True)
class Span:
    """An inclusive range of whole numbers, such as a processing time in business days."""

    min: int
    max: int


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of calendar dates, such as a shop closure."""

    start: dt.date
    end: dt.date

    def dates(self) -> list[dt.date]:
        return [self.start + dt.timedelta(days=n) for n in range((self.end - self.start).days + 1)]


class Field:
    """Base of all fields. `render` overrides how the value is shown on pages."""

    def __init__(self, render: Renderer | None = None) -> None:
        if render is not None:
            self.render = render  # type: ignore[method-assign]

    def read(self, node: yaml.Node, key: str, file: str) -> Any:
        raise NotImplementedError

    def render(self, value: Any) -> str:
        return md.escape(str(value))


def fail(file: str, node: yaml.Node, key: str, expected: str, got: str | None = None) -> DataError:
    """The error for a value that is not what `expected` says."""
    return DataError(file, node.start_mark.line + 1, key, f"expected {expected}; got {got or shown(node)}")


def shown(node: yaml.Node) -> str:
    """How a node was written, for an error message."""
    if isinstance(node, yaml.MappingNode):
        return "a group of keys"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if node.tag == NULL:
        return "nothing"
    return json.dumps(node.value, ensure_ascii=False) if node.tag == STR else node.value


def _unquoted_hint(node: yaml.Node) -> str:
    """Why a plain scalar was not read as text, when YAML 1.1 turned it into something else."""
    if node.tag == BOOL:
        return f"{node.value} without quotes, which YAML reads as yes/no; put it in quotes"
    if node.tag in (INT, FLOAT):
        return f"{node.value} without quotes, which YAML reads as a number; put it in quotes"
    return shown(node)


def _scalar(node: yaml.Node, key: str, file: str, expected: str) -> yaml.ScalarNode:
    if not isinstance(node, yaml.ScalarNode) or node.tag == NULL:
        raise fail(file, node, key, expected)
    return node


class Text(Field):
    """A line of text, shown escaped."""

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        node = _scalar(node, key, file, "text")
        if node.tag != STR:
            raise fail(file, node, key, "text", _unquoted_hint(node))
        if not node.value.strip():
            raise fail(file, node, key, "some text")
        return node.value.strip()


class Markdown(Text):
    """A block of Markdown written by an editor (placeholders are filled in later)."""

    def render(self, value: str) -> str:
        return value


class Choice(Text):
    """One of a few words, each shown as its own phrase."""

    def __init__(self, phrases: Mapping[str, str]) -> None:
        super().__init__()
        self.phrases = dict(phrases)

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        value = super().read(node, key, file)
        if value not in self.phrases:
            raise fail(file, node, key, "one of " + md.join_words(list(self.phrases), "or"))
        return value

    def render(self, value: str) -> str:
        return md.escape(self.phrases[value])


class Email(Text):
    """An email address, shown as a link."""

    _PATTERN = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                          r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        value = super().read(node, key, file)
        if not self._PATTERN.match(value) or ".." in value:
            raise fail(file, node, key, "an email address such as help@example.com")
        return value

    def render(self, value: str) -> str:
        return f"[{md.escape(value)}](mailto:{value})"


class Whole(Field):
    """A whole number, optionally of a unit ("day", "business day", "hour")."""

    def __init__(self, unit: str = "", minimum: int = 1, maximum: int | None = None,
                 render: Renderer | None = None) -> None:
        super().__init__(render)
        self.unit, self.minimum, self.maximum = unit, minimum, maximum

    def expected(self) -> str:
        what = f"a whole number of {self.unit}s" if self.unit else "a whole number"
        bounds = f", at least {self.minimum}"
        return what + (bounds + f" and at most {self.maximum}" if self.maximum is not None else bounds)

    def read(self, node: yaml.Node, key: str, file: str) -> int:
        node = _scalar(node, key, file, self.expected())
        if node.tag != INT or not re.fullmatch(r"[+-]?[0-9]+", node.value):
            raise fail(file, node, key, self.expected())
        value = int(node.value)
        if value < self.minimum or (self.maximum is not None and value > self.maximum):
            raise fail(file, node, key, self.expected())
        return value

    def render(self, value: int) -> str:
        return md.plural(value, self.unit) if self.unit else str(value)


class Range(Field):
    """`min` and `max` whole numbers of a unit, shown as "min to max unit"."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit
        self.record = Record({"min": Whole(unit), "max": Whole(unit)})

    def read(self, node: yaml.Node, key: str, file: str) -> Span:
        values = self.record.read(node, key, file)
        if values["min"] > values["max"]:
            max_node = next(v for k, v in node.value if k.value == "max")
            raise fail(file, max_node, f"{key}.max", f"a maximum at least the minimum ({values['min']})")
        return Span(values["min"], values["max"])

    def render(self, value: Span) -> str:
        if value.min == value.max:
            return md.plural(value.max, self.unit)
        return f"{value.min} to {md.plural(value.max, self.unit)}"


class TimeOfDay(Field):
    """A time of day such as "14:00" (quoted), or null for none."""

    EXPECTED = 'a time in quotes such as "14:00", or null for none'

    def __init__(self, render: Renderer | None = None) -> None:
        super().__init__(render)

    def read(self, node: yaml.Node, key: str, file: str) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == INT and ":" in node.value:
            raise fail(file, node, key, self.EXPECTED,
                       f"{node.value} without quotes, which YAML reads as the number "
                       f"{yaml.safe_load(node.value)}")
        if not isinstance(node, yaml.ScalarNode) or node.tag != STR:
            raise fail(file, node, key, self.EXPECTED)
        match = re.fullmatch(r"([01][0-9]|2[0-3]):([0-5][0-9])", node.value.strip())
        if not match:
            raise fail(file, node, key, self.EXPECTED)
        return match.group(0)


class CountryCode(Field):
    """A two-letter ISO 3166 country code, shown as the country's name."""

    EXPECTED = 'a two-letter country code in quotes, such as "US"'

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL:
            raise fail(file, node, key, self.EXPECTED,
                       f"{node.value} without quotes, which YAML reads as "
                       f"{str(yaml.safe_load(node.value)).lower()}")
        node = _scalar(node, key, file, self.EXPECTED)
        if node.tag != STR or country_name(node.value) is None:
            raise fail(file, node, key, self.EXPECTED)
        return node.value

    def render(self, value: str) -> str:
        return md.escape(country_name(value) or value)


def country_name(code: str) -> str | None:
    """The everyday English name of an ISO 3166 alpha-2 code, or None if there is none."""
    if not re.fullmatch(r"[A-Z]{2}", code):
        return None
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


class DayOfYear(Text):
    """A day that recurs every year, written '20 November'; read as (month, day)."""

    EXPECTED = 'a day and month such as "20 November"'

    def read(self, node: yaml.Node, key: str, file: str) -> tuple[int, int]:
        text = super().read(node, key, file) if node.tag == STR else None
        match = re.fullmatch(r"([0-9]{1,2}) ([A-Za-z]+)", text or "")
        month = MONTHS.get(match.group(2).lower()) if match else None
        if not match or not month or not 1 <= int(match.group(1)) <= calendar.monthrange(2024, month)[1]:
            raise fail(file, node, key, self.EXPECTED)
        return month, int(match.group(1))

    def render(self, value: tuple[int, int]) -> str:
        return f"{value[1]} {calendar.month_name[value[0]]}"


class YearlyDay(DayOfYear):
    """A day of the year that comes every year: 29 February is refused."""

    EXPECTED = 'a day and month that comes every year, such as "24 December"'

    def read(self, node: yaml.Node, key: str, file: str) -> tuple[int, int]:
        try:
            value = super().read(node, key, file)
        except DataError:
            raise fail(file, node, key, self.EXPECTED) from None
        if value == (2, 29):
            raise fail(file, node, key, self.EXPECTED)
        return value


def long_date(day: dt.date) -> str:
    """'Thursday 24 December 2026'."""
    return f"{calendar.day_name[day.weekday()]} {day.day} {calendar.month_name[day.month]} {day.year}"


class DateOrRange(Field):
    """A date (2026-12-24) or a range ({from: 2026-12-24, to: 2027-01-02})."""

    EXPECTED = "a date such as 2026-12-24, or from: and to: dates"

    def read(self, node: yaml.Node, key: str, file: str) -> DateRange:
        if isinstance(node, yaml.MappingNode):
            both = Record({"from": DateOrRange(), "to": DateOrRange()}).read(node, key, file)
            start, end = both["from"].start, both["to"].start
            if end < start:
                raise fail(file, node, f"{key}.to", "a date on or after the from: date")
            return DateRange(start, end)
        if not isinstance(node, yaml.ScalarNode) or node.tag != TIMESTAMP:
            raise fail(file, node, key, self.EXPECTED)
        try:
            day = dt.date.fromisoformat(node.value)
        except ValueError as error:
            raise fail(file, node, key, self.EXPECTED) from error
        return DateRange(day, day)

    def render(self, value: DateRange) -> str:
        if value.start == value.end:
            return long_date(value.start)
        return f"{long_date(value.start)} to {long_date(value.end)}"


class Weekdays(Field):
    """A list of weekday names; read as ISO weekday numbers (1 = Monday)."""

    def read(self, node: yaml.Node, key: str, file: str) -> tuple[int, ...]:
        names = ListOf(Text(), min_items=1).read(node, key, file)
        numbers = []
        for item, name in zip(node.value, names, strict=True):
            if name.lower() not in WEEKDAYS:
                raise fail(file, item, key, "a day of the week such as Monday")
            numbers.append(WEEKDAYS[name.lower()])
        return tuple(sorted(set(numbers)))

    def render(self, value: tuple[int, ...]) -> str:
        names = [calendar.day_name[n - 1] for n in value]
        consecutive = len(value) > 2 and value == tuple(range(value[0], value[-1] + 1))
        return f"{names[0]} to {names[-1]}" if consecutive else md.join_words(names)


class TimeZone(Text):
    """An IANA time zone name such as Europe/London."""

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        value = super().read(node, key, file)
        if value not in zoneinfo.available_timezones():
            raise fail(file, node, key, "a time zone name such as Europe/London")
        return value


class ListOf(Field):
    """A YAML list of one field type. Shown inline ('a, b and c'), or by `render`."""

    def __init__(self, item: Field, min_items: int = 0, empty: str = "none at the moment",
                 render: Renderer | None = None) -> None:
        super().__init__(render)
        self.item, self.min_items, self.empty = item, min_items, empty

    def read(self, node: yaml.Node, key: str, file: str) -> list[Any]:
        if not isinstance(node, yaml.SequenceNode):
            raise fail(file, node, key, "a list" + (" (use [] for none)" if not self.min_items else ""))
        if len(node.value) < self.min_items:
            raise fail(file, node, key, f"a list of at least {self.min_items}", "an empty list")
        return [self.item.read(item, f"{key}[{n}]", file) for n, item in enumerate(node.value)]

    def render(self, value: list[Any]) -> str:
        return md.join_words([self.item.render(v) for v in value]) if value else self.empty


class Optional(Field):
    """A field that may be left out (or null)."""

    def __init__(self, field: Field) -> None:
        super().__init__()
        self.field = field

    def read(self, node: yaml.Node, key: str, file: str) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL:
            return None
        return self.field.read(node, key, file)

    def render(self, value: Any) -> str:
        return "" if value is None else self.field.render(value)


class Record(Field):
    """A YAML mapping with known keys: unknown, missing and duplicate keys are errors."""

    def __init__(self, fields: Mapping[str, Field], render: Renderer | None = None) -> None:
        super().__init__(render)
        self.fields = dict(fields)

    def read(self, node: yaml.Node, key: str, file: str) -> dict[str, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise fail(file, node, key, "a group of keys: " + ", ".join(self.fields))
        values: dict[str, Any] = {}
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else shown(key_node)
            path = f"{key}.{name}" if key else name
            if name in values:
                raise DataError(file, key_node.start_mark.line + 1, path,
                                "this key appears twice; expected each key once")
            if name not in self.fields:
                raise DataError(file, key_node.start_mark.line + 1, path, self._unknown(name))
            values[name] = self.fields[name].read(value_node, path, file)
        for name, field in self.fields.items():
            if name not in values:
                if not isinstance(field, Optional):
                    path = f"{key}.{name}" if key else name
                    raise DataError(file, node.start_mark.line + 1, path,
                                    f"this key is missing; expected {name}: under {key or 'the top level'}")
                values[name] = None
        return values

    def _unknown(self, name: str) -> str:
        close = difflib.get_close_matches(name, self.fields, n=1)
        hint = f'; did you mean "{close[0]}"?' if close else ""
        return f"unknown key; expected one of {', '.join(self.fields)}{hint}"
