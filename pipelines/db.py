"""The archive's schema: THE only module naming tables, columns, keys and FTS columns.

``open_db(path)`` opens (or creates) an archive in WAL mode with foreign keys on and applies every
pending migration, so an archive written by an older version is brought up to date when opened.
Later schema changes are new ``@migrations()`` functions appended at the end; never edit one that
has shipped.

Every time stored here derives from a page's fetch time (never the wall clock), so rebuilding the
articles from the stored pages (``meetarchive reparse``) gives identical rows.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_migrate import Migrations

PAGES = "pages"
ARTICLES = "articles"
REVISIONS = "article_revisions"
REJECTS = "rejects"
ARTICLES_FTS = f"{ARTICLES}_fts"
MEETS = "meets"
RESULT_DOCS = "result_documents"
RESULT_EVENTS = "result_events"
RESULTS = "results"
RESULTS_FTS = f"{RESULTS}_fts"
# Results: FTS over the names people search for; row columns holding lists/dicts (JSON text).
RESULTS_FTS_COLUMNS = ("athlete", "team", "members")
RESULT_JSON_COLUMNS = ("flags", "relay_members", "attempts", "splits", "detail", "raw")

# Full-text search: columns in this order, with these bm25 weights (headline above body).
FTS_COLUMNS = ("headline", "dek", "authors", "body")
FTS_WEIGHTS = (10.0, 4.0, 3.0, 1.0)
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"

# Article columns holding lists/dicts, stored as JSON text.
JSON_COLUMNS = ("authors", "tags", "signals", "results")
# The text a revision keeps; the content hash is computed over these fields.
REVISION_FIELDS = ("headline", "dek", "authors", "body", "published_at")

BUSY_TIMEOUT_MS = 30_000

migrations = Migrations("meetarchive")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    """pages, articles (+ FTS with triggers), article_revisions, rejects."""
    db.table(PAGES).create({
        "id": int, "url": str, "status": int, "headers": str, "first_fetched_at": str,
        "fetched_at": str, "body": bytes, "body_sha1": str, "body_size": int, "source": str,
        "spider": str, "kind": str, "blocked": str, "error": str, "meta": str,
    }, pk="id", not_null={"url", "status", "fetched_at", "body_sha1"})
    db.table(PAGES).create_index(["url", "body_sha1", "status"], unique=True)
    db.table(PAGES).create_index(["fetched_at"])
    db.table(ARTICLES).create({
        "id": int, "canonical_url": str, "url": str, "page_id": int, "parser": str,
        "fetched_at": str, "headline": str, "dek": str, "byline_raw": str, "authors": str,
        "publisher": str, "published_raw": str, "published_at": str, "modified_raw": str,
        "modified_at": str, "timezone": str, "photo_credit": str, "image_url": str,
        "image_caption": str, "meet_name": str, "meet_year": int, "meet_event_id": int,
        "body": str, "word_count": int, "language": str, "tags": str, "paywalled": int,
        "signals": str, "results": str, "content_hash": str, "first_seen": str,
        "last_seen": str, "updated_at": str,
    }, pk="id", not_null={"canonical_url", "content_hash"},
        foreign_keys=[("page_id", PAGES, "id")])
    db.table(ARTICLES).create_index(["canonical_url"], unique=True)
    db.table(ARTICLES).create_index(["published_at"])
    db.table(REVISIONS).create({
        "id": int, "article_id": int, "page_id": int, "headline": str, "dek": str,
        "authors": str, "body": str, "published_at": str, "content_hash": str,
        "replaced_at": str,
    }, pk="id", foreign_keys=[("article_id", ARTICLES, "id"), ("page_id", PAGES, "id")])
    db.table(REVISIONS).create_index(["article_id"])
    db.table(REJECTS).create({
        "id": int, "url": str, "reason": str, "detail": str, "at": str, "page_id": int,
    }, pk="id", not_null={"url", "reason"}, foreign_keys=[("page_id", PAGES, "id")])
    db.table(REJECTS).create_index(["page_id", "reason"], unique=True)
    db.table(REJECTS).create_index(["reason"])
    db.table(ARTICLES).enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZE)
    weights = ", ".join(str(w) for w in FTS_WEIGHTS)
    db.execute(f"INSERT INTO {ARTICLES_FTS}({ARTICLES_FTS}, rank) VALUES('rank', ?)",
               [f"bm25({weights})"])


@migrations()
def m002_lookup_indexes(db: sqlite_utils.Database) -> None:
    """Indexes for the listings people ask for: pages by kind, articles by meet and by last_seen."""
    db.table(PAGES).create_index(["kind"], if_not_exists=True)
    db.table(ARTICLES).create_index(["meet_name", "meet_year"], if_not_exists=True)
    db.table(ARTICLES).create_index(["last_seen"], if_not_exists=True)


@migrations()
def m003_article_source_year(db: sqlite_utils.Database) -> None:
    """Facets for browsing (Datasette) and export filters: ``source`` (the source name of the page
    an article came from, e.g. "runnerspace"; written by the store stage, back-filled here) and
    ``year``, the publication year, a virtual column derived from ``published_at``."""
    db.execute(f"ALTER TABLE {ARTICLES} ADD COLUMN source TEXT")
    db.execute(f"UPDATE {ARTICLES} SET source = (SELECT source FROM {PAGES} "
               f"WHERE {PAGES}.id = {ARTICLES}.page_id)")
    db.execute(f"ALTER TABLE {ARTICLES} ADD COLUMN year INTEGER GENERATED ALWAYS AS "
               "(CAST(substr(published_at, 1, 4) AS INTEGER)) VIRTUAL")
    db[ARTICLES].create_index(["source"], if_not_exists=True)


@migrations()
def m004_results(db: sqlite_utils.Database) -> None:
    """Meet results: meets, result_documents (one per results page or file, parsed or not, with
    the reason), result_events (sections) and results (rows, raw line/cells kept) + FTS over
    athlete, team and relay member names."""
    db[MEETS].create({
        "id": int, "name": str, "name_key": str, "date": str, "date_raw": str, "venue": str,
        "source": str,
    }, pk="id")
    db[MEETS].create_index(["name_key", "date"], unique=True)
    db[RESULT_DOCS].create({
        "id": int, "page_id": int, "url": str, "meet_id": int, "format": str, "status": str,
        "reason": str, "events": int, "rows": int, "fetched_at": str,
    }, pk="id", not_null={"page_id", "url", "status"},
        foreign_keys=[("page_id", PAGES, "id"), ("meet_id", MEETS, "id")])
    db[RESULT_DOCS].create_index(["page_id"], unique=True)
    db[RESULT_DOCS].create_index(["status"])
    db[RESULT_EVENTS].create({
        "id": int, "document_id": int, "page_id": int, "meet_id": int, "position": int,
        "number": str, "name": str, "gender": str, "division": str, "round": str, "heat": int,
        "wind": float, "kind": str,
    }, pk="id", foreign_keys=[("document_id", RESULT_DOCS, "id"), ("page_id", PAGES, "id"),
                              ("meet_id", MEETS, "id")])
    db[RESULT_EVENTS].create_index(["document_id"])
    db[RESULT_EVENTS].create_index(["meet_id"])
    db[RESULTS].create({
        "id": int, "event_id": int, "document_id": int, "page_id": int, "meet_id": int,
        "position": int, "place": int, "athlete": str, "team": str, "members": str, "year": str,
        "bib": str, "mark_raw": str, "mark": float, "unit": str, "timing": str, "wind": float,
        "wind_raw": str, "status": str, "qualifier": str, "flags": str, "tiebreak": str,
        "points": float, "relay_members": str, "attempts": str, "splits": str, "detail": str,
        "raw": str, "event": str, "round": str, "gender": str, "meet_name": str,
        "meet_date": str, "source": str,
    }, pk="id", foreign_keys=[("event_id", RESULT_EVENTS, "id"),
                              ("document_id", RESULT_DOCS, "id"), ("page_id", PAGES, "id"),
                              ("meet_id", MEETS, "id")])
    db[RESULTS].create_index(["event_id"])
    db[RESULTS].create_index(["document_id"])
    db[RESULTS].create_index(["meet_id"])
    db[RESULTS].enable_fts(RESULTS_FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZE)


@migrations()
def m005_results_meet_year(db: sqlite_utils.Database) -> None:
    """``results.meet_year``: the year of the meet a result belongs to (a virtual column derived
    from ``meet_date``), a facet in Datasette beside event, gender, round and meet."""
    db.execute(f"ALTER TABLE {RESULTS} ADD COLUMN meet_year INTEGER GENERATED ALWAYS AS "
               "(CAST(substr(meet_date, 1, 4) AS INTEGER)) VIRTUAL")


class NotAnArchiveError(ValueError):
    """An SQLite file with tables of its own and none of an archive's: never migrated into one."""


