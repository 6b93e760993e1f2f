"""Athlete identity: which athlete each result row of a document is.

Rows of one document with the same name and gender under one team (printed alike) are one
**entry** (a person listed in several events; a row without a team joins the entry with its
mark: a runner under the team scores and in the race). Each entry is compared with
the athletes found under its name keys (``scraper.text.people.PersonName.block_keys``: every
word sorted, family name + first initial) on signals that add up as log-odds, so each link says
why it was made (``results.athlete_signals``) and how sure it is (``results.athlete_confidence``,
the logistic of the sum):

===============  ===========================================================================
name             exact (any order, case, accents) +4; a spelling slip +2.5; initials, a given
                 name's short form or a name within a longer one +1.5; surname only +0.5
team             the same team in the same season +2.5, in another season +1.5; only other
                 teams -2.5, in the same season -3 (a team change, school -> college -> club,
                 is linked when the age agrees)
age              birth year, age, school grade or college class (or an age group in the event's
                 name) consistent +2, inconsistent -5 (classes advance with the season: a
                 junior of 2015 is a senior of 2016, a grade-12 pupil of spring 2018 a college
                 freshman of 2018-19)
gender           different -6
meet             the same mark in the same discipline of the same meet (one performance printed
                 twice) +5; another mark in the same round -3; another event of the meet +0.5
discipline       the athlete has results in this discipline +0.3
===============  ===========================================================================

from a prior of -2. The entry joins the best athlete at 0.5 or more; otherwise it is a new
athlete. An athlete with another entry in the same document is never a candidate. The user's
overrides (``athlete_overrides``) come first: "same" links to that row's athlete (confidence 1),
"different" rules an athlete out. Links below ``REVIEW_BELOW`` are listed for review
(``athlete_review``), with the runner-up when there was one; a new athlete's confidence is one
minus the closest candidate's probability, so a near miss is listed too.

Weights are chosen by hand from what each signal means (not fitted); they were adjusted while
the made-up cases of ``tests/test_athlete_identity.py`` and the truth of
``tests/truth/athletes.tsv`` (``bench/athletes.py``) were checked against them.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from pipelines import db as schema
from scraper.text.people import (
    PersonName,
    age_group_marks,
    fold,
    life_marks,
    life_match,
    name_match,
    parse_person,
    season_end,
    team_match,
    team_words,
)

PRIOR = -2.0
LINK_AT = 0.5
NAME_WEIGHTS = {
    "exact": 4.0,
    "spelling": 2.5,
    "initials": 1.5,
    "prefix": 1.5,
    "subset": 1.5,
    "surname only": 0.5,
}


@dataclass
class Entry:
    """One person as a document lists them: the rows, the name, team and gender."""

    name: PersonName
    team: str | None
    gender: str | None
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def raw(self) -> str:
        return str(self.rows[0]["athlete"])


def _joins(entry: Entry, row: dict[str, Any]) -> bool:
    return any(team_match(row["team"], r["team"])[0] > 0 for r in entry.rows if r["team"])


def entries_of(rows: list[dict[str, Any]]) -> list[Entry]:
    """A document's individual rows grouped by person: one name and gender under one team
    (printed alike: "Logan" and "Logan B", a name cut short); a row without a team joins the
    entry of its name whose row has the same mark (a runner listed under the team scores and
    in the individual results), else the only entry of its name, else one of its own."""
    by_name: dict[tuple, list[Entry]] = defaultdict(list)
    out: list[Entry] = []
    teamless = []
    for row in rows:
        name = parse_person(row["athlete"]) if row["kind"] != "relay" else None
        if name is None:
            continue
        if not row["team"] or not team_words(row["team"]):
            teamless.append((name, row))
            continue
        same = by_name[(name.key, row["gender"])]
        entry = next((e for e in same if _joins(e, row)), None)
        if entry is None:
            entry = Entry(name, row["team"], row["gender"])
            same.append(entry)
            out.append(entry)
        entry.rows.append(row)
    for name, row in teamless:
        same = by_name[(name.key, row["gender"])]
        marked = [e for e in same if any(r["mark"] == row["mark"] for r in e.rows)]
        entry = marked[0] if len(marked) == 1 else (same[0] if len(same) == 1 else None)
        if entry is None:
            entry = Entry(name, None, row["gender"])
            same.append(entry)
            out.append(entry)
        entry.rows.append(row)
    return out


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _team_signal(entry: Entry, season: int | None, profile: list[dict]) -> tuple[float, str]:
    best = (0.0, "unknown")
    seen_other = None
    for row in profile:
        score, how = team_match(entry.team, row["team"])
        if how == "unknown":
            continue
        same_season = season is not None and season_end(row["meet_date"]) == season
        if score > 0:
            weight = 2.5 if same_season else 1.5
            if weight > best[0]:
                best = (weight, f"{how}, {'same' if same_season else 'another'} season")
        elif seen_other is None or same_season:
            seen_other = same_season
    if best[0] > 0 or seen_other is None:
        return best
    return (-3.0, "other team, same season") if seen_other else (-2.5, "other team")


_CLASS = re.compile(r"^(FR|SO|JR|SR)\b|\b(FR|SO|JR|SR)$")


def life_of(row: dict[str, Any]) -> frozenset[tuple[str, int]]:
    """What a row says about a person's age: its year column (or a college class printed in
    the team or name column), else an age group in its event's name."""
    year = row["year"]
    if not year:
        for text in (row["team"] or "", row["athlete"] or ""):
            found = _CLASS.search(text.strip())
            if found:
                year = found.group(1) or found.group(2)
                break
    return life_marks(year, row["meet_date"]) or age_group_marks(row["event"], row["meet_date"])


