"""Items that flow from spiders through the pipelines.

A spider yields one :class:`Page` per response it handles, never a parsed article: parsing
happens in the first pipeline stage, so a live crawl, ``meetarchive reparse`` and a WARC import
all take the same path, ``ITEM_PIPELINES`` in ``scraper.settings``: parse -> validate -> store ->
results. The parse stage wraps the Page in a :class:`Crawled` and, for an article page, sets its
``article`` (``scraper.parsers.page.article_from_page``); validate sets ``reject`` when there is
no storable article; store sets ``outcome`` (new, updated, unchanged; rebuilt during reparse).

Parsers return an :class:`Article` holding what the page says (``*_raw`` strings); normalization
(``scraper.parsers.normalize``, part of ``article_from_page``) fills the typed values beside them
(``published_at`` next to ``published_raw``) and never drops a raw value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

PageKind = Literal["article", "listing", "results", "other"]


@dataclass
class Page:
    """One HTTP response as fetched: enough to re-parse it later without the network."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: str  # ISO-8601 UTC, e.g. "2026-11-24T05:00:00+00:00"
    kind: PageKind = "other"
    source: str = ""  # source name, e.g. "runnerspace"; selects per-source settings (time zone)
    spider: str = ""
    blocked: str | None = None  # reason when a challenge/anti-bot page was recognised
    error: str | None = None  # reason when the request failed (HTTP error, timeout...)
    meta: dict[str, Any] = field(default_factory=dict)  # listing hints: wall date, meet, ...


@dataclass
class Article:
    """An article as one parser read it. Raw strings are kept beside normalized values."""

    url: str  # the URL the page was fetched from
    canonical_url: str  # the key: one article served under two hosts (or, on RunnerSpace, two
    # profiles) has one canonical URL (scraper.parsers.keys.canonical_url)
    fetched_at: str
    parser: str  # "<name>/<version>", e.g. "runnerspace/1"
    headline: str | None = None
    dek: str | None = None
    byline_raw: str | None = None
    authors: list[str] = field(default_factory=list)  # people only, set by normalization
    agencies: list[str] = field(default_factory=list)  # news agencies the byline credits (AP, dpa)
    publisher: str | None = None
    published_raw: str | None = None
    published_at: str | None = None  # ISO-8601 with offset, set by normalization
    modified_raw: str | None = None
    modified_at: str | None = None
    timezone: str | None = None  # the zone naive page dates are in (the parser's/source's)
    photo_credit: str | None = None
    image_url: str | None = None
    image_caption: str | None = None
    meet_name: str | None = None
    meet_year: int | None = None
    meet_event_id: int | None = None
    body: str | None = None  # clean paragraphs joined by blank lines
    word_count: int = 0
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    paywalled: bool = False
    signals: dict[str, str] = field(default_factory=dict)  # field -> which signal gave its value
    results: list[dict[str, Any]] = field(default_factory=list)  # results stated in the prose
    # the HTML of the results tables in the body, for the results stage (not an articles column:
    # the stage stores their rows as a results document of the article)
    results_tables: list[str] = field(default_factory=list)


@dataclass
class Crawled:
    """What travels through the item pipelines: the page and what became of it."""

    page: Page
    article: Article | None = None
    reject: str | None = None  # reason the page produced no article (recorded, never silent)
    reject_detail: str | None = None
    outcome: str | None = None  # set by dedupe/store: new | updated | unchanged
    # set by the results stage for a results document it parsed and stored: the audit's verdict
    # (parsed | partial | unparsed, scraper.results.audit)
    results_verdict: str | None = None
    # A results page's document when it was parsed ahead, in a worker process (reparse and
    # import-warc with --jobs N: pipelines.parallel); None: the results stage parses the page.
    results_doc: Any = None
    compressed: bytes | None = None  # the page body as the archive stores it, when done ahead
