"""The words files: one per language variant (words/en-GB.yml, words/en-US.yml), chosen by the shop's locale
(shop.locale in policies.yaml) and changed per shop by content/words.yml, checked like the topics: every
sentence the generator needs (`SENTENCES`), each with its placeholders, with file, line and key.

A third language variant is a new file in words/ (every key of `SENTENCES`, its dates as CLDR patterns);
the names of months and weekdays come from CLDR for its locale.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import babel
import yaml

from .errors import DataError, Finding, Findings
from .schema import JsonSchema, Optional, Patterned, Record, Text, error_at
from .words import BROWSER_FIELDS, PLACEHOLDER, Words, pattern_fields
from .yaml_source import read_yaml

FOLDER = Path(__file__).resolve().parents[3] / "words"  # the generator's words, beside hooks/
OVERRIDE_FILE = "words.yml"  # a shop's changes, in its content/
DEFAULT_LOCALE = "en-GB"

# Each sentence the generator needs, by key ("section.name"): its placeholders, and what it is for.
SENTENCES: dict[str, tuple[tuple[str, ...], str]] = {
    "dates.long": ((), "a date with its weekday, as a CLDR pattern (EEEE d MMMM y: Thursday 24 December 2026)"),
    "dates.day_of_year": ((), "a day of every year, as a CLDR pattern (d MMMM: 24 December)"),
    "dates.time": ((), "a time of day, as a CLDR pattern (HH:mm: 14:00; h:mm a: 2:00 PM)"),
    "calendar.holidays": (("name",), "the public holidays that close the shop, from the name in policies.yaml "
                                     "(calendar.bank_holidays.name)"),
    "policy.next_day": ((), 'completes "We start processing your order ..." without a cut-off time'),
    "policy.same_day": (("time",), 'completes "We start processing your order ..." with a cut-off time'),
    "policy.reply_within": (("days",), "how soon the shop answers emails"),
    "policy.closed_also": (("dates",), "the shop's extra closed days"),
    "policy.not_shipped_to": (("places",), "the countries the shop does not ship to"),
    "policy.on_day": (("date",), "a closure of a single day"),
    "policy.from_to": (("from", "to"), "a closure of several days, or a peak season"),
    "policy.weekdays": (("first", "last"), "consecutive weekdays"),
    "policy.destination": ((), "the heading of the delivery table's destinations"),
    "policy.delivery_time": (("unit",), "the heading of the delivery table's times"),
    "policy.service_delivery_time": (("service", "unit"), "the heading of a delivery service's times"),
    "policy.price": ((), "the heading of the delivery table's prices"),
    "policy.free": ((), "a delivery price of nothing"),
    "policy.free_from": (("price", "amount"), "a delivery price with free delivery from an order total"),
    "policy.business_days_are": (("days", "holidays"), "what business days are, under the delivery table"),
    "policy.delivery_days_are": (("days", "holidays"), "what delivery days are, under the delivery table"),
    "policy.peak_season": (("days", "extra"), "one peak season"),
    "policy.peak_seasons": (("seasons",), "several peak seasons"),
    "policy.peak_span": (("days", "extra"), "one of several peak seasons"),
    "policy.notice_on_start": ((), "a closure's notice shown on its first day"),
    "policy.notice_before": (("days",), "a closure's notice shown days before"),
    "policy.last_order_notice_on": ((), "the last order notice shown on the first last order date"),
    "policy.last_order_notice_before": (("days",), "the last order notice shown days before"),
    "policy.target_date": (("name", "day"), "a target date"),
    "last_order.rule": (("processing", "peak", "time_zone"), "the rule of the last order dates"),
    "last_order.processing": (("longest", "holidays"), "the processing time in the rule"),
    "last_order.processing_none": ((), "the rule's processing time when orders ship the day they start"),
    "last_order.peak": ((), "the rule's words for a peak season"),
    "last_order.cutoff": (("time",), "the rule's words for the same day cut-off"),
    "last_order.caption": (("service",), "the caption of a delivery service's table"),
    "last_order.arrive_by": ((), "the table's heading of the target dates"),
    "last_order.delivery_to": ((), "the table's heading of the destinations"),
    "last_order.order_by": ((), "the table's heading of the last order dates"),
    "last_order.order_by_before": (("date", "time", "time_zone"), "a last order date with its cut-off time"),
    "last_order.today": (("date",), "the last order date when it is today"),
    "last_order.passed": (("verdict",), "a last order date that has passed"),
    "last_order.not_yet": ((), "a last order date that cannot be worked out yet"),
    "last_order.in_time": ((), "an order that should arrive by the target date"),
    "last_order.not_promised": ((), "an order that may arrive by the target date"),
    "last_order.likely_late": ((), "an order that will most likely arrive too late"),
    "last_order.will_it_arrive": (("name", "date", "verdict"), "the delivery check's line about a target date"),
    "returns.reach": (("days",), "the return window when the return must reach the shop"),
    "returns.send": (("days",), "the return window when the return must be sent"),
    "returns.notify_then_send": (("days", "send_days"), "the return window when the shopper tells the shop, then "
                                                        "sends"),
    "returns.moves": ((), "a return deadline on a closed day moves"),
    "returns.both_move": ((), "both deadlines of notify then send move"),
    "returns.not_returnable": (("items",), "the items that can't be returned"),
    "returns.restocking_fee": (("fee",), "the restocking fee for a change of mind"),
    "returns.postage_shopper": ((), "the shopper pays for the return postage"),
    "returns.postage_shop": ((), "the shop pays for the return postage"),
    "returns.form": (("url",), "the first step of a return, with the returns form's address"),
    "returns.ask_form": (("email", "when"), "the first step of a return, asking for the form by email"),
    "returns.ask_form_and_address": (("email", "when"), "the same, asking for the return address too"),
    "returns.reply_within": (("days",), "how soon the shop emails the form, in the first step"),
    "returns.address": (("address",), "the return address"),
    "returns.exchange_link": (("url",), "the link to the page that says how an exchange works"),
    "remedies.refund": ((), "a refund, as the returns answer offers it"),
    "remedies.exchange": ((), "an exchange, as offered"),
    "remedies.store_credit": ((), "store credit, as offered"),
    "units.calendar_days": ((), "the unit of a delivery table's times when every day counts"),
    "units.business_days": ((), "the unit when the shop's business days count"),
    "units.delivery_days": ((), "the unit when the carrier's delivery days count"),
    "amounts.range": (("min", "max"), "a range of a unit: max is the amount of the unit at its end"),
    "policy.immediately": ((), "a refund that shows on the statement the day it is issued"),
    "answers.at": (("time", "date"), "a moment: a time on a date"),
    "answers.same_time": (("moment", "time_zone"), "a moment when the shopper's clock is the shop's"),
    "answers.your_time": (("moment", "shop_moment", "time_zone"), "a moment on the shopper's clock, then the shop's"),
    "answers.on": (("date",), "an estimate of a single day"),
    "answers.between": (("first", "last"), "the days of an estimate"),
    "answers.too_early": (("date",), "a date before the calculator's first"),
    "answers.too_late": ((), "a date after the calculator's last"),
    "answers.hello": ((), "the first line of an answer's prefilled email"),
    "answers.email_us": (("email",), "the link of an answer's prefilled email"),
    "answers.please_add": ((), "what the shopper fills in, in a prefilled email"),
    "answers.ordered_in_future": ((), "an order date in the future"),
    "answers.cancel_free": (("ordered", "until"), "an order that can still be cancelled"),
    "answers.cancel_ended": (("ordered", "until"), "an order whose free cancellation has ended"),
    "answers.cancel_subject": ((), "the subject of the cancellation email"),
    "answers.cancel_free_email": ((), "the cancellation email"),
    "answers.cancel_ended_email": ((), "the cancellation email after free cancellation"),
    "answers.order_number": (("add",), "the order number line of an email"),
    "answers.ordered_at": (("ordered",), "the order time line of an email"),
    "answers.ships": (("ordered", "ships"), "when an order ships"),
    "answers.arrives": (("arrives",), "when an order arrives"),
    "answers.arrives_peak": (("arrives",), "when an order arrives in a peak season"),
    "answers.service_arrives": (("service", "arrives"), "when an order arrives by a delivery service"),
    "answers.service_arrives_peak": (("service", "arrives"), "when an order arrives by a delivery service in a "
                                                             "peak season"),
    "answers.today_before_update": ((), "today before the last tracking update"),
    "answers.tracking_stuck": (("updated", "days", "today"), "tracking that is stuck"),
    "answers.tracking_subject": ((), "the subject of the stuck tracking email"),
    "answers.tracking_email": (("updated",), "the stuck tracking email"),
    "answers.tracking_number": (("add",), "the tracking number line of an email"),
    "answers.tracking_normal": (("updated", "today", "stale_from"), "tracking that is still normal"),
    "answers.unknown_country": ((), "a country not on the list"),
    "answers.not_shipped": (("country",), "a country the shop does not ship to"),
    "answers.unknown_service": ((), "a delivery service not on the list"),
    "answers.real_date": ((), "a date that does not exist"),
    "answers.real_date_time": ((), "a date and time that do not exist"),
    "answers.enter_date": ((), "a date left empty"),
    "answers.enter_date_time": ((), "a date and time left empty"),
    "answers.date_in_future": ((), "a date in the future where it cannot be"),
    "answers.return_by": (("delivered", "day"), "the day a return must reach the shop"),
    "answers.return_by_passed": (("delivered", "days", "day"), "the day a return had to reach the shop, passed"),
    "answers.notify_by": (("delivered", "day"), "the day to tell the shop about a return"),
    "answers.notify_by_passed": (("delivered", "days", "day"), "the day to tell the shop about a return, passed"),
    "answers.send_by": (("delivered", "day"), "the day to send a return"),
    "answers.send_by_passed": (("delivered", "days", "day"), "the day to send a return, passed"),
    "answers.sent_after_telling": (("notified", "day"), "the day to send a return after telling the shop"),
    "answers.sent_after_telling_passed": (("notified", "days", "day"), "the same, passed"),
    "answers.notified_before_delivery": ((), "a day told before the delivery"),
    "answers.refund_due": (("received", "refund_by"), "the day a refund should be issued"),
    "answers.refund_late": (("received", "refund_by"), "the day a refund should have been issued, passed"),
    "answers.refund_subject": ((), "the subject of the late refund email"),
    "answers.refund_email": (("received",), "the late refund email"),
    "answers.return_tracking_number": (("add",), "the returned parcel's tracking number line of an email"),
    "answers.credit_by": (("issued", "method", "credit_by"), "the day a refund shows in the account"),
    "answers.credit_same_day": (("issued", "method"), "a refund that shows in the account the day it is issued"),
    "answers.choose_method": ((), "a payment method not chosen"),
    "checks.button": ((), "the button of every check"),
    "checks.cancellation": ((), "the title of the cancellation check"),
    "checks.delivery": ((), "the title of the delivery check"),
    "checks.tracking": ((), "the title of the tracking check"),
    "checks.ordered_past": ((), "the label of the date and time an order was placed"),
    "checks.ordered": ((), "the label of the date and time of an order, in the delivery check"),
    "checks.country": ((), "the label of the country list"),
    "checks.service": ((), "the label of the delivery service list"),
    "checks.updated": ((), "the label of the date of the last tracking update"),
    "checks.today": ((), "the label of today's date"),
    "checks.priced": (("name", "price"), "a delivery service and its price"),
    "checks.priced_free_from": (("name", "price", "free_from"), "a delivery service, free from an order total"),
    "checks.free": (("name",), "a free delivery service"),
    "checks.return_reach": ((), "the title of the return check when a return must reach the shop"),
    "checks.return_send": ((), "the title of the return check when a return must be sent"),
    "checks.return_notify_then_send": ((), "the title of the return check when the shopper tells, then sends"),
    "checks.delivered": ((), "the label of the delivery date"),
    "checks.notified": ((), "the label of the day the shopper told the shop about a return"),
    "checks.refund": ((), "the title of the refund check"),
    "checks.received": ((), "the label of the day a return reached the shop"),
    "checks.received_hint": ((), "where the shopper finds that day"),
    "checks.credit": ((), "the title of the refund to account check"),
    "checks.issued": ((), "the label of the day a refund was issued"),
    "checks.method": ((), "the label of the payment methods"),
    "review.cancellation": ((), "the cancellation check as the order dates page asks it, in make diff's report"),
    "review.delivery": ((), "the delivery check, as asked there"),
    "review.return_reach": ((), "the return check when a return must reach the shop, as asked there"),
    "review.return_send": ((), "the return check when a return must be sent, as asked there"),
    "review.return_notify_then_send": ((), "the return check when the shopper tells, then sends, as asked there"),
    "review.refund": ((), "the refund check, as asked there"),
    "review.credit": ((), "the refund to account check, as asked there"),
    "review.tracking": ((), "the tracking check, as asked there"),
    "contact.still_need_help": (("email",), "the closing line of every topic page"),
    "contact.question_about": (("topic",), "the subject of the closing line's email"),
    "contact.email_button": (("subject",), "the button under an answer that opens an email"),
    "contact.hello": (("shop",), "the first line of a prefilled email"),
    "contact.attached": ((), "the line before the list of attachments of a prefilled email"),
    "contact.thanks": ((), "the last line of a prefilled email"),
    "site.not_found_title": ((), "the title of the page for a link that leads nowhere"),
    "site.not_found_heading": ((), "its heading"),
    "site.not_found_text": ((), "its first line"),
    "site.name": ((), "the site's name that make new-shop writes into a new shop's mkdocs.yml"),
    "site.search_label": ((), "the label of its search box"),
    "site.search_button": ((), "the button of its search box"),
    "site.start_from": (("link",), "its line with the link to the home page"),
    "site.home_link": ((), "the words of that link"),
    "site.not_found_contact": (("email",), "its contact line"),
    "search.nothing_matched": (("typed",), "the search panel when nothing matched"),
    "search.did_you_mean": (("query",), "the line above the results when a typo was corrected"),
    "search.try_other_words": ((), "the search panel's line before the topics"),
    "search.still_stuck": ((), "the search panel's line before the email button"),
    "search.email_button": ((), "the search panel's email button"),
    "search.email_subject": ((), "the subject of the search panel's email"),
    "search.email_searched": ((), "the line of that email before the words searched"),
    "search.email_question": ((), "the line of that email for the shopper's question"),
    "search.email_order_number": ((), "the line of that email for the order number"),
    "search.no_results": ((), "the search's count of no answers"),
    "search.one_result": ((), "the search's count of one answer"),
    "search.results": ((), "the search's count of answers (# is the number)"),
    "search.one_more": ((), "one more answer on the same page"),
    "search.more": ((), "more answers on the same page (# is the number)"),
}
PATTERNS = {key for key in SENTENCES if key.startswith("dates.")}  # CLDR patterns, not sentences
# The units the generator counts in, each written in every plural form of the locale (CLDR plural rules: English has
# one and other; other languages add zero, two, few or many), {{ n }} being the number.
AMOUNTS = {"day": "a number of days", "business_day": "a number of business days",
           "delivery_day": "a number of delivery days", "extra_day": "a peak season's extra days for delivery",
           "hour": "a number of hours"}
AMOUNT_PLACEHOLDERS = ("n",)
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")


def _schema(required: bool) -> Record:
    """The shape of a words file: a section per key's first part, a text per sentence. A shop's file
    (required=False) may leave out anything."""
    sections: dict[str, dict[str, Any]] = {}
    for key, (names, what) in SENTENCES.items():
        section, name = key.split(".")
        placeholders = f"; placeholders: {', '.join(names)}" if names else ""
        text = Text(description=what + placeholders)
        sections.setdefault(section, {})[name] = text if required else Optional(text)
    records = {section: Record(fields, description=f"the words of {section}") for section, fields in
               sections.items()}
    records["calendar"].fields["holidays_by_country"] = Optional(_ByCountry(
        description="the holidays of a country by its own name, by country code (US: \"{{ name }} holidays\")"))
    for unit, what in AMOUNTS.items():
        plural = _PluralForms(description=f"{what}, in each plural form of the locale; placeholder: n")
        records["amounts"].fields[unit] = plural if required else Optional(plural)
    if not required:
        records = {section: Optional(record) for section, record in records.items()}
    return Record(records, description="the words the generator writes around the shop's values")


class _ByCountry(Text):
    """A sentence per country code."""

    def read(self, node: yaml.Node, key: str, file: str) -> dict[str, str]:
        if not isinstance(node, yaml.MappingNode):
            raise error_at(file, node, key, "expected a sentence per country code, such as US: \"{{ name }} "
                                            "holidays\"")
        return {code.value: Text().read(value, f"{key}.{code.value}", file) for code, value in node.value}

    def json_schema(self) -> JsonSchema:
        return self._described({"type": "object", "propertyNames": {"pattern": "^[A-Z]{2}$"},
                                "additionalProperties": {"type": "string"}})


class _PluralForms(Text):
    """A sentence per plural form of the locale (one: "{{ n }} day", other: "{{ n }} days")."""

    def read(self, node: yaml.Node, key: str, file: str) -> dict[str, str]:
        forms = "one: \"{{ n }} day\" and other: \"{{ n }} days\""
        if not isinstance(node, yaml.MappingNode):
            raise error_at(file, node, key, f"expected a sentence per plural form of the locale, such as {forms}")
        return {form.value: Text().read(value, f"{key}.{form.value}", file) for form, value in node.value}

    def json_schema(self) -> JsonSchema:
        return self._described({"type": "object", "propertyNames": {"enum": list(PLURAL_FORMS)},
                                "additionalProperties": {"type": "string"}})


SCHEMA = _schema(required=True)
OVERRIDE_SCHEMA = _schema(required=False)


def installed_locales() -> list[str]:
    """The language variants with a words file."""
    return sorted(path.stem for path in FOLDER.glob("*.yml"))


class Locale(Patterned):
    """A language variant such as "en-GB": the shop's words file (words/en-GB.yml) and the locale Babel writes its
    dates, times and amounts in."""

    EXPECTED = "a language variant such as en-GB or en-US"
    PATTERN = "[a-z]{2,3}-[A-Z]{2}"

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        value = super().read(node, key, file)
        problem = check_locale(value)
        if problem:
            raise error_at(file, node, key, problem)
        return value


def default_locale(country: str) -> str:
    """The locale of a shop that names none: English as written in its country when there is a words file
    for it (en-US for US), else British English."""
    return f"en-{country}" if f"en-{country}" in installed_locales() else DEFAULT_LOCALE


def check_locale(locale: str) -> str | None:
    """What is wrong with a locale a shop names ("fr-XX"), or None."""
    try:
        babel.Locale.parse(locale, sep="-")
    except (ValueError, babel.UnknownLocaleError):
        return f"{locale} is not a locale Babel knows (not installed); expected a language variant such as " \
               f"{' or '.join(installed_locales())}"
    if words_file_of(locale) not in installed_locales():
        return f"there is no words file for {locale} in words/; expected one of {', '.join(installed_locales())}, " \
               f"or add words/{locale}.yml (docs/maintainers.md, \"Words and locale\")"
    return None


def words_file_of(locale: str) -> str:
    """The words file a locale reads: its own (en-US), else, for English written elsewhere (en-IE, en-NL), British
    English's; the locale still writes the amounts (Babel, Intl)."""
    if locale in installed_locales() or not locale.startswith("en-"):
        return locale
    return DEFAULT_LOCALE


