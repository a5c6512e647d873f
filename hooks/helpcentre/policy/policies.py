"""The shop's policies: the schema of policies.yaml, loading it, and its values by key path."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry

from helpcentre.reading import markdown_text as md
from helpcentre.reading.errors import Finding, Findings
from helpcentre.reading.schema import (
    Choice,
    CountryCode,
    CountryOrGroup,
    Currency,
    DateOrRange,
    DayOfYear,
    Email,
    Fee,
    Field,
    ListOf,
    MapOf,
    Money,
    Optional,
    Patterned,
    Place,
    Range,
    Record,
    Text,
    TimeOfDay,
    TimeZone,
    Url,
    Weekdays,
    Whole,
    YearlyDay,
    YesNo,
    country_name,
    error_at,
    expand_countries,
    item_key,
    node_at,
)
from helpcentre.reading.words import words
from helpcentre.reading.words_file import Locale
from helpcentre.reading.yaml_source import read_yaml

from .bank_holidays import bank_holidays


def _render_cutoff(cutoff: str | None) -> str:
    if cutoff is None:
        return words().say("policy.next_day")
    return words().say("policy.same_day", time=words().time(cutoff))


def home_zone(zones: list[dict[str, Any]], home: str, not_shipped_to: list[str]) -> dict[str, Any] | None:
    """The zone of the shop's home country (the country of its bank holidays) when a table of zones must name
    that country in a row of its own: not when its zone is that country alone or is named after it
    ("Netherlands"), nor when it is not shipped to. A shopper at home never has to guess that "Everywhere else"
    is theirs. The zones are a service's as written (with groups) or as the calculator has them."""
    zone = zone_of(zones, home, not_shipped_to)
    if zone is None or zone["countries"] == [home] or (country_name(home) or home) in zone["name"]:
        return None
    return zone


def _render_delivery_times(_: Any, values: dict[str, Any]) -> str:
    """A table of delivery times per delivery service, its unit named, with prices when the shop gives them;
    what business or delivery days are, after the tables."""
    services = delivery_services(values["delivery"])
    tables = [_render_service(service, values, named=len(services) > 1) for service in services]
    units = dict.fromkeys(words for words in (_unit_words(service, values) for service in services) if words)
    return "\n\n" + "\n\n".join(part.strip("\n") for part in [*tables, *units]) + "\n\n"


def _render_service(service: dict[str, Any], values: dict[str, Any], named: bool) -> str:
    """One service's table, with a row for the shop's home country (`home_zone`)."""
    home, not_shipped = values["calendar"]["bank_holidays"]["country"], values["delivery"]["not_shipped_to"]
    priced = any(zone["price"] is not None for zone in service["zones"])
    zones = service["zones"]
    rows = [[md.escape(zone["name"]), transit_field(service).render(zone["transit_days"]),
             *([_render_price(zone, values)] if priced else [])] for zone in zones]
    if (zone := home_zone(zones, home, not_shipped)) is not None:
        rows.insert(0, [CountryCode().render(home), *rows[zones.index(zone)][1:]])
    unit = words().say("units." + service["transit_unit"].replace(" ", "_"))
    time = (words().say("policy.service_delivery_time", service=service["name"], unit=unit) if named
            else words().say("policy.delivery_time", unit=unit))
    return md.table([words().say("policy.destination"), time] + ([words().say("policy.price")] if priced else []),
                    rows)


def _render_price(zone: dict[str, Any], values: dict[str, Any]) -> str:
    if zone["price"] is None:
        return ""
    price = MONEY.render_in(zone["price"], values) if zone["price"] else words().say("policy.free")
    if zone["free_from"] is None or not zone["price"]:
        return price
    return words().say("policy.free_from", price=price, amount=MONEY.render_in(zone["free_from"], values))


def _unit_words(service: dict[str, Any], values: dict[str, Any]) -> str:
    """What a business or delivery day is, in a sentence; nothing for calendar days."""
    holidays = _render_bank_holidays(values["calendar"]["bank_holidays"])
    if service["transit_unit"] == "business days":
        days = Weekdays().render(values["processing"]["working_days"])
        return words().say("policy.business_days_are", days=days, holidays=holidays)
    if service["transit_unit"] == "delivery days":
        return words().say("policy.delivery_days_are", days=Weekdays().render(delivery_weekdays(service)),
                           holidays=holidays)
    return ""


def transit_field(service: dict[str, Any]) -> Range:
    """How a service's delivery times read: in calendar days as days (the table names the unit), in the other units
    with the unit's name (business days, delivery days)."""
    return TRANSIT if service["transit_unit"] == "calendar days" else Range(service["transit_unit"].removesuffix("s"))


def delivery_weekdays(service: dict[str, Any]) -> tuple[int, ...]:
    """The days a service counts as delivery days (Monday to Saturday unless it says otherwise)."""
    return service["delivery_days"] or (1, 2, 3, 4, 5, 6)


