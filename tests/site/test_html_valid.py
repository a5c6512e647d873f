"""Every built page is valid HTML, by the Nu Html Checker (vnu, the W3C validator's engine; npm's
vnu-jar, run with the Java runtime that `make system-tools` installs). One Java process for all pages."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, Build

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material's base.html writes `autocomplete="off"` on the two checkboxes that open the menu and the search
# (outside any template block, so an override cannot change them without copying base.html). HTML allows
# autocomplete only on text-like inputs, but Firefox honours it on a checkbox: without it Firefox restores a
# checked box, that is an open menu or search, when a shopper comes back to a page (MDN, <input
# type="checkbox">). Reported as squidfunk/mkdocs-material#1513, closed, the attribute kept. Only that
# message on those two inputs is left out; anything else on them still counts.
MATERIAL_TOGGLE = ("Attribute “autocomplete” is only allowed when the input type is",
                   '<input class="md-toggle" data-md-toggle=')


def is_known_material_toggle(message: dict) -> bool:
    text, toggle = MATERIAL_TOGGLE
    return message["message"].startswith(text) and toggle in message.get("extract", "")


def validate(pages: list[Path]) -> list[dict]:
    """vnu's errors for the pages (one Java process): each {"url", "message", "extract", ...}."""
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True)
    report = json.loads(result.stderr)  # vnu writes its report to stderr; exit status 1 when there are errors
    assert result.returncode in (0, 1), result.stderr
    return report["messages"]


def describe(message: dict, site: Path) -> str:
    page = message.get("url", "").removeprefix("file:").removeprefix(str(site) + "/")
    return f"{page}:{message.get('lastLine', '?')}: {message['message']}\n    {message.get('extract', '').strip()}"


BAD_PAGE = ('<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>'
            '<select required><option value="GB">United Kingdom</option></select>'
            '<p id="a"></p><p id="a"></p></body></html>')


@pytest.fixture(scope="module")
def messages(site: Build, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    """vnu's errors for every page of the site and for a page known to be bad, in one run: page -> errors."""
    bad = tmp_path_factory.mktemp("vnu") / "bad.html"
    bad.write_text(BAD_PAGE, encoding="utf-8")
    pages = sorted(site.site / path for path in site.pages)
    found: dict[str, list[dict]] = {str(page): [] for page in [*pages, bad]}
    for message in validate([*pages, bad]):
        found[message["url"].removeprefix("file:")].append(message)
    return found


def test_every_page_is_valid_html(site: Build, messages):
    pages = {page: errors for page, errors in messages.items() if page.startswith(str(site.site))}
    assert len(pages) == len(site.pages) and str(site.site / "404.html") in pages
    errors = [describe(message, site.site) for found in pages.values() for message in found
              if not is_known_material_toggle(message)]
    assert not errors, "\n".join(errors)
    # The filter leaves out Material's two checkboxes on each page, and nothing else.
    assert all(len(found) == 2 for found in pages.values())


def test_the_validator_finds_our_kind_of_mistakes(messages):
    """The check can fail: a required select without a placeholder, a duplicate id."""
    found = [message["message"] for page, errors in messages.items() if page.endswith("/bad.html")
             for message in errors]
    assert any("Duplicate ID" in message for message in found), found
    assert any("“select” element with a “required” attribute" in message for message in found), found
