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

import csv
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from pipelines import db as schema

FORMATS = ("csv", "jsonl", "parquet")
MEDIATYPES = {"csv": "text/csv", "jsonl": "application/x-ndjson",
              "parquet": "application/vnd.apache.parquet"}
# A Parquet row group is flushed at this many rows or bytes of text, whichever comes first.
BATCH_ROWS = 2_000
BATCH_BYTES = 8 << 20
OUT_BUFFER = 1 << 20  # text outputs are written through a 1 MB buffer


class ExportError(Exception):
    """An export that cannot run (missing table, unsupported filter): a one-line message."""


@dataclass(frozen=True)
class Dataset:
    """How one table is exported: which columns the --since/--until, --source and --meet filters
    read, and which columns do not count as a change for --since-last."""

    name: str
    table: str
    date_column: str | None = None
    source_column: str | None = None
    meet_column: str | None = None
    volatile: frozenset[str] = frozenset()
    description: str = ""


DATASETS: dict[str, Dataset] = {
    "articles": Dataset(
        "articles", schema.ARTICLES, date_column="published_at", source_column="source",
        meet_column="meet_name", volatile=frozenset({"last_seen"}),
        description="Articles: one row per canonical URL, with headline, authors, dates as "
                    "printed and normalized, meet, photo credit and body as paragraphs."),
    "results": Dataset(
        "results", schema.RESULTS, date_column="meet_date",
        source_column="source", meet_column="meet_name",
        description="Result rows: athlete, team, place, mark as printed and normalized, event, "
                    "round and flags, linked to their meet and the page they came from."),
    "meets": Dataset(
        "meets", schema.MEETS, date_column="date", source_column="source",
        meet_column="name",
        description="Meets: name, date as printed and normalized, venue and source."),
}


@dataclass
class Field:
    name: str
    type: str  # Frictionless Table Schema type
    json: bool = False  # stored as JSON text in the archive
    string_list: bool = False  # a JSON list of strings: Parquet list<string>

    def descriptor(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.type == "datetime":
            out["format"] = "any"
            out["description"] = ("ISO-8601 with its UTC offset in CSV/JSONL; a UTC timestamp "
                                  "in Parquet")
        elif self.type == "date":
            out["format"] = "default"
        elif self.string_list:
            out["arrayItem"] = {"type": "string"}
            out["description"] = "JSON array of strings in CSV; a list in JSONL and Parquet"
        elif self.json:
            out["description"] = "JSON text in CSV and Parquet; JSON in JSONL"
        return out


# JSON columns by what they hold (the schema lists them in pipelines.db): lists of strings become
# Parquet lists; objects and lists of objects stay JSON text there. `raw` (a results row's source
# line as text, or its cells as a JSON array) is exported as the text stored.
STRING_LISTS = frozenset({"authors", "tags", "flags", "splits"})
JSON_KINDS = {"signals": "object", "detail": "object", "results": "array",
              "relay_members": "array", "attempts": "array"}
AS_STORED = frozenset({"raw"})
DATETIME_SUFFIXES = ("_at",)
DATETIME_NAMES = frozenset({"first_seen", "last_seen"})
DATE_NAMES = frozenset({"date", "meet_date", "start_date", "end_date"})


def fields_of(db: sqlite_utils.Database, dataset: Dataset) -> list[Field]:
    """The exported fields of a table: every column (generated ones too) except blobs."""
    json_columns = set(schema.JSON_COLUMNS) | set(schema.RESULT_JSON_COLUMNS)
    out = []
    for _cid, name, decl, *_ in db.execute(f"PRAGMA table_xinfo([{dataset.table}])").fetchall():
        decl = (decl or "").upper()
        if "BLOB" in decl:
            continue
        if name in AS_STORED:
            out.append(Field(name, "string"))
        elif name in json_columns and name in STRING_LISTS:
            out.append(Field(name, "array", json=True, string_list=True))
        elif name in json_columns:
            out.append(Field(name, JSON_KINDS.get(name, "any"), json=True))
        elif name.endswith(DATETIME_SUFFIXES) or name in DATETIME_NAMES:
            out.append(Field(name, "datetime"))
        elif name in DATE_NAMES:
            out.append(Field(name, "date"))
        elif "INT" in decl:
            out.append(Field(name, "integer"))
        elif any(t in decl for t in ("REAL", "FLOA", "DOUB", "NUM")):
            out.append(Field(name, "number"))
        else:
            out.append(Field(name, "string"))
    return out


def date_bound(value: str) -> str:
    """A --since/--until value as the ISO-8601 text it is compared with: ``2024``, ``2024-05``,
    ``2024-05-01`` or a date and time. ValueError names what cannot be read."""
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return text
        if re.fullmatch(r"\d{4}-\d{2}", text):
            date.fromisoformat(f"{text}-01")
            return text
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text).isoformat()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*", text):
            return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    raise ValueError(f"{value!r} is not a date (ISO-8601: 2024, 2024-05, 2024-05-01 or "
                     "2024-05-01T18:00)")


