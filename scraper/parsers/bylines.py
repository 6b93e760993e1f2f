"""Authors: JSON-LD, meta tags, byline elements and byline text, site names skipped."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from scraper.parsers.pagemeta import (
    PageCore,
    _ld_names,
    clean,
    tokens,
)

_DOMAIN = re.compile(r"\bwww\.|\w\.(?:com|org|net|co|de|uk|fr|es|it|nl|ch|at|au|ca|in|io)\b")


class BylineSignals(PageCore):
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
