"""The athlete page and ranking lists, served, at 1M articles and 5M result rows (prints tables,
asserts nothing).

The archive: bench/build_archive.py's synthetic 1M-article archive (built once, cached), copied
to bench/out/pages-<articles>-<rows>.db and given (once, cached) generated results through the
real schema and its triggers: meets (2000-2025, about 240 result rows each: 800 a season at
5M rows) each with a results document and events; athletes whose result counts are skewed (a
few hundred for the busiest, a handful for most), each with a gender, one or two disciplines, a
career of a few seasons and marks around their level (wind for sprints and jumps); 5% of rows
copies of another row (``duplicate_of``),
2% DNF; rows inserted shuffled within chunks, so an athlete's rows are scattered as a crawl
scatters them. Articles name three athletes each (``athlete_mentions``), the busiest athletes
most often (the most named is in about a tenth of the articles).

Both served by ``meetarchive serve --immutable`` (our plugins, the SQL time limit) side by side:

* "with": the archive as our migrations build it (m015: the ranking indexes and the
  (athlete, article) mentions index);
* "without": a copy with those three indexes dropped (``schema.PAGE_INDEXES``; the rest of the
  schema, ``results.season`` included, as it is).

Pages timed (median of --reps GETs after a warm-up, p50/p90/p99 over the pages): athlete pages
``/DB/-/athlete/ID`` (the 10 most named athletes and 40 others), ranking lists
``/DB/-/rankings?...`` (50 lists: every discipline, all time and one season, per athlete and
every performance, by gender, wind-legal, with and without a mark threshold). A page answering
with the time-limit message (or an error) is counted.

    python bench/pages.py                                    # 1M articles, 5M rows
    python bench/pages.py --articles 100000 --rows 500000    # a quick run
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import build_archive  # noqa: E402
import record  # noqa: E402
import synth  # noqa: E402
from search import datasette, pct, timed  # noqa: E402

from pipelines import db as schema  # noqa: E402
from pipelines.db.schema import PAGE_INDEXES  # noqa: E402
from scraper.results.display import format_mark  # noqa: E402

OUT = ROOT / "bench" / "out"
SEASONS = range(2000, 2026)
ROWS_PER_MEET = 240  # about 800 meets a season at 5M rows
CHUNK_ATHLETES = 5_000
# discipline: unit, men's marks from the best level to the lowest (low, high), women's factor,
# spread of one athlete's marks, wind measured
DISCIPLINES = {
    "100m": ("s", (9.9, 11.5), 1.1, 0.15, True),
    "200m": ("s", (19.9, 23.5), 1.1, 0.3, True),
    "400m": ("s", (44.0, 52.0), 1.12, 0.6, False),
    "800m": ("s", (103.0, 125.0), 1.13, 1.5, False),
    "1500m": ("s", (210.0, 250.0), 1.13, 3.0, False),
    "mile": ("s", (228.0, 270.0), 1.13, 3.5, False),
    "5000m": ("s", (780.0, 950.0), 1.14, 10.0, False),
    "10000m": ("s", (1620.0, 1950.0), 1.14, 20.0, False),
    "long jump": ("m", (6.6, 8.5), 0.82, 0.12, True),
    "high jump": ("m", (1.95, 2.38), 0.83, 0.04, False),
    "shot put": ("m", (15.0, 22.5), 0.85, 0.4, False),
    "javelin": ("m", (60.0, 90.0), 0.75, 2.0, False),
}
NAMES = list(DISCIPLINES)


def archive_path(articles: int, rows: int) -> Path:
    return OUT / f"pages-{articles}-{rows}.db"


def _athletes(rows: int, rng: random.Random) -> list[int]:
    """Result counts per athlete, busiest first, summing to ``rows``."""
    counts: list[int] = []
    total = 0
    while total < rows:
        n = min(400, max(1, int((rng.paretovariate(1.4) - 0.8) * 10)))
        n = min(n, rows - total)
        counts.append(n)
        total += n
    return sorted(counts, reverse=True)


def _result_rows(
    athlete_id: int, count: int, rng: random.Random, meets: list[list[tuple]], events: dict
) -> list[tuple]:
    gender = "M" if athlete_id % 2 else "F"
    disciplines = [rng.choice(NAMES)]
    if rng.random() < 0.3:
        disciplines.append(rng.choice(NAMES))
    start = rng.choice(SEASONS)
    span = rng.randint(2, 10)
    level = rng.random()
    name = synth._people()[athlete_id % len(synth._people())]
    team = rng.choice(synth.SCHOOLS)
    out = []
    for _ in range(count):
        discipline = disciplines[0] if rng.random() < 0.8 else disciplines[-1]
        unit, (lo, hi), women, spread, windy = DISCIPLINES[discipline]
        high = unit == "m"
        season = min(SEASONS[-1], start + rng.randrange(span))
        meet_id, meet_name, meet_date = rng.choice(meets[season - SEASONS[0]])
        base = hi - (hi - lo) * level if high else lo + (hi - lo) * level
        factor = women if gender == "F" else 1.0
        mark = round((base + rng.gauss(0, spread)) * factor, 2)
        wind = round(rng.uniform(-2.0, 3.5), 1) if windy else None
        status = "DNF" if rng.random() < 0.02 and not high else None
        event_id = events[(meet_id, discipline, gender)]
        out.append(
            (
                event_id,
                meet_id,  # document id = meet id (one document per meet)
                meet_id,
                rng.randint(1, 12),
                name,
                team,
                None if status else format_mark(mark, unit).replace(" m", "m"),
                None if status else mark,
                unit,
                wind,
                status,
                "[]",
                "[]",
                f"{'Men' if gender == 'M' else 'Women'} {discipline}",
                "Final",
                gender,
                meet_name,
                meet_date,
                athlete_id,
                0.97,
                discipline,
                season,
            )
        )
    return out


def build(articles: int, rows: int) -> Path:
    path = archive_path(articles, rows)
    if path.exists():
        return path
    source = build_archive.build(articles)
    tmp = path.with_suffix(".building")
    for p in OUT.glob(tmp.name + "*"):
        p.unlink()
    print(f"copying {source.name} -> {tmp.name}", flush=True)
    shutil.copyfile(source, tmp)
    db = schema.open_db(tmp)  # migrations: the results, athletes and page tables and indexes
    conn = db.conn
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("PRAGMA cache_size = -1000000")  # 1 GB
    # The results' and mentions' indexes and full-text triggers are set aside during the bulk
    # insert and made again after it (the same indexes, built once from sorted data instead of
    # row by row: at 5M rows, row by row did not finish the first 5,000 athletes in 25 minutes).
    aside = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('results', "
        "'athlete_mentions') AND type IN ('index', 'trigger') AND sql IS NOT NULL"
    ).fetchall()
    for kind, name, _ in aside:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    rng = random.Random(rows)
    t0 = time.perf_counter()
    meets: list[list[tuple]] = []
    events: dict[tuple, int] = {}
    per_season = max(10, rows // ROWS_PER_MEET // len(SEASONS))
    with conn:
        for season in SEASONS:
            of_season = []
            for k in range(per_season):
                name = f"{synth.MEETS[k % len(synth.MEETS)]} {k // len(synth.MEETS) + 1}"
                day = f"{season}-{1 + k % 12:02d}-{1 + k % 28:02d}"
                cur = conn.execute(
                    "INSERT INTO meets (name, name_key, date, year, venue, source) "
                    "VALUES (?, ?, ?, ?, ?, 'bench')",
                    [name, name.lower(), day, season, rng.choice(synth.CITIES)],
                )
                meet_id = cur.lastrowid
                assert meet_id is not None
                conn.execute(
                    "INSERT INTO result_documents (id, page_id, url, url_key, meet_id, format, "
                    "status, meet_name, meet_date) VALUES (?, ?, ?, ?, ?, 'hytek', 'parsed', ?, ?)",
                    [meet_id, meet_id, f"https://r.example/{meet_id}.txt", str(meet_id), meet_id]
                    + [name, day],
                )
                for position, discipline in enumerate(NAMES):
                    for g, gender in enumerate(("F", "M")):
                        cur = conn.execute(
                            "INSERT INTO result_events (document_id, meet_id, position, number, "
                            "name, gender, round, kind) VALUES (?, ?, ?, ?, ?, ?, 'Final', "
                            "'individual')",
                            [meet_id, meet_id, position * 2 + g, str(position * 2 + g + 1)]
                            + [f"{'Men' if gender == 'M' else 'Women'} {discipline}", gender],
                        )
                        assert cur.lastrowid is not None
                        events[(meet_id, discipline, gender)] = cur.lastrowid
                of_season.append((meet_id, name, day))
            meets.append(of_season)
    counts = _athletes(rows, rng)
    people = synth._people()
    with conn:
        conn.executemany(
            "INSERT INTO athletes (id, name, name_key, gender, teams, results) "
            "VALUES (?, ?, ?, ?, '[]', ?)",
            [
                (i, people[i % len(people)], people[i % len(people)].lower(), "MF"[i % 2], n)
                for i, n in enumerate(counts, 1)
            ],
        )
    done = 0
    for first in range(0, len(counts), CHUNK_ATHLETES):
        chunk: list[tuple] = []
        for i in range(first, min(first + CHUNK_ATHLETES, len(counts))):
            chunk += _result_rows(i + 1, counts[i], rng, meets, events)
        rng.shuffle(chunk)
        with conn:
            conn.executemany(
                "INSERT INTO results (event_id, document_id, meet_id, place, athlete, team, "
                "mark_raw, mark, unit, wind, status, flags, relay_members, event, round, gender, "
                "meet_name, meet_date, athlete_id, athlete_confidence, discipline, season) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                chunk,
            )
        done += len(chunk)
        print(f"  {done:>9,} result rows  {done / (time.perf_counter() - t0):,.0f}/s", flush=True)
    with conn:  # 5% copies: a row of another document pointing to the one holding it
        conn.execute(
            "UPDATE results SET duplicate_of = id - 1 WHERE id % 20 = 0 AND id > 1 "
            "AND status IS NULL"
        )
    (n_articles,) = conn.execute("SELECT max(id) FROM articles").fetchone()
    mentions = []
    for article in range(1, n_articles + 1):
        for _ in range(3):
            who = min(int((rng.paretovariate(1.0) - 1) * 20), len(counts) - 1) + 1
            mentions.append((article, who, people[who % len(people)], 0, "text", 0.95))
        if len(mentions) >= 300_000:
            with conn:
                conn.executemany(
                    "INSERT INTO athlete_mentions (article_id, athlete_id, name, position, kind, "
                    "confidence) VALUES (?, ?, ?, ?, ?, ?)",
                    mentions,
                )
            mentions = []
    with conn:
        conn.executemany(
            "INSERT INTO athlete_mentions (article_id, athlete_id, name, position, kind, "
            "confidence) VALUES (?, ?, ?, ?, ?, ?)",
            mentions,
        )
    print(f"  mentions stored ({time.perf_counter() - t0:,.0f} s)", flush=True)
    with conn:
        for _, _, sql in aside:
            conn.execute(sql)
        conn.execute("INSERT INTO results_fts (results_fts) VALUES ('rebuild')")
    print(f"  indexes and full-text index made ({time.perf_counter() - t0:,.0f} s)", flush=True)
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    tmp.rename(path)
    for p in OUT.glob(tmp.name + "-*"):
        p.unlink()
    return path


def without_indexes(path: Path) -> Path:
    """A copy of the archive without the page indexes (the baseline)."""
    other = path.with_name(path.stem + "-without-page-indexes.db")
    if not other.exists():
        shutil.copyfile(path, other)
        conn = sqlite3.connect(other)
        for index in PAGE_INDEXES:
            conn.execute(f"DROP INDEX IF EXISTS {index}")
        conn.execute("ANALYZE")
        conn.close()
    return other


def athlete_ids(path: Path, rng: random.Random) -> list[int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    (n,) = conn.execute("SELECT max(id) FROM athletes").fetchone()
    conn.close()
    return list(range(1, 11)) + sorted(rng.sample(range(11, n + 1), 40))


def ranking_queries(rng: random.Random) -> list[dict[str, str]]:
    out = []
    for i in range(50):
        discipline = NAMES[i % len(NAMES)]
        unit, (lo, hi), _women, _spread, windy = DISCIPLINES[discipline]
        q = {"event": discipline, "gender": "MF"[i % 2] if i % 5 else ""}
        if i % 3 == 0:
            q["season"] = str(rng.choice(SEASONS))
        if i % 4 == 1:
            q["per"] = "performance"
        if windy and i % 2 == 0:
            q["wind"] = "legal"
        if i % 3 == 1:  # a threshold about the top tenth of the marks
            level = lo + (hi - lo) * 0.1 if unit == "s" else hi - (hi - lo) * 0.1
            q["mark"] = format_mark(level, unit).replace(" m", "")
        out.append(q)
    return out


class Get:
    def __init__(self, url: str, failed: list[str], label: str) -> None:
        self.url, self.failed, self.label = url, failed, label

    def __call__(self) -> None:
        try:
            with urllib.request.urlopen(self.url, timeout=300) as resp:
                body = resp.read()
        except urllib.error.HTTPError as exc:
            exc.read()
            self.failed.append(f"{self.label}: HTTP {exc.code}")
            return
        if b"page-error" in body or b"took longer than the time limit" in body:
            self.failed.append(f"{self.label}: time limit")


def measure(path: Path, reps: int, athletes: list[int], rankings: list[dict]) -> dict:
    failed: list[str] = []
    lat: dict[str, list[float]] = {}
    with datasette(path) as base:
        root = f"{base}/{path.stem}/-/"
        pages: dict[str, list[Callable[[], object]]] = {
            "athlete page": [Get(f"{root}athlete/{i}", failed, f"athlete {i}") for i in athletes],
            "ranking list": [
                Get(f"{root}rankings?{urllib.parse.urlencode(q)}", failed, str(q)) for q in rankings
            ],
        }
        for name, gets in pages.items():
            lat[name] = [timed(get, reps) for get in gets]
    return {"lat": lat, "failed": sorted(set(failed))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--rows", type=int, default=5_000_000)
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    load0 = os.getloadavg()[0]
    print(f"pages benchmark (load average {load0:.1f} on {os.cpu_count()} cores)", flush=True)
    path = build(args.articles, args.rows)
    baseline = without_indexes(path)
    rng = random.Random(5)
    athletes, rankings = athlete_ids(path, rng), ranking_queries(rng)
    runs = {"with page indexes": measure(path, args.reps, athletes, rankings)}
    runs["without (baseline)"] = measure(baseline, args.reps, athletes, rankings)
    print(
        f"\n### {args.articles:,} articles, {args.rows:,} result rows: served pages, "
        f"median of {args.reps} GETs each after a warm-up; latency in ms\n"
    )
    print("| page | archive | pages | p50 | p90 | p99 | max |")
    print("|---|---|---:|---:|---:|---:|---:|")
    figures: dict = {}
    for label, run in runs.items():
        for page, values in run["lat"].items():
            print(
                f"| {page} | {label} | {len(values)} | {pct(values, 50):.1f} | "
                f"{pct(values, 90):.1f} | {pct(values, 99):.1f} | {max(values):.1f} |"
            )
            figures[f"{page}, {label}"] = {
                "p50": pct(values, 50),
                "p90": pct(values, 90),
                "p99": pct(values, 99),
                "pages": len(values),
            }
    for label, run in runs.items():
        print(f"\n{label}: answers that were not pages: {', '.join(run['failed']) or 'none'}")
        figures[f"not pages, {label}"] = len(run["failed"])
    record.save("pages", figures, load0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
