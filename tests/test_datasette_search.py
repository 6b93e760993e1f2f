"""The article search page of `meetarchive serve` (datasette/plugins/meetarchive_search.py), served
for real over an archive built by a crawl of the fixture site: it finds the seed with the hits
marked, orders newest first on request, shows a page's `<script>` as text, answers every hostile
query with a page (results or a one-line message, never a server error), reads the archive
through Datasette's read-only (and immutable) connections without writing it, and is the page the
metadata links to and large archives send table searches to."""

from __future__ import annotations

import asyncio
import hashlib
import importlib.util
import sqlite3
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html
import pytest
import sqlite_utils

from pipelines.search import SearchError, search
from scraper.cli.serve import PLUGINS, TEMPLATES, load_metadata
from tests.archive_helpers import rows
from tests.fixture_archive import crawl_fixture_site, serving
from tests.goldens import SEED

HOSTILE = [
    '"',
    'Kerr"',
    '"British record',
    "Ingebrigtsen -Kerr",
    "a OR",
    "NEAR(",
    "*",
    "'",
    "Kerr AND",
    "(",
    "col:val",
    "%",
    "\\",
    "^Kerr",
    "   ",
    "",
    "Ørjan Ædel",
    "🏃",
    "x" * 300,
    "y " * 80,
    "z" * 1200,
    "-Kerr",
    "NOT",
    "headline:",
    "\x00Kerr",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    'body:"',
    "Kerr*^",
    "AND OR NOT",
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("search-page") / "archive.db"
    crawl_fixture_site(db)
    return db


def digest(db: Path) -> dict[str, str]:
    """The bytes of the archive file and of its WAL's frames (a reader of a WAL archive may
    create an empty -wal file and the -shm index, which are not data)."""
    files = (db, db.with_name(db.name + "-wal"))
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in files
        if p.exists() and p.stat().st_size
    }


@pytest.fixture(scope="module")
def served(archive: Path) -> Iterator[tuple[str, Path, dict[str, str]]]:
    """`meetarchive serve` over a copy named other.db (links re-keyed), with its digest before."""
    copy = archive.with_name("other.db")
    copy.write_bytes(archive.read_bytes())
    before = digest(copy)
    with serving(copy) as base:
        yield base, copy, before


def get(url: str) -> tuple[int, str, str]:
    """(status, final URL, body): redirects followed, error pages read too."""
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, resp.url, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, url, exc.read().decode()


def search_page(base: str, q: str, order: str | None = None, db: str = "other") -> tuple[int, Any]:
    params = {"q": q} | ({"order": order} if order else {})
    status, _, body = get(f"{base}/{db}/-/search?" + urllib.parse.urlencode(params))
    return status, lxml.html.fromstring(body)


def hits(page: Any) -> list[dict[str, Any]]:
    out = []
    for li in page.cssselect("li.search-hit"):
        link = li.cssselect("h3.search-headline a")[0]
        snippet = li.cssselect("p.search-snippet")
        out.append(
            {
                "headline": link.text_content(),
                "href": link.get("href"),
                "date": li.cssselect(".search-date")[0].text_content(),
                "meta": li.cssselect("p.search-meta")[0].text_content(),
                "marks": [m.text_content() for m in li.cssselect("p.search-snippet mark")],
                "snippet_html": lxml.html.tostring(snippet[0], encoding="unicode")
                if snippet
                else "",
                "url": li.cssselect("p.search-url")[0].text_content(),
            }
        )
    return out


