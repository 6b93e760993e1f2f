"""A cleaned page as *units* of text (step 2 of ``scraper.parsers.common.body``): the nearest
block-level element around each piece of text, in reading order.

A unit remembers how much of its text sits in links. Two kinds of element are one unit whatever
they hold: a data table (its rows as text lines, ``scraper.parsers.common.tables``), and an
element the page marks as a heading without a heading tag (``role="heading"``, a
"subheading"/"subtitle" class), which becomes a heading unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from scraper.parsers.common.names import INLINE
from scraper.parsers.common.tables import is_data_table, is_results_table, rows_of, table_text

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_BR_BREAK = re.compile(r"\u2029[^\S\u2029]*\u2029")  # two <br> with only blanks between
_HEADING_CLASS = re.compile(
    r"(?:^|[\s_-])(?:sub-?heading|sub-?head|sub-?title|section-?title|heading)(?:$|[\s_-])",
    re.IGNORECASE,
)


def weight(text: str) -> int:
    """Characters, CJK counted thrice (a CJK character carries about a word)."""
    n = len(text)
    if n and not text.isascii():
        n += 2 * len(CJK.findall(text))
    return n


class Unit:
    __slots__ = ("el", "parts", "link", "tag", "results", "_text")

    def __init__(self, el: etree._Element, tag: str | None = None) -> None:
        self.el = el
        self.tag: str = tag or el.tag
        self.parts: list[str] = []
        self.link = 0
        self.results = False  # a results table
        self._text: str | None = None

    @property
    def text(self) -> str:
        """Whitespace collapsed; a blank line where <br><br> separated paragraphs (joined once:
        the parts are complete when the walk is done, before anyone reads the text)."""
        if self._text is None:
            self._text = self._join()
        return self._text

    def _join(self) -> str:
        raw = "".join(self.parts)
        if "\u2029" not in raw:
            return " ".join(raw.split())  # whitespace runs as one space, ends trimmed
        paras = (" ".join(p.split()) for p in _BR_BREAK.split(raw))
        return "\n\n".join(p for p in paras if p)


def units_of(root: etree._Element) -> list[Unit]:
    """The text under ``root`` grouped by nearest block-level element, in document order."""
    units: list[Unit] = []
    by_el: dict[etree._Element, Unit] = {}

    def unit_of(el: etree._Element, tag: str | None = None) -> Unit:
        u = by_el.get(el)
        if u is None:
            u = by_el[el] = Unit(el, tag)
            units.append(u)
        return u

    def walk(el: etree._Element, unit: Unit, in_link: bool) -> None:
        tag = el.tag
        if tag == "br":
            unit.parts.append("\u2029")
        elif tag == "table" and _table_unit(el, unit_of):
            return
        elif tag not in INLINE:
            unit = unit_of(el, "h3" if _marked_heading(el) else None)
        if tag == "a":
            href = el.get("href") or ""
            in_link = not href.startswith(("#", "javascript:"))
        if el.text:
            unit.parts.append(el.text)
            if in_link:
                unit.link += len(el.text.strip())
        for child in el:
            walk(child, unit, in_link)
            if child.tail:
                unit.parts.append(child.tail)
                if in_link:
                    unit.link += len(child.tail.strip())

    walk(root, unit_of(root), False)
    return units


def _table_unit(table: etree._Element, unit_of: Callable[[etree._Element, str], Unit]) -> bool:
    """A data table as one unit (True), or False for a layout table (read as blocks)."""
    rows = rows_of(table)
    if not is_data_table(table, rows):
        return False
    u = unit_of(table, "table")
    u._text = table_text(rows)
    u.link = sum(len(" ".join("".join(a.itertext()).split())) for a in table.iter("a"))
    u.results = is_results_table(rows)
    return True


def _marked_heading(el: etree._Element) -> bool:
    """A block the page marks as a heading without a heading tag."""
    if el.get("role") == "heading":
        return True
    cls = el.get("class")
    return bool(cls and el.tag in ("div", "p", "span") and _HEADING_CLASS.search(cls))
