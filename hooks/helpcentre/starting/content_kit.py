"""The content kit (kit/ beside hooks/): the questions every online shop's help centre must answer, as topic
files a new shop starts from. A shop's answers are compared with it, and each kit question no answer covers
is a hint.

An answer covers a kit question when it has the same id, or when its question (as shoppers read it, not its
keywords, which also route searches to nearby answers) holds one of the kit question's keywords of two words or
more, or two of its one-word keywords, in any word form: the shop's words for the same question, not an exact
copy of the kit's."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

from helpcentre.content.topics import Question, Topic, load_topics
from helpcentre.reading.errors import Finding

KIT = Path(__file__).resolve().parents[3] / "kit"


@functools.cache
def kit_topics(folder: Path = KIT) -> tuple[Topic, ...]:
    return tuple(load_topics(folder))


@functools.cache
def kit_questions(folder: Path = KIT) -> tuple[tuple[str, Question, tuple[str, ...]], ...]:
    """Each kit question with its topic's title and the word forms of its keywords, space-padded."""
    return tuple((topic.title, question, tuple(f" {_words(keyword)} " for keyword in question.keywords))
                 for topic in kit_topics(folder) for question in topic.questions)


def find_unanswered(topics: Sequence[Topic], folder: Path = KIT) -> list[Finding]:
    """A hint for each kit question that no question of `topics` covers, at its line in the kit."""
    ids = {question.id for topic in topics for question in topic.questions}
    asked = [f" {_words(question.question)} " for topic in topics for question in topic.questions]
    return [Finding(question.question.file, question.question.line, question.id,
                    f'no answer covers "{question.question}" ({title}), a question every shop is asked; '
                    f"the kit's answer is a start", severity="hint")
            for title, question, keywords in kit_questions(folder)
            if question.id not in ids and not any(_covers(keywords, words) for words in asked)]


def _covers(keywords: tuple[str, ...], words: str) -> bool:
    """Whether a question's words (space-padded) hold one of the keywords of two words or more, or two."""
    found = [keyword for keyword in keywords if keyword in words]
    return any(keyword.count(" ") > 2 for keyword in found) or len(found) >= 2


def _words(text: str) -> str:
    """Lower case, every word without its ending (-s, -es, -ed, -ing), one space between words."""
    words = re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))
    return " ".join(re.sub(r"(?<=..)(es|s|ed|ing)$", "", word) for word in words)
