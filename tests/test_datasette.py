"""datasette/metadata.yml over an archive built by a real crawl of the fixture site: every table,
column and facet it names exists, every canned query runs (with hostile inputs too), article text
is never rendered as markup, and the archive is served read-only with a SQL time limit."""

from __future__ import annotations

import asyncio
import re
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import yaml

from scraper.cli.serve import METADATA, PLUGINS, load_metadata
from tests.fixture_archive import crawl_fixture_site, serving

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
    "Ørjan Ædel",
    "🏃",
    "x" * 300,
]
SAMPLE_PARAMS = {"q": "Ingebrigtsen Kerr", "athlete": "Ingebrigtsen", "meet": "Prefontaine"}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("fixture-archive") / "archive.db"
    crawl_fixture_site(db)
    return db


@pytest.fixture(scope="module")
def metadata() -> dict[str, Any]:
    return yaml.safe_load(METADATA.read_text(encoding="utf-8"))


def fetch(archive: Path, *paths: str, ordinary: bool = False) -> list[Any]:
    """GET each path from an in-process Datasette over the archive, as `meetarchive serve` sets
    it up (metadata, plugins, read-only, time limit), or, with ``ordinary``, as
    `datasette archive.db -m datasette/metadata.yml` does (the metadata file as is, no plugins)."""
    from datasette.app import Datasette

    async def run() -> list[Any]:
        if ordinary:
            ds = Datasette(
                [str(archive)], metadata=yaml.safe_load(METADATA.read_text(encoding="utf-8"))
            )
        else:
            ds = Datasette(
                [str(archive)],
                metadata=load_metadata(archive.stem),
                plugins_dir=str(PLUGINS),
                settings={"sql_time_limit_ms": 3000},
            )
        await ds.invoke_startup()
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(run())


def canned_queries(metadata: dict[str, Any]) -> dict[str, Any]:
    return metadata["databases"]["archive"]["queries"]


def test_the_crawl_gave_the_archive_its_articles(archive: Path):
    (resp,) = fetch(archive, "/archive/articles.json?_shape=array&_size=100")
    headlines = [r["headline"] for r in resp.json()]
    assert len(headlines) >= 10
    assert any("Ingebrigtsen" in h for h in headlines)


def test_every_table_column_and_facet_named_exists(archive: Path, metadata: dict[str, Any]):
    import sqlite3

    conn = sqlite3.connect(archive)
    tables = metadata["databases"]["archive"]["tables"]
    for table, conf in tables.items():
        columns = {r[1] for r in conn.execute(f"PRAGMA table_xinfo([{table}])")}
        assert columns, f"no table {table}"
        named = set(conf.get("columns", {}))
        named |= {
            f if isinstance(f, str) else next(iter(f.values())) for f in conf.get("facets", [])
        }
        named |= {conf[k] for k in ("sort", "sort_desc", "label_column", "fts_pk") if k in conf}
        assert named <= columns, (table, named - columns)
        if "fts_table" in conf:
            assert conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = ?", [conf["fts_table"]]
            ).fetchone()


def test_the_articles_table_is_searchable_newest_first_with_facets(archive: Path):
    (resp,) = fetch(archive, "/archive/articles.json?_search=Ingebrigtsen&_size=100")
    data = resp.json()
    assert resp.status_code == 200
    assert data["rows"], "full-text search found nothing"
    assert "sorted by published_at descending" in data["human_description_en"]
    dates = [row[data["columns"].index("published_at")] for row in data["rows"]]
    assert dates == sorted(dates, reverse=True)
    assert set(data["facet_results"]) == {"source", "meet_name", "year", "authors"}
    assert {"value": "runnerspace"}.items() <= data["facet_results"]["source"]["results"][0].items()


def test_the_results_table_is_searchable_by_athlete_and_team_with_facets(archive: Path):
    by_athlete, by_team = fetch(
        archive,
        "/archive/results.json?_search=Ingebrigtsen&_shape=objects",
        "/archive/results.json?_search=Brooks+Beasts&_shape=objects",
    )
    athletes = [r["athlete"] for r in by_athlete.json()["rows"]]
    assert athletes
    assert all("INGEBRIGTSEN" in a.upper() for a in athletes)
    assert any(r["team"] == "Brooks Beasts" for r in by_team.json()["rows"])
    assert set(by_athlete.json()["facet_results"]) == {
        "event",
        "gender",
        "round",
        "meet_name",
        "meet_year",
    }


