"""The calculator costs nothing until a shopper touches a check: counted in Chromium.

Every Intl formatter that the calculator's scripts make (a stack trace through assets/calculator/ at the
moment it is made) and every read of the calculator's data (the data module is served wrapped in a
counting Proxy) is counted, and every request for the calculator's files. On load, and once the page has
settled, both counts must be zero and only page.js fetched (what answers is not even downloaded); the
first touch of a check fetches and prepares the rest, and the answer comes as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from conftest import close_context

# Runs before any of the page's scripts: Intl's constructors (called with or without `new`) and Date's
# locale methods (each makes a formatter inside) count the calls that come from the calculator's files.
COUNT_WORK = """
(() => {
  const counts = window.__calculatorWork ??= { formatters: 0, dataReads: 0 };
  const ours = () => /\\/assets\\/calculator\\//.test(new Error().stack);
  for (const name of ["DateTimeFormat", "NumberFormat", "RelativeTimeFormat", "PluralRules", "Collator",
                      "ListFormat", "DisplayNames", "Segmenter", "DurationFormat"]) {
    if (!Intl[name]) continue;
    Intl[name] = new Proxy(Intl[name], {
      construct(target, args, newTarget) {
        if (ours()) counts.formatters++;
        return Reflect.construct(target, args, newTarget);
      },
      apply(target, self, args) {
        if (ours()) counts.formatters++;
        return Reflect.apply(target, self, args);
      },
    });
  }
  for (const type of [Date, Number, String, Array]) {
    for (const method of ["toLocaleString", "toLocaleDateString", "toLocaleTimeString", "localeCompare"]) {
      const original = type.prototype[method];
      if (!original) continue;
      type.prototype[method] = function (...args) {
        if (ours()) counts.formatters++;
        return original.apply(this, args);
      };
    }
  }
})();
"""


def _counting_data(route: Route) -> None:
    """The calculator's data module, its object behind a Proxy that counts every property read."""
    source = route.fetch().text()
    assert source.startswith("export default ")
    wrapped = (source.replace("export default ", "const data = ", 1)
               + "const counts = (window.__calculatorWork ??= { formatters: 0, dataReads: 0 });\n"
               + "export default new Proxy(data, { get(target, key, receiver) { counts.dataReads++; "
               + "return Reflect.get(target, key, receiver); } });\n")
    route.fulfill(body=wrapped, content_type="text/javascript")


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(timezone_id="America/New_York", locale="en-GB")
    context.add_init_script(COUNT_WORK)
    context.route(re.compile(r".*/assets/calculator/data\.[0-9a-f]+\.js$"), _counting_data)
    yield context
    close_context(context)  # a data request still being answered finishes first


def work(page: Page) -> dict[str, int]:
    return page.evaluate("({ ...window.__calculatorWork })")


def settled(page: Page, path: str, base: str) -> Page:
    """The page loaded, its checks shown, and the browser idle after it (time for any deferred work)."""
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.goto(base + path, wait_until="networkidle")
    expect(page.locator("form.order-check").first).to_be_visible()  # page.js has started
    page.evaluate("new Promise((done) => requestIdleCallback(() => setTimeout(done, 500)))")
    assert problems == []
    return page


# Not delivery/: its last order dates table depends on today, so it is worked out on every visit (once the
# browser is idle, tests/dates/test_last_order_dates.py), not on a shopper's touch.
@pytest.mark.parametrize("path", ["order-dates/", "returns/", "refunds/"])
def test_no_formatter_and_no_data_read_before_a_check_is_touched(context, site_url, path):
    page = settled(context.new_page(), path, site_url)
    page.mouse.wheel(0, 600)  # reading and scrolling the page is not touching a check
    page.wait_for_timeout(200)
    assert work(page) == {"formatters": 0, "dataReads": 0}


def test_the_first_touch_prepares_the_check_and_it_answers(context, site_url):
    page = settled(context.new_page(), "returns/", site_url)
    form = page.locator('form.order-check[data-check="return"]')
    field = form.get_by_label("Date your order was delivered")
    field.focus()
    page.evaluate("""() => new Promise((done) => {  // the modules arrive, then prepare (page.evaluate: no eval,
      const wait = setInterval(() => {            // which the site's policy forbids)
        if (window.__calculatorWork.formatters > 0) done(clearInterval(wait));
      }, 20);
    })""")
    prepared = work(page)
    assert prepared["formatters"] >= 2 and prepared["dataReads"] > 0  # the counting sees the calculator's work
    field.fill("2026-07-06")
    form.get_by_role("button", name="Check").click()
    expect(form.get_by_role("status")).to_contain_text("for your return to reach us ended on Monday 20 July 2026")
    assert work(page)["formatters"] == prepared["formatters"]  # made once, then used: none made per answer


def calculator_file(url: str) -> str:
    """".../assets/calculator/engine.470ef5ef45.js" -> "engine.js"."""
    name = url.rsplit("/", 1)[1].split("?")[0]
    return re.sub(r"\.[0-9a-f]{10}\.", ".", name)


@pytest.mark.parametrize("path", ["returns/", "order-dates/"])
def test_what_answers_is_fetched_only_on_the_first_touch(browser, site_url, path):
    context = browser.new_context(locale="en-GB")
    fetched: list[str] = []

    def count(route: Route) -> None:
        fetched.append(calculator_file(route.request.url))
        route.continue_()

    context.route(re.compile(r".*/assets/calculator/.*"), count)
    page = settled(context.new_page(), path, site_url)
    page.mouse.wheel(0, 600)
    page.wait_for_timeout(200)
    assert sorted(fetched) == ["page.css", "page.js"]  # the forms show: page.js ran, alone

    form = page.locator('form.order-check[data-check="return"]')
    form.get_by_label("Date your order was delivered").fill("2026-07-06")  # the first touch: focus, typing
    form.get_by_role("button", name="Check").click()
    expect(form.get_by_role("status")).to_contain_text("for your return to reach us ended on Monday 20 July 2026")
    assert {"answers.js", "engine.js", "data.js", "last_order_dates.js"} <= set(fetched)
    assert len(fetched) == len(set(fetched))  # each once
    close_context(context)
