"""Structured results inputs, each built in the test with the format's own library or layout:
XLSX (openpyxl), DOCX (a ZIP of WordprocessingML), CSV/TSV with every line ending, JSON exports
(athlib, the World Athletics competition model), the Olympic Data Feed's XML; and what a bad file
of each kind gives (a reason, never an exception)."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from scraper.results import delimited, parse_document, to_contract
from scraper.results.audit import audit_document


def contract(data: bytes | str, name: str | None = None) -> dict:
    return to_contract(parse_document(data, None, name))


def rows_of(doc: dict) -> list[tuple]:
    return [
        (e["event_name"], r["place"], r["athlete"], r["team"], r["year"], r["mark_normalized"])
        for e in doc["events"]
        for r in e["results"]
    ]


# --- XLSX ----------------------------------------------------------------------------------------
def xlsx(tmp_path: Path, rows: list[list], number_format: str | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    for r in rows:
        sheet.append(r)
    if number_format:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, dt.timedelta):
                    cell.number_format = number_format
    path = tmp_path / "results.xlsx"
    book.save(path)
    return path.read_bytes()


def test_xlsx_durations_typed_as_minutes_and_no_place_column(tmp_path):
    """A club's cross-country sheet: '40:09' typed into a [h]:mm:ss cell is stored as 40 hours 9
    minutes (a whole number of minutes in every row): read back as 40 min 09 s."""
    data = xlsx(
        tmp_path,
        [
            ["FIRST NAME", "SURNAME", "GENDER", "AGE", "CLUB", "Race No.", "Time"],
            ["Ben", "Lane", "M", 35, "Birchfield Harriers", 655, dt.timedelta(hours=40, minutes=9)],
            ["Ann", "Hood", "F", 26, None, 715, dt.timedelta(hours=41, minutes=50)],
            ["Tom", "Wright", "M", 39, "Fernwood RC", 632, dt.timedelta(hours=42, minutes=4)],
            ["Sue", "Telfer", "F", 50, "Sleaford Striders", 621, dt.timedelta(hours=43)],
            ["Joe", "Lang", "M", 38, None, 707, dt.timedelta(hours=45, minutes=25)],
            ["Kim", "Baxter", "F", 35, "Sleaford TR", 654, "DQ"],
        ],
        "[h]:mm:ss",
    )
    doc = contract(data, "cup.xlsx")
    assert doc["format"] == "xlsx"
    (ev,) = doc["events"]
    first, *_, dq = ev["results"]
    assert (first["athlete"], first["team"], first["year"], first["mark"]) == (
        "Ben Lane",
        "Birchfield Harriers",
        "35",
        "40:09",
    )
    assert first["mark_normalized"] == 2409.0
    assert first["raw"][-1] == "40:09:00"  # as the sheet shows it
    assert first["detail"]["bib"] == "655"
    assert first["detail"]["sex"] == "M"
    assert [r["place"] for r in ev["results"]] == [None] * 6  # the sheet prints no places
    assert (dq["status"], dq["mark_normalized"]) == ("DQ", None)


def test_xlsx_durations_with_seconds_stay_hours(tmp_path):
    data = xlsx(
        tmp_path,
        [["Place", "Name", "Club", "Time"]]
        + [
            [n, f"Runner {c}", "Club", dt.timedelta(hours=2, minutes=n, seconds=7 * n)]
            for n, c in enumerate("ABCDEF", 1)
        ],
    )
    rows = contract(data)["events"][0]["results"]
    assert rows[0]["mark_normalized"] == 2 * 3600 + 60 + 7


def test_xlsx_meet_block_section_header_and_european_times(tmp_path):
    """A Norwegian organiser's sheet: meet, venue and date as label rows; the header row names
    the class and the distance over the place and name columns; times written 7,54,96."""
    data = xlsx(
        tmp_path,
        [
            ["Stevne:", "Midt-Norsk 3000m Challenge"],
            ["Stevnested:", "Ranheimshallen"],
            ["Stevnedato:", dt.datetime(2026, 1, 25)],
            ["Kontaktperson:", "Ola Nordmann"],
            ["Telefon:", 12345678],
            [None],
            ["Menn senior", "3000m", "Fødselsår", "Klubb", "Resultat"],
            [1, "Magnus Øyen", 2007, "Rindal IL", "7,54,96"],
            [2, "Kjetil Gagnås", 2000, "Børsa IL", "8,00,12"],
            [3, "Håkon Berg", 2006, "KIL", "DNF"],
        ],
    )
    doc = contract(data)
    assert doc["meet"] == {
        "name": "Midt-Norsk 3000m Challenge",
        "date": "2026-01-25",
        "venue": "Ranheimshallen",
    }
    (ev,) = doc["events"]
    assert (ev["event_name"], ev["gender"]) == ("Menn senior 3000m", "M")
    assert rows_of(doc) == [
        ("Menn senior 3000m", 1, "Magnus Øyen", "Rindal IL", "2007", 474.96),
        ("Menn senior 3000m", 2, "Kjetil Gagnås", "Børsa IL", "2000", 480.12),
        ("Menn senior 3000m", None, "Håkon Berg", "KIL", "2006", None),
    ]
    assert ev["results"][0]["mark"] == "7,54,96"  # kept as printed
    assert ev["results"][2]["status"] == "DNF"


# --- DOCX ----------------------------------------------------------------------------------------
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w_par(text: str, level: int | None = None) -> str:
    ppr = f'<w:pPr><w:outlineLvl w:val="{level}"/></w:pPr>' if level is not None else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def w_cell(text: str, span: int = 1, merge: str | None = None) -> str:
    props = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if merge:
        props += f'<w:vMerge w:val="{merge}"/>' if merge == "restart" else "<w:vMerge/>"
    pr = f"<w:tcPr>{props}</w:tcPr>" if props else ""
    return f"<w:tc>{pr}{w_par(text) if text else '<w:p/>'}</w:tc>"


def w_table(rows: list[list[str]]) -> str:
    return "<w:tbl>" + "".join(f"<w:tr>{''.join(r)}</w:tr>" for r in rows) + "</w:tbl>"


def docx(body: str) -> bytes:
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}'
    xml += "</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    return out.getvalue()


RELAY_HTML = """<html><body><h1>Valley Relays 2012 - Results</h1>
<h2>Team Results</h2><table><tr><td colspan="3">Girls</td></tr>
<tr><td>Pos</td><td>School</td><td>Points</td></tr>
<tr><td>1</td><td>Menlopark</td><td>46</td></tr><tr><td>2</td><td>Die Poort</td><td>38</td></tr>
</table>
<h2>Relay Results</h2><h3>Girls U/13</h3>
<table><tr><td>Pos</td><td>Team/School</td><td>Time</td></tr>
<tr><td>1</td><td>Monumentpark</td><td>56.48</td></tr><tr><td>2</td><td>Menlopark</td><td>56.62</td>
</tr></table></body></html>"""


def test_docx_reads_as_the_same_list_as_a_web_page():
    body = (
        w_par("Valley Relays 2012 - Results", 0)
        + w_par("Team Results", 1)
        + w_table(
            [
                [w_cell("Girls", span=3)],
                [w_cell("Pos"), w_cell("School"), w_cell("Points")],
                [w_cell("1"), w_cell("Menlopark"), w_cell("46")],
                [w_cell("2"), w_cell("Die Poort"), w_cell("38")],
            ]
        )
        + w_par("Relay Results", 1)
        + w_par("Girls U/13", 2)
        + w_table(
            [
                [w_cell("Pos"), w_cell("Team/School"), w_cell("Time")],
                [w_cell("1"), w_cell("Monumentpark"), w_cell("56.48")],
                [w_cell("2"), w_cell("Menlopark"), w_cell("56.62")],
            ]
        )
    )
    word, page = contract(docx(body)), contract(RELAY_HTML)
    assert word["format"] == "docx-tables"
    strip = [{k: v for k, v in doc.items() if k != "format"} for doc in (word, page)]
    assert strip[0] == strip[1]
    assert word["meet"]["name"] == "Valley Relays 2012"
    teams, relay = word["events"]
    assert (teams["kind"], teams["gender"], relay["kind"], relay["gender"]) == (
        "team_scores",
        "F",
        "relay",
        "F",
    )
    assert [(r["team"], r["mark_normalized"]) for r in relay["results"]] == [
        ("Monumentpark", 56.48),
        ("Menlopark", 56.62),
    ]


def test_docx_merged_cells_span_their_rows():
    """A heat number merged down its rows (vMerge) is every row's heat."""
    body = w_table(
        [
            [w_cell("Heat"), w_cell("Name"), w_cell("Time"), w_cell("Place")],
            [w_cell("1", merge="restart"), w_cell("Ann Lee"), w_cell("14:44.37"), w_cell("1")],
            [w_cell("", merge="continue"), w_cell("Bea Ray"), w_cell("14:44.57"), w_cell("2")],
            [w_cell("2", merge="restart"), w_cell("Cal Orr"), w_cell("14:32.03"), w_cell("1")],
            [w_cell("", merge="continue"), w_cell("Dee Fox"), w_cell("14:32.52"), w_cell("2")],
        ]
    )
    doc = contract(docx(body))
    assert [(e["heat"], [r["athlete"] for r in e["results"]]) for e in doc["events"]] == [
        (1, ["Ann Lee", "Bea Ray"]),
        (2, ["Cal Orr", "Dee Fox"]),
    ]


