"""Tests of the order dates rules: the Python reference (helpcentre.dates.order_dates), the shared test
vectors (tests/dates/calculator_cases.json, also read by tests/js/engine.test.mjs) and the agreement of
the Python reference with calculator/engine.js on many random inputs."""

from __future__ import annotations

import copy
import functools
import json
import os
import random
import subprocess
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import holidays
import pytest

from helpcentre.dates import order_dates
from helpcentre.dates.calculator_data import build_calculator_data
from helpcentre.policy.policies import load_policies
from helpcentre.reading.words import speaking
from helpcentre.reading.words_file import shipped_words

ROOT = Path(__file__).resolve().parents[2]
OUR_CASES_PATH = Path(__file__).parent / "calculator_cases.json"
RUN_ENGINE = ROOT / "tests" / "js" / "run_engine.mjs"
BUILD_YEAR = 2026  # the vectors were worked out for a build in 2026: dates known up to 2028-12-31

Data = dict[str, Any]

RULES: dict[str, tuple[Callable[..., dict[str, Any]], tuple[str, ...]]] = {
    "delivery": (order_dates.delivery_estimate, ("ordered_at", "destination", "service")),
    "cancellation": (order_dates.cancellation_status, ("ordered_at", "now")),
    "return": (order_dates.return_deadline, ("delivered_on", "notified_on")),
    "refund": (order_dates.refund_deadline, ("return_received_on",)),
    "credit": (order_dates.credit_deadline, ("refund_issued_on", "method")),
    "tracking": (order_dates.tracking_status, ("last_update_on", "today")),
    "last_order": (order_dates.last_order, ("arrive_by", "destination", "service")),
}


def shop_data(policies: Path = ROOT / "policies.yaml") -> Data:
    """The calculator data of a shop's policies.yaml (default: the repository's, JJ's Art), built in BUILD_YEAR."""
    with speaking(shipped_words()):  # the data's words are not what the vectors test
        return build_calculator_data(load_policies(policies), BUILD_YEAR)


