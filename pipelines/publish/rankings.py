"""A ranking list as a person asks for it (the rankings page's form: event, gender, season, one
row per athlete or every performance, wind-legal only, a mark threshold typed as marks are
printed): the query, its one-line error if it cannot be read, and the choices to offer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlite_utils

from pipelines.db import rankings
from scraper.results.display import format_mark, threshold_of

GENDERS = {"": "All", "M": "Men", "F": "Women", "X": "Mixed"}
PAGE = 100


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text not in (None, "") else None
    except ValueError:
        return None


def ranking_page(db: sqlite_utils.Database, args: Mapping[str, str]) -> dict[str, Any]:
    """What the rankings page shows for its query string: without an event, the events that
    have marks; with one, its list (``rows``), or ``error`` for a threshold that is no mark."""
    events = rankings.disciplines(db)
    event = args.get("event") or ""
    out: dict[str, Any] = {"events": events, "event": event, "genders": GENDERS, "rows": []}
    if event not in events:
        out["error"] = f"No marks for {event!r}: choose an event." if event else None
        return out
    unit = rankings.discipline_unit(db, event)
    high = rankings.higher_is_better(unit)
    gender = args.get("gender") or ""
    per = "performance" if args.get("per") == "performance" else "athlete"
    season = _int(args.get("season"))
    start = max(0, _int(args.get("start")) or 0)
    typed = (args.get("mark") or "").strip()
    out.update(
        unit=unit,
        higher_is_better=high,
        gender=gender if gender in GENDERS else "",
        per=per,
        season=season,
        seasons=rankings.seasons(db, event),
        legal_wind=args.get("wind") == "legal",
        mark=typed,
        threshold_word="at least" if high else "under",
        start=start,
        error=None,
    )
    threshold = None
    if typed:
        try:
            threshold = threshold_of(typed, unit)
        except ValueError as exc:
            out["error"] = str(exc)
            return out
        out["threshold"] = format_mark(threshold, unit)
    found = rankings.ranking(
        db,
        rankings.RankingQuery(
            discipline=event,
            gender=out["gender"] or None,
            season=season,
            per_athlete=per == "athlete",
            legal_wind=out["legal_wind"],
            threshold=threshold,
            limit=PAGE,
            start=start,
        ),
    )
    out["rows"] = found["rows"]
    out["more"] = found["more"]
    return out
