"""Reproducible builds: the same sources and SOURCE_DATE_EPOCH give the same site, byte for byte, whatever
the machine's hash seed, time zone, locale and folder. Then a rebuild publishes only what changed, and
anyone can check that the published site is the one the sources make."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import Build, build_project, copy_project

# 2026-12-31 20:00 UTC is already 2027 in Auckland: a date or year taken from local time would show.
SOURCE_DATE_EPOCH = "1798747200"


def turkish_locale(folder: Path) -> dict[str, str]:
    """A locale unlike C.UTF-8 (its own case rules for i, comma decimals, day names), compiled into
    `folder` (glibc's localedef): no root needed, and nothing installed."""
    subprocess.run(["localedef", "-i", "tr_TR", "-f", "UTF-8", str(folder / "tr_TR.UTF-8")],
                   check=True, capture_output=True)
    env = {"LOCPATH": str(folder), "LC_ALL": "tr_TR.UTF-8", "LANG": "tr_TR.UTF-8"}
    thursday = subprocess.run([sys.executable, "-c", "import locale, time; locale.setlocale(locale.LC_ALL, '');"
                               " print(time.strftime('%A', time.gmtime(0)))"],
                              env={**os.environ, **env}, capture_output=True, text=True, check=True).stdout
    assert thursday.strip() == "Perşembe"  # the locale is really in use
    return env


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Build]:
    """The project built twice, at once, in two folders, on machines set up differently."""
    def first() -> Build:
        return build_project(copy_project(tmp_path_factory.mktemp("machine1")), {
            "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONHASHSEED": "1", "TZ": "UTC",
            "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"})

    def second() -> Build:
        return build_project(copy_project(tmp_path_factory.mktemp("machine2")), {
            "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "PYTHONHASHSEED": "2", "TZ": "Pacific/Auckland",
            **turkish_locale(tmp_path_factory.mktemp("locales"))})

    with ThreadPoolExecutor(2) as pool:
        builds = [future.result() for future in [pool.submit(first), pool.submit(second)]]
    for build in builds:
        assert build.returncode == 0, build.output
    return builds[0], builds[1]


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_on_different_machines_are_byte_identical(two_builds):
    first, second = (files(build.site) for build in two_builds)
    differences = [f"only in the first build: {path}" for path in first.keys() - second.keys()]
    differences += [f"only in the second build: {path}" for path in second.keys() - first.keys()]
    differences += [f"differs: {path}" for path in first.keys() & second.keys() if first[path] != second[path]]
    assert not differences, "\n".join(sorted(differences))
    assert len(first) > 20 and "sitemap.xml.gz" in first and "_headers" in first


def test_the_build_date_is_source_date_epoch_in_utc(two_builds):
    sitemap = (two_builds[1].site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2026-12-31</lastmod>" in sitemap
    # The gzip header's time stamp (bytes 4 to 8, little-endian): MkDocs writes the pages' update date,
    # which is the build date, at midnight UTC.
    gz = (two_builds[1].site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(gz[4:8], "little") == 1798675200  # 2026-12-31 00:00 UTC
