"""Layout kinds the text readers are taught beyond column headers, each on a small made-up
document (the shapes come from real families: a table pasted one cell per line, field-event
attempt lines, two tables side by side; no real document is copied)."""

from __future__ import annotations

from typing import Any

import pytest

from scraper.results import parse_document, to_contract
from scraper.results.align import Tok
from scraper.results.linetokens import split_glued


def parse(text: str) -> dict[str, Any]:
    return to_contract(parse_document(text.encode(), None, "doc.txt"))


def rows(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (r["place"], r["athlete"], r["team"], r["year"], r["mark_normalized"])
        for e in doc["events"]
        for r in e["results"]
    ]


def _stacked(records: list[list[str]]) -> str:
    return "\n".join(cell for record in records for cell in record) + "\n"


# place, name, class, team, pace, time, team score (blank: the runner does not score)
STACKED = [
    ["1", "Moss, Ann", "SR-4", "Ridge", "5:04.7", "25:14.8", "1"],
    ["2", "Lund, Bea", "JR-3", "Lake", "5:06.5", "25:23.7", "2"],
    ["3", "Dahl  , Cy", "JR-3", "Ridge", "5:07.2", "25:27.3", "3"],
    ["4", "Fox, Di", "SO-2", "Hill", "5:07.9", "25:30.8", " "],
    ["5", "Gray, Eve", "FR-1", "Lake", "5:08.8", "25:35.2", "4"],
]


def test_a_table_pasted_one_cell_per_line_is_read_by_its_period_and_column_shapes():
    doc = parse(_stacked(STACKED))
    assert doc["format"] == "stacked"
    assert rows(doc) == [
        (1, "Moss, Ann", "Ridge", "SR-4", 1514.8),
        (2, "Lund, Bea", "Lake", "JR-3", 1523.7),
        (3, "Dahl, Cy", "Ridge", "JR-3", 1527.3),
        (4, "Fox, Di", "Hill", "SO-2", 1530.8),
        (5, "Gray, Eve", "Lake", "FR-1", 1535.2),
    ]
    first = doc["events"][0]["results"][0]
    assert first["detail"]["pace"] == "5:04.7"  # time / pace is one distance down the table
    assert first["detail"]["points"] == 1.0
    assert "points" not in doc["events"][0]["results"][3]["detail"]  # a blank cell
    assert first["raw"] == STACKED[0]  # the record's lines, every one


def test_pasted_races_one_after_the_other_are_sections_under_their_titles():
    text = "Men 8k\n" + _stacked(STACKED[:3]) + "Women 6k\n" + _stacked(STACKED[:2])
    doc = parse(text)
    assert [(e["event_name"], e["gender"], len(e["results"])) for e in doc["events"]] == [
        ("Men 8k", "M", 3),
        ("Women 6k", "F", 2),
    ]


def test_a_non_finisher_after_the_placed_its_place_cell_blank():
    header = ["PL", "NAME", "TEAM", "TIME"]
    records = [
        ["1", "Hughes, Jane", "Oregon State", "2:05.43"],
        ["2", "de Jong, Fleur", "Portland", "2:06.18"],
        ["3", "Orr, Aisling", "Gonzaga", "2:07.77"],
        ["", "McKay, Tessa", "Portland", "DNF"],
    ]
    doc = parse("Women 800 Meters\n" + _stacked([header, *records]))
    assert [(r["place"], r["athlete"], r["status"]) for r in doc["events"][0]["results"]] == [
        (1, "Hughes, Jane", None),
        (2, "de Jong, Fleur", None),
        (3, "Orr, Aisling", None),
        (None, "McKay, Tessa", "DNF"),
    ]


def test_a_header_printed_one_word_per_line_names_the_columns():
    header = ["Pl", "Bib", "Name", "Team", "Time"]
    records = [
        ["1", "101", "Moss, Ann", "Ridge", "18:30.1"],
        ["2", "102", "Lund, Bea", "Lake", "18:40.2"],
        ["3", "103", "Dahl, Cy", "Ridge", "18:50.3"],
    ]
    doc = parse(_stacked([header, *records]))
    got = doc["events"][0]["results"]
    assert [(r["place"], r["athlete"], r["detail"]["bib"]) for r in got] == [
        (1, "Moss, Ann", "101"),
        (2, "Lund, Bea", "102"),
        (3, "Dahl, Cy", "103"),
    ]


def test_small_tables_each_under_its_own_header_are_read_as_tables():
    # a federation's meet page pasted: every event its title, its header, one to three records
    header = ["PLASSERING", "RESULTAT", "NAVN", "KLUBB"]
    text = "STEVNE:\nVintertreff\nDATO:\n14.11.2021\nMenn Senior\nHøyde uten tilløp\n"
    text += _stacked([header, ["1", "1,55", "Ola Berg(1988)", "Fana IL"]])
    text += "Jenter 14\nLengde uten tilløp\n"
    text += _stacked(
        [
            header,
            ["1", "2,41", "Kari Lie(2007)", "Os IL"],
            ["2", "2,30", "Siv Moe(2007)", "Fana IL"],
        ]
    )
    doc = parse(text)
    assert [(e["event_name"], len(e["results"])) for e in doc["events"]] == [
        ("Høyde uten tilløp", 1),
        ("Lengde uten tilløp", 2),
    ]
    assert rows(doc) == [
        (1, "Ola Berg", "Fana IL", "1988", 1.55),
        (1, "Kari Lie", "Os IL", "2007", 2.41),
        (2, "Siv Moe", "Fana IL", "2007", 2.30),
    ]


def test_a_pasted_header_is_read_as_a_tables_first_and_last_name_columns():
    header = ["Position", "Time", "Race No", "First Name", "Surname", "Gender", "Club"]
    records = [
        ["1", "36:02", "41", "Tom", "Reed", "M", "Ashby AC"],
        ["2", "36:40", "17", "Ann", "Cole", "F", "Unattached"],
        ["3", "37:15", "88", "Raj", "Patel", "M", "Ashby AC"],
    ]
    doc = parse("Results\n2019\n" + _stacked([header, *records]))
    assert [(r[1], r[2]) for r in rows(doc)] == [
        ("Tom Reed", "Ashby AC"),
        ("Ann Cole", "Unattached"),
        ("Raj Patel", "Ashby AC"),
    ]
    assert doc["events"][0]["results"][0]["detail"]["bib"] == "41"


def test_places_tied_with_an_equals_sign_keep_the_table_whole():
    # '2=' '2=' then 4: a tie of two, the next place skipped
    records = [["1", "Lund, Bea", "Lake", "17:01"], ["2=", "Moss, Ann", "Ridge", "17:09"]]
    records += [["2=", "Dahl, Cy", "Hill", "17:09"], ["4", "Fox, Di", "Lake", "17:20"]]
    records += [["5", "Gray, Eve", "Ridge", "17:31"]]
    doc = parse(_stacked([["Pos", "Name", "Club", "Time"], *records]))
    assert len(doc["events"]) == 1
    assert [r[0] for r in rows(doc)] == [1, 2, 2, 4, 5]


def test_a_pasted_team_score_table_is_team_scores():
    text = "Women's 60 Meters Final\n" + _stacked(
        [["PL", "NAME", "YEAR", "TEAM", "TIME"], ["1", "Quist, Ada", "SO-2", "Bell", "7.58"]]
        + [["2", "Norr, Tea", "JR-3", "Carr", "7.64"], ["3", "Ives, Wil", "FR-1", "Dane", "7.71"]]
    )
    text += "Women's Team Scores\n" + _stacked(
        [["PL", "TEAM", "SCORE"], ["1", "Bell", "10"], ["2", "Carr", "8"], ["3", "Dane", "6"]]
    )
    doc = parse(text)
    assert [(e["event_name"], e["kind"]) for e in doc["events"]] == [
        ("Women's 60 Meters Final", "individual"),
        ("Women's Team Scores", "team_scores"),
    ]
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in doc["events"][1]["results"]] == [
        (1, "Bell", 10.0),
        (2, "Carr", 8.0),
        (3, "Dane", 6.0),
    ]


def test_pasted_tables_of_different_record_lengths_each_read_by_their_own():
    # a race (6 cells: its heat place last) and a throw (7: the mark in feet, then the flight)
    race = [
        [str(k), f"Runner{k}, Al", "SO-2", "Bayshore" if k % 2 else "Ridge", f"6.{70 + k}", "1(1)"]
        for k in range(1, 5)
    ]
    throw = [
        [str(k), f"Thrower{k}, Bo", "JR-3", "Lake", f"{21 - k}.50m", f"{69 - 3 * k}-03.00", "1"]
        for k in range(1, 5)
    ]
    text = "Men's 60 Meters\n" + _stacked(race) + "\nWomen's Weight Throw\n" + _stacked(throw)
    events = parse(text)["events"]
    assert [(e["event_name"], len(e["results"])) for e in events] == [
        ("Men's 60 Meters", 4),
        ("Women's Weight Throw", 4),
    ]
    throws = events[1]["results"]
    assert [(r["place"], r["mark_normalized"]) for r in throws] == [
        (1, 20.5),
        (2, 19.5),
        (3, 18.5),
        (4, 17.5),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Lap 1\n2\n3\nWelcome\nSee you next year\n4\n5\n",  # numbers, no records
        _stacked(STACKED[:2]),  # two records are no table
    ],
)
def test_a_few_numbers_one_per_line_are_no_table(text):
    assert parse(text)["events"] == []


VERTICAL = """\
Women High Jump
                          TEMPERATURE     HUMIDITY      CONDITIONS
                             21 °           60%           CLOUDY
Records
   Meet       Ada Stone - Ridge         1.91m         2011
Pl Name                  Affiliation     1.60 1.65 1.70 1.75 Result
   1  Bea PAGE      SR   RIDGE           O    XO   O    XXX  1.70m    PB
   -                                                         5-07
   2  Cleo ROSS     JR   LAKE            O    O    XXX       1.65m
   -                                                         5-05
  NH  Di FOX        SO   HILL            XXX                 NH
   -
"""


def test_a_vertical_jump_its_heights_as_columns_and_the_imperial_line_under_each_row():
    doc = parse(VERTICAL)
    (ev,) = doc["events"]
    assert (ev["event_name"], ev["gender"]) == ("Women High Jump", "F")  # no weather, no record
    assert rows(doc) == [
        (1, "Bea PAGE", "RIDGE", "SR", 1.7),  # the class after the name is the class
        (2, "Cleo ROSS", "LAKE", "JR", 1.65),
        (None, "Di FOX", "HILL", "SO", None),
    ]
    first = ev["results"][0]
    assert [(a["value"], a["raw"]) for a in first["detail"]["attempts"]] == [
        (1.6, "O"),
        (1.65, "XO"),
        (1.7, "O"),
        (1.75, "XXX"),
    ]
    assert first["detail"]["flags"] == ["PB"]
    assert first["detail"]["mark_2"] == "5-07"  # the same height in feet and inches
    assert (
        first["raw"][1].strip() == "-                                                         5-07"
    )
    assert ev["results"][2]["status"] == "NM"
    assert doc["meet"]["name"] is None  # a record line names no meet


SPLITS = """\
                      DIAMOND GAMES
                        Rome (ITA)
                      6th June 2019
     1500m Women
     Rank Name                         Nat        Result   Time Behind
        1  STONE Ada                   ETH        3:56.28             WL
              14.7  (2)    30.3  (3)    46.4  (3)
        2  PAGE Bea                    GBR        3:56.73     0.45    SB
              15.3 (11)    31.7 (13)    47.6 (12)
                      DIAMOND GAMES
                        Rome (ITA)
                      6th June 2019
     1500m Women
     Rank Name                         Nat        Result   Time Behind
        3  ROSS Cleo                   ETH        3:59.96     3.68
              14.8  (4)    30.6  (4)    46.6  (4)
           FOX Dee                     BLR          DNF
"""


def test_race_analysis_splits_belong_to_their_row_and_a_page_repeats_the_heading():
    doc = parse(SPLITS)
    (ev,) = doc["events"]  # page 2 continues the race: its date line is no row
    assert ev["event_name"] == "1500m Women"
    assert [(r["place"], r["athlete"], r["status"]) for r in ev["results"]] == [
        (1, "STONE Ada", None),
        (2, "PAGE Bea", None),
        (3, "ROSS Cleo", None),
        (None, "FOX Dee", "DNF"),  # no place, a status: still a row
    ]
    assert ev["results"][0]["detail"]["splits"] == ["14.7", "30.3", "46.4"]
    assert ev["results"][0]["detail"]["flags"] == ["WL"]
    assert doc["meet"]["date"] == "2019-06-06"


TEAM_SCORES_NO_HEADER = """\
                 Women Team Scores
                8 of 21 Events Scored
     1   Ridge State              39
     2   Lake                     37
     3   NC Hill                  34
      -  Glen                     0
"""


def test_team_scores_under_their_title_without_a_header():
    (ev,) = parse(TEAM_SCORES_NO_HEADER)["events"]
    assert ev["kind"] == "team_scores"
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in ev["results"]] == [
        (1, "Ridge State", 39.0),
        (2, "Lake", 37.0),
        (3, "NC Hill", 34.0),  # a team whose name starts with a state code
        (None, "Glen", 0.0),
    ]


SIDE_BY_SIDE = """\
Team Results

Medium Schools
Girls                                     Boys
Pos     School                   Points   Pos      School                  Points
1       Ridge                    46       1        Lake                    39.5
2       Lake                     38       2        Ridge                   33
3       Hill                     32       3        Hill                    31
                                          4        Glen                    29

Relay Results
Medium Schools
Girls U/8
Pos Team/School      Time
1   Ridge            68.62
2   Lake             68.90
Boys U/8
Pos Team/School      Time
1   Lake             66.19
2   Hill             67.72
"""


def test_two_tables_side_by_side_are_two_sections_and_a_heading_stays_over_its_races():
    doc = parse(SIDE_BY_SIDE)
    sections = [(e["event_name"], e["gender"], e["kind"], len(e["results"])) for e in doc["events"]]
    assert sections == [
        ("Medium Schools - Girls", "F", "team_scores", 3),
        ("Medium Schools - Boys", "M", "team_scores", 4),
        ("Medium Schools - Girls U/8", "F", "relay", 2),
        ("Medium Schools - Boys U/8", "M", "relay", 2),
    ]
    boys = doc["events"][1]["results"]
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in boys][::3] == [
        (1, "Lake", 39.5),
        (4, "Glen", 29.0),
    ]
    assert boys[0]["raw"].strip() == "1        Lake                    39.5"  # its half of the line