def check_archive(db: sqlite_utils.Database, name: str = "") -> None:
    """Raise NotAnArchiveError for a database that holds other tables and no archive tables."""
    tables = set(db.table_names())
    if tables and not tables & {migrations.migrations_table, PAGES, ARTICLES}:
        raise NotAnArchiveError(f"{name or 'this database'} is not a meetarchive archive "
                                f"(it holds other tables: {', '.join(sorted(tables)[:5])})")


def open_db(path: str | Path, migrate: bool = True) -> sqlite_utils.Database:
    """Open (or create) an archive: WAL, synchronous=NORMAL, busy timeout, foreign keys; pending
    migrations applied. An SQLite file of something else is left untouched: NotAnArchiveError."""
    path = Path(path)
    if path.parent != Path("."):
        path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    try:
        check_archive(db, str(path))
    except NotAnArchiveError:
        db.close()
        raise
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.execute("PRAGMA foreign_keys = ON")
    if db.journal_mode != "wal":
        db.enable_wal()
    # WAL + NORMAL: a crash (even SIGKILL) never corrupts the file nor splits a transaction; only a
    # power cut may lose the last commits. Saves an fsync per item (6 ms -> <1 ms per item stored).
    db.execute("PRAGMA synchronous = NORMAL")
    if migrate:
        migrations.apply(db)
    return db


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction (BEGIN IMMEDIATE: takes the write lock up front, so a concurrent
    writer waits for busy_timeout instead of failing mid-transaction). Nested: a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")  # may fail too (a full disk): then nothing of it stays
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise


# ---- pages -------------------------------------------------------------------------------------

_FIND_PAGE = (f"SELECT id, first_fetched_at, fetched_at FROM {PAGES} "
              "WHERE url = ? AND body_sha1 = ? AND status = ? LIMIT 1")
_PAGE_COLUMNS = ("url", "status", "headers", "first_fetched_at", "fetched_at", "body", "body_sha1",
                 "body_size", "source", "spider", "kind", "blocked", "error", "meta")
_INSERT_PAGE = (f"INSERT INTO {PAGES} ({', '.join(_PAGE_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(_PAGE_COLUMNS))})")

def store_page(db: sqlite_utils.Database, page: Any) -> tuple[int, str, str]:
    """Insert a fetched page (``scraper.items.Page``); an identical refetch (same URL, status and
    body) only moves its ``fetched_at``. Returns (row id, first fetch time, latest fetch time)."""
    sha1 = hashlib.sha1(page.body).hexdigest()
    # Plain statements on the connection (the sqlite3 module keeps them prepared): this runs once
    # per crawled item, where sqlite-utils' per-call table introspection costs more than the SQL.
    found = db.conn.execute(_FIND_PAGE, [page.url, sha1, page.status]).fetchone()
    if found is not None:
        page_id, first_fetched, fetched = found
        latest = max(page.fetched_at, fetched or "")
        if latest != fetched:
            db.conn.execute(f"UPDATE {PAGES} SET fetched_at = ? WHERE id = ?", [latest, page_id])
        return page_id, first_fetched, latest
    page_id = db.conn.execute(_INSERT_PAGE, [
        page.url, page.status, json.dumps(page.headers), page.fetched_at, page.fetched_at,
        zlib.compress(page.body), sha1, len(page.body), page.source, page.spider, page.kind,
        page.blocked, page.error, json.dumps(page.meta, default=str),
    ]).lastrowid
    assert page_id is not None
    return page_id, page.fetched_at, page.fetched_at


def page_from_row(row: dict[str, Any]) -> Any:
    """The ``Page`` item a stored page row was made from (body decompressed), with the time this
    body was first fetched: what the parser saw when it first read it."""
    from scraper.items import Page

    return Page(
        url=row["url"], status=row["status"], headers=json.loads(row["headers"] or "{}"),
        body=zlib.decompress(row["body"]) if row["body"] else b"",
        fetched_at=row["first_fetched_at"] or row["fetched_at"],
        kind=row["kind"] or "other", source=row["source"] or "", spider=row["spider"] or "",
        blocked=row["blocked"], error=row["error"], meta=json.loads(row["meta"] or "{}"),
    )


