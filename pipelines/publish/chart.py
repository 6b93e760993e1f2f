"""An athlete's progression in one discipline as a server-rendered SVG (no script, nothing
fetched): each result a point (mark over time), better marks higher up whatever the unit, the
personal bests marked where they were set, wind-aided marks hollow.

:func:`progression` turns an athlete's results (``pipelines.db.views.athlete_results``) into
points; :func:`progression_svg` draws them. A meet known only by its year is charted on 1 July
of that year (``exact`` False, said in the point's title); results with neither are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from scraper.results.display import format_mark

LEGAL_WIND = 2.0
WIDTH, HEIGHT = 640, 250
LEFT, RIGHT, TOP, BOTTOM = 70, 16, 14, 30


@dataclass(frozen=True)
class Point:
    result_id: int
    day: date
    exact: bool  # False: the meet is known by its year only
    mark: float
    mark_raw: str
    wind: float | None
    legal: bool  # counts for a personal best (no wind, or one of LEGAL_WIND or less)
    pb: bool  # a personal best when it was set
    best: bool  # the personal best now
    meet: str
    round: str


def _day(result: dict[str, Any]) -> tuple[date, bool] | None:
    text = result.get("date") or result.get("meet_date")
    if text:
        try:
            return date.fromisoformat(text[:10]), True
        except ValueError:
            pass
    year = result.get("meet_year") or result.get("season")
    return (date(int(year), 7, 1), False) if year else None


def _better(a: float, b: float, high: bool) -> bool:
    return a > b if high else a < b


def progression(results: list[dict[str, Any]], discipline: str, high: bool) -> list[Point]:
    """The charted points of one discipline, oldest first; ``pb`` on each mark that beat every
    earlier legal mark, ``best`` on the one that stands."""
    dated = []
    for r in results:
        if r.get("discipline") != discipline or r.get("mark") is None or r.get("status"):
            continue
        when = _day(r)
        if when is not None:
            dated.append((when, r))
    dated.sort(key=lambda t: (t[0][0], t[1]["result_id"]))
    points: list[Point] = []
    best: float | None = None
    for (day, exact), r in dated:
        legal = r.get("wind") is None or r["wind"] <= LEGAL_WIND
        pb = legal and (best is None or _better(r["mark"], best, high))
        if pb:
            best = r["mark"]
        points.append(
            Point(
                r["result_id"],
                day,
                exact,
                float(r["mark"]),
                r.get("mark_raw") or "",
                r.get("wind"),
                legal,
                pb,
                False,
                r.get("meet") or r.get("meet_name") or "",
                r.get("round") or "",
            )
        )
    pbs = [i for i, p in enumerate(points) if p.pb]
    if pbs:
        last = points[pbs[-1]]
        points[pbs[-1]] = Point(**{**last.__dict__, "best": True})
    return points


def _ticks(low: float, high: float, n: int = 5) -> list[float]:
    return [low + (high - low) * i / (n - 1) for i in range(n)]


def progression_svg(points: list[Point], unit: str | None, title: str, high: bool) -> str:
    """The SVG of :func:`progression`'s points (an empty string for none)."""
    if not points:
        return ""
    days = [p.day.toordinal() for p in points]
    pad = max((max(days) - min(days)) * 0.04, 30)
    t0, t1 = min(days) - pad, max(days) + pad
    marks = [p.mark for p in points]
    v0, v1 = min(marks), max(marks)
    spread = (v1 - v0) or max(abs(v1) * 0.01, 0.01)
    v0, v1 = v0 - spread * 0.08, v1 + spread * 0.08
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(day: date) -> float:
        return LEFT + (day.toordinal() - t0) / (t1 - t0) * plot_w

    def y(mark: float) -> float:
        share = (v1 - mark) / (v1 - v0) if high else (mark - v0) / (v1 - v0)
        return TOP + share * plot_h

    out = [
        f'<svg class="progression" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-label="{escape(title)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
        f'<rect class="plot" x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}"/>',
    ]
    for value in _ticks(v0, v1):
        ty = y(value)
        out.append(
            f'<line class="grid" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{ty:.1f}" y2="{ty:.1f}"/>'
            f'<text class="tick y" x="{LEFT - 6}" y="{ty + 4:.1f}" text-anchor="end">'
            f"{escape(format_mark(value, unit))}</text>"
        )
    first, last = date.fromordinal(int(t0)), date.fromordinal(int(t1))
    years = [date(yr, 1, 1) for yr in range(first.year + 1, last.year + 1)]
    for tick in years:
        tx = x(tick)
        out.append(
            f'<line class="grid" x1="{tx:.1f}" x2="{tx:.1f}" y1="{TOP}" y2="{TOP + plot_h}"/>'
        )
    for yr in range(first.year, last.year + 1):
        start = max(date(yr, 1, 1), first)
        end = min(date(yr, 12, 31), last)
        if (end - start).days < 60 and len(years) > 0:
            continue
        mid = date.fromordinal((start.toordinal() + end.toordinal()) // 2)
        out.append(
            f'<text class="tick x" x="{x(mid):.1f}" y="{HEIGHT - 10}" text-anchor="middle">'
            f"{yr}</text>"
        )
    path = " ".join(f"{x(p.day):.1f},{y(p.mark):.1f}" for p in points)
    out.append(f'<polyline class="marks-line" points="{path}"/>')
    steps: list[str] = []
    for p in (p for p in points if p.pb):
        if steps:
            steps.append(f"{x(p.day):.1f},{steps[-1].split(',')[1]}")
        steps.append(f"{x(p.day):.1f},{y(p.mark):.1f}")
    if steps:
        steps.append(f"{LEFT + plot_w:.1f},{steps[-1].split(',')[1]}")
        out.append(f'<polyline class="pb-line" points="{" ".join(steps)}"/>')
    for p in points:
        out.append(_point(p, x(p.day), y(p.mark), unit))
    out.append("</svg>")
    return "\n".join(out)


def _point(p: Point, cx: float, cy: float, unit: str | None) -> str:
    classes = ["mark"]
    if p.pb:
        classes.append("pb")
    if p.best:
        classes.append("best")
    if not p.legal:
        classes.append("wind-aided")
    if not p.exact:
        classes.append("year-only")
    when = p.day.isoformat() if p.exact else f"{p.day.year} (year only)"
    wind = f" wind {p.wind:+.1f}" if p.wind is not None else ""
    label = "personal best" if p.best else "new personal best" if p.pb else ""
    tip = " · ".join(
        part
        for part in (
            when,
            p.meet,
            p.round,
            f"{p.mark_raw or format_mark(p.mark, unit)}{wind}",
            label,
        )
        if part
    )
    radius = 6 if p.pb else 4
    day = p.day.isoformat() if p.exact else p.day.year
    return (
        f'<circle class="{" ".join(classes)}" cx="{cx:.1f}" cy="{cy:.1f}" r="{radius}" '
        f'data-result-id="{p.result_id}" data-date="{day}" '
        f'data-mark="{p.mark}" data-mark-raw="{escape(p.mark_raw)}">'
        f"<title>{escape(tip)}</title></circle>"
    )