@pytest.mark.parametrize("ordinary", [False, True], ids=["serve", "ordinary-datasette"])
def test_every_canned_query_runs(archive: Path, metadata: dict[str, Any], ordinary: bool):
    queries = canned_queries(metadata)
    assert set(queries) >= {
        "article_search",
        "athlete_timeline",
        "meet_coverage",
        "records_and_pbs",
    }
    paths = []
    for name, conf in queries.items():
        params = sorted(set(re.findall(r"(?<!:):(\w+)", conf["sql"])))
        assert set(params) <= set(SAMPLE_PARAMS), (name, params)
        query = "&".join(f"{p}={urllib.request.quote(SAMPLE_PARAMS[p])}" for p in params)
        paths.append(f"/archive/{name}.json?_shape=objects&{query}")
    for name, resp in zip(queries, fetch(archive, *paths, ordinary=ordinary), strict=True):
        data = resp.json()
        assert resp.status_code == 200, (name, data)
        assert data["ok"] is not False, (name, data)
        assert data["rows"], f"{name} found nothing on the fixture archive"


def test_article_search_finds_the_seed_article_with_marked_snippets(archive: Path):
    (resp,) = fetch(archive, "/archive/article_search.json?_shape=array&q=Ingebrigtsen+Kerr")
    rows = resp.json()
    assert rows[0]["headline"].startswith("Josh Kerr Grabs Lead With 600 To Go")
    assert "⟦" in rows[0]["snippet"]


def test_athlete_timeline_lists_the_articles_that_mention_the_athlete(archive: Path):
    (resp,) = fetch(archive, "/archive/athlete_timeline.json?_shape=array&athlete=Ingebrigtsen")
    rows = resp.json()
    assert any(r["title"].startswith("Josh Kerr Grabs Lead") for r in rows)
    assert any(r["kind"] == "result" and "3:45.60" in r["detail"] for r in rows)
    assert any(
        r["kind"] == "result stated in article" and r["detail"] == "#2 3:45.60" for r in rows
    )
    dates = [r["date"] or "" for r in rows]  # undated results last
    assert dates == sorted(dates, reverse=True)


def test_meet_coverage_lists_articles_with_photo_credits(archive: Path):
    (resp,) = fetch(archive, "/archive/meet_coverage.json?_shape=array&meet=Prefontaine")
    rows = resp.json()
    assert any(r["photo_credit"] == "John Nepolitan" for r in rows)
    assert any(r["kind"] == "result" and (r["title"] or "").startswith("Josh Kerr") for r in rows)
    assert all("Prefontaine" in (r["detail"] or "") for r in rows if r["kind"] == "article")


def test_meet_coverage_lists_each_performance_once_in_program_and_place_order(archive: Path):
    (resp,) = fetch(archive, "/archive/meet_coverage.json?_shape=array&meet=Prefontaine")
    rows = [r for r in resp.json() if r["kind"] == "result" and r["date"] == "2024-05-25"]
    events = [r["detail"].split(":")[0] for r in rows]
    assert list(dict.fromkeys(events)) == [
        "Women 100 Meter Dash Finals",
        "Men Long Jump Finals",
        "Women 4x100 Meter Relay Finals",
        "Men Bowerman Mile Finals",
    ]
    mile = [r["title"] for r in rows if r["detail"].startswith("Men Bowerman Mile")]
    assert mile[:2] == ["Josh Kerr (Great Britain)", "Jakob Ingebrigtsen (Norway)"]
    assert len(mile) == 6  # each performance once, however many documents print it
    relay = next(r for r in rows if "Relay" in r["detail"])
    assert relay["title"] == "United States"  # a team, never blank (its squad 'A' apart)
    assert relay["detail"].endswith(
        "(Tamari Davis, Twanisha Terry, Gabby Thomas, Sha'Carri Richardson)"
    )


def test_records_and_pbs_lists_the_flagged_results_of_the_seed_article(archive: Path):
    everyone, gourley = fetch(
        archive,
        "/archive/records_and_pbs.json?_shape=array&athlete=",
        "/archive/records_and_pbs.json?_shape=array&athlete=Gourley",
    )
    flagged = {
        (r["athlete_or_title"], r["detail"])
        for r in everyone.json()
        if r["kind"] == "flagged result"
    }
    assert {
        ("Josh Kerr", '3:45.34 ["NR"]'),
        ("Neil Gourley", '3:47.74 ["PB"]'),
        ("Jake Wightman", '3:47.83 ["PB"]'),
    } <= flagged
    assert ("Jakob Ingebrigtsen", "3:45.60 []") not in flagged
    assert any(r["kind"] == "mention" for r in everyone.json())
    assert {r["athlete_or_title"] for r in gourley.json() if r["kind"] == "flagged result"} == {
        "Neil Gourley"
    }