def iter_pages(db: sqlite_utils.Database) -> Iterator[Any]:
    """Every stored page as a ``Page``, by latest fetch time: the order to replay them in.
    Ids are read first, so the caller may write to the archive while iterating."""
    ids = [r["id"] for r in db.table(PAGES).rows_where(select="id", order_by="fetched_at, id")]
    for page_id in ids:
        yield page_from_row(db.table(PAGES).get(page_id))


# ---- articles ----------------------------------------------------------------------------------

def article_columns(db: sqlite_utils.Database) -> list[str]:
    return [c.name for c in db.table(ARTICLES).columns]


def find_article(db: sqlite_utils.Database, canonical_url: str) -> dict[str, Any] | None:
    cur = db.conn.execute(f"SELECT * FROM {ARTICLES} WHERE canonical_url = ? LIMIT 1",
                          [canonical_url])
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


def insert_article(db: sqlite_utils.Database, row: dict[str, Any]) -> int:
    names = list(row)  # the same columns every time: one prepared statement, reused
    sql = (f"INSERT INTO {ARTICLES} ({', '.join(f'[{n}]' for n in names)}) "
           f"VALUES ({', '.join('?' * len(names))})")
    article_id = db.conn.execute(sql, [row[n] for n in names]).lastrowid
    assert article_id is not None
    return article_id


def bulk_insert_articles(db: sqlite_utils.Database, rows: list[dict[str, Any]]) -> int:
    """Insert many article rows (``article_row`` values plus the bookkeeping columns) in ONE
    transaction, FTS included: the row-at-a-time FTS trigger is set aside inside the transaction
    and the new rows are indexed by one ``INSERT ... SELECT`` (about 3-4x faster than the trigger
    per row). A crash leaves the archive as it was before the call. Returns the rows inserted."""
    if not rows:
        return 0
    names = list(rows[0])
    sql = (f"INSERT INTO {ARTICLES} ({', '.join(f'[{n}]' for n in names)}) "
           f"VALUES ({', '.join('?' * len(names))})")
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
        db.execute(f"INSERT INTO {ARTICLES_FTS} (rowid, {cols}) "
                   f"SELECT rowid, {cols} FROM {ARTICLES} WHERE rowid > ?", [start])
        if trigger_sql:
            db.execute(trigger_sql[0])
    return len(rows)


def update_article(db: sqlite_utils.Database, article_id: int, values: dict[str, Any]) -> None:
    names = list(values)
    sql = f"UPDATE {ARTICLES} SET {', '.join(f'[{n}] = ?' for n in names)} WHERE id = ?"
    db.conn.execute(sql, [values[n] for n in names] + [article_id])


def add_revision(db: sqlite_utils.Database, old: dict[str, Any], replaced_at: str) -> None:
    """Keep an article's current text before it is replaced."""
    rev = {name: old[name] for name in REVISION_FIELDS}
    rev.update(article_id=old["id"], page_id=old["page_id"], content_hash=old["content_hash"],
               replaced_at=replaced_at)
    db.table(REVISIONS).insert(rev)


def delete_revisions(db: sqlite_utils.Database, article_id: int) -> None:
    db.table(REVISIONS).delete_where("article_id = ?", [article_id])


# ---- rejects -----------------------------------------------------------------------------------

def record_reject(db: sqlite_utils.Database, url: str, reason: str, detail: str | None,
                  at: str, page_id: int | None) -> None:
    """One row per (page, reason); seeing the same page rejected again moves ``at``."""
    db.execute(
        f"INSERT INTO {REJECTS} (url, reason, detail, at, page_id) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(page_id, reason) DO UPDATE SET at = excluded.at, detail = excluded.detail",
        [url, reason, detail, at, page_id])


def delete_rejects(db: sqlite_utils.Database, page_id: int) -> None:
    db.table(REJECTS).delete_where("page_id = ?", [page_id])


# ---- search and stats --------------------------------------------------------------------------

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


def counts(db: sqlite_utils.Database) -> dict[str, Any]:
    """Row counts, rejects by reason and the newest articles, for ``meetarchive stats``."""
    by_reason = {r["reason"]: r["n"] for r in db.query(
        f"SELECT reason, count(*) AS n FROM {REJECTS} GROUP BY reason ORDER BY n DESC, reason")}
    by_source = {r["source"] or "": r["n"] for r in db.query(
        f"SELECT source, count(*) AS n FROM {ARTICLES} GROUP BY source ORDER BY n DESC, source")}
    newest = list(db.table(ARTICLES).rows_where(
        select="headline, canonical_url, published_at, first_seen",
        order_by="coalesce(published_at, first_seen) DESC", limit=5))
    last_fetch = db.execute(f"SELECT max(fetched_at) FROM {PAGES}").fetchone()[0]
    return {
        "pages": db.table(PAGES).count, "articles": db.table(ARTICLES).count,
        "revisions": db.table(REVISIONS).count, "rejects": db.table(REJECTS).count,
        "rejects_by_reason": by_reason, "articles_by_source": by_source,
        "last_fetch": last_fetch, "newest_articles": newest,
    }


