"""Politeness beyond Scrapy's defaults: robots.txt ``Crawl-delay`` per host, and an AutoThrottle
that never goes below it.

Scrapy obeys robots.txt allow/disallow rules (``ROBOTSTXT_OBEY``) but ignores ``Crawl-delay``. Here,
when a host's robots.txt has been parsed (the ``robots_parsed`` signal), its ``Crawl-delay`` (or its
``Request-rate``, whichever asks for more) becomes the floor of that host's download-slot delay,
with no jitter: Scrapy's default jitter of ±50 % would otherwise let half the requests come early.
The floor is kept in the downloader's ``DOWNLOAD_SLOTS`` table, so a slot that is garbage-collected
and re-created keeps it, and :class:`PoliteAutoThrottle` reads it from there.

A host asking for more than ``CRAWL_DELAY_MAX`` seconds between requests (default 300: a
``Crawl-delay: 100000`` would otherwise hold the crawl for days, silently) is not crawled this run:
each of its requests is refused with :class:`~scraper.crawl.errors.FetchRefused` (a ``fetch error``
reject saying why), and the crawl summary names the host (stat ``politeness/too_slow/<host>``).

Scrapy counts a slot's delay from the moment it hands a request to the download handler. When the
event loop is busy (a pipeline parsing a page), that request can leave later than that, and the next
one, leaving on time, would reach the server less than the delay after it. So for hosts with a crawl
delay the delay is counted from the end of the previous response instead: each response downloaded
moves the slot's ``lastseen`` to now. The server then sees requests at least the delay apart.

A news source's own ``delay`` and ``concurrency`` (the sources file) are written into
``DOWNLOAD_SLOTS`` for its hosts before the crawl starts (:func:`apply_source_settings`).
"""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.extensions.throttle import AutoThrottle

from scraper.crawl.errors import FetchRefused

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.robotstxt import RobotParser

    from scraper.crawl.sources import Source


def robots_delay(robotparser: Any, user_agent: str) -> float | None:
    """Seconds between requests that a parsed robots.txt asks of ``user_agent``, or None.

    Reads ``Crawl-delay`` and, when the parser is Protego, ``Request-rate`` (n requests per s
    seconds).
    """
    delays: list[float] = []
    crawl_delay = getattr(robotparser, "crawl_delay", None)
    if callable(crawl_delay):
        value = crawl_delay(user_agent)
        if value is not None:
            delays.append(float(value))
    protego = getattr(robotparser, "rp", None)
    request_rate = getattr(protego, "request_rate", None)
    if callable(request_rate):
        rate = request_rate(user_agent)
        if rate is not None and rate.requests:
            delays.append(rate.seconds / rate.requests)
    return max(delays) if delays else None


def slot_floor(crawler: Crawler, key: str | None) -> float:
    """The delay floor recorded for download slot ``key`` (0 when none)."""
    if key is None or crawler.engine is None:
        return 0.0
    per_slot = crawler.engine.downloader.per_slot_settings.get(key, {})
    return float(per_slot.get("delay", 0.0))


TOO_SLOW_STAT = "politeness/too_slow/"


class CrawlDelay:
    """Downloader middleware (after robots.txt's): honour robots.txt ``Crawl-delay`` per host
    (download slot), up to ``CRAWL_DELAY_MAX``; refuse the requests of a host asking for more.

    ``CRAWL_DELAY_MARGIN`` (seconds, default 0.05) is added so that requests arrive at least the
    asked delay apart even when one connection is set up faster than the previous one.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.margin = crawler.settings.getfloat("CRAWL_DELAY_MARGIN", 0.05)
        self.max_delay = crawler.settings.getfloat("CRAWL_DELAY_MAX", 300.0)
        self.too_slow: dict[str, float] = {}  # download slot -> the delay its robots.txt asks
        self.user_agent = (
            crawler.settings.get("ROBOTSTXT_USER_AGENT")
            or crawler.settings.get("USER_AGENT")
            or "*"
        )
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(self.response_downloaded, signal=signals.response_downloaded)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelay:
        return cls(crawler)

    def robots_parsed(self, robotparser: RobotParser, request: Request) -> None:
        delay = robots_delay(robotparser, self.user_agent)
        if not delay:
            return
        assert self.crawler.engine is not None
        assert self.crawler.stats is not None
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        if delay > self.max_delay:
            self.too_slow[key] = delay
            self.crawler.stats.set_value(TOO_SLOW_STAT + key, delay)
            self.crawler.stats.set_value("politeness/crawl_delay_max", self.max_delay)
            return
        conf = downloader.per_slot_settings.setdefault(key, {})
        floor = max(delay + self.margin, float(conf.get("delay", 0.0)))
        conf.update(delay=floor, jitter=0.0)
        slot = downloader.slots.get(key)
        if slot is not None:
            slot.delay = max(slot.delay, floor)
            slot.jitter = 0.0
            slot.lastseen = max(slot.lastseen, monotonic())  # robots.txt has just been answered
        self.crawler.stats.set_value(f"politeness/crawl_delay/{key}", delay)

    def process_request(self, request: Request) -> None:
        """Refuse a request to a host whose robots.txt asks for more than CRAWL_DELAY_MAX (its
        robots.txt has been read by now: this middleware comes after Scrapy's robots.txt one)."""
        if not self.too_slow:
            return
        assert self.crawler.engine is not None
        key = self.crawler.engine.downloader.get_slot_key(request)
        delay = self.too_slow.get(key)
        if delay is not None:
            raise FetchRefused(too_slow_message(key, delay, self.max_delay))

    def response_downloaded(self, response: Response, request: Request) -> None:
        """Count the next request's delay from now, the end of this response."""
        key = request.meta.get("download_slot")
        if key is None or not slot_floor(self.crawler, key):
            return
        assert self.crawler.engine is not None
        slot = self.crawler.engine.downloader.slots.get(key)
        if slot is not None:
            slot.lastseen = max(slot.lastseen, monotonic())


def too_slow_message(host: str, delay: float, max_delay: float) -> str:
    return (
        f"the robots.txt of {host} asks for {delay:g} s between requests, more than "
        f"CRAWL_DELAY_MAX ({max_delay:g} s): not crawled this run"
    )


class PoliteAutoThrottle(AutoThrottle):
    """AutoThrottle that never lowers a slot's delay below the host's robots.txt crawl delay.

    Scrapy's AutoThrottle moves ``slot.delay`` towards the observed latency, which on a fast server
    is far below a ``Crawl-delay``; this subclass clamps it back to the floor after every
    adjustment.
    """

    def _response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        super()._response_downloaded(response, request, spider)
        key, slot = self._get_slot(request, spider)
        if slot is not None:
            slot.delay = max(slot.delay, slot_floor(self.crawler, key))


def apply_source_settings(settings: Any, sources: list[Source]) -> None:
    """Per-source politeness (a delay floor and concurrency per host, via ``DOWNLOAD_SLOTS``), set
    before the crawler freezes its settings. (A source's time zone travels with its pages:
    ``Page.meta["timezone"]``.)"""
    slots = dict(settings.getdict("DOWNLOAD_SLOTS"))
    for source in sources:
        for host in source.all_hosts:
            conf = dict(slots.get(host, {}))
            if source.delay is not None:
                conf["delay"] = max(source.delay, float(conf.get("delay", 0.0)))
                conf["jitter"] = 0.0
            if source.concurrency is not None:
                conf["concurrency"] = source.concurrency
            if conf:
                slots[host] = conf
    settings.set("DOWNLOAD_SLOTS", slots, priority="spider")
