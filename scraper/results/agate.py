"""Results run together in a paragraph, as newspapers and meet reports print them ("agate"):
``Men's 100m (wind +1.1): 1. Devin Whitfield (Metro Athletics) 10.32, 2. Reid Brennan
(Blackheath) 10.44, 3. ...`` -> one line per finisher under the event's title, for the general
reader (:mod:`scraper.results.fallback`) to read as it reads any list.

Pure. A paragraph (lines up to a blank line, wrapped lines joined) is unfolded when it holds at
least three numbered entries in sequence from 1, parted by commas or semicolons, each ending in a
mark or a status; any other paragraph stays as it is. A line naming its event before a colon and
its finishers unnumbered, each as name, club in brackets and mark (``Girls 3200: Ana Ruiz
(Springfield) 11:02.4, Beth Long (Xenia) 11:10.9``; an event's winner alone), is unfolded too,
its finishers unplaced.  A relay's runners in brackets after its team go on a line of their own
under it; a non-finisher named unnumbered after the placed (``; Cy Roe (Elm AC) DNF``) is an
unplaced entry of its own.  A club report's finisher with their place in words before their mark
(``Mary Poe 3rd in 58.20``, ``Owen Rudd won in 4:01.33``) is a numbered entry.
"""

from __future__ import annotations

import re

from scraper.results.marks import looks_like_mark
from scraper.results.model import gender_of
from scraper.results.rowlines import is_surname
from scraper.results.statuses import status_of

# a numbered entry's start, after the title or the entry before it: '1. ', '; 2) '
_ENTRY = re.compile(r"(?:^|[,;:]\s+|\s)(?=(\d{1,3})[.)]\s+[^\W\d_])")
# the runners of a status named after the placed ones: ', DNF: Ann Lee (Ox AC), Bea Cole (Ox)'
_STATUS_TAIL = re.compile(r"[,;.]\s+(DNF|DNS|DQ|DSQ|NM)\s*[:\-–]\s*", re.I)
_LEAST = 3  # entries that make a paragraph a list
_MAX_WORDS = 14  # of one entry: place, name, club, mark (a longer one is another layout)


def unfold(text: str) -> str | None:
    """The text with its run-together results one per line; None when it holds none."""
    out: list[str] = []
    changed = False
    for block in re.split(r"\n\s*\n", text):
        parts = _titled(block)
        titled = len(parts) > 1 or _TITLED.match(block)  # ('Boys 4x400: 1. ...; 2. ...')
        least = 2 if titled else _LEAST  # (titled events: a short one too)
        for paragraph in parts:
            lines = _entries(" ".join(paragraph.split()), least)
            if lines is None:
                out.append(paragraph)
            else:
                out.append("\n".join(lines))
                changed = True
    return "\n\n".join(out) if changed else None


# a line opening with an event's title and its winner: '200: 1. Bridger Lytle (LC) 22.47; ...'
_TITLED = re.compile(  # '100 -- 1. ...', or after the event before it: '... 11.19. 400 — 1. ...'
    r"(?:^\s*|(?<=[.;:]\s))[^\W_][^:;.\n]{0,40}?(?::|\s[-–—]{1,2})\s+1[.)]\s+[^\W\d_]", re.M
)


def _titled(block: str) -> list[str]:
    """A block of lines parted where a line opens with an event's title and its winner (one
    event a line, no blank line between them; a heading over them, 'BOYS', a part of its own)."""
    cuts = [m.start() for m in _TITLED.finditer(block)]
    if not cuts or cuts == [0]:
        return [block]
    return [block[a:b] for a, b in zip([0, *cuts], [*cuts, len(block)], strict=True) if a < b]


