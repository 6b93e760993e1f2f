"""Politeness shared by every worker of a crawl through Redis: together they ask a host no faster
than one crawler would, and stop asking a host that keeps answering with challenges.

:class:`GlobalSlot` (downloader middleware, right after ``politeness.CrawlDelay``) holds one slot
per host in Redis: ``slot:<host>:busy`` (a sorted set of the requests to the host under way, each
with its expiry: ``DOWNLOAD_TIMEOUT`` plus a margin, should its worker die unseen) and
``slot:<host>:next`` (the earliest time, on Redis' clock, the next request may go). A request
waits until it can claim the slot (one Lua script: room in the set and not before ``next``), goes,
and when its response is downloaded or it failed, releases it with ``next`` = now + the host's
delay: the larger of its robots.txt ``Crawl-delay``/``Request-rate`` (read here from the robots.txt
response itself, so the very next request of any worker waits for it; kept in ``delay:<host>``),
the source's ``delay`` and ``CRAWL_DELAY_MARGIN``. As with one crawler (``crawl.politeness``)
a host with a delay gets one request at a time, the delay counted from the end of the previous
response; so does a host whose robots.txt has not been read yet. A host known to ask for no delay
gets as many at once as one crawler would send it (the source's ``concurrency``, else
``CONCURRENT_REQUESTS_PER_DOMAIN``), from all workers together. Each worker's own download slots
still apply on top.

:class:`SharedChallenges` (downloader middleware, right after the slot is claimed) refuses the
requests of a host that gave ``CHALLENGE_MAX_PER_HOST`` challenge pages to any worker, as
``challenge.ChallengeMiddleware`` does within one crawler. The pages are counted per host in
``challenges`` (a hash) as each response arrives, before its slot is released
(:func:`count_challenge`), so that no worker's next request slips in between.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.utils.httpobj import urlparse_cached

from scraper.crawl import redisrun
from scraper.crawl.challenge import detect_challenge
from scraper.crawl.errors import NotRequested
from scraper.crawl.politeness import robots_delay, slot_floor

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

CHALLENGES = redisrun.PREFIX + "challenges"
POLL_SECONDS = 0.05  # how often a request waiting for a busy host asks again

_CLAIM = """
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local known = redis.call('GET', KEYS[3])
local delay = math.max(tonumber(ARGV[3]), tonumber(known or '0'))
local capacity = tonumber(ARGV[4])
if delay > 0 or not known then capacity = 1 end
if redis.call('ZCARD', KEYS[1]) >= capacity then return -1 end
local next = tonumber(redis.call('GET', KEYS[2]) or '0')
if now < next then return next - now end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 0
"""

_RELEASE = """
local t = redis.call('TIME')
local now = t[1] * 1000 + math.floor(t[2] / 1000)
local delay = math.max(tonumber(ARGV[2]), tonumber(redis.call('GET', KEYS[3]) or '0'))
redis.call('ZREM', KEYS[1], ARGV[1])
if delay > 0 then
  local next = tonumber(redis.call('GET', KEYS[2]) or '0')
  redis.call('SET', KEYS[2], math.max(next, now + delay), 'PX', delay + 60000)
