"""The generic parser on small hand-written pages: each signal; what stays out of the body."""

from __future__ import annotations

import json

import pytest

from scraper.parsers.base import ParseError
from scraper.parsers.generic import GenericParser

FETCHED = "2026-11-24T05:00:00+00:00"
URL = "https://news.example.org/2024/05/26/kerr-wins-mile"

PARAS = [
    "EUGENE -- Josh Kerr took the lead with 600 meters to go and held on to win the Bowerman Mile.",
    "The Scot ran 3:45.34, a British record, ahead of Jakob Ingebrigtsen and a standout field.",
    "It was a dumb decision, Kerr said afterwards, but one that paid off in the end for him.",
    "Kerr will now turn his attention to the Olympic Games in Paris later this summer season.",
]


def page(head: str = "", body: str = "", article_extra: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (f"<!doctype html><html lang='en'><head><title>Kerr wins | Example News</title>{head}"
            f"</head><body><nav><a href='/'>Home</a> <a href='/sports'>Sports</a></nav>{body}"
            f"<article><h1>Kerr wins the Bowerman Mile</h1>{article_extra}{paras}</article>"
            f"<footer>Copyright Example News</footer></body></html>")


def jsonld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def parse(html: str, url: str = URL):
    return GenericParser().parse(html, url, FETCHED)


def test_jsonld_gives_headline_authors_dates_publisher():
    art = parse(page(jsonld({
        "@context": "https://schema.org", "@type": "NewsArticle",
        "headline": "Kerr wins the Bowerman Mile",
        "author": [{"@type": "Person", "name": "Lori Shontz"},
                   {"@type": "Person", "name": "Jo Doe"}],
        "datePublished": "2024-05-26T02:29:00-05:00", "dateModified": "2024-05-27T10:00:00-05:00",
        "publisher": {"@type": "Organization", "name": "Example News"},
        "image": {"@type": "ImageObject", "url": "https://news.example.org/kerr.jpg"},
        "keywords": "athletics, mile",
    })))
    assert art.headline == "Kerr wins the Bowerman Mile"
    assert art.authors == ["Lori Shontz", "Jo Doe"]
    assert art.published_raw == "2024-05-26T02:29:00-05:00"
    assert art.modified_raw == "2024-05-27T10:00:00-05:00"
    assert art.publisher == "Example News"
    assert art.image_url == "https://news.example.org/kerr.jpg"
    assert art.tags == ["athletics", "mile"]
    assert "jsonld:headline" in art.signals["headline"]
    assert art.signals["authors"].startswith("jsonld")
    assert art.signals["published_raw"].startswith("jsonld")


def test_opengraph_and_meta_when_no_jsonld():
    art = parse(page(
        '<meta property="og:title" content="Kerr wins the Bowerman Mile">'
        '<meta property="article:published_time" content="2024-05-26T07:29:00Z">'
        '<meta name="author" content="Lori Shontz">'
        '<meta property="og:image" content="https://news.example.org/kerr.jpg">'))
    assert art.headline == "Kerr wins the Bowerman Mile"
    assert art.published_raw == "2024-05-26T07:29:00Z"
    assert art.authors == ["Lori Shontz"]
    assert art.image_url == "https://news.example.org/kerr.jpg"
    assert art.signals["published_raw"] == "meta:article:published_time"


def test_time_element_gives_date():
    art = parse(page(article_extra='<time datetime="2024-05-26T02:29:00-05:00">May 26</time>'))
    assert art.published_raw == "2024-05-26T02:29:00-05:00"
    assert art.signals["published_raw"].startswith("time")


def test_body_is_paragraphs_separated_by_blank_lines_without_chrome():
    art = parse(page())
    assert art.body is not None
    assert PARAS[0] in art.body
    assert PARAS[-1] in art.body
    assert f"{PARAS[0]}\n\n{PARAS[1]}" in art.body
    assert "Copyright Example News" not in art.body
    assert "Home" not in art.body.split()


def test_canonical_link_same_site_only():
    same = parse(page('<link rel="canonical" href="https://www.news.example.org/a?utm_source=x">'))
    assert same.canonical_url == "https://www.news.example.org/a"
    other = parse(page('<link rel="canonical" href="https://aggregator.example.com/a">'))
    assert other.canonical_url == URL


def test_language_from_html_lang():
    art = parse(page())
    assert art.language == "en"


def test_empty_page_is_a_parse_error():
    with pytest.raises(ParseError):
        parse("   ")
