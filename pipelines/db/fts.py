"""Full-text search over the articles: ranked (bm25 within a bounded window) or newest first,
with snippets made for the rows shown only."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import sqlite_utils

from pipelines.db.schema import ARTICLES, ARTICLES_FTS, FTS_COLUMNS, FTS_TOKENIZE, FTS_WEIGHTS

# Ranked search scores bm25 over at most RANK_WINDOW matches: all of them for a selective query,
# else the RANK_WINDOW newest-stored ones (a rowid range FTS5 seeks to). bm25 costs a few us per
# matching row, so a very common word ranked over a million rows would take seconds; within the
# window it takes milliseconds. Newest-first sorts all matches when there are fewer than
# NEWEST_SORT_MAX, else walks the published_at index and tests each article against the query
# (a common term is found within a few rows). See bench/search.py for the figures.
RANK_WINDOW = 2000
# A query estimated to match more articles than this is ranked without bm25 (see _common_ids).
COMMON_MATCHES = 100_000
NEWEST_SORT_MAX = 6000
ORDERS = ("rank", "newest")


def _kth_match(db: sqlite_utils.Database, fts_query: str, k: int) -> int | None:
    """The rowid of the k-th newest-stored match (1-based), None with fewer than k matches."""
    row = db.execute(f"SELECT rowid FROM {ARTICLES_FTS} WHERE {ARTICLES_FTS} MATCH ? "
                     "ORDER BY rowid DESC LIMIT 1 OFFSET ?", [fts_query, k - 1]).fetchone()
    return None if row is None else row[0]


def _ranked_ids(db: sqlite_utils.Database, fts_query: str, limit: int
                ) -> list[tuple[int, float | None]]:
    weights = ", ".join(str(w) for w in FTS_WEIGHTS)
    low = _kth_match(db, fts_query, RANK_WINDOW) or 0
    if low and _estimated_matches(db, low) >= COMMON_MATCHES:
        try:
            return _common_ids(db, fts_query, limit, low)
        except sqlite3.OperationalError:  # a column filter FTS5 would not nest: rank as usual
            pass
    # ties (equal bm25) newest-stored first: no join to the articles table for every candidate
    sql = f"""
        SELECT f.rowid, bm25({ARTICLES_FTS}, {weights}) AS score FROM {ARTICLES_FTS} f
        WHERE {ARTICLES_FTS} MATCH :query AND f.rowid >= :low
        ORDER BY score, f.rowid DESC LIMIT :limit"""
    return [(r[0], r[1]) for r in db.execute(sql, {"query": fts_query, "low": low,
                                                    "limit": limit})]


def _estimated_matches(db: sqlite_utils.Database, low: int) -> float:
    """Matches of a query whose RANK_WINDOW-th newest-stored match has rowid ``low``, assuming
    its matches are spread evenly over the rowids."""
    top = db.execute(f"SELECT max(rowid) FROM {ARTICLES}").fetchone()[0] or 0
    return RANK_WINDOW * top / max(top - low + 1, 1)


def _common_ids(db: sqlite_utils.Database, fts_query: str, limit: int, low: int
                ) -> list[tuple[int, float | None]]:
    """A query matching a large share of the archive: bm25 would first count every match of each
    phrase (a pass over a doclist of hundreds of thousands of rows; a phrase checks positions
    too). Within the window, articles whose headline or dek match come first, then the others,
    newest-stored first; no score."""
    sql = (f"SELECT rowid FROM {ARTICLES_FTS} WHERE {ARTICLES_FTS} MATCH :query "
           "AND rowid >= :low ORDER BY rowid DESC LIMIT :limit")
    head = [r[0] for r in db.execute(sql, {"query": f"{{headline dek}} : ({fts_query})",
                                           "low": low, "limit": limit})]
    ids = head + [r[0] for r in db.execute(sql, {"query": fts_query, "low": low,
                                                 "limit": limit + len(head)})
                  if r[0] not in set(head)]
    return [(i, None) for i in ids[:limit]]


def _newest_ids(db: sqlite_utils.Database, fts_query: str, limit: int
                ) -> list[tuple[int, float | None]]:
    if _kth_match(db, fts_query, NEWEST_SORT_MAX) is None:  # few matches: sort them all
        sql = f"""
            SELECT f.rowid FROM {ARTICLES_FTS} f JOIN {ARTICLES} a ON a.rowid = f.rowid
            WHERE {ARTICLES_FTS} MATCH :query
            ORDER BY a.published_at DESC, a.id DESC LIMIT :limit"""
    else:  # many: newest articles first, each tested against the query
        sql = f"""
            SELECT a.id FROM {ARTICLES} a INDEXED BY idx_{ARTICLES}_published_at
            WHERE EXISTS (SELECT 1 FROM {ARTICLES_FTS} f
                          WHERE {ARTICLES_FTS} MATCH :query AND f.rowid = a.id)
            ORDER BY a.published_at DESC, a.id DESC LIMIT :limit"""
    return [(r[0], None) for r in db.execute(sql, {"query": fts_query, "limit": limit})]


_SNIPPETS = "meetarchive_snippets"  # a TEMP FTS5 table: snippets of the rows shown only


def _snippets(db: sqlite_utils.Database, fts_query: str, rows: list[dict[str, Any]],
              mark: tuple[str, str]) -> dict[int, tuple[str, str]]:
    """(body snippet, best-field snippet) per article id: the rows shown are indexed in a small
    temporary FTS5 table (same columns and tokenizer) and the query run there. snippet() on the
    archive's own index would redo the query's work per row (a prefix query merges every
    matching term's doclist each time: ~20 ms a row at 1M articles)."""
    cols = ", ".join(FTS_COLUMNS)
    began = not db.conn.in_transaction
    db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_SNIPPETS} USING fts5({cols}, "
               f"tokenize='{FTS_TOKENIZE}')")
    try:
        db.execute(f"DELETE FROM temp.{_SNIPPETS}")
        db.conn.executemany(
            f"INSERT INTO temp.{_SNIPPETS} (rowid, {cols}) VALUES (?, ?, ?, ?, ?)",
            [[r["id"], *(r[c] for c in FTS_COLUMNS)] for r in rows])
        body = FTS_COLUMNS.index("body")
        out = {r[0]: (r[1], r[2]) for r in db.execute(
            f"SELECT rowid, snippet({_SNIPPETS}, {body}, :open, :close, '…', 24), "
            f"snippet({_SNIPPETS}, -1, :open, :close, '…', 24) FROM temp.{_SNIPPETS} "
            f"WHERE {_SNIPPETS} MATCH :query",
            {"query": fts_query, "open": mark[0], "close": mark[1]})}
        db.execute(f"DELETE FROM temp.{_SNIPPETS}")
    finally:
        if began and db.conn.in_transaction:  # temp writes only: end the implicit transaction
            db.conn.commit()
    return out