def _life_signal(entry: Entry, profile: list[dict]) -> tuple[float, str]:
    mine = frozenset().union(*(life_of(r) for r in entry.rows))
    verdicts = {life_match(mine, life_of(r)) for r in profile} - {"unknown"}
    if "inconsistent" in verdicts:
        return -5.0, "inconsistent"
    return (2.0, "consistent") if verdicts else (0.0, "unknown")


def _meet_signal(entry: Entry, profile: list[dict]) -> tuple[float, str]:
    best = (0.0, "")
    for mine in entry.rows:
        for row in profile:
            if mine["meet_id"] is None or row["meet_id"] != mine["meet_id"]:
                continue
            same = row["discipline"] and row["discipline"] == mine["discipline"]
            if same and mine["mark"] is not None and row["mark"] is not None:
                if abs(mine["mark"] - row["mark"]) < 0.005:
                    return 5.0, "same performance in the meet"
                if mine["round"] and mine["round"] == row["round"]:
                    best = min(best, (-3.0, "another mark in the same round"))
                    continue
            if best[0] == 0.0:
                best = (0.5, "same meet")
    return best


def score(entry: Entry, name: PersonName, profile: list[dict]) -> tuple[float, dict[str, Any]]:
    """The probability that ``entry`` is the athlete whose rows are ``profile`` (and whose
    closest name is ``name``), and the signals behind it."""
    _, how = name_match(entry.name, name)
    signals: dict[str, Any] = {"name": how}
    total = PRIOR + NAME_WEIGHTS.get(how, -10.0)
    season = season_end(entry.rows[0]["meet_date"])
    for label, (weight, why) in (
        ("team", _team_signal(entry, season, profile)),
        ("age", _life_signal(entry, profile)),
        ("meet", _meet_signal(entry, profile)),
    ):
        if weight:
            signals[label] = why
            total += weight
    genders = {r["gender"] for r in profile if r["gender"]}
    if entry.gender and genders and entry.gender not in genders:
        signals["gender"] = "different"
        total -= 6.0
    disciplines = {r["discipline"] for r in profile if r["discipline"]}
    if any(r["discipline"] in disciplines for r in entry.rows if r["discipline"]):
        signals["discipline"] = "same discipline"
        total += 0.3
    return _sigmoid(total), signals


def display_name(names: list[str]) -> str:
    """An athlete's name to show: the first printed in "Given Family" case ("Josh Kerr"), else
    the first one turned round ("KERR, Josh" -> "Josh Kerr")."""
    for raw in names:
        if "," not in raw and not any(w.isupper() and len(w) > 1 for w in raw.split()):
            return raw
    first = parse_person(names[0])
    if first is None:
        return names[0]
    words = raw_words(names[0])
    family = [w for w in words if fold(w) in first.family]
    given = [w for w in words if w not in family]
    return " ".join([*given, *(w.title() if w.isupper() else w for w in family)]) or names[0]


def raw_words(raw: str) -> list[str]:
    return [w for w in raw.replace(",", " ").split() if any(ch.isalpha() for ch in w)]


