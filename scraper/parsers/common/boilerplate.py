"""What is never article text, and a copy of the page without it (step 1 of
``scraper.parsers.common.body``).

``clean_copy(tree)`` copies <body> without scripts, embeds, forms' controls, navigation, asides,
figures and their captions, page header/footer, hidden elements, and boxes whose class/id names
them as share/related/newsletter/comment/ad/consent boxes (unless they hold much of the page's
text; "weak" names such as image/meta/paywall only when the box holds little paragraph text).
``CALL_TO_ACTION`` matches the prompts (newsletter, app, social, consent, copyright) that sit
inside article containers; the body extractor drops the short blocks it matches.
"""

from __future__ import annotations

import re
from copy import deepcopy
from functools import lru_cache

from lxml import etree
from lxml import html as lxml_html

DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "picture",
    "img",
    "map",
    "button",
    "select",
    "input",
    "textarea",
    "label",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "dialog",
    "menu",
    "head",
    "title",
    "link",
    "meta",
}
INLINE = {
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "cite",
    "code",
    "data",
    "dfn",
    "em",
    "font",
    "i",
    "kbd",
    "mark",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "var",
    "wbr",
    "br",
    "del",
    "ins",
    "strike",
    "tt",
    "big",
    "nobr",
}
PARA_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt"}

# class/id words of boxes that are never article text (a word of a class or id, or its prefix)
BOILER = re.compile(
    r"(?:^|[\s_-])(?:"
    r"(?:share|sharing|social|related|recommend|newsletter|subscri|signup|sign-?up|sign-?in|"
    r"login|regist|promo|advert|sponsor|comment|disqus|caption|breadcrumb|author|notification|"
    r"outbrain|taboola|recirc|upsell|donat|popup|modal|cookie|consent|toolbar|embed|tweet|"
    r"twitter|instagram|tiktok|privacy|opt-?in)\w*"
    r"|(?:ads?|adslot|adunit|credits?|byline|more-?stories|read-?more|readmore|most-?popular|"
    r"mostread|most-?read|sidebar|footer|nav|navigation|menu|visually-?hidden|sr-only|"
    r"teaser-?list|inline-?related|see-?also|also-?read)(?:$|[\s_-])"
    r")",
    re.IGNORECASE,
)
# words naming boxes that are usually chrome but sometimes wrap article text (a "paywall" or
# "image-right" block of paragraphs): dropped only when they hold little paragraph text
WEAK_BOILER = re.compile(
    r"(?:^|[\s_-])(?:(?:paywall|podcast)\w*|(?:bio|tags?|tag-?list|trending|skip|top-?stories|"
    r"widget|banner|meta|timestamp|dateline|date|published|updated|photo|image|video|player|"
    r"audio)(?:$|[\s_-]))",
    re.IGNORECASE,
)
WEAK_MAX_PARAGRAPH_TEXT = 300
# calls to action that sit inside article containers (newsletter, app, social, consent prompts)
_CALLS_TO_ACTION = (
    r"sign up (?:for|to|here)",
    r"subscribe (?:to|now|here)",
    r"join us on",
    r"follow us on",
    r"download (?:our|the) app",
    r"get the latest .{0,40} (?:on|to) your phone",
    r"newsletter\s*:",
    r"jetzt (?:kostenlos )?(?:anmelden|abonnieren)",
    r"folgen sie uns",
    r"hier geht es zu[rm]? ",
    r"externen? inhalt",
    r"ich bin damit einverstanden",
    r"personenbezogene daten können",
    r"all rights reserved",
    r"alle rechte vorbehalten",
    r"tous droits réservés",
    r"todos los derechos reservados",
    r"suscr[ií]bete",
    r"abonnez-vous",
    r"inscrivez-vous",
)
# each phrase starts with a letter; the lookahead on those first letters lets most word boundaries
# fail at once instead of trying every phrase there (same matches, about twice as fast)
CALL_TO_ACTION = re.compile(
    r"\b(?=["
    + "".join(sorted({p[0] for p in _CALLS_TO_ACTION}))
    + r"])(?:"
    + "|".join(_CALLS_TO_ACTION)
    + r")",
    re.IGNORECASE,
)
P_BOILER = re.compile(
    r"(?:^|[\s_-])(?:caption|credit|byline|dateline|copyright|disclaimer|"
    r"related|newsletter|promo|advert|sponsor)",
    re.IGNORECASE,
)
HIDDEN_CLASS = {
    "hide",
    "hidden",
    "d-none",
    "is-hidden",
    "u-hidden",
    "invisible",
    "visuallyhidden",
    "screen-reader-text",
    "offscreen",
}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _classid(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''} {el.get('role') or ''}".strip()


def _is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    cls = el.get("class")
    if cls and not HIDDEN_CLASS.isdisjoint(cls.split()):
        return True
    style = el.get("style")
    return bool(style and HIDDEN_STYLE.search(style))


_TEXT_LEN = etree.XPath("string-length(normalize-space())")
_HIDDEN_XPATH = etree.XPath('//*[@hidden or @aria-hidden="true" or @style or @class]')
_NAMED_XPATH = etree.XPath("//*[@class or @id or @role]")


def _text_len(el: etree._Element) -> int:
    return int(_TEXT_LEN(el))


def clean_copy(tree: lxml_html.HtmlElement) -> etree._Element:
    """A copy of <body> without what is never article text."""
    body = tree.find(".//body")
    root = deepcopy(body if body is not None else tree)
    # tags that never hold article text, comments, page header/footer (an <article>'s own header
    # holds the headline and dek and is read elsewhere): removed in C
    etree.strip_elements(
        root,
        etree.Comment,
        etree.ProcessingInstruction,
        *DROP_TAGS,
        "header",
        "footer",
        with_tail=False,
    )
    _drop([el for el in _HIDDEN_XPATH(root) if _is_hidden(el)])
    total = _text_len(root) or 1
    doomed = []
    for el in _NAMED_XPATH(root):
        cid = _classid(el)
        if not cid or el.tag in ("body", "html", "main", "article"):
            continue
        if el.tag == "p":
            # paragraphs carry classes like "paywall" on article text; only captions and
            # credits are named so on a paragraph
            if P_BOILER.search(cid):
                doomed.append(el)
        elif el.tag in INLINE and _in_paragraph(el):
            continue
        elif _names_boiler(cid) or (
            _names_weak_boiler(cid) and _paragraph_text(el) < WEAK_MAX_PARAGRAPH_TEXT
        ):
            doomed.append(el)
    # a box named like boilerplate that holds much of the page is a wrapper: keep it
    _drop([el for el in doomed if _text_len(el) < 0.4 * total])
    return root


# a page repeats its class names on many elements (and a site on every page): each distinct
# class/id string is matched once
@lru_cache(maxsize=8192)
def _names_boiler(cid: str) -> bool:
    return BOILER.search(cid) is not None


@lru_cache(maxsize=8192)
def _names_weak_boiler(cid: str) -> bool:
    return WEAK_BOILER.search(cid) is not None


def _paragraph_text(el: etree._Element) -> int:
    return sum(_text_len(p) for p in el.iter("p"))


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
