"""Recognise anti-bot challenge and block pages, so they are recorded as blocked and never parsed.

A site behind Cloudflare (DyeStat, RunnerSpace) answers a plain client with a "Just a moment..."
page (HTTP 403 or 503) that has no content at all. Such a response is not an empty listing and not
an article: the crawl records it, counts it, tells the operator, and exits non-zero. There is no
attempt to get around a challenge.

Markers come in two strengths. A *strong* marker only ever appears on a challenge or block page
(``window._cf_chl_opt``, a DataDome captcha frame), so it decides alone, whatever the status. A
*weak* marker also appears on ordinary pages of a protected site (Cloudflare injects
``/cdn-cgi/challenge-platform/scripts/...`` into normal pages), so it decides only together with a
status that challenges use (403, 429, 503) or a vendor header saying the response was mitigated.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scrapy.utils.httpobj import urlparse_cached
from twisted.python.failure import Failure

from scraper.crawl.errors import NotRequested

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

CHALLENGE_STATUSES = frozenset({403, 429, 503})
_SCAN_BYTES = 65536  # challenge pages are small; their markers sit near the top
_TITLE = re.compile(rb"<title[^>]*>\s*([^<]{0,200}?)\s*</title>", re.IGNORECASE)


@dataclass(frozen=True)
class Vendor:
    name: str
    strong: tuple[bytes, ...] = ()  # body markers found only on challenge/block pages
    weak: tuple[bytes, ...] = ()  # body markers also found on normal pages of protected sites
    titles: tuple[str, ...] = ()  # page titles of challenge pages (weak)
    headers: tuple[tuple[str, str], ...] = ()  # (header, value substring) sent with challenges only


VENDORS: tuple[Vendor, ...] = (
    Vendor(
        "cloudflare",
        strong=(
            b"window._cf_chl_opt",
            b"cf-browser-verification",
            b"cf_chl_prog",
            b"/cdn-cgi/challenge-platform/h/",
            b"Attention Required! | Cloudflare",
        ),
        weak=(
            b"challenge-error-text",
            b"/cdn-cgi/challenge-platform/",
            b"cf-error-details",
            b"Ray ID:",
            b"cf-wrapper",
        ),
        titles=(
            "just a moment...",
            "just a moment…",
            "attention required! | cloudflare",
            "please wait...",
        ),
        headers=(("cf-mitigated", "challenge"),),
    ),
    Vendor(
        "datadome",
        strong=(b"geo.captcha-delivery.com", b"ct.captcha-delivery.com"),
        weak=(b"datadome",),
        headers=(("x-dd-b", ""),),
    ),
    Vendor(
        "perimeterx",
        strong=(b"px-captcha", b"_pxCaptcha", b"captcha.px-cdn.net"),
        weak=(b"_pxAppId", b"Press &amp; Hold", b"Press & Hold"),
        titles=("access to this page has been denied",),
    ),
    Vendor(
        "imperva",
        strong=(b"Incapsula incident ID", b"_Incapsula_Resource"),
        weak=(b"incapsula",),
    ),
    Vendor(
        "akamai",
        strong=(b"errors.edgesuite.net", b"bm-verify", b"sec-if-cpt-container"),
        weak=(b"Reference&#32;&#35;", b"Reference #"),
        titles=("access denied",),
    ),
    Vendor(
        "sucuri",
        strong=(b"Sucuri WebSite Firewall", b"sucuri.net/privacy-policy"),
        headers=(("x-sucuri-block", ""),),
    ),
    Vendor(
        "aws-waf",
        strong=(b"AwsWafIntegration", b"awswaf.com"),
        headers=(("x-amzn-waf-action", ""),),
    ),
    Vendor(
        "ddos-guard",
        strong=(b"ddos-guard.net/", b"DDoS-Guard"),
        titles=("ddos-guard",),
    ),
)


def _lower_headers(headers: Mapping[str, str] | None) -> dict[str, str]:
    return {k.lower(): v.lower() for k, v in (headers or {}).items()}


def detect_challenge(status: int, headers: Mapping[str, str] | None, body: bytes) -> str | None:
    """The reason a response is a challenge/block page (e.g. ``"cloudflare challenge (HTTP 403)"``),
    or None for an ordinary response."""
    head = body[:_SCAN_BYTES]
    found = _TITLE.search(head)
    title = found.group(1).decode("utf-8", "replace").strip().lower() if found else ""
    lowered = _lower_headers(headers)
    challenge_status = status in CHALLENGE_STATUSES
    for vendor in VENDORS:
        header_hit = any(
            name in lowered and value in lowered[name] for name, value in vendor.headers
        )
        if any(marker in head for marker in vendor.strong):
            return f"{vendor.name} challenge (HTTP {status})"
        weak_hit = title in vendor.titles or any(marker in head for marker in vendor.weak)
        if weak_hit and (challenge_status or header_hit):
            return f"{vendor.name} challenge (HTTP {status})"
    return None


ADVICE = (
    "The site answered with an anti-bot challenge instead of content; meetarchive does not try to "
    "get around it. Wait some hours before crawling again; lower the rate (raise DOWNLOAD_DELAY, "
    "crawl fewer start URLs); ask the site's operators for access or a feed, giving CONTACT_URL; "
    "or fetch these pages later through a browser-fetching source."
)


class ChallengeMiddleware:
    """Downloader middleware: marks challenge responses as blocked and stops asking a host that
    keeps answering with them.

    A recognised response keeps flowing to the spider (callback for 2xx, errback for 403/503) with
    ``request.meta["blocked"]`` set to the reason; the spider yields it as a blocked ``Page`` and
    follows nothing from it. Retries are switched off for it. After ``CHALLENGE_MAX_PER_HOST``
    challenge pages from one host (its robots.txt included), requests to that host, queued or
    still to come, are dropped (and counted): asking again only earns more challenges.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.max_per_host = crawler.settings.getint("CHALLENGE_MAX_PER_HOST", 3)
        self.per_host: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ChallengeMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        host = urlparse_cached(request).hostname or ""
        if self.max_per_host and self.per_host[host] >= self.max_per_host:
            self.stats.inc_value("challenge/skipped")
            raise NotRequested(self._skip_reason(host))

    @staticmethod
    def _skip_reason(host: str) -> str:
        return f"{host} keeps answering with challenge pages; not asking it again"

    def _drop_queued(self, request: Request, host: str) -> None:
        """Drop the requests already waiting in this host's download slot (they passed
        :meth:`process_request` before the host reached the limit)."""
        engine = self.crawler.engine
        key = request.meta.get("download_slot", "")
        slot = engine.downloader.slots.get(key) if engine is not None else None
        while slot is not None and slot.queue:
            _, queued = slot.queue.popleft()
            self.stats.inc_value("challenge/skipped")
            queued.errback(Failure(NotRequested(self._skip_reason(host))))

    def process_response(self, request: Request, response: Response) -> Response:
        headers = {
            k.decode("latin-1"): b", ".join(v).decode("latin-1")
            for k, v in response.headers.items()
        }
        reason = detect_challenge(response.status, headers, response.body)
        if reason is None:
            return response
        host = urlparse_cached(request).hostname or ""
        self.per_host[host] += 1
        request.meta["blocked"] = reason
        request.meta["dont_retry"] = True
        self.stats.inc_value("challenge/blocked")
        self.stats.inc_value(f"challenge/blocked/{host}")
        urls = self.stats.get_value("challenge/urls") or []
        if len(urls) < 50:
            self.stats.set_value("challenge/urls", [*urls, f"{response.url}  {reason}"])
        if self.max_per_host and self.per_host[host] >= self.max_per_host:
            self._drop_queued(request, host)
        return response
