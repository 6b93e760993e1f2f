"""Meets and results: documents, events and rows; the articles covering a meet."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from pipelines.db.schema import (
    ARTICLES,
    MEETS,
    RESULT_DOCS,
    RESULT_EVENTS,
    RESULT_JSON_COLUMNS,
    RESULTS,
    RESULTS_FTS,
)


def name_key(name: str | None) -> str:
    """A meet name's key: casefolded words, punctuation dropped ("Pre Classic - 2024" ->
    "pre classic 2024")."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in (name or "").casefold()).split())


def meet_id_for(
    db: sqlite_utils.Database, meet: dict[str, Any] | None, source: str | None = None
) -> int | None:
    """The meet row for a parsed meet (name + date), created on first sight; None without a
    name."""
    if not meet or not meet.get("name"):
        return None
    key, date = name_key(meet["name"]), meet.get("date")
    row = next(
        db.query(f"SELECT * FROM {MEETS} WHERE name_key = ? AND date IS ?", [key, date]), None
    )
    if row:
        missing = {k: meet.get(k) for k in ("venue", "date_raw") if not row[k] and meet.get(k)}
        if missing:
            db[MEETS].update(row["id"], missing)
        return row["id"]
    return (
        db[MEETS]
        .insert(
            {
                "name": meet["name"],
                "name_key": key,
                "date": date,
                "date_raw": meet.get("date_raw"),
                "venue": meet.get("venue"),
                "source": source,
            }
        )
        .last_pk
    )


def store_results(
    db: sqlite_utils.Database,
    page_id: int,
    url: str,
    doc: dict[str, Any],
    fetched_at: str,
    source: str | None = None,
    identity: dict[str, Any] | None = None,
    doc_id: int | None = None,
) -> int:
    """Store one parsed results document (the JSON of ``scraper.results.to_contract``) from a
    page: its meet, events and rows; a document without rows is listed as unparsed with the
    reason. ``identity``: its ``url_key``, ``body_sha1`` and ``parse_sha1`` (see
    ``pipelines.db.documents``). With ``doc_id``, that document row is rewritten (same id) and its
    earlier events and rows replaced. Returns the number of rows stored."""
    meet = doc.get("meet") or {}
    meet_id = meet_id_for(db, meet, source)
    events = [e for e in doc.get("events") or [] if e.get("results")]
    n_rows = sum(len(e["results"]) for e in events)
    values = {
        "page_id": page_id,
        "url": url,
        "meet_id": meet_id,
        "format": doc.get("format"),
        "status": "parsed" if n_rows else "unparsed",
        "reason": None if n_rows else (doc.get("_error") or "no result rows found"),
        "events": len(events),
        "rows": n_rows,
        "fetched_at": fetched_at,
        "duplicate_of": None,
        **(identity or {}),
    }
    if doc_id is None:
        doc_id = db.table(RESULT_DOCS).insert(values).last_pk
    else:
        for table in (RESULTS, RESULT_EVENTS):
            db.execute(f"DELETE FROM {table} WHERE document_id = ?", [doc_id])
        db.table(RESULT_DOCS).update(doc_id, values)
    assert doc_id is not None
    ids = {"document_id": doc_id, "page_id": page_id, "meet_id": meet_id}
    rows = []
    for k, ev in enumerate(events):
        ev_id = db.table(RESULT_EVENTS).insert({**ids, **_event_values(ev, k)}).last_pk
        rows += [
            {**ids, "event_id": ev_id, **_row_values(r, i, ev, meet, source)}
            for i, r in enumerate(ev["results"])
        ]
    if rows:
        db.table(RESULTS).insert_all(rows, batch_size=500)
    return n_rows


def _event_values(ev: dict[str, Any], position: int) -> dict[str, Any]:
    return {
        "position": position,
        "number": ev.get("number"),
        "name": ev.get("event_name"),
        "gender": ev.get("gender"),
        "division": ev.get("division"),
        "round": ev.get("round"),
        "heat": ev.get("heat"),
        "wind": ev.get("wind"),
        "kind": ev.get("kind"),
    }


def _row_values(
    r: dict[str, Any], position: int, ev: dict[str, Any], meet: dict[str, Any], source: str | None
) -> dict[str, Any]:
    """A results row: the contract's row, the raw line or cells kept beside the normalized
    values, its event and meet repeated for search and facets; lists and dicts as JSON."""
    detail = r.get("detail") or {}
    members = [m.get("athlete") for m in r.get("relay_members") or [] if m.get("athlete")]
    row = {
        "position": position,
        "place": r.get("place"),
        "athlete": r.get("athlete"),
        "team": r.get("team"),
        "members": "; ".join(members) or None,
        "year": r.get("year"),
        "bib": detail.get("bib"),
        "mark_raw": r.get("mark"),
        "mark": r.get("mark_normalized"),
        "unit": r.get("mark_unit"),
        "timing": detail.get("timing"),
        "wind": r.get("wind"),
        "wind_raw": detail.get("wind_raw"),
        "status": r.get("status"),
        "qualifier": detail.get("qualifier"),
        "flags": detail.get("flags") or [],
        "tiebreak": detail.get("tiebreak"),
        "points": detail.get("points"),
        "relay_members": r.get("relay_members") or [],
        "attempts": detail.get("attempts") or [],
        "splits": detail.get("splits") or [],
        "detail": detail,
        "raw": r.get("raw"),
        "event": ev.get("event_name"),
        "round": ev.get("round"),
        "gender": ev.get("gender"),
        "meet_name": meet.get("name"),
        "meet_date": meet.get("date"),
        "source": source,
    }
    for col in RESULT_JSON_COLUMNS:
        v = row[col]
        if v is not None and not isinstance(v, str):
            row[col] = json.dumps(v, ensure_ascii=False)
    return row


