"""A column header of one or two lines -> the fields and zones the general reader aligns the
lines under it with (:mod:`scraper.results.fallback`).

A header line names at least two fields (in any language of :mod:`scraper.results.headers`), a
name or a team among them and a result or a place. Its two halves may stand on two lines: a lower
line under it whose words continue its own (``Start-`` / ``nummer``), or an upper line whose words
stand over its columns (``AGE`` / ``GROUP``); each word of the other line joins the column it
overlaps most. A line above naming an event (``Varsity Girls 5K``) is a title, never a half of
the header. Where the header's words are spaced out (a fixed-width report), each field gets the
zone of the line its values stand in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.results.align import TEXT, TIMES, shape, tokens
from scraper.results.fixedwidth import Col, header_columns, place_again
from scraper.results.headers import HEADER_WORDS, TEXT_FIELDS, field_of, header_language
from scraper.results.marks import wind_in
from scraper.results.meetinfo import RACE_DISTANCE
from scraper.results.model import gender_of, unit_hint_of
from scraper.results.sections import DISTANCE, GENERIC_TITLE, HEAT, is_event_title

RULE = re.compile(r"^\s*[=\-_*~.]{3,}[=\-_*~. ]*$")
PLACE_SHAPES = frozenset({"int2", "int", "place", "status", "dash"})
_HEIGHT = re.compile(r"^\d{1,2}[.,]\d{2}m?$")  # a bar height heading its attempts column
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TRY = re.compile(r"(?:r|rd|att\.?|t|v|#)\s?([1-8])", re.I)  # a try's column: 'R1', 'Att 2'


class Block:
    """The columns of the lines under one header: fields, the header's labels, zones, and the
    fields of a header wrapped onto a line of its own ('Pace' under 'Place ... Finish': each
    row wraps the same way, its next line holding those fields)."""

    __slots__ = ("fields", "kind", "labels", "legs_at", "wrapped", "zones")

    def __init__(self, fields: tuple[str, ...], zones: tuple[tuple[int, int], ...] | None,
                 kind: str, labels: tuple[str, ...] = ()) -> None:  # fmt: skip
        self.fields, self.zones, self.kind, self.labels = fields, zones, kind, labels
        self.wrapped: tuple[str, ...] = ()
        self.legs_at: int | None = None  # where a stage relay's legs start on its lines

    def team_part(self) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...] | None]:
        """The fields and zones a row's line is read by: a stage relay's before its legs."""
        if self.legs_at is None or self.zones is None:
            return self.fields, self.zones
        n = sum(1 for z in self.zones if z[0] < self.legs_at)
        return self.fields[:n], self.zones[:n]


@dataclass(slots=True)
class Header:
    block: Block
    used: int  # lines below the header line that belong to it (0 or 1)
    upper: bool  # the line above is the header's upper half
    language: str | None  # of its words (:func:`scraper.results.headers.header_language`)


def read_header(line: str, nxt: str, above: str) -> Header | None:
    """The block a header line starts (None: the line is no column header), with the next
    line when it is the header's lower half and the line above when it is its upper half."""
    if sum(1 for w in line.casefold().split() if w.strip(":.,") in HEADER_WORDS) < 2:
        return None  # the quick test: most lines are no header
    cols = columns(line)
    if not named_columns(cols) and "  " in line.strip() and any(c.field == "athlete" for c in cols):
        cols = _joined_unknown(cols)  # a checkpoint's label of several words: 'CP1 Hollin Gill'
    if not named_columns(cols):
        return None
    phrase = "  " not in line.strip() and "\t" not in line
    parted = re.search(r"\s[-–—]+\s", line.strip())  # 'Club Open – results': a title's parts
    if phrase and (len(cols) == 2 or _titled(line) or cols[0].field.startswith("x:") or parted):
        return None  # 'Team Results', "WOMEN'S 6K -- TEAM RESULTS", 'Knockmoyle AC Club
        # Results': one phrase, a title (a header's first word names a column)
    fields = _fields(cols)
    if not set(fields) & {"athlete", "team", "first", "last"} or not set(fields) & (
        {"mark", "gun", "net", "finals", "prelims", "points", "place"}
    ):
        return None
    hyphen = any(c.label.endswith("-") for c in cols)
    lower = _half(nxt, line, above, hyphen)
    upper = _half(above, line, nxt if lower else "", False)
    if upper or lower:
        cols = _band([above if upper else "", line, nxt if lower else ""])
    used = int(lower)
    return Header(_block(cols, line), used, upper, header_language([c.label for c in cols]))


def named_columns(cols: list[Col]) -> bool:
    """Half the columns at least are named by known words (or are numbered tries)."""
    known = [c for c in cols if not c.field.startswith("x:") and c.field != "height"]
    if len(known) < 2 or len(known) * 2 >= len(cols):
        return len(known) >= 2  # (numbered columns decide only the cases between)
    numbered = [  # attempt columns: 1 2 3 4 5 *6, the bar's heights 3.72 3.87, or a combined
        c  # event's events: 100m LJ SP HJ 400m
        for c in cols
        if _TRY_NUMBER.match(c.label)
        or c.field == "height"
        or (c.field.startswith("x:") and (is_event_title(c.label) or unit_hint_of(c.label)))
    ]
    numbered = numbered if len(numbered) >= 3 else []  # one number is data (TEAM #: 1)
    return (len(known) + len(numbered)) * 2 >= len(cols)


