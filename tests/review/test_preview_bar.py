"""The preview's "as on" bar (`make serve`): an editor chooses 20 December and sees the notice and the last
order dates that shoppers will see on that day; the published site has no trace of the bar."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_last_order_dates import table_rows
from test_notice import notice, visitor  # noqa: F401 (a fixture)

from conftest import Build, copy_project, previewing
from helpcentre.review.preview_bar import SCRIPT

TODAY = "2026-02-02T10:00:00Z"  # the browser's clock (Playwright's): no notice, this year's dates still ahead
AS_ON = "2026-12-20"
ON_THE_DAY = f"{AS_ON}T10:00:00Z"  # the same time of day, in London


@pytest.fixture
def preview_address(tmp_path: Path) -> Iterator[str]:
    with previewing(copy_project(tmp_path)) as address:
        yield address


def test_the_preview_as_on_a_day_shows_what_shoppers_will_see_that_day(preview_address, site_url, visitor):  # noqa: F811
    shopper = visitor(site_url + "delivery/", ON_THE_DAY)
    on_the_day = notice(shopper), table_rows(shopper)
    assert on_the_day[0] and any(row.endswith(".") for row in on_the_day[1])  # a notice; a date passed

    editor = visitor(preview_address + "delivery/", TODAY)
    today = notice(editor), table_rows(editor)
    assert today != on_the_day
    bar = editor.get_by_role("form", name="The preview's day")
    bar.get_by_label("Preview as on").fill(AS_ON)
    bar.get_by_role("button", name="Show").click()
    back = editor.get_by_role("button", name="Back to today")
    expect(back).to_be_visible()  # the page came back, as on that day
    assert (notice(editor), table_rows(editor)) == on_the_day

    editor.goto(preview_address + "returns/")  # the day stays chosen from page to page
    expect(bar.get_by_label("Preview as on")).to_have_value(AS_ON)
    assert notice(editor) == on_the_day[0]
    back.click()
    expect(back).to_be_hidden()
    assert notice(editor) == today[0]


def test_the_published_site_has_no_trace_of_the_bar(site: Build):
    script = SCRIPT.read_text(encoding="utf-8")
    traces = [re.search(r'KEY = "([^"]+)"', script).group(1), re.search(r'label: "([^"]+)"', script).group(1),
              "help-preview-bar"]
    text = site.files_text()
    assert [trace for trace in traces if trace in text] == []
