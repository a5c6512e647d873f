"""A page's search sections, read as Material's search plugin reads them, several times faster.

Material's search plugin cuts each page's HTML into sections, one per heading with an id, through
Python's `html.parser`: the heaviest part of its work, about a tenth of a stock build. The HTML that
Python-Markdown writes is regular (lowercase tags, double-quoted attributes, every `<` of the text
written `&lt;`), and `page_sections` reads it with one regular expression, making the same calls on the
same state as Material's parser (material/plugins/search/plugin.py, `Parser`) and so the same sections.

Anything whose reading this does not follow exactly (a `<` that starts no plain tag, a comment, a
script or style, a kept end tag whose start was not kept, on which Material's parser fails) gives
None, and the page is read by Material's own parser instead. tests/search/test_sections.py compares
both readings, section by section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape, unescape

# Text, a plain start or end tag, or a "<" that starts anything else (which gives None).
_TOKEN = re.compile(r'([^<]+)|<(/?)([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9_:.-]*(?:="[^"<>]*")?)*)\s*(/?)>|<')
_ID = re.compile(r'(?:^|\s)id(?:="([^"]*)")?(?=\s|$)')
_CLASS = re.compile(r'(?:^|\s)class(?:="([^"]*)")?(?=\s|$)')
_EXCLUDED = re.compile(r'(?:^|\s)data-search-exclude(?:=|\s|$)')  # Material's mark: leave out of search
_ABSENT = object()
# Elements Material's parser always leaves out of search, or whose text html.parser reads raw (or
# newer Pythons' html.parser does): pages holding them are left to Material's parser.
_NOT_FOLLOWED = frozenset("script style object textarea title xmp iframe noembed noframes noscript plaintext".split())
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
_KEEP = frozenset(["p", "code", "pre", "li", "ol", "ul", "sub", "sup"])  # the tags the index keeps
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"])


@dataclass
class Section:
    """What Material's search index needs of a section (`create_entry_for_section`): its heading's id
    (None for the page's first), and its title and text as pieces of HTML."""

    tag: str  # the heading's tag, "hx" for the part before a page's first h1
    depth: float = 0  # how many elements were open at its heading; infinite once left
    id: str | None = None
    title: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    excluded: bool = False  # its heading is marked data-search-exclude: read, but not in the index


def page_sections(html: str) -> list[Section] | None:
    """The sections of a page's HTML that Material's parser puts in the index, or None if it must read
    the page itself."""
    reading = _Reading()
    for text, closing, tag, attributes, self_closing in _TOKEN.findall(html):
        if text:
            reading.text(unescape(text) if "&" in text else text)
        elif not tag or tag in _NOT_FOLLOWED:
            return None
        elif closing:
            if attributes or self_closing or not reading.end(tag):
                return None
        else:
            reading.start(tag, attributes)
            if self_closing:  # html.parser calls the end tag's handler too
                reading.end(tag)
    return [section for section in reading.sections if not section.excluded]


class _Reading:
    """Material's `Parser`, its handlers step by step, over tag names: its elements compare by tag name
    alone. So, as there, an element left out of search leaves out everything inside any open element of
    the same tag, until one such element closes."""

    def __init__(self) -> None:
        self.open: list[str] = []  # the tags of the open elements, outermost first
        self.permalinks = 0  # how many open elements are <a class="headerlink">
        self.open_permalinks: list[bool] = []
        self.skipped: set[str] = set()  # the tags of the elements left out of search
        self.skipping = False  # whether an open element's tag is one of them: its text is left out
        self.section: Section | None = None
        self.sections: list[Section] = []

    def start(self, tag: str, attributes: str) -> None:
        if tag in _VOID:
            return
        css_class = _value(_CLASS, attributes) if attributes else _ABSENT
        permalink = tag == "a" and css_class == "headerlink"
        self.open.append(tag)
        self.open_permalinks.append(permalink)
        self.permalinks += permalink
        self.skipping = self.skipping or tag in self.skipped
        excluded = bool(attributes) and _EXCLUDED.search(attributes) is not None
        if tag in _HEADINGS:
            heading_id = _value(_ID, attributes)
            if heading_id is not _ABSENT:
                depth = len(self.open)
                if tag != "h1" and not self.sections:
                    self.sections.append(Section("hx", depth))
                self.section = Section(tag, depth, heading_id if self.sections else None, excluded=excluded)
                self.sections.append(self.section)
        section = self._current()
        if excluded or css_class == "linenodiv":
            self.skipped.add(tag)  # left out of search (linenodiv: code's line numbers)
            self.skipping = True
        elif tag in _KEEP and not self.skipping:
            (section.title if section.tag in self.open else section.text).append(f"<{tag}>")

    def end(self, tag: str) -> bool:
        """False where Material's parser would fail (a kept end tag whose start it did not keep)."""
        if not self.open or self.open[-1] != tag:
            return True
        section = self.section
        if section is not None and section.depth > len(self.open):
            for outer in reversed(self.sections):  # the heading was inside the element now closing
                if outer.depth <= len(self.open):
                    section.depth = float("inf")
                    self.section = outer
                    break
        self.open.pop()
        self.permalinks -= self.open_permalinks.pop()
        if tag in self.skipped:  # one element of that tag closes: the others of that tag count again
            self.skipped.remove(tag)
        if self.skipping:
            self.skipping = any(open_tag in self.skipped for open_tag in self.open)
        elif tag in _KEEP:
            section = self.section
            pieces = section.title if section.tag in self.open else section.text
            try:
                start = pieces.index(f"<{tag}>")
            except ValueError:
                return False
            if all(piece.isspace() for piece in pieces[start + 1:]):
                del pieces[start:]  # an empty element is dropped
            else:
                pieces.append(f"</{tag}>")
        return True

    def text(self, data: str) -> None:
        if self.skipping:
            return
        preformatted = "pre" in self.open
        if not preformatted:
            data = " " if data.isspace() else data.replace("\n", " ")
        section = self._current()
        if section.tag in self.open:
            if not self.permalinks:
                section.title.append(escape(data, quote=False))
        elif data.isspace():
            if not section.text or not section.text[-1].isspace() or preformatted:
                section.text.append(data)
        else:
            section.text.append(escape(data, quote=False))

    def _current(self) -> Section:
        if self.section is None:  # text before any heading: the page's first section
            self.section = Section("hx")
            self.sections.append(self.section)
        return self.section


def _value(attribute: re.Pattern[str], attributes: str) -> object:
    """An attribute's value as html.parser gives it: the last one written, unescaped, None if it has no
    value; _ABSENT if it is not there."""
    written = list(attribute.finditer(attributes))
    if not written:
        return _ABSENT
    value = written[-1][1]
    return None if value is None else unescape(value)
