"""The calculator's browser files, named by a hash of their content.

A cache can then never serve yesterday's policy data with today's pages: new data means a
new data file name, hence new scripts that import it by name (answers.js, page.js), hence new pages.
The pages load page.js alone; it imports the others when a shopper first touches a check.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FOLDER = "assets/calculator"


def without_comment_lines(code: str) -> str:
    """A script as browsers get it: its lines of `//` comments stay home (they are a quarter of the bytes).
    Only whole lines go, and none if a template literal runs over lines, where such a line is text."""
    lines = code.splitlines()
    if any(line.count("`") % 2 for line in lines):
        return code
    return "\n".join(line for line in lines if not line.lstrip().startswith("//")).strip() + "\n"


def hashed_name(name: str, content: str) -> str:
    """'page.js' -> 'page.3f2a9c1e.js'."""
    stem, suffix = name.rsplit(".", 1)
    return f"{stem}.{hashlib.sha256(content.encode('utf-8')).hexdigest()[:10]}.{suffix}"


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
