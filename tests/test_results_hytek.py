"""Hy-Tek Meet Manager text reports: columns from header words, rounds, relays, teams, pages."""

from __future__ import annotations

import pytest

from scraper.results import parse_document, to_contract

REPORT = """\
Licensed to Example Timing - Contractor License
                                        HY-TEK's Meet Manager 5/2/2019 09:14 PM
                    County Championships 2019 - 5/1/2019
                            Central High School
                                    Results

Event 5  Girls 100 Meter Dash
===================================================================================
    Name                    Year School                 Prelims  Wind H# Points
===================================================================================
Preliminaries
  1 Ava Stone                 12 Central                 12.41Q  +1.2  1
  2 Mia Lopez                 11 Westfield               12.55Q  -0.4  2
  3 Zoe Park                  10 Eastview                12.60q  +1.2  1
 -- Kim Ray                    9 Central                    DNS  +1.2  1

Event 5  Girls 100 Meter Dash
===================================================================================
    Name                    Year School                  Finals  Wind  Points
===================================================================================
Finals
  1 Ava Stone                 12 Central                 12.30R  +0.8    10    12.298
  2 Mia Lopez                 11 Westfield               12.30   +0.8     8    12.301
  3 Zoe Park                  10 Eastview                12.71   +0.8     6

Event 12  Boys 4x400 Meter Relay
================================================================================
    School                                               Seed     Finals  Points
================================================================================
  1 Central  'A'                                      3:30.00    3:27.41   10
     1) Sam Reed 12                     2) Leo Hart 11
     3) Max Cole 10                     4) Eli Nash 12
  2 Westfield  'A'                                    3:35.00    3:31.02    8
     1) Ben Ito 11                      2) Jon Fry 9
     3) Al Dunn 12                      4) Tim Ochoa 10
 -- Eastview  'A'                                     3:40.00         DQ
     1) Ray Cho 12                      2) Ned Barr 11
     3) Lou Pike 10                     4) Gus Tran 9

Licensed to Example Timing - Contractor License
                                        HY-TEK's Meet Manager 5/2/2019 09:14 PM
                    County Championships 2019 - 5/1/2019
                            Central High School
                                    Results
Event 20  Boys High Jump
================================================================================
    Name                    Year School                  Seed     Finals  Points
================================================================================
  1 Noah Bell                 12 Central              6-02.00    6-04.00   10
  2 Owen Diaz                 11 Westfield            5-10.00    6-00.00    7
  2 Finn Wolfe                10 Eastview             5-08.00    6-00.00    7
 -- Cal Moss                  11 Central              5-06.00         NH

Licensed to Example Timing - Contractor License
                                        HY-TEK's Meet Manager 5/2/2019 09:14 PM
                    County Championships 2019 - 5/1/2019
                                    Results
....Event 20  Boys High Jump
 -- Dean Ruiz                 10 Westfield                            NH

                    Women - Team Rankings - 2 Events Scored
===============================================================================
    1) Central                     28        2) Westfield                  16
    3) Eastview                     6
"""


@pytest.fixture(scope="module")
def doc():
    return to_contract(parse_document(REPORT.encode()))


def _event(doc, name, rnd=None):
    return next(
        e for e in doc["events"] if e["event_name"] == name and (rnd is None or e["round"] == rnd)
    )


def test_meet_line_and_venue(doc):
    assert doc["meet"] == {
        "name": "County Championships 2019",
        "date": "2019-05-01",
        "venue": "Central High School",
    }


def test_prelims_and_finals_are_two_sections(doc):
    prelims = _event(doc, "Girls 100 Meter Dash", "Prelims")
    finals = _event(doc, "Girls 100 Meter Dash", "Finals")
    assert prelims["gender"] == finals["gender"] == "F"
    assert [r["athlete"] for r in prelims["results"]] == [
        "Ava Stone",
        "Mia Lopez",
        "Zoe Park",
        "Kim Ray",
    ]
    assert [r["detail"].get("qualifier") for r in prelims["results"][:3]] == ["Q", "Q", "q"]
    assert prelims["results"][2]["wind"] == 1.2
    assert prelims["results"][1]["detail"]["heat"] == 2