def load_words(locale: str, override: Path | None = None, override_name: str = "") -> Words:
    """The words of `locale` (words/<locale>.yml, or `words_file_of` it), with a shop's changes (`override`, when
    the file exists); raises `DataError` naming the file, line and key of every mistake."""
    found = Findings()
    name = f"words/{words_file_of(locale)}.yml"
    path = FOLDER / f"{words_file_of(locale)}.yml"
    if not path.is_file():
        raise DataError(name, None, "", f"the words file is missing; {check_locale(locale)}")
    node = read_yaml(path, name)
    shipped = SCHEMA.read(node, "", name)
    found.extend(_check_placeholders(node, name))
    found.extend(_check_plural_forms(node, locale, name, every=True))
    sentences = dict(_flatten(shipped))
    by_country = dict(shipped["calendar"]["holidays_by_country"] or {})
    if override is not None and override.is_file():
        node = read_yaml(override, override_name)
        changes = OVERRIDE_SCHEMA.read(node, "", override_name)
        found.extend(_check_placeholders(node, override_name))
        found.extend(_check_plural_forms(node, locale, override_name, every=False))
        sentences.update((key, value) for key, value in _flatten(changes) if value is not None)
        by_country.update((changes.get("calendar") or {}).get("holidays_by_country") or {})
    found.extend(_check_patterns(sentences, locale, name))
    found.raise_errors()
    return Words(locale, sentences, by_country)


