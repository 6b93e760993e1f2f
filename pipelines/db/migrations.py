"""The archive's migrations, in the order they are applied: every table, column, index and FTS
setting of ``pipelines.db.schema`` is created here (a migration that creates a family of tables
calls its function in ``pipelines.db.tables``). ``pipelines.db.connection.open_db`` applies the
pending ones, so an archive written by an older version is brought up to date when opened.

A new table or column is a new ``@migrations()`` function at the end; never edit one that has
shipped (nor the ``pipelines.db.tables`` function it calls). Each archive records the names of the
migrations applied to it (``_sqlite_migrations``), so a shipped name never changes: the function
names number them in order, and two that shipped under other names say so (``name=``).
"""

from __future__ import annotations

import sqlite_utils

from pipelines.db.identity import merge_result_documents, rekey_runnerspace_articles
from pipelines.db.schema import (
    ARTICLES,
    ATHLETE_MENTIONS,
    ATHLETE_REVIEW,
    ATHLETES,
    FTS_COLUMNS,
    MEET_ARTICLES,
    MEET_OVERRIDES,
    MEETS,
    MENTIONS_BY_ATHLETE_INDEX,
    PAGES,
    PERFORMANCES,
    RANKED_ROWS,
    RANKING_INDEX,
    RESULT_DOCS,
    RESULTS,
    RESULTS_FTS_COLUMNS,
    REVIEW_BELOW,
    RUN_SOURCES,
    SEASON_RANKING_INDEX,
    STORY_BANDS,
    STORY_PRINTS,
)
from pipelines.db.tables import (
    create_article_tables,
    create_athlete_tables,
    create_crawl_run_tables,
    create_export_tables,
    create_results_tables,
)

migrations = sqlite_utils.Migrations("meetarchive")


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    """pages, articles (+ FTS with triggers), article_revisions, rejects."""
    create_article_tables(db)


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
    db.execute(
        f"UPDATE {ARTICLES} SET source = (SELECT source FROM {PAGES} "
        f"WHERE {PAGES}.id = {ARTICLES}.page_id)"
    )
    db.execute(
        f"ALTER TABLE {ARTICLES} ADD COLUMN year INTEGER GENERATED ALWAYS AS "
        "(CAST(substr(published_at, 1, 4) AS INTEGER)) VIRTUAL"
    )
    db.table(ARTICLES).create_index(["source"], if_not_exists=True)


@migrations()
def m004_results(db: sqlite_utils.Database) -> None:
    """Meet results: meets, result_documents (one per results page or file, parsed or not, with
    the reason), result_events (sections) and results (rows, raw line/cells kept) + FTS over
    athlete, team and relay member names."""
    create_results_tables(db)


@migrations()
def m005_results_meet_year(db: sqlite_utils.Database) -> None:
    """``results.meet_year``: the year of the meet a result belongs to (a virtual column derived
    from ``meet_date``), a facet in Datasette beside event, gender, round and meet."""
    db.execute(
        f"ALTER TABLE {RESULTS} ADD COLUMN meet_year INTEGER GENERATED ALWAYS AS "
        "(CAST(substr(meet_date, 1, 4) AS INTEGER)) VIRTUAL"
    )


@migrations(name="m005_crawl_runs")  # shipped under that name beside m005_results_meet_year
def m006_crawl_runs(db: sqlite_utils.Database) -> None:
    """crawl_runs: one row per `meetarchive crawl` (counts, finish reason, exit code, alarms);
    crawl_run_sources: per run and source, the articles parsed and each field's fill rate."""
    create_crawl_run_tables(db)


@migrations(name="m006_fts_update_trigger_on_text")
def m007_fts_update_trigger_on_text(db: sqlite_utils.Database) -> None:
    """The articles' FTS update trigger fires only when an indexed column (or the rowid) is set:
    an unchanged recrawl, which only moves ``last_seen``, no longer deletes and re-adds the
    article's terms (two tokenizations of its text and an FTS5 write per item)."""
    name = f"{ARTICLES}_au"
    found = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [name]
    ).fetchone()
    if found is None:
        return
    actions = found[0][found[0].index(" BEGIN") :]
    columns = ", ".join(f'"{c}"' for c in ("id", *FTS_COLUMNS))
    db.execute(f'DROP TRIGGER "{name}"')
    db.execute(f'CREATE TRIGGER "{name}" AFTER UPDATE OF {columns} ON "{ARTICLES}"{actions}')


