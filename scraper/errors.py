"""meetarchive's own exceptions: what a caller may expect from our code besides a result.

Every component that can refuse an input raises a subclass of :class:`MeetarchiveError` with a
one-line message; anything else escaping a parser is a bug (the property tests in
tests/test_properties.py hold every parser to this).

Fetch refusals (:class:`FetchRefused`) are also Scrapy ``IgnoreRequest``s, so the downloader drops
the request; the spiders' errbacks record them as ``fetch error`` rejects with the message as
detail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # defined in scraper.fetch_errors: they need Scrapy, parsers must not
    from scraper.fetch_errors import ArchiveFull, FetchRefused, NotRequested

__all__ = ["ArchiveFull", "FetchRefused", "InputTooLarge", "MeetarchiveError", "NotRequested",
           "ParseError"]


class MeetarchiveError(Exception):
    """Base of every exception meetarchive raises on purpose."""


class ParseError(MeetarchiveError):
    """A page or document a parser cannot read; the message is the recorded reason."""


class InputTooLarge(ParseError):
    """A page over a parsing bound (size, nesting depth): refused before it costs memory or
    time."""


def __getattr__(name: str) -> Any:
    """``FetchRefused``/``NotRequested`` subclass Scrapy's IgnoreRequest (``ArchiveFull`` its
    DropItem); importing Scrapy costs ~0.5 s, which the parsers and ``meetarchive extract`` must
    not pay: they load on first use."""
    if name in ("ArchiveFull", "FetchRefused", "NotRequested"):
        from scraper import fetch_errors

        return getattr(fetch_errors, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
