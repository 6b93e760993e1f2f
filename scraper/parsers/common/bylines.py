"""Authors: JSON-LD, meta tags, byline elements and byline text, site names skipped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from lxml import etree

from scraper.parsers.common.pagemeta import (
    PageCore,
    _ld_names,
    clean,
    tokens,
)

# CMS accounts that are not people: WordPress's "admin" and the like
_ACCOUNTS = {
    "admin",
    "administrator",
    "webmaster",
    "editor",
    "editors",
    "redaktion",
    "staff",
    "user",
    "newsroom",
    "desk",
    "web",
    "online",
}
_SHORT_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_TRAILING_SEP = re.compile(r"[\s|,·•–—-]+$")


def _is_account_link(link: str) -> bool:
    """An author page of a CMS account, not of a person ('/author/admin/')."""
    slug = [p for p in re.split(r"[/#?]", link.lower()) if p]
    return (
        bool(slug)
        and slug[-1] in _ACCOUNTS
        and any(x in ("author", "authors", "autor", "user") for x in slug[-3:-1])
    )


def _not_accounts(raw: object) -> object:
    """JSON-LD authors without CMS accounts (an author whose page is /author/admin/)."""
    items = raw if isinstance(raw, list) else [raw]
    return [
        it
        for it in items
        if not (
            isinstance(it, dict)
            and _is_account_link(" ".join(str(it.get(k) or "") for k in ("url", "@id")))
        )
    ]


_DOMAIN = re.compile(r"\bwww\.|\w\.(?:com|org|net|co|de|uk|fr|es|it|nl|ch|at|au|ca|in|io)\b")


_BYLINE_CLASS = re.compile(r"byline|author|Author|autor|Autor|writer")
_AUTHOR_HREF = re.compile(r"/author/|/autor/|/authors/|/autoren/|/journalist")


@lru_cache(maxsize=8192)
def _byline_class(cls: str | None) -> bool:
    return bool(cls) and _BYLINE_CLASS.search(cls or "") is not None


class BylineSignals(PageCore):
    def authors(self) -> tuple[list[str], str, str | None] | None:
        """Author names as the first source naming people gave them (JSON-LD, meta, the byline
        on the page); when none names a person, the first credit found (an agency, an outlet)."""
        from scraper.text.authors import clean_authors

        first = None
        sites = set(self.site_tokens)
        sites.discard("")

        def is_site(name: str) -> bool:
            if _DOMAIN.search(name):
                return True
            t = " ".join(tokens(name))
            return any(t == s or t.startswith(s + " ") or s.startswith(t + " ") for s in sites)

        accounts = self._account_names()
        for names, signal in self._author_sources():
            names = [
                n
                for n in names
                if n
                and not n.isdigit()
                and not n.startswith("http")
                and " ".join(tokens(n)) not in accounts
            ]
            people = [n for n in names if not is_site(n)]
            if people and clean_authors(people):
                return people, signal, "; ".join(names)
            if not names:
                continue
            first = first or (names, signal, "; ".join(names))
        return first

    def _account_names(self) -> set[str]:
        """Names shown for CMS accounts (linked to '/author/admin/'): never people."""
        out: set[str] = set()
        raw = self.ld("author")
        for it in raw if isinstance(raw, list) else [raw]:
            if isinstance(it, dict) and _is_account_link(
                " ".join(str(it.get(k) or "") for k in ("url", "@id"))
            ):
                out.update(" ".join(tokens(n)) for n in _ld_names(it))
        for a in self._ACCOUNT_LINKS(self.tree):
            href = a.get("href", "")
            if _is_account_link(href):
                out.add(" ".join(tokens(clean(a.text_content()))))
        out.discard("")
        return out

    def _author_sources(self) -> Iterator[tuple[list[str], str]]:
        yield _ld_names(_not_accounts(self.ld("author"))), "jsonld:author"
        for key in (
            "author",
            "article:author",
            "dc.creator",
            "parsely-author",
            "sailthru.author",
            "byl",
        ):
            values = [clean(v) for v in self.meta_all.get(key, [])]
            values = [v for v in values if v]
            if values:
                yield values, f"meta:{key}"
        yield from self._byline_elements()
        yield from self._byline_text()
        yield from self._byline_under_headline()

    # links that may lead to an author's page (the Python test of every link was slower)
    _ACCOUNT_LINKS = etree.XPath('.//a[contains(@href, "/aut") or contains(@href, "/user")]')

    # every text node, tested in Python (a regular expression called from XPath costs more)
    _BYLINE_TEXTS = etree.XPath("//text()")
    _BYLINE_LABEL = re.compile(
        r"^\s*(by|von|par|por|door|av|af|autor(in)?(/autor)?|author|text|texto|written by|"
        r"reporting by)\b",
        re.IGNORECASE,
    )

    def _byline_text(self) -> Iterator[tuple[list[str], str]]:
        """A byline printed as text: "By Jane Doe", "Von Max Muster", "Autor: ..."."""
        from scraper.text.authors import split_byline

        for node in self._BYLINE_TEXTS(self.tree):
            if not self._BYLINE_LABEL.match(node):
                continue
            parent = node.getparent()
            if parent is None or parent.tag in ("script", "style", "title", "option"):
                continue
            if next(
                parent.iterancestors("a", "figure", "figcaption"), None
            ) is not None or parent.tag in ("a", "figcaption"):
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

    def _byline_boxes(self) -> list[etree._Element]:
        """Elements that may hold a byline (rel/itemprop author, a byline/author/writer class, an
        author id, a link to an author page), the ones after the headline first, each group in
        document order. One pass in Python: faster than XPath's contains() on every attribute."""
        before: list[etree._Element] = []
        after: list[etree._Element] = []
        h1 = None
        for el in self.tree.iter():
            attrib = el.attrib
            if el.tag == "h1" and h1 is None:
                h1 = el
                continue
            if not attrib:
                continue
            if (
                attrib.get("rel") == "author"
                or attrib.get("itemprop") == "author"
                or _byline_class(attrib.get("class"))
                or "author" in (attrib.get("id") or "")
                or (el.tag == "a" and _AUTHOR_HREF.search(attrib.get("href") or "") is not None)
            ):
                (after if h1 is not None else before).append(el)
        return after + before

    def _byline_elements(self) -> Iterator[tuple[list[str], str]]:
        """Bylines printed on the page, the ones after the headline first."""
        from scraper.text.authors import split_byline

        found = self._byline_boxes()
        if not found:
            return
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
                yield (
                    people,
                    "byline:"
                    + (
                        "rel"
                        if el.get("rel") == "author"
                        else "itemprop"
                        if el.get("itemprop")
                        else "href"
                        if el.tag == "a" and el.get("href")
                        else "class"
                    ),
                )
                return

    def _byline_under_headline(self) -> Iterator[tuple[list[str], str]]:
        """An unlabelled byline between the headline and the text: a name alone in bold as the
        first paragraph, or a name set off beside the date line ("Jane Doe | 05.04.2025")."""
        from scraper.text.authors import _titlecase, looks_like_person

        h1 = self.tree.find(".//h1")
        if h1 is None:
            return
        seen = 0
        for el in _following(h1):
            seen += 1
            if seen > 60 or not isinstance(el.tag, str):
                return
            text = clean(el.text_content())
            if el.tag == "p" and len(text) > 80:
                return  # the text has begun
            if (
                el.tag not in ("p", "span", "div", "address", "small")
                or len(text) > 60
                or not text
                or len(el) > 2
            ):
                continue
            name = _titlecase(_TRAILING_SEP.sub("", text))
            if not 2 <= len(name.split()) <= 4 or not looks_like_person(name):
                continue
            bold = (
                el.tag == "p"
                and len(el) == 1
                and el[0].tag in ("strong", "b")
                and clean(el[0].text_content()) == text
            )
            beside_date = text != _TRAILING_SEP.sub("", text) and any(
                _SHORT_DATE.search(clean(sib.text_content()) or "")
                for sib in (el.getnext(), el.getprevious())
                if sib is not None
            )
            if bold or beside_date:
                yield [name], "byline:under-headline"
                return


def _following(el: etree._Element) -> Iterator[etree._Element]:
    """The elements after ``el`` in document order (not its descendants)."""
    node = el
    while node is not None:
        sib = node.getnext()
        while sib is not None:
            yield sib
            yield from sib.iterdescendants()
            sib = sib.getnext()
        node = node.getparent()
