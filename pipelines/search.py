"""Full-text search over the archive: whatever a person types becomes a safe FTS5 query.

The query language is a web-search one, never raw FTS5 syntax:

* words are all required: ``Kerr mile``; ``"British record"`` is a phrase (an unclosed quote runs
  to the end of the query); typographic quotes count as quotes;
* ``OR`` (or ``|``) between two terms: either of them; ``-word`` or ``NOT word`` excludes;
* ``word*`` matches words starting with ``word``;
* ``headline:kerr`` (also ``title:``, ``dek:``, ``author:``/``authors:``/``by:``, ``body:``) looks
  in one field only;
* everything else (hyphens, apostrophes, brackets, ``^``, ``:``, ``AND``, ``NEAR``...) is treated as
  punctuation between words: ``Jakob-Ingebrigtsen`` is the phrase "Jakob Ingebrigtsen".

Queries that hold nothing to look for raise :class:`SearchError` with a one-line message.
Ranking is bm25 with the headline weighted above the dek, authors and body (pipelines.db).
"""

from __future__ import annotations

import html
import re
import secrets
import sqlite3
import unicodedata
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

from pipelines.db import FTS_COLUMNS, fts_match, story_urls

MAX_QUERY_CHARS = 1000
MAX_TERMS = 64
COLUMN_ALIASES = {
    "title": "headline",
    "author": "authors",
    "by": "authors",
    "text": "body",
    **{c: c for c in FTS_COLUMNS},
}

_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»＂〝〞"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f()\[\]{}]")  # controls and brackets: spaces
_COLUMN_NAMES = "|".join(sorted(COLUMN_ALIASES, key=len, reverse=True))
_TOKEN = re.compile(  # a known field name may be followed by spaces: "body: kerr"
    rf'(?:\b(?P<col>(?i:{_COLUMN_NAMES}))\s*:\s*|(?P<other>\w+):)?(?P<text>"[^"]*"?|[^\s"]+)'
)
_WORD = re.compile(r"[^\W_]+")
_OR = {"OR", "|", "||"}
_IGNORED = {"AND", "&", "&&", "+", "NEAR"}


class SearchError(ValueError):
    """A query that cannot be searched; the message is one line, meant for the person typing."""


@dataclass
class Term:
    words: list[str]
    column: str | None = None
    prefix: bool = False
    negated: bool = False

    def fts(self) -> str:
        expr = '"' + " ".join(self.words) + '"' + (" *" if self.prefix else "")
        return f"{self.column} : {expr}" if self.column else expr


def _clean(query: str) -> str:
    if not isinstance(query, str):
        raise SearchError("The query must be text.")
    if len(query) > MAX_QUERY_CHARS:
        raise SearchError(f"Query too long ({len(query)} characters; at most {MAX_QUERY_CHARS}).")
    query = unicodedata.normalize("NFKC", query).translate(_QUOTES)
    return _CONTROL.sub(" ", query)


def _term(col: str | None, text: str) -> Term | None:
    """One typed token as a term, or None when it holds no word."""
    negated = False
    if text.startswith("-") and not text.startswith('-"') and len(text) > 1:
        negated, text = True, text[1:]
    quoted = text.startswith('"')
    prefix = not quoted and text.rstrip("^").endswith("*")
    column = COLUMN_ALIASES.get(col.lower()) if col else None
    words = _WORD.findall(text)
    if col and column is None:  # "10:30", "http://...": the part before ':' is words too
        words = _WORD.findall(col) + words
    if not words:
        return None
    return Term(words, column, prefix and bool(re.search(r"\w\*+\^?$", text)), negated)


