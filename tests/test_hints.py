"""Sitemap/feed hints in Page.meta as fallbacks for what a page does not state
(scraper.parsers.hints)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from scraper.items import Article, Page
from scraper.parsers import parser_names
from scraper.parsers.hints import apply_hints, parser_for_page

BASE = Article(
    url="https://g.example/s/1",
    canonical_url="https://g.example/s/1",
    fetched_at="2024-06-10T00:00:00+00:00",
    parser="generic/1",
    headline="Own title",
)
HINTS = {
    "published": "2024-06-01T18:30:00-05:00",
    "title": "Sitemap title",
    "timezone": "America/Chicago",
}


@pytest.mark.parametrize(
    ("article", "published_raw", "headline"),
    [
        (BASE, "2024-06-01T18:30:00-05:00", "Own title"),  # no page date: the hint's
        (
            replace(BASE, published_raw="May 30, 2024", signals={"published_raw": "meta:date"}),
            "May 30, 2024",
            "Own title",
        ),  # the page's own date wins
        (
            replace(BASE, published_raw="2024-05-30", signals={"published_raw": "url"}),
            "2024-06-01T18:30:00-05:00",
            "Own title",
        ),  # a date guessed from the URL does not
        (
            replace(BASE, published_raw="2024-05-30", signals={"published_raw": "htmldate"}),
            "2024-06-01T18:30:00-05:00",
            "Own title",
        ),  # nor one guessed from the text
        (replace(BASE, headline=None), "2024-06-01T18:30:00-05:00", "Sitemap title"),
        (replace(BASE, headline="  "), "2024-06-01T18:30:00-05:00", "Sitemap title"),
    ],
)
def test_hints_fill_only_what_the_page_lacks(article: Article, published_raw: str, headline: str):
    out = apply_hints(article, HINTS)
    assert (out.published_raw, out.headline, out.timezone) == (
        published_raw,
        headline,
        "America/Chicago",
    )


def test_hinted_values_are_marked_in_signals():
    out = apply_hints(replace(BASE, headline=None), HINTS)
    assert out.signals == {"published_raw": "hint:sitemap/feed", "headline": "hint:sitemap/feed"}


def test_no_hints_no_change():
    assert apply_hints(BASE, {}) is BASE
    assert apply_hints(BASE, {"listing": "https://g.example/"}) is BASE


def test_source_parser_is_chosen_by_name():
    page = Page(
        url="https://www.dyestat.com/gprofile.php?mgroup_id=1&do=news&news_id=2",
        status=200,
        headers={},
        body=b"",
        fetched_at="2024-06-10T00:00:00+00:00",
    )
    assert "generic" in parser_names()
    assert parser_for_page(replace(page, meta={"parser": "generic"})).name == "generic"
    by_url = parser_for_page(page).name
    assert by_url == ("runnerspace" if "runnerspace" in parser_names() else "generic")
