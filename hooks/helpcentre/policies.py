"""The shop's policies: the schema of policies.yaml, loading it, and its values by key path."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import holidays

from . import markdown_text as md
from .errors import Findings
from .schema import (
    Choice,
    CountryCode,
    DateOrRange,
    DayOfYear,
    Email,
    Field,
    ListOf,
    Optional,
    Range,
    Record,
    Text,
    TimeOfDay,
    TimeZone,
    Url,
    Weekdays,
    Whole,
    error_at,
)
from .yaml_source import read_yaml


def _render_cutoff(cutoff: str | None) -> str:
    if cutoff is None:
        return "on the next business day after you place it"
    return f"the same day if you order before {cutoff} on a business day, otherwise on the next business day"


def _render_immediately_or_within(days: int) -> str:
    return "immediately" if days == 0 else f"within {md.plural(days, 'business day')}"


def _render_zones(zones: list[dict[str, Any]], values: dict[str, Any]) -> str:
    """The table of delivery times, its unit named, with a row for the shop's home country (the country of its
    bank holidays) unless a zone is that country alone."""
    home, delivery = values["calendar"]["bank_holidays"]["country"], values["delivery"]
    rows = [[md.escape(zone["name"]), TRANSIT.render(zone["transit_days"])] for zone in zones]
    own = [zone for zone in zones if zone["countries"] and home in zone["countries"]]
    zone = (own or [zone for zone in zones if zone["countries"] is None] or [None])[0]
    if zone is not None and zone["countries"] != [home] and home not in delivery["not_shipped_to"]:
        rows.insert(0, [CountryCode().render(home), TRANSIT.render(zone["transit_days"])])
    return md.table(["Destination", "Delivery time once shipped, in calendar days"], rows)


def _render_peak_seasons(seasons: list[dict[str, Any]]) -> str:
    """A sentence for the peak seasons (the order date decides, as in the calculator), or nothing."""
    spans = [(f"from {DAY.render(season['from'])} to {DAY.render(season['to'])}",
              md.plural(season["extra_days"], "extra day")) for season in seasons]
    if not spans:
        return ""
    if len(spans) == 1:
        days, extra = spans[0]
        return f"For orders placed {days}, our peak season, allow up to {extra} for delivery."
    return ("For orders placed in our peak seasons, allow extra time for delivery: "
            + "; ".join(f"{days}, up to {extra}" for days, extra in spans) + ".")


def _render_returns_form(url: str | None, values: dict[str, Any]) -> str:
    """The first step of a return: fill in the form from its page, or ask for it by email."""
    if url is not None:
        return f"Fill in [our returns form]({url}) and put a copy in the parcel with your items."
    email, reply = Email().render(values["shop"]["email"]), values["shop"]["reply_business_days"]
    address = "" if values["returns"]["address"] else " and our return address"
    when = f" within {md.plural(reply, 'business day')}" if reply else ""
    return (f"Email us at {email} with your order number to ask for our returns form{address}, and we'll email "
            f"{'them' if address else 'it'} to you{when}. Fill in the form and put a copy in the parcel with your "
            "items.")


def _render_address(lines: list[str]) -> str:
    return f"Our return address is {', '.join(md.escape(line) for line in lines)}."


def _render_bank_holidays(region: dict[str, str]) -> str:
    return f"{md.escape(region['name'])} bank holidays"


TRANSIT = Range("day")
DAY = DayOfYear()
TEXTS = ListOf(Text(), min_items=1)

SCHEMA = Record({
    "shop": Record({
        "name": Text(),
        "email": Email(),
        "reply_business_days": Optional(Whole("business day", render=lambda days: (
            f"We reply to emails within {md.plural(days, 'business day')}."))),
    }),
    "calendar": Record({
        "time_zone": TimeZone(),
        "time_zone_name": Text(),
        "bank_holidays": Record({"country": Text(), "region": Optional(Text()), "name": Text()},
                                render=_render_bank_holidays),
        "first_year": Whole(minimum=2000, maximum=2100),
    }),
    "cancellation": Record({
        "free_cancellation_hours": Whole("hour"),
        "duplicate_order_hours": Whole("hour"),
        "reasons_shop_may_cancel": ListOf(Text(), min_items=1,
                                          render=lambda reasons: md.bullet_list([md.escape(r) for r in reasons])),
    }),
    "processing": Record({
        "working_days": Weekdays(),
        "business_days": Range("business day"),
        "same_day_cutoff": TimeOfDay(render=_render_cutoff),
        "closure_dates": ListOf(DateOrRange(), sentence="Our shop is also closed {}."),
    }),
    "delivery": Record({
        "zones": ListOf(Record({
            "name": Text(),
            "countries": Optional(ListOf(CountryCode(), min_items=1)),
            "transit_days": TRANSIT,
        }), min_items=1, render_in=_render_zones),
        "not_shipped_to": ListOf(CountryCode(), sentence="We don't ship to {}."),
        "peak_seasons": ListOf(Record({"from": DAY, "to": DAY, "extra_days": Whole("day")}),
                               render=_render_peak_seasons),
    }),
    "tracking": Record({
        "appears_within_hours": Whole("hour"),
        "stale_after_business_days": Whole("business day"),
    }),
    "returns": Record({
        "window_days": Whole("day"),
        "condition": TEXTS,
        "return_postage": Choice({"shopper": "you pay for the return postage",
                                  "shop": "we pay for the return postage"}),
        "form_url": Optional(Url(), render_in=_render_returns_form),
        "address": Optional(ListOf(Text(), min_items=1, render=_render_address)),
    }),
    "refunds": Record({
        "business_days": Whole("business day"),
        "original_delivery_cost": Choice({"kept": "not including the original delivery cost",
                                          "refunded": "including the original delivery cost"}),
        "card_business_days": Whole("business day"),
        "paypal_business_days": Whole("business day", minimum=0, render=_render_immediately_or_within),
    }),
    "problems": Record({
        "next_step": Optional(Text()),  # what we do about a damaged, faulty or wrong item, in the shop's words
    }),
    "payments": Record({"methods": TEXTS}),
    "website": Record({"supported_browsers": TEXTS}),
})


@dataclass(frozen=True)
class Policies:
    """The checked values of policies.yaml, as nested dicts keyed like the file."""

    values: dict[str, Any]

    def __getitem__(self, path: str) -> Any:
        """The value at a dotted key path such as 'returns.window_days'."""
        value: Any = self.values
        for part in path.split("."):
            value = value[part]
        return value

    def placeholders(self) -> dict[str, str]:
        """Every placeholder name ('returns.window_days') with its value rendered as Markdown."""
        return {path: field.render_in(self[path], self.values) for path, field in _leaves(SCHEMA, "")}


def placeholder_names() -> list[str]:
    """The name of every policy placeholder, known without reading any policies."""
    return [path for path, _ in _leaves(SCHEMA, "")]


def _leaves(record: Record, prefix: str) -> Iterator[tuple[str, Field]]:
    """Each placeholder of a record: its path and its field (records two deep are flattened)."""
    for name, field in record.fields.items():
        path = f"{prefix}.{name}" if prefix else name
        if isinstance(field, Record) and "render" not in vars(field):
            yield from _leaves(field, path)
        else:
            yield path, field


def load_policies(path: Path) -> Policies:
    """Read and check policies.yaml; raises `DataError` naming the first mistake."""
    name = path.name
    node = read_yaml(path, name)
    values = SCHEMA.read(node, "", name)
    found = Findings()  # the file reads as the schema says: the checks across values each report their own
    for check in (_check_zones, _check_bank_holidays):
        with found.attempt():
            check(values, node, name)
    found.raise_errors()
    return Policies(values)


def _node_at(node: Any, path: str) -> Any:
    """The YAML node at a dotted path (for the line of a cross-field error)."""
    for part in path.split("."):
        node = next(value for key, value in node.value if key.value == part)
    return node


def _check_zones(values: dict[str, Any], root: Any, name: str) -> None:
    zones = values["delivery"]["zones"]
    zone_nodes = _node_at(root, "delivery.zones").value
    seen: dict[str, str] = {}
    catch_all = None
    for n, zone in enumerate(zones):
        key = f"delivery.zones[{n}]"
        if zone["countries"] is None:
            if catch_all is not None:
                raise error_at(name, zone_nodes[n], key, f"a second zone without countries; expected only one "
                               f"zone for everywhere else (\"{catch_all}\" is already)")
            catch_all = zone["name"]
            continue
        for code in zone["countries"]:
            if code in seen:
                raise error_at(name, zone_nodes[n], f"{key}.countries",
                               f"{code} is also in the zone \"{seen[code]}\"; expected each country in one zone")
            seen[code] = zone["name"]
    for code in values["delivery"]["not_shipped_to"]:
        if code in seen:
            raise error_at(name, _node_at(root, "delivery.not_shipped_to"), "delivery.not_shipped_to",
                           f"{code} is also in the zone \"{seen[code]}\"; expected a country we do not ship to")


def _check_bank_holidays(values: dict[str, Any], root: Any, name: str) -> None:
    region = values["calendar"]["bank_holidays"]
    try:
        holidays.country_holidays(region["country"], subdiv=region["region"])
    except NotImplementedError as error:
        node = _node_at(root, "calendar.bank_holidays")
        raise error_at(name, node, "calendar.bank_holidays",
                       f"expected a country and region known to the holidays package, such as GB and ENG; "
                       f"got {region['country']} and {region['region']}") from error
