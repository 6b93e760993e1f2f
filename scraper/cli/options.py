"""What the commands share: where the archive is (``--db``, ``$ARCHIVE_DB``, ./archive.db), the
sources file option, NAME=VALUE pairs, date options."""

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
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="Archive file (default: $ARCHIVE_DB or ./archive.db).",
)

jobs_option = click.option(
    "--jobs",
    "jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes parsing pages (default: the number of cores); one process stores.",
)


def parse_jobs(jobs: int | None) -> int:
    from pipelines.parallel import default_jobs

    return jobs or default_jobs()


sources_option = click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Sources file of the news spider (default: $MEETARCHIVE_SOURCES or ./sources.toml).",
)


def check_sources(path: str | None, name: str | None) -> list[str]:
    """The names of the sources a news crawl will read; a usage error for a bad choice."""
    from scraper.crawl.sources import SourcesError, load_sources, select
    from scraper.parsers import parser_names

    try:
        chosen = select(load_sources(path), name)
    except SourcesError as exc:
        raise click.UsageError(str(exc)) from None
    for source in chosen:
        if source.parser not in parser_names():
            raise click.UsageError(
                f"source {source.name!r}: unknown parser {source.parser!r} "
                f"(known: {', '.join(parser_names())})"
            )
    return [source.name for source in chosen]


def pairs(values: tuple[str, ...], option: str) -> dict[str, str]:
    pairs = {}
    for value in values:
        name, sep, val = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {value!r}", param_hint=option)
        pairs[name] = val
    return pairs


def archive_path(db: str | None) -> Path:
    """The archive path for reading commands; a clear message when there is none yet."""
    path = resolve_db(db)
    if not path.is_file():
        raise click.ClickException(
            f"no archive at {path}: run `meetarchive crawl runnerspace` first, or point --db / "
            f"ARCHIVE_DB at one (`meetarchive demo` writes its sample to --db {DEMO_DB})"
        )
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


def date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--since/--until: a date that cannot be read is a usage error naming it (exit 2)."""
    if value is None:
        return None
    from pipelines.export import date_bound

    try:
        return date_bound(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
