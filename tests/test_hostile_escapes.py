"""Hostile world, second round: crawled text never reaches places it must not.

* Printed to a terminal (``stats``, ``search``, their ``--json``), every character a terminal would
  act on (escape sequences, 8-bit CSI, bidi overrides) is shown escaped; JSON stays valid and means
  the same strings. Stored text holds no control character at all (the normalizer drops them).
* The search page marks only the hits: FTS marker look-alikes inside crawled text (the control
  characters of an old archive, the canned queries' ⟦ ⟧) add no ``<mark>``.
* The archive's file name is escaped where the index page links to the search page.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from scraper.items import Page
from scraper.parsers.page import article_from_page
from scraper.text.terminal import json_shown, shown
from tests.archive_helpers import article, build_stages, crawled, make_crawler, run_stages
from tests.fixture_archive import serving
from tests.hostile_report import REPO, crawl_env

ESC = "\x1b]52;c;cm0gLXJmIH4=\x07\x1b[2J"  # OSC 52 (a clipboard write) and clear-screen
CSI8 = "\x9b31m"  # the 8-bit CSI
RLO = "\u202e"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain 3:45.34 – Zürich 🏃", "plain 3:45.34 – Zürich 🏃"),
        ("two\nlines\tand a tab", "two\nlines\tand a tab"),
        ("\x1b[2Jcleared", "\\x1b[2Jcleared"),
        ("bell\x07", "bell\\x07"),
        ("\x9b31mred", "\\x9b31mred"),
        ("del\x7f", "del\\x7f"),
        ("cr\roverwrite", "cr\\x0doverwrite"),
        ("abc\u202edcba", "abc\\u202edcba"),
        ("isolate\u2066x\u2069", "isolate\\u2066x\\u2069"),
        ("not utf-8: \udcff", "not utf-8: \\udcff"),
    ],
)
def test_shown_escapes_what_a_terminal_would_obey(text, expected):
    assert shown(text) == expected


def test_json_shown_is_json_of_the_same_strings():
    data = {"headline": f"Kerr {ESC}{CSI8}{RLO} wins", "n": [1, "\x9b"]}
    out = json_shown(json.dumps(data, ensure_ascii=False))
    assert not re.search("[\x00-\x1f\x7f-\x9f\u202e]", out)
    assert json.loads(out) == data


def test_stored_text_holds_no_control_characters():
    """A page whose JSON-LD carries escapes (\\u001b decodes to ESC) and whose text holds C1
    controls: what is stored of it holds neither, nor the canned queries' hit markers."""
    jsonld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": f"Kerr{ESC} wins ⟦the⟧ mile",
            "author": {"@type": "Person", "name": f"Pat{CSI8} Runner"},
        }
    )
    html = (
        f'<html><head><script type="application/ld+json">{jsonld}</script></head><body>'
        f"<article><h1>Kerr wins the mile</h1><p>Josh Kerr{CSI8} ran 3:45.34 {RLO}at Hayward "
        "Field, beating Jakob Ingebrigtsen over the last lap of a fast race.</p>"
        * 3
        + "</article></body></html>"
    )
    page = Page(
        url="https://example.org/news/kerr",
        status=200,
        headers={"Content-Type": "text/html; charset=utf-8"},
        body=html.encode(),
        fetched_at="2024-05-26T10:00:00+00:00",
        kind="article",
    )
    art = article_from_page(page)
    for value in (art.headline, art.body, *art.authors):
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", value), value
        assert "⟦" not in value
        assert "⟧" not in value
    assert "Kerr" in art.headline


@pytest.fixture(scope="module")
def old_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive written before stored text was cleaned: escapes in headline, authors, meet,
    body, and the search page's FTS markers in the body; and an article stored now whose page
    held the canned queries' markers ⟦ ⟧."""
    db = tmp_path_factory.mktemp("escapes") / "archive.db"
    stages = build_stages(make_crawler(db))
    run_stages(stages, crawled(article()))
    url = "https://example.org/news/hayward"
    body = "At ⟦Hayward⟧ Field the crowd stood ⟦up⟧ for the last lap of the mile."
    fresh = article(url=url, canonical_url=url, headline="Hayward roars", body=body)
    run_stages(stages, crawled(fresh, url=url))
    stages[-1].close_spider()
    conn = sqlite3.connect(db)
    conn.execute(
        "UPDATE articles SET headline = ?, authors = ?, meet_name = ?, body = ? WHERE id = 1",
        [
            f"Kerr wins{ESC}",
            json.dumps([f"Lori{CSI8} Shontz"]),
            f"Prefontaine{RLO} Classic",
            "Josh Kerr \x02set\x03 a British record in the Bowerman Mile, beating "
            "Jakob Ingebrigtsen. <mark>fake</mark>",
        ],
    )
    conn.commit()
    conn.close()
    return db


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scraper.cli", *args],
        cwd=REPO,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "command", [("search", "Kerr"), ("stats",), ("meets",), ("search", "Kerr", "--json")]
)
def test_stats_search_and_meets_show_escapes_never_obey_them(old_archive, command):
    done = cli(*command, "--db", str(old_archive))
    assert done.returncode == 0, done.stderr
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", done.stdout), done.stdout
    if "--json" in command:
        headlines = {hit["headline"] for hit in json.loads(done.stdout)}
        assert f"Kerr wins{ESC}" in headlines  # the same strings, escaped as JSON
    elif command[0] == "search":
        assert "Kerr wins\\x1b]52;c;" in done.stdout


def test_the_search_page_marks_only_the_hits(old_archive, tmp_path):
    """Through a real `meetarchive serve`: the old body's own \\x02/\\x03 and "<mark>" text add no
    mark to the search page, a crawled ⟦ ⟧ none to the canned query's snippet (written 〚 〛 when
    stored); the hits are marked."""
    with serving(old_archive) as base:
        page = fetch(f"{base}/archive/-/search?q=Kerr+Ingebrigtsen")
        canned = fetch(f"{base}/archive/article_search?q=Hayward")
    snippet = page.split('class="search-snippet">', 1)[1].split("</p>", 1)[0]
    assert re.findall(r"<mark>(.*?)</mark>", snippet) == ["Kerr", "Ingebrigtsen"]
    assert "&lt;mark&gt;fake&lt;/mark&gt;" in snippet
    assert re.findall(r"<mark>(.*?)</mark>", canned) == ["Hayward"], canned


def test_the_index_page_escapes_the_archives_file_name(old_archive, tmp_path):
    hostile = tmp_path / 'x"><img src=x onerror=alert(1)>.db'
    shutil.copy(old_archive, hostile)
    with serving(hostile) as base:
        index = fetch(base + "/")
        link = re.search(r'<a href="(/[^"]*/-/search)">Search the articles', index)
        assert link, index
        search = fetch(base + link.group(1).replace("&amp;", "&") + "?q=Kerr")
    assert "<img src=x" not in index
    assert "onerror=alert(1)>" not in index.replace("&gt;", "")  # only ever escaped
    assert "<mark>Kerr</mark>" in search


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode("utf-8")
