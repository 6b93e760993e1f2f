"""Team-score tables: team lines (place, team, score, whatever else the line holds) and the
runner lines printed under a team, which belong to its row.

A team line is read by its header's columns when the header names a team column
(``CAT PLACE TEAM#  TEAM NAME  TEAM SCORE``; a score may be a time), else by its shapes
(:func:`scraper.results.blocks.team_row`). Lines whose places start again at 1 under a team,
with a time, are that team's runners; the next team is told from a runner by its place
(the team's place plus one) printed the way the team lines print theirs (``8.``); lines set in
under a team, with a time, are its runners whatever their places (their overall ones).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scraper.results.align import Tok, align, shape
from scraper.results.blocks import team_row
from scraper.results.columns import build_row, place_of
from scraper.results.headerline import Block
from scraper.results.model import Event, ResultDoc, Row, new_event

TEAM_TITLE = re.compile(
    r"(?:team|house)\s*(?:scores?|scoring|rankings?|standings|results?|points)|mannschafts\w*|"
    r"club\s*(?:scores?|rankings?|standings|points)|\bfinal\s+(?:team\s+)?score\b|"
    r"lagkonkurranse|holdkonkurrence|classement des équipes|\bteams?\b$|^teams?\b(?!\s+\w+\s*$)|"
    r"\b(?:equipos|equipas|equips|squadre|lagtävling|joukkue\w*|drużyn\w*|družstv\w*|ploegen|"
    r"echipe|ekip\w*|csapat\w*|takım\w*|ομάδ\w*|ομαδ\w*)\b|"
    r"対抗得点|学校対抗|総合得点|団体",
    re.I,
)
_INCOMPLETE = re.compile(r"\s(?:(?-i:INC)|incomplete(?: team)?)\b", re.I)  # not "Fleet Inc"
_GENDER_LINE = re.compile(r"^(?:men|women|boys|girls|male|female)'?s?:?$", re.I)
_INDIVIDUAL = re.compile(r"individual|einzel|individuel", re.I)
# 'Boys Team Scores: South Eugene 51, Wilsonville 50', 'Girls: Central 81, Lincoln 56'
_INLINE = re.compile(r"^(?P<label>[^\W\d][^:]{0,60}):\s*(?P<teams>.+)$")
_INLINE_TEAM = re.compile(
    r"^(?:=?(?P<place>\d{1,3})[.)]\s*)?(?P<team>[^\W\d].*?)\s+(?P<score>\d{1,4}(?:\.\d+)?)"
    r"(?:\s*(?:pts?|points?)\.?)?$",
    re.I,
)
_SCORERS = re.compile(r"\s*\([\d,+\s]*\)")  # the scorers' places after a score: '(1,2,4,6)'
_SCORES = re.compile(r"\bscor|\bpoints|\bstandings", re.I)
# a dual meet's score under the sport's name, as newspapers print it ('BOYS TRACK: Harwick 81, ...')
_SPORT_LABEL = re.compile(
    r"^(?:boys|girls|men|women)'?s?\s+(?:track(?:\s+(?:and|&)\s+field)?|t&f|cross[- ]country|xc)$",
    re.I,
)
_TEAM_PART = re.compile(r"\s*(?:[-–—:]+\s*)?\bteam\s+(?:results|scores|standings)\b", re.I)
# a ranked team and its score, as Hy-Tek prints team rankings two to a line
_TEAM_LINE = re.compile(r"^\s*(\d+)\.?\s+(\S.*?)\s{2,}(\d+(?:\.\d+)?)\s*$")
_TEAM_SCORE = re.compile(r"(?<!\S)(\d+)\)\s+(\S.*?)\s+(\d+(?:\.\d+)?)(?=\s{2,}|\s*$)")


def ranked_teams(line: str) -> list[Row]:
    """The teams a rankings line holds, with their places and scores ('1) Oregon  104   2)
    Arkansas  98'; one team a line, its place bare: '  1 Calloway State     10')."""
    rows = []
    for m in list(_TEAM_SCORE.finditer(line)) or filter(None, [_TEAM_LINE.match(line)]):
        r = Row(place=int(m.group(1)), team=m.group(2).strip(), raw=line.rstrip())
        r.set_mark(m.group(3), "points")
        r.points = r.mark
        rows.append(r)
    return rows


class TeamTable:
    """The team rows of one document as its lines come."""

    def __init__(self) -> None:
        self.team: Row | None = None
        self.runners = 0
        self.dotted = False  # the team lines' places are printed '1.'
        self.indent = 0  # where the team lines start

    def _cells(self, toks: list[Tok], line: str, block: Block | None) -> Row | None:
        """A team line read by its header's columns, when the header names a team column."""
        if block is None or "team" not in block.fields or "athlete" in block.fields:
            return None
        cells: dict[str, str] = {}
        rest: list[str] = []
        for name, ts in align(block.fields, toks, block.zones):
            value = " ".join(t.text for t in ts)
            if name not in cells and name != "extra" and not name.startswith("x:"):
                cells[name] = value
            else:
                rest.append(value)
        row = _cells_row(cells, line.rstrip()) if cells.get("team") else None
        if row is not None and rest:
            row.extra["detail"] = " ".join(rest)  # scoring order, team time, ...
        return row

    def line(self, ev: Event, line: str, toks: list[Tok], block: Block | None) -> None:
        """One line of a team-score table: a team row, or a runner of the team above."""
        if _INCOMPLETE.search(line):
            self.team, self.runners = None, 0  # '--  Whitmore  INC  7 36 43': too few runners
            return  # to score: no team score
        ranked = ranked_teams(line)
        if len(ranked) >= 2:  # '1) Oregon  104      2) Arkansas  98': ranked teams side by side
            ev.rows.extend(ranked)
            self.team, self.runners = None, 0
            return
        row = (None if _standing(toks) else self._cells(toks, line, block)) or team_row(
            toks, line.rstrip()
        )
        team = self.team
        dotted = toks[0].text.endswith(".")
        next_team = (
            team is not None
            and row is not None
            and row.place == (team.place or 0) + 1
            and (dotted == self.dotted or self.runners == 0)
        )  # '8.  214  Saint Mary's' after seven runners of team '7.'
        inset = toks[0].start > self.indent  # '   3 Sam Ortiz 16:05.0' under '1. St. Ignatius'
        runner = (
            team is not None
            and row is not None
            and (row.place == self.runners + 1 and not next_team or inset)
            and any(shape(t.text) == "time" for t in toks)
        )  # places that start again at 1 under a team, or set in under it, with a time
        if row is not None and row.team is not None and not runner:
            ev.rows.append(row)
            self.team, self.runners, self.dotted = row, 0, dotted
            self.indent = toks[0].start
        elif team is not None:  # a runner listed under the team scoring above
            self.runners += 1
            raw = team.raw if isinstance(team.raw, list) else [team.raw or ""]
            team.raw = [*raw, line.rstrip()]
            team.extra.setdefault("runners", []).append(" ".join(t.text for t in toks))


def _standing(toks: list[Tok]) -> bool:
    """A place, a team's words and its score, no more ('1.  Benning U  55'): read as it stands,
    whatever header is above (a points by event table's would cut it at its columns)."""
    return (
        len(toks) >= 3
        and place_of(toks[0].text) is not None
        and shape(toks[-1].text) in ("int", "int2", "decimal")
        and all(shape(t.text) in ("word", "state") for t in toks[1:-1])
    )


def _cells_row(cells: dict[str, str], raw: str) -> Row | None:
    score = cells.pop("points", None)
    row = build_row(cells, "points", None, True, raw=raw)
    if row is None or score is None:
        return row
    row.set_mark(score, "points")  # a score, or a time ('TEAM SCORE  1:08:49.1')
    if row.unit == "points":
        row.points = row.mark
    return row


def team_titles(
    titles: list[str], last: Event | None, block: Block | None, individual: bool = True
) -> bool:
    """The titles name a team table (an 'Individual' one too unless ``individual`` is False),
    or, after a team table (``last``) with no header (``block``) since, only its next gender
    ('Men' after the teams of 'Women' under 'TEAM SCORES')."""
    for t in titles[-2:]:
        if TEAM_TITLE.search(t) and (individual or not _INDIVIDUAL.search(t)):
            return True
    after = last is not None and last.kind == "team_scores" and block is None
    return after and bool(titles) and all(_GENDER_LINE.match(t) for t in titles)


def individual_title(titles: list[str]) -> bool:
    """The last title names the runners' own results ('INDIVIDUAL RESULT'), not a team's."""
    return (
        bool(titles) and bool(_INDIVIDUAL.search(titles[-1])) and not TEAM_TITLE.search(titles[-1])
    )


def inline_scores(line: str, titles: list[str]) -> list[Event]:
    """Team scores run together on one line, as meet reports and newspapers print them ('Boys
    Team Scores: South Eugene 51, Wilsonville 50, Crater 19'; 'Boys: Lincoln 78, Central 59'
    under 'FINAL SCORES'): a team_scores event named by each label ('... Crater 19. Girls:
    ...' goes on with the girls' teams), its teams placed in order (as printed, else by their
    order; equal scores tied)."""
    out: list[Event] = []
    parts = _NEXT_LABEL.split(line.strip())
    for k, part in enumerate(parts):
        ev = _inline(part, titles if k == 0 else [*titles, parts[0]], line.rstrip())
        if ev is None:
            break
        out.append(ev)
    return out


# a gender's label after the teams before it: '... North Tamsin 18. Girls: Briar Hollow 151'
_NEXT_LABEL = re.compile(r"(?<=\d\.)\s+(?=(?:men|women|boys|girls)'?s?\b[^:.]{0,30}:)", re.I)


def _inline(line: str, titles: list[str], raw: str | None = None) -> Event | None:
    m = _INLINE.match(line)
    if m is None:
        return None
    label = m["label"].strip()
    under = _GENDER_LINE.match(label) and any(_SCORES.search(t) for t in titles[-2:])
    if not (
        TEAM_TITLE.search(label) or _SCORES.search(label) or under or _SPORT_LABEL.match(label)
    ):
        return None
    teams = _SCORERS.sub("", m["teams"]).strip().rstrip(".")
    parts = teams.split(";") if ";" in teams else teams.split(",")
    meets = [p.split(",") for p in parts] if all("," in p for p in parts) else [parts]
    rows: list[Row] = []  # (a dual meet's two teams each: 'Elm 78, Oak 67; Elm 96, Ash 41')
    for teams_of in meets:
        found = [t for p in teams_of if (t := _INLINE_TEAM.match(p.strip())) is not None]
        if len(found) < 2 or len(found) < len(teams_of):
            return None
        for k, p in enumerate(found):
            row = Row(place=int(p["place"] or k + 1), team=p["team"], raw=raw or line.rstrip())
            row.set_mark(p["score"], "points")
            row.points = row.mark
            if k and row.mark == rows[-1].mark:
                row.place = rows[-1].place
            rows.append(row)
    name = label if TEAM_TITLE.search(label) else f"{label} Team Scores"
    return new_event(name, kind="team_scores", rows=rows, round="Finals")


def scores_paragraph(lines: list[str], i: int, titles: list[str]) -> tuple[Event, int] | None:
    """Team scores run together over the lines of a paragraph from line ``i`` ('Teams: 1.
    Ferbane AC 13 pts (1,2,4,6); 2. Slievenamon' / 'Harriers 46 pts (3,11,15,17); ...'): the
    event and the line after the paragraph."""
    s = lines[i].strip()
    m = _INLINE.match(s)
    bare = s.endswith(":") and TEAM_TITLE.search(s)  # 'Teams (4 to score):' over the teams
    if not bare and (m is None or not TEAM_TITLE.search(m["label"])):
        return None
    end = next((k for k in range(i + 1, min(i + 8, len(lines))) if not lines[k].strip()), None)
    end = end if end is not None else min(i + 8, len(lines))
    if end == i + 1:
        return None  # one line: inline_scores reads it
    ev = _inline(" ".join(ln.strip() for ln in lines[i:end]), titles)
    if ev is None:
        return None
    for r in ev.rows:  # its lines as printed, where the audit finds the team's
        r.raw = [ln.rstrip() for ln in lines[i:end] if r.team and r.team.split()[0] in ln] or r.raw
        r.extra["apart"] = "paragraph"  # (no line of it a result line of its own)
    return ev, end


def runner_events(events: list[Event], read: Callable[[str], ResultDoc]) -> list[Event]:
    """The runners printed under each team of a team table, read (by ``read``, the general
    reader) as the race's results, when the document holds nothing but team tables: a team
    results page that lists every scorer under the team's line ('1 South Eugene HS 34 pts' over
    '   3. Greer, Ezra   11  16:01'). Every runner line must give one row, and their places be
    the race's (none twice), else none is kept."""
    if not events or any(e.kind != "team_scores" for e in events):
        return []
    out = []
    for ev in events:
        lines = [(r.team, ln) for r in ev.rows if isinstance(r.raw, list) for ln in r.raw[1:]]
        if len(lines) < 2:
            continue
        rows = [r for e in read("\n".join(ln for _, ln in lines)).events for r in e.rows]
        places = [r.place for r in rows if r.place is not None]
        if len(rows) != len(lines) or len(set(places)) < len(places):
            continue  # (places again from 1 under each team: team places, not the race's)
        for row, (team, _) in zip(rows, lines, strict=True):
            row.team = team
        name = _TEAM_PART.sub("", ev.name).strip(" -–—:") or ev.name
        runners = new_event(name, gender=ev.gender, round=ev.round, kind="individual")
        runners.rows = sorted(rows, key=lambda r: (r.place is None, r.place or 0))
        out.append(runners)
    return out
