"""Editors' mistakes that would build and publish broken text, or fail in words an editor cannot act on.

One table: each row is an edit of a copy of the shop's own files, as an editor following docs/editors.md
might make it, with the message fragment the editor must read and the line they must change. Every
row is checked in the one checking pass (`review_help_centre`, as `make check` and the build run it),
and then by the real MkDocs build, which must refuse each one.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import PROBLEMS_TOPIC, ROOT, copy_project
from helpcentre.content.contact import email_body
from helpcentre.content.topics import load_topics
from helpcentre.reading.yaml_source import read_yaml
from helpcentre.review.checking_pass import load_help_centre, review_help_centre


def line_of(text: str, needle: str | re.Pattern[str]) -> int:
    """The line (from 1) where `needle` (text, or a pattern) first occurs in `text`."""
    if isinstance(needle, re.Pattern):
        found = needle.search(text)
        assert found, needle
        return text[: found.start()].count("\n") + 1
    assert needle in text, needle
    return text[: text.index(needle)].count("\n") + 1


def replaced(old: str, new: str) -> Callable[[str], str]:
    """An edit replacing the one occurrence of `old`."""
    def edit(text: str) -> str:
        assert text.count(old) == 1, f"{old!r} must occur once"
        return text.replace(old, new)
    return edit


def in_question(qid: str, key: str, new_line: str | Callable[[str], str]) -> Callable[[str], str]:
    """An edit of the (first) `key:` line of the question `qid` in a topic file: `new_line`, or what it makes
    of the line. Edits name a question by its id and a key, so that rewording an answer leaves them right."""
    def edit(text: str) -> str:
        start = text.index(f"  - id: {qid}\n")
        match = re.compile(rf"^ +{key}:.*$", re.MULTILINE).search(text, start)
        line = new_line(match.group(0)) if callable(new_line) else new_line
        return text[: match.start()] + line + text[match.end():]
    return edit


def indented(spaces: int) -> Callable[[str], str]:
    return lambda line: " " * spaces + line


def answer_starts(qid: str, lines: str) -> Callable[[str], str]:
    """An edit putting `lines` (indented as the answer's text) at the start of the answer of `qid`."""
    def edit(text: str) -> str:
        start = text.index("    answer: |\n", text.index(f"  - id: {qid}\n")) + len("    answer: |\n")
        return text[:start] + lines + text[start:]
    return edit


@dataclass(frozen=True)
class Mistake:
    case: str
    file: str  # the file edited (or created), relative to the project
    edit: Callable[[str], str] | None  # the edit of its text; None: the file is created with `content`
    fragment: str  # what the editor reads
    needle: str | re.Pattern[str] | None  # on the line the editor must change (None: it is the file's name)
    content: str = ""  # the text of a created file
    remove: str = ""  # a file the editor renamed (to `file`)
    encoding: str = "utf-8"  # how the editor's program saved the file


CHANGES, REFUNDS, POLICIES = "content/changes.yml", "content/refunds.yml", "policies.yaml"
MISTAKES = [
    # Published broken text
    Mistake("one brace each side", CHANGES, answer_starts("remove-item", "      Write to { shop.email }.\n\n"),
            '"{ shop.email }" would be published as written: a placeholder has two braces on each side, '
            "{{ shop.email }}", "Write to { shop.email }."),
    Mistake("one brace short", CHANGES, answer_starts("remove-item", "      Write to {{ shop.email }.\n\n"),
            '"{{ shop.email }" would be published as written', "Write to {{ shop.email }."),
    Mistake("placeholder name without braces", REFUNDS,
            answer_starts("refund-steps", "      It takes refunds.business_days.\n\n"),
            '"refunds.business_days" would be published as written; to show its value, write it as a placeholder: '
            "{{ refunds.business_days }}", "It takes refunds.business_days."),
    Mistake("keywords indented into the answer", CHANGES,
            in_question("add-item", "keywords", indented(2)),
            '"keywords:" is inside the answer: it is indented as far as the answer\'s text, so shoppers would read '
            "it; move it left, to line up with answer:", "      keywords: ["),
    Mistake("related indented into the answer", CHANGES,
            in_question("add-item", "related", indented(2)),
            "check the indentation of lines {previous} and {line}: line {line} does not line up", "      related: ["),
    Mistake("paragraph indented into a code box", CHANGES,
            answer_starts("add-item", "      Sorry.\n\n          See [remove an item](changes.md#remove-item).\n\n"),
            "this paragraph is indented 4 spaces, so it would show as a code box with its Markdown as typed",
            "          See [remove an item]"),
    Mistake("question cut off at #", CHANGES,
            in_question("add-item", "question", "    question: Can I add an item to order #1234?"),
            'the text is cut off at "#1234?": in YAML, " #" starts a comment, so only "Can I add an item to '
            'order" would be published; put the question in quotes: question: "Can I add an item to order #1234?"',
            "order #1234?"),
    Mistake("title cut off at a comment", CHANGES,
            lambda text: re.sub(r"^title: (.*)$", r"title: \1 # draft", text, count=1, flags=re.MULTILINE),
            "put the title in quotes", re.compile(r"^title: .* # draft$", re.MULTILINE)),
    Mistake("a list item cut off at #", POLICIES, replaced("    - Apple Safari\n", "    - Apple Safari #3\n"),
            'website.supported_browsers[3]: the text is cut off at "#3": in YAML, " #" starts a comment, so only '
            '"Apple Safari" would be published; put the item in quotes: - "Apple Safari #3"', "- Apple Safari #3"),
    Mistake("a comma splits an email detail in two", CHANGES,
            replaced('ask_for: [Order number, "New delivery address, in full"]',
                     "ask_for: [Order number, New delivery address, in full]"),
            '"in full" looks like the end of "New delivery address", split off by the comma (in [ ] a comma starts '
            'a new item); put the whole item in quotes: "New delivery address, in full"',
            "ask_for: [Order number, New delivery address, in full]"),
    Mistake("list item joined to the one above", POLICIES, replaced("    - unused\n", "      - unused\n"),
            'YAML joins the two into one text ("unopened - unused"); line its "-" up with the one above',
            "      - unused"),
    # Files the build would ignore or publish raw, and names that cannot be addresses
    Mistake("a topic saved as .yaml", "content/returns-extra.yaml", None,
            "a topic file must be named .yml and be in content/ itself; rename it content/returns-extra.yml",
            None, content=PROBLEMS_TOPIC),
    Mistake("a topic saved as .yaml with a space and capitals", "content/Gift Cards.yaml", None,
            "a topic file must be named .yml and be in content/ itself, its name lowercase words and digits joined "
            "by hyphens (the page's address); rename it content/gift-cards.yml", None, content=PROBLEMS_TOPIC),
    Mistake("another kind of file", "content/notes.txt", None,
            "only topics (.yml), pages (.md) and pictures belong in content/; the build would publish this file as "
            "it is: move it out of content/", None, content="Remember to update the returns page.\n"),
    Mistake("a topic file name with a space", "content/Returns Extra.yml", None,
            "the file name becomes the page's address, so it must be lowercase words and digits joined by hyphens; "
            "rename it returns-extra.yml", None, content=PROBLEMS_TOPIC.replace("order: 1", "order: 20")),
    Mistake("a page file name with capitals", "content/Order-Dates.md", None,
            "rename it order-dates.md", None, remove="content/order-dates.md"),
    Mistake("a topic and a page at one address", "content/order-dates.yml", None,
            "the topic and the page content/order-dates.md would both be the page /order-dates/", None,
            content="\n".join(line.replace("-item", "-item-x") for line in PROBLEMS_TOPIC.splitlines()) + "\n"),
    Mistake("a page not saved as UTF-8", "content/order-dates.md", lambda text: text + "\nOur café’s hours.\n",
            "expected UTF-8 text; the file has bytes that are not: save it again as UTF-8", None, encoding="cp1252"),
    # YAML syntax in an editor's words, at the line to change
    Mistake("a quote never closed", CHANGES,
            in_question("add-item", "question", '    question: "Can I add an item to my order?'),
            'a quote (") opened on line {line} is never closed; end the text with " on the same line',
            '"Can I add an item to my order?'),
    Mistake("an apostrophe inside single quotes", CHANGES,
            in_question("add-item", "question", "    question: 'Can't I add an item?'"),
            "an apostrophe inside single quotes ends the text; write it twice (can''t), or put the text in double "
            'quotes: "Can\'t I add an item?"', "'Can't I add an item?'"),
    Mistake("a colon in a question", CHANGES,
            in_question("change-billing-details", "question", "    question: Billing: can I change my details?"),
            'text containing ": " must be in quotes; write it as question: "Billing: can I change my details?"',
            "Billing: can I"),
    Mistake("a key indented one space too far", CHANGES,
            in_question("remove-item", "subject", indented(1)),
            "check the indentation of lines {line} and {next}: line {line} is indented by an odd number of spaces",
            "       subject: "),
    Mistake("a key indented further than its group", CHANGES,
            in_question("remove-item", "related", "     related: [cancel-an-order, processing-time, add-item]"),
            "check the indentation of lines {previous} and {line}: line {line} does not line up with the lines "
            "above it", "     related: [cancel-an-order"),
    Mistake("a key indented less than its group", POLICIES, replaced("  condition:\n", " condition:\n"),
            "check the indentation of lines {previous} and {line}: line {line} does not line up", " condition:"),
    Mistake("a text starting with a quote", CHANGES,
            in_question("add-item", "question", '    question: "Add" an item to my order?'),
            "this text starts with a quote (\"), so YAML expects it to end there; put the whole text in the other "
            "quotes: '\"Add\" an item to my order?'", '"Add" an item'),
    Mistake("a list never closed", CHANGES, in_question("remove-item", "ask_for", lambda line: line.rstrip(" ]")),
            "a list opened with [ on line {line} is not closed with ]", re.compile(r"ask_for: \[[^\]\n]*$", re.M)),
    Mistake("a # inside a list", CHANGES,
            in_question("add-item", "keywords", lambda line: line.replace("[", "[order #1234, ", 1)),
            'a list opened with [ on line {line} is not closed with ]; if an item contains a comma, a colon or a '
            'bracket, put that item in quotes ("...") (" #" starts a comment, so an item containing # also needs '
            "quotes)", "order #1234"),
    Mistake("a tab", CHANGES, replaced("  - id: add-item", "\t- id: add-item"),
            "a tab is used for indentation; expected spaces only", "- id: add-item"),
    Mistake("a quote never closed before a comment", POLICIES,
            lambda text: re.sub(r"^  same_day_cutoff: null.*$",
                                '  same_day_cutoff: "14:00 # the courier comes at three', text, count=1, flags=re.M),
            'a quote (") opened on line {line} is never closed; end the text with " before the comment (" #" starts '
            'one): same_day_cutoff: "14:00" # the courier comes at three', '"14:00 # the courier'),
    # Notes to self are never published (an answer may have headings under its question's: ### to ######)
    Mistake("a note to self in an answer", CHANGES, answer_starts("add-item", "      # ask Jo about this\n\n"),
            '"# ask Jo about this" starts with #, so it would be published as a heading and break the page\'s '
            'contents. A note to yourself goes outside the answer: a YAML comment on a line of its own, in the '
            'column of "answer:"', "# ask Jo about this"),
    Mistake("an order number at the start of a line", CHANGES,
            answer_starts("add-item", "      Say which order.\n      #1234 is an example.\n\n"),
            '"#1234 is an example." starts with #, so it would be published as a heading', "#1234 is an example."),
    Mistake("a heading as large as the question's", CHANGES, answer_starts("add-item", "      ## Before you ask\n\n"),
            'A heading inside an answer is written "### Heading"', "## Before you ask"),
    # Values: accept what is meant, or say exactly what to change
    Mistake("curly quotes", POLICIES, replaced("  same_day_cutoff: null", "  same_day_cutoff: “14:00”"),
            'in curly quotes, which YAML keeps as part of the text; use straight quotes: "14:00"', "“14:00”"),
    Mistake("the EU's code for Greece", POLICIES, replaced('countries: ["US"]', 'countries: ["US", "EL"]'),
            'Greece is "GR" (EL is the EU\'s code)', '"EL"'),
    Mistake("UK for the United Kingdom", POLICIES, replaced("  not_shipped_to: []", '  not_shipped_to: ["UK"]'),
            'the United Kingdom is "GB"', '["UK"]'),
    Mistake("a range written as one number", POLICIES,
            replaced("  business_days:                     # time to prepare an order before it ships\n"
                     "    min: 1\n    max: 3\n", "  business_days: 2\n"),
            "expected a minimum and a maximum; got 2. Write them on two lines under business_days: (the same "
            "number twice for an exact figure):\n    business_days:\n      min: 2\n      max: 2",
            "  business_days: 2"),
    Mistake("a quoted word for a number", POLICIES, replaced("  window_days: 14", '  window_days: "fourteen"'),
            'returns.window_days: expected a whole number of days, at least 1; got "fourteen"',
            'window_days: "fourteen"'),
    # Dates that cannot be right
    Mistake("a closure before the first year", POLICIES,
            replaced("  closure_dates: []", "  closure_dates: [2020-12-25]"),
            "this closure ended in 2020, before 2025, the first year the calculator covers (calendar.first_year)",
            "closure_dates: [2020-12-25]"),
    # Links between answers, named at their source
    Mistake("a misspelt answer id", CHANGES,
            answer_starts("add-item", "      See [refunds](refunds.md#refund-tim).\n\n"),
            'question 2, id add-item, answer: link to "refunds.md#refund-tim": no answer with id refund-tim on '
            "refunds.md; did you mean refund-time?", "(refunds.md#refund-tim)"),
    Mistake("a misspelt page", CHANGES, answer_starts("add-item", "      See [refunds](refund.md#refund-time).\n\n"),
            'link to "refund.md#refund-time": there is no page refund.md; the answer with id refund-time is on '
            "refunds.md", "(refund.md#refund-time)"),
    Mistake("an answer on another page", CHANGES,
            answer_starts("add-item", "      See [refunds](returns.md#refund-time).\n\n"),
            "the answer with id refund-time is on refunds.md, not returns.md: link to refunds.md#refund-time",
            "(returns.md#refund-time)"),
    Mistake("a space inside a link", CHANGES,
            answer_starts("add-item", "      See [refunds] (refunds.md#refund-time).\n\n"),
            '"[refunds] (" has a space between ] and (, so it would be published as typed, not as a link; remove '
            "the space", "[refunds] (refunds.md"),
    Mistake("a link never closed", CHANGES,
            answer_starts("add-item", "      See [refunds](refunds.md#refund-time.\n\n"),
            'is a link with no closing ")", so it would be published as typed', "[refunds](refunds.md#refund-time."),
    Mistake("a link to an address", "content/index.md", lambda text: text + "\nSee [the dates](/order-dates/).\n",
            'link to "/order-dates/": link to the page\'s file, such as order-dates.md', "(/order-dates/)"),
    # The mistakes the older tables have, in the shop's own files
    Mistake("questions counted from one", REFUNDS,
            answer_starts("refund-not-arrived", "      Allow {{ refunds.busines_days }}.\n\n"),
            'question 5, id refund-not-arrived, answer: unknown placeholder "{{ refunds.busines_days }}"',
            "{{ refunds.busines_days }}"),
    Mistake("a placeholder in a question", REFUNDS,
            in_question("refund-not-arrived", "question", "    question: Is it {{ refunds.business_days }} yet?"),
            "question 5, id refund-not-arrived, question: a question is shown as written, so the placeholder "
            '"{{ refunds.business_days }}" would be published as typed', "Is it {{ refunds.business_days }} yet?"),
    Mistake("a typed figure", CHANGES, answer_starts("add-item", "      Allow 3 days.\n\n"),
            '"3 days" is a figure typed into the text', "Allow 3 days."),
    Mistake("a typed email address", CHANGES, answer_starts("add-item", "      Write to info@jjsart.co.uk.\n\n"),
            '"info@jjsart.co.uk" is an email address typed into the text', "Write to info@jjsart.co.uk."),
    Mistake("a misspelt key", CHANGES, in_question("add-item", "related",
                                                   "    relatd: [remove-item, shipping-costs, promo-code-after-order]"),
            'question 2, id add-item, relatd: unknown key', "relatd:"),
    Mistake("an unknown related id", CHANGES, in_question("add-item", "related",
                                                          "    related: [remove-itm, shipping-costs]"),
            '"remove-itm" is not the id of another question', "[remove-itm,"),
    Mistake("a duplicate id", REFUNDS, replaced("  - id: refund-steps", "  - id: add-item"),
            'the id "add-item" is also used in changes.yml', "  - id: add-item"),
    Mistake("an unquoted time", POLICIES, replaced("  same_day_cutoff: null", "  same_day_cutoff: 14:00"),
            "got 14:00 without quotes, which YAML reads as the number 840", "same_day_cutoff: 14:00"),
    Mistake("a duplicate key", POLICIES, replaced("  window_days: 14", "  window_days: 14\n  window_days: 21"),
            "returns.window_days: this key appears twice", "window_days: 21"),
]


def _project(root: Path, mistake: Mistake) -> Path:
    """A copy of the shop with the mistake made in it."""
    project = copy_project(root)
    path = project / mistake.file
    if mistake.remove:
        (project / mistake.remove).rename(path)
    elif mistake.edit is None:
        path.write_text(mistake.content, encoding="utf-8")
    else:
        path.write_text(mistake.edit(path.read_text(encoding="utf-8")), encoding=mistake.encoding)
    return project


def _expected(project: Path, mistake: Mistake) -> tuple[int | None, str]:
    """The line the editor must change, and the fragment with that line (and its neighbours) filled in."""
    if mistake.needle is None:
        return None, mistake.fragment
    text = (project / mistake.file).read_text(encoding="utf-8")
    line = line_of(text, mistake.needle)
    lines = text.splitlines()
    previous = next((n for n in range(line - 1, 0, -1) if lines[n - 1].strip()), None)
    named = {"{line}": line, "{next}": line + 1, "{previous}": previous}
    return line, re.sub(r"\{(?:line|next|previous)\}", lambda m: str(named[m.group(0)]), mistake.fragment)


@pytest.fixture(scope="module")
def projects(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {m.case: _project(tmp_path_factory.mktemp("mistake"), m) for m in MISTAKES}


@pytest.fixture(scope="module")
def builds(projects: dict[str, Path]) -> dict[str, str]:
    """Each project built by MkDocs (`mkdocs build --strict`, in one process for speed): what it said."""
    runner = (
        "import json, logging, sys\n"
        "from mkdocs.commands.build import build\n"
        "from mkdocs.config import load_config\n"
        "logged = []\n"
        "handler = logging.Handler()\n"
        "handler.emit = lambda record: logged.append(f'{record.levelname}: {record.getMessage()}')\n"
        "logging.getLogger('mkdocs').addHandler(handler)\n"
        "said = {}\n"
        "for folder in sys.argv[1:]:\n"
        "    logged.clear()\n"
        "    config = load_config(config_file=folder + '/mkdocs.yml', site_dir=folder + '/site', strict=True)\n"
        "    config.plugins.on_startup(command='build', dirty=False)\n"
        "    try:\n"
        "        build(config)\n"
        "        outcome = 'built'\n"
        "    except Exception as error:\n"
        "        outcome = f'{type(error).__name__}: {error}'\n"
        "    finally:\n"
        "        config.plugins.on_shutdown()\n"
        "    said[folder] = '\\n'.join([outcome, *logged])\n"
        "print(json.dumps(said))\n"
    )
    result = subprocess.run([sys.executable, "-c", runner, *map(str, projects.values())], capture_output=True,
                            text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}, check=True)
    said = json.loads(result.stdout.splitlines()[-1])
    return {case: said[str(folder)] for case, folder in projects.items()}


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.case for m in MISTAKES])
def test_a_mistake_is_named_at_the_line_to_change(projects, mistake):
    project = projects[mistake.case]
    help_centre, found = review_help_centre(project / "policies.yaml", project / "content", project / "calculator")
    assert help_centre is None and found.errors
    line, fragment = _expected(project, mistake)
    matching = [f for f in found.errors if fragment in f.message or fragment in str(f)]
    assert matching, "\n".join(map(str, found.errors))
    assert any(f.file == mistake.file and f.line == line for f in matching), "\n".join(map(str, matching))
    for finding in found.errors:  # every message names a file the editor has, and a line in it
        assert (project / finding.file).is_file(), finding
        if finding.line is not None:
            assert finding.line <= len((project / finding.file).read_text(encoding="utf-8").splitlines()) + 1


