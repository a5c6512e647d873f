"""`make new-shop`: a shop folder for GB, US and NL that previews at once, whose TODOs `make check` lists with
file:line and the build refuses, and that builds --strict once they are written; bad input refused, nothing
written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, copy_project
from helpcentre.policy.policies import SCHEMA
from helpcentre.starting import new_shop

COUNTRIES = yaml.safe_load((ROOT / "hooks" / "helpcentre" / "starting" / "countries.yaml").read_text("utf-8"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# The smallest PNG: one transparent pixel
PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300"
                      "01000005000100d0a9a5870000000049454e44ae426082")


def run_new_shop(generator: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """`make new-shop` as the generator in `generator` runs it."""
    return subprocess.run([sys.executable, "-m", "helpcentre.starting.new_shop", *arguments], cwd=generator,
                          capture_output=True, text=True, env={**ENV, "PYTHONPATH": str(generator / "hooks")})


def run_check(generator: Path, shop: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "helpcentre", "check", "--project", str(shop)], cwd=generator,
                          capture_output=True, text=True, env={**ENV, "PYTHONPATH": str(generator / "hooks")})


def build(shop: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(shop / "site")],
                          cwd=shop, capture_output=True, text=True, env=ENV)


def todo_lines(shop: Path) -> set[str]:
    """Every line with TODO in the shop's files, as file:line."""
    files = [shop / "policies.yaml", shop / "mkdocs.yml", *sorted((shop / "content").glob("*.yml"))]
    return {f"{path.relative_to(shop).as_posix()}:{number}" for path in files
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if "TODO" in line}


