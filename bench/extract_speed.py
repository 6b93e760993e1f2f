"""Extraction speed: our extractor (``scraper.parsers.page.article_from_page``: decoding, parser,
normalization, the path every crawled page takes) vs
trafilatura with metadata, in one process, on the same pages (prints a table, asserts nothing).

Page sets: --pages generated article pages (bench/gensite.py, site chrome around a synthetic
article) and ../shared/data/articles-dev (real news pages; skipped when absent). Each extractor
runs over the whole set --reps times (after one warm-up pass); pages/s is the median. Accuracy
is bench/extraction.py's job (the generic-extraction harness), not this script's.

    python bench/extract_speed.py              # 300 generated pages + articles-dev, 5 reps
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

import gensite  # noqa: E402
import record  # noqa: E402
import trafilatura  # noqa: E402

from scraper.items import Page  # noqa: E402
from scraper.parsers.page import article_from_page  # noqa: E402
from scraper.text.encoding import decode_html  # noqa: E402

FETCHED = "2026-11-24T00:00:00+00:00"
DEV = ROOT.parent / "shared" / "data" / "articles-dev"


def generated(n: int) -> list[tuple[str, str]]:
    site = gensite.generate(max(n, 1000))
    paths = sorted(site.glob("news/*/article-*.html"))[:n]
    return [
        (p.read_text(encoding="utf-8"), gensite.BASE + "/" + p.relative_to(site).as_posix())
        for p in paths
    ]


def dev_pages() -> list[tuple[str, str]]:
    if not DEV.is_dir():
        return []
    out = []
    for p in sorted(DEV.glob("*.html")):
        html, _ = decode_html(p.read_bytes(), None)
        out.append((html, f"https://example.org/{p.name}"))
    return out


def ours(html: str, url: str) -> object:
    body = html.encode("utf-8")  # the bytes a crawl hands over (decoded again inside)
    return article_from_page(
        Page(url=url, status=200, headers={}, body=body, fetched_at=FETCHED, kind="article")
    )


def traf(html: str, url: str) -> object:
    return trafilatura.extract(html, url=url, with_metadata=True, output_format="json")


def speeds(
    fns: list[Callable[[str, str], object]], pages: list[tuple[str, str]], reps: int
) -> list[tuple[float, float]]:
    """Median pages/s and median CPU ms/page of each extractor; passes interleaved so load spikes
    hit them alike (CPU time moves less than wall time on a loaded machine)."""
    for fn in fns:
        for html, url in pages:  # warm-up (imports, caches)
            fn(html, url)
    rates: list[list[float]] = [[] for _ in fns]
    cpu: list[list[float]] = [[] for _ in fns]
    for _ in range(reps):
        for k, fn in enumerate(fns):
            t0, c0 = time.perf_counter(), time.process_time()
            for html, url in pages:
                fn(html, url)
            rates[k].append(len(pages) / (time.perf_counter() - t0))
            cpu[k].append(1000 * (time.process_time() - c0) / len(pages))
    return [(statistics.median(r), statistics.median(c)) for r, c in zip(rates, cpu, strict=True)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    sets = [(f"generated ({args.pages} pages)", generated(args.pages))]
    dev = dev_pages()
    if dev:
        sets.append((f"articles-dev ({len(dev)} pages)", dev))
    load0 = os.getloadavg()[0]
    print(
        f"extract speed, median of {args.reps} passes (load average {load0:.1f} on "
        f"{os.cpu_count()} cores)\n"
    )
    print(
        "| page set | meetarchive pages/s | trafilatura+metadata pages/s | ratio "
        "| meetarchive CPU ms/page | trafilatura CPU ms/page | CPU ratio |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    figures = {}
    for name, pages in sets:
        (a, a_cpu), (b, b_cpu) = speeds([ours, traf], pages, args.reps)
        print(
            f"| {name} | {a:.0f} | {b:.0f} | {a / b:.2f}x | {a_cpu:.2f} | {b_cpu:.2f} "
            f"| {b_cpu / a_cpu:.2f}x |"
        )
        figures[name.split(" (")[0]] = {
            "pages": len(pages),
            "ours": a,
            "trafilatura": b,
            "ratio": a / b,
            "cpu_ratio": b_cpu / a_cpu,
        }
    record.save("extract", figures, load0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
