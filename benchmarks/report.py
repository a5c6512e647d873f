"""What every benchmark prints, as docs/measurements.md shows it: one line with the command, the machine and
when it ran, then Markdown tables. A maintainer pastes the output into that file."""

from __future__ import annotations

import os
import platform
import shlex
import subprocess
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Run:
    """When a benchmark started, and the machine's load average then: make one first thing."""

    started: datetime = field(default_factory=datetime.now)
    load: float = field(default_factory=lambda: os.getloadavg()[0])


def machine_line(run: Run, *software: str, env: Sequence[str] = ()) -> str:
    """The line above a benchmark's tables, e.g. `command`: 2 cores, 24 GB, Debian 12, Python 3.11.7, Node 20.20.2;
    2026-12-01 22:13 to 22:18, load 0.3 to 1.0: (the variables named in `env`, where set, before the command)."""
    ended, load = datetime.now(), os.getloadavg()[0]
    variables = [f"{name}={shlex.quote(os.environ[name])}" for name in env if name in os.environ]
    python = Path(sys.executable)
    python_name = str(python.relative_to(ROOT)) if python.is_relative_to(ROOT) else "python"
    script = Path(sys.argv[0]).resolve().relative_to(ROOT)
    command = " ".join([*variables, python_name, str(script), *map(shlex.quote, sys.argv[1:])])
    release = platform.freedesktop_os_release()
    memory = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") / 2**30
    machine = [f"{os.cpu_count()} cores", f"{memory:.0f} GB", f"{release['NAME'].split()[0]} {release['VERSION_ID']}",
               f"Python {platform.python_version()}", *software]
    until = f"{ended:%H:%M}" if ended.date() == run.started.date() else f"{ended:%Y-%m-%d %H:%M}"
    return (f"`{command}`: {', '.join(machine)}; {run.started:%Y-%m-%d %H:%M} to {until}, "
            f"load {run.load:.1f} to {load:.1f}:")


def node_version() -> str:
    return "Node " + _version_output(["node", "--version"]).strip().removeprefix("v")


def chromium_version(executable: str) -> str:
    """Chromium and its version (156.0.8078.129), as the browser itself gives them."""
    return " ".join(_version_output([executable, "--version"]).split()[:2])


def _version_output(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table as docs/measurements.md writes one (an empty cell is "| |")."""
    def line(cells: Sequence[object]) -> str:
        return "|" + "|".join(f" {cell} " if cell != "" else " " for cell in cells) + "|"

    return "\n".join([line(headers), "|" + "---|" * len(headers), *(line(row) for row in rows)])


def verdict(met: bool) -> str:
    """A target's result in a table: **met** or **missed**."""
    return "**met**" if met else "**missed**"
