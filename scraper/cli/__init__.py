"""The ``meetarchive`` command: thin wrappers over the Python API, one module per family of
commands (``crawling``, ``archive``, ``identity``, ``extract``, ``results``, ``demo``,
``serve``); what they share is in ``options``. Commands import what they run lazily, so
``meetarchive --help`` and the JSONL workers start fast."""

from __future__ import annotations

import os
import sqlite3
import sys

import click

from scraper.cli.archive import export, import_warc, reparse, search, stats
from scraper.cli.crawling import crawl, sources_cmd
from scraper.cli.demo import demo
from scraper.cli.distributed import store_cmd
from scraper.cli.extract import extract_cmd
from scraper.cli.identity import athlete, athletes, meets
from scraper.cli.interrupts import keep_interrupts_in_finalizers
from scraper.cli.results import results_cmd
from scraper.cli.serve import serve
from scraper.text.terminal import shown


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="meetarchive")
def cli() -> None:
    """Crawl, parse and search an archive of track & field meet coverage."""


for command in (
    crawl,
    store_cmd,
    sources_cmd,
    demo,
    import_warc,
    search,
    stats,
    meets,
    athletes,
    athlete,
    reparse,
    export,
    serve,
    extract_cmd,
    results_cmd,
):
    cli.add_command(command)


def main() -> None:
    """The console script: arguments that are not UTF-8 are a usage error (exit 2), and an
    archive SQLite cannot read or write that no check caught first is one line (exit 1), never
    a traceback; Ctrl-C is never lost to a finalizer it lands in."""
    keep_interrupts_in_finalizers()
    bad = not_utf8(sys.argv[1:])
    if bad is not None:
        number, raw = bad
        click.echo(
            f"meetarchive: argument {number} is not valid UTF-8 ({raw!r}): arguments are text, "
            "UTF-8 (rename such a file, or type the text again)",
            err=True,
        )
        raise SystemExit(2)
    try:
        cli()
    except sqlite3.Error as exc:
        click.echo(
            f"meetarchive: the archive cannot be used: {shown(one_line(str(exc)))}", err=True
        )
        raise SystemExit(1) from None


def not_utf8(args: list[str]) -> tuple[int, bytes] | None:
    """The first argument Python could only decode with surrogate escapes (its bytes are no
    UTF-8), numbered from 1, and its bytes."""
    for number, arg in enumerate(args, 1):
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return number, os.fsencode(arg)
    return None


def one_line(text: str) -> str:
    return " ".join(text.split())
