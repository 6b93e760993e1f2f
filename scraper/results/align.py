"""One result line -> cells, by aligning its tokens with the fields a header names, in order.

Works whatever the spacing: aligned fixed-width reports, text copied with its whitespace
collapsed to single spaces, tab-separated captures. Each token gets a shape (a place, a class
word, a birth year, a time, a name word, ...); the fields of the header (``Pl Athlete Yr Team
Score Time Gap``) are matched to the tokens left to right by dynamic programming: a text field
(athlete, team, city) takes one or more words, every other field one token or none, and each
field scores how well the token's shape fits it. Where the header's words stand over the data
(a fixed-width layout), a token under its field's header scores more, so a double space inside
a name no longer ends it. The best alignment of a shape sequence is cached: the rows of a block
share a few shapes only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from unicodedata import east_asian_width

from scraper.results.categories import category_of
from scraper.results.dates import BIRTH_DATE, STATES
from scraper.results.marks import RECORD_FLAGS, looks_like_mark
from scraper.results.statuses import LOWER_STATUS, STATUS_WORDS, status_of

TEXT = frozenset({"athlete", "team", "city", "country", "first", "last", "relay", "leg"})
TIMES = frozenset({"mark", "gun", "net", "finals", "prelims", "seed"})
_TOKEN = re.compile(r"\S+")
_INT = re.compile(r"^\d{1,6}$")
# a place as printed: '3' '3.' '3)' '3rd' '3e' '3ème' '3位' '3º'; a tie '=3' '3=' 'T3' 'T-3' '3T';
# '8*' (a place with a footnote's star)
PLACE = re.compile(
    r"^(?:[=*]|T-?)?(\d{1,5})(?:\.{1,2}|[)=*T]|st|nd|rd|th|er|re|e|ème|eme|位|\.?[ºª°])?$", re.I
)
# a class year ('SO'), with its year of eligibility ('SO-1')
CLASS_YEAR = re.compile(r"^(?:(?:FR|SO|JR|SR|GR|RS)(?:-\d)?|[FSJ]R?-\d)$", re.I)
YEAR4 = re.compile(r"^(?:19[2-9]\d|20[0-2]\d)$")
BRACKET_WIND = re.compile(
    r"^\((?:[+-]\d{1,2}|\d)[.,]\d\)$"
)  # "(+1.2)", "(0.8)"; not "(11.1)": a time
_TRY = frozenset({"decimal", "mark", "time", "signed", "status", "dash"})
_SIGNED = re.compile(r"^[+-]\d{1,2}[.,]\d[wW]?$|^0[.,]0$")  # a wind; "+2.4w": marked wind-aided
_DECIMAL = re.compile(r"^\d+[.,]\d+$")
_SPACED_DATE = re.compile(r"^\d{1,2} [^\W\d_]{3,9}\.? (?:19|20)\d\d$")
BRACKET_YEAR = re.compile(r"^\((?:\d{2}|19\d\d|20\d\d)\)$")  # '(11)', '(2008)'
_DIVTOT = re.compile(r"^\d{1,4}/\d{1,5}$")
_PAREN = re.compile(r"^\(\s*\d{1,4}\s*\)?$|^\(\d{1,4}\)$")
_PACE = re.compile(r"^\d{1,2}:\d{2}(?:\.\d)?/(?:M|mi|mile|km|K)$", re.I)
_DASH = re.compile(r"^(?:(?:-{1,3}|—|–)[).]?|\*{1,2})$")  # (a blank place: "-)", "--.")
_WORD = re.compile(r"^['’]?[^\W\d_][\w'’.\-&]*[,)]?$|^[^\W\d_]\.?$|^\([^\W\d_][\w.' ]*\)?,?$|^&$")
# two names parted by a slash: a club with its sponsor ('Orcampi/Unimed'), two towns ('Köln/Bonn');
# not a unit ('m/s') nor a code ('N/A'): capitalised, four letters at least
_SLASHED = re.compile(r"^[^\W\d_][\w'’.\-&]*(?:/[^\W\d_][\w'’.\-&]*)+,?$")
_SEX = frozenset({"M", "F", "W", "X"})


@lru_cache(maxsize=16384)
def shape(tok: str) -> str:
    """A token's shape code (see :data:`FIT`)."""
    up = tok.upper()
    if up in STATUS_WORDS or tok in LOWER_STATUS or "." in up and status_of(up):  # 'Disq.'
        return "status"
    if _DASH.match(tok):
        return "dash"
    if _DIVTOT.match(tok):
        return "divtot"
    if _PACE.match(tok):
        return "pace"
    if _SIGNED.match(tok):
        return "signed"
    if YEAR4.match(tok):
        return "year4"
    if tok[:1] == "(" and YEAR4.match(tok[1:-1]) and tok[-1:] == ")":
        return "year4p"  # a birth year in brackets after the name: 'Max Muster (1998)'
    if BIRTH_DATE.match(tok) or _SPACED_DATE.match(tok):
        return "dob"  # a full birth date: '19/06/2008', '03.11.2006', '14 MAR 1999'
    if _INT.match(tok):
        if len(tok) >= 3 and tok[0] == "0":
            return "bib0"  # a zero-padded number: a bib or a code, never a place
        return "int2" if len(tok) <= 2 else "int"
    if PLACE.match(tok):
        return "place"
    if _PAREN.match(tok):
        return "paren"
    if CLASS_YEAR.match(tok):
        return "class"
    if up.lstrip("=") in RECORD_FLAGS or tok in ("Q", "q"):
        return "flag"
    if ":" in tok and looks_like_mark(tok):
        return "time"
    if _DECIMAL.match(tok):
        return "decimal"
    if looks_like_mark(tok) and any(c.isdigit() for c in tok):
        return "mark"
    if up in _SEX and len(tok) == 1:
        return "sex"
    if category_of(tok) is not None and any(c.isdigit() for c in tok):
        return "category"
    if _WORD.match(tok) or _slashed(tok):
        if up in STATES and tok.isupper():
            return "state"
        return "word"
    return "other"