def zone_of(zones: list[dict[str, Any]], country: str, not_shipped: list[str]) -> dict[str, Any] | None:
    """The zone of a service a country falls in: the zone naming it, else one of its groups, else the zone
    for everywhere else; None when the service does not go there."""
    if country in expand_countries(not_shipped):
        return None
    return next((zone for zone in zones if country in (zone["countries"] or [])),
                next((zone for zone in zones if country in expand_countries(zone["countries"] or [])),
                     next((zone for zone in zones if zone["countries"] is None), None)))


def destination_names(delivery: dict[str, Any]) -> list[str]:
    """The names shoppers use for the countries a delivery service goes to (CLDR's English), A to Z."""
    services = delivery_services(delivery)
    codes = (country.alpha_2 for country in pycountry.countries)
    return sorted(name for code in codes if (name := country_name(code))
                  and any(zone_of(service["zones"], code, delivery["not_shipped_to"]) for service in services))


def zone_key(zone: dict[str, Any]) -> str:
    """The name of a zone in its placeholders: its first country or group as written, or rest."""
    return zone["countries"][0] if zone["countries"] else "rest"


def _render_peak_seasons(seasons: list[dict[str, Any]]) -> str:
    """A sentence for the peak seasons (the order date decides, as in the calculator), or nothing."""
    spans = [{"days": words().say("policy.from_to", **{"from": DAY.render(season["from"]),
                                                      "to": DAY.render(season["to"])}),
              "extra": words().amount(season["extra_days"], "extra day")} for season in seasons]
    if not spans:
        return ""
    if len(spans) == 1:
        return words().say("policy.peak_season", **spans[0])
    return words().say("policy.peak_seasons", seasons="; ".join(words().say("policy.peak_span", **span)
                                                                 for span in spans))


def _render_returns_form(url: str | None, values: dict[str, Any]) -> str:
    """The first step of a return: fill in the form from its page, or ask for it by email."""
    if url is not None:
        return words().say("returns.form", url=url)
    email, reply = Email().render(values["shop"]["email"]), values["shop"]["reply_business_days"]
    when = " " + words().say("returns.reply_within", days=words().amount(reply, "business day")) if reply else ""
    ask = "returns.ask_form" if values["returns"]["address"] else "returns.ask_form_and_address"
    return words().say(ask, email=email, when=when)


def _render_address(lines: list[str]) -> str:
    return words().say("returns.address", address=", ".join(md.escape(line) for line in lines))


def _render_notice_days(days: int) -> str:
    if days == 0:
        return words().say("policy.notice_on_start")
    return words().say("policy.notice_before", days=words().amount(days, "day"))


def _render_last_order_notice_days(days: int) -> str:
    if days == 0:
        return words().say("policy.last_order_notice_on")
    return words().say("policy.last_order_notice_before", days=words().amount(days, "day"))


def _render_target_date(target: dict[str, Any]) -> str:
    return words().say("policy.target_date", name=md.escape(target["name"]), day=DAY.render(target["arrive_by"]))


def _render_bank_holidays(region: dict[str, str]) -> str:
    """The calendar by its own name: "England and Wales bank holidays", "US federal holidays"."""
    return words().holidays(region["country"], md.escape(region["name"]))


class ServiceId(Patterned):
    EXPECTED = "a short name in lower case letters, digits and _, such as standard"
    PATTERN = "[a-z][a-z0-9_]*"


TRANSIT = Range("day", minimum=0, description="the delivery time once shipped, in the service's transit_unit")
DAY = DayOfYear()
MONEY = Money("shop.currency")
TRANSIT_UNITS = {"calendar days": "every day counts", "business days": "the shop's business days count",
                 "delivery days": "the days the carrier delivers count (delivery_days), except the shop's bank "
                                  "holidays"}
ZONE = Record({
    "name": Text(description="the destination, as the table shows it"),
    "countries": Optional(ListOf(CountryOrGroup(), min_items=1,
                                 description="the zone's countries, or groups such as EU (a country named in "
                                             "another zone goes there); left out in the one zone that covers "
                                             "everywhere else")),
    "transit_days": TRANSIT,
    "price": Optional(Money("shop.currency", description="the delivery price, a number in the shop's currency "
                                                         "(shop.currency); optional")),
    "free_from": Optional(Money("shop.currency", description="orders of this amount or more are delivered free "
                                                             "(needs a price); optional")),
})
ZONES_TABLE = ("the table of delivery times per destination, with prices when given (on a line of its own)")
SERVICE = Record({
    "id": ServiceId(description="a short name such as standard or expedited: it names the service's "
                                "placeholders and the calculator's choice"),
    "name": Text(description="the service's name as shoppers read it, such as Standard or Expedited"),
    "transit_unit": Choice(TRANSIT_UNITS, description="how the delivery times count days"),
    "delivery_days": Optional(Weekdays(description="the days the carrier delivers, for transit_unit: delivery "
                                                   "days; Monday to Saturday when left out")),
    "zones": ListOf(ZONE, min_items=1, description="where the service goes, and in how long"),
}, description="a delivery service the shopper may choose")
STANDARD = {"id": "standard", "name": "Standard", "transit_unit": "calendar days", "delivery_days": None}


