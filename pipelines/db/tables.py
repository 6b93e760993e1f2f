"""The tables, as the migrations that created them made them, one family at a time: pages, articles
(with their FTS index), article revisions and rejects (m001); meets, results documents, result
events and result rows (with their FTS index) (m004); crawl runs (m006); export records (m010).
Their names are in ``pipelines.db.schema``; the columns, indexes and triggers added later are in
the migrations that added them.

These functions are part of shipped migrations and frozen like them: a later change to one of
these tables is a new migration in ``pipelines.db.migrations``, never an edit here.
"""

from __future__ import annotations

import sqlite_utils

from pipelines.db.schema import (
    ARTICLES,
    ARTICLES_FTS,
    ATHLETE_KEYS,
    ATHLETE_MENTIONS,
    ATHLETE_OVERRIDES,
    ATHLETES,
    EXPORT_ROWS,
    EXPORTS,
    FILL_FIELDS,
    FTS_COLUMNS,
    FTS_TOKENIZE,
    FTS_WEIGHTS,
    MEETS,
    PAGES,
    REJECTS,
    RESULT_DOCS,
    RESULT_EVENTS,
    RESULTS,
    RESULTS_FTS_COLUMNS,
    REVISIONS,
    RUN_COUNTS,
    RUN_SOURCES,
    RUNS,
)


def create_article_tables(db: sqlite_utils.Database) -> None:
    """m001: pages, articles (+ FTS with triggers, bm25 weights), article_revisions, rejects."""
    db.table(PAGES).create(
        {
            "id": int,
            "url": str,
            "status": int,
            "headers": str,
            "first_fetched_at": str,
            "fetched_at": str,
            "body": bytes,
            "body_sha1": str,
            "body_size": int,
            "source": str,
            "spider": str,
            "kind": str,
            "blocked": str,
            "error": str,
            "meta": str,
        },
        pk="id",
        not_null={"url", "status", "fetched_at", "body_sha1"},
    )
    db.table(PAGES).create_index(["url", "body_sha1", "status"], unique=True)
    db.table(PAGES).create_index(["fetched_at"])
    db.table(ARTICLES).create(
        {
            "id": int,
            "canonical_url": str,
            "url": str,
            "page_id": int,
            "parser": str,
            "fetched_at": str,
            "headline": str,
            "dek": str,
            "byline_raw": str,
            "authors": str,
            "publisher": str,
            "published_raw": str,
            "published_at": str,
            "modified_raw": str,
            "modified_at": str,
            "timezone": str,
            "photo_credit": str,
            "image_url": str,
            "image_caption": str,
            "meet_name": str,
            "meet_year": int,
            "meet_event_id": int,
            "body": str,
            "word_count": int,
            "language": str,
            "tags": str,
            "paywalled": int,
            "signals": str,
            "results": str,
            "content_hash": str,
            "first_seen": str,
            "last_seen": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"canonical_url", "content_hash"},
        foreign_keys=[("page_id", PAGES, "id")],
    )
    db.table(ARTICLES).create_index(["canonical_url"], unique=True)
    db.table(ARTICLES).create_index(["published_at"])
    db.table(REVISIONS).create(
        {
            "id": int,
            "article_id": int,
            "page_id": int,
            "headline": str,
            "dek": str,
            "authors": str,
            "body": str,
            "published_at": str,
            "content_hash": str,
            "replaced_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", ARTICLES, "id"), ("page_id", PAGES, "id")],
    )
    db.table(REVISIONS).create_index(["article_id"])
    db.table(REJECTS).create(
        {
            "id": int,
            "url": str,
            "reason": str,
            "detail": str,
            "at": str,
            "page_id": int,
        },
        pk="id",
        not_null={"url", "reason"},
        foreign_keys=[("page_id", PAGES, "id")],
    )
    db.table(REJECTS).create_index(["page_id", "reason"], unique=True)
    db.table(REJECTS).create_index(["reason"])
    db.table(ARTICLES).enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZE)
    weights = ", ".join(str(w) for w in FTS_WEIGHTS)
    db.execute(
        f"INSERT INTO {ARTICLES_FTS}({ARTICLES_FTS}, rank) VALUES('rank', ?)", [f"bm25({weights})"]
    )


