"""What a result line looks like, in any layout and language: the rule the audit
(:mod:`scraper.results.audit`) counts a document's result lines with, independent of any reader.

A *unit* is a text line or a table row (its cells). It is **result-like** when it holds

* a **position**: a place or a bib. In a line, a number opening it (``12``, ``12.``, ``=3``,
  ``T3``, ``1.Name`` with the dot attached); in a table row, a cell that is a number. A status
  stands in for it (a DNF row often has no place);
* a **name**: a word of letters (any script) that is none of the flags, units, statuses and
  header, record, round and page words below;
* a **mark**: a time (``4:05.22``, ``1:02:03``, ``9:24,90``, ``2,23,62``, ``2'58"40``), a decimal
  (``10.45``, ``6,54``, ``13.85m``), feet-inches (``52-08.50``, ``21'4"``) or a status; or, for
  team scores, whole numbers after the name in a unit whose place opens it (``1 Carleton 45``).

So a header (no position, no mark), a records or standards line (it opens with its label), a
split or attempt line (no name), a heat or event title (``Heat 1 of 3``), page furniture
(``Page 2``, ``Printed 10:32 AM``: a clock time is no mark), a date on a line of its own (``24
MAY 2025``) and a disqualification's reason citing its rule (``DQ 163.3a Impeding``) are not
result lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache, reduce
from operator import or_

from scraper.results.dates import MONTH_DAY, mostly_date
from scraper.results.sections import bare_race_title
from scraper.results.statuses import named_after_status, status_of

# A unit: a text line, or a table row's cells (also a record of one-cell-per-line text).
Unit = str | tuple[str, ...]

_TIME = r"\d{1,3}(?::\d{1,2}){1,2}(?:[.,]\d{1,4})?"  # 4:05.22 1:02:03 25:14.8 11:47,97
_EURO = r"\d{1,2},\d{2},\d{1,2}|\d{1,2}\.\d{2},\d{1,2}"  # 2,23,62 (min, s, hundredths) 1.23,45
_DECIMAL = r"\d{1,3}[.,]\d{1,4}"  # 10.45 6,54 1.85
_FEET = (  # 23-01.25, 6-07, 50-2½, 6-7 (a field mark with single-digit inches)
    r"\d{1,3}-(?:0\d|1[01])(?:\.\d{1,2})?|\d{1,3}-\d[¼½¾]?|\d{1,3}-1[01][¼½¾]|"
    r"\d{1,3}'\s?\d{1,2}(?:\.\d{1,2})?\"?"
)
_PRIME = (  # 9"45 24''87 2'58"40 2h08'33"
    r"(?:\d{1,3}')?\d{1,2}(?:\"|'')\d{1,3}|\d{1,2}h\d{2}[':]\d{2}(?:\"\d{0,3})?"
)
_METRE_CM = r"\d{1,3}m\d{2}"  # 15m02 (French)
_MARK = re.compile(
    rf"[(\[]?(?:{_TIME}|{_EURO}|{_PRIME}|{_METRE_CM}|{_DECIMAL}|{_FEET})(?:m|[A-Za-z]{{0,3}})?"
    r"[*#+)\]]*",
    re.I,
)
_NUMBER = re.compile(r"\(?\d{1,6}\)?")
_PLACE = re.compile(
    r"(?:=|T-?|t-?)?\d{1,5}(?:[.)=*]|st|nd|rd|th|er|e|ème|位|着|T|\.?[ºª°])?|--?|—", re.I
)
_TEAM_SCORE = r"(?:\d{1,3}[.)]\s*)?[A-ZÀ-ÖØ-Þ][^,;:]*\s\d{1,4}(?:\.\d+)?"  # 'South Eugene 51'
_SCORES = rf"[^\W\d][^:]{{0,60}}:\s*{_TEAM_SCORE}(?:\s*[,;]\s*{_TEAM_SCORE})+\.?"
_SCORES_LINE = re.compile(rf"^{_SCORES}(?:\s+{_SCORES})*$")  # ('Boys: ... 18. Girls: ...')
_ORDINAL = re.compile(r"\d{1,2}(?:[ºª°]|st|nd|rd|th)")
_GLUED_PLACE = re.compile(r"\d{1,4}\.[^\W\d_]")  # 1.Name
# a rule's number, as a disqualification's reason line cites it: '163.3a', '17.2.3', '4-6-2'
_RULE = re.compile(
    r"\(?(?:\d{1,3}\.\d{1,2}(?:\.\d{1,2})?\(?[a-z]\)?|\d{1,3}\.\d{1,2}\.\d{1,2}|\d-\d{1,2}-\d)\)?"
)
_DISTANCE_LEAD = re.compile(  # (after a category: Finnish 'T15 800 m', 'U18M 100 m')
    r"\s*(?:[A-Z]{1,2}-?\d{2}[A-Z]?\s+)?\d{2,5}\s?"
    r"(?:m|km|k|mi|meters?|metres?|meter|metros|metri|mètres|miles?)\s",
    re.I,
)
_LETTER = re.compile(r"[^\W\d_]")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CLOCK = {"am", "pm", "a.m.", "p.m.", "uhr", "h", "hrs", "o'clock"}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STATUSES = _words(
    """dnf dns dq dsq disq nm nh nht nd fs nt scr dnc nts dnp dqf foul abandon aufg aufgeg
    aufgegeben abgem abgemeldet ausg disqu n.a. np brutt utgått dns. dnf. dq.
    棄権 途中棄権 失格 欠場"""
)
# Words that are no name: flags, units, statuses, and the words of headers, records and
# standards, rounds and page furniture, in the languages results come in.
# The words of column headers.
_COLUMN_WORDS = _words(
    """place pl plc pos position rank rang rg rk platz plass plassering clt classement posizione
    name names athlete athletes competitor runner parkrunner navn nom prénom prenom vorname
    nachname nome team teams school schools club clubs affiliation verein klubb équipe
    time times mark marks result results resultat résultat ergebnis zeit temps tid perf
    performance year yr yob born jg jahrgang grade class gr cl age ag cat category kategorie
    klasse ak gender sex bib no nr stnr startnr startnummer dossard number num points score
    scores team-scores split splits lap laps gap behind diff notes note comment"""
)
NOT_NAMES = (
    STATUSES
    | _COLUMN_WORDS
    | _words(
        """pb sb pr nr mr cr wr ar er wl dl gr ml el or fl q qr sr* pbs sbs x xx xxx o xo xxo
    pass m km mi mile miles min mins sec secs s h am pm uhr pts pkt pkte pace wind w
    punts puntos punti pontos punkte poeng poäng pont bodova puan
    record records standard standards meet facility stadium national world state conference
    qualifying qualifier auto provisional best leader lead
    heat heats lane lanes flight flights section sections event events round rounds final
    finals prelims preliminaries semifinal semifinals semi semis lauf läufe serie zeitlauf
    endlauf vorlauf finale série course
    page seite side printed licensed license hy-tek's hy-tek manager meet-manager official
    unofficial results: page: of von de"""
    )
)


# The labels a records or standards line opens with.
RECORD_LABELS = _words(
    """record records rekord rekorde recorde record: wr mr nr cr ar er wl sb pb ml dl or gr
    standard standards qualifying qualifier facility stadium meet national world state
    conference olympic championship championships best leader lead 記録 大会記録 日本記録"""
)


# The labels a legend of the codes opens with.
_LEGEND_LABELS = _words("legend legende légende key abbreviations abkürzungen leyenda legenda")


def _fold(token: str) -> str:
    return token.strip("()[]{},;:.!?\"'“”‘’«»").casefold()


# What a token is, as bits (a token may be several things: "12" is a place and a number).
MARK, STATUS, NAME, PLACE, NUMBER, CLOCK = 1, 2, 4, 8, 16, 32


@lru_cache(maxsize=1 << 16)
def kind(token: str) -> int:
    """The bits of what ``token`` is (cached: the same names, teams and numbers recur)."""
    folded = _fold(token)
    bits = 0
    if folded in STATUSES or status_of(token):  # the status words of every language marks reads
        bits |= STATUS | MARK
    elif _MARK.fullmatch(token):
        bits |= MARK
    if _PLACE.fullmatch(token):
        bits |= PLACE
    if _NUMBER.fullmatch(token):
        bits |= NUMBER
    if token.casefold() in _CLOCK:
        bits |= CLOCK
    if folded not in NOT_NAMES:
        letters = len(_LETTER.findall(token))
        if CJK.search(token) or (letters >= 2 and letters * 2 >= len(token)):
            bits |= NAME
    return bits


def is_mark(token: str) -> bool:
    return bool(kind(token) & MARK)


def is_status(token: str) -> bool:
    return bool(kind(token) & STATUS)


def is_name_word(token: str) -> bool:
    """A word a name is made of: two letters or more, mostly letters, not a listed word."""
    return bool(kind(token) & NAME)


def _holds_result(kinds: Sequence[int], position: bool) -> bool:
    """Given the kinds of a unit's tokens and whether it has a place or bib: a name, then a mark
    (a time followed by AM/PM/Uhr is a clock time, no mark)."""
    found = reduce(or_, kinds, 0)
    if not (found & NAME and found & MARK and (position or found & STATUS)):
        return False
    if not found & CLOCK:
        return True
    last = len(kinds) - 1
    return any(k & MARK and not (i < last and kinds[i + 1] & CLOCK) for i, k in enumerate(kinds))


def race_title(line: str) -> bool:
    """An event's title opening with its race's distance: '60 m vallas (0,914) Hombres', '10 km
    Dames', a category before it ('T15 800 m Loppukilpailu'), '1000 CADETTI - Serie Unica'."""
    return bool(_DISTANCE_LEAD.match(line)) or bare_race_title(line)


