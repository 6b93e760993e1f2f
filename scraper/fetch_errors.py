"""The crawl side's refusals: Scrapy ``IgnoreRequest``s that are also meetarchive errors.

Kept apart from :mod:`scraper.errors` (which re-exports them lazily) so that importing a parser
never imports Scrapy.
"""

from __future__ import annotations

from scrapy.exceptions import IgnoreRequest

from scraper.errors import MeetarchiveError


class FetchRefused(IgnoreRequest, MeetarchiveError):
    """A request or response the crawler refuses (redirect loop, off-site redirect, private
    address); recorded as a ``fetch error`` reject."""


class NotRequested(IgnoreRequest, MeetarchiveError):
    """A request deliberately not made (a host that keeps answering with challenges): logged,
    not a reject."""
