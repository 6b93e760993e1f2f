"""The README stays honest about the command line."""

import re
from pathlib import Path

import pytest

from scraper.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text()


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_in_the_readme(command):
    assert f"meetarchive {command}" in README


def test_readme_starts_with_the_two_setup_commands():
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert len(block) == 2
    assert block[0].endswith("meetarchive demo")
    assert block[1].endswith("python -m pytest")


def test_ci_runs_the_readme_test_command_and_nothing_before_it():
    """.ci/run runs the README's second command as written, with the pip `python3 -m venv`
    brings: no pip upgrade and no install of its own before it (a green CI must not hide a
    missing install step)."""
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text()
    assert f"\n    {block[1]}\n" in ci
    before = ci[: ci.index(block[1])]
    assert "pip install" not in before.replace("apt-get install", "")
    assert "--upgrade" not in before


def test_exit_codes_in_the_readme_match_the_crawl_help():
    doc = cli.commands["crawl"].help or ""
    codes = re.findall(r"^\s+(\d)\s+(\w+)", doc, re.M)
    assert len(codes) >= 4
    for code, _meaning in codes:
        assert re.search(rf"^\| {code} \|", README, re.M), code


# -- The docs name only what exists ----------------------------------------------------------------
# Every path of the repository (scraper/..., pipelines/..., tests/..., bench/..., datasette/...,
# docs/...) and every dotted name of ours (``scraper.parsers.keys.canonical_url``) that the docs
# write must exist: a module moved or renamed fails here instead of leaving the docs stale.

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md"), ROOT / "tests/sites/README.md"])
_PATH = re.compile(
    r"(?<![\w./~-])((?:scraper|pipelines|tests|bench|datasette|docs)/[^\s`'\"()\[\],;:|]*)"
)
_DOTTED = re.compile(r"(?<![\w./-])((?:scraper|pipelines)(?:\.\w+)+)")
_PLACEHOLDER = re.compile(r"[<>*{}]|^bench/out\b")
# The made-up site and format the how-tos build step by step (docs/adding-a-*.md): named, never
# present.
EXAMPLES = ("trackgazette", "acme")


def _mentions(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    found = set()
    for doc in DOCS:
        for match in pattern.finditer(doc.read_text(encoding="utf-8")):
            name = match.group(1).rstrip(".")
            end = match.end(1)
            text = match.string
            if end < len(text) and text[end] in "<*{":  # tests/test_<site>.py: a template
                continue
            found.add((doc.relative_to(ROOT).as_posix(), name))
    return sorted(found)


def _resolve(dotted: str) -> str | None:
    """None when ``dotted`` names a module of ours, or an attribute (chain) of one; else why
    not."""
    import importlib

    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        module_name = ".".join(parts[:cut])
        if not (
            (ROOT / Path(*parts[:cut])).with_suffix(".py").is_file()
            or (ROOT / Path(*parts[:cut]) / "__init__.py").is_file()
        ):
            continue
        obj: object = importlib.import_module(module_name)
        for attr in parts[cut:]:
            if not hasattr(obj, attr):
                return f"{module_name} has no {'.'.join(parts[cut:])}"
            obj = getattr(obj, attr)
        return None
    return "no such module"


@pytest.mark.parametrize(("doc", "path"), _mentions(_PATH), ids=lambda v: v)
def test_every_path_in_the_docs_exists(doc, path):
    if _PLACEHOLDER.search(path) or any(example in path for example in EXAMPLES):
        pytest.skip("a template, an example of a how-to or a generated path")
    assert (ROOT / path).exists(), f"{doc} names {path}, which does not exist"


@pytest.mark.parametrize(("doc", "name"), _mentions(_DOTTED), ids=lambda v: v)
def test_every_module_named_in_the_docs_exists(doc, name):
    if any(example in name.split(".") for example in EXAMPLES):
        pytest.skip("an example of a how-to")
    problem = _resolve(name)
    assert problem is None, f"{doc} names {name}: {problem}"


def test_the_module_map_names_every_layer():
    """docs/architecture.md opens with the layer map of tests/test_layers.py."""
    from tests.test_layers import LAYERS

    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    module_map = text.split("\n## ", 2)[1]
    assert module_map.startswith("Module map")
    missing = [p for _, prefixes in LAYERS for p in prefixes if f"`{p}`" not in module_map]
    assert missing == []


_LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d.relative_to(ROOT).as_posix())
def test_every_relative_link_in_the_docs_resolves(doc):
    targets = [t for t in _LINK.findall(doc.read_text(encoding="utf-8")) if "://" not in t]
    missing = [t for t in targets if not (doc.parent / t).exists()]
    assert missing == []