def load_cases(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["cases"]


def shop_vectors() -> dict[str, tuple[Path, Path]]:
    """Every shop's policies.yaml and vectors by the shop's name: JJ's Art's and each reference shop's in
    examples/ (its calculator_cases.json); or the one pair that CALCULATOR_POLICIES (default the repository's
    policies.yaml) and CALCULATOR_CASES (default JJ's Art's vectors) name, when either is set."""
    if "CALCULATOR_POLICIES" in os.environ or "CALCULATOR_CASES" in os.environ:
        return {"chosen": (Path(os.environ.get("CALCULATOR_POLICIES", ROOT / "policies.yaml")),
                           Path(os.environ.get("CALCULATOR_CASES", OUR_CASES_PATH)))}
    examples = sorted((ROOT / "examples").glob("*/calculator_cases.json"))
    return {"jjsart": (ROOT / "policies.yaml", OUR_CASES_PATH),
            **{cases.parent.name: (cases.parent / "policies.yaml", cases) for cases in examples}}


def expected_part(answer: dict[str, Any], expect: dict[str, Any]) -> dict[str, Any]:
    """The keys of an answer that a case's expect names (an answer may carry more, such as its service)."""
    return {key: answer.get(key) for key in expect}


def answer(data: Data, inputs: dict[str, Any]) -> dict[str, Any]:
    """The Python reference's answer to one case (or random input) of the vectors' shape; a case's
    optional "service" chooses a delivery service, and "data" replaces those keys of the calculator data
    (a cut-off, a closure)."""
    rule, names = RULES[inputs["kind"]]
    return rule({**data, **inputs.get("data", {})}, *(inputs.get(name) for name in names))


@pytest.fixture(scope="module")
def data() -> Data:
    return shop_data()


# --- the shared vectors -----------------------------------------------------------------------

SHOP_VECTORS = shop_vectors()
CASES = [(shop, case) for shop, (_, cases) in SHOP_VECTORS.items() for case in load_cases(cases)]
OUR_CASES = load_cases(OUR_CASES_PATH)


@functools.cache
def data_of(shop: str) -> Data:
    return shop_data(SHOP_VECTORS[shop][0])


@pytest.mark.parametrize("shop", SHOP_VECTORS)
def test_there_are_cases(shop: str) -> None:
    assert load_cases(SHOP_VECTORS[shop][1]), SHOP_VECTORS[shop]


@pytest.mark.parametrize("shop, case", CASES, ids=[f"{shop}: {case['name']}" for shop, case in CASES])
def test_case(shop: str, case: dict[str, Any]) -> None:
    assert expected_part(answer(data_of(shop), case), case["expect"]) == case["expect"]


WORKED_EXAMPLES = [
    ("delivery", {"ordered_at": "2026-07-06T10:00:00+01:00", "destination": "GB"},
     {"ships": ["2026-07-08", "2026-07-10"], "arrives": ["2026-07-15", "2026-07-26"], "peak": False}),
    ("delivery", {"ordered_at": "2026-04-03T09:00:00+01:00", "destination": "FR"},
     {"ships": ["2026-04-08", "2026-04-10"], "arrives": ["2026-04-15", "2026-04-26"], "peak": False}),
    ("delivery", {"ordered_at": "2026-08-28T23:59:00+01:00", "destination": "US"},
     {"ships": ["2026-09-02", "2026-09-04"], "arrives": ["2026-09-20", "2026-09-28"], "peak": False}),
    ("delivery", {"ordered_at": "2026-12-23T15:00:00Z", "destination": "GB"},
     {"ships": ["2026-12-29", "2026-12-31"], "arrives": ["2027-01-05", "2027-01-21"], "peak": True}),
    ("delivery", {"ordered_at": "2026-12-04T20:30:00-05:00", "destination": "US"},
     {"ships": ["2026-12-08", "2026-12-10"], "arrives": ["2026-12-26", "2027-01-08"], "peak": True}),
    ("cancellation", {"ordered_at": "2026-03-28T20:00:00Z", "now": "2026-03-29T07:30:00Z"},
     {"free_until": "2026-03-29T08:00:00Z", "status": "free"}),
    ("cancellation", {"ordered_at": "2026-10-24T20:00:00+01:00", "now": "2026-10-25T08:00:00Z"},
     {"free_until": "2026-10-25T07:00:00Z", "status": "contact"}),
    ("return", {"delivered_on": "2026-12-18"}, {"return_by": "2027-01-04"}),
    ("refund", {"return_received_on": "2026-12-24"}, {"refunded_by": "2027-02-05"}),
    ("credit", {"refund_issued_on": "2026-12-24", "method": "card"}, {"credited_by": "2027-01-07"}),
    ("credit", {"refund_issued_on": "2026-12-24", "method": "paypal"}, {"credited_by": "2026-12-24"}),
    ("tracking", {"last_update_on": "2026-12-23", "today": "2027-01-04"},
     {"stale": False, "stale_from": "2027-01-05"}),
    ("tracking", {"last_update_on": "2026-12-23", "today": "2027-01-05"},
     {"stale": True, "stale_from": "2027-01-05"}),
    ("last_order", {"arrive_by": "2026-12-24", "destination": "GB"},
     {"order_by": "2026-11-29", "before": None, "arrives_by": "2026-12-24"}),
    ("last_order", {"arrive_by": "2026-12-24", "destination": "US"},
     {"order_by": "2026-11-19", "before": None, "arrives_by": "2026-12-19"}),
    ("last_order", {"arrive_by": "2026-12-24", "destination": "FR"},
     {"order_by": "2026-11-29", "before": None, "arrives_by": "2026-12-24"}),
    ("last_order", {"arrive_by": "2027-01-31", "destination": "GB"},
     {"order_by": "2027-01-11", "before": None, "arrives_by": "2027-01-31"}),
    ("last_order", {"arrive_by": "2026-12-03", "destination": "GB"},
     {"order_by": "2026-11-11", "before": None, "arrives_by": "2026-12-03"}),
]


@pytest.mark.parametrize("kind, inputs, expect", WORKED_EXAMPLES)
def test_vectors_hold_the_worked_examples(kind: str, inputs: dict[str, str], expect: dict[str, Any]) -> None:
    wanted = {"kind": kind, **inputs, "expect": expect}
    assert any({key: value for key, value in case.items() if key != "name"} == wanted for case in OUR_CASES)


def test_the_last_order_vectors_hold_a_cut_off_and_a_closure() -> None:
    changes = [case.get("data", {}) for case in OUR_CASES if case["kind"] == "last_order"]
    assert {"same_day_cutoff": "14:00"} in changes
    assert any("2026-12-29" in change.get("closed_dates", []) for change in changes)


@pytest.mark.parametrize("cutoff", [None, "14:00"])
def test_the_last_order_is_the_last_order_the_delivery_estimate_gets_there_in_time(data: Data,
                                                                                cutoff: str | None) -> None:
    """The last order checked against delivery_estimate itself: ordering at the latest moment it names
    arrives by the target, and ordering any later does not."""
    shop = variant(data, same_day_cutoff=cutoff)
    rng = random.Random(24)
    for _ in range(150):
        target = date(2025, 3, 1) + timedelta(days=rng.randint(0, 1300))
        country = rng.choice(["GB", "US", "FR"])
        found = order_dates.last_order(shop, target.isoformat(), country)
        # the last minute of order_by, or the minute before its cut-off, in the shop's time zone
        moment = datetime.fromisoformat(f"{found['order_by']}T{found['before'] or '23:59'}").replace(
            tzinfo=order_dates.ZoneInfo("Europe/London")) - timedelta(minutes=1 if found["before"] else 0)
        arrives = order_dates.delivery_estimate(shop, moment.isoformat(), country)["arrives"][1]
        assert arrives == found["arrives_by"] <= target.isoformat()
        later = moment + timedelta(minutes=2) if found["before"] else moment + timedelta(minutes=1)
        for _ in range(30):  # any later order, up to the target, arrives too late
            assert order_dates.delivery_estimate(shop, later.isoformat(), country)["arrives"][1] > target.isoformat()
            later += timedelta(hours=rng.randint(1, 30))
            if later.date() > target:
                break


OPTIONAL = {"service", "notified_on"}  # inputs a case may leave out


def test_vectors_cover_every_rule_and_error() -> None:
    kinds = Counter(case["kind"] for case in OUR_CASES)
    errors = {case["expect"]["error"] for case in OUR_CASES if "error" in case["expect"]}
    names = [case["name"] for case in OUR_CASES]
    assert len(OUR_CASES) >= 111
    assert set(kinds) == set(RULES) and min(kinds.values()) >= 10
    assert errors == set(order_dates.ERRORS) - {"not_shipped", "unknown_service"}  # everywhere, one service
    assert len(set(names)) == len(names)
    for case in OUR_CASES:
        given = set(case) - {"data"}
        assert given - OPTIONAL == {"name", "kind", "expect", *RULES[case["kind"]][1]} - OPTIONAL, case["name"]


def test_data_has_the_values_the_vectors_were_worked_out_with(data: Data) -> None:
    bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=range(2025, 2029))
    weekday_holidays = {day.isoformat() for day in bank_holidays if day.isoweekday() <= 5}
    assert weekday_holidays <= set(data["closed_dates"])
    assert {"2026-12-28", "2027-12-27", "2027-12-28", "2028-01-03", "2027-03-29"} <= weekday_holidays
    assert (data["first_date"], data["last_date"]) == ("2025-01-01", "2028-12-31")
    assert data["working_weekdays"] == [1, 2, 3, 4, 5] and data["same_day_cutoff"] is None
    assert data["processing_business_days"] == {"min": 1, "max": 3}
    [service] = data["services"]
    assert service["transit_unit"] == "calendar"
    assert [(z["countries"], z["transit_days"]) for z in service["zones"]] == [
        (["US"], {"min": 18, "max": 24}), (None, {"min": 7, "max": 16})]
    assert data["peak_seasons"] == [{"from": "11-20", "to": "12-31", "extra_days": 5}]
    assert (data["free_cancellation_hours"], data["return_window_days"], data["refund_days"],
            data["tracking_stale_business_days"]) == (12, 14, 28, 5)
    assert (data["return_deadline"], data["return_deadline_moves"], data["refund_unit"]) == ("reach", True, "business")
    assert data["credit_business_days"] == {"card": 7, "paypal": 0}
    assert {"GB", "US", "FR", "DE", "IE", "NL", "NZ", "IN", "AU"} <= set(data["countries"])
    assert not {"XX", "gb"} & set(data["countries"])


