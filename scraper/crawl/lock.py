"""One crawl per archive and spider (and, for ``news``, per source) at a time: exclusive lock
files beside the archive.

``crawl_lock(db, spider)`` takes ``<db>.<spider>.lock`` with ``flock`` (released by the kernel when
the process ends, even on SIGKILL: the lock file of a dead crawl is simply taken over by the next
run). The holder writes its pid and start time into the file. A second run finds it taken and
gets :class:`Locked`, naming the process that holds it and since when; when the holder has held
it for longer than ``max_age`` (``CRAWL_LOCK_MAX_AGE``, default a day: a crawl that hangs), or
the pid it wrote runs no more on this machine, the message says so loudly (:class:`StuckLock`),
so that a hung crawl does not make every later cron run exit quietly.

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
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path


class Locked(Exception):
    """Another crawl holds the lock; the message says which and since when."""


class StuckLock(Locked):
    """The crawl holding the lock has held it for too long (or its pid runs no more here)."""


@dataclass(frozen=True)
class Holder:
    """What the crawl holding a lock wrote into it."""

    pid: int | None
    since: datetime | None

    @classmethod
    def read(cls, text: str) -> Holder:
        m = _HOLDER.search(text)
        if not m:
            return cls(None, None)
        try:
            since = datetime.fromisoformat(m.group(2))
        except ValueError:
            since = None
        return cls(int(m.group(1)), since if since and since.tzinfo else None)

    def alive(self) -> bool:
        """Whether the pid runs on this machine (in this pid namespace)."""
        if self.pid is None or self.pid <= 0:
            return True  # nothing to say otherwise
        try:
            os.kill(self.pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True  # another user's process
        return True

    def describe(self) -> str:
        if self.pid is None:
            return "another process"
        since = self.since.isoformat(timespec="seconds") if self.since else "an unknown time"
        return f"pid {self.pid}, since {since}"


_HOLDER = re.compile(r"pid (\d+), since (\S+)")


def lock_path(db: Path, spider: str, source: str | None = None) -> Path:
    name = spider if source is None else f"{spider}.{re.sub(r'[^A-Za-z0-9_-]', '_', source)}"
    return db.with_name(f"{db.name}.{name}.lock")


@contextmanager
def crawl_lock(
    db: Path, spider: str, sources: Iterable[str] = (), max_age: timedelta | None = None
) -> Iterator[Path]:
    """Hold the crawl's lock (one per source when ``sources`` are given) for the block."""
    names: list[str | None] = list(sorted(set(sources))) or [None]
    with ExitStack() as held:
        paths = [held.enter_context(_flock(Path(db), spider, name, max_age)) for name in names]
        yield paths[0]


def refusal(
    db: Path, spider: str, source: str | None, path: Path, holder: Holder, max_age: timedelta | None
) -> Locked:
    """The Locked (or StuckLock) error a run that finds the lock taken exits with."""
    crawl = f"'{spider}' crawl" + (f" of source '{source}'" if source else "")
    age = datetime.now(UTC) - holder.since if holder.since else None
    if not holder.alive():
        return StuckLock(
            f"STUCK LOCK: {path} is held, but pid {holder.pid} that took it runs no more on this "
            f"machine (a process it started, or one in another container, holds it): find it "
            f"with `fuser {path}`; this {crawl} into {db} exits"
        )
    if age is not None and max_age is not None and age > max_age:
        return StuckLock(
            f"STUCK CRAWL? another {crawl} into {db} has been running for {_hours(age)} "
            f"({holder.describe()}), longer than CRAWL_LOCK_MAX_AGE ({_hours(max_age)}): if it "
            f"hangs, stop it (kill {holder.pid}); this one exits. Lock file: {path}"
        )
    return Locked(
        f"another {crawl} into {db} is running ({holder.describe()}); "
        f"this one exits. Lock file: {path}"
    )


def _hours(span: timedelta) -> str:
    hours = span.total_seconds() / 3600
    return f"{hours:.1f} h" if hours < 48 else f"{hours / 24:.1f} days"


@contextmanager
def _flock(db: Path, spider: str, source: str | None, max_age: timedelta | None) -> Iterator[Path]:
    path = lock_path(db, spider, source)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = Holder.read(os.pread(fd, 200, 0).decode("utf-8", "replace"))
            raise refusal(db, spider, source, path, holder, max_age) from None
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
