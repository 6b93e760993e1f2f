"""What the commands share: where the archive is (``--db``, ``$ARCHIVE_DB``, ./archive.db), the
sources file option, NAME=VALUE pairs, date options."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import click

from scraper.text.terminal import shown

if TYPE_CHECKING:
    import sqlite_utils

DEFAULT_DB = "archive.db"

# The demo's sample articles carry real-looking RunnerSpace keys: they never go into an archive
# of real crawls unless --db says so (ARCHIVE_DB, which names the real archive, is not used).
DEMO_DB = "demo.db"


def say(text: str, err: bool = False) -> None:
    """Print text that may hold crawled strings: whatever could act on a terminal (escape
    sequences, bidi overrides) is shown escaped (scraper.text.terminal)."""
    click.echo(shown(text), err=err)


def say_json(data: object) -> None:
    """JSON out (indented, UTF-8), with the same characters as JSON escapes."""
    import json

    from scraper.text.terminal import json_shown

    click.echo(json_shown(json.dumps(data, ensure_ascii=False, indent=2)))


def resolve_db(db: str | None) -> Path:
    """--db wins, then the ARCHIVE_DB environment variable, then ./archive.db."""
    path = db or os.environ.get("ARCHIVE_DB") or DEFAULT_DB
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are no UTF-8 (an argument's are refused before)
        raise click.UsageError(f"ARCHIVE_DB is not valid UTF-8 ({os.fsencode(path)!r})") from None
    return Path(path)


db_option = click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help="Archive file (default: $ARCHIVE_DB or ./archive.db).",
)

redis_option = click.option(
    "--redis",
    "redis_url",
    default=None,
    metavar="URL",
    help="A crawl on many machines through this Redis: redis://HOST:PORT/DB (docs/distributed.md).",
)

log_file_option = click.option(
    "--log-file",
    "log_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Append Scrapy's log to this file.",
)


def log_settings(verbose: bool, log_file: str | None) -> dict[str, object]:
    """The Scrapy settings of ``-v`` (the log on stderr too) and ``--log-file``."""
    settings: dict[str, object] = {}
    if verbose:
        settings["LOG_STDERR"] = True
    if log_file:
        settings["LOG_FILE"] = log_file
        settings["LOG_FILE_APPEND"] = True
    return settings


jobs_option = click.option(
    "--jobs",
    "jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes parsing pages (default: the number of cores); one process stores.",
)


def lock_max_age(settings: dict[str, object]) -> timedelta:
    """CRAWL_LOCK_MAX_AGE (``-s``, else scraper.settings'): a time span such as 12h or 2d."""
    from scraper import settings as defaults
    from scraper.crawl.incremental import span

    value = str(settings.get("CRAWL_LOCK_MAX_AGE", defaults.CRAWL_LOCK_MAX_AGE))
    try:
        return span(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="-s CRAWL_LOCK_MAX_AGE") from None


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
    """The archive path for reading commands; a clear message when there is none yet, or when
    it cannot be read as an archive (checked read-only: nothing is written)."""
    with reading(db):
        return resolve_db(db)


def existing_archive(db: str | None) -> Path:
    path = resolve_db(db)
    if not path.is_file():
        raise click.ClickException(
            f"no archive at {path}: run `meetarchive crawl runnerspace` first, or point --db / "
            f"ARCHIVE_DB at one (`meetarchive demo` writes its sample to --db {DEMO_DB})"
        )
    return path


@contextmanager
def reading(db: str | None) -> Iterator[sqlite_utils.Database]:
    """The archive of a command that only reads it: opened read-only (see
    ``pipelines.db.open_for_reading``), a warning on stderr when there is one; whatever keeps it
    from being read is one line (exit 1)."""
    from pipelines.db import ArchiveError, open_for_reading

    path = existing_archive(db)
    try:
        archive, warning = open_for_reading(path)
    except ArchiveError as exc:
        raise click.ClickException(shown(str(exc))) from None
    if warning:
        say(warning, err=True)
    try:
        yield archive
    finally:
        archive.close()


def writing(db: str | None) -> Path:
    """The archive path of a command that writes to it, checked first (``check_writable``): a
    file that is no archive, damaged, read-only or written by a newer meetarchive is one line
    (exit 1) and left as it is."""
    from pipelines.db import ArchiveError, check_writable

    path = resolve_db(db)
    try:
        check_writable(path)
    except ArchiveError as exc:
        raise click.ClickException(shown(str(exc))) from None
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
