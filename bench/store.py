"""Store speed: articles/s into an archive with full-text search kept in sync (prints a table,
asserts nothing).

Rows, each measured in this run, median of --reps repetitions on a fresh archive:

* the alternative, per item: sqlite-utils ``table.insert()`` of one article per transaction into a
  table with ``enable_fts(create_triggers=True)`` (a plain Scrapy + sqlite-utils pipeline);
* ours, per item, as the crawl does it: StoreStage (which decides new/updated/unchanged) +
  ResultsStage on items already normalized, one at a time inside a running event loop (page row +
  article upsert in a savepoint per item, committed in groups by the store stage's group commit, FTS
  by trigger), with the story index in the path (each new article fingerprinted and placed in its
  story at the group's commit: pipelines.stories);
* the same without the story index (as before issue 17), for its cost;
* ours, recrawl: the same path over items the archive holds unchanged (only ``last_seen`` moves;
  the alternative has no counterpart: it would insert them again);
* the alternative, bulk: sqlite-utils ``insert_all()`` in one transaction, FTS by trigger;
* ours, bulk: ``pipelines.db.bulk_insert_articles`` (one transaction, FTS indexed by one
  INSERT ... SELECT).

Synthetic articles from bench/synth.py (~350-word bodies, realistic names and meets).

    python bench/store.py                 # 1,000 items per-item, 5,000 bulk, 5 reps
    python bench/store.py --n 500 --bulk 2000 --reps 3
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import record  # noqa: E402
import sqlite_utils  # noqa: E402
import synth  # noqa: E402

from pipelines import db as schema  # noqa: E402
from tests.archive_helpers import (  # noqa: E402
    T1,
    T2,
    article,
    build_stages,
    crawled,
    make_crawler,
    run_stages,
)


def plain_table(path: Path) -> sqlite_utils.Database:
    db = sqlite_utils.Database(path)
    db.enable_wal()
    db.execute("PRAGMA synchronous = NORMAL")
    first = synth.article_row(synth.article(0))
    db["articles"].create(
        {k: type(v) if v is not None else str for k, v in first.items()},
        pk="id" if "id" in first else None,
    )
    db["articles"].enable_fts(
        schema.FTS_COLUMNS, create_triggers=True, tokenize=schema.FTS_TOKENIZE
    )
    return db


def alt_per_item(path: Path, rows: list[dict]) -> float:
    db = plain_table(path)
    t0 = time.perf_counter()
    for row in rows:
        with db.conn:  # one transaction per item
            db["articles"].insert(row)
    dt = time.perf_counter() - t0
    db.close()
    return dt


def alt_bulk(path: Path, rows: list[dict]) -> float:
    db = plain_table(path)
    t0 = time.perf_counter()
    with db.conn:
        db["articles"].insert_all(rows, batch_size=500)
    dt = time.perf_counter() - t0
    db.close()
    return dt


def crawl_stages(path: Path) -> list:
    """The stages a crawl runs after parsing and validating (items here are already normalized):
    StoreStage, ResultsStage (a no-op for article pages), as ITEM_PIPELINES orders them."""
    stages = build_stages(make_crawler(path))
    names = [type(s).__name__ for s in stages]
    return stages[names.index("StoreStage") :]


def ours_per_item(path: Path, items: list, stories: bool = True) -> float:
    """Items one at a time, as the crawl hands them over: inside a running event loop (so the
    store stage's group timer runs, as in a crawl), yielding to it between items; the time
    includes the last commit (closing the stages)."""

    async def run() -> float:
        stages = crawl_stages(path)
        if not stories:
            stages[0].stories = NoStories()
        t0 = time.perf_counter()
        for item in items:
            run_stages(stages, item)
            await asyncio.sleep(0)
        for stage in stages:
            if hasattr(stage, "close_spider"):
                stage.close_spider()
        return time.perf_counter() - t0

    return asyncio.run(run())


class NoStories:
    """The store stage's story index left out (the path as it was before issue 17)."""

    def note(self, canonical_url: str, body: str | None) -> None:
        pass

    def flush(self) -> None:
        pass

    def discard(self) -> None:
        pass


def ours_without_stories(path: Path, items: list) -> float:
    return ours_per_item(path, items, stories=False)


def ours_recrawl(path: Path, items: list) -> float:
    """The same path over items the archive already holds with the same text, fetched a day
    later (a recrawl: each item is ``unchanged``, only ``last_seen`` moves); the first pass, a
    day earlier, is not timed."""
    ours_per_item(path, stage_items(len(items), T1))
    return ours_per_item(path, stage_items(len(items), T2))


def ours_bulk(path: Path, rows: list[dict]) -> float:
    db = schema.open_db(path)
    t0 = time.perf_counter()
    schema.bulk_insert_articles(db, rows)
    dt = time.perf_counter() - t0
    assert db.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'the'"
    ).fetchone()[0] == len(rows)  # FTS in sync
    db.close()
    return dt


