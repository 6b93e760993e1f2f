"""Opening an archive and writing to it: ``open_db`` (WAL, busy timeout, foreign keys, pending
migrations applied under the write lock), ``begin_write`` / ``write_transaction`` (the write lock
taken up front), and the refusal of an SQLite file that is something else."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from pipelines.db.migrations import migrations
from pipelines.db.schema import ARTICLES, PAGES

BUSY_TIMEOUT_MS = 30_000


class NotAnArchiveError(ValueError):
    """An SQLite file with tables of its own and none of an archive's: never migrated into one."""


def check_archive(db: sqlite_utils.Database, name: str = "") -> None:
    """Raise NotAnArchiveError for a database that holds other tables and no archive tables."""
    tables = set(db.table_names())
    if tables and not tables & {migrations.migrations_table, PAGES, ARTICLES}:
        raise NotAnArchiveError(
            f"{name or 'this database'} is not a meetarchive archive "
            f"(it holds other tables: {', '.join(sorted(tables)[:5])})"
        )


def open_db(path: str | Path, migrate: bool = True) -> sqlite_utils.Database:
    """Open (or create) an archive: WAL, synchronous=NORMAL, busy timeout, foreign keys; pending
    migrations applied. An SQLite file of something else is left untouched: NotAnArchiveError."""
    path = Path(path)
    if path.parent != Path("."):
        path.parent.mkdir(parents=True, exist_ok=True)
    # the busy timeout from the first statement on: reading what the file holds waits too while
    # another process creates or migrates the same new archive
    db = sqlite_utils.Database(sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000))
    try:
        check_archive(db, str(path))
    except NotAnArchiveError:
        db.close()
        raise
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if db.journal_mode != "wal":
        db.enable_wal()
    # WAL + NORMAL: a crash (even SIGKILL) never corrupts the file nor splits a transaction; only a
    # power cut may lose the last commits. Saves an fsync per item (6 ms -> <1 ms per item stored).
    db.execute("PRAGMA synchronous = NORMAL")
    if migrate and list(migrations.pending(db)):
        # under the write lock: a second process opening the same new archive waits, then finds
        # every migration applied
        with write_transaction(db):
            migrations.apply(db)
    return db


def begin_write(db: sqlite_utils.Database, timeout_ms: int = BUSY_TIMEOUT_MS) -> bool:
    """``BEGIN IMMEDIATE`` (the write lock taken up front, so a writer never fails mid-transaction
    on a lock), trying again every millisecond for up to ``timeout_ms`` while another connection
    holds the lock. SQLite's own busy handler sleeps up to 100 ms between tries, so a writer that
    commits and begins again within a few milliseconds (a crawl storing items in groups) could
    starve it. Returns whether it had to wait: another writer was there."""
    conn = db.conn
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        deadline = None
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return deadline is not None
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                now = time.monotonic()
                if deadline is None:
                    deadline = now + timeout_ms / 1000
                elif now >= deadline:
                    raise
                time.sleep(0.001)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction (``begin_write``: takes the write lock up front, so a concurrent
    writer waits for it instead of failing mid-transaction). Nested: a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    begin_write(db)
    try:
        yield db
        db.execute("COMMIT")  # may fail too (a full disk): then nothing of it stays
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise
