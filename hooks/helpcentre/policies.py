"""The shop's policies: the schema of policies.yaml, loading it, and its values by key path."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import holidays

from . import markdown_text as md
from .errors import DataError
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
    Weekdays,
    Whole,
    YearlyDay,
)
from .yaml_source import read_yaml


def _render_cutoff(cutoff: str | None) -> str:
    if cutoff is None:
        return "on the next business day after you order"
    return f"the same day if you order before {cutoff} on a business day, otherwise on the next business day"


def _render_immediately_or_within(days: int) -> str:
    return "immediately" if days == 0 else f"within {md.plural(days, 'business day')}"


def _render_zones(zones: list[dict[str, Any]]) -> str:
    rows = [[md.escape(zone["name"]), TRANSIT.render(zone["transit_days"])] for zone in zones]
    return md.table(["Destination", "Delivery time once shipped"], rows)


def _render_peak_season(season: dict[str, Any]) -> str:
    return (f"from {DAY.render(season['from'])} to {DAY.render(season['to'])}, "
            f"allow up to {md.plural(season['extra_days'], 'extra day')}")


def _render_notice_days(days: int) -> str:
    return "on the day it starts" if days == 0 else f"{md.plural(days, 'day')} before it starts"


def _render_target_date(target: dict[str, Any]) -> str:
    return f"{md.escape(target['name'])} (to arrive by {DAY.render(target['arrive_by'])})"


def _render_bank_holidays(region: dict[str, str]) -> str:
    return f"{md.escape(region['name'])} bank holidays"


TRANSIT = Range("day")
DAY = DayOfYear()
TEXTS = ListOf(Text(), min_items=1)

SCHEMA = Record({
    "shop": Record({
        "name": Text(),
        "email": Email(),
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
        "closure_dates": ListOf(DateOrRange()),
        "closure_notice_days": Whole("day", minimum=0, render=_render_notice_days),
    }),
    "delivery": Record({
        "zones": ListOf(Record({
            "name": Text(),
            "countries": Optional(ListOf(CountryCode(), min_items=1)),
            "transit_days": TRANSIT,
        }), min_items=1, render=_render_zones),
        "not_shipped_to": ListOf(CountryCode()),
        "peak_seasons": ListOf(Record({"from": DAY, "to": DAY, "extra_days": Whole("day")},
                                      render=_render_peak_season), empty="none"),
        "target_dates": ListOf(Record({"name": Text(), "arrive_by": YearlyDay()}, render=_render_target_date),
                               empty="none at the moment"),
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
    }),
    "refunds": Record({
        "business_days": Whole("business day"),
        "original_delivery_cost": Choice({"kept": "not including the original delivery cost",
                                          "refunded": "including the original delivery cost"}),
        "card_business_days": Whole("business day"),
        "paypal_business_days": Whole("business day", minimum=0, render=_render_immediately_or_within),
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
        return {path: field.render(self[path]) for path, field in _leaves(SCHEMA, "")}


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
    _check_zones(values, node, name)
    _check_bank_holidays(values, node, name)
    _check_target_dates(values, node, name)
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
                raise DataError(name, zone_nodes[n].start_mark.line + 1, key,
                                f"a second zone without countries; expected only one zone for everywhere "
                                f"else (\"{catch_all}\" is already)")
            catch_all = zone["name"]
            continue
        for code in zone["countries"]:
            if code in seen:
                raise DataError(name, zone_nodes[n].start_mark.line + 1, f"{key}.countries",
                                f"{code} is also in the zone \"{seen[code]}\"; expected each country in one zone")
            seen[code] = zone["name"]
    for code in values["delivery"]["not_shipped_to"]:
        if code in seen:
            raise DataError(name, _node_at(root, "delivery.not_shipped_to").start_mark.line + 1,
                            "delivery.not_shipped_to",
                            f"{code} is also in the zone \"{seen[code]}\"; expected a country we do not ship to")


def _check_bank_holidays(values: dict[str, Any], root: Any, name: str) -> None:
    region = values["calendar"]["bank_holidays"]
    try:
        holidays.country_holidays(region["country"], subdiv=region["region"])
    except NotImplementedError as error:
        node = _node_at(root, "calendar.bank_holidays")
        raise DataError(name, node.start_mark.line + 1, "calendar.bank_holidays",
                        f"expected a country and region known to the holidays package, such as GB and ENG; "
                        f"got {region['country']} and {region['region']}") from error


def _check_target_dates(values: dict[str, Any], root: Any, name: str) -> None:
    seen: set[str] = set()
    nodes = _node_at(root, "delivery.target_dates").value
    for n, target in enumerate(values["delivery"]["target_dates"]):
        if target["name"].casefold() in seen:
            raise DataError(name, nodes[n].start_mark.line + 1, f"delivery.target_dates[{n}].name",
                            f'"{target["name"]}" is already the name of another target date; expected each '
                            "name once")
        seen.add(target["name"].casefold())
