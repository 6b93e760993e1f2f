"""Authors from unlabelled bylines and CMS accounts, on small hand-written pages."""

from __future__ import annotations

import json

import pytest

from scraper.parsers.common.meta import PageSignals
from scraper.parsers.generic import parse_tree

URL = "https://news.example.org/athletics/story"
TEXT = (
    "<p>Josh Kerr ran a British record over the mile in Eugene on Saturday, ahead of a field "
    "that held three Olympic medallists and the world record holder.</p>"
)


def ld_author(name: str, link: str) -> str:
    obj = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Kerr wins",
        "author": {"@id": link, "name": name},
    }
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def page(head: str = "", under: str = "", byline: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><article><h1>Kerr wins the mile</h1>{byline}"
        f"<div class='meta'>{under}</div>{TEXT}</article></body></html>"
    )


def authors(html: str) -> tuple[list[str], str] | None:
    found = PageSignals(parse_tree(html), URL).authors()
    return (found[0], found[1]) if found else None


@pytest.mark.parametrize(
    ("case", "html", "want"),
    [
        (
            "a name alone in bold as the first paragraph",
            page(under="<p><strong>JANE MOLEFE&nbsp;</strong></p>"),
            (["Jane Molefe"], "byline:under-headline"),
        ),
        (
            "a name set off beside the date line",
            page(under="<span>Jane Molefe |</span><span>05.04.2025 - 10:31</span>"),
            (["Jane Molefe"], "byline:under-headline"),
        ),
        (
            "a plain short line is no byline (no bold, no date beside it)",
            page(under="<span>Track And Field</span><span>More sports</span>"),
            None,
        ),
        (
            "a bold subheading inside the text is no byline",
            page(under=f"{TEXT}<p><strong>Jane Molefe</strong></p>"),
            None,
        ),
        (
            "a CMS account in JSON-LD is no author; the byline under the headline is",
            page(
                head=ld_author("Example D", "https://news.example.org/author/admin/"),
                byline="<a class='author' href='/author/admin/'>By Example D</a>",
                under="<p><b>Jane Molefe</b></p>",
            ),
            (["Jane Molefe"], "byline:under-headline"),
        ),
        (
            "a byline linked to a CMS user account is no author",
            page(
                byline="<a class='author' href='/user/webmaster'>Site Webmaster</a>",
                under="<p><b>Jane Molefe</b></p>",
            ),
            (["Jane Molefe"], "byline:under-headline"),
        ),
        (
            "a byline linked to a person's author page is kept",
            page(byline="<a class='author' href='/autor/max-muster'>Max Muster</a>"),
            (["Max Muster"], "byline:href"),
        ),
        (
            "a person's author page is kept",
            page(head=ld_author("Jane Molefe", "https://news.example.org/author/jane-molefe/")),
            (["Jane Molefe"], "jsonld:author"),
        ),
    ],
)
def test_unlabelled_bylines_and_accounts(case, html, want):
    assert authors(html) == want, case
