"""Stories, end to end: a story syndicated to three sites (one copy with light edits and added
boilerplate, one with a new headline and a paragraph of its own) and, on the third site, an
unrelated story that opens with the same paragraph (tests/sites/syndication), crawled for real by
the news spider from a sources file, three local servers on three loopback addresses.

The three are one story whose original is the first published; the fourth is a story of its own;
crawling everything again, and reparsing, changes nothing; search shows the story once, "also on
2 sites"; the articles export carries ``story_id`` with its description.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
import urllib.parse
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest

from scraper.cli.siteserver import SiteServer
from tests.fixture_archive import serving

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "syndication"
HOSTS = {"wire": "127.0.0.1", "herald": "127.0.0.2", "courier": "127.0.0.3"}
SYNDICATED = ("kerr-bowerman-mile", "kerr-bowerman-mile-record", "scot-stuns-norwegian")
UNRELATED = "kipyegon-prefontaine-roundup"


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


def stories(db: Path) -> dict[str, tuple]:
    """Everything the story index holds, by article slug: (copy_of slug, story_id slug, print,
    band keys)."""
    con = sqlite3.connect(db)
    try:
        slug = {
            i: url.rsplit("/", 1)[-1].removesuffix(".html")
            for i, url in con.execute("SELECT id, url FROM articles")
        }
        prints = {
            i: (n, sig, story)
            for i, n, sig, story in con.execute(
                "SELECT article_id, shingles, signature, story FROM story_prints"
            )
        }
        bands: dict[int, list[int]] = {}
        for key, i in con.execute("SELECT key, article_id FROM story_bands ORDER BY key"):
            bands.setdefault(i, []).append(key)
        rows = con.execute("SELECT id, copy_of, story_id FROM articles").fetchall()
    finally:
        con.close()
    return {
        slug[i]: (
            slug.get(copy_of),
            slug[story],
            prints.get(i, (None, None, None))[:2],
            slug.get(prints.get(i, (0, 0, None))[2]),
            bands.get(i, []),
        )
        for i, copy_of, story in rows
    }


@dataclass
class Crawls:
    first: subprocess.CompletedProcess[str]
    again: subprocess.CompletedProcess[str]
    reparse: subprocess.CompletedProcess[str]
    after_first: dict[str, tuple]
    after_again: dict[str, tuple]
    after_reparse: dict[str, tuple]
    db: Path
    tmp: Path


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Crawls:
    tmp = tmp_path_factory.mktemp("stories")
    db = tmp / "archive.db"
    with ExitStack() as stack:
        servers = {
            name: stack.enter_context(SiteServer(SITE / name, host=host))
            for name, host in HOSTS.items()
        }
        sources = tmp / "sources.toml"
        sources.write_text(
            "".join(
                f'[sources.{name}]\nstart_urls = ["{server.url("/news/", HOSTS[name])}"]\n'
                "allow = ['/story/']\ndelay = 0\n\n"
                for name, server in servers.items()
            )
        )
        args = ("crawl", "news", "--db", str(db), "--sources", str(sources))
        args += ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0")
        first = cli(*args)
        after_first = stories(db)
        again = cli(*args, "--full")
        after_again = stories(db)
    reparse = cli("reparse", "--db", str(db))
    return Crawls(first, again, reparse, after_first, after_again, stories(db), db, tmp)


def test_crawls_succeed(crawls: Crawls):
    for proc in (crawls.first, crawls.again, crawls.reparse):
        assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    assert set(crawls.after_first) == {*SYNDICATED, UNRELATED}


def test_the_syndicated_copies_are_one_story_whose_original_is_the_first_published(
    crawls: Crawls,
):
    original = "kerr-bowerman-mile"  # the wire's, published hours before the two copies
    for slug in SYNDICATED:
        copy_of, story_id, _, story, _ = crawls.after_first[slug]
        assert (story_id, story) == (original, original), slug
        assert copy_of == (None if slug == original else original), slug


def test_an_unrelated_story_sharing_the_first_paragraph_is_a_story_of_its_own(crawls: Crawls):
    copy_of, story_id, _, story, _ = crawls.after_first[UNRELATED]
    assert (copy_of, story_id, story) == (None, UNRELATED, UNRELATED)


def test_each_article_is_fingerprinted_and_each_key_held_once_per_story(crawls: Crawls):
    held = crawls.after_first
    assert all(shingles and signature for _, _, (shingles, signature), _, _ in held.values())
    story_keys = [k for slug in SYNDICATED for k in held[slug][4]]
    assert story_keys
    assert len(story_keys) == len(set(story_keys))
    assert held[UNRELATED][4]


def test_crawling_everything_again_and_reparsing_change_nothing(crawls: Crawls):
    assert "0 new, 0 updated, 4 unchanged" in crawls.again.stdout, crawls.again.stdout
    assert crawls.after_again == crawls.after_first
    assert crawls.after_reparse == crawls.after_first


def test_search_shows_the_story_once_also_on_two_sites(crawls: Crawls):
    proc = cli("search", "Kerr", "Ingebrigtsen", "--db", str(crawls.db), "--json")
    assert proc.returncode == 0, proc.stderr
    hits = json.loads(proc.stdout)
    story = [h for h in hits if h["story_id"] == hits[0]["story_id"]]
    assert len(story) == 1
    assert len([h for h in hits if h["url"].rsplit("/", 1)[-1][:-5] in SYNDICATED]) == 1
    assert story[0]["other_sites"] == 2
    assert len(story[0]["also_on"]) == 2
    text = cli("search", "Kerr", "Ingebrigtsen", "--db", str(crawls.db))
    assert "also on 2 sites (127.0.0." in text.stdout, text.stdout


def test_search_lists_the_unrelated_story_apart(crawls: Crawls):
    proc = cli("search", "Kerr", "--db", str(crawls.db), "--json", "--limit", "10")
    hits = json.loads(proc.stdout)
    slugs = sorted(h["url"].rsplit("/", 1)[-1][:-5] for h in hits)
    assert len(hits) == 2
    assert UNRELATED in slugs
    unrelated = next(h for h in hits if h["url"].endswith(f"{UNRELATED}.html"))
    assert (unrelated["also_on"], unrelated["other_sites"]) == ([], 0)


def test_the_articles_export_carries_the_story(crawls: Crawls):
    out = crawls.tmp / "export" / "articles.csv"
    proc = cli("export", "articles", "--db", str(crawls.db), "--format", "csv", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_story: dict[str, set[str]] = {}
    for row in rows:
        by_story.setdefault(row["story_id"], set()).add(row["url"].rsplit("/", 1)[-1][:-5])
    assert sorted(map(sorted, by_story.values())) == sorted([sorted(SYNDICATED), [UNRELATED]])
    package = json.loads((out.parent / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert fields["story_id"]["type"] == "integer"
    assert "original" in fields["story_id"]["description"]


def test_the_served_search_page_shows_the_story_once_also_on_two_sites(crawls: Crawls):
    """`meetarchive serve` (a real Datasette server) over a copy of the crawled archive."""
    copy = crawls.tmp / "served.db"
    copy.write_bytes(crawls.db.read_bytes())
    query = urllib.parse.urlencode({"q": "Kerr Ingebrigtsen"})
    with serving(copy) as base, urllib.request.urlopen(f"{base}/served/-/search?{query}") as r:
        page = lxml.html.fromstring(r.read().decode())
    found = page.cssselect("li.search-hit")
    assert len(found) == 1
    story = found[0].cssselect("details.search-story")[0]
    assert story.cssselect("summary")[0].text_content().startswith("also on 2 sites (127.0.0.")
    links = [a.get("href") for a in story.cssselect("li a")]
    shown = found[0].cssselect("p.search-url a")[0].get("href")
    assert len(links) == 2
    assert shown not in links
    assert {link.rsplit("/", 1)[-1][:-5] for link in [*links, shown]} == set(SYNDICATED)
