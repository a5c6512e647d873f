"""The JSON Schemas for editors: made from the loader's field types, committed, and as strict as a schema can be.

The files are read here as VS Code's YAML extension reads them (YAML 1.2: `14:00`, `NO` and `2026-12-24`
are text), then checked with the `jsonschema` package, Draft 2020-12, formats included.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from test_policies import _bad_inputs, load_text
from test_topics import BAD_TOPICS, TOPIC
from yaml.constructor import SafeConstructor

from conftest import ROOT, SHOPS, without_columns
from helpcentre.content.topics import load_topics
from helpcentre.policy import policies
from helpcentre.reading.errors import DataError
from helpcentre.reading.schema import Whole
from helpcentre.review import json_schema
from helpcentre.review.json_schema import USED_BY, generated, modeline, stale

EDITORS_GUIDE = " ".join((ROOT / "docs" / "editors.md").read_text(encoding="utf-8").replace("`", "").split())  # as read
SCHEMAS = {name: json.loads(text) for name, text in generated().items()}


class EditorLoader(yaml.SafeLoader):
    """YAML 1.2's core schema, as the YAML extension of VS Code reads a file (PyYAML alone reads YAML 1.1)."""

    yaml_implicit_resolvers: dict = {}


def _int(loader: EditorLoader, node: yaml.ScalarNode) -> int:
    text = node.value.lstrip("+")
    sign, digits = (-1, text[1:]) if text.startswith("-") else (1, text)
    base = {"0o": 8, "0x": 16}.get(digits[:2], 10)
    return sign * int(digits[2:] if base != 10 else digits, base)


for tag, pattern, first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)"
              r"|\.(?:nan|NaN|NAN))$", list("-+0123456789.")),
]:
    EditorLoader.add_implicit_resolver(f"tag:yaml.org,2002:{tag}", re.compile(pattern), first)
EditorLoader.add_constructor("tag:yaml.org,2002:int", _int)
EditorLoader.add_constructor("tag:yaml.org,2002:bool", lambda loader, node: node.value.lower() == "true")
EditorLoader.add_constructor("tag:yaml.org,2002:float", SafeConstructor.construct_yaml_float)


def read_as_editors_do(text: str | bytes) -> Any:
    return yaml.load(text, Loader=EditorLoader)  # a SafeLoader: no Python objects


def schema_errors(schema_name: str, data: Any) -> list[jsonschema.ValidationError]:
    validator = jsonschema.Draft202012Validator(SCHEMAS[schema_name],
                                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return list(validator.iter_errors(data))


def key_of(path: Any) -> str:
    """A JSON path as the build names keys, items counted from one: delivery.zones[1].countries[2]."""
    key = ""
    for part in path:
        key += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if key else part)
    return key


def keys_refused(errors: list[jsonschema.ValidationError]) -> set[str]:
    """The keys the schema's errors are about, a missing or unknown key included."""
    keys = set()
    for error in errors:
        at = key_of(error.absolute_path)
        keys.add(at)
        if error.validator == "required":
            keys.update(f"{at}.{name}".lstrip(".") for name in error.validator_value if name not in error.instance)
        if error.validator == "additionalProperties":
            keys.update(f"{at}.{name}".lstrip(".") for name in error.instance if name not in error.schema["properties"])
    return keys


# The bad-input cases of tests/policy/test_policies.py and tests/content/test_topics.py that no JSON Schema can refuse,
# and how the editors' guide's list of what only the build catches words each. Every other case must be refused.
ONLY_THE_BUILD_POLICIES = {
    "YAML syntax error": "YAML that does not parse",
    "tab in indentation": "a tab in the indentation",
    "duplicate key": "a key written twice",
    "wrong type: yes/no for text": "YAML 1.1 surprises",
    "unquoted time": "YAML 1.1 surprises",
    "country code NO read as false": "YAML 1.1 surprises",
    "minimum above maximum": "a min above its max",
    "anchor": "anchors and aliases",
    "alias": "anchors and aliases",
    "file over 1 MB": "a file over 1 MB",
    "not UTF-8": "a file that is not UTF-8",
    "closure range backwards": "a closure range that ends before it starts",
    "unknown bank holiday region": "a bank-holiday country and region that the holidays package does not know",
    "two zones for everywhere else": "a second zone without countries",
    "country in a zone and not shipped to": "a country in two zones, or in a zone and in not_shipped_to",
    "target date 29 February": "a target date on 29 February",
    "duplicate target date name": "a target date name used twice",
}
ONLY_THE_BUILD_TOPICS = {
    "id used twice": "a question id used twice",
    "related id that does not exist": "a related id that is no question's id",
    "tab in indentation": "a tab in the indentation",
}


def test_the_schemas_are_json_schema_draft_2020_12():
    for schema in SCHEMAS.values():
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(schema)


def test_the_committed_schemas_are_the_ones_the_field_types_make():
    folder = ROOT / json_schema.FOLDER
    assert sorted(path.name for path in folder.glob("*.json")) == sorted(SCHEMAS)
    for name, text in generated().items():
        assert (folder / name).read_text(encoding="utf-8") == text, \
            f"schemas/{name} is stale: run `make schemas` and commit it"


