"""Plain-text results: each text reader tried in turn (FinishLynx .lif, delimited, Hy-Tek, ``=====``
ruler layouts, one-value-per-line listings), the first that yields rows wins, else the generic
fallback. HTML ``<pre>`` blocks and PDF text layers end up here too."""

from __future__ import annotations

from scraper.results import delimited, fallback, hytek, listing, ruled
from scraper.results.model import ResultDoc


def parse_text(text: str, name: str | None = None) -> ResultDoc:
    """Plain text: try each text reader in turn; the first that yields rows wins."""
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
            if rows_in(doc):
                doc.text = text
                return doc
    doc = fallback.parse(text)
    if not rows_in(doc):
        doc.error = doc.error or "no results layout recognised"
    doc.text = text
    return doc


def rows_in(doc: ResultDoc) -> int:
    return sum(len(e.rows) for e in doc.events)
