"""Archives in bad states, told in one line: not an archive, damaged (truncated, corrupted),
written by a newer meetarchive, read-only; and the read-only connection reading commands use.

Nothing here writes: a file is looked at (its header), then opened read-only (``mode=ro``, or
``immutable=1`` where even the shared-memory file of a WAL archive cannot be made: a read-only
directory), so an archive that cannot or must not be written is never changed by finding out.
"""

from __future__ import annotations

import os
import sqlite3
import weakref
from pathlib import Path
from urllib.parse import quote, unquote

import sqlite_utils

from pipelines.db.migrations import migrations
from pipelines.db.schema import ARTICLES, PAGES

SQLITE_MAGIC = b"SQLite format 3\x00"
RECOVER = "nothing was written to it; restore a backup, or try `sqlite3 {path} .recover`"


class ArchiveError(ValueError):
    """An archive that cannot be used as asked; the message is one line."""


class NotAnArchiveError(ArchiveError):
    """A file that is no SQLite database, or an SQLite database of something else."""


class DamagedArchiveError(ArchiveError):
    """A truncated or corrupted archive."""


class NewerArchiveError(ArchiveError):
    """An archive holding migrations this meetarchive does not know: written by a newer one."""


class ReadOnlyArchiveError(ArchiveError):
    """An archive this process may not write (file or directory permissions, a read-only
    filesystem) asked to be written."""


# What reading a damaged file may raise. SQLite quotes what it read in its error messages; Python
# raises UnicodeDecodeError in place of the DatabaseError where those bytes are no UTF-8.
UNREADABLE = (sqlite3.DatabaseError, UnicodeDecodeError)


def damaged(path: Path, what: str | Exception) -> DamagedArchiveError:
    if isinstance(what, UnicodeDecodeError):
        what = "malformed database schema: bytes that are no text"
    what = " ".join(str(what).split())  # SQLite quotes what it read: it may hold anything
    what = what if len(what) <= 120 else what[:119] + "…"
    return DamagedArchiveError(f"{path} is damaged ({what}): {RECOVER.format(path=path)}")


class Connection(sqlite3.Connection):
    """An SQLite connection to an archive, known to ``check_file`` while it is open."""


# The connections this process holds, by the file they are open on (device, inode).
_OPEN: dict[tuple[int, int], weakref.WeakSet[Connection]] = {}


def connect(path: Path | str, **kwargs: object) -> Connection:
    """``sqlite3.connect`` (same arguments), the connection noted as open on its file."""
    conn = sqlite3.connect(path, factory=Connection, **kwargs)  # type: ignore[call-overload]
    name = str(path)
    if kwargs.get("uri"):
        name = name.removeprefix("file:").split("?", 1)[0]
        name = unquote(name)
    try:
        st = os.stat(name)
    except OSError:
        return conn
    _OPEN.setdefault((st.st_dev, st.st_ino), weakref.WeakSet()).add(conn)
    return conn


def _held(st: os.stat_result) -> bool:
    """Whether this process holds an open connection on the file."""
    for conn in list(_OPEN.get((st.st_dev, st.st_ino), ())):
        try:
            conn.total_changes  # noqa: B018 -- raises once the connection is closed
        except sqlite3.ProgrammingError:
            continue
        return True
    return False


def check_file(path: Path) -> None:
    """A non-empty file that is no SQLite database, or one shorter than its header says (a file
    cut short; only when no WAL file holds pages of its own), raises; reads 100 bytes.

    Not while this process holds a connection on it: closing any file descriptor of a file drops
    every POSIX lock the process holds on it, SQLite's included, and another process would then
    take itself for the last connection and checkpoint and remove the WAL under our writer (its
    later commits lost: https://www.sqlite.org/howtocorrupt.html, 2.2). A file we hold open was
    checked when it was first opened."""
    if not path.exists():
        return  # a new archive
    try:
        st = path.stat()
        size = st.st_size
        if not size or _held(st):
            return
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise ArchiveError(f"cannot read {path}: {exc.strerror or exc}") from None
    if not header.startswith(SQLITE_MAGIC):
        raise NotAnArchiveError(f"{path} is not a meetarchive archive (not an SQLite file)")
    if len(header) < 100:
        raise damaged(path, f"truncated: {size} bytes, less than an SQLite header")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    wal = path.with_name(path.name + "-wal")
    wal_holds_pages = wal.exists() and wal.stat().st_size > 0
    if counter_valid and pages and not wal_holds_pages and size < pages * page_size:
        raise damaged(path, f"truncated: {size:,} of the {pages * page_size:,} bytes it holds")


def check_tables(db: sqlite_utils.Database, name: str) -> None:
    """NotAnArchiveError for a database that holds other tables and no archive tables."""
    tables = set(db.table_names())
    if tables and not tables & {migrations.migrations_table, PAGES, ARTICLES}:
        raise NotAnArchiveError(
            f"{name or 'this database'} is not a meetarchive archive "
            f"(it holds other tables: {', '.join(sorted(tables)[:5])})"
        )


def unknown_migrations(db: sqlite_utils.Database) -> list[str]:
    """Migrations applied to the archive that this meetarchive does not know (a newer one's)."""
    known = {m.name for m in migrations.pending(sqlite_utils.Database(memory=True))}
    return sorted(m.name for m in migrations.applied(db) if m.name not in known)


def newer_error(path: Path, names: list[str]) -> NewerArchiveError:
    return NewerArchiveError(
        f"{path} was written by a newer meetarchive (migrations this one does not know: "
        f"{', '.join(names[:3])}{', ...' if len(names) > 3 else ''}): it is not written to; "
        "update meetarchive (reading commands still read it)"
    )


def writable(path: Path) -> bool:
    """Whether this process may write the archive (the file, and its directory for the
    journal and WAL files)."""
    directory = path.parent if str(path.parent) else Path(".")
    target = path if path.exists() else directory
    return os.access(target, os.W_OK, effective_ids=True) and os.access(
        directory, os.W_OK | os.X_OK, effective_ids=True
    )


def open_readonly(path: Path) -> sqlite_utils.Database:
    """The archive opened read-only; raises ArchiveError (one line) for a file that is no
    archive or is damaged as far as opening it shows."""
    check_file(path)
    uri = f"file:{quote(str(path.absolute()))}"
    last: sqlite3.Error | None = None
    for mode in ("mode=ro", "immutable=1"):
        try:
            conn = connect(f"{uri}?{mode}", uri=True)
        except sqlite3.Error as exc:
            last = exc
            continue
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:
            conn.close()
            if "unable to open" not in str(exc) and "readonly" not in str(exc):
                raise ArchiveError(f"cannot read {path}: {exc}") from None
            last = exc  # a WAL archive in a read-only directory: read as immutable
            continue
        except UNREADABLE as exc:
            conn.close()
            raise damaged(path, exc) from None
        db = sqlite_utils.Database(conn)
        check_tables(db, str(path))
        return db
    raise ArchiveError(f"cannot open {path} for reading: {last}")


def quick_check(db: sqlite_utils.Database, path: Path) -> None:
    """SQLite's ``quick_check`` (every page read, structure checked; a few seconds a GB):
    DamagedArchiveError naming the first problem."""
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check(3)").fetchall()]
    except UNREADABLE as exc:
        raise damaged(path, exc) from None
    if problems != ["ok"]:
        raise damaged(path, problems[0])
