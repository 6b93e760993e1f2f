"""Faults: a crawl killed at random moments, a full disk, readers during a crawl.

* SIGKILL at 20 random moments of real crawls of the fixture site (slow): after each kill the
  archive passes ``PRAGMA integrity_check`` and holds no half-written article (every article has
  its page, its FTS row, a headline and a body); a last run completes the crawl, with every fixture
  article exactly once.
* A full disk (the archive capped by ``ARCHIVE_MAX_BYTES``, i.e. SQLite's ``max_page_count``):
  the crawl stops with a clear one-line error and a non-zero exit, and the archive stays sound.
* ``meetarchive search`` and Datasette reading during a crawl never see "database is locked"
  (WAL readers; the writer holds its lock for one group of items at a time).
"""

from __future__ import annotations

import asyncio
import random
import signal
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest

from pipelines import db as schema
from pipelines.search import SearchError, search
from scraper.cli.siteserver import SiteServer
from tests.hostile_report import MEASURES, crawl_env, run_measured
from tests.test_crawl import REPO, SITE, crawl_command, expected_keys, start_urls

KILLS = 20


def soundness_problems(db: Path) -> list[str]:
    """What is wrong with the archive at ``db`` (nothing: an empty list)."""
    if not db.exists():
        return []
    conn = schema.open_db(db, migrate=False)
    try:
        problems = []
        if not schema.integrity_ok(conn):
            problems.append("integrity_check failed")
        if not conn[schema.ARTICLES].exists():
            return problems
        orphans = conn.execute(
            f"SELECT count(*) FROM {schema.ARTICLES} a LEFT JOIN {schema.PAGES} p "
            "ON p.id = a.page_id WHERE p.id IS NULL"
        ).fetchone()[0]
        if orphans:
            problems.append(f"{orphans} article(s) without their page")
        half = conn.execute(
            f"SELECT count(*) FROM {schema.ARTICLES} WHERE coalesce(headline, '') = '' "
            "OR coalesce(body, '') = '' OR content_hash IS NULL"
        ).fetchone()[0]
        if half:
            problems.append(f"{half} half-written article(s)")
        fts = conn.execute(f"SELECT count(*) FROM {schema.ARTICLES_FTS}").fetchone()[0]
        if fts != conn[schema.ARTICLES].count:
            problems.append(f"FTS rows {fts} != articles {conn[schema.ARTICLES].count}")
        dupes = conn.execute(
            f"SELECT count(*) - count(DISTINCT canonical_url) FROM {schema.ARTICLES}"
        ).fetchone()[0]
        if dupes:
            problems.append(f"{dupes} duplicate article(s)")
        return problems
    finally:
        conn.close()


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_at_20_random_moments_leaves_a_sound_archive(tmp_path):
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    db = tmp_path / "archive.db"
    clean = 0
    with SiteServer(SITE) as server:
        command = crawl_command(db, start_urls(server, challenge=False))
        for run in range(KILLS):
            proc = subprocess.Popen(
                command,
                cwd=REPO,
                env=crawl_env(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(rng.uniform(0.3, 6.0))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
            problems = soundness_problems(db)
            assert not problems, f"kill {run + 1} (seed {seed}): {problems}"
            clean += 1
        done = subprocess.run(
            command + ["--full"],
            cwd=REPO,
            env=crawl_env(),
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert not soundness_problems(db)
    with sqlite3.connect(db) as conn:
        keys = sorted(r[0] for r in conn.execute(f"SELECT canonical_url FROM {schema.ARTICLES}"))
        pages = conn.execute(
            f"SELECT count(*), count(DISTINCT url || body_sha1 || status) FROM {schema.PAGES}"
        ).fetchone()
    assert keys == expected_keys()
    assert pages[0] == pages[1]
    MEASURES.notes.append(
        f"kill test: {clean}/{KILLS} SIGKILLs left a sound archive "
        f"(seed {seed}); the last run completed the crawl"
    )


def test_a_full_disk_stops_the_crawl_with_a_clear_error(tmp_path):
    db = tmp_path / "archive.db"
    schema.open_db(db).close()  # the schema alone, then a cap a few pages above it
    cap = db.stat().st_size + 6 * 4096
    with SiteServer(SITE) as server:
        starts = start_urls(server, challenge=False)
        done = run_measured(
            [
                "crawl",
                "runnerspace",
                "--db",
                str(db),
                "-a",
                f"start_urls={starts}",
                "-s",
                "DOWNLOAD_DELAY=0",
                "-s",
                "AUTOTHROTTLE_START_DELAY=0",
                "-s",
                f"ARCHIVE_MAX_BYTES={cap}",
                "-v",
            ],
            tmp_path,
            "disk-full",
        )
    assert done.returncode != 0
    assert "archive is full" in done.stdout  # the summary's errors logged
    assert "archive is full" in done.stderr  # the log (-v)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert not soundness_problems(db)


def test_a_full_archive_raises_our_error_and_keeps_what_it_had(tmp_path):
    from pipelines.store import ArchiveFull
    from tests.archive_helpers import article, build_stages, crawled, make_crawler, run_stages

    db = tmp_path / "archive.db"
    schema.open_db(db).close()
    stages = build_stages(make_crawler(db, ARCHIVE_MAX_BYTES=db.stat().st_size + 30 * 4096))
    stored, error = 0, None
    for i in range(10_000):
        url = f"https://example.org/news/{i}"
        body = random.Random(i).randbytes(3000)  # incompressible: pages fill the cap
        try:
            run_stages(
                stages,
                crawled(
                    article(url=url, canonical_url=url, headline=f"Story {i}"), url=url, body=body
                ),
            )
        except ArchiveFull as exc:
            error = str(exc)
            break
        stored += 1
    stages[-1].close_spider()
    assert error is not None
    assert error.startswith("archive is full")
    assert 0 < stored < 10_000
    assert not soundness_problems(db)
    with sqlite3.connect(db) as conn:
        assert conn.execute(f"SELECT count(*) FROM {schema.ARTICLES}").fetchone()[0] == stored


def _datasette_reader(db: Path, stop: threading.Event, errors: list[str], reads: list[int]) -> None:
    from datasette.app import Datasette

    async def loop() -> None:
        ds = Datasette([str(db)])
        name = db.stem
        while not stop.is_set():
            for path in (
                f"/{name}/articles.json?_size=5",
                f"/{name}/articles.json?_search=Kerr",
                f"/{name}/rejects.json",
            ):
                response = await ds.client.get(path)
                if response.status_code >= 500 or "locked" in response.text:
                    errors.append(f"datasette {path}: {response.status_code} {response.text[:200]}")
                reads[0] += 1
            await asyncio.sleep(0.02)

    asyncio.run(loop())


@pytest.mark.slow
def test_readers_during_a_crawl_never_see_a_locked_database(tmp_path):
    db = tmp_path / "archive.db"
    schema.open_db(db).close()
    stop = threading.Event()
    errors: list[str] = []
    reads = [0]
    searches = 0
    with SiteServer(SITE) as server:
        proc = subprocess.Popen(
            crawl_command(db, start_urls(server, challenge=False)) + ["--full"],
            cwd=REPO,
            env=crawl_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        reader = threading.Thread(target=_datasette_reader, args=(db, stop, errors, reads))
        reader.start()
        cli_runs = []
        try:
            while proc.poll() is None:
                conn = schema.open_db(db)
                try:
                    search(conn, "Kerr OR mile", 5)
                    searches += 1
                except SearchError as exc:
                    errors.append(f"search: {exc}")
                except sqlite3.OperationalError as exc:
                    errors.append(f"search: {exc}")
                finally:
                    conn.close()
                if len(cli_runs) < 3:
                    cli_runs.append(
                        subprocess.run(
                            [*crawl_command(db, "")[:3], "search", "Kerr", "--db", str(db)],
                            cwd=REPO,
                            env=crawl_env(),
                            capture_output=True,
                            text=True,
                            timeout=60,
                        )
                    )
                time.sleep(0.01)
        finally:
            stop.set()
            reader.join(timeout=30)
            out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err[-3000:]
    for run in cli_runs:
        assert "locked" not in run.stdout + run.stderr, run.stderr
        assert run.returncode in (0, 1)
    assert not errors, errors[:5]
    assert searches > 10
    assert reads[0] > 10
    MEASURES.notes.append(
        f"readers during a crawl: {searches} searches, {reads[0]} Datasette "
        f"reads, {len(cli_runs)} `meetarchive search` runs, none locked"
    )
