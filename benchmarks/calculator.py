"""The calculator's size and speed: gzipped bytes of its scripts and data, and the engine's time
per answer (benchmarks/engine_speed.mjs). A benchmark, not a test: run `make bench`."""

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

from helpcentre.dates.calculator_assets import build_calculator_assets  # noqa: E402
from helpcentre.dates.calculator_data import build_calculator_data, build_year  # noqa: E402
from helpcentre.dates.notice import build_notice, load_notice_words  # noqa: E402
from helpcentre.policy.policies import load_policies  # noqa: E402


def gzipped(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def main() -> None:
    """Every shop: JJ's Art (the repository root) and each reference shop of examples/."""
    for shop in [ROOT, *sorted(folder for folder in (ROOT / "examples").iterdir() if (folder / "mkdocs.yml").exists())]:
        print(f"== {shop.relative_to(ROOT).as_posix() if shop != ROOT else 'the repository root'}")
        measure(shop)


def measure(shop: Path) -> None:
    data = build_calculator_data(load_policies(shop / "policies.yaml"), build_year())
    assets = build_calculator_assets(ROOT / "calculator", data)
    # "assets/calculator/page.3f2a9c1e.js" -> "page.js"
    by_kind = {".".join(path.rsplit("/", 1)[1].split(".")[::2]): text for path, text in assets.files.items()}
    print("gzipped bytes (level 9):")
    for name in ("page.js", "page.css", "answers.js", "engine.js", "last_order_dates.js", "data.js"):
        print(f"  {name:<19} {gzipped(by_kind[name]):>6}")
    words = load_notice_words(shop / "content" / "notice.yml", "notice.yml")
    notice = build_notice(data, words, ROOT / "calculator", True)
    print(f"  notice script, inline in every page: {gzipped(notice.script) if notice else 0} "
          f"({len(notice.script.encode()) if notice else 0} bytes before gzip)")
    print(f"  on page load: page.js {gzipped(by_kind['page.js'])} (what a page with checks runs before a touch)")
    on_touch = [gzipped(by_kind[name]) for name in ("answers.js", "engine.js", "last_order_dates.js", "data.js")]
    print(f"  on the first touch of a check: answers.js + engine.js + last_order_dates.js + data.js {sum(on_touch)}")
    scripts = sum(gzipped(by_kind[name]) for name in ("page.js", "answers.js", "engine.js"))
    print(f"  page.js + answers.js + engine.js: {scripts} (the forms and the rules; target under 8192, "
          "holiday and country data and last order dates aside)")
    print(f"  engine.js + page.js + last_order_dates.js: "
          f"{sum(gzipped(by_kind[name]) for name in ('engine.js', 'page.js', 'last_order_dates.js'))} "
          "(the calculator's scripts with the last order dates; target at most 10240)")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
        json.dump(data, file)
    print("\ntime per answer (Node):")
    subprocess.run(["node", str(ROOT / "benchmarks" / "engine_speed.mjs")], check=True,
                   env={**os.environ, "CALCULATOR_DATA": file.name})
    Path(file.name).unlink()


if __name__ == "__main__":
    main()
