"""Lines under a result row that are its details, not rows or titles: the rule a
disqualified runner broke, a labelled time under a runner or a team."""

from __future__ import annotations

import re

from scraper.results.model import Row


def dq_reason(row: Row, line: str) -> bool:
    """A line under a row with a status that cites the rule broken ('TR17.3.1 lane
    infringement', 'R170.7 changeover', '163.3a Impeding'): the row's reason, kept in its extra."""
    s = line.strip()
    if row.status not in ("DQ", "DNF", "DNS") or not _RULE_CITED.match(s):
        return False
    row.extra["reason"] = s
    row.raw = [*(row.raw if isinstance(row.raw, list) else [row.raw or ""]), line.rstrip()]
    return True


def timed_detail(row: Row, line: str) -> bool:
    """A labelled time under a row or a team's ('Total Time:  1:22:31.20', 'Average:  16:30.24'):
    the row's, kept in its extra, no title."""
    detail = _DETAIL.match(line.strip())
    if detail is None or not _CLOCK.match(detail[2]):
        return False
    row.extra[detail[1].casefold()] = detail[2]
    return True


def team_runners(team: Row, line: str) -> bool:
    """A team's scoring runners, each with the time it counted, on a line under its row
    ('Rhiannon Tredwell 35:22, Fionnuala Northover 37:46, Thea Yelland 42:56'): kept in its
    extra, no title."""
    parts = [p.strip() for p in line.split(",")]
    if team.athlete is not None or len(parts) < 2:
        return False
    if not all(_TIMED_NAME.fullmatch(p) for p in parts):
        return False
    team.extra.setdefault("runners", []).extend(parts)
    return True


_TIMED_NAME = re.compile(
    r"[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,3} \d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?"
)
_CLOCK = re.compile(r"^\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?$")
_DETAIL = re.compile(r"^([^\W\d][\w .'/-]{0,24}):\s*(\S+)$")
# 'TR17.3.1', 'R170.7', 'Rule 163.3', '163.3a', '17.2.3' (not a split: 14.7)
_RULE_CITED = re.compile(
    r"^(?:(?:T?R|Rule)\s?\d{1,3}(?:\.\d{1,2}){0,3}[a-z]?|\d{1,3}\.\d{1,2}(?:[a-z]|\.\d{1,2}))\b",
    re.I,
)
