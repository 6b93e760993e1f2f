"""What a sitemap or feed said about an article (``Page.meta`` hints from the ``news`` spider) as
fallbacks for what the page itself does not state (pure).

* ``published`` (``news:publication_date``, RSS ``pubDate``, Atom ``published``) becomes
  ``published_raw`` when the parser found no date on the page; normalization then fills
  ``published_at`` from it like from any page date;
* ``title`` (``news:title``, a feed item's title) becomes the headline when the page has none;
* ``timezone`` (the source's zone) is the zone naive dates are read in;
* ``parser``: the parser the source asks for (``parser_for_page``).

``Article.signals`` records each value that came from a hint, so ``extract --explain`` and the
archive's ``signals`` column tell a page date from a sitemap date.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from scraper.items import Article


def apply_hints(article: Article, meta: dict[str, Any] | None) -> Article:
    """``article`` with the page's hints filled in where it has nothing of its own."""
    if not meta:
        return article
    changes: dict[str, Any] = {}
    signals = dict(article.signals)
    published = meta.get("published")
    if published and not article.published_raw and not article.published_at:
        changes["published_raw"] = str(published)
        signals["published"] = "hint:sitemap/feed"
    title = meta.get("title")
    if title and not (article.headline or "").strip():
        changes["headline"] = str(title)
        signals["headline"] = "hint:sitemap/feed"
    if meta.get("timezone"):
        changes["timezone"] = str(meta["timezone"])
    if not changes:
        return article
    return dataclasses.replace(article, signals=signals, **changes)
