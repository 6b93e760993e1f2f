"""Rows of one table (HTML, spreadsheet, CSV, Word) -> events.

A row whose cells name columns is a header (:func:`scraper.results.tablecols.header_columns`);
its cells that name no column but an event or a class (``Menn senior | 3000m | Fødselsår ...``)
name the section.  A row of one or two text cells is a section label (``Boys Individuals``,
``Official Team Scores``, ``10 km Straßengehen Frauen | Mannschaften weiblich``) or a round
(``Finals:``); ``Label: value`` rows before the results fill the meet (:mod:`meetinfo`); the rows
between, read with the columns of :func:`scraper.results.tablecols.plan`.

Across rows: a row of a place alone gives its place to the row under it; a team table's rows with
no place under a team are its members; rows of teams with marks and no athletes are a relay's.
"""

from __future__ import annotations

import re

from scraper.results.blocks import choose_time_column
from scraper.results.categories import category_of
from scraper.results.columns import build_row
from scraper.results.markcells import mark_parts, mark_text
from scraper.results.marks import RECORD_FLAGS, parse_mark, wind_in
from scraper.results.meetinfo import day_of, meet_columns, names_meet, read_meta, strip_results
from scraper.results.model import (
    Event,
    Meet,
    Row,
    gender_of,
    new_event,
    round_of,
    sex_of,
    unit_hint_of,
)
from scraper.results.rowlines import legs, members_of, next_leg, runners_of, two_lines
from scraper.results.runnerlines import leg_row
from scraper.results.sections import heat_of, is_event_title
from scraper.results.statuses import status_of
from scraper.results.tablecols import Column, header_columns, place_of, plan
from scraper.results.tablegroups import (
    Line,
    by_event,
    by_heat,
    carry_places,
    column_gender,
    event_column,
    sex_column,
)
from scraper.results.tablesides import unfold
from scraper.results.tablewords import ROUND_COLUMNS, header_field, is_team_title, title_gender

_LETTERS = re.compile(r"[^\W\d_]{2}")
_BIRTH = re.compile(r"^(?P<name>.*?\S)\s*\((?P<year>(?:19|20)\d\d)\)$")
_CLUB = re.compile(r"^(?P<name>[^()]*?[^\W\d]\S*)\s*\((?P<team>[^\W\d_][^()]{1,60})\)$")
_STATUS_IN_PLACE = re.compile(r"\b(DNF|DNS|DQ|DSQ|DISQ|NM|NT|SCR|DNC|aufg|ab|abandon)\b", re.I)


# the fields build_row reads into a Row's own attributes
_BUILT = frozenset(
    ("place", "athlete", "team", "country", "relay", "year", "bib", "mark", "finals", "prelims")
    + ("seed", "wind", "heat", "lane", "points", "pace", "divtot", "sex", "reaction", "overall")
    + ("qual", "tiebreak")
)


