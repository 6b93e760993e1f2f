"""The audit where people meet it: stored with each results document and row by the real
ResultsStage, `meetarchive results --audit`, `meetarchive stats`, `meetarchive reparse` for
documents stored before the audit, and two real crawls of the fixture site over HTTP in which the
site's Hy-Tek file turns garbled: the crawl summary counts it and the run raises the alarm."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines import db as schema
from pipelines.context import Archive
from pipelines.results import ResultsStage
from scraper.cli.siteserver import SiteServer
from scraper.items import Crawled, Page
from tests.archive_helpers import page

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "runnerspace"
MILE = "results/prefontaine-2024-mile.txt"
EXIT_ALARM = 5


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("ARCHIVE_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "scraper.cli", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )


def garbled(text: str) -> str:
    """The mile event's result lines printed in reverse (5, 4, 3, 2, 1): the places as printed
    go down, which no reading of the file can make right."""
    lines = text.splitlines(keepends=True)
    results = [i for i, ln in enumerate(lines) if ln[:3].strip() in {"1", "2", "3", "4", "5"}][:5]
    block = [lines[i] for i in results]
    for i, line in zip(results, reversed(block), strict=True):
        lines[i] = line
    return "".join(lines)


def _page(url: str, body: bytes) -> Page:
    return page(url=url, body=body, kind="results", fetched_at="2026-11-24T05:00:00+00:00")


def _store(db, results: Page) -> Crawled:
    with schema.write_transaction(db):
        schema.store_page(db, results)
    return ResultsStage(Archive(db)).process_item(Crawled(page=results))


def test_the_stage_stores_the_verdict_and_flags_the_rows_that_fail(tmp_path: Path):
    db = schema.open_db(tmp_path / "a.db")
    clean = _store(db, _page("https://timing.example/mile.txt", (SITE / MILE).read_bytes()))
    bad_text = garbled((SITE / MILE).read_text())
    bad = _store(db, _page("https://timing.example/mile-v2.txt", bad_text.encode()))
    assert (clean.results_verdict, bad.results_verdict) == ("parsed", "partial")

    docs = {d["url"].rsplit("/", 1)[-1]: d for d in db[schema.RESULT_DOCS].rows}
    good, partial = docs["mile.txt"], docs["mile-v2.txt"]
    assert (good["verdict"], good["coverage"], json.loads(good["audit_reasons"])) == (
        "parsed",
        1.0,
        [],
    )
    assert (good["result_lines"], good["covered_lines"], good["flagged_rows"]) == (12, 12, 0)
    assert (partial["verdict"], partial["coverage"]) == ("partial", 1.0)
    (reason,) = json.loads(partial["audit_reasons"])
    assert reason.startswith("4 of 8 rows flagged: 4 place out of sequence")

    flagged = {
        r["athlete"]: json.loads(r["audit_flags"]) if r["audit_flags"] else None
        for r in db[schema.RESULTS].rows_where("document_id = ?", [partial["id"]])
    }
    assert flagged["Jake Wightman"] is None  # printed first, place 5: nothing to hold against
    for athlete in ("Neil Gourley", "Yared Nuguse", "Jakob Ingebrigtsen", "Josh Kerr"):
        assert "place out of sequence" in flagged[athlete], athlete
    assert flagged["Abraham Alvarado"] is None  # DNF, no place
    stored_clean = db[schema.RESULTS].rows_where("document_id = ?", [good["id"]])
    assert all(r["audit_flags"] is None for r in stored_clean)


def test_results_audit_prints_one_line_per_document_and_exits_1_when_any_is_not_parsed(
    tmp_path: Path,
):
    bad = tmp_path / "garbled.txt"
    bad.write_text(garbled((SITE / MILE).read_text()))
    empty = tmp_path / "soon.txt"
    empty.write_text("Results will be posted soon.\n")
    missing = tmp_path / "missing.txt"
    files = [str(SITE / MILE), str(bad), str(empty), str(missing)]
    proc = cli("results", "--audit", *files)
    assert proc.returncode == 1, proc.stderr
    lines = proc.stdout.splitlines()
    assert [ln.split("\t")[0] for ln in lines] == files
    fields = [ln.split("\t") for ln in lines]
    assert fields[0][1:5] == ["hytek", "8 rows", "coverage 1.000 (12/12 lines)", "parsed"]
    assert fields[1][4] == "partial"
    assert "place out of sequence" in fields[1][5]
    assert fields[2][2:5] == ["0 rows", "coverage -", "unparsed"]
    assert fields[3][4] == "unparsed"
    assert "FileNotFoundError" in fields[3][5]
    assert proc.stderr == ""

    only_good = cli("results", "--audit", str(SITE / MILE))
    assert only_good.returncode == 0
    assert cli("results", "--audit", "--jsonl").returncode == 2


def test_documents_stored_before_the_audit_are_audited_by_reparse(tmp_path: Path):
    db_path = tmp_path / "old.db"
    db = schema.open_db(db_path)
    _store(db, _page("https://timing.example/mile.txt", (SITE / MILE).read_bytes()))
    with schema.write_transaction(db):  # as a document stored before m011 reads
        db.execute(
            f"UPDATE {schema.RESULT_DOCS} SET "
            + ", ".join(f"{c} = NULL" for c in schema.RESULT_DOC_AUDIT)
        )
    db.close()
    before = cli("stats", "--db", str(db_path))
    assert "audit:    0 parsed, 0 partial, 0 unparsed; 1 not audited" in before.stdout
    assert cli("reparse", "--db", str(db_path)).returncode == 0
    after = cli("stats", "--db", str(db_path), "--json")
    assert json.loads(after.stdout)["result_documents_by_verdict"] == {
        "parsed": 1,
        "partial": 0,
        "unparsed": 0,
        "not audited": 0,
    }


@pytest.fixture(scope="module")
def two_crawls(tmp_path_factory: pytest.TempPathFactory):
    """A crawl of the fixture site, then another after its Hy-Tek file turned garbled."""
    tmp = tmp_path_factory.mktemp("audit-crawls")
    site = tmp / "runnerspace"
    shutil.copytree(SITE, site)
    robots = site / "robots.txt"
    robots.write_text(
        "".join(
            "Crawl-delay: 0.05\n" if ln.startswith("Crawl-delay") else ln + "\n"
            for ln in robots.read_text().splitlines()
        )
    )
    db = tmp / "archive.db"
    runs = []
    with SiteServer(site) as server:
        starts = f"{server.url('/')},{server.url('/eprofile.php?event_id=120', host='localhost')}"
        for n in range(2):
            if n == 1:
                mile = site / MILE
                mile.write_text(garbled(mile.read_text()))
            runs.append(
                cli(
                    "crawl",
                    "runnerspace",
                    "--db",
                    str(db),
                    "-a",
                    f"start_urls={starts}",
                    *(["--full"] if n else []),  # fetch the Results page and its files again
                    "-s",
                    "DOWNLOAD_DELAY=0",
                    "-s",
                    "AUTOTHROTTLE_START_DELAY=0",
                )
            )
    return runs, db


def test_the_crawl_summary_counts_the_verdicts(two_crawls):
    (first, second), _ = two_crawls
    assert first.returncode == 0, first.stdout + first.stderr[-2000:]
    assert "results audit:   4 parsed, 0 partial, 0 unparsed" in first.stdout
    assert "results audit:   0 parsed, 1 partial, 0 unparsed" in second.stdout


def test_a_source_whose_documents_turn_partial_raises_the_alarm(two_crawls):
    (first, second), db_path = two_crawls
    assert second.returncode == EXIT_ALARM, second.stdout + second.stderr[-2000:]
    alarm = next(ln for ln in second.stdout.splitlines() if "ALARM" in ln)
    assert "0% of 1 results document(s) read whole" in alarm
    assert "100% over the 1 run(s) before" in alarm
    db = schema.open_db(db_path)
    try:
        (alarms,) = db.execute(f"SELECT alarms FROM {schema.RUNS} ORDER BY id DESC").fetchone()
        assert "results document(s) read whole" in alarms
        sources = list(db[schema.RUN_SOURCES].rows_where(order_by="run_id"))
        assert [(s["results_documents"], s["results_parsed"]) for s in sources] == [
            (4, 1.0),
            (1, 0.0),
        ]
        (doc,) = [d for d in db[schema.RESULT_DOCS].rows if d["url"].endswith(MILE)]
        assert doc["verdict"] == "partial"
    finally:
        db.close()
    stats = cli("stats", "--db", str(db_path))
    assert "audit:    3 parsed, 1 partial, 0 unparsed" in stats.stdout
    runs = cli("stats", "--db", str(db_path), "--runs").stdout
    assert "results: 1 document(s), 0% parsed whole" in runs
    assert "results: 4 document(s), 100% parsed whole" in runs


def _run_row(documents: int | None, parsed: float | None) -> dict:
    return {"results_documents": documents, "results_parsed": parsed}


@pytest.mark.parametrize(
    ("current", "history", "alarm"),
    [
        (_run_row(4, 0.5), [_run_row(4, 1.0), _run_row(3, 1.0)], True),
        (_run_row(4, 0.75), [_run_row(4, 1.0)], False),  # a dip under MONITOR_DROP
        (_run_row(1, 0.0), [], False),  # no run before to compare with
        (_run_row(1, 0.0), [_run_row(None, None), _run_row(0, None)], False),  # none audited
        (_run_row(0, None), [_run_row(4, 1.0)], False),  # nothing parsed in this run
        (_run_row(2, 0.5), [_run_row(2, 0.5), _run_row(5, 1.0)], False),  # mean 0.75
        (_run_row(2, 0.0), [_run_row(2, 0.5), _run_row(5, 1.0)], True),
    ],
)
def test_results_alarm_compares_the_share_read_whole_with_earlier_runs(
    current: dict, history: list[dict], alarm: bool
):
    from scraper.crawl.runs import results_alarms

    found = results_alarms("timing", current, history, drop=0.3)
    assert bool(found) is alarm
    assert all(a.startswith("timing: ") and "read whole" in a for a in found)
