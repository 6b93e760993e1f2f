"""Datasette plugin loaded by `meetarchive serve` (--plugins-dir): what one SQL query may cost the
server. Datasette runs any read-only SQL anyone sends (``?sql=``) and cancels it after
``sql_time_limit_ms``, but its time limit is checked between SQLite's instructions: one
``randomblob(1000000000)`` is a single instruction that builds a gigabyte (7 s, 1.8 GB).

On every connection Datasette opens:

* no string or blob may be longer than ``MAX_VALUE`` (SQLite's ``SQLITE_LIMIT_LENGTH``): enough
  for any value the archive stores (a page body is at most 16 MB, DOWNLOAD_MAXSIZE), and every
  function building a value (``randomblob``, ``zeroblob``, ``replace``, ``group_concat``...)
  fails past it at once ("string or blob too big");
* ``printf``/``format`` give NULL at once for a width or precision over ``MAX_VALUE`` (as
  SQLite's own does for a result too big, after 16 ns per unit of a ``%.*c`` precision: 1e9,
  16 s in one instruction); under the bound they are SQLite's own, run on a private connection;
* SQLite's own memory (page caches, sorts, values being built) is capped for the whole process
  at ``MAX_SQLITE_HEAP`` (``PRAGMA hard_heap_limit``): past it a query fails ("out of memory")
  instead of the server growing;
* the rows one query returns may hold ``MAX_RESULT`` bytes of values in all (counted as they
  are fetched): past it the query fails with a one-line message; Datasette's own
  ``max_returned_rows`` bounds their number, not their size.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from typing import Any
from weakref import WeakKeyDictionary

from datasette import hookimpl

MAX_VALUE = 17 << 20
MAX_SQLITE_HEAP = 64 << 20
MAX_RESULT = 24 << 20

_fetched: WeakKeyDictionary[sqlite3.Cursor, int] = WeakKeyDictionary()


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | bytes) else 8


def counted_row(cursor: sqlite3.Cursor, row: tuple[Any, ...]) -> sqlite3.Row:
    """``sqlite3.Row``, as Datasette's rows are, after counting the row's bytes against the
    query's ``MAX_RESULT``."""
    total = _fetched.get(cursor, 0) + sum(_size(v) for v in row)
    if total > MAX_RESULT:
        raise sqlite3.OperationalError(
            f"query result over {MAX_RESULT >> 20} MB: ask for fewer rows or smaller values"
        )
    _fetched[cursor] = total
    return sqlite3.Row(cursor, row)


# %[flags][width][.precision][length]type, width and precision digits or "*" (an argument)
_SPEC = re.compile(r"%[-+ 0#,!]*(\*|\d+)?(?:\.(\*|\d+))?(?:ll|l)?([a-zA-Z%])")
_builtin = threading.local()  # a private connection per thread, where printf is SQLite's own


def _sizes(fmt: str, args: tuple[Any, ...]) -> list[int]:
    """The widths and precisions the format asks for (``*`` taking the next argument)."""
    sizes, used = [], 0
    for spec in _SPEC.finditer(fmt):
        for part in spec.group(1, 2):
            if part == "*":
                value = args[used] if used < len(args) else 0
                used += 1
                sizes.append(abs(int(value)) if isinstance(value, int | float) else 0)
            elif part:
                sizes.append(int(part))
        if spec.group(3) != "%":
            used += 1
    return sizes


def bounded_printf(fmt: Any = None, *args: Any) -> Any:
    if isinstance(fmt, str) and any(size > MAX_VALUE for size in _sizes(fmt, args)):
        return None
    conn = getattr(_builtin, "conn", None)
    if conn is None:
        conn = _builtin.conn = sqlite3.connect(":memory:")
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE)
    marks = ", ".join("?" * (len(args) + 1))
    return conn.execute(f"SELECT printf({marks})", (fmt, *args)).fetchone()[0]


@hookimpl
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE)
    conn.execute(f"PRAGMA hard_heap_limit = {MAX_SQLITE_HEAP}")
    for name in ("printf", "format"):
        conn.create_function(name, -1, bounded_printf, deterministic=True)
    conn.row_factory = counted_row
