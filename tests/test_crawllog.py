"""What `meetarchive crawl` shows, on a real terminal (a pseudo-terminal) and piped: the status
line and the summary; Scrapy's log only in --log-file or with -v; network failures one line each,
never a traceback; --quiet as cron needs it. Real crawls of the fixture site on a local server, and
offline crawls (a closed port, a host that does not resolve)."""

from __future__ import annotations

import logging
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from scrapy import Request
from scrapy.exceptions import DownloadConnectionRefusedError, DownloadTimeoutError
from scrapy.settings import Settings

from pipelines import db as schema
from scraper.cli import cli
from scraper.cli.crawllog import RETRY_LOGGER, ROBOTS_LOGGER, crawl_logging
from scraper.cli.siteserver import SiteServer
from tests.terminal import CLEAR_LINE, Screen, run_on_terminal
from tests.test_crawl import REPO, SITE, crawl_env

LOG_LINE = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[[\w.]+\] (DEBUG|INFO|WARNING|ERROR):")
STATUS = re.compile(r"\d+ pages, \d+ items, \d+ pages/min(, now [\w.\-]+)?")
SUMMARY = "Crawl 'runnerspace' into "
UNRESOLVABLE = "http://meetarchive-test.invalid/"


@pytest.fixture(scope="module")
def server() -> Iterator[SiteServer]:
    with SiteServer(SITE) as site:
        yield site


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def articles(server: SiteServer) -> str:
    """Two article pages: robots.txt (Crawl-delay 0.5 s) and two requests, about a second."""
    return ",".join(
        server.url(f"/gprofile.php?mgroup_id=44609&do=news&news_id={n}") for n in (700101, 700102)
    )


def crawl_args(db: Path, starts: str, *extra: str) -> list[str]:
    return [
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
        "PROGRESS_INTERVAL=0.1",
        *extra,
    ]


def offline_args(db: Path, port: int, *extra: str) -> list[str]:
    return crawl_args(
        db,
        f"http://127.0.0.1:{port}/,{UNRESOLVABLE}",
        "-s",
        "RETRY_TIMES=0",
        "-s",
        "DOWNLOAD_TIMEOUT=10",
        "-s",
        "DNS_TIMEOUT=10",
        *extra,
    )


def on_terminal(args: list[str]) -> Screen:
    return run_on_terminal(args, REPO, crawl_env())


def only_status_lines(text: str) -> bool:
    """Nothing but status lines, each drawn over the one before."""
    return all(STATUS.fullmatch(part) for part in text.split(CLEAR_LINE) if part)


# -- a crawl at a terminal -------------------------------------------------------------------------
def test_a_crawl_on_a_terminal_shows_the_status_line_then_the_summary_and_no_log(tmp_path, server):
    screen = on_terminal(crawl_args(tmp_path / "a.db", articles(server)))
    assert screen.returncode == 0, screen.text[-3000:]
    before, summary = screen.text.split(SUMMARY)
    assert STATUS.search(before)
    assert only_status_lines(before), before
    assert "articles:        2 new, 0 updated, 0 unchanged" in summary
    assert summary.endswith("exit code:       0\n")
    assert not LOG_LINE.search(screen.text)


def test_verbose_shows_the_log_each_line_clear_of_the_status_line(tmp_path, server):
    screen = on_terminal(crawl_args(tmp_path / "a.db", articles(server), "-v"))
    assert screen.returncode == 0, screen.text[-3000:]
    assert "[scrapy.core.engine] INFO: Spider opened" in screen.text
    assert STATUS.search(screen.text)
    starts = [m.start() for m in LOG_LINE.finditer(screen.output)]
    assert len(starts) > 5
    for start in starts[1:]:  # each on a line of its own, or drawn over the status line
        assert screen.output[:start].endswith(("\n", CLEAR_LINE)), screen.output[start - 80 : start]
    assert SUMMARY in screen.text


