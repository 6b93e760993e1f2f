"""A result line's alignment -> its row's cells (pure).

:func:`cells_of` turns the plan :func:`scraper.results.align.align` made of a line's tokens into
the row's cells by field, the values no field took, the flags printed beside the mark (``PB``,
``Q``) and a field event's tries (an attempts column, bar heights); :func:`settle` then puts
right what the alignment could not see: values on the wrong side of a column
(:mod:`scraper.results.cellfix`), a class year after the name (``Grant HOLLOWAY JR``), a surname
pushed into the club, a relay team's status printed where the place is and its name split
between the name and club fields of a line with no header. Of a mark printed in metres and in
feet and inches (``58.41m  191-07``), the metres are the mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from scraper.results.align import TIMES, Tok, shape
from scraper.results.cellfix import reclaim_year, swap_misplaced
from scraper.results.linetokens import rejoin_surname
from scraper.results.marks import parse_mark
from scraper.results.rowlines import height_attempt, tries
from scraper.results.statuses import opens_with_status, status_of

_UNIT_WORDS = frozenset({"min", "min.", "mins", "sek", "sek.", "sec", "s", "std", "h", "m"})


@dataclass(slots=True)
class Cells:
    cells: dict[str, str] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)  # values no field took
    flags: list[str] = field(default_factory=list)  # 'WL', 'PB', 'Q' beside the mark
    attempts: list[dict[str, Any]] = field(default_factory=list)


def cells_of(plan: list[tuple[str, list[Tok]]]) -> Cells:
    out = Cells()
    cells, last = out.cells, ""
    for name, ts in plan:
        value = " ".join(t.text for t in ts)
        name = "year" if name == "year_after" else name
        if name.startswith("height:"):
            out.attempts.append(height_attempt(len(out.attempts) + 1, name[7:], value))
        elif name == "series":
            out.attempts.extend(tries([t.text for t in ts], len(out.attempts)))
        elif name == "extra" and all(shape(t.text) == "flag" for t in ts):
            out.flags += value.split()
        elif name == "extra" and last in TIMES and value.casefold() in _UNIT_WORDS:
            cells[last] += " " + value  # '11:47,97 min': the unit printed after the mark
        elif name == "extra" and "category" not in cells and shape(value) == "category":
            cells["category"] = value  # an unlabelled category (M24, W40) beside the name
        elif name == "leg" and name in cells:  # a relay's runners a column each: 'Leg 1'..
            cells[name] += f", {value}"
        elif name == "extra" or name in cells or name.startswith("x:"):
            out.extra.append(value)
        else:
            cells[name] = value
        last = name
    if out.extra and status_of(out.extra[-1]) and not cells.keys() & (TIMES | {"points"}):
        cells["mark"] = out.extra.pop()  # 'DNF' in the last event's column: the row's status
    if "mark" in cells and (twin := _metric_twin(out.extra, cells["mark"])) is not None:
        out.extra[out.extra.index(twin)] = cells["mark"]  # '58.41m  191-07': the metric mark,
        cells["mark"] = twin  # its feet and inches beside it
    return out


_METRES = re.compile(r"\d{1,3}[.,]\d{1,2}m")


def _metric_twin(extra: list[str], mark: str) -> str | None:
    """The mark in metres (with its unit) printed beside a mark in feet and inches, the same."""
    imperial = parse_mark(mark)
    if imperial.value is None or imperial.unit != "m" or not re.search(r"\d[-']\d", mark):
        return None
    for value in extra:
        metric = parse_mark(value).value
        if _METRES.fullmatch(value) and metric and abs(metric - imperial.value) <= 0.01 * metric:
            return value
    return None


def _legend(cells: dict[str, str]) -> bool:
    """'DNF  Did Not Finish  PB  Personal Best': a legend's line, its words in the name's."""
    return opens_with_status(cells.get("athlete") or cells.get("team"))


def settle(
    cells: dict[str, str], order: list[str], fields: tuple[str, ...], headed: bool, relay: bool
) -> None:
    """Put right what the alignment of a line under ``fields`` (``headed``: a header's) in
    ``order`` could not see (see the module's docstring)."""
    if not headed and "sex" in cells and "year" not in cells:
        cells["category"] = cells.pop("sex")  # no age before it: the class ('M' among 'M30')
    swap_misplaced(cells, order)
    reclaim_year(cells, list(fields))
    if "year" not in fields and cells.get("athlete"):
        name, _, last_word = cells["athlete"].rpartition(" ")
        if name and shape(last_word) == "class":
            cells["athlete"], cells["year"] = name, last_word  # 'Grant HOLLOWAY JR'
    rejoin_surname(cells)
    if status_of(cells.get("place")) and not cells.get("mark") and not _legend(cells):
        cells["mark"] = cells.pop("place")  # 'DQ  Falkirk Victoria  (...)', 'DNF Ann Lee': the
        # status first (the reader takes no legend's line: 'DNF  Did Not Finish  PB  ...')
    if relay and not headed and cells.get("athlete") and cells.get("team"):
        cells["team"] = f"{cells.pop('athlete')} {cells['team']}"  # 'Edinburgh' + 'AC A'
