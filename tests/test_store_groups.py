"""Group commit of the store stage: items are committed in groups, never half.

* In a crawl (an event loop runs) a group is committed by a timer: a reader on another connection
  sees an article within about STORE_GROUP_SECONDS while the crawl goes on.
* Without an event loop, items are committed one by one unless ``STORE_GROUP_UNTIMED``; then a
  group commits when full, at close, or on ``Archive.commit()``.
* Per-item outcomes and counters are the same as with a transaction per item, also when one URL
  comes twice in a group.
* A failing item is rolled back alone: the items stored before it are committed.
* A SIGKILL mid-group loses that group only; the archive stays sound and the next run stores the
  lost items.
* While another writer holds the archive, items are committed one at a time.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from pipelines import db as schema
from pipelines.context import archive_for
from scraper.cli.siteserver import SiteServer
from tests.archive_helpers import (
    T1,
    T2,
    article,
    build_stages,
    crawled,
    make_crawler,
    run_stages,
)
from tests.test_crawl import REPO, SITE, crawl_command, crawl_env
from tests.test_faults import soundness_problems


def item(i: int, fetched_at: str = T1, body: str | None = None):
    url = f"https://example.org/news/{i}"
    changes = {"body": body} if body else {}
    art = article(
        url=url, canonical_url=url, headline=f"Story {i}", fetched_at=fetched_at, **changes
    )
    return crawled(art, url=url, body=f"<html>{i} {body or ''}</html>".encode())


def committed(db: Path, table: str = "articles") -> int:
    """Rows another connection sees (what is committed)."""
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def fts_rows(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Story'"
        ).fetchone()[0]


def test_in_an_event_loop_the_timer_commits_a_group_while_the_crawl_goes_on(tmp_path):
    db = tmp_path / "archive.db"

    async def crawl() -> tuple[int, int]:
        stages = build_stages(make_crawler(db, STORE_GROUP_SECONDS=0.2))
        run_stages(stages, item(1))
        before = committed(db)
        deadline = time.monotonic() + 30  # a generous wait: the timer fires after 0.2 s
        while committed(db) == 0 and time.monotonic() < deadline:
            await asyncio.sleep(0.02)
        seen = committed(db)
        stages[-1].close_spider()
        return before, seen

    before, seen = asyncio.run(crawl())
    assert before == 0  # the group was open: one item, far from STORE_GROUP_ITEMS
    assert seen == 1  # committed by the timer, the stages still open
    assert not soundness_problems(db)


def test_without_an_event_loop_each_item_is_committed_at_once(tmp_path):
    db = tmp_path / "archive.db"
    stages = build_stages(make_crawler(db))
    run_stages(stages, item(1))
    assert committed(db) == 1
    stages[-1].close_spider()


def test_untimed_groups_commit_when_full_at_close_and_on_archive_commit(tmp_path):
    db = tmp_path / "archive.db"
    crawler = make_crawler(db, STORE_GROUP_UNTIMED=True, STORE_GROUP_ITEMS=5)
    stages = build_stages(crawler)
    for i in range(7):
        run_stages(stages, item(i))
    assert committed(db) == 5  # one full group; two items in the open one
    assert crawler.stats.get_value("meetarchive/new") == 5  # counted when committed
    archive_for(crawler).commit()
    assert committed(db) == 7
    assert fts_rows(db) == 7
    run_stages(stages, item(7))
    assert committed(db) == 7
    stages[-1].close_spider()
    assert committed(db) == committed(db, "pages") == fts_rows(db) == 8
    assert crawler.stats.get_value("meetarchive/new") == 8


def test_outcomes_and_counters_in_a_group_are_those_of_one_transaction_per_item(tmp_path):
    grouped = make_crawler(tmp_path / "grouped.db", STORE_GROUP_UNTIMED=True)
    single = make_crawler(tmp_path / "single.db", STORE_GROUP_ITEMS=1)
    changed = "EUGENE -- A new body for the same story, written again after the race."
    sequence = [
        item(1),
        item(2),
        item(1, T2),
        item(2, T2, body=changed),
        item(3),
        item(3, T2, body=changed),
        item(3, T2, body=changed),
    ]
    outcomes = {}
    for crawler in (grouped, single):
        stages = build_stages(crawler)
        outcomes[crawler] = [run_stages(stages, replace(it)).outcome for it in sequence]
        stages[-1].close_spider()
    assert (
        outcomes[grouped]
        == outcomes[single]
        == ["new", "new", "unchanged", "updated", "new", "updated", "unchanged"]
    )
    counters = [
        {k: v for k, v in c.stats.get_stats().items() if k.startswith("meetarchive/")}
        for c in (grouped, single)
    ]
    assert (
        counters[0]
        == counters[1]
        == {"meetarchive/new": 3, "meetarchive/unchanged": 2, "meetarchive/updated": 2}
    )
    for name in ("grouped", "single"):
        with schema.open_db(tmp_path / f"{name}.db") as conn:
            assert conn["articles"].count == 3
            assert conn["article_revisions"].count == 2
            assert not soundness_problems(tmp_path / f"{name}.db")


def test_a_failing_item_is_rolled_back_alone_and_the_group_before_it_is_committed(tmp_path):
    db = tmp_path / "archive.db"
    crawler = make_crawler(db, STORE_GROUP_UNTIMED=True)
    stages = build_stages(crawler)
    for i in range(3):
        run_stages(stages, item(i))
    broken = item(3)
    broken.page.url = None  # pages.url is NOT NULL: the item's INSERT fails
    with pytest.raises(sqlite3.IntegrityError):
        run_stages(stages, broken)
    assert committed(db) == committed(db, "pages") == 3
    run_stages(stages, item(4))
    stages[-1].close_spider()
    assert committed(db) == committed(db, "pages") == fts_rows(db) == 4
    assert crawler.stats.get_value("meetarchive/new") == 4


def test_while_another_writer_holds_the_archive_items_are_committed_one_by_one(tmp_path):
    db = tmp_path / "archive.db"
    schema.open_db(db).close()
    other = sqlite3.connect(db, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, other.commit)  # the other writer commits a moment later
    release.start()
    crawler = make_crawler(db, STORE_GROUP_UNTIMED=True)
    stages = build_stages(crawler)
    run_stages(stages, item(1))  # waits for the lock, sees the other writer
    release.join()
    assert committed(db) == 1  # not held back in a group
    run_stages(stages, item(2))
    assert committed(db) == 2
    stages[-1].close_spider()
    other.close()


WRITER = """
import sys
from pathlib import Path
from tests.archive_helpers import T1, article, build_stages, crawled, make_crawler, run_stages
crawler = make_crawler(Path(sys.argv[1]), STORE_GROUP_UNTIMED=True, STORE_GROUP_ITEMS=50)
stages = build_stages(crawler)
for i in range(int(sys.argv[2])):
    url = f"https://example.org/news/{i}"
    art = article(url=url, canonical_url=url, headline=f"Story {i}", fetched_at=T1)
    run_stages(stages, crawled(art, url=url, body=f"<html>{i}</html>".encode()))
