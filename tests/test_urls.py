import pytest

from scraper.urls import canonical_url, runnerspace_article_key


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=700101",
         "https://www.runnerspace.com/gprofile.php?mgroup_id=44609&do=news&news_id=700101"),
        ("http://localhost:8080/gprofile.php?do=news&news_id=700101&mgroup_id=44609",
         "https://www.runnerspace.com/gprofile.php?mgroup_id=44609&do=news&news_id=700101"),
        ("https://NXN.runnerspace.com/eprofile.php?event_id=13&do=news&news_id=673955",
         "https://www.runnerspace.com/eprofile.php?event_id=13&do=news&news_id=673955"),
        ("https://Example.com/a/b?utm_source=x&id=3#frag", "https://example.com/a/b?id=3"),
        ("https://example.com", "https://example.com/"),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://www.runnerspace.com/gprofile.php?mgroup_id=45575&year=2025&do=news",
        "https://www.runnerspace.com/news.php?do=link&news_id=675434",
        "https://www.runnerspace.com/gprofile.php?mgroup_id=x&do=news&news_id=1",
    ],
)
def test_non_articles_have_no_key(url):
    assert runnerspace_article_key(url) is None
