"""Hy-Tek Meet Manager text reports (.txt, <pre> blocks, the text layer of its PDFs).

A report is a run of page headers (``Licensed to ...``, ``HY-TEK's Meet Manager``, the meet line
``<name> - <m/d/yyyy>``, ``Results``), event headers (``Event 3  Girls 100 Meter Hurdles``, or
``....Event 107`` when an event continues on a new page), ``=====`` rulers around a column header,
optional round/heat lines, result lines, relay leg lines (``1) Name 10   2) Name 11``), field
attempt lines, and team rankings (``n) Team  pts`` in two columns).  Columns are read from the
header words of each event (see :mod:`scraper.results.fixedwidth`), so any column set works.
"""

from __future__ import annotations

import re

from scraper.results.columns import build_row, is_placeish, is_year, mark_field
from scraper.results.dates import date_in, dayfirst_of, mostly_date
from scraper.results.fixedwidth import (
    RULER,
    Col,
    cells_by_header,
    extra_tiebreak,
    header_columns,
    header_score,
    unlabelled_lead,
)
from scraper.results.hytekcells import mark_after_team, set_off_mark
from scraper.results.marks import parse_mark, parse_wind, split_attempt
from scraper.results.meetinfo import MEET_WORDS
from scraper.results.model import (
    Event,
    ResultDoc,
    Row,
    new_event,
    relay_legs,
    round_of,
    unit_hint_of,
)
from scraper.results.teamlines import ranked_teams

EVENT = re.compile(
    r"^\s*\(?\s*(\.{2,}\s*)?(?:#\s*)?Event\s+(\d+[A-Za-z]?)\s*[:.]?\s+(.+?)\)?\s*$", re.I
)
PAGE_HEADER = re.compile(r"licensed to|hy-?tek'?s?\s+meet\s+manager|^\s*page \d+\s*$", re.I)
_PAGE_MARK = re.compile(r"\s{2,}page \d+(?: of \d+)?\s*$", re.I)  # the page, at a line's end
MEET_LINE = re.compile(
    r"^\s*(.+?)\s+-\s+((\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})(?:\s+(?:to|-)\s+\S+)?)\s*$"
)
ROUND_LINE = re.compile(
    r"^\s*(preliminaries|prelims|finals|final|timed finals|semi-?finals|semis|quarter-?finals|"
    r"heats|consolation finals?|championship finals?|qualifying|[a-c] finals?)\s*$",
    re.I,
)
HEAT_LINE = re.compile(r"^\s*(heat|section|flight)\s+(\d+)\b(.*)$", re.I)
WIND_IN_LINE = re.compile(r"wind\s*:?\s*([+-]?\s*\d+(?:[.,]\d+)?|NWI)", re.I)
LEG = re.compile(r"(?<!\S)(\d)\)\s*(.+?)(?=\s+\d\)\s|\s*$)")
_TEAM_CODE = re.compile(r"^(.*\S)\s+([A-Z][A-Z&]{1,5})$")  # a team's name, then its code
TEAM_TITLE = re.compile(r"team (rankings|scores|standings)|scores? - ", re.I)
ATTEMPT_TOKEN = re.compile(
    r"^(?:[XOP\-/]+|PASS|FOUL|F|NM|ND|r|\*?\d[\d:.'\-\"]*m?)(?:\([^)]*\))?$", re.I
)
_EVENT_LINE = re.compile(r"^[ \t]*\.*[ \t]*Event[ \t]+\d+[ \t]+\S", re.M | re.I)
_RULER_LINE = re.compile(r"^[ \t]*={10,}", re.M)
DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})")


def looks_like_hytek(text: str) -> bool:
    head = text[:20000]
    # [ \t]* rather than \s*: with re.M, \s* would run across blank lines from every line start
    return bool(_EVENT_LINE.search(head)) and bool(_RULER_LINE.search(head))


def parse(text: str) -> ResultDoc:
    return _Reader(text).run()


