"""`reparse`: every article rebuilt from the stored pages through the same stages, no network."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines import db as schema
from pipelines.replay import reparse
from tests.archive_helpers import (
    T1,
    T2,
    T3,
    article_html,
    build_stages,
    make_crawler,
    page,
    run_stages,
)

A = "https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=700101"
B = "https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=700102"
C = "https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=700103"


def crawl_history() -> list:
    """What three crawls fetched: an article that changed, one refetched, rejects and a listing."""
    return [
        page(A, T1, article_html("Kerr Wins The Bowerman Mile")),
        page(B, T1, article_html("Nuguse Second In The Mile")),
        page("https://www.dyestat.com/", T1, b"<html>wall</html>", kind="listing"),
        page(
            "https://www.dyestat.com/challenge/",
            T1,
            b"Just a moment...",
            status=403,
            blocked="cloudflare challenge",
        ),
        page(C, T1, b"", status=404, error="HTTP 404"),
        page(C, T2, b""),  # parse error: an empty page
        page(A, T2, article_html("Kerr Wins The Bowerman Mile")),  # identical refetch
        page(B, T2, article_html("Nuguse Second In The Mile")),
        page(A, T3, article_html("Kerr Wins The Bowerman Mile", " Updated with quotes.")),
    ]


def snapshot(path: Path) -> dict[str, list[dict]]:
    with schema.open_db(path) as db:
        return {
            "articles": list(db["articles"].rows_where(order_by="id")),
            "revisions": [
                {k: v for k, v in r.items() if k != "id"}
                for r in db["article_revisions"].rows_where(order_by="id")
            ],
            "rejects": sorted(
                ({k: v for k, v in r.items() if k != "id"} for r in db["rejects"].rows),
                key=lambda r: (r["page_id"], r["reason"]),
            ),
            "pages": list(db["pages"].rows_where(order_by="id")),
            "fts": list(db.query("SELECT rowid, * FROM articles_fts ORDER BY rowid")),
        }


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    crawler = make_crawler(path)
    stages = build_stages(crawler)
    for item in crawl_history():
        run_stages(stages, item)
    stages[-1].close_spider()
    return path


def test_the_crawl_history_made_what_the_reparse_test_needs(archive):
    before = snapshot(archive)
    assert len(before["articles"]) == 2
    assert len(before["revisions"]) == 1
    assert {r["reason"] for r in before["rejects"]} == {"blocked", "http error", "parse error"}


def test_reparse_rebuilds_identical_articles_revisions_and_rejects(archive):
    before = snapshot(archive)
    report = reparse(archive)
    assert snapshot(archive) == before
    assert report.pages == len(before["pages"])
    assert (report.outcomes["rebuilt"], report.outcomes["updated"], report.changed) == (2, 1, 0)
    assert sum(report.rejects.values()) == 3


def test_reparse_twice_changes_nothing(archive):
    reparse(archive)
    once = snapshot(archive)
    reparse(archive)
    assert snapshot(archive) == once


def test_reparse_replaces_text_an_older_parser_stored(archive):
    before = snapshot(archive)
    with schema.open_db(archive) as db:
        db["articles"].update(
            before["articles"][0]["id"], {"headline": "Old parser's headline", "meet_name": "stale"}
        )
        assert list(db["articles"].search("stale")) == []
        assert len(list(db["articles"].search('"Old parser"'))) == 1
    report = reparse(archive)
    assert report.changed == 0  # the content hash was not touched: the text is rebuilt anyway
    after = snapshot(archive)
    assert after["articles"] == before["articles"]
    assert after["fts"] == before["fts"]


def test_reparse_keeps_articles_no_page_gives_any_more(archive):
    with schema.open_db(archive) as db:
        db["articles"].insert(
            {
                "canonical_url": "https://example.org/gone",
                "content_hash": "x",
                "headline": "Only in the archive",
                "body": "text",
            }
        )
    report = reparse(archive)
    assert report.kept == 1
    with schema.open_db(archive) as db:
        assert db["articles"].count == 3


def test_reparse_needs_no_network(archive, monkeypatch):
    import socket

    def no_network(*args, **kwargs):
        raise OSError("network is off in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    before = snapshot(archive)
    report = reparse(archive)
    assert report.outcomes["rebuilt"] == 2
    assert snapshot(archive) == before


@pytest.mark.parametrize(
    ("column", "damage"),
    [
        ("body", b"\x78\x9c not zlib at all"),  # zlib garbage where a compressed body was
        ("body", b"\x00" * 64),
        ("headers", "{not json"),
        ("meta", "[unclosed"),
    ],
)
def test_a_damaged_stored_page_is_reported_and_the_rest_rebuilt(archive, column, damage):
    """The page holding A's latest text cannot be read: reparse names it, rebuilds everything
    else, and keeps A (its row and revisions) exactly as it was, since rebuilt without that
    version it would lose its latest text."""
    before = snapshot(archive)
    latest_a = next(a for a in before["articles"] if a["url"] == A)
    with schema.open_db(archive) as db:
        db.execute(f"UPDATE pages SET [{column}] = ? WHERE id = ?", [damage, latest_a["page_id"]])
        db.execute("UPDATE articles SET headline = 'Stale' WHERE url = ?", [B])  # older parser's
    seen = []
    report = reparse(archive, on_damaged=seen.append)
    assert [d.id for d in seen] == [latest_a["page_id"]]
    assert [d.id for d in report.damaged] == [latest_a["page_id"]]
    assert report.exit_code == 1
    assert report.swapped.held == [latest_a["canonical_url"]]
    after = snapshot(archive)
    assert after["articles"] == before["articles"]  # A kept as it was, B rebuilt
    assert after["revisions"] == before["revisions"]
    summary = report.summary()
    assert "DAMAGED:  1 stored page(s) could not be read" in summary
    assert f"page {latest_a['page_id']} ({A}): stored page unreadable:" in summary


def test_reparse_names_a_damaged_page_on_one_line_and_goes_on(archive):
    import subprocess

    from tests.hostile_report import REPO, crawl_env
    from tests.kill_helpers import command

    with schema.open_db(archive) as db:
        page_id = db.execute("SELECT id FROM pages WHERE url = ? LIMIT 1", [B]).fetchone()[0]
        db.execute("UPDATE pages SET body = ? WHERE id = ?", [b"garbage", page_id])
        pages = db["pages"].count
    done = subprocess.run(
        command("reparse", "--db", str(archive)),
        cwd=REPO,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    named = [line for line in done.stderr.splitlines() if f"page {page_id} " in line]
    assert named == [
        f"page {page_id} ({B}): stored page unreadable: error: Error -3 while decompressing "
        "data: incorrect header check"
    ]
    assert f"Reparsed {pages - 1} stored page(s)" in done.stdout  # all the others
    assert "DAMAGED:  1 stored page(s)" in done.stdout
