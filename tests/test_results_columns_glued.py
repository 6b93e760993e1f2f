"""Columns a layout prints into another: a class year after the name in the name's column
('Grant HOLLOWAY JR', 'Whitaker, Anna SO'), in text and in tables; a birth year in brackets
after a comma-parted club; a surname's particle spelt like a record's letters; French ordinal
places ('1er', '2e'); a relay's runners under its name in a 'Team / Members' column; a jumper's
tries with their winds under the row; a date of birth for a year; a non-finisher's bib under
'Bib'; a timed race's kilometres; relay runners with their bibs and dates of birth; a title's
'25th ... 10K'; heats under a 'Finals' column; a road relay's legs a row each under its team; and
a report whose runners are ruled with dashes and whose team table with '=' (each read by the
reader that reads it)."""

from __future__ import annotations

import pytest

from scraper.results import parse_document, to_contract
from scraper.results.audit import audit_document

HYTEK = """                   Tri-County Invitational 2025 - 4/18/2025

Event 7  Boys 100 Meter Dash
==========================================================
 Pl  Athlete                      School           Prelims
==========================================================
  1  Grant HOLLOWAY JR            Eastside          10.84q
  2  Marcus O'NEIL SO             Lakota West       10.91q
  3  Whitaker, Anna SR            Springboro        10.97q
"""
TABLE = (
    "<html><body><h1>Heartland Indoor Championships</h1><h3>Women's Mile - Final</h3>"
    "<table><tr><th>PL</th><th>Athlete</th><th>Team</th><th>Time</th></tr>"
    "<tr><td>1</td><td><a href='/a/1'>Whitfield, Anna SO</a></td><td>Brookfield</td>"
    "<td>4:31.22</td></tr><tr><td>2</td><td><a href='/a/2'>O'Rourke, Maeve JR-3</a></td>"
    "<td>Hollins Ford</td><td>4:33.90</td></tr><tr><td>3</td><td>de la Cruz, Ximena FR</td>"
    "<td>St. Albans</td><td>4:35.05</td></tr></table></body></html>"
)
SUFFIXES = """Event 1  Boys 100 Meter Dash
==========================================================
 Pl  Athlete                      School           Finals
==========================================================
  1  Grant Holloway JR            Eastside          10.84
  2  Marcus O'Neil                Lakota West       10.91
  3  Tom Whitaker SR              Springboro        10.97
"""


def runners(data: str) -> list[tuple[str | None, str | None, str | None]]:
    doc = to_contract(parse_document(data.encode()))
    return [(r["athlete"], r["year"], r["team"]) for e in doc["events"] for r in e["results"]]


@pytest.mark.parametrize(
    ("data", "want"),
    [
        (
            HYTEK,
            [
                ("Grant HOLLOWAY", "JR", "Eastside"),
                ("Marcus O'NEIL", "SO", "Lakota West"),
                ("Whitaker, Anna", "SR", "Springboro"),
            ],
        ),
        (
            TABLE,
            [
                ("Whitfield, Anna", "SO", "Brookfield"),
                ("O'Rourke, Maeve", "JR-3", "Hollins Ford"),
                ("de la Cruz, Ximena", "FR", "St. Albans"),
            ],
        ),
        # a school grade after the name
        (
            "Event 7  Boys 200 Meter Dash\n" + "=" * 60 + "\n"
            "    Name                     School                   Finals\n" + "=" * 60 + "\n"
            "   1 BROOKS, Jaylen 12        Eastview                21.88\n"
            "   2 DELEON, Mateo 11         Westwood                22.14\n",
            [("BROOKS, Jaylen", "12", "Eastview"), ("DELEON, Mateo", "11", "Westwood")],
        ),
        # 'JR' and 'SR' alone are Junior and Senior: the names keep them
        (
            SUFFIXES,
            [
                ("Grant Holloway JR", None, "Eastside"),
                ("Marcus O'Neil", None, "Lakota West"),
                ("Tom Whitaker SR", None, "Springboro"),
            ],
        ),
    ],
)
def test_a_class_year_after_the_name_is_the_rows_year(data, want):
    assert runners(data) == want


def test_with_the_class_years_apart_the_audit_flags_no_name():
    data = HYTEK.encode()
    assert audit_document(data, parse_document(data)).verdict == "parsed"


XC = """Bluestem Classic XC Invitational
Varsity Girls 5K - Results

Place Name                     Gr  School                  Time     Gap    Pace   Score
----- ------------------------ --  ----------------------  -------  -----  -----  -----
    1 Ava Lindstrom            11  Pine Ridge              18:21.4      --  5:54      1
    2 Maya O'Donnell           12  Cedar Falls             18:33.0  +0:11.6  5:58      2
    3 Sofia de la Peña         10  Pine Ridge              18:47.8  +0:26.4  6:03      3

Team Scores
Rank Team                    Total    1    2    3    4    5   *6   *7
==== ======================= =====  ===  ===  ===  ===  ===  ===  ===
   1 Pine Ridge                 34    1    3    7   10   13   16
   2 Cedar Falls                40    2    5    8   11   14   17
   3 Lakeview                   46    4    6    9   12   15
"""


def test_runners_ruled_with_dashes_beside_a_team_table_ruled_with_equals():
    doc = to_contract(parse_document(XC.encode()))
    got = [
        (e["kind"], r["place"], r["athlete"] or r["team"], r["mark"])
        for e in doc["events"]
        for r in e["results"]
    ]
    assert got == [
        ("individual", 1, "Ava Lindstrom", "18:21.4"),
        ("individual", 2, "Maya O'Donnell", "18:33.0"),
        ("individual", 3, "Sofia de la Peña", "18:47.8"),
        ("team_scores", 1, "Pine Ridge", "34"),
        ("team_scores", 2, "Cedar Falls", "40"),
        ("team_scores", 3, "Lakeview", "46"),
    ]


NORDIC = """RESULTAT
Klass P15 3 km

 1) Hugo Sjöberg, Spårvägens FK (2010)          9:58
 2) Elias Mc Gregor, Hälle IF (2011)           10:04
 3) Viktor von Essen, IFK Lidingö (2010)       10:19
"""
DUTCH = """<html><body><pre>
Uitslag 10 km - Duinenloop Bloemendaal

Pl  Stnr  Naam                        Vereniging                 Cat    Tijd
--  ----  --------------------------  -------------------------  -----  ------
 1   101  VAN DER BERG, Jan           AV Haarlem                 MSEN    33:12
 2    17  EL AMRANI, Youssef          Zuid-Kennemerland          M40     35:51
 3    18  AL FAYED, Omar              Zuid-Kennemerland          M40     36:10
</pre></body></html>"""


@pytest.mark.parametrize(
    ("data", "want"),
    [
        # name and club parted by a comma, the birth year in brackets before the time
        (
            NORDIC,
            [
                ("Hugo Sjöberg", "2010", "Spårvägens FK"),
                ("Elias Mc Gregor", "2011", "Hälle IF"),
                ("Viktor von Essen", "2010", "IFK Lidingö"),
            ],
        ),
        # a surname's particle spelt like a record's letters ('EL', European lead) is the name's
        (
            DUTCH,
            [
                ("VAN DER BERG, Jan", None, "AV Haarlem"),
                ("EL AMRANI, Youssef", None, "Zuid-Kennemerland"),
                ("AL FAYED, Omar", None, "Zuid-Kennemerland"),
            ],
        ),
    ],
)
def test_names_clubs_and_years_where_a_line_parts_them(data, want):
    assert runners(data) == want


def test_french_ordinal_places_and_a_javelin_under_a_steeplechase():
    page = (
        "<html><body><table>"
        "<tr><td colspan='4'><b>SEF - 3000m Steeple / Finale</b></td></tr>"
        "<tr><td>1re</td><td>LE GALL Anaïs</td><td>Brest Athlétisme</td><td>10'20''47</td></tr>"
        "<tr><td>2e</td><td>N'DIAYE Fatou</td><td>CA Lannion</td><td>10'34''15</td></tr>"
        "<tr><td colspan='4'><b>MIM - Javelot (800g) / Finale</b></td></tr>"
        "<tr><td>1er</td><td>ROUSSEL Hugo</td><td>CA Lannion</td><td>68m42</td></tr>"
        "<tr><td>2e</td><td>FAURE Thomas</td><td>Brest Athlétisme</td><td>61m77</td></tr>"
        "</table></body></html>"
    )
    doc = to_contract(parse_document(page.encode()))
    assert [
        (e["event_name"], [(r["place"], r["athlete"], r["mark_normalized"]) for r in e["results"]])
        for e in doc["events"]
    ] == [
        (
            "SEF - 3000m Steeple / Finale",
            [(1, "LE GALL Anaïs", 620.47), (2, "N'DIAYE Fatou", 634.15)],
        ),
        ("MIM - Javelot (800g) / Finale", [(1, "ROUSSEL Hugo", 68.42), (2, "FAURE Thomas", 61.77)]),
    ]


def test_a_relay_teams_runners_under_its_name_in_a_team_and_members_column():
    page = (
        "<html><body><h3>Men 4x100mR Final</h3><table><tr><th>Rank</th><th>Team / Members</th>"
        "<th>Record</th></tr><tr><td>1</td><td>Tokai Univ.<br><small>WATANABE Kaito - "
        'YAMAMOTO Haruto - MORI Daiki - ABE Shun</small></td><td>39"62</td></tr></table>'
        "</body></html>"
    )
    [ev] = to_contract(parse_document(page.encode()))["events"]
    [row] = ev["results"]
    assert (ev["kind"], row["place"], row["team"], row["mark_normalized"]) == (
        "relay",
        1,
        "Tokai Univ.",
        39.62,
    )
    assert [m["athlete"] for m in row["relay_members"]] == [
        "WATANABE Kaito",
        "YAMAMOTO Haruto",
        "MORI Daiki",
        "ABE Shun",
    ]


ATTEMPTS = """Girls U16 Triple Jump   Final
========================================================================
Place Name                      Age  Club                            Mark  Wind
1     Ella Kowalczyk            15   Newcastle AC                   11.62  +1.3
      11.20(+0.9)  X(+1.0)  11.62(+1.3)  11.48(+0.2)
--    Chloe Tan                 15   Sutherland AC                     NM
      X(+0.3)  X(+1.2)  X(-0.5)

Boys U17 4x100 Metres Relay   Final
========================================================================
Place Team                                       Time
1     Randwick Botany Harriers 'A'              43.12
"""


def test_the_winds_of_a_jumpers_fouls_are_no_sections_wind():
    doc = to_contract(parse_document(ATTEMPTS.encode()))
    assert [
        (r["athlete"] or r["team"], r["wind"]) for e in doc["events"] for r in e["results"]
    ] == [
        ("Ella Kowalczyk", 1.3),
        ("Chloe Tan", None),
        ("Randwick Botany Harriers", None),
    ]


def test_a_date_of_birth_column_headed_geb_dat_gives_the_year():
    text = (
        "200m Heren - Finale   Wind: -0,7\n"
        "Pl  Bib   Naam                      Cat   Club        Geb.dat.     Prestatie\n"
        "----------------------------------------------------------------------------\n"
        "1   1043  De Smet Arne              SEN   ACHL        14/03/2001       21,41\n"
        "2   1088  Janssens Milan            SEN   AVT         09/09/2003       21,52\n"
    )
    assert [r[1] for r in runners(text)] == ["2001", "2003"]


def test_a_non_finishers_number_under_bib_is_no_place():
    text = (
        "Long Jump U15 Girls\n"
        "Pos  Bib   Name                    Club                      Cat   Perf      Notes\n"
        "1    130   Imogen Cartwright       Thameside AC              U15G  4.92 (+1.2)  PB\n"
        "2    245   Poppy McAllister        Surrey Downs RC           U15G  4.75 (+0.3)\n"
        "     99    Freya Ashdown           Surrey Downs RC           U15G  NM\n"
    )
    doc = to_contract(parse_document(text.encode()))
    assert [(r["place"], r["athlete"], r["status"]) for r in doc["events"][0]["results"]] == [
        (1, "Imogen Cartwright", None),
        (2, "Poppy McAllister", None),
        (None, "Freya Ashdown", "NM"),
    ]


def test_the_heats_of_a_final_keep_its_round():
    text = (
        "Girls 100 Meters\nVarsity - Finals\nHeat 1  Wind: +2.2\n"
        "Place\tGrade\tAthlete\tTime\tTeam\n1.\t11\tXena Ellsworth\t12.48\tCedar Point\n"
        "Heat 2  Wind: +0.4\nPlace\tGrade\tAthlete\tTime\tTeam\n"
        "2.\t10\tSabine Abernathy\t12.63\tSilver Lake\n"
    )
    doc = to_contract(parse_document(text.encode()))
    assert [(e["round"], r["athlete"], r["wind"]) for e in doc["events"] for r in e["results"]] == [
        ("Finals", "Xena Ellsworth", 2.2),
        ("Finals", "Sabine Abernathy", 0.4),
    ]


def test_a_timed_races_distances_in_kilometres_are_metres():
    page = (
        "<html><body><h1>24 Hour Race</h1><table><tr><th>Place</th><th>Name</th><th>Gender</th>"
        "<th>Distance (km)</th></tr><tr><td>1</td><td>Tessa ERIKSEN</td><td>F</td>"
        "<td>221.045</td></tr><tr><td>2</td><td>Tomasz MULCAHY</td><td>M</td><td>216.958</td></tr>"
        "</table></body></html>"
    )
    doc = to_contract(parse_document(page.encode()))
    assert [
        (r["mark"], r["mark_normalized"], r["mark_unit"]) for r in doc["events"][0]["results"]
    ] == [
        ("221.045", 221045.0, "m"),
        ("216.958", 216958.0, "m"),
    ]


RELAY_ENTRIES = """Women's 4x100m Relay      Final
Rank   Lane  Nat    Team / Bib Name                               Date of Birth            Result
1       5    FIN    Finland                                                                 43.88
                      11    SALMINEN Aino                         03 FEB 2000
                      14    VIRTANEN Ella                         21 JUN 2002
2       4    SWE    Sweden                                                                  44.02
                      31    LINDBERG Moa                          11 APR 2001
                      35    HOLM Nellie                           28 MAR 2004
"""


def test_a_relays_runners_under_its_row_with_their_bibs_and_dates_of_birth():
    doc = to_contract(parse_document(RELAY_ENTRIES.encode()))
    assert [
        (r["place"], [m["athlete"] for m in r["relay_members"]])
        for e in doc["events"]
        for r in e["results"]
    ] == [
        (1, ["SALMINEN Aino", "VIRTANEN Ella"]),
        (2, ["LINDBERG Moa", "HOLM Nellie"]),
    ]


def test_a_titles_ordinal_and_race_distance_are_no_result():
    text = (
        "                                   25th Annual Harbor Lights 10K\n"
        "Place      Name                      Age               Gun Time\n"
        "   1       Grace Yates                24                  33:23\n"
        "   2       Tom Ruiz                   22                  33:29\n"
    )
    doc = to_contract(parse_document(text.encode()))
    assert [(r["place"], r["athlete"]) for e in doc["events"] for r in e["results"]] == [
        (1, "Grace Yates"),
        (2, "Tom Ruiz"),
    ]


def test_heats_under_a_finals_column_are_the_finals():
    text = (
        "Event 14 Boys 110 Meter Hurdles\n"
        "     Name                          Yr   School              Finals\n"
        "   Heat 1 Wind: -0.4\n"
        "  1  Ostrander, Eli                12   Cedar Hollow         15.12\n"
        "   Heat 2 Wind: +1.6\n"
        "  2  Jaramillo, Emmett             12   Oak Grove            15.31\n"
    )
    doc = to_contract(parse_document(text.encode()))
    assert [(e["round"], r["athlete"], r["wind"]) for e in doc["events"] for r in e["results"]] == [
        ("Finals", "Ostrander, Eli", -0.4),
        ("Finals", "Jaramillo, Emmett", 1.6),
    ]


def test_a_road_relays_legs_a_row_each_under_the_teams_row():
    page = (
        "<html><body><h1>6 Stage Road Relays</h1><table><tr><th>Pos</th><th>Team</th>"
        "<th>Runner</th><th>Time</th></tr>"
        "<tr><td>1</td><td colspan='2'>Salford Harriers</td><td>1:43:29</td></tr>"
        "<tr><td></td><td>Leg 1</td><td>Hugo Acheson</td><td>16:49</td></tr>"
        "<tr><td></td><td>Leg 2</td><td>Daniel Vickery</td><td>17:26</td></tr>"
        "<tr><td>2</td><td colspan='2'>Wirral AC</td><td>1:44:43</td></tr>"
        "<tr><td></td><td>Leg 1</td><td>Daniel Kaminski</td><td>16:41</td></tr>"
        "</table></body></html>"
    )
    [ev] = to_contract(parse_document(page.encode()))["events"]
    assert ev["kind"] == "relay"
    assert [
        (r["place"], r["team"], [m["athlete"] for m in r["relay_members"]]) for r in ev["results"]
    ] == [
        (1, "Salford Harriers", ["Hugo Acheson", "Daniel Vickery"]),
        (2, "Wirral AC", ["Daniel Kaminski"]),
    ]


def test_places_from_1900_on_in_a_big_race_are_places_not_years():
    lines = ["Spring 10K", "Place Bib   Name                 Club            Time"]
    lines += [
        f"{p:<5} {p + 3000:<5} Runner {'ABCDEFGHIJ'[p % 10]}{'KLMNOPQRST'[p // 10 % 10]}"
        f"            Harriers AC     {40 + p // 100}:{p % 60:02d}"
        for p in range(1, 1931)
    ]
    doc = to_contract(parse_document("\n".join(lines).encode()))
    places = [r["place"] for e in doc["events"] for r in e["results"]]
    assert places == list(range(1, 1931))  # (1920 on had been read as years, their rows lost)


def test_a_non_finishers_bib_like_a_year_under_bib():
    text = (
        "1500 m   Mujeres - Final\n"
        "Puesto    Dorsal    Atleta                        Año     "
        "Club                         Marca   Viento   Obs.\n"
        "   1      2011      FERNÁNDEZ MARÍN, Lucía        2003    "
        "Unicaja Atletismo          4:22.15            MMP\n"
        "   2      2045      EL HAJJI, Salma               2004    "
        "CA Jaén                    4:24.90\n"
        "          2019      MUÑOZ LEÓN, Irene             2003    "
        "Unicaja Atletismo    No presentado\n"
    )
    doc = to_contract(parse_document(text.encode()))
    assert [(r["place"], r["athlete"], r["status"]) for r in doc["events"][0]["results"]] == [
        (1, "FERNÁNDEZ MARÍN, Lucía", None),
        (2, "EL HAJJI, Salma", None),
        (None, "MUÑOZ LEÓN, Irene", "DNS"),
    ]


def test_a_german_jumpers_tries_with_their_winds_after_slashes_fold_into_the_row():
    text = (
        "Weitsprung Frauen - Finale\n"
        "Platz   Name                     Jg.     Verein                  Leistung\n"
        "1.      Krämer, Marie            2000    TSV Hameln 1848         5,81      +2,3\n"
        "        5,60/-0,2 x 5,81/+2,3 -\n"
        "2.      Dietrich, Lea            2002    LG Weserbergland        5,66      -0,8\n"
        "        5,25/-0,2 x 5,66/-0,8 -\n"
    )
    doc = to_contract(parse_document(text.encode()))
    assert [(e["kind"], r["athlete"], r["wind"]) for e in doc["events"] for r in e["results"]] == [
        ("individual", "Krämer, Marie", 2.3),
        ("individual", "Dietrich, Lea", -0.8),
    ]


def test_a_french_ab_in_the_place_cell_is_abandon():
    page = (
        "<html><body><h2>800m / Série 1 Hommes</h2><table><tr><th>Clt</th><th>Athlète</th>"
        "<th>Club</th><th>Perf.</th></tr><tr><td>1</td><td>LEGRAND Hugo</td><td>US Laval</td>"
        "<td>1'52''34</td></tr><tr><td>AB</td><td>LAMBERT Yanis</td><td>US Laval</td><td></td></tr>"
        "</table></body></html>"
    )
    doc = to_contract(parse_document(page.encode()))
    assert [
        (r["place"], r["athlete"], r["status"]) for e in doc["events"] for r in e["results"]
    ] == [
        (1, "LEGRAND Hugo", None),
        (None, "LAMBERT Yanis", "DNF"),
    ]


def test_a_no_mark_rows_missed_tries_are_no_words_of_its_name():
    text = (
        "Salto in Lungo Allieve - Finale\n"
        "Pos   Pett   Atleta                 Anno    Società                 Prestazione\n"
        "1     600    SANTORO Giulia         2008    ATL. VIGNATE            5.68      +0.6\n"
        "             5.50 (+0.4) X 5.68 (+0.6) X - -\n"
        "      606    LEONE Ilaria           2009    CUS PAVIA ATLETICA      N.M.\n"
        "             X X X\n"
    )
    doc = to_contract(parse_document(text.encode()))
    assert [(r["athlete"], r["status"]) for e in doc["events"] for r in e["results"]] == [
        ("SANTORO Giulia", None),
        ("LEONE Ilaria", "NM"),
    ]


def test_a_page_head_printing_its_number_starts_no_section():
    head = "Campionati Regionali Assoluti - Firenze - 3 marzo 2024\nRisultati        Pagina {}\n\n"
    text = (
        head.format(1) + "100 m Uomini - Finale   Vento: +0,7\n"
        '1)   BIANCHI Luca          Atl. Firenze Marathon     10"23\n'
        '2)   DE ROSSI Paolo        Toscana Atletica Empoli   10"31\n\f'
        + head.format(2)
        + '3)   ESPOSITO Ciro         Atl. Prato                10"58\n'
    )
    doc = to_contract(parse_document(text.encode()))
    assert [
        (e["event_name"], e["gender"], [r["wind"] for r in e["results"]]) for e in doc["events"]
    ] == [
        ("100 m Uomini - Finale", "M", [0.7, 0.7, 0.7]),
    ]


def test_a_relays_legs_set_in_under_its_row_numbered_without_brackets():
    text = (
        "Men 4x400m Relay  -  Final\n\n"
        "Pl  Team                         Time\n\n"
        " 1  Harbourview Track Club       3:12.84\n"
        "    1    Desmond Achebe          48.91\n"
        "    2    Colton Rhodes           47.88\n"
        " 2  Seaport Athletics            3:14.10\n"
        "    1    Ruben Salas             49.02\n"
        "    2    Trey Hollis             48.44\n"
    )
    doc = to_contract(parse_document(text.encode()))
    assert [
        (r["place"], r["team"], [m["athlete"] for m in r["relay_members"]])
        for e in doc["events"]
        for r in e["results"]
    ] == [
        (1, "Harbourview Track Club", ["Desmond Achebe", "Colton Rhodes"]),
        (2, "Seaport Athletics", ["Ruben Salas", "Trey Hollis"]),
    ]


def test_a_heat_under_a_rounds_heading_is_that_rounds():
    table = (
        "<table><tr><th>PL</th><th>ATHLETE</th><th>TIME</th></tr>"
        "<tr><td>1</td><td>{}</td><td>{}</td></tr></table>"
    )
    page = (
        "<html><body><h2>Men 100 Meters</h2><h3>Prelims</h3><h4>Heat 1 Wind: +1.2</h4>"
        + table.format("ADAMS, Pete", "10.31")
        + "<h4>Heat 2 Wind: -0.6</h4>"
        + table.format("DAVIS, Matt", "10.38")
        + "</body></html>"
    )
    doc = to_contract(parse_document(page.encode()))
    assert [(e["round"], r["athlete"], r["wind"]) for e in doc["events"] for r in e["results"]] == [
        ("Prelims", "ADAMS, Pete", 1.2),
        ("Prelims", "DAVIS, Matt", -0.6),
    ]


def test_a_table_headed_in_two_languages_and_its_statuses_in_both():
    def page(head: str) -> str:
        return (
            "<html><body><h2>Men's 1500 m - Final</h2><table><tr>"
            + "".join(f"<th>{h}</th>" for h in head.split("|"))
            + "</tr><tr><td>1</td><td>Etienne Lavoie</td><td>Club Rouge</td><td>3:48.21</td></tr>"
            "<tr><td></td><td>Liam Reilly</td><td>Halifax Harriers</td><td>AB / DNF</td></tr>"
            "</table></body></html>"
        )

    for head in (
        "Rang / Place|Nom / Name|Club|Temps / Time",
        "Rang<br>Place|Nom<br>Name|Club|Temps<br>Time",
    ):
        doc = to_contract(parse_document(page(head).encode()))
        assert [
            (r["place"], r["athlete"], r["status"]) for e in doc["events"] for r in e["results"]
        ] == [
            (1, "Etienne Lavoie", None),
            (None, "Liam Reilly", "DNF"),
        ], head


def test_a_round_line_with_its_wind_after_it_names_the_round():
    head = "Rank  Lane  Bib    Name                 Nat     Result\n"
    text = (
        "Men's 100m\nRound 1 - Heat 1 RESULTS     Wind: -0.4 m/s\n"
        + head
        + "1     4     455    SANDOVAL Isaac       JAM     10.22 Q\n\n"
        "Men's 100m\nFinal   RESULTS     Wind: -1.0 m/s\n"
        + head
        + "1     2     792    SANDOVAL Isaac       JAM     10.15\n"
    )
    doc = to_contract(parse_document(text.encode()))
    assert [(e["round"], r["wind"]) for e in doc["events"] for r in e["results"]] == [
        ("Heats", -0.4),
        ("Finals", -1.0),
    ]


def test_a_legend_of_status_codes_under_a_list_is_no_row():
    text = (
        "Frauen 200 m   Wind: +0.4 m/s\n"
        "Rang Name              Jg   Verein          Leistung\n"
        "1.   Keller Nina       2001 LC Zürich          24.51\n"
        "     Hess Lena         2002 LV Winterthur      n.a.\n\n"
        "n.a. = nicht angetreten, aufg. = aufgegeben, disq. = disqualifiziert.\n"
    )
    doc = to_contract(parse_document(text.encode()))
    assert [(r["athlete"], r["status"]) for e in doc["events"] for r in e["results"]] == [
        ("Keller Nina", None),
        ("Hess Lena", "DNS"),
    ]


def test_a_grade_printed_without_gender_between_name_and_club_is_no_part_of_either():
    text = (
        "Men 1500m\n"
        "Pl  Name               Grade  Club              Time\n"
        "1   Rawiri Tane        U18    Hutt Valley       4:21.40\n"
        "2   Ben Foster         U20    Olympic           4:25.10\n"
        "3   Sam Irving         M35    Scottish          4:29.77\n"
    )
    doc = to_contract(parse_document(text.encode()))
    assert [(r["athlete"], r["team"]) for e in doc["events"] for r in e["results"]] == [
        ("Rawiri Tane", "Hutt Valley"),
        ("Ben Foster", "Olympic"),
        ("Sam Irving", "Scottish"),
    ]
