"""JSON exports that name their columns once and give each row as an array of cells.

Pure. RaceResult's lists (``{"list": {"HeadLine1": ..., "Fields": [{"Label": "Pl."}, ...]},
"data": {"#1_Female": [["412", "1.", "Kuipers, Geertje", ...]]}}``, rows grouped under keys,
an id before the cells where a row holds one more than the labels) and DataTables' sources
(``{"columns": [{"title": "Place"}, ...], "data": [[...], ...]}``): :func:`tables` finds the
labels and every list of arrays, each with the name of the groups holding it (``#1_Female`` ->
``Female``); the readers of tables read them as a table with a header (a row of one more cell
than the labels less its first, the id).
"""

from __future__ import annotations

import re
from html import unescape
from typing import Any

# the keys of the list naming the columns, and of a column's object naming it
_LABEL_LISTS = frozenset({"fields", "datafields", "columns", "cols", "headers", "header", "labels"})
_LABEL_KEYS = ("Label", "label", "title", "Title", "name", "Name", "header", "text")
# keys that hold rows or groups without naming a group
_CONTAINERS = frozenset({"data", "rows", "results", "list", "items", "records", "values"})
_GROUP_NUMBER = re.compile(r"^#\d+_")  # RaceResult's order of a group: '#1_Female'
MAX_DEPTH = 8

Table = tuple[str | None, list[str], list[list[str]]]


def tables(data: Any) -> tuple[dict[str, Any] | None, list[Table]]:
    """The object that names the columns (its other keys say the meet) and the document's
    tables: (their groups' name, the labels, the rows as text cells)."""
    holder, labels = _labels(data, 0)
    out: list[Table] = []
    if holder is not None and labels:
        _rows(data, None, labels, out, 0)
    elif isinstance(data, dict) and _DATATABLES.issubset(data) and isinstance(data["data"], list):
        _rows(data["data"], None, [], out, 0)  # a DataTables reply: its page names the columns
    return holder, out


def _labels(node: Any, depth: int) -> tuple[dict[str, Any] | None, list[str]]:
    if depth > MAX_DEPTH or not isinstance(node, dict):
        return None, []
    for key, value in node.items():
        if key.casefold() in _LABEL_LISTS and isinstance(value, list) and len(value) >= 3:
            names = [n for n in map(_label, value) if n]
            if len(names) == len(value):
                return node, names
    for value in node.values():
        holder, names = _labels(value, depth + 1)
        if holder is not None:
            return holder, names
    return None, []


def _label(v: Any) -> str | None:
    if isinstance(v, str):
        return v.strip() or None
    if isinstance(v, dict):
        found = (v[k] for k in _LABEL_KEYS if isinstance(v.get(k), str) and v[k].strip())
        return next(found, None)
    return None


def _rows(node: Any, group: str | None, labels: list[str], out: list[Table], depth: int) -> None:
    if depth > MAX_DEPTH:
        return
    if isinstance(node, list):
        arrays = [r for r in node if isinstance(r, list) and all(map(scalar, r))]
        if arrays and len(arrays) * 2 >= len(node):
            rows = [cells(r) for r in arrays]
            if not labels or any(len(r) in (len(labels), len(labels) + 1) for r in rows):
                out.append((group, labels, rows))
            return
        for item in node:
            _rows(item, group, labels, out, depth + 1)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key.casefold() in _LABEL_LISTS or not isinstance(value, list | dict):
                continue
            name = group
            if key.casefold() not in _CONTAINERS:
                name = " - ".join(p for p in (group, _GROUP_NUMBER.sub("", key)) if p)
            _rows(value, name, labels, out, depth + 1)


def scalar(v: Any) -> bool:
    """A JSON value that is a cell: text, a number or null."""
    return v is None or isinstance(v, str | int | float) and not isinstance(v, bool)


def cells(row: list[Any]) -> list[str]:
    """An array's cells as text (a cell of HTML as the text it shows: '<a ...>HORVAT Luka</a>')."""
    return ["" if c is None else " ".join(_shown(str(c)).split()) for c in row]


def _shown(cell: str) -> str:
    return unescape(_TAG.sub(" ", cell)) if "<" in cell else cell


_TAG = re.compile(r"<[^>]*>")
# the keys of a DataTables server reply: rows as arrays, no column names
_DATATABLES = frozenset({"data", "recordsTotal"})
