"""A worker of a crawl through Redis (``meetarchive crawl SPIDER --redis URL``): it crawls as a
local crawl does, except that requests come from and go to the shared queue
(``scraper.crawl.redisqueue``), politeness is shared (``scraper.crawl.redisslots``), and each
item, once parsed and validated, is pushed to Redis for the one process that writes the archive
(``meetarchive store``) instead of being stored.

* :class:`RedisWorker` (extension): the heartbeat (every ``HEARTBEAT_SECONDS``: the worker is
  alive, the requests the engine is done with are let go), idle until the run is finished (other
  workers may still queue requests), then closes the spider (reason ``finished``); it adds its
  counters the store's summary shows (robots.txt, challenges) to ``stats``.
* :class:`RedisStart` (spider middleware): only one worker of a spider reads its start (the same
  worker again if it was killed before it had read it all); the others take their requests from
  the queue.
* :class:`PushItems` (item pipeline, in place of the store stages): pushes the item onto
  ``items``: a random id (``ITEM_ID_BYTES``), then the pickle.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from twisted.internet.task import LoopingCall

from scraper.crawl import redisrun

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

# Counters of a worker the store's summary shows (scraper.cli.crawlrun.CrawlReport reads them).
SHARED_STATS = (
    "robotstxt/forbidden",
    "challenge/skipped",
    "challenge/blocked",
    "incremental/not_due",
    "incremental/conditional",
    "incremental/not_modified",
)


class RedisWorker:
    """Extension: see the module's docstring."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.server = redisrun.connect(crawler.settings["REDIS_URL"])
        self.run_id = crawler.settings["REDIS_RUN"]
        self.token = crawler.settings["REDIS_TOKEN"]
        self.beat: LoopingCall | None = None
        self.closing = False
        self.shared: dict[str, int] = {}  # counters already added to the run's stats
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def spider_opened(self) -> None:
        self.who = redisrun.worker_of(self.crawler)
        scheduler = self._scheduler()
        if scheduler is not None:
            scheduler.before_settling.append(self.share_stats)
        self.beat = LoopingCall(self.heartbeat)
        self.beat.start(redisrun.HEARTBEAT_SECONDS, now=True)

    def heartbeat(self) -> None:
        if not redisrun.beat(self.server, self.who, self.token):
            self._close("taken over")  # presumed dead, its requests given to others
            return
        self.share_stats()
        scheduler = self._scheduler()
        if scheduler is not None:
            scheduler.settle()
            # What another worker queued is taken now, and an idle engine found idle now (the
            # spider's own idle work: the news backlog), not at the engine's next 5 s tick.
            self.crawler.engine._slot.nextcall.schedule()  # type: ignore[union-attr]
        run_id, state = redisrun.run_state(self.server)
        if run_id != self.run_id or state != "running":
            self._close("finished")

    def spider_idle(self) -> None:
        scheduler = self._scheduler()
        if scheduler is not None:
            scheduler.settle()
        if not self.closing:
            raise DontCloseSpider  # other workers may still queue requests; the run says when

    def _scheduler(self) -> Any:
        engine = self.crawler.engine
        slot = getattr(engine, "_slot", None)
        return getattr(slot, "scheduler", None)

    def _close(self, reason: str) -> None:
        if self.closing or self.crawler.engine is None:
            return
        self.closing = True
        from scrapy.utils.defer import deferred_from_coro

        deferred_from_coro(self.crawler.engine.close_spider_async(reason=reason))

    def spider_closed(self, reason: str) -> None:
        if self.beat is not None and self.beat.running:
            self.beat.stop()
        self.share_stats()
        if reason != "taken over":  # else what it held is the new process's now
            redisrun.leave(self.server, self.who, self.token)

    def share_stats(self) -> None:
        """Add what the counters the store shows grew by since the last time to ``stats``."""
        assert self.crawler.stats is not None
        stats = self.crawler.stats.get_stats()
        grown = {
            name: int(stats.get(name, 0)) - self.shared.get(name, 0)
            for name in SHARED_STATS
            if int(stats.get(name, 0)) > self.shared.get(name, 0)
        }
        if not grown:
            return
        with self.server.pipeline() as pipe:
            for name, more in grown.items():
                pipe.hincrby(redisrun.STATS, name, more)
            pipe.execute()
        for name, more in grown.items():
            self.shared[name] = self.shared.get(name, 0) + more


class RedisStart:
    """Spider middleware: see the module's docstring."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.server = redisrun.connect(crawler.settings["REDIS_URL"])

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        spider = self.crawler.spider
        assert spider is not None
        given = self.crawler.settings.getdict("REDIS_SPIDER_ARGS")
        args = {str(k): str(v) for k, v in given.items()}
        key = redisrun.start_key(spider.name, args)
        if not redisrun.claim_start(self.server, key, redisrun.worker_of(self.crawler)):
            return
        async for item_or_request in start:
            yield item_or_request
        redisrun.start_done(self.server, key)


class PushItems:
    """Item pipeline: see the module's docstring."""

    def __init__(self, crawler: Crawler) -> None:
        self.server = redisrun.connect(crawler.settings["REDIS_URL"])
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any) -> Any:
        data = os.urandom(redisrun.ITEM_ID_BYTES) + pickle.dumps(item, pickle.HIGHEST_PROTOCOL)
        self.server.lpush(redisrun.ITEMS, data)
        assert self.stats is not None
        self.stats.inc_value("redis/items_pushed")
        self.stats.inc_value("redis/item_bytes", len(data))
        return item


def worker_settings(
    url: str, worker: str, run_id: str, token: str, args: dict[str, str]
) -> dict[str, Any]:
    """The settings a worker adds to scraper.settings'."""
    from scraper import settings as defaults
    from scraper.crawl.redisslots import slot_settings

    return {
        "REDIS_URL": url,
        "REDIS_WORKER": worker,
        "REDIS_RUN": run_id,
        "REDIS_TOKEN": token,
        "REDIS_SPIDER_ARGS": args,
        "SCHEDULER": "scraper.crawl.redisqueue.RedisScheduler",
        "ITEM_PIPELINES": {
            "pipelines.parse.ParseStage": 100,
            "pipelines.validate.ValidateStage": 200,
            "scraper.crawl.redisworker.PushItems": 500,
        },
        "EXTENSIONS": {
            **defaults.EXTENSIONS,
            "scraper.crawl.runs.RunRecorder": None,  # the store records the run
            "scraper.crawl.redisworker.RedisWorker": 0,
        },
        "DOWNLOADER_MIDDLEWARES": {**defaults.DOWNLOADER_MIDDLEWARES, **slot_settings()},
        "SPIDER_MIDDLEWARES": {"scraper.crawl.redisworker.RedisStart": 0},
    }