def direct(db: Path, q: str, order: str) -> list[dict[str, Any]]:
    """pipelines.search on a read-only connection of the same file: what the page must show."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return search(sqlite_utils.Database(conn), q, 20, order=order)
    finally:
        conn.close()


def test_the_seed_is_found_with_the_hits_marked(
    served: tuple[str, Path, dict[str, str]], archive: Path
):
    base, _, _ = served
    status, page = search_page(base, 'Ingebrigtsen "British record"')
    found = hits(page)
    assert status == 200
    assert found[0]["headline"] == SEED["headline"]
    assert found[0]["href"] == "/other/articles/" + found[0]["href"].rsplit("/", 1)[1]
    assert found[0]["date"] == SEED["published_at"][:10]
    assert "Lori Shontz" in found[0]["meta"]
    assert "Prefontaine Classic" in found[0]["meta"]
    assert "British record" in found[0]["marks"]
    assert "Ingebrigtsen" in found[0]["marks"]
    # the address the article was fetched from (its key, news.php?news_id=N, may be no page)
    [(fetched,)] = rows(
        archive, f"SELECT url FROM articles WHERE canonical_url = '{SEED['canonical_url']}'"
    )
    assert found[0]["url"] == fetched != SEED["canonical_url"]
    # the headline links to the article's row page, which shows that article
    status, _, row = get(base + found[0]["href"])
    assert status == 200
    assert "Josh Kerr Grabs Lead" in row


@pytest.mark.parametrize("order", ["rank", "newest"])
def test_the_page_shows_what_our_search_finds_in_either_order(
    served: tuple[str, Path, dict[str, str]], order: str
):
    base, db, _ = served
    _, page = search_page(base, "mile", order)
    shown = hits(page)
    expected = direct(db, "mile", order)
    assert len(expected) >= 4
    assert [h["headline"] for h in shown] == [e["headline"] for e in expected]
    checked = page.cssselect(f"input[name=order][value={order}]")[0]
    assert checked.get("checked") is not None
    if order == "newest":
        dates = [h["date"] for h in shown]
        assert dates == sorted(dates, reverse=True)


def test_a_page_script_in_an_article_is_shown_as_text(served: tuple[str, Path, dict[str, str]]):
    base, _, _ = served
    status, _, body = get(f"{base}/other/-/search?q=widget")
    page = lxml.html.fromstring(body)
    (hit,) = hits(page)
    assert status == 200
    assert hit["headline"] == "How To Embed Live Results: One <script> Tag And <b>Bold</b> Marks"
    assert "&lt;script&gt;" in body
    assert "<script>window." not in body
    assert "<img src=x onerror" not in body
    assert page.cssselect("li.search-hit script, li.search-hit img, li.search-hit b") == []


@pytest.mark.parametrize("text", HOSTILE)
def test_any_query_gets_a_page_with_results_or_one_line(
    served: tuple[str, Path, dict[str, str]], text: str
):
    base, _, _ = served
    status, page = search_page(base, text)
    errors = [e.text_content() for e in page.cssselect("p.search-error")]
    assert status == 200
    if errors:
        (error,) = errors
        assert error.strip()
        assert "\n" not in error.strip()
        assert "Traceback" not in error
    else:
        assert page.cssselect("li.search-hit") or page.cssselect("p.search-none")
    assert page.cssselect("input[name=q]")


def test_a_query_that_cannot_be_searched_says_why(served: tuple[str, Path, dict[str, str]]):
    base, _, _ = served
    for text, words in [
        ("   ", "Nothing to search for"),
        ("-Kerr", "at least one word"),
        ("z" * 1200, "too long"),
    ]:
        _, page = search_page(base, text)
        (error,) = page.cssselect("p.search-error")
        assert words.lower() in error.text_content().lower()
        assert page.cssselect("li.search-hit") == []


def test_searching_does_not_write_the_archive(served: tuple[str, Path, dict[str, str]]):
    base, db, before = served
    for q in ["Kerr", "mile", "steeple*", '"British record"', "the"]:
        for order in ("rank", "newest"):
            assert search_page(base, q, order)[0] == 200
    assert digest(db) == before
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    assert conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name LIKE '%snippet%'"
    ).fetchone() == (0,)
    conn.close()


def test_the_search_page_works_on_an_immutable_snapshot(archive: Path):
    copy = archive.with_name("snapshot.db")
    copy.write_bytes(archive.read_bytes())
    before = digest(copy)
    with serving(copy, "--immutable") as base:
        _, page = search_page(base, 'Ingebrigtsen "British record"', db="snapshot")
        _, newest = search_page(base, "mile", "newest", db="snapshot")
    assert hits(page)[0]["headline"] == SEED["headline"]
    assert "British record" in hits(page)[0]["marks"]
    assert len(hits(newest)) >= 4
    assert digest(copy) == before


def test_the_time_limit_gives_a_message(archive: Path):
    """The search runs under Datasette's SQL time limit: past it, a one-line message."""
    spec = importlib.util.spec_from_file_location(
        "meetarchive_search_plugin", PLUGINS / "meetarchive_search.py"
    )
    assert spec
    assert spec.loader
    plugin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plugin)
    conn = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    assert plugin.run_search(conn, "Kerr", 20, "rank", 3000)  # within the limit: found
    with pytest.raises(SearchError) as caught:
        plugin.run_search(conn, "Kerr", 20, "rank", 0)
    assert not conn.in_transaction  # the connection goes back to Datasette as it came
    assert plugin.run_search(conn, "Kerr", 20, "newest", 3000)
    conn.close()
    assert plugin.message(caught.value, 0).startswith(
        "This search took longer than the time limit (0 ms)"
    )


