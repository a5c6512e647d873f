"""`make diff`: in a temporary git repository holding a copy of the project, an editor's change is reported
as what shoppers will see differently, and nothing else."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown.extensions.toc import slugify
from test_policies import POLICIES, line_of

from conftest import ROOT, copy_project
from helpcentre.content.topics import load_topics
from helpcentre.review import calculator_panel
from helpcentre.review.diff_report import compare_pages, policy_changes
from helpcentre.review.text_diff import Change, changed_units, mark_words, sentences
from helpcentre.review.visible_text import Page, SiteText

COMMITTED = "2026-11-20T12:00:00+00:00"  # the base commit's date: the sample panel starts on that day
BROKEN = "window_days: two weeks"


def git(repo: Path, *arguments: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMITTED, "GIT_COMMITTER_DATE": COMMITTED}
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=Editor", "-c", "user.email=editor@example.com",
                           *arguments], check=True, capture_output=True, text=True, env=env).stdout.strip()


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository holding a copy of the project, committed once."""
    repo = copy_project(tmp_path_factory.mktemp("editor"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The help centre")
    return repo


@pytest.fixture
def repo(repository: Path) -> Iterator[Path]:
    """The repository, back to its one commit and a clean working tree after each test."""
    commit = git(repository, "rev-parse", "HEAD")
    yield repository
    git(repository, "reset", "-q", "--hard", commit)
    git(repository, "clean", "-q", "-fd")


def make_diff(repo: Path, *arguments: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """What `make diff` runs, in the repository, with its own copy of the code; (exit status, report)."""
    environment = {**os.environ, "PYTHONPATH": str(repo / "hooks"), **(env or {})}
    environment.pop("SOURCE_DATE_EPOCH", None)  # dated by the last commit, as on an editor's machine
    result = subprocess.run([sys.executable, "-m", "helpcentre.review.site_diff", *arguments], cwd=repo,
                            capture_output=True, text=True, env=environment)
    assert result.stderr == "" or result.returncode != 0, result.stderr
    return result.returncode, result.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def part(report: str, heading: str) -> str:
    """The text of one "## " part of the report ('' when it has none)."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", report, re.M | re.S)
    return match.group(1) if match else ""


def parts(report: str) -> list[str]:
    return re.findall(r"^## (.+)$", report, re.M)


def answers_listed(report: str) -> set[tuple[str, str]]:
    """(page, anchor) of every answer the report's "Pages" part shows a change for."""
    found, page = set(), None
    for line in part(report, "Pages").splitlines():
        if heading := re.match(r"### .*\(`/(.*)`\)$", line):
            page = heading.group(1)
        elif anchor := re.match(r"\*\*.*\*\* \(`#([a-z0-9-]+)`\)$", line):
            found.add((page, anchor.group(1)))
    return found


def answers_using(repo: Path, placeholder: str) -> set[tuple[str, str]]:
    """(page, anchor) of every answer whose source uses the placeholder: questions of the topic files, and
    sections of the Markdown pages (anchored by their heading, as MkDocs' toc extension does)."""
    written = re.compile(r"\{\{\s*" + re.escape(placeholder) + r"\s*\}\}")
    found = {(f"{topic.slug}/", question.id) for topic in load_topics(repo / "content")
             for question in topic.questions if written.search(question.answer)}
    for page in (repo / "content").glob("*.md"):
        heading = None
        for line in page.read_text(encoding="utf-8").splitlines():
            if line.startswith("## "):
                heading = slugify(line[3:].strip(), "-")
            elif written.search(line):
                found.add(("" if page.stem == "index" else f"{page.stem}/", heading))
    return found


@pytest.fixture(scope="module")
def window_report(repository: Path) -> str:
    """The report for returns.window_days 14 -> 21 (the working tree restored afterwards)."""
    edit(repository / "policies.yaml", "window_days: 14 ", "window_days: 21 ")
    try:
        code, report = make_diff(repository)
    finally:
        git(repository, "checkout", "--", "policies.yaml")
    assert code == 0, report
    return report



@pytest.fixture(scope="module")
def us_window_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    """`make diff` on the US reference shop (en-US; its returns must be sent) after a longer return window."""
    repo = copy_project(tmp_path_factory.mktemp("us-shop"))
    shop = repo / "examples" / "us-ropes"
    shutil.copytree(ROOT / "examples" / "us-ropes", shop, ignore=shutil.ignore_patterns("site", ".site-new"))
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "The US shop")
    edit(shop / "policies.yaml", "window_days: 30 ", "window_days: 45 ")
    code, report = make_diff(repo, "--project", str(shop))
    assert code == 0, report
    return report


def test_the_report_asks_the_shops_return_question_in_its_own_dates(us_window_report):
    calculator = part(us_window_report, "Calculator answers")
    assert re.findall(r"^#### (.+)$", calculator, re.M) == ["By when must I send my return?"]
    day = r"(\w+, \w+ \d+, \d{4})"
    examples = re.findall(rf"^- for an order delivered on {day}: send it by {day} → \*\*send it by {day}\*\*$",
                          calculator, re.M)
    assert examples
    for delivered, before, after in (tuple(dt.datetime.strptime(day, "%A, %B %d, %Y").date() for day in example)
                                     for example in examples):
        assert (before - delivered, after - delivered) == (dt.timedelta(days=30), dt.timedelta(days=45))

def test_a_longer_return_window_shows_the_value_the_answers_and_the_return_deadlines(repository, window_report):
    report = window_report
    assert part(report, "Policy values").strip() == "- `returns.window_days`: `14` → `21`"
    expected = answers_using(repository, "returns.window_days") | answers_using(repository, "returns.deadline")
    assert len(expected) >= 2  # the returns topic and the order dates page
    assert answers_listed(report) == expected
    assert report.count("~~14~~ days") == report.count("**21** days") == len(expected)
    calculator = part(report, "Calculator answers")
    assert re.findall(r"^#### (.+)$", calculator, re.M) == ["By when must my return reach you?"]
    examples = re.findall(r"^- for an order delivered on (\w+ \d+ \w+ \d{4}): must reach us by (\w+ \d+ \w+ \d{4}) → "
                          r"\*\*must reach us by (\w+ \d+ \w+ \d{4})\*\*$", calculator, re.M)
    assert examples
    for delivered, before, after in (tuple(dt.datetime.strptime(day, "%A %d %B %Y").date() for day in example)
                                     for example in examples):
        assert before - delivered >= dt.timedelta(days=14) and after - delivered >= dt.timedelta(days=21)
        assert before.weekday() < 5 and after.weekday() < 5 and before < after
    assert parts(report) == ["Policy values", "Pages", "Calculator answers"]


def test_a_closure_and_a_longer_delivery_show_the_notice_and_the_last_order_dates_and_nothing_of_the_menu(repo):
    """The report of 20 November 2026: a closure over Christmas is announced from 14 days before it, and the
    Christmas "order by" date for everywhere else moves from 29 to 23 November when its maximum goes 16 -> 20."""
    edit(repo / "policies.yaml", "      max: 16\n", "      max: 20\n")
    edit(repo / "policies.yaml", "  closure_dates: []", "  closure_dates: [{from: 2026-12-24, to: 2027-01-02}]")
    code, report = make_diff(repo)
    assert code == 0, report
    seasons = part(report, "Notice and last order dates (the next twelve months)")
    assert ("- **now from Thursday 10 December 2026 to Wednesday 23 December 2026: “Our shop is closed from "
            "Thursday 24 December 2026 to Saturday 2 January 2027.") in seasons
    assert "- **now from Thursday 24 December 2026 to Saturday 2 January 2027: “Our shop is closed until" in seasons
    assert ("| Christmas, Thursday 24 December 2026 | Everywhere else | Sunday 29 November 2026 | "
            "**Monday 23 November 2026** |") in seasons
    assert "United States" not in seasons  # its dates did not change: not printed
    assert "Compared with the version saved on 2026-11-20 (“The help centre”)" in report.replace("Your changes, c", "C")
    assert "HEAD" not in report and "Related questions" not in report and "working tree" not in report
    assert "Menu" not in report and report.count("In:") == 0


def test_the_report_is_the_same_on_every_run(repository, window_report):
    edit(repository / "policies.yaml", "window_days: 14 ", "window_days: 21 ")
    try:  # another hash seed, time zone and locale: nothing in the report may depend on them
        code, again = make_diff(repository, env={"PYTHONHASHSEED": "7", "TZ": "Pacific/Auckland", "LC_ALL": "C.UTF-8"})
    finally:
        git(repository, "checkout", "--", "policies.yaml")
    assert code == 0
    assert again == window_report


def test_a_changed_keyword_or_comment_is_no_visible_change(repo):
    edit(repo / "content" / "returns.yml", "late return, money back,", "late return, money back, postmark,")
    edit(repo / "policies.yaml", "# who pays for sending a return", "# who pays to send a return back")
    code, report = make_diff(repo)
    assert code == 0
    assert parts(report) == []
    assert report.strip().endswith("No visible change; search keywords changed for: "
                                   "How long do I have to return an item? (`/returns/#return-window`).")


def test_a_new_delivery_zone_shows_its_row_and_the_deliveries_to_its_countries(repo):
    edit(repo / "policies.yaml", "    - name: Everywhere else\n",
         '    - name: Europe\n      countries: ["FR", "DE"]\n      transit_days:\n        min: 3\n        max: 6\n'
         "    - name: Everywhere else\n")
    code, report = make_diff(repo)
    assert code == 0, report
    assert part(report, "Policy values").strip() == (
        "- `delivery.zones[Europe]`: added: `{name: Europe, countries: [FR, DE], transit_days: {min: 3, max: 6}}`")
    # The zone table, and the last order dates table, which has a row per zone.
    assert answers_listed(report) == (answers_using(repo, "delivery.zones")
                                      | answers_using(repo, "site.last_order_dates"))
    assert sorted(re.findall(r"^- (.*)$", part(report, "Pages"), re.M)) == sorted(
        ["added: Europe \\| 3 to 6 days"] * len(answers_using(repo, "delivery.zones"))
        + ["added: Christmas \\| Europe \\|"])  # its last order date is worked out in the browser
    calculator = part(report, "Calculator answers")
    assert re.findall(r"^#### (.+)$", calculator, re.M) == [
        "When will my order arrive? To France and Germany (zone Europe, was zone Everywhere else)"]
    examples = re.findall(r"^- for an order on .* to (\w+): ships .* → \*\*ships .*\*\*$", calculator, re.M)
    assert examples and set(examples) == {"Germany"}  # Germany stands for both
    assert parts(report) == ["Policy values", "Notice and last order dates (the next twelve months)", "Pages",
                             "Calculator answers"]
    seasons = part(report, "Notice and last order dates (the next twelve months)")
    assert re.search(r"^\| Christmas, Thursday 24 December 2026 \| Europe \| none \| \*\*\w+ \d+ December 2026\*\* \|$",
                     seasons, re.M), seasons
    assert seasons.count("| Christmas") == 1  # the new zone's row, and no other


def test_a_removed_question_is_listed_and_its_anchor_warned_about(repo):
    topics = load_topics(repo / "content")
    sources = " ".join(path.read_text(encoding="utf-8") for path in (repo / "content").iterdir() if path.is_file())
    topic, question = next((topic, question) for topic in topics for question in topic.questions
                           if all(question.id not in other.related for t in topics for other in t.questions)
                           and f"#{question.id}" not in sources)  # nothing links to it
    path = repo / "content" / f"{topic.slug}.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {question.id}\n")
    end = text.find("\n  - id: ", start + 1)
    path.write_text(text[:start] + (text[end + 1:] if end != -1 else ""), encoding="utf-8")
    code, report = make_diff(repo)
    assert code == 0, report
    assert part(report, "Links that break").strip() == (
        f"- `/{topic.slug}/#{question.id}` ({question.question}) is removed: links and bookmarks to it break.")
    assert part(report, "Pages").strip() == (
        f"### {topic.title} (`/{topic.slug}/`)\n\n**Removed:** {question.question} (`#{question.id}`)")
    assert parts(report) == ["Links that break", "Pages"]


def commit_broken_policies(repo: Path) -> str:
    """A commit whose policies.yaml does not build; the working tree is the good version again."""
    edit(repo / "policies.yaml", "window_days: 14", BROKEN)
    git(repo, "commit", "-q", "-am", "A broken return window")
    git(repo, "checkout", "HEAD~1", "--", "policies.yaml")
    return "HEAD"


@pytest.mark.parametrize("base, message", [
    (lambda repo: "no-such-branch", "'no-such-branch' is not a commit of this repository"),
    (commit_broken_policies, 'policies.yaml:{}:16: returns.window_days: expected a whole number of days, at '
                             'least 1; got "two weeks"'.format(line_of(POLICIES, "  window_days:"))),
])
def test_no_report_when_a_version_does_not_build(repo, base, message):
    code, report = make_diff(repo, base(repo))
    assert code == 2
    assert message in report
    assert "## " not in report


# --- the parts, without building -----------------------------------------------------------------------

def test_changed_words_are_marked_in_both_sentences():
    assert mark_words("within 14 days of delivery", "within 21 days of delivery") == (
        "within ~~14~~ days of delivery", "within **21** days of delivery")
    assert mark_words("Pay by card.", "Pay by card or PayPal.") == ("Pay by card.", "Pay by card **or PayPal**.")
    assert mark_words("Email info@shop.example.", "Email help@shop.example.") == (
        "Email ~~info@shop.example~~.", "Email **help@shop.example**.")
    assert mark_words("a *b* [c]", "a *b* [d]") == ("a \\*b\\* \\[~~c~~\\]", "a \\*b\\* \\[**d**\\]")


def test_a_changed_sentence_is_paired_with_its_new_version_and_others_are_added_or_removed():
    old = sentences("We ship on Mondays. Returns are free. Call us.")
    new = sentences("We ship on Mondays and Fridays. Call us. Write to us.")
    assert changed_units(old, new) == [Change("We ship on Mondays.", "We ship on Mondays and Fridays."),
                                       Change("Returns are free.", None), Change(None, "Write to us.")]


DATA = {"countries": {"DE": "Germany", "FR": "France", "GB": "United Kingdom", "US": "United States"},
        "not_shipped_to": [], "home_country": "GB", "time_zone": "Europe/London", "time_zone_name": "UK time",
        "same_day_cutoff": None, "credit_business_days": {"card": 7, "paypal": 0},
        "services": [{"name": "Standard", "zones": [{"name": "United States", "countries": ["US"]},
                                                    {"name": "Everywhere else", "countries": None}]}]}
ZONES = DATA["services"][0]["zones"]


def test_countries_are_grouped_by_the_zones_both_versions_send_them_to():
    new = {**DATA, "services": [{"name": "Standard", "zones": [{"name": "Europe", "countries": ["FR", "DE"]}, *ZONES]}],
           "not_shipped_to": ["GB"]}
    assert calculator_panel.destinations(DATA, new) == {
        ("Everywhere else", "Europe"): ["DE", "FR"], ("Everywhere else", "not shipped to"): ["GB"],
        ("United States", "United States"): ["US"]}


def test_with_several_services_a_country_is_grouped_by_the_zone_of_each():
    new = {**DATA, "services": [*DATA["services"], {"name": "Express", "zones": [{"name": "US", "countries": ["US"]}]}]}
    assert calculator_panel.destinations(DATA, new) == {
        ("Everywhere else", "Standard: Everywhere else"): ["DE", "FR", "GB"],
        ("United States", "Standard: United States; Express: US"): ["US"]}


def test_the_panel_covers_twelve_months_from_its_start_and_every_cut_off(british_words):
    new = {**DATA, "same_day_cutoff": "14:00"}
    panel = calculator_panel.build_panel(DATA, new, dt.date(2027, 2, 28))
    assert (panel.first_day, panel.last_day) == (dt.date(2027, 2, 28), dt.date(2028, 2, 27))
    assert panel.times == ["09:00", "13:59", "14:00", "23:30"]
    assert {sample.group for sample in panel.samples} == {
        "cancellation", "delivery to GB", "delivery to US", "return", "refund", "credit to card", "credit to paypal",
        "tracking"}
    assert panel == calculator_panel.build_panel(DATA, new, dt.date(2027, 2, 28))



@pytest.mark.parametrize(("model", "question"), [
    (None, "By when must my return reach you?"),  # data from before the returns models
    ("reach", "By when must my return reach you?"),
    ("send", "By when must I send my return?"),
    ("notify_then_send", "By when must I tell you about my return, and send it?"),
])
def test_the_return_check_is_asked_as_the_returns_model_words_it(model, question, british_words):
    new = {**DATA, **({"return_deadline": model} if model else {})}
    assert calculator_panel.build_panel(DATA, new, dt.date(2027, 2, 28)).question("return") == question

def site(pages: dict[str, str]) -> SiteText:
    """A built site's text from the content HTML of its pages: {"returns/": "<h1>...</h1><h2 id=...>..."}."""
    return SiteText({path: Page(path, f'<article class="md-content__inner md-typeset">{html}</article>')
                     for path, html in pages.items()}, [], [], {})


BEFORE = {"returns/": '<h1>Returns</h1><h2 id="window">How long?</h2><p>14 days. Ask us.</p>'
                     '<h2 id="label">A label?</h2><p>Print it.</p>',
          "refunds/": '<h1>Refunds</h1><h2 id="time">When?</h2><p>Soon.</p>'}


@pytest.mark.parametrize("after, page, warning", [
    ({**BEFORE, "returns/": BEFORE["returns/"].replace("How long?", "How long have I got?")},
     "**How long have I got?** (`#window`)\n\n- question before: How long?\n- question after: How long **have I got**?",
     None),
    ({**BEFORE, "returns/": '<h1>Returns</h1><h2 id="window">How long?</h2><p>14 days. Ask us.</p>',
      "refunds/": BEFORE["refunds/"] + '<h2 id="label">A label?</h2><p>Print it.</p>'},
     "**Moved here** from `/returns/`: A label? (`#label`)",
     "- `/returns/#label` (A label?) moved to `/refunds/#label`: links and bookmarks to its old place land at the "
     "top of the page."),
    ({**BEFORE, "returns/": BEFORE["returns/"].replace('id="window"', 'id="return-window"')},
     "**New anchor:** How long?: `#window` → `#return-window`",
     "- `/returns/#window` (How long?) is now `#return-window`: links and bookmarks to the old anchor land at the "
     "top of the page."),
    ({**BEFORE, "returns/": BEFORE["returns/"].replace("Ask us.", "Ask us. Or write.")},
     "**How long?** (`#window`)\n\n- added: Or write.", None),
])
def test_questions_renamed_moved_or_given_another_anchor(after, page, warning):
    report = compare_pages(site(BEFORE), site(after))
    assert page in "\n".join(report.pages)
    assert report.warnings == ([warning] if warning else [])


@pytest.mark.parametrize("old, new, lines", [
    ({"returns": {"window_days": 14}}, {"returns": {"window_days": 21}}, ["- `returns.window_days`: `14` → `21`"]),
    ({"processing": {"same_day_cutoff": None}}, {"processing": {"same_day_cutoff": "14:00"}},
     ["- `processing.same_day_cutoff`: `null` → `'14:00'`"]),
    ({"zones": [{"name": "US", "days": 3}, {"name": "Rest", "days": 9}]},
     {"zones": [{"name": "Rest", "days": 9}, {"name": "US", "days": 4}]},
     ["- `zones[US].days`: `3` → `4`", "- `zones`: in a new order: Rest, US"]),
    ({"zones": [{"name": "US", "days": 3}]}, {"zones": [{"name": "Rest", "days": 9}]},
     ["- `zones[Rest]`: added: `{name: Rest, days: 9}`", "- `zones[US]`: removed (was `{name: US, days: 3}`)"]),
    ({"closures": []}, {"closures": [dt.date(2026, 12, 24)]}, ["- `closures`: `[]` → `['2026-12-24']`"]),
])
def test_policy_values_read_as_key_old_new(old, new, lines):
    assert policy_changes(old, new) == lines
