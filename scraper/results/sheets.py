"""Spreadsheets (XLSX): every sheet read as a table (:mod:`scraper.results.tablerows`).

openpyxl in read-only mode streams each sheet's XML (a large sheet is never loaded whole) and
evaluates nothing: formulas give their cached values, macros are not read.  The archive is checked
before it is opened: too many members or too many bytes once inflated is refused, so a small file
cannot unpack into gigabytes.

Cells are read as the sheet shows them: numbers without a trailing ``.0``, dates as
``YYYY-MM-DD``, times and durations (day fractions) as ``h:mm:ss``.  A column of durations that
all fall on whole minutes was typed ``m:ss`` and stored as hours and minutes (``40:09`` read by the
spreadsheet as 40 h 09 min): it is read back as minutes and seconds, the sheet's ``40:09:00``
kept in ``Row.raw``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from typing import Any

from scraper.results.model import ResultDoc
from scraper.results.tablegroups import Line
from scraper.results.tablerows import read_table

MAX_INFLATED = 256 * 1024 * 1024  # bytes of all members once inflated
MAX_MEMBERS = 10_000
MAX_ROWS = 200_000  # per sheet
MAX_COLUMNS = 200
_GENERIC_SHEET = re.compile(
    r"^(?:sheet|ark|tabelle|feuil|blad|hoja|foglio|planilha|taulukko|arkusz)\s*\d*$", re.I
)


def archive_error(data: bytes, wanted: str) -> str | None:
    """Why the ZIP archive ``data`` is refused (None: it may be opened); ``wanted`` is the
    member the format needs."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        return f"unreadable ZIP archive: {e}"[:300]
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_INFLATED:
        return "archive too large once inflated"
    if wanted not in {i.filename for i in infos}:
        return f"not an Office document: no {wanted}"
    return None


def parse(data: bytes) -> ResultDoc:
    doc = ResultDoc(format="xlsx")
    try:
        sheets = lines_of(data)
    except ValueError as e:
        doc.error = str(e)
        return doc
    for title, lines in sheets:
        name = None if _GENERIC_SHEET.match(title.strip()) else title.strip()
        doc.events.extend(read_table(lines, name, None, doc.meet))
    if not any(e.rows for e in doc.events):
        doc.error = "no result rows in the spreadsheet"
    return doc


def lines_of(data: bytes) -> list[tuple[str, list[Line]]]:
    """Each sheet's title and rows (ValueError with the reason for a workbook we cannot read)."""
    refused = archive_error(data, "xl/workbook.xml")
    if refused:
        raise ValueError(refused)
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns of extensions it does not read
            book = openpyxl.load_workbook(
                io.BytesIO(data), read_only=True, data_only=True, keep_links=False
            )
            sheets = [(ws.title, _grid(ws)) for ws in book.worksheets]
            book.close()
    except Exception as e:  # noqa: BLE001 -- a broken workbook is a document we cannot read
        raise ValueError(f"unreadable spreadsheet: {type(e).__name__}: {e}"[:300]) from e
    return [(title, [Line(read, raw) for read, raw in _as_shown(grid)]) for title, grid in sheets]


def _grid(ws: Any) -> list[list[Any]]:
    rows = []
    for n, values in enumerate(ws.iter_rows(values_only=True, max_col=MAX_COLUMNS)):
        if n >= MAX_ROWS:
            break
        row = list(values)
        while row and (row[-1] is None or not str(row[-1]).strip()):
            row.pop()  # read-only rows are padded to the widest column
        if row:
            rows.append(row)
    return rows


def _as_shown(grid: list[list[Any]]) -> list[tuple[list[str], list[str]]]:
    """Each row as read and as shown; durations of a whole-minutes column read as m:ss."""
    width = max((len(r) for r in grid), default=0)
    minutes = {j for j in range(width) if _typed_minutes([r[j] for r in grid if j < len(r)])}
    out = []
    for r in grid:
        raw = [_shown(v) for v in r]
        read = [
            _minutes(v) if j in minutes else s for j, (v, s) in enumerate(zip(r, raw, strict=True))
        ]
        out.append((read, raw))
    return out


def _seconds(v: Any) -> float | None:
    if isinstance(v, dt.timedelta):
        return v.total_seconds()
    if isinstance(v, dt.time):
        return v.hour * 3600 + v.minute * 60 + v.second + v.microsecond / 1e6
    return None


def _typed_minutes(col: list[Any]) -> bool:
    secs = [s for s in (_seconds(v) for v in col) if s is not None]
    return len(secs) >= 5 and all(s % 60 == 0 for s in secs)


def _minutes(v: Any) -> str:
    s = _seconds(v)
    if s is None:
        return _shown(v)
    minutes = int(s // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def _shown(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v).upper()
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else f"{v:.6g}"
    if isinstance(v, dt.datetime):
        if v.time() == dt.time(0) or v.year > 1900:
            return v.date().isoformat()
        v = v.time()
    if isinstance(v, dt.date):
        return v.isoformat()
    s = _seconds(v)
    if s is not None:
        whole, frac = divmod(round(s * 100), 100)
        h, rest = divmod(int(whole), 3600)
        text = f"{h}:{rest // 60:02d}:{rest % 60:02d}"
        return text + (f".{frac:02d}" if frac else "")
    return " ".join(str(v).split())
