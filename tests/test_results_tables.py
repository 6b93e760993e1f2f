"""HTML result tables of the kinds real sites publish, each a small page in the shape real ones
have: parkrun (two views in a cell, the name inside a link, hour-plus times, 'Unknown'
finishers), Excel- and Word-exported HTML (windows-1252, a misspelt header, one table split in
many, a place on its own row, team members), tablesorter tables (minutes.seconds times, a status
in the place cell), French categories, a Norwegian federation page (meet block, class headings,
birth years in the name), a Japanese page (heats spanning rows, places written 1位); and the
column and date readings they rest on, table-driven."""

from __future__ import annotations

import pytest

from scraper.results import parse_document, to_contract
from scraper.results.audit import audit_document
from scraper.results.meetinfo import day_of
from scraper.results.rowlines import legs, members_of
from scraper.results.tablecols import header_columns, plan
from scraper.results.tablesides import split_at
from scraper.results.tablewords import header_field, title_gender


def contract(page: str | bytes) -> dict:
    data = page.encode() if isinstance(page, str) else page
    return to_contract(parse_document(data))


def cells(doc: dict, *keys: str) -> list[tuple]:
    return [tuple(r[k] for k in keys) for e in doc["events"] for r in e["results"]]


def parkrun_row(pos: str, name: str, sex: str, cat: str, club: str, time: str, note: str) -> str:
    def views(compact: str, detailed: str) -> str:
        return f'<div class="compact">{compact}</div><div class="detailed">{detailed}</div>'

    if name == "Unknown":
        return f"<tr><td>{pos}</td><td>Unknown</td><td></td><td></td><td></td><td></td></tr>"
    link = f'<a href="/parkrunner/1">{name}</a>'
    return (
        f"<tr><td>{pos}</td><td>{views(link, f'{pos} parkruns | {sex} | {cat}')}</td>"
        f"<td>{views(sex, '1/99') if sex else ''}</td><td>{views(cat, '55.1% age grade')}</td>"
        f"<td>{club}</td><td>{views(time, note)}</td></tr>"
    )


PARKRUN = (
    "<html><head><title>results | Lake parkrun | Page 12</title></head><body>"
    '<div class="Results-header"><h1>Lake parkrun</h1><h3><span class="format-date">'
    "28/05/2022</span> | <span>#12</span></h3></div>"
    "<h3>How to Search</h3><p>Use the search box to find parkrunners by name, age category, "
    "club, gender or achievement, then sort the table by position or total parkruns.</p>"
    "<table><thead><tr><th>Position</th><th>parkrunner</th><th>Gender</th><th>Age Group</th>"
    "<th>Club</th><th>Time</th></tr></thead><tbody>"
    + parkrun_row("1", "Martyn MUNDAY", "Male", "VM35-39", "", "17:35", "New PB!")
    + parkrun_row("2", "Unknown", "", "", "", "", "")
    + parkrun_row("3", "Will COOPER", "Male", "SM25-29", "Olney Runners", "17:57", "PB 17:40")
    + parkrun_row("4", "Nic T", "", "", "", "28:39", "First Timer!")
    + parkrun_row("5", "Jo EVANS", "Female", "VW50-54", "Up and Running", "1:09:45", "PB 58:10")
    + "</tbody></table></body></html>"
)


def test_parkrun_page():
    doc = contract(PARKRUN)
    assert doc["meet"] == {"name": "Lake parkrun", "date": "2022-05-28", "venue": None}
    (ev,) = doc["events"]
    assert ev["event_name"] == "Results"  # the heading over the help text titles no table
    assert cells(doc, "place", "athlete", "team", "mark", "mark_normalized") == [
        (1, "Martyn MUNDAY", None, "17:35", 1055.0),
        (3, "Will COOPER", "Olney Runners", "17:57", 1077.0),
        (4, "Nic T", None, "28:39", 1719.0),  # a finisher without gender or category
        (5, "Jo EVANS", "Up and Running", "1:09:45", 4185.0),
    ]
    first = ev["results"][0]
    assert first["detail"]["sex"] == "Male"
    assert first["detail"]["category"] == "VM35-39"
    assert first["raw"][5] == "17:35 New PB!"  # every view, as the page shows the cell


EXCEL_HTML = """<html><head><title>Running Club - Summer Solstice</title></head><body>
<div class="headline"><h4>Summer Solstice Results 2013</h4></div>
<table class="table-striped"><tbody>
<tr><td class="xl66">Postion</td><td class="xl66">Time</td><td class="xl63">Name</td>
<td class="xl63">Club</td><td class="xl63">Cat</td><td class="xl63">Pace</td></tr>
<tr><td>1</td><td>0:33:52</td><td>BAILEY, Iain</td><td>Sleaford Town Runners</td><td>&nbsp;</td>
<td>05:26.9</td></tr>
<tr><td>2</td><td>0:35:13</td><td>SOUTHERN, Greg</td><td>Sleaford Town Runners</td><td>MV40</td>
<td>05:39.9</td></tr>
<tr><td>3</td><td>0:35:38</td><td>BÖHM, Renée</td><td></td><td>FV35</td><td>05:44.0</td></tr>
</tbody></table></body></html>"""


def test_excel_html_in_windows_1252_with_a_misspelt_header():
    doc = contract(EXCEL_HTML.encode("cp1252"))
    assert doc["meet"]["name"] == "Summer Solstice 2013"  # the report's heading, not the site's
    assert cells(doc, "place", "athlete", "team", "mark_normalized") == [
        (1, "BAILEY, Iain", "Sleaford Town Runners", 2032.0),
        (2, "SOUTHERN, Greg", "Sleaford Town Runners", 2113.0),
        (3, "BÖHM, Renée", None, 2138.0),
    ]
    second = doc["events"][0]["results"][1]
    assert (second["detail"]["category"], second["detail"]["pace"]) == ("MV40", "05:39.9")


def tablesorter(rows: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<tr><td>{p}</td><td>{t}</td><td>{500 + n}</td><td>Ann{n}</td><td>Lee</td><td>F</td>"
        f"<td>{club}</td></tr>"
        for n, (p, t, club) in enumerate(rows)
    )
    return (
        '<html><body><h2>Results</h2><h4>2013</h4><table class="tablesorter"><thead><tr>'
        "<th>Position</th><th>Time</th><th>Race No</th><th>First Name</th><th>Surname</th>"
        f"<th>Gender</th><th>Club</th></tr></thead><tbody>{body}</tbody></table></body></html>"
    )


def test_tablesorter_minutes_dot_seconds_and_status_in_the_place_cell():
    times = [f"{41 + n // 3}.{(17 * n) % 60:02d}" for n in range(13)]
    rows = [(str(n + 1), t, "Club") for n, t in enumerate(times)] + [("1000 dnf", "100", "X")]
    doc = contract(tablesorter(rows))
    got = doc["events"][0]["results"]
    assert (got[0]["mark"], got[0]["mark_normalized"]) == ("41.00", 2460.0)
    assert (got[1]["mark"], got[1]["mark_normalized"]) == ("41.17", 2477.0)  # 41 min 17 s
    assert (got[-1]["place"], got[-1]["status"], got[-1]["mark_normalized"]) == (None, "DNF", None)
    assert got[0]["athlete"] == "Ann0 Lee"
    assert got[0]["detail"]["bib"] == "500"


def test_hundredths_are_no_minutes_dot_seconds():
    """Twelve times with a fraction of 60 or more anywhere: seconds and hundredths."""
    times = [f"{10 + n // 10}.{(7 * n + 3) % 100:02d}" for n in range(13)]
    doc = contract(tablesorter([(str(n + 1), t, "Club") for n, t in enumerate(times)]))
    assert doc["events"][0]["results"][0]["mark_normalized"] == 10.03


@pytest.mark.parametrize(
    ("marks", "seconds"),
    [
        # one time of 12 seconds or more: the column is times, '34\'05\'\'' is 34:05
        (["32'14''", "34'05''", "36'11''", "38'12''"], [1934.0, 2045.0, 2171.0, 2292.0]),
        # inches only: feet and inches (metres), as a jump's column prints them
        (["6'08''", "6'06''", "6'04''"], [2.032, 1.9812, 1.9304]),
    ],
    ids=["minutes-seconds", "feet-inches"],
)
def test_prime_notation_is_read_by_its_column(marks: list[str], seconds: list[float]) -> None:
    rows = "".join(
        f"<tr><td>{n + 1}</td><td>Runner{n} Lee</td><td>Club</td><td>{m}</td></tr>"
        for n, m in enumerate(marks)
    )
    page = (
        "<html><body><h2>Cross long Hommes</h2><table><tr><th>Clt</th><th>Nom</th><th>Club</th>"
        f"<th>Temps</th></tr>{rows}</table></body></html>"
    )
    got = [r["mark_normalized"] for r in contract(page)["events"][0]["results"]]
    assert got == pytest.approx(seconds)


FRENCH = """<html><body><h1>Résultats UBBC 2023</h1><table><thead><tr>
<th>scratch UBBC</th><th>laps</th><th>time UBBC</th><th>race</th><th>time race</th><th>BIB</th>
<th>last name</th><th>first name</th><th>gender</th><th>category</th><th>rank race</th></tr>
</thead><tbody>
<tr><td>1</td><td>12</td><td>05:51:47</td><td>K2</td><td>04:51:37</td><td>3</td><td>duhail</td>
<td>nicolas</td><td>H</td><td>SEH</td><td>2</td></tr>
<tr><td>2</td><td>11</td><td>05:01:52</td><td>K2</td><td>04:33:08</td><td>103</td><td>sayag</td>
<td>alban</td><td>H</td><td>M1H</td><td>1</td></tr>
</tbody></table></body></html>"""


def test_french_loop_race_with_ffa_categories():
    doc = contract(FRENCH)
    assert doc["meet"]["name"] == "UBBC 2023"
    assert cells(doc, "place", "athlete", "team", "mark_normalized") == [
        (1, "nicolas duhail", None, 21107.0),
        (2, "alban sayag", None, 18112.0),
    ]
    detail = doc["events"][0]["results"][0]["detail"]
    assert {k: detail[k] for k in ("category", "sex", "laps", "race", "time race")} == {
        "category": "SEH",
        "sex": "H",
        "laps": "12",
        "race": "K2",
        "time race": "04:51:37",
    }


NORWEGIAN = """<html><body><h1>Stevneresultater i statistikken</h1>
<table><tr><td>STEVNE:</td><td>Seriestevne</td></tr><tr><td>DATO:</td><td>24.10.2010</td></tr>
<tr><td>STED:</td><td>Bjertneshallen</td></tr><tr><td>ARRANGØR:</td><td>Nittedal IL</td></tr>
</table>
<h2>Menn Senior</h2><h3>Høyde uten tilløp</h3>
<table><tr><td>PLASSERING</td><td>RESULTAT</td><td>NAVN</td><td>KLUBB</td></tr>
<tr><td>1</td><td>1,70</td><td>Morten Haave(1986)</td><td>IL Tyrving</td></tr></table>
<h2>Jenter 15</h2><h3>Lengde uten tilløp</h3>
<table><tr><td>PLASSERING</td><td>RESULTAT</td><td>NAVN</td><td>KLUBB</td></tr>
<tr><td>1</td><td>2,26</td><td>Camilla Rønning(1995)</td><td>Nittedal IL</td></tr>
<tr><td>2</td><td>2,25</td><td>Camilla Johnsen(1995)</td><td>Nittedal IL</td></tr></table>
</body></html>"""


def test_norwegian_federation_page():
    doc = contract(NORWEGIAN)
    assert doc["meet"] == {"name": "Seriestevne", "date": "2010-10-24", "venue": "Bjertneshallen"}
    assert [(e["event_name"], e["gender"]) for e in doc["events"]] == [
        ("Menn Senior Høyde uten tilløp", "M"),
        ("Jenter 15 Lengde uten tilløp", "F"),
    ]
    assert cells(doc, "place", "athlete", "year", "mark", "mark_normalized", "mark_unit") == [
        (1, "Morten Haave", "1986", "1,70", 1.7, "m"),
        (1, "Camilla Rønning", "1995", "2,26", 2.26, "m"),
        (2, "Camilla Johnsen", "1995", "2,25", 2.25, "m"),
    ]


JAPANESE = """<html><body><h2>競技結果Race result</h2><table><tr><td>
●2014年6月29日(日) 第65回定期戦大会<br>＜男子5000m：結果＞
<table><tr><td>組</td><td>氏名</td><td>学年</td><td>記録</td><td>順位</td><td>備考</td></tr>
<tr><td rowspan="2">1組</td><td>一色 恭志</td><td>2年</td><td>14:44.37</td><td>1位</td></tr>
<tr><td>山村 隼</td><td>3年</td><td>14:44.57</td><td>2位</td><td>SB!!</td></tr>
<tr><td rowspan="2">2組</td><td>池田 生成</td><td>2年</td><td>14:32.03</td><td>1位</td></tr>
<tr><td>内田 翼</td><td>2年</td><td>14:45.21</td><td>2位</td><td>PB!!</td></tr>
</table></td></tr></table></body></html>"""


def test_japanese_page_heats_spanning_rows():
    doc = contract(JAPANESE)
    assert doc["meet"] == {"name": "第65回定期戦大会", "date": "2014-06-29", "venue": None}
    assert [(e["event_name"], e["gender"], e["heat"]) for e in doc["events"]] == [
        ("男子5000m", "M", 1),
        ("男子5000m", "M", 2),
    ]
    assert cells(doc, "place", "athlete", "year", "mark_normalized") == [
        (1, "一色 恭志", "2年", 884.37),
        (2, "山村 隼", "3年", 884.57),
        (1, "池田 生成", "2年", 872.03),
        (2, "内田 翼", "2年", 885.21),
    ]
    assert doc["events"][0]["results"][1]["detail"]["flags"] == ["SB"]


def word_table(*rows: list[str]) -> str:
    return (
        "<table>"
        + "".join(
            "<tr>" + "".join(f"<td><p><span>{c}</span></p></td>" for c in r) + "</tr>" for r in rows
        )
        + "</table>"
    )