def load_shop_words(locale: str | None, country: str, content: Path) -> Words:
    """A shop's words: its locale's (or, without one, its country's `default_locale`), with its changes in
    content/words.yml."""
    return load_words(locale or default_locale(country), content / OVERRIDE_FILE, f"{content.name}/{OVERRIDE_FILE}")


def _flatten(values: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Each sentence by its key: "policy.free", and "amounts.day.one" for a plural form."""
    for section, sentences in values.items():
        for name, value in (sentences or {}).items():
            if f"{section}.{name}" in SENTENCES:
                yield f"{section}.{name}", value
            elif section == "amounts" and name in AMOUNTS:
                yield from ((f"amounts.{name}.{form}", text) for form, text in (value or {}).items())


def plural_forms(locale: str) -> list[str]:
    """The plural forms a locale writes amounts in, in CLDR's order: one and other for English."""
    tags = babel.Locale.parse(locale, sep="-").plural_form.tags | {"other"}
    return [form for form in PLURAL_FORMS if form in tags]


def sentence_nodes(root: yaml.Node) -> Iterator[tuple[str, str, yaml.ScalarNode]]:
    """Each sentence of a words file as (its key, the key whose placeholders it has, its node)."""
    for section, sentences in root.value:
        if not isinstance(sentences, yaml.MappingNode):
            continue
        for key_node, value in sentences.value:
            key = f"{section.value}.{key_node.value}"
            if key == "calendar.holidays_by_country" and isinstance(value, yaml.MappingNode):
                yield from ((f"{key}.{code.value}", "calendar.holidays", text) for code, text in value.value
                            if isinstance(text, yaml.ScalarNode))
            elif section.value == "amounts" and key_node.value in AMOUNTS and isinstance(value, yaml.MappingNode):
                yield from ((f"{key}.{form.value}", "amounts", text) for form, text in value.value
                            if isinstance(text, yaml.ScalarNode))
            elif key in SENTENCES and key not in PATTERNS and isinstance(value, yaml.ScalarNode):
                yield key, key, value


def _check_placeholders(root: yaml.Node, name: str) -> list[Finding]:
    """Each sentence with the placeholders its key has, each once at least, and no other."""
    found = []
    for key, like, text in sentence_nodes(root):
        allowed = AMOUNT_PLACEHOLDERS if like == "amounts" else SENTENCES[like][0]
        used = [match.group(1) for match in PLACEHOLDER.finditer(text.value)]
        names = ", ".join(f"{{{{ {a} }}}}" for a in allowed) or "none"
        for unknown in [u for u in used if u not in allowed]:
            found.append(Finding(name, text.start_mark.line + 1, key,
                                 f'unknown placeholder "{{{{ {unknown} }}}}"; expected {names}'))
        for missing in [m for m in allowed if m not in used]:
            found.append(Finding(name, text.start_mark.line + 1, key,
                                 f'the placeholder "{{{{ {missing} }}}}" is missing; expected {names} in it'))
    return found


def _check_plural_forms(root: yaml.Node, locale: str, name: str, every: bool) -> list[Finding]:
    """Each amount in the plural forms of the locale: every one of them in a shipped file (`every`), and none
    other in a shop's changes."""
    forms, found = plural_forms(locale), []
    expected = f"expected {', '.join(forms)} for {locale}"
    amounts = next((value for key, value in root.value if key.value == "amounts"), None)
    for unit_node, value in amounts.value if isinstance(amounts, yaml.MappingNode) else []:
        if unit_node.value not in AMOUNTS or not isinstance(value, yaml.MappingNode):
            continue
        key, written = f"amounts.{unit_node.value}", [form.value for form, _ in value.value]
        found += [Finding(name, form.start_mark.line + 1, f"{key}.{form.value}",
                          f"{locale} has no plural form {form.value}; {expected}")
                  for form, _ in value.value if form.value not in forms]
        missing = [form for form in forms if form not in written] if every else []
        if missing:
            found.append(Finding(name, unit_node.start_mark.line + 1, key,
                                 f"the plural form {', '.join(missing)} is missing; {expected}"))
    return found


def _check_patterns(sentences: Mapping[str, str], locale: str, name: str) -> list[Finding]:
    """The date patterns read as CLDR patterns of the fields the browser writes too."""
    found = []
    for key, allowed in BROWSER_FIELDS.items():
        unknown = {part for part in pattern_fields(sentences[key]) if not part.startswith("'")} - set(allowed)
        if unknown:
            found.append(Finding(name, None, key, f"{', '.join(sorted(unknown))} in a pattern for {locale}: "
                                                  f"expected a CLDR pattern of {', '.join(allowed)}"))
    return found


@functools.cache
def shipped_words(locale: str = DEFAULT_LOCALE) -> Words:
    """A shipped words file, without a shop's changes."""
    return load_words(locale)


