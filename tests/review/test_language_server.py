"""The editor's YAML extension as editors meet it: the real YAML language server (npm `yaml-language-server`,
pinned in package-lock.json, the server of VS Code's YAML by Red Hat), given the workspace settings of
.vscode/settings.json, reads every file a shop ships (this shop's, the reference and test shops', the content
kit's and those of a shop just made by `make new-shop`) and underlines nothing; each mistake of the table in
docs/editors.md is underlined with the table's words on its line; and each file the settings map gets the
schema they name, also without its first line."""

from __future__ import annotations

import json
import queue
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_new_shop import run_new_shop

from conftest import EXAMPLES, ROOT, SHOPS, copy_project

SERVER = ROOT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SETTINGS = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
WAIT = 60  # seconds for an answer, on a busy machine


class LanguageServer:
    """The language server over stdio (JSON-RPC with Content-Length headers), as an editor drives it."""

    def __init__(self, workspace: Path, settings: dict[str, Any]) -> None:
        self.process = subprocess.Popen(["node", str(SERVER), "--stdio"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages: queue.Queue[dict | None] = queue.Queue()
        self.settings = settings
        self.opened = 0  # each document opened gets a version of its own: the server caches a parse by version
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self._send(id=1, method="initialize", params={
            "processId": None, "rootUri": workspace.as_uri(), "capabilities": {"workspace": {"configuration": True}},
            "workspaceFolders": [{"uri": workspace.as_uri(), "name": workspace.name}]})
        self._next(lambda message: message.get("id") == 1)
        self._send(method="initialized", params={})
        self._send(method="workspace/didChangeConfiguration", params={"settings": settings})
        self._next(lambda message: False, until_asked="workspace/configuration")

    def diagnostics(self, path: Path, text: str) -> list[dict[str, Any]]:
        """What the server underlines in `text`, opened as the file at `path` (then closed again)."""
        uri = path.as_uri()
        self.opened += 1
        document = {"uri": uri, "languageId": "yaml", "version": self.opened, "text": text}
        def for_this(message: dict[str, Any]) -> bool:
            return message.get("method") == "textDocument/publishDiagnostics" and message["params"]["uri"] == uri

        self._send(method="textDocument/didOpen", params={"textDocument": document})
        published = self._next(for_this)
        self._send(method="textDocument/didClose", params={"textDocument": {"uri": uri}})
        self._next(for_this)  # the underlines taken away
        return published["params"]["diagnostics"]

    def close(self) -> None:
        self.process.stdin.close()
        self.process.kill()
        self.process.wait()
        self.reader.join()
        self.process.stdout.close()

    def _send(self, **message: Any) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def _read(self) -> None:
        while True:
            headers = {}
            while (line := self.process.stdout.readline().decode().strip()):
                name, value = line.split(":", 1)
                headers[name.lower()] = value.strip()
            if not headers:  # the server has ended
                return self.messages.put(None)
            self.messages.put(json.loads(self.process.stdout.read(int(headers["content-length"]))))

    def _next(self, wanted, until_asked: str = "") -> dict[str, Any]:
        """The next message that is `wanted`, answering the server's requests meanwhile (the settings, as
        VS Code gives them, for workspace/configuration); or, with `until_asked`, the request of that name."""
        while True:
            message = self.messages.get(timeout=WAIT)
            assert message is not None, "the language server ended"
            if "id" in message and "method" in message:  # a request of the server
                result = ([self.settings.get(item.get("section")) for item in message["params"]["items"]]
                          if message["method"] == "workspace/configuration" else None)
                self._send(id=message["id"], result=result)
                if message["method"] == until_asked:
                    return message
            elif wanted(message):
                return message


@pytest.fixture(scope="module")
def server() -> Iterator[LanguageServer]:
    """The server with the workspace settings of .vscode/settings.json, as VS Code passes them ("yaml.schemas"
    is the "schemas" of the "yaml" section)."""
    sections: dict[str, dict[str, Any]] = {}
    for key, value in SETTINGS.items():
        if "." in key:
            section, name = key.split(".", 1)
            sections.setdefault(section, {})[name] = value
    running = LanguageServer(ROOT, sections)
    yield running
    running.close()


def underlined(diagnostics: list[dict[str, Any]]) -> list[str]:
    """Each diagnostic as "line N: message" (N from one, as editors count)."""
    return [f"line {d['range']['start']['line'] + 1}: {d['message']}" for d in diagnostics]


KIT = ROOT / "kit"  # the content kit a new shop starts from (make new-shop)
SHIPPED = sorted({*ROOT.glob("policies.yaml"), *ROOT.glob("content/*.yml"), *EXAMPLES.glob("*/policies.yaml"),
                  *EXAMPLES.glob("*/content/*.yml"), *SHOPS.glob("*.yaml"), *KIT.rglob("*.yml")})


@pytest.mark.parametrize("path", SHIPPED, ids=[str(path.relative_to(ROOT)) for path in SHIPPED])
def test_no_file_a_shop_ships_is_underlined(server, path):
    assert underlined(server.diagnostics(path, path.read_text(encoding="utf-8"))) == []


# docs/editors.md's table: "you type" -> (the file edited, the text replaced, the text typed, the start of the
# line underlined, after the edit).
MISTAKES = {
    "`window_dayz: 14`": ("policies.yaml", "  window_days: 14 ", "  window_dayz: 14 ", "  window_dayz:"),
    "`window_days: fourteen`": ("policies.yaml", "  window_days: 14 ", "  window_days: fourteen ", "  window_days:"),
    "`return_postage: customer`": ("policies.yaml", "return_postage: shopper ", "return_postage: customer ",
                                   "  return_postage:"),
    '`same_day_cutoff: "25:00"`': ("policies.yaml", "same_day_cutoff: null ", 'same_day_cutoff: "25:00" ',
                                   "  same_day_cutoff:"),
    "`- id: Return window`": ("content/returns.yml", "  - id: return-window\n", "  - id: Return window\n",
                              "  - id: Return window"),
    "`answr: \\|` (`answer:` misspelt)": ("content/returns.yml", "    answer: |\n      {{ returns.deadline }}",
                                           "    answr: |\n      {{ returns.deadline }}", "  - id: return-window"),
    "`last_orders_link: See our last order dates`": ("content/notice.yml", "last_order_dates_link:",
                                                     "last_orders_link:", "last_orders_link:"),
    "a tab before `- id:`": ("content/returns.yml", "  - id: return-window\n", "\t- id: return-window\n", "\t- id:"),
    "`title: [Returns`": ("content/returns.yml", "title: Returns\n", "title: [Returns\n", "summary:"),
}


def guide_table() -> dict[str, str]:
    """docs/editors.md's table of mistakes: "you type" -> the words the editor underlines it with."""
    guide = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    table = guide[guide.index("| you type | in | the editor underlines it with |"):].split("\n\n", 1)[0]
    rows = [[cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]] for line in table.splitlines()[2:]]
    return {typed: re.sub(r" \(on [^)]*\)$", "", words) for typed, _, words in rows}


def test_the_guide_and_this_test_name_the_same_mistakes():
    assert list(guide_table()) == list(MISTAKES)


@pytest.mark.parametrize("typed", MISTAKES)
def test_each_mistake_of_the_guide_is_underlined_on_its_line_with_its_words(server, typed):
    file, shipped, mistake, line_start = MISTAKES[typed]
    text = (ROOT / file).read_text(encoding="utf-8")
    assert text.count(shipped) == 1, shipped
    edited = text.replace(shipped, mistake)
    line = next(n for n, content in enumerate(edited.splitlines(), 1) if content.startswith(line_start))
    assert f"line {line}: {guide_table()[typed]}" in underlined(server.diagnostics(ROOT / file, edited))


MAPPED = [(schema, path) for schema, patterns in SETTINGS["yaml.schemas"].items()
          for pattern in patterns for path in sorted(ROOT.glob(pattern))]


@pytest.mark.parametrize("schema, path", MAPPED, ids=[str(path.relative_to(ROOT)) for _, path in MAPPED])
def test_the_settings_give_each_file_its_own_schema(server, schema, path):
    """Without the first line that names its schema, a file still gets the schema the settings map it to
    (notice.yml its own, not the topic schema): a key of no schema of ours is refused by that one."""
    text = path.read_text(encoding="utf-8")
    first, rest = text.split("\n", 1)
    shown = server.diagnostics(path, (rest if "$schema=" in first else text) + "no_such_key: 1\n")
    refused = [d["data"]["schemaUri"] for d in shown if d["message"] == "Property no_such_key is not allowed."]
    assert refused == [[(ROOT / schema).resolve().as_uri()]]


@pytest.mark.parametrize("country", ["GB", "US", "NL"])
def test_no_file_of_a_new_shop_is_underlined(server, tmp_path, country):
    """A shop just made by `make new-shop` (its answers still to write): its files name their schemas, and the
    editor underlines nothing in them."""
    generator = copy_project(tmp_path)
    shutil.copytree(ROOT / "schemas", generator / "schemas")  # as the generator's checkout holds them
    shop = generator / "shops" / country.lower()
    made = run_new_shop(generator, "--dir", str(shop), "--country", country, "--name", "Corner Shop",
                        "--email", "help@corner.example")
    assert made.returncode == 0, made.stderr
    files = [shop / "policies.yaml", *sorted((shop / "content").rglob("*.yml"))]
    assert {path: underlined(server.diagnostics(path, path.read_text(encoding="utf-8"))) for path in files} == {
        path: [] for path in files}
