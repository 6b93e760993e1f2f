"""What is never article text, and a copy of the page without it (step 1 of
``scraper.parsers.common.body``).

``clean_copy(tree)`` copies <body> without:

- elements that never hold article text (scripts, embeds, forms' controls, navigation, asides,
  figures and their captions, a <ruby>'s readings: ``names.DROP_TAGS``), comments;
- the page's header and footer: a ``<header>`` stays when it holds paragraphs of prose (a
  component's standfirst) or is a section's header (its heading, no page headline), a
  ``<footer>`` never;
- hidden elements, unless one holds more paragraph text than the visible page around it (the
  article kept hidden until a script, a paywall or a consent shows it);
- boxes whose class/id names them as share/related/newsletter/comment/ad/consent boxes, unless
  another of their names is the article's own ("entry-author-x entry") or they hold most of the
  page's prose (a wrapper named after a share bar); boxes of reader-written or commercial text
  (comments, reviews, trackbacks, shipping terms) whatever they hold; "weak" names such as
  image/meta/date/paywall only when the box holds little prose.

With a ``notes`` list, every box removed for its name or as hidden, and every header or hidden
box kept, is noted there (``--explain``).
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import etree
from lxml import html as lxml_html

from scraper.parsers.common import names
from scraper.parsers.common.explain import Note, note
from scraper.parsers.common.names import HEADINGS, HIDDEN_CLASS, HIDDEN_STYLE, INLINE, PARA_TAGS

WEAK_MAX_PROSE = 300  # characters of prose below which a weak-named box is chrome
WRAPPER_SHARE = 0.5  # share of the page's prose above which a chrome-named box is a wrapper
HEADER_MIN_PROSE = 120  # paragraph text that makes a <header> part of the text
NOSCRIPT_MIN_TEXT = 500  # text of a <noscript> read as the page's text
SECTION_MIN_PROSE = 150  # paragraph text of a section whose header's heading is kept
HIDDEN_MIN_DENSITY = 0.6  # paragraph share of a hidden box's text that makes it the article

_TEXT_LEN = etree.XPath("string-length(normalize-space())")
_BODY = etree.XPath("//body")
_HIDDEN_XPATH = etree.XPath('//*[@hidden or @aria-hidden="true" or @style or @class]')
_NAMED_XPATH = etree.XPath("//*[@class or @id or @role]")
_SLUG_WORD = re.compile(r"(?:^|-)[a-z]{2,}(?=-|$)")
SLUG_MIN_WORDS = 6  # hyphenated words of an id that is a slug of a heading


def _classid(el: etree._Element) -> str:
    """The box's names: its classes, its id (unless the id is a slug of the box's heading,
    'zendaya-promoted-dune-part-two-in-london-...': words of its text, not of its kind) and
    its role."""
    box_id = el.get("id") or ""
    if len(_SLUG_WORD.findall(box_id)) >= SLUG_MIN_WORDS:
        box_id = ""
    cid = f"{el.get('class') or ''} {box_id} {el.get('role') or ''}".strip()
    return names.box_names(cid)


def _is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    cls = el.get("class")
    if cls and not HIDDEN_CLASS.isdisjoint(cls.split()):
        return True
    style = el.get("style")
    return bool(style and HIDDEN_STYLE.search(style))


def _text_len(el: etree._Element) -> int:
    return int(_TEXT_LEN(el))


def _paragraph_text(el: etree._Element) -> int:
    return sum(_text_len(p) for p in el.iter("p"))


class _Sizes:
    """Characters of text and of link text under every element, counted in one pass (element
    texts stripped, whitespace inside kept: a measure, not the text)."""

    def __init__(self, root: etree._Element) -> None:
        self.text: dict[etree._Element, int] = {}
        self.link: dict[etree._Element, int] = {}
        for el in reversed(list(root.iter())):
            n = len((el.text or "").strip())
            links = 0
            for child in el:
                n += self.text.get(child, 0) + len((child.tail or "").strip())
                links += self.link.get(child, 0)
            self.text[el] = n
            self.link[el] = n if el.tag == "a" and el.get("href") else links

    def prose(self, el: etree._Element) -> int:
        """Characters of text outside links (navigation and link lists have little)."""
        return self.text.get(el, 0) - self.link.get(el, 0)


def clean_copy(tree: lxml_html.HtmlElement, notes: list[Note] | None = None) -> etree._Element:
    """A copy of <body> without what is never article text."""
    # the document's <body>, wherever the parser put it (markup that closes </html> before
    # <body> leaves it outside the first root)
    body = next(iter(_BODY(tree)), None)
    root = deepcopy(body if body is not None else tree)
    _keep_noscript_text(root, notes)
    if notes is not None:
        for el in root.iter(*names.DROP_TAGS):
            if el.tag not in ("script", "style", "head", "title", "link", "meta", "template"):
                note(notes, el, False, f"<{el.tag}> element")
    # tags that never hold article text, comments: removed in C
    etree.strip_elements(
        root, etree.Comment, etree.ProcessingInstruction, *names.DROP_TAGS, with_tail=False
    )
    _drop_page_chrome(root, notes)
    _drop_hidden(root, notes)
    _drop_named(root, _Sizes(root), notes)
    _drop_timestamps(root, notes)
    return root


def _keep_noscript_text(root: etree._Element, notes: list[Note] | None) -> None:
    """A <noscript> holding prose is the text a page shows without its scripts (a blog rendered
    by JavaScript): read as a <div>. Tracking pixels and "enable JavaScript" notes stay out."""
    for el in root.iter("noscript"):
        if _text_len(el) >= NOSCRIPT_MIN_TEXT and next(el.iter("script"), None) is None:
            el.tag = "div"
            if notes is not None:
                note(notes, el, True, "<noscript> holding prose")


def _drop_page_chrome(root: etree._Element, notes: list[Note] | None) -> None:
    """Page header and footer out. A ``<header>`` that is part of the text stays: one holding
    paragraphs of prose (a standfirst), or the header of a section of prose holding only the
    section's heading (no page headline, no navigation; an article's header with its date and
    tools, or a teaser card's, is no such header)."""
    doomed = []
    for el in root.iter("header", "footer"):
        if el.tag == "header":
            why = _text_header(el)
            if why:
                if notes is not None:
                    note(notes, el, True, why)
                continue
        doomed.append(el)
        if notes is not None:
            note(notes, el, False, f"page <{el.tag}>")
    _drop(doomed)


