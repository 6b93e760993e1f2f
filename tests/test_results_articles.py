"""A news article's page read as a results document: the results tables of a meet report
(a block editor's <figure> with its caption after the table), the meet named in the report's
own sentence, a roundup's lists and sentences of finishers (numbered or not), the sidebar's
calendar of meets to come, which holds no results and hides none, and a club records page."""

from __future__ import annotations

import pytest

from scraper.results import parse_document, to_contract
from scraper.results.agate import unfold_named
from scraper.results.meetinfo import meet_in_sentence, prose
from scraper.results.resultlike import row_is_result


def table(*rows: tuple[str, ...]) -> str:
    return (
        "<table>" + "".join(f"<tr><td>{'</td><td>'.join(r)}</td></tr>" for r in rows) + "</table>"
    )


MILE = table(("1", "Evan Marsh", "Springfield", "4:21.33"), ("2", "Tom Becker", "Xenia", "4:23.10"))
SPRINT = table(
    ("1", "Kara Simms", "Springfield", "12.41"), ("2", "Mia Tran", "Beavercreek", "12.58")
)
CALENDAR = table(
    ("Apr 18", "Xenia Invitational", "Xenia HS", "10:00"),
    ("Apr 25", "Miami Valley Relays", "Dayton", "9:30"),
    ("May 2", "GWOC Championships", "Centerville", "11:00"),
)
REPORT = (
    "<html><head><title>Lions sweep county meet | Springfield Gazette</title></head><body>"
    "<article><h1>Lions sweep county meet</h1><p>By Dana Cole, April 12, 2026</p>"
    "<p>The Springfield Lions won both team titles at the Greene County Championships on "
    "Saturday at Miller Field.</p>"
    f"<h3>Boys 1600 meters</h3>{MILE}<p>Marsh led from the gun.</p>"
    f'<figure class="wp-block-table">{SPRINT}<figcaption>Girls 100 meters</figcaption></figure>'
    f'</article><div class="widget"><h4>Upcoming meets</h4>{CALENDAR}</div></body></html>'
)


def events(page: str) -> list[tuple[str, str | None, list[str | None]]]:
    doc = to_contract(parse_document(page.encode()))
    return [
        (e["event_name"], e["gender"], [r["athlete"] for r in e["results"]]) for e in doc["events"]
    ]


def test_a_tables_figcaption_after_it_names_its_event():
    assert events(REPORT) == [
        ("Boys 1600 meters", "M", ["Evan Marsh", "Tom Becker"]),
        ("Girls 100 meters", "F", ["Kara Simms", "Mia Tran"]),
    ]


def test_the_meet_is_the_one_the_reports_sentence_names():
    doc = to_contract(parse_document(REPORT.encode()))
    assert doc["meet"]["name"] == "Greene County Championships"


def test_a_calendar_of_meets_alone_is_no_results_and_says_so():
    page = f"<html><body><h2>Upcoming meets</h2>{CALENDAR}</body></html>"
    doc = parse_document(page.encode())
    assert doc.events == []
    assert doc.error == "a schedule of meets (a day where each name goes), no results"


@pytest.mark.parametrize(
    ("cells", "result"),
    [
        (["Apr 18", "Xenia Invitational", "Xenia HS", "10:00"], False),
        (["Sat, May 2", "GWOC Championships", "Centerville"], False),
        (["18 April", "Kreismeisterschaften", "Jena"], False),
        (["4/18", "Xenia Invitational", "10:00"], False),
        (["1", "May Li", "Springfield", "12.41"], True),
        (["12.41", "Kara Simms", "Springfield"], True),
    ],
)
def test_a_calendar_row_is_no_result_row(cells, result):
    assert row_is_result(cells) is result


@pytest.mark.parametrize(
    ("sentence", "meet"),
    [
        (
            "The Springfield Lions won both team titles at the Greene County Championships on "
            "Saturday at Miller Field.",
            "Greene County Championships",
        ),
        (
            "Kerr ran 3:45 at the 2026 Prefontaine Classic in Eugene, breaking the record.",
            "2026 Prefontaine Classic",
        ),
        (
            "She won the 3200 at the Big 8 Conference Meet of Champions last Friday night.",
            "Big 8 Conference Meet of Champions",
        ),
        ("Results of the meet were posted on Sunday by the timing company for all.", None),
    ],
)
def test_the_meet_a_sentence_names(sentence, meet):
    assert prose(sentence)
    assert meet_in_sentence(sentence) == meet


@pytest.mark.parametrize(
    "line",
    [
        "Boys 1600 meters - Greene County Championships",
        "2026 Greene County Championships - Results",
    ],
)
def test_a_title_line_is_no_sentence(line):
    assert not prose(line)