def test_log_file_gets_the_log_appended_and_the_terminal_only_the_summary(tmp_path, server):
    log = tmp_path / "crawl.log"
    log.write_text("an earlier run\n")
    screen = on_terminal(crawl_args(tmp_path / "a.db", articles(server), "--log-file", str(log)))
    assert screen.returncode == 0, screen.text[-3000:]
    text = log.read_text()
    assert text.startswith("an earlier run\n")
    assert "[scrapy.core.engine] INFO: Spider opened" in text
    assert "Dumping Scrapy stats" in text
    assert only_status_lines(screen.text.split(SUMMARY)[0])
    assert not LOG_LINE.search(screen.text)


def test_ctrl_c_is_acknowledged_and_the_summary_says_the_crawl_stopped_early(tmp_path, server):
    screen = run_on_terminal(
        crawl_args(tmp_path / "a.db", server.url("/")), REPO, crawl_env(), interrupt_at="pages/min"
    )
    assert "Received SIGINT, shutting down gracefully" in screen.text
    summary = screen.text.split(SUMMARY)[1]
    assert "  stopped early:   shutdown (interrupted: Ctrl-C or a TERM signal)\n" in summary
    assert not LOG_LINE.search(screen.text)
    assert "Traceback" not in screen.text


# -- offline ---------------------------------------------------------------------------------------
def failure_line(text: str, url: str) -> str:
    [line] = [ln for ln in text.splitlines() if ln.startswith(f"    {url}  ")]
    return line


def test_an_offline_crawl_says_what_failed_one_line_each_and_no_traceback(tmp_path, closed_port):
    screen = on_terminal(offline_args(tmp_path / "a.db", closed_port))
    assert screen.returncode == 1, screen.text[-3000:]
    assert "Traceback" not in screen.text
    assert not LOG_LINE.search(screen.text)
    refused = f"http://127.0.0.1:{closed_port}/"
    assert "failed:          2 download(s) without a response" in screen.text
    assert "DownloadConnectionRefusedError: " in failure_line(screen.text, refused)
    assert re.search(r"  \w+Error: ", failure_line(screen.text, UNRESOLVABLE))
    assert "robots.txt:      2 not downloaded (crawled as if there were none)" in screen.text
    assert "DownloadConnectionRefusedError: " in failure_line(screen.text, refused + "robots.txt")
    assert re.search(r"  \w+Error: ", failure_line(screen.text, UNRESOLVABLE + "robots.txt"))
    assert "errors logged" not in screen.text  # each failure is said once, above


def test_an_offline_crawl_with_verbose_logs_each_failure_on_one_line(tmp_path, closed_port):
    screen = on_terminal(offline_args(tmp_path / "a.db", closed_port, "-v"))
    assert screen.returncode == 1, screen.text[-3000:]
    assert "Traceback" not in screen.text
    robots = [
        ln
        for ln in screen.text.splitlines()
        if "[scrapy.downloadermiddlewares.robotstxt] ERROR: Error downloading" in ln
    ]
    assert len(robots) == 2
    assert failure_line(screen.text, f"http://127.0.0.1:{closed_port}/")  # the summary too


