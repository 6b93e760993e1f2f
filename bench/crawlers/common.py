"""What every benchmark crawler shares: the settings (same concurrency, no delay, INFO logging)
and a spider that starts at the site's home page and stays on its host."""

from urllib.parse import urlsplit

import scrapy

SETTINGS = {
    "ROBOTSTXT_OBEY": True,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "LOG_LEVEL": "INFO",
    "TELNETCONSOLE_ENABLED": False,
    "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
}


class SiteSpider(scrapy.Spider):
    def __init__(self, base: str, **kw: object) -> None:
        super().__init__(**kw)
        self.start_urls = [base + "/"]
        self.allowed_domains = [urlsplit(base).hostname]
