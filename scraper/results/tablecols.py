"""Which field each column of a table holds: from its header word where there is one
(:func:`scraper.results.tablewords.header_field`, several languages), else from what its cells
hold across the rows (places in sequence, bibs, names, class or birth years, sex, age categories,
marks, winds).  Also the column-wide readings of marks that a single cell cannot settle:

- a mark column's notation of times (:func:`scraper.results.markcells.clock_of`);
- of two time columns (gun and chip, a race time beside a split), the result is the header's
  ``Time``/``Gun`` column, else the one in the order of the places (and a section whose places
  follow the chip time takes that one: :func:`scraper.results.blocks.choose_time_column`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.results.align import PLACE
from scraper.results.categories import category_of
from scraper.results.columns import is_year
from scraper.results.markcells import clock_of, mark_parts, mark_text
from scraper.results.marks import RECORD_FLAGS, looks_like_mark, parse_mark
from scraper.results.model import round_of
from scraper.results.sections import is_event_title
from scraper.results.statuses import status_of
from scraper.results.tablewords import header_field, header_word

_INT = re.compile(r"^\d{1,6}$")
_BIRTH_YEAR = re.compile(r"^(?:19|20)\d\d$")
_SEX = {
    "m",
    "f",
    "w",
    "h",
    "d",
    "k",
    "x",
    "male",
    "female",
    "men",
    "women",
    "man",
    "woman",
    "homme",
    "femme",
    "männlich",
    "weiblich",
    "mann",
    "frau",
    "kvinne",
}
# age/sex categories: MV40, VW50-54, SM25-29, JM10, VM100+, M35, W45, U20, U15B, SEH, M1H, M0F, MS
_CATEGORY = re.compile(
    r"^(?:[MWFKVSJ]{1,2}[VSJ]?\d{2,3}(?:[-–]\d{2,3})?\+?|U\d{2}[A-Z]?|[A-Z]{1,2}\d?[HF]|"
    r"[MWF][SJV]|(?:SE|ES|JU|CA|MI|BE|PO|V\d)[HF]|SEN|SNR|JNR|JUN|VET|YTH|MAS)$"
)
_PARA_CLASS = re.compile(r"^[TF](?:1[1-3]|20|3[1-8]|4[0-7]|5[1-7]|6[1-4])$")
_WIND = re.compile(r"^[+-]\d{1,2}[.,]\d$")
_TOTAL = re.compile(r"^\s*(?:tot(?:al|\.)?|total points|points total)\s*$", re.I)  # the result


@dataclass(slots=True)
class Column:
    field: str | None  # place, athlete, team, ..., None: kept as extra under its label
    label: str  # the header text, or the field
    clock: str | None = None  # a mark column's notation of times: 'dot' (41.54), 'prime'


def place_of(text: str | None) -> int | None:
    """'3' '3.' '3rd' '3位' '=3' 'T3' 'T-3' -> 3; a medal's image, by its alt text ('3rd place,
    bronze medalist(s)')."""
    t = (text or "").strip()
    m = PLACE.match(t) or _PLACE_WORDS.match(t)
    return int(m.group(1)) if m else None


_PLACE_WORDS = re.compile(r"(\d{1,3})(?:st|nd|rd|th)\s+place\b", re.I)


def _kind(v: str) -> str:
    t = v.strip()
    if not t or t.strip("-–—*") == "":
        return "empty"  # (a dash: nothing printed, as a DNF's place)
    if _BIRTH_YEAR.match(t):
        return "birthyear"
    if _PARA_CLASS.match(t):
        return "category"  # a para athlete's class: 'T13', 'F33' (not a tie's place)
    if PLACE.match(t):
        return "int" if _INT.match(t) else "place"
    if t.casefold() in _SEX:
        return "sex"
    if _CATEGORY.match(t):
        return "status" if status_of(t) else "category"  # ('DNF', 'DNS': no category)
    if _WIND.match(t):
        return "wind"
    if is_year(t) or re.match(r"^\d{1,2}\s*年$", t):
        return "year"
    if t in ("Q", "q") or all(w.upper().lstrip("=") in RECORD_FLAGS for w in t.split()):
        return "flag"
    if looks_like_mark(mark_text(t)) or "(" in t and mark_parts(t)[1] is not None:
        return "mark"  # (with its wind after it: '14m56 (+2.1)')
    if re.match(r"^/?\d{1,4}\.?\s+\S{1,8}$", t):  # '/1. U20': place in the age category
        return "catplace"
    if " " in t and len(t) <= 12 and category_of(t) is not None:
        return "category"  # a road race's division, spaced: 'M 40-49', 'F OPEN', '65-69 M'
    return "text" if re.search(r"[^\W\d_]", t) else "other"


