"""Results run together in paragraphs, as newspapers and meet reports print them: one finisher
per line for the general reader (made-up paragraphs in the shapes such reports use)."""

from __future__ import annotations

import pytest

from scraper.results import parse_document, to_contract
from scraper.results.agate import unfold

ROUNDUP = (
    "Valley League Championships\n\n"
    "Boys 100 (wind +0.6): 1. Tyler Robinson (Summit Christian) 10.90; 2. Madison Pennington\n"
    "(Bishop Kearney) 10.97; 3. Tristan Patterson (Westbrook) 11.02.\n\n"
    "Men's 1500m: 1. Tristan Hollis (Westside TC) 3:38.85, 2. Isaiah Achebe (Blackheath) "
    "3:41.10, 3. Harrison Whitlock (Blackheath) 3:43.61, DNF: Micah Hargrove (Harriers AC).\n"
)


def test_each_finisher_of_a_paragraph_on_a_line_of_its_own_under_the_events_title():
    assert unfold(ROUNDUP) == (
        "Valley League Championships\n\n"
        "Boys 100 (wind +0.6)\n"
        "1. Tyler Robinson (Summit Christian) 10.90\n"
        "2. Madison Pennington (Bishop Kearney) 10.97\n"
        "3. Tristan Patterson (Westbrook) 11.02\n\n"
        "Men's 1500m\n"
        "1. Tristan Hollis (Westside TC) 3:38.85\n"
        "2. Isaiah Achebe (Blackheath) 3:41.10\n"
        "3. Harrison Whitlock (Blackheath) 3:43.61\n"
        "- Micah Hargrove (Harriers AC) DNF"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Kerr won in 3:45.34, ahead of 2. Nuguse and 3. Hocker in the final.",  # prose
        "1. Reyes, Gabriel (Oregon) 7842 pts 100m 10.88 (+1.1) 900 | LJ 7.31 (+0.6) 889 | SP 13.90"
        " 711 | HJ 1.99 794 | 400m 48.90 866 2. McKenna, Jared (Washington) 7610 pts 100m 11.10"
        " 852 3. Tanaka, Kaito (Oregon State) 7388 pts 100m 11.25 819",  # a combined event's lines
    ],
)
def test_other_paragraphs_stay_as_they_are(text: str):
    assert unfold(text) is None


def test_a_results_roundup_is_read_and_audited_as_the_list_it_is():
    doc = parse_document(ROUNDUP.encode(), None, "roundup.txt")
    contract = to_contract(doc)
    assert [(e["event_name"], e["gender"]) for e in contract["events"]] == [
        ("Boys 100", "M"),
        ("Men's 1500m", "M"),
    ]
    sprint, mile = contract["events"]
    assert [
        (r["place"], r["athlete"], r["team"], r["mark_normalized"], r["wind"])
        for r in sprint["results"]
    ] == [
        (1, "Tyler Robinson", "Summit Christian", 10.9, 0.6),
        (2, "Madison Pennington", "Bishop Kearney", 10.97, 0.6),
        (3, "Tristan Patterson", "Westbrook", 11.02, 0.6),
    ]
    assert mile["results"][-1]["athlete"] == "Micah Hargrove"
    assert mile["results"][-1]["status"] == "DNF"
