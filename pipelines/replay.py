"""`meetarchive reparse`: rebuild every article from the stored pages, with the current parsers and
no network, through the same item pipelines a crawl uses (ITEM_PIPELINES).

Every stored page version is replayed, oldest (by latest fetch) first, as the ``Page`` it was
stored from. The store stage rebuilds each article, its revisions exactly as a crawl made them,
in staging tables; once every page is replayed they are swapped into the archive, whole articles
at a time (``pipelines.db.rebuild``), so a run killed at any moment loses nothing: each article is
as it was or as rebuilt. Rejects and results documents of each replayed page are rebuilt in
place, each page in one transaction. An article whose pages no longer give an article (a parser
now rejects them) is kept as it was and counted as ``kept``. A page whose stored body (or headers)
can no longer be read is reported and skipped; an article with a version on such a page is kept
as it was.

Meets, athletes, their links and mentions are forgotten first and linked again as the results
documents replay, in the same order, honouring the user's overrides (``pipelines.linking``); once
the articles are swapped in, each is placed in its story again (``pipelines.stories``: its text
may have changed, and one stored before stories existed has no fingerprint yet) and linked to the
meets it covers and the athletes it names. A run killed before that leaves meets and athletes
partly linked (the user's overrides stay); running reparse again links them all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines import db as schema
from pipelines import linking
from pipelines.context import REBUILD_SETTING, archive_for, close_archive
from pipelines.fingerprint import fingerprint
from pipelines.stories import place

PLACE_BATCH = 200  # articles placed and linked per write transaction after the swap


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


SHOWN_DAMAGED = 20  # damaged pages the summary names one by one


@dataclass
class ReparseReport(Tally):
    db: Path = Path()
    swapped: schema.Swapped = field(default_factory=schema.Swapped)
    kept: int = 0  # articles no replayed page produced (left as they were)
    damaged: list[schema.DamagedPage] = field(default_factory=list)  # pages not readable

    @property
    def changed(self) -> int:
        """Articles whose text differs from before the rebuild."""
        return self.swapped.changed

    @property
    def exit_code(self) -> int:
        return 1 if self.damaged else 0

    def summary(self) -> str:
        o, done = self.outcomes, self.swapped
        rejects = ", ".join(f"{n} {r}" for r, n in self.rejects.most_common()) or "none"
        lines = [
            f"Reparsed {self.pages} stored page(s) in {self.db} (no network)",
            f"  articles: {done.rebuilt} rebuilt ({done.changed} with changed text), "
            f"{done.added} new, {o['updated']} revision(s) replayed, {self.kept} kept as they were",
            f"  rejects:  {sum(self.rejects.values())} ({rejects})",
        ]
        if self.damaged:
            lines.append(
                f"  DAMAGED:  {len(self.damaged)} stored page(s) could not be read and were "
                f"skipped; {len(done.held)} article(s) with a version on one kept as they were"
            )
            lines += [f"    {damaged_line(d)}" for d in self.damaged[:SHOWN_DAMAGED]]
            if len(self.damaged) > SHOWN_DAMAGED:
                lines.append(f"    ... and {len(self.damaged) - SHOWN_DAMAGED} more")
        return "\n".join(lines)


def damaged_line(page: schema.DamagedPage) -> str:
    return f"page {page.id} ({page.url}): stored page unreadable: {page.reason}"


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


def reparse(
    db_path: Path,
    overrides: dict[str, Any] | None = None,
    on_damaged: Callable[[schema.DamagedPage], None] | None = None,
) -> ReparseReport:
    """Replay every stored page of the archive at ``db_path`` through the item pipelines, then
    swap the rebuilt articles in; ``on_damaged`` is told of each page that cannot be read."""
    crawler = replay_crawler(db_path, overrides)
    stages = build_stages(crawler)
    archive = archive_for(crawler)
    report = ReparseReport(db=Path(db_path))
    try:
        with schema.write_transaction(archive.db):
            linking.reset(archive.db)  # meets and athletes are linked again as pages replay
        for item in schema.iter_pages(archive.db):
            if isinstance(item, schema.DamagedPage):
                report.damaged.append(item)
                if on_damaged is not None:
                    on_damaged(item)
                continue
            report.replay(stages, item)
        archive.commit()  # the store stage's last group
        report.kept = schema.unstaged_articles(archive.db)
        report.swapped = schema.swap_rebuilt(archive.db, {d.id for d in report.damaged})
        place_and_link(archive.db)
    finally:
        close_stages(stages)
        close_archive(crawler)
    return report


def place_and_link(db: Any) -> None:
    """Every article placed in its story and, when the archive holds meets, linked to meets and
    athletes: ``PLACE_BATCH`` articles per write transaction."""
    meets = schema.has_meets(db)
    after = 0
    while batch := schema.article_bodies(db, after, PLACE_BATCH):
        with schema.write_transaction(db):
            for article_id, body in batch:
                place(db, article_id, fingerprint(body))
                if meets:
                    linking.link_article(db, article_id)
        after = batch[-1][0]
