#!/usr/bin/env python3
"""Extraction benchmark: our extractor beside trafilatura, readability, newspaper4k and goose3, in
one run of ../shared/tools/extract_eval.py over ../shared/data/articles-dev and articles-dev2.

Every extractor is one child process fed JSONL (wall time includes interpreter start and
imports, for all of them alike). The harness scores each data set; this script scores the same
predictions again per subset (articles-dev, and articles-dev2's readability, dragnet and
htmltotext-benchmark pages) and over all pages with the harness's own ``score``, prints one table,
checks the targets of issue 17 and records the figures (bench/out/figures/extraction.json).

    python bench/extraction.py                      # the full table (a few minutes)
    python bench/extraction.py --only ours --limit 20   # a quick look at our own scores
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
HARNESS = SHARED / "tools" / "extract_eval.py"
DATASETS = [SHARED / "data" / "articles-dev", SHARED / "data" / "articles-dev2"]
OTHERS = ["trafilatura", "readability", "newspaper4k", "goose3"]
OUT = ROOT / "bench" / "out" / "extraction"
OURS = "meetarchive"
sys.path.insert(0, str(ROOT / "bench"))

import record  # noqa: E402

# issue 17: in one run over both sets
MARGIN = 0.02  # body F1 ahead of trafilatura, on each subset and overall
TITLE_EXACT = 0.90
AUTHORS_F1 = 0.93
DATE_DAY = 0.97
SPEED = 2.0  # x trafilatura's pages/s (with metadata)


def harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_eval", HARNESS)
    assert spec is not None
    assert spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def subset_of(dataset: str, row: dict[str, Any]) -> str:
    return dataset if dataset == "articles-dev" else str(row.get("source") or dataset)


def run_harness(args: argparse.Namespace, extractors: list[str]) -> dict[str, Any]:
    python = shlex.quote(sys.executable)
    ours = f"cmd:cd {shlex.quote(str(ROOT))} && {python} -m scraper.cli extract"
    specs = [ours] + [e for e in extractors if e != OURS]
    cmd = [sys.executable, str(HARNESS), *args.datasets, "--n-bootstrap", str(args.n_bootstrap)]
    for e in specs:
        cmd += ["-e", e]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / "harness.json"
    cmd += ["--out", str(out), "--save-predictions", str(OUT / "predictions")]
    print("$ " + " ".join(shlex.quote(c) for c in cmd), flush=True)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    print(proc.stdout, flush=True)
    if not out.exists():
        raise SystemExit(f"the harness wrote no results (exit {proc.returncode})")
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    data["_ours"] = ours
    return data


def predictions(dataset: str, spec: str) -> list[dict[str, Any]]:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", spec)[:60]
    path = OUT / "predictions" / f"{dataset}__{safe}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def per_subset(ev: ModuleType, data: dict[str, Any], n_bootstrap: int) -> dict[str, Any]:
    """{extractor: {subset: scores}}, subsets in the order met plus "all"."""
    specs = {name: name for name in OTHERS} | {OURS: data["_ours"]}
    out: dict[str, Any] = {}
    for name, spec in specs.items():
        rows_by: dict[str, list[dict[str, Any]]] = {}
        preds_by: dict[str, list[dict[str, Any]]] = {}
        wall = pages = 0.0
        for dataset, d in data["datasets"].items():
            res = d["results"].get(spec)
            if res is None or res.get("failed"):
                break
            wall += res["wall_s"]
            pages += res["pages"]
            limit = data.get("limit")
            rows = ev.load_dataset(d["path"], limit)
            for row, pred in zip(rows, predictions(dataset, spec), strict=True):
                for key in (subset_of(dataset, row), "all"):
                    rows_by.setdefault(key, []).append(row)
                    preds_by.setdefault(key, []).append(pred)
        else:
            scores = {}
            for key in rows_by:
                res, _ = ev.score(rows_by[key], preds_by[key], n_bootstrap, 0)
                scores[key] = res
            out[name] = {"subsets": scores, "pages": pages, "wall_s": wall}
    return out


def cell(res: dict[str, Any] | None, field: str, key: str, std: bool = False) -> str:
    m = (res or {}).get(field)
    if not m or m.get(key) is None:
        return "n/a"
    s = f"{m[key]:.3f}"
    if std and m.get(key + "_std") is not None:
        s += f" ± {m[key + '_std']:.3f}"
    return s


def table(scores: dict[str, Any]) -> list[str]:
    subsets = list(next(iter(scores.values()))["subsets"])
    lines = [
        "| subset | extractor | pages | body F1 | body P | body R | title exact | authors F1 "
        "| date day | pages/s |",
        "|---|---|---:|---|---:|---:|---:|---:|---:|---:|",
    ]
    for key in subsets:
        for name, s in scores.items():
            res = s["subsets"].get(key)
            speed = f"{s['pages'] / s['wall_s']:.1f}" if key == "all" and s["wall_s"] else ""
            lines.append(
                f"| {key} | {name} | {(res or {}).get('pages', 0)} "
                f"| {cell(res, 'body', 'f1', True)} | {cell(res, 'body', 'precision')} "
                f"| {cell(res, 'body', 'recall')} | {cell(res, 'title', 'exact')} "
                f"| {cell(res, 'authors', 'f1')} | {cell(res, 'date', 'day_acc')} | {speed} |"
            )
    return lines


def targets(scores: dict[str, Any]) -> list[tuple[str, str, bool]]:
    ours, traf = scores[OURS], scores.get("trafilatura")
    rows: list[tuple[str, str, bool]] = []
    if traf is not None:
        for key, res in ours["subsets"].items():
            a, b = res["body"]["f1"], traf["subsets"][key]["body"]["f1"]
            rows.append(
                (
                    f"body F1 >= trafilatura + {MARGIN} ({key})",
                    f"{a:.3f} vs {b:.3f}",
                    a >= b + MARGIN,
                )
            )
    every = ours["subsets"]["all"]
    for field, key, floor, label in (
        ("title", "exact", TITLE_EXACT, "title exact"),
        ("authors", "f1", AUTHORS_F1, "authors F1"),
        ("date", "day_acc", DATE_DAY, "date day"),
    ):
        v = every[field][key]
        n = every[field]["n"]
        rows.append((f"{label} >= {floor} ({n} pages with truth)", f"{v:.3f}", v >= floor))
    if traf is not None and traf["wall_s"] and ours["wall_s"]:
        a, b = ours["pages"] / ours["wall_s"], traf["pages"] / traf["wall_s"]
        rows.append(
            (
                f"pages/s >= {SPEED:g}x trafilatura (with metadata)",
                f"{a / b:.2f}x ({a:.1f} vs {b:.1f})",
                a / b >= SPEED,
            )
        )
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("datasets", nargs="*", default=[str(d) for d in DATASETS])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--only", choices=["ours", "all"], default="all")
    ap.add_argument("--n-bootstrap", type=int, default=200)
    args = ap.parse_args()
    if not HARNESS.exists() or not all(Path(d).is_dir() for d in args.datasets):
        print(f"no harness at {HARNESS} or no data sets", file=sys.stderr)
        return 2
    load0 = os.getloadavg()[0]
    data = run_harness(args, [OURS] + (OTHERS if args.only == "all" else []))
    scores = per_subset(harness(), data, args.n_bootstrap)
    print(f"\n### Every extractor per subset (load average {load0:.1f} at the start)\n")
    print("\n".join(table(scores)))
    checks = targets(scores)
    print("\n| target (issue 17) | measured | met |\n|---|---|---|")
    for label, measured, met in checks:
        print(f"| {label} | {measured} | {'yes' if met else 'NO'} |")
    figures = {
        "table": table(scores),
        "targets": [{"target": t, "measured": m, "met": ok} for t, m, ok in checks],
        "scores": {
            name: {
                "pages": s["pages"],
                "wall_s": s["wall_s"],
                "subsets": {
                    k: {
                        "pages": r["pages"],
                        "body_f1": r.get("body", {}).get("f1"),
                        "title_exact": r.get("title", {}).get("exact"),
                        "authors_f1": r.get("authors", {}).get("f1"),
                        "date_day": r.get("date", {}).get("day_acc"),
                    }
                    for k, r in s["subsets"].items()
                },
            }
            for name, s in scores.items()
        },
        "versions": data.get("versions", {}),
    }
    if not args.limit and args.only == "all":  # a full run only
        record.save("extraction", figures, load0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