def read_table(
    lines: list[Line], title: str | None, rnd: str | None, meet: Meet | None = None
) -> list[Event]:
    events: list[Event] = []
    header: list[Column] | None = None
    ev: Event | None = None
    block: list[Line] = []
    teams = False  # the header is a team table's (Rank | Team | Score | ...)

    def start(name: str | None) -> Event:
        e = new_event(name or title or "Results", round=rnd or round_of(name or "") or "Finals")
        e.gender = e.gender or title_gender(e.name) or title_gender(title)
        if e.gender is None and events:
            e.gender = events[-1].gender  # a section under a gendered one (its team scores)
        if e.kind == "individual" and is_team_title(e.name):
            e.kind = "team_scores"
        events.append(e)
        return e

    def flush() -> None:
        nonlocal ev
        meet_columns([c.label for c in header or ()], [ln.cells for ln in block], meet)
        at = event_column(header, [ln.cells for ln in block])
        sex = sex_column(header, [ln.cells for ln in block], at is not None)
        rd = next(
            (j for j, c in enumerate(header or ()) if c.label.casefold() in ROUND_COLUMNS), None
        )
        rd = rd if rd is not None else _named_rounds(header, [ln.cells for ln in block])
        whole = [((None, "", ""), block)]
        groups = by_event(block, at, sex, rd) if at is not None or sex is not None else whole
        for k, ((name, sexed, stage), group) in enumerate(groups):
            if name and sexed and category_of(sexed):
                name = f"{sexed} {name}"  # the age group's event: 'U15B 100m'
            if name or ev is None:
                ev = start(name or title)
                ev.kind = "team_scores" if teams else ev.kind
            elif at is None and k > 0:  # the boys' rows after the girls': a section of its own
                kind = ev.kind
                ev = start(ev.name)
                ev.kind = kind
            ev.gender = column_gender(sexed) or ev.gender  # 'Event;Sex;...': its rows'
            ev.round = round_of(stage) or ev.round  # ';Round;' 'Prelims' / 'Final'
            _read_block(ev, header, group)
            choose_time_column(ev.rows)  # gun or chip: the one the places follow
        block.clear()

    for line in unfold(lines):
        if not any(c.strip() for c in line.cells):
            continue
        if meet is not None and not any(e.rows for e in events) and read_meta(line.cells, meet):
            continue
        hdr = header_columns(line.cells)
        if hdr is not None:
            flush()
            header = hdr
            lead = next((j for j, c in enumerate(hdr) if c.field is not None), len(hdr))
            named = [c.label for c in hdr[:lead] if _titleish(c.label)]  # before the columns:
            if named:  # 'Menn senior | 3000m | Fødselsår ...' (after: a combined event's events)
                ev = start(" ".join(named))
            elif ev is None or ev.rows:
                ev = start(title if ev is None else ev.name)
            fields = {c.field for c in hdr}
            times = [c.label for c in hdr if c.field == "mark"]  # a team's time: its runners'
            runs = [c for c in hdr if c.field == "leg"]  # 'Leg 1' .. 'Leg 4': a relay's runners
            teams = {"team", "points"} <= fields and "athlete" not in fields and len(runs) < 2
            teams = teams and all(_TEAM_TIME.match(t) for t in times)  # ('Leg 1' ..: a relay's)
            if teams:
                ev.kind = "team_scores"  # Rank | Team | Score (| 1 2 3 4 5 ...| Total Time)
            continue
        label: str | None = _section_label(line.cells)
        if label and meet is not None and not any(e.rows for e in events) and _meets(label, meet):
            continue
        if label:
            said, bare = wind_in(label)  # 'Heat 2   Wind: -1.1' across the table
            r = round_of(bare)
            if r and len(bare) < 25 and not is_event_title(bare):  # 'Finals' alone
                heat = heat_of(bare)
                rnd = rnd if heat is not None and r == "Heats" and rnd else r  # (under 'Finals')
                if heat is not None or said is not None:
                    flush()  # a heat's rows, with its number and wind (the first: the table's)
                    ev = start(ev.name if ev is not None else title)
                    ev.heat, ev.wind = heat, said
                if ev is not None:
                    ev.round = rnd
                continue
            flush()
            wind, label = wind_in(label)  # '100m Men Final (wind +0.6)'
            ev = start(label if is_event_title(label) or not title else f"{title} {label}")
            ev.wind = wind
            continue
        block.append(line)
    flush()
    return [h for e in events if e.rows for h in by_heat(e)]


def _meets(label: str, meet: Meet) -> bool:
    """A title line over the results that names the meet (or dates it) fills the meet."""
    raw, day = day_of(label)
    race = title_gender(label) or is_event_title(label) and gender_of(label)  # "Women's 6K"
    if meet.name is None and names_meet(label) and not race:
        meet.name = strip_results(label.replace(raw, " ").strip(" ,-–") if day and raw else label)
        if day and meet.date is None:  # 'Tidewater Relays | 6/14/2025'
            meet.date_raw, meet.date = raw, day
        return True
    if day and meet.date is None and len(label) < 120:
        meet.date_raw, meet.date = raw, day
        return True
    return False


