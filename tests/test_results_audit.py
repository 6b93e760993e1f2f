"""The results audit on its own (pure): which lines and table rows look like results, the
consistency checks, and the verdict it gives a reader's rows held against their document."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.results import checks
from scraper.results.audit import (
    NOT_FOUND,
    NOT_RESULT,
    PARSED,
    PARTIAL,
    UNPARSED,
    audit,
    audit_document,
)
from scraper.results.document import parse_document
from scraper.results.model import Event, ResultDoc, Row, new_event
from scraper.results.resultlike import is_result
from scraper.results.source import text_units

# (line, is it a result line?, why)
LINES = [
    ("| 1  Zeb Marchbank   Gorsebrook AC   15.98 |", True, "a row inside a table's rule"),
    ("  1 Josh Kerr                26 Great Britain          3:45.34NR", True, "Hy-Tek"),
    (" -- Abraham Alvarado         24 United States              DNF", True, "no place: status"),
    ("   Smith, Jane     Central High          DNS", True, "status alone stands for the place"),
    ("  1.    277  Bauer Alexander   1994  SLV  TV Hauzenberg   9:24,90", True, "comma decimals"),
    ("1 Ola Nordmann  IL Tyrving  2,23,62", True, "European min,s,hundredths"),
    ("2  BRUNO Sara   2010  Atl. Tevere   3'02\"15", True, "Italian min'sec\"hundredths"),
    ("1  DUVERNAY Mathilde  AC Vallon  SEF  24''87", True, "French sec''hundredths"),
    ("1  KOUASSI Yann   Stade Loirétain   15m02", True, "French metres m centimetres"),
    (" 4T Lemaire, Josie   12 Harbor Point   4-10.00   4.5", True, "a tie after the place"),
    ("1.Hansen Ola  IL Tyrving  8:12.34", True, "place glued to the name"),
    ("  3 Smith, Jane  12 Central   38-06.50", True, "feet-inches"),
    ("  1 #  111 Ong, Ernest   20 NANYANG TECH   13.85m  -0.7", True, "metres, bib, wind"),
    ("1st  John Smith  Boston  2:12:33", True, "ordinal place"),
    ("  1.  34  St. Olaf College  (  26:11.9  2:10:59.5   1:02.8)", True, "team line, times"),
    ("    1) Chillicothe     100        2) Zane Trace     93", True, "team scores, points"),
    ("1 Carleton College 45 1 2 5 9 28 (31) (40)", True, "team score and its scorers"),
    ("  1) Lakin Tarlton 10     2) Ella Parks 11", True, "relay legs (covered by members)"),
    ("Place Name                Year School           Finals", False, "header"),
    ("Rg. StNr. Name   Jg  Nat. Verein   Ergebnis", False, "German header"),
    ("PLASSERING RESULTAT NAVN KLUBB", False, "Norwegian header"),
    ("Meet Record: M 3:47.32  5/14/2011 Alan Webb, Nike", False, "record line"),
    ("  Facility: F 10.02  2019  John Doe, Central", False, "record line"),
    ("WR 3:50.07 DIBABA Genzebe ETH Monaco 17 JUL 2015", False, "world record line"),
    ("Qualifying Standard: 4:05.00", False, "standard"),
    ("   28.12 (28.12)   58.33 (30.21)  1:29.80 (31.47)", False, "splits: no name"),
    ("       FOUL   6.12   6.45   PASS   X   6.50", False, "attempts: no name"),
    ("  1.75  1.80  1.85  1.90", False, "heights: no name"),
    ("         O    XO   XXO   XXX", False, "attempts"),
    ("Hy-Tek's MEET MANAGER 4.0 - 10:32 AM 5/14/2011 Page 1", False, "page header"),
    ("Page 3 of 12", False, "page footer"),
    ("Printed: 24.01.2026 18:30 Uhr", False, "print stamp"),
    ("Event 12  Girls 1600 Meter Run", False, "event title"),
    ("60 m vallas (0,914) Hombres Sub-18 - Final", False, "event title with the hurdles' height"),
    ("10 km Dames", False, "event title opening with its distance"),
    ("Heat 1 of 3   Wind: +1.2", False, "heat title"),
    ("1. Lauf  Beginn 10:30 Uhr", False, "heat title with a clock time"),
    ("2019 MIAC Cross Country Championships - Men's 8km", False, "meet title"),
    ("                                                Page 2", False, "page number"),
    ("Boys Team Scores: South Eugene 51, Wilsonville 50", True, "team scores on one line"),
    ("Note: heat 2, lane 3", False, "a note with numbers after words"),
    ("24 MAY 2025", False, "a date on a line of its own"),
    ("      DQ 163.3a Impeding another runner", False, "a disqualification's reason"),
    ("1000 CADETTI - Serie Unica", False, "a race's title, its distance bare"),
    ("80 HS (h 0,76) CADETTE - Finale           Vento: +0,6", False, "... with its hurdles, wind"),
    ("100 KERR, William SO Windsor High School 92 21:48.8", True, "a place of 100, a time"),
    ("DNF Darragh Brennan", True, "a status before a name, no place"),
    (
        "DNF NOLAN FARRANT 1410 29 M Fremont Heights, CA M20-29",
        True,
        "a status before a name, and the row's bib, age and club after it",
    ),
    ("DNF Did Not Finish", False, "a legend's words after a status"),
    ("1st      Raleigh      58 points", True, "a team's points after an ordinal place"),
    ("1   CA Vilallonga     1+5+9     15 punts", True, "a team's points in Catalan"),
    ("                        30th - 31st August 2018", False, "an indented date"),
    ("DNF Did Not Finish", False, "a legend"),
    ("Legend: DNS Did Not Start DQ Disqualified Q Qualified by place", False, "a legend's line"),
    (
        "Times are elapsed from the 06:00 start. DNF rows show where the runner retired.",
        False,
        "a note in prose",
    ),
    ("1. Lachlan Mayfield (FR) 6-7", True, "feet-inches, single-digit inches"),
    ("2. Ellis Westbrook (CS) 22-3¾", True, "feet-inches with a fraction"),
    (
        "Team scores - Boys: Kettle Creek 142, Fox Run 96. Girls: Briar Hollow 151, Fox Run 120.",
        True,
        "both genders' team scores on one line",
    ),
]


@pytest.mark.parametrize(("line", "expected", "why"), LINES, ids=[w for _, _, w in LINES])
def test_which_lines_look_like_results(line: str, expected: bool, why: str):
    assert is_result(line) is expected


CELLS = [
    (("1", "GBR", "Josh KERR", "Brooks Beasts", "3:45.34"), True),
    (("2", "Will COOPER 73 parkruns", "Male 2/168", "SM25-29 73.36%", "17:35 New PB!"), True),
    (("1", "Menlopark", "46"), True),  # team points
    (("対抗", "佐藤 研人", "4年", "14:44.78", "1位", ""), True),  # place with its counter
    (("1組", "中村 祐紀", "1年", "14:23.38", ""), True),  # not placed: a name and a mark
    (("BEN", "LIVESEY", "M", "35", "BIRCHFIELD HARRIERS", "655", "40:09"), True),  # no place
    (("WR", "3:50.07", "Genzebe DIBABA", "ETH", "2015"), False),  # a record
    (("Meet Record", "3:47.32", "Alan Webb", "2011"), False),
    (("1", "Josh KERR", "3:45.34", "PB"), True),  # a flag cell after the mark
    (("Position", "parkrunner", "Gender", "Age Group", "Club", "Time"), False),
    (("Pos", "Bib", "Name", "Cat", "Club", "CP1 Glen Fyne (21.4 km)", "Finish"), False),  # header
    (("Men Hammer Throw (7.26 kg)", "", ""), False),  # one cell: read as a line
    (("X = foul, - = pass. Top 8 after round 3 receive three further attempts.",), False),
    (("1. Ann Lee  Leeds AC  12.31", ""), True),
    (("17", "Unknown", "", "", "", ""), False),  # no mark
    (("© 2022 parkrun Limited",), False),
    (("1500m", "F17", "Final", "", "Hilma Wallin", "IF Kustvägen", "2009", "Utgått", ""), True),
    (("1500m", "F17", "Final", "", "Vera Nordin", "Hagaberg FI", "2009", "Ej start", ""), True),
]


@pytest.mark.parametrize(("cells", "expected"), CELLS)
def test_which_table_rows_look_like_results(cells: tuple[str, ...], expected: bool):
    assert is_result(cells) is expected


# -- checks ---------------------------------------------------------------------------------


def _rows(*places: int | None, marks: list[float] | None = None) -> list[Row]:
    out = []
    for i, place in enumerate(places):
        mark = marks[i] if marks else 60.0 + i
        out.append(Row(place=place, athlete="A B", mark=mark, mark_raw=str(mark), unit="s"))
    return out


@pytest.mark.parametrize(
    ("places", "flagged"),
    [
        ((1, 2, 3, 4), set()),
        ((1, 2, 2, 4), set()),  # a tie
        ((1, 2, 2, 3), set()),  # a tie, dense ranking
        ((1, 2, 3, 1, 2, 3), set()),  # a second heat the reader did not name
        ((3, 4, 5), set()),  # a section continued from the page before
        ((1, 5, 17), set()),  # overall places in an age-group list
        ((1, 3, 2, 4), {2}),
        ((412, 87, 1033, 5), {1, 3}),  # bibs read as places
        ((1, None, 2), set()),  # an unplaced row
    ],
)
def test_places_in_sequence_within_a_section(places: tuple, flagged: set[int]):
    rows = _rows(*places)
    found = set()
    for section in checks.sections(rows):
        found |= checks.place_sequence(rows, section)
    assert found == flagged


@pytest.mark.parametrize(
    ("marks", "flagged"),
    [
        ([60.0, 61.0, 62.5, 63.0], set()),  # times go up with the place
        ([7.9, 7.5, 7.5, 7.1], set()),  # distances go down
        ([60.0, 61.0, 59.0, 62.0, 63.0], {2}),
        ([60.0, 75.0, 61.0, 62.0, 63.0], {1}),
        ([60.0, 61.0], set()),  # too few to tell
    ],
)
def test_marks_ordered_with_places(marks: list[float], flagged: set[int]):
    rows = _rows(*range(1, len(marks) + 1), marks=marks)
    assert checks.mark_order(rows, list(range(len(rows)))) == flagged


@pytest.mark.parametrize(
    ("row", "kind", "flag"),
    [
        (Row(mark=225.34, mark_raw="3:45.34"), "individual", None),
        (Row(status="DNF", mark_raw="DNF"), "individual", None),
        (Row(), "individual", checks.NO_MARK),
        (Row(mark_raw="8:18:72"), "individual", checks.MARK_UNREAD),  # misprinted
        (Row(mark=1994.0, mark_raw="1994"), "individual", checks.YEAR_AS_MARK),
        (Row(points=46.0), "team_scores", None),
        (Row(mark=2012.0, mark_raw="2012"), "team_scores", None),
    ],
)
def test_every_row_has_a_mark_or_a_status(row: Row, kind: str, flag: str | None):
    assert checks.mark_flag(row, kind) == flag


CLASS_YEARS = checks.NameHabits(class_years=True)
FULL_NAMES = checks.NameHabits(full_names=True)
HALF_NAMES = checks.NameHabits(half_names=True)
PLAIN = checks.NameHabits()


@pytest.mark.parametrize(
    ("athlete", "habits", "flag"),
    [
        ("Josh Kerr", PLAIN, None),
        ("KERR, Josh", PLAIN, None),
        ("佐藤 研人", PLAIN, None),
        ("Steffi, Kai Lin,", PLAIN, None),  # cut by the document's own column width
        ("", PLAIN, checks.NO_NAME),
        ("??????????", PLAIN, checks.BAD_NAME),
        ("1227 Amos Sang", PLAIN, checks.NUMBER_IN_NAME),
        ("Twardowski, Scott M24", PLAIN, checks.NUMBER_IN_NAME),
        ("Smith 10:32.1", PLAIN, checks.NUMBER_IN_NAME),
        ("Morten Haave(1986)", PLAIN, checks.NUMBER_IN_NAME),
        ("BARRIOS,", PLAIN, checks.CUT_NAME),
        ("Levine", FULL_NAMES, checks.CUT_NAME),  # "Levine  , Louis": split at a double space
        ("Levine", PLAIN, None),
        ("久保田和真", FULL_NAMES, None),  # a Japanese name needs no space
        ("Nikola", HALF_NAMES, checks.CUT_NAME),  # given names only: surnames read elsewhere
        ("Grant HOLLOWAY JR", CLASS_YEARS, checks.CLASS_IN_NAME),
        ("ANDREW DUBIEL JR", PLAIN, None),  # a suffix where names carry no class years
        ("Charlie Marquardt SR-4", CLASS_YEARS, checks.CLASS_IN_NAME),
    ],
)
def test_names_look_like_names(athlete: str, habits: checks.NameHabits, flag: str | None):
    assert checks.athlete_flag(athlete, "individual", habits) == flag


def test_relay_and_team_rows_need_no_athlete():
    assert checks.athlete_flag(None, "relay") is None
    assert checks.athlete_flag(None, "team_scores") is None


@pytest.mark.parametrize(
    ("athletes", "habits"),
    [
        (["A B SO", "C D JR", "E F"], CLASS_YEARS),
        (["A B SR-4"], CLASS_YEARS),
        (["A B JR", "C D SR", "E F"], PLAIN),  # Junior, Senior
        ([f"First Last{n}" for n in range(9)] + ["Mononym"], FULL_NAMES),
        ([f"First Last{n}" for n in range(8)] + ["Mononym", "Other"], PLAIN),
        (["First Last", "Other Name"], PLAIN),  # too few to tell
        ([f"Given{n}" for n in range(10)], HALF_NAMES),  # every name one word
        (["佐藤研人"] * 10, PLAIN),  # Japanese names need no space
    ],
)
def test_how_a_documents_names_run(athletes: list[str], habits: checks.NameHabits):
    assert checks.name_habits(athletes) == habits


@pytest.mark.parametrize(
    ("team", "flag"),
    [
        ("Great Britain", None),
        ("TSV 1860 München", None),  # a founding year inside a club's name
        ("NH Athletic Alliance", None),  # a state code, not a status
        ("Du Preez van Wyk 67.64", checks.NUMBER_IN_TEAM),
        ("(1986) IL Tyrving", checks.NUMBER_IN_TEAM),
        ("1227 Boston", checks.NUMBER_IN_TEAM),
        ("4", checks.NUMBER_IN_TEAM),
        ("?", None),  # a placeholder, not a number
    ],
)
def test_no_mark_or_bib_in_teams(team: str, flag: str | None):
    assert checks.team_flag(team) == flag


# -- the verdict ----------------------------------------------------------------------------

REPORT = """\
Event 3  Men 1500 Meter Run
   Name                 Year School            Finals
  1 Amos Sang            SR Central            3:45.10
  2 Ben Cole             JR Vista              3:46.22
  3 Carl Diaz            SO Regis              3:47.05
  4 Dan Eyre             FR Summit             3:48.91
 -- Eli Ford             SR Vista                  DNF
