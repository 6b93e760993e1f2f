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

from scraper.results.columns import build_row, is_placeish
from scraper.results.fixedwidth import SEGMENTED_RULER, cells_by_spans, ruler_columns
from scraper.results.model import ResultDoc, new_event


def looks_ruled(text: str) -> bool:
    return any(SEGMENTED_RULER.match(line) for line in text.splitlines()[:400])


def parse(text: str) -> ResultDoc:
    doc = ResultDoc(format="ruled")
    lines = text.replace("\r", "").split("\n")
    i = 0
    n = len(lines)
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
        title = ""
        for k in range(i - 2, max(-1, i - 6), -1):
            if lines[k].strip():
                title = lines[k].strip()
                break
        ev = new_event(title or "Results")
        relay = ev.kind == "relay" or "athlete" not in fields
        if relay and ev.kind == "individual":
            ev.kind = "relay"
        ev.round = "Finals"
        i += 1
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
                if row is not None:
                    ev.rows.append(row)
            i += 1
        if ev.rows:
            doc.events.append(ev)
    return doc
