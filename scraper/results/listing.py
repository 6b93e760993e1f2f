"""Rendered listings with one value per line (athletic.net pages copied as text, app views).

A result is a run of lines: place, optional avatar initials (1-3 capitals or symbols), name, team,
mark, then optional ``PR • Yr: 11`` / ``SR • Yr: 12`` / ``Yr: SR`` (flags and class).  Record blocks
and navigation text do not fit the run and are skipped.  The event is the last title-like line
before the first result.  A team's score is place, team, ``32 pts`` and its scorers' line; a
relay's is place, team, time and its runners on a line; a runner with a status (``DNS``) has no
place line.
"""

from __future__ import annotations

import re

from scraper.results.dates import date_in
from scraper.results.marks import parse_mark
from scraper.results.model import ResultDoc, Row, new_event, round_of
from scraper.results.rowlines import legs, runners_of
from scraper.results.statuses import status_of

_PLACE = re.compile(r"^(\d{1,4})\.?$")
_INITIALS = re.compile(r"^[A-Z\W]{1,3}$")
_YR = re.compile(
    r"^(?:(?P<flags>[A-Z=]{2,3}(?:\s*[•·,]\s*[A-Z=]{2,3})*)\s*[•·]\s*)?"
    r"(?:Yr|Grade|Gr|Class)\s*:?\s*(?P<yr>\S+)$",
    re.I,
)
_FLAGS_ONLY = re.compile(r"^(?:PR|SR|PB|SB|MR|NR)(?:\s*[•·]\s*(?:PR|SR|PB|SB|MR|NR))*$")
_EVENT = re.compile(
    r"\b(\d[\d,.]*\s*(?:meters?|metres?|m|k|km|mile|miles|yards?|yd)\b|mile|relay|"
    r"hurdles|high jump|long jump|triple jump|pole vault|shot put|throw|steeplechase)\b",
    re.I,
)
_POINTS = re.compile(r"^(\d{1,4}(?:\.\d+)?)\s*pts?\.?$", re.I)
_RECORD = re.compile(r"\brecords?\b", re.I)  # 'Meet Record as of 9/11/2026': no meet's name
_MEET_WORDS = re.compile(
    r"\b(invite|invitational|meet|championships?|classic|relays|open|games)\b", re.I
)


def _is_name(s: str) -> bool:
    return bool(re.search(r"[A-Za-z]{2}", s)) and not _PLACE.match(s) and len(s) < 80


def _mark_of(s: str) -> bool:
    mk = parse_mark(s)
    return mk.value is not None or mk.status is not None


def _series(rows: list[tuple[int, Row]]) -> list[tuple[int, list[Row]]]:
    """Group rows into runs of places (1, 2, 2, 4, ...), each row continuing the run it follows.
    A run printed interleaved with a longer one is a second numbering of the same race (e.g.
    unattached runners' own places) and is set aside; runs that follow one another are races."""
    runs: list[list] = []  # [first_line, last_line, last_place, rows, the rows' places]
    for line_no, row in rows:
        if row.place is None and runs:  # a runner with no place: the run printed above it
            runs[-1][1] = line_no
            runs[-1][3].append(row)
            runs[-1][4].add(None)
            continue
        p = row.place or 0
        best = None
        for run in reversed(runs):  # the next place, a tie, or the place after a tie (3, 3, 5)
            ties = len(run[3]) - len(run[4])
            if run[2] <= p <= run[2] + 1 + ties:
                best = run
                break
        if best is None:
            runs.append([line_no, line_no, p, [row], {row.place}])
        else:
            best[1], best[2] = line_no, p
            best[3].append(row)
            best[4].add(row.place)
    kept: list[list] = []
    for run in sorted(runs, key=lambda r: -len(r[3])):
        if len(run[3]) < 2 and kept:
            continue
        if any(run[0] < k[1] and k[0] < run[1] for k in kept):
            continue
        kept.append(run)
    return [(r[0], r[3]) for r in sorted(kept, key=lambda r: r[0])]


def _unplaced(lines: list[str], i: int) -> bool:
    """Name, team and a status from line ``i``: a runner who did not finish, with no place."""
    return (
        i + 2 < len(lines)
        and _is_name(lines[i])
        and _is_name(lines[i + 1])
        and bool(status_of(lines[i + 2]))
    )


