"""The issue's performance targets beside the figures of the latest benchmark runs (prints a
Markdown table; figures come from bench/out/figures/*.json, written by the benchmark scripts
themselves, so nothing here is typed in). Run the benchmarks first (`make bench`), then:

    python bench/summary.py
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import record  # noqa: E402

SEARCH_SIZE = "1000000"


def _run(rec: dict[str, Any]) -> str:
    load = "/".join(f"{x:.1f}" for x in rec["load_average"] if x is not None)
    return f"{rec['finished'][:16].replace('T', ' ')} UTC, load {load}"


def rows() -> Iterator[tuple[str, str, bool | None, str]]:
    """(target, measured, met, run) per target; met None when the run is missing."""
    ext = record.load("extract")
    for page_set in ("generated", "articles-dev"):
        target = f"extraction >= 1.5x trafilatura+metadata pages/s ({page_set})"
        if ext is None or page_set not in ext["figures"]:
            yield target, "not run", None, ""
            continue
        f = ext["figures"][page_set]
        yield (
            target,
            f"{f['ratio']:.2f}x ({f['ours']:.0f} vs {f['trafilatura']:.0f} pages/s)",
            f["ratio"] >= 1.5,
            _run(ext),
        )
    crawl = record.load("crawl")
    if crawl is None:
        yield "crawl (c) >= 1.5x baseline (b) pages/s", "not run", None, ""
    else:
        pps = crawl["figures"]["pages_per_s"]
        ratio = pps["c"] / pps["b"]
        yield (
            "crawl (c) >= 1.5x baseline (b) pages/s",
            f"{ratio:.2f}x ({pps['c']:.0f} vs {pps['b']:.0f} pages/s)",
            ratio >= 1.5,
            _run(crawl),
        )
        if "d" in pps:
            yield (
                "(c) on 2 processes into one archive (no target)",
                f"{pps['d'] / pps['c']:.2f}x (c) ({pps['d']:.0f} pages/s)",
                None,
                _run(crawl),
            )
    store = record.load("store")
    if store is None:
        yield "storing with FTS in sync >= 3,000 articles/s", "not run", None, ""
    else:
        for label, f in store["figures"].items():
            if label.startswith("meetarchive"):
                per_s = f["median_per_s"]
                yield (
                    f"storing with FTS in sync >= 3,000 articles/s: {label}",
                    f"{per_s:,.0f}/s",
                    per_s >= 3000,
                    _run(store),
                )
    search = record.load("search")
    size = (search or {}).get("figures", {}).get(SEARCH_SIZE)
    if size is None:
        yield "search at 1M articles", "not run", None, ""
    else:
        ranked = size["meetarchive search, ranked"]
        newest = size["meetarchive search, newest first"]
        alt_r = size["sqlite-utils table.search(), ranked"]
        alt_n = size["sqlite-utils table.search(), newest first"]
        yield (
            "ranked p50 <= 20 ms (1M)",
            f"{ranked['p50']:.1f} ms",
            ranked["p50"] <= 20,
            _run(search),
        )
        yield (
            "ranked p99 <= 100 ms (1M)",
            f"{ranked['p99']:.1f} ms",
            ranked["p99"] <= 100,
            _run(search),
        )
        yield (
            "newest-first p99 <= 50 ms (1M)",
            f"{newest['p99']:.1f} ms",
            newest["p99"] <= 50,
            _run(search),
        )
        for name, ours, alt in (("ranked", ranked, alt_r), ("newest first", newest, alt_n)):
            ratio = alt["p99"] / ours["p99"]
            yield (
                f">= 10x faster at p99 than table.search(), {name} (1M)",
                f"{ratio:.1f}x ({alt['p99']:.0f} vs {ours['p99']:.1f} ms)",
                ratio >= 10,
                _run(search),
            )
        for name in ("ranked", "newest first"):
            page = size.get(f"Datasette search page (served), {name}")
            if page is None:
                yield f"served Datasette search page p99 <= 150 ms, {name}", "not run", None, ""
            else:
                yield (
                    f"served Datasette search page p99 <= 150 ms, {name} (1M)",
                    f"{page['p99']:.1f} ms",
                    page["p99"] <= 150,
                    _run(search),
                )
    recrawl = record.load("recrawl")
    if recrawl is None:
        yield "recrawl <= 1.2 requests per new article beyond robots.txt", "not run", None, ""
    else:
        for label, f in recrawl["figures"].items():
            per = f["requests_per_new_article"]
            measured = f"{per:.2f} ({f['requests']} requests, {f['new_articles']} new)"
            if label.startswith("recrawl, incremental"):
                yield (
                    f"recrawl <= 1.2 requests per new article beyond robots.txt: {label}",
                    measured,
                    per <= 1.2,
                    _run(recrawl),
                )
            elif label.startswith("recrawl") and "--full" not in label:
                yield f"(no target) {label}", measured, None, _run(recrawl)
    memory = record.load("memory")
    rss = {
        int(n): f["c"]["rss_mib"] for n, f in (memory or {}).get("figures", {}).items() if "c" in f
    }
    if memory is None or 10000 not in rss or 100000 not in rss:
        yield "peak RSS at 100k pages within 1.2x of 10k pages", "not run", None, ""
    else:
        ratio = rss[100000] / rss[10000]
        yield (
            "peak RSS at 100k pages within 1.2x of 10k pages",
            f"{ratio:.2f}x ({rss[100000]:.0f} vs {rss[10000]:.0f} MiB)",
            ratio <= 1.2,
            _run(memory),
        )
    yield from results_wild_rows()
    yield from story_rows()
    yield from jobs_rows()


def results_wild_rows() -> Iterator[tuple[str, str, bool | None, str]]:
    """Issue 15's targets on ../shared/data/results-wild (bench/results_wild.py)."""
    wild = record.load("results_wild")
    if wild is None:
        yield "results-wild: coverage of result lines (issue 15)", "not run", None, ""
        return
    f, run = wild["figures"], _run(wild)
    yield (
        "results-wild: coverage of result lines >= 0.98 overall (issue 15)",
        f"{f['coverage']:.3f} ({f['covered_lines']} of {f['result_lines']} lines)",
        f["coverage"] >= 0.98,
        run,
    )
    yield (
        "results-wild: coverage >= 0.95 on >= 90% of documents (issue 15)",
        f"{f['documents_coverage_ge_095']} of {f['documents']} ({f['share_documents_ge_095']:.0%})",
        f["share_documents_ge_095"] >= 0.9,
        run,
    )
    yield (
        "results-wild: every document gives rows or is unparsed with a reason (issue 15)",
        f"{f['without_rows_or_reason']} without; verdicts "
        + ", ".join(f"{n} {v}" for v, n in f["verdicts"].items()),
        f["without_rows_or_reason"] == 0,
        run,
    )
    for clock in ("wall", "cpu"):
        speed = f["rows_per_s"][clock]
        yield (
            f"results-wild: parse + audit + store >= 5,000 rows/s, in-process, {clock} (issue 15)",
            f"{speed['parse + audit + store']:,.0f} rows/s (parse + store "
            f"{speed['parse + store']:,.0f})",
            speed["parse + audit + store"] >= 5000,
            run,
        )


