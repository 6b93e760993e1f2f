"""The archive keys of articles and results documents: a site's own key where it has one (one
RunnerSpace article under many hosts and profiles is one key), else the canonicalised URL."""

from __future__ import annotations

from scraper.parsers.runnerspace import scheme as runnerspace
from scraper.text.urls import canonicalize


def site_key(url: str) -> str | None:
    """The key a site gives the article at ``url`` by its own URL scheme, else None."""
    return runnerspace.article_key(url)


def canonical_url(url: str) -> str:
    """The archive key of an article at ``url``, computed from the URL alone: a RunnerSpace
    article is ``https://www.runnerspace.com/news.php?news_id=N`` whatever profile, host or
    parameter order reached it; any other URL is canonicalised (sorted query, no fragment, no
    tracking parameters, lower-case host)."""
    return site_key(url) or canonicalize(url)


def document_key(url: str) -> str:
    """The key of a results document (which stored results a newer version replaces): a
    RunnerSpace Results page by its platform ids, any other document (a results file on a timing
    company's host) by its canonical URL, host and port included."""
    return runnerspace.document_key(url) or canonical_url(url)


def tables_key(article_key: str) -> str:
    """The key of the results document an article's results tables make: the article's key with a
    ``#results-tables`` fragment (one document per article, whichever address it was fetched
    from)."""
    return f"{article_key}#results-tables"
