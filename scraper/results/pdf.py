"""PDF results through their text layer: the fast reader (:mod:`scraper.results.pdftext`) for
simple monospace reports, PDFium's word positions laid out again as fixed-width lines
(:mod:`scraper.results.pdflayout`) for everything else."""

from __future__ import annotations

from scraper.results.model import ResultDoc
from scraper.results.pdflayout import PdfError, text_of
from scraper.results.pdftext import text_of as fast_text_of
from scraper.results.text import parse_text


def parse(data: bytes) -> ResultDoc:
    """Simple monospace reports through the fast reader when it reads them and they give rows;
    everything else through PDFium."""
    try:
        fast = fast_text_of(data)
    except Exception:  # noqa: BLE001 -- the fast reader is an optimisation only
        fast = None
    if fast:
        doc = parse_text_layer(fast)
        if any(e.rows for e in doc.events):
            doc.format = doc.format.replace("pdf/", "pdf-text/", 1)
            return doc
    try:
        text = text_of(data)
    except PdfError as e:
        return ResultDoc(format="pdf", error=f"unreadable PDF: {e}"[:300])
    return parse_text_layer(text)


def parse_text_layer(text: str) -> ResultDoc:
    """The results in a PDF's extracted text (see :func:`scraper.results.pdflayout.text_of`)."""
    if not text.strip():
        return ResultDoc(format="pdf", error="PDF has no text layer (scanned?)")
    doc = parse_text(text)
    doc.format = "pdf/" + doc.format
    return doc
