"""Marks as printed -> typed values: times, distances, points, wind and glued flags (a status
printed instead of a mark: :mod:`scraper.results.statuses`).

Pure functions, no clock, no I/O.  ``parse_mark("1:59.31R")`` -> ``Mark(value=119.31, unit="s",
qualifier=None, flags=["R"], ...)``; ``parse_mark("98-07")`` -> 30.0482 m (1 in = 0.0254 m exactly);
``parse_mark("NH")`` -> status ``NM`` and no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from scraper.results.statuses import status_of

INCH = 0.0254

# Record / performance flags that may follow a mark, as words.
RECORD_FLAGS = {
    "PB", "PR", "SB", "SR", "MR", "NR", "WL", "WR", "AR", "CR", "ER", "OR", "DR", "GR", "FR",
    "NJR", "WU20R", "WJR", "AJR", "AU20R", "NU20R", "U20R", "WYB", "WU18B", "NYB", "ML", "EL",
    "=PB", "=SB", "=WR", "=NR", "=MR", "=WL", "=CR", "FL",
}  # fmt: skip

_TIME = re.compile(r"^(?:(\d{1,3}):)??(?:(\d{1,3}):)?(\d{1,3}(?:[.,]\d+)?)$")
_FEET = re.compile(
    r"""^(\d{1,3})\s*(?:-|'|′|ft\.?)\s*(\d{1,2}(?:\.\d+)?)?\s*(?:"|”|″|in\.?|'')?$"""
)
_METRIC = re.compile(r"^(\d{1,3}(?:[.,]\d{1,3})?)\s*(m|M|cm)$")
_METRE_CM = re.compile(r"^(\d{1,3})m(\d{2})$")  # French: '15m02' is 15.02 m
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_GLUED = re.compile(r"^(.*?\d)([A-Za-z#*@$&^!=]{1,4})$")
_FRACTIONS = str.maketrans({"¼": ".25", "½": ".5", "¾": ".75"})
_FAT = re.compile(r"[.,]\d{2,}$")  # hundredths or finer: fully automatic timing
# European clock notation: minutes, seconds, hundredths separated by commas or dots ("2,23,62",
# "7,54,96", Finnish "8.31,23"); the seconds part is two digits below 60
_EURO_CLOCK = re.compile(r"^(?:(\d{1,2})[.,:])?(\d{1,2})[.,](\d{2})[.,](\d{1,3})$")
# Italian and French clock notation: seconds before '"' and their fraction after ('10"8',
# '1\'52"30'), hours before 'h' ('2h08\'33"', '1h02:33'); a time only with a fraction, hours or
# 12 seconds or more (5'10" stays feet and inches; 15'40" is a time)
_PRIME_CLOCK = re.compile(
    r"""^(?:(\d{1,2})\s*h\s*)?(?:(\d{1,3})\s*(?:'|′|:)\s*)?(\d{1,2})(?:"|″|'')(\d{1,3})?$"""
    r"""|^(\d{1,2})\s*h\s*(\d{2})\s*(?:'|′|:)\s*(\d{2})(?:[.,](\d{1,3}))?(?:"|″|'')?$"""
)
# a unit word printed after the mark: "11:47,97 min", "10,45 s", "45,20 m"
_UNIT_WORD = re.compile(r"^(.*\d)\s*(min|mins|sek|sec|s|std|h)\.?$", re.I)
# a wind as printed: '+0.8', '(-1.2)', 'w: 1.1', '+1,4 m/s', '+2.4w' (marked wind-aided)
_WIND = re.compile(
    r"^\(?\s*(?:w(?:ind)?:?\s*)?([+-]?\s*\d{1,2}(?:[.,]\d+)?)\s*(?:m/s|w)?\)?$", re.I
)


@dataclass(slots=True)
class Mark:
    raw: str | None
    value: float | None = None
    unit: str | None = None  # "s" | "m" | "points"
    timing: str | None = None  # "FAT" | "hand" | None (unknown)
    status: str | None = None
    qualifier: str | None = None  # "Q" | "q"
    flags: list[str] = field(default_factory=list)


def time_seconds(text: str) -> float | None:
    """'1:02:03.4' -> 3723.4, '4:05.2' -> 245.2, '10.45' -> 10.45; invalid clock values -> None."""
    m = _TIME.match(text.strip())
    if not m:
        return None
    h, mi, s = m.groups()
    if h is not None and mi is None:
        h, mi = None, h
    sec = float(s.replace(",", "."))
    total = sec
    if mi is not None:
        if sec >= 60 or len(re.split(r"[.,]", s)[0]) < 2:
            return None  # (seconds after a colon print two digits: '1:5' is a time cut short)
        total += 60 * int(mi)
    if h is not None:
        if int(mi or 0) >= 60:
            return None
        total += 3600 * int(h)
    return round(total, 4)


