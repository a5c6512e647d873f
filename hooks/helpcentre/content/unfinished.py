"""Unfinished work: the word TODO in an answer (the content kit's answers that only the shop can write), or in
a line of policies.yaml or mkdocs.yml (a value `make new-shop` guessed, for the shop to decide).

Each is a finding of its own kind ("unfinished"): `make check` lists it with its file and line, `make build`
publishes nothing while one is left, and the preview shows it: the answer highlighted, and a checklist page
that links to each."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from helpcentre.reading import markdown_text as md
from helpcentre.reading.errors import Finding

from .topics import Topic

TODO = re.compile(r"\bTODO\b:?\s*(.*)")
CHECKLIST_PAGE = "unfinished.md"
STYLESHEET = Path(__file__).with_name("unfinished.css")
CSS_CLASS = "unfinished-answer"
# The checklist page's words, in one place
WORDS = {
    "answers": ("answer left to write", "answers left to write"),
    "values": ("value left to decide", "values left to decide"),
    "intro": "The preview only: an answer with the word TODO is unfinished. It is highlighted on its page, "
             "`make check` lists it with its file and line, and `make build` publishes nothing while one is left. "
             "Write each in its file, at its line, and delete the TODO.",
    "answers_heading": "Answers",
    "values_heading": "Values in policies.yaml and mkdocs.yml",
}


def find_unfinished(topics: Sequence[Topic], settings_files: Sequence[Path]) -> list[Finding]:
    """Every answer with TODO (at the line of the TODO, linked to the answer), then every TODO line in
    `settings_files` (policies.yaml, mkdocs.yml: named by their file name)."""
    found = []
    for topic in topics:
        for question in topic.questions:
            answer = question.answer
            for offset, line in enumerate(answer.splitlines()):
                if match := TODO.search(line):
                    found.append(Finding(answer.file, answer.line + offset, answer.key, match.group(1).strip(),
                                         severity="unfinished", refers_to=f"{topic.page}#{question.id}"))
    for path in settings_files:
        if path.is_file():
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if match := TODO.search(line):
                    found.append(Finding(path.name, number, line.split(":")[0].strip(" -#"),
                                         match.group(1).strip(), severity="unfinished"))
    return found


def is_unfinished(answer: str) -> bool:
    return TODO.search(answer) is not None


def count_words(unfinished: Sequence[Finding]) -> str:
    """"12 answers left to write", and the values when there are any."""
    answers = sum(1 for finding in unfinished if finding.refers_to)
    counts = [(answers, WORDS["answers"]), (len(unfinished) - answers, WORDS["values"])]
    return ", ".join(f"{n} {one if n == 1 else many}" for n, (one, many) in counts if n) or f"0 {WORDS['answers'][1]}"


def render_checklist(unfinished: Sequence[Finding], questions: dict[str, str]) -> str:
    """The checklist page: each unfinished answer linked to its place, with its file:line and what to write."""
    title = count_words(unfinished)
    answers = [f"- [{md.escape(questions[finding.refers_to])}]({finding.refers_to}): `{finding.file}:{finding.line}`"
               f" {md.escape(finding.message)}" for finding in unfinished if finding.refers_to]
    values = [f"- `{finding.file}:{finding.line}` {md.escape(finding.key)}: {md.escape(finding.message)}"
              for finding in unfinished if not finding.refers_to]
    parts = [f"---\ntitle: {title}\nsearch:\n  exclude: true\n---\n", f"# {title}\n", WORDS["intro"] + "\n"]
    for heading, items in ((WORDS["answers_heading"], answers), (WORDS["values_heading"], values)):
        if items:
            parts.append(f"## {heading}\n\n" + "\n".join(items) + "\n")
    return "\n".join(parts)