@pytest.mark.parametrize("mistake", MISTAKES, ids=[m.case for m in MISTAKES])
def test_no_mistake_builds(builds, projects, mistake):
    said = builds[mistake.case]
    assert said.startswith("Abort: Aborted with a BuildError!\nERROR: ")  # stopped by the hook's check,
    assert "WARNING" not in said  # before MkDocs' own warnings
    line, fragment = _expected(projects[mistake.case], mistake)
    assert (f"{mistake.file}:{line}:" if line else f"{mistake.file}: ") in said
    assert fragment in said
    assert "Doc file" not in said and "Traceback" not in said


# The YAML syntax mistakes (and the tab): each message comes with the line as it should be, tried by applying it.
YAML_SYNTAX = ["related indented into the answer", "a quote never closed", "an apostrophe inside single quotes",
               "a colon in a question", "a key indented one space too far", "a key indented further than its group",
               "a key indented less than its group", "a text starting with a quote", "a list never closed",
               "a # inside a list", "a tab", "a quote never closed before a comment"]


@pytest.mark.parametrize("case", YAML_SYNTAX)
def test_the_fix_offered_for_a_yaml_syntax_mistake_makes_the_file_read(projects, tmp_path, case):
    mistake = next(m for m in MISTAKES if m.case == case)
    project = projects[case]
    _, found = review_help_centre(project / "policies.yaml", project / "content", project / "calculator")
    [finding] = [f for f in found.errors if f.file == mistake.file]
    assert finding.fix is not None, finding
    lines = (project / mistake.file).read_text(encoding="utf-8").splitlines()
    lines[finding.line - 1] = finding.fix
    fixed = tmp_path / Path(mistake.file).name
    fixed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read_yaml(fixed)  # raises DataError if the file still does not read
    shown = re.search(r"(?:write it as|quotes:|starts one\):) (.*)$", finding.message)
    if shown:  # the change the message shows is the change tried
        assert finding.fix.strip().endswith(shown.group(1).split(": ", 1)[-1]), (finding.fix, finding.message)