ROUNDUP = (
    "<html><body><article><h1>Xenia runs away with relays title</h1>"
    "<p>Xenia won the Miami Valley Relays on Saturday with 112 points.</p>"
    "<h3>Event winners</h3><ul><li>Boys 100: Marcus Hill (Xenia) 10.87</li>"
    "<li>Girls shot put: Tia Brooks (Fairborn) 12.05m</li></ul>"
    "<h3>Boys 3200 top three</h3><ul><li>Luis Ortega, Fairborn, 9:31.22</li>"
    "<li>Tom Becker, Xenia, 9:35.90</li><li>Sam Price, Dayton Christian, 9:40.01</li></ul>"
    "<p><strong>Girls 1600:</strong> 1. Ana Ruiz (Springfield) 5:02.4; 2. Beth Long (Xenia) "
    "5:10.9; 3. Cara Pope (Fairborn) 5:15.2.</p><p>Top finishers in the girls 3200: Ana Ruiz "
    "(Springfield) 11:02.4, Beth Long (Xenia) 11:10.9, Cara Pope (Fairborn) 11:15.2.</p>"
    "</article></body></html>"
)


def test_a_roundups_lists_and_sentences_of_finishers_are_read_unplaced_unless_numbered():
    doc = to_contract(parse_document(ROUNDUP.encode()))
    got = [
        (e["event_name"], r["place"], r["athlete"], r["team"], r["mark"])
        for e in doc["events"]
        for r in e["results"]
    ]
    assert got == [
        ("Boys 100", None, "Marcus Hill", "Xenia", "10.87"),
        ("Girls shot put", None, "Tia Brooks", "Fairborn", "12.05m"),
        ("Boys 3200 top three", None, "Luis Ortega", "Fairborn", "9:31.22"),
        ("Boys 3200 top three", None, "Tom Becker", "Xenia", "9:35.90"),
        ("Boys 3200 top three", None, "Sam Price", "Dayton Christian", "9:40.01"),
        ("Girls 1600", 1, "Ana Ruiz", "Springfield", "5:02.4"),
        ("Girls 1600", 2, "Beth Long", "Xenia", "5:10.9"),
        ("Girls 1600", 3, "Cara Pope", "Fairborn", "5:15.2"),
        ("Top finishers in the girls 3200", None, "Ana Ruiz", "Springfield", "11:02.4"),
        ("Top finishers in the girls 3200", None, "Beth Long", "Xenia", "11:10.9"),
        ("Top finishers in the girls 3200", None, "Cara Pope", "Fairborn", "11:15.2"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Wind: +1.2 (legal), timed by Ace Timing (Dayton) 10.87",
        "Coach Dana Cole (Springfield) said the team ran well in 2026.",
        "Marcus Hill (Xenia) 10.87",
    ],
)
def test_a_line_that_names_no_event_before_its_finishers_stays_as_it_is(line):
    assert unfold_named(line) is None


def test_a_club_records_pages_tables_are_no_results():
    page = (
        "<html><body><h1>Club Records</h1><h2>Senior Men</h2><table><tr><th>Event</th>"
        "<th>Performance</th><th>Athlete</th><th>Year</th></tr><tr><td>100m</td><td>10.71</td>"
        "<td>James Orr</td><td>1998</td></tr><tr><td>800m</td><td>1:51.3</td>"
        "<td>Declan Price</td><td>1987</td></tr></table></body></html>"
    )
    assert parse_document(page.encode()).events == []


def test_a_sidebars_calendar_hides_no_reports_finishers():
    page = (
        "<html><body><article><h1>Hawks win county cross-country</h1><p>Girls top finishers: "
        "Ana Ruiz (Springfield) 18:02, Beth Long (Xenia) 18:10, Cara Pope (Fairborn) 18:15.</p>"
        f"</article><aside><h4>Upcoming meets</h4>{CALENDAR}</aside></body></html>"
    )
    [(_, gender, athletes)] = events(page)
    assert (gender, athletes) == ("F", ["Ana Ruiz", "Beth Long", "Cara Pope"])


def test_a_results_box_inside_the_story_is_read_beside_its_agate():
    # an <aside> in the <article> is the story's own box, not the page's sidebar: its tables had
    # been dropped with the page's chrome, and only the agate paragraph read
    page = (
        "<html><body><article><h1>Red Mill wins the Tri-Lakes title</h1>"
        "<p>Girls 100: Ana Ruiz (Springfield) 12.31, Beth Long (Xenia) 12.40, "
        "Cara Pope (Fairborn) 12.52.</p>"
        "<aside><h3>Boys 1600 Meters</h3>"
        + table(
            ("Pl", "Athlete", "School", "Time"),
            ("1", "Luca Aldous", "Red Mill", "4:23.55"),
            ("2", "Lars Harlow", "Norwood Hills", "4:25.24"),
        )
        + "</aside></article>"
        f"<aside><h4>Upcoming meets</h4>{CALENDAR}</aside></body></html>"
    )
    assert sorted(a for _, _, athletes in events(page) for a in athletes) == [
        "Ana Ruiz",
        "Beth Long",
        "Cara Pope",
        "Lars Harlow",
        "Luca Aldous",
    ]


