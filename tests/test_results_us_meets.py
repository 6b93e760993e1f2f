"""US meet software's pages as they print them: Hy-Tek team rankings whose teams' names hold a
column header's word ('University', 'State'), a field event's mark in metres beside its feet and
inches, unplaced non-finishers led by their '#bib', a disqualification citing its rule in the
mark's cell, an event's heading broken by <br>, a records table printed without a heading, and an
athletic.net listing copied as text (avatars' initials, team scores in points)."""

from __future__ import annotations

from scraper.results import parse_document, to_contract


def rows(data: str) -> list[tuple]:
    doc = to_contract(parse_document(data.encode()))
    return [
        (
            e["event_name"],
            e["gender"],
            e["kind"],
            r["place"],
            r["athlete"] or r["team"],
            r["mark"],
            r["status"],
        )
        for e in doc["events"]
        for r in e["results"]
    ]


RANKINGS = """Licensed to Sierra Meet Services          HY-TEK's MEET MANAGER 3/15/2026 09:40 PM
                  Coastal Range Collegiate Open - 3/14/2026
                                    Results

Event 30  Men 4x400 Meter Relay
======================================================================================
    School                                                 Seed     Finals  Points
======================================================================================
  1 Pinecrest University        'A'                       3:15.00    3:12.05    10

                   Men - Team Rankings - 2 Events Scored
======================================================================================
    1) Pinecrest University       31       2) Coastal State              27
    3) Marlow College             22       4) Bayview                    14
"""


def test_hytek_team_rankings_whose_teams_hold_header_words():
    assert [r[3:6] for r in rows(RANKINGS) if r[2] == "team_scores"] == [
        (1, "Pinecrest University", "31"),
        (2, "Coastal State", "27"),
        (3, "Marlow College", "22"),
        (4, "Bayview", "14"),
    ]


MEETPRO = """                          DirectAthletics MeetPro - Results
                        Riverbend Twilight Invitational

Women Hammer Throw
Final
--------------------------------------------------------------------------
 PL  BIB    NAME                   YR  TEAM                      MARK              PTS
--------------------------------------------------------------------------
  1  #1220 Drayton, Gemma         JR  Riverbend College        58.41m  191-07      10
  2  #1222 Jaramillo, Quinn       SR  Wabash Falls             52.87m  173-05       6

Women 1500 Meters
Final
--------------------------------------------------------------------------
 PL  BIB    NAME                   YR  TEAM                      TIME   PTS
--------------------------------------------------------------------------
  1  #1211 Lindqvist, Lydia       JR  Tri-State Poly          4:38.22    10
     #1218 Colborne, Una          SO  Tri-State Poly              DNF
     #1219 Jaramillo, Adeline     SO  Wabash Falls                DNS
"""


def test_metres_beside_feet_and_inches_and_unplaced_rows_led_by_their_bib():
    assert [r[3:] for r in rows(MEETPRO)] == [
        (1, "Drayton, Gemma", "58.41m", None),
        (2, "Jaramillo, Quinn", "52.87m", None),
        (1, "Lindqvist, Lydia", "4:38.22", None),
        (None, "Colborne, Una", "DNF", "DNF"),
        (None, "Jaramillo, Adeline", "DNS", "DNS"),
    ]


FLASH = (
    "<html><head><title>Women 100m Hurdles Prelims - Spring Break Open</title></head><body>"
    "<h1>Spring Break Open</h1><h4>March 27-28, 2026</h4><h2>Women 100m Hurdles<br>Prelims</h2>"
    "<table class='records'><tr><td>Facility</td><td>12.91</td><td>Dana Whitcombe</td>"
    "<td>Sandhill</td><td>2019</td></tr></table>"
    "<h3>Heat 1 of 1</h3><div class='wind'>Wind: +0.8 m/s</div><table><thead><tr><th>Pl</th>"
    "<th>Ln</th><th>Athlete</th><th>Yr</th><th>Affiliation</th><th>Time</th></tr></thead><tbody>"
    "<tr><td>1</td><td>2</td><td>Fiona Brightwater</td><td>JR</td><td>Coastal State</td>"
    "<td>13.32 Q</td></tr><tr><td></td><td>5</td><td>Elowen Dunmore</td><td>SO</td>"
    "<td>Gulf Shore</td><td>DQ<br><span class='dq'>168.7(a)</span></td></tr></tbody></table>"
    "</body></html>"
)


def test_a_flash_event_page_its_heading_its_records_and_a_dq_citing_its_rule():
    assert rows(FLASH) == [
        ("Women 100m Hurdles Prelims", "F", "individual", 1, "Fiona Brightwater", "13.32 Q", None),
        (
            "Women 100m Hurdles Prelims",
            "F",
            "individual",
            None,
            "Elowen Dunmore",
            "DQ 168.7(a)",
            "DQ",
        ),
    ]


TEAM_LINES = """                  Bluestem Collegiate Invitational - 4/18/2026
                                     Results

Event 1  Women 100 Meter Hurdles
================================================================================
    Name                    Year School                   Finals  Wind Points
================================================================================
  1 Whitlow, Taryn           SR Magnolia State             13.02  +1.8  10
  2 Brandt, Anika            JR Gulf Coast Tech            13.19  +1.8   8
 -- Faure, Dominique         SR Bayou Christian   DQ 168.7(a)     +1.8

Female Team Scores
================================================================================
    1 Magnolia State                                 10
    2 Gulf Coast Tech                                 8
"""


