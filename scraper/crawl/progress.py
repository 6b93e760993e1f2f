"""Progress for people at a terminal: one status line on stderr, rewritten every few seconds
(pages fetched, items, rate, the host being fetched). Only when stderr is a terminal and
``PROGRESS`` is on (``meetarchive crawl --quiet`` turns it off)."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

CLEAR_LINE = "\r\x1b[K"  # back to the line's start, erase it: written before each status line


class Progress:
    def __init__(self, crawler: Crawler, interval: float, stream: Any) -> None:
        self.crawler = crawler
        self.interval = interval
        self.stream = stream
        self.pages = 0
        self.items = 0
        self.host = ""
        self.started = time.monotonic()
        self.task: Any = None
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)
        crawler.signals.connect(self.response, signal=signals.response_received)
        crawler.signals.connect(self.item, signal=signals.item_scraped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        stream = sys.stderr
        if not crawler.settings.getbool("PROGRESS", True) or not stream.isatty():
            raise NotConfigured
        return cls(crawler, crawler.settings.getfloat("PROGRESS_INTERVAL", 2.0), stream)

    def opened(self) -> None:
        from twisted.internet import task

        self.task = task.LoopingCall(self.show)
        self.task.start(self.interval, now=False)

    def response(self, request: Any) -> None:
        self.pages += 1
        self.host = urlsplit(request.url).hostname or ""

    def item(self) -> None:
        self.items += 1

    def line(self) -> str:
        minutes = max(time.monotonic() - self.started, 1e-6) / 60
        return f"{self.pages} pages, {self.items} items, {self.pages / minutes:.0f} pages/min" + (
            f", now {self.host}" if self.host else ""
        )

    def show(self) -> None:
        self.stream.write(CLEAR_LINE + self.line())
        self.stream.flush()

    def closed(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        self.stream.write(CLEAR_LINE)
        self.stream.flush()
