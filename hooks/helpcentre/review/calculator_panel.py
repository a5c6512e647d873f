"""A fixed panel of sample orders for the order dates calculator, and what changes in its answers between
two versions of a help centre, grouped so that one rule change reads as one block.

The panel is every day of the twelve months from a given day (weekends, bank holidays, closures and the
start and end of peak seasons all fall in it), orders placed in the morning, late in the evening and
around each cut-off time, to one country of each delivery zone. Each version answers it with its own
rules (its own hooks/helpcentre/dates/order_dates.py, run by `EVALUATOR` in a process of its own) and its own
calculator data (the data.js it built), so a change in a rule shows as well as a change of a value.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from helpcentre.reading.words import words

Data = Mapping[str, Any]
Answer = dict[str, Any]

# Run as `python -c EVALUATOR <hooks folder> <data.js>` with one version's hooks on the path: reads the calls
# [[function name, [arguments]], ...] as JSON on stdin and writes that version's answers as JSON.
EVALUATOR = """
import json, sys
sys.path.insert(0, sys.argv[1])
try:
    from helpcentre.dates import order_dates
except ImportError:  # a version from before the capability packages
    from helpcentre import order_dates
with open(sys.argv[2], encoding="utf-8") as file:
    data = json.loads(file.read().strip().removeprefix("export default").strip().removesuffix(";"))
calls = json.load(sys.stdin)
json.dump([getattr(order_dates, name)(data, *arguments) for name, arguments in calls], sys.stdout)
"""

CHECKS = ("cancellation", "delivery", "return", "refund", "credit", "tracking")  # in the order dates page's order
METHODS = {"card": "card", "paypal": "PayPal"}  # for data from before method_names
RETURN_DEADLINES = {  # a return answer's deadlines: how the panel says each, and the name of its date
    "return_by": ("must reach us by", "last day"), "notify_by": ("tell us by", "last day to tell us"),
    "send_by": ("send it by", "last day to send")}
REFUSALS = {
    "out_of_range": "too far ahead to estimate",
    "not_shipped": "we don't ship there",
    "unknown_country": "unknown country",
    "before_start": "before the order",
}
TIMES = ["09:00", "23:30"]  # a morning and a late evening order; plus a minute before and at each cut-off
NOT_SHIPPED = "not shipped to"


@dataclass(frozen=True)
class Sample:
    check: str
    group: str  # the block it belongs to: the check, or the check and a destination or refund method
    question: str  # "for ..." words: the input
    call: tuple[str, tuple[Any, ...]]  # order_dates function and arguments (after the data)
    order: int  # its place in the panel, for a stable reading order


@dataclass(frozen=True)
class Panel:
    first_day: dt.date
    last_day: dt.date
    times: list[str]
    time_zone: str
    time_zone_name: str
    samples: list[Sample]
    destinations: dict[str, str]  # group -> the countries it stands for, in words
    return_deadline: str  # the new version's returns model: reach, send or notify_then_send

    def question(self, check: str) -> str:
        """How the order dates page asks a check (the return check as the returns model asks it), in the words
        file's words."""
        return words().say(f"review.{check}_{self.return_deadline}" if check == "return" else f"review.{check}")


def twelve_months(start: dt.date) -> list[dt.date]:
    """Every day from `start` to the day before the same date a year later."""
    try:
        end = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        end = start.replace(year=start.year + 1, day=28)
    return [start + dt.timedelta(days=n) for n in range((end - start).days)]


def zone_of(data: Data, country: str) -> str:
    """The name of the delivery zone a version sends a country's orders to (each service's, when it has
    several: "Standard: Canada"), or NOT_SHIPPED."""
    if country in data["not_shipped_to"]:
        return NOT_SHIPPED
    names = []
    for service in data["services"]:
        zones = service["zones"]
        listed = [zone["name"] for zone in zones if zone["countries"] and country in zone["countries"]]
        zone = (listed or [zone["name"] for zone in zones if zone["countries"] is None] or [None])[0]
        if zone is not None:
            names.append(f"{service['name']}: {zone}" if len(data["services"]) > 1 else zone)
    return "; ".join(names) or NOT_SHIPPED


def destinations(old: Data, new: Data) -> dict[tuple[str, str], list[str]]:
    """The countries grouped by the zones the two versions send them to: (old zone, new zone) -> codes.
    Within a group both versions answer alike for every country, so one country stands for the group."""
    groups: dict[tuple[str, str], list[str]] = {}
    for code in sorted(set(old["countries"]) | set(new["countries"])):
        groups.setdefault((zone_of(old, code), zone_of(new, code)), []).append(code)
    return groups


