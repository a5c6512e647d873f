"""Search tuned for shoppers: each question its own result, found by the words shoppers use.

Plain functions over the search index that Material's search plugin writes to
search/search_index.json: {"config": {"separator", "pipeline", "fields", ...}, "docs": [{"location",
"title", "text", "boost"?}, ...]}. Material's search worker groups the entries of one page into one
result, headed by the page; `tune_search_index` makes each question an entry of its own, with the
question's keywords in a field of their own, so that a search lands on the answer. Each word of the
keywords counts once, however many of them say it: a question with many ways of saying "cancelled" does
not outweigh the one that says "cancel". The answer that shows the delivery times holds the names of the
countries the shop delivers to, in a field of their own, so that a country named in a search leads to its
delivery time.

The separator (`search_separator`) drops the small words that Material's prefix search would match
against the start of every other word. The tuning is on when the search plugin in mkdocs.yml declares
the `keywords` field; with stock settings (`- search`) the index stays as Material wrote it, which is
what benchmarks/search_eval.py compares against.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from helpcentre.content.placeholders import PLACEHOLDER
from helpcentre.content.topics import Question, Topic

from .stemmer import stem

KEYWORDS_FIELD = "keywords"
# The names of the countries the shop delivers to, in the entry of the answer with the delivery times: a
# field of its own, weighing little, so that a word such as "vat" or "came" finds "Vatican City" or
# "Cameroon" there without outweighing the answers that say it.
PLACES_FIELD, PLACES_BOOST = "places", 10  # measured in docs/measurements.md
# Where words split: spaces and punctuation, but not apostrophes ("didn't" stays one word).
PUNCTUATION = r"""[\s\-,.:;!?()\[\]"“”‘’/&]"""
# PUNCTUATION's marks (its characters that are not spaces) turned into spaces: str.split() then splits the
# text where PUNCTUATION would (\s and str.split() know the same spaces), several times faster.
_MARKS_AS_SPACES = str.maketrans(dict.fromkeys("-,.:;!?()[]\"“”‘’/&", " "))
# Small words that say nothing about the question. Material searches every word of a query as a prefix
# ("can" finds cancel, "i" finds item, "or" finds order), so the separator drops these words from the
# query and the index alike. Question words (why, how, when, ...) stay: they tell "why was my order
# cancelled" from "cancel my order", and no other word starts with them.
SMALL_WORDS = (
    "a an the i me my we our you your it its is am are be been was were do does did can could would should "
    "will shall may might must to of in on at by for from with into about as or and if so than that this "
    "these those there here has have had just please"
).split() + (
    # The words a shopper wraps a question in ("hi, can you tell me ...", "i need to know ..."), and the verbs
    # that ask nothing of their own ("how long does it take", "do you take amex", "have you got my return").
    "hi hello hey thanks tell know need want take got"
).split()
ZERO_WIDTH_SPACE = "\u200b"
_APOSTROPHE_WORD = re.compile(r"\b\w+'\w+\b")
# The vocabulary of the search worker (search/worker.js): the index's words of three letters or more, the
# words a typo is corrected to and the words a shopper may have finished typing ("pay", not "paying").
VOCABULARY_WORD = re.compile(r"[a-z]{3,}")
_TAG = re.compile(r"<[^>]*>")
_SMALL_WORDS = frozenset(SMALL_WORDS)
# The placeholders that show the delivery times for each destination (policy/policies.py).
DELIVERY_TIMES = frozenset(["delivery.zones", "delivery.services"])


def is_tuned(fields: Mapping[str, Any]) -> bool:
    """Whether the search plugin's `fields` ask for the tuned index."""
    return KEYWORDS_FIELD in fields


def search_separator(punctuation: str = PUNCTUATION, small_words: Sequence[str] = SMALL_WORDS) -> str:
    """The separator for Material's search: punctuation, and any small word that stands alone.

    A JavaScript regular expression (no flags, no lookbehind) that Material's worker applies to the
    index and to each query; letters are written in both cases because the text is not lowercased yet.
    """
    def both_cases(word: str) -> str:
        return "".join(f"[{c}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)

    words = "|".join(both_cases(word) for word in sorted(small_words, key=len, reverse=True))
    return f"(?:{punctuation}+|^)(?:(?:{words})(?={punctuation}|$){punctuation}*)*"


def tune_search_index(index: dict[str, Any], topics: Sequence[Topic],
                      destinations: Sequence[str] = ()) -> dict[str, Any]:
    """The index with each question as its own result and its keywords indexed, the `destinations` (the
    names of the countries the shop delivers to) in the places field of the answer with the delivery
    times; unchanged if not tuned."""
    if not is_tuned(index["config"]["fields"]):
        return index
    headings = {topic.slug: unsearchable(topic.title) for topic in topics}  # once per topic, not per question
    questions = {(topic.slug, question.id): question for topic in topics for question in topic.questions}
    docs, found, written = [], set(), {}
    for doc in index["docs"]:
        key = _question_key(doc["location"])
        if key in questions:
            question = questions[key]
            places = destinations if shows_delivery_times(question.answer) else ()
            heading, entry = question_entries(doc, headings[key[0]], question, places)
            docs += [heading, entry]
            written[entry["location"]] = search_keywords(question.keywords, question.question)
            found.add(key)
        else:
            docs.append(doc)  # the home page, the calculator page, a topic's introduction
    missing = [f"{slug}#{qid}" for slug, qid in questions if (slug, qid) not in found]
    if missing:
        raise ValueError(f"questions missing from the search index: {', '.join(missing)}")
    fields = dict(index["config"]["fields"])
    if destinations:
        fields[PLACES_FIELD] = {"boost": PLACES_BOOST}
    config = {**index["config"], "fields": fields, "separator": search_separator(),
              "vocabulary": search_vocabulary(docs, written)}
    return {**index, "config": config, "docs": docs}


def search_vocabulary(docs: Iterable[Mapping[str, Any]],
                      keywords: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """The words a shopper's typo is corrected to: each word of three letters or more that the index
    holds, as written, the word found in most entries first (then alphabetical). An entry's `keywords`,
    by location, are its keywords as written ("cancellation" as well as "cancel"), which the index holds
    each word of once.

    The words are those `search_separator` leaves: runs of letters between punctuation, but the small
    words (which the separator takes out whole); read here by splitting at punctuation alone, which
    gives the same words several times faster than the separator itself (see `split_at_punctuation`)."""
    keywords = keywords or {}
    texts = (" ".join([doc["title"], doc["text"], *keywords.get(doc["location"], doc.get(KEYWORDS_FIELD, [])),
                       *doc.get(PLACES_FIELD, [])]) for doc in docs
             if not doc["title"].startswith(ZERO_WIDTH_SPACE))  # a result's heading, which no search matches
    counts = Counter(chain.from_iterable(set(split_at_punctuation(_TAG.sub(" ", text).lower()))
                                         for text in texts))  # in how many entries each word is
    words = [word for word in counts if word not in _SMALL_WORDS and VOCABULARY_WORD.fullmatch(word)]
    return sorted(words, key=lambda word: (-counts[word], word))


def split_at_punctuation(text: str) -> list[str]:
    """The runs of characters between PUNCTUATION's characters."""
    return text.translate(_MARKS_AS_SPACES).split()


def split_location(location: str) -> tuple[str, str]:
    """(path, fragment) of an index location, as `urlsplit` reads them. The plain relative locations
    Material writes (no scheme, host, control character or space) are split at "#" and "?" directly,
    several times faster."""
    if ":" in location or " " in location or location.startswith("//") or not location.isprintable():
        parts = urlsplit(location)
        return parts.path, parts.fragment
    before_fragment, _, fragment = location.partition("#")
    return before_fragment.partition("?")[0], fragment


def _question_key(location: str) -> tuple[str, str] | None:
    """(topic slug, question id) of an index location such as "returns/#return-window"."""
    path, fragment = split_location(location)
    if not fragment:
        return None
    page = path.rstrip("/").removesuffix(".html").removesuffix("/index")
    return page.rsplit("/", 1)[-1], fragment


def shows_delivery_times(answer: str) -> bool:
    """Whether an answer shows the table of delivery times for each destination."""
    return any(name in DELIVERY_TIMES for name in PLACEHOLDER.findall(answer))


def question_entries(doc: Mapping[str, Any], heading_title: str, question: Question,
                     places: Sequence[str] = ()) -> list[dict[str, Any]]:
    """One question as a result of its own: a heading naming the topic, then the question and its answer.

    Material's worker shows one result per page: the entries whose locations share the part before "#"
    are grouped under the first of them, which must have no "#". So each question gets a path of its
    own ("returns/?h=return-window") with an entry that only heads the result: the topic's title,
    linking to the top of its page, each word behind a zero-width space so that no search matches it
    (`heading_title`, made by `unsearchable`). The question itself follows
    ("returns/?h=return-window#return-window"). The worker replaces `h` with the words that matched
    (search.highlight), so the links a shopper follows are the usual ones.
    """
    path, _, anchor = doc["location"].partition("#")
    own_path = f"{path}?h={anchor}"
    heading = {"location": own_path, "title": heading_title, "text": ""}
    entry = {**doc, "location": f"{own_path}#{anchor}",
             KEYWORDS_FIELD: once_each(search_keywords(question.keywords, question.question))}
    if places:
        entry[PLACES_FIELD] = list(places)
    return [heading, entry]


def unsearchable(title: str) -> str:
    """A title as HTML, each word behind a zero-width space, so that no search matches it."""
    return " ".join(ZERO_WIDTH_SPACE + word for word in html.escape(title, quote=False).split())


def search_keywords(keywords: Iterable[str], question: str) -> list[str]:
    """A question's keywords for search: its keywords, then the question's words that have an apostrophe
    written without it, as shoppers type them ("didnt"), which a prefix search cannot reach."""
    words = list(dict.fromkeys(map(str.lower, keywords)))
    for word in _APOSTROPHE_WORD.findall(question.lower().replace("\u2019", "'")):
        bare = word.replace("'", "")
        if bare not in words:
            words.append(bare)
    return words


def once_each(phrases: Iterable[str]) -> list[str]:
    """The phrases with each word once, as lunr stems it ("cancelled" and "cancellation" are "cancel"),
    and without the small words, so that a word says as much about its question however many of the
    question's keywords repeat it; a phrase left without a word is dropped."""
    kept, seen = [], set()
    for phrase in phrases:
        new = []
        for word in split_at_punctuation(phrase):
            if word not in _SMALL_WORDS and (stemmed := stem(word)) not in seen:
                seen.add(stemmed)
                new.append(word)
        if new:
            kept.append(" ".join(new))
    return kept


def rewrite_search_index(path: Path, topics: Sequence[Topic], destinations: Sequence[str] = ()) -> None:
    """Tune the search index file Material's search plugin wrote (see `tune_search_index`)."""
    index = json.loads(path.read_text(encoding="utf-8"))
    tuned = tune_search_index(index, topics, destinations)
    if tuned is not index:
        path.write_text(json.dumps(tuned, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
