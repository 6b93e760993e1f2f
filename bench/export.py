"""Export at scale: builds a synthetic archive of N articles (default 100,000) through the bulk path
(the schema's own row mapping, ``pipelines.db.article_row``, inserted in batches with sqlite-utils'
``insert_all`` inside one transaction; the FTS triggers run as in a crawl), then runs
``meetarchive export articles`` in each format as a child process and prints its wall time and peak
memory (ru_maxrss of that child, from os.wait4). Target (issue 6): peak memory under 200 MB whatever
the archive size. Prints figures, asserts nothing.

    python bench/export.py                 # 100,000 articles (about 5 KB of body each)
    python bench/export.py --n 20000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines import db as schema  # noqa: E402
from scraper.items import Article  # noqa: E402

LIMIT_MB = 200
FORMATS = ("csv", "jsonl", "parquet")
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
    "personal",
    "best",
    "season",
    "leader",
    "qualifier",
    "Hayward",
    "Field",
    "crowd",
    "coach",
    "training",
    "altitude",
    "spikes",
    "bell",
]
MEETS = [
    "Prefontaine Classic",
    "Drake Relays",
    "Penn Relays",
    "Millrose Games",
    "NXN",
    "New Balance Nationals Indoor",
    "Arcadia Invitational",
    None,
]


def body(i: int, words: int = 800) -> str:
    toks = [WORDS[(i * 7 + k * 13 + k // 5) % len(WORDS)] for k in range(words)]
    paras = [" ".join(toks[j : j + 80]).capitalize() + "." for j in range(0, words, 80)]
    return f"Story {i}, a synthetic article. " + "\n\n".join(paras)


def synthetic_article(i: int) -> Article:
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    year = 2015 + i % 10
    url = (
        f"https://www.runnerspace.com/gprofile.php?mgroup_id=44609&do=news&news_id={1_000_000 + i}"
    )
    meet = MEETS[i % len(MEETS)]
    text = body(i)
    return Article(
        url=url,
        canonical_url=url,
        fetched_at="2026-11-24T05:00:00+00:00",
        parser="bench/1",
        headline=f"Story {i}: {WORDS[i % len(WORDS)].title()} At The {meet or 'Track'}",
        dek="A synthetic dek",
        byline_raw="By Bench Writer for DyeStat",
        authors=["Bench Writer", f"Writer {i % 50}"],
        publisher="DyeStat.com",
        published_raw=f"{year}-{month:02d}-{day:02d} 9:00am",
        published_at=f"{year}-{month:02d}-{day:02d}T09:00:00-05:00",
        timezone="America/Chicago",
        photo_credit=f"Photographer {i % 20}",
        meet_name=meet,
        meet_year=year if meet else None,
        body=text,
        word_count=len(text.split()),
        language="en",
        tags=["bench"],
    )


def build(path: Path, n: int, batch: int = 1000) -> float:
    t0 = time.perf_counter()
    db = schema.open_db(path)
    columns = schema.article_columns(db)

    def rows():
        for i in range(n):
            row = schema.article_row(synthetic_article(i), columns)
            row.update(
                content_hash=f"{i:040x}",
                first_seen=row["fetched_at"],
                last_seen=row["fetched_at"],
                updated_at=row["fetched_at"],
                source="runnerspace",
            )
            yield row

    with schema.write_transaction(db):
        db[schema.ARTICLES].insert_all(rows(), batch_size=batch)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return time.perf_counter() - t0


def export(db: Path, fmt: str, out: Path) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB of the export child, its summary line)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scraper.cli",
            "export",
            "articles",
            "--db",
            str(db),
            "--format",
            fmt,
            "-o",
            str(out),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    summary = proc.stdout.read().strip()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"export {fmt} failed ({proc.returncode})")
    return secs, usage.ru_maxrss / 1024, summary  # ru_maxrss is in KiB on Linux


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100_000)
    n = ap.parse_args().n
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        db = Path(tmp) / "archive.db"
        secs = build(db, n)
        size = db.stat().st_size / 1e6
        print(
            f"archive: {n:,} articles, {size:,.0f} MB, built through the bulk path in "
            f"{secs:.1f} s ({n / secs:,.0f} articles/s)"
        )
        print(f"{'format':8} {'seconds':>8} {'rows/s':>9} {'output MB':>10} {'peak RSS MB':>12}")
        worst = 0.0
        for fmt in FORMATS:
            out = Path(tmp) / f"articles.{fmt}"
            secs, peak, _ = export(db, fmt, out)
            worst = max(worst, peak)
            print(
                f"{fmt:8} {secs:8.1f} {n / secs:9,.0f} {out.stat().st_size / 1e6:10.1f} "
                f"{peak:12.1f}"
            )
        verdict = "under" if worst < LIMIT_MB else "OVER"
        print(f"peak memory of the export child: {worst:.1f} MB, {verdict} the {LIMIT_MB} MB limit")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
