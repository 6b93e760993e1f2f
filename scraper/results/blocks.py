"""Decisions the general reader makes per section, from what the rows hold together.

- **Two time columns** (gun and net/chip time, a time and its age-graded twin): the mark is the
  column whose values are ordered with the places (the order the document ranks by); the other
  is kept in ``extra``.
- **Name and team with nothing between them** (text copied with its spacing collapsed): an age
  or birth year in brackets parts them (``Isla Brennan (11) Hillfoot``); else a team is a run
  of words ending the text that other rows of the section end with too; else the name ends
  before a word that says "no club" (``Unattached``), where an ALL-CAPS surname ends
  (``Antheney HERRE Loveland ...``) or after the first name that follows ``Surname,``
  (``Ní Bhriain, Saoirse Clonliffe Harriers``).
- **Team place in brackets** (MeetPro's ``Team (Team Place)``: ``St. Olaf (1)``): kept apart
  in ``extra``, the team is the name alone.
- **A relay squad's letter** in quotes or brackets after its team (``Ridgeview 'A'``,
  ``Harrowgate (A)``): kept apart in ``extra["relay"]``, the team is the name alone; a bare
  letter stays, as printed (``Logan B``: a school's second team is a team of its own name).
- **A view repeating runners read before** (a road race's age-group awards after its overall
  results): a section whose every runner and time the sections above already hold is no new
  result, and goes (:func:`without_repeats`).
- **Team-score lines** (:func:`team_row`): place, team, points, whatever order the two numbers
  come in (``1. 34 St. Olaf College``, ``1 Loveland High School 28 19:58 1:39:50 1 3 5``).
"""

from __future__ import annotations

import re
from collections import Counter

from scraper.results.align import BRACKET_YEAR, Tok, shape
from scraper.results.checks import CLASS_WORD, name_habits
from scraper.results.columns import place_of
from scraper.results.marks import parse_mark
from scraper.results.meetinfo import RACE_DISTANCE
from scraper.results.model import Event, Row

_LEADER = re.compile(r"[.…·_]{2,}")  # 'Atletismo Alcobendas ...... 30 puntos'
_NOTED = re.compile(r"\d{1,4}(?:\.\d+)?[*#†]")  # a score with a note's sign
_SUM = re.compile(r"\d{1,4}(?:\+\d{1,4})+|=")
_PRIME = re.compile(r"^(\d{1,3})['′](\d{2})(?:[\"″]|'')$")  # 16'06", 13'03'': min and s, or ft-in
_TEAM_PLACE = re.compile(r"\s*\(\d{0,4}\)?$")
_BIRTH_YEAR = re.compile(r"0\d|19\d\d|20\d\d")  # no place prints so: '(06)', '(1998)'
# a team's score printed with its unit ('38 p.', '13 pts', '120 Punkte')
_POINTS = re.compile(
    r"^(?:p|pts?|points?|punkte|pkt|poeng|poäng|puntos|punti|pontos|pisteet)\.?$", re.I
)
_CAPS = re.compile(r"^[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž'’\-.]+,?$")


def finish_section(ev: Event) -> None:
    _prime_times(ev.rows)
    choose_time_column(ev.rows)
    _split_names(ev.rows)
    after = [m for r in ev.rows if r.team and (m := _TEAM_PLACE.search(r.team))]
    years = any(_BIRTH_YEAR.fullmatch(m.group().strip(" ()")) for m in after)
    for r in ev.rows:
        if r.team:
            m = _TEAM_PLACE.search(r.team)
            if m and m.start() > 0 and "(" in m.group():
                n = m.group().strip(" ()")
                if years and r.year is None:
                    r.year = n or None  # 'LAC Nordhafen (06)': a birth year, not a team's place
                elif not years:
                    r.extra["team_place"] = n
                r.team = r.team[: m.start()].strip() or None


