"""The one message format of every check: a finding in an input file, and the error that stops the build.

Every check (reading policies.yaml and the topic files, the rules for answers and pages, the copy
glossary, the policy advice) reports `Finding`s. The build, the preview's error page, `make check`
and the pull-request annotations all print the same findings in the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "hint", "advice", "unfinished"]
# An error stops the build and the preview; a hint or advice never stops anything; something unfinished (a TODO)
# stops the build, not the preview.


@dataclass(frozen=True)
class Finding:
    """Something in an input file, located precisely enough for an editor to act on it.

    Shown as ``file:line:column: key: message``, e.g.
    ``policies.yaml:14:16: returns.window_days: expected a whole number of days, at least 1; got "a fortnight"``.
    """

    file: str
    line: int | None
    key: str
    message: str
    column: int | None = None
    severity: Severity = "error"
    fix: str | None = None  # the line as it should be, where the message suggests one (the suggestion tested)
    refers_to: str = ""  # the answer ("refunds.md#refund-time", or "#refund-time") named where there is none
    knock_ons: tuple[Finding, ...] = ()  # what else this one mistake breaks, folded under it

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}" + (f":{self.column}" if self.column else "")
        said = f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"
        return "".join([said, *(f"\n    {knock_on}" for knock_on in self.knock_ons)])

    def workflow_command(self) -> str:
        """The finding as a GitHub Actions workflow command: shown on the pull request's changed line."""
        level = {"error": "error", "hint": "warning", "advice": "notice", "unfinished": "warning"}[self.severity]
        where = {"file": self.file, "line": self.line, "col": self.column, "title": self.key or self.file}
        properties = ",".join(f"{name}={_escape(str(value), True)}" for name, value in where.items() if value)
        return f"::{level} {properties}::{_escape(self.message, False)}"

    def order(self) -> tuple[str, int, int, str, str]:
        """Sorted by file, then line and column: the order an editor reads them in."""
        return self.file, self.line or 0, self.column or 0, self.key, self.message


def _escape(text: str, is_property: bool) -> str:
    """GitHub's escaping of workflow command data (and, for properties, of ':' and ',')."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if is_property else text


class DataError(Exception):
    """One or more mistakes in the input files; the build stops with all of them."""

    findings: tuple[Finding, ...]

    def __init__(self, file: str, line: int | None, key: str, message: str, column: int | None = None,
                 fix: str | None = None) -> None:
        self.findings = (Finding(file, line, key, message, column, fix=fix),)
        super().__init__(str(self))

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> DataError:
        """One error carrying several findings, in reading order."""
        error = cls.__new__(cls)
        error.findings = tuple(sorted(set(findings), key=Finding.order))
        Exception.__init__(error, str(error))
        return error

    def __str__(self) -> str:
        return "\n".join(str(finding) for finding in self.findings)


class Findings:
    """Collects the findings of independent checks, so that one pass reports every mistake at once."""

    def __init__(self) -> None:
        self.found: list[Finding] = []

    def attempt(self) -> Findings:
        """`with found.attempt():` runs a check that may raise `DataError`; its findings are kept and the
        next check runs. (A plain context manager: reading a topic file enters one per value.)"""
        return self

    def __enter__(self) -> None:
        pass

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: object) -> bool:
        if isinstance(error, DataError):
            self.found.extend(error.findings)
            return True
        return False

    def add(self, item: Finding | DataError) -> None:
        self.found.extend(item.findings if isinstance(item, DataError) else [item])

    def extend(self, findings: Iterable[Finding]) -> None:
        self.found.extend(findings)

    @property
    def errors(self) -> list[Finding]:
        return sorted({f for f in self.found if f.severity == "error"}, key=Finding.order)

    @property
    def notes(self) -> list[Finding]:
        """The hints and advice: shown to the editor, never a reason to stop."""
        return sorted({f for f in self.found if f.severity in ("hint", "advice")}, key=Finding.order)

    @property
    def unfinished(self) -> list[Finding]:
        """What is still to write (a TODO): shown in the preview, refused by the build."""
        return sorted({f for f in self.found if f.severity == "unfinished"}, key=Finding.order)

    def raise_errors(self) -> None:
        if self.found and self.errors:
            raise DataError.of(self.errors)