def test_the_fix_of_a_quote_never_closed_keeps_the_comment_out_of_the_value(tmp_path):
    """"14:00 # comment with its closing quote missing: the fix ends the text before the comment, so the time
    reads as a time (ending the line with the quote would make the comment part of it)."""
    mistake = next(m for m in MISTAKES if m.case == "a quote never closed before a comment")
    project = _project(tmp_path, mistake)
    _, found = review_help_centre(project / "policies.yaml", project / "content", project / "calculator")
    [finding] = found.errors
    policies = project / "policies.yaml"
    lines = policies.read_text(encoding="utf-8").splitlines()
    lines[finding.line - 1] = finding.fix
    policies.write_text("\n".join(lines) + "\n", encoding="utf-8")
    help_centre = load_help_centre(policies, project / "content", project / "calculator")
    assert help_centre.policies["processing.same_day_cutoff"] is not None


def test_a_heading_under_the_question_is_allowed_in_an_answer(tmp_path):
    project = copy_project(tmp_path)
    changes = project / "content" / "changes.yml"
    changes.write_text(answer_starts("add-item", "      ### Before you write\n\n      Have your order number.\n\n")(
        changes.read_text(encoding="utf-8")), encoding="utf-8")
    _, found = review_help_centre(project / "policies.yaml", project / "content", project / "calculator")
    assert found.errors == []


