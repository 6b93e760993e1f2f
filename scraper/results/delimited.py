"""Delimited results: FinishLynx ``.lif`` files and CSV/TSV exports with a header row.

LIF: the first line describes the race (event, round, heat, event name, wind, wind unit, ...);
every other line is ``place,id,lane,last name,first name,affiliation,time,...`` where the place may
be a status (DNF, DQ, DNS).

CSV/TSV (Hy-Tek and meet-software exports, spreadsheets): a header row naming the columns
(``Place,Name,Year,Team,Mark,Wind`` or ``First Name``/``Last Name``); an ``Event`` column groups the
rows into events.
"""

from __future__ import annotations

import csv
import io
import re

from scraper.results.columns import build_row
from scraper.results.headers import field_of
from scraper.results.model import Event, ResultDoc, Row, new_event

_LIF_RACE = re.compile(r"^\s*\d+\s*,\s*\d+\s*,\s*\d+\s*,[^,]*[A-Za-z]")
_LIF_ROW = re.compile(r"^\s*(?:\d+|DNF|DQ|DNS|DSQ|SCR|NT)?\s*,\s*\d*\s*,\s*\d*\s*,", re.I)
_NAME_PARTS = {
    "first": "first",
    "first name": "first",
    "firstname": "first",
    "given name": "first",
    "last": "last",
    "last name": "last",
    "lastname": "last",
    "surname": "last",
    "family name": "last",
}


def looks_like_lif(text: str, name: str | None = None) -> bool:
    if name and name.lower().endswith(".lif"):
        return True
    lines = [ln for ln in text.splitlines()[:6] if ln.strip()]
    return (
        len(lines) >= 2
        and bool(_LIF_RACE.match(lines[0]))
        and all(_LIF_ROW.match(ln) for ln in lines[1:])
    )


def parse_lif(text: str) -> ResultDoc:
    doc = ResultDoc(format="lif")
    rows = list(csv.reader(io.StringIO(text)))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        doc.error = "empty LIF file"
        return doc
    head = [c.strip() for c in rows[0]]
    ev = new_event(head[3] if len(head) > 3 and head[3] else "Results", round="Finals")
    ev.number = head[0] or None
    if len(head) > 2 and head[2].isdigit():
        ev.heat = int(head[2])
    if len(head) > 4 and head[4]:
        from scraper.results.marks import parse_wind

        ev.wind = parse_wind(head[4])[0]
    for r in rows[1:]:
        c = [x.strip() for x in r] + [""] * 10
        cells = {
            "place": c[0],
            "bib": c[1],
            "athlete": " ".join(x for x in (c[4], c[3]) if x),
            "team": c[5],
            "mark": c[6] or (c[0] if not c[0].isdigit() else ""),
        }
        row = build_row(
            {k: v for k, v in cells.items() if v}, None, ev.round, ev.kind != "individual", raw=r
        )
        if row is None:
            continue
        if c[2]:
            row.extra["lane"] = c[2]
        if len(r) > 9 and r[9].strip():
            row.extra["reaction"] = r[9].strip()
        if ev.wind is not None:
            row.wind = ev.wind
        ev.rows.append(row)
    doc.events.append(ev)
    return doc


def looks_delimited(text: str) -> bool:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    delim = _delimiter(first)
    if delim is None:
        return False
    fields = [
        field_of(c.strip().strip('"')) or _NAME_PARTS.get(c.strip().strip('"').casefold())
        for c in first.split(delim)
    ]
    return sum(1 for f in fields if f) >= 3


def _delimiter(line: str) -> str | None:
    counts = {d: line.count(d) for d in (",", ";", "\t", "|")}
    d, n = max(counts.items(), key=lambda kv: kv[1])
    return d if n >= 2 else None


def parse_delimited(text: str) -> ResultDoc:
    doc = ResultDoc(format="delimited")
    text = text.lstrip("\ufeff")
    delim = _delimiter(text.split("\n", 1)[0]) or ","
    rows = [r for r in csv.reader(io.StringIO(text), delimiter=delim) if any(c.strip() for c in r)]
    header = [c.strip() for c in rows[0]]
    fields: list[str | None] = []
    for h in header:
        low = h.casefold()
        fields.append(
            "event"
            if low in ("event", "event name", "race")
            else _NAME_PARTS.get(low) or field_of(h)
        )
    events: dict[str, Event] = {}
    for r in rows[1:]:
        cells: dict[str, str] = {}
        for f, v in zip(fields, r, strict=False):
            v = v.strip()
            if f and v and f not in cells:
                cells[f] = v
        name = cells.pop("event", "Results")
        ev = events.get(name)
        if ev is None:
            ev = events[name] = new_event(name, round="Finals")
            doc.events.append(ev)
        first, last = cells.pop("first", None), cells.pop("last", None)
        if (first or last) and "athlete" not in cells:
            cells["athlete"] = " ".join(x for x in (first, last) if x)
        unit = "m" if re.search(r"jump|vault|put|throw|discus|javelin|hammer", name, re.I) else None
        row: Row | None = build_row(cells, unit, ev.round, ev.kind != "individual", raw=r)
        if row is not None:
            ev.rows.append(row)
    return doc
