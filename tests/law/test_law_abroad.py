"""Policy advice beyond the UK: the EU's consumer law (law/EU.yaml), the member states that extend it
(NL, DE, FR, IE) or fall back to it, and the US mail order rule (law/US.yaml), over copies of JJ's Art
and of the compliant shop with another country."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, SHOPS, copy_project, without_columns
from helpcentre.dates.calculator_data import build_calculator_data
from helpcentre.law.consumer_law import find_law, review_consumer_law
from helpcentre.law.law_files import load_law
from helpcentre.policy.policies import load_policies
from helpcentre.reading.errors import DataError, Finding
from helpcentre.review.checking_pass import review_help_centre

POLICIES = (ROOT / "policies.yaml").read_text(encoding="utf-8")
COMPLIANT = (SHOPS / "compliant.yaml").read_text(encoding="utf-8")
EUR_LEX = "https://eur-lex.europa.eu/eli/dir/2011/83/oj"
BW = "https://wetten.overheid.nl/BWBR0005289/"
ECFR = "https://www.ecfr.gov/current/title-16/section-435.2"


def in_country(text: str, country: str) -> str:
    """The policies with the bank holidays (and so the law) of another country."""
    assert text.count("    country: GB") == 1 and text.count("    region: ENG") == 1
    return text.replace("    country: GB", f"    country: {country}").replace("    region: ENG", "    region: null")


def line_of(text: str, needle: str) -> int:
    assert text.count(needle) == 1, needle
    return text[: text.index(needle)].count("\n") + 1


def review(tmp_path: Path, policies: str, answers: tuple[str, str] | None = None) -> tuple[list[Finding], dict]:
    """The hints and advice, and the pages, of a copy of the shop with these policies (and `answers`: one
    text of content/delivery.yml replaced by another)."""
    project = tmp_path / "project"
    if not project.exists():
        project.mkdir()
        copy_project(project)
    (project / "policies.yaml").write_text(policies, encoding="utf-8")
    if answers is not None:
        delivery = project / "content" / "delivery.yml"
        text = delivery.read_text(encoding="utf-8")
        assert text.count(answers[0]) == 1
        delivery.write_text(text.replace(*answers), encoding="utf-8")
    centre, found = review_help_centre(project / "policies.yaml", project / "content", project / "calculator")
    assert found.errors == [] and centre is not None
    return [note for note in found.notes if not note.file.startswith("kit/")], centre.pages  # the kit's aside


def advice_ids(notes: list[Finding]) -> list[str]:
    return sorted(note.message.rsplit("(advice id: ", 1)[1].rstrip(")") for note in notes
                  if note.severity == "advice" and "(advice id: " in note.message)


# The Netherlands: the EU's rules, cited by the Burgerlijk Wetboek first ---------------------------------

DUTCH = in_country(POLICIES, "NL")
EU_FOUR = [  # (advice id, key, the line it is on, the fix, the Dutch article, the Directive's article)
    ("eu-return-window", "returns.window_days", "  window_days: 14", ("  window_days: 14", "  window_days: 30"),
     "BW art. 6:230o and 6:230s(1)", "Directive 2011/83/EU art. 9(1), 9(2)(b) and 14(1)"),
    ("eu-handling", "returns.condition[1]", "    - unopened", ("    - unopened\n", ""),
     "BW art. 6:230s(3)", "Directive 2011/83/EU art. 14(2)"),
    ("eu-refund-time", "refunds.business_days", "  business_days: 28", None,  # no refund time counted from the
                                                                              # return reaching the shop is in time
     "BW art. 6:230r(1) and (4)", "Directive 2011/83/EU art. 13(1) and 13(3)"),
    ("eu-delivery-refund", "refunds.original_delivery_cost", "  original_delivery_cost: kept",
     ("original_delivery_cost: kept", "original_delivery_cost: refunded"),
     "BW art. 6:230r(1) and (3)", "Directive 2011/83/EU art. 13(1) and 13(2)"),
]


@pytest.mark.parametrize(("rule", "key", "written", "fix", "dutch", "directive"), EU_FOUR, ids=[r[0] for r in EU_FOUR])
def test_a_dutch_shop_gets_each_piece_of_eu_advice_exactly_while_its_rule_is_broken(tmp_path, rule, key, written,
                                                                                      fix, dutch, directive):
    notes, _ = review(tmp_path, DUTCH)
    assert advice_ids(notes) == sorted(r[0] for r in EU_FOUR)  # JJ's policy breaks all four, and nothing else
    [advice] = [note for note in notes if note.key == key]
    assert without_columns(advice).startswith(f"policies.yaml:{line_of(DUTCH, written)}: {key}: your policy: ")
    # the Dutch article first, then the Directive's it carries out, each with its address
    assert f"({dutch}, {BW}; {directive}, {EUR_LEX})" in advice.message
    assert advice.message.endswith(f"(advice id: {rule})")
    if fix is None:  # a shorter refund time is still counted from the return: the advice stays
        fix = ("  business_days: 28", "  business_days: 1")
        assert advice_ids(review(tmp_path, DUTCH.replace(*fix))[0]) == sorted(r[0] for r in EU_FOUR)
    else:
        fixed, _ = review(tmp_path, DUTCH.replace(*fix))
        assert advice_ids(fixed) == sorted(r[0] for r in EU_FOUR if r[0] != rule)
    acknowledged = DUTCH + f"\nconsumer_law:\n  acknowledged:\n    - id: {rule}\n      reason: Decided\n"
    silenced, _ = review(tmp_path, acknowledged)
    assert [note.message for note in silenced if note.key == "consumer_law.acknowledged[1]"] == [
        f"acknowledged {rule} ({dutch}): Decided"]
    assert key not in [note.key for note in silenced]


def test_a_reach_us_within_14_days_window_gets_advice_in_every_eu_country(tmp_path):
    for country, cited in (("NL", "BW art. 6:230o"), ("DE", "BGB § 355(1) to (3)"), ("FR", "art. L221-18"),
                           ("IE", "Directive 2011/83/EU art. 9(1)"), ("AT", "Directive 2011/83/EU art. 9(1)")):
        notes, _ = review(tmp_path, in_country(COMPLIANT, country).replace("window_days: 30", "window_days: 14"))
        [advice] = [note for note in notes if note.key == "returns.window_days"]
        assert "a return must reach you within 14 days of delivery" in advice.message, country
        assert "14 days after telling you to send them back" in advice.message and cited in advice.message


REFUND_DECIDED = ("  acknowledged:\n    - id: eu-refund-time\n"
                  "      reason: We refund on the day proof of sending reaches us\n")


@pytest.mark.parametrize("country", ["NL", "DE", "FR", "IE"])
def test_a_compliant_shop_in_a_member_state_with_its_own_file_gets_only_the_refund_timing_advice(tmp_path, country):
    """A refund counted from the return reaching the shop can always be later than the EU's, counted from the
    shopper's notice: the one piece of advice a shop that otherwise meets the law gets, until it decides."""
    assert advice_ids(review(tmp_path, in_country(COMPLIANT, country))[0]) == ["eu-refund-time"]
    notes, _ = review(tmp_path, in_country(COMPLIANT, country) + REFUND_DECIDED)
    assert [note.message.split(" (")[0] for note in notes] == ["acknowledged eu-refund-time"]


