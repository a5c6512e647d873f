"""`make diff`: build a git base and the working tree, and print what shoppers will see differently.

    python -m helpcentre.review.site_diff [BASE]      (with hooks/ on the path; BASE defaults to HEAD)

The base is taken out of git into a temporary folder (`git archive`: the editor's folder and the
repository are left as they are), with the submodules at the commits the base pins (a shop in a repository of
its own pins the generator so); the shop may be a folder of the repository (`--project examples/us-ropes`).
Both versions are built by the real `mkdocs build --strict`, each into a temporary folder, dated alike
(SOURCE_DATE_EPOCH, else the last commit's date), so that only their sources differ. Each then answers the
calculator's sample panel with its own rules. Prints the Markdown report; exits 0 whatever it says, 2 (printing
the build's error) when a version does not build.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpcentre.content.topics import NOTICE_FILE
from helpcentre.dates.notice import load_notice_words
from helpcentre.reading.words import Words, speaking
from helpcentre.reading.words_file import load_shop_words

from . import calculator_panel, seasons
from .checking_pass import GENERATOR
from .diff_report import compare_pages, policy_changes, render_report
from .visible_text import read_site


class DiffError(Exception):
    """A version could not be built or read; the message is for the person who asked for the report."""


@dataclass
class Version:
    name: str  # "the base (HEAD, fb8ecd6)", "the working tree"
    project: Path  # the shop's folder
    site: Path
    generator: Path  # the generator's folder this version is built with

    def calculator_data(self) -> dict[str, Any] | None:
        """The data.js this version built, or None if it builds no calculator."""
        found = sorted((self.site / "assets" / "calculator").glob("data.*.js"))
        if not found:
            return None
        text = found[0].read_text(encoding="utf-8").strip()
        return json.loads(text.removeprefix("export default").strip().removesuffix(";"))


def git(project: Path, *arguments: str) -> str:
    result = subprocess.run(["git", "-C", str(project), *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        raise DiffError(f"git {' '.join(arguments)}: {result.stderr.strip()}")
    return result.stdout.strip()


def export_commit(repository: Path, commit: str, folder: Path) -> None:
    """The files of `commit` written into `folder`, as git stores them, with each submodule's files at the
    commit `commit` pins."""
    archive = subprocess.run(["git", "-C", str(repository), "archive", "--format=tar", commit],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    for line in git(repository, "ls-tree", "-r", commit).splitlines():
        mode, kind, pinned, path = line.split(None, 3)
        if kind == "commit":  # a submodule
            export_commit(repository / path, pinned, folder / path)


def build_epoch(project: Path) -> str:
    """The date both versions are built with: SOURCE_DATE_EPOCH when set, else the last commit's."""
    return os.environ.get("SOURCE_DATE_EPOCH") or git(project, "log", "-1", "--format=%ct")