# --- rules the JJ's Art values do not reach ---------------------------------------------------

def variant(data: Data, zones: list[dict[str, Any]] | None = None, **changes: Any) -> Data:
    """The data with some keys changed; `zones` replaces those of its one service."""
    changed = copy.deepcopy(data)
    changed.update(changes)
    if zones is not None:
        changed["services"] = [{**changed["services"][0], "zones": zones}]
    return changed


@pytest.mark.parametrize("ordered_at, ships", [
    ("2026-07-06T13:59:59+01:00", ["2026-07-07", "2026-07-09"]),  # Monday before 14:00: P1 Monday
    ("2026-07-06T14:00:00+01:00", ["2026-07-08", "2026-07-10"]),  # at the cut-off: P1 Tuesday
    ("2026-07-06T12:30:00Z", ["2026-07-07", "2026-07-09"]),  # 13:30 BST
    ("2026-01-05T13:30:00Z", ["2026-01-06", "2026-01-08"]),  # 13:30 GMT
    ("2026-01-05T14:30:00+01:00", ["2026-01-06", "2026-01-08"]),  # 13:30 GMT
    ("2026-07-11T09:00:00+01:00", ["2026-07-14", "2026-07-16"]),  # Saturday: no same day
    ("2026-04-06T09:00:00+01:00", ["2026-04-08", "2026-04-10"]),  # Easter Monday: no same day
])
def test_same_day_cutoff(data: Data, ordered_at: str, ships: list[str]) -> None:
    answer = order_dates.delivery_estimate(variant(data, same_day_cutoff="14:00"), ordered_at, "GB")
    assert answer["ships"] == ships