def test_a_member_state_without_a_file_is_checked_against_the_eu_with_one_line_saying_so(tmp_path):
    text = in_country(COMPLIANT, "AT")
    notes, _ = review(tmp_path, text)
    assert advice_ids(notes) == ["eu-refund-time"]
    notes = [note for note in notes if "(advice id: " not in note.message]
    assert [without_columns(note) for note in notes] == [
        f"policies.yaml:{line_of(text, '    country: AT')}: calendar.bank_holidays.country: checked against "
        "law/EU.yaml (Directive 2011/83/EU), which Austria (AT) is a member of: there is no law/AT.yaml for its "
        'own statutes, which may give shoppers more (docs/shop-owners.md, "Consumer law", says how to add one '
        "with extends: EU)"]
    assert notes[0].severity == "advice"


def test_a_country_that_is_not_a_member_gets_no_eu_advice(tmp_path):
    notes, _ = review(tmp_path, in_country(POLICIES, "CH"))  # Switzerland: in Europe, not in the EU
    assert [note.message.split(":")[0] for note in notes] == ["no statutory check is available for Switzerland (CH)"]


def test_the_dutch_legal_rights_answer_is_written_from_the_dutch_file(tmp_path):
    _, pages = review(tmp_path, in_country(COMPLIANT, "NL"))
    page = " ".join(pages["returns.md"].split())
    law = load_law(ROOT / "law" / "NL.yaml", "law/NL.yaml")
    assert "## What are my legal rights when I buy from you online? {#your-legal-rights}" in page
    assert "Dutch law (the Burgerlijk Wetboek" in page
    for rule in law.rules:
        assert " ".join(rule.for_shoppers.split()) in page
    assert "for as long as you may reasonably expect them to last" in page  # Dutch law's guarantee, not the EU's
    assert "within two years of delivery" not in page
    assert law.made_to_order is not None and law.made_to_order.for_shoppers not in page  # made_to_order: none


