"""The general reader for text layouts no family reader claims (timers' reports, meet software
of many countries, PDF text layers, pages copied as text).

A document is a run of blocks: title lines, a column header (one or two lines, in any of the
languages of :mod:`scraper.results.headers`), result lines. The header's fields, in order, are
aligned with each result line's tokens (:mod:`scraper.results.align`), so aligned, collapsed
and tab-separated layouts read alike; without a header a line is aligned with the order most
results print (place, bib, name, class, team, mark). Lines printed on every page are furniture,
not titles (:mod:`scraper.results.sections`); a title that repeats the current one continues
its section. A header naming a team and no athlete makes a relay block; team-score tables
(``Team Scores``, ``Rank Team Score``) give team rows, the runner lines under a team its own,
until an individual title. Gun or net time and the split between name and team where spacing
says nothing are chosen per section (:mod:`scraper.results.blocks`).
"""

from __future__ import annotations

import re

from scraper.results.align import TIMES, Tok, left_over, realigned, shape, tokens, zone_of
from scraper.results.blocks import finish_section
from scraper.results.columns import build_row
from scraper.results.dates import dayfirst_of, mostly_date, opens_with_date
from scraper.results.gutters import unfold_pages
from scraper.results.headerline import PLACE_SHAPES, RULE, Block, read_header
from scraper.results.headers import field_of
from scraper.results.linetokens import (
    RESULT_SHAPES,
    bracket_plan,
    comma_plan,
    given_name_first,
    name_after_status,
    places_on,
    series_apart,
    spaced_name_team,
    split_glued,
    unplaced_row,
)
from scraper.results.marks import wind_in
from scraper.results.model import (
    Event,
    ResultDoc,
    Row,
    gender_of,
    new_event,
    round_of,
    unit_hint_of,
)
from scraper.results.plancells import cells_of, settle
from scraper.results.resultlike import race_title
from scraper.results.rowdetails import dq_reason, team_runners, timed_detail
from scraper.results.rowlines import bare_row, continued, finish_row, legs, runners_apart, spilled
from scraper.results.runnerlines import runners, stage_parts
from scraper.results.sections import (
    GENERIC_TITLE,
    UNITS,
    bare_race_title,
    clean_title,
    furniture,
    heat_of,
    is_event_title,
    is_title,
    meet_heading,
    numbered_heading,
    other_sex,
    section_name,
    sex_heading,
    without_day_set_right,
    without_start_time,
)
from scraper.results.statuses import status_heading, status_key, status_last
from scraper.results.teamlines import (
    TEAM_TITLE,
    TeamTable,
    individual_title,
    inline_scores,
    runner_events,
    scores_paragraph,
    team_titles,
)

_UNIT = re.compile(UNITS, re.I)
_MAX_TITLES = 4
# a line without a header: place, bib, name, year (or age and sex), team, mark; the year after the
# team ('Ann Lee  Army  JR  20:48.3'); the mark right after the place ('1. 1:55.21 PR  Ann Lee')
_DEFAULT: tuple[str, ...] = ("place", "bib", "finals", "qual", "athlete", "year", "sex", "team")
_DEFAULT += ("year_after", "mark", "x:a", "x:b", "x:c")  # (x: what is left over)


def parse(text: str) -> ResultDoc:
    return _Reader(text).run()