WORD_HTML = (
    '<html><head><meta charset="windows-1252"><title>Ergebnisliste</title></head><body>'
    + word_table(["Süddeutsche Meisterschaften im Straßengehen 2017"], ["am 17.06.2017 in Ort"])
    + word_table(["10 km Straßengehen Frauen", "Durchlaufwertung"])
    + word_table(["1.", "und Süddeutsche Meisterin 2017", ""])
    + word_table(
        ["", "/1. U20", "72", "Wax, Kathi", "1998", "SpVgg Nord", "57:46"],
        ["2.", "/1. W45", "81", "Holz, Maria", "1968", "TV Süd", "1:02:01"],
        ["3.", "/1. W35", "80", "Schmid, Sabine", "1980", "SpVgg Nord", "1:03:40"],
    )
    + word_table(["10 km Straßengehen Frauen", "Mannschaften weiblich"])
    + word_table(["1.", "", "SpVgg Nord", "", "3:07:42"])
    + word_table(
        ["", "72", "Wax, Kathi", "1998", "57:46", "."],
        ["", "80", "Schmid, Sabine", "1980", "1:03:40", "."],
    )
    + "</body></html>"
)


def test_word_html_split_tables_place_rows_and_team_members():
    doc = contract(WORD_HTML.encode("cp1252"))
    assert doc["meet"]["name"] == "Süddeutsche Meisterschaften im Straßengehen 2017"
    assert doc["meet"]["date"] == "2017-06-17"
    individual, teams = doc["events"]
    assert (individual["gender"], individual["kind"]) == ("F", "individual")
    assert cells({"events": [individual]}, "place", "athlete", "year", "team", "mark") == [
        (1, "Wax, Kathi", "1998", "SpVgg Nord", "57:46"),  # its place printed on the row above
        (2, "Holz, Maria", "1968", "TV Süd", "1:02:01"),
        (3, "Schmid, Sabine", "1980", "SpVgg Nord", "1:03:40"),
    ]
    assert individual["results"][0]["detail"]["note"] == "und Süddeutsche Meisterin 2017"
    assert teams["kind"] == "team_scores"
    (team,) = teams["results"]
    assert (team["place"], team["team"], team["mark_normalized"]) == (1, "SpVgg Nord", 11262.0)
    assert team["detail"]["members"] == ["Wax, Kathi", "Schmid, Sabine"]


HEADERLESS = """<table>
<tr><td>1</td><td>Amy Kern</td><td>SR</td><td>Rio Grande</td><td>18:01.2</td><td>552</td></tr>
<tr><td>2</td><td>Chloe Sales</td><td>JR</td><td>Indiana East</td><td>18:09.7</td><td>517</td></tr>
<tr><td>3</td><td>Beth Moss</td><td>FR</td><td>Midway</td><td>18:15.0</td><td>530</td></tr>
</table>"""


def test_columns_of_a_headerless_table_from_their_cells():
    doc = contract(HEADERLESS)
    assert cells(doc, "place", "athlete", "year", "team", "mark_normalized") == [
        (1, "Amy Kern", "SR", "Rio Grande", 1081.2),
        (2, "Chloe Sales", "JR", "Indiana East", 1089.7),
        (3, "Beth Moss", "FR", "Midway", 1095.0),
    ]
    assert doc["events"][0]["results"][0]["detail"]["bib"] == "552"  # not in place order


def test_a_relay_without_a_place_its_status_in_the_time_cell_and_its_runners_below():
    page = (
        "<html><body><h2>Boys 4x800m Relay - Finals</h2><table>"
        "<tr><th>Place</th><th>Team</th><th>Time</th><th>Points</th></tr>"
        "<tr><td>1</td><td>Ridgeview</td><td>8:01.22</td><td>10</td></tr>"
        "<tr><td></td><td colspan='3'>Caleb Yoder, Mason Pruitt, Ethan Stroud, Gavin Ek</td>"
        "</tr>"
        "<tr><td></td><td>Eastlake</td><td>DQ</td><td></td></tr>"
        "<tr><td></td><td colspan='3'>Tyler Haskins, Devin Ferreira, Wyatt Lind, Rowan Carr</td>"
        "</tr>"
        "</table></body></html>"
    )
    rows = contract(page)["events"][0]["results"]
    assert [(r["team"], r["status"], len(r["relay_members"])) for r in rows] == [
        ("Ridgeview", None, 4),
        ("Eastlake", "DQ", 4),
    ]


def test_a_count_under_the_name_in_its_cell_is_neither_name_nor_club():
    page = (
        "<html><body><h1>Riverside Meadows parkrun</h1><table><thead><tr><th>Position</th>"
        "<th>parkrunner</th><th>Club</th><th>Time</th></tr></thead><tbody>"
        "<tr><td>1</td><td><a href='/p/1'>Holly BRENNAN</a><div>10 parkruns</div></td>"
        "<td>Tonbridge AC</td><td>18:27</td></tr>"
        "<tr><td>2</td><td><a href='/p/2'>Callum ASHBY</a><div>67 parkruns</div></td>"
        "<td></td><td>18:38</td></tr></tbody></table></body></html>"
    )
    rows = contract(page)["events"][0]["results"]
    assert [(r["athlete"], r["team"]) for r in rows] == [
        ("Holly BRENNAN", "Tonbridge AC"),
        ("Callum ASHBY", None),
    ]


def test_a_gendered_event_title_over_the_table_is_not_the_meets_name():
    page = (
        "<html><head><title>Summer League R3</title></head><body>"
        "<h1>Harbourside Summer League Round 3</h1><p>Saturday 18 January 2025</p>"
        "<h2>Open Men 400m</h2><table><tr><th>Pos</th><th>Name</th><th>Club</th><th>Mark</th></tr>"
        "<tr><td>1</td><td>Jack Tran</td><td>Sydney West</td><td>48.91</td></tr>"
        "<tr><td>2</td><td>Riley Nguyen</td><td>Harbourside AC</td><td>49.60</td></tr>"
        "</table></body></html>"
    )
    doc = contract(page)
    assert doc["meet"]["name"] == "Harbourside Summer League Round 3"
    assert doc["events"][0]["event_name"] == "Open Men 400m"


@pytest.mark.parametrize(
    ("title", "head", "section", "meet", "event"),
    [
        # a race's title names no meet, whatever meet word it holds ('8 km')
        (
            "SM i terräng 2024 - Resultat",
            "<h1>SM i terräng 2024</h1>",
            "<h2>K 8 km</h2>",
            "SM i terräng 2024",
            "K 8 km",
        ),
        # a division's gendered title comes after the league's heading over it
        (
            "Winter XC League Standings",
            "<h1>Tasmania Winter Cross Country League 2024</h1>",
            "<h3>Open Women Division 1</h3>",
            "Tasmania Winter Cross Country League 2024",
            "Open Women Division 1",
        ),
        # a page title naming the race and the meet: the meet's part
        (
            "Men 200 Meters Prelims - 2024 Gulf Coast Conference Championships",
            "",
            "<h2>Men 200 Meters</h2>",
            "2024 Gulf Coast Conference Championships",
            "Men 200 Meters",
        ),
    ],
)
def test_the_meets_name_is_no_races_title(title, head, section, meet, event) -> None:
    page = (
        f"<html><head><title>{title}</title></head><body>{head}<p>20 April 2024</p>{section}"
        + _table(
            ["Plac", "Namn", "Född", "Förening", "Tid"],
            [
                ["1", "Hedda Almqvist", "1997", "Hälle IF", "27:41"],
                ["2", "Stina Berglund", "2001", "Falu IK", "27:58"],
            ],
        )
        + "</body></html>"
    )
    doc = contract(page)
    assert doc["meet"]["name"] == meet
    assert doc["events"][0]["event_name"] == event


def test_of_gun_and_chip_times_the_result_is_the_one_the_places_follow():
    csv = (
        "Place,Bib,First Name,Last Name,Age,City,Chip Time,Clock Time\n"
        "1,380,Isaiah,Mwangi,32,Springfield,20:01,20:12\n"
        "2,1278,Marcus,Yoder,32,Spokane,20:34,21:02\n"
        "3,1263,Brody,McAllister,69,Lake Oswego,20:47,20:54\n"
        "4,1436,Wyatt,Dunleavy,20,Eugene,21:19,21:12\n"
    )
    doc = to_contract(parse_document(csv.encode(), None, "race.csv"))
    assert [r["mark"] for r in doc["events"][0]["results"]] == ["20:01", "20:34", "20:47", "21:19"]


def test_the_place_in_the_age_group_is_the_place_when_no_other_is_printed():
    page = (
        "<html><body><h2>Shot Put Women (age groups)</h2><table>"
        "<tr><th>Pl in AG</th><th>Name</th><th>AG</th><th>Club</th><th>Distance</th></tr>"
        "<tr><td>1</td><td>Niamh Hollis</td><td>W40</td><td>Westbury H</td><td>10.50</td></tr>"
        "<tr><td>2</td><td>Grace Gallagher</td><td>W40</td><td>Norwich AC</td><td>10.11</td></tr>"
        "<tr><td>1</td><td>Roisin Ridley</td><td>W50</td><td>Norwich AC</td><td>10.11</td></tr>"
        "</table></body></html>"
    )
    rows = contract(page)["events"][0]["results"]
    assert [(r["place"], r["athlete"]) for r in rows] == [
        (1, "Niamh Hollis"),
        (2, "Grace Gallagher"),
        (1, "Roisin Ridley"),
    ]


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Pos", "place"),
        ("Platz", "place"),
        ("PLASSERING", "place"),
        ("順位", "place"),
        ("scratch UBBC", "place"),
        ("placeInRace", "place"),
        ("Nachname", "last"),
        ("last_name", "last"),
        ("prénom", "first"),
        ("Verein", "team"),
        ("KLUBB", "team"),
        ("Jg.", "year"),
        ("Fødselsår", "year"),
        ("学年", "year"),
        ("Race No.", "bib"),
        ("StNr.", "bib"),
        ("Gun Time", "mark"),
        ("Chip Time", "chip"),
        ("Résultat", "mark"),
        ("記録", "mark"),
        ("Age Group", "category"),
        ("AK", "category"),
        ("Geschlecht", "sex"),
        ("備考", "note"),
        ("Punti", "points"),
        ("Puntos", "points"),
        ("Poäng", "points"),
        ("Societa", "team"),
        ("Rok", "year"),
        ("Příjmení", "last"),  # Czech, Slovak, Polish, Hungarian, Croatian name halves
        ("Jméno", "athlete"),
        ("Priezvisko", "last"),
        ("Imię", "first"),
        ("Vezetéknév", "last"),
        ("Prezime", "last"),
        ("Col.", "place"),  # Portuguese
        ("Entidade", "team"),
        ("Class.", "place"),  # Portuguese 'classificação'; English 'Class' is a year
        ("Class", "year"),
        ("Any", "year"),  # Catalan
        ("Dors.", "bib"),
        ("Køn", "sex"),  # Danish
        ("Sıra", "place"),  # Turkish
        ("Adı Soyadı", "athlete"),
        ("D.Yılı", "year"),
        ("Kulübü", "team"),
        ("Derece", "mark"),
        ("Σύλλογος", "team"),  # Greek, its final sigma casefolded
        ("Total Points", "points"),
        ("Universidad", "team"),  # a university championship's team column
        ("Perf./Prest.", "mark"),  # a Belgian header in French and Dutch
        ("Nom/Naam", "athlete"),
        ("Time/Pace", None),  # two fields: none
        ("University", "team"),
        ("Team Points", "points"),
        ("ΣΥΛΛΟΓΟΣ", "team"),
        ("Επίδοση", "mark"),
        ("Data Nasc.", "year"),  # a birth date: its year
        ("Date of Birth", "year"),
        ("Geburtsdatum", "year"),
        ("F.Nac.", "year"),
        ("Leg 3", "leg"),
        ("Pl in AG", "divtot"),  # the place in the age group
        ("City, State", "city"),  # a hometown, no team
        ("Province", "country"),  # the team where no club is printed
        ("Postion", None),
        ("Menn senior", None),
        ("Нагр.", "bib"),  # Russian: нагрудный номер, the chest number
        ("Ст. номер", "bib"),
    ],
)
def test_header_words_in_several_languages(header, field):
    assert header_field(header) == field


def test_a_data_row_is_no_header():
    assert header_columns(["1", "Runner A", "Club", "2:01:07"]) is None
    assert header_columns(["Place", "Name", "Club", "Time"]) is not None


@pytest.mark.parametrize(
    ("values", "field"),
    [
        (["1", "2", "3", "4"], "place"),
        (["1.", "2.", "3.", "4."], "place"),
        (["655", "608", "782", "643"], "bib"),
        (["1998", "1968", "1980", "1987"], "year"),
        (["M", "F", "F", "M"], "sex"),
        (["MV40", "SEH", "VW50-54", "U20"], "category"),
        (["17:35", "17:57", "18:01", "DNF"], "mark"),
        (["DNF", "DNS", "DQ", "DNF"], "mark"),  # a table of the runners who did not finish
        (["+1.2", "-0.4", "+0.0", "+2.1"], "wind"),
    ],
)
def test_a_column_by_its_cells(values, field):
    rows = [[v, f"Ann {n}"] for n, v in enumerate(values)]
    assert plan(None, rows, None)[0].field == field


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("24.10.2010", "2010-10-24"),
        ("am 17.06.2017 in Breitenbrunn", "2017-06-17"),
        ("28/05/2022 | #241", "2022-05-28"),
        ("06/07/2013", "2013-07-06"),
        ("12/25/20", "2020-12-25"),
        ("4/6/24", "2024-04-06"),
        ("2014年6月29日(日)", "2014-06-29"),
        ("2024-08-04T21:55:00+02:00", "2024-08-04"),
        ("Sep 26, 2025", "2025-09-26"),
        ("Wellington — 7 March 2025 Place Athlete DOB 03/02/2003", "2025-03-07"),  # the first
        ("31.02.2020", None),
        ("04/05/2025", "2025-05-04"),
        ("#241", None),
        ("Kraków, 24-25.05.2025", "2025-05-24"),  # a range: its first day
        ("Budapest, 2024. május 18.", "2024-05-18"),  # Hungarian: year, month, day
    ],
)
def test_dates_as_printed(text, day):
    assert day_of(text)[1] == day


@pytest.mark.parametrize(
    ("title", "gender"),
    [
        ("Jenter 15", "F"),
        ("Menn Senior", "M"),
        ("Männer", "M"),
        ("10 km Frauen", "F"),
        ("男子5000m", "M"),
        ("女子1500m", "F"),
        ("Dames", "F"),
        ("Medium Primary Schools", None),
    ],
)
def test_section_titles_carry_the_gender(title, gender):
    assert title_gender(title) == gender


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><tr>{head}</tr>{body}</table>"


