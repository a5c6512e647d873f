"""`make new-shop DIR=path COUNTRY=CC NAME="..." EMAIL=...`: a new shop folder that previews at once.

    python -m helpcentre.starting.new_shop --dir DIR --country CC --name NAME --email EMAIL
        [--url URL] [--logo FILE] [--favicon FILE] [--colour NAME]

(each option also read from the variable of its make name: DIR, COUNTRY, NAME, EMAIL, URL, LOGO, FAVICON, COLOUR).
Writes policies.yaml with the country's defaults (`countries.yaml`), every value the shop must still decide
marked "TODO decide"; content/ from the content kit (kit/ beside hooks/: the questions every shop is asked,
answered from the policy where it can, "TODO" where only the shop can say); and mkdocs.yml with the shop's
identity. A shop's own git repository holds the generator as the submodule generator/ and a Makefile whose
`make update` moves the pin: DIR=.. from a generator added so (`make -C generator new-shop DIR=..`), or any
folder outside the generator's repository, which becomes one (the generator added at this commit). A folder
inside the generator's repository names the generator by its path from there (as examples/ does).
Refuses, writing nothing, a folder that is not empty, an unknown country, a bad email, logo or colour.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from string import Template

import yaml

from helpcentre.law.law_files import law_of_country
from helpcentre.policy.policies import SCHEMA
from helpcentre.reading.schema import Email, country_name
from helpcentre.reading.words_file import shipped_words, words_file_of

HERE = Path(__file__).resolve().parent
GENERATOR = HERE.parents[2]
KIT = GENERATOR / "kit"
COUNTRIES = yaml.safe_load((HERE / "countries.yaml").read_text(encoding="utf-8"))
SPELLING = yaml.safe_load((HERE / "spelling.yaml").read_text(encoding="utf-8"))
# Material for MkDocs' primary colours (its palette's names)
COLOURS = ("red", "pink", "purple", "deep-purple", "indigo", "blue", "light-blue", "cyan", "teal", "green",
           "light-green", "lime", "yellow", "amber", "orange", "deep-orange", "brown", "grey", "blue-grey",
           "black", "white")
IMAGES = (".png", ".svg", ".jpg", ".jpeg", ".webp", ".ico")
NEEDS = """make new-shop writes a new shop's folder. It needs:

  DIR=path          a folder that does not exist yet (or is empty); outside this repository it becomes a git
                    repository of its own, with this generator as a submodule; DIR=.. when this generator is
                    the submodule generator/ of a new repository
  COUNTRY=CC        the shop's country, one of: {countries}
  NAME="..."        the shop's name, as shoppers read it
  EMAIL=...         the address shoppers write to

and may take:

  URL=https://...   the help centre's address (else marked TODO in mkdocs.yml)
  LOGO=file         an image shown in the header (.png, .svg, .jpg, .webp), copied into content/assets/
  FAVICON=file      the browser tab's icon, copied the same way
  COLOUR=name       the header's colour, one of Material's: {colours} (default: indigo)