@migrations()
def m008_runnerspace_news_id_key(db: sqlite_utils.Database) -> None:
    """A RunnerSpace/DyeStat article is keyed by its news_id alone
    (``https://www.runnerspace.com/news.php?news_id=N``), no longer by the profile that reached it
    (``{g|e}profile.php?{mgroup_id|event_id}=ID&do=news&news_id=N``): rows stored under the old
    keys are re-keyed, and one article stored twice (through a group wall and through an event) is
    merged into one row (``pipelines.db.identity.merge_articles``: the row holding the newest text
    kept, every revision kept, the others' texts as revisions, earliest first_seen)."""
    rekey_runnerspace_articles(db)


@migrations()
def m009_result_document_identity(db: sqlite_utils.Database) -> None:
    """What a results document is, beside the page it came from: ``url_key`` (the document's key,
    ``scraper.parsers.keys.document_key``: one row per key, its current version), ``body_sha1`` (a
    page byte-identical to a stored document adds no rows: ``status = 'duplicate'``,
    ``duplicate_of`` the document holding them) and ``parse_sha1`` (a newer version whose results
    are unchanged keeps its rows). Documents already stored twice are merged
    (``pipelines.db.identity.merge_result_documents``)."""
    for column, kind in (
        ("url_key", "TEXT"),
        ("body_sha1", "TEXT"),
        ("parse_sha1", "TEXT"),
        ("duplicate_of", "INTEGER"),
    ):
        db.execute(f"ALTER TABLE {RESULT_DOCS} ADD COLUMN {column} {kind}")
    merge_result_documents(db)
    db.table(RESULT_DOCS).create_index(["url_key"], unique=True)
    db.table(RESULT_DOCS).create_index(["body_sha1"])
    db.table(RESULT_DOCS).create_index(["duplicate_of"])


@migrations()
def m010_export_state(db: sqlite_utils.Database) -> None:
    """exports / export_rows: what each ``export --since-last`` wrote to its output file (kept
    here, not in a file beside the data): per path its dataset, format and row count, per row
    its key and a digest of its values."""
    create_export_tables(db)


@migrations()
def m011_meet_resolution(db: sqlite_utils.Database) -> None:
    """One competition is one meet, whatever documents and articles print it.

    ``result_documents`` keeps the meet as its document printed it (``meet_name``, ``meet_date``,
    ``meet_date_raw``, ``meet_venue``) beside ``meet_id``, the meet it was resolved to, with
    ``meet_confidence`` and ``meet_signals`` (JSON: the signals that decided it). ``meets`` gains
    ``year`` and ``end_date`` (a meet of several days) and loses its one-row-per-name-and-date
    rule (a user may split one). ``meet_overrides``: the user's "these two documents are (not)
    one meet", by document key. ``meet_articles``: the articles covering a meet, with confidence
    and signals. The printed meet of documents already stored is filled from their meet."""
    for column, kind in (
        ("meet_name", "TEXT"),
        ("meet_date", "TEXT"),
        ("meet_date_raw", "TEXT"),
        ("meet_venue", "TEXT"),
        ("meet_confidence", "REAL"),
        ("meet_signals", "TEXT"),
    ):
        db.execute(f"ALTER TABLE {RESULT_DOCS} ADD COLUMN {column} {kind}")
    db.execute(
        f"UPDATE {RESULT_DOCS} SET (meet_name, meet_date, meet_date_raw, meet_venue) = "
        f"(SELECT name, date, date_raw, venue FROM {MEETS} WHERE {MEETS}.id = meet_id)"
    )
    db.execute(f"ALTER TABLE {MEETS} ADD COLUMN year INTEGER")
    db.execute(f"ALTER TABLE {MEETS} ADD COLUMN end_date TEXT")
    db.execute(f"UPDATE {MEETS} SET year = CAST(substr(date, 1, 4) AS INTEGER), end_date = date")
    for index in db.table(MEETS).indexes:
        if index.columns == ["name_key", "date"]:
            db.execute(f'DROP INDEX "{index.name}"')
    db.table(MEETS).create_index(["name_key", "date"], if_not_exists=True)
    db.table(MEETS).create_index(["year"], if_not_exists=True)
    db.table(MEETS).create_index(["date"], if_not_exists=True)
    db.table(RESULT_DOCS).create_index(["meet_id"], if_not_exists=True)
    db.table(MEET_OVERRIDES).create(
        {
            "id": int,
            "document_a": str,
            "document_b": str,
            "same": int,
            "note": str,
            "created_at": str,
        },
        pk="id",
        not_null={"document_a", "document_b", "same"},
    )
    db.table(MEET_OVERRIDES).create_index(["document_a"])
    db.table(MEET_OVERRIDES).create_index(["document_b"])
    db.table(MEET_ARTICLES).create(
        {"meet_id": int, "article_id": int, "confidence": float, "signals": str},
        pk=("meet_id", "article_id"),
        foreign_keys=[("meet_id", MEETS, "id"), ("article_id", ARTICLES, "id")],
    )
    db.table(MEET_ARTICLES).create_index(["article_id"])


