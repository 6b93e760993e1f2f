"""A results document of any kind to its reader, chosen by content, never by site or name: PDF
(``%PDF``), Office documents (a ZIP holding ``xl/workbook.xml`` or ``word/document.xml``), JSON
exports, XML results feeds, HTML, and text (which :func:`scraper.results.text.parse_text` tries
reader by reader, CSV/TSV among them)."""

from __future__ import annotations

from scraper.results import delimited, docx, html, jsonfeed, pdf, sheets, xmlfeed
from scraper.results.blocks import (
    classes_apart,
    settle_time_columns,
    squads_apart,
    without_repeats,
)
from scraper.results.decoding import decoded
from scraper.results.entries import page_lines, schedule
from scraper.results.meetinfo import venue_apart
from scraper.results.model import ResultDoc
from scraper.results.text import heading_meet, parse_text, refuse_entries, rows_in

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls/.doc container


def parse_document(data: bytes | str, url: str | None = None, name: str | None = None) -> ResultDoc:
    """Parse one document; a document we cannot read is no exception: ``doc.error`` says why."""
    doc = _parse(data, url, name)
    if any(schedule(e) for e in doc.events):  # a page's calendar of meets: no results
        doc.events = [e for e in doc.events if not schedule(e)]
        if not rows_in(doc):
            doc.error = "a schedule of meets (a day where each name goes), no results"
    doc.events = without_repeats(doc.events)  # age-group awards repeating the overall results
    settle_time_columns(doc.events)  # gun or chip: one choice for the document
    squads_apart(doc.events)  # "Ridgeview 'A'": the team Ridgeview, its squad A
    classes_apart(doc.events)  # 'Grant HOLLOWAY JR': the runner, his class year
    venue_apart(doc.meet)  # 'Campionati Regionali - Firenze, Stadio Ridolfi': the venue apart
    return doc


def _parse(data: bytes | str, url: str | None, name: str | None) -> ResultDoc:
    if isinstance(data, bytes):
        magic = data[:1024]
        if magic.lstrip().startswith(b"%PDF"):
            return pdf.parse(data)
        if magic.startswith(b"PK\x03\x04"):
            return _office(data)
        if magic.startswith(_OLE):
            return ResultDoc(
                format="office-binary",
                error="a legacy binary Office file (.xls/.doc): save it as .xlsx/.docx or PDF",
            )
    text = decoded(data)
    start = text.lstrip("\ufeff \t\r\n")[:1]
    if start in ("{", "["):
        doc = jsonfeed.parse(text)
        if rows_in(doc) or doc.format == "json":
            return doc
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
        return refuse_entries(html.parse(text, url), page_lines(text))
    doc = parse_text(text, name)
    heading_meet(doc, text)
    return doc


def source_rows(data: bytes | str) -> list[list[str]] | None:
    """The rows of a structured document (HTML tables, spreadsheet, Word tables, CSV/TSV, JSON
    result objects), each as ``Row.raw`` holds a row read from it, so an audit can tell which
    rows became results; None for a document read as text or PDF, whose lines are its source."""
    if isinstance(data, bytes):
        if data[:4] == b"PK\x03\x04":
            if sheets.archive_error(data, "xl/workbook.xml") is None:
                try:
                    return [ln.raw for _, lines in sheets.lines_of(data) for ln in lines]
                except ValueError:
                    return []
            root = docx.tree(data)
            return html.table_rows(root) if root is not None else []
        if data.lstrip()[:5] == b"%PDF-":
            return None
    text = decoded(data)
    if text.lstrip("\ufeff \t\r\n")[:1] in ("{", "["):
        return [[item] for item in jsonfeed.result_items(text)]
    head = text[:4096].lower()
    if any(tag in head for tag in ("<html", "<!doctype", "<table", "<div")):
        try:
            return html.table_rows(html.tree(text))
        except ValueError:
            return []
    if delimited.looks_delimited(text):
        return [ln.raw for ln in delimited.lines_of(text)]
    return None


def _office(data: bytes) -> ResultDoc:
    if sheets.archive_error(data, "xl/workbook.xml") is None:
        return sheets.parse(data)
    if sheets.archive_error(data, "word/document.xml") is None:
        return docx.parse(data)
    error = sheets.archive_error(data, "word/document.xml") or ""
    if error.startswith("not an Office document"):
        error = "a ZIP archive that is neither a spreadsheet (.xlsx) nor a Word document (.docx)"
    return ResultDoc(format="zip", error=error)
