"""A strict Content-Security-Policy for the built site, computed from the HTML the build wrote.

Scripts and styles may come only from the site itself, or be one of the inline blocks the site emits
(Material's small __md_scope, palette and tab scripts), each allowed by the sha256 hash of its text.
Nothing else runs: an injected `<script>`, an `onclick=` or a `style=` attribute is blocked.

The same policy reaches the browser two ways: as a `_headers` file (Netlify, Cloudflare Pages) and
as the first element of every page's <head>, a <meta http-equiv> (GitHub Pages cannot send headers).
A <meta> policy cannot hold `frame-ancestors` (browsers ignore it there), so only the header has it.

JSON blocks (Material's `<script id="__config" type="application/json">`, the FAQ's
`application/ld+json`) are data: the HTML standard's "prepare the script element" stops at a type
that is not JavaScript before it asks CSP anything, so they need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HEADERS_FILE = "_headers"
META_NAME = "Content-Security-Policy"

# The type values that make a <script> run (HTML's "JavaScript MIME type essence match", plus
# module and importmap); any other type is a data block.
_RUNNING_TYPES = {"", "module", "importmap", "application/ecmascript", "application/javascript",
                  "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/javascript",
                  "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
                  "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
                  "text/x-ecmascript", "text/x-javascript"}
# Pages are read and written as bytes (as the build wrote them, with the line breaks that reading them as
# text gives): the patterns below are bytes patterns, ASCII case-insensitive as HTML's tag and attribute
# names are.
_START_TAG = re.compile(rb"<(script|style)(\s[^>]*)?>", re.IGNORECASE)
_END_TAG = {name: re.compile(rb"</" + name + rb"\s*>", re.IGNORECASE) for name in (b"script", b"style")}
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*/?>""")
# A quick look before the full scan, in the page lowercased (bytes lowercase several times faster than
# text): the attribute's name after a space, found by a fast search for its first letters.
_MAYBE_BLOCKED = (re.compile(rb"style(?<=\sstyle)\s*="), re.compile(rb"on(?<=\son)[a-z]+\s*="))
_HEAD = re.compile(rb"<head(\s[^>]*)?>", re.IGNORECASE)
_OLD_META = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


@dataclass(frozen=True)
class InlineCode:
    """The inline scripts and styles of a set of pages, as CSP hash sources ('sha256-...')."""

    scripts: frozenset[str] = frozenset()
    styles: frozenset[str] = frozenset()

    def __or__(self, other: InlineCode) -> InlineCode:
        return InlineCode(self.scripts | other.scripts, self.styles | other.styles)


