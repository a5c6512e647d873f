"""The calculator's data and files: built from policies.yaml, never copied by hand."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from conftest import ROOT, SHOPS
from helpcentre.dates.calculator_assets import build_calculator_assets, without_comment_lines
from helpcentre.dates.calculator_data import build_calculator_data
from helpcentre.dates.check_forms import check_placeholders
from helpcentre.policy.policies import load_policies
from helpcentre.reading.schema import DateRange

pytestmark = pytest.mark.usefixtures("british_words")  # calls below the checking pass

POLICIES = load_policies(ROOT / "policies.yaml")


def test_bank_holidays_include_easter_monday_and_substitute_days():
    closed = build_calculator_data(POLICIES, 2026)["closed_dates"]
    assert "2026-04-06" in closed  # Easter Monday: England and Wales only, missing without the region
    assert "2026-12-28" in closed  # Boxing Day falls on a Saturday: the Monday after is the substitute
    assert "2027-12-27" in closed and "2027-12-28" in closed


def test_the_calendar_runs_from_the_first_year_to_two_years_after_the_build():
    data = build_calculator_data(POLICIES, 2026)
    assert (data["first_date"], data["last_date"]) == ("2025-01-01", "2028-12-31")
    assert min(data["closed_dates"]) >= "2025-01-01" and max(data["closed_dates"]) <= "2028-12-31"
    assert build_calculator_data(POLICIES, 2030)["last_date"] == "2032-12-31"


def test_shop_closures_are_closed_days_but_weekends_are_left_to_the_working_days():
    closures = [DateRange(dt.date(2026, 12, 24), dt.date(2026, 12, 27))]
    values = {**POLICIES.values, "processing": {**POLICIES.values["processing"], "closure_dates": closures}}
    closed = build_calculator_data(replace(POLICIES, values=values), 2026)["closed_dates"]
    assert {"2026-12-24", "2026-12-25"} <= set(closed)
    assert "2026-12-26" not in closed and "2026-12-27" not in closed  # a Saturday and a Sunday


def test_the_figures_come_from_the_policies():
    data = build_calculator_data(POLICIES, 2026)
    assert data["free_cancellation_hours"] == POLICIES["cancellation.free_cancellation_hours"]
    assert data["processing_business_days"] == {"min": 1, "max": 3}
    assert data["services"][0]["zones"][0] == {"name": "United States", "countries": ["US"],
                                               "transit_days": {"min": 18, "max": 24}, "price": None, "free_from": None}
    assert data["peak_seasons"] == [{"from": "11-20", "to": "12-31", "extra_days": 5}]
    assert data["countries"]["GB"] == "United Kingdom"
    assert (data["countries"]["CD"], data["countries"]["RU"]) == ("Congo - Kinshasa", "Russia")  # CLDR's names


def test_target_dates_and_closures_come_from_the_policies():
    data = build_calculator_data(load_policies(SHOPS / "second-shop.yaml"), 2026)
    assert data["target_dates"] == [{"name": "Christmas", "arrive_by": "12-23"},
                                    {"name": "Mother's Day", "arrive_by": "03-08"}]
    assert data["closures"] == [{"from": "2026-12-24", "to": "2026-12-24"}, {"from": "2026-12-29", "to": "2026-12-31"}]
    assert data["closure_notice_days"] == 21
    assert build_calculator_data(POLICIES, 2026)["target_dates"] == [{"name": "Christmas", "arrive_by": "12-24"}]


def test_asset_names_change_with_the_data_and_the_page_script_imports_them_by_name():
    first = build_calculator_assets(ROOT / "calculator", build_calculator_data(POLICIES, 2026))
    second = build_calculator_assets(ROOT / "calculator", build_calculator_data(POLICIES, 2027))
    assert first.script != second.script  # new data -> new data file -> new page script name
    assert first.stylesheet == second.stylesheet
    page = first.files[first.script]
    published = {name.rsplit("/", 1)[1] for name in first.files}
    assert not re.findall(r'from "\./([^"]+)"', page)  # nothing imported as the page loads: on first use
    imported = set(re.findall(r'import\("\./([^"]+)"\)', page))
    assert len(imported) == 4 and imported <= published
    assert {name.split(".")[0] for name in imported} == {"answers", "data", "engine", "last_order_dates"}
    answers = first.files[next(name for name in first.files if "/answers." in name)]
    assert set(re.findall(r'from "\./([^"]+)"', answers)) == imported - {name for name in imported if "answers" in name}
    assert all(re.fullmatch(r"assets/calculator/\w+\.[0-9a-f]{10}\.(js|css)", name) for name in first.files)


def test_browsers_get_the_scripts_without_their_comment_lines():
    assets = build_calculator_assets(ROOT / "calculator", build_calculator_data(POLICIES, 2026))
    scripts = [content for name, content in assets.files.items() if name.endswith(".js")]
    assert len(scripts) == 5
    assert not [line for script in scripts for line in script.splitlines() if line.lstrip().startswith("//")]
    source = (ROOT / "calculator" / "engine.js").read_text(encoding="utf-8")
    assert sum(line.lstrip().startswith("//") for line in source.splitlines()) > 10  # the source keeps them
    code = 'const a = 1; // kept: code comes first\n  // gone\nconst url = "https://example.com";\n'
    assert without_comment_lines(code) == 'const a = 1; // kept: code comes first\nconst url = "https://example.com";\n'
    spanning = "const text = `first line\n// a line of the text, not a comment\n`;\n"
    assert without_comment_lines(spanning) == spanning  # a template literal over lines: left as it is


def test_the_country_list_starts_at_the_shops_own_country_and_emails_go_to_the_shop():
    for policies_file, home in ((ROOT / "policies.yaml", "GB"), (SHOPS / "second-shop.yaml", "IE")):
        policies = load_policies(policies_file)
        data = build_calculator_data(policies, 2026)
        assert data["email"] == policies["shop.email"]
        delivery = check_placeholders(data)["check.delivery"]
        assert re.findall(r'<option value="(\w+)" selected>', delivery) == [home]
