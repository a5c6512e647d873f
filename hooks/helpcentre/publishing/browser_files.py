"""The site's own browser files: scripts as browsers get them, and names that change with the content.

A file named by a hash of its content can be cached for ever: new content means a new name, hence new
pages that load it by that name.
"""

from __future__ import annotations

import hashlib


def without_comment_lines(code: str) -> str:
    """A script as browsers get it: its lines of `//` comments stay home (they are a quarter of the bytes).
    Only whole lines go, and none if a template literal runs over lines, where such a line is text."""
    lines = code.splitlines()
    if any(line.count("`") % 2 for line in lines):
        return code
    return "\n".join(line for line in lines if not line.lstrip().startswith("//")).strip() + "\n"


def hashed_name(name: str, content: str) -> str:
    """'page.js' -> 'page.3f2a9c1e.js'."""
    stem, suffix = name.rsplit(".", 1)
    return f"{stem}.{hashlib.sha256(content.encode('utf-8')).hexdigest()[:10]}.{suffix}"
