"""Meets and athletes as entities, linked as documents and articles are stored.

* :func:`link_document` (called by ``pipelines.results.ResultsStage`` after it stores a
  document's rows, in the same transaction): the document's meet (``pipelines.linking.meets``),
  its rows' disciplines and athletes (``pipelines.linking.athletes``), the meet's performances
  printed twice (``pipelines.linking.performances``), the articles covering the meet and the
  athletes they name (``pipelines.linking.mentions``). Incremental: a new document is compared
  with the meets of its year and the athletes sharing its names' keys, never the whole archive.
* :func:`link_article` (``pipelines.link.LinkStage``, after an article is stored): the meets it
  covers and the athletes it names.
* :func:`reset`: forget every meet, athlete, link and mention (the overrides stay), for
  ``meetarchive reparse``, which links again page by page in fetch order: the same decisions.
* ``pipelines.linking.overrides``: the user's corrections, recorded and applied at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlite_utils

from pipelines import db as schema
from pipelines.linking import meets, mentions, performances
from pipelines.linking.athletes import Linker
from scraper.results.disciplines import discipline_of


@dataclass
class Before:
    """What a document was linked to before its rows were replaced or moved."""

    meet_id: int | None = None
    athletes: set[int] = field(default_factory=set)


def before(db: sqlite_utils.Database, doc_id: int | None) -> Before:
    if doc_id is None:
        return Before()
    doc = schema.document_meet(db, doc_id)
    return Before(doc["meet_id"] if doc else None, schema.document_athlete_ids(db, doc_id))


def link_document(
    db: sqlite_utils.Database, doc_id: int, source: str | None = None, was: Before | None = None
) -> int | None:
    """Link one stored document (see the module's docstring); returns its meet id."""
    doc = schema.document_meet(db, doc_id)
    if doc is None:
        return None
    rows = schema.document_rows(db, doc_id)
    schema.set_disciplines(db, {r["id"]: discipline_of(r["event"]) for r in rows})
    meet_id = meets.resolve(db, doc_id, source)
    linker = Linker(db)
    touched = linker.link_document(doc_id, doc["url_key"] or doc["url"])
    was = was or Before()
    for athlete_id in sorted(was.athletes - touched):
        linker.refresh(athlete_id)  # rows gone: renamed, recounted, or deleted
    changed = {m for m in (meet_id, was.meet_id) if m is not None}
    if was.meet_id is not None and was.meet_id != meet_id:
        meets.refresh(db, was.meet_id)
    for m in sorted(changed):
        if schema.get_meet(db, m) is None:
            continue
        performances.dedupe_meet(db, m)
        for article_id in meets.link_meet_articles(db, m):
            mentions.link_mentions(db, article_id)
    return meet_id


def released(db: sqlite_utils.Database, was: Before) -> None:
    """A document's version gave up its rows (to a duplicate now holding them, or deleted):
    the athletes and the meet it had are brought up to date."""
    linker = Linker(db)
    for athlete_id in sorted(was.athletes):
        linker.refresh(athlete_id)
    if was.meet_id is not None and schema.get_meet(db, was.meet_id) is not None:
        meets.refresh(db, was.meet_id)
        if schema.get_meet(db, was.meet_id) is not None:
            performances.dedupe_meet(db, was.meet_id)


def link_article(db: sqlite_utils.Database, article_id: int) -> None:
    """Link one stored article to the meets it covers and the athletes it names."""
    article = schema.article_for_linking(db, article_id)
    if article is None:
        return
    meets.link_article_meets(db, article)
    mentions.link_mentions(db, article_id)


def reset(db: sqlite_utils.Database) -> None:
    """Forget every meet, athlete, performance link and mention; the overrides stay."""
    schema.reset_athletes(db)
    schema.reset_meets(db)
