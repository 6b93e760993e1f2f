"""What the pages show, made by pure functions (pipelines.publish): JSON cells as text, an
athlete's progression (points, personal bests as they were set, wind-aided marks left out of
them), an article's text with the athletes it names, a table page's default columns."""

from __future__ import annotations

import json

import pytest

from pipelines.publish.article import linked_text
from pipelines.publish.cells import readable
from pipelines.publish.chart import progression, progression_svg
from pipelines.publish.columns import all_columns_query, with_default_columns


@pytest.mark.parametrize(
    ("value", "column", "text"),
    [
        ('["NR"]', "flags", "NR"),
        ('["PB", "Q"]', "flags", "PB, Q"),
        ("[]", "flags", ""),
        ('{"timing": "FAT", "heat": 2}', "detail", "timing: FAT; heat: 2"),
        (
            '[{"leg": 1, "athlete": "Tamari Davis", "year": "21"}, '
            '{"leg": 2, "athlete": "Twanisha Terry", "year": "25"}]',
            "relay_members",
            "1 Tamari Davis (21); 2 Twanisha Terry (25)",
        ),
        ('["1", "GBR", "Josh KERR", "", "3:45.34"]', "raw", "1 | GBR | Josh KERR |  | 3:45.34"),
        (
            '[{"place": 1, "athlete": "Josh Kerr", "mark_raw": "3:45.34", "flags": ["NR"]}]',
            "results",
            "1. Josh Kerr 3:45.34 NR",
        ),
        ("Josh Kerr", "athlete", None),  # no JSON: not a cell of this kind
        ("[not json", "body", None),
        (12, "place", None),
    ],
)
def test_a_json_cell_reads_as_text(value, column, text):
    assert readable(value, column) == text


def _result(i: int, date: str | None, mark: float, wind: float | None = None, year=None):
    return {
        "result_id": i,
        "discipline": "100m",
        "date": date,
        "meet_year": year,
        "mark": mark,
        "mark_raw": f"{mark:.2f}",
        "wind": wind,
        "status": None,
        "meet": f"Meet {i}",
        "round": "Final",
    }


def test_a_progression_marks_each_personal_best_when_it_was_set():
    results = [
        _result(1, "2023-05-01", 10.40),
        _result(2, "2023-06-01", 10.20, wind=2.5),  # wind-aided: no PB
        _result(3, None, 10.30, year=2023),  # charted on 1 July, year only
        _result(4, "2024-05-01", 10.35),
        _result(5, "2024-06-01", 10.10, wind=1.0),
    ]
    points = progression(results, "100m", high=False)
    assert [p.result_id for p in points] == [1, 2, 3, 4, 5]
    assert [p.pb for p in points] == [True, False, True, False, True]
    assert [p.best for p in points] == [False, False, False, False, True]
    assert [p.legal for p in points] == [True, False, True, True, True]
    assert points[2].exact is False
    svg = progression_svg(points, "s", "100m", high=False)
    circles = svg.count("<circle")
    assert circles == 5
    assert svg.count('class="mark pb') == 3
    assert 'class="mark wind-aided"' in svg
    # faster is higher: 10.10 (best) is drawn above 10.40
    ys = {
        float(c.split('cy="')[1].split('"')[0]): c.split('data-result-id="')[1].split('"')[0]
        for c in svg.split("<circle")[1:]
    }
    assert ys[min(ys)] == "5"
    assert ys[max(ys)] == "1"


def test_a_progression_of_distances_puts_longer_marks_higher():
    results = [_result(1, "2024-05-01", 7.80), _result(2, "2024-06-01", 8.10)]
    for r in results:
        r["discipline"] = "long jump"
    points = progression(results, "long jump", high=True)
    assert [p.pb for p in points] == [True, True]
    svg = progression_svg(points, "m", "long jump", high=True)
    y1, y2 = (float(c.split('cy="')[1].split('"')[0]) for c in svg.split("<circle")[1:])
    assert y2 < y1


def test_an_article_links_the_names_it_mentions():
    article = {
        "headline": "Kerr wins",
        "body": "Josh Kerr won.\n\nJakob Ingebrigtsen was second to Josh Kerr.",
        "mentions": [
            {"position": 10, "name": "Josh Kerr", "athlete_id": 1},
            {"position": 26, "name": "Jakob Ingebrigtsen", "athlete_id": 2},
            {"position": 59, "name": "Josh Kerr", "athlete_id": 1},
            {"position": 0, "name": "Nobody", "athlete_id": 9},  # not what the text holds
        ],
    }
    text = linked_text(article)
    assert text["headline"] == [("Kerr wins", None)]
    assert text["paragraphs"] == [
        [("Josh Kerr", 1), (" won.", None)],
        [
            ("Jakob Ingebrigtsen", 2),
            (" was second to ", None),
            ("Josh Kerr", 1),
            (".", None),
        ],
    ]


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([], [("_col", "headline"), ("_col", "authors")]),
        ([("_search", "kerr")], [("_search", "kerr"), ("_col", "headline"), ("_col", "authors")]),
        ([("_col", "body")], None),  # the page chose its columns
        ([("_nocol", "body")], None),
        ([("_all", "1")], None),
    ],
)
def test_a_table_page_gets_its_readable_columns_unless_it_chooses(pairs, expected):
    assert with_default_columns(pairs, ["headline", "authors"]) == expected


def test_every_column_is_one_link_away():
    pairs = [("_search", "kerr"), ("_col", "headline")]
    assert all_columns_query(pairs) == [("_search", "kerr"), ("_all", "1")]
    assert json.dumps(all_columns_query([])) == '[["_all", "1"]]'