def test_shop_closure_dates_are_not_business_days(data: Data) -> None:
    closed = variant(data, closed_dates=sorted([*data["closed_dates"], "2026-07-07", "2026-07-08"]))
    assert order_dates.delivery_estimate(closed, "2026-07-06T10:00:00+01:00", "GB")["ships"] == [
        "2026-07-10", "2026-07-14"]
    assert order_dates.credit_deadline(closed, "2026-07-06", "card") == {"credited_by": "2026-07-17"}


def test_saturday_working_shop(data: Data) -> None:
    six_days = variant(data, working_weekdays=[1, 2, 3, 4, 5, 6])
    assert order_dates.delivery_estimate(six_days, "2026-07-10T10:00:00+01:00", "GB")["ships"] == [
        "2026-07-13", "2026-07-15"]
    assert order_dates.return_deadline(six_days, "2026-07-04") == {"return_by": "2026-07-18"}


@pytest.mark.parametrize("zones, not_shipped_to, country, expect", [
    (None, ["KP"], "KP", {"error": "not_shipped"}),
    ([{"name": "US", "countries": ["US"], "transit_days": {"min": 2, "max": 4}}], [], "FR",
     {"error": "not_shipped"}),
    ([{"name": "US", "countries": ["US"], "transit_days": {"min": 2, "max": 4}}], [], "US",
     {"service": "standard", "ships": ["2026-07-08", "2026-07-10"], "arrives": ["2026-07-10", "2026-07-14"],
      "peak": False}),
    (None, ["KP"], "XX", {"error": "unknown_country"}),
])
def test_zones_and_countries_not_shipped_to(data: Data, zones: Any, not_shipped_to: list[str], country: str,
                                            expect: dict[str, Any]) -> None:
    changed = variant(data, zones=zones, not_shipped_to=not_shipped_to)
    assert order_dates.delivery_estimate(changed, "2026-07-06T10:00:00+01:00", country) == expect


