"""Lines that continue the result row above them, in any layout: a field event's attempts
(``FOUL  5.23  5.40(+1.2)``, ``XO  XXO``), a race's splits with their ranks (``15.4 (3)
31.5 (4) ...``), the mark again in other units (``-  14-2`` under ``4.32m``).

Such a line holds no name and nothing but marks, attempt codes, statuses and bracketed ranks
or winds; it belongs to the row printed right above it, whose raw lines it joins. So do the
lines naming a relay team's runners (:mod:`scraper.results.runnerlines`; :func:`members_of`
reads them from a line or a table's cell), a name or club wrapped onto the next line under its
own column
(:func:`spilled`), and a table cell's second line (:func:`two_lines`).
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from scraper.results.align import BRACKET_WIND, Tok, shape, tokens, zone_of
from scraper.results.headers import field_of
from scraper.results.marks import parse_mark, split_attempt
from scraper.results.model import Row, gender_of
from scraper.results.sections import is_event_title


class Block(Protocol):
    """The columns of the lines under a header, as :class:`scraper.results.headerline.Block`
    holds them (named here by their shape: that module builds on this one)."""

    fields: tuple[str, ...]
    zones: tuple[tuple[int, int], ...] | None
    labels: tuple[str, ...]
    wrapped: tuple[str, ...]


# X (miss), O (clearance), P / - (pass), r (retired), and their runs ('XXO', 'XX-', '–––')
_CODES = re.compile(r"^(?:[XOPxo\-–—/*]+|r|PASS|FOUL|F|NM|ND|DNS|NH)(?:\([+-]?\d[.,]\d\))?$")
_RANK = re.compile(r"^\(\s*\d{1,3}\s*\)?$|^\d{1,3}\)$|^\($")
_LEG = re.compile(r"(?:^|\s)[1-8][).]\s+")  # '1) Ann Moss 2) Bea Cole', '1. Ann Moss 2. ...'
# a runner a line with the leg's split and the team's time so far: '  Oren Wragg  50.06  (50.06)'
_WIND = re.compile(r"^[+-]\d{1,2}[.,]\d$")  # a signed wind: '+1.1', '-0,6'
_CALM = re.compile(r"^[+±-]?0[.,]0$")  # no wind, often printed unsigned: '0.0'
_SEPARATORS = frozenset({"/", "|", ";", "·"})
_CLASS_AFTER = re.compile(r"\s+(?:\d{1,2}|(?:FR|SO|JR|SR)(?:-\d)?)$")  # a class: "SO-2"
_FOUNDED = re.compile(r"^1[89]\d\d$|^20[0-2]\d$")
_WORDY = frozenset({"word", "state", "sex", "class"})  # the shapes of a name's or club's words
_HEADING_WORDS = frozenset(
    {"team", "teams", "results", "result", "scores", "standings", "individual", "overall"}
)


def _mark(tok: str) -> float | None:
    raw, _ = split_attempt(tok)
    return parse_mark(raw, "m" if "-" in raw else None).value


def continues(row: Row, toks: list[str]) -> bool:
    """Fold the line's tokens into ``row`` when they continue it (see the module doc)."""
    toks = [t for t in toks if t not in _SEPARATORS]  # '5,60 / x / 5,84': slashes part them
    if len(toks) == 1 and _RACE.fullmatch(toks[0]):
        return False  # '1500m' alone: the next race's title, no try (a try has its fraction)
    winds = [_unbracketed(t) or t for t in toks]  # '(+0.9)'
    signed = any(_WIND.match(t) for t in winds)
    if signed and all(_WIND.match(t) or _CALM.match(t) for t in winds):  # the winds under its
        # tries (a calm one unsigned: '+0.3  0.0  0.0'), or its result's alone under it ('+1.0')
        by_try = winds if len(winds) > 1 else []  # (one wind alone is its result's)
        for attempt, wind in zip(row.attempts, by_try, strict=False):  # the result's is the last
            attempt["wind"] = attempt["wind"] if attempt["wind"] is not None else wind
        row.extra["winds"] = " ".join(winds)
        if row.wind is None and row.wind_raw is None and row.unit != "points" and not row.status:
            row.set_wind(winds[-1])  # the result's (a combined event's total has none)
        return True
    marks = [
        t for t in toks if not _CODES.match(t) and not _RANK.match(t) and not BRACKET_WIND.match(t)
    ]
    if not toks or any(_mark(t) is None for t in marks):
        return False
    ranks = [t for t in toks if _RANK.match(t)]
    if len(marks) >= 2 and ranks and len(ranks) >= len(marks) - 1:
        row.splits.extend(marks)  # '15.4 (3)  31.5 (4)': split times with their ranks
        return True
    if len(marks) == 1 and len(toks) - len(marks) <= 1 and row.mark is not None:
        value = _mark(marks[0])
        if value is not None and abs(value - row.mark) < 0.02 * max(row.mark, 1.0):
            row.extra["mark_2"] = marks[0]  # the same mark printed in other units
            return True
    if not marks and not any(_CODES.match(t) and t not in "-–—" for t in toks):
        return False  # dashes alone say nothing
    row.attempts.extend(tries(toks, len(row.attempts)))
    return True


