"""Full-text search over the articles: ranked (bm25 within a bounded window) or newest first,
with snippets made for the rows shown only."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import sqlite_utils

from pipelines.db.schema import ARTICLES, ARTICLES_FTS, FTS_COLUMNS, FTS_TOKENIZE, FTS_WEIGHTS

# Ranked search scores bm25 over at most RANK_WINDOW matches: all of them for a selective query,
# else the RANK_WINDOW newest-stored ones (a rowid range FTS5 seeks to). bm25 costs a few us per
# matching row, so a very common word ranked over a million rows would take seconds; within the
# window it takes milliseconds. Newest first: see _newest_ids. Figures: bench/search.py.
RANK_WINDOW = 2000
# A query estimated to match more articles than this is ranked without bm25 (see _common_ids).
COMMON_MATCHES = 100_000
# Newest first (see _newest_ids): fewer matches than NEWEST_SORT_MAX are sorted by date; a query
# matching more than DENSE_SHARE of the archive is tested article by article along the date index.
NEWEST_SORT_MAX = 1000
DENSE_SHARE = 0.06
# A prefix query walks the date index in batches tested in a TEMP FTS5 table (PROBE articles
# first); testing one article there costs about as much as reading TEST_COST matching ids.
PROBE = 64
TEST_COST = 1500
ORDERS = ("rank", "newest")


def _kth_match(db: sqlite_utils.Database, fts_query: str, k: int) -> int | None:
    """The rowid of the k-th newest-stored match (1-based), None with fewer than k matches."""
    row = db.execute(
        f"SELECT rowid FROM {ARTICLES_FTS} WHERE {ARTICLES_FTS} MATCH ? "
        "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        [fts_query, k - 1],
    ).fetchone()
    return None if row is None else row[0]


def _ranked_ids(
    db: sqlite_utils.Database, fts_query: str, limit: int
) -> list[tuple[int, float | None]]:
    weights = ", ".join(str(w) for w in FTS_WEIGHTS)
    window = [
        r[0]
        for r in db.execute(
            f"SELECT rowid FROM {ARTICLES_FTS} WHERE {ARTICLES_FTS} MATCH ? "
            "ORDER BY rowid DESC LIMIT ?",
            [fts_query, RANK_WINDOW],
        )
    ]
    low = window[-1] if len(window) == RANK_WINDOW else 0
    if low and _estimated_matches(db, low) >= COMMON_MATCHES:
        try:
            return _common_ids(db, fts_query, limit, window)
        except sqlite3.OperationalError:  # a column filter FTS5 would not nest: rank as usual
            pass
    # ties (equal bm25) newest-stored first: no join to the articles table for every candidate
    sql = f"""
        SELECT f.rowid, bm25({ARTICLES_FTS}, {weights}) AS score FROM {ARTICLES_FTS} f
        WHERE {ARTICLES_FTS} MATCH :query AND f.rowid >= :low
        ORDER BY score, f.rowid DESC LIMIT :limit"""
    return [(r[0], r[1]) for r in db.execute(sql, {"query": fts_query, "low": low, "limit": limit})]


def _top_rowid(db: sqlite_utils.Database) -> int:
    return db.execute(f"SELECT max(rowid) FROM {ARTICLES}").fetchone()[0] or 0


def _estimated_matches(db: sqlite_utils.Database, low: int, k: int = RANK_WINDOW) -> float:
    """Matches of a query whose k-th newest-stored match has rowid ``low``, assuming its
    matches are spread evenly over the rowids."""
    top = _top_rowid(db)
    return k * top / max(top - low + 1, 1)


def _common_ids(
    db: sqlite_utils.Database, fts_query: str, limit: int, window: list[int]
) -> list[tuple[int, float | None]]:
    """A query matching a large share of the archive: bm25 would first count every match of each
    phrase (a pass over a doclist of hundreds of thousands of rows; a phrase checks positions
    too). Within the window (its newest-stored matches, newest first), articles whose headline
    or dek match come first, then the others, newest-stored first; no score."""
    head = [
        r[0]
        for r in db.execute(
            f"SELECT rowid FROM {ARTICLES_FTS} WHERE {ARTICLES_FTS} MATCH :query "
            "AND rowid >= :low ORDER BY rowid DESC LIMIT :limit",
            {"query": f"{{headline dek}} : ({fts_query})", "low": window[-1], "limit": limit},
        )
    ]
    ids = head + [i for i in window[: limit + len(head)] if i not in set(head)]
    return [(i, None) for i in ids[:limit]]


def _newest_ids(
    db: sqlite_utils.Database, fts_query: str, limit: int, candidates: str | None = None
) -> list[tuple[int, float | None]]:
    """The ``limit`` newest matches (published_at, then id, descending; undated last), read the
    cheapest way for how many there are (from the rowid of the NEWEST_SORT_MAX-th match):

    * fewer than NEWEST_SORT_MAX: all of them sorted by date;
    * up to DENSE_SHARE of the archive: the published_at index walked newest first, keeping the
      articles among the matches, which FTS5 reads once into a list SQLite probes (a walk of
      about limit * articles / matches index entries);
    * more: the same walk testing each article against the query on the FTS index (reading a
      million ids costs more than finding a common word within the first few articles).

    ``candidates``, when given, is a cheaper FTS5 query matching at least every article the
    query matches (a phrase's rarer words without its "in the", the query without its NOT
    terms): the plan above is made for it, FTS5 reading only the doclists of the words it
    names, and each candidate met on the walk is then tested against the query itself.
    A prefix query (``word*``) has a plan of its own: _newest_prefix."""
    if "*" in fts_query:  # pipelines.search writes a prefix as `"word" *`; words hold no '*'
        return _newest_prefix(db, fts_query, limit)
    if not candidates or "*" in candidates:
        candidates = fts_query
    exact = (
        ""
        if candidates == fts_query
        else f"""
        AND EXISTS (SELECT 1 FROM {ARTICLES_FTS} e
                    WHERE {ARTICLES_FTS} MATCH :query AND e.rowid = a.id)"""
    )
    args = {"query": fts_query, "candidates": candidates, "limit": limit}
    kth = _kth_match(db, candidates, NEWEST_SORT_MAX)
    if kth is None:
        sql = f"""
            SELECT f.rowid FROM {ARTICLES_FTS} f JOIN {ARTICLES} a ON a.rowid = f.rowid
            WHERE {ARTICLES_FTS} MATCH :candidates ORDER BY a.published_at DESC, a.id DESC"""
        if not exact:
            return [(r[0], None) for r in db.execute(sql + " LIMIT :limit", args)]
        ids = [r[0] for r in db.execute(sql, args)]
        return _verified(db, fts_query, lambda n, skip: ids[skip : skip + n], limit) or []
    if _estimated_matches(db, kth, NEWEST_SORT_MAX) < DENSE_SHARE * _top_rowid(db):
        where = _in_matches("candidates")
    else:
        where = (
            f"EXISTS (SELECT 1 FROM {ARTICLES_FTS} f "
            f"WHERE {ARTICLES_FTS} MATCH :candidates AND f.rowid = a.id)"
        )
    return _walk_dates(db, where + exact, args)


def _in_matches(param: str) -> str:
    """The condition: article ``a`` is among the matches of the query bound to ``param``, read
    once by FTS5 into a list SQLite probes."""
    return f"a.id IN (SELECT rowid FROM {ARTICLES_FTS} WHERE {ARTICLES_FTS} MATCH :{param})"


def _walk_dates(
    db: sqlite_utils.Database, where: str, args: dict[str, Any]
) -> list[tuple[int, float | None]]:
    """The first ``args["limit"]`` articles meeting ``where`` along the published_at index,
    newest first."""
    sql = f"""
        SELECT a.id FROM {ARTICLES} a INDEXED BY idx_{ARTICLES}_published_at
        WHERE {where} ORDER BY a.published_at DESC, a.id DESC LIMIT :limit"""
    return [(r[0], None) for r in db.execute(sql, args)]


DateWalk = Callable[[int, int], list[int]]  # (how many, how many to skip) -> ids, newest first


_BY_DATE = (
    f"SELECT id FROM {ARTICLES} INDEXED BY idx_{ARTICLES}_published_at "
    "ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?"
)


def _newest_prefix(
    db: sqlite_utils.Database, fts_query: str, limit: int
) -> list[tuple[int, float | None]]:
    """Newest first for a query with a prefix (``word*``), which is never tested article by
    article on the archive's index: FTS5 would merge the doclists of every word the prefix
    covers for each test. The newest articles are checked in the TEMP index instead, PROBE of
    them first; when the share of matches among them says that checking on would cost more
    than reading every match once (FTS5 merges the doclists a single time), the published_at
    index is walked against the list of matches, as for a query of a few percent."""
    top = _top_rowid(db)

    def give_up(found: int, seen: int) -> bool:
        share = (found + 1) / seen
        return (limit - found) / share * TEST_COST > share * top

    found = _verified(
        db,
        fts_query,
        lambda n, skip: [r[0] for r in db.execute(_BY_DATE, [n, skip])],
        limit,
        give_up,
    )
    if found is None:
        found = _walk_dates(db, _in_matches("query"), {"query": fts_query, "limit": limit})
    return found


def _verified(
    db: sqlite_utils.Database,
    fts_query: str,
    walk: DateWalk,
    limit: int,
    give_up: Callable[[int, int], bool] | None = None,
) -> list[tuple[int, float | None]] | None:
    """The first ``limit`` articles along ``walk`` that match ``fts_query``, checked a batch at a
    time in the TEMP index (PROBE first, then about as many as the share of matches so far says
    are needed); None as soon as ``give_up(found, seen)`` says so."""
    found: list[tuple[int, float | None]] = []
    seen, batch = 0, PROBE
    select = f"SELECT id, {', '.join(FTS_COLUMNS)} FROM {ARTICLES} WHERE id IN "
    while len(found) < limit:
        ids = walk(batch, seen)
        if not ids:
            break
        rows = db.conn.execute(select + f"({', '.join('?' * len(ids))})", ids).fetchall()
        with _temp_index(db, rows):
            hits = {
                r[0]
                for r in db.execute(
                    f"SELECT rowid FROM temp.{_TEMP_FTS} WHERE {_TEMP_FTS} MATCH ?", [fts_query]
                )
            }
        found += [(i, None) for i in ids if i in hits]
        seen += len(ids)
        if len(found) >= limit:
            break
        if give_up is not None and give_up(len(found), seen):
            return None
        share = (len(found) + 1) / seen
        batch = max(PROBE, min(int((limit - len(found)) / share * 1.25), 1024))
    return found[:limit]


_TEMP_FTS = "meetarchive_rows"  # a TEMP FTS5 table holding a few rows: see _temp_index


@contextmanager
def _temp_index(db: sqlite_utils.Database, rows: list[Any]) -> Iterator[None]:
    """``rows`` (id, then the FTS columns) indexed in a TEMP FTS5 table with the archive's
    columns and tokenizer, for the length of the block: the same query asked there gives the
    same answer for those rows, without FTS5 redoing the query's work on the archive's index
    for each row (a prefix merges every matching word's doclist each time: ~20 ms at 1M
    articles). TEMP writes only, so a read-only archive connection can do it."""
    cols = ", ".join(FTS_COLUMNS)
    began = not db.conn.in_transaction
    db.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{_TEMP_FTS} USING fts5({cols}, "
        f"tokenize='{FTS_TOKENIZE}')"
    )
    try:
        db.execute(f"DELETE FROM temp.{_TEMP_FTS}")
        db.conn.executemany(
            f"INSERT INTO temp.{_TEMP_FTS} (rowid, {cols}) "
            f"VALUES ({', '.join('?' * (len(FTS_COLUMNS) + 1))})",
            rows,
        )
        yield
        db.execute(f"DELETE FROM temp.{_TEMP_FTS}")
    finally:
        if began and db.conn.in_transaction:  # temp writes only: end the implicit transaction
            db.conn.commit()


def _snippets(
    db: sqlite_utils.Database, fts_query: str, rows: list[dict[str, Any]], mark: tuple[str, str]
) -> dict[int, tuple[str, str]]:
    """(body snippet, best-field snippet) per article id, made in the TEMP index of the rows
    shown (snippet() on the archive's own index would redo the query's work per row)."""
    body = FTS_COLUMNS.index("body")
    with _temp_index(db, [[r["id"], *(r[c] for c in FTS_COLUMNS)] for r in rows]):
        return {
            r[0]: (r[1], r[2])
            for r in db.execute(
                f"SELECT rowid, snippet({_TEMP_FTS}, {body}, :open, :close, '…', 24), "
                f"snippet({_TEMP_FTS}, -1, :open, :close, '…', 24) FROM temp.{_TEMP_FTS} "
                f"WHERE {_TEMP_FTS} MATCH :query",
                {"query": fts_query, "open": mark[0], "close": mark[1]},
            )
        }


# A search shows each story once (pipelines.stories): when copies of a story shown take places
# among the first matches, more matches are read, up to this many times the limit.
STORY_READS = 8


def fts_match(
    db: sqlite_utils.Database,
    fts_query: str,
    limit: int,
    mark: tuple[str, str],
    order: str = "rank",
    candidates: str | None = None,
) -> list[dict[str, Any]]:
    """Articles matching an FTS5 query (already sanitised), best bm25 first (``order="rank"``)
    or newest first (``"newest"``, score None; ``candidates``: see _newest_ids), with a
    snippet: from the body when the body has a hit, else from the field that has one. Snippets
    are made for the rows returned only. Each story (``story_id``) is shown once, by its first
    match: when copies of stories shown take places, further matches are read (the plans give
    the same first matches for a larger limit)."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {ORDERS}")
    sql = (
        f"SELECT id, canonical_url, url, headline, dek, authors, body, published_at, meet_name, "
        f"story_id FROM {ARTICLES} WHERE id = ?"
    )
    rows: list[dict[str, Any]] = []
    stories: set[int] = set()
    read, want = 0, limit
    while True:
        if order == "rank":
            found = _ranked_ids(db, fts_query, want)
        else:
            found = _newest_ids(db, fts_query, want, candidates)
        for article_id, score in found[read:]:
            cur = db.conn.execute(sql, [article_id])
            names = [d[0] for d in cur.description]
            row = dict(zip(names, cur.fetchone(), strict=True))
            if row["story_id"] in stories:
                continue
            stories.add(row["story_id"])
            row["score"] = score
            rows.append(row)
            if len(rows) == limit:
                break
        read = len(found)
        if len(rows) == limit or len(found) < want or want >= limit * STORY_READS:
            break
        want = min(want * 2, limit * STORY_READS)
    snippets = _snippets(db, fts_query, rows, mark) if rows else {}
    for row in rows:
        body_snippet, snippet = snippets.get(row["id"], (None, None))
        row["snippet"] = body_snippet if body_snippet and mark[0] in body_snippet else snippet
        row["authors"] = json.loads(row["authors"] or "[]")
        del row["dek"], row["body"]
    return rows
