"""The other result layouts, each on a small document in the shape real ones have."""

from __future__ import annotations

import pytest

from scraper.results import parse_document, to_contract


def parse(text: str, url: str | None = None) -> dict:
    return to_contract(parse_document(text.encode(), url))


def rows_of(doc: dict) -> list[dict]:
    return [r for e in doc["events"] for r in e["results"]]


# --- fixed width with ===== ruler segments (MileSplit raw <pre>) --------------------------------
MILESPLIT = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "SportsEvent", "name": "Vista XC Invitational",
 "startDate": "2025-08-23", "location": {"@type": "Place", "name": "Vista HS"}}</script></head>
<body><div id="meetResultsBody"><pre>
Varsity Girls 5K
Place Div/Tot  Bib # Name                      Sex School                         Time    Pace
===== ======== ===== ========================= === ============================== ======= =====
    1     1/30   101 Anna Marie Cole             F Mountain Vista High School       18:02  5:49
    2     2/30   215 Bea Ortiz                   F Summit High School               18:15  5:53
    3     3/30   330 Cara Lee                    F Regis Jesuit                       DNF
</pre></div></body></html>"""


def test_ruler_segments_give_exact_columns():
    doc = parse(MILESPLIT)
    assert doc["meet"]["name"] == "Vista XC Invitational"
    assert doc["meet"]["date"] == "2025-08-23"
    ev = doc["events"][0]
    assert (ev["event_name"], ev["gender"], ev["kind"]) == ("Varsity Girls 5K", "F", "individual")
    first, second, dnf = ev["results"]
    assert (first["place"], first["athlete"], first["team"]) == (
        1,
        "Anna Marie Cole",
        "Mountain Vista High School",
    )
    assert (first["mark"], first["mark_normalized"]) == ("18:02", 1082.0)
    assert first["detail"]["bib"] == "101"
    assert first["detail"]["pace"] == "5:49"
    assert dnf["status"] == "DNF"
    assert dnf["mark_normalized"] is None


# --- HTML tables ---------------------------------------------------------------------------------
TFRRS_LIKE = """<html><head><title>Conference Championships - Women's 10,000 Meters</title></head>
<body><style>.round_4_42 { display: none !important; }</style>
<h3>Women's 10,000 Meters</h3>
<table class="tablesaw"><thead><tr><th>PL</th><th>NAME</th><th>YEAR</th><th>TEAM</th>
<th class="round_4_42">TIME</th><th class="round_4_57">TIME</th><th>SC</th></tr></thead>
<tbody>
<tr><td>1</td><td><a href="#">Amy Kern</a></td><td>SR-4</td><td>Rio Grande</td>
<td class="round_4_42">40:49.31</td><td class="round_4_57">37:47.88</td><td>10</td></tr>
<tr><td>2</td><td>Chloe Sales</td><td>JR-3</td><td>Indiana East</td>
<td class="round_4_42">32:17.88</td><td class="round_4_57">37:59.85</td><td>8</td></tr>
<tr><td>3</td><td>Beth Moss</td><td>FR-1</td><td>Midway</td>
<td class="round_4_42">31:00.00</td><td class="round_4_57">DNF</td><td>-</td></tr>
</tbody></table></body></html>"""


def test_columns_hidden_by_a_style_rule_are_ignored():
    ev = parse(TFRRS_LIKE)["events"][0]
    assert ev["event_name"] == "Women's 10,000 Meters"
    assert ev["gender"] == "F"
    rows = ev["results"]
    assert [(r["athlete"], r["year"], r["team"], r["mark"]) for r in rows] == [
        ("Amy Kern", "SR-4", "Rio Grande", "37:47.88"),
        ("Chloe Sales", "JR-3", "Indiana East", "37:59.85"),
        ("Beth Moss", "FR-1", "Midway", "DNF"),
    ]
    assert rows[0]["detail"]["points"] == 10.0
    assert rows[2]["status"] == "DNF"


SHEETS = """<div class="body"><table data-sheets-root="1"><tbody>
<tr><td>Boys Individuals</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>1</td><td>SR</td><td>Jack SPENCER</td><td>&nbsp;</td><td>15:01.1</td><td>Herriman</td></tr>
<tr><td>2</td><td>JR</td><td>Yo VAN MEERTEN</td><td>&nbsp;</td><td>15:03.3</td>
<td>SW Individuals -6</td></tr>
<tr><td>3</td><td>SO</td><td>Cal LEONARD</td><td>&nbsp;</td><td>15:03.7</td><td>Carroll</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>Official Team Scores</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>1</td><td>Niwot</td><td>61</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>2</td><td>Herriman</td><td>97</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>Girls Individuals</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>1</td><td>SO</td><td>Nat DUDEK</td><td>&nbsp;</td><td>16:50.1</td><td>Ann Arbor</td></tr>
<tr><td>2</td><td>JR</td><td>Blair BART</td><td>&nbsp;</td><td>16:51.7</td>
<td>NE Individuals -1</td></tr>
</tbody></table></div>"""


def test_header_less_sheet_with_section_rows():
    doc = parse(SHEETS)
    names = [(e["event_name"], e["gender"], e["kind"]) for e in doc["events"]]
    assert names == [
        ("Boys Individuals", "M", "individual"),
        ("Official Team Scores", "M", "team_scores"),
        ("Girls Individuals", "F", "individual"),
    ]
    boys, teams, girls = doc["events"]
    assert [
        (r["place"], r["year"], r["athlete"], r["team"], r["mark"]) for r in boys["results"]
    ] == [
        (1, "SR", "Jack SPENCER", "Herriman", "15:01.1"),
        (2, "JR", "Yo VAN MEERTEN", "SW Individuals -6", "15:03.3"),
        (3, "SO", "Cal LEONARD", "Carroll", "15:03.7"),
    ]
    assert [
        (r["place"], r["team"], r["mark_normalized"], r["mark_unit"]) for r in teams["results"]
    ] == [(1, "Niwot", 61.0, "points"), (2, "Herriman", 97.0, "points")]
    assert girls["results"][1]["team"] == "NE Individuals -1"


DIRECTATHLETICS = """<html><body>
<table><tr><td>MVC Girls Divisional Meet</td><td>Date: May 5, 2022</td></tr></table>
<span class="title_text">Girls High Jump Varsity</span>
<table><tr><td><b>Finals:</b></td></tr><tr><td>
<table class="tablesorter">
<tr><th class="header">Place</th><th class="header">Overall</th><th class="header">Name</th>
<th class="header">Year</th><th class="header">Team</th><th class="header">Height</th>
<th class="header">Score</th></tr>
<tr><td>1</td><td>1</td><td>Woody, Isabelle</td><td>SR</td><td>Liberty High</td>
<td>5' 2"</td><td>10</td></tr>
<tr><td>2</td><td>2</td><td>Kriegel, Allison</td><td>JR</td><td>Linn Mar</td><td>5' 0"</td>
<td>8</td></tr>
<tr><td>4</td><td>4</td><td>Jaeger, Beth</td><td>SR</td><td>Liberty High</td><td>4' 8"</td>
<td>4.5</td></tr>
</table></td></tr></table></body></html>"""


def test_directathletics_sheet_nested_table_and_feet_inches():
    ev = parse(DIRECTATHLETICS)["events"][0]
    assert (ev["event_name"], ev["gender"], ev["round"]) == (
        "Girls High Jump Varsity",
        "F",
        "Finals",
    )
    rows = ev["results"]
    assert len(rows) == 3  # the outer layout table adds nothing
    assert rows[0]["athlete"] == "Woody, Isabelle"
    assert rows[0]["year"] == "SR"
    assert rows[0]["mark_normalized"] == pytest.approx(62 * 0.0254)
    assert rows[2]["detail"]["points"] == 4.5


RELAY_TABLES = """<html><body>
<h3>Girls U/19 4X800m</h3>
<table><tr><th> Pos </th><th> Team/School </th><th> Time </th></tr>
<tr><td> 1 </td><td> Afrikaans Meisies </td><td> 9:36.80 </td></tr>
<tr><td> 2 </td><td> Eldoraigne </td><td> 8:18:72 </td></tr></table>
</body></html>"""


def test_relay_tables_with_a_misprinted_mark():
    ev = parse(RELAY_TABLES)["events"][0]
    assert (ev["kind"], ev["gender"], ev["division"]) == ("relay", "F", "U/19")
    first, second = ev["results"]
    assert (first["team"], first["athlete"], first["mark_normalized"]) == (
        "Afrikaans Meisies",
        None,
        576.8,
    )
    assert second["mark"] == "8:18:72"
    assert second["mark_normalized"] is None


# --- one value per line (athletic.net rendered text) ---------------------------------------------
LISTING = """Athletic.net
Desert Twilight XC Invite
In Progress Fri, Sep 26, 2025
Mens 5,000 Meters Sweepstakes
Results
Meet Record as of 9/25/2025
Leo Dash
14:14.30
Highland
2019
1
OH
Oliver Horton
Coronado
14:23.9
PR • Yr: 11
2
Yohanes van Meerten
Flagstaff
14:25.7
Yr: SR
1
LM
Luke Mason
Unattached
14:26.0
3
Quinn Sullivan
Unattached
14:42.6
SR • Yr: 12
"""


def test_one_value_per_line_listing():
    doc = parse(LISTING)
    assert doc["meet"] == {"name": "Desert Twilight XC Invite", "date": "2025-09-26", "venue": None}
    ev = doc["events"][0]
    assert ev["event_name"] == "Mens 5,000 Meters Sweepstakes"
    assert ev["gender"] == "M"
    rows = ev["results"]
    # the record block is no result; an interleaved second numbering (unattached) is set aside
    assert [(r["place"], r["athlete"], r["team"], r["year"]) for r in rows] == [
        (1, "Oliver Horton", "Coronado", "11"),
        (2, "Yohanes van Meerten", "Flagstaff", "SR"),
        (3, "Quinn Sullivan", "Unattached", "12"),
    ]
    assert rows[0]["detail"]["flags"] == ["PR"]
    assert rows[2]["detail"]["flags"] == ["SR"]


# --- generic fallback --------------------------------------------------------------------------
UNKNOWN = """Spring Open
Women 1500 Meters
1.  Jane Doe        Club Alpha      4:21.50
2.  Ann Roe         Club Beta       4:25.02
3.  Sue Poe         Club Alpha      DNF
Men Shot Put
1.  Bob Ray         Club Beta       15.20m
2.  Tom Fay         Club Gamma      14.02m
"""


def test_unknown_layout_falls_back_to_a_generic_reader():
    doc = parse(UNKNOWN)
    assert [e["event_name"] for e in doc["events"]] == ["Women 1500 Meters", "Men Shot Put"]
    women, men = doc["events"]
    assert [
        (r["place"], r["athlete"], r["team"], r["mark_normalized"]) for r in women["results"]
    ] == [
        (1, "Jane Doe", "Club Alpha", 261.5),
        (2, "Ann Roe", "Club Beta", 265.02),
        (3, "Sue Poe", "Club Alpha", None),
    ]
    assert men["results"][0]["mark_unit"] == "m"


def test_a_document_without_results_says_why():
    doc = to_contract(parse_document(b"<html><body><p>No results yet.</p></body></html>"))
    assert doc["events"] == []
    assert doc["_error"]
