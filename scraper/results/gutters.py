"""A page printed in two columns with no header to tell them (a newspaper's results, a club's
flyer): each line holds a result of the left column and one of the right, a blank gutter
between.  The lines are cut at the gutter and laid out as the left column, then the right one,
before the rows are read (:mod:`scraper.results.sidebyside` does it where a header is printed
twice).

The sign is a column where, on two lines or more, the text left of it and the text right of
it are each a whole result (a place, a name, a mark at the end), the text right of it is one on
three lines or more, and few lines run across it.  A line that does (a heading over the whole
page) ends one two-column stretch; the next starts after it.  A page with a header printed twice
is left to :mod:`scraper.results.sidebyside`. A column of prose beside a column of results (a
newsletter's report beside its table) is cut the same way: the prose first, then the results.
"""

from __future__ import annotations

import re
from collections import Counter

from scraper.results.headerline import columns, named_columns
from scraper.results.marks import looks_like_mark
from scraper.results.sidebyside import split_column, unfold
from scraper.results.statuses import status_of

_MIN_BOTH = 2  # lines holding a result on each side
_MIN_LINES = 3  # lines holding a result on the right
_AFTER_GAP = re.compile(r"(?<=   )\d{1,3}[.)]? ")  # a place after three spaces or more
_PLACE = re.compile(r"^\d{1,3}[.)]?$")
_NAME = re.compile(r"^[^\W\d_]{2}")
_MIN_PROSE_RESULTS = 3  # lines holding a result right of a column of prose
_MIN_PROSE = 2  # lines holding prose left of the results
_MAX_CROSSING = 0.1  # share of the printed lines allowed across the gutter (headings)


def unfold_pages(pages: list[list[str]]) -> list[str]:
    """The pages' lines, each page's two columns and each pair of tables side by side one
    after the other."""
    return unfold([ln for page in pages for ln in unfold_columns(page)])


def unfold_columns(lines: list[str]) -> list[str]:
    """The lines of one page, its two columns one after the other where it has two."""
    col = _gutter(lines)
    if col is None or any("  " in ln and split_column(ln) is not None for ln in lines):
        return lines  # (a header printed twice: sidebyside's)
    if any(_one_header(ln, col) for ln in lines):
        return lines  # one table's header over both halves (a relay's teams and their legs)
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    for ln in lines:
        if _crosses(ln, col):
            out += [*_joined(left, right), ln]
            left, right = [], []
            continue
        left.append(ln[:col].rstrip())
        right.append(ln[col:].rstrip())
    return out + _joined(left, right)


def _joined(left: list[str], right: list[str]) -> list[str]:
    """The left column, then the right one, with no blank lines where they meet: those are
    where the other column ran on (a table the left column starts goes on at the top of the
    right), not a gap in the text."""
    end, start = len(left), 0
    while end and not left[end - 1]:
        end -= 1
    while start < len(right) and not right[start]:
        start += 1
    return left[:end] + right[start:]


def _gutter(lines: list[str]) -> int | None:
    both: Counter[int] = Counter()  # column -> lines with a result either side of it
    right: Counter[int] = Counter()  # column -> lines with a result right of it
    paired: Counter[int] = Counter()  # column -> of those, lines placed n | n + 1
    for ln in lines:
        if len(ln) < 40:
            continue
        for m in _AFTER_GAP.finditer(ln):
            k = _split_start(ln, m.start())
            if _result(ln[k:]):
                right[k] += 1
                if _result(ln[:k]):
                    both[k] += 1
                    paired[k] += _place(ln[k:]) == _place(ln[:k]) + 1
    if not both:
        return _beside_prose(lines, right)
    col, _ = both.most_common(1)[0]
    near = [k for k in right if abs(k - col) <= 2]
    twice = sum(both[k] for k in near)
    if twice < _MIN_BOTH or sum(right[k] for k in near) < _MIN_LINES:
        return None
    if sum(paired[k] for k in near) * 2 >= twice:
        return None  # ranked two to a line ('1) Oregon 104   2) Arkansas 98'): read by line
    printed = [ln for ln in lines if ln.strip()]
    crossing, far = min((_crossings(printed, k), -k) for k in _edges(lines, min(near)))
    col = -far  # (of edges crossed as often, the rightmost)
    return col if crossing <= max(1, _MAX_CROSSING * len(printed)) else None


def _beside_prose(lines: list[str], right: Counter[int]) -> int | None:
    """The column of results printed beside a column of prose (a newsletter's report and its
    table): results right of it on three lines or more, sentences left of it on two."""
    if not right:
        return None
    col, n = right.most_common(1)[0]
    if n < _MIN_PROSE_RESULTS:
        return None
    told = sum(1 for ln in lines if _prose(ln[:col]) and _result(ln[col:]))
    printed = [ln for ln in lines if ln.strip()]
    crossing = _crossings(printed, col)
    return col if told >= _MIN_PROSE and crossing <= max(1, _MAX_CROSSING * len(printed)) else None


def _prose(part: str) -> bool:
    """Words of a sentence: four or more, half of them or more in lower case."""
    words = part.split()
    return len(words) >= 4 and 2 * sum(w[:1].islower() for w in words) >= len(words)


def _edges(lines: list[str], col: int) -> list[int]:
    """Where the right column may start: at its first place's gap, or up to two places left
    while the result lines are blank there (a place set right, '  1 Ann Lee', under a ruler
    that starts where the column does)."""
    results = [ln for ln in lines if _result(ln[col:])]
    edges = [col]
    while len(edges) < 3 and edges[-1] > 1:
        k = edges[-1] - 1
        if any(ln[k - 1 : k].strip() for ln in results):
            break
        edges.append(k)
    return edges


def _crossings(printed: list[str], k: int) -> int:
    return sum(1 for ln in printed if _crosses(ln, k))


def _split_start(line: str, k: int) -> int:
    """Where the right part starts: a place set right ('  3 F. Garrity') from its gap."""
    return k - 1 if k and line[k - 1] == " " else k


def _result(part: str) -> bool:
    """A place, a name (maybe after a bib) and a mark or a status at the end."""
    words = part.split()
    return (
        len(words) >= 3
        and _PLACE.match(words[0]) is not None
        and any(_NAME.match(w) for w in words[1:3])
        and (looks_like_mark(words[-1]) or status_of(words[-1]) is not None)
    )


def _place(part: str) -> int:
    return int(part.split()[0].rstrip(".)"))


def _crosses(line: str, col: int) -> bool:
    """The line's text runs across the gutter: words either side of it, less than three spaces
    apart ('Flow Test Meet -- May 7, 2022', cut between 'May' and '7,')."""
    left, right = line[:col], line[col:]
    if not left.strip() or not right.strip():
        return False
    return len(left) - len(left.rstrip()) + len(right) - len(right.lstrip()) < 3


def _one_header(line: str, col: int) -> bool:
    """A column header whose words stand either side of the gutter and name other columns on
    each side ('Pos  Team  Total      Leg  Runner  Leg time'): one table, not two columns."""
    if "  " not in line.strip() or len(line) <= col:
        return False
    left, right = (columns(part) for part in (line[:col], line[col:]))
    fields = [[c.field for c in side] for side in (left, right)]
    return fields[0] != fields[1] and named_columns(left) and named_columns(right)
