"""New articles go in as multi-row INSERTs of a few fixed shapes, whatever the group size.

Each distinct statement text stays prepared in the connection's statement cache for the rest of
the crawl; one shape per group size (1 to 100 rows) grew SQLite's memory by ~16 MiB over a long
crawl. So a group is split into powers of two rows: at most 7 shapes, every row stored once and
searchable.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from pipelines import db as schema
from pipelines.db.articles import row_chunks
from pipelines.search import search


@pytest.mark.parametrize(
    ("count", "columns", "sizes"),
    [
        (0, 10, []),
        (1, 10, [1]),
        (3, 10, [2, 1]),
        (64, 10, [64]),
        (100, 10, [64, 32, 4]),
        (127, 10, [64, 32, 16, 8, 4, 2, 1]),
        (200, 10, [64, 64, 64, 8]),
        (100, 1000, [32, 32, 32, 4]),  # 32,000 parameters a statement at most
        (5, 40_000, [1, 1, 1, 1, 1]),  # a row over the limit still goes in, one a statement
    ],
)
def test_row_chunks(count, columns, sizes):
    assert row_chunks(count, columns) == sizes


def _row(i: int) -> dict:
    body = f"Report {i}: the mile at Pocatello, heat {i}."
    url = f"https://example.org/news/{i}"
    return {
        "canonical_url": url,
        "url": url,
        "headline": f"Mile heat {i}",
        "dek": "",
        "authors": json.dumps(["Ann Shontz"]),
        "body": body,
        "published_at": f"2024-05-{1 + i % 28:02d}T10:00:00-05:00",
        "content_hash": hashlib.sha1(body.encode()).hexdigest(),
    }


def test_groups_of_every_size_use_at_most_seven_statement_shapes(tmp_path):
    with schema.open_db(tmp_path / "archive.db") as db:
        inserts: set[str] = set()
        db.conn.set_trace_callback(
            lambda sql: inserts.add(sql) if sql.startswith("INSERT INTO articles ") else None
        )
        n = 0
        for size in range(1, 101):
            with schema.write_transaction(db):
                schema.insert_articles(db, [_row(n + k) for k in range(size)])
            n += size
        db.conn.set_trace_callback(None)

        # the trace shows each statement with its values bound: count shapes, not texts
        shapes = {sql.count("), (") + 1 for sql in inserts}
        assert shapes <= {1, 2, 4, 8, 16, 32, 64}
        assert db.execute(
            "SELECT count(*), count(DISTINCT canonical_url) FROM articles"
        ).fetchone() == (n, n)
        assert [a["canonical_url"] for a in search(db, '"heat 4999"')] == [
            "https://example.org/news/4999"
        ]