def integrity_ok(db: sqlite_utils.Database) -> bool:
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False


def format_counts(c: dict[str, Any]) -> str:
    """``counts()`` as text for ``meetarchive stats``."""
    lines = [f"pages:      {c['pages']} (last fetched {c['last_fetch'] or 'never'})",
             f"articles:   {c['articles']}"]
    lines += [f"  {n:>6}  {source or '(no source)'}"
              for source, n in c["articles_by_source"].items()]
    lines += [f"revisions:  {c['revisions']}", f"rejects:    {c['rejects']}"]
    lines += [f"  {n:>6}  {reason}" for reason, n in c["rejects_by_reason"].items()]
    if c["newest_articles"]:
        lines.append("newest articles:")
        lines += [f"  {(a['published_at'] or a['first_seen'] or '')[:10]:10}  {a['headline']}"
                  for a in c["newest_articles"]]
    return "\n".join(lines)


# ---- incremental crawls and crawl runs (scraper.incremental, scraper.runs) -----------------------

RUNS = "crawl_runs"
RUN_SOURCES = "crawl_run_sources"
# Counters of a crawl run, in the order `meetarchive stats --runs` shows them.
RUN_COUNTS = ("pages_fetched", "new", "updated", "unchanged", "not_modified", "not_due",
              "rejected", "blocked", "errors")
# Fields whose fill rate (share of the run's parsed articles that have them) is monitored.
FILL_FIELDS = ("author", "date", "body", "results")


@migrations()
def m005_crawl_runs(db: sqlite_utils.Database) -> None:
    """crawl_runs: one row per `meetarchive crawl` (counts, finish reason, exit code, alarms);
    crawl_run_sources: per run and source, the articles parsed and each field's fill rate."""
    db[RUNS].create({
        "id": int, "spider": str, "args": str, "started_at": str, "finished_at": str,
        **dict.fromkeys(RUN_COUNTS, int), "finish_reason": str, "exit_code": int,
        "alarms": str,
    }, pk="id", not_null={"spider", "started_at"})
    db[RUNS].create_index(["spider", "started_at"])
    db[RUN_SOURCES].create({
        "run_id": int, "source": str, "pages": int, "articles": int, "new": int,
        "updated": int, "unchanged": int, "rejected": int, **dict.fromkeys(FILL_FIELDS, float),
    }, pk=("run_id", "source"), foreign_keys=[("run_id", RUNS, "id")])


def revisit_info(db: sqlite_utils.Database, url: str, canonical: str) -> dict[str, Any] | None:
    """What the archive knows of a page about to be fetched again: the latest check
    (``checked_at``), its publication date, the validators (ETag, Last-Modified) of the stored
    response, its status and error; None for a page never fetched."""
    article = find_article(db, canonical)
    if article is not None:
        page = next(db.table(PAGES).rows_where(
            "id = ?", [article["page_id"]], select="id, headers, fetched_at, status, error"), None)
    else:
        page = next(db.table(PAGES).rows_where(
            "url = ?", [url], select="id, headers, fetched_at, status, error",
            order_by="fetched_at DESC", limit=1), None)
    if page is None:
        return None
    headers = {k.lower(): v for k, v in json.loads(page["headers"] or "{}").items()}
    checked = max(page["fetched_at"] or "", (article or {}).get("last_seen") or "")
    return {
        "page_id": page["id"], "article_id": article["id"] if article else None,
        "checked_at": checked, "published_at": (article or {}).get("published_at"),
        "first_seen": (article or {}).get("first_seen") or page["fetched_at"],
        "etag": headers.get("etag"), "last_modified": headers.get("last-modified"),
        "status": page["status"], "error": page["error"],
    }


