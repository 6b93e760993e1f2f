"""NormalizeStage: raw article fields -> normalized ones (scraper.normalize), with the source's
time zone from the SOURCE_TIMEZONES setting (``{source name: IANA zone}``)."""

from __future__ import annotations

from typing import Any, Self

from scraper.items import Crawled
from scraper.normalize import normalize_article


class NormalizeStage:
    def __init__(self, timezones: dict[str, str] | None = None) -> None:
        self.timezones = dict(timezones or {})

    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        return cls(crawler.settings.getdict("SOURCE_TIMEZONES"))

    def process_item(self, item: Crawled) -> Crawled:
        if item.article is not None and not item.reject:
            zone = self.timezones.get(item.page.source)
            item.article = normalize_article(item.article, zone)
        return item
