"""The checking pass: every input file read and checked in one round, as a list of stages, and the help
centre of one shop made from what they read (its policies and topics, and everything generated from them)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpcentre.content.copy_style import Glossary, check_copy, check_repeated_sentences, load_glossary
from helpcentre.content.links import check_links, page_anchors
from helpcentre.content.pages import render_topic_cards, render_topic_pages
from helpcentre.content.placeholders import fill_placeholders
from helpcentre.content.text_rules import check_text
from helpcentre.content.topics import NOTICE_FILE, Topic, fold_lost_ids, read_topics
from helpcentre.content.unfinished import CHECKLIST_PAGE, find_unfinished, render_checklist
from helpcentre.dates.calculator_assets import CalculatorAssets, build_calculator_assets
from helpcentre.dates.calculator_data import build_calculator_data, build_year
from helpcentre.dates.check_forms import CHECKS, check_placeholders
from helpcentre.dates.last_order_dates import render_last_order_dates
from helpcentre.dates.notice import Notice, build_notice, load_notice_words
from helpcentre.law.consumer_law import add_rights_answer, find_law, review_consumer_law
from helpcentre.policy.policies import (
    Policies,
    is_own_placeholder,
    load_policies,
    placeholder_meanings,
    placeholder_names,
)
from helpcentre.reading.errors import Finding, Findings
from helpcentre.reading.words import Words, speaking
from helpcentre.reading.words_file import OVERRIDE_FILE, load_shop_words, sentence_nodes, shipped_words
from helpcentre.reading.yaml_source import read_yaml
from helpcentre.starting.content_kit import find_unanswered

# The generator's own folders (calculator/, law/, search/) sit beside hooks/, wherever the shop's folder is.
GENERATOR = Path(__file__).resolve().parents[3]


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
    words: Words = field(default_factory=shipped_words)  # the shop's words, for the templates
    unfinished: list[Finding] = field(default_factory=list)  # the TODOs left: the preview shows them, a build refuses

    def nav(self) -> list[str]:
        """The menu: the home page, the checklist of unfinished answers when there is one, the topics in their
        order, then the other pages."""
        first = ["index.md", *([CHECKLIST_PAGE] if CHECKLIST_PAGE in self.pages else [])]
        topics = [topic.page for topic in self.topics]
        return [*first, *topics, *sorted(page for page in self.pages if page not in [*first, *topics])]


def load_help_centre(policies_file: Path, content_folder: Path,
                     calculator_folder: Path = GENERATOR / "calculator") -> HelpCentre:
    """Read and check everything; raises `DataError` with every mistake found, before anything is written."""
    help_centre, found = review_help_centre(policies_file, content_folder, calculator_folder)
    found.raise_errors()
    assert help_centre is not None  # there is one whenever nothing was found wrong
    help_centre.notes, help_centre.unfinished = found.notes, found.unfinished
    return help_centre


@dataclass
class Draft:
    """What the checking pass has read and made so far: each stage reads some of it and adds to it.
    A value that could not be read stays None, and the stages after it check what they still can."""

    policies_file: Path
    content_folder: Path
    calculator_folder: Path
    law_folder: Path
    policies: Policies | None = None
    topics: list[Topic] | None = None  # as far as they read
    unread_topics: dict[str, frozenset[str]] = field(default_factory=dict)  # page -> ids, of files that are not YAML
    glossary: Glossary = field(default_factory=Glossary)
    sources: dict[str, str] = field(default_factory=dict)  # the editors' Markdown pages, by path in content/
    data: dict[str, Any] | None = None  # the calculator's data, when the policies read
    placeholders: dict[str, str] = field(default_factory=dict)  # name -> value (names alone without policies)
    meanings: dict[str, tuple[str, str]] = field(default_factory=placeholder_meanings)  # for suggestions
    pages: dict[str, str] = field(default_factory=dict)  # page path in content/ -> Markdown to build
    notice_words: dict[str, str] | None = None
    words: Words = field(default_factory=shipped_words)  # the shop's words, British English until they read

    @property
    def shop(self) -> tuple[str, str]:
        """(email, name) of the shop, for the contact lines; empty while the policies do not read."""
        return (self.policies["shop.email"], self.policies["shop.name"]) if self.policies else ("", "")


Stage = Callable[[Draft, Findings], None]


# The policy (helpcentre.policy)

def read_policies(draft: Draft, found: Findings) -> None:
    with found.attempt():
        draft.policies = load_policies(draft.policies_file)
    if draft.policies is not None:
        found.extend(draft.policies.notes)


def read_words(draft: Draft, found: Findings) -> None:
    """The words of the shop's locale (words/<locale>.yml), with its changes in content/words.yml."""
    if draft.policies is None:
        return
    with found.attempt():
        draft.words = load_shop_words(draft.policies["shop.locale"],
                                      draft.policies["calendar.bank_holidays"]["country"], draft.content_folder)


