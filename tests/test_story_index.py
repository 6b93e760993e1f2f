"""pipelines.stories through the real stages into a real archive file: copies are grouped
whichever comes first, the original is the first published (else first seen), a changed article
leaves its story (which splits when it was the link), an unchanged refetch changes nothing, two
writers see each other's articles, and generated copies are grouped with precision and recall of
at least 0.98 (bench/copies.py, a smaller set than bench/stories.py's)."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path
from typing import Any

import pytest

from pipelines.db import open_db
from pipelines.search import search
from tests.archive_helpers import T1, article, build_stages, crawled, make_crawler, rows, run_stages
from tests.test_fingerprint import OTHER, PARAS, body

REPO = Path(__file__).resolve().parents[1]
ORIGINAL = body(PARAS)
COPY = body(["By A. Writer, Wire", *PARAS, "Sign up for our newsletter at the Herald."])
CUT = body(PARAS[:4])
ROUNDUP = body([PARAS[0], *OTHER])
DATES = {
    "original": "2024-05-25T21:29:00-05:00",
    "copy": "2024-05-26T08:15:00-05:00",
    "cut": "2024-05-26T10:30:00-04:00",
    "roundup": "2024-05-26T09:00:00-05:00",
}
TEXTS = {"original": ORIGINAL, "copy": COPY, "cut": CUT, "roundup": ROUNDUP}


def item(name: str, text: str, published: str | None, fetched: str = T1) -> Any:
    url = f"https://{name}.example.org/story"
    art = article(
        url=url,
        canonical_url=url,
        fetched_at=fetched,
        body=text,
        published_raw=published,
        published_at=published,
    )
    return crawled(art, url=url, body=f"<html>{name} {text}</html>".encode())


def store(db: Path, items: list[Any]) -> None:
    stages = build_stages(make_crawler(db))
    for one in items:
        run_stages(stages, one)
    stages[-1].close_spider()


def story_of(db: Path) -> dict[str, tuple[str | None, str]]:
    """name -> (the name of the article it is a copy of, the name of its story)."""
    ids = dict(rows(db, "SELECT id, canonical_url FROM articles"))
    name = {i: url.split("//")[1].split(".")[0] for i, url in ids.items()}
    return {
        name[i]: (name.get(copy_of), name[story])
        for i, copy_of, story in rows(db, "SELECT id, copy_of, story_id FROM articles")
    }


GROUPED = {
    "original": (None, "original"),
    "copy": ("original", "original"),
    "cut": ("original", "original"),
    "roundup": (None, "roundup"),
}


@pytest.mark.parametrize("order", list(itertools.permutations(DATES)))
def test_copies_are_one_story_whichever_comes_first(tmp_path: Path, order: tuple[str, ...]):
    db = tmp_path / "a.db"
    store(db, [item(name, TEXTS[name], DATES[name]) for name in order])
    assert story_of(db) == GROUPED


def test_without_dates_the_first_seen_is_the_original(tmp_path: Path):
    db = tmp_path / "a.db"
    seen = ["2026-11-01T12:00:00+00:00", "2026-11-01T10:00:00+00:00"]
    store(db, [item("copy", COPY, None, seen[0]), item("original", ORIGINAL, None, seen[1])])
    assert story_of(db) == {"original": (None, "original"), "copy": ("original", "original")}


def test_a_later_copy_published_earlier_becomes_the_original(tmp_path: Path):
    db = tmp_path / "a.db"
    store(db, [item("copy", COPY, DATES["copy"]), item("cut", CUT, DATES["cut"])])
    assert story_of(db) == {"copy": (None, "copy"), "cut": ("copy", "copy")}
    store(db, [item("original", ORIGINAL, DATES["original"])])
    assert story_of(db) == {k: v for k, v in GROUPED.items() if k != "roundup"}


def test_a_changed_article_leaves_its_story_and_the_story_splits_where_it_was_the_link(
    tmp_path: Path,
):
    """``whole`` holds the first and the last paragraphs of the story: each part is the same
    story as the whole (contained in it), not as each other."""
    db = tmp_path / "a.db"
    first, last = body(PARAS[:3]), body(PARAS[3:])
    store(
        db,
        [
            item("first", first, "2024-05-26T10:00:00+00:00"),
            item("last", last, "2024-05-26T11:00:00+00:00"),
            item("whole", ORIGINAL, "2024-05-26T12:00:00+00:00"),
        ],
    )
    assert story_of(db) == {
        "first": (None, "first"),
        "last": ("first", "first"),
        "whole": ("first", "first"),
    }
    store(
        db, [item("whole", body(OTHER), "2024-05-26T12:00:00+00:00", "2026-11-02T10:00:00+00:00")]
    )
    assert story_of(db) == {
        "first": (None, "first"),
        "last": (None, "last"),
        "whole": (None, "whole"),
    }
    [(keys,)] = rows(db, "SELECT count(*) FROM story_bands")
    [(distinct,)] = rows(db, "SELECT count(DISTINCT key) FROM story_bands")
    assert keys == distinct  # the parts hold their own keys again, none twice


def test_refetching_the_same_text_changes_nothing(tmp_path: Path):
    db = tmp_path / "a.db"
    store(db, [item(name, TEXTS[name], DATES[name]) for name in DATES])
    before = rows(db, "SELECT * FROM story_prints ORDER BY article_id") + rows(
        db, "SELECT * FROM story_bands ORDER BY key, article_id"
    )
    later = "2026-11-05T10:00:00+00:00"
    store(db, [item(name, TEXTS[name], DATES[name], later) for name in DATES])
    after = rows(db, "SELECT * FROM story_prints ORDER BY article_id") + rows(
        db, "SELECT * FROM story_bands ORDER BY key, article_id"
    )
    assert after == before
    assert story_of(db) == GROUPED


def test_two_writers_see_each_others_articles(tmp_path: Path):
    """Two crawls into one archive, their groups interleaved: the second finds the first's."""
    db = tmp_path / "a.db"
    one = build_stages(make_crawler(db, STORE_GROUP_UNTIMED=True))
    two = build_stages(make_crawler(db, STORE_GROUP_UNTIMED=True))
    run_stages(one, item("original", ORIGINAL, DATES["original"]))
    one[-1].close_spider()  # its group commits
    run_stages(two, item("copy", COPY, DATES["copy"]))
    run_stages(two, item("roundup", ROUNDUP, DATES["roundup"]))
    two[-1].close_spider()
    assert story_of(db) == {k: v for k, v in GROUPED.items() if k != "cut"}


