"""The FAQ content: one YAML file per topic in content/, each a list of questions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import DataError
from .schema import ListOf, Markdown, Optional, Record, Text, Whole, fail
from .yaml_source import read_yaml


class Located(str):
    """Text from a content file that remembers where it was written, for error messages."""

    file: str
    line: int
    key: str


def _located(text: str, node: yaml.Node, key: str, file: str) -> Located:
    located = Located(text)
    block = node.style in ("|", ">")  # a block scalar's text starts on the next line
    located.file, located.line, located.key = file, node.start_mark.line + 1 + block, key
    return located


class ProseField(Markdown):
    def read(self, node: yaml.Node, key: str, file: str) -> Located:
        return _located(super().read(node, key, file), node, key, file)


class Slug(Text):
    """A question id: lowercase words joined by hyphens, used as the link anchor."""

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        value = super().read(node, key, file)
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
            raise fail(file, node, key, "an id of lowercase words and digits joined by hyphens, "
                       "such as cancel-an-order")
        return _located(value, node, key, file)


SCHEMA = Record({
    "title": Text(),
    "summary": Text(),
    "order": Whole(),
    "questions": ListOf(Record({
        "id": Slug(),
        "question": Text(),
        "answer": ProseField(),
        "keywords": Optional(ListOf(Text())),
        "related": Optional(ListOf(Slug())),
        "email": Optional(Record({  # the prefilled email offered below an answer that says "email us"
            "subject": Text(),
            "ask_for": Optional(ListOf(Text())),  # details to write in, such as "Order number"
            "attach": Optional(ListOf(Text())),  # what to attach, such as "Photos of the damaged item"
        })),
    }), min_items=1),
})
NOTICE_FILE = "notice.yml"  # the words of the notice on every page (helpcentre.notice), not a topic
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
    question: str
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
    paths = sorted(path for path in folder.glob("*.yml") if path.name != NOTICE_FILE)
    topics = sorted((_load_topic(path, folder) for path in paths),
                    key=lambda topic: (topic.order, topic.slug))
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
    for question in questions:
        if question.email is None and _EMAIL_PLACEHOLDER.search(question.answer):
            answer = question.answer
            raise DataError(answer.file, answer.line, answer.key.removesuffix(".answer") + ".email",
                            "this answer asks shoppers to email us, so it needs the email they should send; "
                            "expected email: with a subject (and ask_for, attach)")
    return Topic(path.stem, values["title"], values["summary"], values["order"], questions)


def _email_request(values: dict | None) -> EmailRequest | None:
    if values is None:
        return None
    return EmailRequest(values["subject"], tuple(values["ask_for"] or ()), tuple(values["attach"] or ()))


def _check_ids(topics: list[Topic]) -> None:
    where: dict[str, Topic] = {}
    for topic in topics:
        for question in topic.questions:
            qid = question.id
            if qid in where:
                raise DataError(qid.file, qid.line, qid.key, f'the id "{qid}" is also used in '
                                f"{where[qid].slug}.yml; expected each id once")
            where[qid] = topic
    for topic in topics:
        for question in topic.questions:
            for related in question.related:
                if related not in where or related == question.id:
                    raise DataError(related.file, related.line, related.key, f'"{related}" is not the id '
                                    "of another question; expected the id of a question to link to")
            if not 2 <= len(set(question.related)) == len(question.related) <= 3:
                qid = question.id
                raise DataError(qid.file, qid.line, qid.key.removesuffix(".id") + ".related",
                                f"{len(question.related)} related questions; expected two or three different "
                                "ids of the answers a shopper is likely to need next")
