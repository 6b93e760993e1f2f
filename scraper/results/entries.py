"""Start lists, heat sheets, entry lists and ranking lists: documents laid out like results
(lanes, bibs, names, clubs, seed times, personal bests, ranks) that hold no meet's results. Read
as results they would store a lane as a place and a seed as a mark, or a season's best marks as
one meet's, rows that look right and are wrong; so they are refused, with the reason.

Pure. A document is a list of entries when it names itself one ('START LIST', 'Startliste',
'Entry list - 12 April 2025', 'Heat Sheet') or its column headers name entry marks (Seed, PB,
SB) beside names, and no column header of it names a result (Time, Mark, Result, Finals...). It
is a ranking list when a header gives each mark its own venue and date ('Rank, Mark, Wind,
Athlete, Club, DOB, Venue, Date').
"""

from __future__ import annotations

import html
import re

from scraper.results.dates import MONTH_DAY
from scraper.results.headers import HEADER_WORDS, field_of
from scraper.results.model import Event

_TITLE = re.compile(
    r"^(?:start\s*lists?|starterliste|startliste[n]?|heat\s+sheets?|psych\s+sheets?|"
    r"entry\s+lists?|entrants|liste\s+de\s+départ|listes?\s+des?\s+engagés|lista\s+de\s+salida|"
    r"startlijst|lista\s+startowa|startovní\s+listina|lähtölista|startlista|ordine\s+di\s+partenza)"
    r"(?:$|\s*[-–—:,(]|\s+\d)",
    re.I,
)
# the columns a result is printed in ('Seed', 'PB' and 'SB' are marks from before the meet)
_RESULT_FIELDS = frozenset({"mark", "finals", "prelims", "gun", "net", "chip", "points"})
_NAMES = frozenset({"athlete", "first", "last", "team"})
_CELLS = re.compile(r"\s{2,}|\t|\s*[,;]\s*")
_WORDS = re.compile(r"[\s,;|]+")
_VENUE = frozenset({"venue", "meet", "meeting", "competition", "ort", "lieu", "sede", "stadion"})
_DATE = frozenset({"date", "datum", "fecha", "data", "dato"})
_HEAD = 400  # lines
# a word each such list prints: its title's, a seed column's, a ranking's venue column's
_SIGNS: tuple[str, ...] = (
    "start",
    "entr",
    "heat sheet",
    "psych",
    "seed",
    "pb",
    "sb",
    "best",
    "venue",
    "meet",
)
_SIGNS += ("competition", "ort", "lieu", "sede", "stadion", "engag", "départ", "salida", "lijst")
_SIGNS += ("startowa", "listina", "lähtö", "partenza")
_PAGE_HEAD = 150_000  # characters of a page's HTML
_TAG_BREAK = re.compile(r"<(?:/tr|br|/p|/h\d|/div|/li|/caption|/dt|/dd)\b[^>]*>", re.I)
_TAG_CELL = re.compile(r"</t[hd]\s*>", re.I)
_TAG = re.compile(r"<[^>]*>")


def entry_list(text: str) -> str | None:
    """Why the document is a start or entry list (None: it is not, or holds a result column)."""
    head = text[:_PAGE_HEAD].casefold()
    if not any(word in head for word in _SIGNS):
        return None  # the quick test: no word of a start list's, entry list's or ranking's
    titled, seeded = False, False
    lines = text.split("\n", _HEAD)[:_HEAD]  # (its first lines: where its title and headers stand)
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or len(s) > 200:
            continue
        if len(s) < 80 and _TITLE.match(s):
            titled = True
            continue
        low = s.casefold()
        if sum(w.strip(":.") in HEADER_WORDS for w in _WORDS.split(low)[:16]) < 2:
            continue  # the quick test: most lines are no header
        cells = [c.strip(".:") for c in _CELLS.split(low)]
        fields = {field_of(c) for c in cells} - {None}
        if len(fields) < 2 or not fields & _NAMES:
            continue
        if fields & _RESULT_FIELDS and _ranked(cells, lines[i + 1 : i + 41]):
            return "a ranking list (each mark with its own venue and date), not a meet's results"
        if fields & _RESULT_FIELDS:
            return None  # a results header: results (the entries of some events beside them)
        seeded = seeded or "seed" in fields
    if titled:
        return "a start list or entry list (its title says so), no results"
    if seeded:
        return "a start list or entry list (seed or best marks, no result column), no results"
    return None


def schedule(event: Event) -> bool:
    """A table of meets to come or held ('Apr 18 | Xenia Invitational | Xenia HS | 10:00'),
    read as results: a day where each row's name goes."""
    names = [r.athlete or r.team or "" for r in event.rows]
    return len(names) >= 2 and all(MONTH_DAY.match(n.strip()) for n in names)


def _ranked(header: list[str], rows: list[str]) -> bool:
    """A header naming a venue and a date per mark, over rows whose venues or dates differ (an
    export printing its one meet's name and date on every row is that meet's results)."""
    where = [j for j, c in enumerate(header) if c in _VENUE or c in _DATE]
    if not (_VENUE & set(header) and _DATE & set(header)):
        return False
    seen: set[tuple[str, ...]] = set()
    for row in rows:
        cells = _CELLS.split(row.strip())
        if len(cells) == len(header):
            seen.add(tuple(cells[j] for j in where))
    return len(seen) > 1


def page_lines(page: str) -> str:
    """An HTML page's text a line per row, paragraph or heading, a row's cells apart: what
    :func:`entry_list` reads of a page."""
    text = _TAG.sub(" ", _TAG_CELL.sub("  ", _TAG_BREAK.sub("\n", page[:_PAGE_HEAD])))
    return html.unescape(text)
