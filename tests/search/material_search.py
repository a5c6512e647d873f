"""Material for MkDocs' search, run offline with the lunr Python package, and the search evaluation.

Material's search worker (material/templates/assets/javascripts/workers/search.*.js, lunr.js 2.3.9)
builds a lunr index from search/search_index.json and ranks results in a few steps of its own.
`MaterialSearch` repeats each of them over the same index file, so that a unit test can measure
the search without a browser:

1. Tokenizing: markup is skipped, text is split with the index's `separator` and lowercased; the
   index's `pipeline` (Material's default: the stop word filter only) runs over the tokens.
2. Indexing: one lunr field per entry of `config.fields`, with its boost; `b` is 0 (no length
   normalisation); a document's `boost` multiplies its scores.
3. The query: split with the separator, and every word becomes a prefix search (`word*`), which
   skips the pipeline (no stemming, no stop word removal on the query). When the index has a
   vocabulary, the help centre's worker (search/worker.js) has read the query first: typos
   corrected and words stemmed (`read_query`, the same rules).
4. Re-scoring: a result's score is multiplied by 1 + boost², where boost is 1 for a page (a
   location without "#", or the first entry of its path) plus the share of the query's words it
   matched. With the help centre's worker, a group none of whose entries matched two of the query's
   words (or its one word) is left out (`strong_match`).
5. Grouping: results are grouped by page, a group in the order of its best result. A group is one
   box in the result list: the page's link, then its best sections; its other sections are folded
   away under "N more on this page".

`visible_links` returns what the shopper sees: the links of each box, folded ones left out.
tests/search/test_search_browser.py checks the same figures against the real worker in Chromium.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

import yaml
from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.stop_word_filter import stop_word_filter
from lunr.trimmer import trimmer

from helpcentre.search.stemmer import stem

if TYPE_CHECKING:
    from playwright.sync_api import Page

QUESTIONS_FILE = Path(__file__).parent / "search_questions.yml"
NO_ANSWER_FILE = Path(__file__).parent / "search_no_answer.yml"  # queries the help centre cannot answer
LANDINGS_FILE = Path(__file__).parent / "search_landings.yml"  # queries whose first result must be one answer
_TAG = re.compile(r"<[^>]*>")


def stemmer(token, i=None, tokens=None):
    """lunr.js's stemmer as a pipeline function (the lunr package's stems differently: helpcentre.search.stemmer)."""
    return token.update(lambda word, metadata: stem(word))


Pipeline.register_function(stemmer, "jsStemmer")
_PIPELINE = {"trimmer": trimmer, "stopWordFilter": stop_word_filter, "stemmer": stemmer}


@dataclass(frozen=True)
class EvalQuestion:
    query: str
    answers: tuple[str, ...]  # question ids; any of them answers the query


def load_eval_questions(path: Path = QUESTIONS_FILE) -> list[EvalQuestion]:
    return [EvalQuestion(item["q"], tuple(item["answers"])) for item in yaml.safe_load(path.read_text("utf-8"))]


def load_no_answer_queries(path: Path = NO_ANSWER_FILE) -> list[str]:
    return list(yaml.safe_load(path.read_text("utf-8")))


def load_landings(path: Path = LANDINGS_FILE) -> list[tuple[str, str]]:
    """(query, the answer its first result must be)."""
    return [(item["q"], item["answer"]) for item in yaml.safe_load(path.read_text("utf-8"))]


def split_words(text: str, separator: re.Pattern[str]) -> list[str]:
    """Material's tokenizer: markup skipped, text split with the separator, lowercased."""
    words = []
    for block in _TAG.split(text):
        words.extend(word.lower() for word in separator.split(block) if word)
    return words


# The help centre's worker (search/worker.js), rule for rule -------------------------------------------

