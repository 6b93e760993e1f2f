"""One table's rows grouped into sections: by the event, sex and round columns a table of many
events names them in, and a section's rows by heat when they come heat by heat."""

from __future__ import annotations

from dataclasses import dataclass

from scraper.results.categories import category_of
from scraper.results.markcells import mark_text
from scraper.results.marks import parse_mark
from scraper.results.model import Event, new_event, sex_of
from scraper.results.resultlike import RECORD_LABELS
from scraper.results.tablecols import Column, place_of
from scraper.results.tablewords import EVENT_COLUMNS


@dataclass(slots=True)
class Line:
    """One row of a table: the cells as read (spans filled, a cell's first view) and as its
    source shows them (``Row.raw``)."""

    cells: list[str]
    raw: list[str]
    note: str = ""  # a title printed on the row of its place ('und Süddeutsche Meisterin 2017')


def records_rows(lines: list[Line]) -> bool:
    """Every row opens with a record's label ('Facility | 12.91 | Dana Whitcombe | 2019'): a
    table of records, printed without a heading over the results."""
    firsts = [next((c for c in ln.cells if c.strip()), "") for ln in lines]
    return all(f.split() and f.split()[0].casefold().rstrip(":") in RECORD_LABELS for f in firsts)


def event_column(header: list[Column] | None, rows: list[list[str]]) -> int | None:
    """The column naming each row's event ('Event', 'Disziplin', 'Race'), if the header has one;
    a 'Race' column only when each race's rows come together (not a runner's race beside an
    overall ranking)."""
    cols = header or []
    place = next((k for k, c in enumerate(cols) if c.field == "place"), None)
    for j, c in enumerate(cols):
        if c.field in (None, "race") and c.label.casefold() in EVENT_COLUMNS:
            return j if c.field is None or _races(rows, j, place) else None
    return None


def _races(rows: list[list[str]], j: int, place: int | None) -> bool:
    """Two races or more, each value of column j (a blank: the one above) one run of rows whose
    places start again at 1 (not a runner's race beside an overall ranking)."""
    seen: list[str] = []
    for row in rows:
        v = row[j].strip() if j < len(row) else ""
        if v and (not seen or v != seen[-1]):
            first = row[place].strip() if place is not None and place < len(row) else "1"
            if v in seen or first.rstrip(".") not in ("1", ""):
                return False
            seen.append(v)
    return len(seen) >= 2


def by_event(
    block: list[Line], at: int | None, sex: int | None, rd: int | None
) -> list[tuple[tuple[str, str, str], list[Line]]]:
    """A table of many events: its rows grouped by their event's cell (blanked; a blank cell
    is the event of the row above), their sex's and their round's when columns give them (the
    men's 100m and the women's, its prelims and its final are apart; the girls' team scores and
    the boys'), in the order they come."""
    groups: dict[tuple[str, str, str], list[Line]] = {}
    name = ""
    for ln in block:
        name = (ln.cells[at].strip() if at is not None and at < len(ln.cells) else "") or name
        sexed = ln.cells[sex].strip() if sex is not None and sex < len(ln.cells) else ""
        stage = ln.cells[rd].strip() if rd is not None and rd < len(ln.cells) else ""
        cells = [c if k != at else "" for k, c in enumerate(ln.cells)]
        groups.setdefault((name, sexed, stage), []).append(Line(cells, ln.raw, ln.note))
    return list(groups.items())


def by_heat(ev: Event) -> list[Event]:
    """A section whose rows come heat by heat (a heat column printed once per heat): one section
    per heat.  Heats interleaved (a timed final ranked across heats) stay one section."""
    groups = [(r.heat, r.extra.get("heat")) for r in ev.rows]
    runs = 1 + sum(a != b for a, b in zip(groups, groups[1:], strict=False))
    if len(set(groups)) < 2 or runs != len(set(groups)):
        return [ev]
    out: list[Event] = []
    last = None
    for r, group in zip(ev.rows, groups, strict=True):
        if group != last:
            last = group
            part = new_event(ev.name, round=ev.round, heat=r.heat, wind=ev.wind)
            part.gender, part.kind, part.division = ev.gender, ev.kind, ev.division
            out.append(part)
        out[-1].rows.append(r)
    return out


def sex_column(header: list[Column] | None, rows: list[list[str]], events: bool) -> int | None:
    """The column naming each row's gender: in a table of many ``events`` its 'Sex' column, or
    a column of categories that carry it ('Age Grp': U15B, SW) whose rankings start again; in
    any table a column of gender words whose rankings start again ('Division': the girls' team
    scores from 1, then the boys' from 1)."""
    cols = list(enumerate(header or ()))
    named = next((j for j, c in cols if c.field == "sex"), None)
    if events and named is not None:
        return named
    worded = [j for j, c in cols if c.field in ("category", "sex")]
    at = next((j for j, c in cols if c.field == "place"), None)
    if not worded or not (events or at is not None):
        return None
    firsts = sum(1 for r in rows if at is not None and at < len(r) and place_of(r[at]) == 1)
    for j in worded:
        values = {r[j].strip() for r in rows if j < len(r) and r[j].strip()}
        if values and all(len(v) > 1 and sex_of(v) for v in values) and (events or firsts >= 2):
            return j
        if events and firsts >= 2 and len(values) >= 2 and all(column_gender(v) for v in values):
            return j  # age groups that carry the gender: 'U15B', 'SW' beside an event column
    return None


def column_gender(value: str) -> str | None:
    """The gender a sex word or a category code names ('Girls', 'U15B', 'SW', 'W40')."""
    category = category_of(value)
    return sex_of(value) or (category.gender if category else None)


def carry_places(block: list[Line]) -> list[Line]:
    """A row of a place and at most a title, over a result row without a place: one result."""
    out: list[Line] = []
    carry: tuple[int, str, str] | None = None
    for ln in block:
        filled = [(j, c.strip()) for j, c in enumerate(ln.cells) if c.strip()]
        marks = any(parse_mark(mark_text(c)).value is not None for _, c in filled[1:])
        if filled and len(filled) <= 2 and place_of(filled[0][1]) is not None and not marks:
            j, place = filled[0]
            note = filled[1][1] if len(filled) > 1 else ""
            carry = (j, place, note)
            continue
        if carry is not None and carry[0] < len(ln.cells) and not ln.cells[carry[0]].strip():
            cells = list(ln.cells)
            cells[carry[0]] = carry[1]
            out.append(Line(cells, ln.raw, carry[2]))
        else:
            out.append(ln)
        carry = None
    return out
