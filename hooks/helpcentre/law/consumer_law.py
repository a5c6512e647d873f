"""Consumer law: the shop's policies compared with the statutory minimums of its country, as advice.

The law is data, not code: `law/<country>.yaml` (the country whose bank holidays the shop uses) lists
rules, each comparing one value of policies.yaml with the minimum the law sets, with its regulation
and address. Where the policy gives less, the editor gets a `Finding` of severity "advice" at the
policy's key and line: information, never a reason to stop the build. The same file gives shoppers a
plain-English summary of their rights, added to the returns topic when the shop opts in.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpcentre.content.topics import Located, Question, Slug, Topic
from helpcentre.dates.calculator_data import YEARS_AHEAD
from helpcentre.dates.order_dates import is_business_day
from helpcentre.policy.policies import SCHEMA as POLICY_SCHEMA
from helpcentre.policy.policies import Policies
from helpcentre.reading import markdown_text as md
from helpcentre.reading.errors import Finding, Findings, Severity
from helpcentre.reading.schema import (
    Choice,
    CountryCode,
    Field,
    ListOf,
    Optional,
    Record,
    Text,
    Whole,
    YesNo,
    country_name,
    error_at,
    fail,
    long_date,
)
from helpcentre.reading.yaml_source import read_yaml

COMPARISONS = ("at_least", "at_most", "is", "none_of")
RETURNS_TOPIC = "returns"  # the topic the "Your legal rights" answer is added to


class Address(Text):
    """A web address of the law's text."""

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        value = super().read(node, key, file)
        if not re.fullmatch(r"https://[^\s]+", value):
            raise fail(file, node, key, "a web address starting with https://")
        return value


RULE = Record({
    "id": Text(),
    "policy": Text(),
    "at_least": Optional(Whole("day")),
    "at_most": Optional(Whole("day")),
    "is": Optional(Text()),
    "none_of": Optional(ListOf(Text(), min_items=1)),
    "regulation": Text(),
    "address": Address(),
    "made_to_order_excluded": Optional(YesNo()),
    "policy_says": Text(),
    "law_requires": Text(),
    "advice": Text(),
    "for_shoppers": Text(),
})
LAW_SCHEMA = Record({
    "country": CountryCode(),
    "law": Text(),
    "reference": Text(),
    "address": Address(),
    "scope": Text(),
    "status": Text(),
    "made_to_order": Record({"regulation": Text(), "address": Address(), "law": Text(), "for_shoppers": Text()}),
    "rules": ListOf(RULE, min_items=1),
    "rights_answer": Record({"id": Slug(), "question": Text(), "intro": Text(), "outro": Text(),
                             "keywords": ListOf(Text(), min_items=1)}),
})


@dataclass(frozen=True)
class Rule:
    """One statutory minimum: the policy key it reads and the comparison its value must pass."""

    id: str
    policy: str
    comparison: str  # one of COMPARISONS
    limit: Any
    regulation: str
    address: str
    made_to_order_excluded: bool
    policy_says: str
    law_requires: str
    advice: str
    for_shoppers: str
    line: int


@dataclass(frozen=True)
class Law:
    """The consumer law of one country, as read from its data file."""

    file: str  # as messages name it, e.g. law/GB.yaml
    country: str
    reference: str
    address: str
    made_to_order: dict[str, str]
    rules: tuple[Rule, ...]
    rights_answer: dict[str, Any]
    rights_line: int


def load_law(path: Path, name: str) -> Law:
    """Read and check a country's law file; raises `DataError` naming every mistake."""
    root = read_yaml(path, name)
    values = LAW_SCHEMA.read(root, "", name)
    found = Findings()
    if values["country"] != path.stem:
        found.add(error_at(name, _node(root, "country"), "country",
                           f"expected {path.stem}, the country this file is named after; got {values['country']}"))
    rules, seen = [], set()
    for n, rule in enumerate(values["rules"]):
        key, node = f"rules[{n}]", _node(root, f"rules[{n}]")
        with found.attempt():
            rules.append(_read_rule(rule, node, key, name, seen))
    found.raise_errors()
    rights = _node(root, "rights_answer")
    return Law(name, values["country"], values["reference"], values["address"], values["made_to_order"],
               tuple(rules), values["rights_answer"], rights.start_mark.line + 1)


