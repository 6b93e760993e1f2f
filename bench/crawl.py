"""Crawl speed on a generated static site (prints a table, asserts nothing).

bench/gensite.py generates --pages article pages (site chrome, listings with rel=next, a sitemap
index, robots.txt without delay) and serves them from memory on 127.0.0.1 from a child process
(a threaded server: it takes CPU from the crawlers, alike for all of them; not in this process,
whose RSS a crawler spawned from it would report as its own peak). Each crawler is a child
process with the same Scrapy concurrency (16, no delay, no AutoThrottle, robots.txt obeyed, INFO
logging); wall time, CPU (user+sys of the child, from wait4) and peak RSS per run:

  (a) bare Scrapy spider following every link (bench/crawlers/bare.py);
  (b) the baseline: Scrapy + trafilatura (with metadata) + one sqlite-utils insert per article
      into an FTS5-with-triggers table (bench/crawlers/baseline.py);
  (c) meetarchive: ``meetarchive crawl news`` with a sources entry for the site (sitemap + listing
      pages; parse, validate, normalize, dedupe, store into a fresh archive);
  (d) the same on 2 processes: the site as two sources (each one child sitemap and its half of
      the listing pages), crawled at once by two ``meetarchive crawl news`` into ONE fresh archive
      (news locks per source; SQLite takes one writer at a time). Wall time until both end, CPU
      summed, peak RSS of the larger.

    python bench/crawl.py                       # 10,000 pages, 5 reps, (a) to (d) (~23 min)
    python bench/crawl.py --pages 2000 --reps 5
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import gensite as benchsite  # noqa: E402
import record  # noqa: E402

PY = sys.executable
CRAWLERS = ROOT / "bench" / "crawlers"


def source_entry(name: str, sitemaps: list[str], first_listing: int, listings: int) -> str:
    return f"""[sources.{name}]
