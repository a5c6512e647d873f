"""Loading policies.yaml: the shop's values are read, and every mistake gets one clear message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, without_columns
from helpcentre.policy.policies import load_policies, placeholder_names
from helpcentre.reading.errors import DataError
from helpcentre.reading.schema import DateRange, Span

pytestmark = pytest.mark.usefixtures("british_words")  # calls below the checking pass

POLICIES = (ROOT / "policies.yaml").read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    """The 1-based line where `needle` starts in `text`."""
    assert needle in text, needle
    return text[: text.index(needle)].count("\n") + 1


def changed(old: str, new: str) -> str:
    """policies.yaml with the one occurrence of `old` replaced by `new`."""
    assert POLICIES.count(old) == 1, f"{old!r} must occur once in policies.yaml"
    return POLICIES.replace(old, new)


def load_text(tmp_path: Path, text: str | bytes) -> object:
    path = tmp_path / "policies.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_policies(path)


def test_the_shops_values_are_read():
    policies = load_policies(ROOT / "policies.yaml")
    assert policies["shop.email"] == "info@jjsart.co.uk"
    assert policies["cancellation.free_cancellation_hours"] == 12
    assert policies["processing.business_days"] == Span(1, 3)
    assert policies["processing.working_days"] == (1, 2, 3, 4, 5)
    assert policies["delivery.zones"][0]["countries"] == ["US"]
    assert policies["delivery.zones"][1]["countries"] is None
    assert policies["delivery.peak_seasons"] == [{"from": (11, 20), "to": (12, 31), "extra_days": 5}]
    assert policies["returns.window_days"] == 14
    assert policies["refunds.to_statement.paypal"] == 0


def test_placeholders_render_figures_with_units():
    values = load_policies(ROOT / "policies.yaml").placeholders()
    assert values["returns.window_days"] == "14 days"
    assert values["processing.business_days"] == "1 to 3 business days"
    assert values["processing.working_days"] == "Monday to Friday"
    assert values["refunds.to_statement.paypal"] == "immediately"
    assert values["delivery.peak_seasons"] == ("For orders placed from 20 November to 31 December, our peak "
                                               "season, allow up to 5 extra days for delivery.")
    assert "| United States | 18 to 24 days |" in values["delivery.zones"]


def test_the_zone_table_names_its_unit_and_the_home_country():
    values = load_policies(ROOT / "policies.yaml").placeholders()
    assert "| Destination | Delivery time once shipped, in calendar days |" in values["delivery.zones"]
    # The United Kingdom (the country of the shop's bank holidays) is in the zone for everywhere else.
    assert values["delivery.zones"].index("| United Kingdom | 7 to 16 days |") < values["delivery.zones"].index(
        "| United States |")


@pytest.mark.parametrize("zones, home_row", [
    ('    - name: United States\n      countries: ["US", "GB"]', "| United Kingdom | 18 to 24 days |"),
    ('    - name: Home\n      countries: ["GB"]', None),  # a zone of the home country alone is its row
])
def test_the_home_country_row_follows_its_zone(tmp_path, zones, home_row):
    text = changed('    - name: United States\n      countries: ["US"]', zones)
    table = load_text(tmp_path, text).placeholders()["delivery.zones"]
    assert (home_row in table) if home_row else "United Kingdom" not in table


def test_a_home_country_not_shipped_to_gets_no_row(tmp_path):
    table = load_text(tmp_path, changed("  not_shipped_to: []", '  not_shipped_to: ["GB"]')).placeholders()
    assert "United Kingdom" not in table["delivery.zones"]
    assert table["delivery.not_shipped_to"] == "We don't ship to United Kingdom."


def test_target_dates_are_read_and_explained(tmp_path):
    policies = load_policies(ROOT / "policies.yaml")
    assert policies["delivery.target_dates"] == [{"name": "Christmas", "arrive_by": (12, 24)}]
    assert policies.placeholders()["delivery.target_dates"] == "Christmas (to arrive by 24 December)"
    assert policies.placeholders()["processing.closure_notice_days"] == "14 days before it starts"
    none = load_text(tmp_path, changed("  target_dates:                      # days shoppers want an order to arrive "
                                       "by, every year; [] for none\n    - name: Christmas\n"
                                       "      arrive_by: 24 December\n", "  target_dates: []\n"))
    assert none["delivery.target_dates"] == []
    assert none.placeholders()["delivery.target_dates"] == ""


def test_closure_dates_accept_days_and_ranges(tmp_path):
    text = changed("  closure_dates: []", "  closure_dates:\n    - 2026-12-24\n"
                   "    - {from: 2026-12-29, to: 2026-12-31}")
    policies = load_text(tmp_path, text)
    assert [len(r.dates()) for r in policies["processing.closure_dates"]] == [1, 3]
    assert policies.placeholders()["processing.closure_dates"] == (
        "Our shop is also closed on Thursday 24 December 2026 and from Tuesday 29 December 2026 to Thursday "
        "31 December 2026.")
    assert isinstance(policies["processing.closure_dates"][0], DateRange)


NEXT_STEP = "  next_step: We'll send you a replacement or refund you in full, as you prefer."  # JJ's Art's


@pytest.mark.parametrize("name", ["processing.closure_dates", "delivery.not_shipped_to", "delivery.peak_seasons",
                                  "shop.reply_business_days", "returns.address", "problems.next_step"])
def test_an_optional_value_left_empty_shows_no_sentence(tmp_path, name):
    text = changed("  peak_seasons:\n    - from: 20 November\n      to: 31 December\n      extra_days: 5",
                   "  peak_seasons: []").replace(NEXT_STEP, "  next_step: null")
    assert load_text(tmp_path, text).placeholders()[name] == ""


def test_optional_values_when_the_shop_gives_them(tmp_path):
    text = (changed("  reply_business_days: null", "  reply_business_days: 2")
            .replace("  form_url: null", "  form_url: https://jjsart.example/returns-form")
            .replace("  address: null", '  address: ["JJ\'s Art", 1 High Street, London]')
            .replace(NEXT_STEP, "  next_step: We'll send a replacement.")
            .replace("  not_shipped_to: []", '  not_shipped_to: ["KP", "RU"]'))
    values = load_text(tmp_path, text).placeholders()
    assert values["shop.reply_business_days"] == "We reply to emails within 2 business days."
    assert values["returns.form_url"] == ("Fill in [our returns form](https://jjsart.example/returns-form) and put "
                                          "a copy in the parcel with your items.")
    assert values["returns.address"] == "Our return address is JJ's Art, 1 High Street, London."
    assert values["problems.next_step"] == "We'll send a replacement\\."  # Markdown: the text is shown, never run
    assert values["delivery.not_shipped_to"].startswith("We don't ship to North Korea and ")


@pytest.mark.parametrize("reply, address, expected", [
    ("null", "null", "ask for our returns form and our return address, and we'll email them to you."),
    ("3", "null", "and we'll email them to you within 3 business days."),
    ("null", "[1 High Street]", "ask for our returns form, and we'll email it to you. Fill in the form"),
])
def test_without_a_returns_form_page_shoppers_ask_for_it_by_email(tmp_path, reply, address, expected):
    text = (changed("  reply_business_days: null", f"  reply_business_days: {reply}")
            .replace("  address: null", f"  address: {address}"))
    form = load_text(tmp_path, text).placeholders()["returns.form_url"]
    assert form.startswith("Email us at [info@jjsart\\.co\\.uk](mailto:info@jjsart.co.uk) with your order number")
    assert expected in form


def test_a_section_of_optional_values_may_be_left_out(tmp_path):
    policies = load_text(tmp_path, changed(f"problems:\n{NEXT_STEP}", ""))
    assert policies["problems.next_step"] is None


def _bad_inputs() -> list[tuple[str, str | bytes, str]]:
    """(case, policies.yaml text, the message it must give)."""
    window = line_of(POLICIES, "  window_days: 14")
    christmas = line_of(POLICIES, "      arrive_by: 24 December")
    return [
        ("YAML syntax error", changed("  name: JJ's Art", "  name: [JJ's Art"),
         "policies.yaml:{0}: a list opened with [ on line {0} is not closed with ]".format(
             line_of(POLICIES, "  name: JJ"))),
        ("tab in indentation", changed("  name: JJ's Art", "\tname: JJ's Art"),
         f"policies.yaml:{line_of(POLICIES, '  name: JJ')}: a tab is used for indentation; expected spaces"),
        ("duplicate key", changed("  window_days: 14", "  window_days: 14\n  window_days: 21"),
         f"policies.yaml:{window + 1}: returns.window_days: this key appears twice"),
        ("unknown key, a typo", changed("  window_days: 14", "  windw_days: 14"),
         f'policies.yaml:{window}: returns.windw_days: unknown key; expected one of window_days, deadline, '
         f'send_days, closed_day_moves, condition, remedies, exchange, restocking_fee, not_returnable, '
         f'return_postage, faulty_return_postage, form_url, address; did you mean "window_days"?'),
        ("unknown section", changed("payments:", "paymnets:"),
         'payments, website, consumer_law; did you mean "payments"?'),
        ("missing required key", changed("  email: info@jjsart.co.uk\n", ""),
         f"policies.yaml:{line_of(POLICIES, '  name: JJ')}: shop.email: this key is missing; "
         "expected email: under shop"),
        ("wrong type: text for a number", changed("  window_days: 14", '  window_days: two weeks'),
         f'policies.yaml:{window}: returns.window_days: expected a whole number of days, at least 1; '
         f'got "two weeks"'),
        ("wrong type: a fraction", changed("  window_days: 14", "  window_days: 14.5"),
         "returns.window_days: expected a whole number of days, at least 1; got 14.5"),
        ("wrong type: a list for text", changed("  name: JJ's Art", "  name: [JJ, Art]"),
         "shop.name: expected text; got a list"),
        ("wrong type: yes/no for text", changed(" Maestro,", " yes,"),
         "payments.methods.card[3]: expected text; got yes without quotes, which YAML reads as yes/no"),
        ("zero duration", changed("  free_cancellation_hours: 12", "  free_cancellation_hours: 0"),
         "cancellation.free_cancellation_hours: expected a whole number of hours, at least 1; got 0"),
        ("negative duration", changed("  stale_after_business_days: 5", "  stale_after_business_days: -5"),
         "tracking.stale_after_business_days: expected a whole number of business days, at least 1; got -5"),
        ("minimum above maximum", changed("    min: 1\n    max: 3", "    min: 5\n    max: 3"),
         "processing.business_days.max: expected a maximum at least the minimum (5); got 3"),
        ("unquoted time", changed("  same_day_cutoff: null", "  same_day_cutoff: 14:00"),
         'processing.same_day_cutoff: expected a time in quotes such as "14:00", or null for none; '
         "got 14:00 without quotes, which YAML reads as the number 840"),
        ("impossible time", changed("  same_day_cutoff: null", '  same_day_cutoff: "25:00"'),
         'processing.same_day_cutoff: expected a time in quotes such as "14:00"'),
        ("country code NO read as false", changed("  not_shipped_to: []", "  not_shipped_to: [NO]"),
         'delivery.not_shipped_to[1]: expected a two-letter country code in quotes, such as "US", or a group such as '
         '"EU" or "EEA", or the name of a region such as Crimea; '
         "got NO without quotes, which YAML reads as false"),
        ("unknown country code", changed('      countries: ["US"]', '      countries: ["XX"]'),
         'delivery.zones[1].countries[1]: expected a two-letter country code in quotes, such as "US", or a group such '
         'as "EU" or "EEA"; got "XX"'),
        ("invalid email", changed("  email: info@jjsart.co.uk", "  email: info@jjsart"),
         'shop.email: expected an email address such as help@example.com; got "info@jjsart"'),
        ("anchor", changed("  window_days: 14", "  window_days: &days 14"),
         f"policies.yaml:{window}: an anchor (&days) is used; expected each value written out"),
        ("alias", changed("    card: 7", "    card: *days"),
         "policies.yaml:{}: an alias (*days) is used".format(line_of(POLICIES, "    card: 7"))),
        ("empty file", "", "policies.yaml:1: the file is empty; expected YAML content"),
        ("only comments", "# nothing here\n", "policies.yaml:1: the file is empty"),
        ("file over 1 MB", POLICIES + "#" * 1_000_001 + "\n",
         "policies.yaml: the file is larger than 1 MB"),
        ("not UTF-8", POLICIES.encode("utf-8") + b"\xff\xfe", "policies.yaml: expected UTF-8 text"),
        ("a list instead of the file's keys", "- shop\n- returns\n", "expected the keys shop, calendar"),
        ("unknown weekday", changed("[Monday, Tuesday", "[Munday, Tuesday"),
         "processing.working_days: expected a day of the week such as Monday; got \"Munday\""),
        ("impossible day of the year", changed("    - from: 20 November", "    - from: 31 November"),
         'delivery.peak_seasons[1].from: expected a day and month such as "20 November"; got "31 November"'),
        ("closure date that is not a date", changed("  closure_dates: []", "  closure_dates: [Christmas]"),
         "processing.closure_dates[1]: expected a date such as 2026-12-24"),
        ("closure range backwards", changed("  closure_dates: []",
                                            "  closure_dates: [{from: 2026-12-31, to: 2026-12-24}]"),
         "processing.closure_dates[1].to: expected a date on or after the from: date"),
        ("unknown choice", changed("  return_postage: shopper", "  return_postage: customer"),
         'returns.return_postage: expected one of shopper or shop; got "customer"'),
        ("unknown time zone", changed("  time_zone: Europe/London", "  time_zone: Europe/Londn"),
         'calendar.time_zone: expected a time zone name such as Europe/London; got "Europe/Londn"'),
        ("unknown bank holiday region", changed("    region: ENG", "    region: XYZ"),
         "calendar.bank_holidays: expected a country and region known to the holidays package"),
        ("two zones for everywhere else", changed("  not_shipped_to: []",
                                                  "    - name: Rest\n      transit_days: {min: 1, max: 2}\n"
                                                  "  not_shipped_to: []"),
         'delivery.zones[3]: a second zone without countries; expected only one zone for everywhere else'),
        ("country in a zone and not shipped to", changed("  not_shipped_to: []", '  not_shipped_to: ["US"]'),
         'delivery.not_shipped_to: US is also in the zone "United States"'),
        ("target date 30 February", changed("      arrive_by: 24 December", "      arrive_by: 30 February"),
         f'policies.yaml:{christmas}: delivery.target_dates[1].arrive_by: expected a day and month that comes '
         'every year, such as "24 December"; got "30 February"'),
        ("target date 29 February", changed("      arrive_by: 24 December", "      arrive_by: 29 February"),
         f'policies.yaml:{christmas}: delivery.target_dates[1].arrive_by: expected a day and month that comes '
         'every year'),
        ("target date a number", changed("      arrive_by: 24 December", "      arrive_by: 24"),
         f"policies.yaml:{christmas}: delivery.target_dates[1].arrive_by: expected a day and month that comes "
         "every year, such as \"24 December\"; got 24"),
        ("target date name a number", changed("    - name: Christmas", "    - name: 2026"),
         f"policies.yaml:{christmas - 1}: delivery.target_dates[1].name: expected text; got 2026 without quotes"),
        ("duplicate target date name", changed("      arrive_by: 24 December",
                                               "      arrive_by: 24 December\n    - name: christmas\n"
                                               "      arrive_by: 23 December"),
         f'policies.yaml:{christmas + 1}: delivery.target_dates[2].name: "christmas" is already the name of '
         "another target date; expected each name once"),
        ("target dates not a list", changed(
            "  target_dates:                      # days shoppers want an order to arrive by, every year; [] for none\n"
            "    - name: Christmas\n      arrive_by: 24 December\n", "  target_dates: Christmas\n"),
         "delivery.target_dates: expected a list (use [] for none)"),
        ("closure notice days negative", changed("  closure_notice_days: 14", "  closure_notice_days: -1"),
         f"policies.yaml:{line_of(POLICIES, '  closure_notice_days')}: processing.closure_notice_days: expected a "
         "whole number of days, at least 0; got -1"),
        ("empty list where one is needed", changed("    paypal: [PayPal]", "    paypal: []"),
         "payments.methods.paypal: expected a list of at least 1; got an empty list"),
        ("returns form that is not a web address", changed("  form_url: null", "  form_url: our website"),
         'returns.form_url: expected a web address such as https://example.com/returns; '
         'got "our website"'),
        ("return address given as one line", changed("  address: null", "  address: 1 High Street"),
         "returns.address: expected a list"),
        ("reply time of no days", changed("  reply_business_days: null", "  reply_business_days: 0"),
         "shop.reply_business_days: expected a whole number of business days, at least 1; got 0"),
    ]


NL_BOOKS = (ROOT / "examples" / "nl-books" / "policies.yaml").read_text(encoding="utf-8")
US_ROPES = (ROOT / "examples" / "us-ropes" / "policies.yaml").read_text(encoding="utf-8")


def returns_mistakes() -> list[tuple[str, str, str, str]]:
    """(case, shop's policies.yaml, the same with a mistake in its returns, the message it must give: file, line,
    key and what was expected)."""
    nl_send, us_fee = line_of(NL_BOOKS, "  deadline: notify then send"), line_of(US_ROPES, "  not_returnable")
    return [
        ("notify then send without its second period", NL_BOOKS,
         NL_BOOKS.replace("  send_days: 14", "  send_days: null"),
         f"policies.yaml:{nl_send}: returns.deadline: notify then send needs its second period; expected send_days: "
         "under returns"),
        ("a second period for a window without one", US_ROPES, US_ROPES.replace("  deadline: send\n",
                                                                               "  deadline: send\n  send_days: 14\n"),
         f"policies.yaml:{line_of(US_ROPES, '  deadline: send') + 1}: returns.send_days: send_days counts only with "
         "deadline: notify then send"),
        ("an unknown deadline", US_ROPES, US_ROPES.replace("  deadline: send", "  deadline: postmarked"),
         f'policies.yaml:{line_of(US_ROPES, "  deadline: send")}: returns.deadline: expected one of reach, send or '
         'notify then send; got "postmarked"'),
        ("a restocking fee above 100%", US_ROPES, US_ROPES.replace(
            "  not_returnable: null", '  restocking_fee: {fee: "120%"}\n  not_returnable: null'),
         f"policies.yaml:{us_fee}: returns.restocking_fee.fee: expected a percentage above 0% and at most 100%; "
         'got "120%"'),
        ("a restocking fee in another currency", US_ROPES, US_ROPES.replace(
            "  not_returnable: null", "  restocking_fee: {fee: 5.00 EUR}\n  not_returnable: null"),
         f"policies.yaml:{us_fee}: returns.restocking_fee.fee: expected an amount in the shop's currency (USD)"),
        ("a restocking fee on faulty items", US_ROPES, US_ROPES.replace(
            "  not_returnable: null",
            "  restocking_fee:\n    fee: 10%\n    faulty_items: true\n  not_returnable: null"),
         f"policies.yaml:{us_fee + 2}: returns.restocking_fee.faulty_items: expected false: a damaged, faulty or "
         "wrong item is refunded in full"),
        ("a refund method that is not a payment method", NL_BOOKS, NL_BOOKS.replace("    bancontact: 2",
                                                                                   "    paypal: 2"),
         f'policies.yaml:{line_of(NL_BOOKS, "    bancontact: 2")}: refunds.to_statement.paypal: "paypal" is not one '
         "of the payment methods; expected one of ideal, bancontact, card (payments.methods)"),
        ("an empty item that can't be returned", NL_BOOKS, NL_BOOKS.replace("[personalised books]",
                                                                            '[personalised books, ""]'),
         f"policies.yaml:{line_of(NL_BOOKS, '  not_returnable')}: returns.not_returnable[2]: expected some text"),
        ("a missing item that can't be returned", NL_BOOKS, NL_BOOKS.replace(
            "  not_returnable: [personalised books]", "  not_returnable:\n    - personalised books\n    -"),
         f"policies.yaml:{line_of(NL_BOOKS, '  not_returnable') + 2}: returns.not_returnable[2]: expected text; "
         "got nothing"),
        ("refund times in both units", NL_BOOKS, NL_BOOKS.replace("  calendar_days: 14",
                                                                  "  calendar_days: 14\n  business_days: 10"),
         f"policies.yaml:{line_of(NL_BOOKS, '  calendar_days: 14')}: refunds.calendar_days: expected the refund time "
         "once: business_days: or calendar_days:, not both"),
        ("no refund time", NL_BOOKS, NL_BOOKS.replace("  calendar_days: 14", "  calendar_day: 14"),
         'refunds.calendar_day: unknown key; expected one of business_days, calendar_days'),
        ("an exchange described but not offered", NL_BOOKS, NL_BOOKS.replace(
            "  remedies: [refund]", "  remedies: [refund]\n  exchange: Email us for another book."),
         f"policies.yaml:{line_of(NL_BOOKS, '  remedies: [refund]') + 1}: returns.exchange: says how an exchange "
         "works, but returns.remedies offers none"),
        ("an unknown remedy", NL_BOOKS, NL_BOOKS.replace("  remedies: [refund]", "  remedies: [refund, voucher]"),
         'returns.remedies[2]: expected one of refund, exchange or store credit; got "voucher"'),
    ]


@pytest.mark.parametrize("shop, text, message", [case[1:] for case in returns_mistakes()],
                         ids=[case[0] for case in returns_mistakes()])
def test_a_returns_mistake_gets_one_clear_message(tmp_path, shop, text, message):
    assert text != shop  # the mistake is made
    with pytest.raises(DataError) as caught:
        load_text(tmp_path, text)
    assert message in without_columns(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("text, message", [case[1:] for case in _bad_inputs()],
                         ids=[case[0] for case in _bad_inputs()])
def test_a_mistake_gets_one_clear_message(tmp_path, text, message):
    with pytest.raises(DataError) as caught:
        load_text(tmp_path, text)
    assert message in without_columns(caught.value)
    assert str(caught.value).startswith("policies.yaml")
    assert "\n" not in str(caught.value)


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [" + ", ".join([f"*{chr(97 + n)}"] * 9) + "]\n" for n in range(8))
    with pytest.raises(DataError, match=r"policies.yaml:1:(\d+:)? an anchor \(&a\) is used"):
        load_text(tmp_path, bomb)


def test_the_editors_guide_lists_every_placeholder():
    guide = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    table = [line for line in guide.splitlines() if line.startswith("| `")]
    listed = {name for line in table for name in re.findall(r"`([a-z_]+\.[a-z_]+)`", line.split("|")[1])}
    assert set(placeholder_names()) - listed == set()


def us_changed(old: str, new: str) -> str:
    """The US reference shop's policies.yaml with the one occurrence of `old` replaced by `new`."""
    assert US_ROPES.count(old) == 1, f"{old!r} must occur once in the US shop's policies.yaml"
    return US_ROPES.replace(old, new)


