"""Streaming dataset exports: articles, results and meets as CSV, JSON Lines or Parquet, with a
Frictionless Data Package (``datapackage.json``) beside the data.

Rows are read from one SQLite cursor and written as they come (Parquet in row groups of bounded
size), so memory stays flat whatever the archive size. Filters are SQL parameters, never text
spliced into SQL. The fields and their types come from the table's schema (``pipelines.db`` owns
the tables); JSON columns become arrays/objects, ISO-8601 time columns datetimes.

``since_last``: the first such export to a file writes every row; later ones append to it the rows
that are new or changed since (never removing what the file holds). What each wrote is recorded in
the archive (``pipelines.db.exports``), committed only after the file is complete and in place.
A plain export replaces the file and forgets that record.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from pipelines import db as schema
from pipelines.export.datapackage import read_datapackage, resource_descriptor, write_datapackage
from pipelines.export.datasets import (
    DATASETS,
    FORMATS,
    ExportError,
    Field,
    Filters,
    build_query,
    date_bound,
    fields_of,
    row_hash,
    row_key,
)
from pipelines.export.targets import check_targets, partial_path
from pipelines.export.writers import WRITERS

__all__ = ["DATASETS", "FORMATS", "ExportError", "ExportReport", "Filters", "date_bound", "export"]


@dataclass
class ExportReport:
    dataset: str
    path: Path
    format: str
    rows: int  # rows written by this run
    scanned: int  # rows that matched the filters
    datapackage: Path
    fields: list[Field] = field(default_factory=list)
    kept: int | None = None  # --since-last: rows the file already held, kept before the new ones

    def summary(self) -> str:
        if self.kept is None:
            return (
                f"{self.rows} {self.dataset} rows -> {self.path} ({self.format}); "
                f"described in {self.datapackage}"
            )
        unchanged = self.scanned - self.rows
        return (
            f"{self.rows} new or changed {self.dataset} rows added to {self.path} "
            f"({self.format}; it held {self.kept}, {unchanged} unchanged rows not repeated); "
            f"described in {self.datapackage}"
        )


def iter_rows(
    db: sqlite_utils.Database, sql: str, params: dict[str, Any], names: list[str]
) -> Iterator[dict[str, Any]]:
    cursor = db.conn.execute(sql, params)
    while True:
        chunk = cursor.fetchmany(500)
        if not chunk:
            return
        for values in chunk:
            yield dict(zip(names, values, strict=True))


def _earlier_export(
    db: sqlite_utils.Database, path: Path, name: str, fmt: str
) -> dict[str, Any] | None:
    """The --since-last record of ``path`` when the file is still there to append to."""
    record = schema.export_record(db, str(path.resolve()))
    if record is None or not path.is_file():
        return None
    if (record["dataset"], record["format"]) != (name, fmt):
        raise ExportError(
            f"{path} holds a {record['format']} export of {record['dataset']}: "
            f"export {name} as {fmt} to another file"
        )
    return record


def export(
    db: sqlite_utils.Database,
    name: str,
    path: str | Path,
    fmt: str,
    filters: Filters | None = None,
    since_last: bool = False,
) -> ExportReport:
    """Export one dataset to ``path`` in ``fmt``; see the module docstring."""
    if name not in DATASETS:
        raise ExportError(f"unknown dataset {name!r} (choose from {', '.join(DATASETS)})")
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    dataset = DATASETS[name]
    if not db.table(dataset.table).exists():
        raise ExportError(
            f"this archive has no {dataset.table} table yet: {name} exports need "
            "an archive with results (crawl results pages first)"
        )
    fields = fields_of(db, dataset)
    names = [f.name for f in fields]
    sql, params = build_query(dataset, fields, filters or Filters(), set(names))
    pk = [c for c in db.table(dataset.table).pks if c != "rowid"] or ["rowid"]
    key_fields = pk if pk != ["rowid"] else names[:1]
    path = Path(path)
    check_targets(db, path)
    path.parent.mkdir(parents=True, exist_ok=True)
    read_datapackage(path.parent)  # one that is not ours is refused before anything is written
    earlier = _earlier_export(db, path, name, fmt) if since_last else None
    tmp = partial_path(path)
    writer: Any = None
    rows = scanned = 0
    try:
        writer = WRITERS[fmt](tmp, fields)
        appending = writer.begin(path if earlier else None)
        if since_last:
            schema.start_pending(db)
        for row in iter_rows(db, sql, params, names):
            scanned += 1
            if since_last:
                key, digest = row_key(row, key_fields), row_hash(row, dataset.volatile)
                if (
                    appending
                    and earlier is not None
                    and schema.exported_digest(db, earlier["id"], key) == digest
                ):
                    continue
                schema.add_pending(db, key, digest)
            writer.write(row)
            rows += 1
        writer.close()
        kept = earlier["rows"] if appending and earlier else 0
        os.replace(tmp, path)
        resource = resource_descriptor(
            dataset, fields, path, fmt, pk if pk != ["rowid"] else [], kept + rows
        )
        package = write_datapackage(path.parent, resource)
    except BaseException:
        if writer is not None:
            writer.abort()
        tmp.unlink(missing_ok=True)
        raise
    if since_last:
        schema.record_export(
            db,
            str(path.resolve()),
            {
                "dataset": name,
                "format": fmt,
                "rows": kept + rows,
                "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
            },
            restart=not appending,
        )
    else:
        schema.forget_export(db, str(path.resolve()))
    return ExportReport(
        name, path, fmt, rows, scanned, package, fields, kept if since_last else None
    )
