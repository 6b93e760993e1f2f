"""Web archives: a WARC written by the test (warcio) from the fixture site's responses imports to
the same articles as a live crawl of the same pages; so do the WARC that `crawl --warc-out` wrote
during that crawl, and a WACZ holding the test's WARC. Each imported page records its archive
file and record offset."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import urllib.request
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scraper.cli import cli as main_cli
from scraper.cli.siteserver import SiteServer

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "runnerspace"
CONTENT = (
    "canonical_url",
    "url",
    "headline",
    "dek",
    "authors",
    "byline_raw",
    "publisher",
    "published_raw",
    "published_at",
    "timezone",
    "photo_credit",
    "meet_name",
    "meet_year",
    "meet_event_id",
    "body",
    "word_count",
    "language",
    "parser",
    "content_hash",
)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for name in ("ARCHIVE_DB", "MEETARCHIVE_SOURCES"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "scraper.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str = ""


def import_warc(*args: str) -> Result:
    """`meetarchive import-warc ...` in this process (no reactor is involved)."""
    result = CliRunner().invoke(
        main_cli, ["import-warc", *args], env={"ARCHIVE_DB": None, "MEETARCHIVE_SOURCES": None}
    )
    return Result(result.exit_code, result.output)


def articles(db: Path) -> dict[str, dict]:
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    rows = con.execute(f"SELECT {', '.join(CONTENT)} FROM articles").fetchall()
    con.close()
    return {row["canonical_url"]: dict(row) for row in rows}


RESULT_FIELDS = (
    "d.url",
    "d.status",
    "d.format",
    "m.name AS meet",
    "m.date AS meet_date",
    "e.name AS event_name",
    "e.round AS event_round",
    "r.place",
    "r.athlete",
    "r.team",
    "r.year",
    "r.mark_raw",
    "r.mark",
    "r.unit",
    "r.wind",
    "r.status",
    "r.flags",
    "r.raw",
    "r.meet_name",
    "r.source",
)


def result_rows(db: Path, without: tuple[str, ...] = ()) -> list[tuple]:
    """Every result row with its document, event and meet, in a stable order (ids aside)."""
    fields = [f for f in RESULT_FIELDS if f not in without]
    con = sqlite3.connect(db)
    rows = con.execute(
        f"SELECT {', '.join(fields)} FROM results r "
        "JOIN result_documents d ON d.id = r.document_id JOIN result_events e ON e.id = r.event_id "
        "LEFT JOIN meets m ON m.id = r.meet_id ORDER BY d.url, e.position, r.position"
    ).fetchall()
    con.close()
    return rows


def write_test_warc(path: Path, server: SiteServer, requests: list[tuple[str, str]]) -> None:
    """Fetch each (host, path) again from the fixture server and write its response with warcio,
    plus the challenge page."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for host, p in [*requests, ("127.0.0.1", "/challenge/")]:
            url = server.url(p, host=host)
            try:
                resp = urllib.request.urlopen(url, timeout=10)
            except urllib.error.HTTPError as err:  # the challenge answers 403
                resp = err
            body = resp.read()
            http = StatusAndHeaders(
                f"{resp.status} {resp.reason}", list(resp.headers.items()), protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=BytesIO(body),
                    length=len(body),
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": "2026-11-20T10:00:00Z"},
                )
            )