"""
LINES_OF_REPORT = REPORT.splitlines()


def _read(*lines: str, **row_fields) -> Row:
    """A row as a reader would give it, read from ``lines`` of REPORT."""
    raw = [LINES_OF_REPORT[i] for i in lines] if len(lines) > 1 else LINES_OF_REPORT[lines[0]]
    return Row(raw=raw, **row_fields)


def _doc(*rows: Row) -> ResultDoc:
    ev = new_event("Men 1500 Meter Run")
    ev.rows = list(rows)
    return ResultDoc(events=[ev], format="test")


def _good(i: int, place: int | None, mark: str, athlete: str) -> Row:
    row = _read(i, place=place, athlete=athlete, mark_raw=mark)
    if mark == "DNF":
        row.status = "DNF"
    else:
        minutes, seconds = mark.split(":")
        row.mark, row.unit = int(minutes) * 60 + float(seconds), "s"
    return row


def _all_rows() -> list[Row]:
    return [
        _good(2, 1, "3:45.10", "Amos Sang"),
        _good(3, 2, "3:46.22", "Ben Cole"),
        _good(4, 3, "3:47.05", "Carl Diaz"),
        _good(5, 4, "3:48.91", "Dan Eyre"),
        _good(6, None, "DNF", "Eli Ford"),
    ]


def test_every_result_line_read_is_parsed():
    result = audit(text_units(REPORT), _doc(*_all_rows()))
    assert (result.verdict, result.coverage, result.result_units, result.covered) == (
        PARSED,
        1.0,
        5,
        5,
    )
    assert (result.reasons, result.row_flags) == ([], {})


def test_result_lines_read_as_no_row_make_it_partial():
    rows = _all_rows()
    result = audit(text_units(REPORT), _doc(rows[0], rows[1], rows[4]))
    assert (result.verdict, result.coverage) == (PARTIAL, 0.6)
    assert result.reasons == ["coverage 0.60: 2 of 5 result lines gave no row"]
    assert result.missed == [LINES_OF_REPORT[4], LINES_OF_REPORT[5]]


def test_rows_failing_checks_are_flagged_and_make_it_partial():
    rows = _all_rows()
    rows[2].place = 1  # bib or misread place: out of sequence
    rows[3].athlete = "Dan Eyre FR 4"
    result = audit(text_units(REPORT), _doc(*rows))
    assert result.verdict == PARTIAL
    assert result.row_flags == {
        (0, 2): [checks.PLACE, checks.ORDER],  # sorted by place, its mark comes too early
        (0, 3): [checks.NUMBER_IN_NAME],
    }
    assert result.reasons == [
        "2 of 5 rows flagged: 1 place out of sequence, 1 mark out of order, "
        "1 mark or number in name"
    ]


def test_one_flagged_row_is_noted_but_the_document_is_parsed():
    rows = _all_rows()
    rows[1].mark, rows[1].mark_raw = None, "3:46:22"
    result = audit(text_units(REPORT), _doc(*rows))
    assert result.verdict == PARSED
    assert result.row_flags == {(0, 1): [checks.MARK_UNREAD]}
    assert result.reasons == ["1 of 5 rows flagged: 1 mark not read"]


def test_a_row_from_a_header_or_from_nowhere_is_flagged():
    rows = _all_rows()
    header = _read(1, athlete="Name Year", team="School", mark_raw="Finals")
    invented = Row(place=5, athlete="Fay Gold", mark=230.0, mark_raw="3:50.00", raw="5 Fay Gold")
    result = audit(text_units(REPORT), _doc(*rows, header, invented))
    assert result.row_flags[(0, 5)] == [checks.MARK_UNREAD, checks.BAD_NAME, NOT_RESULT]
    assert result.row_flags[(0, 6)] == [NOT_FOUND]
    assert result.verdict == PARTIAL


def test_no_rows_is_unparsed_with_the_reason():
    doc = ResultDoc(format="fallback", error="no results layout recognised")
    result = audit(text_units(REPORT), doc)
    assert result.verdict == UNPARSED
    assert result.reasons == ["no results layout recognised (5 lines look like results)"]


def test_a_unit_repeating_a_row_read_elsewhere_counts_as_read():
    """A team's scorers listed again under its score (cross-country team blocks)."""
    text = REPORT + "\nTeam Scores\n  1 Central  45\n     1   1 Amos Sang   SR  3:45.10\n"
    rows = _all_rows()
    team = Event(name="Team Scores", kind="team_scores")
    team.rows = [Row(place=1, team="Central", points=45.0, raw="  1 Central  45")]
    doc = _doc(*rows)
    doc.events.append(team)
    result = audit(text_units(text), doc)
    assert (result.result_units, result.covered, result.verdict) == (7, 7, PARSED)


