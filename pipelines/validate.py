"""ValidateStage: pages that cannot give an article become rejects with a reason (never dropped).

Reasons: ``blocked`` (an anti-bot challenge page), ``http error`` (status >= 400), ``fetch error``
(no response at all), ``incomplete document`` (a sitemap or feed cut at its bounds or unreadable;
the part read is still used), ``parse error`` (set by the parse stage), ``no headline``,
``no body``, ``no url`` (a parser gave no canonical URL).
"""

from __future__ import annotations

from typing import Any, Self

from scraper.items import Crawled, Page

BLOCKED = "blocked"
HTTP_ERROR = "http error"
FETCH_ERROR = "fetch error"
INCOMPLETE = "incomplete document"
PARSE_ERROR = "parse error"
NO_HEADLINE = "no headline"
NO_BODY = "no body"
NO_URL = "no url"


def page_reject(page: Page) -> tuple[str, str] | None:
    """(reason, detail) when the response itself rules out an article, else None."""
    if page.blocked:
        return BLOCKED, page.blocked
    if page.status == 0:
        return FETCH_ERROR, page.error or "no response"
    if page.status >= 400:
        return HTTP_ERROR, page.error or f"HTTP {page.status}"
    if page.error:
        return FETCH_ERROR, page.error
    if page.meta.get("incomplete"):
        return INCOMPLETE, page.meta["incomplete"]
    return None


def item_reject(item: Crawled) -> tuple[str, str | None] | None:
    """The first reason this item has no storable article, else None."""
    if item.reject:
        return item.reject, item.reject_detail
    found = page_reject(item.page)
    if found:
        return found
    art = item.article
    if art is None:
        return None  # a listing or results page: stored as a page, nothing to validate
    if not (art.canonical_url or "").strip():
        return NO_URL, None
    if not (art.headline or "").strip():
        return NO_HEADLINE, None
    if not (art.body or "").strip():
        return NO_BODY, None
    return None


class ValidateStage:
    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        return cls()

    def process_item(self, item: Crawled) -> Crawled:
        found = item_reject(item)
        if found:
            item.reject, item.reject_detail = found
            item.article = None
        return item
