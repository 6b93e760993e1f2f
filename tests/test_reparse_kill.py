"""`meetarchive reparse` stopped at any moment loses nothing (issue 19: SIGKILL or Ctrl-C during a
reparse once left 5,200 of 6,000 articles without their latest text and revisions).

The archive holds articles stored by "an older parser" (their headlines, and their revisions',
differ from what the current parser reads): a complete reparse changes every one of them. The
real command runs in a subprocess and is killed (SIGKILL, or SIGINT as Ctrl-C sends) at random
moments: while it replays the pages, and while it swaps the rebuilt articles in (the moment its
archive's WAL first changes). After each kill the archive passes ``PRAGMA integrity_check`` and
every article is, with all of its revisions, either exactly as it was or exactly as rebuilt; the
full-text index agrees with the text; no article, revision or page is missing. A last run
completes the rebuild.
"""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from pipelines.replay import reparse
from tests.archive_helpers import article_html, build_stages, make_crawler, page, run_stages
from tests.hostile_report import MEASURES, REPO, crawl_env
from tests.kill_helpers import (
    KILLS,
    Killed,
    command,
    holds_open,
    one_line_interrupt,
    run_and_kill,
)
from tests.test_faults import soundness_problems

DAYS = ("2026-11-01", "2026-11-02", "2026-11-03")  # three versions of every article
ArticleState = tuple[dict[str, Any], tuple[tuple[Any, ...], ...]]


def build(path: Path, articles: int) -> None:
    """``articles`` articles of three versions each (3 pages, 2 revisions), through the real
    stages; then their text as an older parser read it: every headline says "Stale"."""
    stages = build_stages(make_crawler(path, STORE_GROUP_UNTIMED=True))
    for version, day in enumerate(DAYS):
        for i in range(articles):
            html = article_html(f"Story {i} Of The Mile", " Updated." * version)
            run_stages(stages, page(f"https://example.org/news/{i}", f"{day}T10:00:00+00:00", html))
    stages[-1].close_spider()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE articles SET headline = 'Stale ' || id, parser = 'old/0'")
        conn.execute("UPDATE article_revisions SET headline = 'Stale revision ' || id")
    conn.close()


def states(path: Path) -> dict[str, ArticleState]:
    """Every article (its whole row) with its revisions (every column but the id), by key."""
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        revisions: dict[int, list[tuple[Any, ...]]] = {}
        for r in conn.execute("SELECT * FROM article_revisions ORDER BY id"):
            revisions.setdefault(r["article_id"], []).append(tuple(r)[1:])
        return {
            a["canonical_url"]: (dict(a), tuple(revisions.get(a["id"], ())))
            for a in conn.execute("SELECT * FROM articles")
        }
    finally:
        conn.close()


def problems_after_kill(path: Path, old: dict[str, ArticleState], new: dict[str, ArticleState]):
    found = soundness_problems(path)
    now = states(path)
    if set(now) != set(old):
        found.append(f"articles {len(now)} != {len(old)}")
    mixed = [url for url, state in now.items() if state not in (old[url], new[url])]
    if mixed:
        found.append(f"{len(mixed)} article(s) neither as they were nor as rebuilt: {mixed[:3]}")
    conn = sqlite3.connect(path)
    try:
        indexed = {r[0] for r in conn.execute("SELECT rowid FROM articles_fts('headline:stale')")}
        stale = {r[0] for r in conn.execute("SELECT id FROM articles WHERE headline LIKE 'Stale%'")}
        pages = conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    finally:
        conn.close()
    if indexed != stale:
        found.append(f"the FTS index disagrees with {len(indexed ^ stale)} headline(s)")
    if pages != 3 * len(old):
        found.append(f"pages {pages} != {3 * len(old)}")
    return found


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """An archive of 300 articles before and after a complete reparse, and one of 2,000 (6,000
    pages, as in the issue) built only when a slow test asks for it."""
    work = tmp_path_factory.mktemp("reparse-kill")

    def make(articles: int) -> dict[str, Any]:
        before = work / f"before-{articles}.db"
        build(before, articles)
        after = work / f"after-{articles}.db"
        shutil.copy(before, after)
        started = time.monotonic()
        report = reparse(after)
        seconds = time.monotonic() - started
        assert report.swapped.rebuilt == articles  # every article changes
        return {"path": before, "old": states(before), "new": states(after), "seconds": seconds}

    cache: dict[int, dict[str, Any]] = {}
    return {"get": lambda n: cache.setdefault(n, make(n)) if n not in cache else cache[n]}


def wal_changed(path: Path) -> Any:
    """A ``ready`` test for run_and_kill: true once the archive's WAL differs from what it was
    when the command started, i.e. once the swap has begun writing."""
    wal = path.with_name(path.name + "-wal")
    seen: dict[str, Any] = {}

    def ready(proc: subprocess.Popen[str]) -> bool:
        stat = wal.stat() if wal.exists() else None
        now = (stat.st_size, stat.st_mtime_ns) if stat else None
        if "start" not in seen:
            seen["start"] = now
        return now != seen["start"] and now is not None and now[0] > 0

    return ready


def kill_reparse(path: Path, sig: int, phase: str, seconds: float, rng: random.Random) -> Killed:
    if phase == "swap":
        return run_and_kill(
            ["reparse", "--db", str(path)], sig, wal_changed(path), rng.uniform(0, 0.3)
        )
    return run_and_kill(
        ["reparse", "--db", str(path)],
        sig,
        lambda proc: holds_open(proc.pid, path),
        rng.uniform(0, seconds),
    )


def kill_and_check(archive: dict[str, Any], path: Path, plan: list[tuple[int, str]], seed: int):
    rng = random.Random(seed)
    landed = []
    for run, (sig, phase) in enumerate(plan, 1):
        killed = kill_reparse(path, sig, phase, archive["seconds"], rng)
        problems = problems_after_kill(path, archive["old"], archive["new"])
        if sig == signal.SIGINT:
            problems += one_line_interrupt(killed)
        assert not problems, f"kill {run} ({signal.Signals(sig).name}, {phase}, seed {seed})"
        landed.append(killed.landed)
    done = subprocess.run(
        command("reparse", "--db", str(path)),
        cwd=REPO,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert states(path) == archive["new"]
    assert not soundness_problems(path)
    return landed


def test_reparse_killed_while_replaying_and_while_swapping_loses_nothing(archives, tmp_path):
    archive = archives["get"](300)
    path = tmp_path / "archive.db"
    shutil.copy(archive["path"], path)
    seed = random.randrange(1 << 30)
    plan = [(signal.SIGKILL, "replay"), (signal.SIGKILL, "swap"), (signal.SIGINT, "replay")]
    landed = kill_and_check(archive, path, plan, seed)
    assert landed[:2] == [True, True], landed


@pytest.mark.slow
def test_reparse_killed_at_20_random_moments_loses_nothing(archives, tmp_path):
    archive = archives["get"](2000)
    path = tmp_path / "archive.db"
    shutil.copy(archive["path"], path)
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    plan = [
        (signal.SIGINT if run % 4 == 3 else signal.SIGKILL, rng.choice(("replay", "swap")))
        for run in range(KILLS)
    ]
    landed = kill_and_check(archive, path, plan, seed)
    assert sum(landed) >= KILLS // 2, landed
    MEASURES.notes.append(
        f"reparse kill test: {sum(landed)}/{KILLS} kills landed mid-run "
        f"({sum(1 for s, _ in plan if s == signal.SIGINT)} of them Ctrl-C), every article as it "
        f"was or as rebuilt after each (seed {seed}); the last run completed the rebuild"
    )
