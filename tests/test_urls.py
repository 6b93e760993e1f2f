import pytest

from scraper.parsers.keys import canonical_url, document_key
from scraper.parsers.runnerspace.scheme import runnerspace_article_key, runnerspace_news_id

KEY = "https://www.runnerspace.com/news.php?news_id={}"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://www.dyestat.com/gprofile.php?mgroup_id=44609&do=news&news_id=700101",
            KEY.format(700101),
        ),
        (
            "http://localhost:8080/gprofile.php?do=news&news_id=700101&mgroup_id=44609",
            KEY.format(700101),
        ),
        (
            "https://NXN.runnerspace.com/eprofile.php?event_id=13&do=news&news_id=673955",
            KEY.format(673955),
        ),
        # one article on the whole platform: a group wall and an event reach the same news_id
        (
            "https://resultscentral.runnerspace.com/gprofile.php?mgroup_id=45575&do=news"
            "&news_id=673955",
            KEY.format(673955),
        ),
        (
            "https://www.twilight-relays.com/eprofile.php?event_id=96&do=news&news_id=673955#c",
            KEY.format(673955),
        ),
        (KEY.format(673955), KEY.format(673955)),  # a key is its own key
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
    assert runnerspace_news_id(url) is None


def test_the_url_still_says_which_profile_reached_the_article():
    assert runnerspace_article_key(
        "https://nxn.runnerspace.com/eprofile.php?event_id=13&do=news&news_id=673955"
    ) == ("eprofile.php", 13, 673955)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a Results page of the platform: its ids are global, whatever host serves it
        (
            "http://127.0.0.1:8001/eprofile.php?do=title&title_id=187&event_id=120",
            "https://nxn.runnerspace.com/eprofile.php?event_id=120&title_id=187&do=title#top",
        ),
        (
            "http://localhost:8001/eprofile.php?event_id=120&title_id=187&do=title&folder_id=190",
            "http://localhost:9999/eprofile.php?folder_id=190&do=title&title_id=187&event_id=120",
        ),
        # a results file: its canonical URL
        ("https://Timing.example/r/mile.txt?utm_source=x", "https://timing.example/r/mile.txt"),
    ],
)
def test_one_results_document_one_key(a, b):
    assert document_key(a) == document_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "http://localhost:8001/eprofile.php?do=title&title_id=187&event_id=120",
            "http://localhost:8001/eprofile.php?do=title&title_id=187&event_id=120&folder_id=190",
        ),
        # a results file's host and port are part of its key
        ("http://127.0.0.1:8001/results/mile.txt", "http://127.0.0.1:8002/results/mile.txt"),
        ("http://127.0.0.1:8001/results/mile.txt", "http://localhost:8001/results/mile.txt"),
    ],
)
def test_other_results_documents_other_keys(a, b):
    assert document_key(a) != document_key(b)
