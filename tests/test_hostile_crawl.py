"""Hostile world, second round: a crawl that never ends, and a site drowning us in cookies.

Real crawls (``meetarchive crawl news`` in a subprocess) against tests/route_server.py:

* a robots.txt asking ``Crawl-delay: 100000`` or ``Request-rate: 1/100000s`` makes its host not
  crawled this run (recorded, named in the summary), never a crawl waiting for days;
* one SIGTERM stops a crawl waiting for a long crawl delay at once: summary, run recorded, lock
  released, exit code 6; a second signal forces the stop of one waiting for a download;
* a lock held by a crawl running longer than ``CRAWL_LOCK_MAX_AGE``, or by a pid that runs no
  more, is reported loudly; one left by a dead crawl is taken over; the documented systemd unit
  counts no failure (4 included) as success;
* a site setting thousands of cookies gets back no more than a browser would send.
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scraper.crawl.lock import Holder, Locked, StuckLock, crawl_lock, lock_path
from tests.hostile_report import REPO, crawl_env, run_measured
from tests.route_server import RouteServer, article, listing, send, text

STORIES = ("/story/1", "/story/2", "/story/3")
EXIT_LOCKED, EXIT_INTERRUPTED = 4, 6


def site(robots: str, **extra) -> dict:
    routes = {
        "/": listing(*STORIES),
        "/robots.txt": text(f"User-agent: *\n{robots}\n"),
        **{p: lambda h, p=p: article_route(h, p) for p in STORIES},
    }
    routes.update(extra)
    return routes


def article_route(h, path: str) -> None:
    send(h, 200, article(f"Story {path[-1]} From The Meet"))


def sources(tmp_path: Path, server: RouteServer) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(
        f'[sources.local]\nstart_urls = ["{server.url("/")}"]\nallow = ["/story/"]\n'
        "robots_sitemaps = false\n"
    )
    return path


def crawl_args(tmp_path: Path, server: RouteServer, *extra: str) -> list[str]:
    return [
        "crawl",
        "news",
        "--db",
        str(tmp_path / "archive.db"),
        "--sources",
        str(sources(tmp_path, server)),
        "-s",
        "DOWNLOAD_DELAY=0",
        "-s",
        "AUTOTHROTTLE_ENABLED=False",
        *extra,
    ]


def start(args: list[str], workdir: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    with (workdir / "out.txt").open("wb") as out, (workdir / "err.txt").open("wb") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "scraper.cli", *args],
            cwd=REPO,
            env={**crawl_env(), **(env or {})},
            stdout=out,
            stderr=err,
        )


def wait_for(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def finish(proc: subprocess.Popen, timeout: float) -> tuple[int, float]:
    started = time.monotonic()
    try:
        code = proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        pytest.fail(f"the crawl did not stop within {timeout} s")
    return code, time.monotonic() - started


def runs(db: Path) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM crawl_runs ORDER BY id")]
    finally:
        conn.close()


# -- a crawl that never ends -------------------------------------------------------------------
@pytest.mark.parametrize("robots", ["Crawl-delay: 100000", "Request-rate: 1/100000s"])
def test_a_host_asking_for_days_between_requests_is_not_crawled_this_run(tmp_path, robots):
    with RouteServer(site(robots)) as server:
        done = run_measured(crawl_args(tmp_path, server), tmp_path, "crawl-delay-max", 60)
    assert done.seconds < 30, "the crawl waited for the delay"
    assert done.returncode == 1, done.stdout + done.stderr
    assert "NOT CRAWLED:     1 host(s) asking for too long a delay" in done.stdout
    assert "asks for 100000 s between requests, more than CRAWL_DELAY_MAX (300 s)" in done.stdout
    assert "Traceback" not in done.stderr
    conn = sqlite3.connect(tmp_path / "archive.db")
    [(reason, detail)] = conn.execute("SELECT reason, detail FROM rejects").fetchall()
    assert reason == "fetch error"
    assert "not crawled this run" in detail
    assert not server.seen("/")


def test_a_delay_within_the_maximum_is_honoured_and_sigterm_stops_it_at_once(tmp_path):
    """Crawl-delay 200 (under CRAWL_DELAY_MAX): the listing waits its turn; one SIGTERM then stops
    the crawl within seconds, not 200 s later: summary, run recorded, exit code 6, lock free."""
    with RouteServer(site("Crawl-delay: 200")) as server:
        proc = start(crawl_args(tmp_path, server), tmp_path)
        wait_for(lambda: server.seen("/robots.txt"))
        time.sleep(1.0)
        proc.send_signal(signal.SIGTERM)
        code, seconds = finish(proc, 30)
        assert not server.seen("/")
    out = (tmp_path / "out.txt").read_text()
    assert code == EXIT_INTERRUPTED, out + (tmp_path / "err.txt").read_text()
    assert seconds < 10
    assert "stopped early:   shutdown (interrupted: Ctrl-C or a TERM signal)" in out
    assert "exit code:       6" in out
    [run] = runs(tmp_path / "archive.db")
    assert (run["finish_reason"], run["exit_code"]) == ("shutdown", EXIT_INTERRUPTED)
    with crawl_lock(tmp_path / "archive.db", "news", ["local"]):
        pass  # free


def test_a_second_signal_forces_the_stop_of_a_crawl_waiting_for_a_download(tmp_path):
    hang = threading.Event()

    def never_answers(h) -> None:
        hang.wait(60)

    routes = site("Allow: /", **{"/": never_answers})
    with RouteServer(routes) as server:
        proc = start(crawl_args(tmp_path, server), tmp_path)
        wait_for(lambda: server.seen("/"))
        proc.send_signal(signal.SIGTERM)
        time.sleep(1.5)
        assert proc.poll() is None  # the first one waits for the download under way...
        proc.send_signal(signal.SIGTERM)
        code, seconds = finish(proc, 15)  # ...the second does not
        hang.set()
    out = (tmp_path / "out.txt").read_text()
    assert code == EXIT_INTERRUPTED, out
    assert seconds < 10
    assert "forced by a second signal" in out
    assert "Traceback" not in (tmp_path / "err.txt").read_text()


# -- the lock ------------------------------------------------------------------------------------
def hold_lock(db: Path, content: str) -> int:
    """Take the news/local lock in this process (as another crawl would) with ``content``."""
    path = lock_path(db, "news", "local")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    os.ftruncate(fd, 0)
    os.pwrite(fd, content.encode(), 0)
    return fd


def since(hours: float) -> str:
    return (datetime.now(UTC) - timedelta(hours=hours)).isoformat(timespec="seconds")


@pytest.mark.parametrize(
    ("holder", "expected", "loud"),
    [
        (f"pid {os.getpid()}, since {since(1)}\n", Locked, "is running (pid"),
        (f"pid {os.getpid()}, since {since(30)}\n", StuckLock, "STUCK CRAWL? "),
        (f"pid {os.getpid()}, since {since(30 * 24)}\n", StuckLock, "running for 30.0 days"),
        (f"pid 999999999, since {since(1)}\n", StuckLock, "STUCK LOCK: "),
        ("garbage\n", Locked, "is running (another process)"),
    ],
)
def test_a_held_lock_says_who_holds_it_and_loudly_when_that_looks_stuck(
    tmp_path, holder, expected, loud
):
    db = tmp_path / "archive.db"
    fd = hold_lock(db, holder)
    try:
        with (
            pytest.raises(Locked) as raised,
            crawl_lock(db, "news", ["local"], max_age=timedelta(days=1)),
        ):
            pass
    finally:
        os.close(fd)
    assert type(raised.value) is expected
    assert loud in str(raised.value)


def test_a_stuck_crawl_makes_the_next_run_exit_4_loudly_even_with_quiet(tmp_path):
    db = tmp_path / "archive.db"
    with RouteServer(site("Allow: /")) as server:
        fd = hold_lock(db, f"pid {os.getpid()}, since {since(3)}\n")
        try:
            args = crawl_args(tmp_path, server, "--quiet", "-s", "CRAWL_LOCK_MAX_AGE=2h")
            done = run_measured(args, tmp_path, "stuck-lock", 60)
        finally:
            os.close(fd)
    assert done.returncode == EXIT_LOCKED
    [line] = done.stderr.splitlines()
    assert line.startswith("meetarchive crawl: STUCK CRAWL? another 'news' crawl of source 'local'")
    assert "longer than CRAWL_LOCK_MAX_AGE (2.0 h)" in line
    assert not server.log


def test_the_lock_file_of_a_dead_crawl_is_taken_over(tmp_path):
    db = tmp_path / "archive.db"
    lock_path(db, "news", "local").write_text(f"pid 999999999, since {since(50)}\n")
    with RouteServer(site("Allow: /")) as server:
        done = run_measured(crawl_args(tmp_path, server), tmp_path, "dead-lock", 60)
    assert done.returncode == 0, done.stdout + done.stderr
    holder = Holder.read(lock_path(db, "news", "local").read_text())
    assert holder.pid != 999999999


def test_the_documented_systemd_unit_counts_no_failure_as_success():
    doc = (REPO / "docs" / "cron.md").read_text()
    service = doc.split("meetarchive-crawl.service`:", 1)[1].split("```", 2)[1]
    assert "ExecStart=" in service
    assert "SuccessExitStatus" not in service
    assert re.search(r"^TimeoutStartSec=\S+", service, re.M)  # a hung crawl gets its SIGTERM


# -- cookies ---------------------------------------------------------------------------------------
def test_a_site_setting_thousands_of_cookies_gets_no_more_back_than_a_browser_sends(tmp_path):
    links = "".join(f'<a href="{p}">{p}</a>' for p in STORIES)

    def cookie_flood(h) -> None:
        cookies = [("Set-Cookie", f"c{i}={'v' * 40}; Path=/") for i in range(3000)]
        send(h, 200, f"<html><body>{links}</body></html>".encode(), headers=cookies)

    def strict_story(h) -> None:  # as a real server: too large a request header is refused
        if len(h.headers.get("Cookie") or "") > 8192:
            return send(h, 431, b"Request Header Fields Too Large")
        return article_route(h, h.path)

    routes = site("Allow: /", **{"/": cookie_flood}, **dict.fromkeys(STORIES, strict_story))
    with RouteServer(routes) as server:
        done = run_measured(crawl_args(tmp_path, server), tmp_path, "cookie-flood", 60)
        sent = [r.headers.get("Cookie", "") for p in STORIES for r in server.seen(p)]
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(sent) == 3
    for cookie in sent:
        assert 0 < cookie.count("=") <= 50
        assert len(cookie) <= 8192
    assert re.search(r"cookies:\s+2950 dropped from 127\.0\.0\.1", done.stdout), done.stdout
    conn = sqlite3.connect(tmp_path / "archive.db")
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