def create_results_tables(db: sqlite_utils.Database) -> None:
    """m004: meets, result_documents, result_events, results (+ FTS over athlete, team and relay
    member names)."""
    db.table(MEETS).create(
        {
            "id": int,
            "name": str,
            "name_key": str,
            "date": str,
            "date_raw": str,
            "venue": str,
            "source": str,
        },
        pk="id",
    )
    db.table(MEETS).create_index(["name_key", "date"], unique=True)
    db.table(RESULT_DOCS).create(
        {
            "id": int,
            "page_id": int,
            "url": str,
            "meet_id": int,
            "format": str,
            "status": str,
            "reason": str,
            "events": int,
            "rows": int,
            "fetched_at": str,
        },
        pk="id",
        not_null={"page_id", "url", "status"},
        foreign_keys=[("page_id", PAGES, "id"), ("meet_id", MEETS, "id")],
    )
    db.table(RESULT_DOCS).create_index(["page_id"], unique=True)
    db.table(RESULT_DOCS).create_index(["status"])
    db.table(RESULT_EVENTS).create(
        {
            "id": int,
            "document_id": int,
            "page_id": int,
            "meet_id": int,
            "position": int,
            "number": str,
            "name": str,
            "gender": str,
            "division": str,
            "round": str,
            "heat": int,
            "wind": float,
            "kind": str,
        },
        pk="id",
        foreign_keys=[
            ("document_id", RESULT_DOCS, "id"),
            ("page_id", PAGES, "id"),
            ("meet_id", MEETS, "id"),
        ],
    )
    db.table(RESULT_EVENTS).create_index(["document_id"])
    db.table(RESULT_EVENTS).create_index(["meet_id"])
    db.table(RESULTS).create(
        {
            "id": int,
            "event_id": int,
            "document_id": int,
            "page_id": int,
            "meet_id": int,
            "position": int,
            "place": int,
            "athlete": str,
            "team": str,
            "members": str,
            "year": str,
            "bib": str,
            "mark_raw": str,
            "mark": float,
            "unit": str,
            "timing": str,
            "wind": float,
            "wind_raw": str,
            "status": str,
            "qualifier": str,
            "flags": str,
            "tiebreak": str,
            "points": float,
            "relay_members": str,
            "attempts": str,
            "splits": str,
            "detail": str,
            "raw": str,
            "event": str,
            "round": str,
            "gender": str,
            "meet_name": str,
            "meet_date": str,
            "source": str,
        },
        pk="id",
        foreign_keys=[
            ("event_id", RESULT_EVENTS, "id"),
            ("document_id", RESULT_DOCS, "id"),
            ("page_id", PAGES, "id"),
            ("meet_id", MEETS, "id"),
        ],
    )
    db.table(RESULTS).create_index(["event_id"])
    db.table(RESULTS).create_index(["document_id"])
    db.table(RESULTS).create_index(["meet_id"])
    db.table(RESULTS).enable_fts(RESULTS_FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZE)


def create_crawl_run_tables(db: sqlite_utils.Database) -> None:
    """m006 (shipped as m005_crawl_runs): crawl_runs, crawl_run_sources."""
    db.table(RUNS).create(
        {
            "id": int,
            "spider": str,
            "args": str,
            "started_at": str,
            "finished_at": str,
            **dict.fromkeys(RUN_COUNTS, int),
            "finish_reason": str,
            "exit_code": int,
            "alarms": str,
        },
        pk="id",
        not_null={"spider", "started_at"},
    )
    db.table(RUNS).create_index(["spider", "started_at"])
    db.table(RUN_SOURCES).create(
        {
            "run_id": int,
            "source": str,
            "pages": int,
            "articles": int,
            "new": int,
            "updated": int,
            "unchanged": int,
            "rejected": int,
            **dict.fromkeys(FILL_FIELDS, float),
        },
        pk=("run_id", "source"),
        foreign_keys=[("run_id", RUNS, "id")],
    )


def create_export_tables(db: sqlite_utils.Database) -> None:
    """m010: exports, export_rows (WITHOUT ROWID)."""
    db.table(EXPORTS).create(
        {
            "id": int,
            "path": str,
            "dataset": str,
            "format": str,
            "rows": int,
            "exported_at": str,
        },
        pk="id",
        not_null={"path", "dataset", "format"},
    )
    db.table(EXPORTS).create_index(["path"], unique=True)
    db.execute(
        f"CREATE TABLE {EXPORT_ROWS} (export_id INTEGER NOT NULL REFERENCES {EXPORTS}(id), "
        "key TEXT NOT NULL, digest TEXT NOT NULL, PRIMARY KEY (export_id, key)) "
        "WITHOUT ROWID"
    )


def create_athlete_tables(db: sqlite_utils.Database) -> None:
    """The athletes (m012_athlete_identity): ``athletes``, the keys names are looked up by
    (``athlete_keys``), the user's corrections (``athlete_overrides``) and the athletes named in
    articles (``athlete_mentions``)."""
    db.table(ATHLETES).create(
        {
            "id": int,
            "name": str,
            "name_key": str,
            "gender": str,
            "teams": str,
            "first_date": str,
            "last_date": str,
            "results": int,
        },
        pk="id",
    )
    db.table(ATHLETES).create_index(["name_key"])
    db.execute(
        f"CREATE TABLE {ATHLETE_KEYS} (key TEXT NOT NULL, athlete_id INTEGER NOT NULL "
        f"REFERENCES {ATHLETES}(id), PRIMARY KEY (key, athlete_id)) WITHOUT ROWID"
    )
    db.table(ATHLETE_KEYS).create_index(["athlete_id"])
    db.table(ATHLETE_OVERRIDES).create(
        {
            "id": int,
            "document_a": str,
            "name_a": str,
            "team_a": str,
            "document_b": str,
            "name_b": str,
            "team_b": str,
            "same": int,
            "note": str,
            "created_at": str,
        },
        pk="id",
        not_null={"document_a", "name_a", "document_b", "name_b", "same"},
    )
    db.table(ATHLETE_OVERRIDES).create_index(["document_a"])
    db.table(ATHLETE_OVERRIDES).create_index(["document_b"])
    db.table(ATHLETE_MENTIONS).create(
        {
            "id": int,
            "article_id": int,
            "athlete_id": int,
            "name": str,
            "position": int,
            "kind": str,
            "confidence": float,
            "signals": str,
        },
        pk="id",
        foreign_keys=[("article_id", ARTICLES, "id"), ("athlete_id", ATHLETES, "id")],
    )
    db.table(ATHLETE_MENTIONS).create_index(["article_id"])
    db.table(ATHLETE_MENTIONS).create_index(["athlete_id"])
