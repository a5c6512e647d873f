"""Text from a content file that remembers where it was written, so that a mistake found at any character
of it is named at its file, line and column."""

from __future__ import annotations

import yaml

from helpcentre.reading.errors import DataError, Finding


class Located(str):
    """Text from a content file, with the file, line and column of its first character, and the column its
    other lines start in (`indent`: the indentation of a block of text, | or >)."""

    file: str
    line: int
    column: int
    indent: int
    key: str

    def error(self, message: str, key: str | None = None) -> DataError:
        """A mistake about this text, at the place it was written."""
        return DataError(self.file, self.line, self.key if key is None else key, message, self.column)


def locate(text: str, file: str, line: int, column: int, key: str, indent: int | None = None) -> Located:
    located = Located(text)
    located.file, located.line, located.column, located.key = file, line, column, key
    located.indent = column if indent is None else indent
    return located


def located_at(text: str, node: yaml.Node, key: str, file: str) -> Located:
    """`text`, read from `node`: a block's text starts on the line after its | or >, a quoted text after its
    quote."""
    if node.style in ("|", ">"):
        column = getattr(node, "text_column", node.start_mark.column + 1)
        return locate(text, file, node.start_mark.line + 2, column, key)
    column = node.start_mark.column + 1 + (node.style in ('"', "'"))
    return locate(text, file, node.start_mark.line + 1, column, key)


def position(text: str, offset: int, line: int = 1) -> tuple[int, int]:
    """(line, column) in its file of the character at `offset` of `text`, which starts on `line` (a Markdown
    page: its lines start in column 1)."""
    start = text.rfind("\n", 0, offset) + 1
    first_column, indent = (text.column, text.indent) if isinstance(text, Located) else (1, 1)
    return line + text.count("\n", 0, offset), (first_column if start == 0 else indent) + offset - start


def finding_at(text: str, offset: int, file: str, line: int, key: str, message: str) -> Finding:
    """A mistake at the character at `offset` of `text`, which starts on `line` of `file`."""
    at, column = position(text, offset, line)
    return Finding(file, at, key, message, column)
