"""Newest-first search takes different plans by how many articles a query matches (sorting every
match, walking the date index against the list of matches, testing article by article, testing
batches in a TEMP index for prefixes, walking a cheaper candidate query). Whatever the plan, the
answer is the same: the newest matches, published_at then id descending, undated last.

Each plan is forced here by setting the thresholds that choose it, over one archive of 1,500
articles in shuffled order with tied and missing dates, and checked against the plain answer:
every match sorted by date.
"""

from __future__ import annotations

import hashlib
import json
import random

import pytest

from pipelines import db as schema
from pipelines.db import fts
from pipelines.search import candidate_fts, search, to_fts

WORDS = [
    "Kerr",
    "Nuguse",
    "Hocker",
    "Zurich",
    "Pocatello",
    "mile",
    "relay",
    "hurdles",
    "hurdler",
    "steeplechase",
    "pole",
    "vault",
    "Duplantis",
    "record",
    "crowd",
    "season",
    "final",
]
FILLER = ["the", "at", "in", "of", "a", "and", "to", "was", "with", "for", "on"]


def _row(i: int, rnd: random.Random) -> dict:
    words = [rnd.choice(WORDS[: 3 + i % len(WORDS)]) for _ in range(6)]
    body = " ".join(w for word in words for w in (word, rnd.choice(FILLER)))
    if i % 7 == 0:
        body += " at the Dual in the Desert"
    if i % 11 == 0:
        body += " Dual heat in Desert Springs"  # the words of the phrase, not the phrase
    day = None if i % 97 == 0 else f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00-05:00"
    url = f"https://example.org/news/{i}"
    return {
        "canonical_url": url,
        "url": url,
        "headline": " ".join(words[:3]).title(),
        "dek": rnd.choice(["", "Mile report", "Steeplechase notes"]),
        "authors": json.dumps([rnd.choice(["Ann Shontz", "Bo Kerr", "Cy Lee"])]),
        "body": body,
        "published_at": day,
        "content_hash": hashlib.sha1(body.encode()).hexdigest(),
    }


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    rnd = random.Random(7)
    order = list(range(1, 1501))
    rnd.shuffle(order)  # rowid order is not publication order
    path = tmp_path_factory.mktemp("plans") / "archive.db"
    with schema.open_db(path) as conn:
        schema.bulk_insert_articles(conn, [_row(i, rnd) for i in order])
        yield conn


QUERIES = [
    "Kerr",
    "Zurich",
    "Pocatello mile",
    '"Dual in the Desert"',
    "Dual in the Desert",
    "at the Dual in the Desert",
    "mile -relay",
    "hurdles NOT relay",
    "pole vault -Duplantis",
    "Kerr OR Nuguse",
    "headline:mile OR headline:steeplechase",
    "author:Shontz",
    "the",
    '"at the"',
    "hurd*",
    "Kip*",
    "steeple* -record",
    "nothingmatcheshere",
    "final record",
]

# thresholds (NEWEST_SORT_MAX, DENSE_SHARE, TEST_COST) that force each plan
PLANS = {
    "sort every match": (10**9, 1.0, 0),
    "walk the date index against the list of matches": (1, 1.0, 10**9),
    "walk the date index testing each article": (1, 0.0, 0),
}


def expected(db, query: str, limit: int) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT a.id FROM articles_fts f JOIN articles a ON a.id = f.rowid "
            "WHERE articles_fts MATCH ? ORDER BY a.published_at DESC, a.id DESC LIMIT ?",
            [to_fts(query), limit],
        )
    ]


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("limit", [1, 20, 200])
def test_every_plan_gives_the_newest_matches(db, monkeypatch, plan, query, limit):
    sort_max, dense, test_cost = PLANS[plan]
    monkeypatch.setattr(fts, "NEWEST_SORT_MAX", sort_max)
    monkeypatch.setattr(fts, "DENSE_SHARE", dense)
    monkeypatch.setattr(fts, "TEST_COST", test_cost)
    hits = search(db, query, limit=limit, order="newest")
    assert [h["id"] for h in hits] == expected(db, query, limit)


def test_the_queries_reach_every_regime(db):
    """The table above is not vacuous: rare and common queries, more matches than a batch."""
    counts = {q: len(expected(db, q, 10**6)) for q in QUERIES}
    assert counts["nothingmatcheshere"] == counts["Kip*"] == 0
    assert 0 < counts["final record"] < fts.PROBE < counts["hurd*"] < 1000
    assert counts["Kerr OR Nuguse"] > 1000  # most of the archive
    assert counts['"Dual in the Desert"'] < counts["Dual in the Desert"]  # Desert Springs


@pytest.mark.parametrize(
    ("query", "candidates"),
    [
        ('"Dual in the Desert"', '("Dual" AND "Desert")'),
        ("at the Dual in the Desert", '"Dual" AND "Desert"'),
        ("mile -relay", '"mile"'),
        ('Kerr OR "the mile" final', '("Kerr" OR ("mile")) AND "final"'),
        ("Kerr", None),  # nothing cheaper
        ('"at the"', None),  # common words only: no candidates worth reading
        ("the OR Kerr", None),  # a choice with a common word could match anything
        ('headline:"in the mile"', None),  # a field's phrase is kept whole
        ("steeple*", None),
    ],
)
def test_candidates_leave_out_common_words_and_exclusions(query, candidates):
    assert candidate_fts(query) == candidates


@pytest.mark.parametrize("query", [q for q in QUERIES if candidate_fts(q)])
def test_candidates_match_every_article_the_query_matches(db, query):
    matched = set(expected(db, query, 10**6))
    candidates = {
        r[0]
        for r in db.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", [candidate_fts(query)]
        )
    }
    assert matched <= candidates
