"""The content kit: at least 50 questions in the ten topics every shop's help centre needs, each TODO saying
what to write; a shop's answers cover a kit question by its id or by its meaning (the kit's keywords in the
shop's own question), and JJ's Art is told which questions it never answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROBLEMS_TOPIC, ROOT
from helpcentre.content.topics import load_topics
from helpcentre.content.unfinished import TODO
from helpcentre.starting.content_kit import find_unanswered, kit_topics

TOPICS = {"Ordering", "Payment and prices", "Delivery", "Tracking", "Cancelling and changing an order",
          "Returns and exchanges", "Refunds", "Problems with an order", "Your account", "Contact us"}


def test_the_kit_asks_at_least_fifty_questions_in_the_ten_topics():
    topics = kit_topics()
    assert {topic.title for topic in topics} == TOPICS
    assert sum(len(topic.questions) for topic in topics) >= 50


@pytest.mark.parametrize("question_id", ["gift-wrap", "prices-and-tax", "couriers", "phone", "opening-hours"])
def test_what_only_the_shop_can_say_is_a_todo_saying_what_to_write(question_id):
    [answer] = [q.answer for topic in kit_topics() for q in topic.questions if q.id == question_id]
    match = TODO.search(answer)
    assert match and len(match.group(1).split()) >= 6


def test_jjs_art_is_told_the_questions_it_never_answers():
    unanswered = {finding.key for finding in find_unanswered(load_topics(ROOT / "content"))}
    assert {"gift-wrap", "prices-and-tax", "couriers", "express-delivery", "exchanges", "phone",
            "opening-hours", "reply-time"} <= unanswered
    assert not {"return-window", "payment-methods", "refund-time", "damaged-item", "cancel-an-order"} & unanswered


@pytest.mark.parametrize("question, covers", [
    ("Do you gift wrap presents?", "gift-wrap"),            # one phrase of the kit's keywords
    ("Is VAT included in the price?", "prices-and-tax"),
    ("Is there tax on gift cards?", None),                   # one word alone is not enough
    ("Do your prices include VAT or sales tax?", "prices-and-tax"),
    ("What's your phone number?", "phone"),
])
def test_a_question_in_the_shops_own_words_covers_the_kits(tmp_path: Path, question, covers):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "problems.yml").write_text(PROBLEMS_TOPIC.replace("question: Lost?", f'question: "{question}"'), "utf-8")
    unanswered = {finding.key for finding in find_unanswered(load_topics(folder))}
    named = {"gift-wrap", "prices-and-tax", "phone"}
    assert named - unanswered == ({covers} if covers else set())


def test_a_hint_names_the_kit_file_and_line_where_an_answer_to_start_from_is():
    [hint] = [f for f in find_unanswered([]) if f.key == "gift-wrap"]
    lines = (ROOT / hint.file).read_text(encoding="utf-8").splitlines()
    assert "Can you gift wrap my order?" in lines[hint.line - 1] and hint.severity == "hint"
