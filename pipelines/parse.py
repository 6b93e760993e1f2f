"""ParseStage, the first stage: wraps the spider's ``Page`` in a ``Crawled`` and turns article
pages into normalized articles (``scraper.parsers.page.article_from_page``, the one path every
article takes).

A ``Crawled`` that already has its article or reject (parsed ahead in a worker process:
``pipelines.parallel``) goes on as it is. Blocked and failed responses are never parsed: they go
on with their reject reason. A parser exception becomes a ``parse error`` reject carrying the
message; the page row is still stored.
"""

from __future__ import annotations

import logging
from typing import Any, Self

from pipelines.validate import PARSE_ERROR, page_reject
from scraper.items import Crawled, Page
from scraper.parsers.page import article_from_page

logger = logging.getLogger(__name__)


class ParseStage:
    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        return cls()

    def process_item(self, item: Page | Crawled) -> Crawled:
        crawled = item if isinstance(item, Crawled) else Crawled(page=item)
        page = crawled.page
        if page.kind != "article" or crawled.article or crawled.reject or page_reject(page):
            return crawled
        try:
            crawled.article = article_from_page(page)
        except Exception as exc:  # any parser failure is recorded, never fatal to the crawl
            crawled.reject = PARSE_ERROR
            crawled.reject_detail = f"{type(exc).__name__}: {exc}"[:500]
            logger.warning("parse error on %s: %s", page.url, crawled.reject_detail)
        return crawled
