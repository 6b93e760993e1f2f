"""A results document of any kind to its reader, chosen by content, never by site or name: PDF
(``%PDF``), Office documents (a ZIP holding ``xl/workbook.xml`` or ``word/document.xml``), JSON
exports, XML results feeds, HTML, and text (which :func:`scraper.results.text.parse_text` tries
reader by reader, CSV/TSV among them)."""

from __future__ import annotations

import re

from scraper.results import delimited, docx, html, jsonfeed, pdf, sheets, xmlfeed
from scraper.results.blocks import (
    classes_apart,
    settle_time_columns,
    squads_apart,
    without_repeats,
)
from scraper.results.entries import page_lines, schedule
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


def decoded(data: bytes | str) -> str:
    """The document's text, its full-width ASCII ('１１．００', '＋１．２', Japanese pages') as
    ASCII."""
    text = data if isinstance(data, str) else _decode(data)
    return text.translate(_HALF_WIDTH) if _FULL_WIDTH.search(text) else text


_FULL_WIDTH = re.compile("[\uff01-\uff5e]")
_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}


def _decode(data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    texts = [data.decode(enc, "replace") for enc in _SINGLE_BYTE]
    odd = [_misread(t) for t in texts]
    if len(set(odd)) == 1:  # no letter misread either way: the words that mix the pages decide
        odd = [_mixed(t) for t in texts]
    return texts[odd.index(min(odd))]  # (Western European when they tie)


# the single-byte code pages results files are saved in: Western, then Central European
_SINGLE_BYTE = ("cp1252", "cp1250")
_BY_LETTER = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f]|[^\x00-\x7f](?=[^\W\d_])")


_WORD = re.compile(r"[^\W\d_]+")
# Central European letters read in the Western code page ('ř' as 'ø', 'č' as 'è', 'ě' as 'ì', 'ů'
# as 'ù', 'ň' as 'ò', 'ő' as 'õ', 'ű' as 'û') beside the acute vowels both pages share: a mix
# no Western word writes ('Kotláøka', 'Øezníèková')
_WESTERN_AS = frozenset("øèìùòõûØÈÌÙÒÕÛ")
_ACUTE = frozenset("áíýúÁÍÝÚ")


def _misread(text: str) -> int:
    """Signs a wrong code page leaves beside letters ('Pawe³', 'S³oneczne', '¿ona'): no letter
    where a letter stands in the right one. Fewer is likelier."""
    return sum(1 for m in _BY_LETTER.finditer(text) if not m.group().isalpha())


def _mixed(text: str) -> int:
    """Words mixing letters no one word of a language mixes ('Kotláøka'). Fewer is likelier."""
    return sum(
        1
        for w in _WORD.findall(text)
        if not w.isascii() and not _WESTERN_AS.isdisjoint(w) and not _ACUTE.isdisjoint(w)
    )
