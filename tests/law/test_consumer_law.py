"""Policy advice: policies.yaml compared with the consumer law of the shop's country (law/GB.yaml).

Advice tells the editor where the policy gives shoppers less than the law, at the policy's key and line;
it never stops the build, `python -m helpcentre check` or CI.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from test_site import broken_links

from conftest import ROOT, SHOPS, Build, build_project, copy_project, without_columns
from helpcentre.dates.calculator_data import build_calculator_data
from helpcentre.dates.order_dates import add_business_days
from helpcentre.law.consumer_law import load_law, longest_span
from helpcentre.policy.policies import load_policies
from helpcentre.reading.errors import DataError, Finding
from helpcentre.review.check_command import main
from helpcentre.review.checking_pass import review_help_centre

POLICIES = (ROOT / "policies.yaml").read_text(encoding="utf-8")
LAW = (ROOT / "law" / "GB.yaml").read_text(encoding="utf-8")
REGULATION = "https://www.legislation.gov.uk/uksi/2013/3134/regulation/"


def line_of(text: str, needle: str) -> int:
    assert text.count(needle) == 1, needle
    return text[: text.index(needle)].count("\n") + 1


def notes_of(policies_text: str, tmp_path: Path, law_folder: Path = ROOT / "law") -> list[Finding]:
    """The hints and advice of the whole review of a project with these policies."""
    project = tmp_path / "project"
    if not project.exists():
        project.mkdir()
        copy_project(project)
    (project / "policies.yaml").write_text(policies_text, encoding="utf-8")
    _, found = review_help_centre(project / "policies.yaml", project / "content", project / "calculator", law_folder)
    assert found.errors == []
    return [note for note in found.notes if not note.file.startswith("kit/")]  # the content kit's questions aside


def with_consumer_law(section: str) -> str:
    return POLICIES + "\nconsumer_law:\n" + section


# The shop's own policies ------------------------------------------------------------------------------

FOUR = [  # (advice id, key, the line it is on, what the policy says, what the law requires, regulation)
    ("gb-return-window", "returns.window_days", "  window_days: 14", "within 14 days of delivery",
     "14 days after the day the goods arrive", "reg. 29, 30(3) and 35(4), " + REGULATION + "30"),
    ("gb-handling", "returns.condition[1]", "    - unopened", 'a return must be "unopened"',
     "may open and handle the goods", "reg. 34(9) to 34(12), " + REGULATION + "34"),
    ("gb-refund-time", "refunds.business_days", "  business_days: 28", "within 28 business days (up to",
     "at the latest 14 calendar days after you get the goods", "reg. 34(4) to 34(6), " + REGULATION + "34"),
    ("gb-delivery-refund", "refunds.original_delivery_cost", "  original_delivery_cost: kept",
     "not including the original delivery cost", "includes what the shopper paid for delivery",
     "reg. 34(2) and 34(3), " + REGULATION + "34"),
]


def test_the_shops_policies_get_exactly_four_pieces_of_advice(tmp_path):
    notes = notes_of(POLICIES, tmp_path)
    assert [note.severity for note in notes] == ["advice"] * 4
    assert sorted(note.key for note in notes) == sorted(key for _, key, *_ in FOUR)


@pytest.mark.parametrize(("rule", "key", "written", "says", "requires", "regulation"), FOUR, ids=[f[0] for f in FOUR])
def test_each_piece_of_advice_names_its_key_line_and_regulation(tmp_path, rule, key, written, says, requires,
                                                                 regulation):
    advice = next(note for note in notes_of(POLICIES, tmp_path) if note.key == key)
    assert without_columns(advice).startswith(f"policies.yaml:{line_of(POLICIES, written)}: {key}: your policy: ")
    assert says in advice.message
    assert requires in advice.message.split("; the law: ")[1]
    assert f"(SI 2013/3134 {regulation})" in advice.message
    assert advice.message.endswith(f"(advice id: {rule})")
    # policies.yaml does not say whether the goods are made to order, which the right to cancel depends on
    assert "Declare consumer_law.made_to_order (none, some or all)" in advice.message
    assert "reg. 28(1)(b)" in advice.message


def test_a_policy_that_meets_the_law_gets_no_advice(tmp_path):
    assert notes_of((SHOPS / "compliant.yaml").read_text(encoding="utf-8"), tmp_path) == []



@pytest.mark.parametrize(("returns", "key", "says", "regulation"), [
    ("window_days: 28\n  deadline: send", None, None, None),
    ("window_days: 21\n  deadline: send", "returns.window_days", "a return must be sent within 21 days of delivery",
     "reg. 29, 30(3) and 35(4), " + REGULATION + "35"),
    ("window_days: 14\n  deadline: notify then send\n  send_days: 14", None, None, None),
    ("window_days: 10\n  deadline: notify then send\n  send_days: 14", "returns.window_days",
     "a shopper must tell you within 10 days of delivery", "reg. 29 and 30(3), " + REGULATION + "30"),
    ("window_days: 14\n  deadline: notify then send\n  send_days: 7", "returns.send_days",
     "a shopper must send the goods within 7 days of telling you", "reg. 35(4), " + REGULATION + "35"),
])
def test_a_window_to_send_or_to_tell_then_send_is_compared_with_the_regulations(tmp_path, returns, key, says,
                                                                                 regulation):
    """28 days from delivery to send the goods; or 14 days to tell the shop, then 14 more to send them."""
    compliant = (SHOPS / "compliant.yaml").read_text(encoding="utf-8")
    text = compliant.replace("window_days: 30", returns)
    assert text != compliant
    notes = notes_of(text, tmp_path)
    assert [(note.key, note.message.split("; the law: ")[0]) for note in notes] == (
        [] if key is None else [(key, f"your policy: {says}")])
    assert all(regulation in note.message for note in notes)

def test_acknowledging_one_piece_of_advice_silences_only_that_one(tmp_path):
    before = notes_of(POLICIES, tmp_path)
    text = with_consumer_law("  acknowledged:\n    - id: gb-handling\n"
                             "      reason: Our prints are sold sealed in card; we keep the condition\n")
    after = notes_of(text, tmp_path)
    acknowledged = [note for note in after if note.message.startswith("acknowledged")]
    line = line_of(text, "\n    - id: gb-handling") + 1
    assert [without_columns(note) for note in acknowledged] == [
        f"policies.yaml:{line}: consumer_law.acknowledged[1]: acknowledged gb-handling "
        "(SI 2013/3134 reg. 34(9) to 34(12)): Our prints are sold sealed in card; we keep the condition"]
    others = [note for note in before if note.key != "returns.condition[1]"]
    assert [note for note in after if note not in acknowledged] == others


@pytest.mark.parametrize(("acknowledged", "expected"), [
    ("gb-handlng", '"gb-handlng" is not the id of a rule in law/GB.yaml; expected one of gb-return-window, '
                   'gb-refund-time, gb-delivery-refund, gb-handling, gb-send-window, gb-notify-window, '
                   'gb-send-after-notice; did you mean "gb-handling"?'),
    ("gb-delivery-refund", None),  # met below: the acknowledgement is no longer needed
])
def test_an_acknowledgement_that_silences_nothing_is_a_hint(tmp_path, acknowledged, expected):
    text = with_consumer_law(f"  acknowledged:\n    - id: {acknowledged}\n      reason: Decided\n")
    if expected is None:
        text = text.replace("  original_delivery_cost: kept", "  original_delivery_cost: refunded")
        expected = "the policy meets gb-delivery-refund now; this acknowledgement can be removed"
    hints = [note for note in notes_of(text, tmp_path) if note.severity == "hint"]
    assert [(note.key, note.message) for note in hints] == [("consumer_law.acknowledged[1].id", expected)]


@pytest.mark.parametrize(("made_to_order", "advice_count", "sentence"), [
    ("none", 4, None),
    ("some", 4, "This applies to the goods that are not made to order."),
    ("all", 0, None),  # no right to cancel: nothing to compare
])
def test_declaring_made_to_order_goods_changes_the_advice(tmp_path, made_to_order, advice_count, sentence):
    notes = notes_of(with_consumer_law(f"  made_to_order: {made_to_order}\n"), tmp_path)
    assert len(notes) == advice_count
    for note in notes:
        assert "Declare consumer_law.made_to_order" not in note.message
        assert sentence is None or sentence in note.message


@pytest.mark.parametrize(("shop", "more"), [
    ("second-shop.yaml", ""),
    ("compliant.yaml", "; consumer_law.rights_answer has nothing to summarise"),  # it asks for the answer
])
def test_a_country_without_a_law_file_gets_one_line_saying_so(tmp_path, shop, more):
    text = (SHOPS / shop).read_text(encoding="utf-8")
    text = re.sub(r"    country: \w\w\b", "    country: CA", text).replace("region: ENG", "region: null")
    notes = [note for note in notes_of(text, tmp_path) if not note.key.startswith("delivery.")]  # the zones' hints
    assert [without_columns(note) for note in notes] == [
        f"policies.yaml:{line_of(text, '    country: CA')}: calendar.bank_holidays.country: no statutory check is "
        f'available for Canada (CA): there is no law/CA.yaml (docs/editors.md, "Policy advice", says how to add '
        f'one){more}']
    project = tmp_path / "project"
    centre, _ = review_help_centre(project / "policies.yaml", project / "content", project / "calculator")
    assert "your-legal-rights" not in centre.pages["returns.md"]


@pytest.mark.parametrize(("made_to_order", "excluded"), [("none", False), ("some", True), (None, True)])
def test_the_legal_rights_answer_says_when_made_to_order_goods_are_excluded(tmp_path, made_to_order, excluded):
    text = (SHOPS / "compliant.yaml").read_text(encoding="utf-8").replace(
        "  made_to_order: none\n", f"  made_to_order: {made_to_order}\n" if made_to_order else "")
    notes_of(text, tmp_path)
    project = tmp_path / "project"
    centre, _ = review_help_centre(project / "policies.yaml", project / "content", project / "calculator")
    page = centre.pages["returns.md"]
    assert "## What are my legal rights to cancel and return an order? {#your-legal-rights}" in page
    sentence = load_law(ROOT / "law" / "GB.yaml", "law/GB.yaml").made_to_order.for_shoppers
    assert (" ".join(sentence.split()) in " ".join(page.split())) is excluded


def test_the_refund_time_is_read_in_calendar_days_on_the_shops_calendar(british_words):
    data = build_calculator_data(load_policies(ROOT / "policies.yaml"), 2026)
    # Monday to Friday with England's bank holidays: 10 business days are two weeks, except over holidays.
    assert longest_span({**data, "closed_dates": []}, 10)[0] == 14
    seven, eight = longest_span(data, 7), longest_span(data, 8)
    # From Friday 18 December: the 21st to the 24th, the 29th to the 31st, then Monday 4 January (the 1st a
    # bank holiday): 8 business days take 17 calendar days; 7 never take more than 14.
    assert seven[0] == 14 and eight == (17, dt.date(2026, 12, 18))
    assert dt.date(2026, 12, 14) <= seven[1] <= dt.date(2026, 12, 24)
    assert longest_span(data, 28)[0] > 14 + 28


@pytest.mark.parametrize("shop", [ROOT / "policies.yaml", SHOPS / "second-shop.yaml"])
def test_the_longest_refund_time_agrees_with_the_calculators_business_days(shop, british_words):
    data = build_calculator_data(load_policies(shop), 2026)
    last = dt.date.fromisoformat(data["last_date"])
    for count in (0, 1, 6, 28):
        starts = [dt.date(2026, 1, 1) + dt.timedelta(days=n) for n in range((last - dt.date(2026, 1, 1)).days)]
        spans = [((end - start).days, start) for start in starts
                 if (end := add_business_days(data, start, count)) <= last]
        assert longest_span(data, count) == max(spans, key=lambda span: (span[0], -span[1].toordinal()))


# Never a failure ---------------------------------------------------------------------------------------

def test_advice_never_changes_the_exit_status_of_the_check(capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert main(["check", "-v", "--project", str(ROOT)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Hints and advice (information: they never stop the build):\n")
    assert out.count("[advice]") == 4
    assert "::" not in out  # CI: the advice goes to the job's summary once, never on the lines
    assert out.splitlines()[-1].startswith("No mistakes in ")


def test_advice_is_information_in_a_strict_build(site: Build):
    assert site.returncode == 0
    assert "WARNING" not in site.output
    assert "INFO    -  hooks/events: policies.yaml:" in site.output and "(advice id: gb-return-window)" in site.output


def test_nothing_on_the_site_changes_by_default(site: Build):
    assert "your-legal-rights" not in site.files_text()


# The shopper's side -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def compliant_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A shop whose policy meets the law and opts in to the legal rights answer."""
    built = build_project(copy_project(tmp_path_factory.mktemp("compliant"), SHOPS / "compliant.yaml"))
    assert built.returncode == 0, built.output
    return built


