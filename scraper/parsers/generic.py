"""The generic article parser: any news page, from general signals only.

The page is parsed once with lxml; every field reader works on that one tree (metadata readers
never modify it; the body extractor works on its own copy). Each field records the signal that gave
its value in ``Article.signals`` (``meetarchive extract --explain`` shows them).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import html as lxml_html

from scraper.errors import InputTooLarge
from scraper.items import Article
from scraper.parsers.base import ParseError, Parser
from scraper.parsers.common import meta
from scraper.parsers.common.explain import Note
from scraper.parsers.common.units import END
from scraper.parsers.keys import canonical_url, site_key

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Characters XML (hence lxml) refuses in text and attributes: C0 controls but tab/LF/CR, the two
# non-characters. A page holding them is still read; they become nothing.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Parsing bounds (hostile or broken pages): the extractors' cost grows with the page, so a page
# over these is refused with InputTooLarge (a ``parse error`` reject) instead of costing minutes.
# libxml2 itself stops nesting at 256 levels (huge_tree off); a page that hits it is refused too.
MAX_HTML_CHARS = 8_000_000
MAX_ELEMENTS = 60_000
_COUNT_ELEMENTS = lxml_html.etree.XPath("count(//*)")
SHORT = 200  # characters of body text below which other sources of the text are tried
SHORT_POST = 100  # characters of a short text of sentences kept as the body
OPENING_WORDS = 8  # first words of the text a description repeating its opening holds


def parse_tree(html: str) -> lxml_html.HtmlElement:
    """One lxml tree for the page (an XML declaration with an encoding is dropped: lxml refuses it
    on str input)."""
    if not html or not html.strip():
        raise ParseError("empty page")
    if len(html) > MAX_HTML_CHARS:
        raise InputTooLarge(f"page of {len(html):,} characters (limit {MAX_HTML_CHARS:,})")
    tags = html.count("<")  # before building a tree: an element costs two (open, close) at most
    if tags > 3 * MAX_ELEMENTS:
        raise InputTooLarge(f"page of {tags:,} tags (limit {MAX_ELEMENTS:,} elements)")
    html = _NOT_XML.sub("", _XML_DECL.sub("", html, count=1))
    parser = lxml_html.HTMLParser(huge_tree=False)
    try:
        tree = lxml_html.document_fromstring(html, parser=parser)
    except (ValueError, lxml_html.etree.ParserError) as exc:
        raise ParseError(f"unparseable HTML: {exc}") from exc
    if tree is None:
        raise ParseError("empty HTML tree")
    limit = next((e for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None)
    if limit is not None:
        raise InputTooLarge(f"HTML over the parser's limits: {limit.message}")
    elements = int(_COUNT_ELEMENTS(tree))
    if elements > MAX_ELEMENTS:
        raise InputTooLarge(f"page of {elements:,} elements (limit {MAX_ELEMENTS:,})")
    return tree


def _same_site(a: str, b: str) -> bool:
    ha, hb = urlsplit(a).hostname or "", urlsplit(b).hostname or ""
    strip = lambda h: h[4:] if h.startswith("www.") else h  # noqa: E731
    return bool(ha) and strip(ha) == strip(hb)


class GenericParser(Parser):
    """JSON-LD, OpenGraph/meta, <time>, byline text and a body extractor, for any article page."""

    name = "generic"
    version = 1

    @classmethod
    def claims(cls, url: str) -> bool:
        return True

    def parse(self, html: str, url: str, fetched_at: str) -> Article:
        tree = parse_tree(html)
        return self.parse_tree(tree, url, fetched_at)

    def parse_tree(self, tree: lxml_html.HtmlElement, url: str, fetched_at: str) -> Article:
        """Extract from an already-parsed tree (site parsers that parsed the page pass theirs)."""
        page = meta.PageSignals(tree, url)
        art = Article(
            url=url, canonical_url=canonical_url(url), fetched_at=fetched_at, parser=self.id
        )
        _metadata(page, art)
        _body(tree, page, art)
        # the costlier guesses, only for what the page's own signals did not give
        if art.published_raw is None:
            _put(art, "published_raw", page.published_fallback(fetched_at))
        if art.language is None and art.body:
            from scraper.text.language import guess_language

            _put(art, "language", (guess_language(art.body), "text:function-words"))
        return art


def _put(art: Article, field: str, found: tuple[object, str] | None) -> None:
    """Set a field and the signal that gave it (nothing for an empty value)."""
    if found is not None and found[0] not in (None, "", []):
        setattr(art, field, found[0])
        art.signals[field] = found[1]


def _metadata(page: meta.PageSignals, art: Article) -> None:
    _put(art, "headline", page.headline())
    _put(art, "dek", page.dek())
    authors = page.authors()
    if authors is not None:
        _put(art, "authors", (authors[0], authors[1]))
        _put(art, "byline_raw", (authors[2], authors[1]))
    for field, found in (
        ("publisher", page.publisher()),
        ("published_raw", page.published()),
        ("modified_raw", page.modified()),
        ("image_url", page.image()),
        ("image_caption", page.image_caption()),
        ("photo_credit", page.photo_credit()),
        ("language", page.language()),
        ("tags", page.tags()),
    ):
        _put(art, field, found)
    paywall = page.paywalled()
    if paywall is not None:
        art.paywalled, art.signals["paywalled"] = paywall
    canon = page.canonical()
    art.signals["canonical_url"] = "url"
    # A RunnerSpace article is keyed by its URL's news_id, as the site parser and the request
    # fingerprinter key it: the platform's canonical link names a profile (the event's or group's
    # home), never the article.
    if canon is not None and site_key(art.url) is None:
        link = urljoin(art.url, canon[0])
        if _same_site(link, art.url):
            # most pages name their own URL (already canonicalised above)
            art.canonical_url = art.canonical_url if link == art.url else canonical_url(link)
            art.signals["canonical_url"] = canon[1]


def _body(tree: lxml_html.HtmlElement, page: meta.PageSignals, art: Article) -> None:
    """The body, led by the standfirst the page shows (its description) when the text lacks it."""
    found = extract_body(tree, art.url, art.headline, page)
    if found is None:
        return
    art.body, art.signals["body"], art.results_tables = found
    lead = page.visible_lead(art.headline)
    if lead:
        if _norm(lead) not in _norm(art.body[: 3 * len(lead)]) and not _repeats_opening(
            lead, art.body
        ):
            art.body, art.signals["body"] = f"{lead}\n\n{art.body}", art.signals["body"] + "+lead"
        art.dek, art.signals["dek"] = lead, "visible-description"


def extract_body(
    tree: lxml_html.HtmlElement,
    url: str,
    headline: str | None = None,
    page: meta.PageSignals | None = None,
    notes: list[Note] | None = None,
) -> tuple[str, str, list[str]] | None:
    """The article text (paragraphs separated by blank lines), the signal that gave it, and the
    HTML of the results tables in it.

    The page's own markup first; the JSON-LD ``articleBody`` when it is much longer (the markup
    was cut or script-rendered); HTML held in a script's JSON (pages rendered from hydration
    data) when the markup has no text; trafilatura as the last resort, when the markup holds
    little text (a short text in the box the page names as the article's is kept: trafilatura
    would add what surrounds it).
    """
    from scraper.parsers.common.body import read_body

    titles = [t for t, _ in page.title_candidates()] if page is not None else []
    body = read_body(tree, notes, headline)
    text = _blocks_text(body.blocks, headline, titles)
    if page is not None:
        ld_body = page.article_body()
        if ld_body and len(ld_body) > max(500, 1.5 * len(text)):
            return ld_body, "jsonld:articleBody", []
        if len(text) < SHORT:
            html = page.script_html()
            if html:
                script_text = _blocks_text(read_body(parse_tree(html)).blocks, headline)
                if len(script_text) > max(SHORT, len(text)):
                    return script_text, "script:html", []
    if len(text) >= SHORT or (text and body.named) or _short_post(text):
        return text, "dom-density", body.results_tables
    fallback = _trafilatura_body(tree, url, headline, titles)
    if fallback:
        return fallback, "trafilatura", []
    return (text, "dom-density", body.results_tables) if text else None


def explain_body(html: str, url: str) -> list[str]:
    """Why each block of the page is in the body the generic parser reads, or not (the notes of
    ``meetarchive extract --explain``), and where the body came from."""
    tree = parse_tree(html)
    page = meta.PageSignals(tree, url)
    headline = page.headline()
    notes: list[Note] = []
    found = extract_body(tree, url, headline[0] if headline else None, page, notes)
    lines = [n.line() for n in notes]
    lines.append(f"body from: {found[1]}" if found else "no body found")
    return lines


def _blocks_text(
    blocks: list[tuple[str, str]], headline: str | None, titles: list[str] | None = None
) -> str:
    """Blocks joined by blank lines, without leading copies of the headline (or of another title
    variant, a kicker glued to it)."""
    head = _norm(headline)
    variants = [t for t in [headline or "", *(titles or [])] if t]
    while (
        blocks
        and head
        and (
            _norm(blocks[0][1]) == head
            or any(
                meta.overlap(t, blocks[0][1]) >= 0.9
                and meta.overlap(blocks[0][1], t) >= 0.7
                and len(blocks[0][1]) <= 1.3 * len(t) + 10
                for t in variants
            )
        )
    ):
        blocks.pop(0)
    return "\n\n".join(t for _, t in blocks)


def _short_post(text: str) -> bool:
    """A short text that is prose: paragraphs of sentences, SHORT_POST characters or more (a
    recipe video's blurb, a comic's caption); trafilatura would add what surrounds it."""
    paras = [p for p in text.split("\n\n") if p.strip()]
    return len(text) >= SHORT_POST and all(p.rstrip().endswith(END) for p in paras)


def _repeats_opening(lead: str, body: str) -> bool:
    """The description holds the text's opening words (a feed's excerpt: "X posted a new
    article, <title>. <first sentence>"), so it is no standfirst of its own."""
    opening = _norm(body.split("\n", 1)[0]).split()[:OPENING_WORDS]
    return len(opening) == OPENING_WORDS and " ".join(opening) in _norm(lead)


def _norm(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").casefold()))


def _trafilatura_body(
    tree: lxml_html.HtmlElement, url: str, headline: str | None, titles: list[str]
) -> str | None:
    import trafilatura
    from trafilatura.settings import Document

    doc = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=False, with_metadata=False
    )
    text = doc.text if isinstance(doc, Document) else None  # as_dict=False: a Document or None
    if not text:
        return None
    paras = [" ".join(p.split()) for p in text.split("\n")]
    return _blocks_text([("p", p) for p in paras if p], headline, titles) or None
