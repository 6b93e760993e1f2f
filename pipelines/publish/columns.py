"""The columns a table page shows by default: the ones a person reads (datasette/metadata.yml,
``plugins: meetarchive_pages: columns``), in that order, ids and JSON internals left out. Helper
columns (an athlete's or meet's id, which the page uses to link the name) are fetched but not
shown. A page that chooses its columns (``_col``/``_nocol``), asks for all of them (``_all``),
or is data (``.json``/``.csv``) is left as it is."""

from __future__ import annotations

from collections.abc import Sequence

ALL_COLUMNS = "_all"
Pairs = list[tuple[str, str]]


def with_default_columns(pairs: Pairs, columns: Sequence[str]) -> Pairs | None:
    """The query string pairs of a table page with its default columns added; None when the
    page chooses its own (or the table has no defaults)."""
    if not columns or any(k in ("_col", "_nocol", ALL_COLUMNS) for k, _ in pairs):
        return None
    return [*pairs, *(("_col", c) for c in columns)]


def hidden_columns(
    chosen: Sequence[str], defaults: Sequence[str], helpers: Sequence[str]
) -> list[str]:
    """The helper columns to leave out of a page whose ``_col`` list is its table's defaults."""
    return [h for h in helpers if h in defaults] if list(chosen) == list(defaults) else []


def all_columns_query(pairs: Pairs) -> Pairs:
    """The same page with every column (the defaults' ``_col`` pairs dropped)."""
    return [(k, v) for k, v in pairs if k not in ("_col", "_nocol")] + [(ALL_COLUMNS, "1")]
