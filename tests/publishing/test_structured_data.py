"""What search engines read: FAQPage JSON-LD on each topic page, titles, descriptions, canonical URLs
and the sitemap."""

from __future__ import annotations

import html
import json
import re
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SHOPS
from helpcentre.content.topics import load_topics
from helpcentre.policy.policies import load_policies
from helpcentre.publishing import structured_data
from helpcentre.publishing.structured_data import HIDING_WORDS, answer_texts, faq_page, hiding_words, script_json

TOPICS = load_topics(ROOT / "content")
SITE_URL = "https://help.jjsart.co.uk/"


def json_ld(page: BeautifulSoup) -> list[dict]:
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


def shown_answer(page: BeautifulSoup, qid: str) -> str:
    """What a shopper reads under a question: up to the next heading, without forms, hidden blocks and the
    blocks after it."""
    lines = []
    for element in page.find(id=qid).find_next_siblings():
        if element.name in ("h1", "h2"):
            break
        if element.name == "form" or set(element.get("class") or ()) & {"help-email", "help-related", "help-still"}:
            continue
        for block in element.find_all(["p", "li", "tr"]) or [element]:
            if block.find_parent(hidden=True) or block.has_attr("hidden"):
                continue  # not shown (the last order dates table until the browser fills it)
            if not block.find(["p", "li", "tr"]):
                lines.append(" ".join(block.get_text().split()))
    return "\n".join(line for line in lines if line)


# Pure functions -----------------------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    "</script><script>alert(1)</script>",
    "<!-- <script>",
    "Brush <b>&</b> Co",
    "line\u2028separator\u2029paragraph",
])
def test_no_value_can_end_the_script_element(value):
    text = script_json({"name": value})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"name": value}


def test_the_answer_text_is_what_the_page_shows():
    html = """<h1 id="returns">Returns</h1><p>Intro</p>
<h2 id="q1">First?<a class="headerlink" href="#q1">¶</a></h2>
<p>Within <strong>14 days</strong>,
of delivery.</p>
<ul>
<li>unopened</li>
<li>unused</li>
</ul>
<form class="order-check" hidden><p>Check the last day</p><label>Date</label></form>
<table><tr><th>Destination</th><th>Time</th></tr><tr><td>United States</td><td>18 to 24 days</td></tr></table>
<div class="help-related" data-search-exclude="data-search-exclude"><p>Related questions</p></div>
<h2 id="q2">Second?</h2><p>Yes &amp; no.</p>
<div class="help-still" data-search-exclude><p>Still need help?</p></div>"""
    assert answer_texts(html, {"q1", "q2"}) == {
        "q1": "Within 14 days, of delivery.\nunopened\nunused\nDestination Time\nUnited States 18 to 24 days",
        "q2": "Yes & no.",
    }


@pytest.mark.parametrize("body, expected", [
    ('<div data-search-exclude><div><p>inner</p></div><p>still hidden</p></div><p>shown</p>', "shown"),
    ('<p title="a hidden gem">Gem</p><p data-note="data-search-exclude">kept</p>', "Gem\nkept"),
    ('<p>before<input hidden>after</p>', "beforeafter"),
    ('<h3 id="sub">Sub<a class="headerlink" href="#sub">¶</a></h3><p>x &lt;b&gt; &amp; &#8217;</p>',
     "Sub\nx <b> & \u2019"),
    ('<p>a<!-- <p>comment</p> -->b</p><template><p>t</p></template><script>var x;</script>', "ab"),
    ('<details hidden><summary>s</summary><p>d</p></details><p>one\ntwo  three</p>', "one two three"),
])
def test_the_answer_text_leaves_out_what_the_page_hides(body, expected):
    assert answer_texts(f'<h2 id="q">Q?</h2>{body}<h2 id="next">Next</h2>', {"q"}) == {"q": expected}


# The quick ways, against the plain ones: the words that start a look for a hidden element are found one
# word at a time over the whole page, then handed to each answer; an answer's lines are split, not
# replaced with a regular expression.

HTML_PIECES = [*HIDING_WORDS, "data-", "search", "-exclude", "hid", "den", "header", "link", "<", "form", "<s", "cript",
               "tyle", "<t", "emplate", "h", "d", "e", "<p>", "</p>", "<li>", "<td>", "<br>", "<b>", "</b>", " ",
               "\t", "\n", "\xa0", "\x00", "&amp;", "&#10;", "x"]
PAGES = st.lists(st.sampled_from(HTML_PIECES), max_size=40).map("".join)


@settings(max_examples=3000, deadline=None)
@given(PAGES, st.integers(0, 200), st.integers(0, 200))
def test_each_answer_gets_the_hiding_words_one_expression_finds_in_it(page, start, end):
    expression = "|".join(map(re.escape, HIDING_WORDS))
    assert [start for start, _ in hiding_words(page)] == [found.start() for found in re.finditer(expression, page)]
    within = structured_data._words_within(hiding_words(page), start, end)
    assert within == [found.start() for found in re.finditer(expression, page[start:end])]


