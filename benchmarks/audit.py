"""Lighthouse over every page of the built site, as a shopper's phone would load it. Run `make audit`.

The site is built into a temporary folder and served on 127.0.0.1 by a small static server that
gzips text files when the browser accepts it, as GitHub Pages (or any static host) does: Python's
own http.server sends everything uncompressed, which would make the pages look three times heavier
than they are. Lighthouse 12 (node_modules) runs in its default mobile profile (a mid-range phone on
a slow 4G connection, simulated) over each page in turn, and the worst score of each category is
printed with its page. The target is 100 in all four categories on every page.

Plain http on the loopback address is what Chromium and Lighthouse treat as a secure origin, so the
HTTPS audits apply as on the real https:// host; the canonical links keep pointing at site_url,
which Lighthouse accepts (a canonical URL may name another host).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import mimetypes
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
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


def build(site: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def pages(site: Path) -> list[str]:
    """Every page's address below the site root: "", "returns/", "404.html"."""
    paths = [str(path.relative_to(site)) for path in site.rglob("*.html")]
    return sorted(path.removesuffix("index.html") for path in paths)


def lighthouse(url: str, report: Path) -> dict:
    subprocess.run([str(LIGHTHOUSE), url, f"--chrome-path={CHROMIUM}", f"--chrome-flags={CHROME_FLAGS}",
                    f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={report}",
                    "--quiet"], check=True)
    return json.loads(report.read_text(encoding="utf-8"))


def shortfalls(result: dict, category: str) -> list[str]:
    """The scored audits of a category that did not get full marks, with Lighthouse's figure."""
    lost = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = result["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            lost.append(f"{ref['id']} {audit['score']:.2f} {audit.get('displayValue', '')}".strip())
    return lost


def median_run(url: str, report: Path, runs: int) -> dict:
    """Lighthouse `runs` times; the run with the median performance score (Lighthouse's own advice for
    figures to report: one run of the performance audit varies by a point or two with the machine's load)."""
    results = [lighthouse(url, report.with_suffix(f".{run}.json") if runs > 1 else report) for run in range(runs)]
    return sorted(results, key=lambda result: result["categories"]["performance"]["score"])[runs // 2]


def main(only: list[str], runs: int) -> int:
    """Audit every page, or only the pages named on the command line ("returns/", "" for the home page)."""
    with tempfile.TemporaryDirectory(prefix="help-centre-audit-") as temp:
        site = Path(temp) / "site"
        reports = Path(os.environ.get("AUDIT_REPORTS") or Path(temp) / "reports")  # keep them: AUDIT_REPORTS=dir
        reports.mkdir(parents=True, exist_ok=True)
        build(site)
        server, base = serve(site)
        scores: dict[str, dict[str, int]] = {}
        try:
            for page in [page for page in pages(site) if not only or page in only]:
                result = median_run(base + page, reports / f"{page.strip('/').replace('/', '-') or 'home'}.json", runs)
                scores[page] = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
                print(f"/{page:<16} " + "  ".join(f"{name} {score}" for name, score in scores[page].items()),
                      flush=True)
                for name in CATEGORIES:
                    for audit in shortfalls(result, name) if scores[page][name] < 100 else []:
                        print(f"    {name}: {audit}", flush=True)
        finally:
            server.shutdown()
            server.server_close()
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.split()
        versions = f"Lighthouse {result['lighthouseVersion']}, {' '.join(chromium[:2])}"
    print(f"\nworst score per category, {len(scores)} pages, {versions}, mobile profile"
          + (f", median of {runs} runs:" if runs > 1 else ":"))
    below = False
    for name in CATEGORIES:
        page = min(scores, key=lambda page: scores[page][name])
        below |= scores[page][name] < 100
        print(f"  {name:<15} {scores[page][name]:>3}  /{page}")
    return 1 if below else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", help='pages to audit ("returns/", "" for the home page); all by default')
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median run counts")
    arguments = parser.parse_args()
    sys.exit(main(arguments.pages, arguments.runs))
