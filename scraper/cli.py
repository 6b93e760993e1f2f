"""The `meetarchive` command: thin wrappers over the Python API."""

from __future__ import annotations

import os
from pathlib import Path

import click

DEFAULT_DB = "archive.db"
# The demo's sample articles carry real-looking RunnerSpace keys: they never go into an archive
# of real crawls unless --db says so (ARCHIVE_DB, which names the real archive, is not used).
DEMO_DB = "demo.db"


def resolve_db(db: str | None) -> Path:
    """--db wins, then the ARCHIVE_DB environment variable, then ./archive.db."""
    return Path(db or os.environ.get("ARCHIVE_DB") or DEFAULT_DB)


db_option = click.option(
    "--db", "db", type=click.Path(dir_okay=False), default=None,
    help="Archive file (default: $ARCHIVE_DB or ./archive.db).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="meetarchive")
def cli() -> None:
    """Crawl, parse and search an archive of track & field meet coverage."""


sources_option = click.option(
    "--sources", "sources_file", type=click.Path(dir_okay=False), default=None,
    help="Sources file of the news spider (default: $MEETARCHIVE_SOURCES or ./sources.toml).",
)


def _check_sources(path: str | None, name: str | None) -> list[str]:
    """The names of the sources a news crawl will read; a usage error for a bad choice."""
    from scraper.hints import parser_names
    from scraper.sources import SourcesError, load_sources, select

    try:
        chosen = select(load_sources(path), name)
    except SourcesError as exc:
        raise click.UsageError(str(exc)) from None
    for source in chosen:
        if source.parser not in parser_names():
            raise click.UsageError(f"source {source.name!r}: unknown parser {source.parser!r} "
                                   f"(known: {', '.join(parser_names())})")
    return [source.name for source in chosen]


@cli.command("sources")
@sources_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per source.")
def sources_cmd(sources_file: str | None, as_json: bool) -> None:
    """List the news sources of the sources file (crawled by `crawl news -a source=NAME`)."""
    from scraper.sources import SourcesError, describe, load_sources

    try:
        sources = load_sources(sources_file)
    except SourcesError as exc:
        raise click.UsageError(str(exc)) from None
    for source in sources.values():
        click.echo(describe(source, as_json))


def _pairs(values: tuple[str, ...], option: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        name, sep, val = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {value!r}", param_hint=option)
        pairs[name] = val
    return pairs


@cli.command()
@click.argument("spider")
@db_option
@click.option("-a", "spider_args", multiple=True, metavar="NAME=VALUE",
              help="Spider argument, e.g. -a start_urls=URL1,URL2 (repeatable).")
@click.option("-s", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Scrapy setting override, e.g. -s LOG_LEVEL=WARNING (repeatable).")
@sources_option
@click.option("--warc-out", "warc_out", type=click.Path(file_okay=False), default=None,
              help="Also write every response fetched to a WARC file in this directory.")
@click.option("--full", is_flag=True,
              help="Fetch archived articles again whether due or not (no conditional requests).")
@click.option("--backfill", is_flag=True,
              help="Walk every listing page, even those holding only archived articles.")
@click.option("--revisit", "revisit", default=None, metavar="POLICY",
              help="When archived articles are due again, by age: AGE:EVERY,... "
                   "(default 1d:1h,7d:6h,30d:1d,365d:7d,*:30d; 0 = every run; never).")
@click.option("-q", "--quiet", is_flag=True,
              help="For cron: no progress; nothing printed when the crawl succeeds, the summary "
                   "otherwise.")
@click.option("-v", "--verbose", is_flag=True,
              help="Also show Scrapy's log (LOG_LEVEL, default INFO) on stderr.")
@click.option("--log-file", "log_file", type=click.Path(dir_okay=False), default=None,
              help="Append Scrapy's log to this file.")
def crawl(spider: str, db: str | None, spider_args: tuple[str, ...],
          overrides: tuple[str, ...], sources_file: str | None, warc_out: str | None,
          full: bool, backfill: bool, revisit: str | None, quiet: bool, verbose: bool,
          log_file: str | None) -> None:
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
      5  alarm: a source's fill rate dropped or it stopped giving new articles
    """
    from scraper.crawl import EXIT_LOCKED, EXIT_OK, run_crawl
    from scraper.lock import Locked, crawl_lock

    args = _pairs(spider_args, "-a")
    settings: dict[str, object] = dict(_pairs(overrides, "-s"))
    locked_sources: list[str] = []  # news: one lock per source, so other sources may run too
    if spider == "news":
        sources_file = args.get("sources") or sources_file
        locked_sources = _check_sources(sources_file, args.get("source"))
        if sources_file:
            settings["SOURCES_FILE"] = sources_file
    if warc_out:
        settings["WARC_OUT_DIR"] = warc_out
    if revisit is not None:
        from scraper.incremental import RevisitPolicy

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
        raise click.UsageError("--quiet and --verbose exclude each other (for a log under cron: "
                               "--log-file)")
    if quiet:
        settings["PROGRESS"] = False
    if verbose:
        settings["LOG_STDERR"] = True
    if log_file:
        settings["LOG_FILE"] = log_file
        settings["LOG_FILE_APPEND"] = True
    archive = resolve_db(db)
    try:
        with crawl_lock(archive, spider, locked_sources):
            report = run_crawl(spider, archive, args, settings)
    except Locked as exc:
        click.echo(f"meetarchive crawl: {exc}", err=True)
        raise SystemExit(EXIT_LOCKED) from None
    except KeyError:
        raise click.UsageError(f"unknown spider {spider!r}") from None
    _record_exit_code(archive, report)
    if not quiet or report.exit_code != EXIT_OK:
        click.echo(report.summary())
        if warc_out:
            click.echo(f"  warc:            {report.stats.get('warc/file', 'no response')}")
    raise SystemExit(report.exit_code)


def _record_exit_code(archive: Path, report: object) -> None:
    run_id = getattr(report, "stats", {}).get("run/id")
    if run_id is None:
        return
    from pipelines.db import open_db, set_run_exit_code

    with open_db(archive) as db:
        set_run_exit_code(db, run_id, report.exit_code)  # type: ignore[attr-defined]


@cli.command()
@click.option("--db", "db", type=click.Path(dir_okay=False), default=DEMO_DB, show_default=True,
              help="Archive file for the sample (never $ARCHIVE_DB: keep samples out of it).")
def demo(db: str) -> None:
    """Crawl a bundled sample site (shaped like DyeStat/RunnerSpace) on 127.0.0.1 into its own
    archive (demo.db), then search it. Nothing leaves this machine."""
    from scraper.demo import run_demo

    raise SystemExit(run_demo(Path(db), click.echo))


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--url", default=None, help="The URL the page was fetched from (single file).")
@click.option("--explain", is_flag=True, help="Show which signal gave each field.")
@click.option("--jsonl", is_flag=True,
              help='Read {"id","path","url"} lines on stdin, write one JSON line per page.')
def extract(files: tuple[str, ...], url: str | None, explain: bool, jsonl: bool) -> None:
    """Extract articles from local HTML files (JSON out)."""
    from scraper.extract_cli import main as extract_main

    if not files and not jsonl:
        raise click.UsageError("give FILE... or --jsonl")
    raise SystemExit(extract_main(list(files), url, explain, jsonl))


def _archive(db: str | None) -> Path:
    """The archive path for reading commands; a clear message when there is none yet."""
    path = resolve_db(db)
    if not path.is_file():
        raise click.ClickException(
            f"no archive at {path}: run `meetarchive crawl runnerspace` first, or point --db / "
            f"ARCHIVE_DB at one (`meetarchive demo` writes its sample to --db {DEMO_DB})")
    with path.open("rb") as f:
        header = f.read(16)
    if header and header != b"SQLite format 3\x00":
        raise click.ClickException(f"{path} is not a meetarchive archive (not an SQLite file)")
    from pipelines.db import NotAnArchiveError, open_db

    try:
        open_db(path, migrate=False).close()
    except NotAnArchiveError as exc:
        raise click.ClickException(str(exc)) from None
    return path


@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1),
              help="Most results to show.")
@click.option("--json", "as_json", is_flag=True, help="JSON out (snippet hits in <mark>).")
def search(query: tuple[str, ...], db: str | None, limit: int, as_json: bool) -> None:
    """Full-text search of the archived articles (best match first). QUERY may be several words.

    Words are all required; "a phrase" in quotes; OR between alternatives; -word excludes;
    word* matches a prefix; headline:word (or dek:, author:, body:) looks in one field.
    """
    import json

    from pipelines.db import open_db
    from pipelines.search import SearchError, format_hits
    from pipelines.search import search as run_search

    text = " ".join(query)
    with open_db(_archive(db)) as archive:
        try:
            hits = run_search(archive, text, limit,
                              ("<mark>", "</mark>") if as_json else ("[", "]"))
        except SearchError as exc:
            raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(hits, ensure_ascii=False, indent=2))
    elif hits:
        click.echo(format_hits(hits))
    else:
        click.echo(f"No articles match {text!r}.")


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON out.")
@click.option("--runs", "runs", is_flag=False, flag_value=20, default=None, type=int,
              metavar="[N]", help="The last N crawl runs (default 20): counts, fill rates, alarms.")
def stats(db: str | None, as_json: bool, runs: int | None) -> None:
    """Counts of pages, articles, revisions, rejects (by reason), meets, results documents
    (parsed, unparsed) and result rows; the newest articles."""
    import json

    from pipelines.db import counts, format_counts, open_db

    with open_db(_archive(db)) as archive:
        if runs is not None:
            from pipelines.db import recent_runs
            from scraper.runs import format_runs

            found_runs = recent_runs(archive, runs)
            click.echo(json.dumps(found_runs, ensure_ascii=False, indent=2) if as_json
                       else format_runs(found_runs))
            return
        found = counts(archive)
    click.echo(json.dumps(found, ensure_ascii=False, indent=2) if as_json else format_counts(found))


@cli.command()
@db_option
def reparse(db: str | None) -> None:
    """Rebuild every article from the stored pages with the current parsers (no network)."""
    from pipelines.reparse import reparse as run_reparse

    click.echo(run_reparse(_archive(db)).summary())


@cli.command("import-warc")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@db_option
@sources_option
def import_warc(files: tuple[str, ...], db: str | None, sources_file: str | None) -> None:
    """Import the pages of WARC/WACZ web archives (the Internet Archive's, Common Crawl's, or
    `crawl --warc-out`'s) through the same parsers and pipelines as a crawl; no network.

    Pages of sources in the sources file (when there is one) are read as that source's; every
    page row records the archive file and record offset it came from.
    """
    from scraper.sources import SourcesError, load_sources, sources_path
    from scraper.warcimport import import_archives

    sources = None
    if sources_file or sources_path().is_file():
        try:
            sources = list(load_sources(sources_file).values())
        except SourcesError as exc:
            raise click.UsageError(str(exc)) from None
    report = import_archives(resolve_db(db), [Path(f) for f in files], sources)
    click.echo(report.summary())
    raise SystemExit(report.exit_code)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--url", default=None, help="The URL the document was fetched from (single file).")
@click.option("--jsonl", is_flag=True,
              help='Read {"id","path","url"} lines on stdin, write one JSON line per document.')
def results(files: tuple[str, ...], url: str | None, jsonl: bool) -> None:
    """Parse meet results documents (Hy-Tek text/PDF, HTML tables, listings) to JSON."""
    from scraper.results_cli import main as results_main

    if not files and not jsonl:
        raise click.UsageError("give FILE... or --jsonl")
    raise SystemExit(results_main(list(files), url, jsonl))


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--since/--until: a date that cannot be read is a usage error naming it (exit 2)."""
    if value is None:
        return None
    from pipelines.export import date_bound

    try:
        return date_bound(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@cli.command()
@click.argument("dataset", type=click.Choice(["articles", "results", "meets"]))
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), required=True,
              help="Output format.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), required=True,
              help="Data file to write; datapackage.json is written beside it.")
@click.option("--since", default=None, metavar="DATE", callback=_date_option,
              help="Only rows dated on or after DATE (ISO-8601, e.g. 2024-05-01).")
@click.option("--until", default=None, metavar="DATE", callback=_date_option,
              help="Only rows dated on or before DATE (a bare date covers that whole day).")
@click.option("--source", default=None, help="Only rows from this source (e.g. runnerspace).")
@click.option("--meet", default=None, help="Only rows whose meet name contains this text.")
@click.option("--since-last", is_flag=True,
              help="Append to the file only the rows new or changed since the previous "
                   "--since-last export to it (the first writes every row).")
def export(dataset: str, db: str | None, fmt: str, output: str, since: str | None,
           until: str | None, source: str | None, meet: str | None, since_last: bool) -> None:
    """Export DATASET (articles, results or meets) as CSV, JSON Lines or Parquet, streaming,
    with a Frictionless datapackage.json describing every field."""
    from pipelines.db import open_db
    from pipelines.export import ExportError, Filters
    from pipelines.export import export as run_export

    archive = open_db(_archive(db))
    try:
        report = run_export(archive, dataset, output, fmt,
                            Filters(since=since, until=until, source=source, meet=meet),
                            since_last=since_last)
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        archive.close()
    click.echo(report.summary())


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option("--sql-time-limit-ms", default=3000, show_default=True, type=int,
              help="Any SQL query running longer than this is cancelled.")
@click.option("--immutable", is_flag=True,
              help="Serve a finished snapshot as immutable (faster counts; never while a crawl "
                   "writes to it).")
def serve(db: str | None, host: str, port: int, sql_time_limit_ms: int, immutable: bool) -> None:
    """Browse and search the archive in Datasette, read-only, with the project's metadata
    (facets, full-text search, canned queries)."""
    from scraper.serve import run_serve

    raise SystemExit(run_serve(_archive(db), host, port, sql_time_limit_ms, immutable))


@cli.command()
@click.argument("query", nargs=-1)
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON out.")
def meets(query: tuple[str, ...], db: str | None, as_json: bool) -> None:
    """Meets in the archive (whose name holds every word of QUERY): their results and the
    articles covering them (same meet name, published within two weeks of the meet)."""
    import json

    from pipelines.db import format_meets, meets_overview, open_db

    with open_db(_archive(db)) as archive:
        found = meets_overview(archive, " ".join(query) or None)
    click.echo(json.dumps(found, ensure_ascii=False, indent=2) if as_json else format_meets(found))


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
