"""The general text reader on small made-up documents, one per layout kind it is taught (the shapes
come from real families; no real document is copied)."""

from __future__ import annotations

from typing import Any

import pytest

from scraper.results import parse_document, to_contract


def parse(text: str) -> dict[str, Any]:
    return to_contract(parse_document(text.encode(), None, "doc.txt"))


def rows(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (r["place"], r["athlete"], r["team"], r["year"], r["mark_normalized"])
        for e in doc["events"]
        for r in e["results"]
    ]


COLLAPSED = """\
Valley XC Invitational
Sep 26, 2025

Varsity Girls 5K
Pl Athlete Yr Team Score Time Gap
1 STONE, Ada 9 Ridge High School 1 18:30.9 ---
2 PAGE, Bea JR Lake High School 2 18:50.7 19.8
3 ROSS, Cleo SR Ridge High School 3 19:18.9 48.0
"""


def test_collapsed_spacing_class_year_splits_name_from_team():
    doc = parse(COLLAPSED)
    assert doc["meet"]["name"] == "Valley XC Invitational"
    assert doc["meet"]["date"] == "2025-09-26"
    assert rows(doc) == [
        (1, "STONE, Ada", "Ridge High School", "9", 1110.9),
        (2, "PAGE, Bea", "Lake High School", "JR", 1130.7),
        (3, "ROSS, Cleo", "Ridge High School", "SR", 1158.9),
    ]
    assert doc["events"][0]["gender"] == "F"


NO_SEPARATOR = """\
Place Points Bib Name Team Pace Time
High School Boys
1 1 296 Ann LEE Hill Classical School 5:19 16:31
2 2 258 Bo KIM Sky Academy 5:34 17:17
3 3 108 Cy DOE Hill Classical School 5:35 17:20
4 -- 10 Dee FOX Park High School 5:44 17:48
-- -- 12 Eve ROE Sky Academy
"""


def test_name_and_team_split_by_repeated_teams_and_capital_surnames():
    """(An entrant listed with neither place, time nor status is no result.)"""
    assert [(r[1], r[2], r[4]) for r in rows(parse(NO_SEPARATOR))] == [
        ("Ann LEE", "Hill Classical School", 991.0),
        ("Bo KIM", "Sky Academy", 1037.0),
        ("Cy DOE", "Hill Classical School", 1040.0),
        ("Dee FOX", "Park High School", 1068.0),
    ]


TABS = (
    "Race #1\nBoys Varsity\nTeam Scoring Summary\n"
    "Final Standings\tScore\tScoring Order\tTotal\n"
    "1\tRidge High School\t18\t1-2-3-5-7(8)\t1:20:07\n"
    "2\tLake High School\t73\t4-6-9-10-12\t1:28:13\n"
    "Individual Results\n"
    "Athlete\tYr.\t#\tTeam\tScore\tTime\tGap\n"
    "1\tSTONE, Al\tSR\t9382\tRidge High School\t1\t15:28.2\t---\n"
    "2\tPAGE, Bo\tJR\t9404\tRidge High School\t2\t15:32.9\t4.7\n"
)


def test_tab_separated_team_table_then_individuals_under_the_race_title():
    doc = parse(TABS)
    teams, individuals = doc["events"]
    assert (teams["kind"], teams["event_name"]) == ("team_scores", "Race #1 - Boys Varsity")
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in teams["results"]] == [
        (1, "Ridge High School", 18.0),
        (2, "Lake High School", 73.0),
    ]
    assert individuals["kind"] == "individual"
    assert individuals["event_name"] == "Race #1 - Boys Varsity"
    assert rows({"events": [individuals]}) == [
        (1, "STONE, Al", "Ridge High School", "SR", 928.2),
        (2, "PAGE, Bo", "Ridge High School", "JR", 932.9),
    ]
    assert individuals["results"][0]["detail"]["bib"] == "9382"


MEETPRO = """\
INDIVIDUAL RESULTS
Athlete                                   YR   Team (Team Place)         Score    Time
  1   Ann  Moss                           SR   St. Olaf (1)                 1        25:56.9
  2   Bea Lund                            SR   Hamline (1)                  2        26:06.6
  3   Cy Dahl                             SO   St. Olaf (2)                (3)       26:08.8
"""


def test_double_space_inside_a_name_and_team_place_in_brackets():
    assert rows(parse(MEETPRO)) == [
        (1, "Ann Moss", "St. Olaf", "SR", 1556.9),
        (2, "Bea Lund", "Hamline", "SR", 1566.6),
        (3, "Cy Dahl", "St. Olaf", "SO", 1568.8),
    ]


GUN_NET = """\
***** Official 5K Results *****
Place No.    Name                Nettime    Guntime    Pace
    1   1227 Al Sang               15:30.79   15:30.80  5:00
    2   1228 Bo Rop                15:29.95   15:32.26  5:01
    3    459 Cy Joyce              15:51.53   15:51.54  5:07
    4    625 Di Mara               16:11.11   16:11.12  5:13
"""


def test_two_time_columns_the_mark_is_the_one_ordered_with_places():
    doc = parse(GUN_NET)
    assert [r[4] for r in rows(doc)] == [930.8, 932.26, 951.54, 971.12]
    assert doc["events"][0]["results"][1]["detail"]["time_2"] == "15:29.95"


GERMAN = """\
Laufnacht 2017
Regensburg, am 10./11.06.2017                        Ergebnisliste

                3000m Hindernis, Männer - Zeitläufe
                      Süddeutsche Meisterschaften
Männer - Zeitläufe
 Rg.   StNr.    Name                         Jg       Nat.   Verein                 Ergebnis
  1.    277     Bauer Alex                 1994       SLV    TV Hauzenberg           9:24,90
  2.    931     Hoff Olli                  1984       SLV    TSV 1845 Kirchhain      9:27,56

                3000m Hindernis, Frauen - Zeitläufe
                      Süddeutsche Meisterschaften
Frauen - Zeitläufe
 Rg.   StNr.    Name                         Jg       Nat.   Verein                 Ergebnis
  1.    12      Ulm Ina                    1999       SLV    LG Hof                 10:31,02
  2.    13      Vogt Eva                   1998       SLV    LG Hof                 10:45,70
                      Süddeutsche Meisterschaften
"""


def test_german_layout_comma_decimals_birth_years_and_furniture():
    doc = parse(GERMAN)
    assert doc["meet"]["date"] == "2017-06-10"
    assert [(e["event_name"], e["gender"], e["round"]) for e in doc["events"]] == [
        ("3000m Hindernis, Männer - Zeitläufe", "M", "Finals"),
        ("3000m Hindernis, Frauen - Zeitläufe", "F", "Finals"),
    ]
    assert rows(doc) == [
        (1, "Bauer Alex", "TV Hauzenberg", "1994", 564.9),
        (2, "Hoff Olli", "TSV 1845 Kirchhain", "1984", 567.56),
        (1, "Ulm Ina", "LG Hof", "1999", 631.02),
        (2, "Vogt Eva", "LG Hof", "1998", 645.7),
    ]


TWO_LINE_HEADER = """\
2000m Bahngehen weiblich
  Start-     Platz    Platz       Name, Vorname           Jahr-     Verein             Zeit
 nummer     gesamt     AK                                  gang
   460         1       1     Garr, Kyla                  2005      LG Vogtland        11:47,97 min
   969         2       2     Schmi, Julia                2004      SpVgg Nieder       12:14,35 min
"""


def test_two_line_header_and_unit_word():
    doc = parse(TWO_LINE_HEADER)
    assert rows(doc) == [
        (1, "Garr, Kyla", "LG Vogtland", "2005", 707.97),
        (2, "Schmi, Julia", "SpVgg Nieder", "2004", 734.35),
    ]
    assert doc["events"][0]["results"][0]["detail"]["bib"] == "460"


TEAM_BLOCKS = """\
                                TEAM SCORES
  1.    34  Olaf College                    (  26:11.9  2:10:59.5)
==================================================
  1      1  Al Camp SR                        25:36.1
  2      5  Bo Lehn SR                        26:01.4
  2.    96  John's University               (  26:54.8  2:14:34.0)
==================================================
  1      7  Cy Feld SR                        26:21.8
  2     11  Di Bug JR                         26:37.6
"""


def test_a_team_table_under_a_race_takes_the_races_gender():
    race, teams = parse(
        "BOYS VARSITY 5000M\n"
        "Place Name                   Yr School              Time\n"
        "   1  Tyler Okafor           11 Canby               15:58.2\n"
        "   2  Owen Reyes             12 Summit              16:01.0\n"
        "\n"
        "Team Scores:\n"
        "1 Canby 45  1 5 9 12 18  (22) (30)\n"
        "2 Summit 52  2 6 10 14 20\n"
    )["events"]
    assert (teams["kind"], teams["gender"], race["gender"]) == ("team_scores", "M", "M")


def test_team_standings_under_a_points_by_event_matrix_are_read_by_their_own_lines():
    # the matrix's header ('Team  100m  1500m ... Total') had cut 'Benning U' at its columns
    doc = parse(
        "Women - Points by Event\n"
        "Scoring: 10-8-6-5-4-3-2-1\n"
        "Team                      100m    1500m   400mH     HJ     HT   4x100     Total\n"
        "Benning U                   13        7       4      9     14       8        55\n"
        "Foxcroft                     6        -       3      9     21       3        42\n"
        "Ardmore State                3       21       -      -      -      10        34\n"
        "\n"
        "Women - Final Team Standings\n"
        " 1.  Benning U                             55\n"
        " 2.  Foxcroft                              42\n"
        " 3.  Ardmore State                         34\n"
    )
    (teams,) = [e for e in doc["events"] if e["event_name"] == "Women - Final Team Standings"]
    got = [(r["place"], r["team"], r["mark_normalized"]) for r in teams["results"]]
    assert teams["kind"] == "team_scores"
    assert got == [(1, "Benning U", 55.0), (2, "Foxcroft", 42.0), (3, "Ardmore State", 34.0)]