def _slashed(tok: str) -> bool:
    return (
        "/" in tok
        and tok[0].isupper()
        and bool(_SLASHED.match(tok))
        and sum(c.isalpha() for c in tok) >= 4
    )


# field -> shape -> how well a token of that shape fits the field
FIT: dict[str, dict[str, float]] = {
    "place": {"int2": 2, "int": 1.5, "place": 2.5, "status": 1.5, "dash": 1.5},
    "bib": {"int2": 1, "int": 1.5, "place": 0.3, "bib0": 2},
    "year": {"class": 2.5, "int2": 1.2, "year4": 2, "year4p": 2.5, "dob": 2.5, "category": 1.5}
    | {"sex": 0.2},
    "year_after": {"class": 2.5, "year4": 2, "year4p": 2.5, "category": 1.5},  # (no number:
    # a team's; a category with its year after the team, FFA's 'ESM/03')
    "age": {"int2": 1.5, "class": 0.5},
    "sex": {"sex": 2.5},
    "category": {"category": 2.5, "word": 0.4, "class": 0.3, "state": 0.2},
    "divtot": {"divtot": 2.5, "int2": 0.3, "int": 0.3},
    "mark": {"time": 2.5, "decimal": 1.5, "mark": 2, "status": 2, "int2": 0.2, "int": 0.2},
    "pace": {"pace": 2.5, "time": 1.5, "decimal": 0.5},
    "points": {"int2": 1.5, "int": 1.5, "decimal": 1, "paren": 1.5, "dash": 1, "time": 0.8}
    | {"status": 1.5, "place": 0.6},  # (a combined event's DNF in its total's column; '69*')
    "wind": {"signed": 2.5, "decimal": 1, "dash": 0.3},
    "gap": {"time": 1.5, "decimal": 1.5, "dash": 1.5, "signed": 1},
    "heat": {"int2": 1.2, "place": 0.5},
    "lane": {"int2": 1.5},
    "qual": {"flag": 2.5, "class": 1.0},
    "series": {"decimal": 1.5, "mark": 1.5, "time": 1, "sex": 1, "dash": 1, "status": 1,
               "other": 0.5, "word": 0.3},  # tries: "6,12  x  6,30  -", "6.55/+0.8"; no wind
    "reaction": {"decimal": 1.5},
    "tiebreak": {"decimal": 1.5, "time": 1},
    "overall": {"int2": 1, "int": 1, "place": 1},
    "country": {"state": 1.5, "word": 1, "category": 0.2},
    "athlete": {"word": 1.0, "state": 0.6, "class": 0.4, "sex": 0.5},
    "team": {"word": 1.0, "state": 0.6, "class": 0.5, "paren": 0.6, "int": 0.3, "int2": 0.3,
             "year4": 0.3, "sex": 0.5, "place": 0.2, "other": 0.3},
    "city": {"word": 1.0, "state": 1.0, "sex": 0.3, "class": 0.3, "int": 0.3, "int2": 0.3},
    "x": {"word": 0.3, "int2": 0.3, "int": 0.3, "bib0": 0.3, "decimal": 0.3, "time": 0.2,
          "other": 0.3, "divtot": 0.3, "category": 0.3, "place": 0.2, "dash": 0.3, "paren": 0.3,
          "flag": 0.3,
          "status": 0.1, "signed": 0.2, "class": 0.2, "state": 0.2, "sex": 0.2, "pace": 0.2},
}  # fmt: skip
for _f in ("gun", "net", "finals", "prelims", "seed"):
    FIT[_f] = FIT["mark"]
