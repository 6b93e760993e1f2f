"""What incremental crawls ask of the archive and crawl runs."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from pipelines.db.articles import find_article
from pipelines.db.connection import write_transaction
from pipelines.db.schema import ARTICLES, PAGES, RUN_SOURCES, RUNS


def revisit_info(db: sqlite_utils.Database, url: str, canonical: str) -> dict[str, Any] | None:
    """What the archive knows of a page about to be fetched again: the latest check
    (``checked_at``), its publication date, the validators (ETag, Last-Modified) of the stored
    response, its status and error; None for a page never fetched."""
    article = find_article(db, canonical)
    if article is not None:
        page = next(
            db.table(PAGES).rows_where(
                "id = ?", [article["page_id"]], select="id, headers, fetched_at, status, error"
            ),
            None,
        )
    else:
        page = next(
            db.table(PAGES).rows_where(
                "url = ?",
                [url],
                select="id, headers, fetched_at, status, error",
                order_by="fetched_at DESC",
                limit=1,
            ),
            None,
        )
    if page is None:
        return None
    headers = {k.lower(): v for k, v in json.loads(page["headers"] or "{}").items()}
    checked = max(page["fetched_at"] or "", (article or {}).get("last_seen") or "")
    return {
        "page_id": page["id"],
        "article_id": article["id"] if article else None,
        "checked_at": checked,
        "published_at": (article or {}).get("published_at"),
        "first_seen": (article or {}).get("first_seen") or page["fetched_at"],
        "etag": headers.get("etag"),
        "last_modified": headers.get("last-modified"),
        "status": page["status"],
        "error": page["error"],
    }


def mark_not_modified(db: sqlite_utils.Database, info: dict[str, Any], at: str) -> None:
    """A conditional revisit answered 304: the stored page and article were checked at ``at``."""
    with write_transaction(db):
        db.execute(
            f"UPDATE {PAGES} SET fetched_at = max(fetched_at, ?) WHERE id = ?",
            [at, info["page_id"]],
        )
        if info.get("article_id"):
            db.execute(
                f"UPDATE {ARTICLES} SET last_seen = max(coalesce(last_seen, ''), ?) WHERE id = ?",
                [at, info["article_id"]],
            )


def known_articles(
    db: sqlite_utils.Database, canonicals: list[str], before: str | None = None
) -> set[str]:
    """The canonical URLs of ``canonicals`` that the archive holds an article for (first seen
    before ``before``, when given: e.g. before the current crawl started)."""
    found: set[str] = set()
    for i in range(0, len(canonicals), 500):
        chunk = canonicals[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        where = f"canonical_url IN ({marks})" + (" AND first_seen < ?" if before else "")
        found.update(
            r["canonical_url"]
            for r in db.query(
                f"SELECT canonical_url FROM {ARTICLES} WHERE {where}",
                [*chunk, before] if before else chunk,
            )
        )
    return found


CLEAN_EXIT_CODES = (0, 5)  # finished; an alarm says nothing about what was fetched
_CLEAN_RUN = (
    f"r.finish_reason = 'finished' AND (r.exit_code IS NULL OR r.exit_code IN "
    f"({', '.join(str(c) for c in CLEAN_EXIT_CODES)}))"
)


def clean_reads(
    db: sqlite_utils.Database, spider: str, urls: list[str]
) -> dict[str, tuple[str, str]]:
    """The URLs of ``urls`` that ``spider`` last fetched (HTTP 200) in a run that finished cleanly,
    each with (that run's start, that fetch's time).

    A run is clean when Scrapy finished it (``finish_reason`` "finished", not a shutdown or a
    kill) and its exit code is 0 or 5 (or was not recorded): then what the page listed was fetched
    in that run. The run is the one of ``spider`` that covered the page's source (it has a
    ``crawl_run_sources`` row for it) and was running when the page was fetched; crawls of other
    sources may run beside it. A URL whose latest successful fetch fell in no clean run is left
    out, as are URLs never fetched: the caller reads them again."""
    found: dict[str, tuple[str, str]] = {}
    if not urls or not db.table(RUNS).exists():
        return found
    for i in range(0, len(urls), 500):
        chunk = urls[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        fetches = db.execute(
            f"SELECT url, source, max(fetched_at) FROM {PAGES} WHERE url IN ({marks}) "
            "AND spider = ? AND status = 200 AND error IS NULL GROUP BY url",
            [*chunk, spider],
        ).fetchall()
        for url, source, fetched in fetches:
            run = db.execute(
                f"SELECT r.started_at FROM {RUNS} r JOIN {RUN_SOURCES} s ON s.run_id = r.id "
                "WHERE r.spider = ? AND s.source = ? AND r.started_at <= ? "
                f"AND r.finished_at >= ? AND {_CLEAN_RUN} "
                "ORDER BY r.started_at DESC LIMIT 1",
                [spider, source or "-", fetched, fetched],
            ).fetchone()
            if run is not None:
                found[url] = (run[0], fetched)
    return found


def start_run(db: sqlite_utils.Database, spider: str, args: dict[str, Any], started_at: str) -> int:
    with write_transaction(db):
        run_id = (
            db.table(RUNS)
            .insert(
                {"spider": spider, "started_at": started_at, "args": json.dumps(args, default=str)}
            )
            .last_pk
        )
    assert run_id is not None
    return run_id


def finish_run(
    db: sqlite_utils.Database, run_id: int, values: dict[str, Any], sources: list[dict[str, Any]]
) -> None:
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


def source_history(
    db: sqlite_utils.Database, spider: str, source: str, before_run: int, limit: int = 5
) -> list[dict[str, Any]]:
    """The per-source rows of the latest finished runs of ``spider`` before ``before_run``,
    newest first."""
    return list(
        db.query(
            f"SELECT s.* FROM {RUN_SOURCES} s JOIN {RUNS} r ON r.id = s.run_id "
            "WHERE r.spider = ? AND s.source = ? AND r.id < ? AND r.finished_at IS NOT NULL "
            "ORDER BY r.id DESC LIMIT ?",
            [spider, source, before_run, limit],
        )
    )


def recent_runs(db: sqlite_utils.Database, limit: int = 20) -> list[dict[str, Any]]:
    """The latest crawl runs, newest first, each with its per-source rows."""
    if not db.table(RUNS).exists():
        return []
    runs = list(db.table(RUNS).rows_where(order_by="id DESC", limit=limit))
    for run in runs:
        run["alarms"] = json.loads(run["alarms"] or "[]")
        run["sources"] = list(
            db.table(RUN_SOURCES).rows_where("run_id = ?", [run["id"]], order_by="source")
        )
    return runs
