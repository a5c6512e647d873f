"""Which sentences of a text changed, with the changed words marked, as Markdown for a reviewer."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# A sentence ends at ".", "!" or "?" followed by a space and something that can start a sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“‘'(\[])")
_TOKEN = re.compile(r"\s*(?:\w[\w@.:'’-]*\w|\w|[^\w\s])")
_MARKDOWN = re.compile(r"([\\`*_~\[\]<>|#])")


@dataclass(frozen=True)
class Change:
    """One unit of text (a sentence, a table row) that reads differently: old or new is None when the unit
    was added or removed."""

    old: str | None
    new: str | None


def sentences(line: str) -> list[str]:
    """The sentences of one line of text (whitespace collapsed)."""
    text = " ".join(line.split())
    return [part for part in _SENTENCE_END.split(text) if part]


def changed_units(old: list[str], new: list[str]) -> list[Change]:
    """The units that differ between two versions, in reading order; a replaced unit is paired with the
    most similar one that took its place."""
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        changes.extend(_pair(old[i1:i2], new[j1:j2]))
    return changes


def _pair(old: list[str], new: list[str]) -> list[Change]:
    """Pair replaced units in order when they look alike (at least 40% the same words), else list them as
    removed and added."""
    changes: list[Change] = []
    j = 0
    for unit in old:
        match = next((k for k in range(j, len(new)) if similarity(unit, new[k]) >= 0.4), None)
        if match is None:
            changes.append(Change(unit, None))
            continue
        changes.extend(Change(None, added) for added in new[j:match])
        changes.append(Change(unit, new[match]))
        j = match + 1
    changes.extend(Change(None, added) for added in new[j:])
    return changes


def similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(a=a.split(), b=b.split(), autojunk=False).ratio()


def mark_words(old: str, new: str) -> tuple[str, str]:
    """Markdown of both versions: the words only in the old one struck through, those only in the new one
    in bold; everything else escaped, so that the text shows as written."""
    a, b = _tokens(old), _tokens(new)
    old_parts: list[str] = []
    new_parts: list[str] = []
    for tag, i1, i2, j1, j2 in _opcodes(a, b):
        old_parts.append(_shown(a[i1:i2], "" if tag == "equal" else "~~"))
        new_parts.append(_shown(b[j1:j2], "" if tag == "equal" else "**"))
    return "".join(old_parts), "".join(new_parts)


def word_changes(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """What changed between two versions of a sentence, without the words around: ((old words, new words), ...).
    The same for every sentence in which one value was replaced by another."""
    a, b = _tokens(old), _tokens(new)
    return tuple(("".join(a[i1:i2]).strip(), "".join(b[j1:j2]).strip())
                 for tag, i1, i2, j1, j2 in _opcodes(a, b) if tag != "equal")


def _tokens(text: str) -> list[str]:
    """Words (an email address, "didn't" and "14:00" are one word) and punctuation marks, each with the spaces
    before it."""
    return _TOKEN.findall(text)


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    return difflib.SequenceMatcher(a=[t.strip() for t in a], b=[t.strip() for t in b], autojunk=False).get_opcodes()


def _shown(tokens: list[str], mark: str) -> str:
    text = "".join(tokens)
    if not mark or not text:
        return escape(text)
    body = text.lstrip()
    return f"{text[:len(text) - len(body)]}{mark}{escape(body)}{mark}"


def escape(text: str) -> str:
    """Markdown that shows `text` literally."""
    return _MARKDOWN.sub(r"\\\1", text)
