"""`make check`: every mistake in policies.yaml and content/ at once, without building the site, one per line
as file:line:column: key: message; exit 1 if there is any. Under GitHub Actions, also as annotations."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project


def run_check(project: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """What `make check` runs, in `project`."""
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run([sys.executable, "-m", "helpcentre", "check"], cwd=project, capture_output=True,
                          text=True, env={**environment, "PYTHONPATH": str(project / "hooks"), **env})


def edit(path: Path, old: str, new: str) -> int:
    """Replace the one `old` in `path` by `new`; the line it is on."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture
def broken(tmp_path: Path) -> tuple[Path, list[str]]:
    """A copy of the shop with three independent mistakes in two files, and the lines expected, in order."""
    project = copy_project(tmp_path)
    policies, refunds = project / "policies.yaml", project / "content" / "refunds.yml"
    email = edit(policies, "  email: info@jjsart.co.uk", "  email: info@jjsart")
    window = edit(policies, "  window_days: 14 ", '  window_days: "two weeks" ')
    refund_id = edit(refunds, "  - id: refund-time", "  - id: Refund time")
    return project, [
        f'content/refunds.yml:{refund_id}:9: question 1, id Refund time, id: expected an id of lowercase words',
        f'policies.yaml:{email}:10: shop.email: expected an email address such as help@example.com; '
        'got "info@jjsart"',
        f'policies.yaml:{window}:16: returns.window_days: expected a whole number of days, at least 1; '
        'got "two weeks"',
    ]


def test_the_shops_own_files_have_no_mistake():
    result = run_check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line for line in result.stdout.splitlines() if line.startswith(("policies.yaml:", "content/"))
            and not line.endswith("[advice]")] == []


def test_every_mistake_is_printed_at_once_in_file_and_line_order(broken):
    project, expected = broken
    result = run_check(project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3, result.stdout
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start)
    assert result.stderr == ""


def test_a_yaml_syntax_error_stops_only_its_own_file(broken):
    project, expected = broken
    line = edit(project / "content" / "returns.yml", "title: Returns", "title: [Returns")
    result = run_check(project)
    assert result.returncode == 1
    assert f"content/returns.yml:{line}:8: a list opened with [ on line {line} is not closed" in result.stdout
    assert all(start in result.stdout for start in (e.split(": expected")[0] for e in expected))


def test_under_github_actions_each_mistake_is_also_an_annotation(broken):
    project, _ = broken
    result = run_check(project, GITHUB_ACTIONS="true")
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 3
    assert annotations[1].startswith("::error file=policies.yaml,line=")
    assert ",col=10,title=shop.email::expected an email address such as help@example.com" in annotations[1]


def test_make_check_runs_it_on_the_project():
    result = subprocess.run(["make", "--no-print-directory", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "mistake" not in result.stdout
