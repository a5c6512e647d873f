"""The built site, as a shopper reads it: every policy value shown, links that work, no outside requests."""

from __future__ import annotations

import functools
import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, SHOPS, Build, build_project, copy_project
from helpcentre.content.topics import load_topics
from helpcentre.policy.policies import Policies, load_policies

CONTENT = ROOT / "content"


def visible_texts(rendered: str) -> list[str]:
    """What a shopper reads of a rendered placeholder: each paragraph, list item or table cell."""
    fragment = BeautifulSoup(markdown.markdown(rendered, extensions=["tables"]), "html.parser")
    blocks = fragment.find_all(["li", "td"]) or [fragment]
    return [" ".join(block.get_text(" ").split()) for block in blocks]


def policy_texts(policies: Policies) -> dict[str, list[str]]:
    """Placeholder name -> the texts of its value that must appear on the site (an empty value shows nothing)."""
    return {name: [text for text in visible_texts(value) if text] for name, value in policies.placeholders().items()}


def leaves(values: object, path: str = "") -> dict[str, object]:
    """Every value of a policies dict by dotted path, lists and records flattened."""
    if isinstance(values, dict):
        return {k: v for name, value in values.items() for k, v in leaves(value, f"{path}.{name}").items()}
    if isinstance(values, list):
        return {k: v for n, value in enumerate(values) for k, v in leaves(value, f"{path}[{n}]").items()}
    return {path.lstrip("."): values}


def missing_values(built: Build, policies: Policies) -> dict[str, list[str]]:
    text = built.text()
    found = {name: [t for t in texts if t not in text] for name, texts in policy_texts(policies).items()}
    return {name: texts for name, texts in found.items() if texts}


def zone_rows(page: BeautifulSoup) -> list:
    """The rows of the delivery times table (not those of the last order dates)."""
    return [row for row in page.select("table tr")
            if row.find("td") and not row.find_parent(class_="last-order-dates")]


def site_url(built: Build) -> str:
    """The site_url of the built project's mkdocs.yml: absolute links to it are links within the site."""
    return _site_url(built.project / "mkdocs.yml")


@functools.cache
def _site_url(config: Path) -> str:
    return yaml.safe_load(config.read_text(encoding="utf-8"))["site_url"]


_ANCHORS: dict[Path, dict[str, set[str]]] = {}


def anchors(built: Build) -> dict[str, set[str]]:
    """Page path -> the ids of its elements (computed once per built site)."""
    if built.site not in _ANCHORS:
        _ANCHORS[built.site] = {path: {tag["id"] for tag in page.find_all(id=True)}
                                for path, page in built.pages.items()}
    return _ANCHORS[built.site]


def unresolved(built: Build, page: str, url: str) -> str | None:
    """Why a link written on `page` (a site path) does not resolve, or None when it does or leads
    to another site. Relative, root-relative and absolute links to site_url are followed; a fragment
    must be the id of an element of the target page."""
    home = site_url(built)
    if url.startswith(home):
        page, url = "index.html", url[len(home):]
    parts = urlsplit(url)
    if parts.scheme or url.startswith("//"):
        return None
    if parts.path.startswith("/"):  # root-relative, as on the 404 page (site_url's path is /)
        target = PurePosixPath(unquote(parts.path).lstrip("/"))
    else:
        target = PurePosixPath(page).parent / unquote(parts.path) if parts.path else PurePosixPath(page)
    normalised = _normalised(target.parts)
    if normalised is None:
        return "leads above the site's root"
    target_path = str(PurePosixPath(*normalised))
    file = built.site / target_path
    if file.is_dir() or parts.path.endswith("/"):
        target_path = str(PurePosixPath(target_path) / "index.html")
        file = built.site / target_path
    if not file.is_file():
        return "no such page"
    if parts.fragment and target_path in built.pages and unquote(parts.fragment) not in anchors(built)[target_path]:
        return "no such anchor"
    return None


def broken_links(built: Build) -> list[str]:
    """Every internal link, anchor, form target or loaded file in the built HTML that does not resolve."""
    broken = []
    for path, page in built.pages.items():
        for tag in page.find_all(["a", "link", "script", "img", "form", "source", "iframe"]):
            url = tag.get("href") or tag.get("src") or tag.get("action")
            if url and (problem := unresolved(built, path, url)):
                broken.append(f"{path}: {url} ({problem})")
    return broken


def _normalised(parts: tuple[str, ...]) -> list[str] | None:
    stack: list[str] = []
    for part in parts:
        if part == "..":
            if not stack:
                return None
            stack.pop()
        elif part not in (".", ""):
            stack.append(part)
    return stack