end
return delay
"""


def slot_keys(host: str) -> tuple[str, str, str]:
    base = f"{redisrun.PREFIX}slot:{host}"
    return f"{base}:busy", f"{base}:next", f"{redisrun.PREFIX}delay:{host}"


class GlobalSlot:
    """Downloader middleware: see the module's docstring."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.server = redisrun.connect(crawler.settings["REDIS_URL"])
        self.token = ""  # "<spider>|<worker>#<token>", a holder "<token>/<n>": redisrun.free_slots
        self.hold_ms = int(1000 * (crawler.settings.getfloat("DOWNLOAD_TIMEOUT", 60) + 10))
        self.margin = crawler.settings.getfloat("CRAWL_DELAY_MARGIN", 0.05)
        self.max_delay = crawler.settings.getfloat("CRAWL_DELAY_MAX", 300.0)
        self.user_agent = (
            crawler.settings.get("ROBOTSTXT_USER_AGENT")
            or crawler.settings.get("USER_AGENT")
            or "*"
        )
        self.per_domain = crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN", 1)
        # at most a host's capacity of this worker's requests ask Redis at once
        self.locks: dict[str, asyncio.Semaphore] = {}
        self.held: dict[Request, tuple[str, str]] = {}  # requests in a host's slot: (host, holder)
        self.claims = 0
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(
            self.request_left_downloader, signal=signals.request_left_downloader
        )

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def spider_opened(self) -> None:
        self.token = f"{redisrun.worker_of(self.crawler)}#{self.crawler.settings['REDIS_TOKEN']}"

    def _key(self, request: Request) -> str:
        assert self.crawler.engine is not None
        return str(self.crawler.engine.downloader.get_slot_key(request))

    def _capacity(self, key: str) -> int:
        """Requests at once to the host when it asks for no delay: the source's ``concurrency``,
        else ``CONCURRENT_REQUESTS_PER_DOMAIN``."""
        assert self.crawler.engine is not None
        per_slot = self.crawler.engine.downloader.per_slot_settings.get(key, {})
        return max(1, int(per_slot.get("concurrency", self.per_domain)))

    async def process_request(self, request: Request) -> None:
        key = self._key(request)
        capacity = self._capacity(key)
        local = self.locks.setdefault(key, asyncio.Semaphore(capacity))
        await local.acquire()
        self.claims += 1
        holder = f"{self.token}/{self.claims}"
        try:
            busy, following, delay = slot_keys(key)
            floor = int(1000 * slot_floor(self.crawler, key))
            while True:
                wait = int(
                    self.server.eval(
                        _CLAIM, 3, busy, following, delay, holder, self.hold_ms, floor, capacity
                    )
                )
                if wait == 0:
                    break
                engine = self.crawler.engine
                if engine is None or not engine.running:
                    raise NotRequested("not requested: the crawl was stopped before its turn came")
                await asyncio.sleep(POLL_SECONDS if wait < 0 else min(wait / 1000, 1.0))
        except BaseException:
            local.release()
            raise
        self.held[request] = (key, holder)

    def response_downloaded(self, response: Response, request: Request) -> None:
        if request.meta.get("dont_obey_robotstxt") and response.url.endswith("/robots.txt"):
            self._note_robots(request, response)
        count_challenge(self.server, request, response)
        self._release(request)

    def request_left_downloader(self, request: Request) -> None:
        self._release(request)

    def process_exception(self, request: Request, exception: BaseException) -> None:
        self._release(request)  # refused by a middleware nearer the downloader

    def _note_robots(self, request: Request, response: Response) -> None:
        """Keep the host's robots.txt delay in Redis, read from the response before any worker's
        next request to the host."""
        from scrapy.robotstxt import ProtegoRobotParser

        try:
            delay = robots_delay(ProtegoRobotParser(response.body, None), self.user_agent)
        except Exception:  # an unreadable robots.txt asks for nothing; Scrapy logs it
            return
        if delay is not None and delay > self.max_delay:
            return  # not crawled: CrawlDelay refuses its requests
        _, _, delay_key = slot_keys(self._key(request))
        asked = int(1000 * (delay + self.margin)) if delay else 0  # 0: known to ask for none
        self.server.set(delay_key, asked, ex=7 * 86400)

    def _release(self, request: Request) -> None:
        found = self.held.pop(request, None)
        if found is None:
            return
        key, holder = found
        floor = slot_floor(self.crawler, key)  # robots.txt read here, or the source's delay
        try:
            self.server.eval(_RELEASE, 3, *slot_keys(key), holder, int(1000 * floor))
        finally:
            self.locks[key].release()


def count_challenge(server: Any, request: Request, response: Response) -> None:
    """Count a challenge page of the request's host in Redis (``challenge.detect_challenge``, as
    ``ChallengeMiddleware`` will mark it)."""
    headers = {
        k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()
    }
    if detect_challenge(response.status, headers, response.body) is not None:
        server.hincrby(CHALLENGES, urlparse_cached(request).hostname or "", 1)


class SharedChallenges:
    """Downloader middleware: see the module's docstring."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.server = redisrun.connect(crawler.settings["REDIS_URL"])
        self.max_per_host = crawler.settings.getint("CHALLENGE_MAX_PER_HOST", 3)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if not self.max_per_host:
            return
        host = urlparse_cached(request).hostname or ""
        seen = int(self.server.hget(CHALLENGES, host) or 0)
        if seen >= self.max_per_host:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("challenge/skipped")
            raise NotRequested(f"{host} keeps answering with challenge pages; not asking it again")


def slot_settings() -> dict[str, Any]:
    """The downloader middlewares a worker adds to scraper.settings'."""
    return {
        "scraper.crawl.redisslots.GlobalSlot": 106,
        "scraper.crawl.redisslots.SharedChallenges": 107,
    }