def test_a_surname_column_beside_a_given_name_column_gives_the_whole_name() -> None:
    # French timers print 'Nom' (the surname) and 'Prénom' apart; German clubs 'Name', 'Vorname'
    page = (
        "<html><head><title>Résultats</title></head><body>"
        "<h1>Foulées de la Ville 10 km - 12/05/2024</h1>"
        + _table(
            ["Clt", "Dossard", "Nom", "Prénom", "Club", "Cat.", "Temps"],
            [
                ["1", "245", "DUPONT", "Pierre", "AC Ville", "SEM", "00:32:15"],
                ["2", "12", "MARTIN", "Julie", "", "SEF", "00:33:40"],
            ],
        )
        + _table(
            ["Platz", "Name", "Vorname", "Verein", "Zeit"],
            [["1", "Berger", "Tim", "LG Nord", "00:35:10"]],
        )
        + "</body></html>"
    )
    doc = contract(page)
    assert cells(doc, "place", "athlete", "team") == [
        (1, "Pierre DUPONT", "AC Ville"),
        (2, "Julie MARTIN", None),
        (1, "Tim Berger", "LG Nord"),
    ]
    # the heading less its date names the meet, not the title's boilerplate word
    assert doc["meet"]["name"] == "Foulées de la Ville 10 km"


def test_a_heading_naming_its_round_titles_its_table_under_a_compound_meet_name() -> None:
    page = (
        "<html><head><title>Ergebnisse - LG Nord</title></head><body>"
        "<h1>Kreis-Hallenmeisterschaften 2026</h1><p>Musterstadt, 24.01.2026</p>"
        "<h2>60 m Männer - Finale</h2>"
        + _table(
            ["Platz", "Name", "Jg.", "Verein", "Zeit"],
            [["1.", "Berger, Tim", "2001", "LG Nord", "6,94"]],
        )
        + "<h2>Weitsprung Frauen</h2>"
        + _table(
            ["Platz", "Name", "Jg.", "Verein", "Weite"],
            [["1.", "Maier, Lea", "2000", "TV Süd", "5,84"]],
        )
        + "</body></html>"
    )
    doc = contract(page)
    assert doc["meet"]["name"] == "Kreis-Hallenmeisterschaften 2026"
    assert [(e["event_name"], e["gender"], e["round"]) for e in doc["events"]] == [
        ("60 m Männer - Finale", "M", "Finals"),
        ("Weitsprung Frauen", "F", "Finals"),
    ]


def test_the_heading_the_title_repeats_names_the_race_not_the_site() -> None:
    pre = (
        "<pre>Place Name                 City        Time\n"
        "    1 COLMAN HATTON        BOSTON MA   52:16.2\n"
        "    2 JONATHAN BAKER       CAMBRIDGE   52:32.4\n</pre>"
    )
    page = (
        "<html><head><title>Running Site | Black Cat 10M &amp; 20M Race Results</title></head>"
        "<body><h1>Black Cat 10M &amp; 20M</h1><h2>Salem, MA, March 2, 2013</h2>"
        f"<h3>10 Mile Overall</h3>{pre}</body></html>"
    )
    doc = contract(page)
    assert doc["meet"]["name"] == "Black Cat 10M & 20M"
    assert doc["meet"]["date"] == "2013-03-02"


@pytest.mark.parametrize(
    ("report", "day"),
    [
        ("Event 1  Boys 1600 Meter Run\n  1 Carter, Evan   11 Lakeside   4:31.22", "2025-04-05"),
        ("Ergebnisse 1600 m Männer\n  1 Carter, Evan   2008 LG Nord   4:31,22", "2025-05-04"),
    ],
)
def test_a_slashed_date_over_a_pre_block_is_read_as_the_reports_own_dates_are(report, day):
    rows = "\n".join(f"  {i} Runner{i}, Ann   11 Lakeside   4:3{i}.22" for i in range(2, 5))
    page = (
        "<html><body><h2>Lakeside Invitational</h2><p>Saturday, 04/05/2025</p>"
        f"<pre>{report}\n{rows}\n</pre></body></html>"
    )
    assert contract(page)["meet"]["date"] == day


@pytest.mark.parametrize(("place", "mark"), [("DNS", ""), ("", "DNS"), ("", "aufg."), ("DNF", "-")])
def test_a_status_in_the_place_or_mark_cell_is_a_row(place: str, mark: str) -> None:
    page = (
        "<html><body><h2>800 m Männer</h2>"
        + _table(
            ["Platz", "Name", "Jg.", "Verein", "Zeit"],
            [
                ["1.", "Berger, Tim", "2001", "LG Nord", "1:54,20"],
                [place, "Lang, Max", "2002", "TV Süd", mark],
            ],
        )
        + "</body></html>"
    )
    doc = contract(page)
    assert cells(doc, "place", "athlete", "status")[-1][:2] == (None, "Lang, Max")
    assert cells(doc, "status")[-1][0] in ("DNS", "DNF")


@pytest.mark.parametrize(
    ("meet", "headings", "expected"),
    [
        (
            "Campionati Regionali Assoluti 2025",
            ["100 metri Uomini - Finale", "Salto in lungo Donne"],
            [("100 metri Uomini - Finale", "M"), ("Salto in lungo Donne", "F")],
        ),
        (
            "Campeonato Autonómico 2025",
            ["400 metros Hombres", "Lanzamiento de disco Mujeres"],
            [("400 metros Hombres", "M"), ("Lanzamiento de disco Mujeres", "F")],
        ),
        (
            "Championnats régionaux 2025",
            ["5000 mètres Hommes", "Saut en longueur Femmes"],
            [("5000 mètres Hommes", "M"), ("Saut en longueur Femmes", "F")],
        ),
    ],
)
def test_event_headings_in_other_languages_name_their_tables(meet, headings, expected) -> None:
    tables = "".join(
        f"<h3>{h}</h3>"
        + _table(
            ["Pos", "Atleta", "Anno", "Società", "Prestazione"],
            [["1", "Rossi Marco", "2000", "Milano", "10.41"]],
        )
        for h in headings
    )
    doc = contract(f"<html><body><h2>{meet}</h2>{tables}</body></html>")
    assert doc["meet"]["name"] == meet
    assert [(e["event_name"], e["gender"]) for e in doc["events"]] == expected


def test_a_meet_date_printed_right_after_the_heading_without_a_space_between_blocks() -> None:
    # the page's text nodes run together ('...ChampionshipsMay 10-12, 2024'): the date is read
    page = (
        "<html><head><title>Results | Big Conference Outdoor Championships</title></head><body>"
        "<h3>Big Conference Outdoor Championships</h3><div>May 10-12, 2024 | Stadium</div>"
        "<h3>Men's 1500 Meters - Final</h3>"
        + _table(
            ["PL", "NAME", "YEAR", "TEAM", "TIME"],
            [
                ["1", "<a href='/a/1'>Smith, John</a>", "SR-4", "Oregon", "3:41.22"],
                ["", "<a href='/a/4'>Kane, Tom</a>", "FR-1", "Oregon", "DNF"],
            ],
        )
        + "</body></html>"
    )
    doc = contract(page)
    assert doc["meet"]["date"] == "2024-05-10"
    assert cells(doc, "place", "athlete", "year", "status") == [
        (1, "Smith, John", "SR-4", None),
        (None, "Kane, Tom", "FR-1", "DNF"),
    ]


def test_a_line_break_in_a_cell_parts_words_and_a_club_in_brackets_is_the_team() -> None:
    page = (
        "<html><body><h2>400m Frauen</h2>"
        + _table(
            ["Platz", "Name", "Jg.", "Zeit"],
            [
                ["1.", "Anna Berger (LG Nord)", "2001", "54,12"],
                ["2.", "Lisa Klein (TV Süd)", "1999", "55,02"],
                ["3.", "Eva Roth (W35)", "1988", "56,00"],
            ],
        )
        + "<h2>800m Frauen</h2>"
        + _table(
            ["Platz", "Name / Verein", "Jg.", "Zeit"],
            [
                ["1.", "Anna Berger<br>LG Nord", "2001", "2:05,10"],
                ["2.", "Ida Roth<br/>TV Süd", "2000", "2:07,00"],
            ],
        )
        + "</body></html>"
    )
    doc = contract(page)
    four, eight = doc["events"]
    assert [(r["athlete"], r["team"]) for r in four["results"]] == [
        ("Anna Berger", "LG Nord"),
        ("Lisa Klein", "TV Süd"),
        ("Eva Roth", None),
    ]
    assert four["results"][2]["detail"]["category"] == "W35"
    assert [(r["athlete"], r["team"]) for r in eight["results"]] == [
        ("Anna Berger", "LG Nord"),  # 'Name / Verein': the club on the name's second line
        ("Ida Roth", "TV Süd"),
    ]


def test_a_relay_teams_runners_in_a_row_under_it_are_its_members() -> None:
    page = (
        "<html><body><h2>Boys 4x400m Relay</h2>"
        + _table(
            ["Place", "Team", "Time"],
            [
                ["1", "Central HS", "3:25.12"],
                ["", "Smith, Andy; Doe, Bob; Roe, Carl; Poe, Dan", ""],
                ["2", "North HS", "3:27.40"],
                ["", "Ed Lee, Fred Kim, Gus Park, Hal Choi", ""],
            ],
        )
        + "</body></html>"
    )
    (relay,) = contract(page)["events"]
    assert relay["kind"] == "relay"
    assert [
        (r["place"], r["team"], [m["athlete"] for m in r["relay_members"]])
        for r in relay["results"]
    ] == [
        (1, "Central HS", ["Smith, Andy", "Doe, Bob", "Roe, Carl", "Poe, Dan"]),
        (2, "North HS", ["Ed Lee", "Fred Kim", "Gus Park", "Hal Choi"]),
    ]


def test_a_relay_teams_runners_in_brackets_in_its_cell_are_its_members() -> None:
    page = (
        "<html><body><h4>Open Women 4x100m Relay</h4>"
        + _table(
            ["Place", "Team", "Performance", "Points"],
            [
                [
                    "1",
                    "Box Hill A (Ngaio Te Awa, Indi Murphy, Mere Ngata, Jorja Kelly)",
                    "47.02",
                    "8",
                ],
                [
                    "2",
                    "Knox A (Leilani Whitmore, Tayla Parata, Mere Donaldson, G. Murphy)",
                    "47.55",
                    "6",
                ],
                ["3", "Ringwood (B)", "48.10", "4"],  # a team's letter in brackets: no runners
            ],
        )
        + "</body></html>"
    )
    (relay,) = contract(page)["events"]
    assert [(r["team"], [m["athlete"] for m in r["relay_members"]]) for r in relay["results"]] == [
        ("Box Hill A", ["Ngaio Te Awa", "Indi Murphy", "Mere Ngata", "Jorja Kelly"]),
        ("Knox A", ["Leilani Whitmore", "Tayla Parata", "Mere Donaldson", "G. Murphy"]),
        ("Ringwood", []),
    ]


def test_a_relay_row_per_leg_is_one_result_with_its_runners() -> None:
    spanned = (  # place, school and time span the four legs' rows
        "<table><tr><th>Place</th><th>School</th><th>Leg</th><th>Runner</th><th>Gr</th>"
        "<th>Time</th></tr>"
        '<tr><td rowspan="4">1</td><td rowspan="4">Lincoln</td><td>1</td><td>Jada Cole</td>'
        '<td>10</td><td rowspan="4">47.08</td></tr>'
        "<tr><td>2</td><td>Bea Long</td><td>10</td></tr>"
        "<tr><td>3</td><td>Paige Fair</td><td>12</td></tr>"
        "<tr><td>4</td><td>Tess Osei</td><td>12</td></tr></table>"
    )
    repeated = _table(  # an export printing the team's place and time on every leg's row
        ["Place", "Team", "Runner", "Time"],
        [["2", "Sheldon", "Ann Moss", "48.30"], ["2", "Sheldon", "Bea Cole", "48.30"]],
    )
    one_cell = _table(
        ["Pl", "Team", "Relay", "Athletes", "Mark"],
        [["1", "Oregon", "A", "Maya Vance, Sadie Achebe, Greta Mensah, Jada McAllister", "46.12"]],
    )
    columns = _table(
        ["Place", "Team", "Time", "Leg 1", "Leg 2", "Leg 3", "Leg 4"],
        [["3", "Ole Miss", "49.12", "Kim Ray", "Ada Obi", "Eve Tan", "Ivy Poe"]],
    )
    tables = (spanned, repeated, one_cell, columns)
    page = "".join(f"<h2>Girls 4x100m Relay</h2>{t}" for t in tables)
    events = contract(f"<html><body>{page}</body></html>")["events"]
    assert [
        (r["place"], r["team"], r["year"], [m["athlete"] for m in r["relay_members"]])
        for e in events
        for r in e["results"]
    ] == [
        (1, "Lincoln", None, ["Jada Cole", "Bea Long", "Paige Fair", "Tess Osei"]),
        (2, "Sheldon", None, ["Ann Moss", "Bea Cole"]),
        (1, "Oregon", None, ["Maya Vance", "Sadie Achebe", "Greta Mensah", "Jada McAllister"]),
        (3, "Ole Miss", None, ["Kim Ray", "Ada Obi", "Eve Tan", "Ivy Poe"]),
    ]


def test_a_team_tables_score_is_its_result_beside_a_total_time_and_event_columns() -> None:
    xc = _table(
        ["PL", "Team", "Score", "1", "2", "3", "4", "5", "Total Time", "Avg. Time"],
        [["1", "Iowa State", "44", "2", "5", "9", "12", "16", "1:58:48.6", "23:45.7"]],
    )
    events = ["100", "200", "400", "800", "1600", "3200", "110H", "300H"]
    track = _table(
        ["Place", "School", *events, "Total"],
        [["1", "Lincoln", "10", "8", "", "4.5", "6", "2", "1", "3", "34.5"]],
    )
    page = f"<h2>Men's 8k Team Results</h2>{xc}<h2>Boys Team Scores by Event</h2>{track}"
    events_read = contract(f"<html><body>{page}</body></html>")["events"]
    assert [
        (e["kind"], r["team"], r["mark_normalized"]) for e in events_read for r in e["results"]
    ] == [
        ("team_scores", "Iowa State", 44.0),
        ("team_scores", "Lincoln", 34.5),
    ]


