"""(b) The obvious alternative: Scrapy following links, trafilatura (with metadata) on article
pages, one sqlite-utils insert per article into a table with FTS5 kept in sync by triggers.

    python baseline.py BASE_URL DB_PATH
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import sqlite_utils
import trafilatura
from scrapy.crawler import CrawlerProcess

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SETTINGS, SiteSpider  # noqa: E402

ARTICLE = re.compile(r"/news/\d{4}/")


class Baseline(SiteSpider):
    name = "baseline"

    def parse(self, response):  # type: ignore[no-untyped-def]
        if ARTICLE.search(response.url):
            doc = trafilatura.extract(
                response.text, url=response.url, with_metadata=True, output_format="json"
            )
            if doc:
                d = json.loads(doc)
                yield {
                    "url": response.url,
                    "title": d.get("title"),
                    "author": d.get("author"),
                    "date": d.get("date"),
                    "description": d.get("description"),
                    "text": d.get("text"),
                }
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, self.parse)


class SqlitePipeline:
    def open_spider(self, spider=None):  # type: ignore[no-untyped-def]
        self.db = sqlite_utils.Database(sys.argv[2])
        self.db.enable_wal()
        self.db["articles"].create(
            {"url": str, "title": str, "author": str, "date": str, "description": str, "text": str},
            pk="url",
            if_not_exists=True,
        )
        if not self.db["articles_fts"].exists():
            self.db["articles"].enable_fts(
                ["title", "description", "author", "text"], create_triggers=True
            )

    def process_item(self, item):  # type: ignore[no-untyped-def]
        self.db["articles"].insert(item, replace=True)
        return item

    def close_spider(self, spider=None):  # type: ignore[no-untyped-def]
        self.db.close()


if __name__ == "__main__":
    process = CrawlerProcess({**SETTINGS, "ITEM_PIPELINES": {f"{__name__}.SqlitePipeline": 100}})
    process.crawl(Baseline, base=sys.argv[1])
    process.start()