def mark_not_modified(db: sqlite_utils.Database, info: dict[str, Any], at: str) -> None:
    """A conditional revisit answered 304: the stored page and article were checked at ``at``."""
    with write_transaction(db):
        db.execute(f"UPDATE {PAGES} SET fetched_at = max(fetched_at, ?) WHERE id = ?",
                   [at, info["page_id"]])
        if info.get("article_id"):
            db.execute(f"UPDATE {ARTICLES} SET last_seen = max(coalesce(last_seen, ''), ?) "
                       "WHERE id = ?", [at, info["article_id"]])


def known_articles(db: sqlite_utils.Database, canonicals: list[str],
                   before: str | None = None) -> set[str]:
    """The canonical URLs of ``canonicals`` that the archive holds an article for (first seen
    before ``before``, when given: e.g. before the current crawl started)."""
    found: set[str] = set()
    for i in range(0, len(canonicals), 500):
        chunk = canonicals[i:i + 500]
        marks = ", ".join("?" for _ in chunk)
        where = f"canonical_url IN ({marks})" + (" AND first_seen < ?" if before else "")
        found.update(r["canonical_url"] for r in db.query(
            f"SELECT canonical_url FROM {ARTICLES} WHERE {where}",
            [*chunk, before] if before else chunk))
    return found


CLEAN_EXIT_CODES = (0, 5)  # finished; an alarm says nothing about what was fetched


def clean_reads(db: sqlite_utils.Database, spider: str,
                urls: list[str]) -> dict[str, tuple[str, str]]:
    """The URLs of ``urls`` that ``spider`` last fetched (HTTP 200) in a run that finished cleanly,
    each with (that run's start, that fetch's time).

    A run is clean when Scrapy finished it (``finish_reason`` "finished", not a shutdown or a
    kill) and its exit code is 0 or 5 (or was not recorded): then what the page listed was fetched
    in that run. A URL whose latest successful fetch fell in any other run is left out, as are
    URLs never fetched: the caller reads them again."""
    found: dict[str, tuple[str, str]] = {}
    if not urls or not db.table(RUNS).exists():
        return found
    for i in range(0, len(urls), 500):
        chunk = urls[i:i + 500]
        marks = ", ".join("?" for _ in chunk)
        fetches = db.execute(
            f"SELECT url, max(fetched_at) FROM {PAGES} WHERE url IN ({marks}) AND spider = ? "
            "AND status = 200 AND error IS NULL GROUP BY url", [*chunk, spider]).fetchall()
        for url, fetched in fetches:
            run = db.execute(
                f"SELECT started_at, finished_at, finish_reason, exit_code FROM {RUNS} "
                "WHERE spider = ? AND started_at <= ? ORDER BY started_at DESC, id DESC LIMIT 1",
                [spider, fetched]).fetchone()
            if run is None:
                continue
            started, finished, reason, code = run
            if (reason == "finished" and (finished or "") >= fetched
                    and (code is None or code in CLEAN_EXIT_CODES)):
                found[url] = (started, fetched)
    return found


def start_run(db: sqlite_utils.Database, spider: str, args: dict[str, Any],
              started_at: str) -> int:
    with write_transaction(db):
        run_id = db.table(RUNS).insert({"spider": spider, "started_at": started_at,
                                        "args": json.dumps(args, default=str)}).last_pk
    assert run_id is not None
    return run_id


def finish_run(db: sqlite_utils.Database, run_id: int, values: dict[str, Any],
               sources: list[dict[str, Any]]) -> None:
    """Counts, finish time and reason of a run, and its per-source rows."""
    if "alarms" in values and not isinstance(values["alarms"], str):
        values = {**values, "alarms": json.dumps(values["alarms"])}
    with write_transaction(db):
        db.table(RUNS).update(run_id, values)
        for row in sources:
            db.table(RUN_SOURCES).upsert({**row, "run_id": run_id}, pk=("run_id", "source"))


def set_run_exit_code(db: sqlite_utils.Database, run_id: int, exit_code: int) -> None:
    with write_transaction(db):
        db.table(RUNS).update(run_id, {"exit_code": exit_code})


def source_history(db: sqlite_utils.Database, spider: str, source: str, before_run: int,
                   limit: int = 5) -> list[dict[str, Any]]:
    """The per-source rows of the latest finished runs of ``spider`` before ``before_run``,
    newest first."""
    return list(db.query(
        f"SELECT s.* FROM {RUN_SOURCES} s JOIN {RUNS} r ON r.id = s.run_id "
        "WHERE r.spider = ? AND s.source = ? AND r.id < ? AND r.finished_at IS NOT NULL "
        "ORDER BY r.id DESC LIMIT ?", [spider, source, before_run, limit]))


