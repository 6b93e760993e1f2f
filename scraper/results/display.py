"""Normalized marks as people write them, and back: ``format_mark`` (225.34 s -> "3:45.34",
8.22 m -> "8.22 m", 8500 points -> "8,500") for chart axes, thresholds and bests computed from
values; ``shown_mark`` (a mark as printed, less the flags shown beside it as badges);
``threshold_of`` (what a person types as a ranking's threshold -> the normalized mark,
read as the discipline's marks are: "4:00" -> 240.0 s, "8" or "26-3" -> metres)."""

from __future__ import annotations

from collections.abc import Sequence

from scraper.results.marks import parse_mark


def format_mark(value: float | None, unit: str | None) -> str:
    """A normalized mark as printed in results: times as h:mm:ss.xx / m:ss.xx / ss.xx (to the
    hundredth, trailing tenths kept), distances in metres to the centimetre, points whole."""
    if value is None:
        return ""
    if unit == "m":
        return f"{value:.2f} m"
    if unit == "points":
        return f"{round(value):,}"
    if unit != "s":
        return f"{value:g}"
    hundredths = round(value * 100)
    seconds, cents = divmod(hundredths, 100)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}.{cents:02d}"
    if minutes:
        return f"{minutes}:{secs:02d}.{cents:02d}"
    return f"{secs}.{cents:02d}"


def shown_mark(raw: str | None, flags: Sequence[str] | None) -> str:
    """The mark as printed, less the flags printed after it when those are shown beside it as
    badges: ("3:45.34NR", ["NR"]) -> "3:45.34", ("10.01 PB", ["PB"]) -> "10.01"; a mark that
    would be left empty is kept whole."""
    text = (raw or "").strip()
    tags = sorted({f.upper() for f in flags or () if f and f != "="}, key=len, reverse=True)
    stripped = True
    while stripped:
        stripped = False
        for tag in tags:
            head = text[: -len(tag)].rstrip()
            if text.upper().endswith(tag) and head:
                text, stripped = head, True
                break
    return text


def threshold_of(text: str, unit: str | None) -> float:
    """A threshold typed for a discipline whose marks are in ``unit`` ("s", "m", "points"), as a
    normalized mark. ValueError says what cannot be read as such a mark."""
    typed = " ".join(text.split())
    if unit == "points":
        typed = typed.replace(",", "")
    mark = parse_mark(typed, unit) if typed else None
    if mark is None or mark.value is None or mark.value <= 0 or mark.status is not None:
        example = {"s": "4:00 or 10.5", "m": "8, 8.00 or 26-3", "points": "8500"}.get(
            unit or "", "a mark"
        )
        raise ValueError(f"{text!r} is not a mark (e.g. {example})")
    if unit is not None and mark.unit not in (unit, None):
        raise ValueError(f"{text!r} is a mark in {mark.unit}, this event's marks are in {unit}")
    return float(mark.value)
