"""The preview's error page: at the address of every page the site has, and nowhere else."""

from __future__ import annotations

from conftest import ROOT
from helpcentre.reading.errors import Finding
from helpcentre.review.checking_pass import load_help_centre
from helpcentre.review.preview_error import error_page_paths, render_error_page


def test_the_error_page_stands_at_every_page_of_the_site_and_only_there():
    site = load_help_centre(ROOT / "policies.yaml", ROOT / "content", ROOT / "calculator")
    assert error_page_paths(ROOT / "content") == sorted(site.pages)  # not the notice's words, not the glossary


def test_the_error_page_marks_the_line_and_escapes_the_file():
    page = render_error_page([Finding("policies.yaml", 3, "shop.<b>", 'got "<i>"')], ROOT)
    assert "<code>shop.&lt;b&gt;</code>: got &quot;&lt;i&gt;&quot;" in page
    source = (ROOT / "policies.yaml").read_text(encoding="utf-8").splitlines()
    assert page.count("<mark>") == 1 and f"<mark>3  {source[2]}" in page.replace("&#x27;", "'")
