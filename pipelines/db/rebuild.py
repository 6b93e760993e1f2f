"""Rebuilding the articles from the stored pages (``meetarchive reparse``) without ever destroying
what is not yet rebuilt.

While the pages are replayed, the store stage writes each article's rebuilt row and revisions to
staging tables (``STAGED_ARTICLES``, ``STAGED_REVISIONS``: TEMP tables of the replay's own
connection), never to ``articles``: until every page has been replayed the archive keeps every
article exactly as it was. :func:`swap_rebuilt` then moves the staged articles in, a batch of
whole articles per write transaction: an article's row (its id kept) and all of its revisions are
replaced together. Killed at any moment (SIGKILL, Ctrl-C, a power cut), the archive holds each
article either as it was or as rebuilt, never a mix: TEMP tables vanish with the process, and a
batch not committed is rolled back. Running ``reparse`` again rebuilds from the start.

An article one of whose stored versions (its row's page or a revision's) is a page whose body can
no longer be read is kept as it was: rebuilt without that version it would lose a revision.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from pipelines.db.articles import find_article, insert_article, update_article
from pipelines.db.connection import write_transaction
from pipelines.db.schema import ARTICLES, REVISIONS

STAGED_ARTICLES = "temp.rebuild_articles"
STAGED_REVISIONS = "temp.rebuild_revisions"
SWAP_BATCH = 200  # articles moved in per write transaction


def start_rebuild(db: sqlite_utils.Database, columns: list[str]) -> None:
    """Empty staging tables: the article ``columns`` the store stage writes, and the revisions'.
    Call it outside a transaction."""
    revision_columns = [c.name for c in db.table(REVISIONS).columns if c.name != "id"]
    for table in (STAGED_REVISIONS, STAGED_ARTICLES):
        db.conn.execute(f"DROP TABLE IF EXISTS {table}")
    article_columns = ", ".join(f"[{c}]" for c in columns if c != "id")
    db.conn.execute(f"CREATE TABLE {STAGED_ARTICLES} (id INTEGER PRIMARY KEY, {article_columns})")
    db.conn.execute(
        f"CREATE UNIQUE INDEX {STAGED_ARTICLES}_url ON {STAGED_ARTICLES.split('.')[1]} "
        "(canonical_url)"
    )
    db.conn.execute(
        f"CREATE TABLE {STAGED_REVISIONS} (id INTEGER PRIMARY KEY, "
        f"{', '.join(f'[{c}]' for c in revision_columns)})"
    )
    db.conn.execute(
        f"CREATE INDEX {STAGED_REVISIONS}_article ON {STAGED_REVISIONS.split('.')[1]} (article_id)"
    )


def unstaged_articles(db: sqlite_utils.Database) -> int:
    """Articles of the archive that no replayed page gave: they stay as they are."""
    return db.conn.execute(
        f"SELECT count(*) FROM {ARTICLES} WHERE canonical_url NOT IN "
        f"(SELECT canonical_url FROM {STAGED_ARTICLES})"
    ).fetchone()[0]


@dataclass
class Swapped:
    """What :func:`swap_rebuilt` did."""

    rebuilt: int = 0  # articles of the archive replaced by their rebuild
    added: int = 0  # articles the archive did not hold
    changed: int = 0  # rebuilt articles whose text (content hash) differs from before
    held: list[str] = field(default_factory=list)  # kept as they were: a version is damaged


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    cur = db.conn.execute(f"SELECT * FROM {table} LIMIT 0")
    return [d[0] for d in cur.description if d[0] != "id"]


def _rows(db: sqlite_utils.Database, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cur = db.conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _holds_damaged(db: sqlite_utils.Database, live: dict[str, Any], damaged: set[int]) -> bool:
    if live["page_id"] in damaged:
        return True
    pages = db.conn.execute(
        f"SELECT page_id FROM {REVISIONS} WHERE article_id = ?", [live["id"]]
    ).fetchall()
    return any(p in damaged for (p,) in pages)


def swap_rebuilt(
    db: sqlite_utils.Database, damaged: set[int] | None = None, batch: int = SWAP_BATCH
) -> Swapped:
    """Move every staged article into the archive, ``batch`` whole articles per transaction; an
    article holding a version whose page is in ``damaged`` (page ids) stays as it was."""
    # an article's story (copy_of) is not parsed: the live row keeps it, and reparse places the
    # swapped articles in their stories again afterwards (pipelines.replay)
    names = [n for n in _columns(db, STAGED_ARTICLES) if n != "copy_of"]
    revision_names = [c for c in _columns(db, STAGED_REVISIONS) if c != "article_id"]
    copy_revisions = (
        f"INSERT INTO {REVISIONS} (article_id, {', '.join(revision_names)}) "
        f"SELECT ?, {', '.join(revision_names)} FROM {STAGED_REVISIONS} "
        "WHERE article_id = ? ORDER BY id"
    )
    done = Swapped()
    last = 0
    while True:
        with write_transaction(db):
            staged = _rows(
                db,
                f"SELECT * FROM {STAGED_ARTICLES} WHERE id > ? ORDER BY id LIMIT ?",
                [last, batch],
            )
            for row in staged:
                live = find_article(db, row["canonical_url"])
                if live is not None and damaged and _holds_damaged(db, live, damaged):
                    done.held.append(row["canonical_url"])
                    continue
                if live is None:
                    target = insert_article(db, {n: row[n] for n in names})
                    done.added += 1
                else:
                    target = live["id"]
                    # only what differs: unchanged text costs the FTS index nothing
                    values = {n: row[n] for n in names if row[n] != live[n]}
                    if values:
                        update_article(db, target, values)
                    db.conn.execute(f"DELETE FROM {REVISIONS} WHERE article_id = ?", [target])
                    done.rebuilt += 1
                    done.changed += row["content_hash"] != live["content_hash"]
                db.conn.execute(copy_revisions, [target, row["id"]])
        if not staged:
            return done
        last = staged[-1]["id"]
