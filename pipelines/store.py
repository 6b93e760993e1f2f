"""StoreStage: each item's writes in one savepoint, items committed in groups.

Per item: the page row always (an identical refetch only moves its fetch time); then the reject,
or the article: inserted (new), rewritten with the old text kept as a revision (updated), only
``last_seen`` moved (unchanged), or left alone when the page was last fetched before the stored
version (older: a web archive imported late or again). During reparse the same decisions are
taken on staging tables (the first version of an archived article met is ``rebuilt``), swapped
into the archive once every page has been replayed (``pipelines.db.rebuild``). Article times come
from the page row's fetch times, never the clock. A new, updated or rebuilt article is
fingerprinted as it is stored and placed in its story at the group's commit, in the same
transaction (``pipelines.stories.StoryIndex``); during reparse, once the rebuilt articles are
swapped in (``pipelines.replay``).

**Group commit.** One write transaction stays open over a group of items: it is committed when
it holds ``STORE_GROUP_ITEMS`` items (default 100) or is ``STORE_GROUP_SECONDS`` old (default
0.5 s; a timer on the crawl's event loop, so a slow polite crawl commits each item within about
that time), when an item fails (the failed item's writes are rolled back to its savepoint first),
when the spider closes, and whenever :meth:`pipelines.context.Archive.commit` is called. A
commit costs more than an item (the FTS5 index writes its pending terms as a new segment), so
this is what lets the crawl store several thousand articles a second. A SIGKILL loses at most the
open group: those pages are not in the archive, the next run fetches them again, and the archive
is never inconsistent (each commit holds whole items). The counters (``meetarchive/new``, ...)
are incremented when an item's group is committed, so they count what the archive holds.
Grouping needs a timer: without a running event loop (reparse, import-warc, tests driving the
stages by hand) each item is its own transaction unless ``STORE_GROUP_UNTIMED`` is set (the
caller then commits by closing the stage). While another writer is seen waiting for the archive
(another crawl), items are committed one at a time for ``CONTENDED_SECONDS``, so a group never
keeps it waiting.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from typing import Any

from scrapy.exceptions import DropItem

from pipelines import db as schema
from pipelines.context import Archive, ArchiveStage
from pipelines.dedupe import NEW, OLDER, REBUILT, UNCHANGED, UPDATED, content_hash, outcome
from pipelines.stories import StoryIndex
from scraper.errors import MeetarchiveError
from scraper.items import Crawled

logger = logging.getLogger(__name__)


class ArchiveFull(DropItem, MeetarchiveError):
    """The archive cannot grow (the disk is full, or ``ARCHIVE_MAX_BYTES`` is reached): the item
    that did not fit is rolled back whole and the crawl stops."""


STAT = "meetarchive/{}"
GROUP_ITEMS, GROUP_SECONDS, GROUP_UNTIMED = (
    "STORE_GROUP_ITEMS",
    "STORE_GROUP_SECONDS",
    "STORE_GROUP_UNTIMED",
)
DEFAULT_GROUP_ITEMS = 100
DEFAULT_GROUP_SECONDS = 0.5
CONTENDED_SECONDS = 10.0


class Timer:
    """A call in ``delay`` seconds on the running asyncio loop or Twisted reactor, cancellable."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    @classmethod
    def start(cls, delay: float, func: Any) -> Timer | None:
        """None when no event loop runs (nothing would ever call ``func``)."""
        try:
            return cls(asyncio.get_running_loop().call_later(delay, func))
        except RuntimeError:
            pass
        from scrapy.utils.reactor import is_reactor_installed

        if is_reactor_installed():
            from twisted.internet import reactor

            if reactor.running:
                # Twisted declares interface methods without ``self`` (zope.interface style):
                # without the mypy-zope plugin, mypy takes ``delay`` for ``self``
                return cls(reactor.callLater(delay, func))  # type: ignore[arg-type]
        return None

    def cancel(self) -> None:
        if hasattr(self.handle, "active"):  # Twisted DelayedCall
            if self.handle.active():
                self.handle.cancel()
        else:
            self.handle.cancel()


