"""A news source's `max_listing_pages` counts listing pages fetched, not links seen: the "News" and
"More news" links every page's navigation repeats cost nothing once those pages were asked for.
A real crawl (`meetarchive crawl news`) of a small paginated site on a local server.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.cli.siteserver import SiteServer

REPO = Path(__file__).resolve().parents[1]
PAGES = 8  # listing pages, two articles each


def listing(k: int) -> str:
    nav = '<nav><a href="/news/page/1.html">News</a> <a href="/news/page/2.html">More</a></nav>'
    items = "".join(f'<li><a href="/story/{k}-{j}.html">Story {k}-{j}</a></li>' for j in (1, 2))
    nxt = f'<a rel="next" href="/news/page/{k + 1}.html">Older</a>' if k < PAGES else ""
    return f"<html><body>{nav}<ul>{items}</ul>{nxt}</body></html>"


def story(name: str) -> str:
    words = " ".join(["The mile final was run in the rain and the crowd stayed."] * 8)
    return (
        f"<html><head><title>Story {name}</title></head><body><article><h1>Story {name}</h1>"
        f'<p class="byline">By Ann Shontz</p><time datetime="2024-05-01T10:00:00Z">May 1'
        f"</time><p>{words}</p><p>{words}</p></article></body></html>"
    )


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    tmp = tmp_path_factory.mktemp("budget")
    site = tmp / "site"
    (site / "news" / "page").mkdir(parents=True)
    (site / "story").mkdir()
    (site / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    for k in range(1, PAGES + 1):
        (site / "news" / "page" / f"{k}.html").write_text(listing(k))
        for j in (1, 2):
            (site / "story" / f"{k}-{j}.html").write_text(story(f"{k}-{j}"))
    with SiteServer(site) as server:
        sources = tmp / "sources.toml"
        sources.write_text(f"""
[sources.paged]
start_urls = ["{server.url("/news/page/1.html")}"]
allow = ['/story/']
listings = ['/news/page/\\d+\\.html$']
max_listing_pages = 3
delay = 0
""")
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        env.pop("ARCHIVE_DB", None)
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "scraper.cli",
                "crawl",
                "news",
                "--db",
                str(tmp / "a.db"),
                "--sources",
                str(sources),
                "-s",
                "AUTOTHROTTLE_START_DELAY=0",
            ],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
        return [r.path for r in server.log]


def test_the_budget_buys_that_many_listing_pages_beyond_the_start(crawl):
    pages = sorted(p for p in crawl if p.startswith("/news/page/"))
    assert pages == [f"/news/page/{k}.html" for k in (1, 2, 3, 4)]


def test_the_articles_those_pages_list_are_crawled(crawl):
    stories = {p for p in crawl if p.startswith("/story/")}
    assert stories == {f"/story/{k}-{j}.html" for k in (1, 2, 3, 4) for j in (1, 2)}
