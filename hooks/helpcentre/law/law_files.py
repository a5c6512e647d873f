"""Law files: `law/<code>.yaml` read, checked and resolved into the rules of one country.

A file is a country's law (GB.yaml) or a union's (EU.yaml, which lists its `members`). A country file may
`extends: EU` and add rules or replace what it says differently: a rule with the id of the file it extends
replaces the keys it writes and, when it names its own provision, is cited before the one it implements.
A country with no file of its own falls back to the union that lists it. Every mistake is named with its
file, line and key, like a mistake in policies.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpcentre.content.topics import Slug
from helpcentre.policy.policies import DEADLINES
from helpcentre.policy.policies import SCHEMA as POLICY_SCHEMA
from helpcentre.reading.errors import Findings
from helpcentre.reading.schema import (
    Choice,
    CountryCode,
    Field,
    ListOf,
    Optional,
    Range,
    Record,
    Text,
    Whole,
    YesNo,
    country_name,
    error_at,
    fail,
    item_key,
    node_at,
)
from helpcentre.reading.yaml_source import read_yaml

COMPARISONS = ("at_least", "at_most", "at_most_after_notice", "is", "none_of", "answered")
RETURNS_TOPIC = "returns"  # where the "Your legal rights" answer goes unless the law file names a topic


class Address(Text):
    """A web address of the law's text."""

    def read(self, node: yaml.Node, key: str, file: str) -> str:
        value = super().read(node, key, file)
        if not re.fullmatch(r"https://[^\s]+", value):
            raise fail(file, node, key, "a web address starting with https://")
        return value


def _optional(fields: dict[str, Field]) -> Record:
    """A record whose keys may each be left out: a file that extends another writes only what differs;
    what a complete file needs is checked once the files are put together."""
    return Record({name: Optional(field) for name, field in fields.items()})


RULE_FIELDS: dict[str, Field] = {
    "id": Text(),
    "policy": Text(),
    "or_policy": Text(),  # the key compared when the shop leaves policy: out (refunds in calendar days)
    "deadlines": ListOf(Choice(DEADLINES), min_items=1),  # the returns models compared; all when left out
    "at_least": Whole("day"),
    "at_most": Whole("day"),
    "at_most_after_notice": Whole("day"),
    "is": Text(),
    "none_of": ListOf(Text(), min_items=1),
    "answered": ListOf(ListOf(Text(), min_items=1), min_items=1),
    "reference": Text(),
    "provision": Text(),
    "address": Address(),
    "made_to_order_excluded": YesNo(),
    "policy_says": Text(),
    "law_requires": Text(),
    "advice": Text(),
    "for_shoppers": Text(),
}
EVERY_RULE_NEEDS = ("id", "provision", "address", "law_requires")  # and for_shoppers, unless compared
A_COMPARISON_NEEDS = ("policy", "policy_says", "advice")
MADE_TO_ORDER = {"provision": Text(), "address": Address(), "law": Text(), "for_shoppers": Text()}
RIGHTS_ANSWER = {"id": Slug(), "topic": Slug(), "question": Text(), "intro": Text(), "outro": Text(),
                 "keywords": ListOf(Text(), min_items=1)}
LAW_FILE = Record({
    "country": Text(),
    "extends": Optional(Text()),
    "members": Optional(ListOf(CountryCode(), min_items=1)),
    "law": Optional(Text()),
    "reference": Optional(Text()),
    "address": Optional(Address()),
    "scope": Optional(Text()),
    "status": Optional(Text()),
    "made_to_order": Optional(_optional(MADE_TO_ORDER)),
    "rules": Optional(ListOf(Record({"id": Text()} | {name: Optional(field) for name, field in RULE_FIELDS.items()
                                                       if name != "id"}))),
    "notes": Optional(ListOf(Record({"policy": Text(), "note": Text()}))),
    "rights_answer": Optional(_optional(RIGHTS_ANSWER)),
})
PARTS = ("made_to_order", "rights_answer", "rules", "notes")  # put together key by key, or rule by rule
A_FILE_NEEDS = ("law", "reference", "address", "scope", "status", "rules", "rights_answer")  # unless it extends one


