"""Cells a Hy-Tek result line prints out of their column: a mark set off past the last column,
a mark printed into the school's cell (in the other units beside it, or a status)."""

from __future__ import annotations

import re

from scraper.results.columns import mark_field
from scraper.results.marks import STATUS_CITED, looks_like_mark, parse_mark
from scraper.results.statuses import status_of

_FRACTION = re.compile(r"\d[.:]\d")
_CONVERTED = re.compile(r"^\d{1,3}[.,]\d{2}m$|^\d{1,3}-\d{2}(?:\.\d{1,2})?$")  # '6.45m', '21-02.00'


def set_off_mark(extra: str | None) -> bool:
    """What is left past the last column is a status, or a single time or distance (a text
    layer whose columns drift: '49.43' a few places right of its 'Finals'; a bare number there
    is points or a score)."""
    if extra is None:
        return False
    if status_of(extra) is not None:
        return True
    return " " not in extra and _FRACTION.search(extra) is not None and looks_like_mark(extra)


def mark_after_team(cells: dict[str, str], rnd: str | None) -> str | None:
    """A mark printed left of its column, at the end of the school's cell ('Oak Grove 6.45m
    21-02.00': in both units; 'Oak Grove FOUL', 'Bayou DQ 168.7(a)'): out of the school; the
    mark (or status), where its column is empty, else returned as the other units' mark."""
    cited = STATUS_CITED.search(team := cells.get("team", ""))  # a status citing its rule
    head, last = (team[: cited.start()], cited[0].strip()) if cited else team.rpartition(" ")[::2]
    if not head.strip() or not (_CONVERTED.match(last) or parse_mark(last).status):
        return None
    cells["team"] = head.rstrip()
    field = mark_field(list(cells), rnd) or "mark"
    if cells.get(field, "").strip():
        return last
    cells[field] = last
    return None
