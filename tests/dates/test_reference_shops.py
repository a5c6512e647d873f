"""The reference shops in a real browser (examples/us-ropes, examples/nl-books): the service picker with
its prices, the last order dates of each service, the next date to come first, and same-day dispatch."""

from __future__ import annotations

from playwright.sync_api import expect
from test_calculator_page import ORDERED, answer_text, ask, check, open_page  # noqa: F401 (a fixture)
from test_last_order_dates import table_rows

CHRISTMAS = "Christmas (Thursday 24 December 2026)"  # the Dutch shop's (en-GB)
CHRISTMAS_US = "Christmas (Thursday, December 24, 2026)"
STANDARD_US, EXPEDITED_US = "Standard: $4.95, free shipping on orders of $19.00 or more", "Expedited: $9.95"


def options(form) -> list[str]:
    return [" ".join(text.split()) for text in form.locator('select[name="service"] option').all_inner_texts()]


def test_the_us_shop_offers_both_services_to_the_us_and_standard_alone_to_canada(open_page,  # noqa: F811
                                                                                   us_ropes_url):
    page = open_page("delivery/", zone="America/New_York", base=us_ropes_url)
    form = check(page, "delivery")
    assert options(form) == [STANDARD_US, EXPEDITED_US]  # written by the build (Babel) for the shop's country
    country = form.get_by_label("Country you're ordering to")
    country.select_option("CA")
    form.get_by_label(ORDERED).fill("2026-07-06T10:00")
    expect(form.locator('select[name="service"] option')).to_have_count(1)
    assert options(form) == ["Standard: $14.95"]  # written by the browser (Intl.NumberFormat)
    country.select_option("US")
    expect(form.locator('select[name="service"] option')).to_have_count(2)
    assert options(form) == [STANDARD_US, EXPEDITED_US]  # the browser writes what the build wrote
    table = page.locator("table").first  # the delivery times: the same prices, written by the build
    assert "$4.95, free shipping on orders of $19.00 or more" in table.inner_text()


def test_the_us_shops_answer_follows_the_chosen_service(open_page, us_ropes_url):  # noqa: F811
    page = open_page("delivery/", zone="America/New_York", base=us_ropes_url)
    form = check(page, "delivery")
    form.get_by_label("Shipping service").select_option("expedited")
    answer = answer_text(ask(form, **{ORDERED: "2026-11-25T10:00"}))
    assert answer.startswith("For an order placed at 10:00 AM on Wednesday, November 25, 2026 (Eastern Time), we "
                             "expect to ship it between Wednesday, November 25, 2026 and Friday, November 27, 2026. "
                             "With Expedited shipping, it should arrive between Saturday, November 28, 2026 and "
                             "Tuesday, December 1, 2026.")


def test_the_us_shops_last_order_dates_show_both_services(open_page, us_ropes_url):  # noqa: F811
    page = open_page("delivery/", zone="America/New_York", now="2026-11-01T12:00:00Z", base=us_ropes_url)
    tables = page.locator(".last-order-dates table")
    expect(tables.last).to_be_visible()
    assert tables.locator("caption").all_inner_texts() == ["Standard shipping", "Expedited shipping"]
    rows = [" | ".join(" ".join(cell.split()) for cell in row.locator("td").all_inner_texts())
            for row in tables.locator("tbody tr").all()]
    assert rows == [
        f"{CHRISTMAS_US} | United States | Thursday, December 17, 2026 before 12:00 PM Eastern Time",
        f"{CHRISTMAS_US} | Canada | Thursday, December 10, 2026 before 12:00 PM Eastern Time",
        f"{CHRISTMAS_US} | United States | Friday, December 18, 2026 before 12:00 PM Eastern Time"]


