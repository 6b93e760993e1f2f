"""Browser fetching for sources whose pages build their text with JavaScript (``browser = true`` in
the sources file): a downloader middleware that fetches such requests (``request.meta["browser"]``)
with a headless Chromium (Debian's chromium driven through chromedriver by Selenium; nothing is
downloaded) and hands Scrapy the rendered DOM as the response.

Everything else stays as for any request: robots.txt is checked before (the page itself; the
browser loads the page's scripts as a reader's browser would, images off), politeness delays apply
(the request waits in its download slot), the response goes through every ``process_response``
(a challenge page is still recognised and recorded as blocked by ``scraper.crawl.challenge``;
``--warc-out`` writes it). The HTTP status and headers are the document's own, read from
Chromium's network log. One browser serves the whole crawl, one page at a time, in a worker
thread; it quits with the spider.

Settings: ``BROWSER_EXECUTABLE`` (/usr/bin/chromium), ``BROWSER_DRIVER`` (/usr/bin/chromedriver),
``BROWSER_WAIT`` (seconds for scripts to settle after the load event, 1.0), ``BROWSER_TIMEOUT``
(page load timeout, 30).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.http import HtmlResponse

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--blink-settings=imagesEnabled=false",
)
_DROP = {"content-encoding", "content-length", "transfer-encoding", "content-type"}


def document_response(
    log: list[dict[str, Any]], *urls: str
) -> tuple[str, int, dict[str, str]] | None:
    """(URL, status, headers) of the main document in a Chromium performance log: the http(s)
    ``Network.responseReceived`` of type Document for the first of ``urls`` that has one (the
    requested URL, the URL shown), else the first http(s) Document (the page after HTTP
    redirects). Browser-internal pages (``chrome://``) and script-made URL changes are ignored."""
    documents: list[tuple[str, int, dict[str, str]]] = []
    for entry in log:
        try:
            message = json.loads(entry["message"])["message"]
        except (KeyError, TypeError, ValueError):
            continue
        params = message.get("params", {})
        if message.get("method") != "Network.responseReceived" or params.get("type") != "Document":
            continue
        response = params.get("response", {})
        url = str(response.get("url") or "")
        if url.startswith(("http://", "https://")):
            documents.append(
                (
                    url,
                    int(response.get("status", 0)),
                    {str(k): str(v) for k, v in response.get("headers", {}).items()},
                )
            )
    for wanted in urls:
        for doc in documents:
            if doc[0] == wanted:
                return doc
    return documents[0] if documents else None


class Browser:
    """One headless Chromium through chromedriver; :meth:`fetch` is blocking and serialised."""

    def __init__(
        self, executable: str, driver: str, user_agent: str, wait: float, timeout: float
    ) -> None:
        self.executable, self.driver_path = executable, driver
        self.user_agent, self.wait, self.timeout = user_agent, wait, timeout
        self.lock = threading.Lock()
        self.driver: Any = None
        self.profile: str | None = None

    def _start(self) -> Any:
        os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager: never download anything
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="meetarchive-chromium-")
        options = webdriver.ChromeOptions()
        options.binary_location = self.executable
        for arg in (
            *CHROMIUM_FLAGS,
            f"--user-agent={self.user_agent}",
            f"--user-data-dir={self.profile}",
        ):
            options.add_argument(arg)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
        driver = webdriver.Chrome(service=Service(self.driver_path), options=options)
        driver.set_page_load_timeout(self.timeout)
        return driver

    def fetch(self, url: str) -> tuple[str, int, dict[str, str], str]:
        """(final URL, status, headers, rendered HTML) of ``url``."""
        with self.lock:
            if self.driver is None:
                self.driver = self._start()
            driver = self.driver
            driver.get_log("performance")  # drop what earlier pages left
            driver.get(url)
            deadline = time.monotonic() + self.timeout
            while (
                driver.execute_script("return document.readyState") != "complete"
                and time.monotonic() < deadline
            ):
                time.sleep(0.05)
            time.sleep(self.wait)  # scripts that insert text after the load event
            html = driver.page_source
            found = document_response(driver.get_log("performance"), url, driver.current_url)
            final, status, headers = found or (url, 200, {})
            return final, status, headers, html

    def quit(self) -> None:
        with self.lock:
            if self.driver is not None:
                try:
                    self.driver.quit()
                finally:
                    self.driver = None
            if self.profile:
                shutil.rmtree(self.profile, ignore_errors=True)
                self.profile = None


class BrowserMiddleware:
    """Downloader middleware: requests with ``meta["browser"]`` are fetched by :class:`Browser`."""

    def __init__(self, crawler: Crawler) -> None:
        s = crawler.settings
        self.crawler = crawler
        self.browser = Browser(
            s.get("BROWSER_EXECUTABLE") or shutil.which("chromium") or "/usr/bin/chromium",
            s.get("BROWSER_DRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver",
            s.get("USER_AGENT") or "meetarchive",
            s.getfloat("BROWSER_WAIT", 1.0),
            s.getfloat("BROWSER_TIMEOUT", 30.0),
        )
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> BrowserMiddleware:
        return cls(crawler)

    async def process_request(self, request: Request) -> HtmlResponse | None:
        if not request.meta.get("browser"):
            return None
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet import threads

        final, status, headers, html = await maybe_deferred_to_future(
            threads.deferToThread(self.browser.fetch, request.url)
        )
        kept = {k: v for k, v in headers.items() if k.lower() not in _DROP}
        kept["Content-Type"] = "text/html; charset=utf-8"  # the serialised DOM
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("browser/pages")
        return HtmlResponse(
            url=final,
            status=status,
            headers=kept,
            body=html.encode("utf-8"),
            encoding="utf-8",
            request=request,
            flags=["browser"],
        )

    def closed(self) -> None:
        self.browser.quit()
