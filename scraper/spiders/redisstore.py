"""The spider of ``meetarchive store``: it fetches nothing; its start gives the items the workers
of a crawl through Redis pushed (``scraper.crawl.redisstore.ItemFeed``), which go through the
same item pipelines as a local crawl's, until the run is finished (or forever, ``--follow``)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import scrapy
from scrapy.exceptions import CloseSpider

from scraper.crawl.redisstore import ItemFeed

IDLE_SECONDS = 0.2  # how long the store waits when there is no item


class RedisStoreSpider(scrapy.Spider):
    name = "redis-store"

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> RedisStoreSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        # the workers' spider: the run is recorded under its name (crawl_runs)
        spider.name = crawler.settings.get("REDIS_RUN_SPIDER") or cls.name
        return spider

    async def start(self) -> AsyncIterator[Any]:
        if not self.settings.get("REDIS_URL"):
            raise CloseSpider("redis-store is run by `meetarchive store`")
        feed = ItemFeed.from_crawler(self.crawler)
        feed.recover()
        while True:
            if feed.full():
                await asyncio.sleep(0.01)
                continue
            item = feed.pop()
            if item is not None:
                yield item
                continue
            if feed.finished():
                return
            await asyncio.sleep(IDLE_SECONDS)
