"""A page as the lines a browser would render: text-structure parsing without guessed class names.

``text_lines(root)`` walks an lxml tree once and returns one :class:`Line` per rendered line: block
elements and ``<br>`` end a line; scripts, styles, form controls and inline-hidden elements render
nothing. Each line remembers the block element it sits in and how much of it is link text, so a
parser can find "Published by ..." or "By ... for DyeStat" lines and still map them back to the DOM.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import html as lxml_html

BLOCK = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "select",
        "option",
        "head",
        "template",
        "iframe",
        "textarea",
        "button",
        "svg",
        "input",
        "object",
        "embed",
        "canvas",
        "map",
    }
)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WS = re.compile(r"\s+")
_TITLE_SPLIT = re.compile(r"\s+(?:-|\||::|—|–|»)\s+")
_WIDGET = re.compile(
    r"(?:^|[\s_-])(?:ad|ads|adbox|adcontent|advert\w*|sharethis|share\w*|social"
    r"|comments?|comment_\w+|sponsor\w*|promo\w*|newsletter)(?:$|[\s_-])",
    re.IGNORECASE,
)


@dataclass
class Line:
    text: str  # whitespace-normalised
    element: lxml_html.HtmlElement  # the block element the line starts in
    link_chars: int  # characters of link text in the line
    index: int = 0  # position in the page's lines
    gap: bool = False  # an empty line (``<br><br>``) comes right before it

    @property
    def link_density(self) -> float:
        return self.link_chars / max(len(self.text), 1)


def hidden(el: lxml_html.HtmlElement) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN.search(el.get("style") or ""))


def text_lines(root: lxml_html.HtmlElement) -> list[Line]:
    """The rendered lines of ``root`` in document order."""
    lines: list[Line] = []
    parts: list[str] = []
    # the line being read: the block it starts in, its link characters, an empty line before it
    start: lxml_html.HtmlElement | None = None
    links = 0
    gap = False

    def flush(br: bool = False) -> None:
        nonlocal start, links, gap
        text = _WS.sub(" ", "".join(parts)).strip()
        if text:
            assert start is not None  # set by the line's first text that is not blank
            lines.append(Line(text, start, links, len(lines), gap))
            gap = False
        elif br:
            gap = True
        parts.clear()
        start, links = None, 0

    def add(text: str | None, block: lxml_html.HtmlElement, in_link: bool) -> None:
        nonlocal start, links
        if not text:
            return
        if start is None and text.strip():
            start = block
        parts.append(text)
        if in_link:
            links += len(_WS.sub(" ", text).strip())

    def walk(el: lxml_html.HtmlElement, block: lxml_html.HtmlElement, in_link: bool) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag and tag not in SKIP and not hidden(el):
            is_block = tag in BLOCK
            if is_block or tag == "br":
                flush(br=tag == "br")
            inner = el if is_block else block
            link = in_link or tag == "a"
            add(el.text, inner, link)
            for child in el:
                walk(child, inner, link)
            if is_block:
                flush()
        add(el.tail, block, in_link)

    walk(root, root, False)
    flush()
    return lines


def ancestors(el: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """``el`` and its ancestors, innermost first."""
    out = []
    node: lxml_html.HtmlElement | None = el
    while node is not None:
        out.append(node)
        node = node.getparent()
    return out


def common_ancestor(a: lxml_html.HtmlElement, b: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    chain = set(map(id, ancestors(b)))
    return next(x for x in ancestors(a) if id(x) in chain)


def inside(el: lxml_html.HtmlElement, container: lxml_html.HtmlElement) -> bool:
    return any(x is container for x in ancestors(el))


def in_widget(
    el: lxml_html.HtmlElement, container: lxml_html.HtmlElement, keep: list[lxml_html.HtmlElement]
) -> bool:
    """``el`` sits in an ad/share/comment widget (its class or id says so) below ``container``;
    the elements in ``keep`` (the article text's own wrappers) never count."""
    for node in ancestors(el):
        if node is container or any(node is k for k in keep):
            return False
        if _WIDGET.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


def title_candidates(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """casefolded headline candidates -> signal: og:title, twitter:title and <title>, whole and cut
    into every run of their " - " / " | " pieces (a site name may sit on either side, and a
    headline may itself contain " - ")."""
    out: dict[str, str] = {}
    for xp, signal in (
        ('//meta[@property="og:title"]/@content', "og:title"),
        ('//meta[@name="twitter:title"]/@content', "twitter:title"),
        ("//title/text()", "title"),
    ):
        for title in tree.xpath(xp):
            title = " ".join(title.split())
            pieces, seps = _TITLE_SPLIT.split(title), _TITLE_SPLIT.findall(title)
            for a in range(len(pieces)):
                text = pieces[a]
                out.setdefault(text.casefold(), signal)
                for sep, piece in zip(seps[a:], pieces[a + 1 :], strict=False):
                    text += sep + piece
                    out.setdefault(text.casefold(), signal)
    return out


def year_in(text: str | None) -> int | None:
    m = re.search(r"\b((?:19|20)\d\d)\b", text or "")
    return int(m.group(1)) if m else None
