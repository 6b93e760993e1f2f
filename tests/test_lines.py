"""text_lines: a page as the lines a browser renders."""

import pytest
from lxml import html as lxml_html

from scraper.parsers.common.lines import text_lines, title_candidates


def lines_of(fragment: str) -> list[str]:
    return [
        ln.text for ln in text_lines(lxml_html.fragment_fromstring(fragment, create_parent="div"))
    ]


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("<p>One</p><p>Two  <b>bold</b>\n words</p>", ["One", "Two bold words"]),
        (
            "Published by<br><a href='/'>DyeStat.com</a> &nbsp; May 26th 2024, 2:29am<br>Comments",
            ["Published by", "DyeStat.com May 26th 2024, 2:29am", "Comments"],
        ),
        ("<div>a<script>var x = 1;</script>b<style>p{}</style></div>", ["ab"]),
        ("<p>shown</p><p style='display: none'>hidden</p><p hidden>also hidden</p>", ["shown"]),
        ("<select><option>2024</option></select><input value='Find something'>text", ["text"]),
        (
            "<table><tr><th>Year</th><th>News</th></tr><tr><td>2024</td><td>14</td></tr></table>",
            ["Year", "News", "2024", "14"],
        ),
        ("<span>inline <em>stays</em> on</span> one line", ["inline stays on one line"]),
        ("", []),
    ],
)
def test_text_lines(fragment: str, expected: list[str]) -> None:
    assert lines_of(fragment) == expected


def test_gap_and_link_density() -> None:
    root = lxml_html.fragment_fromstring(
        "<div>first<br>second<br><br>third<p><a href='/'>ALL LINK</a> | x</p></div>"
    )
    lines = text_lines(root)
    assert [(ln.text, ln.gap) for ln in lines[:3]] == [
        ("first", False),
        ("second", False),
        ("third", True),
    ]
    assert lines[3].link_density == pytest.approx(8 / 12)
    assert [ln.index for ln in lines] == [0, 1, 2, 3]


def test_title_candidates() -> None:
    tree = lxml_html.document_fromstring(
        "<html><head><title>DyeStat.com - News - Meet - Day Two</title></head><body></body></html>"
    )
    cands = title_candidates(tree)
    for text in ("DyeStat.com - News - Meet - Day Two", "Meet - Day Two", "News", "Day Two"):
        assert cands[text.casefold()] == "title"
