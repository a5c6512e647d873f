"""The help centre of one shop: its policies and topics, and everything generated from them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .calculator_assets import CalculatorAssets, build_calculator_assets
from .calculator_data import build_calculator_data, build_year
from .checks import CHECKS, check_placeholders
from .consumer_law import add_rights_answer, review_consumer_law
from .content import NOTICE_FILE, Topic, load_topics
from .copy_style import Glossary, check_copy, load_glossary
from .errors import Finding, Findings
from .last_order_dates import render_last_order_dates
from .links import check_links, page_anchors
from .notice import Notice, build_notice, load_notice_words
from .pages import render_topic_cards, render_topic_pages
from .placeholders import fill_placeholders
from .policies import Policies, load_policies, placeholder_names
from .text_rules import check_text


@dataclass
class HelpCentre:
    policies: Policies
    topics: list[Topic]
    placeholders: dict[str, str]
    calculator: CalculatorAssets
    pages: dict[str, str] = field(default_factory=dict)  # page path in content/ -> Markdown to build
    notes: list[Finding] = field(default_factory=list)  # hints and advice for the editor; never stop the build
    notice: Notice | None = None  # the notice on every page, when there is anything to announce
    last_order_dates_answer: tuple[str, str] | None = None  # (topic page, question id) showing the last order dates

    def nav(self) -> list[str]:
        """The menu: the home page, the topics in their order, then the other pages."""
        topics = [topic.page for topic in self.topics]
        others = sorted(page for page in self.pages if page not in topics and page != "index.md")
        return ["index.md", *topics, *others]


def load_help_centre(policies_file: Path, content_folder: Path, calculator_folder: Path) -> HelpCentre:
    """Read and check everything; raises `DataError` with every mistake found, before anything is written."""
    help_centre, found = review_help_centre(policies_file, content_folder, calculator_folder)
    found.raise_errors()
    assert help_centre is not None  # there is one whenever nothing was found wrong
    help_centre.notes = found.notes
    return help_centre


def review_help_centre(policies_file: Path, content_folder: Path, calculator_folder: Path,
                       law_folder: Path | None = None) -> tuple[HelpCentre | None, Findings]:
    """Every check in one pass: what they found, and the help centre (None if anything is wrong).

    `law_folder` holds the consumer law of each country (default: law/ beside policies.yaml)."""
    found = Findings()
    policies = topics = None
    with found.attempt():
        policies = load_policies(policies_file)
    with found.attempt():
        topics = load_topics(content_folder)
    glossary = Glossary()
    with found.attempt():
        glossary = load_glossary(content_folder)
    if policies is None:  # the pages are still checked, against the names of the placeholders
        placeholders = dict.fromkeys([*placeholder_names(), *(f"check.{kind}" for kind in CHECKS), "site.topics",
                                      "site.last_order_dates"], "")
        email = shop_name = ""
    else:
        data = build_calculator_data(policies, build_year())
        placeholders = {**policies.placeholders(), **check_placeholders(data),
                        "site.topics": render_topic_cards(topics or []),
                        "site.last_order_dates": render_last_order_dates(policies, data)}
        email, shop_name = policies["shop.email"], policies["shop.name"]
    pages: dict[str, str] = {}
    if policies is not None:
        found.extend(policies.notes)
    sources = {page.relative_to(content_folder).as_posix(): page.read_text(encoding="utf-8", errors="replace")
               for page in sorted(content_folder.rglob("*.md"))}  # a page that is not UTF-8 is named by content
    found.extend(_check_links(topics, sources, content_folder))
    found.extend(_check_words(topics, sources, content_folder, placeholders, glossary))
    with found.attempt():
        pages.update(render_topic_pages(topics or [], placeholders, email, shop_name))
    for page, source in sources.items():  # the editors' own Markdown pages
        with found.attempt():
            pages[page] = fill_placeholders(source, placeholders, f"{content_folder.name}/{page}", 1)
    if policies is not None:  # advice: the policies against the consumer law of the shop's country (consumer_law.py)
        with found.attempt():
            law, advice = review_consumer_law(policies, policies_file, law_folder or policies_file.parent / "law",
                                              data)
            found.extend(advice)
            if topics is not None:
                with_rights, hints = add_rights_answer(topics, law, policies, policies_file)
                found.extend(hints)
                if with_rights != topics:
                    pages.update(render_topic_pages(with_rights, placeholders, email, shop_name))
                topics = with_rights
    words = None
    with found.attempt():
        words = load_notice_words(content_folder / NOTICE_FILE, f"{content_folder.name}/{NOTICE_FILE}")
    if found.errors or policies is None or topics is None:
        return None, found
    help_centre = HelpCentre(policies, topics, placeholders, build_calculator_assets(calculator_folder, data), pages)
    if data["target_dates"]:  # the answer that shows the last order dates, for the notice's link
        help_centre.last_order_dates_answer = next(
            ((topic.page, question.id) for topic in topics for question in topic.questions
             if "site.last_order_dates" in question.answer), None)
    help_centre.notice = build_notice(data, words, calculator_folder, help_centre.last_order_dates_answer is not None)
    return help_centre, found


def _texts(topics: list[Topic] | None, sources: dict[str, str],
           content_folder: Path) -> Iterator[tuple[str, str, str, int, str]]:
    """What editors wrote: every question, answer and Markdown page (`sources`), each as (text, its page,
    file, first line, key)."""
    for topic in topics or []:
        for question in topic.questions:
            for text in (question.question, question.answer):
                yield text, topic.page, text.file, text.line, text.key
    for page, source in sources.items():
        yield source, page, f"{content_folder.name}/{page}", 1, ""


def _check_links(topics: list[Topic] | None, sources: dict[str, str], content_folder: Path) -> list[Finding]:
    """The links between answers and pages (links.py), checked once every topic reads (until then, its
    answers' ids are not known)."""
    if topics is None:
        return []
    anchors = {**{topic.page: {q.id for q in topic.questions} for topic in topics},
               **{page: page_anchors(source) for page, source in sources.items()}}
    files = {path.relative_to(content_folder).as_posix() for path in content_folder.rglob("*") if path.is_file()}
    return [finding for text, page, file, line, key in _texts(topics, sources, content_folder)
            for finding in check_links(text, page, file, line, key, anchors, files)]


def _check_words(topics: list[Topic] | None, sources: dict[str, str], content_folder: Path,
                 placeholders: dict[str, str], glossary: Glossary) -> list[Finding]:
    """The words editors wrote: the rules for text (text_rules) and the one voice (copy_style)."""
    questions = {question.id: question.question for topic in topics or [] for question in topic.questions}
    texts = list(_texts(topics, sources, content_folder))
    glossary = glossary.within(" ".join(text for text, *_ in texts))  # most texts are then not read for terms
    return [finding for text, _, file, line, key in texts
            for finding in (*check_text(text, file, line, key, placeholders),
                            *check_copy(text, file, line, key, glossary, questions))]
