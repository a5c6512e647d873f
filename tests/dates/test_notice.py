"""The notice at the top of every page (Material's announcement bar), as a shopper sees it on a given
day (Playwright's clock): the peak season's words in the peak season, a closure's from
processing.closure_notice_days before it to its last day, the first last order date of the season from
delivery.last_order_notice_days before it, nothing otherwise; the day is the shop's,
wherever the shopper is; it moves nothing on the page, can be dismissed and passes axe."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from test_accessibility import violations, visit
from test_order_dates import shop_data

from conftest import ROOT, Build, build_project, copy_project, serve, without_columns
from helpcentre.dates.notice import build_notice, clock_changes, load_notice_words
from helpcentre.reading.errors import DataError

pytestmark = pytest.mark.usefixtures("british_words")  # calls below the checking pass

PEAK_2026 = ("It's our peak season until Thursday 31 December 2026: please allow up to 5 days more for delivery. "
             "See our last order dates")
COMING = ("Our shop is closed from Thursday 24 December 2026 to Saturday 2 January 2027. Orders placed while "
          "we're closed ship between Tuesday 5 January 2027 and Thursday 7 January 2027.")
SEASON_2026 = ("Ordering for Christmas? Our last order dates start on Thursday 19 November 2026. "
               "See our last order dates")  # the United States' last order date, a day before the peak season
CLOSED = ("Our shop is closed until Saturday 2 January 2027. Orders placed now ship between Tuesday 5 January "
          "2027 and Thursday 7 January 2027.")


@pytest.fixture(scope="module")
def closure_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """This shop with a closure from 24 December 2026 to 2 January 2027."""
    project = copy_project(tmp_path_factory.mktemp("closure"))
    policies = project / "policies.yaml"
    text = policies.read_text(encoding="utf-8")
    assert "  closure_dates: []" in text
    closure = "  closure_dates:\n    - {from: 2026-12-24, to: 2027-01-02}"
    policies.write_text(text.replace("  closure_dates: []", closure), encoding="utf-8")
    built = build_project(project)
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="module")
def closure_url(closure_site: Build) -> Iterator[str]:
    yield from serve(closure_site.site)


@pytest.fixture
def visitor(browser: Browser) -> Iterator:
    """visitor(url, now, zone=, javascript=) -> a page opened at that moment; no console errors."""
    contexts, problems = [], []

    def open_at(url: str, now: str, zone: str = "Europe/London", javascript: bool = True, **options) -> Page:
        context = browser.new_context(timezone_id=zone, locale="en-GB", java_script_enabled=javascript, **options)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("console", lambda message: message.type == "error" and problems.append(message.text))
        page.clock.install(time=now)  # time runs on from `now`: Material's own scripts need it to
        page.goto(url)
        return page

    yield open_at
    for context in contexts:
        context.close()
    assert problems == []


def notice(page: Page) -> str | None:
    """The notice's words as shown, or None when no notice is visible."""
    bar = page.locator(".md-banner")
    if not bar.is_visible():
        return None
    return " ".join(page.locator(".help-notice").inner_text().split())


@pytest.mark.parametrize("now, shown", [
    ("2026-07-15T12:00:00Z", None),
    ("2026-11-11T23:30:00Z", None),  # 8 days before the first last order date
    ("2026-11-12T00:30:00Z", SEASON_2026),  # 7 days before it (delivery.last_order_notice_days)
    ("2026-11-19T23:30:00Z", SEASON_2026),  # 23:30 UK time on that day: the peak season starts tomorrow
    ("2026-11-20T00:30:00Z", PEAK_2026),
    ("2026-12-01T09:00:00Z", PEAK_2026),
    ("2026-12-23T12:00:00Z", PEAK_2026),
    ("2026-12-25T12:00:00Z", PEAK_2026),
    ("2027-01-01T00:30:00Z", None),
])
def test_the_notice_names_the_first_last_order_date_then_the_peak_season(visitor, site_url, now, shown):
    assert notice(visitor(site_url, now)) == shown


@pytest.mark.parametrize("now, shown", [
    ("2026-12-09T12:00:00Z", PEAK_2026),  # 15 days before: not yet
    ("2026-12-10T00:30:00Z", f"{COMING} {PEAK_2026}"),  # 14 days before
    ("2026-12-23T12:00:00Z", f"{COMING} {PEAK_2026}"),
    ("2026-12-24T09:00:00Z", f"{CLOSED} {PEAK_2026}"),
    ("2026-12-31T12:00:00Z", f"{CLOSED} {PEAK_2026}"),
    ("2027-01-01T12:00:00Z", CLOSED),  # the peak season is over: no link to the last order dates
    ("2027-01-02T23:30:00Z", CLOSED),  # the closure's last day, 23:30 UK time
    ("2027-01-03T00:30:00Z", None),
])
def test_a_closure_is_announced_14_days_before_until_its_last_day(visitor, closure_url, now, shown):
    assert notice(visitor(closure_url + "returns/", now)) == shown


