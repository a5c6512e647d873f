"""Filling placeholders: known names are replaced, an unknown one stops the build at its line."""

from __future__ import annotations

import pytest

from conftest import without_columns
from helpcentre.content.placeholders import fill_placeholders
from helpcentre.reading.errors import DataError

VALUES = {"returns.window_days": "14 days", "shop.email": "[a@b.example](mailto:a@b.example)"}


def test_known_placeholders_are_filled_with_or_without_spaces():
    text = "Within {{ returns.window_days }}, or {{returns.window_days}}; email {{ shop.email }}."
    assert fill_placeholders(text, VALUES, "page.md", 1) == (
        "Within 14 days, or 14 days; email [a@b.example](mailto:a@b.example).")


def test_a_value_is_not_filled_again():
    assert fill_placeholders("{{ a }}", {"a": "{{ b }}", "b": "x"}, "page.md", 1) == "{{ b }}"


@pytest.mark.parametrize("text, message", [
    ("One\nTwo {{ returns.window_dayz }}", 'page.md:8: answer: unknown placeholder "{{ returns.window_dayz }}"; '
     'expected one of the names listed in docs/editors.md (policy values from policies.yaml); '
     'did you mean "{{ returns.window_days }}"?'),
    ("{{ nothing.like.it }}", 'page.md:7: answer: unknown placeholder "{{ nothing.like.it }}"; expected one'),
    ("{{ }}", 'page.md:7: answer: unknown placeholder "{{ }}"'),
])
def test_an_unknown_placeholder_names_the_page_and_line(text, message):
    with pytest.raises(DataError) as caught:
        fill_placeholders(text, VALUES, "page.md", 7, "answer")
    assert without_columns(caught.value).startswith(message)
