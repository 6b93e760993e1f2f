"""Results exported as JSON (OpenTrack/athlib ``event_results -> finishers``, the World Athletics
competition model ``units -> rounds -> races -> results`` with athletes by id, and other exports
of the same build): read by their keys, not by one schema.

A list of objects that hold a name (``athlete``, ``name``, ``first_name``/``last_name``,
``team``) and a result or a place (``time``, ``result``, ``performance``, ``pos``,
``placeInRace``) is a section's rows; its event is the nearest enclosing object's name or title
(``600m - A Race``).  Keys are matched as column headers are (``category_pos``, ``placeInRace``
split into words first), nested objects (``{"athlete": {"firstName": ...}}``) read one level
down, ids resolved through the top-level lists they point into (``athleteId`` ->
``athletes[id]``).  The meet is the top object's name, date and venue.
"""

from __future__ import annotations

import json
import re
from itertools import groupby
from typing import Any

from scraper.results import jsonarrays
from scraper.results.marks import parse_wind
from scraper.results.meetinfo import day_of
from scraper.results.model import Event, Meet, ResultDoc, new_event, round_of, sex_of
from scraper.results.sections import is_event_title
from scraper.results.tablegroups import Line
from scraper.results.tablerows import read_table
from scraper.results.tablewords import header_field

MAX_BYTES = 32 * 1024 * 1024
_NAME_KEYS = ("full_name", "fullName", "name", "title", "event_name", "eventName", "meet", "navn")
_DATE_KEYS = ("start_date", "startDate", "date", "meet_date", "eventDate", "start", "dato", "datum")
_VENUE_KEYS = ("venue", "location", "place", "stadium")
_MEET_KEYS = ("meet", "competition", "event", "race")
# an event's name, in the languages of the exports ('disziplin', 'épreuve', 'øvelse', ...)
_EVENT_KEYS = (
    *("name", "title", "event_name", "eventName", "event", "discipline", "race"),
    *("disziplin", "wettbewerb", "épreuve", "epreuve", "øvelse", "gren", "disciplina", "prova"),
    *("prueba", "laji", "navn", "naam", "nom", "nome", "nombre", "bewerb"),
)
_ROWISH = {"athlete", "first", "last", "team"}
# what an event's object says of it, by its keys' fields ('windSpeed' is the wind)
_EVENT_FACTS = {"gender": "gender", "sex": "sex", "round": "round", "wind": "wind"}
_ROUND_KEYS = frozenset(
    {"roundname", "round_name", "phase", "phasename", "stage", "runde", "ronde"}
)
# the one- and two-letter round codes of results feeds ('H', 'SF', 'F')
_ROUND_CODES = {"H": "Heats", "P": "Prelims", "Q": "Qualifying", "QF": "Quarterfinals"}
_ROUND_CODES |= {"SF": "Semifinals", "F": "Finals", "FA": "Finals"}
# integer marks in a unit named beside them ({"performance": 11600, "unit": "ms"}) or in their
# key ('timeMs', 'distance_cm'): the unit's parts of a second or a metre
_SCALE = {"ms": 1000, "cs": 100, "cm": 100, "mm": 1000}
_UNIT_KEYS = ("unit", "units", "performanceUnit", "resultUnit", "markUnit")
# the keys of a team's or a country's object that name it ({"team": {"name": "Summit"}})
_NAMING = ("name", "fullName", "full_name", "title", "longName", "shortName", "short_name")
_RESULTISH = {"mark", "place", "points", "chip"}
_SPLIT = re.compile(r"(?<=[a-z])(?=[A-Z])|_")


def parse(text: str) -> ResultDoc:
    doc = ResultDoc(format="json")
    if len(text) > MAX_BYTES:
        doc.error = "JSON document too large"
        return doc
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as e:
        doc.error = f"unparseable JSON: {e}"[:300]
        return doc
    return read(data, doc)


