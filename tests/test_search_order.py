"""Search orders: best match first (bm25) and newest first, over a real archive file."""

from __future__ import annotations

import pytest

from pipelines import db as schema
from pipelines.search import search
from tests.archive_helpers import article, build_stages, crawled, make_crawler, run_stages

ARTICLES = [  # (news id, headline, published_at, body)
    (1, "Kerr wins the mile", "2024-05-26T02:29:00-05:00", "Kerr Kerr Kerr won the mile."),
    (2, "Relay report", "2025-04-27T10:00:00-05:00", "Kerr ran a leg of the relay."),
    (3, "Hurdles final", "2023-06-10T12:00:00-05:00", "Kerr watched the hurdles final."),
]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "archive.db"
    stages = build_stages(make_crawler(path))
    for n, headline, published, body in ARTICLES:
        url = f"https://example.org/news/{n}"
        art = article(
            url=url,
            canonical_url=url,
            headline=headline,
            dek=None,
            published_at=published,
            published_raw=published,
            body=body,
        )
        run_stages(stages, crawled(art, url=url, body=f"<html>{n}</html>".encode()))
    stages[-1].close_spider()
    with schema.open_db(path) as conn:
        yield conn


def test_ranked_puts_the_headline_hit_first(db):
    hits = search(db, "Kerr")
    assert hits[0]["headline"] == "Kerr wins the mile"
    assert all(h["score"] < 0 for h in hits)


def test_newest_first_orders_by_publication_date(db):
    hits = search(db, "Kerr", order="newest")
    assert [h["headline"] for h in hits] == ["Relay report", "Kerr wins the mile", "Hurdles final"]


def test_newest_first_snippets_mark_the_hit(db):
    hits = search(db, "hurdles", order="newest", mark=("[", "]"))
    assert [h["headline"] for h in hits] == ["Hurdles final"]
    assert "[hurdles]" in hits[0]["snippet"]


def test_an_unknown_order_is_refused(db):
    with pytest.raises(ValueError, match="order must be one of"):
        search(db, "Kerr", order="oldest")
