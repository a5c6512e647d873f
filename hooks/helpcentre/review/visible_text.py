"""What a shopper reads on a built site: each page's text by section, the text around every page, and
the words search finds each question by. Read from the finished HTML, so that whatever produced a
sentence (a policy value, a template, the hook), the text is the one a shopper sees."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from .text_diff import sentences

INTRO = ""  # the key of a page's text before its first question
END = "(end of page)"  # the key of the closing "Still need help?" lines of a topic page
_BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd", "caption", "pre", "label", "legend",
           "button", "div", "form", "table", "ul", "ol", "blockquote", "details", "summary", "fieldset"}
_BREAK = "\x00"  # where a block of text ends
_WHOLE = "\x01"  # a block of text read as one unit
_WHOLE_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "tr", "label", "legend", "button", "caption", "summary"}
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">.*?</article>', re.S)
_H2_ID = re.compile(r'<h2 id="([^"]+)"')
_SELECT = re.compile(r"<select\b.*?</select>", re.S)  # the long country list of a check: its options aren't read
_NOT_SHOWN = "script, style, template, option, a.headerlink"  # option: the long country list of a check


@dataclass
class Section:
    """A question (an h2 with its id and what follows it), or the text before the first one."""

    key: str
    heading: str
    units: list[str] = field(default_factory=list)  # sentences, table rows, labels, in reading order


@dataclass
class Page:
    """A built page's content, read (parsed) only when asked: most pages are the same in two versions."""

    path: str  # "returns/", "" for the home page, "404.html"
    html: str  # the content's HTML, as built

    @functools.cached_property
    def _read(self) -> tuple[str, dict[str, Section]]:
        return read_page(BeautifulSoup(_SELECT.sub("", self.html), "html.parser").article)

    @property
    def title(self) -> str:
        return self._read[0]

    @property
    def sections(self) -> dict[str, Section]:
        return self._read[1]

    @property
    def anchors(self) -> list[str]:
        """The anchors of its questions (and other h2 headings), without reading the page."""
        return _H2_ID.findall(self.html)


@dataclass
class SiteText:
    pages: dict[str, Page]
    around: list[str]  # the text on every page around the content: the site's name, the contact line
    menu: list[str]  # the menu's entries, in order
    keywords: dict[str, list[str]]  # "returns/#return-window" -> the words search finds it by


def read_site(site: Path) -> SiteText:
    """The shopper-visible text of every page of a built site."""
    pages = {}
    for file in sorted(site.rglob("*.html")):
        found = _ARTICLE.search(file.read_text(encoding="utf-8"))  # parsing only the content is much faster
        if found is None:
            continue
        path = file.relative_to(site).as_posix().removesuffix("index.html")
        pages[path] = Page(path, found.group(0))
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    around = [unit for selector in (".md-header__topic", ".help-contact", "footer")
              for element in home.select(selector)[:1] for unit in text_units(element)]
    menu: list[str] = []
    for item in home.select("nav.md-nav--primary > ul > li > a, nav.md-nav--primary > ul > li > label"):
        entry = " ".join(item.get_text(" ").split())
        if not menu or menu[-1] != entry:
            menu.append(entry)
    return SiteText(pages, around, menu, read_keywords(site / "search" / "search_index.json"))


def read_page(article: Tag) -> tuple[str, dict[str, Section]]:
    """A page's title and sections: the introduction, each h2 with what follows it, and the closing lines."""
    for hidden in article.select(_NOT_SHOWN):
        hidden.decompose()
    heading = article.find("h1")
    title = " ".join(heading.get_text(" ").split()) if heading else ""
    sections = {INTRO: Section(INTRO, title)}
    current = sections[INTRO]
    for element in list(article.children):  # a copy: text_units adds marks beside the element
        if isinstance(element, Tag) and element.name == "h2":
            key = element.get("id") or " ".join(element.get_text(" ").split())
            current = sections[key] = Section(key, " ".join(element.get_text(" ").split()))
            continue
        if isinstance(element, Tag) and "help-still" in (element.get("class") or []):
            current = sections[END] = Section(END, "")
        current.units.extend(text_units(element))
    return title, sections


def text_units(element: Tag | NavigableString) -> list[str]:
    """The element's text as a shopper reads it: a unit per sentence, per table row (cells joined by "|"),
    per label; an email button also shows the subject and body of the email it opens."""
    if isinstance(element, NavigableString):
        return sentences(str(element))
    # Marks are added to the element (it is read once): where blocks end, and which are read whole.
    for text in element.find_all(string=True):
        text.replace_with(text.replace("\n", " "))  # the source's line breaks are spaces
    for link in element.select('a.md-button[href^="mailto:"]'):
        link.append(f" (the email it opens: {_email_text(link['href'])})")
    for cell in element.select("td, th"):
        cell.insert_before(NavigableString(" | "))
    for block in [element, *element.find_all(_BLOCKS)] if element.name in _BLOCKS else element.find_all(_BLOCKS):
        block.insert_before(NavigableString(_BREAK))
        block.append(NavigableString(_BREAK))
        if block.name in _WHOLE_BLOCKS or block.name == "li" and block.find_parent(class_="help-related"):
            block.insert(0, NavigableString(_WHOLE))  # a heading, a label, a row: one unit, however many sentences
    units = []
    for line in element.get_text().split(_BREAK):
        text = " ".join(line.replace(_WHOLE, " ").split()).removeprefix("| ")
        units.extend([text] if _WHOLE in line and text else sentences(text))
    return units


def _email_text(href: str) -> str:
    query = parse_qs(urlsplit(href).query)
    subject = query.get("subject", [""])[0]
    body = " / ".join(line.strip() for line in query.get("body", [""])[0].splitlines() if line.strip())
    return f"subject “{subject}”, text “{body}”"


def read_keywords(index_file: Path) -> dict[str, list[str]]:
    """Each question's search keywords, by its page and anchor; none for an index without them."""
    if not index_file.exists():
        return {}
    found = {}
    for doc in json.loads(index_file.read_text(encoding="utf-8"))["docs"]:
        if "keywords" in doc:
            parts = urlsplit(doc["location"])
            found[f"{parts.path}#{parts.fragment}"] = list(doc["keywords"])
    return found
