"""Consumer law: the shop's policies compared with the statutory minimums of its country, as advice.

The law is data, not code: `law/<country>.yaml` (the country whose bank holidays the shop uses, or the
union it is a member of; law_files.py reads them) lists rules, each comparing one value of policies.yaml,
or the answers shoppers read, with what the law sets, and naming its provision and address. Where the
policy gives less, the editor gets a `Finding` of severity "advice" at the policy's key and line:
information, never a reason to stop the build. The same file gives shoppers a plain-English summary of
their rights, added to a topic when the shop opts in."""

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

from helpcentre.content.topics import Located, Question, Topic
from helpcentre.dates.calculator_data import YEARS_AHEAD
from helpcentre.dates.order_dates import is_business_day
from helpcentre.policy.policies import Policies, return_deadline
from helpcentre.reading import markdown_text as md
from helpcentre.reading.errors import Finding, Severity
from helpcentre.reading.schema import Range, Whole, country_name, item_key, long_date, node_at
from helpcentre.reading.yaml_source import read_yaml

from .law_files import RETURNS_TOPIC, Law, Rule, law_of_country, load_law, policy_field

# The check ------------------------------------------------------------------------------------------

POST_DAYS = 2  # the days a return is taken to spend in the post, where a rule counts to the day it is sent

@dataclass(frozen=True)
class Shortfall:
    """Where a policy gives less than a rule requires: the key, and how the policy's value reads."""

    key: str
    shown: str


def find_law(policies: Policies, policies_file: Path, law_folder: Path) -> tuple[Law | None, list[Finding]]:
    """The law of the shop's country (the country of its bank holidays), and a line when there is no file
    for it (None) or only its union's; with the notes of the law for every shop of the country."""
    name, root = policies_file.name, read_yaml(policies_file, policies_file.name)
    code = policies["calendar.bank_holidays"]["country"]
    country = f"{country_name(code) or code} ({code})"
    found = law_of_country(law_folder, code)
    if found is None:
        unanswered = ("; consumer_law.rights_answer has nothing to summarise"
                      if (policies["consumer_law"] or {}).get("rights_answer") else "")
        return None, [_finding(name, root, "calendar.bank_holidays.country", "advice",
                               f"no statutory check is available for {country}: there is no {law_folder.name}/"
                               f'{code}.yaml (docs/editors.md, "Policy advice", says how to add one){unanswered}')]
    path, own = found
    law = load_law(path, f"{law_folder.name}/{path.name}")
    lines = [_finding(name, root, note.policy, "hint", note.note) for note in law.notes]
    if own is not None:
        lines.append(_finding(name, root, "calendar.bank_holidays.country", "advice",
                              f"checked against {law.file} ({law.reference}), which {country} is a member of: "
                              f"there is no {law_folder.name}/{own.name} for its own statutes, which may give "
                              f'shoppers more (docs/shop-owners.md, "Consumer law", says how to add one with extends: '
                              f"{law.country})"))
    return law, lines


