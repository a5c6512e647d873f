"""Values are shown as text: HTML and Markdown in a value never become markup."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from helpcentre.reading.markdown_text import escape, join_words, plural, table


@pytest.mark.parametrize("value", [
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "*bold* _it_ `code` [link](http://evil.example) ![img](x.png)",
    "# heading", "1. not a list", "- not a bullet", "a | b", "back\\slash", "&amp; stays &amp;",
])
def test_escaped_text_renders_exactly_as_written(value):
    html = markdown.markdown(f"Value: {escape(value)}", extensions=["tables"])
    paragraph = BeautifulSoup(html, "html.parser").p
    assert paragraph.get_text() == f"Value: {value}"
    assert [tag.name for tag in paragraph.find_all(True)] == []


def test_words_are_joined_as_in_a_sentence():
    assert join_words([]) == ""
    assert join_words(["Visa"]) == "Visa"
    assert join_words(["Visa", "PayPal"]) == "Visa and PayPal"
    assert join_words(["a", "b", "c"], "or") == "a, b or c"


def test_units_are_plural_unless_one():
    assert plural(1, "hour") == "1 hour"
    assert plural(2, "business day") == "2 business days"


def test_a_table_stands_as_its_own_block():
    html = markdown.markdown("Before" + table(["A", "B"], [[escape("x|y"), "2"]]) + "After", extensions=["tables"])
    assert "<td>x|y</td>" in html and html.startswith("<p>Before</p>")
