"""What a meet page and an athlete page show, read from the archive: the Python API the pages,
the CLI and the exports build on. Every function counts performances, never copies
(``performances``: rows that are no other row's ``duplicate_of``).

* :func:`meet_events`: a meet's events in program order, each with its results in place order
  (relay members, wind, flags as lists);
* :func:`meet_page`: the meet, its documents (as printed, with the signals that put them in it),
  events and the articles covering it;
* :func:`athlete_results`: every result of an athlete (date, meet, event, place, mark, wind,
  round); :func:`athlete_bests`: personal and season bests per discipline; :func:`athlete_page`:
  both with the athlete and the articles naming them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import sqlite_utils

from pipelines.db.schema import (
    ARTICLES,
    ATHLETE_MENTIONS,
    ATHLETES,
    MEET_ARTICLES,
    MEETS,
    PERFORMANCES,
    RESULT_DOCS,
    RESULT_EVENTS,
)
from scraper.text.people import fold

LEGAL_WIND = 2.0  # m/s: a faster tail wind makes a mark wind-aided (no record, no PB)
_RESULT = (
    "p.id AS result_id, p.athlete_id, p.place, p.athlete, p.team, p.year, p.mark_raw, p.mark, "
    "p.unit, p.wind, p.status, p.flags, p.relay_members, p.round, p.gender, p.discipline, "
    "p.document_id, e.name AS event, e.number, e.kind, e.position AS event_position, "
    "e.wind AS event_wind"
)


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    for key in ("flags", "relay_members", "signals", "meet_signals"):
        if isinstance(row.get(key), str):
            row[key] = json.loads(row[key])
    return row


def _place_order(row: dict[str, Any]) -> tuple:
    better_high = row["unit"] in ("m", "points")
    mark = row["mark"] if row["mark"] is not None else None
    return (
        row["status"] is not None,
        row["place"] is None,
        row["place"] or 0,
        mark is None,
        -(mark or 0) if better_high else (mark or 0),
        row["result_id"],
    )


def _program_order(event: dict[str, Any]) -> tuple:
    number = event["number"]
    numeric = int(number) if number and str(number).isdigit() else None
    return (numeric is None, numeric or 0, event["first"])


def meet_events(db: sqlite_utils.Database, meet_id: int) -> list[dict[str, Any]]:
    """A meet's events, merged across its documents (same discipline or name, gender and
    round), in program order (event numbers as printed, else as the first document prints
    them), each with its results in place order."""
    rows = [
        _decode(r)
        for r in db.query(
            f"SELECT {_RESULT} FROM {PERFORMANCES} p JOIN {RESULT_EVENTS} e ON e.id = p.event_id "
            "WHERE p.meet_id = ? ORDER BY p.document_id, e.position, p.position",
            [meet_id],
        )
    ]
    events: dict[tuple, dict[str, Any]] = {}
    for i, r in enumerate(rows):
        key = (r["discipline"] or r["event"], r["gender"], r["round"])
        ev = events.setdefault(
            key,
            {
                "name": r["event"],
                "discipline": r["discipline"],
                "gender": r["gender"],
                "round": r["round"],
                "kind": r["kind"],
                "number": r["number"],
                "wind": r["event_wind"],
                "first": i,
                "results": [],
            },
        )
        if len(r["event"] or "") > len(ev["name"] or ""):
            ev["name"] = r["event"]
        ev["number"] = ev["number"] or r["number"]
        ev["results"].append(r)
    out = sorted(events.values(), key=_program_order)
    for ev in out:
        ev["results"].sort(key=_place_order)
        del ev["first"]
    return out


def meet_page(db: sqlite_utils.Database, meet_id: int) -> dict[str, Any] | None:
    """A meet with its documents, events and the articles covering it; None if unknown."""
    found = list(db.query(f"SELECT * FROM {MEETS} WHERE id = ?", [meet_id]))
    if not found:
        return None
    docs = [
        _decode(d)
        for d in db.query(
            f"SELECT id, url, format, status, reason, events, rows, duplicate_of, meet_name, "
            f"meet_date, meet_date_raw, meet_venue, meet_confidence, meet_signals "
            f"FROM {RESULT_DOCS} WHERE meet_id = ? ORDER BY id",
            [meet_id],
        )
    ]
    articles = [
        _decode(a)
        for a in db.query(
            f"SELECT a.id, a.canonical_url, a.url, a.headline, a.published_at, l.confidence, "
            f"l.signals FROM {MEET_ARTICLES} l JOIN {ARTICLES} a ON a.id = l.article_id "
            "WHERE l.meet_id = ? ORDER BY a.published_at, a.id",
            [meet_id],
        )
    ]
    return {
        **found[0],
        "documents": docs,
        "events": meet_events(db, meet_id),
        "articles": articles,
    }


def athlete_results(db: sqlite_utils.Database, athlete_id: int) -> list[dict[str, Any]]:
    """Every result of an athlete, oldest first, with its meet."""
    return [
        _decode(r)
        for r in db.query(
            f"SELECT {_RESULT}, m.id AS meet_id, m.name AS meet, m.date AS date, m.year AS "
            f"meet_year FROM {PERFORMANCES} p JOIN {RESULT_EVENTS} e ON e.id = p.event_id "
            f"LEFT JOIN {MEETS} m ON m.id = p.meet_id WHERE p.athlete_id = ? "
            "ORDER BY coalesce(m.date, p.meet_date), p.id",
            [athlete_id],
        )
    ]


def _better(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["unit"] in ("m", "points"):
        return bool(a["mark"] > b["mark"])
    return bool(a["mark"] < b["mark"])


def athlete_bests(
    db: sqlite_utils.Database, athlete_id: int, results: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Personal bests (``pb``) per discipline and season bests (``seasons``: discipline ->
    year -> best), wind-legal marks only (a wind over ``LEGAL_WIND`` m/s does not count; an
    unknown wind does)."""
    results = athlete_results(db, athlete_id) if results is None else results
    pb: dict[str, dict[str, Any]] = {}
    seasons: dict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
    for r in results:
        if r["mark"] is None or r["status"] or not r["discipline"]:
            continue
        if r["wind"] is not None and r["wind"] > LEGAL_WIND:
            continue
        d = r["discipline"]
        if d not in pb or _better(r, pb[d]):
            pb[d] = r
        year = r["meet_year"] or (int(r["date"][:4]) if r["date"] else None)
        if year is not None and (year not in seasons[d] or _better(r, seasons[d][year])):
            seasons[d][year] = r
    return {"pb": pb, "seasons": dict(seasons)}


