"""Each reference shop speaks its own locale (shop.locale): the US shop's site in American English, with its
dates and times American in the pages and in the calculator (Chromium, en-US); the Dutch shop's in British
English with its public holidays by their name and its dates "24 December 2026"."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from test_calculator_page import ORDERED, answer_text, ask, check, open_page  # noqa: F401 (a fixture)

from conftest import Build

# What a British site writes that an American one must not: a calendar of bank holidays, pounds, the UK's
# clock, JJ's Art.
BRITISH = ["bank holiday", "£", "UK time", "JJ"]


def shopper_text(built: Build) -> str:
    """Everything a shopper may read: every page's visible text and the calculator's scripts and data, which
    write the answers (their whole-line comments are left out when served)."""
    scripts = [path.read_text(encoding="utf-8") for path in (built.site / "assets" / "calculator").glob("*.js")]
    return "\n".join([built.text(), *scripts])


@pytest.mark.parametrize("word", BRITISH)
def test_the_us_site_has_no_british_words(us_ropes_site, word):
    found = [match.start() for match in re.finditer(re.escape(word), shopper_text(us_ropes_site), re.IGNORECASE)]
    assert not found, shopper_text(us_ropes_site)[found[0] - 100:found[0] + 60]


def test_the_us_site_says_shipping_for_a_return_too(us_ropes_site):
    assert "postage" not in shopper_text(us_ropes_site).lower()


def test_each_shop_calls_its_holidays_by_their_name(us_ropes_site, nl_books_site):
    assert "US federal holidays" in us_ropes_site.text()
    assert "Dutch public holidays" in nl_books_site.text()
    assert "bank holiday" not in nl_books_site.text()


@pytest.mark.parametrize(("shop", "zone", "christmas", "placed"), [
    ("us_ropes_url", "America/New_York", "Thursday, December 24, 2026", "10:00 AM on Thursday, December 10, 2026"),
    ("nl_books_url", "Europe/Amsterdam", "Thursday 24 December 2026", "10:00 on Thursday 10 December 2026"),
])
def test_dates_read_in_the_shops_locale_in_the_pages_and_the_calculator(open_page, request, shop, zone,  # noqa: F811
                                                                       christmas, placed):
    page = open_page("delivery/", zone=zone, now="2026-11-01T12:00:00Z", base=request.getfixturevalue(shop))
    table = page.locator(".last-order-dates table").first  # the US shop has a table per delivery service
    expect(table).to_be_visible()
    cells = [" ".join(text.split()) for text in table.locator("tbody td").all_inner_texts()]
    assert f"Christmas ({christmas})" in cells
    answer = answer_text(ask(check(page, "delivery"), **{ORDERED: "2026-12-10T10:00"}))
    assert answer.startswith(f"For an order placed at {placed} (")
    assert f"Will it arrive by Christmas ({christmas})?" in answer
