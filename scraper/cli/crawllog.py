"""Where the log of ``meetarchive crawl`` goes, and what of it the crawl summary repeats.

``scraper.cli.crawlrun.run_crawl`` installs these handlers instead of Scrapy's root handler:

* Scrapy's log (at ``LOG_LEVEL``) is appended to ``LOG_FILE`` when set (``--log-file``) and
  written to stderr when ``LOG_STDERR`` is on (``-v``); with neither it goes nowhere, so a terminal
  shows only the status line (``scraper.crawl.progress``) and the summary;
* on a terminal, each log line first clears the status line, so the two never run into each
  other (the status line comes back at its next refresh);
* a network failure logged with a traceback (the robots.txt middleware logs one for every
  robots.txt it cannot download) loses the traceback and stays one line: the traceback shows only
  Scrapy's and Twisted's downloader internals, the message already says what failed;
* when the log is not on the terminal, Scrapy's answer to Ctrl-C ("Received SIGINT, shutting down
  gracefully. Send again to force") still is, so a person who pressed it knows it was heard;
* ``LogNotes`` keeps, one line each, what the summary must tell because the log may be out of
  sight: robots.txt files that could not be downloaded (their hosts are crawled without rules)
  and the errors logged other than failed downloads (each failed page is in the summary already).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    ResponseDataLossError,
)
from twisted.internet.error import ConnectError, ConnectionDone, ConnectionLost
from twisted.internet.error import TimeoutError as TwistedTimeoutError
from twisted.web.client import ResponseFailed

from scraper.crawl.progress import CLEAR_LINE
from scraper.text.terminal import shown

ROBOTS_LOGGER = "scrapy.downloadermiddlewares.robotstxt"
# Its "Gave up retrying" records after an exception repeat a failed download: the page's is listed
# in the summary, a robots.txt's logged again by the robots.txt middleware.
RETRY_LOGGER = "scrapy.downloadermiddlewares.retry"
SHUTDOWN_LOGGER = "scrapy.crawler"  # "Received SIGINT, shutting down gracefully. ..."
# What a download can fail with before any response: Scrapy's wrappers and Twisted's originals.
NETWORK_ERRORS: tuple[type[BaseException], ...] = (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    ResponseDataLossError,
    ConnectError,
    ConnectionDone,
    ConnectionLost,
    TwistedTimeoutError,
    ResponseFailed,
)
MAX_NOTES = 10


def one_line(text: str, limit: int = 300) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"


def error_text(exc: BaseException) -> str:
    """``Type: message``, as the summary shows the failures of pages
    (``scraper.crawl.guards.failure_error``)."""
    return f"{type(exc).__name__}: {exc}"


class OneLineNetworkErrors(logging.Filter):
    """Logger filter: a record carrying a network failure keeps its message (which names the
    error) and loses the traceback; the exception stays on the record as ``network_error``."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, NETWORK_ERRORS):
            record.network_error = exc
            record.exc_info = None
            record.exc_text = None
        return True


class TerminalHandler(logging.StreamHandler):
    """stderr; on a terminal each record first clears the status line. What a record says of a
    page (a URL, a server's message) is shown, never obeyed (scraper.text.terminal)."""

    def format(self, record: logging.LogRecord) -> str:
        return shown(super().format(record))

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream.isatty():
            self.stream.write(CLEAR_LINE)
        super().emit(record)


class ShutdownNotice(TerminalHandler):
    """Scrapy's "Received SIGINT, shutting down ..." lines, on a terminal that shows no log."""

    def __init__(self) -> None:
        super().__init__()
        self.addFilter(
            lambda record: (
                record.name == SHUTDOWN_LOGGER and str(record.msg).startswith("Received ")
            )
        )


class LogNotes(logging.Handler):
    """Error records, one line each, for the summary: robots.txt downloads that failed apart."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.robots: list[tuple[str, str]] = []  # (robots.txt URL, error)
        self.errors: list[str] = []
        self.error_count = 0

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.note(record)
        except Exception:
            self.handleError(record)

    def note(self, record: logging.LogRecord) -> None:
        args = record.args if isinstance(record.args, dict) else {}
        if record.name == RETRY_LOGGER and isinstance(args.get("reason"), BaseException):
            return
        network_error = getattr(record, "network_error", None)
        if record.name == ROBOTS_LOGGER and network_error is not None:
            url = getattr(args.get("request"), "url", "")
            self.robots.append((robots_url(url), error_text(network_error)))
            return
        self.error_count += 1
        if len(self.errors) < MAX_NOTES:
            self.errors.append(one_line(record.getMessage()))


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt" if parts.netloc else url


def _formatter(settings: Any) -> logging.Formatter:
    return logging.Formatter(settings.get("LOG_FORMAT"), settings.get("LOG_DATEFORMAT"))


def log_handlers(settings: Any) -> list[logging.Handler]:
    """The handlers Scrapy's log goes to under ``settings`` (none: it goes nowhere)."""
    handlers: list[logging.Handler] = []
    if settings.get("LOG_FILE"):
        mode = "a" if settings.getbool("LOG_FILE_APPEND", True) else "w"
        handlers.append(
            logging.FileHandler(
                settings["LOG_FILE"], mode=mode, encoding=settings.get("LOG_ENCODING") or "utf-8"
            )
        )
    if settings.getbool("LOG_STDERR"):
        handlers.append(TerminalHandler())
    for handler in handlers:
        handler.setFormatter(_formatter(settings))
        handler.setLevel(settings.get("LOG_LEVEL") or "INFO")
    if not settings.getbool("LOG_STDERR") and sys.stderr.isatty():
        handlers.append(ShutdownNotice())
    return handlers


@contextmanager
def crawl_logging(settings: Any) -> Iterator[LogNotes]:
    """Install the crawl's log handlers (see the module's docstring) on the root logger for the
    duration of a crawl; yields the notes for its summary. ``settings`` must also set
    ``LOG_INSTALL_ROOT_HANDLER`` off, so that Scrapy installs no handler of its own."""
    notes = LogNotes()
    # A NullHandler too: with no handler at all, logging.lastResort would print warnings.
    handlers = [*log_handlers(settings), notes, logging.NullHandler()]
    network_filter = OneLineNetworkErrors()
    robots_logger = logging.getLogger(ROBOTS_LOGGER)
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.NOTSET)  # as Scrapy's root handler does: the handlers pick the level
    robots_logger.addFilter(network_filter)
    for handler in handlers:
        root.addHandler(handler)
    try:
        yield notes
    finally:
        for handler in handlers:
            root.removeHandler(handler)
            handler.close()
        robots_logger.removeFilter(network_filter)
        root.setLevel(level)