DEADLINES = {"reach": "the return must reach us within the window",
             "send": "the return must be sent within the window",
             "notify then send": "the shopper tells us within the window, then sends the return within send_days"}
REMEDIES = {"refund": "the shopper gets the money back", "exchange": "the shopper gets another item instead",
            "store credit": "the shopper gets credit to spend in the shop"}  # shoppers read the words file's remedies
STATEMENT_TIME = Whole("business day", minimum=0, render=lambda days: (
    words().say("policy.immediately") if days == 0 else words().amount(days, "business day")))


def return_deadline(returns: dict[str, Any]) -> str:
    """The returns model's deadline: reach (when left out), send or notify then send."""
    return returns["deadline"] or "reach"


def deadline_moves(returns: dict[str, Any]) -> bool:
    """Whether a deadline on a day the shop is closed moves to its next business day (left out: only a return
    that must reach the shop does)."""
    moves = returns["closed_day_moves"]
    return return_deadline(returns) == "reach" if moves is None else moves


def _render_deadline(_: Any, values: dict[str, Any]) -> str:
    """The return window in words: what must happen within how many days, and what a closed day changes."""
    returns = values["returns"]
    deadline = return_deadline(returns)
    said = words().say(f"returns.{deadline.replace(' ', '_')}", days=words().amount(returns["window_days"], "day"),
                       send_days=words().amount(returns["send_days"] or 0, "day"))
    moves = "returns.both_move" if deadline == "notify then send" else "returns.moves"
    return said + (" " + words().say(moves) if deadline_moves(returns) else "")


def _render_remedies(remedies: list[str]) -> str:
    return words().join([words().say("remedies." + remedy.replace(" ", "_")) for remedy in remedies], "or")


def _render_exchange(how: str) -> str:
    """A sentence as written, or a link to the page that says how an exchange works."""
    if re.fullmatch(Url.PATTERN, how):
        return words().say("returns.exchange_link", url=how)
    return md.escape(how)


def _render_restocking_fee(fee: dict[str, Any] | None, values: dict[str, Any]) -> str:
    if fee is None:
        return ""
    return words().say("returns.restocking_fee", fee=Fee("shop.currency").render_in(fee["fee"], values))


def _render_payment_methods(methods: dict[str, list[str]]) -> str:
    """Every name of every method, as one list in words."""
    return words().join([md.escape(name) for names in methods.values() for name in names])


def refund_days(refunds: dict[str, Any]) -> tuple[int, str]:
    """The refund time and its unit: (28, "business") or (14, "calendar")."""
    if refunds["business_days"] is not None:
        return refunds["business_days"], "business"
    return refunds["calendar_days"], "calendar"


def method_names(methods: dict[str, list[str]]) -> dict[str, str]:
    """How shoppers call each payment method: its one name (PayPal), or its short name for several (card)."""
    return {method: names[0] if len(names) == 1 else method.replace("_", " ") for method, names in methods.items()}


def _texts(description: str) -> ListOf:
    return ListOf(Text(), min_items=1, description=description)