def test_glued_record_flag_tiebreak_and_points(doc):
    first, second, third = _event(doc, "Girls 100 Meter Dash", "Finals")["results"]
    assert (first["mark"], first["mark_normalized"], first["detail"]["flags"]) == (
        "12.30R",
        12.3,
        ["R"],
    )
    assert first["detail"]["tiebreak"] == "12.298"
    assert second["detail"]["tiebreak"] == "12.301"
    assert (first["detail"]["points"], second["detail"]["points"]) == (10.0, 8.0)
    assert third["wind"] == 0.8
    assert first["team"] == "Central"
    assert first["year"] == "12"


def test_status_rows_have_no_place_and_no_value(doc):
    kim = _event(doc, "Girls 100 Meter Dash", "Prelims")["results"][3]
    assert (kim["place"], kim["status"], kim["mark_normalized"]) == (None, "DNS", None)


def test_relay_team_rows_and_legs(doc):
    relay = _event(doc, "Boys 4x400 Meter Relay")
    assert relay["kind"] == "relay"
    rows = relay["results"]
    assert [r["team"] for r in rows] == ["Central", "Westfield", "Eastview"]  # squads 'A' apart
    assert rows[0]["athlete"] is None
    assert [(m["leg"], m["athlete"], m["year"]) for m in rows[0]["relay_members"]] == [
        (1, "Sam Reed", "12"),
        (2, "Leo Hart", "11"),
        (3, "Max Cole", "10"),
        (4, "Eli Nash", "12"),
    ]
    assert rows[2]["status"] == "DQ"
    assert len(rows[2]["relay_members"]) == 4
    assert rows[0]["detail"]["seed_raw"] == "3:30.00"


def test_feet_inches_ties_and_page_continuation(doc):
    hj = [e for e in doc["events"] if e["event_name"] == "Boys High Jump"]
    assert len(hj) == 1  # '....Event 20' continues the event across the page break
    rows = hj[0]["results"]
    assert [r["place"] for r in rows] == [1, 2, 2, None, None]
    assert rows[0]["mark_normalized"] == pytest.approx(76 * 0.0254)
    assert rows[-1]["athlete"] == "Dean Ruiz"
    assert rows[-1]["status"] == "NM"


def test_team_rankings_two_columns(doc):
    teams = _event(doc, "Women - Team Rankings - 2 Events Scored")
    assert teams["kind"] == "team_scores"
    assert teams["gender"] == "F"
    assert [
        (r["place"], r["team"], r["mark_normalized"], r["mark_unit"]) for r in teams["results"]
    ] == [
        (1, "Central", 28.0, "points"),
        (2, "Westfield", 16.0, "points"),
        (3, "Eastview", 6.0, "points"),
    ]


def test_page_headers_make_no_rows(doc):
    names = [r["athlete"] or r["team"] for e in doc["events"] for r in e["results"]]
    assert not any("Licensed" in n or "Championships" in n for n in names)


def test_every_row_keeps_its_raw_line(doc):
    assert all(r["raw"] for e in doc["events"] for r in e["results"])
    assert "Noah Bell" in _event(doc, "Boys High Jump")["results"][0]["raw"]


METRIC_FIELD = """\
                    Open Meet - 18/1/2020
                                Results
  Event 103  Women Long Jump Open
=====================================================================
    Name                     Age Team                    Finals  Wind
=====================================================================
  1 #  167 Chandru, Bhavika   15 Singapore SP             4.98m  +0.0
     4.70m(+0.0) 4.98m(+0.0) 4.72m(-0.1) FOUL(+0.0) 4.80m(-1.8) 4.96m(+0.0)
  2 #  186 Lim, En Ning       18 Swift                    4.88m  -0.8
     4.68m(+0.0) 4.52m(-1.1) 3.84m(+0.0) 4.85m(+0.0) FOUL(-0.8) 4.88m(-0.8)
 -- #  188 Lee, Aidan         12 Swift                      DNS   NWI
"""


