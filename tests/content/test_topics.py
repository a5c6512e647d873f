"""Reading the topic files in content/: mistakes name the file, line and key."""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, without_columns
from helpcentre.content.topics import load_topics
from helpcentre.reading.errors import DataError


def test_every_topic_and_question_is_read():
    topics = load_topics(ROOT / "content")
    assert [topic.order for topic in topics] == sorted(topic.order for topic in topics)
    ids = [question.id for topic in topics for question in topic.questions]
    assert len(ids) == len(set(ids)) >= 50
    assert all(question.keywords and 2 <= len(question.related) <= 3
               for topic in topics for question in topic.questions)


TOPIC = """title: Returns
summary: How to return an item.
order: 1
questions:
  - id: return-window
    question: How long do I have?
    answer: |
      Long enough.
    related: [other]
  - id: other
    question: Anything else?
    answer: No.
"""


BAD_TOPICS = [  # (case, topic file text, the message it must give); tests/review/test_json_schema.py reads it too
    ("unknown key", TOPIC.replace("order: 1", "ordr: 1"),
     'content/returns.yml:3: ordr: unknown key; expected one of title, summary, order, questions; '
     'did you mean "order"?'),
    ("missing key", TOPIC.replace("    answer: No.\n", ""),
     "content/returns.yml:10: question 2, id other, answer: this key is missing"),
    ("id not lowercase words", TOPIC.replace("id: other", "id: Other Thing").replace("[other]", "[return-window]"),
     "content/returns.yml:10: question 2, id Other Thing, id: expected an id of lowercase words and digits joined "
     "by hyphens"),
    ("id used twice", TOPIC.replace("id: other", "id: return-window"),
     'content/returns.yml:10: question 2, id return-window, id: the id "return-window" is also used in returns.yml'),
    ("related id that does not exist", TOPIC.replace("[other]", "[othr]"),
     'content/returns.yml:9: question 1, id return-window, related[1]: "othr" is not the id of another question'),
    ("no questions", TOPIC.replace("questions:\n", "questions: []\n").split("  - id")[0],
     "content/returns.yml:4: questions: expected a list of at least 1; got an empty list"),
    ("tab in indentation", TOPIC.replace("  - id: other", "\t- id: other"),
     "content/returns.yml:10: a tab is used for indentation"),
]


@pytest.mark.parametrize("text, message", [case[1:] for case in BAD_TOPICS], ids=[case[0] for case in BAD_TOPICS])
def test_a_mistake_in_a_topic_names_file_line_and_key(tmp_path, text, message):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "returns.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_topics(folder)
    assert message in without_columns(caught.value)


def test_an_id_used_in_two_files_is_refused(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    (folder / "extra.yml").write_text(
        "title: Extra\nsummary: More.\norder: 99\nquestions:\n  - id: return-window\n    question: Q?\n"
        "    answer: A.\n", encoding="utf-8")
    with pytest.raises(DataError, match=r'content/extra.yml:5:(\d+:)? question 1, id return-window, id: '
                                        r'the id "return-window" '
                                        r"is also used in returns.yml"):
        load_topics(folder)
