"""Crawls of different news sources run side by side into one archive (`news` locks per source);
a second crawl of a source already being crawled exits with 4. Real crawls (`meetarchive crawl
news` in subprocesses) of the fixture news site, whose two sources share some articles, so both
processes store the same article at about the same time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scraper.cli.siteserver import SiteServer
from scraper.crawl.lock import Locked, crawl_lock
from tests.archive_helpers import rows

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "news"
EXIT_LOCKED = 4


def sources_toml(server: SiteServer) -> str:
    return f"""
[sources.maps]
sitemaps = ["{server.url("/sitemaps/news.xml")}"]
robots_sitemaps = false
allow = ['/story/']
delay = 0

[sources.lists]
start_urls = ["{server.url("/news/")}"]
feeds = ["{server.url("/feeds/atom.xml")}"]
robots_sitemaps = false
allow = ['/story/']
deny = ['/tag/']
delay = 0
"""


def start(db: Path, sources: Path, source: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("ARCHIVE_DB", None)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scraper.cli",
            "crawl",
            "news",
            "--db",
            str(db),
            "--sources",
            str(sources),
            "-a",
            f"source={source}",
            "-s",
            "AUTOTHROTTLE_START_DELAY=0",
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def parallel(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("parallel")
    site = tmp / "site"
    shutil.copytree(SITE, site)
    robots = site / "robots.txt"  # slow enough for the crawls to overlap
    robots.write_text(robots.read_text().replace("Crawl-delay: 0.1", "Crawl-delay: 0.4"))
    db = tmp / "archive.db"
    with SiteServer(site) as server:
        sources = tmp / "sources.toml"
        sources.write_text(sources_toml(server))
        maps, lists = start(db, sources, "maps"), start(db, sources, "lists")
        time.sleep(1.5)
        again = start(db, sources, "maps,lists")  # shares both sources with running crawls
        again_out = again.communicate(timeout=120)
        done = {
            name: (p.wait(timeout=180), *p.communicate())
            for name, p in (("maps", maps), ("lists", lists))
        }
        log = [r.path for r in server.log]
    return db, done, (again.returncode, *again_out), log


def test_both_crawls_finish(parallel):
    _, done, _, _ = parallel
    for name, (code, out, err) in done.items():
        assert code == 0, f"{name}: {out}{err[-2000:]}"


def test_the_crawls_ran_at_the_same_time(parallel):
    db, _, _, _ = parallel
    runs = rows(db, "SELECT started_at, finished_at FROM crawl_runs ORDER BY id")
    assert len(runs) == 2
    (start_a, end_a), (start_b, end_b) = runs
    assert start_b < end_a
    assert start_a < end_b


def test_a_crawl_sharing_a_running_source_exits_locked(parallel):
    _, _, (code, out, err), _ = parallel
    assert code == EXIT_LOCKED, out + err
    assert "another 'news' crawl of source" in err


def test_every_article_of_both_sources_is_stored_once(parallel):
    db, _, _, log = parallel
    stories = [p.rsplit("/", 1)[-1] for p in log if p.startswith("/story/")]
    fetched = set(stories)
    assert len(stories) > len(fetched)  # both crawls fetched (and stored) a shared article
    stored = [u.rsplit("/", 1)[-1] for (u,) in rows(db, "SELECT url FROM articles")]
    assert sorted(stored) == sorted(set(stored))
    assert {"kerr-mile.html", "bol-400h.html", "feed-only.html"} <= set(stored)
    assert set(stored) <= fetched
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "SELECT count(*) FROM articles") == rows(
        db, "SELECT count(*) FROM articles_fts"
    )


def test_locks_are_per_source(tmp_path: Path):
    db = tmp_path / "a.db"
    both = ["maps", "lists"]
    with (
        crawl_lock(db, "news", ["maps"]),
        crawl_lock(db, "news", ["lists"]),
        pytest.raises(Locked, match="source 'lists'"),
        crawl_lock(db, "news", both),
    ):
        pass
    with (
        crawl_lock(db, "news", ["maps"]),
        pytest.raises(Locked, match="source 'maps'"),
        crawl_lock(db, "news", ["lists", "maps"]),
    ):  # 'lists' taken, then given back
        pass
    with crawl_lock(db, "news", ["lists", "maps"]):  # all released again
        pass
