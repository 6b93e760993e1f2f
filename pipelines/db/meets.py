"""Meets as resolved entities: which documents and articles are one meet (read and written for
``pipelines.linking.meets``), the user's overrides, and what a meet page shows.

A results document keeps the meet it printed (``result_documents.meet_name``, ``meet_date``,
``meet_date_raw``, ``meet_venue``) beside the meet it was resolved to (``meet_id``, with
``meet_confidence`` and ``meet_signals``). Its events and rows follow its meet.
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from pipelines.db.schema import (
    ARTICLES,
    MEET_ARTICLES,
    MEET_OVERRIDES,
    MEETS,
    RESULT_DOCS,
    RESULT_EVENTS,
    RESULTS,
)

MEET_DAYS_MAX = 16  # the longest meet looked for around an article (championships last ~10 days)


def _rows(db: sqlite_utils.Database, sql: str, args: list[Any] | None = None) -> list[dict]:
    return list(db.query(sql, args or []))


def document_meet(db: sqlite_utils.Database, doc_id: int) -> dict[str, Any] | None:
    """A document's key, printed meet and resolved meet."""
    found = _rows(
        db,
        f"SELECT id, url, url_key, page_id, meet_id, meet_name, meet_date, meet_date_raw, "
        f"meet_venue, fetched_at FROM {RESULT_DOCS} WHERE id = ?",
        [doc_id],
    )
    return found[0] if found else None


def meets_of_year(db: sqlite_utils.Database, year: int | None) -> list[dict[str, Any]]:
    """The meets a document of ``year`` may belong to: that year's and the undated ones (every
    meet when the year is unknown)."""
    if year is None:
        return _rows(db, f"SELECT * FROM {MEETS} ORDER BY id")
    return _rows(db, f"SELECT * FROM {MEETS} WHERE year = ? OR year IS NULL ORDER BY id", [year])


def printed_meets_of_year(
    db: sqlite_utils.Database, year: int | None
) -> dict[int, list[tuple[int, str | None]]]:
    """For the meets a document of ``year`` may belong to (:func:`meets_of_year`): their
    documents' ids and printed meet names, in one query."""
    where = "1" if year is None else "m.year = ? OR m.year IS NULL"
    out: dict[int, list[tuple[int, str | None]]] = {}
    for meet_id, doc_id, name in db.execute(
        f"SELECT m.id, d.id, d.meet_name FROM {MEETS} m JOIN {RESULT_DOCS} d "
        f"ON d.meet_id = m.id WHERE {where} ORDER BY d.id",
        [] if year is None else [year],
    ):
        out.setdefault(meet_id, []).append((doc_id, name))
    return out


def meet_documents(db: sqlite_utils.Database, meet_id: int) -> list[dict[str, Any]]:
    return _rows(
        db,
        f"SELECT id, url, url_key, format, status, events, rows, meet_name, meet_date, "
        f"meet_date_raw, meet_venue, meet_confidence, meet_signals FROM {RESULT_DOCS} "
        "WHERE meet_id = ? ORDER BY id",
        [meet_id],
    )


def document_rows_brief(db: sqlite_utils.Database, doc_ids: list[int]) -> list[dict[str, Any]]:
    """Name, event and mark of the rows of documents (what two documents of one meet share)."""
    if not doc_ids:
        return []
    marks = ", ".join("?" for _ in doc_ids)
    return _rows(
        db,
        f"SELECT r.document_id, r.athlete, r.team, r.mark, e.name AS event FROM {RESULTS} r "
        f"JOIN {RESULT_EVENTS} e ON e.id = r.event_id WHERE r.document_id IN ({marks}) "
        "AND r.mark IS NOT NULL",
        doc_ids,
    )


def create_meet(db: sqlite_utils.Database, values: dict[str, Any]) -> int:
    meet_id = db.table(MEETS).insert(values).last_pk
    assert meet_id is not None
    return int(meet_id)


def update_meet(db: sqlite_utils.Database, meet_id: int, values: dict[str, Any]) -> None:
    db.table(MEETS).update(meet_id, values)


