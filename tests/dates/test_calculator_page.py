"""The order date checks in a real browser: a shopper fills a form and reads the answer.

Headless Chromium (Debian's, as `playwright install` cannot download here) opens the built site over
HTTP, with the browser's clock fixed by Playwright and its time zone set to London, New York and
Kolkata: the same moment typed as local time must give the same answer everywhere.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
import yaml
from playwright.sync_api import Browser, Locator, Page, Route, expect

from conftest import Build, close_context

ZONES = ["Europe/London", "America/New_York", "Asia/Kolkata"]
LONDON = ZoneInfo("Europe/London")

# --- a page in the browser --------------------------------------------------------------------


Opener = Callable[..., Page]


@pytest.fixture
def open_page(browser: Browser, site_url: str) -> Iterator[Opener]:
    """open_page(path, zone=, now=, javascript=, base=) -> a page; afterwards, no console or page error."""
    contexts, problems = [], []

    def opener(path: str = "order-dates/", *, zone: str = "Europe/London", now: str | None = None,
               javascript: bool = True, base: str = site_url) -> Page:
        context = browser.new_context(timezone_id=zone, locale="en-GB", java_script_enabled=javascript)
        contexts.append(context)
        context.route("**/sitemap.xml", functools.partial(_sitemap_here, base))
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and problems.append(message.text))
        page.on("pageerror", lambda error: problems.append(str(error)))
        if now:
            page.clock.set_fixed_time(now)
        page.goto(base + path)
        return page

    yield opener
    for context in contexts:
        close_context(context)  # the sitemap's route may still be fetching it
    assert problems == [], "errors in the browser console"


def _sitemap_here(base: str, route: Route) -> None:
    """The sitemap with this server's address for site_url's: Material's instant navigation matches
    links against it, keeping only the scheme and host name, so a test server's port would switch it off."""
    sitemap = route.fetch().text()
    route.fulfill(body=re.sub(r"<loc>https?://[^/<]+/", f"<loc>{base}", sitemap), content_type="application/xml")


@pytest.fixture(params=ZONES)
def zone(request: pytest.FixtureRequest) -> str:
    return request.param


# --- what a shopper does ----------------------------------------------------------------------


def check(page: Page, kind: str) -> Locator:
    """The check form of that kind on the page."""
    return page.locator(f'form.order-check[data-check="{kind}"]')


def local(london: str, zone: str) -> str:
    """A London wall-clock time ("2026-07-06T10:00") as the wall-clock time in `zone`, for datetime-local."""
    moment = datetime.fromisoformat(london).replace(tzinfo=LONDON)
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%dT%H:%M")


def ask(form: Locator, **fields: str) -> Locator:
    """Fill the fields (by label), press Check, and return the answer (the status region)."""
    for label, value in fields.items():
        form.get_by_label(label.replace("_", " "), exact=False).fill(value)
    form.get_by_role("button", name="Check").click()
    return form.get_by_role("status")