@dataclass
class Filters:
    since: str | None = None  # inclusive, compared with the date column's ISO text
    until: str | None = None  # inclusive: a bare date covers that whole day
    source: str | None = None  # exact source name
    meet: str | None = None  # case-insensitive substring of the meet name


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def build_query(dataset: Dataset, fields: Sequence[Field], filters: Filters,
                columns: set[str]) -> tuple[str, dict[str, Any]]:
    """SELECT of the dataset's rows matching the filters: user text only as parameters."""
    where: list[str] = []
    params: dict[str, Any] = {}

    def need(column: str | None, option: str) -> str:
        if column is None or column not in columns:
            raise ExportError(f"{option} is not available for {dataset.name}")
        return column

    def bound(value: str, option: str) -> str:
        try:
            return date_bound(value)
        except ValueError as exc:
            raise ExportError(f"{option}: {exc}") from None

    if filters.since:
        col = need(dataset.date_column, "--since")
        where.append(f"[{col}] >= :since")
        params["since"] = bound(filters.since, "--since")
    if filters.until:
        col = need(dataset.date_column, "--until")
        until = bound(filters.until, "--until")
        # '2024-05-26' covers that whole day: compare the same number of leading characters.
        where.append(f"substr([{col}], 1, :until_len) <= :until")
        params.update(until=until, until_len=len(until))
    if filters.source:
        col = need(dataset.source_column, "--source")
        where.append(f"[{col}] = :source")
        params["source"] = filters.source
    if filters.meet:
        col = need(dataset.meet_column, "--meet")
        where.append(f"[{col}] LIKE :meet ESCAPE '\\'")
        params["meet"] = f"%{_like_escape(filters.meet)}%"
    select = ", ".join(f"[{f.name}]" for f in fields)
    sql = f"SELECT {select} FROM [{dataset.table}]"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + " ORDER BY rowid", params


# ---- change tracking (--since-last) ------------------------------------------------------------

def row_key(row: dict[str, Any], key_fields: Sequence[str]) -> str:
    return json.dumps([row[k] for k in key_fields], default=str)


def row_hash(row: dict[str, Any], volatile: frozenset[str]) -> str:
    """A digest of a row's values (volatile columns left out). Values are str, int, float or None,
    so their repr is exact; a new column changes every digest once (a full export follows)."""
    stable = tuple((k, v) for k, v in row.items() if k not in volatile)
    return hashlib.sha1(repr(stable).encode()).hexdigest()


# ---- writers -----------------------------------------------------------------------------------

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
        "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
        "datetime": pa.timestamp("us", tz="UTC"), "date": pa.date32(),
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
        arrays = [self.pa.array(col, type=fld.type)
                  for col, fld in zip(self.columns, self.schema, strict=True)]
        self.writer.write_batch(self.pa.RecordBatch.from_arrays(arrays, schema=self.schema))
        self._reset()

    def close(self) -> None:
        self.flush()
        self.writer.close()


WRITERS = {"csv": CsvWriter, "jsonl": JsonlWriter, "parquet": ParquetWriter}


# ---- the data package --------------------------------------------------------------------------

def resource_descriptor(dataset: Dataset, fields: list[Field], path: Path, fmt: str,
                        primary_key: list[str], rows: int) -> dict[str, Any]:
    res: dict[str, Any] = {
        "name": re.sub(r"[^a-z0-9_-]+", "-", path.name.lower()), "path": path.name, "format": fmt,
        "mediatype": MEDIATYPES[fmt], "title": dataset.name, "description": dataset.description,
        "schema": {"fields": [f.descriptor() for f in fields]}, "x_rows": rows,
    }
    if fmt != "parquet":
        res["encoding"] = "utf-8"
    if fmt == "csv":
        res["profile"] = "tabular-data-resource"
        res["dialect"] = {"delimiter": ",", "header": True, "doubleQuote": True}
    if primary_key:
        res["schema"]["primaryKey"] = primary_key if len(primary_key) > 1 else primary_key[0]
    return res


