"""The archive schema (pipelines/db): pragmas, migrations, pages, FTS kept in sync."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from pipelines import db as schema
from tests.archive_helpers import T1, T2, T3, page


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    database = schema.open_db(tmp_path / "archive.db")
    yield database
    database.close()


def test_open_db_uses_wal_busy_timeout_and_foreign_keys(db):
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == schema.BUSY_TIMEOUT_MS
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_open_db_creates_every_table_and_applies_every_migration(db):
    names = set(db.table_names())
    assert {"pages", "articles", "article_revisions", "rejects", "articles_fts"} <= names
    assert [m.name for m in schema.migrations.applied(db)] == [
        m.name for m in schema.migrations._migrations
    ]


def test_fts_table_is_where_datasette_looks_for_it(db):
    assert db["articles"].detect_fts() == "articles_fts"
    assert [c.name for c in db["articles_fts"].columns] == list(schema.FTS_COLUMNS)
    triggers = {t.name for t in db["articles"].triggers}
    assert triggers == {"articles_ai", "articles_ad", "articles_au"}


def test_opening_twice_applies_nothing_twice(tmp_path):
    schema.open_db(tmp_path / "a.db").close()
    db = schema.open_db(tmp_path / "a.db")
    names = [m.name for m in schema.migrations.applied(db)]
    assert len(names) == len(set(names))
    assert schema.migrations.pending(db) == []


def test_processes_opening_a_new_archive_at_once_all_get_it_migrated_once(tmp_path):
    """Two crawls of different sources start together on a fresh archive: each opener waits for
    the write lock, the first applies the migrations, the others find nothing left to do."""
    import subprocess
    import sys
    import time

    path = tmp_path / "new.db"
    at = time.time() + 1.5  # every process opens at the same moment
    code = (
        "import sys, time; from pipelines.db import open_db; "
        f"time.sleep(max(0, {at} - time.time())); open_db(sys.argv[1]).close()"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(path)],
            stderr=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parents[1],
        )
        for _ in range(8)
    ]
    errors = [p.communicate(timeout=60)[1] for p in procs]
    assert [p.returncode for p in procs] == [0] * 8, "\n".join(errors)
    names = [r[0] for r in sqlite3.connect(path).execute("SELECT name FROM _sqlite_migrations")]
    assert (
        sorted(names) == sorted(set(names)) == sorted(m.name for m in schema.migrations._migrations)
    )


def test_an_archive_made_at_migration_1_is_migrated_when_opened(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    second = schema.migrations._migrations[1].name
    schema.migrations.apply(old, stop_before=second)
    assert [m.name for m in schema.migrations.applied(old)] == ["m001_initial"]
    old["articles"].insert(
        {
            "canonical_url": "https://example.org/a",
            "content_hash": "x",
            "headline": "Old archive headline",
            "body": "steeplechase",
        }
    )
    old.close()

    db = schema.open_db(path)
    assert schema.migrations.pending(db) == []
    assert "idx_articles_meet_name_meet_year" in {i.name for i in db["articles"].indexes}
    assert db["articles"].count == 1
    assert [r["headline"] for r in db["articles"].search("steeplechase")] == [
        "Old archive headline"
    ]


def test_an_identical_refetch_only_moves_the_fetch_time(db):
    first = schema.store_page(db, page(fetched_at=T1))
    again = schema.store_page(db, page(fetched_at=T2))
    assert first == (first[0], T1, T1)
    assert again == (first[0], T1, T2)
    row = db["pages"].get(first[0])
    assert (row["first_fetched_at"], row["fetched_at"]) == (T1, T2)
    assert db["pages"].count == 1


def test_a_changed_body_is_a_new_page_version(db):
    schema.store_page(db, page(body=b"v1"))
    schema.store_page(db, page(body=b"v2", fetched_at=T2))
    assert db["pages"].count == 2


def test_page_body_is_compressed_and_round_trips(db):
    body = ("<p>Kerr’s British record</p>" * 200).encode()
    page_id, _, _ = schema.store_page(db, page(body=body, meta={"listing": "https://x/"}))
    row = db["pages"].get(page_id)
    assert len(row["body"]) < len(body) / 10
    assert row["body_size"] == len(body)
    assert json.loads(row["headers"]) == {"Content-Type": "text/html; charset=utf-8"}
    again = schema.page_from_row(row)
    assert again == page(body=body, meta={"listing": "https://x/"})


def test_rejects_are_one_row_per_page_and_reason(db):
    page_id, _, _ = schema.store_page(db, page(status=404, error="HTTP 404"))
    schema.record_reject(db, "https://x/", "http error", "HTTP 404", T1, page_id)
    schema.record_reject(db, "https://x/", "http error", "HTTP 404", T2, page_id)
    assert [(r["reason"], r["at"]) for r in db["rejects"].rows] == [("http error", T2)]


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        schema.record_reject(db, "https://x/", "blocked", None, T1, 12345)


def test_write_transaction_rolls_back_everything_on_error(db):
    def store_then_fail() -> None:
        with schema.write_transaction(db):
            schema.store_page(db, page())
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        store_then_fail()
    assert db["pages"].count == 0
    assert not db.conn.in_transaction


def test_fts_follows_inserts_updates_and_deletes(db):
    table = db["articles"]
    pk = table.insert(
        {
            "canonical_url": "u",
            "content_hash": "h",
            "headline": "Hurdles",
            "body": "a steeplechase story",
            "authors": '["Lori Shontz"]',
        }
    ).last_pk
    assert [r["id"] for r in table.search("steeplechase")] == [pk]
    assert [r["id"] for r in table.search("shontz")] == [pk]
    table.update(pk, {"body": "a marathon story"})
    assert list(table.search("steeplechase")) == []
    assert [r["id"] for r in table.search("marathon")] == [pk]
    table.delete(pk)
    assert list(table.search("marathon")) == []
    assert schema.integrity_ok(db)


def test_an_sqlite_file_of_something_else_is_left_untouched(tmp_path):
    path = tmp_path / "other.db"
    other = sqlite_utils.Database(path)
    other["recipes"].insert({"name": "soup"})
    other.close()
    with pytest.raises(schema.NotAnArchiveError, match="holds other tables: recipes"):
        schema.open_db(path)
    with sqlite_utils.Database(path) as again:
        assert again.table_names() == ["recipes"]
        assert again.journal_mode != "wal"


def test_an_empty_file_becomes_an_archive(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with schema.open_db(path) as db:
        assert "articles" in db.table_names()


SITEMAP = "https://gazette.example/sitemap.xml"


def news_page(url: str, at: str, **changes: object) -> object:
    """A sitemap fetched by the news spider."""
    from dataclasses import replace

    return replace(page(url, fetched_at=at, kind="listing", **changes), spider="news")


@pytest.mark.parametrize(
    ("run", "clean"),
    [
        ({"finish_reason": "finished", "exit_code": 0}, True),
        ({"finish_reason": "finished", "exit_code": 5}, True),  # an alarm: everything was fetched
        ({"finish_reason": "finished", "exit_code": None}, True),  # run through the API
        ({"finish_reason": "finished", "exit_code": 1}, False),  # downloads failed
        ({"finish_reason": "finished", "exit_code": 3}, False),  # blocked
        ({"finish_reason": "shutdown", "exit_code": 0}, False),  # stopped (Ctrl-C, SIGTERM)
        ({}, False),  # killed: never finished
    ],
)
def test_a_read_counts_only_from_a_run_that_finished_cleanly(db, run: dict, clean: bool):
    run_id = schema.start_run(db, "news", {}, T1)
    schema.store_page(db, news_page(SITEMAP, T1))
    if run:
        schema.finish_run(db, run_id, {"finished_at": T2, **run}, [{"source": "runnerspace"}])
    expected = {SITEMAP: (T1, T1)} if clean else {}
    assert schema.clean_reads(db, "news", [SITEMAP, "https://gazette.example/other.xml"]) == (
        expected
    )


def test_the_latest_read_decides_and_failed_fetches_do_not_count(db):
    first = schema.start_run(db, "news", {}, T1)
    schema.store_page(db, news_page(SITEMAP, T1))
    schema.finish_run(
        db, first, {"finished_at": T1, "finish_reason": "finished"}, [{"source": "runnerspace"}]
    )
    assert schema.clean_reads(db, "news", [SITEMAP]) == {SITEMAP: (T1, T1)}
    schema.start_run(db, "news", {}, T2)  # killed after reading it again
    schema.store_page(db, news_page(SITEMAP, T2))
    assert schema.clean_reads(db, "news", [SITEMAP]) == {}
    other = "https://gazette.example/news.xml"
    schema.store_page(db, news_page(other, T1, status=503, error="HTTP 503"))
    assert schema.clean_reads(db, "news", [other]) == {}
    assert schema.clean_reads(db, "runnerspace", [SITEMAP]) == {}  # another spider's runs


def test_a_read_belongs_to_the_run_of_its_source_not_to_one_beside_it(db):
    """Crawls of two sources side by side: the one that read the sitemap was killed, the other
    finished cleanly over the same time."""
    killed = schema.start_run(db, "news", {}, T1)
    other = schema.start_run(db, "news", {}, T1)
    schema.store_page(db, news_page(SITEMAP, T2))  # source "runnerspace", in the killed run
    schema.finish_run(
        db, other, {"finished_at": T3, "finish_reason": "finished"}, [{"source": "gazette"}]
    )
    assert killed != other
    assert schema.clean_reads(db, "news", [SITEMAP]) == {}


def _count_elsewhere(db: Path) -> int:
    """The rows of ``probe`` another process sees (its connection closed after)."""
    code = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    code += "print(c.execute('SELECT count(*) FROM probe').fetchone()[0]); c.close()"
    done = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True)
    return int(done.stdout)


def test_opening_an_archive_again_keeps_the_locks_of_the_connection_already_open(tmp_path):
    """A second open_db of an archive this process writes (a crawl's extensions open their own)
    must not drop the writer's locks: another process closing its connection would take itself
    for the last one and remove the WAL, and every later commit of the writer would be lost."""
    db = tmp_path / "archive.db"
    writer = schema.open_db(db)
    writer.execute("CREATE TABLE probe (x INTEGER)")
    writer.execute("INSERT INTO probe VALUES (1)")
    writer.conn.commit()
    schema.open_db(db).close()  # checks the file it opens: the writer's locks must hold
    assert _count_elsewhere(db) == 1
    for x in range(2, 5):
        writer.execute("INSERT INTO probe VALUES (?)", [x])
        writer.conn.commit()
        assert _count_elsewhere(db) == x
    writer.close()
    assert _count_elsewhere(db) == 4
