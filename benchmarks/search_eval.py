"""Search measured on shoppers' questions: the tuned help centre against stock Material for MkDocs.

Builds the project twice into a temporary folder: as it is (tuned), and with stock search settings
(a plain `- search` in mkdocs.yml: no keywords, Material's own separator, boosts and worker, one result
per page). Runs every question of tests/search/search_questions.yml, and the four sets made from them
(tests/search/search_variants.py: word forms, one-edit misspellings, terse and conversational forms, the
latter also in wrapping words the search does not drop),
through each site's real search in headless Chromium, and through the same index offline with lunr, and
prints the share of questions answered by the first result and within the first three, as the
table in docs/measurements.md; then, for the
queries it has no answer for (tests/search/search_no_answer.yml), the share that shows no result at all
(the help centre's no-result panel). A result answers a question when it links to one of the
question's expected answers (tests/search/material_search.py explains what a result is).

    .venv/bin/python benchmarks/search_eval.py            # browser and lunr
    .venv/bin/python benchmarks/search_eval.py --offline  # lunr only, a second or two
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "search"), str(ROOT / "hooks")]

from material_search import (  # noqa: E402
    BrowserSearch,
    EvalQuestion,
    Figures,
    MaterialSearch,
    landings,
    load_eval_questions,
    load_no_answer_queries,
    measure,
)
from report import Run, chromium_version, machine_line, markdown_table  # noqa: E402
from search_variants import (  # noqa: E402
    OTHER_FRAMES,
    conversational_forms,
    misspellings,
    terse_forms,
    word_forms,
)

from conftest import CHROMIUM, build_project, copy_project  # noqa: E402
from helpcentre.content.topics import load_topics  # noqa: E402

STOCK_SEARCH = "  - search\n"


def use_stock_search(project: Path) -> None:
    """Replace the search plugin's settings in a project copy's mkdocs.yml with Material's defaults."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    stock, count = re.subn(r"^  - search:\n(?:(?:    .*)?\n)*", STOCK_SEARCH, text, flags=re.MULTILINE)
    if count != 1:
        raise SystemExit("mkdocs.yml: could not find the search plugin's settings")
    config.write_text(stock, encoding="utf-8")


def build(folder: Path, stock: bool) -> Path:
    folder.mkdir()
    project = copy_project(folder)
    if stock:
        use_stock_search(project)
    built = build_project(project)
    if built.returncode != 0:
        raise SystemExit(built.output)
    return built.site


def no_result_share(site: Path, queries: list[str], browser: bool) -> dict[str, float]:
    """The share of the queries that show no result, offline and (if asked) in the browser."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    offline = MaterialSearch(index)
    shares = {"lunr": sum(not offline.visible_links(q) for q in queries) / len(queries)}
    if browser:
        with BrowserSearch.open(site) as search:
            shares["browser"] = sum(not search.visible_links(q) for q in queries) / len(queries)
    return shares


def run(site: Path, questions: list[EvalQuestion], ids: list[str], browser: bool) -> dict[str, Figures]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    offline = MaterialSearch(index)
    figures = {"lunr": measure(questions, [landings(offline.visible_links(q.query), ids) for q in questions])}
    if browser:
        with BrowserSearch.open(site) as search:
            found = [landings(search.visible_links(q.query), ids) for q in questions]
        figures["browser"] = measure(questions, found)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offline", action="store_true", help="lunr only, no browser")
    args = parser.parse_args()

    started = Run()
    topics = load_topics(ROOT / "content")
    ids = [question.id for topic in topics for question in topic.questions]
    keywords = {keyword.lower() for topic in topics for question in topic.questions for keyword in question.keywords}
    questions = load_eval_questions()
    unseen = [q for q in questions if q.query.lower() not in keywords]

    rows = []
    with tempfile.TemporaryDirectory() as folder:
        sites = {name: build(Path(folder) / name.split()[0], stock)
                 for name, stock in (("tuned", False), ("stock Material", True))}
        index = json.loads((sites["tuned"] / "search" / "search_index.json").read_text(encoding="utf-8"))
        forms, typos = word_forms(questions), misspellings(questions, index["config"]["vocabulary"])
        terse, talk = terse_forms(questions), conversational_forms(questions)
        other_talk = conversational_forms(questions, OTHER_FRAMES)
        subsets = {f"shoppers' questions, all {len(questions)}": questions,
                   f"shoppers' questions, the {len(unseen)} not written as a keyword": unseen,
                   f"word forms, {len(forms)}": forms, f"one-edit misspellings, {len(typos)}": typos,
                   f"terse forms, {len(terse)}": terse, f"conversational forms, {len(talk)}": talk,
                   f"conversational forms in other words, {len(other_talk)}": other_talk}
        no_answer = load_no_answer_queries()
        empty = {name: no_result_share(site, no_answer, not args.offline) for name, site in sites.items()}
        misses = {}
        for name, site in sites.items():
            for subset, chosen in subsets.items():
                figures = run(site, chosen, ids, not args.offline)
                rows.append((name, subset, figures))
                if name == "tuned" and chosen is not unseen:
                    misses[subset] = figures.get("browser", figures["lunr"]).misses

    software = [] if args.offline else [chromium_version(CHROMIUM)]
    print(machine_line(started, *software, f"Material for MkDocs {version('mkdocs-material')}"))
    print()
    print(markdown_table(
        ["search", "questions", "first result (Chromium)", "within first three (Chromium)", "first (lunr)",
         "within three (lunr)"],
        [[name, subset, *shares(figures)] for name, subset, figures in rows]))
    print(f"\nNo result shown for the {len(no_answer)} queries without an answer (search_no_answer.yml):")
    for name, share in empty.items():
        browser = f" browser {share['browser']:.0%}," if "browser" in share else ""
        print(f"  {name}:{browser} lunr {share['lunr']:.0%}")
    for subset, missed in misses.items():
        print(f"\nTuned, {subset}: not answered within the first three:")
        for query, found in missed:
            print(f"  {query!r}: {', '.join(q or 'a page' for q in found) or 'no results'}")


def shares(figures: dict[str, Figures]) -> list[str]:
    """A row's four cells: answered first and within three in Chromium ("-" when not run), then with lunr."""
    cells = []
    for kind in ("browser", "lunr"):
        found = figures.get(kind)
        cells += [f"{found.first:.0%}", f"{found.top3:.0%}"] if found else ["-", "-"]
    return cells


if __name__ == "__main__":
    main()
