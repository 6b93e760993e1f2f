"""What a news source's listing page links (spider ``news``): further listing pages and
articles, and the articles it lists outside its chrome, by which incremental crawls judge whether
to go a page deeper."""

from __future__ import annotations

from urllib.parse import urldefrag

from scrapy.http import TextResponse

from scraper.crawl.sources import Source
from scraper.spiders.links import Links, first_links


def listing_links(response: TextResponse, source: Source) -> tuple[list[str], list[str], Links]:
    """(listing pages, article pages) a listing page links, each in page order, and the links
    read (``scraper.spiders.links``: the first ``MAX_LINKS``): listing pages are ``rel=next``
    links and the source's ``listings`` patterns (on its site, not denied)."""
    nexts = set(
        first_links(
            response.selector, "a[rel~=next]::attr(href), link[rel~=next]::attr(href)"
        ).hrefs
    )
    links = first_links(response.selector, "a::attr(href)")
    listings, articles = [], []
    for href in links.hrefs + sorted(nexts):
        url = urldefrag(response.urljoin(href.strip()))[0]
        if href in nexts or source.is_listing(url):
            if source.on_site(url) and not source.denied(url):
                listings.append(url)
        elif source.is_article(url):
            articles.append(url)
    return listings, articles, links


# Links in a page's chrome: navigation, sidebars ("most read"), the site's header and footer (an
# <article>'s own header or footer is content).
_OUTSIDE_CHROME = (
    "//a[not(ancestor::nav or ancestor::aside"
    " or ancestor::header[not(ancestor::article)]"
    " or ancestor::footer[not(ancestor::article)]"
    " or ancestor::*[@role='navigation' or @role='complementary'])]/@href"
)


def listed_articles(response: TextResponse, source: Source) -> list[str]:
    """The article URLs a listing page links outside its chrome (of its first ``MAX_LINKS``)."""
    hrefs = first_links(response.selector, xpath=_OUTSIDE_CHROME).hrefs
    urls = (urldefrag(response.urljoin(h.strip()))[0] for h in hrefs)
    return [u for u in dict.fromkeys(urls) if source.is_article(u)]