def test_a_gender_heading_under_standings_is_not_named_after_the_meets_own_title():
    text = (
        "Pennine Fell & Cross Country League 2024/25\n"
        "Fixture 4 - Soyland Moor - 11/01/2025\n\n"
        "LEAGUE STANDINGS AFTER 4 FIXTURES\n\n"
        "                 WOMEN                                           MEN\n"
        "Pos  Club                         Pts          Pos  Club                         Pts\n"
        "1    Calder Valley AC             548          1    Aire Valley Runners          551\n"
        "2    Tynedale Harriers            520          2    Kettering Town Harriers      534\n"
    )
    doc = parse(text)
    assert doc["meet"]["name"] == "Pennine Fell & Cross Country League 2024/25"
    assert [(e["event_name"], e["gender"], len(e["results"])) for e in doc["events"]] == [
        ("LEAGUE STANDINGS AFTER 4 FIXTURES - WOMEN", "F", 2),
        ("LEAGUE STANDINGS AFTER 4 FIXTURES - MEN", "M", 2),
    ]


AWARD_LISTS = """\
TOP 10 IN AGE GROUP 80 AND OVER FEMALES       -               RIDGE 5K
PLACE    TIME   BIB# NAME                     CITY/STATE            M/F AGE PACE
** NO FINISHERS IN THIS AGE GROUP

>>> >>>>RIDGE RESIDENTS<<<< <<<

CODE  OVERALL         RUNNER LAST         FIRST      MILE       CAT.
PLACE PLACE   TIME    NUMBER NAME         NAME       PACE       PLACE
-----------------------------------------------------------------------
    1    1    17:17.3  0038  STONE        ADA        05:34         1
    2    5    17:54.6  0213  PAGE         BEA        05:46         3

+----------------------- TEAM RANKING -------------------------+
    CAT PLACE TEAM#  TEAM NAME                            TEAM SCORE
             1..  3 Stone FAMILY                              1:08:49.1
             2..  6 Page FAMILY                               1:15:31.5
"""


def test_award_lists_first_and_last_name_columns_under_a_two_line_header():
    doc = parse(AWARD_LISTS)
    residents, teams = doc["events"]
    assert residents["event_name"] == "RIDGE RESIDENTS"  # not the empty age group above
    got = [(r["place"], r["athlete"], r["mark"], r["detail"]["bib"]) for r in residents["results"]]
    assert got == [(1, "ADA STONE", "17:17.3", "0038"), (2, "BEA PAGE", "17:54.6", "0213")]
    assert residents["results"][1]["detail"]["overall"] == "5"  # the place in the whole race
    assert residents["results"][1]["detail"]["pace"] == "05:46"  # 'MILE' over 'PACE'
    assert teams["kind"] == "team_scores"
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in teams["results"]] == [
        (1, "Stone FAMILY", 4129.1),  # a team score that is a time
        (2, "Page FAMILY", 4531.5),
    ]


def _team_block(place: int, points: int, team: str, runners: int) -> list[str]:
    lines = [f"  {place}.    {points}  {team:<30}(  26:11.9  2:10:59.5)", "=" * 50]
    for k in range(1, runners + 1):
        lines.append(f"  {k}      {place * 10 + k}  Runner {team[0]}{k} SR{' ' * 20}26:{k:02d}.1")
    return lines


TEAMS_THEN_INDIVIDUALS = "\n".join(
    [
        "                 Ridge XC Championships - Men's 8km",
        "                                TEAM SCORES",
        *_team_block(1, 34, "Olaf College", 2),
        *_team_block(2, 96, "Lake University", 3),
        *_team_block(3, 99, "Hill College", 1),  # team 3 after three runners of team 2
        "",
        "              INDIVIDUAL RESULTS (TmPl = Team Scoring Place)",
        "Place TmPl Name                    Class Team                                Finish",
        "Pace",
        "===== ==== ======================= ===== =================================== =======",
        "    1    1 Ann Moss                   SR Olaf College                       25:36.1",
        " 5:09",
        "    2    2 Bea Lund                   SR Lake University                    25:44.6",
        " 5:11",
    ]
)


def test_team_blocks_with_their_runners_then_the_individual_results_under_their_header():
    teams, individuals = parse(TEAMS_THEN_INDIVIDUALS)["events"]
    assert teams["kind"] == "team_scores"
    assert [(r["place"], r["team"], len(r["raw"])) for r in teams["results"]] == [
        (1, "Olaf College", 3),  # the team line and its runners
        (2, "Lake University", 4),
        (3, "Hill College", 2),
    ]
    assert individuals["kind"] == "individual"
    assert individuals["gender"] == "M"  # the race named above, not 'INDIVIDUAL RESULTS (...)'
    assert [(r["place"], r["athlete"], r["detail"]["pace"]) for r in individuals["results"]] == [
        (1, "Ann Moss", "5:09"),  # the header wrapped 'Pace' onto its own line: so do rows
        (2, "Bea Lund", "5:11"),
    ]


CLUB_SHEET = """Kreismeisterschaften 2025
{heading}
Wind: +1,2
1.Max MUSTERMANN      1998  LG Nord          10,45
2.Hans MEIER          2000  TV Süd           10,52
3.Karl SCHMIDT        1999  SC Ost           10,61

Kugelstoß Frauen
1.Anna BERGER         1995  LG Nord          15,23
2.Lisa KLEIN          1997  TSV West         14,80
"""


@pytest.mark.parametrize(
    ("heading", "round_"),
    [
        ("100 m Männer", "Finals"),
        ("100 m Männer Finale", "Finals"),
        ("100 m Men Final", "Finals"),
        ("100 m Männer Vorlauf", "Heats"),
        ("100m Männer - Zeitvorläufe", "Heats"),  # timed heats
        ("100m Männer - Zeitläufe", "Finals"),  # a final run in heats
        ("100 m mężczyzn - przedbiegi", "Heats"),  # Polish
        ("100m Heren - Reeksen", "Heats"),  # Dutch
        ("100m Men Prelims", "Prelims"),
    ],
)
def test_a_short_event_heading_naming_its_round_names_the_event(heading: str, round_: str):
    # a line of only a round ('Prelims') sets the round; a short event heading with a round word
    # in it is still the event's name, and the wind printed under it is its rows' wind
    doc = parse(CLUB_SHEET.format(heading=heading))
    sprint, shot = doc["events"]
    assert (sprint["event_name"], sprint["gender"], sprint["round"]) == (heading, "M", round_)
    assert [r["wind"] for r in sprint["results"]] == [1.2, 1.2, 1.2]
    assert [r["athlete"] for r in sprint["results"]][0] == "Max MUSTERMANN"
    assert (shot["event_name"], shot["gender"]) == ("Kugelstoß Frauen", "F")
    assert [r["wind"] for r in shot["results"]] == [None, None]


def test_a_birth_year_in_brackets_and_a_wind_in_brackets_are_read_apart():
    doc = parse(
        "Men Long Jump\n"
        "1. Max Muster (1998)  LG Nord   7,45 (+1,2)\n"
        "2. Tom Klein (2001)   TV Süd    7,12 (-0,4)\n"
        "3. Ole Berg (1995)    SC Ost    6,98 (+0,3)\n"
    )
    assert rows(doc) == [
        (1, "Max Muster", "LG Nord", "1998", 7.45),
        (2, "Tom Klein", "TV Süd", "2001", 7.12),
        (3, "Ole Berg", "SC Ost", "1995", 6.98),
    ]
    assert [r["wind"] for r in doc["events"][0]["results"]] == [1.2, -0.4, 0.3]


def test_an_unplaced_runner_after_the_placed_ones_is_a_row_and_a_class_letter_no_year():
    doc = parse(
        "Stadtmeisterschaften 2016\n\n800m Männer\n"
        "1 Moritz Fischer      M30  LG Nord        2,03,45\n"
        "2 Paul Richter        M    TV Süd         2,05,12\n"
        "3 Lukas Neumann       M35  LG Nord        2,11,90\n"
        "  Felix Braun         M40  TV Süd         DNF\n"
    )
    assert doc["meet"]["name"] == "Stadtmeisterschaften 2016"
    results = doc["events"][0]["results"]
    assert [(r["place"], r["athlete"], r["year"], r["status"]) for r in results] == [
        (1, "Moritz Fischer", None, None),
        (2, "Paul Richter", None, None),
        (3, "Lukas Neumann", None, None),
        (None, "Felix Braun", None, "DNF"),
    ]
    assert [r["detail"]["category"] for r in results] == ["M30", "M", "M35", "M40"]


XC_TEAMS = """                      Conference Championships 2024 - 10/26/2024

                              Team Scores
=================================================================================
Rank Team                    Total    1    2    3    4    5  *6  *7
=================================================================================
   1 Central HS                 45    3    7    9   12   14  (20) (25)
      Total Time:  1:22:31.20
         Average:    16:30.24
   2 North HS                   78    5    8   15   21   29
      Total Time:  1:24:01.00
         Average:    16:48.20

Women 5K Run CC
=================================================================================
    Name                    Year School                  Finals  Points
=================================================================================
  1 Kim, Lee                  11 South HS               17:02.10    1
  2 Poe, Liz                  10 Central HS             17:15.40    3
"""


def test_a_teams_total_time_and_average_lines_are_its_details_not_titles():
    doc = parse(XC_TEAMS)
    teams, runners = doc["events"]
    assert teams["kind"] == "team_scores"
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in teams["results"]] == [
        (1, "Central HS", 45.0),
        (2, "North HS", 78.0),
    ]
    assert teams["results"][0]["detail"]["total time"] == "1:22:31.20"
    assert runners["event_name"] == "Women 5K Run CC"


def test_team_rankings_two_to_a_line_without_the_timers_page_header():
    # Hy-Tek prints team rankings two to a line; a copy without its page header is still read
    doc = parse(
        "Women - Team Rankings - 17 Events Scored\n"
        "===============================================================================\n"
        "    1) Oregon                     104        2) Arkansas                  98\n"
        "    3) Texas A&M                  55         4) Kentucky                  40\n"
        "    5) LSU                        31.5       6) Florida                   30\n"
    )
    (teams,) = doc["events"]
    assert teams["kind"] == "team_scores"
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in teams["results"]] == [
        (1, "Oregon", 104.0),
        (2, "Arkansas", 98.0),
        (3, "Texas A&M", 55.0),
        (4, "Kentucky", 40.0),
        (5, "LSU", 31.5),
        (6, "Florida", 30.0),
    ]


GERMAN_SHEET = """Bezirksmeisterschaften Nord 2025
Stadion am See, 21.06.2025

100m Männer Vorlauf
Lauf 1     Wind: +0,8 m/s
Rang  Name                  Jg    Verein               Zeit
1.    Tim Berger            2001  LG Nord              10,81
2.    Jan Wolf              1999  TV Süd               10,95
Lauf 2     Wind: -0,4 m/s
Rang  Name                  Jg    Verein               Zeit
1.    Max Lang              2002  TV Süd               10,77

Weitsprung Frauen
Rang  Name                  Jg    Verein               Weite   Wind
1.    Lea Maier             2000  LG Nord              5,84    +1,1
      5,60 / x / 5,84 / 5,71 / x / 5,80
2.    Ida Roth              2004  TV Süd               5,61    -0,2
"""


def test_a_german_sheet_with_heats_winds_a_distance_column_and_slashed_attempts():
    doc = parse(GERMAN_SHEET)
    assert doc["meet"] == {
        "name": "Bezirksmeisterschaften Nord 2025",
        "date": "2025-06-21",
        "venue": None,
    }
    sprint, jump = doc["events"]
    assert (sprint["event_name"], sprint["gender"], sprint["round"]) == (
        "100m Männer Vorlauf",
        "M",
        "Heats",
    )
    assert [(r["place"], r["wind"], r["detail"]["heat"]) for r in sprint["results"]] == [
        (1, 0.8, 1),
        (2, 0.8, 1),
        (1, -0.4, 2),
    ]
    assert [(r["athlete"], r["mark_normalized"], r["wind"]) for r in jump["results"]] == [
        ("Lea Maier", 5.84, 1.1),
        ("Ida Roth", 5.61, -0.2),
    ]
    attempts = jump["results"][0]["detail"]["attempts"]
    assert [a["raw"] for a in attempts] == ["5,60", "x", "5,84", "5,71", "x", "5,80"]


def test_a_race_title_over_the_header_is_no_upper_half_of_it():
    # '5K Overall Results' holds header words, but a distance: the race's title, not a header line
    doc = parse(
        "5K Overall Results\n"
        "Place Name                 Age Gender City            Gun Time  Net Time  Pace\n"
        "    1 Tom Runner            29 M      Austin TX       16:05.2   16:04.9   5:11\n"
        "    2 Sue Fast              31 F      Dallas TX       17:40.1   17:39.0   5:42\n"
    )
    assert [
        (r["place"], r["athlete"], r["mark_normalized"]) for r in doc["events"][0]["results"]
    ] == [
        (1, "Tom Runner", 965.2),
        (2, "Sue Fast", 1060.1),
    ]


def test_an_unplaced_runners_bib_is_no_place():
    doc = parse(
        "Men 100 Meters\n"
        "Place  Bib   Name                     Team                 Time\n"
        "1      412   BARRIOS, Juan            Texas Tech           10.12\n"
        "2      87    HOLLOWAY, Grant  JR      Florida              10.20\n"
        "       55    DOE, John                Baylor               DNS\n"
    )
    results = doc["events"][0]["results"]
    assert [(r["place"], r["athlete"], r["year"], r["status"]) for r in results] == [
        (1, "BARRIOS, Juan", None, None),
        (2, "HOLLOWAY, Grant", "JR", None),
        (None, "DOE, John", None, "DNS"),
    ]
    assert results[2]["detail"]["bib"] == "55"