# Content (helpcentre.content)

def read_topic_files(draft: Draft, found: Findings) -> None:
    read = read_topics(draft.content_folder)
    draft.topics, draft.unread_topics = read.topics, read.unread
    found.extend(read.findings)


def read_glossary(draft: Draft, found: Findings) -> None:
    with found.attempt():
        draft.glossary = load_glossary(draft.content_folder)


def read_pages(draft: Draft, found: Findings) -> None:
    """The editors' own Markdown pages; a page that is not UTF-8 is named by the text checks."""
    draft.sources = {page.relative_to(draft.content_folder).as_posix():
                     page.read_text(encoding="utf-8", errors="replace")
                     for page in sorted(draft.content_folder.rglob("*.md"))}


# The values placeholders stand for (helpcentre.policy, helpcentre.dates, helpcentre.content)

class _NamesAlone(dict[str, str]):
    """The placeholders' names without policies to fill them: also any name of the form of the shop's own
    (each payment method's, each delivery zone's), so that only a mistake of the pages' own is named."""

    def __contains__(self, name: object) -> bool:
        return super().__contains__(name) or (isinstance(name, str) and is_own_placeholder(name))

    def __missing__(self, name: str) -> str:
        return ""


def make_placeholders(draft: Draft, found: Findings) -> None:
    """Every placeholder's value; without policies, their names alone, so that the pages are still checked."""
    if draft.policies is None:
        draft.placeholders = _NamesAlone.fromkeys([*placeholder_names(), *(f"check.{kind}" for kind in CHECKS),
                                                   "site.topics", "site.last_order_dates"], "")
        return
    draft.data = build_calculator_data(draft.policies, build_year())
    draft.meanings = draft.policies.meanings()
    draft.placeholders = {**draft.policies.placeholders(), **check_placeholders(draft.data),
                          "site.topics": render_topic_cards(draft.topics or []),
                          "site.last_order_dates": render_last_order_dates(draft.policies, draft.data)}


# The checks of what editors wrote (helpcentre.content)

def check_links_between_pages(draft: Draft, found: Findings) -> None:
    found.extend(_check_links(draft.topics or [], draft.unread_topics, draft.sources, draft.content_folder))


def check_words(draft: Draft, found: Findings) -> None:
    found.extend(_check_words(draft.topics, draft.sources, draft.content_folder, draft.placeholders,
                              draft.meanings, draft.glossary))


def check_words_file(draft: Draft, found: Findings) -> None:
    """The shop's changes to the generator's words use the glossary's terms, as its answers do."""
    changes = draft.content_folder / OVERRIDE_FILE
    if not changes.is_file():
        return
    name = f"{draft.content_folder.name}/{OVERRIDE_FILE}"
    with found.attempt():
        for key, _, text in sentence_nodes(read_yaml(changes, name)):
            found.extend(check_copy(text.value, name, text.start_mark.line + 1, key, draft.glossary, {}))


def render_pages(draft: Draft, found: Findings) -> None:
    """The topic pages, then the editors' own pages with their placeholders filled."""
    with found.attempt():
        draft.pages.update(render_topic_pages(draft.topics or [], draft.placeholders, *draft.shop))
    for page, source in draft.sources.items():
        with found.attempt():
            draft.pages[page] = fill_placeholders(source, draft.placeholders,
                                                  f"{draft.content_folder.name}/{page}", 1)


# Consumer law (helpcentre.law)

def advise_on_consumer_law(draft: Draft, found: Findings) -> None:
    """The "Your legal rights" answer, when the shop asks for it; then advice: the policies and the answers
    shoppers will read against the consumer law of the shop's country."""
    if draft.policies is None:
        return
    with found.attempt():
        law, lines = find_law(draft.policies, draft.policies_file, draft.law_folder)
        found.extend(lines)
        if draft.topics is not None:
            with_rights, hints = add_rights_answer(draft.topics, law, draft.policies, draft.policies_file)
            found.extend(hints)
            if with_rights != draft.topics:
                draft.pages.update(render_topic_pages(with_rights, draft.placeholders, *draft.shop))
            draft.topics = with_rights
        if law is not None and draft.data is not None:
            found.extend(review_consumer_law(law, draft.policies, draft.policies_file, draft.data,
                                             draft.topics or []))


# Unfinished answers and values (helpcentre.content)