def test_the_index_and_the_articles_table_link_to_the_search_page(
    served: tuple[str, Path, dict[str, str]],
):
    base, _, _ = served
    for path in ("/", "/other/articles", "/other/article_search"):
        status, _, body = get(base + path)
        assert status == 200
        assert 'href="/other/-/search"' in body, path
    status, final, body = get(base + "/-/search?q=Kerr")
    assert final.endswith("/other/-/search?q=Kerr")
    assert hits(lxml.html.fromstring(body))
    assert get(base + "/nowhere/-/search?q=Kerr")[0] == 404


def fetch(archive: Path, *paths: str, redirect_from: int) -> list[Any]:
    """GET each path (redirects not followed) from an in-process Datasette set up as
    `meetarchive serve` does, with the table-search redirect threshold given."""
    from datasette.app import Datasette

    meta = load_metadata(archive.stem)
    meta["plugins"]["meetarchive_search"]["table_search_redirect_from"] = redirect_from

    async def run() -> list[Any]:
        ds = Datasette(
            [str(archive)],
            metadata=meta,
            plugins_dir=str(PLUGINS),
            template_dir=str(TEMPLATES),
            settings={"sql_time_limit_ms": 3000},
        )
        await ds.invoke_startup()
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(run())


FORM = (
    "_search=Kerr+mile&_sort=published_at&_sort_by_desc=on&_filter_column=&_filter_op=exact"
    "&_filter_value="
)


def test_a_large_archive_sends_plain_table_searches_to_the_search_page(archive: Path):
    plain, form, explicit, facet, filtered, as_json, empty = fetch(
        archive,
        "/archive/articles?_search=Kerr",
        f"/archive/articles?{FORM}",
        "/archive/articles?_search=Kerr&_sort_desc=published_at",
        "/archive/articles?_search=Kerr&_facet=source",
        "/archive/articles?_search=Kerr&source=runnerspace",
        "/archive/articles.json?_search=Kerr",
        "/archive/articles?_search=",
        redirect_from=0,
    )
    assert plain.status_code == form.status_code == 302
    assert plain.headers["location"] == "/archive/-/search?q=Kerr&order=newest"
    assert form.headers["location"] == "/archive/-/search?q=Kerr+mile&order=newest"
    # anything the search page does not do keeps the table page, with its counts and facets
    for resp in (explicit, facet, filtered, as_json):
        assert resp.status_code == 200, resp.url
    assert empty.status_code != 302  # nothing to search for: the table page (Datasette's 400)
    assert 'class="facet-results"' in explicit.text


def test_a_small_archive_keeps_the_table_search(archive: Path):
    (plain,) = fetch(archive, "/archive/articles?_search=Kerr", redirect_from=10_000)
    assert plain.status_code == 200
    assert "Josh Kerr Grabs Lead" in plain.text
