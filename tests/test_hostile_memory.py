"""Memory without bound (issue 19), second round: every command stays under the 300 MB a crawl
keeps (``RSS_LIMIT_MB``), measured on the real command in a subprocess, and ends as a user would
expect: a crawled document over a bound is a recorded reject or an unparsed results document with
its reason, a local file over a bound one line and exit code 1, an SQL query over a bound a
one-line error from the server, which goes on answering.

The hostile documents are built at test time (tests/bombs.py): a 176 KB results PDF whose Flate
stream inflates to 150 MB, a 38 KB one whose 200 pages draw the same 2 MB, a monospace one drawing
every piece on one line, a 16 MB HTML results table, 2,000 small tables, listing pages of 200,000
and 35,000 links, a WACZ of 200 KB holding a 200 MB header line, a file of 700 MB. Each process is
killed after ``TIMEOUT`` seconds (then the case fails): before these bounds several ran for many
minutes.
"""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from scraper.cli.siteserver import SiteServer
from tests import bombs
from tests.hostile_report import MEASURES, REPO, RSS_LIMIT_MB, crawl_env, high_water_mb
from tests.hostile_report import run_measured as measured

TIMEOUT = 120
RESULTS_FILES: dict[str, tuple[Any, str | None]] = {
    # file name -> (builder, what the unparsed document's reason says; None: it is read)
    "flate-bomb.pdf": (bombs.pdf_flate_bomb, "PDF stream over 4 MB of drawing instructions"),
    "cpu-bomb.pdf": (bombs.pdf_cpu_bomb, "PDF pages over 8 MB of drawing instructions"),
    "one-line.pdf": (lambda: bombs.pdf_one_line(pages=4), "PDF pages over 2 MB"),
    "table-16mb.htm": (bombs.results_table, "HTML of 2,297,"),
    "tables-2000.htm": (bombs.many_tables, None),
}
QUICK = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "--full"]


def run_measured(args: list[str], workdir: Path, label: str) -> Any:
    done = measured(args, workdir, label, timeout=TIMEOUT)
    MEASURES.notes.append(f"{label}: peak RSS {done.peak_rss_mb:.0f} MB, {done.seconds:.1f} s")
    assert done.returncode != -9, f"{label} still running after {TIMEOUT} s"
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.peak_rss_mb < RSS_LIMIT_MB, f"{label}: {done.peak_rss_mb:.0f} MB"
    return done


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site of hostile documents in the URL layout the local SiteServer serves."""
    root = tmp_path_factory.mktemp("hostile-site")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    (root / "results").mkdir()
    for name, (build, _) in RESULTS_FILES.items():
        (root / "results" / name).write_bytes(build())
    links = "".join(f'<a href="/results/{name}">{name}</a> ' for name in RESULTS_FILES)
    section = root / "eprofile.php"
    section.mkdir()
    (section / "do=title&event_id=77&title_id=5.html").write_text(
        f"<html><body><h1>Results</h1><div class='main'>{links}</div></body></html>"
    )
    (root / "listing-200k.html").write_bytes(bombs.listing(200_000))
    (root / "listing-35k.html").write_bytes(bombs.listing(35_000))
    return root


@pytest.fixture(scope="module")
def crawled(site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The runnerspace spider crawls the Results section, the news spider the listings; then
    `reparse` replays that archive."""
    work = tmp_path_factory.mktemp("hostile-memory")
    db = work / "archive.db"
    with SiteServer(site) as server:
        results = server.url("/eprofile.php?do=title&event_id=77&title_id=5")
        first = run_measured(
            ["crawl", "runnerspace", "--db", str(db), "-a", f"start_urls={results}", *QUICK],
            work,
            "memory-crawl-results",
        )
        sources = work / "sources.toml"
        starts = ", ".join(f'"{server.url(f"/listing-{n}.html")}"' for n in ("200k", "35k"))
        sources.write_text(
            f'[sources.big]\nstart_urls = [{starts}]\nallow = ["/story/"]\n'
            "concurrency = 8\ndelay = 0\n"
        )
        listings = run_measured(
            ["crawl", "news", "--db", str(db), "--sources", str(sources), "-a", "source=big"]
            + [*QUICK, "-s", "CLOSESPIDER_PAGECOUNT=40"],
            work,
            "memory-crawl-listings",
        )
        url = server.url
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    docs = {r["url"]: dict(r) for r in conn.execute("SELECT * FROM result_documents")}
    rejects = {r["url"]: dict(r) for r in conn.execute("SELECT * FROM rejects")}
    conn.close()
    again = run_measured(["reparse", "--db", str(db)], work, "memory-reparse")
    return {
        "db": db,
        "url": url,
        "first": first,
        "listings": listings,
        "docs": docs,
        "rejects": rejects,
        "reparse": again,
    }


@pytest.mark.parametrize("name", sorted(RESULTS_FILES))
def test_a_crawled_results_file_over_a_bound_is_unparsed_with_its_reason(crawled, name):
    doc = crawled["docs"][crawled["url"](f"/results/{name}")]
    says = RESULTS_FILES[name][1]
    if says is None:
        assert doc["status"] == "parsed", doc
        assert doc["rows"] == 2_000
    else:
        assert doc["status"] == "unparsed", doc
        assert says in doc["reason"]