@migrations()
def m012_athlete_identity(db: sqlite_utils.Database) -> None:
    """One person is one athlete; one performance printed twice counts once.

    ``athletes``: one row per person (display name, folded name key, gender, teams seen, first
    and last date, number of results). ``athlete_keys``: the keys a name is looked up by (every
    word sorted; family name + first initial). ``results`` gains ``athlete_id`` with
    ``athlete_confidence`` and ``athlete_signals`` (JSON: what decided the link), ``discipline``
    (the event's discipline key, ``scraper.results.disciplines``) and ``duplicate_of`` (the row
    holding the same performance printed by another document of the meet). ``athlete_overrides``:
    the user's "same person / not the same person", by document key, name and team as printed.
    ``athlete_mentions``: athletes named in articles. Views: ``performances`` (rows that are no
    duplicate), ``athlete_review`` (links below the review threshold). The results' FTS update
    trigger fires only when a searched column (or the rowid) is written, as the articles' does
    (m007): linking sets columns of every row it links, which the index does not hold."""
    create_athlete_tables(db)
    for column, kind in (
        ("athlete_id", "INTEGER"),
        ("athlete_confidence", "REAL"),
        ("athlete_signals", "TEXT"),
        ("discipline", "TEXT"),
        ("duplicate_of", "INTEGER"),
    ):
        db.execute(f"ALTER TABLE {RESULTS} ADD COLUMN {column} {kind}")
    db.table(RESULTS).create_index(["athlete_id"])
    db.table(RESULTS).create_index(["duplicate_of"])
    trigger = f"{RESULTS}_au"
    found = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", [trigger]
    ).fetchone()
    if found is not None:
        actions = found[0][found[0].index(" BEGIN") :]
        columns = ", ".join(f'"{c}"' for c in ("id", *RESULTS_FTS_COLUMNS))
        db.execute(f'DROP TRIGGER "{trigger}"')
        db.execute(f'CREATE TRIGGER "{trigger}" AFTER UPDATE OF {columns} ON "{RESULTS}"{actions}')
    db.execute(f"CREATE VIEW {PERFORMANCES} AS SELECT * FROM {RESULTS} WHERE duplicate_of IS NULL")
    db.execute(
        f"CREATE VIEW {ATHLETE_REVIEW} AS SELECT r.id AS result_id, r.athlete, r.team, r.year, "
        "r.event, r.mark_raw, r.meet_name, r.meet_date, r.athlete_id, a.name AS linked_to, "
        "r.athlete_confidence AS confidence, r.athlete_signals AS signals, d.url AS document "
        f"FROM {RESULTS} r JOIN {ATHLETES} a ON a.id = r.athlete_id "
        f"JOIN {RESULT_DOCS} d ON d.id = r.document_id "
        f"WHERE r.athlete_confidence < {REVIEW_BELOW} ORDER BY r.athlete_confidence"
    )


@migrations()
def m013_results_audit(db: sqlite_utils.Database) -> None:
    """The audit of each parsed results document (``scraper.results.audit``), stored with it:
    ``verdict`` (parsed, partial, unparsed), ``coverage`` (the share of its result-like lines or
    table rows that became rows), ``result_lines``, ``covered_lines``, ``flagged_rows`` and
    ``audit_reasons`` (JSON list); per row, ``results.audit_flags`` (JSON list of the checks it
    fails, NULL when none). Per crawl run and source, ``results_documents`` (documents audited in
    the run) and ``results_parsed`` (the share of them whose verdict is parsed), for the alarm.
    Documents stored before are NULL until ``meetarchive reparse`` audits them."""
    for column, kind in (
        ("verdict", "TEXT"),
        ("coverage", "REAL"),
        ("result_lines", "INTEGER"),
        ("covered_lines", "INTEGER"),
        ("flagged_rows", "INTEGER"),
        ("audit_reasons", "TEXT"),
    ):
        db.execute(f"ALTER TABLE {RESULT_DOCS} ADD COLUMN {column} {kind}")
    db.table(RESULT_DOCS).create_index(["verdict"])
    db.execute(f"ALTER TABLE {RESULTS} ADD COLUMN audit_flags TEXT")
    db.execute(f"ALTER TABLE {RUN_SOURCES} ADD COLUMN results_documents INTEGER")
    db.execute(f"ALTER TABLE {RUN_SOURCES} ADD COLUMN results_parsed REAL")


