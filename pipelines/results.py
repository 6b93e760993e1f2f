"""ResultsStage: results pages and files (``Page.kind == "results"``) -> meets, events, result rows.

Runs after the store stage (the page row exists): parses the page's bytes with the pure results
parsers (``scraper.results``: Hy-Tek text and PDF, HTML tables, listings, ...) and stores the
document in one transaction, replacing what an earlier parse of the same page stored.  A document
that yields no rows is listed as unparsed with the reason (its raw bytes stay in ``pages``).
Blocked and failed responses are left to the reject stages.
"""

from __future__ import annotations

import logging
from typing import Any

from pipelines import db as schema
from pipelines.context import ArchiveStage
from pipelines.validate import page_reject
from scraper.items import Crawled, Page

logger = logging.getLogger(__name__)
STAT = "meetarchive/results/{}"


def parse_results_page(page: Page) -> dict[str, Any]:
    """The contract JSON of a results page's document (never raises)."""
    from scraper.results import parse_document, to_contract

    try:
        return to_contract(parse_document(page.body, page.url, page.url))
    except Exception as exc:  # a parser failure is recorded as the reason, never fatal
        logger.warning("results parse error on %s: %s", page.url, exc)
        return {"events": [], "_error": f"{type(exc).__name__}: {exc}"[:500]}


class ResultsStage(ArchiveStage):
    def process_item(self, item: Crawled) -> Crawled:
        page = item.page
        if page.kind != "results" or page_reject(page) is not None:
            return item
        doc = parse_results_page(page)
        with schema.write_transaction(self.db):
            page_id = schema.page_id_of(self.db, page)
            if page_id is None:
                logger.warning("results page not stored: %s", page.url)
                return item
            rows = schema.store_results(self.db, page_id, page.url, doc, page.fetched_at,
                                        page.source or None)
        if self.stats is not None:
            self.stats.inc_value(STAT.format("documents"))
            self.stats.inc_value(STAT.format("rows"), rows)
            if not rows:
                self.stats.inc_value(STAT.format("unparsed"))
        return item
