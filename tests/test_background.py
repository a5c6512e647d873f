"""The checks of what editors wrote run beside the build, on the other core (helpcentre/background.py),
and still stop it, with every mistake, before anything is written."""

from __future__ import annotations

import os

import pytest

from conftest import build_project, copy_project
from helpcentre.background import Background
from helpcentre.content import load_topics, topic_files
from helpcentre.errors import DataError


def test_work_runs_in_another_process_and_its_result_comes_back():
    work = Background(lambda: {"process": os.getpid(), "findings": ["a", "b"]})
    result = work.result()
    assert result["findings"] == ["a", "b"]
    assert result["process"] != os.getpid()
    assert work.result() == result  # read once, kept


def test_a_failure_in_the_background_is_raised_with_its_traceback():
    def failing() -> None:
        raise ValueError("no such answer")

    work = Background(failing)
    with pytest.raises(RuntimeError, match="ValueError: no such answer"):
        work.result()
    with pytest.raises(RuntimeError):
        work.result()


def test_mistakes_found_beside_the_build_stop_it_before_anything_is_written(tmp_path):
    project = copy_project(tmp_path)
    returns = project / "content" / "returns.yml"
    text = returns.read_text(encoding="utf-8")
    returns.write_text(text.replace("Your return must reach us", "Within 14 days, by e-mail, your return must reach us",
                                    1), encoding="utf-8")
    built = build_project(project)
    assert built.returncode == 1
    assert '"14 days" is a figure typed into the text' in built.output  # a rule for the words (background)
    assert '"e-mail": expected "email"' in built.output  # and the glossary's, both at once
    assert not built.site.exists()  # MkDocs had converted the pages, but had written nothing


def test_topics_read_on_two_cores_are_the_topics_read_on_one(tmp_path):
    content = copy_project(tmp_path) / "content"
    assert load_topics(content, background=True) == load_topics(content)
    first, *_, last = topic_files(content)
    first.write_text(first.read_text(encoding="utf-8").replace("\norder: ", "\norder: one", 1), encoding="utf-8")
    last.write_text(last.read_text(encoding="utf-8").replace("\ntitle: ", "\ntitle: [", 1), encoding="utf-8")
    with pytest.raises(DataError) as on_one:
        load_topics(content)
    with pytest.raises(DataError) as on_two:
        load_topics(content, background=True)
    assert on_two.value.findings == on_one.value.findings
    assert {finding.file for finding in on_two.value.findings} == {f"content/{first.name}", f"content/{last.name}"}
