"""One crawl per archive and spider at a time: an exclusive lock file beside the archive.

``crawl_lock(db, spider)`` takes ``<db>.<spider>.lock`` with ``flock`` (released by the kernel when
the process ends, even on SIGKILL, so a stale lock file never blocks the next cron run). A second
run finds it taken and gets :class:`Locked`, naming the process that holds it.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path


class Locked(Exception):
    """Another crawl holds the lock; the message says which and since when."""


def lock_path(db: Path, spider: str) -> Path:
    return db.with_name(f"{db.name}.{spider}.lock")


@contextmanager
def crawl_lock(db: Path, spider: str) -> Iterator[Path]:
    path = lock_path(Path(db), spider)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
            raise Locked(f"another '{spider}' crawl into {db} is running ({holder}); "
                         f"this one exits. Lock file: {path}") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}, since "
                      f"{datetime.now(UTC).isoformat(timespec='seconds')}\n".encode(), 0)
        yield path
    finally:
        os.close(fd)  # closing the descriptor releases the lock
