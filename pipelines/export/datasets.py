"""What can be exported: the datasets (a table each, with the columns the filters read), their
fields with Frictionless types (from the table's schema), the filters as SQL parameters, and the
key and digest of a row (for ``--since-last``)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlite_utils

from pipelines import db as schema

FORMATS = ("csv", "jsonl", "parquet")
MEDIATYPES = {
    "csv": "text/csv",
    "jsonl": "application/x-ndjson",
    "parquet": "application/vnd.apache.parquet",
}


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
    notes: dict[str, str] = field(default_factory=dict)  # column -> its description


DATASETS: dict[str, Dataset] = {
    "articles": Dataset(
        "articles",
        schema.ARTICLES,
        date_column="published_at",
        source_column="source",
        meet_column="meet_name",
        volatile=frozenset({"last_seen"}),
        description="Articles: one row per canonical URL, with headline, authors, dates as "
        "printed and normalized, meet, photo credit and body as paragraphs, and the story each "
        "belongs to (the same text on several sites or URLs).",
        notes={
            "story_id": "The story this article belongs to: the id of its original, the "
            "earliest-published article of the same text in the archive (a wire story on several "
            "sites, one article under two URLs). Equal to id for an original and for an article "
            "held once; rows with the same story_id are the same story.",
            "copy_of": "The id of the story's original when this article is a later copy of "
            "it (same text, light edits, paragraphs moved, added or cut); empty otherwise.",
        },
    ),
    "results": Dataset(
        "results",
        schema.RESULTS,
        date_column="meet_date",
        source_column="source",
        meet_column="meet_name",
        description="Result rows: athlete, team, place, mark as printed and normalized, event, "
        "round and flags, linked to their meet and the page they came from.",
    ),
    "meets": Dataset(
        "meets",
        schema.MEETS,
        date_column="date",
        source_column="source",
        meet_column="name",
        description="Meets: name, date as printed and normalized, venue and source.",
    ),
    "athletes": Dataset(
        "athletes",
        schema.ATHLETES,
        date_column="last_date",
        description="Athletes: one row per person linked across documents, meets and seasons "
        "(results.athlete_id points here): display name, folded name key, gender, the teams "
        "seen, the dates of the first and last result, how many result rows are linked.",
    ),
}


@dataclass
class Field:
    name: str
    type: str  # Frictionless Table Schema type
    json: bool = False  # stored as JSON text in the archive
    string_list: bool = False  # a JSON list of strings: Parquet list<string>
    note: str | None = None  # what the column holds, when its name does not say it

    def descriptor(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.note:
            out["description"] = self.note
        if self.type == "datetime":
            out["format"] = "any"
            out["description"] = (
                "ISO-8601 with its UTC offset in CSV/JSONL; a UTC timestamp in Parquet"
            )
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
STRING_LISTS = frozenset({"authors", "agencies", "tags", "flags", "splits", "teams"})
JSON_KINDS = {
    "signals": "object",
    "detail": "object",
    "results": "array",
    "relay_members": "array",
    "attempts": "array",
}
AS_STORED = frozenset({"raw"})
DATETIME_SUFFIXES = ("_at",)
DATETIME_NAMES = frozenset({"first_seen", "last_seen"})
DATE_NAMES = frozenset({"date", "meet_date", "start_date", "end_date", "first_date", "last_date"})


def fields_of(db: sqlite_utils.Database, dataset: Dataset) -> list[Field]:
    """The exported fields of a table: every column (generated ones too) except blobs."""
    json_columns = {*schema.JSON_COLUMNS, *schema.RESULT_JSON_COLUMNS, *schema.ATHLETE_JSON_COLUMNS}
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
    for f in out:
        f.note = dataset.notes.get(f.name)
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
    raise ValueError(
        f"{value!r} is not a date (ISO-8601: 2024, 2024-05, 2024-05-01 or 2024-05-01T18:00)"
    )


@dataclass
class Filters:
    since: str | None = None  # inclusive, compared with the date column's ISO text
    until: str | None = None  # inclusive: a bare date covers that whole day
    source: str | None = None  # exact source name
    meet: str | None = None  # case-insensitive substring of the meet name


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def build_query(
    dataset: Dataset, fields: Sequence[Field], filters: Filters, columns: set[str]
) -> tuple[str, dict[str, Any]]:
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


def row_key(row: dict[str, Any], key_fields: Sequence[str]) -> str:
    return json.dumps([row[k] for k in key_fields], default=str)


def row_hash(row: dict[str, Any], volatile: frozenset[str]) -> str:
    """A digest of a row's values (volatile columns left out). Values are str, int, float or None,
    so their repr is exact; a new column changes every digest once (a full export follows)."""
    stable = tuple((k, v) for k, v in row.items() if k not in volatile)
    return hashlib.sha1(repr(stable).encode()).hexdigest()
