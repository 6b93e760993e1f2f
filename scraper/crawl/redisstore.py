"""The store side of a crawl through Redis (``meetarchive store``): the items the workers pushed,
taken one at a time into the store's ``items:processing`` hash and let go of only once the
archive has committed them.

:class:`ItemFeed` is what the ``redis-store`` spider (``scraper.spiders.redisstore``) reads: it
gives back what a killed store held (:meth:`ItemFeed.recover`), pops items (into the processing
hash under the id the worker gave each, in one Lua script: removing one later sends its id, not
its bytes), follows each through the item pipelines (Scrapy's ``item_scraped``, ``item_error``
signals) and, at each commit of the store stage's group (the ``committed``
listeners of ``pipelines.context.Archive``), removes the items that went through every stage.
Items an error stopped are let go of too (a local crawl would not store them either; the error is
logged); a dropped item (a full archive) stays in the processing hash for the next store. An item
stored twice (the store killed between the commit and the removal) is an identical refetch to
the archive: its page row's fetch time moves, its article is ``unchanged``.
"""

from __future__ import annotations

import pickle
import time
from typing import TYPE_CHECKING, Any, Self

from scrapy import signals

from scraper.crawl import redisrun

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

REAP_SECONDS = 1.0

_RECOVER = """
local held = redis.call('HVALS', KEYS[1])
for _, item in ipairs(held) do redis.call('RPUSH', KEYS[2], item) end
redis.call('DEL', KEYS[1])
return #held
"""

_POP = """
local item = redis.call('RPOP', KEYS[1])
if not item then return false end
redis.call('HSET', KEYS[2], string.sub(item, 1, tonumber(ARGV[1])), item)
return item
"""


class ItemFeed:
    """See the module's docstring."""

    def __init__(self, crawler: Crawler) -> None:
        from pipelines.context import archive_for

        self.crawler = crawler
        self.server = redisrun.connect(crawler.settings["REDIS_URL"])
        self.follow = crawler.settings.getbool("REDIS_FOLLOW")
        self.room = max(1, crawler.settings.getint("CONCURRENT_ITEMS", 10)) * 2
        self.held: dict[int, bytes] = {}  # id(item) -> its id in Redis, while in the pipelines
        self.items: dict[int, Any] = {}  # keeps each held item alive (its id stays its own)
        self.done: list[bytes] = []  # ids of items through every stage; removed at the next commit
        self.reaped_at = 0.0
        self.archive = archive_for(crawler)
        self.archive.committed.append(self.let_go)
        crawler.signals.connect(self.item_passed, signal=signals.item_scraped)
        crawler.signals.connect(self.item_passed, signal=signals.item_error)
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def recover(self) -> int:
        """Give back to the queue what a killed store held; how many items."""
        return int(self.server.eval(_RECOVER, 2, redisrun.ITEMS_PROCESSING, redisrun.ITEMS))

    def full(self) -> bool:
        return len(self.held) >= self.room

    def pop(self) -> Any | None:
        keys = (redisrun.ITEMS, redisrun.ITEMS_PROCESSING)
        data = self.server.eval(_POP, 2, *keys, redisrun.ITEM_ID_BYTES)
        if not data:
            return None
        # our own workers' items: Redis must be private (docs/distributed.md)
        item = pickle.loads(data[redisrun.ITEM_ID_BYTES :])  # noqa: S301
        self.held[id(item)] = data[: redisrun.ITEM_ID_BYTES]
        self.items[id(item)] = item
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("redis/items_popped")
        self.crawler.stats.inc_value("redis/item_bytes", len(data))
        return item

    def item_passed(self, item: Any) -> None:
        data = self.held.pop(id(item), None)
        self.items.pop(id(item), None)
        if data is not None:
            self.done.append(data)

    def item_dropped(self, item: Any) -> None:
        self.held.pop(id(item), None)
        self.items.pop(id(item), None)

    def let_go(self) -> None:
        """The archive committed: remove the items that went through every stage."""
        if not self.done:
            return
        self.server.hdel(redisrun.ITEMS_PROCESSING, *self.done)
        self.done.clear()

    def finished(self) -> bool:
        """Nothing to pop: commit what the pipelines hold, let it go, and say whether the run is
        finished (never with ``--follow``)."""
        if self.held:
            return False
        self.archive.commit()
        self.let_go()  # the archive holds no open group now: what went through is committed
        now = time.monotonic()
        if now - self.reaped_at >= REAP_SECONDS:
            self.reaped_at = now
            redisrun.reap(self.server)
        return not self.follow and redisrun.finish_if_done(self.server)

    def spider_closed(self) -> None:
        self.let_go()  # the pipelines were closed: the store stage committed its last group
