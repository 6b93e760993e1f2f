"""Sitemaps, Google News sitemaps, RSS and Atom feeds read into entries (scraper.crawl.sitemaps)."""

from __future__ import annotations

import gzip

import pytest

from scraper.crawl.sitemaps import parse_document, robots_sitemaps

BASE = "https://gazette.example/sitemap.xml"
NEWS = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"
        xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
  <url>
    <loc>https://gazette.example/story/1</loc>
    <lastmod>2024-06-02T00:00:00Z</lastmod>
    <image:image><image:loc>https://gazette.example/1.jpg</image:loc>
      <image:title>Not the headline</image:title></image:image>
    <news:news>
      <news:publication><news:name>Gazette</news:name></news:publication>
      <news:publication_date>2024-06-01T18:30:00-05:00</news:publication_date>
      <news:title>Bol &amp; The Hurdles</news:title>
    </news:news>
  </url>
  <url><loc> https://gazette.example/story/2 </loc></url>
  <url><lastmod>2024-01-01</lastmod></url>
</urlset>"""


def test_news_sitemap_keeps_publication_date_and_title():
    doc = parse_document(NEWS, BASE)
    assert doc.kind == "urlset"
    first, second = doc.entries  # the <url> without <loc> is skipped
    assert (first.url, first.published, first.title, first.lastmod) == (
        "https://gazette.example/story/1",
        "2024-06-01T18:30:00-05:00",
        "Bol & The Hurdles",
        "2024-06-02T00:00:00Z",
    )
    assert (second.url, second.published, second.title) == (
        "https://gazette.example/story/2",
        None,
        None,
    )


def test_sitemap_index():
    doc = parse_document(
        b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://gazette.example/s1.xml</loc><lastmod>2024-06-01</lastmod></sitemap>
      <sitemap><loc>https://gazette.example/s2.xml.gz</loc></sitemap></sitemapindex>""",
        BASE,
    )
    assert doc.kind == "sitemapindex"
    assert [(e.url, e.lastmod) for e in doc.entries] == [
        ("https://gazette.example/s1.xml", "2024-06-01"),
        ("https://gazette.example/s2.xml.gz", None),
    ]


def test_gzipped_sitemap():
    doc = parse_document(gzip.compress(NEWS), BASE)
    assert len(doc.entries) == 2
    assert not doc.truncated


def test_rss():
    doc = parse_document(
        b"""<?xml version="1.0"?><rss version="2.0"
      xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
      <title>Gazette</title><link>https://gazette.example/</link>
      <item><title>One</title><link>https://gazette.example/story/1</link>
        <pubDate>Sat, 01 Jun 2024 23:30:00 GMT</pubDate></item>
      <item><title>Two</title><guid>https://gazette.example/story/2</guid>
        <dc:date>2024-06-02T10:00:00Z</dc:date></item>
      <item><title>Three</title><guid isPermaLink="false">tag:3</guid></item>
    </channel></rss>""",
        "https://gazette.example/rss",
    )
    assert doc.kind == "rss"
    assert [(e.url, e.published, e.title) for e in doc.entries] == [
        ("https://gazette.example/story/1", "Sat, 01 Jun 2024 23:30:00 GMT", "One"),
        ("https://gazette.example/story/2", "2024-06-02T10:00:00Z", "Two"),
    ]


def test_atom_takes_the_alternate_html_link():
    doc = parse_document(
        b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>G</title>
      <link href="https://gazette.example/"/>
      <entry><title type="html">One</title>
        <link rel="replies" href="https://gazette.example/story/1#comments"/>
        <link rel="alternate" type="text/html" href="/story/1"/>
        <published>2024-06-03T08:00:00Z</published><updated>2024-06-04T08:00:00Z</updated>
      </entry></feed>""",
        "https://gazette.example/atom.xml",
    )
    assert doc.kind == "atom"
    [entry] = doc.entries
    assert (entry.url, entry.published, entry.lastmod, entry.title) == (
        "https://gazette.example/story/1",
        "2024-06-03T08:00:00Z",
        "2024-06-04T08:00:00Z",
        "One",
    )


def test_bounds_cut_long_documents():
    urls = b"".join(b"<url><loc>https://g.example/%d</loc></url>" % i for i in range(100))
    body = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + urls + b"</urlset>"
    doc = parse_document(body, BASE, max_entries=10)
    assert len(doc.entries) == 10
    assert doc.truncated
    doc = parse_document(body, BASE, max_bytes=1000)
    assert 0 < len(doc.entries) < 30
    assert doc.truncated
    doc = parse_document(gzip.compress(body), BASE, max_bytes=1000)
    assert 0 < len(doc.entries) < 30
    assert doc.truncated


def test_entities_are_never_resolved():
    doc = parse_document(
        b"""<?xml version="1.0"?>
      <!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/passwd">]>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://g.example/&x;</loc></url></urlset>""",
        BASE,
    )
    assert all("root:" not in e.url for e in doc.entries)


def test_html_or_garbage_is_no_document():
    assert parse_document(b"<html><body>Not found</body></html>", BASE).entries == []
    assert parse_document(b"\x00\xff garbage", BASE).entries == []
    assert parse_document(b"", BASE).entries == []


def test_robots_sitemap_lines():
    text = (
        "User-agent: *\nDisallow: /private/\nSitemap: https://g.example/a.xml\n"
        "sitemap:/relative.xml\n  SITEMAP :  https://g.example/a.xml\n"
    )
    assert robots_sitemaps(text, "https://g.example/robots.txt") == [
        "https://g.example/a.xml",
        "https://g.example/relative.xml",
    ]


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<url><loc>/a</loc></url></urlset>",
            None,
        ),
        (b"<urlset/>", None),  # an empty sitemap is complete
        (b"", "unreadable: "),
    ],
)
def test_a_document_not_read_whole_says_why(body, problem):
    found = parse_document(body, "https://example.org/sitemap.xml").problem
    if problem is None:
        assert found is None
    else:
        assert problem in found


def test_a_document_cut_at_its_entry_bound_says_so():
    urls = b"".join(b"<url><loc>/p%d</loc></url>" % i for i in range(5))
    body = b"<urlset>" + urls + b"</urlset>"
    doc = parse_document(body, "https://example.org/sitemap.xml", max_entries=3)
    assert doc.problem == "cut at 3 entries or its size limit"