def line_is_result(line: str) -> bool:
    """A text line that holds a result (see the module's docstring)."""
    tokens = line.split()
    if tokens and (tokens[0] == "|" or tokens[-1] == "|"):
        tokens = [t for t in tokens if t != "|"]  # a table's rule: '| 1  Zeb ... 15.98 |'
        line = " ".join(tokens)
    if len(tokens) < 2 or race_title(line):
        return False  # an event's title: '60 m vallas (0,914) Hombres', '10 km Dames'
    if _SCORES_LINE.match(line.strip()):
        return True  # 'Boys Team Scores: South Eugene 51, Wilsonville 50': team scores
    first = tokens[0]
    if _GLUED_PLACE.match(first):  # "1.Name": the place with its dot attached to the name
        cut = first.index(".") + 1
        tokens = [first[:cut], first[cut:], *tokens[1:]]
    if len(tokens) >= 10 and 2 * sum(_lower_word(t) for t in tokens) >= len(tokens):
        return False  # prose: 'Times are elapsed from the 06:00 start. DNF rows show ...'
    if _fold(tokens[0]) in _LEGEND_LABELS:
        return False  # 'Legend: DNS Did Not Start  DQ Disqualified  Q Qualified by place'
    kinds = [kind(t) for t in tokens]
    if kinds[0] & STATUS and _RULE.fullmatch(tokens[1]):
        return False  # a disqualification's reason under its row: 'DQ 163.3a Impeding'
    placed = bool(kinds[0] & PLACE)
    if kinds[0] & STATUS and _status_row(tokens, kinds):
        return True  # 'DNF Darragh Brennan', 'DNF NOLAN FARRANT 1410 29 M Fremont, CA M20-29'
    if not (
        _holds_result(kinds[1:], placed or bool(kinds[0] & STATUS))
        or (placed and _score_line(tokens[0], kinds) and not mostly_date(line))
    ):
        return False
    return len(tokens) > 4 or not mostly_date(line)  # a date on its own: '24 MAY 2025'


