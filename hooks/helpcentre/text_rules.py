"""Rules for the text editors write (questions, answers and Markdown pages), checked before it is published.

Each rule reads one text with the file and line it starts on, and returns the `Finding`s it has;
`check_text` runs them all. A policy figure must come from policies.yaml through a placeholder, so
that a changed value changes every page: a figure typed into an answer is refused.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from .errors import Finding
from .placeholders import PLACEHOLDER

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "twenty": 20, "thirty": 30}
_NUMBER = rf"(?:\d+|{'|'.join(NUMBER_WORDS)})"
FIGURE = re.compile(
    rf"\b({_NUMBER})(?:\s*(?:-|to|–)\s*({_NUMBER}))?[\s-]*"
    r"((?:working |business |calendar |extra )?(?:hour|day|week))s?\b",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
EXAMPLE_DOMAIN = re.compile(r"@example\.(?:com|org|net)$")  # reserved for documentation (RFC 2606)

Rule = Callable[[str, Mapping[str, str]], Iterator[tuple[int, str]]]  # (offset in the text, message) per finding


def check_text(text: str, file: str, first_line: int, key: str, values: Mapping[str, str]) -> list[Finding]:
    """Every finding of every rule in `text`, which starts on `first_line` of `file`; `values` are the
    rendered placeholders (for suggestions)."""
    bare = PLACEHOLDER.sub(lambda match: " " * len(match.group(0)), text)  # placeholders are not typed text
    return [Finding(file, first_line + text.count("\n", 0, offset), key, message)
            for rule in RULES for offset, message in rule(bare, values)]


def _typed_figures(text: str, values: Mapping[str, str]) -> Iterator[tuple[int, str]]:
    for match in FIGURE.finditer(text):
        same = [f"{{{{ {name} }}}}" for name, value in values.items()
                if any(_figure(m) == _figure(match) for m in FIGURE.finditer(value))]
        hint = f"; did you mean {' or '.join(same)}?" if same else ""
        yield match.start(), (f'"{match.group(0)}" is a figure typed into the text; expected a placeholder from '
                              f"policies.yaml, so that the page changes when the policy does{hint}")


def _typed_emails(text: str, values: Mapping[str, str]) -> Iterator[tuple[int, str]]:
    for match in EMAIL.finditer(text):
        if not EXAMPLE_DOMAIN.search(match.group(0)):
            yield match.start(), (f'"{match.group(0)}" is an email address typed into the text; expected '
                                  "{{ shop.email }}, so that it changes when policies.yaml does")


def _figure(match: re.Match[str]) -> tuple[int, int, str]:
    """A figure as (from, to, unit): written with a hyphen or a space, in digits or words, it is the same."""
    low = _number(match.group(1))
    high = _number(match.group(2)) if match.group(2) else low
    return low, high, match.group(3).lower()


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


RULES: list[Rule] = [_typed_figures, _typed_emails]
