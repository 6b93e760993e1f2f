"""Results tables inside articles reach the archive: a real crawl (`meetarchive crawl news`, over
HTTP) of the fixture site tests/sites/meetreport, whose meet report holds two results tables and
a table of coming meets.

The body keeps every table as text rows; the two results tables also become one results document
of the article (keyed by the article's key + ``#results-tables``), parsed into events and rows; the
schedule table does not. A second crawl of the same pages adds nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipelines import db as schema
from pipelines.results import parse_results, tables_document
from scraper.cli.siteserver import SiteServer
from scraper.parsers.keys import tables_key
from tests.goldens import extract

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "meetreport"
STORY = "/story/prefontaine-mile.html"


@dataclass
class Crawl:
    runs: list[subprocess.CompletedProcess[str]]
    db: Path
    key: str


def _crawl(server: SiteServer, tmp: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    sources = tmp / "sources.toml"
    sources.write_text(
        f'[sources.gazette]\nstart_urls = ["{server.url("/news/")}"]\n'
        "allow = ['/story/']\ntimezone = \"America/Los_Angeles\"\ndelay = 0\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("ARCHIVE_DB", None)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "scraper.cli",
            "crawl",
            "news",
            "--db",
            str(tmp / "archive.db"),
            "--sources",
            str(sources),
            "-a",
            "source=gazette",
            "-s",
            "DOWNLOAD_DELAY=0",
            *extra,
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    tmp = tmp_path_factory.mktemp("meetreport")
    with SiteServer(SITE) as server:
        first = _crawl(server, tmp)
        second = _crawl(server, tmp, "--full")  # every page fetched again
        key = tables_key(server.url(STORY))
    return Crawl([first, second], tmp / "archive.db", key)


def test_both_crawls_succeed(crawl: Crawl) -> None:
    for run in crawl.runs:
        assert run.returncode == 0, run.stdout + run.stderr[-3000:]


def test_the_body_keeps_every_table_as_rows_in_reading_order(crawl: Crawl) -> None:
    db = schema.open_db(crawl.db)
    (article,) = list(db[schema.ARTICLES].rows)
    body = article["body"]
    assert "1 | Josh Kerr | GBR | 3:45.34" in body
    assert "3 | Gudaf Tsegay | ETH | 14:59.81" in body
    assert "Bislett Games | Oslo | May 30" in body
    assert body.index("Bowerman Mile\n\nPlace | Athlete") < body.index("In the women's 5000")


def test_the_results_tables_are_one_results_document_of_the_article(crawl: Crawl) -> None:
    db = schema.open_db(crawl.db)
    (doc,) = [d for d in db[schema.RESULT_DOCS].rows if d["url_key"] == crawl.key]
    assert (doc["status"], doc["events"], doc["rows"]) == ("parsed", 2, 7)
    events = {
        e["id"]: e["name"]
        for e in db[schema.RESULT_EVENTS].rows_where("document_id = ?", [doc["id"]])
    }
    assert sorted(events.values()) == ["Bowerman Mile", "Women's 5000 Meters"]
    rows = {
        (events[r["event_id"]], r["place"], r["athlete"], r["team"], r["mark_raw"])
        for r in db[schema.RESULTS].rows_where("document_id = ?", [doc["id"]])
    }
    assert ("Bowerman Mile", 1, "Josh Kerr", "GBR", "3:45.34") in rows
    assert ("Women's 5000 Meters", 3, "Gudaf Tsegay", "ETH", "14:59.81") in rows
    assert not any("Oslo" in str(r) for r in rows)  # the schedule is no results table


def test_a_second_crawl_adds_nothing(crawl: Crawl) -> None:
    db = schema.open_db(crawl.db)
    assert db[schema.ARTICLES].count == 1
    assert db[schema.RESULT_DOCS].count == 1
    assert db[schema.RESULTS].count == 7
    assert "unchanged" in crawl.runs[1].stdout


def test_only_tables_of_results_make_the_document() -> None:
    html = (SITE / "story" / "prefontaine-mile.html").read_text(encoding="utf-8")
    art = extract(html, "https://gazette.example/story/x.html", "2024-05-27T12:00:00+00:00")
    assert len(art.results_tables) == 2
    doc = parse_results(tables_document(art), art.url)
    assert doc.meet.date == "2024-05-26"  # the article's day, in its zone
    assert [len(e.rows) for e in doc.events] == [4, 3]
    no_results = html.replace('class="results"', "").replace("3:4", "3-4").replace("14:", "14-")
    assert extract(no_results, art.url, art.fetched_at).results_tables == []


def test_a_runnerspace_article_gives_its_results_tables_too() -> None:
    page = SITE.parent / "runnerspace" / "gprofile.php"
    html = (page / "do=news&mgroup_id=44609&news_id=700101.html").read_text(encoding="utf-8")
    table = (
        "<p>Bowerman Mile</p><table><tr><th>Pl</th><th>Name</th><th>Team</th><th>Time</th></tr>"
        "<tr><td>1</td><td>Josh Kerr</td><td>Brooks Beasts</td><td>3:45.34</td></tr>"
        "<tr><td>2</td><td>Yared Nuguse</td><td>On Athletics Club</td><td>3:45.61</td></tr>"
        "</table>"
    )
    html = html.replace("<p>Why?</p>", table + "<p>Why?</p>", 1)
    url = "https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=700101"
    art = extract(html, url, "2024-05-27T12:00:00+00:00")
    assert art.parser.startswith("runnerspace/")
    assert "Pl | Name | Team | Time\n1 | Josh Kerr | Brooks Beasts | 3:45.34" in art.body
    (tables,) = art.results_tables
    doc = parse_results(tables_document(art), art.url)
    assert [(r.place, r.athlete, r.mark_raw) for r in doc.events[0].rows] == [
        (1, "Josh Kerr", "3:45.34"),
        (2, "Yared Nuguse", "3:45.61"),
    ]
