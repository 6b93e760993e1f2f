"""ResultsStage: results pages and files (``Page.kind == "results"``), and the results tables of
articles, -> meets, events, result rows.

Runs after the store stage (the page row exists): parses the page's bytes with the pure results
parsers (``scraper.results``: Hy-Tek text and PDF, HTML tables, listings, ...) and stores the
typed document in one write transaction (a savepoint of the store stage's open group, when there
is one, committed with it). A document that yields no rows is listed as unparsed with the reason
(its raw bytes stay in ``pages``). Blocked and failed responses are left to the reject stages.

Every document parsed is audited (``scraper.results.audit``: the share of its result-like lines
that became rows, consistency checks): the verdict (parsed, partial, unparsed), coverage and
reasons are stored with it, each row's failed checks with the row (``audit_flags``); the verdict
goes on the item (``Crawled.results_verdict``, for the run's alarm) and into the stats
(``meetarchive/results/audit/<verdict>``).

Nothing is stored twice (``pipelines.db.documents``): a document is keyed by
``scraper.parsers.keys.document_key`` (a results file by its canonical URL, host and port included;
a RunnerSpace Results page by its platform ids, whatever host served it) and holds the rows of its
latest-fetched version only:

* ``new``: a key never stored: parsed and stored;
* ``duplicate``: bytes identical to a document stored under another key (the same file from
  another host or port): listed, pointing to the document holding the rows; no rows added;
* ``older``: an older version than the one stored (an old web archive imported late): nothing;
* ``unchanged``: the same page again, or a newer version whose parse is identical: the rows stay
  (moved to the newer page);
* ``updated``: a newer version with other results: its rows replace the older version's;
* while rebuilding (``meetarchive reparse``) the page a document comes from is parsed again and
  its rows rewritten (``rebuilt``).

Pages are replayed by fetch time in ``reparse``, so the same decisions give the same documents.

An article whose body holds results tables (``Article.results_tables``: a meet report with its
results) gives one more document: the tables, each after the text that introduces it, under the
article's meet name (else its headline) and day, keyed by ``scraper.parsers.keys.tables_key`` of
the article's key and stored from the article's page row by the same rules (a newer version of
the article with the same tables: ``unchanged``; the same tables in another article, a syndicated
copy: ``duplicate``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import json
import logging
from typing import TYPE_CHECKING, Any

from pipelines import db as schema
from pipelines import linking
from pipelines.context import ArchiveStage
from pipelines.validate import page_reject
from scraper.items import Article, Crawled, Page
from scraper.parsers.keys import document_key, tables_key

if TYPE_CHECKING:
    from scraper.results.audit import Audit
    from scraper.results.model import ResultDoc

logger = logging.getLogger(__name__)
STAT = "meetarchive/results/{}"
NEW, DUPLICATE, OLDER, UNCHANGED, UPDATED, REBUILT = (
    "new",
    "duplicate",
    "older",
    "unchanged",
    "updated",
    "rebuilt",
)


def parse_results(data: bytes, url: str) -> ResultDoc:
    """The parsed document of a results page or file (never raises: a parser failure is the
    document's ``error``, recorded as the reason it has no rows)."""
    from scraper.results import ResultDoc, parse_document

    try:
        return parse_document(data, url, url)
    except Exception as exc:  # a parser failure is recorded as the reason, never fatal
        logger.warning("results parse error on %s: %s", url, exc)
        return ResultDoc(error=f"{type(exc).__name__}: {exc}"[:500])


def audit_results(data: bytes, url: str, doc: ResultDoc) -> Audit | None:
    """The audit of the document parsed from ``data`` (``scraper.results.audit``); None, logged,
    should the audit itself fail: the rows are stored all the same."""
    from scraper.results.audit import audit_document

    try:
        return audit_document(data, doc)
    except Exception as exc:  # an audit failure must not lose the document's rows
        logger.warning("results audit error on %s: %s", url, exc)
        return None


def tables_document(article: Article) -> bytes:
    """An article's results tables as one HTML results document: its meet name (else its
    headline) and day as the event they list."""
    meet = article.meet_name or article.headline or ""
    event: dict[str, Any] = {"@type": "SportsEvent", "name": meet}
    day = (article.published_at or "")[:10]
    if day:
        event["startDate"] = day
    ld = json.dumps(event, ensure_ascii=False).replace("</", "<\\/")
    title = html.escape(meet)
    body = "\n".join(article.results_tables)
    return (
        f'<!doctype html><html><head><title>{title}</title><script type="application/ld+json">'
        f"{ld}</script></head><body><h1>{title}</h1>\n{body}</body></html>"
    ).encode()


def parse_digest(doc: ResultDoc) -> str:
    """sha1 of a parsed document, every field of it (but the text it was read from): equal
    digests, equal results."""
    fields = dataclasses.asdict(doc)
    fields.pop("text", None)
    data = json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


class ResultsStage(ArchiveStage):
    def process_item(self, item: Crawled) -> Crawled:
        page = item.page
        if page_reject(page) is not None:
            return item
        if page.kind == "results":
            key, data = document_key(page.url), page.body
        elif page.kind == "article" and item.article is not None and item.reject is None:
            if not item.article.results_tables:
                return item
            key, data = tables_key(item.article.canonical_url), tables_document(item.article)
        else:
            return item
        with schema.write_transaction(self.db):
            page_id = schema.page_id_of(self.db, page)
            if page_id is None:
                logger.warning("results page not stored: %s", page.url)
                return item
            parsed = item.results_doc if page.kind == "results" else None  # parsed ahead (--jobs)
            outcome, rows, verdict = self.store(page, page_id, key, data, parsed)
        item.results_verdict = verdict
        self.count(outcome, rows, verdict)
        return item

    def store(
        self, page: Page, page_id: int, key: str, data: bytes, parsed: ResultDoc | None = None
    ) -> tuple[str, int, str | None]:
        """Store (or not) the results document ``data`` of ``page`` (row ``page_id``) under
        ``key`` (``parsed``: its document when parsed ahead): the outcome, the number of rows
        stored and, for a document parsed, its audit's verdict."""
        sha1 = hashlib.sha1(data).hexdigest()
        current = schema.document_of_key(self.db, key)
        was = linking.before(self.db, current["id"] if current else None)
        if current is not None and current["page_id"] != page_id:
            if not schema.newer_page(self.db, page_id, current["page_id"]):
                return OLDER, 0, None
        elif current is not None and current["duplicate_of"] is not None:
            return DUPLICATE, 0, None  # this page again: the rows are its holder's
        holder = schema.document_holding(self.db, sha1)
        if current is not None and holder is not None and holder["id"] == current["id"]:
            if current["page_id"] != page_id:  # the same bytes under another URL of the key
                schema.move_document(
                    self.db, current["id"], page_id, page.url, sha1, page.fetched_at
                )
                current["page_id"] = page_id
            if not self.archive.rebuilding:
                return UNCHANGED, 0, None
        elif holder is not None:
            if current is not None:
                schema.release_document(self.db, current)
                linking.released(self.db, was)
            schema.put_duplicate(
                self.db,
                None if current is None else current["id"],
                page_id,
                page.url,
                key,
                sha1,
                page.fetched_at,
                holder,
            )
            return DUPLICATE, 0, None
        identity = {"url_key": key, "body_sha1": sha1}
        return self.parse_and_store(page, page_id, data, current, identity, was, parsed)

    def parse_and_store(
        self,
        page: Page,
        page_id: int,
        data: bytes,
        current: dict[str, Any] | None,
        identity: dict[str, Any],
        was: linking.Before,
        parsed: ResultDoc | None = None,
    ) -> tuple[str, int, str | None]:
        doc = parse_results(data, page.url) if parsed is None else parsed
        identity["parse_sha1"] = parse_digest(doc)
        if current is None:
            outcome = NEW
        elif current["page_id"] == page_id:
            outcome = REBUILT
        elif (
            current["duplicate_of"] is None
            and current["parse_sha1"] == identity["parse_sha1"]
            and not schema.has_duplicates(self.db, current["id"])
        ):
            schema.move_document(
                self.db, current["id"], page_id, page.url, identity["body_sha1"], page.fetched_at
            )
            return UNCHANGED, 0, None
        else:
            outcome = UPDATED
            schema.release_document(self.db, current)
            linking.released(self.db, was)
            was = linking.Before()
        audit = audit_results(data, page.url, doc)
        rows = schema.store_results(
            self.db,
            page_id,
            page.url,
            doc,
            page.fetched_at,
            page.source or None,
            identity,
            current["id"] if current else None,
            audit,
        )
        stored = schema.document_of_key(self.db, identity["url_key"])
        assert stored is not None
        linking.link_document(self.db, stored["id"], page.source or None, was)
        return outcome, rows, None if audit is None else audit.verdict

    def count(self, outcome: str, rows: int, verdict: str | None) -> None:
        if self.stats is None:
            return
        self.stats.inc_value(STAT.format("documents"))
        self.stats.inc_value(STAT.format(outcome))
        self.stats.inc_value(STAT.format("rows"), rows)
        if outcome in (NEW, UPDATED, REBUILT) and not rows:
            self.stats.inc_value(STAT.format("unparsed"))
        if verdict is not None:
            self.stats.inc_value(STAT.format(f"audit/{verdict}"))
