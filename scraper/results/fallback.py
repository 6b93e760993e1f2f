"""Last resort for unknown text layouts: lines that start with a place and hold a mark.

When a line names the columns (``Pl Name Yr Affiliation Time Wind``, as FlashResults and many
timers print), the rows below it are read by those columns (see :mod:`scraper.results.fixedwidth`).
Otherwise cells are runs separated by two or more spaces (or tabs); the first mark-like cell after
the name is the mark, text cells before it are athlete then team, a class word or small number is
the year.  Title-like lines without a place start a new event; ``Wind: +0.8`` and heat/round lines
set the section's wind and round.
"""

from __future__ import annotations

import re

from scraper.results.columns import build_row, is_year, place_of
from scraper.results.fixedwidth import cells_by_header, extra_tiebreak, header_columns
from scraper.results.marks import parse_mark, parse_wind
from scraper.results.model import ResultDoc, Row, new_event, round_of

_SPLIT = re.compile(r"\t+|\s{2,}")
_EVENT = re.compile(
    r"\b(\d[\d,.]*\s*(?:meters?|metres?|m|k|km|mile|miles|yards?)\b|\d+\s*x\s*\d+|"
    r"mile|relay|hurdles|jump|vault|put|throw|discus|javelin|hammer|dash|run|walk)\b",
    re.I,
)


_WIND = re.compile(r"\bwind\s*:?\s*([+-]?\d+(?:[.,]\d+)?|NWI)", re.I)
_SECTION = re.compile(
    r"^(?:heat|section|flight|semi-?final|final|round|prelim\w*|qualif\w*)\b", re.I
)


def _header(line: str) -> list | None:  # type: ignore[type-arg]
    cols = header_columns(line)
    fields = {c.field for c in cols}
    known = [c for c in cols if not c.field.startswith("x:")]
    if (
        len(known) >= 3
        and len(known) * 2 >= len(cols)
        and fields & {"athlete", "team"}
        and fields & {"mark", "finals", "prelims", "points"}
    ):
        return cols
    return None


def parse(text: str) -> ResultDoc:
    doc = ResultDoc(format="fallback")
    ev = None
    cols = None
    wind = None
    for line in text.replace("\r", "").split("\n"):
        s = line.strip()
        if not s:
            continue
        hdr = _header(line)
        if hdr:
            cols = hdr
            continue
        cells = [c for c in _SPLIT.split(s) if c]
        first = cells[0].split(" ", 1)
        place = place_of(first[0])
        if place is None and first[0] not in ("--", "-", "DNF", "DQ", "DNS", "DNF", "DQ"):
            wm = _WIND.search(s)
            if _SECTION.match(s) or (wm and len(s) < 60):
                wind = parse_wind(wm.group(1))[0] if wm else None
                r = round_of(s)
                if ev is not None and r:
                    ev.round = r
                continue
            if _EVENT.search(s) and len(s) < 80 and not parse_mark(s).value:
                ev = new_event(s, round="Finals")
                doc.events.append(ev)
                cols, wind = None, None
            continue
        relay = ev is not None and ev.kind != "individual"
        if cols is not None:
            cc = cells_by_header(line, cols)
            tb, _rest = extra_tiebreak(cc)
            row = build_row(cc, None, ev.round if ev else None, relay, raw=line.rstrip())
            if row is not None and tb:
                row.tiebreak = tb
        else:
            cells = [first[1], *cells[1:]] if len(first) > 1 else cells[1:]
            row = _row(place, cells, relay)
        if row is None:
            continue
        if row.wind is None and wind is not None:
            row.wind = wind
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
