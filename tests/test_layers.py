"""The packages import one way, down the layers below, and never in a cycle. Every import counts:
module-level, function-local and TYPE_CHECKING ones alike (a lazy import is still a
dependency)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Top to bottom. A module may import modules of its own layer (no cycles) and of any layer below;
# never one above. The longest prefix names a module's layer.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("cli: the command and its local servers", ("scraper.cli",)),
    ("spiders: crawling only", ("scraper.spiders",)),
    (
        "crawl: middlewares, extensions, sources, web archives",
        ("scraper.crawl", "scraper.settings"),
    ),
    ("stages: item pipelines, replay, search, export", ("pipelines",)),
    ("archive: tables, migrations, queries", ("pipelines.db",)),
    ("parsers: page -> article, site URL schemes", ("scraper.parsers",)),
    ("results: document -> result rows", ("scraper.results",)),
    ("text: pure helpers", ("scraper.text",)),
    ("base: items and errors", ("scraper.items", "scraper.errors", "scraper")),
]


def layer_of(module: str) -> int:
    best, found = -1, -1
    for rank, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, found = len(prefix), rank
    return found


def our_modules() -> dict[str, Path]:
    found = {}
    for package in ("scraper", "pipelines"):
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def resolve(name: str, modules: dict[str, Path]) -> str | None:
    """The module of ours that ``name`` (a module or a name in one) comes from."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(module: str, path: Path, modules: dict[str, Path]) -> set[str]:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            # ``from package import module`` imports that module; a name defined in the package
            # (or in a module) imports the module that defines it
            names = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            target = resolve(name, modules)
            if target and target != module:
                found.add(target)
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = our_modules()
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def test_every_module_has_a_layer(graph: dict[str, set[str]]):
    assert [m for m in graph if layer_of(m) < 0] == []


def test_no_module_imports_a_layer_above_its_own(graph: dict[str, set[str]]):
    upward = sorted(
        f"{m} ({LAYERS[layer_of(m)][0].split(':')[0]}) imports {t} "
        f"({LAYERS[layer_of(t)][0].split(':')[0]})"
        for m, targets in graph.items()
        for t in targets
        if layer_of(t) < layer_of(m)
    )
    assert upward == []


def test_no_import_cycles(graph: dict[str, set[str]]):
    """Tarjan's strongly connected components: every component holds one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    assert cycles == []


def test_the_checks_see_function_local_imports(graph: dict[str, set[str]]):
    """The walk reads imports inside functions too (the CLI imports lazily)."""
    assert "pipelines.search" in graph["scraper.cli.archive"]
