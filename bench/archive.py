"""Archive speed: storing items through the stages, reparse, and search (prints figures, asserts
nothing). Synthetic articles built from real-looking text; a temporary archive.

    python bench/archive.py            # 2,000 articles
    python bench/archive.py --n 500
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines import db as schema  # noqa: E402
from pipelines.replay import reparse  # noqa: E402
from pipelines.search import search  # noqa: E402
from tests.archive_helpers import (  # noqa: E402
    T1,
    article,
    article_html,
    build_stages,
    crawled,
    make_crawler,
    page,
    run_stages,
)

WORDS = [
    "mile",
    "steeplechase",
    "hurdles",
    "relay",
    "sprint",
    "marathon",
    "record",
    "champion",
    "Eugene",
    "Boston",
    "Kerr",
    "Ingebrigtsen",
    "Nuguse",
    "Kessler",
    "heat",
    "final",
    "lap",
    "kick",
    "pace",
    "split",
    "meet",
    "indoor",
    "outdoor",
]
QUERIES = [
    'Ingebrigtsen "British record"',
    "Kerr OR Nuguse",
    "steeple*",
    "-relay mile",
    'headline:"Story 17"',
    '"unbalanced quote',
    "NEAR(kerr pace)",
]


def body(i: int) -> str:
    words = [WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(300)]
    return "\n\n".join(" ".join(words[j : j + 60]) + "." for j in range(0, 300, 60))


def store_articles(path: Path, n: int, synchronous: str) -> float:
    stages = build_stages(make_crawler(path))
    stages[-1].db.execute(f"PRAGMA synchronous = {synchronous}")
    t0 = time.perf_counter()
    for i in range(n):
        url = f"https://example.org/news/{i}"
        art = article(url=url, canonical_url=url, headline=f"Story {i}", body=body(i))
        run_stages(stages, crawled(art, url=url, body=f"<html>{i}</html>".encode()))
    elapsed = time.perf_counter() - t0
    stages[-1].close_spider()
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=2000)
    n = ap.parse_args().n
    with tempfile.TemporaryDirectory() as tmp:
        for sync in ("FULL", "NORMAL"):
            secs = store_articles(Path(tmp) / f"{sync}.db", n, sync)
            print(f"store, synchronous={sync:6}: {secs / n * 1000:6.2f} ms/item ({n} items)")
        path = Path(tmp) / "NORMAL.db"
        with schema.open_db(path) as db:
            for q in QUERIES:
                t0 = time.perf_counter()
                hits = search(db, q, limit=20)
                ms = (time.perf_counter() - t0) * 1000
                print(f"search {q!r:34}: {ms:6.2f} ms, {len(hits)} hits")
        pages = Path(tmp) / "pages.db"
        stages = build_stages(make_crawler(pages))
        for i in range(min(n, 300)):
            url = f"https://example.org/news/{i}"
            run_stages(stages, page(url, T1, article_html(f"Story {i}")))
        stages[-1].close_spider()
        t0 = time.perf_counter()
        report = reparse(pages)
        secs = time.perf_counter() - t0
        print(
            f"reparse: {secs / report.pages * 1000:6.2f} ms/page ({report.pages} pages, "
            "generic parser on small pages)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
