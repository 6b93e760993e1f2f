"""The item pipelines, built from a Scrapy crawler (as in a crawl), writing a real SQLite file.

Items are real Pages and Articles built directly; the parse stage is exercised on real HTML.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines import db as schema
from scraper.items import Crawled
from tests.archive_helpers import (
    BODY,
    CANONICAL,
    T1,
    T2,
    T3,
    article,
    article_html,
    build_stages,
    crawled,
    make_crawler,
    page,
    run_stages,
)

ARTICLE_HTML = article_html("Kerr Wins The Bowerman Mile")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"


@pytest.fixture
def crawler(db_path: Path):
    crawler = make_crawler(db_path)
    yield crawler
    crawler_stages = getattr(crawler, "_test_stages", None)
    if crawler_stages:
        crawler_stages[-1].close_spider()


@pytest.fixture
def stages(crawler):
    crawler._test_stages = build_stages(crawler)
    return crawler._test_stages


@pytest.fixture
def db(db_path: Path, stages):
    database = schema.open_db(db_path)
    yield database
    database.close()


def rows(db, table: str) -> list[dict]:
    return list(db[table].rows_where(order_by="id"))


def test_first_stage_wraps_a_page_in_a_crawled_item(stages):
    item = stages[0].process_item(page(kind="listing"))
    assert isinstance(item, Crawled)
    assert (item.article, item.reject) == (None, None)


def test_a_new_article_is_stored_with_every_field(stages, db):
    item = run_stages(stages, crawled(article()))
    assert item.outcome == "new"
    [row] = rows(db, "articles")
    assert row["canonical_url"] == CANONICAL
    assert row["headline"] == "Josh Kerr Grabs Lead With 600 To Go"
    assert json.loads(row["authors"]) == ["Lori Shontz"]
    assert json.loads(row["tags"]) == ["mile"]
    assert json.loads(row["signals"]) == {"headline": "h1"}
    assert row["published_raw"] == "May 25, 2024 9:29 PM"
    assert row["published_at"] == "2024-05-25T21:29:00-05:00"
    assert (row["meet_name"], row["meet_year"]) == ("Prefontaine Classic", 2024)
    assert (row["first_seen"], row["last_seen"], row["updated_at"]) == (T1, T1, T1)
    assert row["page_id"] == rows(db, "pages")[0]["id"]
    assert row["body"] == BODY


def test_articles_are_upserted_by_canonical_url(stages, db):
    run_stages(stages, crawled(article()))
    other_host = "http://localhost:8080/gprofile.php?mgroup_id=44609&do=news&news_id=700101"
    item = run_stages(stages, crawled(article(url=other_host, fetched_at=T2), url=other_host))
    assert item.outcome == "unchanged"
    assert len(rows(db, "articles")) == 1
    assert len(rows(db, "pages")) == 2


def test_an_unchanged_restore_only_moves_last_seen(stages, db):
    run_stages(stages, crawled(article()))
    before = rows(db, "articles")[0]
    item = run_stages(stages, crawled(article(fetched_at=T2)))
    after = rows(db, "articles")[0]
    assert item.outcome == "unchanged"
    assert after["last_seen"] == T2
    assert {k: v for k, v in after.items() if k != "last_seen"} == {
        k: v for k, v in before.items() if k != "last_seen"
    }
    assert rows(db, "article_revisions") == []
    assert len(rows(db, "pages")) == 1
    assert rows(db, "pages")[0]["fetched_at"] == T2


def test_a_changed_article_adds_exactly_one_revision_with_the_old_text(stages, db):
    run_stages(stages, crawled(article()))
    old = rows(db, "articles")[0]
    changed = article(fetched_at=T2, headline="Kerr Wins Epic Mile", body=BODY + "\n\nUpdated.")
    item = run_stages(stages, crawled(changed, body=b"<html>v2</html>"))
    assert item.outcome == "updated"
    [rev] = rows(db, "article_revisions")
    assert (rev["article_id"], rev["headline"], rev["body"]) == (old["id"], old["headline"], BODY)
    assert (rev["content_hash"], rev["page_id"], rev["replaced_at"]) == (
        old["content_hash"],
        old["page_id"],
        T2,
    )
    [new] = rows(db, "articles")
    assert (new["id"], new["headline"], new["first_seen"]) == (old["id"], "Kerr Wins Epic Mile", T1)
    assert (new["updated_at"], new["last_seen"]) == (T2, T2)
    assert new["content_hash"] != old["content_hash"]
    run_stages(
        stages,
        crawled(
            article(fetched_at=T3, headline="Kerr Wins Epic Mile", body=BODY + "\n\nUpdated."),
            body=b"<html>v2</html>",
        ),
    )
    assert len(rows(db, "article_revisions")) == 1


def test_a_version_fetched_before_the_stored_one_replaces_nothing(stages, db):
    """A web archive imported after a crawl (or imported again) holds versions older than the
    one stored: they change nothing (``older``), their pages are kept for reparse. Seen again
    later (the text went back), the same text is a change like any other."""
    v1 = article(fetched_at=T1)
    v2 = article(fetched_at=T2, headline="Kerr Wins Epic Mile", body=BODY + "\n\nUpdated.")
    run_stages(stages, crawled(v2, body=b"<html>v2</html>"))
    stored = rows(db, "articles")
    item = run_stages(stages, crawled(v1, body=b"<html>v1</html>"))
    assert item.outcome == "older"
    assert rows(db, "articles") == stored
    assert rows(db, "article_revisions") == []
    assert len(rows(db, "pages")) == 2  # the older page is stored
    back = run_stages(stages, crawled(article(fetched_at=T3), body=b"<html>v1</html>"))
    assert back.outcome == "updated"  # the same v1 page, fetched again after v2
    assert rows(db, "articles")[0]["headline"] == v1.headline


@pytest.mark.parametrize(
    ("page_changes", "reason", "detail"),
    [
        (
            {"status": 403, "blocked": "Cloudflare challenge", "body": b"Just a moment..."},
            "blocked",
            "Cloudflare challenge",
        ),
        ({"status": 404, "error": "HTTP 404", "body": b"not found"}, "http error", "HTTP 404"),
        ({"status": 500, "body": b"oops"}, "http error", "HTTP 500"),
        (
            {"status": 0, "error": "TimeoutError: took too long", "body": b""},
            "fetch error",
            "TimeoutError: took too long",
        ),
        ({"body": b""}, "parse error", "ParseError: empty page"),
    ],
)
def test_pages_that_give_no_article_are_recorded_as_rejects(
    stages, db, page_changes, reason, detail
):
    item = run_stages(stages, page(**page_changes))
    assert (item.reject, item.reject_detail, item.outcome) == (reason, detail, None)
    [rej] = rows(db, "rejects")
    [pg] = rows(db, "pages")
    assert (rej["url"], rej["reason"], rej["detail"], rej["at"], rej["page_id"]) == (
        pg["url"],
        reason,
        detail,
        T1,
        pg["id"],
    )
    assert rows(db, "articles") == []


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"headline": None}, "no headline"),
        ({"headline": "   "}, "no headline"),
        ({"body": None}, "no body"),
        ({"body": "\n\n"}, "no body"),
        ({"canonical_url": ""}, "no url"),
    ],
)
def test_articles_without_headline_or_body_are_rejected(stages, db, changes, reason):
    item = run_stages(stages, crawled(article(**changes)))
    assert item.reject == reason
    assert [r["reason"] for r in rows(db, "rejects")] == [reason]
    assert rows(db, "articles") == []


def test_listing_pages_are_stored_as_pages_only(stages, db):
    item = run_stages(stages, page(kind="listing", body=b"<html>wall</html>"))
    assert (item.article, item.reject, item.outcome) == (None, None, None)
    assert [r["kind"] for r in rows(db, "pages")] == ["listing"]
    assert rows(db, "articles") == rows(db, "rejects") == []


def test_an_article_page_is_parsed_normalized_and_stored(stages, db):
    item = run_stages(stages, page(body=ARTICLE_HTML))
    assert item.outcome == "new", item.reject_detail
    [row] = rows(db, "articles")
    assert row["headline"] == "Kerr Wins The Bowerman Mile"
    assert "British record" in row["body"]
    assert row["word_count"] > 40
    assert row["canonical_url"] == CANONICAL


def test_outcomes_are_counted_in_crawler_stats(crawler, stages):
    run_stages(stages, crawled(article()))
    run_stages(stages, crawled(article(fetched_at=T2)))
    run_stages(stages, crawled(article(fetched_at=T3, body="Changed."), body=b"v2"))
    run_stages(stages, page(status=403, blocked="Cloudflare challenge", body=b"x"))
    run_stages(stages, page(status=404, error="HTTP 404", body=b"y"))
    stats = crawler.stats.get_stats()
    assert {k: v for k, v in stats.items() if k.startswith("meetarchive/")} == {
        "meetarchive/new": 1,
        "meetarchive/unchanged": 1,
        "meetarchive/updated": 1,
        "meetarchive/rejected": 2,
        "meetarchive/rejected/blocked": 1,
        "meetarchive/rejected/http error": 1,
        "meetarchive/blocked": 1,
    }


def test_search_index_follows_stored_articles(stages, db):
    run_stages(stages, crawled(article()))
    assert [r["headline"] for r in db["articles"].search("Ingebrigtsen")] == [
        "Josh Kerr Grabs Lead With 600 To Go"
    ]
    run_stages(stages, crawled(article(fetched_at=T2, body="A steeplechase story."), body=b"v2"))
    assert list(db["articles"].search("Ingebrigtsen")) == []
    assert len(list(db["articles"].search("steeplechase"))) == 1
    assert schema.integrity_ok(db)