start_urls = ["{benchsite.BASE}/news/page/{first_listing}.html"]
sitemaps = {sitemaps!r}
robots_sitemaps = false
allow = ['/news/\\d{{4}}/article-']
listings = ['/news/page/\\d+\\.html$']
max_listing_pages = {listings}
delay = 0
concurrency = 16
"""


def sources_file(tmp: Path, pages: int) -> Path:
    """``bench``: the whole site (last: bench/recrawl.py appends keys to it); ``half0``/``half1``:
    a child sitemap each and its listing pages, when the site has two."""
    path = tmp / "sources.toml"
    listings = -(-pages // benchsite.PER_LISTING)
    half = -(-listings // 2)  # listing pages of the first PER_SITEMAP articles, when 2 sitemaps
    entries = []
    if pages == 2 * benchsite.PER_SITEMAP:
        entries = [
            source_entry(f"half{k}", [f"{benchsite.BASE}/sitemap-{k}.xml"], 1 + k * half, half)
            for k in (0, 1)
        ]
    entries.append(source_entry("bench", [f"{benchsite.BASE}/sitemap.xml"], 1, 100000))
    path.write_text("\n".join(entries), encoding="utf-8")
    return path


def commands(kind: str, tmp: Path, run: int, pages: int) -> tuple[list[list[str]], Path | None]:
    """The child process(es) of one crawler run, and the archive they fill."""
    db = tmp / f"{kind}-{run}.db"
    if kind == "a":
        return [[PY, str(CRAWLERS / "bare.py"), benchsite.BASE]], None
    if kind == "b":
        return [[PY, str(CRAWLERS / "baseline.py"), benchsite.BASE, str(db)]], db
    ours = [
        PY,
        "-m",
        "scraper.cli",
        "crawl",
        "news",
        "--db",
        str(db),
        "--sources",
        str(sources_file(tmp, pages)),
        "-s",
        "CONCURRENT_REQUESTS=16",
        "-s",
        "CONCURRENT_REQUESTS_PER_DOMAIN=16",
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        "-s",
        "LOG_LEVEL=INFO",
        "-v",
    ]  # Scrapy's log on stderr: count_pages reads its stats dump
    if kind == "c":
        return [[*ours, "-a", "source=bench"]], db
    return [[*ours, "-a", f"source=half{k}"] for k in (0, 1)], db


def command(kind: str, tmp: Path, run: int, pages: int = 0) -> tuple[list[str], Path | None]:
    """The single child process of crawler ``kind`` (a, b or c)."""
    cmds, db = commands(kind, tmp, run, pages)
    return cmds[0], db


def run_one(cmd: list[str], log: Path) -> tuple[float, float, int, str]:
    return run_all([cmd], log)


def run_all(cmds: list[list[str]], log: Path) -> tuple[float, float, int, str]:
    """(wall s until the last ends, cpu s summed, largest peak RSS KiB, log tails) of child
    processes started together."""
    t0 = time.perf_counter()
    procs = []
    for k, cmd in enumerate(cmds):
        out = log.with_suffix(f".{k}.log").open("w")
        procs.append(
            (
                subprocess.Popen(
                    cmd,
                    cwd=ROOT,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    env={**os.environ, "PYTHONPATH": str(ROOT)},
                ),
                out,
            )
        )
    cpu, rss = 0.0, 0
    for proc, out in procs:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        cpu += usage.ru_utime + usage.ru_stime
        rss = max(rss, usage.ru_maxrss)
        out.close()
    wall = time.perf_counter() - t0
    tails = "\n".join(log.with_suffix(f".{k}.log").read_text()[-3000:] for k in range(len(cmds)))
    return wall, cpu, rss, tails


def count_pages(log: str) -> int:
    """Responses received, from Scrapy's final stats dump in each child's log."""
    import re

    return sum(int(n) for n in re.findall(r"'response_received_count': (\d+)", log))


def count_articles(db: Path | None) -> int:
    if db is None or not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--pages", type=int, default=10000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--only", default="abcd", help="crawlers to run (d needs 10,000 pages)")
    args = ap.parse_args()
    server = benchsite.serve_in_child(args.pages)  # not in this process: see serve_in_child
    names = {
        "a": "(a) bare Scrapy, follow links only",
        "b": "(b) Scrapy + trafilatura + sqlite-utils insert",
        "c": "(c) meetarchive crawl news (parse+store, FTS)",
        "d": "(d) the same, 2 processes (2 sources) into one archive",
    }
    if args.pages != 2 * benchsite.PER_SITEMAP:
        args.only = args.only.replace("d", "")
    res: dict[str, list[tuple[float, float, float, int, int]]] = {k: [] for k in args.only}
    load0 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        for run in range(args.reps):  # interleaved: load spikes hit every crawler alike
            for kind in args.only:
                cmds, db = commands(kind, tmp, run, args.pages)
                wall, cpu, rss, log = run_all(cmds, tmp / f"{kind}-{run}.log")
                pages = count_pages(log)
                arts = count_articles(db)
                if pages == 0:
                    print(log[-1500:], file=sys.stderr)
                res[kind].append(
                    (
                        pages / wall if wall else 0.0,
                        cpu / max(pages, 1) * 1000,
                        rss / 1024,
                        pages,
                        arts,
                    )
                )
                print(
                    f"  run {run + 1} {names[kind]}: {pages} pages, {arts} articles, "
                    f"{wall:.1f} s, cpu {cpu:.1f} s, rss {rss / 1024:.0f} MiB",
                    flush=True,
                )
    server.terminate()
    server.wait()
    print(
        f"\ncrawl: {args.pages:,}-article generated site served locally; median of "
        f"{args.reps} runs (load average {load0:.1f} -> {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores)\n"
    )
    print("| crawler | pages | articles stored | pages/s | CPU ms/page | peak RSS MiB |")
    print("|---|---:|---:|---:|---:|---:|")
    med = {}
    for kind, rows in res.items():
        pps = statistics.median(r[0] for r in rows)
        med[kind] = pps
        print(
            f"| {names[kind]} | {rows[0][3]} | {rows[0][4]} | {pps:.0f} | "
            f"{statistics.median(r[1] for r in rows):.2f} | "
            f"{statistics.median(r[2] for r in rows):.0f} |"
        )
    if "b" in med and "c" in med and med["b"]:
        print(f"\n(c)/(b) pages/s: {med['c'] / med['b']:.2f}x")
    if "d" in med and "c" in med and med["c"]:
        print(f"(d)/(c) pages/s: {med['d'] / med['c']:.2f}x (2 processes into one archive)")
    if "b" in med and "c" in med:
        record.save(
            "crawl",
            {
                "pages": args.pages,
                "reps": args.reps,
                "pages_per_s": med,
                "rows": {
                    k: {
                        "pages": r[0][3],
                        "articles": r[0][4],
                        "cpu_ms_per_page": statistics.median(x[1] for x in r),
                        "rss_mib": statistics.median(x[2] for x in r),
                    }
                    for k, r in res.items()
                },
            },
            load0,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
