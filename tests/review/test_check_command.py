"""`make check`: every mistake in policies.yaml and content/ at once, without building the site, one per line
as file:line:column: key: message, then one line each for the hints and the advice, then one line that counts;
exit 1 if there is any mistake. Under GitHub Actions, mistakes are also annotations, and the hints and advice
go once to the job's summary."""

from __future__ import annotations

import os
import re
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


MISTAKE_LINE = re.compile(r"^[^\s:]+:\d+:\d+: ")  # file:line:column: at the start of a line, not indented


def mistakes(output: str) -> list[str]:
    """The lines of `make check` that name a mistake (what it breaks elsewhere is indented under it)."""
    return [line for line in output.splitlines() if MISTAKE_LINE.match(line)]


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


def test_the_shops_own_files_have_no_mistake_and_it_says_so_last():
    result = run_check(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert mistakes(result.stdout) == []
    files = 1 + sum(1 for path in (ROOT / "content").rglob("*") if path.is_file())
    assert result.stdout.splitlines()[-1] == f"No mistakes in {files} files."


def test_hints_and_advice_are_one_line_each_unless_asked_for_in_full():
    brief, full = run_check(ROOT), subprocess.run(
        [sys.executable, "-m", "helpcentre", "check", "-v"], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
    advice = [line for line in full.stdout.splitlines() if line.endswith("[advice]")]
    assert len(advice) >= 2  # the shop keeps its 14-day returns window, against the advice
    [line] = [line for line in brief.stdout.splitlines() if "advice" in line]
    assert line.startswith(f"{len(advice)} pieces of advice on the policies") and "make check V=1" in line
    assert all(a.split(": ")[0].rsplit(":", 1)[0] in line for a in advice)  # file:line of each, in the one line
    kit = [line for line in full.stdout.splitlines() if line.startswith("kit/") and line.endswith("[hint]")]
    [line] = [line for line in brief.stdout.splitlines() if "content kit" in line]
    assert line.startswith(f"{len(kit)} of the content kit's questions") and "gift-wrap" in line
    assert len(brief.stdout.splitlines()) == 3 and full.stdout.splitlines()[-1] == brief.stdout.splitlines()[-1]


def test_every_mistake_is_printed_at_once_in_file_and_line_order(broken):
    project, expected = broken
    result = run_check(project)
    assert result.returncode == 1
    lines = mistakes(result.stdout)
    assert len(lines) == 3, result.stdout
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start)
    assert result.stdout.splitlines()[-1] == "3 mistakes in 2 files."
    assert result.stderr == ""


def test_links_to_an_id_lost_by_a_mistake_are_folded_under_it(broken):
    """refund-time became "Refund time": the links and related ids naming refund-time are not mistakes of their
    own, but what that one mistake breaks, indented under it."""
    project, expected = broken
    lines = run_check(project).stdout.splitlines()
    cause = next(n for n, line in enumerate(lines) if line.startswith(expected[0]))
    assert 'Was this question "refund-time"?' in lines[cause]
    under = [line for line in lines[cause + 1:] if line.startswith("    ")]
    assert len(under) >= 5 and all("refund-time" in line for line in under)
    assert all(re.match(r"^    [^\s:]+:\d+:\d+: ", line) for line in under)


def test_a_yaml_syntax_error_stops_only_its_own_file(broken):
    project, expected = broken
    line = edit(project / "content" / "returns.yml", "title: Returns", "title: [Returns")
    result = run_check(project)
    assert result.returncode == 1
    assert f"content/returns.yml:{line}:8: a list opened with [ on line {line} is not closed" in result.stdout
    assert all(start in result.stdout for start in (e.split(": expected")[0] for e in expected))
    assert result.stdout.splitlines()[-1] == "4 mistakes in 3 files."


# One mistake in each of four files, the first a YAML syntax error: (file, text, the text with the mistake,
# the text the column points at, the start of the message after file:line:column).
FOUR_MISTAKES = [
    ("content/delivery.yml", "question: When will my order arrive?", 'question: "When will my order arrive?',
     '"When', 'a quote (") opened on line'),
    ("content/order-dates.md", "(refunds.md#refund-time)", "(refunds.md#refund-tim)", "refunds.md#refund-tim",
     'link to "refunds.md#refund-tim": no answer with id refund-tim'),
    ("content/returns.yml", "within {{ refunds.business_days }} of the day", "within 28 business days of the day",
     "28 business days", 'question 5, id return-received, answer: "28 business days" is a figure typed into the text'),
    ("policies.yaml", "  email: info@jjsart.co.uk", "  email: info@jjsart", "info@jjsart",
     "shop.email: expected an email address"),
]


def make_four_mistakes(project: Path) -> list[tuple[str, int, int]]:
    """The four mistakes made in `project`: (file, line, column) of each, where the mistaken text starts."""
    where = []
    for file, old, new, pointed_at, _ in FOUR_MISTAKES:
        line = edit(project / file, old, new)
        text = (project / file).read_text(encoding="utf-8").splitlines()[line - 1]
        where.append((file, line, text.index(pointed_at) + 1))
    return where


def test_one_mistake_in_each_of_four_files_is_named_in_one_round(tmp_path):
    """A YAML syntax error in one topic stops only that file: the broken link, the typed figure and the wrong
    value in three other files are named in the same run, each at its file, line and column."""
    project = copy_project(tmp_path)
    where = make_four_mistakes(project)
    result = run_check(project)
    lines = mistakes(result.stdout)
    assert len(lines) == 4, result.stdout
    for line, (file, number, column), (*_, message) in zip(lines, where, FOUR_MISTAKES, strict=True):
        assert line.startswith(f"{file}:{number}:{column}: {message}"), (line, column)
    assert result.stdout.splitlines()[-1] == "4 mistakes in 4 files."


def test_under_github_actions_each_mistake_is_an_annotation(broken):
    project, _ = broken
    result = run_check(project, GITHUB_ACTIONS="true")
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 3 and all(line.startswith("::error ") for line in annotations)
    assert annotations[1].startswith("::error file=policies.yaml,line=")
    assert ",col=10,title=shop.email::expected an email address such as help@example.com" in annotations[1]


def test_under_github_actions_the_advice_is_written_once_to_the_job_summary_not_as_annotations(tmp_path):
    summary = tmp_path / "summary.md"
    result = run_check(ROOT, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary))
    assert not [line for line in result.stdout.splitlines() if line.startswith("::")]
    written = summary.read_text(encoding="utf-8")
    assert written.count("### Hints and advice") == 1 and "**returns.window_days** (advice)" in written


def test_make_check_runs_it_on_the_project():
    result = subprocess.run(["make", "--no-print-directory", "check"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].startswith("No mistakes in ")
