"""Markdown of the generated pages: one page per topic, and the topic cards of the home page."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

import yaml

from . import markdown_text as md
from .content import Topic
from .placeholders import fill_placeholders


def render_topic_page(topic: Topic, values: Mapping[str, str]) -> str:
    """The page of one topic: each question its own heading, anchored by its id."""
    # Themes print front matter as HTML, so it is escaped here.
    front = yaml.safe_dump({"title": html.escape(topic.title), "description": html.escape(topic.summary)},
                           allow_unicode=True)
    parts = [f"---\n{front}---\n", f"# {md.escape(topic.title)}\n", f"{md.escape(topic.summary)}\n"]
    for question in topic.questions:
        answer = fill_placeholders(question.answer, values, question.answer.file, question.answer.line,
                                   question.answer.key)
        parts.append(f"## {md.escape(question.question)} {{#{question.id}}}\n\n{answer.strip()}\n")
    return "\n".join(parts)


def render_topic_cards(topics: Sequence[Topic]) -> str:
    """Material grid cards linking every topic, for the home page."""
    cards = "\n".join(
        f"-   [**{md.escape(topic.title)}**]({topic.page})\n\n    {md.escape(topic.summary)}\n"
        for topic in topics
    )
    return f'\n\n<div class="grid cards" markdown>\n\n{cards}\n</div>\n\n'