# The descriptions are what editors read when they hover over a key (the JSON Schema, see json_schema.py);
# they use the words of the placeholder table of docs/editors.md.
SCHEMA = Record({
    "shop": Record({
        "name": Text(description="the shop's name"),
        "email": Email(description="the shop's email address, shown as a link"),
        "reply_business_days": Optional(Whole("business day", render=lambda days: words().say(
            "policy.reply_within", days=words().amount(days, "business day"))),
            description='how soon the shop answers emails, shown as "We reply to emails within ..."; '
                        "optional"),
        "currency": Optional(Currency(description="the currency of the shop's prices, such as USD or EUR; "
                                                  "optional until a price is given")),
        "locale": Optional(Locale(description="the language variant of the site, such as en-GB or en-US: its "
                                              "words (words/en-GB.yml) and how it writes dates, times and amounts; "
                                              "when left out, en- and the country of calendar.bank_holidays if "
                                              "there is a words file for it, else en-GB")),
    }, description="the shop"),
    "calendar": Record({
        "time_zone": TimeZone(description="the shop's time zone: order dates and cut-off times use its clock"),
        "time_zone_name": Text(description="what shoppers call the shop's time zone, such as UK time"),
        "bank_holidays": Record({
            "country": Text(description="the country whose bank holidays close the shop, as a code such as GB"),
            "region": Optional(Text(description="the region's code in the holidays package, such as ENG, "
                                                "or null for the whole country")),
            "name": Text(description="whose public holidays they are, in words, such as England and Wales: shown "
                                     "with the words file's name for them (England and Wales bank holidays, US "
                                     "federal holidays)"),
        }, render=_render_bank_holidays, description="whose bank holidays close the shop"),
        "first_year": Whole(minimum=2000, maximum=2100, description="the first year the calculator covers"),
    }, description="the shop's clock and closed days"),
    "cancellation": Record({
        "free_cancellation_hours": Whole("hour", description="how long shoppers can cancel without asking, "
                                                             "counted from the moment of ordering"),
        "duplicate_order_hours": Whole("hour", description="a duplicate order is cancelled within this time "
                                                           "of the shopper's email"),
        "reasons_shop_may_cancel": ListOf(Text(), min_items=1,
                                          render=lambda reasons: md.bullet_list([md.escape(r) for r in reasons]),
                                          description="why the shop may cancel an order: shown as a bulleted "
                                                      "list (on a line of its own)"),
    }, description="cancelling an order"),
    "processing": Record({
        "working_days": Weekdays(description='the days the shop works, shown as e.g. "Monday to Friday"'),
        "business_days": Range("business day", minimum=0, description="when an order ships, in business days "
                                                                       "after the day it starts (0: that day)"),
        "same_day_cutoff": TimeOfDay(render=_render_cutoff, description='orders before this time start processing '
                                     'that day; completes "We start processing your order ..."'),
        "closure_dates": ListOf(DateOrRange(), sentence="policy.closed_also",
                                description="the shop's extra closed days; shown as a whole sentence (on a "
                                            "line of its own), or nothing when the list is empty"),
        "closure_notice_days": Whole("day", minimum=0, render=_render_notice_days,
                                     description="how many days before a closure the notice on every page "
                                                 "announces it"),
    }, description="preparing an order before it ships"),
    "delivery": Record({
        "zones": Optional(ListOf(ZONE, min_items=1), render_in=_render_delivery_times,
                          description="a shop with one delivery service, in calendar days: its zones; "
                                      + ZONES_TABLE),
        "services": Optional(ListOf(SERVICE, min_items=1), render_in=_render_delivery_times,
                             description="a shop with delivery services to choose from, or counting business or "
                                         "delivery days: each with its zones, instead of zones; " + ZONES_TABLE),
        "not_shipped_to": ListOf(Place(), sentence="policy.not_shipped_to",
                                 description="countries, groups of countries and regions we don't ship to; shown "
                                             "as a whole sentence (on a line of its own), or nothing when the list "
                                             "is empty"),
        "peak_seasons": ListOf(Record({"from": DayOfYear(description="the first day of the season"),
                                       "to": DayOfYear(description="the last day of the season"),
                                       "extra_days": Whole("day", description="the extra delivery days to allow")}),
                               render=_render_peak_seasons, description="the busy seasons and their extra days"),
        "target_dates": ListOf(Record({
            "name": Text(description="what shoppers want the order for, such as Christmas"),
            "arrive_by": YearlyDay(description="the day it must arrive by, every year, such as 24 December"),
        }, render=_render_target_date, description="a date shoppers want an order to arrive by"),
            description="the last order dates the site works out (an empty list turns them off)"),
        "last_order_notice_days": Whole("day", minimum=0, render=_render_last_order_notice_days,
                                        description="how many days before the first last order date of a "
                                                    "target date the notice on every page announces it"),
    }, description="delivery times and destinations"),
    "tracking": Record({
        "appears_within_hours": Whole("hour", description="how long after shipping the tracking shows"),
        "stale_after_business_days": Whole("business day", description="tracking without news for longer "
                                                                       "than this is stuck"),
    }, description="tracking a parcel"),
    "returns": Record({
        "window_days": Whole("day", description="the return window, in calendar days from delivery; "
                                                "returns.deadline says what must happen within it"),
        "deadline": Optional(Choice(DEADLINES, description="what the shopper must do within the window: reach "
                                                            "when left out"), render_in=_render_deadline),
        "send_days": Optional(Whole("day", description="notify then send: the calendar days to send the return "
                                                       "after telling us")),
        "closed_day_moves": Optional(YesNo(description="true: a deadline on a day we're closed moves to our next "
                                                       "business day; left out: true for reach, false otherwise")),
        "condition": _texts("the condition a return must be in"),
        "remedies": Optional(ListOf(Choice(REMEDIES), min_items=1, render=_render_remedies,
                                    description='what a return can get, shown as "a refund or an exchange"; '
                                                "optional")),
        "exchange": Optional(Text(render=_render_exchange,
                                  description="how an exchange works: a sentence, or the web address of a page "
                                              "that says; optional")),
        "restocking_fee": Optional(Record({
            "fee": Fee("shop.currency", description='a percentage such as "10%", or an amount in the shop\'s '
                                                    "currency"),
            "faulty_items": Optional(YesNo(description="must be false (or left out): a damaged, faulty or wrong "
                                                       "item is refunded in full")),
        }), render_in=_render_restocking_fee, description="what we keep of a refund for a change of mind; "
                                                          "shown as a whole sentence, or nothing; optional"),
        "not_returnable": Optional(ListOf(Text(), min_items=1, sentence="returns.not_returnable",
                                          description="the items that can't be returned, in the shop's words "
                                                      "(such as personalised books); shown as a whole sentence, "
                                                      "or nothing; optional")),
        "return_postage": Choice({"shopper": "you pay for the return postage",
                                  "shop": "we pay for the return postage"}, said="returns.postage",
                                 description="who pays the postage of a return when the shopper changed their mind"),
        "faulty_return_postage": Optional(Choice({"shop": "we pay for the return postage"}, said="returns.postage",
                                                 description="who pays the postage of returning a damaged, faulty "
                                                             "or wrong item: always the shop; optional")),
        "form_url": Optional(Url(), render_in=_render_returns_form,
                             description="the address of the returns form; without it, shoppers are asked to "
                                         "email for the form"),
        "address": Optional(ListOf(Text(), min_items=1, render=_render_address),
                            description="the return address, one line of the address per item; optional"),
    }, description="returning an order"),
    "refunds": Record({
        "business_days": Optional(Whole("business day", description="the refund time in business days, from the "
                                                                    "day the return reaches us (or calendar_days)")),
        "calendar_days": Optional(Whole("day", description="the refund time in calendar days, from the day the "
                                                           "return reaches us (or business_days)")),
        "original_delivery_cost": Choice({"kept": "not including the original delivery cost",
                                          "refunded": "including the original delivery cost"},
                                         description="whether the refund includes the original delivery cost"),
        "to_statement": MapOf(STATEMENT_TIME,
                              description="per payment method we refund to (a name under payments.methods), the "
                                          "business days for a refund to show on the shopper's statement; 0 means "
                                          "immediately"),
    }, description="refunds"),
    "problems": Record({
        "next_step": Optional(Text(), description="what we do about a damaged, faulty or wrong item, in the "
                                                  "shop's words; optional"),
    }, description="damaged, faulty or wrong items"),
    "payments": Record({"methods": MapOf(ListOf(Text(), min_items=1), render=_render_payment_methods,
                                         description="the payment methods we take: under a short name for each "
                                                     "(card, paypal, ideal ...), the names shoppers know it by; "
                                                     "shown as one list in words")},
                       description="payments"),
    "website": Record({"supported_browsers": _texts("the browsers the website works in, shown as a list in "
                                                    "words")},
                      description="the shop's website"),
    # For the check against consumer law (consumer_law.py, docs/editors.md, "Policy advice"); never shown as such.
    "consumer_law": Optional(Record({
        "made_to_order": Optional(Choice({"none": "none of our goods are made to order",
                                          "some": "some of our goods are made to order",
                                          "all": "all our goods are made to order"},
                                         description="whether any goods are made to the shopper's "
                                                     "specifications or personalised (none, some or all)")),
        "rights_answer": Optional(YesNo(description="true adds a \"Your legal rights\" answer to the returns "
                                                    "topic, written from the law file")),
        "acknowledged": Optional(ListOf(Record({
            "id": Text(description="the id of a piece of advice the shop has read and decided on"),
            "reason": Text(description="why the shop keeps its policy as it is"),
        }, description="a piece of advice the shop has read"), description="advice the shop has read and "
                                                                            "decided on: shown as one line")),
    }, description="the check of the policy against consumer law; never shown to shoppers")),
}, description="the shop's policy values, written once; answers use them through placeholders")
# Settings, not values shown to shoppers: the check against consumer law, the shop's clock as the calculator
# knows it (shoppers read calendar.time_zone_name, not "Europe/London"), the calculator's first year, and the
# currency (shoppers read it in the prices).
# Placeholders of values that only some returns models give: unknown where the shop does not give them, so that an
# answer written for another model (a refund in business days, a second period to send, who pays to send back a
# faulty item) is refused, never blank.
GIVEN_ONLY = {"refunds.business_days", "refunds.calendar_days", "returns.send_days", "returns.faulty_return_postage"}
# refunds.to_statement is one placeholder per payment method (refunds.to_statement.card, see `Policies`).
NOT_PLACEHOLDERS = {"consumer_law", "calendar.time_zone", "calendar.first_year", "shop.currency", "shop.locale",
                    "refunds.to_statement", "returns.closed_day_moves"}