_TEAM_TIME = re.compile(r"^(?:total|avg\.?|average|team|combined|cumulative)\b", re.I)


def _titleish(text: str) -> bool:
    return bool(text) and (is_event_title(text) or bool(title_gender(text)))


def _one_a_line(cell: str) -> list[str] | None:
    """A cell's lines, two or more, each with a word: a relay's runners one to a line."""
    lines = [p.strip() for p in cell.split("\n") if p.strip()]
    return lines if len(lines) > 1 and all(_LETTERS.search(p) for p in lines) else None


def _section_label(cells: list[str]) -> str | None:
    if any("\n" in c and runners_of(c) for c in cells):
        return None  # a relay team's runners one to a line, under its row
    filled = list(dict.fromkeys(" ".join(c.split()) for c in cells if c.strip()))
    if not 1 <= len(filled) <= 2:
        return None
    for c in filled:
        if place_of(c) is not None or parse_mark(mark_text(c)).value is not None or status_of(c):
            return None  # a result: its place, its mark or its status ('Eastlake | DQ')
        if members_of(c) and not _titleish(c):
            return None  # a relay team's runners, under its row (not 'Kugelstoßen Männer / U18')
        if len(c) > 90 or header_field(c, loose=False) is not None:
            return None
    return " ".join(filled).rstrip(":")


def _named_rounds(header: list[Column] | None, rows: list[list[str]]) -> int | None:
    """A heat's column whose cells name their round ('Serie': 'Serie 1', 'Serie 2'), read as a
    round's column; None for heats numbered alone ('Heat': '1', '2')."""
    for j, c in enumerate(header or ()):
        cells = [r[j] for r in rows if j < len(r) and r[j].strip()]
        if c.field == "heat" and cells and all(round_of(v) for v in cells):
            return j
    return None


def _read_block(ev: Event, header: list[Column] | None, block: list[Line]) -> None:
    lines = carry_places(block)
    if not lines:
        return
    team = ev.kind == "team_scores"
    unit = "points" if team else unit_hint_of(ev.name)
    at = next((j for j, c in enumerate(lines[0].cells) if c.strip()), 0)
    heads = ([ln for ln in lines if _placed(ln, at)] if team else lines) or lines
    cols = plan(header, [ln.cells for ln in heads], unit)
    fields = {c.field for c in cols}
    if any(c.field == "mark" and re.search(r"\bkm\b", c.label, re.I) for c in cols):
        unit = "km"  # 'Distance (km)': a timed race's distances, in kilometres
    legs_column = [c for c in cols if c.field == "leg"]  # 'Athletes': the names, but a relay
    named = fields & {"athlete", "first", "last"}  # team's runners under a relay's title
    if len(legs_column) == 1 and not named and (ev.kind != "relay" or "team" not in fields):
        legs_column[0].field = None if ev.kind == "team_scores" else "athlete"  # (its scorers)
        fields = {c.field for c in cols}
    if ev.kind == "individual" and "team" in fields and not fields & {"athlete", "first", "last"}:
        ev.kind = "relay"  # rows of teams with a time: a relay
    last: Row | None = None
    for ln in lines:
        if team and heads is not lines and not _placed(ln, at):
            if last is not None:
                _add_member(last, ln, ev.kind == "relay")
            continue
        filled = list(dict.fromkeys(c for c in ln.cells if c.strip()))  # (a span's copies: one)
        if filled and _RECORD_LABEL.match(filled[0].strip()):
            continue  # 'World record | Amarantha Quell (USA) | 10.49 | ...': a record, no result
        if last is not None and not _placed(ln, at) and (leg := leg_row(filled)) is not None:
            last.relay_members.append(leg)  # 'Leg 2 | Daniel Vickery | 17:26' under its team
            ev.kind = "relay"
            continue
        runners = runners_of(filled[0]) if len(filled) == 1 and not team else None
        if runners and last is not None and (ev.kind == "relay" or last.athlete is None):
            last.relay_members.extend(legs(runners))
            continue  # 'Smith, Andy; Doe, Bob; ...' under the team's row
        row = _row(cols, ln, ev, unit)
        if row is None and ev.kind == "relay" and last is not None:
            _add_member(last, ln, True)  # a runner's row under its team's
        if row is not None and last is not None and next_leg(last, row):
            names = [m["athlete"] for m in row.relay_members]
            last.relay_members.extend(legs(names, len(last.relay_members) + 1))
            continue
        if row is not None:
            if row.wind is None and row.wind_raw is None:
                row.wind = ev.wind  # the wind the section's title names
            ev.rows.append(row)
            last = row
    sexes = {sex_of(r.extra.get("sex")) for r in ev.rows}
    if ev.gender is None and len(sexes) == 1:
        ev.gender = sexes.pop()


