"""Rules for the text editors write: a policy figure or the shop's email typed into an answer or a page is
refused by the build (and so by the preview and `make check`), with its line and the placeholder to use."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, build_project, copy_project
from helpcentre.content.text_rules import _BRACED_NAME, _WHOLE_PLACEHOLDER, _stray_braces, braced_names, check_text
from helpcentre.policy.policies import load_policies
from helpcentre.reading.words import speaking
from helpcentre.reading.words_file import shipped_words

with speaking(shipped_words()):
    VALUES = load_policies(ROOT / "policies.yaml").placeholders()
    MEANINGS = load_policies(ROOT / "policies.yaml").meanings()  # with each payment method's
NOTHING_FITS = "no value in policies.yaml is about this yet: add one to policies.yaml, then use its placeholder"


@pytest.mark.parametrize("text, message", [
    ("Returns must reach us within 14 days.", '"14 days" is a figure typed into the text; expected a placeholder '
     "from policies.yaml, so that the page changes when the policy does; did you mean "),
    ("You have a 14-day window.", "{{ returns.window_days }}?"),
    ("Processing takes 1 to 3 business days.", "did you mean {{ processing.business_days }}?"),
    ("Within thirty days.", '"thirty days" is a figure typed into the text; expected a placeholder from '
     f"policies.yaml, so that the page changes when the policy does; {NOTHING_FITS}"),
    # By meaning, never by a number that happens to be the same (14 is also the closure notice's days)
    ("Allow 14 days for your parcel to arrive.", NOTHING_FITS),
    ("We announce a closure 14 days before it starts.", "did you mean {{ processing.closure_notice_days }}?"),
    ("PayPal refunds take 3 business days.", "did you mean {{ refunds.to_statement.paypal }}?"),
    ("Card refunds show on your statement within 5 business days.", "did you mean {{ refunds.to_statement.card }}?"),
    ("Tracking shows within 24 hours of shipping.", "did you mean {{ tracking.appears_within_hours }}?"),
    ("Email info@jjsart.co.uk today.", '"info@jjsart.co.uk" is an email address typed into the text; expected '
     "{{ shop.email }}"),
])
def test_a_typed_figure_or_email_is_refused_with_the_placeholder_to_use(text, message):
    [finding] = check_text(text, "content/returns.yml", 7, "questions[1].answer", VALUES, MEANINGS)
    column = 1 + min(text.find(word) for word in ("1", "3", "5", "14", "24", "thirty", "info@") if word in text)
    assert str(finding).startswith(f"content/returns.yml:7:{column}: questions[1].answer: ")
    assert message in finding.message


@pytest.mark.parametrize("figure", ["1 day", "14 days", "99 days"])
def test_the_placeholder_suggested_does_not_depend_on_the_number(figure):
    [finding] = check_text(f"Your return must reach us within {figure} of delivery.", "content/returns.yml", 7, "",
                           VALUES, MEANINGS)
    assert finding.message.endswith("did you mean {{ returns.window_days }}?")


US_ROPES = load_policies(ROOT / "examples" / "us-ropes" / "policies.yaml")


@pytest.mark.parametrize("text, suggested", [
    ("Expedited shipping costs $9.95.", ["delivery.expedited.US.price"]),
    ("Shipping to Canada is $14.95.", ["delivery.standard.CA.price"]),
    ("Standard shipping is free on orders over $19.", ["delivery.standard.US.free_from"]),
    ("It's 9.95 USD by Expedited.", ["delivery.expedited.US.price"]),
    ("Expedited delivery takes 3 to 5 delivery days.", ["delivery.expedited.US.transit_days"]),  # not standard's 3-5
    ("Delivery to Canada takes 2-3 delivery days.", ["delivery.standard.CA.transit_days"]),  # not expedited's 2-3
])
def test_a_typed_price_or_day_range_is_refused_with_the_placeholder_that_means_it(text, suggested):
    with speaking(shipped_words("en-US")):
        [finding] = check_text(text, "content/delivery.yml", 7, "", US_ROPES.placeholders(), US_ROPES.meanings())
    assert "is an amount typed into the text" in finding.message or "is a figure typed" in finding.message
    assert finding.message.endswith("did you mean " + " or ".join(f"{{{{ {name} }}}}" for name in suggested) + "?")


def test_a_figure_that_matches_no_policy_value_names_no_placeholder():
    [finding] = check_text("Within 30 days.", "content/returns.yml", 7, "questions[1].answer", VALUES, MEANINGS)
    assert "did you mean" not in finding.message and NOTHING_FITS in finding.message


def test_placeholders_and_words_without_figures_are_fine():
    assert check_text("Within {{ returns.window_days }}, or several weeks; write to help@example.com.",
                      "content/returns.yml", 7, "questions[1].answer", VALUES) == []


def test_the_line_is_the_line_of_the_figure():
    text = "First line.\n\nWithin 30 days.\n"
    assert [f.line for f in check_text(text, "content/returns.yml", 7, "", VALUES)] == [9]


def test_the_build_refuses_a_figure_typed_into_an_answer_and_a_page(tmp_path):
    project = copy_project(tmp_path)
    returns = project / "content" / "returns.yml"
    returns.write_text(returns.read_text(encoding="utf-8").replace(
        "{{ returns.deadline }}", "Your return must reach us within 30 days of the day you received your order.", 1),
        encoding="utf-8")
    page = project / "content" / "order-dates.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nWrite to info@jjsart.co.uk.\n", encoding="utf-8")
    built = build_project(project)
    assert built.returncode != 0
    answer = "      Your return must reach us within 30 days of the day you received your order. We can't accept "
    answer_line = next(n for n, line in enumerate(returns.read_text(encoding="utf-8").splitlines(), 1)
                       if line.startswith(answer))
    page_line = len(page.read_text(encoding="utf-8").splitlines())
    assert (f'content/returns.yml:{answer_line}:{answer.index("30 days") + 1}: question 1, id return-window, answer: '
            '"30 days" is a figure typed') in built.output
    assert f'content/order-dates.md:{page_line}:10: "info@jjsart.co.uk" is an email address typed' in built.output
    assert "Traceback" not in built.output
    assert not (project / "site" / "index.html").exists()


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="{} \ta.b_1/#-é\nshop.email", max_size=40))
def test_stray_braces_are_found_quickly_as_the_whole_expression_finds_them(text):
    # For speed, the rule skips texts whose placeholders are all well formed and tries its expression
    # only around dots (braced_names); it must find what the expression tried at every character finds.
    values = {"a.b": "x", "shop.email": "y"}
    expected = []
    for match in _BRACED_NAME.finditer(text):
        opening, name, closing = match.groups()
        if (opening or closing) and (opening, closing) != ("{{", "}}"):
            expected.append(match.start())
        elif not (opening or closing) and name in values and not _WHOLE_PLACEHOLDER.fullmatch(match[0].strip()):
            expected.append(match.start(2))
    assert [offset for offset, _ in _stray_braces(text, values, {})] == expected
    assert [m.span() for m in braced_names(text)] == [m.span() for m in _BRACED_NAME.finditer(text)]
