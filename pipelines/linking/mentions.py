"""Athletes named in articles (``athlete_mentions``).

An article's headline and body are read for names: runs of two to four capitalised words
("Josh Kerr", "Jakob Ingebrigtsen", "Marie-Josée Ta Lou"), and the athletes its prose results
name. A name is looked up by its key (every word folded and sorted, so "KERR, Josh" in a
results file and "Josh Kerr" in the text meet); when several athletes carry it, the one in a
meet the article covers is chosen (confidence 0.9), else the one with most results (0.5, the
others listed in its signals). An athlete named in full may then be named by surname alone
("Kerr crossed the line"): those mentions are kept too (``kind = "surname"``, 0.8).
"""

from __future__ import annotations

import json
import re
from typing import Any

import sqlite_utils

from pipelines import db as schema
from scraper.text.people import fold, parse_person

# Two to four capitalised words, particles allowed inside ("Sifan Hassan", "Femke Bol",
# "Mondo Duplantis", "Marie-Josée Ta Lou", "Ferdinand Omanyala", "Shelly-Ann Fraser-Pryce").
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_NAME = re.compile(
    rf"(?<![\w'’]){_CAP}(?:\s+(?:(?:de|da|di|van|von|der|den|le|la|del|ter|ten|bin)\s+)?{_CAP})"
    r"{1,3}"
)


def candidates(text: str) -> list[tuple[int, str]]:
    """(position, words) for every run of capitalised words in ``text``, and every run of two
    or three words within it ("Josh Kerr Grabs Lead" holds "Josh Kerr")."""
    out = []
    for m in _NAME.finditer(text):
        words = [(w.start(), w.group()) for w in re.finditer(r"\S+", m.group())]
        for size in range(min(4, len(words)), 1, -1):
            for i in range(len(words) - size + 1):
                start = m.start() + words[i][0]
                end = m.start() + words[i + size - 1][0] + len(words[i + size - 1][1])
                out.append((start, text[start:end].rstrip(".,'’")))
    return out


def _pick(
    found: list[int], in_meets: set[int], sizes: dict[int, int]
) -> tuple[int, float, dict[str, Any]]:
    if len(found) == 1:
        return found[0], 0.9, {}
    local = [a for a in found if a in in_meets]
    if len(local) == 1:
        return local[0], 0.9, {"chosen by": "a meet the article covers", "others": found}
    best = max(found, key=lambda a: (sizes.get(a, 0), -a))
    return best, 0.5, {"chosen by": "most results", "others": [a for a in found if a != best]}


def mentions_of(
    db: sqlite_utils.Database, article: dict[str, Any], meet_ids: list[int]
) -> list[dict[str, Any]]:
    """The athletes an article names, one mention per name and place."""
    text = f"{article['headline'] or ''}\n{article['body'] or ''}"
    in_meets = schema.athletes_of_meets(db, meet_ids)
    out: list[dict[str, Any]] = []
    covered: list[tuple[int, int]] = []
    named: dict[int, set[str]] = {}
    prose = [r.get("athlete") for r in _prose(article["results"])]
    names = [
        (position, words, name)
        for position, words in [*candidates(text), *((-1, p) for p in prose if p)]
        if (name := parse_person(words)) is not None
    ]
    known = schema.athletes_by_key(db, (n.key for _, _, n in names))
    for position, words, name in names:
        end = position + len(words)
        if position >= 0 and any(s <= position < e for s, e in covered):
            continue
        found = known.get(name.key)
        if not found:
            continue
        sizes = {a: (schema.get_athlete(db, a) or {}).get("results") or 0 for a in found}
        athlete_id, confidence, signals = _pick(found, in_meets, sizes)
        if position >= 0:
            covered.append((position, end))
        elif any(m["athlete_id"] == athlete_id for m in out):
            continue  # a prose result of someone the text names already
        kind = "text" if position >= 0 else "prose result"
        out.append(_mention(athlete_id, words, position, kind, confidence, signals))
        named.setdefault(athlete_id, set()).update(name.family)
    for athlete_id, families in named.items():
        for family in sorted(families):
            for m in re.finditer(rf"(?<!\w){re.escape(family)}(?!\w)", fold_keep(text)):
                if not any(s <= m.start() < e for s, e in covered):
                    word = text[m.start() : m.end()]
                    if word[:1].isupper():
                        out.append(_mention(athlete_id, word, m.start(), "surname", 0.8, {}))
    return sorted(out, key=lambda m: (m["position"], m["athlete_id"]))


def _prose(results: str | None) -> list[dict[str, Any]]:
    try:
        found = json.loads(results or "[]")
    except ValueError:
        return []
    return [r for r in found if isinstance(r, dict)] if isinstance(found, list) else []


def fold_keep(text: str) -> str:
    """``text`` folded letter by letter, positions kept (so a match points into ``text``)."""
    return "".join((fold(ch) or " ")[:1] if ch.isalpha() else " " for ch in text)


def _mention(
    athlete_id: int, name: str, position: int, kind: str, confidence: float, signals: dict
) -> dict[str, Any]:
    return {
        "athlete_id": athlete_id,
        "name": name,
        "position": position,
        "kind": kind,
        "confidence": confidence,
        "signals": signals,
    }


def link_mentions(db: sqlite_utils.Database, article_id: int) -> int:
    """Store the athletes an article names; returns how many mentions."""
    article = schema.article_for_linking(db, article_id)
    if article is None or not schema.has_athletes(db):
        return 0
    found = mentions_of(db, article, schema.article_meet_ids(db, article_id))
    schema.set_mentions(db, article_id, found)
    return len(found)
