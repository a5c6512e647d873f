"""How long `make check` takes on this shop: a fresh process each time, as an editor runs it, and the
checking pass alone, in the process; printed as the table in docs/measurements.md. A benchmark, not a test:
run `make bench`."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from report import Run, machine_line, markdown_table, verdict  # noqa: E402

from helpcentre.review.checking_pass import review_help_centre  # noqa: E402

RUNS = 7
CHECK_UNDER = 1.0  # seconds: an editor waits for make check


def main() -> None:
    run = Run()
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
    check = statistics.median(whole)
    print(machine_line(run))
    print()
    print(markdown_table(["what", f"median of {RUNS}", "target"], [
        ["`make check`, a fresh process as an editor runs it (imports included)", f"{check:.2f} s",
         f"under a second: {verdict(check < CHECK_UNDER)}"],
        ["the checking pass alone, in the process", f"{statistics.median(passes) * 1000:.0f} ms", ""],
    ]))


if __name__ == "__main__":
    main()
