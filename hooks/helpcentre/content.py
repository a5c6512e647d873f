"""The FAQ content: one YAML file per topic in content/, each a list of questions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import DataError, Findings
from .schema import JsonSchema, ListOf, Markdown, Optional, Record, Text, Whole, fail
from .yaml_source import read_yaml


class Located(str):
    """Text from a content file that remembers where it was written, for error messages."""

    file: str
    line: int
    column: int
    key: str

    def error(self, message: str, key: str | None = None) -> DataError:
        """A mistake about this text, at the place it was written."""
        return DataError(self.file, self.line, self.key if key is None else key, message, self.column)


def _located(text: str, node: yaml.Node, key: str, file: str) -> Located:
    located = Located(text)
    block = node.style in ("|", ">")  # a block scalar's text starts on the next line
    located.file, located.line, located.key = file, node.start_mark.line + 1 + block, key
    located.column = node.start_mark.column + 1
    return located


class ProseField(Markdown):
    def read(self, node: yaml.Node, key: str, file: str) -> Located:
        return _located(super().read(node, key, file), node, key, file)


class Slug(Text):
    """A question id: lowercase words joined by hyphens, used as the link anchor."""

    EXPECTED = "an id of lowercase words and digits joined by hyphens, such as cancel-an-order"
    PATTERN = r"[a-z0-9]+(-[a-z0-9]+)*"

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        value = super().read(node, key, file)
        if not re.fullmatch(self.PATTERN, value):
            raise fail(file, node, key, self.EXPECTED)
        return _located(value, node, key, file)

    def json_schema(self) -> JsonSchema:
        return self._described({"type": "string", "pattern": f"^(?:{self.PATTERN})$",
                                "patternErrorMessage": f"Expected {self.EXPECTED}."})


# The descriptions are what editors read when they hover over a key (the JSON Schema, see json_schema.py).
SCHEMA = Record({
    "title": Text(description="the topic's name: the page title and its place in the menu"),
    "summary": Text(description="one sentence, shown on the home page and to search engines"),
    "order": Whole(description="the topic's place in the menu (1 comes first)"),
    "questions": ListOf(Record({
        "id": Slug(description="the link anchor of the answer: lowercase words joined by hyphens; "
                               "never change it, links to it would break"),
        "question": ProseField(description="the question, as a shopper would ask it"),
        "answer": ProseField(description="the answer, in Markdown; policy values are placeholders such as "
                                         "{{ returns.window_days }}, never typed in"),
        "keywords": Optional(ListOf(Text(), description="what shoppers type to find this question "
                                                        "(synonyms, everyday words, misspellings); not shown")),
        "related": Optional(ListOf(Slug(), description="two or three ids of the answers to read next")),
        "email": Optional(Record({
            "subject": Text(description="the email's subject"),
            "ask_for": Optional(ListOf(Text(), description='details to write in, such as "Order number"')),
            "attach": Optional(ListOf(Text(), description='what to attach, such as "Photos of the damaged '
                                                          'item"')),
        }, description="the prefilled email offered below an answer that asks shoppers to email us "
                       "(needed when the answer uses {{ shop.email }})")),
    }, description="one question and its answer"), min_items=1, description="the topic's questions, in the "
                                                                             "order of the page"),
}, description="one topic of the help centre: a page of questions and answers")
_EMAIL_PLACEHOLDER = re.compile(r"\{\{\s*shop\.email\s*\}\}")


@dataclass(frozen=True)
class EmailRequest:
    """What the shop needs in an email about one question."""

    subject: str
    ask_for: tuple[str, ...] = ()
    attach: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    id: Located
    question: Located
    answer: Located
    keywords: tuple[str, ...]
    related: tuple[Located, ...]
    email: EmailRequest | None = None


@dataclass(frozen=True)
class Topic:
    slug: str  # the file name without .yml, also the page name
    title: str
    summary: str
    order: int
    questions: tuple[Question, ...]

    @property
    def page(self) -> str:
        return f"{self.slug}.md"


def load_topics(folder: Path) -> list[Topic]:
    """Read every topic file in `folder`, in menu order; ids must be unique and links must exist."""
    found, topics = Findings(), []
    for path in sorted(folder.glob("*.yml")):
        with found.attempt():  # a mistake in one file does not hide those in the others
            topics.append(_load_topic(path, folder))
    found.raise_errors()  # links are checked once every file reads: an unreadable file has ids too
    topics.sort(key=lambda topic: (topic.order, topic.slug))
    _check_ids(topics)
    return topics


def _load_topic(path: Path, folder: Path) -> Topic:
    name = str(path.relative_to(folder.parent))
    values = SCHEMA.read(read_yaml(path, name), "", name)
    questions = tuple(
        Question(q["id"], q["question"], q["answer"], tuple(q["keywords"] or ()), tuple(q["related"] or ()),
                 _email_request(q["email"]))
        for q in values["questions"]
    )
    found = Findings()
    for question in questions:
        if question.email is None and _EMAIL_PLACEHOLDER.search(question.answer):
            answer = question.answer
            found.add(answer.error("this answer asks shoppers to email us, so it needs the email they should "
                                   "send; expected email: with a subject (and ask_for, attach)",
                                   answer.key.removesuffix(".answer") + ".email"))
    found.raise_errors()
    return Topic(path.stem, values["title"], values["summary"], values["order"], questions)


def _email_request(values: dict | None) -> EmailRequest | None:
    if values is None:
        return None
    return EmailRequest(values["subject"], tuple(values["ask_for"] or ()), tuple(values["attach"] or ()))


def _check_ids(topics: list[Topic]) -> None:
    found, where = Findings(), {}
    for topic in topics:
        for question in topic.questions:
            qid = question.id
            if qid in where:
                found.add(qid.error(f'the id "{qid}" is also used in {where[qid].slug}.yml; expected each id once'))
            where.setdefault(qid, topic)
    for topic in topics:
        for question in topic.questions:
            for related in question.related:
                if related not in where or related == question.id:
                    found.add(related.error(f'"{related}" is not the id of another question; expected the id '
                                            "of a question to link to"))
            if not 2 <= len(set(question.related)) == len(question.related) <= 3:
                qid = question.id
                found.add(qid.error(f"{len(question.related)} related questions; expected two or three different "
                                    "ids of the answers a shopper is likely to need next",
                                    qid.key.removesuffix(".id") + ".related"))
    found.raise_errors()
