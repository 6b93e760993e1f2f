"""The general reader for text layouts no family reader claims (timers' reports, meet software
of many countries, PDF text layers, pages copied as text).

A document is a run of blocks: title lines, a column header (one or two lines, in any of the
languages of :mod:`scraper.results.headers`), result lines. The header's fields, in order, are
aligned with each result line's tokens (:mod:`scraper.results.align`), so aligned, collapsed
and tab-separated layouts read alike; without a header a line is aligned with the order most
results print (place, bib, name, class, team, mark). Lines printed on every page are furniture,
not titles (:mod:`scraper.results.sections`); a title that repeats the current one continues
its section. A header naming a team and no athlete makes a relay block; team-score tables
(``Team Scores``, ``Final Standings``, ``Rank Team Score``) give team rows, and the runner
lines listed under a team belong to that team's row. The choice between two time columns (gun
and net) and the split between name and team where spacing says nothing are made per section
(:mod:`scraper.results.blocks`).
"""

from __future__ import annotations

import re

from scraper.results.align import TEXT, Tok, align, shape, tokens
from scraper.results.blocks import finish_section, team_row
from scraper.results.columns import build_row
from scraper.results.fixedwidth import Col, header_columns
from scraper.results.headers import TEXT_FIELDS, field_of, header_language
from scraper.results.marks import parse_wind
from scraper.results.model import Event, ResultDoc, Row, new_event, round_of, unit_hint_of
from scraper.results.sections import furniture, is_title, meet_heading, section_name

_GLUED_PLACE = re.compile(r"^(\d{1,4})\.([^\W\d_][\w'’.\-]*,?)$")
_WIND = re.compile(r"\bwind\s*:?\s*([+-]?\d+(?:[.,]\d+)?|NWI)", re.I)
_HEAT = re.compile(r"^(?:heat|section|flight|lauf|heat no\.?|serie|omgang|heat)\s*(\d+)\b", re.I)
_TEAM_TITLE = re.compile(
    r"team\s*(?:scores?|scoring|rankings?|standings|results|points)|final standings|"
    r"mannschafts\w*|lagkonkurranse|classement des équipes|\bteams?\b$",
    re.I,
)
_DEFAULT = ("place", "bib", "athlete", "year", "team", "mark", "x:a", "x:b", "x:c")
_PLACE_SHAPES = frozenset({"int2", "int", "place", "status", "dash"})
_RESULT_SHAPES = frozenset({"time", "decimal", "mark", "status", "pace"})


class Block:
    """The columns of the lines under one header."""

    __slots__ = ("fields", "kind", "zones")

    def __init__(self, fields: tuple[str, ...], zones: tuple[tuple[int, int], ...] | None,
                 kind: str) -> None:  # fmt: skip
        self.fields, self.zones, self.kind = fields, zones, kind


def parse(text: str) -> ResultDoc:
    return _Reader(text).run()