@pytest.mark.parametrize("ordered_at, arrives, peak", [
    ("2026-12-31T10:00:00Z", ["2027-01-12", "2027-02-04"], True),  # window over New Year: +12
    ("2027-01-06T10:00:00Z", ["2027-01-15", "2027-02-09"], True),  # last day of the window
    ("2027-01-07T10:00:00Z", ["2027-01-18", "2027-01-29"], False),
    ("2026-12-20T10:00:00Z", ["2026-12-29", "2027-01-21"], True),  # two windows: the larger, 12
])
def test_peak_window_over_new_year_and_largest_extra(data: Data, ordered_at: str, arrives: list[str],
                                                     peak: bool) -> None:
    seasons = [{"from": "12-20", "to": "01-06", "extra_days": 12}, {"from": "11-20", "to": "12-31", "extra_days": 5}]
    answer = order_dates.delivery_estimate(variant(data, peak_seasons=seasons), ordered_at, "GB")
    assert (answer["arrives"], answer["peak"]) == (arrives, peak)


def test_processing_days_widen_the_shipping_window(data: Data) -> None:
    slow = variant(data, processing_business_days={"min": 2, "max": 5})
    assert order_dates.delivery_estimate(slow, "2026-07-06T10:00:00+01:00", "GB")["ships"] == [
        "2026-07-09", "2026-07-14"]


@pytest.mark.parametrize("kind, inputs, error", [
    ("delivery", {"ordered_at": None, "destination": "GB"}, "invalid_moment"),
    ("delivery", {"ordered_at": 1783328400, "destination": "GB"}, "invalid_moment"),
    ("delivery", {"ordered_at": "2026-07-06T10:00:00z", "destination": "GB"}, "invalid_moment"),
    ("delivery", {"ordered_at": "2026-07-06 10:00:00Z", "destination": "GB"}, "invalid_moment"),
    ("delivery", {"ordered_at": "2026-07-06T10:00:60Z", "destination": "GB"}, "invalid_moment"),
    ("delivery", {"ordered_at": "2026-07-06T10:00:00+24:00", "destination": "GB"}, "invalid_moment"),
    ("delivery", {"ordered_at": "2026-07-06T10:00:00+0100", "destination": "GB"}, "invalid_moment"),
    ("delivery", {"ordered_at": "2026-07-06T10:00:00+01", "destination": "GB"}, "invalid_moment"),
    ("delivery", {"ordered_at": "20260706T100000Z", "destination": "GB"}, "invalid_moment"),
    ("delivery", {"ordered_at": "٢٠٢٦-07-06T10:00:00Z", "destination": "GB"}, "invalid_moment"),
    ("delivery", {"ordered_at": " 2026-07-06T10:00:00Z", "destination": "GB"}, "invalid_moment"),
    ("delivery", {"ordered_at": "2026-07-06T10:00:00Z\n", "destination": "GB"}, "invalid_moment"),
    ("delivery", {"ordered_at": "0000-01-01T00:00:00Z", "destination": "GB"}, "invalid_moment"),
    ("delivery", {"ordered_at": "0001-01-01T00:00:00+01:00", "destination": "GB"}, "out_of_range"),
    ("delivery", {"ordered_at": "9999-12-31T23:59:00-23:59", "destination": "GB"}, "out_of_range"),
    ("delivery", {"ordered_at": "2026-07-06T10:00:00+01:00", "destination": None}, "unknown_country"),
    ("delivery", {"ordered_at": "2026-07-06T10:00:00+01:00", "destination": "__proto__"}, "unknown_country"),
    ("cancellation", {"ordered_at": "0001-01-01T00:00:00+01:00", "now": "bad"}, "invalid_moment"),
    ("return", {"delivered_on": "2026-W28-1"}, "invalid_date"),
    ("return", {"delivered_on": "20260706"}, "invalid_date"),
    ("return", {"delivered_on": "0000-01-01"}, "invalid_date"),
    ("return", {"delivered_on": "9999-12-31"}, "out_of_range"),
    ("refund", {"return_received_on": None}, "invalid_date"),
    ("credit", {"refund_issued_on": "2026-07-06", "method": None}, "invalid_method"),
    ("credit", {"refund_issued_on": "2026-07-06", "method": ["card"]}, "invalid_method"),
    ("tracking", {"last_update_on": "2026-07-06", "today": "2026-07-06T10:00:00Z"}, "invalid_date"),
])
def test_bad_input_is_answered_not_raised(data: Data, kind: str, inputs: dict[str, Any], error: str) -> None:
    assert answer(data, {"kind": kind, **inputs}) == {"error": error}


