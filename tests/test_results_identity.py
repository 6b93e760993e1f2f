"""Nothing stored twice in the results tables (pipelines/results.py, pipelines/db/documents.py,
migration m009): a results document byte-identical to a stored one adds no rows wherever it came
from; a newer version of a document replaces the older version's rows (a Results page of the
platform is one document whatever host serves it); an older version met later changes nothing;
`reparse` reproduces the same documents; archives that stored documents twice are merged when
opened; `meetarchive demo` run twice stores no new result rows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from pipelines import db as schema
from pipelines.context import Archive
from pipelines.replay import reparse
from pipelines.results import ResultsStage
from scraper.items import Crawled, Page

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "runnerspace"
MILE = (SITE / "results" / "prefontaine-2024-mile.txt").read_bytes()
RESULTS_PAGE = SITE / "eprofile.php" / "do=title&event_id=120&title_id=187.html"
T1, T2, T3, T4 = (f"2026-11-0{d}T10:00:00+00:00" for d in (1, 2, 3, 4))
MILE_V2 = MILE.replace(b"3:45.60", b"3:45.61")  # a corrected mark


def results_page(port: int) -> bytes:
    """The fixture's Results page as the site server serves it on ``port`` (its links name the
    port, so every port gives other bytes)."""
    return RESULTS_PAGE.read_bytes().replace(
        b"__ORIGIN_localhost__", f"http://localhost:{port}".encode()
    )


def store(
    db: sqlite_utils.Database, url: str, body: bytes, fetched_at: str, rebuilding: bool = False
) -> None:
    """A results page through the store (page row) and results stages."""
    page = Page(
        url=url,
        status=200,
        headers={},
        body=body,
        fetched_at=fetched_at,
        kind="results",
        source="runnerspace",
        spider="runnerspace",
    )
    with schema.write_transaction(db):
        schema.store_page(db, page)
    ResultsStage(Archive(db, rebuilding)).process_item(Crawled(page=page))


def documents(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every document as (url, status, rows, the URL of the document holding its rows)."""
    return list(
        db.query(
            "SELECT d.url, d.status, d.rows, h.url AS duplicate_of FROM result_documents d "
            "LEFT JOIN result_documents h ON h.id = d.duplicate_of ORDER BY d.url"
        )
    )


def result_rows(db: sqlite_utils.Database) -> list[tuple]:
    return [
        tuple(r.values())
        for r in db.query(
            "SELECT r.id, d.url, p.url AS page, r.event, r.place, r.athlete, r.mark_raw "
            "FROM results r JOIN result_documents d ON d.id = r.document_id "
            "JOIN pages p ON p.id = r.page_id ORDER BY r.id"
        )
    ]


@pytest.fixture
def db(tmp_path: Path):
    database = schema.open_db(tmp_path / "archive.db")
    yield database
    database.close()


def test_the_same_file_from_another_host_or_port_adds_no_rows(db):
    urls = [
        "http://timing.example:8001/mile.txt",
        "http://timing.example:8002/mile.txt",
        "http://mirror.example/mile.txt",
    ]
    for url, at in zip(urls, (T1, T2, T3), strict=True):
        store(db, url, MILE, at)
    assert documents(db) == [
        {"url": urls[2], "status": "duplicate", "rows": 0, "duplicate_of": urls[0]},
        {"url": urls[0], "status": "parsed", "rows": 8, "duplicate_of": None},
        {"url": urls[1], "status": "duplicate", "rows": 0, "duplicate_of": urls[0]},
    ]
    assert (db["results"].count, db["result_events"].count, db["meets"].count) == (8, 2, 1)
    assert {r[1] for r in result_rows(db)} == {urls[0]}


def test_a_newer_version_replaces_the_older_versions_rows(db):
    url = "https://timing.example/mile.txt"
    store(db, url, MILE, T1)
    store(db, url, MILE_V2, T2)
    assert [(d["status"], d["rows"]) for d in documents(db)] == [("parsed", 8)]
    marks = {r[5]: r[6] for r in result_rows(db)}
    assert marks["Jakob Ingebrigtsen"] == "3:45.61"
    assert db["result_events"].count == 2


