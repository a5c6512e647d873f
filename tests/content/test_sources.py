"""No policy figure or email address is written anywhere but policies.yaml: not in the content (the build
refuses it there too, see test_text_rules.py), the templates, the hooks or the calculator."""

from __future__ import annotations

from conftest import ROOT
from helpcentre.content.text_rules import EMAIL, EXAMPLE_DOMAIN, FIGURE

SCANNED = ["content", "kit", "overrides", "hooks", "calculator", "mkdocs.yml"]


def source_files():
    for name in SCANNED:
        path = ROOT / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        yield from (f for f in files if "__pycache__" not in f.parts)


def test_the_scan_covers_the_sources():
    names = {path.name for path in source_files()}
    assert {"events.py", "policies.py", "main.html", "engine.js", "index.md", "returns.yml"} <= names


def test_the_scan_finds_what_it_looks_for():
    assert FIGURE.search("within 14 days of delivery")
    assert FIGURE.search("up to 28 business days")
    assert FIGURE.search("1-3 days") and FIGURE.search("twelve hours") and FIGURE.search("a 14-day window")
    assert EMAIL.search("email info@jjsart.co.uk today")
    assert not FIGURE.search("several weeks") and not FIGURE.search("{{ returns.window_days }}")


def test_no_figure_with_a_unit_is_written_in_the_sources():
    found = [f"{path.relative_to(ROOT)}:{n}: {match.group(0)}"
             for path in source_files()
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             for match in FIGURE.finditer(line)]
    assert found == []


def test_no_email_address_is_written_in_the_sources():
    found = [f"{path.relative_to(ROOT)}:{n}: {match.group(0)}"
             for path in source_files()
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
             for match in EMAIL.finditer(line) if not EXAMPLE_DOMAIN.search(match.group(0))]
    assert found == []