def continued(row: Row, line: str, block: Block | None) -> bool:
    """The rest of a row on the next line: as its header wrapped, words under their columns,
    splits, tries or the mark in other units (folded into ``row``)."""
    toks = line.split()
    if guide := _GUIDE.match(line.strip()):  # a para athlete's guide runner, under the row
        row.extra["guide"] = guide[1]
        return True
    if block is not None and block.wrapped and len(toks) == len(block.wrapped):
        row.extra.update(zip(block.wrapped, toks, strict=True))
        return True
    if len(toks) >= 3 and _LABEL.fullmatch(toks[0]) and continues(row, toks[1:]):
        return True  # 'Série: x  16,73  15,93  x': the row's tries, labelled
    wind = _unbracketed(toks[0]) if line[:1].isspace() and len(toks) == 1 else None
    if wind and _WIND.match(wind):
        row.extra["winds"] = wind  # '(+1.5)' under a combined event's row: its one measured
        return True  # event's wind
    return (block is not None and spilled(row, line, block)) or continues(row, toks)


def _unbracketed(token: str) -> str | None:
    """What a token holds in brackets ('(+0.9)' -> '+0.9'), None when it is not in brackets."""
    return token[1:-1] if token[:1] == "(" and token[-1:] == ")" else None


_LABEL = re.compile(r"[^\W\d_]{3,}\.?:")
_RACE = re.compile(r"\d{2,5}m|\d{1,3}km", re.I)
_GUIDE = re.compile(r"^(?:guide|guía|guia|guida|begleitläufer(?:in)?|pilot)\s*:\s*(\S.*)$", re.I)


def spilled(row: Row, line: str, block: Block) -> bool:
    """Words of the row's name or club wrapped onto the next line, each under its own column
    ('   Echeverría          Politécnica de Valencia' under 'Juan Sebastián Rodríguez  ECU
    Club Atlético Universidad'): joined to them; under a column headed for both ('Name /
    Verein'), the club printed under the name."""
    toks, zones, fields = tokens(line), block.zones, block.fields
    wordy = [shape(t.text) in _WORDY or (k and _FOUNDED.match(t.text)) for k, t in enumerate(toks)]
    if zones is None or not toks or not all(wordy):  # (a club's founding year: 'TSV Oberau 1886')
        return False
    if all(_CODES.match(t.text) for t in toks):
        return False  # a field event's tries, all missed: 'X X X' under a no-mark row
    if is_event_title(line) or gender_of(line) or toks[0].start < zones[0][1]:
        return False  # the next event's title ('Weitsprung Frauen'), at the page's margin
    if _HEADING_WORDS & {t.text.casefold() for t in toks}:
        return False  # a heading ('Team Scores', 'Individual Results')
    above = row.raw[0] if isinstance(row.raw, list) else row.raw or ""
    clubless = row.team is None or row.team == row.extra.get("country")  # ('GER': its nation)
    stacked = clubless and row.athlete and _stacked(block, "athlete", "team")
    if stacked and {fields[zone_of(t, zones)] for t in toks} == {"athlete"}:
        row.team = " ".join(t.text for t in toks)
        return True
    spill: dict[str, list[str]] = {}
    for t in toks:
        z = zone_of(t, zones)
        field = fields[z] if 0 <= z < len(fields) else ""
        value = getattr(row, field, None) if field in ("athlete", "team") else None
        if not value:
            return False
        if field not in spill and abs(above.find(value.split()[0]) - t.start) > 1:
            return False  # not under the value's first letter: a page's heading, centred
        spill.setdefault(field, []).append(t.text)
    for field, words in spill.items():
        value = getattr(row, field)
        glue = "" if _cut(value, words[0], above) else " "
        setattr(row, field, f"{value}{glue}{' '.join(words)}")
    return True


