"""Fetched pages: every response is kept (compressed) so the archive can be re-parsed."""

from __future__ import annotations

import hashlib
import json
import zlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from pipelines.db.schema import PAGES

_FIND_PAGE = (
    f"SELECT id, first_fetched_at, fetched_at FROM {PAGES} "
    "WHERE url = ? AND body_sha1 = ? AND status = ? LIMIT 1"
)
_PAGE_COLUMNS = (
    "url",
    "status",
    "headers",
    "first_fetched_at",
    "fetched_at",
    "body",
    "body_sha1",
    "body_size",
    "source",
    "spider",
    "kind",
    "blocked",
    "error",
    "meta",
)
_INSERT_PAGE = (
    f"INSERT INTO {PAGES} ({', '.join(_PAGE_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_PAGE_COLUMNS))})"
)


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
    page_id = db.conn.execute(
        _INSERT_PAGE,
        [
            page.url,
            page.status,
            json.dumps(page.headers),
            page.fetched_at,
            page.fetched_at,
            zlib.compress(page.body),
            sha1,
            len(page.body),
            page.source,
            page.spider,
            page.kind,
            page.blocked,
            page.error,
            json.dumps(page.meta, default=str),
        ],
    ).lastrowid
    assert page_id is not None
    return page_id, page.fetched_at, page.fetched_at


def page_from_row(row: dict[str, Any]) -> Any:
    """The ``Page`` item a stored page row was made from (body decompressed), with the time this
    body was first fetched: what the parser saw when it first read it."""
    from scraper.items import Page

    return Page(
        url=row["url"],
        status=row["status"],
        headers=json.loads(row["headers"] or "{}"),
        body=zlib.decompress(row["body"]) if row["body"] else b"",
        fetched_at=row["first_fetched_at"] or row["fetched_at"],
        kind=row["kind"] or "other",
        source=row["source"] or "",
        spider=row["spider"] or "",
        blocked=row["blocked"],
        error=row["error"],
        meta=json.loads(row["meta"] or "{}"),
    )


@dataclass(frozen=True)
class DamagedPage:
    """A stored page that cannot be made into a ``Page`` again (its body is not zlib data, its
    headers or meta not JSON, ...): its id, URL and why."""

    id: int
    url: str
    reason: str


def iter_pages(db: sqlite_utils.Database) -> Iterator[Any]:
    """Every stored page as a ``Page`` (or a ``DamagedPage``), by latest fetch time: the order
    to replay them in. Ids are read first (8 bytes each), so the caller may write to the archive
    while iterating."""
    ids = array(
        "q", (r[0] for r in db.conn.execute(f"SELECT id FROM {PAGES} ORDER BY fetched_at, id"))
    )
    for page_id in ids:
        row = db.table(PAGES).get(page_id)
        try:
            page = page_from_row(row)
        except (zlib.error, ValueError, TypeError, KeyError) as exc:
            page = DamagedPage(page_id, row["url"], f"{type(exc).__name__}: {exc}"[:200])
        yield page


def page_id_of(db: sqlite_utils.Database, page: Any) -> int | None:
    """The row id of a stored page version (same URL, status and body)."""
    sha1 = hashlib.sha1(page.body).hexdigest()
    row = next(
        db.query(
            f"SELECT id FROM {PAGES} WHERE url = ? AND body_sha1 = ? AND status = ?",
            [page.url, sha1, page.status],
        ),
        None,
    )
    return row["id"] if row else None
