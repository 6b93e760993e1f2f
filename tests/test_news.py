"""Spider `news`: a sources-file entry crawled for real (`meetarchive crawl news`) over HTTP against
the fixture news site (tests/sites/news) into a SQLite archive.

The source lists a listing page and an Atom feed; its sitemap index (a Google News sitemap and a
plain sitemap) is found through robots.txt. Dates that only the news sitemap or the feed states
reach the archive; a date the page states itself wins.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from protego import Protego

from scraper.cli.siteserver import SiteServer

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "news"


@dataclass
class Run:
    proc: subprocess.CompletedProcess[str]
    server: SiteServer
    db: Path

    def paths(self) -> list[str]:
        return [r.path for r in self.server.log]

    def articles(self) -> dict[str, sqlite3.Row]:
        con = sqlite3.connect(self.db)
        con.row_factory = sqlite3.Row
        rows = con.execute("SELECT * FROM articles").fetchall()
        con.close()
        return {row["url"].rsplit("/", 1)[-1].removesuffix(".html"): row for row in rows}


def sources_toml(server: SiteServer, extra: str = "") -> str:
    return f"""
[sources.gazette]
start_urls = ["{server.url("/news/")}"]
feeds = ["{server.url("/feeds/atom.xml")}"]
allow = ['/story/']
deny = ['/tag/']
timezone = "America/Chicago"
delay = 0
{extra}"""


def cli(*args: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("ARCHIVE_DB", None)
    env.pop("MEETARCHIVE_SOURCES", None)
    return subprocess.run(
        [sys.executable, "-m", "scraper.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Run:
    tmp = tmp_path_factory.mktemp("news")
    with SiteServer(SITE) as server:
        sources = tmp / "sources.toml"
        sources.write_text(sources_toml(server))
        proc = cli(
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
            "-s",
            "AUTOTHROTTLE_START_DELAY=0",
        )
    return Run(proc, server, tmp / "archive.db")


def test_crawl_succeeds(crawl: Run):
    assert crawl.proc.returncode == 0, crawl.proc.stdout + crawl.proc.stderr[-3000:]


def test_sitemap_index_found_through_robots_and_both_child_sitemaps_read(crawl: Run):
    paths = crawl.paths()
    assert "/sitemap_index.xml" in paths
    assert "/sitemaps/news.xml" in paths
    assert "/sitemaps/pages.xml" in paths
    assert paths.count("/robots.txt") == 1  # read once, by the robots.txt middleware


def test_every_article_of_sitemaps_feed_and_listings_is_archived(crawl: Run):
    assert set(crawl.articles()) == {
        "kerr-mile",
        "bol-400h",
        "relay-naive",
        "feed-only",
        "sitemap-only",
        "listing-only",
    }


@pytest.mark.parametrize(
    ("slug", "published_at", "signal"),
    [
        # only the Google News sitemap dates these (news:publication_date)
        ("bol-400h", "2024-06-01T18:30:00-05:00", "hint:sitemap/feed"),
        ("relay-naive", "2024-06-02T10:15:00-05:00", "hint:sitemap/feed"),  # naive: source's zone
        # only the Atom feed dates this one (<published>)
        ("feed-only", "2024-06-03T08:00:00+00:00", "hint:sitemap/feed"),
        # the page's own date wins over the news sitemap's
        ("kerr-mile", "2024-05-25T21:29:00-05:00", "meta:article:published_time"),
        ("sitemap-only", "2024-06-04T09:00:00-05:00", "time[datetime]"),
    ],
)
def test_published_dates(crawl: Run, slug: str, published_at: str, signal: str):
    row = crawl.articles()[slug]
    assert row["published_at"] == published_at
    assert f'"published_raw": "{signal}"' in row["signals"]


def test_source_time_zone_is_recorded(crawl: Run):
    assert {row["timezone"] for row in crawl.articles().values()} == {"America/Chicago"}


def test_pagination_is_walked_through_rel_next(crawl: Run):
    assert "/news/page/2/" in crawl.paths()
    assert "/story/listing-only.html" in crawl.paths()


def test_robots_disallowed_feed_entry_is_never_requested(crawl: Run):
    robots = Protego.parse((SITE / "robots.txt").read_text())
    assert not robots.can_fetch("http://127.0.0.1/private/secret.html", "meetarchive")
    for path in crawl.paths():
        assert robots.can_fetch(f"http://127.0.0.1{path}", "meetarchive"), path


def test_denied_and_non_article_urls_are_not_followed(crawl: Run):
    paths = crawl.paths()
    assert "/tag/mile/" not in paths  # deny
    assert "/about.html" not in paths  # does not match allow
    assert all(r.host == "127.0.0.1" for r in crawl.server.log)  # off-site link not followed


def test_each_article_is_requested_once(crawl: Run):
    stories = [p for p in crawl.paths() if p.startswith("/story/")]
    assert len(stories) == len(set(stories)) == 6


def test_pages_are_recorded_with_source_and_spider(crawl: Run):
    con = sqlite3.connect(crawl.db)
    rows = set(con.execute("SELECT source, spider, kind FROM pages").fetchall())
    con.close()
    assert rows == {("gazette", "news", "article"), ("gazette", "news", "listing")}


def test_unknown_source_is_a_usage_error(tmp_path: Path):
    sources = tmp_path / "sources.toml"
    sources.write_text('[sources.a]\nfeeds = ["http://127.0.0.1:9/feed.xml"]\n')
    proc = cli(
        "crawl",
        "news",
        "--db",
        str(tmp_path / "a.db"),
        "--sources",
        str(sources),
        "-a",
        "source=nope",
    )
    assert proc.returncode == 2
    assert "unknown source 'nope'" in proc.stderr
    assert not (tmp_path / "a.db").exists()


def test_sources_command_lists_the_example_file():
    proc = cli("sources", "--sources", str(REPO / "sources.example.toml"))
    assert proc.returncode == 0, proc.stderr
    names = [line.split()[0] for line in proc.stdout.splitlines() if not line.startswith(" ")]
    assert names == ["letsrun", "worldathletics", "flotrack-example"]


def test_recrawl_skips_sitemap_entries_unchanged_since_their_lastmod(tmp_path: Path):
    """Second crawl, every archived article due (`--revisit 0`) and the sitemaps read every run:
    entries whose sitemap lastmod is older than the last check are not requested; the others are
    revisited conditionally."""
    with SiteServer(SITE) as server:
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(server, 'sitemap_interval = "0"\n'))
        args = (
            "crawl",
            "news",
            "--db",
            str(tmp_path / "a.db"),
            "--sources",
            str(sources),
            "--revisit",
            "0",
            "-s",
            "DOWNLOAD_DELAY=0",
            "-s",
            "AUTOTHROTTLE_START_DELAY=0",
        )
        first = cli(*args)
        before = len(server.log)
        second = cli(*args)
        paths = [r.path for r in server.log[before:]]
    assert (first.returncode, second.returncode) == (0, 0), second.stdout + second.stderr[-2000:]
    assert "/story/sitemap-only.html" not in paths  # lastmod 2024-06-04, checked since
    assert "/story/feed-only.html" not in paths  # Atom <updated> 2024-06-03 likewise
    assert "/sitemaps/pages.xml" in paths
    assert "/story/bol-400h.html" in paths  # no lastmod: revisited
    assert "/news/page/2/" not in paths  # page 1 holds only archived articles
    assert "2 unchanged per sitemap lastmod" in second.stdout
    assert "0 new, 0 updated, 0 unchanged" in second.stdout  # every revisit answered 304