def hash_source(text: str | bytes) -> str:
    """The CSP source that allows exactly this inline script or style: 'sha256-<base64>'.

    Browsers hash the element's text as parsed (UTF-8), and the parser turns CR LF into LF."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    digest = hashlib.sha256(data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _attributes(text: str | None) -> dict[str, str]:
    found = {}
    for name, value in _ATTRIBUTE.findall(text or ""):
        found.setdefault(name.lower(), html.unescape(value.strip("\"'")))
    return found


def _inline_blocks(page: bytes) -> Iterator[tuple[bytes, bytes | None, int, int]]:
    """The inline <script> and <style> elements of a page, in order, as (tag, attributes, where their text
    starts and ends): from a start tag to the first end tag of the same name after it."""
    position = 0
    while start := _START_TAG.search(page, position):
        if end := _END_TAG[start[1].lower()].search(page, start.end()):
            yield start[1], start[2], start.end(), end.start()
            position = end.end()
        else:  # not an element after all; another may start inside the tag (<script title="<style>">)
            position = start.start() + 1


def find_inline_code(page: bytes) -> InlineCode:
    """The hashes of the inline scripts that run and of the inline style blocks on one page (its UTF-8)."""
    scripts, styles = set(), set()
    for tag, attributes, start, end in _inline_blocks(page):
        if tag.lower() == b"style":
            styles.add(hash_source(page[start:end]))
            continue
        values = _attributes(attributes.decode() if attributes else None)
        if "src" not in values and values.get("type", "").strip().lower() in _RUNNING_TYPES:
            scripts.add(hash_source(page[start:end]))
    return InlineCode(frozenset(scripts), frozenset(styles))


def find_blocked_attributes(page: bytes) -> list[str]:
    """The `style=` and `on...=` attributes of a page (its UTF-8), which the policy blocks: each as its tag."""
    lowered = page.lower()
    if not any(pattern.search(lowered) for pattern in _MAYBE_BLOCKED):
        return []
    outside_code, position = [], 0  # the page without the text of its inline scripts and styles
    for _, _, start, end in _inline_blocks(page):
        outside_code.append(page[position:start])
        position = end
    outside_code.append(page[position:])
    blocked = []
    for tag in _TAG.finditer(b"".join(outside_code).decode()):
        names = {name.lower() for name, _ in _ATTRIBUTE.findall(tag[2])}
        if "style" in names or any(name.startswith("on") for name in names):
            blocked.append(tag[0] if len(tag[0]) <= 120 else tag[0][:117] + "...")
    return blocked


def content_security_policy(inline: InlineCode, *, header: bool) -> str:
    """The policy as one line; `header` adds what only an HTTP header can carry (frame-ancestors)."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *sorted(inline.scripts)],
        "style-src": ["'self'", *sorted(inline.styles)],
        "img-src": ["'self'", "data:"],  # Material's icons are SVG data: URLs in its stylesheet
        "font-src": ["'self'"],
        "connect-src": ["'self'"],  # the search index, and the pages instant navigation fetches
        "worker-src": ["'self'"],  # Material's search worker, loaded from its own file
        "form-action": ["'self'"],  # the 404 page's search form goes to the home page
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
    }
    if header:
        directives["frame-ancestors"] = ["'none'"]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def headers_file(policy: str) -> str:
    """The `_headers` file of Netlify and Cloudflare Pages: the policy on every path."""
    return f"/*\n  {META_NAME}: {policy}\n"


def add_policy_meta(page: bytes, policy: str) -> bytes:
    """The page with the policy as the first element of its <head> (replacing the one put there before)."""
    head = _HEAD.search(page)
    if head is None:
        raise ValueError("the page has no <head>")
    rest = head.end()
    if old := _OLD_META.match(page, rest):
        rest = old.end()
    content = html.escape(policy, quote=False).replace('"', "&quot;")  # its ' stay as they are: shorter
    meta = f'<meta http-equiv="{META_NAME}" content="{content}">'.encode()
    return b"".join((page[:head.end()], meta, page[rest:]))


def read_page(path: Path) -> bytes:
    """A page's bytes, with its line breaks as reading it as text gives them (CR LF and CR become LF)."""
    page = path.read_bytes()
    return page.replace(b"\r\n", b"\n").replace(b"\r", b"\n") if b"\r" in page else page


@dataclass(frozen=True)
class PolicyReport:
    policy: str  # as in <meta>
    blocked: dict[str, list[str]]  # page path -> attributes the policy blocks


def apply_content_security_policy(site: Path, *, write: bool = True) -> PolicyReport:
    """Hash the inline code of every HTML page of a built site, then write the one policy that allows
    all of it into each page and into `_headers` (unless not `write`). Pages are read once and
    rewritten only after all of them are hashed."""
    pages = {path: read_page(path) for path in sorted(site.rglob("*.html"))}
    inline = InlineCode()
    blocked = {}
    for path, page in pages.items():
        inline |= find_inline_code(page)
        if found := find_blocked_attributes(page):
            blocked[path.relative_to(site).as_posix()] = found
    meta_policy = content_security_policy(inline, header=False)
    if not write:
        return PolicyReport(meta_policy, blocked)
    for path, page in pages.items():
        path.write_bytes(add_policy_meta(page, meta_policy))
    (site / HEADERS_FILE).write_text(headers_file(content_security_policy(inline, header=True)), encoding="utf-8")
    return PolicyReport(meta_policy, blocked)
