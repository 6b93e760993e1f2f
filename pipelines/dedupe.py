"""DedupeStage: a content hash over an article's normalized text, compared with the stored one.

Outcomes: ``new`` (no article with this canonical URL), ``updated`` (its text changed: the old
text becomes a revision), ``unchanged`` (only ``last_seen`` moves). While ``meetarchive reparse``
rebuilds the archive, the first version of each stored article met in the run is ``rebuilt``
(its row is rewritten from the page, its revisions rebuilt by the versions that follow).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Self

from pipelines.context import Archive, archive_for
from pipelines.db import REVISION_FIELDS, find_article
from scraper.items import Article, Crawled

NEW, UPDATED, UNCHANGED, REBUILT = "new", "updated", "unchanged", "rebuilt"


def content_hash(article: Article) -> str:
    """sha1 over the text fields a revision keeps (headline, dek, authors, body, published_at)."""
    fields = {name: getattr(article, name) for name in REVISION_FIELDS}
    data = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def classify(stored_hash: str | None, new_hash: str, first_in_rebuild: bool = False) -> str:
    if stored_hash is None:
        return NEW
    if first_in_rebuild:
        return REBUILT
    return UNCHANGED if stored_hash == new_hash else UPDATED


class DedupeStage:
    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        return cls(archive_for(crawler))

    def process_item(self, item: Crawled) -> Crawled:
        art = item.article
        if art is None or item.reject:
            return item
        stored = find_article(self.archive.db, art.canonical_url)
        first = False
        if self.archive.rebuilt is not None:
            first = art.canonical_url not in self.archive.rebuilt
            self.archive.rebuilt.add(art.canonical_url)
        stored_hash = stored["content_hash"] if stored else None
        item.outcome = classify(stored_hash, content_hash(art), first)
        return item
