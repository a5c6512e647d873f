"""Markdown of the generated pages: one page per topic, and the topic cards of the home page."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import yaml

from . import contact
from . import markdown_text as md
from .content import Question, Topic
from .errors import Findings
from .placeholders import fill_placeholders


def render_topic_page(topic: Topic, topics: Sequence[Topic], values: Mapping[str, str], email: str,
                      shop_name: str) -> str:
    """The page of one topic: each question its own heading, anchored by its id, followed by a prefilled
    email where the answer asks for one and links to related answers; "Still need help?" at the end."""
    # Themes print front matter as HTML, so it is escaped here.
    front = yaml.safe_dump({"title": html.escape(topic.title), "description": html.escape(topic.summary)},
                           allow_unicode=True)
    parts = [f"---\n{front}---\n", f"# {md.escape(topic.title)}\n", f"{md.escape(topic.summary)}\n"]
    where = {question.id: (other, question) for other in topics for question in other.questions}
    found = Findings()
    for question in topic.questions:
        with found.attempt():
            answer = fill_placeholders(question.answer, values, question.answer.file, question.answer.line,
                                       question.answer.key)
        if found.errors:
            continue  # every question is still read, for its own mistakes
        parts.append(f"## {md.escape(question.question)} {{#{question.id}}}\n\n{answer.strip()}\n")
        if question.email:
            parts.append(contact.render_email_button(question.email, email, shop_name))
        if question.related:
            parts.append(render_related(question.related, where))
    found.raise_errors()
    parts.append(contact.render_still_need_help(topic, email))
    return "\n".join(parts)


def render_related(ids: Sequence[str], where: Mapping[str, tuple[Topic, Question]]) -> str:
    """Markdown: links to the answers a shopper is likely to need next (left out of search)."""
    links = "\n".join(f"- [{md.escape(where[qid][1].question)}]({where[qid][0].page}#{qid})" for qid in ids)
    return (f'<div class="help-related" markdown {contact.NOT_SEARCHED}>\n\n'
            f"**Related questions**\n\n{links}\n\n</div>\n")


def render_topic_cards(topics: Sequence[Topic]) -> str:
    """Material grid cards linking every topic, for the home page."""
    cards = "\n".join(
        f"-   [**{md.escape(topic.title)}**]({topic.page})\n\n    {md.escape(topic.summary)}\n"
        for topic in topics
    )
    return f'\n\n<div class="grid cards" markdown>\n\n{cards}\n</div>\n\n'
