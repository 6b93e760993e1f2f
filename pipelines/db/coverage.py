"""The articles around meets and athletes: an athlete's articles (newest first, counted),
what an article page shows (the meets it covers, the athletes it names and where), and the
meets and athletes of a list of articles (search hits link to them).

An athlete named in many articles is not sorted whole: :func:`athlete_articles` counts the
athlete's articles from the (athlete, article) index, then either sorts them by date (few) or
walks the articles' date index newest first, testing each on that index, until the page is full
(many: a star named in a tenth of the archive needs about ten articles per one shown).
"""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils

from pipelines.db.schema import ARTICLES, ATHLETE_MENTIONS, ATHLETES, MEET_ARTICLES, MEETS

_ARTICLE = "a.id, a.url, a.canonical_url, a.headline, a.published_at, a.meet_name"


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


def athlete_articles(
    db: sqlite_utils.Database, athlete_id: int, limit: int = 20
) -> tuple[int, list[dict[str, Any]]]:
    """How many articles name an athlete, and the newest ``limit`` of them (with how often
    each names them and the surest mention's confidence)."""
    (count,) = db.execute(
        f"SELECT count(DISTINCT article_id) FROM {ATHLETE_MENTIONS} WHERE athlete_id = ?",
        [athlete_id],
    ).fetchone()
    if not count:
        return 0, []
    (size,) = db.execute(f"SELECT max(rowid) FROM {ARTICLES}").fetchone()
    if count * count > limit * (size or 0):  # dense: walking the date index finds them soon
        ids = [
            r[0]
            for r in db.execute(
                f"SELECT a.id FROM {ARTICLES} a WHERE EXISTS (SELECT 1 FROM {ATHLETE_MENTIONS} m "
                "WHERE m.athlete_id = ? AND m.article_id = a.id) "
                "ORDER BY a.published_at DESC, a.id DESC LIMIT ?",
                [athlete_id, limit],
            )
        ]
    else:
        ids = [
            r[0]
            for r in db.execute(
                f"SELECT a.id FROM (SELECT DISTINCT article_id FROM {ATHLETE_MENTIONS} "
                f"WHERE athlete_id = ?) m JOIN {ARTICLES} a ON a.id = m.article_id "
                "ORDER BY a.published_at DESC, a.id DESC LIMIT ?",
                [athlete_id, limit],
            )
        ]
    if not ids:
        return count, []
    found = {
        r["id"]: r
        for r in db.query(
            f"SELECT {_ARTICLE}, count(*) AS mentions, max(m.confidence) AS confidence "
            f"FROM {ATHLETE_MENTIONS} m JOIN {ARTICLES} a ON a.id = m.article_id "
            f"WHERE m.athlete_id = ? AND m.article_id IN ({_marks(ids)}) GROUP BY a.id",
            [athlete_id, *ids],
        )
    }
    return count, [found[i] for i in ids]


def article_page(db: sqlite_utils.Database, article_id: int) -> dict[str, Any] | None:
    """An article with the meets it covers and the athletes it names (each mention with its
    position in ``headline + "\\n" + body``); None if unknown."""
    found = list(
        db.query(
            f"SELECT id, url, canonical_url, headline, dek, authors, publisher, published_at, "
            f"published_raw, meet_name, meet_year, photo_credit, body, source, results "
            f"FROM {ARTICLES} WHERE id = ?",
            [article_id],
        )
    )
    if not found:
        return None
    article = found[0]
    for key in ("authors", "results"):
        try:
            article[key] = json.loads(article[key] or "[]")
        except ValueError:
            article[key] = []
    article["meets"] = list(
        db.query(
            f"SELECT m.id, m.name, m.date, m.year, m.venue, l.confidence FROM {MEET_ARTICLES} l "
            f"JOIN {MEETS} m ON m.id = l.meet_id WHERE l.article_id = ? ORDER BY m.date, m.id",
            [article_id],
        )
    )
    article["mentions"] = list(
        db.query(
            f"SELECT m.athlete_id, m.name, m.position, m.kind, m.confidence, t.name AS athlete "
            f"FROM {ATHLETE_MENTIONS} m JOIN {ATHLETES} t ON t.id = m.athlete_id "
            "WHERE m.article_id = ? ORDER BY m.position, m.id",
            [article_id],
        )
    )
    return article


def article_links(
    db: sqlite_utils.Database, article_ids: list[int], athletes_per_article: int = 6
) -> dict[int, dict[str, list[dict[str, Any]]]]:
    """For each article: the meets it covers and the athletes it names (most often named
    first), for lists of articles such as search hits."""
    out: dict[int, dict[str, list[dict[str, Any]]]] = {
        i: {"meets": [], "athletes": []} for i in article_ids
    }
    if not article_ids:
        return out
    for r in db.query(
        f"SELECT l.article_id, m.id, m.name, m.year FROM {MEET_ARTICLES} l JOIN {MEETS} m "
        f"ON m.id = l.meet_id WHERE l.article_id IN ({_marks(article_ids)}) ORDER BY m.date",
        article_ids,
    ):
        out[r.pop("article_id")]["meets"].append(r)
    for r in db.query(
        f"SELECT m.article_id, t.id, t.name, count(*) AS mentions FROM {ATHLETE_MENTIONS} m "
        f"JOIN {ATHLETES} t ON t.id = m.athlete_id WHERE m.article_id IN "
        f"({_marks(article_ids)}) GROUP BY m.article_id, t.id "
        "ORDER BY m.article_id, mentions DESC, min(m.position)",
        article_ids,
    ):
        named = out[r.pop("article_id")]["athletes"]
        if len(named) < athletes_per_article:
            named.append(r)
    return out
