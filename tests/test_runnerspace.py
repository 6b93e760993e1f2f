"""The RunnerSpace parser on markup we did not guess: the seed page, rewritten in several ways,
still gives its fields (text structure and generic signals, not class names)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import pytest

from scraper.items import Article
from scraper.parsers import PARSERS, parser_for
from scraper.parsers.runnerspace.parser import RunnerSpaceParser
from tests.goldens import SEED, cases

URL = "https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=700101"
FETCHED = "2024-06-03T12:00:00+00:00"


@cache
def seed_html() -> str:
    return next(c for c in cases() if c.slug == "seed").html()


def parse(html: str) -> Article:
    return RunnerSpaceParser().parse(html, URL, FETCHED)


def no_attributes(html: str) -> str:
    return re.sub(r'\s(?:class|id)="[^"]*"', "", html)


def no_titles(html: str) -> str:
    html = re.sub(r'<meta (?:property|name)="(?:og:)?title"[^>]*>', "", html)
    return re.sub(r"<title>.*?</title>", "", html, flags=re.S)


def divs_not_headings(html: str) -> str:
    return re.sub(r"<(/?)h[1-6]\b", r"<\1div", html)


def no_history(html: str) -> str:
    return re.sub(r'<div class="wrapper_article_history">.*?</table>', "", html, flags=re.S)


def caps_byline(html: str) -> str:
    return html.replace("By Lori Shontz for DyeStat", "BY LORI SHONTZ | DyeStat Staff Writer")


MUTATIONS: list[tuple[str, Callable[[str], str], dict[str, object]]] = [
    ("unchanged", lambda h: h, {}),
    ("no-class-or-id", no_attributes, {}),
    ("no-title-tags", no_titles, {}),
    ("no-headings", divs_not_headings, {}),
    ("no-title-tags-no-headings", lambda h: no_titles(divs_not_headings(h)), {}),
    ("no-history-box", no_history, {"meet_name": None, "meet_year": None}),
    ("caps-byline", caps_byline, {}),
]
# what the site parser alone gives (no normalization: published_at comes later)
EXPECTED = {
    field: SEED[field]
    for field in (
        "headline",
        "dek",
        "authors",
        "publisher",
        "published_raw",
        "photo_credit",
        "meet_name",
        "meet_year",
    )
}


@pytest.mark.parametrize(("name", "mutate", "changes"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_survives_markup_changes(
    name: str, mutate: Callable[[str], str], changes: dict[str, object]
) -> None:
    art = parse(mutate(seed_html()))
    for field, value in (EXPECTED | changes).items():
        assert getattr(art, field) == value, field
    assert art.body is not None
    assert art.body.startswith("EUGENE -- The directive from his coaches was clear")
    assert art.body.endswith("this is going to be an exciting summer.”")


def test_bare_page_falls_back_to_generic_signals() -> None:
    html = """<html><head><title>Kerr Wins Mile | DyeStat</title>
    <meta property="og:title" content="Kerr Wins Mile">
    <meta property="article:published_time" content="2024-05-26T02:29:00-05:00">
    <meta name="author" content="Lori Shontz"></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Kerr Wins Mile</h1>
    <p>EUGENE -- Josh Kerr won the Bowerman Mile on Saturday in a British record of 3:45.34,
    holding off Jakob Ingebrigtsen over the last lap at Hayward Field.</p>
    <p>“I knew it was a dumb decision,” Kerr said after the race, “and it worked anyway.”</p>
    </article></body></html>"""
    art = parse(html)
    assert art.headline == "Kerr Wins Mile"
    assert art.published_raw == "2024-05-26T02:29:00-05:00"
    assert art.signals["published_raw"].startswith("generic:")
    assert art.authors == ["Lori Shontz"]
    assert art.body is not None
    assert art.body.startswith("EUGENE -- Josh Kerr won")
    assert "Home" not in art.body


@pytest.mark.parametrize(
    ("url", "name"),
    [
        (URL, "runnerspace"),
        (
            "https://nxn.runnerspace.com/eprofile.php?event_id=13&do=news&news_id=673955",
            "runnerspace",
        ),
        (
            "http://127.0.0.1:8123/gprofile.php?do=news&mgroup_id=44609&news_id=700101",
            "runnerspace",
        ),
        ("https://www.dyestat.com/gprofile.php?mgroup_id=44609", "generic"),
        ("https://www.example.com/news/kerr-wins-mile", "generic"),
    ],
)
def test_parser_for(url: str, name: str) -> None:
    assert parser_for(url).name == name
    assert parser_for(url) is parser_for(url)


def test_registry_lists_site_parsers() -> None:
    assert RunnerSpaceParser in PARSERS


def test_missing_byline_falls_back_to_meta_author() -> None:
    html = seed_html().replace("<p><strong>By Lori Shontz for DyeStat</strong>&nbsp;</p>", "")
    html = html.replace("</head>", '<meta name="author" content="Lori Shontz"></head>')
    art = parse(html)
    assert art.authors == ["Lori Shontz"]
    assert art.signals["authors"] == "generic:meta:author"
    assert art.dek == EXPECTED["dek"]  # the photo credit line still confirms the dek
    assert art.body is not None
    assert art.body.startswith("EUGENE -- The directive")


HEADER_VARIANTS = [
    # (replace, with, expected fields)
    ("Published by</span><br>", "Posted by</span><br>", {}),
    (
        'DyeStat.com</a> &nbsp; <span class="news_date">May 26th 2024, 2:29am',
        'DyeStat.com</a> on <span class="news_date">May 26th 2024, 2:29am',
        {},
    ),
    (
        '<span class="news_date">May 26th 2024, 2:29am',
        '<span class="news_date">Sunday, May 26, 2024 2:29 AM',
        {"published_raw": "Sunday, May 26, 2024 2:29 AM"},
    ),
    ("By Lori Shontz for DyeStat", "By: Lori Shontz, DyeStat", {}),
    ("By Lori Shontz for DyeStat", "BY LORI SHONTZ", {"publisher": "DyeStat.com"}),
    ("John Nepolitan photos", "Photos by John Nepolitan", {}),
    ("John Nepolitan photos", "Photo: John Nepolitan", {}),
]


@pytest.mark.parametrize(
    ("old", "new", "changes"), HEADER_VARIANTS, ids=[v[1][:40] for v in HEADER_VARIANTS]
)
def test_header_line_variants(old: str, new: str, changes: dict[str, object]) -> None:
    html = seed_html()
    assert old in html
    art = parse(html.replace(old, new))
    for field, value in (EXPECTED | changes).items():
        assert getattr(art, field) == value, field
    assert art.body is not None
    assert art.body.startswith("EUGENE -- The directive")


def test_event_page_title_naming_the_meet_first() -> None:
    """The page header shows the meet's name, which the title also holds (and the headline is no
    heading here): the headline is still the line above "Published by"."""
    case = next(c for c in cases() if c.slug == "event-owned")
    meet = "Eugene Diamond League - Nike Prefontaine Classic"
    html = case.html().replace("DyeStat.com - News - Prefontaine", f"{meet} - News - Prefontaine")
    html = re.sub(r'<h1 class="article-title"[^>]*>(.*?)</h1>', r"<div>\1</div>", html)
    assert f"<title>{meet} - News" in html
    assert "<h1" in html  # the box titles only
    assert "Prefontaine Classic Meet Preview</span></div>" in html
    art = RunnerSpaceParser().parse(html, case.url, case.fetched_at)
    assert art.headline == "Prefontaine Classic Meet Preview"
    assert art.meet_event_id == 120


# --- article identity: news_id, whatever profile, host or canonical link -------------------------

EVENT_HOME = "https://www.runnerspace.com/eprofile.php?event_id=120"
PROFILES_OF_700109 = [
    "https://www.runnerspace.com/eprofile.php?event_id=120&do=news&news_id=700109",
    "https://nxn.runnerspace.com/eprofile.php?do=news&news_id=700109&event_id=120",
    "https://www.runnerspace.com/gprofile.php?mgroup_id=44609&do=news&news_id=700109",
    "https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=700109",
]


def _event_owned(canonical_link: str | None) -> tuple[str, str]:
    """The event-owned fixture article, its canonical link (and og:url) set to ``canonical_link``
    (None: removed); and its fetch time."""
    case = next(c for c in cases() if c.slug == "event-owned")
    html = case.html()
    own = "https://www.runnerspace.com/eprofile.php?event_id=120&amp;do=news&amp;news_id=700109"
    assert html.count(own) == 3  # canonical link, original-source, og:url
    if canonical_link is None:
        html = re.sub(r'<link rel="canonical"[^>]*>', "", html)
    else:
        html = html.replace(own, canonical_link)
    return html, case.fetched_at


@pytest.mark.parametrize("url", PROFILES_OF_700109)
@pytest.mark.parametrize(
    "link",
    [EVENT_HOME, PROFILES_OF_700109[0], None],
    ids=["link-to-event-home", "link-to-article", "no-link"],
)
def test_site_and_generic_parsers_key_an_article_by_its_news_id(url: str, link: str | None):
    """Real platform pages name the event's home as their canonical link: neither parser may
    take it for the article's key (the generic parser once did on www.runnerspace.com, which
    would have made every article of an event one row)."""
    from scraper.parsers.generic import GenericParser

    html, fetched_at = _event_owned(link)
    site = RunnerSpaceParser().parse(html, url, fetched_at)
    generic = GenericParser().parse(html, url, fetched_at)
    assert (
        site.canonical_url
        == generic.canonical_url
        == ("https://www.runnerspace.com/news.php?news_id=700109")
    )
    assert site.url == generic.url == url  # the address fetched stays beside the key