def test_hytek_team_scores_a_line_each_their_places_bare_and_a_dq_citing_its_rule():
    assert [r[2:] for r in rows(TEAM_LINES)] == [
        ("individual", 1, "Whitlow, Taryn", "13.02", None),
        ("individual", 2, "Brandt, Anika", "13.19", None),
        ("individual", None, "Faure, Dominique", "DQ 168.7(a)", "DQ"),
        ("team_scores", 1, "Magnolia State", "10", None),
        ("team_scores", 2, "Gulf Coast Tech", "8", None),
    ]


def test_a_records_table_with_its_header_printed_right_over_the_results_is_no_results():
    page = (
        "<html><body><h2>Women 100m Hurdles - Final</h2><table><tr><th>Record</th><th>Mark</th>"
        "<th>Athlete</th><th>Year</th></tr><tr><td>Facility</td><td>12.71</td>"
        "<td>Shanice Aldridge</td><td>2019</td></tr></table><table><tr><th>PL</th>"
        "<th>Athlete</th><th>Team</th><th>Time</th></tr><tr><td>1</td><td>Taryn Whitlow</td>"
        "<td>Magnolia State</td><td>13.02</td></tr></table></body></html>"
    )
    assert [r[3:5] for r in rows(page)] == [(1, "Taryn Whitlow")]


ATHLETIC_NET = """Snake River Stampede
Sat, Sep 12, 2026
Meet Record as of 9/11/2026
Marisol Avery
17:44.10
Womens 5,000 Meters Varsity
1
HT
Hazel Tranter
Teton Prep
18:12.4
PR • Yr: 11
2
QA
Quinn Abadie
Snake River Academy
18:20.9
Yr: SR

Team Scores
Womens 5,000 Meters Varsity
1
Teton Prep
32 pts
Scorers: 1, 4, 6, 9, 12
2
Snake River Academy
40 pts
Scorers: 2, 5, 8, 11, 14
"""


def test_an_athletic_net_listing_its_avatars_initials_no_names_and_its_team_scores():
    assert [r[2:6] for r in rows(ATHLETIC_NET)] == [
        ("individual", 1, "Hazel Tranter", "18:12.4"),
        ("individual", 2, "Quinn Abadie", "18:20.9"),
        ("team_scores", 1, "Teton Prep", "32"),
        ("team_scores", 2, "Snake River Academy", "40"),
    ]
    assert (
        to_contract(parse_document(ATHLETIC_NET.encode()))["meet"]["name"] == "Snake River Stampede"
    )


def test_a_milesplit_raw_pages_meet_is_its_heading_not_its_first_races_title():
    text = (
        "MileSplit Oregon\nWillamette Valley Spring Shootout 2026\nSat, Apr 11, 2026\n"
        "Raw Results\n\n"
        "Girls 400m Dash - Finals\n"
        "Pl  Athlete                    Gr  Team                          Mark\n"
        "---------------------------------------------------------------------------\n"
        "1   Sierra Blackwood           12  Westmoor Academy              57.84\n"
        "2   Joelle Fontaine            11  Cascade Christian             58.31\n"
    )
    meet = to_contract(parse_document(text.encode()))["meet"]
    assert (meet["name"], meet["date"]) == ("Willamette Valley Spring Shootout 2026", "2026-04-11")


LISTING = """Maple Run Dual
100 Meters Varsity - Boys
1
Owen Haskins
Maple Run
11.21
Yr: 11
2
Tyler Barlow
Elk Grove
11.40
Yr: 10
Grant Ingram
Elk Grove
DNS
Yr: 12
4x100 Relay Varsity - Boys
1
Maple Run
43.50
Owen Haskins, Cole Mercer, Dane Ashby, Reid Orr
2
Elk Grove
44.10
Tyler Barlow, Nolan Pruitt, Jace Upton, Silas Vickers
Shot Put Varsity - Girls
1
Macy Keller
Cedar Bluff
37' 5.5"
2
Cora Hollis
Glen Echo
34' 2.25"
2
Nora Yates
Pinecrest
34' 2.25"
4
Tessa Engel
Cedar Bluff
32' 7"
"""


def test_an_athletic_net_listings_non_finisher_relay_runners_and_a_tie():
    doc = to_contract(parse_document(LISTING.encode()))
    got = [
        (e["kind"], r["place"], r["athlete"] or r["team"], r["status"], len(r["relay_members"]))
        for e in doc["events"]
        for r in e["results"]
    ]
    assert got == [
        ("individual", 1, "Owen Haskins", None, 0),
        ("individual", 2, "Tyler Barlow", None, 0),
        ("individual", None, "Grant Ingram", "DNS", 0),
        ("relay", 1, "Maple Run", None, 4),
        ("relay", 2, "Elk Grove", None, 4),
        ("individual", 1, "Macy Keller", None, 0),
        ("individual", 2, "Cora Hollis", None, 0),
        ("individual", 2, "Nora Yates", None, 0),
        ("individual", 4, "Tessa Engel", None, 0),
    ]
