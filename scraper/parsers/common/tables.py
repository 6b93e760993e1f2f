"""Tables inside an article: data tables kept as text rows, layout tables read as the page they
lay out, and results tables told apart for the results parser.

A *data table* holds its values in its cells: no table inside it, no cell holding paragraphs of
its own (an old site's page layout puts the whole article in one cell), at least two rows of
which one has two cells. Its text is one line per row, cells joined by `` | `` (a row repeating
the cell before it, as a colspan renders, keeps the cell once). A *results table* is a data table
whose rows give marks (``3:45.34``, ``8.12m``) beside places or names: its HTML goes to the
results parser (``scraper.results``), so its rows reach the archive as results.
"""

from __future__ import annotations

import re

from lxml import etree

from scraper.results.columns import place_of
from scraper.results.headers import field_of

CELL_MAX = 300  # characters of the longest cell of a data table (a layout cell holds more)
_CELLS = ("td", "th")
_PARA_IN_CELL = etree.XPath("count(.//p)")
# a performance as results print it: a time (10.23, 3:45.34, 2:05:13), a distance or height
# (8.12m, 8.12 m), or a status; whole cell
_MARK = re.compile(
    r"(?:(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?|\d{1,3}[.,]\d{2,3})\s?[hmA]?"
    r"|DNF|DNS|DQ|NM|NH|DSQ",
    re.IGNORECASE,
)
_RESULT_FIELDS = {"place", "athlete", "team", "mark", "points"}


def rows_of(table: etree._Element) -> list[list[str]]:
    """The text of each cell, row by row (rows of nested tables excluded)."""
    out = []
    for tr in table.iter("tr"):
        if _owner(tr) is not table:
            continue
        cells = [" ".join(" ".join(c.itertext()).split()) for c in tr if c.tag in _CELLS]
        if any(cells):
            out.append(cells)
    return out


def _owner(el: etree._Element) -> etree._Element | None:
    node = el.getparent()
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node


def data_table_of(
    el: etree._Element, within: etree._Element
) -> tuple[etree._Element, list[list[str]]] | None:
    """The data table ``el`` sits in below ``within`` (and its rows), if any."""
    node: etree._Element | None = el
    while node is not None and node is not within:
        if node.tag == "table":
            rows = rows_of(node)
            return (node, rows) if is_data_table(node, rows) else None
        node = node.getparent()
    return None


def is_data_table(table: etree._Element, rows: list[list[str]]) -> bool:
    if len(rows) < 2 or max(len(r) for r in rows) < 2:
        return False
    if table.find(".//table") is not None:
        return False
    if any(len(cell) > CELL_MAX for row in rows for cell in row):
        return False
    return all(_PARA_IN_CELL(cell) <= 1 for cell in table.iter(*_CELLS))


def table_text(rows: list[list[str]]) -> str:
    lines = []
    for row in rows:
        cells: list[str] = []
        for cell in row:
            if cell and (not cells or cells[-1] != cell):
                cells.append(cell)
        if cells:
            lines.append(" | ".join(cells))
    return "\n".join(lines)


def is_results_table(rows: list[list[str]]) -> bool:
    """Most rows give a mark (a time, a distance, a status) beside two other filled cells, under
    a header naming results columns (place, name, team, time...), or, without a header, after a
    place in the first cell."""
    first = rows[0]
    header = not any(_MARK.fullmatch(c) or c.isdigit() for c in first)
    if header and len({field_of(c) for c in first} & _RESULT_FIELDS) < 2:
        return False  # a table of something else (prices, votes)
    body = rows[1:] if header else rows
    hits = sum(
        1
        for row in body
        if sum(1 for c in row if c) >= 3
        and any(_MARK.fullmatch(c) for c in row[1:])
        and (header or place_of(row[0]) is not None)
    )
    return hits >= 2 and hits >= 0.6 * len(body)


def results_html(table: etree._Element, lead: str) -> str:
    """A results table as the results parser reads it: after the text that introduces it (the
    event it lists, as results pages print it)."""
    html = etree.tostring(table, encoding="unicode", with_tail=False)
    if not lead:
        return html
    lead = lead.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<p>{lead}</p>{html}"