def test_the_shops_own_files_have_no_mistake():
    _, found = review_help_centre(ROOT / "policies.yaml", ROOT / "content", ROOT / "calculator")
    assert found.errors == []


# What an editor obviously meant is accepted -----------------------------------------------------------

def test_a_quoted_whole_number_is_read_as_the_number(tmp_path):
    project = copy_project(tmp_path)
    policies = project / "policies.yaml"
    text = policies.read_text(encoding="utf-8")
    policies.write_text(text.replace("  window_days: 14", '  window_days: "30"')
                        .replace("    min: 18", "    min: '18'"), encoding="utf-8")
    help_centre = load_help_centre(policies, project / "content", project / "calculator")
    assert help_centre.placeholders["returns.window_days"] == "30 days"
    assert "18 to 24 days" in help_centre.placeholders["delivery.zones"]


def test_two_single_closure_days_a_few_days_apart_get_a_hint_and_still_build(tmp_path):
    project = copy_project(tmp_path)
    policies = project / "policies.yaml"
    text = policies.read_text(encoding="utf-8").replace(
        "  closure_dates: []", "  closure_dates:\n    - 2026-12-24\n    - 2027-01-02\n    - 2027-03-01")
    policies.write_text(text, encoding="utf-8")
    help_centre = load_help_centre(policies, project / "content", project / "calculator")
    hints = [note for note in help_centre.notes if note.severity == "hint" and note.file == "policies.yaml"]
    assert [(h.file, h.line) for h in hints] == [("policies.yaml", line_of(text, "    - 2027-01-02"))]
    assert "2026-12-24 and 2027-01-02 are two single days" in hints[0].message
    assert "write a range: {from: 2026-12-24, to: 2027-01-02}" in hints[0].message
    checked = subprocess.run([sys.executable, "-m", "helpcentre", "check", "--project", str(project)],
                             capture_output=True, text=True, cwd=ROOT / "hooks")
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.startswith("1 hint on ") and "No mistakes in " in checked.stdout
    verbose = subprocess.run([sys.executable, "-m", "helpcentre", "check", "-v", "--project", str(project)],
                             capture_output=True, text=True, cwd=ROOT / "hooks")
    assert "2027-01-02 are two single days" in verbose.stdout


