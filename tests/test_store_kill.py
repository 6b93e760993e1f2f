"""A writer killed with SIGKILL mid-run leaves a sound archive, and a rerun completes it without
duplicates: each item's page row and article row land in one transaction."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipelines import db as schema

REPO = Path(__file__).resolve().parents[1]
ITEMS = 150
WRITER = f"""
import sys
import time
from pathlib import Path
from tests.archive_helpers import T1, article, build_stages, crawled, make_crawler, run_stages
stages = build_stages(make_crawler(Path(sys.argv[1])))
for i in range({ITEMS}):
    url = f"https://example.org/news/{{i}}"
    art = article(url=url, canonical_url=url, headline=f"Story {{i}}", fetched_at=T1)
    run_stages(stages, crawled(art, url=url, body=f"<html>{{i}}</html>".encode()))
    time.sleep(float(sys.argv[2]))  # the first run is slowed so the kill surely lands mid-run
stages[-1].close_spider()
print("done")
"""


def writer(db: Path, pause: float = 0.0) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(pause)],
        cwd=REPO,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    with schema.open_db(db, migrate=False) as conn:
        return conn[table].count if conn[table].exists() else 0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_run_leaves_a_sound_archive_that_a_rerun_completes(tmp_path):
    db = tmp_path / "archive.db"
    proc = writer(db, pause=0.01)
    deadline = time.monotonic() + 60
    while count(db, "articles") < 20 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL  # killed before it finished

    with schema.open_db(db) as conn:
        assert schema.integrity_ok(conn)
        stored = conn["articles"].count
        assert 20 <= stored < ITEMS
        assert conn["pages"].count == stored  # page and article: all of an item or none of it
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == stored

    again = writer(db)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    with schema.open_db(db) as conn:
        assert schema.integrity_ok(conn)
        assert conn["articles"].count == conn["pages"].count == ITEMS
        assert len(list(conn["articles_fts"].search("Story"))) == ITEMS
