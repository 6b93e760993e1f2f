"""Tables copied to text one cell per line (a results table selected in a browser and pasted:
TFRRS, meet sites; empty cells come out as blank lines).

Such a text is a run of records of a fixed number of lines: place, name, class, team, pace,
time, score, then the next place. The period is found from the places themselves: the line
distance at which a place is most often followed by the next place (then the next most common
over the lines left: a page's tables may differ). Every chain of places at that distance is a
section; each record's cells are typed **by column**, from what the column holds across all
records (:mod:`scraper.results.align`'s token shapes, not words of one site):

- a column of names and a column of teams are both text: the team column repeats its values
  (a team has several runners), the name column hardly does;
- a class column holds class words (``SR-4``, ``FR``) or birth years;
- of two time columns the result is the larger, and the other is a pace when the two keep one
  ratio (the distance) down the table; whole numbers before the name are bibs, after the
  result points (a team score, blank for runners who do not score);
- a header printed one word per line just before the first record names the columns instead.

A header the table reader knows (:func:`scraper.results.tablecols.header_columns`) makes the
records below it the rows of a table, read as any table is (:mod:`scraper.results.tablerows`):
its length is the header's, so a page of small tables (one to three records, each table under
its own title and header) is read as well as a long one, and a team-score table under
``PL | TEAM | SCORE`` is team scores.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from itertools import takewhile

from scraper.results.align import shape
from scraper.results.columns import build_row
from scraper.results.headers import field_of
from scraper.results.marks import parse_mark
from scraper.results.model import ResultDoc, Row, new_event, round_of
from scraper.results.sections import is_event_title, is_title, meet_heading, section_name
from scraper.results.statuses import status_of
from scraper.results.tablecols import header_columns
from scraper.results.tablegroups import Line
from scraper.results.tablerows import read_table
from scraper.results.tablewords import header_field

_PLACE = re.compile(r"^(?:[=T]|T-)?(\d{1,4})(?:\.|=|T)?$")  # '53=' '=53' 'T53': a tie
_MAX_PERIOD = 16
_MIN_RECORDS = 3
_TEXT = frozenset({"word", "state", "sex"})
_TIME = frozenset({"time", "decimal", "mark", "status"})
_CLASS = frozenset({"class", "year4", "category"})
_INT = frozenset({"int", "int2", "bib0"})


def parse(text: str) -> ResultDoc:
    doc = ResultDoc(format="stacked")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cells = [ln.strip() for ln in lines]
    places = {i: int(m.group(1)) for i, c in enumerate(cells) if (m := _PLACE.match(c))}
    headed = _headed(cells, places)
    heads: dict[int, Line] = {}
    for head, _, period in headed:
        heads.setdefault(period, head)
    own = {chain[0]: head for head, chain, _ in headed}
    taken = {i for head, chain, period in headed for i in range(chain[0], chain[-1] + period)}
    tables = _tables({i: v for i, v in places.items() if i not in taken}, len(cells))
    spans = sorted([(chain, period) for period, chains in tables for chain in chains])
    spans = sorted(spans + [(chain, period) for _, chain, period in headed])
    if not spans:
        return doc
    records = sum(len(chain) for chain, _ in spans)
    printed = sum(len(c) * p for c, p in spans) + sum(p for _, _, p in headed)  # (and headers)
    if records < _MIN_RECORDS or printed * 2 < sum(map(bool, cells)):
        return doc  # the records must be most of the text, not a few numbers in a page
    columns: dict[int, list[str] | None] = {}
    for period, chains in tables:  # each table's columns: its header, else what they hold
        rows = [cells[i : i + period] for chain in chains for i in chain]
        columns[period] = _header(cells, chains[0][0], period) or _fields(rows, period)
    end = 0
    for chain, period in spans:
        header = own.get(chain[0]) or heads.get(period)  # its header, or its first part's
        top = chain[0] - period if chain[0] in own else chain[0]  # (over its header)
        title = _title(cells, end, top)
        end = chain[-1] + period
        if header is not None:
            table = [header] + [_line(cells, lines, i, period) for i in chain]
            doc.events.extend(read_table(table, title, round_of(title or "")))
            continue
        ev = new_event(title or "Results", round=round_of(title) or "Finals")
        ev.kind = "individual"
        if (fields := columns[period]) is None:
            continue  # columns it cannot tell apart
        for i in chain:
            row = _row(fields, cells[i : i + period], lines[i : i + period])
            if row is not None:
                ev.rows.append(row)
        while end + period <= len(cells) and not cells[end] and fields[0] == "place":
            row = _row(fields, cells[end : end + period], lines[end : end + period])
            if row is None or not row.status or row.athlete is None:
                break  # (a non-finisher after the placed: its place cell blank, its status)
            ev.rows.append(row)
            end += period
        if ev.rows:
            doc.events.append(ev)
    tops = [chain[0] - period for _, chain, period in headed]  # (a header above the first)
    doc.meet = meet_heading(lines[: min([spans[0][0][0], *tops])])
    return doc


def _tables(places: dict[int, int], n: int) -> list[tuple[int, list[list[int]]]]:
    """The runs of records of each record length (a page may hold tables of 6 cells a record
    and of 7: a field event's second mark): the most common length first, then the next over
    the lines left."""
    out: list[tuple[int, list[list[int]]]] = []
    left = dict(places)
    while (period := _period(left)) is not None:
        chains = _chains(left, period, n)
        if out:  # another table: a length of its own, whole tables (from place 1, 3 or more)
            chains = [c for c in chains if places[c[0]] == 1 and len(c) >= _MIN_RECORDS]
        if not chains or any(period == p for p, _ in out):
            break
        out.append((period, chains))
        covered = {i for chain in chains for i in range(chain[0], chain[-1] + period)}
        left = {i: v for i, v in left.items() if i not in covered}
    return out


def _period(places: dict[int, int]) -> int | None:
    """The line distance at which a place is most often followed by the next one."""
    counts: Counter[int] = Counter()
    for i, v in places.items():
        for p in range(3, _MAX_PERIOD + 1):
            if places.get(i + p) in (v, v + 1):
                counts[p] += 1
    if not counts:
        return None
    period, n = counts.most_common(1)[0]
    return period if n >= _MIN_RECORDS - 1 else None


def _chains(places: dict[int, int], period: int, n: int) -> list[list[int]]:
    """Runs of record starts ``period`` lines apart whose places go up by one (or tie); the
    longest first (by the places it counts up), so that a column of numbers inside the records
    (a team score, a flight) never starts a run of its own."""
    runs: list[list[int]] = []
    for i in sorted(places):
        if places.get(i - period) in (places[i], places[i] - 1):
            continue  # inside a run that starts earlier
        run = _chain(places, i, period)
        if len(run) >= 2:
            runs.append(run)
    taken: list[tuple[int, int]] = []
    # places that go up before a column of ties ('1' of a flight in every record)
    for run in sorted(runs, key=lambda r: (len({places[i] for i in r}), len(r)), reverse=True):
        lo, hi = run[0], run[-1] + period
        if all(hi <= a or b <= lo for a, b in taken):
            taken.append((lo, hi))
    return sorted([list(range(lo, hi, period)) for lo, hi in taken], key=lambda chain: chain[0])


def _headed(cells: list[str], places: dict[int, int]) -> list[tuple[Line, list[int], int]]:
    """The tables printed under a header, one column name per line (``PLASSERING``,
    ``RESULTAT``, ``NAVN``, ``KLUBB``), each with the starts of its records: the header's
    length apart, each opening with the next place. Their header, their records, their length."""
    out: list[tuple[Line, list[int], int]] = []
    end = 0
    for p in sorted(places):
        if p < end:
            continue
        top = p
        while top > end and p - top < _MAX_PERIOD and _label(cells[top - 1]):
            top -= 1
        # the header's length: the one its records follow longest (the labels above it may
        # be a section's, 'Girls' over 'Pos | School | Points'), else all the labels
        found = [(len(c), k, c) for k in range(p - top, 2, -1) if (c := _chain(places, p, k))]
        if not found:
            continue
        _, k, chain = max(found)
        if header_columns(head := cells[p - k : p]) is None:
            continue
        while (at := chain[-1] + k) + k <= len(cells) and not cells[at] and _status(cells, at, k):
            chain.append(at)  # a non-finisher after the placed: its place cell blank
        out.append((Line(head, head), chain, k))
        end = chain[-1] + k
    return out


def _status(cells: list[str], at: int, period: int) -> bool:
    return any(status_of(c) for c in cells[at : at + period])


def _chain(places: dict[int, int], first: int, period: int) -> list[int]:
    chain = [first]
    while places.get(chain[-1] + period) in _next_places(places, chain):
        chain.append(chain[-1] + period)
    return chain


def _label(cell: str) -> bool:
    """A line that may be a column's name: a header word, or a few words without digits."""
    if not cell or _PLACE.match(cell):
        return False
    if header_field(cell) is not None:
        return True
    return (
        len(cell) <= 25
        and len(cell.split()) <= 3
        and not any(c.isdigit() for c in cell)
        and not cell.endswith(":")
        and not is_event_title(cell)
    )


def _line(cells: list[str], lines: list[str], at: int, period: int) -> Line:
    return Line(cells[at : at + period], [r.rstrip() for r in lines[at : at + period]])


def _next_places(places: dict[int, int], run: list[int]) -> tuple[int, ...]:
    """The places the record after a run's last may hold: the same (a tie), the next, or the
    next after a tie of several ('53=', '53=', then 55)."""
    last = places[run[-1]]
    tied = sum(1 for _ in takewhile(lambda i: places[i] == last, reversed(run)))
    return (last, last + 1, last + tied)


def _header(cells: list[str], first: int, period: int) -> list[str] | None:
    """Column names printed one per line right above the first record."""
    head = cells[first - period : first] if first >= period else []
    fields = [field_of(c) for c in head]
    if not head or sum(f is not None for f in fields) * 3 < period * 2:
        return None
    return [f or f"x:{c.casefold()}" for f, c in zip(fields, head, strict=True)]


def _kind(values: list[str]) -> str:
    """What a column holds: text, class, time, int, or mixed."""
    seen: Counter[str] = Counter()
    for v in values:
        words = v.split()
        shapes = {shape(w) for w in words}
        if len(words) > 1 and shapes & _TEXT or shapes <= _TEXT:
            seen["text"] += 1
        elif len(words) == 1 and shapes <= _CLASS:
            seen["class"] += 1
        elif len(words) == 1 and shapes <= _TIME:
            seen["time"] += 1
        elif len(words) == 1 and shapes <= _INT:
            seen["int"] += 1
        else:
            seen["other"] += 1
    if not seen:
        return "empty"
    kind, n = seen.most_common(1)[0]
    return kind if n * 5 >= sum(seen.values()) * 4 else "mixed"


def _fields(records: list[list[str]], period: int) -> list[str] | None:
    """Each column's field, from what it holds across the records (see the module doc)."""
    columns = [[r[j] for r in records if j < len(r) and r[j]] for j in range(period)]
    kinds = [_kind(c) for c in columns]
    fields = ["place"] + [f"x:{j}" for j in range(1, period)]
    text = [j for j in range(1, period) if kinds[j] == "text"]
    if not text:
        return None
    distinct = {j: len(set(columns[j])) / len(columns[j]) for j in text}
    athlete = max(text, key=lambda j: (distinct[j], -j))
    fields[athlete] = "athlete"
    teams = [j for j in text if j != athlete and distinct[j] < 0.8]
    if teams:
        fields[teams[0]] = "team"
    for j in range(1, period):
        if kinds[j] == "class":
            fields[j] = "year"
    times = [j for j in range(1, period) if kinds[j] == "time"]
    if not times:
        return None
    medians = {j: _median(columns[j]) for j in times}
    mark = max(times, key=lambda j: medians[j])
    fields[mark] = "mark"
    for j in times:
        if j != mark:
            fields[j] = "pace" if _steady_ratio(records, mark, j) else "x:time_2"
    for j in range(1, period):
        if kinds[j] in ("int", "empty") and fields[j].startswith("x:"):
            fields[j] = "bib" if j < athlete else ("points" if j > mark else fields[j])
    return fields


def _median(values: list[str]) -> float:
    nums = [v for v in (parse_mark(x).value for x in values) if v is not None]
    return statistics.median(nums) if nums else 0.0


def _steady_ratio(records: list[list[str]], a: int, b: int) -> bool:
    """Column b is column a divided by one distance all the way down (a pace)."""
    ratios = []
    for r in records:
        if max(a, b) < len(r):
            x, y = parse_mark(r[a]).value, parse_mark(r[b]).value
            if x and y:
                ratios.append(x / y)
    return len(ratios) >= 2 and statistics.pstdev(ratios) < 0.02 * statistics.mean(ratios)


def _row(fields: list[str], cells: list[str], raw: list[str]) -> Row | None:
    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    for f, c in zip(fields, cells, strict=False):
        if not c:
            continue
        if f.startswith("x:"):
            extra[f[2:]] = c
        else:
            values[f] = c
    row = build_row(values, None, "Finals", False, raw=[r.rstrip() for r in raw])
    if row is not None and extra:
        row.extra.update(extra)
    return row


def _title(cells: list[str], start: int, first: int) -> str | None:
    """The section's name: the title lines just above its first record (after ``start``, the
    end of the section before)."""
    titles: list[str] = []
    for c in reversed(cells[max(start, first - 12) : first]):
        if _PLACE.match(c) or field_of(c):
            continue
        if is_title(c):
            titles.insert(0, c)
        if len(titles) == 2:
            break
    return section_name(titles)