def _share(kinds: list[str], *wanted: str) -> float:
    filled = [k for k in kinds if k != "empty"]
    return sum(k in wanted for k in filled) / len(filled) if filled else 0.0


def _sequence(values: list[str]) -> bool:
    """Places: numbers that mostly rise one by one (ties repeat, gaps are rare)."""
    nums = [place_of(v) for v in values]
    seq = [n for n in nums if n is not None]
    if len(seq) < 2:
        return len(seq) == 1 and seq[0] <= 3
    steps = [b - a for a, b in zip(seq, seq[1:], strict=False)]
    rising = sum(0 <= s <= 2 for s in steps) / len(steps)
    return rising >= 0.8


_TRY_LABEL = re.compile(r"^\d{1,2}(?:[ºªa°.]|st|nd|rd|th)$")  # an attempt's column: '1º', '2nd'
_EVENT_CODE = re.compile(r"^\d{2,5}\s?m?\s?(?:h|sc|sh|w)$", re.I)  # '110H', '300mH', '3000SC'


def header_columns(cells: list[str]) -> list[Column] | None:
    """The columns a header row names, or None when the row is not a header."""
    few = sum(1 for c in cells if c and header_word(c)) < 2
    if few and len(cells) > 2 and not any(_camel(c) for c in cells):
        return None  # a header names two columns at least in words we know
    known = [f for c in cells if c.strip() and (f := header_field(c, loose=False))]
    fields = [header_field(c) if c.strip() else None for c in cells]
    names = {"athlete", "team", "first", "last", "place"}
    tries = sum(1 for c in cells if _TRY_LABEL.match(c.strip()))
    marks = sum(
        1
        for c in cells
        if c.strip()
        and not c.strip().isdigit()
        and _is_value(c)
        and not is_event_title(c)
        and not _EVENT_CODE.match(c.strip())
        and not (tries >= 3 and _TRY_LABEL.match(c.strip()))
    )  # (a combined event's events as columns, '100m' '400m' '1500m' '110H', are labels; so are
    # attempts numbered '1º 2º 3º')
    if marks > 1 and _bar_heights(cells):
        marks = 0  # a high jump's or pole vault's heights over the tries at each
    if len(known) < 2 or not (set(known) & names) or marks > 1:
        return None
    return [Column(f, " ".join(c.split()) or (f or "")) for f, c in zip(fields, cells, strict=True)]


_HEIGHT = re.compile(r"^\d[.,]\d\d$")


def _bar_heights(cells: list[str]) -> bool:
    """Three bar heights or more in a row of cells, each higher than the one before ('1.55 |
    1.60 | 1.65')."""
    run: list[float] = []
    for c in cells:
        h = c.strip()
        if _HEIGHT.match(h) and (not run or float(h.replace(",", ".")) > run[-1]):
            run.append(float(h.replace(",", ".")))
        elif len(run) < 3:
            run = [float(h.replace(",", "."))] if _HEIGHT.match(h) else []
    return len(run) >= 3


def _camel(c: str) -> bool:
    return bool(re.search(r"[a-z][A-Z]|_", c))


def _is_value(c: str) -> bool:
    return parse_mark(c).value is not None or bool(PLACE.match(c.strip()))


