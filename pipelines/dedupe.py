"""What an article is against the archive: the one place deciding ``new`` (no article with this
canonical URL), ``updated`` (its text changed: the old text becomes a revision) or ``unchanged``
(only ``last_seen`` moves) or ``older`` (a page fetched before the stored version, with another
text: nothing changes). ``meetarchive reparse`` takes the same decisions against the articles
it is rebuilding (``pipelines.db.rebuild``). The store stage asks, under the write lock, so a
second writer storing the same article meanwhile is seen.
"""

from __future__ import annotations

import hashlib
import json

from pipelines.db import REVISION_FIELDS
from scraper.items import Article

NEW, UPDATED, UNCHANGED, OLDER, REBUILT = "new", "updated", "unchanged", "older", "rebuilt"


def content_hash(article: Article) -> str:
    """sha1 over the text fields a revision keeps (headline, dek, authors, body, published_at)."""
    fields = {name: getattr(article, name) for name in REVISION_FIELDS}
    data = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def outcome(stored_hash: str | None, new_hash: str, older: bool = False) -> str:
    """The outcome of storing an article whose text hashes to ``new_hash`` where the archive holds
    ``stored_hash`` (None: no such article); ``older``: the page was last fetched before the
    version the archive holds (a web archive imported late, or imported again): another text is
    then ``older`` and replaces nothing (its page is stored, so ``reparse`` puts it in the
    article's history)."""
    if stored_hash is None:
        return NEW
    if stored_hash == new_hash:
        return UNCHANGED
    return OLDER if older else UPDATED
