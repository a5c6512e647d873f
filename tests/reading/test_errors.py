"""The one message format: what the build, the preview, `make check` and the pull request show."""

from __future__ import annotations

import pytest

from helpcentre.reading.errors import DataError, Finding, Findings


def test_a_finding_reads_file_line_column_key_message():
    finding = Finding("policies.yaml", 14, "returns.window_days", 'expected a whole number; got "two"', 16)
    assert str(finding) == 'policies.yaml:14:16: returns.window_days: expected a whole number; got "two"'
    assert str(Finding("policies.yaml", 3, "", "a tab is used")) == "policies.yaml:3: a tab is used"
    assert str(Finding("policies.yaml", None, "", "the file is empty")) == "policies.yaml: the file is empty"


def test_every_mistake_is_kept_and_read_in_file_and_line_order():
    found = Findings()
    with found.attempt():
        raise DataError("policies.yaml", 20, "b", "second")
    with found.attempt():
        raise DataError.of([Finding("content/returns.yml", 3, "c", "third"), Finding("policies.yaml", 4, "a",
                                                                                     "first")])
    found.add(Finding("policies.yaml", 9, "x", "read this", severity="advice"))
    assert [f.message for f in found.errors] == ["third", "first", "second"]
    assert [f.message for f in found.notes] == ["read this"]
    with pytest.raises(DataError) as caught:
        found.raise_errors()
    assert str(caught.value).splitlines() == ["content/returns.yml:3: c: third", "policies.yaml:4: a: first",
                                              "policies.yaml:20: b: second"]


def test_advice_alone_is_no_error():
    found = Findings()
    found.add(Finding("policies.yaml", 9, "x", "read this", severity="advice"))
    found.raise_errors()  # raises nothing
    assert found.errors == []


@pytest.mark.parametrize("finding, command", [
    (Finding("policies.yaml", 14, "returns.window_days", 'expected a number; got "two"', 16),
     '::error file=policies.yaml,line=14,col=16,title=returns.window_days::expected a number; got "two"'),
    (Finding("content/a.yml", 2, "questions[0].answer", "50% off,\nthen: more", severity="hint"),
     "::warning file=content/a.yml,line=2,title=questions[0].answer::50%25 off,%0Athen: more"),
    (Finding("policies.yaml", 5, "k:1,2", "gap", severity="advice"),
     "::notice file=policies.yaml,line=5,title=k%3A1%2C2::gap"),
    (Finding("policies.yaml", None, "", "the file is empty"),
     "::error file=policies.yaml,title=policies.yaml::the file is empty"),
])
def test_a_finding_is_shown_on_the_pull_request_as_a_workflow_command(finding, command):
    assert finding.workflow_command() == command
