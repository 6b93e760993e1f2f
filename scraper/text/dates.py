"""Date strings -> aware datetimes, in the zone a page prints naive times in.

The common shapes go through regexes (microseconds per call); dateparser is the fallback only, one
parser per language set, built once and reused (a default dateparser call costs ~7 ms). Nothing here
reads the clock: relative dates ("Today, 9:06am", "3 hours ago") and yearless ones ("Sep 15th,
1:54pm") are resolved against ``not_after`` (the fetch time) or not at all.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from datetime import timezone as fixed_offset
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}

_MON = r"(?P<mon>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_TIME = (
    r"(?:(?:\s*,\s*|\s+|\s*\bat\s+|\s*[-@|]\s*)(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?"
    r"(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*(?P<zone>[A-Z]{2,5}|[+-]\d{2}:?\d{2}|Z))?)?"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"^{_WEEKDAY}{_MON}\s+{_DAY}(?:\s*,\s*|\s+){_YEAR}{_TIME}$",  # May 26th 2024, 2:29am
        rf"^{_WEEKDAY}{_DAY}\.?\s+(?:of\s+)?{_MON},?\s+{_YEAR}{_TIME}$",  # 26 May 2024 14:30
        rf"^{_WEEKDAY}{_MON}\s+{_DAY}{_TIME}$",  # Sep 15th, 1:54pm (yearless)
        r"^(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})"
        + _TIME
        + "$",  # 5/26/2024
    )
]
_RELATIVE = re.compile(rf"^(?P<word>today|yesterday){_TIME}$", re.IGNORECASE)
_AGO = re.compile(
    r"^(?P<n>\d+|an?|one)\s+(?P<unit>second|minute|min|hour|hr|day|week)s?\s+ago$", re.IGNORECASE
)
_UNITS = {
    "second": 1,
    "minute": 60,
    "min": 60,
    "hour": 3600,
    "hr": 3600,
    "day": 86400,
    "week": 604800,
}
# Zone abbreviations printed by US sites (the rest go to dateparser).
_ABBREV = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
}
_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?"
    r"\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$",
    re.IGNORECASE,
)


def zone(name: str | None) -> tzinfo:
    """The zone called ``name`` (UTC when None or unknown)."""
    if not name:
        return UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def _localize(naive: datetime, tz: tzinfo) -> datetime:
    # fold=0: an ambiguous wall time (the repeated hour in autumn) is its first occurrence; a
    # non-existent one (the skipped hour in spring) keeps the offset in force before the change.
    return naive.replace(tzinfo=tz)


def _iso(raw: str, tz: tzinfo) -> datetime | None:
    if not _ISO.match(raw):
        return None
    text = raw.replace(",", ".").replace(" ", "T", 1) if "T" not in raw.upper() else raw
    text = re.sub(r"\s+(?=[Zz+-]\d|[Zz]$)", "", text)
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return None
    return dt if dt.tzinfo else _localize(dt, tz)


def _rfc2822(raw: str) -> datetime | None:
    if not re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", raw):
        return None
    try:
        dt = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    return dt if dt.tzinfo else None


def _hms(m: re.Match[str]) -> tuple[int, int, int] | None:
    if m.group("hour") is None:
        return 0, 0, 0
    hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
    second = int(m.group("second") or 0)
    ampm = (m.group("ampm") or "").replace(".", "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif m.group("minute") is None:
        return None  # a bare number after the date is not a time
    return hour, minute, second


def _with_zone(naive: datetime, m: re.Match[str], tz: tzinfo) -> datetime | None:
    z = m.group("zone")
    if not z:
        return _localize(naive, tz)
    if z.upper() in _ABBREV:
        return naive.replace(tzinfo=fixed_offset(timedelta(hours=_ABBREV[z.upper()])))
    if z[0] in "+-":
        return datetime.fromisoformat(naive.isoformat() + z[:3] + ":" + z[-2:])
    return None


class _Impossible(ValueError):
    """A known shape holding an impossible or unresolvable date ("Feb 30th"): no fallback."""


def _fast(raw: str, tz: tzinfo, not_after: datetime | None, day_first: bool) -> datetime | None:
    for i, pattern in enumerate(_PATTERNS):
        m = pattern.match(raw)
        if m is None:
            continue
        hms = _hms(m)
        if hms is None:
            return None
        month: int | None
        if i == 3:
            a, b = int(m.group("a")), int(m.group("b"))
            if m.group("sep") == "." or a > 12 or day_first and b <= 12:
                a, b = b, a
            month, day = a, b
        else:
            month = MONTHS.get(m.group("mon").lower())
            day = int(m.group("day"))
            if month is None:
                return None
        try:
            if i == 2:  # yearless: the latest such date not after the fetch time
                if not_after is None:
                    raise _Impossible(raw)
                ref = not_after.astimezone(tz)
                for year in (ref.year, ref.year - 1):
                    dt = _with_zone(datetime(year, month, day, *hms), m, tz)
                    if dt is not None and dt <= not_after:
                        return dt
                return None
            return _with_zone(datetime(int(m.group("year")), month, day, *hms), m, tz)
        except _Impossible:
            raise
        except ValueError as exc:
            raise _Impossible(raw) from exc
    return None


def _relative(raw: str, tz: tzinfo, not_after: datetime | None) -> datetime | None:
    if not_after is None:
        if _AGO.match(raw) or _RELATIVE.match(raw):
            raise _Impossible(raw)  # relative to a fetch time we were not given
        return None
    m = _AGO.match(raw)
    if m:
        n = 1 if m.group("n").lower() in ("a", "an", "one") else int(m.group("n"))
        return not_after - timedelta(seconds=n * _UNITS[m.group("unit").lower()])
    m = _RELATIVE.match(raw)
    if m:
        hms = _hms(m)
        if hms is None:
            return None
        day = not_after.astimezone(tz).date()
        if m.group("word").lower() == "yesterday":
            day -= timedelta(days=1)
        return _with_zone(datetime(day.year, day.month, day.day, *hms), m, tz)
    return None


@lru_cache(maxsize=32)
def _dateparser(languages: tuple[str, ...] | None) -> Any:
    from dateparser.date import DateDataParser

    settings = {
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["custom-formats", "absolute-time"],
    }
    return DateDataParser(
        languages=list(languages) if languages else None,
        settings=settings,
        try_previous_locales=False,
    )


def _fallback(raw: str, tz: tzinfo, languages: tuple[str, ...] | None) -> datetime | None:
    try:
        data = _dateparser(languages).get_date_data(raw)
    except (ValueError, TypeError, OverflowError):
        return None
    dt = data.date_obj if data else None
    if dt is None:
        return None
    return dt if dt.tzinfo else _localize(dt, tz)


def parse_date(
    raw: str,
    timezone: str | None,
    *,
    not_after: datetime | None = None,
    languages: Sequence[str] | None = None,
) -> datetime | None:
    """An aware datetime for ``raw``, or None.

    Naive times are in ``timezone`` (an IANA name; UTC when None); explicit offsets are kept. A date
    after ``not_after`` (the fetch time) is rejected. ``languages`` (ISO 639-1 codes) restricts
    dateparser, the fallback for shapes the fast path does not know, and makes d/m/y the reading of
    an ambiguous numeric date when English is not among them.
    """
    if not raw or not isinstance(raw, str):
        return None
    text = " ".join(raw.split()).strip(" .,;")
    text = re.sub(r"^(?:published|posted|updated|on)\s*:?\s+", "", text, flags=re.IGNORECASE)
    if not text or len(text) > 100:
        return None
    if not_after is not None and not_after.tzinfo is None:
        not_after = not_after.replace(tzinfo=UTC)
    tz = zone(timezone)
    langs = tuple(languages) if languages else None
    day_first = "en" not in langs if langs else False
    try:
        dt = (
            _iso(text, tz)
            or _rfc2822(text)
            or _fast(text, tz, not_after, day_first)
            or _relative(text, tz, not_after)
        )
    except _Impossible:
        return None
    if dt is None and re.search(r"\d", text):
        dt = _fallback(text, tz, langs)
    if dt is None or not_after is not None and dt > not_after:
        return None
    return dt
