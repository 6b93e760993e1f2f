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

from scraper.results.align import TEXT, shape, tokens
from scraper.results.fixedwidth import Col, header_columns
from scraper.results.headers import HEADER_WORDS, TEXT_FIELDS, field_of, header_language
from scraper.results.sections import is_event_title

RULE = re.compile(r"^\s*[=\-_*~.]{3,}[=\-_*~. ]*$")
PLACE_SHAPES = frozenset({"int2", "int", "place", "status", "dash"})
_HEIGHT = re.compile(r"^\d{1,2}[.,]\d{2}m?$")  # a bar height heading its attempts column
_NUMBER_WORDS = frozenset({"#", "no", "no.", "nr", "nr.", "num", "number"})


class Block:
    """The columns of the lines under one header: fields, the header's labels, zones, and the
    fields of a header wrapped onto a line of its own ('Pace' under 'Place ... Finish': each
    row wraps the same way, its next line holding those fields)."""

    __slots__ = ("fields", "kind", "labels", "wrapped", "zones")

    def __init__(self, fields: tuple[str, ...], zones: tuple[tuple[int, int], ...] | None,
                 kind: str, labels: tuple[str, ...] = ()) -> None:  # fmt: skip
        self.fields, self.zones, self.kind, self.labels = fields, zones, kind, labels
        self.wrapped: tuple[str, ...] = ()


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
    known = [c for c in cols if not c.field.startswith("x:") and c.field != "height"]
    numbered = [  # attempt columns: 1 2 3 4 5 *6, or the bar's heights 3.72 3.87
        c for c in cols if c.label.lstrip("*(").rstrip(")").isdigit() or c.field == "height"
    ]
    numbered = numbered if len(numbered) >= 3 else []  # one number is data (TEAM #: 1)
    if len(known) < 2 or (len(known) + len(numbered)) * 2 < len(cols):
        return None
    if len(cols) == 2 and "  " not in line.strip() and "\t" not in line:
        return None  # 'Team Results': two words, one phrase
    fields = _fields(cols)
    if not set(fields) & {"athlete", "team", "first", "last"} or not set(fields) & (
        {"mark", "gun", "net", "finals", "prelims", "points", "place"}
    ):
        return None
    used = 0
    below = header_columns(nxt) if nxt.strip() else []
    if below and not _row_shapes(nxt) and _stacked(cols, below):
        cols = _merge(cols, below)
        used = 1
    upper = False
    if above.strip() and _over(above, line):
        top = header_columns(above)
        merged = _merge(top, cols, upper=True)
        upper = _known(top) * 2 >= len(top)  # header words over the columns, not a title
        cols = merged if upper else cols
    return Header(_block(cols, line), used, upper, header_language([c.label for c in cols]))


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
    kind = "individual"
    if "athlete" not in named and "first" not in named:
        kind = "team_scores" if "points" in named and not named & {"mark"} else "relay"
    return Block(tuple(fields), zones, kind, tuple(labels))


def _fields(cols: list[Col]) -> list[str]:
    """The fields of a header's columns. A second place column is a finish time ('Finish'),
    a number ('Place No.', 'Pl #'), a place within a group ('CAT. PLACE', kept apart), or,
    after a bib column, the place itself ('Startnummer Platz'); the overall place is the place
    when no other column is one."""
    out: list[str] = []
    for c in cols:
        f = c.field
        if f == "height":
            f = "height:" + c.label.split()[0]  # one attempts column per height
        if f == "place" and out:
            label = c.label.casefold()
            if label.startswith("finish"):
                f = "mark"
            elif label in _NUMBER_WORDS or "place" in out and " " not in label:
                f = "bib"
            elif "place" in out:
                f = "x:" + label  # a place within a group: 'CAT. PLACE'
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


def _over(above: str, header: str) -> bool:
    """The line above a header is its upper half: every word stands over a header word."""
    top, cols = tokens(above), tokens(header)
    if not top or len(top) > len(cols) or RULE.match(above) or "\t" in header:
        return False
    words = above.split()
    if is_event_title(above.strip()) and sum(1 for w in words if field_of(w)) * 2 < len(words):
        return False  # '2000m Bahngehen weiblich', 'Varsity Girls 5K': the race above
    return all(any(c.start - 2 <= t.start <= c.end + 2 for c in cols) for t in top)


def _known(cols: list[Col]) -> int:
    return sum(1 for c in cols if not c.field.startswith("x:"))


def _row_shapes(line: str) -> bool:
    toks = tokens(line)
    return bool(toks) and shape(toks[0].text) in PLACE_SHAPES and len(toks) > 2


def _stacked(top: list, below: list) -> bool:  # type: ignore[type-arg]
    """A second header line whose words sit under the first's ('Start-' / 'nummer')."""
    hits = sum(1 for b in below if any(c.start - 3 <= b.start <= c.end + 3 for c in top))
    return (
        hits == len(below)
        and any(c.label.endswith("-") for c in top)
        or (hits == len(below) and all(b.field.startswith("x:") for b in below) and len(below) >= 2)
    )


def _merge(top: list, below: list, upper: bool = False) -> list:  # type: ignore[type-arg]
    """Two header lines as one: each column of the main line (the lower one when ``upper``)
    with the words of the other line standing over or under it ('Start-' + 'nummer',
    'AGE' + 'GROUP'); each word of the other line joins the one column it overlaps most."""
    main, other = (below, top) if upper else (top, below)
    near: list[list[Col]] = [[] for _ in main]
    for b in other:
        k = _nearest(b, main)
        if k is not None:
            near[k].append(b)
    out = []
    for c, words_of in zip(main, near, strict=True):
        labels = [b.label for b in words_of]
        words = [*labels, c.label] if upper else [c.label, *labels]
        label = ""
        for w in words:
            label = (label + w) if label.endswith("-") else f"{label} {w}".strip()
        f = field_of(label) or field_of(label.replace("-", "- "))
        if f is None:  # 'RUNNER' over 'NUMBER': the main line's field, if it names one
            f = c.field if not c.field.startswith("x:") else "x:" + label.casefold()
        end = max([c.end, *(b.end for b in words_of)])
        out.append(Col(label, f, c.start, end, f in TEXT_FIELDS))
    return out


def _nearest(word: Col, cols: list[Col]) -> int | None:
    """The column a word of the other header line belongs to: the one it overlaps most, else
    the closest within three characters."""
    best, score = None, -4
    for k, c in enumerate(cols):
        overlap = min(word.end, c.end) - max(word.start, c.start)  # < 0: the gap between them
        if overlap > score:
            best, score = k, overlap
    return best


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
