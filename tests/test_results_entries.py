"""Start lists, entry lists and ranking lists look like results and hold none of a meet's: they
are refused with their reason, never stored as rows (a lane as a place, a seed as a mark)."""

from __future__ import annotations

import pytest

from scraper.results import parse_document, to_contract
from scraper.results.entries import entry_list

START_LIST = """\
Kestrel Vale Open Meeting 2025
Saturday 17 May 2025 - Brindlecombe Stadium

START LIST

100m Men - Heat 1
Lane  Bib   Name                    Club                    Seed
   2  945   Felix Stannard          Kestrel Vale RC         10.62
   3  849   Kieran Quarrie          Gorsebrook AC           10.81
   4  408   Hollis Fenwick          Oakmere AC              10.87
"""
ENTRIES = """<html><body><h1>Oakmere Spring Classic 2025</h1>
<h3>Women 800m</h3><table><tr><th>No.</th><th>Athlete</th><th>Club</th><th>PB</th><th>SB</th></tr>
<tr><td>1</td><td>Yasmin Thackeray</td><td>Kestrel Vale RC</td><td>2:09.80</td><td>2:11.02</td></tr>
<tr><td>2</td><td>Juno Tattersall</td><td>Fernhill H</td><td>2:10.76</td><td>2:14.40</td></tr>
<tr><td>3</td><td>Fern Cottle</td><td>Kestrel Vale RC</td><td>2:16.25</td><td>2:16.90</td></tr>
</table></body></html>"""
RANKING = """2025 Outdoor Season Rankings - Men 100m
Rank,Mark,Wind,Athlete,Club,DOB,Venue,Date
1,10.37,0.0,Rafe Gallimore,Fernhill Harriers,14/04/2001,Fenwick Fields,13/06/2025
2,10.37,+1.2,Xander Grimshaw,Saltmarsh Striders,21/11/2003,Saltmarsh Park,27/07/2025
3,10.38,0.0,Bram Rushworth,Kestrel Vale RC,01/06/2004,Gorsebrook,27/06/2025
"""
RESULTS = """\
100m Men - Final
Pl  Bib   Name                    Club                    Seed    Time
 1  945   Felix Stannard          Kestrel Vale RC         10.62   10.58
 2  849   Kieran Quarrie          Gorsebrook AC           10.81   10.77
"""


@pytest.mark.parametrize(
    ("name", "data", "why"),
    [
        ("start.txt", START_LIST, "its title says so"),
        ("entries.html", ENTRIES, "seed or best marks, no result column"),
        ("rankings.csv", RANKING, "a ranking list"),
    ],
)
def test_lists_that_are_no_results_give_no_rows_and_say_why(name: str, data: str, why: str):
    doc = to_contract(parse_document(data.encode(), None, name))
    assert doc["events"] == []
    assert why in doc["_error"]


def test_results_with_a_seed_column_are_results():
    assert entry_list(RESULTS) is None
    doc = to_contract(parse_document(RESULTS.encode(), None, "results.txt"))
    assert [(r["place"], r["mark"]) for r in doc["events"][0]["results"]] == [
        (1, "10.58"),
        (2, "10.77"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "START LIST",
        "Startliste 100m Männer",
        "Entry list - 12 April 2025",
        "Heat Sheet",
        "Psych Sheet",
    ],
)
def test_a_list_that_names_itself_an_entry_list(title: str):
    assert entry_list(f"{title}\n1  945  Felix Stannard  Kestrel Vale RC  10.62\n") is not None


@pytest.mark.parametrize("line", ["Entries: 24  Finishers: 22", "Start time 10:30", "Startlist"])
def test_words_of_entries_inside_a_line_or_alone_in_another_sense(line: str):
    expected = line == "Startlist"  # one word: the list's title
    assert (entry_list(f"{line}\n") is not None) is expected


def test_an_export_printing_its_meet_and_date_on_every_row_is_results():
    # ('Meet' and 'Date' columns had made it a ranking list: one meet, one date on every row)
    export = (
        "Meet,Date,Event,Gender,Place,First Name,Last Name,Team,Result\n"
        "Quail Run Open 2025,04/26/2025,200 Meters,Girls,1,Oaklyn,Oyelaran,Marlow Creek,25.92\n"
        "Quail Run Open 2025,04/26/2025,200 Meters,Girls,2,Presley,Haskins,Sutter Flats,26.18\n"
    )
    assert entry_list(export) is None
    doc = to_contract(parse_document(export.encode(), None, "export.csv"))
    assert [r["mark"] for r in doc["events"][0]["results"]] == ["25.92", "26.18"]
    # its one meet and date, on every row, are the document's
    assert (doc["meet"]["name"], doc["meet"]["date"]) == ("Quail Run Open 2025", "2025-04-26")
