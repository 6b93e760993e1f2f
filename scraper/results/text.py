"""Plain-text results: each text reader tried in turn (FinishLynx .lif, delimited, Hy-Tek, ``=====``
ruler layouts, tables copied one cell per line, one-value-per-line listings), the first that
yields rows wins, else the generic fallback (and, when it reads none, the same over results run
together in paragraphs: :mod:`scraper.results.agate`); a tab-separated text (a page copied with
its tabs, titles between its tables) is read by the general reader too, and the reading with more
sound rows wins (a comma- or semicolon-separated file is a table exported whole). HTML
``<pre>`` blocks and PDF text layers end up here too."""

from __future__ import annotations

from scraper.results import (
    agate,
    delimited,
    fallback,
    hytek,
    listing,
    mailheader,
    ruled,
    stacked,
    wrapped,
)
from scraper.results.blocks import without_splits
from scraper.results.columns import is_placeish
from scraper.results.dates import dayfirst_of
from scraper.results.entries import entry_list
from scraper.results.gutters import unfold_columns
from scraper.results.marks import looks_like_mark
from scraper.results.model import ResultDoc
from scraper.results.sections import meet_heading
from scraper.results.sidebyside import split_column, unfold
from scraper.results.teamlines import TEAM_TITLE


def parse_text(text: str, name: str | None = None) -> ResultDoc:
    """Plain text: try each text reader in turn; the first that yields rows wins.  A race's
    intermediate times printed after its results are no results (:func:`without_splits`)."""
    if _binary(text):
        return ResultDoc(format="text", error="binary data, no text (a format no reader knows)")
    doc = _read(text, name)
    doc.events = without_splits(doc.events)
    return refuse_entries(doc, text)


def refuse_entries(doc: ResultDoc, text: str) -> ResultDoc:
    """No rows from a start list or an entry list (:mod:`scraper.results.entries`): its reason."""
    if rows_in(doc) and (why := entry_list(text)) is not None:
        doc.events, doc.error = [], why
    return doc


def _read(text: str, name: str | None) -> ResultDoc:
    text = mailheader.without_header(text) or text  # an e-mail's: its subject, not its header
    text = wrapped.unwrapped(text) or text  # an e-mail's results, hard-wrapped at 72 columns
    if hytek.looks_like_hytek(text):  # Meet Manager's 'two column' print: one, then the other
        text = "\f".join("\n".join(unfold_columns(p.split("\n"))) for p in text.split("\f"))
        if any(_twice(ln) for ln in text.split("\n")):  # two events side by side: one, then
            text = "\n".join(unfold(text.split("\n")))  # the other
    readers = [
        (lambda: delimited.looks_like_lif(text, name), delimited.parse_lif),
        (lambda: delimited.looks_delimited(text), delimited.parse_delimited),
        (lambda: hytek.looks_like_hytek(text), hytek.parse),
        (lambda: ruled.looks_ruled(text), ruled.parse),
        (lambda: True, stacked.parse),
        (lambda: True, listing.parse),
    ]
    for looks, parse in readers:
        if looks():
            doc = parse(text)
            if rows_in(doc):
                if parse is delimited.parse_delimited and delimited.tabbed(text):  # a page
                    general = fallback.parse(text)  # with titles and tables: the general too
                    if delimited.page_copy(text):  # (which reads a page's heading and prose)
                        doc.meet = general.meet
                    doc = general if sound_rows(general) > sound_rows(doc) else doc
                elif parse is ruled.parse and _team_title(text):  # teams under no ruler, or
                    general = fallback.parse(text)  # the runners under another: the general
                    if sound_rows(general) > sound_rows(doc):  # reader reads them
                        doc = general
                    _add_teams(doc, general)
                elif parse is stacked.parse and _fuller(other := listing.parse(text), doc):
                    doc = other  # an app's listing: its avatars' initials are no names
                doc.text = text
                return doc
    named = agate.unfold_named(text)  # 'Girls 3200: Ana Ruiz (Springfield) 11:02.4, ...'
    text = named or text
    doc = fallback.parse(text)
    doc.format = "agate" if named else doc.format
    rows = [r for e in doc.events if e.kind != "team_scores" for r in e.rows]
    unmarked = sum(r.mark is None and not r.status for r in rows)  # (misread: '100 m Men: 1. ...')
    runs = not rows or 2 * unmarked > len(rows) or named  # (a roundup: numbered ones too)
    if runs and (unfolded := agate.unfold(text)) is not None:
        listed = fallback.parse(unfolded)  # '1. Ann Lee (Ox AC) 10.32, 2. ...' run together
        if sound_rows(listed) > sound_rows(doc):
            listed.format, listed.text = "agate", unfolded
            return listed
    if not rows_in(doc):
        doc.error = doc.error or "no results layout recognised"
    doc.text = text
    return doc


def _twice(line: str) -> bool:
    """A column header printed twice on the line (two tables side by side)."""
    words = line.split()
    return len(set(words)) < len(words) and "  " in line and split_column(line) is not None


def _team_title(text: str) -> bool:
    """A line titling a team table ('Team Scores'): short, not a result line (opening with its
    place); looked for line by line, the search over a whole report costs more than its read."""
    for line in text.split("\n"):
        s = line.strip()
        if s and len(s) < 80 and not s[0].isdigit() and TEAM_TITLE.search(s):
            return True
    return False


def _fuller(doc: ResultDoc, than: ResultDoc) -> bool:
    """``doc`` reads more rows with a name, a team and a mark than ``than`` does."""

    def full(d: ResultDoc) -> int:
        return sum(bool(r.athlete and r.team and r.mark) for e in d.events for r in e.rows)

    return full(doc) > full(than)


def _add_teams(doc: ResultDoc, general: ResultDoc) -> None:
    if not any(e.kind == "team_scores" for e in doc.events):
        doc.events += [e for e in general.events if e.kind == "team_scores" and e.rows]


def heading_meet(doc: ResultDoc, text: str) -> None:
    """A text file's meet name and date from its heading, for the readers that read only its
    tables (ruled, stacked, listing), a PDF's text layer among them: the lines before the first
    result-like line. (A page has its own heading, read by its reader.)"""
    if doc.format not in _TABLE_ONLY or (doc.meet.name is not None and doc.meet.date is not None):
        return
    head: list[str] = []
    for line in text.split("\n")[:40]:
        words = line.split()
        if words and is_placeish(words[0]) and any(looks_like_mark(w) for w in words[1:]):
            break
        head.append(line)
    doc.meet.fill(meet_heading(head, dayfirst_of(text)))


_TABLE_ONLY = frozenset({"ruled", "stacked", "listing"})


def rows_in(doc: ResultDoc) -> int:
    return sum(len(e.rows) for e in doc.events)


def _binary(text: str) -> bool:
    """Control characters in more than a tenth of the first 4 KB: bytes that are no text."""
    head = text[:4096]
    controls = sum(1 for ch in head if ch < " " and ch not in "\t\n\r\f")
    return controls * 10 > len(head)


def sound_rows(doc: ResultDoc) -> int:
    """Rows naming someone in words (not a number) with a mark or a status that reads: of two
    readings of one text, the one with more is the better."""
    n = 0
    for ev in doc.events:
        for r in ev.rows:
            name = r.athlete or r.team or ""
            if any(ch.isalpha() for ch in name) and (r.mark is not None or r.status):
                n += 1
    return n
