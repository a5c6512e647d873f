"""The help centre's copy style, checked in every question, answer and page: one word for one thing (the
glossary in content/style/glossary.yml), links to other answers that read as part of their sentence, no
price the policies do not have, and each sentence said once across the answers.

A shopper who reads "working days" in one answer and "business days" in the next wonders whether they
differ; a link reading "See when will my order arrive" is a whole question pasted into a sentence;
"free of charge" suggests a fee that policies.yaml does not have; the same sentence in three answers
says more than once what could be said in one and linked. Each is an error with the file and line, so
the build keeps the copy in one voice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from helpcentre.reading.errors import Finding, Findings
from helpcentre.reading.schema import ListOf, Text, error_at, fail, item_key
from helpcentre.reading.yaml_source import read_yaml

from .located import finding_at
from .placeholders import without_placeholders

GLOSSARY = Path("style") / "glossary.yml"  # in the content folder; not a topic (topics are content/*.yml)
_ENDINGS = r"(?:s|es|d|ed|ing)?"  # the glossary is written in the singular: "working day" finds "working days"
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]*)\)")
_ANSWER_LINK = re.compile(r"(?:[\w./-]*\.md)?#([a-z0-9-]+)")
_WORD = re.compile(r"[\w']+")
# Words that name a price or its absence: policies.yaml has no fee for cancelling and no free shipping, so
# each would promise or imply a charge the shop does not have.
_PRICE_WORDS = re.compile(r"\b(?:free of charge|free(?= cancell?ation)|(?<=cancel )for free|at no (?:extra )?cost|"
                          r"free(?= (?:shipping|delivery|postage)))\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
REPEAT_WORDS = 6  # a shorter sentence ("Please email us.") may well be said again


@dataclass(frozen=True)
class Term:
    preferred: str
    avoided: str
    line: int  # where the glossary lists it


@dataclass(frozen=True)
class Glossary:
    """Terms to avoid, each with the term the help centre uses instead."""

    file: str = ""
    terms: tuple[Term, ...] = field(default_factory=tuple)
    # Every term to avoid in one expression, a group each (longest first), so a text is read once.
    pattern: re.Pattern[str] | None = None
    words: tuple[tuple[str, ...], ...] = ()  # each term's words, lowercased: a text holding none has no term

    @staticmethod
    def of(file: str, terms: list[Term]) -> Glossary:
        terms = sorted(terms, key=lambda term: -len(term.avoided))
        either = "|".join(f"({_words(term.avoided)})" for term in terms)
        pattern = re.compile(rf"(?<![\w-])(?:{either}){_ENDINGS}(?![\w-])", re.IGNORECASE) if terms else None
        return Glossary(file, tuple(terms), pattern, tuple(tuple(term.avoided.lower().split()) for term in terms))

    def within(self, text: str) -> Glossary:
        """The glossary of the terms whose words all occur somewhere in `text` (the others cannot be found
        in any part of it)."""
        lowered = text.lower()
        present = [term for term, words in zip(self.terms, self.words, strict=True)
                   if all(word in lowered for word in words)]
        return self if len(present) == len(self.terms) else Glossary.of(self.file, present)


def load_glossary(content_folder: Path) -> Glossary:
    """Read content/style/glossary.yml (`preferred term: [term to avoid, ...]`); no file, no terms."""
    path = content_folder / GLOSSARY
    if not path.is_file():
        return Glossary()
    name = path.relative_to(content_folder.parent).as_posix()
    node = read_yaml(path, name)
    if not isinstance(node, yaml.MappingNode):
        raise fail(name, node, "", "lines of the form `preferred term: [term to avoid, another term to avoid]`")
    found, terms, where = Findings(), [], {}
    for key_node, value_node in node.value:
        with found.attempt():
            preferred = Text().read(key_node, "", name)
            avoided_terms = ListOf(Text(), min_items=1).read(value_node, preferred, name)
            for n, (item, avoided) in enumerate(zip(value_node.value, avoided_terms, strict=True)):
                line = item.start_mark.line + 1
                if avoided.lower() in where:
                    raise error_at(name, item, item_key(preferred, n), f'"{avoided}" is listed twice (line '
                                   f"{where[avoided.lower()]}); expected each term to avoid once")
                where[avoided.lower()] = line
                terms.append(Term(preferred, avoided, line))
    found.raise_errors()
    return Glossary.of(name, terms)


def _words(term: str) -> str:
    """A regular expression for the words of `term`, any spacing between them."""
    return r"\s+".join(re.escape(word) for word in term.split())


def check_copy(text: str, file: str, first_line: int, key: str, glossary: Glossary,
               questions: Mapping[str, str]) -> list[Finding]:
    """Every copy mistake in `text`, which starts on `first_line` of `file`; `questions` maps each answer's
    id to its question (for the links)."""
    bare = without_placeholders(text)
    return [finding_at(text, offset, file, first_line, key, message)
            for rule in (_avoided_terms(bare, glossary), _run_in_links(bare, questions),
                         _implied_prices(bare))
            for offset, message in rule]


def _avoided_terms(text: str, glossary: Glossary) -> Iterator[tuple[int, str]]:
    if glossary.pattern is None:
        return
    lowered = text.lower()
    if not any(all(word in lowered for word in term) for term in glossary.words):
        return  # most texts: no need to read them with the expression
    prose = _LINK.sub(lambda match: f"[{match.group(1)}]" + " " * (len(match.group(0)) - len(match.group(1)) - 2),
                      text)  # link addresses are not read: "#dispatch-days" is an anchor
    for match in glossary.pattern.finditer(prose):
        term = glossary.terms[match.lastindex - 1]
        yield match.start(), (f'"{match.group(0)}": expected "{term.preferred}", the one term this help centre '
                              f"uses for it ({glossary.file}:{term.line} lists \"{term.avoided}\" to avoid)")


def _run_in_links(text: str, questions: Mapping[str, str]) -> Iterator[tuple[int, str]]:
    """A link whose text is the whole question it links to, without its question mark, run into a sentence
    ("See [when will my order arrive](...)"). Words of one's own ("see [how to return an item](...)") and the
    question cited as it is, question mark and all, read well."""
    for match in _LINK.finditer(text):
        target = _ANSWER_LINK.fullmatch(match.group(2))
        question = questions.get(target.group(1)) if target else None
        link_text = match.group(1).strip()
        if question is None or link_text.endswith("?") or not _WORD.search(link_text):
            continue
        run_in = text[text.rfind("\n", 0, match.start()) + 1:match.start()].strip(" -*>+0123456789.)")
        if run_in and _WORD.findall(link_text.lower()) == _WORD.findall(question.lower()):
            yield match.start(), (f'the link text "{link_text}" is the question it links to, pasted into the '
                                  f'sentence; expected the question as it is ("{question}") or words of your own '
                                  'that fit the sentence, such as "See [our delivery times](...)"')


def _implied_prices(text: str) -> Iterator[tuple[int, str]]:
    for match in _PRICE_WORDS.finditer(text):
        yield match.start(), (f'"{match.group(0)}" names a price, and policies.yaml has no charge or free service '
                              'for it; expected what the shopper can do, such as "cancel without giving a reason"')


def check_repeated_sentences(texts: Iterable[tuple[str, str, int, str]]) -> list[Finding]:
    """Each sentence of `REPEAT_WORDS` words or more said again, word for word, in another of the `texts`
    (text, file, first line, key): the copy says a thing once and links to it."""
    first_said: dict[str, tuple[str, int, str]] = {}
    found = []
    for text, file, first_line, key in texts:
        bare = _LINK.sub(lambda match: match.group(1), without_placeholders(text))  # the words as read
        offset = 0
        for sentence in _SENTENCE_END.split(bare):
            offset = bare.index(sentence, offset)
            words = " ".join(word for word in sentence.split() if not _PLACEHOLDER_WORD.fullmatch(word))
            line = first_line + bare.count("\n", 0, offset)
            if len(_WORD.findall(words)) < REPEAT_WORDS:
                continue
            if words in first_said and first_said[words][2] != key:
                where = first_said[words]
                # links read as their text in `bare`, so the sentence starts at `offset` or later in `text`
                start = max(text.find(sentence.split()[0], offset), 0)
                found.append(finding_at(text, start, file, first_line, key,
                                        f'"{words}" is said word for word in {where[0]}:{where[1]} '
                                        f"({where[2]}) too; expected it in one answer, linked from the others"))
            first_said.setdefault(words, (file, line, key))
    return found


_PLACEHOLDER_WORD = re.compile(r"x{5,}[.,;:]?")  # a placeholder, blanked by without_placeholders
