"""A results document as the audit sees it (scraper.results.source, scraper.results.officesource):
its units, whatever reader reads it: one-cell-per-line text joined into records, sheet rows with
times as shown, Word paragraphs and innermost table rows, repeated XML elements, JSON objects."""

from __future__ import annotations

import json

from scraper.results.audit import audit_document
from scraper.results.document import parse_document
from scraper.results.model import ResultDoc
from scraper.results.resultlike import is_result
from scraper.results.source import text_units

TFRRS_COPY = """\
Place
Name
Year
Team
1
Marquardt, Charlie
SR-4
Haverford
5:04.7
25:14.8
1
2
Flank, Jaryd

Muhlenberg
5:06.5
25:23.7
2
3
Pitone, Ernie
JR-3
Widener
5:07.2
25:27.3
3

Team scores follow
"""


def test_one_cell_per_line_text_becomes_one_record_per_finisher():
    units = text_units(TFRRS_COPY)
    records = [u for u in units if isinstance(u, tuple)]
    assert records == [
        ("1", "Marquardt, Charlie", "SR-4", "Haverford", "5:04.7", "25:14.8", "1"),
        ("2", "Flank, Jaryd", "Muhlenberg", "5:06.5", "25:23.7", "2"),  # no year: a blank line
        ("3", "Pitone, Ernie", "JR-3", "Widener", "5:07.2", "25:27.3", "3"),
    ]  # the points column (a number before the next place) stays in its record
    assert all(is_result(r) for r in records)
    assert [u for u in units if isinstance(u, str)] == [
        "Place",
        "Name",
        "Year",
        "Team",
        "Team scores follow",
    ]


def test_numbers_far_apart_are_no_records():
    text = "\n".join(f"{n}\n" + "\n".join(f"line {n}.{k}" for k in range(50)) for n in (1, 2, 3))
    assert all(isinstance(u, str) for u in text_units(text))


def _zip(members: dict[str, str]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in members.items():
            z.writestr(name, text)
    return out.getvalue()


MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_a_sheets_rows_are_units_with_times_as_shown():
    from scraper.results.officesource import office_units

    data = _zip(
        {
            "xl/workbook.xml": f"<workbook {MAIN}/>",
            "xl/sharedStrings.xml": f"<sst {MAIN}><si><t>Name</t></si><si><t>Ann LEE</t></si>"
            "<si><r><t>Ox</t></r><r><t>ford</t></r></si></sst>",
            "xl/styles.xml": f"<styleSheet {MAIN}><numFmts>"
            '<numFmt numFmtId="164" formatCode="[h]:mm:ss"/></numFmts><cellXfs>'
            '<xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="21"/></cellXfs></styleSheet>',
            "xl/worksheets/sheet1.xml": f"<worksheet {MAIN}><sheetData>"
            '<row><c t="s"><v>0</v></c></row>'
            '<row><c><v>1</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c>'
            '<c s="1"><v>0.027881944444</v></c><c s="2"><v>1.6729166667</v></c>'
            '<c t="inlineStr"><is><t>PB</t></is></c></row></sheetData></worksheet>',
        }
    )
    assert office_units(data) == [
        ("Name",),
        ("1", "Ann LEE", "Oxford", "0:40:09", "40:09:00", "PB"),
    ]


def test_a_word_documents_paragraphs_and_innermost_table_rows_are_units():
    from scraper.results.officesource import office_units

    cell = "<w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    row = "<w:tr>" + "".join(cell.format(v) for v in ("1", "Menlopark", "46")) + "</w:tr>"
    inner = f"<w:tbl>{row}</w:tbl>"
    body = (
        "<w:p><w:r><w:t>Team Results</w:t><w:tab/><w:t>2012</w:t></w:r></w:p>"
        f"<w:tbl><w:tr><w:tc>{inner}</w:tc></w:tr></w:tbl>"
    )
    data = _zip({"word/document.xml": f"<w:document {WORD}><w:body>{body}</w:body></w:document>"})
    assert office_units(data) == ["Team Results\t2012", ("1", "Menlopark", "46")]


def test_repeated_xml_elements_and_json_objects_are_units():
    from scraper.results.source import units_of

    feed = (
        '<?xml version="1.0"?><results><infos><event_name>100m</event_name></infos>'
        '<result rank="1"><athlete>Ann Lee</athlete><mark>11.02</mark></result>'
        '<result rank="2"><athlete>Bea King</athlete><mark>11.10</mark></result></results>'
    )
    assert units_of(feed.encode(), ResultDoc()) == [
        ("1", "Ann Lee", "11.02"),
        ("2", "Bea King", "11.10"),
    ]
    export = {
        "meet": "Iffley",
        "events": [{"name": "Mile", "results": [{"pos": 1, "who": {"n": "A B"}}]}],
    }
    assert units_of(json.dumps(export), ResultDoc()) == [("Iffley",), ("Mile",), ("1", "A B")]


def test_commas_inside_fixed_width_lines_do_not_make_them_delimited():
    text = (
        "Pto  Atleta                          Año   Club               Marca\n"
        "1    GARCÍA DE LA VEGA, María José   2001  Valencia Esports   13,08\n"
        "2    FERNÁNDEZ-LÓPEZ, Lucía          2003  CA Alicante        13,22\n"
        "3    DOS SANTOS, Beatriz             2000  Sporting CP        13,40\n"
    )
    assert text_units(text) == text.splitlines()  # lines, not cells


def test_a_csv_sheets_lines_are_its_cells():
    text = "Place,Name,Club,Time\n1,Ann Lee,Ox AC,40:09\n2,Bea Cole,Ox AC,41:10\n"
    assert text_units(text)[1] == ("1", "Ann Lee", "Ox AC", "40:09")


def test_a_tab_separated_files_rows_are_its_cells():
    text = (
        "Gren\tKlass\tPlac\tNamn\tFörening\tResultat\tVind\n"
        "200m\tP17\t1\tFrans Strandberg\tSjöstads IF\t22,70\t+1,2\n"
        "200m\tP17\t2\tSigge Kvist\tHagaberg FI\t22,72\t+1,2\n"
        "200m\tP17\t\tFrans Kvist\tÄlvdalens AIK\tEj start\t\n"
    )
    doc = parse_document(text.encode(), None, "resultat.tsv")
    audit = audit_document(text.encode(), doc)
    assert (audit.verdict, audit.coverage, audit.rows) == ("parsed", 1.0, 3)
