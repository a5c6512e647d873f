"""The copy as a shopper reads it: one word for one thing (content/style/glossary.yml, enforced with file and
line), links that read as part of their sentence, no template seams, and what happens after an email."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SHOPS, Build, copy_project
from helpcentre.content.copy_style import GLOSSARY, load_glossary
from helpcentre.content.topics import load_topics
from helpcentre.policy.policies import load_policies
from helpcentre.reading.errors import DataError
from helpcentre.review.check_command import main
from helpcentre.review.checking_pass import review_help_centre

TOPICS = load_topics(ROOT / "content")
# Words that start a question: the shop's own pages never run a link starting with one into "See" (stricter
# than the build, which refuses only a whole question pasted in).
QUESTION_WORDS = frozenset("""who whom whose what when where which why how can could do does did is are was were
will would should shall may might has have had am my i i'm i've i'd""".split())
EMAIL_ANSWERS = [(topic.slug, question.id) for topic in TOPICS for question in topic.questions if question.email]


def review(project: Path) -> list[str]:
    """Every error the one checking pass finds in a project, as `file:line: key: message`."""
    _, found = review_help_centre(project / "policies.yaml", project / "content", project / "calculator")
    return [str(finding) for finding in found.errors]


def edited(tmp_path: Path, file: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of the project with `old` replaced by `new` in `file`, and the line `new` is on."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return project, text[: text.rindex(new)].count("\n") + 1  # the edited place, if `new` is said before it too


# The check ----------------------------------------------------------------------------------------------

def test_the_content_follows_its_own_glossary_and_link_rules():
    assert review(ROOT) == []
    assert len(load_glossary(ROOT / "content").terms) >= 10


@pytest.mark.parametrize("file, old, new, message", [
    ("content/delivery.yml", "We process and ship orders on business days:",
     "We process and ship orders on working days:",
     'question 2, id processing-days, answer: "working days": expected "business day", the one term this help '
     'centre uses for it '
     '(content/style/glossary.yml:6 lists "working day" to avoid)'),
    ("content/payments.yml", "question: I forgot to use my discount code.", "question: I forgot to use my Promo Code.",
     'question 5, id promo-code-after-order, question: "Promo Code": expected "discount code"'),
    ("content/customs.yml", "from the email we sent you when your order shipped", "from your dispatch email",
     'question 3, id customs-delay, answer: "dispatch": expected "ship"'),
    ("content/index.md", "Choose a topic below", "Log in or choose a topic below", '"Log in": expected "sign in"'),
    ("content/order-dates.md", "See [delivery times](delivery.md#delivery-time).",
     "See [when will my order arrive](delivery.md#delivery-time).",
     'the link text "when will my order arrive" is the question it links to, pasted into the sentence; '
     'expected the question as it is ("When will my order arrive?") or words of your own'),
    ("content/tracking.yml", "see [our processing times](delivery.md#processing-time)",
     "see [processing](delivery.md#processing-time) or [my tracking hasn't updated for a while. What should I "
     "do](#tracking-not-moving)",
     'question 1, id tracking-email, answer: the link text "my tracking hasn\'t updated for a while. What should '
     'I do" is the question it links to, pasted into the sentence'),
    # a price the policy lacks, a sentence said word for word in two answers
    ("content/cancellations.yml", "You can cancel your order within", "You can cancel free of charge within",
     'question 1, id cancel-an-order, answer: "free of charge" names a price, and policies.yaml has no charge'),
    ("content/order-dates.md", "You can cancel your order within",
     "Free cancellation lasts", '"Free" names a price'),
    ("content/delivery.yml", "these are our usual delivery times,", "these are the usual times with our free shipping,",
     'question 4, id delivery-time, answer: "free" names a price'),
    ("content/returns.yml", "We can't accept returns that arrive after that.",
     "We can't accept returns that arrive after that. You can cancel for free.", '"for free" names a price'),
    ("content/problems.yml", "When we've checked your photos, we'll [put it right](problems.md#problem-remedy).",
     "We'll look at your photos and let you know [how we'll put it right](problems.md#problem-remedy).",
     "question 2, id faulty-item, answer: \"We'll look at your photos and let you know how we'll put it right.\" "
     "is said word for word in content/problems.yml:15 (question 1, id damaged-item, answer) too"),
    ("content/refunds.yml", "We'll find out what happened to your refund and email you.",
     "We'll look into it and email you with what we find.",
     'question 5, id refund-not-arrived, answer: "We\'ll look into it and email you with what we find." is said '
     "word for word in content/refunds.yml:48"),
])
def test_a_copy_mistake_stops_the_build_with_file_and_line(tmp_path, file, old, new, message):
    project, line = edited(tmp_path, file, old, new)
    errors = review(project)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{file}:{line}:") and message in errors[0], errors


@pytest.mark.parametrize("link", [
    "See [When will my order arrive?](delivery.md#delivery-time)",  # the question as it is
    "See [delivery times](delivery.md#delivery-time)",  # words of one's own
    "(see [how long refunds take](refunds.md#refund-time))",  # words of one's own, starting as a question would
    "See [when will my order](delivery.md#delivery-time)",  # part of the question: words of one's own
    "- [when will my order arrive](delivery.md#delivery-time)",  # the question alone in a list, not run in
    "Find out [how long delivery takes](delivery.md#delivery-time)",  # an indirect question, not run into "See"
    "See [when we're open](https://example.com/hours)",  # not a link to an answer
])
def test_links_that_read_as_part_of_their_sentence_pass(tmp_path, link):
    project, _ = edited(tmp_path, "content/order-dates.md", "See [delivery times](delivery.md#delivery-time)", link)
    assert review(project) == []


def test_keywords_and_link_addresses_are_not_copy(tmp_path):
    # "dispatch" is a keyword shoppers type (content/delivery.yml); an anchor is an address, not words.
    assert any("dispatch" in keyword for topic in TOPICS for q in topic.questions for keyword in q.keywords)
    project, _ = edited(tmp_path, "content/index.md", "[the order dates calculator](order-dates.md)",
                        "[the order dates calculator](order-dates.md#working-day-rules)")
    page = project / "content" / "order-dates.md"
    page.write_text(page.read_text(encoding="utf-8").replace("## When will my order arrive?",
                                                             "## When will my order arrive? {#working-day-rules}"),
                    encoding="utf-8")
    assert review(project) == []


def test_an_editor_extends_the_glossary_and_make_check_reports_it(tmp_path, capsys):
    project, line = edited(tmp_path, "content/refunds.yml", "with your order number and the tracking number",
                           "with your order reference and the tracking number")
    assert review(project) == []  # not in the glossary yet
    with (project / "content" / GLOSSARY).open("a", encoding="utf-8") as glossary:
        glossary.write("order number: [order reference, order ID]\n")
    assert main(["check", "--project", str(project)]) == 1
    out = capsys.readouterr().out
    column = 1 + (project / "content" / "refunds.yml").read_text(encoding="utf-8").splitlines()[line - 1].index(
        "order reference")
    assert (f'content/refunds.yml:{line}:{column}: question 5, id refund-not-arrived, answer: "order reference": '
            'expected "order number"') in out


@pytest.mark.parametrize("text, message", [
    ("ship: [dispatch]\nsend: [dispatch]\n", 'content/style/glossary.yml:2:8: send[1]: "dispatch" is listed twice '
     "(line 1); expected each term to avoid once"),
    ("ship: dispatch\n", "content/style/glossary.yml:1:7: ship: expected a list"),
    ("ship: []\n", "content/style/glossary.yml:1:7: ship: expected a list of at least 1; got an empty list"),
    ("- ship\n", "content/style/glossary.yml:1:1: expected lines of the form `preferred term: [term to avoid"),
])
def test_a_mistake_in_the_glossary_names_its_line(tmp_path, text, message):
    (tmp_path / "content" / "style").mkdir(parents=True)
    (tmp_path / "content" / GLOSSARY).write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_glossary(tmp_path / "content")
    assert message in str(caught.value)


def test_the_glossary_is_neither_a_topic_nor_published(site):
    assert "glossary" not in {topic.slug for topic in TOPICS} and "style" not in {topic.slug for topic in TOPICS}
    assert not (site.site / "style").exists()
    assert "business day: [working day]" not in site.files_text()


# The site as a shopper reads it -----------------------------------------------------------------------

def article(page: BeautifulSoup) -> BeautifulSoup:
    """The page's own text: no forms (hidden until used), no menus."""
    copy = BeautifulSoup(str(page.select_one("article")), "html.parser")
    for form in copy.select("form"):
        form.decompose()
    return copy


def linked_blocks(page: BeautifulSoup) -> list[str]:
    """Each paragraph or list item with links to answers, the link texts marked [[like this]]."""
    blocks = []
    for block in article(page).select("p, li"):
        if block.find_parent(class_="help-related") or not block.select('a[href*="#"]'):
            continue
        for link in block.select('a[href*="#"]'):
            if "headerlink" not in (link.get("class") or []):
                link.replace_with(f"[[{link.get_text(' ', strip=True)}]]")
        blocks.append(" ".join(block.get_text(" ").split()))
    return blocks


@pytest.mark.parametrize("shop", ["site", "second_shop", "mutated_site"])
def test_no_template_seam_pasted_question_or_doubled_word(request, shop):
    built: Build = request.getfixturevalue(shop)
    problems = []
    for path, page in built.pages.items():
        text = " ".join(article(page).get_text(" ").split())
        # "See when" and "See my" start a pasted question ("to see when things happen" is English; a pasted
        # link in lower case, "see [my refund ...]", is caught with the links below).
        problems += [f"{path}: {seam}" for seam in ("none at the moment", ": none.", "See when", "See my")
                     if seam in text]
        problems += [f"{path}: doubled \"{m.group(0)}\"" for m in re.finditer(r"\b(\w+) \1\b", text, re.IGNORECASE)]
        joined = " ".join(article(page).get_text().split())  # as written: an empty value leaves ": ." or "()"
        problems += [f"{path}: empty value \"{m.group(0)}\"" for m in re.finditer(r"[:,;] ?[.,;:]|\( ?\)", joined)]
        for block in linked_blocks(page):
            for link in re.finditer(r"\[\[([^\]]*)\]\]", block):
                first = link.group(1).split(" ")[0].lower()
                run_into_see = re.search(r"\bsee $", block[: link.start()], re.IGNORECASE)
                if (run_into_see and first in QUESTION_WORDS) or (link.group(1).endswith("?") and block != link[0]):
                    problems.append(f"{path}: a question run into a sentence: {block}")
    assert problems == []


def answer_texts(built: Build, topic: str, qid: str) -> list[str]:
    """The paragraphs and list items of one answer, as a shopper reads them (not the links or emails below it)."""
    texts = []
    for element in built.pages[f"{topic}/index.html"].find(id=qid).find_next_siblings():
        if element.name == "h2":
            break
        if element.name in ("p", "ol", "ul", "table"):
            texts += [" ".join(part.get_text(" ").split()) for part in
                      (element.find_all("li") if element.name in ("ol", "ul") else [element])]
    return texts


def test_empty_lists_leave_no_sentence_behind(site):
    assert answer_texts(site, "delivery", "where-we-ship") == ["We ship to most countries in the world."]
    assert answer_texts(site, "delivery", "processing-days")[:2] == [
        "We process and ship orders on business days: Monday to Friday, except England and Wales bank holidays.",
        "We start processing your order on the next business day after you place it."]
    text = site.text()
    assert "We don't ship to" not in text and "also closed" not in text


def test_lists_with_items_render_their_sentence(second_shop, british_words):
    values = load_policies(SHOPS / "second-shop.yaml").placeholders()
    not_shipped, closed = values["delivery.not_shipped_to"], values["processing.closure_dates"]
    assert not_shipped == "We don't ship to Norway and Russia."
    assert closed.startswith("Our shop is also closed on Thursday 24 December 2026 and from Tuesday 29 December")
    assert answer_texts(second_shop, "delivery", "where-we-ship") == [
        "We ship to most countries in the world.", not_shipped]
    assert closed in answer_texts(second_shop, "delivery", "processing-days")
    order_dates = " ".join(article(second_shop.pages["order-dates/index.html"]).get_text(" ").split())
    assert not_shipped in order_dates and closed in order_dates


def test_the_delivery_table_names_its_unit_and_the_home_country(mutated_site):
    # Quill & Easel is Irish (its bank holidays) and Ireland is in its zone for everywhere else; it counts
    # business days, and prices its delivery.
    table = mutated_site.pages["delivery/index.html"].select_one("table")
    assert [th.get_text(strip=True) for th in table.select("th")] == [
        "Destination", "Delivery time once shipped, in business days", "Price"]
    assert [td.get_text(strip=True) for td in table.select("tr")[1].find_all("td")] == [
        "Ireland", "4 to 9 business days", "€7.50, free on orders of €60.00 or more"]
    assert "Business days are Tuesday to Saturday, except Irish bank holidays" in table.find_next("p").get_text()


@pytest.mark.parametrize("topic, qid", EMAIL_ANSWERS)
def test_an_answer_that_asks_for_an_email_says_what_happens_next_and_when(site, second_shop, topic, qid):
    after = " ".join(answer_texts(site, topic, qid)).lower().split("email us", 1)[-1]
    assert "we'll" in after, after
    # The second shop gives a reply time: every such answer then says when, or gives a figure of its own.
    after = " ".join(answer_texts(second_shop, topic, qid)).split("mail us", 1)[-1]
    assert "We reply to emails within 1 business day." in after or " within " in after, after


def test_without_a_returns_form_page_the_answer_says_how_to_get_it(site, mutated_site):
    steps = answer_texts(site, "returns", "how-to-return")
    assert steps[0] == ("Email us at info@jjsart.co.uk with your order number to ask for our returns form and our "
                        "return address, and we'll email them to you. Fill in the form and put a copy in the parcel "
                        "with your items.")
    assert steps[-1] == ("Once your parcel reaches us, we inspect it and, if we accept it , refund you within "
                         "28 business days.")
    mutated = mutated_site.pages["returns/index.html"]
    assert mutated.select_one('a[href="https://quill-easel.example/returns-form"]').get_text() == "our returns form"
    assert "Our return address is Quill & Easel, 4 Canal Walk, Dublin 8." in answer_texts(
        mutated_site, "returns", "how-to-return")[1]
