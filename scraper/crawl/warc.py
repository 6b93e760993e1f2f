"""Web archives in and out: WARC/WACZ files read as ``Page`` items, and every response of a crawl
written to WARC.

Reading (``meetarchive import-warc FILE...``): the ``response`` records of WARC files
(``.warc``, ``.warc.gz``, the Internet Archive's and Common Crawl's) and of WACZ files (a zip
holding WARCs under ``archive/``) become ``Page`` items, bodies decoded from their
transfer/content encoding, fetch time from ``WARC-Date``: HTML pages, and the results files a
crawl stores (Hy-Tek text, PDF, HTML results, ... linked from a Results page: the request record's
``Referer`` says which page linked a response) and the RunnerSpace View More JSON; other
non-HTML responses (robots.txt, images...) are skipped. Each
page's ``meta["warc"]`` records where it came from (file, record offset, record id), and is
stored with the page row. Pages then take exactly the path a crawl's pages take (the item
pipelines, see ``scraper.crawl.warcimport``).

Writing (``meetarchive crawl --warc-out DIR``): :class:`WarcWriterMiddleware`, a downloader
middleware next to the downloader, writes a ``request`` and a ``response`` record for every
response fetched, as it came over the wire (before decompression and redirects), robots.txt
included.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper.crawl.challenge import detect_challenge
from scraper.items import Page, PageKind

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response

    from scraper.crawl.sources import Source

MAX_BODY = 32 * 1024 * 1024  # larger response bodies are skipped (counted), never loaded
HTML_TYPES = ("text/html", "application/xhtml+xml")
# Hop-by-hop and length headers that no longer describe a decoded body.
_DROP = {"transfer-encoding", "content-encoding", "content-length"}


@dataclass
class Record:
    """One response record of a web archive, read or skipped."""

    page: Page | None
    skipped: str | None = None  # why no page: "not HTML" (nor a results file...), "too large",
    # "revisit", "" (no page expected: request, warcinfo and metadata records)


def warc_date(value: str | None) -> str:
    """A WARC-Date as the ISO-8601 UTC form of ``Page.fetched_at``."""
    if not value:
        return datetime.now(UTC).isoformat(timespec="seconds")
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return (
        (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).astimezone(UTC).isoformat(timespec="seconds")
    )


# The page kind of a RunnerSpace link kind (scraper.parsers.runnerspace.scheme.link_kind); any
# other page on the platform is a listing.
_PLATFORM_KINDS: dict[str, PageKind] = {"article": "article", "title": "results"}


def classify(
    url: str, sources: list[Source] | None = None, referer: str | None = None
) -> tuple[PageKind, str, dict[str, Any]]:
    """(kind, source name, meta) for a page of ``url`` found in an archive (``referer``: the page
    that linked it, when the archive holds its request; ``meta["listing"]`` as in a crawl).

    RunnerSpace URLs as the runnerspace spider sees them; a URL of a source in the sources file
    as the news spider sees it (its parser and zone included); a home page is a listing; any
    other HTML page is an article candidate for the generic parser (a page that is no article
    becomes a recorded reject). Results files: :func:`results_file`.
    """
    from scraper.parsers.runnerspace.scheme import link_kind, on_platform

    kind = link_kind(url)
    parts = urlsplit(url)
    host = parts.hostname or ""
    meta: dict[str, Any] = {"listing": referer} if referer else {}
    if kind is not None or on_platform(host):
        return _PLATFORM_KINDS.get(kind or "", "listing"), "runnerspace", meta
    for source in sources or ():
        if source.on_site(url):
            if not source.is_article(url):
                return "listing", source.name, meta
            meta["parser"] = source.parser
            if source.timezone:
                meta["timezone"] = source.timezone
            return "article", source.name, meta
    if parts.path in ("", "/") and not parts.query:
        return "listing", "warc", meta  # a site's home page is never an article
    return "article", "warc", meta


def results_file(url: str, referer: str | None, content_type: str) -> bool:
    """Whether a response of ``url`` is a results file as the runnerspace spider fetches them:
    a results file's name (``scraper.parsers.runnerspace.scheme.RESULT_FILE_SUFFIXES``: text,
    PDF, HTML, LIF, CSV/TSV, XLSX, DOCX, JSON, XML; robots.txt aside)
    linked from a Results page (the request's ``Referer``); when the archive does not say who
    linked it, any such file that is not HTML (an HTML page by such a name is then left to the
    other rules)."""
    from scraper.parsers.runnerspace.scheme import link_kind, result_file

    if not result_file(url) or urlsplit(url).path.lower() == "/robots.txt":
        return False
    if referer is not None:
        return link_kind(referer) == "title"
    return not content_type.startswith(HTML_TYPES)


def _wall(url: str) -> bool:
    """The RunnerSpace View More loader: JSON a crawl stores as a listing page."""
    from scraper.parsers.runnerspace.scheme import link_kind

    return link_kind(url) == "wall"


@dataclass
class _Response:
    """A response record read (body included), waiting for its request record's Referer."""

    url: str
    record: Any
    http: Any
    body: bytes
    offset: int
    referer: str | None = None

    @property
    def record_id(self) -> str | None:
        return self.record.rec_headers.get_header("WARC-Record-ID")

    def page(self, name: str, sources: list[Source] | None) -> Record:
        """The Page of this response (a non-HTML response that is no results file: skipped)."""
        http = self.http
        content_type = (http.get_header("Content-Type") or "").lower()
        is_results = results_file(self.url, self.referer, content_type)
        if not (is_results or content_type.startswith(HTML_TYPES) or _wall(self.url)):
            return Record(None, "not HTML")
        status = int(http.get_statuscode() or 0)
        headers = {k: v for k, v in http.headers if k.lower() not in _DROP}
        kind, source, meta = classify(self.url, sources, self.referer)
        if is_results:  # as the runnerspace spider fetches results files from Results pages
            kind = "results"
            source = "runnerspace" if self.referer else source
        meta["warc"] = {"file": name, "offset": self.offset, "record_id": self.record_id}
        blocked = detect_challenge(status, headers, self.body)
        error = f"HTTP {status}" if status >= 400 and not blocked else None
        return Record(
            Page(
                url=self.url,
                status=status,
                headers=headers,
                body=self.body,
                fetched_at=warc_date(self.record.rec_headers.get_header("WARC-Date")),
                kind=kind,
                source=source,
                spider="import-warc",
                blocked=blocked,
                error=error,
                meta=meta,
            )
        )


def _read_response(record: Any, records: ArchiveIterator) -> _Response | Record:
    """A response record's body, or why it is skipped before reading it."""
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    http = record.http_headers
    if http is None or not url.startswith(("http://", "https://")):
        return Record(None, "not HTTP")
    content_type = (http.get_header("Content-Type") or "").lower()
    from scraper.parsers.runnerspace.scheme import result_file

    if not (content_type.startswith(HTML_TYPES) or result_file(url) or _wall(url)):
        return Record(None, "not HTML")
    declared = record.rec_headers.get_header("Content-Length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        return Record(None, "too large")
    body = record.content_stream().read(MAX_BODY + 1)
    if len(body) > MAX_BODY:
        return Record(None, "too large")
    # (the offset after reading: it reads the record to its end)
    return _Response(url, record, http, body, records.get_record_offset())


def _request_of(record: Any, response: _Response | None) -> bool:
    """Whether request ``record`` is the one of ``response`` (written right after it)."""
    if response is None:
        return False
    to = record.rec_headers.get_header("WARC-Concurrent-To")
    if to is not None:
        return to == response.record_id
    return record.rec_headers.get_header("WARC-Target-URI") == response.url


def _referer(record: Any) -> str | None:
    http = record.http_headers
    return (http.get_header("Referer") or None) if http is not None else None


def _warc_records(stream: IO[bytes], name: str, sources: list[Source] | None) -> Iterator[Record]:
    """The archive's records in file order, each response paired with its request's Referer
    (a request record is written after its response by warcio, before it by other tools)."""
    records = ArchiveIterator(stream)
    pending: _Response | None = None
    before: tuple[str, str | None] | None = None  # (URL, Referer) of a request not yet answered
    for record in records:
        if record.rec_type == "request":
            if _request_of(record, pending):
                assert pending is not None
                pending.referer = _referer(record)
                yield pending.page(name, sources)
                pending = None
            else:
                before = (record.rec_headers.get_header("WARC-Target-URI"), _referer(record))
            yield Record(None, "")
            continue
        if pending is not None:
            yield pending.page(name, sources)
            pending = None
        if record.rec_type != "response":
            # warcinfo, metadata: nothing to import; a revisit has no body of its own
            yield Record(None, "revisit" if record.rec_type == "revisit" else "")
            continue
        read = _read_response(record, records)
        if isinstance(read, Record):
            yield read
            continue
        if before is not None and before[0] == read.url:
            read.referer = before[1]
        before, pending = None, read
    if pending is not None:
        yield pending.page(name, sources)


def read_archive(
    path: str | os.PathLike[str], sources: list[Source] | None = None
) -> Iterator[Record]:
    """Every response record of a WARC (``.warc``, ``.warc.gz``) or WACZ file, in file order.

    In a WACZ the recorded file is ``<wacz>#<member>``, the offset the record's within the member.
    """
    path = Path(path)
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as wacz:
            members = sorted(
                n
                for n in wacz.namelist()
                if n.endswith((".warc", ".warc.gz")) and not n.endswith("/")
            )
            for member in members:
                with wacz.open(member) as stream:
                    yield from _warc_records(stream, f"{path.name}#{member}", sources)
        return
    with path.open("rb") as stream:
        yield from _warc_records(stream, path.name, sources)


# -- writing ---------------------------------------------------------------------------------------


def write_response(
    writer: WARCWriter,
    url: str,
    status: int,
    reason: str,
    headers: list[tuple[str, str]],
    body: bytes,
    request_headers: list[tuple[str, str]] | None = None,
    method: str = "GET",
    date: str | None = None,
) -> None:
    """Write a ``request`` (when its headers are given) and a ``response`` record."""
    date = date or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    headers = [(k, v) for k, v in headers if k.lower() != "transfer-encoding"]
    http = StatusAndHeaders(f"{status} {reason}".strip(), headers, protocol="HTTP/1.1")
    response = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(body),
        length=len(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date},
    )
    if request_headers is not None:
        path = url.split("/", 3)[3] if url.count("/") >= 3 else ""
        req_http = StatusAndHeaders(
            f"{method} /{path} HTTP/1.1", request_headers, is_http_request=True
        )
        request = writer.create_warc_record(
            url, "request", http_headers=req_http, warc_headers_dict={"WARC-Date": date}
        )
        writer.write_request_response_pair(request, response)
    else:
        writer.write_record(response)


def _pairs(headers: Any) -> list[tuple[str, str]]:
    return [
        (k.decode("latin-1"), v.decode("latin-1")) for k, values in headers.items() for v in values
    ]


class WarcWriterMiddleware:
    """Downloader middleware: every response fetched, as it came, to
    ``WARC_OUT_DIR/meetarchive-<spider>-<UTC time>-<pid>.warc.gz``. Off unless ``WARC_OUT_DIR``
    is set (``meetarchive crawl --warc-out DIR``)."""

    def __init__(self, crawler: Crawler, out_dir: Path) -> None:
        self.crawler = crawler
        self.out_dir = out_dir
        self.path: Path | None = None
        self.file: IO[bytes] | None = None
        self.writer: WARCWriter | None = None
        self.count = 0
        from scrapy import signals

        crawler.signals.connect(self.close, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcWriterMiddleware:
        from scrapy.exceptions import NotConfigured

        out = crawler.settings.get("WARC_OUT_DIR")
        if not out:
            raise NotConfigured
        return cls(crawler, Path(out))

    def _open(self) -> WARCWriter:
        if self.writer is None:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            spider = self.crawler.spider.name if self.crawler.spider else "crawl"
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            self.path = self.out_dir / f"meetarchive-{spider}-{stamp}-{os.getpid()}.warc.gz"
            self.file = self.path.open("wb")
            self.writer = WARCWriter(self.file, gzip=True)
            self.writer.write_record(
                self.writer.create_warcinfo_record(
                    self.path.name, {"software": "meetarchive", "format": "WARC File Format 1.1"}
                )
            )
        return self.writer

    def process_response(self, request: Request, response: Response) -> Response:
        from http.client import responses as reasons

        write_response(
            self._open(),
            response.url,
            response.status,
            reasons.get(response.status, ""),
            _pairs(response.headers),
            response.body,
            _pairs(request.headers),
            request.method,
        )
        self.count += 1
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("warc/responses_written")
        return response

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
            if self.crawler.stats is not None:
                self.crawler.stats.set_value("warc/file", str(self.path))