def test_a_ruled_text_reports_heading_names_and_dates_its_meet():
    doc = parse(
        "                         Regional Cross Country Championships\n"
        "                                 Saturday, October 12, 2024\n\n"
        "Varsity Boys 8K\n"
        "  Place Name                     Grade School                   Time     Pace   Score\n"
        "  ===== ======================== ===== ======================== ======== ====== =====\n"
        "      1 Alex Morgan                 12 Lincoln High             25:02.3   5:02      1\n"
        "      2 Ben Carter                  11 Jefferson High           25:10.8   5:04      2\n"
    )
    assert doc["format"] == "ruled"
    assert (doc["meet"]["name"], doc["meet"]["date"]) == (
        "Regional Cross Country Championships",
        "2024-10-12",
    )
    assert [
        (r["place"], r["athlete"], r["mark_normalized"]) for r in doc["events"][0]["results"]
    ] == [
        (1, "Alex Morgan", 1502.3),
        (2, "Ben Carter", 1510.8),
    ]


def test_net_and_gross_times_of_a_german_road_race_are_read():
    doc = parse(
        "Results - 10 km\n"
        "Pos.  Name, Vorname          Jg.  AK     Verein                 Netto     Brutto\n"
        "1.    Meier, Hans            1985 M35    LT Bremen              00:34:12  00:34:15\n"
        "2.    Schulz, Eva            1990 W30    -                      00:36:40  00:36:49\n"
    )
    results = doc["events"][0]["results"]
    assert [(r["place"], r["athlete"], r["year"], r["mark_normalized"]) for r in results] == [
        (1, "Meier, Hans", "1985", 2055.0),
        (2, "Schulz, Eva", "1990", 2209.0),
    ]
    assert results[0]["detail"]["time_2"] == "00:34:12"


def test_two_spaces_inside_a_name_do_not_split_the_surname_into_the_team():
    doc = parse(
        "Men 110m Hurdles Final\n"
        "1  Grant  HOLLOWAY     USA   12.99\n"
        "2  Daniel  ROBERTS    USA   13.09\n"
        "3  Hansle  PARCHMENT  JAM   13.10\n"
    )
    assert [(r["athlete"], r["team"]) for r in doc["events"][0]["results"]] == [
        ("Grant HOLLOWAY", "USA"),
        ("Daniel ROBERTS", "USA"),
        ("Hansle PARCHMENT", "JAM"),
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["1. Tom Runner, Leeds AC, 17:02", "2. Sue Fast, York RC, 18:40", "3. Al Jog, 19:12"],
            [
                ("Tom Runner", "Leeds AC", 1022.0),
                ("Sue Fast", "York RC", 1120.0),
                ("Al Jog", None, 1152.0),
            ],
        ),
        (
            ["1. Runner, Tom, Leeds AC, 17:02", "2. Fast, Sue, York RC, 18:40"],
            [("Runner, Tom", "Leeds AC", 1022.0), ("Fast, Sue", "York RC", 1120.0)],
        ),
    ],
)
def test_fields_parted_by_commas_are_read_by_the_commas(lines, expected):
    doc = parse("Results\n" + "\n".join(lines) + "\n")
    assert [
        (r["athlete"], r["team"], r["mark_normalized"]) for r in doc["events"][0]["results"]
    ] == expected


SPRINTS = """{heading}

Girls 100 Meter Dash
{round_line}Place Name                 Year School            Time
    1 Ann Smith              12 Central HS        12.01
    2 Beth Jones             11 North HS          12.20

Boys 100 Meter Dash
Place Name                 Year School            Time
    1 Carl Roe               12 Central HS        10.71
    2 Dan Poe                11 North HS          10.90
"""


@pytest.mark.parametrize(
    ("heading", "round_line", "rounds"),
    [
        ("State Championships - Preliminaries", "", ["Prelims", "Prelims"]),
        ("State Championships", "Heats\n", ["Heats", "Finals"]),
        ("State Championships", "", ["Finals", "Finals"]),
    ],
)
def test_a_round_the_reports_heading_names_is_every_events(heading, round_line, rounds):
    doc = parse(SPRINTS.format(heading=heading, round_line=round_line))
    assert [e["round"] for e in doc["events"]] == rounds


def test_two_times_printed_without_a_space_are_read_apart():
    # gun and net time glued together by a PDF's text layer: '16:05.216:04.9'
    doc = parse(
        "5K Results\n"
        "Place Name                 Age City            Time\n"
        "    1 Tom Runner            29 Austin TX       16:05.216:04.9\n"
        "    2 Sue Fast              31 Dallas TX       17:40.117:39.0\n"
    )
    assert [(r["athlete"], r["mark_normalized"]) for r in doc["events"][0]["results"]] == [
        ("Tom Runner", 965.2),
        ("Sue Fast", 1060.1),
    ]


@pytest.mark.parametrize(
    ("glued", "parts"),
    [
        ("16:05.216:04.9", ["16:05.2", "16:04.9"]),
        ("4:01.224:05.33", ["4:01.22", "4:05.33"]),
        ("1:05:031:04:59", ["1:05:03", "1:04:59"]),
        ("12:34.56", ["12:34.56"]),
    ],
)
def test_glued_times_part_where_both_halves_are_times_of_one_shape(glued, parts):
    toks = [Tok("1", 0, 1, 8), Tok("Ann", 2, 5, 1), Tok(glued, 6, 6 + len(glued), 1)]
    assert [t.text for t in split_glued(toks)][2:] == parts


def test_an_italian_header_names_the_birth_year_and_the_results_word_leaves_the_event_name():
    doc = parse(
        "Results - 400 metri Uomini\n"
        "Pos. Pett. Atleta                Anno  Società                   Prestazione\n"
        "1    231   ROSSI Marco           2000  Atl. Firenze Marathon     47.12\n"
        "2    118   BIANCHI Luca          1999  CUS Pisa                  47.80\n"
        "     64    NERI Andrea           2001  Atl. Livorno              Squal.\n"
    )
    assert doc["events"][0]["event_name"] == "400 metri Uomini"
    assert [
        (r["place"], r["athlete"], r["team"], r["year"], r["mark_normalized"], r["status"])
        for r in doc["events"][0]["results"]
    ] == [
        (1, "ROSSI Marco", "Atl. Firenze Marathon", "2000", 47.12, None),
        (2, "BIANCHI Luca", "CUS Pisa", "1999", 47.8, None),
        (None, "NERI Andrea", "Atl. Livorno", "2001", None, "DQ"),
    ]


def test_a_nordic_sheet_its_meet_after_a_label_and_a_heats_wind_under_the_heading():
    doc = parse(
        "Stevne: Sommerlekene 2023, Stadion 14.06.2023\n"
        "\n"
        "100m Menn\n"
        "Heat 1  Vind: +1,1\n"
        "1. Ola Nordmann          1999  IL Nord            10,62\n"
        "2. Kari Hansen           2001  IL Sør             10,88\n"
        "\n"
        "Lengde Kvinner\n"
        "1. Ingrid Berg           2002  IL Vest            6,12  (+0,4)\n"
        "2. Sofie Dahl            2003  IL Øst             5,98  (-1,0)\n"
    )
    assert doc["meet"]["name"] == "Sommerlekene 2023, Stadion"
    assert doc["meet"]["date"] == "2023-06-14"
    assert [(r["athlete"], r["wind"]) for e in doc["events"] for r in e["results"]] == [
        ("Ola Nordmann", 1.1),
        ("Kari Hansen", 1.1),
        ("Ingrid Berg", 0.4),
        ("Sofie Dahl", -1.0),
    ]


def test_a_wind_marked_wind_aided_is_read_in_its_column():
    doc = parse(
        "Girls 100 Meter Hurdles\n"
        "Place  Name                 Yr  School              Time      Wind\n"
        "1      Ana Cruz             11  Valley HS           14.52     +2.4w\n"
        "2      Bri Lowe             12  Hilltop HS          14.88     NWI\n"
    )
    assert [(r["athlete"], r["wind"]) for r in doc["events"][0]["results"]] == [
        ("Ana Cruz", 2.4),
        ("Bri Lowe", None),
    ]


def test_team_scores_under_a_generic_title_after_the_runners_are_the_races_teams():
    # 'Team Scores' names no event: the teams are the race's above, not more runners of it
    doc = parse(
        "Boys Varsity 5000 Meters\n"
        "\n"
        " PL  Athlete                 Yr  Team                     Time       Pts\n"
        "  1. Tyler Reed              12  Oak Ridge               15:42.3      1\n"
        "  2. Sam Ward                11  Pine Valley             15:50.8      2\n"
        "\n"
        "Team Scores\n"
        " 1. Oak Ridge          41  (1, 3, 8, 12, 17)\n"
        " 2. Pine Valley        55  (2, 4, 10, 18, 21)\n"
    )
    assert [(e["event_name"], e["kind"], len(e["results"])) for e in doc["events"]] == [
        ("Boys Varsity 5000 Meters", "individual", 2),
        ("Boys Varsity 5000 Meters", "team_scores", 2),
    ]
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in doc["events"][1]["results"]] == [
        (1, "Oak Ridge", 41.0),
        (2, "Pine Valley", 55.0),
    ]


@pytest.mark.parametrize(
    "heading",
    ["Results for Women's 3000m Steeplechase", "Results - Women's 3000m Steeplechase"],
)
def test_the_word_results_before_an_events_name_is_no_part_of_it(heading):
    doc = parse(f"{heading}\n1 Ann Lee (Team East) 9:14.81\n2 Bo Kim (Team West) 9:18.50\n")
    assert doc["events"][0]["event_name"] == "Women's 3000m Steeplechase"
    assert [r["team"] for r in doc["events"][0]["results"]] == ["Team East", "Team West"]


def test_an_italian_sheet_its_times_in_prime_notation_and_a_wind_on_the_title_line():
    doc = parse(
        "Campionato Provinciale - Roma, 12/05/2024\n"
        "\n"
        "80 metri Cadetti - Finale   vento +0,4\n"
        '1  ROSSI Marco        2009  Atl. Roma Nord       9"45\n'
        '2  BIANCHI Luca       2009  Atl. Tevere          9"61\n'
        "\n"
        "1000 metri Cadette - Serie unica\n"
        "1  NERI Giulia        2009  Atl. Roma Nord       2'58\"40\n"
        "2  BRUNO Sara         2010  Atl. Tevere          3'02\"15\n"
    )
    assert doc["meet"]["date"] == "2024-05-12"
    assert [(e["event_name"], e["gender"]) for e in doc["events"]] == [
        ("80 metri Cadetti - Finale", "M"),
        ("1000 metri Cadette - Serie unica", "F"),
    ]
    assert [
        (r["athlete"], r["mark_normalized"], r["wind"]) for e in doc["events"] for r in e["results"]
    ] == [
        ("ROSSI Marco", 9.45, 0.4),
        ("BIANCHI Luca", 9.61, 0.4),
        ("NERI Giulia", 178.4, None),
        ("BRUNO Sara", 182.15, None),
    ]


def test_heats_then_the_final_of_one_event_are_sections_of_their_rounds():
    # 'Vorlauf 1' is heat 1 of the heats, 'Finale' the final: its rows are no heat's; a lane
    # column ('Bahn') is read as lanes, not places or bibs
    doc = parse(
        "100m Männer\n"
        "\n"
        "Vorlauf 1   Wind: +0,3\n"
        "Pl.  Bahn  StNr  Name                Jg    Verein              Zeit\n"
        "1.   4     112   Max Braun           2000  LG Nord             10,81\n"
        "2.   5     87    Tom Schwarz         2002  TSV West            10,95\n"
        "\n"
        "Vorlauf 2   Wind: -0,8\n"
        "Pl.  Bahn  StNr  Name                Jg    Verein              Zeit\n"
        "1.   4     55    Leo Grün            1999  LG Süd              10,77\n"
        "2.   6     140   Jan Rot             2003  TSV West            11,02\n"
        "\n"
        "Finale   Wind: +1,1\n"
        "Pl.  Bahn  StNr  Name                Jg    Verein              Zeit\n"
        "1.   4     55    Leo Grün            1999  LG Süd              10,65\n"
        "2.   5     112   Max Braun           2000  LG Nord             10,70\n"
    )
    assert [
        (
            e["round"],
            r["place"],
            r["athlete"],
            r["wind"],
            r["detail"].get("heat"),
            r["detail"]["lane"],
        )
        for e in doc["events"]
        for r in e["results"]
    ] == [
        ("Heats", 1, "Max Braun", 0.3, 1, "4"),
        ("Heats", 2, "Tom Schwarz", 0.3, 1, "5"),
        ("Heats", 1, "Leo Grün", -0.8, 2, "4"),
        ("Heats", 2, "Jan Rot", -0.8, 2, "6"),
        ("Finals", 1, "Leo Grün", 1.1, None, "4"),
        ("Finals", 2, "Max Braun", 1.1, None, "5"),
    ]


def test_a_ranked_list_printing_the_mark_right_after_the_place():
    # athletic.net-style lists: place, mark (and its flag), then the name, grade and school
    doc = parse(
        "Boys 800 Meters - Varsity\n"
        "1. 1:55.21 PR   Caleb Moore        12  Westview\n"
        "2. 1:56.80 SR   Andre Cole         11  Eastlake\n"
        "3. 1:58.02      Nate Park          10  Westview\n"
        "\n"
        "Girls Shot Put - Varsity\n"
        "1. 38-04.50 PR  Tia Grant          12  Eastlake\n"
        "2. 36-11        Mae Lund           11  Westview\n"
    )
    assert rows(doc) == [
        (1, "Caleb Moore", "Westview", "12", 115.21),
        (2, "Andre Cole", "Eastlake", "11", 116.8),
        (3, "Nate Park", "Westview", "10", 118.02),
        (1, "Tia Grant", "Eastlake", "12", 11.6967),
        (2, "Mae Lund", "Westview", "11", 11.2522),
    ]


@pytest.mark.parametrize(
    ("tie", "guest"), [("T2", "5"), ("2T", "5*"), ("=2", "5*"), ("2=", "5"), ("T-2", "5")]
)
def test_tied_places_and_a_guests_starred_place(tie, guest):
    doc = parse(
        "Men High Jump\n"
        " 1      Tom Ash          (GBR)   2.28\n"
        f" {tie:<3}    Jon Birch        (USA)   2.25\n"
        f" {tie:<3}    Ali Cedar        (QAT)   2.25\n"
        " 4      Ray Elm          (CAN)   2.20\n"
        f" {guest:<3}    Ian Fir          (IRL)   2.15\n"
    )
    assert [(r["place"], r["athlete"], r["team"]) for r in doc["events"][0]["results"]] == [
        (1, "Tom Ash", "GBR"),
        (2, "Jon Birch", "USA"),
        (2, "Ali Cedar", "QAT"),
        (4, "Ray Elm", "CAN"),
        (5, "Ian Fir", "IRL"),
    ]


