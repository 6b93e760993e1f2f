"""Meet resolution: which meet a results document is of, and which articles cover a meet.

A document's meet as printed (name, date or date range, venue) is compared with the meets of its
year (and the undated ones) on four signals, each recorded in ``result_documents.meet_signals``:

* **name**: ``scraper.text.meetnames.meet_name_match`` against every name the meet's documents
  printed (a sponsor or series in front, "Pre" for "Prefontaine", "Champs", ...);
* **date**: the same days (ranges overlapping, a day apart at most), the same year (one side
  knows only its year), or another year / days more than ``MAX_DAYS_APART`` apart, which rules
  the meet out: two meets that share a name but not a year stay two;
* **venue**: the same venue printed, or another;
* **overlap**: the share of the document's marks (athlete name, discipline, mark) that the
  meet's documents print too: two documents of one race print the same marks.

The user's overrides (``meet_overrides``: "these two documents are one meet" / "are not")
come first. A document joins the best meet whose name matches (``NAME_MATCH``) on compatible
dates, or whose marks it shares (``OVERLAP_MATCH``); otherwise it starts a meet of its own. The
meet's name, date, range and venue are then those of its most complete document (a dated one
with a venue, the first stored on a tie).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from pipelines import db as schema
from scraper.results.disciplines import discipline_of
from scraper.text.meetnames import meet_name_match
from scraper.text.people import fold, parse_person

NAME_MATCH = 0.85
OVERLAP_MATCH = 0.5
MAX_DAYS_APART = 3
ARTICLE_DAYS = 14  # an article covers a meet published from the day before it to 14 days after
_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


@dataclass(frozen=True)
class Printed:
    """A document's meet as printed."""

    name: str | None
    date: str | None
    end: str | None
    year: int | None
    venue: str | None


def _dates_in(text: str) -> list[str]:
    out = []
    for m in _DATE.finditer(text):
        if m.group(4):
            out.append(f"{m.group(4)}-{m.group(5)}-{m.group(6)}")
        else:
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            month, day = (a, b) if a <= 12 else (b, a)
            if 1 <= month <= 12 and 1 <= day <= 31:
                out.append(f"{y:04d}-{month:02d}-{day:02d}")
    return out


def printed_meet(doc: dict[str, Any]) -> Printed:
    """The printed meet of a ``result_documents`` row: its last date printed ends a range
    ("5/25/2024 to 5/26/2024"); a document printing only a year has that year."""
    date, raw = doc["meet_date"], doc["meet_date_raw"] or ""
    date = date if _day(date) else None
    dates = sorted(d for d in [date, *_dates_in(raw)] if d and _day(d))
    year = int(date[:4]) if date else None
    if year is None:
        found = _YEAR.search(raw)
        year = int(found.group(1)) if found else None
    end = dates[-1] if date and dates and dates[-1] > date else date
    return Printed(doc["meet_name"], date, end, year, doc["meet_venue"])


