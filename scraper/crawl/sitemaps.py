"""Sitemaps, Google News sitemaps, RSS and Atom feeds, and robots.txt ``Sitemap:`` lines, read
into entries (pure: bytes in, entries out; no network, no clock).

Scrapy's SitemapSpider keeps only ``loc`` (and ``lastmod`` for filtering); here every entry keeps
what the document says about the page: ``news:publication_date`` and ``news:title`` of a Google
News sitemap, ``lastmod``, a feed item's ``pubDate``/``published``/``updated`` and title. The
spider passes them on in ``Page.meta`` as hints for pages that do not state them.

Documents are read with lxml's ``iterparse`` (elements freed as they are read, entities never
resolved, no network) and bounded: a document larger than ``max_bytes`` once decompressed (read
as a stream, never whole in memory) or with more than ``max_entries`` entries is cut there, with
``truncated`` set. A document whose DTD declares entities (an XML bomb; no real sitemap or feed
needs one) is not read at all: what lxml makes of an unexpanded entity reference differs between
its versions, and a URL cut at one is not a URL the site listed.
"""

from __future__ import annotations

import gzip
import io
import re
import zlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml import etree

MAX_BYTES = 50 * 1024 * 1024  # the sitemap protocol's limit (uncompressed)
MAX_ENTRIES = 50_000  # the sitemap protocol's limit per file
_ROBOTS_SITEMAP = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)
_ATOM = "http://www.w3.org/2005/Atom"


@dataclass(slots=True)
class Entry:
    url: str
    lastmod: str | None = None  # sitemap <lastmod>, feed <updated>
    published: str | None = None  # news:publication_date, RSS pubDate, Atom published, dc:date
    title: str | None = None  # news:title, feed item title


@dataclass
class Document:
    kind: str  # "sitemapindex" | "urlset" | "rss" | "atom" | "unknown"
    entries: list[Entry] = field(default_factory=list)  # pages (or child sitemaps of an index)
    truncated: bool = False
    error: str | None = None
    unreadable: int = 0  # entry elements that gave no usable URL
    declares_entities: bool = False  # a DTD with <!ENTITY>s: not read (XML bomb defence)

    @property
    def problem(self) -> str | None:
        """Why this document was not read whole, or None when it was."""
        if self.declares_entities:
            return "not read: it declares XML entities (never expanded)"
        if self.truncated:
            return f"cut at {len(self.entries)} entries or its size limit"
        if self.error and not self.entries:
            return f"unreadable: {self.error}"
        if self.entries:
            return None
        if self.unreadable:
            return f"no readable entries ({self.unreadable} without a usable URL)"
        return None


def robots_sitemaps(robots_txt: str, base_url: str) -> list[str]:
    """The ``Sitemap:`` URLs of a robots.txt, absolute, in order, without repeats."""
    return list(dict.fromkeys(urljoin(base_url, m) for m in _ROBOTS_SITEMAP.findall(robots_txt)))


class _Bounded(io.RawIOBase):
    """A read-only stream over ``source`` that ends after ``max_bytes`` (``cut`` is then set), so
    a gzip bomb or an endless document is read in small pieces and never held whole in memory."""

    def __init__(self, source: io.BufferedIOBase, max_bytes: int) -> None:
        self.source, self.left, self.cut = source, max_bytes, False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.left <= 0:
            self.cut = self.cut or bool(self.source.read(1))
            return 0
        data = self.source.read(min(len(buffer), self.left, 1 << 16))
        buffer[: len(data)] = data
        self.left -= len(data)
        return len(data)


def _stream(body: bytes, max_bytes: int) -> _Bounded:
    source: io.BufferedIOBase = io.BytesIO(body)
    if body[:2] == b"\x1f\x8b":
        source = gzip.GzipFile(fileobj=source)
    return _Bounded(source, max_bytes)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _text(el: etree._Element) -> str | None:
    text = "".join(el.itertext()).strip()
    return text or None


def _child(el: etree._Element, *names: str) -> str | None:
    for child in el.iter():
        if child is not el and _local(child.tag) in names:
            value = _text(child)
            if value:
                return value
    return None