def test_the_next_events_title_under_the_last_header_is_no_row():
    # '10 km Dames' opens with a number: no place, the women's race
    doc = parse(
        "10 km Heren\n"
        "Pos  Startnr  Naam                   Vereniging          Cat    Tijd\n"
        "1    231      Bram Heijden           AV Duinrand         MSEN   31:22\n"
        "2    118      Joost Verhoeven        Loopgroep Kempen    M35    31:59\n"
        "\n"
        "10 km Dames\n"
        "1    501      Femke Oosterhuis       AV Duinrand         VSEN   35:44\n"
        "2    622      Lieke Dalen            Atletiek Noord      V40    37:02\n"
        "          77  Anna Smit              AV Duinrand         VSEN   N.M.\n"
    )
    assert [(e["event_name"], e["gender"], len(e["results"])) for e in doc["events"]] == [
        ("10 km Heren", "M", 2),
        ("10 km Dames", "F", 3),
    ]
    assert doc["events"][1]["results"][2]["status"] == "NM"


@pytest.mark.parametrize(
    ("heading", "header"),
    [
        ("Skok wzwyż kobiet", "M-ce  Nazwisko i imię       Rocznik  Klub                  Wynik"),
        ("Dálka Ženy", "Poř.  Jméno                 Roč.     Oddíl                 Výkon"),
        ("Távolugrás nők", "Hely  Név                   Szül.    Egyesület             Eredmény"),
        (
            "Længdespring kvinder",
            "Plac  Navn                  Årgang   Klub                  Resultat",
        ),
    ],
)
def test_polish_czech_hungarian_and_danish_sheets(heading, header):
    # their header words name the columns; their field events are in metres, women's
    doc = parse(
        f"Test Meet 2025\n\n{heading}\n{header}\n"
        "1     Nowak Anna                2008     KS Północ             1,70\n"
        "2     Kowal Ewa                 2009     MKS Południe          1,65\n"
    )
    ev = doc["events"][0]
    assert (ev["event_name"], ev["gender"], ev["results"][0]["mark_unit"]) == (heading, "F", "m")
    assert [(r["athlete"], r["year"], r["team"], r["mark_normalized"]) for r in ev["results"]] == [
        ("Nowak Anna", "2008", "KS Północ", 1.7),
        ("Kowal Ewa", "2009", "MKS Południe", 1.65),
    ]


@pytest.mark.parametrize(
    "runners",
    [
        "       Nell Brightman, Oona Faber, Jess Tilley, Marisol Uribe",
        "       1) Nell Brightman 2) Oona Faber 3) Jess Tilley 4) Marisol Uribe",
        # numbered on over two lines, each runner's class after her name
        "       1) Nell Brightman 11       2) Oona Faber 10\n"
        "       3) Jess Tilley 12          4) Marisol Uribe 9",
    ],
)
def test_a_relay_teams_runners_on_the_line_under_its_row(runners):
    # they were read as a section title (the next teams went under it) or as a row
    doc = parse(
        "Event 7 Girls 4x800m Relay\n"
        "Place  Team                         Finals      Points\n"
        "1      Harlow Heights  (A)          9:41.22     10\n"
        f"{runners}\n"
        "2      Pinewood  (A)                9:48.90     8\n"
        f"{runners.replace('Nell Brightman', 'Ruth Gallo')}\n"
    )
    assert [(e["event_name"], e["kind"]) for e in doc["events"]] == [
        ("Event 7 Girls 4x800m Relay", "relay")
    ]
    results = doc["events"][0]["results"]
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in results] == [
        (1, "Harlow Heights", 581.22),
        (2, "Pinewood", 588.9),
    ]
    assert [m["athlete"] for m in results[1]["relay_members"]] == [
        "Ruth Gallo",
        "Oona Faber",
        "Jess Tilley",
        "Marisol Uribe",
    ]


def test_a_team_results_title_over_a_cross_country_team_table():
    # 'Team Results' is a title (not header words), its table the race's team scores
    doc = parse(
        "Women's 6K Championship\n"
        "Place Name                     Year Team                  Time      Score\n"
        "    1 Brenna Muldoon            JR  Eastmoor University   20:41.3       1\n"
        "    2 Saskia Terhorst           SR  Foxglove State        20:48.9       2\n"
        "\n"
        "Team Results\n"
        "Place Team                  Score  1   2   3   4   5   (6)  (7)   Total Time  Average\n"
        "    1 Eastmoor University      32  1   3   5   9  14         1:45:20.5  21:04.1\n"
        "    2 Foxglove State           41  2   4   6  12  17         1:46:01.3  21:12.3\n"
    )
    teams = doc["events"][1]
    assert teams["kind"] == "team_scores"
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in teams["results"]] == [
        (1, "Eastmoor University", 32.0),
        (2, "Foxglove State", 41.0),
    ]


def test_a_short_event_title_and_a_two_digit_birth_year_in_brackets():
    # '800m P17' has two letters: still the event's title; '(08)' is the year, not the club's
    doc = parse(
        "Resultatlista: Vårspelen Ekby 2025\n"
        "\n"
        "800m P17\n"
        "Plac. Namn                     Förening               Resultat\n"
        "1     Albin Sjöberg (08)       IFK Ekby               2,01,45\n"
        "2     Linus Åkesson (08)       Hälla FK               2,02,10\n"
    )
    ev = doc["events"][0]
    assert (ev["event_name"], ev["gender"]) == ("800m P17", "M")
    assert [(r["athlete"], r["year"], r["team"], r["mark_normalized"]) for r in ev["results"]] == [
        ("Albin Sjöberg", "08", "IFK Ekby", 121.45),
        ("Linus Åkesson", "08", "Hälla FK", 122.1),
    ]


def test_an_event_line_with_its_date_and_an_unplaced_status_row_with_a_category_after_it():
    doc = parse(
        "GRAND PRIX FINAL - VELLMORE\n"
        "Women's Triple Jump     Final     30 AUG 2025\n"
        "RANK  BIB  NAME                    NAT   MARK    WIND\n"
        "1     901  OYELARAN Bisi           NGR   14.72   +1.3\n"
        "2     455  CASTRO Yamile           CUB   14.60   +0.2\n"
        "      620  DIALLO Awa              SEN   NM      W23\n"
    )
    assert (doc["meet"]["name"], doc["meet"]["date"]) == (
        "GRAND PRIX FINAL - VELLMORE",
        "2025-08-30",
    )
    ev = doc["events"][0]
    assert (ev["event_name"], ev["gender"]) == ("Women's Triple Jump Final", "F")
    assert [(r["athlete"], r["mark_unit"], r["wind"], r["status"]) for r in ev["results"]] == [
        ("OYELARAN Bisi", "m", 1.3, None),
        ("CASTRO Yamile", "m", 0.2, None),
        ("DIALLO Awa", None, None, "NM"),
    ]


SERIES = """Coast Jumps 2025
Men Long Jump Final
Pl  Name            Club           1            2            3            Best   Wind
 1  Ivo Holm        Gull Point AC  7.85 (+1.2)  x            8.01 (+0.4)  8.01   +0.4
 2  Ari Bright      Dune TC        7.60 (-0.2)  7.72 (+1.0)  x            7.72   +1.0
    Pavel Drozd     Dune TC        x            x            x            NM
"""


def test_attempt_columns_numbered_in_the_header_keep_their_winds_out_of_the_name_and_club():
    doc = parse(SERIES)
    assert [
        (r["place"], r["athlete"], r["team"], r["mark_normalized"], r["wind"], r["status"])
        for r in doc["events"][0]["results"]
    ] == [
        (1, "Ivo Holm", "Gull Point AC", 8.01, 0.4, None),
        (2, "Ari Bright", "Dune TC", 7.72, 1.0, None),
        (None, "Pavel Drozd", "Dune TC", None, None, "NM"),
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (  # the class year after the school
            [" 1  Mia Kohler     Army West Point     JR   20:48.3",
             " 2  Jen Flaherty   Bucknell            SR   20:55.0"],
            [(1, "Mia Kohler", "Army West Point", "JR", 1248.3),
             (2, "Jen Flaherty", "Bucknell", "SR", 1255.0)],
        ),
        (  # bib, age and sex before the town
            ["   1  311  Dylan Reese       24 M  Golden CO      19:58   5:00",
             "   2  108  Kelsey Brandt     27 F  Littleton CO   22:41   5:41"],
            [(1, "Dylan Reese", "Golden CO", "24", 1198.0),
             (2, "Kelsey Brandt", "Littleton CO", "27", 1361.0)],
        ),
        (  # a number ending the club stays the club's
            ["1.Anna BERGER   1995  LG Frankfurt   15,23",
             "2.Lisa KLEIN    1997  TSV Bayer 04   14,80"],
            [(1, "Anna BERGER", "LG Frankfurt", "1995", 15.23),
             (2, "Lisa KLEIN", "TSV Bayer 04", "1997", 14.8)],
        ),
    ],
)  # fmt: skip
def test_lines_without_a_header_their_year_or_age_before_or_after_the_team(lines, expected):
    assert rows(parse("Women 6K\n" + "\n".join(lines) + "\n")) == expected


def test_a_team_results_title_naming_its_race_is_no_header_and_its_teams_come_first():
    doc = parse(
        "WOMEN'S 6K -- TEAM RESULTS\n"
        " 1 Bucknell           38   2  4  7 11 14  (19) (25)\n"
        " 2 Army West Point    52   1  8 12 15 16  (20)\n\n"
        "WOMEN'S 6K -- INDIVIDUAL RESULTS\n"
        " 1  Mia Kohler        Army West Point     JR   20:48.3\n"
        " 2  Jen Flaherty      Bucknell            SR   20:55.0\n"
    )
    teams, runners = doc["events"]
    assert (teams["kind"], teams["gender"], runners["kind"]) == ("team_scores", "F", "individual")
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in teams["results"]] == [
        (1, "Bucknell", 38.0),
        (2, "Army West Point", 52.0),
    ]
    assert rows({"events": [runners]}) == [
        (1, "Mia Kohler", "Army West Point", "JR", 1248.3),
        (2, "Jen Flaherty", "Bucknell", "SR", 1255.0),
    ]


def test_a_combined_events_table_its_events_as_columns_and_the_points_total():
    doc = parse(
        "DECATHLON MEN - FINAL STANDINGS\n\n"
        "Rank Name            Nat   100m   LJ    SP     HJ    400m   1500m    Points\n"
        "1    VIRTANEN Eero   FIN   10.95  7.40  14.55  2.01  49.20  4:35.10  8112\n"
        "                           878    911   761    813   849    675\n"
        "2    ANDERSEN Tobias DEN   11.02  7.21  15.10  1.98  49.80  4:40.22  7954\n"
    )
    (ev,) = doc["events"]
    assert (ev["event_name"], ev["kind"], ev["gender"]) == (
        "DECATHLON MEN - FINAL STANDINGS",
        "individual",
        "M",
    )
    assert [
        (r["place"], r["athlete"], r["team"], r["mark_normalized"], r["mark_unit"])
        for r in ev["results"]
    ] == [
        (1, "VIRTANEN Eero", "FIN", 8112.0, "points"),
        (2, "ANDERSEN Tobias", "DEN", 7954.0, "points"),
    ]


@pytest.mark.parametrize("title", ["TEAMS (3 to score)", "Team Result (first three to count)"])
def test_team_tables_under_their_titles_with_their_scorers_places(title):
    doc = parse(
        f"{title}\n"
        "Pos  Club                       Runners              Points\n"
        "  1  Morpeth Harriers           1  3  6                10\n"
        "  2  Gateshead Harriers         2  5  8                15\n"
    )
    (teams,) = doc["events"]
    assert teams["kind"] == "team_scores"
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in teams["results"]] == [
        (1, "Morpeth Harriers", 10.0),
        (2, "Gateshead Harriers", 15.0),
    ]


def test_team_lines_under_a_teams_title_without_a_header():
    doc = parse(
        "TEAMS (3 to score)\n1. Dyfed        12  (1, 4, 7)\n2. Gwent        15  (2, 5, 8)\n"
    )
    (teams,) = doc["events"]
    assert teams["kind"] == "team_scores"
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in teams["results"]] == [
        (1, "Dyfed", 12.0),
        (2, "Gwent", 15.0),
    ]


def test_an_overall_place_beside_a_division_place():
    doc = parse(
        "Harbor 10K\n\n"
        "Overall  Bib   Name                 Age  Sex  Div Pl  Time\n"
        "      1  211   Caleb Whitford        26  M    1/38    31:15\n"
        "      2  187   Sam Okafor            31  M    1/52    31:40\n"
    )
    assert rows(doc) == [
        (1, "Caleb Whitford", None, "26", 1875.0),
        (2, "Sam Okafor", None, "31", 1900.0),
    ]


def test_views_of_one_race_by_gender_and_age_group_repeat_its_runners_in_each():
    header = "Place  Bib  Name                  Age  City             Time\n"
    olga = "    1  215  Olga Sorensen          31  Winooski VT      18:02\n"
    doc = parse(
        "OVERALL\n" + header + "    1  101  Nate Perkins           27  Burlington VT    16:40\n"
        "    2  215  Olga Sorensen          31  Winooski VT      18:02\n\n"
        "FEMALE OVERALL\n" + header + olga + "\nMale 40-49\n" + header
        + "    1  101  Nate Perkins           47  Burlington VT    16:40\n\n"
        "FEMALE 30-39\n" + header + olga
    )  # fmt: skip
    assert [(e["event_name"], e["gender"], len(e["results"])) for e in doc["events"]] == [
        ("Results", None, 2),  # a generic heading names no section
        ("FEMALE OVERALL", "F", 1),
        ("Male 40-49", "M", 1),
        ("FEMALE 30-39", "F", 1),
    ]