class _Reader:
    def __init__(self, text: str) -> None:
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
        self.doc = ResultDoc(format="fallback")
        self.furniture = furniture(self.lines)
        self.titles: list[str] = []
        self.block: Block | None = None
        self.ev: Event | None = None
        self.team: Row | None = None
        self.wind: float | None = None
        self.heat: int | None = None
        self.first_block: int | None = None
        self.dayfirst = False
        self.i = 0
        self.new_table = False
        self.titles_done = False

    def run(self) -> ResultDoc:
        lines = self.lines
        i, n = 0, len(lines)
        while i < n:
            line = lines[i]
            s = line.strip()
            self.i = i
            i += 1
            if not s:
                continue
            hdr = self._header(line, lines[i] if i < n else "")
            if hdr is not None:
                block, used = hdr
                i += used
                above = lines[self.i - 1] if self.i else ""
                if self.titles and above.strip() and _over(above, line):
                    self.titles.pop()  # the upper line of a two-line header
                    block = self._header_below(above, line) or block
                self._start_block(block)
                continue
            if s in self.furniture:
                continue
            toks = _split_glued(tokens(line))
            if self._is_row(toks):
                self._row(line, toks)
                continue
            self._other(s)
        self.doc.events = [e for e in self.doc.events if e.rows]
        for ev in self.doc.events:
            finish_section(ev)
        self.doc.meet = meet_heading(lines[: self.first_block or 40], self.dayfirst)
        if sum(len(e.rows) for e in self.doc.events) < 2:
            self.doc.events = []
        return self.doc

    # ------------------------------------------------------------------ lines
    def _header(self, line: str, nxt: str) -> tuple[Block, int] | None:
        cols = header_columns(line)
        known = [c for c in cols if not c.field.startswith("x:")]
        if len(known) < 2 or len(known) * 2 < len(cols):
            return None
        fields = [c.field for c in cols]
        if not set(fields) & {"athlete", "team", "first", "last"} or not set(fields) & (
            {"mark", "gun", "net", "finals", "prelims", "points", "place"}
        ):
            return None
        used = 0
        below = header_columns(nxt) if nxt.strip() else []
        if below and not _row_shapes(nxt) and _stacked(cols, below):
            cols = _merge(cols, below)
            used = 1
        block = self._header_cols(cols, line)
        return (block, used) if block is not None else None

    def _header_cols(self, cols: list, line: str) -> Block | None:  # type: ignore[type-arg]
        lang = header_language([c.label for c in cols])
        if lang not in (None, "en", "ja"):
            self.dayfirst = True
        fields = [c.field for c in cols]
        zones = _zones(cols) if re.search(r"\S {2,}\S", line) else None
        if "place" not in fields[:1]:
            fields.insert(0, "place")
            if zones is not None:
                zones = ((-1, -1), *zones)
        named = set(fields)
        kind = "individual"
        if "athlete" not in named and "first" not in named:
            kind = "team_scores" if "points" in named and not named & {"mark"} else "relay"
        return Block(tuple(fields), zones, kind)

    def _header_below(self, above: str, line: str) -> Block | None:
        merged = _merge(header_columns(above), header_columns(line), upper=True)
        hdr = self._header_cols(merged, line)
        return hdr

    def _is_row(self, toks: list[Tok]) -> bool:
        if len(toks) < 2 or shape(toks[0].text) not in _PLACE_SHAPES:
            return False
        shapes = [shape(t.text) for t in toks]
        if "word" not in shapes:
            return False
        return (
            bool(_RESULT_SHAPES.intersection(shapes[1:]))
            or shapes[0] in ("dash", "status")
            or (self.block is not None)
        )

    def _other(self, s: str) -> None:
        """A line that is neither header nor result: wind, heat, round, or a title."""
        wm = _WIND.search(s)
        hm = _HEAT.match(s)
        if hm:
            self.heat = int(hm.group(1))
        if wm and len(s) < 60:
            self.wind = parse_wind(wm.group(1))[0]
        if hm or (wm and len(s) < 60):
            return
        r = round_of(s)
        if r and len(s) < 30 and self.ev is not None and not self.ev.rows:
            self.ev.round = r
            return
        if not is_title(s):
            return
        if self.ev is not None and self.ev.rows and self.titles_done:
            self.titles = []
        self.titles_done = False
        self.titles.append(" ".join(s.split()))
        self.last_title = s
        del self.titles[:-4]
        self.team = None

    def _start_block(self, block: Block) -> None:
        if self.ev is not None and self.ev.rows and not self.titles and self.block is not None:
            self.new_table = block.fields != self.block.fields  # new columns, no title: new table
        self.block = block
        if self.first_block is None:
            self.first_block = self.i

    def _event(self, kind: str) -> Event:
        name = section_name(self.titles) or (self.ev.name if self.ev else "Results")
        if self.ev is not None and not self.new_table and (self.ev.name == name or not self.titles):
            return self.ev  # the same section, maybe continued on a new page
        self.new_table = False
        ev = new_event(name)
        if ev.round is None:
            ev.round = round_of(name) or "Finals"
        if any(_TEAM_TITLE.search(t) for t in self.titles[-2:]) or kind == "team_scores":
            ev.kind = "team_scores"
        elif kind == "relay" and ev.kind == "individual":
            ev.kind = "relay"
        self.doc.events.append(ev)
        self.ev, self.heat, self.wind = ev, None, None
        return ev

    # ------------------------------------------------------------------ rows
    def _row(self, line: str, toks: list[Tok]) -> None:
        block = self.block
        ev = self._event(block.kind if block else "individual")
        self.titles_done = True
        if self.first_block is None:
            self.first_block = self.i
        if ev.kind == "team_scores":
            self._team_line(ev, line, toks)
            return
        fields = block.fields if block else _DEFAULT
        zones = block.zones if block else None
        cells: dict[str, str] = {}
        extra: list[str] = []
        for name, ts in align(fields, toks, zones):
            value = " ".join(t.text for t in ts)
            if name == "extra" and "category" not in cells and shape(value) == "category":
                cells["category"] = value  # an unlabelled category (M24, W40) beside the name
            elif name == "extra" or name in cells or name.startswith("x:"):
                extra.append(value)
            else:
                cells[name] = value
        relay = ev.kind == "relay"
        row = build_row(cells, unit_hint_of(ev.name), ev.round, relay, raw=line.rstrip())
        if row is None:
            return
        if extra:
            row.extra["unassigned"] = extra
        if row.heat is None and self.heat is not None:
            row.heat = self.heat
        if row.wind is None and row.wind_raw is None and self.wind is not None:
            row.wind = self.wind
        ev.rows.append(row)

    def _team_line(self, ev: Event, line: str, toks: list[Tok]) -> None:
        row = team_row(toks, line.rstrip())
        if row is not None and row.team is not None:
            ev.rows.append(row)
            self.team = row
        elif self.team is not None:  # a runner listed under the team scoring above
            raw = self.team.raw if isinstance(self.team.raw, list) else [self.team.raw or ""]
            self.team.raw = [*raw, line.rstrip()]
            self.team.extra.setdefault("runners", []).append(" ".join(t.text for t in toks))