def test_a_friday_evening_order_ships_after_the_weekend(open_page, nl_books_url):  # noqa: F811
    page = open_page("delivery/", zone="Europe/Amsterdam", base=nl_books_url)
    form = check(page, "delivery")
    assert not form.locator('select[name="service"]').count()  # one service: no picker
    answer = answer_text(ask(form, **{ORDERED: "2026-07-10T17:00"}))
    assert answer.startswith("For an order placed at 17:00 on Friday 10 July 2026 (Dutch time), we expect to ship it "
                             "on Monday 13 July 2026. It should arrive between Tuesday 14 July 2026 and Wednesday 15 "
                             "July 2026.")


def test_the_next_date_to_come_is_listed_first(open_page, nl_books_url):  # noqa: F811
    page = open_page("delivery/", zone="Europe/Amsterdam", now="2026-12-10T12:00:00Z", base=nl_books_url)
    rows = table_rows(page)
    assert [row.split(" | ")[0] for row in rows[::4]] == ["Christmas (Thursday 24 December 2026)",
                                                          "Sinterklaas (Sunday 5 December 2027)"]
    assert rows[0] == ("Christmas (Thursday 24 December 2026) | Netherlands | Tuesday 22 December 2026 before 16:00 "
                       "Dutch time")


def test_the_dutch_return_check_asks_both_dates_and_answers_tell_by_and_send_by(open_page, nl_books_url):  # noqa: F811
    page = open_page("returns/", zone="Europe/Amsterdam", now="2026-07-02T10:00:00Z", base=nl_books_url)
    form = check(page, "return")
    assert form.locator(".order-check-title").inner_text() == "Check the last days to tell us and to send your return"
    told = "Date you told us you want to return it, if you have"
    answer = answer_text(ask(form, **{"Date your order was delivered": "2026-07-01"}))  # not told yet: one date
    assert answer == ("For an order delivered on Wednesday 1 July 2026, tell us by Wednesday 15 July 2026 that you "
                      "want to return it.")
    answer = answer_text(ask(form, **{told: "2026-07-04"}))  # told on a Saturday: the 14 days end on a Saturday
    assert answer == ("For an order delivered on Wednesday 1 July 2026, tell us by Wednesday 15 July 2026 that you "
                      "want to return it. As you told us on Saturday 4 July 2026, send it by Monday 20 July 2026.")
    answer = answer_text(ask(form, **{"Date your order was delivered": "2026-05-01", told: "2026-05-02"}))
    assert answer == ("For an order delivered on Friday 1 May 2026, the 14 days to tell us that you want to return "
                      "it ended on Friday 15 May 2026. As you told us on Saturday 2 May 2026, the 14 days to send it "
                      "ended on Monday 18 May 2026.")  # passed: said plainly, not "had to"


def test_the_dutch_refund_check_says_where_the_date_is_and_offers_only_the_shops_methods(open_page,  # noqa: F811
                                                                                          nl_books_url):
    page = open_page("returns/", zone="Europe/Amsterdam", now="2026-12-28T10:00:00Z", base=nl_books_url)
    form = check(page, "refund")
    expect(form.locator(".order-check-hint")).to_have_text("It's in the email we sent you when your return reached us.")
    answer = answer_text(ask(form, **{"Date your return reached us": "2026-12-11"}))
    assert "we should have issued your refund by Friday 25 December 2026" in answer  # 14 calendar days, not moved


def test_the_us_return_check_answers_send_by_with_no_business_day_shift(open_page, us_ropes_url):  # noqa: F811
    page = open_page("refunds/", zone="America/New_York", now="2026-11-28T15:00:00Z", base=us_ropes_url)
    form = check(page, "return")
    assert form.locator(".order-check-title").inner_text() == "Check the last day to send your return"
    assert form.locator("input").count() == 1  # the delivery date alone
    answer = answer_text(ask(form, **{"Date your order was delivered": "2026-11-27"}))
    assert answer == "For an order delivered on Friday, November 27, 2026, send it by Sunday, December 27, 2026."
    credit = check(page, "credit")
    assert credit.locator('input[type="radio"]').evaluate_all("radios => radios.map((radio) => radio.value)") == [
        "card", "paypal"]
