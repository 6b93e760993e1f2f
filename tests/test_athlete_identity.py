"""Athlete identity (pipelines/linking/athletes.py): result rows of real SQLite archives, stored
through the real results stage from Hy-Tek reports, are one athlete per person across
documents, meets and seasons, whatever the name order, case, accents, initials, teams and class
years; two people with one name stay apart. Every link carries its confidence and signals;
uncertain ones are listed for review; the user's overrides are applied at once and kept by
`meetarchive reparse`; linking a new document looks up candidates by index, never scanning the
archive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipelines import db as schema
from pipelines.linking import overrides
from pipelines.replay import reparse
from tests.identity_docs import athlete_of, hytek, rows, store

MEN_8K, WOMEN_5K = "Men 8000 Meter Run", "Women 5000 Meter Run"
AT = "2026-11-0{}T10:00:00+00:00"


@pytest.fixture
def db(tmp_path: Path):
    database = schema.open_db(tmp_path / "archive.db")
    yield database
    database.close()


def two_documents(db, first, second):
    """Two meets a season apart, each a list of (event, rows)."""
    a = store(
        db,
        "https://timing.example/2015.txt",
        hytek("Fall Classic", "10/31/2015", first),
        AT.format(1),
    )
    b = store(
        db,
        "https://timing.example/2016.txt",
        hytek("Conference Meet", "10/29/2016", second),
        AT.format(2),
    )
    return a, b


# (what the case is, name in 2015, year, team, name in 2016, year, team, one athlete?)
CASES = [
    (
        "name order and case",
        "Kerr, Josh",
        "SO",
        "St. Olaf College",
        "Josh KERR",
        "JR",
        "St. Olaf",
        True,
    ),
    ("accents", "Müller, Anna-Lena", "FR", "Carleton", "Anna-Lena Muller", "SO", "Carleton", True),
    ("initials, same team", "Kerr, J.", "SO", "St. Olaf", "Josh Kerr", "JR", "St. Olaf", True),
    (
        "team change, class advancing",
        "Sam Reed",
        "SO",
        "Waverly",
        "Sam Reed",
        "JR",
        "Ohio State",
        True,
    ),
    ("high school to college", "Sam Reed", "12", "Waverly", "Sam Reed", "FR", "Ohio State", True),
    (
        "same name, classes that cannot follow",
        "Sam Reed",
        "SR",
        "Waverly",
        "Sam Reed",
        "FR",
        "Ohio State",
        False,
    ),
    (
        "same name and team, classes that cannot follow",
        "Sam Reed",
        "SR",
        "Waverly",
        "Sam Reed",
        "FR",
        "Waverly",
        False,
    ),
    (
        "same name and club, ages that cannot follow",
        "Huhn Sofia",
        "24",
        "LG Regensburg",
        "Sofia Huhn",
        "19",
        "LG Regensburg",
        False,
    ),
    (
        "same name and club, ages a year apart",
        "Huhn Sofia",
        "24",
        "LG Regensburg",
        "Sofia HUHN",
        "25",
        "LG Regensburg",
        True,
    ),
    (
        "same name, other team, no class",
        "John Smith",
        "",
        "Carleton",
        "John Smith",
        "",
        "Hamline",
        False,
    ),
    ("other given name", "Smith, John", "SO", "Carleton", "Smith, Jane", "JR", "Carleton", False),
]


@pytest.mark.parametrize(
    ("case", "name_a", "year_a", "team_a", "name_b", "year_b", "team_b", "one"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_one_person_one_athlete(db, case, name_a, year_a, team_a, name_b, year_b, team_b, one):
    a, b = two_documents(
        db,
        [(MEN_8K, [(1, name_a, year_a, team_a, "25:36.1")])],
        [(MEN_8K, [(3, name_b, year_b, team_b, "25:01.0")])],
    )
    same = athlete_of(db, a, name_a) == athlete_of(db, b, name_b)
    assert same is one, rows(db, b)[0]["athlete_signals"]
    assert db[schema.ATHLETES].count == (1 if one else 2)


def test_a_person_is_one_athlete_across_the_events_of_a_document(db):
    a = store(
        db,
        "https://timing.example/meet.txt",
        hytek(
            "Spring Invitational",
            "4/12/2018",
            [
                (
                    "Boys 1600 Meter Run",
                    [
                        (1, "Sam Reed", "11", "Waverly", "4:30.12"),
                        (2, "Sam Reed", "9", "Logan", "4:40.00"),
                    ],
                ),
                ("Boys 3200 Meter Run", [(2, "Sam Reed", "11", "Waverly", "9:50.00")]),
            ],
        ),
        AT.format(1),
    )
    by_team = {(r["team"], r["year"]): r["athlete_id"] for r in rows(db, a)}
    assert by_team[("Waverly", "11")] != by_team[("Logan", "9")]  # one name, two people
    assert db[schema.ATHLETES].count == 2
    waverly = [r for r in rows(db, a) if r["team"] == "Waverly"]
    assert len({r["athlete_id"] for r in waverly}) == 1


def test_a_runner_listed_under_the_team_scores_and_in_the_race_is_one_athlete(db):
    """Cross-country reports print each scorer twice: under the team scores (no team) and in
    the individual results. A name that two schools' runners share stays two athletes: the row
    without a team joins the one with its mark."""
    a = store(
        db,
        "https://timing.example/xc.txt",
        hytek(
            "Conference Championships",
            "10/31/2015",
            [
                (
                    MEN_8K,
                    [
                        (1, "Brandon Johnson", "FR", "Concordia-Moorhead", "31:13.2"),
                        (2, "Brandon Johnson", "FR", "Bethel University", "32:05.1"),
                        (3, "Brandon Johnson", "FR", "", "31:13.2"),
                    ],
                )
            ],
        ),
        AT.format(1),
    )
    found = [(r["team"], r["athlete_id"]) for r in rows(db, a)]
    assert found[0][1] == found[2][1] != found[1][1]
    assert db[schema.ATHLETES].count == 2


def test_a_man_and_a_woman_of_one_name_stay_apart(db):
    a, b = two_documents(
        db,
        [(MEN_8K, [(1, "Sam Reed", "", "Waverly", "25:36.1")])],
        [(WOMEN_5K, [(1, "Sam Reed", "", "Waverly", "17:00.0")])],
    )
    assert athlete_of(db, a, "Sam Reed") != athlete_of(db, b, "Sam Reed")
    signals = json.loads(rows(db, b)[0]["athlete_signals"])
    assert signals["new"] == "no athlete matches"


def test_every_link_carries_its_confidence_and_signals(db):
    a, b = two_documents(
        db,
        [(MEN_8K, [(1, "Kerr, Josh", "SO", "St. Olaf College", "25:36.1")])],
        [(MEN_8K, [(1, "Josh KERR", "JR", "St. Olaf", "25:01.0")])],
    )
    (first,) = rows(db, a)
    (second,) = rows(db, b)
    assert json.loads(first["athlete_signals"]) == {"new": "no athlete matches"}
    assert json.loads(second["athlete_signals"]) == {
        "name": "exact",
        "team": "same, another season",
        "age": "consistent",
        "discipline": "same discipline",
    }
    assert second["athlete_confidence"] > 0.99
    athlete = schema.get_athlete(db, second["athlete_id"])
    assert (athlete["name"], athlete["results"], athlete["gender"]) == ("Josh Kerr", 2, "M")
    assert json.loads(athlete["teams"]) == ["St. Olaf College", "St. Olaf"]


def test_uncertain_links_are_listed_for_review(db):
    two_documents(
        db,
        [(MEN_8K, [(1, "Kerr, Josh", "", "St. Olaf", "25:36.1")])],
        [(MEN_8K, [(1, "Josh Kerr", "", "Team Nike", "25:01.0")])],
    )
    """Same name, another team, nothing to tell by: a new athlete, listed with the athlete it
    nearly was and why not."""
    (link,) = schema.review_links(db)
    assert link["athlete"] == "Josh Kerr"
    assert 0.5 <= link["confidence"] < schema.REVIEW_BELOW
    signals = json.loads(link["signals"])
    assert signals["new"] == "no athlete matches"
    assert signals["closest"]["signals"]["team"] == "other team"


def _reparse_same(tmp_path, db):
    before = [
        (r["athlete"], r["team"], r["athlete_id"])
        for r in db.query("SELECT * FROM results ORDER BY id")
    ]
    db.close()
    reparse(tmp_path / "archive.db")
    again = schema.open_db(tmp_path / "archive.db")
    after = [
        (r["athlete"], r["team"], r["athlete_id"])
        for r in again.query("SELECT * FROM results ORDER BY id")
    ]
    again.close()
    return before, after


def test_the_users_no_is_applied_and_kept_by_reparse(tmp_path, db):
    a, b = two_documents(
        db,
        [(MEN_8K, [(1, "Kerr, Josh", "SO", "St. Olaf", "25:36.1")])],
        [(MEN_8K, [(1, "Josh Kerr", "JR", "St. Olaf", "25:01.0")])],
    )
    assert athlete_of(db, a, "Kerr, Josh") == athlete_of(db, b, "Josh Kerr")
    row_a, row_b = rows(db, a)[0]["id"], rows(db, b)[0]["id"]
    with schema.write_transaction(db):
        overrides.different_athlete(db, row_a, row_b, AT.format(9))
    assert athlete_of(db, a, "Kerr, Josh") != athlete_of(db, b, "Josh Kerr")
    before, after = _reparse_same(tmp_path, db)
    assert len({x[2] for x in after}) == 2
    assert before == after
    again = schema.open_db(tmp_path / "archive.db")
    assert json.loads(rows(again, b)[0]["athlete_signals"])["override"] == "not the same athlete"
    again.close()


def test_the_users_yes_is_applied_and_kept_by_reparse(tmp_path, db):
    a, b = two_documents(
        db,
        [(MEN_8K, [(1, "Kerr, Josh", "SR", "St. Olaf", "25:36.1")])],
        [(MEN_8K, [(1, "Josh Kerr", "FR", "Team Nike", "25:01.0")])],  # a class that cannot follow
    )
    assert athlete_of(db, a, "Kerr, Josh") != athlete_of(db, b, "Josh Kerr")
    with schema.write_transaction(db):
        overrides.same_athlete(db, rows(db, a)[0]["id"], rows(db, b)[0]["id"], AT.format(9))
    assert athlete_of(db, a, "Kerr, Josh") == athlete_of(db, b, "Josh Kerr")
    assert db[schema.ATHLETES].count == 1
    before, after = _reparse_same(tmp_path, db)
    assert len({x[2] for x in after}) == 1
    assert before == after


def test_reparse_rebuilds_the_same_athletes(tmp_path, db):
    two_documents(
        db,
        [
            (
                MEN_8K,
                [
                    (1, "Kerr, Josh", "SO", "St. Olaf", "25:36.1"),
                    (2, "Sam Reed", "FR", "Carleton", "25:40.0"),
                ],
            )
        ],
        [
            (
                MEN_8K,
                [
                    (1, "Josh Kerr", "JR", "St. Olaf", "25:01.0"),
                    (4, "REED, Sam", "SO", "Carleton", "25:30.0"),
                ],
            )
        ],
    )
    athletes = list(db.query("SELECT * FROM athletes ORDER BY id"))
    before, after = _reparse_same(tmp_path, db)
    assert before == after
    again = schema.open_db(tmp_path / "archive.db")
    assert list(again.query("SELECT * FROM athletes ORDER BY id")) == athletes
    again.close()


def test_a_new_document_is_linked_by_index_lookups(db):
    """Incremental: linking a document asks the archive only through indexes (no query plan
    scans results, athletes or meets), so it costs the same in a 5M-row archive."""
    two_documents(
        db,
        [(MEN_8K, [(1, "Kerr, Josh", "SO", "St. Olaf", "25:36.1")])],
        [(MEN_8K, [(1, "Josh Kerr", "JR", "St. Olaf", "25:01.0")])],
    )
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    store(
        db,
        "https://timing.example/2017.txt",
        hytek(
            "Conference Meet",
            "10/28/2017",
            [(MEN_8K, [(1, "Josh Kerr", "SR", "St. Olaf", "24:50.0")])],
        ),
        AT.format(3),
    )
    db.conn.set_trace_callback(None)
    scans = []
    asked = {s for s in seen if s.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE"))}
    for sql in {s for s in asked if "sqlite_master" not in s}:
        for step in db.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall():
            detail = step[-1]
            if detail.startswith("SCAN") and "USING" not in detail:
                scans.append((sql, detail))
    assert scans == []


def test_linking_leaves_the_results_search_index_whole(db):
    """Linking writes columns of every row it links; the full-text index is rewritten only when
    a searched column changes (the update trigger of m012), and stays whole."""
    a, _ = two_documents(
        db,
        [(MEN_8K, [(1, "Kerr, Josh", "SO", "St. Olaf", "25:36.1")])],
        [(MEN_8K, [(1, "Josh Kerr", "JR", "St. Olaf", "25:01.0")])],
    )
    db.execute("INSERT INTO results_fts(results_fts) VALUES('integrity-check')")
    assert len(schema.search_results(db, "kerr")) == 2
    with schema.write_transaction(db):
        db.execute("UPDATE results SET athlete = 'Joshua Kerr' WHERE document_id = ?", [a])
    db.execute("INSERT INTO results_fts(results_fts) VALUES('integrity-check')")
    assert [h["athlete"] for h in schema.search_results(db, "joshua")] == ["Joshua Kerr"]