@pytest.mark.parametrize(
    ("page", "want"),
    [
        # a finisher's hometown of two parts in commas
        (
            "<h2>Men's top 3</h2><ol><li>Peter Kamau, Nairobi, Kenya, 1:04:12</li>"
            "<li>Brendan Tully, Portland, Ore., 1:05:40</li></ol>",
            [
                (1, "Peter Kamau", "Nairobi, Kenya", "1:04:12"),
                (2, "Brendan Tully", "Portland, Ore.", "1:05:40"),
            ],
        ),
        # a club report's 'Name - time - PB' lines
        (
            "<h1>Lindale 10K report</h1><p>Results:<br>Tom Ashdown - 34:12 - PB<br>"
            "Sarah Whitlock - 41:47</p>",
            [(None, "Tom Ashdown", None, "34:12"), (None, "Sarah Whitlock", None, "41:47")],
        ),
        # a bulleted 'Name – time' (its place printed after it, in words, is not read)
        (
            "<h4>Boys 100m</h4><ul><li>Jordan Miles &ndash; 11.08 (2nd)</li>"
            "<li>DeShawn Carter &ndash; 11.41 (5th)</li></ul>",
            [(None, "Jordan Miles", None, "11.08"), (None, "DeShawn Carter", None, "11.41")],
        ),
        # a titled event's two numbered entries
        (
            "<p><strong>Boys 4x400:</strong> 1. Westfield (Malik Ross, Chris Yates, Andre Petit, "
            "Jamal Ford) 3:24.18; 2. Central Catholic (Liam Doyle, Ryan Cho, Sean Pike, Max Ortiz) "
            "3:26.90.</p>",
            [(1, None, "Westfield", "3:24.18"), (2, None, "Central Catholic", "3:26.90")],
        ),
    ],
)
def test_finishers_as_club_and_local_pages_list_them(page, want):
    doc = to_contract(parse_document(f"<html><body>{page}</body></html>".encode()))
    assert [
        (r["place"], r["athlete"], r["team"], r["mark"])
        for e in doc["events"]
        for r in e["results"]
    ] == want


def test_a_clubs_placings_parted_by_dashes_keep_a_names_particles():
    page = (
        "<html><body><p><strong>Novice Men 8km</strong><br>2nd &ndash; Pádraig Ó Sé &ndash; 26:02"
        "<br>12th &ndash; Cian Mac Cárthaigh &ndash; 27:15<br>20th &ndash; Dónal Kiely &ndash; "
        "27:49</p></body></html>"
    )
    doc = to_contract(parse_document(page.encode()))
    assert [(r["place"], r["athlete"], r["team"]) for e in doc["events"] for r in e["results"]] == [
        (2, "Pádraig Ó Sé", None),
        (12, "Cian Mac Cárthaigh", None),
        (20, "Dónal Kiely", None),
    ]


def test_a_heats_line_with_its_wind_names_no_meet():
    page = (
        "<html><body><h1>Rheinland Meisterschaften U18/U20</h1><p>22.06.2024</p>"
        "<h2>100m Männer U18</h2><h3>Zeitläufe - Lauf 1 Wind: +1,8 m/s</h3><table>"
        "<tr><th>Platz</th><th>Name</th><th>Verein</th><th>Leistung</th></tr>"
        "<tr><td>1.</td><td>Jonas Weber</td><td>LG Bonn</td><td>11,02</td></tr></table>"
        "</body></html>"
    )
    assert (
        to_contract(parse_document(page.encode()))["meet"]["name"]
        == "Rheinland Meisterschaften U18/U20"
    )


def test_a_german_heat_under_its_round_under_its_event():
    table = (
        "<table><tr><th>Platz</th><th>Name</th><th>Verein</th><th>Zeit</th></tr>"
        "<tr><td>1.</td><td>Haberkorn, Malte</td><td>TuS Hoya</td><td>{}</td></tr></table>"
    )
    page = (
        "<html><body><h1>Kreismeisterschaften Mittelweser 2026</h1><h2>100m Männer</h2>"
        "<h3>Vorläufe</h3><h4>Lauf 1 &nbsp; Wind: +1,2 m/s</h4>"
        + table.format("11,02")
        + "<h3>Finale &nbsp; Wind: -0,3 m/s</h3>"
        + table.format("10,94")
        + "</body></html>"
    )
    doc = to_contract(parse_document(page.encode()))
    assert [
        (e["event_name"], e["gender"], e["round"], e["results"][0]["wind"]) for e in doc["events"]
    ] == [
        ("100m Männer", "M", "Heats", 1.2),
        ("100m Männer", "M", "Finals", -0.3),
    ]


def test_a_subtitle_naming_the_runners_sex_beside_a_date():
    page = (
        "<html><body><h1>Harbourside 10K 2024</h1><div>Sunday 22 September 2024 &ndash; Women's "
        "results</div><table><tr><th>Pos</th><th>Name</th><th>Club</th><th>Chip</th></tr>"
        "<tr><td>1</td><td>Ashleigh Mbeki</td><td>Kestrel RC</td><td>35:12</td></tr></table>"
        "</body></html>"
    )
    [ev] = to_contract(parse_document(page.encode()))["events"]
    assert ev["gender"] == "F"
