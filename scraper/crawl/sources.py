"""News sources declared in a TOML file, so any site can be crawled without code (spider ``news``).

The file (``--sources PATH``, else ``$MEETARCHIVE_SOURCES``, else ``./sources.toml``) holds one
table per source under ``[sources.NAME]``; ``sources.example.toml`` documents every key.
Loading checks every value up front (a bad regex or an unknown key is an error naming the source and
the key), so a cron run never starts with a typo in its configuration.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_SOURCES = "sources.toml"
EXAMPLE_SOURCES = Path(__file__).resolve().parents[2] / "sources.example.toml"
DEFAULT_SITEMAP_INTERVAL = 86400.0  # a day
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")


class SourcesError(ValueError):
    """A sources file that cannot be used; the message names the file, source and key."""


@dataclass(frozen=True)
class Source:
    name: str
    start_urls: tuple[str, ...] = ()  # listing pages (section fronts); links on them are followed
    sitemaps: tuple[str, ...] = ()  # XML sitemaps or sitemap indexes (Google News sitemaps too)
    robots_sitemaps: bool = True  # also read the ``Sitemap:`` lines of each host's robots.txt
    # seconds between two reads of the sitemaps in incremental runs, for a source that also has
    # start URLs or feeds (read every run); 0 = every run. TOML: a span, "1d", "12h", "0".
    sitemap_interval: float = DEFAULT_SITEMAP_INTERVAL
    feeds: tuple[str, ...] = ()  # RSS 2.0 / Atom feeds
    allow: tuple[str, ...] = ()  # article URL regexes (search); none = every same-site URL
    deny: tuple[str, ...] = ()  # URL regexes never followed (win over allow)
    listings: tuple[str, ...] = ()  # URL regexes of further listing pages (pagination, sections)
    max_listing_pages: int = 50  # listing pages followed from the start URLs, at most
    parser: str = "generic"  # "generic" or a site parser's name ("runnerspace")
    timezone: str | None = None  # the zone the site prints naive dates in
    delay: float | None = None  # seconds between requests to this source's hosts (a floor)
    concurrency: int | None = None  # simultaneous requests per host
    browser: bool = False  # fetch article and listing pages with a headless Chromium
    # may this source's requests reach loopback/private addresses? None: the crawl-wide
    # ALLOW_PRIVATE_ADDRESSES setting decides (refused for sources on the internet)
    private_addresses: bool | None = None
    hosts: tuple[str, ...] = ()  # extra hosts the source may serve pages from
    _allow: tuple[re.Pattern[str], ...] = field(default=(), repr=False, compare=False)
    _deny: tuple[re.Pattern[str], ...] = field(default=(), repr=False, compare=False)
    _listings: tuple[re.Pattern[str], ...] = field(default=(), repr=False, compare=False)

    @property
    def all_hosts(self) -> tuple[str, ...]:
        """The hosts this source's pages may come from (start URLs, sitemaps, feeds, ``hosts``)."""
        found = [urlsplit(u).hostname for u in (*self.start_urls, *self.sitemaps, *self.feeds)]
        return tuple(dict.fromkeys([*(h for h in found if h), *self.hosts]))

    @property
    def origins(self) -> set[str]:
        """``scheme://host[:port]`` of the start URLs, sitemaps and feeds (whose robots.txt
        ``Sitemap:`` lines count as the source's sitemaps)."""
        return {
            f"{p.scheme}://{p.netloc}"
            for p in map(urlsplit, (*self.start_urls, *self.sitemaps, *self.feeds))
        }

    def on_site(self, url: str) -> bool:
        host = urlsplit(url).hostname or ""
        return any(host == h or host.endswith("." + h) for h in self.all_hosts)

    def denied(self, url: str) -> bool:
        return any(p.search(url) for p in self._deny)

    def is_article(self, url: str) -> bool:
        """An article URL of this source: on its hosts, not denied, matching ``allow`` if any."""
        if not self.on_site(url) or self.denied(url):
            return False
        return not self._allow or any(p.search(url) for p in self._allow)

    def is_listing(self, url: str) -> bool:
        return (
            self.on_site(url)
            and not self.denied(url)
            and any(p.search(url) for p in self._listings)
        )


_LISTS = ("start_urls", "sitemaps", "feeds", "allow", "deny", "listings", "hosts")
_KEYS = {f for f in Source.__dataclass_fields__ if not f.startswith("_")} - {"name"}


