"""Archives written before issue 13: rows that name one thing twice, merged when the archive is
opened (migrations ``m008`` and ``m009`` in ``pipelines.db.migrations``).

Shipped with the migrations that call them: a later change of keys is a later migration, never an
edit here. The article keys are spelt out here (the old form and the news_id form), not taken from
``scraper.text.urls``; results documents get the key the code that reads them computes
(``scraper.parsers.keys.document_key``), since ``url_key`` is looked up by it.
"""

from __future__ import annotations

import re
from typing import Any

import sqlite_utils

from pipelines.db.schema import (
    ARTICLES,
    PAGES,
    RESULT_DOCS,
    RESULT_EVENTS,
    RESULTS,
    REVISION_FIELDS,
    REVISIONS,
)
from scraper.parsers.keys import document_key

# RunnerSpace article keys before m008: (profile script, profile id, news_id) on
# www.runnerspace.com, as the canonical URL function of that time wrote them.
_OLD_NEWS_KEY = re.compile(
    r"^https://www\.runnerspace\.com/(?:gprofile\.php\?mgroup_id|"
    r"eprofile\.php\?event_id)=\d+&do=news&news_id=(\d+)$"
)
# ... and from m008 on: news_id alone.
NEWS_KEY = "https://www.runnerspace.com/news.php?news_id={}"
_PREFIX = "https://www.runnerspace.com/"


def old_news_keys(db: sqlite_utils.Database) -> dict[str, list[int]]:
    """The new key of every article stored under an old RunnerSpace key, with the ids of the rows
    it merges (a row already stored under the new key included)."""
    groups: dict[str, list[int]] = {}
    for article_id, key in db.execute(
        f"SELECT id, canonical_url FROM {ARTICLES} WHERE canonical_url >= ? "
        "AND canonical_url < ? ORDER BY id",
        [_PREFIX, _PREFIX[:-1] + "0"],
    ).fetchall():
        found = _OLD_NEWS_KEY.match(key)
        if found:
            groups.setdefault(NEWS_KEY.format(int(found.group(1))), []).append(article_id)
    for key, ids in groups.items():
        ids += [
            r[0] for r in db.execute(f"SELECT id FROM {ARTICLES} WHERE canonical_url = ?", [key])
        ]
    return groups


def _articles(db: sqlite_utils.Database, ids: list[int]) -> list[dict[str, Any]]:
    marks = ", ".join("?" for _ in ids)
    cur = db.execute(f"SELECT * FROM {ARTICLES} WHERE id IN ({marks})", ids)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def merge_articles(db: sqlite_utils.Database, ids: list[int], key: str) -> int:
    """Merge the article rows ``ids`` into one keyed ``key``; returns the id kept.

    The row kept is the one holding the newest text (latest ``updated_at``, then latest
    ``last_seen``, then the oldest row). Every revision of the others moves to it; each other row's
    own text, when no revision of the merged article holds it already and it is not the kept
    text, becomes a revision, replaced when the next newer text of the group was fetched.
    ``first_seen`` is the earliest of the rows, ``last_seen`` the latest. Pages are untouched; the
    full-text index follows through its triggers (the others' rows are deleted)."""
    rows = sorted(
        _articles(db, ids), key=lambda r: (r["updated_at"] or "", r["last_seen"] or "", -r["id"])
    )
    keep = rows[-1]
    others = [r["id"] for r in rows[:-1]]
    if others:
        marks = ", ".join("?" for _ in others)
        db.execute(
            f"UPDATE {REVISIONS} SET article_id = ? WHERE article_id IN ({marks})",
            [keep["id"], *others],
        )
    held = {
        r[0]
        for r in db.execute(
            f"SELECT content_hash FROM {REVISIONS} WHERE article_id = ?", [keep["id"]]
        )
    } | {keep["content_hash"]}
    for older, newer in zip(rows, rows[1:], strict=False):
        if older["content_hash"] not in held:
            held.add(older["content_hash"])
            _text_as_revision(db, older, keep["id"], newer["updated_at"])
    for other in others:
        db.execute(f"DELETE FROM {ARTICLES} WHERE id = ?", [other])
    first = min((r["first_seen"] for r in rows if r["first_seen"]), default=None)
    last = max((r["last_seen"] for r in rows if r["last_seen"]), default=None)
    db.execute(
        f"UPDATE {ARTICLES} SET canonical_url = ?, first_seen = ?, last_seen = ? WHERE id = ?",
        [key, first, last, keep["id"]],
    )
    return keep["id"]