@pytest.mark.parametrize("name, text, message", [
    ("a price without a currency", us_changed("  currency: USD ", "  currency: null "),
     "delivery.services[1].zones[1].price: a price needs the shop's currency; expected currency: under shop"),
    ("a threshold below zero", us_changed("free_from: 19.00", "free_from: -1"),
     "delivery.services[1].zones[1].free_from: expected an amount as a number such as 4.95, at least 0"),
    ("a price with its currency sign", us_changed("price: 9.95", 'price: "$9.95"'),
     'delivery.services[2].zones[1].price: expected an amount as a number such as 4.95, at least 0, without a '
     'currency sign; got "$9.95"'),
    ("a threshold without a price", us_changed("          price: 4.95\n", ""),
     "delivery.services[1].zones[1].free_from: free delivery from an amount needs the price below it"),
    ("a service with no zone", us_changed("      zones:\n        - name: United States\n          countries: [\"US\"]\n"
                                          "          transit_days: {min: 2, max: 3}\n          price: 9.95\n",
                                          "      zones: []\n"),
     "delivery.services[2].zones: expected a list of at least 1; got an empty list"),
    ("a transit unit misspelt", us_changed("transit_unit: delivery days    #", "transit_unit: delivery dayz    #"),
     "delivery.services[1].transit_unit: expected one of calendar days, business days or delivery days"),
    ("min above max", us_changed("{min: 6, max: 10}", "{min: 10, max: 6}"),
     "delivery.services[1].zones[2].transit_days.max: expected a maximum at least the minimum (10)"),
    ("a cut-off of 4pm", us_changed('same_day_cutoff: "12:00"', 'same_day_cutoff: "4pm"'),
     'processing.same_day_cutoff: expected a time in quotes such as "14:00", or null for none; got "4pm"'),
    ("a country group that does not exist", us_changed('countries: ["CA"]', 'countries: ["EUR"]'),
     'delivery.services[1].zones[2].countries[1]: expected a two-letter country code in quotes, such as "US", or a '
     'group such as "EU" or "EEA"; got "EUR"'),
    ("the same country in two zones of one service", us_changed('countries: ["CA"]', 'countries: ["CA", "US"]'),
     'delivery.services[1].zones[2].countries: US is also in the zone "United States"; expected each country in one '
     "zone of a service"),
    ("a country in two groups' zones", us_changed('countries: ["CA"]', 'countries: ["EEA"]').replace(
        'countries: ["US"]\n          transit_days: {min: 3', 'countries: ["EU"]\n          transit_days: {min: 3'),
     'delivery.services[1].zones[2].countries: AT is also in the zone "United States"'),
    ("two services with one id", us_changed("id: expedited", "id: standard"),
     'delivery.services[2].id: "standard" is already the id of another service; expected each once'),
    ("delivery days for a service counting business days",
     us_changed("      transit_unit: delivery days    #", "      transit_unit: business days\n      delivery_days: "
                "[Monday]    #"),
     "delivery.services[1].delivery_days: delivery days count only with transit_unit: delivery days"),
    ("zones and services both", us_changed("  not_shipped_to: []", "  zones: []\n  not_shipped_to: []"),
     "delivery.zones: expected a list of at least 1"),
    ("neither zones nor services", us_changed("  services:\n", "  old_services:\n"),
     'delivery.old_services: unknown key; expected one of zones, services'),
    ("an id with capitals", us_changed("id: expedited", "id: Expedited"),
     'delivery.services[2].id: expected a short name in lower case letters, digits and _, such as standard; got '
     '"Expedited"'),
])
def test_a_delivery_mistake_gets_one_clear_message(tmp_path, name, text, message):
    with pytest.raises(DataError) as caught:
        load_text(tmp_path, text)
    assert message in without_columns(caught.value), name


