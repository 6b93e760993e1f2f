"""Pure results parsing: a results document (text, HTML, PDF bytes) -> meet, events, result rows.

``parse_document(data, url=None, name=None)`` picks the reader by content, never by site:
PDF -> its text layer; HTML -> ``<pre>`` blocks as text, else tables, else the rendered text;
text -> Hy-Tek, ``=====`` ruler layouts, one-value-per-line listings, then the generic fallback.
"""

from __future__ import annotations

from scraper.results.model import Event, Meet, ResultDoc, Row, to_contract

__all__ = ["Event", "Meet", "ResultDoc", "Row", "parse_document", "parse_text", "to_contract"]


def parse_document(data: bytes | str, url: str | None = None, name: str | None = None) -> ResultDoc:
    """Parse one document; a document we cannot read is no exception: ``doc.error`` says why."""
    if isinstance(data, bytes) and data[:1024].lstrip().startswith(b"%PDF"):
        from scraper.results import pdf

        return pdf.parse(data)
    text = data if isinstance(data, str) else _decode(data)
    head = text[:4096].lower()
    from scraper.results import xmlfeed

    if xmlfeed.looks_like_feed(text):
        doc = xmlfeed.parse(text)
        if _rows(doc):
            return doc
    if (
        "<html" in head
        or "<!doctype" in head
        or "<table" in head
        or "<div" in head
        or "<pre" in head
    ):
        from scraper.results import html

        return html.parse(text, url)
    return parse_text(text, name)


def parse_text(text: str, name: str | None = None) -> ResultDoc:
    """Plain text: try each text reader in turn; the first that yields rows wins."""
    from scraper.results import delimited, fallback, hytek, listing, ruled

    readers = [
        (lambda: delimited.looks_like_lif(text, name), delimited.parse_lif),
        (lambda: delimited.looks_delimited(text), delimited.parse_delimited),
        (lambda: hytek.looks_like_hytek(text), hytek.parse),
        (lambda: ruled.looks_ruled(text), ruled.parse),
        (lambda: True, listing.parse),
    ]
    for looks, parse in readers:
        if looks():
            doc = parse(text)
            if _rows(doc):
                return doc
    doc = fallback.parse(text)
    if not _rows(doc):
        doc.error = doc.error or "no results layout recognised"
    return doc


def _rows(doc: ResultDoc) -> int:
    return sum(len(e.rows) for e in doc.events)


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