def _stacked(block: Block, field: str, under: str) -> bool:
    """The column of ``field`` is headed for ``under`` too, after a slash ('Name / Verein')."""
    if field not in block.fields or len(block.labels) != len(block.fields):
        return False
    label = block.labels[block.fields.index(field)]
    return "/" in label and field_of(label.rsplit("/", 1)[1].strip()) == under


_PARTICLES = frozenset(
    ("de", "da", "di", "do", "du", "la", "le", "van", "von", "der", "den", "del", "dos", "das")
    + ("ter", "ten", "zu", "y", "e")
)


def _cut(value: str, spill: str, above: str) -> bool:
    """A word cut where its column ends ('Maximiliano Castella' + 'no de la Vega'): the value
    fills its column up to the next one's single space and goes on in lower case."""
    start = above.find(value)
    end = start + len(value)
    return (
        start >= 0
        and above[end : end + 1] == " "
        and above[end + 1 : end + 2] not in ("", " ")
        and value[-1:].isalpha()
        and spill[:1].islower()
        and spill.casefold() not in _PARTICLES
    )


def tries(toks: list[str], before: int = 0) -> list[dict[str, Any]]:
    """A field event's tries as printed ('6,12', 'x', '-', '7.85(+1.2)'), numbered on from
    ``before``: as ``Row.attempts`` holds them."""
    out = []
    for k, t in enumerate(toks, before + 1):
        _, wind = split_attempt(t)
        out.append({"n": k, "raw": t, "value": _mark(t), "wind": wind})
    return out


def height_attempt(n: int, height: str, printed: str) -> dict[str, Any]:
    """The tries at one bar height (vertical jumps): 'XO' = a miss, then a clearance."""
    return {"n": n, "raw": printed, "value": parse_mark(height, "m").value, "result": printed}


_UNPLACED = frozenset({"DNF", "DNS", "DQ", "SCR"})  # statuses no place goes with
_BARE_WIND = re.compile(r"^[+-]\d[.,]\d$")  # signed, one decimal: not a gap ('+0.15')


def finish_row(row: Row, flags: list[str], extra: list[str], bibs: bool) -> None:
    """What a row's line prints beside its fields: a qualifier and other flags, a wind in
    brackets after the mark ('7,45 (+1,2)'), tokens no column took; under a header with a bib
    column (``bibs``), the bib beside a blank place read as the place ('  55  DOE, John  DNS')."""
    if row.status in _UNPLACED and row.place is not None and bibs and not row.bib:
        row.bib, row.place = str(row.place), None
    for f in flags:
        if f in ("Q", "q"):
            row.qualifier = f
        elif f not in row.flags:
            row.flags.append(f)
    wind = next((w for w in extra if BRACKET_WIND.match(w) or _BARE_WIND.match(w)), None)
    if wind is not None and row.wind is None and row.wind_raw is None and row.mark is not None:
        extra.remove(wind)  # '7,35 (-1,3)', or '7,35  -1,3' where no column names the wind
        row.set_wind(wind.strip("()"))
    if extra:
        row.extra["unassigned"] = extra


def runners_apart(toks: list[Tok]) -> tuple[list[Tok], list[str] | None]:
    """A relay's runners in brackets on its row ('3:15.44   (R. MacDonald, J. O'Neill, K.
    Mensah, D. Van Wyk)'): the row's other tokens, and the runners (None: the row names none)."""
    for i, t in enumerate(toks):
        if t.text[:1] not in "([" or _SEX_MARK.match(t.text):
            continue  # (a mixed relay's runner's sex: 'Jolie Pike (F), ...')
        j = next((j for j in range(i, len(toks)) if toks[j].text[-1:] in ")]"), None)
        joined = " ".join(x.text for x in toks[i : (j if j is not None else i) + 1])
        if j is not None and joined.count(",") >= 2 and (names := members_of(joined)):
            return toks[:i] + toks[j + 1 :], names
    return toks, None


