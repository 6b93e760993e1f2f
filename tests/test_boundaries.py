"""Boundaries: what a crawl may reach, and what a page or a person's typed text may never do.

* Only a source's hosts are crawled (off-site links and redirects: tests/test_hostile.py); a
  redirect back into its own chain is a loop.
* Non-public addresses (loopback, private, link-local such as cloud metadata) are refused unless
  ``ALLOW_PRIVATE_ADDRESSES`` allows them; by default ("auto") only start hosts written as such an
  address (a local test server) are allowed, never a name that resolves to one.
* Nothing from a crawled page is executed or rendered as markup: a page's ``<script>`` is stored as
  text and shown escaped by Datasette and in HTML search snippets.
* Text a person types into search or export filters never reaches SQL: injection strings give
  results, no results or a clear error, and the archive is unchanged.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import sqlite3
from pathlib import Path

import pytest

from pipelines import db as schema
from pipelines.export import ExportError, Filters, export
from pipelines.search import SearchError, search
from scraper.crawl.addresses import literal_local as _literal_local
from scraper.crawl.addresses import non_public as _non_public
from scraper.crawl.guards import on_hosts, retry_after_seconds
from tests.archive_helpers import article, build_stages, crawled, make_crawler, run_stages
from tests.hostile_report import run_measured
from tests.hostile_server import HostileServer

SCRIPT = "<script>alert('pwned')</script>"
IMG = '<img src=x onerror="alert(1)">'


@pytest.mark.parametrize(
    ("address", "non_public"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("10.1.2.3", True),
        ("172.16.0.1", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),
        ("0.0.0.0", True),
        ("100.64.0.1", True),
        ("224.0.0.1", True),
        ("::1", True),
        ("fc00::1", True),
        ("fe80::1", True),
        ("::ffff:127.0.0.1", True),
        ("::ffff:10.0.0.1", True),
        ("8.8.8.8", False),
        ("151.101.1.1", False),
        ("2001:4860:4860::8888", False),
    ],
)
def test_non_public_addresses(address, non_public):
    assert _non_public(address) is non_public


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("app.localhost", True),
        ("[::1]", True),
        ("10.0.0.5", True),
        ("www.dyestat.com", False),
        ("127.0.0.1.nip.io", False),
        ("8.8.8.8", False),
    ],
)
def test_hosts_written_as_local_addresses(host, local):
    assert _literal_local(host) is local


@pytest.mark.parametrize(
    ("url", "hosts", "on"),
    [
        ("http://127.0.0.1:8080/x", ["127.0.0.1"], True),
        ("https://nxn.runnerspace.com/a", ["runnerspace.com"], True),
        ("https://runnerspace.com.evil.example/a", ["runnerspace.com"], False),
        ("https://evilrunnerspace.com/a", ["runnerspace.com"], False),
        ("http://offsite.invalid/", ["127.0.0.1"], False),
    ],
)
def test_redirect_targets_must_be_on_the_spiders_hosts(url, hosts, on):
    assert on_hosts(url, hosts) is on


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("1", 1.0),
        ("120", 120.0),
        (b"30", 30.0),
        ("  7 ", 7.0),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # a date in the past: no wait
        ("soon", None),
        ("-5", None),
        ("²", None),  # digits to str.isdigit(), no number (float() refuses them)
        (b"\xb2", None),  # the same, as the header's byte
        ("١٢", None),
        ("1²", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_values(value, seconds):
    assert retry_after_seconds(value) == seconds


def test_retry_after_as_a_future_date():
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:30 GMT", now=1445412480.0) == pytest.approx(
        30.0
    )


def news_crawl(tmp_path: Path, start: str, label: str, *settings: str, source_keys: str = ""):
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[sources.local]\nstart_urls = ["{start}"]\nallow = ["/story/"]\n'
        f"robots_sitemaps = false\ndelay = 0\n{source_keys}"
    )
    return run_measured(
        [
            "crawl",
            "news",
            "--db",
            str(tmp_path / "archive.db"),
            "--sources",
            str(sources),
            "-a",
            "source=local",
            "-s",
            "DOWNLOAD_DELAY=0",
            "-s",
            "AUTOTHROTTLE_ENABLED=False",
            *settings,
        ],
        tmp_path,
        label,
    )


def rejects(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT url, reason, detail FROM {schema.REJECTS}").fetchall()


def test_private_addresses_can_be_forbidden(tmp_path):
    with HostileServer(lifetime=120) as server:
        done = news_crawl(
            tmp_path, server.url("/"), "private-false", "-s", "ALLOW_PRIVATE_ADDRESSES=false"
        )
    assert server.log == []  # not one request reached the server
    found = rejects(tmp_path / "archive.db")
    assert found
    assert all(r[1] == "fetch error" and "non-public address 127.0.0.1" in r[2] for r in found)
    assert done.returncode == 1


def test_a_source_can_forbid_private_addresses_whatever_the_crawl_allows(tmp_path):
    with HostileServer(lifetime=120) as server:
        news_crawl(
            tmp_path,
            server.url("/"),
            "private-source-false",
            source_keys="private_addresses = false\n",
        )
    assert [r for r in server.log if r.path != "/robots.txt"] == []
    found = rejects(tmp_path / "archive.db")
    assert found
    assert all("non-public address 127.0.0.1" in r[2] for r in found)


def test_a_source_can_allow_private_addresses_the_crawl_forbids(tmp_path):
    with HostileServer(lifetime=120) as server:
        news_crawl(
            tmp_path,
            server.url("/"),
            "private-source-true",
            "-s",
            "ALLOW_PRIVATE_ADDRESSES=false",
            source_keys="private_addresses = true\n",
        )
    assert any(r.path == "/" for r in server.log)


def test_a_name_resolving_to_a_private_address_is_refused_by_default(tmp_path):
    name = socket.gethostname()
    try:
        resolved = {i[4][0] for i in socket.getaddrinfo(name, None)}
    except OSError:
        pytest.skip(f"{name} does not resolve here")
    if _literal_local(name) or not any(ipaddress.ip_address(a).is_loopback for a in resolved):
        pytest.skip(f"{name} does not resolve to a loopback address here")
    with HostileServer(lifetime=120) as server:
        news_crawl(tmp_path, server.url("/", host=name), "private-auto")
    assert server.log == []
    found = rejects(tmp_path / "archive.db")
    assert found
    assert all("resolves to the non-public address" in r[2] for r in found)


def test_a_local_start_host_is_allowed_by_default(tmp_path):
    with HostileServer(lifetime=120) as server:
        done = news_crawl(tmp_path, server.url("/"), "private-auto-local")
    assert done.returncode == 0, done.stderr[-2000:]
    with sqlite3.connect(tmp_path / "archive.db") as conn:
        assert conn.execute(f"SELECT count(*) FROM {schema.ARTICLES}").fetchone()[0] == 3


# -- nothing from a page runs ------------------------------------------------------------------


@pytest.fixture
def hostile_archive(tmp_path) -> Path:
    db = tmp_path / "archive.db"
    stages = build_stages(make_crawler(db))
    for i, (headline, body) in enumerate(
        [
            (f"Kerr wins {SCRIPT}", f"Josh Kerr ran away {SCRIPT} and {IMG} in the mile."),
            ("Robert'); DROP TABLE articles;--", "Bobby Tables ran the 800 in 1:45.00."),
        ]
    ):
        url = f"https://example.org/news/{i}"
        art = article(
            url=url,
            canonical_url=url,
            headline=headline,
            body=body,
            meet_name=f"Meet {i}' OR '1'='1",
        )
        run_stages(stages, crawled(art, url=url, body=f"<html>{i}</html>".encode()))
    stages[-1].close_spider()
    return db


def test_page_markup_is_stored_as_text(hostile_archive):
    with sqlite3.connect(hostile_archive) as conn:
        body = conn.execute(f"SELECT body FROM {schema.ARTICLES} WHERE id = 1").fetchone()[0]
    assert SCRIPT in body  # the text the page showed, kept as text


def test_html_snippets_escape_page_text(hostile_archive):
    conn = schema.open_db(hostile_archive)
    try:
        hits = search(conn, "Kerr", 5)
        plain = search(conn, "Kerr", 5, ("[", "]"))
    finally:
        conn.close()
    snippet = hits[0]["snippet"]
    assert "<mark>" in snippet
    assert "<script" not in snippet
    assert "<img" not in snippet
    assert "&lt;script&gt;" in snippet
    assert "<script>" in plain[0]["snippet"]  # terminal output shows the text as it was


def test_datasette_shows_page_markup_escaped(hostile_archive):
    from datasette.app import Datasette

    async def pages() -> list[str]:
        ds = Datasette([str(hostile_archive)])
        name = hostile_archive.stem
        out = []
        for path in (f"/{name}/articles/1", f"/{name}/articles?_search=Kerr", f"/{name}/articles"):
            response = await ds.client.get(path)
            assert response.status_code == 200, path
            out.append(response.text)
        return out

    for text in asyncio.run(pages()):
        assert "<script>alert('pwned')" not in text
        assert 'onerror="alert(1)">' not in text
        assert "&lt;script&gt;alert(" in text


# -- typed text never reaches SQL -----------------------------------------------------------------

INJECTIONS = [
    "'; DROP TABLE articles; --",
    '" OR 1=1 --',
    "Kerr' OR '1'='1",
    "') UNION SELECT * FROM pages--",
    'headline:"x") OR rank MATCH \'*',
    "* OR *",
    "NEAR(kerr mile, 1)",
    "kerr) OR (1",
    "\\",
    "%",
    "_",
    "'",
    '"',
    "`",
    "[articles]",
    "1; ATTACH DATABASE '/tmp/x.db' AS x; --",
    "body:* OR headline:*",
    "kerr\x00mile",
    "{headline body}: kerr",
    "^kerr",
    "kerr:*",
]


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
            )
        ]
        return {n: conn.execute(f"SELECT count(*) FROM [{n}]").fetchone()[0] for n in names}


@pytest.mark.parametrize("text", INJECTIONS)
def test_search_text_never_reaches_sql(hostile_archive, text):
    before = counts(hostile_archive)
    conn = schema.open_db(hostile_archive)
    message = ""
    try:
        hits = search(conn, text, 5)
    except SearchError as exc:
        message, hits = str(exc), []
    finally:
        conn.close()
    assert "\n" not in message  # a clear one-line message, never SQL's
    assert len(hits) <= 2
    assert counts(hostile_archive) == before


@pytest.mark.parametrize("field", ["source", "meet", "since", "until"])
@pytest.mark.parametrize("text", INJECTIONS[:8])
def test_export_filters_never_reach_sql(hostile_archive, tmp_path, field, text):
    before = counts(hostile_archive)
    conn = schema.open_db(hostile_archive)
    out = tmp_path / "out.csv"
    message = ""
    try:
        report = export(conn, "articles", out, "csv", Filters(**{field: text}))
    except ExportError as exc:
        message, report = str(exc), None
    finally:
        conn.close()
    assert "\n" not in message
    if report is not None and field in ("source", "meet"):
        rows = out.read_text().splitlines()[1:]
        # only the meet named with the injection text itself may match, never "all rows"
        assert len(rows) <= (1 if field == "meet" and "OR '1'='1" in text else 0)
    assert counts(hostile_archive) == before
