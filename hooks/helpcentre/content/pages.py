"""Markdown of the generated pages: one page per topic, and the topic cards of the home page."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping, Sequence

from helpcentre.reading import markdown_text as md
from helpcentre.reading.errors import Findings

from . import contact
from .placeholders import fill_placeholders
from .topics import Question, Topic
from .unfinished import CSS_CLASS, is_unfinished


def render_topic_pages(topics: Sequence[Topic], values: Mapping[str, str], email: str,
                       shop_name: str) -> dict[str, str]:
    """Every topic's page (page path -> Markdown); raises `DataError` with the mistakes of every page."""
    where = {question.id: (topic, question) for topic in topics for question in topic.questions}
    found, pages = Findings(), {}
    for topic in topics:
        with found.attempt():
            pages[topic.page] = render_topic_page(topic, where, values, email, shop_name)
    found.raise_errors()
    return pages


def render_topic_page(topic: Topic, where: Mapping[str, tuple[Topic, Question]], values: Mapping[str, str],
                      email: str, shop_name: str) -> str:
    """The page of one topic: each question its own heading, anchored by its id, followed by a prefilled
    email where the answer asks for one and links to related answers; "Still need help?" at the end."""
    # Themes print front matter as HTML, so it is escaped here.
    front = front_matter({"title": html.escape(topic.title), "description": html.escape(topic.summary)})
    parts = [front, f"# {md.escape(topic.title)}\n", f"{md.escape(topic.summary)}\n"]
    found = Findings()
    for question in topic.questions:
        with found.attempt():
            answer = fill_placeholders(question.answer, values, question.answer.file, question.answer.line,
                                       question.answer.key)
        if found.errors:
            continue  # every question is still read, for its own mistakes
        if is_unfinished(answer):  # highlighted in the preview (a build refuses it)
            answer = f'<div class="{CSS_CLASS}" markdown>\n\n{answer.strip()}\n\n</div>'
        parts.append(f"## {md.escape(question.question)} {{#{question.id}}}\n\n{answer.strip()}\n")
        if question.email:
            parts.append(contact.render_email_button(question.email, email, shop_name))
        if question.related:
            parts.append(render_related(question.related, where))
    found.raise_errors()
    parts.append(contact.render_still_need_help(topic, email))
    return "\n".join(parts)


# Characters that YAML reads as line breaks or refuses even inside double quotes, and JSON writes raw.
_YAML_RAW = re.compile("[\x7f-\x9f\u2028\u2029]")


def front_matter(values: Mapping[str, str]) -> str:
    """A page's YAML front matter: each value a double-quoted string, written with JSON's string syntax
    (which YAML reads the same way), not by PyYAML's emitter, which is written in Python and slow."""
    def quoted(text: str) -> str:
        return _YAML_RAW.sub(lambda char: f"\\u{ord(char[0]):04x}", json.dumps(text, ensure_ascii=False))

    return "---\n" + "".join(f"{key}: {quoted(value)}\n" for key, value in values.items()) + "---\n"


def render_related(ids: Sequence[str], where: Mapping[str, tuple[Topic, Question]]) -> str:
    """Markdown: links to the answers a shopper is likely to need next (left out of search); an id of no
    question (a mistake named by the topics' checks) is left out."""
    links = "\n".join(f"- [{md.escape(where[qid][1].question)}]({where[qid][0].page}#{qid})" for qid in ids
                      if qid in where)
    return (f'<div class="help-related" markdown {contact.NOT_SEARCHED}>\n\n'
            f"**Related questions**\n\n{links}\n\n</div>\n")


def render_topic_cards(topics: Sequence[Topic]) -> str:
    """Material grid cards linking every topic, for the home page."""
    cards = "\n".join(
        f"-   [**{md.escape(topic.title)}**]({topic.page})\n\n    {md.escape(topic.summary)}\n"
        for topic in topics
    )
    return f'\n\n<div class="grid cards" markdown>\n\n{cards}\n</div>\n\n'
