"""The sources file: what a source declares, and the errors a bad file gives (before any crawl)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.crawl.sources import EXAMPLE_SOURCES, SourcesError, load_sources, parse_sources, select

FULL = """
[sources.gazette]
start_urls = ["https://gazette.example/news/"]
sitemaps = "https://gazette.example/sitemap.xml"
feeds = ["https://feeds.gazette.example/atom.xml"]
robots_sitemaps = false
allow = ['/story/\\d+']
deny = ['/story/\\d+/comments']
listings = ['/news/page/\\d+/$']
max_listing_pages = 3
parser = "generic"
timezone = "Europe/London"
delay = 2.5
concurrency = 2
browser = true
hosts = ["m.gazette.example"]
"""


def test_every_key_is_read():
    src = parse_sources(FULL)["gazette"]
    assert src.start_urls == ("https://gazette.example/news/",)
    assert src.sitemaps == ("https://gazette.example/sitemap.xml",)  # a string is a list of one
    assert src.feeds == ("https://feeds.gazette.example/atom.xml",)
    assert (src.robots_sitemaps, src.browser) == (False, True)
    assert (src.max_listing_pages, src.concurrency, src.delay) == (3, 2, 2.5)
    assert (src.parser, src.timezone) == ("generic", "Europe/London")
    assert src.all_hosts == ("gazette.example", "feeds.gazette.example", "m.gazette.example")


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (None, 86400.0),
        ('"12h"', 43200.0),
        ('"2d"', 172800.0),
        ('"0"', 0.0),
        ("0", 0.0),
        ('"90m"', 5400.0),
    ],
)
def test_sitemap_interval(value: str | None, seconds: float):
    line = f"sitemap_interval = {value}\n" if value is not None else ""
    src = parse_sources(f"[sources.a]\nfeeds = 'https://a.example/f'\n{line}")["a"]
    assert src.sitemap_interval == seconds


@pytest.mark.parametrize(
    ("url", "article", "listing"),
    [
        ("https://gazette.example/story/12-kerr", True, False),
        ("https://m.gazette.example/story/12-kerr", True, False),  # an extra host
        ("https://www.gazette.example/story/12-kerr", True, False),  # a sub-domain of a host
        ("https://gazette.example/story/12/comments", False, False),  # deny wins
        ("https://gazette.example/about", False, False),  # not allowed
        ("https://elsewhere.example/story/12", False, False),  # off-site
        ("https://gazette.example/news/page/2/", False, True),
    ],
)
def test_url_classes(url: str, article: bool, listing: bool):
    src = parse_sources(FULL)["gazette"]
    assert (src.is_article(url), src.is_listing(url)) == (article, listing)


def test_without_allow_every_on_site_url_is_an_article():
    src = parse_sources('[sources.a]\nfeeds = ["https://a.example/feed"]\n')["a"]
    assert src.is_article("https://a.example/anything")
    assert (src.parser, src.timezone, src.robots_sitemaps, src.browser) == (
        "generic",
        None,
        True,
        False,
    )


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("", "no [sources.NAME] tables"),
        ("[sources.a]\nstart_urls = ['https://a.example/']\n[other]\n", "unknown top-level key"),
        ("[sources.a]\nparser = 'generic'\n", "needs start_urls, sitemaps or feeds"),
        ("[sources.a]\nfeeds = ['ftp://a.example/feed']\n", "not an http(s) URL"),
        ("[sources.a]\nfeeds = 'https://a.example/f'\nallow = ['(']\n", "allow: bad regular expr"),
        (
            "[sources.a]\nfeeds = 'https://a.example/f'\ntimezone = 'Mars/Olympus'\n",
            "unknown time z",
        ),
        ("[sources.a]\nfeeds = 'https://a.example/f'\ndelay = -1\n", "delay: a number of seconds"),
        ("[sources.a]\nfeeds = 'https://a.example/f'\nconcurrency = 0\n", "concurrency: a whole"),
        ("[sources.a]\nfeeds = 'https://a.example/f'\nbrowser = 'yes'\n", "browser: true or false"),
        ("[sources.a]\nfeeds = 'https://a.example/f'\nfeed = 'x'\n", "feed: unknown key"),
        ("[sources.a]\nfeeds = [1]\n", "feeds: a string or a list of strings"),
        ("[sources.'a b']\nfeeds = 'https://a.example/f'\n", "letters, digits"),
        (
            "[sources.a]\nfeeds = 'https://a.example/f'\nsitemap_interval = '1 fortnight'\n",
            "sitemap_interval: not a time span",
        ),
        (
            "[sources.a]\nfeeds = 'https://a.example/f'\nsitemap_interval = true\n",
            "sitemap_interval: a time span",
        ),
        ("[sources.a\n", "sources.toml"),  # TOML syntax error, located
    ],
)
def test_bad_files_are_refused_with_a_clear_message(toml: str, message: str):
    with pytest.raises(SourcesError, match="sources.toml") as err:
        parse_sources(toml, "sources.toml")
    assert message in str(err.value)


def test_select():
    sources = parse_sources(FULL + '[sources.b]\nfeeds = "https://b.example/f"\n')
    assert [s.name for s in select(sources, None)] == ["gazette", "b"]
    assert [s.name for s in select(sources, "all")] == ["gazette", "b"]
    assert [s.name for s in select(sources, "b")] == ["b"]
    with pytest.raises(SourcesError, match="unknown source 'c'"):
        select(sources, "c")


def test_file_location(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "s.toml").write_text('[sources.env]\nfeeds = "https://e.example/f"\n')
    monkeypatch.setenv("MEETARCHIVE_SOURCES", str(tmp_path / "s.toml"))
    assert list(load_sources()) == ["env"]
    monkeypatch.delenv("MEETARCHIVE_SOURCES")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SourcesError, match="no sources file at sources.toml"):
        load_sources()


def test_the_example_file_loads():
    assert list(load_sources(EXAMPLE_SOURCES)) == ["letsrun", "worldathletics", "flotrack-example"]
