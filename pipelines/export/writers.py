"""Writers of exported rows: CSV, JSON Lines and Parquet (row groups of bounded size), each able to
start with the rows of an earlier export of the same columns (``--since-last`` appends)."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pipelines.export.datasets import Field

# A Parquet row group is flushed at this many rows or bytes of text, whichever comes first.
BATCH_ROWS = 2_000
BATCH_BYTES = 8 << 20
OUT_BUFFER = 1 << 20  # text outputs are written through a 1 MB buffer


def _json_value(f: Field, value: Any) -> Any:
    if f.json and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _copy_after_first_line(source: Path, first: str, out: Any) -> bool:
    """Copy ``source`` into the text stream ``out`` if its first line is ``first`` (a file of the
    same columns); False, copying nothing, when it is not."""
    with open(source, encoding="utf-8", newline="") as fh:
        if fh.readline().rstrip("\r\n") != first:
            return False
        fh.seek(0)
        shutil.copyfileobj(fh, out, OUT_BUFFER)
    return True


class CsvWriter:
    def __init__(self, path: Path, fields: list[Field]) -> None:
        self.fh = open(path, "w", encoding="utf-8", newline="", buffering=OUT_BUFFER)  # noqa: SIM115
        self.writer = csv.writer(self.fh)
        self.names = [f.name for f in fields]

    def begin(self, previous: Path | None) -> bool:
        """Start with the rows of ``previous`` (an earlier export of the same columns): True;
        else with the header: False."""
        header = ",".join(self.names)  # the names are plain identifiers: no quoting
        if previous is not None and _copy_after_first_line(previous, header, self.fh):
            return True
        self.writer.writerow(self.names)
        return False

    def write(self, row: dict[str, Any]) -> None:
        self.writer.writerow(["" if row[n] is None else row[n] for n in self.names])

    def close(self) -> None:
        self.fh.close()

    abort = close  # a failed or interrupted export: the partial file is deleted after


class JsonlWriter:
    def __init__(self, path: Path, fields: list[Field]) -> None:
        self.fh = open(path, "w", encoding="utf-8", buffering=OUT_BUFFER)  # noqa: SIM115
        self.fields = fields

    def begin(self, previous: Path | None) -> bool:
        """Start with the lines of ``previous`` when its first line has this export's fields."""
        if previous is None:
            return False
        with open(previous, encoding="utf-8") as fh:
            first = fh.readline()
        try:
            same = list(json.loads(first)) == [f.name for f in self.fields] if first else True
        except ValueError:
            same = False
        if not same:
            return False
        with open(previous, encoding="utf-8") as fh:
            shutil.copyfileobj(fh, self.fh, OUT_BUFFER)
        return True

    def write(self, row: dict[str, Any]) -> None:
        out = {f.name: _json_value(f, row[f.name]) for f in self.fields}
        self.fh.write(json.dumps(out, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.fh.close()

    abort = close  # a failed or interrupted export: the partial file is deleted after


def to_utc(value: str | None) -> datetime | None:
    """An archive ISO-8601 time as an aware UTC datetime (naive values are taken as UTC)."""
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return None
    return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).astimezone(UTC)


def to_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def arrow_type(f: Field) -> Any:
    import pyarrow as pa

    return {
        "integer": pa.int64(),
        "number": pa.float64(),
        "boolean": pa.bool_(),
        "datetime": pa.timestamp("us", tz="UTC"),
        "date": pa.date32(),
        "array": pa.list_(pa.string()) if f.string_list else pa.string(),
    }.get(f.type, pa.string())


def _parquet_converter(f: Field) -> Callable[[Any], Any]:
    if f.type == "datetime":
        return to_utc
    if f.type == "date":
        return to_date
    if f.string_list:
        return lambda v: None if v is None else [str(x) for x in json.loads(v)]
    return lambda v: v


class ParquetWriter:
    """Columns accumulate for one row group, flushed at BATCH_ROWS rows or BATCH_BYTES of text."""

    def __init__(self, path: Path, fields: list[Field]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.pq = pq
        self.pa = pa
        self.fields = fields
        self.schema = pa.schema([pa.field(f.name, arrow_type(f)) for f in fields])
        self.converters = [_parquet_converter(f) for f in fields]
        self.writer = pq.ParquetWriter(path, self.schema, compression="zstd")
        self._reset()

    def begin(self, previous: Path | None) -> bool:
        """Start with the row groups of ``previous`` when it has this export's schema."""
        if previous is None:
            return False
        try:
            source = self.pq.ParquetFile(previous)
        except (OSError, self.pa.ArrowException):
            return False
        with source:
            if not source.schema_arrow.equals(self.schema):
                return False
            for i in range(source.num_row_groups):
                self.writer.write_table(source.read_row_group(i))
        return True

    def _reset(self) -> None:
        self.columns: list[list[Any]] = [[] for _ in self.fields]
        self.rows = 0
        self.bytes = 0

    def write(self, row: dict[str, Any]) -> None:
        for i, (f, conv) in enumerate(zip(self.fields, self.converters, strict=True)):
            value = row[f.name]
            if isinstance(value, str):
                self.bytes += len(value)
            self.columns[i].append(conv(value))
        self.rows += 1
        if self.rows >= BATCH_ROWS or self.bytes >= BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        arrays = [
            self.pa.array(col, type=fld.type)
            for col, fld in zip(self.columns, self.schema, strict=True)
        ]
        self.writer.write_batch(self.pa.RecordBatch.from_arrays(arrays, schema=self.schema))
        self._reset()

    def close(self) -> None:
        self.flush()
        self.writer.close()

    def abort(self) -> None:
        """Close without writing the row group being gathered: an interruption may have left
        its columns of unequal length, and the partial file is deleted after."""
        self._reset()
        self.writer.close()


WRITERS = {"csv": CsvWriter, "jsonl": JsonlWriter, "parquet": ParquetWriter}
