"""The preview's "as on" bar: a date field in every page of `make serve` that shows the help centre as on a
chosen day (the notice, the last order dates and the checks answer for that day), so an editor can see today
what shoppers will see on 20 December. Its script (preview_bar.js) moves the browser's clock; the published
site never carries it, and the calculator's scripts do not know it exists."""

from __future__ import annotations

from pathlib import Path

SCRIPT = Path(__file__).with_name("preview_bar.js")


def add_preview_bar(page: str) -> str:
    """The page's HTML with the bar's script first in its head, before any script that reads the date."""
    script = SCRIPT.read_text(encoding="utf-8")
    return page.replace("<head>", f"<head><script>{script}</script>", 1)
