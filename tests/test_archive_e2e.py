"""End to end on the fixture site: a real crawl (Scrapy over HTTP, every stage) into a SQLite
file, then `meetarchive search` finds the seed article with the phrase marked, and `meetarchive
reparse` rebuilds identical rows from the stored pages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.cli.siteserver import SiteServer
from tests.archive_helpers import rows
from tests.test_reparse import snapshot

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "runnerspace"
pytestmark = pytest.mark.slow  # a real crawl with the fixture's Crawl-delay: ~15 s

SEED = "https://www.runnerspace.com/news.php?news_id=700101"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("ARCHIVE_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "scraper.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.fixture(scope="module")
def crawled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("e2e") / "archive.db"
    with SiteServer(SITE) as server:
        starts = ",".join(
            [server.url("/"), server.url("/eprofile.php?event_id=120", host="localhost")]
        )
        proc = cli(
            "crawl",
            "runnerspace",
            "--db",
            str(db),
            "-a",
            f"start_urls={starts}",
            "-s",
            "DOWNLOAD_DELAY=0",
            "-s",
            "AUTOTHROTTLE_START_DELAY=0",
        )
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
    return db


def test_search_finds_the_seed_article_with_the_phrase_marked(crawled_db):
    proc = cli("search", 'Ingebrigtsen "British record"', "--db", str(crawled_db))
    assert proc.returncode == 0, proc.stderr
    first = proc.stdout.split("\n2. ")[0]
    assert first.startswith("1. Josh Kerr Grabs Lead With 600 To Go, Beats Jakob Ingebrigtsen")
    assert SEED not in first  # the key is no page: the address the article was fetched from is
    url = [line.strip() for line in first.splitlines() if "news_id=700101" in line]
    [(fetched,)] = rows(crawled_db, f"SELECT url FROM articles WHERE canonical_url = '{SEED}'")
    assert url == [fetched]
    assert fetched.startswith("http://")
    assert "[British record]" in first


def test_reparse_rebuilds_identical_rows_from_the_crawl(crawled_db, tmp_path):
    copy = tmp_path / "copy.db"
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{crawled_db}{suffix}").exists():
            shutil.copy(f"{crawled_db}{suffix}", f"{copy}{suffix}")
    before = snapshot(copy)
    assert len(before["articles"]) >= 9
    proc = cli("reparse", "--db", str(copy))
    assert proc.returncode == 0, proc.stderr
    assert f"{len(before['articles'])} rebuilt (0 with changed text)" in proc.stdout
    assert snapshot(copy) == before
