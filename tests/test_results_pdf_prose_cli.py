"""PDF results via the text layer, results stated in prose, and the `meetarchive results` CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from scraper.results import parse_document, to_contract
from scraper.results.prose import results_from_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _line_ops(line: str, y: int, cells: bool, flip: bool) -> list[str]:
    """One line: one string at the left margin, or (``cells``) each run of text at the x its
    column has in Courier 8 pt, as proportional-font reports place their cells; ``flip``: the
    page drawn in a y-down coordinate system (1 0 0 -1), as some Omega PDFs are."""
    runs = [(0, line)]
    if cells:
        runs = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", line)]
    ops = []
    for col, text in runs:
        x = 20 + col * 4.8
        place = f"1 0 0 -1 {x:.1f} {792 - y} Tm" if flip else f"{x:.1f} {y} Td"
        shown = " ".join(f"({_esc(part)}) Tj" for part in text.split("|"))  # '|': touching
        ops.append(f"BT /F1 8 Tf {place} {shown} ET")
    return ops


def make_pdf(
    pages: list[list[str]],
    compress: bool = False,
    font: str = "Courier",
    cells: bool = False,
    flip: bool = False,
) -> bytes:
    """A small real PDF: each page's lines drawn in Courier, as Hy-Tek prints them (or in
    another ``font``, cell by cell, in a flipped coordinate system: see :func:`_line_ops`)."""
    objs: list[bytes] = []
    kids = []
    font_id = 3 + 2 * len(pages)
    for k, lines in enumerate(pages):
        ops = ["1 0 0 -1 0 792 cm"] if flip else []
        for i, line in enumerate(lines):
            ops += _line_ops(line, 780 - 10 * i, cells, flip)
        stream = "\n".join(ops).encode("latin-1")
        flate = b""
        if compress:
            stream, flate = zlib.compress(stream), b" /Filter /FlateDecode"
        page_id, content_id = 3 + 2 * k, 4 + 2 * k
        kids.append(f"{page_id} 0 R")
        objs.append(
            (
                page_id,
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                f"/Resources << /Font << /F1 {font_id} 0 R >> >> "
                f"/Contents {content_id} 0 R >>".encode(),
            )
        )
        objs.append(
            (
                content_id,
                b"<< /Length %d%s >>\nstream\n" % (len(stream), flate) + stream + b"\nendstream",
            )
        )
    objs.insert(0, (1, b"<< /Type /Catalog /Pages 2 0 R >>"))
    objs.insert(1, (2, f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(pages)} >>".encode()))
    objs.append(
        (
            font_id,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>"
            % font.encode(),
        )
    )
    objs.sort()
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for oid, body in objs:
        offsets.append(len(out))
        out += b"%d 0 obj\n" % oid + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


PAGE1 = [
    "Example Athletics - Organization License          Hy-Tek's MEET MANAGER  Page 1",
    "                 Winter Allcomers 2020 - 18/1/2020",
    "                            Results",
    "Event 122  Men 60 Meter Dash Intermediate",
    "========================================================================",
    "    Name                     Age Team                    Finals  Wind H#",
    "========================================================================",
    "  1 #   64 Lam, Bryan         17 Hwa Chong In Co           7.27  +0.0  5",
    "  2 #   68 Tan, Zhi Hao       17 Hwa Chong In Co           7.39  -0.6  3",
]
PAGE2 = [
    "Example Athletics - Organization License          Hy-Tek's MEET MANAGER  Page 2",
    "                 Winter Allcomers 2020 - 18/1/2020",
    "                            Results",
    "....Event 122  Men 60 Meter Dash Intermediate",
    "  3 #  160 Ho, Wellington     16 Raffles Inst              7.49  -0.6  3",
    " -- #   35 Goh, Lucas         13 Hwa Chong In               DNS   1.3  6",
]


@pytest.mark.parametrize("compress", [False, True])
def test_pdf_text_layer_keeps_columns_across_pages(compress):
    doc = to_contract(parse_document(make_pdf([PAGE1, PAGE2], compress)))
    assert doc["format"].startswith("pdf-text/hytek")  # the fast reader: Courier, literal strings
    assert doc["meet"]["name"] == "Winter Allcomers 2020"
    assert doc["meet"]["date"] == "2020-01-18"
    assert len(doc["events"]) == 1
    rows = doc["events"][0]["results"]
    assert [
        (r["place"], r["athlete"], r["year"], r["team"], r["mark_normalized"], r["wind"])
        for r in rows
    ] == [
        (1, "Lam, Bryan", "17", "Hwa Chong In Co", 7.27, 0.0),
        (2, "Tan, Zhi Hao", "17", "Hwa Chong In Co", 7.39, -0.6),
        (3, "Ho, Wellington", "16", "Raffles Inst", 7.49, -0.6),
        (None, "Goh, Lucas", "13", "Hwa Chong In", None, 1.3),
    ]
    assert rows[3]["status"] == "DNS"
    assert rows[3]["detail"]["heat"] == 6


def test_a_pdf_that_is_not_one_is_reported_not_raised():
    doc = to_contract(parse_document(b"%PDF-1.4\nthis is not a pdf"))
    assert doc["events"] == []
    assert "PDF" in doc["_error"]


# --- prose ---------------------------------------------------------------------------------------
def _seed_body() -> str:
    path = SHARED / "seed" / "dyestat-kerr-prefontaine-classic-2024.txt"
    if not path.exists():
        pytest.skip("../shared/seed is absent")
    text = path.read_text(encoding="utf-8")
    start = text.index("EUGENE -- The directive")
    end = text.index("exciting summer.") + len("exciting summer.")
    return text[start:end]


def test_seed_article_states_exactly_five_results():
    got = [
        (r["athlete"], r["place"], r["mark"], r["flags"]) for r in results_from_text(_seed_body())
    ]
    assert got == [
        ("Josh Kerr", 1, "3:45.34", ["NR"]),
        ("Jakob Ingebrigtsen", 2, "3:45.60", []),
        ("Yared Nuguse", 3, "3:46.22", []),
        ("Neil Gourley", 4, "3:47.74", ["PB"]),
        ("Jake Wightman", 5, "3:47.83", ["PB"]),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sha'Carri Richardson won the 100 in 10.71 seconds, a world lead.",
            [("Sha'Carri Richardson", 1, "10.71", ["WL"])],
        ),
        (
            "Mary Moraa was second in 1:57.90 and Keely Hodgkinson placed third in 1:58.01, "
            "a season's best.",
            [("Mary Moraa", 2, "1:57.90", []), ("Keely Hodgkinson", 3, "1:58.01", ["SB"])],
        ),
        ("The pace lights were set for 13:05.00, and the crowd of 12,000 waited 45 minutes.", []),
        (
            "Alvarado, who paced the first two laps, finished 9th in 3:58.10.",
            [("Alvarado", 9, "3:58.10", [])],
        ),
        ("Nia Akins had just finished third in the 800.", []),
    ],
)
def test_prose_rules(text, expected):
    assert [
        (r["athlete"], r["place"], r["mark"], r["flags"]) for r in results_from_text(text)
    ] == expected


# --- CLI -----------------------------------------------------------------------------------------
def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scraper.cli", "results", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[1],
        check=False,
    )


def test_cli_jsonl_answers_every_line_in_order(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("\n".join(PAGE1) + "\n", encoding="utf-8")
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01 nothing here")
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(make_pdf([PAGE1, PAGE2]))
    broken_pdf = tmp_path / "broken.pdf"
    broken_pdf.write_bytes(b"%PDF-1.4\nno objects at all")
    reqs = [
        {"id": "a", "path": str(good), "url": None},
        {"id": "p", "path": str(pdf), "url": None},
        {"id": "q", "path": str(broken_pdf), "url": None},
        {"id": "b", "path": str(tmp_path / "missing.txt"), "url": None},
        {"id": "c", "path": str(bad), "url": "https://example.org/r"},
    ]
    proc = _cli("--jsonl", stdin="".join(json.dumps(r) + "\n" for r in reqs))
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [x["id"] for x in lines] == ["a", "p", "q", "b", "c"]
    assert len(lines[0]["events"][0]["results"]) == 2
    assert "_ms" in lines[0]
    assert len(lines[1]["events"][0]["results"]) == 4  # PDF text extracted in a forked child
    for bad_answer in lines[2:]:
        assert bad_answer["events"] == []
        assert bad_answer["_error"]


def test_cli_files_json_out(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text("\n".join(PAGE1) + "\n", encoding="utf-8")
    proc = _cli(str(f), "--url", "https://example.org/r.txt")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["events"][0]["event_name"] == "Men 60 Meter Dash Intermediate"


def test_cli_needs_files_or_jsonl():
    assert _cli().returncode == 2


def _rows(doc: dict) -> list[tuple]:
    return [
        (r["place"], r["athlete"], r["year"], r["team"], r["mark_normalized"], r["wind"])
        for e in doc["events"]
        for r in e["results"]
    ]


@pytest.mark.parametrize(
    ("font", "cells", "flip"),
    [
        ("Helvetica", True, False),  # proportional font, each cell placed at its column
        ("Helvetica", True, True),  # drawn in a y-down system: still read top to bottom
        ("Times-Roman", True, False),
    ],
)
def test_pdfium_layout_reads_what_the_fast_reader_declines(font, cells, flip):
    from scraper.results import pdflayout, pdftext

    data = make_pdf([PAGE1, PAGE2], font=font, cells=cells, flip=flip)
    assert pdftext.text_of(data) is None  # not plain Courier report lines
    text = pdflayout.text_of(data)
    assert text.index("Winter Allcomers") < text.index("Lam, Bryan") < text.index("Ho, Wellington")
    doc = to_contract(parse_document(data))
    assert doc["format"] == "pdf/hytek"
    assert _rows(doc) == _rows(to_contract(parse_document(make_pdf([PAGE1, PAGE2]))))
    assert len(_rows(doc)) == 4


def test_two_strings_drawn_touching_stay_two_words():
    from scraper.results import pdflayout

    page = ["Pos Team/School|Time", "1   McCOLGAN Eilish   4:02.29"]
    lines = pdflayout.text_of(make_pdf([page], font="Helvetica", cells=True)).splitlines()
    assert lines[0].split() == ["Pos", "Team/School", "Time"]  # two columns' labels
    assert "McCOLGAN" in lines[1].split()  # a case turn inside one string is one word


def test_a_heading_in_a_proportional_font_stays_one_phrase():
    from scraper.results import pdflayout

    page = ["Winter Allcomers 2020   Results", "1 Lam, Bryan 7.27"]
    text = pdflayout.text_of(make_pdf([page], font="Helvetica", cells=True))
    assert re.fullmatch(r"Winter Allcomers 2020 {2,}Results", text.splitlines()[0])


def test_bare_decimals_are_marks_only_after_a_result_word():
    text = (
        "Noah Lyles won in 9.79, and Fred Kerley was second in 9.81. "
        "Japan's Nikkei closed 0.22 per cent higher."
    )
    assert [(r["athlete"], r["place"], r["mark"]) for r in results_from_text(text)] == [
        ("Noah Lyles", 1, "9.79"),
        ("Fred Kerley", 2, "9.81"),
    ]
