"""Which rows a document's units became, for the audit (:mod:`scraper.results.audit`): each row
is found by its ``Row.raw`` (the line or lines, or the cells in order, as the document holds
them), whatever reader read it.

Units and raws are compared *squeezed* (spaces and the separators ``, ; | "`` taken out), so a
reader may space, split or join cells its own way. In order of cost:

* **equal**: the raw, or one line or cell of it (a row read from several lines), is the unit;
* **within**: the raw's cells or lines all stand, in order, within the unit (a table row whose
  hidden cells the reader left out, a line holding two results);
* **by name**: a row still unplaced belongs to the first unplaced unit holding every word of its
  name (athlete, else team) and its place: a reader that keeps cells as shown (a spreadsheet's
  formatted times) or a structure's own text (a JSON object) rather than the unit's text;
* **repeats**: a unit that repeats a row placed elsewhere (its name and mark), or lists the legs
  of a relay read with their names, counts as read, though it became no row of its own.

A raw that is markup (an XML element) is compared by its text, one that is a JSON object by its
values.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from scraper.results.model import Row

_RUN = re.compile(r"[^\W\d_]{2,}")  # a run of letters: a name's word, whatever the spacing
_TAG = re.compile(r"<[^>]*>")


def squeeze(text: str) -> str:
    """Text without spaces and separators: how a unit and a raw are compared."""
    out = "".join(text.split())
    for separator in (",", ";", "|", '"'):
        if separator in out:
            out = out.replace(separator, "")
    return out


def json_values(obj: dict[str, Any], out: list[str], lists: list[Any] | None = None) -> list[str]:
    """An object's scalar values, its nested objects' too, in order; the lists it holds go to
    ``lists`` (each of their objects is a unit of its own)."""
    for value in obj.values():
        if isinstance(value, dict):
            json_values(value, out, lists)
        elif isinstance(value, list):
            if lists is not None:
                lists.append(value)
        elif value is not None and not isinstance(value, bool):
            out.append(" ".join(str(value).split()))
    return out


def raw_pieces(raw: str | list[str] | None) -> list[str]:
    """A row's raw as pieces of text: its cells, or its line(s)."""
    if raw is None:
        return []
    pieces = [raw] if isinstance(raw, str) else [str(p) for p in raw]
    if not any("<" in p or "{" in p for p in pieces):
        return pieces
    out: list[str] = []
    for piece in pieces:
        head = piece.lstrip()[:1]
        if head == "<":
            out.append(html.unescape(_TAG.sub(" ", piece)))
        elif head == "{" and isinstance(obj := _json(piece), dict):
            out += json_values(obj, [])
        else:
            out.append(piece)
    return out


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _in_order(pieces: list[str], text: str) -> bool:
    at = 0
    for piece in pieces:
        found = text.find(piece, at)
        if found < 0:
            return False
        at = found + len(piece)
    return True


def _name_runs(row: Row) -> list[str]:
    return _RUN.findall((row.athlete or row.team or "").casefold())


class Matcher:
    """The rows of one document, found by the units they came from. The dictionaries of equal
    raws are built at once; the indexes of the slower ways when a unit first needs them."""

    def __init__(self, rows: Sequence[Row]) -> None:
        self.rows = rows
        self.pieces: list[list[str]] = []
        self.whole: dict[str, list[int]] = defaultdict(list)
        self.parts: dict[str, list[int]] = defaultdict(list)
        for n, row in enumerate(rows):
            raw = raw_pieces(row.raw)
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

    def within(self, text: str, squeezed: str, unplaced: set[int]) -> list[int]:
        """The rows whose raw's cells or lines all stand, in order, within the unit, among the
        rows ``unplaced`` when first asked (a row whose raw equals a unit came from that
        one)."""
        if self._by_run is None:
            self._by_run = self._index_by_rarest_run(unplaced)
        return [
            n
            for run in set(_RUN.findall(text))
            for n in self._by_run.get(run, ())
            if _in_order(self.pieces[n], squeezed)
        ]

    def _index_by_rarest_run(self, rows: set[int]) -> dict[str, list[int]]:
        runs = {n: set(_RUN.findall(" ".join(raw_pieces(self.rows[n].raw)))) for n in rows}
        counts = Counter(r for found in runs.values() for r in found)
        index: dict[str, list[int]] = defaultdict(list)
        for n, found in sorted(runs.items()):
            if found:
                index[min(found, key=lambda r: (counts[r], -len(r)))].append(n)
        return index

    def by_name(self, unplaced: set[int]) -> NameIndex:
        return NameIndex(self.rows, unplaced)

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
                if set(_name_runs(row)) <= runs and squeeze(row.mark_raw or "-") in squeezed:
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
                    index[max(runs, key=len)].append(n)
        return index


class NameIndex:
    """Rows no raw placed, each given to the first unit holding every word of its name and its
    place (one row, one unit)."""

    def __init__(self, rows: Sequence[Row], unplaced: set[int]) -> None:
        self.rows = rows
        self.index: dict[str, list[int]] = defaultdict(list)
        for n in sorted(unplaced):
            if runs := _name_runs(rows[n]):
                self.index[max(runs, key=len)].append(n)

    def take(self, text: str) -> int | None:
        if not self.index:
            return None
        runs = set(_RUN.findall(text.casefold()))
        tokens = {t.rstrip(".)") for t in text.split()}
        for run in runs:
            for n in self.index.get(run, ()):
                row = self.rows[n]
                if set(_name_runs(row)) <= runs and (row.place is None or str(row.place) in tokens):
                    self.index[run].remove(n)
                    return n
        return None