def _lower_word(token: str) -> bool:
    word = token.strip(",.;:!?")
    return word.islower() and word.isalpha()


def _name_after_status(tokens: Sequence[str], kinds: Sequence[int]) -> bool:
    """A runner's name (two to five words) after a status, not a legend's ('Did Not Finish')."""
    return len(tokens) >= 2 and all(k & NAME for k in kinds) and named_after_status(list(tokens))


def _status_row(tokens: Sequence[str], kinds: Sequence[int]) -> bool:
    """A status opening the line stands for place and mark: a runner's name after it, alone or
    followed by what a row prints beside the name (a bib, an age, a club)."""
    end = next((i for i, k in enumerate(kinds[1:], 1) if not k & NAME), len(kinds))
    if end < len(kinds) and not any(k & NUMBER for k in kinds[end:]):
        return False
    return _name_after_status(tokens[1:end], kinds[1:end])


def _score_line(lead: str, kinds: Sequence[int]) -> bool:
    """Place, name, then whole numbers (points): a team-score line."""
    lead = re.sub(r"(?:st|nd|rd|th)$", "", lead.rstrip(".)"), flags=re.I)  # '1st Raleigh 58'
    if not (lead.isascii() and lead.isdigit() and int(lead) <= 999):
        return False
    last_name = max((i for i, k in enumerate(kinds) if k & NAME), default=-1)
    return last_name > 0 and any(k & NUMBER for k in kinds[last_name + 1 :])


def row_is_result(cells: Sequence[str]) -> bool:
    """A table row (or a record of one-cell-per-line text) that holds a result: a cell that is a
    place or a number; a name; a mark, or another number (a team's points). A table may leave
    the place out (a sheet without a place column, a finisher not placed): a name and a mark then
    do. A row whose first cell opens with a record's or standard's label is none."""
    filled = [c for c in cells if c.strip()]
    if len(filled) == 1:
        return line_is_result(filled[0])  # one cell: a line ('Men Hammer Throw (7.26 kg)')
    firsts = [_fold(c.split()[0]) for c in filled]
    if firsts and firsts[0] in RECORD_LABELS or MONTH_DAY.match(filled[0].strip()):
        return False  # (a calendar's row: 'Apr 18 | Xenia Invitational | Xenia HS')
    if len(firsts) >= 3 and 2 * sum(w in _COLUMN_WORDS for w in firsts) >= len(firsts):
        return False  # a header: 'Pos | Bib | Name | Cat | Club | CP1 Glen Fyne (21.4 km)'

    kinds = [kind(t) for c in cells for t in c.split()]
    kinds += [kind(c) & (STATUS | MARK) for c in cells if " " in c.strip()]  # 'Ej start'
    if _holds_result(kinds, position=True):
        return True
    numbers = sum(1 for c in cells if kind(c.strip()) & PLACE and c.strip() not in ("-", "--", "—"))
    ordinals = sum(1 for c in cells if _ORDINAL.fullmatch(c.strip()))  # '1º 2º 3º': tries' labels
    return numbers - (ordinals if ordinals >= 3 else 0) >= 2 and any(k & NAME for k in kinds)


def is_result(unit: Unit) -> bool:
    return line_is_result(unit) if isinstance(unit, str) else row_is_result(unit)
