"""How long `make diff` takes next to one build. A benchmark, not a test: `make bench`.

In a temporary git repository holding a copy of this project, with returns.window_days changed from 14 to
21 in the working tree: `mkdocs build --strict` of the working tree, and the report against HEAD (which
builds the base and the working tree, at once when the machine has cores to spare, then answers the
calculator's sample panel with each), taking turns, RUNS times each; prints the medians of the wall and CPU
times and their ratios, as the table in docs/measurements.md. The target: at most about two builds' time.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests")]

from report import Run, machine_line, markdown_table  # noqa: E402

from conftest import copy_project  # noqa: E402

RUNS = 3
EPOCH = "1798747200"  # fixed, so that every run builds and compares the same sites


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall time, and CPU time of the command and every process it ran (on a busy machine the steadier one)."""
    start, cpu = time.perf_counter(), _children_cpu()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return elapsed, _children_cpu() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    run = Run()
    with tempfile.TemporaryDirectory(prefix="diff-speed-") as scratch:
        (Path(scratch) / "shop").mkdir()
        repo = copy_project(Path(scratch) / "shop")
        git = ["git", "-C", str(repo), "-c", "user.name=Bench", "-c", "user.email=bench@example.com"]
        for arguments in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "shop"]):
            subprocess.run([*git, *arguments], check=True, capture_output=True)
        policies = repo / "policies.yaml"
        policies.write_text(policies.read_text(encoding="utf-8").replace("window_days: 14 ", "window_days: 21 "),
                            encoding="utf-8")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": EPOCH}
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(Path(scratch) / "site")]
        diff = [sys.executable, "-m", "helpcentre.review.site_diff", "HEAD"]
        builds, diffs = [], []
        for _ in range(RUNS):
            builds.append(timed(build, repo, env))
            diffs.append(timed(diff, repo, {**env, "PYTHONPATH": str(repo / "hooks")}))
    one, both = (statistics.median(run[0] for run in runs) for runs in (builds, diffs))
    one_cpu, both_cpu = (statistics.median(run[1] for run in runs) for runs in (builds, diffs))
    print(machine_line(run))
    print()
    print(markdown_table(["", "wall", "CPU (with every process it runs)"], [
        ["one build", f"{one:.2f} s", f"{one_cpu:.2f} s"],
        ["`make diff`", f"{both:.2f} s: **{both / one:.1f} builds' time**",
         f"{both_cpu:.2f} s: {both_cpu / one_cpu:.1f} builds"],
    ]))


if __name__ == "__main__":
    main()
