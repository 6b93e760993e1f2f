"""The tables of an HTML page as lines of cells, each with the text before it (for its title).

Innermost visible tables only (a layout table around result tables adds nothing).  Hidden
cells are dropped: inline ``display:none``, the ``hidden`` attribute, and classes that a
``<style>`` block hides (TFRRS's alternate time column).  ``rowspan`` repeats a cell down the
rows it spans (a heat number printed once for its runners), ``colspan`` pads the row.

A cell holding several blocks (``<div class="compact">17:35</div><div class="detailed">New
PB!</div>``, parkrun's compact and detailed views) is read by its first block; ``Line.raw`` keeps
every cell's whole text, as the page shows it (:func:`cell_text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from scraper.results.tablerows import Line

_CSS_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")  # linear: one pass over selector { body }
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASSES = {"hidden", "d-none", "sr-only", "visually-hidden", "hide"}
_VIEW_BLOCKS = {"div", "p", "ul", "ol", "section"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "caption"}
_SKIP = {"script", "style", "option", "noscript", "template"}
MAX_SPAN = 200  # larger spans are layout tricks, read as 1


def hidden_classes(root: Any) -> set[str]:
    out = set(_HIDDEN_CLASSES)
    for st in root.iter("style"):
        for m in _CSS_RULE.finditer(st.text_content() or ""):
            if not _DISPLAY_NONE.search(m.group(2)):
                continue
            for sel in m.group(1).split(","):
                sel = sel.strip()
                if re.fullmatch(r"\.[\w-]+", sel):
                    out.add(sel[1:])
    return out


def visible(el: Any, hidden: set[str]) -> bool:
    if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
        return False
    return not (set((el.get("class") or "").split()) & hidden)


def cell_text(c: Any) -> str:
    return " ".join(c.text_content().replace("\xa0", " ").split())


def first_view(c: Any) -> str:
    """A cell of several blocks and no text of its own: its first block's text."""
    kids = [k for k in c if isinstance(k.tag, str)]
    blocks = [k for k in kids if k.tag in _VIEW_BLOCKS]
    own = (c.text or "") + "".join(k.tail or "" for k in kids)
    if len(blocks) < 2 or own.strip() or len(blocks) != len(kids):
        return cell_text(c)
    for b in blocks:
        t = cell_text(b)
        if t:
            return t
    return ""


def _span(value: str | None) -> int:
    v = (value or "1").strip()
    return min(int(v), MAX_SPAN) if v.isdigit() and int(v) > 0 else 1


def table_lines(tbl: Any, hidden: set[str]) -> list[Line]:
    """The table's rows as lines, spans filled."""
    lines: list[Line] = []
    down: dict[int, list[Any]] = {}  # column -> [rows left, text] of a rowspan above
    for tr in tbl.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        if not visible(tr, hidden):
            continue
        cells = [c for c in tr if c.tag in ("td", "th") and visible(c, hidden)]
        out: list[str] = []
        raw: list[str] = []
        for c in cells:
            _fill_down(out, down)
            raw.append(cell_text(c))
            view = first_view(c)
            rows = _span(c.get("rowspan"))
            if rows > 1:
                down[len(out)] = [rows - 1, view]
            out.append(view)
            out.extend([""] * (_span(c.get("colspan")) - 1))
        _fill_down(out, down)
        if any(out):
            lines.append(Line(out, raw))
    return lines


def _fill_down(out: list[str], down: dict[int, list[Any]]) -> None:
    """Cells a rowspan above covers at the end of ``out``."""
    while len(out) in down:
        left = down[len(out)]
        out.append(left[1])
        left[0] -= 1
        if left[0] <= 0:
            del down[len(out) - 1]


@dataclass(slots=True)
class Placed:
    """A table and what stands before it."""

    table: Any
    before: list[tuple[str, str]]  # texts before it, nearest first (up to 60), with their tag
    outline: dict[int, str]  # the latest heading of each level (1-6) above it
    joined: bool  # nothing but markup since the table before it (Word splits a table so)


def tables_in_order(root: Any, hidden: set[str]) -> list[Placed]:
    """Each innermost visible table, in document order, with the text before it."""
    texts: list[tuple[str, str]] = []
    heads: list[Any] = []
    outline: dict[int, str] = {}
    found: list[Placed] = []
    skip = 0
    mark = -1  # len(texts) when the last table ended
    for action, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if action == "start":
            skip += tag in _SKIP
            if tag in _HEADINGS:
                heads.append(el)
            if tag == "table" and el.find(".//table") is None and visible(el, hidden):
                joined = bool(found) and mark == len(texts)
                found.append(Placed(el, texts[-60:][::-1], dict(outline), joined))
            if tag and not skip and el.text and el.text.strip():
                texts.append((" ".join(el.text.split()), heads[-1].tag if heads else tag))
            continue
        skip -= tag in _SKIP
        if tag in _HEADINGS and heads:
            heads.pop()
            if tag[1:].isdigit():
                level = int(tag[1:])
                outline = {k: v for k, v in outline.items() if k < level}
                outline[level] = cell_text(el)
        if found and el is found[-1].table:
            mark = len(texts)
        if not skip and el.tail and el.tail.strip():
            parent = el.getparent()
            ptag = parent.tag if parent is not None and isinstance(parent.tag, str) else ""
            texts.append((" ".join(el.tail.split()), heads[-1].tag if heads else ptag))
    return found


def headings(root: Any) -> list[str]:
    """The text of every h1-h3, in order."""
    return [cell_text(h) for h in root.iter("h1", "h2", "h3") if cell_text(h)]