SERIES_COLUMN = """Weitsprung Frauen U20 - Finale

Platz  Name                JG    Verein                    Versuche                         Leistung
1.     Schneider, Lea      2006  LG Neustadt        6,12  x     6,30  -     6,25  6,41     6,41
2.     von Brandt, Greta   2006  SC Rheinfeld       x     5,88  6,01  5,95  6,15  x        6,15
-      Krause, Mia         2007  LG Neustadt        x     x     x                          o.g.V.

Women Long Jump - Final
Place  Athlete              Year  Team        Mark          Wind   Series
1      Jas ALEXANDER         SR    LSU         6.72m 22-00.75  +1.4   6.55/+0.8 6.72/+1.4 FOUL PASS
4      Ana MÉNDEZ            SR    Texas A&M   6.41m 21-00.50  NWI    6.41 6.30 FOUL 6.12
"""


def test_a_series_column_under_a_centred_header_holds_the_tries_not_the_club_or_the_wind():
    doc = parse(SERIES_COLUMN)
    jump, flash = doc["events"]
    assert [
        (r["athlete"], r["team"], r["mark_normalized"], r["status"]) for r in jump["results"]
    ] == [
        ("Schneider, Lea", "LG Neustadt", 6.41, None),
        ("von Brandt, Greta", "SC Rheinfeld", 6.15, None),
        ("Krause, Mia", "LG Neustadt", None, "NM"),
    ]
    tries = jump["results"][1]["detail"]["attempts"]
    assert [(a["n"], a["raw"], a["value"]) for a in tries[:3]] == [
        (1, "x", None),
        (2, "5,88", 5.88),
        (3, "6,01", 6.01),
    ]
    assert [(r["team"], r["mark_normalized"], r["wind"]) for r in flash["results"]] == [
        ("LSU", 6.72, 1.4),
        ("Texas A&M", 6.41, None),  # no wind information: none, not a try
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (  # surname first, its comma after two words; a runner of no club
            ["1 Brennan, Isla Hillfoot AC 24.81", "2 Ní Bhriain, Saoirse Clonliffe Harriers 26.05",
             "3 St. John, Olivia Unattached 26.40"],
            [(1, "Brennan, Isla", "Hillfoot AC", None), (2, "Ní Bhriain, Saoirse",
             "Clonliffe Harriers", None), (3, "St. John, Olivia", "Unattached", None)],
        ),
        (  # an age in brackets between name and club
            ["1. Poppy Lark (12) Kestrel Valley AC 9:45", "2. Isla Brennan (11) Hillfoot 9:52",
             "3. Ruby Chen (12) Unattached 10:19"],
            [(1, "Poppy Lark", "Kestrel Valley AC", "12"), (2, "Isla Brennan", "Hillfoot", "11"),
             (3, "Ruby Chen", "Unattached", "12")],
        ),
    ],
)  # fmt: skip
def test_name_and_club_parted_by_one_space(lines, expected):
    doc = parse("Women 3000m\n" + "\n".join(lines) + "\n")
    assert [
        (r["place"], r["athlete"], r["team"], r["year"]) for r in doc["events"][0]["results"]
    ] == expected


def test_a_road_race_in_spanish_its_gun_and_chip_times_and_a_category_of_two_words():
    doc = parse(
        "RESULTADOS GENERALES - VARONIL\n\n"
        "Lugar  Núm.  Nombre                   Cat.          Tiempo Oficial  Tiempo Chip\n"
        "1      3     Juan Carlos Ramírez      Libre         1:02:18         1:02:18\n"
        "2      102   José Luis Cervantes      Máster 40     1:07:21         1:07:19\n"
        "3      240   Ramón Esquivel Lara      Máster 50     1:13:47         1:13:40\n"
    )
    results = doc["events"][0]["results"]
    assert [(r["place"], r["athlete"], r["detail"]["bib"]) for r in results] == [
        (1, "Juan Carlos Ramírez", "3"),
        (2, "José Luis Cervantes", "102"),
        (3, "Ramón Esquivel Lara", "240"),
    ]
    # one time column is the mark on every row, the other kept beside it
    assert [(r["mark"], r["detail"]["time_2"]) for r in results] == [
        ("1:02:18", "1:02:18"),
        ("1:07:19", "1:07:21"),
        ("1:13:40", "1:13:47"),
    ]


def test_columns_of_chinese_japanese_and_korean_text_are_counted_as_a_screen_shows_them():
    doc = parse(
        "男子100m 決勝\n\n"
        "順位  レーン  ナンバー  氏名          所属              記録\n"
        "1     4       1021      山田 翔太     静岡陸協          10.38\n"
        "2     5       1187      佐藤 健一     中京大            10.45\n"
        "      3       1055      高橋 蓮       浜松市陸協        DNS\n"
    )
    (ev,) = doc["events"]
    assert (ev["gender"], ev["round"]) == ("M", "Finals")
    assert [
        (r["place"], r["athlete"], r["team"], r["mark_normalized"], r["status"])
        for r in ev["results"]
    ] == [
        (1, "山田 翔太", "静岡陸協", 10.38, None),
        (2, "佐藤 健一", "中京大", 10.45, None),
        (None, "高橋 蓮", "浜松市陸協", None, "DNS"),
    ]


def test_tries_headed_r1_to_r6_a_start_time_and_an_abbreviated_event_after_the_last_header():
    doc = parse(
        "Men Long Jump - Final    Wind: -1.2 m/s    Start: 14:01:31\n"
        "Pl  Athlete             Nat   R1     R2     R3     Best   Wind\n"
        " 1  Jasmine Johnson     CAN   7.92   X      8.04   8.04   +1.1\n"
        " 2  Kayla Robinson      AUS   7.66   7.50   X      7.66   +0.3\n\n"
        "3000 m.obst. Mujeres - Final\n"
        " 1  Lucía Domínguez     ESP   -      -      -      10:59.15\n"
        " 2  Marta Gil           ESP   -      -      -      11:52.22\n"
    )
    jump, steeple = doc["events"]
    assert jump["event_name"] == "Men Long Jump - Final"
    assert [
        (r["athlete"], r["team"], r["mark_normalized"], r["wind"]) for r in jump["results"]
    ] == [
        ("Jasmine Johnson", "CAN", 8.04, 1.1),
        ("Kayla Robinson", "AUS", 7.66, 0.3),
    ]
    assert (steeple["event_name"], steeple["gender"]) == ("3000 m.obst. Mujeres - Final", "F")


WRAPPED_CELLS = """3000 m obstáculos Mujeres - Final
  Pos.   Atleta                     País    Club                               Marca
  1      Juan Sebastián Rodríguez   ECU     Club Atlético Universidad        10:03.82
         Echeverría                         Politécnica de Valencia
  2      José Antonio Paz           MEX     Asociación Deportiva Ciudad de   10:10.77
                                            Guadalajara
  3      Rodrigo Andrés Paz         ARG     C.A. San Lorenzo                 10:33.72

Salto de Longitud Mujeres - Final
  Pos.   Atleta                     País    Club                               Marca
  1      Ana Paz                    ARG     C.A. San Lorenzo                 6.12
  2      Eva Ruiz                   ESP     Real Sociedad Gimnástica         6.01
"""


def test_a_name_or_club_wrapped_onto_the_next_line_under_its_own_column():
    steeple, jump = parse(WRAPPED_CELLS)["events"]
    assert [(r["athlete"], r["team"]) for r in steeple["results"]] == [
        (
            "Juan Sebastián Rodríguez Echeverría",
            "Club Atlético Universidad Politécnica de Valencia",
        ),
        ("José Antonio Paz", "Asociación Deportiva Ciudad de Guadalajara"),
        ("Rodrigo Andrés Paz", "C.A. San Lorenzo"),
    ]
    assert (jump["event_name"], len(jump["results"])) == ("Salto de Longitud Mujeres - Final", 2)


def test_a_header_naming_one_column_twice_with_a_slash():
    doc = parse(
        "Men 200m Final (wind -0.2)\n"
        "Pl     Athlete / Team              Affiliation          Mark     Wind\n"
        "1      Elijah Washington           unattached          21.69     -0.2\n"
        "2      Mckenzie Sanders            American U.         22.25     -0.2\n"
    )
    assert rows(doc) == [
        (1, "Elijah Washington", "unattached", None, 21.69),
        (2, "Mckenzie Sanders", "American U.", None, 22.25),
    ]


def test_the_meets_name_on_a_dated_line_under_a_dated_page_header():
    doc = parse(
        "                     Hy-Tek's MEET MANAGER 11:02 AM 9/20/2025 Page 1\n\n"
        "             Lakeshore Cross Country Invitational - 9/20/2025\n"
        "                          Results\n\n"
        "Event 2  Girls 5000 Meter Run CC Varsity\n"
        "Place  Name                  Year  School          Time\n"
        "  1    Ava Stone               11  Central        18:42.1\n"
        "  2    Mia Lund                12  North          18:55.0\n"
    )
    assert doc["meet"]["name"] == "Lakeshore Cross Country Invitational"
    assert doc["meet"]["date"] == "2025-09-20"


def test_a_french_category_cell_gives_the_birth_year_printed_after_it():
    doc = parse(
        "Meeting Régional\n"
        "Vannes - 18 mai 2025\n\n"
        "100m Hommes / Série 1   (Vent : +1.3 m/s)\n\n"
        "Pl. Dos.  Athlète                   Club                          Cat.         Perf.\n"
        "1.  409   LEFÈVRE Nathan            Entente Athlétique du Val     SEM/96      10''74\n"
        "2.  194   CHEVALIER Maxime          US Côte d'Émeraude            SEM/97      10''77\n"
        "-   357   DURAND Aurélien           A.C. Montreuil-sur-Loire      SEM/97       Ab.\n"
    )
    got = [(r["athlete"], r["team"], r["year"], r["status"]) for r in doc["events"][0]["results"]]
    assert got == [
        ("LEFÈVRE Nathan", "Entente Athlétique du Val", "96", None),
        ("CHEVALIER Maxime", "US Côte d'Émeraude", "97", None),
        ("DURAND Aurélien", "A.C. Montreuil-sur-Loire", "97", "DNF"),
    ]


def test_short_field_event_names_start_their_own_section():
    doc = parse(
        "100 m Männer  Final          Wind: +0.8\n\n"
        "Rang  Name                    Jg.  Verein                Resultat  Punkte\n"
        "1.    Weber Moritz            03   LC Zürichberg            10.91     877\n"
        "2.    Koch Felix              01   LV Thun                  11.02     851\n\n"
        "Weit Frauen  Final\n\n"
        "Rang  Name                    Jg.  Verein                Resultat  Punkte\n"
        "1.    Bauer Marie             02   TSV Rohrbachgraben        5.85     884\n"
        "2.    Becker Leonie           06   GG Bern-Mittelland        5.58     763\n"
    )
    long_jump = doc["events"][1]
    assert (long_jump["event_name"], long_jump["gender"]) == ("Weit Frauen Final", "F")
    assert [(r["mark_unit"], r["wind"]) for r in long_jump["results"]] == [("m", None)] * 2


def test_a_chinese_report_its_meet_a_field_event_and_a_status_in_words():
    doc = parse(
        "2025年全国田径锦标赛\n"
        "比赛日期：2025年5月18日\n\n"
        "男子100米 决赛    风速：+1.0\n"
        "名次  姓名      单位        成绩     备注\n"
        " 1    王伟      山东       10.21\n"
        " 2    张磊      广东       10.33\n"
        "      黄涛      江苏        弃权\n\n"
        "女子铅球 决赛\n"
        "名次  姓名      单位        成绩     备注\n"
        " 1    刘洋      广东        19.74\n"
    )
    assert doc["meet"]["name"] == "2025年全国田径锦标赛"
    sprint, shot = doc["events"]
    assert [(r["athlete"], r["status"]) for r in sprint["results"]][-1] == ("黄涛", "DNS")
    assert (shot["event_name"], shot["gender"]) == ("女子铅球 决赛", "F")
    assert [(r["mark_unit"], r["wind"]) for r in shot["results"]] == [("m", None)]


def test_a_class_year_with_its_eligibility_year_is_the_year():
    doc = parse(
        "Men's 60 Meters Final\n"
        "PL  ATHLETE                   YEAR   TEAM                        TIME\n"
        "1   Mason Delacroix           SR-2   Mid-Valley                  6.71\n"
        "2   Brody Stanfield           SO-1   Tri-County U.               6.74\n"
        "3   Tyler Pruitt              SO-3   Bayshore                    6.86\n"
    )
    assert [(r["team"], r["year"]) for r in doc["events"][0]["results"]] == [
        ("Mid-Valley", "SR-2"),
        ("Tri-County U.", "SO-1"),
        ("Bayshore", "SO-3"),
    ]


def test_a_status_row_with_its_rule_in_the_remarks():
    doc = parse(
        "WOMEN 1500M - FINAL\n"
        "Rank  Name                      Club                 Result   Remarks\n"
        "1     Priya Nair                Kerala AC           4:12.10   PB\n"
        "2     Divya Gill                Punjab AC           4:14.55\n"
        "      Kavya Patil               Railways AC              DQ   R 17.2.3\n"
    )
    last = doc["events"][0]["results"][-1]
    assert (last["athlete"], last["team"], last["status"]) == ("Kavya Patil", "Railways AC", "DQ")


def test_given_name_and_surname_columns_and_a_province_of_two_words():
    doc = parse(
        "100m Men Final   Wind +0.4\n"
        "Pos  Name          Surname           Province            Age       Mark\n"
        "1    Pieter        Botha             Western Province     26     10.35A\n"
        "2    Kagiso        Steyn             Boland               32     10.36A\n"
        "3    Sipho         Venter            Gauteng North        23     10.58\n"
    )
    assert [(r["athlete"], r["team"]) for r in doc["events"][0]["results"]] == [
        ("Pieter Botha", "Western Province"),
        ("Kagiso Steyn", "Boland"),
        ("Sipho Venter", "Gauteng North"),
    ]


def test_a_date_opening_the_event_line_is_no_row():
    doc = parse(
        "OCEANIA AREA CHAMPIONSHIPS\n"
        "26 JUN 2025   Men's 400m Hurdles   ROUND 1 - Summary\n\n"
        "Heat 1\n"
        "Rank  Lane  Bib  Name                 Nat   Reaction  Result\n"
        "1     2     412  KOWALSKI Cooper      SAM   0.230     50.21 Q\n"
        "2     3     377  NGATA Tama           NZL   0.181     51.40 Q PB\n"
    )
    assert doc["meet"]["date"] == "2025-06-26"
    [ev] = doc["events"]
    assert (ev["gender"], [r["athlete"] for r in ev["results"]]) == (
        "M",
        ["KOWALSKI Cooper", "NGATA Tama"],
    )


