"""Column headers -> fields, and building a :class:`Row` from the cells of any layout.

Shared by the fixed-width readers (Hy-Tek, ``====`` rulers) and the HTML table reader: a header word
("School", "Affiliation", "Team/School") names a field ("team"); :func:`build_row` reads cells keyed
by field into a row, parsing marks, wind and years on the way.
"""

from __future__ import annotations

import re

from scraper.results.align import PLACE
from scraper.results.categories import with_year
from scraper.results.dates import date_in
from scraper.results.marks import looks_like_mark, parse_mark, tiebreak_of
from scraper.results.model import Row
from scraper.results.rowlines import legs, members_of
from scraper.results.statuses import status_of

_YEAR = re.compile(
    r"^(?:\d{1,2}|FR|SO|JR|SR|GR|SR-\d|JR-\d|SO-\d|FR-\d|GR-\d|RS|[1-8]|"
    r"FRESHMAN|SOPHOMORE|JUNIOR|SENIOR|GRAD|[MW]\d{1,2})(?:-\d)?\.?$",
    re.I,
)


def is_year(text: str) -> bool:
    return bool(_YEAR.match(text.strip()))


def place_of(text: str | None) -> int | None:
    if not text:
        return None
    m = PLACE.match(text.strip())
    return int(m.group(1)) if m else None


def is_placeish(text: str) -> bool:
    t = text.strip()
    return bool(PLACE.match(t)) or t in ("--", "---", "-", "DQ", "DNF", "DNS", "**", "*")


def mark_field(fields: list[str], round_hint: str | None) -> str | None:
    """Which field holds the row's result mark: the round's column, else the last mark column."""
    present = [f for f in fields if f in ("mark", "finals", "prelims", "gun", "net")]
    if not present:
        return "chip" if "chip" in fields else None  # a chip time the only time printed
    if round_hint == "Prelims" and "prelims" in present:
        return "prelims"
    if "finals" in present:
        return "finals"
    for f in ("mark", "gun", "net"):
        if f in present:
            return f
    return present[-1]


