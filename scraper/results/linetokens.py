"""A result line's tokens read where no column header says what they are: a place glued to the
name (``1.Name``), two times glued together (``16:05.216:04.9``), fields parted by commas
(``1. Tom Runner, Leeds AC, 17:02``), a club in brackets after the name (``1. Max Muster (LG
Nord) 10,45``), a surname that two spaces pushed out of the name into the team (``1  Grant
HOLLOWAY  USA  12.99``).
"""

from __future__ import annotations

import re

from scraper.results.align import Tok, shape
from scraper.results.categories import category_of
from scraper.results.dates import MONTHS
from scraper.results.headerline import PLACE_SHAPES
from scraper.results.statuses import named_after_status, status_of

_GLUED_PLACE = re.compile(r"^(\d{1,4})\.([^\W\d_ºª][\w'’.\-]*,?)$")
# two clock times printed without a space between them ('16:05.216:04.9': gun and net time)
_GLUED_TIMES = re.compile(
    r"^(\d{1,2}(?::\d{2}){1,2}(?:[.,](\d{1,3}))?)(\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?)$"
)
_CARDS = re.compile(r"[~>]{1,3}")  # race walking's warnings (~ loss of contact, > bent knee)
_TIME = re.compile(r"^\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?$")
# the shapes of a result's mark or status
RESULT_SHAPES = frozenset({"time", "decimal", "mark", "status", "pace"})


def split_glued(toks: list[Tok]) -> list[Tok]:
    """'1.Name' (a place with its dot glued to the name) -> '1.' 'Name'; a comma printed apart
    from the surname before it ('KRAIMER , Michael') joins it; a table's rule ('| 1  Zeb ... |')
    and a race walker's warnings ('~', '>') go."""
    line = " ".join(t.text for t in toks)  # (each check below looks for its characters first)
    if toks and (toks[0].text == "|" or toks[-1].text == "|"):
        toks = [t for t in toks if t.text != "|"]
    if ("~" in line or ">" in line) and any(_CARDS.fullmatch(t.text) for t in toks):
        toks = [t for t in toks if not _CARDS.fullmatch(t.text)]  # a walker's cards: '~', '>>'
    if "," in line and any(t.text == "," for t in toks[1:]):
        out = [toks[0]]
        for t in toks[1:]:
            if t.text == "," and not out[-1].text.endswith(","):
                p = out[-1]
                out[-1] = Tok(p.text + ",", p.start, t.end, p.gap)
            else:
                out.append(t)
        toks = out
    if line.count(":") >= 2 and any(_GLUED_TIMES.match(t.text) for t in toks):
        toks = [part for t in toks for part in _unglue_times(t)]
    if "(" in line and any(_GLUED_YEAR.match(t.text) for t in toks):
        toks = [part for t in toks for part in _unglue_year(t)]
    if "'" in line:
        toks = _joined_feet(toks)
    if _DATE_WORDS.search(" ".join(t.text for t in toks)):  # (joined again: a card taken out
        # above may have stood between a date's parts)
        toks = _joined_dates(toks)
    toks = _joined_status(toks)
    if toks:
        m = _GLUED_PLACE.match(toks[0].text)
        if m:
            t = toks[0]
            cut = t.start + len(m.group(1)) + 1
            return [Tok(m.group(1) + ".", t.start, cut, t.gap), Tok(m.group(2), cut, t.end, 1),
                    *toks[1:]]  # fmt: skip
    return toks


def _joined_dates(toks: list[Tok]) -> list[Tok]:
    """A birth date printed with its month's name ('14 MAR 1999') after the line's first token:
    one token, the date."""
    out, i = toks[:1], 1
    while i < len(toks):
        day, month, year = (toks[i : i + 3] + [toks[i]] * 3)[:3]
        if (
            i + 2 < len(toks)
            and day.text.isdigit()
            and len(day.text) <= 2
            and month.gap == year.gap == 1
            and month.text.casefold().rstrip(".") in MONTHS
            and _YEAR4.fullmatch(year.text)
        ):
            out.append(Tok(f"{day.text} {month.text} {year.text}", day.start, year.end, day.gap))
            i += 3
        else:
            out.append(toks[i])
            i += 1
    return out


