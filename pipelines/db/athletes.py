"""Athletes as entities: the rows each person's results are, the keys names are looked up by,
the user's overrides, article mentions and the performances one meet printed twice (read and
written for ``pipelines.linking``)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from pipelines.db.schema import (
    ATHLETE_KEYS,
    ATHLETE_MENTIONS,
    ATHLETE_OVERRIDES,
    ATHLETE_REVIEW,
    ATHLETES,
    RESULT_DOCS,
    RESULT_EVENTS,
    RESULTS,
)

# What linking reads of a result row.
ROW_COLUMNS = (
    "r.id, r.document_id, r.event_id, r.meet_id, r.place, r.athlete, r.team, r.year, r.mark, "
    "r.round, r.gender, r.meet_date, r.discipline, r.athlete_id, r.status, r.flags, r.wind, "
    "r.relay_members, e.name AS event, e.kind, e.position AS event_position"
)


def _marks(values: Iterable[Any]) -> str:
    return ", ".join("?" for _ in values)


def document_rows(db: sqlite_utils.Database, doc_id: int) -> list[dict[str, Any]]:
    return list(
        db.query(
            f"SELECT {ROW_COLUMNS} FROM {RESULTS} r JOIN {RESULT_EVENTS} e ON e.id = r.event_id "
            "WHERE r.document_id = ? ORDER BY e.position, r.position",
            [doc_id],
        )
    )


def meet_rows(db: sqlite_utils.Database, meet_id: int) -> list[dict[str, Any]]:
    return list(
        db.query(
            f"SELECT {ROW_COLUMNS} FROM {RESULTS} r JOIN {RESULT_EVENTS} e ON e.id = r.event_id "
            "WHERE r.meet_id = ? ORDER BY r.document_id, e.position, r.position",
            [meet_id],
        )
    )


def athlete_rows(db: sqlite_utils.Database, athlete_id: int) -> list[dict[str, Any]]:
    return list(
        db.query(
            f"SELECT {ROW_COLUMNS} FROM {RESULTS} r JOIN {RESULT_EVENTS} e ON e.id = r.event_id "
            "WHERE r.athlete_id = ? ORDER BY r.meet_date, r.id",
            [athlete_id],
        )
    )


def document_athlete_ids(db: sqlite_utils.Database, doc_id: int) -> set[int]:
    return {
        r[0]
        for r in db.execute(
            f"SELECT DISTINCT athlete_id FROM {RESULTS} WHERE document_id = ? "
            "AND athlete_id IS NOT NULL",
            [doc_id],
        )
    }


def set_disciplines(db: sqlite_utils.Database, values: dict[int, str | None]) -> None:
    db.conn.executemany(
        f"UPDATE {RESULTS} SET discipline = ? WHERE id = ?",
        [(d, row_id) for row_id, d in values.items()],
    )


def athletes_with_keys(db: sqlite_utils.Database, keys: Iterable[str]) -> list[int]:
    keys = sorted(set(keys))
    if not keys:
        return []
    return [
        r[0]
        for r in db.execute(
            f"SELECT DISTINCT athlete_id FROM {ATHLETE_KEYS} WHERE key IN ({_marks(keys)}) "
            "ORDER BY athlete_id",
            keys,
        )
    ]


def athletes_by_key(db: sqlite_utils.Database, keys: Iterable[str]) -> dict[str, list[int]]:
    """The athletes under each of ``keys`` (those with none left out), in few queries."""
    wanted = sorted(set(keys))
    out: dict[str, list[int]] = {}
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        for key, athlete_id in db.execute(
            f"SELECT key, athlete_id FROM {ATHLETE_KEYS} WHERE key IN ({_marks(chunk)}) "
            "ORDER BY key, athlete_id",
            chunk,
        ):
            out.setdefault(key, []).append(athlete_id)
    return out


def add_keys(db: sqlite_utils.Database, athlete_id: int, keys: Iterable[str]) -> None:
    db.conn.executemany(
        f"INSERT OR IGNORE INTO {ATHLETE_KEYS} (key, athlete_id) VALUES (?, ?)",
        [(k, athlete_id) for k in sorted(set(keys))],
    )


def create_athlete(db: sqlite_utils.Database, name: str, name_key: str) -> int:
    cur = db.execute(
        f"INSERT INTO {ATHLETES} (name, name_key, results) VALUES (?, ?, 0)", [name, name_key]
    )
    assert cur.lastrowid is not None
    return int(cur.lastrowid)


def link_rows(
    db: sqlite_utils.Database,
    row_ids: list[int],
    athlete_id: int,
    confidence: float,
    signals: dict[str, Any],
) -> None:
    text = json.dumps(signals, ensure_ascii=False, sort_keys=True)
    db.conn.executemany(
        f"UPDATE {RESULTS} SET athlete_id = ?, athlete_confidence = ?, athlete_signals = ? "
        "WHERE id = ?",
        [(athlete_id, round(confidence, 4), text, row_id) for row_id in row_ids],
    )


def refresh_athlete(db: sqlite_utils.Database, athlete_id: int, name: str) -> None:
    """An athlete's summary from its rows (or the athlete deleted when it has none and no
    mention)."""
    rows = list(
        db.query(
            f"SELECT team, gender, meet_date FROM {RESULTS} WHERE athlete_id = ? "
            "ORDER BY meet_date, id",
            [athlete_id],
        )
    )
    if not rows and not has_mentions(db, athlete_id):
        db.execute(f"DELETE FROM {ATHLETE_KEYS} WHERE athlete_id = ?", [athlete_id])
        db.execute(f"DELETE FROM {ATHLETES} WHERE id = ?", [athlete_id])
        return
    teams = list(dict.fromkeys(r["team"] for r in rows if r["team"]))
    genders = {r["gender"] for r in rows if r["gender"]}
    dates = [r["meet_date"] for r in rows if r["meet_date"]]
    db.execute(
        f"UPDATE {ATHLETES} SET name = ?, gender = ?, teams = ?, first_date = ?, last_date = ?, "
        "results = ? WHERE id = ?",
        [
            name,
            genders.pop() if len(genders) == 1 else None,
            json.dumps(teams, ensure_ascii=False),
            min(dates, default=None),
            max(dates, default=None),
            len(rows),
            athlete_id,
        ],
    )


def has_mentions(db: sqlite_utils.Database, athlete_id: int) -> bool:
    found = db.execute(
        f"SELECT 1 FROM {ATHLETE_MENTIONS} WHERE athlete_id = ? LIMIT 1", [athlete_id]
    ).fetchone()
    return found is not None


def athlete_names(db: sqlite_utils.Database, athlete_id: int) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            f"SELECT athlete FROM {RESULTS} WHERE athlete_id = ? ORDER BY id", [athlete_id]
        )
    ]


def get_athlete(db: sqlite_utils.Database, athlete_id: int) -> dict[str, Any] | None:
    found = list(db.query(f"SELECT * FROM {ATHLETES} WHERE id = ?", [athlete_id]))
    return found[0] if found else None


def move_athlete(db: sqlite_utils.Database, from_id: int, to_id: int) -> None:
    """Every row, key and mention of athlete ``from_id`` now is ``to_id``'s."""
    db.execute(f"UPDATE {RESULTS} SET athlete_id = ? WHERE athlete_id = ?", [to_id, from_id])
    db.execute(
        f"UPDATE {ATHLETE_MENTIONS} SET athlete_id = ? WHERE athlete_id = ?", [to_id, from_id]
    )
    db.execute(
        f"INSERT OR IGNORE INTO {ATHLETE_KEYS} (key, athlete_id) SELECT key, ? "
        f"FROM {ATHLETE_KEYS} WHERE athlete_id = ?",
        [to_id, from_id],
    )