def parse_query(query: str) -> tuple[list[list[Term]], list[Term]]:
    """(groups of alternatives that must all match, excluded terms)."""
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = pending_not = False
    cleaned = _clean(query)
    for m in _TOKEN.finditer(cleaned):
        col, text = m.group("col") or m.group("other"), m.group("text")
        if not col and text.endswith(":") and text[:-1].lower() in COLUMN_ALIASES:
            continue  # a field name with nothing after it
        if not col and text == "-" and cleaned[m.end() : m.end() + 1] == '"':
            pending_not = True  # -"a phrase"
            continue
        if not col and text in _OR:
            pending_or = bool(groups)
            continue
        if not col and (text in _IGNORED or text == "NOT"):
            pending_not = pending_not or text == "NOT"
            continue
        term = _term(col, text)
        if term is None:
            continue
        if term.negated or pending_not:
            term.negated = True
            excluded.append(term)
        elif pending_or:
            groups[-1].append(term)
        else:
            groups.append([term])
        pending_or = pending_not = False
    return groups, excluded


def to_fts(query: str) -> str:
    """The FTS5 expression for a typed query; SearchError when there is nothing to look for."""
    return _parsed(query)[2]


def _parsed(query: str) -> tuple[list[list[Term]], list[Term], str]:
    """The query's groups of alternatives, its excluded terms and its FTS5 expression."""
    groups, excluded = parse_query(query)
    count = sum(len(g) for g in groups) + len(excluded)
    if count > MAX_TERMS:
        raise SearchError(f"Too many search terms ({count}; at most {MAX_TERMS}).")
    if not groups:
        if excluded:
            raise SearchError("Give at least one word to look for: '-word' only excludes.")
        raise SearchError("Nothing to search for: type one or more words, e.g. Kerr mile.")
    expr = " AND ".join(_either([t.fts() for t in g]) for g in groups)
    for term in excluded:
        expr = f"({expr}) NOT {term.fts()}"
    return groups, excluded, expr


def _either(alternatives: list[str]) -> str:
    return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"


# Words so common that FTS5 reading their doclists costs more than the rest of a phrase (a
# million-row doclist for "the"): a phrase's candidates leave them out (see candidate_fts).
STOPWORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "with",
    }
)


def candidate_fts(query: str) -> str | None:
    """A cheaper FTS5 expression matching at least every article ``query`` matches, or None when
    there is none cheaper. Common words (STOPWORDS) are left out: a phrase holding them becomes
    its other words, in any order ("Dual in the Desert" -> "Dual" AND "Desert"), and a required
    common word, or a choice between words one of which is common, is dropped; so are excluded
    terms. Newest-first search walks the candidates and tests each against the query."""
    try:
        groups, _excluded, expr = _parsed(query)
    except SearchError:
        return None
    return _candidates(groups, expr)


def _candidates(groups: list[list[Term]], expr: str) -> str | None:
    def cheaper(term: Term) -> str | None:  # None: leaves out nothing worth reading
        rare = [w for w in term.words if w.casefold() not in STOPWORDS]
        if term.column or term.prefix or len(rare) == len(term.words):
            return term.fts()
        if not rare:
            return None
        return "(" + " AND ".join(f'"{w}"' for w in rare) + ")"

    parts = []
    for group in groups:
        alternatives = [cheaper(t) for t in group]
        if all(alternatives):
            parts.append(_either([str(a) for a in alternatives]))
    cheap = " AND ".join(parts)
    return cheap if parts and cheap != expr else None


