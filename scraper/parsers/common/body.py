"""Body extraction: the article's paragraphs, subheadings, lists, quotes and tables, in reading
order, from one lxml tree (general signals only, no site rules).

1. A copy of <body> loses what is never article text (``scraper.parsers.common.boilerplate``).
2. Its text is grouped into units, the nearest block around each piece of text; a data table is
   one unit of text rows (``scraper.parsers.common.units``).
3. The container is the element holding the article (``scraper.parsers.common.container``).
4. The container's units are emitted in document order: good ones, plus short paragraphs,
   headings, list items, quotes and tables that are not link lists or teasers; repeated blocks,
   headings that head nothing, calls to action and a trailing credit line are dropped. A
   standfirst the page sets between the headline and the container (in the article's own
   header, not the site's) leads them.

``read_body(tree)`` also returns the results tables among the blocks (their HTML, with the text
that introduces each), for the results parser, and, given a ``notes`` list, why each block was
kept or dropped (``meetarchive extract --explain``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from scraper.parsers.common.boilerplate import clean_copy
from scraper.parsers.common.container import Choice, choose, inside
from scraper.parsers.common.explain import Note, note
from scraper.parsers.common.names import CALL_TO_ACTION, HEADINGS, PARA_TAGS, site_header
from scraper.parsers.common.pagemeta import overlap, same_title
from scraper.parsers.common.tables import results_html
from scraper.parsers.common.units import END, Unit, units_of, weight

NAMED_UNLINKED = 15  # the same, in the box the page names as the article's text
MIN_UNLINKED = 45  # text outside links that makes a mostly linked block prose
LI_OPENING = 4  # plain words opening a list item that links the rest: a sentence
HEADING_MAX = 100  # weighted characters of the longest section heading
MAIN_SHARE = 0.8  # good text share of the container's child holding the article's text
TAIL_SHARE = 0.2  # good text, relative to that child's, of a box after it that is no article text
TAIL_MAX = 700  # weighted characters of good text in all such boxes
HEADLINE_AGAIN = 0.8  # share of the headline's words in a heading that repeats it (with a kicker)
KEPT_TAGS = PARA_TAGS | {"table"}
Block = tuple[str, str, Unit]


@dataclass
class Body:
    blocks: list[tuple[str, str]]  # (tag, text) in reading order
    named: bool = False  # the container is the box the page names as the article's text
    results_tables: list[str] = field(default_factory=list)  # HTML, each after its lead-in


def read_body(
    tree: lxml_html.HtmlElement, notes: list[Note] | None = None, headline: str | None = None
) -> Body:
    root = clean_copy(tree, notes)
    units = units_of(root)
    if not units:
        return Body([])
    choice = choose(root, units)
    container = choice.container
    if notes is not None:
        note(notes, container, True, f"article container ({choice.why})")
    # (block, why it is dropped or None, whether a short block between kept text would stay)
    lead = _lead_in(root, units, choice, headline) if headline else set()
    read: list[tuple[Block, str | None, bool]] = []
    tail = _tail_boxes(units, choice)
    begun = False  # the container's text has begun (an <h1> after it heads a section)
    for i, u in enumerate(units):
        if not u.text:
            continue
        if i in lead:
            read.append(((u.tag, u.text, u), None, False))
            if notes is not None:
                note(notes, u.el, True, "a standfirst between the headline and the container")
            continue
        held = inside(u.el, container)
        tag = u.tag
        if tag == "h1" and begun and _section_h1(units, i, choice, headline):
            tag = "h2"  # a page that marks every section's heading as <h1>
        why = _dropped(u, i in choice.good, i in choice.teasers, held, tag)
        if why is None and i in tail:
            why = "a box of its own after the article's box"
        if why == _LINKED and tag in HEADINGS and _heads_prose(units, i, choice, True):
            why = None  # a linked subheading in the flow of the prose it heads (a list's item)
        begun = begun or (held and i in choice.good)
        inner = (why == _SHORT_BLOCK and _line_block(u)) or (
            why == _LINKED and choice.named and _named_item(u)
        )
        read.append(((tag, u.text, u), why, inner))
    kept: list[Block] = []
    for k, (block, why, inner) in enumerate(read):
        if why is None or (inner and _between_kept(read, k)):
            kept.append(block)
        elif notes is not None:
            note(notes, block[2].el, False, why.format(tag=block[0]), block[1])
    blocks = _tidy(kept, notes)
    return Body([(t, text) for t, text, _ in blocks], choice.named, _results_tables(blocks))


def extract_body_blocks(tree: lxml_html.HtmlElement) -> list[tuple[str, str]]:
    """(tag, text) of the article's blocks in document order."""
    return read_body(tree).blocks


