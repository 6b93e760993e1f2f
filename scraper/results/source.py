"""A results document as the audit sees it (:mod:`scraper.results.audit`): its *units*, every line
of text and every table row it holds, whatever reader read it.

* text, and a PDF's text layer: the lines of ``ResultDoc.text``, the text the text readers read
  (decoded from the bytes when no text reader ran); runs of one-cell-per-line text (a table copied
  to text, TFRRS- or athletic.net-style) become one record each, found by their places printed
  alone on a line in sequence (``1``, ``2``, ``3`` ... a few lines apart);
* HTML: each row of every innermost table (its cells; of a grid of ``<div>`` rows too, when
  the reader read it as a table: :mod:`scraper.results.grids`), the lines of ``<pre>`` blocks,
  and the lines of the rest of the page's text; rows and tables hidden inline are left out;
* XLSX: each sheet row; DOCX: each paragraph (a line) and each table row
  (:mod:`scraper.results.officesource`);
* JSON: each object reached through a list (or the top one), its cells the scalar values it holds
  (nested objects included, lists not); XML: each repeated element (``<result>`` of a feed),
  its cells its attributes' values and its texts.

Readers must keep ``Row.raw`` as the document holds it (the line, or the cells in order): the
audit finds each row's unit by it.
"""

from __future__ import annotations

import csv
import json
import re
from statistics import median
from typing import Any

import lxml.html
from lxml import etree

