"""Articles, their revisions and rejects; counts for `meetarchive stats`."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from pipelines.db.connection import write_transaction
from pipelines.db.schema import (
    ARTICLES,
    ARTICLES_FTS,
    FTS_COLUMNS,
    JSON_COLUMNS,
    MEETS,
    PAGES,
    REJECTS,
    RESULT_DOCS,
    RESULTS,
    REVISION_FIELDS,
    REVISIONS,
    VERDICTS,
)
from pipelines.db.states import UNREADABLE


def article_columns(db: sqlite_utils.Database) -> list[str]:
    return [c.name for c in db.table(ARTICLES).columns]


def find_article(
    db: sqlite_utils.Database, canonical_url: str, table: str = ARTICLES
) -> dict[str, Any] | None:
    """The article row of ``canonical_url`` in ``table`` (the archive's, or a rebuild's staging
    table: ``pipelines.db.rebuild``)."""
    cur = db.conn.execute(f"SELECT * FROM {table} WHERE canonical_url = ? LIMIT 1", [canonical_url])
    row = cur.fetchone()
    return None if row is None else dict(zip([d[0] for d in cur.description], row, strict=True))


def article_row(article: Any, columns: list[str]) -> dict[str, Any]:
    """The articles-table values of an ``Article`` (lists/dicts as JSON)."""
    row: dict[str, Any] = {}
    for name in columns:
        if not hasattr(article, name):
            continue
        value = getattr(article, name)
        if name in JSON_COLUMNS:
            value = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            value = int(value)
        row[name] = value
    return row


def _insert_sql(names: list[str], rows: int = 1, table: str = ARTICLES) -> str:
    """``INSERT INTO articles (names) VALUES (?, ...)``, with ``rows`` rows of placeholders."""
    one = f"({', '.join('?' * len(names))})"
    return (
        f"INSERT INTO {table} ({', '.join(f'[{n}]' for n in names)}) "
        f"VALUES {', '.join([one] * rows)}"
    )


def insert_article(db: sqlite_utils.Database, row: dict[str, Any], table: str = ARTICLES) -> int:
    names = list(row)  # the same columns every time: one prepared statement, reused
    article_id = db.conn.execute(_insert_sql(names, table=table), [row[n] for n in names]).lastrowid
    assert article_id is not None
    return article_id


# SQLite (>= 3.32) takes up to 32,766 parameters a statement.
_MAX_PARAMS = 32_000
# Rows of one multi-row INSERT, at most. Statements are split into powers of two rows (a group of
# 100: 64 + 32 + 4), so a crawl prepares at most 7 statement shapes. One shape per group size
# kept each size's prepared statement in the connection's statement cache: ~16 MiB of SQLite
# memory once a long crawl had seen every size from 1 to 100, growing with the crawl.
_MAX_ROWS = 64


def row_chunks(count: int, columns: int) -> list[int]:
    """``count`` rows of ``columns`` parameters each as the row counts of successive INSERT
    statements: powers of two, largest first, none over ``_MAX_ROWS`` rows or ``_MAX_PARAMS``
    parameters."""
    most = _floor_pow2(max(1, min(_MAX_ROWS, _MAX_PARAMS // max(1, columns))))
    sizes = []
    while count:
        sizes.append(min(most, _floor_pow2(count)))
        count -= sizes[-1]
    return sizes


def _floor_pow2(n: int) -> int:
    """The largest power of two not over ``n`` (n >= 1)."""
    return 1 << (n.bit_length() - 1)


def insert_articles(db: sqlite_utils.Database, rows: list[dict[str, Any]]) -> None:
    """Insert article rows (all with the same columns) in few statements: multi-row
    ``INSERT ... VALUES (...), (...)`` of ``row_chunks`` rows each. The FTS trigger still indexes
    every row, but FTS5 writes its pending terms to disk when a statement that may need rolling
    back starts (each row's own INSERT, with a trigger, is one), so one statement for many rows is
    ~2x cheaper per row than a statement each."""
    if not rows:
        return
    names = list(rows[0])
    start = 0
    for size in row_chunks(len(rows), len(names)):
        chunk = rows[start : start + size]
        start += size
        db.conn.execute(_insert_sql(names, size), [row[n] for row in chunk for n in names])


def bulk_insert_articles(db: sqlite_utils.Database, rows: list[dict[str, Any]]) -> int:
    """Insert many article rows (``article_row`` values plus the bookkeeping columns) in ONE
    transaction, FTS included: the row-at-a-time FTS trigger is set aside inside the transaction
    and the new rows are indexed by one ``INSERT ... SELECT`` (about 3-4x faster than the trigger
    per row). A crash leaves the archive as it was before the call. Returns the rows inserted."""
    if not rows:
        return 0
    names = list(rows[0])
    sql = _insert_sql(names)
    trigger = f"{ARTICLES}_ai"
    cols = ", ".join(f"[{c}]" for c in FTS_COLUMNS)
    with write_transaction(db):
        trigger_sql = db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [trigger]
        ).fetchone()
        start = db.execute(f"SELECT coalesce(max(rowid), 0) FROM {ARTICLES}").fetchone()[0]
        if trigger_sql:
            db.execute(f"DROP TRIGGER [{trigger}]")
        db.conn.executemany(sql, ([row.get(n) for n in names] for row in rows))
        db.execute(
            f"INSERT INTO {ARTICLES_FTS} (rowid, {cols}) "
            f"SELECT rowid, {cols} FROM {ARTICLES} WHERE rowid > ?",
            [start],
        )
        if trigger_sql:
            db.execute(trigger_sql[0])
    return len(rows)


def update_article(
    db: sqlite_utils.Database, article_id: int, values: dict[str, Any], table: str = ARTICLES
) -> None:
    names = list(values)
    sql = f"UPDATE {table} SET {', '.join(f'[{n}] = ?' for n in names)} WHERE id = ?"
    db.conn.execute(sql, [values[n] for n in names] + [article_id])


def add_revision(
    db: sqlite_utils.Database, old: dict[str, Any], replaced_at: str, table: str = REVISIONS
) -> None:
    """Keep an article's current text before it is replaced."""
    rev = {name: old[name] for name in REVISION_FIELDS}
    rev.update(
        article_id=old["id"],
        page_id=old["page_id"],
        content_hash=old["content_hash"],
        replaced_at=replaced_at,
    )
    names = list(rev)
    db.conn.execute(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [rev[n] for n in names],
    )


# ---- rejects -----------------------------------------------------------------------------------


def record_reject(
    db: sqlite_utils.Database,
    url: str,
    reason: str,
    detail: str | None,
    at: str,
    page_id: int | None,
) -> None:
    """One row per (page, reason); seeing the same page rejected again moves ``at``."""
    db.execute(
        f"INSERT INTO {REJECTS} (url, reason, detail, at, page_id) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(page_id, reason) DO UPDATE SET at = excluded.at, detail = excluded.detail",
        [url, reason, detail, at, page_id],
    )


def delete_rejects(db: sqlite_utils.Database, page_id: int) -> None:
    db.table(REJECTS).delete_where("page_id = ?", [page_id])


def counts(db: sqlite_utils.Database) -> dict[str, Any]:
    """Row counts (meets and results too), rejects by reason and the newest articles, for
    ``meetarchive stats``."""
    by_reason = {
        r["reason"]: r["n"]
        for r in db.query(
            f"SELECT reason, count(*) AS n FROM {REJECTS} GROUP BY reason ORDER BY n DESC, reason"
        )
    }
    by_source = {
        r["source"] or "": r["n"]
        for r in db.query(
            f"SELECT source, count(*) AS n FROM {ARTICLES} GROUP BY source ORDER BY n DESC, source"
        )
    }
    newest = list(
        db.table(ARTICLES).rows_where(
            select="headline, canonical_url, published_at, first_seen",
            order_by="coalesce(published_at, first_seen) DESC",
            limit=5,
        )
    )
    last_fetch = db.execute(f"SELECT max(fetched_at) FROM {PAGES}").fetchone()[0]
    return {
        "pages": db.table(PAGES).count,
        "articles": db.table(ARTICLES).count,
        "revisions": db.table(REVISIONS).count,
        "rejects": db.table(REJECTS).count,
        **results_counts(db),
        "rejects_by_reason": by_reason,
        "articles_by_source": by_source,
        "last_fetch": last_fetch,
        "newest_articles": newest,
    }


def results_counts(db: sqlite_utils.Database) -> dict[str, Any]:
    """Meets, results documents (parsed: with rows; unparsed: without, a reason recorded;
    duplicate: a copy of a stored document, fetched again from another address, holding no rows
    of its own), the documents by their audit's verdict (parsed, partial, unparsed; not audited:
    stored before the audit existed) and result rows. ``result_documents`` counts the documents,
    not their copies."""
    by_status = {"parsed": 0, "unparsed": 0, "duplicate": 0}
    by_status.update(
        {
            r["status"]: r["n"]
            for r in db.query(f"SELECT status, count(*) AS n FROM {RESULT_DOCS} GROUP BY status")
        }
    )
    by_verdict = dict.fromkeys([*VERDICTS, None], 0)
    by_verdict.update(
        {
            r["verdict"]: r["n"]
            for r in db.query(
                f"SELECT verdict, count(*) AS n FROM {RESULT_DOCS} "
                "WHERE duplicate_of IS NULL GROUP BY verdict"
            )
        }
    )
    return {
        "meets": db.table(MEETS).count,
        "result_documents": by_status["parsed"] + by_status["unparsed"],
        "result_documents_by_status": by_status,
        "result_documents_by_verdict": {v or "not audited": n for v, n in by_verdict.items()},
        "results": db.table(RESULTS).count,
    }


def integrity_ok(db: sqlite_utils.Database) -> bool:
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except UNREADABLE:
        return False


def format_counts(c: dict[str, Any]) -> str:
    """``counts()`` as text for ``meetarchive stats``."""
    lines = [
        f"pages:      {c['pages']} (last fetched {c['last_fetch'] or 'never'})",
        f"articles:   {c['articles']}",
    ]
    lines += [
        f"  {n:>6}  {source or '(no source)'}" for source, n in c["articles_by_source"].items()
    ]
    lines += [f"revisions:  {c['revisions']}", f"rejects:    {c['rejects']}"]
    lines += [f"  {n:>6}  {reason}" for reason, n in c["rejects_by_reason"].items()]
    docs = c["result_documents_by_status"]
    lines += [
        f"meets:      {c['meets']}",
        f"results:    {c['results']} rows from {c['result_documents']} document(s) "
        f"({docs['parsed']} parsed, {docs['unparsed']} unparsed)"
        + (f"; {docs['duplicate']} copies of them fetched again" if docs["duplicate"] else ""),
    ]
    audit = c["result_documents_by_verdict"]
    if c["result_documents"]:
        lines.append(
            f"  audit:    {audit['parsed']} parsed, {audit['partial']} partial, "
            f"{audit['unparsed']} unparsed"
            + (
                f"; {audit['not audited']} not audited (`meetarchive reparse` audits them)"
                if audit["not audited"]
                else ""
            )
        )
    if c["newest_articles"]:
        lines.append("newest articles:")
        lines += [
            f"  {(a['published_at'] or a['first_seen'] or '')[:10]:10}  {a['headline']}"
            for a in c["newest_articles"]
        ]
    return "\n".join(lines)
