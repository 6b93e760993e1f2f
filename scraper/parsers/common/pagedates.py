"""Publish and modified dates as the page prints them (raw strings; normalization parses)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from scraper.parsers.common.pagemeta import (
    PageCore,
    clean,
)

_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|$)"
)
_LABELLED_DATE = re.compile(
    r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"
    r"|\b\d{1,2}[./]\d{1,2}[./]\d{4}(?:,?\s+\d{1,2}:\d{2})?"
    r"|\b[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\b\d{1,2}\.? [A-Za-zäéû]{3,9}\.? \d{4}"
)


class DateSignals(PageCore):
    def published(self) -> tuple[str, str] | None:
        d = clean(self.ld("datePublished"))
        if d:
            return d, "jsonld:datePublished"
        found = self.meta(
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "pubdate",
            "publishdate",
            "date",
            "dc.date",
            "dc.date.issued",
            "sailthru.date",
            "parsely-pub-date",
        )
        if found:
            return found
        for t in self.tree.iterfind(".//time[@datetime]"):
            if clean(t.get("datetime")):
                return clean(t.get("datetime")), "time[datetime]"
        m = _URL_DATE.search(urlsplit(self.url).path)
        if m:
            return f"{m.group(1)}-{m.group(2)}-{m.group(3)}", "url"
        return None

    # the page's text nodes, tested in Python: a regular expression called from XPath calls back
    # into Python for every text node, which costs about three times as much
    _DATE_TEXTS = etree.XPath("//body//text()")
    _DATE_LABEL = re.compile(
        r"^\s*(published|posted|date|datum|veröffentlicht|erschienen|publié|publicado|"
        r"pubblicato|gepubliceerd|publicerad|publisert)\b",
        re.IGNORECASE,
    )

    def published_label(self) -> tuple[str, str] | None:
        """A date printed after a label ("Published 28.04.2023", "Datum 28.04.2023")."""
        for node in self._DATE_TEXTS(self.tree):
            if not self._DATE_LABEL.match(node):
                continue
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
        """A labelled date, else htmldate's search of the page (run last: it copies the tree).
        Its quick search only: the extensive one tries dateparser's every locale on free text,
        which costs seconds in a fresh process and found no right date the quick one misses on
        the dev sets."""
        found = self.published_label()
        if found:
            return found
        from htmldate import find_date

        try:
            day = find_date(
                self.tree,
                original_date=True,
                extensive_search=False,
                outputformat="%Y-%m-%d",
                max_date=fetched_at[:10] or None,
            )
        except Exception:  # a date guesser must never break a parse
            return None
        return (day, "htmldate") if day else None

    def modified(self) -> tuple[str, str] | None:
        d = clean(self.ld("dateModified"))
        if d:
            return d, "jsonld:dateModified"
        return self.meta(
            "article:modified_time", "og:updated_time", "datemodified", "last-modified"
        )
