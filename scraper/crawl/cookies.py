"""Cookies within bounds: a site setting thousands of cookies gets no more than a browser would
send back.

Scrapy's CookiesMiddleware keeps every cookie a site sets and sends them all with each request
to it: a site setting thousands (or a few huge ones) makes every later request too large to be
accepted (``431 Request Header Fields Too Large``). :class:`BoundedCookies` keeps, per cookie
domain, at most ``COOKIES_MAX_PER_HOST`` cookies (default 50) and ``COOKIES_MAX_BYTES_PER_HOST``
bytes of names and values (default 8,192, what web servers commonly accept in one header line);
cookies set beyond that are dropped as they arrive (those already kept stay, unless an update
takes them over the bounds), counted per host in the stats (``cookies/dropped/<host>``) and named
in the crawl summary.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, Self

from scrapy.downloadermiddlewares.cookies import CookiesMiddleware
from scrapy.utils.httpobj import urlparse_cached

if TYPE_CHECKING:
    from http.cookiejar import Cookie

    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

DROPPED_STAT = "cookies/dropped/"

CookieKey = tuple[str, str, str]  # (domain, path, name)


def _key(cookie: Cookie) -> CookieKey:
    return (cookie.domain, cookie.path, cookie.name)


def _size(cookie: Cookie) -> int:
    return len(cookie.name) + len(cookie.value or "") + 2  # "name=value; "


class BoundedCookies(CookiesMiddleware):
    """Downloader middleware in place of Scrapy's CookiesMiddleware (see the module docstring)."""

    max_per_host = 50
    max_bytes_per_host = 8192

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = super().from_crawler(crawler)
        middleware.max_per_host = crawler.settings.getint("COOKIES_MAX_PER_HOST", 50)
        middleware.max_bytes_per_host = crawler.settings.getint("COOKIES_MAX_BYTES_PER_HOST", 8192)
        return middleware

    def process_response(  # type: ignore[override]  # Scrapy's takes a deprecated spider too
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_merge_cookies", False):
            return response
        jar = self.jars[request.meta.get("cookiejar")]
        before = {_key(c) for c in jar.jar}
        result = super().process_response(request, response)
        dropped = self.prune(jar.jar, before)
        if dropped:
            host = urlparse_cached(request).hostname or ""
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(DROPPED_STAT + host, dropped)
        return result

    def prune(self, jar: Any, before: set[CookieKey]) -> int:
        """Drop the cookies that take their domain over its bounds, those kept before first
        (one of them can only go over by an update that made it larger); how many."""
        cookies = sorted(jar, key=lambda c: _key(c) not in before)
        count: Counter[str] = Counter()
        size: Counter[str] = Counter()
        dropped = 0
        for cookie in cookies:
            domain = cookie.domain
            if (
                count[domain] >= self.max_per_host
                or size[domain] + _size(cookie) > self.max_bytes_per_host
            ):
                jar.clear(cookie.domain, cookie.path, cookie.name)
                dropped += 1
                continue
            count[domain] += 1
            size[domain] += _size(cookie)
        return dropped