_YEAR4 = re.compile(r"(?:19|20)\d\d")
_DATE_WORDS = re.compile(r"(?<!\S)\d{1,2} [^\W\d_]{3,}\.? (?:19|20)\d\d(?!\S)")  # '14 MAR 1999'
_GLUED_YEAR = re.compile(r"^([^\W\d_][\w'’.\-]*)(\(\d{1,4}\))$")  # '奏太(2)', 'Rossi(01)'


def _unglue_year(t: Tok) -> list[Tok]:
    """A name's word with its class or birth year glued on in brackets -> the two."""
    m = _GLUED_YEAR.match(t.text)
    if m is None:
        return [t]
    cut = t.end - len(m[2])  # (the brackets are one column each, the word's may be two)
    return [Tok(m[1], t.start, cut, t.gap), Tok(m[2], cut, t.end, 0)]


def _joined_feet(toks: list[Tok]) -> list[Tok]:
    """Feet and inches printed one space apart (20' 02.25"): one mark (called for lines with a
    prime in them)."""
    out: list[Tok] = []
    for t in toks:
        p = out[-1] if out else None
        if p is not None and t.gap == 1 and _FEET.fullmatch(p.text) and _INCHES.fullmatch(t.text):
            out[-1] = Tok(f"{p.text} {t.text}", p.start, t.end, p.gap)
        else:
            out.append(t)
    return out


_FEET = re.compile(r"\d{1,3}'")
_INCHES = re.compile(r"\d{1,2}(?:[.,]\d{1,2})?(?:\"|'')")


def _joined_status(toks: list[Tok]) -> list[Tok]:
    """A status of two or three words at the end of the line ('Ikke startet', 'No Pres.', 'bez
    platného pokusu'), its words one space apart: one token."""
    for n in (3, 2):
        tail = toks[-n:]
        if len(toks) > n and all(t.gap == 1 for t in tail[1:]):
            text = " ".join(t.text for t in tail)
            if status_of(text):
                return [*toks[:-n], Tok(text, tail[0].start, tail[-1].end, tail[0].gap)]
    return toks


_WIND = re.compile(r"[+-]\d{1,2}[.,]\d")
_COMMA_LINE = re.compile(r"^\s*\d{1,4}[.)]?\s*([^\W\d][^,\d]*),")  # a place, a name, a comma


def spaced_name_team(plan: list[tuple[str, list[Tok]]]) -> bool:
    """The plan puts a team right after the name with one space between them: where the name
    ends is a guess."""
    return any(
        a[0] == "athlete" and b[0] == "team" and b[1] and b[1][0].gap < 2
        for a, b in zip(plan, plan[1:], strict=False)
    )


def given_name_first(lines: list[str]) -> bool:
    """A list in commas that prints its athletes 'Juho Laine, Oulun Tarmo 12,07' (a name of two
    words or more before the first comma on most placed lines), not 'Laine, Juho  Oulun 12,07'
    (a surname, then the given name and the club apart by spaces)."""
    before = [len(m[1].split()) for ln in lines if (m := _COMMA_LINE.match(ln))]
    return len(before) >= 2 and sum(n >= 2 for n in before) >= 0.8 * len(before)


_BORN = re.compile(r"\((?:19|20)\d\d\)")  # a birth year in brackets
_AGE = re.compile(r"\(\d{1,2}\),?|\d{1,2}")  # a runner's age after the name, in brackets or not


_DASHES = frozenset({"-", "–", "—"})