def build_panel(old: Data, new: Data, start: dt.date) -> Panel:
    """The sample inputs both versions answer; `start` anchors the twelve months (never today's date)."""
    days = twelve_months(start)
    cutoffs = sorted({data["same_day_cutoff"] for data in (old, new) if data["same_day_cutoff"]})
    times = sorted({*TIMES, *(_minute_before(cutoff) for cutoff in cutoffs), *cutoffs})
    zone = ZoneInfo(new["time_zone"])
    names = {**old["countries"], **new["countries"]}
    method_names = {**METHODS, **old.get("method_names", {}), **new.get("method_names", {})}
    samples: list[Sample] = []

    def add(check: str, group: str, question: str, function: str, *arguments: Any) -> None:
        samples.append(Sample(check, group, question, (function, arguments), len(samples)))

    where: dict[str, str] = {}
    for (old_zone, new_zone), codes in destinations(old, new).items():
        stands_for = new["home_country"] if new["home_country"] in codes else codes[0]
        where[f"delivery to {stands_for}"] = _countries_in_words(codes, names[stands_for], names, old_zone, new_zone)
    for day in days:
        moments = {time: dt.datetime.combine(day, dt.time.fromisoformat(time), zone) for time in times}
        for time, moment in moments.items():
            at = f"an order on {long_date(day)} at {words().time(time)} {new['time_zone_name']}"
            iso = moment.isoformat(timespec="minutes")
            if time in TIMES:
                add("cancellation", "cancellation", at, "cancellation_status", iso, iso)
            for group in where:
                add("delivery", group, f"{at} to {names[group.rsplit(' ', 1)[1]]}", "delivery_estimate", iso,
                    group.rsplit(" ", 1)[1])
        add("return", "return", f"an order delivered on {long_date(day)}", "return_deadline", day.isoformat())
        add("refund", "refund", f"a return that reached us on {long_date(day)}", "refund_deadline", day.isoformat())
        for method in sorted({*old["credit_business_days"], *new["credit_business_days"]}):
            add("credit", f"credit to {method}",
                f"a {method_names.get(method, method)} refund issued on {long_date(day)}", "credit_deadline",
                day.isoformat(), method)
        add("tracking", "tracking", f"a last tracking update on {long_date(day)}", "tracking_status",
            day.isoformat(), day.isoformat())
    return Panel(days[0], days[-1], times, new["time_zone"], new["time_zone_name"], samples, where,
                 new.get("return_deadline", "reach"))


def calls(panel: Panel) -> list[list[Any]]:
    """The panel as the JSON the evaluator reads."""
    return [[sample.call[0], list(sample.call[1])] for sample in panel.samples]


def _minute_before(time: str) -> str:
    moment = dt.datetime.combine(dt.date(2000, 1, 2), dt.time.fromisoformat(time)) - dt.timedelta(minutes=1)
    return moment.strftime("%H:%M")


def _countries_in_words(codes: Sequence[str], example: str, names: Mapping[str, str], old_zone: str,
                        new_zone: str) -> str:
    """'France and Germany (zone Europe, was zone Everywhere else)', '246 countries such as United Kingdom (...)'."""
    if len(codes) <= 4:
        countries = _join(sorted(names[code] for code in codes))
    else:
        countries = f"{len(codes)} countries such as {example}"
    zone = _zone(new_zone) if old_zone == new_zone else f"{_zone(new_zone)}, was {_zone(old_zone)}"
    return f"{countries} ({zone})"


def _zone(name: str) -> str:
    return name if name == NOT_SHIPPED else f"zone {name}"