def fts_match(db: sqlite_utils.Database, fts_query: str, limit: int,
              mark: tuple[str, str], order: str = "rank") -> list[dict[str, Any]]:
    """Articles matching an FTS5 query (already sanitised), best bm25 first (``order="rank"``)
    or newest first (``"newest"``, score None), with a snippet: from the body when the body has a
    hit, else from the field that has one. Snippets are made for the rows returned only."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}")
    found = (_ranked_ids if order == "rank" else _newest_ids)(db, fts_query, limit)
    sql = (f"SELECT id, canonical_url, headline, dek, authors, body, published_at, meet_name "
           f"FROM {ARTICLES} WHERE id = ?")
    rows = []
    for article_id, score in found:
        cur = db.conn.execute(sql, [article_id])
        names = [d[0] for d in cur.description]
        row = dict(zip(names, cur.fetchone(), strict=True))
        row["score"] = score
        rows.append(row)
    snippets = _snippets(db, fts_query, rows, mark) if rows else {}
    for row in rows:
        body_snippet, snippet = snippets.get(row["id"], (None, None))
        row["snippet"] = body_snippet if body_snippet and mark[0] in body_snippet else snippet
        row["authors"] = json.loads(row["authors"] or "[]")
        del row["dek"], row["body"]
    return rows
