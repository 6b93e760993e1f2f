"""The RunnerSpace spider's routing: which links it follows, which it never follows."""

from collections import Counter
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse

from scraper.crawl.fingerprint import CanonicalFingerprinter, CompactDupeFilter, FingerprintSet
from scraper.parsers.runnerspace.scheme import PLATFORM_DOMAINS, link_kind, news_only
from scraper.spiders.runnerspace import DyeStatSpider, RunnerSpaceSpider

RS = "https://resultscentral.runnerspace.com/"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        (RS + "gprofile.php?mgroup_id=45575&do=news&news_id=675434", "article"),
        ("https://nxn.runnerspace.com/eprofile.php?event_id=13&do=news&news_id=673955", "article"),
        ("https://www.dyestat.com/gprofile.php?do=news&news_id=1&mgroup_id=44609", "article"),
        (
            RS
            + "gprofile.php?mgroup_id=45575&do=wall&sub=load&from_wall_id=1789067494&wall_type=all",
            "wall",
        ),
        (RS + "gprofile.php?mgroup_id=45575&year=2025&do=news", "archive"),
        ("https://nxn.runnerspace.com/eprofile.php?do=news&event_id=13", "event_news"),
        ("https://nxn.runnerspace.com/eprofile.php?event_id=13", "event"),
        ("https://nxn.runnerspace.com/eprofile.php?do=title&title_id=187&event_id=13", "title"),
        (
            "https://nxn.runnerspace.com/eprofile.php?event_id=13&title_id=187&do=title&folder_id=1310",
            "title",
        ),
        # never followed
        (
            "https://www.runnerspace.com/news.php?do=link&news_id=675434&item_url=gprofile.php%3F"
            "mgroup_id%3D45575%26do%3Dnews%26news_id%3D675434",
            None,
        ),
        ("https://www.runnerspace.com/attach.php?do=view&news_id=675434", None),
        (RS + "attach.php?do=shares&news_id=675434", None),
        ("https://www.runnerspace.com/stats.php?item_type=news&item_id=675434", None),
        (
            RS + "comments.php?item_type=news&item_id=675434&item_url=gprofile.php%3Fmgroup_id%3D1",
            None,
        ),
        ("https://www.runnerspace.com/rss.php?t=g&id=45575", None),
        (RS + "profile.php?member_id=560905", None),
        ("https://NXN.runnerspace.com/eprofile.php?do=photos&event_id=13", None),
        ("https://nxn.runnerspace.com/eprofile.php?event_id=13&do=videos&video_id=435576", None),
        (RS + "gprofile.php?mgroup_id=45575&year=2025&do=videos", None),
        (RS + "gprofile.php?mgroup_id=45575&do=wall&sub=follow", None),
        ("https://nxn.runnerspace.com/eprofile.php?event_id=13&do=join_attach_news", None),
        (RS + "gprofile.php?mgroup_id=45575", None),  # another group's home: not crawled
        ("https://NikeSouth.runnerspace.com/", None),
        ("javascript:void(0)", None),
        ("mailto:news@dyestat.com", None),
    ],
)
def test_link_kind(url, kind):
    assert link_kind(url) == kind


def test_view_more_is_restricted_to_news():
    loader = RS + "gprofile.php?mgroup_id=45575&do=wall&sub=load&from_wall_id=17"
    assert news_only(loader + "&wall_type=all") == loader + "&wall_type=news"


def test_start_urls_default_to_dyestat_home():
    spider = RunnerSpaceSpider()
    assert spider.start_urls == ["https://www.dyestat.com/"]
    assert set(PLATFORM_DOMAINS) <= set(spider.allowed_domains)


def test_start_urls_are_a_comma_separated_argument_and_add_their_hosts():
    spider = RunnerSpaceSpider(start_urls="http://127.0.0.1:8000/, http://localhost:8000/x,")
    assert spider.start_urls == ["http://127.0.0.1:8000/", "http://localhost:8000/x"]
    assert {"127.0.0.1", "localhost", "dyestat.com", "runnerspace.com"} <= set(
        spider.allowed_domains
    )


def test_dyestat_is_the_same_spider():
    assert DyeStatSpider.name == "dyestat"
    assert issubclass(DyeStatSpider, RunnerSpaceSpider)


def _fp(url: str) -> bytes:
    return CanonicalFingerprinter().fingerprint(Request(url))


def test_one_article_under_two_hosts_has_one_fingerprint():
    assert _fp("https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=7") == _fp(
        "http://localhost:8000/gprofile.php?news_id=7&do=news&mgroup_id=44609#top"
    )


def test_one_article_under_two_profiles_has_one_fingerprint():
    """news_id names the article on the whole platform: a group wall and an event both link it."""
    assert _fp("https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=7") == _fp(
        "https://nxn.runnerspace.com/eprofile.php?event_id=120&do=news&news_id=7"
    )


def test_other_requests_keep_their_own_fingerprints():
    assert _fp("https://www.dyestat.com/robots.txt") != _fp(
        "https://www.runnerspace.com/robots.txt"
    )
    assert _fp("http://127.0.0.1:8000/robots.txt") != _fp("http://localhost:8000/robots.txt")
    assert _fp("https://a.runnerspace.com/eprofile.php?event_id=1") != _fp(
        "https://b.runnerspace.com/eprofile.php?event_id=1"
    )
    assert _fp("https://www.dyestat.com/gprofile.php?mgroup_id=1&do=news&news_id=7") != _fp(
        "https://www.dyestat.com/gprofile.php?mgroup_id=1&do=news&news_id=8"
    )


