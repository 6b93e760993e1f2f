"""Results stated in article prose: "Nuguse placed third in 3:46.22" -> athlete, place, mark, flags.

General rules only:
- a result is a mark (time or distance) whose clause has an athlete as its subject: a name followed
  by a result verb (finished, placed, won, ran, clocked, was, ...) or a possessive time ("Kerr's
  winning time, 3:45.34"); appositives (", who ...,") are skipped; a mark with no such subject (the
  pace lights "set for a time of 3:47.83") is not a result;
- the place is an ordinal in the clause ("fourth", "5th") or a win ("won", "winning");
- flags come from the clause: "personal best"/"PR" -> PB, "season's best" -> SB, "British/national
  record" -> NR, "world record" -> WR, "meet record" -> MR, "world lead" -> WL ...;
- surnames resolve to the full name the article gives ("Kerr" -> "Josh Kerr");
- an unplaced time that falls between placed ones of the same race takes the free place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from scraper.results.marks import parse_mark

# Marks in prose: clock times (3:45.34, 2:05:30), seconds with a unit ("10.71 seconds") or after a
# result word ("in 10.71", "ran 9.58"), metres ("8.22m", "6.90 meters").  A bare decimal elsewhere
# ("the index fell 0.22 per cent") is no mark.
# Every alternative starts with the mark's first digit, written once before them (the digit not
# preceded by a digit, "." or ":" or ","): a pattern led by a plain character class lets the regex
# engine skip ahead to the next digit instead of trying every position (15x faster on prose).
_MARK = re.compile(
    r"(\d(?<![\d.:,]\d)"
    r"(?:\d?:\d{2}:\d{2}(?:\.\d{1,3})?|\d?:\d{2}(?:\.\d{1,3})?"
    r"|\d?\.\d{2}(?=\s*(?:seconds|secs?\b|s\b))"
    r"|(?:(?<=\bin \d)|(?<=\bof \d)|(?<=\bran \d)|(?<=\bclocked \d)|(?<=\btimed \d))"
    r"\d?\.\d{2}(?!\d|\.\d|\s*(?:per ?cent|%|points|million|billion))"
    r"|\d{0,2}\.\d{2}\s?m(?:eters|etres)?\b))"
    r"(?![\d:])"
)
# Every mark above holds a digit, a "." or ":" and a digit: text without that holds no mark (a cheap
# test that spares the rest on an article without marks).
_MARK_HINT = re.compile(r"\d[.:]\d")
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_ORDINALS = {w: i for i, w in enumerate(_ORDINAL_WORDS.split(), 1)}
_ORD_NUM = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_ORD_WORD = re.compile(r"\b(" + "|".join(_ORDINALS) + r")\b", re.I)
_WIN = re.compile(
    r"\b(won|wins|winning|winner|victory|victorious|took the (?:win|title|race))\b", re.I
)
_RUNNER_UP = re.compile(r"\brunner-?up\b", re.I)
_VERBS = re.compile(
    r"^(?:[’']s\b|\s+(?:then\s+|also\s+|eventually\s+|easily\s+|comfortably\s+)?"
    r"(?:finished|finishes|placed|places|was|came|crossed|ran|runs|clocked|clocks|won|wins|took|"
    r"recorded|posted|ended|followed|timed|touched|threw|throws|jumped|jumps|cleared|vaulted|leaped|"
    r"leapt|hurled|tossed|broke|claimed|captured|registered|produced|set|stopped|dipped|closed|"
    r"held|improved|lowered)\b)"
)
_POSSESSIVE = re.compile(
    r"^\s+(?:\w+\s+){0,2}(?:time|mark|clocking|throw|jump|vault|effort|"
    r"run|performance|victory|win)\b"
)
_FLAG_RULES = (
    (
        re.compile(r"\bpersonal[- ]best\b|\blifetime[- ]best\b|\bpersonal record\b|\bPR\b|\bPB\b"),
        "PB",
    ),
    (re.compile(r"\bseason(?:'s|’s)?[- ]best\b|\bSB\b"), "SB"),
    (re.compile(r"\bworld record\b|\bWR\b"), "WR"),
    (re.compile(r"\bworld[- ]lead(?:ing)?\b|\bWL\b"), "WL"),
    (re.compile(r"\bmeet record\b|\bMR\b|\bfacility record\b"), "MR"),
    (
        re.compile(
            r"\b(?:national|British|American|U\.S\.|Canadian|Australian|Irish|Scottish|Kenyan|"
            r"Ethiopian|Norwegian|Jamaican|Japanese|German|French|Dutch|Spanish|Italian|Swedish|"
            r"New Zealand|Ugandan|[A-Z][a-z]+ian) record\b|\bNR\b"
        ),
        "NR",
    ),
    (re.compile(r"\b(?:collegiate|NCAA) record\b"), "CR"),
    (re.compile(r"\b(?:state|meet|championship) record\b"), "MR"),
)
# any flag at all (most clauses have none: one search instead of one per rule)
_ANY_FLAG = re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in _FLAG_RULES))
_STOP_WORDS = (
    "A An And As At But By For From He Her His I In It Its Of On Or She So The Their Then There "
    "They This That To We When While Who Why With After Before Since None Depth Pacesetter "
    "Saturday "
    "Sunday Monday Tuesday Wednesday Thursday Friday January February March April May June July "
    "August September October November December Olympic Olympics World American British "
    "Although Despite During Once Still Yet Even Both Each Every Some Several"
)
_STOP = set(_STOP_WORDS.split())
_CAP_WORD = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’\-][^\W\d_]+)*(?:['’]s)?"
_NAME_RUN = re.compile(
    rf"{_CAP_WORD}(?:\s+(?:(?:van|de|der|da|di|del|la|le|von|St\.)\s+)?{_CAP_WORD})*"
)
_POSS = re.compile(r"[’']s$")
_AFFILIATION_GAP = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")
_CLAUSE_END = re.compile(r"\s(?:and|but|while|as|where|when|whereas)\s|[;.]")
_APPOSITIVE = re.compile(r",\s+(?:who|whose|which)\b[^.;]*?,\s+")
# sentence breaks: blanks after an end mark (and a closing quote) before a capital or an opening
# quote, or a line break (both alternatives start with a blank: the regex engine skips the rest)
_SENT = re.compile(r"\s(?:(?<=[.!?]\s)|(?<=[.!?][”\"]\s))\s*(?=[“\"A-Z])|\n+")
# line breaks with text right before and after: always a whole sentence break of _SENT, so the
# text between them splits into sentences on its own (paragraphs without a mark are skipped whole)
_CHUNK = re.compile(r"\n(?<=\S\n)\n*(?=\S)")


def _full_names(text: str) -> dict[str, str]:
    """Surname -> the full name the article gives ("Kerr" -> "Josh Kerr")."""
    out: dict[str, str] = {}
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        while words and words[0] in _STOP:
            words.pop(0)
        if len(words) >= 2 and not any(w in _STOP for w in words[-2:]):
            full = " ".join(words[-2:]) if len(words) > 3 else " ".join(words)
            last = _POSS.sub("", full.split()[-1])
            out.setdefault(last, _POSS.sub("", full))
    return out


class _Names:
    """``_full_names`` of an article, read on first use (only a surname alone needs them)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._names: dict[str, str] | None = None

    def get(self, last: str, default: str) -> str:
        if self._names is None:
            self._names = _full_names(self.text)
        return self._names.get(last, default)


