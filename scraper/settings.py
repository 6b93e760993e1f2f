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

# No way in: neither Scrapy's telnet console nor its remote-control HTTP endpoint (on by default
# since Scrapy 2.19: Python code run inside the crawl for anyone holding the token of its job
# file). Nothing of ours uses them (tests/test_hostile_crawl.py checks that no port is opened).
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
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
    "scraper.crawl.guards.BodySizeWatch": 0,
    "scraper.crawl.runs.RunRecorder": 0,  # crawl_runs rows and fill-rate monitoring
    "scraper.crawl.progress.Progress": 0,  # a status line when stderr is a terminal
    "scraper.crawl.stopping.PromptStop": 0,  # SIGTERM/Ctrl-C: requests waiting for a delay dropped
}
DOWNLOADER_MIDDLEWARES = {
    # hostile servers (scraper.crawl.guards): non-public addresses refused first, before robots.txt
    "scraper.crawl.guards.PrivateAddressGuard": 50,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "scraper.crawl.guards.RedirectGuard": 600,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "scraper.crawl.guards.MetaRefreshGuard": 580,
    # cookies kept within what a browser sends back (scraper.crawl.cookies)
    "scrapy.downloadermiddlewares.cookies.CookiesMiddleware": None,
    "scraper.crawl.cookies.BoundedCookies": 700,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scraper.crawl.guards.RetryAfterMiddleware": 550,
    # above it: an address refused at connection time (DNS rebinding) is recorded, not retried
    "scraper.crawl.guards.ConnectionAddressGuard": 555,
    # after OffsiteMiddleware (50), before robots.txt (100): known pages that are not due are
    # never requested; due ones are revisited with conditional requests (scraper.crawl.incremental)
    "scraper.crawl.incremental.IncrementalMiddleware": 60,
    # right after robots.txt (100): its Crawl-delay per host, a host asking too much refused
    "scraper.crawl.politeness.CrawlDelay": 105,
    # above RetryMiddleware (550) so that a challenge is marked before anything retries it
    "scraper.crawl.challenge.ChallengeMiddleware": 560,
    # sources with `browser = true`: their pages fetched by a headless Chromium
    # (scraper.crawl.browser)
    "scraper.crawl.browser.BrowserMiddleware": 940,
    # next to the downloader: responses as they came over the wire (off unless WARC_OUT_DIR)
    "scraper.crawl.warcout.WarcWriterMiddleware": 950,
}
REQUEST_FINGERPRINTER_CLASS = "scraper.crawl.fingerprint.CanonicalFingerprinter"
DUPEFILTER_CLASS = "scraper.crawl.fingerprint.CompactDupeFilter"  # 8 bytes a request, not ~90
CRAWL_DELAY_MARGIN = 0.05  # seconds added to a robots.txt Crawl-delay
# A host whose robots.txt asks for more seconds between requests (Crawl-delay, Request-rate) is not
# crawled this run: recorded as refused and named in the summary, never a crawl waiting for days.
CRAWL_DELAY_MAX = 300
# A crawl that finds the crawl lock held by a run started longer ago than this says loudly that
# the other run may hang (scraper.crawl.lock); a time span: 12h, 1d, 2d.
CRAWL_LOCK_MAX_AGE = "1d"
CHALLENGE_MAX_PER_HOST = 3  # challenge pages from one host before the crawl stops asking it

# Bounds against hostile or broken servers (see scraper.crawl.guards and tests/test_hostile.py).
# Scrapy's defaults (1 GB bodies, 3-minute timeouts) are far above what a news page or results file
# needs.
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024  # also bounds gzip/deflate/brotli decompression
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
DOWNLOAD_TIMEOUT = 60
REDIRECT_MAX_TIMES = 10
COOKIES_MAX_PER_HOST = (
    50  # cookies kept per cookie domain; more are dropped (scraper.crawl.cookies)
)
COOKIES_MAX_BYTES_PER_HOST = 8192  # bytes of cookie names and values kept per cookie domain
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
