"""Where each page's main-thread time goes on a slowed phone, beside stock Material. Run by `make audit`.

Lighthouse's total blocking time on this machine moves by 100 ms and more between runs of the same
page, stock's included, so it cannot tell where 20 ms go. This benchmark asks Chromium itself: each
page is loaded in a phone-sized window with the CPU slowed four times (as Lighthouse's mobile profile
does), left to settle, and Chromium's own counters give the time spent on style (matching CSS rules to
elements), layout, script and all main-thread tasks. Both sites are served as `make audit` serves them
(benchmarks/audit.py: gzipped, on 127.0.0.1), taking turns page by page; the figures are medians.

Chromium's counters are cumulative and exact; what still moves is the machine, so run it idle. Each page's
row goes to stderr as it is loaded; at the end it prints the table of docs/measurements.md.
`python benchmarks/main_thread.py [--runs N] [page ...]` ("returns/", "" for the home page).
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

sys.path[:0] = [str(Path(__file__).resolve().parent)]

from audit import CHROMIUM, built_and_served, in_turns  # noqa: E402
from report import Run, chromium_version, machine_line, markdown_table  # noqa: E402

SLOWDOWN = 4  # Lighthouse's mobile profile: a mid-range phone's CPU
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
SETTLE_MS = 1500  # after the load event: Material's start-up and our checks' start are done by then
COUNTERS = {"style": "RecalcStyleDuration", "layout": "LayoutDuration", "script": "ScriptDuration",
            "all tasks": "TaskDuration"}


def load(browser: Browser, url: str) -> dict[str, float]:
    """One cold load of a page: milliseconds per counter, and the number of elements once settled."""
    context = browser.new_context(**PHONE)
    try:
        page = context.new_page()
        session = context.new_cdp_session(page)
        session.send("Performance.enable")
        session.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
        page.goto(url, wait_until="load")
        page.wait_for_timeout(SETTLE_MS)
        metrics = {metric["name"]: metric["value"] for metric in session.send("Performance.getMetrics")["metrics"]}
        figures = {name: metrics[counter] * 1000 for name, counter in COUNTERS.items()}
        figures["elements"] = page.evaluate("document.getElementsByTagName('*').length")
        return figures
    finally:
        context.close()


def main(only: list[str], runs: int) -> None:
    started = Run()
    rows = []
    with built_and_served() as (all_pages, sites), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for page in [page for page in all_pages if not only or page in only]:
            loads: dict[str, list[dict[str, float]]] = {kind: [] for kind in sites}
            for run in range(runs):
                for kind in in_turns(list(sites), run):
                    loads[kind].append(load(browser, sites[kind] + page))
            medians = {kind: {name: statistics.median(figures[name] for figures in found) for name in found[0]}
                       for kind, found in loads.items()}
            rows.append([f"/{page}", *(f"{medians['ours'][name]:.0f} / {medians['stock'][name]:.0f}"
                                       for name in [*COUNTERS, "elements"])])
            print(" | ".join(rows[-1]), file=sys.stderr, flush=True)
    print(machine_line(started, chromium_version(CHROMIUM)))
    print()
    print(markdown_table(["page", *COUNTERS, "elements"], rows))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", help='pages to load ("returns/", "" for the home page); all by default')
    parser.add_argument("--runs", type=int, default=9, help="loads per page and site; medians count")
    arguments = parser.parse_args()
    main(arguments.pages, arguments.runs)
