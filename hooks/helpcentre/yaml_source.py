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
_TAB_INDENT = re.compile(r"^[ ]*\t")


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
        _refuse_anchors(text, name)
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise DataError(name, mark.line + 1 if mark else None, "", f"this is not valid YAML: {error.problem}"
                        + (f" ({error.context})" if error.context else ""),
                        mark.column + 1 if mark else None) from error
    if node is None:
        raise DataError(name, 1, "", "the file is empty; expected YAML content")
    return node


def _refuse_tabs(text: str, name: str) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        if _TAB_INDENT.match(line):
            raise DataError(name, number, "", "a tab is used for indentation; expected spaces only",
                            line.index("\t") + 1)


def _refuse_anchors(text: str, name: str) -> None:
    for event in yaml.parse(text, Loader=_LOADER):
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        if isinstance(event, yaml.AliasEvent):
            raise DataError(name, line, "", f"an alias (*{event.anchor}) is used; expected each value "
                            "written out (anchors and aliases are not allowed)", column)
        if getattr(event, "anchor", None):
            raise DataError(name, line, "", f"an anchor (&{event.anchor}) is used; expected each value "
                            "written out (anchors and aliases are not allowed)", column)