def read(data: Any, doc: ResultDoc) -> ResultDoc:
    """The result lists of JSON-like ``data`` (dicts, lists, scalars) into ``doc``: a JSON
    document's, or an XML document's read as such (:func:`scraper.results.xmlfeed.as_data`)."""
    if isinstance(data, dict):
        _meet(data, doc.meet)
    ids = _index(data)
    for path_name, rows, kind, facts in _sections(data, None, 0):
        doc.events.extend(_section(path_name, rows, kind, ids, facts))
    if not any(e.rows for e in doc.events):
        _arrays(data, doc)  # columns named once, rows as arrays (RaceResult, DataTables)
    if not any(e.rows for e in doc.events):
        doc.error = f"no result lists in the {doc.format.split('-')[0].upper()}"
    return doc


def result_items(text: str) -> list[str]:
    """Every object of the document's result lists, as ``Row.raw`` holds it."""
    try:
        data = json.loads(text) if len(text) <= MAX_BYTES else None
    except (ValueError, RecursionError):
        return []
    items = [_raw(it) for _, items, _, _ in _sections(data, None, 0) for it in items]
    return items or [" | ".join(r) for _, _, rows in jsonarrays.tables(data)[1] for r in rows]


def _arrays(data: Any, doc: ResultDoc) -> None:
    """Tables whose columns are named once: each group of rows an event; the meet from the
    object naming the columns (its headline, a date in its other lines)."""
    holder, found = jsonarrays.tables(data)
    for group, labels, rows in found:
        n = len(labels)
        if n:
            lines = [Line(labels, labels), *(Line(r[len(r) - n :], [" | ".join(r)]) for r in rows)]
        else:  # no names: the columns by what their cells hold
            lines = [Line(r, [" | ".join(r)]) for r in rows]
        doc.events.extend(read_table(lines, group or "Results", None))
    if holder is None or not found:
        return
    texts = [v for v in holder.values() if isinstance(v, str) and v.strip()]
    heads = [v for k, v in holder.items() if isinstance(v, str) and _HEADLINE.match(k)]
    doc.meet.name = doc.meet.name or next(iter(heads), None)
    if doc.meet.date is None:
        doc.meet.date_raw, doc.meet.date = next(
            (d for d in map(day_of, texts) if d[1]), (None, None)
        )


_HEADLINE = re.compile(r"^(?:head_?line_?1|headline|title|meet_?name|event_?name)$", re.I)


def _raw(item: Any) -> str:
    return json.dumps(item, ensure_ascii=False)


def _meet(top: dict[str, Any], meet: Meet) -> None:
    inner = next((top[k] for k in _MEET_KEYS if isinstance(top.get(k), dict)), None)
    if inner is not None and not any(isinstance(top.get(k), str) for k in _NAME_KEYS):
        top = inner  # {"event": {"name": ..., "date": ...}, "results": [...]}
    meet.name = next((top[k] for k in _NAME_KEYS if isinstance(top.get(k), str)), None)
    for k in _DATE_KEYS:
        if isinstance(top.get(k), str):
            meet.date_raw, meet.date = top[k], day_of(top[k])[1]
            break
    venue = next((top[k] for k in _VENUE_KEYS if top.get(k)), None)
    if isinstance(venue, dict):
        venue = next((venue[k] for k in ("name", "title") if isinstance(venue.get(k), str)), None)
    meet.venue = venue if isinstance(venue, str) else None


def _index(data: Any) -> dict[str, dict[str, Any]]:
    """The objects of each top-level list by their id: {'athletes': {'7': {...}}, ...}."""
    out: dict[str, dict[str, Any]] = {}
    if isinstance(data, dict):
        for key, items in data.items():
            if isinstance(items, list):
                found = {str(it["id"]): it for it in items if isinstance(it, dict) and "id" in it}
                if found:
                    out[" ".join(_SPLIT.split(key)).casefold()] = found
    return out


