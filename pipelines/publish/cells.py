"""JSON cells as a person reads them: ``["NR"]`` -> "NR", ``[]`` -> "", relay members ->
"1 Tamari Davis (21); 2 Twanisha Terry (25)", a row's detail ``{"timing": "FAT", "heat": 2}``
-> "timing: FAT; heat: 2", a row's raw cells -> "1 | GBR | Josh KERR", results stated in an
article -> "1. Josh Kerr 3:45.34 NR; ...".
The text is plain (the page escapes it); a value that is no JSON list or object is no cell of
this kind (None)."""

from __future__ import annotations

import json
from typing import Any

# What a list item that is an object shows, in this order, when it holds them.
_ITEM_KEYS = ("leg", "place", "athlete", "name", "team", "year", "mark_raw", "mark", "wind")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def _item(value: Any) -> str:
    if isinstance(value, dict):
        if any(k in value for k in ("athlete", "name", "team")):
            return _person(value)
        return _pairs(value)
    if isinstance(value, list):
        return ", ".join(t for t in (_item(v) for v in value) if t)
    return _scalar(value)


def _person(item: dict[str, Any]) -> str:
    """A relay leg, a result stated in an article, an entry: place, name, team, mark."""
    lead = item.get("leg") or item.get("place")
    name = item.get("athlete") or item.get("name") or item.get("team") or ""
    parts = [f"{lead}{'.' if 'place' in item and 'leg' not in item else ''}" if lead else "", name]
    if item.get("year"):
        parts[-1] += f" ({item['year']})"
    if item.get("team") and name != item["team"]:
        parts.append(str(item["team"]))
    mark = item.get("mark_raw") or item.get("mark")
    if mark is not None:
        parts.append(_scalar(mark))
    flags = item.get("flags") or (item.get("detail") or {}).get("flags")
    if isinstance(flags, list) and flags:
        parts.append(" ".join(map(str, flags)))
    return " ".join(p for p in parts if p)


def _pairs(item: dict[str, Any]) -> str:
    return "; ".join(f"{k}: {_item(v)}" for k, v in item.items() if v not in (None, "", [], {}))


def readable(value: Any, column: str | None = None) -> str | None:
    """The text of a JSON list or object stored as text; None for any other value. A row's
    ``raw`` cells stay in their columns, empty ones too ("1 | GBR | Josh KERR |  | 3:45.34")."""
    if not isinstance(value, str) or not value.startswith(("[", "{")):
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if isinstance(data, dict):
        return _pairs(data)
    if not isinstance(data, list):
        return None
    if column == "raw":
        return " | ".join(_item(v) for v in data)
    if all(isinstance(v, dict) for v in data) and data:
        return "; ".join(_item(v) for v in data)
    return ", ".join(t for t in (_item(v) for v in data) if t)
