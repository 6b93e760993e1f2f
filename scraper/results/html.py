"""Results in HTML: ``<pre>`` blocks (read as text), tables, or the page's rendered text.

Tables: innermost ``<table>`` elements, hidden cells dropped (inline ``display:none``, the
``hidden`` attribute, and classes that a ``<style>`` block hides, as TFRRS does for its
alternate time column); their rows are read by :mod:`scraper.results.tablerows`.  The event of a
table is the nearest preceding event-like text; a round word and a ``Wind: +0.8`` met on the way
set the section's round and wind.
"""

from __future__ import annotations

import json
import re
from typing import Any

import lxml.html
from lxml import etree

from scraper.results.marks import parse_mark, parse_wind
from scraper.results.model import Meet, ResultDoc, round_of
from scraper.results.tablerows import read_table
from scraper.results.text import parse_text

_CSS_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")  # linear: one pass over selector { body }
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASSES = {"hidden", "d-none", "sr-only", "visually-hidden", "hide"}
_EVENT_WORDS = re.compile(
    r"\b(\d[\d,.]*\s*(?:meters?|metres?|m|k|km|mile|miles|yards?|yd)\b|\d+\s*[x×]\s*\d+|mile|relay|"
    r"hurdles|jump|vault|put|throw|discus|javelin|hammer|steeple\w*|dash|run|walk|individuals?|"
    r"teams?|team scores|decathlon|heptathlon|pentathlon|cross country|xc)\b",
    re.I,
)
_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "ul",
    "ol",
    "dd",
    "dt",
    "header",
    "footer",
    "pre",
    "td",
    "th",
}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "caption")
_SITE_SEGMENT = re.compile(
    r"^(?:[\w-]+\.(?:com|org|net)|TFRRS|DirectAthletics|MileSplit|"
    r"Athletic\.net|RunnerSpace|DyeStat|Results?|Meet Results|Live Results|"
    r"Official Site)$",
    re.I,
)


# C0 controls but tab/LF/CR: lxml refuses them in any text it builds (found by the property tests).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# Bounds on what a document may cost: its tree and rows take about 1 KB a tag (a 16 MB table took
# 680 MB); the largest real results page seen (a parkrun listing of 900 KB) has 26,000 tags.
MAX_TAGS = 300_000


def parse(text: str, url: str | None = None) -> ResultDoc:
    tags = text.count("<")
    if tags > MAX_TAGS:
        return ResultDoc(
            format="html", error=f"HTML of {tags:,} tags, over the {MAX_TAGS:,} read: not read"
        )
    text = _NOT_XML.sub("", re.sub(r"^\s*<\?xml[^>]*\?>", "", text))
    try:
        root = lxml.html.fromstring(text)
    except (etree.ParserError, ValueError) as e:
        return ResultDoc(format="html", error=f"unparseable HTML: {e}"[:300])
    app_scripts = bool(root.xpath("//script[@src]"))
    for bad in root.xpath("//script[not(@type='application/ld+json')]|//noscript"):
        bad.drop_tree()
    meet = _meet(root)
    pres = [p.text_content() for p in root.iter("pre")]
    pre_text = "\n\n".join(t for t in pres if len(t) > 80 and re.search(r"\d", t))
    if pre_text:
        doc = parse_text(pre_text)
        if any(e.rows for e in doc.events):
            doc.format = "html-pre/" + doc.format
            _fill_meet(doc.meet, meet)
            return doc
    doc = _tables(root)
    if any(e.rows for e in doc.events):
        _fill_meet(doc.meet, meet)
        return doc
    body = root.find("body")
    text = _rendered_text(body if body is not None else root)
    if len(text.split()) < 20 and app_scripts:
        doc = ResultDoc(format="html", error="no results in the HTML (a JavaScript application?)")
        _fill_meet(doc.meet, meet)
        return doc
    doc = parse_text(text)
    doc.format = "html-text/" + doc.format
    _fill_meet(doc.meet, meet)
    return doc


def _fill_meet(into: Meet, src: Meet) -> None:
    for k in ("name", "date", "date_raw", "venue"):
        if getattr(into, k) is None and getattr(src, k) is not None:
            setattr(into, k, getattr(src, k))


def _meet(root: Any) -> Meet:
    meet = Meet()
    for s in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(s.text_content())
        except ValueError:
            continue
        for obj in data if isinstance(data, list) else [data]:
            if isinstance(obj, dict) and "Event" in str(obj.get("@type", "")):
                meet.name = meet.name or obj.get("name")
                sd = obj.get("startDate")
                if isinstance(sd, str) and re.match(r"\d{4}-\d{2}-\d{2}", sd):
                    meet.date = meet.date or sd[:10]
                loc = obj.get("location")
                if isinstance(loc, dict):
                    meet.venue = meet.venue or loc.get("name")
    if meet.date is None:
        from scraper.results.listing import date_in

        body = root.find("body")
        if body is not None:
            meet.date_raw, meet.date = date_in(" ".join(body.text_content().split())[:3000])
    if meet.name is None:
        t = root.findtext(".//title")
        if t and t.strip():
            meet.name = _meet_from_title(" ".join(t.split()))
    return meet