def review_consumer_law(law: Law, policies: Policies, policies_file: Path, calendar: dict[str, Any],
                        topics: Sequence[Topic]) -> list[Finding]:
    """The advice on the policies: one line per rule of `law` they fall short of, or acknowledged.

    `calendar` is the calculator's data (working days, closed days), to read business days as calendar days;
    `topics` are the answers shoppers will read, for the rules that ask for one (`answered`)."""
    name, root = policies_file.name, read_yaml(policies_file, policies_file.name)
    settings = policies["consumer_law"] or {}
    findings: list[Finding] = []
    made_to_order = settings.get("made_to_order") if law.made_to_order else None
    acknowledged = {entry["id"]: n for n, entry in enumerate(settings.get("acknowledged") or [])}
    short = set()
    for rule in law.rules:
        if rule.comparison is None or (made_to_order == "all" and rule.made_to_order_excluded):
            continue  # told to shoppers only; or no right to cancel, so nothing to compare
        shortfall = _shortfall(rule, policies, calendar, topics)
        if shortfall is None:
            continue
        short.add(rule.id)
        if rule.id in acknowledged:
            n = acknowledged[rule.id]
            cited = rule.citations[0]
            findings.append(_finding(name, root, item_key("consumer_law.acknowledged", n), "advice",
                                     f"acknowledged {rule.id} ({cited.reference} {cited.provision}): "
                                     f"{settings['acknowledged'][n]['reason']}"))
        else:
            findings.append(_finding(name, root, shortfall.key, "advice",
                                     _advice(law, rule, shortfall.shown, made_to_order)))
    ids = [rule.id for rule in law.rules if rule.comparison is not None]
    for rule_id, n in acknowledged.items():
        key = item_key("consumer_law.acknowledged", n) + ".id"
        if rule_id not in ids:
            close = difflib.get_close_matches(rule_id, ids, n=1)
            findings.append(_finding(name, root, key, "hint", f'"{rule_id}" is not the id of a rule in {law.file}; '
                                     f"expected one of {', '.join(ids)}" + (f'; did you mean "{close[0]}"?'
                                                                            if close else "")))
        elif rule_id not in short:
            findings.append(_finding(name, root, key, "hint", f"the policy meets {rule_id} now; this "
                                     "acknowledgement can be removed"))
    return findings


def _finding(file: str, root: yaml.Node, key: str, severity: Severity, message: str) -> Finding:
    node = node_at(root, key)
    return Finding(file, node.start_mark.line + 1, key, message, node.start_mark.column + 1, severity)


def _advice(law: Law, rule: Rule, shown: str, made_to_order: str | None) -> str:
    """One line: what the policy says, what the law requires and where, what to do, and the rule's id."""
    says = rule.policy_says.replace("{value}", shown)
    text = (f"your policy: {says}; the law: {rule.law_requires} ({'; '.join(map(str, rule.citations))}). "
            f"{rule.advice}")
    exclusion = law.made_to_order
    if exclusion is not None and rule.made_to_order_excluded and made_to_order is None:
        cited = exclusion.citation
        where = (cited.provision if cited.reference == rule.citations[0].reference
                 else f"{cited.reference} {cited.provision}")
        text += f" Declare consumer_law.made_to_order (none, some or all): {exclusion.law} ({where})."
    elif rule.made_to_order_excluded and made_to_order == "some":
        text += " This applies to the goods that are not made to order."
    return f"{text} (advice id: {rule.id})"


def _shortfall(rule: Rule, policies: Policies, calendar: dict[str, Any],
               topics: Sequence[Topic]) -> Shortfall | None:
    """How the policy falls short of the rule, or None if it meets it (or the rule is for another returns
    model)."""
    assert rule.policy is not None  # a rule with a comparison names its key (checked when the file was read)
    if rule.deadlines and return_deadline(policies["returns"]) not in rule.deadlines:
        return None
    key = rule.policy if policies[rule.policy] is not None or rule.or_policy is None else rule.or_policy
    value, field = policies[key], policy_field(key)
    assert field is not None
    if value is None:
        return None  # a value the shop does not give
    if rule.comparison == "at_least":
        return Shortfall(key, field.render(value)) if value < rule.limit else None
    if rule.comparison == "at_most":
        return _longer(rule, key, field, value, calendar)
    if rule.comparison == "at_most_after_notice":
        return _after_notice(rule, key, field, value, calendar)
    if rule.comparison == "is":
        return Shortfall(key, field.render(value)) if value != rule.limit else None
    if rule.comparison == "answered":
        return None if any(_says_each(question, rule.limit) for topic in topics for question in topic.questions) \
            else Shortfall(key, field.render(value))
    found = [(n, item) for n, item in enumerate(value)
             if any(re.search(rf"\b{re.escape(term)}\b", item, re.IGNORECASE) for term in rule.limit)]
    if not found:
        return None
    return Shortfall(item_key(key, found[0][0]), md.join_words([f'"{item}"' for _, item in found], "or"))


