"""Results in the archive: a real crawl of the fixture site stores the rows of its Results page and
of the Hy-Tek text file and PDF it links to, linked to their meet and the meet's articles; the
stage itself on real SQLite files (unparsed documents listed with the reason, re-parses replace)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from pipelines import db as schema
from pipelines.context import Archive
from pipelines.results import ResultsStage
from scraper.items import Crawled, Page
from scraper.results import Event, Meet, ResultDoc, Row
from tests.fixture_archive import crawl_fixture_site

MILE_TXT = "/results/prefontaine-2024-mile.txt"
SPRINTS_PDF = "/results/prefontaine-2024-sprints.pdf"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("results") / "archive.db"
    crawl_fixture_site(path)
    db = schema.open_db(path)
    yield db
    db.close()


def _doc(db, suffix: str) -> dict:
    docs = [d for d in db[schema.RESULT_DOCS].rows if d["url"].endswith(suffix)]
    assert len(docs) == 1, [d["url"] for d in db[schema.RESULT_DOCS].rows]
    return docs[0]


def test_linked_text_file_and_pdf_are_parsed(archive):
    txt, pdf = _doc(archive, MILE_TXT), _doc(archive, SPRINTS_PDF)
    assert (txt["status"], txt["events"], txt["rows"]) == ("parsed", 2, 8)
    assert (pdf["status"], pdf["events"], pdf["rows"]) == ("parsed", 2, 5)
    assert pdf["format"].startswith("pdf-text/")  # the fast reader: Courier report lines


def test_every_document_the_crawl_parsed_is_audited(archive):
    """The fixture site's Results pages, Hy-Tek text and PDF: every result line read, no row
    flagged (scraper.results.audit)."""
    docs = list(archive[schema.RESULT_DOCS].rows_where("duplicate_of IS NULL"))
    assert len(docs) == 4
    for doc in docs:
        assert (doc["verdict"], doc["coverage"], doc["flagged_rows"]) == ("parsed", 1.0, 0), doc
        assert doc["result_lines"] == doc["covered_lines"] > 0
    flagged = archive.execute(
        f"SELECT count(*) FROM {schema.RESULTS} WHERE audit_flags IS NOT NULL"
    )
    assert flagged.fetchone() == (0,)


def test_results_page_rows_are_stored(archive):
    page = _doc(archive, "do=title&title_id=187&event_id=120")
    assert page["status"] == "parsed"
    assert page["rows"] >= 5
    rows = list(
        archive[schema.RESULTS].rows_where("document_id = ?", [page["id"]], order_by="position")
    )
    assert [(r["place"], r["athlete"], r["team"]) for r in rows[:3]] == [
        (1, "Josh KERR", "Brooks Beasts"),
        (2, "Jakob INGEBRIGTSEN", "NOR"),
        (3, "Yared NUGUSE", "On Athletics Club"),
    ]
    assert json.loads(rows[0]["raw"])[:3] == ["1", "GBR", "Josh KERR"]  # the cells as printed


def test_rows_keep_raw_lines_marks_and_flags(archive):
    txt = _doc(archive, MILE_TXT)
    rows = list(
        archive[schema.RESULTS].rows_where(
            "document_id = ?", [txt["id"]], order_by="event_id, position"
        )
    )
    kerr = rows[0]
    assert (kerr["place"], kerr["athlete"], kerr["team"], kerr["mark_raw"], kerr["mark"]) == (
        1,
        "Josh Kerr",
        "Great Britain",
        "3:45.34NR",
        225.34,
    )
    assert json.loads(kerr["flags"]) == ["NR"]
    assert "Josh Kerr" in kerr["raw"]  # the Hy-Tek line as printed
    dnf = next(r for r in rows if r["athlete"] == "Abraham Alvarado")
    assert (dnf["place"], dnf["status"], dnf["mark"]) == (None, "DNF", None)
    relay = next(r for r in rows if r["team"] == "United States" and r["athlete"] is None)
    assert [m["athlete"] for m in json.loads(relay["relay_members"])][:2] == [
        "Tamari Davis",
        "Twanisha Terry",
    ]


def test_documents_events_and_rows_share_their_meet(archive):
    txt, pdf = _doc(archive, MILE_TXT), _doc(archive, SPRINTS_PDF)
    assert txt["meet_id"] == pdf["meet_id"] is not None
    meet = archive[schema.MEETS].get(txt["meet_id"])
    assert (meet["name"], meet["date"], meet["venue"]) == (
        "Prefontaine Classic",
        "2024-05-25",
        "Hayward Field",
    )
    ids = {
        r["meet_id"]
        for r in archive[schema.RESULTS].rows_where("document_id in (?, ?)", [txt["id"], pdf["id"]])
    }
    assert ids == {meet["id"]}


def test_meet_links_its_articles(archive):
    meet_id = _doc(archive, MILE_TXT)["meet_id"]
    urls = [a["canonical_url"] for a in schema.meet_articles(archive, meet_id)]
    assert any(u.endswith("news_id=700101") for u in urls)


def test_full_text_search_over_athletes_teams_and_relay_members(archive):
    hits = schema.search_results(archive, "Ingebrigtsen")
    assert {h["url"].rsplit("/", 1)[-1] for h in hits} >= {"prefontaine-2024-mile.txt"}
    assert hits[0]["event"]
    assert hits[0]["meet"]
    relay = schema.search_results(archive, "Richardson")
    assert {h["event"] for h in relay} >= {"Women 4x100 Meter Relay", "Women 100 Meter Dash"}


# --- the stage on its own ------------------------------------------------------------------------
def _page(url: str, body: bytes) -> Page:
    return Page(
        url=url,
        status=200,
        headers={"Content-Type": "text/plain"},
        body=body,
        fetched_at="2026-11-24T05:00:00+00:00",
        kind="results",
        source="runnerspace",
    )


def _run(db, page: Page) -> None:
    with schema.write_transaction(db):
        schema.store_page(db, page)
    ResultsStage(Archive(db)).process_item(Crawled(page=page))


def test_an_unparseable_document_is_listed_with_its_reason(tmp_path: Path):
    db = schema.open_db(tmp_path / "a.db")
    _run(db, _page("https://timing.example/empty.txt", b"Results will be posted soon."))
    (doc,) = db[schema.RESULT_DOCS].rows
    assert (doc["status"], doc["rows"]) == ("unparsed", 0)
    assert doc["reason"]
    assert db[schema.PAGES].count == 1  # the raw document stays


def test_parsing_a_page_again_replaces_its_rows(tmp_path: Path):
    db = schema.open_db(tmp_path / "b.db")
    site = Path(__file__).parent / "sites" / "runnerspace"
    page = _page("https://timing.example/mile.txt", (site / MILE_TXT.lstrip("/")).read_bytes())
    _run(db, page)
    _run(db, page)
    assert db[schema.RESULT_DOCS].count == 1
    assert db[schema.RESULTS].count == 8
    assert db[schema.MEETS].count == 1


def test_the_meet_date_as_printed_reaches_the_archive(tmp_path: Path):
    """The Hy-Tek meet line "Prefontaine Classic - 5/25/2024", stored through the stage: the
    date as printed beside the normalized one (the contract JSON, which the stage once stored
    from, has no date_raw)."""
    db = schema.open_db(tmp_path / "date.db")
    site = Path(__file__).parent / "sites" / "runnerspace"
    _run(db, _page("https://timing.example/mile.txt", (site / MILE_TXT.lstrip("/")).read_bytes()))
    (meet,) = db[schema.MEETS].rows
    assert (meet["name"], meet["date_raw"], meet["date"], meet["venue"]) == (
        "Prefontaine Classic",
        "5/25/2024",
        "2024-05-25",
        "Hayward Field",
    )


# Every field of the parsed document reaches the archive: a column of its name, else `detail`.
ROW_JSON = {"flags", "relay_members", "attempts", "splits"}


def _row_from_archive(stored: dict, raw_is_cells: bool) -> dict:
    """A stored results row read back as the fields of a parsed ``Row``."""
    detail = json.loads(stored["detail"])
    out = {}
    for f in dataclasses.fields(Row):
        if f.name == "extra":
            continue
        if f.name not in stored:
            out[f.name] = detail.pop(f.name, None)
        elif f.name in ROW_JSON or (f.name == "raw" and raw_is_cells):
            out[f.name] = json.loads(stored[f.name])
        else:
            out[f.name] = stored[f.name]
    out["extra"] = detail  # what no field of its own claimed
    return out


def _full_document() -> ResultDoc:
    """A document whose meet, event and row have every field set (none at its default)."""
    row = Row(
        place=3,
        athlete="Tamari Davis",
        team="United States 'A'",
        year="21",
        bib="1234",
        mark_raw="41.94q",
        mark=41.94,
        unit="s",
        timing="FAT",
        wind_raw="+0.8",
        wind=0.8,
        status="DQ",
        qualifier="q",
        flags=["MR", "x"],
        tiebreak="41.932",
        points=6.0,
        seed_raw="42.10",
        heat=2,
        relay_members=[{"leg": 1, "athlete": "Tamari Davis", "year": "21"}],
        attempts=[{"n": 1, "raw": "X", "value": None, "wind": None}],
        splits=["10.9", "21.0"],
        extra={"lane": "4", "reaction": "0.141"},
        raw=["3", "United States 'A'", "41.94q"],
    )
    assert all(getattr(row, f.name) != getattr(Row(), f.name) for f in dataclasses.fields(Row))
    event = Event(
        name="Women 4x100 Meter Relay",
        gender="F",
        division="Open",
        round="Prelims",
        heat=2,
        wind=0.8,
        kind="relay",
        number="7",
        rows=[row],
    )
    meet = Meet(
        name="Prefontaine Classic", date="2024-05-25", date_raw="5/25/2024", venue="Hayward"
    )
    return ResultDoc(meet=meet, events=[event], format="hytek")


def test_every_field_of_a_parsed_document_reaches_the_archive(tmp_path: Path):
    db = schema.open_db(tmp_path / "fields.db")
    page = _page("https://timing.example/full.txt", b"x")
    with schema.write_transaction(db):
        page_id = schema.store_page(db, page)[0]
        doc = _full_document()
        assert schema.store_results(db, page_id, page.url, doc, page.fetched_at) == 1
    (stored_doc,) = db[schema.RESULT_DOCS].rows  # the meet as printed; resolved by linking
    printed = {f.name: stored_doc[f"meet_{f.name}"] for f in dataclasses.fields(Meet)}
    assert printed == dataclasses.asdict(doc.meet)
    (event,) = db[schema.RESULT_EVENTS].rows
    expected = dataclasses.asdict(doc.events[0])
    del expected["rows"]
    assert {k: event[k] for k in expected} == expected
    (stored,) = db[schema.RESULTS].rows
    assert _row_from_archive(stored, raw_is_cells=True) == dataclasses.asdict(doc.events[0].rows[0])
    assert stored["members"] == "Tamari Davis"


def test_parsed_rows_read_back_from_the_archive(archive):
    """Every row the crawl stored from the fixture site's Results page, Hy-Tek text and PDF
    reads back as the row its parser gives."""
    from scraper.results import parse_document

    n = 0
    for doc_row in archive[schema.RESULT_DOCS].rows_where("status = 'parsed'"):
        page = schema.page_from_row(archive[schema.PAGES].get(doc_row["page_id"]))
        parsed = parse_document(page.body, page.url, page.url)
        want = [r for e in parsed.events for r in e.rows]
        got = list(
            archive[schema.RESULTS].rows_where(
                "document_id = ?", [doc_row["id"]], order_by="event_id, position"
            )
        )
        assert len(got) == len(want) > 0
        for r, stored in zip(want, got, strict=True):
            expected = dataclasses.asdict(r)
            expected["unit"] = None if r.mark is None else r.unit  # a unit goes with a mark
            assert _row_from_archive(stored, isinstance(r.raw, list)) == expected
            n += 1
    assert n >= 13


def test_meets_command_shows_results_and_coverage(archive, tmp_path: Path):
    import subprocess
    import sys

    path = archive.execute("PRAGMA database_list").fetchone()[2]
    proc = subprocess.run(
        [sys.executable, "-m", "scraper.cli", "meets", "prefontaine", "--db", path, "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[1],
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    found = {m["name"]: m for m in json.loads(proc.stdout)}
    pre = found["Prefontaine Classic"]
    assert pre["date"] == "2024-05-25"
    assert pre["rows"] == 13
    assert "Men Bowerman Mile" in {e["name"] for e in pre["events"]}
    assert any(a["canonical_url"].endswith("news_id=700101") for a in pre["articles"])


def test_crawling_the_results_again_from_another_host_and_port_adds_no_rows(
    archive, tmp_path: Path
):
    """The first crawl fetched the Results pages and files from localhost; this one from
    127.0.0.1 (the text file; the PDF's link names localhost) on another port: the same rows,
    ids included; the Results pages are the same documents (newer versions, now from this
    crawl's pages), the files byte-identical copies listed as duplicates."""
    import os
    import shutil
    import subprocess
    import sys

    from scraper.cli.siteserver import SiteServer

    src = archive.execute("PRAGMA database_list").fetchone()[2]
    archive.execute("PRAGMA wal_checkpoint(FULL)")
    copy = tmp_path / "again.db"
    shutil.copy(src, copy)
    query = (
        "SELECT r.id, r.event_id, r.meet_id, r.athlete, r.team, r.mark_raw, r.mark, "
        "r.event, r.meet_name FROM results r ORDER BY r.id"
    )
    before = list(archive.query(query))
    repo = Path(__file__).resolve().parents[1]
    with SiteServer(repo / "tests" / "sites" / "runnerspace") as server:
        start = server.url("/eprofile.php?do=title&title_id=187&event_id=120")
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "scraper.cli",
                "crawl",
                "runnerspace",
                "--db",
                str(copy),
                "-a",
                f"start_urls={start}",
                "-s",
                "DOWNLOAD_DELAY=0",
                "-s",
                "AUTOTHROTTLE_START_DELAY=0",
                "-s",
                "ALLOW_PRIVATE_ADDRESSES=true",
            ],  # the PDF is on localhost, no start host
            cwd=repo,
            env={**os.environ, "PYTHONPATH": str(repo), "ARCHIVE_DB": ""},
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert "4 results" in proc.stdout
    db = schema.open_db(copy)
    assert list(db.query(query)) == before
    docs = {d["url"]: d for d in db[schema.RESULT_DOCS].rows}
    port = f":{server.port}/"
    assert {u.split(port)[0] for u in docs if port in u} == {"http://127.0.0.1", "http://localhost"}
    copies = [d for d in docs.values() if d["status"] == "duplicate"]
    assert sorted(d["url"].rsplit("/", 1)[1] for d in copies) == [
        "prefontaine-2024-mile.txt",
        "prefontaine-2024-sprints.pdf",
    ]
    assert all(port in d["url"] and docs_by_id(db)[d["duplicate_of"]]["rows"] for d in copies)
    assert all(port in d["url"] for d in docs.values() if "eprofile.php" in d["url"])


def docs_by_id(db) -> dict[int, dict]:
    return {d["id"]: d for d in db[schema.RESULT_DOCS].rows}


def test_reparse_rebuilds_results_from_stored_pages(archive, tmp_path: Path):
    import shutil
    import subprocess
    import sys

    src = archive.execute("PRAGMA database_list").fetchone()[2]
    archive.execute("PRAGMA wal_checkpoint(FULL)")
    copy = tmp_path / "copy.db"
    shutil.copy(src, copy)
    db = schema.open_db(copy)
    before = db[schema.RESULTS].count
    db.execute(f"DELETE FROM {schema.RESULTS}")
    db.conn.commit()
    db.close()
    proc = subprocess.run(
        [sys.executable, "-m", "scraper.cli", "reparse", "--db", str(copy)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[1],
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    db = schema.open_db(copy)
    assert db[schema.RESULTS].count == before > 0
    assert db[schema.RESULT_DOCS].count == archive[schema.RESULT_DOCS].count
