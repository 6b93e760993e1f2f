"""Results in HTML: ``<pre>`` blocks (read as text), tables, or the page's rendered text.

Tables come from :mod:`scraper.results.htmltables` (spans, hidden cells, a cell's first view) and
are read by :mod:`scraper.results.tablerows`.  The event of a table is the nearest preceding
event-like text, else the nearest heading; a round word and a ``Wind: +0.8`` met on the way set
the section's round and wind.  The meet comes from JSON-LD, ``Label: value`` rows, the report's
headings (:func:`scraper.results.meetinfo.meet_name`), then the page title without the site's
name.
"""

from __future__ import annotations

import json
import re
from itertools import islice
from typing import Any

from lxml import etree

from scraper.results.dates import POSTED, date_order, dayfirst_of
from scraper.results.grids import rewrite_grids
from scraper.results.htmltables import (
    caption_of,
    cell_text,
    chrome,
    consent_boxes,
    headings,
    hidden_classes,
    table_groups,
    table_lines,
    tables_in_order,
    text_of,
)
from scraper.results.marks import wind_in
from scraper.results.meetinfo import (
    MEET_WORDS,
    day_of,
    is_boilerplate,
    may_name_meet,
    meet_in_sentence,
    meet_name,
    meet_word,
    prose,
    title_line,
)
from scraper.results.model import Meet, ResultDoc, gender_of, round_of
from scraper.results.tablerows import read_table
from scraper.results.tabletitles import EVENT_WORDS, HEADINGS, title_of
from scraper.results.tablewords import is_team_title, meta_label, title_gender
from scraper.results.text import parse_text

_BLOCK = frozenset(  # the elements that end a line of the page's text
    ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section")
    + ("article", "ul", "ol", "dd", "dt", "header", "footer", "pre", "td", "th")
)
_SITE_SEGMENT = re.compile(
    r"^(?:[\w-]+\.(?:com|org|net)|TFRRS|DirectAthletics|MileSplit|"
    r"Athletic\.net|RunnerSpace|DyeStat|Results?|Meet Results|Live Results|"
    r"Official Site)$",
    re.I,
)
_PAGE_TITLE_PI = re.compile(r"""\$(?:page_)?title\s*=\s*(['"])(.+?)\1""")

_PARSER = etree.HTMLParser(no_network=True)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
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
    try:
        root = tree(text)
    except (etree.ParserError, ValueError) as e:
        return ResultDoc(format="html", error=f"unparseable HTML: {e}"[:300])
    return parse_tree(root)


def tree(text: str) -> Any:
    """The page's HTML tree (ParserError or ValueError when there is none)."""
    root = etree.fromstring(
        _NOT_XML.sub("", re.sub(r"^\s*<\?xml[^>]*\?>", "", text)), _PARSER
    )  # plain elements: an HtmlElement costs a Python lookup per node
    if root is None:
        raise ValueError("no HTML in the document")
    return root


def parse_tree(root: Any, fmt: str = "html") -> ResultDoc:
    """An HTML tree (a page, or a Word document turned into one) -> its results."""
    app_scripts = bool(root.xpath("//script[@src]"))
    scripts = root.xpath("//script[not(@type='application/ld+json')]|//noscript")
    for bad in scripts + consent_boxes(root):
        _drop(bad)  # (a cookie banner's 'Last updated 12/03/2025' dates no meet)
    pres = [_titled(p) for p in root.iter("pre")]
    pre_text = "\n\n".join(t for t in pres if len(t) > 80 and re.search(r"\d", t))
    if pre_text:
        doc = parse_text(pre_text)
        if any(e.rows for e in doc.events):
            doc.format = f"{fmt}-pre/" + doc.format
            doc.meet.fill(_meet(root, dayfirst_of(pre_text)))  # a date over it: as the report's
            if root.find(".//table") is not None:  # more results in tables beside it
                for el in [*root.iter("pre"), *chrome(root)]:
                    _drop(el)
                doc.events += [e for e in _tables(root, fmt).events if e.rows]
            return doc
    for el in chrome(root):
        _drop(el)  # a sidebar's 'Upcoming meets' or league table, readers' comments quoting times
    meet = _meet(root)
    doc = _tables(root, fmt)
    if not any(e.rows for e in doc.events) and rewrite_grids(root):
        doc = _tables(root, fmt)  # rows of <div>s or <li>s, their cells <span>s
        doc.format = f"{fmt}-grids"
    if any(e.rows for e in doc.events):
        doc.events += _beside_tables(root)
        doc.meet.fill(meet)
        return doc
    body = root.find("body")
    text = _rendered_text(body if body is not None else root)
    if len(text.split()) < 20 and app_scripts:
        doc = ResultDoc(format=fmt, error="no results in the HTML (a JavaScript application?)")
        doc.meet.fill(meet)
        return doc
    doc = parse_text(text)
    doc.format = f"{fmt}-text/" + doc.format
    doc.meet.fill(meet)
    return doc


