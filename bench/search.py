"""Search latency at 100k and 1M articles (prints tables, asserts nothing).

Archives are synthetic (bench/synth.py: athlete names with a skewed popularity, meets, ~350-word
meet reports), built once by bench/build_archive.py through the bulk path and cached in bench/out/.
50 mixed queries (names, phrases, prefixes, boolean, field filters, rare and very common words),
each run --reps times (median per query, after one warm-up run); p50/p90/p99 over the 50 queries:

* ``meetarchive search`` path: ``pipelines.search.search`` ranked (bm25) and newest-first;
* the alternative: sqlite-utils ``table.search()`` with the same sanitised FTS5 expression,
  ranked (the table's bm25 rank) and ``order_by="published_at desc"``;
* with --datasette, ``meetarchive serve --immutable`` (datasette/metadata.yml, our plugins):
  the served search page ``/DB/-/search?q=Q`` (datasette/plugins/meetarchive_search.py) over
  all 50 queries, ranked and newest first, as HTML over HTTP; and, as the alternative, Datasette's
  own table search page ``/DB/articles?_search=Q&_sort_desc=published_at`` (what the table's
  search box shows: counts, four facets, suggested facets, all matches sorted) on a subset.

    python bench/search.py                     # 100k and 1M (builds them first if missing)
    python bench/search.py --sizes 100000 --reps 3 --datasette
    python bench/search.py --sizes 1000000 --reps 3 --skip-alt --datasette
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import build_archive  # noqa: E402
import record  # noqa: E402
import sqlite_utils  # noqa: E402

from pipelines.search import search, to_fts  # noqa: E402

QUERIES = [
    # names
    "Kerr",
    "Ingebrigtsen",
    "Josh Kerr",
    '"Jakob Ingebrigtsen"',
    "Nuguse",
    "Hocker",
    '"Sydney Mclaughlin"',
    "Tebogo",
    "Duplantis",
    "Faith Kipyegon",
    "Warholm",
    "Lyles",
    "author:Shontz",
    "headline:Kerr",
    # phrases
    '"British record"',
    '"world lead"',
    '"photo finish"',
    '"personal best"',
    '"final lap"',
    '"meet record"',
    '"Prefontaine Classic"',
    '"Penn Relays"',
    '"Nike Cross Nationals"',
    # prefixes
    "steeple*",
    "Ingebr*",
    "hurd*",
    "champ*",
    "Kip*",
    # boolean
    "Kerr OR Nuguse",
    "mile -relay",
    "hurdles NOT relay",
    "Eugene OR Boston",
    "Kerr Ingebrigtsen",
    "pole vault -Duplantis",
    "headline:mile OR headline:steeplechase",
    # rare
    "Pocatello",
    "Simplot",
    '"Viktor Tebogo"',
    "Heptagonals",
    '"Dual in the Desert"',
    "Zurich",
    # very common
    "the",
    "meters",
    "said",
    "race",
    "championships",
    '"at the"',
    "season",
    "crowd",
    "final",
]
assert len(QUERIES) == 50
DS_QUERIES = QUERIES[::4]
SHOW = ["Kerr", '"British record"', "the", "steeple*"]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def timed(fn: Callable[[], object], reps: int) -> float:
    fn()  # warm-up: the page cache, prepared statements
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return statistics.median(out)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Page:
    """GETs of one served URL; counts the answers that were not a page of results (a time-limit
    message on the search page, an error status on the table page)."""

    def __init__(self, url: str, failed: list[str], label: str) -> None:
        self.url, self.failed, self.label = url, failed, label

    def __call__(self) -> None:
        try:
            with urllib.request.urlopen(self.url, timeout=120) as resp:
                body = resp.read()
        except urllib.error.HTTPError as exc:
            exc.read()
            self.failed.append(f"{self.label}: HTTP {exc.code}")
            return
        if b'class="message-error search-error"' in body:
            self.failed.append(f"{self.label}: message")


@contextlib.contextmanager
def datasette(path: Path) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scraper.cli",
            "serve",
            "--db",
            str(path),
            "--port",
            str(port),
            "--immutable",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            with contextlib.suppress(OSError):
                urllib.request.urlopen(base + "/-/versions.json", timeout=5).read()
                break
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def run_size(
    n: int, reps: int, with_datasette: bool, skip_alt: bool = False, figures: dict | None = None
) -> list[str]:
    path = build_archive.build(n)
    # read-only: the benchmark never writes the archive (search's snippet table is TEMP)
    db = sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))
    table = db["articles"]
    methods: dict[str, Callable[[str], Callable[[], object]]] = {
        "meetarchive search, ranked": lambda q: lambda: search(db, q, 20),
        "sqlite-utils table.search(), ranked": lambda q: (
            lambda: list(table.search(to_fts(q), limit=20))
        ),
        "meetarchive search, newest first": lambda q: lambda: search(db, q, 20, order="newest"),
        "sqlite-utils table.search(), newest first": lambda q: (
            lambda: list(table.search(to_fts(q), order_by="published_at desc", limit=20))
        ),
    }
    if skip_alt:
        methods = {k: v for k, v in methods.items() if k.startswith("meetarchive")}
    lat: dict[str, list[float]] = {}
    for name, make in methods.items():
        lat[name] = [timed(make(q), reps) for q in QUERIES]
    failed: list[str] = []
    if with_datasette:
        with datasette(path) as base:

            def page(q: str, order: str) -> Callable[[], object]:
                query = urllib.parse.urlencode({"q": q, "order": order})
                return Page(f"{base}/{path.stem}/-/search?{query}", failed, f"{q} ({order})")

            def table_page(q: str) -> Callable[[], object]:
                query = urllib.parse.urlencode({"_search": q, "_sort_desc": "published_at"})
                return Page(f"{base}/{path.stem}/articles?{query}", failed, f"{q} (table)")

            lat["Datasette search page (served), ranked"] = [
                timed(page(q, "rank"), max(reps, 3)) for q in QUERIES
            ]
            lat["Datasette search page (served), newest first"] = [
                timed(page(q, "newest"), max(reps, 3)) for q in QUERIES
            ]
            # the alternative on a subset (every 4th query), 2 runs: a page at 1M takes seconds
            lat[f"Datasette table page ?_search= (counts, facets; {len(DS_QUERIES)} queries)"] = [
                timed(table_page(q), min(reps, 2)) for q in DS_QUERIES
            ]
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    out = [
        f"### {n:,} articles ({size / n:,.0f} bytes/article on disk, {size / 2**30:.2f} GiB)",
        "",
        f"50 queries, median of {reps} runs each after a warm-up; latency in ms",
        "",
        "| path | p50 | p90 | p99 | max | slowest query |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for name, v in lat.items():
        worst = (QUERIES if len(v) == len(QUERIES) else DS_QUERIES)[v.index(max(v))]
        out.append(
            f"| {name} | {pct(v, 50):.1f} | {pct(v, 90):.1f} | {pct(v, 99):.1f} | "
            f"{max(v):.1f} | `{worst}` |"
        )
    if figures is not None:
        figures[str(n)] = {
            name: {"p50": pct(v, 50), "p90": pct(v, 90), "p99": pct(v, 99), "queries": len(v)}
            for name, v in lat.items()
        }
    if with_datasette:
        overhead = [
            page - ours
            for page, ours in zip(
                lat["Datasette search page (served), ranked"],
                lat["meetarchive search, ranked"],
                strict=True,
            )
        ]
        out += [
            "",
            f"served search page minus in-process search (ranked), per query: median "
            f"{statistics.median(overhead):.1f} ms, p90 {pct(overhead, 90):.1f} ms",
        ]
        out.append(
            "answers that were not results (time-limit message or error status): "
            + (", ".join(sorted(set(failed))) if failed else "none")
        )
    if not skip_alt:
        r_ours = lat["meetarchive search, ranked"]
        r_alt = lat["sqlite-utils table.search(), ranked"]
        n_ours = lat["meetarchive search, newest first"]
        n_alt = lat["sqlite-utils table.search(), newest first"]
        out += [
            "",
            f"p99 speed-up vs table.search(): ranked "
            f"{pct(r_alt, 99) / pct(r_ours, 99):.1f}x, newest first "
            f"{pct(n_alt, 99) / pct(n_ours, 99):.1f}x",
            "",
        ]
    for q in SHOW:
        ours = [h["headline"] for h in search(db, q, 5)]
        alt = [r["headline"] for r in table.search(to_fts(q), limit=5)]
        out.append(f"Top 5 for `{q}` (ours | table.search):")
        for k in range(5):
            a = ours[k] if k < len(ours) else ""
            b = alt[k] if k < len(alt) else ""
            out.append(f"  {k + 1}. {a[:70]:70} | {b[:70]}")
        out.append("")
    db.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--datasette", action="store_true", help="also the served search page")
    ap.add_argument(
        "--skip-alt",
        action="store_true",
        help="only our search (the table.search() rows take minutes at 1M)",
    )
    args = ap.parse_args()
    load0 = os.getloadavg()[0]
    print(f"search benchmark (load average {load0:.1f} on {os.cpu_count()} cores)")
    figures: dict = {}
    for n in [int(s) for s in args.sizes.split(",")]:
        print("\n".join(run_size(n, args.reps, args.datasette, args.skip_alt, figures)), flush=True)
    if not args.skip_alt:
        record.save("search", figures, load0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
