"""Athletes' names, teams and ages as results print them, made comparable. Pure helpers of the
identity work (``pipelines.linking``): nothing here decides that two rows are one person, it only
says how alike two names, two teams or two ages are, and why.

* :func:`parse_person`: "KERR, Josh", "Josh KERR", "Kerr Josh", "J. Kerr" -> family and given
  names, folded (case, accents and ligatures gone), initials marked, with the keys an archive
  looks people up by;
* :func:`name_match`: how alike two names are (exact whatever the order, initials, a spelling
  slip, a name within a longer one);
* :func:`team_match`: teams as printed ("NATIONAL UNI" cut from "National University of
  Singapore", "NOR" for Norway, "St. Olaf College" and "St. Olaf");
* :func:`life_marks`: what a row's year column says about a person's age (a birth year, an age,
  a school grade or college class in a season), comparable across seasons.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

# Letters NFKD does not take apart.
_LETTERS = str.maketrans(
    {"ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "þ": "th", "ı": "i", "ð": "d"}
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Name parts that do not tell two people apart: generational suffixes, and the college class
# some layouts print inside the name column ("Jake Campbell SR").
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_CLASSES = frozenset({"fr", "so", "jr", "sr"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents or ligatures, words only: "Marie-Josée Ta Lou" ->
    "marie josee ta lou"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(w.replace("’", "'") for w in _WORD.findall(plain))


@dataclass(frozen=True, slots=True)
class PersonName:
    """A name as printed and its folded parts. ``ordered``: whether the family name is known
    (a comma, or a surname in capitals); otherwise ``family`` is the last word and the first
    word may be the family name as well (German lists print "Huhn Sofia")."""

    raw: str
    family: tuple[str, ...]
    given: tuple[str, ...]
    ordered: bool

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(sorted(self.family + self.given))

    @property
    def key(self) -> str:
        """Every word, sorted: the same for "KERR, Josh" and "Josh Kerr"."""
        return " ".join(self.words)

    @property
    def initials(self) -> frozenset[str]:
        return frozenset(w for w in self.given if len(w) == 1)

    def block_keys(self) -> set[str]:
        """Keys to find the same person under: the full key, and family name + first initial
        (both readings of an unordered name)."""
        keys = {self.key}
        readings = [(self.family, self.given)]
        if not self.ordered and self.given:
            readings.append((self.given[:1], self.given[1:] + self.family))
        for family, given in readings:
            if family:
                keys.add(f"{' '.join(family)}|{given[0][0] if given else ''}")
        return keys


def _tokens(raw: str) -> list[tuple[str, bool]]:
    """(folded word, printed in capitals) for each word of a name; parenthesised parts (a
    nickname, a club) and numbers (a place, a bib) dropped."""
    text = re.sub(r"\([^)]*\)|\[[^]]*\]", " ", raw)
    out = []
    for word in re.split(r"[\s,]+", text):
        letters = "".join(ch for ch in word if ch.isalpha())
        if not letters:
            continue
        folded = fold(word).split()
        caps = len(letters) > 1 and letters.isupper()
        out += [(f, caps) for f in folded]
    return out


def _drop_suffixes(words: list[tuple[str, bool]], keep: int = 2) -> list[tuple[str, bool]]:
    """Without the trailing suffixes and classes ("Jr", "SR"), ``keep`` words at least."""
    while len(words) > keep and (
        words[-1][0] in _SUFFIXES or (words[-1][1] and words[-1][0] in _CLASSES)
    ):
        words = words[:-1]
    return words


@lru_cache(maxsize=65536)
def parse_person(raw: str | None) -> PersonName | None:
    """The name of a person as printed; None when it holds no word."""
    if not raw or not raw.strip():
        return None
    if "," in raw:
        family_raw, _, given_raw = raw.partition(",")
        family = [w for w, _ in _tokens(family_raw)]
        given = [w for w, _ in _drop_suffixes(_tokens(given_raw), keep=1)]
        if family and given:
            return PersonName(raw, tuple(family), tuple(given), True)
        if family or given:
            return PersonName(raw, tuple(family or given), (), True)
        return None
    words = _drop_suffixes(_tokens(raw))
    if not words:
        return None
    caps = [w for w, c in words if c]
    if caps and len(caps) < len(words):
        return PersonName(raw, tuple(caps), tuple(w for w, c in words if not c), True)
    names = [w for w, _ in words]
    return PersonName(raw, tuple(names[-1:]), tuple(names[:-1]), False)


def _given_match(a: tuple[str, ...], b: tuple[str, ...]) -> str | None:
    """How two sets of given names agree: "same", "initials" (J. = Josh), "prefix" (Max =
    Maximus), "missing" (one has none); None when they disagree."""
    if not a or not b:
        return "missing"
    if a == b:
        return "same"
    how = "same"
    for x, y in zip(a, b, strict=False):
        if x == y:
            continue
        if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
            how = "initials"
        elif len(x) >= 3 and len(y) >= 3 and (x.startswith(y) or y.startswith(x)):
            how = "prefix" if how == "same" else how
        else:
            return None
    return how


# How much each kind of name agreement is worth (1.0: the same words).
NAME_SCORES = {
    "exact": 1.0,
    "spelling": 0.9,
    "initials": 0.8,
    "prefix": 0.8,
    "subset": 0.75,
    "surname only": 0.6,
}


def name_match(a: PersonName, b: PersonName) -> tuple[float, str]:
    """How alike two names are, 0..1, and the reason (a key of ``NAME_SCORES``, or "different")."""
    if a.words == b.words:
        return NAME_SCORES["exact"], "exact"
    pairs = [(a.family, a.given, b.family, b.given)]
    for x, y in ((a, b), (b, a)):
        if not x.ordered and x.given:  # the other reading of an unordered name
            alt = (x.given[:1], x.given[1:] + x.family)
            pairs.append((*alt, y.family, y.given) if x is a else (y.family, y.given, *alt))
    for fa, ga, fb, gb in pairs:
        if fa == fb:
            how = _given_match(ga, gb)
            if how == "missing":
                return NAME_SCORES["surname only"], "surname only"
            if how in ("initials", "prefix"):
                return NAME_SCORES[how], how
    sa, sb = set(a.words), set(b.words)
    shared = sa & sb
    if len(shared) >= 2 and (sa <= sb or sb <= sa) and shared & set(a.family + b.family):
        return NAME_SCORES["subset"], "subset"
    ratio = fuzz.ratio(a.key, b.key)
    if ratio >= 90 and min(len(a.key), len(b.key)) >= 8:
        return NAME_SCORES["spelling"] * ratio / 100, "spelling"
    return 0.0, "different"


# ---- teams -------------------------------------------------------------------------------------

# Words that do not tell teams apart ("Mountain Vista High School" = "Mountain Vista HS").
_TEAM_NOISE = frozenset(
    [
        "high",
        "school",
        "hs",
        "h",
        "s",
        "college",
        "university",
        "univ",
        "uni",
        "the",
        "of",
        "and",
        "club",
        "ac",
        "tc",
        "athletic",
        "athletics",
        "track",
        "field",
        "t",
        "f",
        "xc",
        "cross",
        "country",
        "running",
        "rc",
        "team",
        "middle",
        "ms",
        "academy",
        "secondary",
        "fr",  # a college class printed in the team column ("FR Carleton College")
        "so",
        "jr",
        "sr",
    ]
)
# National teams printed as IOC / World Athletics codes.
COUNTRY_CODES = {
    "aus": "australia", "aut": "austria", "bah": "bahamas", "bel": "belgium", "bot": "botswana",
    "bra": "brazil", "bdi": "burundi", "can": "canada", "chn": "china", "civ": "cote d'ivoire",
    "cze": "czechia", "den": "denmark", "dom": "dominican republic", "esp": "spain",
    "eri": "eritrea", "eth": "ethiopia", "fin": "finland", "fra": "france",
    "gbr": "great britain", "ger": "germany", "grn": "grenada", "gre": "greece",
    "hun": "hungary", "ind": "india", "irl": "ireland", "ita": "italy", "jam": "jamaica",
    "jpn": "japan", "ken": "kenya", "kor": "korea", "lca": "saint lucia", "mas": "malaysia",
    "mar": "morocco", "mex": "mexico", "ned": "netherlands", "ngr": "nigeria", "nor": "norway",
    "nzl": "new zealand", "pol": "poland", "por": "portugal", "qat": "qatar", "rsa": "south africa",
    "sin": "singapore", "sui": "switzerland", "swe": "sweden", "tto": "trinidad and tobago",
    "uga": "uganda", "ukr": "ukraine", "usa": "united states", "ven": "venezuela",
}  # fmt: skip


@lru_cache(maxsize=16384)
def team_words(raw: str | None) -> str:
    """A team's distinctive words: "St. Olaf College" -> "st olaf", "Saint John's (Minn.)" ->
    "st john's", "NOR" -> "norway", "United States 'A'" -> "united states"."""
    text = re.sub(r"\([^)]*\)|'[A-Z]'$", " ", (raw or "").strip())
    folded = fold(text)
    folded = COUNTRY_CODES.get(folded, folded)
    words = ["st" if w == "saint" else w for w in folded.split()]
    return " ".join(w for w in words if w not in _TEAM_NOISE)


def team_match(a: str | None, b: str | None) -> tuple[float, str]:
    """How alike two teams as printed are, 0..1, and why: "same", "cut short" (one printed
    truncated: "Huntington R", "NATIONAL UNI"), "alike", "different", "unknown" (one has none)."""
    if not a or not b or not fold(a) or not fold(b):
        return 0.0, "unknown"
    ka, kb = team_words(a), team_words(b)
    if ka == kb and ka:
        return 1.0, "same"
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return 1.0, "same"
    short, long_ = sorted((fa, fb), key=len)
    if len(short) >= 5 and long_.startswith(short):
        return 0.9, "cut short"
    if ka and kb and fuzz.token_set_ratio(ka, kb) >= 90:
        return 0.8, "alike"
    return 0.0, "different"


# ---- age ---------------------------------------------------------------------------------------

_CLASS_LEFT = {"fr": 3, "so": 2, "jr": 1, "sr": 0}  # college years left after this season
_AGE_GROUP = re.compile(r"^[MWFmwf](\d{2})$")


def season_end(date: str | None) -> int | None:
    """The calendar year a school season ends in: spring 2018 -> 2018, fall 2015 -> 2016."""
    if not date or not date[:4].isdigit():
        return None
    year = int(date[:4])
    month = int(date[5:7]) if len(date) >= 7 and date[5:7].isdigit() else 1
    return year + 1 if month >= 8 else year


def life_marks(year_field: str | None, date: str | None) -> frozenset[tuple[str, int]]:
    """What a row's year column says about the person, as comparable marks: ("born", Y) for a
    birth year (printed, or an age at the meet's date: two years possible), ("grad", Y) for the
    year a school grade finishes school, ("college", Y) for the year a college class (or a
    school grade, four years on) finishes college. A grade 9-12 may also be an age (both
    kinds of marks). Empty when the column is empty or the meet has no date."""
    value = (year_field or "").strip()
    year = int(date[:4]) if date and date[:4].isdigit() else None
    if not value:
        return frozenset()
    if value.isdigit() and len(value) == 4 and 1900 <= int(value) <= 2100:
        return frozenset({("born", int(value))})
    group = _AGE_GROUP.match(value)
    folded = value.casefold().rstrip(".")
    if year is None:
        return frozenset()
    if folded in _CLASS_LEFT:
        end = season_end(date)
        assert end is not None
        return frozenset({("college", end + _CLASS_LEFT[folded])})
    age = int(group.group(1)) if group else (int(value) if value.isdigit() else None)
    if age is None or not 4 <= age <= 105:
        return frozenset()
    marks = {("born", year - age), ("born", year - age - 1)}
    if 7 <= age <= 12:  # a grade as well: leaves school after grade 12, college four years on
        end = season_end(date)
        assert end is not None
        marks |= {("grad", end + 12 - age), ("college", end + 16 - age)}
    return frozenset(marks)


_EVENT_AGES = re.compile(r"\b[MWF](\d{1,2})(?:\s*-\s*(\d{1,2}))?\b")


def age_group_marks(event: str | None, date: str | None) -> frozenset[tuple[str, int]]:
    """The birth years an age group in an event's name allows ("M11-12 Long Jump", "W45 5000
    Meter Run": masters groups span five years), at the meet's date; empty without either."""
    found = _EVENT_AGES.search(event or "")
    if not found or not date or not date[:4].isdigit():
        return frozenset()
    low = int(found.group(1))
    high = int(found.group(2)) if found.group(2) else (low + 4 if low >= 30 else low)
    if not 4 <= low <= high <= 105:
        return frozenset()
    year = int(date[:4])
    return frozenset(("born", year - age - k) for age in range(low, high + 1) for k in (0, 1))


def life_match(a: frozenset[tuple[str, int]], b: frozenset[tuple[str, int]]) -> str:
    """ "consistent" when two sets of marks share one, "inconsistent" when they speak of the same
    kind of mark and share none, else "unknown". A college class one year off (a redshirt year)
    is still consistent."""
    if not a or not b:
        return "unknown"
    if a & b:
        return "consistent"
    kinds = {k for k, _ in a} & {k for k, _ in b}
    if not kinds:
        return "unknown"
    if "college" in kinds:
        ya = {y for k, y in a if k == "college"}
        yb = {y for k, y in b if k == "college"}
        if any(abs(x - y) <= 1 for x in ya for y in yb):
            return "consistent"
    return "inconsistent"
