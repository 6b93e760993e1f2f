"""Run a spider in-process into an archive and report what happened: the API behind
``meetarchive crawl`` and ``meetarchive demo``.

Exit codes of a crawl (``CrawlReport.exit_code``):

* 0 — the crawl finished; every response was stored or recorded as a reject;
* 3 — a challenge (anti-bot) page blocked at least one request (see the summary's advice);
* 1 — errors: downloads that failed without a response, or errors in the spider or pipelines;
* 4 — another crawl of the same spider into the same archive is running (``scraper.crawl.lock``);
* 5 — monitoring alarm: a source's field fill rate dropped, it stopped giving new articles, or
  fewer of its results documents were read whole (``scraper.crawl.runs``);
* 6 — interrupted: stopped by SIGTERM or Ctrl-C (``scraper.crawl.stopping``; what was fetched is
  stored), or forced to stop at once by a second signal.

Blocked wins over the rest: a challenge usually causes the errors that follow it, and its advice is
what the operator needs; then interrupted (an interrupted run's errors and fill rates are those of
a run cut short). (2 is left to usage errors, as click uses it.)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scraper.crawl.challenge import ADVICE
from scraper.crawl.cookies import DROPPED_STAT as COOKIES_DROPPED
from scraper.crawl.politeness import TOO_SLOW_STAT, too_slow_message
from scraper.items import Crawled, Page

EXIT_OK = 0
EXIT_ERRORS = 1
EXIT_BLOCKED = 3
EXIT_LOCKED = 4
EXIT_ALARM = 5
EXIT_INTERRUPTED = 6


@dataclass
class CrawlReport:
    spider: str
    db: Path
    pages: Counter[str] = field(default_factory=Counter)  # by kind
    outcomes: Counter[str] = field(default_factory=Counter)  # new | updated | unchanged
    rejects: Counter[str] = field(default_factory=Counter)  # by reason
    blocked: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, error) without a response
    stats: dict[str, Any] = field(default_factory=dict)
    crashed: str | None = None  # the error that stopped the crawl before or while it ran
    closed: bool = False  # the spider was closed (not so when a second signal forced the stop)
    # From the log (scraper.cli.crawllog), which may be out of sight: robots.txt files not
    # downloaded, errors logged other than failed downloads (the first few, one line each), where
    # the log is.
    robots_failed: list[tuple[str, str]] = field(default_factory=list)  # (robots.txt URL, error)
    logged_errors: list[str] = field(default_factory=list)
    logged_error_count: int = 0
    log_note: str = ""

    # -- signal handlers ---------------------------------------------------------------------
    def item_scraped(self, item: Any) -> None:
        crawled = item if isinstance(item, Crawled) else None
        page = crawled.page if crawled else item if isinstance(item, Page) else None
        if page is None:
            return
        self.pages[page.kind] += 1
        if page.blocked:
            self.blocked.append((page.url, page.blocked))
        elif page.error and page.status == 0:
            self.failed.append((page.url, page.error))
        if crawled is not None:
            if crawled.outcome:
                self.outcomes[crawled.outcome] += 1
            if crawled.reject:
                self.rejects[crawled.reject] += 1

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        self.item_scraped(item)
        self.rejects[f"dropped: {exception}"] += 1

    def spider_closed(self) -> None:
        self.closed = True

    # -- results -------------------------------------------------------------------------------
    @property
    def challenges(self) -> int:
        return max(int(self.stats.get("challenge/blocked", 0)), len(self.blocked))

    @property
    def errors(self) -> int:
        return int(self.stats.get("log_count/ERROR", 0)) + len(self.failed) + bool(self.crashed)

    @property
    def forced(self) -> bool:
        """A second signal stopped the crawl at once: the spider was never closed."""
        return not self.closed and not self.crashed

    @property
    def interrupted(self) -> bool:
        return self.forced or self.stats.get("finish_reason") == "shutdown"

    @property
    def too_slow(self) -> dict[str, float]:
        """Hosts not crawled: their robots.txt asks for more than CRAWL_DELAY_MAX."""
        return {
            key[len(TOO_SLOW_STAT) :]: float(value)
            for key, value in self.stats.items()
            if key.startswith(TOO_SLOW_STAT)
        }

    @property
    def exit_code(self) -> int:
        if self.challenges:
            return EXIT_BLOCKED
        if self.interrupted:
            return EXIT_INTERRUPTED
        if self.stats.get("monitor/alarms"):
            return EXIT_ALARM
        if self.errors:
            return EXIT_ERRORS
        return EXIT_OK

    def summary(self) -> str:
        total = sum(self.pages.values())
        kinds = ", ".join(f"{n} {k}" for k, n in sorted(self.pages.items())) or "none"
        lines = [
            f"Crawl '{self.spider}' into {self.db}",
            f"  pages handled:   {total} ({kinds})",
            "  articles:        {new} new, {updated} updated, {unchanged} unchanged".format(
                new=self.outcomes["new"],
                updated=self.outcomes["updated"],
                unchanged=self.outcomes["unchanged"],
            ),
            *self._results_lines(),
            f"  rejects:         {sum(self.rejects.values())}"
            + (
                ""
                if not self.rejects
                else " (" + ", ".join(f"{n} {r}" for r, n in self.rejects.most_common()) + ")"
            ),
        ]
        forbidden = int(self.stats.get("robotstxt/forbidden", 0))
        if forbidden:
            lines.append(f"  not requested:   {forbidden} (disallowed by robots.txt)")
        skipped = int(self.stats.get("challenge/skipped", 0))
        if skipped:
            lines.append(f"  not requested:   {skipped} (host kept answering with challenges)")
        if self.too_slow:
            max_delay = float(self.stats.get("politeness/crawl_delay_max", 0))
            lines.append(
                f"  NOT CRAWLED:     {len(self.too_slow)} host(s) asking for too long a delay"
            )
            lines += [
                f"    {too_slow_message(host, delay, max_delay)}"
                for host, delay in sorted(self.too_slow.items())
            ]
            lines.append("    (delays up to N seconds are honoured with -s CRAWL_DELAY_MAX=N)")
        lines += self._cookie_lines()
        if self.failed:
            lines.append(f"  failed:          {len(self.failed)} download(s) without a response")
            lines += [f"    {url}  {error}" for url, error in self.failed[:10]]
        lines += self._log_lines()
        if self.challenges:
            lines.append(f"  BLOCKED:         {self.challenges} challenge page(s)")
            shown = [f"{url}  {reason}" for url, reason in self.blocked]
            for entry in self.stats.get("challenge/urls", []):
                if entry.split("  ")[0] not in {url for url, _ in self.blocked}:
                    shown.append(entry)  # e.g. a robots.txt answered with a challenge
            lines += [f"    {entry}" for entry in shown[:20]]
            lines.append("  advice: " + ADVICE)
        revisits = {
            k: int(self.stats.get(f"incremental/{k}", 0))
            for k in ("not_due", "lastmod_unchanged", "conditional", "not_modified")
        }
        if any(revisits.values()):
            lines.append(
                "  archived pages:  {not_due} not due, {lastmod_unchanged} unchanged per "
                "sitemap lastmod, {conditional} revisited ({not_modified} not "
                "modified)".format(**revisits)
            )
        sitemaps = [
            int(self.stats.get(f"incremental/sitemap_{k}", 0)) for k in ("not_due", "unchanged")
        ]
        if any(sitemaps):
            lines.append(
                f"  sitemaps:        {sitemaps[0]} not due, {sitemaps[1]} unchanged since "
                "their last read (index lastmod)"
            )
        lines += [f"  ALARM:           {alarm}" for alarm in self.stats.get("monitor/alarms", [])]
        reason = self.stats.get("finish_reason")
        if reason and reason != "finished":
            lines.append(
                f"  stopped early:   {reason}"
                + (" (interrupted: Ctrl-C or a TERM signal)" if reason == "shutdown" else "")
            )
        elif self.forced:
            lines.append(
                "  stopped early:   forced by a second signal (what was committed stays stored; "
                "the last group of items may be lost and is fetched again by the next run)"
            )
        if self.crashed:
            lines.append(f"  CRAWL FAILED:    {self.crashed}")
        lines.append(f"  exit code:       {self.exit_code}")
        return "\n".join(lines)

    def _results_lines(self) -> list[str]:
        documents = int(self.stats.get("meetarchive/results/documents", 0))
        if not documents:
            return []
        unparsed = int(self.stats.get("meetarchive/results/unparsed", 0))
        lines = [
            f"  results:         {int(self.stats.get('meetarchive/results/rows', 0))} rows "
            f"from {documents} document(s)" + (f", {unparsed} unparsed" if unparsed else "")
        ]
        verdicts = {
            v: int(self.stats.get(f"meetarchive/results/audit/{v}", 0))
            for v in ("parsed", "partial", "unparsed")
        }
        if any(verdicts.values()):
            lines.append(
                "  results audit:   {parsed} parsed, {partial} partial, {unparsed} unparsed"
                " (documents parsed in this run)".format(**verdicts)
            )
        return lines

    def _cookie_lines(self) -> list[str]:
        dropped = {
            key[len(COOKIES_DROPPED) :]: int(n)
            for key, n in self.stats.items()
            if key.startswith(COOKIES_DROPPED)
        }
        return [
            f"  cookies:         {n} dropped from {host} (more than a browser keeps: "
            "COOKIES_MAX_PER_HOST, COOKIES_MAX_BYTES_PER_HOST)"
            for host, n in sorted(dropped.items())
        ]

    def _log_lines(self) -> list[str]:
        """What the log said that the summary must repeat (the log may be out of sight)."""
        lines = []
        if self.robots_failed:
            lines.append(
                f"  robots.txt:      {len(self.robots_failed)} not downloaded "
                "(crawled as if there were none)"
            )
            lines += [f"    {url}  {error}" for url, error in self.robots_failed[:10]]
        if self.logged_error_count:
            lines.append(
                f"  errors logged:   {self.logged_error_count}"
                + (f" ({self.log_note})" if self.log_note else "")
            )
            lines += [f"    {error}" for error in self.logged_errors]
        return lines


def crawl_settings(db: Path, overrides: dict[str, Any] | None = None) -> Any:
    """scraper.settings with the archive path and any overrides (``-s NAME=VALUE``)."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("scraper.settings", priority="project")
    settings.set("ARCHIVE_DB", str(db), priority="cmdline")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    return settings


