"""The layout shows the architecture: hooks/helpcentre/ is one package per capability, and each imports only
the packages its docstring's "May import:" line names. Read from the source (every import, wherever it
stands in a module), so that a newcomer can trust the docstrings and the folder names."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from conftest import ROOT

HELPCENTRE = ROOT / "hooks" / "helpcentre"
PACKAGES = sorted(folder.name for folder in HELPCENTRE.iterdir() if (folder / "__init__.py").is_file())


def allowed_imports(package: Path) -> set[str]:
    """The packages of helpcentre named by the "May import:" line of a package's docstring."""
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8"))) or ""
    line = re.search(r"^May import: (.*)$", doc, flags=re.MULTILINE)
    assert line, f"{package.name}/__init__.py: its docstring has no 'May import:' line"
    if line.group(1).startswith("nothing"):
        return set()
    return {name.strip(" .") for name in line.group(1).split(",")}


def imported_packages(module: Path, package: str) -> set[str]:
    """The packages of helpcentre a module imports, other than its own."""
    found = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level >= 2:  # from ..dates.order_dates import ...
            found.add((node.module or "").split(".")[0] or "helpcentre")
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("helpcentre"):
            parts = node.module.split(".")
            found.update([parts[1]] if len(parts) > 1 else [alias.name for alias in node.names])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[1] for alias in node.names
                         if alias.name.startswith("helpcentre.") and alias.name.count(".") >= 1)
    return found - {package}


def layer_violations(root: Path) -> list[str]:
    """Every import of a package that its docstring does not allow, as "file: imports package"."""
    packages = [folder for folder in sorted(root.iterdir()) if (folder / "__init__.py").is_file()]
    return [f"{module.relative_to(root).as_posix()}: imports {imported}"
            for package in packages
            for module in sorted(package.rglob("*.py"))
            for imported in sorted(imported_packages(module, package.name) - allowed_imports(package))]


def test_each_package_imports_only_what_its_docstring_allows():
    assert layer_violations(HELPCENTRE) == []


def test_an_upward_import_is_found(tmp_path: Path):
    (tmp_path / "reading").mkdir()
    (tmp_path / "reading" / "__init__.py").write_text('"""Low.\n\nMay import: nothing of helpcentre.\n"""\n')
    (tmp_path / "reading" / "errors.py").write_text("from helpcentre.dates.order_dates import is_business_day\n")
    (tmp_path / "dates").mkdir()
    (tmp_path / "dates" / "__init__.py").write_text('"""High.\n\nMay import: reading.\n"""\n')
    (tmp_path / "dates" / "order_dates.py").write_text("from ..reading import errors\nfrom .notice import x\n")
    assert layer_violations(tmp_path) == ["reading/errors.py: imports dates"]


def test_the_layers_have_no_cycle():
    """Each package allows only packages that do not allow it back, directly or through others."""
    allowed = {package: allowed_imports(HELPCENTRE / package) for package in PACKAGES}
    assert set().union(*allowed.values()) <= set(PACKAGES)  # every name is a package
    below = {package: set() for package in PACKAGES}
    for _ in PACKAGES:
        for package in PACKAGES:
            below[package] |= allowed[package].union(*(below[name] for name in allowed[package]))
    assert [package for package in PACKAGES if package in below[package]] == []


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_imports_and_says_what_it_owns(package: str):
    module = importlib.import_module(f"helpcentre.{package}")
    assert module.__doc__ and len(module.__doc__.split()) > 10
    assert f"- {package}" in importlib.import_module("helpcentre").__doc__  # the map names every package


def test_only_the_hook_knows_mkdocs():
    """hooks/events.py alone imports MkDocs or Material: the rest is plain Python, testable without a build."""
    knowing = [module.relative_to(ROOT).as_posix() for module in sorted(HELPCENTRE.rglob("*.py"))
               if re.search(r"^\s*(from|import) (mkdocs|material)\b", module.read_text(encoding="utf-8"), re.M)]
    assert knowing == []