def _lead_in(root: etree._Element, units: list[Unit], choice: Choice, headline: str) -> set[int]:
    """Prose between the headline and the article container (a standfirst, a lede the page sets
    apart): the good units after the last <h1> before the container, when the two share a box
    below the page's root (the article's own header, not the site's)."""
    container = choice.container
    first = next((i for i, u in enumerate(units) if u.text and inside(u.el, container)), None)
    if first is None:
        return set()
    head = next((i for i in range(first - 1, -1, -1) if units[i].tag == "h1"), None)
    if head is None or not same_title(units[head].text, headline):
        return set()
    boxes = set(container.iterancestors())
    shared = next((a for a in units[head].el.iterancestors() if a in boxes), None)
    if shared is None or shared is root or shared.tag == "body":
        return set()
    for box in units[head].el.iterancestors():
        if box is shared:
            break
        if site_header(box):
            return set()
    return {
        i
        for i in range(head + 1, first)
        if i in choice.good
        and i not in choice.teasers
        and units[i].tag in _LEAD_TAGS
        and not (units[i].tag in HEADINGS and overlap(headline, units[i].text) >= HEADLINE_AGAIN)
        and units[i].text.rstrip().endswith(END)
        and not CALL_TO_ACTION.search(units[i].text)
    }


def _tail_boxes(units: list[Unit], choice: Choice) -> set[int]:
    """Units after the article's box in boxes of their own: when one child of the container, a
    box of several paragraphs, holds most of its good text (MAIN_SHARE), what follows it in
    other children holding little good text (less than TAIL_SHARE of the main one's, TAIL_MAX in
    all) is a box beside the article (its author's or the site's "about" box, a comment form, a
    site's footer), not more of it; and so on inside that child."""
    out: set[int] = set()
    box: etree._Element | None = choice.container
    while box is not None:
        box = _tail_of(units, choice, box, out)
    return out


def _tail_of(
    units: list[Unit], choice: Choice, box: etree._Element, out: set[int]
) -> etree._Element | None:
    share: dict[etree._Element, int] = {}
    count: dict[etree._Element, int] = {}
    for i in choice.good:
        child = _child_of(units[i].el, box)
        if child is not None:
            share[child] = share.get(child, 0) + weight(units[i].text)
            count[child] = count.get(child, 0) + 1
    if not share:
        return None
    main = max(share, key=share.__getitem__)
    if count[main] < 2 or share[main] < MAIN_SHARE * sum(share.values()):
        return None  # the box's children are the paragraphs themselves
    last = max(i for i, u in enumerate(units) if inside(u.el, main))
    tail = set()
    for i in range(last + 1, len(units)):
        child = _child_of(units[i].el, box)
        if child is not None and share.get(child, 0) < TAIL_SHARE * share[main]:
            tail.add(i)
    if sum(weight(units[i].text) for i in tail if i in choice.good) <= TAIL_MAX:
        out |= tail  # (more text after it: the article goes on past a gallery or an aside)
    return main


