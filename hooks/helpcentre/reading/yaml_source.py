"""Reading a YAML file strictly, keeping the line of every value.

PyYAML alone keeps the last of two duplicate keys, expands aliases (an "alias bomb" loads
fast and explodes later) and reports tabs cryptically. Here each of those stops with a
clear `DataError`; the schema then reads the node tree, so every value keeps its line.
A YAML syntax error is told in an editor's words, at the line to change (`syntax_error`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from .errors import DataError, Finding, Findings

MAX_BYTES = 1_000_000

_TAB_INDENT = re.compile(r"^[ ]*\t")
_TAB_INDENT_ALL = re.compile(r"^[ \t]*\t", re.MULTILINE)  # the whole indentation of a line with a tab in it
# Where a value may start on a line: after "key: ", after "- ", or both ("- key: ").
_VALUE_START = re.compile(r"^(\s*(?:-\s+)?(?:[\w.-]+:\s+)?(?:-\s+)?)")
_KEY_LINE = re.compile(r"^\s*(?:-\s+)?[\w.-]+:(?:\s|$)")
_BARE_KEY = re.compile(r"^\s*(?:-\s+)?[\w.-]+$")
_CLOSING = {'"': re.compile(r'(?:[^"\\]|\\.)*"'), "'": re.compile(r"(?:[^']|'')*'")}
_ANCHOR = re.compile(r"(?:!\S*\s+)?&([^\s,\[\]{}]+)")  # a node's properties: a tag, then its anchor
_ALIAS = re.compile(r"\*([^\s,\[\]{}]+)")
_FLOW_ITEM = re.compile(r""""(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,]+""")  # an item of a [ ] list, quoted or not
_COMMENT_AFTER = re.compile(r"\s+#")
_LIST_ITEM_LINE = re.compile(r"\s*-\s")
_INDENTATION_PROBLEMS = ("did not find expected key", "did not find expected '-' indicator", "expected <block end>")


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser when PyYAML has it (the wheels do): the same events, nodes and marks, ten times
    faster. Quoted and block scalars, and plain ones that no YAML type can start like, are text without
    asking PyYAML's resolver, written in Python, which would try its patterns on each."""

    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode and not (implicit[0] and value[:1] in self.yaml_implicit_resolvers):
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


