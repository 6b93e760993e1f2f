"""parse_date: common shapes on the fast path, the page's zone for naive times, never the future."""

from datetime import UTC, datetime

import pytest

from scraper.text.dates import parse_date

CHI = "America/Chicago"
FETCHED = datetime(2026, 9, 21, 15, 0, tzinfo=UTC)  # 10:00 CDT

CASES = [
    # (raw, zone, expected ISO or None)
    ("May 26th 2024, 2:29am", CHI, "2024-05-26T02:29:00-05:00"),
    ("May 26th 2024, 2:29pm", CHI, "2024-05-26T14:29:00-05:00"),
    ("Dec 1st 2023, 12:05am", CHI, "2023-12-01T00:05:00-06:00"),
    ("Dec 2nd 2023, 12:05pm", CHI, "2023-12-02T12:05:00-06:00"),
    ("May 26, 2024", CHI, "2024-05-26T00:00:00-05:00"),
    ("Sunday, May 26, 2024 at 2:29 PM", CHI, "2024-05-26T14:29:00-05:00"),
    ("May 26, 2024 2:29 p.m. CDT", "UTC", "2024-05-26T14:29:00-05:00"),
    ("Sept. 3, 2024", CHI, "2024-09-03T00:00:00-05:00"),
    ("26 May 2024", CHI, "2024-05-26T00:00:00-05:00"),
    ("26 May 2024 14:30", "Europe/London", "2024-05-26T14:30:00+01:00"),
    ("2024-05-26T02:29:00-05:00", "Europe/Paris", "2024-05-26T02:29:00-05:00"),
    ("2024-05-26T07:29:00Z", CHI, "2024-05-26T07:29:00+00:00"),
    ("2024-05-26T07:29:00.123+0000", CHI, "2024-05-26T07:29:00.123000+00:00"),
    ("2024-05-26T02:29:00", CHI, "2024-05-26T02:29:00-05:00"),
    ("2024-05-26 02:29", CHI, "2024-05-26T02:29:00-05:00"),
    ("2024-05-26", CHI, "2024-05-26T00:00:00-05:00"),
    ("2024-05-26", None, "2024-05-26T00:00:00+00:00"),
    ("Sun, 26 May 2024 07:29:00 GMT", CHI, "2024-05-26T07:29:00+00:00"),
    ("Sun, 26 May 2024 02:29:00 -0500", "UTC", "2024-05-26T02:29:00-05:00"),
    ("5/26/2024", CHI, "2024-05-26T00:00:00-05:00"),
    ("5/26/2024 2:29 PM", CHI, "2024-05-26T14:29:00-05:00"),
    ("26/5/2024", CHI, "2024-05-26T00:00:00-05:00"),  # a day > 12 can only be the day
    ("26.05.2024 14:30", "Europe/Berlin", "2024-05-26T14:30:00+02:00"),
    ("Published May 26th 2024, 2:29am", CHI, "2024-05-26T02:29:00-05:00"),
    # DST edges in Chicago: spring forward 2024-03-10 02:00, fall back 2024-11-03 02:00
    ("Mar 10th 2024, 1:59am", CHI, "2024-03-10T01:59:00-06:00"),
    ("Mar 10th 2024, 3:00am", CHI, "2024-03-10T03:00:00-05:00"),
    ("2024-03-10 02:30", CHI, "2024-03-10T02:30:00-06:00"),  # skipped hour: old offset
    ("2024-11-03 00:59", CHI, "2024-11-03T00:59:00-05:00"),
    ("2024-11-03 01:30", CHI, "2024-11-03T01:30:00-05:00"),  # repeated hour: its first occurrence
    ("2024-11-03 02:00", CHI, "2024-11-03T02:00:00-06:00"),
    ("Mar 31st 2024, 2:30am", "Europe/Berlin", "2024-03-31T02:30:00+01:00"),
    # relative and yearless dates are read against the fetch time, never the clock
    ("Today, 9:06am", CHI, "2026-09-21T09:06:00-05:00"),
    ("Yesterday, 11:30pm", CHI, "2026-09-20T23:30:00-05:00"),
    ("3 hours ago", CHI, "2026-09-21T12:00:00+00:00"),
    ("Sep 15th, 1:54pm", CHI, "2026-09-15T13:54:00-05:00"),
    ("Dec 24th, 1:54pm", CHI, "2025-12-24T13:54:00-06:00"),  # not in the future: last year
    # the fallback (dateparser) for other shapes and languages
    ("26 mai 2024", "Europe/Paris", "2024-05-26T00:00:00+02:00"),
    ("26. Mai 2024, 14:30 Uhr", "Europe/Berlin", "2024-05-26T14:30:00+02:00"),
    # rejected: after the fetch time, nonsense, impossible dates, empty
    ("2026-09-21T16:00:00Z", CHI, None),
    ("Jan 1st 2030, 1:00am", CHI, None),
    ("not a date", CHI, None),
    ("Feb 30th 2024, 1:00am", CHI, None),
    ("", CHI, None),
    ("Comments", CHI, None),
]


@pytest.mark.parametrize(("raw", "zone", "expected"), CASES, ids=[c[0] or "empty" for c in CASES])
def test_parse_date(raw: str, zone: str | None, expected: str | None) -> None:
    dt = parse_date(raw, zone, not_after=FETCHED)
    assert (dt.isoformat() if dt else None) == expected


@pytest.mark.parametrize(
    ("raw", "languages", "expected"),
    [
        ("05/06/2024", None, "2024-05-06T00:00:00+00:00"),  # US reading by default
        (
            "05/06/2024",
            ["fr"],
            "2024-06-05T00:00:00+00:00",
        ),  # day first where English is not spoken
        ("5 juin 2024", ["fr"], "2024-06-05T00:00:00+00:00"),
        ("5. Juni 2024", ["de"], "2024-06-05T00:00:00+00:00"),
    ],
)
def test_languages(raw: str, languages: list[str] | None, expected: str) -> None:
    dt = parse_date(raw, "UTC", languages=languages)
    assert dt is not None
    assert dt.isoformat() == expected


@pytest.mark.parametrize("raw", ["Today, 9:06am", "3 hours ago", "Sep 15th, 1:54pm"])
def test_relative_dates_need_a_reference(raw: str) -> None:
    assert parse_date(raw, CHI) is None


def test_naive_not_after_is_utc() -> None:
    assert parse_date("2024-05-26T10:00:00Z", None, not_after=datetime(2024, 5, 26, 9)) is None