@dataclass(frozen=True)
class Citation:
    """Where a rule comes from: the law's short reference, the provision in it, and its address."""

    reference: str  # e.g. SI 2013/3134
    provision: str  # e.g. reg. 34(4) to 34(6)
    address: str

    def __str__(self) -> str:
        return f"{self.reference} {self.provision}, {self.address}"


@dataclass(frozen=True)
class Rule:
    """One statutory rule: what it tells shoppers and, when it has a comparison, the policy key it reads."""

    id: str
    policy: str | None  # the policies.yaml key the comparison reads (None: told to shoppers, not compared)
    or_policy: str | None  # the key it reads when the shop leaves policy out
    deadlines: tuple[str, ...]  # the returns models (returns.deadline) it compares; () for all
    comparison: str | None  # one of COMPARISONS
    limit: Any
    citations: tuple[Citation, ...]  # the most specific first: a country's statute, then what it implements
    made_to_order_excluded: bool
    policy_says: str
    law_requires: str
    advice: str
    for_shoppers: str  # "" for a compared rule that leaves telling shoppers to another


@dataclass(frozen=True)
class MadeToOrder:
    """The exception from the right to cancel for goods made to the consumer's specifications."""

    citation: Citation
    law: str
    for_shoppers: str


@dataclass(frozen=True)
class Note:
    """A plain line for every shop of the country, at a policy key (what the law does not require)."""

    policy: str
    note: str


@dataclass(frozen=True)
class Law:
    """The consumer law of one country (or union), as its files say it."""

    file: str  # as messages name it, e.g. law/GB.yaml
    country: str
    reference: str
    address: str
    members: tuple[str, ...]
    made_to_order: MadeToOrder | None
    rules: tuple[Rule, ...]
    notes: tuple[Note, ...]
    rights_answer: dict[str, Any]
    rights_file: str  # the file and line the rights answer is written at, for messages about it
    rights_line: int


@dataclass(frozen=True)
class _Written:
    """A value as a file writes it, with its node: for messages about the file it came from."""

    value: Any
    file: str
    node: yaml.Node


Keys = dict[str, _Written]


@dataclass
class _Chain:
    """A law file put together with the files it extends, each key as the latest file writes it."""

    top: Keys
    made_to_order: Keys
    rights: Keys
    rights_at: _Written | None  # the latest rights_answer: where messages about the answer point
    rules: dict[str, Keys]  # by id, in the order the files add them
    rule_keys: dict[str, str]  # by id: its key path in the file that adds it, such as rules[2]
    notes: list[Note]


def load_law(path: Path, name: str) -> Law:
    """Read and check a law file and the files it extends; raises `DataError` naming every mistake."""
    chain = _read_chain(path, name, ())
    found, rules = Findings(), []
    for rule_id, keys in chain.rules.items():
        with found.attempt():
            rules.append(_build_rule(keys, rule_id, chain.rule_keys[rule_id]))
    found.raise_errors()
    assert chain.rights_at is not None  # a file that extends none has rights_answer
    rights = _complete(chain.rights, RIGHTS_ANSWER, "rights_answer", chain.rights_at, optional=("topic",))
    made_to_order = None
    if chain.made_to_order:
        at = next(iter(chain.made_to_order.values()))
        made = _complete(chain.made_to_order, MADE_TO_ORDER, "made_to_order", at)
        made_to_order = MadeToOrder(Citation(made["reference"].value, made["provision"].value,
                                             made["address"].value), made["law"].value, made["for_shoppers"].value)
    top = chain.top
    return Law(name, top["country"].value, top["reference"].value, top["address"].value,
               tuple(top["members"].value) if "members" in top else (), made_to_order, tuple(rules),
               tuple(chain.notes), {key: written.value for key, written in rights.items()},
               chain.rights_at.file, chain.rights_at.node.start_mark.line + 1)


def law_of_country(folder: Path, country: str) -> tuple[Path, Path | None] | None:
    """The law file for `country`: its own, or else the union's that lists it as a member (then also the
    file the country could have); None when there is neither."""
    own = folder / f"{country}.yaml"
    if own.is_file():
        return own, None
    for union in sorted(folder.glob("*.yaml")):
        if country_name(union.stem) is None:  # not a country: a union, such as EU
            name = f"{folder.name}/{union.name}"
            if country in (LAW_FILE.read(read_yaml(union, name), "", name)["members"] or []):
                return union, own
    return None


