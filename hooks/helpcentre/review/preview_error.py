"""The page the preview shows at every address while an input file has a mistake.

`mkdocs serve` holds every request while a build fails, so an editor looking at the browser would see
nothing. Instead the preview builds this page in place of every page: each mistake with the lines
around it, the line marked. Saving the fix rebuilds the site, and live reload brings the page back.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from helpcentre.content.topics import topic_files
from helpcentre.reading.errors import Finding

CONTEXT_LINES = 2  # shown before and after the line with the mistake


def error_page_paths(content_folder: Path) -> list[str]:
    """The page of every topic file and Markdown page in `content_folder`, and the home page."""
    sources = [*topic_files(content_folder), *content_folder.rglob("*.md")]  # as content.py and site.py read them
    return sorted({"index.md", *(path.relative_to(content_folder).with_suffix(".md").as_posix()
                                 for path in sources)})


def render_error_page(findings: Sequence[Finding], project: Path) -> str:
    """Markdown of the page: every finding with its source lines. Everything shown is escaped."""
    count = f"{len(findings)} mistakes" if len(findings) != 1 else "a mistake"
    items = "\n".join(_render_finding(finding, project) for finding in findings)
    return ("---\ntitle: Fix the mistakes to see the help centre\nhide: [navigation, toc]\n---\n\n"
            f'<div class="help-preview-error" role="alert">\n'
            f"<h1>The help centre has {count}</h1>\n"
            "<p>Fix each one below and save the file: this page comes back by itself with your change. "
            "Nothing is published while a mistake remains.</p>\n"
            f"<ol>\n{items}\n</ol>\n</div>\n")


def _render_finding(finding: Finding, project: Path) -> str:
    knock_ons = "".join(f"<li>{_render_message(knock_on)}</li>" for knock_on in finding.knock_ons)
    return (f"<li>{_render_message(finding)}{_render_source(project / finding.file, finding.line)}"
            + (f'<ul class="help-preview-error__knock-ons">{knock_ons}</ul>' if knock_ons else "") + "</li>")


def _render_message(finding: Finding) -> str:
    where = finding.file + (f", line {finding.line}" if finding.line else "") + (
        f", column {finding.column}" if finding.line and finding.column else "")
    what = f"<code>{escape(finding.key)}</code>: " if finding.key else ""
    return (f'<p class="help-preview-error__message"><strong>{escape(where)}</strong><br>{what}'
            f"{escape(finding.message)}</p>")


def _render_source(path: Path, line: int | None) -> str:
    """The lines around `line`, numbered, the line itself marked; nothing if the file cannot be read."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    if not line or line > len(lines):
        return ""
    first, last = max(1, line - CONTEXT_LINES), min(len(lines), line + CONTEXT_LINES)
    width = len(str(last))
    rows = []
    for number in range(first, last + 1):
        text = escape(f"{number:>{width}}  {lines[number - 1]}")
        rows.append(f"<mark>{text}</mark>" if number == line else text)
    return '<pre class="help-preview-error__source"><code>' + "\n".join(rows) + "</code></pre>"
