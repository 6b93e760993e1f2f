"""The headline among a page's title signals (og:title, JSON-LD/meta headline, <h1>, <title>),
on small hand-written pages: one row per rule."""

from __future__ import annotations

import json

import pytest

from scraper.parsers.common.meta import PageSignals
from scraper.parsers.common.titles import is_teaser, shared_tail, wraps
from scraper.parsers.generic import parse_tree

URL = "https://news.example.org/athletics/story"


def page(
    og: str | None = None,
    ld: str | None = None,
    h1: str | None = None,
    title: str | None = None,
    meta_headline: str | None = None,
    site: str = "Example News",
) -> str:
    head = [f'<meta property="og:site_name" content="{site}">']
    if og is not None:
        head.append(f'<meta property="og:title" content="{og}">')
    if meta_headline is not None:
        head.append(f'<meta name="headline" content="{meta_headline}">')
    if ld is not None:
        obj = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": ld}
        head.append(f'<script type="application/ld+json">{json.dumps(obj)}</script>')
    if title is not None:
        head.append(f"<title>{title}</title>")
    h = f"<h1>{h1}</h1>" if h1 is not None else ""
    return (
        f"<html><head>{''.join(head)}</head><body><article>{h}"
        "<p>Josh Kerr ran a British record over the mile in Eugene on Saturday.</p>"
        "</article></body></html>"
    )


def headline(html: str) -> tuple[str, str] | None:
    return PageSignals(parse_tree(html), URL).headline()


HEAD = "Kerr breaks the British mile record in Eugene"


@pytest.mark.parametrize(
    ("case", "html", "want", "signal"),
    [
        # og:title is the page's own declared title: it wins over a different <h1> wording
        (
            "og:title first",
            page(og="Kerr beats Ingebrigtsen again in the mile", h1=HEAD, ld=HEAD),
            "Kerr beats Ingebrigtsen again in the mile",
            "meta:og:title",
        ),
        (
            "site name removed from og:title",
            page(og=f"{HEAD} | Example News"),
            HEAD,
            "meta:og:title",
        ),
        # a site suffix on an unseen site: a part that is a domain name, or a site name that
        # og:site_name does not give but the <title> chain repeats
        (
            "domain-name suffix removed",
            page(og=f"{HEAD} | TrackGazette.com", h1=HEAD, site="Gazette"),
            HEAD,
            "h1+meta:og:title",
        ),
        (
            "site name before the headline removed",
            page(og=f"Example News - {HEAD}", h1=HEAD),
            HEAD,
            "h1+meta:og:title",
        ),
        (
            "signals that agree are all named",
            page(og=HEAD, ld=HEAD, h1=HEAD, title=f"{HEAD} - Example News"),
            HEAD,
            "h1+jsonld:headline+meta:og:title+title",
        ),
        # the declared headline, decorated in og:title by a kicker and a section chain
        (
            "kicker and section around the headline",
            page(og=f"Diamond League: {HEAD} | Athletics", ld=HEAD, h1=HEAD),
            HEAD,
            "jsonld:headline<meta:og:title",
        ),
        (
            "meta name=headline is a headline signal",
            page(og=f"{HEAD}-Sport", meta_headline=HEAD),
            HEAD,
            "meta:headline<meta:og:title",
        ),
        # a kicker the headline itself carries stays (only the <h1> drops it)
        (
            "kicker kept when the headline has it",
            page(og=f"Prefontaine Classic: {HEAD}", ld=f"Prefontaine Classic: {HEAD}", h1=HEAD),
            f"Prefontaine Classic: {HEAD}",
            "jsonld:headline+meta:og:title",
        ),
        # two different kickers before one headline: the headline they share
        (
            "two kickers, one headline",
            page(og=f"Diamond League: {HEAD}", h1=f"Track and field - {HEAD}"),
            HEAD,
            "meta:og:title&h1:shared-tail",
        ),
        # a short social teaser that is another text than the headline
        (
            "teaser og:title",
            page(og="What a run in Eugene", ld=HEAD, h1=HEAD),
            HEAD,
            "jsonld:headline>meta:og:title",
        ),
        (
            "no og:title: the JSON-LD headline",
            page(ld=HEAD, h1="Kerr breaks the British mile record", title="Home | Example News"),
            HEAD,
            "jsonld:headline",
        ),
        ("only an <h1>", page(h1=HEAD), HEAD, "h1"),
        (
            "ALL CAPS og:title: the same words in their casing",
            page(og=HEAD.upper(), ld=HEAD, h1=HEAD.upper()),
            HEAD,
            "h1+jsonld:headline+meta:og:title",
        ),
        (
            "ALL CAPS kept when no signal has another casing",
            page(og=HEAD.upper()),
            HEAD.upper(),
            "meta:og:title",
        ),
        (
            "og:title that only names the site is no title",
            page(og="Example News", h1=HEAD),
            HEAD,
            "h1",
        ),
    ],
)
def test_headline_rules(case, html, want, signal):
    assert headline(html) == (want, signal), case


@pytest.mark.parametrize(
    ("outer", "inner", "want"),
    [
        (f"Kicker: {HEAD}", HEAD, True),
        (f"{HEAD} | Section", HEAD, True),
        (f"{HEAD}-Sport", HEAD, True),
        (f"Kicker – {HEAD} | Section | Site", HEAD, True),
        (HEAD, HEAD, False),  # nothing around it
        (f"Kerr: {HEAD}s", HEAD, False),  # not on a word/separator boundary
        (f"Olympic 1500 m champion {HEAD}", HEAD, False),  # no separator: part of the sentence
        (f"{HEAD} | {'a much longer trailing chain than the headline itself'}", HEAD, False),
    ],
)
def test_wraps(outer, inner, want):
    assert wraps(outer, inner) is want


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        (f"Diamond League: {HEAD}", f"Track and field - {HEAD}", HEAD),
        (f"Diamond League: {HEAD}", HEAD, None),  # one is the other + kicker
        (f"Kerr's coach: {HEAD}", f"Kerr's new coach: {HEAD}", None),  # kicker variants
        (f"Diamond League: {HEAD}", f"Track: {HEAD} tonight", None),  # different tails
        ("Diamond League: Kerr wins", "Track - Kerr wins", None),  # tail too short
    ],
)
def test_shared_tail(a, b, want):
    assert shared_tail(a, b) == want


@pytest.mark.parametrize(
    ("social", "head", "want"),
    [
        ("What a run in Eugene", HEAD, True),
        ("Kerr breaks British mile record", HEAD, False),  # same words, shorter: a variant
        ("Kerr wins in Eugene on a windy Saturday night", HEAD, False),  # not shorter
    ],
)
def test_is_teaser(social, head, want):
    assert is_teaser(social, head) is want