# --- CSV / TSV -----------------------------------------------------------------------------------
GUN_CHIP = [
    "Place,First Name,Last Name,Gun Time,Chip Time,Gender,Division,Club",
    "1,BEN,LANE,    31:58,    31:57,M,MS,BIRCHFIELD HARRIERS",
    "2,GREG,SOUTH,    34:27,    34:25,M,MV40,",
    '3,ALAN,OLIVER,    35:14,    35:13,M,MS,"SLEAFORD, STRIDERS AC"',
    "4,KAY,RAWSON,  1:22:37,  1:21:57,F,FV45,UNAFFILIATED",
    "5,KAMIL,DEBICKI,DNF,DNF,M,MS,UNAFFILIATED",
]


@pytest.mark.parametrize(
    ("ending", "delimiter"),
    [("\r", ","), ("\n", ","), ("\r\n", ","), ("\r\n", ";"), ("\n", "\t"), ("\r", "|")],
    ids=["cr", "lf", "crlf", "semicolon", "tab", "pipe-cr"],
)
def test_csv_any_line_ending_and_delimiter(ending, delimiter):
    lines = [ln.replace(",", delimiter) if delimiter != "," else ln for ln in GUN_CHIP]
    if delimiter != ",":
        lines[3] = lines[3].replace('"SLEAFORD' + delimiter + ' STRIDERS AC"', "SLEAFORD STRIDERS")
    doc = contract(ending.join(lines).encode("cp1252"), "race.csv")
    rows = doc["events"][0]["results"]
    assert [(r["place"], r["athlete"], r["mark_normalized"], r["status"]) for r in rows] == [
        (1, "BEN LANE", 1918.0, None),
        (2, "GREG SOUTH", 2067.0, None),
        (3, "ALAN OLIVER", 2114.0, None),
        (4, "KAY RAWSON", 4957.0, None),
        (None, "KAMIL DEBICKI", None, "DNF"),  # a status has no place
    ]
    assert rows[0]["detail"]["chip"] == "31:57"  # the gun time is the result, chip kept
    assert rows[1]["detail"]["category"] == "MV40"
    assert rows[1]["team"] is None


