"""What ``meetarchive export --since-last`` wrote to each output file: kept in the archive.

One ``exports`` row per output path (dataset, format, rows in the file, when), one
``export_rows`` row per data row written there (its key and a digest of its values). A run
collects what it writes in a TEMP table (no write lock held while it exports) and records it in
one short write transaction once its file is complete.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlite_utils

from pipelines.db.connection import write_transaction
from pipelines.db.schema import EXPORT_ROWS, EXPORTS
from pipelines.db.states import ArchiveError

_PENDING = "temp.export_pending"
# What a sound record holds: (column, test of its value)
_SOUND: dict[str, Callable[[Any], bool]] = {
    "id": lambda v: isinstance(v, int),
    "dataset": lambda v: isinstance(v, str) and bool(v),
    "format": lambda v: isinstance(v, str) and bool(v),
    "rows": lambda v: isinstance(v, int) and v >= 0,
}


class DamagedExportRecord(ArchiveError):
    """The archive's record of what ``--since-last`` wrote to a file cannot be trusted."""


def damaged_record(path: str, what: str) -> DamagedExportRecord:
    return DamagedExportRecord(
        f"the archive's record of what --since-last wrote to {path} is damaged ({what}): "
        "nothing was written; a plain export to it (without --since-last) writes the file anew"
    )


@contextmanager
def _records(path: str) -> Iterator[None]:
    """SQLite errors of the export tables (dropped, altered) as a DamagedExportRecord."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "readonly" in str(exc):
            raise
        raise damaged_record(path, str(exc)) from None


def export_record(db: sqlite_utils.Database, path: str) -> dict[str, Any] | None:
    """The record of the last ``--since-last`` export to ``path`` (an absolute path), or None;
    DamagedExportRecord when its tables or its values are not what this module writes."""
    if not db.table(EXPORTS).exists():
        return None
    with _records(path):
        cur = db.conn.execute(f"SELECT * FROM {EXPORTS} WHERE path = ?", [path])
        row = cur.fetchone()
        record = dict(zip([d[0] for d in cur.description], row, strict=True)) if row else None
        if record is not None:
            db.conn.execute(f"SELECT export_id, key, digest FROM {EXPORT_ROWS} LIMIT 0")
    if record is not None:
        for column, sound in _SOUND.items():
            if not sound(record.get(column)):
                raise damaged_record(path, f"{column} is {record.get(column)!r}")
    return record


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
    """A plain export replaced the file at ``path``: its ``--since-last`` record no longer holds
    (a damaged one is forgotten too, so the next --since-last starts it again)."""
    if not db.table(EXPORTS).exists():
        return
    with _records(path):
        ids = [r[0] for r in db.execute(f"SELECT id FROM {EXPORTS} WHERE path = ?", [path])]
    if not ids:
        return
    with _records(path), write_transaction(db):
        for export_id in ids:
            db.execute(f"DELETE FROM {EXPORT_ROWS} WHERE export_id = ?", [export_id])
        db.execute(f"DELETE FROM {EXPORTS} WHERE path = ?", [path])