@migrations()
def m014_stories(db: sqlite_utils.Database) -> None:
    """Stories (the same text on several sites or under several URLs; pipelines.stories):
    ``articles.copy_of``, the id of the story's original for an article that is a later copy of
    it (indexed where set), and ``articles.story_id``, the story of every article (a virtual
    column: ``copy_of``, else its own id); story_prints, one MinHash signature per article with
    its story (read with the signatures, without reading the articles' rows); story_bands, its
    LSH band keys (key, article_id), the index a new article's candidates are looked up in.
    Articles stored before are fingerprinted by ``meetarchive reparse``."""
    db.execute(f"ALTER TABLE {ARTICLES} ADD COLUMN copy_of INTEGER REFERENCES {ARTICLES}(id)")
    db.execute(
        f"ALTER TABLE {ARTICLES} ADD COLUMN story_id INTEGER GENERATED ALWAYS AS "
        "(coalesce(copy_of, id)) VIRTUAL"
    )
    db.execute(
        f"CREATE INDEX idx_{ARTICLES}_copy_of ON {ARTICLES}(copy_of) WHERE copy_of IS NOT NULL"
    )
    db.execute(
        f"CREATE TABLE {STORY_PRINTS} (article_id INTEGER PRIMARY KEY REFERENCES {ARTICLES}(id), "
        "shingles INTEGER NOT NULL, signature BLOB NOT NULL, story INTEGER NOT NULL)"
    )
    db.execute(f"CREATE INDEX idx_{STORY_PRINTS}_story ON {STORY_PRINTS}(story)")
    db.execute(
        f"CREATE TABLE {STORY_BANDS} (key INTEGER NOT NULL, article_id INTEGER NOT NULL, "
        "PRIMARY KEY (key, article_id)) WITHOUT ROWID"
    )


@migrations()
def m015_page_indexes(db: sqlite_utils.Database) -> None:
    """What the meet, athlete and ranking pages read, fast at millions of rows.

    ``results.season``: the year of the row's meet (``meets.year``, known for a meet dated by its
    year only, where ``meet_year`` from ``meet_date`` is empty), kept by meet resolution with
    ``meet_id``. Two partial indexes over the performances a ranking lists (no copy, a mark, no
    status): by discipline, gender and mark (all time) and by discipline, gender, season and mark,
    so a ranking walks them best mark first and stops when its page is full. Athletes' mentions by
    (athlete, article), so an athlete page counts and picks its articles from the index."""
    db.execute(f"ALTER TABLE {RESULTS} ADD COLUMN season INTEGER")
    db.execute(
        f"UPDATE {RESULTS} SET season = (SELECT year FROM {MEETS} WHERE {MEETS}.id = meet_id) "
        "WHERE meet_id IS NOT NULL"
    )
    db.execute(
        f"CREATE INDEX {RANKING_INDEX} ON {RESULTS} (discipline, gender, mark) WHERE {RANKED_ROWS}"
    )
    db.execute(
        f"CREATE INDEX {SEASON_RANKING_INDEX} ON {RESULTS} (discipline, gender, season, mark) "
        f"WHERE {RANKED_ROWS}"
    )
    db.execute(
        f"CREATE INDEX {MENTIONS_BY_ATHLETE_INDEX} ON {ATHLETE_MENTIONS} (athlete_id, article_id)"
    )


@migrations()
def m016_article_agencies(db: sqlite_utils.Database) -> None:
    """articles.agencies: the news agencies a byline credits (AP, dpa, Reuters), kept apart from
    the people in ``authors`` (JSON list; ``[]`` for the articles stored before it)."""
    db.execute(f"ALTER TABLE {ARTICLES} ADD COLUMN agencies TEXT NOT NULL DEFAULT '[]'")
