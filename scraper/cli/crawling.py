"""``meetarchive crawl`` and ``meetarchive sources``: crawling into the archive (the run itself is
``scraper.cli.crawlrun``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from scraper.cli.options import (
    check_sources,
    db_option,
    lock_max_age,
    log_file_option,
    log_settings,
    pairs,
    redis_option,
    say,
    sources_option,
    writing,
)

if TYPE_CHECKING:
    from scraper.cli.crawlrun import CrawlReport


@click.command("sources")
@sources_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source.")
def sources_cmd(sources_file: str | None, as_json: bool) -> None:
    """List the news sources of the sources file (crawled by `crawl news -a source=NAME`)."""
    from scraper.crawl.sources import SourcesError, describe, load_sources

    try:
        sources = load_sources(sources_file)
    except SourcesError as exc:
        raise click.UsageError(str(exc)) from None
    for source in sources.values():
        click.echo(describe(source, as_json))  # the user's own file, not crawled text


@click.command()
@click.argument("spider")
@db_option
@click.option(
    "-a",
    "spider_args",
    multiple=True,
    metavar="NAME=VALUE",
    help="Spider argument, e.g. -a start_urls=URL1,URL2 (repeatable).",
)
@click.option(
    "-s",
    "overrides",
    multiple=True,
    metavar="NAME=VALUE",
    help="Scrapy setting override, e.g. -s LOG_LEVEL=WARNING (repeatable).",
)
@sources_option
@click.option(
    "--warc-out",
    "warc_out",
    type=click.Path(file_okay=False),
    default=None,
    help="Also write every response fetched to a WARC file in this directory.",
)
@click.option(
    "--full",
    is_flag=True,
    help="Fetch archived articles again whether due or not (no conditional requests).",
)
@click.option(
    "--backfill",
    is_flag=True,
    help="Walk every listing page, even those holding only archived articles.",
)
@click.option(
    "--revisit",
    "revisit",
    default=None,
    metavar="POLICY",
    help="When archived articles are due again, by age: AGE:EVERY,... "
    "(default 1d:1h,7d:6h,30d:1d,365d:7d,*:30d; 0 = every run; never).",
)
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="For cron: no progress; nothing printed when the crawl succeeds, the summary otherwise.",
)
@click.option(
    "-v",
    "--verbose",
    is_flag=True,
    help="Also show Scrapy's log (LOG_LEVEL, default INFO) on stderr.",
)
@log_file_option
@redis_option
@click.option(
    "--worker",
    "worker",
    default=None,
    metavar="NAME",
    help="With --redis: this worker's name, the same when it is restarted (default: the host "
    "name); what a killed worker held is taken up again by its restart.",
)
def crawl(
    spider: str,
    db: str | None,
    spider_args: tuple[str, ...],
    overrides: tuple[str, ...],
    sources_file: str | None,
    warc_out: str | None,
    full: bool,
    backfill: bool,
    revisit: str | None,
    quiet: bool,
    verbose: bool,
    log_file: str | None,
    redis_url: str | None,
    worker: str | None,
) -> None:
    """Crawl with SPIDER (runnerspace, dyestat, news) into the archive and print a summary.

    Archived articles are fetched again only when due (--revisit), with conditional requests;
    listings and feeds every time, a news source's sitemaps when due (its sitemap_interval).
    Each run is recorded (`stats --runs`).

    Output: a status line on stderr while it runs (when stderr is a terminal), then the summary
    on stdout: counts, each failed download on one line, errors logged, blocked pages, alarms.
    Scrapy's log goes to --log-file and, with -v, to stderr; otherwise nowhere, also when the
    output is piped or redirected.

    \b
    Exit codes:
      0  finished; every page fetched was stored or recorded as a reject
      1  errors (downloads without a response, spider or pipeline errors)
      2  usage error
      3  blocked: a site answered with an anti-bot challenge page (see the advice printed)
      4  locked: another crawl of SPIDER (of the same news source) into this archive is running
         (STUCK when it has run longer than CRAWL_LOCK_MAX_AGE, default 1d)
      5  alarm: a source's fill rate dropped, it stopped giving new articles, or fewer of
         its results documents were read whole (audit verdict parsed)
      6  interrupted: stopped by SIGTERM or Ctrl-C (a second signal forces it)

    With --redis redis://HOST:PORT/DB it is one worker of a crawl on many machines
    (docs/distributed.md): requests, duplicate filter and politeness are shared through Redis,
    and the items go to Redis for `meetarchive store`, the one process writing the archive
    (--db then serves the revisit rules: a copy of the archive will do). It ends when the run
    is finished.
    """
    from scraper.cli.crawlrun import EXIT_LOCKED, EXIT_OK, record_exit_code, run_crawl
    from scraper.crawl.lock import Locked, crawl_lock

    if spider == "redis-store":
        raise click.UsageError("redis-store is the spider of `meetarchive store`")
    args = pairs(spider_args, "-a")
    settings: dict[str, object] = dict(pairs(overrides, "-s"))
    locked_sources: list[str] = []  # news: one lock per source, so other sources may run too
    if spider == "news":
        sources_file = args.get("sources") or sources_file
        locked_sources = check_sources(sources_file, args.get("source"))
        if sources_file:
            settings["SOURCES_FILE"] = sources_file
    if warc_out:
        settings["WARC_OUT_DIR"] = warc_out
    if revisit is not None:
        from scraper.crawl.incremental import RevisitPolicy

        try:
            RevisitPolicy.parse(revisit)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--revisit") from None
        settings["REVISIT_POLICY"] = revisit
    if full:
        settings["INCREMENTAL"] = False
    if backfill:
        settings["BACKFILL"] = True
    if quiet and verbose:
        raise click.UsageError(
            "--quiet and --verbose exclude each other (for a log under cron: --log-file)"
        )
    if quiet:
        settings["PROGRESS"] = False
    settings.update(log_settings(verbose, log_file))
    if worker is not None and not redis_url:
        raise click.UsageError("--worker names a worker of a crawl through Redis: give --redis")
    archive = writing(db)  # a damaged, read-only or newer archive: one line, left as it is
    if redis_url:
        from scraper.cli.distributed import join_as_worker

        settings = {**join_as_worker(redis_url, spider, worker, args), **settings}
        report = _run(spider, archive, args, settings)
        if not quiet or report.exit_code != EXIT_OK:
            say(report.summary())
        raise SystemExit(report.exit_code)
    try:
        with crawl_lock(archive, spider, locked_sources, lock_max_age(settings)):
            report = run_crawl(spider, archive, args, settings)
    except Locked as exc:
        say(f"meetarchive crawl: {exc}", err=True)
        raise SystemExit(EXIT_LOCKED) from None
    except KeyError:
        raise click.UsageError(f"unknown spider {spider!r}") from None
    record_exit_code(archive, report)
    if not quiet or report.exit_code != EXIT_OK:
        say(report.summary())
        if warc_out:
            say(f"  warc:            {report.stats.get('warc/file', 'no response')}")
    raise SystemExit(report.exit_code)


def _run(
    spider: str, archive: Path, args: dict[str, str], settings: dict[str, object]
) -> CrawlReport:
    from scraper.cli.crawlrun import run_crawl

    try:
        return run_crawl(spider, archive, args, settings)
    except KeyError:
        raise click.UsageError(f"unknown spider {spider!r}") from None
