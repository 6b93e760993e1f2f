"""Spider ``news``: any news source declared in the sources file (``scraper.sources``), no code.

``meetarchive crawl news -a source=NAME`` (or every source when ``source`` is omitted or ``all``;
``-a sources=PATH`` or ``--sources PATH`` picks the file). For each source it reads:

* the ``Sitemap:`` lines of each of its hosts' robots.txt (unless ``robots_sitemaps = false``), as
  Scrapy's RobotsTxtMiddleware reads it (the ``robots_parsed`` signal: fetched once);
* its XML sitemaps and sitemap indexes, Google News sitemaps included, and its RSS/Atom feeds;
* its start URLs (listing pages): article links on them (``allow``/``deny``), further listing
  pages (``listings`` patterns and ``rel=next`` links) up to ``max_listing_pages``.

Re-runs (incremental, ``scraper.incremental``): feeds and start URLs every run; sitemaps when due
(``SitemapSchedule``: once per ``sitemap_interval`` for a source that has start URLs or feeds,
every run for a sitemap-only source; index children unchanged per ``<lastmod>`` skipped); a further
listing page only when every article the page lists outside its chrome is new.

It only crawls: one ``Page`` per response (``article`` for article URLs, ``listing`` for sitemaps,
feeds and listing pages). What a sitemap or feed says about an article travels in the
article's ``Page.meta``: ``published`` (``news:publication_date``, ``pubDate``, Atom ``published``),
``title`` (``news:title``, item title), ``lastmod``; with the source's ``parser`` and ``timezone``.
``scraper.hints.apply_hints`` turns them into fallbacks for what the page itself does not state.
Robots.txt rules apply to every request, feeds and sitemaps included (Scrapy's RobotsTxtMiddleware).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response, TextResponse

from scraper.incremental import SitemapSchedule, paginate
from scraper.items import Page
from scraper.sitemaps import parse_document
from scraper.sources import Source, load_sources, select, span_text
from scraper.spiders.base import PageSpider
from scraper.urls import canonical_url

MAX_SITEMAP_DEPTH = 3  # sitemap index -> sitemap index -> sitemap: deeper nesting is not followed
HINT_KEYS = ("published", "title", "lastmod")


class NewsSpider(PageSpider):
    name = "news"

    def __init__(self, source: str | None = None, sources: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.source_arg = source
        self.sources_file = sources
        self.sources: list[Source] = []
        self.hints: dict[str, dict[str, str]] = {}  # canonical URL -> hints from sitemaps/feeds
        self.listing_budget: dict[str, int] = {}
        self.listings_started = False

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        path = spider.sources_file or crawler.settings.get("SOURCES_FILE")
        spider.sources = select(load_sources(path), spider.source_arg)
        spider.allowed_domains = sorted({h for s in spider.sources for h in s.all_hosts})
        spider.listing_budget = {s.name: s.max_listing_pages for s in spider.sources}
        apply_source_settings(crawler.settings, spider.sources)
        spider.schedule = SitemapSchedule(crawler, cls.name)
        return spider

    # -- requests --------------------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """robots.txt, sitemaps and feeds first; listing pages once they are all read (so an
        article that a listing links gets the hints its sitemap entry gives)."""
        self.crawler.signals.connect(self.on_idle, signal=signals.spider_idle)
        self.crawler.signals.connect(self.on_robots, signal=signals.robots_parsed)
        for source in self.sources:
            for request in self.discovery_requests(source):
                yield request

    def on_idle(self) -> None:
        if self.listings_started:
            return
        self.listings_started = True
        requests = [self.request(url, s, "listing", priority=20)
                    for s in self.sources for url in s.start_urls]
        if requests:
            assert self.crawler.engine is not None
            for request in requests:
                self.crawler.engine.crawl(request)
            raise DontCloseSpider

    def on_robots(self, robotparser: Any, request: scrapy.Request) -> None:
        """A host's robots.txt, as Scrapy's RobotsTxtMiddleware fetched and parsed it (once per
        host, before the first request to it): its ``Sitemap:`` lines become sitemap requests of
        the sources on that host (no second fetch of robots.txt)."""
        parts = urlsplit(request.url)
        origin = f"{parts.scheme}://{parts.netloc}"
        urls = list(getattr(getattr(robotparser, "rp", None), "sitemaps", None) or ())
        assert self.crawler.engine is not None
        for source in self.sources:
            if not source.robots_sitemaps or origin not in _origins(source):
                continue
            for url in dict.fromkeys(urljoin(origin + "/", u) for u in urls):
                if (url not in source.sitemaps and source.on_site(url)
                        and self.sitemap_due(source, url)):
                    self.crawler.engine.crawl(self.request(url, source, "sitemap",
                                                           f"{origin}/robots.txt", priority=25))

    def sitemap_due(self, source: Source, url: str) -> bool:
        """Incremental runs read a source's sitemaps when due (``scraper.incremental``)."""
        due = self.schedule.due(url, source.sitemap_interval,
                                bool(source.start_urls or source.feeds))
        if not due:
            self.logger.info("Sitemap not due (read less than %s ago): %s",
                             span_text(source.sitemap_interval), url)
        return due

    def discovery_requests(self, source: Source) -> Iterator[scrapy.Request]:
        for url in source.sitemaps:
            if self.sitemap_due(source, url):
                yield self.request(url, source, "sitemap", priority=25)
        for url in source.feeds:
            yield self.request(url, source, "feed", priority=25)

    def request(self, url: str, source: Source, role: str, listing: str | None = None,
                priority: int = 0, depth: int = 0) -> scrapy.Request:
        callback = {"sitemap": self.parse_document,
                    "feed": self.parse_document, "listing": self.parse_listing,
                    "article": self.parse_article}[role]
        meta: dict[str, Any] = {"kind": "article" if role == "article" else "listing",
                                "role": role, "source": source.name, "listing": listing,
                                "sitemap_depth": depth}
        if source.browser and role in ("article", "listing"):
            meta["browser"] = True
        if source.private_addresses is not None:
            meta["allow_private_addresses"] = source.private_addresses
        return scrapy.Request(url, callback=callback, errback=self.on_error, meta=meta,
                              priority=priority)

    def source_of(self, response: Response | scrapy.Request) -> Source:
        name = response.meta["source"]
        return next(s for s in self.sources if s.name == name)

    def article_request(self, url: str, source: Source, listing: str,
                        hints: dict[str, str | None] | None = None) -> scrapy.Request | None:
        url = urldefrag(url)[0]
        if not source.is_article(url):
            return None
        if hints:
            known = self.hints.setdefault(canonical_url(url), {})
            for key in HINT_KEYS:
                if hints.get(key) and not known.get(key):
                    known[key] = str(hints[key])
        request = self.request(url, source, "article", listing, priority=10)
        if hints and hints.get("lastmod"):
            request.meta["lastmod"] = hints["lastmod"]  # incremental: skip if unchanged since
        return request

    # -- callbacks -------------------------------------------------------------------------------

    def parse_document(self, response: Response) -> Iterator[Page | scrapy.Request]:
        """A sitemap, sitemap index, Google News sitemap, RSS or Atom feed."""
        page = self.page(response)
        if page.blocked:
            yield page
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
                self.logger.warning("Sitemap index nested too deep, not followed: %s",
                                    response.url)
                return
            children = [e for e in doc.entries
                        if source.on_site(e.url) and not source.denied(e.url)]
            unchanged = self.schedule.unchanged([(e.url, e.lastmod) for e in children])
            for entry in children:
                if entry.url in unchanged:
                    self.logger.debug("Sitemap unchanged since its last read: %s", entry.url)
                else:
                    yield self.request(entry.url, source, "sitemap", response.url,
                                       priority=25, depth=depth + 1)
            return
        for entry in doc.entries:
            request = self.article_request(entry.url, source, response.url, {
                "published": entry.published, "title": entry.title, "lastmod": entry.lastmod})
            if request is not None:
                yield request

    def parse_listing(self, response: Response) -> Iterator[Page | scrapy.Request]:
        page = self.page(response)
        yield page
        if page.blocked or not isinstance(response, TextResponse):
            return
        source = self.source_of(response)
        nexts = set(response.css("a[rel~=next]::attr(href), link[rel~=next]::attr(href)")
                    .getall())
        listings, articles = [], []
        for href in response.css("a::attr(href)").getall() + sorted(nexts):
            url = urldefrag(response.urljoin(href.strip()))[0]
            if href in nexts or source.is_listing(url):
                if source.on_site(url) and not source.denied(url):
                    listings.append(url)
            elif source.is_article(url):
                articles.append(url)
        for url in articles:
            request = self.article_request(url, source, response.url)
            if request is not None:
                yield request
        # incremental: deeper listing pages only when the page's articles are all new (page
        # chrome, a "most read" box in an <aside>, does not count)
        if not paginate(self.crawler, listed_articles(response, source) or articles,
                        only_new=True):
            return
        for url in dict.fromkeys(listings):
            if self.listing_budget[source.name] > 0:
                self.listing_budget[source.name] -= 1
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
            out.update(self.hints.get(canonical_url(url), {}))
        return out

    def source_of_name(self, name: str) -> Source:
        return next(s for s in self.sources if s.name == name)