def test_bib_age_metric_marks_and_attempts_with_wind():
    doc = to_contract(parse_document(METRIC_FIELD.encode()))
    assert doc["meet"]["date"] == "2020-01-18"  # day first: 18 is no month
    rows = doc["events"][0]["results"]
    first = rows[0]
    assert (first["athlete"], first["year"], first["team"]) == (
        "Chandru, Bhavika",
        "15",
        "Singapore SP",
    )
    assert first["detail"]["bib"] == "167"
    assert (first["mark_normalized"], first["mark_unit"], first["wind"]) == (4.98, "m", 0.0)
    attempts = first["detail"]["attempts"]
    assert [(a["value"], a["wind"]) for a in attempts][:4] == [
        (4.7, 0.0),
        (4.98, 0.0),
        (4.72, -0.1),
        (None, 0.0),
    ]
    assert rows[2]["status"] == "DNS"
    assert rows[2]["wind"] is None
    assert rows[2]["detail"]["flags"] == ["NWI"]


XC = """\
                    Valley XC Invitational - 9/14/2024
                                Results

Event 2  Girls 5000 Meter Run CC Varsity
=======================================================================
    Name                    Year School                   Finals Points
=======================================================================
  1 Ana Ruiz                  11 Mountain Vista         18:02.10    1
  2 Bea Cole                  12 Summit                 18:15.40    2
  3 Cam Diaz                  10 Mountain Vista         18:20.00    3

                                  Team Scores
=================================================================================
Rank Team                    Total    1    2    3    4    5   *6   *7
=================================================================================
   1 Mountain Vista             38    1    3    8   10   16
      Total Time:  1:32:31.20
         Average:    18:30.24
   2 Summit                     52    2    6    9   15   20   21
"""


def test_cross_country_team_scores_table():
    doc = to_contract(parse_document(XC.encode()))
    indiv, teams = doc["events"]
    assert indiv["event_name"] == "Girls 5000 Meter Run CC Varsity"
    assert indiv["division"] == "Varsity"
    assert teams["kind"] == "team_scores"
    assert teams["gender"] == "F"  # the scores follow the girls' race
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in teams["results"]] == [
        (1, "Mountain Vista", 38.0),
        (2, "Summit", 52.0),
    ]
    assert teams["results"][0]["detail"]["scorers"][:2] == ["1", "3"]


COMBINED = """\
Event 9  Boys Decathlon
================================================================
    Name                    Year School                   Points
================================================================
  1 Max Hale                  12 Central                    6210
  2 Ty Ward                   11 Westfield                  5988
"""


def test_combined_events_points_are_the_result():
    rows = to_contract(parse_document(COMBINED.encode()))["events"][0]["results"]
    assert [(r["athlete"], r["mark_normalized"], r["mark_unit"]) for r in rows] == [
        ("Max Hale", 6210.0, "points"),
        ("Ty Ward", 5988.0, "points"),
    ]


MASTERS = """\
Event 40  Women Long Jump Masters
=====================================================================
    Name                    Age Team                     Finals  Wind
=====================================================================
  1 #25601 Wang, Mei         W6 CICADA                   1.95m  +0.0
  2 #43504 Tan, Eva         W36 INDIA                    4.05m  +0.0
  3 #45010 Poon, Fay        W51 SMTFA                    3.61m  +0.0
"""


@pytest.mark.parametrize(("position", "age"), [(0, "W6"), (1, "W36"), (2, "W51")])
def test_masters_age_printed_with_its_gender_letter_is_the_age(position, age):
    rows = to_contract(parse_document(MASTERS.encode()))["events"][0]["results"]
    assert rows[position]["year"] == age


TEAM_RANKINGS = """\
Licensed To: Example Athletics - Organization License Hy-Tek's MEET MANAGER 6:33 PM 18/1/2020 Page 1
                 County Championships 2020 - 11/1/2020 to 18/1/2020
                                 Home of Athletics
                        Team Rankings - Through Event 32
                               Female Team Scores
    Place      Team                                                Points
      1        NORTH VALLEY UNIVERSITY         NVU                   167
      2        RIVERSIDE POLYTECHNIC           RSP                    78
                                Male Team Scores
    Place      Team                                                Points
      1        RIVERSIDE POLYTECHNIC           RSP                   149

Event 5  Girls 100 Meter Dash
===================================================================================
    Name                    Year School                  Finals  Wind  Points
===================================================================================
  1 Ava Stone                 12 Central                 12.30   +0.8    10
"""