def outside_requests(built: Build) -> list[str]:
    """Every resource a page would load from another host."""
    found = []
    for path, page in built.pages.items():
        for tag in page.find_all(["script", "link", "img", "iframe", "source", "audio", "video"]):
            loaded = tag.name != "link" or {"canonical", "alternate"}.isdisjoint(tag.get("rel", []))
            url = tag.get("src") or (tag.get("href") if tag.name == "link" and loaded else None)
            if url and (urlsplit(url).scheme in ("http", "https") or url.startswith("//")):
                found.append(f"{path}: {url}")
    return found


# The repository's own shop -------------------------------------------------------------------------

def test_the_build_passes_strict_without_warnings(site):
    assert "WARNING" not in site.output
    assert site.pages, "the build wrote no pages"


def test_every_policy_value_appears_on_a_page(site, british_words):
    assert missing_values(site, load_policies(ROOT / "policies.yaml")) == {}


def test_each_question_is_its_own_heading_with_a_stable_anchor(site):
    for topic in load_topics(CONTENT):
        page = site.pages[f"{topic.slug}/index.html"]
        assert page.h1.get_text(strip=True).rstrip("¶") == topic.title
        for question in topic.questions:
            heading = page.find(id=question.id)
            assert heading is not None and heading.name == "h2", question.id
            assert " ".join(heading.get_text(" ").split()).rstrip("¶ ") == " ".join(question.question.split())


def test_the_home_page_links_every_topic_and_the_calculator(site):
    home = site.pages["index.html"]
    links = {a["href"].strip("./").rstrip("/") for a in home.select("article a[href]")}
    assert {topic.slug for topic in load_topics(CONTENT)} <= links
    assert "order-dates" in links


def test_every_page_offers_the_contact_email(site):
    email = load_policies(ROOT / "policies.yaml")["shop.email"]
    for path, page in site.pages.items():
        assert page.select_one(f'a[href="mailto:{email}"]'), path


def test_every_link_and_anchor_resolves(site):
    assert "404.html" in site.pages
    assert broken_links(site) == []


@pytest.mark.parametrize("page, url, problem", [
    ("returns/index.html", "../refunds/#refund-time", None),
    ("returns/index.html", "#return-window", None),
    ("404.html", "/returns/#return-window", None),
    ("index.html", "https://help.jjsart.co.uk/returns/#return-window", None),
    ("index.html", "https://example.com/nowhere/", None),  # another site: not ours to check
    ("returns/index.html", "../refund/", "no such page"),
    ("returns/index.html", "../refunds/#refund-tim", "no such anchor"),
    ("returns/index.html", "#nowhere", "no such anchor"),
    ("404.html", "/assets/missing.js", "no such page"),
    ("index.html", "https://help.jjsart.co.uk/returnz/", "no such page"),
    ("index.html", "../../x/", "leads above the site's root"),
])
def test_a_broken_link_is_told_apart(site, page, url, problem):
    assert unresolved(site, page, url) == problem


def test_every_search_result_leads_to_a_page_and_its_anchor(site, search_index):
    assert search_index["docs"]
    broken = [doc["location"] for doc in search_index["docs"] if unresolved(site, "index.html", doc["location"])]
    assert broken == []