def plan(header: list[Column] | None, rows: list[list[str]], unit: str | None) -> list[Column]:
    """Every column's field for ``rows``: the header's where it names one (a field named twice
    keeps its first column, the others stay extras; a relay's ``Leg 1`` .. ``Leg 4`` are each
    a ``leg``), the rest from what the cells hold."""
    width = max([len(r) for r in rows] + [len(header or [])])
    cols = [Column(None, "") for _ in range(width)]
    taken: set[str] = set()
    for j, c in enumerate(header or []):
        cols[j].label = c.label
        if c.field and (c.field not in taken or c.field == "leg"):
            cols[j].field = c.field
            taken.add(c.field)
    points = [j for j, c in enumerate(header or []) if c.field == "points"]  # a combined event's
    if len(points) > 1 and _TOTAL.match(cols[points[-1]].label):  # 'Pts' per event: its 'Total'
        cols[points[0]].field, cols[points[-1]].field = None, "points"
    values = [[r[j] if j < len(r) else "" for r in rows] for j in range(width)]
    kinds = _Kinds(values)
    total = next((j for j, c in enumerate(cols) if c.field == "points"), None)
    if total is not None and unit != "points" and _clock(values[total], kinds[total]):
        for c in cols:  # a 'Total' of times: a relay's or a stage race's sum of its legs is its
            c.field = None if c.field == "mark" else c.field  # result; a 'Time' before it, a leg's
        cols[total].field = "mark"
        taken = taken - {"points"} | {"mark"}
    for j, c in enumerate(cols):
        named = header[j].field if header and j < len(header) else None
        finish = named == "place" and c.field is None and "mark" not in taken
        if finish and _share(kinds[j], "mark") >= 0.8:  # 'Finish' beside 'Rank': its time
            c.field = "mark"
            taken.add("mark")
        if c.field == "year" and "category" not in taken and _share(kinds[j], "category") >= 0.5:
            c.field = "category"  # 'Grade' of W40, U17M: an age class, no school year
            taken.add("category")
            taken.discard("year")
        if c.field == "year" and "place" not in taken and _ranks(j, values, kinds, header):
            c.field = "place"  # 'Cl.' (class, or the Italian and Portuguese classifica) over
            taken.add("place")  # '1º' '2º': the places; 'Ano' after it is the year
            taken.discard("year")
            again = [k for k, h in enumerate(header or []) if k > j and h.field == "year"]
            if again:
                cols[again[0]].field = "year"
                taken.add("year")
    free = [
        j
        for j in range(width)
        if cols[j].field is None
        and not _is_extra_label(cols[j])
        and not _HEIGHT.match(cols[j].label)  # a bar height's tries, over a grid of them
    ]

    def take(j: int, f: str) -> None:
        cols[j].field = f
        taken.add(f)
        free.remove(j)

    pace = next((j for j, c in enumerate(cols) if c.field == "pace"), None)  # a pace is printed
    timed = taken & {"mark", "points", "finals", "prelims", "gun", "net", "chip"}  # beside a time
    if pace is not None and not timed and not any(_share(kinds[j], "mark") >= 0.7 for j in free):
        cols[pace].field = "mark"  # alone, it is the time ('Tempo' in Portuguese and Italian)
        taken = taken - {"pace"} | {"mark"}
    if "place" not in taken:
        for j in free[:3]:
            if _share(kinds[j], "int", "place") >= 0.8 and _sequence(values[j]):
                take(j, "place")
                break
    if not taken & {"mark", "points"}:
        marks = [j for j in free if _share(kinds[j], "mark", "status") >= 0.7]
        if marks:
            take(_result_column(marks, values, cols), "mark")
        elif unit == "points":
            ints = [j for j in free if _share(kinds[j], "int") >= 0.7 and j > 0]
            if ints:
                take(ints[0], "points")
    for kind, f, need in (
        ("birthyear", "year", 0.8),
        ("year", "year", 0.8),
        ("sex", "sex", 0.9),
        ("category", "category", 0.8),
        ("catplace", "catplace", 0.8),
        ("wind", "wind", 0.8),
        ("flag", "qual", 0.8),
    ):
        if f in taken:
            continue
        for j in free:
            if _share(kinds[j], kind) >= need and (kind != "year" or _not_all_digits(values[j])):
                take(j, f)
                break
    if "year" not in taken:  # school grades (athletic.net's '9' .. '12'), no bibs
        for j in free:
            if _share(kinds[j], "int") >= 0.9 and _grades(values[j]):
                take(j, "year")
                break
    if "bib" not in taken:
        for j in free:
            if _share(kinds[j], "int") >= 0.9 and not _sequence(values[j]):
                take(j, "bib")
                break
    texts = [j for j in free if _share(kinds[j], "text") >= 0.6]
    _name_columns(texts, values, cols, taken)
    for j, c in enumerate(cols):
        if c.field == "mark":
            c.clock = clock_of(values[j])
    return cols


