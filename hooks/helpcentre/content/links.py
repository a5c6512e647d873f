"""Links between answers and pages, checked where the editor wrote them.

MkDocs checks links too, but only once the pages are built, and it names the generated page
(`Doc file 'changes.md'`, which the editor never wrote) with no line. Here a link such as
`refunds.md#refund-tim` in content/changes.yml is checked against the topic pages, the editors' own
pages and their anchors (a question's id; a page's headings), with the file, the line and the
closest name.
"""

from __future__ import annotations

import dataclasses
import difflib
import posixpath
import re
from collections.abc import Mapping

from markdown.extensions.toc import slugify

from helpcentre.reading.errors import Finding

from .located import finding_at

# [text](target) or [text](<target> "title"); images (![...]) are links to files, checked the same way.
LINK = re.compile(r"\]\(\s*<?([^)\s>]*)>?(?:\s+[\"'][^)]*[\"'])?\s*\)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.+?)(?:[ \t]+\{[^}]*#([\w-]+)[^}]*\})?[ \t#]*$", re.MULTILINE)


def page_anchors(markdown: str) -> set[str]:
    """The anchors of an editor's Markdown page: its headings, as the toc extension names them."""
    return {explicit or slugify(title, "-") for title, explicit in _HEADING.findall(markdown)}


def check_links(text: str, page: str, file: str, first_line: int, key: str,
                anchors: Mapping[str, set[str]], files: set[str]) -> list[Finding]:
    """Every link in `text` (on `page`, written on `first_line` of `file`) that leads nowhere. `anchors`
    holds each page's anchors by page path ("refunds.md"); `files` the other files of content/."""
    found = []
    for match in LINK.finditer(text):
        target = match.group(1)
        message = _mistake(target, page, anchors, files)
        if message:
            finding = finding_at(text, match.start(1), file, first_line, key, f'link to "{target}": {message}')
            found.append(dataclasses.replace(finding, refers_to=_answer_named(target, page, anchors)))
    return found


def _resolve(path: str, page: str) -> str:
    """The page a link's path leads to, from `page`."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page


def _answer_named(target: str, page: str, anchors: Mapping[str, set[str]]) -> str:
    """"page.md#id" when `target` names an answer that its page does not have; "" for any other mistake."""
    path, _, anchor = target.partition("#")
    resolved = _resolve(path, page)
    return f"{resolved}#{anchor}" if anchor and anchor not in anchors.get(resolved, {anchor}) else ""


def _mistake(target: str, page: str, anchors: Mapping[str, set[str]], files: set[str]) -> str | None:
    if not target:
        return "the link has no address; expected a page such as refunds.md or refunds.md#refund-time"
    if _SCHEME.match(target) or target.startswith("//"):
        return None  # another site, an email address: not a page of this help centre
    path, _, anchor = target.partition("#")
    if path.startswith("/"):
        return (f"link to the page's file, such as {_suggest(path.strip('/'), anchors)}: an address starting "
                "with / breaks when the site moves")
    resolved = _resolve(path, page)
    if resolved not in anchors:
        if resolved in files:
            return None if not anchor else "a file has no anchors; leave out the # and what follows it"
        topic_of = _page_with(anchor, anchors) if anchor else None
        if path.endswith("/") or "." not in posixpath.basename(path):
            return f"link to the page's file: {_suggest(path.strip('/') + '.md', anchors)}" + (
                f"#{anchor}" if anchor else "")
        close = difflib.get_close_matches(resolved, anchors, n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        if topic_of:
            hint = f"; the answer with id {anchor} is on {topic_of}"
        return f"there is no page {resolved}{hint}"
    if anchor and anchor not in anchors[resolved]:
        elsewhere = _page_with(anchor, anchors)
        if elsewhere:
            return f"the answer with id {anchor} is on {elsewhere}, not {resolved}: link to {elsewhere}#{anchor}"
        close = difflib.get_close_matches(anchor, anchors[resolved], n=1)
        hint = f"; did you mean {close[0]}?" if close else ""
        return f"no answer with id {anchor} on {resolved}{hint}"
    return None


def _page_with(anchor: str, anchors: Mapping[str, set[str]]) -> str | None:
    return next((page for page, names in sorted(anchors.items()) if anchor in names), None)


def _suggest(path: str, anchors: Mapping[str, set[str]]) -> str:
    if path in anchors:
        return path
    close = difflib.get_close_matches(path, anchors, n=1)
    return close[0] if close else path
