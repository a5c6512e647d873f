"""The last order dates table ({{ site.last_order_dates }}): its rule in words, and an empty table of
each target date and delivery zone that calculator/last_order_dates.js fills in the shopper's browser
for the next occurrence of each date, so that it is never stale. Without JavaScript only the words show."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from helpcentre.policy.policies import Policies, home_zone
from helpcentre.reading.markdown_text import plural


def zone_countries(data: Mapping[str, Any]) -> list[str | None]:
    """A country of each delivery zone, to ask the rules for that zone (None: the zone has none)."""
    listed = {code for zone in data["zones"] if zone["countries"] for code in zone["countries"]}
    others = [data["home_country"], *data["countries"]]
    rest = next((code for code in others if code in data["countries"] and code not in listed
                 and code not in data["not_shipped_to"]), None)
    return [zone["countries"][0] if zone["countries"] else rest for zone in data["zones"]]


def destinations(data: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The rows of a table per destination, as (name, a country of it): the home country first when no zone is
    that country alone (as in the delivery table), then each zone the rules can answer for."""
    zones = [(zone["name"], country) for zone, country in zip(data["zones"], zone_countries(data), strict=True)
             if country is not None]
    home = data["home_country"]
    if home_zone(data["zones"], home, data["not_shipped_to"]) is None:
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
    rule = (f"The last order date is the last day you can order so that even the latest "
            f"estimate of your delivery arrives on or before it: we allow our longest processing time, "
            f"{longest} (skipping weekends, bank holidays and other days "
            f"our shop is closed), shipping on the next business day and the longest delivery time to your "
            f"country{peak}. The dates use {escape(policies['calendar.time_zone_name'])}.")
    if data["same_day_cutoff"]:
        rule += (f" On a business day, an order placed before {escape(data['same_day_cutoff'])} starts "
                 "processing the same day, which can make that day the last order date.")
    rows = [f'<tr data-target="{n}" data-country="{escape(country)}">'
            f"<td>{escape(target['name'])} <span class=\"last-order-date\"></span></td>"
            f"<td>{escape(name)}</td><td class=\"last-order-by\"></td></tr>"
            for n, target in enumerate(targets) for name, country in destinations(data)]
    lines = [
        '<div class="last-order-dates">',
        f'<p class="last-order-rule">{rule}</p>',
        '<table hidden data-search-exclude>',  # empty until filled: not for search
        "<thead><tr><th scope=\"col\">To arrive by</th><th scope=\"col\">Delivery to</th>"
        "<th scope=\"col\">Order by</th></tr></thead>",
        "<tbody>", *rows, "</tbody>", "</table>", "</div>",
    ]
    return "\n\n" + "\n".join(lines) + "\n\n"
