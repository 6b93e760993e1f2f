"""The ``meetarchive`` command: thin wrappers over the Python API, one module per family of
commands (``crawling``, ``archive``, ``identity``, ``extract``, ``results``, ``demo``,
``serve``); what they share is in ``options``. Commands import what they run lazily, so
``meetarchive --help`` and the JSONL workers start fast."""

from __future__ import annotations

import click

from scraper.cli.archive import export, import_warc, reparse, search, stats
from scraper.cli.crawling import crawl, sources_cmd
from scraper.cli.demo import demo
from scraper.cli.extract import extract_cmd
from scraper.cli.identity import athletes, meets
from scraper.cli.results import results_cmd
from scraper.cli.serve import serve


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="meetarchive")
def cli() -> None:
    """Crawl, parse and search an archive of track & field meet coverage."""


for command in (
    crawl,
    sources_cmd,
    demo,
    import_warc,
    search,
    stats,
    meets,
    athletes,
    reparse,
    export,
    serve,
    extract_cmd,
    results_cmd,
):
    cli.add_command(command)


def main() -> None:
    cli()
