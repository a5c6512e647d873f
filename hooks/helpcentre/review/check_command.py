"""`make check` (`python -m helpcentre check`): every mistake in policies.yaml and content/, without building the site.

Prints one line per finding, ``file:line:column: key: message``, sorted by file and line, then the
hints and advice; exits 1 if there is a mistake. Under GitHub Actions each finding is also printed
as a workflow command, which shows it on the pull request's changed line.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from .checking_pass import review_help_centre


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpcentre", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check"])
    parser.add_argument("--project", type=Path, default=Path.cwd(),
                        help="the shop's folder, with policies.yaml and content/")
    project = parser.parse_args(argv).project
    _, found = review_help_centre(project / "policies.yaml", project / "content")
    for finding in found.errors:
        print(finding)
    if found.notes:
        print("\nHints and advice (information: they never stop the build):" if found.errors else
              "Hints and advice (information: they never stop the build):")
        for finding in found.notes:
            print(f"{finding} [{finding.severity}]")
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for finding in [*found.errors, *found.notes]:
            print(finding.workflow_command())
    return 1 if found.errors else 0

