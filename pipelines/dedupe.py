"""What an article is against the archive: the one place deciding ``new`` (no article with this
canonical URL), ``updated`` (its text changed: the old text becomes a revision) or ``unchanged``
(only ``last_seen`` moves). ``meetarchive reparse`` takes the same decisions against the articles
it is rebuilding (``pipelines.db.rebuild``). The store stage asks, under the write lock, so a
second writer storing the same article meanwhile is seen.
"""

from __future__ import annotations

import hashlib
import json

from pipelines.db import REVISION_FIELDS
from scraper.items import Article

NEW, UPDATED, UNCHANGED, REBUILT = "new", "updated", "unchanged", "rebuilt"


def content_hash(article: Article) -> str:
    """sha1 over the text fields a revision keeps (headline, dek, authors, body, published_at)."""
    fields = {name: getattr(article, name) for name in REVISION_FIELDS}
    data = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def outcome(stored_hash: str | None, new_hash: str) -> str:
    """The outcome of storing an article whose text hashes to ``new_hash`` where the archive holds
    ``stored_hash`` (None: no such article)."""
    if stored_hash is None:
        return NEW
    return UNCHANGED if stored_hash == new_hash else UPDATED
