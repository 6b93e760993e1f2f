"""ParseStage, the first stage: wraps the spider's ``Page`` in a ``Crawled`` and parses article
pages (decode the bytes with scraper.encoding, then the page's parser).

Blocked and failed responses are never parsed: they go on with their reject reason. A parser
exception becomes a ``parse error`` reject carrying the message; the page row is still stored.
"""

from __future__ import annotations

import logging
from typing import Any, Self

from pipelines.validate import PARSE_ERROR, page_reject
from scraper.encoding import decode_html
from scraper.hints import apply_hints, parser_for_page
from scraper.items import Article, Crawled, Page

logger = logging.getLogger(__name__)


def header(headers: dict[str, Any], name: str) -> str | None:
    """A header value by case-insensitive name (lists: the first value)."""
    for key, value in headers.items():
        if key.lower() == name.lower():
            if isinstance(value, list | tuple):
                value = value[0] if value else None
            if isinstance(value, bytes):
                value = value.decode("latin-1")
            return value
    return None


def parse_page(page: Page) -> Article:
    """The article a stored/fetched page holds, as its parser reads it (not yet normalized)."""
    parser = parser_for_page(page)  # the source's parser (Page.meta), else the URL's
    html, _ = decode_html(page.body, header(page.headers, "Content-Type"))
    # sitemap/feed hints (news spider) fill what the page does not state
    return apply_hints(parser.parse(html, page.url, page.fetched_at), page.meta)


class ParseStage:
    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        return cls()

    def process_item(self, item: Page | Crawled) -> Crawled:
        crawled = item if isinstance(item, Crawled) else Crawled(page=item)
        page = crawled.page
        if page.kind != "article" or crawled.article is not None or page_reject(page):
            return crawled
        try:
            crawled.article = parse_page(page)
        except Exception as exc:  # any parser failure is recorded, never fatal to the crawl
            crawled.reject = PARSE_ERROR
            crawled.reject_detail = f"{type(exc).__name__}: {exc}"[:500]
            logger.warning("parse error on %s: %s", page.url, crawled.reject_detail)
        return crawled
