"""Real crawls: `meetarchive crawl runnerspace` over HTTP against the fixture site on a local
server.

The server answers every host name on one port: 127.0.0.1 stands for www.dyestat.com and localhost
for another RunnerSpace host (an event's sub-domain). Assertions are on the server's request log and
on the rows of the SQLite archive.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import sqlite_utils
from protego import Protego

from pipelines import db as schema
from scraper.cli.siteserver import SiteServer
from scraper.parsers.keys import canonical_url

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "runnerspace"
USER_AGENT = "meetarchive"
FIXTURE_ARTICLES = {700101, 700102, 700103, 700104, 700105, 700106, 700107, 700108, 700109, 700120}
EXIT_BLOCKED = 3


@dataclass
class Run:
    proc: subprocess.CompletedProcess[str]
    server: SiteServer
    db: Path


MISSING = "/gprofile.php?mgroup_id=44609&do=news&news_id=799999"  # not in the fixture: HTTP 404


def start_urls(server: SiteServer, challenge: bool = True) -> str:
    """DyeStat's home on 127.0.0.1, the event's own host on localhost; for the first crawl also
    the challenge page and an article URL the site answers with 404."""
    urls = [server.url("/"), server.url("/eprofile.php?event_id=120", host="localhost")]
    if challenge:
        urls += [server.url("/challenge/"), server.url(MISSING)]
    return ",".join(urls)


def crawl_command(db: Path, starts: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "scraper.cli",
        "crawl",
        "runnerspace",
        "--db",
        str(db),
        "-a",
        f"start_urls={starts}",
        # Only the robots.txt Crawl-delay (0.5 s in the fixture) keeps requests apart.
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_START_DELAY=0",
    ]


def crawl_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("ARCHIVE_DB", None)
    return env


def run_crawl(
    server: SiteServer, db: Path, challenge: bool = True, extra: tuple[str, ...] = ()
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*crawl_command(db, start_urls(server, challenge)), *extra],
        cwd=REPO,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=180,
    )


def rows(db: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def article_keys(db: Path) -> list[str]:
    return [r[0] for r in rows(db, f"SELECT canonical_url FROM {schema.ARTICLES}")]


def expected_keys() -> list[str]:
    """The canonical URLs of the fixture articles (700109 is event-owned)."""
    keys = []
    for nid in sorted(FIXTURE_ARTICLES):
        if nid == 700109:
            url = f"http://x/eprofile.php?event_id=120&do=news&news_id={nid}"
        else:
            url = f"http://x/gprofile.php?mgroup_id=44609&do=news&news_id={nid}"
        keys.append(canonical_url(url))
    return sorted(keys)


@pytest.fixture(scope="module")
def site_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site") / "runnerspace"
    shutil.copytree(SITE, root)
    return root


@pytest.fixture(scope="module")
def first_crawl(site_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Run:
    db = tmp_path_factory.mktemp("db") / "archive.db"
    with SiteServer(site_copy) as server:
        proc = run_crawl(server, db)
    return Run(proc, server, db)


def news_id(path: str) -> int | None:
    query = dict(parse_qsl(urlsplit(path).query))
    return int(query["news_id"]) if query.get("do") == "news" and "news_id" in query else None


def test_crawl_reaches_both_hosts(first_crawl: Run):
    hosts = {r.host for r in first_crawl.server.log}
    assert hosts == {"127.0.0.1", "localhost"}, first_crawl.proc.stderr[-3000:]


def test_every_fixture_article_is_requested_exactly_once(first_crawl: Run):
    requested = [
        news_id(r.path) for r in first_crawl.server.log if news_id(r.path) and r.path != MISSING
    ]
    assert sorted(requested) == sorted(FIXTURE_ARTICLES)


def test_the_two_host_article_is_requested_under_one_host_only(first_crawl: Run):
    hits = [r for r in first_crawl.server.log if news_id(r.path) == 700105]
    assert len(hits) == 1


def test_listings_and_results_are_crawled(first_crawl: Run):
    paths = {r.path for r in first_crawl.server.log}
    assert "/gprofile.php?mgroup_id=44609&year=2024&do=news" in paths  # year archive
    assert any("sub=load" in p and "wall_type=news" in p for p in paths)  # View More loader
    assert "/eprofile.php?do=news&event_id=120" in paths  # event news list
    assert "/eprofile.php?do=title&title_id=187&event_id=120" in paths  # Results
    assert "/eprofile.php?event_id=120&title_id=187&do=title&folder_id=190" in paths  # older year


def test_requests_to_one_host_are_at_least_the_crawl_delay_apart(first_crawl: Run):
    delay = Protego.parse((SITE / "robots.txt").read_text()).crawl_delay(USER_AGENT)
    assert delay
    for host in ("127.0.0.1", "localhost"):
        times = sorted(r.time for r in first_crawl.server.requests_to(host))
        assert len(times) >= 5
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        assert min(gaps) >= delay, (host, gaps)


def test_no_robots_disallowed_path_is_ever_requested(first_crawl: Run):
    robots = Protego.parse((SITE / "robots.txt").read_text())
    for r in first_crawl.server.log:
        assert robots.can_fetch(f"http://{r.host}{r.path}", USER_AGENT), r.path
    # the fixture does link a disallowed path (an article URL under /staging/): it was held back
    assert "disallowed by robots.txt" in first_crawl.proc.stdout


def test_nothing_is_requested_twice(first_crawl: Run):
    seen = [(r.host, r.path) for r in first_crawl.server.log]
    assert len(seen) == len(set(seen))


def test_challenge_page_makes_the_crawl_exit_blocked(first_crawl: Run):
    assert first_crawl.proc.returncode == EXIT_BLOCKED, first_crawl.proc.stderr[-3000:]
    out = first_crawl.proc.stdout
    for expected in ("BLOCKED", "/challenge/", "cloudflare challenge", "advice:"):
        assert expected in out


def test_challenge_page_is_requested_once_and_never_retried(first_crawl: Run):
    assert [r.path for r in first_crawl.server.log].count("/challenge/") == 1


# -- the archive ---------------------------------------------------------------------------------


def test_every_fixture_article_is_stored_exactly_once(first_crawl: Run):
    assert sorted(article_keys(first_crawl.db)) == expected_keys(), first_crawl.proc.stdout


def test_the_two_host_article_is_one_row(first_crawl: Run):
    key = canonical_url("http://localhost/gprofile.php?mgroup_id=44609&do=news&news_id=700105")
    assert article_keys(first_crawl.db).count(key) == 1


EVENT_PREVIEW = "/eprofile.php?event_id=120&do=news&news_id=700109"
WALL_PREVIEW = "/gprofile.php?mgroup_id=44609&do=news&news_id=700109"


def test_the_article_linked_under_both_profiles_is_requested_once_and_stored_once(first_crawl: Run):
    """700109 is linked from the event's news list (eprofile) and from DyeStat's 2024 archive
    (gprofile): one news_id, one request, one row."""
    assert {
        "/eprofile.php?do=news&event_id=120",
        "/gprofile.php?mgroup_id=44609&year=2024&do=news",
    } <= {r.path for r in first_crawl.server.log}
    assert [news_id(r.path) for r in first_crawl.server.log].count(700109) == 1
    [(key, url)] = rows(
        first_crawl.db,
        f"SELECT canonical_url, url FROM {schema.ARTICLES} "
        "WHERE canonical_url LIKE '%news_id=700109'",
    )
    assert key == "https://www.runnerspace.com/news.php?news_id=700109"
    assert urlsplit(url).path + "?" + urlsplit(url).query in (EVENT_PREVIEW, WALL_PREVIEW)


def test_one_article_reached_through_an_event_then_a_group_wall_is_one_row(
    site_copy: Path, tmp_path: Path
):
    """Crawls starting at each profile's URL of 700109: the second finds it archived (its key is
    the news_id) and does not fetch it; forced to (--full), it stores the page and no new row."""
    db = tmp_path / "archive.db"
    with SiteServer(site_copy) as server:
        event = server.url(EVENT_PREVIEW, host="localhost")
        wall = server.url(WALL_PREVIEW)
        crawls = [
            subprocess.run(
                crawl_command(db, url) + extra,
                cwd=REPO,
                env=crawl_env(),
                capture_output=True,
                text=True,
                timeout=120,
            )
            for url, extra in ((event, []), (wall, []), (wall, ["--full"]))
        ]
    for proc in crawls:
        assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    fetched = [(r.host, r.path) for r in server.log if news_id(r.path)]
    assert fetched == [("localhost", EVENT_PREVIEW), ("127.0.0.1", WALL_PREVIEW)]
    assert "1 new, 0 updated, 0 unchanged" in crawls[0].stdout
    assert "0 new, 0 updated, 0 unchanged" in crawls[1].stdout
    assert "0 new, 0 updated, 1 unchanged" in crawls[2].stdout
    assert article_keys(db) == ["https://www.runnerspace.com/news.php?news_id=700109"]
    pages = rows(db, f"SELECT url FROM {schema.PAGES} WHERE kind = 'article' ORDER BY id")
    assert pages == [(event,), (wall,)]


def test_challenge_page_is_recorded_as_blocked(first_crawl: Run):
    rejects = rows(first_crawl.db, f"SELECT url, reason FROM {schema.REJECTS}")
    blocked = [url for url, reason in rejects if reason == "blocked"]
    assert blocked == [first_crawl.server.url("/challenge/")]


def test_challenge_page_is_never_parsed_as_content(first_crawl: Run):
    urls = [r[0] for r in rows(first_crawl.db, f"SELECT url FROM {schema.ARTICLES}")]
    assert not any("challenge" in url for url in urls)


def test_an_http_error_is_recorded_as_a_reject(first_crawl: Run):
    rejects = rows(first_crawl.db, f"SELECT url, reason, detail FROM {schema.REJECTS}")
    assert (first_crawl.server.url(MISSING), "http error", "HTTP 404") in rejects


def test_no_other_rejects(first_crawl: Run):
    rejects = rows(first_crawl.db, f"SELECT reason FROM {schema.REJECTS} ORDER BY reason")
    assert rejects == [("blocked",), ("http error",)]


def test_a_download_without_response_is_recorded_and_exits_with_errors(tmp_path: Path):
    db = tmp_path / "archive.db"
    with SiteServer(SITE) as server:
        dead = server.url(MISSING)
    # the server is stopped: its port refuses connections
    proc = subprocess.run(
        crawl_command(db, dead) + ["-s", "RETRY_TIMES=0"],
        cwd=REPO,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr[-3000:]
    assert rows(db, f"SELECT url, reason FROM {schema.REJECTS}") == [(dead, "fetch error")]
    assert "failed:" in proc.stdout


def test_an_unknown_spider_is_a_usage_error(tmp_path: Path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "scraper.cli",
            "crawl",
            "no-such-spider",
            "--db",
            str(tmp_path / "a.db"),
        ],
        cwd=REPO,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "unknown spider 'no-such-spider'" in proc.stderr


def test_every_response_is_stored_as_a_page(first_crawl: Run):
    fetched = [r for r in first_crawl.server.log if r.path != "/robots.txt"]
    stored = rows(first_crawl.db, f"SELECT count(*) FROM {schema.PAGES}")[0][0]
    assert stored == len(fetched)


def test_summary_counts_new_articles(first_crawl: Run):
    assert f"{len(FIXTURE_ARTICLES)} new, 0 updated, 0 unchanged" in first_crawl.proc.stdout


# -- crawling again --------------------------------------------------------------------------------


@pytest.mark.slow
def test_recrawl_adds_no_rows_and_a_changed_article_adds_one_revision(
    first_crawl: Run, site_copy: Path, tmp_path: Path
):
    db = tmp_path / "archive.db"
    shutil.copy(first_crawl.db, db)
    with SiteServer(site_copy) as server:
        again = run_crawl(server, db, challenge=False)
    assert again.returncode == 0, again.stdout + again.stderr[-3000:]
    assert sorted(article_keys(db)) == expected_keys()
    assert rows(db, f"SELECT count(*) FROM {schema.REVISIONS}") == [(0,)]
    assert "0 new, 0 updated," in again.stdout

    changed = tmp_path / "site"
    shutil.copytree(site_copy, changed)
    page = changed / "gprofile.php" / "do=news&mgroup_id=44609&news_id=700106.html"
    key = canonical_url("http://x/gprofile.php?mgroup_id=44609&do=news&news_id=700106")
    body = rows(db, f"SELECT body FROM {schema.ARTICLES} WHERE canonical_url = ?", key)[0][0]
    last_paragraph = body.split("\n\n")[-1]
    html = page.read_text(encoding="utf-8")
    assert last_paragraph in html
    page.write_text(
        html.replace(last_paragraph, last_paragraph + " (Corrected.)", 1), encoding="utf-8"
    )
    with SiteServer(changed) as server:
        # revisit every archived page now (conditional requests: unchanged ones answer 304)
        third = run_crawl(server, db, challenge=False, extra=("-s", "REVISIT_POLICY=0"))
    assert third.returncode == 0, third.stdout + third.stderr[-3000:]
    assert sorted(article_keys(db)) == expected_keys()
    revisions = rows(
        db,
        f"SELECT a.canonical_url FROM {schema.REVISIONS} r "
        f"JOIN {schema.ARTICLES} a ON a.id = r.article_id",
    )
    assert revisions == [(key,)]
    assert "0 new, 1 updated," in third.stdout


# -- a crawl killed in the middle ------------------------------------------------------------------


@pytest.mark.slow
def test_crawl_killed_mid_way_leaves_a_sound_archive_that_the_next_run_completes(
    site_copy: Path, tmp_path: Path
):
    db = tmp_path / "archive.db"
    with SiteServer(site_copy) as server:
        proc = subprocess.Popen(
            crawl_command(db, start_urls(server, challenge=False)),
            cwd=REPO,
            env=crawl_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            if sum(1 for r in server.log if news_id(r.path)) >= 4:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the crawl ended before it could be killed"
        time.sleep(0.1)  # let the pipeline be in the middle of writing
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        partial = len(article_keys(db))
        assert rows(db, "PRAGMA integrity_check") == [("ok",)]
        assert 0 < partial < len(FIXTURE_ARTICLES)

        resumed = run_crawl(server, db, challenge=False)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr[-3000:]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert sorted(article_keys(db)) == expected_keys()


def test_a_host_that_keeps_answering_with_challenges_is_no_longer_asked(tmp_path: Path):
    """Like www.dyestat.com to a plain client: robots.txt and every page are challenges."""
    site = tmp_path / "site"
    site.mkdir()
    page = (SITE / "challenge" / "index.html").read_bytes()
    sidecar = (SITE / "challenge" / "index.html.headers.json").read_bytes()
    for name in ("robots.txt", "index.html", *(f"p{n}.html" for n in range(6))):
        (site / name).write_bytes(page)
        (site / f"{name}.headers.json").write_bytes(sidecar)
    db = tmp_path / "archive.db"
    with SiteServer(site) as server:
        starts = ",".join([server.url("/"), *(server.url(f"/p{n}.html") for n in range(6))])
        # no Crawl-delay to read: DOWNLOAD_DELAY (1 s by default) spaces the requests
        command = crawl_command(db, starts) + ["-s", "DOWNLOAD_DELAY=0.2"]
        proc = subprocess.run(
            command, cwd=REPO, env=crawl_env(), capture_output=True, text=True, timeout=120
        )
    assert proc.returncode == EXIT_BLOCKED, proc.stdout + proc.stderr[-3000:]
    assert len(server.log) == 3  # robots.txt and two pages: CHALLENGE_MAX_PER_HOST = 3
    assert "not requested:   5 (host kept answering with challenges)" in proc.stdout
    assert "/robots.txt" in proc.stdout  # the challenged robots.txt is listed too
    blocked = rows(db, f"SELECT count(*) FROM {schema.REJECTS} WHERE reason = 'blocked'")
    assert blocked == [(2,)]


def test_a_crawl_that_cannot_open_its_archive_fails_loudly(tmp_path: Path):
    """Another application's SQLite file as --db: the crawl refuses it before it starts, in one
    line, and exits 1 (it once reported "0 pages, exit code 0"); the file is left alone and the
    server is never asked."""
    import sqlite_utils

    other = tmp_path / "other.db"
    sqlite_utils.Database(other)["recipes"].insert({"name": "soup"})
    with SiteServer(SITE) as server:
        proc = subprocess.run(
            crawl_command(other, start_urls(server)),
            cwd=REPO,
            env=crawl_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        asked = list(server.log)
    assert proc.returncode == 1, proc.stdout + proc.stderr[-2000:]
    assert (
        proc.stderr
        == f"Error: {other} is not a meetarchive archive (it holds other tables: recipes)\n"
    )
    assert not asked
    assert sqlite_utils.Database(other).table_names() == ["recipes"]


def test_a_crashed_crawl_says_where_it_stopped(tmp_path: Path):
    from twisted.python.failure import Failure

    from pipelines.db import NotAnArchiveError, check_tables
    from scraper.cli.crawlrun import where

    other = sqlite_utils.Database(tmp_path / "other.db")
    other["recipes"].insert({"name": "soup"})
    try:
        check_tables(other, "other.db")
    except NotAnArchiveError:
        failure = Failure()
    assert where(failure).startswith(" (in pipelines.db.states.check_tables, line ")
    try:
        raise ValueError("not ours")
    except ValueError:
        assert where(Failure()) == ""  # raised in the test: no frame of ours