for _f in ("gun", "net"):  # a race's clock times: never a bare number ('Máster 40')
    FIT[_f] = {k: v for k, v in FIT["mark"].items() if k not in ("int2", "int")}
# a year in brackets right after a word: the name's (or the club's), else a team's place
for _f, _fit in (("year", 2.5), ("year_after", 2.5), ("athlete", 0.5), ("team", 0.6)):
    FIT[_f]["yearp"] = _fit
FIT["points"]["yearp"], FIT["x"]["yearp"] = FIT["points"]["paren"], FIT["x"]["paren"]
FIT["first"] = FIT["last"] = FIT["relay"] = FIT["athlete"]
FIT["leg"] = FIT["athlete"] | {"other": 0.8}  # the runners as one: 'Moss/Cole', '村上・山本'
FIT["flags"] = FIT["qual"]
# what leaving a field empty costs
_SKIP = {"athlete": -4.0, "team": -1.0, "mark": -1.5, "place": -1.0}
_EXTRA = -1.6  # a token no field takes
_TEXT_MAX = 8


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    gap: int  # spaces before it (a tab counts 8)


def tokens(line: str) -> list[Tok]:
    """The line's words at the columns they are shown in (see :func:`spans`)."""
    out: list[Tok] = []
    prev = 0
    at = _columns(line)
    for m in _TOKEN.finditer(line):
        between = line[prev : m.start()]
        gap = 8 if "\t" in between else len(between)
        start, end = (at[m.start()], at[m.end()]) if at else (m.start(), m.end())
        out.append(Tok(m.group(), start, end, gap if out else 8))
        prev = m.end()
    return out


def spans(line: str) -> list[tuple[str, int, int]]:
    """The line's words with the columns they start and end at as a monospaced screen shows
    them: a Chinese, Japanese or Korean character takes two ('山田 翔太' under '氏名')."""
    at = _columns(line)
    if not at:
        return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(line)]
    return [(m.group(), at[m.start()], at[m.end()]) for m in _TOKEN.finditer(line)]


def _columns(line: str) -> list[int]:
    """The screen column of each character of a line holding wide characters, else []."""
    if line.isascii() or not any(east_asian_width(ch) in "WF" for ch in line):
        return []
    at = [0]
    for ch in line:
        at.append(at[-1] + (2 if east_asian_width(ch) in "WF" else 1))
    return at


def base(field: str) -> str:
    return "x" if field.startswith("x:") else field


def align(
    fields: tuple[str, ...], toks: list[Tok], zones: tuple[tuple[int, int], ...] | None
) -> list[tuple[str, list[Tok]]]:
    """The best assignment of the tokens to the fields, in order: (field, its tokens) pairs,
    ("extra", tokens) for tokens no field takes."""
    printed = [shape(t.text) for t in toks]
    shapes = tuple(  # a year in brackets right after a name's or club's word: 'ROSSI (01)'
        "yearp" if k and t.gap <= 1 and s in ("paren", "year4p") and printed[k - 1] == "word" else s
        for k, (t, s) in enumerate(zip(toks, printed, strict=True))
    )
    shapes = tuple(  # a record's letters between two words of a name: 'ATL. VIRTUS CR LUCCA',
        "word"  # or opening a name before the row's mark: 'EL AMRANI, Youssef'
        if s == "flag" and (_inside_words(k, toks, printed) or _opens_name(k, toks, printed))
        else s
        for k, s in enumerate(shapes)
    )
    big = tuple(t.gap >= 2 for t in toks)
    where: tuple[int, ...] = ()
    if zones is not None:
        where = tuple(zone_of(t, zones) for t in toks)
        under = fields[0] == "place" and where[0] > 0 and base(fields[where[0]]) in ("bib", "x")
        if under and shapes[0] in ("int", "int2", "year4") and "status" in shapes:  # a non-
            # finisher's number under 'Bib' (or a column no word names), its place left blank
            shapes = ("bib0", *shapes[1:])
    plan = _plan(fields, shapes, big, where)
    out: list[tuple[str, list[Tok]]] = []
    for name, i, j in plan:
        out.append((name, toks[i:j]))
    return out


def _inside_words(k: int, toks: list[Tok], printed: list[str]) -> bool:
    """Token ``k`` stands between two words, a single space either side."""
    return (
        0 < k < len(toks) - 1
        and printed[k - 1] == printed[k + 1] == "word"
        and toks[k].gap <= 1
        and toks[k + 1].gap <= 1
    )


def _opens_name(k: int, toks: list[Tok], printed: list[str]) -> bool:
    """Token ``k`` stands a single space before a word, and no mark before it."""
    return (
        k < len(toks) - 1
        and printed[k + 1] == "word"
        and toks[k + 1].gap <= 1
        and not any(p in _MARKS for p in printed[:k])
    )