@pytest.mark.parametrize("zone, now, shown", [
    ("Pacific/Auckland", "2026-12-09T23:30:00Z", PEAK_2026),  # 10 December in Auckland, 9th in the UK
    ("America/Los_Angeles", "2026-12-10T00:30:00Z", f"{COMING} {PEAK_2026}"),  # still the 9th in Los Angeles
    ("America/Los_Angeles", "2027-01-03T00:30:00Z", None),  # still 2 January in Los Angeles
    ("Pacific/Auckland", "2027-01-02T23:30:00Z", CLOSED),  # 3 January in Auckland
])
def test_the_day_is_the_shops_wherever_the_shopper_is(visitor, closure_url, zone, now, shown):
    assert notice(visitor(closure_url, now, zone=zone)) == shown


COUNT_FORMATTERS = """window.formatters = 0;
Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, { construct(target, args, newTarget) {
  window.formatters++; return Reflect.construct(target, args, newTarget); } });"""


@pytest.mark.parametrize("now, shown, formatters", [
    ("2026-07-05T22:30:00Z", None, 0),  # 23:30 on 5 July, UK summer time: 15 days before the closure
    ("2026-07-05T23:30:00Z", "Our shop is closed from Monday 20 July 2026", 0),  # 00:30 on 6 July: 14 days
    ("2026-07-24T22:30:00Z", "Our shop is closed until Friday 24 July 2026", 0),  # 23:30 on its last day
    ("2026-07-24T23:30:00Z", None, 0),
    ("2026-12-01T09:00:00Z", "It's our peak season until Thursday 31 December 2026", 0),
    ("2040-12-01T09:00:00Z", "It's our peak season until Monday 31 December 2040", 1),  # past the build's table
])
def test_the_shops_date_comes_from_its_clock_changes_not_a_formatter(browser, now, shown, formatters):
    """The notice reads the shop's date (here in British Summer Time) from the clock changes the build
    wrote into it: no time zone formatter is made while the page is read, but past the table's years."""
    words = load_notice_words(ROOT / "content" / "notice.yml", "notice.yml")
    data = {**shop_data(), "closures": [{"from": "2026-07-20", "to": "2026-07-24"}]}
    script = build_notice(data, words, ROOT / "calculator", False).script
    context = browser.new_context(timezone_id="Asia/Tokyo")
    context.add_init_script(COUNT_FORMATTERS)
    page = context.new_page()
    page.route("http://shop.test/", lambda route: route.fulfill(content_type="text/html", body=(
        '<!doctype html><title>Notice</title><aside data-md-component="announce"><div class="md-typeset">'
        '<p class="help-notice" hidden><span class="help-notice-text"></span></p>'
        f"<script>{script}</script></div></aside>")))
    page.clock.install(time=now)
    page.goto("http://shop.test/")
    notice = page.locator(".help-notice")
    if shown is None:
        expect(notice).to_be_hidden()
    else:
        assert notice.inner_text().startswith(shown)
    assert page.evaluate("window.formatters") == formatters
    context.close()


def test_the_clock_changes_are_the_time_zones_to_the_minute():
    changes = clock_changes("Europe/London", "2026-01-01", "2027-12-31")
    assert changes["changes"] == [
        [ms("2026-01-01T00:00Z"), 0], [ms("2026-03-29T01:00Z"), 60], [ms("2026-10-25T01:00Z"), 0],
        [ms("2027-03-28T01:00Z"), 60], [ms("2027-10-31T01:00Z"), 0]]
    assert changes["until"] == ms("2028-01-01T00:00Z")
    assert clock_changes("Australia/Lord_Howe", "2026-06-01", "2026-12-31")["changes"] == [  # half an hour
        [ms("2026-06-01T00:00Z"), 630], [ms("2026-10-03T15:30Z"), 660]]
    assert clock_changes("Asia/Kolkata", "2026-01-01", "2026-12-31")["changes"] == [[ms("2026-01-01T00:00Z"), 330]]


def ms(moment: str) -> int:
    return int(datetime.fromisoformat(moment.replace("Z", "+00:00")).timestamp() * 1000)


def test_the_link_leads_to_the_last_order_dates(visitor, site_url):
    page = visitor(site_url + "returns/", "2026-12-01T09:00:00Z")
    page.get_by_role("link", name="See our last order dates").click()
    expect(page).to_have_url(site_url + "delivery/#last-order-dates")
    expect(page.locator(".last-order-dates table")).to_be_visible()
    assert notice(page) == PEAK_2026  # after Material's instant navigation too


def test_the_link_follows_the_site_s_addresses(tmp_path: Path):
    """A site whose pages are "delivery.html" (use_directory_urls: false) links to that page's answer."""
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    built = build_project(project)
    assert built.returncode == 0, built.output
    for page in ("index.html", "returns.html"):
        page_name, anchor = built.pages[page].select_one("a.help-notice-link")["href"].split("#")
        target = (built.site / page).parent / page_name
        assert target.resolve() == (built.site / "delivery.html").resolve()
        question = built.pages["delivery.html"].find(id=anchor)  # the dates come before the next question
        following = question.find_next(lambda tag: tag.name == "h2" or "last-order-dates" in tag.get("class", []))
        assert question.name == "h2" and "last-order-dates" in following["class"]