def test_team_rankings_page_without_rulers_gives_team_scores():
    doc = to_contract(parse_document(TEAM_RANKINGS.encode()))
    got = [
        (
            e["event_name"],
            e["gender"],
            [(r["place"], r["team"], r["mark_normalized"]) for r in e["results"]],
        )
        for e in doc["events"]
        if e["kind"] == "team_scores"
    ]
    assert got == [
        (
            "Female Team Scores",
            "F",
            [(1, "NORTH VALLEY UNIVERSITY", 167.0), (2, "RIVERSIDE POLYTECHNIC", 78.0)],
        ),
        ("Male Team Scores", "M", [(1, "RIVERSIDE POLYTECHNIC", 149.0)]),
    ]
    assert doc["events"][-1]["results"][0]["athlete"] == "Ava Stone"


def test_a_long_name_pushing_its_class_year_into_the_school_column():
    text = (
        "Event 3  Men 400 Meter Dash\n"
        "===================================================================\n"
        "    Name                    Year School                  Finals  Points\n"
        "===================================================================\n"
        "  1 BARRIOS-GONZALEZ, Juan Carlos SR Texas Tech          45.12   10\n"
        "  2 HOLLOWAY, Grant           JR Florida                 45.50    8\n"
    )
    doc = to_contract(parse_document(text.encode(), None, "results.txt"))
    assert [(r["athlete"], r["year"], r["team"]) for r in doc["events"][0]["results"]] == [
        ("BARRIOS-GONZALEZ, Juan Carlos", "SR", "Texas Tech"),
        ("HOLLOWAY, Grant", "JR", "Florida"),
    ]


@pytest.mark.parametrize(
    ("heading", "meet"),
    [
        # the meet's name over a 'venue - date' line
        (
            "                         Coastal League Championships\n"
            "                           Harbor Point HS - 5/3/2025\n",
            ("Coastal League Championships", "2025-05-03", "Harbor Point HS"),
        ),
        # a header without the date line
        (
            "                         Tri-County Relays 2025\n",
            ("Tri-County Relays 2025", None, None),
        ),
        # the date with its month's name
        (
            "                    Lakeshore Conference Championships - May 3, 2025\n",
            ("Lakeshore Conference Championships", "2025-05-03", None),
        ),
    ],
)
def test_the_meet_of_a_page_header_that_prints_its_name_apart(heading, meet):
    text = (
        "                    Licensed to Hy-Tek's MEET MANAGER  6:10 PM  5/03/2025  Page 3\n"
        f"{heading}"
        "                                    Results\n"
        "\n"
        "Event 21  Boys Long Jump\n"
        "=======================================================================\n"
        "    Name                    Year School                  Finals          Points\n"
        "=======================================================================\n"
        "  1 Sorensen, Dag             11 Gullhaven              21-04.00          10\n"
        "  2 Abara, Chidi              10 Seacliff               20-00.00           8\n"
    )
    doc = parse_document(text.encode(), None, "results.txt")
    assert (doc.meet.name, doc.meet.date, doc.meet.venue) == meet


def test_a_combined_events_total_is_points():
    text = (
        "Event 9  Women Pentathlon\n"
        "===================================================================\n"
        "    Name                    Year School                  Finals  Points\n"
        "===================================================================\n"
        "  1 Holm, Greta               SR Valley Tech             3712   10\n"
        "  2 Turnbull, Abby            JR Oak Ridge               3550    8\n"
    )
    doc = to_contract(parse_document(text.encode(), None, "results.txt"))
    assert [(r["mark_normalized"], r["mark_unit"]) for r in doc["events"][0]["results"]] == [
        (3712.0, "points"),
        (3550.0, "points"),
    ]


def test_a_school_printed_left_of_its_column_and_a_name_filling_its_line():
    text = (
        "Event 12  Women 3000 Meter Steeplechase\n"
        "===============================================================================\n"
        "    Name                    Year School                                 Finals\n"
        "===============================================================================\n"
        "  1 Van der Westhuizen-Smith, Anneliese\n"
        "                              JR University of North Carolina Wilmington 10:12.44\n"
        "  2 Okoro, Blessing           SO College of Charleston                  10:18.90\n"
        "  3 Pham, Linh                FR Campbell University                    10:31.66\n"
    )
    doc = to_contract(parse_document(text.encode(), None, "results.txt"))
    assert [(r["place"], r["athlete"], r["year"], r["team"], r["mark_normalized"])
            for r in doc["events"][0]["results"]] == [  # fmt: skip
        (1, "Van der Westhuizen-Smith, Anneliese", "JR",
         "University of North Carolina Wilmington", 612.44),
        (2, "Okoro, Blessing", "SO", "College of Charleston", 618.9),
        (3, "Pham, Linh", "FR", "Campbell University", 631.66),
    ]  # fmt: skip