print("stored", flush=True)
if sys.argv[3] == "hang":
    sys.stdin.read()  # killed here, a group open
stages[-1].close_spider()
print(crawler.stats.get_value("meetarchive/new"), crawler.stats.get_value("meetarchive/unchanged"))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_group_loses_that_group_only_and_the_next_run_stores_it(tmp_path):
    db = tmp_path / "archive.db"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), "120", "hang"],
        cwd=REPO,
        env=env,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "stored"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert committed(db) == committed(db, "pages") == fts_rows(db) == 100  # 2 groups of 50
    assert not soundness_problems(db)

    again = subprocess.run(
        [sys.executable, "-c", WRITER, str(db), "150", "finish"],
        cwd=REPO,
        env=env,
        text=True,
        capture_output=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.split()[1:] == ["50", "100"]  # the lost 20 and 30 more new
    assert committed(db) == committed(db, "pages") == fts_rows(db) == 150
    assert not soundness_problems(db)


@pytest.mark.slow
def test_a_slow_crawl_commits_each_page_before_it_fetches_the_next(tmp_path):
    """Requests 5 s apart (DOWNLOAD_DELAY), groups of up to 100 items: the first stored page is
    committed by the group timer (0.5 s), not by the next item or the end of the crawl."""
    db = tmp_path / "archive.db"
    schema.open_db(db).close()
    with SiteServer(SITE) as server:
        command = crawl_command(db, server.url("/"))
        command[command.index("DOWNLOAD_DELAY=0")] = "DOWNLOAD_DELAY=5"
        proc = subprocess.Popen(
            command, cwd=REPO, env=crawl_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            deadline = time.monotonic() + 120
            while (
                committed(db, "pages") == 0 and proc.poll() is None and time.monotonic() < deadline
            ):
                time.sleep(0.05)
            fetched = [r.path for r in server.log if r.path != "/robots.txt"]
            running = proc.poll() is None
        finally:
            proc.kill()
            proc.wait(timeout=30)
    assert running
    assert fetched == ["/"]  # committed before the crawl fetched anything else
    assert not soundness_problems(db)


def fts_index(db: Path) -> tuple[int, int]:
    """The FTS5 index's own blocks (any write to the index changes them)."""
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*), sum(length(block)) FROM articles_fts_data").fetchone()


def test_an_unchanged_recrawl_moves_last_seen_without_touching_the_fts_index(tmp_path):
    db = tmp_path / "archive.db"
    stages = build_stages(make_crawler(db))
    run_stages(stages, item(1))
    before = fts_index(db)
    assert run_stages(stages, item(1, T2)).outcome == "unchanged"
    assert fts_index(db) == before  # the FTS update trigger did not fire
    changed = "EUGENE -- Hurdler wins in a photo finish."
    assert run_stages(stages, item(1, T2, body=changed)).outcome == "updated"
    stages[-1].close_spider()
    with schema.open_db(db) as conn:
        assert conn.execute("SELECT last_seen FROM articles").fetchone()[0] == T2
        assert [r["id"] for r in conn["articles"].search("photo finish")] == [1]
        assert list(conn["articles"].search("Ingebrigtsen")) == []  # the old text's terms
    assert not soundness_problems(db)
