"""The forgiving search's browser files: the worker that wraps Material's, and the results panel's script.

search/worker.js is written next to Material's search worker and ends by loading it unchanged
(`importScripts`); the pages' config names it instead of Material's (overrides/main.html). search/page.js
and page.css add "Did you mean ...?" and the panel shown when nothing matches. Each is named by a hash of
its content, like the calculator's files, so a cache never mixes an old worker with a new index.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from helpcentre.content.contact import search_email
from helpcentre.publishing.browser_files import hashed_name, without_comment_lines
from helpcentre.reading.words import Words

WORKERS = "assets/javascripts/workers"  # Material's search worker is here; importScripts is relative to it
FOLDER = "assets/search"


@dataclass(frozen=True)
class SearchAssets:
    files: dict[str, str]  # site path -> content
    material_worker: str  # file name of Material's worker, in WORKERS
    worker: str  # file name of ours, in WORKERS
    script: str  # site path of the page script (a module)
    stylesheet: str

    def page_settings(self, shop_name: str, topics: list[tuple[str, str]], said: Words) -> dict[str, object]:
        """What overrides/main.html and help-search.html write into every page for the panel and worker;
        `topics` are the topic pages to browse, as (address from the site's root, title)."""
        subject, body_start, body_end = search_email(shop_name, said)
        return {"material_worker": self.material_worker, "worker": self.worker, "subject": subject,
                "body_start": body_start, "body_end": body_end,
                "topics": [{"url": url, "title": title} for url, title in topics]}


def find_material_worker(theme_dirs: Iterable[str | Path]) -> str:
    """The file name of Material's search worker ("search.a7633da7.min.js") in the theme's folders."""
    for folder in theme_dirs:
        found = sorted((Path(folder) / WORKERS).glob("search.*.min.js"))
        if found:
            return found[0].name
    raise FileNotFoundError(f"Material's search worker ({WORKERS}/search.*.min.js) is not in the theme")


def build_search_assets(source: Path, material_worker: str) -> SearchAssets:
    worker = without_comment_lines((source / "worker.js").read_text(encoding="utf-8"))
    worker += f"\nimportScripts({json.dumps('./' + material_worker)});\n"  # Material's worker, after our listener
    page_js = without_comment_lines((source / "page.js").read_text(encoding="utf-8"))
    page_css = (source / "page.css").read_text(encoding="utf-8")
    worker_name = hashed_name("help-search.js", worker)
    script, stylesheet = f"{FOLDER}/{hashed_name('page.js', page_js)}", f"{FOLDER}/{hashed_name('page.css', page_css)}"
    files = {f"{WORKERS}/{worker_name}": worker, script: page_js, stylesheet: page_css}
    return SearchAssets(files, material_worker, worker_name, script, stylesheet)