def test_zones_and_services_together_are_refused(tmp_path):
    text = us_changed("  not_shipped_to: []", '  zones:\n    - name: US\n      countries: ["US"]\n'
                                              "      transit_days: {min: 1, max: 2}\n  not_shipped_to: []")
    with pytest.raises(DataError, match=r"delivery.services: expected either zones: .* or services: .*not both"):
        load_text(tmp_path, text)


def test_a_group_gives_way_to_a_country_named_in_another_zone_and_regions_are_shown_as_written():
    policies = load_policies(ROOT / "examples" / "nl-books" / "policies.yaml")
    values = policies.placeholders()
    assert values["delivery.not_shipped_to"] == ("We don't ship to Russia, Belarus, North Korea, Iran, Syria, Cuba "
                                                 "and Crimea.")
    table = values["delivery.services"]
    assert "| Netherlands | 1 to 2 business days | €4\\.95, free on orders of €50\\.00 or more |" in table
    assert table.count("| Netherlands |") == 1  # no home row above a zone named after the home country
    assert values["delivery.standard.EU.transit_days"] == "5 to 7 business days"


@pytest.mark.parametrize("shop, changes, sentence", [
    (POLICIES, [], "Your return must reach us within 14 days of the day you received your order. If the last day "
                   "falls on a day we're closed, you have until our next business day."),
    (POLICIES, [("  deadline: reach", "  deadline: send"), ("  closed_day_moves: true", "  closed_day_moves: false")],
     "You must send your return within 14 days of the day you received your order."),
    (POLICIES, [("  deadline: reach", "  deadline: send")],
     "You must send your return within 14 days of the day you received your order. If the last day falls on a day "
     "we're closed, you have until our next business day."),
    (US_ROPES, [], "You must send your return within 30 days of the day you received your order."),
    (NL_BOOKS, [], "Tell us within 14 days of the day you received your order that you want to return it, then send "
                   "it within 14 days of telling us. If the last day of either falls on a day we're closed, you have "
                   "until our next business day."),
])
def test_the_return_window_is_worded_by_its_model(tmp_path, shop, changes, sentence):
    """The sentence follows the model: an answer using {{ returns.deadline }} never says "reach" for a send window."""
    text = shop
    for old, new in changes:
        assert text.count(old) == 1
        text = text.replace(old, new)
    assert load_text(tmp_path, text).placeholders()["returns.deadline"] == sentence