For example: make new-shop DIR=../my-shop COUNTRY=GB NAME="My Shop" EMAIL=help@example.com
"""


class Refused(Exception):
    """Why the folder cannot be written; nothing has been written."""


@dataclass(frozen=True)
class ShopRequest:
    folder: Path
    country: str
    name: str
    email: str
    url: str | None = None
    logo: Path | None = None
    favicon: Path | None = None
    colour: str = "indigo"


def check_request(request: ShopRequest) -> None:
    """Raises `Refused` with a plain fix for the first thing wrong with the request."""
    if request.folder.exists() and not _holds_generator(request.folder) and (
            not request.folder.is_dir() or any(request.folder.iterdir())):
        raise Refused(f"DIR={request.folder}: the folder exists and is not empty; expected a new or empty folder, "
                      "so that nothing of yours is overwritten")
    if request.country not in COUNTRIES:
        known = f"{country_name(request.country)} ({request.country}) has no defaults here" \
            if country_name(request.country) else f"{request.country!r} is not a country code"
        raise Refused(f"COUNTRY={request.country}: {known}; expected one of {', '.join(COUNTRIES)} "
                      "(hooks/helpcentre/starting/countries.yaml lists them; add yours there)")
    if not request.name.strip():
        raise Refused('NAME: expected the shop\'s name, such as NAME="My Shop"')
    if not Email._PATTERN.match(request.email):
        raise Refused(f"EMAIL={request.email}: expected {Email.EXPECTED}")
    if request.url is not None and not request.url.startswith(("https://", "http://")):
        raise Refused(f"URL={request.url}: expected the help centre's address, such as https://help.myshop.com/")
    for key, image in (("LOGO", request.logo), ("FAVICON", request.favicon)):
        if image is not None and not image.is_file():
            raise Refused(f"{key}={image}: there is no such file; expected the path of an image")
        if image is not None and image.suffix.lower() not in IMAGES:
            raise Refused(f"{key}={image}: expected an image file ({', '.join(IMAGES)})")
    if request.colour not in COLOURS:
        raise Refused(f"COLOUR={request.colour}: expected one of Material's colours: {', '.join(COLOURS)}")


def write_new_shop(request: ShopRequest) -> list[str]:
    """Checks the request (`Refused`), then writes the shop's folder; returns what to do next, line by line."""
    check_request(request)
    folder = request.folder.resolve()
    own_repository = not folder.is_relative_to(_repository_root())
    generator = GENERATOR.name if _holds_generator(folder) else "generator" if own_repository \
        else os.path.relpath(GENERATOR, folder)
    folder.mkdir(parents=True, exist_ok=True)
    if own_repository and not _holds_generator(folder):
        _add_generator_submodule(folder)
    shutil.copytree(KIT, folder / "content")
    for topic in (folder / "content").glob("*.yml"):  # the editors' schemas, named from the shop's content/
        topic.write_text(respell(topic.read_text(encoding="utf-8").replace(
            "$schema=../schemas/", f"$schema={Path('..', generator, 'schemas').as_posix()}/", 1),
            request.country), encoding="utf-8")
    add_to_glossary(folder / "content" / "style" / "glossary.yml", request.country)
    values = _template_values(request, generator, own_repository)
    for image, key in ((request.logo, "logo"), (request.favicon, "favicon")):
        if image is not None:
            (folder / "content" / "assets").mkdir(exist_ok=True)
            shutil.copyfile(image, folder / "content" / "assets" / f"{key}{image.suffix.lower()}")
    files = {"policies.yaml": "shop_policies.yaml", "mkdocs.yml": "shop_mkdocs.yml",
             **({"Makefile": "shop_makefile"} if own_repository else {})}
    for written, template in files.items():
        text = Template((HERE / template).read_text(encoding="utf-8")).substitute(values)
        (folder / written).write_text(text, encoding="utf-8")
    shop = "" if own_repository else f" SHOP={request.folder}"
    where = f"cd {request.folder} && " if own_repository else ""
    return [f"Wrote {request.folder}: policies.yaml, mkdocs.yml, content/ ({_kit_size()} questions)"
            + (f", Makefile, and the generator as the git submodule {generator}/" if own_repository else "") + ".",
            "Next:",
            f"  {where}make serve{shop}   # the preview: every answer still to write is highlighted",
            f"  {where}make check{shop}   # every TODO, as file:line",
            f"  {where}make build{shop}   # the site, once no TODO is left"]


def respell(text: str, country: str) -> str:
    """The kit's British words in the country's own variant ("parcels" to "packages"; spelling.yaml)."""
    for british, own in SPELLING.get(COUNTRIES[country]["locale"], {}).items():
        text = re.sub(rf"(?<![-\w])({british})(s?)(?![-\w])", lambda m, own=own: _same_case(m[1], own) + m[2], text,
                      flags=re.IGNORECASE)
    return text


def add_to_glossary(glossary: Path, country: str) -> None:
    """The variant's words as glossary terms, each avoiding the British word it replaced."""
    spelling = SPELLING.get(COUNTRIES[country]["locale"], {})
    lines = "".join(f"{own}: [{british}]\n" for british, own in spelling.items())
    if lines:
        glossary.write_text(glossary.read_text(encoding="utf-8") + lines, encoding="utf-8")


def _same_case(written: str, word: str) -> str:
    return word[0].upper() + word[1:] if written[0].isupper() else word


