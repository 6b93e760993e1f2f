"""Tables built without ``<table>``: rows of ``<div>``/``<li>`` whose cells are ``<span>``s (a
federation's result list styled as a grid, a timer's ``<ul>`` of finishers), rewritten in place
into ``<table>``/``<tr>``/``<td>`` so that the table readers read them as any table.

A *grid* is an element with at least :data:`MIN_ROWS` children of one tag that each hold the
same number (at least :data:`MIN_CELLS`) of short cells; a cell is an element child, or the
place a row prints before them (``<li>1. <a>Name</a> <span>Club</span> ...``); a row with text
between its elements is a sentence around links, not cells. Rows of another width inside the
grid (a label, a note) are left as they are, those before its first row (its title) go before the
table; a grid inside a cell of another is read first (innermost first), and an element holding
a grid is no row.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from lxml import etree

MIN_ROWS = 3  # the header and two rows, or three rows
MIN_CELLS = 3
MAX_CELL = 100  # characters: longer text is prose, not a cell
MAX_EXTRA = 2  # cells a row may print after the grid's usual ones
MAX_LEAD_WORDS = 2  # a row's own text before its cells: a place ('1.', '1 .')
_ROW_TAGS = frozenset(("div", "li", "p", "a", "dl", "section", "article"))
_NO_CELL = frozenset(("br", "script", "style", "noscript", "template", "svg", "hr"))
_TABLE_TAGS = frozenset(("table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption"))


def rewrite_grids(root: Any) -> int:
    """Rewrite every grid under ``root`` into a table (in place); how many were found."""
    found = 0
    for box in reversed(list(root.iter())):  # innermost first
        if isinstance(box.tag, str) and box.tag not in _TABLE_TAGS and _grid(box):
            found += 1
    return found


def _grid(box: Any) -> bool:
    kids = [k for k in box if isinstance(k.tag, str) and k.tag not in _NO_CELL]
    if len(kids) < MIN_ROWS:
        return False
    tag = Counter(k.tag for k in kids).most_common(1)[0][0]
    if tag not in _ROW_TAGS:
        return False
    rows = [(k, cells) for k in kids if k.tag == tag and (cells := _cells(k)) is not None]
    widths = Counter(len(cells) for _, cells in rows)
    if not widths:
        return False
    width, many = widths.most_common(1)[0]
    if width < MIN_CELLS or many < MIN_ROWS:
        return False
    first = next(row for row, cells in rows if width <= len(cells) <= width + MAX_EXTRA)
    for kid in kids[: kids.index(first)]:
        box.addprevious(kid)  # a title inside the grid before its rows ('Girls 400 Meter Dash')
    box.tag = "table"
    labels = _labels([cells for _, cells in rows if len(cells) == width])
    for row, cells in rows:
        if width <= len(cells) <= width + MAX_EXTRA:
            _as_row(row, [_unlabelled(c) for c in cells] if labels else cells)  # (a card may
            # add a cell at its end: its note, 'PB')
    if labels:  # each cell's label once, as the table's header
        header = etree.Element("tr")
        for text in labels:
            etree.SubElement(header, "th").text = text
        first.addprevious(header)
    return True


def _labels(rows: list[list[Any]]) -> list[str] | None:
    """The labels every row prints in its cells, the same at each place ('<div><span>Place</span>
    1</div>': a card laid out for a phone), or None."""
    found = {tuple(_label(c) for c in cells) for cells in rows}
    if len(found) != 1:
        return None
    labels = list(found.pop())
    return labels if sum(1 for t in labels if t) >= MIN_CELLS else None


def _label(cell: Any) -> str:
    """The text of the element a cell opens with, its value after it ('' when it has none)."""
    if isinstance(cell, str) or (cell.text or "").strip() or not len(cell):
        return ""
    head = cell[0]
    if not isinstance(head.tag, str) or not (head.tail or "").strip():
        return ""
    return " ".join("".join(head.itertext()).split())


def _unlabelled(cell: Any) -> Any:
    """The cell less its label (the value after it kept)."""
    if _label(cell):
        head = cell[0]
        cell.text = head.tail
        cell.remove(head)
    return cell


def _cells(row: Any) -> list[Any] | None:
    """The row's cells (elements, and texts between them), or None: no row of a grid."""
    if row.find(".//table") is not None:
        return None  # it holds a grid (or a table): a section, not a row
    cells: list[Any] = []
    lead = (row.text or "").strip()
    if len(lead.split()) > MAX_LEAD_WORDS:
        return None
    if lead:
        cells.append(lead)  # the row's own text before its cells: its place ('1.')
    for c in row:
        if c.tail and c.tail.strip():
            return None  # text between the elements: a sentence around links, not cells
        if not isinstance(c.tag, str) or c.tag in _NO_CELL:
            continue
        if len(" ".join("".join(c.itertext()).split())) > MAX_CELL:
            return None
        cells.extend(_parts(c))
    filled = sum(1 for c in cells if isinstance(c, str) or "".join(c.itertext()).strip())
    return cells if filled >= MIN_CELLS else None


def _parts(cell: Any) -> list[Any]:
    """A cell that only holds elements, nothing between them, as those elements' cells (a card's
    ``<div><a>Name</a><span>Club</span></div>``, ``<dl><dt>Result</dt><dd>2:08.17</dd></dl>``:
    the labels ``<dt>`` go, their values stay)."""
    kids = [k for k in cell if isinstance(k.tag, str) and k.tag not in _NO_CELL]
    if len(kids) < 2 or (cell.text or "").strip() or any((k.tail or "").strip() for k in kids):
        return [cell]
    return [p for k in kids if k.tag != "dt" for p in _parts(k)]


def _as_row(row: Any, cells: list[Any]) -> None:
    """The row as a ``<tr>`` of one ``<td>`` per cell, in the order they stand."""
    for c in list(row):
        row.remove(c)
    row.text = None
    row.tag = "tr"
    for cell in cells:
        if isinstance(cell, str):
            td = etree.SubElement(row, "td")
            td.text = cell
        else:
            cell.tail = None
            cell.attrib.pop("colspan", None)
            cell.attrib.pop("rowspan", None)
            if cell.tag not in ("td", "th"):
                wrapper = etree.SubElement(row, "td")
                wrapper.append(cell)
            else:
                row.append(cell)