# The United States: the mail order rule ------------------------------------------------------------------

AMERICAN = in_country(POLICIES, "US")
DELAY_ANSWER = ("If this happens, we'll contact you promptly",
                "If this happens, or if your order is delayed, we'll contact you promptly")


def test_a_us_shop_gets_the_mail_order_advice_that_applies_and_nothing_else(tmp_path):
    notes, _ = review(tmp_path, AMERICAN)
    assert [(note.key, note.severity) for note in notes] == [("processing.business_days", "advice"),
                                                             ("returns.window_days", "hint")]
    delay, window = notes
    processing = line_of(AMERICAN, "    min: 1\n    max: 3")  # the range of processing.business_days
    assert without_columns(delay).startswith(
        f"policies.yaml:{processing}: "
        "processing.business_days: your policy: you process an order in 1 to 3 business days before it ships, "
        "and no answer says what happens when an order cannot ship in that time; the law: ")
    assert f"(16 CFR Part 435 § 435.2(b)(1), {ECFR})" in delay.message
    assert delay.message.endswith("(advice id: us-delay-option)")
    assert "Declare consumer_law.made_to_order" not in delay.message  # no right to cancel in federal law
    assert window.message.startswith("US federal law sets no return window")


@pytest.mark.parametrize(("policies", "answers"), [
    (AMERICAN, DELAY_ANSWER),  # an answer that says what happens when an order is delayed
    (AMERICAN + "\nconsumer_law:\n  rights_answer: true\n", None),  # the legal rights answer says it
])
def test_an_answer_about_delays_meets_the_delay_option_rule(tmp_path, policies, answers):
    notes, pages = review(tmp_path, policies, answers)
    assert advice_ids(notes) == []
    assert ("{#your-legal-rights}" in pages["delivery.md"]) is (answers is None)


def test_the_us_legal_rights_answer_is_on_the_delivery_page(tmp_path):
    _, pages = review(tmp_path, AMERICAN + "\nconsumer_law:\n  rights_answer: true\n")
    page = " ".join(pages["delivery.md"].split())
    assert "## What are my rights if my order can't ship on time? {#your-legal-rights}" in page
    for rule in load_law(ROOT / "law" / "US.yaml", "law/US.yaml").rules:
        assert " ".join(rule.for_shoppers.split()) in page
    assert "within 7 working days" in page and "US federal law sets no time to return goods" in page
    assert "{#your-legal-rights}" not in pages["returns.md"]


@pytest.mark.parametrize(("most", "advised"), [(3, False), (30, True)])
def test_a_processing_time_beyond_30_days_gets_the_shipping_time_advice(tmp_path, most, advised):
    text = AMERICAN.replace("    max: 3\n", f"    max: {most}\n", 1)
    notes, _ = review(tmp_path, text, DELAY_ANSWER)
    assert ("us-ship-time" in advice_ids(notes)) is advised  # 30 business days take more than 30 calendar days
    if advised:
        [advice] = [note for note in notes if note.key == "processing.business_days"]
        assert f"you process an order in 1 to {most} business days (up to " in advice.message
        assert "calendar days on your calendar" in advice.message and "§ 435.2(a)(1)" in advice.message


