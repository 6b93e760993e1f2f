"""Fixed-width column layouts: header words or ``=====`` ruler segments -> columns -> cells.

Two ways to know the columns of a fixed-width block:
- a header line whose words name the columns (Hy-Tek): text columns (Name, School) are
  left-aligned at the header word's start, every other column is right-aligned near the header
  word's end; a token goes to the right-aligned column whose end it meets (and whose type it
  fits), else to the text column it starts in;
- a ruler of ``=====`` segments (RaceDay, MileSplit raw) that gives exact spans; the header line
  above names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.results.align import CLASS_YEAR, spans
from scraper.results.cellfix import class_year_from_team
from scraper.results.columns import is_placeish, is_year
from scraper.results.headers import TEXT_FIELDS, field_of
from scraper.results.marks import is_wind, looks_like_mark, parse_mark, tiebreak_of
from scraper.results.statuses import status_of

_TOKEN = re.compile(r"\S+")
RULER = re.compile(r"^\s*={3,}[= ]*$")
SEGMENTED_RULER = re.compile(r"^\s*=+(?: +=+){2,}\s*$")


@dataclass(slots=True)
class Col:
    label: str
    field: str  # canonical field, or "x:<label>" for unknown headers
    start: int
    end: int
    left: bool  # text column (left-aligned)


_JOINED = frozenset({"#", "mile", "km", "score"})  # 'Bib #', 'Avg Mile', 'Team Score'


def header_columns(line: str) -> list[Col]:
    """Columns named by the words of a header line ('Name  Year School  Seed  Finals  Points')."""
    words = [(a, b, w) for w, a, b in spans(line)]
    cols: list[Col] = []
    i = 0
    while i < len(words):
        s, e, w = words[i]
        if i + 2 < len(words) and words[i + 1][2] in ("/", "&") and (f := field_of(w)):
            # 'Athlete / Team': one column, named by its first word
            cols.append(Col(f"{w} / {words[i + 2][2]}", f, s, words[i + 2][1], f in TEXT_FIELDS))
            i += 3
            continue
        if i + 2 < len(words) and words[i + 1][0] - e == 1 == words[i + 2][0] - words[i + 1][1]:
            three = " ".join(x[2] for x in words[i : i + 3])  # 'Date of Birth', 'Age Group Place'
            if f3 := field_of(three):
                cols.append(Col(three, f3, s, words[i + 2][1], f3 in TEXT_FIELDS))
                i += 3
                continue
        if i + 1 < len(words) and words[i + 1][0] - e == 1:
            two = w + " " + words[i + 1][2]
            f2 = field_of(two)
            f1 = field_of(w)
            second = words[i + 1][2].casefold()
            alone = field_of(second)  # 'Oficial' of 'Tiempo Oficial' names no column itself
            if f2 and (f1 in (None, f2) or alone is None or f2 == "divtot" or second in _JOINED):
                cols.append(Col(two, f2, s, words[i + 1][1], f2 in TEXT_FIELDS))
                i += 2
                continue
        f = field_of(w) or "x:" + w.casefold()
        cols.append(Col(w, f, s, e, f in TEXT_FIELDS))
        i += 1
    return cols


def header_score(line: str) -> int:
    """How many words of the line are known column headers."""
    return sum(1 for c in header_columns(line) if not c.field.startswith("x:"))


NUMBER_WORDS = frozenset({"#", "no", "no.", "nr", "nr.", "num", "number"})


def place_again(label: str, before: list[str]) -> str:
    """The field of a place column after other columns: a finish time ('Finish'), a number
    ('Place No.', 'Pl #'), a place within a group ('CAT. PLACE', kept apart), or, after a bib
    column, the place itself ('Startnummer Platz')."""
    label = label.casefold()
    if label.startswith("finish"):
        return "mark"
    if label in NUMBER_WORDS or "place" in before and " " not in label:
        return "bib"
    return "x:" + label if "place" in before else "place"


def ruler_columns(header: str, ruler: str) -> list[Col]:
    """Columns from a segmented ruler: exact spans, names from the header line above, each word
    the segment's it overlaps most (a header set a character askew of its ruler: 'Ag' over '=='
    from the column before); a second place column read as :func:`place_again` says ('Place No.
    Name No.' has a bib, not places)."""
    cols: list[Col] = []
    spans = [(m.start(), m.end()) for m in re.finditer(r"=+", ruler)]
    words: list[list[str]] = [[] for _ in spans]
    for w in re.finditer(r"\S+", header):  # each header word over the segment it overlaps most
        near = [(min(w.end(), b) - max(w.start(), a), k) for k, (a, b) in enumerate(spans)]
        over, k = max(near, default=(-9, 0))
        if over >= -1:  # (or a character past it: a header set askew)
            words[k].append(w.group())
    for (start, end), label_words in zip(spans, words, strict=True):
        label = " ".join(label_words)
        f = field_of(label) or ("x:" + label.casefold() if label else "x:")
        if f == "place" and cols:
            f = place_again(label, [c.field for c in cols])
        cols.append(Col(label, f, start, end, f in TEXT_FIELDS))
    return cols


_WIND_NUM = re.compile(r"^[+-]?\d+[.,]\d$")
_POINTS = re.compile(r"^\d+(?:\.\d+)?$|^\d{1,2},\d{3}$")  # a total with its thousands: 5,510
_HASH_BIB = re.compile(r"^#\d+$")
_NOT_MARKS = frozenset(("NT", "NH", "ND", "FOUL", "SCR"))


def _fits(field: str, text: str) -> bool:
    if field == "year":
        return is_year(text)
    if field in ("heat", "bib", "overall"):
        return text.lstrip("#").isdigit()
    if field == "wind":
        return is_wind(text) or bool(_WIND_NUM.match(text))
    if field == "points":
        return bool(_POINTS.match(text))
    if field in ("mark", "finals", "prelims", "seed"):  # (or a status: 'DQ', 'DNF')
        return looks_like_mark(text) or text.upper() in _NOT_MARKS or status_of(text) is not None
    if field == "place":
        return is_placeish(text)
    if field == "pace":
        return looks_like_mark(text)
    return True


class _Layout:
    """What cells_by_header needs of a column set, computed once per header."""

    __slots__ = ("first_text", "has_place", "last_end", "right", "text")

    def __init__(self, cols: list[Col]) -> None:
        starts = sorted(c.start for c in cols)
        self.right = [(c.start + 1, c.end + 2, c.start, c.end, c.field) for c in cols if not c.left]
        self.text = [
            (c.start, min((x for x in starts if x > c.start), default=10**6), c.field)
            for c in cols
            if c.left
        ]
        self.first_text = min((t[0] for t in self.text), default=0)
        self.has_place = any(c.field == "place" for c in cols)
        self.last_end = max(c.end for c in cols)


_LAYOUTS: dict[int, tuple[list[Col], _Layout]] = {}


def _layout(cols: list[Col]) -> _Layout:
    hit = _LAYOUTS.get(id(cols))
    if hit is not None and hit[0] is cols:
        return hit[1]
    lay = _Layout(cols)
    if len(_LAYOUTS) > 256:
        _LAYOUTS.clear()
    _LAYOUTS[id(cols)] = (cols, lay)
    return lay


def cells_by_header(line: str, cols: list[Col]) -> dict[str, str]:
    """Split one data line into cells using header-word columns (see module doc)."""
    toks = [(a, b, w) for w, a, b in spans(line)]
    if not toks:
        return {}
    lay = _layout(cols)
    cells: dict[str, list[str]] = {}
    extra: list[str] = []
    i = 0
    if toks[0][0] < lay.first_text and not lay.has_place and is_placeish(toks[0][2]):
        cells["place"] = [toks[0][2]]
        i = 1
    # bib printed as '#  123' or '#123' right after the place
    n = len(toks)
    if i < n and toks[i][2] == "#" and i + 1 < n and toks[i + 1][2].isdigit():
        cells["bib"] = [toks[i + 1][2]]
        i += 2
    elif i < n and _HASH_BIB.match(toks[i][2]):
        cells["bib"] = [toks[i][2][1:]]
        i += 1
    last_end = lay.last_end
    for s, e, t in toks[i:]:
        best_d = 10**6
        best_f = None
        for lo, hi, cs, ce, f in lay.right:
            if (lo <= e <= hi) or (s < ce and e > cs):
                d = e - ce if e >= ce else ce - e
                if d < best_d and _fits(f, t):
                    best_d, best_f = d, f
        if best_f is not None:
            if best_f in cells:
                extra.append(t)
            else:
                cells[best_f] = [t]
            continue
        if s > last_end + 1:
            extra.append(t)
            continue
        owner = None
        for start, end, f in lay.text:
            if start <= s + 1:
                owner = (end, f)
        if owner is None and lay.text:
            owner = (lay.text[0][1], lay.text[0][2])
        if owner is None or s >= owner[0]:
            ahead = next((f for start, _, f in lay.text if s < start <= s + 3), None)
            if ahead is not None:  # printed two places left of its column: 'College' of 'School'
                cells.setdefault(ahead, []).append(t)
            else:
                extra.append(t)  # past the text column, in a right-aligned one it does not fit
        else:
            cells.setdefault(owner[1], []).append(t)
    out = {k: " ".join(v) for k, v in cells.items()}
    if extra:
        out["x:extra"] = " ".join(extra)
    class_year_from_team(out, [c.field for c in cols])
    return out


def cells_by_spans(line: str, cols: list[Col]) -> dict[str, str]:
    """Split a line by exact ruler spans; a value spilling over a boundary stays whole; two
    columns of one field join their values ('City' and 'St'), the same value printed twice
    ('No.' left and right of the name) once."""
    cells: dict[str, str] = {}
    n = len(cols)
    for k, c in enumerate(cols):
        start = c.start
        end = cols[k + 1].start if k + 1 < n else len(line)
        # move boundaries off the middle of a token
        while start > 0 and start < len(line) and line[start - 1] != " " and line[start] != " ":
            start -= 1
        while end < len(line) and end > 0 and line[end - 1] != " " and line[end] != " ":
            end += 1
        val = line[start:end].strip()
        if val and cells.get(c.field) != val:
            cells[c.field] = (cells[c.field] + " " + val) if c.field in cells else val
    return cells


def extra_tiebreak(cells: dict[str, str]) -> tuple[str | None, list[str]]:
    """Unlabeled trailing tokens: thousandths or a next-best mark are tie-breaks."""
    extra = cells.pop("x:extra", "")
    tb = None
    rest = []
    for t in extra.split():
        if tb is None and (tiebreak_of(t) or parse_mark(t).value is not None):
            tb = t
        else:
            rest.append(t)
    return tb, rest


# a Hy-Tek row's place, name ('Last, First' or 'First Last'), grade or class (as the aligner
# knows it: 'JR', 'SO-2'), and team, before its first labelled column
_CLASS = CLASS_YEAR.pattern.removeprefix("^").removesuffix("$")
_LEAD = re.compile(rf"^(\s*(?:\d{{1,3}}|--)\s+)(\S.*?\S)\s+(\d{{1,2}}|(?i:{_CLASS}))\s+(\S.*?)\s*$")


def unlabelled_lead(cols: list[Col], rows: list[str]) -> list[Col]:
    """A header naming only the columns after the runner ('Seed  Prelims  Wind  H#', its 'Name
    Yr School' left off) with those columns put back where the rows below print them: place,
    name, class and team, found on the first row that holds them before the first column."""
    if not cols or any(c.left for c in cols) or cols[0].start < 20:
        return cols
    for row in rows:
        m = _LEAD.match(row[: cols[0].start])
        if m is not None:
            lead = [("Pl", "place", 1, False), ("Name", "athlete", 2, True)]
            lead += [("Yr", "year", 3, False), ("School", "team", 4, True)]
            made = [Col(label, f, m.start(k), m.end(k), left) for label, f, k, left in lead]
            return [*made, *cols]
    return cols
