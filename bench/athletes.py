"""Athlete identity benchmark: every document of ../shared/data/results-dev and results-wild is
parsed with the current parser and stored through the real results stage (which links meets and
athletes) into a fresh archive; the links are scored pairwise against the hand-made truth
tests/truth/athletes.tsv (which rows are one person), beside two alternatives measured in the
same run: athletes as printed strings (what the archive had before: one athlete per name as
printed) and one athlete per folded name (case, accents and name order ignored, nothing else).

    .venv/bin/python bench/athletes.py [--json] [--errors N]

Targets (issue 16): pairwise precision >= 0.99 and recall >= 0.95. Prints figures; asserts
nothing (tests/test_athlete_truth.py holds the floors).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
SHARED = ROOT.parent / "shared" / "data"
TRUTH = ROOT / "tests" / "truth" / "athletes.tsv"
SETS = ("results-dev", "results-wild")
SKIP = (".json", ".md", ".tsv")


def documents() -> list[Path]:
    return sorted(
        p
        for name in SETS
        if (SHARED / name).is_dir()
        for p in (SHARED / name).iterdir()
        if not p.name.endswith(SKIP) or p.name.startswith("w42")
    )


def build_archive(path: Path, docs: list[Path]) -> float:
    """Store every document through the store and results stages; seconds spent."""
    from pipelines import db as schema
    from pipelines.context import Archive
    from pipelines.results import ResultsStage
    from scraper.items import Crawled, Page

    db = schema.open_db(path)
    stage = ResultsStage(Archive(db))
    started = time.perf_counter()
    for i, doc in enumerate(docs):
        page = Page(
            url=f"https://bench.example/{doc.name}",
            status=200,
            headers={},
            body=doc.read_bytes(),
            fetched_at=f"2026-11-01T{i // 60:02d}:{i % 60:02d}:00+00:00",
            kind="results",
            source="bench",
            spider="bench",
        )
        with schema.write_transaction(db):
            schema.store_page(db, page)
        stage.process_item(Crawled(page=page))
    seconds = time.perf_counter() - started
    db.close()
    return seconds


def parse_only(docs: list[Path]) -> float:
    """Seconds the parser alone takes over the documents (what storing and linking add to)."""
    from pipelines.results import parse_results

    started = time.perf_counter()
    for doc in docs:
        parse_results(doc.read_bytes(), f"https://bench.example/{doc.name}")
    return time.perf_counter() - started


def name_hash(raw: str | None) -> str | None:
    from scraper.text.people import parse_person

    name = parse_person(raw)
    return hashlib.sha1(name.key.encode()).hexdigest()[:10] if name else None


def stored_rows(path: Path) -> dict[str, list[dict[str, Any]]]:
    from pipelines import db as schema

    db = schema.open_db(path)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in db.query(
        "SELECT r.id, r.athlete, r.mark_raw, r.athlete_id, e.position AS ev, r.position AS pos, "
        "d.url FROM results r JOIN result_events e ON e.id = r.event_id "
        "JOIN result_documents d ON d.id = r.document_id ORDER BY r.id"
    ):
        r["hash"] = name_hash(r["athlete"])
        out[r["url"].rsplit("/", 1)[-1]].append(r)
    db.close()
    return out


def locate(truth: list[dict[str, str]], rows: dict[str, list[dict]]) -> dict[int, dict]:
    """Truth line -> the stored row it names: the document's row with its name (hash) and mark,
    the nearest in position when several; missing when the parser no longer reads it."""
    found = {}
    for i, t in enumerate(truth):
        same = [r for r in rows.get(t["document"], []) if r["hash"] == t["name_sha1"]]
        marked = [r for r in same if (r["mark_raw"] or "") == t["mark"]] or same
        if marked:
            found[i] = min(
                marked,
                key=lambda r: (abs(r["ev"] - int(t["event"])), abs(r["pos"] - int(t["row"]))),
            )
    return found


def score(truth: list[dict[str, str]], found: dict[int, dict], key: Any) -> dict[str, Any]:
    """Pairwise precision and recall over the located truth rows, by ``key(row)`` (the
    predicted athlete), overall and for pairs across documents."""
    counts = {"all": [0, 0, 0], "across": [0, 0, 0]}  # tp, fp, fn
    errors = []
    for i, j in combinations(sorted(found), 2):
        same = truth[i]["athlete"] == truth[j]["athlete"]
        linked = key(found[i]) == key(found[j])
        if not same and not linked:
            continue
        slot = 0 if same and linked else (1 if linked else 2)
        for kind in ("all", "across") if truth[i]["document"] != truth[j]["document"] else ("all",):
            counts[kind][slot] += 1
        if slot:
            errors.append(("false link" if slot == 1 else "missed", truth[i], truth[j]))
    out: dict[str, Any] = {}
    for kind, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        out[kind] = {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r}
    out["errors"] = errors
    return out


def main(argv: list[str]) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("--json", action="store_true", help="figures as JSON")
    args.add_argument("--errors", type=int, default=10, help="errors to list (default 10)")
    opts = args.parse_args(argv)
    docs = documents()
    if not docs or not TRUTH.exists():
        print(f"missing {SHARED}/results-dev, results-wild or {TRUTH}", file=sys.stderr)
        return 2
    with TRUTH.open(encoding="utf-8") as f:
        truth = list(csv.DictReader(f, delimiter="\t"))
    load = os.getloadavg()[0]
    parsing = parse_only(docs)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "athletes.db"
        seconds = build_archive(path, docs)
        rows = stored_rows(path)
        n_athletes = len({r["athlete_id"] for v in rows.values() for r in v if r["athlete_id"]})
    found = locate(truth, rows)
    n_rows = sum(len(v) for v in rows.values())
    ways = {
        "meetarchive (pipelines.linking)": lambda r: r["athlete_id"],
        "folded name (case, accents, order)": lambda r: r["hash"],
        "name as printed (before)": lambda r: r["athlete"],
    }
    results = {name: score(truth, found, key) for name, key in ways.items()}
    athletes = {t["athlete"] for t in truth}
    figures = {
        "documents": len(docs),
        "rows_stored": n_rows,
        "athletes_linked": n_athletes,
        "truth_rows": len(truth),
        "truth_athletes": len(athletes),
        "truth_documents": len({t["document"] for t in truth}),
        "located": len(found),
        "seconds": round(seconds, 2),
        "parse_seconds": round(parsing, 2),
        "rows_per_s": round(n_rows / seconds) if seconds else None,
        "ways": {
            name: {k: v for k, v in res.items() if k != "errors"} for name, res in results.items()
        },
    }
    if opts.json:
        print(json.dumps(figures, indent=1))
    else:
        print(
            f"{len(docs)} documents parsed, stored and linked in {seconds:.1f} s "
            f"({figures['rows_per_s']} rows/s, {n_rows} rows, {n_athletes} athletes; parsing "
            f"alone {parsing:.1f} s, storing and linking {seconds - parsing:.1f} s; load "
            f"{load:.1f}); truth: "
            f"{len(athletes)} athletes, {len(truth)} rows in {figures['truth_documents']} "
            f"documents, {len(found)} located in the parse\n"
        )
        print("| athletes | pairs P | pairs R | across-document P | across-document R |")
        print("|---|---:|---:|---:|---:|")
        for name, res in results.items():
            a, x = res["all"], res["across"]
            print(
                f"| {name} | {a['precision']:.4f} | {a['recall']:.4f} | "
                f"{x['precision']:.4f} | {x['recall']:.4f} |"
            )
        ours = results["meetarchive (pipelines.linking)"]
        a = ours["all"]
        print(f"\nmeetarchive: {a['tp']} pairs right, {a['fp']} false links, {a['fn']} missed")
        for kind, t1, t2 in ours["errors"][: opts.errors]:
            print(
                f"  {kind}: {t1['document'][:3]} {t1['event']}/{t1['row']} ~ "
                f"{t2['document'][:3]} {t2['event']}/{t2['row']}  {t1['note'] or t2['note']}"
            )
    import record

    record.save("athletes", figures, load)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
