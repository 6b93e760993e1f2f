"""Datasette plugin loaded by `meetarchive serve` (--plugins-dir): how article text is shown.

Every value is escaped first, so no HTML or script from a crawled page is ever rendered as markup;
only markup made here is added: article bodies as paragraphs, and the hit markers ⟦ ⟧ that the
canned queries' snippets put around search hits as <mark>.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from datasette import hookimpl

OPEN, CLOSE = "\u27e6", "\u27e7"  # ⟦ ⟧, as in datasette/metadata.yml
BODY_COLUMNS = {"body"}


def paragraphs(text: str) -> Markup:
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return Markup("").join(Markup('<p class="article-paragraph">{}</p>').format(p) for p in parts)


def marked(text: str) -> Markup:
    html = str(escape(text))
    return Markup(html.replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Markup | None:
    if not isinstance(value, str):
        return None
    if column in BODY_COLUMNS and "\n" in value:
        return paragraphs(value)
    if OPEN in value:
        return marked(value)
    return None
