"""Real crawls: `meetarchive crawl runnerspace` over HTTP against the fixture site on a local
server.

The server answers every host name on one port: 127.0.0.1 stands for www.dyestat.com and localhost
for another RunnerSpace host (an event's sub-domain). Assertions are on the server's request log.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from protego import Protego

from scraper.siteserver import SiteServer

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "runnerspace"
USER_AGENT = "meetarchive"
FIXTURE_ARTICLES = {700101, 700102, 700103, 700104, 700105, 700106, 700107, 700108, 700109,
                    700120}
EXIT_BLOCKED = 3


@dataclass
class Run:
    proc: subprocess.CompletedProcess[str]
    server: SiteServer
    db: Path


def start_urls(server: SiteServer, challenge: bool = True) -> str:
    """DyeStat's home on 127.0.0.1, the event's own host on localhost, and the challenge page."""
    urls = [server.url("/"), server.url("/eprofile.php?event_id=120", host="localhost")]
    if challenge:
        urls.append(server.url("/challenge/"))
    return ",".join(urls)


def crawl_command(db: Path, starts: str) -> list[str]:
    return [sys.executable, "-m", "scraper.cli", "crawl", "runnerspace", "--db", str(db),
            "-a", f"start_urls={starts}",
            # Only the robots.txt Crawl-delay (0.5 s in the fixture) keeps requests apart.
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0",
            "-s", "ITEM_PIPELINES={}"]


def run_crawl(server: SiteServer, db: Path, challenge: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("ARCHIVE_DB", None)
    return subprocess.run(crawl_command(db, start_urls(server, challenge)), cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=180)


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
    requested = [news_id(r.path) for r in first_crawl.server.log if news_id(r.path)]
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
