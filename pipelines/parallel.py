"""Parsing ahead in worker processes (``meetarchive reparse --jobs N``, ``import-warc --jobs N``).

The pure part of the stages, turning a page into its article (``pipelines.parse.ParseStage``), a
results page into its document (``pipelines.results.parse_results``) and, in an import, a
body into the compressed bytes the archive keeps, runs in ``N`` worker processes; everything
that reads or writes the archive stays in the one process that owns it, in the order the pages
came: the parent hands each page to the stages already parsed (a ``Crawled`` with its article or
parse-error reject, its ``results_doc`` and ``compressed`` body), so the stages make the same
decisions on the same items as with ``--jobs 1``, and store identical rows.

Pages go to the workers in small batches with a bounded number in flight, so memory stays flat
however large the archive. Workers ignore Ctrl-C (the parent winds down) and exit when the parent
dies, so a killed run leaves no process behind; what the parent committed stays committed.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from multiprocessing import get_context
from typing import Self, TypeVar

from pipelines.db import compress_body
from pipelines.parse import ParseStage
from pipelines.results import parse_results
from pipelines.validate import page_reject
from scraper.items import Crawled, Page

T = TypeVar("T")
A = TypeVar("A")
R = TypeVar("R")
BATCH = 8  # pages per task: enough to amortise the pickling round trip, small enough to balance
IN_FLIGHT = 4  # tasks queued per worker


class WorkerDied(RuntimeError):
    """A worker process died (killed, out of memory): the run stops; what was stored stays."""


def default_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _exit_with(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _start_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _run_batch(fn: Callable[[A], R], batch: list[A]) -> list[R]:
    return [fn(x) for x in batch]


class Workers:
    """``jobs`` worker processes (none when ``jobs`` is 1: the work is done in this process),
    shut down on leaving the ``with`` block."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Self:
        if self.jobs > 1:
            self.pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=get_context("spawn"),
                initializer=_start_worker,
                initargs=(os.getpid(),),
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def ordered(
        self, fn: Callable[[A], R], items: Iterable[T], arg: Callable[[T], A]
    ) -> Iterator[tuple[T, R]]:
        """``(item, fn(arg(item)))`` for every item, in the items' order. ``fn`` must be a
        module-level function; only ``arg(item)`` goes to a worker; at most ``jobs *
        IN_FLIGHT`` batches are read ahead. An error raised by ``items`` comes after every item
        read before it, as it would without workers."""
        if self.pool is None:
            yield from ((x, fn(arg(x))) for x in items)
            return
        it, failed = iter(items), None
        pending: deque[tuple[list[T], Future[list[R]]]] = deque()
        while True:
            while failed is None and len(pending) < self.jobs * IN_FLIGHT:
                batch = []
                try:
                    for x in islice(it, BATCH):  # what came before an error is kept
                        batch.append(x)
                except Exception as exc:  # raised once the items read before it are done
                    failed = exc
                if not batch:
                    break
                task = self.pool.submit(_run_batch, fn, [arg(x) for x in batch])
                pending.append((batch, task))
            if not pending:
                break
            batch, task = pending.popleft()
            try:
                results = task.result()
            except BrokenProcessPool as exc:
                raise WorkerDied(f"a parsing worker process died ({exc})") from None
            yield from zip(batch, results, strict=True)
        if failed is not None:
            raise failed

    def parsed(
        self, items: Iterable[T], page_of: Callable[[T], Page | None], compress: bool = False
    ) -> Iterator[tuple[T, Page | Crawled | None]]:
        """Each item with its page ready for the stages: without workers the page itself (the
        stages parse it), with them a ``Crawled`` parsed in a worker (``compress``: its body
        compressed there too, for pages new to the archive); None for an item without a page."""
        if self.pool is None:
            yield from ((x, page_of(x)) for x in items)
            return
        work = _parse_and_compress_or_none if compress else _parse_or_none
        for x, parsed in self.ordered(work, items, page_of):
            page = page_of(x)
            if page is None or parsed is None:
                yield x, None
            else:
                parsed.page = page
                yield x, parsed


def parse_ahead(page: Page) -> Crawled:
    """What the pure stages make of ``page``: its article or parse-error reject, and the
    document of a results page. The page itself is not sent back (the parent has it)."""
    crawled = ParseStage().process_item(page)
    if page.kind == "results" and page_reject(page) is None:
        crawled.results_doc = parse_results(page.body, page.url)
    crawled.page = EMPTY
    return crawled


def parse_and_compress(page: Page) -> Crawled:
    """:func:`parse_ahead`, and the body compressed as the archive stores it (for pages new to
    the archive: an import)."""
    crawled = parse_ahead(page)
    crawled.compressed = compress_body(page.body)
    return crawled


EMPTY = Page(url="", status=0, headers={}, body=b"", fetched_at="")


def _parse_or_none(page: Page | None) -> Crawled | None:
    return None if page is None else parse_ahead(page)


def _parse_and_compress_or_none(page: Page | None) -> Crawled | None:
    return None if page is None else parse_and_compress(page)
