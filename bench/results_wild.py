"""The results audit over ../shared/data/results-wild (43 real documents of many formats, no truth):
one line per document (the reader that read it, rows, result-like lines, coverage, verdict,
reasons) and the totals the issue's targets are about, printed as a Markdown table and recorded in
bench/out/figures/results_wild.json (bench/record.py).

    .venv/bin/python bench/results_wild.py [--only w01,w27] [--missed] [--dataset DIR] [--no-record]

Targets (issue 15): every document gets rows or an honest ``unparsed`` with a reason; coverage of
result-like lines >= 0.98 overall and >= 0.95 on at least 90% of the documents; >= 5,000 rows/s
(results-dev and results-wild). A document whose coverage cannot be measured (no result-like line)
counts as under 0.95. Speed is measured in this process, document by document, as the crawl's
results stage spends it (parse, audit, store into a temporary archive), in wall and CPU time (the
machine is shared): parsing and storing alone beside the same with the audit (the alternative:
what the audit costs). Prints figures; never asserts them. ``--missed`` lists, under the table,
the first result-like lines each document's rows miss.
"""

from __future__ import annotations

import argparse
import csv
import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

import record  # noqa: E402

from pipelines import db as schema  # noqa: E402
from scraper.items import Page  # noqa: E402
from scraper.results import ResultDoc, parse_document  # noqa: E402
from scraper.results.audit import PARSED, PARTIAL, UNPARSED, Audit, audit_document  # noqa: E402

DATASET = ROOT.parent / "shared" / "data" / "results-wild"
GOOD = 0.95
FETCHED = "2026-12-01T00:00:00+00:00"
REASON_WIDTH = 110


def documents(dataset: Path, only: set[str]) -> list[Path]:
    """The manifest's documents, in its order (every file beside it when there is none)."""
    manifest = dataset / "MANIFEST.tsv"
    if manifest.exists():
        with manifest.open(encoding="utf-8") as f:
            names = [row["file"] for row in csv.DictReader(f, delimiter="\t")]
    else:  # a dataset with truth files (results-dev): the documents beside them
        names = sorted(
            p.name
            for p in dataset.iterdir()
            if p.suffix not in (".md", ".tsv", ".py") and not p.name.endswith(".json")
        )
    paths = [dataset / n for n in names]
    return [p for p in paths if not only or p.name.split("_")[0] in only]


def measure(path: Path, db: Any) -> dict[str, Any]:
    """One document parsed, audited, and stored with its audit into the archive ``db`` (what
    the crawl's results stage does with it), each step timed."""
    data = path.read_bytes()
    clock = _Clock()
    try:
        doc = parse_document(data, None, path.name)
    except Exception as e:  # noqa: BLE001 -- recorded as the reason, as the crawl does
        doc = ResultDoc(format="error", error=f"{type(e).__name__}: {e}"[:300])
    parse_s = clock.lap()
    audit: Audit = audit_document(data, doc)
    audit_s = clock.lap()
    url = f"https://results.example/{path.name}"
    page = Page(url=url, status=200, headers={}, body=data, fetched_at=FETCHED, kind="results")
    with schema.write_transaction(db):
        page_id = schema.store_page(db, page)[0]
        schema.store_results(db, page_id, url, doc, FETCHED, None, None, None, audit)
    store_s = clock.lap()
    return {
        "file": path.name,
        "format": doc.format,
        "rows": audit.rows,
        "lines": audit.result_units,
        "covered": audit.covered,
        "coverage": audit.coverage,
        "verdict": audit.verdict,
        "reasons": audit.reasons,
        "missed": audit.missed,
        "parse_s": parse_s,
        "audit_s": audit_s,
        "store_s": store_s,
    }


