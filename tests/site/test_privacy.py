"""Privacy: a shopper's browser talks to the help centre's own host and to no one else.

Every request the browser makes is routed through the test: requests to the site's own server
(127.0.0.1:port) go through, any other is aborted and counted. Every page is opened, a search is run
and a check answered; the count must stay at zero. No analytics ships by default either.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page, Route, expect

from conftest import ROOT, Build, close_context

# Scripts of the usual analytics, consent and tag services, and Material's own analytics partial.
ANALYTICS = ["googletagmanager", "google-analytics", "gtag(", "plausible", "matomo", "piwik", "fathom",
             "umami", "clarity.ms", "hotjar", "segment.com", "cloudflareinsights", "__analytics", "__consent"]


@dataclass
class Traffic:
    """What the browser asked for: the site's own addresses, and the others (aborted)."""

    own: str  # "127.0.0.1:port"
    inside: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def route(self, route: Route) -> None:
        url = route.request.url
        if urlsplit(url).netloc == self.own:
            self.inside.append(url)
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


@pytest.fixture(scope="module")
def visit(browser: Browser, site_url: str) -> Iterator[tuple[Page, Traffic]]:
    traffic = Traffic(urlsplit(site_url).netloc)
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London",
                                  service_workers="block")  # a service worker's requests would bypass routing
    context.route("**/*", traffic.route)
    page = context.new_page()
    yield page, traffic
    close_context(context)


def test_every_page_a_search_and_a_check_ask_no_other_host(visit, site: Build, site_url):
    page, traffic = visit
    for path in site.pages:
        page.goto(site_url + path.removesuffix("index.html"), wait_until="networkidle")
    page.goto(site_url, wait_until="networkidle")
    page.keyboard.press("/")
    page.keyboard.type("refund")
    page.locator("li.md-search-result__item a[href*='h=refund#']").first.click()  # a result for the whole word
    page.wait_for_load_state("networkidle")
    page.goto(site_url + "order-dates/")
    form = page.locator('form.order-check[data-check="return"]')
    form.get_by_label("Date your order was delivered").fill((date.today() - timedelta(days=1)).isoformat())
    form.get_by_role("button", name="Check").click()
    expect(form.get_by_role("status")).to_contain_text("your return must reach us by")
    page.wait_for_load_state("networkidle")

    assert traffic.outside == []
    asked = {urlsplit(url).path for url in traffic.inside}
    for path in site.pages:  # the routing saw every page and what search and the checks load
        assert "/" + path.removesuffix("index.html") in asked, path
    assert "/search/search_index.json" in asked
    assert [path for path in asked if path.startswith("/assets/calculator/data.")]


def test_no_analytics_by_default(site: Build):
    theme = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "analytics" not in (theme.get("extra") or {})
    assert "consent" not in (theme.get("extra") or {})
    for path, page in site.pages.items():
        html = str(page)
        assert not [name for name in ANALYTICS if name in html], path


def test_pages_load_nothing_from_another_host(site: Build):
    """Scripts, styles, images, fonts and frames all come from the site (a link to follow is not a load)."""
    own = urlsplit(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]).netloc
    for path, page in site.pages.items():
        for tag in page.find_all(["script", "img", "iframe", "source", "video", "audio", "embed", "object", "link"]):
            if tag.name == "link" and not {"stylesheet", "icon", "preload", "prefetch", "preconnect", "manifest",
                                            "modulepreload", "dns-prefetch"} & set(tag.get("rel", [])):
                continue  # canonical, alternate: addresses, not loads
            for attribute in ("src", "href", "data", "srcset"):
                host = urlsplit(tag.get(attribute) or "").netloc
                assert host in ("", own), (path, str(tag)[:200])
