"""Two evaluation sets made mechanically from the shoppers' questions (tests/search/search_questions.yml).

Nothing here is written by hand or chosen by looking at results: each query of the main set gives (at
most) one query of each set, with the same expected answers.

- Word forms: every word of four letters or more in the query (question words, the small words the
  search drops and words ending in -ed or -ing left alone) takes the same form, by turns for each
  query: -s (or -es, -ies; a word ending in a single s loses it instead), -ed (-d, -ied) or -ing (a
  final e dropped; a plural loses its s first). "cancel order" -> "cancels orders"; "where is my parcel" -> "where is my
  parceling"... Some forms are not English ("nevered"): a shopper's search still deserves an answer.
- Misspellings: one word of five letters or more gets one edit, by turns for each query: a letter
  missing, an extra letter, a letter changed, or two neighbouring letters swapped; which word, where
  and which letter come from a random generator seeded with the query. A misspelling that is shorter
  than five letters or is a word of the index ("from" for "form" is not a typo search can tell) is
  drawn again, up to 50 times.
- Terse: the query's words that carry its meaning alone (no question words, no small words the search
  drops): "how do i cancel" -> "cancel"; a query that has nothing else to leave out gives none.
- Conversational: the query said in a sentence around it, by turns for each query: "hi, ... ?",
  "can you tell me ...", "... please help", "i need to know ...". The search drops the words these
  wrappings share with its small words, so a second set wraps the queries in other words, none of them
  a small word of the search: "quick question, ...", "... thank you", "i was wondering ...",
  "good morning ... asap".
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Collection, Sequence

from material_search import QUESTION_WORDS, EvalQuestion

from helpcentre.search.index import SMALL_WORDS

FORMS = ("s", "ed", "ing")
FRAMES = ("hi, {}?", "can you tell me {}", "{} please help", "i need to know {}")
OTHER_FRAMES = ("quick question, {}?", "{} thank you", "i was wondering {}", "good morning {} asap")
EDITS = ("missing", "extra", "changed", "swapped")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_CONSONANT_Y = re.compile(r"[^aeiou]y$")


def inflect(word: str, form: str) -> str:
    """The word with an -s, -ed or -ing ending, by spelling rules alone; a word that has an -ed or -ing
    ending already is left as it is, and a plural loses its s first."""
    if word.endswith(("ed", "ing")):
        return word
    if form == "s":
        if word.endswith("s") and not word.endswith("ss"):
            return word[:-1]
        if word.endswith(("s", "x", "z", "ch", "sh")):
            return word + "es"
        return word[:-1] + "ies" if _CONSONANT_Y.search(word) else word + "s"
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]  # -ed and -ing go on the singular
    if form == "ed":
        if word.endswith("e"):
            return word + "d"
        return word[:-1] + "ied" if _CONSONANT_Y.search(word) else word + "ed"
    return word[:-1] + "ing" if word.endswith("e") and not word.endswith("ee") else word + "ing"


def _changes(word: str) -> bool:
    return "'" not in word and word.lower() not in QUESTION_WORDS and word.lower() not in SMALL_WORDS


def word_forms(questions: Sequence[EvalQuestion]) -> list[EvalQuestion]:
    forms = []
    for n, question in enumerate(questions):
        form = FORMS[n % len(FORMS)]
        query = _WORD.sub(lambda m, form=form: inflect(m[0], form) if len(m[0]) >= 4 and _changes(m[0]) else m[0],
                          question.query)
        if query != question.query:
            forms.append(EvalQuestion(query, question.answers))
    return forms


def misspell(word: str, edit: str, rng: random.Random) -> str:
    """One edit of the word at a random place."""
    at = rng.randrange(len(word))
    letter = rng.choice(string.ascii_lowercase)
    if edit == "missing":
        return word[:at] + word[at + 1:]
    if edit == "extra":
        return word[:at] + letter + word[at:]
    if edit == "changed":
        return word[:at] + letter + word[at + 1:]
    at = min(at, len(word) - 2)
    return word[:at] + word[at + 1] + word[at] + word[at + 2:]


def misspellings(questions: Sequence[EvalQuestion], vocabulary: Collection[str]) -> list[EvalQuestion]:
    known = set(vocabulary)
    typos = []
    for n, question in enumerate(questions):
        words = [m for m in _WORD.finditer(question.query) if len(m[0]) >= 5 and _changes(m[0])]
        if not words:
            continue
        rng = random.Random(question.query)
        for _ in range(50):
            word = rng.choice(words)
            typo = misspell(word[0].lower(), EDITS[n % len(EDITS)], rng)
            if len(typo) >= 5 and typo != word[0].lower() and typo not in known:
                typos.append(EvalQuestion(question.query[:word.start()] + typo + question.query[word.end():],
                                          question.answers))
                break
    return typos


def terse_forms(questions: Sequence[EvalQuestion]) -> list[EvalQuestion]:
    terse = []
    for question in questions:
        words = [m[0] for m in _WORD.finditer(question.query) if _changes(m[0]) or "'" in m[0]]
        query = " ".join(words)
        if words and query != question.query:
            terse.append(EvalQuestion(query, question.answers))
    return terse


def conversational_forms(questions: Sequence[EvalQuestion], frames: Sequence[str] = FRAMES) -> list[EvalQuestion]:
    return [EvalQuestion(frames[n % len(frames)].format(question.query), question.answers)
            for n, question in enumerate(questions)]
