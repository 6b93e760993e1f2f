"""meetarchive's own exceptions: what a caller may expect from our code besides a result.

Every component that can refuse an input raises a subclass of :class:`MeetarchiveError` with a
one-line message; anything else escaping a parser is a bug (the property tests in
tests/test_properties.py hold every parser to this). The crawl's refusals, which are also Scrapy
``IgnoreRequest``s, are in :mod:`scraper.crawl.errors`; the store's ``ArchiveFull`` in
:mod:`pipelines.store`. Nothing here imports Scrapy: parsers and ``meetarchive extract`` do not
pay for it.
"""

from __future__ import annotations


class MeetarchiveError(Exception):
    """Base of every exception meetarchive raises on purpose."""


class ParseError(MeetarchiveError):
    """A page or document a parser cannot read; the message is the recorded reason."""


class InputTooLarge(ParseError):
    """A page over a parsing bound (size, nesting depth): refused before it costs memory or
    time."""
