"""The `meetarchive` command: thin wrappers over the Python API."""

from __future__ import annotations

import os
from pathlib import Path

import click

DEFAULT_DB = "archive.db"


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


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
