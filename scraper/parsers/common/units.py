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

from scraper.parsers.common.names import HEADINGS, INLINE, PARA_TAGS
from scraper.parsers.common.tables import is_data_table, is_results_table, rows_of, table_text

# how a sentence ends (a short last block of a body ending otherwise is a credit line)
END = (".", "!", "?", "…", '"', "”", "“", "»", "«", ")", "'", "’", ":", "。", "！", "？")
RUN_MIN = 60  # weighted characters of a run of a box's text that is a paragraph, however it ends
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
    __slots__ = ("el", "parts", "link", "tag", "results", "run", "_text")

    def __init__(self, el: etree._Element, tag: str | None = None) -> None:
        self.el = el
        self.tag: str = tag or el.tag
        self.parts: list[str] = []
        self.link = 0
        self.results = False  # a results table
        self.run = False  # a run of a box's text between blocks of its own
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
    """The text under ``root`` grouped by nearest block-level element, in document order.

    Text a block holds beside blocks of its own (a post's paragraphs written as lines between
    ``<br>``s around its ``<h2>`` subheadings and quotes) is read as runs, a unit each, in their
    place among those blocks; a run in a ``<div>`` (or another box) that ends like a sentence or
    is long is a paragraph."""
    units: list[Unit] = []
    by_el: dict[etree._Element, Unit] = {}
    runs: list[Unit] = []  # units of boxes whose text is split by blocks

    def unit_of(el: etree._Element, tag: str | None = None) -> Unit:
        u = by_el.get(el)
        if u is None:
            u = by_el[el] = Unit(el, tag)
            units.append(u)
        return u

    def run_after(u: Unit) -> Unit:
        """A new unit for the text of ``u``'s box after one of its blocks."""
        if not runs or runs[-1] is not u:
            runs.append(u)
        nxt = Unit(u.el, u.tag)
        units.append(nxt)
        runs.append(nxt)
        return nxt

    def add(unit: Unit, text: str, in_link: bool) -> None:
        unit.parts.append(text)
        if in_link:
            unit.link += len(text.strip())

    def walk(el: etree._Element, unit: Unit, in_link: bool) -> Unit | None:
        """Read ``el`` into ``unit``; the unit the text after ``el`` goes on in (None: ``el``
        is a block, the text after it starts a new run)."""
        tag = el.tag
        if tag == "br":
            unit.parts.append("\u2029")
            return unit
        if tag == "table" and _table_unit(el, unit_of):
            return None
        block = tag not in INLINE
        if block:
            unit = unit_of(el, "h3" if _marked_heading(el) else None)
        if tag == "a":
            href = el.get("href") or ""
            in_link = not href.startswith(("#", "javascript:"))
        cur, broken = unit, False
        if el.text:
            add(cur, el.text, in_link)
        for child in el:
            if broken and child.tag in INLINE and child.tag != "br":
                cur, broken = run_after(cur), False
            after = None if broken and child.tag == "br" else walk(child, cur, in_link)
            if after is None:
                broken = True
            else:
                cur = after
            tail = child.tail
            if tail and (not broken or tail.strip()):
                if broken:
                    cur, broken = run_after(cur), False
                add(cur, tail, in_link)
        return None if block or broken else cur

    walk(root, unit_of(root), False)
    for u in runs:
        u.run = True
        if u.tag not in PARA_TAGS and u.tag != "h3" and _paragraph_run(u.text):
            u.tag = "p"
    return units


def _paragraph_run(text: str) -> bool:
    """A run of a box's text that reads as a paragraph: a sentence's end, or long (a dateline,
    a place or a name left between blocks is none)."""
    return text.rstrip().endswith(END) or weight(text) >= RUN_MIN


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


_HEADING_TAGS = frozenset({"h1", *HEADINGS})


def _marked_heading(el: etree._Element) -> bool:
    """A block the page marks as a heading without a heading tag (an ``<h1>`` marked so stays
    the headline it is)."""
    if el.tag in _HEADING_TAGS:
        return False
    if el.get("role") == "heading":
        return True
    cls = el.get("class")
    return bool(cls and el.tag in ("div", "p", "span") and _HEADING_CLASS.search(cls))
