"""What a news source's listing page links (spider ``news``): further listing pages and
articles, and the articles it lists outside its chrome, by which incremental crawls judge whether
to go a page deeper."""

from __future__ import annotations

from urllib.parse import urldefrag

from scrapy.http import TextResponse

from scraper.crawl.sources import Source


def listing_links(response: TextResponse, source: Source) -> tuple[list[str], list[str]]:
    """(listing pages, article pages) a listing page links, each in page order: listing pages
    are ``rel=next`` links and the source's ``listings`` patterns (on its site, not denied)."""
    nexts = set(response.css("a[rel~=next]::attr(href), link[rel~=next]::attr(href)").getall())
    listings, articles = [], []
    for href in response.css("a::attr(href)").getall() + sorted(nexts):
        url = urldefrag(response.urljoin(href.strip()))[0]
        if href in nexts or source.is_listing(url):
            if source.on_site(url) and not source.denied(url):
                listings.append(url)
        elif source.is_article(url):
            articles.append(url)
    return listings, articles


# Links in a page's chrome: navigation, sidebars ("most read"), the site's header and footer (an
# <article>'s own header or footer is content).
_OUTSIDE_CHROME = (
    "//a[not(ancestor::nav or ancestor::aside"
    " or ancestor::header[not(ancestor::article)]"
    " or ancestor::footer[not(ancestor::article)]"
    " or ancestor::*[@role='navigation' or @role='complementary'])]/@href"
)


def listed_articles(response: TextResponse, source: Source) -> list[str]:
    """The article URLs a listing page links outside its chrome."""
    urls = (
        urldefrag(response.urljoin(h.strip()))[0] for h in response.xpath(_OUTSIDE_CHROME).getall()
    )
    return [u for u in dict.fromkeys(urls) if source.is_article(u)]