def _entries(paragraph: str, least: int = _LEAST) -> list[str] | None:
    """The title and the entries of a paragraph of run-together results, else None."""
    if paragraph.count(".") + paragraph.count(")") < least:
        return None  # (a quick test: most paragraphs are prose)
    unplaced: list[str] = []
    tail = _STATUS_TAIL.search(paragraph)
    if tail:  # '..., 8. Silas Saldana (Westside TC) 3:48.79, DNF: Micah Hargrove (Harriers AC).'
        names = re.split(r"[,;]\s*(?![^()]*\))", paragraph[tail.end() :].strip().rstrip("."))
        unplaced = [f"- {n.strip()} {tail.group(1).upper()}" for n in names if n.strip()]
        paragraph = paragraph[: tail.start()]
    starts = list(_ENTRY.finditer(paragraph))
    numbers = [int(m.group(1)) for m in starts]
    if len(starts) < least or numbers[:least] != list(range(1, least + 1)):
        return None
    cuts = [m.start(1) for m in starts]
    entries = [
        paragraph[a:b].strip().rstrip(",;.").strip()
        for a, b in zip(cuts, [*cuts[1:], len(paragraph)], strict=True)
    ]
    entries = [line for e in entries for line in _unplaced_after(e)]
    if not all(_ends_in_result(e) and len(e.split()) <= _MAX_WORDS for e in entries):
        return None
    entries = [line for e in entries for line in _runners_apart(e)]
    entries = [_FRACTION.sub(lambda m: m[1] + _VULGAR[m[2]], e) for e in entries]
    title = paragraph[: cuts[0]].strip().rstrip(":-–—").strip()
    if re.fullmatch(r"\d{1,2},\d{3}|\d{2,5}", title):
        title += " m"  # '100: 1. Keegan Lytle (BH) 11.50; ...', '1,600: ...': a race in metres
    title = _FIELD_EVENTS.get(title.upper(), title)  # 'SP -- 1. ...': the shot put
    return ([title] if title else []) + entries + unplaced


def _unplaced_after(entry: str) -> list[str]:
    """'2. Bo Lee (Ox AC) 14:45.8; Cy Roe (Elm AC) DNF' -> the placed entry, then the unplaced
    one after it, led by a dash; the entry alone when nothing after it ends in a status."""
    pieces = _PARTED.split(entry)
    if len(pieces) < 2 or not _ends_in_result(pieces[0]):
        return [entry]
    if not all(status_of(p.split()[-1]) for p in pieces[1:] if p.split()):
        return [entry]
    return [pieces[0], *(f"- {p}" for p in pieces[1:] if p.split())]


# a person's name: two to four words
_NAME = r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){1,3}"

# a relay team's runners in brackets after its name: 'Copper Ridge (Cyrus Poe, Keir Nettleship,
# Eli Ambrose, Rafferty Kettering), 43.49'
_RUNNERS = re.compile(r"\s*\(([^()]+(?:[,;][^()]+){1,7})\)\s*,?")
_PERSON = re.compile(_NAME)


def _runners_apart(entry: str) -> list[str]:
    """A relay's entry with its runners in brackets -> the team's entry, then its runners on a
    line of their own under it (as a relay's lines print them); any other entry as it is."""
    m = _RUNNERS.search(entry)
    if m is None:
        return [entry]
    runners = [r.strip() for r in re.split(r"[,;]", m[1])]
    surnames = len(runners) >= 3 and all(map(is_surname, runners))  # (Eastlake, ..)
    if not surnames and not all(_PERSON.fullmatch(r) for r in runners):
        return [entry]
    return [f"{entry[: m.start()]} {entry[m.end() :].strip()}", "   " + ", ".join(runners)]


# an unnumbered finisher: 'Ana Ruiz (Springfield) 11:02.4' (two to four words of a name)
_NAMED = re.compile(_NAME + r"\s+\([^()]{2,50}\)\s+\S+")
_EVENT = re.compile(r"^\W{0,2}([^:]{2,50}?):\s+(?=[^\W\d_])")
_PARTED = re.compile(r"[,;]\s+(?![^()]*\))")  # a comma or semicolon outside brackets


def unfold_named(text: str) -> str | None:
    """The text with each line of unnumbered finishers after its event's title unfolded (see
    :func:`_named`), and a club report's 'Name - time' lines marked as unplaced finishers (see
    :func:`_dashed`); None when it holds none."""
    if "(" not in text and " - " not in text and " in " not in text:
        return None
    lines = text.split("\n")
    unfolded = [_named(line) or _dashed(line) or _ordinal(line.strip()) or line for line in lines]
    return "\n".join(unfolded) if unfolded != lines else None


