"""Links read from a page, within bounds: a listing page may hold any number of links (one of
200,000 took a crawl to 890 MB, each link a Selector, then a Request).

* A page of more than ``MAX_TAGS`` tags is not parsed at all (its tree alone costs about 0.45 KB
  a tag: 180 MB at 400,000); real listing pages hold a few thousand.
* At most ``MAX_LINKS`` links are read from a page, the first in page order; libxml2 counts them
  all without building them.

Either way the page is marked incomplete (an ``incomplete document`` reject saying why) and what
was read of it is followed."""

from __future__ import annotations

from dataclasses import dataclass

from parsel import Selector, SelectorList
from parsel.csstranslator import css2xpath

MAX_LINKS = 2_000
MAX_TAGS = 150_000


def too_many_tags(markup: bytes | str) -> str | None:
    """Why a page is not parsed for its links (None: it is)."""
    tags = markup.count(b"<") if isinstance(markup, bytes) else markup.count("<")
    if tags <= MAX_TAGS:
        return None
    return f"not read: {tags:,} tags, over the {MAX_TAGS:,} a page is parsed with"


@dataclass(frozen=True)
class Links:
    hrefs: list[str]  # the first MAX_LINKS, in page order
    total: int  # how many the page holds

    @property
    def cut(self) -> str | None:
        """Why the page is incomplete, when it holds more links than were read."""
        return cut_reason(self.total)


def first_links(selector: Selector, css: str = "", xpath: str = "") -> Links:
    """The values the CSS selector (``::attr(href)``) or XPath picks, the first ``MAX_LINKS``."""
    nodes, total = first(selector, xpath or css2xpath(css))
    return Links(nodes.getall(), total)


def first(selector: Selector, xpath: str) -> tuple[SelectorList[Selector], int]:
    """The first ``MAX_LINKS`` nodes ``xpath`` selects, and how many it selects in all."""
    total = int(float(selector.xpath(f"count({xpath})").get() or 0))
    if not total:
        return SelectorList(), 0
    return selector.xpath(f"({xpath})[position() <= {MAX_LINKS}]"), total


def cut_reason(total: int) -> str | None:
    """Why a page whose XPath selected ``total`` links is incomplete (None: it is not)."""
    if total <= MAX_LINKS:
        return None
    return f"cut at {MAX_LINKS:,} of its {total:,} links"