@pytest.mark.parametrize("header", ["AG Division", "Age Division", "AG Group", "Wuzzle"])
def test_a_road_race_division_column_is_its_category_never_the_team(header):
    """A timer's export names its age-group column in many ways ('AG Division', 'Age Division');
    under any of them, or none we know, cells such as 'M 40-49' are a division, not a club."""
    text = f"Place,Bib,Name,Gender,Age,City,State,{header},Chip Time,Gun Time\n"
    text += "1,540,Brennan Holt,M,41,Dunmore Ridge,WV,M 40-49,33:01.2,33:03.2\n"
    text += "2,623,Mara Quill,F,27,Bexley Falls,OH,F 20-29,35:37.5,35:39.5\n"
    text += "3,327,Dorian Pask,M,32,Tallis,OH,M 30-39,36:06.9,36:23.9\n"
    rows = contract(text.encode(), "race.csv")["events"][0]["results"]
    assert [(r["athlete"], r["team"], r["detail"].get("category")) for r in rows] == [
        ("Brennan Holt", None, "M 40-49"),
        ("Mara Quill", None, "F 20-29"),
        ("Dorian Pask", None, "M 30-39"),
    ]


def test_csv_meet_line_above_the_header():
    text = "Meet:,Summer Solstice 10K\nDate:,21/06/2014\n\nPos,Name,Club,Time\n"
    text += "1,Ann Lee,Acme,35:10\n"
    doc = contract(text.encode(), "r.csv")
    assert doc["meet"]["name"] == "Summer Solstice 10K"
    assert doc["meet"]["date"] == "2014-06-21"
    assert rows_of(doc) == [("Results", 1, "Ann Lee", "Acme", None, 2110.0)]


def test_text_with_commas_is_no_csv():
    """A Hy-Tek line's 'Last, First' comma does not make a CSV."""
    assert (
        contract(b"  1 Kerr, Josh     GBR   3:45.34\n  2 Nuguse, Yared   USA  3:46.22\n")["format"]
        != "delimited"
    )


@pytest.mark.parametrize(
    ("delimiter", "page"), [("\t", True), (",", False), (";", False), ("|", False)]
)
def test_only_a_tabbed_text_may_be_a_page_copy(delimiter, page):
    """A page copied from a browser comes with its tabs (titles and prose between its tables: the
    general reader reads it too); a file of comma- or semicolon-separated records is a table
    exported whole."""
    text = "\n".join(
        ln.replace(",", delimiter) for ln in ("Pos,Name,Club,Time", "1,Ann,Acme,35:10")
    )
    assert delimited.tabbed(text) is page


# --- JSON ----------------------------------------------------------------------------------------
def test_athlib_json_event_results():
    data = {
        "full_name": "Iffley Miles 2016",
        "start_date": "2016-07-23",
        "venue": "Iffley Road",
        "event_results": [
            {
                "prog_code": "T01",
                "type": "indiv",
                "name": "600m - A Race",
                "finishers": [
                    {
                        "pos": "1",
                        "first_name": "Clark",
                        "last_name": "Roberts",
                        "bib": "63",
                        "team": "Coventry Godiva",
                        "time": "1:29.60",
                        "category": "SM",
                        "category_pos": 1,
                    },
                    {
                        "pos": "2",
                        "first_name": "Ann",
                        "last_name": "Reed",
                        "bib": "62",
                        "team": "Oxford City AC",
                        "time": "1:33.68",
                        "category": "U15G",
                        "category_pos": 1,
                    },
                    {
                        "pos": "",
                        "first_name": "Bo",
                        "last_name": "Ng",
                        "bib": "64",
                        "team": "",
                        "time": "DNF",
                        "category": "SM",
                        "category_pos": "",
                    },
                ],
                "teams": [],
            }
        ],
    }
    doc = contract(json.dumps(data))
    assert doc["format"] == "json"
    meet = {"name": "Iffley Miles 2016", "date": "2016-07-23", "venue": "Iffley Road"}
    assert doc["meet"] == meet
    assert rows_of(doc) == [
        ("600m - A Race", 1, "Clark Roberts", "Coventry Godiva", None, 89.6),
        ("600m - A Race", 2, "Ann Reed", "Oxford City AC", None, 93.68),
        ("600m - A Race", None, "Bo Ng", None, None, None),
    ]
    first = doc["events"][0]["results"][0]
    assert first["detail"]["bib"] == "63"
    assert first["detail"]["category"] == "SM"
    assert json.loads(first["raw"][0])["last_name"] == "Roberts"