def test_a_new_key_makes_the_committed_schema_stale_until_make_schemas(tmp_path, monkeypatch):
    (tmp_path / "schemas").mkdir()
    for name in SCHEMAS:
        (tmp_path / "schemas" / name).write_bytes((ROOT / "schemas" / name).read_bytes())
    assert stale(tmp_path) == []
    monkeypatch.setitem(policies.SCHEMA.fields["returns"].fields, "target_days",
                        Whole("day", description="how soon we aim to check a return"))
    assert stale(tmp_path) == ["policies.schema.json"]
    assert json_schema.main(["--check", "--project", str(tmp_path)]) == 1
    monkeypatch.undo()
    assert json_schema.main(["--check", "--project", str(tmp_path)]) == 0


def test_a_stale_schema_is_named_with_the_command_that_remakes_it(tmp_path):
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "policies.schema.json").write_text("{}\n", encoding="utf-8")
    command = [sys.executable, "-m", "helpcentre.review.json_schema", "--project", str(tmp_path)]
    env = {"PYTHONPATH": str(ROOT / "hooks")}
    checked = subprocess.run([*command, "--check"], capture_output=True, text=True, env=env, check=False)
    assert checked.returncode == 1
    assert "schemas/policies.schema.json is stale: run `make schemas` and commit it" in checked.stdout
    assert "schemas/topic.schema.json is stale" in checked.stdout  # missing counts as stale
    subprocess.run(command, check=True, env=env, capture_output=True)
    for name, text in generated().items():
        assert (tmp_path / "schemas" / name).read_text(encoding="utf-8") == text
    assert subprocess.run([*command, "--check"], env=env, check=False, capture_output=True).returncode == 0


def test_the_makefile_target_writes_them():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^schemas:.*\n\t(.*)$", makefile, re.MULTILINE)
    assert recipe and "-m helpcentre.review.json_schema" in recipe.group(1) and "--check" not in recipe.group(1)


def _files() -> list[tuple[Path, str]]:
    """Each file with the first schema whose globs match it, as its first line names it."""
    found: dict[Path, str] = {}
    for name, globs in USED_BY.items():
        for glob in globs:
            for path in sorted(ROOT.glob(glob)):
                found.setdefault(path, name)
    return list(found.items())


@pytest.mark.parametrize("path, schema", _files(), ids=[str(p.relative_to(ROOT)) for p, _ in _files()])
def test_the_shops_files_pass_their_schema(path, schema):
    errors = schema_errors(schema, read_as_editors_do(path.read_text(encoding="utf-8")))
    assert not errors, [f"{key_of(e.absolute_path)}: {e.message}" for e in errors]


def test_the_schemas_cover_the_shop_and_the_other_shops():
    files = {path.relative_to(ROOT).as_posix() for path, _ in _files()}
    assert "policies.yaml" in files and "content/returns.yml" in files
    assert {path.relative_to(ROOT).as_posix() for path in SHOPS.glob("*.yaml")} <= files
    assert len([f for f in files if f.startswith("content/")]) == len(list((ROOT / "content").glob("*.yml")))


@pytest.mark.parametrize("path", [ROOT / "policies.yaml", *sorted((ROOT / "content").glob("*.yml"))],
                         ids=lambda path: path.name)