def tab_to(page: Page, target: Locator, most: int = 2) -> None:
    """Press Tab until the target has the focus (Chromium's date picker button may come first)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{target} not reached with {most} presses of Tab")


def answer_text(answer: Locator) -> str:
    expect(answer).not_to_be_empty()
    return " ".join(answer.inner_text().split())


def shop_email(built: Build) -> str:
    return yaml.safe_load((built.project / "policies.yaml").read_text(encoding="utf-8"))["shop"]["email"]


def mailto(link: Locator) -> tuple[str, dict[str, str]]:
    """The address and the fields (subject, body) of a mailto link."""
    url = urlsplit(link.get_attribute("href") or "")
    assert url.scheme == "mailto"
    return url.path, {key: values[0] for key, values in parse_qs(url.query).items()}


ORDERED = "Date and time you placed"

# --- the answers --------------------------------------------------------------------------------


PLACED = {  # 10:00 on 6 July 2026 in London, as each answer names it
    "Europe/London": "10:00 on Monday 6 July 2026 (UK time)",
    "America/New_York": "05:00 on Monday 6 July 2026 your time (10:00 UK time)",
    "Asia/Kolkata": "14:30 on Monday 6 July 2026 your time (10:00 UK time)",
}


def test_a_delivery_check_by_keyboard_alone(open_page, zone):
    page = open_page(zone=zone, now="2026-07-06T12:00:00Z")
    form = check(page, "delivery")
    ordered_field, country, button = (form.get_by_label(ORDERED), form.get_by_label("Country you're ordering to"),
                                      form.get_by_role("button", name="Check"))
    ordered_field.focus()
    page.keyboard.press("Enter")  # nothing entered yet: the message, and the focus stays on the field
    expect(ordered_field).to_have_accessible_description("Please enter the date and time.")
    expect(ordered_field).to_be_focused()
    ordered = datetime(2026, 7, 6, 10, 0, tzinfo=LONDON).astimezone(ZoneInfo(zone))
    page.keyboard.type(ordered.strftime("%m%d%Y%I%M") + ordered.strftime("%p")[0])  # month day year hour minute AM
    tab_to(page, country)
    page.keyboard.type("United K")  # the country chosen by its name
    tab_to(page, button)
    page.keyboard.press("Enter")
    expect(ordered_field).not_to_have_attribute("aria-invalid", "true")
    assert answer_text(form.get_by_role("status")) == (
        f"For an order placed at {PLACED[zone]}, we expect to ship it between Wednesday 8 July 2026 and "
        "Friday 10 July 2026. It should arrive between Wednesday 15 July 2026 and Sunday 26 July 2026.")
    page.keyboard.press("Shift+Tab")
    expect(country).to_be_focused()
    page.keyboard.type("United S")
    expect(country).to_have_value("US")
    tab_to(page, button)
    page.keyboard.press("Enter")
    assert answer_text(form.get_by_role("status")) == (
        f"For an order placed at {PLACED[zone]}, we expect to ship it between Wednesday 8 July 2026 and "
        "Friday 10 July 2026. It should arrive between Sunday 26 July 2026 and Monday 3 August 2026.")


def test_the_country_is_chosen_by_name_and_changes_the_answer(open_page):
    page = open_page(now="2026-07-06T12:00:00Z")
    form = check(page, "delivery")
    expect(form.get_by_label("Country you're ordering to")).to_have_value("GB")
    form.get_by_label("Country you're ordering to").select_option(label="United States")
    text = answer_text(ask(form, **{ORDERED: "2026-08-28T23:59"}))
    assert "between Wednesday 2 September 2026 and Friday 4 September 2026" in text
    assert "arrive between Sunday 20 September 2026 and Monday 28 September 2026." in text


def test_a_friday_evening_in_new_york_is_saturday_in_london(open_page):
    page = open_page(zone="America/New_York", now="2026-12-05T12:00:00Z")
    form = check(page, "delivery")
    form.get_by_label("Country you're ordering to").select_option(label="United States")
    text = answer_text(ask(form, **{ORDERED: "2026-12-04T20:30"}))
    assert text.startswith(
        "For an order placed at 20:30 on Friday 4 December 2026 your time (01:30 on Saturday 5 December 2026 UK "
        "time), we expect to ship it between Tuesday 8 December 2026 and Thursday 10 December 2026.")
    assert "arrive between Saturday 26 December 2026 and Friday 8 January 2027" in text


def test_a_peak_season_order_arrives_later_and_says_why(open_page, zone):
    page = open_page(zone=zone, now="2026-12-23T16:00:00Z")
    text = answer_text(ask(check(page, "delivery"), **{ORDERED: local("2026-12-23T15:00", zone)}))
    assert text.endswith("we expect to ship it between Tuesday 29 December 2026 and Thursday 31 December 2026. "
                         "It should arrive between Tuesday 5 January 2027 and Thursday 21 January 2027, "
                         "including the extra time of our peak season. Will it arrive by Christmas "
                         "(Thursday 24 December 2026)? It will most likely arrive too late.")
    assert "Wednesday 23 December 2026" in text.split(",")[0]  # the order's date, in the shopper's zone


FREE_UNTIL = {  # cancelling without a reason ends 2026-03-29T08:00Z, the first morning of British Summer Time
    "Europe/London": "until 09:00 on Sunday 29 March 2026 (UK time).",
    "America/New_York": "until 04:00 on Sunday 29 March 2026 your time (09:00 UK time).",
    "Asia/Kolkata": "until 13:30 on Sunday 29 March 2026 your time (09:00 UK time).",
}
ORDERED_AT = {  # 20:00 on 28 March 2026 in London, as the answer names it
    "Europe/London": "20:00 on Saturday 28 March 2026 (UK time)",
    "America/New_York": "16:00 on Saturday 28 March 2026 your time (20:00 UK time)",
    "Asia/Kolkata": "01:30 on Sunday 29 March 2026 your time (20:00 on Saturday 28 March 2026 UK time)",
}


def test_cancelling_is_free_until_a_time_in_your_zone_and_the_shops(open_page, zone, site):
    page = open_page(zone=zone, now="2026-03-29T07:30:00Z")
    answer = ask(check(page, "cancellation"), **{ORDERED: local("2026-03-28T20:00", zone)})
    assert answer_text(answer) == (f"For an order placed at {ORDERED_AT[zone]}, you can cancel without giving a "
                                   f"reason {FREE_UNTIL[zone]} To cancel, email us with your order number. "
                                   f"Email us at {shop_email(site)}")


def test_after_the_free_time_the_answer_is_a_prefilled_email(open_page, zone, site):
    page = open_page(zone=zone, now="2026-03-29T09:00:00Z")
    answer = ask(check(page, "cancellation"), **{ORDERED: local("2026-03-28T20:00", zone)})
    assert answer_text(answer).startswith(f"For an order placed at {ORDERED_AT[zone]}, the time to cancel without "
                                          f"giving a reason ended at {FREE_UNTIL[zone][6:-1]}")
    address, fields = mailto(answer.get_by_role("link", name=f"Email us at {shop_email(site)}"))
    assert address == shop_email(site)
    assert fields["subject"] == "Please cancel my order"
    assert "Please cancel my order if it hasn't shipped yet." in fields["body"]
    assert "Order number:" in fields["body"]


def test_return_refund_and_credit_dates_are_written_out(open_page, zone):
    page = open_page(zone=zone, now="2026-12-28T12:00:00Z")
    assert answer_text(ask(check(page, "return"), Date_your_order_was_delivered="2026-12-18")) == \
        "For an order delivered on Friday 18 December 2026, your return must reach us by Monday 4 January 2027."
    assert answer_text(ask(check(page, "refund"), Date_your_return_reached_us="2026-12-24")) == (
        "For a return that reached us on Thursday 24 December 2026, we should issue your refund by Friday 5 "
        "February 2027. The money can then take a little longer to show in your account.")
    credit = check(page, "credit")
    assert answer_text(ask(credit, Date_we_issued_your_refund="2026-12-24")) == (
        "For a refund issued on Thursday 24 December 2026, your card refund should show in your account by "
        "Thursday 7 January 2027.")
    credit.get_by_role("radio", name="PayPal").check()
    assert answer_text(ask(credit)) == (
        "For a refund issued on Thursday 24 December 2026, your PayPal refund should show in your account the "
        "same day.")


def test_a_late_refund_offers_a_prefilled_email(open_page, site):
    page = open_page(now="2027-02-10T12:00:00Z")
    answer = ask(check(page, "refund"), Date_your_return_reached_us="2026-12-24")
    assert answer_text(answer).startswith(
        "For a return that reached us on Thursday 24 December 2026, we should have issued your refund by "
        "Friday 5 February 2027. If it hasn't reached you, email us")
    address, fields = mailto(answer.get_by_role("link"))
    assert (address, fields["subject"]) == (shop_email(site), "My refund hasn't arrived")
    assert "Thursday 24 December 2026" in fields["body"]
    assert "Order number:" in fields["body"] and "Tracking number of my returned parcel:" in fields["body"]


def test_stale_tracking_offers_a_prefilled_email(open_page, zone, site):
    page = open_page(zone=zone, now="2027-01-05T12:00:00Z")
    form = check(page, "tracking")
    expect(form.get_by_label("Today's date")).to_have_value("2027-01-05")  # today by default
    answer = ask(form, Date_of_the_last_tracking_update="2026-12-23")
    assert answer_text(answer).startswith(
        "Your tracking hasn't updated since Wednesday 23 December 2026, more than 5 business days before Tuesday 5 "
        "January 2027. Please email us")
    address, fields = mailto(answer.get_by_role("link"))
    assert (address, fields["subject"]) == (shop_email(site), "My tracking hasn't updated")
    assert "since Wednesday 23 December 2026" in fields["body"]
    assert "Order number:" in fields["body"] and "Tracking number:" in fields["body"]


def test_recent_tracking_is_still_normal(open_page):
    page = open_page(now="2027-01-05T12:00:00Z")
    answer = ask(check(page, "tracking"), Date_of_the_last_tracking_update="2027-01-04")
    assert answer_text(answer) == ("Your tracking last updated on Monday 4 January 2027: on Tuesday 5 January 2027, "
                                   "that's still normal. If there's still no update on Tuesday 12 January 2027, "
                                   "email us with your order number and tracking number.")
    expect(answer.get_by_role("link")).to_have_count(0)


def test_the_answer_follows_a_change_without_pressing_check(open_page):
    page = open_page(now="2026-12-28T12:00:00Z")
    form = check(page, "return")
    form.get_by_label("Date your order was delivered").fill("2026-12-18")
    assert answer_text(form.get_by_role("status")) == (
        "For an order delivered on Friday 18 December 2026, your return must reach us by Monday 4 January 2027.")
    form.get_by_label("Date your order was delivered").fill("2026-12-24")
    assert answer_text(form.get_by_role("status")) == (
        "For an order delivered on Thursday 24 December 2026, your return must reach us by Thursday 7 January 2027.")


# --- bad input: a short message next to the field, never an error in the console ---------------

BAD_INPUT = [  # (check, field label, value, message); the browser's clock says 28 December 2026, noon
    ("delivery", ORDERED, "", "Please enter the date and time."),
    ("delivery", ORDERED, "2031-01-10T10:00", "We can't estimate that far ahead, please email us."),
    ("delivery", ORDERED, "2028-12-30T10:00", "We can't estimate that far ahead, please email us."),
    ("delivery", ORDERED, "1999-05-01T10:00",
     "We can only work out dates from Wednesday 1 January 2025 on, please email us."),
    ("cancellation", ORDERED, "2026-12-28T20:00", "That's in the future: please enter when you placed your order."),
    ("return", "Date your order was delivered", "", "Please enter the date."),
    ("return", "Date your order was delivered", "2027-01-02", "That date is in the future."),
    ("return", "Date your order was delivered", "2031-06-01", "We can't estimate that far ahead, please email us."),
    ("return", "Date your order was delivered", "20261-06-01", "We can't estimate that far ahead, please email us."),
    ("refund", "Date your return reached us", "2024-12-31",
     "We can only work out dates from Wednesday 1 January 2025 on, please email us."),
    ("credit", "Date we issued your refund", "2026-12-29", "That date is in the future."),
    ("tracking", "Today's date", "2026-12-20", "Today can't be before the last update."),
]


@pytest.mark.parametrize("kind, label, value, message", BAD_INPUT)
def test_bad_input_gets_a_message_next_to_the_field(open_page, kind, label, value, message):
    page = open_page(now="2026-12-28T12:00:00Z")
    form = check(page, kind)
    if kind == "tracking":
        form.get_by_label("Date of the last tracking update").fill("2026-12-23")
    answer = ask(form, **{label: value})
    field = form.get_by_label(label)
    # the message is tied to the field (after the field's hint, where it has one)
    expect(field).to_have_accessible_description(re.compile(f"(^|[.] ){re.escape(message)}$"))
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_be_focused()
    expect(form.locator(".order-check-error:visible")).to_have_text([message])  # and no other
    expect(answer).to_be_empty()


def test_a_half_typed_date_is_not_a_real_date(open_page):
    page = open_page(now="2026-12-28T12:00:00Z")
    form = check(page, "return")
    form.get_by_label("Date your order was delivered").focus()
    page.keyboard.type("1231")  # month and day, no year
    page.keyboard.press("Enter")
    expect(form.get_by_label("Date your order was delivered")).to_have_accessible_description(
        "Please enter a real date.")


def test_each_check_keeps_its_own_dates(open_page):
    # "If I order today" in the delivery check is another order than the one being returned or tracked
    page = open_page(now="2026-12-28T12:00:00Z")
    returned = check(page, "return")
    before = answer_text(ask(returned, Date_your_order_was_delivered="2026-12-08"))
    assert before == "For an order delivered on Tuesday 8 December 2026, the 14 days for your return to reach us " \
                     "ended on Tuesday 22 December 2026."  # passed: said plainly
    delivery = ask(check(page, "delivery"), **{ORDERED: "2026-12-28T11:00"})
    assert answer_text(delivery).startswith("For an order placed at 11:00 on Monday 28 December 2026 (UK time)")
    after = ask(returned, Date_your_order_was_delivered="2026-12-08")
    expect(returned.get_by_label("Date your order was delivered")).not_to_have_attribute("aria-invalid", "true")
    assert answer_text(after) == before
    tracked = ask(check(page, "tracking"), Date_of_the_last_tracking_update="2026-12-21")
    assert answer_text(tracked).startswith("Your tracking last updated on Monday 21 December 2026")


def test_a_message_goes_once_the_mistake_is_put_right(open_page):
    page = open_page(now="2026-12-28T12:00:00Z")
    form = check(page, "return")
    ask(form, Date_your_order_was_delivered="2031-06-01")
    answer = ask(form, Date_your_order_was_delivered="2026-12-18")
    expect(form.get_by_label("Date your order was delivered")).not_to_have_attribute("aria-invalid", "true")
    expect(form.locator(".order-check-error:visible")).to_have_count(0)
    assert answer_text(answer).endswith("your return must reach us by Monday 4 January 2027.")


def test_another_shop_gets_its_own_countries_email_and_time_zone(open_page, mutated_url, mutated_site):
    page = open_page(now="2026-07-06T12:00:00Z", zone="Asia/Kolkata", base=mutated_url)
    form = check(page, "delivery")
    form.get_by_label("Country you're ordering to").select_option(label="Norway")
    ask(form, **{ORDERED: "2026-07-06T10:00"})
    expect(form.get_by_label("Country you're ordering to")).to_have_accessible_description(
        "Sorry, we don't ship to Norway.")
    cancel = ask(check(page, "cancellation"), **{ORDERED: "2026-07-05T10:00"})
    assert "your time (" in answer_text(cancel) and " Irish time)." in answer_text(cancel)
    address, _ = mailto(cancel.get_by_role("link"))
    assert address == shop_email(mutated_site)


# --- the page around the checks ----------------------------------------------------------------


def test_without_javascript_the_rules_are_in_words_and_no_form_shows(open_page):
    page = open_page(javascript=False)
    text = " ".join(page.locator("article").inner_text().split())
    assert "You can cancel your order within 12 hours of placing it" in text
    assert "Your return must reach us within 14 days of the day you received your order." in text
    assert check(page, "delivery").count() == 1
    for form in page.locator("form.order-check").all():
        expect(form).to_be_hidden()


def test_checks_work_after_instant_navigation_from_the_home_page(open_page):
    page = open_page("", now="2026-12-28T12:00:00Z")
    page.evaluate("window.stillTheSameDocument = true")
    page.get_by_role("link", name="the order dates calculator").click()
    expect(page).to_have_url(re.compile(r"/order-dates/$"))
    for kind in ["cancellation", "delivery", "return", "refund", "credit", "tracking"]:
        expect(check(page, kind)).to_be_visible()
    assert answer_text(ask(check(page, "return"), Date_your_order_was_delivered="2026-12-18")).endswith(
        "your return must reach us by Monday 4 January 2027.")
    page.get_by_role("link", name="refund times").click()  # on to a topic page, again without reload
    expect(page).to_have_url(re.compile(r"/refunds/#refund-time$"))
    expect(page.locator("h1")).to_have_text(re.compile(r"^Refunds"))  # the new page, not the old one
    assert answer_text(ask(check(page, "credit"), Date_we_issued_your_refund="2026-12-24")).endswith(
        "your card refund should show in your account by Thursday 7 January 2027.")
    assert page.evaluate("window.stillTheSameDocument") is True  # Material swapped the pages, no reload


@pytest.mark.parametrize("path, kinds", [
    ("cancellations/", ["cancellation"]), ("delivery/", ["delivery"]), ("returns/", ["return"]),
    ("refunds/", ["refund", "credit"]), ("tracking/", ["tracking"]),
])
def test_each_check_sits_beside_its_answer_on_the_topic_page(open_page, path, kinds):
    page = open_page(path)
    for kind in kinds:
        expect(check(page, kind)).to_be_visible()
        expect(check(page, kind).get_by_role("button", name="Check")).to_be_visible()


def test_the_forms_have_labels_and_nothing_inline_for_a_strict_csp(site):
    forms = [(path, form) for path, page in site.pages.items() for form in page.select("form.order-check")]
    assert {form["data-check"] for _, form in forms} == {"cancellation", "delivery", "return", "refund", "credit",
                                                       "tracking"}
    for path, form in forms:
        page = site.pages[path]
        assert form.has_attr("hidden"), path  # shown by the script, so never without it
        assert not form.find("script"), path
        for element in [form, *form.find_all(True)]:
            assert not [name for name in element.attrs if name == "style" or name.startswith("on")], (path, element)
            for ref in element.get("aria-describedby", "").split() + element.get("aria-labelledby", "").split():
                assert page.find(id=ref), (path, ref)
        for control in form.select("input:not([type=radio]), select"):
            assert page.select(f'label[for="{control["id"]}"]'), (path, control)
        for radios in form.select("fieldset"):
            assert radios.find("legend").get_text(strip=True) and radios.select("label > input[type=radio]"), path
        assert form.select('[role="status"][aria-live="polite"]'), path
    for path, page in site.pages.items():
        ids = [element["id"] for element in page.find_all(id=True)]
        assert len(ids) == len(set(ids)), path
