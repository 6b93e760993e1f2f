"""The parser audits itself: what any reader made of a document, held against the document.

``audit(units, doc)`` (pure) takes the document's units (its lines and table rows:
:func:`scraper.results.source.units_of`) and the ``ResultDoc`` a reader made of it:

* **coverage**: the share of result-like units (:mod:`scraper.results.resultlike`) that became
  rows. A row's unit is found by ``Row.raw`` (the line, or the cells in order, as the document
  holds them): equal, or a part of it in order (a table row with hidden cells, a line holding two
  results), or one line of a row read from several. A unit that repeats a row read elsewhere (a
  team's scorers listed again under its score, a recap) counts as read: it holds that row's name
  and mark;
* **checks** per section (:mod:`scraper.results.checks`): places in sequence, marks ordered with
  places, a mark or a status on every row, names that look like names, teams without marks or
  bibs; and every row must come from a unit of the document that looks like a result;
* **verdict**: ``unparsed`` (no rows; the reason), ``partial`` (coverage under
  ``MIN_COVERAGE``, or more than ``MAX_FLAGGED`` of the rows flagged; the reasons) or ``parsed``.
  The flags of every row that fails a check go with it into the archive.
"""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from scraper.results import checks
from scraper.results.model import ResultDoc, Row
from scraper.results.resultlike import Unit, is_result

PARSED, PARTIAL, UNPARSED = "parsed", "partial", "unparsed"
MIN_COVERAGE = 0.95
MAX_FLAGGED = 0.02
NOT_RESULT = "not a result line"
NOT_FOUND = "raw not in the document"
SHOWN_MISSES = 5

_RUN = re.compile(r"[^\W\d_]{2,}")  # a run of letters: a name's word, robust to spacing
_TAG = re.compile(r"<[^>]*>")


@dataclass(slots=True)
class Audit:
    verdict: str
    coverage: float | None  # None: the document holds no result-like unit
    result_units: int
    covered: int
    rows: int
    flagged: int
    reasons: list[str] = field(default_factory=list)
    # (index of the event in doc.events, index of the row in it) -> flags
    row_flags: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)  # the first result-like units read as no row


_DROP = str.maketrans("", "", ',;|"')


def squeeze(text: str) -> str:
    """Text without spaces and separators: how a unit and a raw are compared, so that a reader
    may space or split cells its own way."""
    return "".join(text.split()).translate(_DROP)


def _raw_pieces(raw: str | list[str] | None) -> list[str]:
    """A row's raw as pieces of text: its cells, or its line(s); markup (an XML element) as its
    text."""
    if raw is None:
        return []
    pieces = [raw] if isinstance(raw, str) else [str(p) for p in raw]
    return [html.unescape(_TAG.sub(" ", p)) if p.lstrip().startswith("<") else p for p in pieces]


def _in_order(pieces: list[str], text: str) -> bool:
    at = 0
    for piece in pieces:
        found = text.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def _longest(runs: list[str]) -> str:
    return max(runs, key=len)


class _Matcher:
    """Finds the rows each unit became, by their raw: equal first (dictionaries); the indexes
    for the slower ways (a raw's cells in order within a unit, a unit repeating a row) are built
    when a unit first needs them."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.rows = rows
        self.pieces: list[list[str]] = []
        self.whole: dict[str, list[int]] = defaultdict(list)
        self.parts: dict[str, list[int]] = defaultdict(list)
        for n, row in enumerate(rows):
            raw = _raw_pieces(row.raw)
            squeezed = [sq for sq in map(squeeze, raw) if sq]
            self.pieces.append(squeezed)
            if not squeezed:
                continue
            whole = "".join(squeezed)
            self.whole[whole].append(n)
            parts = set(squeezed)
            parts.update(squeeze(ln) for p in raw if "\n" in p for ln in p.splitlines())
            parts.discard(whole)
            parts.discard("")
            for part in parts:
                self.parts[part].append(n)
        self._by_run: dict[str, list[int]] | None = None
        self._by_name: dict[str, list[int]] | None = None

    def equal(self, squeezed: str) -> list[int]:
        """The rows whose raw, or one line or cell of it, is the unit (squeezed)."""
        return self.whole.get(squeezed) or self.parts.get(squeezed) or []

    def within(self, text: str, squeezed: str) -> list[int]:
        """The rows whose raw's cells or lines all stand, in order, within the unit."""
        if self._by_run is None:
            self._by_run = self._index_by_rarest_run()
        return [
            n
            for run in set(_RUN.findall(text))
            for n in self._by_run.get(run, ())
            if _in_order(self.pieces[n], squeezed)
        ]

    def _index_by_rarest_run(self) -> dict[str, list[int]]:
        runs = [set(_RUN.findall(" ".join(_raw_pieces(row.raw)))) for row in self.rows]
        counts = Counter(r for found in runs for r in found)
        index: dict[str, list[int]] = defaultdict(list)
        for n, found in enumerate(runs):
            if found:
                index[min(found, key=lambda r: (counts[r], -len(r)))].append(n)
        return index

    def repeats(self, text: str) -> bool:
        """Whether the unit repeats a row read elsewhere (that row's name and mark are in it), or
        lists the legs of a relay read with their names."""
        if self._by_name is None:
            self._by_name = self._index_by_name()
        runs = set(_RUN.findall(text.casefold()))
        squeezed = squeeze(text)
        for run in runs:
            for n in self._by_name.get(run, ()):
                row = self.rows[n]
                name = _RUN.findall((row.athlete or row.team or "").casefold())
                if set(name) <= runs and squeeze(row.mark_raw or "-") in squeezed:
                    return True
                for member in row.relay_members:
                    legs = _RUN.findall(str(member.get("athlete") or "").casefold())
                    if legs and set(legs) <= runs:
                        return True
        return False

    def _index_by_name(self) -> dict[str, list[int]]:
        """Rows by the longest word of their name and of each relay member's name."""
        index: dict[str, list[int]] = defaultdict(list)
        for n, row in enumerate(self.rows):
            names = [row.athlete or row.team or ""] if row.mark_raw else []
            names += [str(m.get("athlete") or "") for m in row.relay_members]
            for name in names:
                if runs := _RUN.findall(name.casefold()):
                    index[_longest(runs)].append(n)
        return index


