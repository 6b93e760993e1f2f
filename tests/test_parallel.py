"""`reparse --jobs N` and `import-warc --jobs N`: pages parsed in worker processes, stored by the
one process owning the archive, in the same order: the archive is the same as with `--jobs 1`.
The workers (``pipelines.parallel.Workers``) keep the order, run in other processes, let an error
of the input come after the items read before it, turn a dead worker into one clear error and
never outlive the process that started them."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from io import BytesIO
from itertools import islice
from pathlib import Path

import pytest

from pipelines.parallel import WorkerDied, Workers
from tests.test_reparse import snapshot
from tests.test_warc import REPO, Runs, articles, import_warc, pages, result_rows, runs

__all__ = ["runs"]  # the module-scoped live crawl and its WARC files (tests.test_warc)


def archive_rows(db: Path) -> dict[str, object]:
    """Every row a parse decides: articles, revisions, rejects, pages, FTS, results and their
    meets (ids included where they are stored in order)."""
    return {**snapshot(db), "results": result_rows(db)}


@pytest.fixture(scope="module")
def imported(runs: Runs) -> dict[int, Path]:
    """The crawl's WARC imported with one job and with two."""
    found = {}
    for jobs in (1, 2):
        db = runs.tmp / f"jobs-{jobs}.db"
        proc = import_warc(*map(str, runs.crawl_warcs), "--db", str(db), "--jobs", str(jobs))
        assert proc.returncode == 0, proc.stdout
        found[jobs] = db
    return found


def test_import_warc_with_two_jobs_stores_what_one_job_stores(imported: dict[int, Path]):
    one = archive_rows(imported[1])
    assert len(one["articles"]) >= 9
    assert len(one["results"]) == 19
    assert archive_rows(imported[2]) == one


def test_reparse_with_two_jobs_rebuilds_what_one_job_rebuilds(
    imported: dict[int, Path], tmp_path: Path
):
    rebuilt = {}
    for jobs in (1, 2):
        db = tmp_path / f"reparse-{jobs}.db"
        shutil.copy(imported[1], db)
        proc = subprocess.run(
            [sys.executable, "-m", "scraper.cli", "reparse", "--db", str(db), "--jobs", str(jobs)],
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == ""
        rebuilt[jobs] = archive_rows(db)
    assert rebuilt[2] == rebuilt[1] == archive_rows(imported[1])


# Work the workers do: module-level functions, as a worker process imports them by name.
def square_and_pid(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


def die_on_seven(n: int) -> int:
    if n == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return n


def test_workers_keep_the_order_and_run_in_other_processes():
    with Workers(2) as workers:
        out = list(workers.ordered(square_and_pid, range(100), lambda n: n))
    assert [(n, square) for n, (square, _) in out] == [(n, n * n) for n in range(100)]
    assert os.getpid() not in {pid for _, (_, pid) in out}


def test_one_job_works_in_this_process():
    with Workers(1) as workers:
        out = list(workers.ordered(square_and_pid, range(3), lambda n: n))
    assert out == [(n, (n * n, os.getpid())) for n in range(3)]


def numbers_then_damage() -> Iterator[int]:
    yield from range(30)
    raise ValueError("damaged record")


def test_an_input_error_comes_after_every_item_read_before_it():
    got: list[int] = []
    with Workers(2) as workers:
        out = workers.ordered(square_and_pid, numbers_then_damage(), lambda n: n)
        got.extend(n for n, _ in islice(out, 30))
        with pytest.raises(ValueError, match="damaged record"):
            next(out)
    assert got == list(range(30))


def test_a_killed_worker_is_one_clear_error():
    with Workers(2) as workers, pytest.raises(WorkerDied, match="worker process died"):
        list(workers.ordered(die_on_seven, range(50), lambda n: n))


ORPHANS = """
import os, sys, time
from pipelines.parallel import Workers
from tests.test_parallel import square_and_pid
with Workers(2) as workers:
    pids = {pid for _, (_, pid) in workers.ordered(square_and_pid, range(40), lambda n: n)}
    print(*pids, flush=True)
    time.sleep(60)
"""


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(")")[-1].split()[0] == "Z")


def test_workers_exit_when_the_process_that_started_them_is_killed():
    parent = subprocess.Popen(
        [sys.executable, "-c", ORPHANS],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert parent.stdout is not None
    with parent.stdout:
        pids = [int(p) for p in parent.stdout.readline().split()]
    assert pids
    assert all(alive(p) for p in pids)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while any(alive(p) for p in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(p) for p in pids)


def many_articles_warc(path: Path, n: int) -> None:
    """``n`` article pages under URLs of their own, each with a sentence of its own."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from tests.archive_helpers import article_html

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for i in range(n):
            body = article_html(f"Kerr Wins Mile Number {i}", f" Heat {i} was the fastest.")
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://news.example/2024/mile-{i}.html",
                    "response",
                    payload=BytesIO(body),
                    length=len(body),
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": "2026-11-20T10:00:00Z"},
                )
            )


def meetarchive(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "scraper.cli", *args],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stored_articles(db: Path) -> int:
    """Articles committed so far (none while the archive is being created)."""
    try:
        return len(articles(db)) if db.exists() else 0
    except sqlite3.OperationalError:
        return 0


def workers_of(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_an_import_killed_mid_run_loses_nothing_stored_and_a_rerun_completes_it(tmp_path: Path):
    warc = tmp_path / "many.warc.gz"
    many_articles_warc(warc, 2000)
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    proc = meetarchive("import-warc", str(warc), "--db", str(whole), "--jobs", "1")
    assert proc.communicate(timeout=600)[0].startswith("Imported 2000 page(s)")

    proc = meetarchive("import-warc", str(warc), "--db", str(killed), "--jobs", "2")
    deadline = time.monotonic() + 300
    stored = 0
    while stored < 300 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        stored = stored_articles(killed)
    children = workers_of(proc.pid)
    proc.kill()
    proc.communicate()
    assert 300 <= stored < 2000, "the kill landed mid-import"
    assert children
    deadline = time.monotonic() + 10
    while any(alive(p) for p in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(p) for p in children)
    assert len(articles(killed)) >= stored  # nothing committed was lost

    rerun = meetarchive("import-warc", str(warc), "--db", str(killed), "--jobs", "2")
    assert rerun.communicate(timeout=600)[0].startswith("Imported 2000 page(s)")
    assert articles(killed) == articles(whole)
    assert pages(killed) == pages(whole)  # every page once