def test_a_column_of_gender_words_whose_rankings_start_again_parts_the_sections() -> None:
    table = _table(
        ["Division", "Rank", "Club", "Points"],
        [
            ["Girls", "1", "Harbor Striders", "287"],
            ["Girls", "2", "Summit Speed", "216"],
            ["Boys", "1", "Valley Flyers", "301"],
        ],
    )
    doc = contract(f"<html><body><h3>Team Standings</h3>{table}</body></html>")
    assert [(e["kind"], e["gender"], [r["team"] for r in e["results"]]) for e in doc["events"]] == [
        ("team_scores", "F", ["Harbor Striders", "Summit Speed"]),
        ("team_scores", "M", ["Valley Flyers"]),
    ]


def test_attempt_columns_numbered_as_ordinals_are_a_header() -> None:
    table = _table(
        ["Pos.", "Atleta", "Año", "Club", "1º", "2º", "3º", "Marca"],
        [["1", "Sergio Martínez", "1999", "Alcobendas", "16,70", "17,30", "X", "17,30"]],
    )
    doc = contract(f"<html><body><h3>Triple Salto Hombres</h3>{table}</body></html>")
    assert cells(doc, "place", "athlete", "mark_normalized") == [(1, "Sergio Martínez", 17.3)]


def test_tied_places_printed_t_dash() -> None:
    table = _table(["Pl.", "Team", "Pts."], [["1", "UNLV", "136"], ["T-2", "Wyoming", "80.5"]])
    doc = contract(f"<html><body><h3>Men's Team Standings</h3>{table}</body></html>")
    assert cells(doc, "place", "team") == [(1, "UNLV"), (2, "Wyoming")]


@pytest.mark.parametrize(
    ("cell", "members"),
    [
        ("Smith, Andy; Doe, Bob", ["Smith, Andy", "Doe, Bob"]),
        ("A. Smith / B. Doe / C. Roe / D. Poe", ["A. Smith", "B. Doe", "C. Roe", "D. Poe"]),
        ("Andy Smith, Bob Doe, Carl Roe", ["Andy Smith", "Bob Doe", "Carl Roe"]),
        ("Smith, Andy, Doe, Bob", None),
        ("(Adams - Brown - Clarke - Dunn)", ["Adams", "Brown", "Clarke", "Dunn"]),
        ("(井口 翼 - 小川 颯 - 西 大和 - 桑原 悠)", ["井口 翼", "小川 颯", "西 大和", "桑原 悠"]),
        ("Girls 4x100m Relay", None),
        ("Longueur - Finale - Hommes", None),  # a title's parts
        (  # a label before them
            "Members: Zara Barnes, Grace Pritchard, Imogen Lindley",
            ["Zara Barnes", "Grace Pritchard", "Imogen Lindley"],
        ),
    ],
)
def test_relay_member_cells(cell, members) -> None:
    assert members_of(cell) == members


def test_a_country_shown_only_as_a_flag_is_read_from_its_alt_text() -> None:
    page = (
        "<html><body><h2>Women 1500m Final</h2>"
        + _table(
            ["Rk", "Athlete", "Country", "Mark"],
            [
                ["1", "KIPYEGON Faith", '<img alt="KEN" src="ken.png">', "3:49.04"],
                ["2", "TSEGAY Gudaf", '<img alt="ETH" src="eth.png"> ETH', "3:50.30"],
            ],
        )
        + "</body></html>"
    )
    assert cells(contract(page), "athlete", "team") == [
        ("KIPYEGON Faith", "KEN"),
        ("TSEGAY Gudaf", "ETH"),
    ]


def test_a_medal_shown_only_as_an_image_in_the_rank_cell_is_read_from_its_alt_text() -> None:
    medal = '<img alt="{} place, {} medalist(s)" src="medal.png" width="16">'
    page = (
        "<html><body><h2>Women 100m Final</h2>"
        + _table(
            ["Rank", "Lane", "Name", "Nationality", "Time"],
            [
                [medal.format("1st", "gold"), "3", "Davina Tremayne", "Bahamas", "11.08"],
                [medal.format("2nd", "silver"), "8", "Liesl Birtwhistle", "Barbados", "11.09"],
                [medal.format("3rd", "bronze"), "7", "Kerensa Underhill", "Jamaica", "11.21"],
                ["4", "2", "Kestrel Lindqvist", "Ghana", "11.27"],
                ["", "6", "Ailsa Elsworth", "Kenya", "DNS"],
            ],
        )
        + "</body></html>"
    )
    assert cells(contract(page), "place", "athlete") == [
        (1, "Davina Tremayne"),
        (2, "Liesl Birtwhistle"),
        (3, "Kerensa Underhill"),
        (4, "Kestrel Lindqvist"),
        (None, "Ailsa Elsworth"),
    ]


def test_results_listed_as_html_lists_club_in_brackets_and_ol_numbers_as_places() -> None:
    page = (
        "<html><body><h1>Club Championships 2024</h1><h2>Men 100m</h2><ul>"
        "<li>1. Max Muster (LG Nord) 10,45</li><li>2. Tom Klein (TV Süd) 10,61</li></ul>"
        "<h2>Women 100m</h2><ol><li>Anna Berger (LG Nord) 11,85</li>"
        "<li>Lisa Klein (TV Süd) 12,02</li></ol></body></html>"
    )
    doc = contract(page)
    assert [(e["event_name"], e["gender"]) for e in doc["events"]] == [
        ("Men 100m", "M"),
        ("Women 100m", "F"),
    ]
    assert cells(doc, "place", "athlete", "team", "mark_normalized") == [
        (1, "Max Muster", "LG Nord", 10.45),
        (2, "Tom Klein", "TV Süd", 10.61),
        (1, "Anna Berger", "LG Nord", 11.85),
        (2, "Lisa Klein", "TV Süd", 12.02),
    ]


def test_a_table_of_many_events_is_parted_by_its_event_column():
    # a league match's one table: an 'Event' column names each row's event (a blank cell: the
    # event above), field events listed by their abbreviations
    page = (
        "<html><body><h2>League Match 2</h2><table>"
        "<tr><th>Event</th><th>Pos</th><th>Athlete</th><th>Club</th><th>Perf</th></tr>"
        "<tr><td>100m SM</td><td>1</td><td>Adam Cole</td><td>Bristol AC</td><td>10.61</td></tr>"
        "<tr><td></td><td>2</td><td>Ben Dale</td><td>Bath AC</td><td>10.75</td></tr>"
        "<tr><td>LJ SW</td><td>1</td><td>Eva Gale</td><td>Bath AC</td><td>5.40</td></tr>"
        "<tr><td>LJ SW</td><td>2</td><td>Fay Holt</td><td>Bristol AC</td><td>5.11</td></tr>"
        "</table></body></html>"
    )
    doc = contract(page)
    assert [
        (e["event_name"], r["place"], r["athlete"], r["team"], r["mark_normalized"], r["mark_unit"])
        for e in doc["events"]
        for r in e["results"]
    ] == [
        ("100m SM", 1, "Adam Cole", "Bristol AC", 10.61, "s"),
        ("100m SM", 2, "Ben Dale", "Bath AC", 10.75, "s"),
        ("LJ SW", 1, "Eva Gale", "Bath AC", 5.4, "m"),
        ("LJ SW", 2, "Fay Holt", "Bristol AC", 5.11, "m"),
    ]


@pytest.mark.parametrize(
    "page",
    [
        # the title in a row of the table, or in a heading over it
        "<table><tr><td colspan='4'><b>100m Men Final</b> (wind +0.6)</td></tr>"
        "<tr><td><b>Pos</b></td><td><b>Name</b></td><td><b>Club</b></td><td><b>Time</b></td></tr>"
        "<tr><td>1</td><td>Adam Cole</td><td>Bristol AC</td><td>10.61</td></tr>"
        "<tr><td>2</td><td>Ben Dale</td><td>Bath AC</td><td>10.75</td></tr></table>",
        "<h3>100m Men Final (wind +0.6)</h3>"
        "<table><tr><th>Pos</th><th>Name</th><th>Club</th><th>Time</th></tr>"
        "<tr><td>1</td><td>Adam Cole</td><td>Bristol AC</td><td>10.61</td></tr>"
        "<tr><td>2</td><td>Ben Dale</td><td>Bath AC</td><td>10.75</td></tr></table>",
    ],
)
def test_a_wind_in_the_title_of_a_table_is_every_rows_and_no_part_of_the_name(page):
    doc = contract(f"<html><body>{page}</body></html>")
    assert [e["event_name"] for e in doc["events"]] == ["100m Men Final"]
    assert cells(doc, "athlete", "wind") == [("Adam Cole", 0.6), ("Ben Dale", 0.6)]


def test_a_tables_caption_names_its_event_and_keeps_it_apart_from_the_next():
    page = (
        "<html><body><h1>Northwind Indoor Meeting</h1>"
        "<table><caption>Women 60m Hurdles - Final</caption>"
        "<tr><th>Pl</th><th>Name</th><th>Club</th><th>Time</th></tr>"
        "<tr><td>1</td><td>Ann Lee</td><td>AC Nord</td><td>8.12</td></tr>"
        "<tr><td>2</td><td>Bea Roe</td><td>AC Sud</td><td>8.30</td></tr></table>"
        "<table><caption>Men Pole Vault - Final</caption>"
        "<tr><th>Pl</th><th>Name</th><th>Club</th><th>Mark</th></tr>"
        "<tr><td>1</td><td>Carl Poe</td><td>AC Nord</td><td>5.60</td></tr>"
        "<tr><td>2</td><td>Dan Moe</td><td>AC Sud</td><td>5.40</td></tr></table>"
        "</body></html>"
    )
    doc = contract(page)
    assert [
        (e["event_name"], e["gender"], e["results"][0]["mark_unit"]) for e in doc["events"]
    ] == [
        ("Women 60m Hurdles - Final", "F", "s"),
        ("Men Pole Vault - Final", "M", "m"),
    ]


def test_each_pre_block_is_named_by_the_heading_right_before_it():
    page = (
        "<html><body><h1>Eastlake Indoor Series</h1>"
        "<h3>Men 60 Meter Dash</h3><pre>\n"
        "Heat 1\n"
        "  1 Quentin Abara       Eastlake TC          6.81\n"
        "  2 Rory Beckett        Northpoint Striders  6.90\n"
        "Heat 2\n"
        "  1 Theo Darnell        Northpoint Striders  6.88\n"
        "</pre><h3>Women Weight Throw</h3><pre>\n"
        "  1 Vera Falkner        Eastlake TC         19.44m\n"
        "  2 Wanda Gudmund       Northpoint Striders 18.01m\n"
        "</pre></body></html>"
    )
    doc = contract(page)
    assert [
        (e["event_name"], e["gender"], e["round"], len(e["results"])) for e in doc["events"]
    ] == [
        ("Men 60 Meter Dash", "M", "Heats", 3),
        ("Women Weight Throw", "F", "Finals", 2),
    ]


def test_an_overall_column_is_the_place_when_no_other_column_is() -> None:
    page = (
        "<html><body><h2>Half Marathon</h2><table>"
        "<tr><th>Overall</th><th>Bib</th><th>Name</th><th>Div Place</th><th>Chip Time</th></tr>"
        "<tr><td>1</td><td>211</td><td>Caleb Whitford</td><td>1/38</td><td>1:09:15</td></tr>"
        "<tr><td>2</td><td>187</td><td>Sam Okafor</td><td>1/52</td><td>1:11:04</td></tr>"
        "<tr><td>3</td><td>300</td><td>Erin Lee</td><td>1/61</td><td>1:15:02</td></tr>"
        "</table></body></html>"
    )
    assert cells(contract(page), "place", "athlete", "mark_normalized") == [
        (1, "Caleb Whitford", 4155.0),
        (2, "Sam Okafor", 4264.0),
        (3, "Erin Lee", 4502.0),
    ]


def test_a_grade_column_of_age_classes_is_the_category_not_the_year() -> None:
    page = (
        "<html><body><h2>Senior Women 8km</h2><table>"
        "<tr><th>Place</th><th>Name</th><th>Club</th><th>Grade</th><th>Time</th></tr>"
        "<tr><td>1</td><td>Anna Te Rangi</td><td>Auckland City</td><td>W35</td><td>28:40</td></tr>"
        "<tr><td>2</td><td>Sophie McLeod</td><td>Lake Taupo</td><td>SW</td><td>29:03</td></tr>"
        "<tr><td>3</td><td>Hana Watanabe</td><td>North Harbour</td><td>W40</td><td>30:18</td></tr>"
        "</table></body></html>"
    )
    doc = contract(page)
    assert cells(doc, "athlete", "year") == [
        ("Anna Te Rangi", None),
        ("Sophie McLeod", None),
        ("Hana Watanabe", None),
    ]
    assert [r["detail"]["category"] for r in doc["events"][0]["results"]] == ["W35", "SW", "W40"]


def test_heat_tables_under_bare_heat_headings_belong_to_the_event_heading_over_them() -> None:
    def heat(n: int, wind: str, names: list[str]) -> str:
        rows = "".join(
            f"<tr><td>{k}</td><td>{a}</td><td>Lake</td><td>11.{k}0</td></tr>"
            for k, a in enumerate(names, 1)
        )
        head = "<tr><th>Pl</th><th>Athlete</th><th>Team</th><th>Time</th></tr>"
        return f"<h3>Heat {n}</h3><p>Wind: {wind}</p><table>{head}{rows}</table>"

    page = (
        "<html><body><h1>Rose City Invitational</h1><h2>Boys 100 Meters - Prelims</h2>"
        + heat(1, "+0.8", ["Dan Lind", "Tim Crater", "Max Whit"])
        + heat(2, "-1.1", ["Mic Oduya", "Tris Harr", "Col March"])
        + "</body></html>"
    )
    doc = contract(page)
    assert [(e["event_name"], e["gender"], e["round"], e["kind"]) for e in doc["events"]] == [
        ("Boys 100 Meters - Prelims", "M", "Prelims", "individual"),
        ("Boys 100 Meters - Prelims", "M", "Prelims", "individual"),
    ]
    assert cells(doc, "athlete", "wind")[3:4] == [("Mic Oduya", -1.1)]


