"""Consistency checks on the rows of one section (an event, or one heat of it), for the audit
(:mod:`scraper.results.audit`). Each returns the flags of the rows that fail it, by row index.

* places in sequence: a place never goes down, ties and a fresh start at 1 (a heat the reader
  did not name) aside; places may jump forward (age-group lists print overall places);
* marks ordered with places: the marks of placed rows follow the places, in the direction most of
  the section goes (times up, distances and points down); the rows off the longest ordered run
  are flagged;
* every row has a mark or a status (a team-score row: its points);
* names look like names: an athlete of letters, no mark, number or class year in it, not cut
  short (one word ending with a comma, or one word where the document's names have two); no
  mark and no bib-like number in a team.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from scraper.results.model import Row
from scraper.results.resultlike import CJK, MARK, NAME, STATUS
from scraper.results.resultlike import kind as token_kind

PLACE = "place out of sequence"
ORDER = "mark out of order"
NO_MARK = "no mark or status"
MARK_UNREAD = "mark not read"
YEAR_AS_MARK = "mark is a year"
NO_NAME = "no name"
BAD_NAME = "name not a name"
NUMBER_IN_NAME = "mark or number in name"
CLASS_IN_NAME = "class year in name"
CUT_NAME = "name cut short"
NUMBER_IN_TEAM = "mark or number in team"

_CLASS_YEAR = re.compile(r"(?:FR|SO|JR|SR|GR)(?:-\d)?|[1-9]|1[0-2]")
_NUMBERED_CLASS = re.compile(r"(?:FR|SO|JR|SR|GR)-\d")
CLASS_WORD = re.compile(r"(?:FR|SO|JR|SR|GR)(?:-\d)?")  # a class year in words
_BIB = re.compile(r"\d{3,}")
_BRACKETED = re.compile(r"[(\[]\d+[)\]]")
_LETTER = re.compile(r"[^\W\d_]")

_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?:19|20)\d\d")


def sections(rows: Sequence[Row]) -> list[list[int]]:
    """Row indices by section: the heat a row names, and a new section where places start again
    at 1 and go on with 1 or 2 (a heat the reader did not name)."""
    placed = [i for i, row in enumerate(rows) if row.place is not None]
    after = {i: rows[j].place for i, j in zip(placed, placed[1:], strict=False)}
    out: list[list[int]] = []
    current: list[int] = []
    heat: int | None = None
    last: int | None = None
    for i, row in enumerate(rows):
        fresh = row.place == 1 and last is not None and last > 1 and after.get(i) in (1, 2)
        if current and (row.heat != heat or fresh):
            out.append(current)
            current = []
        current.append(i)
        heat = row.heat
        if row.place is not None:
            last = row.place
            if fresh:
                last = 1
    if current:
        out.append(current)
    return out


def place_sequence(rows: Sequence[Row], section: Sequence[int]) -> set[int]:
    """Rows whose place goes down."""
    bad = set()
    last: int | None = None
    for i in section:
        place = rows[i].place
        if place is None:
            continue
        if last is not None and place < last:
            bad.add(i)
            continue
        last = place
    return bad


def mark_order(rows: Sequence[Row], section: Sequence[int]) -> set[int]:
    """Placed rows with a value whose mark is not ordered with the place."""
    marked = [
        i
        for i in section
        if rows[i].place is not None and rows[i].mark is not None and rows[i].status is None
    ]
    units = {rows[i].unit for i in marked}
    if len(marked) < 3 or len(units) > 1:
        return set()
    marked.sort(key=lambda i: (rows[i].place or 0, i))
    values = [rows[i].mark or 0.0 for i in marked]
    ups = sum(b > a for a, b in zip(values, values[1:], strict=False))
    downs = sum(b < a for a, b in zip(values, values[1:], strict=False))
    if downs > ups:
        values = [-v for v in values]
    keep = _longest_ordered(values)
    return {i for k, i in enumerate(marked) if k not in keep}


def _longest_ordered(values: list[float]) -> set[int]:
    """Positions of one longest non-decreasing subsequence of ``values``."""
    tails: list[float] = []
    tail_at: list[int] = []
    before = [-1] * len(values)
    for k, v in enumerate(values):
        j = bisect_right(tails, v)
        if j == len(tails):
            tails.append(v)
            tail_at.append(k)
        else:
            tails[j], tail_at[j] = v, k
        before[k] = tail_at[j - 1] if j else -1
    keep = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(k)
        k = before[k]
    return keep


def mark_flag(row: Row, kind: str) -> str | None:
    """A row without a mark or a status (a team-score row: without points), or whose mark is a
    year (a birth-year column read as the mark)."""
    if row.status is None and row.mark is None:
        if kind == "team_scores" and row.points is not None:
            return None
        return MARK_UNREAD if row.mark_raw else NO_MARK
    raw = (row.mark_raw or "").strip()
    if kind != "team_scores" and _YEAR.fullmatch(raw):
        return YEAR_AS_MARK
    return None


@dataclass(frozen=True, slots=True)
class NameHabits:
    """How a document's names run, for telling a misread name from an odd one: ``class_years``,
    its names end with class years (``FR``, ``SO``, ``JR-3``...; ``JR`` and ``SR`` alone are also
    suffixes, Junior and Senior, so it takes ``FR``, ``SO`` or a numbered class); ``full_names``,
    nine in ten of its names (ten or more) have two words or more; ``half_names``, nine in ten
    have one word, not in CJK script (a given name whose surname went to another column)."""

    class_years: bool = False
    full_names: bool = False
    half_names: bool = False


def name_habits(athletes: Sequence[str | None]) -> NameHabits:
    words = [a.split() for a in athletes if a and a.split()]
    ends = {w[-1] for w in words}
    single = sum(len(w) == 1 and not CJK.search(w[0]) for w in words)
    return NameHabits(
        class_years=bool(ends & {"FR", "SO"}) or any(_NUMBERED_CLASS.fullmatch(e) for e in ends),
        full_names=len(words) >= 10 and sum(len(w) > 1 for w in words) >= 0.9 * len(words),
        half_names=len(words) >= 10 and single >= 0.9 * len(words),
    )


def athlete_flag(athlete: str | None, kind: str, habits: NameHabits = NameHabits()) -> str | None:
    """Why an individual row's athlete does not look like a person's name, if it does not."""
    if kind != "individual":
        return None
    if not athlete or not athlete.strip():
        return NO_NAME
    words = athlete.split()
    kinds = [token_kind(w) for w in words]
    if not any(k & NAME for k in kinds):
        return BAD_NAME
    if habits.class_years and len(words) > 1 and _CLASS_YEAR.fullmatch(words[-1]):
        return CLASS_IN_NAME
    if _DIGIT.search(athlete) or any(k & MARK for k in kinds):  # a status is a mark too
        return NUMBER_IN_NAME
    if len(words) == 1 and (
        athlete.rstrip().endswith(",")
        or ((habits.full_names or habits.half_names) and not CJK.search(athlete))
    ):
        return CUT_NAME  # "BARRIOS,": the rest went elsewhere (a CJK name needs no space)
    return None


def _number_in_team(word: str) -> bool:
    return (token_kind(word) & (MARK | STATUS)) == MARK or bool(_BRACKETED.fullmatch(word))


@lru_cache(maxsize=4096)
def team_flag(team: str | None) -> str | None:
    """A team holding a mark, a number in brackets (a birth year leaking in) or a
    bib-like number opening it, or made of numbers only (a placeholder such as ``?`` is no
    number). Cached: a document names the same teams again and again."""
    if not team:
        return None
    words = team.split()
    if (
        (_DIGIT.search(team) and not _LETTER.search(team))
        or _BIB.fullmatch(words[0])
        or (_DIGIT.search(team) and any(_number_in_team(w) for w in words))
    ):
        return NUMBER_IN_TEAM
    return None