def feet_inches_metres(text: str) -> float | None:
    """'98-07' -> 30.0482, '4-10.00' -> 1.4732, "5' 2\"" -> 1.5748."""
    m = _FEET.match(text.strip())
    if not m or (m.group(2) is None and "-" in text):
        return None
    feet, inches = int(m.group(1)), float(m.group(2) or 0)
    if inches >= 12:
        return None
    return round((feet * 12 + inches) * INCH, 6)


def parse_mark(raw: str | None, unit_hint: str | None = None) -> Mark:
    """A printed mark -> :class:`Mark`; ``unit_hint`` ("s", "m", "points", "km": a distance in
    kilometres) settles bare numbers."""
    if raw is None:
        return Mark(None)
    value, unit, timing, status, qualifier, flags = _parse_cached(raw, unit_hint)
    return Mark(raw.strip() or None, value, unit, timing, status, qualifier, list(flags))


@lru_cache(maxsize=8192)
def _parse_cached(raw: str, unit_hint: str | None) -> tuple:  # type: ignore[type-arg]
    mk = _parse(raw, unit_hint)
    return mk.value, mk.unit, mk.timing, mk.status, mk.qualifier, tuple(mk.flags)


_CJK_TIME = re.compile(r"^(?:(\d{1,2})時間)?(?:(\d{1,2})分)?(\d{1,2})秒(\d{1,2})?$")
_PLAIN_TIME = re.compile(r"^(?:(\d{1,2}):)?(?:(\d{1,2}):)?(\d{1,2})\.(\d{1,3})$")
_PLAIN_FEET = re.compile(r"^(\d{1,3})-(\d{2})(?:\.(\d{1,2}))?$")
_TRAILING_FLAGS = RECORD_FLAGS | {"Q", "R", "W"}  # W: wind-aided ('6,12 w')
_STATUS_TAIL = re.compile(r"^(\d[\d:.,]*)\s*(DQ|DNF|DNS)$", re.I)


def _fast(text: str, unit_hint: str | None) -> Mark | None:
    """The common shapes (12.34, 1:02.34, 1:02:03.4, 98-07, 16-02.50) without the general path
    (:func:`_slow`), which gives the same values for them (tests/test_marks.py holds the two to
    agreement over generated marks); None: not such a shape, or a value only the slow path
    judges."""
    m = _PLAIN_TIME.match(text)
    if m and unit_hint not in ("m", "points"):
        h, mi, s, frac = m.groups()
        if h is not None and mi is None:
            h, mi = None, h
        if mi is not None and (int(s) >= 60 or len(s) < 2) or h is not None and int(mi) >= 60:
            return None
        sec = float(f"{s}.{frac}") + 60 * int(mi or 0) + 3600 * int(h or 0)
        return Mark(text, round(sec, 4), "s", "FAT" if len(frac) >= 2 else None)
    m = _PLAIN_FEET.match(text)
    if m:
        inches = float(f"{m.group(2)}.{m.group(3) or 0}")
        if inches >= 12:
            return None
        return Mark(text, round((int(m.group(1)) * 12 + inches) * INCH, 6), "m")
    return None


def _parse(raw: str, unit_hint: str | None) -> Mark:
    text = " ".join(raw.split())
    if not text:
        return Mark(None)
    if unit_hint == "km" and (km := _KM.match(text)):  # a timed race's distance: '221.045'
        return Mark(text, round(float(km[1].replace(",", ".")) * 1000, 3), "m")
    if "秒" in text and (units := _CJK_TIME.match(text)):  # '10秒52', '4分32秒00', '2時間9分3秒'
        h, mi, s, frac = units.groups()
        clock = (
            f"{h}:{(mi or '0').zfill(2)}:{s.zfill(2)}" if h else f"{mi}:{s.zfill(2)}" if mi else s
        )
        text = clock + (f".{frac}" if frac else "")
    if unit_hint == "points":  # '25 pts'; '5 412', '5,412', '5.412' points: 5412 (no decimals)
        text = _POINTS_WORD.sub("", text)
        text = re.sub(r"\D", "", text) if _GROUPED.match(text) else text
    fast = _fast(text, unit_hint)
    return fast if fast is not None else _slow(text, raw, unit_hint)


_KM = re.compile(r"^(\d{1,4}(?:[.,]\d{1,3})?)(?:\s*km)?$", re.I)
_RULE = r"\s+(?:rule\s+)?\d{2,3}(?:\.\d{1,2})*[a-z]?(?:\s?\(?[a-z0-9]\))*$"  # '168.7(a)'
_RULE_CITED = re.compile(rf"(?<=\w){_RULE}", re.I)
STATUS_CITED = re.compile(rf"\s(?:DQ|DSQ){_RULE}", re.I)  # '.. Bayou Christian DQ 168.7(a)'
_GROUPED = re.compile(r"^\d{1,2}[ ,.\u00a0\u202f]\d{3}$")  # a combined event's thousands parted
_POINTS_WORD = re.compile(r"(?<=\d)\s*(?:pts?|points?|puntos|punti|punkte|pkt|poeng|p)\.?$", re.I)


