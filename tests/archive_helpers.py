"""Real items and real stages for the pipeline tests: Pages and Articles built directly, stages
built from a Scrapy crawler whose ARCHIVE_DB is a file under tmp_path."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from scrapy.utils.misc import build_from_crawler, load_object
from scrapy.utils.test import get_crawler

from scraper import settings as project_settings
from scraper.items import Article, Crawled, Page
from scraper.parsers.normalize import normalize_article

CANONICAL = "https://www.runnerspace.com/news.php?news_id=700101"
URL = "https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=700101"
T1, T2, T3 = "2026-11-01T10:00:00+00:00", "2026-11-02T10:00:00+00:00", "2026-11-03T10:00:00+00:00"

BODY = (
    "EUGENE -- The directive from his coaches was clear: Don’t do it.\n\n"
    "Josh Kerr set a British record in the Bowerman Mile, beating Jakob Ingebrigtsen."
)


def article(**changes: Any) -> Article:
    base = Article(
        url=URL,
        canonical_url=CANONICAL,
        fetched_at=T1,
        parser="test/1",
        headline="Josh Kerr Grabs Lead With 600 To Go",
        dek="Kerr Calls Bold Move 'A Dumb Decision'",
        byline_raw="By Lori Shontz for DyeStat",
        authors=["Lori Shontz"],
        publisher="DyeStat.com",
        published_raw="May 25, 2024 9:29 PM",
        published_at="2024-05-25T21:29:00-05:00",
        timezone="America/Chicago",
        meet_name="Prefontaine Classic",
        meet_year=2024,
        body=BODY,
        word_count=24,
        language="en",
        tags=["mile"],
        signals={"headline": "h1"},
    )
    return replace(base, **changes)


def page(
    url: str = URL,
    fetched_at: str = T1,
    body: bytes = b"<html>v1</html>",
    status: int = 200,
    kind: str = "article",
    **changes: Any,
) -> Page:
    return Page(
        url=url,
        status=status,
        headers={"Content-Type": "text/html; charset=utf-8"},
        body=body,
        fetched_at=fetched_at,
        kind=kind,
        source="runnerspace",
        spider="runnerspace",
        **changes,
    )


def crawled(art: Article | None = None, **page_changes: Any) -> Crawled:
    """A Crawled item as the parse stage would emit it for a page that held ``art`` (normalized,
    as ``scraper.parsers.page.article_from_page`` leaves every article)."""
    fetched_at = art.fetched_at if art is not None else T1
    return Crawled(
        page=page(fetched_at=fetched_at, **page_changes),
        article=normalize_article(art) if art is not None else None,
    )


def make_crawler(db_path: Path, **settings: Any) -> Any:
    return get_crawler(settings_dict={"ARCHIVE_DB": str(db_path), **settings})


def build_stages(crawler: Any) -> list[Any]:
    order = sorted(project_settings.ITEM_PIPELINES.items(), key=lambda kv: kv[1])
    return [build_from_crawler(load_object(path), crawler) for path, _ in order]


def run_stages(stages: list[Any], item: Any) -> Crawled:
    for stage in stages:
        item = stage.process_item(item)
    return item


def article_html(headline: str, extra: str = "") -> bytes:
    """A plain news article page any parser reads (headline, byline, three paragraphs)."""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{headline} | DyeStat</title><meta property="og:title" content="{headline}">
</head><body><article><h1>{headline}</h1>
<p class="byline">By Lori Shontz for DyeStat</p>
<p>EUGENE -- The directive from his coaches was clear: do not go early. Josh Kerr went anyway,
with 600 meters to go, and nobody in the field could answer.</p>
<p>He ran 3:45.34, a British record, and beat Jakob Ingebrigtsen by more than a second in a race
that had the crowd at Hayward Field on its feet for the last lap.</p>
<p>"It was a dumb decision," Kerr said afterwards, smiling. "But it worked, and this is going to
be an exciting summer."{extra}</p></article></body></html>""".encode()


def rows(db: Path, sql: str) -> list[tuple]:
    """The rows of one query on an archive file (a connection of its own, closed after)."""
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()