def _joined_unknown(cols: list[Col]) -> list[Col]:
    """Unknown words one space apart, in a header spaced by columns, as one label each."""
    out: list[Col] = []
    for c in cols:
        p = out[-1] if out else None
        if p and p.field.startswith("x:") and c.field.startswith("x:") and c.start - p.end == 1:
            label = f"{p.label} {c.label}"
            out[-1] = Col(label, "x:" + label.casefold(), p.start, c.end, False)
        else:
            out.append(c)
    return out


def _titled(line: str) -> bool:
    """A line naming a race's distance or its runners' gender, a year ('Club Championships
    2024 - Results'), or ending in a team table's name ('FINAL TEAM SCORES'): a title, whatever
    its words."""
    return bool(
        DISTANCE.search(line) or gender_of(line) or _TEAM_HEADING.search(line) or _YEAR.search(line)
    )


def _block(cols: list[Col], line: str) -> Block:
    fields = _fields(cols)
    labels = [c.label for c in cols]
    zones = _zones(cols) if re.search(r"\S {2,}\S", line) and "\t" not in line else None
    if "place" not in fields:
        fields.insert(0, "place")
        labels.insert(0, "")
        if zones is not None:
            zones = ((-1, -1), *zones)
    named = set(fields)
    kind = "individual"  # ('Athletes': a relay's runners under a relay's title, else names)
    if not named & {"athlete", "first", "leg"}:
        kind = "team_scores" if "points" in named and not named & TIMES else "relay"
    elif "leg" in named and "points" in named and not named & (TIMES | {"athlete"}):
        kind = "team_scores"  # 'Runners' of a team's score: its scorers' places
        fields = ["x:runners" if f == "leg" else f for f in fields]
    block = Block(tuple(fields), zones, kind, tuple(labels))
    if (at := _legs_at(cols)) is not None:  # 'Pos  Team  Total  Leg  Runner  Leg time'
        cut = next(k for k, c in enumerate(cols) if c.start == at) + len(fields) - len(cols)
        mark = ["mark" if f == "points" else f for f in fields[:cut]]
        block.fields, block.kind, block.legs_at = (*mark, *fields[cut:]), "relay", at
    return block


_STAGE = frozenset({"leg", "stage", "etappe", "etape", "étape", "leg no", "stage no"})


def _legs_at(cols: list[Col]) -> int | None:
    """Where a stage relay's legs start ('Pos  Team  Total  Leg  Runner  Leg time  Pos', as
    road and cross-country relays print them: a team's row, its total time, and its runners a
    line each, the first on the team's line): the column of the leg's number, after the team's
    and before the runner's name; None for any other header."""
    fields = [c.field for c in cols]
    for k, c in enumerate(cols):
        if c.label.casefold() in _STAGE and "team" in fields[:k] and "athlete" not in fields[:k]:
            return c.start if "athlete" in fields[k + 1 : k + 3] else None
    return None


def _fields(cols: list[Col]) -> list[str]:
    """The fields of a header's columns: a place column after others read as
    :func:`~scraper.results.fixedwidth.place_again` says; the overall place is the place when no
    other column is one."""
    out: list[str] = []
    for c in cols:
        f = c.field
        if f == "height":
            f = "height:" + c.label.split()[0]  # one attempts column per height
        if f == "place" and out:
            f = place_again(c.label, out)
        out.append(f)
    if "place" not in out and "overall" in out:
        out[out.index("overall")] = "place"  # 'Overall Place' the only place column
    return out


def columns(line: str) -> list[Col]:
    """Header columns; two words read as one column ('Team Score') are two when the first names
    a text column: a header whose spacing was collapsed separates columns by one space."""
    if "\t" in line.strip():  # tab-separated: one column per cell
        cols, pos = [], 0
        for cell in line.split("\t"):
            label = cell.strip()
            if label:
                f = field_of(label) or "x:" + label.casefold()
                start = pos + cell.index(label)
                cols.append(Col(label, f, start, start + len(label), f in TEXT_FIELDS))
            pos += len(cell) + 1
        return cols
    out = []
    for c in header_columns(line):
        if _HEIGHT.match(c.label):
            out.append(Col(c.label, "height", c.start, c.end, False))
            continue
        if tried := _TRY.fullmatch(c.label):  # 'R1' ... 'R6', 'Att 2': the tries, numbered
            out.append(Col(tried[1], "x:" + tried[1], c.start, c.end, False))
            continue
        words = c.label.split()
        collapsed = "  " not in line.strip()  # fixed-width: 'TEAM NAME' is one label
        first = field_of(words[0]) if len(words) == 2 and collapsed else None
        if first in TEXT_FIELDS and (second := field_of(words[1])) is not None:
            cut = c.start + len(words[0])
            out.append(Col(words[0], first, c.start, cut, True))
            out.append(Col(words[1], second, cut + 1, c.end, second in TEXT_FIELDS))
        else:
            out.append(c)
    return out


