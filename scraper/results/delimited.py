"""Delimited results: FinishLynx ``.lif`` files and CSV/TSV exports with a header row.

LIF: the first line describes the race (event, round, heat, event name, wind, wind unit, ...);
every other line is ``place,id,lane,last name,first name,affiliation,time,...`` where the place may
be a status (DNF, DQ, DNS).

CSV/TSV (timers' and meet software's exports, spreadsheets saved as text), with any line endings
(CR alone as old Mac spreadsheets write, LF, CRLF) and any of ``,`` ``;`` tab ``|``: a header row
among the first lines names the columns (in several languages, ``First Name``/``Last Name``, gun
and chip times), lines above it may give the meet (``Meet:,Summer 10K``), and an ``Event`` column
groups the rows into events.  The rows are read as a table (:mod:`scraper.results.tablerows`).
A results page copied from a browser is tab-separated too: its header is looked for from its
first line of tabs (menus above it), and a record whose cells hold several lines is one record,
its cells' lines kept as a table cell's (a relay team over its runners).
"""

from __future__ import annotations

import csv
import io
import re

from scraper.results.columns import build_row
from scraper.results.marks import parse_wind
from scraper.results.model import Event, ResultDoc, new_event, round_of
from scraper.results.sections import is_event_title
from scraper.results.tablecols import header_columns
from scraper.results.tablegroups import Line
from scraper.results.tablerows import read_table

_LIF_RACE = re.compile(r"^\s*\d+\s*,\s*\d+\s*,\s*\d+\s*,[^,]*[A-Za-z]")
_LIF_ROW = re.compile(r"^\s*(?:\d+|DNF|DQ|DNS|DSQ|SCR|NT)?\s*,\s*\d*\s*,\s*\d*\s*,", re.I)
_DELIMITERS = (",", ";", "\t", "|")
HEAD_LINES = 12  # a header row is looked for among the first lines


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
    """A FinishLynx ``.lif`` file: a race's line (event, round, heat, name, wind), then its
    results; heats joined into one file each open with their own race's line."""
    doc = ResultDoc(format="lif")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        doc.error = "empty LIF file"
        return doc
    ev = _lif_race(_padded(rows[0]))
    doc.events.append(ev)
    for r in rows[1:]:
        c = _padded(r)
        if _race_line(c):
            ev = _lif_race(c)
            doc.events.append(ev)
            continue
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
        if c[9]:
            row.extra["reaction"] = c[9]
        if ev.wind is not None:
            row.wind = ev.wind
        ev.rows.append(row)
    return doc


def _padded(r: list[str]) -> list[str]:
    return [x.strip() for x in r] + [""] * 10


def _lif_race(head: list[str]) -> Event:
    name = head[3] or "Results"
    ev = new_event(name, round=round_of(name) or "Finals")  # '100m Men Heat 2': a heat
    ev.number = head[0] or None
    if head[2].isdigit():
        ev.heat = int(head[2])
    if head[4]:
        ev.wind = parse_wind(head[4])[0]
    return ev


def _race_line(c: list[str]) -> bool:
    """A race's line among results: no time where a result's is, and its start's time of day
    after, or an event's name where a result's surname is."""
    return (
        bool(_LIF_RACE.match(",".join(c)))
        and not c[6]
        and (bool(_START.match(c[7])) or is_event_title(c[3]))
    )


_START = re.compile(r"^\d{1,2}:\d{2}:\d{2}")  # the race's start: '15:05:31.0270'


