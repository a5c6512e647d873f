"""The data the order dates calculator runs on, built from the policies at build time."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from typing import Any

import pycountry

from helpcentre.policy.bank_holidays import bank_holidays
from helpcentre.policy.policies import (
    Policies,
    deadline_moves,
    delivery_services,
    delivery_weekdays,
    method_names,
    refund_days,
    return_deadline,
)
from helpcentre.reading.schema import country_groups, country_name, expand_countries
from helpcentre.reading.words import words

# The sentences the calculator's scripts write (answers.js, last_order_dates.js), by their keys' starts.
BROWSER_WORDS = ("answers.", "amounts.day.", "amounts.business_day.", "contact.thanks", "checks.priced", "checks.free",
                 "last_order.order_by_before", "last_order.today", "last_order.passed", "last_order.not_yet",
                 "last_order.in_time", "last_order.not_promised", "last_order.likely_late", "last_order.will_it_arrive")
YEARS_AHEAD = 2  # the calculator knows holidays up to two years after the build year


def build_year() -> int:
    """The year of the build: from SOURCE_DATE_EPOCH when set, so that builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return moment.year


def build_calculator_data(policies: Policies, year: int) -> dict[str, Any]:
    """Everything the calculator needs, as plain JSON-ready values (see calculator/README.md)."""
    first_year, last_year = policies["calendar.first_year"], year + YEARS_AHEAD
    working = list(policies["processing.working_days"])
    region = policies["calendar.bank_holidays"]
    holidays = bank_holidays(region["country"], region["region"], range(first_year, last_year + 1))
    closures = {day for closure in policies["processing.closure_dates"] for day in closure.dates()}
    closed = sorted(day for day in holidays | closures
                    if first_year <= day.year <= last_year and day.isoweekday() in working)
    returns, refund = policies["returns"], refund_days(policies["refunds"])
    names = method_names(policies["payments.methods"])  # how shoppers call the methods refunds go back to
    not_shipped = [code for code in expand_countries(policies["delivery.not_shipped_to"]) if country_name(code)]
    return {
        "time_zone": policies["calendar.time_zone"],
        "time_zone_name": policies["calendar.time_zone_name"],
        "email": policies["shop.email"],  # for the prefilled emails of "email us" answers
        "home_country": region["country"],  # the shop's own country, chosen first in the country list
        "first_date": f"{first_year}-01-01",
        "last_date": f"{last_year}-12-31",
        "working_weekdays": working,
        "closed_dates": [day.isoformat() for day in closed],
        "same_day_cutoff": policies["processing.same_day_cutoff"],
        "processing_business_days": _span(policies["processing.business_days"]),
        "services": [_service(service, not_shipped, holidays) for service in delivery_services(policies["delivery"])],
        "currency": policies["shop.currency"],  # of the prices, written for the locale's shoppers
        "locale": words().locale,  # Intl's, the same as Babel's in the pages
        "words": words().browser(*BROWSER_WORDS),
        "not_shipped_to": not_shipped,
        "peak_seasons": [
            {"from": _month_day(season["from"]), "to": _month_day(season["to"]), "extra_days": season["extra_days"]}
            for season in policies["delivery.peak_seasons"]
        ],
        "target_dates": [{"name": target["name"], "arrive_by": _month_day(target["arrive_by"])}
                         for target in policies["delivery.target_dates"]],
        "last_order_notice_days": policies["delivery.last_order_notice_days"],
        "closures": [{"from": closure.start.isoformat(), "to": closure.end.isoformat()}
                     for closure in policies["processing.closure_dates"]],
        "closure_notice_days": policies["processing.closure_notice_days"],
        "free_cancellation_hours": policies["cancellation.free_cancellation_hours"],
        "return_window_days": policies["returns.window_days"],
        "return_deadline": return_deadline(returns).replace(" ", "_"),  # reach, send or notify_then_send
        "return_send_days": returns["send_days"],
        "return_deadline_moves": deadline_moves(returns),
        "refund_days": refund[0],
        "refund_unit": refund[1],  # business or calendar
        "credit_business_days": dict(policies["refunds.to_statement"]),
        "method_names": {method: names[method] for method in policies["refunds.to_statement"]},
        "tracking_stale_business_days": policies["tracking.stale_after_business_days"],
        "countries": dict(sorted(((c.alpha_2, country_name(c.alpha_2)) for c in pycountry.countries),
                                 key=lambda item: item[1])),
    }


def _service(service: dict[str, Any], not_shipped: list[str], holidays: set[dt.date]) -> dict[str, Any]:
    """A delivery service: each zone with its countries in full (a group's countries that no zone of the
    service names on their own), and for delivery days, the days they are and the bank holidays among them."""
    named = {code for zone in service["zones"] for code in zone["countries"] or [] if code not in country_groups()}
    unit = service["transit_unit"].removesuffix(" days")
    counted = {}
    if unit == "delivery":
        weekdays = delivery_weekdays(service)
        counted = {"delivery_weekdays": list(weekdays),
                   "holidays": sorted(day.isoformat() for day in holidays if day.isoweekday() in weekdays)}
    return {
        "id": service["id"], "name": service["name"], "transit_unit": unit, **counted,
        "zones": [{
            "name": zone["name"],
            "countries": None if zone["countries"] is None else [
                code for code in expand_countries(zone["countries"])
                if code not in not_shipped and (code in zone["countries"] or code not in named)],
            "transit_days": _span(zone["transit_days"]),
            "price": _amount(zone["price"]), "free_from": _amount(zone["free_from"]),
        } for zone in service["zones"]],
    }


def _amount(amount: Decimal | None) -> float | None:
    return None if amount is None else float(amount)


def _month_day(day: tuple[int, int]) -> str:
    """(11, 20) -> "11-20"."""
    return f"{day[0]:02d}-{day[1]:02d}"


def _span(span: Any) -> dict[str, int]:
    return {"min": span.min, "max": span.max}
