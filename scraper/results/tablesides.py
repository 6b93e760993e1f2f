"""Two tables side by side in one grid (a sheet with the men's 100m in columns A-D and the
women's in F-I, each under its own title), unfolded into one after the other before the rows
are read: the grid's counterpart of :mod:`scraper.results.sidebyside` for text.

The sign is a header row that names the same columns twice (``Platz | Name | Verein | Zeit |
| Platz | Name | Verein | Weite``): the second copy starts a second table at its first column.
The block runs from the title rows right above that header (``100m Männer | | | | 100m
Frauen``: each half's own title) to the next such block or the next header of one table; each
of its rows is cut at that column, the left parts first, then the right ones.  A title above
the block with nothing on the right stays above both.
"""

from __future__ import annotations

from scraper.results.tablecols import header_columns
from scraper.results.tablegroups import Line

_MIN_FIELDS = 3  # columns each copy names: place, name, mark at least
_NAMES = frozenset(("athlete", "team", "last"))


def split_at(cells: list[str]) -> int | None:
    """The column where the second copy of a header named twice in one row starts, or None."""
    if len(cells) < 2 * _MIN_FIELDS or any(ch.isdigit() for ch in cells[0]):
        return None  # (a result row, its place first)
    filled = [c.strip().casefold() for c in cells if c.strip()]
    if len(filled) < 2 * _MIN_FIELDS or len(set(filled)) > len(filled) - _MIN_FIELDS:
        return None  # the quick test: a row naming its columns twice repeats three labels
    cols = header_columns(cells)
    if cols is None:
        return None
    named = [(j, c.field) for j, c in enumerate(cols) if c.field is not None]
    first = named[0][1]
    k = next((k for k, (_, f) in enumerate(named) if k and f == first), None)
    if k is None:
        return None
    left, right = {f for _, f in named[:k]}, {f for _, f in named[k:]}
    if min(len(left), len(right)) < _MIN_FIELDS or len(left ^ right) > 1:
        return None  # (one copy may have a column the other lacks: a wind, a year)
    if not (left & _NAMES and right & _NAMES):
        return None
    return named[k][0]


def unfold(lines: list[Line]) -> list[Line]:
    """The rows with every side-by-side block laid out as two tables, one after the other."""
    splits = [(i, col) for i, ln in enumerate(lines) if (col := split_at(ln.cells)) is not None]
    if not splits:
        return lines
    starts = [_title_start(lines, i, col) for i, col in splits]
    out = lines[: starts[0]]
    for k, ((i, col), start) in enumerate(zip(splits, starts, strict=True)):
        end = starts[k + 1] if k + 1 < len(splits) else _block_end(lines, i)
        block = lines[start:end]
        titled = start < i  # each half under its own title
        common = [] if titled or not out or not _filled(out[-1].cells) else [out[-1]]
        out += [_half(ln, 0, col) for ln in block]
        out += [_half(ln, col, None) for ln in common + block]
        if k + 1 == len(splits):
            out += lines[end:]
    return out


def _title_start(lines: list[Line], i: int, col: int) -> int:
    """The first of the title rows right above the header at ``i``: rows of a title or two on
    each side with one on the right (a title with nothing on the right is above both)."""
    while i > 0:
        cells = lines[i - 1].cells
        left, right = _filled(cells[:col]), _filled(cells[col:])
        if not right or len(left) > 2 or len(right) > 2:
            break
        i -= 1
    return i


def _block_end(lines: list[Line], i: int) -> int:
    """Where the block whose header is at ``i`` ends: at the next header of one table."""
    for j in range(i + 1, len(lines)):
        if _filled(lines[j].cells) and header_columns(lines[j].cells) is not None:
            return j
    return len(lines)


def _filled(cells: list[str]) -> list[str]:
    return [c for c in cells if c.strip()]


def _half(ln: Line, a: int, b: int | None) -> Line:
    return Line(ln.cells[a:b], ln.raw[a:b], ln.note)