TYPO_MIN_LENGTH = 5
MIN_MATCHED_WORDS = 2  # search/worker.js: a result matches every word of a shorter query, or this many
QUESTION_WORDS = {"what", "when", "where", "which", "who", "whom", "whose", "why", "how"}  # searched whole
QUESTION_WORD_WEIGHT = 3
_WHOLE = re.compile(r"[~^]\d+$")  # a term Material leaves as it is (no prefix search): boosted or fuzzy
_LOWER_WORD = re.compile(r"[a-z]+")
_QUERY_WORD = re.compile(r"(?:[^\W_]|')+")
_DOUBLES = re.compile(r"[^aeiou][aeiou][^aeiouwxy]$")  # "cancel" -> "cancelled"


def strong_match(matched: int, words: int) -> bool:
    """Whether a result that matched `matched` of the query's `words` is shown (search/worker.js)."""
    return matched >= min(words, MIN_MATCHED_WORDS) if words else False


def one_edit_apart(a: str, b: str) -> bool:
    """Whether `a` becomes `b` by one edit: a letter missing, extra or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i:i + 1] == b[i + 1:i + 2] and a[i + 1:i + 2] == b[i:i + 1]
                                          and a[i + 2:] == b[i + 2:])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


@dataclass(frozen=True)
class Lexicon:
    """The index's vocabulary (most frequent word first) and each word's stem."""

    words: tuple[str, ...]
    stems: tuple[str, ...]

    @classmethod
    def of(cls, vocabulary: Sequence[str]) -> Lexicon:
        return cls(tuple(vocabulary), tuple(stem(word) for word in vocabulary))

    def meant_word(self, word: str) -> str | None:
        """The vocabulary word a typed word of five letters or more was meant to be; None if known."""
        if len(word) < TYPO_MIN_LENGTH or not _LOWER_WORD.fullmatch(word) or word in self.words:
            return None
        if any(known.startswith(word) for known in self.words):
            return None
        stemmed = stem(word)
        if any(known.startswith(stemmed) for known in self.stems):
            return None
        near = [known for known in self.words if one_edit_apart(word, known)]
        near.sort(key=len, reverse=True)  # a letter left out first (the commonest typo), as search/worker.js
        return near[0] if near else next((form for form in self.word_forms if one_edit_apart(word, form)), None)

    @cached_property
    def word_forms(self) -> list[str]:
        """The -s, -ed and -ing forms of the vocabulary's words and their stems that it does not hold."""
        known = set(self.words)
        forms: dict[str, None] = {}
        for word in (word for pair in zip(self.words, self.stems, strict=True) for word in pair):  # "leaking", "leak"
            base = word[:-1] if word.endswith("e") else word
            doubled = word + word[-1] if _DOUBLES.search(word) else None
            endings = [word + "s", base + "ed", base + "ing", *([doubled + "ed", doubled + "ing"] if doubled else [])]
            for form in endings:
                if form not in known:
                    forms.setdefault(form)
        return list(forms)

    def search_term(self, word: str) -> str:
        """A word's stem; a word still being typed keeps the part its stem shares with the words it starts."""
        stemmed = stem(word)
        if word in self.words:
            return stemmed
        shared = [os.path.commonprefix([word, self.stems[n]]) for n, known in enumerate(self.words)
                  if known.startswith(word)]
        term = min(shared, key=len) if shared else ""
        return term or stemmed


class ReadQuery(NamedTuple):
    search: str
    corrections: tuple[tuple[str, str], ...]  # (typed, meant)


def read_query(query: str, separator: re.Pattern[str], lexicon: Lexicon) -> ReadQuery:
    """A shopper's query as the worker reads it: the query to search, and the typos it corrected."""
    terms, corrections = [], []
    for typed in separator.split(query):
        if not typed:
            continue
        word = typed.lower()
        if not _QUERY_WORD.fullmatch(word):
            terms.append(word)
            continue
        if (meant := lexicon.meant_word(word)) is not None:
            corrections.append((typed, meant))
            word = meant
        terms.append(f"{stem(word)}^{QUESTION_WORD_WEIGHT}" if word in QUESTION_WORDS else lexicon.search_term(word))
    return ReadQuery(" ".join(terms), tuple(corrections))