def _child_of(el: etree._Element | None, container: etree._Element) -> etree._Element | None:
    """The child of ``container`` holding ``el`` (None: outside it, or the container itself)."""
    while el is not None:
        parent = el.getparent()
        if parent is container:
            return el
        el = parent
    return None


def _section_h1(units: list[Unit], i: int, choice: Choice, headline: str | None) -> bool:
    """An ``<h1>`` after the article's text began heads a section of it (pages that mark every
    section's heading as ``<h1>``): short, not the headline again, and the next block is article
    prose (not a box's title over a prompt or a list of links)."""
    u = units[i]
    return not (headline and same_title(u.text, headline)) and _heads_prose(units, i, choice)


def _heads_prose(units: list[Unit], i: int, choice: Choice, sibling: bool = False) -> bool:
    """Unit ``i`` is short and the next block is article prose (good text in the container;
    with ``sibling``, in the same box: a heading in the text's flow, not a card's title)."""
    if weight(units[i].text) > HEADING_MAX:
        return False
    nxt = next((j for j in range(i + 1, len(units)) if units[j].text), None)
    if nxt is None or nxt not in choice.good or not inside(units[nxt].el, choice.container):
        return False
    return not sibling or units[nxt].el.getparent() is units[i].el.getparent()


_LEAD_TAGS = frozenset({"p", "div", "span", "h2", "h3", "strong", "em"})


def _dropped(u: Unit, good: bool, teaser: bool, in_container: bool, tag: str) -> str | None:
    """Why a unit is no body text (None: it is); ``tag`` is the block's kind (an ``<h1>`` after
    the article's text began is read as a section's heading)."""
    if not in_container:
        return "outside the article container"
    if tag == "h1":
        return "the page's headline"
    if good:
        return None
    if teaser:
        return "a teaser card's excerpt"
    # a link list is out; a long paragraph (or list item) that links much of its text but
    # says more around the links is still prose
    if (
        u.link > 0.5 * len(u.text)
        and not _linked_prose(u.tag, len(u.text), u.link)
        and not _linked_sentence(u)
    ):
        return _LINKED
    if tag not in KEPT_TAGS:
        return _SHORT_BLOCK
    return None


_SHORT_BLOCK = "a short <{tag}> block, no paragraph, not between paragraphs"
_LINKED = "mostly link text"


def _line_block(u: Unit) -> bool:
    """A block holding one line of text and no other block: a paragraph written as a <div>
    (text pasted from a word processor: "1 can (15 ounce) pumpkin")."""
    return (
        u.tag in ("div", "span", "font", "center") and not u.link and not u.run and len(u.el) <= 3
    )


def _between_kept(read: list[tuple[Block, str | None, bool]], k: int) -> bool:
    """Kept text (or more such lines leading to it) before and after block ``k``."""

    def reaches(step: int) -> bool:
        j = k + step
        while 0 <= j < len(read):
            _, why, inner = read[j]
            if why is None:
                return True
            if not inner:
                return False
            j += step
        return False

    return reaches(-1) and reaches(1)


_POINTER = re.compile(r"^\W*(?:related|read|see|also|more|watch|listen|click|via|source)\b", re.I)


def _linked_sentence(u: Unit) -> bool:
    """A paragraph written as a sentence (six words or more, a full stop at its end) with a link
    over most but not all of it ("You can watch the whole talk here."), or a list item that
    begins as one in plain words ("Neil has patches up to <a>improve the tab unloader</a>"),
    not a pointer to another page ("Related: ...", "Read more ...")."""
    text = u.text
    if u.link >= 0.9 * len(text) or len(text.split()) < 6 or _POINTER.match(text):
        return False
    if u.tag == "li":
        return len((u.el.text or "").split()) >= LI_OPENING
    return u.tag == "p" and text.rstrip().endswith((".", "!", "?"))