def search(
    db: sqlite_utils.Database,
    query: str,
    limit: int = 20,
    mark: tuple[str, str] = ("<mark>", "</mark>"),
    order: str = "rank",
) -> list[dict[str, Any]]:
    """Articles matching ``query``, best first (``order="newest"``: newest first): id,
    canonical_url (the key), url (the address it was fetched from), headline, authors (list),
    published_at, meet_name, snippet (hits between
    ``mark``) and score (bm25, lower is better). A common query is ranked within its newest-stored
    matches (``pipelines.db.RANK_WINDOW``); one matching a large share of the archive
    (``COMMON_MATCHES``) puts headline/dek hits first without bm25 (score None). So searching
    stays fast at millions of rows.

    A story held more than once (the same text on several sites, ``pipelines.stories``) is one
    hit, its best-matching article, with ``story_id``, ``also_on`` (the addresses of the story's
    other articles, the original first) and ``other_sites`` (how many sites they are on besides
    the hit's own)."""
    if limit < 1:
        raise SearchError("The limit must be at least 1.")
    groups, _excluded, fts_query = _parsed(query)
    markup = mark[0].lstrip().startswith("<")  # HTML marks: the snippet is HTML, text escaped
    sentinels = _sentinels()
    try:
        hits = fts_match(
            db,
            fts_query,
            limit,
            sentinels if markup else mark,
            order,
            _candidates(groups, fts_query) if order == "newest" else None,
        )
    except sqlite3.OperationalError as exc:  # a safety net: sanitised queries should not fail
        raise SearchError(f"Cannot search for {query!r}: {exc}".replace("\n", " ")) from exc
    if markup:
        for hit in hits:
            hit["snippet"] = _html_snippet(hit["snippet"], mark, sentinels)
    _add_stories(db, hits)
    return hits


def _sentinels() -> tuple[str, str]:
    """Marks FTS5 puts around hits before the snippet is escaped: made of a random token for each
    search, so no stored text (crawled, or of an archive written before control characters were
    cleaned from it) can hold one and add a mark of its own."""
    token = secrets.token_hex(8)
    return f"\x02{token}\x03", f"\x02/{token}\x03"


def site_of(url: str) -> str:
    """The site of an address: its host (and port), lower-cased, without a leading ``www.``."""
    netloc = urlsplit(url).netloc.lower().rpartition("@")[2]
    return netloc.removeprefix("www.")


def _add_stories(db: sqlite_utils.Database, hits: list[dict[str, Any]]) -> None:
    members = story_urls(db, [hit["story_id"] for hit in hits])
    for hit in hits:
        others = [url for i, url in members.get(hit["story_id"], []) if i != hit["id"]]
        own = site_of(hit["url"] or hit["canonical_url"])
        hit["also_on"] = others
        hit["other_sites"] = len({site_of(url) for url in others} - {own})


def story_note(hit: dict[str, Any]) -> str | None:
    """ "also on 2 sites (a.com, b.org)" for a hit whose story is held more than once."""
    others = hit.get("also_on") or []
    if not others:
        return None
    own = site_of(hit["url"] or hit["canonical_url"])
    sites = sorted({site_of(url) for url in others} - {own})
    if not sites:
        n = len(others)
        return f"also at {n} other address{'es' if n > 1 else ''} on this site"
    return f"also on {len(sites)} site{'s' if len(sites) > 1 else ''} ({', '.join(sites)})"


def _html_snippet(
    snippet: str | None, mark: tuple[str, str], sentinels: tuple[str, str]
) -> str | None:
    """A snippet whose page text is HTML-escaped (a page's "<script>" stays text wherever the
    snippet is shown as HTML) and whose hits are between ``mark``."""
    if snippet is None:
        return None
    text = html.escape(snippet, quote=False)
    return text.replace(sentinels[0], mark[0]).replace(sentinels[1], mark[1])


def format_hits(hits: list[dict[str, Any]]) -> str:
    """Plain-text results for a terminal: headline, date/authors/meet, URL, snippet. The URL is
    the address the article was fetched from (its key may be no page, see
    ``scraper.parsers.keys.canonical_url``)."""
    lines = []
    for n, hit in enumerate(hits, 1):
        about = [(hit["published_at"] or "")[:10], ", ".join(hit["authors"]), hit["meet_name"]]
        lines.append(f"{n}. {hit['headline']}")
        lines.append("   " + " · ".join(a for a in about if a))
        lines.append(f"   {hit['url'] or hit['canonical_url']}")
        note = story_note(hit)
        if note:
            lines.append(f"   {note}")
        lines.append("   " + " ".join((hit["snippet"] or "").split()))
    return "\n".join(lines)
