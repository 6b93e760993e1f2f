"""Incremental recrawls and cron safety, with real crawls (`meetarchive crawl` in a subprocess)
against the fixture sites on a local server; assertions on the server's request log and on the
archive's rows.

One archive goes through four runs of the RunnerSpace fixture site: a first crawl; a second of the
unchanged site (only robots.txt and listings are fetched); a third revisiting every article
(`--revisit 0`: conditional requests, all answered 304, nothing stored); a fourth after one article
changed on the server (fetched, stored as a revision, counted as updated).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from scraper.cli.siteserver import SiteServer
from scraper.crawl.lock import lock_path
from scraper.parsers.runnerspace.scheme import link_kind
from tests.archive_helpers import rows as query

REPO = Path(__file__).resolve().parents[1]
SITES = REPO / "tests" / "sites"
CHANGED = "gprofile.php/do=news&mgroup_id=44609&news_id=700106.html"
EXIT_LOCKED, EXIT_ALARM = 4, 5


def env() -> dict[str, str]:
    e = {**os.environ, "PYTHONPATH": str(REPO)}
    for name in ("ARCHIVE_DB", "MEETARCHIVE_SOURCES"):
        e.pop(name, None)
    return e


def crawl_args(spider: str, db: Path, *extra: str) -> list[str]:
    return [
        sys.executable,
        "-m",
        "scraper.cli",
        "crawl",
        spider,
        "--db",
        str(db),
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_START_DELAY=0",
        *extra,
    ]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), cwd=REPO, env=env(), capture_output=True, text=True, timeout=180
    )


def site_copy(tmp: Path, name: str, crawl_delay: str = "0.05") -> Path:
    root = tmp / name
    shutil.copytree(SITES / name, root)
    robots = root / "robots.txt"
    lines = [
        f"Crawl-delay: {crawl_delay}" if line.startswith("Crawl-delay") else line
        for line in robots.read_text().splitlines()
    ]
    robots.write_text("\n".join(lines) + "\n")
    return root


@dataclass
class Crawl:
    proc: subprocess.CompletedProcess[str]
    paths: list[str]  # requested during this crawl
    pages: int  # rows in pages afterwards
    revisions: int


@pytest.fixture(scope="module")
def four_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Crawl], Path]:
    tmp = tmp_path_factory.mktemp("incremental")
    site = site_copy(tmp, "runnerspace")
    db = tmp / "archive.db"
    crawls = []
    with SiteServer(site) as server:
        starts = f"{server.url('/')},{server.url('/eprofile.php?event_id=120', host='localhost')}"
        for extra in ([], [], ["--revisit", "0"], ["--revisit", "0"]):
            if len(crawls) == 3:  # the site changes one article before the fourth run
                page = site / CHANGED
                text = page.read_text().replace("in 3:54.10.", "in 3:54.10 (Updated.)")
                page.write_text(text)
                os.utime(page, (time.time() + 5, time.time() + 5))
            before = len(server.log)
            proc = run(*crawl_args("runnerspace", db, "-a", f"start_urls={starts}", *extra))
            crawls.append(
                Crawl(
                    proc,
                    [r.path for r in server.log[before:]],
                    query(db, "SELECT count(*) FROM pages")[0][0],
                    query(db, "SELECT count(*) FROM article_revisions")[0][0],
                )
            )
    return crawls, db


def revisited(path: str) -> bool:
    """An article or results page (the kinds revisits apply to)."""
    return link_kind("http://h" + path) in ("article", "title")


def test_every_run_succeeds(four_runs):
    crawls, _ = four_runs
    for c in crawls:
        assert c.proc.returncode == 0, c.proc.stdout + c.proc.stderr[-2000:]


def test_second_crawl_of_unchanged_site_fetches_only_robots_and_listings(four_runs):
    first, second = four_runs[0][0], four_runs[0][1]
    assert any(revisited(p) for p in first.paths)
    assert second.paths, "the second crawl fetched nothing at all"
    for path in second.paths:
        assert path == "/robots.txt" or not revisited(path), path
    assert "robots.txt" in " ".join(second.paths)


def test_pagination_stops_at_a_page_of_known_articles(four_runs):
    first, second = four_runs[0][0], four_runs[0][1]
    assert any("sub=load" in p for p in first.paths)  # "View More"
    assert not any("sub=load" in p for p in second.paths)


def test_second_crawl_stores_nothing_and_reports_not_due(four_runs):
    first, second = four_runs[0][0], four_runs[0][1]
    assert second.revisions == 0
    assert "0 new, 0 updated" in second.proc.stdout
    assert " not due" in second.proc.stdout
    assert second.pages == first.pages  # listings unchanged: their rows only move fetched_at


def test_due_revisit_is_conditional_and_a_304_stores_nothing(four_runs):
    crawls, _ = four_runs
    third = crawls[2]
    assert any(revisited(p) for p in third.paths)
    assert (third.pages, third.revisions) == (crawls[1].pages, 0)
    assert "0 new, 0 updated, 0 unchanged" in third.proc.stdout
    assert "not modified)" in third.proc.stdout


def test_changed_article_is_fetched_stored_as_revision_and_counted_updated(four_runs):
    crawls, db = four_runs
    fourth = crawls[3]
    assert "0 new, 1 updated, 0 unchanged" in fourth.proc.stdout
    assert fourth.revisions == 1
    assert fourth.pages == crawls[2].pages + 1
    [(body,)] = query(db, "SELECT body FROM articles WHERE canonical_url LIKE '%news_id=700106'")
    assert "(Updated.)" in body


def test_runs_are_recorded(four_runs):
    crawls, db = four_runs
    rows = query(
        db,
        "SELECT spider, finished_at IS NOT NULL, finish_reason, new, updated, "
        "not_modified, not_due, exit_code FROM crawl_runs ORDER BY id",
    )
    assert len(rows) == 4
    assert all(r[:3] == ("runnerspace", 1, "finished") for r in rows)
    assert rows[0][3] >= 9
    assert rows[1][3] == rows[2][3] == 0
    assert rows[1][6] >= 9  # not due
    assert rows[2][5] >= 9  # not modified
    assert rows[3][4] == 1  # updated
    assert [r[7] for r in rows] == [0, 0, 0, 0]
    out = run(sys.executable, "-m", "scraper.cli", "stats", "--runs", "--db", str(db)).stdout
    assert out.count("runnerspace") >= 4
    assert "not modified" in out
    assert "fill:" in out


@pytest.mark.slow
def test_two_concurrent_crawls_one_exits_with_the_lock_code(tmp_path: Path):
    site = site_copy(tmp_path, "runnerspace", crawl_delay="0.3")
    db = tmp_path / "archive.db"
    with SiteServer(site) as server:
        first = subprocess.Popen(
            crawl_args("runnerspace", db, "-a", f"start_urls={server.url('/')}", "-q"),
            cwd=REPO,
            env=env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        lock = lock_path(db, "runnerspace")
        deadline = time.monotonic() + 30
        while not (lock.exists() and lock.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        started = time.monotonic()
        second = run(*crawl_args("runnerspace", db, "-a", f"start_urls={server.url('/')}"))
        waited = time.monotonic() - started
        out, err = first.communicate(timeout=120)
    assert second.returncode == EXIT_LOCKED, second.stdout + second.stderr[-2000:]
    assert "is running" in second.stderr
    assert f"pid {first.pid}" in second.stderr
    assert waited < 10
    assert first.returncode == 0, out + err[-2000:]
    assert query(db, "SELECT count(*) FROM crawl_runs") == [(1,)]


def test_markup_change_between_runs_raises_the_alarm(tmp_path: Path):
    site = site_copy(tmp_path, "news")
    db = tmp_path / "archive.db"
    with SiteServer(site) as server:
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[sources.gazette]\nstart_urls = ["{server.url("/news/")}"]\n'
            f'feeds = ["{server.url("/feeds/atom.xml")}"]\nallow = ["/story/"]\n'
        )
        args = crawl_args("news", db, "--sources", str(sources), "--revisit", "0")
        first = run(*args)
        for page in (site / "story").glob("*.html"):  # the site drops its bylines
            text = page.read_text()
            page.write_text(text.replace('<p class="byline">', '<p class="credit">Photo: '))
        second = run(*args, "--full")  # every article again (not only the listing's first page)
    assert first.returncode == 0, first.stdout + first.stderr[-2000:]
    assert second.returncode == EXIT_ALARM, second.stdout + second.stderr[-2000:]
    assert "ALARM" in second.stdout
    assert "gazette: author filled in 0%" in second.stdout
    [(alarms,)] = query(db, "SELECT alarms FROM crawl_runs ORDER BY id DESC LIMIT 1")
    assert "author" in alarms


@pytest.mark.slow
def test_quiet_crawl_prints_nothing_when_all_is_well(tmp_path: Path):
    site = site_copy(tmp_path, "news")
    with SiteServer(site) as server:
        sources = tmp_path / "sources.toml"
        sources.write_text(f'[sources.g]\nfeeds = ["{server.url("/feeds/atom.xml")}"]\n')
        log = tmp_path / "crawl.log"
        proc = run(
            *crawl_args(
                "news",
                tmp_path / "a.db",
                "--sources",
                str(sources),
                "--quiet",
                "--log-file",
                str(log),
            )
        )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert (proc.stdout, proc.stderr) == ("", "")
    assert "Spider closed (finished)" in log.read_text()


def test_lock_file_holder_is_named(tmp_path: Path):
    from scraper.crawl.lock import Locked, crawl_lock

    db = tmp_path / "a.db"
    with (
        crawl_lock(db, "news"),
        pytest.raises(Locked, match=f"pid {os.getpid()}"),
        crawl_lock(db, "news"),
    ):
        pass
    with crawl_lock(db, "news"), crawl_lock(db, "runnerspace"):  # other spider: no conflict
        pass
