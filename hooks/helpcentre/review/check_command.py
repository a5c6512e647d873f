"""`make check` (`python -m helpcentre check`): every mistake in policies.yaml and content/, without building the site.

Prints one line per mistake, ``file:line:column: key: message``, sorted by file and line (what a mistake breaks
elsewhere indented under it); then the hints and the advice, one line each (all of them with -v); and last one
line: "No mistakes in N files." or "N mistakes in M files.", after the TODOs left (answers to write, values to
decide: `make build` publishes nothing while one is left), one line each. Exits 1 if there is a mistake or a TODO.
Under GitHub Actions each mistake is also a workflow command, shown on the pull request's changed line, and the
hints and advice are written once to the job's summary.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from helpcentre.content.unfinished import count_words
from helpcentre.reading.errors import Finding
from helpcentre.starting.content_kit import KIT

from .checking_pass import review_help_centre

NOTES = {"hint": ("hint", "hints", "suggestions about how the help centre reads"),
         "advice": ("piece of advice", "pieces of advice", "the policies beside the consumer law")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpcentre", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check"])
    parser.add_argument("--project", type=Path, default=Path.cwd(),
                        help="the shop's folder, with policies.yaml and content/")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every hint and piece of advice in full")
    arguments = parser.parse_args(argv)
    project = arguments.project
    _, found = review_help_centre(project / "policies.yaml", project / "content")
    for finding in found.errors:
        print(finding)
    lines = notes_in_full(found.notes) if arguments.verbose else notes_in_brief(found.notes)
    print("\n".join(["", *lines]) if found.errors and lines else "\n".join(lines), end="\n" if lines else "")
    print(unfinished_lines(found.unfinished), end="")
    print(summary_line(found.errors, checked_files(project)))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for finding in [*found.errors, *found.unfinished]:
            print(finding.workflow_command())
        if found.notes and os.environ.get("GITHUB_STEP_SUMMARY"):
            with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
                summary.write(job_summary(found.notes))
    return 1 if found.errors or found.unfinished else 0


def unfinished_lines(unfinished: Sequence[Finding]) -> str:
    """Each TODO left, file:line, under a line saying how many and what they stop."""
    if not unfinished:
        return ""
    heading = (f"{count_words(unfinished)} (TODO; `make build` publishes nothing while one is left, "
               "`make serve` shows them):")
    return "".join(f"{line}\n" for line in [heading, *map(str, unfinished)])


def checked_files(project: Path) -> list[str]:
    """The files an editor writes, as `make check` reads them: policies.yaml and what content/ holds."""
    content = project / "content"
    return ["policies.yaml", *sorted(path.relative_to(project).as_posix() for path in content.rglob("*")
                                     if path.is_file() and not any(part.startswith(".") for part in
                                                                   path.relative_to(content).parts))]


def summary_line(errors: Sequence[Finding], files: Sequence[str]) -> str:
    """The last line: how many mistakes, in how many files (of the files checked when there are none)."""
    if not errors:
        return f"No mistakes in {len(files)} files."
    in_files = len({finding.file for finding in errors})
    return f"{len(errors)} mistake{'s' * (len(errors) != 1)} in {in_files} file{'s' * (in_files != 1)}."


def notes_in_brief(notes: Sequence[Finding]) -> list[str]:
    """One line per kind of note: how many, about what, and where; the content kit's questions no answer
    covers on a line of their own, by their ids."""
    lines = []
    kit = [note for note in notes if note.file.startswith(f"{KIT.name}/")]
    for severity, (one, many, about) in NOTES.items():
        of_kind = [note for note in notes if note.severity == severity and note not in kit]
        if of_kind:
            where = ", ".join(f"{note.file}:{note.line} {note.key}".strip() for note in of_kind)
            lines.append(f"{len(of_kind)} {one if len(of_kind) == 1 else many} on {about} (never a reason to stop): "
                         f"{where}; `make check V=1` shows them in full.")
    if kit:
        lines.append(f"{len(kit)} of the content kit's questions every shop is asked have no answer here (hints; "
                     f"{KIT.name}/ has an answer to start from): {', '.join(note.key for note in kit)}; "
                     "`make check V=1` shows them in full.")
    return lines


def notes_in_full(notes: Sequence[Finding]) -> list[str]:
    if not notes:
        return []
    return ["Hints and advice (information: they never stop the build):",
            *(f"{note} [{note.severity}]" for note in notes)]


def job_summary(notes: Sequence[Finding]) -> str:
    """The hints and advice as Markdown for the job's summary page: once per run, not on every changed line."""
    items = "\n".join(f"- `{note.file}:{note.line}` **{note.key}** ({note.severity}): {note.message}"
                      for note in notes)
    return f"### Hints and advice on the help centre\n\nThey never stop the build.\n\n{items}\n"
