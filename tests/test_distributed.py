"""A crawl on many machines through Redis, on one: a real ``redis-server`` on a free port, two
``meetarchive crawl runnerspace --redis`` workers and one ``meetarchive store`` (subprocesses of
the real CLI) against the fixture site, whose robots.txt asks for a Crawl-delay of 0.5 s.

Together the workers are as polite as one crawler (the server's request log), every article is
stored once, and killing a worker or the store mid-crawl (SIGKILL) and starting it again loses
nothing and stores nothing twice.
"""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from protego import Protego

from scraper.cli import cli
from scraper.cli.siteserver import LoggedRequest, SiteServer
from tests.test_crawl import (
    EXIT_BLOCKED,
    FIXTURE_ARTICLES,
    REPO,
    SITE,
    USER_AGENT,
    article_keys,
    crawl_env,
    expected_keys,
    news_id,
    rows,
    start_urls,
)

TIMEOUT = 120  # seconds for a whole crawl


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def redis_server(tmp_path: Path) -> Iterator[str]:
    """A redis-server of its own (no persistence) on a free port, stopped after."""
    import redis

    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not on PATH (Debian: apt-get install redis-server)")
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    client = redis.Redis(port=port)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(10)


@dataclass
class Crawl:
    redis: str
    db: Path
    starts: str
    procs: dict[str, subprocess.Popen[str]]

    def start_worker(self, name: str, db: Path | None = None) -> None:
        self.procs[name] = popen(
            "crawl", "runnerspace", "--redis", self.redis, "--worker", name,
            "--db", str(db or self.db.with_name(f"{name}.db")), "-a", f"start_urls={self.starts}",
            "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_START_DELAY=0",
            "-s", "REDIS_MAX_HELD=2", "-s", "DOWNLOAD_TIMEOUT=10",
        )  # fmt: skip

    def start_store(self) -> None:
        self.procs["store"] = popen("store", "--redis", self.redis, "--db", str(self.db))

    def kill(self, name: str) -> None:
        assert self.procs[name].poll() is None, f"{name} ended before the kill"
        self.procs[name].send_signal(signal.SIGKILL)
        self.procs[name].communicate(timeout=10)

    def finish(self) -> dict[str, subprocess.CompletedProcess[str]]:
        done = {}
        deadline = time.monotonic() + TIMEOUT
        for name, proc in self.procs.items():
            try:
                out, err = proc.communicate(timeout=max(1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                for other in self.procs.values():
                    other.kill()
                out, err = proc.communicate()
                pytest.fail(f"{name} did not finish: {err[-3000:]}")
            done[name] = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
        return done


def popen(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "scraper.cli", *args],
        cwd=REPO,
        env=crawl_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@contextmanager
def fixture_crawl(
    tmp_path: Path, site: Path | None = None, paths: tuple[str, ...] = ()
) -> Iterator[tuple[Crawl, SiteServer]]:
    """Redis and a site served (a copy of the fixture site, else ``site`` with start ``paths``);
    the processes started are killed after."""
    if site is None:
        site = tmp_path / "site"
        shutil.copytree(SITE, site)
    with redis_server(tmp_path) as url, SiteServer(site) as server:
        starts = ",".join(server.url(p) for p in paths) or start_urls(server, challenge=False)
        run = Crawl(url, tmp_path / "archive.db", starts, {})
        try:
            yield run, server
        finally:
            for proc in run.procs.values():
                if proc.poll() is None:
                    proc.kill()
                    proc.communicate(timeout=10)


@pytest.fixture
def crawl(tmp_path: Path) -> Iterator[tuple[Crawl, SiteServer]]:
    with fixture_crawl(tmp_path) as both:
        yield both


@dataclass
class FirstRun:
    run: Crawl
    server: SiteServer
    results: dict[str, subprocess.CompletedProcess[str]]
    log: list[LoggedRequest]  # the server's log of this run


@pytest.fixture(scope="module")
def first_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FirstRun]:
    """Two workers and the store, started together, crawl the fixture site."""
    with fixture_crawl(tmp_path_factory.mktemp("distributed")) as (run, server):
        run.start_store()
        run.start_worker("w1")
        run.start_worker("w2")
        results = run.finish()
        yield FirstRun(run, server, results, list(server.log))


def wait_for_requests(server: SiteServer, count: int) -> None:
    deadline = time.monotonic() + TIMEOUT
    while len(server.log) < count:
        assert time.monotonic() < deadline, "the crawl did not get going"
        time.sleep(0.02)


def wait_until_held(redis_url: str, key: str, kind: str) -> None:
    """Until the list or hash ``key`` holds something: what the process about to be killed has
    taken and not yet finished with."""
    import redis

    client = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + TIMEOUT
    while not (client.llen(key) if kind == "list" else client.hlen(key)):
        assert time.monotonic() < deadline, f"{key} never held anything"
        time.sleep(0.005)
    client.close()


def check_polite(log: list[LoggedRequest]) -> None:
    """No two requests to one host closer than its Crawl-delay; nothing robots.txt disallows."""
    robots = Protego.parse((SITE / "robots.txt").read_text())
    delay = robots.crawl_delay(USER_AGENT)
    assert delay
    for host in ("127.0.0.1", "localhost"):
        times = sorted(r.time for r in log if r.host == host)
        assert len(times) >= 5
        gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
        assert min(gaps) >= delay, (host, gaps)
    for r in log:
        assert robots.can_fetch(f"http://{r.host}{r.path}", USER_AGENT), r.path


def check_stored_once(db: Path, results: dict[str, subprocess.CompletedProcess[str]]) -> None:
    for name, done in results.items():
        assert done.returncode == 0, (name, done.stdout, done.stderr[-3000:])
    keys = article_keys(db)
    assert sorted(keys) == expected_keys(), results["store"].stdout
    pages = [url for (url,) in rows(db, "SELECT url FROM pages")]
    assert len(pages) == len(set(pages))
    results_docs = rows(db, "SELECT count(*), count(DISTINCT url_key) FROM result_documents")
    assert results_docs[0][0] == results_docs[0][1] > 0


def test_two_workers_and_the_store_crawl_as_one_polite_crawler(first_run: FirstRun):
    check_stored_once(first_run.run.db, first_run.results)
    check_polite(first_run.log)
    requested = Counter(news_id(r.path) for r in first_run.log if news_id(r.path))
    assert set(requested) == FIXTURE_ARTICLES
    assert max(requested.values()) == 1  # every article requested once, whichever worker did
    paths = [(r.host, r.path) for r in first_run.log if not r.path.endswith("/robots.txt")]
    assert len(paths) == len(set(paths))  # the shared duplicate filter


def test_the_store_prints_the_crawl_summary_with_the_workers_counters(first_run: FirstRun):
    summary = first_run.results["store"].stdout
    assert "Crawl 'runnerspace' into" in summary
    assert "10 new" in summary
    assert "disallowed by robots.txt" in summary  # a worker's counter, in the store's summary
    runs = rows(first_run.run.db, "SELECT spider, finish_reason, exit_code FROM crawl_runs")
    assert runs == [("runnerspace", "finished", 0)]  # the store records the run, as a crawl would
    both = [first_run.results[w].stdout for w in ("w1", "w2")]
    handled = [int(out.split("pages handled:")[1].split()[0]) for out in both]
    assert all(handled), both  # each worker fetched its share


def test_a_second_run_revisits_only_what_is_due_when_workers_read_the_archive(
    first_run: FirstRun,
):
    run, server = first_run.run, first_run.server
    first = len(server.log)
    run.procs.clear()
    run.start_store()  # a new run: the finished one's queue and duplicate filter are cleared
    run.start_worker("w1", db=run.db)  # on the store's machine: the archive itself
    run.start_worker("w2", db=run.db)
    results = run.finish()
    check_stored_once(run.db, results)
    again = [news_id(r.path) for r in server.log[first:] if news_id(r.path)]
    assert again == []  # archived articles are not due yet (REVISIT_POLICY)
    assert any("eprofile.php" in r.path for r in server.log[first:])  # listings read again
    summary = results["store"].stdout
    assert "0 new, 0 updated" in summary, summary
    assert "not due" in summary, summary  # the workers' counters, in the store's summary


def test_a_worker_killed_mid_crawl_and_restarted_loses_nothing(crawl):
    run, server = crawl
    run.start_store()
    run.start_worker("w1")
    run.start_worker("w2")
    wait_for_requests(server, 8)
    wait_until_held(run.redis, "meetarchive:inflight:runnerspace|w1", "hash")
    run.kill("w1")  # holding requests: taken from the queue, not yet done
    run.start_worker("w1")
    results = run.finish()
    check_stored_once(run.db, results)
    check_polite(server.log)
    # the killed process ran here: its name taken over at once, not when its heartbeat expired
    assert "heartbeat to expire" not in results["w1"].stderr


def test_the_store_killed_mid_crawl_and_restarted_loses_nothing(crawl):
    run, server = crawl
    run.start_store()
    run.start_worker("w1")
    run.start_worker("w2")
    wait_for_requests(server, 10)
    wait_until_held(run.redis, "meetarchive:items:processing", "hash")
    run.kill("store")  # holding items: taken from the queue, not yet committed
    run.start_store()
    results = run.finish()
    check_stored_once(run.db, results)
    check_polite(server.log)


@pytest.mark.slow
def test_a_worker_killed_and_never_restarted_is_taken_over_once_its_heartbeat_expires(crawl):
    run, server = crawl
    run.start_store()
    run.start_worker("w1")
    run.start_worker("w2")
    wait_for_requests(server, 8)
    wait_until_held(run.redis, "meetarchive:inflight:runnerspace|w1", "hash")
    run.kill("w1")
    del run.procs["w1"]
    results = run.finish()
    check_stored_once(run.db, results)
    check_polite(server.log)


@pytest.mark.slow
def test_a_worker_stopped_by_sigterm_gives_back_what_it_held(crawl):
    run, server = crawl
    run.start_store()
    run.start_worker("w1")
    run.start_worker("w2")
    wait_for_requests(server, 8)
    wait_until_held(run.redis, "meetarchive:inflight:runnerspace|w1", "hash")
    run.procs["w1"].send_signal(signal.SIGTERM)
    stopped = run.procs.pop("w1")
    out, _ = stopped.communicate(timeout=TIMEOUT)
    assert stopped.returncode == 6, out  # interrupted
    results = run.finish()
    check_stored_once(run.db, results)
    check_polite(server.log)


@pytest.mark.slow
def test_news_sources_crawled_by_two_workers_give_what_one_crawl_gives(tmp_path):
    """The news spider keeps its sitemap and feed backlog in the worker that read the start; the
    other worker takes what it queues. Same articles as a local crawl of the same sources."""
    from tests.test_parallel_crawls import SITE as NEWS_SITE
    from tests.test_parallel_crawls import sources_toml

    with fixture_crawl(tmp_path, NEWS_SITE, ("/",)) as (run, server):
        sources = tmp_path / "sources.toml"
        sources.write_text(sources_toml(server))
        local = tmp_path / "local.db"
        news = ["crawl", "news", "--sources", str(sources), "-s", "AUTOTHROTTLE_START_DELAY=0"]
        alone = popen(*news, "--db", str(local))
        out, err = alone.communicate(timeout=TIMEOUT)
        assert alone.returncode == 0, out + err[-3000:]
        first = len(server.log)
        run.start_store()
        for name in ("w1", "w2"):
            run.procs[name] = popen(
                *news, "--redis", run.redis, "--worker", name, "--db", str(tmp_path / f"{name}.db")
            )
        results = run.finish()
        log = server.log[first:]
    for name, done in results.items():
        assert done.returncode == 0, (name, done.stdout, done.stderr[-3000:])
    stored = sorted(u for (u,) in rows(run.db, "SELECT url FROM articles"))
    assert stored == sorted(u for (u,) in rows(local, "SELECT url FROM articles"))
    assert len(stored) >= 3
    stories = [r.path for r in log if r.path.startswith("/story/")]
    assert len(stories) == len(set(stories))  # each article fetched once by the two workers


def test_a_host_that_keeps_answering_with_challenges_is_given_up_by_every_worker(tmp_path):
    """Like www.dyestat.com to a plain client: robots.txt and every page are challenges. Each
    worker reads robots.txt itself: two challenges, then one page, and no worker asks again."""
    site = tmp_path / "challenges"
    site.mkdir()
    page = (SITE / "challenge" / "index.html").read_bytes()
    sidecar = (SITE / "challenge" / "index.html.headers.json").read_bytes()
    for name in ("robots.txt", "index.html", *(f"p{n}.html" for n in range(6))):
        (site / name).write_bytes(page)
        (site / f"{name}.headers.json").write_bytes(sidecar)
    paths = ("/", *(f"/p{n}.html" for n in range(6)))
    with fixture_crawl(tmp_path, site, paths) as (run, server):
        run.start_store()
        run.start_worker("w1")
        run.start_worker("w2")
        results = run.finish()
    assert len(server.log) == 3, [r.path for r in server.log]  # CHALLENGE_MAX_PER_HOST = 3
    store = results["store"]
    assert store.returncode == EXIT_BLOCKED, store.stdout + store.stderr[-3000:]
    assert "BLOCKED" in store.stdout
    assert "3 challenge page(s)" in store.stdout  # robots.txt included: a worker's counter
    skipped = re.search(r"not requested: +(\d+) \(host kept answering", store.stdout)
    assert skipped, store.stdout
    assert int(skipped.group(1)) >= 5  # the pages never asked (and a worker's robots.txt)


# -- usage -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (("store",), 2, "needs --redis redis://HOST:PORT/DB"),
        (("store", "--redis", "http://example.org/"), 1, "not a Redis URL"),
        (("store", "--redis", "redis://127.0.0.1:1/0"), 1, "cannot reach Redis at"),
        (("crawl", "runnerspace", "--redis", "redis://127.0.0.1:1/0"), 1, "cannot reach Redis"),
        (("crawl", "runnerspace", "--worker", "w1"), 2, "give --redis"),
        (("crawl", "nosuch", "--redis", "redis://127.0.0.1:1/0"), 2, "unknown spider 'nosuch'"),
        (("crawl", "redis-store"), 2, "the spider of `meetarchive store`"),
    ],
)
def test_bad_input_is_one_line_never_a_traceback(tmp_path, args, code, says):
    done = CliRunner().invoke(cli, [*args, "--db", str(tmp_path / "archive.db")])
    assert done.exit_code == code, (done.output, done.exception)
    assert says in done.stderr
    assert isinstance(done.exception, SystemExit)  # no other exception escaped
    assert [line for line in done.stderr.splitlines() if says in line] == [
        line for line in done.stderr.splitlines() if line.startswith(("Error", "meetarchive"))
    ]  # the error is one line (after click's usage lines)
