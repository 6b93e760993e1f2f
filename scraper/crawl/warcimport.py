"""``meetarchive import-warc FILE...``: the pages of web archives through the same item pipelines a
crawl uses (as ``meetarchive reparse`` replays stored pages: ``pipelines.replay``'s crawler and
stages, here in crawl mode: new / updated / unchanged), no network."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.context import REBUILD_SETTING, close_archive
from pipelines.replay import Tally, build_stages, close_stages, replay_crawler
from scraper.crawl.sources import Source
from scraper.crawl.warc import read_archive


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
    db_path: Path, files: list[Path], sources: list[Source] | None = None
) -> ImportReport:
    """Run the response records of ``files`` (WARC/WACZ) through the item pipelines into the
    archive at ``db_path``."""
    crawler = replay_crawler(db_path, {REBUILD_SETTING: False})
    stages = build_stages(crawler)
    report = ImportReport(db=Path(db_path))
    try:
        for file in files:
            report.files += 1
            records = 0
            try:
                for record in read_archive(file, sources):
                    if record.problem is not None:
                        report.problems.append((str(file), record.problem))
                        continue
                    records += 1
                    if record.page is None:
                        if record.skipped:
                            report.skipped[record.skipped] += 1
                        continue
                    report.kinds[record.page.kind] += 1
                    report.replay(stages, record.page)
            except Exception as exc:  # a corrupt archive file is reported, the others imported
                report.unreadable.append((str(file), f"{type(exc).__name__}: {exc}"))
            else:
                if not records:
                    report.unreadable.append((str(file), "no WARC records in it"))
    finally:
        close_stages(stages)
        close_archive(crawler)
    return report