@dataclass(frozen=True)
class Policies:
    """The checked values of policies.yaml, as nested dicts keyed like the file."""

    values: dict[str, Any]
    notes: tuple[Finding, ...] = ()  # hints for the editor about values that read but look unintended

    def __getitem__(self, path: str) -> Any:
        """The value at a dotted key path such as 'returns.window_days'."""
        value: Any = self.values
        for part in path.split("."):
            value = value[part]
        return value

    def placeholders(self) -> dict[str, str]:
        """Every placeholder name ('returns.window_days') with its value rendered as Markdown, and those of each
        delivery zone ('delivery.standard.US.price')."""
        return {**{path: field.render_in(self[path], self.values) for path, field in _leaves(SCHEMA, "")
                   if path not in GIVEN_ONLY or self[path] is not None},
                **{path: value for path, (value, _, _) in self.own_placeholders().items()}}

    def meanings(self) -> dict[str, tuple[str, str]]:
        """`placeholder_meanings`, with those of each delivery zone's and payment method's placeholders."""
        return {**placeholder_meanings(), **{name: (unit, f"{name} {meaning}")
                                            for name, (_, unit, meaning) in self.own_placeholders().items()}}

    def own_placeholders(self) -> dict[str, tuple[str, str, str]]:
        """The placeholders named after the shop's own delivery services and payment methods: `zone_placeholders`,
        and refunds.to_statement.<method> for each method a refund goes back to."""
        names = method_names(self["payments.methods"])
        return {**self.zone_placeholders(), **{
            f"refunds.to_statement.{method}": (STATEMENT_TIME.render(days), STATEMENT_TIME.unit,
                                               f"the time for a {names[method]} refund to show on the statement")
            for method, days in self["refunds.to_statement"].items()}}

    def zone_placeholders(self) -> dict[str, tuple[str, str, str]]:
        """The placeholders of each zone of each delivery service, named delivery.<service id>.<zone's first
        country or group, or rest>.<value>: name -> (the value as Markdown, its unit, what it is in words)."""
        found = {}
        for service in delivery_services(self["delivery"]):
            transit = transit_field(service)
            for zone in service["zones"]:
                where = f"{service['name']} delivery to {zone['name']}"
                for value, field, meaning in (("transit_days", transit, f"the delivery time of {where}"),
                                              ("price", MONEY, f"the price of {where}"),
                                              ("free_from", MONEY, f"the order total from which {where} is free")):
                    if zone[value] is not None:
                        found[f"delivery.{service['id']}.{zone_key(zone)}.{value}"] = (
                            field.render_in(zone[value], self.values), field.unit, meaning)
        return found