def build_row(
    cells: dict[str, str],
    unit_hint: str | None,
    round_hint: str | None,
    relay: bool,
    raw: str | list[str] | None = None,
) -> Row | None:
    """Cells keyed by field -> a Row (None when the cells hold no athlete/team and no mark, or
    a legend's 'code = meaning' in the name or club: 'n.a. = nicht angetreten, aufg. = ...')."""
    named = " ".join(cells.get(k) or "" for k in ("athlete", "team")).strip()
    if named.startswith("=") or " = " in named:
        return None
    row = Row(raw=raw)
    row.place = place_of(cells.get("place"))
    if "place" not in cells:  # 'Overall', else the place in the age group, the only place column
        row.place = place_of(cells.get("overall") or cells.get("divtot", "").partition("/")[0])
    name = _name(cells.get("athlete") or (None if relay else cells.get("leg")))
    if cells.get("first") or cells.get("last"):  # name in two columns
        # 'Name | Surname', 'Vorname | Nachname': the given name first, as the tables read them
        name = _name(" ".join(c for c in (cells.get("first"), name, cells.get("last")) if c))
    team = _clean(cells.get("team"))
    if team and team[0] == "(" and team[-1] == ")" and "(" not in team[1:]:
        team = team[1:-1].strip() or None  # 'DNF Tamsin Kimber (Millbrook RC)': the club's
    country = _clean(cells.get("country"))
    if country:  # the affiliation where no club is printed, unless it is a hometown's province
        row.extra["country"] = country
        team = team or (None if cells.get("city") else country)
    if relay:
        row.team = team or name
        if cells.get("relay"):
            row.extra["relay"] = cells["relay"].strip()
        if cells.get("leg"):  # the runners' column: its first on the team's line, or all
            row.relay_members = legs(members_of(cells["leg"].strip()) or [cells["leg"].strip()])
        runners = _RUNNERS_AFTER.match(row.team or "")
        if runners and not row.relay_members and (names := members_of(runners[2])):
            row.team, row.relay_members = runners[1], legs(names)  # 'Box Hill A (Ann Moss, ...)'
    else:
        row.athlete, row.team = name, team
    yr = _clean(cells.get("year"))
    if yr and yr[0] == "(" and yr[-1] == ")":
        yr = yr[1:-1].strip() or None  # '(1998)': the year as printed, less its brackets
    if yr and len(yr) >= 8 and (born := date_in(yr))[0] == yr and born[1]:
        row.extra["born"], yr = yr, born[1][:4]  # a full birth date: its year, the date kept
    if row.athlete and (m := _COUNTRY_AFTER.search(row.athlete)):
        row.athlete = row.athlete[: m.start()].rstrip() or None  # 'ROUSSEAU Lucas (FRA)'
        row.extra.setdefault("country", m[1])
        row.team = row.team or m[1]
    if row.athlete and (m := _YEAR_AFTER.search(row.athlete)):
        row.athlete = row.athlete[: m.start()].rstrip() or None  # 'ROSSI Anna (01)', '奏太(2)'
        yr = yr or m[1]
    category, category_year = with_year(cells.get("category") or "")  # FFA 'SEM/96'
    row.year = yr or category_year
    bib = _clean(cells.get("bib"))
    if bib:
        row.bib = bib.lstrip("#").strip()
    mf = mark_field(list(cells), round_hint)
    pts = _clean(cells.get("points"))  # (a combined event's '2.499': points, no tie-break)
    if mf is None and pts and (unit_hint == "points" or not tiebreak_of(pts)):
        mf, unit_hint = "points", "points"  # no mark column: the points are the result
    said = next((cells[f] for f in _TIMES if f in cells and status_of(cells[f])), None)
    if said and not (mf and cells.get(mf)):
        row.set_mark(said)  # 'DNF' in the chip time's cell, the gun time's empty
    elif mf:
        row.set_mark(cells.get(mf), unit_hint)
        if row.mark is None and (row.mark_raw or "").upper().rstrip(".") == "AB":
            row.status = "DNF"  # French 'abandon', alone in the mark's cell (not Alberta)
        other = "prelims" if mf == "finals" else None
        if other and cells.get(other):
            row.extra["prelims"] = cells[other].strip()
        twin = next((f for f in _TIMES if f != mf and cells.get(f)), None)
        if twin is not None and mf in ("mark", "gun", "net"):  # gun and net time: see blocks.py
            row.extra["time_2"] = cells[twin].strip()
            row.extra["time_field"], row.extra["time_2_field"] = mf, twin
    if cells.get("seed"):
        row.seed_raw = cells["seed"].strip()
    if cells.get("wind"):
        row.set_wind(cells["wind"])
    if cells.get("heat"):
        h = cells["heat"].strip()
        if h.isdigit():
            row.heat = int(h)
    if pts:
        if mf == "points":
            row.points = row.mark
        elif tiebreak_of(pts):
            row.tiebreak = pts
        else:
            try:
                row.points = float(pts)
            except ValueError:
                row.extra["points_raw"] = pts
    for k in _EXTRA:
        if k in cells and cells[k]:
            row.extra[k] = cells[k].strip()
    if category_year:
        row.extra["category"] = category
    q = _clean(cells.get("qual"))
    if q:
        if q in ("Q", "q"):
            row.qualifier = q
        else:
            row.flags.extend(w for w in q.split() if w not in row.flags)
    if cells.get("tiebreak"):
        row.tiebreak = cells["tiebreak"].strip()
    if not (row.athlete or row.team) or (row.mark_raw is None and row.place is None):
        return None
    return row


_TIMES = ("mark", "gun", "net", "chip")  # the cells a time may stand in
_EXTRA = ("pace", "divtot", "sex", "reaction", "overall", "category", "city", "gap", "lane")
_YEAR_AFTER = re.compile(r"\s*\((\d{1,4})\)$")  # a class or birth year in brackets
_RUNNERS_AFTER = re.compile(r"^(.*?\S)\s*(\([^()]*,[^()]*\))$")  # a team, its runners in brackets
_COUNTRY_AFTER = re.compile(r"\s+\(([A-Z]{3})\)$")  # a country's code in brackets after the name


def _name(v: str | None) -> str | None:
    """A name as printed, spacing normalised ('Levine  , Louis' -> 'Levine, Louis')."""
    v = _clean(v)
    return v.replace(" ,", ",") if v else v


def _clean(v: str | None) -> str | None:
    if v is None:
        return None
    v = " ".join(v.split())
    return v or None


def cell_kind(text: str) -> str:
    """Rough type of a cell: place | year | mark | wind | empty | text."""
    t = text.strip()
    if not t:
        return "empty"
    if PLACE.match(t):
        return "int"
    if is_year(t):
        return "year"
    if looks_like_mark(t):
        return "mark"
    if parse_mark(t).status:
        return "mark"
    return "text"
