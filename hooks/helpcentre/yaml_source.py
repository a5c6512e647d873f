"""Reading a YAML file strictly, keeping the line of every value.

PyYAML alone keeps the last of two duplicate keys, expands aliases (an "alias bomb" loads
fast and explodes later) and reports tabs cryptically. Here each of those stops with a
clear `DataError`; the schema then reads the node tree, so every value keeps its line.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import DataError

MAX_BYTES = 1_000_000
# libyaml's parser when PyYAML has it (the wheels do): the same events, nodes and marks, ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# A tab at the start of a line, lines as str.splitlines counts them.
_TAB_INDENT = re.compile(r"(?:^|(?<=[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]))[ ]*\t", re.MULTILINE)
_ANCHOR = re.compile(r"(?:!\S*\s+)?&([^\s,\[\]{}]+)")  # a node's properties: a tag, then its anchor
_ALIAS = re.compile(r"\*([^\s,\[\]{}]+)")


def read_yaml(path: Path, name: str | None = None) -> yaml.Node:
    """Parse `path` into a node tree; `name` is how messages refer to the file."""
    name = name or path.name
    if path.stat().st_size > MAX_BYTES:
        raise DataError(name, None, "", f"the file is larger than 1 MB ({path.stat().st_size:,} bytes); "
                        "expected a short YAML file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(name, None, "", "expected UTF-8 text; the file has bytes that are not") from error
    _refuse_tabs(text, name)
    try:
        node = yaml.compose(text, Loader=_LOADER)  # aliases are not expanded here: an aliased node is shared
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        if error.problem and error.problem.startswith("found undefined alias"):  # an alias with no anchor
            alias = _ALIAS.match(text, error.problem_mark.index)
            raise DataError(name, line, "", f"an alias (*{alias[1] if alias else ''}) is used; expected each value "
                            "written out (anchors and aliases are not allowed)") from error
        raise DataError(name, line, "", f"this is not valid YAML: {error.problem}"
                        + (f" ({error.context})" if error.context else "")) from error
    if node is None:
        raise DataError(name, 1, "", "the file is empty; expected YAML content")
    _refuse_anchors(node, text, name)
    return node


def _refuse_tabs(text: str, name: str) -> None:
    if "\t" in text and (tab := _TAB_INDENT.search(text)):
        line = len(text[:tab.start()].splitlines()) + 1  # counted as splitlines does (\r, \x85, ... too)
        raise DataError(name, line, "", "a tab is used for indentation; expected spaces only")


def _refuse_anchors(root: yaml.Node, text: str, name: str) -> None:
    """Stop at the first anchor, from the parse already made: a node with an anchor starts with it in the
    text (`&name`, perhaps after a tag), and every alias refers to one. Each node is visited once (an
    aliased node is shared, not copied), so an alias bomb costs no more than its text."""
    if "&" not in text:
        return  # no anchor can be written without one
    seen: set[int] = set()
    stack = [root]
    first: tuple[re.Match[str], yaml.Node] | None = None  # the anchor written first, and its node
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        anchor = _ANCHOR.match(text, node.start_mark.index)
        if anchor and (first is None or anchor.start() < first[0].start()):
            first = anchor, node
    if first is not None:
        anchor, node = first
        raise DataError(name, node.start_mark.line + 1, "", f"an anchor (&{anchor[1]}) is used; expected each "
                        "value written out (anchors and aliases are not allowed)")
