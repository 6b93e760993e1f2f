"""Sitemaps on a schedule: real crawls (`meetarchive crawl news` in a subprocess) of a copy of the
fixture news site (tests/sites/news) into one archive, the site changing between runs; assertions
on the server's request log and the archive's rows.

The source has a listing page and a feed, read every run; its sitemap index (found through
robots.txt: a Google News sitemap with a `<lastmod>` in the index, a plain sitemap without) is read
once a day (`sitemap_interval`, default 1d). Runs of one archive:

1. first crawl: everything;
2. a new article on top of the listing, another only in the sitemap: within the day, no sitemap is
   read; the listed one is found; page 2 of the listing is not read (page 1 holds archived
   articles);
3. the listing's first page now holds only new articles (and an archived one in a sidebar): page 2
   is read;
4. two days later (the archive's times moved back): the sitemap index and the changed-or-undated
   child are read, the child whose index `<lastmod>` is older than its last read is not; the
   article only in the sitemap is found;
5. `--full`: every sitemap is read.
"""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from scraper.cli.siteserver import SiteServer
from tests.test_news import SITE, cli

SITEMAPS = {"/sitemap_index.xml", "/sitemaps/news.xml", "/sitemaps/pages.xml"}
STORY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
</head><body><main><article><h1>{title}</h1><p class="byline">By Robin Barrier</p>
<time datetime="2024-06-10T09:00:00-05:00">June 10</time>
<p>{title}: the field was deep, the pace was honest from the gun, and the last lap decided it.</p>
<p>Officials said the wind was legal for every heat, and the crowd stayed until the final event.</p>
<p>Coaches from both teams praised the organisers, the timing crew and the volunteers who kept the
schedule moving through a long afternoon of heats, field events and relays in the warm sunshine.</p>
</article></main></body></html>
"""


@dataclass
class Run:
    code: int
    output: str
    paths: list[str]
    articles: set[str]


def source_toml(server: SiteServer, *extra: str) -> str:
    lines = [
        f'start_urls = ["{server.url("/news/")}"]',
        f'feeds = ["{server.url("/feeds/atom.xml")}"]',
        *extra,
    ]
    return (
        "[sources.gazette]\nallow = ['/story/']\ndeny = ['/tag/']\ndelay = 0\n"
        + "\n".join(lines)
        + "\n"
    )


def crawl(server: SiteServer, tmp: Path, db: Path, sources: str, *extra: str) -> Run:
    (tmp / "sources.toml").write_text(sources)
    before = len(server.log)
    proc = cli(
        "crawl",
        "news",
        "--db",
        str(db),
        "--sources",
        str(tmp / "sources.toml"),
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_START_DELAY=0",
        *extra,
    )
    con = sqlite3.connect(db)
    slugs = {
        url.rsplit("/", 1)[-1].removesuffix(".html")
        for (url,) in con.execute("SELECT url FROM articles")
    }
    con.close()
    return Run(
        proc.returncode,
        proc.stdout + proc.stderr[-3000:],
        [r.path for r in server.log[before:]],
        slugs,
    )


def add_story(site: Path, slug: str) -> None:
    (site / "story" / f"{slug}.html").write_text(STORY.format(title=f"Story {slug}"))


def list_first(site: Path, body: str) -> None:
    index = site / "news" / "index.html"
    index.write_text(index.read_text().replace("<ul>", "<ul>" + body, 1))


def age_archive(db: Path, days: int) -> None:
    """Move every recorded time of the archive ``days`` back, as if the runs were that old."""
    shift = f"-{days} days"
    con = sqlite3.connect(db)
    with con:
        for table, columns in (
            ("pages", ("fetched_at", "first_fetched_at")),
            ("crawl_runs", ("started_at", "finished_at")),
            ("articles", ("first_seen", "last_seen", "fetched_at")),
        ):
            sets = ", ".join(
                f"{c} = strftime('%Y-%m-%dT%H:%M:%S+00:00', {c}, '{shift}')" for c in columns
            )
            con.execute(f"UPDATE {table} SET {sets}")
    con.close()


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> list[Run]:
    tmp = tmp_path_factory.mktemp("schedule")
    site = tmp / "site"
    shutil.copytree(SITE, site)
    db = tmp / "archive.db"
    out = []
    with SiteServer(site) as server:
        sources = source_toml(server)
        out.append(crawl(server, tmp, db, sources))
        add_story(site, "new-listed")
        list_first(site, '<li><a href="/story/new-listed.html">New</a></li>')
        add_story(site, "new-in-sitemap")
        pages = site / "sitemaps" / "pages.xml"
        pages.write_text(
            pages.read_text().replace(
                "</urlset>",
                "<url><loc>__ORIGIN_127.0.0.1__/story/new-in-sitemap.html</loc></url></urlset>",
            )
        )
        out.append(crawl(server, tmp, db, sources))
        for slug in ("new-b", "new-c"):
            add_story(site, slug)
        (site / "news" / "index.html").write_text(
            "<!DOCTYPE html><html><head><title>News</title></head><body><main><ul>"
            '<li><a href="/story/new-b.html">B</a></li><li><a href="/story/new-c.html">C</a></li>'
            '</ul><a rel="next" href="/news/page/2/">Older</a></main><aside><h3>Most read</h3>'
            '<a href="/story/kerr-mile.html">Kerr</a></aside></body></html>'
        )
        out.append(crawl(server, tmp, db, sources))
        age_archive(db, 2)
        out.append(crawl(server, tmp, db, sources))
        out.append(crawl(server, tmp, db, sources, "--full"))
    return out


def test_every_run_succeeds(runs: list[Run]):
    for run in runs:
        assert run.code == 0, run.output


def test_first_crawl_reads_the_sitemaps(runs: list[Run]):
    assert set(runs[0].paths) >= SITEMAPS


def test_recrawl_within_the_interval_reads_no_sitemap_but_finds_new_listed_articles(
    runs: list[Run],
):
    second = runs[1]
    assert not SITEMAPS & set(second.paths)
    assert "/story/new-listed.html" in second.paths
    assert "new-listed" in second.articles
    assert "/news/" in second.paths
    assert "/feeds/atom.xml" in second.paths
    assert "sitemaps:        1 not due, 0 unchanged" in second.output


def test_an_article_only_in_the_sitemap_waits_until_the_sitemap_is_due(runs: list[Run]):
    assert "/story/new-in-sitemap.html" not in runs[1].paths + runs[2].paths
    assert "new-in-sitemap" not in runs[2].articles
    fourth = runs[3]
    assert "/story/new-in-sitemap.html" in fourth.paths
    assert "new-in-sitemap" in fourth.articles


def test_deeper_listing_pages_only_after_a_page_of_new_articles(runs: list[Run]):
    assert "/news/page/2/" not in runs[1].paths  # page 1 also held archived articles
    third = runs[2]
    assert {"/story/new-b.html", "/story/new-c.html"} <= set(third.paths)
    assert "/news/page/2/" in third.paths  # page 1 all new; the sidebar's archived link ignored


def test_after_the_interval_the_index_and_changed_children_are_read(runs: list[Run]):
    fourth = runs[3]
    assert "/sitemap_index.xml" in fourth.paths
    assert "/sitemaps/pages.xml" in fourth.paths  # no <lastmod> in the index: read
    assert "/sitemaps/news.xml" not in fourth.paths  # index <lastmod> before its last read
    assert "sitemaps:        0 not due, 1 unchanged" in fourth.output


def test_full_reads_every_sitemap(runs: list[Run]):
    assert set(runs[4].paths) >= SITEMAPS


def test_a_sitemap_only_source_reads_its_sitemaps_every_run(tmp_path: Path):
    with SiteServer(SITE) as server:
        sources = (
            "[sources.gazette]\nallow = ['/story/']\ndelay = 0\n"
            f'sitemaps = ["{server.url("/sitemap_index.xml")}"]\n'
        )
        first = crawl(server, tmp_path, tmp_path / "a.db", sources)
        second = crawl(server, tmp_path, tmp_path / "a.db", sources)
    assert (first.code, second.code) == (0, 0), second.output
    assert set(first.paths) >= SITEMAPS
    assert "/sitemap_index.xml" in second.paths
    assert "/sitemaps/pages.xml" in second.paths
    assert "/sitemaps/news.xml" not in second.paths  # unchanged per the index's <lastmod>
