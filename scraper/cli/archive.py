"""The commands that read or rebuild an archive: ``search``, ``stats``, ``reparse``,
``import-warc`` and ``export`` (meets and athletes: ``scraper.cli.identity``)."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path

import click

from scraper.cli.options import (
    date_option,
    db_option,
    existing_archive,
    jobs_option,
    parse_jobs,
    reading,
    resolve_db,
    say,
    say_json,
    sources_option,
    writing,
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
    from pipelines.search import SearchError, format_hits
    from pipelines.search import search as run_search

    text = " ".join(query)
    with reading(db) as archive:
        try:
            hits = run_search(
                archive, text, limit, ("<mark>", "</mark>") if as_json else ("[", "]")
            )
        except SearchError as exc:
            raise click.ClickException(str(exc)) from None
    if as_json:
        say_json(hits)
    elif hits:
        say(format_hits(hits))
    else:
        say(f"No articles match {text!r}.")


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
    from pipelines.db import counts, format_counts

    with reading(db) as archive:
        if runs is not None:
            from pipelines.db import recent_runs
            from scraper.crawl.runs import format_runs

            found_runs = recent_runs(archive, runs)
            if as_json:
                say_json(found_runs)
            else:
                say(format_runs(found_runs))
            return
        found = counts(archive)
    if as_json:
        say_json(found)
    else:
        say(format_counts(found))


@click.command()
@db_option
@jobs_option
def reparse(db: str | None, jobs: int | None) -> None:
    """Rebuild every article and results document from the stored pages with the current
    parsers (no network); meets and athletes are linked again, honouring the overrides.

    Stopped at any moment, it loses nothing: each article is as it was or as rebuilt, and
    running it again rebuilds the rest. A stored page that cannot be read is named and skipped.
    """
    from pipelines.parallel import WorkerDied
    from pipelines.replay import damaged_line
    from pipelines.replay import reparse as run_reparse

    kept = (
        f"{resolve_db(db)} keeps every article as it was or as rebuilt; run `meetarchive "
        "reparse` again to rebuild the rest"
    )
    with interruptible(kept):  # from the first check on: Ctrl-C is one line wherever it lands
        existing_archive(db)
        path = writing(db)
        try:
            report = run_reparse(
                path,
                on_damaged=lambda d: say(damaged_line(d), err=True),
                jobs=parse_jobs(jobs),
            )
        except WorkerDied as exc:
            raise click.ClickException(f"{exc}: {kept}") from None
    say(report.summary())
    raise SystemExit(report.exit_code)


@contextmanager
def interruptible(kept: str) -> Iterator[None]:
    """Ctrl-C during the work is one line saying what was kept (exit 130); once the work is done
    and committed, Ctrl-C has nothing left to stop and is ignored (it would only turn a finished
    run's exit code into an interruption's)."""
    try:
        yield
    except KeyboardInterrupt:
        click.echo(f"Interrupted: {kept}.", err=True)
        raise SystemExit(130) from None
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@click.command("import-warc")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@db_option
@sources_option
@jobs_option
def import_warc(
    files: tuple[str, ...], db: str | None, sources_file: str | None, jobs: int | None
) -> None:
    """Import the pages of WARC/WACZ web archives (the Internet Archive's, Common Crawl's, or
    `crawl --warc-out`'s) through the same parsers and pipelines as a crawl; no network.

    Pages of sources in the sources file (when there is one) are read as that source's; every
    page row records the archive file and record offset it came from.
    """
    from pipelines.parallel import WorkerDied
    from scraper.crawl.sources import SourcesError, load_sources, sources_path
    from scraper.crawl.warcimport import import_archives

    sources = None
    if sources_file or sources_path().is_file():
        try:
            sources = list(load_sources(sources_file).values())
        except SourcesError as exc:
            raise click.UsageError(str(exc)) from None
    kept = (
        f"{resolve_db(db)} keeps every page imported so far; importing the same files again "
        "adds the rest"
    )
    with interruptible(kept):
        path = writing(db)
        try:
            report = import_archives(path, [Path(f) for f in files], sources, parse_jobs(jobs))
        except WorkerDied as exc:
            raise click.ClickException(f"{exc}: {kept}") from None
    say(report.summary())
    raise SystemExit(report.exit_code)


@click.command()
@click.argument(
    "dataset", type=click.Choice(["articles", "results", "meets", "athletes", "meet", "athlete"])
)
@click.argument("name", nargs=-1)
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet", "xlsx"]),
    required=True,
    help="Output format (xlsx: one meet's or athlete's results only).",
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
    name: tuple[str, ...],
    db: str | None,
    fmt: str,
    output: str,
    since: str | None,
    until: str | None,
    source: str | None,
    meet: str | None,
    since_last: bool,
) -> None:
    """Export DATASET (articles, results, meets or athletes) as CSV, JSON Lines or Parquet,
    streaming, with a Frictionless datapackage.json describing every field; or one meet's
    results (`export meet NAME`: XLSX with a sheet per event, or CSV) or one athlete's
    (`export athlete NAME`)."""
    from pipelines.db import ArchiveError, open_db, writable
    from pipelines.export import ExportError, Filters
    from pipelines.export import export as run_export

    if dataset in ("meet", "athlete"):
        _export_sheet(dataset, " ".join(name), db, fmt, output)
        return
    if name:
        raise click.UsageError(f"{dataset} takes no NAME (one meet: `export meet NAME`)")
    if fmt == "xlsx":
        raise click.UsageError("--format xlsx is for one meet or athlete (`export meet NAME`)")

    target = check_output(output)
    with interruptible(f"{target} is as the last complete export left it"):
        path = existing_archive(db)
        with ExitStack() as stack:
            if writable(path):  # it records (or forgets) in the archive what --since-last wrote
                archive = stack.enter_context(closing(open_db(writing(db))))
            elif since_last:
                raise click.ClickException(
                    f"{path} is read-only here: --since-last records in the archive what it wrote "
                    "(a plain export works)"
                )
            else:
                archive = stack.enter_context(reading(db))
            try:
                report = run_export(
                    archive,
                    dataset,
                    str(target),
                    fmt,
                    Filters(since=since, until=until, source=source, meet=meet),
                    since_last=since_last,
                )
            except (ExportError, ArchiveError) as exc:
                raise click.ClickException(str(exc)) from None
            except OSError as exc:  # an unwritable place, a full disk: the earlier file stays
                raise click.ClickException(
                    f"cannot write {target}: {exc.strerror or exc} "
                    "(nothing of this export was kept)"
                ) from None
    say(report.summary())


def check_output(output: str) -> Path:
    """-o names a file to write as a whole (then moved into place, datapackage.json beside it):
    anything else that exists there (a device such as /dev/stdout, a pipe, a directory) is a
    usage error."""
    path = Path(output)
    real = os.path.realpath(path)
    if real.startswith(("/dev/", "/proc/", "/sys/")) or (path.exists() and not path.is_file()):
        raise click.ClickException(
            f"-o {output} is not a regular file: an export is written to a file (made whole, "
            "then moved into place, with datapackage.json beside it)"
        )
    return path


def _export_sheet(kind: str, text: str, db: str | None, fmt: str, output: str) -> None:
    from pipelines.export.sheets import athlete_table, meet_tables, write_tables
    from scraper.cli.identity import one_athlete, one_meet

    if fmt not in ("xlsx", "csv"):
        raise click.UsageError(f"export {kind} writes xlsx or csv, not {fmt}")
    if not text:
        raise click.UsageError(f"export {kind} needs a NAME")
    target = check_output(output)
    with reading(db) as archive:
        if kind == "meet":
            page = one_meet(archive, text)
            tables = meet_tables(page)
        else:
            page = one_athlete(archive, text)
            tables = [athlete_table(page)]
    try:
        rows = write_tables(tables, target, fmt)
    except OSError as exc:  # an unwritable place, a full disk: the earlier file stays
        raise click.ClickException(f"cannot write {target}: {exc.strerror or exc}") from None
    say(f"{rows} result rows of {page['name']} in {len(tables)} table(s) -> {output} ({fmt})")
