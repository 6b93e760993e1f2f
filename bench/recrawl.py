"""Recrawl cost: requests sent per new article when 5 new articles appear on a 1,000-article site
that is already archived (prints a table, asserts nothing).

Site A (bench/gensite.py: articles 5..1004, sitemap index + listings, newest first) is crawled
with ``meetarchive crawl news`` (the bench source: listing pages and the sitemap index) into a
fresh archive. Then site B (the same plus articles 0..4 at the top of listing page 1 and in the
sitemap) is crawled again:

* the default way (incremental), into the archive: archived articles only when due, the sitemap
  only when due (read by the first crawl less than its ``sitemap_interval``, a day, ago), listing
  pages deeper than the first only when a page holds only new articles;
* on the day the sitemap is due again (a copy of the archive, the source with
  ``sitemap_interval = "0"``, i.e. read every run, as before this schedule existed);
* with ``--full`` (the alternative: everything fetched again; a copy of the archive).

Requests are counted from the server's own log (every GET it answered), robots.txt apart.

    python bench/recrawl.py
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import crawl as crawlbench  # noqa: E402
import gensite  # noqa: E402
import record  # noqa: E402

N, NEW = 1000, 5


def kind(path: str) -> str:
    if path == "/robots.txt":
        return "robots.txt"
    if "sitemap" in path:
        return "sitemap"
    if re.match(r"/news/\d{4}/article-", path):
        return "article"
    return "listing"


def crawl(
    tmp: Path, db: Path, extra: list[str], label: str, log: list[str], source_extra: str = ""
) -> dict[str, int]:
    cmd, _ = crawlbench.command("c", tmp, 0)
    cmd[cmd.index("--db") + 1] = str(db)
    if source_extra:
        sources = Path(cmd[cmd.index("--sources") + 1])
        sources.write_text(sources.read_text() + source_extra)
    before = len(log)
    crawlbench.run_one(cmd + extra, tmp / f"{label}.log")
    counts = Counter(kind(p) for p in log[before:])
    return {
        "requests": len(log) - before,
        **{k: counts[k] for k in ("robots.txt", "sitemap", "listing", "article")},
        "articles": crawlbench.count_articles(db),
    }


def main() -> int:
    load0 = os.getloadavg()[0]
    site_a = gensite.generate(N + NEW, first=NEW)
    site_b = gensite.generate(N + NEW, first=0)
    log: list[str] = []
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        db = tmp / "archive.db"
        server, _ = gensite.serve(site_a, log=log)
        first = crawl(tmp, db, [], "first", log)
        server.shutdown()
        server.server_close()
        for copy in ("due.db", "full.db"):
            shutil.copy(db, tmp / copy)
        server, _ = gensite.serve(site_b, log=log)
        inc = crawl(tmp, db, [], "incremental", log)
        due = crawl(tmp, tmp / "due.db", [], "due", log, 'sitemap_interval = "0"\n')
        full = crawl(tmp, tmp / "full.db", ["--full"], "full", log)
        server.shutdown()
        server.server_close()
    rows = [
        ("first crawl of site A (1,000 articles)", first, first["articles"]),
        (
            "recrawl, incremental (default; sitemap not due)",
            inc,
            inc["articles"] - first["articles"],
        ),
        (
            "recrawl on a day the sitemap is due (or sitemap_interval = 0)",
            due,
            due["articles"] - first["articles"],
        ),
        ("recrawl, --full (alternative)", full, full["articles"] - first["articles"]),
    ]
    print(
        f"recrawl: {N:,}-article generated site archived, then {NEW} new articles appear\n"
        "(requests counted from the server's log)\n"
    )
    print(
        "| crawl | requests | robots.txt | sitemaps | listings | articles | new articles | "
        "requests per new article (beyond robots.txt) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    figures = {}
    for label, r, new in rows:
        per = (r["requests"] - r["robots.txt"]) / new if new else float("nan")
        figures[label] = {**r, "new_articles": new, "requests_per_new_article": per}
        print(
            f"| {label} | {r['requests']} | {r['robots.txt']} | {r['sitemap']} | "
            f"{r['listing']} | {r['article']} | {new} | {per:.2f} |"
        )
    record.save("recrawl", figures, load0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