def test_competition_model_json_with_athletes_by_id():
    data = {
        "athletes": [
            {"id": 7, "firstName": "Noah", "lastName": "Lyles", "country": "USA"},
            {"id": 9, "firstName": "Kishane", "lastName": "Thompson", "country": "JAM"},
        ],
        "units": [
            {
                "title": "100 Metres Men",
                "rounds": [
                    {
                        "type": "Final",
                        "races": [
                            {
                                "number": 1,
                                "results": [
                                    {"athleteId": 7, "result": "9.79", "placeInRace": 1},
                                    {"athleteId": 9, "result": "9.79", "placeInRace": 2},
                                ],
                            }
                        ],
                    }
                ],
            }
        ],
    }
    doc = contract(json.dumps(data))
    assert [
        (r["place"], r["athlete"], r["team"], r["mark_normalized"])
        for r in doc["events"][0]["results"]
    ] == [
        (1, "Noah Lyles", "USA", 9.79),
        (2, "Kishane Thompson", "JAM", 9.79),
    ]
    assert doc["events"][0]["gender"] == "M"


# --- ODF XML -------------------------------------------------------------------------------------
ODF = """<?xml version="1.0" encoding="UTF-8"?>
<OdfBody CompetitionCode="OG2024" DocumentType="DT_RESULT" Date="2024-08-04">
 <Competition>
  <ExtendedInfos>
   <UnitDateTime StartDate="2024-08-04T21:55:00+02:00"/>
   <ExtendedInfo Type="UI" Code="WIND" Value="+1.0"/>
   <SportDescription DisciplineName="Athletics" EventName="Men's 100m" SubEventName="Final"
     Gender="M"/>
   <VenueDescription Venue="STA" VenueName="Stade de France"/>
  </ExtendedInfos>
  <Result Rank="1" Result="9.79" IRM="" SortOrder="1">
   <RecordIndicator Order="1" Code="PB"/>
   <ExtendedResults><ExtendedResult Type="ER" Code="REACT_TIME" Value="0.178"/></ExtendedResults>
   <Competitor Code="1" Type="A" Organisation="USA"><Composition>
    <Athlete Code="1" Order="1" Bib="1205"><Description GivenName="Noah" FamilyName="LYLES"
      Organisation="USA" BirthDate="1997-07-18"/></Athlete></Composition></Competitor>
  </Result>
  <Result Rank="" Result="" IRM="DNF" SortOrder="9">
   <Competitor Code="2" Type="A" Organisation="BOT"><Composition>
    <Athlete Code="2" Order="1"><Description GivenName="Letsile" FamilyName="TEBOGO"
      Organisation="BOT"/></Athlete></Composition></Competitor>
  </Result>
 </Competition>
 <Competition>
  <ExtendedInfos><SportDescription EventName="Men's 4 x 100m Relay" SubEventName="Round 1 Heat 2"
    Gender="M"/></ExtendedInfos>
  <Result Rank="1" Result="37.47" QualificationMark="Q">
   <Competitor Code="T1" Type="T" Organisation="CAN"><Description TeamName="Canada"/>
    <Composition>
     <Athlete Code="3" Order="1"><Description GivenName="Aaron" FamilyName="BROWN"/></Athlete>
     <Athlete Code="4" Order="2"><Description GivenName="Jerome" FamilyName="BLAKE"/></Athlete>
    </Composition></Competitor>
  </Result>
 </Competition>
</OdfBody>"""


def test_olympic_data_feed_results():
    doc = contract(ODF)
    assert doc["format"] == "odf"
    assert doc["meet"]["date"] == "2024-08-04"
    assert doc["meet"]["venue"] == "Stade de France"
    dash, relay = doc["events"]
    assert (dash["gender"], dash["round"], dash["wind"]) == ("M", "Finals", 1.0)
    lyles, tebogo = dash["results"]
    assert (lyles["place"], lyles["athlete"], lyles["team"], lyles["mark_normalized"]) == (
        1,
        "Noah LYLES",
        "USA",
        9.79,
    )
    assert (lyles["wind"], lyles["detail"]["flags"], lyles["detail"]["reaction"]) == (
        1.0,
        ["PB"],
        "0.178",
    )
    assert (tebogo["place"], tebogo["status"]) == (None, "DNF")
    assert (relay["kind"], relay["round"], relay["heat"]) == ("relay", "Heats", 2)
    (can,) = relay["results"]
    assert (can["team"], can["detail"]["qualifier"]) == ("Canada", "Q")
    assert can["relay_members"] == [
        {"leg": 1, "athlete": "Aaron BROWN"},
        {"leg": 2, "athlete": "Jerome BLAKE"},
    ]


def test_xml_entities_are_never_expanded():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        "<results><infos><event_name>&b;</event_name></infos>"
        "<result><rank>1</rank><athlete>Ann Lee</athlete><best_performance>10.1"
        "</best_performance></result></results>"
    )
    doc = contract(bomb)
    assert doc["events"][0]["event_name"] != "a" * 100


# --- bad files -----------------------------------------------------------------------------------
def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (zipped({"xl/workbook.xml": b"\0" * (300 * 1024 * 1024)}), "too large once inflated"),
        (zipped({"xl/workbook.xml": b"<not a workbook"}), "unreadable spreadsheet"),
        (zipped({"word/document.xml": b"<w:document"}), "unreadable Word document"),
        (zipped({"notes.txt": b"hello"}), "neither a spreadsheet"),
        (b"PK\x03\x04 truncated", "unreadable ZIP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "legacy binary Office"),
        (b'{"results": [1, 2', "unparseable JSON"),
        (b'{"meet": "x", "data": [1, 2, 3]}', "no result lists"),
    ],
    ids=["zip-bomb", "bad-xlsx", "bad-docx", "other-zip", "broken-zip", "xls", "bad-json", "json"],
)
def test_bad_files_give_a_reason(data, reason):
    doc = contract(data)
    assert doc["events"] == []
    assert reason in doc["_error"]