def _atom_link(entry: etree._Element) -> str | None:
    links = [c for c in entry if _local(c.tag) == "link" and c.get("href")]
    for link in links:
        if link.get("rel", "alternate") == "alternate" and link.get("type", "text/html") in (
            "text/html",
            "application/xhtml+xml",
        ):
            return link.get("href")
    return links[0].get("href") if links else None


def _entry(el: etree._Element, kind: str, base_url: str) -> Entry | None:
    name = _local(el.tag)
    if name in ("url", "sitemap"):  # sitemap <url> or sitemap index <sitemap>
        loc = next((_text(c) for c in el if _local(c.tag) == "loc"), None)
        if not loc:
            return None
        news = next((c for c in el if _local(c.tag) == "news"), None)
        return Entry(
            url=urljoin(base_url, loc),
            lastmod=next((_text(c) for c in el if _local(c.tag) == "lastmod"), None),
            published=_child(news, "publication_date") if news is not None else None,
            title=_child(news, "title") if news is not None else None,
        )
    if name == "item":  # RSS 2.0 (and RSS 1.0 <item rdf:about>)
        link = next((_text(c) for c in el if _local(c.tag) == "link"), None)
        if not link:
            guid = next((c for c in el if _local(c.tag) == "guid"), None)
            if guid is not None and guid.get("isPermaLink", "true") == "true":
                link = _text(guid)
        link = link or el.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
        if not link:
            return None
        published = next((_text(c) for c in el if _local(c.tag) in ("pubdate", "date")), None)
        return Entry(
            url=urljoin(base_url, link),
            published=published,
            title=next((_text(c) for c in el if _local(c.tag) == "title"), None),
        )
    if name == "entry":  # Atom
        href = _atom_link(el)
        if not href:
            return None
        return Entry(
            url=urljoin(base_url, href),
            lastmod=next((_text(c) for c in el if _local(c.tag) == "updated"), None),
            published=next((_text(c) for c in el if _local(c.tag) == "published"), None),
            title=next((_text(c) for c in el if _local(c.tag) == "title"), None),
        )
    return None


_ENTRY_TAGS = {
    "urlset": "url",
    "sitemapindex": "sitemap",
    "rss": "item",
    "rdf": "item",
    "feed": "entry",
}
_KINDS = {
    "urlset": "urlset",
    "sitemapindex": "sitemapindex",
    "rss": "rss",
    "rdf": "rss",
    "feed": "atom",
}


def parse_document(
    body: bytes, base_url: str, max_bytes: int = MAX_BYTES, max_entries: int = MAX_ENTRIES
) -> Document:
    """Read a sitemap, sitemap index, RSS or Atom document (gzip or not)."""
    stream = _stream(body, max_bytes)
    doc = Document(kind="unknown")
    entry_tag = None
    parser = etree.iterparse(
        stream,
        events=("start", "end"),
        recover=True,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
    )
    depth = 0
    try:
        for event, el in parser:
            if event == "start":
                depth += 1
                if depth == 1:
                    root = _local(el.tag)
                    doc.kind = _KINDS.get(root, "unknown")
                    entry_tag = _ENTRY_TAGS.get(root)
                    doc.declares_entities = _declares_entities(el)
                    if entry_tag is None or doc.declares_entities:
                        break
                continue
            depth -= 1
            if _local(el.tag) != entry_tag:
                continue
            entry = _entry(el, doc.kind, base_url)
            if entry is not None:
                doc.entries.append(entry)
            else:
                doc.unreadable += 1
            el.clear(keep_tail=False)
            parent = el.getparent()
            while parent is not None and el.getprevious() is not None:
                del parent[0]  # free what was read
            if len(doc.entries) >= max_entries:
                doc.truncated = True
                break
    except etree.XMLSyntaxError as exc:
        doc.error = str(exc)
    except (OSError, EOFError, zlib.error) as exc:  # a broken gzip stream
        doc.error = f"unreadable gzip: {exc}"
        doc.truncated = True
    doc.truncated = doc.truncated or stream.cut
    return doc


def _declares_entities(root: etree._Element) -> bool:
    """Whether the document's internal DTD (read before its root element) declares entities."""
    dtd = root.getroottree().docinfo.internalDTD
    return dtd is not None and any(True for _ in dtd.iterentities())
