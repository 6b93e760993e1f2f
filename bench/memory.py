"""Peak RSS vs pages crawled (prints a table, asserts nothing): ``meetarchive crawl news`` over
generated sites of 1k, 10k (and 100k with --sizes) articles into a fresh archive; the bare Scrapy
link-follower beside it for reference. Peak RSS of the crawl process from wait4().

    python bench/memory.py                       # 1,000 and 10,000 pages
    python bench/memory.py --sizes 1000,10000,100000 --crawlers c   # the target (make bench-memory)

Target (issue 7): peak RSS at 100k pages within 1.2x of that at 10k. The site is generated once
into bench/out/ (100k pages: ~850 MB on disk) and served from memory by a child process: Linux
carries a process's RSS high-water mark across fork and exec, so a crawler spawned by a process
holding the site would report at least that process's RSS as its own peak (wait4's ru_maxrss).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import crawl as crawlbench  # noqa: E402
import gensite  # noqa: E402
import record  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--crawlers", default="ac")
    args = ap.parse_args()
    out = []
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_before = os.getloadavg()[0]
    floor = 0.0
    for n in [int(s) for s in args.sizes.split(",")]:
        server = gensite.serve_in_child(n)
        floor = max(floor, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        with tempfile.TemporaryDirectory() as tmpdir:
            for kind in args.crawlers:
                cmd, db = crawlbench.command(kind, Path(tmpdir), 0)
                wall, cpu, rss, log = crawlbench.run_one(cmd, Path(tmpdir) / f"{kind}.log")
                pages = crawlbench.count_pages(log)
                out.append((n, kind, pages, rss / 1024, pages / wall if wall else 0.0))
                print(f"  {n} {kind}: {pages} pages, {rss / 1024:.0f} MiB", flush=True)
        server.terminate()
        server.wait()
    names = {"a": "bare Scrapy", "c": "meetarchive crawl news", "b": "Scrapy+trafilatura"}
    print(
        f"\nmemory: peak RSS of one crawl vs site size ({started}; load average "
        f"{load_before:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)\n"
    )
    print("| site articles | crawler | pages fetched | peak RSS MiB | pages/s |")
    print("|---:|---|---:|---:|---:|")
    for n, kind, pages, rss, pps in out:
        print(f"| {n:,} | {names[kind]} | {pages} | {rss:.0f} | {pps:.0f} |")
    print(
        f"\n(peak RSS of this bench process, which spawned the crawlers: {floor:.0f} MiB; a "
        "child's reported peak is never below its parent's RSS at the spawn)"
    )
    by = {(n, k): rss for n, k, _, rss, _ in out}
    sizes = sorted({n for n, *_ in out})
    for kind in args.crawlers:
        if len(sizes) >= 2:
            a, b = by[(sizes[-2], kind)], by[(sizes[-1], kind)]
            print(f"\n{names[kind]}: RSS at {sizes[-1]:,} / at {sizes[-2]:,} = {b / a:.2f}x")
    figures: dict[str, dict[str, dict[str, float]]] = {}
    for n, kind, pages, rss, pps in out:
        figures.setdefault(str(n), {})[kind] = {"pages": pages, "rss_mib": rss, "pages_per_s": pps}
    record.save("memory", figures, load_before)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
