"""The tables of an HTML page as lines of cells, each with the text before it (for its title).

Innermost visible tables only (a layout table around result tables adds nothing).  Hidden
cells are dropped: inline ``display:none``, the ``hidden`` attribute, and classes that a
``<style>`` block hides (TFRRS's alternate time column).  ``rowspan`` repeats a cell down the
rows it spans (a heat number printed once for its runners), ``colspan`` pads the row.

A cell holding several blocks (``<div class="compact">17:35</div><div class="detailed">New
PB!</div>``, parkrun's compact and detailed views) is read by its first block; ``Line.raw`` keeps
every cell's whole text, as the page shows it (:func:`cell_text`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from lxml import etree

from scraper.results.tablegroups import Line, records_rows

_CSS_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")  # linear: one pass over selector { body }
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_HIDDEN_CLASSES = {"hidden", "d-none", "sr-only", "visually-hidden", "hide"}
_VIEW_BLOCKS = {"div", "p", "ul", "ol", "section"}
_LINES = {"div", "p", "li"}  # blocks a cell's lines stand in
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "caption"}
_SKIP = {"script", "style", "option", "noscript", "template"}
MAX_SPAN = 200  # larger spans are layout tricks, read as 1


def consent_boxes(root: Any) -> list[Any]:
    """The page's cookie or consent boxes, among its first elements (where such a banner stands;
    a whole page's are too many to look through)."""
    return [
        el
        for el in islice(root.iter(), _CONSENT_SCAN)
        if _CONSENT.search(f"{el.get('id') or ''} {el.get('class') or ''}")
    ]


def chrome(root: Any) -> list[Any]:
    """A page's furniture around its content: its sidebars, navigation, footer and readers'
    comments (the few boxes the path finds whose id or one of whose classes is such a word).
    An ``<aside>`` inside the ``<article>`` is the story's own box (its results beside the
    report), not the page's."""
    return [
        el
        for el in _around(root)
        if (el.tag == "aside" and not _IN_ARTICLE(el))
        or el.tag in ("nav", "footer")
        or (el.tag not in _FRAMES and set(_SIDE) & {el.get("id"), *(el.get("class") or "").split()})
    ]


_CONSENT = re.compile(r"cookie|consent", re.I)
_CONSENT_SCAN = 400  # elements
_SIDE = ("comments", "comment-list", "sidebar", "most-read", "mostread", "related-posts")
_AROUND_TAGS = frozenset({"aside", "nav", "footer"})
_AROUND_WORDS = re.compile("comment|sidebar|most|related")  # in an id or a class, as written


def _around(root: Any) -> Iterator[Any]:
    """The elements that may be furniture, in document order: asides, navigation, footers and
    those whose id or class holds one of the words (a walk in Python: an XPath of eight
    ``contains()`` costs three times as much on a page of 10,000 elements)."""
    for el in root.iter(etree.Element):
        named = f"{el.get('id') or ''} {el.get('class') or ''}"
        if el.tag in _AROUND_TAGS or _AROUND_WORDS.search(named):
            yield el


_IN_ARTICLE = etree.XPath("boolean(ancestor::article)")
_FRAMES = {"html", "body", "main", "article"}  # (a page's 'right-sidebar' layout: its body)


def hidden_classes(root: Any) -> set[str]:
    out = set(_HIDDEN_CLASSES)
    for st in root.iter("style"):
        for m in _CSS_RULE.finditer(text_of(st)):
            if not _DISPLAY_NONE.search(m.group(2)):
                continue
            for sel in m.group(1).split(","):
                sel = sel.strip()
                if re.fullmatch(r"\.[\w-]+", sel):
                    out.add(sel[1:])
    return out


def visible(el: Any, hidden: set[str]) -> bool:
    attrs = el.attrib
    if not attrs:
        return True
    if "hidden" in attrs or "style" in attrs and _HIDDEN_STYLE.search(attrs["style"]):
        return False
    return "class" not in attrs or hidden.isdisjoint(attrs["class"].split())


