"""Spider for DyeStat and every other host the RunnerSpace platform serves.

It only crawls: one ``Page`` per response it handles, and Requests. Discovery follows the platform's
URL scheme (see ../shared/sites/runnerspace.md): group news walls and their "View More" JSON loader,
year archives, event profiles, their news lists and Results pages, and articles
(``gprofile.php?mgroup_id=G&do=news&news_id=N``, ``eprofile.php?event_id=E&do=news&news_id=N``).
Everything else (Like/Share/stats/comments/RSS links, member profiles, photos, videos, other groups'
homes) is never followed. Parsing happens in the pipelines.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import scrapy
from parsel.csstranslator import css2xpath
from scrapy.http import Response, TextResponse
from scrapy.selector import Selector

from scraper.crawl.incremental import paginate
from scraper.items import Page
from scraper.parsers.runnerspace.scheme import (
    PLATFORM_DOMAINS,
    link_kind,
    news_only,
    result_file,
)
from scraper.spiders.base import PageSpider
from scraper.spiders.links import cut_reason, first, first_links

WALL_TITLES = "#wall_content div.wall_block_news div.wall_title > a::attr(href)"
# A Results section: the folder's other pages, the other year folders, the links in its text.
RESULTS_PAGES = "#custompages .page_block:not(.selected_page) a::attr(href)"
RESULTS_FOLDERS = "#customfolders .album_block:not(.selected_album) a::attr(href)"
RESULTS_FILES = f"({css2xpath('#cpage_editor, .main')})//a/@href"


def _query(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))


class RunnerSpaceSpider(PageSpider):
    name = "runnerspace"
    source = "runnerspace"
    default_start_urls = ("https://www.dyestat.com/",)

    def __init__(
        self,
        start_urls: str | list[str] | None = None,
        max_wall_pages: str | int | None = None,
        since_year: str | int | None = None,
        **kwargs: Any,
    ) -> None:
        """``start_urls``: comma-separated; ``max_wall_pages``: how many View More loads to
        follow from one wall (default: all); ``since_year``: skip year archives before it
        (default: all years). The last two keep a frequent (cron) crawl short."""
        super().__init__(**kwargs)
        self.max_wall_pages = int(max_wall_pages) if max_wall_pages not in (None, "") else None
        self.since_year = int(since_year) if since_year not in (None, "") else None
        if isinstance(start_urls, str):
            start_urls = start_urls.split(",")
        self.start_urls = [u.strip() for u in start_urls or self.default_start_urls if u.strip()]
        hosts = {urlsplit(u).hostname for u in self.start_urls}
        self.allowed_domains = [*PLATFORM_DOMAINS, *sorted(h for h in hosts if h)]

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            yield self.request(url, link_kind(url) or "listing")

    # -- requests --------------------------------------------------------------------------------

    def request(self, url: str, kind: str, listing: str | None = None) -> scrapy.Request:
        callback, page_kind, priority = {
            "article": (self.parse_article, "article", 20),
            "title": (self.parse_results, "results", 10),
            "file": (self.parse_result_file, "results", 10),
            "wall": (self.parse_wall, "listing", 0),
            "event": (self.parse_event, "listing", 0),
        }.get(kind, (self.parse_listing, "listing", 0))
        meta: dict[str, Any] = {"kind": page_kind, "listing": listing}
        if kind == "file":
            meta["allow_offsite"] = True  # results files live on timing sites
        return scrapy.Request(
            url, callback=callback, errback=self.on_error, meta=meta, priority=priority
        )

    def page_links(self, page: Page, selector: Selector) -> list[str]:
        """The links of ``selector`` (wall titles first), the first ``MAX_LINKS`` of each kind
        (``scraper.spiders.links``); a page holding more is marked incomplete."""
        titles, every = first_links(selector, WALL_TITLES), first_links(selector, "a::attr(href)")
        self.incomplete(page, every.cut or titles.cut)
        return titles.hrefs + every.hrefs

    def follow_links(
        self, response: Response, hrefs: list[str], kinds: frozenset[str]
    ) -> Iterator[scrapy.Request]:
        """Requests for the links ``hrefs`` whose kind is in ``kinds``."""
        links = [(url, link_kind(url)) for url in (response.urljoin(h.strip()) for h in hrefs)]
        # incremental: no "View More" once a page holds only archived articles (unless BACKFILL)
        more = paginate(
            getattr(self, "crawler", None), [url for url, kind in links if kind == "article"]
        )
        for url, kind in links:
            if kind not in kinds or (kind == "wall" and not more):
                continue
            if not self.wanted(url, kind, response):
                continue
            request = self.request(news_only(url) if kind == "wall" else url, kind, response.url)
            if kind == "wall":
                request.meta["wall_page"] = response.meta.get("wall_page", 0) + 1
            yield request

    def wanted(self, url: str, kind: str | None, response: Response) -> bool:
        """False for View More loads beyond ``max_wall_pages`` and archives before
        ``since_year``."""
        if kind == "wall" and self.max_wall_pages is not None:
            return response.meta.get("wall_page", 0) < self.max_wall_pages
        if kind == "archive" and self.since_year is not None:
            year = _query(url).get("year", "")
            return not year.isdigit() or int(year) >= self.since_year
        return True

    # -- callbacks -------------------------------------------------------------------------------

    def parse_listing(self, response: Response) -> Iterator[Page | scrapy.Request]:
        """A group home / news wall, a year archive or an event's news list."""
        page = self.page(response)
        if (
            page.blocked
            or not isinstance(response, TextResponse)
            or self.unreadable(page, response.body)
        ):
            yield page
            return
        hrefs = self.page_links(page, response.selector)
        yield page
        yield from self.follow_links(
            response, hrefs, frozenset({"article", "wall", "archive", "event_news", "event"})
        )

    def parse_wall(self, response: Response) -> Iterator[Page | scrapy.Request]:
        """The View More loader: JSON whose ``html`` holds more wall items and the next View
        More link."""
        page = self.page(response)
        if page.blocked:
            yield page
            return
        try:
            html = json.loads(response.body).get("html") or ""
        except (ValueError, AttributeError):
            yield page
            self.logger.warning("View More answer is not the expected JSON: %s", response.url)
            return
        if self.unreadable(page, html):
            yield page
            return
        hrefs = self.page_links(page, Selector(text=html))
        yield page
        yield from self.follow_links(response, hrefs, frozenset({"article", "wall"}))

    def parse_event(self, response: Response) -> Iterator[Page | scrapy.Request]:
        """An event profile: its news list, its Results section(s), article links in its menus."""
        page = self.page(response)
        if (
            page.blocked
            or not isinstance(response, TextResponse)
            or self.unreadable(page, response.body)
        ):
            yield page
            return
        anchors, total = first(response.selector, "//a[@href]")
        self.incomplete(page, cut_reason(total))
        yield page
        event_id = _query(response.url).get("event_id")
        for link in anchors:
            url = response.urljoin(link.attrib["href"].strip())
            kind = link_kind(url)
            if _query(url).get("event_id") != event_id and kind != "article":
                continue
            if kind == "title":
                text = " ".join(link.css("*::text").getall()).lower()
                query = _query(url)
                if "result" not in text or "folder_id" in query or "page_id" in query:
                    continue  # Meet Info, History...; folders are reached from the section
            if kind in ("article", "event_news", "title", "wall"):
                yield self.request(news_only(url) if kind == "wall" else url, kind, response.url)

    def parse_results(self, response: Response) -> Iterator[Page | scrapy.Request]:
        """An event's Results section: the page shown, then the other year folders (from the
        section's landing page) and the other pages of the folder shown."""
        page = self.page(response)
        if (
            page.blocked
            or not isinstance(response, TextResponse)
            or self.unreadable(page, response.body)
        ):
            yield page
            return
        here = _query(response.url)
        pages = first_links(response.selector, RESULTS_PAGES)
        folders = first_links(response.selector, RESULTS_FOLDERS)
        files = first_links(response.selector, xpath=RESULTS_FILES)
        self.incomplete(page, pages.cut or folders.cut or files.cut)
        yield page
        others = pages.hrefs
        if "folder_id" not in here:  # the section's landing page lists every year folder
            others += folders.hrefs
        for href in others:
            url = response.urljoin(href.strip())
            query = _query(url)
            if (
                link_kind(url) == "title"
                and query.get("event_id") == here.get("event_id")
                and query.get("title_id") == here.get("title_id")
            ):
                yield self.request(url, "title", response.url)
        for href in dict.fromkeys(files.hrefs):
            url = response.urljoin(href.strip())
            if result_file(url):
                yield self.request(url, "file", response.url)

    def parse_result_file(self, response: Response) -> Iterator[Page]:
        """A results file (text, PDF, ...): stored and parsed by the pipelines."""
        yield self.page(response)


class DyeStatSpider(RunnerSpaceSpider):
    """The same spider under the name people know the site by."""

    name = "dyestat"
