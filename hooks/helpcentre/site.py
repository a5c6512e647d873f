"""The help centre of one shop: its policies and topics, and everything generated from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .content import Topic, load_topics
from .pages import render_topic_cards, render_topic_page
from .placeholders import fill_placeholders
from .policies import Policies, load_policies


@dataclass
class HelpCentre:
    policies: Policies
    topics: list[Topic]
    placeholders: dict[str, str]
    pages: dict[str, str] = field(default_factory=dict)  # generated page path -> Markdown

    def fill_page(self, markdown: str, file: str, first_line: int) -> str:
        """An editor's Markdown page with its placeholders filled."""
        return fill_placeholders(markdown, self.placeholders, file, first_line)


def load_help_centre(policies_file: Path, content_folder: Path) -> HelpCentre:
    """Read and check everything; raises `DataError` on the first mistake, before anything is written."""
    policies = load_policies(policies_file)
    topics = load_topics(content_folder)
    placeholders = {**policies.placeholders(), "site.topics": render_topic_cards(topics)}
    help_centre = HelpCentre(policies, topics, placeholders)
    help_centre.pages = {topic.page: render_topic_page(topic, placeholders) for topic in topics}
    return help_centre