OWN_PLACEHOLDER = re.compile(r"refunds\.to_statement\.[a-z][a-z0-9_]*|delivery\.[a-z][a-z0-9_]*\.[^.\s]+\."
                             r"(?:transit_days|price|free_from)")


def is_own_placeholder(name: str) -> bool:
    """Whether a name has the form of a placeholder named after the shop's own services or payment methods
    (`Policies.own_placeholders`), known only once policies.yaml reads."""
    return bool(OWN_PLACEHOLDER.fullmatch(name))


def placeholder_names() -> list[str]:
    """The name of every policy placeholder, known without reading any policies."""
    return [path for path, _ in _leaves(SCHEMA, "")]


def placeholder_meanings() -> dict[str, tuple[str, str]]:
    """The unit of each policy placeholder counted in one ("day", "business day", "hour"), and what it is in
    words (its name, its description); known without reading any policies, for suggesting the placeholder a
    typed figure stands for."""
    return {path: (getattr(getattr(field, "field", field), "unit", ""), f"{path} {field.description}")
            for path, field in _leaves(SCHEMA, "")}


def _leaves(record: Record, prefix: str) -> Iterator[tuple[str, Field]]:
    """Each placeholder of a record: its path and its field (records two deep are flattened)."""
    for name, field in record.fields.items():
        path = f"{prefix}.{name}" if prefix else name
        if path in NOT_PLACEHOLDERS:
            continue
        if isinstance(field, Record) and "render" not in vars(field):
            yield from _leaves(field, path)
        else:
            yield path, field


def load_policies(path: Path) -> Policies:
    """Read and check policies.yaml; raises `DataError` naming the first mistake."""
    name = path.name
    node = read_yaml(path, name)
    values = SCHEMA.read(node, "", name)
    _check_zones_or_services(values["delivery"], node, name)  # the other checks read the services
    found = Findings()  # the file reads as the schema says: the checks across values each report their own
    for check in (_check_services, _check_zones, _check_prices, _check_bank_holidays, _check_closures,
                  _check_target_dates, _check_returns, _check_refunds):
        with found.attempt():
            check(values, node, name)
    found.extend(_closure_hints(values, node, name))
    found.extend(_zone_hints(values, node, name))
    found.raise_errors()
    return Policies(values, tuple(found.notes))