class StoreStage(ArchiveStage):
    def __init__(self, archive: Archive, stats: Any = None, crawler: Any = None) -> None:
        super().__init__(archive, stats, crawler)
        self.columns = schema.article_columns(self.db)
        self.full = False
        settings = getattr(crawler, "settings", None)
        get = settings.get if settings is not None else (lambda name, default=None: default)
        self.group_items = max(1, int(get(GROUP_ITEMS, DEFAULT_GROUP_ITEMS)))
        self.group_seconds = float(get(GROUP_SECONDS, DEFAULT_GROUP_SECONDS))
        self.untimed = str(get(GROUP_UNTIMED, False)).lower() in ("1", "true", "yes")
        self.group: list[Crawled] = []  # stored in the open transaction; counted at its commit
        self.open = False  # whether this stage holds an open write transaction
        self.limit = 1  # items the open group may hold
        self.opened_at = 0.0
        self.timer: Timer | None = None
        self.contended_until = 0.0
        # New articles of the open group, inserted together just before it commits (multi-row
        # INSERTs of power-of-two row counts: see schema.insert_articles), by canonical URL.
        # Not under an ARCHIVE_MAX_BYTES cap: there a full archive shows at the statement that
        # needs the space, and it must be the failing item's, never the group's commit.
        self.defer = not int(get("ARCHIVE_MAX_BYTES", 0) or 0)
        self.pending: dict[str, dict[str, Any]] = {}
        # Stories (pipelines.stories): the group's articles are placed at its commit.
        self.stories = StoryIndex(self.db)
        # Where articles go: the archive's tables, or while reparse rebuilds them, staging tables
        # swapped in once every page has been replayed (pipelines.db.rebuild)
        self.articles, self.revisions = schema.ARTICLES, schema.REVISIONS
        if archive.rebuilding:
            self.articles, self.revisions = schema.STAGED_ARTICLES, schema.STAGED_REVISIONS
            self.defer = False
            schema.start_rebuild(self.db, self.columns)
        archive.committers.append(self.commit)
        archive.revealers.append(self.reveal)

    def process_item(self, item: Crawled) -> Crawled:
        if self.open and time.monotonic() - self.opened_at >= self.group_seconds:
            self.commit()  # no timer ran (no event loop, or a busy one): the group is due
        self._begin()
        try:
            deferred = self._store(item)  # in a savepoint of the group's transaction
        except sqlite3.OperationalError as exc:
            self._commit_after_error()
            if "full" not in str(exc):
                raise
            self._full(exc)
        except BaseException:
            self._commit_after_error()
            raise
        if deferred is not None:
            self.pending[deferred["canonical_url"]] = deferred
        stored_text = item.outcome in (NEW, UPDATED, REBUILT)
        if item.article is not None and stored_text and not self.archive.rebuilding:
            self.stories.note(item.article.canonical_url, item.article.body)
        self.group.append(item)
        if len(self.group) >= self.limit:
            self.commit()
        return item

    def _begin(self) -> None:
        if self.open:
            return
        if schema.begin_write(self.db):  # it waited: another writer wants the archive too
            self.contended_until = time.monotonic() + CONTENDED_SECONDS
            logger.debug("archive: another writer is active, storing one item per transaction")
        self.open = True
        self.opened_at = now = time.monotonic()
        self.limit = 1
        if self.group_items > 1 and now >= self.contended_until:
            self.timer = Timer.start(self.group_seconds, self._timer_fired)
            if self.timer is not None or self.untimed:
                self.limit = self.group_items

    def commit(self) -> None:
        """Commit the open group (if any) and count its items."""
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        if not self.open:
            return
        group, self.group, self.open = self.group, [], False
        try:
            self._insert_pending()
            self.stories.flush()
            self.db.execute("COMMIT")  # may fail (a full disk): then nothing of the group stays
        except BaseException as exc:
            self.pending.clear()
            self.stories.discard()
            if self.db.conn.in_transaction:
                self.db.conn.rollback()
            self._lost(group, exc)
            if isinstance(exc, sqlite3.OperationalError) and "full" in str(exc):
                self._full(exc)
            raise
        for stored in group:
            self._count(stored)
        for listener in self.archive.committed:
            listener()

    def _commit_after_error(self) -> None:
        """An item failed (its savepoint is rolled back): keep the items stored before it."""
        if self.open and not self.db.conn.in_transaction:  # SQLite rolled it all back
            group, self.group, self.open = self.group, [], False
            self.pending.clear()
            self.stories.discard()
            self._lost(group, None)
            return
        try:
            self.commit()
        except Exception as exc:  # reported by commit(); the item's own error is raised next
            logger.debug("archive: commit after a failed item failed: %s", exc)

    def reveal(self, canonical_url: str) -> None:
        """Make a new article of the open group visible on the archive's connection now (for a
        reader of the same process asking about that URL)."""
        if canonical_url in self.pending:
            self._insert_pending()

    def _insert_pending(self) -> None:
        rows, self.pending = list(self.pending.values()), {}
        by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            by_columns.setdefault(tuple(row), []).append(row)
        for same in by_columns.values():
            schema.insert_articles(self.db, same)

    def _lost(self, group: list[Crawled], exc: BaseException | None) -> None:
        if group:
            # interrupted (Ctrl-C): the command says so itself, and what the next run does
            log = logger.debug if isinstance(exc, KeyboardInterrupt) else logger.error
            log(
                "archive: %d stored item(s) were not committed (%s); they are not in "
                "the archive and the next crawl fetches them again",
                len(group),
                (str(exc) or type(exc).__name__) if exc else "transaction rolled back",
            )

    def _timer_fired(self) -> None:
        self.timer = None
        try:
            self.commit()
        except Exception as exc:  # reported by commit(); a full archive also stops the crawl
            logger.debug("archive: timed commit failed: %s", exc)

    def close_spider(self) -> None:
        try:
            self.commit()
        finally:
            super().close_spider()

    def _full(self, exc: Exception) -> None:
        """The archive cannot grow: the item's transaction is rolled back; stop the crawl with
        one clear message instead of failing every item that follows."""
        path = self.db.conn.execute("PRAGMA database_list").fetchone()[2]
        message = (
            f"archive is full: {path}"
            f" ({exc}); free disk space (or raise ARCHIVE_MAX_BYTES) and crawl again"
        )
        try:
            engine = self.crawler.engine if self.crawler is not None else None
        except RuntimeError:  # a crawler that is not crawling (tests, reparse)
            engine = None
        if engine is not None and not self.full:
            from scrapy.utils.defer import deferred_from_coro

            logger.error(message)
            deferred_from_coro(engine.close_spider_async(reason="archive full"))
        self.full = True
        raise ArchiveFull(message, log_level="DEBUG")  # logged once above, not per item

    def _store(self, item: Crawled) -> dict[str, Any] | None:
        """The item's writes; returns a new article's row when its INSERT is deferred to the
        group's commit (``self.pending``)."""
        deferred = None
        conn = self.db.conn
        conn.execute("SAVEPOINT store_item")  # in the group's transaction (see _begin)
        try:
            stored = schema.store_page(self.db, item.page, item.compressed)
            page_id, first_fetched, last_fetched = stored
            if self.archive.rebuilding:
                schema.delete_rejects(self.db, page_id)
            if item.reject:
                schema.record_reject(
                    self.db, item.page.url, item.reject, item.reject_detail, last_fetched, page_id
                )
            elif item.article is not None:
                deferred = self._store_article(item, page_id, first_fetched, last_fetched)
        except BaseException:
            if conn.in_transaction:  # else SQLite rolled back all of it (a full disk, ...)
                conn.execute("ROLLBACK TO store_item")
                conn.execute("RELEASE store_item")
            raise
        conn.execute("RELEASE store_item")
        return deferred

    def _store_article(
        self, item: Crawled, page_id: int, first_fetched: str, last_fetched: str
    ) -> dict[str, Any] | None:
        art = item.article
        assert art is not None
        self.reveal(art.canonical_url)  # stored earlier in this group: insert it first
        stored = schema.find_article(self.db, art.canonical_url, self.articles)
        new_hash = content_hash(art)
        # decided here, under the write lock: another writer may have stored it meanwhile
        older = stored is not None and last_fetched < (stored["updated_at"] or "")
        decided = outcome(stored["content_hash"] if stored else None, new_hash, older)
        if decided == OLDER:
            item.outcome = decided
            return None
        if decided == UNCHANGED:
            assert stored is not None
            last = max(stored["last_seen"] or "", last_fetched)
            if last != stored["last_seen"]:
                schema.update_article(self.db, stored["id"], {"last_seen": last}, self.articles)
            item.outcome = decided
            return None
        row = schema.article_row(art, self.columns)
        row.update(page_id=page_id, content_hash=new_hash, source=item.page.source or None)
        if decided == NEW:
            row.update(first_seen=first_fetched, last_seen=last_fetched, updated_at=first_fetched)
            item.outcome = decided
            if self.archive.rebuilding:  # its first version in this rebuild, staged
                if schema.find_article(self.db, art.canonical_url) is not None:
                    item.outcome = REBUILT
            elif self.defer:
                return row
            schema.insert_article(self.db, row, self.articles)
            return None
        assert stored is not None
        schema.add_revision(self.db, stored, replaced_at=last_fetched, table=self.revisions)
        row.update(last_seen=max(stored["last_seen"] or "", last_fetched), updated_at=last_fetched)
        schema.update_article(self.db, stored["id"], row, self.articles)
        item.outcome = decided
        return None

    def _count(self, item: Crawled) -> None:
        if self.stats is None:
            return
        if item.reject:
            self.stats.inc_value(STAT.format("rejected"))
            self.stats.inc_value(STAT.format(f"rejected/{item.reject}"))
            if item.page.blocked:
                self.stats.inc_value(STAT.format("blocked"))
        elif item.outcome:
            self.stats.inc_value(STAT.format(item.outcome))