def _source(name: str, table: Any, where: str) -> Source:
    def bad(key: str, why: str) -> SourcesError:
        return SourcesError(f"{where}: source {name!r}, {key}: {why}")

    if not _NAME.match(name):
        raise SourcesError(f"{where}: source name {name!r}: letters, digits, '-', '_', '.' only")
    if not isinstance(table, dict):
        raise SourcesError(f"{where}: [sources.{name}] must be a table")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise bad(unknown[0], f"unknown key (known: {', '.join(sorted(_KEYS))})")
    values: dict[str, Any] = {"name": name}
    for key, value in table.items():
        if key in _LISTS:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise bad(key, "a string or a list of strings")
            values[key] = tuple(value)
        elif key in ("robots_sitemaps", "browser", "private_addresses"):
            if not isinstance(value, bool):
                raise bad(key, "true or false")
            values[key] = value
        elif key in ("delay",):
            if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
                raise bad(key, "a number of seconds >= 0")
            values[key] = float(value)
        elif key == "sitemap_interval":
            values[key] = _interval(value, bad)
        elif key in ("concurrency", "max_listing_pages"):
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise bad(key, "a whole number >= 1")
            values[key] = value
        else:  # parser, timezone
            if not isinstance(value, str) or not value:
                raise bad(key, "a non-empty string")
            values[key] = value
    for key in ("start_urls", "sitemaps", "feeds"):
        for url in values.get(key, ()):
            if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
                raise bad(key, f"not an http(s) URL: {url!r}")
    if not any(values.get(k) for k in ("start_urls", "sitemaps", "feeds")):
        raise bad("start_urls", "a source needs start_urls, sitemaps or feeds")
    if values.get("timezone"):
        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            raise bad("timezone", f"unknown time zone {values['timezone']!r}") from None
    for key in ("allow", "deny", "listings"):
        try:
            values["_" + key] = tuple(re.compile(p) for p in values.get(key, ()))
        except re.error as exc:
            raise bad(key, f"bad regular expression: {exc}") from None
    return Source(**values)


def _interval(value: Any, bad: Any) -> float:
    """A ``sitemap_interval``: a span ("1d", "12h", "30m", "0"), or a number of days."""
    from scraper.crawl.incremental import span

    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise bad("sitemap_interval", 'a time span such as "1d" or "12h" ("0": every run)')
    try:
        seconds = span(str(value)).total_seconds()
    except ValueError as exc:
        raise bad("sitemap_interval", str(exc)) from None
    return seconds


def parse_sources(text: str, where: str = "<sources>") -> dict[str, Source]:
    """The sources declared in TOML ``text`` (``where`` names it in errors), by name, in order."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError(f"{where}: {exc}") from None
    tables = data.get("sources")
    extra = sorted(set(data) - {"sources"})
    if extra:
        raise SourcesError(
            f"{where}: unknown top-level key {extra[0]!r} (sources go under [sources.NAME])"
        )
    if not isinstance(tables, dict) or not tables:
        raise SourcesError(f"{where}: no [sources.NAME] tables")
    return {name: _source(name, table, where) for name, table in tables.items()}


def sources_path(path: str | os.PathLike[str] | None = None) -> Path:
    """``path``, else ``$MEETARCHIVE_SOURCES``, else ``./sources.toml``."""
    return Path(path or os.environ.get("MEETARCHIVE_SOURCES") or DEFAULT_SOURCES)


def load_sources(path: str | os.PathLike[str] | None = None) -> dict[str, Source]:
    """The sources of the file at :func:`sources_path`."""
    file = sources_path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesError(
            f"no sources file at {file} (give --sources PATH or set MEETARCHIVE_SOURCES; "
            f"{EXAMPLE_SOURCES.name} shows the format)"
        ) from None
    return parse_sources(text, str(file))


def select(sources: dict[str, Source], name: str | None) -> list[Source]:
    """The source called ``name``, or every source when ``name`` is None, empty or ``all``."""
    if not name or name == "all":
        return list(sources.values())
    names = [n.strip() for n in name.split(",") if n.strip()]
    missing = [n for n in names if n not in sources]
    if missing:
        raise SourcesError(f"unknown source {missing[0]!r} (known: {', '.join(sources)})")
    return [sources[n] for n in names]


def describe(source: Source, as_json: bool = False) -> str:
    """One source for ``meetarchive sources``: a block of text, or one JSON line."""
    fields = {k: getattr(source, k) for k in Source.__dataclass_fields__ if not k.startswith("_")}
    if as_json:
        import json

        return json.dumps({k: list(v) if isinstance(v, tuple) else v for k, v in fields.items()})
    lines = [
        f"{source.name}  (parser {source.parser}, zone {source.timezone or 'UTC'}"
        f"{', browser' if source.browser else ''}"
        f"{f', delay {source.delay:g} s' if source.delay is not None else ''})"
    ]
    for key, label in (
        ("start_urls", "start"),
        ("sitemaps", "sitemap"),
        ("feeds", "feed"),
        ("allow", "allow"),
        ("deny", "deny"),
        ("listings", "listings"),
    ):
        lines += [f"  {label:9} {value}" for value in fields[key]]
    if source.robots_sitemaps:
        lines.append("  sitemap   (and those robots.txt lists)")
    if (source.sitemaps or source.robots_sitemaps) and (source.start_urls or source.feeds):
        lines.append(
            "  sitemaps  read "
            + (
                f"every {span_text(source.sitemap_interval)}"
                if source.sitemap_interval
                else "every run"
            )
            + " (listings and feeds every run)"
        )
    return "\n".join(lines)


def span_text(seconds: float) -> str:
    """``86400`` -> ``"1d"``, ``5400`` -> ``"90m"``: the shortest exact span."""
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"