def _beside_tables(root: Any) -> list[Any]:
    """Results printed as text on a page of result tables, once these are read: a report's
    roundup lines ('Boys 100: 1. Daan Tolland (Carver Valley) 11.04; 2. ...') or team scores
    ('1. Oakridge – 34 (2, 5, 7, 9, 11)') above or below them (the page's text, less its
    tables, read as a text document is; the tree is spent)."""
    for t in root.xpath("//table"):
        _drop(t)
    body = root.find("body")
    text = _rendered_text(body if body is not None else root)
    read = _MARKISH.search(text) or is_team_title(text)  # (or a team table: 'Team Scores')
    return [e for e in parse_text(text).events if e.rows] if read else []


_MARKISH = re.compile(r"(?<![\d/:.,])\d{1,2}[:.,]\d{2}(?![\d/])")  # '11.04', '4:23', '12,26'


def _titled(pre: Any) -> str:
    """A ``<pre>`` block's text, led by the heading printed right before it that names an event
    (``<h3>Men 60 Meter Dash</h3><pre>...``: each block its event's)."""
    text = text_of(pre)
    prev = pre.getprevious()
    if prev is not None and prev.tag in HEADINGS:
        heading = cell_text(prev)
        first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
        if heading and len(heading) < 90 and EVENT_WORDS.search(heading) and first != heading:
            return f"{heading}\n{text}"
    return text


def _drop(el: Any) -> None:
    """Remove ``el`` and what it holds, keeping the text after it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def table_rows(root: Any) -> list[list[str]]:
    """Every row of the page's result tables as ``Row.raw`` holds it (for the audit)."""
    hidden = hidden_classes(root)
    return [ln.raw for t in tables_in_order(root, hidden) for ln in table_lines(t.table, hidden)]


def _meet(root: Any, dayfirst: bool | None = None) -> Meet:
    meet = Meet()
    for s in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(text_of(s))
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
    heads = headings(root)
    body = root.find("body")
    if dayfirst is None and body is not None:  # month first where the page's dates or
        text = " ".join(" ".join(islice(body.itertext(), 5000)).split())  # hometowns say so
        dayfirst = False if date_order(text) is False else None  # (else as day_of reads it)
    if meet.name:  # the report's heading that prints the structured name in full ('... 2025')
        meet.name = next((h for h in heads if meet.name in h and len(h) < 150), meet.name)
    if meet.date is None:
        for h in heads:
            meet.date_raw, meet.date = day_of(h, dayfirst)
            if meet.date:
                break
    from_body = False
    if meet.date is None and body is not None:
        # text nodes apart: blocks printed without a space between ("...ChampionshipsMay 10")
        text = " ".join(" ".join(body.itertext()).split())[:3000]
        meet.date_raw, meet.date = day_of(POSTED.sub(" ", text), dayfirst)
        from_body = meet.date is not None
    title = " ".join((root.findtext(".//title") or _pi_title(root) or "").split())
    year = _YEAR.search(title)
    if from_body and year and meet.date and not meet.date.startswith(year.group(0)):
        meet.date_raw = meet.date = None  # a date somewhere on a page titled with another year
    if meet.name is None:  # a race's title ('K 8 km', 'Girls 5K') names no meet
        meet.name = meet_name([h for h in heads if not _race_title(h)]) or _named_by_title(
            root, title
        )
    if meet.name is None:
        meet.name = meet_name([], _top_headings(root))
    if meet.name is None and title:
        meet.name = _meet_from_title(title, heads)
    if meet.date is None and meet.date_raw is None:  # "... - 2023 Results": the year it is of
        meet.date_raw = year.group(0) if year else None
    return meet