def test_a_timers_json_export_with_its_race_nested_and_a_status_field():
    export = {
        "event": {"name": "City Marathon 2023", "date": "2023-10-08"},
        "results": [
            {
                "rank": 1,
                "firstName": "Abel",
                "lastName": "Kirui",
                "club": "Team K",
                "gunTime": "02:08:33",
            },
            {
                "rank": 2,
                "firstName": "Sara",
                "lastName": "Hall",
                "club": "Run Co",
                "gunTime": "02:22:15",
            },
            {
                "rank": None,
                "firstName": "Joe",
                "lastName": "Slow",
                "club": "",
                "gunTime": None,
                "status": "DNF",
            },
        ],
    }
    doc = to_contract(parse_document(json.dumps(export).encode(), None, "results.json"))
    assert (doc["meet"]["name"], doc["meet"]["date"]) == ("City Marathon 2023", "2023-10-08")
    rows = [
        (r["place"], r["athlete"], r["mark_normalized"], r["status"])
        for r in doc["events"][0]["results"]
    ]
    assert rows == [
        (1, "Abel Kirui", 7713.0, None),
        (2, "Sara Hall", 8535.0, None),
        (None, "Joe Slow", None, "DNF"),
    ]


# an XML export of neither feed family: results as elements or as attributes, read by their names
XML_ELEMENTS = """<?xml version="1.0" encoding="UTF-8"?>
<Competition name="County Championships 2024" date="2024-05-11">
  <Event name="Men 800m">
    <Result place="1" bib="12"><Athlete>Sam Hill</Athlete><Club>Harriers AC</Club>
      <Time>1:52.30</Time></Result>
    <Result place="2" bib="40"><Athlete>Joe Rock</Athlete><Club>City AC</Club>
      <Time>1:53.01</Time></Result>
    <Result place="" bib="7"><Athlete>Al Vale</Athlete><Club>City AC</Club><Time>DNF</Time></Result>
  </Event>
  <Event name="Women Shot Put">
    <Result place="1"><Athlete>Mia Stone</Athlete><Club>Harriers AC</Club>
      <Time>13.45</Time></Result>
  </Event>
</Competition>
"""
XML_ATTRIBUTES = """<?xml version="1.0"?>
<results>
 <race title="10K Road Race" date="2023-09-03">
  <runner pos="1" name="Ed Quick" club="Road Runners" cat="M35" time="00:33:10"/>
  <runner pos="2" name="Flo Fast" club="" cat="W" time="00:35:45"/>
 </race>
</results>
"""


@pytest.mark.parametrize(
    ("xml", "meet", "rows"),
    [
        (
            XML_ELEMENTS,
            ("County Championships 2024", "2024-05-11"),
            [
                ("Men 800m", 1, "Sam Hill", "Harriers AC", 112.3, "s", None),
                ("Men 800m", 2, "Joe Rock", "City AC", 113.01, "s", None),
                ("Men 800m", None, "Al Vale", "City AC", None, None, "DNF"),
                ("Women Shot Put", 1, "Mia Stone", "Harriers AC", 13.45, "m", None),
            ],
        ),
        (
            XML_ATTRIBUTES,
            ("10K Road Race", "2023-09-03"),
            [
                ("10K Road Race", 1, "Ed Quick", "Road Runners", 1990.0, "s", None),
                ("10K Road Race", 2, "Flo Fast", None, 2145.0, "s", None),
            ],
        ),
    ],
)
def test_an_xml_export_of_another_build_is_read_by_its_element_names(xml, meet, rows):
    parsed = parse_document(xml.encode(), None, "results.xml")
    doc = to_contract(parsed)
    assert (doc["meet"]["name"], doc["meet"]["date"]) == meet
    assert [
        (e["event_name"], r["place"], r["athlete"], r["team"], r["mark_normalized"],
         r["mark_unit"], r["status"])
        for e in doc["events"]
        for r in e["results"]
    ] == rows  # fmt: skip
    audit = audit_document(xml.encode(), parsed)
    assert (audit.verdict, audit.coverage) == ("parsed", 1.0)


def test_a_json_export_names_its_events_in_its_own_language():
    export = {
        "wettkampf": {"name": "Hallenmeeting 2025", "date": "2025-02-01"},
        "wettbewerbe": [
            {
                "disziplin": "60m Männer",
                "ergebnisse": [
                    {"platz": 1, "name": "Max Bauer", "verein": "LG Nord", "zeit": "6,71"},
                    {"platz": 2, "name": "Leo Kurz", "verein": "TV Süd", "zeit": "6,80"},
                ],
            },
            {
                "disziplin": "Kugelstoß Frauen",
                "ergebnisse": [{"platz": 1, "name": "Eva Stark", "leistung": "15,20"}],
            },
        ],
    }
    doc = to_contract(parse_document(json.dumps(export).encode(), None, "results.json"))
    assert [(e["event_name"], e["gender"], len(e["results"])) for e in doc["events"]] == [
        ("60m Männer", "M", 2),
        ("Kugelstoß Frauen", "F", 1),
    ]