def test_table_rows_match_their_raw_cells_whatever_the_spacing():
    """A reader may glue what the page shows in two blocks ('17:35New PB!') or keep hidden
    cells out: the row still comes from its unit."""
    units = [("1", "Will COOPER", "Olney AC", "alt 17:36", "17:35 New PB!")]
    row = Row(
        place=1,
        athlete="Will COOPER",
        team="Olney AC",
        mark=1055.0,
        mark_raw="17:35",
        raw=["1", "Will COOPER", "Olney AC", "17:35New PB!"],
    )
    result = audit(units, _doc(row))
    assert (result.coverage, result.row_flags) == (1.0, {})


def test_a_row_whose_raw_is_not_the_units_text_is_found_by_its_name_and_place():
    """A reader that keeps a row in its own shape ('LEE, Ann' for the sheet's two name cells)."""
    units = [
        ("Place", "First", "Last", "Club", "Time"),
        ("1", "Ann", "LEE", "Oxford AC", "40:09"),
        ("2", "Bea", "KING", "Thame", "40:30"),
        ("3", "Cai", "LEE", "Thame", "41:02"),
    ]
    rows = [
        Row(place=p, athlete=a, mark=m, mark_raw=r, raw=[str(p), a, r])
        for p, a, m, r in [
            (1, "LEE, Ann", 2409.0, "40:09"),
            (2, "KING, Bea", 2430.0, "40:30"),
            (3, "LEE, Cai", 2462.0, "41:02"),
        ]
    ]
    result = audit(units, _doc(*rows))
    assert (result.coverage, result.row_flags) == (1.0, {})
    rows[2].place = 4  # a place the document does not print: that row is found nowhere
    result = audit(units, _doc(*rows))
    assert result.row_flags[(0, 2)][-1] == NOT_FOUND
    assert result.coverage == 1.0  # its line did become a row: its name and mark are there


