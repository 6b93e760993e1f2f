"""The CLI's listings: a meet's results event by event (``meetarchive meets NAME``), an
athlete's bests and results (``meetarchive athlete NAME``), and one line per meet or athlete
when a name matches several. Built from ``pipelines.db.views``'s pages."""

from __future__ import annotations

import json
from typing import Any

from scraper.results.display import format_mark, shown_mark


def _when(meet: dict[str, Any]) -> str:
    when = meet.get("date") or (str(meet["year"]) if meet.get("year") else "undated")
    if meet.get("end_date") and meet["end_date"] != meet.get("date"):
        when += f"..{meet['end_date']}"
    return when


def _wind(value: float | None) -> str:
    return "" if value is None else f"{value:+.1f}"


def meet_line(meet: dict[str, Any]) -> str:
    venue = f" ({meet['venue']})" if meet.get("venue") else ""
    return f"{_when(meet)}  {meet['name']}{venue}  [meet {meet['id']}]"


def athlete_line(a: dict[str, Any]) -> str:
    teams = a["teams"] if isinstance(a["teams"], list) else json.loads(a["teams"] or "[]")
    count = len(a["results"]) if isinstance(a["results"], list) else a["results"]
    return (
        f"{a['name']} ({a['gender'] or '-'})  {a['first_date'] or '?'}..{a['last_date'] or '?'}"
        f"  {count} result(s)  {', '.join(teams) or '-'}  [athlete {a['id']}]"
    )


def _result_row(r: dict[str, Any], event_wind: float | None) -> list[str]:
    lines = []
    who = r["athlete"] or r["team"] or ""
    team = r["team"] if r["athlete"] else ""
    wind = _wind(r["wind"]) if r["wind"] is not None and r["wind"] != event_wind else ""
    flags = " ".join(r["flags"] or [])
    mark = shown_mark(r["mark_raw"], r["flags"]) or r["status"] or ""
    place = str(r["place"]) if r["place"] is not None else "-"
    lines.append(f"  {place:>4}  {who:<28} {team:<26} {mark:>10} {wind:>5} {flags}".rstrip())
    members = [m.get("athlete") for m in r["relay_members"] or [] if m.get("athlete")]
    if members:
        lines.append(f"{'':8}{', '.join(members)}")
    return lines


def format_meet(page: dict[str, Any]) -> str:
    """A meet page as text: the meet, its events in program order with their results in place
    order (relay members under the team, wind per race, flags), its documents and articles."""
    rows = sum(len(e["results"]) for e in page["events"])
    lines = [
        meet_line(page),
        f"{rows} result(s) in {len(page['events'])} event(s), "
        f"{len(page['documents'])} document(s), {len(page['articles'])} article(s)",
    ]
    for ev in page["events"]:
        head = ev["name"] or ev["discipline"] or "Event"
        if ev["round"]:
            head += f" ({ev['round']})"
        if ev["wind"] is not None:
            head += f"  wind {_wind(ev['wind'])}"
        lines += ["", head]
        for r in ev["results"]:
            lines += _result_row(r, ev["wind"])
    if page["documents"]:
        lines += ["", "Documents:"]
        lines += [f"  {d['url']}  ({d['format'] or d['status']})" for d in page["documents"]]
    if page["articles"]:
        lines += ["", "Articles:"]
        lines += [
            f"  {(a['published_at'] or '')[:10]:<10}  {a['headline']}  "
            f"{a['url'] or a['canonical_url']}"
            for a in page["articles"]
        ]
    return "\n".join(lines)


def format_athlete(page: dict[str, Any]) -> str:
    """An athlete page as text: who, personal bests and season bests per discipline, every
    result newest first, the articles naming them."""
    lines = [athlete_line(page)]
    bests = page["bests"]
    if bests["pb"]:
        lines += ["", "Personal bests:"]
        for discipline, r in sorted(bests["pb"].items()):
            lines.append(
                f"  {discipline:<14} {r['mark_raw'] or format_mark(r['mark'], r['unit']):>10} "
                f"{_wind(r['wind']):>5}  {r['date'] or r['meet_year'] or '':<10}  {r['meet'] or ''}"
            )
        lines += ["", "Season bests:"]
        for discipline, seasons in sorted(bests["seasons"].items()):
            marks = "  ".join(
                f"{year} {r['mark_raw'] or format_mark(r['mark'], r['unit'])}"
                for year, r in sorted(seasons.items(), reverse=True)
            )
            lines.append(f"  {discipline:<14} {marks}")
    lines += ["", "Results:"]
    for r in reversed(page["results"]):
        when = r["date"] or (str(r["meet_year"]) if r["meet_year"] else "undated")
        flags = " ".join(r["flags"] or [])
        mark = shown_mark(r["mark_raw"], r["flags"]) or r["status"] or ""
        lines.append(
            f"  {when:<10}  {(r['meet'] or '')[:34]:<34} {(r['event'] or '')[:26]:<26} "
            f"{(r['round'] or '')[:8]:<8} {r['place'] if r['place'] is not None else '-':>3} "
            f"{mark:>10} {_wind(r['wind']):>5} {flags}".rstrip()
        )
    if page["articles"]:
        lines += ["", f"Articles naming them ({page['article_count']}, newest first):"]
        lines += [
            f"  {(a['published_at'] or '')[:10]:<10}  {a['headline']}  "
            f"{a['url'] or a['canonical_url']}"
            for a in page["articles"]
        ]
    return "\n".join(lines)
