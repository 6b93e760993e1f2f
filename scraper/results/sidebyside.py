"""Two tables printed side by side (girls on the left, boys on the right; two heats; a page in
two columns), unfolded into one after the other before the text is read.

The sign is a column header that says the same thing twice (``Pos School Points   Pos School
Points``): the second copy starts a second table at its first word's column. The block runs from
the header to the first blank line; each of its lines is cut at that column (before a word that
straddles it), the left parts first, then the right ones under the right halves of the lines
above the header that have one (``Girls          Boys``, ``Event 1 ...     Event 2 ...`` and
the rulers under them: each half's own title). A title line above that has nothing on the
right stays above both.
"""

from __future__ import annotations

import re

from scraper.results.headerline import columns
from scraper.results.headers import HEADER_WORDS

_MIN_FIELDS = 2


def split_column(line: str) -> int | None:
    """Where the second copy of a header printed twice starts, or None."""
    if sum(1 for w in line.casefold().split() if w.strip(":.,") in HEADER_WORDS) < 2 * _MIN_FIELDS:
        return None  # the quick test: most lines are no header
    cols = [c for c in columns(line) if not c.field.startswith("x:")]
    n = len(cols)
    if n < 2 * _MIN_FIELDS or n % 2:
        return None
    half = n // 2
    if [c.field for c in cols[:half]] != [c.field for c in cols[half:]]:
        return None
    if "athlete" not in {c.field for c in cols} and "team" not in {c.field for c in cols}:
        return None
    return cols[half].start


def _cut(line: str, col: int) -> tuple[str, str]:
    """A line cut at ``col``, moved left to the start of a word that straddles it, or of a
    place printed just left of it."""
    if len(line) <= col:
        return line.rstrip(), ""
    k = col
    while k > 0 and not line[k - 1].isspace() and not line[k].isspace():
        k -= 1
    place = _PLACE_BEFORE.search(line[:k])  # ' 25.28      1  Esparza': the right row's place,
    if place and k - place.start(1) <= 6 and not _PLACE_AT.match(line[k:]):  # set left of the
        k = place.start(1)  # header's first word (unless the right part opens with its own)
    return line[:k].rstrip(), line[k:]


_PLACE_BEFORE = re.compile(r"\s{2,}((?:[=T]?\d{1,3}[.)]?))\s*$")
_PLACE_AT = re.compile(r"\s*[=T]?\d{1,3}[.)]?\s")


def unfold(lines: list[str]) -> list[str]:
    """The lines with every side-by-side block laid out as two blocks, one after the other."""
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        col = split_column(line) if "  " in line else None
        if col is None:
            out.append(line)
            i += 1
            continue
        end = i + 1
        while end < n and lines[end].strip():
            end += 1
        above: list[tuple[str, str]] = []  # the lines over the header with a half each:
        while out and out[-1].strip() and _cut(out[-1], col)[1].strip():
            above.insert(0, _cut(out.pop(), col))  # titles ('Girls      Boys'), rulers
        common = [out[-1]] if out and out[-1].strip() else []  # a title above both
        left = [_cut(ln, col)[0] for ln in lines[i:end]]
        right = [_cut(ln, col)[1] for ln in lines[i:end]]
        out += [*(a for a, _ in above), *left, "", *common, *(b for _, b in above), *right]
        i = end
    return out
