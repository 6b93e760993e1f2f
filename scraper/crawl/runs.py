"""Crawl runs and their monitoring: an extension that records each crawl in ``crawl_runs`` (and
per source in ``crawl_run_sources``) and raises an alarm when a source's output degrades.

* At the start a run row is written (so an interrupted crawl leaves a row without
  ``finished_at``); at the end its counts, finish reason and alarms.
* **Fill rates**, per source: the share of the articles parsed in the run that have an author, a
  publication date, a body of at least ``MONITOR_MIN_WORDS`` words, results. A rate that falls
  ``MONITOR_DROP`` or more below its mean over the source's last ``MONITOR_HISTORY`` runs (runs
  with at least ``MONITOR_MIN_ARTICLES`` articles count) is an alarm: a site changed its markup.
* **Zero new**: a source that brought new articles in each of its last 3 runs (2 or more on
  average) and none in this run is an alarm.
* **Results read whole**: per source, the share of the results documents parsed in the run whose
  audit (``scraper.results.audit``) says ``parsed`` (not ``partial`` or ``unparsed``). A share
  that falls ``MONITOR_DROP`` or more below its mean over the source's earlier runs with audited
  documents is an alarm: a results layout changed, or a reader broke.
* Alarms are logged, kept in the run row and in the stats (``monitor/alarms``); ``meetarchive
  crawl`` prints them and exits non-zero (``EXIT_ALARM``), so cron mail reports them.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from scrapy import signals

from scraper.items import Crawled

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
OUTCOMES = ("new", "updated", "unchanged")


def fills(article: Any, min_words: int) -> dict[str, bool]:
    """Which monitored fields an article has."""
    return {
        "author": bool(article.authors),
        "date": bool(article.published_at),
        "body": (article.word_count or 0) >= min_words,
        "results": bool(article.results),
    }


def fill_alarms(
    source: str, row: dict[str, Any], history: list[dict[str, Any]], drop: float, min_articles: int
) -> list[str]:
    """Alarms for one source's run ``row`` against its earlier runs (``history``, newest
    first)."""
    from pipelines.db import FILL_FIELDS

    alarms = []
    if row["articles"] >= min_articles:
        earlier = [h for h in history if (h["articles"] or 0) >= min_articles]
        for name in FILL_FIELDS:
            rates = [h[name] for h in earlier if h[name] is not None]
            if not rates or row[name] is None:
                continue
            mean = sum(rates) / len(rates)
            if mean - row[name] >= drop:
                alarms.append(
                    f"{source}: {name} filled in {row[name]:.0%} of "
                    f"{row['articles']} articles, {mean:.0%} over the "
                    f"{len(rates)} run(s) before: has the site's markup changed?"
                )
    alarms += results_alarms(source, row, history, drop)
    last = [h["new"] or 0 for h in history[:3]]
    if len(last) == 3 and min(last) >= 1 and sum(last) / 3 >= 2 and not row["new"]:
        alarms.append(
            f"{source}: no new articles in this run, {sum(last) / 3:.0f} per run "
            "before: is the source still reachable and its listings unchanged?"
        )
    return alarms


def results_alarms(
    source: str, row: dict[str, Any], history: list[dict[str, Any]], drop: float
) -> list[str]:
    """An alarm when the share of ``source``'s results documents read whole (audit verdict
    ``parsed``) in this run falls ``drop`` or more below its mean over the earlier runs."""
    if not row.get("results_documents") or row.get("results_parsed") is None:
        return []
    rates = [h["results_parsed"] for h in history if h.get("results_documents")]
    if not rates:
        return []
    mean = sum(rates) / len(rates)
    if mean - row["results_parsed"] < drop:
        return []
    return [
        f"{source}: {row['results_parsed']:.0%} of {row['results_documents']} results "
        f"document(s) read whole (audit verdict parsed), {mean:.0%} over the {len(rates)} "
        "run(s) before: has a results layout changed? (`meetarchive results --audit`)"
    ]


class RunRecorder:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        settings = crawler.settings
        self.min_words = settings.getint("MONITOR_MIN_WORDS", 50)
        self.drop = settings.getfloat("MONITOR_DROP", 0.3)
        self.min_articles = settings.getint("MONITOR_MIN_ARTICLES", 3)
        self.history = settings.getint("MONITOR_HISTORY", 5)
        self.monitor = settings.getbool("MONITOR", True)
        self.db: Any = None
        self.run_id: int | None = None
        self.pages: Counter[str] = Counter()
        self.outcomes: dict[str, Counter[str]] = defaultdict(Counter)
        self.filled: dict[str, Counter[str]] = defaultdict(Counter)
        self.verdicts: dict[str, Counter[str]] = defaultdict(Counter)
        self.rejected: Counter[str] = Counter()
        self.blocked = 0
        self.failed = 0
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunRecorder:
        return cls(crawler)

    def spider_opened(self, spider: Spider) -> None:
        from pipelines.db import open_db, start_run

        self.db = open_db(self.crawler.settings.get("ARCHIVE_DB") or "archive.db")
        args = {
            k: v
            for k, v in vars(spider).items()
            if isinstance(v, str | int | float | bool) and not k.startswith("_")
        }
        self.run_id = start_run(self.db, spider.name, args, _now())
        assert self.crawler.stats is not None
        self.crawler.stats.set_value("run/id", self.run_id)

    def item_scraped(self, item: Any) -> None:
        if not isinstance(item, Crawled):
            return
        source = item.page.source or "-"
        self.pages[source] += 1
        if item.page.blocked:
            self.blocked += 1
        elif item.page.error and item.page.status == 0:
            self.failed += 1
        if item.results_verdict:
            self.verdicts[source][item.results_verdict] += 1
        if item.reject:
            self.rejected[source] += 1
        elif item.article is not None and item.outcome in OUTCOMES:
            self.outcomes[source][item.outcome] += 1
            for name, has in fills(item.article, self.min_words).items():
                self.filled[source][name] += has

    def source_rows(self) -> list[dict[str, Any]]:
        from pipelines.db import FILL_FIELDS

        rows = []
        for source in sorted(self.pages):
            o = self.outcomes[source]
            n = sum(o.values())
            row: dict[str, Any] = {
                "source": source,
                "pages": self.pages[source],
                "articles": n,
                "new": o["new"],
                "updated": o["updated"],
                "unchanged": o["unchanged"],
                "rejected": self.rejected[source],
            }
            row.update({f: (self.filled[source][f] / n if n else None) for f in FILL_FIELDS})
            audited = sum(self.verdicts[source].values())
            row["results_documents"] = audited
            row["results_parsed"] = self.verdicts[source]["parsed"] / audited if audited else None
            rows.append(row)
        return rows

    def spider_closed(self, spider: Spider, reason: str) -> None:
        from pipelines.db import finish_run, source_history

        if self.db is None or self.run_id is None:
            return
        stats = self.crawler.stats
        assert stats is not None
        get = stats.get_value
        rows = self.source_rows()
        alarms: list[str] = []
        if self.monitor:
            for row in rows:
                history = source_history(
                    self.db, spider.name, row["source"], self.run_id, self.history
                )
                alarms += fill_alarms(row["source"], row, history, self.drop, self.min_articles)
        for alarm in alarms:
            logger.warning("ALARM %s", alarm)
        stats.set_value("monitor/alarms", alarms)
        total = Counter[str]()
        for counts in self.outcomes.values():
            total.update(counts)
        values = {
            "finished_at": _now(),
            "finish_reason": reason,
            "pages_fetched": int(get("downloader/response_count", 0)),
            "new": total["new"],
            "updated": total["updated"],
            "unchanged": total["unchanged"],
            "not_modified": int(get("incremental/not_modified", 0)),
            "not_due": int(get("incremental/not_due", 0))
            + int(get("incremental/lastmod_unchanged", 0)),
            "rejected": sum(self.rejected.values()),
            "blocked": self.blocked,
            "errors": self.failed + int(get("log_count/ERROR", 0)),
            "alarms": alarms,
        }
        finish_run(self.db, self.run_id, values, rows)
        self.db.close()
        self.db = None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def format_runs(runs: list[dict[str, Any]]) -> str:
    """``meetarchive stats --runs``: one block per run, newest first."""
    if not runs:
        return "no crawl runs recorded"
    from pipelines.db import FILL_FIELDS

    lines = []
    for r in runs:
        end = r["finished_at"] or "(running or interrupted)"
        code = "-" if r["exit_code"] is None else r["exit_code"]
        lines.append(
            f"#{r['id']} {r['spider']}  {r['started_at']} -> {end}  "
            f"{r['finish_reason'] or ''}  exit {code}"
        )
        lines.append(
            "    fetched {pages_fetched}  new {new}  updated {updated}  unchanged "
            "{unchanged}  not modified {not_modified}  not due {not_due}  rejected "
            "{rejected}  blocked {blocked}  errors {errors}".format(
                **{
                    k: r[k] or 0
                    for k in (
                        "pages_fetched",
                        "new",
                        "updated",
                        "unchanged",
                        "not_modified",
                        "not_due",
                        "rejected",
                        "blocked",
                        "errors",
                    )
                }
            )
        )
        for s in r["sources"]:
            rates = "  ".join(f"{f} {s[f]:.0%}" for f in FILL_FIELDS if s[f] is not None)
            audited = s.get("results_documents")
            lines.append(
                f"    {s['source']}: {s['articles']} articles ({s['new']} new)"
                + (f"  fill: {rates}" if rates else "")
                + (
                    f"  results: {audited} document(s), {s['results_parsed']:.0%} parsed whole"
                    if audited
                    else ""
                )
            )
        lines += [f"    ALARM {a}" for a in r["alarms"]]
    return "\n".join(lines)