@pytest.mark.parametrize("n", [0, 1, 7, 1000, 20_000])
def test_fingerprint_set_holds_every_key_once_as_it_grows(n: int):
    keys = [(i * 0x9E3779B97F4A7C15) % 2**64 for i in range(1, n + 1)]  # distinct 64-bit keys
    seen = FingerprintSet(capacity=8)
    assert all(seen.add(k) for k in keys)
    assert not any(seen.add(k) for k in keys)
    assert len(seen) == n
    assert len(seen.table) >= 2 * n  # never more than half full
    assert len(seen.table) * 8 <= 32 * max(n, 8)  # at most 32 bytes a key


def test_fingerprint_set_edge_keys():
    seen = FingerprintSet()
    for key in (0, 2**64 - 1, 1024, 2048):  # 0 is an empty slot's mark; same low bits collide
        assert seen.add(key)
        assert not seen.add(key)


def test_compact_dupefilter_sees_a_request_again_by_its_canonical_fingerprint():
    df = CompactDupeFilter(fingerprinter=CanonicalFingerprinter())
    article = "https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=7"
    assert not df.request_seen(Request(article))
    assert df.request_seen(Request(article))
    assert df.request_seen(
        Request("http://localhost:8000/gprofile.php?news_id=7&do=news&mgroup_id=44609#top")
    )
    assert not df.request_seen(Request("https://www.dyestat.com/robots.txt"))
    assert not df.request_seen(Request(article, method="POST"))


# -- routing on real captured pages (skipped without ../shared) ------------------------------------

CAPTURES = Path(__file__).resolve().parents[1].parent / "shared" / "captures"
needs_captures = pytest.mark.skipif(not CAPTURES.is_dir(), reason="../shared/captures absent")


def _follow(callback_name: str, url: str, capture: str) -> list[Request]:
    spider = RunnerSpaceSpider()
    request = Request(url, meta={"kind": "listing"})
    response = HtmlResponse(
        url, body=(CAPTURES / capture).read_bytes(), request=request, encoding="utf-8"
    )
    return [o for o in getattr(spider, callback_name)(response) if isinstance(o, Request)]


@needs_captures
def test_real_group_home_wall_view_more_and_year_archives():
    requests = _follow("parse_listing", RS, "rs-resultscentral-home.html")
    kinds = Counter(link_kind(r.url) for r in {r.url: r for r in requests}.values())
    assert kinds == {"article": 9, "archive": 18, "wall": 1}
    wall = next(r.url for r in requests if link_kind(r.url) == "wall")
    assert wall.endswith("from_wall_id=1789067494&wall_type=news")
    assert all(urlsplit(r.url).hostname == "resultscentral.runnerspace.com" for r in requests)


@needs_captures
def test_real_results_page_follows_the_other_year_folders_only():
    url = "https://nxn.runnerspace.com/eprofile.php?do=title&title_id=187&event_id=13"
    requests = _follow("parse_results", url, "rs-nxn-2025-results-title187.html")
    folders = {_q(r.url).get("folder_id") for r in requests}
    assert len(requests) == len(folders) == 20  # 21 year folders, the one shown excluded
    assert "1310" not in folders
    assert {_q(r.url)["title_id"] for r in requests} == {"187"}


@needs_captures
def test_real_event_menus_lead_to_results_news_and_articles_of_that_event_only():
    url = "https://nxn.runnerspace.com/eprofile.php?do=title&title_id=187&event_id=13"
    urls = {r.url for r in _follow("parse_event", url, "rs-nxn-2025-results-title187.html")}
    assert urls == {
        "https://nxn.runnerspace.com/eprofile.php?do=title&title_id=187&event_id=13",
        "https://nxn.runnerspace.com/eprofile.php?do=news&event_id=13",
        "https://nxn.runnerspace.com/eprofile.php?event_id=13&do=news&news_id=673955",
    }


def _q(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))


# -- keeping a frequent crawl short --------------------------------------------------------------

SITE = Path(__file__).parent / "sites" / "runnerspace"


def _home_links(**args: str) -> Counter:
    spider = RunnerSpaceSpider(**args)
    url = "http://127.0.0.1:8000/"
    response = HtmlResponse(
        url, body=(SITE / "index.html").read_bytes(), request=Request(url, meta={"kind": "listing"})
    )
    urls = {o.url for o in spider.parse_listing(response) if isinstance(o, Request)}
    return Counter(link_kind(u) for u in urls)


def test_by_default_the_wall_view_more_and_every_year_archive_are_followed():
    links = _home_links()
    assert links["wall"] == 1
    assert links["archive"] == 1
    assert links["article"] == 6


@pytest.mark.parametrize(
    ("args", "kind"), [({"max_wall_pages": "0"}, "wall"), ({"since_year": "2025"}, "archive")]
)
def test_spider_arguments_cut_the_walk_short(args, kind):
    links = _home_links(**args)
    assert links[kind] == 0
    assert links["article"] == 6


def test_view_more_chain_stops_after_max_wall_pages():
    spider = RunnerSpaceSpider(max_wall_pages="1")
    more = (
        '<a class="comment_viewmore" '
        'href="gprofile.php?mgroup_id=1&do=wall&sub=load&from_wall_id=5">View More</a>'
    )
    url = "http://127.0.0.1:8000/gprofile.php?mgroup_id=1&do=wall&sub=load&from_wall_id=9"
    for depth, expected in ((0, 1), (1, 0)):
        request = Request(url, meta={"kind": "listing", "wall_page": depth})
        response = HtmlResponse(
            url, body=b'{"html": "%s"}' % more.replace('"', '\\"').encode(), request=request
        )
        walls = [o for o in spider.parse_wall(response) if isinstance(o, Request)]
        assert len(walls) == expected
