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
_GENERIC = re.compile(
    r"^(?:individual|team|overall|final|official)?\s*(?:results?|scores?|scoring|standings|"
    r"summary)(?:\s+\w+){0,2}$",
    re.I,
)
_INDIVIDUAL = re.compile(r"individual|einzel|individuel", re.I)
_RULE = re.compile(r"^\s*[=\-_*~.]{3,}[=\-_*~. ]*$")
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
        self.base = "Results"
        self.runners = 0
        self.round: str | None = None

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
        cols = _columns(line)
        known = [c for c in cols if not c.field.startswith("x:")]
        numbered = [c for c in cols if c.label.lstrip("*(").rstrip(")").isdigit()]  # 1 2 3 4 5 *6
        if len(known) < 2 or (len(known) + len(numbered)) * 2 < len(cols):
            return None
        fields = [
            _later_place(c) if c.field == "place" and k else c.field for k, c in enumerate(cols)
        ]
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
        fields = [
            _later_place(c) if c.field == "place" and k else c.field for k, c in enumerate(cols)
        ]
        zones = _zones(cols) if re.search(r"\S {2,}\S", line) and "\t" not in line else None
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
        r = round_of(s)
        if r and len(s) < 40:
            self.round = r  # 'Semi-Final 1 of 3', 'Prelims': the round of the sheet
            if self.ev is not None and not self.ev.rows:
                self.ev.round = r
        if hm:
            self.heat = int(hm.group(1))
        if wm and len(s) < 60:
            self.wind = parse_wind(wm.group(1))[0]
        if hm or (wm and len(s) < 60) or (r and len(s) < 30):
            return
        if not is_title(s) or _RULE.match(s) or all(field_of(w) for w in s.split()):
            return  # a rule, or a header word wrapped onto a line of its own
        if self.ev is not None and self.ev.rows and self.titles_done:
            self.titles = []
        self.titles_done = False
        self.titles.append(" ".join(s.split()))
        self.last_title = s
        del self.titles[:-4]
        self.team = None

    def _start_block(self, block: Block) -> None:
        if self.ev is not None and self.ev.rows and self.block is not None:
            self.new_table = block.fields != self.block.fields  # new columns: a new table
        self.block = block
        if self.first_block is None:
            self.first_block = self.i

    def _event(self, kind: str) -> Event:
        name = section_name(self.titles) or (self.ev.name if self.ev else "Results")
        if self.ev is not None and self.titles and all(_GENERIC.match(t) for t in self.titles):
            name = self.base  # 'Individual Results' under the race named above
        if self.ev is not None and not self.new_table and (self.ev.name == name or not self.titles):
            return self.ev  # the same section, maybe continued on a new page
        self.new_table = False
        ev = new_event(name)
        if ev.round is None:
            ev.round = round_of(name) or self.round or "Finals"
        self.round = None
        teams = any(_TEAM_TITLE.search(t) and not _INDIVIDUAL.search(t) for t in self.titles[-2:])
        if teams or kind == "team_scores":
            ev.kind = "team_scores"
        elif ev.kind == "team_scores":
            ev.kind = kind if kind != "team_scores" else ev.kind  # 'Individual (Team Scoring)'

        elif kind == "relay" and ev.kind == "individual":
            ev.kind = "relay"
        self.doc.events.append(ev)
        self.ev, self.heat, self.wind = ev, None, None
        if not all(_GENERIC.match(t) for t in self.titles):
            self.base = name
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
        plan = align(fields, toks, zones)
        merged = zones is None and any(
            a[0] == "athlete" and b[0] == "team" and b[1] and b[1][0].gap < 2
            for a, b in zip(plan, plan[1:], strict=False)
        )  # nothing but one space between name and team: blocks.py decides per section
        for name, ts in plan:
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
        if merged:
            row.extra["name_team_merged"] = True
        if row.heat is None and self.heat is not None:
            row.heat = self.heat
        if row.wind is None and row.wind_raw is None and self.wind is not None:
            row.wind = self.wind
        ev.rows.append(row)

    def _team_line(self, ev: Event, line: str, toks: list[Tok]) -> None:
        row = team_row(toks, line.rstrip())
        team = self.team
        runner = (
            team is not None
            and row is not None
            and row.place == self.runners + 1
            and (row.place != (team.place or 0) + 1 or self.runners > 0)
        )  # places that start again at 1 under a team are its runners
        if row is not None and row.team is not None and not runner:
            ev.rows.append(row)
            self.team, self.runners = row, 0
        elif team is not None:  # a runner listed under the team scoring above
            self.runners += 1
            raw = team.raw if isinstance(team.raw, list) else [team.raw or ""]
            team.raw = [*raw, line.rstrip()]
            team.extra.setdefault("runners", []).append(" ".join(t.text for t in toks))


def _later_place(c: Col) -> str:
    """A place column after the first: a finish time ('Finish') or a number ('#', 'No.')."""
    return "mark" if c.label.casefold().startswith("finish") else "bib"


def _columns(line: str) -> list[Col]:
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
        words = c.label.split()
        first = field_of(words[0]) if len(words) == 2 else None
        if first in TEXT_FIELDS and (second := field_of(words[1])) is not None:
            cut = c.start + len(words[0])
            out.append(Col(words[0], first, c.start, cut, True))
            out.append(Col(words[1], second, cut + 1, c.end, second in TEXT_FIELDS))
        else:
            out.append(c)
    return out


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
    if not top or len(top) > len(cols) or _RULE.match(above) or "\t" in header:
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
