"""Stories: the same text stored more than once (a wire story on several sites, one article under
two URLs without a shared key), grouped as the archive grows, across runs.

Every article whose body is long enough gets a fingerprint (``pipelines.fingerprint``: MinHash
over word shingles) in ``story_prints`` and its LSH band keys in ``story_bands``. A new article's
candidates are the articles holding one of its keys: an indexed look-up of ``BANDS`` keys, never
a pass over the archive. Each candidate is compared with it (``fingerprint.same_story``); when a
candidate belongs to a story and is not a match, the story's other articles are compared too
(keys are held once per story). Every story it matches becomes one (several, when it bridges
them), and its articles get ``articles.story_id`` = the id of the original: the earliest
published (``published_at``, else ``first_seen``; then by canonical URL, so the choice depends on
the articles only, not on the order they came in).

A key held by more than ``COMMON_KEY`` stories is boilerplate (a paragraph many sites print, the
fixed phrases of a genre): it is not used to find candidates, which keeps a check at a few
dozen comparisons at a million articles (bench/stories.py), and no further article is added to
it. Sharing such paragraphs never groups articles anyway (``same_story``).

An article whose text changes (``updated``, or ``rebuilt`` by reparse with another body) leaves
its story first: the story's other articles are grouped again among themselves (it may have
been the link between them), then the article is placed as if new. An unchanged fingerprint
changes nothing but, when its dates moved, which article is the original.

``StoryIndex`` is the store stage's part of it: fingerprints are computed as articles are stored,
and placed at the group's commit (new articles have an id only then), in the same transaction,
under the write lock: another writer's articles are seen, a killed crawl loses its stories with
the articles of the same group, and reparse gives the same stories again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import sqlite_utils

from pipelines.db import stories as store
from pipelines.db.stories import PrintRow
from pipelines.fingerprint import (
    NUM_PERM,
    Fingerprint,
    band_key_rows,
    fingerprint,
    jaccard,
    matches,
)

COMMON_KEY = 8
SIBLING_JACCARD = 0.25


class StoryIndex:
    """Stories of the articles of the store stage's open group."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.queue: dict[str, Fingerprint | None] = {}  # canonical URL -> its new fingerprint

    def note(self, canonical_url: str, body: str | None) -> None:
        """An article stored new, updated or rebuilt with this body (placed at ``flush``)."""
        self.queue[canonical_url] = fingerprint(body)

    def discard(self) -> None:
        """The group was rolled back: nothing of it is placed."""
        self.queue.clear()

    def flush(self) -> None:
        """Place the group's articles (their rows are written), in the order they were stored."""
        queue, self.queue = self.queue, {}
        if not queue:
            return
        ids = store.article_ids(self.db, list(queue))
        for url, fp in queue.items():
            if url in ids:
                place(self.db, ids[url], fp)


def place(db: sqlite_utils.Database, article_id: int, fp: Fingerprint | None) -> None:
    """Put an article with this fingerprint (None: too short to have one) in its story."""
    old = store.prints_of(db, [article_id])
    if old:
        _, shingles, signature, story = old[0]
        if fp is not None and fp.shingles == shingles and fp.to_bytes() == signature:
            rows = store.story_members(db, [story])
            if len(rows) > 1:  # the same text, but its dates may have moved
                store.set_story(db, [r["id"] for r in rows], original(rows)["id"])
            return
        _leave(db, article_id, Fingerprint.from_bytes(shingles, signature), story)
    if fp is not None:
        _join(db, article_id, fp)


@dataclass
class Found:
    """What the index says of a fingerprint: the stories it is the same story as (by their
    original's id), the articles holding each of its keys, and its common keys."""

    stories: set[int]
    held: dict[int, list[int]]
    common: set[int]


def find(db: sqlite_utils.Database, fp: Fingerprint, article_id: int | None = None) -> Found:
    """The stories a body with this fingerprint belongs to (``article_id``: its own, left out):
    its keys looked up, the candidates compared, and the other articles of a story whose
    candidate shares much of its text (``SIBLING_JACCARD``) but is no match. Reads only."""
    held = store.band_postings(db, fp.band_keys())
    common = {k for k, ids in held.items() if len(ids) > COMMON_KEY}
    candidates = {a for k, ids in held.items() if k not in common for a in ids} - {article_id}
    matched: set[int] = set()
    near: set[int] = set()
    for row, same, j in _compare(fp, store.prints_of(db, candidates)):
        if same:
            matched.add(row[3])
        elif j >= SIBLING_JACCARD:
            near.add(row[3])
    if near - matched:  # their other articles, which may hold no key of their own
        others = [r for r in store.story_prints(db, near - matched) if r[0] not in candidates]
        matched.update(row[3] for row, same, _ in _compare(fp, others) if same)
    return Found(matched, held, common)


