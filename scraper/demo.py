"""`meetarchive demo`: the whole pipeline on a bundled sample site, offline.

The sample site (``scraper/sample_site``, the same RunnerSpace-shaped site the tests crawl) is
served on 127.0.0.1 by ``scraper.siteserver.SiteServer``; the real ``runnerspace`` spider and the
real pipelines crawl it into the archive, politely (its robots.txt asks for a short Crawl-delay),
and a full-text search shows what landed. Nothing leaves this machine.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

SAMPLE_SITE = Path(__file__).resolve().parent / "sample_site"
DEMO_QUERY = 'Ingebrigtsen "British record"'


def start_urls(server) -> str:  # noqa: ANN001 (SiteServer, imported lazily)
    """The sample's two hosts: DyeStat's home on 127.0.0.1, the meet's own host on localhost."""
    return ",".join([server.url("/"), server.url("/eprofile.php?event_id=120", host="localhost")])


def run_demo(db: Path, echo: Callable[[str], None] = print) -> int:
    from scraper.crawl import run_crawl
    from scraper.siteserver import SiteServer

    echo("meetarchive demo: this crawls a BUNDLED SAMPLE SITE shaped like DyeStat/RunnerSpace,")
    echo("served on 127.0.0.1 from this package. It is not the real DyeStat; nothing leaves")
    echo("this machine. It takes a few seconds because the sample's robots.txt asks for a delay.")
    echo("")
    with SiteServer(SAMPLE_SITE) as server:
        report = run_crawl("runnerspace", db, {"start_urls": start_urls(server)},
                           {"LOG_LEVEL": "WARNING", "DOWNLOAD_DELAY": 0,
                            "AUTOTHROTTLE_START_DELAY": 0})
    echo(report.summary())
    echo("")
    hits = search_hits(db, DEMO_QUERY)
    if hits:
        echo(f"$ meetarchive search '{DEMO_QUERY}'")
        echo(hits)
    else:
        echo(f"meetarchive search '{DEMO_QUERY}' found nothing (that should not happen).")
    echo("")
    echo(f"The sample's articles are in {db}. Try: meetarchive search 'Kerr mile' --db {db}")
    return report.exit_code if hits else max(report.exit_code, 1)


def search_hits(db: Path, query: str, limit: int = 1) -> str:
    """The best hits for ``query`` in the archive, as `meetarchive search` prints them."""
    from pipelines.db import open_db
    from pipelines.search import format_hits, search

    archive = open_db(db)
    try:
        return format_hits(search(archive, query, limit=limit, mark=("[", "]")))
    finally:
        archive.close()
