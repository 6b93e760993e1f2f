"""Results parsing speed over ../shared/data/results-dev + results-wild, beside the PDF text
layer we used before (prints figures, asserts nothing).

    .venv/bin/python bench/results_speed.py [--passes 5]

Target (issue 15): >= 5,000 rows/s over results-dev and results-wild. Two paths, passes
interleaved in one process, median of the passes:

- **meetarchive**: ``scraper.results.parse_document`` as a crawl calls it (PDFs: the fast
  monospace reader, else PDFium's word positions, ``scraper/results/pdflayout.py``);
- **previous**: the same, except that the PDFs the fast reader declines go through pypdf's
  layout mode (``extract_text(extraction_mode="layout")``, the text layer before PDFium), then
  the same text readers (pypdf is a dependency of the project: it measures a PDF's drawing
  instructions before PDFium reads it).

Rows/s from CPU time (``time.process_time``: steadier than wall time on the shared 2-core
machine) and from wall time; imports are done before the first pass (the JSONL worker of
``bench/results.py`` pays them once: pypdf ~95 ms, PDFium ~40 ms). Figures are recorded in
bench/out/figures/results_speed.json.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import record  # noqa: E402

from scraper.results import ResultDoc, parse_document  # noqa: E402
from scraper.results.pdf import parse_text_layer  # noqa: E402
from scraper.results.pdftext import text_of as fast_text_of  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SETS = ("results-dev", "results-wild")


def documents() -> list[Path]:
    """Every results document of the two sets (truth files and the manifest left out)."""
    out = []
    for name in SETS:
        for p in sorted((DATA / name).iterdir()):
            if p.name.endswith(".truth.json") or p.suffix in (".md", ".tsv"):
                continue
            out.append(p)
    return out


def _pypdf_layout_text(data: bytes) -> str:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    pages = []
    for page in reader.pages:
        try:
            pages.append(page.extract_text(extraction_mode="layout"))
        except Exception:  # noqa: BLE001 -- as the previous reader did: plain mode for that page
            pages.append(page.extract_text() or "")
    return "\n\f\n".join(pages)


def previous(data: bytes, name: str) -> ResultDoc:
    """parse_document with the previous PDF text layer."""
    if not data[:1024].lstrip().startswith(b"%PDF"):
        return parse_document(data, None, name)
    fast = fast_text_of(data)
    if fast:
        doc = parse_text_layer(fast)
        if any(e.rows for e in doc.events):
            return doc
    return parse_text_layer(_pypdf_layout_text(data))


def ours(data: bytes, name: str) -> ResultDoc:
    return parse_document(data, None, name)


def one_pass(parse: Callable[[bytes, str], ResultDoc], docs: list[tuple[str, bytes]]) -> dict:
    rows = pdf_rows = 0
    pdf_cpu = 0.0
    cpu, wall = time.process_time(), time.perf_counter()
    for name, data in docs:
        start = time.process_time()
        try:
            doc = parse(data, name)
        except Exception:  # noqa: BLE001 -- a reader's crash is another engineer's bug: no rows
            continue
        n = sum(len(e.rows) for e in doc.events)
        rows += n
        if data[:5] == b"%PDF-":
            pdf_rows += n
            pdf_cpu += time.process_time() - start
    return {
        "rows": rows,
        "cpu": time.process_time() - cpu,
        "wall": time.perf_counter() - wall,
        "pdf_rows": pdf_rows,
        "pdf_cpu": pdf_cpu,
    }


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--passes", type=int, default=5)
    args = ap.parse_args(argv)
    if not all((DATA / s).is_dir() for s in SETS):
        print(f"missing {DATA}/results-dev or results-wild", file=sys.stderr)
        return 2
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes, not our figures
    import pypdfium2  # noqa: F401

    docs = [(p.name, p.read_bytes()) for p in documents()]
    load = os.getloadavg()[0]
    paths = {"meetarchive (PDFium text layer)": ours, "previous (pypdf layout mode)": previous}
    runs: dict[str, list[dict]] = {k: [] for k in paths}
    for _ in range(args.passes):
        for label, parse in paths.items():
            runs[label].append(one_pass(parse, docs))
    pdfs = sum(1 for _, d in docs if d[:5] == b"%PDF-")
    print(
        f"results speed: {len(docs)} documents of {' + '.join(SETS)} ({pdfs} PDFs), median of "
        f"{args.passes} passes (load average {load:.1f} -> {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores)\n"
    )
    print(
        "| path | rows | CPU s | rows/s (CPU) | wall s | rows/s (wall) | PDF rows | PDF CPU s "
        "| PDF rows/s (CPU) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    figures = {}
    for label, rs in runs.items():
        f = {k: statistics.median(r[k] for r in rs) for k in rs[0]}
        f["rows_per_s_cpu"] = f["rows"] / f["cpu"]
        f["rows_per_s_wall"] = f["rows"] / f["wall"]
        f["pdf_rows_per_s_cpu"] = f["pdf_rows"] / f["pdf_cpu"] if f["pdf_cpu"] else 0.0
        figures[label] = f
        print(
            f"| {label} | {f['rows']:,.0f} | {f['cpu']:.2f} | {f['rows_per_s_cpu']:,.0f} | "
            f"{f['wall']:.2f} | {f['rows_per_s_wall']:,.0f} | {f['pdf_rows']:,.0f} | "
            f"{f['pdf_cpu']:.2f} | {f['pdf_rows_per_s_cpu']:,.0f} |"
        )
    a, b = figures.values()
    print(
        f"\nmeetarchive / previous, CPU: {b['cpu'] / a['cpu']:.2f}x faster overall, "
        f"{b['pdf_cpu'] / a['pdf_cpu']:.1f}x on the PDFs"
    )
    met = a["rows_per_s_cpu"] >= 5000
    print(f"target >= 5,000 rows/s (CPU): {'met' if met else 'NOT met'}")
    record.save("results_speed", figures, load)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
