"""Request fingerprints that know one RunnerSpace article served under two hosts is one article."""

from __future__ import annotations

from scrapy import Request
from scrapy.utils.request import RequestFingerprinter

from scraper.urls import canonical_url, runnerspace_article_key


class CanonicalFingerprinter(RequestFingerprinter):
    """Scrapy's fingerprinter, except that RunnerSpace article URLs are fingerprinted by their
    canonical URL (``scraper.urls.canonical_url``), whatever host and parameter order they carry.

    So the duplicate filter lets an article linked as ``www.dyestat.com/gprofile.php?...&news_id=N``
    and as ``resultscentral.runnerspace.com/gprofile.php?...&news_id=N`` be requested once. Every
    other request (listings, robots.txt, ...) keeps Scrapy's own fingerprint.
    """

    def fingerprint(self, request: Request) -> bytes:
        if runnerspace_article_key(request.url) is not None:
            request = request.replace(url=canonical_url(request.url))
        return super().fingerprint(request)