# Mistakes in law files -------------------------------------------------------------------------------------

EU = (ROOT / "law" / "EU.yaml").read_text(encoding="utf-8")
NL = (ROOT / "law" / "NL.yaml").read_text(encoding="utf-8")
US = (ROOT / "law" / "US.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("file", "old", "new", "at", "expected"), [
    ("NL", "extends: EU\n", "extend: EU\n", "extend:",
     'law/NL.yaml:{line}: extend: unknown key; expected one of country, extends'),
    ("NL", "extends: EU\n", "extends: XX\n", "extends:", "law/NL.yaml:{line}: extends: expected the code of another "
     'file in law/, such as EU for law/EU.yaml; there is no law/XX.yaml; got "XX"'),
    ("EU", "country: EU\n", "country: EU\nextends: NL\n", "extends:",
     'law/EU.yaml:{line}: extends: expected a file that does not extend this one again; got "NL", which extends EU'),
    ("NL", "extends: EU\n", "", "eu-return-window", "law/NL.yaml:{line}: rules[1].law_requires: this key is missing; "
                                                    "expected law_requires: in every rule"),
    ("EU", "rights_answer:\n  id: your-legal-rights\n", "rights_answers:\n  id: your-legal-rights\n", "rights_answers",
     'law/EU.yaml:{line}: rights_answers: unknown key; expected one of country'),
    ("NL", "  - id: eu-handling\n", "  - id: nl-new\n    law_requires: A rule\n    for_shoppers: A rule\n"
                                    "  - id: eu-handling\n", "nl-new",
     "law/NL.yaml:{line}: rules[4].provision: this key is missing; expected provision: in every rule, the "
     "provision of the law it comes from"),
    ("NL", "    provision: art. 6:230r(1) and (4)\n", "", "eu-refund-time",
     "law/NL.yaml:{line}: rules[2].provision: this key is missing; expected provision: beside address"),
    ("EU", "  - id: eu-not-told\n    provision: art. 10(1)\n", "  - id: eu-not-told\n", "eu-not-told",
     "law/EU.yaml:{line}: rules[5].provision: this key is missing; expected provision: beside address"),
    ("NL", "country: NL\n", "country: DE\n", "country:",
     "law/NL.yaml:{line}: country: expected NL, the country this file is named after; got DE"),
    ("US", "  - policy: returns.window_days\n", "  - policy: returns.window\n", "returns.window\n",
     'law/US.yaml:{line}: notes[1].policy: expected a key of policies.yaml such as returns.window_days; got '
     '"returns.window"'),
    ("US", "    answered: [[delay,", "    at_least: 3\n    answered: [[delay,", "us-delay-option",
     "law/US.yaml:{line}: rules[2]: expected at most one comparison (at_least, at_most, at_most_after_notice, is, "
     "none_of, answered); "
     "got at_least, answered"),
])
def test_a_mistake_in_a_law_file_or_the_one_it_extends_is_named_with_its_line(tmp_path, file, old, new, at,
                                                                               expected):
    texts = {"EU": EU, "NL": NL, "US": US}
    assert texts[file].count(old) == 1
    texts[file] = texts[file].replace(old, new)
    folder = tmp_path / "law"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    loaded = "NL" if file == "EU" else file  # a mistake in EU.yaml is found through the file that extends it
    with pytest.raises(DataError) as error:
        load_law(folder / f"{loaded}.yaml", f"law/{loaded}.yaml")
    assert expected.format(line=line_of(texts[file], at)) in without_columns(error.value.findings[0])


def test_every_shipped_law_file_reads_and_says_it_is_not_reviewed():
    for path in sorted((ROOT / "law").glob("*.yaml")):
        law = load_law(path, f"law/{path.name}")
        assert law.rules and all(rule.citations[0].address.startswith("https://") for rule in law.rules)
        assert "reviewed" in path.read_text(encoding="utf-8").split("status:")[1].split("\n\n")[0], path.name


