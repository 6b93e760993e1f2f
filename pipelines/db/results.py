"""Meets and results: documents, events and rows; the articles covering a meet."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import sqlite_utils

from pipelines.db.schema import (
    MEETS,
    RESULT_DOC_AUDIT,
    RESULT_DOCS,
    RESULT_EVENTS,
    RESULT_JSON_COLUMNS,
    RESULTS,
    RESULTS_FTS,
)
from pipelines.db.views import meet_page

if TYPE_CHECKING:  # the parsed document's types; imported for typing only (the db layer reads
    # their fields, and `scraper.results` would cost every archive command its readers' imports)
    from scraper.results.audit import Audit
    from scraper.results.model import Event, Meet, ResultDoc, Row


def name_key(name: str | None) -> str:
    """A meet name's key: casefolded words, punctuation dropped ("Pre Classic - 2024" ->
    "pre classic 2024")."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in (name or "").casefold()).split())


def store_results(
    db: sqlite_utils.Database,
    page_id: int,
    url: str,
    doc: ResultDoc,
    fetched_at: str,
    source: str | None = None,
    identity: dict[str, Any] | None = None,
    doc_id: int | None = None,
    audit: Audit | None = None,
) -> int:
    """Store one parsed results document (``scraper.results.ResultDoc``) from a page: the meet
    as printed, its events with rows and their rows; a document without rows is listed as
    unparsed with the reason. Which meet it is, and which athletes its rows are, is decided
    afterwards (``pipelines.linking``). ``identity``: its ``url_key``, ``body_sha1`` and
    ``parse_sha1`` (see ``pipelines.db.documents``). ``audit`` (``scraper.results.audit``): its
    verdict, coverage and reasons go with the document, each row's flags with the row. With
    ``doc_id``, that document row is rewritten (same id) and its earlier events and rows
    replaced. Returns the number of rows stored."""
    events = [(e, ev) for e, ev in enumerate(doc.events) if ev.rows]
    n_rows = sum(len(ev.rows) for _, ev in events)
    values = {
        "page_id": page_id,
        "url": url,
        "meet_id": None,  # resolved by pipelines.linking
        "meet_name": doc.meet.name,
        "meet_date": doc.meet.date,
        "meet_date_raw": doc.meet.date_raw,
        "meet_venue": doc.meet.venue,
        "format": doc.format,
        "status": "parsed" if n_rows else "unparsed",
        "reason": None if n_rows else (doc.error or "no result rows found"),
        "events": len(events),
        "rows": n_rows,
        "fetched_at": fetched_at,
        "duplicate_of": None,
        **(identity or {}),
        **_audit_values(audit),
    }
    if doc_id is None:
        doc_id = db.table(RESULT_DOCS).insert(values).last_pk
    else:
        for table in (RESULTS, RESULT_EVENTS):
            db.execute(f"DELETE FROM {table} WHERE document_id = ?", [doc_id])
        db.table(RESULT_DOCS).update(doc_id, values)
    assert doc_id is not None
    ids = {"document_id": doc_id, "page_id": page_id, "meet_id": None}
    flags = audit.row_flags if audit is not None else {}
    rows = []
    for k, (e, ev) in enumerate(events):
        ev_id = db.table(RESULT_EVENTS).insert({**ids, **_event_values(ev, k)}).last_pk
        shared = {**ids, "event_id": ev_id, **_context(ev, doc.meet, source)}
        rows += [{**shared, **_row_values(r, i, flags.get((e, i)))} for i, r in enumerate(ev.rows)]
    if rows:
        db.table(RESULTS).insert_all(rows, batch_size=500)
    return n_rows


def _audit_values(audit: Audit | None) -> dict[str, Any]:
    """A document's audit columns (all NULL without an audit)."""
    if audit is None:
        return dict.fromkeys(RESULT_DOC_AUDIT)
    return {
        "verdict": audit.verdict,
        "coverage": None if audit.coverage is None else round(audit.coverage, 4),
        "result_lines": audit.result_units,
        "covered_lines": audit.covered,
        "flagged_rows": audit.flagged,
        "audit_reasons": json.dumps(audit.reasons, ensure_ascii=False),
    }


def _event_values(ev: Event, position: int) -> dict[str, Any]:
    """A ``result_events`` row: every field of the parsed event but its rows."""
    return {
        "position": position,
        "number": ev.number,
        "name": ev.name,
        "gender": ev.gender,
        "division": ev.division,
        "round": ev.round,
        "heat": ev.heat,
        "wind": ev.wind,
        "kind": ev.kind,
    }


