"""The archive's schema: table names, columns, keys, FTS settings and migrations.

``open_db(path)`` opens (or creates) an archive in WAL mode with foreign keys on and applies every
pending migration, so an archive written by an older version is brought up to date when opened.
Later schema changes are new ``@migrations()`` functions appended at the end; never edit one that
has shipped.

Every time stored here derives from a page's fetch time (never the wall clock), so rebuilding the
articles from the stored pages (``meetarchive reparse``) gives identical rows.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
    if migrate and list(migrations.pending(db)):
        # under the write lock: a second process opening the same new archive waits, then finds
        # every migration applied
        with write_transaction(db):
            migrations.apply(db)
    return db


def begin_write(db: sqlite_utils.Database, timeout_ms: int = BUSY_TIMEOUT_MS) -> bool:
    """``BEGIN IMMEDIATE`` (the write lock taken up front, so a writer never fails mid-transaction
    on a lock), trying again every millisecond for up to ``timeout_ms`` while another connection
    holds the lock. SQLite's own busy handler sleeps up to 100 ms between tries, so a writer that
    commits and begins again within a few milliseconds (a crawl storing items in groups) could
    starve it. Returns whether it had to wait: another writer was there."""
    conn = db.conn
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        deadline = None
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return deadline is not None
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                now = time.monotonic()
                if deadline is None:
                    deadline = now + timeout_ms / 1000
                elif now >= deadline:
                    raise
                time.sleep(0.001)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction (``begin_write``: takes the write lock up front, so a concurrent
    writer waits for it instead of failing mid-transaction). Nested: a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    begin_write(db)
    try:
        yield db
        db.execute("COMMIT")  # may fail too (a full disk): then nothing of it stays
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise


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


@migrations()
def m006_fts_update_trigger_on_text(db: sqlite_utils.Database) -> None:
    """The articles' FTS update trigger fires only when an indexed column (or the rowid) is set:
    an unchanged recrawl, which only moves ``last_seen``, no longer deletes and re-adds the
    article's terms (two tokenizations of its text and an FTS5 write per item)."""
    name = f"{ARTICLES}_au"
    found = db.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                       [name]).fetchone()
    if found is None:
        return
    actions = found[0][found[0].index(" BEGIN"):]
    columns = ", ".join(f'"{c}"' for c in ("id", *FTS_COLUMNS))
    db.execute(f'DROP TRIGGER "{name}"')
    db.execute(f'CREATE TRIGGER "{name}" AFTER UPDATE OF {columns} ON "{ARTICLES}"{actions}')


@migrations()
def m007_runnerspace_news_id_key(db: sqlite_utils.Database) -> None:
    """A RunnerSpace/DyeStat article is keyed by its news_id alone
    (``https://www.runnerspace.com/news.php?news_id=N``), no longer by the profile that reached it
    (``{g|e}profile.php?{mgroup_id|event_id}=ID&do=news&news_id=N``): rows stored under the old
    keys are re-keyed, and one article stored twice (through a group wall and through an event) is
    merged into one row (``pipelines.db.identity.merge_articles``: the row holding the newest text
    kept, every revision kept, the others' texts as revisions, earliest first_seen)."""
    from pipelines.db.identity import rekey_runnerspace_articles

    rekey_runnerspace_articles(db)


@migrations()
def m007b_result_document_identity(db: sqlite_utils.Database) -> None:
    """What a results document is, beside the page it came from: ``url_key`` (the document's key,
    ``scraper.urls.document_key``: one row per key, its current version), ``body_sha1`` (a page
    byte-identical to a stored document adds no rows: ``status = 'duplicate'``, ``duplicate_of``
    the document holding them) and ``parse_sha1`` (a newer version whose results are unchanged
    keeps its rows). Documents already stored twice are merged
    (``pipelines.db.identity.merge_result_documents``)."""
    from pipelines.db.identity import merge_result_documents

    for column, kind in (("url_key", "TEXT"), ("body_sha1", "TEXT"), ("parse_sha1", "TEXT"),
                         ("duplicate_of", "INTEGER")):
        db.execute(f"ALTER TABLE {RESULT_DOCS} ADD COLUMN {column} {kind}")
    merge_result_documents(db)
    db.table(RESULT_DOCS).create_index(["url_key"], unique=True)
    db.table(RESULT_DOCS).create_index(["body_sha1"])
    db.table(RESULT_DOCS).create_index(["duplicate_of"])


# ---- exports (pipelines.export) ------------------------------------------------------------------

EXPORTS = "exports"
EXPORT_ROWS = "export_rows"


@migrations()
def m008_export_state(db: sqlite_utils.Database) -> None:
    """exports / export_rows: what each ``export --since-last`` wrote to its output file (kept
    here, not in a file beside the data): per path its dataset, format and row count, per row
    its key and a digest of its values."""
    db[EXPORTS].create({
        "id": int, "path": str, "dataset": str, "format": str, "rows": int, "exported_at": str,
    }, pk="id", not_null={"path", "dataset", "format"})
    db[EXPORTS].create_index(["path"], unique=True)
    db.execute(f"CREATE TABLE {EXPORT_ROWS} (export_id INTEGER NOT NULL REFERENCES {EXPORTS}(id), "
               "key TEXT NOT NULL, digest TEXT NOT NULL, PRIMARY KEY (export_id, key)) "
               "WITHOUT ROWID")