class MaterialSearch:
    """The search index of a built site, ranked the way Material's worker ranks it."""

    def __init__(self, index: dict):
        config, docs = index["config"], index["docs"]
        self.separator = re.compile(config["separator"])
        self.lexicon = Lexicon.of(config["vocabulary"]) if "vocabulary" in config else None
        self.docs = {doc["location"]: doc for doc in docs}
        self.parent: dict[str, str | None] = {}
        first_of_path: dict[str, str] = {}
        for doc in docs:
            path = doc["location"].split("#")[0]
            self.parent[doc["location"]] = first_of_path.get(path)
            first_of_path.setdefault(path, doc["location"])

        builder = Builder()
        for name in config["pipeline"]:
            builder.pipeline.add(_PIPELINE[name])
        if "stemmer" in config["pipeline"]:
            builder.search_pipeline.add(stemmer)
        builder.b(0)
        builder.ref("location")
        for name, spec in config["fields"].items():
            builder.field(name, boost=spec.get("boost", 1), extractor=self._extractor(name))
        for doc in docs:
            builder.add(doc, {"boost": doc["boost"]} if "boost" in doc else None)
        self.index = builder.build()

    def _extractor(self, name: str):
        def extract(doc: dict) -> list[str] | None:
            value = doc.get(name)
            if value is None:
                return None
            texts = value if isinstance(value, list) else [value]
            return [word for text in texts for word in split_words(str(text), self.separator)]
        return extract

    def query_terms(self, query: str) -> list[str]:
        """The words of a query as Material's worker searches them (each a prefix)."""
        return [word for word in self.separator.split(query.strip()) if word and word.strip("*+-:^~")]

    def search(self, query: str) -> list[list[tuple[str, float]]]:
        """Result boxes, best first; each box is [(location, score)], the page first."""
        if self.lexicon is not None:
            query = read_query(query, self.separator, self.lexicon).search
        clauses = [term.lower().strip("*") for term in self.query_terms(query)]
        if not clauses:
            return []
        terms = [_WHOLE.sub("", clause) for clause in clauses]
        endings = [whole[0] if (whole := _WHOLE.search(clause)) else "*" for clause in clauses]
        escaped = " ".join(re.sub(r"([:^~*+\-\\])", r"\\\1", term) + ending
                           for term, ending in zip(terms, endings, strict=True))
        scored, shares = [], {}
        for result in self.index.search(escaped):
            location = result["ref"]
            matched = list(result["match_data"].metadata)
            found = {}
            for term in terms:
                if any(word.startswith(term) for word in matched):
                    found[term] = True
                elif stop_word_filter(term):
                    found.setdefault(term, False)
            share = sum(found.values()) / len(found) if found else 0
            boost = (self.parent[location] is None) + share
            scored.append((location, result["score"] * (1 + boost ** 2)))
            shares[location] = (sum(found.values()), len(found))
        scored.sort(key=lambda item: -item[1])
        groups: dict[str, list[tuple[str, float]]] = {}
        for location, score in scored:
            parent = self.parent[location]
            groups.setdefault(location if parent is None else parent, []).append((location, score))
        for page, items in groups.items():
            if all(location != page for location, _ in items):
                items.append((page, 0.0))
        if self.lexicon is not None:  # the help centre's worker leaves the weak matches out
            groups = {page: items for page, items in groups.items()
                      if any(strong_match(*shares.get(location, (0, 0))) for location, _ in items)}
        return [self._box(items) for items in groups.values()]

    @staticmethod
    def _box(items: list[tuple[str, float]]) -> list[tuple[str, float]]:
        """The order Material renders a group in: the page, then sections; see renderSearchResultItem."""
        threshold = items[0][1]
        docs = list(items)
        page = next((n for n, (location, _) in enumerate(docs) if "#" not in location), len(docs) - 1)
        article = docs.pop(page)
        best = [doc for doc in docs[:next((n for n, d in enumerate(docs) if d[1] < threshold), len(docs))]]
        return [article, *best]

    def visible_links(self, query: str) -> list[list[str]]:
        """The links a shopper sees for a query, box by box (sections folded away left out)."""
        return [[site_location(location) for location, _ in box] for box in self.search(query)]