def athlete_page(db: sqlite_utils.Database, athlete_id: int) -> dict[str, Any] | None:
    """An athlete with every result, the bests and the articles naming them; None if unknown."""
    found = list(db.query(f"SELECT * FROM {ATHLETES} WHERE id = ?", [athlete_id]))
    if not found:
        return None
    results = athlete_results(db, athlete_id)
    articles = list(
        db.query(
            f"SELECT a.id, a.url, a.canonical_url, a.headline, a.published_at, "
            f"count(*) AS mentions, max(m.confidence) AS confidence FROM {ATHLETE_MENTIONS} m "
            f"JOIN {ARTICLES} a ON a.id = m.article_id WHERE m.athlete_id = ? "
            "GROUP BY a.id ORDER BY a.published_at, a.id",
            [athlete_id],
        )
    )
    athlete = found[0]
    athlete["teams"] = json.loads(athlete["teams"] or "[]")
    return {
        **athlete,
        "results": results,
        "bests": athlete_bests(db, athlete_id, results),
        "articles": articles,
    }


def find_athletes(db: sqlite_utils.Database, query: str, limit: int = 20) -> list[dict]:
    """Athletes whose name holds every word of ``query`` (folded), most results first."""
    words = fold(query).split()
    if not words:
        return []
    where = " AND ".join("name_key LIKE ?" for _ in words)
    return list(
        db.query(
            f"SELECT * FROM {ATHLETES} WHERE {where} ORDER BY results DESC, id LIMIT ?",
            [*(f"%{w}%" for w in words), limit],
        )
    )
