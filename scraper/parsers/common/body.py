"""Body extraction: the article's paragraphs, subheadings, lists and quotes, from one lxml tree.

How it works (general signals only, no site rules):
1. A copy of <body> loses what is never article text (``scraper.parsers.common.boilerplate``):
   scripts, embeds, forms' controls, navigation, asides, figures and their captions, page
   header/footer, hidden elements, and boxes whose class/id names them as share/related/
   newsletter/comment/ad/consent boxes (unless they hold much of the page's text; "weak" names
   such as image/meta/paywall only when the box holds little paragraph text).
2. Text is grouped into *units*: the nearest block-level element around each piece of text. A unit
   is *good* when it is long enough (CJK characters count thrice) and not mostly link text. A good
   unit in a small box beside a link (a teaser card: linked headline + excerpt) is a teaser.
3. The seed is the element whose children carry the most good text (parent full weight,
   grandparent half); the container is the seed or the ancestor of it with the best
   good - ALPHA * other - BETA * link text, so an article split into sibling blocks is kept whole
   while a rail of teasers or a link list is not.
4. The container's units are emitted in document order (good ones, plus short paragraphs,
   headings, list items and quotes that are not link lists or teasers); repeated blocks, headings
   that head nothing, calls to action and a trailing credit line are dropped.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from scraper.parsers.common import names
from scraper.parsers.common.boilerplate import clean_copy
from scraper.parsers.common.names import CALL_TO_ACTION, INLINE, PARA_TAGS

HEADINGS = {"h2", "h3", "h4", "h5", "h6"}
# how a sentence ends: a short last block ending otherwise is a credit line
_END = (".", "!", "?", "…", '"', "”", "“", "»", "«", ")", "'", "’", ":", "。", "！", "？")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_BR_BREAK = re.compile(r"\u2029[^\S\u2029]*\u2029")  # two <br> with only blanks between

MIN_GOOD = 60  # weighted characters of a good unit
MAX_LINK = 0.35  # link text share above which a unit is navigation
ALPHA = 0.35  # weight of non-article text inside the container
TEASER_MAX = 500  # longest excerpt a teaser card holds
BETA = 0.5  # extra weight of link text inside the container
MIN_UNLINKED = 45  # text outside links that makes a mostly linked block prose


def _weight(text: str) -> int:
    """Characters, CJK counted thrice (a CJK character carries about a word)."""
    n = len(text)
    if n and not text.isascii():
        n += 2 * len(CJK.findall(text))
    return n


class _Unit:
    __slots__ = ("el", "parts", "link", "tag", "_text")

    def __init__(self, el: etree._Element) -> None:
        self.el = el
        self.tag = el.tag
        self.parts: list[str] = []
        self.link = 0
        self._text: str | None = None

    @property
    def text(self) -> str:
        """Whitespace collapsed; a blank line where <br><br> separated paragraphs (joined once:
        the parts are complete when the walk is done, before anyone reads the text)."""
        if self._text is None:
            self._text = self._join()
        return self._text

    def _join(self) -> str:
        raw = "".join(self.parts)
        if "\u2029" not in raw:
            return " ".join(raw.split())  # whitespace runs as one space, ends trimmed
        paras = (" ".join(p.split()) for p in _BR_BREAK.split(raw))
        return "\n\n".join(p for p in paras if p)


def _units(root: etree._Element) -> tuple[list[_Unit], dict[etree._Element, _Unit]]:
    """Group the text under ``root`` by nearest block-level element, in document order."""
    units: list[_Unit] = []
    by_el: dict[etree._Element, _Unit] = {}

    def unit_of(el: etree._Element) -> _Unit:
        u = by_el.get(el)
        if u is None:
            u = by_el[el] = _Unit(el)
            units.append(u)
        return u

    def walk(el: etree._Element, unit: _Unit, in_link: bool) -> None:
        tag = el.tag
        if tag == "br":
            unit.parts.append("\u2029")
        elif tag not in INLINE:
            unit = unit_of(el)
        if tag == "a":
            href = el.get("href") or ""
            in_link = not href.startswith(("#", "javascript:"))
        if el.text:
            unit.parts.append(el.text)
            if in_link:
                unit.link += len(el.text.strip())
        for child in el:
            walk(child, unit, in_link)
            if child.tail:
                unit.parts.append(child.tail)
                if in_link:
                    unit.link += len(child.tail.strip())

    walk(root, unit_of(root), False)
    return units, by_el


class _Agg:
    __slots__ = ("good", "other", "link", "n_good", "n_link")

    def __init__(self) -> None:
        self.good = self.other = self.link = 0.0
        self.n_good = self.n_link = 0


def _aggregate(
    units: list[_Unit], weights: list[int], good: set[int], links: set[int]
) -> dict[etree._Element, _Agg]:
    agg: dict[etree._Element, _Agg] = {}
    for i, u in enumerate(units):
        w = weights[i]
        if not w:
            continue
        is_good, is_link = i in good, i in links
        el = u.el
        while el is not None:
            a = agg.get(el)
            if a is None:
                a = agg[el] = _Agg()
            if is_good:
                a.good += w
                a.n_good += 1
            else:
                a.other += w
                a.n_link += is_link
            a.link += u.link
            el = el.getparent()
    return agg


def _container(
    root: etree._Element, units: list[_Unit]
) -> tuple[etree._Element, set[int], set[int]]:
    """The element holding the article, the indexes of good units and of teaser excerpts.

    Good units that sit in a small box beside a link (a teaser card: linked headline + excerpt)
    are demoted. The seed is the element whose children carry the most good text (readability's
    scoring: a unit's parent gets its weight, the grandparent half); the container is the seed's
    ancestor (or itself) with the best good - ALPHA * other - BETA * link text.
    """
    weights = [_weight(u.text) for u in units]
    good = {
        i
        for i, u in enumerate(units)
        if weights[i] >= MIN_GOOD and u.link <= MAX_LINK * len(u.text) and u.tag != "h1"
    }
    links = {i for i, u in enumerate(units) if weights[i] and u.link > 0.5 * len(u.text)}
    agg = _aggregate(units, weights, good, links)
    teasers = set()
    for i in good:
        if weights[i] > TEASER_MAX:
            continue
        anc = units[i].el.getparent()
        for _ in range(3):
            if anc is None or agg[anc].n_good > 2:
                break
            if agg[anc].n_link:
                if _repeated(anc):
                    teasers.add(i)
                break
            anc = anc.getparent()
    if teasers:
        good -= teasers
        agg = _aggregate(units, weights, good, links)
    seed: dict[etree._Element, float] = {}
    for i in good:
        parent = units[i].el.getparent()
        if parent is not None:
            seed[parent] = seed.get(parent, 0) + weights[i]
            grand = parent.getparent()
            if grand is not None:
                seed[grand] = seed.get(grand, 0) + weights[i] / 2
    if not seed:
        return root, good, teasers
    el: etree._Element | None = max(seed, key=seed.__getitem__)
    best, best_score = root, float("-inf")
    while el is not None:
        a = agg[el]
        score = a.good - ALPHA * a.other - BETA * a.link
        if score > best_score:
            best, best_score = el, score
        el = el.getparent()
    named = _named_body(root, agg)
    if named is not None and named is not best:
        if _inside(named, best):
            best = named
        elif _inside(best, named):
            a = agg[named]
            if a.good - ALPHA * a.other - BETA * a.link >= NAMED_KEEP * best_score:
                best = named
        elif agg[named].good >= NAMED_SHARE * agg[best].good:
            best = named
    return best, good, teasers


_NAMED = etree.XPath("//*[@class or @id or @itemprop]")
NAMED_MIN = 100
NAMED_KEEP = 0.8
NAMED_SHARE = 0.25


def _named_body(root: etree._Element, agg: dict[etree._Element, _Agg]) -> etree._Element | None:
    """The one box the page names as the article's text ("entry-content", itemprop=articleBody)
    holding good text, if there is exactly one (outermost)."""
    found: list[etree._Element] = []
    for el in _NAMED(root):
        a = agg.get(el)
        if a is None or a.good < NAMED_MIN:
            continue
        cid = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"
        if names.names_body(cid) and not any(_inside(el, f) for f in found):
            found = [f for f in found if not _inside(f, el)] + [el]
    return found[0] if len(found) == 1 else None


def _repeated(el: etree._Element | None) -> bool:
    """One of a run of alike boxes (cards of a list): a sibling of it or of one of its next three
    ancestors has the same tag and first class name (an <li> or <article> may have none)."""
    for _ in range(4):
        if el is None:
            return False
        kind = _first_class(el)
        if kind or el.tag in ("li", "article"):
            for sib in (el.getprevious(), el.getnext()):
                if sib is not None and sib.tag == el.tag and _first_class(sib) == kind:
                    return True
        el = el.getparent()
    return False


def _first_class(el: etree._Element) -> str:
    cls = (el.get("class") or "").split()
    return cls[0] if cls else ""


def _inside(el: etree._Element, container: etree._Element) -> bool:
    while el is not None:
        if el is container:
            return True
        el = el.getparent()
    return False


def extract_body_blocks(tree: lxml_html.HtmlElement) -> list[tuple[str, str]]:
    """(tag, text) of the article's blocks in document order."""
    root = clean_copy(tree)
    units, _ = _units(root)
    if not units:
        return []
    container, good, teasers = _container(root, units)
    out: list[tuple[str, str]] = []
    for i, u in enumerate(units):
        if not _inside(u.el, container):
            continue
        text = u.text
        if not text:
            continue
        if u.tag == "h1":
            continue
        if i in good:
            out.append((u.tag, text))
            continue
        if i in teasers:
            continue
        # a link list is out; a long paragraph (or list item) that links much of its text but
        # says more around the links is still prose
        if u.link > 0.5 * len(text) and not _linked_prose(u.tag, len(text), u.link):
            continue
        if u.tag in PARA_TAGS:
            out.append((u.tag, text))
    return _tidy(out)


def _linked_prose(tag: str, length: int, link: int) -> bool:
    """A paragraph or list item linking most of its text is still prose when it is long or says
    enough around its links (a list of linked deals with their prices, not a list of links)."""
    if tag not in ("p", "li") or link >= 0.9 * length:
        return False
    return length - link >= MIN_UNLINKED or (tag == "p" and length >= 150)


def _tidy(blocks: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Repeated blocks and headings that head nothing (a box's title left behind) out."""
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for tag, text in blocks:
        if text in seen:
            continue
        seen.add(text)
        out.append((tag, text))
    out = [
        (tag, text)
        for k, (tag, text) in enumerate(out)
        if not (len(text) < 250 and CALL_TO_ACTION.search(text))
    ]
    out = [
        (tag, text)
        for k, (tag, text) in enumerate(out)
        if tag not in HEADINGS or (k + 1 < len(out) and out[k + 1][0] not in HEADINGS)
    ]
    # a credit line left at the end ("SDA/sep", "Quelle: ntv.de, ino/dpa", "amw")
    while (
        out
        and out[-1][0] not in ("li", "dd", "dt")
        and _weight(out[-1][1]) < 40
        and not out[-1][1].rstrip().endswith(_END)
    ):
        out.pop()
    return out