def test_a_hytek_round_column_names_the_round():
    doc = parse(
        "Event 14  Men 200 Meter Dash\n"
        "===================================================================\n"
        "    Name                    Year School              Seed Semi-Finals\n"
        "===================================================================\n"
        "  1 Castellano, Gavin         JR Prairie View      20.58    20.71w Q\n"
        "  2 Stanfield, Jalen          FR Bayshore          20.97    21.07w Q\n"
    )
    [ev] = doc["events"]
    assert ev["round"] == "Semifinals"
    assert [r["mark"] for r in ev["results"]] == ["20.71w", "21.07w"]


def test_the_same_hytek_event_under_a_finals_header_after_its_semis_is_a_new_round():
    doc = parse(
        "Event 14  Men 200 Meter Dash\n"
        "===================================================================\n"
        "    Name                    Year School              Seed Semi-Finals\n"
        "===================================================================\n"
        "  1 Castellano, Gavin         JR Prairie View      20.58    20.71w Q\n"
        "  2 Stanfield, Jalen          FR Bayshore          20.97    21.07w Q\n\n"
        "Event 14  Men 200 Meter Dash\n"
        "===================================================================\n"
        "    Name                    Year School              Seed      Finals\n"
        "===================================================================\n"
        "  1 Stanfield, Jalen          FR Bayshore          21.07       20.60\n"
        "  2 Castellano, Gavin         JR Prairie View      20.71       20.93\n"
    )
    assert [(e["round"], e["results"][0]["mark"]) for e in doc["events"]] == [
        ("Semifinals", "20.71w"),
        ("Finals", "20.60"),
    ]


def test_a_province_beside_a_city_is_the_hometowns_and_no_team():
    doc = parse(
        "10 km\n"
        "Pos  Bib   Name                      City                Prov  Chip Time\n"
        "1    409   Gabriel Tremblay          Gatineau            QC        30:50\n"
        "2    2105  Owen Roy                  Montréal            QC        32:39\n"
    )
    assert [r["team"] for r in doc["events"][0]["results"]] == [None, None]


def test_a_jumps_wind_in_brackets_with_a_decimal_comma_after_a_list_in_commas():
    doc = parse(
        "N40 Pituus\n"
        "1) Aino Hämäläinen, Lahden Kiri-Veikot 5,19 (-0,6)\n"
        "2) Venla Nieminen, Vaasan Urheilijat 4,95 (+1,4)\n"
    )
    got = [
        (r["team"], r["mark_normalized"], r["mark_unit"], r["wind"])
        for r in doc["events"][0]["results"]
    ]
    assert got == [("Lahden Kiri-Veikot", 5.19, "m", -0.6), ("Vaasan Urheilijat", 4.95, "m", 1.4)]


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("Senioren-Landesmeisterschaften", "Senioren-Landesmeisterschaften"),  # one compound word
        ("PODZIMNÍ PŮLMARATON BŘEZOVÁ", "PODZIMNÍ PŮLMARATON BŘEZOVÁ"),
        ("Spring Distance Carnival", "Spring Distance Carnival"),
    ],
)
def test_meet_headings_in_other_words(heading: str, name: str):
    doc = parse(
        f"{heading}\n05.07.2025\n\n100 m\n"
        "Platz  Name                 Verein              Zeit\n"
        "1.     Anna Berger          LG Nord            12,31\n"
        "2.     Eva Roth             TV Süd             12,55\n"
    )
    assert doc["meet"]["name"] == name


def test_a_league_team_result_its_scorers_places_summed_then_the_score():
    doc = parse(
        "SENIOR WOMEN (6.2KM)\n"
        "Pos  Name                      Club                         Cat   Time\n"
        "  1  Grace Thornton            Westbury Harriers            W55   23:00\n"
        "  2  Roisin Kavanagh           Tonbridge AC                 W35   23:11\n\n"
        "Senior Women - Team Result (first 4 to score)\n"
        " 1  Tonbridge AC                 2+4+6+16 = 28\n"
        " 2  Westbury Harriers            1+5+14+15 = 35\n"
    )
    teams = doc["events"][1]
    assert teams["kind"] == "team_scores"
    got = [(r["place"], r["team"], r["mark_normalized"]) for r in teams["results"]]
    assert got == [(1, "Tonbridge AC", 28.0), (2, "Westbury Harriers", 35.0)]


def test_a_league_team_result_its_scorers_places_then_their_sum():
    doc = parse(
        "Senior Men - Team Result (6 to score)\n"
        "1    Wharfedale Harriers          6   9  10  13  15  26    79\n"
        "2    Calder Valley AC             1   3  17  18  21  24    84\n"
    )
    got = [(r["place"], r["team"], r["mark_normalized"]) for r in doc["events"][0]["results"]]
    assert got == [(1, "Wharfedale Harriers", 79.0), (2, "Calder Valley AC", 84.0)]


def test_a_split_in_brackets_under_each_row_is_no_section():
    doc = parse(
        "800 m K40\n"
        "1.  Linnea Eriksson        Örnvik FI        1983  2,34,10\n"
        "     (400 m: 1,15,75)\n"
        "2.  Tove Andersson         IF Göta Älv      1981  2,38,55\n"
        "     (400 m: 1,17,98)\n"
        "3.  Ellen Johansson        Ålidhem SK       1981  2,40,46\n"
    )
    assert [(e["event_name"], len(e["results"])) for e in doc["events"]] == [("800 m K40", 3)]


def test_a_list_in_commas_of_given_names_first_then_the_club_of_two_words():
    doc = parse(
        "M40 100m  (tuuli +0,8)\n"
        "1) Juho Laine, Oulun Tarmo 12,07\n"
        "2) Mikko Lehtonen, Järvenpään Ahkera 12,18\n"
        "3) Eetu Mäkelä, Vaasan Urheilijat 1983 12,68\n"
        "   Santeri Nieminen, Lahden Kiri-Veikot kesk.\n"
    )
    got = [(r["athlete"], r["team"], r["year"], r["status"]) for r in doc["events"][0]["results"]]
    assert got == [
        ("Juho Laine", "Oulun Tarmo", None, None),
        ("Mikko Lehtonen", "Järvenpään Ahkera", None, None),
        ("Eetu Mäkelä", "Vaasan Urheilijat", "1983", None),
        ("Santeri Nieminen", "Lahden Kiri-Veikot", None, "DNF"),
    ]


def test_surnames_first_in_commas_keep_the_given_name_with_the_surname():
    doc = parse(
        "Women 200m Final (wind +0.9)\n"
        "1 Brennan, Isla Hillfoot AC 24.81\n"
        "2 van der Linde, Marieke Westfield Harriers 25.02\n"
        "3 McAuley, Roisin City of Derry AC 25.30\n"
    )
    names = [r["athlete"] for r in doc["events"][0]["results"]]
    assert names[0] == "Brennan, Isla"
    assert names[2] == "McAuley, Roisin"


def test_team_scores_printed_under_each_of_three_races_are_no_page_furniture():
    race = (
        "{name}\n"
        "Place  Name                 Gr  Team           Time     Pts\n"
        "1      Ann Lee              8   Sandpoint      13:22.5  1\n"
        "2      Bea Cole             7   Eastlake       13:43.0  2\n"
        "3      Cy Ng                7   Sandpoint      13:44.2  3\n"
        "Team Scores\n"
        "1     Sandpoint             37        1 3 5 7 9\n"
        "2     Eastlake              41        2 4 6 8 10\n\n"
    )
    text = "".join(race.format(name=n) for n in ("Girls 2 Mile", "Boys 2 Mile", "Girls 5000m"))
    doc = parse(text)
    kinds = [(e["event_name"], e["kind"], len(e["results"])) for e in doc["events"]]
    assert kinds == [
        ("Girls 2 Mile", "individual", 3),
        ("Girls 2 Mile", "team_scores", 2),
        ("Boys 2 Mile", "individual", 3),
        ("Boys 2 Mile", "team_scores", 2),
        ("Girls 5000m", "individual", 3),
        ("Girls 5000m", "team_scores", 2),
    ]


PAGE = (
    "Foothills XC Invitational\n"
    "October 4, 2025 - Regional Park\n"
    "Summit Timing Services\n"
    "Page {n} of 2\n\n"
    "{title}"
    "Place Name             Gr  Team          Time\n"
    "{rows}\n"
    "Results by Summit Timing Services - www.example.com\n"
)


def test_a_page_header_printed_on_every_page_starts_no_section():
    text = "\f".join(
        (
            PAGE.format(n=1, title="Boys 5000m\n", rows="1  Cal Yoder  11  Ridge  16:02.1"),
            PAGE.format(n=2, title="", rows="2  Max Pruitt  12  Cedar  16:10.4"),
        )
    )
    doc = parse(text)
    assert doc["meet"]["name"] == "Foothills XC Invitational"
    names = [(e["event_name"], [r["athlete"] for r in e["results"]]) for e in doc["events"]]
    assert names == [("Boys 5000m", ["Cal Yoder", "Max Pruitt"])]


def test_a_heading_on_a_few_of_many_pages_is_a_section():
    pages = [
        "Relay Results\nLarge Schools\nGirls U/9\nPos Team Time\n1  Menlo  63.72\n2  Poort  66.86",
        "Large Schools\nBoys U/9\nPos Team Time\n1  Menlo  62.32\n2  Poort  62.41",
        "Small Schools\nGirls U/9\nPos Team Time\n1  Ridge  64.10\n2  Vale  65.00",
        "Small Schools\nBoys U/9\nPos Team Time\n1  Ridge  61.90\n2  Vale  63.00",
        "Small Schools\nBoys U/10\nPos Team Time\n1  Ridge  60.90\n2  Vale  61.00",
    ]
    doc = parse("\f".join(pages))
    assert [e["event_name"] for e in doc["events"]][:2] == [
        "Large Schools - Girls U/9",
        "Large Schools - Boys U/9",
    ]


@pytest.mark.parametrize(
    ("head", "name", "date"),
    [
        (
            "Capital City Twilight\nFriday April 18, 2025 -- Results",
            "Capital City Twilight",
            "2025-04-18",
        ),
        (
            "Regiowedstrijd Junioren - AV Noord\nZaterdag 18-05-2024, Sportpark",
            "Regiowedstrijd Junioren - AV Noord",
            "2024-05-18",
        ),
    ],
)
def test_the_title_over_the_date_line_names_the_meet(head: str, name: str, date: str):
    doc = parse(
        f"{head}\n\nMen 200m Final\nPl  Athlete  Affiliation  Mark\n1  Eli Ware  Navy  21.69\n"
    )
    assert (doc["meet"]["name"], doc["meet"]["date"]) == (name, date)


def test_a_name_cut_where_its_column_ends_is_joined_without_a_space():
    doc = parse(
        "Place Name                 City               Age Sex  Time\n"
        "----- -------------------- ------------------ --- --- --------\n"
        "    1 Savannah Okonkwo     Klamath Falls, OR   67   F  2:08:59\n"
        "    2 Maximiliano Castella Salem, OR           42   M  2:20:33\n"
        "      no de la Vega\n"
        "    3 Alexandria           Boise, ID           34   F  3:02:05\n"
        "      Montgomery-Fairweather\n"
        "    4 Pedro Almodovar Ruiz Bend, OR            39   M  3:10:00\n"
        "      de la Fuente\n"
    )
    assert [r["athlete"] for r in doc["events"][0]["results"]] == [
        "Savannah Okonkwo",
        "Maximiliano Castellano de la Vega",
        "Alexandria Montgomery-Fairweather",
        "Pedro Almodovar Ruiz de la Fuente",  # a particle opens a word: cut between words
    ]


def test_a_flight_line_over_the_header_is_no_part_of_it():
    doc = parse(
        "Men Long Jump   Finals\n"
        "Flight 1\n"
        "Pl  Athlete                      Team                        Mark     Wind\n"
        "1   Landon NAKAMURA  SO          Northern Plains St.         7.55m   -0.6\n"
        "2   Declan CARROW  FR            Prairie View A&M-West       7.45m   +0.3\n"
    )
    assert doc["events"][0]["kind"] == "individual"
    assert rows(doc) == [
        (1, "Landon NAKAMURA", "Northern Plains St.", "SO", 7.55),
        (2, "Declan CARROW", "Prairie View A&M-West", "FR", 7.45),
    ]


# a class or birth year in brackets after the name or the club, glued on or a space apart
YEARS_IN_BRACKETS = [
    (
        "順位  レーン  氏名(学年)            所属              記録\n"
        "1     6      村上 奏太(2)         石川・小松明峰        10.75\n"
        "2     2      青木 大和(3)         石川・小松明峰        10.82\n",
        [(1, "村上 奏太", "石川・小松明峰", "2", 10.75),
         (2, "青木 大和", "石川・小松明峰", "3", 10.82)],
    ),
    (
        "Rang  Name                          Verein                     Resultat\n"
        "1.    Moritz FISCHER (2001)         LG Oberrhein               10.63\n"
        "2.    Till SCHWARZ (1997)           ATSV Kirchberg/Au          10.80\n",
        [(1, "Moritz FISCHER", "LG Oberrhein", "2001", 10.63),
         (2, "Till SCHWARZ", "ATSV Kirchberg/Au", "1997", 10.80)],
    ),
    (
        "Rang  Name                          Verein                     Resultat\n"
        "1.    Merle SCHWARZ                 ATSV Kirchberg/Au (06)     2:10.48\n"
        "2.    Laura RICHTER                 LAC Nordhafen (98)         2:16.29\n",
        [(1, "Merle SCHWARZ", "ATSV Kirchberg/Au", "06", 130.48),
         (2, "Laura RICHTER", "LAC Nordhafen", "98", 136.29)],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), YEARS_IN_BRACKETS)
def test_a_year_in_brackets_after_the_name_or_club(text: str, expected: list[tuple[Any, ...]]):
    assert rows(parse("200m Men\n" + text)) == expected