_TRY_NUMBER = re.compile(r"^\*?\(?\d{1,2}(?:\)|[aª°.]|st|nd|rd|th)?$")  # '1 2 3 *6', '1a 2a', '(4)'
_TEAM_HEADING = re.compile(
    r"\b(?:team|house)\s+(?:scores|standings|rankings|results)\s*$|\bclub\s+standings\s*$", re.I
)


def _half(other: str, line: str, third: str, hyphen: bool) -> bool:
    """``other`` (the line above or below a header line) is part of the header: its words
    stand over or under the words of the header's lines, and half of them are header words
    (or, below, they finish the header's hyphenated words: 'Start-' / 'nummer'). A race's
    title above ('Varsity Girls 5K') and a first result line below are not."""
    if not other.strip() or RULE.match(other) or "\t" in line or "\t" in other:
        return False
    words = [w for w in other.split() if not w.startswith("(")]  # '(WU23)': the section's
    known = sum(1 for w in words if field_of(w))
    gender = gender_of(" ".join(words))
    if GENERIC_TITLE.match(other.strip()) or HEAT.match(other.strip()):
        return False  # 'Individual Results', 'Flight 1' over the header: the section's heading
    if wind_in(other.strip())[0] is not None:
        return False  # 'Vento: -1.1' over the header: the heat's wind
    if (is_event_title(other.strip()) or gender) and (
        known * 2 < len(words) or RACE_DISTANCE.search(other) or gender
    ):
        return False  # a race's title, even with header words in it ('5K Overall Results',
        # 'FEMALE OVERALL')
    toks = tokens(other)
    spans = tokens(line) + tokens(third)
    if len(toks) > len(spans) + 2 or _row_shapes(other):
        return False
    if not all(any(c.start - 2 <= t.start <= c.end + 2 for c in spans) for t in toks):
        return False
    if not (known * 2 >= len(words) or hyphen or (known == 0 and len(words) >= 2 and bool(third))):
        # words finishing the labels over them ('Start' / 'nummer', 'Jahr' / 'gang')
        joined = [c for c in _band([third, line, other]) if " " in c.label and field_of(c.label)]
        if len(joined) * 2 < len(words):
            return False
    if known < len(words) or hyphen:
        return True
    # every word a header word of its own: a half only if some joins a word into one label
    # ('AGE' over 'GROUP'); else a header wrapped onto a line of its own ('Pace')
    joined = _band([other, line])
    return any(field_of(c.label) and " " in c.label for c in joined)


def _row_shapes(line: str) -> bool:
    toks = tokens(line)
    return bool(toks) and shape(toks[0].text) in PLACE_SHAPES and len(toks) > 2


def _band(lines: list[str]) -> list[Col]:
    """The columns of a header printed on two or three lines (the middle one the main line):
    the words of all lines that stand over one another are one column, their label read top
    down ('Start-' + 'nummer', 'Platz' + 'gesamt', 'AGE' + 'GROUP')."""
    groups: list[list[tuple[int, Col]]] = []
    units = sorted(
        ((r, c) for r, ln in enumerate(lines) for c in columns(ln)), key=lambda u: u[1].start
    )
    for r, c in units:
        for g in groups:
            if any(r2 != r and c.start < c2.end and c2.start < c.end for r2, c2 in g):
                g.append((r, c))
                break
        else:
            groups.append([(r, c)])
    out = []
    for g in sorted(groups, key=lambda g: min(c.start for _, c in g)):
        g.sort(key=lambda u: (u[0], u[1].start))
        label = ""
        for _, c in g:
            label = (label + c.label) if label.endswith("-") else f"{label} {c.label}".strip()
        f = field_of(label) or field_of(label.replace("-", "- "))
        if f is None:  # 'RUNNER' over 'NUMBER': the main line's field, else any word's
            known = [c.field for r, c in sorted(g, key=lambda u: u[0] != 1) if c.field[:2] != "x:"]
            f = known[0] if known else "x:" + label.casefold()
        start, end = min(c.start for _, c in g), max(c.end for _, c in g)
        out.append(Col(label, f, start, end, f in TEXT_FIELDS))
    return out


def _zones(cols: list) -> tuple[tuple[int, int], ...]:  # type: ignore[type-arg]
    """Where each header's values stand: text columns from their word's start, other columns
    right-aligned to their word's end, split halfway between neighbours."""
    bounds = [0]
    for a, b in zip(cols, cols[1:], strict=False):
        if b.field in TEXT or b.left:
            bounds.append(b.start - 1)
        else:
            bounds.append(
                max(a.end + 1, (a.end + b.start) // 2 if a.field not in TEXT else b.start - 3)
            )
    bounds.append(10**6)
    return tuple((bounds[k], bounds[k + 1]) for k in range(len(cols)))
