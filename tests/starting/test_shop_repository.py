"""A shop in a git repository of its own, with the generator as a submodule pinned at a commit: added first, then
`make -C generator new-shop DIR=..` (the README's way), or made by `make new-shop` outside the generator's
repository. The shop's `make check` and `make build` run the pinned generator, and `make update` moves the pin
to the generator's newest commit, which `make diff` then reports on."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from test_new_shop import run_new_shop, write_every_todo

from conftest import ROOT, copy_project

GIT = ["git", "-c", "user.name=Shop Owner", "-c", "user.email=owner@shop.example", "-c", "protocol.file.allow=always"]
# The generator is a folder here, not an https:// address: git fetches from a folder only when allowed to.
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "protocol.file.allow",
       "GIT_CONFIG_VALUE_0": "always"}


def git(folder: Path, *arguments: str) -> str:
    return subprocess.run([*GIT, "-C", str(folder), *arguments], capture_output=True, text=True,
                          check=True).stdout.strip()


def make(folder: Path, target: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "--no-print-directory", target], cwd=folder, capture_output=True, text=True,
                          env=ENV)


def share_the_generators_environment(generator: Path) -> None:
    """The pinned generator's .venv is the one the tests run in (a real clone would install its own)."""
    (generator / ".venv").symlink_to(Path(ROOT / ".venv").resolve())
    (generator / ".venv" / ".installed").touch()


def generator_repository(tmp_path: Path) -> Path:
    """The generator's repository (the working tree's files, committed), as a shop clones it."""
    (tmp_path / "generator").mkdir()
    upstream = copy_project(tmp_path / "generator")
    for name in ("Makefile", "requirements.txt", "requirements-tests.txt"):
        shutil.copy2(ROOT / name, upstream / name)
    git(upstream, "init", "--quiet")
    git(upstream, "add", "--all")
    git(upstream, "commit", "--quiet", "-m", "The generator")
    return upstream


def test_make_new_shop_outside_the_repository_makes_a_shop_repository_pinning_the_generator(tmp_path: Path):
    upstream = generator_repository(tmp_path)
    shop = tmp_path / "corner-shop"
    made = run_new_shop(upstream, "--dir", str(shop), "--country", "GB", "--name", "Corner Shop",
                        "--email", "help@corner.example")
    assert made.returncode == 0, made.stderr
    assert f"cd {shop} && make serve" in made.stdout
    assert git(shop, "ls-files", "--stage", "generator").split()[1] == git(upstream, "rev-parse", "HEAD")
    assert (shop / "Makefile").is_file() and "INHERIT: generator/mkdocs.yml" in (shop / "mkdocs.yml").read_text("utf-8")


def test_the_shop_pins_the_generator_and_make_update_moves_the_pin(tmp_path: Path):
    upstream = generator_repository(tmp_path)
    shop = tmp_path / "corner-shop"
    shop.mkdir()
    git(shop, "init", "--quiet")
    git(shop, "submodule", "--quiet", "add", str(upstream), "generator")
    made = run_new_shop(shop / "generator", "--dir", "..", "--country", "GB", "--name", "Corner Shop",
                        "--email", "help@corner.example")
    assert made.returncode == 0, made.stderr
    assert "cd .. && make serve" in made.stdout
    pinned = git(upstream, "rev-parse", "HEAD")
    assert git(shop, "ls-files", "--stage", "generator").split()[1] == pinned
    share_the_generators_environment(shop / "generator")

    assert "answers left to write" in make(shop, "check").stdout
    write_every_todo(shop)
    built = make(shop, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Corner Shop" in (shop / "site" / "index.html").read_text(encoding="utf-8")
    git(shop, "add", "--all", ":!site")
    git(shop, "commit", "--quiet", "-m", "Our help centre")

    words = upstream / "words" / "en-GB.yml"  # the generator moves on: a sentence it writes from the policy, reworded
    words.write_text(words.read_text(encoding="utf-8").replace(
        '"on the next business day after you place it"', '"on the first business day after you place it"'),
        encoding="utf-8")
    git(upstream, "commit", "--quiet", "-am", "Processing: the first business day")
    newest = git(upstream, "rev-parse", "HEAD")

    updated = make(shop, "update")
    assert updated.returncode == 0, updated.stdout + updated.stderr
    assert git(shop, "ls-files", "--stage", "generator").split()[1] == newest != pinned
    assert "Processing: the first business day" in updated.stdout
    assert "No mistakes in" in updated.stdout

    diff = make(shop, "diff")
    assert diff.returncode == 0, diff.stdout + diff.stderr
    assert "We start your order on the **first** business day after you place it" in diff.stdout