def test_an_older_version_met_later_changes_nothing(db):
    """E.g. an old web archive imported after a crawl: the crawl's newer version stays."""
    url = "https://timing.example/mile.txt"
    store(db, url, MILE_V2, T2)
    before = result_rows(db)
    store(db, url, MILE, T1)
    assert result_rows(db) == before
    assert db["pages"].count == 2  # the old version's page is kept all the same


def test_a_results_page_from_another_host_with_the_same_results_keeps_its_rows(db):
    """The platform's Results page on a sub-domain and on a custom domain (other bytes: its links
    name the host) is one document: the rows, ids included, stay; they now come from the newer
    page."""
    store(
        db,
        "http://localhost:8001/eprofile.php?do=title&title_id=187&event_id=120",
        results_page(8001),
        T1,
    )
    store(db, "http://localhost:8001/results/mile.txt", MILE, T1)  # rows stored after them
    before = result_rows(db)
    newer = "http://127.0.0.1:8002/eprofile.php?event_id=120&title_id=187&do=title"
    store(db, newer, results_page(8002), T2)
    after = result_rows(db)
    assert len(after) == len(before) >= 13
    assert [r[:1] + r[3:] for r in after] == [r[:1] + r[3:] for r in before]
    assert {(r[1], r[2]) for r in after if "mile.txt" not in r[1]} == {(newer, newer)}
    assert [d["url"] for d in documents(db)] == [newer, "http://localhost:8001/results/mile.txt"]


def test_rows_move_to_a_copy_when_their_document_changes(db):
    """A holds the rows, B is a copy of it; A changes: B (still serving the old bytes) now holds
    the old version's rows, A the new version's."""
    a, b = "http://a.example/mile.txt", "http://b.example/mile.txt"
    store(db, a, MILE, T1)
    store(db, b, MILE, T2)
    store(db, a, MILE_V2, T3)
    assert [(d["url"], d["status"], d["rows"], d["duplicate_of"]) for d in documents(db)] == [
        (a, "parsed", 8, None),
        (b, "parsed", 8, None),
    ]
    by_doc = {(r[1], r[5]): r[6] for r in result_rows(db)}
    assert (by_doc[(a, "Jakob Ingebrigtsen")], by_doc[(b, "Jakob Ingebrigtsen")]) == (
        "3:45.61",
        "3:45.60",
    )
    assert {r[2] for r in result_rows(db) if r[1] == b} == {b}  # rows from B's own page


def test_a_copy_that_changes_gets_rows_of_its_own(db):
    a, b = "http://a.example/mile.txt", "http://b.example/mile.txt"
    store(db, a, MILE, T1)
    store(db, b, MILE, T2)
    store(db, b, MILE_V2, T3)
    assert [(d["url"], d["status"], d["rows"]) for d in documents(db)] == [
        (a, "parsed", 8),
        (b, "parsed", 8),
    ]
    assert db["results"].count == 16


def snapshot(db: sqlite_utils.Database) -> tuple[list, list]:
    """Documents and rows as reparse must reproduce them (row ids aside: a rebuild rewrites
    rows)."""
    return documents(db), [r[1:] for r in result_rows(db)]


def test_reparse_reproduces_the_documents(tmp_path: Path):
    path = tmp_path / "archive.db"
    db = schema.open_db(path)
    a, b, c = (
        "http://a.example/mile.txt",
        "http://b.example/mile.txt",
        "http://c.example/mile.txt",
    )
    for url, body, at in (
        (a, MILE, T1),
        (b, MILE, T2),
        (c, MILE, T2),
        (a, MILE_V2, T3),
        ("http://localhost:1/eprofile.php?do=title&title_id=187&event_id=120", results_page(1), T1),
        ("http://localhost:2/eprofile.php?do=title&title_id=187&event_id=120", results_page(2), T4),
    ):
        store(db, url, body, at)
    before = snapshot(db)
    assert [d["status"] for d in before[0]] == ["parsed", "parsed", "duplicate", "parsed"]
    db.close()
    reparse(path)
    db = schema.open_db(path)
    assert snapshot(db) == before
    db.close()


# --- archives written before m009 ---------------------------------------------------------------