def write_every_todo(shop: Path) -> None:
    """What a shop owner does: each answer written (a sentence of its own), each value decided."""
    written = iter(range(1000))
    for path in sorted((shop / "content").glob("*.yml")):
        text = re.sub(r"TODO: .*", lambda _: f"We keep answer {next(written)} short: ask us anything about it.",
                      path.read_text(encoding="utf-8"))
        path.write_text(text, encoding="utf-8")
    policies = shop / "policies.yaml"
    policies.write_text(policies.read_text(encoding="utf-8").replace("TODO decide: ", ""), encoding="utf-8")
    settings = shop / "mkdocs.yml"
    settings.write_text(re.sub(r"site_url: .*", "site_url: https://help.example.org/",
                               settings.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.mark.parametrize("country", ["GB", "US", "NL"])
def test_a_new_shop_lists_its_todos_refuses_to_build_then_builds_once_they_are_written(tmp_path, country):
    generator = copy_project(tmp_path)
    shop = generator / "shops" / country.lower()
    made = run_new_shop(generator, "--dir", str(shop), "--country", country, "--name", f"Corner Shop {country}",
                        "--email", "help@corner.example")
    assert made.returncode == 0, made.stderr
    assert f"make serve SHOP={shop}" in made.stdout

    policies = yaml.safe_load((shop / "policies.yaml").read_text(encoding="utf-8"))
    defaults = COUNTRIES[country]
    assert policies["calendar"]["time_zone"] == defaults["time_zone"]
    assert policies["calendar"]["bank_holidays"]["country"] == country
    assert policies["shop"]["currency"] == defaults["currency"]
    assert policies["shop"].get("locale") == (defaults["locale"] if "locale" in SCHEMA.fields["shop"].fields else None)
    assert f"law/{country}.yaml" in (shop / "policies.yaml").read_text(encoding="utf-8")

    checked = run_check(generator, shop)
    assert checked.returncode == 1
    listed = re.findall(r"^([\w/.-]+:\d+): ", checked.stdout, flags=re.MULTILINE)
    assert set(listed) == todo_lines(shop) and len(listed) == len(todo_lines(shop))
    answers = sum(1 for where in listed if where.startswith("content/"))
    assert f"{answers} answers left to write" in checked.stdout
    assert "No mistakes in" in checked.stdout  # unfinished, not wrong: the preview shows it

    refused = build(shop)
    assert refused.returncode != 0 and f"{answers} answers left to write" in refused.stdout + refused.stderr
    assert not (shop / "site" / "index.html").exists()

    write_every_todo(shop)
    assert todo_lines(shop) == set()
    built = build(shop)
    assert built.returncode == 0, built.stdout + built.stderr
    home = (shop / "site" / "index.html").read_text(encoding="utf-8")
    assert f"Corner Shop {country}" in home and "unfinished" not in home
    order_dates = (shop / "site" / "order-dates" / "index.html").read_text(encoding="utf-8")
    assert defaults["time_zone_name"] in order_dates
    help_centre = {"en-US": "help center"}.get(defaults["locale"], "help centre")
    assert f'data-help-subject="Question from the {help_centre}"' in home  # the search panel's email


@pytest.mark.parametrize("country, british, own", [("US", "parcel", "package"), ("US", "postage", "shipping"),
                                                    ("US", "colour", "color"), ("GB", "parcel", "package")])
def test_the_kit_speaks_the_shops_variant_and_its_glossary_keeps_it(tmp_path, country, british, own):
    shop = tmp_path / "shop"
    made = run_new_shop(ROOT, "--dir", str(shop), "--country", country, "--name", "Corner Shop",
                        "--email", "help@corner.example")
    assert made.returncode == 0, made.stderr
    answers = " ".join(path.read_text(encoding="utf-8") for path in (shop / "content").glob("*.yml"))
    words = re.findall(rf"(?<![-\w])({british}|{own})s?(?![-\w])", answers, flags=re.IGNORECASE)
    assert words and {word.lower() for word in words} == {own if country == "US" else british}
    glossary = yaml.safe_load((shop / "content" / "style" / "glossary.yml").read_text(encoding="utf-8"))
    assert (glossary.get(own) == [british]) == (country == "US")


def test_the_identity_asked_for_is_the_sites(tmp_path):
    generator = copy_project(tmp_path)
    (tmp_path / "logo.png").write_bytes(PIXEL)
    (tmp_path / "icon.png").write_bytes(PIXEL)
    shop = generator / "shops" / "teal"
    made = run_new_shop(generator, "--dir", str(shop), "--country", "GB", "--name", "Teal & Co", "--email",
                        "hi@teal.example", "--url", "https://help.teal.example/", "--logo", str(tmp_path / "logo.png"),
                        "--favicon", str(tmp_path / "icon.png"), "--colour", "teal")
    assert made.returncode == 0, made.stderr
    write_every_todo(shop)
    (shop / "mkdocs.yml").write_text((shop / "mkdocs.yml").read_text("utf-8").replace(
        "https://help.example.org/", "https://help.teal.example/"), encoding="utf-8")
    built = build(shop)
    assert built.returncode == 0, built.stdout + built.stderr
    home = (shop / "site" / "index.html").read_text(encoding="utf-8")
    assert 'data-md-color-primary="teal"' in home
    assert re.search(r'<img src="assets/logo\.png"', home)
    assert re.search(r'<link rel="icon" href="assets/favicon\.png"', home)
    assert "Teal &amp; Co" in home and "https://help.teal.example/" in home
    assert (shop / "site" / "assets" / "logo.png").read_bytes() == PIXEL


def test_without_arguments_it_says_what_it_needs(capsys):
    assert new_shop.main([]) == 0
    said = capsys.readouterr().out
    assert all(f"{key}=" in said for key in ("DIR", "COUNTRY", "NAME", "EMAIL", "LOGO", "COLOUR"))
    assert all(country in said for country in COUNTRIES)


@pytest.mark.parametrize("change, expected", [
    ({"dir": "occupied"}, "the folder exists and is not empty"),
    ({"country": "XX"}, "'XX' is not a country code"),
    ({"country": "JP"}, "Japan (JP) has no defaults here"),
    ({"email": "help@"}, "EMAIL=help@: expected an email address"),
    ({"email": None}, "EMAIL: missing"),
    ({"logo": "no-such-logo.png"}, "there is no such file"),
    ({"logo": "notes.txt"}, "expected an image file"),
    ({"colour": "rainbow"}, "COLOUR=rainbow: expected one of Material's colours"),
    ({"url": "help.shop.example"}, "URL=help.shop.example: expected the help centre's address"),
])
def test_bad_input_is_refused_with_nothing_written(tmp_path, capsys, monkeypatch, change, expected):
    monkeypatch.chdir(tmp_path)
    for variable in ("DIR", "COUNTRY", "NAME", "EMAIL", "URL", "LOGO", "FAVICON", "COLOUR"):
        monkeypatch.delenv(variable, raising=False)
    (tmp_path / "occupied").mkdir()
    (tmp_path / "occupied" / "notes.txt").write_text("mine", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an image", encoding="utf-8")
    options = {"dir": "new-shop", "country": "GB", "name": "My Shop", "email": "help@myshop.example", **change}
    argv = [part for key, value in options.items() if value is not None for part in (f"--{key}", value)]
    before = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*"))
    assert new_shop.main(argv) == 2
    said = capsys.readouterr().err
    assert said.startswith("make new-shop: nothing written.") and expected in said
    assert sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*")) == before
