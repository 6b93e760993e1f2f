"""Datasette plugin loaded by `meetarchive serve` (--plugins-dir): the pages people look at.

* ``/<db>/-/meet/<id>``: a meet (date, venue, events in program order with results in place
  order, relay members under the team, wind per race, flags as badges, its documents and why
  they are one meet, the articles covering it); ``/<db>/-/meets?q=``: meets by name;
* ``/<db>/-/athlete/<id>``: an athlete (personal and season bests, a progression chart per
  event, every result, the articles naming them); ``/<db>/-/athletes?q=``: athletes by name;
* ``/<db>/-/rankings?event=&gender=&season=&per=&wind=&mark=``: ranking lists;
* ``/<db>/-/article/<id>``: an article with the athletes it names linked, its meets.

Each page reads the archive through ``pipelines.db`` on Datasette's own read-only connection
(``Database.execute_fn``) under the SQL time limit; templates in datasette/templates/, styles in
datasette/static/ (nothing from elsewhere). Table pages (articles, results, meets, athletes,
documents) show the readable columns listed in the metadata's ``plugins: meetarchive_pages``
section (``pipelines.publish.columns``); ``_all=1`` shows every column.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl, urlencode

import sqlite_utils
from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup

from datasette import hookimpl
from pipelines.db import views
from pipelines.db.coverage import article_page as read_article
from pipelines.db.rankings import higher_is_better
from pipelines.publish.article import linked_text
from pipelines.publish.cells import readable
from pipelines.publish.chart import progression, progression_svg
from pipelines.publish.columns import all_columns_query, hidden_columns, with_default_columns
from pipelines.publish.rankings import ranking_page
from scraper.results.display import format_mark, shown_mark

PLUGIN = "meetarchive_pages"
ORIGINAL_QUERY = "meetarchive.query_string"  # scope key: the query before default columns
ASGIApp = Callable[[dict[str, Any], Any, Any], Awaitable[None]]
PAGES = {"meets": "Meets", "athletes": "Athletes", "rankings": "Rankings"}


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    db = r"^/(?P<database>[^/]+)/-/"
    return [
        (r"^/-/(?P<page>meets|athletes|rankings)$", first_archive_page),
        (db + r"meets$", meets_page),
        (db + r"meet/(?P<id>\d+)$", meet_page),
        (db + r"athletes$", athletes_page),
        (db + r"athlete/(?P<id>\d+)$", athlete_page),
        (db + r"rankings$", rankings_page),
        (db + r"article/(?P<id>\d+)$", article_page),
    ]


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [{"href": datasette.urls.path(f"/-/{p}"), "label": label} for p, label in PAGES.items()]


# ---- readable table pages ---------------------------------------------------------------------


def _config(datasette: Any, database: str | None = None) -> dict[str, Any]:
    return datasette.plugin_config(PLUGIN, database=database) or {}


@hookimpl(tryfirst=True)  # wraps first, so runs last: the search redirect sees the URL typed
def asgi_wrapper(datasette: Any) -> Callable[[ASGIApp], ASGIApp]:
    def wrap(app: ASGIApp) -> ASGIApp:
        async def readable(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope["type"] == "http" and scope.get("method") == "GET":
                scope = default_columns(datasette, scope)
            await app(scope, receive, send)

        return readable

    return wrap


def default_columns(datasette: Any, scope: dict[str, Any]) -> dict[str, Any]:
    """An HTML table page that does not choose its columns gets the readable ones."""
    m = re.fullmatch(r"/(?P<db>[^/]+)/(?P<table>[^/.]+)", scope.get("path", ""))
    if not m or m.group("db") not in datasette.databases:
        return scope
    columns = (_config(datasette, m.group("db")).get("columns") or {}).get(m.group("table"))
    query = scope.get("query_string", b"")
    pairs = parse_qsl(query.decode("utf-8", "replace"), keep_blank_values=True)
    chosen = with_default_columns(pairs, columns or [])
    if chosen is None:
        return scope
    return {**scope, "query_string": urlencode(chosen).encode(), ORIGINAL_QUERY: query}


@hookimpl
def extra_template_vars(
    template: str, database: str | None, table: str | None, request: Any, datasette: Any
) -> dict[str, Any]:
    if not (database and table and request is not None) or not template.startswith("table"):
        return {}
    config = _config(datasette, database)
    defaults = (config.get("columns") or {}).get(table) or []
    chosen = request.args.getlist("_col")
    if not defaults or chosen != defaults:
        return {}
    pairs = parse_qsl(request.query_string, keep_blank_values=True)
    return {
        "meetarchive_hidden": hidden_columns(chosen, defaults, config.get("helpers") or []),
        "meetarchive_all_columns": "?" + urlencode(all_columns_query(pairs)),
    }


# Names that link to their page on table pages: (table, column) -> (page, id column).
NAME_LINKS = {
    ("results", "athlete"): ("athlete", "athlete_id"),
    ("results", "meet_name"): ("meet", "meet_id"),
    ("athletes", "name"): ("athlete", "id"),
    ("meets", "name"): ("meet", "id"),
    ("articles", "headline"): ("article", "id"),
}


@hookimpl
def render_cell(
    row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any
) -> Markup | None:
    """JSON lists and objects as text (``["NR"]`` -> NR, ``[]`` -> nothing); names linked to
    their meet, athlete or article page."""
    link = NAME_LINKS.get((table or "", column))
    if link and value not in (None, ""):
        page, key = link
        try:
            target = row[key]
        except (IndexError, KeyError):
            target = None
        if isinstance(target, dict):  # a foreign key Datasette expanded to value and label
            target = target.get("value")
        if target is not None:
            href = datasette.urls.path(f"/{database}/-/{page}/{target}")
            return Markup('<a href="{}">{}</a>').format(href, value)
    text = readable(value, column)
    if text is None:
        return None
    # an empty list shows nothing (an empty value would leave Datasette's own rendering)
    return Markup("{}").format(text) if text else Markup("&nbsp;")


# ---- reading the archive ----------------------------------------------------------------------


class PageError(Exception):
    """A page that cannot be shown: a one-line message."""


async def read(datasette: Any, request: Any, fn: Callable[[sqlite_utils.Database], Any]) -> Any:
    """``fn`` on Datasette's read-only connection of the request's database, under the SQL time
    limit; a database without meets and athletes is no archive of results (404)."""
    name = request.url_vars["database"]
    if name == "_internal" or name not in datasette.databases:
        raise NotFound(f"Database not found: {name}")
    await datasette.ensure_permissions(request.actor, [("view-database", name), "view-instance"])
    limit = int(datasette.sql_time_limit_ms)

    def run(conn: sqlite3.Connection) -> Any:
        db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
        if not (db.table("athletes").exists() and db.table("meets").exists()):
            return NotFound
        try:
            with sqlite_timelimit(conn, limit):
                return fn(db)
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise PageError(
                    f"This page took longer than the time limit ({limit} ms)."
                ) from None
            raise
        finally:
            if conn.in_transaction:
                conn.rollback()

    found = await datasette.get_database(name).execute_fn(run)
    if found is NotFound:
        raise NotFound(f"No meets or athletes in database {name!r}")
    return found


def links(datasette: Any, database: str) -> dict[str, Callable[..., str]]:
    base = datasette.urls.path(f"/{database}/-/")
    return {
        "meet_url": lambda i: f"{base}meet/{i}",
        "athlete_url": lambda i: f"{base}athlete/{i}",
        "article_url": lambda i: f"{base}article/{i}",
        "rankings_url": lambda **args: (
            f"{base}rankings?" + urlencode({k: v for k, v in args.items() if v not in (None, "")})
        ),
        "row_url": lambda table, i: datasette.urls.row(database, table, str(i)),
    }


async def render(
    datasette: Any, request: Any, template: str, context: dict[str, Any], status: int = 200
) -> Response:
    database = request.url_vars["database"]
    html = await datasette.render_template(
        template,
        {
            **context,
            **links(datasette, database),
            "database": database,
            "format_mark": format_mark,
            "shown_mark": shown_mark,
        },
        request=request,
        view_name="meetarchive-page",
    )
    return Response.html(html, status=status)


async def page(
    datasette: Any, request: Any, template: str, fn: Callable[[sqlite_utils.Database], Any]
) -> Response:
    try:
        context = await read(datasette, request, fn)
    except PageError as exc:
        return await render(datasette, request, "meetarchive_message.html", {"error": str(exc)})
    if context is None:
        raise NotFound("Not in this archive")
    return await render(datasette, request, template, context)


def _id(request: Any) -> int:
    return int(request.url_vars["id"])


# ---- the pages --------------------------------------------------------------------------------


async def first_archive_page(datasette: Any, request: Any) -> Response:
    for name, db in datasette.databases.items():
        if name != "_internal" and await db.table_exists("athletes"):
            query = f"?{request.query_string}" if request.query_string else ""
            return Response.redirect(
                datasette.urls.path(f"/{name}/-/{request.url_vars['page']}") + query
            )
    raise NotFound("No database with meets and athletes is served")


async def meet_page(datasette: Any, request: Any) -> Response:
    meet_id = _id(request)
    return await page(
        datasette, request, "meetarchive_meet.html", lambda db: _meet(views.meet_page(db, meet_id))
    )


def _meet(found: dict[str, Any] | None) -> dict[str, Any] | None:
    if found is None:
        return None
    for d in found["documents"]:
        d["why"] = readable(json.dumps(d["meet_signals"])) if d["meet_signals"] else None
    return {"meet": found, "rows": sum(len(e["results"]) for e in found["events"])}


async def meets_page(datasette: Any, request: Any) -> Response:
    q = request.args.get("q") or ""
    return await page(
        datasette,
        request,
        "meetarchive_meets.html",
        lambda db: {"q": q, "meets": views.find_meets(db, q)[:500]},
    )


async def athletes_page(datasette: Any, request: Any) -> Response:
    q = request.args.get("q") or ""
    return await page(
        datasette,
        request,
        "meetarchive_athletes.html",
        lambda db: {"q": q, "athletes": views.find_athletes(db, q, limit=200) if q else []},
    )


async def athlete_page(datasette: Any, request: Any) -> Response:
    athlete_id = _id(request)
    return await page(
        datasette, request, "meetarchive_athlete.html", lambda db: _athlete(db, athlete_id)
    )


def _athlete(db: sqlite_utils.Database, athlete_id: int) -> dict[str, Any] | None:
    found = views.athlete_page(db, athlete_id)
    if found is None:
        return None
    charts = []
    for discipline in sorted({r["discipline"] for r in found["results"] if r["discipline"]}):
        unit = next(r["unit"] for r in found["results"] if r["discipline"] == discipline)
        high = higher_is_better(unit)
        points = progression(found["results"], discipline, high)
        if points:
            title = f"{found['name']}: {discipline} progression"
            svg = progression_svg(points, unit, title, high)
            charts.append({"discipline": discipline, "svg": Markup(svg), "points": points})
    seasons = sorted({y for s in found["bests"]["seasons"].values() for y in s}, reverse=True)
    by_year: dict[Any, list[dict[str, Any]]] = {}
    for r in reversed(found["results"]):
        by_year.setdefault(r["meet_year"] or (r["date"] or "")[:4] or None, []).append(r)
    return {"athlete": found, "charts": charts, "seasons": seasons, "by_year": by_year}


async def rankings_page(datasette: Any, request: Any) -> Response:
    args = {k: request.args.get(k) for k in request.args}
    return await page(
        datasette, request, "meetarchive_rankings.html", lambda db: ranking_page(db, args)
    )


async def article_page(datasette: Any, request: Any) -> Response:
    article_id = _id(request)
    return await page(
        datasette, request, "meetarchive_article.html", lambda db: _article(db, article_id)
    )


def _article(db: sqlite_utils.Database, article_id: int) -> dict[str, Any] | None:
    found = read_article(db, article_id)
    if found is None:
        return None
    named: dict[int, dict[str, Any]] = {}
    for m in found["mentions"]:
        entry = named.setdefault(m["athlete_id"], {"id": m["athlete_id"], "name": m["athlete"]})
        entry["count"] = entry.get("count", 0) + 1
    return {
        "article": found,
        "text": linked_text(found),
        "named": sorted(named.values(), key=lambda a: -a["count"]),
    }
