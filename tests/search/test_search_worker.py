"""The forgiving search's rules (search/worker.js): word forms by lunr.js's stemmer, one-edit typos.

The rules are written twice: in the worker (JavaScript, what shoppers run) and in tests/search/material_search.py
(Python, what the offline search and benchmarks run). Node runs the worker's functions, with Material's
own worker for lunr.js, over every query of the three evaluation sets, and both must read each alike.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from material_search import Lexicon, load_eval_questions, one_edit_apart, read_query, split_words
from search_variants import misspellings, word_forms

from conftest import ROOT
from helpcentre.content.topics import load_topics
from helpcentre.search.assets import WORKERS
from helpcentre.search.index import search_keywords
from helpcentre.search.stemmer import stem

QUESTIONS = load_eval_questions()
TOPICS = load_topics(ROOT / "content")


@pytest.fixture(scope="module")
def lexicon(search_index) -> Lexicon:
    return Lexicon.of(search_index["config"]["vocabulary"])


@pytest.fixture(scope="module")
def separator(search_index) -> re.Pattern[str]:
    return re.compile(search_index["config"]["separator"])


def run_worker(site, index: dict, words: list[str], queries: list[str]) -> dict:
    """search/worker.js and lunr.js (from Material's worker in the built site), in Node."""
    material = next((site.site / WORKERS).glob("search.*.min.js"))
    request = {"worker": str(ROOT / "search" / "worker.js"), "material": str(material),
               "separator": index["config"]["separator"], "vocabulary": index["config"]["vocabulary"],
               "words": words, "queries": queries}
    result = subprocess.run(["node", str(ROOT / "tests" / "js" / "run_search_worker.mjs")], input=json.dumps(request),
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


# The rules ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, word, apart", [
    ("refnd", "refund", True),  # a letter missing
    ("refuund", "refund", True),  # a letter extra
    ("refumd", "refund", True),  # a letter changed
    ("refnud", "refund", True),  # two neighbours swapped
    ("rfeund", "refund", True),
    ("refund", "refund", False),  # the same word is no typo
    ("rfnd", "refund", False),  # two letters missing
    ("fernud", "refund", False),  # two swaps
    ("refunds", "refund", True),
    ("udnref", "refund", False),
])
def test_one_edit_is_a_letter_missing_extra_changed_or_two_swapped(typed, word, apart):
    assert one_edit_apart(typed, word) is apart
    assert one_edit_apart(word, typed) is apart


@pytest.mark.parametrize("query, search, corrections", [
    ("when will my order be dispatched", "when^3 order dispatch", ()),  # forms: stemmed, as the index is
    ("Returns", "return", ()),
    ("cancelling my order", "cancel order", ()),
    ("cancella", "cancel", ()),  # still typing "cancellation": the part its stem shares
    ("parcel not delivered", "parcel not deliv", ()),  # "not" and "no" stay: no stop word filter
    ("why no refund", "whi^3 no refund", ()),  # question words stay, searched whole ("whi" is not "which")
    ("refnud", "refund", (("refnud", "refund"),)),  # a typo of five letters or more
    ("how do i cancle my ordr", "how^3 cancel ordr", (("cancle", "cancel"),)),  # four letters: left alone
    ("klarna", "klarna", ()),  # no word of the index is one edit away
    ("paint tube leakekd", "paint tube leak", (("leakekd", "leaked"),)),  # a form the index lacks: "leaking"
])
def test_a_query_is_read_with_word_forms_and_typos_forgiven(lexicon, separator, query, search, corrections):
    assert read_query(query, separator, lexicon) == (search, corrections)


def test_every_vocabulary_word_is_a_word_of_the_index_of_three_letters_or_more(search_index, separator):
    vocabulary = search_index["config"]["vocabulary"]
    written = [keyword for topic in TOPICS for question in topic.questions
               for keyword in search_keywords(question.keywords, question.question)]
    values = [value for doc in search_index["docs"] for value in (doc["title"], doc["text"], *doc.get("places", []))]
    indexed = {word for value in values + written for word in split_words(value, separator)}
    assert len(vocabulary) == len(set(vocabulary)) > 300
    assert set(vocabulary) <= indexed
    assert all(re.fullmatch("[a-z]{3,}", word) for word in vocabulary)
    assert vocabulary.index("order") < vocabulary.index("cancellation")  # most frequent first


# Python and JavaScript alike -----------------------------------------------------------------------

def test_the_python_stemmer_is_lunr_js_stemmer(site, search_index, separator):
    words = sorted({*search_index["config"]["vocabulary"],
                    *(word for q in QUESTIONS for word in split_words(q.query, separator)),
                    "pay", "paying", "try", "tries", "yell", "yelling", "agreed", "hopping", "generalization"})
    stems = run_worker(site, search_index, words, [])["stems"]
    differ = {word: (stems[word], stem(word)) for word in words if stems[word] != stem(word)}
    assert differ == {}


def test_python_and_the_worker_read_every_evaluated_query_alike(site, search_index, lexicon, separator):
    queries = [q.query for q in (*QUESTIONS, *word_forms(QUESTIONS),
                                 *misspellings(QUESTIONS, search_index["config"]["vocabulary"]))]
    queries += ["C'est noël", "+refund -card", "refund~1", "  ", "DISPATCHED", "naïve café"]
    reads = run_worker(site, search_index, [], queries)["reads"]
    differ = {}
    for query in queries:
        python = read_query(query, separator, lexicon)
        javascript = reads[query]
        if (javascript["search"], tuple((c["typed"], c["meant"]) for c in javascript["corrections"])) != python:
            differ[query] = (javascript, python)
    assert differ == {}
    assert sum(bool(read["corrections"]) for read in reads.values()) >= 50  # the typos were corrected