_MARKS = frozenset({"time", "decimal", "mark"})


def zone_of(t: Tok, zones: tuple[tuple[int, int], ...]) -> int:
    mid = (t.start + t.end) / 2
    for k, (lo, hi) in enumerate(zones):
        if lo <= mid < hi:
            return k
    return -1


@lru_cache(maxsize=8192)
def _plan(
    fields: tuple[str, ...],
    shapes: tuple[str, ...],
    big: tuple[bool, ...],
    where: tuple[int, ...],
) -> tuple[tuple[str, int, int], ...]:
    n, m = len(fields), len(shapes)
    neg = float("-inf")
    # best[i][j]: fields[:i] over tokens[:j]; back[i][j] = (prev_i, prev_j, label)
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, str] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        f = fields[i] if i < n else None
        fb = base(f) if f else None
        fit = FIT.get(fb, FIT["x"]) if fb else {}
        empty = where and fb in TEXT and i not in where  # (a name's or club's column that holds
        # no token of the line: left empty at no cost, the relay team's line under 'Name', 'Club')
        skip = 0.0 if empty else _SKIP.get(fb or "", -0.3)
        for j in range(m + 1):
            cur = best[i][j]
            if cur == neg:
                continue
            if j < m:  # a token no field takes
                s = cur + _EXTRA
                if s > best[i][j + 1]:
                    best[i][j + 1], back[i][j + 1] = s, (i, j, "extra")
            if f is None:
                continue
            s = cur + skip  # the field left empty
            if s > best[i + 1][j]:
                best[i + 1][j], back[i + 1][j] = s, (i, j, f)
            longest = _TEXT_MAX if fb in TEXT or (fb == "x" and where) else 1  # a zone: its words
            longest = 12 if fb == "series" else 16 if fb == "leg" else longest  # six tries with
            # their winds; a relay's four runners, each in two or three words
            score = cur
            for k in range(j, min(m, j + longest)):
                sc = fit.get(shapes[k])
                if sc is None:
                    break
                score += sc
                if k > j and big[k] and fb != "series":
                    score -= 0.9  # a wide gap inside one field
                if where:
                    z = where[k]
                    spill = fb == "series" and z >= 0 and fields[z] in TEXT  # under a centred
                    score += 0.8 if z == i else (-0.8 if z >= 0 and not spill else 0.0)  # header
                total = score + (0.3 if big[j] else 0.0)
                if total > best[i + 1][k + 1]:
                    best[i + 1][k + 1], back[i + 1][k + 1] = total, (i, j, f)
    plan = []
    i, j = n, m
    while (i, j) != (0, 0):
        b = back[i][j]
        if b is None:  # unreachable: every token can always be left over
            break
        pi, pj, label = b
        if label == "extra":
            plan.append(("extra", pj, j))
        elif pj < j:
            plan.append((label, pj, j))
        i, j = pi, pj
    plan.reverse()
    return tuple(plan)


_ATTEMPT = re.compile(r"^(?:[xXoO\-–r]{1,3}|FOUL|PASS|P)$")  # a missed, cleared or passed try


def realigned(
    fields: tuple[str, ...],
    toks: list[Tok],
    zones: tuple[tuple[int, int], ...] | None,
    tries: list[Tok],
) -> list[tuple[str, list[Tok]]]:
    """:func:`align` (the line's tries, taken apart before, kept as its series); where the
    header's positions leave tokens unknown, a header centred over its columns may have placed
    its words where the values are not: the alignment by shapes alone, when it leaves fewer
    unknown and does not make a place of the number a non-finisher's line prints under another
    column, its place left blank."""
    plan = align(fields, toks, zones) + ([("series", tries)] if tries else [])
    if zones is None or not left_over(plan):
        return plan
    loose = align(fields, toks, None)
    if left_over(loose) >= left_over(plan):
        return plan
    blank = not _placed(plan) and any(shape(t.text) == "status" for _, ts in plan for t in ts)
    return plan if blank and _placed(loose) else loose


def _placed(plan: list[tuple[str, list[Tok]]]) -> bool:
    return any(name == "place" and ts for name, ts in plan)


def left_over(plan: list[tuple[str, list[Tok]]]) -> int:
    """Tokens an alignment gives no known field. A wind in brackets after a mark ('7,85
    (+1,2)') is known, and so is a try in an attempt column the header numbers ('1 2 3 ...
    Best'): a mark, a wind, a foul or pass."""
    return sum(
        1
        for name, ts in plan
        if name == "extra" or name.startswith("x:")
        for t in ts
        if not BRACKET_WIND.match(t.text)
        and not (name[2:].isdigit() and (_ATTEMPT.match(t.text) or shape(t.text) in _TRY))
    )
