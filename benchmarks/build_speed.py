"""How fast the help centre builds, and how heavy its pages are. A benchmark, not a test: `make bench`.

Each site is built twice over: by this project (the hook, policies.yaml and content/*.yml) and, as the
yardstick, by stock MkDocs + Material with no hook, from plain Markdown holding the same pages (the same
questions as headings, the answers with every value already filled in), with the same theme settings,
Markdown extensions and search plugin. The difference is what the hook costs.

Sites: (a) this shop; (b) a generated shop of 1,000 questions over 50 topic files, with realistic answers
that use placeholders; and the generated shop at 250 and 500 questions, to see whether the cost per
question stays flat. Each figure is the median of 5 runs (BENCH_RUNS) of `mkdocs build --strict` in a
fresh process: wall time, CPU time and peak memory (from os.wait4); the target holds for both.

Page weight: for every page, its HTML plus the CSS and JavaScript it loads (stylesheets, scripts, the
modules they import, Material's search worker), each gzipped at level 9; then, beside it, what the page
also fetches on load (the search index, the sitemap for instant navigation, the favicon).

It prints the tables of docs/measurements.md (build speed, and the page weight it measures), then a line per
target, met or MISSED, and exits with an error when one is missed.
"""

from __future__ import annotations

import compileall
import gzip
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "tests")]

from report import Run, machine_line, markdown_table, verdict  # noqa: E402

from conftest import copy_project  # noqa: E402
from helpcentre.review.checking_pass import load_help_centre  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
TARGET = 0.15  # the hook may add at most 15% to stock MkDocs + Material's build
PAGE_KB = 120  # every page with its CSS and JavaScript, gzipped
QUESTIONS_PER_TOPIC = 20
SIZES = [250, 500, 1000]
SOURCE_DATE_EPOCH = "1798747200"  # fixed, so that every run builds the same site

# --- a generated shop ---------------------------------------------------------------------------------

SUBJECTS = [
    "Gift cards", "Framing", "Paint sets", "Brushes", "Canvas and boards", "Paper and sketchbooks", "Workshops",
    "Trade accounts", "Schools and clubs", "Commissions", "Prints", "Pre-orders", "Back orders", "Bundles",
    "Easels", "Storage", "Inks", "Pastels", "Clay and sculpting", "Printmaking", "Calligraphy", "Airbrush",
    "Varnishes", "Studio furniture", "Gift wrapping",
]
VERBS = ["return", "exchange", "cancel", "change", "track", "reorder", "collect", "send back", "replace", "upgrade"]
THINGS = ["a gift card", "a framed print", "a paint set", "an easel", "a sketchbook", "a workshop place",
          "a bundle", "a pre-order", "a personalised item", "a sale item", "an oversized parcel", "a sample"]
