"""Ranking lists: the best marks of a discipline, all time or in one season, one row per athlete
or every performance, by gender, wind-legal only if asked, down to a mark threshold.

A list is never sorted whole: each gender's rows are read best mark first along a partial
index (``schema.RANKING_INDEX``, ``schema.SEASON_RANKING_INDEX``, named with ``INDEXED BY``:
``tests/test_rankings.py`` checks the plans), the genders merged
as they come, and the walk stops once the page is full (``limit`` rows after ``start``), so a
page costs about the rows it shows whatever the archive holds. A row whose event printed no
gender counts as its athlete's gender. Ranks are shared by equal marks.
"""

from __future__ import annotations

import heapq
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from pipelines.db.schema import (
    ATHLETES,
    RANKED_ROWS,
    RANKING_INDEX,
    RESULTS,
    SEASON_RANKING_INDEX,
)

LEGAL_WIND = 2.0  # m/s: a faster tail wind makes a mark wind-aided
HIGHER_IS_BETTER = ("m", "points")
MAX_LIMIT = 500
MAX_START = 10_000
_FETCH = 200
_COLUMNS = (
    "r.id AS result_id, r.athlete_id, r.athlete, r.team, r.year, r.mark, r.mark_raw, r.unit, "
    "r.wind, r.place, r.round, r.event, r.gender, r.meet_id, r.meet_name, r.meet_date, "
    "r.season, r.flags, r.relay_members, r.document_id, a.name AS athlete_name, "
    "a.gender AS athlete_gender"
)


@dataclass(frozen=True)
class RankingQuery:
    """What a ranking list shows. ``threshold`` is a normalized mark: times under it (strictly:
    "sub-4" is under 240 s), distances and points at least it."""

    discipline: str
    gender: str | None = None  # None: every gender, merged
    season: int | None = None  # None: all time
    per_athlete: bool = True  # False: every performance
    legal_wind: bool = False  # leave out marks with a tail wind over LEGAL_WIND
    threshold: float | None = None
    limit: int = 100
    start: int = 0


def _by(db: sqlite_utils.Database, season: bool = False) -> str:
    """``INDEXED BY`` the ranking index (by season: the season one) when the archive has it.
    The planner alone prefers the ``duplicate_of`` index (``duplicate_of IS NULL`` reads as
    an equality) and then sorts every row of the discipline."""
    index = SEASON_RANKING_INDEX if season else RANKING_INDEX
    found = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", [index]
    ).fetchone()
    return f"INDEXED BY {index}" if found else ""


def higher_is_better(unit: str | None) -> bool:
    return unit in HIGHER_IS_BETTER


def discipline_unit(db: sqlite_utils.Database, discipline: str) -> str | None:
    """The unit a discipline's marks are in (its best-ranked row's), None if it has no marks."""
    found = db.execute(
        f"SELECT unit FROM {RESULTS} {_by(db)} WHERE discipline = ? AND {RANKED_ROWS} LIMIT 1",
        [discipline],
    ).fetchone()
    return found[0] if found else None


def disciplines(db: sqlite_utils.Database) -> list[str]:
    """Every discipline with a ranked mark, one index seek each."""
    out: list[str] = []
    last = ""
    while True:
        (found,) = db.execute(
            f"SELECT min(discipline) FROM {RESULTS} {_by(db)} "
            f"WHERE discipline > ? AND {RANKED_ROWS}",
            [last],
        ).fetchone()
        if found is None:
            return out
        out.append(found)
        last = found


def genders(db: sqlite_utils.Database, discipline: str) -> list[str | None]:
    """The genders a discipline's events printed (None: no gender printed), one seek each."""
    out: list[str | None] = []
    if db.execute(
        f"SELECT 1 FROM {RESULTS} {_by(db)} "
        f"WHERE discipline = ? AND gender IS NULL AND {RANKED_ROWS} LIMIT 1",
        [discipline],
    ).fetchone():
        out.append(None)
    last = ""
    while True:
        (found,) = db.execute(
            f"SELECT min(gender) FROM {RESULTS} {_by(db)} "
            f"WHERE discipline = ? AND gender > ? AND {RANKED_ROWS}",
            [discipline, last],
        ).fetchone()
        if found is None:
            return out
        out.append(found)
        last = found


