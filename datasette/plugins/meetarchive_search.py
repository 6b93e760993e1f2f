"""Datasette plugin loaded by `meetarchive serve` (--plugins-dir): THE article search page.

``/<db>/-/search?q=...&order=rank|newest`` runs our own search (``pipelines.search.search``: the
query language of `meetarchive search`, bm25 within a bounded window, snippets with the hits
marked and the page text escaped) on Datasette's read-only connection, under Datasette's SQL time
limit, and renders ``meetarchive_search.html`` (datasette/templates/, extends base.html). It never
counts every match nor computes facets: that is what makes Datasette's table search slow on a
large archive. ``/-/search`` goes to the first database that has articles.

The table page's own search box stays for small archives (counts and facets are cheap there). From
``table_search_redirect_from`` articles (plugin config in datasette/metadata.yml, default
1,000) a plain table-page search -- ``_search`` and at most the table's default order, as the
table's own form sends it -- is redirected to this page, newest first like the table. Anything
more (a column filter, a facet, ``_sort_desc=...`` in the URL, ``.json``/``.csv``) keeps the
table page, with its counts and facets.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

import sqlite_utils
from datasette.utils import sqlite_timelimit, tilde_decode
from datasette.utils.asgi import NotFound, Response

from datasette import hookimpl
from pipelines.db import ARTICLES
from pipelines.search import SearchError, search, story_note

PLUGIN = "meetarchive_search"
TEMPLATE = "meetarchive_search.html"
ORDERS = {"rank": "Relevance", "newest": "Newest first"}
DEFAULT_LIMIT, MAX_LIMIT = 20, 100
MAX_COPIES = 10  # addresses of a story's other articles listed under a hit
REDIRECT_FROM = 1000  # articles; plugin config key table_search_redirect_from
# What the articles table page's own form sends besides _search (empty filter fields, the
# default order as _sort + _sort_by_desc): still a plain search.
_FORM_FIELDS = {"_filter_column", "_filter_op", "_filter_value", "_sort", "_sort_by_desc"}

ASGIApp = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/-/search$", first_archive_search),
        (r"^/(?P<database>[^/]+)/-/search$", search_page),
    ]


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [{"href": datasette.urls.path("/-/search"), "label": "Search articles"}]


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[ASGIApp], ASGIApp]:
    def wrap(app: ASGIApp) -> ASGIApp:
        async def redirecting(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] == "http" and scope.get("method") == "GET":
                target = await table_search_target(datasette, scope)
                if target:
                    await Response.redirect(target).asgi_send(send)
                    return
            await app(scope, receive, send)

        return redirecting

    return wrap


async def archives(datasette: Any) -> list[str]:
    """Names of the served databases that hold articles."""
    return [
        name
        for name, db in datasette.databases.items()
        if name != "_internal" and await db.table_exists(ARTICLES)
    ]


async def first_archive_search(datasette: Any, request: Any) -> Response:
    names = await archives(datasette)
    if not names:
        raise NotFound("No database with articles is served")
    query = f"?{request.query_string}" if request.query_string else ""
    return Response.redirect(datasette.urls.database(names[0]) + "/-/search" + query)


def _table_search_query(datasette: Any, database: str, pairs: list[tuple[str, str]]) -> str | None:
    """The query of a plain table-page search (nothing the search page does not do), else None."""
    args = dict(pairs)
    if len(args) != len(pairs) or not args.get("_search", "").strip():
        return None
    if set(args) - {"_search"} - _FORM_FIELDS:
        return None  # a filter, a facet, an explicit _sort_desc, a page (_next)...
    if args.get("_filter_column") or args.get("_filter_value"):
        return None
    sort, by_desc = args.get("_sort"), "_sort_by_desc" in args
    default = (datasette.table_metadata(database, ARTICLES) or {}).get("sort_desc")
    if (sort or by_desc) and not (sort == default and by_desc):
        return None  # another order than the table's default
    return args["_search"]


async def table_search_target(datasette: Any, scope: dict[str, Any]) -> str | None:
    """Where a table-page search of a large archive goes: this page, or None (the table page)."""
    m = re.fullmatch(rf"/(?P<db>[^/]+)/{ARTICLES}", scope.get("path", ""))
    if not m:
        return None
    name = tilde_decode(m.group("db"))
    pairs = parse_qsl(
        scope.get("query_string", b"").decode("utf-8", "replace"), keep_blank_values=True
    )
    q = _table_search_query(datasette, name, pairs)
    if q is None or name not in datasette.databases:
        return None
    threshold = int(
        (datasette.plugin_config(PLUGIN, database=name) or {}).get(
            "table_search_redirect_from", REDIRECT_FROM
        )
    )
    db = datasette.get_database(name)
    size = (await db.execute(f"SELECT max(rowid) FROM {ARTICLES}")).first()[0] or 0
    if size < threshold:
        return None
    return datasette.urls.database(name) + "/-/search?" + urlencode({"q": q, "order": "newest"})


def _link(url: str) -> str | None:
    """The address as a link target, for web addresses only."""
    return url if url.startswith(("http://", "https://")) else None


def _int_arg(value: str | None, default: int, low: int, high: int) -> int:
    try:
        return min(max(int(value or default), low), high)
    except ValueError:
        return default


def has_articles(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [ARTICLES]
        ).fetchone()
        is not None
    )


def run_search(
    conn: sqlite3.Connection, q: str | None, limit: int, order: str, time_limit_ms: int
) -> list[dict[str, Any]] | None:
    """``pipelines.search.search`` on Datasette's read-only connection, under its time limit
    (no query: no hits); None when the database holds no articles. Only the search's TEMP
    snippet table is written (temp storage, never the archive file)."""
    if not has_articles(conn):
        return None
    if q is None:
        return []
    archive = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    try:
        with sqlite_timelimit(conn, time_limit_ms):
            return search(archive, q, limit, order=order)
    finally:
        if conn.in_transaction:  # never leave Datasette's connection on an old snapshot
            conn.rollback()


def message(exc: SearchError, time_limit_ms: int) -> str:
    cause = exc.__cause__
    if isinstance(cause, sqlite3.OperationalError) and "interrupted" in str(cause):
        return (
            f"This search took longer than the time limit ({time_limit_ms} ms): "
            "add a word or use a phrase in quotes."
        )
    return " ".join(str(exc).split())


async def search_page(datasette: Any, request: Any) -> Response:
    """One trip to the database thread: is there an articles table, and the search."""
    name = tilde_decode(request.url_vars["database"])  # as Datasette writes it in paths
    if name == "_internal" or name not in datasette.databases:
        raise NotFound(f"Database not found: {name}")
    await datasette.ensure_permissions(
        request.actor, [("view-table", (name, ARTICLES)), ("view-database", name), "view-instance"]
    )
    q = request.args.get("q")
    order = request.args.get("order") if request.args.get("order") in ORDERS else "rank"
    limit = _int_arg(request.args.get("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT)
    time_limit_ms = int(datasette.sql_time_limit_ms)
    error = None
    try:
        found = await datasette.get_database(name).execute_fn(
            lambda conn: run_search(conn, q, limit, order, time_limit_ms)
        )
    except SearchError as exc:
        found, error = [], message(exc, time_limit_ms)
    if found is None:
        raise NotFound(f"No articles in database {name!r}")
    hits: list[dict[str, Any]] = found
    for hit in hits:
        hit["row_url"] = datasette.urls.row(name, ARTICLES, str(hit["id"]))
        hit["date"] = (hit["published_at"] or "")[:10]
        url = hit["url"] or hit["canonical_url"] or ""  # the address fetched (the key may be none)
        hit["link"] = _link(url)
        hit["story_note"] = story_note(hit)  # the same story elsewhere: "also on 2 sites (...)"
        hit["copies"] = [{"url": u, "link": _link(u)} for u in hit["also_on"][:MAX_COPIES]]
    context = {
        "database": name,
        "q": q or "",
        "order": order,
        "orders": ORDERS,
        "limit": limit,
        "hits": hits,
        "error": error,
        "searched": q is not None,
        "more_url": (
            f"?{urlencode({'q': q, 'order': order, 'limit': MAX_LIMIT})}"
            if q and len(hits) == limit < MAX_LIMIT
            else None
        ),
        "table_url": datasette.urls.table(name, ARTICLES)
        + "?"
        + urlencode({"_search": q or "", "_sort_desc": "published_at"}),
    }
    html = await datasette.render_template(
        TEMPLATE, context, request=request, view_name="meetarchive-search"
    )
    return Response.html(html)
