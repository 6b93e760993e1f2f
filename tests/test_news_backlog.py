"""The news spider's backlog: sitemap entries are requested a few at a time as earlier ones
complete, child sitemaps one at a time when the backlog runs low, listing pages after the last
entry; the crawl neither stalls nor ends early when entries are dropped (duplicates), refused
(robots.txt) or fail. A real crawl (`meetarchive crawl news`) of a generated site on a local server
with the backlog limited to 3 requests in flight and 15 entries read ahead; assertions on the
server's request log and the archive's rows.

Site: a sitemap index (the source's, also in robots.txt) of 3 child sitemaps of 12 articles each;
the last article of the first also listed in the second, with a date only there; the first listed
again in the third (after its release: dropped as a duplicate); one robots-disallowed entry, one
entry answering 404; a listing page linking 2 sitemap articles and 1 article only it lists.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from scraper.cli.siteserver import SiteServer
from tests.test_news import cli

PER_CHILD, CHILDREN = 12, 3
STORY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story {i}</title>
</head><body><main><article><h1>Story number {i} from the meet</h1>
<p class="byline">By Robin Barrier</p>
<p>Story {i}: the field was deep, the pace was honest from the gun, and the last lap decided the
race in front of a full stadium that stayed until the final event of a long afternoon.</p>
<p>Officials said the wind was legal for every heat, and coaches praised the organisers, the
timing crew and the volunteers who kept the schedule moving through heats and field events.</p>
</article></main></body></html>
"""
URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
    'sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{}</urlset>'
)


def entry(path: str, title: str | None = None) -> str:
    news = (
        f"<news:news><news:publication><news:name>G</news:name><news:language>en"
        f"</news:language></news:publication><news:publication_date>2024-06-01T10:00:00Z"
        f"</news:publication_date><news:title>{title}</news:title></news:news>"
        if title
        else ""
    )
    return f"<url><loc>__ORIGIN_127.0.0.1__{path}</loc>{news}</url>"


def build(root: Path) -> None:
    (root / "story").mkdir(parents=True)
    (root / "maps").mkdir()
    (root / "news").mkdir()
    for k in range(CHILDREN):
        entries = []
        for i in range(k * PER_CHILD, (k + 1) * PER_CHILD):
            (root / "story" / f"s{i}.html").write_text(STORY.format(i=i))
            entries.append(entry(f"/story/s{i}.html", "Hinted headline" if i == 1 else None))
        if k == 1:
            entries.append(entry("/story/s11.html", "Second listing of story 11"))
        if k == 2:
            entries += [
                entry("/story/s0.html"),
                entry("/private/p.html"),
                entry("/story/missing.html"),
            ]
        (root / "maps" / f"m{k}.xml").write_text(URLSET.format("".join(entries)))
    maps = "".join(
        f"<sitemap><loc>__ORIGIN_127.0.0.1__/maps/m{k}.xml</loc></sitemap>" for k in range(CHILDREN)
    )
    (root / "index.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}'
        "</sitemapindex>"
    )
    (root / "robots.txt").write_text(
        "User-agent: *\nDisallow: /private/\n\nSitemap: __ORIGIN_127.0.0.1__/index.xml\n"
    )
    (root / "story" / "listed.html").write_text(STORY.format(i="listed"))
    (root / "news" / "index.html").write_text(
        "<!DOCTYPE html><html><body><ul><li><a href='/story/s1.html'>1</a></li>"
        "<li><a href='/story/s20.html'>20</a></li><li><a href='/story/listed.html'>L</a></li>"
        "</ul></body></html>"
    )


@dataclass
class Crawl:
    code: int
    output: str
    paths: list[str]
    db: Path

    def rows(self, sql: str) -> list[tuple]:
        con = sqlite3.connect(self.db)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Crawl:
    tmp = tmp_path_factory.mktemp("backlog")
    build(tmp / "site")
    with SiteServer(tmp / "site") as server:
        sources = tmp / "sources.toml"
        sources.write_text(
            f'[sources.g]\nstart_urls = ["{server.url("/news/")}"]\n'
            f'sitemaps = ["{server.url("/index.xml")}"]\n'
            "allow = ['/story/']\ndelay = 0\nconcurrency = 2\n"
        )
        proc = cli(
            "crawl",
            "news",
            "--db",
            str(tmp / "a.db"),
            "--sources",
            str(sources),
            "-s",
            "DOWNLOAD_DELAY=0",
            "-s",
            "AUTOTHROTTLE_START_DELAY=0",
            "-s",
            "NEWS_BACKLOG_IN_FLIGHT=3",
            "-s",
            "NEWS_BACKLOG_READ_AHEAD=15",
            "-v",
        )  # Scrapy's log on stderr: test_the_crawl_finishes reads it
        paths = [r.path for r in server.log]
    return Crawl(proc.returncode, proc.stdout + proc.stderr[-3000:], paths, tmp / "a.db")


def test_the_crawl_finishes(crawl: Crawl):
    assert crawl.code == 0, crawl.output
    assert "Spider closed (finished)" in crawl.output


def test_every_article_is_requested_once_and_archived(crawl: Crawl):
    stories = [p for p in crawl.paths if p.startswith("/story/")]
    expected = {f"/story/s{i}.html" for i in range(PER_CHILD * CHILDREN)}
    assert set(stories) == expected | {"/story/listed.html", "/story/missing.html"}
    assert len(stories) == len(set(stories))
    [(n,)] = crawl.rows("SELECT count(*) FROM articles")
    assert n == PER_CHILD * CHILDREN + 1
    assert "/private/p.html" not in crawl.paths  # robots.txt


def test_child_sitemaps_are_read_one_at_a_time_as_the_backlog_runs_low(crawl: Crawl):
    at = {p: i for i, p in enumerate(crawl.paths)}
    first_of = [
        min(at[f"/story/s{i}.html"] for i in range(k * PER_CHILD, (k + 1) * PER_CHILD))
        for k in range(CHILDREN)
    ]
    assert at["/maps/m0.xml"] < at["/maps/m1.xml"] < first_of[1]  # read ahead: 12 < 15 entries
    assert first_of[0] < at["/maps/m2.xml"] < first_of[2]  # 21 entries: m2 waits for the backlog


def test_listing_pages_come_after_every_sitemap_entry(crawl: Crawl):
    last_entry = max(
        i
        for i, p in enumerate(crawl.paths)
        if p.startswith("/story/s") or p == "/story/missing.html"
    )
    assert crawl.paths.index("/news/") > last_entry


def test_hints_travel_with_their_entry_and_merge_when_listed_twice(crawl: Crawl):
    rows = dict(crawl.rows("SELECT url, signals FROM articles"))
    hinted = {
        url.rsplit("/", 1)[-1]: signals
        for url, signals in rows.items()
        if '"published_raw": "hint:sitemap/feed"' in signals
    }
    # s1 (also on the listing) and s11 (its date only in the second child's entry)
    assert set(hinted) == {"s1.html", "s11.html"}