def test_team_scores_with_their_runners_listed_under_each_team():
    (ev,) = parse(TEAM_BLOCKS)["events"]
    assert ev["kind"] == "team_scores"
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in ev["results"]] == [
        (1, "Olaf College", 34.0),
        (2, "John's University", 96.0),
    ]
    assert len(ev["results"][0]["raw"]) == 3  # the team line and its two runners


DASHED_TEAMS = """\
Varsity Boys 5K Team Scores
1. St. Ignatius  -  29 pts
    1  Tom Baker     11   15:58.2
    3  Sam Ortiz     10   16:05.0
2. Lincoln  -  61 pts
    2  Ray Lin       12   16:01.5
    4  Ben Hu        11   16:07.9
3. Mills  -  88 pts
    9  Al Cruz       12   16:40.1
"""


def test_team_lines_with_a_dash_before_the_score_and_runners_set_in_with_overall_places():
    ev, race = parse(DASHED_TEAMS)["events"]  # (the runners are the race: nothing else lists it)
    assert [r["place"] for r in race["results"]] == [1, 2, 3, 4, 9]
    assert ev["kind"] == "team_scores"
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in ev["results"]] == [
        (1, "St. Ignatius", 29.0),
        (2, "Lincoln", 61.0),
        (3, "Mills", 88.0),
    ]
    assert [len(r["raw"]) for r in ev["results"]] == [3, 3, 2]  # each team with its runners


TEAMS_THEN_RUNNERS = """\
Varsity Boys 5,000 Meters

Team Scores
  1. Marshfield             51  (1, 2, 7, 15, 26, [30])
  2. La Salle Prep          56  (8, 10, 11, 13, 14, [17], [25])

Individual Results
  Place  Grade  Name                    Time      Team
     1.    11  Marcus Kessler          15:40.7  Marshfield
     2.    12  Cyrus Hargrove          15:46.6  Marshfield
"""


def test_a_section_heading_over_a_header_is_no_half_of_it():
    teams, runners = parse(TEAMS_THEN_RUNNERS)["events"]
    assert (teams["kind"], teams["gender"]) == ("team_scores", "M")
    assert runners["kind"] == "individual"
    assert [(r[0], r[1], r[2], r[4]) for r in rows({"events": [runners]})] == [
        (1, "Marcus Kessler", "Marshfield", 940.7),
        (2, "Cyrus Hargrove", "Marshfield", 946.6),
    ]


SCORES_BY_GENDER = """\
FINAL TEAM SCORES

Women
1. Northern Arizona 79.5
2. Oregon 70
2. Iowa State 70

Men
1. Stanford 72
2. Iowa State 69
"""


def test_a_team_scores_heading_over_one_list_per_gender():
    women, men = parse(SCORES_BY_GENDER)["events"]
    assert (women["kind"], women["gender"], men["kind"], men["gender"]) == (
        "team_scores", "F", "team_scores", "M"
    )  # fmt: skip
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in men["results"]] == [
        (1, "Stanford", 72.0),
        (2, "Iowa State", 69.0),
    ]


YOUTH = """\
Girls 8 & Under 100 Meter Dash
Pl  Name                   Age Club                  Time
 1  Ivy Stone                8 Valley Flyers         17.02
 2  Ada Moss                 7 Harbor Striders       17.40

Team Points - Girls 8 & Under
   1  Valley Flyers          10
   2  Harbor Striders         8

Girls 9-10 100 Meter Dash
Pl  Name                   Age Club                  Time
 1  Naomi Whitlock          10 Valley Flyers         14.47
 2  Sierra Vance             9 Harbor Striders       14.77
"""


def test_a_youth_age_group_in_a_title_is_no_feet_inches_mark():
    events = parse(YOUTH)["events"]
    assert [(e["event_name"], e["kind"], len(e["results"])) for e in events] == [
        ("Girls 8 & Under 100 Meter Dash", "individual", 2),
        ("Team Points - Girls 8 & Under", "team_scores", 2),
        ("Girls 9-10 100 Meter Dash", "individual", 2),
    ]


DUAL = """\
Lincoln vs. Central Dual Meet

FINAL SCORES
Boys:  Lincoln 78, Central 59
Girls: Central 81, Lincoln 56

Boys 100m
  1. Desmond Mensah (L) 11.37
  2. Cyrus Obi (L) 11.58

Boys Team Scores: South Eugene 51, Wilsonville 50, Crater 50
"""


def test_team_scores_run_together_on_a_line_and_a_one_letter_club_key_in_brackets():
    events = parse(DUAL)["events"]
    teams = [
        (e["event_name"], e["gender"], r["place"], r["team"], r["mark_normalized"])
        for e in events
        if e["kind"] == "team_scores"
        for r in e["results"]
    ]
    assert teams == [
        ("Boys Team Scores", "M", 1, "Lincoln", 78.0),
        ("Boys Team Scores", "M", 2, "Central", 59.0),
        ("Girls Team Scores", "F", 1, "Central", 81.0),
        ("Girls Team Scores", "F", 2, "Lincoln", 56.0),
        ("Boys Team Scores", "M", 1, "South Eugene", 51.0),
        ("Boys Team Scores", "M", 2, "Wilsonville", 50.0),
        ("Boys Team Scores", "M", 2, "Crater", 50.0),
    ]
    (sprint,) = [e for e in events if e["kind"] == "individual"]
    assert [(r[1], r[2]) for r in rows({"events": [sprint]})] == [
        ("Desmond Mensah", "L"),
        ("Cyrus Obi", "L"),
    ]


ONE_RUNNER_A_LINE = """\
Junior Girls 4x100m Relay
Pos  Team                     Time
  1  Sutton Coldfield GS      50.45
       ABERNATHY Maya
       SALDANA Ivy
       LANGFORD Ruby
       CORRIGAN Harper
  2  Wolverhampton            51.07
       BRAMWELL Sadie
       REYES Margo
"""


def test_a_relays_runners_one_a_line_under_its_team():
    (relay,) = parse(ONE_RUNNER_A_LINE)["events"]
    assert [(r["team"], [m["athlete"] for m in r["relay_members"]]) for r in relay["results"]] == [
        (
            "Sutton Coldfield GS",
            ["ABERNATHY Maya", "SALDANA Ivy", "LANGFORD Ruby", "CORRIGAN Harper"],
        ),
        ("Wolverhampton", ["BRAMWELL Sadie", "REYES Margo"]),
    ]


TEAM_BLOCKS_ONLY = """\
JV Boys 5K -- Team Results
1 South Eugene HS 34 pts
      2. Greer, Ezra         11  16:01
      3. Harrington, Grant   10  16:20
2 Sprague HS 36 pts
      1. Achebe, Colby       10  15:54
      4. Okafor, Elijah      11  16:37
"""


def test_runners_under_team_lines_are_the_race_when_nothing_else_lists_them():
    teams, race = parse(TEAM_BLOCKS_ONLY)["events"]
    assert [(r["team"], r["mark_normalized"]) for r in teams["results"]] == [
        ("South Eugene HS", 34.0),
        ("Sprague HS", 36.0),
    ]
    assert (race["event_name"], race["kind"]) == ("JV Boys 5K", "individual")
    assert [(r[0], r[1], r[2], r[4]) for r in rows({"events": [race]})] == [
        (1, "Achebe, Colby", "Sprague HS", 954.0),
        (2, "Greer, Ezra", "South Eugene HS", 961.0),
        (3, "Harrington, Grant", "South Eugene HS", 980.0),
        (4, "Okafor, Elijah", "Sprague HS", 997.0),
    ]


def test_runners_under_team_lines_are_not_read_twice_beside_the_individual_results():
    events = parse(DASHED_TEAMS + "\nIndividual Results\n" + TEAMS_THEN_RUNNERS)["events"]
    assert [e["kind"] for e in events].count("individual") == 1


STATUSES = """\
1500 m Women - Final
Pl.  Name                    Year  Club                         Result
1.   Anna Novak              1999  AC Trebic                   4:31.22
     Ida Berg                2001  IK Nord                 Ej startet
     Lea Moss                2000  AC Trebic                  No Pres.
     Eva Holm                2002  IF Syd             bez platného pokusu
"""


def test_a_status_of_several_words_at_the_end_of_a_line():
    (ev,) = parse(STATUSES)["events"]
    assert [(r["athlete"], r["status"]) for r in ev["results"]] == [
        ("Anna Novak", None),
        ("Ida Berg", "DNS"),
        ("Lea Moss", "DNS"),
        ("Eva Holm", "NM"),
    ]


def test_ordinal_places_and_a_spanish_team_table_with_leaders():
    doc = parse(
        "400 Metros Masculinos - Final\n"
        "Class.  Dorsal  Nome                        Clube                         Marca\n"
        "1º      33      Tiago Oliveira              Sporting Clube de Vale        47.90\n"
        "2º      95      Vasco Silva                 GD Estrela Azul               48.09\n"
        "\n"
        "Clasificacion por equipos\n"
        "1º Atletismo Alcobendas Norte ...... 30 puntos\n"
        "2º C.A. Valle del Ebro ...... 40 puntos\n"
    )
    race, teams = doc["events"]
    assert [(r[0], r[1]) for r in rows({"events": [race]})] == [
        (1, "Tiago Oliveira"),
        (2, "Vasco Silva"),
    ]
    assert teams["kind"] == "team_scores"
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in teams["results"]] == [
        (1, "Atletismo Alcobendas Norte", 30.0),
        (2, "C.A. Valle del Ebro", 40.0),
    ]


PRIMES = """\
Categoria: ALLIEVI m 5000
Pos Pett  Cognome Nome                Anno  Societa                          Tempo
  1 1099  RIZZO GABRIELE              2008  G.S. ATL. RIVIERA               15'40"
  2 1500  RINALDI PIETRO              2008  A.S.D. POD. CASTELNUOVO         16'06"
  3 1656  CONTI DAVIDE                2008  CUS MONTEVERDE                  16'21"
    1071  SANTIS ALESSANDRO           2008  A.S.D. POD. CASTELNUOVO           Rit.
"""


def test_minutes_and_seconds_in_prime_notation_among_times_are_times():
    assert [(r[0], r[1], r[4]) for r in rows(parse(PRIMES))] == [
        (1, "RIZZO GABRIELE", 940.0),
        (2, "RINALDI PIETRO", 966.0),
        (3, "CONTI DAVIDE", 981.0),
        (None, "SANTIS ALESSANDRO", None),
    ]


ITALIAN_JUMPS = """\
SALTO IN LUNGO CADETTE - Finale

Pos. Pett.  Atleta                  Anno  Societa                       1a    2a    3a  Prest. Vento
   1   424  MARIANI Martina         2010  ATL. SAN GIORGIO            5.20  5.53  5.16    5.53  +1.2
   2   552  MANCINI Noemi           2010  A.S.D. POD. CASTELNUOVO        -  5.43  5.03    5.43  -0.7
       380  LOMBARDI Noemi          2011  G.S. ATL. RIVIERA              X     X     X    N.M.

SALTO IN ALTO CADETTI - Finale

Pos.  Atleta                  Anno  Societa                     1.50  1.55  1.60  Prest.
   1  COLOMBO Alessandro      2011  A.S.D. POD. CASTELNUOVO        -     O    XO    1.60
   2  MARINO Marco            2010  G.S. ATL. RIVIERA              O    XO   XXX    1.55
"""


def test_italian_attempt_columns_and_the_result_under_prest():
    assert [(r[0], r[1], r[4]) for r in rows(parse(ITALIAN_JUMPS))] == [
        (1, "MARIANI Martina", 5.53),
        (2, "MANCINI Noemi", 5.43),
        (None, "LOMBARDI Noemi", None),  # no valid jump: the bib is no place
        (1, "COLOMBO Alessandro", 1.6),
        (2, "MARINO Marco", 1.55),
    ]


NORDIC = """\
M 100 m
Sija  Nimi                      Seura                      Tulos
1.    Santeri Järvinen          Lahden Kiri-Veikot         11.12
2.    Veeti Mäkelä              Järvenpään Ahkera          11.23

N Pituus

1. Iida Korhonen, Vaasan Urheilijat 6.02 (5.77, x, 5.79, x, 5.93, 6.02)
2. Elli Mäkelä, Vaasan Urheilijat 5.96 (x, 5.96, 5.87, 5.59, x, 5.95)
"""


def test_a_list_in_commas_with_its_tries_in_brackets_under_an_earlier_header():
    sprint, jump = parse(NORDIC)["events"]
    assert [(r[0], r[1], r[2], r[4]) for r in rows({"events": [jump]})] == [
        (1, "Iida Korhonen", "Vaasan Urheilijat", 6.02),
        (2, "Elli Mäkelä", "Vaasan Urheilijat", 5.96),
    ]
    assert [a["raw"] for a in jump["results"][1]["detail"]["attempts"]][:3] == ["x", "5.96", "5.87"]


GLUED = """\
Women 800 Meters
1.Ada Stone         Ridge          2:10.45
2.Bea Page          Lake           2:11.02
3.Cleo Ross         Ridge          2:12.90
"""


def test_places_glued_to_names():
    assert [(r[0], r[1], r[4]) for r in rows(parse(GLUED))] == [
        (1, "Ada Stone", 130.45),
        (2, "Bea Page", 131.02),
        (3, "Cleo Ross", 132.9),
    ]


def test_unreadable_text_says_why_and_gives_no_rows():
    doc = parse("Welcome to our club!\nNo results yet, check back on Sunday.\n")
    assert doc["events"] == []
    assert doc["_error"]


def test_bytes_that_are_no_text_say_so_at_once():
    blob = bytes(range(256)) * 20  # an image, a format no reader knows
    doc = to_contract(parse_document(blob, None, "results.dat"))
    assert doc["events"] == []
    assert "binary" in doc["_error"]


HEADINGS = """\
RIDGE CHAMPIONSHIPS                                   MEET OFFICIALS
St. Paul, MN                                          Meet Director: Ann Moss
October 29, 2016                                      printed: 10/29/2016 1:07 PM
OVERALL RESULTS -     Ridge Turkey Trot
   Meet          Ada Stone - Ridge        25:01.25        2011
Pl Athlete           Team          Time
 1 Bea Page          Lake          25:56.9
 2 Cy Dahl           Hill          26:06.6
"""


def test_the_meet_is_the_report_heading_not_a_side_block_a_record_or_a_generic_prefix():
    meet = parse(HEADINGS)["meet"]
    assert (meet["name"], meet["date"]) == ("RIDGE CHAMPIONSHIPS", "2016-10-29")
    text = HEADINGS.replace("RIDGE CHAMPIONSHIPS", "").replace("October 29, 2016", "")
    meet = parse(text)["meet"]
    assert meet["name"] == "Ridge Turkey Trot"  # 'OVERALL RESULTS -' heads it; 'Meet' a record


@pytest.mark.parametrize(
    ("heading", "name", "date"),
    [
        # 'Résultats' in front is no part of the name; a race named by its distance in km
        (
            "RESULTATS - 10 KM DE LA VILLE 2024\nDimanche 14 avril 2024",
            "10 KM DE LA VILLE 2024",
            "2024-04-14",
        ),
        # a dashed date is no mark: the line is the heading, not a record line
        ("Clubkampioenschappen 2023 - 16-09-2023", "Clubkampioenschappen 2023", "2023-09-16"),
        ("Tulokset - Kalevan kisat 2024, 25.7.2024", "Kalevan kisat 2024", "2024-07-25"),
        # a date range that looks like feet and inches; a weekday beside the date
        (
            "NATIONAL U20 CHAMPIONSHIPS\nKelmscott Arena   12-13 JUL 2025",
            "NATIONAL U20 CHAMPIONSHIPS",
            "2025-07-12",
        ),
        ("Crestview Open - Saturday 12 July 2025", "Crestview Open", "2025-07-12"),
        ("Tidewater Relays\t6/14/2025", "Tidewater Relays", "2025-06-14"),
        # a heading with its year and no meet's word; the race under it is no meet
        (
            "Uitslagen Winterloop Noordhoven 2026\nNoordhoven, 11-01-2026\n\n10 km Heren",
            "Winterloop Noordhoven 2026",
            "2026-01-11",
        ),
        (
            "Resultater - Vinterstevnet i Fjellby\nFjellby, 07.02.2026",
            "Vinterstevnet i Fjellby",
            "2026-02-07",
        ),
        (
            "Mistrzostwa Okręgu w Lekkiej Atletyce\nStadion Miejski, 21.06.2025",
            "Mistrzostwa Okręgu w Lekkiej Atletyce",
            "2025-06-21",
        ),
        (
            "XXV Cross Popular de Villarriba\nVillarriba, 07/04/2018\n\n"
            "Categoría Absoluta Masculina - 8 km",
            "XXV Cross Popular de Villarriba",
            "2018-04-07",
        ),
    ],
)
def test_the_meet_of_a_european_heading(heading, name, date):
    meet = parse(
        f"{heading}\n\n100 m\n1. Jan Vries   AV Noord   11,23\n2. Piet Jans   AV Zuid   11,45\n"
    )["meet"]
    assert (meet["name"], meet["date"]) == (name, date)


THREE_LINE_HEADER = """\
5000m Bahngehen weiblich
  Start   Platz  Platz                        Jahr
                           Name, Vorname             AK           Verein            Zeit
 nummer  gesamt   AK                          gang
  468      1      1    Ulm, Ina               W40   1974 LG Hof                 24:53,84 min
  475      2      1    Vogt, Eva              W45   1968 TV Lahr                26:30,40 min
"""


def test_a_header_on_three_lines_its_labels_read_top_down():
    doc = parse(THREE_LINE_HEADER)
    (ev,) = doc["events"]
    assert (ev["event_name"], ev["gender"]) == ("5000m Bahngehen weiblich", "F")
    got = [
        (r["place"], r["athlete"], r["detail"]["bib"], r["mark_normalized"]) for r in ev["results"]
    ]
    assert got == [(1, "Ulm, Ina", "468", 1493.84), (2, "Vogt, Eva", "475", 1590.4)]
    assert [r["detail"]["divtot"] for r in ev["results"]] == ["1", "1"]  # 'Platz AK'


RULED_PAGES = """\
                                                   Page 1
                     RIDGE HARBOR MARATHON
                          Ridge, MA
                       October 17, 2010
          *  QUALIFIER - BASED ON AGE ON 4/18/11
                       IF DOB AVAILABLE

Place No.   Name                Age S Time     No.
===== ===== =================== === = =======  =====
    1  2260 ANN MOULTON          28 F 2:44:41   2260
    2    21 BEA SHEA             36 F 2:44:44     21

                                                   Page 2
                     RIDGE HARBOR MARATHON
                          Ridge, MA
                       October 17, 2010
          *  QUALIFIER - BASED ON AGE ON 4/18/11
                       IF DOB AVAILABLE

Place No.   Name                Age S Time     No.
===== ===== =================== === = =======  =====
    3  2240 CY NEWBOULD          29 F 2:45:05   2240
"""


def test_ruled_pages_number_columns_are_bibs_and_the_race_is_the_heading_above_the_notes():
    doc = parse(RULED_PAGES)
    (ev,) = doc["events"]  # the table again on the next page continues the race
    assert ev["event_name"] == "RIDGE HARBOR MARATHON"
    got = [(r["place"], r["athlete"], r["detail"]["bib"]) for r in ev["results"]]
    assert got == [(1, "ANN MOULTON", "2260"), (2, "BEA SHEA", "21"), (3, "CY NEWBOULD", "2240")]


AWARD_GROUPS = """\
TOP 10 IN AGE GROUP 35 - 39 YEAR OLD FEMALES  -               RIDGE TURKEY TROT 5K
PLACE    TIME   BIB# NAME                     CITY/STATE            M/F AGE PACE
   1    26:07.9 0232 ANN JODAR                LONG BRANCH          NJ F 37  08:25
   2    28:54.2 0093 BEA LEGASPI              MONROE               NJ F 38  09:19
TOP 10 IN AGE GROUP 40 - 44 YEAR OLD MALES    -               RIDGE TURKEY TROT 5K
PLACE    TIME   BIB# NAME                     CITY/STATE            M/F AGE PACE
   1    17:27.8 0234 CY SARNO                 BEACH HAVEN          NJ M 44  05:37
"""


def test_a_long_title_of_two_phrases_apart_starts_its_own_section():
    doc = parse(AWARD_GROUPS)
    got = [(e["event_name"], e["gender"], len(e["results"])) for e in doc["events"]]
    assert got == [
        ("TOP 10 IN AGE GROUP 35 - 39 YEAR OLD FEMALES - RIDGE TURKEY TROT 5K", "F", 2),
        ("TOP 10 IN AGE GROUP 40 - 44 YEAR OLD MALES - RIDGE TURKEY TROT 5K", "M", 1),
    ]


def test_birth_year_printed_right_of_the_category_is_the_year_and_disq_a_status():
    text = THREE_LINE_HEADER + (
        "  477      3      1    Lenz, Eva              W      1990 LG Bad Au"
        "             33:01,00 min\n"
        "  488                  Lenz, Horst            W45   1967 TSV Au"
        "                    Disq.     Regel 230.7 <<<\n"
    )
    ev = parse(text)["events"][0]
    got = [
        (r["team"], r["year"], r["detail"].get("category"), r["status"], r["mark_normalized"])
        for r in ev["results"]
    ]
    assert got == [
        ("LG Hof", "1974", "W40", None, 1493.84),
        ("TV Lahr", "1968", "W45", None, 1590.4),
        ("LG Bad Au", "1990", "W", None, 1981.0),  # the main class: a gender letter
        ("TSV Au", "1967", "W45", "DQ", None),  # the rule number is no mark
    ]
    assert ev["results"][2]["athlete"] == "Lenz, Eva"


def test_a_comma_printed_apart_from_the_surname_stays_in_the_name():
    text = (
        "Place Name                   Yr  Team           Time\n"
        "  1   KRAIMER , Mike         SO  Concordia      28:27.5\n"
        "  2   LEE , Ann              FR  Bethel         28:30.1\n"
    )
    assert [r[:3] for r in rows(parse(text))] == [
        (1, "KRAIMER, Mike", "Concordia"),
        (2, "LEE, Ann", "Bethel"),
    ]


def test_ffa_lines_the_country_in_brackets_after_the_name_and_the_category_after_the_club():
    # French federation lists: 'NAME Given (FRA)   Club   ESM/03  10''71', no header
    text = (
        "100m - Hommes - Finale (Vent : +1.4 m/s)\n"
        "  1 ROUSSEAU Lucas (FRA)        Stade Français        ESM/03  10''71\n"
        "  2 BERNARD Nathan (FRA)        ES Montgeron          ESM/03  10''80\n"
        "  3 DURAND Kylian (FRA)         US Créteil            SEM/99  10''97\n"
        "  - ROBERT Maxime (FRA)         CA Montreuil 93       SEM/99  DNS\n"
    )
    ev = parse(text)["events"][0]
    got = [
        (r["athlete"], r["team"], r["year"], r["detail"].get("country"), r["mark_normalized"])
        for r in ev["results"]
    ]
    assert got == [
        ("ROUSSEAU Lucas", "Stade Français", "03", "FRA", 10.71),
        ("BERNARD Nathan", "ES Montgeron", "03", "FRA", 10.8),
        ("DURAND Kylian", "US Créteil", "99", "FRA", 10.97),
        ("ROBERT Maxime", "CA Montreuil 93", "99", "FRA", None),  # the club's 93 is no mark
    ]
    assert ev["results"][-1]["status"] == "DNS"


@pytest.mark.parametrize("page", ["Pag. 2", "Página 2", "Pagina 2 di 3", "Sida 2 av 3", "Strona 2"])
def test_a_page_number_in_another_language_starts_no_section(page):
    text = (
        "Lancio del Disco Uomini - Finale\n"
        "Pos. Atleta                           Società                    Prestazione\n"
        "  1  ROSSI Marco                      ATL. SIENA                       55.00\n"
        "  2  BIANCHI Luca                     ATL. SIENA                       53.70\n"
        f"\n{page:>90}\n\n"
        "  3  VERDI Paolo                      CUS PISA                         52.40\n"
        "  4  NERI Andrea                      CUS PISA                         51.10\n"
    )
    doc = parse(text)
    assert [(e["event_name"], len(e["results"])) for e in doc["events"]] == [
        ("Lancio del Disco Uomini - Finale", 4)
    ]


def test_a_ruled_report_names_each_block_by_the_title_over_its_header():
    # the second block's title had been taken for a row of the first and lost
    block = (
        "Place Name                                Age           Div         Time\n"
        "===== ======================              ===         =====      =======\n"
        "    1 {0}A TESTER                      30         {1}3034      1:30:10\n"
        "    2 {0}B TESTER                      31         {1}3034      1:33:11\n"
    )
    text = (
        "TEST HALF MARATHON - RESULTS\n\nFEMALE OVERALL RESULTS\n"
        + block.format("ANNA", "F")
        + "\nMALE OVERALL RESULTS\n"
        + block.format("OTTO", "M")
    )
    doc = parse(text)
    assert [(e["event_name"], e["gender"], len(e["results"])) for e in doc["events"]] == [
        ("FEMALE OVERALL RESULTS", "F", 2),
        ("MALE OVERALL RESULTS", "M", 2),
    ]


@pytest.mark.parametrize("wind", ["Vento: -1.1", "Wind: -1.1", "Wind -1.1 m/s"])
def test_a_heats_wind_line_over_the_header_is_no_half_of_it(wind):
    # 'Vento' is a header word: the line had been read as the header's upper half, its
    # columns lost (a two-digit bib then read as the place)
    text = (
        " 100 Metri Uomini - Batteria 1\n"
        f" {wind}\n"
        "Pos.  Pett. Atleta                       Anno   Cat. Società              Prestazione\n"
        "  1   204   BRUNO Matteo                 1999   SM   ATL. SIENA                10.59\n"
        "  2    80   COSTA Pietro                 1999   SM   ATL. SIENA                11.40\n"
        "      371   RICCI Lorenzo                1999   SM   ATL. SIENA              Assente\n"
    )
    got = [(r["place"], r["detail"].get("bib"), r["wind"], r["status"]) for r in rows_of(text)]
    assert got == [(1, "204", -1.1, None), (2, "80", -1.1, None), (None, "371", -1.1, "DNS")]


def rows_of(text: str) -> list[dict[str, Any]]:
    return [r for e in parse(text)["events"] for r in e["results"]]


def kinded_rows(text: str) -> list[tuple[Any, ...]]:
    """(kind, place, athlete or team, mark) of every row: runners and teams in one list."""
    return [
        (e["kind"], r["place"], r["athlete"] or r["team"], r["mark"])
        for e in parse(text)["events"]
        for r in e["results"]
    ]


def test_a_records_letters_between_two_words_of_a_club_are_the_clubs():
    # 'CR' (a championship record) inside 'ATL. VIRTUS CR LUCCA' had cut the club in two,
    # its first half read into the name
    text = (
        "100 Metri Uomini - Finale\n"
        "Pos. Atleta                           Società                     Prestazione\n"
        "  1  ROSSI Marco                      ATL. SIENA                        10.60\n"
        "  2  NERI Luca                        ATL. VIRTUS CR LUCCA              10.67\n"
        "  3  BIANCHI Paolo                    C.U.S. PISA                       10.74 CR\n"
    )
    got = [(r["athlete"], r["team"]) for r in rows_of(text)]
    assert got == [
        ("ROSSI Marco", "ATL. SIENA"),
        ("NERI Luca", "ATL. VIRTUS CR LUCCA"),
        ("BIANCHI Paolo", "C.U.S. PISA"),
    ]


NEWSPAPER = """\
                          Flow Test Meet -- May 7, 2022 -- Results

Girls 100 Meters                                 3 F. Garrity     Sandpiper     39.95
 1 A. Barlow      Bayside        12.47           4 G. Hensley     Bayside       37.12
 2 B. Coleman     Seacliff       12.65
 3 C. Dunbar      Driftwood      12.73          Girls 3200 Meters
                                                 1 H. Ingram      Seacliff   11:30.47
Boys Discus                                      2 I. Kincaid     Driftwood  11:46.58
 1 D. Ellison     Bayside        44.21           3 J. Larkin      Bayside    12:16.57
 2 E. Foreman     Seacliff       41.90
"""


def test_a_page_in_two_columns_without_a_header_is_read_column_by_column():
    # each line had been read as one row: a 100m runner with the discus thrower's club and mark
    doc = parse(NEWSPAPER)
    assert [(e["event_name"], [r["athlete"] for r in e["results"]]) for e in doc["events"]] == [
        ("Girls 100 Meters", ["A. Barlow", "B. Coleman", "C. Dunbar"]),
        ("Boys Discus", ["D. Ellison", "E. Foreman", "F. Garrity", "G. Hensley"]),
        ("Girls 3200 Meters", ["H. Ingram", "I. Kincaid", "J. Larkin"]),
    ]
    assert rows(doc)[6] == (4, "G. Hensley", "Bayside", None, 37.12)


REPORT_BESIDE = """\
WINTER LEAGUE ROUND 3  -  CRAG END, SUNDAY 19 JANUARY 2025

What a morning on the fells! Over sixty       SENIOR MEN  (7.2 km)
runners braved the drizzle for round          Pos Name             Club              Cat   Time
three of the league at Crag End, and          1   Joris Trewin     Kirkby Harriers   SM   25:33
the ground was as heavy as anyone can         2   Ruben Cardwell   Dale Runners      M40  25:46
remember.                                     3   Milan Okafor     Fellside AC       M50  26:01
"""


def test_results_printed_beside_a_column_of_prose_are_read_apart_from_it():
    # each result line had been read with the sentence beside it: no layout recognised
    got = [(r[0], r[1], r[2], r[4]) for r in rows(parse(REPORT_BESIDE))]
    assert got == [
        (1, "Joris Trewin", "Kirkby Harriers", 1533.0),
        (2, "Ruben Cardwell", "Dale Runners", 1546.0),
        (3, "Milan Okafor", "Fellside AC", 1561.0),
    ]


def test_a_wide_table_of_tries_is_no_page_in_two_columns():
    text = (
        "Diskuswurf Männer (2 kg)\n"
        "Platz StNr  Name                     Verein              Jg    1.        2.        "
        "3.     Leistung\n"
        "  1.   230  Wagner, Lukas            ABC Ludwigshafen  2003  51,62     55,72     "
        "51,70     55,72\n"
        "  2.   162  Schneider, Bastian       TSG Mainz         1999  53,36         x     "
        "53,36     53,36\n"
        "  3.   118  Braun, Felix             LG Worms          2001  49,10     50,02         "
        "x     50,02\n"
    )
    got = [(r[1], r[4]) for r in rows(parse(text))]
    assert got == [("Wagner, Lukas", 55.72), ("Schneider, Bastian", 53.36), ("Braun, Felix", 50.02)]


def test_a_line_of_winds_under_a_jumpers_tries_gives_the_results_wind():
    # Omega prints each try's wind on the line below; it had been read as four more tries
    text = (
        "Women's Long Jump Final\n"
        "Rank  Name                           Nat         1          2          3        Result\n"
        "   1  Anna BARLOW                    GBR      6.71       6.80          x         6.80\n"
        "                                               +0.4       +1.1       -0.2         +1.1\n"
        "   2  Beth COLEMAN                   USA      6.55          x       6.62         6.62\n"
        "                                               +0.9       +0.3       -0.6         -0.6\n"
    )
    got = [(r["athlete"], r["mark_normalized"], r["wind"]) for r in rows_of(text)]
    assert got == [("Anna BARLOW", 6.8, 1.1), ("Beth COLEMAN", 6.62, -0.6)]


def test_a_calm_try_printed_unsigned_and_a_results_wind_alone_under_it():
    # Omega prints no wind as '0.0'; a list without tries prints only the result's wind below it
    text = (
        "Women's Long Jump Final\n"
        "Rank  Name                           Nat         1          2          3        Result\n"
        "   1  Anna BARLOW                    GBR      6.71       6.80          x         6.80\n"
        "                                               +0.4        0.0       -0.2          0.0\n"
        "   2  Beth COLEMAN                   USA      6.55          x       6.62         6.62\n"
        "                                                0.0                  +1.2         +1.2\n"
        "\n"
        "Women's Triple Jump Final\n"
        "Rank  Name                           Nat                                      Result\n"
        "   1  Cara DOYLE                     IRL                                       13.40\n"
        "                                                                                +1.0\n"
        "   2  Dana ELLIS                     CAN                                       13.21\n"
        "                                                                                -0.5\n"
    )
    got = [(r["athlete"], r["mark_normalized"], r["wind"]) for r in rows_of(text)]
    assert got == [
        ("Anna BARLOW", 6.8, 0.0),
        ("Beth COLEMAN", 6.62, 1.2),
        ("Cara DOYLE", 13.4, 1.0),
        ("Dana ELLIS", 13.21, -0.5),
    ]


def test_a_status_row_without_a_place_and_its_club_in_brackets():
    text = (
        "Men 800m Grade A\n"
        "1st   Hemi Ngata (Lynndale) 1:56.1\n"
        "2nd   Cooper Walsh (Takapuna) 1:57.0\n"
        "      Fletcher Kelly (Waitakere) DNF\n"
    )
    got = [(r["place"], r["athlete"], r["team"], r["status"]) for r in rows_of(text)]
    assert got == [
        (1, "Hemi Ngata", "Lynndale", None),
        (2, "Cooper Walsh", "Takapuna", None),
        (None, "Fletcher Kelly", "Waitakere", "DNF"),  # (its name had been cut at its space)
    ]


def test_an_individual_title_after_a_team_table_starts_the_runners_section():
    # the runners under 'INDIVIDUAL RESULT' had been read as more teams, without marks
    text = (
        "Junior Boys 4km\n\n"
        "TEAM RESULT (first 5 to score)\n\n"
        "1. Yardley Academy 30 pts (1+5+6+7+11)\n"
        "2. Abernathy HS 44 pts (2+8+9+12+13)\n\n"
        "INDIVIDUAL RESULT\n\n"
        "  1  Emmett Lusk              Delacroix HS       16:54\n"
        "  2  Keegan Delacroix         Yardley Academy    16:58\n"
        "  3  Rowan Delacroix          Abernathy HS       17:03\n"
    )
    doc = parse(text)
    assert [(e["kind"], len(e["results"])) for e in doc["events"]] == [
        ("team_scores", 2),
        ("individual", 3),
    ]
    assert doc["events"][1]["results"][0]["athlete"] == "Emmett Lusk"


def test_a_mixed_relays_runners_after_its_time_each_with_their_sex():
    text = (
        "Mixed 4x400m Relay  Final\n\n"
        "Pl  Club                         Time     Members\n"
        " 1  Ingram AC                    3:34.69  Dallas Quarles (M), Jolie Pike (F), "
        "Aubrey Holloway (F), Tyler Kettering (M)\n"
        " 2  Jessup Harriers              3:36.41  Rowan Rasmussen (M), Delaney Tolliver (F), "
        "Jolie Pruett (F), Devon Stroud (M)\n"
    )
    (first, second) = rows_of(text)
    assert (first["team"], first["mark_normalized"]) == ("Ingram AC", 214.69)
    assert [(m["athlete"], m["sex"]) for m in first["relay_members"]] == [
        ("Dallas Quarles", "M"),
        ("Jolie Pike", "F"),
        ("Aubrey Holloway", "F"),
        ("Tyler Kettering", "M"),
    ]
    assert second["team"] == "Jessup Harriers"


def test_a_club_page_printing_names_without_clubs():
    # a title naming its year is no header ('Club' over 'Results' had read every name as a
    # relay's team); two words are one name, not a name and a club; a category in brackets is
    # the runner's, and a status before a name is that runner's
    text = (
        "Club Championships 2024 - Results\n\n"
        "U12 Girls 60m\n"
        "1. Aoife Tierney 9.1\n"
        "2. Meabh Tierney 9.3\n"
        "3. Caoimhe Mulcahy 9.6\n\n"
        "Masters 3000m\n"
        "1. Senan Geraghty (M60) 10:12.3\n"
        "2. Eoin Doherty (M45) 10:14.9\n"
        "DNF Darragh Brennan\n"
        "DNF Did Not Finish\n"
    )
    doc = to_contract(parse_document(text.encode(), "results.txt"))
    assert {e["kind"] for e in doc["events"]} == {"individual"}
    got = [(r["place"], r["athlete"], r["team"], r["mark"], r["status"]) for r in rows_of(text)]
    assert got == [
        (1, "Aoife Tierney", None, "9.1", None),
        (2, "Meabh Tierney", None, "9.3", None),
        (3, "Caoimhe Mulcahy", None, "9.6", None),
        (1, "Senan Geraghty", None, "10:12.3", None),
        (2, "Eoin Doherty", None, "10:14.9", None),
        (None, "Darragh Brennan", None, "DNF", "DNF"),
    ]


@pytest.mark.parametrize("heat_word", ["Lauf", "běh", "bieg", "Reeks"])
def test_heats_numbered_like_places_and_a_series_line_under_each_throw(heat_word: str):
    # '2. Lauf (Wind: -0,3)' had been read as a row (athlete 'Lauf') and its wind lost; a
    # labelled series under a row ('Série: x 16,73 ...') had started a section of its own
    text = (
        "100 m Muži - rozběhy\n"
        f"1. {heat_word}   (vítr: +0,4)\n"
        "Poř.  Jméno                     Nar.  Oddíl                      Výkon\n"
        "  1.  Hájek Adam                06    TJ Jiskra Ždírec           10,99\n"
        "  2.  Jelínek Adam              08    TJ Sokol Dolní Bříza       11,02\n\n"
        f"2. {heat_word}   (vítr: -0,3)\n"
        "Poř.  Jméno                     Nar.  Oddíl                      Výkon\n"
        "  1.  Veselý Lukáš              05    AC Tábor-Horka             10,93\n\n"
        "Vrh koulí Muži (6 kg) - finále\n"
        "Poř.  Jméno                     Nar.  Oddíl                      Výkon\n"
        "  1.  Veselý Adam               05    TJ Sokol Dolní Bříza       17,02\n"
        "      Série: x  16,73  15,93  x  17,02  x\n"
        "  2.  Pokorný Adam              06    AC Tábor-Horka             15,96\n"
        "      Série: 15,54  15,05  x  x  15,30  15,96\n"
    )
    doc = parse(text)
    got = [
        (e["event_name"], r["place"], r["athlete"], r["wind"])
        for e in doc["events"]
        for r in e["results"]
    ]
    assert got == [
        ("100 m Muži - rozběhy", 1, "Hájek Adam", 0.4),
        ("100 m Muži - rozběhy", 2, "Jelínek Adam", 0.4),
        ("100 m Muži - rozběhy", 1, "Veselý Lukáš", -0.3),
        ("Vrh koulí Muži (6 kg) - finále", 1, "Veselý Adam", None),
        ("Vrh koulí Muži (6 kg) - finále", 2, "Pokorný Adam", None),
    ]


def test_a_combined_events_sheet_its_winds_and_a_dnf():
    # the bracketed winds under each athlete's marks had been read as the next rows' wind (a
    # points total has none), and a DNF in the last event's column had lost its row
    text = (
        "DECATHLON MEN - FINAL STANDINGS\n\n"
        "Rank Name                Club             YOB    100m     LJ     SP   Total\n"
        "  1  Xander HARLOWE      Ravensholm AAC   2000  10.76   7.05  14.41    2494\n"
        "                                               (-0.8) (+0.9)\n"
        "                                                  915    826    753\n\n"
        "  2  Quinn TREMAYNE      Holm Forest AC   2004  11.32   7.18  12.02    2256\n"
        "                                               (+1.0) (-0.6)\n"
        "                                                  791    857    608\n\n"
        "     Alistair PENNICK    Coldbrook Harriers 2005 11.07  6.95            DNF\n"
        "                                               (-1.2)\n"
    )
    got = [(r["place"], r["athlete"], r["mark"], r["wind"], r["status"]) for r in rows_of(text)]
    assert got == [
        (1, "Xander HARLOWE", "2494", None, None),
        (2, "Quinn TREMAYNE", "2256", None, None),
        (None, "Alistair PENNICK", "DNF", None, "DNF"),
    ]


def test_team_scores_under_a_ruled_runners_table():
    # the ruled reader read the runners and nothing after them: the teams were lost
    text = (
        "Varsity Boys 5K Run CC\n\n"
        "   Place Name                    Gr School               Time      Pts\n"
        "   ===== ======================= == ==================== ========= ====\n"
        "       1 Dario Pennick           11 Coldbrook              16:02.4    1\n"
        "       2 Owen Hadley             10 Ridgeview              16:10.0    2\n\n"
        "Team Scores\n"
        "Rank Team                  Score    1    2    3    4    5   *6   *7\n"
        "   1 Bramwell                 54    3    4   12   17   18 (19) (27)\n"
        "   2 Ridgeview                64    2    9   10   20   23 (25) (30)\n"
    )
    assert kinded_rows(text) == [
        ("individual", 1, "Dario Pennick", "16:02.4"),
        ("individual", 2, "Owen Hadley", "16:10.0"),
        ("team_scores", 1, "Bramwell", "54"),
        ("team_scores", 2, "Ridgeview", "64"),
    ]


def test_a_page_heading_with_its_date_and_clock_time_is_no_unplaced_row():
    # the heading repeated over each heat, its clock time under the time column, had been read
    # as a runner with no place
    text = (
        "Foxhollow Open - Sprint Series #3                        06/14/2025   18:41:07\n"
        "Men 100m  Round 1  Heat 1 of 3                         Wind: +1.1 m/s\n\n"
        "Place  Lane  ID    Name                        Affiliation               Time      React\n"
        "   1     4   538   EASTERBY, Idris             Fernmouth TC              11.386   0.121\n"
        "\n"
        "Foxhollow Open - Sprint Series #3                        06/14/2025   18:42:07\n"
        "Men 100m  Round 1  Heat 2 of 3                         Wind: -0.6 m/s\n\n"
        "Place  Lane  ID    Name                        Affiliation               Time      React\n"
        "   1     5   227   COLBOURNE, Edmund           Northgate Uni AC          11.402   0.087\n"
    )
    got = [(r["place"], r["athlete"], r["wind"]) for r in rows_of(text)]
    assert got == [(1, "EASTERBY, Idris", 1.1), (1, "COLBOURNE, Edmund", -0.6)]


def test_a_school_sports_days_house_standings_are_team_scores():
    # 'Final House Standings' had been read as a column header, its houses as relay teams
    text = (
        "Year 9 Girls 200m\n\n"
        "1st      Carys Harlowe           Drake      29.4\n\n"
        "2nd      Fern Pellow             Nelson     30.1\n\n"
        "Final House Standings\n\n"
        "1st      Raleigh      58 points\n\n"
        "2nd      Wolfe      56 points\n"
    )
    assert kinded_rows(text) == [
        ("individual", 1, "Carys Harlowe", "29.4"),
        ("individual", 2, "Fern Pellow", "30.1"),
        ("team_scores", 1, "Raleigh", "58"),
        ("team_scores", 2, "Wolfe", "56"),
    ]


def test_a_metric_mark_with_its_feet_and_inches_beside_it():
    # the conversion's feet, cut from its inches at the space, had become the mark
    text = (
        "Women Long Jump\n"
        "Pl  Name                Year  Team             Mark               Wind   Pts\n"
        "1   Saffron Tattersall  FR    Northgate        6.16m   20' 02.25\"  -0.9    10\n"
        "2   Aoife Fairweather   SO    Kellerton State  6.06m   19' 10.75\"  +0.0     8\n"
        "3   Bea Lund            JR    Kellerton State  19' 8\"              +1.1     6\n"
    )
    got = [(r["athlete"], r["mark_normalized"], r["wind"]) for r in rows_of(text)]
    assert got == [
        ("Saffron Tattersall", 6.16, -0.9),
        ("Aoife Fairweather", 6.06, 0.0),
        ("Bea Lund", 5.9944, 1.1),
    ]


def test_a_spanish_sheet_with_surname_comma_name_in_one_column():
    # 'Apellidos, Nombre' had been read as two columns: the bib of an unplaced row became its
    # place, and 'Nulo' (no valid try) was no status
    text = (
        "Salto de longitud mujeres - Final\n"
        "Pto.  Dorsal  Apellidos, Nombre                      Año   Club                    Marca\n"
        "1     212     URRUTIA, Alba                          2001  C.A. Valdemora          6,04\n"
        "2     301     GALLARDO, Inés                         2003  At. Puerto Albar        5,97\n"
        "      888     OLMEDO, Sara                           2005  C.A. Valdemora           Nulo\n"
    )
    got = [(r["place"], r["athlete"], r["team"], r["status"]) for r in rows_of(text)]
    assert got == [
        (1, "URRUTIA, Alba", "C.A. Valdemora", None),
        (2, "GALLARDO, Inés", "At. Puerto Albar", None),
        (None, "OLMEDO, Sara", "C.A. Valdemora", "NM"),
    ]


@pytest.mark.parametrize(
    "title", ["Knockmoyle AC Club Results", "Club Championships 2024 - Results", "Club Results"]
)
def test_a_title_naming_a_club_and_results_is_no_column_header(title: str):
    # 'Club' and 'Results' had read as a header of a team and a mark: every runner a relay team
    rows = "1. Aoife Tierney  Knock AC  9.1\n2. Meabh Tierney  Tully AC  9.3\n"
    text = f"{title}\n\nU12 Girls 60m\n{rows}"
    doc = parse(text)
    assert [e["kind"] for e in doc["events"]] == ["individual"]
    assert [(r["athlete"], r["team"]) for r in rows_of(text)] == [
        ("Aoife Tierney", "Knock AC"),
        ("Meabh Tierney", "Tully AC"),
    ]


PRELIMS_SHEET = """\
Prelims

Men 200 Meter Dash
    Name                    Year School                  Prelims  H#
Heat 1 of 2  Wind: -1.2
   1 Colbourne, Edmund       JR   Easterby Univ.         20.94Q     1
   2 Fenwick, Rhys           FR   Dimmock State          21.14Q     1
Heat 2 of 2  Wind: +2.4
   1 Gosling, Idris          SO   Dimmock State          20.92Q     2

Women 400 Meter Hurdles
    Name                    Year School                  Prelims  H#
Heat 1 of 1
   1 Kimber, Maren           SR   Hebden A&M             58.94Q     1
"""


@pytest.mark.parametrize("sheet_round", [True, False])
def test_heats_of_a_printed_round_keep_it_and_a_heat_printing_no_wind_has_none(sheet_round: bool):
    # 'Heat 1 of 2' under 'Prelims' had made the round Heats (and 'Heat 2' a new event of its
    # own), and the 400m hurdles' heat, printing no wind, took the 200m's last heat's +2.4
    text = PRELIMS_SHEET
    if not sheet_round:  # the round printed under each event's title instead
        text = text.replace("Prelims\n\n", "").replace("Dash\n", "Dash\nPRELIMS\n")
        text = text.replace("Hurdles\n", "Hurdles\nPRELIMS\n")
    doc = parse(text)
    got = [(e["event_name"], e["round"], [r["wind"] for r in e["results"]]) for e in doc["events"]]
    assert got == [
        ("Men 200 Meter Dash", "Prelims", [-1.2, -1.2, 2.4]),
        ("Women 400 Meter Hurdles", "Prelims", [None]),
    ]


@pytest.mark.parametrize(
    ("printed", "team", "squad"),
    [
        ("Ridgeview 'A'", "Ridgeview", "A"),
        ("Harrowgate (B)", "Harrowgate", "B"),
        ("Logan B", "Logan B", None),  # a bare letter: a school's second team, a team of its own
    ],
)
def test_a_relay_squads_letter_in_quotes_or_brackets_is_no_part_of_its_team(
    printed: str, team: str, squad: str | None
):
    text = (
        "Event 12  Boys 4x100 Meter Relay\n"
        "    School                   Seed    Finals  Points\n"
        f"  1 {printed:<24} 43.63   43.10   10\n"
        "  2 Coldbrook 'A'            44.02   43.88    8\n"
    )
    (first, second) = parse(text)["events"][0]["results"]
    assert (first["team"], (first.get("detail") or {}).get("relay")) == (team, squad)
    assert (second["team"], second["detail"]["relay"]) == ("Coldbrook", "A")


def test_a_title_opening_with_a_category_and_a_distance_is_no_tied_place():
    # Finnish 'T15 800 m' (tytöt, girls under 15) had been read as a row tied 15th, and its
    # girls' rows went to the boys' race above
    text = (
        "P17 100 m   Loppukilpailu\n"
        "Sij. Nimi                 Seura                 Tulos\n"
        "1    Mäkelä Eetu          Pohjan-Veikot         11,31\n"
        "2    Ahonen Onni          Tuulikylän Isku       11,83\n\n"
        "T15 800 m   Loppukilpailu\n"
        "Sij. Nimi                 Seura                 Tulos\n"
        "1    Heikkinen Aino       Kallioniemen Kisa     2.21,87\n"
    )
    got = [(e["event_name"], e["gender"], len(e["results"])) for e in parse(text)["events"]]
    assert got == [("P17 100 m Loppukilpailu", "M", 2), ("T15 800 m Loppukilpailu", "F", 1)]


def test_a_catalan_header_names_the_year_and_bib_columns():
    text = (
        "CADET MASCULÍ  (3.500 m)\n\n"
        "Pos.  Dors.  Nom                         Any   Club                        Temps\n"
        "1     300    Martí Roca                  2012  CA Vilallonga               11:02\n"
        "2     301    Pau Font                    2011  UA Riudaura                 11:18\n"
    )
    got = [(r["athlete"], r["year"], r["team"]) for r in rows_of(text)]
    assert got == [("Martí Roca", "2012", "CA Vilallonga"), ("Pau Font", "2011", "UA Riudaura")]


@pytest.mark.parametrize(
    "title",
    ["Classificació per equips - Cadet masculí", "Clasament pe echipe", "Csapatverseny"],
)
def test_a_team_classification_in_catalan_romanian_or_hungarian_gives_team_rows(title: str):
    text = (
        "CADET MASCULÍ  (3.500 m)\n\n"
        "Pos.  Nom                         Club                        Temps\n"
        "1     Martí Roca                  CA Vilallonga               11:02\n"
        "2     Pau Font                    UA Riudaura                 11:18\n\n"
        f"{title}\n\n"
        "1   CA Vilallonga                   1+5+9             15 punts\n"
        "2   UA Riudaura                     2+6+10            18 punts\n"
    )
    teams = [e for e in parse(text)["events"] if e["kind"] == "team_scores"]
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in teams[0]["results"]] == [
        (1, "CA Vilallonga", 15.0),
        (2, "UA Riudaura", 18.0),
    ]


def test_a_dash_in_the_place_column_with_its_bracket_is_a_blank_place():
    # '-)' under '1)', '2)' had dropped the runner who did not finish
    text = (
        "1500m\n"
        "1) Pennick, Aoife          Tilbury Grammar         4:41.2\n"
        "2) Hadley, Bryony          Harwick Academy         4:50.9\n"
        "-) Stannard, Nell          Tilbury Grammar         DNF\n"
    )
    got = [(r["place"], r["athlete"], r["status"]) for r in rows_of(text)]
    assert got == [
        (1, "Pennick, Aoife", None),
        (2, "Hadley, Bryony", None),
        (None, "Stannard, Nell", "DNF"),
    ]


def test_a_greek_list_under_its_header_keeps_a_clubs_founding_year():
    # its header words had been unknown: read without them, the club's '1998' went astray
    text = (
        "12/04/2026\n"
        "100μ. Ανδρών - Τελικός\n"
        "Θέση Ονοματεπώνυμο           Έτος  Σύλλογος                  Επίδοση\n"
        "1    ΜΑΚΡΗΣ Γιώργος            2001  Ο.Κ. Νεμέα 1998             10.84\n"
        "2    ΒΛΑΧΟΣ Χρήστος            2004  Α.Ο. Ποσειδών Κεγχρεών      11.34\n"
    )
    doc = parse(text)
    assert doc["meet"]["date"] == "2026-04-12"
    [ev] = doc["events"]
    assert (ev["event_name"], ev["gender"], ev["round"]) == (
        "100μ. Ανδρών - Τελικός",
        "M",
        "Finals",
    )
    assert [(r["year"], r["team"]) for r in ev["results"]] == [
        ("2001", "Ο.Κ. Νεμέα 1998"),
        ("2004", "Α.Ο. Ποσειδών Κεγχρεών"),
    ]


def test_a_page_title_parted_by_a_dash_is_no_header_and_a_status_with_a_colon_opens_a_row():
    # 'Club Open – results' (a team word and a mark word) had been read as a relay's header:
    # every runner a relay team named 'Name (Club)'; 'DNS: Name (Club)' had given no row
    text = (
        "Club Open – results\n\n"
        "Women 200m – Final (wind +1.1)\n\n"
        "  1. Hattie Wetherell (Saltmarsh Harriers) 24.78\n\n"
        "  2. Saffron Gallimore (Northgate Uni AC) 25.04\n\n"
        "  3. Freya Pridmore (Westmoor AC) 25.27\n\n"
        "  DNS: Wren Tattersall (Fernmouth TC)\n\n"
        "  DNS: Did not start\n"
    )
    [ev] = parse(text)["events"]
    assert ev["kind"] == "individual"
    got = [(r["place"], r["athlete"], r["team"], r["status"]) for r in ev["results"]]
    assert got == [
        (1, "Hattie Wetherell", "Saltmarsh Harriers", None),
        (2, "Saffron Gallimore", "Northgate Uni AC", None),
        (3, "Freya Pridmore", "Westmoor AC", None),
        (None, "Wren Tattersall", "Fernmouth TC", "DNS"),
    ]


def test_a_time_in_brackets_after_the_mark_is_no_wind():
    # '11.15 (11.1)': the time rounded to tenths, beside the mark; it had been stored as the
    # wind (11.1 m/s); a wind in brackets is signed, or one digit before its decimal
    text = (
        "Pl  Name                   Club                 Time\n"
        " 1  Ivo Tremayne           Kestrel Vale RC      11.15 (11.1)\n"
        " 2  Quinn Harlowe          Kestrel Vale RC      11.24 (1.2)\n"
    )
    got = [(r["mark"], r["wind"]) for r in rows_of(text)]
    assert got == [("11.15", None), ("11.24", 1.2)]


def test_the_rule_cited_under_a_disqualified_row_is_its_reason():
    # 'TR22.6.2 hurdle clearance' had started an event of its own, and the next reason line
    # had joined the next runner's name
    text = (
        "Women 200m Final\n"
        "Pos         Name                      Club                        Time\n"
        "  1         Aoife Brandt              Thornbury AC                24.25\n"
        "  2         Dulcie Morrow             Pencaster AC                24.53\n"
        "            Mabel Fenn                Thornbury AC                  DQ\n"
        "            TR22.6.2 hurdle clearance (trailing leg)\n"
        "            Wren Oakhill              Pencaster AC                  DQ\n"
        "            TR16.8 false start\n"
    )
    [ev] = parse(text)["events"]
    got = [
        (r["athlete"], r["status"], (r.get("detail") or {}).get("reason")) for r in ev["results"]
    ]
    assert got == [
        ("Aoife Brandt", None, None),
        ("Dulcie Morrow", None, None),
        ("Mabel Fenn", "DQ", "TR22.6.2 hurdle clearance (trailing leg)"),
        ("Wren Oakhill", "DQ", "TR16.8 false start"),
    ]