def _target(key: str, value: Any, ids: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """The object an id key points to: 'athleteId' -> athletes, 'relayTeamId' -> relayTeams."""
    stem = " ".join(_SPLIT.split(key)).casefold().removesuffix(" id")
    for name, objs in ids.items():
        if name.startswith(stem):
            return objs.get(str(value))
    return None


def _fields(obj: dict[str, Any]) -> set[str]:
    """The fields an object's scalar values are, by their keys (a list under 'result' is
    the rows of an event, no result of its own)."""
    return {f for k, v in obj.items() if not isinstance(v, list) and (f := _key_field(k))}


def _key_field(key: str) -> str | None:
    words = " ".join(_SPLIT.split(key)).casefold()
    if words.endswith(" id") or words == "id":
        return "ref" if words != "id" else None
    return header_field(words)


_Section = tuple[str | None, list, str, dict[str, str]]


def _sections(
    node: Any, name: str | None, depth: int, above: dict[str, str] | None = None
) -> list[_Section]:
    """Lists of result-like objects, each with the name of the object holding it, its kind and
    what it and the objects around it say of its event (gender, round, wind: an event's
    'gender' over its rounds' result lists)."""
    if depth > 12:
        return []
    out: list[_Section] = []
    if isinstance(node, dict):
        here = next((node[k] for k in _EVENT_KEYS if isinstance(node.get(k), str)), name)
        kind = str(node.get("type") or node.get("kind") or "")
        own = {
            f: str(v)
            for k, v in node.items()
            if (f := _fact(k)) and isinstance(v, str | int | float) and not isinstance(v, bool)
        }
        facts = {**(above or {}), **own}
        for key, value in node.items():
            named = key if is_event_title(key) else here  # {"Senior Boys 400m": {...}}
            if isinstance(value, list) and _result_list(value):
                teams = re.search(r"team", key, re.I) or _key_field(key) == "team"  # ('lag')
                k = "team_scores" if teams else kind
                out.append((named, value, k, facts))
            elif isinstance(value, dict | list):
                out.extend(_sections(value, named, depth + 1, facts))
    elif isinstance(node, list) and depth == 0 and _result_list(node):
        for event, items in groupby(node, _event_of):  # the document is the list of results,
            out.append((event or name, list(items), "", above or {}))  # each naming its event
    elif isinstance(node, list):
        for item in node:
            out.extend(_sections(item, name, depth + 1, above))
    return out


# a row's event ('name' is its athlete's)
_ROW_EVENT_KEYS = tuple(k for k in _EVENT_KEYS if k not in ("name", "title"))


def _event_of(item: Any) -> str | None:
    if not isinstance(item, dict):
        return None
    return next((item[k] for k in _ROW_EVENT_KEYS if isinstance(item.get(k), str)), None)


def result_object(obj: dict[str, Any]) -> bool:
    """One object that holds what a result row holds (a name and a result or a place)."""
    return _result_list([obj])


def _result_list(items: list[Any]) -> bool:
    objs = [it for it in items if isinstance(it, dict)]
    if not objs or len(objs) < len(items) / 2:
        return False
    hits = 0
    for o in objs[:20]:
        f = _fields(o) | _nested_fields(o)
        hits += bool(f & (_ROWISH | {"ref"})) and bool(f & _RESULTISH)
    return hits >= max(1, len(objs[:20]) // 2)


def _nested_fields(o: dict[str, Any]) -> set[str]:
    return {f for v in o.values() if isinstance(v, dict) for f in _fields(v)}


def _section(
    name: str | None, items: list, kind: str, ids: dict[str, dict[str, Any]], facts: dict[str, str]
) -> list[Event]:
    rows = [_flat(it, ids) for it in items if isinstance(it, dict)]
    keys: list[str] = []
    for r in rows:
        keys.extend(k for k in r if k not in keys)
    header = Line(keys, keys)
    objs = [it for it in items if isinstance(it, dict)]
    lines = [
        Line([r.get(k, "") for k in keys], [_raw(it)]) for r, it in zip(rows, objs, strict=True)
    ]
    events = read_table([header, *lines], name or "Results", None)
    if kind in ("team", "team_scores", "teams"):
        for ev in events:
            ev.kind = "team_scores"
            for row in ev.rows:  # a team's name under a name's key ('navn')
                row.team, row.athlete = row.team or row.athlete, None
    elif re.search(r"relay", kind, re.I):
        for ev in events:
            ev.kind = "relay"
    for ev in events:
        _told(ev, facts)
    return events or [new_event(name or "Results")]


def _told(ev: Event, facts: dict[str, str]) -> None:
    """What the event's object says of it: its gender ('F', 'women'), round and wind."""
    ev.gender = sex_of(facts.get("gender") or facts.get("sex")) or ev.gender
    if facts.get("round"):
        code = _ROUND_CODES.get(facts["round"].strip().upper())
        ev.round = code or round_of(facts["round"]) or facts["round"]
    wind = parse_wind(facts.get("wind"))[0]
    if wind is not None:
        ev.wind = wind
        for r in ev.rows:
            if r.wind is None and r.wind_raw is None:
                r.wind = wind


def _fact(key: str) -> str | None:
    if key.casefold() in _ROUND_KEYS:
        return "round"
    return _EVENT_FACTS.get(key) or _EVENT_FACTS.get(_key_field(key) or "")


def _scaled(key: str, value: int, unit: str | None) -> str | None:
    """An integer mark in thousandths or hundredths of a second or metre, as printed in seconds
    ('1:02.34') or metres ('6.24'); None when no unit says so."""
    parts = _SPLIT.split(key)
    if unit is None and len(parts) > 1:  # 'timeMs', 'distance_cm': the mark's key, its unit
        key, unit = " ".join(parts[:-1]), parts[-1]
    unit = (unit or "").casefold()
    scale = _SCALE.get(unit)
    if scale is None or _key_field(key) != "mark":
        return None
    amount = value / scale
    if unit in ("cm", "mm"):
        return f"{amount:.2f}"
    minutes, seconds = divmod(amount, 60)
    if not minutes:
        return f"{seconds:.2f}"
    hours, minutes = divmod(int(minutes), 60)
    clock = f"{hours}:{minutes:02d}" if hours else f"{minutes}"
    return f"{clock}:{seconds:05.2f}"


def _flat(obj: dict[str, Any], ids: dict[str, dict[str, Any]]) -> dict[str, str]:
    """An object's values by key, nested objects and referenced ones merged in."""
    out: dict[str, str] = {}
    unit = next((str(obj[k]) for k in _UNIT_KEYS if isinstance(obj.get(k), str)), None)
    for key, value in obj.items():
        scaled = _scaled(key, value, unit) if type(value) is int else None
        if scaled is not None:
            out[" ".join(_SPLIT.split(key))] = scaled
            continue
        if isinstance(value, dict) and _key_field(key) in ("team", "country"):
            named = next((value[k] for k in _NAMING if isinstance(value.get(k), str)), None)
            if named:  # {"team": {"name": "Summit", "code": "SUM"}}: the team is 'Summit'
                out[" ".join(_SPLIT.split(key))] = _text(named)
        elif isinstance(value, dict):
            for k, v in _flat(value, ids).items():
                out.setdefault(k, v)
        elif isinstance(value, list) and _runners(key, value):  # a relay's runners
            names = [_person(v, ids) if isinstance(v, dict) else _text(v) for v in value]
            out["members"] = "; ".join(n for n in names if n)
        elif isinstance(value, str | int | float) and not isinstance(value, bool):
            field = _key_field(key)
            if key.casefold() in ("id", "code"):
                continue  # an entrant's number in the feed ('Code="1001"'), no bib nor year
            if field == "ref":
                target = _target(key, value, ids)
                if target is not None:
                    for k, v in _flat(target, {}).items():
                        out.setdefault(k, v)
                continue
            out[" ".join(_SPLIT.split(key))] = _text(value)
    return out


def _runners(key: str, value: list[Any]) -> bool:
    """A list of a relay's runners: under 'members', 'runners', or several 'athlete' objects."""
    field = _key_field(key)
    return field == "leg" or (field == "athlete" and len(value) > 1)


def _person(obj: dict[str, Any], ids: dict[str, dict[str, Any]]) -> str | None:
    """A runner's name from their object: its name, or its given and family names."""
    by: dict[str, str] = {}
    for k, v in _flat(obj, ids).items():
        if (f := _key_field(k)) in ("athlete", "first", "last"):
            by.setdefault(f, v)
    return by.get("athlete") or " ".join(by[f] for f in ("first", "last") if f in by) or None


def _text(v: str | int | float) -> str:
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else str(v)
    return " ".join(str(v).split())