@pytest.mark.parametrize("fee, sentence", [
    ("10%", "For a return because you changed your mind, we keep a restocking fee of 10%. We never charge it on a "
            "damaged, faulty or wrong item."),
    # JJ's Art writes British English (en-GB), where dollars are US$ (a US shop's en-US writes $7.50)
    ("7.5", "For a return because you changed your mind, we keep a restocking fee of US$7\\.50. We never charge it on "
            "a damaged, faulty or wrong item."),
    ("5.00 USD", "For a return because you changed your mind, we keep a restocking fee of US$5\\.00. We never charge "
                 "it on a damaged, faulty or wrong item."),
])
def test_a_restocking_fee_is_a_percentage_or_an_amount_of_the_shops_currency(tmp_path, fee, sentence):
    text = US_ROPES.replace("  not_returnable: null", f"  restocking_fee: {{fee: {fee}}}\n  not_returnable: null")
    values = load_text(tmp_path, text).placeholders()
    assert values["returns.restocking_fee"] == sentence
    assert load_text(tmp_path, US_ROPES).placeholders()["returns.restocking_fee"] == ""  # none: no sentence


def test_a_value_the_shops_model_does_not_give_is_no_placeholder():
    """A refund in calendar days has no {{ refunds.business_days }}: an answer written for business days is refused
    as an unknown placeholder rather than shown blank."""
    dutch = load_policies(ROOT / "examples" / "nl-books" / "policies.yaml").placeholders()
    assert dutch["refunds.calendar_days"] == "14 days" and "refunds.business_days" not in dutch
    assert dutch["returns.send_days"] == "14 days" and dutch["refunds.to_statement.ideal"] == "1 business day"
    ours = load_policies(ROOT / "policies.yaml").placeholders()
    assert "refunds.calendar_days" not in ours and "returns.send_days" not in ours
    assert ours["payments.methods"] == "Visa, Mastercard, Maestro, American Express and PayPal"
