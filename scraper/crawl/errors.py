"""The crawl's refusals: Scrapy ``IgnoreRequest``s that are also meetarchive errors. The spiders'
errbacks record a :class:`FetchRefused` as a ``fetch error`` reject with the message as detail."""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest

from scraper.errors import MeetarchiveError


class FetchRefused(IgnoreRequest, MeetarchiveError):
    """A request or response the crawler refuses (redirect loop, off-site redirect, private
    address); recorded as a ``fetch error`` reject."""


class NotRequested(IgnoreRequest, MeetarchiveError):
    """A request deliberately not made (a host that keeps answering with challenges): logged,
    not a reject."""