class Linker:
    """Links the rows of documents to athletes, caching athletes' rows within one run."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.profiles: dict[int, list[dict[str, Any]]] = {}

    def profile(self, athlete_id: int) -> list[dict[str, Any]]:
        if athlete_id not in self.profiles:
            self.profiles[athlete_id] = schema.athlete_rows(self.db, athlete_id)
        return self.profiles[athlete_id]

    def link_document(self, doc_id: int, url_key: str) -> set[int]:
        """Link every individual row of a document; returns the athletes touched."""
        rows = schema.document_rows(self.db, doc_id)
        entries = entries_of(rows)
        forced, barred = self._overrides(url_key, entries)
        taken: set[int] = set()
        touched: set[int] = set()
        for entry in entries:
            athlete_id, confidence, signals = self._choose(entry, taken, forced, barred)
            if athlete_id is None:
                athlete_id = schema.create_athlete(
                    self.db, display_name([entry.raw]), entry.name.key
                )
                self.profiles[athlete_id] = []
            taken.add(athlete_id)
            touched.add(athlete_id)
            schema.link_rows(
                self.db, [r["id"] for r in entry.rows], athlete_id, confidence, signals
            )
            schema.add_keys(self.db, athlete_id, entry.name.block_keys())
            self.profiles.setdefault(athlete_id, []).extend(
                {**r, "athlete_id": athlete_id} for r in entry.rows
            )
        for athlete_id in touched:
            self.refresh(athlete_id)
        return touched

    def refresh(self, athlete_id: int) -> None:
        names = schema.athlete_names(self.db, athlete_id)
        schema.refresh_athlete(self.db, athlete_id, display_name(names) if names else "")

    def _choose(
        self, entry: Entry, taken: set[int], forced: dict, barred: dict
    ) -> tuple[int | None, float, dict[str, Any]]:
        key = (entry.raw, entry.team or "")
        if key in forced:
            return forced[key], 1.0, {"override": "same athlete"}
        candidates = [
            a
            for a in schema.athletes_with_keys(self.db, entry.name.block_keys())
            if a not in taken and a not in barred.get(key, set())
        ]
        scored: list[tuple[float, int, dict[str, Any]]] = []
        for athlete_id in candidates:
            profile = self.profile(athlete_id)
            names = [n for r in profile if (n := parse_person(r["athlete"])) is not None]
            if not names:
                continue
            closest = max(names, key=lambda n: name_match(entry.name, n)[0])
            probability, why = score(entry, closest, profile)
            scored.append((probability, -athlete_id, why))
        scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
        if not scored or scored[0][0] < LINK_AT:
            signals: dict[str, Any] = {"new": "no athlete matches"}
            if scored:
                p, athlete_id, why = scored[0]
                signals["closest"] = {"athlete_id": -athlete_id, "p": round(p, 3), "signals": why}
            if key in barred:
                signals["override"] = "not the same athlete"
            return None, 1.0 - (scored[0][0] if scored else 0.0), signals
        p, athlete_id, signals = scored[0]
        if len(scored) > 1:
            signals["runner-up"] = {"athlete_id": -scored[1][1], "p": round(scored[1][0], 3)}
        return -athlete_id, p, signals

    def _overrides(self, url_key: str, entries: list[Entry]) -> tuple[dict, dict]:
        """The user's rules for this document's people: (name, team) -> the athlete it is, and
        -> the athletes it is not (those of the other side's rows, where stored)."""
        forced: dict[tuple[str, str], int] = {}
        barred: dict[tuple[str, str], set[int]] = defaultdict(set)
        mine = {(e.raw, e.team or "") for e in entries}
        for rule in schema.athlete_overrides(self.db, url_key):
            for side, other in (("a", "b"), ("b", "a")):
                key = (rule[f"name_{side}"], rule[f"team_{side}"] or "")
                if rule[f"document_{side}"] != url_key or key not in mine:
                    continue
                rows = schema.rows_of_reference(
                    self.db, rule[f"document_{other}"], rule[f"name_{other}"], rule[f"team_{other}"]
                )
                ids = {r["athlete_id"] for r in rows if r["athlete_id"] is not None}
                if rule["same"] and ids:
                    forced[key] = min(ids)
                elif not rule["same"]:
                    barred[key] |= ids
        return forced, barred