def policy_field(path: str) -> Field | None:
    """The field type of a policies.yaml key path, or None if there is no such key."""
    field: Field = POLICY_SCHEMA
    for part in path.split("."):
        while isinstance(field, Optional):
            field = field.field
        if not isinstance(field, Record) or part not in field.fields:
            return None
        field = field.fields[part]
    while isinstance(field, Optional):
        field = field.field
    return field


# Reading the files ------------------------------------------------------------------------------------

def _read_chain(path: Path, name: str, below: tuple[str, ...]) -> _Chain:
    """The file at `path` over the files it extends (`below`: the files that extend it, to refuse a loop)."""
    root = read_yaml(path, name)
    values = LAW_FILE.read(root, "", name)
    if values["country"] != path.stem:
        raise error_at(name, node_at(root, "country"), "country",
                       f"expected {path.stem}, the country this file is named after; got {values['country']}")
    if values["extends"] is None:
        missing = [key for key in A_FILE_NEEDS if values[key] is None]
        if missing:
            raise error_at(name, root, missing[0], f"this key is missing; expected {missing[0]}: under the top "
                           "level (or extends: a file that has it)")
        chain = _Chain({}, {}, {}, None, {}, {}, [])
    else:
        chain = _read_chain(_extended(path, name, root, values["extends"], below),
                            f"{path.parent.name}/{values['extends']}.yaml", (*below, path.stem))
    own = _keys(values, root, name)
    chain.top.update({key: written for key, written in own.items() if key not in PARTS})
    if "made_to_order" in own:
        made = _keys(values["made_to_order"], own["made_to_order"].node, name)
        if "provision" in made:  # cited by the law it is written in
            made["reference"] = _Written(chain.top["reference"].value, name, made["provision"].node)
        chain.made_to_order.update(made)
    if "rights_answer" in own:
        chain.rights.update(_keys(values["rights_answer"], own["rights_answer"].node, name))
        chain.rights_at = own["rights_answer"]
    added: set[str] = set()
    for n, rule in enumerate(values["rules"] or []):
        key = item_key("rules", n)
        node = node_at(root, key)
        if rule["id"] in added:
            raise error_at(name, node_at(node, "id"), f"{key}.id",
                           f'the id "{rule["id"]}" is used twice; expected each once')
        added.add(rule["id"])
        before = chain.rules.get(rule["id"], {})
        chain.rule_keys.setdefault(rule["id"], key)
        chain.rules[rule["id"]] = {**before, **_cited(_keys(rule, node, name), before, chain.top, key)}
    for n, note in enumerate(values["notes"] or []):
        if policy_field(note["policy"]) is None:
            key = item_key("notes", n) + ".policy"
            raise error_at(name, node_at(root, key), key,
                           f'expected a key of policies.yaml such as returns.window_days; got "{note["policy"]}"')
        chain.notes.append(Note(note["policy"], note["note"]))
    return chain


def _extended(path: Path, name: str, root: yaml.Node, code: str, below: tuple[str, ...]) -> Path:
    """The file that `extends: code` names, which must exist and not extend this file again."""
    where, extended = node_at(root, "extends"), path.with_name(f"{code}.yaml")
    if not extended.is_file():
        raise fail(name, where, "extends", f"the code of another file in {path.parent.name}/, such as EU for "
                   f"{path.parent.name}/EU.yaml; there is no {path.parent.name}/{code}.yaml", f'"{code}"')
    if code in (*below, path.stem):
        raise fail(name, where, "extends", "a file that does not extend this one again",
                   f'"{code}", which extends {path.stem}')
    return extended


def _keys(values: dict[str, Any], node: yaml.Node, file: str) -> Keys:
    """The keys a mapping writes (those left out are not there), each with its value node."""
    return {key.value: _Written(values[key.value], file, value) for key, value in node.value
            if values.get(key.value) is not None}


def _cited(written: Keys, before: Keys, top: Keys, key: str) -> Keys:
    """A rule's keys as a file writes them, with its citations: a provision the file names (with its address,
    in the rule's own reference or the file's) comes before those of the rule it replaces."""
    if "provision" not in written and "address" not in written:
        return written
    for name, other in (("address", "provision"), ("provision", "address")):
        if name not in written:
            raise error_at(written["id"].file, written["id"].node, f"{key}.{name}", f"this key is missing; "
                           f"expected {name}: beside {other}, for a provision and its address go together")
    reference = written["reference"].value if "reference" in written else top["reference"].value
    cited = Citation(reference, written["provision"].value, written["address"].value)
    earlier = before["citations"].value if "citations" in before else ()
    return {**written, "citations": _Written((cited, *earlier), written["provision"].file, written["provision"].node)}


