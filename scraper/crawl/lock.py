"""One crawl per archive and spider (and, for ``news``, per source) at a time: exclusive lock
files beside the archive.

``crawl_lock(db, spider)`` takes ``<db>.<spider>.lock`` with ``flock`` (released by the kernel when
the process ends, even on SIGKILL, so a stale lock file never blocks the next cron run). A second
run finds it taken and gets :class:`Locked`, naming the process that holds it.

``crawl_lock(db, "news", ["a", "b"])`` takes one lock per source instead (``<db>.news.a.lock``...):
crawls of different sources run side by side into one archive (SQLite lets one writer in at a time;
a store stage that had to wait for it commits item by item for a while), while two crawls sharing a
source do not.
"""

from __future__ import annotations

import fcntl
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC, datetime
from pathlib import Path


class Locked(Exception):
    """Another crawl holds the lock; the message says which and since when."""


def lock_path(db: Path, spider: str, source: str | None = None) -> Path:
    name = spider if source is None else f"{spider}.{re.sub(r'[^A-Za-z0-9_-]', '_', source)}"
    return db.with_name(f"{db.name}.{name}.lock")


@contextmanager
def crawl_lock(db: Path, spider: str, sources: Iterable[str] = ()) -> Iterator[Path]:
    """Hold the crawl's lock (one per source when ``sources`` are given) for the block."""
    names: list[str | None] = list(sorted(set(sources))) or [None]
    with ExitStack() as held:
        paths = [held.enter_context(_flock(Path(db), spider, name)) for name in names]
        yield paths[0]


@contextmanager
def _flock(db: Path, spider: str, source: str | None) -> Iterator[Path]:
    path = lock_path(db, spider, source)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            crawl = f"'{spider}' crawl" + (f" of source '{source}'" if source else "")
            raise Locked(
                f"another {crawl} into {db} is running ({holder}); "
                f"this one exits. Lock file: {path}"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(
            fd,
            f"pid {os.getpid()}, since "
            f"{datetime.now(UTC).isoformat(timespec='seconds')}\n".encode(),
            0,
        )
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the lock
