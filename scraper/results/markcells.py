"""A mark cell's text as the marks parser reads it, and what a cell holds beside its mark.

Some notations only a column settles: a column of times whose every fraction is below 60
(``41.54``, ``45.16`` over a dozen rows or more) is minutes.seconds written with a dot, as club
spreadsheets print a 10 km time; a column of prime-notation times (``32'14''``, as French results
print them) holds times throughout once one of them cannot be feet and inches (seconds 12 to 59),
so ``34'05''`` there is 34:05, not 10.49 m.
"""

from __future__ import annotations

import re

from scraper.results.marks import parse_mark

_DOT_MINUTES = re.compile(r"^(\d{1,3})\.(\d\d)$")
_EURO_TIME = re.compile(r"^(\d{1,2}),(\d{2}),(\d{1,2})$")
_PRIME_MINUTES = re.compile(r"^(\d{1,3})\s*['′]\s*(\d\d)\s*(?:''|\"|″)$")
_CELL_WIND = re.compile(r"^\(?([+-]\d{1,2}[.,]\d|0[.,]0)\)?$")
_NOTE = re.compile(r"^[^\W\d_][^\W\d_]+\b")  # a word of letters opening what follows the mark


def mark_text(text: str, clock: str | None = None) -> str:
    """A mark cell as the marks parser reads it: European '7,54,96' (min, s, hundredths) ->
    '7:54.96'; in a column of ``clock`` notation (:func:`clock_of`), a minutes.seconds '41.54'
    ('dot') or a prime "34'05''" ('prime') -> '41:54', '34:05'."""
    t = text.strip()
    m = _EURO_TIME.match(t)
    if m and int(m.group(2)) < 60:
        return f"{m.group(1)}:{m.group(2)}.{m.group(3)}"
    column = {"dot": _DOT_MINUTES, "prime": _PRIME_MINUTES}.get(clock or "")
    m = column.match(t) if column is not None else None
    return f"{m.group(1)}:{m.group(2)}" if m else t


def clock_of(values: list[str]) -> str | None:
    """The notation of times a mark column holds that its single cells cannot settle: 'dot'
    (a dozen 'mm.ss' values or more, no fraction of 60 or more), 'prime' (one prime-notation
    value at least whose seconds no inches can be), else None."""
    dots = [m for v in values if (m := _DOT_MINUTES.match(v.strip()))]
    if len(dots) >= 12 and all(int(m.group(2)) < 60 for m in dots):
        return "dot"
    primes = [int(m.group(2)) for v in values if (m := _PRIME_MINUTES.match(v.strip()))]
    return "prime" if any(12 <= s < 60 for s in primes) and all(s < 60 for s in primes) else None


def mark_parts(text: str) -> tuple[str, str | None, str | None]:
    """A mark cell holding more than the mark: (the mark, a wind printed after it, the mark in
    other units). '10.01 (+2.4)' -> ('10.01', '+2.4', None); "6.34m 20' 9.5\"" -> ('6.34m', None,
    "20' 9.5\""); '24-05.25 (7.45m)' -> ('24-05.25', None, '7.45m'); '17:41 New PB!' -> ('17:41',
    None, None) (a note in words, kept in the row's raw cells); '10.45' -> ('10.45', None, None)."""
    first, _, rest = text.strip().partition(" ")
    rest = rest.strip()
    if not rest or parse_mark(mark_text(text)).value is not None:
        return text, None, None
    if parse_mark(mark_text(first)).value is None:
        return text, None, None
    wind = _CELL_WIND.match(rest)
    if wind:
        return first, wind[1], None
    other = rest.strip("()")
    if parse_mark(other.replace(" ", "")).value is not None or parse_mark(other).value is not None:
        return first, None, other
    if _NOTE.match(rest):
        return first, None, None  # a note after the time: '17:41 New PB!', '19:19 PB 18:23'
    return text, None, None
