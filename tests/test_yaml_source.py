"""Reading YAML strictly: anchors and aliases refused from the one parse, text that only looks like them kept."""

from __future__ import annotations

import pytest

from conftest import without_columns
from helpcentre.errors import DataError
from helpcentre.yaml_source import read_yaml


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