def _dashes_as_commas(toks: list[Tok]) -> list[Tok]:
    """A line's fields after its place parted by dashes ('– Patrick O Shea – 26:02') -> by
    commas ('Patrick O Shea, 26:02')."""
    out: list[Tok] = []
    for t in toks:
        if t.text not in _DASHES:
            out.append(t)
        elif out:
            out[-1] = Tok(f"{out[-1].text},", out[-1].start, out[-1].end, out[-1].gap)
    return out


def comma_plan(toks: list[Tok], given_first: bool = False) -> list[tuple[str, list[Tok]]] | None:
    """A line that parts its fields with commas ('1. Tom Runner, Leeds AC, 17:02'; 'Runner, Tom,
    Leeds AC, 17:02'): place, name, team, mark by the commas, not by the spaces; a field
    event's tries in brackets after the mark ('Vaasan Urheilijat 6.02 (5.77, x, 6.02)', as
    Nordic lists print them) are its series; a row with no place but its status at the end
    ('Santeri Nieminen, Lahden Kiri-Veikot kesk.') in a list of given names first; a birth year
    in brackets before the mark ('Hugo Sjöberg, Spårvägens FK (2010) 9:58') is the year."""
    placed = shape(toks[0].text) in PLACE_SHAPES  # or, given names first, a status row
    if len(toks) < 3 or not (placed or given_first and shape(toks[-1].text) == "status"):
        return None
    if not any(t.text.endswith(",") for t in toks) and any(t.text in _DASHES for t in toks[1:-1]):
        toks = [toks[0], *_dashes_as_commas(toks[1:])]  # '2nd – Patrick O Shea – 26:02'
    year = None
    aged = next((k for k, t in enumerate(toks) if k > 1 and _AGE.fullmatch(t.text)), None)
    if aged is not None:  # 'Tomas Ferrel (31), Brookfield Striders, 16:02': the age, a year's
        age, before = toks[aged], toks[aged - 1]
        year = Tok(age.text.strip("(),"), age.start, age.end, age.gap)
        if age.text.endswith(","):  # (its comma parts the name from the club)
            before = Tok(before.text + ",", before.start, before.end, before.gap)
        toks = [*toks[: aged - 1], before, *toks[aged + 1 :]]
    born = next((k for k, t in enumerate(toks) if k > 1 and _BORN.fullmatch(t.text)), None)
    if born is not None and born + 1 < len(toks):  # 'Hugo Sjöberg, Spårvägens FK (2010) 9:58'
        year = Tok(toks[born].text.strip("()"), toks[born].start, toks[born].end, toks[born].gap)
        toks = toks[:born] + toks[born + 1 :]
    opens = next((k for k, t in enumerate(toks) if t.text.startswith("(")), len(toks))
    toks, series = toks[:opens], toks[opens:]
    if series and not series[-1].text.endswith(")"):
        return None
    groups: list[list[Tok]] = [[]]
    for t in toks[1:] if placed else toks:
        bare = Tok(t.text.rstrip(","), t.start, t.end, t.gap)
        groups[-1].append(bare)
        if t.text.endswith(",") and len(t.text) > 1:
            groups.append([])
    last = groups[-1]
    ends = len(groups) >= 2 and len(last) > 1 and shape(last[-1].text) in RESULT_SHAPES
    if ends and (series or given_first):  # 'Vaasan Urheilijat 6.02 (5.77, x, 6.02)'
        groups.append([last.pop()])  # 'Oulun Tarmo 12,07' in a list of given names first
        if given_first and len(last) > 1 and shape(last[-1].text) == "year4":
            year = last.pop()  # 'Örnvik FI  1983  2,34,10'
    if len(groups) < 2 or len(groups[-1]) != 1 or any(not g for g in groups):
        return None
    if shape(groups[-1][0].text) not in RESULT_SHAPES:
        return None
    *names, mark = groups
    if year is None and len(names) >= 3 and len(names[1]) == 1 and _AGE.fullmatch(names[1][0].text):
        year = names.pop(1)[0]  # 'Tomas Ferrel, 31, Brookfield Striders, 16:02': the age
    if len(names) == 3 and len(names[0]) == len(names[1]) == 1:  # 'Runner, Tom, Leeds AC'
        surname = names[0][0]
        names = [[Tok(surname.text + ",", surname.start, surname.end, 0), *names[1]], names[2]]
    if len(names) == 3 and len(names[0]) >= 2:  # 'Peter Kamau, Nairobi, Kenya': a hometown
        *town, end = names[1]
        names = [names[0], [*town, Tok(f"{end.text},", end.start, end.end, end.gap), *names[2]]]
    if len(names) > 2:
        return None
    plan = [("place", [toks[0]])] if placed else []
    plan.append(("athlete", names[0]))
    if len(names) == 2:
        plan.append(("team", names[1]))
    tries = [Tok(t.text.strip("(),"), t.start, t.end, t.gap) for t in series]
    plan += [("year", [year])] if year else []
    if len(tries) == 1 and _WIND.fullmatch(tries[0].text):
        return [*plan, ("mark", mark), ("wind", tries)]  # '5,19 (-0,6)': the jump's wind
    return [*plan, ("mark", mark), *([("series", tries)] if tries else [])]