def _slow(text: str, raw: str, unit_hint: str | None) -> Mark:
    """Any mark (``text``: ``raw`` with its whitespace collapsed): statuses, flags as words or
    glued, hand times, metric and feet-inches distances, bare numbers by ``unit_hint``."""
    mk = Mark(raw.strip() or None)
    st = status_of(_RULE_CITED.sub("", text))  # 'DQ 168.7(a)': the rule it broke cited
    if st:
        mk.status = st
        return mk
    # flags printed as separate words after the mark: "3:45.34 NR", "10.1 PB"
    parts = text.split(" ")
    while len(parts) > 1 and parts[-1].upper().lstrip("=") in _TRAILING_FLAGS:
        _add_flag(mk, parts.pop())
    text = " ".join(parts)
    if text.startswith("="):  # "=PB" style ties printed before: keep as flag
        mk.flags.append("=")
        text = text[1:]
    elif text[:1] in ("J", "x") and text[1:2].isdigit():
        mk.flags.append(text[0])  # Hy-Tek: a tie judged ('J1.95m'), an exhibition ('x1:52.90')
        text = text[1:]
    # a trailing time then a status: "37.62DQ"
    m = _STATUS_TAIL.match(text)
    if m:
        mk.status = m.group(2).upper()
        return mk
    um = _UNIT_WORD.match(text)
    if um and (um.group(2).lower() != "h" or ":" in um.group(1)) and " " in text:
        text = um.group(1)  # "11:47,97 min"; a glued "21.3h" is a hand time, not hours
    value = _value(text, unit_hint, mk)
    if value is None:
        m = _GLUED.match(text)
        distance = text.lower().endswith(("ft", "in", "k", "km", "mi"))  # '10K': a race's
        if m and not _METRIC.match(text) and not distance:  # distance, no mark
            core, suffix = m.groups()
            value = _value(core, unit_hint, mk)
            if value is not None:
                _glued_flags(mk, suffix)
    if value is not None:
        mk.value = value
    return mk


def _value(text: str, unit_hint: str | None, mk: Mark) -> float | None:
    t = text.strip()
    if not t:
        return None
    if t[-1] in "hH" and _TIME.match(t[:-1]):
        mk.unit, mk.timing = "s", "hand"
        return time_seconds(t[:-1])
    m = _METRE_CM.match(t)
    if m:
        mk.unit = "m"
        return float(f"{m.group(1)}.{m.group(2)}")
    m = _METRIC.match(t)
    if m:
        v = float(m.group(1).replace(",", "."))
        mk.unit = "m"
        return round(v / 100, 4) if m.group(2) == "cm" else v
    prime = None
    if unit_hint not in ("m", "points") and ('"' in t or "''" in t or "″" in t or "h" in t):
        prime = _prime_seconds(t)
    if prime is not None:
        mk.unit = "s"
        mk.timing = "FAT" if prime[1] >= 2 else None
        return prime[0]
    if ("-" in t or "'" in t or "′" in t or '"' in t or "ft" in t) and not t.startswith("-"):
        fi = feet_inches_metres(t.translate(_FRACTIONS))  # '13-6¼
        if fi is not None:
            mk.unit = "m"
        return fi
    m = _EURO_CLOCK.match(t)
    if m and unit_hint not in ("m", "points") and int(m.group(3)) < 60:
        h, mi, sec, frac = m.groups()
        if h is None or int(mi) < 60:
            mk.unit = "s"
            mk.timing = "FAT" if len(frac) >= 2 else None
            total = 3600 * int(h or 0) + 60 * int(mi) + float(f"{sec}.{frac}")
            return round(total, 4)
    if ":" in t:
        ts = time_seconds(t)
        if ts is not None:
            mk.unit = "s"
            mk.timing = "FAT" if _FAT.search(t) else None
        return ts
    if _NUMBER.match(t):
        v = float(t.replace(",", "."))
        if unit_hint == "m":
            mk.unit = "m"
        elif unit_hint == "points":
            mk.unit = "points"
        else:
            mk.unit = "s"
            mk.timing = "FAT" if _FAT.search(t) else None
        return v
    return None


