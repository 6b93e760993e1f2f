"""Ranking lists (pipelines.db.rankings, pipelines.publish.rankings) on the archive of a real
crawl of the fixture site: the sample's sub-4 miles are 6 rows for 6 performances, one row per
athlete keeps each athlete's best, thresholds typed as marks are printed, and a list walks its
partial index instead of sorting the table (with statistics too). Marks typed and shown:
scraper.results.display."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.db.connection import open_db
from pipelines.publish.rankings import ranking_page
from scraper.results.display import format_mark, shown_mark, threshold_of
from tests.fixture_archive import crawl_fixture_site


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("rankings") / "archive.db"
    crawl_fixture_site(path)
    return open_db(Path(path))


@pytest.mark.parametrize(
    ("args", "marks"),
    [
        # every performance under 4:00: 6 rows, the 2024 copies of each race counted once
        (
            {"event": "mile", "mark": "4:00", "per": "performance"},
            ["3:43.73", "3:45.34NR", "3:45.60", "3:46.22", "3:47.74", "3:47.83"],
        ),
        # one row per athlete: Ingebrigtsen's 2024 3:45.60 is not his best
        (
            {"event": "mile", "mark": "4:00"},
            ["3:43.73", "3:45.34NR", "3:46.22", "3:47.74", "3:47.83"],
        ),
        ({"event": "mile", "mark": "3:46", "season": "2024"}, ["3:45.34NR", "3:45.60"]),
        ({"event": "mile", "season": "2023"}, ["3:43.73"]),
        ({"event": "long jump", "mark": "8"}, ["8.22m", "8.21m"]),  # "over 8 m"
        ({"event": "long jump", "mark": "8.22"}, ["8.22m"]),  # at least the threshold
        ({"event": "100m", "gender": "F", "wind": "legal"}, ["10.78", "10.83", "10.87"]),
        ({"event": "100m", "gender": "M"}, []),
        ({"event": "4x100m"}, ["41.72", "42.55"]),
    ],
)
def test_a_ranking_list_shows_the_best_marks_asked_for(db, args, marks):
    page = ranking_page(db, args)
    assert page["error"] is None
    assert [r["mark_raw"] for r in page["rows"]] == marks
    assert [r["rank"] for r in page["rows"]] == list(range(1, len(marks) + 1))


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ({"event": "mile", "mark": "fast"}, "'fast' is not a mark (e.g. 4:00 or 10.5)"),
        ({"event": "long jump", "mark": "4:00"}, "is a mark in s, this event's marks are in m"),
        ({"event": "marathon"}, "No marks for 'marathon': choose an event."),
    ],
)
def test_a_ranking_that_cannot_be_listed_says_why(db, args, error):
    page = ranking_page(db, args)
    assert error in page["error"]
    assert page["rows"] == []


def test_every_statement_of_a_ranking_page_reads_an_index(tmp_path):
    """With statistics (ANALYZE) on an archive where few rows are copies (``duplicate_of``
    looks selective to SQLite, whose statistics count NULLs as distinct): what the page runs
    never scans results nor sorts them."""
    big = open_db(tmp_path / "archive.db")
    rows = [
        {
            "athlete": f"Runner {i}",
            "discipline": "mile" if i % 2 else "100m",
            "gender": "MF"[i % 4 // 2],
            "mark": (230.0 if i % 2 else 10.0) + i / 1000,
            "mark_raw": "x",
            "unit": "s",
            "season": 2000 + i % 20,
            "duplicate_of": i - 1 if i % 20 == 0 else None,
        }
        for i in range(1, 4001)
    ]
    big["results"].insert_all(rows)
    big.execute("ANALYZE")
    ran: list[str] = []
    big.conn.set_trace_callback(ran.append)
    try:
        for args in (
            {"event": "mile", "mark": "4:00", "per": "performance"},
            {"event": "100m", "gender": "F", "season": "2010", "wind": "legal"},
        ):
            assert ranking_page(big, args)["rows"]
    finally:
        big.conn.set_trace_callback(None)
    reads = [sql for sql in ran if sql.lstrip().upper().startswith("SELECT") and "results" in sql]
    assert reads
    for sql in reads:
        plan = " ".join(row[3] for row in big.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "SCAN results" not in plan, (sql, plan)
        assert "TEMP B-TREE" not in plan, (sql, plan)
        assert "idx_results_duplicate_of" not in plan, (sql, plan)


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("4:00", "s", 240.0),
        ("10.5", "s", 10.5),
        ("8", "m", 8.0),
        ("8.00", "m", 8.0),
        ("8,500", "points", 8500.0),
    ],
)
def test_a_threshold_is_read_as_the_event_prints_marks(text, unit, value):
    assert threshold_of(text, unit) == pytest.approx(value)


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (225.34, "s", "3:45.34"),
        (10.5, "s", "10.50"),
        (7805.2, "s", "2:10:05.20"),
        (8.224, "m", "8.22 m"),
        (8500, "points", "8,500"),
        (None, "s", ""),
    ],
)
def test_a_mark_is_shown_as_results_print_it(value, unit, text):
    assert format_mark(value, unit) == text


@pytest.mark.parametrize(
    ("raw", "flags", "shown"),
    [
        ("3:45.34NR", ["NR"], "3:45.34"),  # a record glued to the mark: the badge says it
        ("10.01 PB", ["PB"], "10.01"),
        ("21.3hA", ["A"], "21.3h"),
        ("8.22m", [], "8.22m"),  # no flag: as printed
        ("9:24,90", None, "9:24,90"),
        ("NR", ["NR"], "NR"),  # nothing would be left: kept whole
        ("1:59.9 =PB", ["=PB"], "1:59.9"),
        (None, ["NR"], ""),
    ],
)
def test_a_mark_beside_its_badges_is_shown_without_them(raw, flags, shown):
    assert shown_mark(raw, flags) == shown
