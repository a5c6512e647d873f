"""The preview rebuilds the site in one process all day: the hook pauses and freezes Python's collector
while it reads the help centre (hooks/events.py), and every build, finished or failed, thaws it again, so
that a long preview neither grows nor keeps the collector from freeing a build's leftovers."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from conftest import copy_project


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return copy_project(tmp_path)


def build_in_this_process(project: Path) -> None:
    mkdocs_build.build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))


def test_each_build_leaves_the_collector_as_it_found_it(project: Path):
    for _ in range(2):  # a first build, then a rebuild in the same process
        build_in_this_process(project)
        assert (project / "site" / "returns" / "index.html").is_file()
        assert gc.get_freeze_count() == 0
        assert gc.isenabled()


def test_a_failed_build_leaves_the_collector_as_it_found_it(project: Path):
    policies = project / "policies.yaml"
    policies.write_text(policies.read_text(encoding="utf-8").replace("  window_days: 14 ", "  window_days: fourteen "),
                        encoding="utf-8")
    with pytest.raises((PluginError, Abort)):
        build_in_this_process(project)
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def test_a_build_that_fails_while_writing_pages_thaws_the_collector(project: Path, monkeypatch: pytest.MonkeyPatch):
    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(mkdocs_build, "_build_page", disk_full)
    with pytest.raises(OSError):
        build_in_this_process(project)
    assert gc.get_freeze_count() == 0
