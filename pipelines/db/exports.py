"""What ``meetarchive export --since-last`` wrote to each output file: kept in the archive.

One ``exports`` row per output path (dataset, format, rows in the file, when), one
``export_rows`` row per data row written there (its key and a digest of its values). A run
collects what it writes in a TEMP table (no write lock held while it exports) and records it in
one short write transaction once its file is complete.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from pipelines.db.connection import write_transaction
from pipelines.db.schema import EXPORT_ROWS, EXPORTS

_PENDING = "temp.export_pending"


def export_record(db: sqlite_utils.Database, path: str) -> dict[str, Any] | None:
    """The record of the last ``--since-last`` export to ``path`` (an absolute path), or None."""
    if not db.table(EXPORTS).exists():
        return None
    cur = db.conn.execute(f"SELECT * FROM {EXPORTS} WHERE path = ?", [path])
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None


def exported_digest(db: sqlite_utils.Database, export_id: int, key: str) -> str | None:
    """The digest recorded for a row key in an export, or None when it was never written."""
    hit = db.conn.execute(
        f"SELECT digest FROM {EXPORT_ROWS} WHERE export_id = ? AND key = ?", [export_id, key]
    ).fetchone()
    return hit[0] if hit else None


def start_pending(db: sqlite_utils.Database) -> None:
    """An empty TEMP table for the rows this run writes (TEMP: no lock on the archive). Call it
    outside any transaction: the transaction Python's sqlite3 opens for the first INSERT into it
    holds only these TEMP rows, and ``record_export`` commits it."""
    if db.conn.in_transaction:
        raise RuntimeError("an export's record is started outside a transaction")
    db.conn.execute(f"DROP TABLE IF EXISTS {_PENDING}")
    db.conn.execute(f"CREATE TABLE {_PENDING} (key TEXT PRIMARY KEY, digest TEXT NOT NULL)")


def add_pending(db: sqlite_utils.Database, key: str, digest: str) -> None:
    db.conn.execute(f"INSERT OR REPLACE INTO {_PENDING} VALUES (?, ?)", [key, digest])


def record_export(
    db: sqlite_utils.Database, path: str, info: dict[str, Any], restart: bool
) -> None:
    """Record this run's rows for ``path`` (``restart``: the file was written anew, so what was
    recorded before is forgotten) with ``info`` (dataset, format, rows, exported_at)."""
    if db.conn.in_transaction:
        db.conn.commit()  # the implicit transaction of the TEMP rows (see start_pending)
    with write_transaction(db):
        found = export_record(db, path)
        if found is None:
            export_id = db.table(EXPORTS).insert({"path": path, **info}).last_pk
        else:
            export_id = found["id"]
            db.table(EXPORTS).update(export_id, info)
            if restart:
                db.execute(f"DELETE FROM {EXPORT_ROWS} WHERE export_id = ?", [export_id])
        db.execute(
            f"INSERT OR REPLACE INTO {EXPORT_ROWS} (export_id, key, digest) "
            f"SELECT ?, key, digest FROM {_PENDING}",
            [export_id],
        )
    db.conn.execute(f"DROP TABLE IF EXISTS {_PENDING}")


def forget_export(db: sqlite_utils.Database, path: str) -> None:
    """A plain export replaced the file at ``path``: its ``--since-last`` record no longer holds."""
    found = export_record(db, path)
    if found is None:
        return
    with write_transaction(db):
        db.execute(f"DELETE FROM {EXPORT_ROWS} WHERE export_id = ?", [found["id"]])
        db.execute(f"DELETE FROM {EXPORTS} WHERE id = ?", [found["id"]])
