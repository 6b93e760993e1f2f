"""Web archives in: WARC/WACZ files read as ``Page`` items (written: ``scraper.crawl.warcout``).

Reading (``meetarchive import-warc FILE...``): the ``response`` records of WARC files
(``.warc``, ``.warc.gz``, the Internet Archive's and Common Crawl's) and of WACZ files (a zip
holding WARCs under ``archive/``) become ``Page`` items, bodies decoded from their
transfer/content encoding, fetch time from ``WARC-Date``: HTML pages, and the results files a
crawl stores (Hy-Tek text, PDF, HTML results, ... linked from a Results page: the request record's
``Referer`` says which page linked a response) and the RunnerSpace View More JSON; other
non-HTML responses (robots.txt, images...) are skipped. Each
page's ``meta["warc"]`` records where it came from (file, record offset, record id), and is
stored with the page row. Pages then take exactly the path a crawl's pages take (the item
pipelines, see ``scraper.crawl.warcimport``). A record that cannot be read is skipped and the
reading goes on after it; a file cut short is imported up to its last whole record, and each such
problem is reported (``scraper.crawl.warcrecords``). A file that begins as a WARC is read as one,
even when its last record holds a zip file.
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scraper.crawl.challenge import detect_challenge
from scraper.crawl.warcrecords import GZIP_MAGIC, READ_ERRORS, Problem, one_line, records
from scraper.items import Page, PageKind

if TYPE_CHECKING:
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
    problem: str | None = None  # a stretch of the file that gave no record (malformed, cut)


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


def _read_response(record: Any, offset: int) -> _Response | Record:
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
    try:
        body = record.content_stream().read(MAX_BODY + 1)
    except READ_ERRORS as exc:  # e.g. a body whose content encoding does not decode
        return Record(None, problem=f"malformed record at byte {offset:,}: {one_line(exc)}")
    if len(body) > MAX_BODY:
        return Record(None, "too large")
    return _Response(url, record, http, body, offset)


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


def _warc_records(
    stream: IO[bytes], name: str, size: int, sources: list[Source] | None
) -> Iterator[Record]:
    """The archive's records in file order, each response paired with its request's Referer
    (a request record is written after its response by warcio, before it by other tools); a
    stretch that gives no record (malformed, cut: scraper.crawl.warcrecords) is a Record with
    its problem, and the reading goes on past it."""
    pending: _Response | None = None
    before: tuple[str, str | None] | None = None  # (URL, Referer) of a request not yet answered
    for item in records(stream, size):
        if isinstance(item, Problem):
            if pending is not None and not (item.kind == "cut" and item.offset == pending.offset):
                yield pending.page(name, sources)
            pending = None  # (a cut response is never imported)
            yield Record(None, problem=str(item))
            continue
        record, offset = item
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
        read = _read_response(record, offset)
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
    if _wacz(path):
        with zipfile.ZipFile(path) as wacz:
            members = sorted(
                (
                    info
                    for info in wacz.infolist()
                    if info.filename.endswith((".warc", ".warc.gz")) and not info.is_dir()
                ),
                key=lambda info: info.filename,
            )
            for member in members:
                with wacz.open(member) as stream:
                    name = f"{path.name}#{member.filename}"
                    yield from _warc_records(stream, name, member.file_size, sources)
        return
    with path.open("rb") as stream:
        yield from _warc_records(stream, path.name, path.stat().st_size, sources)


def _wacz(path: Path) -> bool:
    """A zip file (a WACZ) rather than a WARC: a WARC begins with its first record (``WARC/``)
    or a gzip member, and one whose last record holds a zip file is still a WARC."""
    with path.open("rb") as f:
        head = f.read(len(b"WARC/"))
    if head.startswith((b"WARC/", GZIP_MAGIC)):
        return False
    return zipfile.is_zipfile(path)
