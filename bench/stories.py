"""Stories (pipelines.stories): how well copies are grouped, and what checking a new article
costs at a million articles (prints tables, asserts nothing).

1. **Grouping.** bench/copies.py generates --n articles (10,000) with known copies (light
   edits, paragraphs re-ordered, boilerplate added, paragraphs added or cut, new headlines) and
   false friends (unrelated stories sharing a lede or a site's boilerplate), in a shuffled
   arrival order, stored through the crawl's StoreStage (the story index in the path) into a
   fresh archive: pairwise precision and recall of the grouping, and how many stories got their
   true original. Beside it, the alternative: datasketch's own ``MinHashLSH`` (threshold 0.5,
   the same signatures), each article joined to whatever the LSH returns.
2. **Checking at 1M.** An archive of --size (1,000,000) bench/synth.py articles, stored by the
   bulk path and indexed by ``pipelines.stories.place`` (the incremental path), built once and
   cached in bench/out/stories-<size>.db. Then --checks (1,000) new articles (generated copies
   and originals) are checked against it: ``pipelines.stories.find`` (band keys looked up,
   candidates compared), and ``place`` (the check and its writes, rolled back), p50/p99.
   Side by side, the alternatives: comparing with every article (all signatures in memory,
   numpy; loading them is a cost every run pays) and datasketch's in-memory ``MinHashLSH``
   rebuilt per run (build time, then each query). And the fingerprint itself: ours (numpy, the
   affine32 scheme) against datasketch's ``MinHash.update_batch`` on the same shingles.

    python bench/stories.py                          # 10,000 grouped; 1M archive, 1,000 checks
    python bench/stories.py --size 100000 --checks 300
    python bench/stories.py --skip-scale             # the grouping only
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import copies  # noqa: E402
import numpy as np  # noqa: E402
import record  # noqa: E402
import synth  # noqa: E402

from pipelines import db as schema  # noqa: E402
from pipelines.db.stories import article_ids  # noqa: E402
from pipelines.fingerprint import (  # noqa: E402
    NUM_PERM,
    SEED,
    Fingerprint,
    fingerprint,
    matches,
    minhash,
    shingle_hashes,
)
from pipelines.stories import find, place  # noqa: E402
from tests.archive_helpers import (  # noqa: E402
    article,
    build_stages,
    crawled,
    make_crawler,
    rows,
    run_stages,
)

OUT = ROOT / "bench" / "out"
CHUNK = 20_000


def pct(values: list[float], p: float) -> float:
    return float(np.percentile(values, p))


# ---- 1. grouping ---------------------------------------------------------------------------------


def store_generated(path: Path, generated: list[copies.Item]) -> float:
    """Store the generated articles through the crawl's stages (StoreStage on), as a crawl hands
    them over; returns the seconds taken."""
    t0 = datetime(2026, 11, 1, tzinfo=UTC)
    items = []
    for n, g in enumerate(generated):
        at = (t0 + timedelta(seconds=n)).isoformat()
        art = article(
            url=g.url,
            canonical_url=g.url,
            fetched_at=at,
            headline=g.headline,
            body=g.body,
            published_raw=g.published_at,
            published_at=g.published_at,
            results=[],
        )
        items.append(crawled(art, url=g.url, body=f"<html>{n}</html>".encode()))

    async def run() -> float:
        stages = build_stages(make_crawler(path))
        stages = stages[[type(s).__name__ for s in stages].index("StoreStage") :]
        start = time.perf_counter()
        for one in items:
            run_stages(stages, one)
            await asyncio.sleep(0)
        for stage in stages:
            if hasattr(stage, "close_spider"):
                stage.close_spider()
        return time.perf_counter() - start

    return asyncio.run(run())


def datasketch_groups(generated: list[copies.Item], threshold: float) -> list[int]:
    """The alternative: datasketch MinHashLSH over the same signatures; each article joins the
    groups of whatever the LSH returns for it (no check of the candidates)."""
    from datasketch import LeanMinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    parent = list(range(len(generated)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, g in enumerate(generated):
        fp = fingerprint(g.body)
        if fp is None:
            continue
        m = LeanMinHash(seed=SEED, hashvalues=fp.signature, scheme="affine32")
        for j in lsh.query(m):
            parent[root(j)] = root(i)
        lsh.insert(i, m)
    return [root(i) for i in range(len(generated))]


def grouping(n: int) -> dict[str, Any]:
    generated = copies.generate(n)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "grouping.db"
        seconds = store_generated(path, generated)
        found = dict(rows(path, "SELECT canonical_url, story_id FROM articles"))
        originals = dict(rows(path, "SELECT id, canonical_url FROM articles"))
    groups = [found[g.url] for g in generated]
    p, r, true_pairs, found_pairs = copies.precision_recall(generated, groups)
    by_url = {g.url: g for g in generated}
    sizes: dict[int, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    multi = [s for s, k in sizes.items() if k > 1]
    right = sum(1 for s in multi if by_url[originals[s]].original)
    alt = datasketch_groups(generated, 0.5)
    ap, ar, _, alt_pairs = copies.precision_recall(generated, alt)
    return {
        "articles": n,
        "true_pairs": true_pairs,
        "precision": p,
        "recall": r,
        "found_pairs": found_pairs,
        "stories_found": len(multi),
        "original_right": right,
        "stored_per_s": n / seconds,
        "datasketch_lsh_precision": ap,
        "datasketch_lsh_recall": ar,
        "datasketch_lsh_pairs": alt_pairs,
    }


# ---- 2. checking at a million articles -----------------------------------------------------------


def build(size: int) -> Path:
    """The archive of ``size`` synth articles with every article placed in the story index."""
    path = OUT / f"stories-{size}.db"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for p in OUT.glob(tmp.name + "*"):
        p.unlink()
    db = schema.open_db(tmp)
    order = list(range(size))
    random.Random(size).shuffle(order)
    t0 = time.perf_counter()
    for start in range(0, size, CHUNK):
        chunk = order[start : start + CHUNK]
        articles = [synth.article(i) for i in chunk]
        schema.bulk_insert_articles(db, [synth.article_row(a) for a in articles])
        ids = article_ids(db, [a.url for a in articles])
        with schema.write_transaction(db):
            for a in articles:
                place(db, ids[a.url], fingerprint(a.body))
        done = start + len(chunk)
        print(f"  {done:>9,} articles  {done / (time.perf_counter() - t0):,.0f}/s", flush=True)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("ANALYZE")
    db.close()
    tmp.rename(path)
    for p in OUT.glob(tmp.name + "-*"):
        p.unlink()
    return path


def new_articles(count: int) -> list[str]:
    """Bodies of articles the archive does not hold: generated originals and copies."""
    return [g.body for g in copies.generate(count, seed=5)]


def timed(fn: Any, *args: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    out = fn(*args)
    return (time.perf_counter() - start) * 1000, out


def scale(size: int, checks: int, skip_alt: bool) -> dict[str, Any]:
    path = build(size)
    db = schema.open_db(path)
    bodies = new_articles(checks)
    prints = [fingerprint(b) for b in bodies]
    # the fingerprint: ours and datasketch's MinHash.update_batch over the same shingles
    from datasketch import MinHash

    ours, theirs, shingling = [], [], []
    for b in bodies:
        ms, hashes = timed(shingle_hashes, b)
        shingling.append(ms)
        ours.append(ms + timed(minhash, hashes)[0])

        def datasketch_minhash(h: np.ndarray) -> MinHash:
            m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, scheme="affine32")
            m.update_batch(h.tolist())
            return m

        theirs.append(ms + timed(datasketch_minhash, hashes)[0])
    # ours: find (reads only) and place (the check and its writes, rolled back)
    finds, places, candidates = [], [], []
    for fp in prints:
        if fp is None:
            continue
        ms, found = timed(find, db, fp)
        finds.append(ms)
        candidates.append(len({a for ids in found.held.values() for a in ids}))
    schema.begin_write(db)
    try:  # each new article stored (untimed), then placed (timed); all rolled back
        for n, (body, fp) in enumerate(zip(bodies, prints, strict=True)):
            row = synth.article_row(synth.article(n))
            row.update(canonical_url=f"https://new.example.org/{n}", body=body)
            article_id = schema.insert_article(db, row)
            if fp is not None:
                places.append(timed(place, db, article_id, fp)[0])
    finally:
        db.conn.rollback()
    figures: dict[str, Any] = {
        "archive_articles": db.execute("SELECT count(*) FROM articles").fetchone()[0],
        "band_rows": db.execute(f"SELECT count(*) FROM {schema.STORY_BANDS}").fetchone()[0],
        "checks": len(finds),
        "fingerprint_ms": {"p50": pct(ours, 50), "p99": pct(ours, 99)},
        "fingerprint_datasketch_ms": {"p50": pct(theirs, 50), "p99": pct(theirs, 99)},
        "shingling_ms_p50": pct(shingling, 50),
        "find_ms": {"p50": pct(finds, 50), "p99": pct(finds, 99)},
        "place_ms": {"p50": pct(places, 50), "p99": pct(places, 99)},
        "candidates": {"mean": statistics.mean(candidates), "p99": pct(candidates, 99)},
    }
    if not skip_alt:
        figures.update(alternatives(db, [fp for fp in prints if fp is not None][:200]))
    db.close()
    return figures


def alternatives(db: Any, prints: list[Fingerprint]) -> dict[str, Any]:
    """Comparing with every article (signatures loaded into memory once per run), and
    datasketch's MinHashLSH built in memory (once per run), then queried."""
    from datasketch import LeanMinHash, MinHashLSH

    load_start = time.perf_counter()
    ids, shingles, blobs = [], [], []
    for i, n, sig in db.execute(
        f"SELECT article_id, shingles, signature FROM {schema.STORY_PRINTS} ORDER BY article_id"
    ):
        ids.append(i)
        shingles.append(n)
        blobs.append(sig)
    sigs = np.frombuffer(b"".join(blobs), dtype="<u4").reshape(-1, NUM_PERM)
    counts = np.array(shingles)
    load_s = time.perf_counter() - load_start
    brute = [timed(matches, fp, counts, sigs)[0] for fp in prints[:50]]
    build_start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=NUM_PERM)
    with lsh.insertion_session() as session:
        for i, sig in zip(ids, sigs, strict=True):
            session.insert(i, LeanMinHash(seed=SEED, hashvalues=sig, scheme="affine32"))
    build_s = time.perf_counter() - build_start
    queries = [
        timed(lsh.query, LeanMinHash(seed=SEED, hashvalues=fp.signature, scheme="affine32"))[0]
        for fp in prints
    ]
    return {
        "every_article_ms": {"p50": pct(brute, 50), "p99": pct(brute, 99)},
        "every_article_load_s": load_s,
        "datasketch_lsh_build_s": build_s,
        "datasketch_lsh_query_ms": {"p50": pct(queries, 50), "p99": pct(queries, 99)},
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000, help="generated articles to group")
    ap.add_argument("--size", type=int, default=1_000_000, help="articles in the archive checked")
    ap.add_argument("--checks", type=int, default=1000, help="new articles checked against it")
    ap.add_argument("--skip-scale", action="store_true", help="the grouping only")
    ap.add_argument("--skip-alt", action="store_true", help="no alternatives at scale")
    args = ap.parse_args()
    load0 = os.getloadavg()[0]
    figures: dict[str, Any] = {"grouping": grouping(args.n)}
    g = figures["grouping"]
    print(
        f"stories: grouping {g['articles']:,} generated articles ({g['true_pairs']:,} true pairs)"
    )
    print()
    print("| grouping | precision | recall | pairs found | stories | originals right |")
    print("|---|---:|---:|---:|---:|---:|")
    print(
        f"| meetarchive (StoreStage, {g['stored_per_s']:,.0f} articles/s) | {g['precision']:.4f} "
        f"| {g['recall']:.4f} | {g['found_pairs']:,} | {g['stories_found']:,} "
        f"| {g['original_right']:,} |"
    )
    print(
        f"| datasketch MinHashLSH(0.5), no check (alt) | {g['datasketch_lsh_precision']:.4f} "
        f"| {g['datasketch_lsh_recall']:.4f} | {g['datasketch_lsh_pairs']:,} | | |"
    )
    if not args.skip_scale:
        figures["scale"] = s = scale(args.size, args.checks, args.skip_alt)
        print()
        print(
            f"checking a new article against {s['archive_articles']:,} articles "
            f"({s['band_rows']:,} band rows; {s['checks']} checks, mean "
            f"{s['candidates']['mean']:.1f} candidates):"
        )
        print()
        print("| per new article | p50 ms | p99 ms | once per run |")
        print("|---|---:|---:|---:|")
        rows_ = [
            ("fingerprint (ours: numpy affine32)", s["fingerprint_ms"], ""),
            (
                "fingerprint (datasketch MinHash.update_batch) (alt)",
                s["fingerprint_datasketch_ms"],
                "",
            ),
            ("meetarchive find: keys looked up, candidates compared", s["find_ms"], ""),
            ("meetarchive place: find + writes (rolled back)", s["place_ms"], ""),
        ]
        if "every_article_ms" in s:
            rows_ += [
                (
                    "every article compared (numpy, in memory) (alt)",
                    s["every_article_ms"],
                    f"{s['every_article_load_s']:.1f} s loading",
                ),
                (
                    "datasketch MinHashLSH in memory, query (alt)",
                    s["datasketch_lsh_query_ms"],
                    f"{s['datasketch_lsh_build_s']:.1f} s building",
                ),
            ]
        for label, v, once in rows_:
            print(f"| {label} | {v['p50']:.3f} | {v['p99']:.3f} | {once} |")
    record.save("stories", figures, load0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