def test_a_column_header_before_any_events_line_is_no_crash():
    doc = parse_document(b"Name Year\n==========\nEvent 1 B", None, "results.txt")
    assert doc.events == []


def test_places_set_right_under_the_name_header_are_places_not_part_of_the_name():
    text = (
        "Event 1  Girls 5000 Meter Run CC Varsity\n"
        "================================================================\n"
        "    Name                    Year School                  Finals\n"
        "================================================================\n"
        "    9 Hargrove, Naomi          10 Sprague                 18:32.58\n"
        "   10 Reyes, Vera              12 Sprague                 20:06.80\n"
    )
    doc = to_contract(parse_document(text.encode(), None, "results.txt"))
    assert [(r["place"], r["athlete"]) for r in doc["events"][0]["results"]] == [
        (9, "Hargrove, Naomi"),
        (10, "Reyes, Vera"),
    ]


def test_the_finals_wind_is_not_the_preliminaries_on_the_same_sheet():
    sheet = (
        "Event 12  Boys 100 Meter Dash\n"
        "==================================================================================\n"
        "    Name                    Year School                 Prelims    Finals  H# Points\n"
        "==================================================================================\n"
        "Finals  Wind: +2.4\n"
        "  1 Abernethy, Emory         11 Copper Basin            11.33q     10.54   1   10\n"
        "  2 Farnsworth, Kellen        9 Osprey Ridge            11.02q     10.57   1    8\n"
        "Preliminaries\n"
        "  1 Mabry, Wells             10 Hawthorne Prep          10.92q              1\n"
        "  2 Sizemore, Beau           10 Elk Meadow              11.15q              1\n"
    )
    out = to_contract(parse_document(sheet.encode(), None, "hytek.txt"))
    got = [(e["round"], [r["wind"] for r in e["results"]]) for e in out["events"]]
    assert got == [("Finals", [2.4, 2.4]), ("Prelims", [None, None])]


def test_a_field_event_printed_in_both_units_and_its_status_rows_left_of_the_column():
    # the metric mark left of 'Finals' had been read into the school, and the FOUL / ND rows
    # (their status there too) lost
    text = (
        "Licensed to Test HS              HY-TEK's MEET MANAGER 8.0 - 7:48 PM  5/6/2023    Page 1\n"
        "                       Test County Championships - 5/6/2023\n"
        "                                            Results\n\n"
        "Event 21  Boys Long Jump\n"
        "================================================================================\n"
        "    Name                    Year School                 Finals    Wind\n"
        "================================================================================\n"
        "Finals\n"
        "  1 Barlow, Dan             11   Oak Grove     6.45m  21-02.00    +1.2\n"
        "  2 Coleman, Ed             11   Pinecrest     6.10m  20-00.25    +0.4\n"
        " -- Dunbar, Fred            11   Oak Grove      FOUL\n"
        " -- Ellison, Gus            11   Riverbend        ND\n"
    )
    (ev,) = to_contract(parse_document(text.encode(), None, "results.txt"))["events"]
    got = [(r["place"], r["team"], r["mark"], r["status"], r["wind"]) for r in ev["results"]]
    assert got == [
        (1, "Oak Grove", "21-02.00", None, 1.2),
        (2, "Pinecrest", "20-00.25", None, 0.4),
        (None, "Oak Grove", "FOUL", "NM", None),
        (None, "Riverbend", "ND", "NM", None),
    ]
    assert ev["results"][0]["detail"]["mark_2"] == "6.45m"


