"""Opening an archive and writing to it: ``open_db`` (WAL, busy timeout, foreign keys, pending
migrations applied under the write lock), ``begin_write`` / ``write_transaction`` (the write lock
taken up front); what reading and writing commands open (``open_for_reading``,
``check_writable``), refusing in one line what ``pipelines.db.states`` finds wrong: a file that is
no archive, a damaged one, one written by a newer meetarchive, a read-only one to write."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from pipelines.db.migrations import migrations
from pipelines.db.states import (
    UNREADABLE,
    ArchiveError,
    NewerArchiveError,
    NotAnArchiveError,
    ReadOnlyArchiveError,
    check_file,
    check_tables,
    connect,
    damaged,
    newer_error,
    open_readonly,
    quick_check,
    unknown_migrations,
    writable,
)

BUSY_TIMEOUT_MS = 30_000

__all__ = ["ArchiveError", "NewerArchiveError", "NotAnArchiveError", "ReadOnlyArchiveError"]


def open_db(path: str | Path, migrate: bool = True) -> sqlite_utils.Database:
    """Open (or create) an archive: WAL, synchronous=NORMAL, busy timeout, foreign keys; pending
    migrations applied. A file that is no archive (or an SQLite file of something else) and one
    written by a newer meetarchive are left untouched: ArchiveError."""
    path = Path(path)
    if path.parent != Path("."):
        path.parent.mkdir(parents=True, exist_ok=True)
    check_file(path)
    # the busy timeout from the first statement on: reading what the file holds waits too while
    # another process creates or migrates the same new archive
    db = sqlite_utils.Database(connect(path, timeout=BUSY_TIMEOUT_MS / 1000))
    try:
        check_tables(db, str(path))
        newer = unknown_migrations(db)
        if newer:
            raise newer_error(path, newer)
    except sqlite3.OperationalError:
        db.close()
        raise
    except UNREADABLE as exc:  # not a database, malformed
        db.close()
        raise damaged(path, exc) from None
    except BaseException:
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


def check_writable(path: str | Path) -> None:
    """Before a command writes to the archive at ``path`` (when it exists): ArchiveError unless
    it is an archive this process may write, sound (``quick_check``, so that a damaged archive
    is never written to), and not written by a newer meetarchive. Reads only."""
    path = Path(path)
    if not path.exists():
        return
    if not writable(path):
        raise ReadOnlyArchiveError(
            f"{path} is read-only here (file or directory permissions, or a read-only "
            "filesystem): this command writes to it; reading commands still read it"
        )
    db = open_readonly(path)
    try:
        quick_check(db, path)
        newer = unknown_migrations(db)
        if newer:
            raise newer_error(path, newer)
    finally:
        db.close()


def open_for_reading(path: str | Path) -> tuple[sqlite_utils.Database, str | None]:
    """The archive for a command that only reads it, and a warning to show (or None).

    Read-only (never written, whatever state it is in), unless it still needs the migrations of
    this meetarchive and may be written: then it is migrated first, as any opening of an older
    archive does. One written by a newer meetarchive is read with a warning."""
    path = Path(path)
    db = open_readonly(path)
    try:
        newer = unknown_migrations(db)
        pending = migrations.pending(db)
    except BaseException:
        db.close()
        raise
    if newer:
        return db, f"warning: {newer_error(path, newer)}"
    if not pending:
        return db, None
    db.close()
    if not writable(path):
        raise ReadOnlyArchiveError(
            f"{path} was written by an older meetarchive and needs upgrading, which a read-only "
            f"archive cannot have: copy it somewhere writable, or run a newer reader on it"
        )
    check_writable(path)
    return open_db(path), None


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