# What a result answers --------------------------------------------------------------------------

def site_location(location: str) -> str:
    """Where a result's link leads, without its query: "returns/?h=return-window#return-window" is
    "returns/#return-window"."""
    parts = urlsplit(location)
    return f"{parts.path}#{parts.fragment}" if parts.fragment else parts.path


def question_of(location: str, question_ids: Iterable[str]) -> str | None:
    """The question a result link lands on, or None for a page or a section that is not a question."""
    fragment = urlsplit(location).fragment
    return fragment if fragment in set(question_ids) else None


def landings(boxes: Sequence[Sequence[str]], question_ids: Iterable[str]) -> list[str | None]:
    """Where each result box lands a shopper: the first question it links to, None for a box without one.

    A box of stock Material is a page: its first link goes to the top of the page, the next ones (the
    page's best sections) to questions. A box of the tuned search is one question under its topic.
    """
    ids = set(question_ids)
    return [next((q for q in (question_of(location, ids) for location in box) if q), None) for box in boxes]


@dataclass(frozen=True)
class Figures:
    first: float  # share of queries whose first result answers them
    top3: float  # share of queries answered within the first three results
    misses: tuple[tuple[str, tuple[str | None, ...]], ...]  # queries not answered in the first three

    def __str__(self) -> str:
        return f"first {self.first:.0%}, top 3 {self.top3:.0%}"


def measure(questions: Sequence[EvalQuestion], results: Sequence[Sequence[str | None]]) -> Figures:
    """Score each query's results (question ids in reading order) against the expected answers."""
    first = top3 = 0
    misses = []
    for question, found in zip(questions, results, strict=True):
        first += bool(found) and found[0] in question.answers
        hit = any(q in question.answers for q in found[:3])
        top3 += hit
        if not hit:
            misses.append((question.query, tuple(found[:3])))
    return Figures(first / len(questions), top3 / len(questions), tuple(misses))


# The real search, in Chromium ----------------------------------------------------------------------

PLACEHOLDER = "Type to start searching"  # Material's text for an empty search box
INITIALIZING = "Initializing search"


class BrowserSearch:
    """Material's own search box on a page of the built site, reused for every query."""

    def __init__(self, page: Page, base: str):
        self.page, self.base = page, base
        page.goto(base)
        self.box = page.locator("input.md-search__input")
        self.box.click()

    @classmethod
    @contextmanager
    def open(cls, site: Path) -> Iterator[BrowserSearch]:
        """A browser of its own on the site served over HTTP (for benchmarks/search_eval.py)."""
        from playwright.sync_api import sync_playwright

        from conftest import CHROMIUM, CHROMIUM_ARGS, serve

        with contextmanager(serve)(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                yield cls(browser.new_page(), base)
            finally:
                browser.close()

    def _type(self, text: str) -> None:
        self.box.fill(text)
        self.box.press("End")  # Material searches on keyup

    def visible_links(self, query: str) -> list[list[str]]:
        """Type the query and read the result list: each box's visible links, as site locations."""
        self._type("")
        self.page.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent.trim() == t",
                                    arg=PLACEHOLDER)
        self._type(query)
        self.page.wait_for_function(
            "ts => !ts.includes(document.querySelector('.md-search-result__meta').textContent.trim())",
            arg=[PLACEHOLDER, INITIALIZING])
        boxes = self.page.eval_on_selector_all(
            "li.md-search-result__item",
            "items => items.map(item => [...item.querySelectorAll('a.md-search-result__link')]"
            ".filter(a => !a.closest('details')).map(a => a.href))")
        return [[self._location(href) for href in box] for box in boxes]

    def _location(self, href: str) -> str:
        """A result link as a site location ("returns/#return-window"), its highlight query left out."""
        return site_location(href).removeprefix(urlsplit(self.base).path)
