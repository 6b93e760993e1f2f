"""Web archives out: every response of a crawl written to WARC (``meetarchive crawl --warc-out
DIR``). :class:`WarcWriterMiddleware`, a downloader middleware next to the downloader, writes a
``request`` and a ``response`` record for every response fetched, as it came over the wire
(before decompression and redirects), robots.txt included. (Reading them: ``scraper.crawl.warc``.)
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response


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