class _Reader:
    def __init__(self, text: str) -> None:
        self.lines = text.replace("\f", "\n").replace("\r", "").split("\n")
        self.dayfirst = dayfirst_of(text)  # '11/1/2020 to 18/1/2020': the 11th of January
        self.doc = ResultDoc(format="hytek")
        self.ev: Event | None = None
        self.cols: list[Col] | None = None
        self.round: str | None = None
        self.heat: int | None = None
        self.heat_wind: float | None = None
        self.row: Row | None = None
        self.mode = "none"  # none | rows | teams
        self.in_page_header = False
        self.unit_hint: str | None = None
        self.title: str | None = None  # the page header's first line, before the meet's line

    # ------------------------------------------------------------------ driver
    def run(self) -> ResultDoc:
        lines = self.lines
        n = len(lines)
        for i in range(n):
            line = lines[i]
            s = line.strip()
            if not s:
                continue
            if PAGE_HEADER.search(line):
                self.in_page_header = True
                continue
            header_zone = self.in_page_header or (self.ev is None and self.doc.meet.name is None)
            if header_zone and self._page_header_line(s):
                continue
            m = EVENT.match(line)
            if m and not LEG.search(line[:8]):
                self._event(m)
                continue
            if TEAM_TITLE.search(s) and not self._is_data(line):
                self._teams_title(s)
                continue
            if RULER.match(line):
                continue
            nxt = lines[i + 1] if i + 1 < n else ""
            teams_header = self.mode == "teams" and self.cols is None and not s[:1].isdigit()
            if (RULER.match(nxt) or teams_header) and header_score(line) >= 2:  # 'Place Team ..'
                cols = header_columns(line)
                if self.mode == "teams":  # XC team scores: Rank Team Total 1 2 3 4 5 *6 *7
                    if any(c.field == "team" for c in cols):
                        self.cols = cols
                    continue
                self.cols = unlabelled_lead(cols, lines[i + 1 : i + 6])  # (no 'Name Yr School')
                self._default_round()
                self.mode = "rows"
                continue
            if self.mode == "teams":
                self._team_line(line)
                continue
            if self.ev is None or self.cols is None:
                if self.ev is not None:
                    self._wind_line(line, s)  # 'Finals  Wind: +1.4' over the table's header
                continue
            if ROUND_LINE.match(line):
                self.round, self.heat_wind = round_of(s) or s, None  # (the other round's wind)
                self._new_section_if_rows()
                continue
            hm = HEAT_LINE.match(line)
            if hm and not self._is_data(line):
                self._heat(hm)
                continue
            if self._is_data(line):
                self._data(line)
                continue
            if self.row is not None and LEG.search(line) and self.ev.kind == "relay":
                self._legs(line)
                continue
            if self.row is not None and (self._rest_of_row(line) or self._attempts(line)):
                continue
            self._wind_line(line, s)
        if self.doc.meet.name is None and self.title is not None:
            self.doc.meet.name = self.title  # a header without the meet's date line
        return self.doc

    # ------------------------------------------------------------------ pieces
    def _wind_line(self, line: str, s: str) -> None:
        """A short line naming the wind ('Wind: +1.4') gives the heat its wind."""
        wm = WIND_IN_LINE.search(line)
        if wm and len(s) < 40:
            self.heat_wind = parse_wind(wm.group(1))[0]

    def _page_header_line(self, s: str) -> bool:
        meet = self.doc.meet
        if paged := _PAGE_MARK.search(s):  # 'Greyfield Relays and Open      Page 1'
            s, self.in_page_header = s[: paged.start()], True
        line = self._meet_line(s)
        if line is not None and not EVENT.match(s):
            if meet.name is None:
                # date_raw: the dates as printed, a range's end too ("4/20/2018 to 4/21/2018")
                meet.name, meet.date_raw, meet.date = line
                if self.title is not None and MEET_WORDS.search(self.title):
                    # 'Coastal League Championships' over 'Harbor Point HS - 5/3/2025'
                    meet.name, meet.venue = self.title, meet.name
            return True
        if s.casefold().startswith("results") and len(s) < 40:
            self.in_page_header = False
            return True
        if EVENT.match(s) or RULER.match(s) or TEAM_TITLE.search(s):
            self.in_page_header = False  # a page of team rankings has neither event nor ruler
            return False
        if DATE.fullmatch(s) or re.fullmatch(r"[\d/ -]+", s):
            return True
        if self.in_page_header:
            if meet.name is not None and meet.venue is None and s != meet.name:
                meet.venue = s
            elif meet.name is None and self.title is None:
                self.title = s
            return True
        return False

    def _meet_line(self, s: str) -> tuple[str, str, str | None] | None:
        """'Coastal Championships - 5/3/2025' or '... - May 3, 2025': name, date as printed,
        day."""
        m = MEET_LINE.match(s)
        if m:
            return m.group(1).strip(), m.group(2), date_in(m.group(3), self.dayfirst)[1]
        name, dash, tail = s.rpartition(" - ")
        if dash and name.strip() and mostly_date(tail.strip()):
            return name.strip(), tail.strip(), date_in(tail, self.dayfirst)[1]
        return None

    def _event(self, m: re.Match[str]) -> None:
        cont, num, name = m.group(1), m.group(2), m.group(3).strip()
        name = re.sub(r"\s*\(?\bcont(?:inued|'d|\.)?\)?\s*$", "", name, flags=re.I)
        self.in_page_header = False
        if self.ev is not None and self.ev.number == num and (cont or name == self.ev.name):
            return  # same event continued on a new page: keep columns, round and heat
        self.ev = new_event(name, number=num)
        self.doc.events.append(self.ev)
        self.cols, self.round, self.heat, self.heat_wind, self.row = None, None, None, None, None
        self.mode = "rows"
        self.unit_hint = unit_hint_of(name)

    def _teams_title(self, s: str) -> None:
        if self.mode == "teams" and self.ev is not None and not self.ev.rows:
            self.doc.events.remove(self.ev)  # 'Team Rankings - Through Event 321' over its tables
        ev = new_event(s)
        ev.kind = "team_scores"
        if ev.gender is None and self.ev is not None:
            ev.gender, ev.division = self.ev.gender, ev.division or self.ev.division
        self.doc.events.append(ev)
        self.ev, self.mode, self.row, self.cols = ev, "teams", None, None

    def _team_line(self, line: str) -> None:
        assert self.ev is not None
        if self.cols is not None and self._is_data(line):  # a team table's row (rankings two
            cells = cells_by_header(line, self.cols)
            cells.pop("x:extra", None)
            scorers = [v for k, v in cells.items() if k.startswith("x:")]
            cells = {k: v for k, v in cells.items() if not k.startswith("x:")}
            code = _TEAM_CODE.match(cells.get("team", ""))
            if code and re.search(re.escape(code[1]) + r"\s{3,}" + code[2] + r"\b", line):
                cells["team"] = code[1]  # its code ('NYP') set apart: kept in the row's extra
            else:
                code = None
            if "mark" not in cells and "points" in cells:
                cells["mark"] = cells.pop("points")
            row = build_row(cells, "points", None, True, raw=line.rstrip())
            if row is not None:
                row.points = row.mark
                if code:
                    row.extra["team_code"] = code[2]
                if scorers:
                    row.extra["scorers"] = scorers
                self.ev.rows.append(row)
            return
        self.ev.rows.extend(ranked_teams(line))  # to a line: '1) Oregon 104   2) Arkansas 98')

    def _default_round(self) -> None:
        if self.ev is None or self.cols is None:
            return  # a header before any event's line: nothing to give a round
        mf = mark_field([c.field for c in self.cols], None)
        label = next((c.label for c in self.cols if c.field == mf), "")
        named = round_of(label)  # the marks' column names it: 'Semi-Finals', 'Prelims', 'Finals'
        if self.round is None:
            self.round = named or ("Prelims" if mf == "prelims" else "Finals")
        elif named and named != self.round and self.ev.rows:
            self.round = named  # the same event's next round under its own header
            self._new_section_if_rows()
        if self.ev.round is None:
            self.ev.round = self.round

    def _new_section_if_rows(self) -> None:
        """A round line after rows starts a new section of the same event (Prelims -> Finals)."""
        assert self.ev is not None
        if self.ev.rows and self.ev.round != self.round:
            ev = new_event(self.ev.name, number=self.ev.number, round=self.round)
            self.doc.events.append(ev)
            self.ev = ev
        else:
            self.ev.round = self.round

    def _heat(self, m: re.Match[str]) -> None:
        self.heat = int(m.group(2))
        rest = m.group(3)
        wm = WIND_IN_LINE.search(rest)
        self.heat_wind = parse_wind(wm.group(1))[0] if wm else None
        r = round_of(rest)
        if r and r != self.round:
            self.round = r
            self._new_section_if_rows()

    def _is_data(self, line: str) -> bool:
        toks = line.split()
        if not toks or not is_placeish(toks[0]) or len(toks) < 2:
            return False
        if re.match(r"^\d\)$", toks[0]):
            return False
        if toks[0].endswith(")"):
            return False
        return any(ch.isalpha() for ch in line)

    def _data(self, line: str) -> None:
        assert self.ev is not None
        assert self.cols is not None
        cells = cells_by_header(line, self.cols)
        if set_off_mark(cells.get("x:extra")) and not mark_field([*cells], None):  # 'DNF' or a
            mark = mark_field([c.field for c in self.cols], None) or self.cols[-1].field  # time
            cells[mark] = cells.pop("x:extra")  # set off past its column on a line of no mark
        lead = line.split()[0]
        for f in ("athlete", "team"):  # '    1 Hargrove, Naomi': a place set right, under 'Name'
            if not cells.get("place") and cells.get(f, "").startswith(lead + " "):
                cells["place"], cells[f] = lead, cells[f][len(lead) :].strip()
        twin = mark_after_team(cells, self.round)
        tb, rest = extra_tiebreak(cells)
        relay = self.ev.kind == "relay"
        row = build_row(cells, self.unit_hint, self.round, relay, raw=line.rstrip())
        if row is None:
            return
        if tb:
            row.tiebreak = tb
        if twin:
            row.extra["mark_2"] = twin  # the mark in the other units ('6.45m' beside '21-02.00')
        for q in ("Q", "q"):  # a qualifier printed as its own token
            if q in rest and row.qualifier is None:
                row.qualifier = q
                rest.remove(q)
        if rest:
            row.extra["unassigned"] = rest
        if row.heat is None and self.heat is not None:
            row.heat = self.heat
        if row.wind is None and row.wind_raw is None and self.heat_wind is not None:
            row.wind = self.heat_wind
        if row.year and not is_year(row.year):
            row.extra["year_raw"] = row.year
        self.ev.rows.append(row)
        self.row = row

    def _rest_of_row(self, line: str) -> bool:
        """The rest of a row whose long name filled its line (``  1 Van der Westhuizen-Smith,
        Anneliese`` over ``JR University of ...  10:12.44``): the row read again from both."""
        row = self.row
        if row is None or row.mark is not None or row.status or not isinstance(row.raw, str):
            return False
        if self.ev is None or self.cols is None:
            return False
        first = cells_by_header(row.raw, self.cols)
        cells = cells_by_header(line, self.cols)
        if "athlete" in cells or "place" in cells:
            return False
        cells["place"] = first.get("place", "")
        cells["athlete"] = " ".join(v for k, v in first.items() if k not in ("place", "bib"))
        again = build_row(cells, self.unit_hint, self.round, self.ev.kind == "relay")
        if again is None or (again.mark is None and not again.status):
            return False
        again.raw, again.heat = [row.raw, line.rstrip()], row.heat
        if again.wind is None and again.wind_raw is None:
            again.wind = row.wind  # the heat's
        self.ev.rows[-1] = self.row = again
        return True

    def _legs(self, line: str) -> None:
        assert self.row is not None
        for m in LEG.finditer(line):
            leg, text = int(m.group(1)), m.group(2).strip()
            text = re.sub(r"^#\s*\d+\s+", "", text)
            yr = None
            ym = re.match(r"^(.*?)\s+([A-Z]?\d{1,2}|FR|SO|JR|SR|GR)$", text)
            if ym:
                text, yr = ym.group(1).strip(), ym.group(2)
            if text and leg > (relay_legs(self.ev.name if self.ev else "") or 8):  # '5) Ocampo'
                self.row.extra.setdefault("alternates", []).append(text)
            elif text:
                self.row.relay_members.append({"leg": leg, "athlete": text, "year": yr})

    def _attempts(self, line: str) -> bool:
        assert self.row is not None
        toks = line.split()
        if not toks or not line[:1].isspace():
            return False
        if not all(ATTEMPT_TOKEN.match(t) for t in toks):
            return False
        if (
            any(re.match(r"^\d+:\d", t) or "(" in t for t in toks)
            and all(re.match(r"^[\d:.]+(?:\([\d:.]+\))?$", t) for t in toks)
            and not any(t.endswith("m") for t in toks)
        ):
            self.row.splits.extend(toks)
            return True
        for t in toks:
            raw, wind = split_attempt(t)
            mk = parse_mark(raw, "m")
            self.row.attempts.append(
                {"n": len(self.row.attempts) + 1, "raw": t, "value": mk.value, "wind": wind}
            )
        return True
