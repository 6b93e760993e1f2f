"""One meet's or one athlete's results as a spreadsheet: XLSX (a meet: one sheet per event in
program order, results in place order; an athlete: one sheet) or CSV (one table; a meet's rows
carry their event). Built from ``pipelines.db.views``'s pages, so rows are performances, each
once. Marks are kept as printed beside the normalized value; flags and relay members as text.

The file is written beside its destination and moved into place when complete: an export killed
midway leaves the earlier file as it was. openpyxl's write-only workbook streams the rows."""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pipelines.export.datasets import ExportError

SHEET_FORMATS = ("xlsx", "csv")
MEET_COLUMNS = (
    "event",
    "round",
    "race_wind",
    "place",
    "athlete",
    "team",
    "year",
    "mark_raw",
    "mark",
    "unit",
    "wind",
    "status",
    "flags",
    "relay_members",
    "result_id",
    "athlete_id",
)
ATHLETE_COLUMNS = (
    "date",
    "meet",
    "event",
    "round",
    "place",
    "team",
    "mark_raw",
    "mark",
    "unit",
    "wind",
    "status",
    "flags",
    "result_id",
    "meet_id",
)
Table = tuple[str, Sequence[str], list[list[Any]]]  # sheet name, header, rows


def _text(value: Any) -> Any:
    if isinstance(value, list):
        return ", ".join(
            (v.get("athlete") or v.get("team") or "") if isinstance(v, dict) else str(v)
            for v in value
        )
    return value


def meet_tables(page: dict[str, Any]) -> list[Table]:
    """A meet page as one table per event (program order), rows in place order."""
    out: list[Table] = []
    for ev in page["events"]:
        name = ev["name"] or ev["discipline"] or "Event"
        rows = []
        for r in ev["results"]:
            row = {**r, "event": name, "round": ev["round"], "race_wind": ev["wind"]}
            rows.append([_text(row.get(c)) for c in MEET_COLUMNS])
        title = f"{name} ({ev['round']})" if ev["round"] else name
        out.append((title, MEET_COLUMNS, rows))
    return out


def athlete_table(page: dict[str, Any]) -> Table:
    """An athlete's results, oldest first."""
    rows = []
    for r in page["results"]:
        row = {**r, "date": r["date"] or r["meet_year"]}
        rows.append([_text(row.get(c)) for c in ATHLETE_COLUMNS])
    return (page["name"], ATHLETE_COLUMNS, rows)


def sheet_name(title: str, taken: set[str]) -> str:
    """An XLSX sheet name: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = re.sub(r"[\[\]:*?/\\]", " ", title).strip() or "Sheet"
    name, n = base[:31], 1
    while name.casefold() in taken:
        n += 1
        suffix = f" {n}"
        name = base[: 31 - len(suffix)] + suffix
    taken.add(name.casefold())
    return name


def _write_xlsx(tmp: Path, tables: Iterable[Table]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    taken: set[str] = set()
    for title, header, rows in tables:
        sheet = book.create_sheet(sheet_name(title, taken))
        sheet.append(list(header))
        for row in rows:
            sheet.append(row)
    if not taken:
        book.create_sheet("No results").append(["no results"])
    book.save(tmp)


def _write_csv(tmp: Path, tables: Sequence[Table]) -> None:
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        header = tables[0][1] if tables else MEET_COLUMNS
        out.writerow(header)
        for _title, _header, rows in tables:
            out.writerows(rows)


def write_tables(tables: Sequence[Table], path: str | Path, fmt: str) -> int:
    """Write ``tables`` to ``path`` in ``fmt`` (whole or not at all); the rows written."""
    if fmt not in SHEET_FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(SHEET_FORMATS)})")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        (_write_xlsx if fmt == "xlsx" else _write_csv)(tmp, tables)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return sum(len(rows) for _t, _h, rows in tables)