def recent_runs(db: sqlite_utils.Database, limit: int = 20) -> list[dict[str, Any]]:
    """The latest crawl runs, newest first, each with its per-source rows."""
    if not db.table(RUNS).exists():
        return []
    runs = list(db.table(RUNS).rows_where(order_by="id DESC", limit=limit))
    for run in runs:
        run["alarms"] = json.loads(run["alarms"] or "[]")
        run["sources"] = list(db.table(RUN_SOURCES).rows_where(
            "run_id = ?", [run["id"]], order_by="source"))
    return runs

# ---- results -----------------------------------------------------------------------------------

def page_id_of(db: sqlite_utils.Database, page: Any) -> int | None:
    """The row id of a stored page version (same URL, status and body)."""
    sha1 = hashlib.sha1(page.body).hexdigest()
    row = next(db.query(f"SELECT id FROM {PAGES} WHERE url = ? AND body_sha1 = ? AND status = ?",
                        [page.url, sha1, page.status]), None)
    return row["id"] if row else None


def name_key(name: str | None) -> str:
    """A meet name's key: casefolded words, punctuation dropped ("Pre Classic - 2024" ->
    "pre classic 2024")."""
    return " ".join("".join(ch if ch.isalnum() else " " for ch in (name or "").casefold()).split())


def meet_id_for(db: sqlite_utils.Database, meet: dict[str, Any] | None,
                source: str | None = None) -> int | None:
    """The meet row for a parsed meet (name + date), created on first sight; None without a
    name."""
    if not meet or not meet.get("name"):
        return None
    key, date = name_key(meet["name"]), meet.get("date")
    row = next(db.query(f"SELECT * FROM {MEETS} WHERE name_key = ? AND date IS ?", [key, date]),
               None)
    if row:
        missing = {k: meet.get(k) for k in ("venue", "date_raw") if not row[k] and meet.get(k)}
        if missing:
            db[MEETS].update(row["id"], missing)
        return row["id"]
    return db[MEETS].insert({"name": meet["name"], "name_key": key, "date": date,
                             "date_raw": meet.get("date_raw"), "venue": meet.get("venue"),
                             "source": source}).last_pk


def delete_results(db: sqlite_utils.Database, page_id: int) -> None:
    """Drop what a page's earlier parse stored (a re-parse replaces it whole)."""
    for table in (RESULTS, RESULT_EVENTS, RESULT_DOCS):
        db[table].delete_where("page_id = ?", [page_id])


def store_results(db: sqlite_utils.Database, page_id: int, url: str, doc: dict[str, Any],
                  fetched_at: str, source: str | None = None) -> int:
    """Store one parsed results document (the JSON of ``scraper.results.to_contract``) for a page:
    its meet, events and rows; a document without rows is listed as unparsed with the reason.
    Returns the number of rows stored."""
    delete_results(db, page_id)
    meet = doc.get("meet") or {}
    meet_id = meet_id_for(db, meet, source)
    events = [e for e in doc.get("events") or [] if e.get("results")]
    n_rows = sum(len(e["results"]) for e in events)
    status = "parsed" if n_rows else "unparsed"
    reason = None if n_rows else (doc.get("_error") or "no result rows found")
    doc_id = db[RESULT_DOCS].insert({
        "page_id": page_id, "url": url, "meet_id": meet_id, "format": doc.get("format"),
        "status": status, "reason": reason, "events": len(events), "rows": n_rows,
        "fetched_at": fetched_at,
    }).last_pk
    rows = []
    for k, ev in enumerate(events):
        ev_id = db[RESULT_EVENTS].insert({
            "document_id": doc_id, "page_id": page_id, "meet_id": meet_id, "position": k,
            "number": ev.get("number"), "name": ev.get("event_name"), "gender": ev.get("gender"),
            "division": ev.get("division"), "round": ev.get("round"), "heat": ev.get("heat"),
            "wind": ev.get("wind"), "kind": ev.get("kind"),
        }).last_pk
        for i, r in enumerate(ev["results"]):
            detail = r.get("detail") or {}
            members = [m.get("athlete") for m in r.get("relay_members") or [] if m.get("athlete")]
            rows.append({
                "event_id": ev_id, "document_id": doc_id, "page_id": page_id, "meet_id": meet_id,
                "position": i, "place": r.get("place"), "athlete": r.get("athlete"),
                "team": r.get("team"), "members": "; ".join(members) or None,
                "year": r.get("year"), "bib": detail.get("bib"), "mark_raw": r.get("mark"),
                "mark": r.get("mark_normalized"), "unit": r.get("mark_unit"),
                "timing": detail.get("timing"), "wind": r.get("wind"),
                "wind_raw": detail.get("wind_raw"), "status": r.get("status"),
                "qualifier": detail.get("qualifier"), "flags": detail.get("flags") or [],
                "tiebreak": detail.get("tiebreak"), "points": detail.get("points"),
                "relay_members": r.get("relay_members") or [],
                "attempts": detail.get("attempts") or [], "splits": detail.get("splits") or [],
                "detail": detail, "raw": r.get("raw"), "event": ev.get("event_name"),
                "round": ev.get("round"), "gender": ev.get("gender"), "meet_name": meet.get("name"),
                "meet_date": meet.get("date"), "source": source,
            })
    for row in rows:
        for col in RESULT_JSON_COLUMNS:
            v = row[col]
            if v is not None and not isinstance(v, str):
                row[col] = json.dumps(v, ensure_ascii=False)
    if rows:
        db[RESULTS].insert_all(rows, batch_size=500)
    return n_rows


