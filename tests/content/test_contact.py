"""Contact that carries the context: prefilled emails under the answers that say "email us", a closing
"Still need help?" on each topic page, and a not-found page that offers search and the email."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import PROBLEMS_TOPIC, ROOT, without_columns
from helpcentre.content.contact import email_body, mailto
from helpcentre.content.topics import EmailRequest, load_topics
from helpcentre.policy.policies import load_policies
from helpcentre.reading.errors import DataError

TOPICS = load_topics(ROOT / "content")
POLICIES = load_policies(ROOT / "policies.yaml")
EMAIL = POLICIES["shop.email"]


def prefilled(href: str) -> tuple[str, str, str]:
    """The address, subject and body a mailto link opens the shopper's email with."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query, keep_blank_values=True)
    return unquote(parts.path), query["subject"][0], query.get("body", [""])[0]


def email_button(site, topic_slug: str, qid: str):
    """The prefilled email link under one answer, if any (before the next question)."""
    for element in site.pages[f"{topic_slug}/index.html"].find(id=qid).find_next_siblings():
        if element.name == "h2":
            return None
        if "help-email" in (element.get("class") or []):
            return element.find("a", href=True)
    return None


# Pure functions -----------------------------------------------------------------------------------

def test_a_mailto_link_carries_subject_and_body_encoded():
    url = mailto("help@example.com", "Damaged order & box", "Order number: \nThanks?")
    assert url == ("mailto:help@example.com?subject=Damaged%20order%20%26%20box"
                   "&body=Order%20number%3A%20%0D%0AThanks%3F")
    assert prefilled(url) == ("help@example.com", "Damaged order & box", "Order number: \r\nThanks?")


def test_the_body_asks_for_each_detail_and_attachment(british_words):
    body = email_body(EmailRequest("Damaged order", ("Order number",), ("Photos of the box",)), "Brush & Co")
    assert body == ("Hello Brush & Co,\n\nOrder number: \n\nI have attached:\n- Photos of the box\n\nThank you")


# The built site -----------------------------------------------------------------------------------

def test_every_answer_that_asks_for_an_email_offers_it_prefilled(site):
    asked = 0
    for topic in TOPICS:
        for question in topic.questions:
            button = email_button(site, topic.slug, question.id)
            if "{{ shop.email }}" not in question.answer:
                assert button is None, question.id
                continue
            asked += 1
            assert button is not None, question.id
            address, subject, body = prefilled(button["href"])
            assert (address, subject) == (EMAIL, question.email.subject)
            assert body.startswith(f"Hello {POLICIES['shop.name']},")
            for detail in question.email.ask_for:
                assert f"\r\n{detail}: \r\n" in body, (question.id, detail)
            for item in question.email.attach:
                assert f"\r\n- {item}\r\n" in body, (question.id, item)
            assert button.get_text(strip=True) == f"Email us: {question.email.subject}"
    assert asked >= 10


@pytest.mark.parametrize("qid, wanted", [
    ("damaged-item", ["Order number", "Photos of the damaged item", "Photos of the inner and outer packaging"]),
    ("wrong-item", ["Order number", "Photos of the items I received"]),
    ("refund-not-arrived", ["Order number", "Tracking number of my returned parcel"]),
    ("cancel-an-order", ["Order number"]),
    ("tracking-not-moving", ["Order number", "Tracking number"]),
])
def test_the_email_asks_for_what_the_shop_needs(site, qid, wanted):
    slug = next(topic.slug for topic in TOPICS for question in topic.questions if question.id == qid)
    body = prefilled(email_button(site, slug, qid)["href"])[2]
    for detail in wanted:
        assert detail in body


def test_each_topic_page_ends_with_still_need_help_and_the_email(site):
    for topic in TOPICS:
        article = site.pages[f"{topic.slug}/index.html"].select_one("article")
        closing = article.select(".help-still")
        assert len(closing) == 1 and not closing[0].find_next_sibling(["h2", "p", "div"]), topic.slug
        assert closing[0].get_text(" ", strip=True).startswith("Still need help?")
        address, subject, _ = prefilled(closing[0].find("a")["href"])
        assert address == EMAIL and subject == f"Question about {topic.title.lower()}"
        assert closing[0].find("a").get_text() == EMAIL


def test_the_not_found_page_offers_search_and_the_email(site):
    page = site.pages["404.html"]
    form = page.select_one("article form[role=search]")
    assert form is not None and form["method"] == "get" and urlsplit(form["action"]).path in ("/", "/.")
    assert form.select_one("input[name=q][type=search]")["id"] == form.select_one("label")["for"]
    assert page.select_one(f'article a[href="mailto:{EMAIL}"]')
    assert page.title.get_text(strip=True).startswith("Page not found")
    assert not page.select("article script, article [style]")  # works without inline script or style


def test_an_answer_that_says_email_us_without_an_email_stops_the_build(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    asks_for_email = PROBLEMS_TOPIC.replace("    answer: Tell us.\n",
                                            "    answer: |\n      Email us at {{ shop.email }}.\n", 1)
    (folder / "problems.yml").write_text(asks_for_email, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_topics(folder)
    assert without_columns(caught.value).startswith(
        "content/problems.yml:8: question 1, id damaged-item, email: this answer asks shoppers to email us, so it "
        "needs the email "
        "they should send")