def apply_source_settings(settings: Any, sources: list[Source]) -> None:
    """Per-source politeness (a delay floor and concurrency per host, via ``DOWNLOAD_SLOTS``) and
    time zones (``SOURCE_TIMEZONES``), set before the crawler freezes its settings."""
    slots = dict(settings.getdict("DOWNLOAD_SLOTS"))
    zones = dict(settings.getdict("SOURCE_TIMEZONES"))
    for source in sources:
        if source.timezone:
            zones[source.name] = source.timezone
        for host in source.all_hosts:
            conf = dict(slots.get(host, {}))
            if source.delay is not None:
                conf["delay"] = max(source.delay, float(conf.get("delay", 0.0)))
                conf["jitter"] = 0.0
            if source.concurrency is not None:
                conf["concurrency"] = source.concurrency
            if conf:
                slots[host] = conf
    settings.set("DOWNLOAD_SLOTS", slots, priority="spider")
    settings.set("SOURCE_TIMEZONES", zones, priority="spider")


# Links in a page's chrome: navigation, sidebars ("most read"), the site's header and footer (an
# <article>'s own header or footer is content).
_OUTSIDE_CHROME = ("//a[not(ancestor::nav or ancestor::aside"
                   " or ancestor::header[not(ancestor::article)]"
                   " or ancestor::footer[not(ancestor::article)]"
                   " or ancestor::*[@role='navigation' or @role='complementary'])]/@href")


def listed_articles(response: TextResponse, source: Source) -> list[str]:
    """The article URLs a listing page links outside its chrome."""
    urls = (urldefrag(response.urljoin(h.strip()))[0]
            for h in response.xpath(_OUTSIDE_CHROME).getall())
    return [u for u in dict.fromkeys(urls) if source.is_article(u)]


def _origins(source: Source) -> set[str]:
    return {f"{p.scheme}://{p.netloc}"
            for p in map(urlsplit, (*source.start_urls, *source.sitemaps, *source.feeds))}
