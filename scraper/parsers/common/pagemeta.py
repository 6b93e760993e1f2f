"""The core of a page's metadata signals: JSON-LD objects, meta tags, site names.

Every reader returns ``(value, signal)`` or None: the parser records which signal gave a
field. Readers never modify the tree. The field readers live in titles, bylines, pagedates,
media and meta (which assembles them into :class:`scraper.parsers.common.meta.PageSignals`).
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from functools import cached_property, lru_cache
from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html

ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "scholarlyarticle",
    "socialmediaposting",
    "techarticle",
    "webpage",
    "medicalwebpage",
}
_WS = re.compile(r"\s+")


def clean(text: Any) -> str:
    """Whitespace collapsed; HTML entities left escaped inside JSON/meta values decoded.
    A JSON list stands for its first string."""
    if isinstance(text, list):
        text = next((t for t in text if isinstance(t, str)), "")
    if not isinstance(text, str):
        return ""
    if "&" in text:
        text = html_lib.unescape(text)
    return " ".join(text.split())  # whitespace runs as one space (str.split: the same as \s+)


_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return list(_tokens(text))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """Remembered: titles and site names are compared with each other many times a page."""
    return tuple(_TOKEN.findall(text.casefold()))


def overlap(part: str, whole: str) -> float:
    """Share of ``part``'s tokens found in ``whole`` (1.0 = every word of part is in whole)."""
    a, b = _tokens(part), set(_tokens(whole))
    if not a:
        return 0.0
    return sum(1 for t in a if t in b) / len(a)


def same_title(a: str, b: str) -> bool:
    """Two titles of mostly the same words (a headline and its copy in another place)."""
    return overlap(a, b) >= 0.6 and overlap(b, a) >= 0.6


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower()}
    if isinstance(t, list):
        return {x.lower() for x in t if isinstance(x, str)}
    return set()


def _walk(obj: Any) -> Iterator[dict[str, Any]]:
    if isinstance(obj, dict):
        yield obj
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in obj:
                yield from _walk(obj[key])
    elif isinstance(obj, list):
        for x in obj:
            yield from _walk(x)


# the wrappers old and XHTML-minded templates put around a script's JSON: an HTML comment or a
# CDATA section, the latter often behind a JS comment ('//<![CDATA[' ... '//]]>')
_SCRIPT_WRAP = re.compile(r"^(?:<!--|(?://)?\s*<!\[CDATA\[)|(?://)?\s*(?:-->|\]\]>)$")


def _loads(text: str) -> Any:
    text = _SCRIPT_WRAP.sub("", text.strip()).strip()
    try:
        return json.loads(text, strict=False)
    except ValueError:
        # trailing commas and stray control characters are common
        try:
            return json.loads(re.sub(r",\s*([}\]])", r"\1", text), strict=False)
        except ValueError:
            return None


def _ld_names(raw: Any) -> list[str]:
    items = raw if isinstance(raw, list) else [raw]
    out: list[str] = []
    for it in items:
        name = it.get("name") if isinstance(it, dict) else it
        if isinstance(name, list):
            name = name[0] if name else None
        name = clean(name)
        if name and name not in out:
            out.append(name)
    return out


class PageCore:
    """Lazy readers over one parsed page."""

    def __init__(self, tree: lxml_html.HtmlElement, url: str) -> None:
        self.tree = tree
        self.url = url

    @cached_property
    def jsonld(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for script in self.tree.iterfind('.//script[@type="application/ld+json"]'):
            data = _loads(script.text or "")
            if data is not None:
                out.extend(_walk(data))
        return out

    @cached_property
    def article_ld(self) -> dict[str, Any] | None:
        """The JSON-LD object describing the article (first article type with a headline)."""
        best = None
        for obj in self.jsonld:
            types = _types(obj)
            if types & ARTICLE_TYPES and types != {"webpage"}:
                if obj.get("headline") or obj.get("articleBody"):
                    return obj
                best = best or obj
        return best

    @cached_property
    def metas(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for m in self.tree.iterfind(".//meta"):
            key = m.get("property") or m.get("name") or m.get("itemprop")
            content = m.get("content")
            if key and content is not None:
                key = key.strip().lower()
                if key not in out and content.strip():
                    out[key] = content.strip()
        return out

    @cached_property
    def meta_all(self) -> dict[str, list[str]]:
        """Every value of the repeatable author-like meta tags."""
        out: dict[str, list[str]] = {}
        for m in self.tree.iterfind(".//meta"):
            key = (m.get("property") or m.get("name") or "").strip().lower()
            if (
                key
                in (
                    "author",
                    "article:author",
                    "dc.creator",
                    "parsely-author",
                    "sailthru.author",
                    "byl",
                )
                and (m.get("content") or "").strip()
            ):
                out.setdefault(key, []).append(m.get("content").strip())
        return out

    def meta(self, *keys: str) -> tuple[str, str] | None:
        for k in keys:
            v = self.metas.get(k)
            if v:
                return clean(v), f"meta:{k}"
        return None

    def ld(self, key: str) -> Any:
        obj = self.article_ld
        return obj.get(key) if obj else None

    @cached_property
    def site_tokens(self) -> tuple[str, ...]:
        """Each site name as its casefolded words ("Track & Field News" -> "track field news"),
        read once per page (titles and bylines compare against them many times)."""
        return tuple(" ".join(tokens(n)) for n in self._site_names)

    @cached_property
    def _site_names(self) -> tuple[str, ...]:
        names = []
        for key in (
            "og:site_name",
            "application-name",
            "apple-mobile-web-app-title",
            "twitter:site",
        ):
            v = clean(self.metas.get(key)).lstrip("@")
            if v:
                names.append(v)
        for obj in self.jsonld:
            if _types(obj) & {"organization", "newsmediaorganization", "website"}:
                names.extend(_ld_names(obj))
        names.extend(_ld_names(self.ld("publisher")))
        host = (urlsplit(self.url).hostname or "").split(".")
        names.extend(h for h in host if h not in ("www", "com", "org", "net", "co", "uk", "de"))
        # a site name is short; a long "name" is a page title in a mislabelled object
        return tuple(n for n in names if n and len(tokens(n)) <= 5)

    def descriptions(self) -> list[str]:
        out = []
        for v in (
            self.ld("description"),
            self.metas.get("og:description"),
            self.metas.get("description"),
            self.metas.get("twitter:description"),
        ):
            v = clean(v)
            if len(v) >= 40 and v not in out:
                out.append(v)
        return out

    def canonical(self) -> tuple[str, str] | None:
        for link in self.tree.iterfind(".//link[@rel]"):
            if link.get("rel", "").strip().lower() == "canonical" and clean(link.get("href")):
                return clean(link.get("href")), "link[rel=canonical]"
        return None