# Row fields without a column of their own: kept in ``detail`` (with the reader's ``extra``).
ROW_DETAIL_FIELDS = ("seed_raw", "heat")


def _row_values(r: Row, position: int, audit_flags: list[str] | None = None) -> dict[str, Any]:
    """A ``results`` row from a parsed row: every field in a column (the raw line or cells beside
    the normalized values; relay members' names also joined in ``members`` for search), or, with
    no column, in ``detail``; lists and dicts as JSON. A unit goes only with a mark. The checks
    of the audit the row fails go to ``audit_flags``."""
    members = [str(m["athlete"]) for m in r.relay_members if m.get("athlete")]
    detail = dict(r.extra)
    detail.update((k, getattr(r, k)) for k in ROW_DETAIL_FIELDS if getattr(r, k) is not None)
    row = {
        "position": position,
        "place": r.place,
        "athlete": r.athlete,
        "team": r.team,
        "members": "; ".join(members) or None,
        "year": r.year,
        "bib": r.bib,
        "mark_raw": r.mark_raw,
        "mark": r.mark,
        "unit": None if r.mark is None else r.unit,
        "timing": r.timing,
        "wind": r.wind,
        "wind_raw": r.wind_raw,
        "status": r.status,
        "qualifier": r.qualifier,
        "flags": r.flags,
        "tiebreak": r.tiebreak,
        "points": r.points,
        "relay_members": r.relay_members,
        "attempts": r.attempts,
        "splits": r.splits,
        "detail": detail,
        "raw": r.raw,
        "audit_flags": audit_flags or None,
    }
    for col in RESULT_JSON_COLUMNS:
        v = row[col]
        if v is not None and not isinstance(v, str):
            row[col] = json.dumps(v, ensure_ascii=False)
    return row


def _context(ev: Event, meet: Meet, source: str | None) -> dict[str, Any]:
    """A row's event and meet, repeated on every row for search and facets."""
    return {
        "event": ev.name,
        "round": ev.round,
        "gender": ev.gender,
        "meet_name": meet.name,
        "meet_date": meet.date,
        "source": source,
    }


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


def meet_articles(db: sqlite_utils.Database, meet_id: int) -> list[dict[str, Any]]:
    """The articles covering a meet (as linked by ``pipelines.linking.meets``), oldest first."""
    page = meet_page(db, meet_id)
    return page["articles"] if page else []


def meets_overview(db: sqlite_utils.Database, query: str | None = None) -> list[dict[str, Any]]:
    """Meets (whose name, or a name one of its documents printed, holds every word of
    ``query``, a word matching the start of a longer one: "pre" finds "Prefontaine"), newest
    first, each with its results documents, events (merged across documents), performances
    and the articles that cover it (``pipelines.db.views.meet_page``)."""
    out = []
    words = name_key(query).split() if query else []
    for meet in db.query(f"SELECT id FROM {MEETS} ORDER BY coalesce(date, year, '') DESC, name"):
        page = meet_page(db, meet["id"])
        assert page is not None
        names = {page["name"], *(d["meet_name"] for d in page["documents"])}
        have = set(name_key(" ".join(n for n in names if n)).split())
        if not all(any(h.startswith(w) for h in have) for w in words):
            continue
        page["rows"] = sum(len(e["results"]) for e in page["events"])
        out.append(page)
    return out


def format_meets(meets: list[dict[str, Any]]) -> str:
    """``meets_overview()`` as text for ``meetarchive meets``."""
    if not meets:
        return "No meets."
    lines = []
    for m in meets:
        when = m["date"] or (str(m["year"]) if m["year"] else "????-??-??")
        if m["end_date"] and m["end_date"] != m["date"]:
            when += f"..{m['end_date']}"
        lines.append(
            f"{when}  {m['name']} [meet {m['id']}]"
            + (f" ({m['venue']})" if m["venue"] else "")
            + f": {m['rows']} result(s), {len(m['documents'])} document(s), "
            + f"{len(m['articles'])} article(s)"
        )
        lines += [f"    {e['name']} [{e['round'] or '-'}] {len(e['results'])}" for e in m["events"]]
        lines += [
            f"    article: {a['headline']}  {a['url'] or a['canonical_url']}" for a in m["articles"]
        ]
    return "\n".join(lines)