def _read_rule(rule: dict[str, Any], node: yaml.Node, key: str, file: str, seen: set[str]) -> Rule:
    if rule["id"] in seen:
        raise error_at(file, _node(node, "id"), f"{key}.id", f'the id "{rule["id"]}" is used twice; expected each once')
    seen.add(rule["id"])
    comparisons = [name for name in COMPARISONS if rule[name] is not None]
    if len(comparisons) != 1:
        raise error_at(file, node, key, f"expected exactly one comparison ({', '.join(COMPARISONS)}); "
                       f"got {', '.join(comparisons) or 'none'}")
    comparison = comparisons[0]
    field = policy_field(rule["policy"])
    if field is None:
        raise error_at(file, _node(node, "policy"), f"{key}.policy",
                       f'expected a key of policies.yaml such as returns.window_days; got "{rule["policy"]}"')
    fits = {"at_least": isinstance(field, Whole) and field.unit == "day",
            "at_most": isinstance(field, Whole) and field.unit in ("day", "business day"),
            "is": isinstance(field, Choice) and rule["is"] in field.phrases,
            "none_of": isinstance(field, ListOf) and isinstance(field.item, Text)}
    if not fits[comparison]:
        raise error_at(file, _node(node, comparison), f"{key}.{comparison}",
                       f"{comparison} cannot compare {rule['policy']}: " + {
                           "at_least": "expected a key counted in days",
                           "at_most": "expected a key counted in days or business days",
                           "is": "expected a key with a few allowed words, and one of them",
                           "none_of": "expected a key holding a list of texts"}[comparison])
    return Rule(rule["id"], rule["policy"], comparison, rule[comparison], rule["regulation"], rule["address"],
                bool(rule["made_to_order_excluded"]), rule["policy_says"], rule["law_requires"], rule["advice"],
                rule["for_shoppers"], node.start_mark.line + 1)


def policy_field(path: str) -> Field | None:
    """The field type of a policies.yaml key path, or None if there is no such key."""
    field: Field = POLICY_SCHEMA
    for part in path.split("."):
        while isinstance(field, Optional):
            field = field.field
        if not isinstance(field, Record) or part not in field.fields:
            return None
        field = field.fields[part]
    return field


def _node(node: yaml.Node, path: str) -> yaml.Node:
    """The YAML node at a key path such as 'returns.condition[2]' (the path is known to exist)."""
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", path):
        if part.startswith("["):
            node = node.value[int(part[1:-1])]
        else:
            node = next(value for key, value in node.value if key.value == part)
    return node


# The check ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Shortfall:
    """Where a policy gives less than a rule requires: the key, and how the policy's value reads."""

    key: str
    shown: str


def review_consumer_law(policies: Policies, policies_file: Path, law_folder: Path,
                        calendar: dict[str, Any]) -> tuple[Law | None, list[Finding]]:
    """The law of the shop's country (None if there is no data file) and the advice on its policies.

    `calendar` is the calculator's data (working days, closed days), to read business days as calendar days.
    """
    name, root = policies_file.name, read_yaml(policies_file, policies_file.name)
    code = policies["calendar.bank_holidays"]["country"]
    path = law_folder / f"{code}.yaml"
    settings = policies["consumer_law"] or {}
    if not path.is_file():
        where = _node(root, "calendar.bank_holidays.country")
        unanswered = "; consumer_law.rights_answer has nothing to summarise" if settings.get("rights_answer") else ""
        return None, [Finding(name, where.start_mark.line + 1, "calendar.bank_holidays.country",
                              f"no statutory check is available for {country_name(code) or code} ({code}): there "
                              f"is no {law_folder.name}/{code}.yaml (docs/editors.md, \"Policy advice\", says how "
                              f"to add one){unanswered}", where.start_mark.column + 1, "advice")]
    law = load_law(path, f"{law_folder.name}/{path.name}")
    made_to_order = settings.get("made_to_order")
    acknowledged = {entry["id"]: n for n, entry in enumerate(settings.get("acknowledged") or [])}
    findings, short = [], set()
    for rule in law.rules:
        if made_to_order == "all" and rule.made_to_order_excluded:
            continue  # no right to cancel, so nothing to compare
        shortfall = _shortfall(rule, policies, calendar)
        if shortfall is None:
            continue
        short.add(rule.id)
        if rule.id in acknowledged:
            n = acknowledged[rule.id]
            findings.append(_finding(name, root, f"consumer_law.acknowledged[{n}]", "advice",
                                     f"acknowledged {rule.id} ({law.reference} reg. {rule.regulation}): "
                                     f"{settings['acknowledged'][n]['reason']}"))
        else:
            findings.append(_finding(name, root, shortfall.key, "advice",
                                     _advice(law, rule, shortfall.shown, made_to_order)))
    ids = [rule.id for rule in law.rules]
    for rule_id, n in acknowledged.items():
        key = f"consumer_law.acknowledged[{n}].id"
        if rule_id not in ids:
            close = difflib.get_close_matches(rule_id, ids, n=1)
            findings.append(_finding(name, root, key, "hint", f'"{rule_id}" is not the id of a rule in {law.file}; '
                                     f"expected one of {', '.join(ids)}" + (f'; did you mean "{close[0]}"?'
                                                                            if close else "")))
        elif rule_id not in short:
            findings.append(_finding(name, root, key, "hint", f"the policy meets {rule_id} now; this "
                                     "acknowledgement can be removed"))
    return law, findings


def _finding(file: str, root: yaml.Node, key: str, severity: Severity, message: str) -> Finding:
    node = _node(root, key)
    return Finding(file, node.start_mark.line + 1, key, message, node.start_mark.column + 1, severity)