def _join(db: sqlite_utils.Database, article_id: int, fp: Fingerprint) -> None:
    found = find(db, fp, article_id)
    story, members = article_id, {article_id}
    if found.stories:
        rows = store.story_members(db, found.stories | {article_id})
        story, members = original(rows)["id"], {r["id"] for r in rows}
    store.put_print(db, article_id, fp.shingles, fp.to_bytes(), story)
    if found.stories:
        store.set_story(db, sorted(members), story)
    mine = [
        k
        for k in fp.band_keys()
        if k not in found.common and not any(a in members for a in found.held.get(k, ()))
    ]
    store.add_bands(db, article_id, mine)


def _compare(fp: Fingerprint, rows: list[PrintRow]) -> list[tuple[PrintRow, bool, float]]:
    """Each print row with whether it is the same story as ``fp``, and their Jaccard estimate."""
    if not rows:
        return []
    shingles = np.array([r[1] for r in rows])
    signatures = np.frombuffer(b"".join(r[2] for r in rows), dtype="<u4").reshape(-1, NUM_PERM)
    same, j = matches(fp, shingles, signatures), jaccard(fp, signatures)
    return list(zip(rows, same.tolist(), j.tolist(), strict=True))


def _leave(db: sqlite_utils.Database, article_id: int, before: Fingerprint, story: int) -> None:
    """Take an article out of the story index (its print, its keys, its story); the story's
    other articles are grouped again without it."""
    store.drop_print(db, article_id)
    store.drop_bands(db, article_id, before.band_keys())
    others = [r for r in store.story_members(db, [story]) if r["id"] != article_id]
    store.set_story(db, [article_id], article_id)
    if others:
        regroup(db, others, left=before.band_keys())


def regroup(
    db: sqlite_utils.Database, rows: list[dict[str, Any]], left: list[int] | None = None
) -> None:
    """Group the given articles again among themselves: the parts that ``same_story`` still
    links each become a story with its original (an article left alone is its own story), and
    each part holds its articles' band keys again, each key once. ``left``: the keys of an
    article that has just left them; when they are still one story, only those keys need a new
    holder (the others' are as they were), which keeps a change in a story of thousands cheap."""
    found = store.prints_of(db, [row["id"] for row in rows])
    prints = {r[0]: Fingerprint.from_bytes(r[1], r[2]) for r in found}
    ids = sorted(prints)
    parent = {i: i for i in ids}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    if ids:  # the parts, found by a search that compares each article with those not yet in one
        shingles = np.array([prints[i].shingles for i in ids])
        signatures = np.stack([prints[i].signature for i in ids])
        free = np.ones(len(ids), dtype=bool)
        for start in range(len(ids)):
            if not free[start]:
                continue
            free[start], reached = False, [start]
            while reached and free.any():
                rest = np.flatnonzero(free)
                hits = rest[matches(prints[ids[reached.pop()]], shingles[rest], signatures[rest])]
                free[hits] = False
                for m in hits.tolist():
                    parent[ids[m]] = ids[start]
                reached.extend(hits.tolist())
    parts: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        parts.setdefault(root(row["id"]) if row["id"] in parent else row["id"], []).append(row)
    if left is not None and len(parts) == 1 and ids:
        store.set_story(db, sorted(r["id"] for r in rows), original(rows)["id"])
        _hold_again(db, ids, np.stack([prints[i].signature for i in ids]), left)
        return
    keys = {i: prints[i].band_keys() for i in ids}
    held = store.band_postings(db, {k for ks in keys.values() for k in ks})
    common = {k for k, holders in held.items() if len(holders) > COMMON_KEY}
    for part in parts.values():
        part_ids = sorted(r["id"] for r in part)
        store.set_story(db, part_ids, original(part)["id"])
        seen = set(common)
        for i in part_ids:
            if i in keys:
                store.drop_bands(db, i, keys[i])
                store.add_bands(db, i, [k for k in keys[i] if k not in seen])
                seen.update(keys[i])


def _hold_again(
    db: sqlite_utils.Database, ids: list[int], signatures: np.ndarray, left: list[int]
) -> None:
    """Keys an article that left a story held for it, each given to the first of the story's
    articles (``ids``, with their signatures) that has it, unless one holds it already or it is
    common."""
    held = store.band_postings(db, left)
    members = set(ids)
    keys = band_key_rows(signatures)
    for key in dict.fromkeys(left):
        holders = held.get(key, [])
        if len(holders) > COMMON_KEY or members.intersection(holders):
            continue
        having = np.flatnonzero((keys == key).any(axis=1))
        if having.size:
            store.add_bands(db, ids[int(having[0])], [key])


def _instant(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        at = datetime.fromisoformat(text)
    except ValueError:
        return None
    return at if at.tzinfo else at.replace(tzinfo=UTC)


_NEVER = datetime.max.replace(tzinfo=UTC)


def original(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The original of a story's articles: the first published (else first seen), then the
    smallest canonical URL."""

    def when(row: dict[str, Any]) -> tuple[datetime, str]:
        at = _instant(row["published_at"]) or _instant(row["first_seen"]) or _NEVER
        return at, row["canonical_url"]

    return min(rows, key=when)
