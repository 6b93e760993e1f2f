"""The lines naming a relay team's runners under its row: 'Ann Moss, Bea Cole, Cat Dunn, Dee
Fry', '1) Ann Moss 2) Bea Cole ...' (numbered on over a second line), one name a line set in under
it, with its leg's split ('Ferris Rowbotham   49.90  (49.90)') or its bib and date of birth ('11
SALMINEN Aino   03 FEB 2000', as championship timing lists print them); a table's row of one
leg under the team's row (:func:`leg_row`)."""

from __future__ import annotations

import re
from typing import Any

from scraper.results.marks import parse_mark
from scraper.results.model import Row, relay_legs
from scraper.results.rowlines import is_surname, legs, members_of

# a leg's runner and split: '1) Kilgore, Hayes   50.1', set in: '    1    Desmond Achebe   48.91',
# or a road relay's, the team's place after it: '    2    Ann Lee    18:11    4'
_LEG_SPLIT = re.compile(
    r"(?:\s*([1-8])[).]\s+|\s+([1-8])\s{2,})(\S.*?)\s{2,}"
    r"(\d{1,2}(?::\d{2})?[.,]\d{1,2}|\d{1,2}:\d{2})(?:\s+\d{1,3})?\s*$"
)
_TIMED_RUNNER = re.compile(
    r"\s+([^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){1,3})\s{2,}((?:\d{1,2}:)?\d{1,2}[.,]\d{2})"
    r"(?:\s+\((?:\d{1,2}:)?\d{1,2}[.,]\d{2}\))?\s*"
)
_ONE_NAME = re.compile(r"\s+[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){1,3}\s*")
# a runner's bib, name and date of birth (or birth year), under the team's row
_ENTERED = re.compile(
    r"\s+\d{1,4}\s+([^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){1,3})"
    r"(?:\s{2,}(?:\d{1,2}\s+[^\W\d_]{3,9}\.?\s+\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?:19|20)\d\d))?\s*"
)


def runners(row: Row, line: str, event: str = "") -> bool:
    """A relay team's runners on the line under its row ('Ann Moss, Bea Cole, Cat Dunn, Dee Fry',
    '1) Ann Moss 2) Bea Cole ...', numbered on over a second line, or one name a line set in
    under it): read into the row; no more than the ``event``'s legs ('4x100m': the next team's
    ' 5.  VfL Deichh.  45,85' is no fifth runner)."""
    if row.athlete is not None or row.team is None:
        return False
    legs_of = relay_legs(event)
    if legs_of and len(row.relay_members) >= legs_of:
        return False
    first = re.match(r"\s*([1-8])[).]\s|\s+([1-8])\s{2,}", line)
    timed = _TIMED_RUNNER.fullmatch(line)  # '   Ferris Rowbotham   49.90  (49.90)'
    entered = _ENTERED.fullmatch(line)  # '   11    SALMINEN Aino    03 FEB 2000'
    one = bool(_ONE_NAME.fullmatch(line) or timed or entered) and len(row.relay_members) < 8
    above = row.raw[-1] if isinstance(row.raw, list) else ""  # one runner a line before it
    alike = _TIMED_RUNNER if timed else _ENTERED if entered else _ONE_NAME
    on = one and (bool(alike.fullmatch(above)) or isinstance(row.raw, str))  # or its row
    leg = int(first[1] or first[2]) if first else 0
    if row.relay_members and leg != len(row.relay_members) + 1 and not on:
        return False  # (its runners' second line numbers on: '3) Cat Dunn 4) Dee Fry')
    names = members_of(line.strip()) or ([line.strip()] if one else None)  # '   ABERNATHY Maya'
    parts = line.strip().split(", ")  # the relay's runners by their surnames alone, one a leg
    if not names and len(parts) == legs_of and all(map(is_surname, parts)):
        names = parts  # (four words under a 4x100 team: four runners, not 'Doe, Ann, Roe, Bo')
    if timed:
        names = [f"{timed[1]} {timed[2]}"]  # the leg's split; its time so far is the team's
    if entered:
        names = [entered[1]]
    split = _LEG_SPLIT.match(line) if first and not names else None
    if split and leg == len(row.relay_members) + 1:  # '1) Kilgore, Hayes   50.1'
        names = [split[3]]
    if not names:
        return False
    row.relay_members.extend(legs(names, len(row.relay_members) + 1))
    if split:
        row.relay_members[-1]["split"] = split[4]
    row.raw = [*(row.raw if isinstance(row.raw, list) else [row.raw or ""]), line.rstrip()]
    return True


def stage_parts(line: str, at: int | None) -> tuple[str, str]:
    """A stage relay's line (:attr:`scraper.results.headerline.Block.legs_at`) as its team's
    part and its first runner's, set in where the runners stand ('' when it has no team or no
    runner)."""
    if at is None or not line[:at].strip() or not line[at:].strip():
        return line, ""
    return line[:at].rstrip(), " " * at + line[at:]


_LEG_LABEL = re.compile(r"(?:leg|stage|etappe|runner)\s*(\d{1,2})", re.I)


def leg_row(cells: list[str]) -> dict[str, Any] | None:
    """A table's row of one relay leg under its team's row ('Leg 2 | Daniel Vickery | 17:26'):
    the leg's number, runner and split; None for any other row."""
    for k, cell in enumerate(cells):
        if label := _LEG_LABEL.fullmatch(cell.strip()):
            rest = [c.strip() for c in cells[k + 1 :] if c.strip()]
            names = [c for c in rest if re.search(r"[^\W\d_]{2}", c)]
            if not names:
                return None
            leg: dict[str, Any] = {"leg": int(label[1]), "athlete": names[0]}
            splits = [c for c in rest if parse_mark(c).value is not None]
            if splits:
                leg["split"] = splits[0]
            return leg
    return None