QUESTIONS = [
    "How long do I have to {verb} {thing}?", "Can I {verb} {thing} after it has shipped?",
    "What happens if I want to {verb} {thing}?", "Why can't I {verb} {thing} online?",
    "When will I hear back if I {verb} {thing}?", "Do you charge to {verb} {thing}?",
    "Who do I contact to {verb} {thing}?", "Is there a deadline to {verb} {thing} in the sale?",
]
SENTENCES = [
    "You can {verb} {thing} within {{{{ returns.window_days }}}} of the day it was delivered.",
    "We start processing your request {{{{ processing.same_day_cutoff }}}}, and it usually takes "
    "{{{{ processing.business_days }}}}.",
    "Our team works {{{{ processing.working_days }}}}, {{{{ calendar.time_zone_name }}}}, and we're closed on "
    "{{{{ calendar.bank_holidays }}}}.",
    "If you change your mind, you can cancel within {{{{ cancellation.free_cancellation_hours }}}} of ordering.",
    "Tracking details usually appear within {{{{ tracking.appears_within_hours }}}} of shipping; if nothing moves "
    "for {{{{ tracking.stale_after_business_days }}}}, tell us and we'll chase the courier.",
    "Once we accept it, we refund you within {{{{ refunds.business_days }}}}, "
    "{{{{ refunds.original_delivery_cost }}}}.",
    "Card refunds take up to {{{{ refunds.to_statement.card }}}} to show; PayPal refunds show "
    "{{{{ refunds.to_statement.paypal }}}}.",
    "We accept {{{{ payments.methods }}}}, and {thing} can't be paid for in instalments.",
    "Everything takes a little longer at busy times. {{{{ delivery.peak_seasons }}}}",
    "Each item must be {{{{ returns.condition }}}}, and {{{{ returns.return_postage }}}}.",
    "If {thing} arrives damaged, keep the packaging and send us a photo of the item and the box.",
    "Most orders are packed by hand in our studio, so we check every piece before it leaves.",
    "{{{{ shop.name }}}} can't change {thing} once it has been packed, but you can send it back afterwards.",
    "Write your order number on everything you send, so that we can match it to your account.",
    "Email {{{{ shop.email }}}} with your order number and we'll sort it out.",
]
BLOCKS = ["{{ check.return }}", "{{ check.refund }}", "{{ check.delivery }}", "{{ check.cancellation }}",
          "{{ check.tracking }}", "{{ check.credit }}", "{{ delivery.zones }}",
          "{{ cancellation.reasons_shop_may_cancel }}"]
KEYWORDS = ["return", "refund", "cancel", "delivery", "tracking", "gift", "frame", "paint", "workshop", "sale",
            "parcel", "late", "damaged", "exchange", "postage", "card", "paypal", "invoice", "order number", "box"]


