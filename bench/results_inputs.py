"""Structured results inputs: speed and memory (prints figures, never asserts them).

    .venv/bin/python bench/results_inputs.py [--rows 10000]

1. Speed: every spreadsheet, Word document, CSV, JSON and HTML-table document of
   ../shared/data/results-wild parsed in this process (CPU time, best of 3, so the shared box's
   load moves it less), rows/s per document and in all.
2. Memory: a generated spreadsheet of ``--rows`` results (a 10 km race: place, names, club,
   category, time) read by our reader (openpyxl read-only, streamed) beside openpyxl's default
   load of the whole workbook (the alternative), in one run: peak Python memory (tracemalloc)
   and CPU time; and a generated Word document of the same rows, our streamed ``iterparse``
   beside a whole-tree parse of its XML.  tracemalloc counts Python allocations only: lxml's own
   tree (C memory) is not in the whole-tree figure, which is therefore a floor.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import record  # noqa: E402

from scraper.results import parse_document  # noqa: E402

WILD = ROOT.parent / "shared" / "data" / "results-wild"
STRUCTURED = ("xlsx", "docx", "delimited", "json", "html-tables", "odf", "xml-feed")


def speed() -> dict[str, Any]:
    per: dict[str, Any] = {}
    for path in sorted(WILD.glob("w*")):
        data = path.read_bytes()
        best, doc = float("inf"), None
        for _ in range(3):
            t = time.process_time()
            doc = parse_document(data, None, path.name)
            best = min(best, time.process_time() - t)
        assert doc is not None
        if not doc.format.startswith(STRUCTURED):
            continue
        rows = sum(len(e.rows) for e in doc.events)
        per[path.name[:3]] = {"format": doc.format, "rows": rows, "cpu_s": round(best, 4)}
    rows = sum(d["rows"] for d in per.values())
    cpu = sum(d["cpu_s"] for d in per.values())
    print("| doc | format | rows | CPU ms | rows/s |\n|---|---|---:|---:|---:|")
    for stem, d in per.items():
        rate = d["rows"] / d["cpu_s"] if d["cpu_s"] else 0
        print(f"| {stem} | {d['format']} | {d['rows']} | {d['cpu_s'] * 1000:.0f} | {rate:,.0f} |")
    print(f"| **all** | | {rows} | {cpu * 1000:.0f} | **{rows / cpu:,.0f}** |\n")
    return {"documents": per, "rows": rows, "cpu_s": round(cpu, 3), "rows_per_s": rows / cpu}


def workbook(n: int) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("10 km")
    sheet.append(["Pos", "First Name", "Surname", "Club", "Cat", "Time"])
    for i in range(1, n + 1):
        sheet.append([i, f"Runner{i}", f"Surname{i % 977}", f"Club {i % 301}", "MV40",
                      f"{30 + i * 40 // n}:{i % 60:02d}"])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def word(n: int) -> bytes:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def cell(t: object) -> str:
        return f"<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{t}</w:t></w:r></w:p></w:tc>"

    rows = ["<w:tr>" + "".join(map(cell, ("Pos", "Name", "Club", "Time"))) + "</w:tr>"]
    rows += [
        "<w:tr>" + "".join(map(cell, (i, f"Runner {i}", f"Club {i % 301}", f"{30 + i * 40 // n}:"
                                      f"{i % 60:02d}"))) + "</w:tr>"
        for i in range(1, n + 1)
    ]  # fmt: skip
    xml = f'<w:document xmlns:w="{ns}"><w:body><w:tbl>{"".join(rows)}</w:tbl></w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", xml)
    return out.getvalue()


def measured(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(CPU seconds of a plain run, peak MB of Python allocations in a traced run, result)."""
    t = time.process_time()
    result = fn()
    seconds = time.process_time() - t
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return seconds, peak, result


def memory(n: int) -> dict[str, Any]:
    import warnings

    import openpyxl
    from lxml import etree

    from scraper.results import docx, sheets

    xlsx, doc = workbook(n), word(n)

    def whole_book() -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(io.BytesIO(xlsx), data_only=True)
        return sum(1 for _ in book.active.iter_rows(values_only=True))

    def whole_xml() -> int:
        with zipfile.ZipFile(io.BytesIO(doc)) as z:
            root = etree.fromstring(z.read("word/document.xml"))
        return sum(1 for _ in root.iter())

    runs = {
        "xlsx: ours (read-only, streamed) -> rows": lambda: sum(
            len(e.rows) for e in sheets.parse(xlsx).events
        ),
        "xlsx: openpyxl whole workbook (alternative), cells only": whole_book,
        "docx: ours (iterparse) -> rows": lambda: sum(len(e.rows) for e in docx.parse(doc).events),
        "docx: whole XML tree (alternative), elements only": whole_xml,
    }
    out: dict[str, Any] = {}
    print(f"| {n:,} results | CPU s | peak MB (Python) | result |\n|---|---:|---:|---:|")
    for label, fn in runs.items():
        seconds, peak, result = measured(fn)
        out[label] = {"seconds": round(seconds, 2), "peak_mb": round(peak, 1), "result": result}
        print(f"| {label} | {seconds:.2f} | {peak:.1f} | {result:,} |")
    print()
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000)
    args = ap.parse_args(argv)
    load = os.getloadavg()[0]
    figures: dict[str, Any] = {}
    if WILD.is_dir():
        figures["speed"] = speed()
    else:
        print(f"{WILD} is absent: speed not measured", file=sys.stderr)
    figures["memory"] = memory(args.rows)
    print(f"saved {record.save('results_inputs', figures, load)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
