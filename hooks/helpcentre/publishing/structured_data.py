"""Structured data for search engines: a topic page as a schema.org FAQPage, in JSON-LD.

The answers are read from the page's HTML as MkDocs rendered it, so that the text search engines get
is the text shoppers see, with every figure filled in. The calculator's forms and the blocks left out
of search (related questions, prefilled emails, "Still need help?") are not part of an answer.
"""

from __future__ import annotations

import bisect
import functools
import html
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from helpcentre.content.topics import Topic

_BLOCK_TAGS = {"p", "li", "ul", "ol", "div", "table", "tr", "br", "h3", "h4", "h5", "h6", "blockquote", "pre",
               "details", "summary", "dl", "dt", "dd"}
_BREAK = "\x00"  # a line break between blocks; the text's own line breaks are spaces, as a browser shows them
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_HIDING = re.compile(  # an element whose content is not part of an answer: its start tag
    r"<(form|script|style|template)\b[^>]*>"  # forms (the checks), code
    r"|<([a-zA-Z][\w-]*)(?=[^>]*\s(?:data-search-exclude|hidden)[\s=/>])[^>]*>"  # left out of search, hidden
    r"|<a\b[^>]*\bclass=\"headerlink\"[^>]*>")  # a heading's permalink
# A quick look for what _HIDING needs (lowercase, as Markdown writes tags), before matching the whole tag.
# No word overlaps another (or itself), so each occurrence of each is a place to look.
HIDING_WORDS = ("data-search-exclude", "hidden", "headerlink", "<form", "<script", "<style", "<template")
_ATTRIBUTE_NAMES = re.compile(r"""\s([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")
_HEADING = re.compile(r"<h([12])\b([^>]*)>")
_ID = re.compile(r"""\sid=["']?([^"'\s>]+)""")
# Tags as Markdown writes them (lowercase): a block's start or end is a line break, a cell's start a space.
_BLOCK_TAG = re.compile(rf"</?(?:{'|'.join(sorted(_BLOCK_TAGS))})(?=[\s/>])[^>]*>")
_CELL = re.compile(r"<t[dh](?=[\s/>])[^>]*>")
_OTHER_TAG = re.compile(r"<!--.*?-->|</?[a-zA-Z][^>]*>|<[!?][^>]*>", re.DOTALL)


@functools.cache
def _same_tag(tag: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?){tag}\b[^>]*>", re.IGNORECASE)


def _hidden_end(page: str, start: re.Match[str]) -> int | None:
    """Where the hidden element starting at `start` ends; None if its start tag hides nothing after all
    (the attribute's name was only a value's text, or it is a void element)."""
    tag = (start[1] or start[2] or "a").lower()
    if start[2]:
        names = {name.lower() for name in _ATTRIBUTE_NAMES.findall(start[0][len(tag) + 1:])}
        if not names & {"data-search-exclude", "hidden"}:
            return None
        if tag in _VOID_TAGS:
            return start.end()
    depth = 1  # elements of the same name may nest (a div in a div); browsers tolerate a missing end
    for match in _same_tag(tag).finditer(page, start.end()):
        depth += -1 if match[1] else 1
        if depth == 0:
            return match.end()
    return len(page)


def hiding_words(page: str) -> list[tuple[int, int]]:
    """Where the page holds one of HIDING_WORDS: (start, end) of each, in order. Searched for one word at
    a time, which is several times faster than one regular expression for them all."""
    found = []
    for word in HIDING_WORDS:
        start = page.find(word)
        while start >= 0:
            found.append((start, start + len(word)))
            start = page.find(word, start + len(word))
    return sorted(found)


def _words_within(words: list[tuple[int, int]], start: int, end: int) -> list[int]:
    """The starts of the words wholly within page[start:end], counted from `start`."""
    first, last = bisect.bisect_left(words, (start,)), bisect.bisect_left(words, (end,))
    return [word_start - start for word_start, word_end in words[first:last] if word_end <= end]


def _visible(page: str, words: Iterable[int]) -> str:
    """The page without the elements that are not part of an answer; `words`: where HIDING_WORDS are."""
    parts, position = [], 0
    for word in words:  # a quick look for the words, then the whole start tag
        if word < position:
            continue
        tag_start = page.rfind("<", position, word + 1)
        start = _HIDING.match(page, tag_start) if tag_start >= 0 and page.rfind(">", tag_start, word) < 0 else None
        if start is None or (end := _hidden_end(page, start)) is None:
            continue
        parts.append(page[position:start.start()])
        position = end
    parts.append(page[position:])
    return "".join(parts)


def _text(html_part: str) -> str:
    """The text of some HTML as shown: blocks on lines of their own, table cells apart, entities read."""
    text = _OTHER_TAG.sub("", _CELL.sub(" ", _BLOCK_TAG.sub(_BREAK, html_part.replace(_BREAK, " "))))
    text = " ".join(html.unescape(text).split())
    # Each line's spaces trimmed (they are single spaces now), empty lines dropped.
    return "\n".join(filter(None, text.replace(" " + _BREAK, _BREAK).replace(_BREAK + " ", _BREAK).split(_BREAK)))


def answer_texts(page: str, ids: set[str]) -> dict[str, str]:
    """Question id -> the answer's text as shown: the page's text between the question's heading (an h2
    whose id is a question's) and the next h1 or h2, paragraphs and list items on lines of their own."""
    headings = list(_HEADING.finditer(page))
    words = hiding_words(page)
    texts = {}
    for heading, following in zip(headings, [*headings[1:], None], strict=True):
        qid = _ID.search(heading[2])
        if heading[1] == "2" and qid and qid[1] in ids:
            end = following.start() if following else len(page)
            body = page.find("</h2>", heading.end(), end)
            start = heading.end() if body < 0 else body + 5
            texts[qid[1]] = _text(_visible(page[start:end], _words_within(words, start, end)))
    return texts


def faq_page(topic: Topic, answers: Mapping[str, str], url: str | None = None) -> dict[str, Any]:
    """The schema.org FAQPage of a topic: each question with its accepted answer."""
    missing = [question.id for question in topic.questions if not answers.get(question.id)]
    if missing:
        raise ValueError(f"{topic.page}: no answer text found for {', '.join(missing)}")
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "FAQPage", "name": topic.title}
    if url:
        data["url"] = url
    data["mainEntity"] = [
        {"@type": "Question", "name": question.question,
         "acceptedAnswer": {"@type": "Answer", "text": answers[question.id]}}
        for question in topic.questions
    ]
    return data


def script_json(data: Any) -> str:
    """JSON for the inside of a <script> element: no value can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def faq_json_ld(topic: Topic, page: str, url: str | None = None) -> str:
    """The JSON-LD of a topic page, from the page's rendered HTML, ready for a script element."""
    ids = {question.id for question in topic.questions}
    return script_json(faq_page(topic, answer_texts(page, ids), url))
