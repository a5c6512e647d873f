"""Field types: each reads a YAML node into a checked value and renders that value as Markdown.

A schema is a tree of fields (`Record`, `ListOf` and leaves). Reading walks the YAML node
tree with it, so every mistake is reported with its file, line and key path, and an
editor reads what was expected and what was found. Each field also describes itself as a
JSON Schema (`json_schema`), which editors' YAML extensions use for completion, hover text
and inline errors (hooks/helpcentre/review/json_schema.py writes the files).
"""

from __future__ import annotations

import calendar
import datetime as dt
import decimal
import difflib
import functools
import importlib.resources
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import babel
import babel.numbers
import pycountry
import yaml

from . import markdown_text as md
from .errors import DataError, Findings
from .words import words

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
TIMESTAMP = "tag:yaml.org,2002:timestamp"

LOCALE = "en"  # the language of the site's words, for the names of countries
MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name, start=1)}

Renderer = Callable[[Any], str]
JsonSchema = dict[str, Any]
RendererIn = Callable[[Any, Mapping[str, Any]], str]  # a value and every value of its file: (value, values) -> Markdown


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
    """Base of all fields. `render` overrides how the value is shown on pages; `render_in` does too, for a
    value whose words depend on other values of the same file (the shop's email, its home country);
    `description` says what the value means, for editors (the hover text of their YAML extension)."""

    EXPECTED = ""  # what a valid value looks like, in the words of the error messages

    def __init__(self, render: Renderer | None = None, render_in: RendererIn | None = None,
                 description: str = "") -> None:
        if render is not None:
            self.render = render  # type: ignore[method-assign]
        if render_in is not None:
            self.render_in = render_in  # type: ignore[method-assign]
        self.description = description

    def read(self, node: yaml.Node, key: str, file: str) -> Any:
        raise NotImplementedError

    def gather(self, node: yaml.Node, key: str, file: str, found: Findings) -> Any:
        """What can be read: the value, or None with its mistakes added to `found`. A list keeps the items and
        a group the keys that read, so that the checks after reading still see them."""
        with found.attempt():
            return self.read(node, key, file)
        return None

    def render(self, value: Any) -> str:
        return md.escape(str(value))

    def render_in(self, value: Any, values: Mapping[str, Any]) -> str:
        """How the value is shown, given every value of its file (`values`, keyed like the file)."""
        return self.render(value)

    def may_be_left_out(self) -> bool:
        return False

    def left_out(self) -> Any:
        """The value of a key that is not written."""
        return None

    def expected(self) -> str:
        return self.EXPECTED

    def json_schema(self) -> JsonSchema:
        """This field as a JSON Schema (Draft 2020-12) fragment, with its description."""
        raise NotImplementedError(f"{type(self).__name__} has no json_schema(): give it one, as the other field "
                                  "types have, so that `make schemas` can describe it to editors")

    def _described(self, schema: JsonSchema) -> JsonSchema:
        """`schema` with the description first: what the value means, then what it must look like."""
        text = " ".join(_sentence(part) for part in (self.description, self.expected() and
                                                     "expected " + self.expected()) if part)
        return {"description": text, **schema} if text else schema


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def _anchored(pattern: str) -> str:
    """A regular expression for the whole string, as JSON Schema's `pattern` (which searches) needs."""
    return f"^(?:{pattern})$"


def _string(pattern: str | None = None, message: str = "") -> JsonSchema:
    """A string schema; `message` is shown by VS Code's YAML extension when `pattern` does not match."""
    schema: JsonSchema = {"type": "string"}
    if pattern is not None:
        schema["pattern"] = pattern
        if message:
            schema["patternErrorMessage"] = _sentence(message)
    return schema


def fail(file: str, node: yaml.Node, key: str, expected: str, got: str | None = None) -> DataError:
    """The error for a value that is not what `expected` says."""
    if got is None and _curly(node):  # as a word processor types them: to YAML they are part of the value
        got = (f"{node.value} in curly quotes, which YAML keeps as part of the text; use straight quotes: "
               f"{_straight(node.value)}")
    return error_at(file, node, key, f"expected {expected}; got {got or shown(node)}")