def reset_athletes(db: sqlite_utils.Database) -> None:
    """Forget every athlete and link (``reparse`` links again, document by document)."""
    db.execute(
        f"UPDATE {RESULTS} SET athlete_id = NULL, athlete_confidence = NULL, "
        "athlete_signals = NULL, duplicate_of = NULL"
    )
    for table in (ATHLETE_MENTIONS, ATHLETE_KEYS, ATHLETES):
        db.execute(f"DELETE FROM {table}")


def set_duplicates(db: sqlite_utils.Database, meet_id: int, holders: dict[int, int]) -> None:
    """Row id -> the row holding the same performance, for the rows of a meet (the others hold
    their own)."""
    db.execute(f"UPDATE {RESULTS} SET duplicate_of = NULL WHERE meet_id = ?", [meet_id])
    db.conn.executemany(
        f"UPDATE {RESULTS} SET duplicate_of = ? WHERE id = ?",
        [(holder, row_id) for row_id, holder in holders.items()],
    )


# ---- overrides ---------------------------------------------------------------------------------


def row_reference(db: sqlite_utils.Database, row_id: int) -> dict[str, Any] | None:
    """A row as overrides name it: its document's key, the name and team as printed."""
    found = list(
        db.query(
            f"SELECT r.id, r.athlete, r.team, r.athlete_id, r.document_id, d.url_key "
            f"FROM {RESULTS} r JOIN {RESULT_DOCS} d ON d.id = r.document_id WHERE r.id = ?",
            [row_id],
        )
    )
    return found[0] if found else None