@dataclass
class Runs:
    tmp: Path
    live: subprocess.CompletedProcess[str]
    test_warc: Path
    crawl_warcs: list[Path]
    fetched: list[str]  # URLs the server answered during the live crawl


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    tmp = tmp_path_factory.mktemp("warc")
    site = tmp / "site"
    shutil.copytree(SITE, site)
    robots = site / "robots.txt"
    robots.write_text(robots.read_text().replace("Crawl-delay: 0.5", "Crawl-delay: 0.05"))
    with SiteServer(site) as server:
        starts = f"{server.url('/')},{server.url('/eprofile.php?event_id=120', host='localhost')}"
        live = cli(
            "crawl",
            "runnerspace",
            "--db",
            str(tmp / "live.db"),
            "--warc-out",
            str(tmp / "warcs"),
            "-a",
            f"start_urls={starts}",
            "-s",
            "DOWNLOAD_DELAY=0",
            "-s",
            "AUTOTHROTTLE_START_DELAY=0",
        )
        fetched = list(dict.fromkeys((r.host, r.path) for r in server.log))
        write_test_warc(tmp / "test.warc.gz", server, fetched)
    return Runs(
        tmp,
        live,
        tmp / "test.warc.gz",
        sorted((tmp / "warcs").glob("*.warc.gz")),
        [server.url(p, host=h) for h, p in fetched],
    )


def test_live_crawl_succeeds(runs: Runs):
    assert runs.live.returncode == 0, runs.live.stdout + runs.live.stderr[-3000:]
    assert len(articles(runs.tmp / "live.db")) >= 9


def test_test_warc_imports_to_the_same_articles_as_the_live_crawl(runs: Runs):
    db = runs.tmp / "from-test-warc.db"
    proc = import_warc(str(runs.test_warc), "--db", str(db))
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert articles(db) == articles(runs.tmp / "live.db")


def test_challenge_page_in_an_archive_is_recorded_as_blocked(runs: Runs):
    db = runs.tmp / "blocked.db"
    import_warc(str(runs.test_warc), "--db", str(db))
    con = sqlite3.connect(db)
    rows = con.execute("SELECT url, reason FROM rejects").fetchall()
    con.close()
    assert [(u.rsplit("/", 2)[-2], r) for u, r in rows] == [("challenge", "blocked")]


def test_crawl_warc_out_writes_every_response(runs: Runs):
    [warc] = runs.crawl_warcs
    with warc.open("rb") as f:
        records = [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(f)
        ]
    responses = [url for kind, url in records if kind == "response"]
    assert any(url.endswith("/robots.txt") for url in responses)
    assert sorted(set(responses)) == sorted(runs.fetched)
    assert records.count(("request", responses[0])) == 1  # each response has its request


def test_crawl_warc_imports_to_the_same_articles_as_the_live_crawl(runs: Runs):
    db = runs.tmp / "from-crawl-warc.db"
    proc = import_warc(*map(str, runs.crawl_warcs), "--db", str(db))
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert articles(db) == articles(runs.tmp / "live.db")


def test_crawl_warc_imports_to_the_same_results_as_the_live_crawl(runs: Runs):
    """The Hy-Tek text file and the PDF as well as the Results pages (import-warc once kept only
    the HTML ones: 6 of 19 rows)."""
    db = runs.tmp / "results-from-crawl-warc.db"
    proc = import_warc(*map(str, runs.crawl_warcs), "--db", str(db))
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    live = result_rows(runs.tmp / "live.db")
    assert len(live) == 19
    assert {row[0].rsplit(".", 1)[-1] for row in live} >= {"txt", "pdf"}
    assert result_rows(db) == live
    assert articles(db) == articles(runs.tmp / "live.db")
    assert "4 results" in proc.stdout
    # every page the crawl stored, as it did (the source name aside: a page on 127.0.0.1 that no
    # RunnerSpace URL pattern or Results page names is "warc" in an import)
    assert pages(db) == pages(runs.tmp / "live.db")