def _prime_times(rows: list[Row]) -> None:
    """Minutes and seconds in prime notation ('15\'40"', '16\'06"'; Italian lists), read as
    feet and inches or as none: times, when one of them cannot be feet and inches (12 inches or
    more) or the section's other marks are times."""
    primes = [(r, m) for r in rows if r.mark_raw and (m := _PRIME.match(r.mark_raw))]
    if not primes:
        return
    units = Counter(r.unit for r in rows if r.mark is not None and r.mark_raw)
    if not any(int(m[2]) >= 12 for _, m in primes) and units["s"] < max(2, units["m"]):
        return
    for r, m in primes:
        printed = r.mark_raw
        r.set_mark(f"{m[1]}:{m[2]}")
        r.mark_raw = printed


def _ordered(rows: list[Row], values: list[float | None]) -> float:
    """Share of consecutive placed rows whose values do not go down as places go up."""
    good = total = 0
    prev: tuple[int, float] | None = None
    for r, v in zip(rows, values, strict=True):
        if r.place is None or v is None:
            continue
        if prev is not None and r.place >= prev[0]:
            total += 1
            good += v >= prev[1] - 1e-9
        prev = (r.place, v)
    return good / total if total else 0.0


def choose_time_column(rows: list[Row]) -> None:
    """Of a row's two times (gun and chip), the result is the one the places are in order of."""
    order = _time_order(rows)
    if order is not None and order < 0:
        _swap_times(rows)


def settle_time_columns(events: list[Event]) -> None:
    """A section whose places follow both times (a short age group) takes the time the places
    of the document's other sections follow, when they agree on one."""
    decided, tied = set(), []
    for ev in events:
        order = _time_order(ev.rows)
        if order is None:
            continue
        if order:  # (choose_time_column has put the time the places follow first)
            decided.add(_time_field(ev.rows))
        else:
            tied.append(ev)
    if len(decided) != 1:
        return
    (field,) = decided
    for ev in tied:
        if _time_field(ev.rows) != field:
            _swap_times(ev.rows)


_SQUAD = re.compile(r"^(.+?)\s*(?:'([A-J])'|\"([A-J])\"|\(([A-J])\))$")


def squads_apart(events: list[Event]) -> None:
    """A relay team's squad letter in quotes or brackets goes to ``extra["relay"]``."""
    for ev in events:
        if ev.kind != "relay":
            continue
        for r in ev.rows:
            if r.team and (m := _SQUAD.match(r.team)):
                r.team, r.extra["relay"] = m[1], m[2] or m[3] or m[4]


_GRADE = re.compile(r"[7-9]|1[0-2]")  # a school grade


def classes_apart(events: list[Event]) -> None:
    """A class year printed after the name in its column ('Grant HOLLOWAY JR', 'Whitaker, Anna
    SO', a grade: 'BROOKS, Jaylen 12') goes to the row's year, in a document whose names end with
    class years (:func:`scraper.results.checks.name_habits`: 'JR' or 'SR' alone are Junior and
    Senior) or with grades (two rows or more)."""
    rows = [r for ev in events if ev.kind == "individual" for r in ev.rows]
    ends = [w[-1] for r in rows if len(w := (r.athlete or "").split()) > 1]
    graded = sum(bool(_GRADE.fullmatch(end)) for end in ends) >= 2  # 'BROOKS, Jaylen 12'
    if not (graded or name_habits([r.athlete for r in rows]).class_years):
        return
    year = _GRADE if graded else CLASS_WORD
    for r in rows:
        name = (r.athlete or "").rstrip()
        words = name.split()
        if len(words) > 1 and r.year is None and year.fullmatch(words[-1]):
            r.athlete, r.year = name[: -len(words[-1])].rstrip(), words[-1]


def without_repeats(events: list[Event]) -> list[Event]:
    """The events less the sections that only repeat runners, with their marks, read above (of
    the same race: the women's race or the 5000m under the men's 2 miles is no view of it,
    whatever its runners)."""
    seen: dict[tuple[str, float], Event] = {}
    out = []
    for ev in events:
        keys = {
            (" ".join(r.athlete.casefold().split()), r.mark)
            for r in ev.rows
            if r.athlete and r.mark is not None
        }
        views = len(keys) >= 2 and len(keys) == len(ev.rows) and ev.kind == "individual"
        if views and keys <= seen.keys() and all(_same_race(ev, seen[k]) for k in keys):
            continue  # 'Age Group Awards - Female 20-39' under the overall results
        seen.update(dict.fromkeys(keys, ev))
        out.append(ev)
    return out


