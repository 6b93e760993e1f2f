"""LinkStage: an article just stored is linked to the meets it covers and the athletes it names
(``pipelines.linking.link_article``). Results documents are linked by the results stage itself,
in the transaction that stores their rows.

Runs after the store stage: a new article may still wait in the store stage's open group, so it
is revealed first (``Archive.reveal``); the links are written in that same group's transaction.
Unchanged articles keep their links. While reparse rebuilds the articles aside, it links
them itself once they are swapped in. In an archive without meets there is nothing to link an
article to, and the stage leaves it alone (no reveal: the store stage's deferred group insert
stays whole); articles stored before a meet are linked when the meet is (``link_document``).
"""

from __future__ import annotations

from pipelines import db as schema
from pipelines import linking
from pipelines.context import ArchiveStage
from scraper.items import Crawled

LINKED = ("new", "updated", "rebuilt")


class LinkStage(ArchiveStage):
    def process_item(self, item: Crawled) -> Crawled:
        article = item.article
        if article is None or item.reject or item.outcome not in LINKED:
            return item
        if self.archive.rebuilding:
            return item  # reparse links every article once they are swapped in (pipelines.replay)
        if not schema.has_meets(self.db):
            return item  # nothing to link to (a news-only archive): the group stays deferred
        self.archive.reveal(article.canonical_url)
        found = schema.find_article(self.db, article.canonical_url)
        if found is not None:
            with schema.write_transaction(self.db):
                linking.link_article(self.db, found["id"])
        return item