def list_unfinished(draft: Draft, found: Findings) -> None:
    """Every TODO left in the answers, policies.yaml and mkdocs.yml; the checklist page of them, if any."""
    project = draft.policies_file.parent
    unfinished = find_unfinished(draft.topics or [], [draft.policies_file, project / "mkdocs.yml"])
    found.extend(unfinished)
    if unfinished:
        questions = {f"{topic.page}#{question.id}": question.question
                     for topic in draft.topics or [] for question in topic.questions}
        draft.pages[CHECKLIST_PAGE] = render_checklist(unfinished, questions)


def compare_with_content_kit(draft: Draft, found: Findings) -> None:
    """A hint for each question every shop is asked (the content kit's) that no answer covers."""
    if draft.topics is not None:
        found.extend(find_unanswered(draft.topics))


# The notice on every page (helpcentre.dates)

def read_notice_words(draft: Draft, found: Findings) -> None:
    with found.attempt():
        draft.notice_words = load_notice_words(draft.content_folder / NOTICE_FILE,
                                               f"{draft.content_folder.name}/{NOTICE_FILE}")


# One mistake, named once

def fold_knock_ons(draft: Draft, found: Findings) -> None:
    """What one mistake breaks elsewhere is shown under it, not as mistakes of their own."""
    found.found[:] = fold_lost_ids(found.found)


# In this order: each stage may use what the stages before it read.
STAGES: tuple[Stage, ...] = (
    read_policies,
    read_words,
    read_topic_files,
    read_glossary,
    read_pages,
    make_placeholders,
    check_links_between_pages,
    check_words,
    check_words_file,
    render_pages,
    advise_on_consumer_law,
    list_unfinished,
    compare_with_content_kit,
    read_notice_words,
    fold_knock_ons,
)


def review_help_centre(policies_file: Path, content_folder: Path, calculator_folder: Path = GENERATOR / "calculator",
                       law_folder: Path = GENERATOR / "law") -> tuple[HelpCentre | None, Findings]:
    """Every check in one pass (the `STAGES`): what they found, and the help centre (None if anything is wrong).

    `law_folder` holds the consumer law of each country."""
    draft = Draft(policies_file, content_folder, calculator_folder, law_folder)
    found = Findings()
    for stage in STAGES:
        with speaking(draft.words):
            stage(draft, found)
    if found.errors or draft.policies is None or draft.topics is None or draft.data is None:
        return None, found
    with speaking(draft.words):
        return _help_centre(draft), found


def _help_centre(draft: Draft) -> HelpCentre:
    """The help centre of a draft in which nothing was found wrong."""
    assert draft.policies is not None and draft.topics is not None and draft.data is not None
    help_centre = HelpCentre(draft.policies, draft.topics, draft.placeholders,
                             build_calculator_assets(draft.calculator_folder, draft.data), draft.pages,
                             words=draft.words)
    if draft.data["target_dates"]:  # the answer that shows the last order dates, for the notice's link
        help_centre.last_order_dates_answer = next(
            ((topic.page, question.id) for topic in draft.topics for question in topic.questions
             if "site.last_order_dates" in question.answer), None)
    help_centre.notice = build_notice(draft.data, draft.notice_words, draft.calculator_folder,
                                      help_centre.last_order_dates_answer is not None)
    return help_centre


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


def _check_links(topics: list[Topic], unread_topics: dict[str, frozenset[str]], sources: dict[str, str],
                 content_folder: Path) -> list[Finding]:
    """The links between answers and pages (links.py), against the ids that read (and those written in a topic
    file that is not YAML)."""
    anchors = {**unread_topics, **{topic.page: {q.id for q in topic.questions} for topic in topics},
               **{page: page_anchors(source) for page, source in sources.items()}}
    files = {path.relative_to(content_folder).as_posix() for path in content_folder.rglob("*") if path.is_file()}
    return [finding for text, page, file, line, key in _texts(topics, sources, content_folder)
            for finding in check_links(text, page, file, line, key, anchors, files)]


def _check_words(topics: list[Topic] | None, sources: dict[str, str], content_folder: Path,
                 placeholders: dict[str, str], meanings: dict[str, tuple[str, str]],
                 glossary: Glossary) -> list[Finding]:
    """The words editors wrote: the rules for text (text_rules) and the one voice (copy_style), each answer's
    sentences said once across the answers."""
    questions = {question.id: question.question for topic in topics or [] for question in topic.questions}
    texts = list(_texts(topics, sources, content_folder))
    glossary = glossary.within(" ".join(text for text, *_ in texts))  # most texts are then not read for terms
    answers = [(question.answer, question.answer.file, question.answer.line, question.answer.key)
               for topic in topics or [] for question in topic.questions]
    return [*(finding for text, _, file, line, key in texts
              for finding in (*check_text(text, file, line, key, placeholders, meanings),
                              *check_copy(text, file, line, key, glossary, questions))),
            *check_repeated_sentences(answers)]
