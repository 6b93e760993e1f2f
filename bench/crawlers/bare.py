"""(a) A bare Scrapy spider that only follows links on one host: python bare.py BASE_URL."""

from __future__ import annotations

import sys
from pathlib import Path

from scrapy.crawler import CrawlerProcess

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SETTINGS, SiteSpider  # noqa: E402


class Bare(SiteSpider):
    name = "bare"

    def parse(self, response):  # type: ignore[no-untyped-def]
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, self.parse)


if __name__ == "__main__":
    process = CrawlerProcess(SETTINGS)
    process.crawl(Bare, base=sys.argv[1])
    process.start()