def text_of(el: Any) -> str:
    """All the text inside ``el`` (not its tail)."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def cell_text(c: Any) -> str:
    """A cell's text, whitespace collapsed; a <br> or a block (div, p, li) parts the words on
    either side of it ('Anna Berger<br>LG Nord' is 'Anna Berger LG Nord', not 'Anna BergerLG
    Nord'); a cell holding only an image says what the image's alt text says (a country's
    flag). :func:`cell_lines` keeps those parts on lines of their own."""
    text = _broken_text(c) if _lined(c) else text_of(c)
    text = " ".join(text.replace("\xa0", " ").split())
    if not text and c.find(".//img") is not None:  # a flag alone: its code ('<img alt="KEN">')
        alts = (" ".join((i.get("alt") or i.get("title") or "").split()) for i in c.iter("img"))
        text = next((a for a in alts if 0 < len(a) <= 40), "")
    return text


def _broken_text(el: Any, br: str = " ") -> str:
    out = [el.text or ""] if isinstance(el.tag, str) else []
    for k in el:
        if k.tag == "br":
            out.append(br)
        elif isinstance(k.tag, str):
            text = _broken_text(k, br)
            out.append(f"{br}{text}" if k.tag in _LINES else text)
        out.append(k.tail or "")
    return "".join(out)


def _lined(c: Any) -> bool:
    """The cell's text is parted in lines: by a <br>, or by blocks (div, p, li)."""
    if not len(c):
        return False  # (most cells: text alone)
    return c.find(".//br") is not None or any(k.tag in _LINES for k in c.iterdescendants())


def cell_lines(c: Any, whole: str | None = None) -> str:
    """A cell's text with its lines (parted by <br> or blocks: 'Camille Delacroix<br>Bay Area
    Striders', '<a>Jesuit</a><div>Ann Moss, Bea Cole, ...</div>') on lines of their own
    (``whole``: the cell's text, when known)."""
    if not _lined(c):
        return cell_text(c) if whole is None else whole
    lines = (" ".join(ln.replace("\xa0", " ").split()) for ln in _broken_text(c, "\n").split("\n"))
    return "\n".join(ln for ln in lines if ln)


def first_view(c: Any, whole: str | None = None) -> str:
    """A cell of several blocks and no text of its own: its first block's text (``whole``: the
    cell's text, when known)."""
    if len(c) < 2:
        return cell_text(c) if whole is None else whole
    kids = [k for k in c if isinstance(k.tag, str)]
    blocks = [k for k in kids if k.tag in _VIEW_BLOCKS]
    own = (c.text or "") + "".join(k.tail or "" for k in kids)
    if len(blocks) < 2 or own.strip() or len(blocks) != len(kids):
        return cell_text(c) if whole is None else whole
    for b in blocks:
        t = cell_text(b)
        if t:
            return t
    return ""


def _span(value: str | None) -> int:
    if value is None:
        return 1
    v = value.strip()
    return min(int(v), MAX_SPAN) if v.isdigit() and int(v) > 0 else 1


def table_lines(tbl: Any, hidden: set[str]) -> list[Line]:
    """The table's rows as lines, spans filled."""
    lines: list[Line] = []
    down: dict[int, list[Any]] = {}  # column -> [rows left, text] of a rowspan above
    for tr in tbl.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        if not visible(tr, hidden):
            continue
        cells = [c for c in tr if c.tag in ("td", "th") and visible(c, hidden)]
        if lines and any(c.find(".//table") is not None for c in cells):  # the row above's
            lines[-1].raw.append(" ".join(" ".join(t.split()) for t in tr.itertext() if t.strip()))
            continue  # tries, in a table of their own under it (:func:`detail_tables`)
        out: list[str] = []
        raw: list[str] = []
        for c in cells:
            _fill_down(out, down)
            whole = cell_text(c)
            raw.append(whole)
            view = first_view(c, whole)
            view = cell_lines(c, whole) if view == whole else view
            rows = _span(c.get("rowspan"))
            if rows > 1:
                down[len(out)] = [rows - 1, view]
            out.append(view)
            out.extend([""] * (_span(c.get("colspan")) - 1))
        _fill_down(out, down)
        if any(out):
            lines.append(Line(out, raw))
    return lines


def detail_tables(table: Any) -> bool:
    """The tables inside ``table`` each fill a row of it alone (a jumper's tries under the row,
    set in a table of their own), among two rows at least of its own: a results table, not a
    page's layout."""
    own = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    held = [tr for tr in own if tr.find(".//table") is not None]
    if len(own) - len(held) < 2:
        return False
    for tr in held:
        cells = [c for c in tr if c.tag in ("td", "th")]
        if sum(1 for c in cells if c.find(".//table") is not None or cell_text(c)) > 1:
            return False  # a cell beside the table's holds text: a layout's row
    return bool(held)


def _fill_down(out: list[str], down: dict[int, list[Any]]) -> None:
    """Cells a rowspan above covers at the end of ``out``."""
    while len(out) in down:
        left = down[len(out)]
        out.append(left[1])
        left[0] -= 1
        if left[0] <= 0:
            del down[len(out) - 1]


@dataclass(slots=True)
class Placed:
    """A table and what stands before it."""

    table: Any
    before: list[tuple[str, str]]  # texts before it, nearest first (up to 60), with their tag
    outline: dict[int, str]  # the latest heading of each level (1-6) above it
    joined: bool  # nothing but markup since the table before it (Word splits a table so)


_IN_ORDER = etree.XPath(
    "//table | //h1 | //h2 | //h3 | //h4 | //h5 | //h6 | //text()[normalize-space()]"
)  # one node-set, in document order


def tables_in_order(root: Any, hidden: set[str]) -> list[Placed]:
    """Each innermost visible table (or a results table whose rows hold their tries in tables of
    their own: :func:`detail_tables`), in document order, with the text before it: one XPath
    union of tables, headings and texts walked once (a page of 900 kB costs milliseconds)."""
    found: list[Placed] = []
    texts: list[Any] = []  # the text nodes met so far
    outline: dict[int, str] = {}
    mark = -1  # len(texts) when the last table was met
    details: dict[Any, bool] = {}  # a table holding tables -> they are its rows' details
    for node in _IN_ORDER(root):
        if isinstance(node, str):
            texts.append(node)
            continue
        if node.tag != "table":
            level = int(node.tag[1])
            outline = {k: v for k, v in outline.items() if k < level}
            outline[level] = cell_text(node)
            continue
        if node.find(".//table") is not None and not details.setdefault(node, detail_tables(node)):
            continue  # a layout's table, holding the result tables
        outer = next(node.iterancestors("table"), None)
        if not visible(node, hidden) or (outer is not None and details.get(outer, False)):
            continue  # (a row's tries, set in a table of their own inside the results table)
        prev = _box(found[-1].table) if found else None  # (its figure's caption is its own)
        before = _before(texts, prev)
        between = [t for t in texts[mark:] if not _inside(t, prev)] if prev is not None else []
        joined = prev is not None and not any(" ".join(t.split()) for t in between)
        joined = joined and caption_of(node) is None  # a captioned table is its own
        found.append(Placed(node, before, dict(outline), joined))
        mark = len(texts)
    return found


def caption_of(table: Any) -> Any:
    """A table's <caption>, else the <figcaption> of a <figure> holding it alone (a block
    editor's table: ``<figure><table>..</table><figcaption>Girls 100m</figcaption></figure>``)."""
    cap = table.find("caption")
    if cap is not None:
        return cap
    box = _box(table)
    return box.find("figcaption") if box is not table else None


def _box(table: Any) -> Any:
    """The <figure> holding the table alone (at most a wrapper between), else the table."""
    for depth, a in enumerate(table.iterancestors()):
        if a.tag == "figure":
            return a if len(a.findall(".//table")) == 1 else table
        if depth >= 1:
            break
    return table


def table_groups(root: Any, hidden: set[str]) -> list[tuple[Placed, list[Line]]]:
    """Each table's rows, a table the page split into several (no text between them) as one;
    a table of records printed without a heading (its every row opens with a record's label) is
    left out, and joins no table."""
    groups: list[tuple[Placed, list[Line]]] = []
    records = False  # the table before is one of records
    for placed in tables_in_order(root, hidden):
        lines = table_lines(placed.table, hidden)
        if placed.joined and groups and not records:
            groups[-1][1].extend(lines)
        elif not (records := records_rows(lines)):
            groups.append((placed, lines))
    return groups


def _owner(t: Any) -> Any:
    owner = t.getparent()
    return owner.getparent() if owner is not None and t.is_tail else owner


def _inside(t: Any, table: Any) -> bool:
    owner = _owner(t)
    return owner is not None and (owner is table or table in owner.iterancestors())


def _before(texts: list[Any], prev: Any) -> list[tuple[str, str]]:
    """The last texts met, nearest first (up to 60), with the tag that holds each, back to the
    table before (its cells title that table, not this one)."""
    out: list[tuple[str, str]] = []
    last = None  # the heading of the text after this one
    for t in reversed(texts):
        if len(out) >= 60 or (prev is not None and _inside(t, prev)):
            break
        owner = _owner(t)
        text = " ".join(t.split())  # no-break spaces too (Word's <o:p>&nbsp;</o:p>)
        if not text or owner is None or not isinstance(owner.tag, str) or owner.tag in _SKIP:
            continue
        heading = _heading(owner)
        if heading is not None and heading is last:  # '<h2>Women 100m Hurdles<br>Prelims</h2>'
            out[-1] = (f"{text} {out[-1][0]}", out[-1][1])
            continue
        out.append((text, str(heading.tag) if heading is not None else owner.tag))
        last = heading
    return out


def _heading(el: Any) -> Any:
    """The heading (h1-h6, caption) holding ``el``, if any."""
    for depth, a in enumerate((el, *el.iterancestors())):
        if a.tag in _HEADINGS:
            return a
        if depth >= 4 or a.tag in ("body", "table", "td"):
            return None
    return None


def headings(root: Any) -> list[str]:
    """The text of every h1-h3, in order."""
    return [cell_text(h) for h in root.iter("h1", "h2", "h3") if cell_text(h)]
