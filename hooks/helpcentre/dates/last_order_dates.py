"""The last order dates table ({{ site.last_order_dates }}): its rule in words, and an empty table of
each target date and delivery zone (one table per delivery service, when the shop has several) that
calculator/last_order_dates.js fills in the shopper's browser for the next occurrence of each date, the
next to come first, so that it is never stale. Without JavaScript only the words show."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from helpcentre.policy.policies import Policies, home_zone
from helpcentre.reading.markdown_text import plural


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
    peak = ("; an order placed in our peak season also gets its extra days"
            if data["peak_seasons"] else "")
    longest = plural(data["processing_business_days"]["max"], "business day")
    processing = (f"we allow our longest processing time, {longest} "
                  "(skipping weekends, bank holidays and other days our shop is closed), shipping on the next "
                  "business day" if data["processing_business_days"]["max"] else "we ship your order on the day "
                  "we start processing it")
    rule = (f"The last order date is the last day you can order so that even the latest "
            f"estimate of your delivery arrives on or before it: {processing} and the longest delivery time to "
            f"your country{peak}. The dates use {escape(policies['calendar.time_zone_name'])}.")
    if data["same_day_cutoff"]:
        rule += (f" On a business day, an order placed before {escape(data['same_day_cutoff'])} starts "
                 "processing the same day, which can make that day the last order date.")
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
    caption = [f"<caption>{escape(service['name'])} delivery</caption>"] if named else []
    return [f"<table hidden data-search-exclude{service_id}>", *caption,
            "<thead><tr><th scope=\"col\">To arrive by</th><th scope=\"col\">Delivery to</th>"
            "<th scope=\"col\">Order by</th></tr></thead>", "<tbody>", *rows, "</tbody>", "</table>"]
