"""The words files (words/<locale>.yml, a shop's content/words.yml): every sentence the generator needs, in the
shop's locale, each mistake named with its file, line and key; a new language variant is a new file."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from decimal import Decimal

import pytest

from conftest import ROOT, copy_project, without_columns
from helpcentre.reading import words_file
from helpcentre.reading.errors import DataError
from helpcentre.reading.words_file import (
    AMOUNTS,
    SENTENCES,
    default_locale,
    installed_locales,
    load_words,
    plural_forms,
)
from helpcentre.review.checking_pass import review_help_centre

EN_GB = (ROOT / "words" / "en-GB.yml").read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    assert text.count(needle) == 1, needle
    return text[: text.index(needle)].count("\n") + 1


def test_every_shipped_words_file_has_every_sentence_with_its_placeholders():
    assert installed_locales() == ["en-GB", "en-US"]
    for locale in installed_locales():
        words = load_words(locale)
        amounts = {f"amounts.{unit}.{form}" for unit in AMOUNTS for form in plural_forms(locale)}
        assert set(words.sentences) == set(SENTENCES) | amounts, locale
        for key, (names, _) in SENTENCES.items():
            for name in names:
                assert f"{{{{ {name} }}}}" in words.sentences[key], (locale, key, name)


@pytest.mark.parametrize(("locale", "long", "day", "time", "money"), [
    ("en-GB", "Thursday 24 December 2026", "24 December", "14:05", "£1,234.50"),
    ("en-US", "Thursday, December 24, 2026", "December 24", "2:05 PM", "£1,234.50"),
])
def test_each_locale_writes_dates_times_and_amounts_its_way(locale, long, day, time, money):
    words = load_words(locale)
    assert words.long_date(dt.date(2026, 12, 24)) == long
    assert words.day_of_year(12, 24) == day
    assert words.time("14:05") == time
    assert words.money(Decimal("1234.50"), "GBP") == money


@pytest.mark.parametrize(("locale", "country", "name", "said"), [
    ("en-GB", "GB", "England and Wales", "England and Wales bank holidays"),
    ("en-GB", "NL", "Dutch", "Dutch public holidays"),
    ("en-US", "US", "US federal", "US federal holidays"),
    ("en-US", "NL", "Dutch", "Dutch public holidays"),
])
def test_a_calendar_is_called_by_its_own_name(locale, country, name, said):
    assert load_words(locale).holidays(country, name) == said


def test_a_shop_without_a_locale_gets_its_countrys_english_when_there_is_one():
    assert [default_locale(country) for country in ("GB", "US", "NL")] == ["en-GB", "en-US", "en-GB"]


def test_a_third_language_variant_is_a_new_file_not_code(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "words", tmp_path / "words")
    irish = EN_GB.replace('long: "EEEE d MMMM y"', 'long: "EEEE, d MMMM y"').replace(
        "{{ name }} bank holidays", "{{ name }} public holidays")
    (tmp_path / "words" / "en-IE.yml").write_text(irish, encoding="utf-8")
    monkeypatch.setattr(words_file, "FOLDER", tmp_path / "words")
    words = load_words("en-IE")
    assert words.long_date(dt.date(2026, 12, 24)) == "Thursday, 24 December 2026"
    assert words.money(Decimal("12.5"), "EUR") == "€12.50"
    assert words.holidays("IE", "Irish") == "Irish public holidays"
    assert default_locale("IE") == "en-IE"


def test_a_shop_changes_only_the_sentences_it_names(tmp_path):
    changes = tmp_path / "words.yml"
    changes.write_text('policy:\n  free: "Free delivery"\ncalendar:\n  holidays_by_country:\n'
                       '    GB: "{{ name }} public holidays"\n', encoding="utf-8")
    words = load_words("en-GB", changes, "content/words.yml")
    assert words.say("policy.free") == "Free delivery"
    assert words.holidays("GB", "England and Wales") == "England and Wales public holidays"
    assert words.say("policy.price") == load_words("en-GB").say("policy.price")


# A shipped words file with a mistake (words/en-GB.yml as given), each named with its language and key, on the
# line of the sentence (`at`; a missing sentence: the first of its section).
SHIPPED_MISTAKES = [
    ('  free: "Free"\n', "", "  next_day:",
     "words/en-GB.yml:<line>: policy.free: this key is missing; expected free: under policy"),
    ('  free_from: "{{ price }}', '  free_from: "{{ cost }}', "  free_from:",
     'words/en-GB.yml:<line>: policy.free_from: unknown placeholder "{{ cost }}"'),
    ('  free_from: "{{ price }},', '  free_from: "', "  free_from:",
     'words/en-GB.yml:<line>: policy.free_from: the placeholder "{{ price }}" is missing'),
    ('long: "EEEE d MMMM y"', 'long: "EEEE d MMM y"', "", "words/en-GB.yml: dates.long: MMM in a pattern for en-GB"),
    ('    NL: "{{ name }} public holidays"', '    NL: "{{ country }} public holidays"', "    NL:",
     'words/en-GB.yml:<line>: calendar.holidays_by_country.NL: unknown placeholder "{{ country }}"'),
    ('  hour: {one: "{{ n }} hour", ', '  hour: {', "  hour:",
     "words/en-GB.yml:<line>: amounts.hour: the plural form one is missing; expected one, other for en-GB"),
    ('{one: "{{ n }} day", other', '{one: "{{ n }} day", few: "{{ n }} days", other', "  day: {one",
     "words/en-GB.yml:<line>: amounts.day.few: en-GB has no plural form few; expected one, other for en-GB"),
    ('{one: "{{ n }} extra day"', '{one: "{{ extra }} extra day"', "  extra_day:",
     'words/en-GB.yml:<line>: amounts.extra_day.one: unknown placeholder "{{ extra }}"; expected {{ n }}'),
    ('  delivery_day: {one: "{{ n }} delivery day", other: "{{ n }} delivery days"}',
     '  delivery_day: "{{ n }} delivery days"', "  delivery_day:",
     "words/en-GB.yml:<line>: amounts.delivery_day: expected a sentence per plural form of the locale"),
]


@pytest.mark.parametrize(("old", "new", "at", "expected"), SHIPPED_MISTAKES)
def test_a_shipped_words_file_with_a_mistake_is_refused(tmp_path, monkeypatch, old, new, at, expected):
    assert EN_GB.count(old) == 1, old
    shutil.copytree(ROOT / "words", tmp_path / "words")
    (tmp_path / "words" / "en-GB.yml").write_text(EN_GB.replace(old, new), encoding="utf-8")
    monkeypatch.setattr(words_file, "FOLDER", tmp_path / "words")
    with pytest.raises(DataError) as error:
        load_words("en-GB")
    expected = expected.replace("<line>", str(line_of(EN_GB, at))) if at else expected
    assert expected in without_columns(error.value)


# A shop's content/words.yml with a mistake.
OVERRIDE_MISTAKES = [
    ('policy:\n  fre: "Free"\n', 'content/words.yml:2: policy.fre: unknown key; expected one of'),
    ('polcy:\n  free: "Free"\n', "content/words.yml:1: polcy: unknown key"),
    ('policy:\n  free_from: "{{ price }} or free from {{ total }}"\n',
     'content/words.yml:2: policy.free_from: unknown placeholder "{{ total }}"; expected {{ price }}, {{ amount }}'),
    ('policy:\n  free_from: "{{ price }}"\n',
     'content/words.yml:2: policy.free_from: the placeholder "{{ amount }}" is missing'),
    ('contact:\n  still_need_help: "Write to us."\n',
     'content/words.yml:2: contact.still_need_help: the placeholder "{{ email }}" is missing'),
    ('policy:\n  free: 12\n', "content/words.yml:2: policy.free: expected"),
    ('calendar:\n  holidays_by_country: "{{ name }} days"\n', "content/words.yml:2: calendar.holidays_by_country: "
                                                              "expected a sentence per country code"),
    ('amounts:\n  day:\n    two: "{{ n }} days"\n',
     "content/words.yml:3: amounts.day.two: en-GB has no plural form two"),
    ('amounts:\n  days:\n    one: "{{ n }} day"\n', "content/words.yml:2: amounts.days: unknown key"),
]


@pytest.mark.parametrize(("text", "expected"), OVERRIDE_MISTAKES)
def test_a_shops_words_with_a_mistake_are_refused(tmp_path, text, expected):
    changes = tmp_path / "words.yml"
    changes.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_words("en-GB", changes, "content/words.yml")
    assert expected in without_columns(error.value)


@pytest.mark.parametrize(("locale", "expected"), [
    ("xx-XX", "policies.yaml:{line}: shop.locale: xx-XX is not a locale Babel knows (not installed)"),
    ("fr-FR", "policies.yaml:{line}: shop.locale: there is no words file for fr-FR in words/; expected one of "
              "en-GB, en-US, or add words/fr-FR.yml"),
    ("english", "policies.yaml:{line}: shop.locale: expected a language variant such as en-GB or en-US"),
])
def test_a_locale_without_words_or_unknown_to_babel_is_refused(tmp_path, locale, expected):
    project = copy_project(tmp_path)
    text = (project / "policies.yaml").read_text(encoding="utf-8")
    changed = text.replace("  email: info@jjsart.co.uk\n", f"  email: info@jjsart.co.uk\n  locale: {locale}\n", 1)
    assert changed != text
    (project / "policies.yaml").write_text(changed, encoding="utf-8")
    _, found = review_help_centre(project / "policies.yaml", project / "content")
    messages = "\n".join(without_columns(DataError.of([finding])) for finding in found.errors)
    assert expected.format(line=line_of(changed, f"locale: {locale}")) in messages


def test_a_shops_words_use_its_glossary(tmp_path):
    project = copy_project(tmp_path)
    (project / "content" / "words.yml").write_text('policy:\n  free: "Free, in the package"\n', encoding="utf-8")
    _, found = review_help_centre(project / "policies.yaml", project / "content")
    assert [(finding.file, finding.line, finding.key) for finding in found.errors] == [
        ("content/words.yml", 2, "policy.free")]
    assert re.search(r'"package".*"parcel"', found.errors[0].message)


@pytest.mark.parametrize(("locale", "amounts", "lists"), [
    ("en-GB", ["1 day", "3 days", "0 business days", "1 business day", "3 to 5 days"], ["a, b and c", "a, b or c"]),
    ("en-US", ["1 day", "3 days", "0 business days", "1 business day", "3 to 5 days"], ["a, b, and c", "a, b, or c"]),
])
def test_amounts_and_lists_are_written_the_locales_way(locale, amounts, lists):
    words = load_words(locale)
    assert [words.amount(1, "day"), words.amount(3, "day"), words.amount(0, "business day"),
            words.amount(1, "business day"), words.span(3, 5, "day")] == amounts
    assert [words.join(["a", "b", "c"]), words.join(["a", "b", "c"], "or")] == lists
    assert (words.join(["a"]), words.join(["a", "b"]), words.span(2, 2, "hour")) == ("a", "a and b", "2 hours")


def test_a_language_with_more_plural_forms_writes_each_of_them(tmp_path, monkeypatch):
    """A language variant is a words file even where amounts have more forms than English: Polish writes one day,
    2 to 4 days and 5 or more days apart (CLDR: one, few, many, other)."""
    shutil.copytree(ROOT / "words", tmp_path / "words")
    polish = EN_GB.replace('  day: {one: "{{ n }} day", other: "{{ n }} days"}', '  day: {one: "{{ n }} dzień", '
                           'few: "{{ n }} dni", many: "{{ n }} dni", other: "{{ n }} dnia"}')
    for unit in ("business day", "delivery day", "extra day", "hour"):
        english = f'other: "{{{{ n }}}} {unit}s"}}'
        polish = polish.replace(english, f'few: "{{{{ n }}}} {unit}s", many: "{{{{ n }}}} {unit}s", {english}')
    (tmp_path / "words" / "pl-PL.yml").write_text(polish, encoding="utf-8")
    monkeypatch.setattr(words_file, "FOLDER", tmp_path / "words")
    words = load_words("pl-PL")
    assert [words.amount(n, "day") for n in (1, 2, 5, 22)] == ["1 dzień", "2 dni", "5 dni", "22 dni"]
    assert words.join(["a", "b", "c"]) == "a, b i c"
    (tmp_path / "words" / "pl-PL.yml").write_text(EN_GB, encoding="utf-8")  # English's two forms only
    with pytest.raises(DataError) as error:
        load_words("pl-PL")
    assert (f"words/pl-PL.yml:{line_of(EN_GB, '  day: {one')}: amounts.day: the plural form few, many is missing; "
            "expected one, few, many, other for pl-PL") in without_columns(error.value)
