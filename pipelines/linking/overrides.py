"""The user's corrections of meets and athletes: recorded (by document key, name and team as
printed, so they outlive row and meet ids and ``reparse``) and applied to the archive at once.

* :func:`merge_meets`: two meets are one ("same meet" for every pair of their documents);
* :func:`split_document`: a document is not of the meet it was put in ("not the same meet" with
  each other document of it), and gets a meet of its own;
* :func:`same_athlete` / :func:`different_athlete`: two rows' people are (not) one athlete.

Forgetting an override (:func:`forget`) takes effect at the next ``meetarchive reparse``.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from pipelines import db as schema
from pipelines.linking import meets, mentions, performances
from pipelines.linking.athletes import Linker, display_name
from scraper.text.people import parse_person


class OverrideError(ValueError):
    """A correction that cannot be made (an unknown meet, document or row); one line."""


def _meet_changed(db: sqlite_utils.Database, meet_id: int) -> None:
    meets.refresh(db, meet_id)
    if schema.get_meet(db, meet_id) is None:
        return
    performances.dedupe_meet(db, meet_id)
    for article_id in meets.link_meet_articles(db, meet_id):
        mentions.link_mentions(db, article_id)


def merge_meets(db: sqlite_utils.Database, keep: int, other: int, at: str) -> int:
    """Meet ``other`` is meet ``keep``: its documents move there; returns overrides recorded."""
    if keep == other:
        raise OverrideError(f"meet {keep} is already itself")
    docs = {m: schema.meet_documents(db, m) for m in (keep, other)}
    for meet_id, found in docs.items():
        if not found:
            raise OverrideError(f"no meet {meet_id} with results documents")
    recorded = 0
    for a in docs[keep]:
        for b in docs[other]:
            schema.add_meet_override(db, a["url_key"], b["url_key"], True, at, "merge")
            recorded += 1
    target = schema.get_meet(db, keep)
    for d in docs[other]:
        schema.assign_document(db, d["id"], target, 1.0, {"override": "same meet (merged)"})
    _meet_changed(db, other)
    _meet_changed(db, keep)
    return recorded


def split_document(db: sqlite_utils.Database, doc_id: int, at: str) -> int:
    """Document ``doc_id`` leaves its meet for a meet of its own; returns the new meet's id."""
    doc = schema.document_meet(db, doc_id)
    if doc is None or doc["meet_id"] is None:
        raise OverrideError(f"no results document {doc_id} in a meet")
    old = doc["meet_id"]
    others = [d for d in schema.meet_documents(db, old) if d["id"] != doc_id]
    if not others:
        raise OverrideError(f"document {doc_id} is the only document of meet {old}")
    for d in others:
        schema.add_meet_override(db, doc["url_key"], d["url_key"], False, at, "split")
    values = meets.meet_values([doc])
    new = schema.create_meet(db, values)
    signals = {"override": "not the same meet as " + ", ".join(d["url_key"] for d in others)}
    schema.assign_document(db, doc_id, schema.get_meet(db, new), 1.0, signals)
    _meet_changed(db, old)
    _meet_changed(db, new)
    return new


def _reference(db: sqlite_utils.Database, row_id: int) -> dict[str, Any]:
    ref = schema.row_reference(db, row_id)
    if ref is None or not ref["athlete"]:
        raise OverrideError(f"no result row {row_id} naming an athlete")
    return ref


def _athlete_changed(db: sqlite_utils.Database, athlete_ids: set[int]) -> None:
    linker = Linker(db)
    touched_meets: set[int] = set()
    for athlete_id in sorted(athlete_ids):
        touched_meets |= {r["meet_id"] for r in schema.athlete_rows(db, athlete_id)}
        linker.refresh(athlete_id)
    for meet_id in sorted(m for m in touched_meets if m is not None):
        performances.dedupe_meet(db, meet_id)


def same_athlete(db: sqlite_utils.Database, row_a: int, row_b: int, at: str) -> int:
    """Rows ``row_a`` and ``row_b`` are one person: ``row_b``'s athlete joins ``row_a``'s;
    returns the athlete id."""
    a, b = _reference(db, row_a), _reference(db, row_b)
    schema.add_athlete_override(db, a, b, True, at)
    keep, other = a["athlete_id"], b["athlete_id"]
    if keep is None or other is None:
        raise OverrideError("both rows must be linked to an athlete (run `meetarchive reparse`)")
    if keep != other:
        schema.move_athlete(db, other, keep)
    ids = [r["id"] for r in schema.rows_of_reference(db, b["url_key"], b["athlete"], b["team"])]
    schema.link_rows(db, ids, keep, 1.0, {"override": "same athlete"})
    _athlete_changed(db, {keep, other})
    return int(keep)


def different_athlete(db: sqlite_utils.Database, row_a: int, row_b: int, at: str) -> int:
    """Rows ``row_a`` and ``row_b`` are two people: when they were one athlete, ``row_b``'s
    person (its rows in its document) becomes a new athlete; returns ``row_b``'s athlete id."""
    a, b = _reference(db, row_a), _reference(db, row_b)
    schema.add_athlete_override(db, a, b, False, at)
    if a["athlete_id"] is None or a["athlete_id"] != b["athlete_id"]:
        return int(b["athlete_id"] or 0)
    rows = schema.rows_of_reference(db, b["url_key"], b["athlete"], b["team"])
    name = parse_person(b["athlete"])
    new = schema.create_athlete(db, display_name([b["athlete"]]), name.key if name else "")
    if name is not None:
        schema.add_keys(db, new, name.block_keys())
    schema.link_rows(
        db, [r["id"] for r in rows], new, 1.0, {"override": f"not the same athlete as row {row_a}"}
    )
    _athlete_changed(db, {a["athlete_id"], new})
    return new


def forget(db: sqlite_utils.Database, kind: str, override_id: int) -> bool:
    """Remove a meet or athlete override (``kind``); it stops applying at the next reparse."""
    if kind == "meet":
        return schema.remove_meet_override(db, override_id)
    return schema.remove_athlete_override(db, override_id)