def test_the_sitemap_lists_every_page_and_each_entry_resolves(site):
    sitemap = ElementTree.parse(site.site / "sitemap.xml")
    locations = [loc.text.strip() for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert [loc for loc in locations if unresolved(site, "index.html", loc) or not loc.startswith(site_url(site))] == []
    pages = {path.removesuffix("index.html") for path in site.pages if path != "404.html"}
    assert {loc.removeprefix(site_url(site)) for loc in locations} == pages


def test_no_page_loads_anything_from_another_host(site):
    assert outside_requests(site) == []
    assert "fonts.googleapis.com" not in site.files_text()
    assert "fonts.gstatic.com" not in site.files_text()


def test_topic_sources_are_not_published(site):
    assert not list(site.site.rglob("*.yml"))


def test_delivery_times_are_a_table_built_from_the_zones(site):
    policies = load_policies(ROOT / "policies.yaml")
    table = next(row.find_parent("table") for row in zone_rows(site.pages["delivery/index.html"]))
    rows = [[cell.get_text(strip=True) for cell in row.find_all("td")]
            for row in zone_rows(site.pages["delivery/index.html"])]
    # The shop's home country, in the zone for everywhere else, is named first.
    assert [row[0] for row in rows] == ["United Kingdom", *(zone["name"] for zone in policies["delivery.zones"])]
    assert "calendar days" in table.find("th", string=lambda text: "Delivery time" in text).get_text()


# Every value changed -------------------------------------------------------------------------------

def test_the_mutated_policies_change_every_value():
    old = leaves(load_policies(ROOT / "policies.yaml").values)
    new = leaves(load_policies(SHOPS / "mutated.yaml").values)
    # a value neither shop gives (a restocking fee, the refund time in calendar days) has nothing to change
    unchanged = {path for path in old if path in new and old[path] == new[path] is not None}
    assert unchanged == set()


def test_after_a_change_every_new_value_appears(mutated_site, british_words):
    assert "WARNING" not in mutated_site.output
    assert missing_values(mutated_site, load_policies(SHOPS / "mutated.yaml")) == {}


def test_after_a_change_no_old_value_remains_anywhere(mutated_site, british_words):
    for page in mutated_site.pages.values():
        for select in page.find_all("select"):
            select.decompose()  # a country picker lists every country, whatever the zones are
    text = mutated_site.text()
    files = mutated_site.files_text()
    stale = []
    for name, texts in policy_texts(load_policies(ROOT / "policies.yaml")).items():
        for old in texts:
            pattern = re.compile(rf"(?<![\w@.]){re.escape(old)}(?![\w])")
            # Figures with a unit and addresses must be gone from every file, data included.
            figure = re.search(r"\d.*[a-z]", old) or "@" in old
            if pattern.search(text) or (figure and pattern.search(files)):
                stale.append(f"{name}: {old}")
    assert stale == [], "\n".join(stale)


# Another shop on the same code ---------------------------------------------------------------------

def test_a_second_shop_builds_with_the_same_content(second_shop, british_words):
    assert "WARNING" not in second_shop.output
    assert missing_values(second_shop, load_policies(SHOPS / "second-shop.yaml")) == {}
    assert broken_links(second_shop) == []
    assert outside_requests(second_shop) == []
    assert len(zone_rows(second_shop.pages["delivery/index.html"])) == 3  # Ireland, its home, is a zone of its own


def test_text_that_looks_like_html_is_shown_not_run(second_shop):
    text = second_shop.text()
    assert "</script><script>alert('reason')</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "Brush <b>&</b> Co" in text
    for path, page in second_shop.pages.items():
        for script in page.find_all("script"):
            if script.get("type") == "application/ld+json":  # data, not run: see test_structured_data.py
                continue
            assert "alert(" not in (script.string or ""), path
        assert not page.select("img[onerror]"), path
        assert not page.select('a[href^="http://evil"]'), path


# Bad input stops the build -------------------------------------------------------------------------

@pytest.mark.parametrize("file, old, new, message", [
    ("policies.yaml", "  window_days: 14", "  window_days: two weeks",
     'returns.window_days: expected a whole number of days, at least 1; got "two weeks"'),
    ("content/returns.yml", "{{ returns.condition }}", "{{ returns.conditionz }}",
     'unknown placeholder "{{ returns.conditionz }}"'),
    ("content/order-dates.md", "{{ returns.deadline }}", "{{ return.deadline }}",
     'content/order-dates.md:'),
    ("content/returns.yml", "questions:", "questions:\n  - id: Bad Id\n    question: Why?\n    answer: Because.",
     "expected an id of lowercase words and digits joined by hyphens"),
    ("content/notice.yml", "until {{ until }}:", "until {{ till }}:",
     'content/notice.yml:9: peak_season: unknown placeholder "{{ till }}"; expected one of {{ until }}, '
     "{{ extra_days }}"),
    ("content/notice.yml", "closure_now:", "closure_later:", "closure_later: unknown key"),
    ("policies.yaml", "      arrive_by: 24 December", "      arrive_by: 30 February",
     'delivery.target_dates[1].arrive_by: expected a day and month that comes every year'),
])
def test_a_mistake_stops_the_build_with_one_message_and_writes_nothing(tmp_path, file, old, new, message):
    project = copy_project(tmp_path)
    path = project / file
    source = path.read_text(encoding="utf-8")
    assert old in source
    path.write_text(source.replace(old, new, 1), encoding="utf-8")
    built = build_project(project)
    assert built.returncode != 0
    assert message in built.output
    assert "Traceback" not in built.output
    errors = [line for line in built.output.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and file in errors[0], built.output
    assert not built.site.exists() or not any(built.site.rglob("*.html"))
