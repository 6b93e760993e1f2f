"""Metadata signals of a page: JSON-LD, OpenGraph/meta, <time>, rel=author, byline text.

Every reader returns ``(value, signal)`` or None: the parser records which signal gave a field.
Readers never modify the tree. :class:`PageSignals` assembles the readers of titles, bylines,
pagedates and media with the smaller ones below.
"""

from __future__ import annotations

import html as html_lib
import json
import re

from lxml import etree
from lxml import html as lxml_html

from scraper.parsers.common.bylines import BylineSignals
from scraper.parsers.common.media import MediaSignals
from scraper.parsers.common.names import site_header
from scraper.parsers.common.pagedates import DateSignals
from scraper.parsers.common.pagemeta import (  # noqa: F401  (re-exported)
    _WS,
    ARTICLE_TYPES,
    PageCore,
    _ld_names,
    _types,
    clean,
    overlap,
    same_title,
    tokens,
)
from scraper.parsers.common.titles import TitleSignals

_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.){300,})"')
_INLINE = {
    "a",
    "b",
    "strong",
    "em",
    "i",
    "span",
    "font",
    "small",
    "u",
    "mark",
    "time",
    "abbr",
    "cite",
    "q",
    "sub",
    "sup",
}


class PageSignals(TitleSignals, BylineSignals, DateSignals, MediaSignals):
    """Lazy readers over one parsed page."""

    def dek(self) -> tuple[str, str] | None:
        d = clean(self.ld("description"))
        if d:
            return d, "jsonld:description"
        return self.meta("og:description", "description", "twitter:description")

    def publisher(self) -> tuple[str, str] | None:
        pub = self.ld("publisher")
        names = _ld_names(pub)
        if names:
            return names[0], "jsonld:publisher"
        return self.meta("og:site_name")

    def language(self) -> tuple[str, str] | None:
        lang = clean(self.ld("inLanguage"))
        if lang:
            return lang, "jsonld:inLanguage"
        lang = clean(self.tree.get("lang") or self.tree.get("xml:lang"))
        if lang:
            return lang, "html[lang]"
        return self.meta("og:locale", "content-language", "language")

    def tags(self) -> tuple[list[str], str] | None:
        kw = self.ld("keywords")
        if isinstance(kw, str):
            kw = kw.split(",")
        if isinstance(kw, list):
            tags = [clean(k) for k in kw if clean(k)]
            if tags:
                return tags, "jsonld:keywords"
        tags = [
            clean(m.get("content")) for m in self.tree.iterfind('.//meta[@property="article:tag"]')
        ]
        tags = [t for t in tags if t]
        if tags:
            return tags, "meta:article:tag"
        found = self.meta("news_keywords", "keywords")
        if found:
            tags = [clean(t) for t in found[0].split(",") if clean(t)]
            return tags, found[1]
        return None

    def paywalled(self) -> tuple[bool, str] | None:
        free = self.ld("isAccessibleForFree")
        if isinstance(free, str):
            free = free.strip().lower() not in ("false", "0", "no")
        if isinstance(free, bool):
            return (not free), "jsonld:isAccessibleForFree"
        tier = clean(self.metas.get("article:content_tier")).lower()
        if tier:
            return tier in ("locked", "metered", "premium"), "meta:article:content_tier"
        return None

    def visible_lead(self, headline: str | None) -> str | None:
        """The standfirst as the page shows it: a block whose text is the page's description
        (not the site's own, in the site's header)."""
        for d in self.descriptions():
            words = d.split()
            if len(words) < 6:
                continue
            snippet = " ".join(words[:5]).replace('"', "")
            try:
                nodes = self.tree.xpath(
                    f'//body//text()[contains(normalize-space(.), "{snippet}")]'
                )
            except etree.XPathError:
                continue
            for node in nodes:
                el = node.getparent()
                if node.is_tail and el is not None:
                    el = el.getparent()
                while el is not None and el.tag in _INLINE:
                    el = el.getparent()
                if el is None or el.tag in (
                    "script",
                    "style",
                    "noscript",
                    "textarea",
                    "title",
                    "body",
                    "html",
                ):
                    continue
                if _in_site_header(el, headline):
                    continue  # the site's own description (a blog's, under its name)
                text = clean(el.text_content())
                if overlap(text, d) >= 0.8 and overlap(d, text) >= 0.8:
                    return text
        return None

    def article_body(self) -> str | None:
        """JSON-LD articleBody as paragraphs (HTML inside it read as HTML)."""
        best = ""
        for obj in self.jsonld:
            body = obj.get("articleBody")
            if isinstance(body, str) and len(body) > len(best) and _types(obj) & ARTICLE_TYPES:
                best = body
        if not best:
            return None
        if "<p" in best or "<br" in best:
            frag = lxml_html.fragment_fromstring(best, create_parent="div")
            for br in frag.iter("br"):
                br.tail = "\n" + (br.tail or "")
            paras = [clean(p.text_content()) for p in frag.iter("p", "h2", "h3", "li")]
            paras = [p for p in paras if p]
            if paras:
                return "\n\n".join(paras)
            best = frag.text_content()
        best = html_lib.unescape(best)
        paras = [_WS.sub(" ", p).strip() for p in re.split(r"\n\s*", best)]
        return "\n\n".join(p for p in paras if p) or None

    def script_html(self) -> str | None:
        """The longest HTML string inside a script's JSON (hydration data of script-rendered
        pages), or None."""
        best = ""
        for script in self.tree.iter("script"):
            text = script.text or ""
            if len(text) < 500 or ("\\u003cp" not in text and "<p" not in text):
                continue
            for m in _JSON_STRING.finditer(text):
                raw = m.group(1)
                if len(raw) <= len(best) or ("\\u003cp" not in raw and "<p" not in raw):
                    continue
                try:
                    value = json.loads(f'"{raw}"')
                except ValueError:
                    continue
                if value.count("<p") >= 2 and len(value) > len(best):
                    best = value
        return best or None


def _in_site_header(el: etree._Element, headline: str | None) -> bool:
    """``el`` is in the site's header: a box named so that does not hold the headline (an
    article's own header does)."""
    for box in el.iterancestors():
        if site_header(box):
            heads = (clean(h.text_content()) for h in box.iter("h1", "h2"))
            return not headline or not any(same_title(h, headline) for h in heads)
    return False