class _Reader:
    def __init__(self, text: str) -> None:
        pages = [p.split("\n") for p in text.replace("\r\n", "\n").replace("\r", "\n").split("\f")]
        self.furniture = furniture(pages)  # as printed, before tables side by side unfold
        self.lines = unfold_pages(pages)
        self.doc = ResultDoc(format="fallback")
        self.titles: list[str] = []
        self.block: Block | None = None
        self.ev: Event | None = None
        self.teams = TeamTable()
        self.wind: float | None = None
        self.heat: int | None = None
        self.conditions_new = False  # a heat or wind read since the last row (the next rows)
        self.listed: str | None = None  # 'DNF' over the runners who did not finish
        self.first_block: int | None = None
        self.dayfirst = False
        self.i, self.new_table, self.titles_done = 0, False, False
        self.given_first = given_name_first(self.lines)  # 'Juho Laine, Oulun Tarmo 12,07'
        self.base: str | None = None
        self.heading: str | None = None
        self.round: str | None = None
        self.sheet_round: str | None = None  # a round the report's heading names
        self.last: Row | None = None  # the row a continuation line would continue
        self.width, self.mark_end = 0, -9  # tokens on the last row's line, where its mark ends
        self.unread: int | None = None  # titles before the current block, until it reads a row

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
            above = lines[self.i - 1] if self.i and self.titles else ""
            hdr = read_header(line, lines[i] if i < n else "", above)
            if hdr is not None:
                i += hdr.used
                nxt = lines[i + 1] if i + 1 < n else ""
                lower = read_header(lines[i], nxt, line) if hdr.used == 0 and i < n else None
                if lower is not None and lower.upper:  # this line is the upper half
                    hdr, i = lower, i + 1 + lower.used
                elif hdr.upper and self.titles and self.titles[-1] == " ".join(above.split()):
                    self.titles.pop()  # the upper line of a two-line header
                if hdr.language not in (None, "en", "ja", "zh", "ko"):
                    self.dayfirst = True  # 07/04/2018 is the 7th of April
                self._start_block(hdr.block)
                continue
            if self.block is not None and self.unread is not None and len(s) < 40:
                fields = [field_of(w) for w in s.split()]
                if all(fields) and not round_of(s):  # 'Pace' alone under it: rows wrap too
                    self.block.wrapped = tuple(f for f in fields if f)
                    continue
            line, leg = stage_parts(line, self.block.legs_at if self.block else None)
            line = status_last(line)  # 'DNS: Wren Tattersall (Fernmouth TC)'
            placed = self.ev.rows[-1].place if self.ev and self.ev.rows else None
            toks = places_on(split_glued(tokens(line)), placed)  # ('1995' after 1994: a place)
            if s in self.furniture and not (self.block is not None and self._is_row(toks)):
                if self.last is not None and self.block is not None:  # (a club under a name,
                    spilled(self.last, line, self.block)  # printed under many names)
                continue  # (a runner listed again under each view: overall, gender, age group)
            relay = self.ev.name if self.ev is not None and self.ev.kind == "relay" else None
            if self.last is not None and relay is not None and runners(self.last, line, relay):
                continue  # the relay team's runners, under its row ('1) Ann Moss 2) Bea Cole')
            if self._is_row(toks):
                self._row(line, toks)
                if leg and self.last is not None and self.ev is not None:  # its first runner
                    runners(self.last, leg, self.ev.name)
                continue
            last, self.last = self.last, None
            if last is not None and dq_reason(last, line):
                continue  # 'TR17.3.1 lane infringement' under a DQ row: its reason
            listing = self.listed and status_heading(s)  # 'DNF' .. 'DNS': no row's
            if last is not None and not listing and continued(last, line, self.block):
                raw = last.raw if isinstance(last.raw, list) else [last.raw or ""]
                last.raw, self.last = [*raw, line.rstrip()], last
                continue
            owner = last or (self.teams.team if self.ev and self.ev.kind == "team_scores" else None)
            if owner is not None and (timed_detail(owner, s) or team_runners(owner, s)):
                self.last = last
                continue
            if (paragraph := scores_paragraph(lines, self.i, self.titles)) is not None:
                self._scores(paragraph[0])  # 'Teams: 1. Ferbane AC 13 pts (1,2,4,6); 2. ...'
                i = paragraph[1]  # ... over the lines of a paragraph
                continue
            self._other(s)
        self.doc.events = [e for e in self.doc.events if e.rows]
        self.doc.events += runner_events(self.doc.events, parse)  # team blocks alone
        for ev in self.doc.events:
            finish_section(ev)
        dayfirst = self.dayfirst or dayfirst_of("\n".join(lines))
        self.doc.meet = meet_heading(lines[: self.first_block or 40], dayfirst)
        if sum(len(e.rows) for e in self.doc.events) < 2:
            self.doc.events = []
        return self.doc

    def _is_row(self, toks: list[Tok]) -> bool:
        if len(toks) < 2 or status_key(" ".join(t.text for t in toks[:3])):
            return False  # (a key to the status codes: 'RTD - retired.  DSQ - ...')
        if len(toks) > 2 and re.fullmatch(r"#\d{1,6}", toks[0].text):  # a bib with its sign:
            return self._is_row(toks[1:])  # '#1218 Colborne, Una  SO  Tri-State Poly  DNF'
        shapes = [shape(t.text) for t in toks]
        if shapes[0] == "state" and shapes[1] == "word" and toks[0].text.isupper():
            shapes[0] = "word"  # a surname's particle, not a state: 'DE OLIVEIRA Mehdi ... DNS'
        if shapes[0] == "word" and (self.block is not None or (self.ev and self.ev.rows)):
            width = self.width if self.last is not None else 0
            dates = self.block is None or "year" in self.block.fields
            return unplaced_row(toks, shapes, width, self.mark_end, dates)
        b = self.block  # a non-finisher's bib like a year, under 'Bib' ('2019  Ann LEE ... DNS')
        if shapes[0] == "year4" and "status" in shapes and b is not None and b.zones is not None:
            shapes[0] = "int" if b.fields[zone_of(toks[0], b.zones)] == "bib" else shapes[0]
        if shapes[0] not in PLACE_SHAPES or opens_with_date([t.text for t in toks[:3]]):
            return False
        if toks[1].text in ("x", "X", "×") and toks[2:] and toks[2].text[:1].isdigit():
            return False  # '4 x 100m Under 17 Women   Final': a relay's title
        line = " ".join(t.text for t in toks)
        if numbered_heading(toks[0].text, toks[1].text) or (
            toks[0].text[0].isalpha() and race_title(line)
        ):
            return False  # a numbered heading ('2. Lauf'), a category's race ('T15 800 m')
        if "word" not in shapes:
            return False
        if RESULT_SHAPES.intersection(shapes[1:]):
            return True
        if shapes[0] in ("dash", "status"):  # not placed; '** NO FINISHERS ...' is no row
            relay = self.ev is not None and self.ev.kind == "relay"  # 'DQ  Falkirk  (A. Muir, ...)'
            listed = relay and runners_apart(toks)[1] is not None
            named = bool(self.ev and self.ev.rows) and name_after_status(toks)  # 'DNF Ann Lee'
            return listed or named or any(s not in ("word", "dash", "state") for s in shapes[1:])

        if self.block is None and not team_titles(self.titles, self.ev, self.block):
            return False
        if _UNIT.fullmatch(toks[1].text.split(".")[0]) and is_event_title(line):
            return False  # the next event's title under the last header: '10 km Dames'
        if bare_race_title(line):
            return False  # ... or with the distance bare: '1000 CADETTI - Serie Unica'
        return not mostly_date(line)  # '30th - 31st August 2018'

    def _scores(self, ev: Event) -> None:
        """Team scores in a line or a paragraph: of the sex headed, else of the race above."""
        heading = sex_heading(self.titles)  # 'BOYS' over 'Team scores: ...' and the events after
        self.heading, above = heading or self.heading, self.ev.gender if self.ev else None
        ev.gender = ev.gender or gender_of(heading) or above
        self.doc.events.append(ev)
        self.titles_done = True

    def _other(self, s: str) -> None:
        """A line that is neither header nor result: wind, heat, round, title, or team scores."""
        if scores := inline_scores(s, self.titles):  # 'Boys Team Scores: South Eugene 51, ...'
            for ev in scores:
                self._scores(ev)
            return
        if (status := status_heading(s)) and self.ev and self.ev.rows:
            self.listed = status  # 'DNF' on a line of its own: the status of the runners under it
            return
        s = without_day_set_right(without_start_time(s))  # '... Final   Start: 14:01:31'
        wind, rest = wind_in(s)
        wm = rest != s  # a wind named (or 'NWI': no value)
        hm = heat_of(s)
        titled = TEAM_TITLE.search(s) or GENERIC_TITLE.match(s)  # 'FINAL TEAM SCORES'
        r = None if titled else round_of(s)
        if hm is not None and r == "Heats" and self._round_known():
            r = None  # 'Heat 1 of 2' under 'Prelims': a heat of the round printed
        if r and len(rest if wm else s) < 40:
            self.round = r  # 'Semi-Final 1 of 3', 'Prelims': the round of the sheet
            if self.ev is not None and not self.ev.rows:
                self.ev.round = r
        if r and self.first_block is None and not any(map(is_event_title, [*self.titles, s])):
            self.sheet_round = r  # in the report's heading ('... - Preliminaries'): every event's
        if hm is not None:
            self.heat, self.conditions_new = hm, True
            self.wind = None  # each heat its own wind: none, unless one is printed with it
        elif r:
            self.heat = None  # 'Finale' after 'Vorlauf 2': the final has no heat
        if wm and len(rest) < 60:
            self.wind, self.conditions_new = wind, True
            if hm is None and is_event_title(rest):
                s = rest  # '80 metri Cadetti - Finale   vento +0,4': a title with its wind
                wm = False
        short = len(" ".join(s.split()))  # ('Semi-Final 1      Wind: +0.4 m/s': spaced out)
        if hm is not None or (wm and short < 60) or (r and short < 30 and not is_event_title(s)):
            return  # a round line ('Prelims') is no title; a short event's ('100m Men Final') is
        s = clean_title(s)  # '>>> >>>>SOUTH BRUNSWICK RESIDENTS<<<< <<<'
        words = all(field_of(w) for w in s.split()) and not TEAM_TITLE.search(s)
        if not is_title(s) or RULE.match(s) or words:
            return  # a rule, or header words on a line of their own ('Team Results' is a title)
        if self.ev is not None and self.ev.rows and self.titles_done:
            self.titles = []
            self.unread = 0 if self.unread is not None else None
        self.titles_done = False
        if self.block is not None and self.block.legs_at is not None:
            self.block = None  # a title after a stage relay's teams: their legs end
        self.titles.append(" ".join(s.split()))
        if len(self.titles) > _MAX_TITLES:
            del self.titles[0]
            self.unread = max(0, self.unread - 1) if self.unread is not None else None
        self.teams.team = None

    def _round_known(self) -> bool:
        """A round is printed for the lines to come: a round's line, the sheet's round, or the
        round of the event whose rows the last lines were ('Heat 2' after its heat 1)."""
        ev, block = self.ev, self.block
        on = ev is not None and bool(ev.rows) and self.titles_done and ev.round != "Finals"
        finals = block is not None and "finals" in block.fields and "prelims" not in block.fields
        return bool(self.round or self.sheet_round or on or finals)  # (or a 'Finals' column)

    def _start_block(self, block: Block) -> None:
        if self.unread is not None and self.block is not None and block.fields != self.block.fields:
            del self.titles[: self.unread]  # the table before read no row: its titles go
        self.unread = len(self.titles)  # (the same header again keeps them: one table)
        if self.ev is not None and self.ev.rows:
            # new columns, or columns after lines read without any: a new table (till a row)
            changed = self.block is None or block.fields != self.block.fields
            self.new_table = self.new_table or changed
        self.block, self.listed = block, None
        if self.first_block is None:
            self.first_block = self.i

    def _event(self, kind: str) -> Event:
        named = [t for t in self.titles if not GENERIC_TITLE.match(t)]
        short = bool(named) and len(named[-1].split()) <= 2  # 'Girls', 'Boys U/8'
        if len(named) >= 2 and short and not is_event_title(named[-2]):
            self.heading = named[-2]  # 'Medium Primary Schools' over its races
        elif len(named) == 1 and short and self.heading is not None:
            named = [self.heading, *named]  # 'Boys U/8' further down under the same heading
        if named:  # 'Team Scoring Summary', 'Individual Results': headings, not names
            name = section_name(named) or "Results"
        elif self.titles and self.base is not None:
            name = self.base  # 'Individual Results' under the race named above
        else:
            name = section_name(self.titles) or (self.ev.name if self.ev else "Results")
        teams = team_titles(self.titles, self.ev, self.block, individual=False)
        ev = self.ev
        same = ev is not None and (ev.name == name or not self.titles) and not self.new_table
        same = same and not other_sex(self.titles, ev.gender if ev else None)
        moved = ev is not None and self.round is not None and self.round != ev.round
        moved = moved or bool(ev and ev.kind == "team_scores" and individual_title(self.titles))
        if ev is not None and same and not moved and not (teams and ev.kind != "team_scores"):
            self.round = None  # ('Heat 2' of this event's heats: no round for the next event)
            return ev  # the same section, maybe continued on a new page
        self.new_table = False  # (a 'Team Scores' title under a race's runners is its teams')
        ev, self.listed = new_event(name), None
        if ev.gender is None and self.heading is not None and self.heading in named:
            ev.gender = gender_of(self.heading)  # 'BOYS' over '100: 1. Ann Lee ...'
        if ev.round is None:
            ev.round = round_of(name) or self.round or self.sheet_round or "Finals"
        self.round = None
        above = self.ev.gender if self.ev is not None and self.ev.kind != "team_scores" else None
        if teams or kind == "team_scores":
            ev.kind, ev.gender = "team_scores", ev.gender or above  # the race's above
        elif ev.kind == "team_scores" or (kind == "relay" and ev.kind == "individual"):
            ev.kind = kind  # 'Individual (Team Scoring)', a relay block
        self.doc.events.append(ev)
        self.ev = ev
        if not self.conditions_new:  # a wind printed under the heading is this event's
            self.heat, self.wind = None, None
        self.base = name if named else self.base
        return ev

    def _row(self, line: str, toks: list[Tok]) -> None:
        block = self.block
        ev = self._event(block.kind if block else "individual")
        self.titles_done = True
        if self.first_block is None:
            self.first_block = self.i
        if ev.kind == "team_scores":
            self.teams.line(ev, line, toks, self.block)
            return
        toks, listed = runners_apart(toks) if ev.kind == "relay" else (toks, None)
        fields, zones = block.team_part() if block else (_DEFAULT, None)
        loose = (comma_plan(toks, self.given_first) or bracket_plan(toks)) if not block else None
        toks, tries = (toks, []) if loose or "series" in fields else series_apart(toks)
        plan = loose or realigned(fields, toks, zones, tries)
        if block is not None and left_over(plan) and (commas := comma_plan(toks)):
            plan = commas  # a list in commas under an earlier section's header
        # one space between name and team (no comma, no bracket): blocks.py decides per section
        merged = zones is None and plan is not loose and spaced_name_team(plan)
        read = cells_of(plan)
        cells, extra, flags, attempts = read.cells, read.extra, read.flags, read.attempts
        relay = ev.kind == "relay"
        settle(cells, [name for name, _ in plan], fields, block is not None, relay)
        if self.listed and not cells.keys() & TIMES:
            cells["mark"] = self.listed  # ('  55  CARTWRIGHT, Harriet  Calder AC' under 'DNF')
        row = build_row(cells, unit_hint_of(ev.name), ev.round, relay, raw=line.rstrip())
        if row is not None and self.listed and row.mark_raw == self.listed:
            row.extra["apart"] = "status heading"  # (its line prints no status: for the audit)
        if row is None or bare_row(row, attempts, line.strip() in self.furniture):
            return  # an entrant listed with no place, mark or status ('-- -- 292 Ann LEE')
        row.attempts = attempts
        row.relay_members = legs(listed) if listed else row.relay_members
        finish_row(row, flags, extra, "bib" in (block.fields if block else ()))
        if merged and not relay:  # (a relay team's name is all the team's)
            row.extra["name_team_merged"] = True
        if row.heat is None and self.heat is not None:
            row.heat = self.heat
        if row.wind is None and row.wind_raw is None and self.wind is not None:
            row.wind = self.wind
        ev.rows.append(row)
        if row.place is None and self.last is not None and row.mark == self.last.mark:
            row.place = self.last.place  # a tie, its place printed once over both (or neither)
        self.last, self.unread, self.conditions_new, self.width = row, None, False, len(toks)
        self.mark_end = next((t.end for t in toks if t.text == row.mark_raw), -9)