def _meet_from_title(title: str) -> str:
    """'TFRRS | Conference Championships - Women's 10,000 Meters' -> 'Conference Championships'."""
    parts = [p.strip() for p in re.split(r"\s+[|–—-]\s+", title) if p.strip()]
    keep = [p for p in parts if not _SITE_SEGMENT.match(p) and not _EVENT_WORDS.search(p)]
    return max(keep, key=len) if keep else title


def _rendered_text(el: Any) -> str:
    for e in el.iter():
        if isinstance(e.tag, str) and e.tag in _BLOCK:
            e.tail = "\n" + (e.tail or "")
    return el.text_content()


def _hidden_classes(root: Any) -> set[str]:
    out = set(_HIDDEN_CLASSES)
    for st in root.iter("style"):
        for m in _CSS_RULE.finditer(st.text_content() or ""):
            if not _DISPLAY_NONE.search(m.group(2)):
                continue
            for sel in m.group(1).split(","):
                sel = sel.strip()
                if re.fullmatch(r"\.[\w-]+", sel):
                    out.add(sel[1:])
    return out


def _visible(el: Any, hidden: set[str]) -> bool:
    if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
        return False
    return not (set((el.get("class") or "").split()) & hidden)


def _cell_text(c: Any) -> str:
    return " ".join(c.text_content().replace("\xa0", " ").split())


def _tables(root: Any) -> ResultDoc:
    doc = ResultDoc(format="html-tables")
    hidden = _hidden_classes(root)
    texts, before = _text_index(root)
    for tbl in root.iter("table"):
        if tbl.find(".//table") is not None or not _visible(tbl, hidden):
            continue
        rows = []
        for tr in tbl.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
            if not _visible(tr, hidden):
                continue
            cells = [c for c in tr if c.tag in ("td", "th") and _visible(c, hidden)]
            vals = []
            for c in cells:
                vals.append(_cell_text(c))
                for _ in range(
                    int(c.get("colspan") or 1) - 1 if (c.get("colspan") or "1").isdigit() else 0
                ):
                    vals.append("")
            if any(vals):
                rows.append((vals, all(c.tag == "th" for c in cells)))
        if len(rows) < 1:
            continue
        title, rnd, wind = _title_of(texts[max(0, before[tbl] - 60) : before[tbl]])
        events = read_table(rows, title, rnd)
        if wind is not None:
            for ev in events:
                ev.wind = wind
                for r in ev.rows:
                    if r.wind is None and r.wind_raw is None:
                        r.wind = wind
        doc.events.extend(events)
    return doc


_WIND_TEXT = re.compile(r"\bwind\s*:?\s*([+-]?\d+(?:[.,]\d+)?)\s*(?:m/s)?\b", re.I)


def _text_index(root: Any) -> tuple[list[tuple[str, Any]], dict[Any, int]]:
    """The document's non-blank text nodes in order, each with the element lxml gives as its
    parent (for a tail, the element it follows), and for each table how many come before it:
    one pass, where asking each table for its ``preceding::text()`` took quadratic time (1,667
    small tables: minutes)."""
    texts: list[tuple[str, Any]] = []
    before: dict[Any, int] = {}
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            if el.tag == "table":
                before[el] = len(texts)
            if isinstance(el.tag, str) and el.text and el.text.strip(" \t\r\n"):
                texts.append((el.text, el))
        elif el.tail and el.tail.strip(" \t\r\n"):
            texts.append((el.tail, el))
    return texts, before


def _title_of(preceding: list[tuple[str, Any]]) -> tuple[str | None, str | None, float | None]:
    """Nearest preceding event-like text, and a round word and a wind met on the way
    (``preceding``: the last non-blank texts before the table, with their parents)."""
    rnd = None
    wind = None
    heading = None
    seen = 0
    for t, parent in reversed(preceding):
        s = " ".join(t.split())
        if parent is not None and parent.tag in ("script", "style", "option"):
            continue
        seen += 1
        if seen > 40:
            break
        wm = _WIND_TEXT.search(s)
        if wm and len(s) < 40:
            if wind is None:
                wind = parse_wind(wm.group(1))[0]
            continue
        r = round_of(s)
        if r and len(s) < 30 and rnd is None:
            rnd = r
            continue
        if len(s) < 90 and _EVENT_WORDS.search(s) and not parse_mark(s).value:
            return s, rnd, wind
        if (
            heading is None
            and parent is not None
            and parent.tag in _HEADINGS
            and sum(ch.isalpha() for ch in s) >= 4
        ):
            heading = s
    return heading, rnd, wind
