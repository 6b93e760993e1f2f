"""Incremental recrawls: pages already archived are fetched again only when due, and then with a
conditional request; a 304 costs no parsing.

* Only article and results pages are subject to it (``request.meta["kind"]``); robots.txt,
  listings, feeds and sitemaps are always fetched.
* **Due** (:class:`RevisitPolicy`): by the page's age (publication date, else first fetch) the
  time since its last check must exceed an interval: fresh articles often, old ones rarely.
  ``REVISIT_POLICY`` is ``"AGE:EVERY,..."`` pairs, first match wins, ``*`` for any age; ``0``
  revisits every known page each run; ``never`` fetches known pages no more.
* A sitemap ``lastmod`` (``request.meta["lastmod"]``) overrides the policy: an entry not modified
  since the last check is skipped, a modified one is fetched now.
* A revisit carries ``If-None-Match`` / ``If-Modified-Since`` from the stored response's headers. A
  304 moves the stored page's and article's check time and goes no further (no Page, no parse).
* Pages whose last fetch failed (no response, HTTP 5xx) are always due.

Counters: ``incremental/not_due``, ``incremental/lastmod_unchanged``, ``incremental/conditional``,
``incremental/not_modified``. ``INCREMENTAL = False`` (``crawl --full``) turns all of it off.
Spiders ask :func:`known_articles` whether a listing page holds anything new (pagination stops once
a page holds only known articles, unless ``BACKFILL``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from scraper.errors import NotRequested
from scraper.urls import canonical_url

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

DEFAULT_POLICY = "1d:1h,7d:6h,30d:1d,365d:7d,*:30d"
REVISITED_KINDS = frozenset({"article", "results"})
_SPAN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800, "": 86400}


class NotDue(NotRequested):
    """A known page that is not due for a revisit (or unchanged per its sitemap lastmod)."""


class NotModified(NotRequested):
    """A conditional revisit answered 304 Not Modified."""


def span(text: str) -> timedelta:
    """``"6h"``, ``"30d"``, ``"2w"``, ``"90s"``; a bare number is days."""
    m = _SPAN.match(text)
    if not m:
        raise ValueError(f"not a time span: {text!r} (e.g. 6h, 30d)")
    return timedelta(seconds=float(m.group(1)) * _UNIT[m.group(2)])


@dataclass(frozen=True)
class RevisitPolicy:
    rules: tuple[tuple[timedelta | None, timedelta | None], ...]  # (max age, interval); None =
    # any age / never

    @classmethod
    def parse(cls, text: str | None) -> RevisitPolicy:
        text = (text or DEFAULT_POLICY).strip()
        if text == "never":
            return cls(((None, None),))
        if text in ("0", "always"):
            return cls(((None, timedelta(0)),))
        rules = []
        for part in text.split(","):
            age, sep, every = part.partition(":")
            if not sep:
                raise ValueError(f"revisit rule {part!r}: expected AGE:EVERY, e.g. 7d:6h")
            interval = None if every.strip() == "never" else span(every)
            rules.append((None if age.strip() == "*" else span(age), interval))
        return cls(tuple(rules))

    def interval(self, age: timedelta) -> timedelta | None:
        for max_age, every in self.rules:
            if max_age is None or age < max_age:
                return every
        return None

    def due(self, now: datetime, born: datetime | None, checked: datetime | None) -> bool:
        if checked is None:
            return True
        every = self.interval(now - born if born else timedelta.max)
        return every is not None and now - checked >= every


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        dt = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _archive(crawler: Crawler) -> Any:
    from pipelines.context import archive_for

    return archive_for(crawler).db


def known_articles(crawler: Crawler, urls: list[str]) -> set[str]:
    """The URLs of ``urls`` whose article the archive held before this crawl started (by
    canonical URL)."""
    from pipelines.db import known_articles as known

    if not urls:
        return set()
    started = crawler.stats.get_value("start_time") if crawler.stats else None
    before = started.astimezone(UTC).isoformat(timespec="seconds") if started else None
    canon = {u: canonical_url(u) for u in urls}
    found = known(_archive(crawler), sorted(set(canon.values())), before)
    return {u for u, c in canon.items() if c in found}


class IncrementalMiddleware:
    """Downloader middleware: skip known pages that are not due; revisit the due ones with a
    conditional request; turn a 304 into :class:`NotModified` after recording the check."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.policy = RevisitPolicy.parse(crawler.settings.get("REVISIT_POLICY"))
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalMiddleware:
        from scrapy.exceptions import NotConfigured

        if not crawler.settings.getbool("INCREMENTAL", True):
            raise NotConfigured
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if request.meta.get("kind") not in REVISITED_KINDS or "revisit" in request.meta:
            return
        from pipelines.context import archive_for
        from pipelines.db import revisit_info

        archive, canonical = archive_for(self.crawler), canonical_url(request.url)
        archive.reveal(canonical)  # an article stored moments ago may still wait in the group
        info = revisit_info(archive.db, request.url, canonical)
        if info is None or info["error"] or not info["status"] or info["status"] >= 500:
            return  # never fetched, or the last try failed: fetch as new
        now = datetime.now(UTC)
        checked = _time(info["checked_at"])
        lastmod = _time(request.meta.get("lastmod"))
        if lastmod is not None and checked is not None:
            if lastmod <= checked:
                self.stats.inc_value("incremental/lastmod_unchanged")
                raise NotDue(f"unchanged since the last check per sitemap lastmod {lastmod}")
        elif not self.policy.due(now, _time(info["published_at"]) or _time(info["first_seen"]),
                                 checked):
            self.stats.inc_value("incremental/not_due")
            raise NotDue(f"archived, checked {info['checked_at']}: not due yet")
        request.meta["revisit"] = info
        if info["etag"]:
            request.headers["If-None-Match"] = info["etag"]
        if info["last_modified"]:
            request.headers["If-Modified-Since"] = info["last_modified"]
        self.stats.inc_value("incremental/conditional")

    def process_response(self, request: Request, response: Response) -> Response:
        info = request.meta.get("revisit")
        if response.status != 304 or not info:
            return response
        from pipelines.db import mark_not_modified

        at = datetime.now(UTC).isoformat(timespec="seconds")
        mark_not_modified(_archive(self.crawler), info, at)
        self.stats.inc_value("incremental/not_modified")
        raise NotModified(f"not modified since {info['checked_at']}")


def paginate(crawler: Crawler | None, article_urls: list[str]) -> bool:
    """Whether to follow a listing page's next page: always with ``BACKFILL`` or without
    ``INCREMENTAL``; else unless every article the page links is already archived."""
    if crawler is None or not article_urls:
        return True
    settings = crawler.settings
    if settings.getbool("BACKFILL") or not settings.getbool("INCREMENTAL", True):
        return True
    known = known_articles(crawler, article_urls)
    if len(known) < len(set(article_urls)):
        return True
    if crawler.stats is not None:
        crawler.stats.inc_value("incremental/pagination_stopped")
    return False