def test_a_status_set_right_of_a_points_column_is_the_rows_status():
    # a decathlete who did not finish: 'DNF' printed past the end of 'Points' had dropped him
    text = (
        "Event 23  Men Decathlon\n"
        "==============================================================================\n"
        "    Name                    Year School                           Points\n"
        "==============================================================================\n"
        "   1 Hadley, Tobin           FR  Ravensholm Tech                  7046\n"
        "        100m       11.07 (+0.0)    739\n"
        "  -- Wetherell, Ivo          JR  Ravensholm Tech                     DNF\n"
        "        100m       11.31            744\n"
    )
    doc = to_contract(parse_document(text.encode(), None, "results.txt"))
    got = [(r["place"], r["athlete"], r["mark"], r["status"]) for r in doc["events"][0]["results"]]
    assert got == [(1, "Hadley, Tobin", "7046", None), (None, "Wetherell, Ivo", "DNF", "DNF")]


def test_the_meets_name_over_its_venue_and_date_with_the_page_number_beside_it():
    # 'Page 1' at the end of the meet's line had hidden it: the venue's line became the name
    text = (
        "Greyfield Relays and Open                                   Page 1\n"
        "Hollins Park - 5/16/2026\n"
        "                               Results\n\n"
        "Event 12  Boys 1600 Meter Run\n"
        "================================================================\n"
        "    Name                    Year School                  Finals\n"
        "================================================================\n"
        "   1 Upcott, Ivo             11 Greyfield HS              4:22.10\n"
        "   2 Rudge, Theo             12 Jessop Prep               4:25.87\n"
    )
    meet = to_contract(parse_document(text.encode(), None, "results.txt"))["meet"]
    assert (meet["name"], meet["venue"], meet["date"]) == (
        "Greyfield Relays and Open",
        "Hollins Park",
        "2026-05-16",
    )


def test_a_relays_alternates_are_no_legs():
    # '5) Ocampo, Luis 9  6) Ridley, Sam 11' under a 4x400 had been its legs 5 and 6
    text = (
        "Event 18  Boys 4x400 Meter Relay\n"
        "==============================================================================\n"
        "    School                                               Finals  Points\n"
        "==============================================================================\n"
        "  1 Ridgeview  'A'                                       3:24.97    10\n"
        "     1) Dolan, Marcus 12              2) Pruitt, Caden 11\n"
        "     3) Hensley, Jamal 12             4) Varga, Tobin 10\n"
        "     5) Ocampo, Luis 9                6) Ridley, Sam 11\n"
    )
    [row] = to_contract(parse_document(text.encode(), None, "r.txt"))["events"][0]["results"]
    assert [m["leg"] for m in row["relay_members"]] == [1, 2, 3, 4]
    assert row["detail"]["alternates"] == ["Ocampo, Luis", "Ridley, Sam"]


HEPTATHLON = """                   Coastal Conference Multi-Events Championships - 4/25/2025
                                            Results

Event 31  Women Heptathlon
============================================================================================
    Name                    Year School                                   Points  Score
============================================================================================
  1 Honora Mossop             JR North Pryor                            5,510
     15.40 (-1.6)    1.77m           13.44m          24.76 (+1.5)    5.81m (+2.2)
  2 Junia Okonkwo-Bray        FR Rushmere                               5,466
     13.77 (-0.5)    1.62m           11.13m          25.90 (+0.2)    6.00m (-0.6)
 -- Brielle Rathbone          SR Wardell College                          DNF
"""


def test_a_combined_events_total_printed_with_its_thousands_separator():
    rows = to_contract(parse_document(HEPTATHLON.encode(), None, "h.txt"))["events"][0]["results"]
    assert [(r["athlete"], r["team"], r["mark_normalized"], r["status"]) for r in rows] == [
        ("Honora Mossop", "North Pryor", 5510.0, None),
        ("Junia Okonkwo-Bray", "Rushmere", 5466.0, None),
        ("Brielle Rathbone", "Wardell College", None, "DNF"),
    ]


def test_a_pdfs_report_without_its_rulers_keeps_its_rounds():
    """A Hy-Tek PDF draws its '=====' rules as lines: its text has none. The round's own line
    under the column header ('Preliminaries') is still the round of the rows under it."""
    text = "\n".join(line for line in REPORT.splitlines() if not line.startswith("====="))
    events = to_contract(parse_document(text.encode()))["events"]
    dash = [e for e in events if e["event_name"].endswith("100 Meter Dash")]
    assert [(e["round"], len(e["results"])) for e in dash] == [("Prelims", 4), ("Finals", 3)]


