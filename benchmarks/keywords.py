"""Count the questions' keywords (content/*.yml) and find those the forgiving search no longer needs.

A keyword is redundant when the search reads it the same as another keyword of its question, and
only because of the stemmer or the typo correction (two keywords that differ only in small words, "cancel
my order" and "cancel order", were alike before: they are left as they are):

- word forms: once the small words are dropped and each word is stemmed ("returns" and "return", "how
  long can i return" and "how long to return");
- typos: once a misspelt word of five letters or more, found in no question or answer, is corrected
  to the word the search worker would choose without it ("retrun" -> "return").

Builds the site in a temporary folder (the vocabulary is the index's) and prints the count and the
redundant keywords; `--prune` removes them from the `keywords:` lines of content/*.yml, nothing else.

    .venv/bin/python benchmarks/keywords.py [--prune]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "search"), str(ROOT / "hooks")]

from material_search import Lexicon, split_words, stem  # noqa: E402

from conftest import build_project, copy_project  # noqa: E402
from helpcentre.content.topics import load_topics  # noqa: E402
from helpcentre.search.index import ZERO_WIDTH_SPACE  # noqa: E402

_KEYWORDS = re.compile(r"^(?P<indent> *)keywords: \[(?P<items>[^\]]*)\]\n", re.MULTILINE)
WIDTH = 120


def redundant_keywords(index: dict) -> dict[str, list[str]]:
    """Question id -> its keywords that read the same as one of its other keywords."""
    separator = re.compile(index["config"]["separator"])
    vocabulary = index["config"]["vocabulary"]
    shown = {word for doc in index["docs"] if not doc["title"].startswith(ZERO_WIDTH_SPACE)
             for word in split_words(f"{doc['title']} {doc['text']}", separator)}

    def reading(keyword: str) -> tuple[str, ...]:
        words = []
        for word in split_words(keyword, separator):
            if word not in shown and (meant := Lexicon.of([w for w in vocabulary if w != word]).meant_word(word)):
                word = meant
            words.append(stem(word))
        return tuple(words)

    found = {}
    for topic in load_topics(ROOT / "content"):
        for question in topic.questions:
            kept: set[tuple[str, ...]] = set()
            kept_as_written: set[tuple[str, ...]] = set()
            for keyword in question.keywords:
                read, as_written = reading(keyword), tuple(split_words(keyword, separator))
                if read in kept and as_written not in kept_as_written:
                    found.setdefault(question.id, []).append(keyword)
                kept.add(read)
                kept_as_written.add(as_written)
    return found


def prune(text: str, redundant: set[str]) -> str:
    """A topic file's text with the redundant keywords taken out of its `keywords: [...]` lines."""
    def rewrite(match: re.Match[str]) -> str:
        items = [item.strip() for item in match["items"].split(",") if item.strip()]
        kept = [item for item in items if item not in redundant]
        if kept == items:
            return match[0]
        indent = match["indent"]
        lines, line = [], f"{indent}keywords: ["
        for n, item in enumerate(kept):
            piece = item + ("," if n < len(kept) - 1 else "]")
            if len(line) + 1 + len(piece) > WIDTH and not line.endswith("["):
                lines.append(line)
                line = f"{indent}           {piece}"
            else:
                line += piece if line.endswith("[") else f" {piece}"
        return "\n".join([*lines, line]) + "\n"
    return _KEYWORDS.sub(rewrite, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prune", action="store_true", help="remove them from content/*.yml")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        built = build_project(copy_project(Path(folder)))
        if built.returncode != 0:
            raise SystemExit(built.output)
        index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    topics = load_topics(ROOT / "content")
    total = sum(len(question.keywords) for topic in topics for question in topic.questions)
    found = redundant_keywords(index)
    count = sum(len(keywords) for keywords in found.values())
    print(f"{total} keywords in {sum(len(topic.questions) for topic in topics)} questions; "
          f"{count} read the same as another keyword of their question:")
    for qid, keywords in found.items():
        print(f"  {qid}: {', '.join(keywords)}")
    if args.prune:
        ids = {question.id: topic for topic in topics for question in topic.questions}
        for qid, keywords in found.items():
            path = ROOT / "content" / f"{ids[qid].slug}.yml"
            text = path.read_text(encoding="utf-8")
            block = _question_block(text, qid)
            path.write_text(text.replace(block, prune(block, set(keywords)), 1), encoding="utf-8")
        print(f"pruned: {total - count} keywords left")


def _question_block(text: str, qid: str) -> str:
    """The lines of one question in a topic file, from its `- id:` to the next question."""
    start = re.search(rf"^ *- id: {re.escape(qid)}\n", text, re.MULTILINE)
    end = re.compile(r"^ *- id: ", re.MULTILINE).search(text, start.end())
    return text[start.start():end.start() if end else len(text)]


if __name__ == "__main__":
    main()
