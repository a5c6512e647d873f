"""The Content-Security-Policy (helpcentre/csp.py): how it is computed, where the build writes it, and
the site in Chromium served with it as a header: every page, the search and a calculator check work
with no violation reported."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, BrowserContext, expect

from conftest import Build, build_project, copy_project
from helpcentre.publishing import csp

# --- the policy, from HTML --------------------------------------------------------------------------


def test_a_hash_is_the_sha256_of_the_text_in_base64():
    # The worked example of content-security-policy.com/hash/ (echo -n ... | openssl sha256 | base64).
    assert csp.hash_source("doSomething();") == "'sha256-RFWPLDbv2BY+rCkDzsE+0fr8ylGr2R2faWMhq4lfEQc='"
    # The HTML parser turns CR LF into LF before the browser hashes the text.
    assert csp.hash_source("a();\r\nb();") == csp.hash_source("a();\nb();") != csp.hash_source("a();b();")


@pytest.mark.parametrize("html, hashed", [
    ("<script>go()</script>", "go()"),
    ("<script type=module>go()</script>", "go()"),
    ('<script type="text/javascript">go()</script>', "go()"),
    ('<SCRIPT TYPE="Text/JavaScript">go()</SCRIPT>', "go()"),
    ('<script type="importmap">{"imports": {}}</script>', '{"imports": {}}'),
    ("<script>\n  multi();\n  line();\n</script>", "\n  multi();\n  line();\n"),
    ('<script src="a.js"></script>', None),  # a file from the site: 'self'
    ('<script id="__config" type="application/json">{"base": "."}</script>', None),  # data, never run
    ('<script type="application/ld+json">{"@type": "FAQPage"}</script>', None),
])
def test_only_the_inline_scripts_that_run_are_hashed(html, hashed):
    found = csp.find_inline_code(f"<html><head>{html}</head><body></body></html>".encode())
    assert found.scripts == (frozenset({csp.hash_source(hashed)}) if hashed is not None else frozenset())


def test_inline_style_blocks_are_hashed_for_style_src():
    found = csp.find_inline_code(b"<head><style>:root{--x:1}</style></head>")
    assert found == csp.InlineCode(styles=frozenset({csp.hash_source(":root{--x:1}")}))
    policy = csp.content_security_policy(found, header=False)
    assert f"style-src 'self' {csp.hash_source(':root{--x:1}')};" in policy


@pytest.mark.parametrize("html, blocked", [
    ('<p style="color: red">Hi</p>', ['<p style="color: red">']),
    ("<button onclick='go()'>Go</button>", ["<button onclick='go()'>"]),
    ('<img src=x onerror=alert(1)>', ["<img src=x onerror=alert(1)>"]),
    ('<a href="/" title="style=x onclick=y">Home</a>', []),  # words inside a value are not attributes
    ('<div data-style="wide" class="one">x</div>', []),
    ("<p>Set style=bold in the text</p>", []),
    ('<script>el.innerHTML = "<b style=\\"x\\">"</script>', []),  # a script's text is not markup
])
def test_style_and_event_handler_attributes_are_reported(html, blocked):
    assert csp.find_blocked_attributes(html.encode()) == blocked


def test_the_policy_is_strict():
    inline = csp.InlineCode(scripts=frozenset({"'sha256-b'", "'sha256-a'"}))
    meta, header = (csp.content_security_policy(inline, header=flag) for flag in (False, True))
    directives = dict(part.split(" ", 1) for part in meta.split("; "))
    assert directives == {
        "default-src": "'self'", "script-src": "'self' 'sha256-a' 'sha256-b'", "style-src": "'self'",
        "img-src": "'self' data:", "font-src": "'self'", "connect-src": "'self'", "worker-src": "'self'",
        "form-action": "'self'", "object-src": "'none'", "base-uri": "'self'",
    }
    assert "unsafe" not in header
    assert header == f"{meta}; frame-ancestors 'none'"  # ignored in a <meta>, so only in the header


def test_the_meta_becomes_the_first_element_of_the_head_once():
    page = b'<!doctype html>\n<html lang="en">\n  <head>\n    <meta charset="utf-8"><title>T</title></head></html>'
    once = csp.add_policy_meta(page, "default-src 'self'")
    assert once.startswith(b'<!doctype html>\n<html lang="en">\n  <head><meta http-equiv="Content-Security-Policy"'
                           b" content=\"default-src 'self'\">\n    <meta charset")
    again = csp.add_policy_meta(once, "default-src 'none'")
    assert again.count(b"Content-Security-Policy") == 1 and b"default-src 'none'" in again


def test_the_headers_file_sets_the_policy_on_every_path():
    assert csp.headers_file("default-src 'self'") == "/*\n  Content-Security-Policy: default-src 'self'\n"


def test_one_policy_allows_the_inline_scripts_of_every_page(tmp_path):
    (tmp_path / "sub").mkdir()
    pages = {tmp_path / "index.html": "<html><head><title>a</title></head><body><script>a()</script></body></html>",
             tmp_path / "sub" / "index.html": "<html><head></head><body><script>b()</script></body></html>"}
    for path, text in pages.items():
        path.write_text(text, encoding="utf-8")
    report = csp.apply_content_security_policy(tmp_path)
    assert f"script-src 'self' {' '.join(sorted([csp.hash_source('a()'), csp.hash_source('b()')]))};" in report.policy
    for path, text in pages.items():
        assert path.read_bytes() == csp.add_policy_meta(text.encode(), report.policy)
    assert (tmp_path / "_headers").read_text(encoding="utf-8") == csp.headers_file(
        f"{report.policy}; frame-ancestors 'none'")


def test_the_preview_reports_but_writes_nothing(tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<html><head></head><body><p style="color: red">x</p></body></html>', encoding="utf-8")
    report = csp.apply_content_security_policy(tmp_path, write=False)
    assert report.blocked == {"index.html": ['<p style="color: red">']}
    assert "Content-Security-Policy" not in page.read_text(encoding="utf-8")
    assert not (tmp_path / "_headers").exists()


# --- the quick ways, against the plain ones ----------------------------------------------------------
# Pages are read as bytes and searched with quick looks first: nothing may be found that one regular
# expression over the page's text (the plain way) would not find, and nothing missed.

PAGE_PIECES = ["<script>", "<SCRIPT type='module'>", '<script type="application/json">', "<script src=a.js>",
               "</script>", "</Script >", "</script\n>", "<style>", "<STYLE media=x>", "</style>", "</STYLE>",
               "<scripts>", "<stylesheet>", "<script\n>", "<script title='<style>'>", "<style a=<script>", "<p>",
               "</p>", "<", ">", "go();", "\n", "\r\n", "é", "\u2019", " ", "x"]
ATTRIBUTE_PIECES = [" style=", "\tSTYLE =", "\nonclick=", " onError  =", "content=", " on=", " one", "style", "on",
                    "=", " ", "\x0b", "\r", "x", "<p", ">", "é"]


def plain_inline_code(page: str) -> csp.InlineCode:
    scripts, styles = set(), set()
    for tag, attributes, body in re.findall(r"<(script|style)(\s[^>]*)?>(.*?)</\1\s*>", page,
                                            re.IGNORECASE | re.DOTALL):
        values = csp._attributes(attributes)
        if tag.lower() == "style":
            styles.add(csp.hash_source(body))
        elif "src" not in values and values.get("type", "").strip().lower() in csp._RUNNING_TYPES:
            scripts.add(csp.hash_source(body))
    return csp.InlineCode(frozenset(scripts), frozenset(styles))


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PAGE_PIECES), max_size=30).map("".join))
def test_the_inline_code_is_what_one_expression_over_the_text_finds(page):
    assert csp.find_inline_code(page.encode()) == plain_inline_code(page)


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(ATTRIBUTE_PIECES), max_size=20).map("".join))
def test_the_quick_look_for_blocked_attributes_finds_each_name_after_a_space(page):
    lowered = page.encode().lower()
    plain = any(found.start() and lowered[found.start() - 1:found.start()].isspace()
                for pattern in (rb"style\s*=", rb"on[a-z]+\s*=") for found in re.finditer(pattern, lowered))
    assert any(pattern.search(lowered) for pattern in csp._MAYBE_BLOCKED) == plain


@pytest.mark.parametrize("text", ["a\r\nb\rc\n", "\r\r\n\n\r", "no breaks", "é\r\n\u2019\r"])
def test_a_page_is_read_with_the_line_breaks_reading_it_as_text_gives(tmp_path, text):
    path = tmp_path / "index.html"
    path.write_bytes(text.encode())
    assert csp.read_page(path) == path.read_text(encoding="utf-8").encode()


# --- the built site ---------------------------------------------------------------------------------


def served_policy(site: Path) -> dict[str, str]:
    """The headers `_headers` sets for /*, as Netlify and Cloudflare Pages read it."""
    lines = (site / csp.HEADERS_FILE).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*"
    return dict(line.strip().split(": ", 1) for line in lines[1:] if line.strip())


def running_inline_scripts(page) -> list[str]:
    """The text of each inline script of a parsed page that a browser would run."""
    return [script.string or "" for script in page.find_all("script")
            if not script.get("src") and script.get("type", "text/javascript") in ("text/javascript", "module")]


def test_every_page_starts_its_head_with_the_same_policy(site: Build):
    policies = set()
    for path, page in site.pages.items():
        first = page.head.find(True)
        assert (first.name, first.get("http-equiv")) == ("meta", "Content-Security-Policy"), path
        assert len(page.find_all("meta", attrs={"http-equiv": True})) == 1, path
        policies.add(first["content"])
    assert len(policies) == 1
    header = served_policy(site.site)["Content-Security-Policy"]
    assert header == f"{policies.pop()}; frame-ancestors 'none'"


def test_the_policy_allows_every_inline_script_of_the_site_and_nothing_more(site: Build):
    header = served_policy(site.site)["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", header)[1].split()
    needed = {csp.hash_source(text) for page in site.pages.values() for text in running_inline_scripts(page)}
    assert needed, "Material's inline scripts were not found"
    assert set(script_src) == {"'self'", *needed}


def test_markup_the_policy_would_block_stops_the_build(tmp_path):
    project = copy_project(tmp_path)
    topic = project / "content" / "returns.yml"
    source = topic.read_text(encoding="utf-8")
    assert "      {{ check.return }}\n" in source
    topic.write_text(source.replace("      {{ check.return }}\n", '      <p style="color: red">Late returns are '
                                    "refused.</p>\n\n      {{ check.return }}\n", 1), encoding="utf-8")
    built = build_project(project)
    assert built.returncode != 0
    assert ('returns/index.html: the Content-Security-Policy blocks style= and on...= attributes, found in '
            '<p style="color: red">') in built.output


# --- in the browser, served with the header ---------------------------------------------------------


class _PolicyHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site with the headers of its `_headers` file, as Netlify would."""

    headers_to_send: dict[str, str] = {}

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def policy_url(site: Build) -> Iterator[str]:
    handler = type("Handler", (_PolicyHandler,), {"headers_to_send": served_policy(site.site)})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site.site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join()


REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", event => window.reportViolation(
  `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} in ${event.sourceFile}:${event.lineNumber}`));
"""


@pytest.fixture
def watched(browser: Browser, policy_url: str) -> Iterator[tuple[BrowserContext, list[str]]]:
    """A browser context whose CSP violations (events and console messages) and page errors are collected."""
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
    violations: list[str] = []
    context.expose_function("reportViolation", lambda text: violations.append(text))
    context.add_init_script(REPORT_VIOLATIONS)
    context.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    context.on("weberror", lambda error: violations.append(f"page error: {error.error}"))
    yield context, violations
    context.close()


def url_of(path: str) -> str:
    """'returns/index.html' -> 'returns/', as links to it are written."""
    return path.removesuffix("index.html")


def test_the_server_sends_the_policy(watched, policy_url):
    page = watched[0].new_page()
    response = page.goto(policy_url)
    assert "script-src 'self' 'sha256-" in response.headers["content-security-policy"]


def test_the_policy_is_enforced_an_injected_script_is_blocked_and_reported(watched, policy_url):
    context, violations = watched
    page = context.new_page()
    page.goto(policy_url)
    page.evaluate("""() => { const script = document.createElement("script");
                            script.textContent = "window.injected = true"; document.body.append(script); }""")
    for _ in range(100):  # the report arrives asynchronously
        if violations:
            break
        page.wait_for_timeout(20)
    assert page.evaluate("window.injected") is None
    assert any("script-src" in violation for violation in violations), violations


def test_every_page_loads_and_runs_with_no_violation(watched, policy_url, site: Build):
    context, violations = watched
    pages = {path: context.new_page() for path in site.pages}
    for path, page in pages.items():  # all at once: each then waits for its network to settle
        page.goto(policy_url + url_of(path), wait_until="commit")
    for path, page in pages.items():
        page.wait_for_load_state("networkidle")  # the search worker has loaded the index
        expect(page.locator("html"), path).not_to_have_class("no-js")  # Material's script ran
    page = pages["index.html"]
    page.bring_to_front()  # a tab in the background gets no animation frames: clicks would wait for them
    page.locator("label.md-header__button[for='__palette_1']").click()  # dark palette (inline script, storage)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload(wait_until="networkidle")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page = pages["delivery/index.html"]  # a long page: Material's tooltip and back-to-top button, which it
    page.bring_to_front()  # places by script
    page.locator("h2").first.hover()
    page.locator("h2 a.headerlink").first.hover()
    expect(page.locator(".md-tooltip2--active")).to_be_visible()
    page.mouse.wheel(0, 3000)
    page.wait_for_timeout(100)
    page.mouse.wheel(0, -500)
    expect(page.locator(".md-top")).to_be_visible()
    assert violations == []


def test_search_works_under_the_policy(watched, policy_url):
    context, violations = watched
    page = context.new_page()
    page.goto(policy_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("refund")
    box.press("End")  # Material searches on keyup
    results = page.locator("li.md-search-result__item")
    expect(results.first).to_be_visible()
    assert "refund" in results.first.inner_text().lower()
    assert violations == []


def test_a_calculator_check_works_under_the_policy(watched, policy_url):
    context, violations = watched
    page = context.new_page()
    page.clock.set_fixed_time("2026-12-30T12:00:00Z")
    page.goto(policy_url + "order-dates/")
    form = page.locator('form.order-check[data-check="return"]')
    form.get_by_label("Date your order was delivered").fill("2026-12-18")
    form.get_by_role("button", name="Check").click()
    expect(form.get_by_role("status")).to_have_text(re.compile("your return must reach us by Monday 4 January 2027"))
    assert violations == []