def write_datapackage(directory: Path, resource: dict[str, Any]) -> Path:
    """Add (or replace, by path) one resource in ``directory/datapackage.json``."""
    path = directory / "datapackage.json"
    package: dict[str, Any] = {}
    if path.exists():
        try:
            package = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            package = {}
    package.setdefault("name", "meetarchive")
    package.setdefault("title", "meetarchive: track & field meet coverage")
    package.setdefault("profile", "data-package")
    package.setdefault("licenses", [{
        "name": "other-at",
        "title": "Article texts remain the property of their publishers; see each row's URL"}])
    package["resources"] = [r for r in package.get("resources", [])
                            if r.get("path") != resource["path"]] + [resource]
    package["resources"].sort(key=lambda r: r["path"])
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path


# ---- the export --------------------------------------------------------------------------------

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
            return (f"{self.rows} {self.dataset} rows -> {self.path} ({self.format}); "
                    f"described in {self.datapackage}")
        unchanged = self.scanned - self.rows
        return (f"{self.rows} new or changed {self.dataset} rows added to {self.path} "
                f"({self.format}; it held {self.kept}, {unchanged} unchanged rows not repeated); "
                f"described in {self.datapackage}")


def iter_rows(db: sqlite_utils.Database, sql: str, params: dict[str, Any],
              names: list[str]) -> Iterator[dict[str, Any]]:
    cursor = db.conn.execute(sql, params)
    while True:
        chunk = cursor.fetchmany(500)
        if not chunk:
            return
        for values in chunk:
            yield dict(zip(names, values, strict=True))


def _earlier_export(db: sqlite_utils.Database, path: Path, name: str,
                    fmt: str) -> dict[str, Any] | None:
    """The --since-last record of ``path`` when the file is still there to append to."""
    record = schema.export_record(db, str(path.resolve()))
    if record is None or not path.is_file():
        return None
    if (record["dataset"], record["format"]) != (name, fmt):
        raise ExportError(f"{path} holds a {record['format']} export of {record['dataset']}: "
                          f"export {name} as {fmt} to another file")
    return record


def export(db: sqlite_utils.Database, name: str, path: str | Path, fmt: str,
           filters: Filters | None = None, since_last: bool = False) -> ExportReport:
    """Export one dataset to ``path`` in ``fmt``; see the module docstring."""
    if name not in DATASETS:
        raise ExportError(f"unknown dataset {name!r} (choose from {', '.join(DATASETS)})")
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    dataset = DATASETS[name]
    if not db[dataset.table].exists():
        raise ExportError(f"this archive has no {dataset.table} table yet: {name} exports need "
                          "an archive with results (crawl results pages first)")
    fields = fields_of(db, dataset)
    names = [f.name for f in fields]
    sql, params = build_query(dataset, fields, filters or Filters(), set(names))
    pk = [c for c in db[dataset.table].pks if c != "rowid"] or ["rowid"]
    key_fields = pk if pk != ["rowid"] else names[:1]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    earlier = _earlier_export(db, path, name, fmt) if since_last else None
    tmp = path.with_name(f".{path.name}.partial")
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
                if (appending and earlier is not None
                        and schema.exported_digest(db, earlier["id"], key) == digest):
                    continue
                schema.add_pending(db, key, digest)
            writer.write(row)
            rows += 1
        writer.close()
        kept = earlier["rows"] if appending and earlier else 0
        os.replace(tmp, path)
        resource = resource_descriptor(dataset, fields, path, fmt, pk if pk != ["rowid"] else [],
                                       kept + rows)
        package = write_datapackage(path.parent, resource)
    except BaseException:
        if writer is not None:
            writer.close()
        tmp.unlink(missing_ok=True)
        raise
    if since_last:
        schema.record_export(db, str(path.resolve()), {
            "dataset": name, "format": fmt, "rows": kept + rows,
            "exported_at": datetime.now(UTC).isoformat(timespec="seconds")}, restart=not appending)
    else:
        schema.forget_export(db, str(path.resolve()))
    return ExportReport(name, path, fmt, rows, scanned, package, fields,
                        kept if since_last else None)
