"""The copy a careful reader tripped on, as the shopper reads it on the built site: each old wording is gone
and its plain replacement is there; and the rule that finds a sentence said word for word in two answers
(the build's table of copy mistakes, with file and line, is in test_copy_style.py)."""

from __future__ import annotations

import pytest

from conftest import Build
from helpcentre.content.copy_style import check_repeated_sentences


def page_text(built: Build, path: str) -> str:
    """A page's article as read: no forms (hidden until used), whitespace collapsed."""
    article = built.pages[path].select_one("article")
    return " ".join(article.get_text(" ").split())


# (page, the old wording a shopper tripped on, what the page says instead)
FIXED = [
    ("delivery/index.html", "usual delivery times with our free shipping",
     "these are our usual delivery times, in calendar days"),
    ("delivery/index.html", "Your delivery time counts from when you place your order",
     "Your delivery estimate starts once your payment is confirmed: for card and PayPal payments, that's when "
     "you place your order."),
    ("order-dates/index.html", "Your delivery time counts from when you place your order",
     "Your delivery estimate starts once your payment is confirmed"),
    ("delivery/index.html", "we allow our longest processing time, 1 to 3 business days",
     "we allow our longest processing time, 3 business days"),
    ("order-dates/index.html", "it skips every other day", "only these days count"),
    ("order-dates/index.html", "UK time (Europe/London)", "The dates use UK time;"),
    ("order-dates/index.html", "covers dates from 2025 onwards", "Our business days are"),
    ("problems/index.html", "Once we have your photos, we'll open an investigation and email you with what we find.",
     "We'll send you a replacement or refund you in full, as you prefer."),
    ("tracking/index.html", "Finding a parcel can take several weeks", "finding the parcel can take several weeks"),
    ("account/index.html", "‘Tools’ or ‘History’", "in the settings, under privacy or browsing data"),
    ("refunds/index.html", "Our finance team is authorised to issue the refund", "Our finance team issues the refund."),
    ("order-dates/index.html", "When will I get my refund?", "When will you issue my refund?"),
    ("returns/index.html", "for a refund or an exchange, as long as they meet our returns conditions. If",
     "For an exchange, write on the returns form which item you'd like instead."),
    ("delivery/index.html", "Shoppers often need an order to arrive", "Need your order by a certain day?"),
]


@pytest.mark.parametrize("path, old, new", FIXED, ids=[old[:40] for _, old, _ in FIXED])
def test_the_old_wording_is_gone_and_the_plain_one_is_there(site, path, old, new):
    text = page_text(site, path)
    assert old not in text
    assert new in text


def test_the_remedy_is_said_once_and_linked_from_each_problem(site):
    page = site.pages["problems/index.html"]
    remedy = "We'll send you a replacement or refund you in full, as you prefer."
    assert page_text(site, "problems/index.html").count(remedy) == 1
    for qid in ("damaged-item", "faulty-item", "wrong-item"):
        answer = page.find(id=qid).find_next_sibling(lambda tag: tag.name == "p" and "photos" in tag.get_text())
        assert answer.select_one('a[href$="#problem-remedy"]') is not None, qid


def test_the_refund_check_is_titled_for_the_date_it_gives(site):
    title = site.pages["order-dates/index.html"].select_one('form[data-check="refund"] .order-check-title')
    assert title.get_text() == "Check when we should issue your refund"


def test_the_christmas_table_names_the_home_country(site):
    rows = site.pages["delivery/index.html"].select(".last-order-dates tbody tr")
    assert [row.select("td")[1].get_text() for row in rows] == ["United Kingdom", "United States", "Everywhere else"]
    assert rows[0]["data-country"] == "GB"


# The rule that keeps a repeated sentence out (the build's table: tests/content/test_copy_style.py) ----

@pytest.mark.parametrize("texts, repeated", [
    ([("Please email us.", "a.yml", 1, "a"), ("Please email us.", "b.yml", 7, "b")], []),  # too short to matter
    ([("We'll look into it and email you. We'll look into it and email you.", "a.yml", 1, "a")], []),  # one answer
    ([("Email us at {{ shop.email }} with your order number today.", "a.yml", 1, "a"),
      ("Call us.\nEmail us at {{ shop.email }} with your order number today.", "b.yml", 4, "b")],
     ["b.yml:5:1: b: \"Email us at with your order number today.\" is said word for word in a.yml:1 (a) too"]),
    ([("We [refund you in full](x.md#a) once it is back.", "a.yml", 1, "a"),
      ("Yes. We refund you in full once it is back.", "b.yml", 2, "b")],
     ["b.yml:2:6: b: \"We refund you in full once it is back.\" is said word for word in a.yml:1 (a) too"]),
])
def test_a_sentence_said_again_in_another_answer_is_found_where_it_is(texts, repeated):
    found = [str(finding) for finding in check_repeated_sentences(texts)]
    assert [message.split("; expected")[0] for message in found] == repeated
