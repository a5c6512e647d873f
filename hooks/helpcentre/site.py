"""The help centre of one shop: its policies and topics, and everything generated from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .calculator_assets import CalculatorAssets, build_calculator_assets
from .calculator_data import build_calculator_data, build_year
from .checks import check_placeholders
from .content import NOTICE_FILE, Topic, load_topics
from .last_order_dates import render_last_order_dates
from .notice import Notice, build_notice, load_notice_words
from .pages import render_topic_cards, render_topic_page
from .placeholders import fill_placeholders
from .policies import Policies, load_policies


@dataclass
class HelpCentre:
    policies: Policies
    topics: list[Topic]
    placeholders: dict[str, str]
    calculator: CalculatorAssets
    pages: dict[str, str] = field(default_factory=dict)  # page path in content/ -> Markdown to build
    notice: Notice | None = None  # the notice on every page, when there is anything to announce
    last_order_dates_url: str | None = None  # the answer with the last order dates, from the site's root

    def nav(self) -> list[str]:
        """The menu: the home page, the topics in their order, then the other pages."""
        topics = [topic.page for topic in self.topics]
        others = sorted(page for page in self.pages if page not in topics and page != "index.md")
        return ["index.md", *topics, *others]


def load_help_centre(policies_file: Path, content_folder: Path, calculator_folder: Path) -> HelpCentre:
    """Read and check everything; raises `DataError` on the first mistake, before anything is written."""
    policies = load_policies(policies_file)
    topics = load_topics(content_folder)
    data = build_calculator_data(policies, build_year())
    placeholders = {**policies.placeholders(), **check_placeholders(data),
                    "site.topics": render_topic_cards(topics),
                    "site.last_order_dates": render_last_order_dates(policies, data)}
    calculator = build_calculator_assets(calculator_folder, data)
    help_centre = HelpCentre(policies, topics, placeholders, calculator)
    if data["target_dates"]:
        help_centre.last_order_dates_url = next(
            (f"{topic.slug}/#{question.id}" for topic in topics for question in topic.questions
             if "site.last_order_dates" in question.answer), None)
    words = load_notice_words(content_folder / NOTICE_FILE, f"{content_folder.name}/{NOTICE_FILE}")
    help_centre.notice = build_notice(data, words, calculator_folder, help_centre.last_order_dates_url)
    email, shop_name = policies["shop.email"], policies["shop.name"]
    help_centre.pages = {topic.page: render_topic_page(topic, topics, placeholders, email, shop_name)
                         for topic in topics}
    for page in sorted(content_folder.rglob("*.md")):  # the editors' own Markdown pages
        source, name = page.read_text(encoding="utf-8"), page.relative_to(content_folder.parent).as_posix()
        help_centre.pages[page.relative_to(content_folder).as_posix()] = fill_placeholders(
            source, placeholders, name, 1)
    return help_centre
