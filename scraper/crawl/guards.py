"""Downloader guards against hostile or broken servers (settings in scraper/settings.py).

* :class:`RedirectGuard` and :class:`MetaRefreshGuard` (replace Scrapy's RedirectMiddleware and
  MetaRefreshMiddleware): a redirect or meta refresh back to a URL of its own chain (a loop) or to
  a host the spider does not crawl (off-site) is refused with
  :class:`~scraper.crawl.errors.FetchRefused`, so it is recorded as a ``fetch error`` reject instead
  of vanishing in the scheduler's duplicate or off-site filters; ``REDIRECT_MAX_TIMES`` bounds the
  rest. A page whose meta refresh names the page itself (a live page reloading) is kept as it is.
* :class:`RetryAfterMiddleware` (replaces RetryMiddleware): a 429/503 carrying ``Retry-After`` is
  retried no sooner than the server asks (that request only waits); a wait longer than
  ``RETRY_AFTER_MAX`` seconds is not waited for: the response goes on as an HTTP error.
* :class:`PrivateAddressGuard`: refuses requests to loopback, private, link-local and other
  non-public addresses (a public name resolving to one, a link or redirect to one), unless
  ``ALLOW_PRIVATE_ADDRESSES`` allows it: ``true`` always, ``false`` never, ``auto`` (default) only
  for hosts the crawl was started with that are themselves written as such an address or
  ``localhost`` (a local test server, the demo). A request's ``allow_private_addresses`` meta key
  (a source's ``private_addresses`` in the sources file) overrides the setting for that request.
  The guard looks names up through the crawl's own resolver, which also checks the addresses
  each connection gets (``scraper.crawl.addresses``: no DNS rebinding);
  :class:`ConnectionAddressGuard` records such a refusal at connection time as what it is.

:func:`failure_error` tells the spiders' errbacks which failures to record as rejects.
"""

from __future__ import annotations

import email.utils
import time
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware, RedirectMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import CannotResolveHostError, IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import CancelledError, Deferred
from twisted.internet.error import DNSLookupError
from twisted.internet.task import deferLater
from twisted.python.failure import Failure

from scraper.crawl.addresses import (
    CheckedNameResolver,
    literal_address,
    literal_local,
    non_public,
    refusal_text,
)
from scraper.crawl.errors import FetchRefused, NotRequested
from scraper.crawl.stopping import crawl_stopping

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


class _GuardedRedirects:
    """What a redirect (HTTP or meta refresh) may not do: loop back into its own chain, or leave
    the spider's hosts (unless the request allows off-site, e.g. results files)."""

    crawler: Any

    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        what = "meta refresh" if reason == "meta refresh" else "redirect"
        if what == "meta refresh" and redirected.url == request.url:
            return redirected  # a page reloading itself: MetaRefreshGuard keeps the page
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if redirected.url in chain:
            raise FetchRefused(
                f"{what} loop: {request.url} -> {redirected.url} ({len(chain)} hop(s))"
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
                f"off-site {what} to {urlsplit(redirected.url).hostname} ({redirected.url})"
            )
        return super()._redirect(redirected, request, reason)  # type: ignore[misc]


class RedirectGuard(_GuardedRedirects, RedirectMiddleware):
    pass


class MetaRefreshGuard(_GuardedRedirects, MetaRefreshMiddleware):
    """Scrapy's MetaRefreshMiddleware, guarded: a refresh to another host or back into its own
    chain is a FetchRefused (recorded as a reject), never a request the off-site or duplicate
    filters drop without a word; a page refreshing itself (a live page reloading) is kept."""

    def process_response(  # type: ignore[override]  # Scrapy's takes a deprecated spider too
        self, request: Request, response: Response
    ) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request) and result.url == request.url:
            return response
        return result


