"""Browser fetching: a source set to `browser = true` is crawled through a real headless Chromium
(Debian's chromium + chromedriver), so an article whose text a script inserts is archived with its
text; the same source without the browser does not get that text. A challenge page
fetched by the browser still counts as blocked."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.cli.siteserver import SiteServer
from tests.archive_helpers import rows

REPO = Path(__file__).resolve().parents[1]
SITE = REPO / "tests" / "sites" / "jsnews"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
EXIT_BLOCKED = 3

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER))
        and not os.environ.get("CI"),
        reason="needs chromium and chromedriver (.ci/run installs them)",
    ),
]


def crawl(tmp: Path, browser: bool, challenge: bool = False) -> tuple[Path, str, int]:
    db = tmp / f"{browser}-{challenge}.db"
    with SiteServer(SITE) as server:
        starts = [server.url("/")] + ([server.url("/challenge/")] if challenge else [])
        sources = tmp / "sources.toml"
        sources.write_text(
            f"[sources.js]\nstart_urls = {starts!r}\nallow = ['/story/']\n"
            f"browser = {str(browser).lower()}\n".replace("'", '"')
        )
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        env.pop("ARCHIVE_DB", None)
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "scraper.cli",
                "crawl",
                "news",
                "--db",
                str(db),
                "--sources",
                str(sources),
                "-s",
                "DOWNLOAD_DELAY=0",
                "-s",
                "AUTOTHROTTLE_START_DELAY=0",
            ],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
        )
    return db, proc.stdout + proc.stderr[-3000:], proc.returncode


def test_script_built_article_is_archived_with_its_text(tmp_path: Path):
    db, out, code = crawl(tmp_path, browser=True)
    assert code == 0, out
    [(headline, body, authors, published)] = rows(
        db, "SELECT headline, body, authors, published_at FROM articles"
    )
    assert headline == "Sprinter Opens Indoor Season With A Lifetime Best Over Sixty Metres"
    assert body.startswith("The sprinter burst out of the blocks")
    assert body.endswith("expected to draw a full house.")
    assert "Loading" not in body
    assert authors == '["Dana Quick"]'
    assert published == "2025-01-18T19:45:00-06:00"


def test_without_the_browser_the_page_has_no_text(tmp_path: Path):
    db, out, _ = crawl(tmp_path, browser=False)
    fetched = rows(db, "SELECT count(*) FROM pages WHERE url LIKE '%js-article%'")
    assert fetched == [(1,)], out
    texts = rows(db, "SELECT coalesce(body, '') FROM articles")
    assert not any("burst out of the blocks" in body for (body,) in texts)


def test_challenge_page_through_the_browser_counts_as_blocked(tmp_path: Path):
    db, out, code = crawl(tmp_path, browser=True, challenge=True)
    assert code == EXIT_BLOCKED, out
    assert rows(db, "SELECT reason FROM rejects WHERE url LIKE '%/challenge/%'") == [("blocked",)]
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]