def members_of(cell: str) -> list[str] | None:
    """A cell naming a relay's runners ('Smith, Andy; Doe, Bob; Roe, Carl; Poe, Dan', 'A. Smith /
    B. Doe / ...', 'Moss/Cole/Dunn/Fry', 'Andy Smith, Bob Doe, Carl Roe, Dan Poe', '1) Ann Moss
    2) Bea Cole ...', '1. Ann Moss 2. Bea Cole ...', in brackets or not: '(Ann Moss - Bea Cole -
    Cat Dunn - Dee Fry)'), else None."""
    cell = _MEMBERS_LABEL.sub("", cell, count=1)  # 'Members: Zara Barnes, ...'
    close = {"(": ")", "[": "]"}.get(cell[:1], "")
    bracketed = bool(close) and cell.find(close) > 0
    if bracketed:
        cell = cell[1 : cell.find(close)].strip()  # (a remark after the brackets: no runner's)
    numbered = [p.strip() for p in _LEG.split(cell)]
    if len(numbered) >= 3 and not numbered[0] and _names(numbered[1:]):
        return [_CLASS_AFTER.sub("", n) for n in numbered[1:]]  # 'Moss, Ann 11': her class apart
    for sep, least in _RUNNER_SEPARATORS:
        parts = [p.strip() for p in cell.split(sep)]
        if len(parts) < least or len(parts) > 8:
            continue
        if sep == ", " and any(len(p.split()) < 2 for p in parts):
            continue  # 'Smith, Andy, Doe, Bob': surname-first names parted by the same comma
        if sep.strip() in "-–" and not bracketed and any(len(p.split()) < 2 for p in parts):
            continue  # 'Longueur - Finale - Hommes': a title's parts
        if sep == "・" and not all(_KANA_NAME.fullmatch(p) for p in parts):
            continue  # '村上紗希・山本花子・...': names alone, not a row's line
        if _names(parts):
            return parts
    return None


# what parts a relay's runners in one cell, and how many runners at least it parts
_RUNNER_SEPARATORS = ((";", 2), (" / ", 2), ("/", 3), (" - ", 3), (" – ", 3), (", ", 3), ("・", 3))
_KANA_NAME = re.compile(r"[^\W\d_]+(?:\s[^\W\d_]+)?")
_MEMBERS_LABEL = re.compile(r"^\s*[^\W\d_]{3,15}\s*:\s+")


def runners_of(cell: str) -> list[str] | None:
    """A cell naming a relay's runners: in a list (:func:`members_of`) or three or more one to
    a line (two lines are a title's, or a name over its club)."""
    lines = [p.strip() for p in cell.split("\n") if p.strip()]
    titled = any(is_event_title(p) or gender_of(p) for p in lines)
    if len(lines) >= 3 and _names(lines) and not titled:
        return lines
    return members_of(" ".join(cell.split()))


def is_surname(part: str) -> bool:
    """A surname alone, as newspapers list a relay's runners: one capitalised word."""
    return bool(_SURNAME.fullmatch(part)) and part[0].isupper()


_SURNAME = re.compile(r"[^\W\d_][\w'’-]+")


def _names(parts: list[str]) -> bool:
    """Every part a person's name: letters, at most five words."""
    return all(re.search(r"[^\W\d_]{2}", p) and len(p.split()) <= 5 for p in parts)