# a records table's row label: 'World record', 'Games Record', 'World leading' (not 'Jane Best')
_RECORD_LABEL = re.compile(r"(?:[^\W\d_][\w'’.-]*\s+){1,3}(?:[Rr]ecords?|best|leading)$")


def _placed(ln: Line, at: int) -> bool:
    return at < len(ln.cells) and place_of(ln.cells[at]) is not None


def _row(cols: list[Column], ln: Line, ev: Event, unit: str | None) -> Row | None:
    cells: dict[str, str] = {}
    extra: dict[str, str] = {}
    mark_col: Column | None = None
    lined: dict[str, list[str]] = {}  # a cell's lines ('Ann Lee<br>Ox AC'), by field
    runners: list[str] = []  # 'Leg 1' .. 'Leg 4' columns
    for j, v in enumerate(ln.cells):
        if "\n" in v and j < len(cols) and cols[j].field == "athlete":
            named, _, rest = v.strip().partition("\n")
            if rest.strip()[:1].isdigit():  # 'Holly BRENNAN' over '10 parkruns': a count
                v, extra["athlete_note"] = named, " ".join(rest.split())
        if "\n" in v and j < len(cols) and cols[j].field in ("athlete", "team"):
            lined.setdefault(cols[j].field or "", v.split("\n"))
        as_printed, v = v, " ".join(v.split())
        if not v or j >= len(cols):
            continue
        c = cols[j]
        if c.field == "leg":
            runners.extend(members_of(v) or _one_a_line(as_printed) or [v])  # 'Leg 1' .. 'Leg 4',
            continue  # or one 'Athletes' cell: 'Noah Taylor<br>Oscar Evans ...'
        if c.field is None:
            if v in ("Q", "q") or v.upper().lstrip("=") in RECORD_FLAGS:
                cells["qual"] = f"{cells['qual']} {v}" if "qual" in cells else v
            elif c.label:
                extra[c.label] = v
            continue
        if c.field in cells:
            continue
        if c.field in ("mark", "points"):
            mark_col = c
        if c.field == "place" and place_of(v) is not None:
            v = str(place_of(v))  # '1位', '3rd', '=3'
        elif c.field == "heat":
            v = re.sub(r"^\D*(\d+)\D*$", r"\1", v)  # '1組', 'Heat 2'
            if not v.isdigit():
                extra["heat"] = v  # a group named, not numbered ('対抗')
        cells[c.field] = v
    members = runners or two_lines(cells, lined, ev.kind)
    stated = status_of(cells.pop("status", ""))  # a column of its own ('status': 'DNF')
    status = _place_status(cells) or stated
    if status and not cells.get("mark"):
        cells["mark"] = status  # 'DNS' in the place cell, the mark cell empty: the row's result
    first, last = cells.pop("first", None), cells.pop("last", None)
    if first or last:  # 'Prénom' beside 'Nom', 'Vorname' beside 'Name': the name's halves
        cells["athlete"] = " ".join(x for x in (first, cells.get("athlete"), last) if x)
    year = None
    for f in ("athlete", "team"):
        m = _BIRTH.match(cells.get(f, ""))
        if m:
            cells[f], year = m["name"], m["year"]
    club = _CLUB.match(cells.get("athlete", "")) if ev.kind != "relay" else None  # (a relay's
    if club:  # name is its team's: 'Bellhaven (CO)'); 'Anna Berger (LG Nord)': the club in
        field = "category" if category_of(club["team"]) else "team"  # brackets; 'Eva Roth (W35)'
        if field not in cells:
            cells["athlete"], cells[field] = club["name"], club["team"]
    if ev.kind == "team_scores" and cells.get("points") and cells.get("mark"):
        extra["time"] = cells.pop("mark")  # 'Score' beside 'Total Time': the score's the result
    printed = cells.get("mark")
    if printed is not None:
        printed, wind, other = mark_parts(printed)  # '10.01 (+2.4)', "6.34m 20' 9.5\""
        if wind and not cells.get("wind"):
            cells["wind"] = wind
        if other:
            extra["mark_2"] = other
        cells["mark"] = mark_text(printed, mark_col.clock if mark_col else None)
    relay = ev.kind != "individual"
    row = build_row(cells, unit, ev.round, relay, raw=list(ln.raw))
    if row is None:
        return None
    if printed is not None and row.mark_raw != printed:
        row.mark_raw = printed  # read as it means (41.54 -> 41:54), kept as printed
    if status and row.status is None:
        row.status, row.mark, row.unit, row.timing = status, None, None, None
    if row.mark_raw is None and row.status is None and ev.kind != "team_scores":
        return None  # a place and a name but no result (parkrun's 'Unknown' finishers)
    if row.status:
        row.place = None
    if year and row.year is None:
        row.year = year
    row.relay_members = row.relay_members or legs(members)
    for k, v in cells.items():
        if k == "note" and _flags(v):
            row.flags.extend(f for f in _flags(v) if f not in row.flags)  # 'PB!!', 'SB'
        elif k not in _BUILT:
            row.extra[k] = v  # category, chip time, laps, race, note ...
    row.extra.update(extra)
    if ln.note:
        row.extra["note"] = ln.note
    if ev.kind == "team_scores":
        row.athlete = None
        row.points = row.mark if row.unit == "points" else row.points
    return row


