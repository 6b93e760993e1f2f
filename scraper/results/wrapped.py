"""Results hard-wrapped at a width (an e-mail or a mailing list's 72 columns): every line longer
than the width was broken at its last space before it, so a result's mark and points start the
next line at its left edge (``  1 Wren Lusk   9   Silver Lake HS`` over ``19:03.7       1``), or
its points alone after its time, and so do the last words of a header (``Finals  Points``) and
of its rule.  Such lines are joined again before the text is read, what was wrapped of each kind
set at one column past the longest line it continues (the header's words over the last).

The sign is the width itself: no line with a space inside is longer than 80 characters (a ruler
of ``=`` has none, so is never broken), and three lines or more of marks alone stand at the left
edge under columnar lines that have no time of their own (or numbers alone under rows that end
with theirs).  Then a line at the left edge continues the line above when it holds only marks,
statuses and numbers under a line without a time, a number under a row's time, only header
words under a header, or a rule under a rule.
"""

from __future__ import annotations

import re

from scraper.results.headers import HEADER_WORDS
from scraper.results.marks import looks_like_mark
from scraper.results.statuses import status_of

_MAX_WIDTH = 80  # e-mail and news clients wrap at 72 to 80 columns
_MIN_JOINS = 3  # marks at the left edge under rows: a wrapping, not a layout
_GAP = re.compile(r"\S {2,}\S")  # a columnar line: its cells parted by runs of spaces
_LONG = 40  # or a line as long as a row's name, team and more (a name run over its column)
_TIMED = re.compile(r"\d[:.,]\d")


def unwrapped(text: str) -> str | None:
    """The text with its hard-wrapped lines joined again, or None when it is not hard-wrapped."""
    lines = text.split("\n")
    if max((len(ln.rstrip()) for ln in lines if " " in ln.strip()), default=0) > _MAX_WIDTH:
        return None
    marks = [i for i in range(1, len(lines)) if _marks_under_row(lines[i - 1], lines[i])]
    points = [i for i in range(1, len(lines)) if _points_under_row(lines[i - 1], lines[i])]
    if len(marks) + len(points) < _MIN_JOINS:
        return None
    heads = [
        i
        for i in range(1, len(lines))
        if _words_under_header(lines[i - 1], lines[i]) or _rule_under_rule(lines[i - 1], lines[i])
    ]
    out = lines[:]
    # one column for what was wrapped of each kind, past the longest line it continues; the
    # header's words over the last
    at: dict[int, int] = {}
    for kind in (marks, points, heads + marks + points):
        column = max((len(lines[j - 1].rstrip()) for j in kind), default=0) + 2
        for i in kind:
            at.setdefault(i, column)
    for i in sorted(at, reverse=True):
        out[i - 1 : i + 1] = [out[i - 1].rstrip().ljust(at[i]) + out[i].strip()]
    return "\n".join(out)


def _marks_under_row(above: str, line: str) -> bool:
    """``line`` at the left edge holds only marks, statuses and numbers ('19:03.7   1', 'DNF',
    '*32') under a columnar or long line with words and no time of its own."""
    words = line.split()
    if not words or line[0].isspace():
        return False
    if not _GAP.search(above.strip()) and len(above.rstrip()) < _LONG:
        return False  # (a listing's short lines: a name over its time)
    if not any(ch.isalpha() for ch in above) or any(_timed(w) for w in above.split()):
        return False
    if not looks_like_mark(words[0]) and status_of(words[0]) is None:
        return False
    return all(looks_like_mark(w) or status_of(w) or w.lstrip("*").isdigit() for w in words[1:])


def _points_under_row(above: str, line: str) -> bool:
    """``line`` at the left edge holds only a number or two ('3') under a row whose time ends it."""
    words = line.split()
    if not words or line[0].isspace() or len(words) > 2 or not all(w.isdigit() for w in words):
        return False
    last = above.split()[-1:] if any(ch.isalpha() for ch in above) else []
    return bool(last) and _timed(last[0]) and len(above.rstrip()) >= _LONG


def _timed(word: str) -> bool:
    return bool(_TIMED.search(word)) and looks_like_mark(word)


def _words_under_header(above: str, line: str) -> bool:
    """``line`` at the left edge holds only header words ('Finals  Points') under a line with two
    header words or more."""
    words = line.casefold().split()
    if not words or line[0].isspace() or not all(w in HEADER_WORDS for w in words):
        return False
    return sum(1 for w in above.casefold().split() if w in HEADER_WORDS) >= 2


def _rule_under_rule(above: str, line: str) -> bool:
    """``line`` at the left edge is a rule ('=====') under a rule of segments, a column's each."""
    return bool(_RULE.match(line)) and " " in above.strip() and bool(_RULES.match(above))


_RULE = re.compile(r"^(?:=+|-+)\s*$")
_RULES = re.compile(r"^\s*(?:=+|-+)(?: +(?:=+|-+))+\s*$")
