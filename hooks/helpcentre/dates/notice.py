"""The notice at the top of every page (Material's announcement bar): the editors' words from
content/notice.yml, the dates from the calculator data, and a small script that the shopper's browser
runs as the page is read, to pick the notice for today's date in the shop's time zone.

Whether a notice shows depends on today, so it is never decided at build time. The dates it names do
not depend on today: the days a closure starts and ends, and when orders placed during it ship (the
delivery rule of order_dates, for an order placed on its first day), and each year's first last order date
of each target date (the last order rule of order_dates, for every destination of the table), are worked
out here."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from helpcentre.content.placeholders import PLACEHOLDER
from helpcentre.publishing.browser_files import without_comment_lines
from helpcentre.reading.errors import DataError
from helpcentre.reading.schema import Record, Text
from helpcentre.reading.words import words as said
from helpcentre.reading.yaml_source import read_yaml

from . import order_dates
from .last_order_dates import destinations, zone_countries

# Each text and the placeholders it may use.
TEXTS = {
    "peak_season": ("until", "extra_days"),
    "last_order_dates_link": (),
    "last_order_dates_coming": ("name", "first"),
    "closure_coming": ("from", "to", "ships_from", "ships_by"),
    "closure_now": ("from", "to", "ships_from", "ships_by"),
}
WHAT = {  # what each text is for: the hover text of the editors' YAML extension
    "peak_season": "shown during a peak season",
    "last_order_dates_link": "the words of the link to the last order dates",
    "last_order_dates_coming": "shown from delivery.last_order_notice_days before the first last order date "
                               "of a target date until that day",
    "closure_coming": "shown from processing.closure_notice_days before a closure until it starts",
    "closure_now": "shown while the shop is closed",
}
SCHEMA = Record({name: Text(description=WHAT[name] + (f"; placeholders: {', '.join(names)}" if names else ""))
                 for name, names in TEXTS.items()},
                description="the words of the notice at the top of every page; the dates are worked out from "
                            "policies.yaml")


@dataclass(frozen=True)
class Notice:
    script: str  # the inline script, data included (safe inside <script>)
    link_text: str  # the words of the link to the last order dates


def load_notice_words(path: Path, name: str) -> dict[str, str]:
    """Read and check the notice's words; an unknown placeholder stops the build with its line."""
    if not path.is_file():
        raise DataError(name, None, "", "the file is missing; expected the words of the notice at the top of "
                        "every page (" + ", ".join(TEXTS) + ")")
    node = read_yaml(path, name)
    words = SCHEMA.read(node, "", name)
    for key, value_node in node.value:
        allowed = TEXTS[key.value]
        for match in PLACEHOLDER.finditer(words[key.value]):
            if match.group(1) not in allowed:
                names = ", ".join(f"{{{{ {a} }}}}" for a in allowed) or "none"
                raise DataError(name, value_node.start_mark.line + 1, key.value,
                                f'unknown placeholder "{match.group(0)}"; expected one of {names}')
    return words


def ships_on(data: Mapping[str, Any], day: str) -> list[str] | None:
    """When an order placed at noon (shop time) on that day ships, by the delivery rule."""
    country = next((code for code in zone_countries(data, data["services"][0]) if code), None)
    noon = dt.datetime.combine(dt.date.fromisoformat(day), dt.time(12), ZoneInfo(data["time_zone"]))
    answer = order_dates.delivery_estimate(data, noon.isoformat(), country)
    return None if "error" in answer else answer["ships"]


def _last_order_seasons(data: Mapping[str, Any]) -> list[dict[str, str]]:
    """Each year's target dates within the calculator's years, with their first last order date (the earliest
    of every destination) and the day the notice starts naming it, in date order."""
    first, last = dt.date.fromisoformat(data["first_date"]), dt.date.fromisoformat(data["last_date"])
    seasons = []
    for year in range(first.year, last.year + 1):
        for target in data["target_dates"]:
            day = f"{year}-{target['arrive_by']}"
            answers = [order_dates.last_order(data, day, country, service["id"]) for service in data["services"]
                       for _, country in destinations(data, service)]
            if not answers or any("error" in answer for answer in answers):
                continue  # outside the calculator's dates: nothing to announce
            earliest = dt.date.fromisoformat(min(answer["order_by"] for answer in answers))
            notice_from = earliest - dt.timedelta(days=data["last_order_notice_days"])
            seasons.append({"name": target["name"], "first": earliest.isoformat(), "from": notice_from.isoformat()})
    return sorted(seasons, key=lambda season: season["first"])


def clock_changes(time_zone: str, first: str, last: str) -> dict[str, Any]:
    """The shop's clock from the start of `first` to the end of `last` (ISO dates, UTC): its UTC offset in
    minutes from each change on, as [UTC milliseconds, offset], and where the table ends (milliseconds).
    The notice's script reads the shop's date from it at load, where making a time zone formatter (Intl)
    would cost a phone tens of milliseconds before the page shows."""
    zone = ZoneInfo(time_zone)

    def offset(minute: int) -> int:  # minutes since 1970 (UTC) -> the shop's UTC offset in minutes
        moment = dt.datetime.fromtimestamp(minute * 60, dt.UTC).astimezone(zone)
        return int(moment.utcoffset().total_seconds()) // 60

    def minutes(day: dt.date) -> int:
        return (day - dt.date(1970, 1, 1)).days * 1440

    start, end = minutes(dt.date.fromisoformat(first)), minutes(dt.date.fromisoformat(last)) + 1440
    changes = [[start, offset(start)]]
    for low in range(start, end, 1440):  # a clock changes at most once a day
        high = min(low + 1440, end)
        if offset(high) == changes[-1][1]:
            continue
        while high - low > 1:  # the first minute of the new offset
            middle = (low + high) // 2
            low, high = (middle, high) if offset(middle) == changes[-1][1] else (low, middle)
        changes.append([high, offset(high)])
    return {"changes": [[minute * 60_000, value] for minute, value in changes], "until": end * 60_000}


def build_notice(data: Mapping[str, Any], words: Mapping[str, str], source: Path, linked: bool) -> Notice | None:
    """The notice's script, or None when the shop has no peak season and no closure to announce; `linked`:
    an answer shows the last order dates, and the notice links to it."""
    closures = []
    for closure in sorted(data["closures"], key=lambda c: c["from"]):  # the browser shows the first that applies
        ships = ships_on(data, closure["from"])
        if ships is not None:  # outside the calculator's dates: nothing to announce
            closures.append({**closure, "ships_from": ships[0], "ships_by": ships[1]})
    seasons = _last_order_seasons(data) if linked else []
    if not closures and not data["peak_seasons"] and not seasons:
        return None
    values = {
        "time_zone": data["time_zone"],
        "clock": clock_changes(data["time_zone"], data["first_date"], data["last_date"]),
        "peak_seasons": [{**season, "extra": said().amount(season["extra_days"], "day")}  # written as the pages do
                         for season in data["peak_seasons"]],
        "closures": closures,
        "last_order_seasons": seasons,
        "days_before": data["closure_notice_days"],
        "link": linked,
        **{name: words[name] for name in TEXTS},
        **{name: value for name, value in said().browser().items() if name in ("dates", "months", "weekdays")},
    }
    # "<" written as \u003c: no text from the editors can end the script element.
    literal = json.dumps(values, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    code = without_comment_lines((source / "notice.js").read_text(encoding="utf-8")).strip()
    return Notice(f"{code.removesuffix(';')}({literal});", words["last_order_dates_link"])
