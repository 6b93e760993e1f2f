"""The parser audits itself: what any reader made of a document, held against the document.

``audit(units, doc)`` (pure) takes the document's units (its lines and table rows:
:func:`scraper.results.source.units_of`) and the ``ResultDoc`` a reader made of it:

* **coverage**: the share of result-like units (:mod:`scraper.results.resultlike`) that became
  rows, each row found by its ``Row.raw`` (:mod:`scraper.results.matching`: equal, within, by
  name); a unit that repeats a row read elsewhere (a team's scorers listed again under its score,
  a recap) counts as read;
* **checks** per section (:mod:`scraper.results.checks`): places in sequence, marks ordered with
  places, a mark or a status on every row, names that look like names, teams without marks or
  bibs; and every row must come from a unit of the document that looks like a result;
* **verdict**: ``unparsed`` (no rows; the reason), ``partial`` (coverage under
  ``MIN_COVERAGE``, or more than ``MAX_FLAGGED`` of the rows flagged; the reasons) or ``parsed``.
  The flags of every row that fails a check go with it into the archive.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from scraper.results import checks
from scraper.results.matching import Matcher, squeeze
from scraper.results.model import ResultDoc
from scraper.results.resultlike import Unit, is_result

PARSED, PARTIAL, UNPARSED = "parsed", "partial", "unparsed"
MIN_COVERAGE = 0.95
MAX_FLAGGED = 0.02
NOT_RESULT = "not a result line"
NOT_FOUND = "raw not in the document"
SHOWN_MISSES = 5


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


@dataclass(slots=True)
class _Unit:
    text: str
    squeezed: str
    result_like: bool
    read: bool
    shown: str


def audit(units: Iterable[Unit], doc: ResultDoc) -> Audit:
    located = [(e, r, row) for e, ev in enumerate(doc.events) for r, row in enumerate(ev.rows)]
    rows = [row for _, _, row in located]
    matcher = Matcher(rows)
    source: dict[int, bool] = {}  # row -> read from a result-like unit
    pending: list[_Unit] = []  # units no raw equals (and every result-like unit)

    def placed(found: Iterable[int], like: bool) -> None:
        for n in found:
            source[n] = source.get(n, False) or like

    for unit in units:
        text = unit if isinstance(unit, str) else " ".join(unit)
        squeezed = squeeze(text)
        if not squeezed:
            continue
        like = is_result(unit)
        equal = matcher.equal(squeezed)
        placed(equal, like)
        if like or not equal:
            shown = unit if isinstance(unit, str) else " | ".join(unit)
            pending.append(_Unit(text, squeezed, like, bool(equal), shown))
    unplaced = {n for n in range(len(rows)) if n not in source}
    for u in pending:  # the slower ways, only where needed
        if unplaced and not u.read:
            found = matcher.within(u.text, u.squeezed, unplaced)
            placed(found, u.result_like)
            u.read = bool(found)
    if len(source) < len(rows):
        names = matcher.by_name({n for n in range(len(rows)) if n not in source})
        for u in pending:
            if not u.read and (n := names.take(u.text)) is not None:
                placed([n], u.result_like)
                u.read = True
    likes = [u for u in pending if u.result_like]
    unread = [u for u in likes if not (u.read or matcher.repeats(u.text))]
    missed = [u.shown for u in unread[:SHOWN_MISSES]]
    result_units, covered = len(likes), len(likes) - len(unread)
    row_flags = _check(doc)
    for n, (e, r, _) in enumerate(located):
        if n not in source:
            row_flags.setdefault((e, r), []).append(NOT_FOUND)
        elif not source[n] and "apart" not in rows[n].extra:  # (its result printed apart from it)
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
