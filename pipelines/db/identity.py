"""Archives written before issue 13: rows that name one thing twice, merged when the archive is
opened (migrations ``m007*`` in ``pipelines.db.schema``).

Frozen with the migrations that call them: a later change of keys is a later migration, never an
edit here.
"""

from __future__ import annotations

import re
from typing import Any

import sqlite_utils

from pipelines.db.schema import ARTICLES, REVISION_FIELDS, REVISIONS

# RunnerSpace article keys before m007: (profile script, profile id, news_id) on
# www.runnerspace.com, as scraper.urls.canonical_url wrote them.
_OLD_NEWS_KEY = re.compile(r"^https://www\.runnerspace\.com/(?:gprofile\.php\?mgroup_id|"
                           r"eprofile\.php\?event_id)=\d+&do=news&news_id=(\d+)$")
# ... and from m007 on: news_id alone.
NEWS_KEY = "https://www.runnerspace.com/news.php?news_id={}"
_PREFIX = "https://www.runnerspace.com/"


def old_news_keys(db: sqlite_utils.Database) -> dict[str, list[int]]:
    """The new key of every article stored under an old RunnerSpace key, with the ids of the rows
    it merges (a row already stored under the new key included)."""
    groups: dict[str, list[int]] = {}
    for article_id, key in db.execute(
            f"SELECT id, canonical_url FROM {ARTICLES} WHERE canonical_url >= ? "
            "AND canonical_url < ? ORDER BY id", [_PREFIX, _PREFIX[:-1] + "0"]).fetchall():
        found = _OLD_NEWS_KEY.match(key)
        if found:
            groups.setdefault(NEWS_KEY.format(int(found.group(1))), []).append(article_id)
    for key, ids in groups.items():
        ids += [r[0] for r in db.execute(f"SELECT id FROM {ARTICLES} WHERE canonical_url = ?",
                                         [key])]
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
    rows = sorted(_articles(db, ids), key=lambda r: (r["updated_at"] or "", r["last_seen"] or "",
                                                     -r["id"]))
    keep = rows[-1]
    others = [r["id"] for r in rows[:-1]]
    if others:
        marks = ", ".join("?" for _ in others)
        db.execute(f"UPDATE {REVISIONS} SET article_id = ? WHERE article_id IN ({marks})",
                   [keep["id"], *others])
    held = {r[0] for r in db.execute(f"SELECT content_hash FROM {REVISIONS} WHERE article_id = ?",
                                     [keep["id"]])} | {keep["content_hash"]}
    for older, newer in zip(rows, rows[1:], strict=False):
        if older["content_hash"] not in held:
            held.add(older["content_hash"])
            _text_as_revision(db, older, keep["id"], newer["updated_at"])
    for other in others:
        db.execute(f"DELETE FROM {ARTICLES} WHERE id = ?", [other])
    first = min((r["first_seen"] for r in rows if r["first_seen"]), default=None)
    last = max((r["last_seen"] for r in rows if r["last_seen"]), default=None)
    db.execute(f"UPDATE {ARTICLES} SET canonical_url = ?, first_seen = ?, last_seen = ? "
               "WHERE id = ?", [key, first, last, keep["id"]])
    return keep["id"]


def _text_as_revision(db: sqlite_utils.Database, row: dict[str, Any], article_id: int,
                      replaced_at: str | None) -> None:
    names = [*REVISION_FIELDS, "content_hash", "page_id"]
    values = [row[n] for n in names]
    db.execute(f"INSERT INTO {REVISIONS} ({', '.join(names)}, article_id, replaced_at) "
               f"VALUES ({', '.join('?' * len(names))}, ?, ?)", [*values, article_id, replaced_at])


def rekey_runnerspace_articles(db: sqlite_utils.Database) -> int:
    """Key every RunnerSpace article by news_id alone, merging the rows of one news_id stored
    under two profiles; returns the number of rows merged away."""
    merged = 0
    for key, ids in old_news_keys(db).items():
        merge_articles(db, ids, key)
        merged += len(ids) - 1
    return merged
