"""Last resort for unknown text layouts: lines that start with a place and hold a mark.

Cells are runs separated by two or more spaces (or tabs); the first mark-like cell after the name is
the mark, text cells before it are athlete then team, a class word or small number is the year.
Title-like lines without a place start a new event.
"""

from __future__ import annotations

import re

from scraper.results.columns import is_year, place_of
from scraper.results.marks import parse_mark
from scraper.results.model import ResultDoc, Row, new_event

_SPLIT = re.compile(r"\t+|\s{2,}")
_EVENT = re.compile(
    r"\b(\d[\d,.]*\s*(?:meters?|metres?|m|k|km|mile|miles|yards?)\b|\d+\s*x\s*\d+|"
    r"mile|relay|hurdles|jump|vault|put|throw|discus|javelin|hammer|dash|run|walk)\b",
    re.I,
)


def parse(text: str) -> ResultDoc:
    doc = ResultDoc(format="fallback")
    ev = None
    for line in text.replace("\r", "").split("\n"):
        s = line.strip()
        if not s:
            continue
        cells = [c for c in _SPLIT.split(s) if c]
        first = cells[0].split(" ", 1)
        place = place_of(first[0])
        if place is None and first[0] not in ("--", "-", "DNF", "DQ", "DNS"):
            if _EVENT.search(s) and len(s) < 80 and not parse_mark(s).value:
                ev = new_event(s, round="Finals")
                doc.events.append(ev)
            continue
        cells = [first[1], *cells[1:]] if len(first) > 1 else cells[1:]
        row = _row(place, cells, ev is not None and ev.kind != "individual")
        if row is None:
            continue
        row.raw = line.rstrip()
        if ev is None:
            ev = new_event("Results", round="Finals")
            doc.events.append(ev)
        ev.rows.append(row)
    doc.events = [e for e in doc.events if len(e.rows) >= 1]
    if sum(len(e.rows) for e in doc.events) < 2:
        doc.events = []
    return doc


def _row(place: int | None, cells: list[str], relay: bool) -> Row | None:
    texts: list[str] = []
    row = Row(place=place)
    for c in cells:
        if row.mark_raw is None and texts:
            mk = parse_mark(c)
            if mk.value is not None or mk.status is not None:
                row.set_mark(c)
                continue
        if row.mark_raw is None:
            if is_year(c) and texts and row.year is None:
                row.year = c
            elif re.search(r"[A-Za-z]", c):
                texts.append(c)
    if row.mark_raw is None or not texts:
        return None
    if relay:
        row.team = texts[0]
    else:
        row.athlete = texts[0]
        row.team = texts[1] if len(texts) > 1 else None
    return row