def test_everywhere_else_before_other_zones_gets_a_hint(tmp_path):
    project = copy_project(tmp_path)
    policies = project / "policies.yaml"
    text = policies.read_text(encoding="utf-8")
    us = text[text.index("    - name: United States"):text.index("    - name: Everywhere else")]
    rest = text[text.index("    - name: Everywhere else"):text.index("  not_shipped_to:")]
    text = text.replace(us + rest, rest + us)
    policies.write_text(text, encoding="utf-8")
    help_centre = load_help_centre(policies, project / "content", project / "calculator")
    hints = [note for note in help_centre.notes if note.severity == "hint" and note.file == "policies.yaml"]
    assert [n.line for n in hints] == [line_of(text, "    - name: Everywhere else")]
    assert "move it to the end of the list" in hints[0].message


def test_each_email_body_line_is_one_whole_item(tmp_path, british_words):
    """Every prefilled email asks for whole details: each line of its body is one item as written, none is
    the end of another split off by a comma."""
    emails = 0
    for topic in load_topics(ROOT / "content"):
        for question in topic.questions:
            if question.email is None:
                continue
            emails += 1
            body = email_body(question.email, "JJ's Art").split("\n")
            items = [*(f"{item}: " for item in question.email.ask_for),
                     *(f"- {item}" for item in question.email.attach)]
            framing = {"Hello JJ's Art,", "", "I have attached:", "Thank you"}
            assert [line for line in body if line not in framing] == items, question.id
            assert all(item[0].isupper() for item in (*question.email.ask_for, *question.email.attach)), question.id
    assert emails >= 10
    change = next(q for t in load_topics(ROOT / "content") for q in t.questions if q.id == "change-address")
    assert "New delivery address, in full: " in email_body(change.email, "JJ's Art").split("\n")

