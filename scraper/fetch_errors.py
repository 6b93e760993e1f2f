"""The crawl side's refusals: Scrapy ``IgnoreRequest``s that are also meetarchive errors.

Kept apart from :mod:`scraper.errors` (which re-exports them lazily) so that importing a parser
never imports Scrapy.
"""

from __future__ import annotations

from scrapy.exceptions import DropItem, IgnoreRequest

from scraper.errors import MeetarchiveError


class FetchRefused(IgnoreRequest, MeetarchiveError):
    """A request or response the crawler refuses (redirect loop, off-site redirect, private
    address); recorded as a ``fetch error`` reject."""


class NotRequested(IgnoreRequest, MeetarchiveError):
    """A request deliberately not made (a host that keeps answering with challenges): logged,
    not a reject."""


class ArchiveFull(DropItem, MeetarchiveError):
    """The archive cannot grow (the disk is full, or ``ARCHIVE_MAX_BYTES`` is reached): the item
    that did not fit is rolled back whole and the crawl stops."""