def _split_glued(toks: list[Tok]) -> list[Tok]:
    """'1.Name' (a place with its dot glued to the name) -> '1.' 'Name'."""
    if toks:
        m = _GLUED_PLACE.match(toks[0].text)
        if m:
            t = toks[0]
            cut = t.start + len(m.group(1)) + 1
            return [Tok(m.group(1) + ".", t.start, cut, t.gap), Tok(m.group(2), cut, t.end, 1),
                    *toks[1:]]  # fmt: skip
    return toks


def _over(above: str, header: str) -> bool:
    """The line above a header is its upper half: every word stands over a header word."""
    top, cols = tokens(above), tokens(header)
    if not top or len(top) > len(cols):
        return False
    return all(any(c.start - 2 <= t.start <= c.end + 2 for c in cols) for t in top)


def _row_shapes(line: str) -> bool:
    toks = tokens(line)
    return bool(toks) and shape(toks[0].text) in _PLACE_SHAPES and len(toks) > 2


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
    'LAST' + 'NAME')."""
    main, other = (below, top) if upper else (top, below)
    out = []
    for c in main:
        near = [
            b for b in other if c.start - 3 <= b.start <= c.end + 3 or b.start <= c.start < b.end
        ]
        words = (
            [*(b.label for b in near), c.label] if upper else [c.label, *(b.label for b in near)]
        )
        label = ""
        for w in words:
            label = (label + w) if label.endswith("-") else f"{label} {w}".strip()
        f = field_of(label) or field_of(label.replace("-", "- "))
        if f is None:
            f = c.field if not near or not upper else "x:" + label.casefold()
        end = max([c.end, *(b.end for b in near)])
        out.append(Col(label, f, c.start, end, f in TEXT_FIELDS))
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