def test_a_json_object_raw_is_compared_by_its_values():
    from scraper.results.source import units_of

    finisher = {"place": 1, "athlete": {"first": "Ann", "last": "Lee"}, "time": "4:37.89"}
    data = json.dumps({"meeting": "Iffley Miles", "results": [{**finisher, "splits": [70.1]}]})
    row = Row(place=1, athlete="Ann Lee", mark=277.89, mark_raw="4:37.89", raw=json.dumps(finisher))
    doc = _doc(row)
    result = audit(units_of(data.encode(), doc), doc)
    assert (result.result_units, result.coverage, result.row_flags) == (1, 1.0, {})


LINES_OF_ANY_KIND = st.sampled_from(
    [
        *LINES_OF_REPORT,
        "1",
        "Marquardt, Charlie",
        "25:14.8",
        '{"place": 1, "name": "A B", "time": "4:05.2"}',
        "<result><rank>1</rank><name>A B</name></result>",
        "<tr><td>1</td><td>A B</td><td>10.01</td></tr>",
        "1,A B,Club,17:23",
        "\x00",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.binary(max_size=500).map(lambda b: b"PK\x03\x04" + b),
        st.text(max_size=800),
        st.lists(st.one_of(LINES_OF_ANY_KIND, st.text(max_size=30)), max_size=40).map("\n".join),
        st.lists(LINES_OF_ANY_KIND, max_size=20).map(lambda ls: "[" + ",".join(ls) + "]"),
    )
)
def test_any_document_gets_a_verdict(data: bytes | str):
    from scraper.errors import MeetarchiveError
    from scraper.results import parse_document
    from scraper.results.audit import audit_document

    try:
        doc = parse_document(data, None, "any")
    except MeetarchiveError as e:
        doc = ResultDoc(error=str(e))
    result = audit_document(data, doc)
    assert result.verdict in (PARSED, PARTIAL, UNPARSED)
    assert 0 <= result.covered <= result.result_units
    assert (result.verdict == UNPARSED) == (result.rows == 0)


def test_a_finishlynx_lif_counts_its_result_lines_not_its_event_line():
    lif = (
        b"12,1,2,100m Men Heat 2,+0.9,,,,\n"
        b"1,543,5,Heseltine,Fergus,Calder,10.530,,10.53,0.126,,13:42:01.118\n"
        b"2,850,3,Pickersgill,Monty,Wharfe,10.640,,10.64,0.157,,13:42:02.118\n"
        b"DNS,923,8,Kettlewell,Jasper,Tynedale,,,,\n"
    )
    result = audit_document(lif, parse_document(lif, None, "012-1-02.lif"))
    assert (result.verdict, result.result_units, result.covered) == (
        PARSED,
        3,
        3,
    )  # the DNS line is one