def test_a_json_document_that_is_a_list_of_results_each_naming_its_event():
    # a bare array had given 'no result lists'; the field event's 'mark' key beside the
    # track's 'time' had lost its rows when one table held them all
    export = [
        {
            "event": "Men 1500m",
            "place": 1,
            "name": "Al Dale",
            "club": "Kestrel AC",
            "time": "3:48.29",
        },
        {
            "event": "Men 1500m",
            "place": None,
            "name": "Bo Dimm",
            "club": "Fern TC",
            "status": "DNF",
        },
        {"event": "Men Javelin", "place": 1, "name": "Cy Fenn", "club": "Fern TC", "mark": "71.20"},
        {"event": "Men Javelin", "place": 2, "name": "Di Hale", "club": "Vale AC", "mark": "68.05"},
    ]
    doc = contract(json.dumps(export).encode(), "results.json")
    assert rows_of(doc) == [
        ("Men 1500m", 1, "Al Dale", "Kestrel AC", None, 228.29),
        ("Men 1500m", None, "Bo Dimm", "Fern TC", None, None),
        ("Men Javelin", 1, "Cy Fenn", "Fern TC", None, 71.2),
        ("Men Javelin", 2, "Di Hale", "Vale AC", None, 68.05),
    ]


def test_a_json_events_object_gives_its_gender_round_and_wind_and_a_teams_object_its_name():
    export = {
        "meet": {"title": "Summit Meet", "start_date": "2025-05-17"},
        "events": [
            {
                "name": "100m",
                "gender": "F",
                "round": "Heats",
                "wind": "+0.5",
                "entries": [
                    {
                        "place": 1,
                        "athlete": {"first": "Odette", "last": "Harrow"},
                        "team": {"name": "Summit", "code": "SUM"},
                        "time": "12.12",
                    },
                    {
                        "place": 2,
                        "athlete": {"first": "Priya", "last": "Venk"},
                        "team": {"name": "Crestline", "code": "CRE"},
                        "time": "12.40",
                    },
                ],
            }
        ],
    }
    doc = to_contract(parse_document(json.dumps(export).encode(), None, "results.json"))
    ev = doc["events"][0]
    assert (ev["gender"], ev["round"]) == ("F", "Heats")
    assert [(r["athlete"], r["team"], r["wind"]) for r in ev["results"]] == [
        ("Odette Harrow", "Summit", 0.5),
        ("Priya Venk", "Crestline", 0.5),
    ]


def test_a_delimited_table_of_many_events_is_parted_by_event_and_sex():
    text = (
        "Event;Sex;Place;Name;Club;Result\n"
        "100m;W;1;Holm, Signe;IF Kvarnby;11,84\n"
        "100m;W;2;Ekström, Alva;Hälla FK;12,02\n"
        "100m;M;1;Sandberg, Oskar;Hälla FK;10,41\n"
        "100m;M;2;Dahl, Viktor;IF Kvarnby;10,77\n"
    )
    doc = to_contract(parse_document(text.encode(), None, "results.csv"))
    assert [(e["event_name"], e["gender"], len(e["results"])) for e in doc["events"]] == [
        ("100m", "F", 2),
        ("100m", "M", 2),
    ]


def test_an_age_group_column_beside_the_event_column_parts_the_events_and_gives_the_gender():
    # UK league sheets: the under-15 boys' 100m and the senior women's had been one section
    # with its places starting again, no gender
    text = (
        "Event,Age Grp,String,Pos,Name,Club,Perf,Pts\n"
        "100m,U15B,A,1,Jack Hall,Kestrel Harriers,12.20,10\n"
        "100m,U15B,A,2,Owen Marsh,Millbrook RC,12.41,9\n"
        "100m,SW,A,1,Grace Kettle,Northgate AC,12.30,10\n"
        "100m,SW,B,2,Ruby Barnes,Tamworth Vale H,12.52,9\n"
    )
    doc = to_contract(parse_document(text.encode(), None, "results.csv"))
    assert [(e["event_name"], e["gender"], len(e["results"])) for e in doc["events"]] == [
        ("U15B 100m", "M", 2),
        ("SW 100m", "F", 2),
    ]


def test_a_sheets_label_rows_before_its_header_fill_the_meet_and_the_audit_reads_its_rows():
    # 'Meet,Bellerive Open' without a colon; the two label rows do not hide the table from the
    # audit
    text = (
        b"Meet,Bellerive Open\n"
        b"Date,14/06/2025\n"
        b"Place,Name,Club,Time\n"
        b"1,Ann Lee,AC Nord,12.01\n"
        b"2,Bea Roe,AC Sud,12.30\n"
        b"3,Cat Poe,AC Est,12.44\n"
    )
    parsed = parse_document(text, None, "results.csv")
    assert (parsed.meet.name, parsed.meet.date) == ("Bellerive Open", "2025-06-14")
    audit = audit_document(text, parsed)
    assert (audit.verdict, audit.coverage) == ("parsed", 1.0)