def log_note(settings: Any) -> str:
    """Where the summary sends a reader for the log's details."""
    if settings.get("LOG_FILE"):
        return f"Scrapy's log: {settings['LOG_FILE']}"
    if settings.getbool("LOG_STDERR"):
        return ""
    return "-v or --log-file FILE shows Scrapy's log"


def run_crawl(
    spider: str,
    db: Path,
    spider_args: dict[str, str] | None = None,
    overrides: dict[str, Any] | None = None,
) -> CrawlReport:
    """Crawl with ``spider`` into the archive ``db`` in this process and return the report.

    Scrapy's log goes to ``LOG_FILE`` and, with ``LOG_STDERR``, to stderr; else nowhere (see
    ``scraper.cli.crawllog``). Runs Scrapy's reactor, so call it at most once per process. Raises
    KeyError for an unknown spider name.
    """
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    from scraper.cli.crawllog import crawl_logging

    settings = crawl_settings(db, overrides)
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")  # ours: crawl_logging
    report = CrawlReport(spider=spider, db=db, log_note=log_note(settings))
    with crawl_logging(settings) as notes:
        process = CrawlerProcess(settings)
        crawler = process.create_crawler(spider)
        crawler.signals.connect(report.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(report.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(report.spider_closed, signal=signals.spider_closed)

        def crashed(failure: Any) -> None:  # e.g. the archive could not be opened
            report.crashed = f"{failure.type.__name__}: {failure.value}{where(failure)}"

        process.crawl(crawler, **(spider_args or {})).addErrback(crashed)
        process.start()
    assert crawler.stats is not None
    report.stats = dict(crawler.stats.get_stats())
    report.robots_failed = notes.robots
    report.logged_errors = notes.errors
    report.logged_error_count = notes.error_count
    return report


def where(failure: Any) -> str:
    """ " (in module.function, line N)": the innermost frame of our code a crash went through, so
    the one line a crashed crawl prints says where."""
    ours = [
        frame for frame in failure.frames if "/scraper/" in frame[1] or "/pipelines/" in frame[1]
    ]
    if not ours:
        return ""
    function, path, line = ours[-1][:3]
    module = Path(path).with_suffix("").parts
    start = max(i for i, part in enumerate(module) if part in ("scraper", "pipelines"))
    return f" (in {'.'.join(module[start:])}.{function}, line {line})"


def record_exit_code(db: Path, report: CrawlReport) -> None:
    """The run's exit code in its ``crawl_runs`` row (a clean run's reads count for the next
    runs: ``pipelines.db.clean_reads``)."""
    run_id = report.stats.get("run/id")
    if run_id is None:
        return
    from pipelines.db import open_db, set_run_exit_code

    with open_db(db) as archive:
        set_run_exit_code(archive, run_id, report.exit_code)