def _build_rule(keys: Keys, rule_id: str, key: str) -> Rule:
    """The rule its files put together, with every key it needs and a comparison that can read its policy;
    `key` is its path in the file that adds it."""
    first = keys["id"]
    for name in EVERY_RULE_NEEDS:
        if name not in keys:
            raise error_at(first.file, first.node, f"{key}.{name}", f"this key is missing; expected {name}: in "
                           "every rule" + (", the provision of the law it comes from" if name == "provision" else ""))
    comparisons = [name for name in COMPARISONS if name in keys]
    if len(comparisons) > 1:
        raise error_at(first.file, first.node, key, f"expected at most one comparison ({', '.join(COMPARISONS)}); "
                       f"got {', '.join(comparisons)}")
    comparison = comparisons[0] if comparisons else None
    if comparison is None and "for_shoppers" not in keys:
        raise error_at(first.file, first.node, f"{key}.for_shoppers", "this key is missing; expected for_shoppers: "
                       "in a rule told to shoppers only")
    if comparison is None and "policy" in keys:
        raise error_at(keys["policy"].file, keys["policy"].node, f"{key}.policy", "expected a comparison "
                       f"({', '.join(COMPARISONS)}) beside policy:, or neither in a rule told to shoppers only")
    if comparison is not None:
        for name in A_COMPARISON_NEEDS:
            if name not in keys:
                raise error_at(first.file, first.node, f"{key}.{name}",
                               f"this key is missing; expected {name}: in a rule with a comparison")
        _check_comparison(keys, comparison, key)
    value = {name: keys[name].value if name in keys else None for name in RULE_FIELDS}
    return Rule(rule_id, value["policy"], value["or_policy"], tuple(value["deadlines"] or ()), comparison,
                comparison and value[comparison], keys["citations"].value, bool(value["made_to_order_excluded"]),
                value["policy_says"] or "", value["law_requires"], value["advice"] or "", value["for_shoppers"] or "")


def _check_comparison(keys: Keys, comparison: str, key: str) -> None:
    """The comparison can read the policy key the rule names."""
    for name in ("policy", "or_policy"):
        if name in keys:
            _check_key_compared(keys, name, comparison, key)


def _check_key_compared(keys: Keys, name: str, comparison: str, key: str) -> None:
    """The comparison can read the policy key at `name` (policy or or_policy)."""
    policy = keys[name]
    field = policy_field(policy.value)
    if field is None:
        raise error_at(policy.file, policy.node, f"{key}.{name}",
                       f'expected a key of policies.yaml such as returns.window_days; got "{policy.value}"')
    unit = getattr(field, "unit", None)
    fits = {"at_least": isinstance(field, Whole) and unit == "day",
            "at_most": isinstance(field, Whole | Range) and unit in ("day", "business day"),
            "at_most_after_notice": isinstance(field, Whole) and unit in ("day", "business day"),
            "is": isinstance(field, Choice) and keys[comparison].value in field.phrases,
            "none_of": isinstance(field, ListOf) and isinstance(field.item, Text),
            "answered": True}  # the answers are compared; the key is where the advice is shown
    if not fits[comparison]:
        written = keys[comparison]
        raise error_at(written.file, written.node, f"{key}.{comparison}",
                       f"{comparison} cannot compare {policy.value}: " + {
                           "at_least": "expected a key counted in days",
                           "at_most": "expected a key (or a range) counted in days or business days",
                           "at_most_after_notice": "expected a key counted in days or business days",
                           "is": "expected a key with a few allowed words, and one of them",
                           "none_of": "expected a key holding a list of texts"}[comparison])


def _complete(keys: Keys, needs: dict[str, Any], key: str, where: _Written,
              optional: tuple[str, ...] = ()) -> Keys:
    """The keys of a part put together from its files, each one it needs there."""
    for name in needs:
        if name not in optional and name not in keys:
            raise error_at(where.file, where.node, f"{key}.{name}", f"this key is missing; expected {name}: "
                           f"under {key}")
    return keys