def test_each_file_names_its_schema_on_its_first_line(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == modeline(path), f"the first line of {path.relative_to(ROOT)} must be: {modeline(path)}"
    schema = (path.parent / first.removeprefix(json_schema.MODELINE)).resolve()
    assert schema.is_file() and schema.parent == ROOT / "schemas"


def test_vscode_recommends_the_yaml_extension_and_maps_the_files_to_their_schemas():
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {f"./schemas/{name}": globs for name, globs in USED_BY.items()}


def _subschemas(schema: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(schema, dict):
        found.append(schema)
        for value in schema.values():
            found.extend(_subschemas(value))
    elif isinstance(schema, list):
        for value in schema:
            found.extend(_subschemas(value))
    return found


@pytest.mark.parametrize("name", list(SCHEMAS))
def test_no_completion_inserts_a_value_its_schema_refuses(name):
    """The YAML extension completes a whole number with its default, else 0: each has a default, and it is valid
    (card_business_days, at least 1, was completed with 0)."""
    numbers = [sub for sub in _subschemas(SCHEMAS[name]) if sub.get("type") in ("integer", ["integer", "null"])]
    assert all("default" in sub for sub in numbers), name
    for sub in _subschemas(SCHEMAS[name]):
        if "default" in sub:
            schema = {key: value for key, value in sub.items() if key != "default"}
            assert not list(jsonschema.Draft202012Validator(schema).iter_errors(sub["default"])), sub


def _properties(schema: Any, key: str = "") -> list[tuple[str, Any]]:
    """Every key a file may have, with its schema, in the build's key names."""
    found = []
    if isinstance(schema, dict):
        for name, value in schema.get("properties", {}).items():
            found.append((f"{key}.{name}".lstrip("."), value))
            found.extend(_properties(value, f"{key}.{name}".lstrip(".")))
        for word in ("items", "anyOf"):
            for value in (schema[word] if isinstance(schema.get(word), list) else [schema.get(word)]):
                found.extend(_properties(value, key + ("[]" if word == "items" else "")))
    return found


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_key_is_described_for_the_hover_text(name):
    keys = _properties(SCHEMAS[name])
    assert len(keys) >= 4  # the notice's four texts are the fewest
    undescribed = [key for key, schema in keys if not schema.get("description")]
    assert not undescribed, f"give these keys a description= in hooks/helpcentre/ and run `make schemas`: {undescribed}"


def test_the_hover_text_says_what_a_value_means_and_what_it_must_look_like():
    returns = SCHEMAS["policies.schema.json"]["properties"]["returns"]["properties"]
    assert returns["window_days"]["description"] == (
        "The return window, in calendar days from delivery; returns.deadline says what must happen within it. "
        "Expected a whole number of days, "
        "at least 1. In answers: {{ returns.window_days }}")
    assert returns["return_postage"]["enum"] == ["shopper", "shop"]
    assert '"shop": we pay for the return postage' in returns["return_postage"]["description"]
    question = SCHEMAS["topic.schema.json"]["properties"]["questions"]["items"]
    assert question["required"] == ["id", "question", "answer"]
    assert question["additionalProperties"] is False


def _key_of_the_message(error: DataError, message: str) -> str:
    matching = [finding.key for finding in error.findings if message in without_columns(DataError.of([finding]))]
    assert matching, f"the build gave no finding with {message!r}"
    return _as_path(matching[0])


def _as_path(key: str) -> str:
    """A key as the build names it for editors ("question 2, id other, answer") as a path ("questions[2].answer")."""
    match = re.fullmatch(r"question (\d+)(?:, id [^,]+)?(?:, (.*))?", key)
    if not match:
        return key
    item = f"questions[{match.group(1)}]"
    return f"{item}.{match.group(2)}" if match.group(2) else item


def _refused_at(key: str, errors: list[jsonschema.ValidationError]) -> bool:
    return any(found == key or found.startswith((f"{key}.", f"{key}[")) for found in keys_refused(errors))


def _check_case(schema: str, text: str | bytes, only_the_build: str | None, build_error: DataError,
                message: str) -> None:
    if only_the_build is not None:  # listed in docs/editors.md as caught by the build alone: the schema lets it pass
        assert only_the_build in EDITORS_GUIDE, f"docs/editors.md does not list: {only_the_build}"
        try:
            data = read_as_editors_do(text)
        except yaml.YAMLError:
            return  # not YAML: the editor's YAML extension underlines it itself, before any schema
        errors = schema_errors(schema, data)
        assert not errors, ("the schema now refuses this case too: take it out of the editors' guide's list and "
                            "ONLY_THE_BUILD")
        return
    key = _key_of_the_message(build_error, message)
    errors = schema_errors(schema, read_as_editors_do(text))
    assert _refused_at(key, errors), (f"the build refuses {key or 'the file'} ({message}); the schema does not: "
                                      f"{sorted(keys_refused(errors))}")


@pytest.mark.parametrize("case, text, message", _bad_inputs(), ids=[case[0] for case in _bad_inputs()])
def test_a_bad_policies_file_is_refused_by_the_schema_too(tmp_path, case, text, message):
    with pytest.raises(DataError) as caught:
        load_text(tmp_path, text)
    _check_case("policies.schema.json", text, ONLY_THE_BUILD_POLICIES.get(case), caught.value, message)


@pytest.mark.parametrize("case, text, message", BAD_TOPICS, ids=[case[0] for case in BAD_TOPICS])
def test_a_bad_topic_file_is_refused_by_the_schema_too(tmp_path, case, text, message):
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "returns.yml").write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_topics(folder)
    _check_case("topic.schema.json", text, ONLY_THE_BUILD_TOPICS.get(case), caught.value, message)


def test_the_tables_topic_passes_the_schema():
    """The bad topics are this one with one mistake: each refusal above is that mistake's."""
    assert schema_errors("topic.schema.json", read_as_editors_do(TOPIC)) == []


@pytest.mark.parametrize("text, refused", [
    ("same_day_cutoff: 14:00", False),  # YAML 1.2 reads the text "14:00": only the build refuses it
    ('same_day_cutoff: "14:60"', True),
    ("closure_dates: [2026-12-24, {from: 2026-12-29, to: 2026-12-31}]", False),
    ("closure_dates: [2026-02-30]", True),  # the date format is checked, not only its shape
    ("closure_dates: [{from: 2026-12-29}]", True),
])
def test_values_read_as_an_editor_reads_them(text, refused):
    policies_text = (ROOT / "policies.yaml").read_text(encoding="utf-8")
    key, value = text.split(": ", 1)
    changed = re.sub(rf"^  {key}: .*$", f"  {key}: {value}", policies_text, count=1, flags=re.MULTILINE)
    assert changed != policies_text
    assert bool(schema_errors("policies.schema.json", read_as_editors_do(changed))) is refused
