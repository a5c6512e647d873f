"""The forgiving search in Chromium: word forms, "Did you mean ...?", and the panel when nothing matches.

The panel and the note are added by search/page.js into Material's results; they are used here with the
keyboard alone, checked with axe in both palettes and under the site's Content-Security-Policy, and
they ask no other host for anything.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect
from test_accessibility import PALETTES, violations, visit
from test_csp import policy_url, watched  # noqa: F401  (fixtures: the site served with its policy header)

from conftest import ROOT, Build, build_project, copy_project, serve
from helpcentre.content.contact import mailto, search_email
from helpcentre.content.topics import load_topics
from helpcentre.policy.policies import load_policies
from helpcentre.reading.words_file import shipped_words

sys.path.insert(0, str(ROOT / "benchmarks"))
from build_speed import gzipped, heaviest_page  # noqa: E402

POLICIES = load_policies(ROOT / "policies.yaml")
TOPICS = load_topics(ROOT / "content")
NONE = "No answers found"  # the search's words when it finds nothing (overrides/partials/languages/custom.html)

# A shop whose answers use only the base words: no keyword, question or other answer has "dispatch",
# "return" or "cancel" in any form.
FORMS_TOPIC = """title: Orders
summary: Orders.
order: 1
questions:
  - id: send-days
    question: On which days do parcels leave?
    answer: We dispatch parcels from Monday to Friday.
    related: [send-back, stop-purchase]
  - id: send-back
    question: Can I send something back?
    answer: Each return must reach us within a month.
    related: [send-days, stop-purchase]
  - id: stop-purchase
    question: Can I stop a purchase?
    answer: You can cancel until we pack it.
    related: [send-days, send-back]
  - id: pay
    question: Which cards do you take?
    answer: Visa and Mastercard.
    related: [send-days, send-back]
