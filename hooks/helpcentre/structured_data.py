"""Structured data for search engines: a topic page as a schema.org FAQPage, in JSON-LD.

The answers are read from the page's HTML as MkDocs rendered it, so that the text search engines get
is the text shoppers see, with every figure filled in. The calculator's forms and the blocks left out
of search (related questions, prefilled emails, "Still need help?") are not part of an answer.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any

from .content import Topic

_SKIPPED_TAGS = {"form", "script", "style", "template"}
_BLOCK_TAGS = {"p", "li", "ul", "ol", "div", "table", "tr", "br", "h3", "h4", "h5", "h6", "blockquote", "pre",
               "details", "summary", "dl", "dt", "dd"}
_BREAK = "\x00"  # a line break between blocks; the text's own line breaks are spaces, as a browser shows them
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Answers(HTMLParser):
    """The visible text under each question heading (an h2 whose id is a question's) of a page."""

    def __init__(self, ids: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.ids = ids
        self.answers: dict[str, list[str]] = {}
        self.current: list[str] | None = None
        self.open: list[tuple[str, bool]] = []  # open elements: (tag, whether it hides its content)
        self.in_heading = False

    def _hidden(self) -> bool:
        return any(hides for _, hides in self.open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("h1", "h2"):
            self.in_heading = True
            self.current = None
            if tag == "h2" and values.get("id") in self.ids:
                self.current = self.answers.setdefault(values["id"], [])
        if tag in _BLOCK_TAGS and self.current is not None:
            self.current.append(_BREAK)
        if tag in ("td", "th") and self.current is not None:
            self.current.append(" ")
        if tag not in _VOID_TAGS:
            hides = (tag in _SKIPPED_TAGS or "data-search-exclude" in values or "hidden" in values
                     or "headerlink" in (values.get("class") or "").split())
            self.open.append((tag, hides))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2"):
            self.in_heading = False
        for n in range(len(self.open) - 1, -1, -1):  # tolerate unclosed elements, as browsers do
            if self.open[n][0] == tag:
                del self.open[n:]
                break
        if tag in _BLOCK_TAGS and self.current is not None:
            self.current.append(_BREAK)

    def handle_data(self, data: str) -> None:
        if self.current is not None and not self.in_heading and not self._hidden():
            self.current.append(" ".join(data.split(_BREAK)))


def answer_texts(html: str, ids: set[str]) -> dict[str, str]:
    """Question id -> the answer's text as shown: paragraphs and list items on lines of their own."""
    parser = _Answers(ids)
    parser.feed(html)
    parser.close()
    texts = {}
    for qid, parts in parser.answers.items():
        lines = (" ".join(line.split()) for line in "".join(parts).split(_BREAK))
        texts[qid] = "\n".join(line for line in lines if line)
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


def faq_json_ld(topic: Topic, html: str, url: str | None = None) -> str:
    """The JSON-LD of a topic page, from the page's rendered HTML, ready for a script element."""
    ids = {question.id for question in topic.questions}
    return script_json(faq_page(topic, answer_texts(html, ids), url))