def pages(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    rows = con.execute(
        "SELECT url, status, kind, body_sha1, json_extract(meta, '$.listing') "
        "FROM pages ORDER BY url"
    ).fetchall()
    con.close()
    return rows


def test_results_files_are_imported_without_request_records_too(runs: Runs):
    """The test's WARC holds responses only (no Referer to say a Results page linked the files):
    a results file that is not HTML is still one; robots.txt is not (the View More JSON is a
    listing page, as in the crawl)."""
    db = runs.tmp / "results-from-test-warc.db"
    proc = import_warc(str(runs.test_warc), "--db", str(db))
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    # the source aside: without the linking page, a file on a timing host is no RunnerSpace page
    assert result_rows(db, without=("r.source",)) == result_rows(
        runs.tmp / "live.db", without=("r.source",)
    )
    assert "skipped:   2 not HTML record(s)" in proc.stdout  # robots.txt of the two hosts


def test_wacz_imports_like_its_warc(runs: Runs):
    wacz = runs.tmp / "test.wacz"
    with zipfile.ZipFile(wacz, "w") as z:
        z.write(runs.test_warc, "archive/data.warc.gz")
        z.writestr("datapackage.json", "{}")
    db = runs.tmp / "from-wacz.db"
    proc = import_warc(str(wacz), "--db", str(db))
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert articles(db) == articles(runs.tmp / "live.db")


def test_each_page_records_its_archive_file_and_offset(runs: Runs):
    db = runs.tmp / "provenance.db"
    import_warc(str(runs.test_warc), "--db", str(db))
    con = sqlite3.connect(db)
    rows = con.execute("SELECT url, meta FROM pages").fetchall()
    con.close()
    assert rows
    with runs.test_warc.open("rb") as f:
        for url, meta in rows:
            where = json.loads(meta)["warc"]
            assert where["file"] == "test.warc.gz"
            f.seek(where["offset"])
            record = next(iter(ArchiveIterator(f)))
            assert record.rec_headers.get_header("WARC-Target-URI") == url


def test_importing_twice_adds_nothing(runs: Runs):
    db = runs.tmp / "twice.db"
    import_warc(str(runs.test_warc), "--db", str(db))
    proc = import_warc(str(runs.test_warc), "--db", str(db))
    assert " 0 new, 0 updated" in proc.stdout
    assert len(articles(db)) == len(articles(runs.tmp / "live.db"))


def test_a_corrupt_archive_is_reported_and_the_others_imported(runs: Runs, tmp_path: Path):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00garbage")
    db = tmp_path / "a.db"
    proc = import_warc(str(bad), str(runs.test_warc), "--db", str(db))
    assert proc.returncode == 1
    assert "UNREADABLE: " in proc.stdout
    assert len(articles(db)) == len(articles(runs.tmp / "live.db"))


def test_an_html_results_file_is_results_when_a_results_page_linked_it(tmp_path: Path):
    """A Hy-Tek .htm file is HTML: only the Referer of its request (a Results page) tells it
    from an article, as the spider knows it from the page it followed it from."""
    from scraper.crawl.warc import read_archive
    from scraper.crawl.warcout import write_response

    results = "https://nxn.runnerspace.com/eprofile.php?do=title&title_id=187&event_id=13"
    article = "https://timing.example/news/2024/kerr.htm"
    html = [("Content-Type", "text/html")]
    path = tmp_path / "htm.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        write_response(
            writer,
            "https://timing.example/2024/pre/mile.htm",
            200,
            "OK",
            html,
            b"<pre>Event 31 Men Bowerman Mile</pre>",
            [("Referer", results)],
        )
        write_response(
            writer,
            article,
            200,
            "OK",
            html,
            b"<p>Kerr wins</p>",
            [("Referer", "https://timing.example/news/")],
        )
        write_response(
            writer,
            "https://timing.example/2024/pre/relay.htm",
            200,
            "OK",
            html,
            b"<pre>Event 12</pre>",
        )  # no request record: no Referer
        write_response(
            writer,
            "https://timing.example/robots.txt",
            200,
            "OK",
            [("Content-Type", "text/plain")],
            b"User-agent: *",
            [("Referer", results)],
        )
    pages = [
        (r.page.url.rsplit("/", 1)[1], r.page.kind, r.page.source, r.page.meta.get("listing"))
        if r.page
        else r.skipped
        for r in read_archive(path)
        if r.skipped != ""
    ]
    assert pages == [
        ("mile.htm", "results", "runnerspace", results),
        ("kerr.htm", "article", "warc", "https://timing.example/news/"),
        ("relay.htm", "article", "warc", None),
        "not HTML",
    ]