def _prime_seconds(t: str) -> tuple[float, int] | None:
    """Seconds of a time in prime notation (:data:`_PRIME_CLOCK`) and its fraction's digits."""
    m = _PRIME_CLOCK.match(t)
    if m is None:
        return None
    h, mi, sec, frac = m.groups()[:4] if m.group(3) is not None else m.groups()[4:]
    if h is None and frac is None and (mi is None or int(sec) < 12):
        return None  # 5'10": feet and inches (15'40" cannot be: minutes and seconds)
    if int(sec) >= 60 or h is not None and mi is not None and int(mi) >= 60:
        return None
    total = 3600 * int(h or 0) + 60 * int(mi or 0) + float(f"{sec}.{frac or 0}")
    return round(total, 4), len(frac or "")


def _glued_flags(mk: Mark, suffix: str) -> None:
    if len(suffix) > 1 and suffix.upper().lstrip("=") in RECORD_FLAGS:
        mk.flags.append(suffix.upper())  # "3:45.34NR", "10.01PB"
        return
    for ch in suffix:
        if ch in "Qq":
            mk.qualifier = ch
        elif ch in "hH":
            mk.timing = "hand"
        else:
            mk.flags.append(ch)


def _add_flag(mk: Mark, word: str) -> None:
    if word in ("Q", "q"):
        mk.qualifier = word
    else:
        mk.flags.insert(0, word.upper())


# a wind named in a title or a line of its own ('100m Men Final (wind +0.6)', 'Vind: +1,1',
# 'Wind/Vent: +1.7' in Canada's two languages)
WIND_TEXT = re.compile(
    r"\(?(?:\b(?:wind|vind|vent|vento|viento|tuuli|wiatr|vítr|vietor|szél|vjetar|vetar|veter|rüzgar|rüzgâr|vânt|vant|άνεμος|ανεμος|ветер|вітер|الرياح)(?:\s?/\s?vent)?\b|"
    r"\bw(?=\s*[:：])|"
    r"(?<=\()w(?=\s?[+-]\d)|風速|风速|풍속|風)\s*[:：]?\s*"
    r"([+-]?\s?\d+(?:[.,]\d+)?|NWI)"
    r"\s*(?:m/s|м/с|م/ث)?\)?",
    re.I,
)


# a signed wind in brackets closing a race's title: '100 U17M A (+1.2)' (UK meeting pages)
_BRACKETED_WIND = re.compile(r"\(([+-]\d{1,2}[.,]\d{1,2}|[+-]?0[.,]0)\)\s*$")


def wind_in(text: str) -> tuple[float | None, str]:
    """The wind a title names and the title without it: '100m Final (wind +0.6)' -> (0.6,
    '100m Final'), '100 U17M A (-0.4)' -> (-0.4, '100 U17M A'); (None, text) when it names
    none."""
    m = WIND_TEXT.search(text) or _BRACKETED_WIND.search(text)
    if m is None:
        return None, text
    rest = " ".join((text[: m.start()] + " " + text[m.end() :]).split()).strip(" ,;-–")
    return parse_wind(m.group(1))[0], rest


def parse_wind(raw: str | None) -> tuple[float | None, list[str]]:
    """'+0.8' -> (0.8, []), 'NWI' -> (None, ['NWI']), '(-1.2)' -> (-1.2, []), '' -> (None, [])."""
    if raw is None:
        return None, []
    t = raw.strip()
    if not t:
        return None, []
    if t.upper().strip("()") in ("NWI", "NW", "N/A", "NA"):
        return None, ["NWI"]
    m = _WIND.match(t)
    if not m:
        return None, []
    return float(m.group(1).replace(" ", "").replace(",", ".")), []


def is_wind(text: str) -> bool:
    t = text.strip()
    return t.upper() in ("NWI", "NW") or bool(
        re.match(r"^(?:[+-]?\d{1,2}[.,]\d|[+-]\d{1,2}[.,]\dw)$", t, re.I)
    )


def looks_like_mark(text: str | None) -> bool:
    """True for anything parse_mark reads as a value or a status."""
    if not text:
        return False
    v = _parse_cached(text, None)
    return v[3] is not None or v[0] is not None


def split_attempt(raw: str) -> tuple[str, float | None]:
    """'4.70m(+0.0)' -> ('4.70m', 0.0); 'FOUL(-0.3)' -> ('FOUL', -0.3); '5,60/-0,2' (German
    lists: the wind after a slash) -> ('5,60', -0.2); 'X' -> ('X', None)."""
    m = re.match(r"^(.*?)\(([^)]*)\)$", raw.strip()) or _SLASH_WIND.match(raw.strip())
    if m:
        return m.group(1), parse_wind(m.group(2))[0]
    return raw.strip(), None


_SLASH_WIND = re.compile(r"^(\d{1,2}[.,]\d{2}m?)/([+-]\d{1,2}[.,]\d|NWI)$")


def tiebreak_of(text: str) -> bool:
    """Thousandths ('12.301', '1:02.741') are tie-breaks, not points."""
    return bool(re.match(r"^(?:\d+:)?\d+\.\d{3}$", text.strip()))
