"""Metadata signals of a page: JSON-LD, OpenGraph/meta, <time>, rel=author, byline text.

Every reader returns ``(value, signal)`` or None: the parser records which signal gave a field.
Readers never modify the tree.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report",
    "scholarlyarticle", "socialmediaposting", "techarticle", "webpage", "medicalwebpage",
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
    return _WS.sub(" ", text).strip()


_TOKEN = re.compile(r"\w+")
_TITLE_SEP = re.compile(r"\s+[|\-–—·•:/»«]+\s+|\s*[|•·｜ㅣ]\s*")
_DOMAIN = re.compile(r"\bwww\.|\w\.(?:com|org|net|co|de|uk|fr|es|it|nl|ch|at|au|ca|in|io)\b")
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|$)")
_JSON_STRING = re.compile(r'"((?:[^"\\]|\\.){300,})"')
_INLINE = {"a", "b", "strong", "em", "i", "span", "font", "small", "u", "mark", "time", "abbr",
           "cite", "q", "sub", "sup"}
_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|source|rights|attribution")
_CREDIT_WORD = r"(?:photo(?:graph)?|foto|bild|image|picture|credit|quelle|source)s?"
_CREDIT_LABEL = re.compile(rf"^{_CREDIT_WORD}\s*(?:by|:)\s*", re.IGNORECASE)
_CREDIT_IN_TEXT = re.compile(
    rf"(?:\b{_CREDIT_WORD}\s*(?:by|:)|©|\(c\))\s*(?P<who>[^|;]{{2,80}})$",
    re.IGNORECASE)
_CREDIT_TAIL = re.compile(rf"\s*(?:\b{_CREDIT_WORD}\s*(?:by|:)|©)\s*$",
                          re.IGNORECASE)
_LABELLED_DATE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"
    r"|\b\d{1,2}[./]\d{1,2}[./]\d{4}(?:,?\s+\d{1,2}:\d{2})?"
    r"|\b[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\b\d{1,2}\.? [A-Za-zäéû]{3,9}\.? \d{4}")
_DATE_PART = re.compile(r"^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*$")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


def overlap(part: str, whole: str) -> float:
    """Share of ``part``'s tokens found in ``whole`` (1.0 = every word of part is in whole)."""
    a, b = tokens(part), set(tokens(whole))
    if not a:
        return 0.0
    return sum(1 for t in a if t in b) / len(a)


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


def _loads(text: str) -> Any:
    text = text.strip()
    if text.startswith("<!--"):
        text = text[4:]
    if text.endswith("-->"):
        text = text[:-3]
    try:
        return json.loads(text, strict=False)
    except ValueError:
        # trailing commas and stray control characters are common
        try:
            return json.loads(re.sub(r",\s*([}\]])", r"\1", text), strict=False)
        except ValueError:
            return None


