"""Results documents made up for the identity tests, in the Hy-Tek text layout the real parser
reads, stored through the real store and results stages into a SQLite file."""

from __future__ import annotations

from typing import Any

import sqlite_utils

from pipelines import db as schema
from pipelines.context import Archive
from pipelines.results import ResultsStage
from scraper.items import Crawled, Page
from scraper.parsers.keys import document_key

# (place, name as printed, year column, team, mark)
Line = tuple[int, str, str, str, str]


def hytek(meet: str, date: str, events: list[tuple[str, list[Line]]], venue: str = "") -> bytes:
    """A Hy-Tek Meet Manager results report: meet line, venue, events with their rows."""
    lines = [
        "Licensed to Test Timing",
        f"{'':20}HY-TEK's Meet Manager {date} 06:12 PM",
        f"{'':10}{meet} - {date}",
    ]
    if venue:
        lines.append(f"{'':20}{venue}")
    lines.append(f"{'':30}Results")
    for number, (event, rows) in enumerate(events, 1):
        lines += ["", f"Event {number}  {event}", "=" * 80]
        lines += [f"    {'Name':<24}{'Year':<4} {'School':<40}{'Finals':>8}", "=" * 80]
        for place, athlete, year, team, mark in rows:
            lines.append(f"{place:>3} {athlete:<24}{year:<4} {team:<40}{mark:>8}")
    return ("\n".join(lines) + "\n").encode()


def store(db: sqlite_utils.Database, url: str, body: bytes, fetched_at: str) -> int:
    """A results page through the store (page row) and results stages; the document's id."""
    page = Page(
        url=url,
        status=200,
        headers={},
        body=body,
        fetched_at=fetched_at,
        kind="results",
        source="test",
        spider="test",
    )
    with schema.write_transaction(db):
        schema.store_page(db, page)
    ResultsStage(Archive(db)).process_item(Crawled(page=page))
    doc = schema.document_of_key(db, document_key(url))
    assert doc is not None
    return int(doc["id"])


def rows(db: sqlite_utils.Database, doc_id: int) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT r.*, a.name AS athlete_name FROM results r LEFT JOIN athletes a "
            "ON a.id = r.athlete_id WHERE document_id = ? ORDER BY r.event_id, r.position",
            [doc_id],
        )
    )


def athlete_of(db: sqlite_utils.Database, doc_id: int, name: str) -> int:
    (found,) = {r["athlete_id"] for r in rows(db, doc_id) if r["athlete"] == name}
    return int(found)