def _flags(note: str) -> list[str]:
    words = [w.strip("!.*()") for w in note.split()]
    return (
        [w.upper() for w in words]
        if words and all(w.upper().lstrip("=") in RECORD_FLAGS for w in words)
        else []
    )


def _place_status(cells: dict[str, str]) -> str | None:
    """A status written in the place cell ('DNF', '1000 dnf'): the row has no place."""
    p = cells.get("place")
    if p is None or place_of(p) is not None:
        return None
    m = _STATUS_IN_PLACE.search(p)
    st = status_of(m.group(1)) if m else status_of(p)
    st = st or ("DNF" if m and m.group(1).casefold() == "ab" else None)  # French 'AB' (abandon)
    if st:
        del cells["place"]
        if not cells.get("mark") or parse_mark(mark_text(cells["mark"])).status is None:
            return st
    return None


def _add_member(team: Row, ln: Line, relay: bool) -> None:
    names = [c.strip() for c in ln.cells if re.search(r"[^\W\d_]{2}", c) and len(c.split()) >= 2]
    if names and relay and len(names[0].split()) <= 4:  # a relay's runner: its next leg
        team.relay_members.extend(legs(names[:1], len(team.relay_members) + 1))
    elif names:
        team.extra.setdefault("members", []).append(names[0])
        team.extra.setdefault("members_raw", []).append(list(ln.raw))