def assign_document(
    db: sqlite_utils.Database,
    doc_id: int,
    meet: dict[str, Any] | None,
    confidence: float | None,
    signals: dict[str, Any] | None,
) -> None:
    """Put a document (its events and rows too) in ``meet`` (a meets row; None: in no meet)."""
    meet_id = meet["id"] if meet else None
    db.execute(
        f"UPDATE {RESULT_DOCS} SET meet_id = ?, meet_confidence = ?, meet_signals = ? "
        "WHERE id = ? OR duplicate_of = ?",
        [meet_id, confidence, json.dumps(signals) if signals else None, doc_id, doc_id],
    )
    db.execute(f"UPDATE {RESULT_EVENTS} SET meet_id = ? WHERE document_id = ?", [meet_id, doc_id])
    db.execute(
        f"UPDATE {RESULTS} SET meet_id = ?, meet_name = coalesce(?, meet_name), "
        "meet_date = ? WHERE document_id = ?",
        [meet_id, meet["name"] if meet else None, meet["date"] if meet else None, doc_id],
    )


def refresh_meet_rows(db: sqlite_utils.Database, meet: dict[str, Any]) -> None:
    """Every row of a meet names it as it now is (after its name or date changed)."""
    db.execute(
        f"UPDATE {RESULTS} SET meet_name = ?, meet_date = ? WHERE meet_id = ?",
        [meet["name"], meet["date"], meet["id"]],
    )


def delete_meet(db: sqlite_utils.Database, meet_id: int) -> None:
    db.execute(f"DELETE FROM {MEET_ARTICLES} WHERE meet_id = ?", [meet_id])
    db.execute(f"DELETE FROM {MEETS} WHERE id = ?", [meet_id])


def has_meets(db: sqlite_utils.Database) -> bool:
    return db.execute(f"SELECT 1 FROM {MEETS} LIMIT 1").fetchone() is not None


def get_meet(db: sqlite_utils.Database, meet_id: int) -> dict[str, Any] | None:
    found = _rows(db, f"SELECT * FROM {MEETS} WHERE id = ?", [meet_id])
    return found[0] if found else None


def reset_meets(db: sqlite_utils.Database) -> None:
    """Forget every resolution (``reparse`` resolves again, document by document)."""
    db.execute(f"DELETE FROM {MEET_ARTICLES}")
    for table in (RESULTS, RESULT_EVENTS):
        db.execute(f"UPDATE {table} SET meet_id = NULL")
    db.execute(
        f"UPDATE {RESULT_DOCS} SET meet_id = NULL, meet_confidence = NULL, meet_signals = NULL"
    )
    db.execute(f"DELETE FROM {MEETS}")


# ---- overrides ---------------------------------------------------------------------------------


def add_meet_override(
    db: sqlite_utils.Database, key_a: str, key_b: str, same: bool, at: str, note: str = ""
) -> int:
    """Record that documents ``key_a`` and ``key_b`` are (``same``) or are not one meet; an
    earlier override of the pair is replaced."""
    db.execute(
        f"DELETE FROM {MEET_OVERRIDES} WHERE (document_a = ? AND document_b = ?) "
        "OR (document_a = ? AND document_b = ?)",
        [key_a, key_b, key_b, key_a],
    )
    row = {"document_a": key_a, "document_b": key_b, "same": int(same), "note": note}
    pk = db.table(MEET_OVERRIDES).insert({**row, "created_at": at}).last_pk
    return int(pk or 0)


def meet_overrides(db: sqlite_utils.Database, url_key: str | None = None) -> list[dict]:
    """The overrides naming a document (every override without ``url_key``)."""
    if url_key is None:
        return _rows(db, f"SELECT * FROM {MEET_OVERRIDES} ORDER BY id")
    return _rows(
        db,
        f"SELECT * FROM {MEET_OVERRIDES} WHERE document_a = ? OR document_b = ? ORDER BY id",
        [url_key, url_key],
    )


def remove_meet_override(db: sqlite_utils.Database, override_id: int) -> bool:
    cur = db.execute(f"DELETE FROM {MEET_OVERRIDES} WHERE id = ?", [override_id])
    return cur.rowcount > 0


