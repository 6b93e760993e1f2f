"""StoreStage, the last stage: one transaction per item.

The page row always (an identical refetch only moves its fetch time); then the reject, or the
article: inserted (new), rewritten with the old text kept as a revision (updated), rewritten in
place with its revisions dropped for rebuilding (rebuilt, during reparse), or only ``last_seen``
moved (unchanged). Article times come from the page row's fetch times, never the clock.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from pipelines import db as schema
from pipelines.context import Archive, ArchiveStage
from pipelines.dedupe import NEW, REBUILT, UNCHANGED, classify, content_hash
from scraper.errors import ArchiveFull
from scraper.items import Crawled

logger = logging.getLogger(__name__)

STAT = "meetarchive/{}"


class StoreStage(ArchiveStage):
    def __init__(self, archive: Archive, stats: Any = None, crawler: Any = None) -> None:
        super().__init__(archive, stats, crawler)
        self.columns = schema.article_columns(self.db)
        self.full = False

    def process_item(self, item: Crawled) -> Crawled:
        try:
            self._store(item)
        except sqlite3.OperationalError as exc:
            if "full" not in str(exc):
                raise
            self._full(exc)
        self._count(item)
        return item

    def _full(self, exc: Exception) -> None:
        """The archive cannot grow: the item's transaction is rolled back; stop the crawl with
        one clear message instead of failing every item that follows."""
        path = self.db.conn.execute("PRAGMA database_list").fetchone()[2]
        message = (f"archive is full: {path}"
                   f" ({exc}); free disk space (or raise ARCHIVE_MAX_BYTES) and crawl again")
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

    def _store(self, item: Crawled) -> None:
        with schema.write_transaction(self.db):
            page_id, first_fetched, last_fetched = schema.store_page(self.db, item.page)
            if self.archive.rebuilding:
                schema.delete_rejects(self.db, page_id)
            if item.reject:
                schema.record_reject(self.db, item.page.url, item.reject, item.reject_detail,
                                     last_fetched, page_id)
            elif item.article is not None:
                self._store_article(item, page_id, first_fetched, last_fetched)

    def _store_article(self, item: Crawled, page_id: int, first_fetched: str,
                       last_fetched: str) -> None:
        art = item.article
        assert art is not None
        stored = schema.find_article(self.db, art.canonical_url)
        new_hash = content_hash(art)
        if stored is None:
            outcome = NEW
        elif item.outcome == REBUILT:
            outcome = REBUILT
        else:  # decided again under the write lock: another writer may have stored it meanwhile
            outcome = classify(stored["content_hash"], new_hash)
        if outcome == UNCHANGED:
            assert stored is not None
            last = max(stored["last_seen"] or "", last_fetched)
            schema.update_article(self.db, stored["id"], {"last_seen": last})
            item.outcome = outcome
            return
        row = schema.article_row(art, self.columns)
        row.update(page_id=page_id, content_hash=new_hash, source=item.page.source or None)
        if outcome == NEW:
            row.update(first_seen=first_fetched, last_seen=last_fetched, updated_at=first_fetched)
            schema.insert_article(self.db, row)
        elif outcome == REBUILT:
            assert stored is not None
            schema.delete_revisions(self.db, stored["id"])
            row.update(first_seen=first_fetched, last_seen=last_fetched, updated_at=first_fetched)
            schema.update_article(self.db, stored["id"], row)
        else:
            assert stored is not None
            schema.add_revision(self.db, stored, replaced_at=last_fetched)
            row.update(last_seen=max(stored["last_seen"] or "", last_fetched),
                       updated_at=last_fetched)
            schema.update_article(self.db, stored["id"], row)
        item.outcome = outcome

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
