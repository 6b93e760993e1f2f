"""Scrapy settings for meetarchive: polite defaults, the pipeline order, the archive path."""

import os

BOT_NAME = "meetarchive"
SPIDER_MODULES = ["scraper.spiders"]
NEWSPIDER_MODULE = "scraper.spiders"

# Where items land. `meetarchive crawl --db PATH` and the ARCHIVE_DB environment variable override
# it.
ARCHIVE_DB = os.environ.get("ARCHIVE_DB", "archive.db")

# Identify ourselves; operators set CONTACT_URL to a page that says who runs the crawl.
CONTACT_URL = os.environ.get(
    "MEETARCHIVE_CONTACT_URL", "https://github.com/meetarchive/meetarchive"
)
USER_AGENT = f"meetarchive/0.1 (+{CONTACT_URL})"

# Politeness: robots.txt (with Crawl-delay, see scraper.crawl.politeness), one request at a time per
# host, AutoThrottle on top, never faster than the site asks.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Scrapy's default of 100 halves a spider's throughput with our CPU-bound first pipeline stage.
CONCURRENT_ITEMS = 10

ITEM_PIPELINES = {
    "pipelines.parse.ParseStage": 100,
    "pipelines.validate.ValidateStage": 200,
    "pipelines.store.StoreStage": 500,
    "pipelines.results.ResultsStage": 600,
    "pipelines.link.LinkStage": 700,
}

TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
# `meetarchive crawl` (scraper.cli.crawllog) writes this log to LOG_FILE (--log-file) and, when
# LOG_STDERR is on (-v), to stderr; otherwise nowhere: the crawl summary lists its errors.
LOG_STDERR = False
FEED_EXPORT_ENCODING = "utf-8"

# Crawl side (see docs/architecture.md, "Crawling"): robots.txt Crawl-delay per host and an
# AutoThrottle that never goes below it; challenge pages recorded as blocked; one request per
# article whatever host links it.
EXTENSIONS = {
    "scrapy.extensions.throttle.AutoThrottle": None,
    "scraper.crawl.politeness.PoliteAutoThrottle": 0,
    "scraper.crawl.politeness.CrawlDelay": 0,
    "scraper.crawl.guards.BodySizeWatch": 0,
    "scraper.crawl.runs.RunRecorder": 0,  # crawl_runs rows and fill-rate monitoring
    "scraper.crawl.progress.Progress": 0,  # a status line when stderr is a terminal
}
DOWNLOADER_MIDDLEWARES = {
    # hostile servers (scraper.crawl.guards): non-public addresses refused first, before robots.txt
    "scraper.crawl.guards.PrivateAddressGuard": 50,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "scraper.crawl.guards.RedirectGuard": 600,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scraper.crawl.guards.RetryAfterMiddleware": 550,
    # after OffsiteMiddleware (50), before robots.txt (100): known pages that are not due are
    # never requested; due ones are revisited with conditional requests (scraper.crawl.incremental)
    "scraper.crawl.incremental.IncrementalMiddleware": 60,
    # above RetryMiddleware (550) so that a challenge is marked before anything retries it
    "scraper.crawl.challenge.ChallengeMiddleware": 560,
    # sources with `browser = true`: their pages fetched by a headless Chromium
    # (scraper.crawl.browser)
    "scraper.crawl.browser.BrowserMiddleware": 940,
    # next to the downloader: responses as they came over the wire (off unless WARC_OUT_DIR)
    "scraper.crawl.warc.WarcWriterMiddleware": 950,
}
REQUEST_FINGERPRINTER_CLASS = "scraper.crawl.fingerprint.CanonicalFingerprinter"
DUPEFILTER_CLASS = "scraper.crawl.fingerprint.CompactDupeFilter"  # 8 bytes a request, not ~90
CRAWL_DELAY_MARGIN = 0.05  # seconds added to a robots.txt Crawl-delay
CHALLENGE_MAX_PER_HOST = 3  # challenge pages from one host before the crawl stops asking it

# Bounds against hostile or broken servers (see scraper.crawl.guards and tests/test_hostile.py).
# Scrapy's defaults (1 GB bodies, 3-minute timeouts) are far above what a news page or results file
# needs.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024  # also bounds gzip/deflate/brotli decompression
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
DOWNLOAD_TIMEOUT = 60
REDIRECT_MAX_TIMES = 10
RETRY_TIMES = 2
RETRY_AFTER_MAX = 120  # seconds: a longer Retry-After is not waited for (recorded as HTTP error)
# Loopback/private/link-local addresses: "auto" allows them only for start hosts written as such
# an address or localhost (local test servers, the demo); "false" never; "true" always.
ALLOW_PRIVATE_ADDRESSES = "auto"

# Incremental recrawls (scraper.crawl.incremental): archived article/results pages are fetched again
# only when due, by age (AGE:EVERY rules, first match wins; "0" = every run, "never"),
# conditionally.
INCREMENTAL = True  # `meetarchive crawl --full` turns it off
REVISIT_POLICY = "1d:1h,7d:6h,30d:1d,365d:7d,*:30d"
BACKFILL = False  # `--backfill`: walk every listing page, even those holding only known articles

# Monitoring (scraper.crawl.runs): alarm when a source's field fill rate drops against its earlier
# runs.
MONITOR = True
MONITOR_MIN_WORDS = 50  # a body of fewer words counts as missing
MONITOR_DROP = 0.3  # an alarm when a rate falls this much below its recent mean (0.3 = 30 points)
MONITOR_MIN_ARTICLES = 3  # runs of a source with fewer parsed articles are not compared
MONITOR_HISTORY = 5  # earlier runs compared against
