"""Spider ``news``: any news source declared in the sources file (``scraper.crawl.sources``), no
code.

``meetarchive crawl news -a source=NAME`` (or every source when ``source`` is omitted or ``all``;
``-a sources=PATH`` or ``--sources PATH`` picks the file). For each source it reads:

* the ``Sitemap:`` lines of each of its hosts' robots.txt (unless ``robots_sitemaps = false``), as
  Scrapy's RobotsTxtMiddleware reads it (the ``robots_parsed`` signal: fetched once);
* its XML sitemaps and sitemap indexes, Google News sitemaps included, and its RSS/Atom feeds;
* its start URLs (listing pages): article links on them (``allow``/``deny``), further listing
  pages (``listings`` patterns and ``rel=next`` links) up to ``max_listing_pages``.

Re-runs (incremental, ``scraper.crawl.incremental``): feeds and start URLs every run; sitemaps when
due (``SitemapSchedule``: once per ``sitemap_interval`` for a source that has start URLs or feeds,
every run for a sitemap-only source; index children unchanged per ``<lastmod>`` skipped); a further
listing page only when every article the page lists outside its chrome is new.

It only crawls: one ``Page`` per response (``article`` for article URLs, ``listing`` for sitemaps,
feeds and listing pages). What a sitemap or feed says about an article travels in the
article's ``Page.meta``: ``published`` (``news:publication_date``, ``pubDate``, Atom ``published``),
``title`` (``news:title``, item title), ``lastmod``; with the source's ``parser`` and ``timezone``.
``scraper.parsers.hints.apply_hints`` turns them into fallbacks for what the page itself does not
state. Robots.txt rules apply to every request, feeds and sitemaps included (Scrapy's
RobotsTxtMiddleware).

Memory does not grow with the site: sitemap and feed entries wait in a backlog of tuples and are
released ``NEWS_BACKLOG_IN_FLIGHT`` requests at a time as earlier ones complete; child sitemaps
are read while the backlog holds fewer than ``NEWS_BACKLOG_READ_AHEAD`` entries; listing pages
start when the backlog is empty (``spider_idle``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from scraper.crawl.incremental import SitemapSchedule, paginate
from scraper.crawl.politeness import apply_source_settings
from scraper.crawl.sitemaps import parse_document
from scraper.crawl.sources import Source, load_sources, select, span_text
from scraper.items import Page
from scraper.spiders.base import PageSpider
from scraper.spiders.listings import listed_articles, listing_links

MAX_SITEMAP_DEPTH = 3  # sitemap index -> sitemap index -> sitemap: deeper nesting is not followed
HINT_KEYS = ("published", "title", "lastmod")
# Article requests from the backlog (sitemap and feed entries) queued or downloading at a time, at
# most: the scheduler never holds a whole sitemap's worth of requests (NEWS_BACKLOG_IN_FLIGHT).
BACKLOG_IN_FLIGHT = 64
# The next child sitemap of an index is read while the backlog holds fewer entries than this
# (NEWS_BACKLOG_READ_AHEAD): memory stays bounded by it (and one sitemap, at most 50,000 entries),
# and an article listed in two sitemaps read close together gets what both say.
BACKLOG_READ_AHEAD = 10_000

# A sitemap or feed entry waiting in the backlog: (source name, the document that listed it,
# published, title, lastmod), the hints in HINT_KEYS order.
Pending = tuple[str, str, str | None, str | None, str | None]


class NewsSpider(PageSpider):
    name = "news"
    # set by from_crawler, from the sources file and the archive
    allowed_domains: list[str]
    schedule: SitemapSchedule

    def __init__(
        self, source: str | None = None, sources: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.source_arg = source
        self.sources_file = sources
        self.sources: list[Source] = []
        self.listing_budget: dict[str, int] = {}
        self.listings_requested: set[str] = set()  # a listing page costs budget once
        self.listings_started = False
        # Sitemap and feed entries not yet requested, released BACKLOG_IN_FLIGHT at a time as the
        # earlier ones complete; an entry listed twice before its release merges its hints.
        self.backlog: dict[str, Pending] = {}
        self.backlog_order: deque[str] = deque()
        self.in_flight = 0  # backlog requests not yet answered, failed or dropped
        # child sitemaps of an index, fetched one at a time when the backlog runs low:
        # (url, source name, index url, depth)
        self.child_sitemaps: deque[tuple[str, str, str, int]] = deque()
        self.sitemaps_in_flight = 0
        self.backlog_limit = BACKLOG_IN_FLIGHT
        self.read_ahead = BACKLOG_READ_AHEAD

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        path = spider.sources_file or crawler.settings.get("SOURCES_FILE")
        spider.sources = select(load_sources(path), spider.source_arg)
        spider.allowed_domains = sorted({h for s in spider.sources for h in s.all_hosts})
        spider.listing_budget = {s.name: s.max_listing_pages for s in spider.sources}
        apply_source_settings(crawler.settings, spider.sources)
        spider.schedule = SitemapSchedule(crawler, cls.name)
        spider.backlog_limit = crawler.settings.getint("NEWS_BACKLOG_IN_FLIGHT", BACKLOG_IN_FLIGHT)
        spider.read_ahead = crawler.settings.getint("NEWS_BACKLOG_READ_AHEAD", BACKLOG_READ_AHEAD)
        return spider

    # -- requests --------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """robots.txt, sitemaps and feeds first; listing pages once they are all read (so an
        article that a listing links gets the hints its sitemap entry gives)."""
        self.crawler.signals.connect(self.on_idle, signal=signals.spider_idle)
        self.crawler.signals.connect(self.on_robots, signal=signals.robots_parsed)
        self.crawler.signals.connect(self.on_dropped, signal=signals.request_dropped)
        for source in self.sources:
            for request in self.discovery_requests(source):
                yield request

    def on_idle(self) -> None:
        """Nothing queued or downloading: the rest of the backlog (a safety net: requests that
        left without a callback, errback or drop signal are no longer counted), then, once every
        sitemap and feed entry was requested, the listing pages."""
        assert self.crawler.engine is not None
        self.in_flight = self.sitemaps_in_flight = 0
        requests = list(self.release())
        if not requests and not self.listings_started:
            self.listings_started = True
            requests = [
                self.request(url, s, "listing", priority=20)
                for s in self.sources
                for url in s.start_urls
            ]
            self.listings_requested.update(r.url for r in requests)
        for request in requests:
            self.crawler.engine.crawl(request)
        if requests:
            raise DontCloseSpider

    def on_dropped(self, request: scrapy.Request) -> None:
        """A request the scheduler dropped (already requested in this crawl)."""
        self.settle(request.meta)

    def settle(self, meta: dict[str, Any]) -> None:
        """One backlog request (article or child sitemap) is done (``meta``: its meta)."""
        if meta.get("backlog") == "article":
            self.in_flight = max(0, self.in_flight - 1)
        elif meta.get("backlog") == "sitemap":
            self.sitemaps_in_flight = max(0, self.sitemaps_in_flight - 1)

    def release(self) -> Iterator[scrapy.Request]:
        """Backlog entries as requests, up to ``backlog_limit`` in flight; the next child sitemap
        when the backlog holds fewer than ``read_ahead`` entries."""
        while self.in_flight < self.backlog_limit and self.backlog_order:
            url = self.backlog_order.popleft()
            pending = self.backlog.pop(url, None)
            if pending is None:
                continue
            name, listing, *hints = pending
            request = self.request(url, self.source_of_name(name), "article", listing, priority=10)
            found = {k: v for k, v in zip(HINT_KEYS, hints, strict=True) if v}
            if found:
                request.meta["hints"] = found
            if found.get("lastmod"):
                request.meta["lastmod"] = found["lastmod"]  # incremental: skip if unchanged
            request.meta["backlog"] = "article"
            self.in_flight += 1
            yield request
        if (
            self.child_sitemaps
            and not self.sitemaps_in_flight
            and len(self.backlog) < self.read_ahead
        ):
            url, name, index, depth = self.child_sitemaps.popleft()
            request = self.request(
                url, self.source_of_name(name), "sitemap", index, priority=25, depth=depth
            )
            request.meta["backlog"] = "sitemap"
            self.sitemaps_in_flight += 1
            yield request

    def add_to_backlog(
        self,
        url: str,
        source: Source,
        listing: str,
        published: str | None,
        title: str | None,
        lastmod: str | None,
    ) -> None:
        url = urldefrag(url)[0]
        if not source.is_article(url):
            return
        known = self.backlog.get(url)
        if known is None:
            self.backlog[url] = (source.name, listing, published, title, lastmod)
            self.backlog_order.append(url)
        else:  # listed twice: what the first entry does not say, the second may
            self.backlog[url] = (
                known[0],
                known[1],
                known[2] or published,
                known[3] or title,
                known[4] or lastmod,
            )

    def on_robots(self, robotparser: Any, request: scrapy.Request) -> None:
        """A host's robots.txt, as Scrapy's RobotsTxtMiddleware fetched and parsed it (once per
        host, before the first request to it): its ``Sitemap:`` lines become sitemap requests of
        the sources on that host (no second fetch of robots.txt)."""
        parts = urlsplit(request.url)
        origin = f"{parts.scheme}://{parts.netloc}"
        urls = list(getattr(getattr(robotparser, "rp", None), "sitemaps", None) or ())
        assert self.crawler.engine is not None
        for source in self.sources:
            if not source.robots_sitemaps or origin not in source.origins:
                continue
            for url in dict.fromkeys(urljoin(origin + "/", u) for u in urls):
                if (
                    url not in source.sitemaps
                    and source.on_site(url)
                    and self.sitemap_due(source, url)
                ):
                    self.crawler.engine.crawl(
                        self.request(url, source, "sitemap", f"{origin}/robots.txt", priority=25)
                    )

    def sitemap_due(self, source: Source, url: str) -> bool:
        """Incremental runs read a source's sitemaps when due (``scraper.crawl.incremental``)."""
        due = self.schedule.due(
            url, source.sitemap_interval, bool(source.start_urls or source.feeds)
        )
        if not due:
            self.logger.info(
                "Sitemap not due (read less than %s ago): %s",
                span_text(source.sitemap_interval),
                url,
            )
        return due

    def discovery_requests(self, source: Source) -> Iterator[scrapy.Request]:
        for url in source.sitemaps:
            if self.sitemap_due(source, url):
                yield self.request(url, source, "sitemap", priority=25)
        for url in source.feeds:
            yield self.request(url, source, "feed", priority=25)

    def request(
        self,
        url: str,
        source: Source,
        role: str,
        listing: str | None = None,
        priority: int = 0,
        depth: int = 0,
    ) -> scrapy.Request:
        callback = {
            "sitemap": self.parse_document,
            "feed": self.parse_document,
            "listing": self.parse_listing,
            "article": self.parse_article,
        }[role]
        meta: dict[str, Any] = {
            "kind": "article" if role == "article" else "listing",
            "role": role,
            "source": source.name,
            "listing": listing,
            "sitemap_depth": depth,
        }
        if source.browser and role in ("article", "listing"):
            meta["browser"] = True
        if source.private_addresses is not None:
            meta["allow_private_addresses"] = source.private_addresses
        return scrapy.Request(
            url, callback=callback, errback=self.on_error, meta=meta, priority=priority
        )

    def source_of(self, response: Response | scrapy.Request) -> Source:
        name = response.meta["source"]
        return next(s for s in self.sources if s.name == name)

    def article_request(self, url: str, source: Source, listing: str) -> scrapy.Request | None:
        url = urldefrag(url)[0]
        if not source.is_article(url):
            return None
        return self.request(url, source, "article", listing, priority=10)

    # -- callbacks -------------------------------------------------------------------------------

    def parse_document(self, response: Response) -> Iterator[Page | scrapy.Request]:
        """A sitemap, sitemap index, Google News sitemap, RSS or Atom feed."""
        self.settle(response.meta)
        page = self.page(response)
        if page.blocked:
            yield page
            yield from self.release()
            return
        doc = parse_document(response.body, response.url)
        if doc.problem:  # stored, and recorded as a reject with its reason
            self.logger.warning("%s %s %s", response.meta["role"], response.url, doc.problem)
            page.meta["incomplete"] = doc.problem
        yield page
        source = self.source_of(response)
        depth = response.meta.get("sitemap_depth", 0)
        if doc.kind == "sitemapindex":
            if depth >= MAX_SITEMAP_DEPTH:
                self.logger.warning("Sitemap index nested too deep, not followed: %s", response.url)
                yield from self.release()
                return
            children = [
                e for e in doc.entries if source.on_site(e.url) and not source.denied(e.url)
            ]
            unchanged = self.schedule.unchanged([(e.url, e.lastmod) for e in children])
            for entry in children:
                if entry.url in unchanged:
                    self.logger.debug("Sitemap unchanged since its last read: %s", entry.url)
                else:
                    self.child_sitemaps.append((entry.url, source.name, response.url, depth + 1))
        else:
            for entry in doc.entries:
                self.add_to_backlog(
                    entry.url, source, response.url, entry.published, entry.title, entry.lastmod
                )
        del doc
        yield from self.release()

    def parse_article(self, response: Response) -> Iterator[Page | scrapy.Request]:
        self.settle(response.meta)
        yield from super().parse_article(response)
        yield from self.release()

    def on_error(self, failure: Failure) -> Iterator[Page | scrapy.Request]:
        self.settle(failure.request.meta)  # type: ignore[attr-defined]  # set by Scrapy
        yield from super().on_error(failure)
        yield from self.release()

    def parse_listing(self, response: Response) -> Iterator[Page | scrapy.Request]:
        page = self.page(response)
        if page.blocked or not isinstance(response, TextResponse):
            yield page
            return
        if self.unreadable(page, response.body):
            yield page
            return
        source = self.source_of(response)
        listings, articles, links = listing_links(response, source)
        self.incomplete(page, links.cut)  # its first links are followed
        yield page
        for url in articles:
            request = self.article_request(url, source, response.url)
            if request is not None:
                yield request
        # incremental: deeper listing pages only when the page's articles are all new (page
        # chrome, a "most read" box in an <aside>, does not count)
        if not paginate(self.crawler, listed_articles(response, source) or articles, only_new=True):
            return
        for url in dict.fromkeys(listings):  # nav links to pages already asked for cost nothing
            if url not in self.listings_requested and self.listing_budget[source.name] > 0:
                self.listing_budget[source.name] -= 1
                self.listings_requested.add(url)
                yield self.request(url, source, "listing", response.url)

    def source_name(self, meta: dict[str, Any]) -> str:
        return meta["source"]

    # -- pages -----------------------------------------------------------------------------------

    def page_meta(self, meta: dict[str, Any], url: str) -> dict[str, Any]:
        source = self.source_of_name(meta["source"])
        out: dict[str, Any] = {"role": meta["role"]}
        if meta.get("listing"):
            out["listing"] = meta["listing"]
        if meta["role"] == "article":
            out["parser"] = source.parser
            if source.timezone:
                out["timezone"] = source.timezone
            out.update(meta.get("hints") or {})
        return out

    def source_of_name(self, name: str) -> Source:
        return next(s for s in self.sources if s.name == name)