def story_rows() -> Iterator[tuple[str, str, bool | None, str]]:
    """Issue 17: grouping copies (bench/stories.py)."""
    stories = record.load("stories")
    if stories is None:
        yield "story grouping precision and recall >= 0.98", "not run", None, ""
        return
    g = stories["figures"]["grouping"]
    for name in ("precision", "recall"):
        yield (
            f"story grouping {name} >= 0.98 ({g['articles']:,} generated articles)",
            f"{g[name]:.4f}",
            g[name] >= 0.98,
            _run(stories),
        )
    s = stories["figures"].get("scale")
    if s is None:
        yield "checking a new article < 5 ms at 1M articles", "not run", None, ""
        return
    for name, label in (("find_ms", "check (find)"), ("place_ms", "check and store (place)")):
        f = s[name]
        yield (
            f"{label} of a new article < 5 ms at p99 ({s['archive_articles']:,} articles)",
            f"{f['p99']:.2f} ms (p50 {f['p50']:.2f} ms)",
            f["p99"] < 5,
            _run(stories),
        )


def jobs_rows() -> Iterator[tuple[str, str, bool | None, str]]:
    """Issue 18: reparse and import-warc on every core (bench/reparse.py)."""
    jobs = record.load("reparse")
    for command in ("import-warc", "reparse"):
        target = f"{command} --jobs 2 >= 1.7x --jobs 1 pages/s (issue 18)"
        if jobs is None:
            yield target, "not run", None, ""
            continue
        f = jobs["figures"]
        one, two = (f[f"{command} --jobs {j}"]["pages_per_s"] for j in (1, 2))
        yield (
            target,
            f"{two / one:.2f}x ({two:.1f} vs {one:.1f} pages/s)",
            two / one >= 1.7,
            _run(jobs),
        )


def extraction_rows() -> Iterator[tuple[str, str, bool | None, str]]:
    """Issue 17's targets, as bench/extraction.py recorded them."""
    ext = record.load("extraction")
    if ext is None:
        yield "extraction quality (issue 17, bench/extraction.py)", "not run", None, ""
        return
    for t in ext["figures"]["targets"]:
        yield t["target"], t["measured"], t["met"], _run(ext)


def main() -> int:
    print("| target (issue 7) | measured | met | run |")
    print("|---|---|---|---|")
    for target, measured, met, run in rows():
        shown = {True: "yes", False: "**no**", None: "–"}[met]
        print(f"| {target} | {measured} | {shown} | {run} |")
    print("\n| target (issue 17) | measured | met | run |")
    print("|---|---|---|---|")
    for target, measured, met, run in extraction_rows():
        shown = {True: "yes", False: "**no**", None: "–"}[met]
        print(f"| {target} | {measured} | {shown} | {run} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
