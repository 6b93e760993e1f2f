"""The vocabulary of page chrome: tag sets, class/id words and phrases the body extractor reads
(``scraper.parsers.common.boilerplate``, ``scraper.parsers.common.body``). Words only, no logic
beyond matching them, so every list is in one place.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

# elements that never hold article text (removed with their content)
DROP_TAGS = frozenset(
    {
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
        # a <ruby> annotation's reading and its fallback parentheses (the base text stays)
        "rt",
        "rp",
    }
)
# elements inside a line of text (they never start a block of their own)
INLINE = frozenset(
    {
        "a",
        "abbr",
        "acronym",
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
        "ruby",
        "rb",
    }
)
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# blocks kept inside the article container even when short
PARA_TAGS = frozenset({"p", "li", "blockquote", "pre", "dd", "dt", *HEADINGS})

# the site's header (a blog's title and description), not an article's ("entry-header")
_SITE_HEADER = re.compile(
    r"(?:^|\s)(?:(?:site|page|top|blog)[_-]?)?(?:header|masthead|branding)(?:[_-](?:inner|wrap\w*|"
    r"container|section))?(?:$|\s)",
    re.IGNORECASE,
)


def site_header(box: Any) -> bool:
    """``box`` (an element) is named as the site's header by its class or id."""
    return bool(_SITE_HEADER.search(f"{box.get('class') or ''} {box.get('id') or ''}"))


# class/id words of boxes that are never article text (a word of a class or id, or its prefix)
BOILER = re.compile(
    r"(?:^|[\s_-])(?:"
    r"(?:share|sharing|social|related|recommend|newsletter|subscri|signup|sign-?up|sign-?in|"
    r"login|regist|promo|advert|sponsor|comment|disqus|caption|breadcrumb|author|notification|"
    r"outbrain|taboola|recirc|upsell|donat|popup|modal|cookie|consent|toolbar|embed|tweet|"
    r"twitter|instagram|tiktok|whatsapp|privacy|opt-?in|trackback|pingback|shipping|gdpr|"
    r"widget_|expandable|lightbox|right-?_?(?:col|rail))\w*"
    r"|(?:ads?|adslot|adunit|cta|credits?|byline|more-?stories|read-?more|readmore|most-?popular|"
    r"mostread|most-?read|sidebar|footer|nav|navigation|menu|visually-?hidden|sr-only|"
    r"teaser-?list|inline-?related|see-?also|also-?read|reviews|user-?reviews?|"
    r"customer-?reviews?|ratings?)\d*(?:$|[\s_-])"
    r")",
    re.IGNORECASE,
)
# names of boxes that never wrap the article, however much text they hold: reader-written text
# (comments, reviews, trackbacks), shop terms, consent and sign-up prompts, credits, a blog's
# sidebar widgets ("widget_text", "widget_recent_entries": WordPress names them so)
NEVER_WRAPPER = re.compile(
    r"(?:^|[\s_-])(?:comment|disqus|trackback|pingback|shipping|cookie|consent|gdpr|newsletter|"
    r"subscri|signup|sign-?up|donat|opt-?in|widget_|(?:credits?|reviews|user-?reviews?|"
    r"customer-?reviews?|ratings?)(?:$|[\s_-]))",
    re.IGNORECASE,
)
# words naming boxes that are usually chrome but sometimes wrap article text (a "paywall" or
# "image-right" block of paragraphs): dropped only when they hold little prose
WEAK_BOILER = re.compile(
    r"(?:^|[\s_-])(?:(?:paywall|podcast)\w*|(?:bio|tags?|tag-?list|trending|skip|"
    r"top-?stories|widget|banner|meta|(?:post-?)?meta-?data|postmeta|timestamp|dateline|date|"
    r"published|updated|photo|image|video|player|audio)(?:$|[\s_-]))",
    re.IGNORECASE,
)
# a class that labels the box with a taxonomy term (WordPress "category-recipes", "tag-cookies",
# "status-publish"): says what the text is about, not what kind of box holds it ("tag-list" does)
_LABEL = re.compile(
    r"(?:^|\s)(?:[\w-]*?-)?(?:category|tag|tags|topic|format|type|status|postid)-"
    r"(?!(?:list|cloud|links?|box|wrap\w*|container|nav\w*|menu)(?:$|[\s_-]))\S+",
    re.IGNORECASE,
)