def _calendar_days(field: Whole | Range, value: Any, calendar: dict[str, Any]) -> tuple[int, str]:
    """A time in calendar days, and how it reads: a range at its most, business days on the shop's own calendar
    at their longest (from the day they take longest), calendar days as they are."""
    most = value.max if isinstance(field, Range) else value
    if field.unit != "business day":
        return most, field.render(value)
    days, start = longest_span(calendar, most)
    return days, (f"{field.render(value)} (up to {md.plural(days, 'calendar day')} on your calendar, "
                  f"counted from {long_date(start)})")


def _after_notice(rule: Rule, key: str, field: Whole, value: int, calendar: dict[str, Any]) -> Shortfall:
    """A refund counted from the return reaching the shop, against a law that counts rule.limit days from the
    shopper telling the shop (and lets it wait for the goods or proof of sending, whichever comes first): always
    later for a shopper who tells the shop on the day of delivery and sends the goods (with proof) on the last of
    the law's days to send them (as many as rule.limit), the return then POST_DAYS in the post."""
    days, shown = _calendar_days(field, value, calendar)
    latest = rule.limit + POST_DAYS + days
    return Shortfall(key, f"{shown} of the return reaching you: a shopper who tells you on the day the goods arrive "
                          f"and sends them {md.plural(rule.limit, 'day')} later, with {POST_DAYS} days in the post, "
                          f"gets the refund up to {md.plural(latest, 'day')} after telling you, "
                          f"{md.plural(latest - rule.limit, 'day')} later than the law allows")


def _longer(rule: Rule, key: str, field: Whole | Range, value: Any, calendar: dict[str, Any]) -> Shortfall | None:
    """A time longer than the rule's calendar days (`_calendar_days`)."""
    days, shown = _calendar_days(field, value, calendar)
    return Shortfall(key, shown) if days > rule.limit else None


def _says_each(question: Question, groups: list[list[str]]) -> bool:
    """Whether a question, its answer or its keywords have a word of each group (a word also matches the
    words it starts: cancel matches cancelled)."""
    text = " ".join([question.question, question.answer, *question.keywords])
    return all(any(re.search(rf"\b{re.escape(word)}", text, re.IGNORECASE) for word in group) for group in groups)


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
    """The topics with "Your legal rights" added to the topic the law file names (the returns topic unless it
    names another), when policies.yaml opts in."""
    settings = policies["consumer_law"] or {}
    if not settings.get("rights_answer") or law is None:
        return list(topics), []
    root = read_yaml(policies_file, policies_file.name)
    key = "consumer_law.rights_answer"
    made_to_order = settings.get("made_to_order") if law.made_to_order else None
    if made_to_order == "all":
        return list(topics), [_finding(policies_file.name, root, key, "hint",
                                       "not added: consumer_law.made_to_order is all, so shoppers have no "
                                       "right to cancel to be told about")]
    answer = law.rights_answer
    slug = answer.get("topic") or RETURNS_TOPIC
    topic = next((topic for topic in topics if topic.slug == slug), None)
    ids = {question.id for other in topics for question in other.questions}
    if topic is None or answer["id"] in ids:
        why = (f"there is no {slug} topic (content/{slug}.yml) to add it to" if topic is None
               else f'a question already has the id "{answer["id"]}"')
        return list(topics), [_finding(policies_file.name, root, key, "hint", f"not added: {why}")]
    points = [rule.for_shoppers for rule in law.rules if rule.for_shoppers]
    if law.made_to_order is not None and made_to_order != "none":
        points.append(law.made_to_order.for_shoppers)
    text = "\n\n".join([answer["intro"], "\n".join(f"- {point}" for point in points), answer["outro"]])
    question = Question(_at(answer["id"], law, "id"), _at(answer["question"], law, "question"),
                        _at(text, law, "answer"), tuple(answer["keywords"]), ())
    added = dataclasses.replace(topic, questions=(*topic.questions, question))
    return [added if other is topic else other for other in topics], []


def _at(text: str, law: Law, key: str) -> Located:
    """Generated text, located at the law file's rights_answer (where a mistake in it would come from)."""
    located = Located(text)
    located.file, located.line, located.column = law.rights_file, law.rights_line, 1
    located.key = f"rights_answer.{key}"
    return located

