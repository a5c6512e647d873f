"""The preview (`make serve`) in a real browser: a mistake shows at once on the page the editor is looking at,
with the file, the line and the lines around it; saving the fix brings the page back by itself."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from test_check_command import FOUR_MISTAKES, make_four_mistakes

from conftest import copy_project, previewing

RELOAD = 30_000  # ms: a rebuild and a reload, on a busy two-core machine


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """`mkdocs serve` running in a copy of the project: (the project, its address)."""
    project = copy_project(tmp_path)
    with previewing(project) as address:
        yield project, address


def edit(path: Path, old: str, new: str) -> int:
    """Replace the one `old` in `path` by `new`, as an editor saving the file; the line it is on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def open_returns(browser: Browser, address: str) -> Page:
    page = browser.new_context().new_page()
    page.goto(address + "returns/")
    expect(page.locator("#return-window")).to_be_visible()
    return page


def every_address_answers_at_once(address: str) -> None:
    """No request hangs while the error page shows: each page, an asset and a missing page answer."""
    for path in ["", "returns/", "delivery/", "order-dates/", "assets/stylesheets/help-centre.css", "no-such-page/"]:
        try:
            with urllib.request.urlopen(address + path, timeout=5) as response:
                assert response.status == 200
        except urllib.error.HTTPError as error:
            assert (error.code, path) == (404, "no-such-page/")


CASES = {
    "a wrong type in policies.yaml": ("policies.yaml", "  window_days: 14 ", "  window_days: fourteen ",
                                      "returns.window_days: expected a whole number of days",
                                      "  window_days: 21 ", "21 days"),
    "an unknown placeholder in a topic": ("content/returns.yml", "{{ returns.deadline }} We can't",
                                          "{{ returns.deadlin }} We can't", 'did you mean "{{ returns.deadline }}"?',
                                          "{{ returns.deadline }} The days are counted from delivery. We can't",
                                          "counted from delivery"),
    "a YAML syntax error": ("content/returns.yml", "title: Returns", "title: [Returns",
                            "is not closed with ]", "title: Returns and exchanges", "Returns and exchanges"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_a_mistake_shows_in_the_preview_and_its_fix_brings_the_page_back(browser: Browser, preview, case: str):
    project, address = preview
    file, good, bad, message, fixed, shown_after = CASES[case]
    page = open_returns(browser, address)
    line = edit(project / file, good, bad)

    error = page.locator(".help-preview-error")
    expect(error).to_be_visible(timeout=RELOAD)  # no manual reload: live reload stays connected
    expect(error).to_contain_text(message)
    expect(error).to_contain_text(f"{file}, line ")
    marked = error.locator("mark").first
    expect(marked).to_contain_text(str(line))
    every_address_answers_at_once(address)

    edit(project / file, bad, fixed)
    expect(page.locator(".help-preview-error")).to_have_count(0, timeout=RELOAD)
    expect(page.locator("article")).to_contain_text(shown_after, timeout=RELOAD)
    page.context.close()


def test_the_error_page_shows_every_mistake_and_escapes_what_it_shows(browser: Browser, preview):
    project, address = preview
    page = open_returns(browser, address)
    edit(project / "policies.yaml", "  email: info@jjsart.co.uk", "  email: <b>info</b>")
    edit(project / "content" / "refunds.yml", "  - id: refund-time", "  - id: Refund time")
    error = page.locator(".help-preview-error")
    expect(error.locator("ol > li")).to_have_count(2, timeout=RELOAD)
    expect(error).to_contain_text('got "<b>info</b>"')  # shown as typed, not as bold text
    expect(error.locator("b")).to_have_count(0)
    page.context.close()


def test_the_error_page_shows_the_same_four_mistakes_as_make_check(browser: Browser, preview):
    """One mistake in each of four files, one a YAML syntax error: the page lists the four, each at its file,
    line and column, as `make check` does."""
    project, address = preview
    page = open_returns(browser, address)
    where = make_four_mistakes(project)
    error = page.locator(".help-preview-error")
    expect(error.locator("ol > li")).to_have_count(4, timeout=RELOAD)
    for item, (file, line, column), (*_, message) in zip(error.locator("ol > li").all(), where, FOUR_MISTAKES,
                                                          strict=True):
        expect(item).to_contain_text(f"{file}, line {line}, column {column}")
        expect(item).to_contain_text(message.split(": ", 1)[-1])
    page.context.close()
