"""Rules for the text editors write (questions, answers and Markdown pages), checked before it is published.

Each rule reads one text with the file and line it starts on, and returns the `Finding`s it has;
`check_text` runs them all. A policy figure must come from policies.yaml through a placeholder, so
that a changed value changes every page: a figure typed into an answer is refused. So is anything that
would be published other than the editor meant: a placeholder with a brace too few or too many (shown
as written), a paragraph indented into a code box.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from helpcentre.reading.errors import Finding

from .placeholders import without_placeholders

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "twenty": 20, "thirty": 30}
_NUMBER = rf"(?:\d+|{'|'.join(NUMBER_WORDS)})"
_FIGURE = (rf"\b({_NUMBER})(?:\s*(?:-|to|–)\s*({_NUMBER}))?[\s-]*"
           r"((?:working |business |calendar |extra )?(?:hour|day|week))s?\b")
FIGURE = re.compile(_FIGURE, re.IGNORECASE)
_LOWERCASE_FIGURE = re.compile(_FIGURE)  # for lowercased text: without IGNORECASE, three times faster
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
EXAMPLE_DOMAIN = re.compile(r"@example\.(?:com|org|net)$")  # reserved for documentation (RFC 2606)

# A name such as shop.email or returns.window_days, with the braces and spaces around it.
_BRACED_NAME = re.compile(r"(\{*)[ \t]*(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(?![\w/#-]|\.\w)[ \t]*(\}*)")
_WHOLE_PLACEHOLDER = re.compile(r"\{\{[ \t]*[A-Za-z_][\w.]*[ \t]*\}\}")  # one well-formed placeholder
_NAME_DOT = re.compile(r"\.[A-Za-z_]")  # in every name: _BRACED_NAME is tried only around these
# A well-formed placeholder with no brace beside it: a text with neither a brace nor a name's dot left once
# these are taken out has no stray braces, and needs no closer look (most texts).
_LONE_PLACEHOLDER = re.compile(r"\{\{(?<!\{\{\{)[ \t]*[A-Za-z_][\w.]*[ \t]*\}\}(?!\})")
_LIST_ITEM = re.compile(r"(?:[-*+]|[0-9]+[.)])[ \t]")
_FENCE = re.compile(r"(?:```|~~~)")
_SPACED_LINK = re.compile(r"\[[^\]\n]+\][ \t]+\((?=[^)\s]*(?:\.md|#|://|mailto:)[^)\s]*\))")  # [text] (page.md)
_UNCLOSED_LINK = re.compile(r"\[[^\]\n]+\]\([^)\n]*$", re.MULTILINE)  # [text](page.md with no ")"

Rule = Callable[[str, Mapping[str, str]], Iterator[tuple[int, str]]]  # (offset in the text, message) per finding


def check_text(text: str, file: str, first_line: int, key: str, values: Mapping[str, str]) -> list[Finding]:
    """Every finding of every rule in `text`, which starts on `first_line` of `file`; `values` are the
    rendered placeholders (for suggestions)."""
    bare = without_placeholders(text)
    return [Finding(file, first_line + text.count("\n", 0, offset), key, message)
            for rules, checked in ((RULES, bare), (SOURCE_RULES, text))
            for rule in rules for offset, message in rule(checked, values)]


def _stray_braces(text: str, values: Mapping[str, str]) -> Iterator[tuple[int, str]]:
    """A placeholder with a brace too few or too many, or none, is published as written."""
    rest = _LONE_PLACEHOLDER.sub("", text)
    if "{" not in rest and "}" not in rest and not _NAME_DOT.search(rest):
        return
    for match in braced_names(text):
        opening, name, closing = match.groups()
        if opening == "{{" and closing == "}}":
            continue
        written = match.group(0).strip()
        if opening or closing:
            yield match.start(), (f'"{written}" would be published as written: a placeholder has two braces on '
                                  f"each side, {{{{ {name} }}}}")
        elif name in values and not _WHOLE_PLACEHOLDER.fullmatch(written):
            yield match.start(2), (f'"{name}" would be published as written; to show its value, write it as a '
                                   f"placeholder: {{{{ {name} }}}}")


def braced_names(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_BRACED_NAME.finditer(text)`, found faster: the expression, slow to try at every
    character, is tried only where a name with its braces can start, found back from each name's dot."""
    end = 0  # where the last match ended; matches do not overlap
    for dot in _NAME_DOT.finditer(text):
        if dot.start() < end:
            continue
        start = dot.start()
        while start > end and (text[start - 1].isalnum() or text[start - 1] in "_."):
            start -= 1
        while start > end and text[start - 1] in " \t":
            start -= 1
        while start > end and text[start - 1] == "{":
            start -= 1
        if match := _BRACED_NAME.match(text, start):
            end = match.end()
            yield match


def _broken_link_syntax(text: str, values: Mapping[str, str]) -> Iterator[tuple[int, str]]:
    """A link written almost right is published as its brackets and address."""
    for match in _SPACED_LINK.finditer(text):
        yield match.start(), (f'"{match.group(0)}" has a space between ] and (, so it would be published as '
                              "typed, not as a link; remove the space")
    for match in _UNCLOSED_LINK.finditer(text):
        yield match.start(), (f'"{match.group(0)}" is a link with no closing ")", so it would be published as '
                              'typed; end the address with ")"')


def _indented_code(text: str, values: Mapping[str, str]) -> Iterator[tuple[int, str]]:
    """A paragraph indented four spaces or more (outside a list) is a code box in Markdown: its links and
    emphasis are shown as typed. Answers are prose; code, if ever wanted, goes in a ``` fence."""
    offset, blank_before, in_list, in_fence = 0, True, False, False
    for line in text.split("\n"):
        words = line.lstrip(" ")
        indent = len(line) - len(words)
        if _FENCE.match(words):
            in_fence = not in_fence
        elif in_fence:
            pass
        elif not words.strip():
            blank_before = True
        else:
            if indent >= 4 and blank_before and not in_list:
                yield offset, (f"this paragraph is indented {indent} spaces, so it would show as a code box with "
                               "its Markdown as typed; start it in the same column as the text above (for code, "
                               "use a ``` fence)")
            elif indent < 4:
                in_list = bool(_LIST_ITEM.match(words)) or (in_list and (indent > 0 or not blank_before))
            blank_before = False
        offset += len(line) + 1


def _typed_figures(text: str, values: Mapping[str, str]) -> Iterator[tuple[int, str]]:
    lowered = text.lower()
    if "day" not in lowered and "week" not in lowered and "hour" not in lowered:
        return  # no figure without its unit; most texts are read no further
    same_offsets = len(lowered) == len(text)  # unless lowercasing changed the length of a letter
    for match in _LOWERCASE_FIGURE.finditer(lowered) if same_offsets else FIGURE.finditer(text):
        same = [f"{{{{ {name} }}}}" for name, value in values.items()
                if any(_figure(m) == _figure(match) for m in FIGURE.finditer(value))]
        hint = f"; did you mean {' or '.join(same)}?" if same else ""
        yield match.start(), (f'"{text[match.start():match.end()]}" is a figure typed into the text; expected a '
                              f"placeholder from policies.yaml, so that the page changes when the policy does{hint}")


def _typed_emails(text: str, values: Mapping[str, str]) -> Iterator[tuple[int, str]]:
    if "@" not in text:
        return  # most answers: no need to read them with the expression
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


# On the text with its placeholders blanked out, and on the text as written.
RULES: list[Rule] = [_typed_figures, _typed_emails, _indented_code, _broken_link_syntax]
SOURCE_RULES: list[Rule] = [_stray_braces]
