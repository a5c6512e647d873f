"""The seasons in review: what the notice at the top of every page says and from when to when, and the last
order dates, over the next twelve months, for one version of the help centre (its calculator data and the
notice's words). `make diff` prints what changed between two versions; the preview's "as on" date shows them
on the pages themselves.

Each last order date is a row keyed by (the date to arrive by, its name, the delivery zone, the service), so
that a delivery model with several services per zone adds a column, not a new report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from helpcentre.content.placeholders import PLACEHOLDER
from helpcentre.dates import order_dates
from helpcentre.dates.last_order_dates import zone_countries
from helpcentre.dates.notice import ships_on

from .calculator_panel import long_date as _words

DAYS_AHEAD = 365  # the next twelve months


@dataclass(frozen=True, order=True)
class NoticeSpell:
    """A notice shown from `first` to `last` (the shop's dates), in the words shoppers read."""

    first: dt.date
    last: dt.date
    words: str


RowKey = tuple[dt.date, str, str, str]  # (arrive by, its name, the delivery zone, the service: "" for the one)


def notice_spells(data: Mapping[str, Any], words: Mapping[str, str], start: dt.date) -> list[NoticeSpell]:
    """Each notice the browser shows on some day from `start` for the next twelve months, as notice.js picks
    them: a closure's words from closure_notice_days before it to its last day, a peak season's during it."""
    end = start + dt.timedelta(days=DAYS_AHEAD - 1)
    spells = []
    for closure in data["closures"]:
        first, last = dt.date.fromisoformat(closure["from"]), dt.date.fromisoformat(closure["to"])
        ships = ships_on(data, closure["from"])
        if ships is None:
            continue
        dates = {"from": _words(first), "to": _words(last), "ships_from": _words(dt.date.fromisoformat(ships[0])),
                 "ships_by": _words(dt.date.fromisoformat(ships[1]))}
        notice_from = first - dt.timedelta(days=data["closure_notice_days"])
        if notice_from < first:
            spells.append(NoticeSpell(notice_from, first - dt.timedelta(days=1), _fill(words["closure_coming"], dates)))
        spells.append(NoticeSpell(first, last, _fill(words["closure_now"], dates)))
    for season in data["peak_seasons"]:
        for year in range(start.year - 1, end.year + 1):
            first = dt.date.fromisoformat(f"{year}-{season['from']}")
            last = dt.date.fromisoformat(f"{year + (season['to'] < season['from'])}-{season['to']}")
            extra = f"{season['extra_days']} day{'s' * (season['extra_days'] != 1)}"
            spells.append(NoticeSpell(first, last, _fill(words["peak_season"], {"until": _words(last),
                                                                                 "extra_days": extra})))
    return sorted(spell for spell in spells if spell.last >= start and spell.first <= end)


def last_order_dates(data: Mapping[str, Any], start: dt.date) -> dict[RowKey, str]:
    """The last order date of each target date in the next twelve months, for each delivery zone of each
    service, in words."""
    rows = {}
    end = start + dt.timedelta(days=DAYS_AHEAD - 1)
    for target in data["target_dates"]:
        for year in (start.year, start.year + 1):
            arrive_by = dt.date.fromisoformat(f"{year}-{target['arrive_by']}")
            if not start <= arrive_by <= end:
                continue
            for service in data["services"]:
                named = service["name"] if len(data["services"]) > 1 else ""
                for zone, country in zip(service["zones"], zone_countries(data, service), strict=True):
                    if country is None:
                        continue
                    answer = order_dates.last_order(data, arrive_by.isoformat(), country, service["id"])
                    said = ("not within the calculator's dates" if "error" in answer else
                            _words(dt.date.fromisoformat(answer["order_by"])) +
                            (f", before {answer['before']}" if answer["before"] else ""))
                    rows[(arrive_by, target["name"], zone["name"], named)] = said
    return rows


def season_changes(old: tuple[list[NoticeSpell], dict[RowKey, str]],
                   new: tuple[list[NoticeSpell], dict[RowKey, str]]) -> list[str]:
    """Markdown lines of what changed in the notice and the last order dates; none when nothing did."""
    (old_spells, old_rows), (new_spells, new_rows) = old, new
    lines = []
    gone, added = [s for s in old_spells if s not in new_spells], [s for s in new_spells if s not in old_spells]
    if gone or added:
        lines += ["### The notice at the top of every page", ""]
        lines += [f"- no longer {_spell(spell)}" for spell in gone]
        lines += [f"- **now {_spell(spell)}**" for spell in added]
        lines.append("")
    changed = sorted(key for key in {*old_rows, *new_rows} if old_rows.get(key) != new_rows.get(key))
    if changed:
        service = any(key[3] for key in changed)
        columns = ["To arrive by", "Delivery to", *(["Service"] if service else []), "Order by, before",
                   "Order by, after"]
        lines += ["### Last order dates", "", f"| {' | '.join(columns)} |", "|" + "---|" * len(columns)]
        for key in changed:
            arrive_by, name, zone, by = key
            lines.append(f"| {name}, {_words(arrive_by)} | {zone} |" + (f" {by} |" if service else "") +
                         f" {old_rows.get(key, 'none')} | **{new_rows.get(key, 'none')}** |")
        lines.append("")
    return lines


def _spell(spell: NoticeSpell) -> str:
    return f"from {_words(spell.first)} to {_words(spell.last)}: “{spell.words}”"


def _fill(text: str, values: Mapping[str, str]) -> str:
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def seasons(data: Mapping[str, Any], words: Mapping[str, str],
            start: dt.date) -> tuple[list[NoticeSpell], dict[RowKey, str]]:
    """The notice's spells and the last order dates of one version, from `start`."""
    return notice_spells(data, words, start), last_order_dates(data, start)