def unplaced_row(
    toks: list[Tok], shapes: list[str], width: int, mark_end: int, dates: bool
) -> bool:
    """A line opening with a word under a header or after placed rows, a row with no place: a
    name and a status ('BARYSEVICH Dariya  BLR  DNF', 'MORALES Juan  MEX  DNF  M50'; a relay
    team's 'Chile  DNF'), or a row whose place is left blank (a tie's second row, a runner not
    placed) right after a placed row of ``width`` tokens, as wide as it but for the place, its
    mark under the row's (ending at ``mark_end``): 'Bärtschi Jan  98  SUI  11.03'; not a page's
    heading with its date and clock time where the header names no date (``dates``)."""
    named = shapes[1] == "word" or shapes[1] == "int2" and shapes[2:3] == ["word"]
    if named and "status" in shapes[-3:] and len(toks) <= 16:  # ('Athlé 42 Ondaine  DQ')
        return True
    if shapes[:2] == ["word", "status"] and shapes[2:] in ([], ["other"]):
        first = toks[0].text  # a team of one word and its status ('Chile  DNF', after the
        return first.isalpha() and not first[0].islower()  # placed relays; '愛知工大  DQ  ...')
    return (
        width > 0
        and shapes[1] == "word"
        and len(toks) + 1 >= width
        and (dates or "dob" not in shapes)
        and any(
            abs(t.end - mark_end) <= 1 and shapes[k] in RESULT_SHAPES for k, t in enumerate(toks)
        )
    )


def name_after_status(toks: list[Tok]) -> bool:
    """'DNF Darragh Brennan' (after placed rows): a runner's name after the status, not a
    legend's line ('DNF Did Not Finish')."""
    return shape(toks[0].text) == "status" and named_after_status([t.text for t in toks[1:]])


_TRY = re.compile(r"^(?:\d{1,2}[.,]\d{1,2}|[xX×]{1,3}[oO]?|[oO]|[-–]|r|p|NM)$")


def series_apart(toks: list[Tok]) -> tuple[list[Tok], list[Tok]]:
    """A field event's tries in brackets at the line's end, after its mark ('Haminan
    Palloilijat  4,57  (x 4,57 4,21 3,62)', as Nordic lists print them): the tokens before
    the brackets, and the tries (none when the brackets hold anything else)."""
    opens = next((k for k in range(len(toks) - 1, 0, -1) if toks[k].text.startswith("(")), 0)
    if not opens or not toks[-1].text.endswith(")"):
        return toks, []
    if any(t.text.endswith(",") for t in toks[opens:]):
        return toks, []  # '(5.77, x, 6.02)': a list in commas, read by comma_plan
    if shape(toks[opens - 1].text) not in RESULT_SHAPES:
        return toks, []
    tries = [Tok(t.text.strip("(),"), t.start, t.end, t.gap) for t in toks[opens:]]
    tries = [t for t in tries if t.text]
    if len(tries) < 2 or not all(_TRY.match(t.text) for t in tries):
        return toks, []
    return toks[:opens], tries