def _day(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:  # a date no calendar has: as good as none
        return None


def _days(a: str, b: str) -> int:
    first, second = _day(a), _day(b)
    return 0 if first is None or second is None else (second - first).days


def date_signal(doc: Printed, meet: dict[str, Any]) -> str:
    """ "same days" (a day apart at most), "near days" (up to ``MAX_DAYS_APART``), "same year",
    "undated", or, ruling the meet out, "days apart" / "another year"."""
    if doc.date and meet["date"]:
        gap = max(
            _days(meet["end_date"] or meet["date"], doc.date),
            _days(doc.end or doc.date, meet["date"]),
            0,
        )
        if gap <= 1:
            return "same days"
        return "near days" if gap <= MAX_DAYS_APART else "days apart"
    if doc.year is not None and meet["year"] is not None:
        return "same year" if doc.year == meet["year"] else "another year"
    return "undated"


def signature(row: dict[str, Any]) -> tuple[str, str | None, float] | None:
    """What one printed performance is: who (name words), discipline, mark."""
    name = parse_person(row["athlete"]) if row["athlete"] else None
    who = name.key if name else fold(row["team"] or "")
    if not who or row["mark"] is None:
        return None
    return who, discipline_of(row["event"]), round(float(row["mark"]), 2)


def overlap(mine: set, theirs: set) -> tuple[float, int]:
    """The share of a document's marks that a meet prints too, and how many."""
    if not mine or not theirs:
        return 0.0, 0
    shared = len(mine & theirs)
    return shared / min(len(mine), len(theirs)), shared


def _venue_signal(a: str | None, b: str | None) -> str:
    if not a or not b:
        return "unknown"
    return "same" if fold(a) == fold(b) else "different"


def score_meet(doc: Printed, marks: set, meet: dict, names: list, meet_marks: set) -> dict:
    """The signals comparing a document with one meet, and whether they make it the meet."""
    name = max(
        (meet_name_match(doc.name, n) + (n,) for n in names if n), default=(0.0, "none", None)
    )
    date = date_signal(doc, meet)
    share, shared = overlap(marks, meet_marks)
    venue = _venue_signal(doc.venue, meet["venue"])
    compatible = date not in ("another year", "days apart")
    dated = date in ("same days", "near days", "same year")
    by_name = name[0] >= NAME_MATCH and (dated or shared >= 3)
    by_marks = share >= OVERLAP_MATCH and shared >= 3
    confidence = min(
        1.0,
        0.5 * name[0]
        + {"same days": 0.35, "near days": 0.25, "same year": 0.2}.get(date, 0.0)
        + (0.1 if venue == "same" else 0.0)
        + 0.4 * share,
    )
    return {
        "signals": {
            "name": {"score": round(name[0], 3), "how": name[1], "with": name[2]},
            "date": date,
            "venue": venue,
            "overlap": {"shared": shared, "share": round(share, 3)},
        },
        "match": compatible and (by_name or by_marks),
        "confidence": round(confidence, 3),
    }


def meet_values(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """A meet's name, dates and venue from its documents: the most complete one's (a date, then
    a venue; the first stored on a tie), the range over all of them."""
    printed = [(printed_meet(d), d) for d in docs if d["meet_name"]]
    best, best_doc = max(
        printed, key=lambda p: (p[0].date is not None, p[0].venue is not None, -p[1]["id"])
    )
    dates = [p.date for p, _ in printed if p.date]
    ends = [p.end for p, _ in printed if p.end]
    years = [p.year for p, _ in printed if p.year is not None]
    return {
        "name": best.name,
        "name_key": schema.name_key(best.name),
        "date": min(dates, default=None),
        "end_date": max(ends, default=None),
        "year": int(min(dates)[:4]) if dates else (min(years) if years else None),
        "venue": best.venue or next((p.venue for p, _ in printed if p.venue), None),
        "date_raw": best_doc["meet_date_raw"],
    }


def _marks_of(db: sqlite_utils.Database, doc_ids: list[int]) -> set:
    return {s for r in schema.document_rows_brief(db, doc_ids) if (s := signature(r))}


def resolve(db: sqlite_utils.Database, doc_id: int, source: str | None) -> int | None:
    """Put document ``doc_id`` in its meet (found or new); returns the meet id (None for a
    document that prints no meet name)."""
    doc = schema.document_meet(db, doc_id)
    if doc is None or not doc["meet_name"]:
        if doc is not None:
            schema.assign_document(db, doc_id, None, None, None)
        return None
    printed = printed_meet(doc)
    forced, barred = _overrides(db, doc)
    marks = _marks_of(db, [doc_id])
    best: tuple[float, dict, dict] | None = None
    printed_by_meet = schema.printed_meets_of_year(db, printed.year)
    for meet in schema.meets_of_year(db, printed.year):
        others = [(d, n) for d, n in printed_by_meet.get(meet["id"], []) if d != doc_id]
        if meet["id"] in barred or not others:
            continue
        names = [meet["name"], *(n for _, n in others)]
        near = date_signal(printed, meet) in ("same days", "near days")
        alike = max(meet_name_match(printed.name, n)[0] for n in names if n) >= 0.5
        if not (near or alike or meet["id"] in forced):
            continue  # no shared marks looked for: neither the name nor the days are alike
        found = score_meet(printed, marks, meet, names, _marks_of(db, [d for d, _ in others]))
        if meet["id"] in forced:
            found.update(match=True, confidence=1.0)
            found["signals"]["override"] = "same meet"
        if found["match"] and (best is None or found["confidence"] > best[0]):
            best = (found["confidence"], meet, found["signals"])
    if best is None:
        meet_id = schema.create_meet(db, {**meet_values([doc]), "source": source})
        signals: dict[str, Any] = {"new": "no meet of its year matches"}
        if barred:
            signals["override"] = "not the same meet as " + ", ".join(map(str, sorted(barred)))
        confidence = 1.0
    else:
        confidence, meet, signals = best
        meet_id = meet["id"]
    schema.assign_document(db, doc_id, schema.get_meet(db, meet_id), confidence, signals)
    refresh(db, meet_id)
    return meet_id


def _overrides(db: sqlite_utils.Database, doc: dict[str, Any]) -> tuple[set[int], set[int]]:
    """The meets the user put this document in (``forced``) or out of (``barred``)."""
    forced: set[int] = set()
    barred: set[int] = set()
    rules = schema.meet_overrides(db, doc["url_key"])
    others = [
        r["document_b"] if r["document_a"] == doc["url_key"] else r["document_a"] for r in rules
    ]
    meets = schema.meets_of_keys(db, others)
    for rule, other in zip(rules, others, strict=True):
        meet_id = meets.get(other)
        if meet_id is not None:
            (forced if rule["same"] else barred).add(meet_id)
    return forced - barred, barred


def refresh(db: sqlite_utils.Database, meet_id: int) -> None:
    """A meet's name, dates and venue from its documents; a meet left without documents is
    deleted."""
    docs = schema.meet_documents(db, meet_id)
    if not any(d["meet_name"] for d in docs):
        schema.delete_meet(db, meet_id)
        return
    schema.update_meet(db, meet_id, meet_values(docs))
    meet = schema.get_meet(db, meet_id)
    assert meet is not None
    schema.refresh_meet_rows(db, meet)


# ---- articles ----------------------------------------------------------------------------------


def article_signals(article: dict[str, Any], meet: dict[str, Any], names: list[str]) -> dict:
    """How an article relates to a meet: its meet name (the page's event title) or headline,
    and the athletes its prose results name."""
    by_meet = max(
        (meet_name_match(article["meet_name"], n)[0] for n in names if n and article["meet_name"]),
        default=0.0,
    )
    headline = set(fold(article["headline"] or "").split())
    in_headline = any(n and set(fold(n).split()) <= headline and fold(n) for n in names)
    year_ok = meet["year"] is None or article["meet_year"] in (None, meet["year"])
    confidence = 0.0
    if year_ok and (by_meet >= NAME_MATCH or in_headline):
        confidence = 0.95 if by_meet >= NAME_MATCH else 0.8
    return {
        "confidence": confidence,
        "signals": {
            "meet name": round(by_meet, 3),
            "headline": in_headline,
            "published": article["published_at"],
        },
    }


def link_meet_articles(db: sqlite_utils.Database, meet_id: int) -> list[int]:
    """Store which articles cover a meet; returns their ids."""
    meet = schema.get_meet(db, meet_id)
    if meet is None:
        return []
    names = [meet["name"], *(d["meet_name"] for d in schema.meet_documents(db, meet_id))]
    names = list(dict.fromkeys(n for n in names if n))
    links = []
    for art in schema.articles_near(db, meet["date"], meet["end_date"], meet["year"], ARTICLE_DAYS):
        found = article_signals(art, meet, names)
        if found["confidence"]:
            links.append((art["id"], found["confidence"], found["signals"]))
    schema.set_meet_articles(db, meet_id, links)
    return [a for a, _, _ in links]


def link_article_meets(db: sqlite_utils.Database, article: dict[str, Any]) -> list[int]:
    """Store which meets an article covers; returns their ids."""
    links = []
    for meet in schema.meets_around(
        db, article["published_at"], article["meet_year"], ARTICLE_DAYS
    ):
        names = [meet["name"], *(d["meet_name"] for d in schema.meet_documents(db, meet["id"]))]
        found = article_signals(article, meet, list(dict.fromkeys(n for n in names if n)))
        if found["confidence"]:
            links.append((meet["id"], found["confidence"], found["signals"]))
    schema.set_article_meets(db, article["id"], links)
    return [m for m, _, _ in links]
