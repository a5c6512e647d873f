"""The last order dates, as a shopper sees them: the table on the delivery page and the "Will it arrive
by ...?" line of the delivery check, worked out in the browser for the day the browser's clock says
(Playwright's clock), in the shop's time zone whatever the shopper's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from test_calculator_page import ORDERED, answer_text, ask, check, open_page  # noqa: F401 (a fixture)

from conftest import Build, serve

DELIVERY = "delivery/"


def table_rows(page: Page) -> list[str]:
    """Each row of the last order dates table as "arrive by | delivery to | order by"."""
    table = page.locator(".last-order-dates table")
    expect(table).to_be_visible()
    return [" | ".join(" ".join(cell.split()) for cell in row.locator("td").all_inner_texts())
            for row in table.locator("tbody tr").all()]


NOT_PROMISED = "Passed: an order placed now may arrive in time, but we can't promise it."
TOO_LATE = "Passed: an order placed now will most likely arrive too late."


@pytest.mark.parametrize("now, rows", [
    ("2026-07-15T12:00:00Z", [  # the shop's own country is named, not left inside "Everywhere else"
        "Christmas (Thursday 24 December 2026) | United Kingdom | Sunday 29 November 2026",
        "Christmas (Thursday 24 December 2026) | United States | Thursday 19 November 2026",
        "Christmas (Thursday 24 December 2026) | Everywhere else | Sunday 29 November 2026"]),
    ("2026-11-19T23:30:00Z", [  # 23:30 UK time: still the last day for the United States
        "Christmas (Thursday 24 December 2026) | United Kingdom | Sunday 29 November 2026",
        "Christmas (Thursday 24 December 2026) | United States | Thursday 19 November 2026 (today)",
        "Christmas (Thursday 24 December 2026) | Everywhere else | Sunday 29 November 2026"]),
    ("2026-12-01T09:00:00Z", [  # ordered now: the earliest estimate is still before Christmas, the latest after
        f"Christmas (Thursday 24 December 2026) | United Kingdom | {NOT_PROMISED}",
        f"Christmas (Thursday 24 December 2026) | United States | {NOT_PROMISED}",
        f"Christmas (Thursday 24 December 2026) | Everywhere else | {NOT_PROMISED}"]),
    ("2026-12-23T12:00:00Z", [  # ordered now: even the earliest estimate is after Christmas
        f"Christmas (Thursday 24 December 2026) | United Kingdom | {TOO_LATE}",
        f"Christmas (Thursday 24 December 2026) | United States | {TOO_LATE}",
        f"Christmas (Thursday 24 December 2026) | Everywhere else | {TOO_LATE}"]),
    ("2026-12-25T00:30:00Z", [  # Christmas Day: next year's Christmas
        "Christmas (Friday 24 December 2027) | United Kingdom | Monday 29 November 2027",
        "Christmas (Friday 24 December 2027) | United States | Sunday 21 November 2027",
        "Christmas (Friday 24 December 2027) | Everywhere else | Monday 29 November 2027"]),
])
@pytest.mark.parametrize("zone", ["Europe/London", "Pacific/Auckland", "America/Los_Angeles"])
def test_the_table_shows_the_next_christmas_for_the_shops_date(open_page, now, rows, zone):  # noqa: F811
    page = open_page(DELIVERY, zone=zone, now=now)
    assert table_rows(page) == rows


def test_the_day_is_the_shops_even_where_the_shopper_is_a_day_ahead_or_behind(open_page):  # noqa: F811
    # 24 December 23:30 in London is 25 December in Auckland: still this year's Christmas
    auckland = open_page(DELIVERY, zone="Pacific/Auckland", now="2026-12-24T23:30:00Z")
    assert all("Thursday 24 December 2026" in row for row in table_rows(auckland))
    # 25 December 00:30 in London is still 24 December in Los Angeles: already next year's
    los_angeles = open_page(DELIVERY, zone="America/Los_Angeles", now="2026-12-25T00:30:00Z")
    assert all("Friday 24 December 2027" in row for row in table_rows(los_angeles))


def test_without_javascript_the_rule_is_in_words_and_no_table_shows(open_page):  # noqa: F811
    page = open_page(DELIVERY, javascript=False)
    rule = page.locator(".last-order-rule")
    expect(rule).to_contain_text("last day you can order so that even the latest estimate of your delivery "
                                 "arrives on or before it")
    expect(rule).to_contain_text("our longest processing time, 3 business days (skipping")
    expect(page.locator(".last-order-dates table")).to_be_hidden()
    expect(page.get_by_text("Christmas (to arrive by 24 December)")).to_be_visible()


@pytest.mark.parametrize("ordered, country, line", [  # the table's words for the same rule
    ("2026-11-15T10:00", "United Kingdom",
     "Will it arrive by Christmas (Thursday 24 December 2026)? It should arrive in time."),
    ("2026-12-01T10:00", "United Kingdom",
     "Will it arrive by Christmas (Thursday 24 December 2026)? It may arrive in time, but we can't promise it."),
    ("2026-12-20T10:00", "United States",
     "Will it arrive by Christmas (Thursday 24 December 2026)? It will most likely arrive too late."),
    ("2026-12-28T10:00", "United Kingdom", None),  # next Christmas is a year away: no question
    ("2026-07-06T10:00", "United Kingdom", None),
])
def test_the_delivery_check_says_whether_it_arrives_by_christmas(open_page, ordered, country, line):  # noqa: F811
    page = open_page(DELIVERY, now="2026-12-28T12:00:00Z")
    form = check(page, "delivery")
    form.get_by_label("Country you're ordering to").select_option(label=country)
    text = answer_text(ask(form, **{ORDERED: ordered}))
    if line:
        assert text.endswith(line)
    else:
        assert "Will it arrive by" not in text


# --- another shop: a same-day cut-off, two target dates, three zones ---------------------------

@pytest.fixture(scope="module")
def second_url(second_shop: Build) -> Iterator[str]:
    yield from serve(second_shop.site)


def test_a_cut_off_gives_a_time_and_every_target_date_has_its_rows(open_page, second_url):  # noqa: F811
    page = open_page(DELIVERY, zone="Asia/Kolkata", now="2026-12-01T12:00:00Z", base=second_url)
    rows = table_rows(page)
    assert rows[:3] == [
        "Christmas (Wednesday 23 December 2026) | Ireland | Tuesday 15 December 2026 before 14:00 London time",
        "Christmas (Wednesday 23 December 2026) | Europe | Saturday 12 December 2026 before 14:00 London time",
        "Christmas (Wednesday 23 December 2026) | <img src=x onerror=alert(1)> | "
        "Saturday 5 December 2026 before 14:00 London time"]
    assert rows[3].startswith("Mother's Day (Monday 8 March 2027) | Ireland | Wednesday 3 March 2027 before 14:00")
    assert len(rows) == 6


def test_after_the_cut_off_on_the_last_day_it_has_passed(open_page, second_url):  # noqa: F811
    before = open_page(DELIVERY, now="2026-12-15T13:59:00Z", base=second_url)
    assert table_rows(before)[0].endswith("Tuesday 15 December 2026 before 14:00 London time (today)")
    after = open_page(DELIVERY, now="2026-12-15T14:00:00Z", base=second_url)
    assert table_rows(after)[0].endswith(NOT_PROMISED)


def test_the_table_and_the_check_say_the_same_for_an_order_placed_now(open_page):  # noqa: F811
    # 1 December 2026: Christmas has passed for every destination, and an order placed now is not promised
    page = open_page(DELIVERY, now="2026-12-01T09:00:00Z")
    rows = table_rows(page)
    form = check(page, "delivery")
    for row, country in zip(rows, ["United Kingdom", "United States"], strict=False):
        form.get_by_label("Country you're ordering to").select_option(label=country)
        said = answer_text(ask(form, **{ORDERED: "2026-12-01T09:00"})).rsplit("? It ", 1)[1]
        assert row.endswith(f"Passed: an order placed now {said}"), (row, said)
