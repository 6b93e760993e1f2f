"""Every core for reparse and imports: pages/s of ``meetarchive import-warc`` and ``meetarchive
reparse`` with ``--jobs 1`` and ``--jobs 2``, beside trafilatura (with metadata) in a loop over
the same pages, one process (prints a table, asserts nothing).

The pages are the real news pages of ``../shared/data/articles-dev`` (129 publishers' pages,
about 150 KB of HTML each), each stored under many URLs (``?copy=N`` added to its own URL, so
every copy is an article of its own): a WARC of ``--pages`` response records (default 10,000) is
written with warcio, then

1. ``import-warc --jobs 1`` imports it into archive A, ``import-warc --jobs 2`` into archive B;
2. ``reparse --jobs 1`` rebuilds A, ``reparse --jobs 2`` rebuilds B;
3. trafilatura extracts every ``--baseline-every``-th page in this process (default every 5th:
   it alone would take longer than everything else).

Each command is the real CLI in a child process (interpreter start included); wall time and the
CPU time of the child and its workers (``RUSAGE_CHILDREN``) are printed. A and B must hold the
same articles (the row counts are printed beside the figures). The figures are recorded in
``bench/out/figures/reparse.json`` with the load average at start and end: on a shared 2-core
machine, ``--jobs 2`` can gain only what the other processes leave free.

    python bench/reparse.py [--pages 10000] [--baseline-every 5]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "articles-dev"
sys.path.insert(0, str(ROOT / "bench"))

import record  # noqa: E402


def real_pages() -> list[tuple[str, bytes]]:
    """(url, html bytes) of every articles-dev page, by id."""
    urls = {}
    for line in (SHARED / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        urls[row["id"]] = row["url"]
    return [(urls[p.stem], p.read_bytes()) for p in sorted(SHARED.glob("*.html")) if p.stem in urls]


def write_warc(path: Path, pages: list[tuple[str, bytes]], n: int) -> int:
    """``n`` response records cycling over ``pages``, each under a URL of its own; bytes
    written."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(n):
            url, body = pages[i % len(pages)]
            url += ("&" if "?" in url else "?") + f"copy={i}"
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=BytesIO(body),
                    length=len(body),
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": "2026-12-01T10:00:00Z"},
                )
            )
    return path.stat().st_size


def run(*args: str) -> tuple[float, float, str]:
    """Wall and CPU seconds (the child and its worker processes) of ``meetarchive ARGS``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "scraper.cli", *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"meetarchive {' '.join(args)} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stdout


def articles(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(db)
    found = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    pages = con.execute("SELECT count(*) FROM pages").fetchone()[0]
    con.close()
    return found, pages


def baseline(pages: list[tuple[str, bytes]], n: int, every: int) -> tuple[int, float, float]:
    """trafilatura.extract (with metadata) over every ``every``-th of the ``n`` pages: (pages,
    wall s, CPU s)."""
    import trafilatura

    chosen = [pages[i % len(pages)] for i in range(0, n, every)]
    t0, c0 = time.perf_counter(), time.process_time()
    for url, body in chosen:
        trafilatura.extract(body.decode("utf-8"), url=url, with_metadata=True, output_format="json")
    return len(chosen), time.perf_counter() - t0, time.process_time() - c0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--baseline-every", type=int, default=5)
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"needs {SHARED} (the shared data beside the checkout)")
    load0 = os.getloadavg()[0]
    pages = real_pages()
    rows: list[tuple[str, int, float, float]] = []
    counts = {}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        warc = tmp / "pages.warc.gz"
        size = write_warc(warc, pages, args.pages)
        print(
            f"{args.pages:,} pages ({len(pages)} real pages under many URLs) in a "
            f"{size / 1e6:.0f} MB WARC; load average {load0:.1f} on {os.cpu_count()} cores",
            flush=True,
        )
        for command in ("import-warc", "reparse"):
            for jobs in (1, 2):
                db = tmp / f"jobs-{jobs}.db"
                target = [str(warc)] if command == "import-warc" else []
                wall, cpu, _ = run(command, *target, "--db", str(db), "--jobs", str(jobs))
                rows.append((f"{command} --jobs {jobs}", args.pages, wall, cpu))
                counts[f"{command} --jobs {jobs}"] = articles(db)
                print(f"  {rows[-1][0]}: {wall:.1f} s", flush=True)
        n, wall, cpu = baseline(pages, args.pages, args.baseline_every)
        rows.append(("trafilatura+metadata in a loop", n, wall, cpu))
    load1 = os.getloadavg()[0]
    print(f"\nreparse benchmark (load average {load0:.1f} -> {load1:.1f} on 2 cores)\n")
    print("| run | pages | wall s | pages/s | CPU s | CPU ms/page | articles, pages stored |")
    print("|---|---:|---:|---:|---:|---:|---|")
    figures: dict[str, dict[str, float]] = {}
    for label, n, wall, cpu in rows:
        stored = counts.get(label)
        shown = f"{stored[0]:,}, {stored[1]:,}" if stored else "–"
        print(
            f"| {label} | {n:,} | {wall:.1f} | {n / wall:.1f} | {cpu:.1f} | "
            f"{1000 * cpu / n:.1f} | {shown} |"
        )
        figures[label] = {"pages": n, "wall_s": wall, "pages_per_s": n / wall, "cpu_s": cpu}
    print()
    for command in ("import-warc", "reparse"):
        one, two = (figures[f"{command} --jobs {j}"]["pages_per_s"] for j in (1, 2))
        figures[command] = {"speedup": two / one}
        print(f"{command}: --jobs 2 is {two / one:.2f}x --jobs 1 ({two:.1f} vs {one:.1f} pages/s)")
    same = counts["import-warc --jobs 1"] == counts["import-warc --jobs 2"]
    print(f"archives of --jobs 1 and --jobs 2 hold the same counts: {same}")
    record.save("reparse", figures, load0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
