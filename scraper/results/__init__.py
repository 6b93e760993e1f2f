"""Pure results parsing: a results document (text, HTML, PDF bytes) -> meet, events, result rows.

``parse_document(data, url=None, name=None)`` (``document``) picks the reader by content, never by
site: PDF -> its text layer; HTML -> ``<pre>`` blocks as text, else tables, else the rendered
text; text (``text.parse_text``) -> Hy-Tek, ``=====`` ruler layouts, one-value-per-line listings,
then the generic fallback. The readers return the typed ``ResultDoc`` of ``model``.
"""

from __future__ import annotations

from scraper.results.document import parse_document
from scraper.results.model import Event, Meet, ResultDoc, Row, to_contract
from scraper.results.text import parse_text

__all__ = ["Event", "Meet", "ResultDoc", "Row", "parse_document", "parse_text", "to_contract"]
