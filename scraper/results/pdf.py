"""PDF results through their text layer: the fast reader (:mod:`scraper.results.pdftext`) for
simple monospace reports, PDFium's word positions laid out again as fixed-width lines
(:mod:`scraper.results.pdflayout`) for everything else. Before PDFium reads a page, the drawing
instructions the pages hold are measured through pypdf within the bounds of
:mod:`scraper.results.pdfbounds` (a decompression bomb is refused with its reason)."""

from __future__ import annotations

import io
import logging
import sys

from scraper.errors import InputTooLarge
from scraper.results.decoding import plain
from scraper.results.model import ResultDoc
from scraper.results.pdfbounds import check_pages, pypdf_limits
from scraper.results.pdflayout import PdfError, text_of
from scraper.results.pdftext import text_of as fast_text_of
from scraper.results.text import heading_meet, parse_text


def _load_pypdf():  # type: ignore[no-untyped-def]
    # pypdf only needs 'cryptography' (60+ ms to import) for encrypted files and Pillow for images;
    # measuring content streams needs neither, so unless something else loaded them pypdf falls
    # back to its own providers (the modules are hidden during the import only).
    blocked = [m for m in ("cryptography", "PIL") if m not in sys.modules]
    for m in blocked:
        sys.modules[m] = None  # type: ignore[assignment]
    try:
        import pypdf
    finally:
        for m in blocked:
            if m in sys.modules and sys.modules[m] is None:
                del sys.modules[m]
    # pypdf's warnings on damaged files ("Ignoring wrong pointing object ...") go to the log a
    # crawl configures, never bare to the terminal of `meetarchive results`.
    logging.getLogger("pypdf").addHandler(logging.NullHandler())
    return pypdf


def check_bounds(data: bytes) -> None:
    """InputTooLarge when the pages draw more than the bounds allow; a PDF pypdf cannot open is
    left to PDFium, which reads more damaged files."""
    pypdf = _load_pypdf()
    with pypdf_limits(pypdf):
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            check_pages(pypdf, reader)
        except InputTooLarge:
            raise
        except Exception:  # noqa: BLE001 -- pypdf's own errors: PDFium decides
            return


def parse(data: bytes) -> ResultDoc:
    """Simple monospace reports through the fast reader when it reads them and they give rows;
    everything else through PDFium, within the bounds."""
    try:
        fast = fast_text_of(data)
    except InputTooLarge as e:  # PDFium would read the same instructions
        return ResultDoc(format="pdf", error=str(e))
    except Exception:  # noqa: BLE001 -- the fast reader is an optimisation only
        fast = None
    if fast:
        doc = parse_text_layer(fast)
        if any(e.rows for e in doc.events):
            doc.format = doc.format.replace("pdf/", "pdf-text/", 1)
            return doc
    try:
        check_bounds(data)
        text = text_of(data)
    except InputTooLarge as e:
        return ResultDoc(format="pdf", error=str(e))
    except PdfError as e:
        return ResultDoc(format="pdf", error=f"unreadable PDF: {e}"[:300])
    return parse_text_layer(text)


def parse_text_layer(text: str) -> ResultDoc:
    """The results in a PDF's extracted text (see :func:`scraper.results.pdflayout.text_of`)."""
    if not text.strip():
        return ResultDoc(format="pdf", error="PDF has no text layer (scanned?)")
    text = plain(text)
    doc = parse_text(text)
    heading_meet(doc, text)  # (a table-only reader's: the meet its heading names)
    doc.format = "pdf/" + doc.format
    return doc
