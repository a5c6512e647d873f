"""Filling `{{ name }}` placeholders in editors' Markdown, refusing any unknown name."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Mapping

from helpcentre.reading.errors import Findings

from .located import finding_at

PLACEHOLDER = re.compile(r"\{\{\s*(.*?)\s*\}\}")


@functools.lru_cache(maxsize=4096)  # the text rules and the copy check both read each text so
def without_placeholders(text: str) -> str:
    """`text` as the editor typed it, each placeholder a word of as many letters: the rules for typed text
    read it without mistaking a placeholder's name for words, and offsets and indentation stay."""
    return PLACEHOLDER.sub(lambda match: "x" * len(match.group(0)), text)


def fill_placeholders(text: str, values: Mapping[str, str], file: str, first_line: int, key: str = "") -> str:
    """`text` with every placeholder replaced by its value; `first_line` is the file line of `text`.
    Raises `DataError` naming every unknown placeholder."""
    found = Findings()

    def value_of(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in values:
            return values[name]
        close = difflib.get_close_matches(name, values, n=1)
        hint = f'; did you mean "{{{{ {close[0]} }}}}"?' if close else ""
        found.add(finding_at(text, match.start(), file, first_line, key,
                             f'unknown placeholder "{match.group(0)}"; expected one of the names listed in '
                             f"docs/editors.md (policy values from policies.yaml){hint}"))
        return match.group(0)

    filled = PLACEHOLDER.sub(value_of, text)
    found.raise_errors()
    return filled