def retry_after_seconds(value: str | bytes | None, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait (delta-seconds or an HTTP date)."""
    if value is None:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isascii() and text.isdigit():  # "²" and other digits of Unicode are no number here
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
        self.waits: set[Deferred[None]] = set()
        self.stopping = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = super().from_crawler(crawler)
        crawler.signals.connect(middleware.stop_waiting, signal=crawl_stopping)
        return middleware

    def stop_waiting(self) -> None:
        """The crawl is stopping: a response waiting for its Retry-After goes on as it is, and
        none waits from now on."""
        self.stopping = True
        for wait in list(self.waits):
            wait.cancel()

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
        if wait > self.retry_after_max or self.stopping:
            return response  # not waited for: recorded as an HTTP error
        retries_left = request.meta.get("max_retry_times", self.max_retry_times) - request.meta.get(
            "retry_times", 0
        )
        if retries_left <= 0:
            return super().process_response(request, response)  # gives up: no wait needed
        if wait > 0:
            from twisted.internet import reactor  # the installed one (never at import time)

            timer = deferLater(reactor, wait, lambda: None)
            self.waits.add(timer)
            try:
                await maybe_deferred_to_future(timer)
            except CancelledError:
                return response  # the crawl is stopping: recorded as the HTTP error it is
            finally:
                self.waits.discard(timer)
        return super().process_response(request, response)


class PrivateAddressGuard:
    def __init__(self, mode: str, crawler: Crawler) -> None:
        self.mode = mode
        self.crawler = crawler
        self.resolver: CheckedNameResolver | None = None
        self.replaced: Any = None  # the reactor's own name resolver, while ours is installed
        crawler.signals.connect(self.uninstall, signal=signals.engine_stopped)

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

    def installed(self) -> CheckedNameResolver:
        """The resolver checking the addresses every connection gets (scraper.crawl.addresses),
        installed over the reactor's before the first request goes on."""
        if self.resolver is None:
            from twisted.internet import reactor  # the installed one (never at import time)

            self.replaced = reactor.nameResolver  # type: ignore[attr-defined]
            self.resolver = CheckedNameResolver(self.replaced, allow_all=self.mode == "true")
            reactor.installNameResolver(self.resolver)  # type: ignore[attr-defined]
        return self.resolver

    def uninstall(self) -> None:
        from twisted.internet import reactor

        if self.resolver is not None and reactor.nameResolver is self.resolver:  # type: ignore[attr-defined]
            reactor.installNameResolver(self.replaced)  # type: ignore[attr-defined]
        self.resolver = None

    def allowed_local(self, host: str) -> bool:
        if self.mode == "true":
            return True
        if self.mode == "false":
            return False
        spider = self.crawler.spider
        return host in _spider_hosts(spider) and literal_local(host)

    async def addresses(self, host: str) -> list[str]:
        literal = literal_address(host)
        if literal is not None:
            return [literal]
        return await maybe_deferred_to_future(self.installed().lookup(host))

    async def process_request(self, request: Request) -> None:
        host = (urlparse_cached(request).hostname or "").lower()
        if not host:
            return None
        resolver = self.installed()
        override = request.meta.get("allow_private_addresses")
        if override is None and self.mode == "true":
            return None
        if override is True or (override is None and self.allowed_local(host)):
            resolver.allow(host)
            return None
        if override is False:
            resolver.deny(host)
        for address in await self.addresses(host):
            if non_public(address):
                raise FetchRefused(refusal_text(host, address))
        return None


class ConnectionAddressGuard:
    """Downloader middleware above the retries: a download whose connection was refused the
    address its host resolved to then (a name that answered the guard's lookup otherwise: DNS
    rebinding) fails with FetchRefused naming it, not with a DNS error that would be retried."""

    def process_exception(self, request: Request, exception: Exception) -> None:
        if not isinstance(exception, (CannotResolveHostError, DNSLookupError)):
            return None
        from twisted.internet import reactor

        resolver = reactor.nameResolver  # type: ignore[attr-defined]
        host = urlparse_cached(request).hostname or ""
        reason = resolver.refusal(host) if isinstance(resolver, CheckedNameResolver) else None
        if reason:
            raise FetchRefused(reason)
        return None
