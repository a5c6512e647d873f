"""What a topic page shows after each answer: links to the answers a shopper is likely to need next."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlsplit

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PROBLEMS_TOPIC, ROOT, without_columns
from helpcentre.content.pages import front_matter
from helpcentre.content.topics import load_topics
from helpcentre.reading.errors import DataError

TOPICS = load_topics(ROOT / "content")
WHERE = {question.id: (topic, question) for topic in TOPICS for question in topic.questions}


def related_links(site, topic_slug: str, qid: str) -> list[tuple[str, str]]:
    """(page, anchor) and text of each link in the "Related questions" block under one answer."""
    for element in site.pages[f"{topic_slug}/index.html"].find(id=qid).find_next_siblings():
        if element.name == "h2":
            break
        if "help-related" in (element.get("class") or []):
            assert element.get_text(" ", strip=True).startswith("Related questions")
            found = []
            for link in element.select("li a[href]"):
                parts = urlsplit(link["href"])
                page = PurePosixPath(topic_slug, parts.path).as_posix().split("/")
                found.append((f"{_normalised(page)}#{parts.fragment}", link.get_text(strip=True)))
            return found
    return []


def _normalised(parts: list[str]) -> str:
    stack: list[str] = []
    for part in parts:
        if part == "..":
            stack.pop()
        elif part not in (".", ""):
            stack.append(part)
    return stack[0] if stack else ""


def test_each_answer_links_to_the_answers_to_read_next(site):
    for topic in TOPICS:
        for question in topic.questions:
            links = related_links(site, topic.slug, question.id)
            expected = [(f"{WHERE[qid][0].slug}#{qid}", WHERE[qid][1].question) for qid in question.related]
            assert links == expected, question.id
            assert 2 <= len(links) <= 3


def test_the_related_links_lead_to_their_answers(site):
    for topic in TOPICS:
        for question in topic.questions:
            for target, _ in related_links(site, topic.slug, question.id):
                slug, anchor = target.split("#")
                heading = site.pages[f"{slug}/index.html"].find(id=anchor)
                assert heading is not None and heading.name == "h2", (question.id, target)


@pytest.mark.parametrize("old, new, message", [
    ("[faulty-item, wrong-item]", "[faulty-item, wrng-item]",
     'content/problems.yml:8: question 1, id damaged-item, '
     'related[2]: "wrng-item" is not the id of another question'),
    ("[faulty-item, wrong-item]", "[faulty-item, damaged-item]",
     'content/problems.yml:8: question 1, id damaged-item, '
     'related[2]: "damaged-item" is not the id of another question'),
    ("[faulty-item, wrong-item]", "[faulty-item]",
     "content/problems.yml:5: question 1, id damaged-item, "
     "related: 1 related questions; expected two or three different ids"),
    ("[faulty-item, wrong-item]", "[faulty-item, faulty-item]",
     "content/problems.yml:5: question 1, id damaged-item, "
     "related: 2 related questions; expected two or three different ids"),
    ("[faulty-item, wrong-item]", "[faulty-item, wrong-item, lost-item, faulty-item]",
     "content/problems.yml:5: question 1, id damaged-item, "
     "related: 4 related questions; expected two or three different ids"),
    ("    related: [faulty-item, wrong-item]\n", "",
     "content/problems.yml:5: question 1, id damaged-item, "
     "related: 0 related questions; expected two or three different ids"),
])
def test_related_questions_are_checked_when_the_site_is_built(tmp_path, old, new, message):
    folder = tmp_path / "content"
    folder.mkdir()
    assert old in PROBLEMS_TOPIC
    (folder / "problems.yml").write_text(PROBLEMS_TOPIC.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_topics(folder)
    assert without_columns(caught.value).startswith(message)



@settings(deadline=None)  # no timing in tests: a loaded machine is slow, not wrong
@given(st.text(), st.text())
def test_front_matter_reads_back_as_written(title, description):
    """The front matter is written without PyYAML's emitter: YAML (as MkDocs reads it) gives back every text."""
    text = front_matter({"title": title, "description": description})
    assert text.startswith("---\n") and text.endswith("\n---\n") and text.count("\n") == 4
    assert yaml.load(text.removeprefix("---\n").removesuffix("---\n"), Loader=yaml.CSafeLoader) == {
        "title": title, "description": description}
