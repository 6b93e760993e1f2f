"""Every third-party module the code imports is declared in pyproject.toml, so that the one
install command of the README brings it (a module present only because something else happened
to install it breaks on a fresh machine)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = {"scraper", "pipelines", "tests", "bench"}
# code folder -> the dependency lists of pyproject.toml that must cover its imports
FOLDERS = {
    "scraper": ["project"],
    "pipelines": ["project"],
    "datasette": ["project"],
    "tests": ["project", "test"],
    "bench": ["project", "test", "bench"],
}


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def declared(lists: list[str]) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = {_name(r) for r in project["dependencies"]}
    for extra in lists[1:]:
        names |= {_name(r) for r in project["optional-dependencies"][extra]}
    return names


def imported_modules(folder: str) -> set[str]:
    found = set()
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    local = {p.stem for p in (ROOT / folder).rglob("*.py")}  # sibling scripts (bench/)
    return {
        m for m in found if m not in sys.stdlib_module_names and m not in OURS and m not in local
    }


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_imported_module_is_declared(folder: str):
    dists = packages_distributions()
    names = declared(FOLDERS[folder])
    missing = {}
    for module in sorted(imported_modules(folder)):
        owners = {d.lower().replace("_", "-") for d in dists.get(module, [])}
        if not owners & names:
            missing[module] = sorted(owners) or "not installed"
    assert not missing, f"imported by {folder}/ but not declared: {missing}"


def test_the_optional_parts_our_libraries_import_are_there():
    """trafilatura imports lxml.html.clean through justext: lxml 6 ships it apart."""
    import trafilatura  # noqa: F401
    from lxml.html import clean  # noqa: F401