def test_the_crawls_and_the_reparse_end_cleanly(crawled):
    assert crawled["first"].returncode == 0, crawled["first"].stdout
    assert crawled["listings"].returncode == 0, crawled["listings"].stdout
    assert crawled["reparse"].returncode == 0, crawled["reparse"].stdout
    assert "Reparsed" in crawled["reparse"].stdout


@pytest.mark.parametrize(
    ("listing", "detail"),
    [
        ("/listing-200k.html", "not read: 800,010 tags"),  # 200,000 links, 4 tags each
        ("/listing-35k.html", "cut at 2,000 of its 35,000 links"),
    ],
)
def test_a_listing_over_a_bound_is_an_incomplete_document(crawled, listing, detail):
    reject = crawled["rejects"][crawled["url"](listing)]
    assert reject["reason"] == "incomplete document"
    assert detail in reject["detail"], reject


@pytest.mark.parametrize("name", sorted(RESULTS_FILES))
def test_meetarchive_results_reads_each_within_bounds(site, tmp_path, name):
    done = run_measured(["results", str(site / "results" / name)], tmp_path, f"results-{name}")
    out = json.loads(done.stdout)
    says = RESULTS_FILES[name][1]
    if says is None:
        assert done.returncode == 0, out.get("_error")
        assert out["events"]
    else:
        assert done.returncode == 1
        assert says in out["_error"]


def test_a_wacz_with_a_huge_header_line_is_reported_unreadable(tmp_path):
    wacz = bombs.wacz_long_header(tmp_path / "long-line.wacz")
    done = run_measured(
        ["import-warc", str(wacz), "--db", str(tmp_path / "archive.db")], tmp_path, "warc-line"
    )
    assert done.returncode == 1
    assert f"{wacz}: malformed record at byte 0: HeaderLineTooLong: a header line over 64 KB" in (
        done.stdout
    )
    assert f"UNREADABLE: {wacz}: no WARC records in it" in done.stdout


@pytest.mark.parametrize("command", ["extract", "results"])
def test_a_700_mb_local_file_is_refused_before_it_is_read(tmp_path, command):
    big = bombs.sparse_file(tmp_path / "big.html")
    done = run_measured([command, str(big)], tmp_path, f"{command}-700mb")
    assert done.returncode == 1
    assert done.stderr == (
        f"Error: {big} is 700.0 MB, over the 16 MB a crawl downloads (DOWNLOAD_MAXSIZE): not read\n"
    )
    assert done.peak_rss_mb < 100  # nothing of it was read


# -- meetarchive serve --------------------------------------------------------------------------

TIME_LIMIT_MS = 1000
# query -> what the server's one-line error says (None: it answers, quickly)
SQL_CASES: dict[str, str | None] = {
    "select length(randomblob(1000000000))": "string or blob too big",
    "select length(zeroblob(1000000000))": "string or blob too big",
    "select length(printf('%.*c', 1000000000, 'x'))": None,  # NULL at once, as for too big
    "with recursive c(i) as (select 1 union all select i + 1 from c where i < 1000) "
    "select i, randomblob(16000000) from c": "query result over 24 MB",
    "with recursive c(i) as (select 1 union all select i + 1 from c where i < 200000) "
    "select group_concat(hex(randomblob(80))) from c": "string or blob too big",
    "with recursive c(i) as (select 1 union all select i + 1 from c where i < 10000000) "
    "select i, hex(randomblob(100)) from c order by 2": "SQL query took too long",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.archive_helpers import article_html, build_stages, make_crawler, page, run_stages

    db = tmp_path_factory.mktemp("serve") / "archive.db"
    stages = build_stages(make_crawler(db))
    run_stages(stages, page(body=article_html("Kerr Wins The Bowerman Mile")))
    stages[-1].close_spider()
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "scraper.cli", "serve", "--db", str(db), "--port", str(port)]
        + ["--sql-time-limit-ms", str(TIME_LIMIT_MS)],
        cwd=REPO,
        env=crawl_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(f"{base}/-/versions.json", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    yield {"proc": proc, "base": base}
    peak = high_water_mb(proc.pid) or 0.0
    proc.terminate()
    proc.wait(timeout=30)
    MEASURES.peak_rss_mb["serve"] = peak


def ask(base: str, sql: str) -> tuple[int, dict[str, Any] | list[Any], float]:
    url = f"{base}/archive.json?" + urllib.parse.urlencode({"sql": sql})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read()
    return status, json.loads(body), time.monotonic() - started


@pytest.mark.parametrize("sql", list(SQL_CASES))
def test_one_query_stays_within_the_server_bounds(server, sql):
    status, body, seconds = ask(server["base"], sql)
    MEASURES.notes.append(f"serve {sql[:40]!r}...: {status} in {seconds:.1f} s")
    says = SQL_CASES[sql]
    assert isinstance(body, dict)
    if says is None:
        assert status == 200, body
        assert body["rows"] == [[None]]
    else:
        assert status == 400, body
        assert says in body["error"]
    peak = high_water_mb(server["proc"].pid)
    assert peak is not None
    assert peak < RSS_LIMIT_MB
    status, body, _ = ask(server["base"], "select count(*) from articles")
    assert status == 200  # the server goes on answering
    assert body["rows"] == [[1]]


def test_printf_under_the_bound_is_sqlites_own(server):
    status, body, _ = ask(
        server["base"], "select printf('%05d|%.2f|%s|%.*c', 42, 3.14159, 'x', 3, 'y')"
    )
    assert status == 200, body
    assert body["rows"] == [["00042|3.14|x|yyy"]]
