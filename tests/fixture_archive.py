"""An archive built the way users build one: a real crawl
(`python -m scraper.cli crawl runnerspace`) over HTTP of the fixture site tests/sites/runnerspace/,
served by scraper.siteserver.SiteServer, through every pipeline stage into a SQLite file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from scraper.siteserver import SiteServer

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "runnerspace"


def crawl_fixture_site(db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("ARCHIVE_DB", None)
    with SiteServer(SITE) as server:
        starts = ",".join([server.url("/"),
                           server.url("/eprofile.php?event_id=120", host="localhost")])
        proc = subprocess.run(
            [sys.executable, "-m", "scraper.cli", "crawl", "runnerspace", "--db", str(db),
             "-a", f"start_urls={starts}",
             "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0",
             "-s", "LOG_LEVEL=WARNING"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise AssertionError(
            f"fixture crawl failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return proc