def _template_values(request: ShopRequest, generator: str, own_repository: bool) -> dict[str, str]:
    defaults = COUNTRIES[request.country]
    year = dt.date.today().year
    found = law_of_country(GENERATOR / "law", request.country)
    law = "no law file: no statutory check is available" if found is None else f"law/{found[0].name}"
    has_locale = "locale" in SCHEMA.fields["shop"].fields
    images = {key: (f"  {key}: assets/{key}{image.suffix.lower()}\n" if image else "")
              for key, image in (("logo", request.logo), ("favicon", request.favicon))}
    return {
        "schema": Path(generator, "schemas", "policies.schema.json").as_posix(),
        "name": json.dumps(request.name), "email": json.dumps(request.email),
        "name_comment": request.name.replace("\n", " "),
        "country": request.country, "country_name": country_name(request.country) or request.country,
        "law": law, "currency": defaults["currency"],
        "locale": f"\n  locale: {defaults['locale']}" if has_locale else "",
        "time_zone": defaults["time_zone"],
        "time_zone_todo": "                # TODO decide: the country has several; the shop's own"
                          if defaults.get("several_time_zones") else "",
        "time_zone_name": defaults["time_zone_name"], "region": json.dumps(defaults["region"]),
        "holidays": defaults["holidays"], "year": str(year), "next_year": str(year + 1),
        "generator": generator,
        "generator_words": f"the git submodule in {generator}/" if own_repository else f"in {generator}",
        "site_name": shipped_words(words_file_of(defaults["locale"])).say("site.name"),
        "site_url": request.url or "https://help.example.com/    # TODO: your help centre's address",
        "logo": images["logo"], "favicon": images["favicon"], "colour": request.colour,
    }


def _repository_root() -> Path:
    """The generator's own git work tree (or its folder, when it is not one)."""
    found = subprocess.run(["git", "-C", str(GENERATOR), "rev-parse", "--show-toplevel"],
                           capture_output=True, text=True)
    return Path(found.stdout.strip()).resolve() if found.returncode == 0 else GENERATOR


def _holds_generator(folder: Path) -> bool:
    """Whether `folder` is a new shop repository holding nothing but this generator, as its git submodule."""
    if folder.resolve() != GENERATOR.parent or {path.name for path in folder.iterdir()} != {
            ".git", ".gitmodules", GENERATOR.name}:
        return False
    staged = subprocess.run(["git", "-C", str(folder), "ls-files", "--stage", GENERATOR.name], capture_output=True,
                            text=True).stdout
    return staged.startswith("160000 ")  # a submodule's entry


def _add_generator_submodule(folder: Path) -> None:
    """The shop's folder as a git repository, with this generator as the submodule generator/, pinned at the
    commit this generator is at (its origin's address, or its own folder when it has none)."""
    origin = subprocess.run(["git", "-C", str(GENERATOR), "remote", "get-url", "origin"],
                            capture_output=True, text=True)
    address = origin.stdout.strip() if origin.returncode == 0 else str(GENERATOR)
    commit = subprocess.run(["git", "-C", str(GENERATOR), "rev-parse", "HEAD"], capture_output=True, text=True,
                            check=True).stdout.strip()
    for command in (["init", "--quiet"], ["-c", "protocol.file.allow=always", "submodule", "--quiet", "add",
                                           address, "generator"],
                    ["-C", "generator", "checkout", "--quiet", commit], ["add", "generator"]):
        subprocess.run(["git", "-C", str(folder), *command], check=True, capture_output=True)


def _kit_size() -> int:
    return sum(len(yaml.safe_load(path.read_text(encoding="utf-8")).get("questions") or [])
               for path in KIT.glob("*.yml"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make new-shop", description=__doc__.splitlines()[0])
    for option, variable in (("dir", "DIR"), ("country", "COUNTRY"), ("name", "NAME"), ("email", "EMAIL"),
                             ("url", "URL"), ("logo", "LOGO"), ("favicon", "FAVICON"), ("colour", "COLOUR")):
        parser.add_argument(f"--{option}", default=os.environ.get(variable) or None)
    arguments = parser.parse_args(argv)
    needed = {"DIR": arguments.dir, "COUNTRY": arguments.country, "NAME": arguments.name, "EMAIL": arguments.email}
    if not any(needed.values()):
        print(NEEDS.format(countries=", ".join(COUNTRIES), colours=", ".join(COLOURS)), end="")
        return 0
    missing = [key for key, value in needed.items() if not value]
    try:
        if missing:
            raise Refused(f"{', '.join(missing)}: missing; `make new-shop` alone says what each is")
        request = ShopRequest(Path(arguments.dir), arguments.country.upper(), arguments.name, arguments.email,
                              arguments.url, arguments.logo and Path(arguments.logo),
                              arguments.favicon and Path(arguments.favicon), arguments.colour or "indigo")
        print("\n".join(write_new_shop(request)))
    except Refused as refused:
        print(f"make new-shop: nothing written. {refused}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