def test_piped_the_output_is_the_summary_alone(tmp_path, closed_port):
    """Not a terminal (a pipe, a file, a CI log): no status line and no log, the summary on
    stdout."""
    proc = subprocess.run(
        offline_args(tmp_path / "a.db", closed_port),
        cwd=REPO,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert proc.returncode == 1
    assert proc.stderr == ""
    assert proc.stdout.startswith(SUMMARY)
    assert failure_line(proc.stdout, UNRESOLVABLE)


def test_errors_other_than_failed_downloads_are_listed_in_the_summary(tmp_path, server):
    db = tmp_path / "a.db"
    schema.open_db(db).close()
    cap = db.stat().st_size  # the archive cannot grow: storing the first article fails
    screen = on_terminal(crawl_args(db, articles(server), "-s", f"ARCHIVE_MAX_BYTES={cap}"))
    assert screen.returncode == 1, screen.text[-3000:]
    lines = screen.text.splitlines()
    at = lines.index("  errors logged:   1 (-v or --log-file FILE shows Scrapy's log)")
    assert lines[at + 1].startswith(f"    archive is full: {db} ")
    assert "Traceback" not in screen.text


# -- cron ------------------------------------------------------------------------------------------
def test_quiet_prints_nothing_when_the_crawl_succeeds(tmp_path, server):
    screen = on_terminal(crawl_args(tmp_path / "a.db", articles(server), "--quiet"))
    assert (screen.returncode, screen.output) == (0, "")


def test_quiet_prints_the_summary_alone_on_failure_and_logs_to_its_file(tmp_path, closed_port):
    log = tmp_path / "cron.log"
    screen = on_terminal(
        offline_args(tmp_path / "a.db", closed_port, "--quiet", "--log-file", str(log))
    )
    assert screen.returncode == 1
    assert screen.text.startswith(SUMMARY)  # no status line, no log
    assert failure_line(screen.text, UNRESOLVABLE)
    assert f"Scrapy's log: {log}" not in screen.text  # said only beside errors logged
    text = log.read_text()
    assert "[scrapy.core.engine] INFO: Spider opened" in text
    assert "Error downloading" in text
    assert "Traceback" not in text


def test_quiet_and_verbose_exclude_each_other():
    result = CliRunner().invoke(cli, ["crawl", "runnerspace", "--quiet", "-v"])
    assert result.exit_code == 2
    assert "--quiet and --verbose exclude each other" in result.output


# -- the handlers on their own ---------------------------------------------------------------------
def log_error(logger: str, args: dict[str, object], exc: Exception | None = None) -> None:
    """Log as Scrapy's robots.txt and retry middlewares do (message, dict args, exc_info)."""
    message = {
        ROBOTS_LOGGER: "Error downloading %(request)s: %(f_exception)s",
        RETRY_LOGGER: "Gave up retrying %(request)s (failed 3 times): %(reason)s",
    }[logger]
    if exc is None:
        logging.getLogger(logger).error(message, args)
        return
    try:
        raise exc
    except Exception:
        logging.getLogger(logger).error(message, args, exc_info=True)


def test_network_failures_lose_their_traceback_other_errors_keep_it(tmp_path):
    log = tmp_path / "crawl.log"
    request = Request("http://127.0.0.1:9/page")
    root_handlers = list(logging.getLogger().handlers)
    with crawl_logging(
        Settings(
            {"LOG_FILE": str(log), "LOG_LEVEL": "INFO", "LOG_FORMAT": "%(levelname)s %(message)s"}
        )
    ) as notes:
        refused = DownloadConnectionRefusedError("Connection was refused")
        log_error(ROBOTS_LOGGER, {"request": request, "f_exception": refused}, refused)
        bug = ValueError("a bug in a robots_parsed handler")
        log_error(ROBOTS_LOGGER, {"request": request, "f_exception": bug}, bug)
        log_error(RETRY_LOGGER, {"request": request, "reason": DownloadTimeoutError("took 60 s")})
        log_error(RETRY_LOGGER, {"request": request, "reason": "503 Service Unavailable"})
    text = log.read_text()
    assert text.startswith(
        "ERROR Error downloading <GET http://127.0.0.1:9/page>: Connection was "
        "refused\nERROR Error downloading"
    )
    assert text.count("Traceback") == 1
    assert "ValueError: a bug in a robots_parsed handler" in text
    assert notes.robots == [
        ("http://127.0.0.1:9/robots.txt", "DownloadConnectionRefusedError: Connection was refused")
    ]
    assert notes.errors == [
        "Error downloading <GET http://127.0.0.1:9/page>: a bug in a robots_parsed handler",
        "Gave up retrying <GET http://127.0.0.1:9/page> (failed 3 times): 503 Service Unavailable",
    ]
    assert logging.getLogger().handlers == root_handlers
    assert logging.getLogger(ROBOTS_LOGGER).filters == []