def _drop_timestamps(root: etree._Element, notes: list[Note] | None) -> None:
    """A ``<time>`` that is all its box holds (a live blog's '4 hours ago 08:36' over each
    entry) is the page's furniture; one inside a sentence stays."""
    doomed = []
    for el in root.iter("time"):
        parent = el.getparent()
        if parent is not None and _text_len(parent) == _text_len(el):
            doomed.append(el)
            if notes is not None:
                note(notes, el, False, "a timestamp alone in its box")
    _drop(doomed)


def _text_header(el: etree._Element) -> str | None:
    if el.find(".//nav") is not None:
        return None
    if _paragraph_text(el) >= HEADER_MIN_PROSE:
        return "<header> holding prose"
    parent = el.getparent()
    if (
        el.find(".//h1") is None
        and parent is not None
        and sum(_text_len(h) for h in el.iter(*HEADINGS)) >= 0.8 * _text_len(el) > 0
        and _paragraph_text(parent) >= SECTION_MIN_PROSE
    ):
        return "<header> of a section: its heading"
    return None


def _drop_hidden(root: etree._Element, notes: list[Note] | None) -> None:
    hidden = [el for el in _HIDDEN_XPATH(root) if _is_hidden(el)]
    if not hidden:
        return
    held_by = {el: _paragraph_text(el) for el in _outermost(hidden)}
    shown = -1
    if any(held >= WEAK_MAX_PROSE for held in held_by.values()):
        shown = _paragraph_text(root) - sum(held_by.values())
    doomed = []
    for el in hidden:
        held = held_by.get(el, 0)  # a hidden box inside a hidden box goes with it
        if (
            held >= WEAK_MAX_PROSE
            and held > shown
            and held >= HIDDEN_MIN_DENSITY * _text_len(el)
            and not names.boiler_word(_classid(el))
        ):
            if notes is not None:
                note(notes, el, True, "hidden, but holds more paragraph text than the page shows")
            continue
        doomed.append(el)
        if notes is not None:
            note(notes, el, False, "hidden")
    _drop(doomed)


def _drop_named(root: etree._Element, sizes: _Sizes, notes: list[Note] | None) -> None:
    total = sizes.prose(root) or 1
    doomed: list[tuple[etree._Element, str, bool]] = []
    for el in _NAMED_XPATH(root):
        cid = _classid(el)
        if not cid or el.tag in ("body", "html", "main", "article"):
            continue
        if el.tag == "p":
            # paragraphs carry classes like "paywall" on article text; only captions and
            # credits are named so on a paragraph
            if names.P_BOILER.search(cid):
                doomed.append((el, f"paragraph named {cid[:40]!r}", False))
            continue
        if el.tag in INLINE and _in_paragraph(el):
            continue
        word = names.boiler_word(cid)
        if word:
            never = names.never_wrapper(cid)
            if not never and names.names_content(cid):
                continue
            doomed.append((el, f"named {word!r}", never))
            continue
        weak = names.weak_boiler_word(cid)
        if weak and not names.names_content(cid) and sizes.prose(el) < WEAK_MAX_PROSE:
            doomed.append((el, f"named {weak!r}, little prose", False))
    kept = []
    for el, why, never in doomed:
        # a box named like chrome that holds most of the page's prose is a wrapper: keep it
        # (never one of reader-written or shop text, a prompt or credits)
        if not never and sizes.prose(el) >= WRAPPER_SHARE * total:
            if notes is not None:
                note(notes, el, True, why + ", but holds most of the page's prose")
            continue
        kept.append(el)
        if notes is not None:
            note(notes, el, False, why)
    _drop(kept)


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    chosen = set(elements)
    out = []
    for el in elements:
        anc = el.getparent()
        while anc is not None and anc not in chosen:
            anc = anc.getparent()
        if anc is None:
            out.append(el)
    return out


def _in_paragraph(el: etree._Element) -> bool:
    """Words inside a paragraph are text whatever their class says."""
    parent = el.getparent()
    for _ in range(3):
        if parent is None:
            return False
        if parent.tag in PARA_TAGS:
            return True
        if parent.tag not in INLINE:
            return False
        parent = parent.getparent()
    return False


def _drop(elements: list[etree._Element]) -> None:
    for el in elements:
        if el.getparent() is not None:
            el.drop_tree()