@pytest.mark.parametrize(
    ("cell", "mark", "wind"),
    [
        ("10.01 (+2.4)", 10.01, 2.4),
        ("10.45<br><small>+1.2</small>", 10.45, 1.2),
        ("6.34m <span>20' 9.5\"</span>", 6.34, None),
        ("24-05.25 (7.45m)", 7.45, None),
    ],
)
def test_a_mark_cell_with_its_wind_or_its_other_units(cell: str, mark: float, wind) -> None:
    rows = "".join(
        f"<tr><td>{k}</td><td>Ann Lee{k}</td><td>Ox AC</td><td>{cell}</td></tr>" for k in (1, 2, 3)
    )
    page = (
        "<html><body><h2>Women Long Jump</h2><table>"
        "<tr><th>Pl</th><th>Name</th><th>Club</th><th>Mark</th></tr>"
        f"{rows}</table></body></html>"
    )
    (first, *_) = contract(page)["events"][0]["results"]
    assert (first["mark_normalized"], first["wind"]) == (pytest.approx(mark, abs=0.005), wind)


def test_a_cell_printing_the_club_under_the_name_or_the_runners_under_the_team() -> None:
    runners = "<div class='small'>Ann Moss, Bea Cole, Cat Dunn, Dee Fry</div>"
    page = (
        "<html><body><h2>Women 1500m Final</h2><table>"
        "<tr><th>Pos</th><th>Name / Club</th><th>Time</th></tr>"
        "<tr><td>1</td><td>Camille Delacroix<br><em>Bay Striders</em></td><td>4:22.02</td></tr>"
        "<tr><td>2</td><td>Naomi Oduya<br><em>Cardiff AAC</em></td><td>4:22.26</td></tr>"
        "<tr><td>3</td><td>Paige Donnelly<br><em>Blackheath</em></td><td>4:27.99</td></tr></table>"
        "<h2>Girls 4x400m Relay</h2><table><tr><th>Pl</th><th>Team</th><th>Time</th></tr>"
        f"<tr><td>1</td><td><a href='/t/1'>Jesuit</a>{runners}</td><td>4:05.10</td></tr>"
        f"<tr><td>2</td><td><a href='/t/2'>Summit</a>{runners}</td><td>4:10.87</td></tr>"
        "</table></body></html>"
    )
    doc = contract(page)
    assert cells(doc, "athlete", "team")[:3] == [
        ("Camille Delacroix", "Bay Striders"),
        ("Naomi Oduya", "Cardiff AAC"),
        ("Paige Donnelly", "Blackheath"),
    ]
    relay = doc["events"][1]["results"][0]
    assert relay["team"] == "Jesuit"
    assert [m["athlete"] for m in relay["relay_members"]] == [
        "Ann Moss",
        "Bea Cole",
        "Cat Dunn",
        "Dee Fry",
    ]


def test_a_combined_event_table_its_events_as_header_columns() -> None:
    row = "<tr><td>{}</td><td>{}</td><td>10.66</td><td>6.67</td><td>4:35.1</td><td>{}</td></tr>"
    page = (
        "<html><body><h2>Men Decathlon Final Standings</h2><table>"
        "<tr><th>Pl</th><th>Athlete</th><th>100m</th><th>LJ</th><th>1500m</th><th>Points</th></tr>"
        + row.format(1, "Elijah Fairbanks", 7986)
        + row.format(2, "James Langford", 7070)
        + row.format(3, "Caleb Delacroix", 7028)
        + "</table></body></html>"
    )
    (ev,) = contract(page)["events"]
    assert ev["event_name"] == "Men Decathlon Final Standings"
    assert [(r["place"], r["athlete"], r["mark_normalized"]) for r in ev["results"]] == [
        (1, "Elijah Fairbanks", 7986.0),
        (2, "James Langford", 7070.0),
        (3, "Caleb Delacroix", 7028.0),
    ]


def test_title_rows_naming_their_round_inside_one_table_start_their_events() -> None:
    def rows(first: str) -> str:
        return "".join(
            f"<tr><td>{k}</td><td>{first} {k}</td><td>Ox AC</td><td>{m}</td></tr>"
            for k, m in ((1, "11.70"), (2, "11.72"), (3, "11.80"))
        )

    header = "<tr><td>Pl.</td><td>Athlète</td><td>Club</td><td>Perf.</td></tr>"
    page = (
        "<html><body><h1>Meeting National de Reims</h1><table>"
        f"<tr><td colspan='4'><b>Women 100m Final</b></td></tr>{header}{rows('Ann')}"
        f"<tr><td colspan='4'><b>Longueur - Finale - Hommes</b></td></tr>{header}"
        + rows("Ben").replace("11.", "7.")
        + "</table></body></html>"
    )
    assert [(e["event_name"], e["gender"]) for e in contract(page)["events"]] == [
        ("Women 100m Final", "F"),
        ("Longueur - Finale - Hommes", "M"),
    ]


def test_a_race_named_beside_a_generic_label_titles_its_table() -> None:
    def race(name: str, who: str) -> str:
        return (
            f"<div class='panel'><div class='panel-heading'><span>{name}</span> "
            "<span class='label'>Individual Results</span></div><table>"
            "<tr><th>Place</th><th>Athlete</th><th>School</th><th>Time</th></tr>"
            f"<tr><td>1</td><td>{who}</td><td>Glenwood</td><td>16:06.3</td></tr></table></div>"
        )

    doc = contract(
        "<html><body><h1>Hawkeye Classic</h1>"
        + race("Varsity Boys 5K", "Brody Castellano")
        + race("Varsity Girls 4K", "Ivy Dunmore")
        + "</body></html>"
    )
    assert [(e["event_name"], e["gender"]) for e in doc["events"]] == [
        ("Varsity Boys 5K - Individual Results", "M"),
        ("Varsity Girls 4K - Individual Results", "F"),
    ]


def test_a_us_timers_page_dates_its_race_month_first_by_its_runners_hometowns() -> None:
    row = "<tr><td>{}</td><td>{}</td><td>{}</td><td>1:1{}:17</td><td>1:1{}:11</td></tr>"
    doc = contract(
        "<html><head><title>Riverfront Half Marathon - Results</title></head><body>"
        "<div class='event-title'>Riverfront Half Marathon</div>"
        "<div class='event-date'>10/06/2024</div><table>"
        "<tr><th>Place</th><th>Name</th><th>Hometown</th><th>Gun Time</th><th>Chip Time</th></tr>"
        + row.format(1, "Ann Lee", "Ankeny, IA", 2, 2)
        + row.format(2, "Bea Cole", "Omaha, NE", 4, 3)
        + "</table></body></html>"
    )
    assert doc["meet"]["date"] == "2024-10-06"


def test_a_labelled_date_line_over_the_table_does_not_name_the_meet() -> None:
    doc = contract(
        "<html><body><div><h2>Swaledale Fell Race 2024</h2>"
        "<p>Race date: Sunday, 25 August 2024 | Reeth, North Yorkshire</p></div>"
        "<h3>Overall results</h3><table><tr><th>Place</th><th>Name</th><th>Time</th></tr>"
        "<tr><td>1</td><td>Hector Ash</td><td>1:00:13.9</td></tr></table></body></html>"
    )
    assert (doc["meet"]["name"], doc["meet"]["date"]) == ("Swaledale Fell Race 2024", "2024-08-25")


def test_an_athletes_cell_names_a_relays_runners_or_an_individual() -> None:
    relay = contract(
        "<html><body><h2>4x400m Women Final</h2><table>"
        "<tr><th>Pos</th><th>Team</th><th>Athletes</th><th>Time</th></tr>"
        "<tr><td>1</td><td>AV Unitas</td><td>Ann Moss, Bea Cole, Cat Dunn, Dee Fry</td>"
        "<td>3:37.22</td></tr></table></body></html>"
    )
    row = relay["events"][0]["results"][0]
    assert (row["team"], [m["athlete"] for m in row["relay_members"]]) == (
        "AV Unitas",
        ["Ann Moss", "Bea Cole", "Cat Dunn", "Dee Fry"],
    )
    single = contract(
        "<html><body><h2>100m Women Final</h2><table>"
        "<tr><th>Pos</th><th>Athletes</th><th>Time</th></tr>"
        "<tr><td>1</td><td>Ann Moss</td><td>11.22</td></tr></table></body></html>"
    )
    assert cells(single, "place", "athlete", "mark") == [(1, "Ann Moss", "11.22")]
    clubbed = contract(
        "<html><body><h2>100m Women Final</h2><table>"
        "<tr><th>Pos</th><th>Athletes</th><th>Club</th><th>Time</th></tr>"
        "<tr><td>1</td><td>Ann Moss</td><td>Ox AC</td><td>11.22</td></tr></table></body></html>"
    )
    assert cells(clubbed, "place", "athlete", "team") == [(1, "Ann Moss", "Ox AC")]


def test_a_status_in_the_chip_times_cell_when_the_gun_times_is_empty() -> None:
    doc = contract(
        "<html><body><h2>5 Mile Women</h2><table>"
        "<tr><th>Overall</th><th>Name</th><th>Chip</th><th>Gun</th></tr>"
        "<tr><td>1</td><td>Juno Jowett</td><td>27:30</td><td>27:45</td></tr>"
        "<tr><td>2</td><td>Gina Grimshaw</td><td>30:57</td><td>31:08</td></tr>"
        "<tr><td></td><td>Kit Entwistle</td><td>DNS</td><td></td></tr></table></body></html>"
    )
    assert cells(doc, "place", "athlete", "status")[-1] == (None, "Kit Entwistle", "DNS")


@pytest.mark.parametrize(
    ("header", "name"),
    [
        (["Poř.", "Příjmení", "Jméno", "Roč.", "Oddíl", "Výkon"], "Nikola Fialová"),
        (["M-ce", "Nazwisko", "Imię", "Rocznik", "Klub", "Wynik"], "Nikola Fialová"),
    ],
)
def test_a_surname_column_beside_a_given_name_column_in_central_european_words(header, name):
    page = "<html><body><h3>800 m dorostenky - finále</h3>" + _table(
        header,
        [["1.", "Fialová", "Nikola", "08", "TJ Slavoj Hrádek", "2:17,73"]],
    )
    row = contract(page)["events"][0]["results"][0]
    assert (row["athlete"], row["team"], row["mark_normalized"]) == (
        name,
        "TJ Slavoj Hrádek",
        137.73,
    )


def test_a_heat_row_across_the_table_gives_its_rows_the_heats_wind():
    page = (
        "<html><body><p><b>Boys 200m</b></p><table>"
        "<tr><td>Place</td><td>Athlete</td><td>Grade</td><td>School</td><td>Mark</td></tr>"
        "<tr><td colspan='5'>Heat 1 &nbsp; Wind: +0.8</td></tr>"
        "<tr><td>1</td><td>Tate Bledsoe</td><td>7</td><td>North Tamsin</td><td>23.60</td></tr>"
        "<tr><td>2</td><td>Jensen Spurlock</td><td>8</td><td>North Tamsin</td><td>24.06</td></tr>"
        "<tr><td colspan='5'>Heat 2 &nbsp; Wind: -1.1</td></tr>"
        "<tr><td>1</td><td>Axton Rakestraw</td><td>8</td><td>Cutler Springs</td><td>24.70</td></tr>"
        "</table></body></html>"
    )
    doc = contract(page)
    rows = [(r["athlete"], r["wind"]) for e in doc["events"] for r in e["results"]]
    assert rows == [("Tate Bledsoe", 0.8), ("Jensen Spurlock", 0.8), ("Axton Rakestraw", -1.1)]
    assert {e["round"] for e in doc["events"]} == {"Heats"}


def test_a_finish_column_after_split_columns_is_the_result():
    page = (
        "<html><body><h2>100 km - Overall</h2>"
        + _table(
            ["Rank", "Bib", "Name", "Club", "25 km", "50 km", "75 km", "Finish"],
            [
                [
                    "1",
                    "611",
                    "Ilir Mazur",
                    "Ultra Club Kestrel",
                    "1:46:10",
                    "3:33:35",
                    "5:40:02",
                    "7:45:08",
                ],
                ["2", "87", "Sefa Lemma", "Harbour RC", "1:44:59", "3:39:02", "5:51:40", "7:58:41"],
            ],
        )
        + "</body></html>"
    )
    rows = contract(page)["events"][0]["results"]
    assert [(r["athlete"], r["mark"]) for r in rows] == [
        ("Ilir Mazur", "7:45:08"),
        ("Sefa Lemma", "7:58:41"),
    ]


def test_a_title_row_inside_the_table_naming_event_gender_and_classes_with_a_slash():
    page = (
        "<html><body><h1>Kreismeisterschaften Cuxland 2025</h1><table>"
        "<tr><th colspan='6'>Kugelstoßen Männer / Senioren</th></tr>"
        "<tr><td>Pl.</td><td>Name</td><td>Jg.</td><td>Kl.</td><td>Verein</td><td>Weite</td></tr>"
        "<tr><td>1.</td><td>Harms, Gero</td><td>88</td><td>MHK</td><td>LG Nord</td>"
        "<td>15,02</td></tr>"
        "<tr><td>2.</td><td>Janßen, Eike</td><td>69</td><td>M55</td><td>TuS Hemm.</td>"
        "<td>13,39</td></tr>"
        "</table></body></html>"
    )
    ev = contract(page)["events"][0]
    assert (ev["event_name"], ev["gender"]) == ("Kugelstoßen Männer / Senioren", "M")
    assert [r["mark_unit"] for r in ev["results"]] == ["m", "m"]


def test_a_wind_in_a_tables_caption_is_its_rows_and_no_part_of_its_name():
    page = (
        "<html><body><table><caption>100m Men &ndash; Wind: +0.8 m/s</caption>"
        "<tr><th>Pl</th><th>Name</th><th>Nat</th><th>Time</th></tr>"
        "<tr><td>1</td><td>Dawit ILUNGA</td><td>POL</td><td>9.99</td></tr>"
        "<tr><td>2</td><td>Kofi MENSAH</td><td>GHA</td><td>10.04</td></tr></table></body></html>"
    )
    ev = contract(page)["events"][0]
    assert ev["event_name"] == "100m Men"
    assert [r["wind"] for r in ev["results"]] == [0.8, 0.8]


def _card(rank: int, name: str, club: str, mark: str, note: str = "") -> str:
    extra = f"<dt>Notes</dt><dd>{note}</dd>" if note else ""
    return (
        f"<article class='result-card'><div class='rank'>{rank}</div><div class='who'>"
        f"<a href='/a/{rank}'>{name}</a><span class='club'>{club}</span></div><dl>"
        f"<dt>Result</dt><dd>{mark}</dd><dt>Age group</dt><dd>Open</dd>{extra}</dl></article>"
    )