def bracket_plan(toks: list[Tok]) -> list[tuple[str, list[Tok]]] | None:
    """A line that prints the club in brackets after the name ('1. Max Muster (LG Nord) 10,45'):
    place, name, the club, then the mark; or no place and a status ('Fletcher Kelly
    (Waitakere) DNF'); a category in the brackets is the runner's ('Senan Geraghty (M60)')."""
    placed = bool(toks) and shape(toks[0].text) in PLACE_SHAPES
    if len(toks) < 3 + placed or not (placed or status_of(toks[-1].text)):
        return None
    opens = [k for k, t in enumerate(toks) if t.text.startswith("(")]
    if len(opens) != 1 or opens[0] < 1 + placed:
        return None
    k = opens[0]
    close = next((j for j in range(k, len(toks)) if toks[j].text.endswith(")")), None)
    if close is None or close + 1 >= len(toks):
        return None
    club = " ".join(t.text for t in toks[k : close + 1])[1:-1].strip()
    rest = toks[close + 1 :]
    if shape(rest[0].text) not in RESULT_SHAPES:
        return None
    inner = [Tok(club, toks[k].start, toks[close].end, 2)]  # brackets part it as two spaces do
    place = [("place", [toks[0]])] if placed else []
    if category_of(club) is not None and any(c.isdigit() for c in club):
        return [*place, ("athlete", toks[placed:k]), ("category", inner), ("mark", rest[:1])]
    if not (re.search(r"[^\W\d_]{2}", club) or re.fullmatch(r"[A-Z]", club)):  # '(L)': a key
        return None
    return [*place, ("athlete", toks[placed:k]), ("team", inner), ("mark", rest[:1])]


def rejoin_surname(cells: dict[str, str]) -> None:
    """A given name alone in the name column and a surname in capitals opening the team's
    ('1  Grant  HOLLOWAY  USA  12.99': two spaces inside the name): the surname is the name's.
    Not where the name has two columns ('Name | Vorname': the club's 'TSV' is the club's)."""
    name, team = cells.get("athlete", ""), cells.get("team", "").split()
    if (
        name
        and not cells.get("first")
        and not cells.get("last")
        and " " not in name
        and len(team) >= 2
        and name.istitle()
        and not name.isupper()
    ):
        first = team[0]
        if len(first) >= 4 and first.isalpha() and first.isupper():  # (not a club's LAV, TSV)
            cells["athlete"], cells["team"] = f"{name} {first}", " ".join(team[1:])


def _unglue_times(t: Tok) -> list[Tok]:
    """'16:05.216:04.9' -> '16:05.2' '16:04.9': two times of one shape (as many decimals), the
    only cut that gives them; any other token as it is."""
    cuts = []
    for k in range(4, len(t.text) - 3):
        a, b = t.text[:k], t.text[k:]
        if _TIME.match(a) and _TIME.match(b) and _decimals(a) == _decimals(b) and b[0] != "0":
            cuts.append(k)
    if len(cuts) != 1:
        return [t]
    k = cuts[0]
    return [Tok(t.text[:k], t.start, t.start + k, t.gap), Tok(t.text[k:], t.start + k, t.end, 1)]


def _decimals(time: str) -> int:
    head, sep, tail = time.replace(",", ".").rpartition(".")
    return len(tail) if sep else 0


def places_on(toks: list[Tok], last: int | None) -> list[Tok]:
    """A place of 1900 to 2099 right after the place before it (``last``) is a place, not a
    year: its token dotted as a place prints ('1995' -> '1995.')."""
    if last and toks and shape(toks[0].text) == "year4" and int(toks[0].text) - last in (0, 1):
        return [Tok(f"{toks[0].text}.", toks[0].start, toks[0].end, toks[0].gap), *toks[1:]]
    return toks
