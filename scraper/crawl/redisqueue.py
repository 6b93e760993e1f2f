"""The shared scheduler of ``meetarchive crawl --redis``: scrapy-redis' scheduler, priority queue
and duplicate filter, with what a crawl that must lose nothing needs on top.

* :class:`ReliableQueue`: scrapy-redis' priority queue (same sorted set, same serialized
  requests), except that a pop moves the request into this worker's ``inflight`` hash in the same
  Lua script (scrapy-redis' pop deletes it: a worker killed then loses what it held).
* :class:`RedisScheduler`: scrapy-redis' scheduler with that queue and our duplicate filter; it
  keeps the requests it handed to the engine and lets go of each (``HDEL``) once the engine is
  done with it: its response or failure went through the callback, its items through the item
  pipelines (pushed to Redis), its links into the queue. The engine's own set of requests in
  progress says when (:meth:`RedisScheduler.settle`, called by the worker's heartbeat).
* :class:`CanonicalRedisDupeFilter`: scrapy-redis' Redis set of fingerprints, with our
  fingerprints (``scraper.crawl.fingerprint.CanonicalFingerprinter``: one article under many
  hosts is one request), 8 bytes each like :class:`~scraper.crawl.fingerprint.CompactDupeFilter`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from scraper.crawl import redisrun

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

_POP = """
local found = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #found == 0 then return false end
redis.call('ZREM', KEYS[1], found[1])
redis.call('HSET', KEYS[2], found[1], found[2])
return found[1]
"""


class ReliableQueue(PriorityQueue):
    """scrapy-redis' priority queue whose pop keeps the request in ``inflight`` (see above)."""

    inflight = ""  # set by RedisScheduler.open

    def pop_held(self) -> tuple[Request, bytes] | None:
        data = self.server.eval(_POP, 2, self.key, self.inflight)
        if not data:
            return None
        return self._decode_request(data), data

    def pop(self, timeout: int = 0) -> Request | None:
        found = self.pop_held()
        return found[0] if found else None


class CanonicalRedisDupeFilter(RFPDupeFilter):
    """scrapy-redis' duplicate filter keyed by the first 8 bytes of our request fingerprints."""

    def __init__(self, server: Any, key: str, fingerprinter: Any) -> None:
        super().__init__(server, key)
        self.fingerprinter = fingerprinter

    def request_fingerprint(self, request: Request) -> bytes:  # type: ignore[override]
        return bytes(self.fingerprinter.fingerprint(request)[:8])


class RedisScheduler(Scheduler):
    """scrapy-redis' scheduler on our run's keys (see the module's docstring)."""

    def __init__(self, crawler: Crawler, server: Any) -> None:
        super().__init__(server, persist=True)
        self.crawler = crawler
        self.worker = crawler.settings.get("REDIS_WORKER")
        self.handed: dict[Request, bytes] = {}  # requests the engine has, and their queue entry
        # A worker takes no more than this from the queue at a time: requests waiting for their
        # host's shared slot are better left where another worker can take them.
        self.max_held = crawler.settings.getint("REDIS_MAX_HELD", 8)
        # Called before requests are let go of (the worker's counters go to Redis first, so that
        # the store, once nothing is held, sees them all).
        self.before_settling: list[Callable[[], None]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisScheduler:  # type: ignore[override]
        server = redisrun.connect(crawler.settings["REDIS_URL"])
        scheduler = cls(crawler, server)
        scheduler.stats = crawler.stats
        return scheduler

    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.who = redisrun.member(spider.name, self.worker)
        self.queue = ReliableQueue(self.server, spider, redisrun.requests_key(spider.name))
        self.queue.inflight = redisrun.inflight_key(self.who)
        assert self.crawler.request_fingerprinter is not None
        self.df = CanonicalRedisDupeFilter(
            self.server, redisrun.seen_key(spider.name), self.crawler.request_fingerprinter
        )

    def close(self, reason: str) -> None:
        """A finished crawl is done with every request; a stopped one gives back what it held
        (``redisrun.leave``), its last requests maybe fetched again by whoever takes them."""
        if reason == "finished" and self.handed:
            for call in self.before_settling:
                call()
            self.server.hdel(self.queue.inflight, *self.handed.values())
            self.handed.clear()

    def enqueue_request(self, request: Request) -> bool:
        """scrapy-redis' (whose stats call passes the spider, which Scrapy deprecates)."""
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Request | None:
        if len(self.handed) >= self.max_held and self.settle() >= self.max_held:
            return None
        found = self.queue.pop_held()
        if found is None:
            return None
        request, data = found
        self.handed[request] = data
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def settle(self) -> int:
        """Let go of the requests the engine is done with; how many it still has."""
        engine = self.crawler.engine
        if engine is None or not engine.running:
            return len(self.handed)  # stopping: requests failed as not requested are not done
        # The engine's requests in progress (downloading, or their output being handled): no
        # public API says when a request is done with, and no signal fires for every request.
        slot = getattr(engine, "_slot", None)
        busy = slot.inprogress if slot is not None else set()
        done = [request for request in self.handed if request not in busy]
        if done:
            for call in self.before_settling:
                call()
            self.server.hdel(self.queue.inflight, *(self.handed.pop(r) for r in done))
        return len(self.handed)