class _Clock:
    """Wall and CPU seconds of each step: ``lap()`` -> {"wall": s, "cpu": s} since the last."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> dict[str, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        out = {"wall": wall - self.wall, "cpu": cpu - self.cpu}
        self.wall, self.cpu = wall, cpu
        return out


def totals(docs: list[dict[str, Any]]) -> dict[str, Any]:
    lines = sum(d["lines"] for d in docs)
    covered = sum(d["covered"] for d in docs)
    rows = sum(d["rows"] for d in docs)
    spent = {
        step: {c: sum(d[f"{step}_s"][c] for d in docs) for c in ("wall", "cpu")}
        for step in ("parse", "audit", "store")
    }
    good = sum(1 for d in docs if d["coverage"] is not None and d["coverage"] >= GOOD)
    return {
        "documents": len(docs),
        "rows": rows,
        "result_lines": lines,
        "covered_lines": covered,
        "coverage": covered / lines if lines else None,
        "documents_coverage_ge_095": good,
        "share_documents_ge_095": good / len(docs) if docs else None,
        "verdicts": {v: sum(d["verdict"] == v for d in docs) for v in (PARSED, PARTIAL, UNPARSED)},
        "without_rows_or_reason": sum(
            1 for d in docs if not d["rows"] and (d["verdict"] != UNPARSED or not d["reasons"])
        ),
        "rows_per_s": {
            clock: {
                "parse": _per_s(rows, spent["parse"][clock]),
                "parse + store": _per_s(rows, spent["parse"][clock] + spent["store"][clock]),
                "parse + audit + store": _per_s(rows, sum(s[clock] for s in spent.values())),
            }
            for clock in ("wall", "cpu")
        },
        "audit_share_of_cpu": _per_s(spent["audit"]["cpu"], sum(s["cpu"] for s in spent.values())),
    }


def _per_s(n: float, seconds: float) -> float | None:
    return n / seconds if seconds else None


def _short(text: str, width: int) -> str:
    text = text.replace("|", "/")
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(docs: list[dict[str, Any]], total: dict[str, Any], missed: bool) -> None:
    print("| document | format | rows | result lines | coverage | verdict | reasons |")
    print("|---|---|---:|---:|---:|---|---|")
    for d in docs:
        coverage = "–" if d["coverage"] is None else f"{d['coverage']:.3f}"
        reasons = _short("; ".join(d["reasons"]), REASON_WIDTH)
        print(
            f"| {d['file'][:3]} | {d['format']} | {d['rows']} | {d['lines']} | {coverage} | "
            f"{d['verdict']} | {reasons} |"
        )
    v = total["verdicts"]
    overall = "–" if total["coverage"] is None else f"{total['coverage']:.3f}"
    print(
        f"| **total** | {total['documents']} documents | {total['rows']} | "
        f"{total['result_lines']} | **{overall}** | {v[PARSED]} parsed, {v[PARTIAL]} partial, "
        f"{v[UNPARSED]} unparsed | coverage >= {GOOD} on {total['documents_coverage_ge_095']} of "
        f"{total['documents']} documents ({total['share_documents_ge_095']:.0%}) |"
    )
    for clock, speed in total["rows_per_s"].items():
        print(
            f"\nrows/s ({clock} time, in this process): parse {speed['parse']:,.0f}; parse + "
            f"store {speed['parse + store']:,.0f}; parse + audit + store, what the crawl does, "
            f"{speed['parse + audit + store']:,.0f}",
            end="",
        )
    print(
        f"\nthe audit: {total['audit_share_of_cpu']:.0%} of the CPU time; load average "
        f"{os.getloadavg()[0]:.1f}. Documents without rows and without an unparsed reason: "
        f"{total['without_rows_or_reason']}"
    )
    if missed:
        for d in docs:
            for line in d["missed"]:
                print(f"{d['file'][:3]} missed: {line.strip()[:150]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default="", help="document ids, e.g. w01,w27")
    parser.add_argument("--missed", action="store_true", help="list the result lines missed")
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--no-record", action="store_true", help="print only (another dataset)")
    args = parser.parse_args(argv)
    if not args.dataset.is_dir():
        print(f"missing {args.dataset}", file=sys.stderr)
        return 2
    logging.disable(logging.WARNING)  # pypdf's notes on odd fonts
    load = os.getloadavg()[0]
    only = {x.strip() for x in args.only.split(",") if x.strip()}
    with tempfile.TemporaryDirectory() as tmp:
        db = schema.open_db(Path(tmp) / "archive.db")
        docs = [measure(p, db) for p in documents(args.dataset, only)]
        db.close()
    total = totals(docs)
    print_table(docs, total, args.missed)
    if not only and not args.no_record:
        figures = {**total, "per_document": [{k: d[k] for k in d if k != "missed"} for d in docs]}
        print(f"recorded in {record.save('results_wild', figures, load)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
