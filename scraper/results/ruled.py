"""Fixed-width text with columns drawn by a ruler of ``=====`` segments (RaceDay, MileSplit raw).

::

    Varsity Boys 2 Mile
    Place Div/Tot  Bib # Name                  Sex School                  Time    Pace
    ===== ======== ===== ===================== === ======================= ======= =====
        1   1/37    1755 Benjamin Adams          M Mountain Vista High       9:34  4:47

The segments give exact spans (names and schools contain spaces, so whitespace splitting would
not do); the line above the ruler names the columns, the nearest title line above it the event.
"""

from __future__ import annotations

from scraper.results.blocks import finish_section
from scraper.results.columns import build_row, is_placeish
from scraper.results.fixedwidth import (
    RULER,
    SEGMENTED_RULER,
    Col,
    cells_by_spans,
    ruler_columns,
)
from scraper.results.model import Event, ResultDoc, Row, new_event
from scraper.results.sections import clean_title, is_title, section_name

_TITLE_REACH = 12  # lines above a header searched for its titles


def looks_ruled(text: str) -> bool:
    return any(SEGMENTED_RULER.match(line) for line in text.splitlines()[:400])


def parse(text: str) -> ResultDoc:
    doc = ResultDoc(format="ruled")
    lines = text.replace("\r", "").split("\n")
    i = 0
    n = len(lines)
    last: Event | None = None
    last_cols: list[Col] = []
    floor = 0  # where the previous block's lines end: titles are looked for below it
    while i < n:
        if not SEGMENTED_RULER.match(lines[i]) or i == 0:
            i += 1
            continue
        header = lines[i - 1]
        cols = ruler_columns(header, lines[i])
        fields = {c.field for c in cols}
        if "athlete" not in fields and "team" not in fields:
            i += 1
            continue
        titles = [  # the title lines above the header (rules and boilerplate skipped): a
            # report's heading above its notes ('BAYSTATE MARATHON' / 'Lowell, MA' / a date /
            # 'IF DOB AVAILABLE') names the race, section_name preferring an event line
            " ".join(clean_title(lines[k]).split())
            for k in range(max(floor, i - _TITLE_REACH), i - 1)
            if is_title(clean_title(lines[k])) and not RULER.match(lines[k])
        ]
        ev = new_event(section_name(titles) or (last.name if last else "Results"))
        if last is not None and last.name == ev.name and last_cols == cols:
            ev = last  # the same table again after a page break
        last, last_cols = ev, cols
        relay = ev.kind == "relay" or "athlete" not in fields
        if relay and ev.kind == "individual":
            ev.kind = "relay"
        ev.round = "Finals"
        i += 1
        floor = i  # (past the block's last row: the lines after it may title the next block)
        while i < n and not SEGMENTED_RULER.match(lines[i]):
            line = lines[i]
            if SEGMENTED_RULER.match(lines[i + 1] if i + 1 < n else ""):
                break  # the next block's header
            if (
                line.strip()
                and is_placeish(line.split()[0])
                or (line.strip() and "place" not in fields)
            ):
                cells = cells_by_spans(line, cols)
                row = build_row(cells, None, ev.round, relay, raw=line.rstrip())
                if row is not None and _holds_a_result(row):
                    ev.rows.append(row)
                    floor = i + 1
            i += 1
        if ev.rows and ev not in doc.events:
            doc.events.append(ev)
    for ev in doc.events:
        finish_section(ev)  # gun or net time: the one ordered with the places
    return doc


def _holds_a_result(row: Row) -> bool:
    """A place, a mark or a status: a note between pages ('*  QUALIFIER - BASED ON AGE ON
    4/18/11', its star read as a tie place) holds none."""
    return row.place is not None or row.mark is not None or row.status is not None