def _same_race(view: Event, race: Event) -> bool:
    """A section can be a view of another: no other gender, no other distance named."""
    if view.gender and race.gender and view.gender != race.gender:
        return False
    far = _distances(view.name)
    return not far or far == _distances(race.name)


def _distances(name: str) -> set[str]:
    """The distances an event's name names, as one spelling ('5 km' and '5km' alike)."""
    return {d.replace(" ", "").casefold() for d in RACE_DISTANCE.findall(name)}


def _time_field(rows: list[Row]) -> str | None:
    """The column a section's rows take their time from ('gun', 'net'), of those printing two."""
    return next((r.extra.get("time_field") for r in rows if "time_2" in r.extra), None)


def _time_order(rows: list[Row]) -> float | None:
    """How much better the places follow the row's first time than its second (None: too few
    rows print two)."""
    twins = [r for r in rows if "time_2" in r.extra]
    if len(twins) < max(2, len(rows) // 2):
        return None
    first = [r.mark for r in rows]
    second = [parse_mark(str(r.extra.get("time_2"))).value for r in rows]
    return _ordered(rows, first) - _ordered(rows, second)


def _swap_times(rows: list[Row]) -> None:
    for r in rows:
        other = r.extra.pop("time_2", None)
        if other is None:
            continue
        r.extra["time_2"] = r.mark_raw
        r.extra["time_2_field"], r.extra["time_field"] = (
            r.extra.get("time_field"),
            r.extra.get("time_2_field"),
        )
        r.set_mark(str(other))


def _split_names(rows: list[Row]) -> None:
    """Re-split 'name + team' where the reader could not see the boundary (see module doc)."""
    merged = [r for r in rows if r.extra.get("name_team_merged")]
    if not merged:
        return
    words = [(r.athlete or "").split() + (r.team or "").split() for r in merged]
    suffixes: Counter[tuple[str, ...]] = Counter()
    for w in words:
        for k in range(1, len(w) - 1):
            suffixes[tuple(w[k:])] += 1
    # most rows two words: names with no club at all ('1. Aoife Tierney 9.1')
    no_clubs = 2 * sum(len(w) <= 2 for w in words) >= len(words)
    for r, w in zip(merged, words, strict=True):
        r.extra.pop("name_team_merged", None)
        age = next((k for k in range(1, len(w) - 1) if BRACKET_YEAR.match(w[k])), None)
        if age is not None:  # 'Isla Brennan (11) Hillfoot': the age or birth year parts them
            r.athlete, r.team = " ".join(w[:age]), " ".join(w[age + 1 :])
            r.year = r.year or w[age].strip("()")
            continue
        cut = None
        for k in range(2, len(w)):
            if suffixes[tuple(w[k:])] >= 2:
                cut = k
                break
        if cut is None:
            cut = _caps_cut(w)
        if cut is None and no_clubs:
            cut = len(w)
        if cut is not None:
            r.athlete, r.team = " ".join(w[:cut]), " ".join(w[cut:]) or None


# what a results list prints for a runner of no club: the team, alone
_NO_CLUB = frozenset({"unattached", "unatt", "unatt.", "independent", "guest", "unaffiliated"})


def _caps_cut(w: list[str]) -> int | None:
    if len(w) > 1 and w[-1].casefold() in _NO_CLUB:
        return len(w) - 1  # 'Emma O'Connor-Healy Unattached'
    comma = next((k for k, t in enumerate(w[:3]) if t.endswith(",")), None)
    if comma is not None:  # Surname, First ... ('Ní Bhriain, Saoirse', 'de la Torre, Lucía')
        return comma + 2 if len(w) > comma + 2 else None
    caps = [k for k, t in enumerate(w) if _CAPS.match(t) and len(t) > 1]
    if caps and caps[0] > 0:
        k = caps[0]
        while k + 1 < len(w) and _CAPS.match(w[k + 1]) and k + 1 in caps:
            k += 1
        return k + 1 if k + 1 < len(w) else None
    return None


def team_row(toks: list[Tok], raw: str) -> Row | None:
    """A team-score line -> a team_scores row, or None when the line names no team."""
    if not toks:
        return None
    place = place_of(toks[0].text)
    if place is None and shape(toks[0].text) != "dash":  # '-  Pittsburgh  0': no place
        return None
    rest = toks[1:]
    shapes = [shape(t.text) for t in rest]
    start = next((k for k, s in enumerate(shapes) if s in ("word", "state")), None)
    if start is None or rest[start].text[:1].islower():
        return None  # '8 of 21 Events Scored': no team name
    end = start
    while end < len(rest) and shapes[end] in ("word", "state", "paren", "class", "sex", "category"):
        if shapes[end] == "paren" and end + 1 < len(rest) and shapes[end + 1] != "word":
            break
        end += 1
    unit = next((k for k in range(end, len(rest) - 1) if _POINTS.match(rest[k + 1].text)), None)
    if unit is not None and all(s != "time" for s in shapes[end:unit]):
        end = unit  # 'Aarhus 1900   38 p.': the number before the points' word is the score
        while end > start + 1 and (
            shapes[end - 1] == "dash" or _LEADER.fullmatch(rest[end - 1].text)
        ):
            end -= 1  # 'St. Ignatius - 38 pts', 'Sierra Sur ...... 42 puntos': no part of it
    team = " ".join(t.text for t in rest[start:end])
    points = timed = None
    for k in range(end, len(rest)):  # the score after the team, brackets, dashes, leaders skipped
        if shapes[k] in ("int2", "int", "decimal") or _NOTED.fullmatch(rest[k].text):
            points = rest[k].text.rstrip("*#†")  # ('69*': a tie broken, as a note under says)
        elif shapes[k] == "time" and points is None:
            timed = rest[k].text  # '1. Tidewater TC   3:05:38': its runners' times summed
        # ... and the scorers' places summed before it: '2+4+6+16 = 28'
        skipped = _LEADER.fullmatch(rest[k].text) or _SUM.fullmatch(rest[k].text)
        if shapes[k] not in ("paren", "dash") and not skipped:
            break
    ints = [int(t.text) for t in rest[end:] if t.text.isdigit()]
    if len(ints) >= 4 and ints[-1] == sum(ints[:-1]) and len(ints) == len(rest) - end:
        points = rest[-1].text  # the scorers' places, then their sum: '6 9 10 13 15 26  79'
    if points is None and start > 0 and shapes[start - 1] in ("int2", "int", "decimal"):
        points = rest[start - 1].text  # '1.  34  St. Olaf College': the score before the team
    row = Row(place=place, team=team, raw=raw)
    if points is not None:
        row.set_mark(points, "points")
        row.points = row.mark
    elif timed is not None:
        row.set_mark(timed)
    tail = [t.text for t in rest[end:] if t.text not in (points, timed)]
    if tail:
        row.extra["detail"] = " ".join(tail)
    return row


_BARE_DISTANCE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(km|k|m)\s*$", re.I)
_RACE_DISTANCE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(km|k|m)\b", re.I)


def _metres(m: re.Match[str]) -> float:
    return float(m[1].replace(",", ".")) * (1 if m[2].casefold() == "m" else 1000)


def without_splits(events: list[Event]) -> list[Event]:
    """The events less a race's intermediate times printed after it ('5 km' over the walkers'
    5 km times): a section named by a bare distance shorter than an earlier race's, two or more
    of whose runners ran that race, each slower at its end than here."""
    out: list[Event] = []
    for ev in events:
        split = _BARE_DISTANCE.match(ev.name)
        if split and len(ev.rows) >= 2 and any(_split_of(ev, race, _metres(split)) for race in out):
            continue
        out.append(ev)
    return out


def _split_of(ev: Event, race: Event, metres: float) -> bool:
    far = _RACE_DISTANCE.search(race.name)
    if far is None or _metres(far) <= metres:
        return False
    final = [(r.athlete, r.mark) for r in race.rows if r.athlete and r.mark is not None]

    def same(a: str, b: str) -> bool:  # (one name maybe with its country after it)
        return a == b or a.startswith(f"{b} ") or b.startswith(f"{a} ")

    def slower(name: str, mark: float) -> bool:
        return any(same(a, name) and m > mark for a, m in final)

    return all(r.athlete and r.mark is not None and slower(r.athlete, r.mark) for r in ev.rows)
