"""The calculator's size and speed: gzipped bytes of its scripts and data, and the engine's time
per answer (benchmarks/engine_speed.mjs), as the table in docs/measurements.md. A benchmark, not a test:
run `make bench`."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from report import Run, machine_line, markdown_table, node_version, verdict  # noqa: E402

from helpcentre.dates.calculator_assets import build_calculator_assets  # noqa: E402
from helpcentre.dates.calculator_data import build_calculator_data, build_year  # noqa: E402
from helpcentre.dates.notice import build_notice, load_notice_words  # noqa: E402
from helpcentre.policy.policies import load_policies  # noqa: E402
from helpcentre.reading.words import speaking  # noqa: E402
from helpcentre.reading.words_file import load_shop_words  # noqa: E402

SCRIPTS_UNDER = 8192  # bytes, gzipped: page.js, answers.js and engine.js
CALCULATOR_AT_MOST = 10240  # bytes, gzipped: every script of the calculator
ANSWER_UNDER = 1000  # µs


def gzipped(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def significant(value: float) -> str:
    """Two significant figures: 1.3, 16, 310."""
    return f"{float(f'{value:.2g}'):g}"


def main() -> None:
    """A table for every shop: JJ's Art (the repository root), then each reference shop of examples/."""
    run = Run()
    print(machine_line(run, node_version()))
    for shop in [ROOT, *sorted(folder.parent for folder in (ROOT / "examples").glob("*/mkdocs.yml"))]:
        print(f"\n{shop.relative_to(ROOT).as_posix() if shop != ROOT else 'the repository root (JJ’s Art)'}:\n")
        print(markdown_table(["what", "figure", "target"], measure(shop)))


def measure(shop: Path) -> list[list[str]]:
    """The rows of one shop's table, in the shop's words."""
    policies = load_policies(shop / "policies.yaml")
    words = load_shop_words(policies["shop.locale"], policies["calendar.bank_holidays"]["country"], shop / "content")
    with speaking(words):
        return _measure(shop, build_calculator_data(policies, build_year()))


def _measure(shop: Path, data: dict) -> list[list[str]]:
    assets = build_calculator_assets(ROOT / "calculator", data)
    # "assets/calculator/page.3f2a9c1e.js" -> "page.js"
    by_kind = {".".join(path.rsplit("/", 1)[1].split(".")[::2]): text for path, text in assets.files.items()}
    size = {name: gzipped(text) for name, text in by_kind.items()}
    words = load_notice_words(shop / "content" / "notice.yml", "notice.yml")
    notice = build_notice(data, words, ROOT / "calculator", True)
    notice_script = notice.script if notice else ""
    on_touch = ["answers.js", "engine.js", "last_order_dates.js", "data.js"]
    scripts = sum(size[name] for name in ("page.js", "answers.js", "engine.js"))
    calculator = sum(size[name] for name in ("engine.js", "page.js", "last_order_dates.js", "answers.js"))
    speed = engine_speed(data)
    last_order = speed["medians"].pop("last order")
    fastest, slowest = (function(speed["medians"].items(), key=lambda rule: rule[1]) for function in (min, max))
    rows = [
        ["on page load: `page.js` (shows the forms, loads the rest)", f"{size['page.js']:,} bytes", ""],
        [f"on the first touch of a check: {' + '.join(on_touch)}", f"{sum(size[name] for name in on_touch):,} bytes "
         f"({' + '.join(f'{size[name]:,}' for name in on_touch)})", ""],
        ["page.js + answers.js + engine.js (the forms and the rules)", f"{scripts:,} bytes",
         f"under 8 KB: {verdict(scripts < SCRIPTS_UNDER)}"],
        ["every script of the calculator: engine, page, last order dates, answers", f"{calculator:,} bytes",
         f"at most 10 KB: {verdict(calculator <= CALCULATOR_AT_MOST)}"],
        ["the notice's inline script with its data, in every page",
         f"{gzipped(notice_script):,} bytes ({len(notice_script.encode()):,} before gzip)", ""],
        ["one answer, median", f"{significant(fastest[1])} µs ({fastest[0]}) to {significant(slowest[1])} µs "
         f"({slowest[0]})", f"under 1 ms: {verdict(slowest[1] < ANSWER_UNDER)}"],
        [f"one last order answer (24 December, to {speed['far']} by {speed['service']}: "
         f"{speed['last_order_days']} days walked back), median",
         f"{significant(last_order)} µs", f"under 1 ms: {verdict(last_order < ANSWER_UNDER)}"],
        ["the first answer on fresh data (prepares the calendar and the time zone formatter)",
         f"{significant(speed['first_answer'] / 1000)} ms", ""],
    ]
    return rows


def engine_speed(data: dict) -> dict:
    """benchmarks/engine_speed.mjs's figures (µs): the first answer, the median per rule, the days walked back."""
    with tempfile.TemporaryDirectory(prefix="calculator-speed-") as folder:
        path = Path(folder) / "data.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        result = subprocess.run(["node", str(ROOT / "benchmarks" / "engine_speed.mjs")], check=True,
                                capture_output=True, text=True, env={**os.environ, "CALCULATOR_DATA": str(path)})
    return json.loads(result.stdout)


if __name__ == "__main__":
    main()