def _text_as_revision(
    db: sqlite_utils.Database, row: dict[str, Any], article_id: int, replaced_at: str | None
) -> None:
    names = [*REVISION_FIELDS, "content_hash", "page_id"]
    values = [row[n] for n in names]
    db.execute(
        f"INSERT INTO {REVISIONS} ({', '.join(names)}, article_id, replaced_at) "
        f"VALUES ({', '.join('?' * len(names))}, ?, ?)",
        [*values, article_id, replaced_at],
    )


def rekey_runnerspace_articles(db: sqlite_utils.Database) -> int:
    """Key every RunnerSpace article by news_id alone, merging the rows of one news_id stored
    under two profiles; returns the number of rows merged away."""
    merged = 0
    for key, ids in old_news_keys(db).items():
        merge_articles(db, ids, key)
        merged += len(ids) - 1
    return merged


# ---- results documents (m009) ------------------------------------------------------------------


def _documents(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every results document with its page's body sha1 and fetch order, oldest stored first."""
    cur = db.execute(
        f"SELECT d.id, d.url, p.body_sha1, p.fetched_at, p.id AS page_id "
        f"FROM {RESULT_DOCS} d JOIN {PAGES} p ON p.id = d.page_id ORDER BY d.id"
    )
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _drop_document(db: sqlite_utils.Database, doc_id: int) -> None:
    for table in (RESULTS, RESULT_EVENTS, RESULT_DOCS):
        column = "id" if table == RESULT_DOCS else "document_id"
        db.execute(f"DELETE FROM {table} WHERE {column} = ?", [doc_id])


def merge_result_documents(db: sqlite_utils.Database) -> None:
    """Fill ``url_key`` and ``body_sha1`` of the stored results documents and keep one set of
    rows per document: of the documents of one key, the one from the latest-fetched page stays
    (the others and their rows are deleted: older versions); of the documents left with the same
    bytes, the first stored keeps its rows and the others become duplicates of it (their rows
    deleted)."""
    latest: dict[str, dict[str, Any]] = {}
    for doc in _documents(db):
        doc["url_key"] = document_key(doc["url"])
        other = latest.get(doc["url_key"])
        if other is None or (doc["fetched_at"] or "", doc["page_id"]) > (
            other["fetched_at"] or "",
            other["page_id"],
        ):
            if other is not None:
                _drop_document(db, other["id"])
            latest[doc["url_key"]] = doc
        else:
            _drop_document(db, doc["id"])
    holders: dict[str, int] = {}
    for doc in sorted(latest.values(), key=lambda d: d["id"]):
        holder = holders.setdefault(doc["body_sha1"], doc["id"])
        db.execute(
            f"UPDATE {RESULT_DOCS} SET url_key = ?, body_sha1 = ? WHERE id = ?",
            [doc["url_key"], doc["body_sha1"], doc["id"]],
        )
        if holder != doc["id"]:
            for table in (RESULTS, RESULT_EVENTS):
                db.execute(f"DELETE FROM {table} WHERE document_id = ?", [doc["id"]])
            db.execute(
                f"UPDATE {RESULT_DOCS} SET status = 'duplicate', reason = NULL, "
                "events = 0, rows = 0, duplicate_of = ? WHERE id = ?",
                [holder, doc["id"]],
            )
