"""Unfinished work: each TODO found at its own line (in an answer, in policies.yaml), linked to its answer; the
checklist page counts them and shows what editors wrote as text, never as Markdown or HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROBLEMS_TOPIC
from helpcentre.content.topics import load_topics
from helpcentre.content.unfinished import count_words, find_unfinished, render_checklist


def write_topic(folder: Path, answer: str) -> list:
    folder.mkdir()
    (folder / "problems.yml").write_text(PROBLEMS_TOPIC.replace("    answer: Tell us.\n", answer, 1), "utf-8")
    return load_topics(folder)


@pytest.mark.parametrize("answer, line, said", [
    ("    answer: TODO say whether you gift wrap.\n", 7, "say whether you gift wrap."),
    ("    answer: |\n      We send a replacement.\n\n      TODO: say how soon.\n", 10, "say how soon."),
    ("    answer: |\n      TODO\n", 8, ""),
])
def test_a_todo_is_found_at_its_line_and_linked_to_its_answer(tmp_path, answer, line, said):
    [finding] = find_unfinished(write_topic(tmp_path / "content", answer), [])
    assert (finding.file, finding.line, finding.message, finding.refers_to) == (
        "content/problems.yml", line, said, "problems.md#damaged-item")
    assert finding.severity == "unfinished"


@pytest.mark.parametrize("answer", ["    answer: Our todo list is short.\n", "    answer: TODOS are not it.\n"])
def test_only_the_word_todo_in_capitals_is_unfinished(tmp_path, answer):
    assert find_unfinished(write_topic(tmp_path / "content", answer), []) == []


def test_a_todo_in_policies_is_a_value_to_decide_at_its_line(tmp_path):
    policies = tmp_path / "policies.yaml"
    policies.write_text("returns:\n  window_days: 30   # TODO decide: the window\n", encoding="utf-8")
    [finding] = find_unfinished([], [policies, tmp_path / "mkdocs.yml"])  # a file that is not there is skipped
    assert (finding.file, finding.line, finding.key, finding.message) == (
        "policies.yaml", 2, "window_days", "decide: the window")


def test_the_checklist_counts_links_and_escapes(tmp_path):
    topics = write_topic(tmp_path / "content", "    answer: TODO say whether <b>gift</b> [wrap](x.md).\n")
    policies = tmp_path / "policies.yaml"
    policies.write_text("shop:\n  name: A   # TODO decide\n", encoding="utf-8")
    found = find_unfinished(topics, [policies])
    page = render_checklist(found, {"problems.md#damaged-item": "Damaged?"})
    assert count_words(found) == "1 answer left to write, 1 value left to decide"
    assert "# 1 answer left to write, 1 value left to decide" in page
    assert "- [Damaged?](problems.md#damaged-item): `content/problems.yml:7`" in page
    assert "<b>" not in page and "](x.md)" not in page
    assert "`policies.yaml:2` name" in page