def _service_keys(values: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Each delivery service with the key path it is written at: delivery (its zones alone) or
    delivery.services[n]."""
    if values["delivery"]["zones"] is not None:
        return [("delivery", service) for service in delivery_services(values["delivery"])]
    return [(item_key("delivery.services", n), service) for n, service in enumerate(values["delivery"]["services"])]


def delivery_services(delivery: dict[str, Any]) -> list[dict[str, Any]]:
    """The delivery services: as written, or the one service of a shop that gives its zones alone (in calendar
    days, as it always was)."""
    return delivery["services"] or [{**STANDARD, "zones": delivery["zones"]}]


def _check_zones_or_services(delivery: dict[str, Any], root: Any, name: str) -> None:
    """Either zones or services, not both."""
    if delivery["zones"] is not None and delivery["services"] is not None:
        raise error_at(name, node_at(root, "delivery.services"), "delivery.services",
                       "expected either zones: (one delivery service, in calendar days) or services: (each with its "
                       "zones), not both")
    if delivery["zones"] is None and delivery["services"] is None:
        raise error_at(name, node_at(root, "delivery"), "delivery.zones",
                       "this key is missing; expected zones: or services: under delivery")


def _check_services(values: dict[str, Any], root: Any, name: str) -> None:
    """Each service's id and name once; delivery days only where they count."""
    seen: set[str] = set()
    for key, service in _service_keys(values):
        for field in ("id", "name"):
            if service[field] in seen and key != "delivery":
                raise error_at(name, node_at(root, f"{key}.{field}"), f"{key}.{field}",
                               f'"{service[field]}" is already the {field} of another service; expected each once')
            seen.add(service[field])
        if service["delivery_days"] is not None and service["transit_unit"] != "delivery days":
            raise error_at(name, node_at(root, f"{key}.delivery_days"), f"{key}.delivery_days",
                           f"delivery days count only with transit_unit: delivery days (this service counts "
                           f"{service['transit_unit']}); remove delivery_days or change the unit")


def _check_zones(values: dict[str, Any], root: Any, name: str) -> None:
    """In each service, a country in one zone (a country named on its own before a group that has it), and one
    zone for everywhere else; a country not shipped to in no zone that names it."""
    not_shipped = values["delivery"]["not_shipped_to"]
    for key, service in _service_keys(values):
        seen: dict[str, str] = {}
        grouped: dict[str, str] = {}
        catch_all = None
        for n, zone in enumerate(service["zones"]):
            zone_key_path = item_key(f"{key}.zones", n)
            node = node_at(root, zone_key_path)
            if zone["countries"] is None:
                if catch_all is not None:
                    raise error_at(name, node, zone_key_path, f"a second zone without countries; expected only "
                                   f"one zone for everywhere else (\"{catch_all}\" is already)")
                catch_all = zone["name"]
                continue
            for code in zone["countries"]:
                members = expand_countries([code])
                taken = seen if members == [code] else grouped
                clash = next((member for member in members if member in taken), None)
                if clash is not None:
                    raise error_at(name, node, f"{zone_key_path}.countries",
                                   f"{clash} is also in the zone \"{taken[clash]}\"; expected each country in "
                                   "one zone of a service")
                taken.update(dict.fromkeys(members, zone["name"]))
        for code in not_shipped:
            if code in seen:
                raise error_at(name, node_at(root, "delivery.not_shipped_to"), "delivery.not_shipped_to",
                               f"{code} is also in the zone \"{seen[code]}\"; expected a country we do not ship to")


def _check_prices(values: dict[str, Any], root: Any, name: str) -> None:
    """A price needs the shop's currency; free delivery from an amount needs the price below it."""
    for key, service in _service_keys(values):
        for n, zone in enumerate(service["zones"]):
            for field in ("price", "free_from"):
                path = f"{item_key(f'{key}.zones', n)}.{field}"
                if zone[field] is not None and values["shop"]["currency"] is None:
                    raise error_at(name, node_at(root, path), path, "a price needs the shop's currency; expected "
                                   "currency: under shop, such as currency: USD")
            if zone["free_from"] is not None and zone["price"] is None:
                path = f"{item_key(f'{key}.zones', n)}.free_from"
                raise error_at(name, node_at(root, path), path, "free delivery from an amount needs the price "
                               "below it; expected price: in this zone too")


def _check_bank_holidays(values: dict[str, Any], root: Any, name: str) -> None:
    region = values["calendar"]["bank_holidays"]
    try:
        bank_holidays(region["country"], region["region"])  # no year: only whether the region is known
    except NotImplementedError as error:
        node = node_at(root, "calendar.bank_holidays")
        raise error_at(name, node, "calendar.bank_holidays",
                       f"expected a country and region known to the holidays package, such as GB and ENG; "
                       f"got {region['country']} and {region['region']}") from error


def _check_closures(values: dict[str, Any], root: Any, name: str) -> None:
    """A closure that ended before the calculator's first year is a typo in the year, or long past."""
    first_year = values["calendar"]["first_year"]
    found = Findings()
    for n, (closure, node) in enumerate(zip(values["processing"]["closure_dates"],
                                            node_at(root, "processing.closure_dates").value, strict=True)):
        if closure.end.year < first_year:
            found.add(error_at(name, node, item_key("processing.closure_dates", n),
                               f"this closure ended in {closure.end.year}, before {first_year}, the first year the "
                               "calculator covers (calendar.first_year); check the year, or remove a past closure"))
    found.raise_errors()


def _closure_hints(values: dict[str, Any], root: Any, name: str) -> list[Finding]:
    """Two single days a few days apart were perhaps meant as a range: written so, the days between are open."""
    singles = sorted((closure.start, n, node) for n, (closure, node) in enumerate(zip(
        values["processing"]["closure_dates"], node_at(root, "processing.closure_dates").value, strict=True))
        if closure.start == closure.end)
    hints = []
    for (first, _, _), (second, n, node) in itertools.pairwise(singles):
        if dt.timedelta(days=2) <= second - first <= dt.timedelta(days=14):
            hints.append(Finding(name, node.start_mark.line + 1, item_key("processing.closure_dates", n),
                                 f"{first} and {second} are two single days, so the shop is open between them; if it "
                                 f"is closed from one to the other, write a range: {{from: {first}, to: {second}}}",
                                 node.start_mark.column + 1, severity="hint"))
    return hints


def _zone_hints(values: dict[str, Any], root: Any, name: str) -> list[Finding]:
    """The zone for everywhere else reads best last: the delivery table lists the zones in their order."""
    hints = []
    for key, service in _service_keys(values):
        for n, zone in enumerate(service["zones"][:-1]):
            if zone["countries"] is None:
                node = node_at(root, item_key(f"{key}.zones", n))
                hints.append(Finding(name, node.start_mark.line + 1, item_key(f"{key}.zones", n),
                                     f'"{zone["name"]}" covers everywhere else, and the delivery table lists the '
                                     "zones in the order written: move it to the end of the list, so it reads last",
                                     node.start_mark.column + 1, severity="hint"))
    return hints


def _check_target_dates(values: dict[str, Any], root: Any, name: str) -> None:
    seen: set[str] = set()
    nodes = node_at(root, "delivery.target_dates").value
    for n, target in enumerate(values["delivery"]["target_dates"]):
        if target["name"].casefold() in seen:
            raise error_at(name, nodes[n], item_key("delivery.target_dates", n) + ".name",
                           f'"{target["name"]}" is already the name of another target date; expected each name once')
        seen.add(target["name"].casefold())


def _check_returns(values: dict[str, Any], root: Any, name: str) -> None:
    """The returns model complete: notify then send with its second period (and only it), an exchange described
    only when one is offered, a restocking fee in the shop's currency and never on faulty items."""
    returns = values["returns"]
    notify = return_deadline(returns) == "notify then send"
    if notify and returns["send_days"] is None:
        raise error_at(name, node_at(root, "returns.deadline"), "returns.deadline",
                       "notify then send needs its second period; expected send_days: under returns, the days to "
                       "send the return after telling us")
    if not notify and returns["send_days"] is not None:
        raise error_at(name, node_at(root, "returns.send_days"), "returns.send_days",
                       "send_days counts only with deadline: notify then send; remove it or change the deadline")
    if returns["exchange"] is not None and "exchange" not in (returns["remedies"] or []):
        raise error_at(name, node_at(root, "returns.exchange"), "returns.exchange",
                       "says how an exchange works, but returns.remedies offers none; expected exchange in "
                       "returns.remedies, or no returns.exchange")
    fee = returns["restocking_fee"]
    if fee is None:
        return
    if fee["faulty_items"]:
        raise error_at(name, node_at(root, "returns.restocking_fee.faulty_items"),
                       "returns.restocking_fee.faulty_items", "expected false: a damaged, faulty or wrong item is "
                       "refunded in full, never less a restocking fee")
    charge, currency = fee["fee"], values["shop"]["currency"]
    if charge.amount is not None and (currency is None or charge.currency not in (None, currency)):
        raise error_at(name, node_at(root, "returns.restocking_fee.fee"), "returns.restocking_fee.fee",
                       f"expected an amount in the shop's currency ({currency})" if currency else
                       "an amount needs the shop's currency; expected currency: under shop, such as currency: USD")


def _check_refunds(values: dict[str, Any], root: Any, name: str) -> None:
    """One refund time (business or calendar days); refunds go back to the shop's own payment methods."""
    refunds = values["refunds"]
    if (refunds["business_days"] is None) == (refunds["calendar_days"] is None):
        both = refunds["business_days"] is not None
        raise error_at(name, node_at(root, "refunds.calendar_days" if both else "refunds"),
                       "refunds.calendar_days" if both else "refunds.business_days",
                       "expected the refund time once: business_days: or calendar_days:, not both" if both else
                       "this key is missing; expected business_days: (or calendar_days:) under refunds")
    methods = values["payments"]["methods"]
    for method in refunds["to_statement"]:
        if method not in methods:
            key = f"refunds.to_statement.{method}"
            node = next(k for k, _ in node_at(root, "refunds.to_statement").value if k.value == method)
            raise error_at(name, node, key, f'"{method}" is not one of the payment methods; expected one of '
                           f"{', '.join(methods)} (payments.methods)")