def _curly(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and not node.style and bool(re.search(r"^[“”‘’„]|[“”‘’]$", node.value))


def _straight(value: str) -> str:
    return json.dumps(value.strip("“”‘’„"), ensure_ascii=False)


def child_key(key: str, name: str) -> str:
    """The key path of `name` under `key`: "returns.window_days", or "question 6, id refund-time, answer"
    under a list item named in words."""
    if not key:
        return name
    return f"{key}, {name}" if " " in key else f"{key}.{name}"


def item_key(key: str, index: int) -> str:
    """How messages name the item at `index` (from 0) of the list at `key`: counted from one, as editors count
    ("delivery.zones[1]" is the first zone)."""
    return f"{key}[{index + 1}]"


def node_at(node: yaml.Node, path: str) -> yaml.Node:
    """The YAML node at a key path such as delivery.services[1].zones or returns.condition[2], its items counted
    from one as messages count them (`item_key`; the path is known to exist)."""
    for part in re.findall(r"[^.\[\]]+|\[[0-9]+\]", path):
        node = node.value[int(part[1:-1]) - 1] if part.startswith("[") else next(
            value for key, value in node.value if key.value == part)
    return node


def error_at(file: str, node: yaml.Node, key: str, message: str) -> DataError:
    """A mistake at the line and column where `node` is written."""
    return DataError(file, node.start_mark.line + 1, key, message, node.start_mark.column + 1)


def shown(node: yaml.Node) -> str:
    """How a node was written, for an error message."""
    if isinstance(node, yaml.MappingNode):
        keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        return f"keys under it ({', '.join(keys)})"
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
    """A line of text, shown escaped.

    YAML reads " #" as the start of a comment, so "Where is order #1234?" written without quotes
    becomes "Where is order". A comment glued to its "#" (#1234) is always taken for such a cut-off;
    where editors write prose (`comments_cut_off`), any comment after the text is."""

    comments_cut_off = False

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        node = _scalar(node, key, file, "text")
        if node.tag != STR:
            raise fail(file, node, key, "text", _unquoted_hint(node))
        if not node.value.strip():
            raise fail(file, node, key, "some text")
        comment = getattr(node, "trailing_comment", None)
        if comment and (self.comments_cut_off or re.match(r"#[^\s#]", comment)):
            name = key.replace(", ", ".").rsplit(".", 1)[-1]
            whole = _straight(node.value + " " + comment)
            fix = f"the item in quotes: - {whole}" if name.endswith("]") else f"the {name} in quotes: {name}: {whole}"
            raise error_at(file, node, key, f'the text is cut off at "{comment}": in YAML, " #" starts a comment, '
                           f'so only "{node.value}" would be published; put {fix}')
        return node.value.strip()

    def json_schema(self) -> JsonSchema:
        return self._described(_string(r"\S", "expected some text"))


class Markdown(Text):
    """A block of Markdown written by an editor (placeholders are filled in later)."""

    def render(self, value: str) -> str:
        return value


class Choice(Text):
    """One of a few words, each shown as its own phrase: the one written here (what editors read), or, with
    `said`, the words file's sentence at said_<word> ("returns.postage" -> "returns.postage_shop")."""

    def __init__(self, phrases: Mapping[str, str], description: str = "", said: str = "") -> None:
        super().__init__(description=description)
        self.phrases = dict(phrases)
        self.said = said

    def expected(self) -> str:
        return "one of " + md.join_words(list(self.phrases), "or")

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        value = super().read(node, key, file)
        if value not in self.phrases:
            raise fail(file, node, key, self.expected())
        return value

    def json_schema(self) -> JsonSchema:
        schema = self._described({"type": "string", "enum": list(self.phrases),
                                  "enumDescriptions": [_sentence(phrase) for phrase in self.phrases.values()]})
        meanings = "; ".join(f'"{word}": {phrase}' for word, phrase in self.phrases.items())
        return {"description": f"{schema.pop('description', '')} {_sentence(meanings)}".strip(), **schema}

    def render(self, value: str) -> str:
        if self.said:
            return md.escape(words().say(f"{self.said}_{value}"))
        return md.escape(self.phrases[value])


class Patterned(Text):
    """Text that must match `PATTERN` as a whole; the build and the JSON Schema use the same expression."""

    PATTERN = ""

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        value = super().read(node, key, file)
        if not re.fullmatch(self.PATTERN, value):
            raise fail(file, node, key, self.EXPECTED)
        return value

    def json_schema(self) -> JsonSchema:
        return self._described(_string(_anchored(self.PATTERN), "expected " + self.EXPECTED))


class Url(Patterned):
    """The address of a web page (https://...), shown as a link by the phrase around it."""

    EXPECTED = "a web address such as https://example.com/returns"
    PATTERN = r"https?://[^\s/$.?#][^\s<>()\[\]]*"


class Email(Text):
    """An email address, shown as a link."""

    EXPECTED = "an email address such as help@example.com"
    _PATTERN = re.compile(r"^(?!.*\.\.)[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                          r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")  # no ".." anywhere

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        value = super().read(node, key, file)
        if not self._PATTERN.match(value):
            raise fail(file, node, key, self.EXPECTED)
        return value

    def json_schema(self) -> JsonSchema:
        return self._described(_string(self._PATTERN.pattern, "expected " + self.EXPECTED))

    def render(self, value: str) -> str:
        return f"[{md.escape(value)}](mailto:{value})"


class Whole(Field):
    """A whole number, optionally of a unit ("day", "business day", "hour")."""

    def __init__(self, unit: str = "", minimum: int = 1, maximum: int | None = None,
                 render: Renderer | None = None, description: str = "") -> None:
        super().__init__(render, description=description)
        self.unit, self.minimum, self.maximum = unit, minimum, maximum

    def expected(self) -> str:
        what = f"a whole number of {self.unit}s" if self.unit else "a whole number"
        bounds = f", at least {self.minimum}"
        return what + (bounds + f" and at most {self.maximum}" if self.maximum is not None else bounds)

    def read(self, node: yaml.Node, key: str, file: str) -> int:
        node = _scalar(node, key, file, self.expected())
        quoted = node.tag == STR and node.style in ('"', "'")  # "30" is what the editor meant by 30
        if not (node.tag == INT or quoted) or not re.fullmatch(r"[+-]?[0-9]+", node.value.strip()):
            raise fail(file, node, key, self.expected())
        value = int(node.value)
        if value < self.minimum or (self.maximum is not None and value > self.maximum):
            raise fail(file, node, key, self.expected())
        return value

    def render(self, value: int) -> str:
        return words().amount(value, self.unit) if self.unit else str(value)

    def json_schema(self) -> JsonSchema:
        bounds = {"minimum": self.minimum} | ({"maximum": self.maximum} if self.maximum is not None else {})
        # What the editors' YAML extension inserts on completion (else 0, which a minimum of 1 refuses).
        return self._described({"type": "integer", **bounds, "default": self.minimum})


class Range(Field):
    """`min` and `max` whole numbers of a unit, shown as "min to max unit"."""

    def __init__(self, unit: str, minimum: int = 1, description: str = "") -> None:
        super().__init__(description=description)
        self.unit = unit
        self.record = Record({"min": Whole(unit, minimum, description=f"the fewest {unit}s"),
                              "max": Whole(unit, minimum, description=f"the most {unit}s (at least min)")})

    def read(self, node: yaml.Node, key: str, file: str) -> Span:
        if not isinstance(node, yaml.MappingNode):
            name = key.replace(", ", ".").rsplit(".", 1)[-1]
            low, high = (node.value, node.value) if _is_whole(node) else ("1", "3")
            raise error_at(file, node, key, f"expected a minimum and a maximum; got {shown(node)}. Write them on two "
                           f"lines under {name}: (the same number twice for an exact figure):\n"
                           f"    {name}:\n      min: {low}\n      max: {high}")
        values = self.record.read(node, key, file)
        if values["min"] > values["max"]:
            max_node = next(v for k, v in node.value if k.value == "max")
            raise fail(file, max_node, child_key(key, "max"), f"a maximum at least the minimum ({values['min']})")
        return Span(values["min"], values["max"])

    def render(self, value: Span) -> str:
        return words().span(value.min, value.max, self.unit)

    def expected(self) -> str:
        return f"min: and max: whole numbers of {self.unit}s"

    def json_schema(self) -> JsonSchema:
        return {**self._described({}), **self.record.json_schema()}


def _is_whole(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and bool(re.fullmatch(r"[0-9]+", str(node.value).strip()))


class TimeOfDay(Field):
    """A time of day such as "14:00" (quoted), or null for none."""

    EXPECTED = 'a time in quotes such as "14:00", or null for none'
    PATTERN = r"([01][0-9]|2[0-3]):([0-5][0-9])"

    def __init__(self, render: Renderer | None = None, description: str = "") -> None:
        super().__init__(render, description=description)

    def read(self, node: yaml.Node, key: str, file: str) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL:
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == INT and ":" in node.value:
            raise fail(file, node, key, self.EXPECTED,
                       f"{node.value} without quotes, which YAML reads as the number "
                       f"{yaml.safe_load(node.value)}")
        if not isinstance(node, yaml.ScalarNode) or node.tag != STR:
            raise fail(file, node, key, self.EXPECTED)
        match = re.fullmatch(self.PATTERN, node.value.strip())
        if not match:
            raise fail(file, node, key, self.EXPECTED)
        return match.group(0)

    def json_schema(self) -> JsonSchema:
        return self._described({**_string(_anchored(self.PATTERN), "expected " + self.EXPECTED),
                                "type": ["string", "null"]})


class CountryCode(Field):
    """A two-letter ISO 3166 country code, shown as the country's name."""

    EXPECTED = 'a two-letter country code in quotes, such as "US"'

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL:
            raise fail(file, node, key, self.expected(),
                       f"{node.value} without quotes, which YAML reads as "
                       f"{str(yaml.safe_load(node.value)).lower()}")
        node = _scalar(node, key, file, self.expected())
        if node.tag == STR and node.value.strip().upper() in NOT_ISO:
            raise fail(file, node, key, self.expected(), f"{shown(node)}: {NOT_ISO[node.value.strip().upper()]}")
        if node.tag != STR or country_name(node.value) is None:
            raise fail(file, node, key, self.expected())
        return node.value

    def render(self, value: str) -> str:
        return md.escape(country_name(value) or value)

    def json_schema(self) -> JsonSchema:
        codes = sorted(country.alpha_2 for country in pycountry.countries)
        return self._described({"type": "string", "enum": codes})


# Codes shoppers and editors use that are not ISO 3166 alpha-2 codes (the EU's own, and everyday ones).
NOT_ISO = {"EL": 'Greece is "GR" (EL is the EU\'s code)', "UK": 'the United Kingdom is "GB"',
           "EN": 'England is part of the United Kingdom, "GB"'}


def country_name(code: str) -> str | None:
    """The name shoppers use for an ISO 3166 alpha-2 code (CLDR's English, such as "Congo - Kinshasa"), or
    None if there is no such country."""
    if not re.fullmatch(r"[A-Z]{2}", code) or pycountry.countries.get(alpha_2=code) is None:
        return None
    return _territories().get(code) or pycountry.countries.get(alpha_2=code).name


@functools.cache
def _territories() -> Mapping[str, str]:
    return babel.Locale.parse(LOCALE).territories


@functools.cache
def country_groups() -> dict[str, dict[str, Any]]:
    """The groups of countries a zone may name ("EU"): code -> {"name", "countries"}, from
    country_groups.yaml, which names its source."""
    text = importlib.resources.files(__package__).joinpath("country_groups.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["groups"]


class CountryOrGroup(CountryCode):
    """A country code, or a group of countries from country_groups.yaml (such as "EU"), kept as written."""

    def expected(self) -> str:
        groups = md.join_words([f'"{code}"' for code in country_groups()], "or")
        return f"{super().expected()}, or a group such as {groups}"

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        if isinstance(node, yaml.ScalarNode) and node.tag == STR and node.value in country_groups():
            return node.value
        return super().read(node, key, file)

    def render(self, value: str) -> str:
        group = country_groups().get(value)
        return md.escape(group["name"]) if group else super().render(value)

    def json_schema(self) -> JsonSchema:
        return {**super().json_schema(), "enum": [*super().json_schema()["enum"], *country_groups()]}


class Place(CountryOrGroup):
    """A country code, a group of countries, or a region that is not a country (such as Crimea), shown as
    written: a word that is not two capital letters."""

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        if isinstance(node, yaml.ScalarNode) and node.tag == STR and not re.fullmatch(r"[A-Z]{2,3}",
                                                                                         node.value.strip()):
            return Text().read(node, key, file)
        return super().read(node, key, file)

    def expected(self) -> str:
        return super().expected() + ", or the name of a region such as Crimea"

    def render(self, value: str) -> str:
        return super().render(value) if re.fullmatch(r"[A-Z]{2,3}", value) else md.escape(value)

    def json_schema(self) -> JsonSchema:
        return self._described({"type": "string"})


def expand_countries(codes: Sequence[str]) -> list[str]:
    """The country codes of a list of codes and groups, in the order written, each once."""
    return list(dict.fromkeys(member for code in codes for member in country_groups().get(code, {
        "countries": [code]})["countries"]))


class Currency(Patterned):
    """An ISO 4217 currency code such as "USD": the currency of every price."""

    EXPECTED = 'a currency code such as "USD", "EUR" or "GBP"'
    PATTERN = "[A-Z]{3}"

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        value = super().read(node, key, file)
        if value not in babel.numbers.list_currencies():
            raise fail(file, node, key, self.EXPECTED)
        return value


class Money(Field):
    """An amount of the shop's currency written as a number (4.95, not "$4.95"), shown in the site's locale
    ("$4.95"); the currency is the value at `currency` (a key path of the same file)."""

    EXPECTED = "an amount as a number such as 4.95, at least 0, without a currency sign"
    unit = "amount"  # what a typed figure of it is counted in (content/text_rules.py)

    def __init__(self, currency: str, description: str = "") -> None:
        super().__init__(description=description)
        self.currency = currency

    def read(self, node: yaml.Node, key: str, file: str) -> decimal.Decimal:
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (INT, FLOAT) or not re.fullmatch(
                r"[0-9]+(?:\.[0-9]{1,2})?", node.value.strip()):
            raise fail(file, node, key, self.EXPECTED)
        return decimal.Decimal(node.value.strip())

    def render_in(self, value: decimal.Decimal, values: Mapping[str, Any]) -> str:
        currency: Any = values
        for part in self.currency.split("."):
            currency = currency[part]
        return md.escape(format_money(value, currency))

    def json_schema(self) -> JsonSchema:
        return self._described({"type": "number", "minimum": 0, "multipleOf": 0.01})


@dataclass(frozen=True)
class Charge:
    """A fee: a percentage of the price, or an amount (in `currency` when written with one, else the shop's)."""

    percent: decimal.Decimal | None = None
    amount: decimal.Decimal | None = None
    currency: str | None = None


class Fee(Field):
    """A fee written as a percentage ("10%") or as an amount of the shop's currency (5.00, or "5.00 USD" with its
    code, which must then be the shop's); shown as "10%" or "$5.00"."""

    EXPECTED = 'a percentage such as "10%" (at most 100%), or an amount of the shop\'s currency such as 5.00'
    _PERCENT = re.compile(r"([0-9]+(?:\.[0-9]+)?) ?%")
    _AMOUNT = re.compile(r"([0-9]+(?:\.[0-9]{1,2})?)(?: ([A-Z]{3}))?")

    def __init__(self, currency: str, description: str = "") -> None:
        super().__init__(description=description)
        self.currency = currency

    def read(self, node: yaml.Node, key: str, file: str) -> Charge:
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (INT, FLOAT, STR):
            raise fail(file, node, key, self.EXPECTED)
        text = node.value.strip()
        if percent := self._PERCENT.fullmatch(text):
            value = decimal.Decimal(percent[1])
            if not 0 < value <= 100:
                raise fail(file, node, key, "a percentage above 0% and at most 100%")
            return Charge(percent=value)
        if amount := self._AMOUNT.fullmatch(text):
            return Charge(amount=decimal.Decimal(amount[1]), currency=amount[2])
        raise fail(file, node, key, self.EXPECTED)

    def render_in(self, value: Charge, values: Mapping[str, Any]) -> str:
        if value.percent is not None:
            return f"{value.percent.normalize():f}%"
        currency: Any = values
        for part in self.currency.split("."):
            currency = currency[part]
        assert value.amount is not None
        return md.escape(format_money(value.amount, currency))

    def json_schema(self) -> JsonSchema:
        return self._described({"anyOf": [{"type": "number", "minimum": 0},
                                          _string(r"^[0-9]+(?:\.[0-9]+)? ?%$|^[0-9]+(?:\.[0-9]{1,2})? [A-Z]{3}$")]})


def format_money(amount: decimal.Decimal | float, currency: str) -> str:
    """An amount as shoppers read it in the shop's locale, such as $4.95 (CLDR's rules, as the browser's
    Intl.NumberFormat writes it for the same locale)."""
    return words().money(amount, currency)


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
        return words().day_of_year(*value)

    def json_schema(self) -> JsonSchema:
        return self._described(_string(self.pattern(), "expected " + self.EXPECTED))

    @staticmethod
    def pattern() -> str:
        """Every day that read() accepts, month names as the site writes them: '31 November' does not match."""
        days = {29: "0?[1-9]|[12][0-9]", 30: "30", 31: "31"}
        choices = []
        for last, numbers in days.items():
            months = [calendar.month_name[m] for m in MONTHS.values() if calendar.monthrange(2024, m)[1] >= last]
            choices.append(f"(?:{numbers}) (?:{'|'.join(months)})")
        return _anchored("|".join(choices))


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
    """'Thursday 24 December 2026', as the shop's locale writes it."""
    return words().long_date(day)


class Date(Field):
    """A calendar date written 2026-12-24 (without quotes)."""

    EXPECTED = "a date such as 2026-12-24"

    def read(self, node: yaml.Node, key: str, file: str) -> dt.date:
        return self.read_as(node, key, file, self.EXPECTED)

    @staticmethod
    def read_as(node: yaml.Node, key: str, file: str, expected: str) -> dt.date:
        if not isinstance(node, yaml.ScalarNode) or node.tag != TIMESTAMP:
            raise fail(file, node, key, expected)
        try:
            return dt.date.fromisoformat(node.value)
        except ValueError as error:
            raise fail(file, node, key, expected) from error

    def json_schema(self) -> JsonSchema:
        return self._described({**_string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "expected " + self.EXPECTED),
                                "format": "date"})


class DateOrRange(Field):
    """A date (2026-12-24) or a range ({from: 2026-12-24, to: 2027-01-02})."""

    EXPECTED = "a date such as 2026-12-24, or from: and to: dates"

    def __init__(self, render: Renderer | None = None, description: str = "") -> None:
        super().__init__(render, description=description)
        self.range = Record({"from": Date(description="the first day"),
                             "to": Date(description="the last day (on or after from)")})

    def read(self, node: yaml.Node, key: str, file: str) -> DateRange:
        if isinstance(node, yaml.MappingNode):
            both = self.range.read(node, key, file)
            start, end = both["from"], both["to"]
            if end < start:
                raise fail(file, node, child_key(key, "to"), "a date on or after the from: date")
            return DateRange(start, end)
        day = Date.read_as(node, key, file, self.EXPECTED)
        return DateRange(day, day)

    def json_schema(self) -> JsonSchema:
        return self._described({"anyOf": [Date().json_schema(), self.range.json_schema()]})

    def render(self, value: DateRange) -> str:
        if value.start == value.end:
            return words().say("policy.on_day", date=long_date(value.start))
        return words().say("policy.from_to", **{"from": long_date(value.start), "to": long_date(value.end)})


class Weekdays(Field):
    """A list of weekday names; read as ISO weekday numbers (1 = Monday)."""

    EXPECTED = "a list of days of the week such as [Monday, Tuesday]"

    def read(self, node: yaml.Node, key: str, file: str) -> tuple[int, ...]:
        names = ListOf(Text(), min_items=1).read(node, key, file)
        numbers = []
        for item, name in zip(node.value, names, strict=True):
            if name.lower() not in WEEKDAYS:
                raise fail(file, item, key, "a day of the week such as Monday")
            numbers.append(WEEKDAYS[name.lower()])
        return tuple(sorted(set(numbers)))

    def render(self, value: tuple[int, ...]) -> str:
        names = [words().weekday(n) for n in value]
        consecutive = len(value) > 2 and value == tuple(range(value[0], value[-1] + 1))
        return words().say("policy.weekdays", first=names[0], last=names[-1]) if consecutive else words().join(names)

    def json_schema(self) -> JsonSchema:  # the names as pages show them (reading also accepts "monday")
        return self._described({"type": "array", "minItems": 1,
                                "items": {"type": "string", "enum": list(calendar.day_name)}})


class TimeZone(Text):
    """An IANA time zone name such as Europe/London."""

    EXPECTED = "a time zone name such as Europe/London"

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        value = super().read(node, key, file)
        if value not in _time_zones():
            raise fail(file, node, key, self.EXPECTED)
        return value

    def json_schema(self) -> JsonSchema:
        return self._described({"type": "string", "enum": sorted(_time_zones())})


@functools.cache
def _time_zones() -> frozenset[str]:
    """The zones of the pinned tzdata package, listed in one file: the same names on every machine (the
    machine's own zone files may add a few old ones), read without walking the zone folders."""
    return frozenset(importlib.resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split())


class ListOf(Field):
    """A YAML list of one field type. Shown inline ('a, b and c'), or by `render`.

    With a `sentence` (a key of the words file: policy.not_shipped_to, "We don't ship to {{ places }}."), the
    items are shown in it and an empty list shows nothing at all: the placeholder of an optional list is a whole
    sentence or no sentence."""

    def __init__(self, item: Field, min_items: int = 0, sentence: str | None = None,
                 render: Renderer | None = None, render_in: RendererIn | None = None, description: str = "",
                 label: Callable[[int, yaml.Node], str] | None = None) -> None:
        super().__init__(render, render_in, description)
        self.item, self.min_items, self.sentence = item, min_items, sentence
        self.label = label  # how messages name the item at an index, such as "question 6, id refund-time"

    def read(self, node: yaml.Node, key: str, file: str) -> list[Any]:
        found = Findings()
        items = self.gather(node, key, file, found)
        found.raise_errors()
        return items

    def gather(self, node: yaml.Node, key: str, file: str, found: Findings) -> list[Any] | None:
        if not isinstance(node, yaml.SequenceNode):
            found.add(fail(file, node, key, "a list" + (" (use [] for none)" if not self.min_items else "")))
            return None
        if len(node.value) < self.min_items:
            found.add(fail(file, node, key, f"a list of at least {self.min_items}", "an empty list"))
        items = (self.item.gather(item, self.label(n, item) if self.label else item_key(key, n), file, found)
                 for n, item in enumerate(node.value))
        return [item for item in items if item is not None]

    def render(self, value: list[Any]) -> str:
        return sentence_of(self.sentence, [self.item.render(v) for v in value])

    def json_schema(self) -> JsonSchema:
        least = {"minItems": self.min_items} if self.min_items else {}
        return self._described({"type": "array", **least, "items": self.item.json_schema()})


class MapOf(Field):
    """A YAML mapping from names the editor chooses (short ids such as card or paypal) to one field type; read
    as a dict in the order written."""

    ID = "[a-z][a-z0-9_]*"

    def __init__(self, value: Field, render: Renderer | None = None, description: str = "") -> None:
        super().__init__(render, description=description)
        self.value = value

    def read(self, node: yaml.Node, key: str, file: str) -> dict[str, Any]:
        if not isinstance(node, yaml.MappingNode) or not node.value:
            raise fail(file, node, key, "at least one short name (such as card) with its value under it")
        found, values = Findings(), {}
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else shown(key_node)
            path = child_key(key, str(name))
            if name in values:
                found.add(error_at(file, key_node, path, "this name appears twice; expected each once"))
            elif not isinstance(name, str) or not re.fullmatch(self.ID, name):
                found.add(fail(file, key_node, path, "a short name in lower case letters, digits and _, such as "
                                                     "card", json.dumps(name)))
            else:
                values[name] = self.value.gather(value_node, path, file, found)
        found.raise_errors()
        return values

    def render(self, value: dict[str, Any]) -> str:
        return words().join([self.value.render(item) for item in value.values()])

    def json_schema(self) -> JsonSchema:
        return self._described({"type": "object", "minProperties": 1, "propertyNames": {"pattern": _anchored(self.ID)},
                                "additionalProperties": self.value.json_schema()})


def sentence_of(sentence: str | None, items: Sequence[str]) -> str:
    """The items joined ('a, b and c') and put into `sentence`: a key of the words file, whose one placeholder they
    fill; nothing when there are none."""
    if not items:
        return ""
    joined = words().join(items)
    return words().say_with(sentence, joined) if sentence else joined


class Optional(Field):
    """A field that may be left out (or null): shown as nothing then, unless `render_in` says otherwise."""

    def __init__(self, field: Field, render_in: RendererIn | None = None, description: str = "") -> None:
        super().__init__(render_in=render_in, description=description)
        self.field = field

    def read(self, node: yaml.Node, key: str, file: str) -> Any:
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL:
            return None
        return self.field.read(node, key, file)

    def render(self, value: Any) -> str:
        return "" if value is None else self.field.render(value)

    def json_schema(self) -> JsonSchema:
        """The field's schema, also allowing null (a Record does not require the key)."""
        schema = self.field.json_schema()
        inner = schema.pop("description", "")
        description = _sentence(self.description) + (f" {inner}" if inner else "") if self.description else inner
        if isinstance(schema.get("type"), str) and "enum" not in schema:
            schema = {**schema, "type": [schema["type"], "null"]}
        else:
            schema = {"anyOf": [schema, {"type": "null"}]}
        return {"description": description, **schema} if description else schema

    def may_be_left_out(self) -> bool:
        return True


class Gathered(dict[str, Any]):
    """The values of a group of keys as far as they read (`Record.gather`): `unread` names the keys written
    with a mistake in them."""

    def __init__(self, values: dict[str, Any]) -> None:
        super().__init__(values)
        self.unread: set[str] = set()


class Record(Field):
    """A YAML mapping with known keys: unknown, missing and duplicate keys are errors."""

    def __init__(self, fields: Mapping[str, Field], render: Renderer | None = None, description: str = "") -> None:
        super().__init__(render, description=description)
        self.fields = dict(fields)

    def json_schema(self) -> JsonSchema:
        required = [name for name, field in self.fields.items() if not field.may_be_left_out()]
        return self._described({
            "type": "object",
            "properties": {name: field.json_schema() for name, field in self.fields.items()},
            "required": required,
            "additionalProperties": False,
        })

    def read(self, node: yaml.Node, key: str, file: str) -> dict[str, Any]:
        found = Findings()
        values = self.gather(node, key, file, found)
        found.raise_errors()
        return values

    def gather(self, node: yaml.Node, key: str, file: str, found: Findings) -> Gathered | None:
        """The values of the keys that read; a key that does not read is None, and named in `unread`."""
        if not isinstance(node, yaml.MappingNode):
            found.add(fail(file, node, key, "the keys " + ", ".join(self.fields) + ", each on a line of its own"))
            return None
        values = Gathered(dict.fromkeys(self.fields))
        seen, misspelt = set(), set()
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, yaml.ScalarNode) else shown(key_node)
            path = child_key(key, name)
            if name in seen:
                found.add(error_at(file, key_node, path, "this key appears twice; expected each key once"))
            elif name not in self.fields:
                misspelt.update(difflib.get_close_matches(name, self.fields, n=1))
                found.add(error_at(file, key_node, path, self._unknown(name)))
            else:
                before = len(found.found)
                values[name] = self.fields[name].gather(value_node, path, file, found)
                if len(found.found) > before:
                    values.unread.add(name)
            seen.add(name)
        for name, field in self.fields.items():
            if name not in seen and name not in misspelt:  # a misspelt key is one mistake, not two
                if not field.may_be_left_out():
                    path = child_key(key, name)
                    found.add(error_at(file, node, path,
                                       f"this key is missing; expected {name}: under {key or 'the top level'}"))
                values[name] = field.left_out()
        return values

    def may_be_left_out(self) -> bool:
        """A group whose keys may all be left out may be left out itself (a section added later)."""
        return all(field.may_be_left_out() for field in self.fields.values())

    def left_out(self) -> dict[str, Any]:
        return {name: field.left_out() for name, field in self.fields.items()}

    def _unknown(self, name: str) -> str:
        close = difflib.get_close_matches(name, self.fields, n=1)
        hint = f'; did you mean "{close[0]}"?' if close else ""
        return f"unknown key; expected one of {', '.join(self.fields)}{hint}"


class YesNo(Field):
    """true or false: a switch, such as an opt-in."""

    EXPECTED = "true or false"

    def read(self, node: yaml.Node, key: str, file: str) -> bool:
        if not isinstance(node, yaml.ScalarNode) or node.tag != BOOL:
            raise fail(file, node, key, self.EXPECTED)
        return bool(yaml.safe_load(node.value))

    def json_schema(self) -> JsonSchema:
        return self._described({"type": "boolean"})

    def render(self, value: bool) -> str:
        return "yes" if value else "no"
