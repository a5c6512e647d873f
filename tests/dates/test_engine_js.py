"""The JavaScript engine's own tests (tests/js/, Node's test runner), in several time zones, on every shop's
data and vectors (or on those CALCULATOR_POLICIES and CALCULATOR_CASES name, see test_order_dates)."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from test_order_dates import ROOT, SHOP_VECTORS, shop_data


@pytest.fixture(scope="module")
def data_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Each shop's calculator data, as a JSON file for Node."""
    folder = tmp_path_factory.mktemp("calculator")
    for shop, (policies, _) in SHOP_VECTORS.items():
        (folder / f"{shop}.json").write_text(json.dumps(shop_data(policies)), encoding="utf-8")
    return {shop: str(folder / f"{shop}.json") for shop in SHOP_VECTORS}


@pytest.mark.parametrize("shop", SHOP_VECTORS)
@pytest.mark.parametrize("time_zone", ["Europe/London", "America/Los_Angeles", "Pacific/Auckland", "Asia/Kolkata"])
def test_the_node_tests_pass_in_every_time_zone(data_files, shop, time_zone):
    result = subprocess.run(
        ["node", "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True,
        env={**os.environ, "TZ": time_zone, "CALCULATOR_DATA": data_files[shop],
             "CALCULATOR_CASES": str(SHOP_VECTORS[shop][1])},
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout
