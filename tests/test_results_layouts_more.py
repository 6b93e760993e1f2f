"""Layouts of results documents first seen in December's probes: a stage relay's teams with
their runners a line each (the first on the team's own line, or under it), whose header runs
across what would otherwise look like the gutter of a page in two columns, and a list of the
fastest legs after it; a ruled header whose words stand a character askew of their segments;
an Austrian export's 'Bewerb' (event) and 'Kat' (category) columns; a relay's state in brackets
in its name cell, and an age category in brackets after a runner's name beside a club column; a
relay named by its word in other languages ('Zweedse estafette', 'Schwedenstaffel'); Dutch
rounds ('Halve finale', '- Series') and a Dutch 'Jr' column (the birth year); a page's roundup
lines beside its results table; 'Individual Results' under a race's heading after its team table;
a results table whose rows hold their tries in tables of their own; a key to the status codes
under a list ('RTD - retired.'); a meet's heading that dates it with its weekday mid-line; a
relay's club alone under 'Club' and a non-finisher's number under 'Dos.' (Belgian lists); a
relay's runners in 'Leg 1' .. 'Leg 4' columns of fixed-width text; Hy-Tek team rankings two to
a line under a header of their own; a headerless table's school grades and heats' tags
(athletic.net); a PDF heading's words of narrow letters, one phrase; the meet a report's long
sentence names, not its headline; a French list's 'Ab'; a Hy-Tek relay's DQ set off its column
over the heat's number; a news list's age after the name ('Tomas Ferrel, 31, ...'); a
roundup's BOYS and GIRLS headings over events of one name; an FFA category in an event's title
('100m / TCM') and a category's letter before a field event ('M Höjd'); field events in Czech,
Swedish and Finnish; a semi-final's line with its wind spaced out across the page; a Hy-Tek header
that leaves off 'Name Yr School'; a page heading opening with an ordinal ('4th Nordvik Games'); a
PDF's ruled table and the meet its heading names; an export's 'Serie' column naming its rounds."""

from __future__ import annotations

import pytest

from scraper.results import parse_document, to_contract
from scraper.results.model import gender_of, kind_of, round_of
from scraper.results.pdf import parse_text_layer
from scraper.results.pdflayout import line_text
from scraper.results.sections import is_event_title, meet_heading
from scraper.results.statuses import status_key

STAGE = """        NORTHERN 4-STAGE ROAD RELAYS - SENIOR WOMEN
        Saturday 6th April 2024

Pos  Team                              Total      Leg  Runner                     Leg time  Pos
  1  Harbour Vale AC                   1:12:40    1    Maren Holtby               18:02     1
                                                  2    Signe Parwick              18:11     1
                                                  3    Tamsin Orley               18:30     1
                                                  4    Juno Castlow               17:57     1

  2  Fenwold Harriers                  1:13:55    1    Rhea Dunsmore              18:20     2
                                                  2    Wren Aldstock              18:40     2
                                                  3    Posy Kettleby              18:35     2
                                                  4    Greer Hanbury              18:20     2

  3  Marsh Lane Striders               1:15:02    1    Odile Crayford             18:45     3
                                                  2    Petra Lunsdale             18:55     3
                                                  3    Hesper Quayle              18:42     3
                                                  4    Mabel Ironside             18:40     3
"""
# the same, each runner on a line of its own under the team's, no position after a leg
UNDER = """        SENIOR WOMEN 4 STAGE ROAD RELAY

Pos  Team                              Total      Leg  Runner                     Leg time
  1  Harbour Vale AC                   1:12:40
                                                  1    Maren Holtby               18:02
                                                  2    Signe Parwick              18:11
                                                  3    Tamsin Orley               18:30
                                                  4    Juno Castlow               17:57

  2  Fenwold Harriers                  1:13:55
                                                  1    Rhea Dunsmore              18:20
                                                  2    Wren Aldstock              18:40
                                                  3    Posy Kettleby              18:35
                                                  4    Greer Hanbury              18:20

  3  Marsh Lane Striders               1:15:02
                                                  1    Odile Crayford             18:45
                                                  2    Petra Lunsdale             18:55
                                                  3    Hesper Quayle              18:42
                                                  4    Mabel Ironside             18:40
"""
FASTEST = """
FASTEST LEGS
------------
 1  Juno Castlow               Harbour Vale AC                   17:57
 2  Maren Holtby               Harbour Vale AC                   18:02
 3  Signe Parwick              Harbour Vale AC                   18:11
"""


def contract(text: str) -> dict:
    return to_contract(parse_document(text.encode(), None, "relays.txt"))


@pytest.mark.parametrize("text", [STAGE, UNDER], ids=["first-leg-on-team-line", "legs-under"])
def test_a_stage_relays_teams_keep_their_total_and_their_runners_in_order(text):
    (event,) = contract(text)["events"]
    assert event["kind"] == "relay"
    rows = event["results"]
    assert [(r["place"], r["team"], r["mark"]) for r in rows] == [
        (1, "Harbour Vale AC", "1:12:40"),
        (2, "Fenwold Harriers", "1:13:55"),
        (3, "Marsh Lane Striders", "1:15:02"),
    ]
    assert [m["athlete"] for m in rows[1]["relay_members"]] == [
        "Rhea Dunsmore",
        "Wren Aldstock",
        "Posy Kettleby",
        "Greer Hanbury",
    ]
    assert [m["leg"] for m in rows[2]["relay_members"]] == [1, 2, 3, 4]


def test_a_list_of_fastest_legs_after_a_stage_relay_reads_by_its_own_columns():
    events = contract(STAGE + FASTEST)["events"]
    assert [e["kind"] for e in events] == ["relay", "individual"]
    assert [(r["athlete"], r["team"], r["mark"]) for r in events[1]["results"]] == [
        ("Juno Castlow", "Harbour Vale AC", "17:57"),
        ("Maren Holtby", "Harbour Vale AC", "18:02"),
        ("Signe Parwick", "Harbour Vale AC", "18:11"),
    ]


ASKEW = """                        MAPLE LEAF 5K
                    Millbrook, VT - October 11, 2026

Place Name                   Ag S Race# City/st             Time  Pace
===== ====================== == = ===== =============== ======= =====
    1 Idris Thackeray        19 M   911 Claremont NH      15:43  5:04
    2 Quentin Quarles        28 M   839 Claremont NH      16:26  5:14
    3 Jolene Fairbanks       29 F   739 Lebanon NH        17:30  5:38
"""


def test_a_ruled_header_set_a_character_askew_still_names_its_columns():
    # 'Time' and 'Pace' start a character or two right of their rulers' segments
    (event,) = contract(ASKEW)["events"]
    assert [(r["athlete"], r["year"], r["mark"]) for r in event["results"]] == [
        ("Idris Thackeray", "19", "15:43"),
        ("Quentin Quarles", "28", "16:26"),
        ("Jolene Fairbanks", "29", "17:30"),
    ]


AUSTRIAN = (
    "Rang;Nachname;Vorname;Jg;Verein;Kat;Bewerb;Leistung\r\n"
    "1;Aigner;Severin;2007;LAC Klagenfurt;MU20;100m;11,18\r\n"
    "2;Wimmer;Niklas;2008;KLC;MU20;100m;11,26\r\n"
    "1;Reindl;Helene;2007;SVS Leichtathletik;WU20;100m;11,93\r\n"
    "2;Lindner;Carina;2008;KLC;WU20;100m;12,10\r\n"
)


def test_an_export_parts_its_rows_by_a_bewerb_column_and_reads_its_kat_column():
    doc = to_contract(parse_document(AUSTRIAN.encode(), None, "ergebnisse.csv"))
    assert [(e["gender"], len(e["results"])) for e in doc["events"]] == [("M", 2), ("F", 2)]


def table(title: str, head: list[str], rows: list[list[str]]) -> bytes:
    cells = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return (
        f"<html><body><h2>{title}</h2><table><tr>{cells}</tr>{body}</table></body></html>".encode()
    )


def test_a_relays_name_cell_keeps_its_state_in_brackets_as_the_teams():
    page = table(
        "Boys 4x100 Meter Relay",
        ["Place", "Name", "Grade", "School", "Mark"],
        [["1", "Bellhaven (CO)", "", "", "42.44"], ["2", "Dunmore Central (UT)", "", "", "42.72"]],
    )
    (event,) = to_contract(parse_document(page, None, "relay.html"))["events"]
    assert [r["team"] for r in event["results"]] == ["Bellhaven (CO)", "Dunmore Central (UT)"]


def test_an_age_category_in_brackets_after_the_name_is_no_part_of_it_beside_a_club_column():
    page = table(
        "Women's 5000m",
        ["Pl", "Name", "Club", "Time"],
        [
            ["1", "Verity Ashcombe", "Fenwick Harriers", "16:02.11"],
            ["2", "Nerys Galloway (U20)", "Stallbridge AC", "16:21.08"],
            ["3", "Dagny Whitcombe (W40)", "Corran Striders", "17:05.20"],
        ],
    )
    (event,) = to_contract(parse_document(page, None, "5000.html"))["events"]
    assert [(r["athlete"], r["team"]) for r in event["results"]] == [
        ("Verity Ashcombe", "Fenwick Harriers"),
        ("Nerys Galloway", "Stallbridge AC"),
        ("Dagny Whitcombe", "Corran Striders"),
    ]


@pytest.mark.parametrize(
    "name",
    [
        "Zweedse estafette Dames",  # Dutch: a Swedish relay, 100-200-300-400
        "Schwedenstaffel Männer U18",
        "Staffel 3x1000m",
        "Svensk stafett herrer",
        "Staffetta svedese",
        "Relevos 4x400 mujeres",
        "Relais suédois",
        "Ruotsalaisviesti",
    ],
)
def test_a_relay_is_known_by_its_word_in_the_languages_results_come_in(name):
    assert kind_of(name) == "relay"


@pytest.mark.parametrize(
    ("title", "round_"),
    [
        ("100m Meisjes A - Halve finale", "Semifinals"),
        ("200m Jongens B - Halve finales", "Semifinals"),
        ("100m Meisjes A - Series", "Heats"),
        ("Summer Series 5K", None),  # a meet's series of races, no round
    ],
)
def test_dutch_round_words(title, round_):
    assert round_of(title) == round_


DUTCH = """Nationale Jeugdcompetitie - Finale A-junioren
Papendal, 21-09-2025

100m Meisjes A - Series
Pos  Naam                    Jr    Vereniging           Prestatie
1    Esmee Goossens          2006  AV Phoenix '72       12,26
2    Brynn de Haan           2008  AV Oranje            12,34
"""


def test_a_dutch_jr_column_is_the_birth_year_and_series_are_heats_under_a_finals_heading():
    (event,) = contract(DUTCH)["events"]
    assert event["round"] == "Heats"
    assert [(r["athlete"], r["year"], r["team"]) for r in event["results"]] == [
        ("Esmee Goossens", "2006", "AV Phoenix '72"),
        ("Brynn de Haan", "2008", "AV Oranje"),
    ]


ROUNDUP_AND_TABLE = b"""<html><body><article>
<p><b>Boys 100:</b> 1. Daan Tolland (Carver Valley) 11.04; 2. Lars Pagett (Eastfield) 11.11.</p>
<h3>Boys 1600 Meters</h3>
<table><thead><tr><th>Pl</th><th>Athlete</th><th>School</th><th>Time</th></tr></thead>
<tbody><tr><td>1</td><td>Luca Aldous</td><td>Red Mill</td><td>4:23.55</td></tr>
<tr><td>2</td><td>Lars Harlow</td><td>Norwood Hills</td><td>4:25.24</td></tr></tbody></table>
</article></body></html>"""


def test_a_pages_roundup_lines_are_read_beside_its_results_table():
    doc = to_contract(parse_document(ROUNDUP_AND_TABLE, None, "recap.html"))
    rows = {(r["athlete"], r["team"], r["mark"]) for e in doc["events"] for r in e["results"]}
    assert rows == {
        ("Luca Aldous", "Red Mill", "4:23.55"),
        ("Lars Harlow", "Norwood Hills", "4:25.24"),
        ("Daan Tolland", "Carver Valley", "11.04"),
        ("Lars Pagett", "Eastfield", "11.11"),
    }


XC_TABLES = b"""<html><body><h1>Calder Invitational</h1>
<h3>Women's 6k Run CC</h3>
<h4>Team Results</h4>
<table><tr><th>PL</th><th>Team</th><th>Score</th></tr>
<tr><td>1</td><td>Calder</td><td>31</td></tr><tr><td>2</td><td>Penhallow</td><td>40</td></tr></table>
<h4>Individual Results</h4>
<table><tr><th>PL</th><th>NAME</th><th>YEAR</th><th>TEAM</th><th>TIME</th></tr>
<tr><td>1</td><td>Ashcombe, Verity</td><td>SR-4</td><td>Calder</td><td>20:31.4</td></tr>
<tr><td>2</td><td>Galloway, Nerys</td><td>JR-3</td><td>Penhallow</td><td>20:40.9</td></tr></table>
</body></html>"""


def test_individual_results_under_a_races_heading_after_its_team_table_are_that_races():
    events = to_contract(parse_document(XC_TABLES, None, "xc.html"))["events"]
    assert [(e["event_name"], e["gender"], e["kind"]) for e in events] == [
        ("Women's 6k Run CC - Team Results", "F", "team_scores"),
        ("Women's 6k Run CC - Individual Results", "F", "individual"),
    ]


def tries(*marks: str) -> str:
    return "<table><tr>" + "".join(f"<td>{m}</td>" for m in marks) + "</tr></table>"


NESTED = f"""<html><body><h2>Women Long Jump</h2><h3>Final</h3>
<table><tr><th>Pl</th><th>Athlete</th><th>Affiliation</th><th>Yr</th><th>Mark</th><th>Wind</th></tr>
<tr><td>1</td><td>Wren Holloway</td><td>Calder</td><td>SR</td><td>6.41m</td><td>+1.1</td></tr>
<tr><td></td><td colspan="5">{tries("6.20", "FOUL", "6.41", "6.33", "PASS", "6.02")}</td></tr>
<tr><td>2</td><td>Maren Oakhurst</td><td>Penhallow</td><td>JR</td><td>6.12m</td><td>-0.3</td></tr>
<tr><td></td><td colspan="5">{tries("PASS", "6.12", "FOUL", "5.99", "6.01", "FOUL")}</td></tr>
</table></body></html>""".encode()


def test_a_results_table_whose_rows_hold_their_tries_in_tables_of_their_own_is_read():
    (event,) = to_contract(parse_document(NESTED, None, "lj.html"))["events"]
    assert [(r["place"], r["athlete"], r["mark"]) for r in event["results"]] == [
        (1, "Wren Holloway", "6.41m"),
        (2, "Maren Oakhurst", "6.12m"),
    ]


FELL = """                      CARR EDGE FELL RACE  -  Category AS

Pos  Name                        Club                       Cat     Time
  1  Bram Ketteridge             Scarth Harriers            MO     0:31:12
  2  Oren Blakesley              Pennine Tarn AC            M40    0:31:50
     Wes Hartlepool              Pennine Tarn AC            M60    RTD

RTD - retired.  DSQ - missed checkpoint 1 (Carr Cairn).
"""


def test_a_key_to_the_status_codes_under_the_results_is_no_row():
    (event,) = contract(FELL)["events"]
    assert [(r["athlete"], r["status"]) for r in event["results"]] == [
        ("Bram Ketteridge", None),
        ("Oren Blakesley", None),
        ("Wes Hartlepool", "DNF"),
    ]


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("RTD - retired.  DSQ - missed checkpoint 1", True),
        ("n.a. = nicht angetreten", True),
        ("DNF - Ann Lee", False),  # a runner who did not finish
        ("DNS   Wes Hartlepool  Pennine Tarn AC", False),
    ],
)
def test_status_keys(line, key):
    assert status_key(line) is key


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        (
            "Ridgeline 10 Mile Classic  -  Sunday, April 26, 2026  -  Official Results",
            "Ridgeline 10 Mile Classic",
        ),
        ("Harbor Lights 5K - Saturday, October 3, 2026", "Harbor Lights 5K"),
        ("Results: Ferncliff Open Meeting, 14/06/2025", "Ferncliff Open Meeting"),
        ("Results - Northgate Quad Meet, April 12", "Northgate Quad Meet"),
        ("XXIII Memoriał Tadeusza Kolnera", "XXIII Memoriał Tadeusza Kolnera"),
        ("Mityng Lekkoatletyczny Kolno 2025", "Mityng Lekkoatletyczny Kolno 2025"),
        (
            "Cros de Sant Cugat - Campionat de Catalunya",
            "Cros de Sant Cugat - Campionat de Catalunya",
        ),
    ],
)
def test_a_meets_heading_loses_the_weekday_of_its_date(heading, name):
    # ... and the word 'Results' before it, a day printed without its year after it; a
    # meeting's word in Polish or Czech spelling names a meet
    assert meet_heading([heading]).name == name


def test_prose_naming_a_meet_is_no_meets_heading():
    lines = ["Team scores follow each race. Next meet is at Sable Creek.", "TRI-COUNTY LEAGUE MEET"]
    assert meet_heading(lines).name == "TRI-COUNTY LEAGUE MEET"


MAILED = """From: Dana Whitlow <results@ferncliff.example.org>
To: members@lists.ferncliff.example.org
Date: Sun, 15 Jun 2025 07:58:11 +0100
Subject: Re: [ferncliff] Results: Ferncliff Open Meeting, 14/06/2025

Hi all, results from last night below.

3000m Open
Pos  Name                      Club                        Time
1    Orla Penhallow            Ferncliff AC                9:41.2
2    Tegan Marrow              Dunlin Harriers             9:55.0
3    Bryony Castell            Ferncliff AC                10:02.7
"""


@pytest.mark.parametrize(
    ("subject", "name", "date"),
    [
        (
            "Re: [ferncliff] Results: Ferncliff Open Meeting, 14/06/2025",
            "Ferncliff Open Meeting",
            "2025-06-14",
        ),
        # no date in the subject nor the text: the day the message was sent
        ("Fwd: Ferncliff Open Meeting results", "Ferncliff Open Meeting results", "2025-06-15"),
    ],
)
def test_a_mailed_reports_meet_is_its_subject_not_its_header(subject, name, date):
    text = MAILED.replace("Re: [ferncliff] Results: Ferncliff Open Meeting, 14/06/2025", subject)
    doc = contract(text)
    assert doc["meet"]["name"] == name
    assert doc["meet"]["date"] == date
    assert [r["athlete"] for r in doc["events"][0]["results"]] == [
        "Orla Penhallow",
        "Tegan Marrow",
        "Bryony Castell",
    ]


BELGIAN = """60m Heren - Reeksen
Pl.  Dos.    Naam                      Geb.    Club                Prestatie
1    544     SMOLDERS Corin            1997    Hermes Oostende          6.88
     745     CLAESSENS Remy            2003    ACBR                       DQ
4x200m Heren - Finale
Pl.  Dos.    Naam                      Geb.    Club                Prestatie
1                                              ACBR                  1:27.41
2                                              Hermes Oostende       1:28.48
3                                              AC Lyra               1:29.11
"""


def test_a_relays_club_under_club_and_a_non_finishers_dossard_under_dos():
    sixty, relay = contract(BELGIAN)["events"]
    assert [(r["place"], r["athlete"], r["status"]) for r in sixty["results"]] == [
        (1, "SMOLDERS Corin", None),
        (None, "CLAESSENS Remy", "DQ"),
    ]
    assert [(r["place"], r["team"]) for r in relay["results"]] == [
        (1, "ACBR"),
        (2, "Hermes Oostende"),
        (3, "AC Lyra"),
    ]


def test_a_non_finishers_number_under_a_column_no_word_names_is_no_place():
    # a chest number under a header word the reader does not know: the DNS runner had been
    # placed 187th
    text = (
        "Women 100m Final\n\n"
        "Pos   Zzq    Name                  Club                  Time\n"
        "  1   277    Anna Sokol            Moscow                11.61\n"
        "  2   242    Kira Stepan           Kazan                 11.79\n"
        "      187    Irina Ivan            Moscow                  DNS\n"
    )
    (event,) = contract(text)["events"]
    assert [(r["place"], r["athlete"], r["status"]) for r in event["results"]] == [
        (1, "Anna Sokol", None),
        (2, "Kira Stepan", None),
        (None, "Irina Ivan", "DNS"),
    ]


LEG_COLUMNS = """MEN 4x100m RELAY - Final
Pl  Team                 Leg 1            Leg 2            Leg 3            Leg 4             Time
----------------------------------------------------------------------------------------------------
 1  Ruthin Road Runners  Niels Sayers     Remy Brennan     Kofi Rasmussen   Tobin Penhallow  42.21
                         (10.47)          (10.39)          (10.36)          (10.99)
 2  Corran Valley AC     Reuben Stroud    Stijn Oyelaran   Sander Nettle    Mees Marchetti   43.15
                         (10.40)          (10.75)          (10.61)          (11.39)
"""


def test_a_relays_runners_in_leg_columns_of_fixed_width_text_are_its_members():
    (event,) = contract(LEG_COLUMNS)["events"]
    assert [(r["team"], [m["athlete"] for m in r["relay_members"]]) for r in event["results"]] == [
        (
            "Ruthin Road Runners",
            ["Niels Sayers", "Remy Brennan", "Kofi Rasmussen", "Tobin Penhallow"],
        ),
        (
            "Corran Valley AC",
            ["Reuben Stroud", "Stijn Oyelaran", "Sander Nettle", "Mees Marchetti"],
        ),
    ]


RANKINGS_HEADED = """                      Tiny Dual Meet - 5/14/2026

Event 1  Women 100 Meter Dash
================================================================================
    Name                    Year School                   Seed    Finals  Points
================================================================================
  1 Underhill, Giselle        SO St. Anselm              11.51     11.70   10
  2 Nettleton, Bettina        SR Marlow College          11.63     11.87    8

                    Women - Team Rankings - 1 Events Scored
================================================================================
    Rank Team                      Total       Rank Team                      Total
================================================================================
   1) St. Anselm                     10     2) Marlow College                  8
"""


def test_hytek_team_rankings_two_to_a_line_are_read_under_a_header_of_their_own():
    events = contract(RANKINGS_HEADED)["events"]
    teams = [e for e in events if e["kind"] == "team_scores"]
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in teams[0]["results"]] == [
        (1, "St. Anselm", 10.0),
        (2, "Marlow College", 8.0),
    ]


HEADERLESS = b"""<html><body><h5>300 Meters Hurdles Varsity - Girls - Finals</h5><table>
<tr><td>1.</td><td>9</td><td><a href='#'>Greer Pettigrew</a></td><td>46.43</td><td><small>F1</small></td><td><a href='#'>Dunmore Central</a></td></tr>
<tr><td>2.</td><td>12</td><td><a href='#'>Amabel Castellanos</a></td><td>46.79</td><td><small>F2</small></td><td><a href='#'>Elk Run</a></td></tr>
<tr><td>3.</td><td>10</td><td><a href='#'>Nell Ashdown</a></td><td>47.02</td><td><small>F1</small></td><td><a href='#'>Elk Run</a></td></tr>
</table></body></html>"""  # noqa: E501


def test_a_headerless_tables_school_grades_are_years_and_a_heats_tag_is_no_team():
    (event,) = to_contract(parse_document(HEADERLESS, None, "anet.html"))["events"]
    assert [(r["athlete"], r["year"], r["team"]) for r in event["results"]] == [
        ("Greer Pettigrew", "9", "Dunmore Central"),
        ("Amabel Castellanos", "12", "Elk Run"),
        ("Nell Ashdown", "10", "Elk Run"),
    ]


def test_a_pdf_headings_words_of_narrow_letters_stay_one_phrase():
    # a 12-point heading on a page whose body advances 4.67 points a character: 'III' (three
    # narrow letters) and '&' (one, no advance of its own) follow their words a space apart
    words = [
        (-752.0, 108.3, 134.3, 8.66, "NCAA"),
        (-752.0, 146.3, 185.6, 5.62, "Division"),
        (-752.0, 196.3, 203.0, 3.34, "III"),
        (-752.0, 209.6, 237.0, 6.84, "Events"),
        (-752.0, 246.8, 246.8, 0.0, "&"),
        (-752.0, 257.0, 290.0, 6.6, "Jumps"),
    ]
    assert line_text(words, 40.0, 4.67).strip() == "NCAA Division III Events & Jumps"


REPORT = b"""<html><head><title>Elowen McAllister takes heptathlon crown as county records fall |
Fenwick Gazette</title></head><body><article>
<h1>Elowen McAllister takes heptathlon crown as county records fall</h1>
<p>Pellham Vale AC's Elowen McAllister produced a superb 800m to win the heptathlon at the Fenwick
County Championships at Stallbridge Sports Park on Saturday, finishing on 5890 points.</p>
<table><caption>Men's 400m final</caption><tr><th>Pos</th><th>Athlete</th><th>Club</th>
<th>Time</th></tr><tr><td>1</td><td>Callum Galloway</td><td>Wexmoor AC</td><td>47.63</td></tr>
<tr><td>2</td><td>Ivo Pettigrew</td><td>Corran Striders</td><td>48.30</td></tr></table>
</article></body></html>"""


def test_a_reports_headline_names_no_meet_its_long_sentence_does():
    doc = to_contract(parse_document(REPORT, None, "report.html"))
    assert doc["meet"]["name"] == "Fenwick County Championships"


FFA = """1500m Hommes - Finale
Pl.  Dos.  Athlète               Club                  Cat.      Perf.
1    1533  ARNAUDET Loïc         Stade Poitevin AC     SEM    3'52''80
2    1958  MARCHETTI Nathan      Athlé Val de Loire    SEM    4'04''05
     1795  ROUSSILLE Quentin     CA Vierzon            M0M          Ab
"""


def test_a_french_lists_ab_is_a_runner_who_did_not_finish():
    (event,) = contract(FFA)["events"]
    assert [(r["place"], r["athlete"], r["status"]) for r in event["results"]] == [
        (1, "ARNAUDET Loïc", None),
        (2, "MARCHETTI Nathan", None),
        (None, "ROUSSILLE Quentin", "DNF"),
    ]


RELAY_DQ = """                                      Test Relays - 4/12/2025

Event 17  Girls 4x100 Meter Relay
========================================================================================
    School                                              Seed      Finals  H# Points
========================================================================================
  1 Ridgeline                                              50.22      49.79   1  10
  2 Ashford                                                51.28      51.56   2   8
 -- Harmon Co.                                             54.72         DQ   1
"""


def test_a_hytek_relays_dq_set_off_its_column_is_its_status_not_its_heat():
    (event,) = contract(RELAY_DQ)["events"]
    assert [(r["team"], r["mark"], r["status"]) for r in event["results"]] == [
        ("Ridgeline", "49.79", None),
        ("Ashford", "51.56", None),
        ("Harmon Co.", "DQ", "DQ"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Tomas Ferrel, 31, Brookfield Striders, 16:02",
        "Tomas Ferrel (31), Brookfield Striders, 16:02",
    ],
)
def test_a_news_lists_age_after_the_name_is_the_year_not_the_clubs(line):
    page = (
        f"<html><body><h3>Men 5K</h3><ol><li>{line}</li><li>Oren Blakey, 44, Unattached, 16:40</li>"
    )
    page += "<li>Piet Manning, 27, Lakeside AC, 17:05</li></ol></body></html>"
    (event,) = to_contract(parse_document(page.encode(), None, "report.html"))["events"]
    assert [(r["athlete"], r["year"], r["team"]) for r in event["results"]] == [
        ("Tomas Ferrel", "31", "Brookfield Striders"),
        ("Oren Blakey", "44", "Unattached"),
        ("Piet Manning", "27", "Lakeside AC"),
    ]


ROUNDUP_BY_SEX = b"""<html><body><article><h1>League finals roundup</h1>
<h3>BOYS</h3>
<p><strong>100:</strong> 1. Carl Dunne (Eastfield) 11.02; 2. Ravi Olsen (Westbrook) 11.15.</p>
<h3>GIRLS</h3>
<p><strong>100:</strong> 1. Mia Sorrel (Westbrook) 12.40; 2. Jo Penrose (Eastfield) 12.61.</p>
</article></body></html>"""


def test_a_roundups_boys_and_girls_headings_part_their_events_of_one_name():
    events = to_contract(parse_document(ROUNDUP_BY_SEX, None, "roundup.html"))["events"]
    assert [(e["gender"], [r["athlete"] for r in e["results"]]) for e in events] == [
        ("M", ["Carl Dunne", "Ravi Olsen"]),
        ("F", ["Mia Sorrel", "Jo Penrose"]),
    ]


@pytest.mark.parametrize(
    ("title", "gender"),
    [("100m / TCM", "M"), ("800m / TCF", "F"), ("Longueur SEF", "F"), ("Relais 4x100m CAM", "M")],
)
def test_an_ffa_category_in_an_events_title_gives_its_sex(title, gender):
    assert gender_of(title) == gender


@pytest.mark.parametrize(("title", "gender"), [("M Höjd", "M"), ("K Kula", "F"), ("D Weit", "F")])
def test_a_category_letter_before_a_field_event_gives_its_sex(title, gender):
    assert gender_of(title) == gender


@pytest.mark.parametrize(
    "title",
    ["Disk 1,75 kg junioři", "Trojskok ženy", "Tyč muži", "Släggkastning", "Kuulantyöntö"],
)
def test_field_events_in_czech_swedish_and_finnish_are_event_titles(title):
    assert is_event_title(title)


SEMIS = """Continental U23 Athletics Championships                        10 - 13 JULY 2025

                                           100 Metres Men
                                       Semi-Final Results Summary

Semi-Final 1                                                   Wind: +0.4 m/s
Rank   Lane  Name                    Nat     Date of Birth      Result
1      3     URBANEK Matej           GER     5 JUL 2004          10.32
2      4     PETRAKIS Rafael         AUT     9 MAR 2003          10.44
Semi-Final 2                                                   Wind: -0.3 m/s
Rank   Lane  Name                    Nat     Date of Birth      Result
1      3     LINDQVIST Stefan        SWE     2 FEB 2004          10.23
2      4     IVASCU Anton            ROU     7 NOV 2003          10.43
"""


def test_a_semi_finals_line_with_its_wind_spaced_out_is_no_events_title():
    events = contract(SEMIS)["events"]
    rows = [
        (e["gender"], e["round"], r["athlete"], r["wind"]) for e in events for r in e["results"]
    ]
    assert rows == [
        ("M", "Semifinals", "URBANEK Matej", 0.4),
        ("M", "Semifinals", "PETRAKIS Rafael", 0.4),
        ("M", "Semifinals", "LINDQVIST Stefan", -0.3),
        ("M", "Semifinals", "IVASCU Anton", -0.3),
    ]


PRELIMS_UNLABELLED = """Event 3  Girls 100 Meter Dash
================================================================================
                                                     Seed   Prelims  Wind  H#
================================================================================
Preliminaries
  1 Umfreville, Anouk         9 Gatewood            12.14    12.36Q  -1.2   1
  2 Pryor, Britt              9 Oak Hollow          12.52    12.45Q  -1.5   3
 -- Gillam, Britt            12 Marlow Heights      13.25       DNS  -0.1   2

Event 21  Girls 100 Meter Dash
================================================================================
    Name                     Yr School             Prelims   Finals Points
================================================================================
Finals  Wind: +1.4
  1 Umfreville, Anouk         9 Gatewood             12.36    12.26    10
  2 Pryor, Britt              9 Oak Hollow           12.45    12.29     8
"""


def test_a_hytek_header_without_name_year_and_school_reads_them_where_the_rows_print_them():
    prelims, finals = contract(PRELIMS_UNLABELLED)["events"]
    assert prelims["round"] == "Prelims"
    assert [(r["athlete"], r["year"], r["team"], r["mark"]) for r in prelims["results"]] == [
        ("Umfreville, Anouk", "9", "Gatewood", "12.36Q"),
        ("Pryor, Britt", "9", "Oak Hollow", "12.45Q"),
        ("Gillam, Britt", "12", "Marlow Heights", "DNS"),
    ]
    assert [r["mark"] for r in finals["results"]] == ["12.26", "12.29"]


TWO_PAGES = """4th Nordvik Games | Nordvik Arena                            Saturday 14 June 2025

Long Jump Women
Pl.       Name                    Nat    YOB                   Result
1         CASTELO Ines            NED    1999                    6.72
2         QUAGLIO Zofia           NED    1999                    6.69

X = foul - = pass NM = no valid mark
\f4th Nordvik Games | Nordvik Arena                            Saturday 14 June 2025

200m Men
Pl.       Name                    Nat    YOB                   Result
1         ROSENVALD Ivo           GER    2001                   20.67
2         ENGSTAD Viktor          GER    2001                   20.69
"""


def test_a_page_heading_opening_with_an_ordinal_is_no_row():
    rows = [r["athlete"] for e in contract(TWO_PAGES)["events"] for r in e["results"]]
    assert rows == ["CASTELO Ines", "QUAGLIO Zofia", "ROSENVALD Ivo", "ENGSTAD Viktor"]


RULED_LAYER = """                                                   Harvest Moon 10K
                                 Ashford, VT  -  Saturday, October 11, 2025
                                              Overall Results

Place Bib  Name                       Age S City            Chip Time   Gun Time
===== ===== ========================== === = =============== ========== ==========
   1   704 Sawyer Whitcomb             29 M Millbrook            33:28      33:29
   2   861 Hudson Coldwell             31 M Dover                33:46      33:46
"""


def test_a_pdfs_ruled_table_takes_its_meet_from_the_heading_above():
    meet = to_contract(parse_text_layer(RULED_LAYER))["meet"]
    assert (meet["name"], meet["date"]) == ("Harvest Moon 10K", "2025-10-11")


SERIES_EXPORT = (
    "Onderdeel;Serie;Pl.;Naam;Vereniging;Prestatie\n"
    "100m mannen;Serie 1;1;Bram Mulder;AV Kennemerduin;11,01\n"
    "100m mannen;Serie 1;2;Niels Kuipers;CAV Ooievaars;11,10\n"
    "100m mannen;Serie 2;1;Stijn Smits;AV Kennemerduin;11,13\n"
    "100m mannen;Serie 2;2;Sem Verhoeven;CAV Ooievaars;11,92\n"
)


def test_an_exports_series_column_naming_its_rounds_makes_them_heats():
    events = to_contract(parse_document(SERIES_EXPORT.encode(), None, "uitslag.csv"))["events"]
    assert [(e["round"], [r["place"] for r in e["results"]]) for e in events] == [
        ("Heats", [1, 2]),
        ("Heats", [1, 2]),
    ]


SERIES_AFTER_MARK = """Syyskisat 2024
T15 pituus
1.Aino Kallio              Porvoon Urheilijat        4,88  (x 4,71 4,88 4,52 x 4,80)
2.Ilona Salmi              Kotkan Kiri               4,75  (4,61 4,75 - 4,50 4,70 4,66)
3.Venla Rinne              Loviisan Ahkera           4,60  (4,60 x x 4,55 4,41 4,58)
"""


def test_a_field_events_tries_in_brackets_after_its_mark_are_its_series():
    doc = to_contract(parse_document(SERIES_AFTER_MARK.encode(), None, "doc.txt"))
    got = doc["events"][0]["results"]
    assert [(r["place"], r["athlete"], r["team"], r["mark_normalized"]) for r in got] == [
        (1, "Aino Kallio", "Porvoon Urheilijat", 4.88),
        (2, "Ilona Salmi", "Kotkan Kiri", 4.75),
        (3, "Venla Rinne", "Loviisan Ahkera", 4.60),
    ]
    assert [a["raw"] for a in got[0]["detail"]["attempts"]] == [
        "x",
        "4,71",
        "4,88",
        "4,52",
        "x",
        "4,80",
    ]


RELAY_ONE_WORD_TEAM_OUT = """Relevo 4x100 m Mujeres - Final
Lugar  Equipo      Marca
1      Brasil      44.71
       AAA, Ana - BBB, Bia - CCC, Cris - DDD, Dora
2      Colombia    45.06
       III, Ines - JJJ, Jana - KKK, Kira - LLL, Lia
3      Argentina   45.31
       MMM, Mia - NNN, Noa - OOO, Ona - PPP, Pia
       Chile       DNF
       EEE, Eva - FFF, Fer - GGG, Gil - HHH, Hila
"""


def test_a_relay_team_of_one_word_with_its_status_after_the_placed_is_a_row():
    doc = to_contract(parse_document(RELAY_ONE_WORD_TEAM_OUT.encode(), None, "doc.txt"))
    got = doc["events"][0]["results"]
    assert [(r["place"], r["team"], r["status"]) for r in got][-1] == (None, "Chile", "DNF")
    assert len(got) == 4


# a results page copied from a browser: menus above the table, and cells holding several lines
# (the name over its runs, the time over 'New PB!', a relay team over its runners), so each
# record's tabs run across lines
PAGE_COPY_MULTILINE_CELLS = (
    "home\nresults\nevent history\nOakdene parkrun\n12/04/2025 | #88\nSort by\nPosition\n"
    "Position\tparkrunner\tGender\tAge Group\tClub\tTime\n"
    "1\t\nAda QUILL\n40 parkruns | Female 1/9\nVW35-39 | 71.20%\nRiver Harriers\n\t\n"
    "Female\n1/9\n\t\nVW35-39\n71.20% age grade\n\t\nRiver Harriers\n\t\n19:05\nNew PB!\n\n"
    "2\t\nUnknown\n\t \t \t \t \n"
    "3\t\nBo TREND\n3 parkruns | Male 1/12\nSM25-29 | 60.01%\n\t\nMale\n1/12\n\t\n"
    "SM25-29\n60.01% age grade\n\t \t\n19:40\nFirst Timer!\n\n"
    "4\t\nCai LOW\n120 parkruns | Male 2/12\nVM50-54 | 70.40%\nPark Pacers\n\t\nMale\n2/12\n"
    "\t\nVM50-54\n70.40% age grade\n\t\nPark Pacers\n\t\n21:17\nPB 20:58\n\n"
    "Position - the participant's overall position\n"
)


RELAY_COPY_MEMBERS_UNDER_TEAM = """Mixed 4x100m Relay
Pos\tTeam\tPerf
1\tFerncliff Harriers
Gwendolen Brackley, Casimir Lockhart, Pell Ivers, Emmeline Drummond\t50.07
2\tKestrel Valley AC
Fenna Roscoe, Tamsin Sallow, Rorik Merriweather, Yseult Kettering\t50.11
\tHollins Green RC
Zane Tremayne, Maren Farrow, Yorick Underhill, Odile Ingram\tDQ
"""


def test_a_copied_relay_tables_runners_under_their_team_in_its_cell():
    doc = to_contract(parse_document(RELAY_COPY_MEMBERS_UNDER_TEAM.encode(), None, "copy.txt"))
    got = doc["events"][0]["results"]
    assert [(r["place"], r["team"], r["mark"], r["status"]) for r in got] == [
        (1, "Ferncliff Harriers", "50.07", None),
        (2, "Kestrel Valley AC", "50.11", None),
        (None, "Hollins Green RC", "DQ", "DQ"),
    ]
    assert [m["athlete"] for m in got[2]["relay_members"]] == [
        "Zane Tremayne",
        "Maren Farrow",
        "Yorick Underhill",
        "Odile Ingram",
    ]


def test_a_page_copied_with_cells_of_several_lines_is_read_record_by_record():
    doc = to_contract(parse_document(PAGE_COPY_MULTILINE_CELLS.encode(), None, "copy.txt"))
    got = [r for e in doc["events"] for r in e["results"]]
    assert [(r["place"], r["athlete"], r["team"], r["mark"]) for r in got] == [
        (1, "Ada QUILL", "River Harriers", "19:05"),
        (3, "Bo TREND", None, "19:40"),
        (4, "Cai LOW", "Park Pacers", "21:17"),
    ]


# results pasted into an e-mail, hard-wrapped at 72 columns: each row's time and points, and the
# header's last words, start the next line at its left edge
EMAIL_WRAPPED = """Coaches, below are today's results.

Event 1  Girls 5000 Meter Run CC Varsity
======================================================================================
    Name                      Year School
Finals  Points
======================================================================================
  1 Wren Lusk                 9    Silver Lake High School
19:03.7       1
  2 Celine Yeoh               12   Marlow Heights Academy
19:12.6       2
  3 Hallie Okafor             10   Silver Lake High School
19:14.5       3
  4 Saskia Tolland            9    Pinecrest Christian
19:19.5       4
 -- Ida Iredale               9    Fallbrook Union HS
DNF
"""


def test_results_hard_wrapped_at_72_columns_are_read_joined_again():
    doc = to_contract(parse_document(EMAIL_WRAPPED.encode(), None, "mail.txt"))
    got = [r for e in doc["events"] for r in e["results"]]
    assert [(r["place"], r["athlete"], r["team"], r["mark"], r["status"]) for r in got] == [
        (1, "Wren Lusk", "Silver Lake High School", "19:03.7", None),
        (2, "Celine Yeoh", "Marlow Heights Academy", "19:12.6", None),
        (3, "Hallie Okafor", "Silver Lake High School", "19:14.5", None),
        (4, "Saskia Tolland", "Pinecrest Christian", "19:19.5", None),
        (None, "Ida Iredale", "Fallbrook Union HS", "DNF", "DNF"),
    ]


# a road relay's sheet: each leg's runner and split under 'Leg N' and 'Time', the result 'Total'
ROAD_RELAY_LEG_SPLITS = """Pos,Team,Leg 1,Time,Leg 2,Time,Total
1,Pendle AC,Wes Scanlon,18:14,Walter Fairclough,18:38,36:52
2,Leigh Harriers,Tate Orrin,18:40,Owen Lumb,18:22,37:02
3,Wigan Phoenix,Liam Ivers,19:02,Quinn Dolan,,DNF
"""


def test_a_total_of_times_after_leg_splits_is_the_relays_result():
    doc = to_contract(parse_document(ROAD_RELAY_LEG_SPLITS.encode(), None, "relay.csv"))
    got = doc["events"][0]["results"]
    assert [(r["place"], r["team"], r["mark"], r["status"]) for r in got] == [
        (1, "Pendle AC", "36:52", None),
        (2, "Leigh Harriers", "37:02", None),
        (None, "Wigan Phoenix", "DNF", "DNF"),
    ]
    assert [m["athlete"] for m in got[0]["relay_members"]] == ["Wes Scanlon", "Walter Fairclough"]


# an encyclopedia's heats: the wind printed with the minus sign (U+2212), not a hyphen
WIND_MINUS_SIGN = """<html><body><h2>Heats</h2><h3>Heat 2</h3><p>Wind: \u22120.3 m/s</p>
<table><tr><th>Rank</th><th>Lane</th><th>Name</th><th>Nationality</th><th>Time</th></tr>
<tr><td>1</td><td>4</td><td>Davina Tremayne</td><td>Bahamas</td><td>11.12</td></tr>
<tr><td>2</td><td>7</td><td>Isolde Colquhoun</td><td>Jamaica</td><td>11.27</td></tr></table>
</body></html>"""


def test_a_wind_printed_with_the_minus_sign_is_read():
    doc = to_contract(parse_document(WIND_MINUS_SIGN.encode(), None, "heats.html"))
    (event,) = doc["events"]
    assert (event["event_name"], event["round"]) == ("Heats", "Heats")
    assert [r["wind"] for r in event["results"]] == [-0.3, -0.3]


# the same wrapping of a ruled layout whose rows fit up to their time: the points wrap, and so
# does the time of a row whose name runs over its column
EMAIL_WRAPPED_POINTS = """Girls Varsity 5000 Meters

Place Name                       Yr School                     Time
Pts
===== ========================== == ========================== =======
=====
    1 Lena Fairlie               10 Pine Hollow                19:41.9
1
    2 Bryony Selby                9 Harrowgate Christian       19:42.1
    3 Ellie Stansfield           12 Eastbrook Regional         19:42.8
2
    4 Maximiliana Vanderhoeven-Ashcroft 12 Mount Tabor Prep
19:50.6
    5 Nora Quarrie               10 Pine Hollow                19:55.1
3
"""


def test_a_ruled_layouts_wrapped_points_and_times_are_joined_again():
    doc = to_contract(parse_document(EMAIL_WRAPPED_POINTS.encode(), None, "mail.txt"))
    got = [r for e in doc["events"] for r in e["results"]]
    assert [(r["place"], r["athlete"], r["mark"]) for r in got] == [
        (1, "Lena Fairlie", "19:41.9"),
        (2, "Bryony Selby", "19:42.1"),
        (3, "Ellie Stansfield", "19:42.8"),
        (4, "Maximiliana Vanderhoeven-Ashcroft", "19:50.6"),
        (5, "Nora Quarrie", "19:55.1"),
    ]


CLUB_PAGE_COPY = """Ferncliff Harriers
Home
About the club
Training
Fixtures
Results
Membership
Contact
Summer Open Meeting \u2013 Results

Posted by Club Secretary on 22 June 2025

Many thanks to everyone who came along to the Summer Open Meeting at Ferncliff Park track on
Saturday 21 June 2025. Results are below; please let us know of any errors.

Men 100m Race 1 (wind +1.1)
Pos\tName\tClub\tCat\tPerf
1\tDorran Yardley\tHollins Green RC\tU17\t11.02
2\tDesmond Tremayne\tTynebank AC\tU20\t11.29
3\tWendel Ingram\tHollins Green RC\tU17\t11.33
"""


def test_a_club_pages_copy_is_dated_by_its_meeting_not_by_its_post():
    doc = to_contract(parse_document(CLUB_PAGE_COPY.encode(), None, "copy.txt"))
    assert doc["meet"] == {"name": "Summer Open Meeting", "date": "2025-06-21", "venue": None}
    assert len(doc["events"][0]["results"]) == 3


# an encyclopedia page's copy: the records standing before the event, a table of their own
RECORDS_BEFORE_HEATS_COPY = """Women's 100 metres
Records
Prior to this competition, the existing world and Games records were as follows:
World record\tAmarantha Quell (USA)\t10.49\tPort Vell, United States\t16 July 1988
Games record\tDelphine Harrowgate (JAM)\t11.12\tApia, Samoa\t9 August 2017
Heat 1
Rank\tLane\tName\tNationality\tTime\tNotes
1\t1\tKestrel Lindqvist\tSaint Lucia\t11.29\tQ
2\t2\tKerensa Underhill\tTrinidad and Tobago\t11.40\tQ
3\t5\tIlse Varga\tHungary\t11.52\t
\t\tJane Best\tCanada\tDNF\t
"""


def test_a_records_tables_rows_are_no_results():
    doc = to_contract(parse_document(RECORDS_BEFORE_HEATS_COPY.encode(), None, "copy.txt"))
    got = [(r["place"], r["athlete"], r["team"]) for e in doc["events"] for r in e["results"]]
    assert got == [
        (1, "Kestrel Lindqvist", "Saint Lucia"),
        (2, "Kerensa Underhill", "Trinidad and Tobago"),
        (3, "Ilse Varga", "Hungary"),
        (None, "Jane Best", "Canada"),  # a runner's name, no record's
    ]


def test_a_combined_events_total_of_points_stays_points():
    text = (
        "Pos,Name,Club,100m,LJ,SP,Total\n"
        '1,Ann Lee,Ox AC,12.10,6.01,13.20,"7,845"\n'
        '2,Bo Roe,Elm AC,12.30,5.91,12.10,"7,612"\n'
        '3,Cy Poe,Ash AC,12.50,5.80,11.90,"7,400"\n'
    )
    got = to_contract(parse_document(text.encode(), None, "heptathlon.csv"))["events"][0]
    assert [(r["mark_normalized"], r["mark_unit"]) for r in got["results"]] == [
        (7845.0, "points"),
        (7612.0, "points"),
        (7400.0, "points"),
    ]


def test_an_events_title_with_its_date_set_right_on_the_same_line():
    # FlashResults PDFs print the event and the day on one baseline, far apart
    text = (
        "Results\n\n"
        + "Women High Jump".ljust(143)
        + "5/17/2025\n\n\n"
        + "Pl  Name                         Affiliation                1.55    1.60     1.65"
        + "           Result\n"
        + "1   Xanthe NETTLEFORD     SR     WESTMARCH                  O       O        XO"
        + "             1.65m\n"
        + "2   Isolde ZABRISKIE      SR     COLEBROOK ST.              O       XO       XXX"
        + "            1.60m\n"
    )
    (event,) = contract(text)["events"]
    assert (event["event_name"], event["gender"]) == ("Women High Jump", "F")
    assert [r["athlete"] for r in event["results"]] == ["Xanthe NETTLEFORD", "Isolde ZABRISKIE"]


@pytest.mark.parametrize(
    ("line", "name", "team", "status"),
    [
        # a surname's particle in capitals, like a state's code: no state opens a row
        (
            "     DE OLIVEIRA Mehdi           AC Haute Vallée                   M0M   87   DNS",
            "DE OLIVEIRA Mehdi",
            "AC Haute Vallée",
            "DNS",
        ),
        # a club with its department's number
        (
            "     LA ROCHE Inès               Athlé 42 Ondaine                  ESF   01   Abandon",
            "LA ROCHE Inès",
            "Athlé 42 Ondaine",
            "DNF",
        ),
    ],
    ids=["particle", "club-number"],
)
def test_a_french_lists_unplaced_row_after_the_placed(line, name, team, status):
    text = (
        "100m Hommes - Finale\n"
        "Clt  Nom Prénom                  Club                              Cat.  Né   Perf.\n"
        "1    COLIN Maxime                Dombes Athlétisme                 M0M   06   10''74\n"
        "2    BARBIER Louis               ASPTT Roanne-Forez                M0M   90   11''11\n"
        f"{line}\n"
    )
    (event,) = contract(text)["events"]
    last = event["results"][-1]
    assert len(event["results"]) == 3
    assert (last["place"], last["athlete"], last["team"], last["status"]) == (
        None,
        name,
        team,
        status,
    )


def test_a_relay_team_with_a_number_and_no_place():
    text = (
        "4 x 100 m Femmes - Finale\nClt  Club                                  Perf.\n"
        "1    AS Val de Brenne                      46''97\n"
        "     (BERTHELOT Manon - LEMAIRE Camille - FAURE Léa - COLIN Jade)\n"
        "     Athlé 42 Ondaine                      Disqualifié\n"
        "     (RENAUD Maëlle - CHEVALIER Clara - PERRIN Lisa - CARON Awa)\n"
    )
    (event,) = contract(text)["events"]
    last = event["results"][-1]
    assert (last["team"], last["status"]) == ("Athlé 42 Ondaine", "DQ")
    assert [m["athlete"] for m in last["relay_members"]][0] == "RENAUD Maëlle"


def test_a_rounds_line_with_its_day_and_time_set_right_names_the_round():
    # championship sheets print the round and its start on one line, far apart
    text = (
        "MEN'S TRIPLE JUMP\n"
        + "QUALIFICATION - GROUP A".ljust(58)
        + "11 JUL 2025  10:05\n\n"
        + "Rank  Bib  Name                      Nat  Date of Birth   Result   Wind\n"
        + "   1  359  UNDERHILL Lorcan          BEL  04 JAN 2008     15.70 Q    +0.2\n"
        + "   2  788  HARGREAVE Garrick         SUI  25 MAR 2008     15.35 Q    +0.9\n"
    )
    (event,) = contract(text)["events"]
    assert (event["event_name"], event["gender"], event["round"]) == (
        "MEN'S TRIPLE JUMP",
        "M",
        "Qualifying",
    )
    assert [r["mark_normalized"] for r in event["results"]] == [15.70, 15.35]


def test_a_hytek_pages_stamp_neither_names_nor_dates_the_meet():
    # a Hy-Tek PDF's text with its rules drawn, not printed: the general reader reads its heading
    lines = [
        "Licensed to Prairie Timing Services          HY-TEK's MEET MANAGER 8.0 - 9:14 PM 5/15/2026"
        " Page 1",
        "            Big Prairie Conference Championships - 5/14/2026 to 5/16/2026",
        "                              Results",
    ]
    meet = meet_heading(lines)
    assert (meet.name, meet.date) == ("Big Prairie Conference Championships", "2026-05-14")


def _omega_page(event: str, rnd: str, rows: list[str]) -> str:
    return "\n".join(
        [
            "Nordic Championships                                         Kalmar Arena",
            f"{event}",
            "",
            rnd,
            "Rank   Lane  Bib   Name                      Nat    Result",
            *rows,
            "",
            "Report Created SUN 12 JUL 2026 19:11                          Page 1/1",
            "",
        ]
    )


def test_a_round_printed_over_each_events_list_is_no_page_furniture():
    # 'Final' under three events of an Omega report: printed three times, it is still each
    # list's round, and the 100m final after its heats is a section of its own
    def rows(seconds: int) -> list[str]:
        return [
            f" {n}      {n}    {900 + n}   RUNNER{n} Ann               SWE    {seconds + n}.31"
            for n in (1, 2)
        ]

    text = "\n".join(
        [
            _omega_page("Men's 100m", "Round 1", rows(10)),
            _omega_page("Men's 100m", "Final", rows(9)),
            _omega_page("Men's 200m", "Final", rows(20)),
            _omega_page("Men's 400m", "Final", rows(45)),
        ]
    )
    events = contract(text)["events"]
    assert [(e["event_name"], e["round"], len(e["results"])) for e in events] == [
        ("Men's 100m", "Heats", 2),
        ("Men's 100m", "Finals", 2),
        ("Men's 200m", "Finals", 2),
        ("Men's 400m", "Finals", 2),
    ]


def test_a_relay_team_named_with_a_slash_is_a_row_and_its_runners_stay_its_runners():
    # a club with its sponsor ('Orcampi/Unimed') or two towns in one team: one name, as an
    # individual row's club is; not a unit ('m/s') nor a code ('N/A')
    text = "\n".join(
        [
            "Revezamento 4x100m Feminino - Final",
            "Col.    Raia      Entidade                                  Resultado",
            "1º      3         E.C. Pinheiros                                45,44",
            "                  Ana Silva / Rita Souza / Júlia Rocha / Luana Mendes",
            "2º      4         Orcampi/Unimed                                46,28",
            "                  Bia Costa / Thaís Lima / Camila Reis / Yasmin Dias",
            "3º      5         SESI-SP                                       46,37",
            "                  Larissa Melo / Vitória Alves / Isabela Nunes / Mariana Pires",
        ]
    )
    events = contract(text)["events"]
    assert [(e["event_name"], e["gender"]) for e in events] == [
        ("Revezamento 4x100m Feminino - Final", "F")
    ]
    rows = events[0]["results"]
    assert [(r["place"], r["team"], r["mark"]) for r in rows] == [
        (1, "E.C. Pinheiros", "45,44"),
        (2, "Orcampi/Unimed", "46,28"),
        (3, "SESI-SP", "46,37"),
    ]
    assert [m["athlete"] for m in rows[1]["relay_members"]] == [
        "Bia Costa",
        "Thaís Lima",
        "Camila Reis",
        "Yasmin Dias",
    ]