class _Kinds(dict[int, list[str]]):
    """The kinds of a column's cells, judged when first asked for (most columns a header names
    are never asked about)."""

    def __init__(self, values: list[list[str]]) -> None:
        super().__init__()
        self.cells = values

    def __missing__(self, j: int) -> list[str]:
        kinds = self[j] = [_kind(v) for v in self.cells[j]]
        return kinds


def _ranks(j: int, values: list[list[str]], kinds: _Kinds, header: list[Column] | None) -> bool:
    """A column its header calls a year that holds the places: places printed as such ('1º',
    '2.') in sequence, or numbers in sequence where the header names a year again further on."""
    if not _sequence(values[j]):
        return False
    if _share(kinds[j], "place") >= 0.8:
        return True
    named = [h.field for h in (header or [])[j + 1 :]]
    return "year" in named and _share(kinds[j], "int") >= 0.8


def _clock(vals: list[str], kinds: list[str]) -> bool:
    """Times on a clock ('1:14:02'), or statuses, in four cells of five at least (a combined
    event's '7,845' points read as a mark are none)."""
    timed = sum(1 for v, k in zip(vals, kinds, strict=True) if k == "status" or ":" in v)
    return timed >= 0.8 * max(1, sum(1 for v in vals if v.strip()))


def _grades(vals: list[str]) -> bool:
    """School grades: whole numbers from 6 to 12, two at least, none out of order as places."""
    nums = [int(v) for v in (v.strip() for v in vals) if v.isdigit()]
    return len(set(nums)) >= 2 and all(6 <= n <= 12 for n in nums) and not _sequence(vals)


def _is_extra_label(c: Column) -> bool:
    """A header cell that names a column we do not read as a field ('rank race', 'laps')."""
    return bool(c.label) and header_field(c.label) is not None


def _not_all_digits(vals: list[str]) -> bool:
    return any(v.strip() and not v.strip().isdigit() for v in vals)


def _result_column(cands: list[int], values: list[list[str]], cols: list[Column]) -> int:
    """Of several mark columns, the one whose values rise with the rows (the ranking)."""
    if len(cands) == 1:
        return cands[0]

    def ordered(j: int) -> float:
        secs = [parse_mark(mark_text(v)).value for v in values[j]]
        seq = [s for s in secs if s is not None]
        if len(seq) < 2:
            return 0.0
        return sum(b >= a for a, b in zip(seq, seq[1:], strict=False)) / (len(seq) - 1)

    return max(cands, key=lambda j: (ordered(j) >= 0.95, -j))


_CODE = re.compile(r"^[A-Z]{2,3}$")


def _race(cell: str) -> bool:
    return is_event_title(cell) or round_of(cell) is not None


def _name_columns(
    texts: list[int], values: list[list[str]], cols: list[Column], taken: set[str]
) -> None:
    """Among text columns: the athlete is the one of multi-word names (leftmost on a tie), a
    column of 2-3 letter codes is a country, the team is the fullest other column (of words, not
    a heat's 'F1').  A column of events or rounds ('100m Hurdles', 'Heats': a timetable's) names
    no one."""

    def share(j: int, test) -> float:  # type: ignore[no-untyped-def]
        v = [x for x in values[j] if x.strip()]
        return sum(1 for x in v if test(x.strip())) / len(v) if v else 0.0

    def filled(j: int) -> int:
        return sum(1 for x in values[j] if x.strip())

    texts = [j for j in texts if share(j, _race) < 0.7]  # a timetable's events and rounds
    codes = [j for j in texts if share(j, _CODE.match) >= 0.8]
    others = [j for j in texts if j not in codes]
    if not others:
        others, codes = codes, []
    if others and not taken & {"athlete", "first", "last"}:
        multi = {j: share(j, lambda x: len(x.replace(",", " ").split()) >= 2) for j in others}
        j = max(others, key=lambda j: (multi[j] >= 0.5, multi[j] >= 0.5 and -j, -j))
        cols[j].field = "athlete"
        taken.add("athlete")
        others.remove(j)
    if others and not taken & {"team", "country"}:
        worded = {j: share(j, lambda x: bool(re.search(r"[^\W\d_]{2}", x))) for j in others}
        j = max(others, key=lambda j: (filled(j), worded[j], -j))  # (not a heat's 'F1', 'F2')
        cols[j].field = "team"
        taken.add("team")
    if codes and "country" not in taken:
        cols[codes[0]].field = "country" if "team" in taken else "team"
        taken.add(cols[codes[0]].field or "")
