"""The one error type for bad input: policies.yaml or a content file an editor got wrong."""

from __future__ import annotations


class DataError(Exception):
    """A mistake in an input file, located precisely enough for an editor to fix it.

    Rendered as ``file:line: key.path: message``, e.g.
    ``policies.yaml:14: returns.window_days: expected a whole number of days, at least 1; got "a fortnight"``.
    """

    def __init__(self, file: str, line: int | None, key: str, message: str) -> None:
        self.file = file
        self.line = line
        self.key = key
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"