def test_a_surname_column_beside_a_given_name_column_leaves_the_clubs_capitals_alone():
    doc = parse(
        "60m Frauen - Endlauf\n"
        "Pl.  Name            Vorname       Jg.   Verein                    Leistung\n"
        "1.   Weiß            Anna          2001  LG Oberrhein              7,52\n"
        "2.   Schneider       Merle         1999  TSV Bad Eichstetten       7,73\n"
    )
    assert rows(doc) == [
        (1, "Anna Weiß", "LG Oberrhein", "2001", 7.52),
        (2, "Merle Schneider", "TSV Bad Eichstetten", "1999", 7.73),
    ]


def test_a_relays_runners_with_their_birth_years_and_a_disqualified_team():
    doc = parse(
        "4x100 UOMINI - FINALE\n"
        "Pos  Società                             Prestazione\n"
        '1    ATL. ALTO LARIO                     41"63\n'
        "     FUMAGALLI Vittorio (01) - MASPERO Ottavio (06) - GUERRI Ugo (02) - TAGLI Sam (00)\n"
        "     ATLETICA BRIANZA OVEST              SQ\n"
        "     DELLA Otto (02) - LANFRA Gino (05) - GUERRI Vito (00) - CAVALLI Luca (05)\n"
    )
    got = [
        (r["team"], r["status"], [(m["athlete"], m.get("year")) for m in r["relay_members"]][:2])
        for r in doc["events"][0]["results"]
    ]
    assert got == [
        ("ATL. ALTO LARIO", None, [("FUMAGALLI Vittorio", "01"), ("MASPERO Ottavio", "06")]),
        ("ATLETICA BRIANZA OVEST", "DQ", [("DELLA Otto", "02"), ("LANFRA Gino", "05")]),
    ]


def test_a_spaced_relay_title_and_its_runners_numbered_two_a_line_or_parted_by_slashes():
    doc = parse(
        "4 x 100m Under 17 Women   Final\n"
        "Pos  Team                               Time\n"
        "1    Calder Valley AC 'A'               48.85\n"
        "       1. Delphine PICKERSGILL     2. Juno ODDIE\n"
        "       3. Flora NETTLESHIP         4. Kitty BLENKINSOP\n"
        "2    Tynedale Harriers                  49.02\n"
        "       Grimshaw/Illingworth/Pickersgill/Oddie\n"
    )
    assert [(e["event_name"], e["kind"], e["gender"]) for e in doc["events"]] == [
        ("4 x 100m Under 17 Women Final", "relay", "F")
    ]
    got = [
        (r["team"], [m["athlete"] for m in r["relay_members"]]) for r in doc["events"][0]["results"]
    ]
    assert got == [
        (
            "Calder Valley AC",
            ["Delphine PICKERSGILL", "Juno ODDIE", "Flora NETTLESHIP", "Kitty BLENKINSOP"],
        ),
        ("Tynedale Harriers", ["Grimshaw", "Illingworth", "Pickersgill", "Oddie"]),
    ]


@pytest.mark.parametrize(
    ("first", "parts"),
    [
        ("1.Moss", ["1.", "Moss"]),  # a place glued to the name
        ("12.O'Neil", ["12.", "O'Neil"]),
        ("1.º", ["1.º"]),  # a Portuguese ordinal: one place
        ("2.ª", ["2.ª"]),
    ],
)
def test_a_place_glued_to_the_name_parts_from_it_an_ordinal_does_not(first, parts):
    toks = [Tok(first, 0, len(first), 0), Tok("Lee", len(first) + 1, len(first) + 4, 1)]
    assert [t.text for t in split_glued(toks)][:-1] == parts


def test_a_name_with_an_elided_particle_keeps_it():
    doc = parse(
        "Verspringen Heren\n"
        "Pl  Naam                     Vereniging            Prestatie  Wind\n"
        "1   Daan van der Berg        AV Haarlemse Poort    6,54       +0,2\n"
        "2   Thijs van 't Hof         AV Haarlemse Poort    6,31       +1,4\n"
    )
    assert [(r["athlete"], r["team"]) for r in doc["events"][0]["results"]] == [
        ("Daan van der Berg", "AV Haarlemse Poort"),
        ("Thijs van 't Hof", "AV Haarlemse Poort"),
    ]


def test_a_relays_runners_in_a_column_of_their_own_first_on_the_teams_line():
    doc = parse(
        "4x100m Men Final\n"
        "  Pos  Lane  Team                   Athletes                     Time     Pts\n"
        "  1    6     GAC Hilversum          Anouk de Vries               40.48       8\n"
        "                                    Joost Meijer\n"
        "                                    Maartje Bakker\n"
        "  2    4     AV Zuidwal             Sanne Mulder                 41.12       7\n"
        "                                    Femke Meijer\n"
    )
    got = [
        (r["team"], [m["athlete"] for m in r["relay_members"]]) for r in doc["events"][0]["results"]
    ]
    assert got == [
        ("GAC Hilversum", ["Anouk de Vries", "Joost Meijer", "Maartje Bakker"]),
        ("AV Zuidwal", ["Sanne Mulder", "Femke Meijer"]),
    ]


def test_an_athletes_column_over_individuals_is_their_names():
    doc = parse(
        "100m Men Final\n"
        "Pos  Athletes             Club            Time\n"
        "1    Anouk de Vries       GAC Hilversum   10.48\n"
        "2    Sanne Mulder         AV Zuidwal      10.52\n"
    )
    assert rows(doc) == [
        (1, "Anouk de Vries", "GAC Hilversum", None, 10.48),
        (2, "Sanne Mulder", "AV Zuidwal", None, 10.52),
    ]


def test_an_age_group_whose_places_follow_both_times_takes_the_documents_time():
    doc = parse(
        "Female 20-29\n"
        "Place  Bib   Name                   Chip Time  Gun Time\n"
        "1      1041  Kenzie Ormsby          40:43      43:59\n"
        "2      1717  Jada Huxtable          41:32      41:55\n"
        "3      1418  Ember Birtles          46:21      47:09\n\n"
        "Female 30-39\n"
        "Place  Bib   Name                   Chip Time  Gun Time\n"
        "1      1220  Jada Mayne             34:51      35:02\n"
        "2      1311  Billie Dwyer           38:46      39:30\n"
    )
    assert [r["mark"] for e in doc["events"] for r in e["results"]] == [
        "40:43",
        "41:32",
        "46:21",
        "34:51",  # both in order here: the chip time, as the places follow above
        "38:46",
    ]


RELAY_RUNNERS_IN_BRACKETS = [
    (  # no header: the team's name in two words, then the time, then its runners
        "Men 4 x 400m Final\n"
        "1  Shettleston Harriers  3:15.44   (R. MacDonald, J. O'Neill, K. Mensah, D. Van Wyk)\n"
        "2  Edinburgh AC B        3:17.02   (A. Ross, B. McLean, C. Fraser, D. Grant)\n"
        "DQ Falkirk Victoria                (E. Muir, F. Kerr, G. Ali, H. Dunlop)\n"
    ),
    (  # under a header naming the runners' column, a remark after them
        "Men 4x400m Relay - Final\n"
        "Pl  Team                   Time    Runners\n"
        "1   Shettleston Harriers   3:15.44 (R. MacDonald, J. O'Neill, K. Mensah, D. Van Wyk)\n"
        "2   Edinburgh AC B         3:17.02 (A. Ross, B. McLean, C. Fraser, D. Grant)\n"
        "DQ  Falkirk Victoria       DQ      (E. Muir, F. Kerr, G. Ali, H. Dunlop)  R170.7\n"
    ),
]


@pytest.mark.parametrize("text", RELAY_RUNNERS_IN_BRACKETS)
def test_a_relays_runners_in_brackets_on_its_line(text: str):
    got = [
        (r["place"], r["team"], r["status"], [m["athlete"] for m in r["relay_members"]][::3])
        for r in parse(text)["events"][0]["results"]
    ]
    assert got == [
        (1, "Shettleston Harriers", None, ["R. MacDonald", "D. Van Wyk"]),
        (2, "Edinburgh AC B", None, ["A. Ross", "D. Grant"]),
        (None, "Falkirk Victoria", "DQ", ["E. Muir", "H. Dunlop"]),
    ]


def test_a_relays_runners_numbered_one_a_line_with_their_splits():
    doc = parse(
        "Men 4x400m Relay - Final\n"
        "Pl  Team                   Time\n"
        "1   Bramblewood            3:18.20\n"
        "      1) Kilgore, Hayes            50.1\n"
        "      2) Ogletree, Grady           48.5\n"
        "2   Sutter Creek           3:25.34\n"
        "      1) Drummond, Kellen          51.9\n"
    )
    got = [
        (r["team"], [(m["athlete"], m.get("split")) for m in r["relay_members"]])
        for r in doc["events"][0]["results"]
    ]
    assert got == [
        ("Bramblewood", [("Kilgore, Hayes", "50.1"), ("Ogletree, Grady", "48.5")]),
        ("Sutter Creek", [("Drummond, Kellen", "51.9")]),
    ]


def test_team_scores_printed_with_their_unit_and_incomplete_teams_left_out():
    doc = parse(
        "Holdkonkurrence Herrer (3 bedste)\n"
        "1.  Sparta Atletik            10 p.  (1+4+5)\n"
        "2.  Aarhus 1900               38 p.  (9+12+17)\n"
        "3.  St. Ignatius -            41 pts\n\n"
        "Boys 5K Varsity - Team Standings\n"
        "Place  Team                 Score    1    2    3    4    5\n"
        "1      Hawthorne Prep          36    1    3    5   10   17\n"
        "--     Whitmore               INC    7   36   43   (incomplete team)\n"
    )
    got = [
        (e["gender"], [(r["place"], r["team"], r["mark_normalized"]) for r in e["results"]])
        for e in doc["events"]
    ]
    assert got == [
        ("M", [(1, "Sparta Atletik", 10.0), (2, "Aarhus 1900", 38.0), (3, "St. Ignatius", 41.0)]),
        ("M", [(1, "Hawthorne Prep", 36.0)]),
    ]


def test_runners_listed_under_a_dnf_or_dns_heading_at_the_end_have_that_status():
    doc = parse(
        " Bib  Name                        Club                        Ovr  M/F   Time\n"
        " 412  KETTLEWELL, Barnaby         Wharfedale Harriers           1  M    31:02\n"
        " 188  ASHWORTH, Flora                                           2  F    31:40\n\n"
        "DNF\n"
        "  55  CARTWRIGHT, Harriet         Calder Valley AC                 F\n"
        " 433  GRIMSHAW, Dominic                                            M\n\n"
        "DNS\n"
        " 443  PICKERSGILL, Harriet        Tynedale Harriers                F\n"
    )
    got = [(r["place"], r["athlete"], r["status"]) for r in doc["events"][0]["results"]]
    assert got == [
        (1, "KETTLEWELL, Barnaby", None),
        (2, "ASHWORTH, Flora", None),
        (None, "CARTWRIGHT, Harriet", "DNF"),
        (None, "GRIMSHAW, Dominic", "DNF"),
        (None, "PICKERSGILL, Harriet", "DNS"),
    ]


def test_a_race_titled_by_its_bare_distance_starts_a_section_and_prime_times_are_times():
    doc = parse(
        "80 HS CADETTE - Finale           Vento: +0,6\n"
        "Pos.  Atleta                      Anno  Società                    Prestazione\n"
        '1     PESENTI Greta               2009  ATL. BERGAMO 59            12"34\n\n'
        "1000 CADETTI - Serie Unica\n"
        "Pos.  Atleta                      Anno  Società                    Prestazione\n"
        "1     ALBERTINI Alessio           2010  ATL. BERGAMO 59            2'55\"65\n\n"
        "Cross Court Hommes (4 km)\n"
        " Rg   Perf.      Nom Prénom                 Club                  An\n"
        "  1   12'18''    MARCHAL Dorian             EA Grand Chambéry     06\n"
        "  2   13'03''    MARCHAL Quentin            Athlé Pays Fougères   06\n"
    )
    got = [
        (e["event_name"], [(r["athlete"], r["mark_normalized"]) for r in e["results"]])
        for e in doc["events"]
    ]
    assert got == [
        ("80 HS CADETTE - Finale", [("PESENTI Greta", 12.34)]),
        ("1000 CADETTI - Serie Unica", [("ALBERTINI Alessio", 175.65)]),
        ("Cross Court Hommes (4 km)", [("MARCHAL Dorian", 738.0), ("MARCHAL Quentin", 783.0)]),
    ]


def test_a_japanese_school_standings_table_is_team_scores():
    doc = parse(
        "学校対抗得点  男子総合\n"
        "順位  学校名          得点\n"
        "1     富山北高        72.0\n"
        "2     高岡南高        57.0\n"
    )
    ev = doc["events"][0]
    assert (ev["kind"], ev["gender"]) == ("team_scores", "M")
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in ev["results"]] == [
        (1, "富山北高", 72.0),
        (2, "高岡南高", 57.0),
    ]


def test_team_scores_in_a_paragraph_over_several_lines_with_their_scorers_places():
    doc = parse(
        "Novice Men 6km\n"
        "  1. Cathal Kinsella            Ferbane Olympic AC         19:52\n"
        "  2. Colm Dolan                 Ferbane Olympic AC         20:03\n\n"
        "Teams: 1. Ferbane Olympic AC 13 pts (1,2,4,6); 2. Slievenamon Harriers 46 pts\n"
        "(3,11,15,17); =3. Ballyragget AC 47 pts (7,10,14,16); =3. Carrigeen Valley AC 47 pts\n"
        "(5,20,21,24).\n"
    )
    teams = doc["events"][1]
    assert (teams["kind"], teams["gender"]) == ("team_scores", "M")
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in teams["results"]] == [
        (1, "Ferbane Olympic AC", 13.0),
        (2, "Slievenamon Harriers", 46.0),
        (3, "Ballyragget AC", 47.0),
        (3, "Carrigeen Valley AC", 47.0),
    ]


TIE_ROWS = """\
100 m Männer   Serie 1   Wind: +0.8
Rang  Name                    Jg  Nat  Verein                   Resultat
  1.  Inäbnit Timo            91  SUI  CA Broye-Sud                10.94
  2.  Rüegg Levin             07  SUI  TSV Limmattal-West          11.03
      Bärtschi Jan            98  SUI  STV Grünau                  11.03
  4.  Rüegg Dario             02  SUI  LV Aaretal                  11.19
      Egli Jan                92  SUI  LV Aaretal                  11.58
Timing by Example Timing AG   Printed 18.06.2025 21:14
"""


