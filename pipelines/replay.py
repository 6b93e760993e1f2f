"""`meetarchive reparse`: rebuild every article from the stored pages, with the current parsers and
no network, through the same item pipelines a crawl uses (ITEM_PIPELINES).

Every stored page version is replayed, oldest (by latest fetch) first, as the ``Page`` it was
stored from. The first version of each article met in the run rewrites the article's row in place
(same id, revisions dropped); the versions that follow rebuild its revisions exactly as a crawl
made them. Rejects of each replayed page are rebuilt too. Meets, athletes, their links and
mentions are forgotten first and linked again as the pages replay, in the same order, honouring
the user's overrides (``pipelines.linking``). An article whose pages no longer give
an article (a parser now rejects them) is kept as it was and counted as ``kept``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines import db as schema
from pipelines import linking
from pipelines.context import REBUILD_SETTING, archive_for, close_archive


@dataclass
class Tally:
    """What replaying pages through the stages gave: pages, outcomes, reject reasons."""

    pages: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    rejects: Counter[str] = field(default_factory=Counter)

    def replay(self, stages: list[Any], item: Any) -> Any:
        """Run one page through every stage and count what became of it."""
        for stage in stages:
            item = stage.process_item(item)
        self.pages += 1
        if item.outcome:
            self.outcomes[item.outcome] += 1
        if item.reject:
            self.rejects[item.reject] += 1
        return item


def close_stages(stages: list[Any]) -> None:
    for stage in stages:
        if hasattr(stage, "close_spider"):
            stage.close_spider()


@dataclass
class ReparseReport(Tally):
    db: Path = Path()
    changed: int = 0  # articles whose text differs from before the rebuild
    kept: int = 0  # articles no replayed page produced (left as they were)

    def summary(self) -> str:
        o = self.outcomes
        rebuilt = o["rebuilt"]
        rejects = ", ".join(f"{n} {r}" for r, n in self.rejects.most_common()) or "none"
        return "\n".join(
            [
                f"Reparsed {self.pages} stored page(s) in {self.db} (no network)",
                f"  articles: {rebuilt} rebuilt ({self.changed} with changed text), {o['new']} "
                "new, "
                f"{o['updated']} revision(s) replayed, {self.kept} kept as they were",
                f"  rejects:  {sum(self.rejects.values())} ({rejects})",
            ]
        )


def replay_crawler(db_path: Path, overrides: dict[str, Any] | None = None) -> Any:
    """A Scrapy crawler configured like a crawl (project settings) but never started: it only
    carries settings and stats for the stages. No reactor is needed."""
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("scraper.settings", priority="project")
    # No event loop runs here, so the store stage groups items without a timer: the group is
    # committed by size, by age at the next item, and when the stages are closed.
    settings.update(
        {
            "ARCHIVE_DB": str(db_path),
            REBUILD_SETTING: True,
            "TWISTED_REACTOR_ENABLED": False,
            "STORE_GROUP_UNTIMED": True,
            **(overrides or {}),
        },
        priority="cmdline",
    )
    crawler = Crawler(Spider, settings)
    crawler._apply_settings()  # what Crawler.crawl() does first: stats, settings frozen
    return crawler


def build_stages(crawler: Any) -> list[Any]:
    from scrapy.utils.conf import build_component_list
    from scrapy.utils.misc import build_from_crawler, load_object

    paths = build_component_list(crawler.settings.getwithbase("ITEM_PIPELINES"))
    return [build_from_crawler(load_object(path), crawler) for path in paths]


def _hashes(db: Any) -> dict[str, str]:
    return {
        r["canonical_url"]: r["content_hash"]
        for r in db[schema.ARTICLES].rows_where(select="canonical_url, content_hash")
    }


def reparse(db_path: Path, overrides: dict[str, Any] | None = None) -> ReparseReport:
    """Replay every stored page of the archive at ``db_path`` through the item pipelines."""
    crawler = replay_crawler(db_path, overrides)
    stages = build_stages(crawler)
    archive = archive_for(crawler)
    before = _hashes(archive.db)
    report = ReparseReport(db=Path(db_path))
    try:
        with schema.write_transaction(archive.db):
            linking.reset(archive.db)  # meets and athletes are linked again as pages replay
        for item in schema.iter_pages(archive.db):
            report.replay(stages, item)
        archive.commit()  # the store stage's last group
        after = _hashes(archive.db)
        report.changed = sum(1 for url, h in before.items() if after.get(url) != h)
        report.kept = len(before.keys() - (archive.rebuilt or set()))
    finally:
        close_stages(stages)
        close_archive(crawler)
    return report