"""


@pytest.fixture(scope="module")
def forms_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = copy_project(tmp_path_factory.mktemp("forms"))
    for topic in (project / "content").glob("*.yml"):
        if topic.name != "notice.yml":  # the notice's words stay: every shop has them
            topic.unlink()
    (project / "content" / "style" / "glossary.yml").unlink()  # another shop's words, not JJ's Art's
    (project / "content" / "order-dates.md").write_text("# Order dates\n\nDates.\n", encoding="utf-8")
    (project / "content" / "orders.yml").write_text(FORMS_TOPIC, encoding="utf-8")
    built = build_project(project)
    assert built.returncode == 0, built.output
    yield from serve(built.site)


@pytest.fixture
def page(browser) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB")
    yield context.new_page()
    context.close()


def search(page: Page, url: str, query: str) -> None:
    """Open the page, press "/" and type the query, as a shopper does (each test then waits for what the
    whole query shows: Material searches at every key)."""
    page.goto(url)
    page.wait_for_function("() => window.document$ !== undefined")  # Material's script has started
    page.keyboard.press("/")
    page.keyboard.type(query)


def first_answer(page: Page, searched: str) -> str:
    """The answer the first result leads to, once the results are those of `searched` (the words the
    worker searched, which each result link carries in ?h=)."""
    link = page.locator(f"li.md-search-result__item a[href*='h={searched}#']").first
    expect(link).to_be_visible(timeout=20_000)
    return urlsplit(page.locator("li.md-search-result__item a[href*='#']").first.get_attribute("href")).fragment


# Word forms --------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, stem, answer", [("dispatched", "dispatch", "send-days"),
                                                 ("returns", "return", "send-back"),
                                                 ("cancelling", "cancel", "stop-purchase")])
def test_a_word_form_finds_the_answer_that_has_only_the_base_word(page, forms_url, typed, stem, answer):
    search(page, forms_url, typed)
    assert first_answer(page, stem) == answer


def test_when_will_my_order_be_dispatched_finds_the_processing_time(page, site_url):
    search(page, site_url, "when will my order be dispatched")
    assert first_answer(page, "when+order+dispatch") == "processing-time"


# Typos -------------------------------------------------------------------------------------------

def test_a_typo_finds_the_word_meant_and_offers_it_by_keyboard(page, site_url):
    search(page, site_url, "how long does a refnud take")
    suggestion = page.locator(".help-search-meant")
    expect(suggestion).to_have_text("Did you mean how long does a refund take?", timeout=20_000)
    found = first_answer(page, "how+long+refund")  # the corrected word's results ("take" asks nothing)
    expect(suggestion.locator("strong")).to_have_text("refund")  # the corrected word stands out
    page.keyboard.press("ArrowDown")  # the first of the results panel's links
    expect(suggestion.locator("a")).to_be_focused()
    page.keyboard.press("Enter")
    box = page.get_by_role("textbox", name="Search")
    expect(box).to_have_value("how long does a refund take")
    expect(box).to_be_focused()
    expect(suggestion).to_have_count(0)  # spelt right now
    assert first_answer(page, "how+long+refund") == found == "refund-time"
    assert page.locator(".md-search__output").is_visible()  # the search stays open


def test_the_suggestion_is_also_one_click(page, site_url):
    search(page, site_url, "cancellatoin")
    page.locator(".help-search-meant a").click()
    expect(page.get_by_role("textbox", name="Search")).to_have_value("cancellation")
    expect(page.locator(".help-search-meant")).to_have_count(0)


def test_enter_in_the_box_still_opens_the_best_result_when_a_typo_was_corrected(page, site_url):
    search(page, site_url, "refnud")
    expect(page.locator(".help-search-meant")).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/refunds/.*#"))


# Nothing matched ---------------------------------------------------------------------------------

TYPED = 'klarna <i>zx</i> & "qqq" 99%'


def test_a_search_with_no_result_shows_a_way_out_by_keyboard_alone(page, site_url):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    search(page, site_url, TYPED)
    expect(page.locator(".md-search-result__meta")).to_have_text(NONE)
    panel = page.locator(".help-search-empty")
    expect(panel).to_be_visible()
    expect(panel.locator("p").first).to_have_text(f"Nothing matched “{TYPED}”. Try other words, or browse the topics:")
    assert panel.locator("i").count() == 0  # the words typed are text, never markup
    links = panel.locator(".help-search-topics a")
    expect(links).to_have_text([topic.title for topic in TOPICS])
    assert [link.get_attribute("href") for link in links.all()] == [f"{site_url}{t.slug}/" for t in TOPICS]

    subject, start, end = search_email(POLICIES["shop.name"], shipped_words())
    email = panel.get_by_role("link", name="Email us your question")
    assert email.get_attribute("href") == mailto(POLICIES["shop.email"], subject, f"{start}{TYPED}{end}")
    assert "I%20searched%20the%20help%20centre%20for%3A%20klarna%20%3Ci%3Ezx" in email.get_attribute("href")

    page.keyboard.press("Enter")  # nothing to open: Enter does nothing, as in Material
    expect(panel).to_be_visible()
    for _ in range(len(TOPICS) + 1):  # down through the topics to the email button
        page.keyboard.press("ArrowDown")
    expect(email).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(links.last).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}{TOPICS[-1].slug}/")
    expect(page.locator("h1")).to_contain_text(TOPICS[-1].title)
    page.wait_for_load_state("networkidle")  # Material has finished swapping the page in (and closing the search)

    # Material's instant navigation kept the header: the panel's links still lead to the topics
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()  # the new page has taken the key
    page.keyboard.type("klarna")
    expect(panel).to_be_visible(timeout=20_000)  # the worker answers again; slower on a busy machine
    assert [link.get_attribute("href") for link in links.all()] == [f"{site_url}{t.slug}/" for t in TOPICS]
    assert all(url.startswith(site_url) for url in requests), [u for u in requests if not u.startswith(site_url)]


def test_the_panel_goes_when_a_search_finds_something(page, site_url):
    search(page, site_url, "klarna")
    expect(page.locator(".help-search-empty")).to_be_visible()
    page.keyboard.type(" refund time")
    expect(page.locator("li.md-search-result__item").first).to_be_visible()
    expect(page.locator(".help-search-empty")).to_have_count(0)


@pytest.mark.parametrize("palette", PALETTES)
@pytest.mark.parametrize("query", ["klarna", "refnud"])
def test_the_panel_and_the_suggestion_pass_axe(page, site_url, palette, query):
    visit(page, site_url, PALETTES[palette])
    page.keyboard.press("/")
    page.keyboard.type(query)
    expect(page.locator(".help-search-empty, .help-search-meant")).to_be_visible(timeout=20_000)
    assert not (found := violations(page)), "\n".join(found)


def test_the_panel_and_the_suggestion_work_under_the_policy(watched, policy_url):  # noqa: F811
    context, found = watched
    page = context.new_page()
    page.goto(policy_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("klarna")
    expect(page.locator(".help-search-empty")).to_be_visible(timeout=20_000)
    box.fill("")
    box.press_sequentially("refnud")
    expect(page.locator(".help-search-meant")).to_be_visible()
    assert found == []


# Weight ------------------------------------------------------------------------------------------

def test_the_index_and_the_pages_stay_within_their_weight(site: Build):
    index = (site.site / "search" / "search_index.json").read_bytes()
    weight = heaviest_page(site.site)
    worker = next((site.site / "assets/javascripts/workers").glob("help-search.*.js")).read_bytes()
    script = sum(gzipped(path.read_bytes()) for path in (site.site / "assets/search").iterdir())
    print(f"\nsearch index {gzipped(index) / 1000:.1f} KB gzipped; the forgiving search's scripts "
          f"{(gzipped(worker) + script) / 1000:.1f} KB; heaviest page {weight.page}: {weight.total / 1000:.1f} KB "
          f"(HTML {weight.html / 1000:.1f} + CSS/JS {weight.code / 1000:.1f})")
    assert weight.total <= 120_000  # docs/measurements.md, "Page weight": each page, with its CSS and JavaScript
    assert gzipped(index) <= 20_000  # docs/measurements.md, "Search": the index with its vocabulary
    assert gzipped(worker) + script <= 8_000  # docs/measurements.md, "Search": the worker, page.js and page.css


@pytest.mark.parametrize("query", ["click and collect", "collect in store"])
def test_a_question_the_help_centre_cannot_answer_gets_the_no_result_panel(page, site_url, query):
    # each has one word some answer holds ("click", "store"): a weak match, not an answer
    search(page, site_url, query)
    expect(page.locator(".help-search-empty")).to_be_visible()
    expect(page.locator(".md-search-result__meta")).to_have_text(NONE)
    expect(page.locator("li.md-search-result__item")).to_have_count(0)


def test_the_count_says_answers(page, site_url):
    search(page, site_url, "refund")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ answers$"))
    shown = page.locator("li.md-search-result__item").count()  # Material shows ten, then more as one scrolls
    assert int(page.locator(".md-search-result__meta").inner_text().split()[0]) >= shown > 1
    search(page, site_url, "amex visa")
    expect(page.locator(".md-search-result__meta")).to_have_text("1 answer")