def generate_topics(questions: int, seed: int = 1) -> dict[str, str]:
    """`questions` questions in topics of QUESTIONS_PER_TOPIC: file name -> YAML, as an editor writes it."""
    rng = random.Random(seed)
    count = -(-questions // QUESTIONS_PER_TOPIC)
    sizes = [questions // count + (n < questions % count) for n in range(count)]
    names = [f"{SUBJECTS[n % len(SUBJECTS)]}{'' if n < len(SUBJECTS) else ' for studios'}" for n in range(count)]
    slugs = [re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") for name in names]
    ids = [[f"{slugs[t]}-{n + 1}" for n in range(sizes[t])] for t in range(count)]
    files = {}
    for t in range(count):
        entries = []
        for qid in ids[t]:
            verb, thing = rng.choice(VERBS), rng.choice(THINGS)
            paragraphs = [" ".join(rng.choice(SENTENCES).format(verb=verb, thing=thing)
                                   for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(1, 3))]
            if rng.random() < 0.3:
                paragraphs.append("\n".join(f"{k + 1}. {rng.choice(SENTENCES).format(verb=verb, thing=thing)}"
                                            for k in range(rng.randint(2, 4))))
            if rng.random() < 0.4:
                other = rng.randrange(count)
                target = rng.choice(ids[other])
                paragraphs.append(f"See [the details]({slugs[other]}.md#{target}) for how this works.")
            if rng.random() < 0.15:
                paragraphs.append(rng.choice(BLOCKS))
            others = [other for other in ids[t] if other != qid]
            entries.append({
                "id": qid,
                "question": rng.choice(QUESTIONS).format(verb=verb, thing=thing),
                "answer": "\n\n".join(paragraphs) + "\n",
                "keywords": rng.sample(KEYWORDS, rng.randint(6, 12)),
                "related": rng.sample(others, min(3, len(others))) if len(others) >= 2 else None,
            })
            if entries[-1]["related"] is None:
                del entries[-1]["related"]
            if "shop.email" in entries[-1]["answer"]:  # an answer that asks for an email says what to send
                entries[-1]["email"] = {"subject": f"About {thing}", "ask_for": ["Order number"]}
        topic = {"title": names[t], "order": t + 1,
                 "summary": f"Questions about {names[t].lower()}: ordering, delivery, returns and refunds.",
                 "questions": entries}
        files[f"{slugs[t]}.yml"] = yaml.safe_dump(topic, sort_keys=False, allow_unicode=True, width=100)
    return files


def make_project(folder: Path, questions: int | None) -> Path:
    """A copy of this project; with `questions`, its topics are replaced by a generated shop's."""
    folder.mkdir(parents=True)
    copy_project(folder)
    # The hook's bytecode, written once as pip writes Material's when it installs it. Python would write it
    # on the first build, but not where PYTHONDONTWRITEBYTECODE is set: every build would compile the hook.
    compileall.compile_dir(folder / "hooks", quiet=1)
    if questions is not None:
        for topic in (folder / "content").glob("*.yml"):
            if topic.name != "notice.yml":  # the notice's words, not a topic
                topic.unlink()
        for name, text in generate_topics(questions).items():
            (folder / "content" / name).write_text(text, encoding="utf-8")
        pages = {f"{path.stem}.md" for path in (folder / "content").iterdir()}
        for page in (folder / "content").glob("*.md"):  # links to this shop's own topics lead home instead
            page.write_text(re.sub(r"\]\(([a-z-]+)\.md(#[a-z0-9-]+)?\)",
                                   lambda link: link[0] if f"{link[1]}.md" in pages else "](index.md)",
                                   page.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def make_stock(project: Path, folder: Path) -> tuple[Path, int]:
    """The same pages as plain Markdown, for stock MkDocs + Material (no hook, no overrides), and the
    number of questions."""
    centre = load_help_centre(project / "policies.yaml", project / "content", project / "calculator")
    docs = folder / "docs"
    docs.mkdir(parents=True)
    for page, markdown in centre.pages.items():
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / page).write_text(markdown, encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    del config["hooks"], config["watch"], config["theme"]["custom_dir"]
    config["theme"]["language"] = "en"  # the shop's words ("3 answers") are a language partial of the overrides
    config.update(docs_dir="docs", site_name=f"{centre.policies['shop.name']} help centre", nav=centre.nav())
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return folder, sum(len(topic.questions) for topic in centre.topics)


# --- building -----------------------------------------------------------------------------------------

@dataclass
class Figures:
    seconds: float  # wall time, median of RUNS
    cpu: float  # user + system CPU time of the build process, median of RUNS
    peak_mb: float  # the build process's peak resident memory, median of RUNS


@dataclass
class Overhead:
    """The hook's builds over stock's, each run against the stock run beside it: medians of those ratios,
    which a machine whose load changes during the benchmark disturbs less than a ratio of medians."""

    wall: float
    cpu: float


def build_once(project: Path, site: Path) -> tuple[float, float, float]:
    """One `mkdocs build --strict` in a fresh Python: (wall seconds, CPU seconds, peak MB of that process)."""
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir",
                                  str(site)], cwd=project, env=env, stdout=output, stderr=output)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own resource usage
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            output.seek(0)
            raise SystemExit(f"{project}: the build failed\n{output.read().decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # ru_maxrss: kilobytes on Linux


def build_pair(hooked: Path, stock: Path, sites: Path, runs: int = RUNS) -> tuple[Figures, Figures, Overhead]:
    """Both projects built `runs` times, taking turns (which goes first alternates), so that both meet the
    same machine load."""
    results: dict[str, list[tuple[float, float, float]]] = {"hook": [], "stock": []}
    for run in range(runs):
        order = [("hook", hooked), ("stock", stock)]
        for kind, project in order if run % 2 == 0 else order[::-1]:
            results[kind].append(build_once(project, sites / f"site-{kind}"))
    hook, stock_ = (Figures(*(statistics.median(run[n] for run in results[kind]) for n in range(3)))
                    for kind in ("hook", "stock"))
    pairs = list(zip(results["hook"], results["stock"], strict=True))
    overhead = Overhead(statistics.median(h[0] / s[0] - 1 for h, s in pairs),
                        statistics.median(h[1] / s[1] - 1 for h, s in pairs))
    return hook, stock_, overhead


# --- page weight --------------------------------------------------------------------------------------

_IMPORT = re.compile(r"""(?:import|from|importScripts\()\s*["'](\.{1,2}/[^"']+)["']""")


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def _local(site: Path, page: PurePosixPath, url: str) -> PurePosixPath | None:
    if re.match(r"^[a-z]+:|^//", url):
        return None
    path = PurePosixPath(url.split("#")[0].split("?")[0])
    joined = path.relative_to("/") if path.is_absolute() else page.parent / path
    parts: list[str] = []
    for part in joined.parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts)


def page_assets(site: Path, page: PurePosixPath) -> tuple[set[PurePosixPath], set[PurePosixPath]]:
    """(CSS and JavaScript the page loads, other files it fetches on load), as site paths."""
    text = (site / page).read_text(encoding="utf-8")
    code: set[PurePosixPath] = set()
    for tag in re.findall(r"<(?:link|script)\b[^>]*>", text):
        url = re.search(r'(?:href|src)="([^"]+)"', tag)
        if url and (tag.startswith("<script") or 'rel="stylesheet"' in tag):
            if (path := _local(site, page, url[1])) is not None:
                code.add(path)
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', text, re.S)[1])
    code.add(_local(site, page, config["search"]))
    for script in [path for path in code if path.suffix == ".js"]:  # the modules page.js imports
        for name in _IMPORT.findall((site / script).read_text(encoding="utf-8")):
            code.add(_local(site, script, name))
    fetched = {PurePosixPath("search/search_index.json"), PurePosixPath("sitemap.xml"),
               PurePosixPath("assets/images/favicon.png")}
    return code, fetched


@dataclass
class Weight:
    page: str
    html: int
    code: int  # its CSS and JavaScript
    fetched: int  # search index, sitemap, favicon

    @property
    def total(self) -> int:
        return self.html + self.code


def heaviest_page(site: Path) -> Weight:
    weights = []
    for path in sorted(site.rglob("*.html")):
        page = PurePosixPath(path.relative_to(site).as_posix())
        code, fetched = page_assets(site, page)
        weights.append(Weight(page.as_posix(), gzipped(path.read_bytes()),
                              sum(gzipped((site / p).read_bytes()) for p in code),
                              sum(gzipped((site / p).read_bytes()) for p in fetched)))
    return max(weights, key=lambda weight: weight.total)


# --- the report ---------------------------------------------------------------------------------------

Row = tuple[int, Figures, Figures, Overhead]  # questions, the hook's figures, stock's, the hook over stock


def main() -> int:
    run = Run()
    rows: dict[int | None, Row] = {}
    heaviest: dict[int | None, Weight] = {}
    with tempfile.TemporaryDirectory() as temporary:
        for size in [None, *SIZES]:
            folder = Path(temporary) / str(size or "shop")
            project = make_project(folder / "hook", size)
            stock, count = make_stock(project, folder / "stock")
            rows[size] = (count, *build_pair(project, stock, folder))
            heaviest[size] = heaviest_page(folder / "site-hook")
    within = {rows[size][0]: rows[size][3].wall <= TARGET and rows[size][3].cpu <= TARGET for size in SIZES}
    big = rows[SIZES[-1]][1]
    heaviest_kb = max(weight.total for weight in heaviest.values()) / 1024

    print(machine_line(run, env=["BENCH_RUNS"]))
    for table in report_tables(rows, heaviest, within):
        print(f"\n{table}")

    print("\ntargets:")
    for size in SIZES:
        count, _, _, over = rows[size]
        print(f"  {'met   ' if within[count] else 'MISSED'} the hook at most {TARGET:.0%} over stock, {count:,} "
              f"questions: wall {over.wall:+.0%}, CPU {over.cpu:+.0%}")
    print(f"  {'met   ' if big.seconds < 10 else 'MISSED'} 1,000 questions under 10 s: {big.seconds:.2f} s")
    print(f"  {'met   ' if heaviest_kb <= PAGE_KB else 'MISSED'} every page at most {PAGE_KB} KB: {heaviest_kb:.1f} KB")
    if not all(within.values()) or big.seconds >= 10 or heaviest_kb > PAGE_KB:
        print("\nbench: a target was MISSED (see above)")
        return 1
    return 0


def report_tables(rows: dict[int | None, Row], heaviest: dict[int | None, Weight],
                  within: dict[int, bool]) -> list[str]:
    """The builds, the targets and the page weight, as docs/measurements.md shows them."""
    builds = markdown_table(
        ["site", "questions", "build, hook", "build, stock", "hook over stock (wall / CPU)",
         "peak memory, hook / stock"],
        [["this shop" if size is None else "generated", f"{count:,}", f"{hook.seconds:.2f} s", f"{stock.seconds:.2f} s",
          f"{over.wall:+.0%} / {over.cpu:+.0%}", f"{hook.peak_mb:.0f} / {stock.peak_mb:.0f} MB"]
         for size, (count, hook, stock, over) in rows.items()])
    largest, big = rows[SIZES[-1]][:2]
    worst = max(heaviest.values(), key=lambda weight: weight.total)
    targets = markdown_table(["target", "result"], [
        [f"the hook adds at most {TARGET:.0%} over stock", overhead_result(within)],
        [f"{largest:,} questions build in under 10 s", f"{verdict(big.seconds < 10)}: {big.seconds:.2f} s"],
        ["cost grows linearly", cost_per_question([rows[size] for size in SIZES])],
        [f"every page at most {PAGE_KB} KB gzipped, with its CSS and JavaScript",
         f"{verdict(worst.total <= PAGE_KB * 1024)}: {kilobytes(worst.total)} at most ({kilobytes(worst.html)} HTML + "
         f"{kilobytes(worst.code)} CSS/JS); this shop {kilobytes(heaviest[None].total)}"],
    ])
    weight = markdown_table(["what", "figure", "target"], [
        [f"heaviest page, {largest:,} questions", kilobytes(heaviest[SIZES[-1]].total), f"{PAGE_KB} KB"],
        ["heaviest page with what it also fetches (search index, sitemap, favicon): this shop / "
         f"{' / '.join(f'{rows[size][0]:,}' for size in SIZES)} questions",
         " / ".join(f"{(page.total + page.fetched) / 1024:.1f}" for page in heaviest.values()) + " KB", ""],
    ])
    return [builds, targets, weight]


def kilobytes(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def overhead_result(within: dict[int, bool]) -> str:
    """Where the hook kept within the target and where not: "**met at 500 and 1,000 questions, missed at 250**"."""
    parts = [f"{word} at {spoken([f'{count:,}' for count, kept in within.items() if kept is wanted])}"
             for word, wanted in (("met", True), ("missed", False)) if wanted in within.values()]
    parts[0] += " questions"
    return f"**{', '.join(parts)}**"


def spoken(items: list[str]) -> str:
    """A list as said aloud: 250; 250 and 500; 250, 500 and 1,000."""
    return " and ".join([", ".join(items[:-1]), items[-1]] if len(items) > 1 else items)


def cost_per_question(rows: list[Row]) -> str:
    """CPU per added question from each size to the next: "1.87 ms of CPU per added question (250 to 500) and
    2.88 ms (500 to 1,000), stock 1.81 and 2.40 ms"."""
    steps = [(n1, n2, *(1000 * (later.cpu - earlier.cpu) / (n2 - n1) for earlier, later in ((h1, h2), (s1, s2))))
             for (n1, h1, s1, _), (n2, h2, s2, _) in zip(rows, rows[1:], strict=False)]
    hook = " and ".join(f"{ms:.2f} ms{' of CPU per added question' if n == 0 else ''} ({n1:,} to {n2:,})"
                        for n, (n1, n2, ms, _) in enumerate(steps))
    return f"{hook}, stock {' and '.join(f'{ms:.2f}' for *_, ms in steps)} ms"


if __name__ == "__main__":
    sys.exit(main())
