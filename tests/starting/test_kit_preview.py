"""The preview of a new shop in Chromium: the checklist page lists every unfinished answer that `make check` lists
(in the menu's order), and each of its links opens the answer, highlighted; writing an answer takes it off the list."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Browser, expect
from test_new_shop import run_check, run_new_shop

from conftest import copy_project, previewing

RELOAD = 30_000  # ms: a rebuild and a reload, on a busy two-core machine


def test_the_checklist_lists_and_links_every_unfinished_answer(browser: Browser, tmp_path: Path):
    generator = copy_project(tmp_path)
    shop = generator / "shops" / "us"
    assert run_new_shop(generator, "--dir", str(shop), "--country", "US", "--name", "Harbor Goods",
                        "--email", "help@harbor.example").returncode == 0
    unfinished = re.findall(r"^(content/[\w.-]+:\d+): .*?id ([\w-]+), answer: ", run_check(generator, shop).stdout,
                            flags=re.MULTILINE)
    assert len(unfinished) >= 12
    with previewing(shop) as address:
        page = browser.new_context().new_page()
        page.goto(address)
        page.get_by_role("link", name=f"{len(unfinished)} answers left to write").first.click()
        expect(page.locator("h1")).to_contain_text(f"{len(unfinished)} answers left to write")
        items = page.locator("article li").filter(has=page.locator("a[href*='#']"))
        expect(items).to_have_count(len(unfinished))
        assert sorted(items.locator("code").all_inner_texts()) == sorted(where for where, _ in unfinished)
        links = items.locator("a").evaluate_all("links => links.map(a => a.href)")
        assert sorted(link.split("#")[1] for link in links) == sorted(answer_id for _, answer_id in unfinished)

        where, answer_id = unfinished[0]
        page.locator(f"article li a[href$='#{answer_id}']").click()
        expect(page).to_have_url(re.compile(f"#{answer_id}$"))
        highlighted = page.locator(f"h2#{answer_id} + .unfinished-answer")
        expect(highlighted).to_be_visible()
        expect(highlighted).to_contain_text("TODO")
        assert highlighted.evaluate("element => getComputedStyle(element).borderLeftStyle") == "solid"

        file, line = where.split(":")
        path = shop / file
        lines = path.read_text(encoding="utf-8").splitlines()
        lines[int(line) - 1] = re.sub(r"TODO: .*", "Yes: choose it at the checkout.", lines[int(line) - 1])
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        page.goto(address + "unfinished/")
        expect(page.locator("h1")).to_contain_text(f"{len(unfinished) - 1} answers left to write", timeout=RELOAD)
