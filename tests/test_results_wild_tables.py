"""The structured documents of ../shared/data/results-wild (read at run time; skipped without
it): rows and events per document, a few rows spot-checked by position against the source by
hand, and the relay carnival published as a Word document and as a web page reading the same.

Truth kept minimal on purpose (the documents carry real names): counts, and fields at a position.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.results import parse_document, to_contract

WILD = Path(__file__).resolve().parents[2] / "shared" / "data" / "results-wild"
pytestmark = pytest.mark.skipif(not WILD.is_dir(), reason="../shared/data/results-wild is absent")


def read(stem: str) -> dict:
    (path,) = WILD.glob(stem + "_*")
    return to_contract(parse_document(path.read_bytes(), None, path.name))


def rows(doc: dict) -> list[dict]:
    return [r for e in doc["events"] for r in e["results"]]


# stem: (format, events, rows); the row counts are the source's result rows, counted by hand
# (parkrun: the table's rows less its 'Unknown' finishers, who have no name and no time)
COUNTS = {
    "w10": ("delimited", 1, 472),
    "w11": ("xlsx", 1, 128),
    "w12": ("html-tables", 1, 321),
    "w13": ("html-tables", 1, 178),
    "w14": ("html-tables", 1, 80),  # 79 placed and one DNF (the status in its place cell)
    "w15": ("html-tables", 1, 306),
    "w16": ("html-tables", 1, 41),
    "w17": ("html-tables", 1, 431),
    "w18": ("html-tables", 1, 177),
    "w19": ("html-tables", 1, 306),
    "w20": ("html-tables", 1, 69),
    "w36": ("html-tables", 4, 21),
    "w38": ("docx-tables", 52, 527),
    "w39": ("html-tables", 52, 527),
    "w40": ("html-tables", 8, 11),
    "w41": ("xlsx", 1, 9),
    "w42": ("json", 7, 56),
    "w43": ("html-tables", 13, 115),
}


@pytest.mark.parametrize("stem", sorted(COUNTS))
def test_counts(stem):
    doc = read(stem)
    assert (doc["format"], len(doc["events"]), len(rows(doc))) == COUNTS[stem]


# (stem, row position in the document): fields checked against the source by hand
SPOT = [
    ("w10", 0, {"place": 1, "athlete": "BEN LIVESEY", "mark_normalized": 1918.0}),
    ("w10", 471, {"place": None, "status": "DNS"}),
    ("w11", 0, {"place": None, "year": "35", "mark": "40:09", "mark_normalized": 2409.0}),
    ("w11", 127, {"status": "DQ"}),
    ("w12", 0, {"place": 1, "athlete": "BAILEY, Iain", "mark_normalized": 2032.0}),
    ("w12", 320, {"place": 321, "team": None, "mark_normalized": 4932.0}),
    ("w13", 0, {"place": 1, "athlete": "Mike Chapman", "mark": "41.54", "mark_normalized": 2514.0}),
    ("w13", 177, {"place": None, "status": "DNF"}),
    ("w14", 0, {"place": 1, "athlete": "nicolas duhail", "mark_normalized": 21107.0}),
    ("w15", 0, {"place": 1, "athlete": "Martyn MUNDAY", "team": None, "mark": "17:35"}),
    ("w15", 305, {"place": 321, "team": "Up and Running", "mark_normalized": 3498.0}),
    ("w17", 430, {"place": 454, "mark": "1:13:29", "mark_normalized": 4409.0}),
    ("w19", 0, {"place": 3, "athlete": "Boudewijn KEENAN", "mark_normalized": 1132.0}),
    ("w36", 0, {"place": 1, "athlete": "Wax, Katharina", "year": "1998", "mark": "57:46"}),
    ("w40", 0, {"place": 1, "athlete": "Morten Haave", "year": "1986", "mark_normalized": 1.7}),
    ("w41", 0, {"place": 1, "year": "2007", "mark": "7,54,96", "mark_normalized": 474.96}),
    ("w41", 8, {"place": None, "status": "DNF"}),
    ("w42", 0, {"place": 1, "athlete": "Clark Roberts", "mark_normalized": 89.6}),
    ("w43", 0, {"place": 1, "year": "4年", "mark_normalized": 884.78}),
]


@pytest.mark.parametrize(("stem", "at", "want"), SPOT, ids=[f"{s}-{a}" for s, a, _ in SPOT])
def test_spot_checked_rows(stem, at, want):
    row = rows(read(stem))[at]
    assert {k: row[k] for k in want} == want


def test_parkrun_sections_and_meet():
    doc = read("w18")
    assert doc["meet"] == {"name": "Hamilton Lake parkrun", "date": "2020-12-25", "venue": None}
    assert all(r["athlete"] != "Unknown" for r in rows(doc))


def test_word_and_web_page_of_one_meet_agree():
    word, page = read("w38"), read("w39")
    assert (
        word["meet"] == page["meet"] == {"name": "Uitsig Relays 2012", "date": None, "venue": None}
    )
    assert [(e["event_name"], e["kind"], e["results"]) for e in word["events"]] == [
        (e["event_name"], e["kind"], e["results"]) for e in page["events"]
    ]
    kinds = {e["kind"] for e in page["events"]}
    assert kinds == {"team_scores", "relay"}


def test_team_table_members_are_no_athlete_rows():
    doc = read("w36")
    teams = [e for e in doc["events"] if e["kind"] == "team_scores"]
    assert [len(e["results"]) for e in teams] == [1, 2]
    assert teams[0]["results"][0]["detail"]["members"][0] == "Wax, Katharina"


@pytest.mark.parametrize("stem", sorted(COUNTS))
def test_every_row_keeps_the_source_row_it_came_from(stem):
    """Row.raw is exactly one of the document's rows as source_rows gives them (the audit counts
    the rows that became results by it)."""
    from scraper.results.document import source_rows

    (path,) = WILD.glob(stem + "_*")
    data = path.read_bytes()
    source = {tuple(r) for r in source_rows(data) or []}
    doc = read(stem)
    assert source
    assert all(tuple(r["raw"]) in source for r in rows(doc))
