"""What every meetarchive spider shares.

Each response handled becomes one ``Page``; each failed request a ``Page`` with ``error`` set
(recorded as a reject); deliberate skips (robots.txt, challenge limits) are only logged.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import scrapy
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from scraper.crawl.guards import failure_error
from scraper.items import Page, PageKind
from scraper.spiders.links import too_many_tags


def fetched_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class PageSpider(scrapy.Spider):
    source = ""

    def source_name(self, meta: dict[str, Any]) -> str:
        """The source name a request belongs to."""
        return self.source

    def page_meta(self, meta: dict[str, Any], url: str) -> dict[str, Any]:
        """What the request knew about the page (listing it came from, hints) for the pipelines."""
        return {"listing": meta["listing"]} if meta.get("listing") else {}

    def page(self, response: Response, error: str | None = None) -> Page:
        kind: PageKind = response.meta.get("kind", "other")
        headers = {
            k.decode("latin-1"): b", ".join(v).decode("latin-1")
            for k, v in response.headers.items()
        }
        return Page(
            url=response.url,
            status=response.status,
            headers=headers,
            body=response.body,
            fetched_at=fetched_now(),
            kind=kind,
            source=self.source_name(response.meta),
            spider=self.name,
            blocked=response.meta.get("blocked"),
            error=error,
            meta=self.page_meta(response.meta, response.url),
        )

    def failed_page(self, request: Request, error: str | None) -> Page:
        return Page(
            url=request.url,
            status=0,
            headers={},
            body=b"",
            fetched_at=fetched_now(),
            kind=request.meta.get("kind", "other"),
            source=self.source_name(request.meta),
            spider=self.name,
            error=error,
            meta=self.page_meta(request.meta, request.url),
        )

    def unreadable(self, page: Page, markup: bytes | str) -> bool:
        """True (the page marked incomplete, with why) when ``markup`` is too large to parse for
        links: ``scraper.spiders.links``."""
        problem = too_many_tags(markup)
        self.incomplete(page, problem)
        return problem is not None

    def incomplete(self, page: Page, problem: str | None) -> None:
        """Mark ``page`` an incomplete document (an ``incomplete document`` reject) for
        ``problem``, if any."""
        if problem:
            self.logger.warning("%s %s", page.url, problem)
            page.meta["incomplete"] = problem

    def parse_article(self, response: Response) -> Iterator[Page | Request]:
        yield self.page(response)

    def on_error(self, failure: Failure) -> Iterator[Page | Request]:
        """HTTP errors and failed downloads become Pages with ``error`` set (recorded as
        rejects)."""
        request = failure.request  # type: ignore[attr-defined]  # set by Scrapy on errback failures
        if isinstance(failure.value, HttpError):
            response = failure.value.response
            yield self.page(response, error=f"HTTP {response.status}")
        elif failure_error(failure) is None:  # robots.txt, a host sending challenges
            self.logger.info("Not requested: %s (%s)", request.url, failure.value)
        else:
            self.logger.warning("Download failed: %s (%s)", request.url, failure.getErrorMessage())
            self.crawler.stats.inc_value("meetarchive/failed_downloads")
            yield self.failed_page(request, failure_error(failure))
