"""What checking an archive before writing to it costs: ``check_writable`` (read-only open,
``PRAGMA quick_check``, migration names), run once by every writing command (crawl, reparse,
import-warc, export) so that a damaged archive is never written to; beside what those commands
paid before (``open_db``), the full ``PRAGMA integrity_check`` (the alternative: it also checks
every index against its table) and what reading commands now open (``open_for_reading``).

Archives of bench/build_archive.py (synthetic articles with FTS), warm page cache, median of 5.

    python bench/archive_checks.py                # 10,000 and 100,000 articles
    python bench/archive_checks.py --n 10000
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import build_archive  # noqa: E402
import record  # noqa: E402

from pipelines import db as schema  # noqa: E402

RUNS = 5


def timed(fn: Callable[[], None]) -> float:
    samples = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def integrity(path: Path) -> None:
    db = schema.open_db(path)
    try:
        db.execute("PRAGMA integrity_check").fetchall()
    finally:
        db.close()


def reading(path: Path) -> None:
    db, _warning = schema.open_for_reading(path)
    db.close()


def measure(n: int) -> dict[str, float]:
    path = build_archive.build(n)
    return {
        "mb": path.stat().st_size / 1e6,
        "open_db_ms": timed(lambda: schema.open_db(path).close()),
        "check_writable_ms": timed(lambda: schema.check_writable(path)),
        "integrity_check_ms": timed(lambda: integrity(path)),
        "open_for_reading_ms": timed(lambda: reading(path)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, action="append", help="articles (repeatable)")
    sizes = parser.parse_args().n or [10_000, 100_000]
    load = os.getloadavg()[0]
    figures = {}
    print(
        f"{'articles':>9} {'MB':>7} {'open_db':>9} {'check_writable':>15} "
        f"{'integrity_check':>16} {'open_for_reading':>17}   (ms, median of {RUNS})"
    )
    for n in sizes:
        m = measure(n)
        figures[str(n)] = m
        print(
            f"{n:>9,} {m['mb']:>7.0f} {m['open_db_ms']:>9.1f} {m['check_writable_ms']:>15.1f} "
            f"{m['integrity_check_ms']:>16.1f} {m['open_for_reading_ms']:>17.1f}"
        )
    print(f"(figures in {record.save('archive_checks', figures, load)})")


if __name__ == "__main__":
    main()
