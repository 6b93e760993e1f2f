"""What a sitemap or feed said about an article (``Page.meta`` hints from the ``news`` spider) as
fallbacks for what the page itself does not state (pure).

* ``published`` (``news:publication_date``, RSS ``pubDate``, Atom ``published``) becomes
  ``published_raw`` when the parser found no date on the page, or only a guessed one (from the URL
  path or htmldate's text search); normalization then fills ``published_at`` from it;
* ``title`` (``news:title``, a feed item's title) becomes the headline when the page has none;
* ``timezone`` (the source's zone) is the zone naive dates are read in;
* ``parser``: the parser the source asks for (``parser_for_page``).

``Article.signals`` records each value that came from a hint, so ``extract --explain`` and the
archive's ``signals`` column tell a page date from a sitemap date.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from scraper.items import Article, Page
from scraper.parsers import parser_for, parser_named
from scraper.parsers.base import Parser

# Page dates that are guesses (a date in the URL path, htmldate's search of the text): a publisher's
# own news:publication_date or feed date is better evidence.
GUESSED_DATE_SIGNALS = frozenset({"url", "htmldate"})


def apply_hints(article: Article, meta: dict[str, Any] | None) -> Article:
    """``article`` with the page's hints filled in where it has nothing of its own."""
    if not meta:
        return article
    changes: dict[str, Any] = {}
    signals = dict(article.signals)
    published = meta.get("published")
    guessed = article.signals.get("published_raw") in GUESSED_DATE_SIGNALS
    if published and (guessed or not (article.published_raw or article.published_at)):
        changes["published_raw"] = str(published)
        signals["published_raw"] = "hint:sitemap/feed"
    title = meta.get("title")
    if title and not (article.headline or "").strip():
        changes["headline"] = str(title)
        signals["headline"] = "hint:sitemap/feed"
    if meta.get("timezone"):
        changes["timezone"] = str(meta["timezone"])
    if not changes:
        return article
    return dataclasses.replace(article, signals=signals, **changes)


def parser_for_page(page: Page) -> Parser:
    """The parser the page's source asks for (``Page.meta["parser"]``), else the one claiming its
    URL (``scraper.parsers.parser_for``), else the generic parser."""
    name = page.meta.get("parser") if page.meta else None
    return (parser_named(name) if name else None) or parser_for(page.url)
