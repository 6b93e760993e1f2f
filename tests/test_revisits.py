"""Pure parts of incremental crawling and monitoring, table-driven: the revisit policy, fill-rate
alarms, and the browser's reading of Chromium's network log."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from scraper.crawl.browser import document_response
from scraper.crawl.incremental import RevisitPolicy, span
from scraper.crawl.runs import fill_alarms

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
H, D = timedelta(hours=1), timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90s", timedelta(seconds=90)),
        ("15m", timedelta(minutes=15)),
        ("6h", 6 * H),
        ("30d", 30 * D),
        ("2w", 14 * D),
        ("3", 3 * D),
        ("1.5h", 1.5 * H),
    ],
)
def test_spans(text: str, expected: timedelta):
    assert span(text) == expected


@pytest.mark.parametrize("bad", ["1d", "1d:", ":1h", "1d:2x", "-1d:1h", "*:", "1d:1h,7d"])
def test_bad_policies_are_refused(bad: str):
    with pytest.raises(ValueError, match="time span|AGE:EVERY"):
        RevisitPolicy.parse(bad)


@pytest.mark.parametrize(
    ("policy", "age", "since_check", "due"),
    [
        # default policy: 1d:1h, 7d:6h, 30d:1d, 365d:7d, *:30d
        (None, 2 * H, 30 * timedelta(minutes=1), False),
        (None, 2 * H, 1 * H, True),
        (None, 3 * D, 5 * H, False),
        (None, 3 * D, 6 * H, True),
        (None, 20 * D, 23 * H, False),
        (None, 20 * D, 1 * D, True),
        (None, 200 * D, 6 * D, False),
        (None, 200 * D, 7 * D, True),
        (None, 3000 * D, 29 * D, False),
        (None, 3000 * D, 30 * D, True),
        (None, None, 29 * D, False),  # no date known: the oldest rule
        ("0", 3000 * D, timedelta(0), True),  # every run
        ("never", 1 * H, 3000 * D, False),
        ("7d:1h,*:never", 3 * D, 2 * H, True),
        ("7d:1h,*:never", 30 * D, 3000 * D, False),
    ],
)
def test_due(policy: str | None, age: timedelta | None, since_check: timedelta, due: bool):
    born = NOW - age if age is not None else None
    assert RevisitPolicy.parse(policy).due(NOW, born, NOW - since_check) is due


def test_never_checked_is_always_due():
    assert RevisitPolicy.parse("never").due(NOW, NOW, None)


def row(articles: int, new: int = 0, **rates: float | None) -> dict:
    base = {"author": 1.0, "date": 1.0, "body": 1.0, "results": 0.0}
    return {"articles": articles, "new": new, **base, **rates}


@pytest.mark.parametrize(
    ("current", "history", "expected"),
    [
        (row(10), [row(10), row(8)], []),  # steady
        (row(10, author=0.0), [row(10), row(8)], ["author filled in 0%"]),  # markup change
        (row(10, author=0.8), [row(10), row(8)], []),  # a small dip is no alarm
        (row(10, date=0.5, body=0.2), [row(10)], ["date filled in 50%", "body filled in 20%"]),
        (row(2, author=0.0), [row(10)], []),  # too few articles this run to judge
        (row(10, author=0.0), [row(2)], []),  # earlier runs too small to compare against
        (row(10, author=0.0), [], []),  # first run
        (row(0), [row(5, new=3), row(5, new=2), row(5, new=4)], ["no new articles"]),
        (row(0), [row(5, new=3), row(5, new=0), row(5, new=4)], []),  # not every run has news
        (row(0), [row(5, new=1), row(5, new=1), row(5, new=1)], []),  # too few to expect one
        (row(0, new=1), [row(5, new=3), row(5, new=2), row(5, new=4)], []),
    ],
)
def test_fill_alarms(current: dict, history: list[dict], expected: list[str]):
    alarms = fill_alarms("gazette", current, history, drop=0.3, min_articles=3)
    assert len(alarms) == len(expected)
    for alarm, part in zip(alarms, expected, strict=True):
        assert alarm.startswith("gazette: ")
        assert part in alarm


def perf(method: str, **params: object) -> dict:
    return {"message": json.dumps({"message": {"method": method, "params": params}})}


def test_document_status_and_headers_from_the_network_log():
    log = [
        perf("Network.requestWillBeSent", type="Document"),
        perf(
            "Network.responseReceived",
            type="Document",
            response={
                "url": "https://g.example/a",
                "status": 403,
                "headers": {"cf-mitigated": "challenge"},
            },
        ),
        perf(
            "Network.responseReceived",
            type="Script",
            response={"url": "https://g.example/app.js", "status": 200, "headers": {}},
        ),
        {"message": "not json"},
    ]
    newtab = perf(
        "Network.responseReceived",
        type="Document",
        response={"url": "chrome://new-tab-page/", "status": 200, "headers": {}},
    )
    assert document_response([newtab, *log], "https://g.example/a?__cf_chl_rt_tk=1") == (
        "https://g.example/a",
        403,
        {"cf-mitigated": "challenge"},
    )
    assert document_response(log, "https://g.example/a")[1] == 403
    assert document_response([newtab, *log[2:]], "https://g.example/a") is None
