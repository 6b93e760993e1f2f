"""The size budget of the conventions: no module of ``scraper/`` or ``pipelines/`` over 400 lines
(as ``ruff format`` leaves it). A module that outgrows it is split where its parts meet, not
squeezed."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_LINES = 400


def test_no_module_is_over_400_lines():
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for package in ("scraper", "pipelines")
        for path in (ROOT / package).rglob("*.py")
    }
    assert sizes, "no modules found"
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}