def _join(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


# --- answers in words ----------------------------------------------------------------------------------

def long_date(day: dt.date) -> str:
    """'Friday 4 December 2026', or as the shop's locale writes it ('Friday, December 4, 2026')."""
    return words().long_date(day)


def date_range(first: dt.date, last: dt.date) -> str:
    """'Monday 14 December 2026 to Thursday 31 December 2026', or the one date."""
    return long_date(first) if first == last else f"{long_date(first)} to {long_date(last)}"


def answer_in_words(check: str, answer: Answer, panel: Panel) -> str:
    """How a shopper would read one answer."""
    if "error" in answer:
        return REFUSALS.get(answer["error"], answer["error"])
    day = dt.date.fromisoformat
    if check == "delivery":
        said = (f"ships {date_range(*map(day, answer['ships']))}, "
                f"arrives {date_range(*map(day, answer['arrives']))}")
        return said + (" (peak season)" if answer.get("peak") else "")
    if check == "cancellation":
        until = dt.datetime.fromisoformat(answer["free_until"].replace("Z", "+00:00")).astimezone(
            ZoneInfo(panel.time_zone))
        return f"free to cancel until {long_date(until.date())} {words().time(f'{until:%H:%M}')}"
    if check == "return":
        return ", ".join(f"{phrase} {long_date(day(answer[key]))}" for key, (phrase, _) in RETURN_DEADLINES.items()
                         if key in answer)
    dates = {"refund": ("refunded_by", "refunded by"),
             "credit": ("credited_by", "shows by"), "tracking": ("stale_from", "counts as stuck from")}
    key, phrase = dates[check]
    return f"{phrase} {long_date(day(answer[key]))}"


# --- what changed --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Difference:
    sample: Sample
    old: str
    new: str
    shift: str  # how the answer moved ("last day N days later"); the same for the samples one rule moves alike


@dataclass(frozen=True)
class Block:
    check: str
    group: str
    samples: int  # how many samples the block's group has
    differences: list[Difference]

    def shifts(self) -> list[tuple[str, int]]:
        """Each way the answers moved and how often, the most frequent first."""
        counts = Counter(difference.shift for difference in self.differences)
        first = {}
        for difference in self.differences:
            first.setdefault(difference.shift, difference.sample.order)
        return sorted(counts.items(), key=lambda item: (-item[1], first[item[0]]))

    def examples(self, most: int = 6) -> list[Difference]:
        """Up to `most` differences: the first of each way the answers moved, then more of the frequent ones."""
        by_shift: dict[str, list[Difference]] = {}
        for difference in self.differences:
            by_shift.setdefault(difference.shift, []).append(difference)
        order = [by_shift[shift] for shift, _ in self.shifts()]
        chosen: list[Difference] = []
        for round_ in range(most):
            for differences in order:
                if round_ < len(differences) and len(chosen) < most:
                    chosen.append(differences[round_])
        return sorted(chosen, key=lambda difference: difference.sample.order)


def compare_answers(panel: Panel, old: Sequence[Answer], new: Sequence[Answer]) -> list[Block]:
    """The blocks of answers that differ, in the order of CHECKS; a group whose answers all agree has none."""
    blocks: dict[str, Block] = {}
    sizes = Counter(sample.group for sample in panel.samples)
    for sample, before, after in zip(panel.samples, old, new, strict=True):
        if before == after:
            continue
        block = blocks.setdefault(sample.group, Block(sample.check, sample.group, sizes[sample.group], []))
        block.differences.append(Difference(sample, answer_in_words(sample.check, before, panel),
                                            answer_in_words(sample.check, after, panel),
                                            shift(sample.check, before, after)))
    return sorted(blocks.values(), key=lambda block: (CHECKS.index(block.check), block.group))


_DATES: dict[str, Callable[[Answer], list[tuple[str, list[str]]]]] = {  # the dates of an answer, by name
    "delivery": lambda a: [("dispatch", a["ships"]), ("arrival", a["arrives"])],
    "return": lambda a: [(name, [a[key]]) for key, (_, name) in RETURN_DEADLINES.items() if key in a],
    "refund": lambda a: [("refund", [a["refunded_by"]])],
    "credit": lambda a: [("money shows", [a["credited_by"]])],
    "tracking": lambda a: [("stuck from", [a["stale_from"]])],
}


def shift(check: str, old: Answer, new: Answer) -> str:
    """How an answer moved, in words that are the same for every sample one rule moves alike."""
    if "error" in old or "error" in new:
        before = REFUSALS.get(old.get("error", ""), "a date")
        after = REFUSALS.get(new.get("error", ""), "a date")
        return f"{before} → {after}"
    if check == "cancellation":
        hours = (dt.datetime.fromisoformat(new["free_until"].replace("Z", "+00:00"))
                 - dt.datetime.fromisoformat(old["free_until"].replace("Z", "+00:00"))) / dt.timedelta(hours=1)
        return f"free cancellation ends {_amount(hours, 'hour')}"
    moves = []
    for (name, before), (_, after) in zip(_DATES[check](old), _DATES[check](new), strict=True):
        days = [(dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days for a, b in zip(before, after, strict=True)]
        if len(set(days)) == 1 and days[0]:
            moves.append(f"{name} {_amount(days[0], 'day')}")
        elif len(days) == 2 and any(days):
            moves.append(f"earliest {name} {_amount(days[0], 'day')}, latest {_amount(days[1], 'day')}")
    if old.get("peak") != new.get("peak"):
        moves.append("now in peak season" if new.get("peak") else "no longer in peak season")
    return ", ".join(moves) or "other details"


def _amount(amount: float, unit: str) -> str:
    """How far a date or moment moved, in words: a number of units later or earlier, or "unchanged"."""
    if not amount:
        return "unchanged"
    size = abs(int(amount)) if amount == int(amount) else abs(amount)
    return f"{size} {unit}{'' if size == 1 else 's'} {'later' if amount > 0 else 'earlier'}"
