"""Recrawl cost: requests sent per new article when 5 new articles appear on a 1,000-article site
that is already archived (prints a table, asserts nothing).

Site A (bench/gensite.py: articles 5..1004, sitemap index + listings, newest first) is crawled
with ``meetarchive crawl news`` into a fresh archive. Then site B (the same plus articles 0..4 at
the top of listing page 1 and in the sitemap) is crawled again into the same archive: once the
default way (incremental: archived articles only when due, pagination stops at a page of
archived articles) and, as the alternative, once with ``--full`` (into a copy of the archive).
Requests counted from Scrapy's stats (downloader/request_count), robots.txt apart.

    python bench/recrawl.py
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import crawl as crawlbench  # noqa: E402
import gensite  # noqa: E402

N, NEW = 1000, 5


def stat(log: str, name: str) -> int:
    m = re.findall(rf"'{re.escape(name)}': (\d+)", log)
    return int(m[-1]) if m else 0


def crawl(tmp: Path, db: Path, extra: list[str], label: str) -> dict[str, int]:
    cmd, _ = crawlbench.command("c", tmp, 0)
    cmd[cmd.index("--db") + 1] = str(db)
    wall, cpu, rss, log = crawlbench.run_one(cmd + extra, tmp / f"{label}.log")
    full_log = (tmp / f"{label}.log").read_text()
    return {"requests": stat(full_log, "downloader/request_count"),
            "robots": stat(full_log, "robotstxt/request_count"),
            "articles": crawlbench.count_articles(db), "wall": int(wall)}


def main() -> int:
    site_a = gensite.generate(N + NEW, first=NEW)
    site_b = gensite.generate(N + NEW, first=0)
    rows = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        db = tmp / "archive.db"
        server, _ = gensite.serve(site_a)
        first = crawl(tmp, db, [], "first")
        server.shutdown()
        server.server_close()
        shutil.copy(db, tmp / "full.db")
        server, _ = gensite.serve(site_b)
        inc = crawl(tmp, db, [], "incremental")
        full = crawl(tmp, tmp / "full.db", ["--full"], "full")
        server.shutdown()
        server.server_close()
    rows.append(("first crawl of site A (1,000 articles)", first, first["articles"]))
    rows.append(("recrawl, incremental (default)", inc, inc["articles"] - first["articles"]))
    rows.append(("recrawl, --full (alternative)", full, full["articles"] - first["articles"]))
    print(f"recrawl: {N:,}-article generated site archived, then {NEW} new articles appear\n")
    print("| crawl | requests | robots.txt | new articles | requests per new article "
          "(beyond robots.txt) |")
    print("|---|---:|---:|---:|---:|")
    for label, r, new in rows:
        per = (r["requests"] - r["robots"]) / new if new else float("nan")
        print(f"| {label} | {r['requests']} | {r['robots']} | {new} | {per:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