def _records(text: str, delim: str) -> list[list[str]]:
    """Records of any line endings (quoted fields may hold line breaks)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delim)
    return [r for r in reader if any(c.strip() for c in r)]


def _delimiter(text: str) -> tuple[str, int] | None:
    """The delimiter of the table's first lines and its header's width (tabs or commas): a
    file's first lines, or for tabs the first lines from the first with two tabs (a page copied
    from a browser, its menus above its table)."""
    text = text.lstrip("\ufeff")
    for delim in _DELIMITERS:
        start = m.start() if delim == "\t" and (m := _TABBED.search(text)) else 0
        head = [ln for ln in _LINE_END.split(text[start:], maxsplit=40) if ln][:HEAD_LINES]
        if not any(ln.count(delim) >= 2 for ln in head):
            continue
        try:
            rows = _records("\n".join(head), delim)
        except csv.Error:
            continue
        for r in rows:
            if _header(r):
                return delim, len(r) - 1
    return None


def _header(cells: list[str]) -> bool:
    return len(cells) >= 3 and header_columns([c.strip().strip('"') for c in cells]) is not None


_LINE_END = re.compile(r"\r\n|\r|\n")
_TABBED = re.compile(r"(?:^|\r)[^\r\n\t]*\t[^\r\n\t]*\t", re.M)  # a line of two tabs or more


def page_copy(text: str) -> bool:
    """A page copied from a browser: its first line of tabs after the lines a file's heading
    takes (menus, a heading, prose above its tables), so its meet is the page's to read."""
    m = _TABBED.search(text)
    return m is not None and text.count("\n", 0, m.start()) >= HEAD_LINES


def looks_delimited(text: str) -> bool:
    return _delimiter(text) is not None


def tabbed(text: str) -> bool:
    """Its table's cells parted by tabs: a page copied from a browser may be (titles, prose and
    several tables between its records), where a file of comma- or semicolon-separated records
    is a table exported whole."""
    found = _delimiter(text)
    return found is not None and found[0] == "\t"


def parse_delimited(text: str) -> ResultDoc:
    doc = ResultDoc(format="delimited")
    try:
        lines = lines_of(text)
    except ValueError as e:
        doc.error = str(e)
        return doc
    doc.events.extend(read_table(lines, None, None, doc.meet))
    return doc


def lines_of(text: str) -> list[Line]:
    """The records as lines (ValueError: no delimited table)."""
    found = _delimiter(text)
    if found is None:
        raise ValueError("no header row in the delimited text")
    delim, width = found
    if delim == "\t":
        text = "\n".join(_one_line_records(_LINE_END.split(text), width))
    try:
        rows = _records(text, delim)
    except csv.Error as e:
        raise ValueError(f"unreadable delimited text: {e}"[:300]) from e
    return [Line([c.strip() for c in r], list(r)) for r in rows]


def _one_line_records(lines: list[str], width: int) -> list[str]:  # (the first header's)
    """A page copied from a browser whose cells hold several lines (a runner over their runs and
    age grade, a time over 'New PB!', a relay team over its runners): a record's cells parted by
    as many tabs as its table's header across its lines, its last cell running on to a blank
    line or the next line with a tab.  Each such record becomes one line, a cell of several lines
    quoted as one (as a table cell's lines are read).  A line of the whole width, or lines whose
    tabs do not add up to it, or the next that opens with a place of its own, are kept as they
    are (a file's short rows, a title)."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        tabs, j = line.count("\t"), i
        if tabs >= 2 and not line[:1].isdigit() and _header(line.split("\t")):
            width = tabs  # a table of its own under its own header
        if not 0 < tabs < width:
            out.append(line)
            continue
        while j < len(lines) and tabs < width and lines[j].strip(" ") and _inside(lines[j]):
            tabs += lines[j].count("\t")
            j += 1
        if tabs != width:
            out.append(line)
            continue
        while j < len(lines) and lines[j].strip() and "\t" not in lines[j]:
            j += 1
        cells = [c.strip(" \n\u00a0") for c in "\n".join([line, *lines[i:j]]).split("\t")]
        out.append("\t".join(_quoted(c) if "\n" in c or '"' in c else c for c in cells))
        i = j
    return out


def _inside(line: str) -> bool:
    """A line that may go on a record: no tab, or its first cell no place of its own."""
    return "\t" not in line or not line.split("\t", 1)[0].strip().isdigit()


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"'