def _race_title(text: str) -> bool:
    """An event's title with its gender ('Open Men 400m', 'K 8 km', 'Girls 5K')."""
    return bool(EVENT_WORDS.search(text) and gender_of(text))


def _meet_parts(text: str) -> list[str]:
    """The text as a meet's name, or the parts of a race's title that name its meet ('Men 200
    Meters Prelims - 2024 Gulf Coast Championships' -> the second); none for a race's title
    alone; the meet a report's sentence names."""
    if prose(text):
        return [name] if (name := meet_in_sentence(text)) else []
    if not _race_title(text):
        return [text]
    parts = re.split(r"\s+[|–—-]\s+", text)
    return [p for p in parts if MEET_WORDS.search(p) and not _race_title(p)]


def _named_by_title(root: Any, title: str) -> str | None:
    """The page's <h1> that its <title> repeats ('Cool Running | Black Cat 10M & 20M Race
    Results' over 'Black Cat 10M & 20M'): the page's subject, the race or meet, even when it
    reads like an event; not a gendered event ('Women's 10,000 Meters')."""
    low = title.casefold()
    for h in root.iter("h1"):
        text = cell_text(h)
        if (
            text
            and len(text.split()) >= 2
            and text.casefold() in low
            and not title_gender(text)
            and not is_boilerplate(text)
            and not prose(text)  # (a report's headline: 'McAllister takes heptathlon crown ...')
        ):
            return text
    return None


def _top_headings(root: Any) -> list[str]:
    """The headings of the highest level the page uses, but event titles."""
    found = [(int(h.tag[1]), cell_text(h)) for h in root.iter(*_LEVELS)]
    found = [(n, t) for n, t in found if t and not EVENT_WORDS.search(t)]
    top = min((n for n, _ in found), default=0)
    return [t for n, t in found if n == top]


_LEVELS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _pi_title(root: Any) -> str | None:
    """A page title set in a server-side template's instruction (``<?php $page_title = '...'
    ?>``, which the HTML parser keeps as a comment): the page's source, as saved, instead of its
    rendered ``<title>``."""
    for pi in root.xpath("//processing-instruction()|//comment()"):
        m = _PAGE_TITLE_PI.search(pi.text or "")
        if m:
            return m.group(2)
    return None


def _meet_from_title(title: str, heads: list[str]) -> str | None:
    """'TFRRS | Conference Championships - Women's 10,000 Meters' -> 'Conference Championships';
    'Uitsig Relays | Results 2013' -> 'Uitsig Relays 2013'; a heading that is a year alone dates
    the name."""
    parts = [p.strip() for p in re.split(r"\s+[|–—-]\s+", title) if p.strip()]
    years = [re.sub(r"(?i)\bresults?\b", "", p).strip() for p in parts]
    year = next((y for y in years if re.fullmatch(r"(?:19|20)\d\d", y)), None)
    year = year or next((h for h in heads if re.fullmatch(r"(?:19|20)\d\d", h.strip())), None)
    keep = [p for p in parts if not _SITE_SEGMENT.match(p) and not EVENT_WORDS.search(p)]
    keep = [p for p in keep if not re.fullmatch(r"(?i)(?:results?\s*)?(?:19|20)\d\d", p)]
    name = max(keep, key=len) if keep else title
    if is_boilerplate(name):
        return None  # 'Résultats', 'Results': the title names no meet
    if year and year not in name:
        name = f"{name} {year}"
    return name


def number_lists(el: Any) -> None:
    """The items of each list under ``el`` led by their numbers or bullets, as a browser shows
    them (an <ol> of results ranks them; a <ul>'s finishers are unplaced), unless they print
    their own numbers."""
    for ol in el.iter("ol", "ul"):
        items = [li for li in ol if li.tag == "li"]
        if items and not any(re.match(r"\s*\d", text_of(li)) for li in items):
            for k, li in enumerate(items, 1):
                li.text = (
                    f"{k if ol.tag == 'ol' else '-'}{'.' if ol.tag == 'ol' else ''} {li.text or ''}"
                )