def _named_item(u: Unit) -> bool:
    """In the box the page names as the article's text, a paragraph or list item that says
    something after its links ("<a>3103 E Olive St</a> For sale: $599,999"), not a pointer:
    kept between kept text (an item of the article's list, not a box of links after it)."""
    return (
        u.tag in ("p", "li")
        and len(u.text) - u.link >= NAMED_UNLINKED
        and u.link < 0.9 * len(u.text)
        and not _POINTER.match(u.text)
        and not _ends_in_link(u)
    )


def _ends_in_link(u: Unit) -> bool:
    """The block ends with its last link (a label before a link: "READ ALSO | <a>..</a>")."""
    links = [a for a in u.el.iter("a") if a.get("href")]
    if not links:
        return False
    last = " ".join(links[-1].text_content().split()).rstrip(_TRAIL)
    return bool(last) and u.text.rstrip().rstrip(_TRAIL).endswith(last)


_TRAIL = " .!?)»›>"


def _linked_prose(tag: str, length: int, link: int) -> bool:
    """A paragraph or list item linking most of its text is still prose when it is long or says
    enough around its links (a list of linked deals with their prices, not a list of links)."""
    if tag not in ("p", "li") or link >= 0.9 * length:
        return False
    return length - link >= MIN_UNLINKED or (tag == "p" and length >= 150)


def _tidy(blocks: list[Block], notes: list[Note] | None) -> list[Block]:
    """Repeated blocks, calls to action, photo credits, headings that head nothing (a box's title
    left behind) and a credit line left at the end out."""

    def drop(b: Block, why: str) -> None:
        if notes is not None:
            note(notes, b[2].el, False, why, b[1])

    seen: set[str] = set()
    out: list[Block] = []
    for b in blocks:
        if b[1] in seen:
            drop(b, "a repeat of an earlier block")
        elif len(b[1]) < 250 and CALL_TO_ACTION.search(b[1]):
            drop(b, "a call to action")
        elif b[0] not in HEADINGS and _CREDIT.match(b[1]):
            drop(b, "a photo credit")
        else:
            seen.add(b[1])
            out.append(b)
    heads = out
    out = []
    for k, b in enumerate(heads):
        if b[0] in HEADINGS and not _heads_text(heads, k):
            drop(b, "a heading that heads no text")
        else:
            out.append(b)
    # a credit line left at the end ("SDA/sep", "Quelle: ntv.de, ino/dpa", "amw")
    while (
        out
        and out[-1][0] not in ("li", "dd", "dt", "table")
        and weight(out[-1][1]) < 40
        and not out[-1][1].rstrip().endswith(END)
    ):
        drop(out.pop(), "a credit line at the end")
    if notes is not None:
        for tag, text, u in out:
            note(notes, u.el, True, "results table" if u.results else f"<{tag}> text", text)
    return out


def _heads_text(blocks: list[Block], k: int) -> bool:
    """The heading at ``k`` is followed by text, or by deeper headings that lead to text (a
    section's title over its first subsection: '<h3>Project Updates</h3><h4>Add-ons</h4><p>')."""
    rank = blocks[k][0]
    for tag, _, _ in blocks[k + 1 :]:
        if tag not in HEADINGS:
            return True
        if tag <= rank:  # ('h3' <= 'h4': the tags' names order their ranks)
            return False
    return False


# a line naming who took the photos ("Photo: AFP", "Fotos: X Styling: Y", "Photo credit: ...")
_CREDIT = re.compile(
    r"^\W*(?:(?:photo|image|picture)s?\s+credits?|photos?|photographs?|fotos?|bild(?:er)?|"
    r"images?|pictures?|credits?|crédits?(?:\s+photos?)?)\s*:",
    re.IGNORECASE,
)


def _results_tables(blocks: list[Block]) -> list[str]:
    """Each results table of the body as HTML, after the block before it."""
    return [
        results_html(u.el, blocks[k - 1][1] if k and blocks[k - 1][0] != "table" else "")
        for k, (_, _, u) in enumerate(blocks)
        if u.results
    ]
