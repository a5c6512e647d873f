"""How long `make check` takes on this shop: a fresh process each time, as an editor runs it, and the
checking pass alone, in the process. A benchmark, not a test: run `make bench`."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from helpcentre.review.checking_pass import review_help_centre  # noqa: E402

RUNS = 7


def main() -> None:
    whole = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "helpcentre", "check"], cwd=ROOT, check=True, capture_output=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
        whole.append(time.perf_counter() - start)
    review_help_centre(ROOT / "policies.yaml", ROOT / "content", ROOT / "calculator")  # imports and caches warm
    passes = []
    for _ in range(RUNS):
        start = time.perf_counter()
        review_help_centre(ROOT / "policies.yaml", ROOT / "content", ROOT / "calculator")
        passes.append(time.perf_counter() - start)
    print(f"make check, median of {RUNS}: {statistics.median(whole):.2f} s a run (a fresh Python process: "
          f"imports included); the checking pass alone {statistics.median(passes) * 1000:.0f} ms "
          f"(target: well under a second)")


if __name__ == "__main__":
    main()