def _subject_before(clause: str, names: _Names) -> tuple[str, str] | None:
    """The athlete whose result verb starts right after their name, nearest before the mark."""
    best = None
    runs = list(_NAME_RUN.finditer(clause))
    for k, m in enumerate(runs):
        words = _name_words(m.group(0))
        if not words:
            continue
        after = clause[m.end() :]
        last = _POSS.sub("", words[-1])
        if last != words[-1]:  # possessive: "Kerr's winning time, 3:45.34"
            if not _POSSESSIVE.match(after):
                continue
            words[-1] = last
        elif not _VERBS.match(after):
            continue
        if k and _AFFILIATION_GAP.fullmatch(clause[runs[k - 1].end() : m.start()]):
            # "Renée Duval of Portland State was second": the athlete is named before "of"
            words = _name_words(runs[k - 1].group(0)) or words
            last = words[-1]
        name = " ".join(words) if len(words) >= 2 else names.get(last, last)
        if len(words) >= 2:
            name = " ".join(words[-3:]) if len(words) > 3 else name
        best = (name, after)
    return best


def _name_words(run: str) -> list[str]:
    """The words of a name run without leading stop words or a leading possessive affiliation
    ("Oregon's Kaylee Brandt" -> Kaylee Brandt)."""
    words = run.split()
    while words and words[0] in _STOP:
        words.pop(0)
    while len(words) > 1 and _POSS.search(words[0]):
        words.pop(0)
    return words