def meets_of_keys(db: sqlite_utils.Database, url_keys: list[str]) -> dict[str, int | None]:
    """The meet of each document key stored."""
    if not url_keys:
        return {}
    marks = ", ".join("?" for _ in url_keys)
    return {
        r["url_key"]: r["meet_id"]
        for r in db.query(
            f"SELECT url_key, meet_id FROM {RESULT_DOCS} WHERE url_key IN ({marks})", url_keys
        )
    }


# ---- articles ----------------------------------------------------------------------------------


def articles_near(
    db: sqlite_utils.Database, date: str | None, end: str | None, year: int | None, days: int
) -> list[dict[str, Any]]:
    """Articles that may cover a meet: published from the day before it to ``days`` after it
    ends; for a meet known by its year only, those of that year (published or by meet year)."""
    columns = "id, canonical_url, url, headline, meet_name, meet_year, published_at, results"
    if date:
        return _rows(
            db,
            f"SELECT {columns} FROM {ARTICLES} WHERE published_at >= date(?, '-1 day') "
            "AND published_at < date(?, ?) ORDER BY published_at, id",
            [date, end or date, f"+{days + 1} days"],
        )
    if year:
        return _rows(
            db,
            f"SELECT {columns} FROM {ARTICLES} WHERE meet_year = ? OR (published_at >= ? "
            "AND published_at < ?) ORDER BY published_at, id",
            [year, f"{year}", f"{year + 1}"],
        )
    return []


def meets_around(
    db: sqlite_utils.Database, published_at: str | None, year: int | None, days: int
) -> list[dict[str, Any]]:
    """Meets an article published at ``published_at`` may cover: those held from ``days``
    before it to the day after it, and those known by their year only (``year``, else the
    publication's)."""
    if not published_at:
        return _rows(db, f"SELECT * FROM {MEETS} WHERE date IS NULL AND year = ?", [year])
    day = published_at[:10]
    return _rows(
        db,
        f"SELECT * FROM {MEETS} WHERE (date BETWEEN date(?, ?) AND date(?, '+1 day') AND "
        "coalesce(end_date, date) >= date(?, ?)) OR (date IS NULL AND year = ?) ORDER BY id",
        [day, f"-{days + MEET_DAYS_MAX} days", day, day, f"-{days} days", year or int(day[:4])],
    )


def article_for_linking(db: sqlite_utils.Database, article_id: int) -> dict[str, Any] | None:
    found = _rows(
        db,
        f"SELECT id, canonical_url, url, headline, meet_name, meet_year, published_at, "
        f"results, body FROM {ARTICLES} WHERE id = ?",
        [article_id],
    )
    return found[0] if found else None


def set_meet_articles(
    db: sqlite_utils.Database, meet_id: int, links: list[tuple[int, float, dict]]
) -> None:
    """The articles covering a meet: (article id, confidence, signals) each."""
    db.execute(f"DELETE FROM {MEET_ARTICLES} WHERE meet_id = ?", [meet_id])
    for article_id, confidence, signals in links:
        db.execute(
            f"INSERT OR REPLACE INTO {MEET_ARTICLES} (meet_id, article_id, confidence, signals) "
            "VALUES (?, ?, ?, ?)",
            [meet_id, article_id, confidence, json.dumps(signals)],
        )


def set_article_meets(
    db: sqlite_utils.Database, article_id: int, links: list[tuple[int, float, dict]]
) -> None:
    """The meets an article covers: (meet id, confidence, signals) each."""
    db.execute(f"DELETE FROM {MEET_ARTICLES} WHERE article_id = ?", [article_id])
    for meet_id, confidence, signals in links:
        db.execute(
            f"INSERT OR REPLACE INTO {MEET_ARTICLES} (meet_id, article_id, confidence, signals) "
            "VALUES (?, ?, ?, ?)",
            [meet_id, article_id, confidence, json.dumps(signals)],
        )


def article_meet_ids(db: sqlite_utils.Database, article_id: int) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            f"SELECT meet_id FROM {MEET_ARTICLES} WHERE article_id = ? ORDER BY meet_id",
            [article_id],
        )
    ]
