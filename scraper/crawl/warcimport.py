"""``meetarchive import-warc FILE...``: the pages of web archives through the same item pipelines a
crawl uses (as ``meetarchive reparse`` replays stored pages: ``pipelines.replay``'s crawler and
stages, here in crawl mode: new / updated / unchanged), no network."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipelines.context import REBUILD_SETTING, close_archive
from pipelines.parallel import WorkerDied, Workers
from pipelines.replay import Tally, build_stages, close_stages, replay_crawler
from scraper.crawl.sources import Source
from scraper.crawl.warc import Record, read_archive
from scraper.items import Crawled, Page


@dataclass
class ImportReport(Tally):
    db: Path = Path()
    files: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, malformed or cut)

    @property
    def exit_code(self) -> int:
        return 1 if self.unreadable or self.problems else 0

    def summary(self) -> str:
        o = self.outcomes
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.kinds.items())) or "none"
        lines = [
            f"Imported {self.pages} page(s) ({kinds}) from {self.files} archive file(s) "
            f"into {self.db}",
            f"  articles:  {o['new']} new, {o['updated']} updated, {o['unchanged']} unchanged"
            + (f", {o['older']} older than the archive's (pages kept)" if o["older"] else ""),
            f"  rejects:   {sum(self.rejects.values())}"
            + (
                ""
                if not self.rejects
                else " (" + ", ".join(f"{n} {r}" for r, n in self.rejects.most_common()) + ")"
            ),
        ]
        if self.skipped:
            lines.append(
                "  skipped:   "
                + ", ".join(f"{n} {why}" for why, n in self.skipped.most_common())
                + " record(s)"
            )
        if self.problems:
            lines.append(
                f"  NOT READ:  {len(self.problems)} stretch(es) of the files holding no whole "
                "record (the rest imported):"
            )
            lines += [f"    {name}: {problem}" for name, problem in self.problems[:10]]
        lines += [f"  UNREADABLE: {name}: {why}" for name, why in self.unreadable]
        return "\n".join(lines)


def import_archives(
    db_path: Path, files: list[Path], sources: list[Source] | None = None, jobs: int = 1
) -> ImportReport:
    """Run the response records of ``files`` (WARC/WACZ) through the item pipelines into the
    archive at ``db_path``, parsing in ``jobs`` worker processes (``pipelines.parallel``) when
    more than one."""
    crawler = replay_crawler(db_path, {REBUILD_SETTING: False})
    stages = build_stages(crawler)
    report = ImportReport(db=Path(db_path))
    try:
        with Workers(jobs) as workers:
            for file in files:
                report.files += 1
                records = workers.parsed(read_archive(file, sources), _page_of, compress=True)
                import_file(report, stages, str(file), records)
    finally:
        close_stages(stages)
        close_archive(crawler)
    return report


def import_file(
    report: ImportReport,
    stages: list[Any],
    file: str,
    records: Iterator[tuple[Record, Page | Crawled | None]],
) -> None:
    """The pages of one archive file's records through the stages; a corrupt file is reported
    (what came before the damage is imported)."""
    count = 0
    try:
        for record, item in records:
            if record.problem is not None:  # a damaged record: reported, the reading goes on
                report.problems.append((file, record.problem))
                continue
            count += 1
            if item is None or record.page is None:
                if record.skipped:
                    report.skipped[record.skipped] += 1
                continue
            report.kinds[record.page.kind] += 1
            report.replay(stages, item)
    except WorkerDied:
        raise
    except Exception as exc:  # a corrupt archive file is reported, the others imported
        report.unreadable.append((file, f"{type(exc).__name__}: {exc}"))
    else:
        if not count:
            report.unreadable.append((file, "no WARC records in it"))


def _page_of(record: Record) -> Page | None:
    return record.page