def test_the_legal_rights_answer_is_on_the_returns_page_when_asked_for(compliant_site):
    law = load_law(ROOT / "law" / "GB.yaml", "law/GB.yaml")
    page = compliant_site.pages["returns/index.html"]
    heading = page.find(id="your-legal-rights")
    assert heading.get_text(strip=True).startswith("What are my legal rights to cancel and return an order?")
    text = " ".join(page.get_text(" ").split())
    for rule in law.rules:
        assert " ".join(rule.for_shoppers.split()) in text
    assert "14 days after the day it arrives" in text and "14 days after telling us to send the goods back" in text
    assert law.made_to_order.for_shoppers not in text  # the shop declared none of its goods made to order
    assert "information, not legal advice" in text
    assert "your-legal-rights" in (compliant_site.site / "search" / "search_index.json").read_text(encoding="utf-8")
    faq = page.find("script", type="application/ld+json").string
    assert "What are my legal rights to cancel and return an order?" in faq
    assert broken_links(compliant_site) == []
    assert "WARNING" not in compliant_site.output


def test_no_legal_rights_answer_when_no_goods_can_be_cancelled(tmp_path):
    text = (SHOPS / "compliant.yaml").read_text(encoding="utf-8").replace("made_to_order: none", "made_to_order: all")
    notes = notes_of(text, tmp_path)
    assert [(n.key, n.severity, n.message.split(":")[0]) for n in notes] == [
        ("consumer_law.rights_answer", "hint", "not added")]