def old_archive(path: Path) -> None:
    """Three crawls of a site on three ports, stored as the results stage did before m009: a
    document and its rows per page (the Results page's bytes differ per port, the text file's do
    not)."""
    db = sqlite_utils.Database(path)
    schema.migrations.apply(db, stop_before="m009_result_document_identity")
    for run, port in enumerate((8001, 8002, 8003), 1):
        at = f"2026-11-0{run}T10:00:00+00:00"
        for url, body in (
            (
                f"http://localhost:{port}/eprofile.php?do=title&title_id=187&event_id=120",
                results_page(port),
            ),
            (f"http://localhost:{port}/results/mile.txt", MILE),
        ):
            page_id = schema.store_page(
                db, Page(url=url, status=200, headers={}, body=body, fetched_at=at, kind="results")
            )[0]
            doc = (
                db["result_documents"]
                .insert(
                    {
                        "page_id": page_id,
                        "url": url,
                        "status": "parsed",
                        "rows": 1,
                        "events": 1,
                        "fetched_at": at,
                    }
                )
                .last_pk
            )
            event = (
                db["result_events"]
                .insert({"document_id": doc, "page_id": page_id, "name": "Men Bowerman Mile"})
                .last_pk
            )
            db["results"].insert(
                {
                    "event_id": event,
                    "document_id": doc,
                    "page_id": page_id,
                    "athlete": f"Josh Kerr ({port})",
                    "mark_raw": "3:45.34NR",
                }
            )
    db.conn.commit()
    db.close()


def test_opening_an_archive_that_stored_documents_twice_merges_them(tmp_path: Path):
    path = tmp_path / "old.db"
    old_archive(path)
    db = schema.open_db(path)
    assert documents(db) == [
        {
            "url": "http://localhost:8001/results/mile.txt",
            "status": "parsed",
            "rows": 1,
            "duplicate_of": None,
        },
        {
            "url": "http://localhost:8002/results/mile.txt",
            "status": "duplicate",
            "rows": 0,
            "duplicate_of": "http://localhost:8001/results/mile.txt",
        },
        {
            "url": "http://localhost:8003/eprofile.php?do=title&title_id=187&event_id=120",
            "status": "parsed",
            "rows": 1,
            "duplicate_of": None,
        },
        {
            "url": "http://localhost:8003/results/mile.txt",
            "status": "duplicate",
            "rows": 0,
            "duplicate_of": "http://localhost:8001/results/mile.txt",
        },
    ]
    # the latest Results page and the first text file keep their rows; the others' are gone
    assert sorted(r[5] for r in result_rows(db)) == ["Josh Kerr (8001)", "Josh Kerr (8003)"]
    assert db["result_events"].count == 2
    assert db["pages"].count == 6
    # and the archive goes on as one written by the new stage would: a fourth crawl adds no rows
    store(db, "http://localhost:8004/results/mile.txt", MILE, T4)
    assert db["results"].count == 2


# --- the demo, twice ------------------------------------------------------------------------------


def demo(db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("ARCHIVE_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "scraper.cli", "demo", "--db", str(db)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def results_and_events(db: Path) -> tuple[list, list]:
    con = sqlite_utils.Database(db)
    try:
        rows = [
            tuple(r.values())
            for r in con.query(
                "SELECT id, event_id, meet_id, athlete, team, mark_raw, mark, event, meet_name "
                "FROM results ORDER BY id"
            )
        ]
        events = [
            tuple(r.values())
            for r in con.query(
                "SELECT id, meet_id, name, gender, round FROM result_events ORDER BY id"
            )
        ]
    finally:
        con.close()
    return rows, events


def test_running_the_demo_again_stores_no_new_result_rows(tmp_path: Path):
    """Each run serves the sample site on a new random port: the same results documents from
    another origin."""
    db = tmp_path / "demo.db"
    first = demo(db)
    assert first.returncode == 0, first.stdout + first.stderr[-3000:]
    rows, events = results_and_events(db)
    assert len(rows) == 19
    assert len(events) == 6
    second = demo(db)
    assert second.returncode == 0, second.stdout + second.stderr[-3000:]
    assert results_and_events(db) == (rows, events)
    # what the demo and `stats` say: the documents once, their copies apart
    assert "19 result rows (from 4 results documents)" in first.stdout
    assert "19 result rows (from 4 results documents)" in second.stdout