def search_results(db: sqlite_utils.Database, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Result rows whose athlete, team or relay member names match an FTS5 query, best first,
    with their event and meet."""
    sql = (
        f"SELECT r.id, r.place, r.athlete, r.team, r.members, r.mark_raw, r.mark, r.unit, "
        f"r.wind, r.status, e.name AS event, e.round, m.name AS meet, m.date AS meet_date, "
        f"d.url FROM {RESULTS_FTS} f JOIN {RESULTS} r ON r.rowid = f.rowid "
        f"JOIN {RESULT_EVENTS} e ON e.id = r.event_id JOIN {RESULT_DOCS} d ON d.id = "
        f"r.document_id LEFT JOIN {MEETS} m ON m.id = r.meet_id "
        f"WHERE {RESULTS_FTS} MATCH ? ORDER BY f.rank LIMIT ?"
    )
    return list(db.query(sql, [query, limit]))


def meet_articles(db: sqlite_utils.Database, meet_id: int, days: int = 14) -> list[dict[str, Any]]:
    """The articles covering a meet: their meet name (or headline) holds every word of the meet's
    name (years aside), and, when the meet has a date, they were published from the day before it
    to ``days`` after it."""
    meet = db[MEETS].get(meet_id)
    words = [w for w in meet["name_key"].split() if not (w.isdigit() and len(w) == 4)]
    if not words:
        return []
    where, args = "1", []
    if meet["date"]:
        where = "date(published_at) BETWEEN date(?, '-1 day') AND date(?, ?)"
        args = [meet["date"], meet["date"], f"+{days} days"]
    out = []
    for art in db.query(
        f"SELECT id, canonical_url, url, headline, meet_name, published_at "
        f"FROM {ARTICLES} WHERE {where} ORDER BY published_at",
        args,
    ):
        have = set(name_key(f"{art['meet_name'] or ''} {art['headline'] or ''}").split())
        if all(w in have for w in words):
            out.append(art)
    return out


def meets_overview(
    db: sqlite_utils.Database, query: str | None = None, days: int = 14
) -> list[dict[str, Any]]:
    """Meets (whose name holds every word of ``query``, if given), newest first, each with its
    results documents, events, rows and the articles that cover it (see :func:`meet_articles`)."""
    out = []
    words = name_key(query).split() if query else []
    for meet in db.query(f"SELECT * FROM {MEETS} ORDER BY coalesce(date, '') DESC, name"):
        if not all(w in meet["name_key"].split() for w in words):
            continue
        docs = list(
            db.query(
                f"SELECT url, format, status, reason, events, rows FROM {RESULT_DOCS} "
                "WHERE meet_id = ? ORDER BY id",
                [meet["id"]],
            )
        )
        events = list(
            db.query(
                "SELECT e.name, e.gender, e.round, e.kind, count(r.id) AS rows FROM "
                f"{RESULT_EVENTS} e "
                f"LEFT JOIN {RESULTS} r ON r.event_id = e.id WHERE e.meet_id = ? GROUP BY e.id "
                "ORDER BY e.document_id, e.position",
                [meet["id"]],
            )
        )
        out.append(
            {
                "id": meet["id"],
                "name": meet["name"],
                "date": meet["date"],
                "venue": meet["venue"],
                "documents": docs,
                "events": events,
                "rows": sum(d["rows"] or 0 for d in docs),
                "articles": meet_articles(db, meet["id"], days),
            }
        )
    return out


def format_meets(meets: list[dict[str, Any]]) -> str:
    """``meets_overview()`` as text for ``meetarchive meets``."""
    if not meets:
        return "No meets."
    lines = []
    for m in meets:
        lines.append(
            f"{m['date'] or '????-??-??'}  {m['name']}"
            + (f" ({m['venue']})" if m["venue"] else "")
            + f": {m['rows']} result row(s), {len(m['articles'])} article(s)"
        )
        lines += [f"    {e['name']} [{e['round'] or '-'}] {e['rows']}" for e in m["events"]]
        lines += [
            f"    article: {a['headline']}  {a['url'] or a['canonical_url']}" for a in m["articles"]
        ]
    return "\n".join(lines)
