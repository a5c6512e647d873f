"""Turning values into safe Markdown: text from a YAML file is always shown, never run."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

# The characters Python-Markdown lets a backslash escape ("|" with the tables extension).
_SYNTAX = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def escape(text: str) -> str:
    """Markdown for `text` shown literally: HTML and Markdown syntax are neutralised."""
    return _SYNTAX.sub(r"\\\1", html.escape(text, quote=False))


def join_words(items: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def plural(amount: int, unit: str) -> str:
    """The amount and its unit, the unit in the plural unless the amount is one."""
    return f"{amount} {unit}" if amount == 1 else f"{amount} {unit}s"


def bullet_list(items: Sequence[str]) -> str:
    """A Markdown bullet list standing as its own block."""
    return "\n\n" + "\n".join(f"- {item}" for item in items) + "\n\n"


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table standing as its own block; cells are Markdown already."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n\n" + "\n".join(lines) + "\n\n"
