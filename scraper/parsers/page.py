"""One fetched page -> one normalized article: the single path every article takes, whether it was
crawled (``pipelines.parse.ParseStage``), rebuilt from the archive (``meetarchive reparse``),
imported from a web archive (``meetarchive import-warc``), read from a file
(``meetarchive extract``) or checked against its golden (tests/goldens.py)."""

from __future__ import annotations

from typing import Any

from scraper.items import Article, Page
from scraper.parsers.hints import apply_hints, parser_for_page
from scraper.parsers.normalize import normalize_article
from scraper.text.encoding import decode_html


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


def article_from_page(page: Page) -> Article:
    """The article ``page`` holds: its bytes decoded (the bytes decide, the header's charset breaks
    ties: ``scraper.text.encoding``), read by its parser (the one its source asks for, else the
    one claiming its URL, else the generic one), what a sitemap or feed said of it filled in where
    the page states nothing (``scraper.parsers.hints``), then normalized (dates in the site's zone,
    people, whitespace: ``scraper.parsers.normalize``). Raises what the parser raises
    (``ParseError`` for a page it cannot read)."""
    html, _ = decode_html(page.body, header(page.headers, "Content-Type"))
    article = parser_for_page(page).parse(html, page.url, page.fetched_at)
    return normalize_article(apply_hints(article, page.meta))