def _walk(
    db: sqlite_utils.Database, q: RankingQuery, gender: str | None, high: bool, unit: str | None
) -> Iterator[tuple[float, int, dict[str, Any]]]:
    """One gender's rows (gender None: rows of no printed gender), best first (equal marks by
    id, in the index's direction), as the merge's key (mark, id: negated when higher is
    better) and the row."""
    where = ["r.discipline = ?", "r.gender IS NULL" if gender is None else "r.gender = ?"]
    args: list[Any] = [q.discipline] if gender is None else [q.discipline, gender]
    if q.season is not None:
        where.append("r.season = ?")
        args.append(q.season)
    if q.threshold is not None:
        where.append("r.mark >= ?" if high else "r.mark < ?")
        args.append(q.threshold)
    where.append("r.unit IS ?")
    args.append(unit)
    if q.legal_wind:
        where.append(f"(r.wind IS NULL OR r.wind <= {LEGAL_WIND})")
    order = "DESC" if high else "ASC"
    cursor = db.execute(
        f"SELECT {_COLUMNS} FROM {RESULTS} r {_by(db, season=q.season is not None)} "
        f"LEFT JOIN {ATHLETES} a ON a.id = r.athlete_id "
        f"WHERE {' AND '.join(where)} AND {RANKED_ROWS} ORDER BY r.mark {order}, r.id {order}",
        args,
    )
    names = [d[0] for d in cursor.description]
    sign = -1.0 if high else 1.0
    try:
        while rows := cursor.fetchmany(_FETCH):
            for values in rows:
                row = dict(zip(names, values, strict=True))
                yield sign * row["mark"], sign * row["result_id"], row
    finally:
        cursor.close()


def _who(row: dict[str, Any]) -> tuple[str, Any]:
    if row["athlete_id"] is not None:
        return ("athlete", row["athlete_id"])
    if row["athlete"] or row["team"]:
        return ("name", (row["athlete"] or row["team"]).casefold())
    return ("row", row["result_id"])


def _lists(row: dict[str, Any]) -> dict[str, Any]:
    return {k: json.loads(row[k]) if row[k] else [] for k in ("flags", "relay_members")}


def ranking(db: sqlite_utils.Database, q: RankingQuery) -> dict[str, Any]:
    """A page of a ranking list: ``rows`` (each with ``rank``), the ``unit``, whether higher
    marks are better, and whether the list goes on (``more``)."""
    limit = max(1, min(q.limit, MAX_LIMIT))
    start = max(0, min(q.start, MAX_START))
    unit = discipline_unit(db, q.discipline)
    high = higher_is_better(unit)
    printed = genders(db, q.discipline)
    walks = []
    for gender in printed:
        if q.gender is not None and gender not in (q.gender, None):
            continue
        rows = _walk(db, q, gender, high, unit)
        if gender is None and q.gender is not None:
            rows = (r for r in rows if r[2]["athlete_gender"] == q.gender)
        walks.append(rows)
    seen: set[tuple[str, Any]] = set()
    out: list[dict[str, Any]] = []
    count = 0
    rank = 0
    last_mark: float | None = None
    more = False
    for _, _, row in heapq.merge(*walks, key=lambda t: (t[0], t[1])):
        if q.per_athlete:
            who = _who(row)
            if who in seen:
                continue
            seen.add(who)
        count += 1
        if row["mark"] != last_mark:
            rank, last_mark = count, row["mark"]
        if count <= start:
            continue
        if len(out) == limit:
            more = True
            break
        out.append({**row, "rank": rank, **_lists(row)})
    return {"rows": out, "unit": unit, "higher_is_better": high, "more": more}


def seasons(db: sqlite_utils.Database, discipline: str) -> list[int]:
    """The seasons a discipline has ranked marks in, newest first (one seek each)."""
    out: list[int] = []
    for gender in genders(db, discipline):
        last = -1
        where = "gender IS NULL" if gender is None else "gender = ?"
        args = [] if gender is None else [gender]
        while True:
            (found,) = db.execute(
                f"SELECT min(season) FROM {RESULTS} {_by(db, season=True)} "
                f"WHERE discipline = ? AND {where} AND season > ? AND {RANKED_ROWS}",
                [discipline, *args, last],
            ).fetchone()
            if found is None:
                break
            out.append(found)
            last = found
    return sorted(set(out), reverse=True)