def audit(units: Iterable[Unit], doc: ResultDoc) -> Audit:
    located = [(e, r, row) for e, ev in enumerate(doc.events) for r, row in enumerate(ev.rows)]
    rows = [row for _, _, row in located]
    matcher = _Matcher(rows)
    source: dict[int, bool] = {}  # row -> read from a result-like unit
    pending = []  # units no raw equals: (text, squeezed, result-like)
    for unit in units:
        text = unit if isinstance(unit, str) else " ".join(unit)
        squeezed = squeeze(text)
        if not squeezed:
            continue
        like = is_result(unit)
        equal = matcher.equal(squeezed)
        for n in equal:
            source[n] = source.get(n, False) or like
        if like or not equal:
            pending.append((unit, text, squeezed, like, bool(equal)))
    result_units = covered = 0
    missed: list[str] = []
    for unit, text, squeezed, like, read in pending:  # the slower ways, only where needed
        if not read and (like or len(source) < len(rows)):  # rows still unplaced
            for n in matcher.within(text, squeezed):
                source[n] = source.get(n, False) or like
                read = True
        if not like:
            continue
        result_units += 1
        if read or matcher.repeats(text):
            covered += 1
        elif len(missed) < SHOWN_MISSES:
            missed.append(unit if isinstance(unit, str) else " | ".join(unit))
    row_flags = _check(doc)
    for n, (e, r, _) in enumerate(located):
        if n not in source:
            row_flags.setdefault((e, r), []).append(NOT_FOUND)
        elif not source[n]:
            row_flags.setdefault((e, r), []).append(NOT_RESULT)
    result = Audit(
        verdict=PARSED,
        coverage=covered / result_units if result_units else None,
        result_units=result_units,
        covered=covered,
        rows=len(rows),
        flagged=len(row_flags),
        row_flags=row_flags,
        missed=missed,
    )
    _verdict(result, doc)
    return result


def _check(doc: ResultDoc) -> dict[tuple[int, int], list[str]]:
    flags: dict[tuple[int, int], list[str]] = defaultdict(list)
    habits = checks.name_habits([r.athlete for ev in doc.events for r in ev.rows])
    for e, ev in enumerate(doc.events):
        for section in checks.sections(ev.rows):
            for r in checks.place_sequence(ev.rows, section):
                flags[(e, r)].append(checks.PLACE)
            for r in checks.mark_order(ev.rows, section):
                flags[(e, r)].append(checks.ORDER)
        for r, row in enumerate(ev.rows):
            for flag in (
                checks.mark_flag(row, ev.kind),
                checks.athlete_flag(row.athlete, ev.kind, habits),
                checks.team_flag(row.team),
            ):
                if flag:
                    flags[(e, r)].append(flag)
    return dict(flags)


def _verdict(result: Audit, doc: ResultDoc) -> None:
    if not result.rows:
        result.verdict = UNPARSED
        reason = doc.error or "no result rows found"
        if result.result_units:
            reason += f" ({result.result_units} lines look like results)"
        result.reasons.append(reason)
        return
    if result.coverage is not None and result.coverage < MIN_COVERAGE:
        result.reasons.append(
            f"coverage {result.coverage:.2f}: {result.result_units - result.covered} of "
            f"{result.result_units} result lines gave no row"
        )
    too_many = result.flagged > max(1, MAX_FLAGGED * result.rows)
    if result.flagged:
        counts = Counter(f for fl in result.row_flags.values() for f in fl)
        result.reasons.append(
            f"{result.flagged} of {result.rows} rows flagged: "
            + ", ".join(f"{n} {flag}" for flag, n in counts.most_common())
        )
    if too_many or (result.coverage is not None and result.coverage < MIN_COVERAGE):
        result.verdict = PARTIAL


def audit_document(data: bytes | str, doc: ResultDoc) -> Audit:
    """The audit of ``doc``, read from the document ``data``."""
    from scraper.results.source import units_of

    return audit(units_of(data, doc), doc)
