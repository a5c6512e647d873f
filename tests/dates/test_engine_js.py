"""The JavaScript engine's own tests (tests/js/, Node's test runner), in several time zones."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from test_order_dates import ROOT, jjsart_data


@pytest.fixture(scope="module")
def data_file(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("calculator") / "data.json"
    path.write_text(json.dumps(jjsart_data()), encoding="utf-8")
    return path


@pytest.mark.parametrize("time_zone", ["Europe/London", "America/Los_Angeles", "Pacific/Auckland", "Asia/Kolkata"])
def test_the_node_tests_pass_in_every_time_zone(data_file, time_zone):
    result = subprocess.run(
        ["node", "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "TZ": time_zone, "CALCULATOR_DATA": str(data_file)},
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