def test_offsets_up_to_23_59_are_accepted(data: Data) -> None:
    # 2026-07-07T23:59+23:59 is 2026-07-07T00:00Z, 01:00 BST on Tuesday
    assert order_dates.cancellation_status(data, "2026-07-07T23:59:00+23:59", "2026-07-07T11:59:59Z") == {
        "free_until": "2026-07-07T12:00:00Z", "status": "free"}


# --- agreement of the Python reference and the JavaScript engine -------------------------------

OFFSETS = ["Z", "+00:00", "-00:00", "+01:00", "+02:00", "-05:00", "-08:00", "+13:00", "+14:00", "+05:30",
           "+05:45", "-03:30", "-12:00", "+09:00", "+23:59", "-23:59"]
BAD_MOMENTS = ["2026-02-30T10:00:00Z", "2027-02-29T10:00Z", "2026-07-06", "2026-07-06T10:00:00", "", None, 42,
               "2026-07-06T24:00Z", "2026-07-06T10:60Z", "2026-07-06T10:00:60Z", "2026-07-06T10:00+24:00",
               "2026-07-06T10:00+01:60", "2026-07-06T10:00z", "2026-07-06 10:00Z", "2026-07-06T10:00:00.5Z",
               "٢٠٢٦-07-06T10:00Z", "0000-01-01T00:00Z", "0001-01-01T00:00+01:00", "9999-12-31T23:59-23:59",
               "2026-00-10T10:00Z", "2026-07-00T10:00Z", "2026-07-06T10:00:00+01:00\n"]
BAD_DATES = ["2026-02-30", "2027-02-29", "2026-04-31", "2026-13-01", "2026-00-01", "2026-7-6", "20260706",
             "2026-W28-1", "", None, 7, "0000-01-01", "9999-12-31", "2026-07-06T10:00:00Z", "2026-07-06 ",
             "٢٠٢٦-٠٧-٠٦"]
ODD_SERVICES = ["express", "", "Standard", "__proto__", "constructor", 7]
ODD_COUNTRIES = ["XX", "gb", "", None, "__proto__", "constructor", "toString", "hasOwnProperty", "GBR"]
METHODS = ["card", "paypal", "card", "paypal", "cheque", "Card", "", None, "__proto__", "toString"]
EARLIEST, LATEST = datetime(2024, 12, 20, tzinfo=UTC), datetime(2029, 1, 10, tzinfo=UTC)


def format_moment(rng: random.Random, instant: datetime) -> str:
    """The instant written with a random offset, with or without seconds."""
    offset = rng.choice(OFFSETS)
    delta = timedelta(0) if offset == "Z" else (1 - 2 * (offset[0] == "-")) * timedelta(
        hours=int(offset[1:3]), minutes=int(offset[4:]))
    local = (instant + delta).replace(tzinfo=None)
    if rng.random() < 0.3:
        local = local.replace(second=0)
        return local.isoformat(timespec="minutes") + offset
    return local.isoformat(timespec="seconds") + offset


# London midnights (23:00 or 00:00 UTC) and clock changes (01:00 UTC) worth a closer look
CLOSE_LOOKS = [datetime.fromisoformat(f"{day}T00:00:00+00:00") for day in [
    "2024-12-31", "2025-01-01", "2025-03-30", "2025-10-26", "2025-11-20", "2026-01-01", "2026-03-29",
    "2026-04-03", "2026-07-06", "2026-08-28", "2026-10-25", "2026-11-20", "2026-12-24", "2027-01-01",
    "2027-03-28", "2027-10-31", "2027-11-20", "2028-01-01", "2028-03-26", "2028-10-29", "2028-11-20",
    "2028-12-31", "2029-01-01"]]


def random_instant(rng: random.Random) -> datetime:
    if rng.random() < 0.15:  # on the half hour: exactly at midnights and same-day cut-offs
        return datetime.combine(random_day(rng), datetime.min.time(), UTC) + timedelta(
            minutes=30 * rng.randint(0, 47))
    if rng.random() < 0.3:
        return rng.choice(CLOSE_LOOKS) + timedelta(seconds=rng.randint(-4 * 3600, 4 * 3600))
    return EARLIEST + timedelta(seconds=rng.randint(0, int((LATEST - EARLIEST).total_seconds())))


