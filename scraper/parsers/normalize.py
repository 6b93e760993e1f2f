"""Raw article fields -> normalized values, beside the raw ones (pure: no clock, no network).

* ``published_at`` / ``modified_at``: ISO-8601 with offset, from ``published_raw`` /
  ``modified_raw``; naive times are in the ``timezone`` argument, else ``article.timezone``,
  else UTC; never after ``fetched_at``.
* ``authors``: people only (outlets, agencies, roles, e-mail addresses dropped; joint names split);
  from ``byline_raw`` when the parser found no list.
* ``agencies``: the news agencies the author list or byline credits ("AP", "dpa"), kept apart.
* whitespace: single spaces in headline/dek; body paragraphs separated by exactly one blank line;
  control characters as spaces, and the hit markers ⟦ ⟧ of the canned queries' snippets written as
  〚 〛, from headline, dek, authors and body (the full-text columns).
* ``word_count`` of the body.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import UTC, datetime

from scraper.items import Article
from scraper.results.prose import results_from_text
from scraper.text.authors import agencies_in, clean_authors, split_byline
from scraper.text.dates import parse_date

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Control characters are no text (a terminal acts on them: scraper.text.terminal): each becomes a
# space (several are whitespace to str.split already; tab, newline, carriage return are kept).
# The brackets ⟦ ⟧ mark search hits in the snippets of the Datasette canned queries
# (datasette/metadata.yml): as the look-alikes 〚 〛, crawled text never holds one.
_CLEANED = {
    **_INVISIBLE,
    **dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)], " "),
    ord("⟦"): "〚",
    ord("⟧"): "〛",
}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WORD = re.compile(r"\w+(?:[’'.:,\-]\w+)*")


def clean_line(text: str | None) -> str | None:
    """One line of text: NFC, invisible characters out, whitespace runs as single spaces."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text).translate(_CLEANED)
    return " ".join(text.split()) or None


def clean_body(text: str | None) -> str | None:
    """Paragraphs separated by exactly one blank line; lines inside a paragraph kept, trimmed."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text).translate(_CLEANED)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = []
    for para in _PARAGRAPH_BREAK.split(text):
        # a line holds no newline: its whitespace runs (NBSP and friends included) become one space
        lines = [" ".join(line.split()) for line in para.split("\n")]
        para = "\n".join(line for line in lines if line)
        if para:
            paragraphs.append(para)
    return "\n\n".join(paragraphs) or None


def word_count(text: str | None) -> int:
    """Words of running text ("Don’t" and "3:45.34" are one word each; "--" is none)."""
    return len(_WORD.findall(text)) if text else 0


def _fetched(fetched_at: str) -> datetime | None:
    try:
        dt = datetime.fromisoformat(fetched_at.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return None
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def _iso(
    raw: str | None, zone: str, not_after: datetime | None, languages: list[str] | None
) -> str | None:
    if not raw:
        return None
    dt = parse_date(raw, zone, not_after=not_after, languages=languages)
    return dt.isoformat(timespec="seconds") if dt else None


def normalize_article(article: Article, timezone: str | None = None) -> Article:
    """A normalized copy of ``article``; every raw field is kept as it was."""
    zone = timezone or article.timezone or "UTC"
    not_after = _fetched(article.fetched_at)
    lang = (article.language or "").split("-")[0].split("_")[0].lower()
    languages = [lang] if lang.isalpha() and len(lang) == 2 else None
    published_at = _iso(article.published_raw, zone, not_after, languages)
    modified_at = _iso(article.modified_raw, zone, not_after, languages)
    if published_at is None and article.published_raw is None:
        published_at = article.published_at
    if modified_at is None and article.modified_raw is None:
        modified_at = article.modified_at
    authors = clean_authors(article.authors)
    if not authors and article.byline_raw:
        authors = split_byline(article.byline_raw)[0]
    authors = [name for name in map(clean_line, authors) if name]
    agencies = article.agencies or agencies_in(article.authors, article.byline_raw)
    body = clean_body(article.body)
    results = article.results or (results_from_text(body) if body else [])
    return dataclasses.replace(
        article,
        timezone=zone,
        published_at=published_at,
        modified_at=modified_at,
        authors=authors,
        agencies=agencies,
        headline=clean_line(article.headline),
        dek=clean_line(article.dek),
        body=body,
        word_count=word_count(body),
        results=results,
    )
