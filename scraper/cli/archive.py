"""The commands that read or rebuild an archive: ``search``, ``stats``, ``reparse``,
``import-warc`` and ``export`` (meets and athletes: ``scraper.cli.identity``)."""

from __future__ import annotations

from pathlib import Path

import click

from scraper.cli.options import (
    archive_path,
    date_option,
    db_option,
    resolve_db,
    sources_option,
)


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1, required=True)
@db_option
@click.option(
    "--limit",
    default=20,
    show_default=True,
    type=click.IntRange(min=1),
    help="Most results to show.",
)
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
    with open_db(archive_path(db)) as archive:
        try:
            hits = run_search(
                archive, text, limit, ("<mark>", "</mark>") if as_json else ("[", "]")
            )
        except SearchError as exc:
            raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(hits, ensure_ascii=False, indent=2))
    elif hits:
        click.echo(format_hits(hits))
    else:
        click.echo(f"No articles match {text!r}.")


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON out.")
@click.option(
    "--runs",
    "runs",
    is_flag=False,
    flag_value=20,
    default=None,
    type=int,
    metavar="[N]",
    help="The last N crawl runs (default 20): counts, fill rates, alarms.",
)
def stats(db: str | None, as_json: bool, runs: int | None) -> None:
    """Counts of pages, articles, revisions, rejects (by reason), meets, results documents
    (parsed, unparsed) and result rows; the newest articles."""
    import json

    from pipelines.db import counts, format_counts, open_db

    with open_db(archive_path(db)) as archive:
        if runs is not None:
            from pipelines.db import recent_runs
            from scraper.crawl.runs import format_runs

            found_runs = recent_runs(archive, runs)
            click.echo(
                json.dumps(found_runs, ensure_ascii=False, indent=2)
                if as_json
                else format_runs(found_runs)
            )
            return
        found = counts(archive)
    click.echo(json.dumps(found, ensure_ascii=False, indent=2) if as_json else format_counts(found))


@click.command()
@db_option
def reparse(db: str | None) -> None:
    """Rebuild every article and results document from the stored pages with the current
    parsers (no network); meets and athletes are linked again, honouring the overrides."""
    from pipelines.replay import reparse as run_reparse

    click.echo(run_reparse(archive_path(db)).summary())


@click.command("import-warc")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@db_option
@sources_option
def import_warc(files: tuple[str, ...], db: str | None, sources_file: str | None) -> None:
    """Import the pages of WARC/WACZ web archives (the Internet Archive's, Common Crawl's, or
    `crawl --warc-out`'s) through the same parsers and pipelines as a crawl; no network.

    Pages of sources in the sources file (when there is one) are read as that source's; every
    page row records the archive file and record offset it came from.
    """
    from scraper.crawl.sources import SourcesError, load_sources, sources_path
    from scraper.crawl.warcimport import import_archives

    sources = None
    if sources_file or sources_path().is_file():
        try:
            sources = list(load_sources(sources_file).values())
        except SourcesError as exc:
            raise click.UsageError(str(exc)) from None
    report = import_archives(resolve_db(db), [Path(f) for f in files], sources)
    click.echo(report.summary())
    raise SystemExit(report.exit_code)


@click.command()
@click.argument("dataset", type=click.Choice(["articles", "results", "meets"]))
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet"]),
    required=True,
    help="Output format.",
)
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False),
    required=True,
    help="Data file to write; datapackage.json is written beside it.",
)
@click.option(
    "--since",
    default=None,
    metavar="DATE",
    callback=date_option,
    help="Only rows dated on or after DATE (ISO-8601, e.g. 2024-05-01).",
)
@click.option(
    "--until",
    default=None,
    metavar="DATE",
    callback=date_option,
    help="Only rows dated on or before DATE (a bare date covers that whole day).",
)
@click.option("--source", default=None, help="Only rows from this source (e.g. runnerspace).")
@click.option("--meet", default=None, help="Only rows whose meet name contains this text.")
@click.option(
    "--since-last",
    is_flag=True,
    help="Append to the file only the rows new or changed since the previous "
    "--since-last export to it (the first writes every row).",
)
def export(
    dataset: str,
    db: str | None,
    fmt: str,
    output: str,
    since: str | None,
    until: str | None,
    source: str | None,
    meet: str | None,
    since_last: bool,
) -> None:
    """Export DATASET (articles, results or meets) as CSV, JSON Lines or Parquet, streaming,
    with a Frictionless datapackage.json describing every field."""
    from pipelines.db import open_db
    from pipelines.export import ExportError, Filters
    from pipelines.export import export as run_export

    archive = open_db(archive_path(db))
    try:
        report = run_export(
            archive,
            dataset,
            output,
            fmt,
            Filters(since=since, until=until, source=source, meet=meet),
            since_last=since_last,
        )
    except ExportError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        archive.close()
    click.echo(report.summary())