def _title_above(lines: list[str], start: int) -> str | None:
    """The nearest event's title above line ``start``."""
    for k in range(start - 1, -1, -1):
        if _EVENT.search(lines[k]) and len(lines[k]) < 80 and not _mark_of(lines[k]):
            return lines[k]
    return None


def parse(text: str) -> ResultDoc:
    doc = ResultDoc(format="listing")
    lines = [ln.strip() for ln in text.replace("\r", "").split("\n")]
    lines = [ln for ln in lines if ln]
    n = len(lines)
    rows: list[tuple[int, Row]] = []
    teams: list[tuple[int, Row]] = []  # a team's place, name and points: the team scores
    i = 0
    while i < n:
        m = _PLACE.match(lines[i])
        if not m and rows and _unplaced(lines, i):  # 'Grant Ingram | Elk Grove | DNS'
            row = Row(athlete=lines[i], team=lines[i + 1], raw=lines[i : i + 3])
            row.set_mark(lines[i + 2], None)
            rows.append((i, row))
            i += 3 + bool(i + 3 < n and _YR.match(lines[i + 3]))
            continue
        if not m:
            i += 1
            continue
        j = i + 1
        names = runners_of(lines[j + 2]) if j + 2 < n and _mark_of(lines[j + 1]) else None
        if names and _is_name(lines[j]):  # a relay: its team, its time, its runners on a line
            row = Row(place=int(m.group(1)), team=lines[j], raw=lines[i : j + 3])
            row.set_mark(lines[j + 1], None)
            row.relay_members = legs(names)
            rows.append((i, row))
            i = j + 3
            continue
        if j + 1 < n and _is_name(lines[j]) and (pts := _POINTS.match(lines[j + 1])):
            team = Row(place=int(m.group(1)), team=lines[j], raw=lines[i : j + 2])
            team.set_mark(pts[1], "points")  # '1 | Teton Prep | 32 pts | Scorers: 1, 4, ...'
            team.points = team.mark
            teams.append((i, team))
            i = j + 2 + (j + 2 < n and lines[j + 2].casefold().startswith("scorers"))
            continue
        initials = j + 3 < n and _INITIALS.match(lines[j]) and _is_name(lines[j + 1])
        if initials and not _mark_of(lines[j + 2]) and _mark_of(lines[j + 3]):
            j += 1
        if (
            j + 2 >= n
            or not _is_name(lines[j])
            or not _is_name(lines[j + 1])
            or not _mark_of(lines[j + 2])
        ):
            i += 1
            continue
        row = Row(place=int(m.group(1)), athlete=lines[j], team=lines[j + 1])
        row.set_mark(lines[j + 2], None)
        raw = lines[i : j + 3]
        k = j + 3
        if k < n:
            ym = _YR.match(lines[k])
            if ym:
                row.year = ym.group("yr")
                if ym.group("flags"):
                    row.flags.extend(re.split(r"\s*[•·,]\s*", ym.group("flags")))
                raw.append(lines[k])
                k += 1
            elif _FLAGS_ONLY.match(lines[k]):
                row.flags.extend(re.split(r"\s*[•·]\s*", lines[k]))
                raw.append(lines[k])
                k += 1
        row.raw = raw
        rows.append((i, row))
        i = k
    if len(rows) < 2:
        return doc
    for start, series in _series(rows):
        title = _title_above(lines, start)
        ev = new_event(title or "Results", round=round_of(title) or "Finals")
        if ev.kind == "team_scores":
            ev.kind = "individual"
        ev.rows = series
        doc.events.append(ev)
    if teams:
        title = _title_above(lines, teams[0][0])
        ev = new_event(f"Team Scores - {title}" if title else "Team Scores", kind="team_scores")
        ev.rows = [r for _, r in teams]
        doc.events.append(ev)
    first = rows[0][0]
    head = lines[:first]
    for ln in head:
        printed, day = date_in(ln)
        if day and doc.meet.date is None:
            doc.meet.date_raw, doc.meet.date = printed, day
    for ln in head:
        if (
            _MEET_WORDS.search(ln)
            and len(ln) < 90
            and not _EVENT.search(ln)
            and not _RECORD.search(ln)
        ):
            doc.meet.name = ln
            break
    return doc
