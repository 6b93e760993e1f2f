"""What a robots.txt asks for, as the delay between two requests to one host.

The crawl itself keeping requests that far apart is measured in test_crawl.py from the server log.
"""

import pytest
from scrapy.robotstxt import ProtegoRobotParser

from scraper.crawl.politeness import robots_delay

UA = "meetarchive/0.1 (+https://example.org/contact)"


def parsed(robots: str) -> ProtegoRobotParser:
    return ProtegoRobotParser(robots.encode(), spider=None)


@pytest.mark.parametrize(
    ("robots", "delay"),
    [
        ("User-agent: *\nDisallow: /rss.php\n\nCrawl-delay: 10\n", 10.0),  # dyestat.com
        ("User-agent: *\nCrawl-delay: 0.5\n", 0.5),
        ("User-agent: *\nRequest-rate: 1/5\n", 5.0),
        ("User-agent: *\nCrawl-delay: 2\nRequest-rate: 1/5\n", 5.0),  # the stricter one
        ("User-agent: *\nCrawl-delay: 8\nRequest-rate: 10/20\n", 8.0),
        ("User-agent: *\nDisallow: /private/\n", None),
        ("", None),
        ("User-agent: Amazonbot\nCrawl-delay: 60\n\nUser-agent: *\nCrawl-delay: 1\n", 1.0),
        ("User-agent: meetarchive\nCrawl-delay: 3\n\nUser-agent: *\nCrawl-delay: 1\n", 3.0),
        ("<!DOCTYPE html><title>Just a moment...</title>", None),  # a challenge instead
    ],
)
def test_robots_delay(robots, delay):
    assert robots_delay(parsed(robots), UA) == delay