def test_without_javascript_there_is_no_bar(visitor, site_url):
    page = visitor(site_url, "2026-12-01T09:00:00Z", javascript=False)
    assert notice(page) is None


LAYOUT_SHIFTS = """() => new Promise((resolve) => {
    new PerformanceObserver((list) => resolve(list.getEntries().map((e) => e.value)))
        .observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve([]), 1000);  // no entry at all: nothing moved
})"""


@pytest.mark.parametrize("path", ["", "delivery/", "returns/"])
def test_the_notice_moves_nothing_on_the_page(visitor, closure_url, path):
    # Lighthouse's phone: the notice takes three lines, above everything else on the page
    page = visitor(closure_url + path, "2026-12-24T09:00:00Z", is_mobile=True, has_touch=True,
                   viewport={"width": 412, "height": 823})
    assert notice(page) == f"{CLOSED} {PEAK_2026}"
    assert page.locator(".md-banner").bounding_box()["height"] > 60
    assert page.evaluate(LAYOUT_SHIFTS) == []


def test_a_dismissed_notice_stays_away_until_a_new_one(visitor, closure_url):
    page = visitor(closure_url, "2026-12-20T12:00:00Z")
    assert notice(page) == f"{COMING} {PEAK_2026}"
    page.get_by_role("button", name="Don't show this again").click()
    assert notice(page) is None
    page.goto(closure_url + "returns/")
    assert notice(page) is None
    page.clock.set_system_time("2026-12-24T09:00:00Z")  # new words: shown again
    page.goto(closure_url + "returns/")
    assert notice(page) == f"{CLOSED} {PEAK_2026}"


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_nothing_in_the_notice(visitor, closure_url, scheme):
    page = visitor(closure_url, "2026-12-24T09:00:00Z")
    visit(page, closure_url + "delivery/", scheme)
    assert notice(page) == f"{CLOSED} {PEAK_2026}"
    assert violations(page) == []


def test_the_notice_words_are_the_editors(closure_site: Build):
    words = Path(closure_site.project / "content" / "notice.yml").read_text(encoding="utf-8")
    assert "Orders placed while we're closed ship between {{ ships_from }} and {{ ships_by }}." in words


# --- the words and the data, without a browser ---------------------------------------------------

WORDS = (ROOT / "content" / "notice.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("old, new, message", [
    ("until {{ until }}:", "until {{ last_day }}:",
     'notice.yml:9: peak_season: unknown placeholder "{{ last_day }}"; expected one of {{ until }}, {{ extra_days }}'),
    ("See our last order dates", "See {{ until }}",
     'notice.yml:11: last_order_dates_link: unknown placeholder "{{ until }}"; expected one of none'),
    ("closure_now:", "closure_then:", 'notice.yml:18: closure_then: unknown key; expected one of peak_season'),
    ("last_order_dates_link: See our last order dates", "last_order_dates_link: 42",
     "notice.yml:11: last_order_dates_link: expected text; got 42 without quotes"),
    (WORDS, "", "notice.yml:1: the file is empty"),
])
def test_a_mistake_in_the_words_gets_its_line(tmp_path, old, new, message):
    assert old in WORDS
    path = tmp_path / "notice.yml"
    path.write_text(WORDS.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_notice_words(path, "notice.yml")
    assert message in without_columns(caught.value)


def test_a_missing_words_file_is_named(tmp_path):
    with pytest.raises(DataError, match="notice.yml: the file is missing"):
        load_notice_words(tmp_path / "notice.yml", "notice.yml")


def test_orders_placed_in_a_closure_ship_after_it_and_no_script_without_anything_to_announce():
    words = load_notice_words(ROOT / "content" / "notice.yml", "notice.yml")
    data = shop_data()
    closed = {**data, "closures": [{"from": "2026-12-24", "to": "2027-01-02"}],
              "closed_dates": sorted({*data["closed_dates"], "2026-12-24", "2026-12-29", "2026-12-30", "2026-12-31"})}
    words = {**words, "closure_now": "</script><script>alert(1)</script> {{ to }}"}
    script = build_notice(closed, words, ROOT / "calculator", True).script
    assert '"ships_by": "2027-01-07", "ships_from": "2027-01-05"' in script
    data_part = script.rsplit("})(", 1)[1]  # the words cannot end the script element
    assert "</" not in data_part and "\\u003c/script>\\u003cscript>alert(1)" in data_part
    assert build_notice({**data, "peak_seasons": []}, words, ROOT / "calculator", False) is None
    assert build_notice(data, words, ROOT / "calculator", False) is not None  # the peak season
