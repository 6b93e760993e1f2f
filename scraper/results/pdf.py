"""PDF results through their text layer: the fast reader (pdftext) for simple monospace reports,
pypdf's layout mode (which keeps fixed-width columns) for everything else."""

from __future__ import annotations

import io
import sys

from scraper.errors import InputTooLarge
from scraper.results.model import ResultDoc
from scraper.results.pdfbounds import check_pages, pypdf_limits
from scraper.results.text import parse_text


def _load_pypdf():  # type: ignore[no-untyped-def]
    # pypdf only needs 'cryptography' (60+ ms to import) for encrypted files and Pillow for images;
    # text extraction needs neither, so unless something else loaded them pypdf falls back to its
    # own providers (the modules are hidden during the import only).
    blocked = [m for m in ("cryptography", "PIL") if m not in sys.modules]
    for m in blocked:
        sys.modules[m] = None  # type: ignore[assignment]
    try:
        import pypdf
    finally:
        for m in blocked:
            if m in sys.modules and sys.modules[m] is None:
                del sys.modules[m]
    return pypdf


def text_of(data: bytes) -> str:
    """The text layer through pypdf (InputTooLarge for pages over the bounds of
    ``scraper.results.pdfbounds``)."""
    pypdf = _load_pypdf()
    with pypdf_limits(pypdf):
        reader = pypdf.PdfReader(io.BytesIO(data))
        check_pages(pypdf, reader)
        pages = []
        for page in reader.pages:
            try:
                pages.append(page.extract_text(extraction_mode="layout"))
            except Exception:  # noqa: BLE001 -- a broken page must not lose the others
                pages.append(page.extract_text() or "")
    return "\n\f\n".join(pages)


def parse(data: bytes) -> ResultDoc:
    """Simple monospace reports through the fast reader (scraper.results.pdftext) when it reads
    them and they give rows; everything else through pypdf's layout mode."""
    from scraper.results.pdftext import text_of as fast_text

    try:
        fast = fast_text(data)
    except InputTooLarge as e:  # pypdf would read the same instructions
        return ResultDoc(format="pdf", error=str(e))
    except Exception:  # noqa: BLE001 -- the fast reader is an optimisation only
        fast = None
    if fast:
        doc = parse_text_layer(fast)
        if any(e.rows for e in doc.events):
            doc.format = doc.format.replace("pdf/", "pdf-text/", 1)
            return doc
    try:
        text = text_of(data)
    except InputTooLarge as e:
        return ResultDoc(format="pdf", error=str(e))
    except Exception as e:  # noqa: BLE001
        return ResultDoc(format="pdf", error=f"unreadable PDF: {type(e).__name__}: {e}"[:300])
    return parse_text_layer(text)


def parse_text_layer(text: str) -> ResultDoc:
    """The results in a PDF's extracted text (see :func:`text_of`)."""
    if not text.strip():
        return ResultDoc(format="pdf", error="PDF has no text layer (scanned?)")
    doc = parse_text(text)
    doc.format = "pdf/" + doc.format
    return doc