LEFT_COLUMN = [
    "Event 1  Girls 100 Meter Dash",
    "===================================",
    "Finals  Wind: +1.4",
    "    Name              Yr School    Finals",
    "===================================",
    "  1 Mercado, Priya       9 Brendan    12.18",
    "  2 Whitlock, Maeve      9 Eastbrook  12.22",
    "  3 Dunmore, Hazel       9 Linwood    12.25",
    "  4 Northcott, Kenna    12 Eastbrook  12.25",
    "  5 Okonkwo, Rhea       10 Oak Hill   12.29",
    " -- Fenwick, Marisol     9 Grafton      DNS",
    "",
    "Event 5  Girls 4x100 Meter Relay",
    "===================================",
    "    School               Finals",
]
RIGHT_COLUMN = [  # the relay's table runs on at the top of the right column
    "===================================",
    "  1 Eastbrook      'A'       49.43",
    "  2 St. Brendan    'A'       49.51",
    "  3 Cedar Ridge    'A'       49.61",
    "Event 6  Boys Shot Put",
    "===================================",
    "    Name           Yr School  Finals",
    "===================================",
    "  1 Dunmore, Ezra   9 Grafton 51-08.00",
    "  2 Kettering, Cu  11 Grafton 48-09.00",
]
TWO_COLUMNS = (  # Meet Manager's 'two column' print
    "Test HS              Hy-Tek's MEET MANAGER 8.0 - 6:42 PM    4/12/2025 Page 1\n"
    "                       Test Invitational - 4/12/2025\n"
    "                                 Results\n\n"
) + "\n".join(
    f"{left:<54}{right}".rstrip()
    for left, right in zip(
        LEFT_COLUMN + [""] * (len(RIGHT_COLUMN) - len(LEFT_COLUMN)),
        RIGHT_COLUMN + [""] * (len(LEFT_COLUMN) - len(RIGHT_COLUMN)),
        strict=True,
    )
)


def test_a_page_printed_in_two_columns_reads_the_left_then_the_right():
    doc = to_contract(parse_document(TWO_COLUMNS.encode(), None, "results.txt"))
    got = [
        (
            e["event_name"],
            [(r["place"], r["athlete"] or r["team"], r["mark"]) for r in e["results"]],
        )
        for e in doc["events"]
    ]
    assert got == [
        (
            "Girls 100 Meter Dash",
            [
                (1, "Mercado, Priya", "12.18"),
                (2, "Whitlock, Maeve", "12.22"),
                (3, "Dunmore, Hazel", "12.25"),
                (4, "Northcott, Kenna", "12.25"),
                (5, "Okonkwo, Rhea", "12.29"),
                (None, "Fenwick, Marisol", "DNS"),
            ],
        ),
        (
            "Girls 4x100 Meter Relay",
            [(1, "Eastbrook", "49.43"), (2, "St. Brendan", "49.51"), (3, "Cedar Ridge", "49.61")],
        ),
        ("Boys Shot Put", [(1, "Dunmore, Ezra", "51-08.00"), (2, "Kettering, Cu", "48-09.00")]),
    ]


def test_a_wind_printed_over_the_column_header_is_the_rows_wind():
    text = "\n".join(LEFT_COLUMN[:11])  # 'Finals  Wind: +1.4' between the rulers
    doc = to_contract(parse_document(text.encode(), None, "results.txt"))
    assert [r["wind"] for r in doc["events"][0]["results"]] == [1.4] * 6  # (as every row's)


@pytest.mark.parametrize(
    ("past", "mark"),
    [
        ("49.43", "49.43"),  # a time a few places right of its 'Finals' (a PDF's drift)
        ("3:50.69", "3:50.69"),
        ("DQ", "DQ"),
        ("12", None),  # a bare number there is points, not the relay's time
    ],
)
def test_a_mark_set_off_past_its_column_is_the_rows_mark(past, mark):
    text = (
        "Event 8  Boys 4x400 Meter Relay\n"
        "===================================\n"
        "    School               Finals\n"
        "===================================\n"
        f"  1 Riverbend      'A'             {past}\n"
    )
    doc = to_contract(parse_document(text.encode(), None, "results.txt"))
    assert [r["mark"] for e in doc["events"] for r in e["results"]] == [mark]