def _place(text: str) -> int | None:
    m = _ORD_WORD.search(text)
    if m:
        return _ORDINALS[m.group(1).lower()]
    m = _ORD_NUM.search(text)
    if m:
        return int(m.group(1))
    if _RUNNER_UP.search(text):
        return 2
    if _WIN.search(text):
        return 1
    return None


def _flags(text: str) -> list[str]:
    out: list[str] = []
    if not _ANY_FLAG.search(text):
        return out
    for rx, flag in _FLAG_RULES:
        if rx.search(text) and flag not in out:
            out.append(flag)
    return out


def results_from_text(body: str) -> list[dict[str, Any]]:
    """Results stated in an article body, in the order the text states them."""
    if not _MARK_HINT.search(body):
        return []
    names = _Names(body)
    found: list[dict[str, Any]] = []
    for sent in _sentences_with_marks(body):
        if not _MARK_HINT.search(sent) or not _MARK.search(sent):
            continue
        s = _APPOSITIVE.sub(" ", sent)
        # clauses: a mark belongs to the clause it sits in
        start = 0
        for clause in re.split(r",\s+(?:and|but|while|as)\s+|;\s+", s):
            for mm in _MARK.finditer(clause):
                before = clause[: mm.start()]
                subj = _subject_before(before, names)
                if subj is None:
                    continue
                name, between = subj
                after = clause[mm.end() :]
                mk = parse_mark(mm.group(1).replace(" ", ""))
                if mk.value is None:
                    continue
                found.append(
                    {
                        "athlete": name,
                        "place": _place(between),
                        "mark": mm.group(1),
                        "mark_normalized": mk.value,
                        "mark_unit": mk.unit,
                        "flags": _flags(between + mm.group(0) + _CLAUSE_END.split(after)[0]),
                        "sentence": sent.strip(),
                    }
                )
            start += len(clause)
    return _fill_places(_dedupe(found))


def _sentences_with_marks(text: str) -> Iterator[str]:
    """The sentences of ``_SENT.split(text)`` that may hold a mark (the others are skipped)."""
    for chunk in _CHUNK.split(text):
        if _MARK_HINT.search(chunk):
            yield from _SENT.split(chunk)


def _dedupe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for r in rows:
        twin = next(
            (o for o in out if o["athlete"] == r["athlete"] and o["mark"] == r["mark"]), None
        )
        if twin is None:
            out.append(r)
            continue
        twin["place"] = twin["place"] or r["place"]
        twin["flags"] += [f for f in r["flags"] if f not in twin["flags"]]
    return out


def _fill_places(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rank the times of one race: if each stated place is its rank, the unplaced take theirs."""
    timed = [r for r in rows if r["mark_unit"] == "s"]
    if len(timed) < 3 or all(r["place"] for r in timed):
        return rows
    ranked = sorted(timed, key=lambda r: r["mark_normalized"])
    placed = [(k + 1, r) for k, r in enumerate(ranked) if r["place"]]
    if len(placed) < 2 or any(rank != r["place"] for rank, r in placed):
        return rows
    for k, r in enumerate(ranked):
        if r["place"] is None:
            r["place"] = k + 1
    return rows