def test_a_row_with_its_place_left_blank_is_a_tie_or_unplaced_not_a_title():
    doc = parse(TIE_ROWS)
    assert [e["event_name"] for e in doc["events"]] == ["100 m Männer Serie 1"]
    assert [
        (r["place"], r["athlete"], r["mark"], r["wind"]) for r in doc["events"][0]["results"]
    ] == [
        (1, "Inäbnit Timo", "10.94", 0.8),
        (2, "Rüegg Levin", "11.03", 0.8),
        (2, "Bärtschi Jan", "11.03", 0.8),  # a tie: the place printed once over both
        (4, "Rüegg Dario", "11.19", 0.8),
        (None, "Egli Jan", "11.58", 0.8),  # not placed; the footer's clock time is no row
    ]


def test_a_mixed_relays_runners_keep_their_sex_apart_from_their_names():
    text = (
        "4 x 400 Metres Relay Mixed - Final\n"
        "Rank  Lane  Team                  Nat      Result\n"
        "1     9     Norway                NOR     3:13.90\n"
        "            QUINTANA Kwame (M), KOVALENKO Olena (F), VUKOVIĆ Sanne (F), FONT Cheng (M)\n"
        "2     3     Romania               ROU     3:15.94\n"
        "            WRÓBEL Mateus (M), CASTRO Ifeoma (F), KOVAL Petra (F), EKWUEME Amadou (M)\n"
    )
    ev = parse(text)["events"][0]
    assert ev["gender"] == "X"
    assert [m["athlete"] for m in ev["results"][0]["relay_members"]] == [
        "QUINTANA Kwame",
        "KOVALENKO Olena",
        "VUKOVIĆ Sanne",
        "FONT Cheng",
    ]


def test_a_club_printed_under_the_name_in_a_column_headed_for_both():
    rows = "".join(
        f"{k}.     {name:<38}{year}       {mark}\n       {club}\n"
        for k, (name, year, mark, club) in enumerate(
            [
                ("Moosbrugger Johanna", 2006, "2:15,21", "ATSV Murtal"),
                ("Kogler Carina", 2007, "2:17,60", "ATSV Murtal"),
                ("Gruber Magdalena", 2007, "2:23,65", "ATSV Murtal"),  # a club printed 3 times
                ("Eder Anna", 2006, "2:25,08", "LCC Wienerwald-Süd"),
            ],
            1,
        )
    )
    text = (
        f"800 m Frauen U18\nRang   Name / Verein                         JG        Leistung\n{rows}"
    )
    results = parse(text)["events"][0]["results"]
    assert [(r["athlete"], r["team"], r["year"]) for r in results] == [
        ("Moosbrugger Johanna", "ATSV Murtal", "2006"),
        ("Kogler Carina", "ATSV Murtal", "2007"),
        ("Gruber Magdalena", "ATSV Murtal", "2007"),
        ("Eder Anna", "LCC Wienerwald-Süd", "2006"),
    ]


@pytest.mark.parametrize(
    ("born", "header"),
    [("19/06/2008", "Data Nasc."), ("19.06.2008", "Born"), ("19 JUN 2008", "DOB")],
)
def test_a_birth_date_column_gives_the_year_and_keeps_the_date(born, header):
    text = (
        "400 m Feminino - Final\n"
        f"Col.  Nº    Atleta                     Entidade                 {header:<12}  Marca\n"
        f"1º    137   Mirela Meireles Pimentel   Associação Orla Sul      {born:<12}  59,58\n"
        f"2º    357   Fabiana Cavalcanti         Sociedade Jacarandá      {born:<12}  59,60\n"
    )
    doc = parse_document(text.encode(), None, "resultados.txt")
    row = doc.events[0].rows[0]
    assert (row.athlete, row.team, row.year, row.extra["born"]) == (
        "Mirela Meireles Pimentel",
        "Associação Orla Sul",
        "2008",
        born,
    )


PARA = """\
Men's 100m T11-13 Final                                   Wind: +0.6 m/s
Rank  Lane  Bib   Name                          NPC   Class     Result
1     1     967   EKWUEME Florin                ITA   T12        11.07
2     2     274   WRÓBEL Pavel                  UKR   T13        11.21
3     3     709   TEIXEIRA Jovan                NOR   T11        11.58
                  Guide: NAKASHIMA Hiroki
4     4     523   YAMAGUCHI Kwame               NGR   T12        11.83

Men's Shot Put F40/41 Final (combined classes - ranked by points)
Rank  Bib   Name                          NPC   Class    Result  Points
1     946   GRIGORIEV Lorenzo             GHA   F40       10.85     876
2     148   SZABÓ Kwame                   FRA   F41       13.40     875
"""


def test_para_results_their_npc_their_guides_and_classes_ranked_by_points():
    doc = parse(PARA)
    sprint, throw = doc["events"]
    assert [(r["athlete"], r["team"], r["wind"]) for r in sprint["results"]] == [
        ("EKWUEME Florin", "ITA", 0.6),
        ("WRÓBEL Pavel", "UKR", 0.6),
        ("TEIXEIRA Jovan", "NOR", 0.6),  # the guide's line under the row is no section
        ("YAMAGUCHI Kwame", "NGR", 0.6),
    ]
    assert [(r["mark_normalized"], r["mark_unit"]) for r in throw["results"]] == [
        (10.85, "m"),  # 'combined classes' is no combined event: the marks are metres
        (13.4, "m"),
    ]


def test_a_numbered_discipline_heading_is_a_title_not_a_row():
    text = (
        "Siebenkampf Frauen\n\n"
        "1. Disziplin: 100m Hürden        Wind: +0,2 m/s\n"
        "Pl. Name                        Jg.   Verein                   Leistung  Punkte  Gesamt\n"
        "1   Uhlendorf, Hanna            2004  ASV Lindenhorst             13,95     985     985\n"
        "2   Pfannkuch, Frieda           1996  TV Kirchwald 1871           13,98     981     981\n"
        "\n2. Disziplin: Hochsprung\n"
        "Pl. Name                        Jg.   Verein                   Leistung  Punkte  Gesamt\n"
        "1   Uhlendorf, Hanna            2004  ASV Lindenhorst              1,80     978    1963\n"
        "2   Pfannkuch, Frieda           1996  TV Kirchwald 1871            1,71     867    1848\n"
    )
    doc = parse(text)
    assert [
        (
            e["event_name"],
            [(r["athlete"], r["mark_normalized"], r["mark_unit"]) for r in e["results"]],
        )
        for e in doc["events"]
    ] == [
        (
            "1. Disziplin: 100m Hürden",
            [("Uhlendorf, Hanna", 13.95, "s"), ("Pfannkuch, Frieda", 13.98, "s")],
        ),
        (
            "2. Disziplin: Hochsprung",
            [("Uhlendorf, Hanna", 1.8, "m"), ("Pfannkuch, Frieda", 1.71, "m")],
        ),
    ]


def test_a_signed_wind_printed_after_the_mark_where_no_column_names_it():
    text = (
        "Tindvik-lekene 2025\n"
        "Tindvik stadion, lørdag 14. juni 2025\n\n"
        "Lengde Menn Senior\n"
        "Plass Navn                    Født  Klubb                 1       2       Resultat\n"
        "1     Brage Berg              1995  Solheim IF            6,96    7,35    7,35   -1,3\n"
        "                                                          +1,0    -1,3\n"
        "2     Brage Eide              1998  Vestli Idrettslag     7,24    x       7,24   +0,4\n"
        "3     Odd Lie                 1997  IL Tindvik            7,01    7,10    7,10\n"
    )
    doc = parse(text)
    assert doc["meet"]["name"] == "Tindvik-lekene 2025"
    assert [(r["mark_normalized"], r["wind"]) for r in doc["events"][0]["results"]] == [
        (7.35, -1.3),
        (7.24, 0.4),
        (7.1, None),
    ]


def test_places_written_with_a_degree_sign():
    text = (
        "100 metros llanos Menores Mujeres\n"
        "1°  Acuña, Florencia     (2010)  C.A. Talleres del Sur      12.71\n"
        "2°  Sosa, Delfina        (2011)  Atletismo Cerro Azul       12.95\n"
        "3°  Ríos, Milagros       (2010)  Asociación Atlética Pampa  13.08\n"
    )
    rows = parse(text)["events"][0]["results"]
    assert [(r["place"], r["athlete"], r["year"], r["mark_normalized"]) for r in rows] == [
        (1, "Acuña, Florencia", "2010", 12.71),
        (2, "Sosa, Delfina", "2011", 12.95),
        (3, "Ríos, Milagros", "2010", 13.08),
    ]


def test_a_relays_runners_with_bare_birth_years_and_no_fifth_runner_in_a_4x100():
    teams = [("LG Nord I", "44,37"), ("TSV Altenbruch I", "44,74"), ("LAZ Geestland", "45,11")]
    teams += [("LG Nord II", "45,48"), ("VfL Deichhausen", "45,85")]
    runners = "(Meinken {0} 00, Harms {0} 07, Ohlsen {0} 92, Lüth {0} 01)"
    given = ["Nils", "Gero", "Jo", "Ole", "Tim"]
    lines = "".join(
        f" {k}.       {team:<45}{mark}\n          {runners.format(given[k - 1])}\n"
        for k, (team, mark) in enumerate(teams, 1)
    )
    text = (
        "4x100m Männer - Finale\nPl.       Mannschaft                                     Zeit\n"
        + lines
    )
    rows = parse(text)["events"][0]["results"]
    assert [(r["place"], r["team"]) for r in rows] == [(k, t) for k, (t, _) in enumerate(teams, 1)]
    assert [m["athlete"] for m in rows[3]["relay_members"]] == [
        "Meinken Ole",
        "Harms Ole",
        "Ohlsen Ole",
        "Lüth Ole",
    ]


RACE_WALK = """\
MEN'S 20 KM RACE WALK                                       RESULTS

Rank Bib  Name                       NAT  Date of Birth  Result     ~   >   Red cards    Note
------------------------------------------------------------------------------------------------
   1  392  OYELOWO Luka               LTU  02 OCT 1998    1:19:23
   2  383  ABDULRAHMAN Oskar          UKR  13 DEC 1999    1:19:26
   3  228  ZHUKOV Dawit               POL  02 APR 1993    1:19:41   ~ ~
      328  ERIKSEN Kofi               SWE  15 MAY 1995         DQ   ~ >     ~~>>         TR54.7.5

Intermediate times
----------------------------------------
5 km
   1  OYELOWO Luka               LTU  19:51
   2  ABDULRAHMAN Oskar          UKR  19:52
   3  ZHUKOV Dawit               POL  19:55
"""


def test_a_header_of_three_word_labels_and_symbols_and_the_races_splits_after_it():
    doc = parse(RACE_WALK)
    assert [e["event_name"] for e in doc["events"]] == ["MEN'S 20 KM RACE WALK RESULTS"]
    rows = doc["events"][0]["results"]
    assert [(r["athlete"], r["team"], r["year"], r["mark"], r["status"]) for r in rows] == [
        ("OYELOWO Luka", "LTU", "1998", "1:19:23", None),
        ("ABDULRAHMAN Oskar", "UKR", "1999", "1:19:26", None),
        ("ZHUKOV Dawit", "POL", "1993", "1:19:41", None),
        ("ERIKSEN Kofi", "SWE", "1995", "DQ", "DQ"),
    ]  # the 5 km times under 'Intermediate times' are the walkers' splits, no results


@pytest.mark.parametrize(
    "runners",
    [
        "      Ferris Rowbotham          49.90  (49.90)\n"
        "      Marcus Dallimore          48.54  (1:38.44)\n"
        "      Vaughn Rowbotham          49.51  (2:27.95)\n"
        "      Jasper Abernethy          49.53  (3:17.48)\n",
        "      1) Ferris Rowbotham 49.90   2) Marcus Dallimore 48.54\n"
        "      3) Vaughn Rowbotham 49.51   4) Jasper Abernethy 49.53\n",
    ],
)
def test_a_relay_teams_runners_with_their_splits_under_its_row(runners: str):
    # a runner a line with the leg's split (and the team's time so far) had been read as a team
    # of its own, named after the runner; numbered, the split had stayed in the runner's name
    doc = parse(
        "Men 4x400m Relay - Final\n\n"
        f" 1  Kilbride AC                3:17.48\n{runners}"
        " 2  Lathbury Runners           3:20.72\n"
    )
    (event,) = doc["events"]
    first, second = event["results"]
    assert [(m["athlete"], m["split"]) for m in first["relay_members"]] == [
        ("Ferris Rowbotham", "49.90"),
        ("Marcus Dallimore", "48.54"),
        ("Vaughn Rowbotham", "49.51"),
        ("Jasper Abernethy", "49.53"),
    ]
    assert (second["team"], second["mark"]) == ("Lathbury Runners", "3:20.72")


SIDE_BY_SIDE_EVENTS = """\
Eagle Crest Sprint Night 2025 - 4/4/2025

Results

Event 1  Girls 100 Meter Dash            Event 2  Boys 100 Meter Dash
=======================================  =======================================
    Name               Yr School   Finals    Name               Yr School   Finals
=======================================  =======================================
  1 Whitlock, Laney    12 Pine Bluff 12.23  1 Okafor, Reid       12 Ridgeview  11.23
  2 Ledbetter, Oaklyn  10 Pine Bluff 12.54  2 Jaramillo, Jamal   10 Stonebrdg  11.26
"""


def test_two_events_printed_side_by_side_are_two_events():
    # Hy-Tek's two events side by side had been read as one, each line one row of two runners;
    # the right table's place, printed left of its header's first word, is its rows'
    got = [
        (e["event_name"], [(r["place"], r["athlete"], r["mark"]) for r in e["results"]])
        for e in parse(SIDE_BY_SIDE_EVENTS)["events"]
    ]
    assert got == [
        (
            "Girls 100 Meter Dash",
            [(1, "Whitlock, Laney", "12.23"), (2, "Ledbetter, Oaklyn", "12.54")],
        ),
        ("Boys 100 Meter Dash", [(1, "Okafor, Reid", "11.23"), (2, "Jaramillo, Jamal", "11.26")]),
    ]
