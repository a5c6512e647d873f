"""Search tuned for shoppers: each question its own result, found by the words shoppers use.

Plain functions over the search index that Material's search plugin writes to
search/search_index.json: {"config": {"separator", "pipeline", "fields", ...}, "docs": [{"location",
"title", "text", "boost"?}, ...]}. Material's search worker groups the entries of one page into one
result, headed by the page; `tune_search_index` makes each question an entry of its own, with the
question's keywords in a field of their own, so that a search lands on the answer.

The tuning is on when the search plugin in mkdocs.yml declares the `keywords` field; with stock
settings (`- search`) the index stays as Material wrote it, which is what benchmarks/search_eval.py
compares against.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .content import Question, Topic

KEYWORDS_FIELD = "keywords"
# Home page, calculator page and topic introductions still come up, but below the answers.
OTHER_PAGES_BOOST = 0.5
_APOSTROPHE_WORD = re.compile(r"\b\w+'\w+\b")
_TAG = re.compile(r"<[^>]*>")
_CHECK_FORM = '<form class="order-check"'


def is_tuned(fields: Mapping[str, Any]) -> bool:
    """Whether the search plugin's `fields` ask for the tuned index."""
    return KEYWORDS_FIELD in fields


def exclude_checks_from_search(html: str) -> str:
    """Keep the calculator's forms (field labels, 250 country names) out of the search index."""
    return html.replace(_CHECK_FORM, f"{_CHECK_FORM[:5]} data-search-exclude{_CHECK_FORM[5:]}")


def tune_search_index(index: dict[str, Any], topics: Sequence[Topic]) -> dict[str, Any]:
    """The index with each question as its own result and its keywords indexed; unchanged if not tuned."""
    if not is_tuned(index["config"]["fields"]):
        return index
    questions = {(topic.slug, question.id): question for topic in topics for question in topic.questions}
    docs, found = [], set()
    for doc in index["docs"]:
        key = _question_key(doc["location"])
        if key in questions:
            docs.append(question_entry(doc, questions[key]))
            found.add(key)
        else:
            docs.append({**doc, "boost": doc.get("boost", 1) * OTHER_PAGES_BOOST})
    missing = [f"{slug}#{qid}" for slug, qid in questions if (slug, qid) not in found]
    if missing:
        raise ValueError(f"questions missing from the search index: {', '.join(missing)}")
    return {**index, "docs": docs}


def _question_key(location: str) -> tuple[str, str] | None:
    """(topic slug, question id) of an index location such as "returns/#return-window"."""
    parts = urlsplit(location)
    if not parts.fragment:
        return None
    page = parts.path.rstrip("/").removesuffix(".html").removesuffix("/index")
    return page.rsplit("/", 1)[-1], parts.fragment


def question_entry(doc: Mapping[str, Any], question: Question) -> dict[str, Any]:
    """One question as a result of its own, linking to its anchor.

    Material groups entries by the part of the location before "#", so each question gets a path
    of its own: "returns/?h=return-window#return-window". The worker replaces `h` with the words
    that matched (its search.highlight), so the link a shopper follows is the usual one.
    """
    path, _, anchor = doc["location"].partition("#")
    return {
        **doc,
        "location": f"{path}?h={anchor}#{anchor}",
        KEYWORDS_FIELD: search_keywords(question.keywords, [doc["title"], doc["text"]]),
    }


def search_keywords(keywords: Iterable[str], shown: Iterable[str]) -> list[str]:
    """What the question's `keywords` field holds: its keywords, then the words it shows that have an
    apostrophe, written without it as shoppers type them ("didnt"), which a prefix search cannot reach."""
    words = list(dict.fromkeys(keyword.lower() for keyword in keywords))
    for text in shown:
        for word in _APOSTROPHE_WORD.findall(_TAG.sub(" ", text).lower()):
            bare = word.replace("'", "")
            if bare not in words:
                words.append(bare)
    return words


def rewrite_search_index(path: Path, topics: Sequence[Topic]) -> None:
    """Tune the search index file Material's search plugin wrote (see `tune_search_index`)."""
    index = json.loads(path.read_text(encoding="utf-8"))
    tuned = tune_search_index(index, topics)
    if tuned is not index:
        path.write_text(json.dumps(tuned, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