@pytest.mark.parametrize(
    ("codepage", "name", "club"),
    [
        ("cp1250", "NOWAK Paweł", "KKL Kielce-Słoneczne"),
        ("cp1252", "MÜLLER Jörg", "Løpeklubben Ås"),
        # letters both pages hold, read in the wrong one as 'Kotláøka', 'Bystøice'
        ("cp1250", "ŘEZNÍČKOVÁ Jitka", "SK Kotlářka Brno"),
        ("cp1250", "TŮMOVÁ Simona", "AC Bystřice"),
        ("cp1252", "NÚÑEZ Andrés", "Atlético Ibérica"),
        ("cp1252", "HØVIK Sølvi", "IL Tjalve"),
    ],
)
def test_a_text_file_in_a_single_byte_code_page_is_read_in_its_own(codepage, name, club):
    text = (
        "100 m\n"
        "Pl.   Name                          Year  Club                           Result\n"
        f"  1.  {name:<28}  2000  {club:<30} 10.79\n"
        f"  2.  {'LEWANDOWSKI Mateusz':<28}  2002  {'AZS UMCS Lublin':<30} 10.82\n"
    )
    rows = contract(text.encode(codepage), "wyniki.txt")["events"][0]["results"]
    assert (rows[0]["athlete"], rows[0]["team"]) == (name, club)


def test_a_czech_export_parts_its_events_by_their_discipline_and_round_columns():
    text = (
        "Disciplína;Kategorie;Kolo;Pořadí;Příjmení;Jméno;Ročník;Oddíl;Výkon;Vítr\n"
        "400 m;ženy;finále;1;Jandová;Ivana;2001;TJ Jiskra Vrchovina;55,17;\n"
        "400 m;ženy;finále;2;Tůmová;Simona;2003;AC Bystřice;55,39;\n"
        "dálka;ženy;finále;1;Hájková;Adéla;2002;USK Bohemka;6,21;+1,1\n"
        "dálka;ženy;finále;2;Fialová;Hana;2004;TJ Slavoj Hrádek;6,05;-0,3\n"
    )
    doc = contract(text.encode("cp1250"), "vysledky.csv")
    assert [(e["event_name"], e["round"], len(e["results"])) for e in doc["events"]] == [
        ("400 m", "Finals", 2),
        ("dálka", "Finals", 2),
    ]
    jump = doc["events"][1]["results"][0]
    assert (jump["athlete"], jump["mark_unit"], jump["wind"]) == ("Adéla Hájková", "m", 1.1)


def test_json_integer_marks_in_the_unit_named_beside_them_or_in_their_key():
    data = {
        "competition": {"name": "Vestli Summer Open", "startDate": "2025-06-28"},
        "events": [
            {
                "eventName": "800m",
                "gender": "W",
                "windSpeed": 1.2,
                "results": [
                    {"rank": 1, "name": "Eline Holm", "performance": 125340, "unit": "ms"},
                    {"rank": 2, "name": "Astrid Lunde", "performance": 127050, "unit": "ms"},
                ],
            },
            {
                "eventName": "Long Jump",
                "gender": "W",
                "results": [
                    {"rank": 1, "name": "Guro Skogen", "distanceCm": 624, "wind": -1.2},
                    {"rank": 2, "name": "Live Grønli", "distanceCm": 616, "wind": 0.2},
                ],
            },
        ],
    }
    events = contract(json.dumps(data).encode(), "results.json")["events"]
    assert [
        (r["athlete"], r["mark"], r["mark_normalized"], r["mark_unit"], r["wind"])
        for e in events
        for r in e["results"]
    ] == [
        ("Eline Holm", "2:05.34", 125.34, "s", 1.2),  # the event's wind
        ("Astrid Lunde", "2:07.05", 127.05, "s", 1.2),
        ("Guro Skogen", "6.24", 6.24, "m", -1.2),
        ("Live Grønli", "6.16", 6.16, "m", 0.2),
    ]


def test_a_datatables_reply_without_column_names_and_html_in_its_cells():
    data = {
        "draw": 3,
        "recordsTotal": 3,
        "recordsFiltered": 3,
        "data": [
            ["1.", "611", '<a href="/a/5120">HORVAT Luka</a>', "Runners Kestrel", "29:12"],
            ["2.", "87", '<a href="/a/7731">LEMMA Dawit</a>', "Harbour RC", "29:40"],
            ["3.", "402", '<a href="/a/1188">SOKOLOVA Oksana</a>', "Harbour RC", "31:05"],
        ],
    }
    rows = contract(json.dumps(data).encode(), "results.json")["events"][0]["results"]
    assert [(r["place"], r["athlete"], r["team"], r["mark_normalized"]) for r in rows] == [
        (1, "HORVAT Luka", "Runners Kestrel", 1752.0),
        (2, "LEMMA Dawit", "Harbour RC", 1780.0),
        (3, "SOKOLOVA Oksana", "Harbour RC", 1865.0),
    ]


