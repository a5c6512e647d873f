"""`make screenshots`: the README's pictures, taken from the built site in Chromium so they never drift from
what shoppers and editors see. Writes images/site-desktop.png, images/site-phone.png (a topic page with a
check answered) and images/preview-error.png (the preview showing a mistake in policies.yaml)."""

from __future__ import annotations

import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]

from conftest import CHROMIUM, CHROMIUM_ARGS, build_project, copy_project, previewing, serve  # noqa: E402

IMAGES = ROOT / "images"
NOW = "2026-12-01T10:00:00Z"  # a fixed moment, so that the answer in the picture is the same on every run
SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def answered_return_check(browser: Browser, address: str, size: str) -> Page:
    """The returns page at the return check, answered for an order delivered the day before."""
    context = browser.new_context(viewport=SIZES[size], locale="en-GB", timezone_id="Europe/London",
                                  is_mobile=size == "phone", has_touch=size == "phone")
    page = context.new_page()
    page.clock.set_fixed_time(NOW)
    page.goto(address + "returns/")
    form = page.locator('form.order-check[data-check="return"]')
    form.get_by_label("Date your order was delivered").fill("2026-11-30")
    form.get_by_role("button", name="Check").click()
    form.get_by_role("status").wait_for()
    page.evaluate("document.getElementById('return-window').scrollIntoView()")
    page.wait_for_timeout(1000)  # the header's title changes with the scroll, animated
    return page


@contextmanager
def served_site(folder: Path):
    generator = serve(folder)
    try:
        yield next(generator)
    finally:
        generator.close()


def main() -> None:
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        (Path(temporary) / "site-copy").mkdir()
        (Path(temporary) / "broken-copy").mkdir()
        built = build_project(copy_project(Path(temporary) / "site-copy"))
        assert built.returncode == 0, built.output
        with served_site(built.site) as address:
            for size in SIZES:
                answered_return_check(browser, address, size).screenshot(path=IMAGES / f"site-{size}.png")
        broken = copy_project(Path(temporary) / "broken-copy")
        policies = broken / "policies.yaml"
        policies.write_text(policies.read_text(encoding="utf-8").replace("  window_days: 14 ", "  window_days: "
                                                                          "a fortnight "), encoding="utf-8")
        with previewing(broken) as address:
            page = browser.new_context(viewport=SIZES["desktop"]).new_page()
            page.goto(address + "returns/")
            page.locator(".help-preview-error").wait_for()
            page.screenshot(path=IMAGES / "preview-error.png")
        browser.close()
    print("\n".join(f"wrote {path.relative_to(ROOT)}" for path in sorted(IMAGES.glob("*.png"))))


if __name__ == "__main__":
    main()