@lru_cache(maxsize=8192)
def box_names(cid: str) -> str:
    """A class/id string without its taxonomy labels."""
    return _LABEL.sub(" ", cid) if "-" in cid else cid


# a class or id that names the article itself ("entry", "post-text", "article-body"): a box
# carrying one is the article's wrapper whatever else its names say ("entry-author-x entry")
_CONTENT_HEAD = frozenset(
    {
        "article",
        "body",
        "content",
        "entry",
        "hentry",
        "main",
        "post",
        "prose",
        "story",
        "text",
        "blog",
        "single",
    }
)
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
# paragraphs carry classes like "paywall" on article text; only these name a paragraph as chrome
# (a comment's parts and a comment form's notes: "comment-notes", "comment_license"; a post's
# metadata line, "postmetadata", "entry-meta": when and where it was filed, its tags)
P_BOILER = re.compile(
    r"(?:^|[\s_-])(?:caption|credit|byline|dateline|copyright|disclaimer|"
    r"related|newsletter|promo|advert|sponsor|(?:comments?|(?:post-?|entry-?)?meta(?:-?data)?)"
    r"(?:$|[\s_-]))",
    re.IGNORECASE,
)
HIDDEN_CLASS = frozenset(
    {
        "hide",
        "hidden",
        "d-none",
        "no-display",  # Magento's, Bootstrap's and others' utility classes for display: none
        "display-none",
        "is-hidden",
        "u-hidden",
        "invisible",
        "visuallyhidden",
        "screen-reader-text",
        "offscreen",
        # text only a screen reader speaks ('Box aufklappen', 'Opens in a new window')
        "sr-only",
        "visually-hidden",
        "u-visually-hidden",
        "is-visually-hidden",
        "h-offscreen",
        "screen-reader-only",
    }
)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# calls to action that sit inside article containers (newsletter, app, social, consent prompts)
_CALLS_TO_ACTION = (
    r"sign up (?:for|to|here)",
    r"subscribe (?:to|now|here)",
    r"join us on",
    r"follow us on",
    r"message us on",
    r"head over to our",
    r"download (?:our|the) (?:\w+ ){0,3}app\b",
    r"support our sponsors",
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


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _parted(cid: str) -> str:
    """A class/id string with its camelCase words set apart ("blogComments" -> "blog-Comments"),
    so that the chrome words below are found in them as in "blog-comments"."""
    return _CAMEL.sub("-", cid)


# a page repeats its class names on many elements (and a site on every page): each distinct
# class/id string is matched once
@lru_cache(maxsize=8192)
def boiler_word(cid: str) -> str | None:
    """The chrome word a class/id string names (``"share"`` of ``"article-share-bar"``,
    ``"comments"`` of ``"blogComments"``)."""
    m = BOILER.search(_parted(cid))
    return m.group(0).strip(" _-").lower() if m else None


@lru_cache(maxsize=8192)
def weak_boiler_word(cid: str) -> str | None:
    m = WEAK_BOILER.search(_parted(cid))
    return m.group(0).strip(" _-").lower() if m else None


@lru_cache(maxsize=8192)
def never_wrapper(cid: str) -> bool:
    return NEVER_WRAPPER.search(_parted(cid)) is not None


@lru_cache(maxsize=8192)
def names_content(cid: str) -> bool:
    """One of the names is the article's own: its first word is a content word and no word of
    it names chrome ("entry", "post-text", "articleBody"; not "entry-author-x", "post-share")."""
    for name in cid.split():
        words = [w.lower() for w in _WORDS.findall(name)]
        if words and words[0] in _CONTENT_HEAD and not boiler_word(" ".join(words)):
            return True
    return False


# the name of the article text's own box: a content head and a body word ("entry-content",
# "post-body", "article__body", "storyText"), or itemprop=articleBody
_BODY_HEAD = frozenset({"entry", "post", "article", "story", "blog", "news"})
_BODY_TAIL = frozenset({"content", "body", "text", "entry", "copy"})


@lru_cache(maxsize=8192)
def names_body(cid: str) -> bool:
    for name in cid.split():
        if name == "articleBody":
            return True
        words = [w.lower() for w in _WORDS.findall(name)]
        if (
            len(words) >= 2
            and words[0] in _BODY_HEAD
            and words[1] in _BODY_TAIL
            and not boiler_word(" ".join(words))
        ):
            return True
    return False