def test_result_cards_their_name_and_club_apart_their_labelled_values_and_an_extra_note():
    cards = [
        _card(1, "Remy Birkett", "Kooyong North", "7.55", "PB"),
        _card(2, "Kirra Gorman", "Corio Bay AC", "7.57"),
        _card(3, "Jada Birkett", "Darebin Valley", "7.63"),
        _card(4, "Pippa Fahey", "Darebin Valley", "7.68"),
    ]
    page = f"<html><body><h2>60m Women Final</h2><div>{''.join(cards)}</div></body></html>"
    rows = contract(page)["events"][0]["results"]
    assert [(r["place"], r["athlete"], r["team"], r["mark"]) for r in rows] == [
        (1, "Remy Birkett", "Kooyong North", "7.55"),
        (2, "Kirra Gorman", "Corio Bay AC", "7.57"),
        (3, "Jada Birkett", "Darebin Valley", "7.63"),
        (4, "Pippa Fahey", "Darebin Valley", "7.68"),
    ]


def test_a_relay_with_a_column_per_leg_its_runners_and_their_times_and_a_total():
    legs = ["Leg 1", "Leg 2", "Leg 3"]
    page = (
        "<html><body><h2>Business Relay 3x5K</h2>"
        + _table(
            ["Place", "Team", *legs, "Total"],
            [
                [
                    "1",
                    "Whitcomb Insurance",
                    "Dana Purcell<br>22:40",
                    "Greg Hurd<br>21:02",
                    "Todd Sisk<br>20:31",
                    "1:04:13",
                ],
                [
                    "2",
                    "Yount Brewing Co.",
                    "Gina Yount<br>23:12",
                    "Tara Boggs<br>24:05",
                    "Erin Luce<br>25:40",
                    "1:12:57",
                ],
            ],
        )
        + "</body></html>"
    )
    ev = contract(page)["events"][0]
    assert ev["kind"] == "relay"  # not team scores: 'Total' is the team's time
    first = ev["results"][0]
    assert (first["team"], first["mark"]) == ("Whitcomb Insurance", "1:04:13")
    assert [m["athlete"] for m in first["relay_members"]] == [
        "Dana Purcell",
        "Greg Hurd",
        "Todd Sisk",
    ]


@pytest.mark.parametrize(
    "heading", ["<h2>Meeting Records</h2>", "<aside><h4>County records (senior)</h4>"]
)
def test_a_table_of_the_meetings_records_under_its_heading_is_no_results(heading: str):
    page = (
        "<html><body><h3>800m Women</h3>"
        + _table(
            ["Pos", "Athlete", "Club", "Perf"],
            [
                ["1", "Hattie Crabtree", "Holme Vale AC", "2:11.40"],
                ["2", "Edie Pogson", "Airedale Harriers", "2:13.05"],
            ],
        )
        + heading
        + _table(
            ["Event", "Record", "Holder", "Club", "Year"],
            [
                ["800m Women", "2:06.37", "Rosie Sugden", "Bronte Moor AC", "2010"],
                ["100m Men", "10.61", "Ivo Lister", "Dearne Valley AC", "2014"],
            ],
        )
        + "</body></html>"
    )
    doc = contract(page)
    assert [(e["event_name"], len(e["results"])) for e in doc["events"]] == [("800m Women", 2)]
    audit = audit_document(page, parse_document(page.encode(), None, "results.html"))
    assert (audit.verdict, audit.coverage) == ("parsed", 1.0)


def test_a_cookie_banners_date_dates_no_meet():
    page = (
        "<html><body><div id='cookie-consent'><p>We use cookies. Last updated 12/03/2025.</p>"
        "</div><h1>Summer Open Meeting</h1><p>Saturday 14 June 2025, Thwaite Mills</p>"
        "<h3>800m Women</h3>"
        + _table(
            ["Pos", "Athlete", "Club", "Perf"], [["1", "Hattie Crabtree", "Holme AC", "2:11.40"]]
        )
        + "</body></html>"
    )
    assert contract(page)["meet"]["date"] == "2025-06-14"


def test_one_table_holding_two_events_side_by_side_reads_the_left_then_the_right() -> None:
    page = (
        "<html><body><h1>Club Championships 2024</h1><p>Saturday 8 June 2024</p><table>"
        "<tr><td colspan=4>800m Boys U15</td><td></td><td colspan=4>800m Girls U15</td></tr>"
        "<tr><th>Pos</th><th>Name</th><th>Club</th><th>Time</th><td></td>"
        "<th>Pos</th><th>Name</th><th>Club</th><th>Time</th></tr>"
        "<tr><td>1</td><td>Oliver Grant</td><td>Harriers AC</td><td>2:11.4</td><td></td>"
        "<td>1</td><td>Mia Hughes</td><td>City AC</td><td>2:25.0</td></tr>"
        "<tr><td>2</td><td>Leo Price</td><td>City AC</td><td>2:14.9</td><td></td>"
        "<td>2</td><td>Ava Lewis</td><td>Harriers AC</td><td>2:27.3</td></tr>"
        "<tr><td>3</td><td>Noah Reed</td><td>Vale RC</td><td>2:20.1</td><td></td>"
        "<td></td><td></td><td></td><td></td></tr>"
        "</table></body></html>"
    )
    doc = contract(page)
    assert [(e["event_name"], e["gender"]) for e in doc["events"]] == [
        ("800m Boys U15", "M"),
        ("800m Girls U15", "F"),
    ]
    assert cells(doc, "place", "athlete", "team", "mark") == [
        (1, "Oliver Grant", "Harriers AC", "2:11.4"),
        (2, "Leo Price", "City AC", "2:14.9"),
        (3, "Noah Reed", "Vale RC", "2:20.1"),
        (1, "Mia Hughes", "City AC", "2:25.0"),
        (2, "Ava Lewis", "Harriers AC", "2:27.3"),
    ]


@pytest.mark.parametrize(
    ("header", "at"),
    [
        ("Platz|Name|Verein|Zeit||Platz|Name|Verein|Zeit", 5),
        ("Pos|School|Points|Pos|School|Points", 3),
        ("Pl|Name|Club|Time|Wind|Pl|Name|Club|Time", 5),  # one copy with a wind column
        ("Pl|Name|Verein|Zeit|Pl AK", None),  # a second place column, no second table
        ("Place|Name|Club|Time|Place|Name", None),  # too few columns in the second copy
        ("Rank|Team|Score|1|2|3|4|5", None),
        ("Pl|Name|Club|Leg 1|Leg 2|Leg 3|Leg 4", None),
    ],
)
def test_a_header_naming_its_columns_twice_starts_a_second_table(header, at) -> None:
    assert split_at(header.split("|")) == at


def test_a_timetable_of_events_and_clock_times_is_no_results() -> None:
    # its events had been read as athletes, its rounds as teams, its clock times as marks
    page = (
        "<html><body><h1>Westmarch County Championships 2024 - Timetable</h1>"
        + _table(
            ["Time", "Event", "Gender", "Round", "Entries"],
            [
                ["10:00", "100m Hurdles", "Women", "Heats", "14"],
                ["10:15", "110m Hurdles", "Men", "Heats", "11"],
                ["10:30", "Long Jump", "Men", "Final", "9"],
                ["11:00", "400m", "Women", "Final", "8"],
            ],
        )
        + "</body></html>"
    )
    parsed = parse_document(page.encode())
    assert not any(e.rows for e in parsed.events)
    assert audit_document(page.encode(), parsed).verdict == "unparsed"


def test_a_high_jump_grid_its_bar_heights_as_header_cells() -> None:
    # the header row of heights had been read as a result row ('Athlete | Club')
    page = "<html><body><h3>Women High Jump</h3>" + _table(
        ["Pos", "Athlete", "Club", "1.55", "1.60", "1.65", "1.70", "Result"],
        [
            ["1", "Eleanor Davies", "Shaftesbury Barnet", "", "XXO", "O", "XO", "1.70"],
            ["2", "Isla Marsh", "Birchfield H", "O", "XO", "XXO", "XXX", "1.65"],
            ["3", "Ella Barnes", "Edinburgh AC", "O", "XXO", "XXX", "", "1.60"],
        ],
    )
    (ev,) = contract(page + "</body></html>")["events"]
    assert cells({"events": [ev]}, "place", "athlete", "team", "mark_normalized") == [
        (1, "Eleanor Davies", "Shaftesbury Barnet", 1.7),
        (2, "Isla Marsh", "Birchfield H", 1.65),
        (3, "Ella Barnes", "Edinburgh AC", 1.6),
    ]
    assert ev["results"][1]["detail"]["1.65"] == "XXO"  # each height's tries, by its height


@pytest.mark.parametrize(
    ("heat_1", "heat_2", "final"),
    [
        (  # the heats named in the tables' captions, under a round's heading
            "<h3>Heats</h3><table><caption>Heat 1 &nbsp; Wind: +0.3 m/s</caption>",
            "<table><caption>Heat 2 &nbsp; Wind: -0.6 m/s</caption>",
            "<h3>Final</h3><table><caption>Final &nbsp; Wind: +1.1 m/s</caption>",
        ),
        (  # or in a heading of their own, their wind beside them
            "<h3>Vorlauf 1 &nbsp; Wind: +0,3 m/s</h3><table>",
            "<h3>Vorlauf 2 &nbsp; Wind: -0,6 m/s</h3><table>",
            "<h3>Endlauf &nbsp; Wind: +1,1 m/s</h3><table>",
        ),
    ],
)
def test_a_heats_wind_names_no_race_and_its_round_is_the_heats(heat_1, heat_2, final) -> None:
    # 'Wind: +0.3 m/s' had been read as a '0.3 m' race: the caption titled the table, the
    # event's name and gender were lost and 'Heat 2' was a final
    def table(rows: list[tuple[str, str, str]]) -> str:
        head = "<tr><th>Pos</th><th>Athlete</th><th>Country</th><th>Mark</th></tr>"
        body = "".join(
            f"<tr><td>{p}</td><td>{a}</td><td>GHA</td><td>{m}</td></tr>" for p, a, m in rows
        )
        return head + body + "</table>"

    page = (
        "<html><body><h1>Test Meeting</h1><h2>Men's 100 Metres</h2>"
        + heat_1
        + table([("1", "Kofi MENSAH", "10.07"), ("2", "Jared BARRETT", "10.12")])
        + heat_2
        + table([("1", "Luis PETROV", "10.09"), ("2", "Samir HADDAD", "10.15")])
        + final
        + table([("1", "Kofi MENSAH", "9.98"), ("2", "Luis PETROV", "10.03")])
        + "</body></html>"
    )
    doc = contract(page)
    assert [
        (e["event_name"], e["gender"], e["round"], e["results"][0]["wind"]) for e in doc["events"]
    ] == [
        ("Men's 100 Metres", "M", "Heats", 0.3),
        ("Men's 100 Metres", "M", "Heats", -0.6),
        ("Men's 100 Metres", "M", "Finals", 1.1),
    ]


def test_a_relays_runners_one_to_a_line_in_their_own_cell() -> None:
    page = "<html><body><h2>Men 4x100m Final</h2>" + _table(
        ["Pos", "Team", "Athletes", "Time"],
        [
            [
                "1",
                "Woodford Green",
                "Noah Taylor<br>Oscar Evans<br>Owen Hargreaves<br>Tom Reed",
                "40.62",
            ],
            [
                "2",
                "Sale Harriers",
                "Jack Smith<br>Harry Jones<br>Rhys Okafor<br>Joel Patel",
                "40.95",
            ],
        ],
    )
    (relay,) = contract(page + "</body></html>")["events"]
    assert [[m["athlete"] for m in r["relay_members"]] for r in relay["results"]] == [
        ["Noah Taylor", "Oscar Evans", "Owen Hargreaves", "Tom Reed"],
        ["Jack Smith", "Harry Jones", "Rhys Okafor", "Joel Patel"],
    ]


def test_a_japanese_page_in_full_width_digits() -> None:
    # '１１．００', '＋１．２', '５ｍ６２': no mark, no wind, no place had been read
    page = (
        "<html><body><h3>男子１００ｍ　決勝　（風：＋１．２）</h3>"
        + _table(
            ["順位", "名前", "所属", "記録"],
            [
                ["１", "中村　直樹", "中央高", "１１．００"],
                ["２", "渡辺　蓮", "北陵高", "１１．０７"],
            ],
        )
        + "<h3>女子走幅跳　決勝</h3>"
        + _table(
            ["順位", "名前", "所属", "記録", "風"],
            [["１", "高橋　七海", "東京学芸大", "５ｍ６２", "－０．６"]],
        )
        + "</body></html>"
    )
    doc = contract(page)
    assert cells(doc, "place", "athlete", "mark_normalized", "wind") == [
        (1, "中村 直樹", 11.0, 1.2),
        (2, "渡辺 蓮", 11.07, 1.2),
        (1, "高橋 七海", 5.62, -0.6),
    ]
    assert audit_document(page.encode(), parse_document(page.encode())).verdict == "parsed"


def test_a_chip_time_the_only_time_printed_is_the_result() -> None:
    page = "<html><body><h2>Half Marathon - Men</h2>" + _table(
        ["Place", "Name", "Bib", "Team", "Chip Time", "Pace"],
        [
            ["1", "Tyler Young", "#1043", "Northgate AC", "1:11:40", "5:28 /mi"],
            ["2", "Caleb King", "#1187", "Summit Endurance", "1:12:35", "5:32 /mi"],
        ],
    )
    assert cells(contract(page + "</body></html>"), "place", "mark_normalized") == [
        (1, 4300.0),
        (2, 4355.0),
    ]


def test_the_audit_numbers_a_numbered_list_as_the_reader_does() -> None:
    # 'raw not in the document' had flagged every row of an <ol> of results
    page = (
        b"<html><body><h2>Women 5K</h2><ol>"
        b"<li>Madison Scott (Riverside Runners) 17:45</li>"
        b"<li>Kayla Harris (Northgate AC) 18:02</li>"
        b"<li>Peyton Allen (Unattached) 18:30</li></ol></body></html>"
    )
    parsed = parse_document(page)
    assert [r.place for e in parsed.events for r in e.rows] == [1, 2, 3]
    assert audit_document(page, parsed).verdict == "parsed"


