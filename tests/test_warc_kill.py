"""`meetarchive import-warc` stopped at any moment loses nothing, and importing the file again
completes the archive without a duplicate: every commit holds whole items (page, article,
revision), and a page fetched before the version the archive holds (the same file imported again)
changes nothing.

The WARC holds two versions of every article (the second fetched a day later, with more text).
The real command runs in a subprocess and is killed (SIGKILL, or SIGINT as Ctrl-C sends) at
random moments; after each kill the archive passes the crawl kill test's checks, holds no page
twice, and every article holding its second version has exactly one revision, its first. A last
import completes it: the archive is then what one uninterrupted import makes.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from warcio.warcwriter import WARCWriter

from scraper.crawl.warcimport import import_archives
from scraper.crawl.warcout import write_response
from tests.archive_helpers import article_html
from tests.hostile_report import MEASURES, REPO, crawl_env
from tests.kill_helpers import KILLS, command, holds_open, one_line_interrupt, run_and_kill
from tests.test_faults import soundness_problems

DATES = ("2026-11-01T10:00:00Z", "2026-11-02T10:00:00Z")


def write_warc(path: Path, articles: int) -> None:
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for version, date in enumerate(DATES):
            for i in range(articles):
                body = article_html(f"Story {i} Of The Mile", " Updated." * version)
                write_response(
                    writer,
                    f"https://example.org/news/{i}",
                    200,
                    "OK",
                    [("Content-Type", "text/html; charset=utf-8")],
                    body,
                    [("User-Agent", "test")],
                    date=date,
                )


def state(db: Path) -> dict[str, Any]:
    """Articles and their revisions by key, every column but row ids."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        revisions: dict[int, list[tuple[Any, ...]]] = {}
        for r in conn.execute("SELECT * FROM article_revisions ORDER BY id"):
            rev = dict(r)
            article_id = rev.pop("article_id")
            for name in ("id", "page_id"):
                rev.pop(name)
            revisions.setdefault(article_id, []).append(tuple(rev.values()))
        out = {}
        for a in conn.execute("SELECT * FROM articles"):
            row = {k: v for k, v in dict(a).items() if k not in ("id", "page_id")}
            out[a["canonical_url"]] = (row, tuple(revisions.get(a["id"], ())))
        return out
    finally:
        conn.close()


def problems_after_kill(db: Path, articles: int) -> list[str]:
    if not db.exists():
        return []
    found = soundness_problems(db)
    conn = sqlite3.connect(db)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'pages'").fetchone():
            return found  # killed before the archive's tables were made
        pages, distinct = conn.execute(
            "SELECT count(*), count(DISTINCT url || body_sha1 || status) FROM pages"
        ).fetchone()
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        wrong = conn.execute(
            "SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM article_revisions r "
            "WHERE r.article_id = a.id) != (CASE WHEN a.body LIKE '%Updated.%' THEN 1 ELSE 0 END)"
        ).fetchone()[0]
    finally:
        conn.close()
    if pages != distinct:
        found.append(f"{pages - distinct} page(s) stored twice")
    if pages > 2 * articles or stored > articles:
        found.append(f"{pages} pages, {stored} articles: more than the file holds")
    if wrong:
        found.append(f"{wrong} article(s) whose revisions do not match their versions")
    return found


@pytest.fixture(scope="module")
def warcs(tmp_path_factory: pytest.TempPathFactory) -> Any:
    work = tmp_path_factory.mktemp("warc-kill")
    made: dict[int, dict[str, Any]] = {}

    def get(articles: int) -> dict[str, Any]:
        if articles not in made:
            warc = work / f"site-{articles}.warc.gz"
            write_warc(warc, articles)
            reference = work / f"reference-{articles}.db"
            report = import_archives(reference, [warc])
            assert (report.outcomes["new"], report.outcomes["updated"]) == (articles, articles)
            imported = state(reference)
            # kills are timed within what an import takes once the archive holds every page
            # (the later runs of a kill test): a first import into an empty archive takes longer
            started = time.monotonic()
            import_archives(reference, [warc])
            seconds = time.monotonic() - started
            made[articles] = {"warc": warc, "state": imported, "seconds": seconds}
        return made[articles]

    return get


def kill_imports(warc: dict[str, Any], db: Path, articles: int, kills: int, seed: int) -> list:
    rng = random.Random(seed)
    args = ["import-warc", str(warc["warc"]), "--db", str(db)]
    landed = []
    for run in range(kills):
        sig = signal.SIGINT if run % 4 == 3 else signal.SIGKILL
        killed = run_and_kill(
            args, sig, lambda proc: holds_open(proc.pid, db), rng.uniform(0, warc["seconds"])
        )
        problems = problems_after_kill(db, articles)
        if sig == signal.SIGINT:
            problems += one_line_interrupt(killed)
        assert not problems, f"kill {run + 1} ({signal.Signals(sig).name}, seed {seed})"
        landed.append(killed.landed)
    done = subprocess.run(
        command(*args), cwd=REPO, env=crawl_env(), capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert state(db) == warc["state"]
    assert not problems_after_kill(db, articles)
    return landed


def test_import_warc_killed_and_imported_again_loses_nothing(warcs, tmp_path):
    seed = random.randrange(1 << 30)
    landed = kill_imports(warcs(200), tmp_path / "archive.db", 200, 3, seed)
    # the first kill lands mid-run; a later run, on an archive already holding what the killed
    # ones stored, may finish before its kill
    assert landed[0] or sum(landed) >= 2, landed


@pytest.mark.slow
def test_import_warc_killed_at_20_random_moments_loses_nothing(warcs, tmp_path):
    seed = random.randrange(1 << 30)
    landed = kill_imports(warcs(2000), tmp_path / "archive.db", 2000, KILLS, seed)
    assert sum(landed) >= KILLS // 2, landed
    MEASURES.notes.append(
        f"import-warc kill test: {sum(landed)}/{KILLS} kills landed mid-run (every 4th Ctrl-C); "
        f"sound after each, and the last import made what one uninterrupted import makes "
        f"(seed {seed})"
    )
