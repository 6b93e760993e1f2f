"""`meetarchive demo`: the whole pipeline on a bundled sample site, offline.

The sample site (``scraper/sample_site``, the same RunnerSpace-shaped site the tests crawl) is
served on 127.0.0.1 by ``scraper.cli.siteserver.SiteServer``; the real ``runnerspace`` spider and
the real pipelines crawl it into the archive, politely (its robots.txt asks for a short
Crawl-delay), and a full-text search shows what landed. Nothing leaves this machine. The closing
hints are commands that work as printed: they name the running ``meetarchive`` (``command_name``),
so they need no activated venv.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from scraper.cli.options import DEMO_DB, say, writing

SAMPLE_SITE = Path(__file__).resolve().parents[1] / "sample_site"
DEMO_QUERY = 'Ingebrigtsen "British record"'
FALLBACK_COMMAND = ".venv/bin/meetarchive"  # the README's form
SCRIPT_NAMES = ("meetarchive", "meetarchive.exe")


def start_urls(server) -> str:  # noqa: ANN001 (SiteServer, imported lazily)
    """The sample's two hosts: DyeStat's home on 127.0.0.1, the meet's own host on localhost."""
    return ",".join([server.url("/"), server.url("/eprofile.php?event_id=120", host="localhost")])


def running_script(argv0: str, executable: str) -> Path | None:
    """The ``meetarchive`` script of this process: the one run (``argv0``), else the one beside
    this Python (``python -m scraper.cli`` in a venv); None when neither is there."""
    for path in (Path(argv0), Path(executable).parent / "meetarchive"):
        if path.name in SCRIPT_NAMES and path.is_file() and os.access(path, os.X_OK):
            return path
    return None


def command_name(argv0: str | None = None, executable: str | None = None) -> str:
    """How to run this ``meetarchive`` from the current directory, as a shell word:
    ``meetarchive`` when that is what PATH finds, else the script's path (relative when it lies
    under the current directory, e.g. ``.venv/bin/meetarchive``); the README's
    ``.venv/bin/meetarchive`` when the script is not found."""
    script = running_script(
        argv0 if argv0 is not None else sys.argv[0],
        executable if executable is not None else sys.executable,
    )
    if script is None:
        return FALLBACK_COMMAND
    on_path = shutil.which("meetarchive")
    if on_path and os.path.samefile(on_path, script):
        return "meetarchive"
    absolute = Path(os.path.abspath(script))  # not resolve(): a venv's bin/ may be a symlink
    try:
        shown = str(absolute.relative_to(Path.cwd()))
    except ValueError:
        shown = str(absolute)
    if os.sep not in shown:
        shown = f".{os.sep}{shown}"  # a bare name would be looked up on PATH
    return shlex.quote(shown)


def run_demo(db: Path, echo: Callable[[str], None] = print) -> int:
    from scraper.cli.crawlrun import run_crawl
    from scraper.cli.siteserver import SiteServer

    echo("meetarchive demo: this crawls a BUNDLED SAMPLE SITE shaped like DyeStat/RunnerSpace,")
    echo("served on 127.0.0.1 from this package. It is not the real DyeStat; nothing leaves")
    echo("this machine. It takes a few seconds because the sample's robots.txt asks for a delay.")
    echo("")
    with SiteServer(SAMPLE_SITE) as server:
        report = run_crawl(
            "runnerspace",
            db,
            {"start_urls": start_urls(server)},
            {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_START_DELAY": 0},
        )
    echo(report.summary())
    echo("")
    command = command_name()
    archive = shlex.quote(str(db))
    hits = search_hits(db, DEMO_QUERY)
    if hits:
        echo(f"$ {command} search {shlex.quote(DEMO_QUERY)} --db {archive}")
        echo(hits)
    else:
        echo(f"meetarchive search '{DEMO_QUERY}' found nothing (that should not happen).")
    echo("")
    echo(stored_line(db, archive_counts(db)))
    for line in hints(command, archive):
        echo(line)
    return report.exit_code if hits else max(report.exit_code, 1)


def archive_counts(db: Path) -> dict[str, Any]:
    from pipelines.db import counts, open_db

    archive = open_db(db)
    try:
        return counts(archive)
    finally:
        archive.close()


def stored_line(db: Path, counts: dict[str, Any]) -> str:
    unparsed = counts["result_documents_by_status"]["unparsed"]
    return (
        f"{db} now holds {counts['articles']} articles, {counts['meets']} meets and "
        f"{counts['results']} result rows (from {counts['result_documents']} results "
        f"documents{f', {unparsed} unparsed' if unparsed else ''}). See them with:"
    )


def hints(command: str, archive: str) -> list[str]:
    """The closing commands, runnable as printed (a comment after each)."""
    rows = [
        (f"search 'Kerr mile' --db {archive}", "articles, best match first"),
        (f"meets prefontaine --db {archive}", "a meet's results and the articles on it"),
        (f"stats --db {archive}", "what the archive holds"),
        (f"serve --db {archive}", "browse it all in Datasette: http://127.0.0.1:8001/"),
    ]
    width = max(len(args) for args, _ in rows)
    return [f"  {command} {args:<{width}}  # {note}" for args, note in rows]


def search_hits(db: Path, query: str, limit: int = 1) -> str:
    """The best hits for ``query`` in the archive, as `meetarchive search` prints them."""
    from pipelines.db import open_db
    from pipelines.search import format_hits, search

    archive = open_db(db)
    try:
        return format_hits(search(archive, query, limit=limit, mark=("[", "]")))
    finally:
        archive.close()


@click.command()
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=DEMO_DB,
    show_default=True,
    help="Archive file for the sample (never $ARCHIVE_DB: keep samples out of it).",
)
def demo(db: str) -> None:
    """Crawl a bundled sample site (shaped like DyeStat/RunnerSpace) on 127.0.0.1 into its own
    archive (demo.db), then search it. Nothing leaves this machine."""
    raise SystemExit(run_demo(writing(db), say))