def build_all(versions: list[Version], epoch: str) -> None:
    """Build every version with `mkdocs build --strict`; raises DiffError naming the first that fails, with
    the lines of its build's output that say why. The builds run at once when the machine has a core to
    spare for each, one after the other otherwise: on a busy machine two builds at once took longer than
    two in turn (benchmarks/diff_speed.py)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch}
    env.pop("PYTHONPATH", None)  # each version's hook imports its own modules
    at_once = os.getloadavg()[0] + len(versions) <= (os.cpu_count() or 1)
    runs: list[tuple[Version, subprocess.Popen[str]]] = []
    for version in versions:
        runs.append((version, subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(version.site)],
            cwd=version.project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)))
        if not at_once:
            _check_build(*runs[-1])
    for version, run in runs if at_once else []:
        _check_build(version, run)


def _check_build(version: Version, run: subprocess.Popen[str]) -> None:
    output = run.communicate()[0]
    if run.returncode != 0:
        lines = [line for line in output.splitlines() if not line.startswith("INFO")]
        shown = "\n".join(lines or output.splitlines()[-20:])
        raise DiffError(f"{version.name} does not build:\n\n```text\n{shown}\n```")


class PanelAnswers:
    """Each version answering the panel with its own order_dates.py and its own data.js, in processes of
    their own that run while the pages are read; `collect` waits for the answers."""

    def __init__(self, versions: list[Version], panel: calculator_panel.Panel, scratch: Path) -> None:
        calls = scratch / "panel.json"
        calls.write_text(json.dumps(calculator_panel.calls(panel)), encoding="utf-8")
        env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
        self.runs = []
        for n, version in enumerate(versions):
            data = sorted((version.site / "assets" / "calculator").glob("data.*.js"))[0]
            answers = scratch / f"answers-{n}.json"
            with calls.open("rb") as stdin, answers.open("wb") as stdout:
                hooks = version.generator / "hooks"
                command = [sys.executable, "-c", calculator_panel.EVALUATOR, str(hooks), str(data)]
                run = subprocess.Popen(command, cwd=version.project, env=env, stdin=stdin, stdout=stdout,
                                       stderr=subprocess.PIPE, text=True)
            self.runs.append((version, run, answers))

    def collect(self) -> list[list[dict[str, Any]]]:
        answers = []
        for version, run, output in self.runs:
            error = run.communicate()[1]
            if run.returncode != 0:
                raise DiffError(f"the calculator of {version.name} does not answer:\n\n```text\n{error.strip()}\n```")
            answers.append(json.loads(output.read_text(encoding="utf-8")))
        return answers


def notice_words(version: Version) -> dict[str, str]:
    return load_notice_words(version.project / "content" / NOTICE_FILE, f"content/{NOTICE_FILE}")


def shop_words(version: Version) -> Words:
    """The words a version's site speaks: its locale's (or its country's), with its content/words.yml."""
    policies = read_policies(version)
    return load_shop_words((policies["shop"] or {}).get("locale"), policies["calendar"]["bank_holidays"]["country"],
                           version.project / "content")


def read_policies(version: Version) -> Any:
    return yaml.safe_load((version.project / "policies.yaml").read_text(encoding="utf-8"))


def site_diff(project: Path, base: str, scratch: Path) -> str:
    """The report for `base` (a git revision) against the working tree of `project`."""
    try:
        commit = git(project, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    except DiffError:
        raise DiffError(f"{base!r} is not a commit of this repository") from None
    saved, subject = git(project, "log", "-1", "--format=%cs%n%s", commit).split("\n", 1)
    name = f"the version saved on {saved} (“{subject}”)"
    repository = Path(git(project, "rev-parse", "--show-toplevel")).resolve()
    shop, generator = project.relative_to(repository), Path(os.path.relpath(GENERATOR, project))
    old = Version(name, scratch / "base" / shop, scratch / "base-site", scratch / "base" / shop / generator)
    new = Version("the working tree", project, scratch / "working-tree-site", GENERATOR)
    export_commit(repository, commit, scratch / "base")
    if not (old.project / "mkdocs.yml").is_file():
        raise DiffError(f"{shop.as_posix()}/mkdocs.yml is not in {base!r}: commit the shop first")
    epoch = build_epoch(project)
    build_all([old, new], epoch)

    old_data, new_data = old.calculator_data(), new.calculator_data()
    with speaking(shop_words(new)):  # as the shop's site writes
        return _report(name, old, new, old_data, new_data, epoch, scratch)


def _report(name: str, old: Version, new: Version, old_data: Any, new_data: Any, epoch: str, scratch: Path) -> str:
    """The report on two built versions."""
    panel, blocks, notes, season_lines = None, [], [], []
    if old_data is None or new_data is None:
        notes.append(f"\nThe calculator is not compared: {(old if old_data is None else new).name} has none.")
    else:
        start = dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
        season_lines = seasons.season_changes(*(seasons.seasons(data, notice_words(version), start) for
                                                data, version in ((old_data, old), (new_data, new))))
        panel = calculator_panel.build_panel(old_data, new_data, start)
        answering = PanelAnswers([old, new], panel, scratch)
    pages = compare_pages(read_site(old.site), read_site(new.site))
    policies = policy_changes(read_policies(old), read_policies(new))
    if panel is not None:
        before, after = answering.collect()
        blocks = calculator_panel.compare_answers(panel, before, after)
    return render_report(name, policies, pages, panel, blocks, notes, season_lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="What shoppers will see differently between a git base and "
                                     "the working tree, as Markdown.")
    parser.add_argument("base", nargs="?", default="HEAD", help="a git revision (default: HEAD, the last commit)")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="the shop's folder (default: here)")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="site-diff-") as scratch:
        try:
            report = site_diff(arguments.project.resolve(), arguments.base, Path(scratch))
        except DiffError as error:
            print(f"# What shoppers will see differently\n\nNo report: {error}")
            return 2
    print(report, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