def _named(line: str) -> str | None:
    """'Girls 3200: Ana Ruiz (Springfield) 11:02.4, Beth Long (Xenia) 11:10.9.' -> the event's
    title, then its finishers a line each, led by a dash (unplaced); None for any other line
    (numbered finishers are :func:`unfold`'s)."""
    m = _EVENT.match(line.strip())
    if m is None:
        return None
    if not (any(ch.isdigit() for ch in m[1]) or _FIELD_WORDS.search(m[1]) or gender_of(m[1])):
        return None  # (an event's title names its distance, its field event or its runners' sex)
    entries = _PARTED.split(line.strip()[m.end() :].rstrip("."))
    placed = [_ordinal(e) for e in entries]
    if all(placed):  # '400m: Mary Poe 3rd in 58.20, Tessa Roe 5th in 59.87'
        return "\n".join(["", m[1].strip(), *(p for p in placed if p), ""])
    if not all(_NAMED.fullmatch(e) and _ends_in_result(e) for e in entries):
        return None
    return "\n".join(["", m[1].strip(), *(f"- {e}" for e in entries), ""])


# a club report's finisher: 'Mary Poe 3rd in 58.20', 'Owen Rudd won in 4:01.33 (PB!)'
_ORDINAL = re.compile(
    rf"({_NAME})\s+(?:(\d{{1,4}})(?:st|nd|rd|th)|won)"
    r"\s+in\s+(\S+?)(?:\s*(?:[-–(]\s*)?(?:PB|SB|PR|a PB|a new PB)?\s*[!)]*)?",
    re.I,
)


def _ordinal(entry: str) -> str | None:
    """'Mary Poe 3rd in 58.20' -> '3. Mary Poe 58.20' ('won': first); None for anything else."""
    m = _ORDINAL.fullmatch(entry.strip())
    if m is None or not (looks_like_mark(m[3]) and any(ch.isdigit() for ch in m[3])):
        return None
    return f"{m[2] or 1}. {m[1]} {m[3]}"


# a club report's line: 'Tom Ashdown - 34:12 - PB', 'Sarah Whitlock – 41:47'
_DASHED = re.compile(
    r"([^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){1,3})\s+[-–—]\s+(\S+)(?:\s+[-–—]\s+[\w!' ]{1,20})?"
)


def _dashed(line: str) -> str | None:
    """'Tom Ashdown - 34:12 - PB' -> '- Tom Ashdown 34:12' (unplaced); None for any other line."""
    m = _DASHED.fullmatch(line.strip())
    return f"- {m[1]} {m[2]}" if m and looks_like_mark(m[2]) and ":" in m[2] else None


_FIELD_WORDS = re.compile(r"\b(?:jump|vault|put|throw|discus|javelin|hammer|weight)\b", re.I)
# the field events as agate abbreviates them
_FIELD_EVENTS = {"SP": "Shot Put", "DT": "Discus", "JT": "Javelin", "HT": "Hammer"}
_FIELD_EVENTS |= {"HJ": "High Jump", "LJ": "Long Jump", "TJ": "Triple Jump", "PV": "Pole Vault"}
_UNITS = frozenset({"s", "sec", "secs", "min", "m", "h"})
# feet and inches with a fraction of an inch, one token as the marks reader reads it
_FRACTION = re.compile(r"\b(\d{1,3}-\d{1,2}) ([13]/4|1/2)\b")
_VULGAR = {"1/4": "¼", "1/2": "½", "3/4": "¾"}


def _ends_in_result(entry: str) -> bool:
    words = entry.split()
    if len(words) > 1 and words[-1] in _UNITS:
        words.pop()  # '10.87 s', '2:11,40 min', '5,84 m': the mark with its unit
    if len(words) > 1 and re.fullmatch(r"\d/\d", words[-1]):
        words.pop()  # '23-1 1/4': feet and inches with a fraction
    last = words[-1] if words else ""
    return bool(status_of(last)) or (looks_like_mark(last) and any(c.isdigit() for c in last))