# The returns model: each window's own rule, refunds counted from the shopper's notice, calendar days --------

NL_BOOKS = (ROOT / "examples" / "nl-books" / "policies.yaml").read_text(encoding="utf-8")


def review_nl_books(tmp_path: Path, policies: str) -> list[Finding]:
    """The hints and advice of the Dutch reference shop (its own answers) with these policies."""
    path = tmp_path / "policies.yaml"
    path.write_text(policies, encoding="utf-8")
    centre, found = review_help_centre(path, ROOT / "examples" / "nl-books" / "content")
    assert found.errors == [] and centre is not None
    return found.notes


def test_the_dutch_reference_shops_refund_can_be_later_than_article_13_allows(tmp_path):
    """Told on the day of delivery, the goods sent 14 days later and 2 days in the post, then 14 calendar days
    counted from the return reaching the shop: 30 days after the shopper told it, where art. 13 allows 14."""
    notes = review_nl_books(tmp_path, NL_BOOKS)
    assert advice_ids(notes) == ["eu-refund-time"]  # its tell-then-send periods meet the directive's
    [advice] = [note for note in notes if "(advice id: " in note.message]
    assert without_columns(advice).startswith(
        f"policies.yaml:{line_of(NL_BOOKS, '  calendar_days: 14')}: refunds.calendar_days: your policy: you refund "
        "within 14 days of the return reaching you: a shopper who tells you on the day the goods arrive and sends "
        "them 14 days later, with 2 days in the post, gets the refund up to 30 days after telling you, 16 days later "
        "than the law allows; the law: the refund is due without undue delay and at the latest 14 days after the "
        "shopper tells you")
    assert f"(BW art. 6:230r(1) and (4), {BW}; Directive 2011/83/EU art. 13(1) and 13(3), {EUR_LEX})" in advice.message


@pytest.mark.parametrize(("change", "rule", "key", "says"), [
    (("  send_days: 14", "  send_days: 10"), "eu-send-after-notice", "returns.send_days",
     "a shopper must send the goods within 10 days of telling you"),
    (("  window_days: 14 ", "  window_days: 10 "), "eu-notify-window", "returns.window_days",
     "a shopper must tell you within 10 days of delivery"),
    (("  deadline: notify then send\n  send_days: 14 ", "  deadline: send\n "), "eu-send-window", "returns.window_days",
     "a return must be sent within 14 days of delivery"),
    (("  deadline: notify then send\n  send_days: 14 ", "  deadline: reach\n "), "eu-return-window",
     "returns.window_days", "a return must reach you within 14 days of delivery"),
])
def test_each_returns_window_is_compared_with_the_directive_as_its_model_words_it(tmp_path, change, rule, key, says):
    text = NL_BOOKS.replace(*change)
    assert text != NL_BOOKS
    notes = review_nl_books(tmp_path, text)
    assert advice_ids(notes) == sorted(["eu-refund-time", rule])
    [advice] = [note for note in notes if note.key == key]
    assert advice.message.startswith(f"your policy: {says}; the law: ") and EUR_LEX in advice.message


@pytest.mark.parametrize(("days", "advice"), [
    (14, []),
    (15, ["your policy: you refund within 15 days of the return reaching you"]),  # as written: nothing to convert
])
def test_a_refund_time_in_calendar_days_is_compared_directly(tmp_path, days, advice, british_words):
    """The UK's 14 calendar days against a refund time the shop gives in calendar days (law/GB.yaml)."""
    text = COMPLIANT.replace("  business_days: 7\n", f"  calendar_days: {days}\n")
    assert text != COMPLIANT
    path = tmp_path / "policies.yaml"
    path.write_text(text, encoding="utf-8")
    policies = load_policies(path)
    law, _ = find_law(policies, path, ROOT / "law")
    assert law is not None and law.country == "GB"
    notes = review_consumer_law(law, policies, path, build_calculator_data(policies, 2026), [])
    assert [note.message.split("; the law: ")[0] for note in notes if note.key == "refunds.calendar_days"] == advice
