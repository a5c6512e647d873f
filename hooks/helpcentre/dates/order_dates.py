"""Order dates: the rules of the order dates calculator, written to be read as the specification.

calculator/engine.js implements the same rules for the browser; the shared test vectors in
tests/dates/calculator_cases.json and an agreement test keep the two identical.

Every public function takes the calculator data (calculator/README.md) first, takes and
gives ISO strings ("YYYY-MM-DD"; moments "YYYY-MM-DDTHH:MM[:SS]" with "Z" or "+HH:MM"), and never
raises for bad input: it answers {"error": code}, where code is one of ERRORS.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

Data = dict[str, Any]
Answer = dict[str, Any]

ERRORS = (
    "invalid_date",  # not a real "YYYY-MM-DD" date
    "invalid_moment",  # not a real "YYYY-MM-DDTHH:MM[:SS]" moment with "Z" or an offset
    "out_of_range",  # an input or computed date outside data first_date..last_date
    "unknown_country",  # not a key of data countries
    "not_shipped",  # in not_shipped_to, or no zone (of the chosen service) covers it
    "unknown_service",  # not the id of a delivery service in data services
    "invalid_method",  # not a key of data credit_business_days
    "before_start",  # now or today before the order or the last update; told the shop before delivery
)

_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MOMENT = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?"
    r"(?:Z|([+-])([0-9]{2}):([0-9]{2}))"
)


class _Refusal(Exception):
    """Bad input: the answer is {"error": code}."""


def _answers(rule: Callable[..., Answer]) -> Callable[..., Answer]:
    """Turn a _Refusal raised by the rule into the answer {"error": code}."""

    @functools.wraps(rule)
    def wrapper(*args: Any) -> Answer:
        try:
            return rule(*args)
        except _Refusal as refusal:
            return {"error": str(refusal)}

    return wrapper


def parse_date(text: object) -> date:
    """The date of a "YYYY-MM-DD" string; refuses anything else with invalid_date."""
    match = _DATE.fullmatch(text) if isinstance(text, str) else None
    try:
        if match:
            return date(*map(int, match.groups()))
    except ValueError:
        pass
    raise _Refusal("invalid_date")


def parse_moment(text: object) -> datetime:
    """The aware datetime of an ISO moment with "Z" or an offset; refuses with invalid_moment."""
    match = _MOMENT.fullmatch(text) if isinstance(text, str) else None
    try:
        if match:
            y, mo, d, h, mi, s, sign, oh, om = match.groups()
            if int(om or 0) > 59:
                raise ValueError("offset minutes")
            offset = timedelta(hours=int(oh or 0), minutes=int(om or 0))
            tz = timezone(-offset if sign == "-" else offset)  # offsets up to 23:59
            return datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0), tzinfo=tz)
    except ValueError:
        pass
    raise _Refusal("invalid_moment")


def shop_clock(data: Data, moment: datetime) -> datetime:
    """The shop's wall clock (data time_zone) at a moment."""
    try:
        return moment.astimezone(ZoneInfo(data["time_zone"]))
    except OverflowError:  # year 1 or 9999: far outside any calculator range
        raise _Refusal("out_of_range") from None


def check_range(data: Data, *days: date) -> None:
    """Refuse with out_of_range unless every day lies within first_date..last_date."""
    first, last = date.fromisoformat(data["first_date"]), date.fromisoformat(data["last_date"])
    if not all(first <= day <= last for day in days):
        raise _Refusal("out_of_range")


def is_business_day(data: Data, day: date) -> bool:
    """A working weekday that is not a closed date (bank holiday or shop closure)."""
    return day.isoweekday() in data["working_weekdays"] and day.isoformat() not in data["closed_dates"]


def next_business_day(data: Data, day: date) -> date:
    """The first business day strictly after day. Past last_date every day counts (the
    calendar ends there and any answer that far ahead is refused), so this always ends."""
    last = date.fromisoformat(data["last_date"])
    day += timedelta(days=1)
    while day <= last and not is_business_day(data, day):
        day += timedelta(days=1)
    return day


def add_business_days(data: Data, day: date, count: int) -> date:
    """next_business_day applied count times; count 0 gives day itself."""
    for _ in range(count):
        day = next_business_day(data, day)
    return day


def peak_extra_days(data: Data, day: date) -> int | None:
    """The largest extra_days of the peak seasons that contain day, or None if none does.

    Windows are "MM-DD" to "MM-DD", inclusive, every year; from > to runs over New Year.
    """
    month_day = day.isoformat()[5:]
    extras = [
        season["extra_days"]
        for season in data["peak_seasons"]
        if (
            season["from"] <= month_day <= season["to"]
            if season["from"] <= season["to"]
            else month_day >= season["from"] or month_day <= season["to"]
        )
    ]
    return max(extras) if extras else None