class PageSignals:
    """Lazy readers over one parsed page."""

    def __init__(self, tree: lxml_html.HtmlElement, url: str) -> None:
        self.tree = tree
        self.url = url

    # ---- raw signal tables -------------------------------------------------------------------
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
            if key in ("author", "article:author", "dc.creator", "parsely-author",
                       "sailthru.author", "byl") and (m.get("content") or "").strip():
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

    # ---- fields ------------------------------------------------------------------------------
    def site_names(self) -> list[str]:
        names = []
        for key in ("og:site_name", "application-name", "apple-mobile-web-app-title",
                    "twitter:site"):
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
        return [n for n in names if n and len(tokens(n)) <= 5]

    def strip_site_name(self, title: str) -> str:
        """'Headline | Site' / 'Site - Headline' -> 'Headline' when a part names the site."""
        parts = _TITLE_SEP.split(title)
        if len(parts) < 2:
            return title
        sites = [t for n in self.site_names() for t in [" ".join(tokens(n))] if t]
        squashed = {s.replace(" ", "") for s in sites}

        def is_site(part: str) -> bool:
            p = " ".join(tokens(part))
            if not p or _DATE_PART.match(part):
                return True
            if p.replace(" ", "") in squashed:
                return True
            padded = f" {p} "
            return any(f" {p} " in f" {s} " or (f" {s} " in padded and len(p) <= len(s) + 12)
                       for s in sites)

        keep = list(parts)
        while len(keep) > 1 and is_site(keep[-1]):
            keep.pop()
        while len(keep) > 1 and is_site(keep[0]):
            keep.pop(0)
        if len(keep) == len(parts):
            return title
        # cut the original string (keeps the separators inside the headline)
        start = title.find(keep[0])
        end = title.rfind(keep[-1]) + len(keep[-1])
        out = title[start:end].strip() if start >= 0 and end > start else title
        for section in self.sections():
            for sep in ("-", " - ", " | ", ": ", "|"):
                if out.endswith(sep + section) and len(out) > len(sep + section) + 10:
                    return out[: -len(sep + section)].strip()
        return out

    def sections(self) -> list[str]:
        out = []
        sec = self.ld("articleSection")
        for v in (sec if isinstance(sec, list) else [sec]):
            if clean(v):
                out.append(clean(v))
        v = clean(self.metas.get("article:section"))
        if v:
            out.append(v)
        return out

    def title_candidates(self) -> list[tuple[str, str]]:
        out = []
        h = clean(self.ld("headline"))
        if h:
            out.append((h, "jsonld:headline"))
        for key in ("og:title", "twitter:title", "title"):
            v = self.metas.get(key)
            if v and clean(v):
                out.append((clean(v), f"meta:{key}"))
        title = self.tree.find(".//title")
        if title is not None and clean(title.text_content()):
            out.append((clean(title.text_content()), "title"))
        return out

    def h1s(self) -> list[str]:
        out = []
        for h in self.tree.iter("h1"):
            if h.get("hidden") is not None or h.get("aria-hidden") == "true":
                continue
            t = clean(h.text_content())
            if t and t not in out:
                out.append(t)
        return out

    # weights of the title signals: the headline that the page's structured data and its visible
    # <h1> agree on wins over social-media variants (og:/twitter:) and the window title
    TITLE_WEIGHTS = {"jsonld:headline": 2.0, "h1": 2.0, "meta:og:title": 1.0,
                     "meta:twitter:title": 1.0, "title": 0.5, "meta:title": 0.25}

    def headline(self) -> tuple[str, str] | None:
        """The title most signals agree on, site names removed."""
        cands = [(self.strip_site_name(t), sig) for t, sig in self.title_candidates()]
        cands = [(t, sig) for t, sig in cands if t]
        h1 = None
        for t in self.h1s():
            if any(overlap(t, c) >= 0.5 and overlap(c, t) >= 0.5 for c, _ in cands):
                h1 = t
                break
        if h1 is None and not cands:
            h1s = self.h1s()
            h1 = h1s[0] if h1s else None
        if h1:
            cands.append((h1, "h1"))
        if not cands:
            return None
        score: dict[str, float] = {}
        first: dict[str, tuple[str, str]] = {}
        for t, sig in cands:
            key = " ".join(tokens(t))
            score[key] = score.get(key, 0.0) + self.TITLE_WEIGHTS.get(sig, 0.25)
            first.setdefault(key, (t, sig))
        # "Kicker: Headline" where another signal gives the bare headline: the kicker is a label
        for key in list(score):
            for other in [k for k in score if k != key]:
                if (other != key and key.endswith(" " + other) and score[other] >= 1.0
                        and len(key) - len(other) <= 60):
                    kicker = first[key][0][: -len(first[other][0])].rstrip()
                    if kicker.endswith((":", " -", " –", " |")):
                        score[other] += score.pop(key, 0.0)
                        break
        best = max(score, key=lambda k: score[k])
        text, sig = first[best]
        agreeing = sorted({s for t, s in cands if " ".join(tokens(t)) == best})
        return text, "+".join(agreeing) if len(agreeing) > 1 else sig

    def dek(self) -> tuple[str, str] | None:
        d = clean(self.ld("description"))
        if d:
            return d, "jsonld:description"
        return self.meta("og:description", "description", "twitter:description")

    def authors(self) -> tuple[list[str], str, str | None] | None:
        """Author names as the first source naming people gave them (JSON-LD, meta, the byline
        on the page); when none names a person, the first credit found (an agency, an outlet)."""
        from scraper.authors import clean_authors

        first = None
        sites = {" ".join(tokens(n)) for n in self.site_names()}
        sites.discard("")

        def is_site(name: str) -> bool:
            if _DOMAIN.search(name):
                return True
            t = " ".join(tokens(name))
            return any(t == s or t.startswith(s + " ") or s.startswith(t + " ") for s in sites)

        for names, signal in self._author_sources():
            names = [n for n in names if n and not n.isdigit() and not n.startswith("http")]
            people = [n for n in names if not is_site(n)]
            if people and clean_authors(people):
                return people, signal, "; ".join(names)
            if not names:
                continue
            first = first or (names, signal, "; ".join(names))
        return first

    def _author_sources(self) -> Iterator[tuple[list[str], str]]:
        yield _ld_names(self.ld("author")), "jsonld:author"
        for key in ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author",
                    "byl"):
            values = [clean(v) for v in self.meta_all.get(key, [])]
            values = [v for v in values if v]
            if values:
                yield values, f"meta:{key}"
        yield from self._byline_elements()
        yield from self._byline_text()

    _BYLINE_XPATH = (
        '//*[@rel="author" or @itemprop="author" or contains(@class, "byline")'
        ' or contains(@class, "author") or contains(@class, "Author") or contains(@id, "author")'
        ' or contains(@class, "autor") or contains(@class, "Autor") or contains(@class, "writer")]'
        ' | //a[contains(@href, "/author/") or contains(@href, "/autor/")'
        ' or contains(@href, "/authors/") or contains(@href, "/autoren/")'
        ' or contains(@href, "/journalist")]'
    )

    _BYLINE_LABEL = etree.XPath(
        r'//text()[re:test(., "^\s*(by|von|par|por|door|av|af|autor(in)?(/autor)?|author|'
        r'text|texto|written by|reporting by)\b", "i")]',
        namespaces={"re": "http://exslt.org/regular-expressions"})

    def _byline_text(self) -> Iterator[tuple[list[str], str]]:
        """A byline printed as text: "By Jane Doe", "Von Max Muster", "Autor: ..."."""
        from scraper.authors import split_byline

        for node in self._BYLINE_LABEL(self.tree):
            parent = node.getparent()
            if parent is None or parent.tag in ("script", "style", "title", "option"):
                continue
            if next(parent.iterancestors("a", "figure", "figcaption"), None) is not None \
                    or parent.tag in ("a", "figcaption"):
                continue  # a teaser card's byline, a photo credit
            if node.is_tail:
                text = clean(node)
            else:
                text = clean(parent.text_content())
                if len(text) <= len(clean(node)) + 2 and parent.getparent() is not None:
                    text = clean(parent.getparent().text_content())
            if not text or len(text) > 120 or not text.startswith(clean(node)[:4]):
                continue
            people = split_byline(text)[0]
            if people:
                yield people, "byline:text"
                return

    def _byline_elements(self) -> Iterator[tuple[list[str], str]]:
        """Bylines printed on the page, the ones after the headline first."""
        from scraper.authors import split_byline

        try:
            found = self.tree.xpath(self._BYLINE_XPATH)
        except etree.XPathError:
            return
        if not found:
            return
        order = {el: i for i, el in enumerate(self.tree.iter())}
        h1 = self.tree.find(".//h1")
        start = order.get(h1, 0) if h1 is not None else 0
        found = sorted(found, key=lambda el: (order.get(el, 0) < start, order.get(el, 0)))
        for el in found:
            if el.tag in ("script", "style", "meta", "link", "body", "html", "article", "main"):
                continue
            if next(el.iterancestors("figure", "figcaption"), None) is not None:
                continue
            name_el = el.find('.//*[@itemprop="name"]')
            text = clean((name_el if name_el is not None else el).text_content())
            if not text or len(text) > 120:
                continue
            people = split_byline(text)[0]
            if people:
                yield people, "byline:" + ("rel" if el.get("rel") == "author" else
                                           "itemprop" if el.get("itemprop") else
                                           "href" if el.tag == "a" and el.get("href") else
                                           "class")
                return

    def publisher(self) -> tuple[str, str] | None:
        pub = self.ld("publisher")
        names = _ld_names(pub)
        if names:
            return names[0], "jsonld:publisher"
        return self.meta("og:site_name")

    def published(self) -> tuple[str, str] | None:
        d = clean(self.ld("datePublished"))
        if d:
            return d, "jsonld:datePublished"
        found = self.meta("article:published_time", "og:article:published_time", "datepublished",
                          "pubdate", "publishdate", "date", "dc.date", "dc.date.issued",
                          "sailthru.date", "parsely-pub-date")
        if found:
            return found
        for t in self.tree.iterfind(".//time[@datetime]"):
            if clean(t.get("datetime")):
                return clean(t.get("datetime")), "time[datetime]"
        m = _URL_DATE.search(urlsplit(self.url).path)
        if m:
            return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "url"
        return None

    _DATE_LABEL = etree.XPath(
        r'//body//text()[re:test(., "^\s*(published|posted|date|datum|veröffentlicht|'
        r'erschienen|publié|publicado|pubblicato|gepubliceerd|publicerad|publisert)\b", "i")]',
        namespaces={"re": "http://exslt.org/regular-expressions"})

    def published_label(self) -> tuple[str, str] | None:
        """A date printed after a label ("Published 28.04.2023", "Datum 28.04.2023")."""
        for node in self._DATE_LABEL(self.tree):
            parent = node.getparent()
            if parent is None or parent.tag in ("script", "style", "option", "title"):
                continue
            text = clean(node) if node.is_tail else clean(parent.text_content())
            if not _LABELLED_DATE.search(text) and parent.getparent() is not None:
                text = clean(parent.getparent().text_content())  # "<b>Datum</b> 28.04.2023"
            if len(text) > 80:
                continue
            m = _LABELLED_DATE.search(text)
            if m:
                return m.group(0), "label:text"
        return None

    def published_fallback(self, fetched_at: str) -> tuple[str, str] | None:
        """A labelled date, else htmldate's search of the page (run last: it copies the tree)."""
        found = self.published_label()
        if found:
            return found
        from htmldate import find_date

        try:
            found = find_date(self.tree, original_date=True, extensive_search=True,
                              outputformat="%Y-%m-%d", max_date=fetched_at[:10] or None)
        except Exception:  # a date guesser must never break a parse
            return None
        return (found, "htmldate") if found else None

    def modified(self) -> tuple[str, str] | None:
        d = clean(self.ld("dateModified"))
        if d:
            return d, "jsonld:dateModified"
        return self.meta("article:modified_time", "og:updated_time", "datemodified",
                         "last-modified")

    def image(self) -> tuple[str, str] | None:
        img = self.ld("image")
        if isinstance(img, list) and img:
            img = img[0]
        if isinstance(img, dict):
            img = img.get("url") or img.get("contentUrl")
        if isinstance(img, str) and img.strip():
            return img.strip(), "jsonld:image"
        return self.meta("og:image", "og:image:url", "twitter:image", "twitter:image:src")

    def _ld_image(self) -> dict[str, Any] | None:
        img = self.ld("image")
        if isinstance(img, list) and img:
            img = img[0]
        return img if isinstance(img, dict) else None

    @cached_property
    def main_figure(self) -> lxml_html.HtmlElement | None:
        """The <figure> of the lead image: the one showing the page's image, else the first
        figure after the headline."""
        figures = list(self.tree.iter("figure"))
        if not figures:
            return None
        img = self.image()
        name = urlsplit(img[0]).path.rsplit("/", 1)[-1].split(".")[0] if img else ""
        if len(name) >= 6:
            for fig in figures:
                for im in fig.iter("img", "source"):
                    if name in (im.get("src") or "") + (im.get("srcset") or "") + \
                            (im.get("data-src") or ""):
                        return fig
        h1 = self.tree.find(".//h1")
        if h1 is not None:
            for el in h1.itersiblings():
                fig = el if el.tag == "figure" else el.find(".//figure")
                if fig is not None:
                    return fig
        return None

    def image_caption(self) -> tuple[str, str] | None:
        fig = self.main_figure
        if fig is not None:
            cap = fig.find(".//figcaption")
            if cap is not None:
                text = clean(cap.text_content())
                credit = self.photo_credit()
                if credit and credit[0] in text:
                    text = text.replace(credit[0], "").strip(" ,;|/()-–")
                    text = _CREDIT_TAIL.sub("", text).strip(" ,;|/(-–")
                if text:
                    return text, "figure>figcaption"
        img = self._ld_image()
        if img is not None and clean(img.get("caption")):
            return clean(img.get("caption")), "jsonld:image.caption"
        return self.meta("og:image:alt", "twitter:image:alt")

    def photo_credit(self) -> tuple[str, str] | None:
        """Who took the lead image: a credit element in its figure, a "Photo: X" caption tail,
        JSON-LD creditText/author."""
        fig = self.main_figure
        if fig is not None:
            for el in fig.iter():
                cid = f"{el.get('class') or ''} {el.get('itemprop') or ''}".lower()
                if isinstance(el.tag, str) and _CREDIT_CLASS.search(cid):
                    text = _CREDIT_LABEL.sub("", clean(el.text_content())).strip(" ()©")
                    if 1 < len(text) <= 80:
                        return text, "figure:credit"
            cap = fig.find(".//figcaption")
            if cap is not None:
                m = _CREDIT_IN_TEXT.search(clean(cap.text_content()))
                if m:
                    return m.group("who").strip(" ()."), "figcaption:text"
        img = self._ld_image()
        if img is not None:
            for key in ("creditText", "copyrightHolder", "author", "creator"):
                names = _ld_names(img.get(key))
                if names:
                    return names[0], f"jsonld:image.{key}"
        return None

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
        tags = [clean(m.get("content"))
                for m in self.tree.iterfind('.//meta[@property="article:tag"]')]
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

    def descriptions(self) -> list[str]:
        out = []
        for v in (self.ld("description"), self.metas.get("og:description"),
                  self.metas.get("description"), self.metas.get("twitter:description")):
            v = clean(v)
            if len(v) >= 40 and v not in out:
                out.append(v)
        return out

    def visible_lead(self) -> str | None:
        """The standfirst as the page shows it: a block whose text is the page's description."""
        for d in self.descriptions():
            words = d.split()
            if len(words) < 6:
                continue
            snippet = " ".join(words[:5]).replace('"', "")
            try:
                nodes = self.tree.xpath(
                    f'//body//text()[contains(normalize-space(.), "{snippet}")]')
            except etree.XPathError:
                continue
            for node in nodes:
                el = node.getparent()
                if node.is_tail and el is not None:
                    el = el.getparent()
                while el is not None and el.tag in _INLINE:
                    el = el.getparent()
                if el is None or el.tag in ("script", "style", "noscript", "textarea", "title",
                                            "body", "html"):
                    continue
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

    def canonical(self) -> tuple[str, str] | None:
        for link in self.tree.iterfind(".//link[@rel]"):
            if link.get("rel", "").strip().lower() == "canonical" and clean(link.get("href")):
                return clean(link.get("href")), "link[rel=canonical]"
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
