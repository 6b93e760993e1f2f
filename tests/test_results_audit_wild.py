"""The audit's count of result lines on real documents of ../shared/data/results-wild (read at run
time; skipped without it), against counts taken from the documents themselves: every result line
counted once, headers, records, splits and page furniture not. The counts hold whatever reader
reads the documents (the units are the document's own)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.results import ResultDoc, parse_document
from scraper.results.resultlike import is_result
from scraper.results.source import units_of

WILD = Path(__file__).resolve().parents[2] / "shared" / "data" / "results-wild"

# (document, result lines, how the count was taken from the document)
COUNTS = [
    ("w06", 140, "Cool Running <pre> inside a layout table: places 1-140"),
    ("w10", 472, "CSV with CR-only line endings: 469 timed rows, 2 DNF, 1 DNS"),
    ("w11", 128, "XLSX without a place column: 128 athletes under the header"),
    ("w27", 371, "TFRRS copied one cell per line: 371 'Last, First' names"),
    ("w28", 145, "TFRRS copied one cell per line, empty year cells: 145 names"),
    ("w40", 11, "Norwegian federation page: 11 results under 9 repeated headers"),
    ("w41", 9, "Norwegian XLSX: places 1-6 and 3 DNF, comma-separated times"),
    ("w42", 56, "OpenTrack JSON: 56 finishers, 23 of them unknown athletes with times"),
    ("w43", 115, "Japanese club page: 組/氏名/学年/記録/順位 rows, some without a place"),
]


def _document(prefix: str) -> Path:
    if not WILD.is_dir():
        pytest.skip(f"{WILD} is not here")
    (path,) = WILD.glob(f"{prefix}_*")
    return path


@pytest.mark.parametrize(("prefix", "expected", "how"), COUNTS, ids=[c[0] for c in COUNTS])
def test_result_lines_of_real_documents(prefix: str, expected: int, how: str):
    data = _document(prefix).read_bytes()
    try:
        doc = parse_document(data, None, prefix)
    except Exception as e:  # noqa: BLE001 -- as the crawl: a reader's failure is the reason
        doc = ResultDoc(error=str(e))
    assert sum(is_result(u) for u in units_of(data, doc)) == expected, how


def test_the_cli_answers_every_document_and_prints_nothing_else():
    """`meetarchive results --jsonl` over every document: one answer each, in order, and not a
    word on stderr (a damaged PDF's library warnings included: w37 has a wrong xref entry)."""
    if not WILD.is_dir():
        pytest.skip(f"{WILD} is not here")
    paths = sorted(p for p in WILD.iterdir() if p.name[0] == "w" and p.suffix != ".tsv")
    lines = "".join(json.dumps({"id": p.name, "path": str(p), "url": None}) + "\n" for p in paths)
    done = subprocess.run(
        [sys.executable, "-m", "scraper.cli", "results", "--jsonl"],
        input=lines,
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a.get("id") for a in answers] == [p.name for p in paths]
    assert all(a["events"] or a.get("_error") for a in answers)