def is_transit_day(data: Data, service: dict[str, Any], day: date) -> bool:
    """A day a delivery time counts, in the service's transit_unit: every day (calendar), the shop's business
    days (business), or the service's delivery weekdays except its holidays (delivery)."""
    unit = service["transit_unit"]
    if unit == "business":
        return is_business_day(data, day)
    if unit == "delivery":
        return day.isoweekday() in service["delivery_weekdays"] and day.isoformat() not in service["holidays"]
    return True


def add_transit_days(data: Data, service: dict[str, Any], day: date, count: int) -> date:
    """The day count transit days after day; count 0 gives day itself. Past last_date every day counts."""
    last = date.fromisoformat(data["last_date"])
    for _ in range(count):
        day += timedelta(days=1)
        while day <= last and not is_transit_day(data, service, day):
            day += timedelta(days=1)
    return day


def _offered_to(data: Data, country: object) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """The delivery services that go to a country, in their order, each with its zone there: the zone listing
    the country, else the zone with countries null. Refuses a country not in data countries."""
    if not isinstance(country, str) or country not in data["countries"]:
        raise _Refusal("unknown_country")
    if country in data["not_shipped_to"]:
        return []
    found = []
    for service in data["services"]:
        zones = service["zones"]
        zone = next((z for z in zones if z["countries"] is not None and country in z["countries"]),
                    next((z for z in zones if z["countries"] is None), None))
        if zone is not None:
            found.append((service, zone))
    return found


@_answers
def services_to(data: Data, country: str) -> Any:
    """The delivery services that go to a country, each with its zone there: [(service, zone)], for the
    shopper's choice of service."""
    return _offered_to(data, country)


def service_for(data: Data, country: object, service: object) -> tuple[dict[str, Any], dict[str, Any]]:
    """The chosen service (None: the first that goes to the country) and its zone there."""
    offered = _offered_to(data, country)
    if service is not None:
        if not any(known["id"] == service for known in data["services"]):
            raise _Refusal("unknown_service")
        offered = [(known, zone) for known, zone in offered if known["id"] == service]
    if not offered:
        raise _Refusal("not_shipped")
    return offered[0]


def first_processing_day(data: Data, ordered: datetime) -> date:
    """The order date (shop time) if it is a business day before the same-day cut-off,
    else the next business day."""
    ordered_on, cutoff = ordered.date(), data["same_day_cutoff"]
    if cutoff is not None and is_business_day(data, ordered_on):
        if ordered.time() < time.fromisoformat(cutoff):
            return ordered_on
    return next_business_day(data, ordered_on)


@_answers
def delivery_estimate(data: Data, ordered_at: str, destination: str, service: str | None = None) -> Answer:
    """When an order ships and arrives with a delivery service (None: the first that goes to the destination):
    {"service": id, "ships": [d1, d2], "arrives": [d1, d2], "peak": bool}. The order ships processing min to max
    business days after its first processing day; it arrives transit min to max days of the service's unit
    after that (peak season extra days counted in the same unit)."""
    placed = parse_moment(ordered_at)
    chosen, zone = service_for(data, destination, service)
    ordered = shop_clock(data, placed)
    check_range(data, ordered.date())
    first = first_processing_day(data, ordered)
    processing, transit = data["processing_business_days"], zone["transit_days"]
    ships = [add_business_days(data, first, processing[end]) for end in ("min", "max")]
    extra = peak_extra_days(data, ordered.date())
    arrives = [
        add_transit_days(data, chosen, ships[0], transit["min"]),
        add_transit_days(data, chosen, ships[1], transit["max"] + (extra or 0)),
    ]
    check_range(data, *ships, *arrives)
    return {
        "service": chosen["id"],
        "ships": [day.isoformat() for day in ships],
        "arrives": [day.isoformat() for day in arrives],
        "peak": extra is not None,
    }


@_answers
def cancellation_status(data: Data, ordered_at: str, now: str) -> Answer:
    """Until when an order can be cancelled freely (elapsed hours), and whether it still can."""
    ordered, current = parse_moment(ordered_at), parse_moment(now)
    check_range(data, shop_clock(data, ordered).date(), shop_clock(data, current).date())
    if current < ordered:
        raise _Refusal("before_start")
    free_until = ordered.astimezone(UTC) + timedelta(hours=data["free_cancellation_hours"])
    check_range(data, shop_clock(data, free_until).date())
    return {
        "free_until": free_until.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "status": "free" if current < free_until else "contact",
    }


def window_end(data: Data, start: date, days: int) -> date:
    """The last day of a return period of calendar days from start, moved to the next business day when it
    falls on a closed day and the shop's returns model says so (return_deadline_moves)."""
    due = start + timedelta(days=days)
    if data["return_deadline_moves"] and not is_business_day(data, due):
        due = next_business_day(data, due)
    return due


