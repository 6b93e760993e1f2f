"""The element holding the article (step 3 of ``scraper.parsers.common.body``).

A unit is *good* when it is long enough (CJK characters count thrice) and not mostly link text.
A good unit in a small box with a linked headline or a "read more" link, one of a run of alike
boxes, is a teaser card's excerpt and no article text. The seed is the element whose children
carry the most good text (readability's scoring: a unit's parent gets its weight, the
grandparent half); the container is the seed's ancestor (or itself) with the best
good - ALPHA * other - BETA * link text, so an article split into sibling blocks is kept whole
while a rail of teasers or a link list is not. The one box the page names as the article's text
("entry-content", itemprop=articleBody) wins over a container that holds it, and over one that
lies elsewhere unless that one holds four times its good text.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from scraper.parsers.common import names
from scraper.parsers.common.units import Unit, weight

MIN_GOOD = 60  # weighted characters of a good unit
MAX_LINK = 0.35  # link text share above which a unit is navigation
ALPHA = 0.35  # weight of non-article text inside the container
BETA = 0.5  # extra weight of link text inside the container
TEASER_MAX = 500  # longest excerpt a teaser card holds
TEASER_LINK = 20  # weighted characters of a teaser card's linked headline
NAMED_MIN = 100  # good text of the box the page names as the article's
NAMED_KEEP = 0.8  # score share a named box holding the container needs to replace it
NAMED_SHARE = 0.25  # good text share a named box elsewhere needs to replace the container
# the page's own headline: an <h1> that links nowhere (a card's headline is a link)
_HEADLINE = etree.XPath("boolean(.//h1[not(.//a[@href]) and not(ancestor::a[@href])])")
_NAMED = etree.XPath("//*[@class or @id or @itemprop]")


@dataclass
class Choice:
    container: etree._Element
    good: set[int]  # indexes of good units
    teasers: set[int]  # indexes of teaser excerpts
    why: str  # how the container was chosen
    named: bool = False  # the box the page names as the article's text


class _Agg:
    __slots__ = ("good", "other", "link", "n_good", "n_link", "longest_link")

    def __init__(self) -> None:
        self.good = self.other = self.link = 0.0
        self.n_good = self.n_link = self.longest_link = 0

    def score(self) -> float:
        return self.good - ALPHA * self.other - BETA * self.link


def _aggregate(
    units: list[Unit], weights: list[int], good: set[int], links: set[int]
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
                if is_link:
                    a.n_link += 1
                    a.longest_link = max(a.longest_link, w)
            a.link += u.link
            el = el.getparent()
    return agg


def choose(root: etree._Element, units: list[Unit]) -> Choice:
    weights = [weight(u.text) for u in units]
    good = {
        i
        for i, u in enumerate(units)
        if weights[i] >= MIN_GOOD and u.link <= MAX_LINK * len(u.text) and u.tag != "h1"
    }
    links = {i for i, u in enumerate(units) if weights[i] and u.link > 0.5 * len(u.text)}
    agg = _aggregate(units, weights, good, links)
    order = {el: k for k, el in enumerate(root.iter())}
    teasers = {i for i in good if weights[i] <= TEASER_MAX and _teaser(units[i], agg, order)}
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
        return Choice(root, good, teasers, "no good text: the whole page")
    el: etree._Element | None = max(seed, key=seed.__getitem__)
    best, best_score = root, float("-inf")
    while el is not None:
        score = agg[el].score()
        if score > best_score:
            best, best_score = el, score
        el = el.getparent()
    why, is_named = "densest good text", False
    named = _named_body(root, agg)
    if (
        named is not None
        and named is not best
        and (
            inside(named, best)
            or (inside(best, named) and agg[named].score() >= NAMED_KEEP * best_score)
            or (not inside(best, named) and agg[named].good >= NAMED_SHARE * agg[best].good)
        )
    ):
        best, why = named, "the box the page names as the article's text"
    is_named = best is named
    return Choice(best, good, teasers, why, is_named)


def _teaser(u: Unit, agg: dict[etree._Element, _Agg], order: dict[etree._Element, int]) -> bool:
    """A good unit in a small box with a linked headline, or a link after it (a "read more"), the
    box one of a run of alike boxes and holding no unlinked <h1> (the page's own headline: that
    box is the article). A post under its author's linked name (answers, comments) is
    no teaser: its only links are short and come before it."""
    anc = u.el.getparent()
    for _ in range(3):
        if anc is None or agg[anc].n_good > 2:
            return False
        if agg[anc].n_link:
            if agg[anc].longest_link < TEASER_LINK and not _link_after(anc, u.el, order):
                return False
            if _HEADLINE(anc):
                return False
            return _repeated(anc)
        anc = anc.getparent()
    return False


def _link_after(box: etree._Element, el: etree._Element, order: dict[etree._Element, int]) -> bool:
    at = order.get(el, 0)
    return any(order.get(a, 0) > at for a in box.iter("a") if a.get("href"))


def _named_body(root: etree._Element, agg: dict[etree._Element, _Agg]) -> etree._Element | None:
    """The one box the page names as the article's text ("entry-content", itemprop=articleBody)
    holding good text, if there is exactly one (outermost)."""
    found: list[etree._Element] = []
    for el in _NAMED(root):
        a = agg.get(el)
        if a is None or a.good < NAMED_MIN:
            continue
        cid = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"
        if names.names_body(cid) and not any(inside(el, f) for f in found):
            found = [f for f in found if not inside(f, el)] + [el]
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


def inside(el: etree._Element | None, container: etree._Element) -> bool:
    while el is not None:
        if el is container:
            return True
        el = el.getparent()
    return False
