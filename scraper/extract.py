"""One page -> one normalized article: what golden tests, `meetarchive extract` and `reparse`
call."""

from __future__ import annotations

from scraper.items import Article
from scraper.normalize import normalize_article
from scraper.parsers import parser_for


def extract(html: str, url: str, fetched_at: str, timezone: str | None = None) -> Article:
    """``parser_for(url).parse`` then ``normalize_article``; ``timezone`` overrides the parser's."""
    return normalize_article(parser_for(url).parse(html, url, fetched_at), timezone)
