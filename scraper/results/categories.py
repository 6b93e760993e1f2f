"""Competition categories as federations and timers print them -> gender and age group.

Pure. ``category_of("W40")`` -> ``Category("F", "40")``; ``category_of("G-13")`` -> ``("M", "13")``.
The forms are each federation's published category codes:

- masters, WMA style: ``M35``, ``W40``, ``F50`` (women), ``K45`` (Norwegian kvinner), ``D35``
  (Dutch/Swedish dames), ``N40`` (Finnish naiset), ``V40`` (Dutch vrouwen);
- US road-race divisions: ``M2129``, ``F4049``, ``M0117``, ``MOPEN``, ``65-69M``, ``M 20-29``;
- youth with U (DLV, UKA, ...): ``MU14``, ``WU16``, ``U18W``, ``MJU20``, ``WJU18``; German age
  classes ``MJA``/``WJB`` (Jugend A/B), ``MK``/``WK`` (Kinder);
- Norwegian (NFIF): ``G-13``/``G13`` (gutter), ``J-15``/``J15`` (jenter), ``MS``/``KS`` (menn/
  kvinner senior), ``MJ``/``KJ`` (junior), ``M20``/``K22``;
- Swedish/Finnish youth: ``P15`` (pojkar/pojat), ``F15``/``T15`` (flickor/tytöt);
- UK Athletics: ``U15B``/``U15G`` (boys, girls), ``V40M``/``V40W``, ``SM``/``SW`` (senior);
- French (FFA): ``SEH``/``SEF`` (now ``SEM``/``SEF``) and the other two-letter ages (``ES``,
  ``JU``, ``CA``, ``MI``, ``BE``, ``PO``, ``EA``) with ``H``/``M``/``F``, masters ``M0H``..``M10F``,
  veterans ``V1H``..``V4F``, all categories ``TCM``/``TCF``; the birth year after a slash
  (``SEM/96``) is no part of it.

Age groups are returned as printed digits (``"40"``, ``"21-29"``, ``"U14"``) or the category's
word (``"SE"``, ``"OPEN"``, ``"S"`` for senior, ``"J"`` junior, ``"A"``/``"B"`` German youth).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Category:
    gender: str | None  # "M" | "F" | None
    age_group: str | None


_MEN = "M"
_WOMEN = "F"
# the letter a category starts with, in the federations whose codes use it
_LEAD = {"M": _MEN, "H": _MEN, "W": _WOMEN, "F": _WOMEN, "K": _WOMEN, "D": _WOMEN, "N": _WOMEN,
         "V": _WOMEN, "G": _MEN, "J": _WOMEN, "P": _MEN, "T": _WOMEN}  # fmt: skip
_FFA_AGES = ("SE", "ES", "JU", "CA", "MI", "BE", "PO", "EA", "MA", "TC")  # (TC: toutes catégories)
_FORMS = [
    # US road-race divisions: M2129, F4049, M0117 (two-digit bounds), MOPEN / F OPEN
    (re.compile(r"^([MF])\s?(\d{2})(\d{2})$"), lambda m: (m[1], f"{int(m[2])}-{int(m[3])}")),
    (re.compile(r"^([MF])\s?-?\s?(OPEN|MASTERS?|SR|JR)$"), lambda m: (m[1], m[2])),
    # "65-69M", "M 20-29", "F40-44"
    (re.compile(r"^(\d{1,2})\s?-\s?(\d{1,2})\s?([MF])$"), lambda m: (m[3], f"{m[1]}-{m[2]}")),
    (re.compile(r"^([MFW])\s?(\d{1,2})\s?-\s?(\d{1,2})$"), lambda m: (m[1], f"{m[2]}-{m[3]}")),
    # youth with U: MU14, WU16, MJU20, WJU18, U18W, U20 M
    (re.compile(r"^([MWFJG])J?\s?U\s?(\d{1,2})$"), lambda m: (m[1], f"U{m[2]}")),
    (re.compile(r"^U\s?(\d{1,2})\s?([MWF])$"), lambda m: (m[2], f"U{m[1]}")),
    (re.compile(r"^U(\d{2})$"), lambda m: ("", f"U{m[1]}")),  # U18, U20: no gender printed
    # UK Athletics: U15B / U15G (boys, girls), V40M / V40W, SM / SW (senior)
    (re.compile(r"^U\s?(\d{1,2})\s?([BG])$"), lambda m: ("MF"[m[2] == "G"], f"U{m[1]}")),
    (re.compile(r"^V(\d{2})([MW])$"), lambda m: (m[2], m[1])),
    (re.compile(r"^S([MW])$"), lambda m: (m[1], "S")),
    # German Jugend A/B, Kinder: MJA, WJB, MK, WK
    (re.compile(r"^([MW])J([AB])$"), lambda m: (m[1], m[2])),
    (re.compile(r"^([MW])K$"), lambda m: (m[1], "K")),
    # Norwegian senior/junior: MS, KS, MJ, KJ
    (re.compile(r"^([MK])([SJ])$"), lambda m: (m[1], m[2])),
    # French FFA: SEH, CAF, ...; masters M0H..M10F; veterans V1H..V4F
    (re.compile(r"^(" + "|".join(_FFA_AGES) + r")([HFM])$"), lambda m: (m[2], m[1])),
    (re.compile(r"^([MV]\d{1,2})([HFM])$"), lambda m: (m[2], m[1])),
    # letter + age: M35, W40, K45, G-13, J-15, P15, T15, F50, D35, N40
    (re.compile(r"^([MHWFKDNVGJPT])\s?-?\s?(\d{1,2})$"), lambda m: (m[1], m[2])),
]  # fmt: skip


# the FFA prints the birth year's two digits after the category: 'SEM/96', 'M2M/71'
_BIRTH_YEAR = re.compile(r"(?<=[A-Z0-9])/\d{2}$")


def with_year(text: str) -> tuple[str, str | None]:
    """A category cell -> (the category, the year printed after it): 'SEM/96' -> ('SEM', '96');
    'M35' -> ('M35', None)."""
    m = _BIRTH_YEAR.search(text.strip())
    if m is None or category_of(text) is None:
        return text, None
    return text.strip()[: m.start()], m[0][1:]


@lru_cache(maxsize=4096)
def category_of(text: str | None) -> Category | None:
    """A category code -> its gender and age group; None when the text is no category."""
    if not text:
        return None
    t = _BIRTH_YEAR.sub("", " ".join(text.upper().split()))
    if len(t) > 9:
        return None
    for rx, parts in _FORMS:
        m = rx.match(t)
        if m:
            lead, age = parts(m)
            return Category(_LEAD.get(lead, lead if lead in ("M", "F") else None), age)
    return None


def lead_gender(letter: str) -> str | None:
    """The gender a category's first letter gives ('N' -> 'F': Finnish naiset), None for
    another letter."""
    return _LEAD.get(letter.upper())


def is_category(text: str) -> bool:
    return category_of(text) is not None
