"""Golden tests: every fixture article, one test per field (ids like runnerspace/seed/headline),
plus no extra keys, boilerplate kept out of bodies, and the seed's required values."""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from scraper.items import Article
from scraper.parsers import parser_for
from scraper.parsers.common.lines import text_lines
from tests.goldens import SEED, Case, cases

FIELDS = sorted(f.name for f in dataclasses.fields(Article))
CASES = cases()
SHARED_SEED = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "seed"
    / "dyestat-kerr-prefontaine-classic-2024.txt"
)


@cache
def record(case: Case) -> dict[str, Any]:
    return case.record()


@pytest.mark.parametrize(
    ("case", "field"),
    [(c, f) for c in CASES for f in FIELDS],
    ids=[f"{c.id}/{f}" for c in CASES for f in FIELDS],
)
def test_field(case: Case, field: str) -> None:
    assert record(case)[field] == case.golden()[field]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_no_extra_keys(case: Case) -> None:
    assert sorted(case.golden()) == FIELDS
    assert sorted(record(case)) == FIELDS


# Text of the page around the article; none of it may reach a body.
BOILERPLATE = [
    "More news",
    "History for",
    "Upload a Photo",
    "Blog Feed",
    "Folders",
    "Published by",
    "WATCH MEET ON DEMAND",
    "Advertisement",
    "comment(s)",
    "Add a Comment",
    "+PLUS",
    "Show 34 more",
    "views",
    "Find something",
    "Comments",
    "Like",
    "Share",
    "YearResults",
    "Powered by",
    "All rights reserved",
]
HEADER_LINES = ["headline", "dek", "byline_raw"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_body_has_no_boilerplate(case: Case) -> None:
    rec = record(case)
    body = rec["body"]
    paragraphs = body.split("\n\n")
    for text in BOILERPLATE:
        assert not any(p.startswith(text) for p in paragraphs), text
    for text in [
        "More news",
        "History for",
        "Upload a Photo",
        "WATCH MEET ON DEMAND",
        "comment(s)",
        "+PLUS",
        "Advertisement",
        "Published by",
    ]:
        assert text not in body
    for field in HEADER_LINES:
        if rec[field]:
            assert rec[field] not in paragraphs, field
    if rec["photo_credit"]:
        assert not any(p.endswith(" photos") or p.startswith("Photos by") for p in paragraphs)


def test_parser_is_the_site_parser() -> None:
    for case in CASES:
        assert parser_for(case.url).name == "runnerspace"
        assert record(case)["parser"] == "runnerspace/1"


@pytest.mark.parametrize("slug", ["seed", "seed-altmarkup"])
@pytest.mark.parametrize("field", sorted(SEED))
def test_seed_required_values(slug: str, field: str) -> None:
    """The issue's values for the seed, in the platform's markup and in markup we did not guess."""
    case = next(c for c in CASES if c.slug == slug)
    assert record(case)[field] == SEED[field]


@pytest.mark.parametrize("slug", ["seed", "seed-altmarkup"])
def test_seed_body_bounds(slug: str) -> None:
    body = record(next(c for c in CASES if c.slug == slug))["body"]
    assert body.startswith("EUGENE -- The directive from his coaches was clear: Don’t do it.\n\n")
    assert body.endswith("...this is going to be an exciting summer.”".lstrip("."))
    assert body.count("\n\n") == 23  # 24 paragraphs, nothing else of the page


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_seed_page_renders_to_the_seed_text() -> None:
    """Every line of ../shared/seed appears, in order, in the fixture page's visible text."""
    if not SHARED_SEED.is_file():
        pytest.skip("../shared is not present")
    case = next(c for c in CASES if c.slug == "seed")
    tree = lxml_html.document_fromstring(case.html())
    visible = _squash("".join(line.text for line in text_lines(tree.find("body"))))
    pos = 0
    for line in SHARED_SEED.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        found = visible.find(_squash(line), pos)
        assert found >= 0, f"seed line not found in order: {line[:80]!r}"
        pos = found + len(_squash(line))


def test_seed_body_is_the_seed_article_text() -> None:
    if not SHARED_SEED.is_file():
        pytest.skip("../shared is not present")
    lines = [" ".join(x.split()) for x in SHARED_SEED.read_text(encoding="utf-8").splitlines()]
    start = lines.index("EUGENE -- The directive from his coaches was clear: Don’t do it.")
    end = next(
        i for i, x in enumerate(lines) if x.endswith("this is going to be an exciting summer.”")
    )
    expected = "\n\n".join(x for x in lines[start : end + 1] if x)
    for slug in ("seed", "seed-altmarkup"):
        assert record(next(c for c in CASES if c.slug == slug))["body"] == expected
