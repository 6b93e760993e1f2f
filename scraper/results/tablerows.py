"""Rows of one HTML table -> events: header rows, section rows, and header-less columns inferred
from their values (RunnerSpace/Google Sheets tables).

A row whose cells name known columns is a header; a row with a single filled cell is a section
label (``Boys Individuals``, ``Official Team Scores``) or a round (``Finals:``); without a header
the columns of each section are inferred: place (small increasing integers), year (class words),
mark, then the athlete (the column of multi-word names), the team (the fullest other text
column) and a country (2-3 letter codes).
"""

from __future__ import annotations

import re

from scraper.results.columns import build_row, cell_kind, is_year, place_of
from scraper.results.headers import field_of
from scraper.results.marks import RECORD_FLAGS, parse_mark
from scraper.results.model import Event, new_event, round_of

_FIELD_EVENTS = ("jump", "vault", "put", "throw", "discus", "javelin", "hammer", "weight")


def _header_map(vals: list[str]) -> list[str | None] | None:
    fields = [field_of(v) if v else None for v in vals]
    known = [f for f in fields if f]
    named = "athlete" in known or "team" in known or "place" in known
    marks = sum(1 for v in vals if v and not v.isdigit() and parse_mark(v).value is not None)
    if len(known) >= 2 and named and marks <= 1:
        return fields
    return None


def _section_label(vals: list[str]) -> str | None:
    filled = [v for v in vals if v]
    if len(filled) == 1 and place_of(filled[0]) is None and not parse_mark(filled[0]).value:
        return filled[0].rstrip(":")
    return None


def read_table(
    rows: list[tuple[list[str], bool]], title: str | None, rnd: str | None
) -> list[Event]:
    events: list[Event] = []
    header: list[str | None] | None = None
    ev: Event | None = None
    pending: list[list[str]] = []
    gender = None

    def start(name: str | None) -> Event:
        nonlocal gender
        e = new_event(name or "Results", round=rnd or "Finals")
        if e.gender is None:
            e.gender = gender
        gender = e.gender
        events.append(e)
        return e

    def flush() -> None:
        if ev is not None and pending:
            _infer_rows(ev, pending)
            pending.clear()

    for vals, _all_th in rows:
        hm = _header_map(vals)
        if hm:
            flush()
            header = hm
            if ev is None or ev.rows:
                ev = start(title if ev is None else ev.name)
            named = set(hm)
            if (
                "team" in named
                and "points" in named
                and not named & {"athlete", "mark", "finals", "prelims"}
            ):
                ev.kind = "team_scores"  # Rank | Team | Score (| 1 2 3 4 5 ...)
            continue
        label = _section_label(vals)
        if label:
            r = round_of(label)
            if r and len(label) < 25:
                rnd = r
                if ev is not None:
                    ev.round = r
                continue
            flush()
            ev = start(label)
            if ev.kind == "individual" and re.search(r"\bteams?\b", label, re.I):
                ev.kind = "team_scores"
            header = None
            continue
        if ev is None:
            ev = start(title)
        if header is not None:
            cells: dict[str, str] = {}
            for f, v in zip(header, vals, strict=False):
                if f and v:
                    cells[f] = v
                elif v and (v in ("Q", "q") or v.upper().lstrip("=") in RECORD_FLAGS):
                    cells["qual"] = f"{cells['qual']} {v}" if "qual" in cells else v
            _add(ev, cells, vals)
        else:
            pending.append(vals)
    flush()
    return [e for e in events if e.rows]


def _unit(ev: Event) -> str | None:
    if ev.kind == "team_scores":
        return "points"
    return "m" if any(w in ev.name.lower() for w in _FIELD_EVENTS) else None


def _add(ev: Event, cells: dict[str, str], raw: list[str]) -> None:
    if ev.kind == "team_scores":
        if "mark" not in cells and "points" in cells:
            cells["mark"] = cells.pop("points")
        if "team" not in cells and "athlete" in cells:
            cells["team"] = cells.pop("athlete")
    row = build_row(cells, _unit(ev), ev.round, ev.kind != "individual", raw=list(raw))
    if row is not None:
        if ev.kind == "team_scores":
            row.athlete = None
            row.points = row.mark
        ev.rows.append(row)


_CODE = re.compile(r"^[A-Z]{2,3}$")


def _name_columns(texts: list[int], rows: list[list[str]], fields: list[str | None]) -> None:
    """Among text columns: the athlete is the one of multi-word names (leftmost on a tie), a column
    of 2-3 letter codes is a country, the team is the fullest other column (else the country)."""

    def values(j: int) -> list[str]:
        return [r[j] for r in rows if j < len(r) and r[j]]

    def share(j: int, test) -> float:  # type: ignore[no-untyped-def]
        v = values(j)
        return sum(1 for x in v if test(x)) / len(v) if v else 0.0

    codes = [j for j in texts if share(j, _CODE.match) >= 0.8]
    others = [j for j in texts if j not in codes]
    if not others:
        others, codes = codes, []
    multi = {j: share(j, lambda x: len(x.split()) >= 2) for j in others}
    athlete = max(others, key=lambda j: (multi[j] >= 0.5, multi[j] >= 0.5 and -j, -j))
    fields[athlete] = "athlete"
    rest = [j for j in others if j != athlete]
    if rest:
        fields[max(rest, key=lambda j: (len(values(j)), -j))] = "team"
        if codes:
            fields[codes[0]] = "country"
    elif codes:
        fields[codes[0]] = "team"


def _infer_rows(ev: Event, rows: list[list[str]]) -> None:
    """Header-less rows: give each column a field from the kinds of its values."""
    width = max(len(r) for r in rows)
    kinds: list[dict[str, int]] = []
    for j in range(width):
        k: dict[str, int] = {}
        for r in rows:
            v = r[j] if j < len(r) else ""
            kk = cell_kind(v)
            if kk == "text" and is_year(v):
                kk = "year"
            k[kk] = k.get(kk, 0) + 1
        kinds.append(k)
    n = len(rows)

    def frac(j: int, kind: str) -> float:
        filled = n - kinds[j].get("empty", 0)
        return kinds[j].get(kind, 0) / filled if filled else 0.0

    fields: list[str | None] = [None] * width
    used = set()
    for j in range(min(2, width)):
        if frac(j, "int") >= 0.8:
            fields[j] = "place"
            used.add("place")
            break
    for j in range(width):
        if (
            fields[j] is None
            and "year" not in used
            and frac(j, "year") >= 0.8
            and any(not (r[j] if j < len(r) else "").isdigit() for r in rows)
        ):
            fields[j] = "year"
            used.add("year")
    mark_cols = [j for j in range(width) if fields[j] is None and frac(j, "mark") >= 0.7]
    if mark_cols:
        fields[mark_cols[0]] = "mark"
    elif ev.kind == "team_scores":
        ints = [j for j in range(width) if fields[j] is None and frac(j, "int") >= 0.7]
        if ints:
            fields[ints[0]] = "mark"
    texts = [j for j in range(width) if fields[j] is None and frac(j, "text") >= 0.6]
    if ev.kind == "individual" and texts:
        _name_columns(texts, rows, fields)
    elif texts:
        fields[texts[0]] = "team"
    for r in rows:
        cells = {f: r[j] for j, f in enumerate(fields) if f and j < len(r) and r[j]}
        _add(ev, cells, r)
