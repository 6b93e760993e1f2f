"""The archive commands: search, stats, reparse (click's CliRunner, and real subprocesses where
the process itself matters)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli
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
from tests.hostile_report import crawl_env
from tests.test_search import HOSTILE

REPO = Path(__file__).resolve().parents[1]
A = "https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=700101"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "archive.db"
    crawler = make_crawler(path)
    stages = build_stages(crawler)
    for item in [
        page(A, T1, article_html("Kerr Wins The Bowerman Mile")),
        page(A, T2, article_html("Kerr Wins The Bowerman Mile", " Updated.")),
        page(
            "https://www.dyestat.com/challenge/",
            T3,
            b"Just a moment...",
            status=403,
            blocked="cloudflare challenge",
        ),
    ]:
        run_stages(stages, item)
    stages[-1].close_spider()
    return path


def invoke(*args: str) -> object:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_python("-m", "scraper.cli", *args)


def run_python(*argv: str) -> subprocess.CompletedProcess[str]:
    """``python ARGV`` in a process of its own, from the repository, no archive named in its
    environment."""
    return subprocess.run(
        [sys.executable, *argv],
        cwd=REPO,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_search_prints_the_hit_with_the_phrase_marked(archive):
    result = run("search", 'Ingebrigtsen "British record"', "--db", str(archive))
    assert result.returncode == 0, result.stderr
    assert "1. Kerr Wins The Bowerman Mile" in result.stdout
    assert "[British record]" in result.stdout
    # the address fetched, not the article's key (which may be no page)
    assert f"   {A}\n" in result.stdout
    assert "news.php?news_id=700101" not in result.stdout


def test_search_json(archive):
    result = invoke("search", "Kerr", "--db", str(archive), "--json", "--limit", "5")
    assert result.exit_code == 0, result.output
    [hit] = json.loads(result.stdout)
    assert hit["headline"] == "Kerr Wins The Bowerman Mile"
    assert "<mark>Kerr</mark>" in hit["snippet"]


def test_search_with_no_match_says_so(archive):
    result = invoke("search", "steeplechase", "--db", str(archive))
    assert (result.exit_code, result.stdout) == (0, "No articles match 'steeplechase'.\n")


def test_archive_path_comes_from_the_environment(archive):
    result = CliRunner(env={"ARCHIVE_DB": str(archive)}).invoke(cli, ["search", "Kerr"])
    assert "Kerr Wins The Bowerman Mile" in result.stdout


@pytest.mark.parametrize("query", [q for q, _ in HOSTILE], ids=[repr(q)[:40] for q, _ in HOSTILE])
def test_any_typed_text_gives_results_or_one_line_message(archive, query):
    result = invoke("search", query, "--db", str(archive))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        assert result.stderr == ""
    else:
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: ")
        assert result.stderr.count("\n") == 1


def test_hostile_queries_in_a_real_process_never_print_a_traceback(archive):
    for query in ['"', "-Kerr", "NEAR(", "a" * 1001, "headline:", "😀", "Kerr's \"British"]:
        result = run("search", query, "--db", str(archive))
        assert result.returncode in (0, 1)
        assert "Traceback" not in result.stderr
        assert result.stderr.count("\n") <= 1


def test_search_limit_must_be_positive(archive):
    result = invoke("search", "Kerr", "--db", str(archive), "--limit", "0")
    assert result.exit_code == 2


def test_reading_commands_say_when_there_is_no_archive(tmp_path):
    missing = tmp_path / "none.db"
    for command in ("search", "stats", "reparse"):
        args = [command, "Kerr"] if command == "search" else [command]
        result = invoke(*args, "--db", str(missing))
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Error: no archive at {missing}")
    assert not missing.exists()


def test_reading_commands_refuse_a_file_that_is_not_an_archive(tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("not a database\n" * 10)
    for args in (["search", "Kerr"], ["stats"], ["reparse"]):
        result = invoke(*args, "--db", str(other))
        assert result.exit_code == 1
        assert result.stderr == (
            f"Error: {other} is not a meetarchive archive (not an SQLite file)\n"
        )


def test_reading_commands_leave_another_sqlite_database_alone(tmp_path):
    import sqlite_utils

    other = tmp_path / "other.db"
    sqlite_utils.Database(other)["recipes"].insert({"name": "soup"})
    for args in (["search", "Kerr"], ["stats"], ["reparse"]):
        result = invoke(*args, "--db", str(other))
        assert result.exit_code == 1
        assert result.stderr.startswith(f"Error: {other} is not a meetarchive archive")
    assert sqlite_utils.Database(other).table_names() == ["recipes"]


def test_stats_counts_rows_and_rejects_by_reason(archive):
    result = invoke("stats", "--db", str(archive), "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert (found["pages"], found["articles"], found["revisions"], found["rejects"]) == (3, 1, 1, 1)
    assert found["rejects_by_reason"] == {"blocked": 1}
    assert found["articles_by_source"] == {"runnerspace": 1}
    assert found["last_fetch"] == T3
    assert [a["headline"] for a in found["newest_articles"]] == ["Kerr Wins The Bowerman Mile"]
    assert (found["meets"], found["result_documents"], found["results"]) == (0, 0, 0)
    assert found["result_documents_by_status"] == {"parsed": 0, "unparsed": 0, "duplicate": 0}
    text = invoke("stats", "--db", str(archive)).stdout
    assert "articles:   1" in text
    assert "pages:      3 (last fetched 2026-11-03T10:00:00+00:00)" in text
    assert "blocked" in text
    assert "meets:      0\nresults:    0 rows from 0 document(s) (0 parsed, 0 unparsed)\n" in text


def test_stats_counts_meets_results_documents_and_rows(tmp_path):
    """A Hy-Tek results file (one meet, 8 rows) and a document without results, through the
    real results stage."""
    from pipelines import db as schema
    from pipelines.context import Archive
    from pipelines.results import ResultsStage
    from scraper.items import Crawled

    path = tmp_path / "archive.db"
    db = schema.open_db(path)
    mile = REPO / "tests" / "sites" / "runnerspace" / "results" / "prefontaine-2024-mile.txt"
    for url, body in [
        ("https://timing.example/mile.txt", mile.read_bytes()),
        ("https://timing.example/soon.txt", b"Results will be posted soon."),
    ]:
        results_page = page(url, T1, body, kind="results")
        with schema.write_transaction(db):
            schema.store_page(db, results_page)
        ResultsStage(Archive(db)).process_item(Crawled(page=results_page))
    db.close()
    found = json.loads(invoke("stats", "--db", str(path), "--json").stdout)
    assert (found["meets"], found["result_documents"], found["results"]) == (1, 2, 8)
    assert found["result_documents_by_status"] == {"parsed": 1, "unparsed": 1, "duplicate": 0}
    text = invoke("stats", "--db", str(path)).stdout
    assert "meets:      1\nresults:    8 rows from 2 document(s) (1 parsed, 1 unparsed)\n" in text


def test_reparse_in_a_real_process_rebuilds_identical_rows(tmp_path, archive):
    import shutil

    from tests.test_reparse import snapshot

    copy = tmp_path / "copy.db"
    shutil.copy(archive, copy)
    for suffix in ("-wal", "-shm"):
        if Path(f"{archive}{suffix}").exists():
            shutil.copy(f"{archive}{suffix}", f"{copy}{suffix}")
    before = snapshot(copy)
    result = run("reparse", "--db", str(copy))
    assert result.returncode == 0, result.stderr
    assert "Reparsed 3 stored page(s)" in result.stdout
    assert "1 rebuilt (0 with changed text)" in result.stdout
    assert snapshot(copy) == before


def test_cli_module_imports_no_scrapy():
    code = "import sys, scraper.cli; print('scrapy' in sys.modules, 'pipelines.db' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=True,
    ).stdout
    assert out.split() == ["False", "False"]