@pytest.fixture(scope="module")
def copies() -> Any:
    spec = importlib.util.spec_from_file_location("copies", REPO / "bench" / "copies.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["copies"] = module
    spec.loader.exec_module(module)
    return module


def test_generated_copies_are_grouped_with_precision_and_recall_of_098(tmp_path: Path, copies: Any):
    generated = copies.generate(1500, seed=7)
    db = tmp_path / "a.db"
    store(
        db,
        [
            item(g.url.split("//")[1].replace(".", "-").replace("/", "-"), g.body, g.published_at)
            for g in generated
        ],
    )
    found = {name: story for name, (_, story) in story_of(db).items()}
    groups = [found[g.url.split("//")[1].replace(".", "-").replace("/", "-")] for g in generated]
    precision, recall, true_pairs, _ = copies.precision_recall(generated, groups)
    assert true_pairs > 1000
    assert precision >= 0.98
    assert recall >= 0.98


@pytest.mark.parametrize("order", ["rank", "newest"])
@pytest.mark.parametrize("limit", [1, 2, 5])
def test_search_shows_each_story_once_and_reads_on_for_the_next(
    tmp_path: Path, order: str, limit: int
):
    """Three articles of one story and a fourth story all match: the first hits are the two
    stories, whatever the limit, the story's hit listing its other two addresses."""
    db = tmp_path / "a.db"
    store(db, [item(name, TEXTS[name], DATES[name]) for name in DATES])
    with open_db(db) as archive:
        hits = search(archive, "Kerr", limit=limit, order=order)
    assert len(hits) == min(limit, 2)
    assert len({h["story_id"] for h in hits}) == len(hits)
    story = [h for h in hits if h["also_on"]]
    if limit > 1 or story:
        [one] = story
        assert len(one["also_on"]) == 2
        assert one["other_sites"] == 2