def random_moment(rng: random.Random) -> Any:
    return rng.choice(BAD_MOMENTS) if rng.random() < 0.05 else format_moment(rng, random_instant(rng))


def random_day(rng: random.Random) -> date:
    return EARLIEST.date() + timedelta(days=rng.randint(0, (LATEST - EARLIEST).days))


def random_date(rng: random.Random) -> Any:
    if rng.random() < 0.05:
        return rng.choice(BAD_DATES)
    if rng.random() < 0.05:  # any day number 01..31 of any month: some do not exist
        return f"{rng.randint(2025, 2028)}-{rng.randint(1, 12):02d}-{rng.randint(1, 31):02d}"
    return random_day(rng).isoformat()


def random_later_moment(rng: random.Random, moment: Any) -> Any:
    """A moment from a little before to a day after moment (or any moment)."""
    try:
        start = datetime.fromisoformat(moment.replace("Z", "+00:00")).astimezone(UTC)
        if not EARLIEST <= start <= LATEST or rng.random() < 0.1:
            raise ValueError("any moment")
    except (AttributeError, ValueError, OverflowError):
        return random_moment(rng)
    later = start + timedelta(seconds=rng.choice([0, 12 * 3600, 12 * 3600 - 1, rng.randint(-7200, 30 * 3600)]))
    return format_moment(rng, later)


def random_later_date(rng: random.Random, day: Any) -> Any:
    try:
        start = date.fromisoformat(day)
        if not EARLIEST.date() <= start <= LATEST.date() or rng.random() < 0.1:
            raise ValueError("any date")
    except (TypeError, ValueError):
        return random_date(rng)
    return (start + timedelta(days=rng.randint(-3, 20))).isoformat()


def random_service(rng: random.Random, data: Data) -> dict[str, Any]:
    """A delivery service for a random input: mostly none (the first that goes there) or a real one."""
    chosen = rng.choice([None, None, *(service["id"] for service in data["services"]), rng.choice(ODD_SERVICES)])
    return {} if chosen is None else {"service": chosen}


def random_inputs(rng: random.Random, data: Data, count: int) -> list[dict[str, Any]]:
    """count random inputs spread over the rules."""
    countries = sorted(data["countries"])
    inputs = []
    for i in range(count):
        kind = list(RULES)[i % len(RULES)]
        if kind == "delivery":
            country = rng.choice(ODD_COUNTRIES) if rng.random() < 0.1 else rng.choice(
                ["US", "GB", rng.choice(countries)])
            inputs.append({"kind": kind, "ordered_at": random_moment(rng), "destination": country,
                           **random_service(rng, data)})
        elif kind == "cancellation":
            ordered_at = random_moment(rng)
            inputs.append({"kind": kind, "ordered_at": ordered_at, "now": random_later_moment(rng, ordered_at)})
        elif kind == "return":
            delivered_on = random_date(rng)
            told = {} if rng.random() < 0.3 else {"notified_on": random_later_date(rng, delivered_on)
                                                  if rng.random() < 0.8 else random_date(rng)}
            inputs.append({"kind": kind, "delivered_on": delivered_on, **told})
        elif kind == "refund":
            inputs.append({"kind": kind, "return_received_on": random_date(rng)})
        elif kind == "credit":
            inputs.append({"kind": kind, "refund_issued_on": random_date(rng), "method": rng.choice(METHODS)})
        elif kind == "tracking":
            last_update_on = random_date(rng)
            inputs.append({"kind": kind, "last_update_on": last_update_on,
                           "today": random_later_date(rng, last_update_on)})
        else:
            country = rng.choice(ODD_COUNTRIES) if rng.random() < 0.1 else rng.choice(
                ["US", "GB", rng.choice(countries)])
            inputs.append({"kind": kind, "arrive_by": random_date(rng), "destination": country,
                           **random_service(rng, data)})
    return inputs


