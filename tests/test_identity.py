"""Archives written before RunnerSpace articles were keyed by news_id (pipelines/db/identity.py,
migration m008): the rows the store stage wrote under the old keys (profile script, profile id,
news_id) are re-keyed when the archive is opened, and one article stored twice (through an event
and through a group wall) becomes one row that keeps every page, every revision, the earliest
first_seen and the latest last_seen."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from pipelines import db as schema
from scraper.parsers.keys import canonical_url
from tests.archive_helpers import (
    T1,
    T2,
    T3,
    article,
    build_stages,
    crawled,
    make_crawler,
    run_stages,
)

T4 = "2026-11-04T10:00:00+00:00"
E_URL = "https://nxn.runnerspace.com/eprofile.php?event_id=120&do=news&news_id=700109"
G_URL = "https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=700109"
# the keys the store stage wrote before m008 (the canonical URL function of that time)
OLD_E = "https://www.runnerspace.com/eprofile.php?event_id=120&do=news&news_id=700109"
OLD_G = "https://www.runnerspace.com/gprofile.php?mgroup_id=44609&do=news&news_id=700109"
OLD_SEED = "https://www.runnerspace.com/gprofile.php?mgroup_id=44609&do=news&news_id=700101"
KEY = "https://www.runnerspace.com/news.php?news_id=700109"
SEED_URL = "https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=700101"
OTHER = "https://news.example.org/steeple"


def preview(version: str, fetched_at: str, url: str, key: str):
    """Article 700109 as fetched at ``fetched_at``: text ``version`` (one word differs)."""
    return article(
        url=url,
        canonical_url=key,
        fetched_at=fetched_at,
        headline="Prefontaine Classic Meet Preview",
        body=f"EUGENE -- The field for the Bowerman Mile is set. {version} words here.",
    )


def store(path: Path, items: list) -> list:
    crawler = make_crawler(path)
    stages = build_stages(crawler)
    try:
        return [run_stages(stages, item) for item in items]
    finally:
        stages[-1].close_spider()


@pytest.fixture
def old_archive(tmp_path: Path) -> Path:
    """An archive the store stage wrote with the old keys, m008 not yet applied: 700109 stored
    twice (through the event: text v1 at T1, seen again at T4; through the wall: v2 at T2, v3 at
    T3), the seed once, another site's article once."""
    path = tmp_path / "old.db"
    outcomes = store(
        path,
        [
            crawled(preview("alpha", T1, E_URL, OLD_E), url=E_URL, body=b"event v1"),
            crawled(preview("bravo", T2, G_URL, OLD_G), url=G_URL, body=b"wall v2"),
            crawled(preview("charlie", T3, G_URL, OLD_G), url=G_URL, body=b"wall v3"),
            crawled(preview("alpha", T4, E_URL, OLD_E), url=E_URL, body=b"event v1"),
            crawled(article(canonical_url=OLD_SEED), url=SEED_URL),
            crawled(
                article(url=OTHER, canonical_url=OTHER, headline="Steeple"),
                url=OTHER,
                body=b"other",
            ),
        ],
    )
    assert [c.outcome for c in outcomes] == ["new", "new", "updated", "unchanged", "new", "new"]
    db = sqlite_utils.Database(path)
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm008_runnerspace_news_id_key'")
    db.conn.commit()
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    db.close()
    return path


def article_rows(db: sqlite_utils.Database) -> dict[str, dict]:
    return {r["canonical_url"]: r for r in db["articles"].rows}


def test_opening_an_old_archive_merges_one_article_stored_through_two_profiles(old_archive):
    before = sqlite_utils.Database(old_archive)
    old = article_rows(before)
    pages = [dict(r) for r in before["pages"].rows]
    before.close()

    db = schema.open_db(old_archive)
    rows = article_rows(db)
    assert sorted(rows) == sorted([KEY, canonical_url(SEED_URL), OTHER])
    merged = rows[KEY]
    # the row holding the newest text (the wall's v3) is kept, with its id
    assert merged["id"] == old[OLD_G]["id"]
    assert "charlie" in merged["body"]
    assert (merged["first_seen"], merged["last_seen"], merged["updated_at"]) == (T1, T4, T3)
    assert merged["url"] == G_URL
    # every text is kept: the wall's v2 (its revision) and the event's v1, replaced by v3
    revisions = list(
        db.query(
            "SELECT body, page_id, replaced_at FROM article_revisions "
            "WHERE article_id = ? ORDER BY replaced_at, id",
            [merged["id"]],
        )
    )
    assert [(r["body"].split(". ")[1].split()[0], r["replaced_at"]) for r in revisions] == [
        ("bravo", T3),
        ("alpha", T3),
    ]
    assert db["article_revisions"].count == 2
    assert revisions[1]["page_id"] == old[OLD_E]["page_id"]
    assert [dict(r) for r in db["pages"].rows] == pages  # pages untouched


def test_the_full_text_index_follows_the_merge(old_archive):
    db = schema.open_db(old_archive)
    merged = article_rows(db)[KEY]["id"]
    assert [r["id"] for r in db["articles"].search("Preview")] == [merged]
    assert [r["id"] for r in db["articles"].search("charlie")] == [merged]
    assert list(db["articles"].search("alpha")) == []  # now a revision's text only
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')")


def test_other_articles_are_re_keyed_or_left_alone(old_archive):
    before = article_rows(sqlite_utils.Database(old_archive))
    rows = article_rows(schema.open_db(old_archive))
    seed = rows["https://www.runnerspace.com/news.php?news_id=700101"]
    assert {k: v for k, v in seed.items() if k != "canonical_url"} == {
        k: v for k, v in before[OLD_SEED].items() if k != "canonical_url"
    }
    assert rows[OTHER] == before[OTHER]


def test_a_merged_archive_takes_the_article_again_through_either_profile(old_archive):
    schema.open_db(old_archive).close()
    again = store(
        old_archive,
        [
            crawled(
                preview("charlie", "2026-11-05T10:00:00+00:00", url, canonical_url(url)),
                url=url,
                body=b"wall v3",
            )
            for url in (E_URL, G_URL)
        ],
    )
    assert [c.outcome for c in again] == ["unchanged", "unchanged"]
    db = schema.open_db(old_archive)
    assert (
        db.execute("SELECT count(*) FROM articles WHERE canonical_url = ?", [KEY]).fetchone()[0]
        == 1
    )
    assert article_rows(db)[KEY]["last_seen"] == "2026-11-05T10:00:00+00:00"


def test_identical_copies_merge_without_a_revision(tmp_path: Path):
    path = tmp_path / "same.db"
    store(
        path,
        [
            crawled(preview("alpha", T1, E_URL, OLD_E), url=E_URL, body=b"e"),
            crawled(preview("alpha", T2, G_URL, OLD_G), url=G_URL, body=b"g"),
        ],
    )
    db = sqlite_utils.Database(path)
    db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm008_runnerspace_news_id_key'")
    db.conn.commit()
    db.close()
    db = schema.open_db(path)
    [row] = db["articles"].rows
    assert (row["canonical_url"], row["first_seen"], row["last_seen"]) == (KEY, T1, T2)
    assert db["article_revisions"].count == 0
