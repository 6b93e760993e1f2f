"""Events as their names print them -> one discipline key: "Men Bowerman Mile" and "Bowerman
Mile" are "mile", "Women 100 Meter Dash" is "100m", "3000m Hindernis, Frauen" is "3000m sc",
"HS Varsity Girls 5K" is "5km", "Women 4x100 Meter Relay" is "4x100m". Gender, round and division
stay apart (``Event.gender``, ``Event.round``). Used to tell one performance printed by two
documents of a meet and to compare athletes' events.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scraper.text.people import fold

_RELAY = re.compile(r"(\d+)\s*[x×]\s*(\d[\d,.]*)\s*(m|meters?|metres?|y|yards?|mile)?", re.I)
_DISTANCE = re.compile(
    r"(\d[\d,.]*)\s*(km|k|kilometers?|kilometres?|meters?|metres?|m|miles?|mi|yards?|yd|y)\b",
    re.I,
)
# A distance printed without its unit before the event's word ("M50 400 Long Hurdles").
_BARE = re.compile(r"(?<![\w.,])(\d{2,5})\s+(?:dash|run|hurdles?|long|short|yard|sprint)\b", re.I)
_FIELD = (
    ("long jump", "long jump"),
    ("triple jump", "triple jump"),
    ("high jump", "high jump"),
    ("pole vault", "pole vault"),
    ("shot put", "shot put"),
    ("discus", "discus"),
    ("hammer", "hammer"),
    ("javelin", "javelin"),
    ("weight throw", "weight throw"),
    ("decathlon", "decathlon"),
    ("heptathlon", "heptathlon"),
    ("pentathlon", "pentathlon"),
    ("weitsprung", "long jump"),
    ("hochsprung", "high jump"),
    ("dreisprung", "triple jump"),
    ("stabhochsprung", "pole vault"),
    ("kugelstossen", "shot put"),
)
_UNITS = {"k": "km", "kilometer": "km", "kilometre": "km", "mi": "mile", "y": "y", "yd": "y"}


def _number(text: str) -> str:
    value = float(text.replace(",", ""))
    return str(int(value)) if value == int(value) else f"{value:g}"


def _unit(word: str) -> str:
    w = word.lower().rstrip("s")
    if w in ("meter", "metre", "m"):
        return "m"
    if w in ("mile",):
        return "mile"
    if w in ("yard",):
        return "y"
    return _UNITS.get(w, w)


@lru_cache(maxsize=4096)
def discipline_of(event: str | None) -> str | None:
    """The discipline key of an event name; None when the name states none."""
    if not event:
        return None
    text = fold(event.replace("×", "x").replace("ß", "ss"))
    raw = event.replace("×", "x")
    relay = _RELAY.search(raw)
    if relay:
        return f"{relay.group(1)}x{_number(relay.group(2))}{_unit(relay.group(3) or 'm')}"
    for word, key in _FIELD:
        if word in text:
            return key
    suffix = ""
    if "hurdle" in text:
        suffix = "h"
    elif re.search(r"\bsteeple|\bhindernis|\bsc\b", text):
        suffix = " sc"
    elif re.search(r"\bwalk|gehen\b", text):
        suffix = " walk"
    distance = min(
        (m for m in (_DISTANCE.search(raw), _BARE.search(raw)) if m),
        key=lambda m: m.start(),
        default=None,
    )
    if distance and distance.re is _BARE:
        return f"{_number(distance.group(1))}m{suffix}"
    if distance:
        unit = _unit(distance.group(2))
        number = _number(distance.group(1))
        if unit == "mile":
            return ("mile" if number == "1" else f"{number} mile") + suffix
        return f"{number}{unit}{suffix}"
    if re.search(r"\bmile\b", text):
        return "mile" + suffix
    if re.search(r"\bmarathon\b", text):
        return "half marathon" if "half" in text else "marathon"
    return None
