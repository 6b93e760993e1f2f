"""One performance printed by two documents of a meet (the Results page's table and the Hy-Tek
file) counts once: the rows stay, the copies point to the row holding it
(``results.duplicate_of``), and ``performances`` (the view of rows that are no copy) is what
rankings and athlete pages count.

Rows of a meet are one performance when they are the same athlete (an athlete id; a relay: the
same team), discipline and mark (or status), from different documents. A document printing two
such rows (a heat and a final run in the same time) keeps them apart, and they are matched
across documents by round. The holder is the row printing the most (place, team, year, wind,
flags, round), the first stored on a tie.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlite_utils

from pipelines import db as schema
from scraper.text.people import team_words

_FILLED = ("place", "team", "year", "wind", "round")


def _who(row: dict[str, Any]) -> str | None:
    if row["athlete_id"] is not None:
        return f"athlete {row['athlete_id']}"
    if row["kind"] == "relay" and row["team"]:
        return f"relay {team_words(row['team'])}"
    return None


def _what(row: dict[str, Any]) -> str | None:
    if row["mark"] is not None:
        return f"{float(row['mark']):.2f}"
    return row["status"]


def _richness(row: dict[str, Any]) -> tuple[int, int, int]:
    filled = sum(1 for k in _FILLED if row[k] not in (None, ""))
    filled += 1 if row["flags"] not in (None, "", "[]") else 0
    return (filled, -row["document_id"], -row["id"])


def holders(rows: list[dict[str, Any]]) -> dict[int, int]:
    """Row id -> the id of the row holding its performance, for the copies among ``rows``."""
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        who, what = _who(row), _what(row)
        if who and what:
            groups[(who, row["discipline"], what)].append(row)
    out: dict[int, int] = {}
    for group in groups.values():
        docs = {r["document_id"] for r in group}
        if len(docs) < 2:
            continue
        by_round: dict[Any, list[dict[str, Any]]] = defaultdict(list)
        if len(docs) == len(group):
            by_round[None] = group
        else:  # a document prints two of them: match across documents by round
            for r in group:
                by_round[r["round"]].append(r)
        for same in by_round.values():
            if len({r["document_id"] for r in same}) != len(same) or len(same) < 2:
                continue
            best = max(same, key=_richness)
            out.update((r["id"], best["id"]) for r in same if r["id"] != best["id"])
    return out


def dedupe_meet(db: sqlite_utils.Database, meet_id: int) -> int:
    """Mark the copies among a meet's rows; returns how many rows are copies."""
    found = holders(schema.meet_rows(db, meet_id))
    schema.set_duplicates(db, meet_id, found)
    return len(found)