def search_results(db: sqlite_utils.Database, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Result rows whose athlete, team or relay member names match an FTS5 query, best first,
    with their event and meet."""
    sql = (f"SELECT r.id, r.place, r.athlete, r.team, r.members, r.mark_raw, r.mark, r.unit, "
           f"r.wind, r.status, e.name AS event, e.round, m.name AS meet, m.date AS meet_date, "
           f"d.url FROM {RESULTS_FTS} f JOIN {RESULTS} r ON r.rowid = f.rowid "
           f"JOIN {RESULT_EVENTS} e ON e.id = r.event_id JOIN {RESULT_DOCS} d ON d.id = "
           f"r.document_id LEFT JOIN {MEETS} m ON m.id = r.meet_id "
           f"WHERE {RESULTS_FTS} MATCH ? ORDER BY f.rank LIMIT ?")
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
    for art in db.query(f"SELECT id, canonical_url, headline, meet_name, published_at "
                        f"FROM {ARTICLES} WHERE {where} ORDER BY published_at", args):
        have = set(name_key(f"{art['meet_name'] or ''} {art['headline'] or ''}").split())
        if all(w in have for w in words):
            out.append(art)
    return out


def meets_overview(db: sqlite_utils.Database, query: str | None = None,
                   days: int = 14) -> list[dict[str, Any]]:
    """Meets (whose name holds every word of ``query``, if given), newest first, each with its
    results documents, events, rows and the articles that cover it (see :func:`meet_articles`)."""
    out = []
    words = name_key(query).split() if query else []
    for meet in db.query(f"SELECT * FROM {MEETS} ORDER BY coalesce(date, '') DESC, name"):
        if not all(w in meet["name_key"].split() for w in words):
            continue
        docs = list(db.query(f"SELECT url, format, status, reason, events, rows FROM {RESULT_DOCS} "
                             "WHERE meet_id = ? ORDER BY id", [meet["id"]]))
        events = list(db.query(
            f"SELECT e.name, e.gender, e.round, e.kind, count(r.id) AS rows FROM {RESULT_EVENTS} e "
            f"LEFT JOIN {RESULTS} r ON r.event_id = e.id WHERE e.meet_id = ? GROUP BY e.id "
            "ORDER BY e.document_id, e.position", [meet["id"]]))
        out.append({
            "id": meet["id"], "name": meet["name"], "date": meet["date"], "venue": meet["venue"],
            "documents": docs, "events": events, "rows": sum(d["rows"] or 0 for d in docs),
            "articles": meet_articles(db, meet["id"], days),
        })
    return out


def format_meets(meets: list[dict[str, Any]]) -> str:
    """``meets_overview()`` as text for ``meetarchive meets``."""
    if not meets:
        return "No meets."
    lines = []
    for m in meets:
        lines.append(f"{m['date'] or '????-??-??'}  {m['name']}"
                     + (f" ({m['venue']})" if m["venue"] else "")
                     + f": {m['rows']} result row(s), {len(m['articles'])} article(s)")
        lines += [f"    {e['name']} [{e['round'] or '-'}] {e['rows']}" for e in m["events"]]
        lines += [f"    article: {a['headline']}  {a['canonical_url']}" for a in m["articles"]]
    return "\n".join(lines)