def legs(names: list[str], first: int = 1) -> list[dict[str, Any]]:
    """A relay's runners in the order printed (the first one's leg ``first``), as
    ``Row.relay_members`` holds them; a birth year after a name is its year ('FUMAGALLI Vittorio
    (01)', 'Meinken Nils 00'), a sex in brackets its sex (a mixed relay's 'KOVALENKO Olena (F)'),
    a time its leg's split ('Dana Purcell 22:40', 'Juno Dallimore (54.52)')."""
    out: list[dict[str, Any]] = []
    for k, a in enumerate(names, first):
        leg: dict[str, Any] = {"leg": k}
        if m := _MEMBER_SPLIT.search(a):  # 'Dana Purcell 22:40': the runner's leg time
            a, leg["split"] = a[: m.start()], m[1] or m[2]
        if m := _MEMBER_DISTANCE.search(a):  # a medley's leg: 'Ann Moss (1200)'
            a, leg["distance"] = a[: m.start()], m[1]
        if m := _MEMBER_SEX.search(a):
            a, leg["sex"] = a[: m.start()], "F" if m[1].upper() in "FW" else "M"
        if m := _MEMBER_YEAR.search(a) or _MEMBER_CLASS.search(a):  # ('Ava Emery (SO)')
            a, leg["year"] = a[: m.start()], m[1] or m[2]
        leg["athlete"] = a
        out.append(leg)
    return out


# a birth year after a runner's name, in brackets or bare ('Meinken Nils 00', 'Rossi Anna (01)')
_MEMBER_YEAR = re.compile(r"\s*\((\d{1,2}|\d{4})\)$|(?<=[^\W\d_])\s+(\d{2}|\d{4})$")
_MEMBER_SPLIT = re.compile(  # 'Dana Purcell 22:40', 'Juno Dallimore (54.52)', 'Ann Moss 12.10'
    r"(?<=[^\W\d_])\s+(\d{1,2}:\d{2}(?:[.,]\d{1,2})?|\d{1,2}[.,]\d{2})$|"
    r"\s*\(((?:\d{1,2}:)?\d{1,2}[.,]\d{1,2})\)$"
)
_MEMBER_CLASS = re.compile(r"\s*\(((?:FR|SO|JR|SR|GR))\)()$", re.I)
_SEX_MARK = re.compile(r"^\([MFWX]\),?$", re.I)
_MEMBER_DISTANCE = re.compile(r"\s*\((?!(?:19|20)\d\d\))(\d{3,4})\s*m?\)$")
_MEMBER_SEX = re.compile(r"\s*\(([MFW])\)$", re.I)


def next_leg(last: Row, row: Row) -> bool:
    """A relay's row repeating the row above's team, place and time (spanned down or printed
    again) for its next runner: one result, not another relay."""
    same = (last.team, last.place, last.mark_raw, last.status)
    return bool(row.relay_members and last.relay_members) and same == (
        row.team,
        row.place,
        row.mark_raw,
        row.status,
    )


def two_lines(cells: dict[str, str], lined: dict[str, list[str]], kind: str) -> list[str]:
    """A table's name or team cell printed on two lines: the athlete's club under the name
    ('Camille Delacroix' / 'Bay Area Striders'), when no column holds the club; a relay's
    runners under the team ('Jesuit' / 'Ann Moss, Bea Cole, ...', in the team's column or the
    name's), returned as their names.
    A relay row with a team and a runner's name in columns of their own (``School | Leg |
    Runner | Gr``) names one leg's runner; the class beside it is the runner's."""
    name = lined.get("athlete")
    if kind == "individual" and name and len(name) == 2 and not cells.get("team"):
        cells["athlete"], cells["team"] = name
    team = lined.get("team") or (None if cells.get("team") else name)  # (or under 'Name')
    if kind != "individual" and team and len(team) >= 2:
        members = members_of(" ".join(team[1:]).strip("()")) or members_of(", ".join(team[1:]))
        if members:
            cells["team"] = team[0]
            if team is name:
                cells.pop("athlete", None)
            return members
    runner, club = cells.get("athlete", ""), cells.get("team", "").casefold()
    apart = club and runner.casefold() not in club and club not in runner.casefold()
    named = members_of(runner) or (
        [runner] if len(runner.split()) >= 2 and _names([runner]) else []
    )
    if kind == "relay" and apart and named:
        cells.pop("year", None)
        cells.pop("athlete")
    return named if kind == "relay" and apart else []


def bare_row(row: Row, attempts: list[dict[str, Any]], every_page: bool) -> bool:
    """A row of no mark, status or tries, and no place either ('-- -- 292 Ann LEE', an entrant
    listed), or a line printed on ``every_page`` ('4th Nordvik Games | Nordvik Arena', its '4th'
    read for a place): no result."""
    return (
        row.mark is None and not row.status and not attempts and (row.place is None or every_page)
    )
