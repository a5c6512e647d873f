"""The JSON Schemas of policies.yaml and of a topic file, made from the field types the loader reads them with.

Editors' YAML extensions (VS Code's, by Red Hat; JetBrains; GitHub Codespaces) read a schema named on a
file's first line, ``# yaml-language-server: $schema=...``: they complete key names, show each key's
description on hover and underline a wrong value as it is typed. The schemas are never written by hand:
`make schemas` (``python -m helpcentre.review.json_schema``) writes them into schemas/ from `policies.SCHEMA` and
`topics.SCHEMA`, and a test fails when a committed schema is not what this module makes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from helpcentre.content import topics
from helpcentre.content.topics import NOTICE_FILE
from helpcentre.dates import notice
from helpcentre.policy import policies
from helpcentre.reading import words_file
from helpcentre.reading.schema import JsonSchema, Record

DRAFT = "https://json-schema.org/draft/2020-12/schema"
PROJECT = Path(__file__).resolve().parents[3]
FOLDER = "schemas"
MODELINE = "# yaml-language-server: $schema="
MAKE = "make schemas"
# Which files each schema is for (as the globs of .vscode/settings.json's "yaml.schemas", which `make schemas`
# writes). The YAML extension checks a file against every schema whose globs match it, so the topic schema
# names each topic file: the notice's words (content/notice.yml) are no topic.
USED_BY = {
    "policies.schema.json": ["policies.yaml", "tests/shops/*.yaml"],
    "notice.schema.json": [f"content/{NOTICE_FILE}"],
    "topic.schema.json": [f"content/{path.name}" for path in topics.topic_files(PROJECT / "content")],
    "words.schema.json": ["words/*.yml"],
    "shop-words.schema.json": [f"content/{words_file.OVERRIDE_FILE}"],
}
SETTINGS = Path(".vscode") / "settings.json"


def policies_schema() -> JsonSchema:
    """The schema of policies.yaml; each value's description also names its placeholder."""
    schema = _document(policies.SCHEMA, "policies.yaml")
    for name in policies.placeholder_names():
        node = schema
        for part in name.split("."):
            node = node["properties"][part]
        node["description"] = f"{node.get('description', '')} In answers: {{{{ {name} }}}}".strip()
    return schema


def topic_schema() -> JsonSchema:
    """The schema of a topic file, content/*.yml."""
    return _document(topics.SCHEMA, "A topic file (content/*.yml)")


def notice_schema() -> JsonSchema:
    """The schema of the notice's words, content/notice.yml."""
    return _document(notice.SCHEMA, f"The words of the notice on every page (content/{NOTICE_FILE})")


def words_schema() -> JsonSchema:
    """The schema of a language variant's words, words/<locale>.yml: every sentence."""
    return _document(words_file.SCHEMA, "The generator's words in one language variant (words/<locale>.yml)")


def shop_words_schema() -> JsonSchema:
    """The schema of a shop's changes to the words, content/words.yml: any of the sentences."""
    return _document(words_file.OVERRIDE_SCHEMA, f"A shop's changes to the generator's words "
                                                 f"(content/{words_file.OVERRIDE_FILE})")


SCHEMAS: dict[str, Callable[[], JsonSchema]] = {
    "policies.schema.json": policies_schema,
    "notice.schema.json": notice_schema,
    "topic.schema.json": topic_schema,
    "words.schema.json": words_schema,
    "shop-words.schema.json": shop_words_schema,
}


def _document(record: Record, title: str) -> JsonSchema:
    return {
        "$schema": DRAFT,
        "$comment": f"Made by `{MAKE}` from hooks/helpcentre/ (the field types the build reads the file with): "
                    "do not edit it by hand.",
        "title": title,
        **record.json_schema(),
    }


def render(schema: JsonSchema) -> str:
    """The text of a schema file: the same schema always gives the same bytes."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def generated() -> dict[str, str]:
    """Each schema file's name and the text it should have."""
    return {name: render(make()) for name, make in SCHEMAS.items()}


def stale(project: Path = PROJECT) -> list[str]:
    """The schema files in `project` that are missing or not what the field types make now."""
    folder = project / FOLDER
    return [name for name, text in generated().items()
            if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]


def write_schemas(project: Path = PROJECT) -> list[str]:
    """Write the schema files that changed; returns their names."""
    folder = project / FOLDER
    folder.mkdir(exist_ok=True)
    changed = stale(project)
    texts = generated()
    for name in changed:
        (folder / name).write_text(texts[name], encoding="utf-8")
    return changed


def modeline(path: Path, project: Path = PROJECT) -> str:
    """The first line a file of `path`'s kind should have: its schema, by a path relative to the file."""
    relative = path.resolve().relative_to(project.resolve())
    for name, globs in USED_BY.items():
        if any(relative.match(glob) for glob in globs):
            up = "../" * (len(relative.parts) - 1)
            return f"{MODELINE}{up}{FOLDER}/{name}"
    raise ValueError(f"{relative} is none of the files the schemas are for")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpcentre.review.json_schema",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help=f"only say which schemas are stale (run `{MAKE}`)")
    parser.add_argument("--project", type=Path, default=PROJECT, help="the folder with schemas/")
    args = parser.parse_args(argv)
    if args.check:
        names = stale(args.project)
        for name in names:
            print(f"{FOLDER}/{name} is stale: run `{MAKE}` and commit it")
        return 1 if names else 0
    for name in write_schemas(args.project):
        print(f"wrote {FOLDER}/{name}")
    if map_schemas(args.project):
        print(f"wrote {SETTINGS}")
    return 0


def map_schemas(project: Path) -> bool:
    """Map each file to its schema in the editor's settings (.vscode/settings.json); whether they changed."""
    path = project / SETTINGS
    settings = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    mapped = {f"./{FOLDER}/{name}": globs for name, globs in USED_BY.items()}
    if settings.get("yaml.schemas") == mapped:
        return False
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps({**settings, "yaml.schemas": mapped}, indent=2) + "\n", encoding="utf-8")
    return True


if __name__ == "__main__":
    sys.exit(main())
