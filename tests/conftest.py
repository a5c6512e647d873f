"""Shared fixtures: a copy of the project with its own policies, built by the real MkDocs."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from helpcentre.reading.words import speaking
from helpcentre.reading.words_file import shipped_words

ROOT = Path(__file__).resolve().parent.parent
# The tests mirror the packages (tests/dates/ for helpcentre.dates, ...), and one package's tests may use
# another's helpers by module name (`from test_accessibility import visit`): every folder is on the path.
sys.path[:0] = [str(folder) for folder in sorted(Path(__file__).parent.iterdir())
                if folder.is_dir() and folder.name not in {"js", "shops"}]
PROJECT_PARTS = ["mkdocs.yml", "policies.yaml", "content", "hooks", "overrides", "calculator", "law", "kit",
                 "search", "words"]
SHOPS = Path(__file__).parent / "shops"
# A small topic file for the content tests: three answers that link to each other, and one more.
PROBLEMS_TOPIC = """title: Problems
summary: Problems.
order: 1
questions:
  - id: damaged-item
    question: Damaged?
    answer: Tell us.
    related: [faulty-item, wrong-item]
  - id: faulty-item
    question: Faulty?
    answer: Tell us.
    related: [damaged-item, wrong-item]
  - id: wrong-item
    question: Wrong?
    answer: Tell us.
    related: [damaged-item, faulty-item]
  - id: lost-item
    question: Lost?
    answer: Tell us.
    related: [damaged-item, faulty-item]
"""
# The program that builds the site: MkDocs, or ProperDocs (the MkDocs 1.x fork) in `make successor-build`.
BUILDER = os.environ.get("HELP_CENTRE_BUILDER", "mkdocs")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's; Playwright cannot download its own here
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run",
                 "--lang=en-US"]  # the order of the date fields' parts (month/day/year, AM/PM) the tests type


def without_columns(error: Exception) -> str:
    """An error's messages with the columns left out (`file:line: key: ...`): the tables check the line."""
    return re.sub(r"^([^\s:]+:\d+):\d+:", r"\1:", str(error), flags=re.MULTILINE)


@dataclass
class Build:
    """The outcome of `mkdocs build --strict` on a project folder."""

    project: Path
    site: Path
    returncode: int
    output: str
    pages: dict[str, BeautifulSoup] = field(default_factory=dict)  # site path -> parsed HTML

    def text(self) -> str:
        """The visible text of every page, whitespace collapsed."""
        return "\n".join(" ".join(page.get_text(" ").split()) for page in self.pages.values())

    def files_text(self) -> str:
        """Every text file of the site, as written (HTML, JavaScript, JSON, XML)."""
        return "\n".join(path.read_text(encoding="utf-8") for path in self.site.rglob("*")
                         if path.suffix in {".html", ".js", ".json", ".xml", ".css", ".txt"})


def copy_project(destination: Path, policies: Path | None = None) -> Path:
    """A copy of the project's sources; `policies` replaces policies.yaml."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    if policies is not None:
        shutil.copy2(policies, destination / "policies.yaml")
    return destination


def copy_shop(destination: Path, shop: Path) -> Path:
    """A copy of the generator with a shop folder (such as examples/us-ropes) at the same place in it, as
    its mkdocs.yml expects; returns the copied shop folder."""
    folder = copy_project(destination) / shop.relative_to(ROOT)
    shutil.copytree(shop, folder, ignore=shutil.ignore_patterns("site", ".site-new"))
    return folder


def build_project(project: Path, env: dict[str, str] | None = None) -> Build:
    """Run the real `mkdocs build --strict` on `project` and parse every page it wrote; `env` is added to
    the environment."""
    site = project / "site"
    result = subprocess.run(
        [sys.executable, "-m", BUILDER, "build", "--strict", "--config-file", "mkdocs.yml", "--site-dir", str(site)],
        cwd=project, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
    )
    built = Build(project, site, result.returncode, result.stdout + result.stderr)
    if site.exists():
        for path in sorted(site.rglob("*.html")):
            built.pages[str(path.relative_to(site))] = BeautifulSoup(path.read_text(encoding="utf-8"),
                                                                     "html.parser")
    return built


def build_shop(tmp_path_factory: pytest.TempPathFactory, name: str, policies: Path | None) -> Build:
    built = build_project(copy_project(tmp_path_factory.mktemp(name), policies))
    assert built.returncode == 0, built.output
    return built


EXAMPLES = ROOT / "examples"  # the reference shops, each a shop folder (mkdocs.yml, policies.yaml, content/)


def build_example(tmp_path_factory: pytest.TempPathFactory, name: str) -> Build:
    """A reference shop of examples/, built as `make build SHOP=examples/<name>` builds it."""
    built = build_project(copy_shop(tmp_path_factory.mktemp(name), EXAMPLES / name))
    assert built.returncode == 0, built.output
    return built


@pytest.fixture
def british_words() -> Iterator[None]:
    """British English in use, for a test that calls the code below the checking pass directly: outside a build,
    the code refuses to write a sentence in no shop's words."""
    with speaking(shipped_words()):
        yield


@pytest.fixture(scope="session")
def us_ropes_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_example(tmp_path_factory, "us-ropes")


@pytest.fixture(scope="session")
def nl_books_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_example(tmp_path_factory, "nl-books")


@pytest.fixture(scope="session")
def us_ropes_url(us_ropes_site: Build) -> Iterator[str]:
    yield from serve(us_ropes_site.site)


@pytest.fixture(scope="session")
def nl_books_url(nl_books_site: Build) -> Iterator[str]:
    yield from serve(nl_books_site.site)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The repository's own help centre, built once for the session."""
    return build_shop(tmp_path_factory, "jjsart", None)


@pytest.fixture(scope="session")
def search_index(site: Build) -> dict:
    """The built site's search index (search/search_index.json), read once: tests read it, never change it."""
    return json.loads((site.site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def mutated_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The same content with every policy value changed."""
    return build_shop(tmp_path_factory, "mutated", SHOPS / "mutated.yaml")


@pytest.fixture(scope="session")
def second_shop(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Another shop's policies with the same content."""
    return build_shop(tmp_path_factory, "second", SHOPS / "second-shop.yaml")


# The site in a real browser -------------------------------------------------------------------------

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(folder: Path) -> Iterator[str]:
    """The folder over HTTP on 127.0.0.1, on a free port; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def previewing(project: Path) -> Iterator[str]:
    """`mkdocs serve` (what `make serve` runs) in `project`, on a free port; yields its address. On the way
    out, the preview must not have printed a traceback."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    address, deadline = f"http://127.0.0.1:{port}/", time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(address, timeout=5).close()
            break
        except (urllib.error.URLError, ConnectionError):
            assert server.poll() is None and time.monotonic() < deadline, "the preview did not start"
            time.sleep(0.3)
    try:
        yield address
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[1]
        assert "Traceback" not in log, log


@pytest.fixture(scope="session")
def site_url(site: Build) -> Iterator[str]:
    yield from serve(site.site)


@pytest.fixture(scope="session")
def mutated_url(mutated_site: Build) -> Iterator[str]:
    yield from serve(mutated_site.site)


def close_context(context: BrowserContext) -> None:
    """Close a browser context once its route handlers in flight have finished. A handler still running
    (a slow route.fetch on a busy machine) would fail on the closed context, and Playwright raises a
    handler's error from the next call it is given, wherever that is: the next browser test's setup."""
    context.unroute_all(behavior="wait")
    context.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
