"""Word documents (DOCX): the body turned into the HTML it stands for, then read as a page
(:func:`scraper.results.html.parse_tree`): headings (a paragraph's outline level or heading
style) become ``<h1>``-``<h6>``, other paragraphs ``<p>``, tables ``<table>`` with their
``gridSpan`` as ``colspan`` and merged cells as ``rowspan``.  A results list saved as Word and the
same list as a web page so read the same.

DOCX is a ZIP of XML: ``word/document.xml`` is streamed with lxml's ``iterparse`` (elements
cleared once read, entities never resolved, no network), after the archive's inflated size is
checked (:func:`scraper.results.sheets.archive_error`).  Nothing in the file is run.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from lxml import etree

from scraper.results.model import ResultDoc
from scraper.results.sheets import archive_error

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(
    r"^(?:heading|berschrift|titre|kop|rubrik|overskrift|otsikko|titolo|encabezado)\s*(\d)$", re.I
)


def parse(data: bytes) -> ResultDoc:
    refused = archive_error(data, "word/document.xml")
    if refused:
        return ResultDoc(format="docx", error=refused)
    from scraper.results.html import parse_tree

    try:
        root = _read(data)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, KeyError) as e:
        return ResultDoc(format="docx", error=f"unreadable Word document: {e}"[:300])
    doc = parse_tree(root, fmt="docx")
    if not any(e.rows for e in doc.events):
        doc.error = doc.error or "no result rows in the Word document"
    return doc


def tree(data: bytes) -> Any:
    """The document as HTML, or None when it cannot be read."""
    if archive_error(data, "word/document.xml"):
        return None
    try:
        return _read(data)
    except (etree.XMLSyntaxError, zipfile.BadZipFile, OSError, KeyError):
        return None


def _read(data: bytes) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as z, z.open("word/document.xml") as f:
        return to_html(f)


def to_html(stream: Any) -> Any:
    """``word/document.xml`` -> an HTML ``<html><body>`` tree of headings, paragraphs, tables."""
    html = etree.Element("html")
    body = etree.SubElement(html, "body")
    stack: list[Any] = [body]  # where content goes: the body, a table, a row, a cell
    merges: list[dict[int, Any]] = []  # per open table: column -> the cell a vMerge continues
    cols: list[int] = []  # per open table: the column of the cell being read
    parts = etree.iterparse(
        stream,
        events=("start", "end"),
        tag=(W + "p", W + "tbl", W + "tr", W + "tc"),  # events for these only: runs stay in C
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
    )
    for event, el in parts:
        tag = el.tag
        if event == "start":
            if tag == W + "tbl":
                stack.append(etree.SubElement(stack[-1], "table"))
                merges.append({})
                cols.append(0)
            elif tag == W + "tr" and merges:
                stack.append(etree.SubElement(stack[-1], "tr"))
                cols[-1] = 0
            elif tag == W + "tc" and merges:
                stack.append(etree.SubElement(stack[-1], "td"))
            continue
        if tag == W + "p":
            _paragraph(el, stack[-1])
        elif tag == W + "tc" and merges:
            _cell(el, stack.pop(), merges[-1], cols)
        elif tag in (W + "tr", W + "tbl") and merges:
            stack.pop()
            if tag == W + "tbl":
                merges.pop()
                cols.pop()
        parent = el.getparent()
        if tag in (W + "p", W + "tbl") and parent is not None and parent.tag == W + "body":
            el.clear()  # read: free it and what came before it
            while el.getprevious() is not None:
                del parent[0]
    return html


def _text(el: Any) -> str:
    out = []
    for node in el.iter(W + "t", W + "tab", W + "br", W + "noBreakHyphen"):
        if node.tag == W + "t":
            out.append(node.text or "")
        elif node.tag == W + "noBreakHyphen":
            out.append("-")
        else:
            out.append(" ")
    return "".join(out)


def _paragraph(p: Any, into: Any) -> None:
    text = " ".join(_text(p).split())
    if not text or into.tag in ("table", "tr"):
        return
    if into.tag == "td":  # a cell's paragraphs are one text, as a web page's cell shows it
        into.text = f"{into.text} {text}" if into.text else text
        return
    level = _level(p)
    etree.SubElement(into, f"h{level}" if level else "p").text = text


def _level(p: Any) -> int | None:
    ppr = p.find(W + "pPr")
    if ppr is None:
        return None
    outline = ppr.find(W + "outlineLvl")
    if outline is not None and (outline.get(W + "val") or "").isdigit():
        return min(int(outline.get(W + "val")) + 1, 6)
    style = ppr.find(W + "pStyle")
    name = style.get(W + "val") if style is not None else None
    if name and name.casefold() == "title":
        return 1
    m = _HEADING_STYLE.match(name or "")
    return min(int(m.group(1)), 6) if m and m.group(1) != "0" else None


def _cell(tc: Any, td: Any, merges: dict[int, Any], cols: list[int]) -> None:
    """Span and merge of the cell ``td`` built for ``<w:tc>``: a vertically merged continuation
    is no cell of its own but widens the cell above it."""
    tcpr = tc.find(W + "tcPr")
    span = 1
    merge = None
    if tcpr is not None:
        gs = tcpr.find(W + "gridSpan")
        if gs is not None and (gs.get(W + "val") or "").isdigit():
            span = max(1, min(int(gs.get(W + "val")), 50))
        vm = tcpr.find(W + "vMerge")
        if vm is not None:
            merge = vm.get(W + "val") or "continue"
    col = cols[-1]
    cols[-1] += span
    if merge == "continue" and col in merges:
        above = merges[col]
        above.set("rowspan", str(int(above.get("rowspan", "1")) + 1))
        td.getparent().remove(td)
        return
    if span > 1:
        td.set("colspan", str(span))
    if merge == "restart":
        merges[col] = td
    else:
        merges.pop(col, None)