from scraper.results import jsonarrays
from scraper.results.decoding import decoded
from scraper.results.delimited import looks_delimited
from scraper.results.document import source_rows
from scraper.results.grids import rewrite_grids
from scraper.results.html import MAX_TAGS, RECORDS_HEADING, number_lists
from scraper.results.matching import json_values
from scraper.results.model import ResultDoc
from scraper.results.officesource import office_units
from scraper.results.resultlike import Unit

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BLOCKS = {
    *("p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "table"),
    *("section", "article", "ul", "ol", "dd", "dt", "header", "footer", "caption", "form"),
}
_BARE_NUMBER = re.compile(r"\s*(\d{1,5})\.?\s*$")
MAX_RECORD = 15  # lines of one record of one-cell-per-line text
MAX_GAP = 40  # lines from one place of such a run to the next
MIN_CHAIN = 3  # places in sequence that make such a run


def units_of(data: bytes | str, doc: ResultDoc) -> list[Unit]:
    """The units of the document ``data`` that ``doc`` was read from."""
    raw = data if isinstance(data, bytes) else b""
    if raw[:1024].lstrip().startswith(b"%PDF"):  # no text read: no text layer to hold it to
        return text_units(doc.text or "")
    if raw[:4] == b"PK\x03\x04":
        return office_units(raw)
    if doc.format.endswith("agate") and doc.text:
        return text_units(doc.text)  # results run together in paragraphs, one per line
    text = decoded(data)
    head = text.lstrip("\ufeff \t\r\n")[:1]
    if head in ("{", "[") and (found := _json_units(text)) is not None:
        return found
    lower = text[:4096].lower()
    if lower.lstrip("\ufeff \t\r\n").startswith("<?xml") and "<html" not in lower:
        return _xml_units(text)
    if any(tag in lower for tag in ("<html", "<!doctype", "<table", "<div", "<pre")):
        if text.count("<") > MAX_TAGS:
            return []  # over the bound the reader keeps to: unparsed, its reason says why
        return _html_units(text, grids=doc.format.endswith("-grids"))
    if doc.format == "delimited" and (rows := source_rows(text)) is not None:
        return [tuple(c.strip() for c in row) for row in rows]  # as its reader cut it (tabs)
    if doc.format == "lif":  # FinishLynx's: the event's line, then each result's cells
        lines = [ln for ln in text.splitlines() if ln.strip()][1:]
        return [tuple(c.strip() for c in cells) for cells in csv.reader(lines)]
    return text_units(doc.text if doc.text is not None else text)


# -- text ------------------------------------------------------------------------------------


def text_units(text: str) -> list[Unit]:
    """The non-blank lines of ``text``, runs of one-cell-per-line records joined into one unit
    each; in delimited text (CSV, semicolon- or bar-separated), each line's cells."""
    lines = text.splitlines()
    delimiter = _delimiter(lines)
    if delimiter is not None and looks_delimited(text):  # a header row, as the reader wants:
        # not commas inside fixed-width lines ('GARCÍA, María José  2001  Valencia  13,08')
        return [
            tuple(c.strip() for c in cells)
            for cells in csv.reader(lines, delimiter=delimiter)
            if any(c.strip() for c in cells)
        ]
    starts = _record_starts(lines)
    units: list[Unit] = []
    i = 0
    while i < len(lines):
        if i in starts:
            end = starts[i]
            units.append(tuple(ln.strip() for ln in lines[i:end] if ln.strip()))
            i = end
            continue
        if lines[i].strip():
            units.append(lines[i])
        i += 1
    return units


def _delimiter(lines: list[str]) -> str | None:
    """The delimiter of delimited text: two or more of it on 80% of the (first 200) lines from
    the first that has them (a sheet's 'Meet,Bellerive Open' lines may come before)."""
    sample = [ln for ln in lines[:400] if ln.strip()][:200]
    for delimiter in (",", ";", "|"):
        start = next((i for i, ln in enumerate(sample) if ln.count(delimiter) >= 2), len(sample))
        rest = sample[start:]
        if len(rest) >= 3 and sum(ln.count(delimiter) >= 2 for ln in rest) >= 0.8 * len(rest):
            return delimiter
    return None


def _record_starts(lines: list[str]) -> dict[int, int]:
    """Records of one-cell-per-line text: {first line: line after the record}. A record starts at
    a place printed alone on its line, one of at least MIN_CHAIN places in sequence each at most
    MAX_GAP lines after the one before (other runs, e.g. unattached runners numbered apart, may
    come between), and ends where the next record starts (or after the usual record's length). A
    run whose numbers are each followed by another record's place (a points column) starts no
    record. A record holds the blank lines of its empty cells; the last of a run ends at a blank
    line or after the run's usual length."""
    numbers = {i: int(m[1]) for i, ln in enumerate(lines) if (m := _BARE_NUMBER.match(ln))}
    seen: set[int] = set()
    starts: list[int] = []
    for i in sorted(numbers):
        if i in seen:
            continue
        chain = [i]
        while True:
            at, want = chain[-1], numbers[chain[-1]] + 1
            nxt = next((j for j in range(at + 2, at + MAX_GAP + 1) if numbers.get(j) == want), None)
            if nxt is None:
                break
            chain.append(nxt)
        seen.update(chain)
        trailing = sum(1 for c in chain if c + 1 in numbers)
        if len(chain) >= MIN_CHAIN and trailing * 2 <= len(chain):
            starts += chain
    starts.sort()
    if not starts:
        return {}
    sizes = [b - a for a, b in zip(starts, starts[1:], strict=False) if b - a <= MAX_RECORD]
    usual = int(median(sizes)) if sizes else MAX_RECORD
    out = {}
    for a, b in zip(starts, [*starts[1:], None], strict=True):
        if b is not None and b - a <= MAX_RECORD:  # to the next record, empty cells and all
            out[a] = b
            continue
        b = len(lines) if b is None else b
        end = a + 1  # the last of a run: its usual length, up to a blank line
        while end < min(b, a + usual) and lines[end].strip():
            end += 1
        out[a] = end
    return out


# -- HTML ------------------------------------------------------------------------------------


def _records(table: Any) -> bool:
    """A table under a records heading ('Meeting Records'): no results, as the reader reads it."""
    heading = table.xpath("preceding::*[self::h1 or self::h2 or self::h3 or self::h4][1]")
    return bool(heading) and bool(RECORDS_HEADING.match(heading[0].text_content().strip()))


def _html_units(text: str, grids: bool = False) -> list[Unit]:
    text = _NOT_XML.sub("", re.sub(r"^\s*<\?xml[^>]*\?>", "", text))
    try:
        root = lxml.html.fromstring(text)
    except (etree.ParserError, ValueError):
        return text_units(text)
    for el in root.xpath("//script|//style|//noscript|//template|//select"):
        el.drop_tree()
    if grids:  # the reader read rows of <div>s as a table's: so does the audit
        rewrite_grids(root)
    units: list[Unit] = []
    for pre in list(root.iter("pre")):
        units += text_units(pre.text_content())
        pre.drop_tree()
    for table in list(root.iter("table")):
        if table.find(".//table") is not None:
            continue
        if _shown(table) and not _records(table):
            units += [cells for tr in table.iter("tr") if _shown(tr) and (cells := _cells(tr))]
        table.drop_tree()
    number_lists(root)  # as the reader numbers them
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    return units + text_units(root.text_content().replace("\xa0", " "))


def _shown(el: Any) -> bool:
    return el.get("hidden") is None and not _HIDDEN.search(el.get("style") or "")


def _cells(tr: Any) -> tuple[str, ...]:
    """A row's shown cells, each one's texts spaced (a cell holding a time and a note in two
    blocks reads ``19:23 First Timer!``)."""
    cells = tuple(
        " ".join(" ".join(c.itertext()).replace("\xa0", " ").split())
        for c in tr
        if c.tag in ("td", "th") and _shown(c)
    )
    return cells if any(cells) else ()


# -- JSON, XML -------------------------------------------------------------------------------


def _json_units(text: str) -> list[Unit] | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    units: list[Unit] = []
    pending = [data]
    while pending:
        item = pending.pop(0)
        if isinstance(item, list) and len(item) >= 2 and all(map(jsonarrays.scalar, item)):
            units.append(tuple(jsonarrays.cells(item)))  # a row as an array ('data': [[...]])
            continue
        if isinstance(item, list):
            pending = [*item, *pending]
            continue
        if not isinstance(item, dict):
            continue
        lists: list[Any] = []
        cells = json_values(item, [], lists)
        pending = [*lists, *pending]
        if any(cells):
            units.append(tuple(cells))
    return units


def _xml_units(text: str) -> list[Unit]:
    try:
        root = etree.fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", text).encode("utf-8"))
    except etree.XMLSyntaxError:
        return text_units(text)
    units: list[Unit] = []
    _xml_walk(root, units)
    return units


def _xml_walk(el: Any, units: list[Unit]) -> None:
    kids = [k for k in el if isinstance(k.tag, str)]
    tags = [k.tag for k in kids]
    for k in kids:
        inner = [g.tag for g in k if isinstance(g.tag, str)]
        if tags.count(k.tag) < 2 or any(inner.count(t) > 1 for t in inner):
            _xml_walk(k, units)  # one element, or one of many that holds repeated ones: events
            continue
        cells = tuple(v for d in k.iter() if isinstance(d.tag, str) for v in _xml_values(d))
        if any(cells):  # a repeated element (a feed's <result>): one unit
            units.append(cells)


def _xml_values(el: Any) -> list[str]:
    values = [" ".join(v.split()) for v in el.attrib.values()]
    if el.text and el.text.strip():
        values.append(" ".join(el.text.split()))
    return values