# Mistakes ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    at_least: 30\n", "    at_least: 30\n    at_most: 40\n",
     "law/GB.yaml:{rule}: rules[1]: expected at most one comparison (at_least, at_most, at_most_after_notice, is, "
     "none_of, answered); got at_least, at_most"),
    ("return-window\n    policy: returns.window_days\n", "return-window\n    policy: returns.window\n",
     'law/GB.yaml:{policy}: rules[1].policy: expected a key of policies.yaml such as returns.window_days; '
     'got "returns.window"'),
    ("    is: refunded\n", "    is: returned\n",
     "rules[3].is: is cannot compare refunds.original_delivery_cost: expected a key with a few allowed words"),
    ("return-window\n    policy: returns.window_days\n", "return-window\n    policy: returns.condition\n",
     "rules[1].at_least: at_least cannot compare returns.condition: expected a key counted in days"),
    ("  - id: gb-refund-time\n", "  - id: gb-return-window\n",
     'rules[2].id: the id "gb-return-window" is used twice'),
    ("country: GB\n", "country: IE\n", "law/GB.yaml:{country}: country: expected GB, the country this file is named"),
    ("address: https://www.legislation.gov.uk/uksi/2013/3134\n", "address: www.legislation.gov.uk\n",
     "address: expected a web address starting with https://"),
    ("    at_least: 30\n", "    at_least: thirty\n", 'rules[1].at_least: expected a whole number of days'),
])
def test_a_mistake_in_a_law_file_is_named_with_its_line(tmp_path, old, new, expected):
    assert LAW.count(old) == 1
    text = LAW.replace(old, new)
    (tmp_path / "GB.yaml").write_text(text, encoding="utf-8")
    expected = expected.format(rule=line_of(LAW, "  - id: gb-return-window\n"), country=line_of(LAW, "country:"),
                               policy=line_of(LAW, "  - id: gb-return-window\n") + 1)
    with pytest.raises(DataError) as error:
        load_law(tmp_path / "GB.yaml", "law/GB.yaml")
    assert expected in without_columns(error.value)


@pytest.mark.parametrize(("section", "expected"), [
    ("  made_to_order: many\n", 'consumer_law.made_to_order: expected one of none, some or all; got "many"'),
    ("  rights_answer: please\n", 'consumer_law.rights_answer: expected true or false; got "please"'),
    ("  acknowledged:\n    - id: gb-handling\n", "consumer_law.acknowledged[1].reason: this key is missing"),
    ("  acknowledge: []\n", 'consumer_law.acknowledge: unknown key; expected one of made_to_order, rights_answer, '
                            'acknowledged; did you mean "acknowledged"?'),
])
def test_a_mistake_in_the_consumer_law_settings_stops_the_build(tmp_path, section, expected):
    path = tmp_path / "policies.yaml"
    path.write_text(with_consumer_law(section), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_policies(path)
    assert expected in str(error.value)