def rows_of_reference(
    db: sqlite_utils.Database, url_key: str, name: str, team: str | None
) -> list[dict[str, Any]]:
    return list(
        db.query(
            f"SELECT r.id, r.athlete_id FROM {RESULTS} r JOIN {RESULT_DOCS} d "
            "ON d.id = r.document_id WHERE d.url_key = ? AND r.athlete = ? "
            "AND coalesce(r.team, '') = ? ORDER BY r.id",
            [url_key, name, team or ""],
        )
    )


def add_athlete_override(
    db: sqlite_utils.Database,
    a: dict[str, Any],
    b: dict[str, Any],
    same: bool,
    at: str,
    note: str = "",
) -> int:
    """Record that two rows' people (``row_reference`` each) are (``same``) or are not one
    athlete; an earlier override of the pair is replaced."""
    ref_a = (a["url_key"], a["athlete"], a["team"] or "")
    ref_b = (b["url_key"], b["athlete"], b["team"] or "")
    for x, y in ((ref_a, ref_b), (ref_b, ref_a)):
        db.execute(
            f"DELETE FROM {ATHLETE_OVERRIDES} WHERE document_a = ? AND name_a = ? AND "
            "team_a = ? AND document_b = ? AND name_b = ? AND team_b = ?",
            [*x, *y],
        )
    pk = (
        db.table(ATHLETE_OVERRIDES)
        .insert(
            {
                "document_a": ref_a[0],
                "name_a": ref_a[1],
                "team_a": ref_a[2],
                "document_b": ref_b[0],
                "name_b": ref_b[1],
                "team_b": ref_b[2],
                "same": int(same),
                "note": note,
                "created_at": at,
            }
        )
        .last_pk
    )
    return int(pk or 0)


def athlete_overrides(db: sqlite_utils.Database, url_key: str | None = None) -> list[dict]:
    """The overrides naming rows of a document (every override without ``url_key``)."""
    if url_key is None:
        return list(db.query(f"SELECT * FROM {ATHLETE_OVERRIDES} ORDER BY id"))
    return list(
        db.query(
            f"SELECT * FROM {ATHLETE_OVERRIDES} WHERE document_a = ? OR document_b = ? ORDER BY id",
            [url_key, url_key],
        )
    )


def remove_athlete_override(db: sqlite_utils.Database, override_id: int) -> bool:
    return db.execute(f"DELETE FROM {ATHLETE_OVERRIDES} WHERE id = ?", [override_id]).rowcount > 0


def review_links(db: sqlite_utils.Database, limit: int = 50) -> list[dict[str, Any]]:
    """Links below the review threshold, least sure first (the ``athlete_review`` view)."""
    return list(db.query(f"SELECT * FROM {ATHLETE_REVIEW} LIMIT ?", [limit]))


# ---- mentions ----------------------------------------------------------------------------------


def set_mentions(db: sqlite_utils.Database, article_id: int, mentions: list[dict]) -> None:
    db.execute(f"DELETE FROM {ATHLETE_MENTIONS} WHERE article_id = ?", [article_id])
    for m in mentions:
        db.table(ATHLETE_MENTIONS).insert(
            {**m, "article_id": article_id, "signals": json.dumps(m.get("signals") or {})}
        )


def has_athletes(db: sqlite_utils.Database) -> bool:
    return db.execute(f"SELECT 1 FROM {ATHLETES} LIMIT 1").fetchone() is not None


def athletes_of_meets(db: sqlite_utils.Database, meet_ids: list[int]) -> set[int]:
    if not meet_ids:
        return set()
    return {
        r[0]
        for r in db.execute(
            f"SELECT DISTINCT athlete_id FROM {RESULTS} WHERE meet_id IN ({_marks(meet_ids)}) "
            "AND athlete_id IS NOT NULL",
            meet_ids,
        )
    }