def test_a_medley_runners_leg_distance_in_brackets_is_no_year_and_no_name() -> None:
    # '(1200)' had been read as a birth year, '(400)' left in the name
    assert legs(["Rowan Vance (1200)", "Tyler Ashby (400)", "Eve Roe (1998)"]) == [
        {"leg": 1, "distance": "1200", "athlete": "Rowan Vance"},
        {"leg": 2, "distance": "400", "athlete": "Tyler Ashby"},
        {"leg": 3, "year": "1998", "athlete": "Eve Roe"},
    ]


def test_a_relay_runners_leg_split_in_brackets_is_no_part_of_the_name() -> None:
    assert legs(["Juno Dale (54.52)", "Flora Crabb (1:02.3)", "Rossi Anna (01)"]) == [
        {"leg": 1, "split": "54.52", "athlete": "Juno Dale"},
        {"leg": 2, "split": "1:02.3", "athlete": "Flora Crabb"},
        {"leg": 3, "year": "01", "athlete": "Rossi Anna"},
    ]


def test_a_relay_runners_school_grade_in_brackets_is_its_year() -> None:
    assert legs(["SATO Yui(2)", "ITO Mio (3)"]) == [
        {"leg": 1, "year": "2", "athlete": "SATO Yui"},
        {"leg": 2, "year": "3", "athlete": "ITO Mio"},
    ]


def test_a_relays_runners_one_to_a_line_in_a_row_under_it_with_their_classes() -> None:
    # the runners' row (one cell spanning two columns) had been read as the next event's title
    page = (
        "<html><body><h2>Women 4x400 Relay Final</h2><table>"
        "<tr><th>Place</th><th>Team</th><th>Time</th></tr>"
        "<tr><td>1</td><td><b>Vance University</b></td><td>3:47.61</td></tr>"
        "<tr><td></td><td colspan=2>Ava Emery (SO)<br>Maren Ellery (JR)<br>Brynn Emery (SR)"
        "<br>Calla Ingram (SO)</td></tr>"
        "<tr><td>2</td><td><b>Northfield State</b></td><td>3:50.72</td></tr>"
        "<tr><td></td><td colspan=2>Maren Whitlock (JR)<br>Harper Lusk (FR)<br>Piper Jessup (SO)"
        "<br>Jolie Whitlock (SR)</td></tr>"
        "</table></body></html>"
    )
    (relay,) = contract(page)["events"]
    assert [r["team"] for r in relay["results"]] == ["Vance University", "Northfield State"]
    assert [(m["athlete"], m["year"]) for m in relay["results"][0]["relay_members"]] == [
        ("Ava Emery", "SO"),
        ("Maren Ellery", "JR"),
        ("Brynn Emery", "SR"),
        ("Calla Ingram", "SO"),
    ]


def test_an_ultras_checkpoint_columns_and_retired_runners() -> None:
    # with runners 'Retired at CP..' in the finish column, the first checkpoint's split had
    # become every row's mark; the race's distance ('100 km – Results') had named the meet
    page = (
        "<html><body><h1>Cairnholt Skyline Ultra 2025</h1><p>Saturday 13 September 2025 "
        "&bull; Cairnholt &bull; 100 km / 6,100 m D+</p><h2>100 km &ndash; Results</h2>"
        + _table(
            ["Pos", "Name", "Club", "CP1 Fyne<br>(21.4 km)", "CP2 Bealach<br>(44.0 km)", "Finish"],
            [
                ["1", "Nash Thackeray", "Westerhope FR", "2:45:11", "5:16:34", "13:38:45"],
                ["2", "Nash Yardley", "Glen Fyne TC", "2:52:47", "5:31:50", "14:32:06"],
                ["3", "Xander Easterby", "", "2:52:35", "5:58:59", "15:08:13"],
                ["DNF", "Quinn Harlowe", "", "3:11:04", "", "Retired at CP1 (21.4 km)"],
                ["DNF", "Oren Larkham", "", "3:29:30", "", "Retired at CP1 (21.4 km)"],
                ["DNF", "Rosa Rudge", "", "2:48:35", "5:46:37", "Retired at CP2 (44.0 km)"],
            ],
        )
        + "</body></html>"
    )
    doc = contract(page)
    assert doc["meet"]["name"] == "Cairnholt Skyline Ultra 2025"
    assert cells(doc, "place", "mark", "status") == [
        (1, "13:38:45", None),
        (2, "14:32:06", None),
        (3, "15:08:13", None),
        (None, "Retired at CP1 (21.4 km)", "DNF"),
        (None, "Retired at CP1 (21.4 km)", "DNF"),
        (None, "Retired at CP2 (44.0 km)", "DNF"),
    ]
    audit = audit_document(page, parse_document(page.encode(), None, "results.html"))
    assert (audit.verdict, audit.coverage) == ("parsed", 1.0)


def test_the_date_a_page_was_posted_dates_no_meet() -> None:
    page = (
        "<html><body><h1>Track Series Meeting 4</h1>"
        "<p class='byline'>Posted 12 July 2025 by the Results Team</p>"
        "<p>A warm evening at Pellow Park on Friday 11 July 2025 with 212 entries.</p>"
        "<h3>800m Women</h3>"
        + _table(
            ["Pos", "Athlete", "Club", "Perf"],
            [
                ["1", "Hattie Crabtree", "Holme AC", "2:11.40"],
                ["2", "Edie Pogson", "Aire AC", "2:13.05"],
            ],
        )
        + "</body></html>"
    )
    assert contract(page)["meet"]["date"] == "2025-07-11"
    text = (
        "Saltmarsh Summer Open\n\nPosted 15 June 2025 by the club secretary. The meeting was "
        "held on Saturday 14 June 2025.\n\n800m Women\n1. Hattie Crabtree (Holme AC) 2:11.40\n"
        "2. Edie Pogson (Aire AC) 2:13.05\n"
    )
    assert contract(text)["meet"]["date"] == "2025-06-14"


@pytest.mark.parametrize("caption", ["<caption>Women 200m Open - Round 1</caption>", ""])
def test_a_heats_title_row_opening_its_table_gives_the_heats_wind(caption: str):
    # the first heat's 'Heat 1 (Wind: +1.2)' row, the table's first, had been lost with its wind
    heat = '<tr class="heat"><th colspan="4">Heat {} (Wind: {})</th></tr>'
    head = "<tr><th>Pl</th><th>Athlete</th><th>Club</th><th>Perf</th></tr>"
    page = (
        f"<html><body><h2>Women 200m Open - Round 1</h2><table>{caption}"
        f"{heat.format(1, '+1.2')}{head}"
        "<tr><td>1</td><td>Freya Mottram</td><td>Southport Dunes AC</td><td>23.68</td></tr>"
        f"{heat.format(2, '+0.2')}{head}"
        "<tr><td>1</td><td>Kezia Mottram</td><td>Tallowwood Harriers</td><td>23.80</td></tr>"
        "</table></body></html>"
    )
    doc = contract(page)
    assert cells(doc, "athlete", "wind") == [("Freya Mottram", 1.2), ("Kezia Mottram", 0.2)]


def test_an_age_group_column_of_british_words_is_the_category_not_the_year() -> None:
    # Power of 10's 'AG' (age group): 'SEN' had been read as each runner's year
    page = (
        "<html><body><h2>1500 SM ns</h2><table>"
        "<tr><th>Pos</th><th>Perf</th><th>Name</th><th>AG</th><th>Club</th></tr>"
        "<tr><td>1</td><td>3:58.86</td><td>Lewis Pilkington</td><td>SEN</td><td>Saltmarsh H</td>"
        "</tr><tr><td>2</td><td>4:00.01</td><td>Alistair Tremayne</td><td>SEN</td>"
        "<td>Westmoor AC</td></tr><tr><td>3</td><td>4:02.50</td><td>Ed Fry</td><td>U20</td>"
        "<td>Westmoor AC</td></tr></table></body></html>"
    )
    doc = contract(page)
    assert [y for _, y in cells(doc, "athlete", "year")] == [None, None, None]
    assert [r["detail"]["category"] for r in doc["events"][0]["results"]] == ["SEN", "SEN", "U20"]


def test_a_clubs_points_table_with_a_column_per_gender_gives_team_rows():
    # 'Total Points' had been no column: the table of club scores was read as nothing
    page = (
        "<html><body><h2>County League Match 2 - Club Scores</h2><table>"
        "<tr><th>Rank</th><th>Club</th><th>Men</th><th>Women</th><th>Total Points</th></tr>"
        "<tr><td>1</td><td>Harwick AC</td><td>212</td><td>198</td><td>410</td></tr>"
        "<tr><td>2</td><td>Tilbury Harriers</td><td>190</td><td>175</td><td>365</td></tr>"
        "</table></body></html>"
    )
    [ev] = contract(page)["events"]
    assert ev["kind"] == "team_scores"
    got = [(r["place"], r["team"], r["mark_normalized"]) for r in ev["results"]]
    assert got == [(1, "Harwick AC", 410.0), (2, "Tilbury Harriers", 365.0)]


@pytest.mark.parametrize("label", ["<p><strong>{}</strong></p>", "<h3>{}</h3>", "<p>{}</p>"])
def test_a_gender_word_over_each_table_under_the_races_title_is_its_gender(label: str):
    # 'Men' and 'Women' over two tables of the 5000m had given neither table a gender
    head = "<tr><th>Pos</th><th>Name</th><th>Club</th><th>Time</th></tr>"
    page = (
        "<html><body><h2>Inchley 5000m Night - 5000m</h2>"
        f"{label.format('Men')}<table>{head}"
        "<tr><td>1</td><td>Matteo Hebden</td><td>Inchley AC</td><td>14:12.55</td></tr></table>"
        f"{label.format('Women')}<table>{head}"
        "<tr><td>1</td><td>Rosalind Pridmore</td><td>Crabtree H</td><td>16:05.12</td></tr></table>"
        "</body></html>"
    )
    assert [e["gender"] for e in contract(page)["events"]] == ["M", "F"]


def test_a_dash_in_an_unheaded_place_column_leaves_it_the_place_column():
    # result cards with no header: one card's '-' (a DNF's place) had cost every card its place
    card = (
        '<div class="card"><span class="place">{}</span><span class="name">{}</span>'
        '<span class="club">{}</span><span class="time">{}</span></div>'
    )
    cards = [
        ("1", "Aoife Nettleford", "Kilbride Park RC", "4:48.31"),
        ("2", "Bryony Sallowfield", "Thackeray Tri", "4:52.07"),
        ("3", "Fern Rushworth", "Kilbride Park RC", "5:01.66"),
        ("-", "Greta Underhill", "Ormsby Striders", "DNF"),
    ]
    page = (
        '<html><body><h2>Women Mile</h2><div class="cards">'
        + "".join(card.format(*c) for c in cards)
        + "</div></body></html>"
    )
    assert cells(contract(page), "place", "status") == [
        (1, None),
        (2, None),
        (3, None),
        (None, "DNF"),
    ]


def test_an_award_table_repeating_runners_of_the_overall_results_adds_no_rows():
    # a road race's age-group awards list runners of the overall results again, with their
    # times: every one had been stored twice
    head = "<tr><th>Place</th><th>Name</th><th>Age</th><th>Time</th></tr>"
    row = "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>"
    page = (
        "<html><body><h2>Overall Results</h2><table>"
        + head
        + row.format(1, "Theo Hebden", 31, "16:58")
        + row.format(2, "Lyra Quarrie", 27, "17:18")
        + row.format(3, "Wren Gosling", 33, "18:44")
        + "</table><h2>Age Group Awards</h2><h3>Female 20-39</h3><table>"
        + head
        + row.format(1, "Lyra Quarrie", 27, "17:18")
        + row.format(2, "Wren Gosling", 33, "18:44")
        + "</table></body></html>"
    )
    doc = contract(page)
    assert [(e["event_name"], len(e["results"])) for e in doc["events"]] == [("Overall Results", 3)]


@pytest.mark.parametrize("note", ["New PB!", "PB 18:23", "First Timer!"])
def test_a_note_in_words_after_the_time_in_its_cell_leaves_the_time(note: str):
    # parkrun's time cell holds a note under the time: '17:41' + 'New PB!' had read no mark
    page = (
        "<html><body><h1>Loxley Meadows parkrun #212</h1><table>"
        "<tr><th>Position</th><th>parkrunner</th><th>Club</th><th>Time</th></tr>"
        f"<tr><td>1</td><td>Theo Hebden</td><td></td><td>17:41<div>{note}</div></td></tr>"
        "<tr><td>2</td><td>Tamsin Loxley</td><td>Oakmere AC</td><td>19:19</td></tr>"
        "</table></body></html>"
    )
    assert cells(contract(page), "mark", "mark_normalized") == [
        ("17:41", 1061.0),
        ("19:19", 1159.0),
    ]


def test_a_road_relays_runners_a_row_each_under_their_teams_row_are_its_legs():
    # 'Stage | Runner | Stage Time' rows under each team's row had given no runners
    team = "<tr><td>{}</td><td>{}</td><td></td><td></td><td></td><td>{}</td></tr>"
    leg = "<tr><td></td><td></td><td>{}</td><td>{}</td><td>{}</td><td></td></tr>"
    page = (
        "<html><body><h2>Senior Men - 3 Stage Relay</h2><table><tr><th>Pos</th><th>Team</th>"
        "<th>Stage</th><th>Runner</th><th>Stage Time</th><th>Total</th></tr>"
        + team.format(1, "Fernhill Harriers", "1:08:10")
        + leg.format(1, "Tomas Harlowe", "26:01")
        + leg.format(2, "Rhys Pennick", "15:40")
        + team.format(2, "Oakmere AC", "1:09:02")
        + leg.format(1, "Silas Varney", "26:20")
        + "</table></body></html>"
    )
    [ev] = contract(page)["events"]
    got = [(r["team"], [m["athlete"] for m in r["relay_members"]]) for r in ev["results"]]
    assert got == [
        ("Fernhill Harriers", ["Tomas Harlowe", "Rhys Pennick"]),
        ("Oakmere AC", ["Silas Varney"]),
    ]


def test_a_heat_alone_over_a_table_continues_the_event_of_the_table_above():
    # the event's title in a <div> over the first heat only: the second heat had been 'Results'
    head = "<tr><th>Pl</th><th>Athlete</th><th>Affiliation</th><th>Time</th></tr>"
    page = (
        '<html><body><div class="eventTitle">Men 100 Meters Prelims</div>'
        "<div><span>Heat 1 of 2</span> <span>Wind: +1.3</span></div><table>"
        + head
        + "<tr><td>1</td><td>Niall Hadley</td><td>Southport AC</td><td>10.58</td></tr></table>"
        "<div><span>Heat 2 of 2</span> <span>Wind: -0.6</span></div><table>"
        + head
        + "<tr><td>1</td><td>Quinn Larkham</td><td>Banksia TC</td><td>10.66</td></tr></table>"
        "</body></html>"
    )
    got = [(e["event_name"], e["gender"], e["round"]) for e in contract(page)["events"]]
    assert got == [("Men 100 Meters Prelims", "M", "Prelims")] * 2