def _advice(law: Law, rule: Rule, shown: str, made_to_order: str | None) -> str:
    """One line: what the policy says, what the law requires and where, what to do, and the rule's id."""
    says = rule.policy_says.replace("{value}", shown)
    text = (f"your policy: {says}; the law: {rule.law_requires} ({law.reference} reg. {rule.regulation}, "
            f"{rule.address}). {rule.advice}")
    exclusion = law.made_to_order
    if rule.made_to_order_excluded and made_to_order is None:
        text += (f" Declare consumer_law.made_to_order (none, some or all): {exclusion['law']} "
                 f"(reg. {exclusion['regulation']}).")
    elif rule.made_to_order_excluded and made_to_order == "some":
        text += " This applies to the goods that are not made to order."
    return f"{text} (advice id: {rule.id})"


def _shortfall(rule: Rule, policies: Policies, calendar: dict[str, Any]) -> Shortfall | None:
    """How the policy falls short of the rule, or None if it meets it."""
    value, field = policies[rule.policy], policy_field(rule.policy)
    assert field is not None  # checked when the law file was read
    if rule.comparison == "at_least":
        return Shortfall(rule.policy, field.render(value)) if value < rule.limit else None
    if rule.comparison == "at_most":
        if isinstance(field, Whole) and field.unit == "business day":
            days, start = longest_span(calendar, value)
            shown = (f"{field.render(value)} (up to {md.plural(days, 'calendar day')} on your calendar, "
                     f"counted from {long_date(start)})")
        else:
            days, shown = value, field.render(value)
        return Shortfall(rule.policy, shown) if days > rule.limit else None
    if rule.comparison == "is":
        return Shortfall(rule.policy, field.render(value)) if value != rule.limit else None
    found = [(n, item) for n, item in enumerate(value)
             if any(re.search(rf"\b{re.escape(term)}\b", item, re.IGNORECASE) for term in rule.limit)]
    if not found:
        return None
    return Shortfall(f"{rule.policy}[{found[0][0]}]", md.join_words([f'"{item}"' for _, item in found], "or"))


def longest_span(calendar: dict[str, Any], business_days: int) -> tuple[int, dt.date]:
    """The most calendar days that a number of business days can take on the shop's calendar (the
    calculator's `add_business_days`), from this year to the end of the calculator's range, and the first
    day it does so from."""
    last = dt.date.fromisoformat(calendar["last_date"])
    first = max(dt.date.fromisoformat(calendar["first_date"]), dt.date(last.year - YEARS_AHEAD, 1, 1))
    data = {**calendar, "closed_dates": set(calendar["closed_dates"])}
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    open_days = [day for day in days if is_business_day(data, day)]
    best = (0, first)
    for day in days if business_days else []:  # a count of zero: the same day, a span of 0
        n = bisect.bisect_right(open_days, day) + business_days - 1  # the business_days-th open day after day
        if n >= len(open_days):
            return best
        if (open_days[n] - day).days > best[0]:
            best = ((open_days[n] - day).days, day)
    return best


# The shopper's side ---------------------------------------------------------------------------------

def add_rights_answer(topics: Sequence[Topic], law: Law | None, policies: Policies,
                      policies_file: Path) -> tuple[list[Topic], list[Finding]]:
    """The topics with "Your legal rights" added to the returns topic, when policies.yaml opts in."""
    settings = policies["consumer_law"] or {}
    if not settings.get("rights_answer") or law is None:
        return list(topics), []
    root = read_yaml(policies_file, policies_file.name)
    key = "consumer_law.rights_answer"
    if settings.get("made_to_order") == "all":
        return list(topics), [_finding(policies_file.name, root, key, "hint",
                                       "not added: consumer_law.made_to_order is all, so shoppers have no "
                                       "right to cancel to be told about")]
    answer = law.rights_answer
    topic = next((topic for topic in topics if topic.slug == RETURNS_TOPIC), None)
    ids = {question.id for other in topics for question in other.questions}
    if topic is None or answer["id"] in ids:
        why = (f"there is no {RETURNS_TOPIC} topic (content/{RETURNS_TOPIC}.yml) to add it to" if topic is None
               else f'a question already has the id "{answer["id"]}"')
        return list(topics), [_finding(policies_file.name, root, key, "hint", f"not added: {why}")]
    points = [rule.for_shoppers for rule in law.rules]
    if settings.get("made_to_order") != "none":
        points.append(law.made_to_order["for_shoppers"])
    text = "\n\n".join([answer["intro"], "\n".join(f"- {point}" for point in points), answer["outro"]])
    question = Question(_at(answer["id"], law, "id"), _at(answer["question"], law, "question"),
                        _at(text, law, "answer"), tuple(answer["keywords"]), ())
    added = dataclasses.replace(topic, questions=(*topic.questions, question))
    return [added if other is topic else other for other in topics], []


def _at(text: str, law: Law, key: str) -> Located:
    """Generated text, located at the law file's rights_answer (where a mistake in it would come from)."""
    located = Located(text)
    located.file, located.line, located.column, located.key = law.file, law.rights_line, 1, f"rights_answer.{key}"
    return located

