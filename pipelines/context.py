"""The archive the item pipelines of one crawler share: one SQLite connection per crawler.

Stages run one after another for each item (they are synchronous), so sharing one connection is
safe; each stage gets it through :func:`archive_for` in ``from_crawler``. The store stage may keep
a write transaction open over a group of items (see ``pipelines.store``): code of the same process
that needs the archive committed (read from another connection, hand it to another process) calls
:meth:`Archive.commit` first; :func:`close_archive` commits before closing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Self
from weakref import WeakKeyDictionary

import sqlite_utils

from pipelines.db import open_db

REBUILD_SETTING = "MEETARCHIVE_REBUILD"  # True while `meetarchive reparse` replays stored pages


@dataclass
class Archive:
    db: sqlite_utils.Database
    # While `meetarchive reparse` rebuilds the articles (into staging tables: pipelines.db.rebuild)
    rebuilding: bool = False
    # Called by commit(): what a stage holding an open transaction registers to commit it.
    committers: list[Callable[[], None]] = field(default_factory=list)
    # Called after each commit of a group of stored items (what holds items until the archive
    # has them: `meetarchive store` lets go of them in Redis then).
    committed: list[Callable[[], None]] = field(default_factory=list)
    # Called by reveal(url): what makes a stage's not yet written article for a URL visible.
    revealers: list[Callable[[str], None]] = field(default_factory=list)

    def commit(self) -> None:
        """Commit whatever the stages hold in an open transaction (a group of stored items)."""
        for commit in self.committers:
            commit()

    def reveal(self, canonical_url: str) -> None:
        """Make the article stored for ``canonical_url`` in the open group (if any) visible to
        queries on this connection (it stays uncommitted until the group commits)."""
        for reveal in self.revealers:
            reveal(canonical_url)


_ARCHIVES: WeakKeyDictionary[Any, Archive] = WeakKeyDictionary()


def archive_for(crawler: Any) -> Archive:
    """The crawler's archive, opened (and migrated) on first use from the ARCHIVE_DB setting."""
    archive = _ARCHIVES.get(crawler)
    if archive is None:
        db = open_db(crawler.settings.get("ARCHIVE_DB") or "archive.db")
        cap_archive(db, crawler.settings.getint("ARCHIVE_MAX_BYTES", 0))
        rebuilding = crawler.settings.getbool(REBUILD_SETTING)
        archive = _ARCHIVES[crawler] = Archive(db, rebuilding)
    return archive


def cap_archive(db: sqlite_utils.Database, max_bytes: int) -> None:
    """Let the archive file grow to ``max_bytes`` at most (0: no cap) through SQLite's
    ``max_page_count``; a write past it fails as on a full disk."""
    if max_bytes > 0:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {max(1, max_bytes // page_size)}")


def close_archive(crawler: Any) -> None:
    archive = _ARCHIVES.pop(crawler, None)
    if archive is not None:
        try:
            archive.commit()
        finally:
            archive.db.close()


class ArchiveStage:
    """Base of the stages that write: built from the crawler's shared archive, and closing it when
    the spider closes (whichever such stage closes first closes it; the others find it closed)."""

    def __init__(self, archive: Archive, stats: Any = None, crawler: Any = None) -> None:
        self.archive = archive
        self.db = archive.db
        self.stats = stats
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        return cls(archive_for(crawler), crawler.stats, crawler)

    def close_spider(self) -> None:
        if self.crawler is not None:
            close_archive(self.crawler)