def test_a_para_athletes_class_in_a_class_column_is_no_year():
    # 'Class' names a school year in US lists; T35 .. T38 are para classes: the category
    page = (
        "<html><body><h2>Men 100m T35-38 Final</h2><table>"
        "<tr><th>Pl</th><th>Name</th><th>Class</th><th>Club</th><th>Time</th></tr>"
        "<tr><td>1</td><td>Idris Wetherell</td><td>T38</td><td>Harbury AC</td><td>11.42</td></tr>"
        "<tr><td>2</td><td>Owen Pellow</td><td>T35</td><td>Fenmoor H</td><td>12.98</td></tr>"
        "</table></body></html>"
    )
    doc = contract(page)
    assert cells(doc, "athlete", "year") == [("Idris Wetherell", None), ("Owen Pellow", None)]
    assert [r["detail"]["category"] for r in doc["events"][0]["results"]] == ["T38", "T35"]


def test_ab_alone_in_a_french_lists_mark_cell_is_abandon():
    # 'AB' is Alberta in a hometown; alone in the mark's cell it is the French 'abandon'
    page = (
        "<html><body><h2>800 m Hommes</h2><table>"
        "<tr><th>Clt</th><th>Nom</th><th>Club</th><th>Perf</th></tr>"
        "<tr><td>1</td><td>ROUXEL Loïc</td><td>CA Haut-Rhône</td><td>1'52''37</td></tr>"
        "<tr><td></td><td>PEYRAC Noé</td><td>AC Val-de-Loire</td><td><b>AB</b></td></tr>"
        "</table></body></html>"
    )
    assert cells(contract(page), "athlete", "status") == [
        ("ROUXEL Loïc", None),
        ("PEYRAC Noé", "DNF"),
    ]


def test_a_line_of_start_time_and_records_over_a_table_is_no_title():
    # 'Start: 2:00 PM | Facility: 63.21m | Meet: 58.40m' had become the event's name
    page = (
        "<html><body><h2>Women's Javelin Throw<br/>Final</h2>"
        "<p>Start: 2:00 PM &nbsp;|&nbsp; Facility: 63.21m &nbsp;|&nbsp; Meet: 58.40m</p><table>"
        "<tr><th>PL</th><th>Athlete</th><th>Affiliation</th><th>Mark</th></tr>"
        "<tr><td>1</td><td>WRAGG, Emery</td><td>Nueces College</td><td>54.69m</td></tr>"
        "</table></body></html>"
    )
    [ev] = contract(page)["events"]  # (the heading broken by <br/> is one title)
    assert (ev["event_name"], ev["gender"], ev["round"]) == (
        "Women's Javelin Throw Final",
        "F",
        "Finals",
    )


def test_a_pages_sidebar_and_readers_comments_are_no_results():
    # a 'Most read' sidebar's '... drops 10.45 ...' and a comment's '2. Honor ran 2:06' had
    # been stored as rows; a body whose layout class names its sidebar is still the page
    page = (
        '<html><body class="page right-sidebar"><article><h1>Midsummer 800s</h1>'
        "<h2>Women 800m A race</h2><ol>"
        "<li>Tilly Brackenbury (Ferrybridge Harriers) 2:05.31</li>"
        "<li>Honor Pilkington (Ketley Town AC) 2:06.02</li>"
        "<li>Ada Lowe (Ketley Town AC) 2:07.40</li></ol>"
        '<div id="comments"><h3>2 thoughts</h3><ol><li>Jan Brackenbury June 21, 2026 at 8:14 am'
        "<p>Great run, 2. Honor ran 2:06 in the wind</p></li></ol></div></article>"
        "<aside><h3>Most read</h3><ul><li><a>Okonkwo-Price drops 10.45 at Harrowgate</a></li>"
        "<li><a>Pellow, 4:58 in the mile</a></li></ul></aside></body></html>"
    )
    got = [(r["place"], r["athlete"]) for e in contract(page)["events"] for r in e["results"]]
    assert got == [(1, "Tilly Brackenbury"), (2, "Honor Pilkington"), (3, "Ada Lowe")]


def test_a_combined_events_total_after_each_events_points_is_its_result() -> None:
    # 'Pts' after every event's mark, then 'Total': the total is the result, its DNF a status
    head = ["Pos", "Name", "Club", "60mH", "Pts", "HJ", "Pts", "SP", "Pts", "Total"]
    page = (
        "<html><body><h2>Pentathlon U17 Women</h2>"
        + _table(
            head,
            [
                [
                    "1",
                    "Giada Ormerod",
                    "Ashlyn H",
                    "8.95",
                    "758",
                    "1.66",
                    "795",
                    "11.02",
                    "603",
                    "2156",
                ],
                [
                    "2",
                    "Wrenna Jardine",
                    "Harrow AC",
                    "9.10",
                    "872",
                    "1.60",
                    "740",
                    "10.10",
                    "560",
                    "2172",
                ],
                ["", "Ilsa Kettering", "Marsh AC", "9.05", "790", "1.54", "666", "NM", "0", "DNF"],
            ],
        )
        + "</body></html>"
    )
    assert cells(contract(page), "athlete", "mark_normalized", "status") == [
        ("Giada Ormerod", 2156.0, None),
        ("Wrenna Jardine", 2172.0, None),
        ("Ilsa Kettering", None, "DNF"),
    ]


def test_a_relays_runners_under_its_team_in_the_name_column() -> None:
    # Czech lists: the team over its runners (<br>, <small>) in the 'Name' column of a relay
    runners = "<br><small>Kučera Filip, Černý Jiří, Černý Tomáš, Procházka Dominik</small>"
    page = (
        "<html><body><h3>4x400 m muži - finále</h3>"
        + _table(
            ["Poř.", "Příjmení Jméno", "Roč.", "Oddíl", "Výkon"],
            [["1.", f"AK Slavia Brno{runners}", "", "", "3:18,63"]],
        )
        + "</body></html>"
    )
    (row,) = contract(page)["events"][0]["results"]
    assert (row["team"], row["athlete"], row["mark_normalized"]) == ("AK Slavia Brno", None, 198.63)
    assert [m["athlete"] for m in row["relay_members"]] == [
        "Kučera Filip",
        "Černý Jiří",
        "Černý Tomáš",
        "Procházka Dominik",
    ]


def test_heats_under_a_rounds_heading_are_that_rounds_heats() -> None:
    # FlashResults: the event's h3, the round's h4, the records table, then each heat's table
    # titled 'Heat 1 of 4  Wind: +1.4' in its own header row
    page = (
        "<html><body><h3>Men 100 Meters</h3><h4>Prelims</h4>"
        "<table class='records'><tr><td>Facility:</td><td>10.12</td><td>5/12/2019</td>"
        "<td>Caspian Drummond</td></tr></table>"
        "<table><thead><tr><th colspan='5'>Heat 1 of 4 &nbsp; Wind: +1.4</th></tr>"
        "<tr><th>PL</th><th>Athlete</th><th>Yr</th><th>Affiliation</th><th>Time</th></tr>"
        "</thead><tbody><tr><td>1</td><td>Elric Merriweather</td><td>SR</td>"
        "<td>Platte Valley</td><td>10.24</td></tr><tr><td>2</td><td>Zane Denholm</td><td>SO</td>"
        "<td>Missouri Bluffs</td><td>10.31</td></tr></tbody></table></body></html>"
    )
    (event,) = contract(page)["events"]
    assert (event["event_name"], event["round"], event["heat"]) == ("Men 100 Meters", "Prelims", 1)
    assert [r["wind"] for r in event["results"]] == [1.4, 1.4]


def test_a_headerless_tables_mark_with_its_wind_in_brackets_in_one_cell():
    # FFA's results pages: the mark in bold, its wind after it in the same cell, no header row
    page = (
        "<html><body><table><tr><td colspan='6'><b>Triple Saut Hommes | Finale</b></td></tr>"
        "<tr><td>1</td><td>LEMAIRE Théo</td><td>A.S. Saumur</td><td>PDL/049</td><td>SEM/00</td>"
        "<td><b>14m56</b> (+2.1)</td></tr>"
        "<tr><td>2</td><td>MOREL Valentin</td><td>S.A. Cholet</td><td>PDL/049</td><td>SEM/98</td>"
        "<td><b>14m11</b> (-0.3)</td></tr>"
        "<tr><td>3</td><td>GUÉRIN Louis</td><td>A.C. Angers</td><td>PDL/049</td><td>JUM/07</td>"
        "<td><b>13m60</b> (+1.0)</td></tr></table></body></html>"
    )
    (event,) = to_contract(parse_document(page.encode(), None, "x.html"))["events"]
    got = [(r["place"], r["athlete"], r["mark_normalized"], r["wind"]) for r in event["results"]]
    assert got == [
        (1, "LEMAIRE Théo", 14.56, 2.1),
        (2, "MOREL Valentin", 14.11, -0.3),
        (3, "GUÉRIN Louis", 13.6, 1.0),
    ]


def test_a_pages_results_in_a_preformatted_block_and_in_a_table_are_both_read():
    # a club's news page: one meet's results pasted as text, the next day's as a table
    page = (
        "<html><body><h2>Saturday meet</h2><pre>\nMen 800m\n"
        "Pos  Name                     Club                  Perf\n"
        "  1  Aldo Brant               Thornvale AC          1:55.20\n"
        "  2  Bram Coyle               Redmarsh Harriers     1:57.01\n"
        "</pre><h2>Sunday meet</h2><h4>U20 Women 1500m</h4><table><thead><tr><th>Pos</th>"
        "<th>Athlete</th><th>Club</th><th>Time</th></tr></thead><tbody>"
        "<tr><td>1</td><td>Cora Dunn</td><td>Kilnworth AC</td><td>4:30.11</td></tr>"
        "<tr><td>2</td><td>Dina Ekert</td><td>Braemoss AC</td><td>4:33.80</td></tr>"
        "</tbody></table></body></html>"
    )
    events = to_contract(parse_document(page.encode(), None, "x.html"))["events"]
    got = [(e["gender"], r["athlete"]) for e in events for r in e["results"]]
    men = [("M", "Aldo Brant"), ("M", "Bram Coyle")]
    assert got == [*men, ("F", "Cora Dunn"), ("F", "Dina Ekert")]


def test_team_scores_in_paragraphs_beside_the_individual_table():
    # a Word file's cross-country results: the team scores as paragraphs, the runners as a table
    page = (
        "<html><body><h1>Varsity Girls 5K</h1><p>Team Scores</p>"
        "<p>1. Oakridge – 34 (2, 5, 7, 9, 11)</p><p>2. Wrenfield – 61 (1, 8, 14, 18, 20)</p>"
        "<p>Individual Results</p><table><tr><td>Place</td><td>Name</td><td>School</td>"
        "<td>Time</td></tr><tr><td>1</td><td>Ada Moss</td><td>Wrenfield</td><td>19:10.2</td></tr>"
        "<tr><td>2</td><td>Bea Nolt</td><td>Oakridge</td><td>19:22.5</td></tr></table>"
        "</body></html>"
    )
    events = to_contract(parse_document(page.encode(), None, "x.html"))["events"]
    teams = [
        (r["place"], r["team"], r["mark_normalized"])
        for e in events
        for r in e["results"]
        if e["kind"] == "team_scores"
    ]
    assert teams == [(1, "Oakridge", 34.0), (2, "Wrenfield", 61.0)]
    assert sum(len(e["results"]) for e in events if e["kind"] == "individual") == 2


@pytest.mark.parametrize(
    ("first", "places"),
    [("1º", "2º"), ("1", "2")],
    ids=["ordinals", "numbers"],
)
def test_a_column_the_header_calls_a_year_that_holds_the_places(first, places) -> None:
    """'Cl.' is an English class year but the Portuguese and Italian place (classificação,
    classifica): over '1º' '2º', or over 1, 2 with the year named again ('Ano'), it is the place."""
    page = (
        "<h3>100 metros Juniores Masculinos - Final</h3><table>"
        "<tr><th>Cl.</th><th>Dorsal</th><th>Nome</th><th>Ano</th><th>Clube</th><th>Marca</th></tr>"
        f"<tr><td>{first}</td><td>76</td><td>Vasco Martins</td><td>2007</td>"
        "<td>Juventude Vidigalense</td><td>10,78</td></tr>"
        f"<tr><td>{places}</td><td>12</td><td>Nuno Fernandes</td><td>2006</td>"
        "<td>Sporting CP</td><td>10,91</td></tr>"
        "<tr><td></td><td>40</td><td>Tomás Lopes</td><td>2007</td><td>SL Benfica</td>"
        "<td>DNS</td></tr></table>"
    )
    assert cells(contract(page), "place", "athlete", "year", "status") == [
        (1, "Vasco Martins", "2007", None),
        (2, "Nuno Fernandes", "2006", None),
        (None, "Tomás Lopes", "2007", "DNS"),
    ]


@pytest.mark.parametrize(
    "line",
    ["<p>Race: <b>8K</b> &bull; Finishers: 2</p>", "<div>Race started 9:00 AM · Official</div>"],
    ids=["label", "start-time"],
)
def test_a_races_line_over_the_results_names_no_meet(line) -> None:
    """A timer's page prints the race over its table ('Race: 8K', 'Race started 9:00 AM'):
    the word 'race' there names no meet; the page's heading does."""
    page = (
        "<html><head><title>Okanagan Harvest 8K - Sportstats</title></head><body>"
        "<h1>Okanagan Harvest 8K</h1><p>Sep 28, 2025 &bull; Kelowna Ridge, BC</p>"
        f"{line}<table><tr><th>Pos</th><th>Name</th><th>Chip Time</th></tr>"
        "<tr><td>1</td><td>Aiden Holt</td><td>25:10.2</td></tr>"
        "<tr><td>2</td><td>Cora Pell</td><td>26:01.9</td></tr></table></body></html>"
    )
    meet = contract(page)["meet"]
    assert (meet["name"], meet["date"]) == ("Okanagan Harvest 8K", "2025-09-28")
