"""A crawl asked to stop (SIGTERM, Ctrl-C: Scrapy's graceful shutdown) stops now, not when the
requests waiting for their host's crawl delay or a ``Retry-After`` would have been made.

Scrapy's graceful shutdown closes the spider once every request in the downloader is done, and a
request waiting in a download slot for a crawl delay counts as one: with a long delay the crawl
went on for as long after the signal, holding its lock. :class:`PromptStop` sees the engine stop
running and at once fails every request still waiting in a download slot with
:class:`~scraper.crawl.errors.NotRequested` (logged, not a reject: the next run makes them), and
sends :data:`crawl_stopping` so that components waiting on a timer of their own (the Retry-After
wait of ``scraper.crawl.guards``) stop waiting. Downloads already under way end within
``DOWNLOAD_TIMEOUT``; what was fetched is stored, the run recorded (finish reason ``shutdown``).
A second signal still forces Scrapy's unclean stop at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet.task import LoopingCall
from twisted.python.failure import Failure

from scraper.crawl.errors import NotRequested

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

# Signal (no arguments): the crawl was asked to stop; stop waiting.
crawl_stopping = object()
CHECK_EVERY = 0.25  # seconds
STOPPED = "not requested: the crawl was stopped before its turn came"


class PromptStop:
    """Extension: see the module docstring."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.watch: LoopingCall | None = None  # made once the reactor runs (it would install one)
        self.stopping = False
        crawler.signals.connect(self.engine_started, signal=signals.engine_started)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("TWISTED_REACTOR_ENABLED", True):
            raise NotConfigured  # reparse, import-warc: no crawl to stop
        return cls(crawler)

    def engine_started(self) -> None:
        self.watch = LoopingCall(self.check)
        self.watch.start(CHECK_EVERY, now=False)

    def spider_closed(self) -> None:
        if self.watch is not None and self.watch.running:
            self.watch.stop()

    def check(self) -> None:
        """While the engine stops, drop what waits in a download slot (again at each tick: a
        request may still reach a slot from the middlewares)."""
        engine = self.crawler.engine
        if engine is None or engine.running:
            return
        assert self.crawler.stats is not None
        if not self.stopping:
            self.stopping = True
            self.crawler.signals.send_catch_log(crawl_stopping)
        dropped = drop_waiting(engine.downloader)
        if dropped:
            self.crawler.stats.inc_value("stop/not_requested", dropped)


def drop_waiting(downloader: Any) -> int:
    """Fail every request waiting in a download slot (for its delay or a free connection) with
    NotRequested; how many there were."""
    dropped = 0
    for slot in list(downloader.slots.values()):
        slot.close()  # the timer of the next request of this slot
        while slot.queue:
            _request, waiting = slot.queue.popleft()
            waiting.errback(Failure(NotRequested(STOPPED)))
            dropped += 1
    return dropped
