"""Lighthouse over every page of the built site, as a shopper's phone would load it, beside stock Material.
Run `make audit`.

The site is built into a temporary folder and served on 127.0.0.1 by a small static server that
gzips text files when the browser accepts it, as GitHub Pages (or any static host) does: Python's
own http.server sends everything uncompressed, which would make the pages look three times heavier
than they are. Lighthouse 12 (node_modules) runs in its default mobile profile (a mid-range phone on
a slow 4G connection, simulated) over each page in turn, and the worst score of each category is
printed with its page. The target is 100 in all four categories on every page.

Plain http on the loopback address is what Chromium and Lighthouse treat as a secure origin, so the
HTTPS audits apply as on the real https:// host; the canonical links keep pointing at site_url,
which Lighthouse accepts (a canonical URL may name another host).

Beside each page, the same page as stock MkDocs + Material builds it: the same content as plain
Markdown (benchmarks/build_speed.py's `make_stock`), with a plain `- search`, no hook, no overrides,
no calculator. Both sites are audited in the same run, taking turns page by page (which goes first
alternates), so that both meet the same machine load. Targets: performance 100 on every page, and each
page's total blocking time within 20 ms of the stock page's (medians of the runs). Each page's scores go to
stderr as it is audited; at the end it prints the tables of docs/measurements.md, then a line per target.

`--throttling devtools` audits with a real slowdown instead (Lighthouse's applied throttling: the CPU
slowed four times and the network throttled in the browser, each task measured as it ran): slower and
noisier, but free of the simulation's choices, such as which script's start-up the first paint waits for.

AUDIT_REPORTS=dir keeps the JSON reports; AUDIT_ARTIFACTS=dir keeps each run's trace and network log
too, for benchmarks/blocking_tasks.mjs, which shows the tasks Lighthouse counted as blocking and why.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import io
import json
import mimetypes
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks")]

from build_speed import make_stock  # noqa: E402
from report import Run, chromium_version, machine_line, markdown_table, node_version, verdict  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TBT_MARGIN_MS = 20  # each page's total blocking time may exceed the stock page's by this much
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files over HTTP/1.1 (kept-alive connections), text gzipped when Accept-Encoding allows."""

    protocol_version = "HTTP/1.1"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript"}

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()  # directories without "/", missing files, images
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@functools.cache
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    mimetypes.add_type("text/javascript", ".js")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def build(site: Path, project: Path = ROOT) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=project, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def stock_project(folder: Path) -> Path:
    """This shop's pages for stock Material: plain Markdown, a plain `- search`, no hook, no overrides, no
    calculator (its forms taken out of the pages, its script and stylesheet never added)."""
    project, _ = make_stock(ROOT, folder)
    for page in (project / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r'<form class="order-check".*?</form>', "", text, flags=re.DOTALL), encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search"]
    del config["extra_css"]  # help-centre.css lives in the overrides, with the custom accent colour
    for palette in config["theme"]["palette"]:
        palette["accent"] = "indigo"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return project


@contextlib.contextmanager
def built_and_served(with_stock: bool = True) -> Iterator[tuple[list[str], dict[str, str]]]:
    """This shop's site ("ours") and, with_stock, the same pages as stock Material builds them ("stock"),
    each built into a temporary folder and served: every page's address, and each site's address."""
    with tempfile.TemporaryDirectory(prefix="help-centre-sites-") as temp:
        folders = {"ours": Path(temp) / "site"}
        build(folders["ours"])
        if with_stock:
            folders["stock"] = Path(temp) / "stock-site"
            build(folders["stock"], stock_project(Path(temp) / "stock"))
        servers = {kind: serve(folder) for kind, folder in folders.items()}
        try:
            yield pages(folders["ours"]), {kind: url for kind, (_, url) in servers.items()}
        finally:
            for server, _ in servers.values():
                server.shutdown()
                server.server_close()


def in_turns(kinds: list[str], run: int) -> list[str]:
    """The sites in the order of one run: which goes first alternates, so both meet the same load."""
    return kinds if run % 2 == 0 else kinds[::-1]


