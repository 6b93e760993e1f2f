"""Crawl machinery the settings name: Scrapy middlewares and extensions (private-address, size,
redirect and Retry-After guards; challenge detection; robots.txt Crawl-delay politeness; browser
fetching; incremental revisits; run records and fill-rate alarms; progress), the sources file, the
sitemap/feed reader, request fingerprints, web archives in and out, and the crawl lock. May import
``pipelines`` (the archive), parsers, results, text and items; never spiders or the CLI."""
