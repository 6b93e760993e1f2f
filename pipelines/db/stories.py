"""Stories: the queries of ``pipelines.stories`` (fingerprints, band keys, ``articles.copy_of``)
and of search (a story's articles and their addresses).

A story is named by its original's article id: ``articles.story_id`` (virtual: ``copy_of``, else
the article's own id), ``story_prints.story``. Only later copies have ``copy_of`` set, so an
article that is alone, or the original, is never rewritten when copies come.
``story_bands`` holds (key, article_id): an article's LSH band keys, each key once per story (a
copy adds only the keys its story does not hold yet), and no key added to past a few stories
(``pipelines.stories.COMMON_KEY``), so a key's rows are few and read whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlite_utils

from pipelines.db.schema import ARTICLES, STORY_BANDS, STORY_PRINTS

PrintRow = tuple[int, int, bytes, int]  # article id, shingles, signature, story
MEMBER_COLUMNS = "id, canonical_url, url, published_at, first_seen, copy_of"
_CHUNK = 500  # values bound in one IN (...)


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _chunks(values: Iterable[Any]) -> Iterable[list[Any]]:
    values = list(values)
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def article_ids(db: sqlite_utils.Database, urls: list[str]) -> dict[str, int]:
    """canonical_url -> article id, for the URLs stored."""
    out: dict[str, int] = {}
    for chunk in _chunks(urls):
        out.update(
            db.conn.execute(
                f"SELECT canonical_url, id FROM {ARTICLES} "
                f"WHERE canonical_url IN ({_marks(len(chunk))})",
                chunk,
            ).fetchall()
        )
    return out


def article_bodies(
    db: sqlite_utils.Database, after: int, limit: int
) -> list[tuple[int, str | None]]:
    """(id, body) of the first ``limit`` articles whose id is over ``after``, by id."""
    return db.conn.execute(
        f"SELECT id, body FROM {ARTICLES} WHERE id > ? ORDER BY id LIMIT ?", [after, limit]
    ).fetchall()


def band_postings(db: sqlite_utils.Database, keys: Iterable[int]) -> dict[int, list[int]]:
    """key -> the articles holding it, for the given keys."""
    held: dict[int, list[int]] = {}
    for chunk in _chunks(keys):
        for key, article_id in db.conn.execute(
            f"SELECT key, article_id FROM {STORY_BANDS} WHERE key IN ({_marks(len(chunk))})",
            chunk,
        ):
            held.setdefault(key, []).append(article_id)
    return held


def prints_of(db: sqlite_utils.Database, ids: Iterable[int]) -> list[PrintRow]:
    """The prints of the given articles (those that have one)."""
    return _prints(db, "article_id", ids)


def story_prints(db: sqlite_utils.Database, stories: Iterable[int]) -> list[PrintRow]:
    """The prints of the articles of the given stories."""
    return _prints(db, "story", stories)


def _prints(db: sqlite_utils.Database, column: str, values: Iterable[int]) -> list[PrintRow]:
    out: list[PrintRow] = []
    for chunk in _chunks(values):
        out += db.conn.execute(
            f"SELECT article_id, shingles, signature, story FROM {STORY_PRINTS} "
            f"WHERE {column} IN ({_marks(len(chunk))})",
            chunk,
        ).fetchall()
    return out


def story_members(db: sqlite_utils.Database, stories: Iterable[int]) -> list[dict[str, Any]]:
    """id, canonical_url, url, published_at, first_seen and copy_of of every article of the
    given stories (their originals and the copies of them)."""
    out: list[dict[str, Any]] = []
    for chunk in _chunks(stories):
        for where in ("id", "copy_of"):
            cur = db.conn.execute(
                f"SELECT {MEMBER_COLUMNS} FROM {ARTICLES} WHERE {where} IN ({_marks(len(chunk))})",
                chunk,
            )
            names = [d[0] for d in cur.description]
            out += [dict(zip(names, row, strict=True)) for row in cur]
    return out


def set_story(db: sqlite_utils.Database, ids: list[int], story: int) -> None:
    """Make the given articles the story of ``story`` (an article id): ``copy_of`` is set on all
    but that article, and cleared on it (only rows holding another value are written)."""
    for chunk in _chunks(ids):
        marks = _marks(len(chunk))
        db.conn.execute(
            f"UPDATE {STORY_PRINTS} SET story = ? WHERE article_id IN ({marks}) AND story != ?",
            [story, *chunk, story],
        )
        db.conn.execute(
            f"UPDATE {ARTICLES} SET copy_of = nullif(?, id) WHERE id IN ({marks}) "
            "AND copy_of IS NOT nullif(?, id)",
            [story, *chunk, story],
        )


def put_print(
    db: sqlite_utils.Database, article_id: int, shingles: int, signature: bytes, story: int
) -> None:
    db.conn.execute(
        f"INSERT OR REPLACE INTO {STORY_PRINTS} (article_id, shingles, signature, story) "
        "VALUES (?, ?, ?, ?)",
        [article_id, shingles, signature, story],
    )


def add_bands(db: sqlite_utils.Database, article_id: int, keys: list[int]) -> None:
    if keys:
        db.conn.execute(
            f"INSERT OR IGNORE INTO {STORY_BANDS} (key, article_id) VALUES "
            + ", ".join(["(?, ?)"] * len(keys)),
            [v for key in keys for v in (key, article_id)],
        )


def drop_print(db: sqlite_utils.Database, article_id: int) -> None:
    db.conn.execute(f"DELETE FROM {STORY_PRINTS} WHERE article_id = ?", [article_id])


def drop_bands(db: sqlite_utils.Database, article_id: int, keys: list[int]) -> None:
    """Delete an article's band rows (``keys``: the keys its print gives)."""
    db.conn.executemany(
        f"DELETE FROM {STORY_BANDS} WHERE key = ? AND article_id = ?",
        [(key, article_id) for key in keys],
    )


# ---- search ---------------------------------------------------------------------------


def story_urls(db: sqlite_utils.Database, stories: list[int]) -> dict[int, list[tuple[int, str]]]:
    """story -> (article id, address fetched) of each of its articles, the original first."""
    out: dict[int, list[tuple[int, str]]] = {}
    for row in story_members(db, stories):
        story = row["copy_of"] or row["id"]
        out.setdefault(story, []).append((row["id"], row["url"] or row["canonical_url"]))
    for story, members in out.items():
        members.sort(key=lambda m: (m[0] != story, m[0]))
    return out