def pages(site: Path) -> list[str]:
    """Every page's address below the site root: "", "returns/", "404.html"."""
    paths = [str(path.relative_to(site)) for path in site.rglob("*.html")]
    return sorted(path.removesuffix("index.html") for path in paths)


def lighthouse(url: str, report: Path, artifacts: Path | None = None, throttling: str = "simulate") -> dict:
    """One Lighthouse run; with `artifacts`, its trace and network log are kept there for
    benchmarks/blocking_tasks.mjs (which tasks counted as blocking, and why)."""
    keep = [f"--gather-mode={artifacts}", f"--audit-mode={artifacts}"] if artifacts else []
    subprocess.run([str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", f"--chrome-flags={CHROME_FLAGS}",
                    f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={report}",
                    f"--throttling-method={throttling}", "--quiet", *keep], check=True)
    return json.loads(report.read_text(encoding="utf-8"))


def shortfalls(result: dict, category: str) -> list[str]:
    """The scored audits of a category that did not get full marks, with Lighthouse's figure."""
    lost = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = result["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            lost.append(f"{ref['id']} {audit['score']:.2f} {audit.get('displayValue', '')}".strip())
    return lost


def median(results: list[dict]) -> dict[str, float]:
    """Each category's median score (0 to 100) and the median total blocking time (ms) of some runs."""
    figures = {name: statistics.median(result["categories"][name]["score"] * 100 for result in results)
               for name in CATEGORIES}
    figures["tbt"] = statistics.median(result["audits"]["total-blocking-time"]["numericValue"] for result in results)
    return figures


def main(only: list[str], runs: int, with_stock: bool, throttling: str = "simulate") -> int:
    """Audit every page, or only the pages named on the command line ("returns/", "" for the home page)."""
    started = Run()
    with (tempfile.TemporaryDirectory(prefix="help-centre-audit-") as temp,
          built_and_served(with_stock) as (all_pages, sites)):
        reports = Path(os.environ.get("AUDIT_REPORTS") or Path(temp) / "reports")  # keep them: AUDIT_REPORTS=dir
        reports.mkdir(parents=True, exist_ok=True)
        traces = os.environ.get("AUDIT_ARTIFACTS")  # traces too, a folder per run: AUDIT_ARTIFACTS=dir
        figures: dict[str, dict[str, dict[str, float]]] = {}
        worst: dict[str, list[str]] = {}
        for page in [page for page in all_pages if not only or page in only]:
            results: dict[str, list[dict]] = {kind: [] for kind in sites}
            name = page.strip("/").replace("/", "-") or "home"
            for run in range(runs):
                for kind in in_turns(list(sites), run):
                    report = reports / f"{kind}-{name}.{run}.json"
                    artifacts = Path(traces) / report.stem if traces else None
                    results[kind].append(lighthouse(sites[kind] + page, report, artifacts, throttling))
            figures[page] = {kind: median(found) for kind, found in results.items()}
            ours = figures[page]["ours"]
            line = "  ".join(f"{category} {ours[category]:.0f}" for category in CATEGORIES)
            line += f"  TBT {ours['tbt']:.0f} ms"
            if "stock" in figures[page]:
                stock = figures[page]["stock"]
                line += f"   | stock: performance {stock['performance']:.0f}  TBT {stock['tbt']:.0f} ms"
            print(f"/{page:<16} {line}", file=sys.stderr, flush=True)
            below = [category for category in CATEGORIES if ours[category] < 100]
            for category in below:  # what the median run in score lost
                middle = sorted(results["ours"], key=lambda result: result["categories"][category]["score"])
                worst.setdefault(page, []).extend(f"{category}: {audit}" for audit in
                                                  shortfalls(middle[runs // 2], category))
            for lost in worst.get(page, []):
                print(f"    {lost}", file=sys.stderr, flush=True)
        software = [chromium_version(CHROMIUM), node_version(),
                    f"Lighthouse {results['ours'][-1]['lighthouseVersion']} ({throttling} throttling)"]
    return report_table(started, figures, runs, software)


def report_table(started: Run, figures: dict[str, dict[str, dict[str, float]]], runs: int,
                 software: list[str]) -> int:
    """The tables of docs/measurements.md (each page beside stock, the targets), then a line per target, met or
    MISSED; 1 if one is missed."""
    with_stock = all("stock" in page for page in figures.values())
    print(machine_line(started, *software, env=["AUDIT_REPORTS", "AUDIT_ARTIFACTS"]))
    print()
    headers = ["page", "performance, ours", "stock", "total blocking time, ours", "stock", "over stock"]
    print(markdown_table(headers if with_stock else ["page", "performance", "total blocking time"],
                         [page_row(page, kinds) for page, kinds in figures.items()]))
    print()
    print(markdown_table(["target", "result"], target_results(figures, runs, with_stock)))
    print()
    missed = any(kinds["ours"][category] < 100 for kinds in figures.values() for category in CATEGORIES)
    if with_stock:
        over = {page: kinds["ours"]["tbt"] - kinds["stock"]["tbt"] for page, kinds in figures.items()}
        page = max(over, key=over.get)
        met = over[page] <= TBT_MARGIN_MS
        missed |= not met
        print(f"{'met   ' if met else 'MISSED'} total blocking time within {TBT_MARGIN_MS} ms of stock Material on "
              f"every page: at most {over[page]:+.0f} ms (/{page})")
    print(f"{'MISSED' if missed else 'met   '} performance, accessibility, best practices and SEO 100 on every page")
    return 1 if missed else 0


def page_row(page: str, kinds: dict[str, dict[str, float]]) -> list[str]:
    """A page's performance and total blocking time (medians), beside stock's when it was audited."""
    ours, stock = kinds["ours"], kinds.get("stock")
    if stock is None:
        return [f"/{page}", f"{ours['performance']:.0f}", f"{ours['tbt']:.0f} ms"]
    return [f"/{page}", f"{ours['performance']:.0f}", f"{stock['performance']:.0f}", f"{ours['tbt']:.0f} ms",
            f"{stock['tbt']:.0f} ms", f"{ours['tbt'] - stock['tbt']:+.0f} ms"]


def target_results(figures: dict[str, dict[str, dict[str, float]]], runs: int, with_stock: bool) -> list[list[str]]:
    """The targets' table: total blocking time beside stock's, performance, the other categories."""
    ours = [kinds["ours"]["performance"] for kinds in figures.values()]
    performance = f"{verdict(min(ours) == 100)}: {span(ours)}"
    if with_stock:
        stock = [kinds["stock"]["performance"] for kinds in figures.values()]
        performance += f"; stock's own pages {span(stock)} in the same run"
    short = [f"{category} {kinds['ours'][category]:.0f} (/{page})" for category in CATEGORIES[1:]
             for page, kinds in figures.items() if kinds["ours"][category] < 100]
    rows = [["performance 100 on every page", performance],
            ["accessibility, best practices, SEO 100", f"**missed**: {', '.join(short)}" if short else
             "**met** on every page"]]
    if not with_stock:
        return rows
    over = [kinds["ours"]["tbt"] - kinds["stock"]["tbt"] for kinds in figures.values()]
    beyond = [value for value in over if value > TBT_MARGIN_MS]
    below = f"{sum(value < 0 for value in over)} of them below stock's"
    result = (f"**missed** on {len(beyond)} of {len(over)} pages ({span(beyond, '+.0f')} ms); met on "
              f"{len(over) - len(beyond)}, {below}" if beyond else f"**met** on every page, {below}")
    return [[f"each page's total blocking time within {TBT_MARGIN_MS} ms of stock's (median of {runs})", result],
            *rows]


def span(values: list[float], form: str = ".0f") -> str:
    """The lowest to the highest of some figures: "98 to 100", or "100" when they are all one."""
    low, high = min(values), max(values)
    return f"{low:{form}}" if low == high else f"{low:{form}} to {high:{form}}"


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", help='pages to audit ("returns/", "" for the home page); all by default')
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and site; medians count")
    parser.add_argument("--no-stock", dest="stock", action="store_false", help="leave out stock Material")
    parser.add_argument("--throttling", choices=["simulate", "devtools"], default="simulate",
                        help="Lighthouse's simulated slowdown (its default) or a real one in the browser")
    arguments = parser.parse_args()
    sys.exit(main(arguments.pages, arguments.runs, arguments.stock, arguments.throttling))
