"""A results document of any kind (PDF, HTML, XML feed, text bytes) to its reader, chosen by
content, never by site."""

from __future__ import annotations

from scraper.results import html, pdf, xmlfeed
from scraper.results.model import ResultDoc
from scraper.results.text import parse_text, rows_in


def parse_document(data: bytes | str, url: str | None = None, name: str | None = None) -> ResultDoc:
    """Parse one document; a document we cannot read is no exception: ``doc.error`` says why."""
    if isinstance(data, bytes) and data[:1024].lstrip().startswith(b"%PDF"):
        return pdf.parse(data)
    text = data if isinstance(data, str) else _decode(data)
    head = text[:4096].lower()
    if xmlfeed.looks_like_feed(text):
        doc = xmlfeed.parse(text)
        if rows_in(doc):
            return doc
    if (
        "<html" in head
        or "<!doctype" in head
        or "<table" in head
        or "<div" in head
        or "<pre" in head
    ):
        return html.parse(text, url)
    return parse_text(text, name)


def _decode(data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]
    for enc in ("utf-8", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")
