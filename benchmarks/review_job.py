"""How long the pull request's first job takes (`review` in .github/workflows/publish.yml): its steps as the
runner runs them, in a fresh clone of this repository with its whole history (the checkout, fetch-depth 0),
`make check` (which makes .venv from requirements.txt first, as on a fresh runner) and `make diff` against
the commit before (the report the job writes to its summary). Twice: first with pip's cache empty, then with
it filled, as `actions/setup-python`'s `cache: pip` restores it on every run after the first. A benchmark, not
a test: `.venv/bin/python benchmarks/review_job.py [BASE]` (default HEAD~1).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from diff_speed import timed
from report import Run, machine_line, markdown_table, verdict

ROOT = Path(__file__).resolve().parent.parent
UNDER = 60  # seconds: the reviewer reads the report before the test suite has started


def run_job(scratch: Path, base: str, pip_cache: Path) -> list[tuple[float, float]]:
    """Wall and CPU times of the job's steps in a fresh clone: clone, make check (with .venv), make diff."""
    clone = scratch / "clone"
    env = {**os.environ, "PIP_CACHE_DIR": str(pip_cache), "GITHUB_ACTIONS": "true",
           "GITHUB_STEP_SUMMARY": str(scratch / "summary.md")}
    env.pop("VIRTUAL_ENV", None)
    steps = [timed(["git", "clone", "--quiet", "--no-local", str(ROOT), str(clone)], scratch, env),
             timed(["make", "check"], clone, env),
             timed(["make", "--no-print-directory", "diff", f"BASE={base}"], clone, env)]
    shutil.rmtree(clone)
    return steps


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "HEAD~1"
    run = Run()
    with tempfile.TemporaryDirectory(prefix="review-job-") as scratch:
        cache = Path(scratch) / "pip-cache"
        cold = run_job(Path(scratch), base, cache)
        warm = run_job(Path(scratch), base, cache)
    print(machine_line(run))
    print()
    names = ["the checkout: a clone with the whole history", "`make check`, .venv made first",
             f"`make diff BASE={base}`"]
    cold.append(tuple(map(sum, zip(*cold, strict=True))))
    warm.append(tuple(map(sum, zip(*warm, strict=True))))
    rows = [[name, f"{c[0]:.1f} / {c[1]:.1f} s", f"{w[0]:.1f} / {w[1]:.1f} s"]
            for name, c, w in zip([*names, "**the job**"], cold, warm, strict=True)]
    print(markdown_table(["step (wall / CPU)", "pip's cache empty (a first run)",
                          "pip's cache filled (every run after)"], rows))
    print()
    # The steps run one after another, each mostly on one core: with a core to itself (a runner), the job's wall
    # time is about its CPU time, which other work on a shared machine does not stretch.
    job = warm[-1][1]
    print(markdown_table(["target", "result"], [
        ["the job in under a minute, pip's cache filled (its CPU time)", f"{verdict(job < UNDER)}: {job:.0f} s"]]))

if __name__ == "__main__":
    main()
