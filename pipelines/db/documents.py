"""Results documents' identity: which stored document a results page is (a new version of, a
byte-identical copy of), and the moves that keep one set of rows per document.

* ``url_key`` (``scraper.parsers.keys.document_key``): one row per key, the current version of that
  document; a newer page of the key replaces the older version's rows.
* ``body_sha1``: a page byte-identical to a document stored under another key adds no rows: it is
  listed as ``status = 'duplicate'`` with ``duplicate_of`` = the document holding the rows.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from pipelines.db.schema import PAGES, RESULT_DOC_AUDIT, RESULT_DOCS, RESULT_EVENTS, RESULTS

DUPLICATE = "duplicate"


def _one(db: sqlite_utils.Database, sql: str, args: list[Any]) -> dict[str, Any] | None:
    cur = db.execute(sql, args)
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))


def document_of_key(db: sqlite_utils.Database, url_key: str) -> dict[str, Any] | None:
    """The document standing for ``url_key`` (its current version), if any."""
    return _one(db, f"SELECT * FROM {RESULT_DOCS} WHERE url_key = ?", [url_key])


def document_holding(db: sqlite_utils.Database, body_sha1: str) -> dict[str, Any] | None:
    """The document that holds the rows of these exact bytes, if any."""
    return _one(
        db,
        f"SELECT * FROM {RESULT_DOCS} WHERE body_sha1 = ? AND duplicate_of IS NULL "
        "ORDER BY id LIMIT 1",
        [body_sha1],
    )


def newer_page(db: sqlite_utils.Database, page_id: int, than: int) -> bool:
    """Whether page ``page_id`` was fetched after page ``than`` (latest fetch, then row id)."""
    order = {
        r[0]: (r[1] or "", r[0])
        for r in db.execute(
            f"SELECT id, fetched_at FROM {PAGES} WHERE id IN (?, ?)", [page_id, than]
        )
    }
    return order[page_id] > order[than]


def _drop_rows(db: sqlite_utils.Database, doc_id: int) -> None:
    for table in (RESULTS, RESULT_EVENTS):
        db.execute(f"DELETE FROM {table} WHERE document_id = ?", [doc_id])


def release_document(db: sqlite_utils.Database, doc: dict[str, Any]) -> None:
    """``doc``'s version is no longer its key's: its rows go to the first of its duplicates (which
    then holds them, the others pointing to it), or are deleted when it has none. The document row
    itself stays, for the caller to fill with the new version."""
    if doc["duplicate_of"] is not None:
        return
    heir = _one(
        db, f"SELECT * FROM {RESULT_DOCS} WHERE duplicate_of = ? ORDER BY id LIMIT 1", [doc["id"]]
    )
    if heir is None:
        _drop_rows(db, doc["id"])
        return
    db.execute(
        f"UPDATE {RESULT_DOCS} SET duplicate_of = ? WHERE duplicate_of = ? AND id != ?",
        [heir["id"], doc["id"], heir["id"]],
    )
    held = (
        "meet_id",
        "format",
        "status",
        "reason",
        "events",
        "rows",
        "parse_sha1",
        *RESULT_DOC_AUDIT,
    )
    db.execute(
        f"UPDATE {RESULT_DOCS} SET duplicate_of = NULL, "
        + ", ".join(f"{column} = ?" for column in held)
        + " WHERE id = ?",
        [*(doc.get(column) for column in held), heir["id"]],
    )
    for table in (RESULTS, RESULT_EVENTS):
        db.execute(
            f"UPDATE {table} SET document_id = ?, page_id = ? WHERE document_id = ?",
            [heir["id"], heir["page_id"], doc["id"]],
        )


def move_document(
    db: sqlite_utils.Database, doc_id: int, page_id: int, url: str, body_sha1: str, fetched_at: str
) -> None:
    """A newer version of a document whose results are unchanged: the document and its rows now
    come from page ``page_id`` (row ids stay)."""
    db.execute(
        f"UPDATE {RESULT_DOCS} SET page_id = ?, url = ?, body_sha1 = ?, fetched_at = ? "
        "WHERE id = ?",
        [page_id, url, body_sha1, fetched_at, doc_id],
    )
    for table in (RESULTS, RESULT_EVENTS):
        db.execute(f"UPDATE {table} SET page_id = ? WHERE document_id = ?", [page_id, doc_id])


def has_duplicates(db: sqlite_utils.Database, doc_id: int) -> bool:
    return (
        db.execute(
            f"SELECT 1 FROM {RESULT_DOCS} WHERE duplicate_of = ? LIMIT 1", [doc_id]
        ).fetchone()
        is not None
    )


def put_duplicate(
    db: sqlite_utils.Database,
    doc_id: int | None,
    page_id: int,
    url: str,
    url_key: str,
    body_sha1: str,
    fetched_at: str,
    holder: dict[str, Any],
) -> None:
    """List page ``page_id`` as a byte-identical copy of ``holder`` (no events, no rows): a new
    document row, or ``doc_id``'s row when its key had one."""
    values = {
        "page_id": page_id,
        "url": url,
        "url_key": url_key,
        "body_sha1": body_sha1,
        "fetched_at": fetched_at,
        "meet_id": holder["meet_id"],
        "format": holder["format"],
        "status": DUPLICATE,
        "reason": None,
        "events": 0,
        "rows": 0,
        "parse_sha1": None,
        "duplicate_of": holder["id"],
        **dict.fromkeys(RESULT_DOC_AUDIT),
    }
    if doc_id is None:
        db.table(RESULT_DOCS).insert(values)
    else:
        db.table(RESULT_DOCS).update(doc_id, values)