@settings(max_examples=3000, deadline=None)
@given(PAGES)
def test_an_answers_lines_are_those_of_one_expression(part):
    text = structured_data._OTHER_TAG.sub("", structured_data._CELL.sub(" ", structured_data._BLOCK_TAG.sub(
        "\x00", part.replace("\x00", " "))))
    text = " ".join(html.unescape(text).split())
    expected = re.sub("\x00+", "\n", text.replace(" \x00", "\x00").replace("\x00 ", "\x00")).strip()
    assert structured_data._text(part) == expected


def test_a_question_without_its_answer_stops_the_build():
    topic = TOPICS[0]
    answers = {question.id: "text" for question in topic.questions[1:]}
    with pytest.raises(ValueError, match=topic.questions[0].id):
        faq_page(topic, answers)


# The built site -----------------------------------------------------------------------------------

def test_each_topic_page_is_an_faq_page_of_its_questions_and_answers_as_shown(site):
    for topic in TOPICS:
        page = site.pages[f"{topic.slug}/index.html"]
        scripts = page.find_all("script", type="application/ld+json")
        assert len(scripts) == 1, topic.slug
        [data] = json_ld(page)
        assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
        assert data["url"] == f"{SITE_URL}{topic.slug}/"
        assert [q["name"] for q in data["mainEntity"]] == [q.question for q in topic.questions]
        for entity, question in zip(data["mainEntity"], topic.questions, strict=True):
            assert entity["@type"] == "Question" and entity["acceptedAnswer"]["@type"] == "Answer"
            text = entity["acceptedAnswer"]["text"]
            assert text == shown_answer(page, question.id), question.id
            assert "{{" not in text and "Related questions" not in text and "Email us:" not in text


def test_the_answers_carry_the_figures_filled_in(site):
    policies = load_policies(ROOT / "policies.yaml")
    answers = {entity["name"]: entity["acceptedAnswer"]["text"]
               for topic in TOPICS for entity in json_ld(site.pages[f"{topic.slug}/index.html"])[0]["mainEntity"]}
    assert f"within {policies['returns.window_days']} days" in answers["How long do I have to return an item?"]
    assert policies["shop.email"] in answers["My order arrived damaged. What should I do?"]
    assert "United States 18 to 24 days" in answers["When will my order arrive?"]


def test_other_pages_carry_no_faq_data(site):
    for path, page in site.pages.items():
        if path.split("/")[0] not in {topic.slug for topic in TOPICS}:
            assert json_ld(page) == [], path


def test_text_that_could_end_the_script_stays_data(second_shop):
    raw = [script.string for page in second_shop.pages.values()
           for script in page.find_all("script", type="application/ld+json")]
    assert raw and not any(re.search(r"</|<!--|<script", text, re.IGNORECASE) for text in raw)
    texts = [entity["acceptedAnswer"]["text"] for page in second_shop.pages.values()
             for data in json_ld(page) for entity in data["mainEntity"]]
    assert any("</script><script>alert('reason')</script>" in text for text in texts)


def test_every_page_has_a_meaningful_title_and_description(site):
    titles, descriptions = set(), set()
    for path, page in site.pages.items():
        title = page.title.get_text(strip=True)
        description = page.find("meta", attrs={"name": "description"})["content"].strip()
        assert title.endswith("JJ's Art help centre") and len(description.split()) >= 8, path
        titles.add(title)
        descriptions.add(description)
    for topic in TOPICS:
        page = site.pages[f"{topic.slug}/index.html"]
        assert page.find("meta", attrs={"name": "description"})["content"] == topic.summary
        assert page.title.get_text(strip=True) == f"{topic.title} - JJ's Art help centre"
    assert len(titles) == len(site.pages)  # no two pages share a title


def test_every_page_has_its_canonical_url_and_is_in_the_sitemap(site):
    urls = {loc.text for loc in ElementTree.parse(site.site / "sitemap.xml").getroot().iter(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    canonical = set()
    for path, page in site.pages.items():
        if path == "404.html":
            continue
        expected = SITE_URL + path.removesuffix("index.html")
        assert page.find("link", rel="canonical")["href"] == expected, path
        canonical.add(expected)
    assert urls == canonical


def test_another_shop_gets_its_own_shop_in_the_faq_data(second_shop):
    email = load_policies(SHOPS / "second-shop.yaml")["shop.email"]
    texts = [entity["acceptedAnswer"]["text"] for page in second_shop.pages.values()
             for data in json_ld(page) for entity in data["mainEntity"]]
    assert any(email in text for text in texts)
