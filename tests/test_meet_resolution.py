"""Meet resolution and one performance once (pipelines/linking/meets.py, performances.py): a real
crawl of the fixture site stores the Prefontaine Classic 2024 once, holding its Results page,
its Hy-Tek file and PDF and the five articles covering it, and the 2023 folder's result in a 2023
meet; sub-4 miles are 6 performances (11 rows stay stored). Made-up Hy-Tek reports stored
through the real results stage check each signal: name variants, years, date ranges, days
apart, shared marks; the user's merges and splits are applied and kept by `reparse`; the
Python API the meet and athlete pages build on (pipelines/db/views.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines import db as schema
from pipelines.db import views
from pipelines.linking import overrides
from pipelines.replay import reparse
from scraper.cli import cli
from tests.fixture_archive import crawl_fixture_site
from tests.identity_docs import hytek, store

SUB_4_MILES = "SELECT count(*) FROM {} WHERE discipline = 'mile' AND mark < 240"
AT = "2026-11-0{}T10:00:00+00:00"
MILE = "Men 1 Mile Run"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("meets") / "archive.db"
    crawl_fixture_site(path)
    db = schema.open_db(path)
    yield path, db
    db.close()


def _meet(db, year: int) -> dict:
    (found,) = [m for m in db[schema.MEETS].rows if m["year"] == year]
    return found


def test_the_crawl_stores_each_competition_once(crawled):
    _, db = crawled
    assert sorted((m["year"], m["name"]) for m in db[schema.MEETS].rows) == [
        (2023, "Eugene Diamond League - Nike Prefontaine Classic"),
        (2024, "Prefontaine Classic"),
    ]
    pre = _meet(db, 2024)
    assert (pre["date"], pre["venue"]) == ("2024-05-25", "Hayward Field")
    docs = {d["url"].rsplit("/", 1)[-1]: d["meet_id"] for d in db[schema.RESULT_DOCS].rows}
    assert docs == {
        "eprofile.php?do=title&title_id=187&event_id=120": pre["id"],
        "prefontaine-2024-mile.txt": pre["id"],
        "prefontaine-2024-sprints.pdf": pre["id"],
        "eprofile.php?event_id=120&title_id=187&do=title&folder_id=190": _meet(db, 2023)["id"],
    }
    articles = {a["canonical_url"].rsplit("=", 1)[-1] for a in schema.meet_articles(db, pre["id"])}
    assert articles == {"700101", "700102", "700103", "700105", "700109"}
    assert schema.meet_articles(db, _meet(db, 2023)["id"]) == []


def test_every_row_names_its_meet(crawled):
    _, db = crawled
    for row in db.query(
        "SELECT r.meet_id, r.meet_name, m.name FROM results r JOIN meets m ON m.id = r.meet_id"
    ):
        assert row["meet_name"] == row["name"]
    assert db.execute("SELECT count(*) FROM results WHERE meet_id IS NULL").fetchone()[0] == 0


def test_the_signals_that_put_a_document_in_its_meet_are_stored(crawled):
    _, db = crawled
    for doc in db[schema.RESULT_DOCS].rows:
        signals = json.loads(doc["meet_signals"])
        assert signals.get("new") or signals["name"]["score"] >= 0.85, signals
        assert 0 < doc["meet_confidence"] <= 1
    pdf = next(d for d in db[schema.RESULT_DOCS].rows if d["url"].endswith(".pdf"))
    assert json.loads(pdf["meet_signals"])["date"] in ("same days", "same year")


def test_sub_4_miles_are_six_performances(crawled):
    _, db = crawled
    assert db.execute(SUB_4_MILES.format(schema.RESULTS)).fetchone()[0] == 11  # rows stay
    assert db.execute(SUB_4_MILES.format(schema.PERFORMANCES)).fetchone()[0] == 6


def test_kerrs_mile_is_one_result_of_one_athlete(crawled):
    _, db = crawled
    (kerr,) = views.find_athletes(db, "kerr")
    page = views.athlete_page(db, kerr["id"])
    assert [(r["mark_raw"], r["meet"], r["flags"]) for r in page["results"]] == [
        ("3:45.34NR", "Prefontaine Classic", ["NR"])
    ]
    assert page["bests"]["pb"]["mile"]["mark"] == 225.34
    assert {a["canonical_url"].rsplit("=", 1)[-1] for a in page["articles"]} >= {"700101"}


def test_an_athlete_across_two_years(crawled):
    _, db = crawled
    (jakob,) = views.find_athletes(db, "ingebrigtsen")
    page = views.athlete_page(db, jakob["id"])
    assert [(r["meet_year"], r["mark"]) for r in page["results"]] == [(2023, 223.73), (2024, 225.6)]
    assert page["bests"]["pb"]["mile"]["mark"] == 223.73
    seasons = page["bests"]["seasons"]["mile"]
    assert {y: r["mark"] for y, r in seasons.items()} == {2023: 223.73, 2024: 225.6}


def test_the_meet_page_lists_events_in_program_order_and_results_in_place_order(crawled):
    _, db = crawled
    page = views.meet_page(db, _meet(db, 2024)["id"])
    events = [(e["number"], e["name"], len(e["results"])) for e in page["events"]]
    numbers = [int(n) for n, _, _ in events if n]
    assert numbers == sorted(numbers)
    mile = next(e for e in page["events"] if e["discipline"] == "mile")
    assert [r["place"] for r in mile["results"]] == [1, 2, 3, 4, 5, None]
    assert mile["results"][-1]["status"] == "DNF"
    relay = next(e for e in page["events"] if e["kind"] == "relay")
    assert [m["athlete"] for m in relay["results"][0]["relay_members"]][:1] == ["Tamari Davis"]
    assert len(page["articles"]) == 5


def test_the_articles_name_the_athletes(crawled):
    _, db = crawled
    (kerr,) = views.find_athletes(db, "kerr")
    mentions = list(db.query("SELECT * FROM athlete_mentions WHERE athlete_id = ?", [kerr["id"]]))
    kinds = {m["kind"] for m in mentions}
    assert {"text", "surname"} <= kinds
    assert all(m["name"] in ("Josh Kerr", "Kerr") for m in mentions)


def test_meets_command_prints_the_merged_meet(crawled):
    path, _ = crawled
    out = CliRunner().invoke(cli, ["meets", "prefontaine", "--db", str(path)])
    assert out.exit_code == 0, out.output
    first, *rest = out.output.splitlines()
    assert first.startswith("2024-05-25  Prefontaine Classic")
    assert "3 document(s), 5 article(s)" in first
    block = rest[: next(i for i, line in enumerate(rest) if not line.startswith(" "))]
    assert [line for line in block if "Bowerman Mile" in line] == [
        "    Men Bowerman Mile [Finals] 6"
    ]
    assert any(
        line.startswith("2023  Eugene Diamond League - Nike Prefontaine Classic") for line in rest
    )


# ---- each signal on made-up documents -----------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path):
    database = schema.open_db(tmp_path / "archive.db")
    yield database
    database.close()


def rows(*athletes: str) -> list:
    return [(MILE, [(i + 1, a, "", "Club", f"4:0{i}.00") for i, a in enumerate(athletes)])]


def meets_of(db) -> list[list[str]]:
    """The documents of each meet (file names), meets in id order."""
    out: dict[int, list[str]] = {}
    for d in db.query("SELECT url, meet_id FROM result_documents ORDER BY id"):
        out.setdefault(d["meet_id"], []).append(d["url"].rsplit("/", 1)[-1])
    return list(out.values())


MEET_CASES = [
    (
        "a sponsor in front, an abbreviation",
        [("Nike Prefontaine Classic", "5/25/2024"), ("Pre Classic", "5/25/2024")],
        [["0.txt", "1.txt"]],
    ),
    (
        "one name, two years",
        [("Fall Classic", "10/31/2015"), ("Fall Classic", "10/29/2016")],
        [["0.txt"], ["1.txt"]],
    ),
    (
        "a day inside a date range",
        [("Big Relays", "4/20/2018 to 4/21/2018"), ("Big Relays", "4/21/2018")],
        [["0.txt", "1.txt"]],
    ),
    (
        "one name, a week apart",
        [("Big Relays", "4/20/2018"), ("Big Relays", "4/28/2018")],
        [["0.txt"], ["1.txt"]],
    ),
    (
        "other names the same day",
        [("Oregon Relays", "4/20/2018"), ("Penn Relays", "4/20/2018")],
        [["0.txt"], ["1.txt"]],
    ),
]


@pytest.mark.parametrize(
    ("case", "printed", "expected"), MEET_CASES, ids=[c[0] for c in MEET_CASES]
)
def test_which_documents_are_one_meet(db, case, printed, expected):
    for i, (name, date) in enumerate(printed):
        store(
            db,
            f"https://t.example/{i}.txt",
            hytek(name, date, rows(f"Runner{i} Alpha")),
            AT.format(i + 1),
        )
    assert meets_of(db) == expected


def test_shared_marks_make_one_meet_of_two_names(db):
    """A document whose printed name says nothing alike joins the meet whose marks it prints."""
    athletes = ("Josh Kerr", "Yared Nuguse", "Neil Gourley", "Jake Wightman")
    store(
        db,
        "https://t.example/a.txt",
        hytek("Spring Invitational", "4/12/2018", rows(*athletes)),
        AT.format(1),
    )
    store(
        db,
        "https://t.example/b.txt",
        hytek("Distance Carnival", "4/12/2018", rows(*athletes[:3])),
        AT.format(2),
    )
    store(
        db,
        "https://t.example/c.txt",
        hytek("Distance Carnival", "4/12/2019", rows(*athletes[:3])),
        AT.format(3),
    )
    assert meets_of(db) == [["a.txt", "b.txt"], ["c.txt"]]
    signals = json.loads(db["result_documents"].get(2)["meet_signals"])
    assert signals["overlap"] == {"shared": 3, "share": 1.0}


def test_the_users_merge_and_split_are_kept_by_reparse(tmp_path, db):
    store(
        db,
        "https://t.example/0.txt",
        hytek("Big Relays", "4/20/2018", rows("Ann Alpha")),
        AT.format(1),
    )
    store(
        db,
        "https://t.example/1.txt",
        hytek("Relay Carnival", "4/21/2018", rows("Bea Beta")),
        AT.format(2),
    )
    store(
        db,
        "https://t.example/2.txt",
        hytek("Relay Carnival", "4/21/2018", rows("Cat Gamma")),
        AT.format(3),
    )
    assert meets_of(db) == [["0.txt"], ["1.txt", "2.txt"]]
    with schema.write_transaction(db):
        keep, other = (m["id"] for m in db.query("SELECT id FROM meets ORDER BY id"))
        overrides.merge_meets(db, keep, other, AT.format(9))
    assert meets_of(db) == [["0.txt", "1.txt", "2.txt"]]
    with schema.write_transaction(db):
        overrides.split_document(db, 3, AT.format(9))
    assert meets_of(db) == [["0.txt", "1.txt"], ["2.txt"]]
    db.close()
    reparse(tmp_path / "archive.db")
    again = schema.open_db(tmp_path / "archive.db")
    assert meets_of(again) == [["0.txt", "1.txt"], ["2.txt"]]
    again.close()


def test_a_correction_that_cannot_be_made_is_one_line(tmp_path, db):
    store(
        db,
        "https://t.example/0.txt",
        hytek("Big Relays", "4/20/2018", rows("Ann Alpha")),
        AT.format(1),
    )
    db.close()
    runner = CliRunner()
    for args, message in (
        (["meets", "--merge", "1", "7"], "Error: no meet 7 with results documents"),
        (["meets", "--split", "1"], "Error: document 1 is the only document of meet 1"),
        (["athletes", "--same", "1", "99"], "Error: no result row 99 naming an athlete"),
    ):
        out = runner.invoke(cli, [*args, "--db", str(tmp_path / "archive.db")])
        assert out.exit_code == 1
        assert out.output.strip() == message


@pytest.mark.parametrize(
    ("date", "raw", "expected"),
    [
        ("2018-04-20", "4/20/2018 to 4/21/2018", ("2018-04-20", "2018-04-21", 2018)),
        ("2024-05-25", "5/25/2024", ("2024-05-25", "2024-05-25", 2024)),
        (None, "2023", (None, None, 2023)),  # a page stating only its year
        ("2024-02-31", "2/31/2024", (None, None, 2024)),  # no such day: its year only
        (None, None, (None, None, None)),
    ],
)
def test_a_documents_printed_dates(date, raw, expected):
    from pipelines.linking.meets import printed_meet

    found = printed_meet(
        {"meet_name": "X", "meet_date": date, "meet_date_raw": raw, "meet_venue": None}
    )
    assert (found.date, found.end, found.year) == expected
