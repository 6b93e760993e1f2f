"""meetarchive's own exceptions: what a caller may expect from our code besides a result.

Every component that can refuse an input raises a subclass of :class:`MeetarchiveError` with a
one-line message; anything else escaping a parser is a bug (the property tests in
tests/test_properties.py hold every parser to this).

Fetch refusals (:class:`FetchRefused`) are also Scrapy ``IgnoreRequest``s, so the downloader drops
the request; the spiders' errbacks record them as ``fetch error`` rejects with the message as
detail.
"""

from __future__ import annotations

from scrapy.exceptions import DropItem, IgnoreRequest


class MeetarchiveError(Exception):
    """Base of every exception meetarchive raises on purpose."""


class ParseError(MeetarchiveError):
    """A page or document a parser cannot read; the message is the recorded reason."""


class InputTooLarge(ParseError):
    """A page over a parsing bound (size, nesting depth): refused before it costs memory or
    time."""


class FetchRefused(IgnoreRequest, MeetarchiveError):
    """A request or response the crawler refuses (redirect loop, off-site redirect, private
    address); recorded as a ``fetch error`` reject."""


class NotRequested(IgnoreRequest, MeetarchiveError):
    """A request deliberately not made (a host that keeps answering with challenges): logged,
    not a reject."""


class ArchiveFull(DropItem, MeetarchiveError):
    """The archive cannot grow (the disk is full, or ``ARCHIVE_MAX_BYTES`` is reached): the item
    that did not fit is rolled back whole and the crawl stops."""
