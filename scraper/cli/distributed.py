"""``meetarchive store`` and the worker side of ``meetarchive crawl --redis``: a crawl on many
machines through Redis (docs/distributed.md; the machinery is ``scraper.crawl.redis*``)."""

from __future__ import annotations

import socket
from typing import Any

import click

from scraper.cli.options import (
    db_option,
    lock_max_age,
    log_file_option,
    log_settings,
    pairs,
    redis_option,
    say,
    writing,
)


def connect_or_exit(url: str, command: str) -> Any:
    from scraper.crawl.redisrun import RedisUnavailable, connect

    try:
        return connect(url)
    except RedisUnavailable as exc:
        say(f"meetarchive {command}: {exc}", err=True)
        raise SystemExit(1) from None


def join_as_worker(
    url: str, spider: str, worker: str | None, args: dict[str, str]
) -> dict[str, Any]:
    """Join (or open) the run in Redis as worker ``worker`` of ``spider``: the settings of the
    crawl."""
    from scrapy.settings import Settings
    from scrapy.spiderloader import get_spider_loader

    from scraper.crawl.redisrun import join
    from scraper.crawl.redisworker import worker_settings

    if spider not in get_spider_loader(Settings({"SPIDER_MODULES": ["scraper.spiders"]})).list():
        raise click.UsageError(f"unknown spider {spider!r}")
    name = worker or socket.gethostname()
    if not name or "|" in name:
        raise click.BadParameter("a worker name without '|'", param_hint="--worker")
    client = connect_or_exit(url, "crawl")
    run_id, token = join(client, spider, name, lambda text: say(text, err=True))
    return worker_settings(url, name, run_id, token, args)


@click.command("store")
@redis_option
@db_option
@click.option(
    "--follow",
    is_flag=True,
    help="Keep storing what the workers push; never consider the run finished.",
)
@click.option(
    "-s",
    "overrides",
    multiple=True,
    metavar="NAME=VALUE",
    help="Scrapy setting override, e.g. -s STORE_GROUP_SECONDS=1 (repeatable).",
)
@click.option("-v", "--verbose", is_flag=True, help="Also show Scrapy's log on stderr.")
@log_file_option
def store_cmd(
    redis_url: str | None,
    db: str | None,
    follow: bool,
    overrides: tuple[str, ...],
    verbose: bool,
    log_file: str | None,
) -> None:
    """Write into the archive what the workers of a crawl through Redis fetched
    (`meetarchive crawl SPIDER --redis URL` on any number of machines; docs/distributed.md).

    Items go through the same stages as a local crawl's and leave Redis only once the archive has
    committed them; a store killed and started again takes up what it held. Prints the usual
    crawl summary and exits when the run is finished (the start of every spider read, no request
    queued or under way, no item waiting), with the exit codes of `meetarchive crawl`; with
    --follow it runs until stopped (SIGTERM, Ctrl-C).
    """
    from scraper.cli.crawlrun import EXIT_LOCKED, record_exit_code, run_crawl
    from scraper.crawl.lock import Locked, crawl_lock
    from scraper.crawl.redisrun import STATS, open_run, run_spider

    if not redis_url:
        raise click.UsageError("meetarchive store needs --redis redis://HOST:PORT/DB")
    settings: dict[str, object] = {
        **pairs(overrides, "-s"),
        "REDIS_URL": redis_url,
        "REDIS_FOLLOW": follow,
        **log_settings(verbose, log_file),
    }
    archive = writing(db)
    client = connect_or_exit(redis_url, "store")
    open_run(client)
    # The run is recorded under the workers' spider, as a local crawl's (the revisit rules, the
    # sitemap schedule and the fill-rate alarms read the runs of a spider).
    settings["REDIS_RUN_SPIDER"] = run_spider(client, lambda text: say(text, err=True))
    try:
        with crawl_lock(archive, "redis-store", [], lock_max_age(settings)):
            report = run_crawl("redis-store", archive, {}, settings)
    except Locked as exc:
        say(f"meetarchive store: {exc}", err=True)
        raise SystemExit(EXIT_LOCKED) from None
    report.spider = str(settings["REDIS_RUN_SPIDER"])
    record_exit_code(archive, report)
    for name, value in client.hgetall(STATS).items():
        report.stats.setdefault(name.decode(), int(value))
    say(report.summary())
    raise SystemExit(report.exit_code)
