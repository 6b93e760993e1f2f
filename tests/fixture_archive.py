"""An archive built the way users build one: a real crawl
(`python -m scraper.cli crawl runnerspace`) over HTTP of the fixture site tests/sites/runnerspace/,
served by scraper.cli.siteserver.SiteServer, through every pipeline stage into a SQLite file."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scraper.cli.siteserver import SiteServer

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "runnerspace"


def crawl_fixture_site(db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("ARCHIVE_DB", None)
    with SiteServer(SITE) as server:
        starts = ",".join(
            [server.url("/"), server.url("/eprofile.php?event_id=120", host="localhost")]
        )
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "scraper.cli",
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
                "LOG_LEVEL=WARNING",
            ],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
    if proc.returncode != 0:
        raise AssertionError(
            f"fixture crawl failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        )
    return proc


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited {proc.returncode}: {log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                resp.read()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not answer")


@contextmanager
def serving(db: Path, *options: str) -> Iterator[str]:
    """Run `meetarchive serve` on a free port of 127.0.0.1; yield its base URL."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    log = db.with_name(f"serve-{port}.log")
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "scraper.cli",
                "serve",
                "--db",
                str(db),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                *options,
            ],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(base + "/-/versions.json", proc, log)
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=20)
