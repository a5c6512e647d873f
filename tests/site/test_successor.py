"""A way off Material 9: ProperDocs, the maintained MkDocs 1.x fork, builds this site byte for byte as MkDocs
does (but the generator tag). `make test` installs it, pinned, in a throwaway environment beside .venv
(Makefile, PROPERDOCS_VENV); docs/maintainers.md, "Moving off Material 9"."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_project

PROPERDOCS = ROOT / os.environ.get("PROPERDOCS_VENV", ".venv-properdocs") / "bin" / "properdocs"
_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build(command: list[str], project: Path, site: Path) -> dict[str, bytes]:
    subprocess.run([*command, "build", "--strict", "--quiet", "--config-file", "mkdocs.yml", "--site-dir", str(site)],
                   cwd=project, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1",
                                                 "SOURCE_DATE_EPOCH": "1798747200"})
    return {path.relative_to(site).as_posix(): _GENERATOR.sub(b"", path.read_bytes())
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    assert PROPERDOCS.is_file(), f"{PROPERDOCS} is missing: `make test` installs ProperDocs there"
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    by_mkdocs = _build([sys.executable, "-m", "mkdocs"], project, tmp_path / "mkdocs")
    by_properdocs = _build([str(PROPERDOCS)], project, tmp_path / "properdocs")
    assert sorted(by_properdocs) == sorted(by_mkdocs)
    assert [path for path in by_mkdocs if by_properdocs[path] != by_mkdocs[path]] == []
    # and the hook did run under ProperDocs: generated pages, the calculator, the FAQ data, the policy
    assert b'"@type":"FAQPage"' in by_properdocs["returns/index.html"]
    assert b"assets/calculator/page." in by_properdocs["returns/index.html"]
    assert b'http-equiv="Content-Security-Policy"' in by_properdocs["index.html"]