@_answers
def return_deadline(data: Data, delivered_on: str, notified_on: str | None = None) -> Answer:
    """The return window's deadlines, as the shop's returns model (return_deadline) words them: the last day a
    return may reach the shop {"return_by"} (reach), or be sent {"send_by"} (send); or the last day to tell the
    shop {"notify_by"} and, when the shopper told it on notified_on, the last day to send it {"send_by"}
    (notify_then_send; telling before delivery is refused with before_start)."""
    delivered = parse_date(delivered_on)
    notified = None if notified_on is None or data["return_deadline"] != "notify_then_send" else parse_date(
        notified_on)
    check_range(data, delivered, *([notified] if notified else []))
    if notified is not None and notified < delivered:
        raise _Refusal("before_start")
    due = window_end(data, delivered, data["return_window_days"])
    check_range(data, due)
    if data["return_deadline"] != "notify_then_send":
        return {"return_by" if data["return_deadline"] == "reach" else "send_by": due.isoformat()}
    if notified is None:
        return {"notify_by": due.isoformat()}
    send_by = window_end(data, notified, data["return_send_days"])
    check_range(data, send_by)
    return {"notify_by": due.isoformat(), "send_by": send_by.isoformat()}


@_answers
def refund_deadline(data: Data, return_received_on: str) -> Answer:
    """The day a refund is issued by: refund_days from the return's arrival, counted in the shop's refund_unit
    (business days, or calendar days, never moved)."""
    received = parse_date(return_received_on)
    check_range(data, received)
    if data["refund_unit"] == "business":
        due = add_business_days(data, received, data["refund_days"])
    else:
        due = received + timedelta(days=data["refund_days"])
    check_range(data, due)
    return {"refunded_by": due.isoformat()}


@_answers
def credit_deadline(data: Data, refund_issued_on: str, method: str) -> Answer:
    """The day an issued refund shows on the statement of the payment method (a key of credit_business_days)."""
    issued = parse_date(refund_issued_on)
    days = data["credit_business_days"]
    if not isinstance(method, str) or method not in days:
        raise _Refusal("invalid_method")
    check_range(data, issued)
    due = add_business_days(data, issued, days[method])
    check_range(data, due)
    return {"credited_by": due.isoformat()}


@_answers
def tracking_status(data: Data, last_update_on: str, today: str) -> Answer:
    """Whether tracking is stale: more than tracking_stale_business_days business days
    have passed since its last update."""
    last, current = parse_date(last_update_on), parse_date(today)
    check_range(data, last, current)
    if current < last:
        raise _Refusal("before_start")
    stale_from = add_business_days(data, last, data["tracking_stale_business_days"] + 1)
    check_range(data, stale_from)
    return {"stale": current >= stale_from, "stale_from": stale_from.isoformat()}


def latest_arrival(data: Data, service: dict[str, Any], zone: dict[str, Any], ordered_on: date, first: date) -> date:
    """The last day of the delivery estimate's arrival window, for an order placed on ordered_on
    (shop time) whose processing starts on first."""
    shipped = add_business_days(data, first, data["processing_business_days"]["max"])
    extra = peak_extra_days(data, ordered_on) or 0
    return add_transit_days(data, service, shipped, zone["transit_days"]["max"] + extra)


@_answers
def last_order(data: Data, arrive_by: str, destination: str, service: str | None = None) -> Answer:
    """The last day (and, with a same-day cut-off, the time) to order so that the latest delivery
    estimate arrives on or before arrive_by: {"order_by": day, "before": "HH:MM" or None,
    "arrives_by": the latest estimate of that order}.

    Walks back from arrive_by day by day: an order at any time of the day (processing starts
    the next business day), else, on a business day with a cut-off, an order before the cut-off
    (processing starts that day). Refuses with out_of_range when no day back to first_date works.
    The arrival is always a day the service delivers, so never one it does not.
    """
    target = parse_date(arrive_by)
    chosen, zone = service_for(data, destination, service)
    check_range(data, target)
    first_date, cutoff = date.fromisoformat(data["first_date"]), data["same_day_cutoff"]
    day = target
    while day >= first_date:
        arrives = latest_arrival(data, chosen, zone, day, next_business_day(data, day))
        before = None
        if arrives > target and cutoff is not None and is_business_day(data, day):
            arrives, before = latest_arrival(data, chosen, zone, day, day), cutoff
        if arrives <= target:
            return {"order_by": day.isoformat(), "before": before, "arrives_by": arrives.isoformat()}
        day -= timedelta(days=1)
    raise _Refusal("out_of_range")