def stage_items(n: int, fetched_at: str = T1) -> list:
    items = []
    for i in range(n):
        s = synth.article(i)
        art = article(
            url=s.url,
            canonical_url=s.url,
            fetched_at=fetched_at,
            headline=s.headline,
            dek=s.dek,
            authors=s.authors,
            body=s.body,
            published_raw=s.published_at,
            published_at=s.published_at,
            meet_name=s.meet_name,
            meet_year=s.meet_year,
            word_count=len(s.body.split()),
            results=[],
        )
        items.append(crawled(art, url=s.url, body=f"<html>{i}</html>".encode()))
    return items


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="items for the per-item rows")
    ap.add_argument("--bulk", type=int, default=5000, help="articles for the bulk rows")
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    rows_n = [synth.article_row(synth.article(i)) for i in range(args.n)]
    rows_bulk = [synth.article_row(synth.article(i)) for i in range(args.bulk)]
    cases = [
        ("sqlite-utils insert, 1 txn/item, FTS trigger (alt)", args.n, alt_per_item, rows_n),
        ("meetarchive StoreStage, group commit (crawl)", args.n, ours_per_item, None),
        (
            "reference: StoreStage without the story index (before issue 17)",
            args.n,
            ours_without_stories,
            None,
        ),
        ("meetarchive StoreStage, unchanged recrawl (crawl)", args.n, ours_recrawl, None),
        ("sqlite-utils insert_all, 1 txn, FTS trigger (alt)", args.bulk, alt_bulk, rows_bulk),
        ("meetarchive bulk_insert_articles, 1 txn", args.bulk, ours_bulk, rows_bulk),
    ]
    times: dict[str, list[float]] = {c[0]: [] for c in cases}
    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        for rep in range(args.reps):  # interleaved, so load spikes hit every row alike
            for k, (label, n, fn, data) in enumerate(cases):
                path = Path(tmp) / f"r{rep}-{k}.db"
                payload = data if data is not None else stage_items(n)
                times[label].append(n / fn(path, payload))
                for p in Path(tmp).glob(f"r{rep}-{k}.db*"):
                    p.unlink()
    print(
        f"store: articles/s into an archive with FTS5 in sync (median of {args.reps}; "
        f"~{statistics.mean(len(r['body'].split()) for r in rows_n):.0f}-word bodies)"
    )
    print()
    print("| path | articles | median art/s | min | max |")
    print("|---|---:|---:|---:|---:|")
    for label, n, _, _ in cases:
        v = times[label]
        print(f"| {label} | {n} | {statistics.median(v):,.0f} | {min(v):,.0f} | {max(v):,.0f} |")
    record.save(
        "store",
        {
            label: {"articles": n, "median_per_s": statistics.median(times[label])}
            for label, n, _, _ in cases
        },
        load0,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
