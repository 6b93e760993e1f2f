"""Incremental recrawls: pages already archived are fetched again only when due, and then with a
conditional request; a 304 costs no parsing.

* Only article and results pages are subject to it (``request.meta["kind"]``); robots.txt,
  listings and feeds are always fetched; the ``news`` spider reads sitemaps when due
  (:class:`SitemapSchedule`).
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
Spiders ask :func:`paginate` whether to follow a listing page's next page (by the archived articles
it links, unless ``BACKFILL``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from scraper.crawl.errors import NotRequested
from scraper.parsers.keys import canonical_url

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
        elif not self.policy.due(
            now, _time(info["published_at"]) or _time(info["first_seen"]), checked
        ):
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


def paginate(crawler: Crawler | None, article_urls: list[str], only_new: bool = False) -> bool:
    """Whether to follow a listing page's next page: always with ``BACKFILL`` or without
    ``INCREMENTAL``; else unless every article the page links is already archived, or, with
    ``only_new``, only when none of them is (a listing is newest first: an archived article on
    a page means that what is new ends on that page)."""
    if crawler is None or not article_urls:
        return True
    settings = crawler.settings
    if settings.getbool("BACKFILL") or not settings.getbool("INCREMENTAL", True):
        return True
    known = known_articles(crawler, article_urls)
    if not known if only_new else len(known) < len(set(article_urls)):
        return True
    if crawler.stats is not None:
        crawler.stats.inc_value("incremental/pagination_stopped")
    return False


# A sitemap read (1 - SITEMAP_SLACK) x its interval ago is due again, so that a daily cron job
# with a 1-day interval reads it every day although its start time moves a little.
SITEMAP_SLACK = 0.1
_DAY_ONLY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")


def _lastmod_end(text: str | None) -> datetime | None:
    """A ``<lastmod>`` as the latest moment it may stand for (a bare date: the end of that
    day)."""
    moment = _time(text)
    if moment is not None and text and _DAY_ONLY.match(text):
        moment += timedelta(days=1)
    return moment


class SitemapSchedule:
    """Which sitemaps an incremental run reads (the ``news`` spider's).

    * A source's sitemaps and sitemap indexes (its own and its hosts' robots.txt ``Sitemap:``
      lines) are read when due: when the run that last read them cleanly (see
      ``pipelines.db.clean_reads``) started at least the source's ``sitemap_interval`` ago. Only
      for a source that also has start URLs or feeds, which every run reads: a sitemap-only
      source reads its sitemaps every run.
    * A child sitemap of an index whose ``<lastmod>`` there is not after its last clean read is
      not read again (whatever the source).
    * Without ``INCREMENTAL`` (``crawl --full``) every sitemap is read.

    Counters: ``incremental/sitemap_not_due``, ``incremental/sitemap_unchanged``.
    """

    def __init__(self, crawler: Crawler, spider: str) -> None:
        self.crawler = crawler
        self.spider = spider
        self.enabled = crawler.settings.getbool("INCREMENTAL", True)

    def _reads(self, urls: list[str]) -> dict[str, tuple[str, str]]:
        from pipelines.db import clean_reads

        return clean_reads(_archive(self.crawler), self.spider, urls)

    def due(self, url: str, interval: float, other_paths: bool) -> bool:
        """Whether to read the sitemap ``url`` of a source with this ``interval`` (seconds) and,
        with ``other_paths``, start URLs or feeds."""
        if not self.enabled or not other_paths or interval <= 0:
            return True
        read = self._reads([url]).get(url)
        started = _time(read[0]) if read else None
        if started is None:
            return True
        if datetime.now(UTC) - started >= timedelta(seconds=interval * (1 - SITEMAP_SLACK)):
            return True
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("incremental/sitemap_not_due")
        return False

    def unchanged(self, children: list[tuple[str, str | None]]) -> set[str]:
        """The child sitemaps of ``(url, lastmod)`` pairs (from an index) whose lastmod is not
        after their last clean read."""
        if not self.enabled:
            return set()
        dated = {
            url: end for url, lastmod in children if (end := _lastmod_end(lastmod)) is not None
        }
        reads = self._reads(sorted(dated))
        same = {
            url
            for url, (_, fetched) in reads.items()
            if (at := _time(fetched)) is not None and dated[url] <= at
        }
        if same and self.crawler.stats is not None:
            self.crawler.stats.inc_value("incremental/sitemap_unchanged", len(same))
        return same