def run_engine(tmp_path: Path, data: Data, inputs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The JavaScript engine's answers, from one node process."""
    batch = tmp_path / "batch.json"
    batch.write_text(json.dumps({"data": data, "inputs": inputs}), encoding="utf-8")
    result = subprocess.run(["node", str(RUN_ENGINE), str(batch)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def assert_agreement(tmp_path: Path, data: Data, inputs: list[dict[str, Any]]) -> Counter[str]:
    expected = [answer(data, item) for item in inputs]
    answers = run_engine(tmp_path, data, inputs)
    assert len(answers) == len(inputs)
    disagreements = [(item, want, got) for item, want, got in zip(inputs, expected, answers, strict=True)
                     if want != got]
    assert not disagreements, f"{len(disagreements)} disagreements, first: {disagreements[:3]}"
    return Counter(want.get("error", "answer") for want in expected)


def test_python_and_javascript_agree(tmp_path: Path, data: Data) -> None:
    outcomes = assert_agreement(tmp_path, data, random_inputs(random.Random(20260706), data, 12_000))
    assert outcomes["answer"] > 8_000  # mostly real answers, and every error reached
    assert set(outcomes) == {"answer", *order_dates.ERRORS} - {"not_shipped"}


def test_python_and_javascript_agree_on_another_shop(tmp_path: Path, data: Data) -> None:
    other = variant(
        data, time_zone="America/New_York", same_day_cutoff="14:30", working_weekdays=[2, 3, 4, 5, 6],
        closed_dates=sorted([*data["closed_dates"], "2026-07-07", "2026-08-01", "2027-12-24"]),
        processing_business_days={"min": 0, "max": 4}, not_shipped_to=["KP", "JP"],
        zones=[{"name": "Near", "countries": ["GB", "IE", "FR"], "transit_days": {"min": 1, "max": 3}},
               {"name": "US", "countries": ["US"], "transit_days": {"min": 0, "max": 30}}],
        peak_seasons=[{"from": "12-15", "to": "01-10", "extra_days": 3}, {"from": "01-01", "to": "01-02",
                                                                           "extra_days": 9}],
        free_cancellation_hours=36, credit_business_days={"card": 3, "paypal": 1, "bank": 0},
    )
    outcomes = assert_agreement(tmp_path, other, random_inputs(random.Random(7), other, 6_000))
    assert outcomes["not_shipped"] > 0 and outcomes["answer"] > 3_000


RETURNS_MODELS = [  # every window model, with and without the move off closed days, and both refund units
    {"return_deadline": "reach", "return_deadline_moves": False, "refund_unit": "calendar", "refund_days": 14},
    {"return_deadline": "send", "return_deadline_moves": True, "refund_unit": "business", "refund_days": 0},
    {"return_deadline": "send", "return_deadline_moves": False, "refund_unit": "calendar", "refund_days": 0},
    {"return_deadline": "notify_then_send", "return_send_days": 14, "return_deadline_moves": True,
     "refund_unit": "calendar", "refund_days": 30, "return_window_days": 1},
    {"return_deadline": "notify_then_send", "return_send_days": 0, "return_deadline_moves": False,
     "refund_unit": "business", "refund_days": 3},
]


@pytest.mark.parametrize("model", RETURNS_MODELS, ids=lambda model: f"{model['return_deadline']} "
                         f"{'moved' if model['return_deadline_moves'] else 'kept'} {model['refund_unit']}")
def test_python_and_javascript_agree_on_every_returns_model(tmp_path: Path, data: Data, model: Data) -> None:
    changed = variant(data, **model)
    inputs = [item for item in random_inputs(random.Random(str(model)), changed, 7_000)
              if item["kind"] in ("return", "refund")]
    outcomes = assert_agreement(tmp_path, changed, inputs)
    assert outcomes["answer"] > 1_000
    if model["return_deadline"] == "notify_then_send":  # told before delivery
        assert outcomes["before_start"] > 0


@pytest.mark.parametrize("shop", ["us-ropes", "nl-books"])
def test_python_and_javascript_agree_on_the_reference_shops(tmp_path: Path, shop: str) -> None:
    """Delivery and business days, several services, same-day dispatch, groups and regions not shipped to."""
    data = shop_data(ROOT / "examples" / shop / "policies.yaml")
    outcomes = assert_agreement(tmp_path, data, random_inputs(random.Random(shop), data, 6_000))
    assert outcomes["answer"] > 2_000 and outcomes["not_shipped"] > 0 and outcomes["unknown_service"] > 0