@pytest.mark.parametrize("text", HOSTILE)
def test_canned_queries_take_any_text(archive: Path, metadata: dict[str, Any], text: str):
    quoted = urllib.request.quote(text)
    paths = [
        f"/archive/{name}.json?q={quoted}&athlete={quoted}&meet={quoted}"
        for name in canned_queries(metadata)
    ]
    for resp in fetch(archive, *paths):
        assert resp.status_code == 200, resp.json()
        assert resp.json()["ok"] is not False


def test_article_text_is_shown_as_text_never_markup(archive: Path):
    (listing,) = fetch(archive, "/archive/articles.json?_shape=array&_search=widget")
    (row,) = listing.json()
    assert "<script>" in row["body"]
    page, table, search = fetch(
        archive,
        f"/archive/articles/{row['id']}",
        "/archive/articles?_search=widget&_col=headline&_col=body",  # body: not a default column
        "/archive/article_search?q=stranger+meetarchiveXss",
    )
    for resp in (page, table, search):
        html = resp.text
        assert "&lt;script&gt;window." in html
        assert "<script>window." not in html
        assert "<img src=x onerror" not in html
    # The body reads as paragraphs; search hits are marked with <mark>.
    assert page.text.count('<p class="article-paragraph">') == row["body"].count("\n\n") + 1
    assert "<mark>" in search.text


def test_the_ordinary_way_shows_facets_and_text_as_text(archive: Path):
    table, page = fetch(
        archive,
        "/archive/articles.json?_search=widget",
        # the body asked for: in-process, the plugins of an earlier test stay registered
        "/archive/articles?_search=widget&_col=headline&_col=body",
        ordinary=True,
    )
    assert set(table.json()["facet_results"]) == {"source", "meet_name", "year", "authors"}
    assert "&lt;script&gt;window." in page.text
    assert "<script>window." not in page.text
    assert "white-space:pre-wrap" in page.text  # bodies keep their paragraphs


def test_datasette_connections_are_read_only(archive: Path):
    from datasette.app import Datasette

    async def run() -> Any:
        ds = Datasette([str(archive)], settings={"sql_time_limit_ms": 3000})
        return await ds.get_database().execute_fn(
            lambda conn: conn.execute("UPDATE articles SET headline = 'x'")
        )

    with pytest.raises(Exception, match="readonly"):
        asyncio.run(run())


@pytest.fixture(scope="module")
def served(archive: Path):
    """`meetarchive serve` on 127.0.0.1 over the fixture archive (a copy named other.db, so the
    metadata's re-keying by file name is exercised too)."""
    copy = archive.with_name("other.db")
    copy.write_bytes(archive.read_bytes())
    with serving(copy, "--sql-time-limit-ms", "1500") as base:
        yield base


def test_serve_immutable_serves_a_snapshot(archive: Path):
    import json

    copy = archive.with_name("snapshot.db")
    copy.write_bytes(archive.read_bytes())
    with serving(copy, "--immutable") as base:
        with urllib.request.urlopen(base + "/-/databases.json", timeout=10) as resp:
            (database,) = json.load(resp)
        with urllib.request.urlopen(
            base + "/snapshot/articles.json?_search=Kerr", timeout=10
        ) as resp:
            rows = json.load(resp)["rows"]
    assert database["is_mutable"] is False
    assert rows


def test_serve_applies_the_metadata_time_limit_and_read_only(served: str):
    import json

    def get(path: str) -> Any:
        with urllib.request.urlopen(served + path, timeout=10) as resp:
            return json.load(resp)

    assert get("/-/settings.json")["sql_time_limit_ms"] == 1500
    assert get("/-/metadata.json")["title"] == "meetarchive"
    (database,) = get("/-/databases.json")
    assert database["name"] == "other"
    rows = get("/other/article_search.json?_shape=array&q=Ingebrigtsen")
    assert rows[0]["headline"].startswith("Josh Kerr")
    # A query that runs past the limit is cancelled with a message, not left running.
    slow = "with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n"
    with pytest.raises(urllib.error.HTTPError) as caught:
        get("/other.json?sql=" + urllib.request.quote(slow))
    assert caught.value.code == 400
    assert "time limit" in caught.value.read().decode().lower()
