"""The last order dates table ({{ site.last_order_dates }}): its rule in words, and an empty table of
each target date and delivery zone (one table per delivery service, when the shop has several) that
calculator/last_order_dates.js fills in the shopper's browser for the next occurrence of each date, the
next to come first, so that it is never stale. Without JavaScript only the words show."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from helpcentre.policy.policies import Policies, home_zone
from helpcentre.reading.words import words


def zone_countries(data: Mapping[str, Any], service: Mapping[str, Any]) -> list[str | None]:
    """A country of each zone of a delivery service, to ask the rules for that zone (None: the zone has none)."""
    listed = {code for zone in service["zones"] if zone["countries"] for code in zone["countries"]}
    others = [data["home_country"], *data["countries"]]
    rest = next((code for code in others if code in data["countries"] and code not in listed
                 and code not in data["not_shipped_to"]), None)
    return [zone["countries"][0] if zone["countries"] else rest for zone in service["zones"]]


def destinations(data: Mapping[str, Any], service: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The rows of a service's table per destination, as (name, a country of it): the home country first when
    the delivery table names it (`home_zone`), then each zone the rules can answer for."""
    zones = [(zone["name"], country) for zone, country in zip(service["zones"], zone_countries(data, service),
                                                                strict=True) if country is not None]
    home = data["home_country"]
    if home_zone(service["zones"], home, data["not_shipped_to"]) is None:
        return zones
    return [(data["countries"][home], home), *zones]


def render_last_order_dates(policies: Policies, data: Mapping[str, Any]) -> str:
    """A raw HTML block for Python-Markdown: the rule in words, then the table (hidden until filled)."""
    targets = data["target_dates"]
    if not targets:
        return ""
    say = words().say
    region = policies["calendar.bank_holidays"]
    longest = data["processing_business_days"]["max"]
    processing = (say("last_order.processing", longest=words().amount(longest, "business day"),
                      holidays=escape(words().holidays(region["country"], region["name"])))
                  if longest else say("last_order.processing_none"))
    rule = say("last_order.rule", processing=processing, peak=say("last_order.peak") if data["peak_seasons"] else "",
               time_zone=escape(policies["calendar.time_zone_name"]))
    if data["same_day_cutoff"]:
        rule += " " + say("last_order.cutoff", time=escape(words().time(data["same_day_cutoff"])))
    several = len(data["services"]) > 1
    tables = [line for service in data["services"] for line in _table(targets, data, service, several)]
    lines = ['<div class="last-order-dates">', f'<p class="last-order-rule">{rule}</p>', *tables, "</div>"]
    return "\n\n" + "\n".join(lines) + "\n\n"


def _table(targets: list[dict[str, Any]], data: Mapping[str, Any], service: Mapping[str, Any],
           named: bool) -> list[str]:
    """The lines of one service's table: hidden and left out of search until filled; named when the shop has
    several services (the table then says which, for the rules and for shoppers)."""
    rows = [f'<tr data-target="{n}" data-country="{escape(country)}">'
            f"<td>{escape(target['name'])} <span class=\"last-order-date\"></span></td>"
            f"<td>{escape(name)}</td><td class=\"last-order-by\"></td></tr>"
            for n, target in enumerate(targets) for name, country in destinations(data, service)]
    service_id = f' data-service="{escape(service["id"])}"' if named else ""
    caption = ([f"<caption>{words().say('last_order.caption', service=escape(service['name']))}</caption>"]
               if named else [])
    headings = "".join(f'<th scope="col">{words().say(f"last_order.{key}")}</th>'
                       for key in ("arrive_by", "delivery_to", "order_by"))
    return [f"<table hidden data-search-exclude{service_id}>", *caption, f"<thead><tr>{headings}</tr></thead>",
            "<tbody>", *rows, "</tbody>", "</table>"]
