"""Build (once) and cache synthetic archives for the search benchmark: bench/out/archive-<N>.db.

Articles from bench/synth.py, stored through ``pipelines.db.bulk_insert_articles`` (the fast bulk
path: one transaction per chunk, FTS indexed in the same transaction) into an archive made by
``open_db`` (real schema, migrations, triggers). Rows are inserted in a shuffled publication order
(as a crawl that back-fills older years would), so rowid order is not publication order.

    python bench/build_archive.py 100000 1000000
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402

from pipelines import db as schema  # noqa: E402

OUT = ROOT / "bench" / "out"
CHUNK = 50_000


def archive_path(n: int) -> Path:
    return OUT / f"archive-{n}.db"


def build(n: int) -> Path:
    path = archive_path(n)
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for p in OUT.glob(tmp.name + "*"):
        p.unlink()
    db = schema.open_db(tmp)
    order = list(range(n))
    random.Random(n).shuffle(order)  # crawl order != publication order
    t0 = time.perf_counter()
    for start in range(0, n, CHUNK):
        rows = [synth.article_row(synth.article(i)) for i in order[start : start + CHUNK]]
        schema.bulk_insert_articles(db, rows)
        done = start + len(rows)
        print(f"  {done:>9,} articles  {done / (time.perf_counter() - t0):,.0f}/s", flush=True)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("ANALYZE")
    db.close()
    tmp.rename(path)
    for p in OUT.glob(tmp.name + "-*"):
        p.unlink()
    return path


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["100000", "1000000"]:
        print(f"building {arg} articles -> {build(int(arg))}")
