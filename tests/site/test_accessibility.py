"""Accessibility in a real browser: axe-core finds no WCAG 2.2 AA failure on any page, in the light and
the dark palette, with the checks answered, with errors showing and with search open; and search can be
used with the keyboard alone. (A check completed with the keyboard alone: test_calculator_page.py,
test_a_delivery_check_by_keyboard_alone.)

axe-core comes from node_modules (package-lock.json) and is run in each page from disk, so the pages
load nothing from another host and keep their Content-Security-Policy. One browser context serves the
whole module; its clock starts at the same moment every run, so each check gives the same answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from conftest import ROOT, Build

AXE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
NOW = "2027-02-10T12:00:00Z"
ORDERED = "Date and time you placed"
PALETTES = {"light": "default", "dark": "slate"}  # what the shopper picks -> Material's data-md-color-scheme
SWITCH_TO = {"default": "Switch to light mode", "slate": "Switch to dark mode"}  # the toggle's title

# One answer per kind of check, one order's dates in order (a check refuses a date before the order
# date entered in another), chosen so that the answers with an email link show too (cancellation after
# the free time, late refund, stale tracking) on the fixed clock above.
ANSWERS: dict[str, dict[str, str]] = {
    "cancellation": {ORDERED: "2026-12-01T10:00"},
    "delivery": {ORDERED: "2026-12-01T10:00"},
    "return": {"Date your order was delivered": "2026-12-10"},
    "refund": {"Date your return reached us": "2026-12-24"},
    "credit": {"Date we issued your refund": "2027-02-05"},
    "tracking": {"Date of the last tracking update": "2027-01-20"},
}


def addresses(site: Build) -> list[str]:
    """Every page of the built site, as its address below the site root ("", "returns/", "404.html")."""
    return [path.removesuffix("index.html") for path in site.pages]


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    page = context.new_page()
    page.clock.install(time=NOW)  # from then on time runs (a clock fixed at one instant stops Material's search)
    yield page
    context.close()


def visit(page: Page, url: str, scheme: str) -> None:
    """Open the page and, if it shows the other palette, switch with the header's toggle as a shopper
    would; Material remembers the choice for the next pages."""
    page.goto(url)
    body = page.locator("body")
    if body.get_attribute("data-md-color-scheme") != scheme:
        page.get_by_title(SWITCH_TO[scheme]).click()
    expect(body).to_have_attribute("data-md-color-scheme", scheme)


def settle(page: Page) -> None:
    """Wait for Material's fades and transitions to end: axe measures the colours on the screen."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")


def violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.2 A and AA failures on the page as it is now, one line per element."""
    settle(page)
    if not page.evaluate("() => 'axe' in window"):
        page.evaluate(AXE)  # not a <script> tag: the site's Content-Security-Policy (rightly) refuses one
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, "
                           "resultTypes: ['violations']})", WCAG)
    return [f"{rule['id']}: {' '.join(node['target'])}: {' '.join(node['failureSummary'].split())}"
            for rule in result["violations"] for node in rule["nodes"]]


def answer_every_check(page: Page) -> list[Locator]:
    """Fill in each check on the page and press Check; the answers (status regions)."""
    answers = []
    for form in page.locator("form.order-check").all():
        for label, value in ANSWERS[form.get_attribute("data-check") or ""].items():
            form.get_by_label(label, exact=False).fill(value)
        form.get_by_role("button", name="Check").click()
        answers.append(form.get_by_role("status"))
    for answer in answers:
        expect(answer).not_to_be_empty()
    return answers


@pytest.mark.parametrize("palette", PALETTES)
def test_every_page_passes_axe_with_its_checks_answered(page, site, site_url, palette):
    problems, answered = {}, 0
    for address in addresses(site):
        visit(page, site_url + address, PALETTES[palette])
        answered += len(answer_every_check(page))
        if found := violations(page):
            problems[address or "home page"] = found
    assert answered >= 12, "the checks beside the answers and on the Order dates page were not all answered"
    assert not problems, "\n".join(f"{address}: {line}" for address, lines in problems.items() for line in lines)


@pytest.mark.parametrize("palette", PALETTES)
def test_the_checks_error_messages_pass_axe(page, site_url, palette):
    visit(page, site_url + "order-dates/", PALETTES[palette])
    forms = page.locator("form.order-check").all()
    for form in forms:
        form.get_by_role("button", name="Check").click()  # nothing filled in
    expect(page.locator(".order-check-error:visible")).to_have_count(len(forms))
    assert not (found := violations(page)), "\n".join(found)


@pytest.mark.parametrize("palette", PALETTES)
def test_search_with_its_results_passes_axe(page, site_url, palette):
    visit(page, site_url, PALETTES[palette])
    page.keyboard.press("/")
    page.keyboard.type("refund")
    expect(page.locator("li.md-search-result__item a[href*='h=refund#']").first).to_be_visible()
    expect(page.get_by_role("dialog", name="Search")).to_be_visible()
    assert not (found := violations(page)), "\n".join(found)


def test_search_by_keyboard_alone_lands_on_the_answer(page, site_url):
    page.goto(site_url)
    page.wait_for_function("() => window.document$ !== undefined")  # Material's script has started
    page.keyboard.press("/")  # Material's shortcut to the search box
    expect(page.get_by_role("textbox", name="Search")).to_be_focused()
    page.keyboard.type("arrived broken")
    # the answer's result for the whole query (each link carries the words searched for in ?h=, stemmed)
    answer = page.locator("li.md-search-result__item a[href*='h=arriv+broken#damaged-item']").first
    expect(answer).to_be_visible(timeout=20_000)  # the search worker loads the index first; slow on a busy machine
    for _ in range(5):  # down into the results: the topic, then its questions
        page.keyboard.press("ArrowDown")
        assert page.evaluate("() => document.activeElement.closest('.md-search-result') !== null")
        if answer.evaluate("link => link === document.activeElement"):
            break
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/problems/(\?h=[^#]*)?#damaged-item$"))  # ?h= marks the words found
    heading = page.locator("h2#damaged-item")
    expect(heading).to_be_in_viewport()
    expect(page.locator(".md-search__output")).to_be_hidden()  # the results no longer cover the page


def test_every_page_names_its_dialogs(site):
    """A screen reader announces Material's search dialog by name (axe's and Lighthouse's
    "aria-dialog-name", outside the WCAG tags above); the not-found page has its own template."""
    for path, page in site.pages.items():
        dialogs = page.select('[role="dialog"]')
        assert dialogs, path
        for dialog in dialogs:
            assert dialog.get("aria-label", "").strip() or dialog.get("aria-labelledby"), (path, str(dialog)[:120])
