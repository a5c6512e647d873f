"""The calculator's browser files, named by a hash of their content.

A cache can then never serve yesterday's policy data with today's pages: new data means a
new data file name, hence new scripts that import it by name (answers.js, page.js), hence new pages.
The pages load page.js alone; it imports the others when a shopper first touches a check.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpcentre.publishing.browser_files import hashed_name, without_comment_lines

FOLDER = "assets/calculator"


@dataclass(frozen=True)
class CalculatorAssets:
    files: dict[str, str]  # site path -> content
    script: str  # site path of the page script, the one the pages load (as a module); it imports the rest
    stylesheet: str


def build_calculator_assets(source: Path, data: dict[str, Any]) -> CalculatorAssets:
    """The calculator's files with hashed names; the page script imports the others by name (on first use)."""
    data_js = f"export default {json.dumps(data, sort_keys=True, separators=(',', ':'))};\n"
    contents = {"data.js": data_js}
    for module in ("engine.js", "last_order_dates.js", "answers.js", "page.js"):  # each imports only those before it
        text = without_comment_lines((source / module).read_text(encoding="utf-8"))
        for plain, content in contents.items():
            text = text.replace(f'"./{plain}"', f'"./{hashed_name(plain, content)}"')
        contents[module] = text
    page_js = contents["page.js"]
    page_css = (source / "page.css").read_text(encoding="utf-8")
    contents["page.css"] = page_css
    files = {f"{FOLDER}/{hashed_name(name, content)}": content for name, content in contents.items()}
    return CalculatorAssets(files, f"{FOLDER}/{hashed_name('page.js', page_js)}",
                                   f"{FOLDER}/{hashed_name('page.css', page_css)}")