def _rendered_text(el: Any) -> str:
    """The page's text as a browser lays it out: a line per block, numbered lists numbered."""
    number_lists(el)
    for e in el.iter():
        if isinstance(e.tag, str) and e.tag in _BLOCK:
            e.tail = "\n" + (e.tail or "")
    return text_of(el)


# a heading over a table of records, not results ('Meeting Records', 'Rekorde', 'Records du
# meeting', 'County records (senior)'): the records' word, its kind around it, nothing else
RECORDS_HEADING = re.compile(
    r"^\W*(?:(?:meet(?:ing)?|championships?|facility|stadium|club|national|area|world|current|"
    r"existing|standing|county|state|regional|school|all[- ]time|senior|junior|masters|indoor|"
    r"outdoor)\s+)*(?:records?|rekorde?|bestleistungen|records du meeting|récords?|"
    r"primati)(?:\s+(?:du meeting|des meetings|del meeting))?(?:\s*\([^)]*\))?\W*$",
    re.I,
)


def _tables(root: Any, fmt: str) -> ResultDoc:
    doc = ResultDoc(format=f"{fmt}-tables")
    above: str | None = None  # the title of the table before ('Heat 2' alone: its next heat)
    for placed, lines in table_groups(root, hidden_classes(root)):
        heading = next((t for t, tag in placed.before if tag in HEADINGS), "")
        if not lines or any(map(RECORDS_HEADING.match, (heading, *placed.outline.values()))):
            continue  # (a table of the meeting's records under its heading: no results)
        title, rnd, wind = title_of(placed.before, placed.outline)
        title = above if title is None and rnd is not None else title  # 'Heat 2 of 2' alone
        above = title
        rnd = round_of(title) or rnd if title else rnd  # 'Heat 2' under '100m - Prelims'
        heads = [hr for h in placed.outline.values() if (hr := round_of(h)) and hr != "Heats"]
        rnd = heads[-1] if rnd in (None, "Heats") and heads else rnd  # (a heat) under h4 Prelims
        caption = caption_of(placed.table)
        said, named = wind_in(cell_text(caption)) if caption is not None else (None, "")
        wind = said if said is not None else wind  # '100m Men - Wind: +0.8 m/s': its wind
        if EVENT_WORDS.search(named):  # <caption>Women 60m Hurdles</caption>
            title = named  # ('Wind: +0.3 m/s' names no 0.3 m race)
        elif named and len(named) < 30:
            rnd = round_of(named) or rnd  # <caption>Heat 2</caption>
        first = not any(e.rows for e in doc.events)
        if first and doc.meet.name is None:  # a meet line over the first results
            near = [(t, tag) for t, tag in placed.before[:10] if may_name_meet(t)]
            near = [(t, tag) for t, tag in near if wind_in(t)[0] is None]  # (a heat's line)
            # a race's title is no meet's, whatever word it holds ('Open Men 400m', 'K 8 km'); a
            # gendered one comes after the others ('Open Women Division 1' under the league's),
            # a meet's word before a race's distance ('Saturday 13 September • 100 km / 50 km')
            parts = [
                (part, bool(gender_of(part)), not meet_word(part))
                for t, _ in near
                if not _LABELLED.match(t) or meta_label(t[: t.index(":") + 1])
                for part in _meet_parts(t)
            ]
            found = [part for part, *_ in sorted(parts, key=lambda p: p[1:])]
            doc.meet.name = title_line(found[0]) if found else None
        events = read_table(lines, title, rnd, doc.meet if first else None)
        if wind is not None:
            for ev in events:
                ev.wind = wind
                for r in ev.rows:
                    if r.wind is None and r.wind_raw is None:
                        r.wind = wind
        doc.events.extend(events)
    return doc


_LABELLED = re.compile(r"^[^:\d]{1,25}:\s")  # 'Race date: Sunday, ...': a label's line, no name