def read_yaml(path: Path, name: str | None = None, found: Findings | None = None) -> yaml.Node:
    """Parse `path` into a node tree; `name` is how messages refer to the file. With `found`, a tab in the
    indentation is a finding added to it, and the file is read on with two spaces for each such tab.

    Each plain (unquoted) scalar followed by a comment on its line gets a `trailing_comment`
    attribute: the schema decides whether that comment cut an editor's text short. Each block scalar
    (| or >) gets a `text_column`: the column its lines start in."""
    name = name or path.name
    if path.stat().st_size > MAX_BYTES:
        raise DataError(name, None, "", f"the file is larger than 1 MB ({path.stat().st_size:,} bytes); "
                        "expected a short YAML file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DataError(name, None, "", "expected UTF-8 text; the file has bytes that are not") from error
    tabs = _tab_findings(text, name)
    if tabs and found is None:
        raise DataError.of(tabs[:1])
    text = _TAB_INDENT_ALL.sub(lambda match: match.group(0).replace("\t", "  "), text) if tabs else text
    try:
        node = yaml.compose(text, Loader=_Loader)  # aliases are not expanded here: an aliased node is shared
    except yaml.MarkedYAMLError as error:
        if tabs:  # read with spaces for its tabs, the file still does not read: the tabs come first
            raise DataError.of(tabs) from error
        if error.problem and error.problem.startswith("found undefined alias"):  # an alias with no anchor
            alias = _ALIAS.match(text, error.problem_mark.index)
            raise DataError(name, error.problem_mark.line + 1, "", f"an alias (*{alias[1] if alias else ''}) is "
                            "used; expected each value written out (anchors and aliases are not allowed)",
                            error.problem_mark.column + 1) from error
        raise syntax_error(text, name, error) from error
    if node is None:
        raise DataError(name, 1, "", "the file is empty; expected YAML content")
    _refuse_anchors(node, text, name)
    _mark_scalars(node, text.splitlines(), name)
    if found is not None:
        found.extend(tabs)
    return node


def syntax_error(text: str, name: str, error: yaml.MarkedYAMLError) -> DataError:
    """A YAML syntax error in an editor's words, at the line where it went wrong (which is often not the
    line where the parser noticed it), with the line as it should be when a change of that line is found that
    makes the file read (each suggestion is tried before it is offered)."""
    lines = text.splitlines()
    told = _told(lines, name, error)
    finding = told.findings[0]
    if finding.line is None:
        return told
    at = finding.line - 1
    offered = [finding.fix] if finding.fix else []  # the change the message shows, tried first
    fix = next((fixed for fixed in [*offered, *_fixes(lines, at)] if _reads_with(lines, at, fixed)), None)
    return DataError(finding.file, finding.line, finding.key, finding.message, finding.column, fix)


def _fixes(lines: list[str], at: int) -> Iterator[str]:
    """Changes of line `at` that may be what the editor meant, the likeliest first."""
    line = lines[at]
    prefix = _VALUE_START.match(line).group(1)
    value, hashed, comment = line[len(prefix):].partition(" #")
    comment = f" #{comment}" if hashed else ""
    quote = value[:1]
    if quote in _CLOSING and _CLOSING[quote].match(value, 1) is None:  # a quote never closed
        yield f"{prefix}{value.rstrip()}{quote}{comment}"
        yield f"{prefix}{line[len(prefix):].rstrip()}{quote}"
    if value.strip():
        yield f"{prefix}{_quoted(value)}{comment}"
        yield f"{prefix}{json.dumps(line[len(prefix):].strip().strip(quote), ensure_ascii=False)}"
    if "[" in line:
        yield _closed_list(line)
    indent = _indent(line) - 1
    above = [_indent(other) - 1 for other in reversed(lines[:at]) if _KEY_LINE.match(other)]
    for spaces in dict.fromkeys([indent - 1, indent + 1, *above]):
        if spaces >= 0:
            yield " " * spaces + line.lstrip(" ")


def _closed_list(line: str) -> str:
    """A [ ] list on one line closed, each item with a colon, a bracket or a # in quotes."""
    start = line.index("[")
    items = _FLOW_ITEM.findall(line, start + 1)
    items = [item.strip().rstrip("]").strip() for item in items if item.strip(" ]")]
    quoted = [item if item[:1] in "\"'" or not re.search(r"[:#\[\]{}]", item) else json.dumps(item)
              for item in items]
    return f"{line[:start]}[{', '.join(quoted)}]"


def _reads_with(lines: list[str], at: int, fixed: str) -> bool:
    """Whether the file reads with line `at` changed to `fixed`."""
    try:
        yaml.compose("\n".join([*lines[:at], fixed, *lines[at + 1:]]), Loader=_Loader)
    except yaml.MarkedYAMLError:
        return False
    return True


def _told(lines: list[str], name: str, error: yaml.MarkedYAMLError) -> DataError:
    """The mistake in words, at its line."""
    mark = error.problem_mark
    if mark is None:
        return DataError(name, None, "", f"this is not valid YAML: {error.problem}")
    at = min(mark.line, len(lines) - 1) if lines else 0
    quote = _quote_mistake(lines, at)
    if quote:
        return DataError(name, *quote)
    line = lines[at] if lines else ""
    context = error.context or ""
    if error.context_mark is not None and context.startswith("while parsing a flow"):
        opened = error.context_mark
        bracket = "[" if "sequence" in context else "{"
        closing = "]" if bracket == "[" else "}"
        comment = ' (" #" starts a comment, so an item containing # also needs quotes)' if " #" in lines[
            opened.line] else ""
        return DataError(name, opened.line + 1, "", f"a list opened with {bracket} on line {opened.line + 1} is "
                         f"not closed with {closing}; if an item contains a comma, a colon or a bracket, put that "
                         f'item in quotes ("..."){comment}', opened.column + 1)
    if (error.problem or "").startswith("mapping values are not allowed"):
        before = line[:mark.column]
        if _BARE_KEY.match(before):  # the key itself is where YAML expected more of the text above
            return _indentation(lines, at, name, "is indented further than the line above, so YAML reads it "
                                "as more of the text above; keys of one group start in the same column", True)
        value = line[len(_VALUE_START.match(line).group(1)):]
        fixed = f"{line[:len(line) - len(value)]}{_quoted(value)}"
        return DataError(name, at + 1, "", f'text containing ": " must be in quotes; write it as {fixed.strip()}',
                         mark.column + 1, fixed)
    if any((error.problem or "").startswith(problem) for problem in _INDENTATION_PROBLEMS):
        return _indentation(lines, at, name, "does not line up with the lines above it (the keys of one "
                            'group, and the "-" of the items of one list, start in the same column)')
    if (error.problem or "").startswith("found character that cannot start any token"):
        char = line[mark.column:mark.column + 1]
        return DataError(name, at + 1, "", f"text cannot start with {char} in YAML; put the text in quotes "
                         '("...")', mark.column + 1)
    return DataError(name, at + 1, "", f"this is not valid YAML: {error.problem}"
                     + (f" ({error.context})" if error.context else ""), mark.column + 1)


def _indentation(lines: list[str], at: int, name: str, why: str, further: bool = False) -> DataError:
    """The mistake at the line whose indentation went wrong. When a key looks indented `further` than the
    key above, the parser may be noticing a key above indented one space too far: indentation goes by two
    spaces, so of the two lines the one at an odd column is named."""
    above = next((n for n in range(at - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")),
                 None)
    if above is None:
        return DataError(name, at + 1, "", f"check the indentation of line {at + 1}: it {why}", _indent(lines[at]))
    if _KEY_LINE.match(lines[above]) and _indent(lines[above]) % 2 == 0 and _indent(lines[at]) % 2 == 1:
        consequence = ("looks indented further and YAML reads it as more of the text above" if further else
                       "does not line up with it")
        return DataError(name, above + 1, "", f"check the indentation of lines {above + 1} and {at + 1}: line "
                         f"{above + 1} is indented by an odd number of spaces, so line {at + 1} {consequence}; keys "
                         "of one group start in the same column", _indent(lines[above]))
    return DataError(name, at + 1, "", f"check the indentation of lines {above + 1} and {at + 1}: line {at + 1} "
                     f"{why}", _indent(lines[at]))


def _indent(line: str) -> int:
    """The column (from 1) where the line's text starts."""
    return len(line) - len(line.lstrip(" ")) + 1


def _quote_mistake(lines: list[str], last: int) -> tuple[int, str, str, int, str] | None:
    """(line, key, message, column, the line as it should be) of a quote opened and never closed on lines up to
    `last`, or of a text that starts with a quote and goes on after its closing quote; None if there is neither."""
    found = None
    for number in range(0, last + 1):
        line = lines[number]
        start = len(_VALUE_START.match(line).group(1))
        quote = line[start:start + 1]
        if quote not in _CLOSING:
            continue
        closed = _CLOSING[quote].match(line, start + 1)
        if closed is None:
            text, hashed, comment = line[start:].partition(" #")
            fixed = f"{line[:start]}{text.rstrip()}{quote}" + (f" #{comment}" if hashed else "")
            where = f'before the comment (" #" starts one): {fixed.strip()}' if hashed else "on the same line"
            message = (f"a quote ({quote}) opened on line {number + 1} is never closed; end the text with {quote} "
                       f"{where}")
            if quote == "'":
                message += " (inside single quotes, write an apostrophe twice, as in can''t; or use double quotes)"
            found = (number + 1, "", message, start + 1, fixed)
        elif number == last:
            after = line[closed.end():].strip()
            if quote == "'" and line[closed.end():closed.end() + 1].isalpha():
                text = json.dumps(line[start + 1:].strip().removesuffix("'"), ensure_ascii=False)
                found = (number + 1, "", "an apostrophe inside single quotes ends the text; write it twice (can''t), "
                         f"or put the text in double quotes: {text}", start + 1, line[:start] + text)
            elif after and not after.startswith(("#", ",", "]", "}")):
                other = "'" if quote == '"' else '"'
                whole = line[start:].strip()
                found = (number + 1, "", f"this text starts with a quote ({quote}), so YAML expects it to end "
                         f"there; put the whole text in the other quotes: {other}{whole}{other}", start + 1,
                         f"{line[:start]}{other}{whole}{other}")
    return found


def _quoted(value: str) -> str:
    """`value` (a plain YAML text, maybe in curly quotes) as a double-quoted YAML string."""
    text = value.split(" #")[0].strip().strip("“”‘’")
    return json.dumps(text, ensure_ascii=False)


def _mark_scalars(root: yaml.Node, lines: list[str], name: str) -> None:
    """Note comments after plain scalars and where block scalars' lines start; refuse a list item that YAML
    joined to the one above."""
    with_hash = {number for number, line in enumerate(lines) if "#" in line}  # where a comment can be
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in node.value for item in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif node.style in ("|", ">"):
            text_line = next((line for line in lines[node.start_mark.line + 1:node.end_mark.line] if line.strip()), "")
            node.text_column = _indent(text_line)
        elif not node.style:
            end = node.end_mark
            if end.line in with_hash and _COMMENT_AFTER.match(rest := lines[end.line][end.column:]):
                node.trailing_comment = rest.strip()
            for number in range(node.start_mark.line + 1, min(end.line + 1, len(lines))):
                if _LIST_ITEM_LINE.match(lines[number]):
                    raise DataError(name, number + 1, "", "this line is indented further than the line above, so "
                                    f"YAML joins the two into one text ({json.dumps(node.value, ensure_ascii=False)});"
                                    ' line its "-" up with the one above',
                                    _indent(lines[number]))


def _tab_findings(text: str, name: str) -> list[Finding]:
    """Each line indented with a tab, with the line as it should be (two spaces for each tab)."""
    if "\t" not in text:
        return []  # most files: no need to read them line by line
    return [Finding(name, number, "", "a tab is used for indentation; expected spaces only (two for each tab)",
                    line.index("\t") + 1, fix=fixed)
            for number, line in enumerate(text.splitlines(), start=1) if _TAB_INDENT.match(line)
            for fixed in [_TAB_INDENT_ALL.sub(lambda match: match.group(0).replace("\t", "  "), line)]]


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
                        "value written out (anchors and aliases are not allowed)", node.start_mark.column + 1)