def test_a_sheet_with_two_events_side_by_side_reads_both_under_their_own_titles(tmp_path):
    # the men's block in A-D and the women's in F-I, of different lengths, and a second pair
    # below: before, the right-hand block was lost and the audit said 'parsed'
    rows = [
        ["Vereinsmeisterschaften 2025"],
        ["Datum: 14.06.2025"],
        [],
        ["100m Männer", None, None, None, None, "100m Frauen"],
        ["Platz", "Name", "Verein", "Zeit", None, "Platz", "Name", "Verein", "Zeit"],
        [1, "Max Müller", "LG Nord", "11.23", None, 1, "Anna Klein", "TV Süd", "12.40"],
        [2, "Jan Schmidt", "TV Süd", "11.45", None, 2, "Lea Braun", "SC Ost", "12.71"],
        [3, "Tim Weber", "LG Nord", "11.80"],
        [],
        ["Weitsprung Männer", None, None, None, None, "Weitsprung Frauen"],
        ["Platz", "Name", "Verein", "Weite", None, "Platz", "Name", "Verein", "Weite"],
        [1, "Tim Weber", "LG Nord", "6.12", None, 1, "Lea Braun", "SC Ost", "5.01"],
        [2, "Jan Schmidt", "TV Süd", "5.88", None, 2, "Anna Klein", "TV Süd", "4.77"],
    ]
    data = xlsx(tmp_path, rows)
    doc = contract(data, "results.xlsx")
    assert [(e["event_name"], e["gender"], len(e["results"])) for e in doc["events"]] == [
        ("100m Männer", "M", 3),
        ("100m Frauen", "F", 2),
        ("Weitsprung Männer", "M", 2),
        ("Weitsprung Frauen", "F", 2),
    ]
    assert rows_of(doc)[3] == ("100m Frauen", 1, "Anna Klein", "TV Süd", None, 12.4)
    assert rows_of(doc)[-1] == ("Weitsprung Frauen", 2, "Anna Klein", "TV Süd", None, 4.77)
    assert audit_document(data, parse_document(data, None, "results.xlsx")).verdict == "parsed"


def test_a_race_title_over_a_csv_names_no_meet_and_gives_its_gender():
    # "Women's 6K" had been read as the meet's name, the women's team scores left genderless
    text = (
        b"Women's 6K,,,,\n"
        b"Team Scores,,,,\n"
        b"PL,Team,Score,1,2\n"
        b"1,Pruett Tech,37,4,5\n"
        b"2,Harlow College,41,2,3\n"
    )
    parsed = parse_document(text, None, "results.csv")
    assert parsed.meet.name is None
    assert [(e.kind, e.gender, len(e.rows)) for e in parsed.events] == [("team_scores", "F", 2)]


def test_xlsx_house_points_are_team_scores(tmp_path):
    """A school carnival's 'House Points' sheet: the houses' scores, no runners."""
    data = xlsx(
        tmp_path,
        [["House Points"], ["Place", "House", "Points"], [1, "Tasman", 412], [2, "Ruapehu", 388]],
    )
    [ev] = contract(data)["events"]
    assert ev["kind"] == "team_scores"
    assert [(r["place"], r["team"], r["mark_normalized"]) for r in ev["results"]] == [
        (1, "Tasman", 412.0),
        (2, "Ruapehu", 388.0),
    ]


def test_xml_team_scores_under_a_teams_key_in_another_language():
    data = (
        b'<?xml version="1.0" encoding="UTF-8"?><stevne navn="Testmote" dato="03.06.2025">'
        b'<ovelse navn="100 m" kjonn="K"><resultat plass="1" navn="Kari Nordmann" klubb="IL Aa" '
        b'prestasjon="11,88"/></ovelse><lagkonkurranse navn="Lagkonkurranse">'
        b'<lag plass="1" navn="IL Aa" poeng="48"/><lag plass="2" navn="IL Bb" poeng="44"/>'
        b"</lagkonkurranse></stevne>"
    )
    teams = [e for e in contract(data)["events"] if e["kind"] == "team_scores"]
    assert [
        (r["place"], r["athlete"], r["team"], r["mark_normalized"])
        for e in teams
        for r in e["results"]
    ] == [
        (1, None, "IL Aa", 48.0),
        (2, None, "IL Bb", 44.0),
    ]


def test_xml_whose_event_round_sex_and_meet_are_named_in_norwegian():
    data = (
        b'<?xml version="1.0" encoding="UTF-8"?><stevne navn="Testlekene 2025" dato="23.08.2025">'
        b'<ovelse navn="100 m" kjonn="K" runde="fors\xc3\xb8k" vind="+0.5"><resultat plass="1" '
        b'navn="Kari Nordmann" klubb="IL Aa" prestasjon="11,94"/></ovelse></stevne>'
    )
    doc = contract(data)
    assert (doc["meet"]["name"], doc["meet"]["date"]) == ("Testlekene 2025", "2025-08-23")
    [ev] = doc["events"]
    assert (ev["event_name"], ev["gender"], ev["round"], ev["results"][0]["wind"]) == (
        "100 m",
        "F",
        "Heats",
        0.5,
    )


def test_json_relay_legs_as_objects_under_a_legs_key():
    data = (
        b'{"events": [{"eventName": "4x400m Relay", "gender": "W", "results": [{"rank": 1, '
        b'"team": {"name": "Saltmere AC"}, "performance": "3:39.70", "legs": ['
        b'{"leg": 1, "athlete": {"firstName": "Imani", "lastName": "Rhodes"}}, '
        b'{"leg": 2, "athlete": {"firstName": "Petra", "lastName": "Lindholm"}}]}]}]}'
    )
    [row] = contract(data)["events"][0]["results"]
    assert [m["athlete"] for m in row["relay_members"]] == ["Imani Rhodes", "Petra Lindholm"]


def test_a_races_heading_over_a_tabbed_table_names_no_meet():
    """'5K Results' over the table is the race's heading: a distance is no meet's name."""
    text = "Thursday, November 27, 2025\n\n5K Results\n\nPlace\tBib\tName\tChip Time\n"
    text += "1\t11\tAiden Holt\t25:10\n2\t12\tCora Pell\t26:02\n"
    meet = contract(text.encode(), "results.txt")["meet"]
    assert (meet["name"], meet["date"]) == (None, "2025-11-27")
