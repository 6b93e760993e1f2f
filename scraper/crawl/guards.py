"""Downloader guards against hostile or broken servers (settings in scraper/settings.py).

* :class:`RedirectGuard` (replaces Scrapy's RedirectMiddleware): a redirect back to a URL of its
  own chain (a loop) or to a host the spider does not crawl (off-site) is refused with
  :class:`~scraper.crawl.errors.FetchRefused`, so it is recorded as a ``fetch error`` reject instead
  of vanishing in the scheduler's duplicate or off-site filters; ``REDIRECT_MAX_TIMES`` bounds the
  rest.
* :class:`RetryAfterMiddleware` (replaces RetryMiddleware): a 429/503 carrying ``Retry-After`` is
  retried no sooner than the server asks (that request only waits); a wait longer than
  ``RETRY_AFTER_MAX`` seconds is not waited for: the response goes on as an HTTP error.
* :class:`PrivateAddressGuard`: refuses requests to loopback, private, link-local and other
  non-public addresses (a public name resolving to one, a link or redirect to one), unless
  ``ALLOW_PRIVATE_ADDRESSES`` allows it: ``true`` always, ``false`` never, ``auto`` (default) only
  for hosts the crawl was started with that are themselves written as such an address or
  ``localhost`` (a local test server, the demo). A request's ``allow_private_addresses`` meta key
  (a source's ``private_addresses`` in the sources file) overrides the setting for that request.

:func:`failure_error` tells the spiders' errbacks which failures to record as rejects.
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import time
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.task import deferLater
from twisted.internet.threads import deferToThread
from twisted.python.failure import Failure

from scraper.crawl.errors import FetchRefused, NotRequested

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

ROBOTS_FORBIDDEN = "Forbidden by robots.txt"  # scrapy.downloadermiddlewares.robotstxt's message


def failure_error(failure: Failure) -> str | None:
    """The error a failed request records (``Type: message``), or None for a request that was
    deliberately not made (robots.txt disallows it, a host that keeps sending challenges)."""
    value = failure.value
    if isinstance(value, NotRequested):
        return None
    if (
        isinstance(value, IgnoreRequest)
        and not isinstance(value, FetchRefused)
        and str(value) == ROBOTS_FORBIDDEN
    ):
        return None
    message = failure.getErrorMessage()
    request = getattr(failure, "request", None)
    if not message and request is not None:
        message = request.meta.get(OVERSIZE_META, "")
    return f"{type(value).__name__}: {message}"


OVERSIZE_META = "meetarchive_oversize"


class BodySizeWatch:
    """Extension: notes on a request why its download gets cancelled mid-body (Scrapy cancels a
    body without Content-Length that outgrows DOWNLOAD_MAXSIZE with an empty message)."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self.received: dict[int, int] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        from scrapy import signals

        watch = cls(crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        crawler.signals.connect(watch.bytes_received, signal=signals.bytes_received)
        crawler.signals.connect(watch.done, signal=signals.request_left_downloader)
        return watch

    def bytes_received(self, data: bytes, request: Request, spider: Any = None) -> None:
        total = self.received.get(id(request), 0) + len(data)
        self.received[id(request)] = total
        maxsize = request.meta.get("download_maxsize", self.maxsize)
        if maxsize and total > maxsize and OVERSIZE_META not in request.meta:
            request.meta[OVERSIZE_META] = (
                f"body cancelled after {total:,} bytes, larger than "
                f"the download max size ({maxsize:,})"
            )
            self.received.pop(id(request), None)

    def done(self, request: Request, spider: Any = None) -> None:
        self.received.pop(id(request), None)


def _spider_hosts(spider: Any) -> list[str]:
    return [h for h in (getattr(spider, "allowed_domains", None) or []) if h]


def on_hosts(url: str, hosts: list[str]) -> bool:
    """``url``'s host is one of ``hosts`` or a sub-domain of one (ports never matter)."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h.lower() or host.endswith("." + h.lower()) for h in hosts)


class RedirectGuard(RedirectMiddleware):
    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if redirected.url in chain:
            raise FetchRefused(
                f"redirect loop: {request.url} -> {redirected.url} ({len(chain)} hop(s))"
            )
        spider = self.crawler.spider
        hosts = _spider_hosts(spider)
        if (
            hosts
            and not request.meta.get("allow_offsite")
            and not redirected.dont_filter
            and not on_hosts(redirected.url, hosts)
        ):
            raise FetchRefused(
                f"off-site redirect to {urlsplit(redirected.url).hostname} ({redirected.url})"
            )
        return super()._redirect(redirected, request, reason)


def retry_after_seconds(value: str | bytes | None, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delta-seconds or an HTTP date)."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class RetryAfterMiddleware(RetryMiddleware):
    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.retry_after_max = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    # A coroutine where RetryMiddleware's method is plain: Scrapy awaits either (the wait for
    # Retry-After holds back this request only), but to mypy it is another signature.
    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if (
            request.meta.get("dont_retry")
            or response.status not in self.retry_http_codes
            or response.status not in (429, 503)
        ):
            return super().process_response(request, response)
        wait = retry_after_seconds(response.headers.get("Retry-After"))
        if wait is None:
            return super().process_response(request, response)
        if wait > self.retry_after_max:
            return response  # not waited for: recorded as an HTTP error
        retries_left = request.meta.get("max_retry_times", self.max_retry_times) - request.meta.get(
            "retry_times", 0
        )
        if retries_left <= 0:
            return super().process_response(request, response)  # gives up: no wait needed
        if wait > 0:
            from twisted.internet import reactor  # the installed one (never at import time)

            await maybe_deferred_to_future(deferLater(reactor, wait, lambda: None))
        return super().process_response(request, response)


def _non_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def _literal_local(host: str) -> bool:
    """A host written as a non-public address, or localhost."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return _non_public(host)
    except ValueError:
        return False


class PrivateAddressGuard:
    def __init__(self, mode: str, crawler: Crawler) -> None:
        self.mode = mode
        self.crawler = crawler
        self.resolved: dict[str, list[str]] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        raw = str(crawler.settings.get("ALLOW_PRIVATE_ADDRESSES", "auto")).strip().lower()
        mode = {
            "1": "true",
            "yes": "true",
            "on": "true",
            "0": "false",
            "no": "false",
            "off": "false",
            "none": "auto",
            "": "auto",
        }.get(raw, raw)
        if mode not in ("true", "false", "auto"):
            raise ValueError(f"ALLOW_PRIVATE_ADDRESSES: true, false or auto, not {raw!r}")
        return cls(mode, crawler)

    def allowed_local(self, host: str) -> bool:
        if self.mode == "true":
            return True
        if self.mode == "false":
            return False
        spider = self.crawler.spider
        return host in _spider_hosts(spider) and _literal_local(host)

    async def addresses(self, host: str) -> list[str]:
        if host not in self.resolved:
            try:
                ipaddress.ip_address(host.strip("[]"))
                found = [host.strip("[]")]
            except ValueError:
                try:
                    infos = await maybe_deferred_to_future(
                        deferToThread(socket.getaddrinfo, host, None, 0, socket.SOCK_STREAM)
                    )
                    found = sorted({str(info[4][0]) for info in infos})
                except OSError:
                    found = []  # the download fails with its own DNS error
            self.resolved[host] = found
        return self.resolved[host]

    async def process_request(self, request: Request) -> None:
        override = request.meta.get("allow_private_addresses")
        if override is True or (override is None and self.mode == "true"):
            return None
        host = (urlparse_cached(request).hostname or "").lower()
        if not host or (override is None and self.allowed_local(host)):
            return None
        for address in await self.addresses(host):
            if _non_public(address):
                raise FetchRefused(
                    f"{host} resolves to the non-public address {address} (ALLOW_PRIVATE_ADDRESSES)"
                )
        return None