@pytest.mark.parametrize("status", ["DNF", "DNF."])
def test_a_status_before_a_runner_and_the_club_in_brackets(status: str):
    text = (
        "Girls 800m\n"
        "1. Ada Lowe (Fernhollow Harriers) 2:31.0\n"
        "2. Maren Hebden (Fernhollow Harriers) 2:34.9\n"
        f"{status} Tamsin Kimber (Millbrook RC)\n"
    )
    got = [(r["place"], r["athlete"], r["team"], r["status"]) for r in rows_of(text)]
    assert got[-1] == (None, "Tamsin Kimber", "Millbrook RC", "DNF")


def test_a_round_line_with_a_start_time_and_a_wind_is_no_title():
    # 'Final   Start Time 20:45   Wind: +0.7 m/s' had replaced the event's name (and gender)
    text = (
        "Men's 100m\n"
        "Final                                 Start Time 20:45        Wind: +0.7 m/s\n"
        "Rank  Name                          NAT              Result\n"
        "   1  HOLM Arvid                    ITA                9.94\n"
        "   2  RASK Tobin                    BEL               10.00\n"
    )
    [ev] = parse(text)["events"]
    assert (ev["event_name"], ev["gender"], ev["round"]) == ("Men's 100m", "M", "Finals")
    assert [r["wind"] for r in ev["results"]] == [0.7, 0.7]


def test_a_dual_meets_final_score_is_its_team_scores():
    # 'Final Score - Men' had been no team title: the running score above it named an event
    # whose runners were the two teams
    text = (
        "Event 1 Men 400 Meters\n"
        "  Pl Name                            Team                         Mark     Pts\n"
        "   1  Nash Yardley                   Ashcombe                    48.00       5\n"
        "   2  Rafe Holling                   Westbrook                   48.43       3\n"
        "      Running score: Westbrook 3 Ashcombe 5\n\n"
        "Final Score - Men\n"
        "  1.  Ashcombe                     5\n"
        "  2.  Westbrook                    3\n"
    )
    events = parse(text)["events"]
    assert [(e["kind"], e["gender"]) for e in events] == [("individual", "M"), ("team_scores", "M")]
    got = [(r["place"], r["team"], r["mark_normalized"]) for r in events[1]["results"]]
    assert got == [(1, "Ashcombe", 5.0), (2, "Westbrook", 3.0)]


def test_a_tables_rule_around_a_row_is_no_part_of_it():
    # '| 1  Zeb Marchbank ... 15.98 |' had been read as the event's title, its row lost
    text = (
        "Men Shot Put Final\n"
        "Pos  Athlete                Club                 Mark\n"
        "| 1  Zeb Marchbank         Gorsebrook AC         15.98 |\n"
        "  2  Callum Tremayne       Oakmere AC            15.54\n"
    )
    [ev] = parse(text)["events"]
    assert ev["event_name"] == "Men Shot Put Final"
    got = [(r["place"], r["athlete"], r["team"], r["mark"]) for r in ev["results"]]
    assert got == [
        (1, "Zeb Marchbank", "Gorsebrook AC", "15.98"),
        (2, "Callum Tremayne", "Oakmere AC", "15.54"),
    ]


@pytest.mark.parametrize("cards", ["~", "~ >", ">>"])
def test_a_race_walkers_warnings_after_the_name_are_no_part_of_it(cards: str):
    # 'Isla Tattersall ~   Harbury AC' had given the name 'Isla' and the team 'Tattersall ~ ...'
    text = (
        "Women 20km Race Walk\n"
        "Pl  Name                         Club                 Time\n"
        f" 1  Isla Tattersall {cards:<12} Harbury AC           1:32:10\n"
        " 2  Verity Grimshaw              Northwold RC         1:34:47\n"
    )
    got = [(r["athlete"], r["team"]) for r in rows_of(text)]
    assert got == [("Isla Tattersall", "Harbury AC"), ("Verity Grimshaw", "Northwold RC")]


def test_team_scores_run_together_under_a_label_of_their_own():
    # 'Teams (4 to score):' alone over '1. DRUMAC 28 (2, 5, 9, 12); 2. GLENB 40 (...); ...' had
    # kept only the first team
    text = (
        "SENIOR WOMEN 6KM\n\n"
        "1. ABERNETHY, Bryony (GLENB) 21:13\n"
        "2. RUSHWORTH, Ingrid (DRUMAC) 21:25\n"
        "3. MOTTRAM, Clemency (ROSSM) 21:43\n\n"
        "Teams (4 to score):\n"
        "1. DRUMAC 28 (2, 5, 9, 12); 2. GLENB 40 (1, 8, 14, 17); 3. ROSSM 51 (3, 10, 15, 23).\n"
    )
    teams = [e for e in parse(text)["events"] if e["kind"] == "team_scores"]
    got = [(r["place"], r["team"], r["mark_normalized"]) for e in teams for r in e["results"]]
    assert got == [(1, "DRUMAC", 28.0), (2, "GLENB", 40.0), (3, "ROSSM", 51.0)]


def test_a_combined_event_non_finisher_with_some_marks_is_a_dnf_row():
    # 'NM  -  -  DNF' after two events' marks: the DNF in the total's column had been lost to
    # the dashes, and the row with it
    text = (
        "Women Pentathlon\n"
        "Pl  Name              Club              60mH   HJ     SP     LJ     800m     Total\n"
        " 1  Tamsin Loxley     Harbury AC        8.71   1.72   12.40  5.98   2:18.40  4275\n"
        " 2  Bryony Kettering  Fenmoor Harriers  8.95   1.66   13.05  5.71   2:21.95  4062\n"
        "    Flora Abernethy   Northwold RC      9.38   1.63   NM     -      -        DNF\n"
    )
    got = [(r["place"], r["athlete"], r["mark"], r["status"]) for r in rows_of(text)]
    assert got[-1] == (None, "Flora Abernethy", "DNF", "DNF")


def test_a_checkpoints_label_of_several_words_is_one_column():
    # 'CP1 Hollin Gill' had been three unknown columns, the header no header: the club went
    # into the name and the first split became the mark
    text = (
        "Pos  Name                      Club                     Cat    CP1 Hollin Gill  "
        "CP2 Raven Crag  Finish\n"
        "  1  Crispin Inchley           Unattached               MSEN   0:45:59          "
        "1:33:41         2:50:20\n"
        "  2  Ulric Crabtree            Raven Crag AC            MV40   0:47:11          "
        "1:36:07         2:54:46\n"
    )
    got = [(r["place"], r["athlete"], r["team"], r["mark"]) for r in rows_of(text)]
    assert got == [
        (1, "Crispin Inchley", "Unattached", "2:50:20"),
        (2, "Ulric Crabtree", "Raven Crag AC", "2:54:46"),
    ]


@pytest.mark.parametrize("team", ["Tamarack A&M", "A&M Tamarack", "Tamarack A&M College"])
def test_an_ampersand_inside_a_teams_word_keeps_the_word(team: str):
    # 'A&M' had been no word: the team's line lost its name's end and its score
    text = (
        "Men - Team Scores\n"
        "  1 Coldwater Univ.                 141\n"
        f"  2 {team:<32}73\n"
        "  3 Osprey Bay                       20\n"
    )
    [ev] = parse(text)["events"]
    got = [(r["place"], r["team"], r["mark_normalized"]) for r in ev["results"]]
    assert got == [(1, "Coldwater Univ.", 141.0), (2, team, 73.0), (3, "Osprey Bay", 20.0)]


@pytest.mark.parametrize(
    ("row", "athlete", "team"),
    [
        # a surname in capitals two spaces from the given name is the name's
        ("  1  Grant  HOLLOWAY        USA               12.99", "Grant HOLLOWAY", "USA"),
        # a club's abbreviation opening the club is the club's
        ("  1  Julian-Konstantin  LAV Steinfurth    7.05", "Julian-Konstantin", "LAV Steinfurth"),
    ],
)
def test_capitals_after_a_one_word_name(row: str, athlete: str, team: str):
    text = f"Men 60m Final\n{row}\n  2  Tim Kastner  SC Muhlenbruck  7.10\n"
    assert (rows_of(text)[0]["athlete"], rows_of(text)[0]["team"]) == (athlete, team)


def test_a_club_printed_under_the_name_beside_a_nation_column_is_the_club():
    # 'Name / Verein' over two lines and a 'Nat.' column: the nation had been taken for the
    # club and the club's line for the next event's title (a founding year in it, too)
    text = (
        "60m Hürden Frauen     Finale\n"
        "  Pl.  Name / Verein                       Jg.        Nat.            Leistung\n"
        "   1   Hollerbach, Greta                   2002       GER                 8,21\n"
        "         LG Kessler-Mühle\n"
        "   2   Vogelsang, Mia                      2004       GER                 8,39\n"
        "         TSV Oberau 1886\n"
        "   3   Riedl, Hannah                       2001       AUT                 8,47\n"
        "         ULC Grazfeld\n"
    )
    [ev] = parse(text)["events"]
    assert [r["team"] for r in ev["results"]] == [
        "LG Kessler-Mühle",
        "TSV Oberau 1886",
        "ULC Grazfeld",
    ]
