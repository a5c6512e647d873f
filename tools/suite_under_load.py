"""The test suite on a busy machine: the whole suite three times in a row while two site builds run beside it
without pause (as two other engineers building on the same two cores). Prints each run's outcome and time,
and exits 1 unless all three pass.

    .venv/bin/python tools/suite_under_load.py [--runs 3] [--builds 2] [PYTEST ARGUMENTS ...]

Pytest's arguments, when given, run a part of the suite instead (`tests/test_layers.py` tries the tool in
seconds). docs/measurements.md, "The suite on a busy machine", keeps its latest result.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_forever(site: Path) -> subprocess.Popen[bytes]:
    """A shell loop building the site into `site` again and again until it is stopped."""
    build = f"{sys.executable} -m mkdocs build --strict --site-dir {site} >/dev/null 2>&1"
    return subprocess.Popen(["sh", "-c", f"while true; do {build}; done"], cwd=ROOT, start_new_session=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--builds", type=int, default=2)
    parser.add_argument("pytest_arguments", nargs="*", help="what pytest runs (default: the whole suite)")
    arguments = parser.parse_args()
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="busy-") as scratch:
        builds = [build_forever(Path(scratch) / f"site-{n}") for n in range(arguments.builds)]
        try:
            for run in range(1, arguments.runs + 1):
                started = time.monotonic()
                result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                                         *arguments.pytest_arguments], cwd=ROOT, capture_output=True, text=True)
                summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr[-300:]
                outcomes.append(result.returncode == 0)
                print(f"run {run}: {'passed' if result.returncode == 0 else 'FAILED'} in "
                      f"{time.monotonic() - started:.0f} s, load {os.getloadavg()[0]:.1f}: {summary}", flush=True)
                if result.returncode != 0:
                    print("\n".join(line for line in result.stdout.splitlines()
                                    if line.startswith(("FAILED", "ERROR"))), flush=True)
        finally:
            for build in builds:
                os.killpg(build.pid, 15)
                build.wait()
    print(f"{sum(outcomes)} of {len(outcomes)} runs passed beside {arguments.builds} builds")
    return 0 if all(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
