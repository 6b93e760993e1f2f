"""Property-based tests: any input to a parser gives an item, a reject or one of our own
exceptions (scraper.errors.MeetarchiveError); no other exception escapes.

Inputs are drawn from arbitrary text, arbitrary bytes, and HTML built from random fragments (tags,
attributes, entities, NUL bytes, lone surrogates' replacement, deep nesting). Example counts stay
modest so the default run stays fast.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scraper.errors import MeetarchiveError
from scraper.items import Article
from scraper.parsers.generic import GenericParser
from scraper.parsers.runnerspace.parser import RunnerSpaceParser
from scraper.results import parse_document, to_contract
from scraper.results.marks import Mark, parse_mark, parse_wind
from scraper.text.encoding import decode_html
from tests.goldens import extract

FETCHED = "2026-11-24T05:00:00+00:00"
RS_URL = "https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=700101"
NEWS_URL = "https://news.example.org/2024/05/26/story.html"
FAST = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

TAGS = [
    "html",
    "head",
    "body",
    "title",
    "h1",
    "h2",
    "p",
    "div",
    "span",
    "a",
    "article",
    "script",
    "style",
    "meta",
    "time",
    "table",
    "tr",
    "td",
    "pre",
    "br",
    "img",
    "noscript",
    "svg",
    "iframe",
    "template",
    "textarea",
    "form",
]
ATTRS = [
    "class",
    "id",
    "href",
    "content",
    "property",
    "name",
    "datetime",
    "itemprop",
    "rel",
    "charset",
    "type",
    "src",
    "onload",
]
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
WORDS = st.sampled_from(
    [
        "By Lori Shontz for DyeStat",
        "Published by DyeStat.com May 25th 2024, 9:29pm",
        "EUGENE -- ",
        "John Nepolitan photos",
        "More news",
        "1. Josh Kerr 3:45.00",
        "2024",
        "Comments",
        "&amp;",
        "&#0;",
        "&#xD800;",
        "&bogus;",
        "\x00",
        "]]>",
        "<!--",
        "-->",
        "<![CDATA[",
        "<?xml version='1.0' encoding='utf-16'?>",
        '{"@type": "NewsArticle", "headline": 1, "author": [null, {}]}',
        "\ufeff",
        "\u202e",
        "\r\n",
        "\t",
    ]
)


@st.composite
def html_fragments(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 5))):
        choice = draw(st.integers(0, 3))
        if choice == 0 or depth > 3:
            parts.append(draw(st.one_of(TEXT, WORDS)))
        else:
            tag = draw(st.sampled_from(TAGS))
            attrs = "".join(
                f' {draw(st.sampled_from(ATTRS))}="{draw(st.one_of(TEXT, WORDS))}"'
                for _ in range(draw(st.integers(0, 2)))
            )
            inner = draw(html_fragments(depth + 1))
            close = draw(st.sampled_from([f"</{tag}>", "", f"</{tag}"]))
            parts.append(f"<{tag}{attrs}>{inner}{close}")
    return "".join(parts)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    head = draw(html_fragments())
    body = draw(html_fragments())
    if draw(st.booleans()):
        nest = draw(st.integers(1, 400))
        body = "<div>" * nest + body + "</div>" * draw(st.integers(0, nest))
    return f"<html><head>{head}</head><body>{body}</body></html>"


PAGES = st.one_of(html_pages(), html_fragments(), st.text(max_size=300))


def holds_to_contract(call, *args) -> object:
    """The call's result, or None when it raised one of our own exceptions."""
    try:
        return call(*args)
    except MeetarchiveError:
        return None


@pytest.mark.parametrize(
    "parser", [GenericParser(), RunnerSpaceParser()], ids=["generic", "runnerspace"]
)
@FAST
@given(html=PAGES)
def test_a_parser_gives_an_article_or_our_error(parser, html):
    url = RS_URL if isinstance(parser, RunnerSpaceParser) else NEWS_URL
    art = holds_to_contract(parser.parse, html, url, FETCHED)
    assert art is None or isinstance(art, Article)


@FAST
@given(
    html=PAGES,
    url=st.sampled_from([RS_URL, NEWS_URL]),
    zone=st.sampled_from([None, "America/Chicago", "UTC"]),
)
def test_extract_normalizes_any_page_or_raises_our_error(html, url, zone):
    art = holds_to_contract(extract, html, url, FETCHED, zone)
    assert art is None or isinstance(art, Article)
    if art is not None and art.published_at:
        assert art.published_at[:4].isdigit()


@FAST
@given(
    body=st.binary(max_size=2000),
    charset=st.sampled_from(
        [None, "utf-8", "latin-1", "bogus", "utf-16", "utf-7", "x-user-defined", ""]
    ),
)
def test_decode_html_decodes_any_bytes(body, charset):
    text, used = decode_html(body, charset and f"text/html; charset={charset}")
    assert isinstance(text, str)
    assert isinstance(used, str)


@FAST
@given(body=st.binary(max_size=2000))
def test_a_parser_reads_any_bytes_after_decoding(body):
    html, _ = decode_html(body, None)
    for parser, url in ((GenericParser(), NEWS_URL), (RunnerSpaceParser(), RS_URL)):
        art = holds_to_contract(parser.parse, html, url, FETCHED)
        assert art is None or isinstance(art, Article)


RESULT_LINES = st.sampled_from(
    [
        "Event 1  Boys 1600 Meter Run",
        "=" * 60,
        "Name Year School Finals",
        "  1 Kerr, Josh  SR Edinburgh  3:45.00  2",
        "Team Scores",
        "  2 # 12 Smith  10.5w  +2.1",
        "DNF",
        "DQ",
        "Women 4x400 Relay",
        "1) Jones 2) Brown",
        "Place,Name,Team,Mark",
        "1,A,B,12.3",
        "\x00",
        "%PDF-1.4",
        "<pre>",
        "</table>",
        "<td>1</td><td>10.01</td>",
        "21-04.50",
        "6.45m",
    ]
)


@FAST
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=1000),
        st.lists(st.one_of(RESULT_LINES, st.text(max_size=30)), max_size=30).map("\n".join),
    )
)
def test_results_parser_gives_a_document_or_our_error(data):
    doc = holds_to_contract(parse_document, data, "https://results.example.org/r.txt")
    if doc is not None:
        assert isinstance(to_contract(doc), dict)


@FAST
@given(
    raw=st.one_of(
        st.none(),
        st.text(max_size=40),
        st.from_regex(
            r"[-+]?\d{0,3}[:.\-']?\d{0,2}[.]?\d{0,3}[mw\"']?\s?[A-Z]{0,3}", fullmatch=True
        ),
    ),
    hint=st.sampled_from([None, "time", "distance", "points", "height", "bogus"]),
)
def test_marks_parse_any_text(raw, hint):
    mark = holds_to_contract(parse_mark, raw, hint)
    wind = holds_to_contract(parse_wind, raw)
    assert mark is None or isinstance(mark, Mark)
    if mark is not None and mark.value is not None:
        assert math.isfinite(mark.value)
    assert wind is None or isinstance(wind, tuple)
