"""Reading YAML strictly: anchors and aliases refused from the one parse, text that only looks like them kept."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import without_columns
from helpcentre.reading.errors import DataError
from helpcentre.reading.yaml_source import read_yaml


@pytest.mark.parametrize("text, message", [
    ("a: 1\nb:\n  c: &shared\n    d: 1\n", "data.yml:3: an anchor (&shared) is used"),
    ("a: [1, !!str &tagged x]\n", "data.yml:1: an anchor (&tagged) is used"),
    ("- &first 1\n- &second 2\n- *first\n", "data.yml:1: an anchor (&first) is used"),
    ("a: 1\nb: *nowhere\n", "data.yml:2: an alias (*nowhere) is used"),
    ("? &key k\n: v\n", "data.yml:1: an anchor (&key) is used"),
    ("a:\n\t- 1\n", "data.yml:2: a tab is used for indentation"),
    ("a: [1\n", "data.yml:1: a list opened with [ on line 1 is not closed with ]"),
])
def test_a_mistake_names_its_line(tmp_path, text, message):
    path = tmp_path / "data.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_yaml(path)
    assert message in without_columns(caught.value)


def test_ampersands_and_stars_in_text_are_text(tmp_path):
    path = tmp_path / "data.yml"
    path.write_text('name: "&Co"\nanswer: |\n  &nbsp; **bold** *x\nlist: [a & b, "*c"]\nnote: Q&A *\n',
                    encoding="utf-8")
    node = read_yaml(path)
    assert [value.value for _, value in node.value][:2] == ["&Co", "&nbsp; **bold** *x\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(
    st.sampled_from(["1", "-2", "+3", "0x1F", "0o17", "1_000", "1.5", ".5", "1e3", ".inf", "-.Inf", ".NaN", "~",
                     "null", "Null", "yes", "No", "on", "OFF", "y", "true", "False", "2026-12-01",
                     "2026-12-01 10:00:00", "12:30", "190:20:30", "=", "'1'", '"yes"', "Gift cards", "order #12"]),
    st.text(alphabet="aoynNtTfFsle~0129.+-:_ x", max_size=8)), min_size=1, max_size=6))
def test_values_get_the_types_pyyaml_gives_them(tmp_path_factory, values):
    # The reader tells text from other values without PyYAML's resolver where it can, for speed: every
    # value must still be read as the same type (a number, yes/no, a date, nothing, or text).
    text = "".join(f"k{n}: {value}\n" for n, value in enumerate(values))
    try:
        expected = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return  # not YAML at all: read_yaml's own messages are tested above
    path = tmp_path_factory.mktemp("yaml") / "data.yml"
    path.write_text(text, encoding="utf-8")
    try:
        read = read_yaml(path)
    except DataError:
        return  # refused for another reason (a comment cutting a value short, a tab)
    assert [(key.value, value.tag) for key, value in read.value] == \
           [(key.value, value.tag) for key, value in expected.value]
