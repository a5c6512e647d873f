"""Rules for the text editors write (questions, answers and Markdown pages), checked before it is published.

Each rule reads one text with the file and line it starts on, and returns the `Finding`s it has;
`check_text` runs them all. A policy figure must come from policies.yaml through a placeholder, so
that a changed value changes every page: a figure typed into an answer is refused, with the placeholder
whose meaning fits the words around it (never one whose value merely holds the same number). So is anything that
would be published other than the editor meant: a placeholder with a brace too few or too many (shown
as written), a paragraph indented into a code box.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping

from helpcentre.reading.errors import Finding
from helpcentre.reading.schema import Money

from .located import finding_at
from .placeholders import without_placeholders

NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "fourteen", "twenty", "thirty")
_NUMBER = rf"(?:\d+|{'|'.join(NUMBER_WORDS)})"
_FIGURE = (rf"\b({_NUMBER})(?:\s*(?:-|to|–)\s*({_NUMBER}))?[\s-]*"
           r"((?:working |business |calendar |delivery |extra )?(?:hour|day|week))s?\b")
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

MONEY = re.compile(r"[$€£]\s?\d[\d,]*(?:\.\d\d)?|\b\d[\d,]*(?:[.,]\d\d)?\s?(?:€|EUR|USD|GBP)(?!\w)")
AMOUNT = Money.unit  # the unit of the placeholders of prices
# What each placeholder is: name -> (the unit it counts in, or ""; what it is, in words).
Meanings = Mapping[str, tuple[str, str]]
# A rule reads a text with the placeholders' rendered values and their meanings, and gives (offset in the text,
# message) per finding.
Rule = Callable[[str, Mapping[str, str], Meanings], Iterator[tuple[int, str]]]
_WORDS = re.compile(r"[a-z]+")
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]|$)")
# Words that say nothing about which value a figure is: small words, and the units themselves.
_NO_MEANING = frozenset("""a an and are as at be by can do for from have how if in is it its it's many may more most
much must my of on or our so than that the their them then this to up us we what when which will with within you
your yours day days hour hours week weeks business working calendar extra time take takes allow about after
before until usually only up""".split())


def check_text(text: str, file: str, first_line: int, key: str, values: Mapping[str, str],
               meanings: Meanings | None = None) -> list[Finding]:
    """Every finding of every rule in `text`, which starts on `first_line` of `file`; `values` are the
    rendered placeholders and `meanings` what each is, in words (for suggestions)."""
    bare = without_placeholders(text)
    return [finding_at(text, offset, file, first_line, key, message)
            for rules, checked in ((RULES, bare), (SOURCE_RULES, text))
            for rule in rules for offset, message in rule(checked, values, meanings or {})]


def _stray_braces(text: str, values: Mapping[str, str], meanings: Meanings) -> Iterator[tuple[int, str]]:
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


def _broken_link_syntax(text: str, values: Mapping[str, str],
                        meanings: Meanings) -> Iterator[tuple[int, str]]:
    """A link written almost right is published as its brackets and address."""
    for match in _SPACED_LINK.finditer(text):
        yield match.start(), (f'"{match.group(0)}" has a space between ] and (, so it would be published as '
                              "typed, not as a link; remove the space")
    for match in _UNCLOSED_LINK.finditer(text):
        yield match.start(), (f'"{match.group(0)}" is a link with no closing ")", so it would be published as '
                              'typed; end the address with ")"')


def _indented_code(text: str, values: Mapping[str, str], meanings: Meanings) -> Iterator[tuple[int, str]]:
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


def _typed_figures(text: str, values: Mapping[str, str], meanings: Meanings) -> Iterator[tuple[int, str]]:
    lowered = text.lower()
    if "day" not in lowered and "week" not in lowered and "hour" not in lowered:
        return  # no figure without its unit; most texts are read no further
    same_offsets = len(lowered) == len(text)  # unless lowercasing changed the length of a letter
    for match in _LOWERCASE_FIGURE.finditer(lowered) if same_offsets else FIGURE.finditer(text):
        yield match.start(), (f'"{text[match.start():match.end()]}" is a figure typed into the text; expected a '
                              "placeholder from policies.yaml, so that the page changes when the policy does"
                              f"{_hint(lowered, match.start(), match.group(3).lower(), meanings)}")


def _typed_money(text: str, values: Mapping[str, str], meanings: Meanings) -> Iterator[tuple[int, str]]:
    """An amount of money typed into the text ("$9.95", "9.95 EUR"): a price belongs in policies.yaml too."""
    if not any(sign in text for sign in "$€£EUG"):
        return  # most texts: no need to read them with the expression
    for match in MONEY.finditer(text):
        blanked = text[:match.start()] + " " * len(match.group(0)) + text[match.end():]  # its point ends no sentence
        yield match.start(), (f'"{match.group(0)}" is an amount typed into the text; expected a placeholder from '
                              "policies.yaml, so that the page changes when the price does"
                              f"{_hint(blanked.lower(), match.start(), AMOUNT, meanings)}")


def _hint(lowered: str, offset: int, unit: str, meanings: Meanings) -> str:
    fitting = [f"{{{{ {name} }}}}" for name in _placeholders_meaning(lowered, offset, unit, meanings)]
    return (f"; did you mean {' or '.join(fitting)}?" if fitting else
            "; no value in policies.yaml is about this yet: add one to policies.yaml, then use its placeholder")


def _placeholders_meaning(lowered: str, offset: int, unit: str, meanings: Meanings) -> list[str]:
    """The placeholders whose meaning shares the most words with the sentence around the figure at `offset` (at
    least one), in its unit; of two as close, the one in the figure's very unit ("business days") first. The
    number itself is never compared: a value that happens to hold the same number says nothing about what the
    figure is."""
    sentence = next(s for s in _SENTENCE.finditer(lowered) if s.start() <= offset < max(s.end(), 1))
    around = _meaning_words(sentence.group(0))
    base = "hour" if unit.endswith("hour") else AMOUNT if unit == AMOUNT else "day"  # weeks are counted in days
    scores = {name: (len(around & _meaning_words(meaning)), counted_in == unit)
              for name, (counted_in, meaning) in meanings.items() if counted_in.endswith(base)}
    best = max(scores.values(), default=(0, False))
    return [name for name, score in scores.items() if score == best] if best[0] else []


def _meaning_words(text: str) -> set[str]:
    return {_stem(word) for word in _WORDS.findall(text.lower().replace("_", " ")) if word not in _NO_MEANING}


def _stem(word: str) -> str:
    """A word without its ending, so that "returns", "returned" and "return" are one word."""
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[:-len(ending)]
    return word


def _typed_emails(text: str, values: Mapping[str, str], meanings: Meanings) -> Iterator[tuple[int, str]]:
    if "@" not in text:
        return  # most answers: no need to read them with the expression
    for match in EMAIL.finditer(text):
        if not EXAMPLE_DOMAIN.search(match.group(0)):
            yield match.start(), (f'"{match.group(0)}" is an email address typed into the text; expected '
                                  "{{ shop.email }}, so that it changes when policies.yaml does")


# On the text with its placeholders blanked out, and on the text as written.
RULES: list[Rule] = [_typed_figures, _typed_money, _typed_emails, _indented_code, _broken_link_syntax]
SOURCE_RULES: list[Rule] = [_stray_braces]
