"""normalize_article: typed values beside the raw ones, pure."""

import dataclasses

import pytest

from scraper.items import Article
from scraper.parsers.normalize import clean_body, normalize_article, word_count


def article(**kw: object) -> Article:
    base = {
        "url": "https://www.dyestat.com/x",
        "canonical_url": "https://www.dyestat.com/x",
        "fetched_at": "2026-09-21T15:00:00+00:00",
        "parser": "test/1",
    }
    return Article(**(base | kw))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "arg_zone", "article_zone", "expected"),
    [
        ("May 26th 2024, 2:29am", "America/Chicago", None, "2024-05-26T02:29:00-05:00"),
        ("May 26th 2024, 2:29am", None, "America/Chicago", "2024-05-26T02:29:00-05:00"),
        (
            "May 26th 2024, 2:29am",
            "America/New_York",
            "America/Chicago",
            "2024-05-26T02:29:00-04:00",
        ),
        ("May 26th 2024, 2:29am", None, None, "2024-05-26T02:29:00+00:00"),
        ("2024-05-26T07:29:00Z", "America/Chicago", None, "2024-05-26T07:29:00+00:00"),
        ("2024-05-26T07:29:00.5Z", None, None, "2024-05-26T07:29:00+00:00"),
        ("Sep 22nd 2026, 9:00am", "America/Chicago", None, None),  # after fetched_at
        ("gibberish", "America/Chicago", None, None),
    ],
)
def test_published_at(
    raw: str, arg_zone: str | None, article_zone: str | None, expected: str | None
) -> None:
    art = normalize_article(article(published_raw=raw, timezone=article_zone), arg_zone)
    assert art.published_at == expected
    assert art.published_raw == raw


def test_modified_at_and_zone_recorded() -> None:
    art = normalize_article(article(modified_raw="2024-05-27 10:00"), "America/Chicago")
    assert art.modified_at == "2024-05-27T10:00:00-05:00"
    assert art.timezone == "America/Chicago"


def test_authors_cleaned_and_from_byline() -> None:
    assert normalize_article(article(authors=["Jane Doe", "DyeStat", "jane doe"])).authors == [
        "Jane Doe"
    ]
    art = normalize_article(article(byline_raw="By Doug Binder and Lori Shontz for DyeStat"))
    assert art.authors == ["Doug Binder", "Lori Shontz"]
    assert art.byline_raw == "By Doug Binder and Lori Shontz for DyeStat"


def test_whitespace() -> None:
    art = normalize_article(
        article(
            headline="  Kerr\u00a0wins \n mile ",
            dek="A\tdek\u200b ",
            body="\n\n First  para\r\n\r\n\r\n\n second\u00a0 para \n line two\n\n\n",
        )
    )
    assert art.headline == "Kerr wins mile"
    assert art.dek == "A dek"
    assert art.body == "First para\n\nsecond para\nline two"
    assert art.word_count == 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EUGENE -- The directive from his coaches was clear: Don’t do it.", 11),
        ("Kerr’s winning time, 3:45.34, broke the British record.", 8),
        ("1,500-meter final", 2),
        ("", 0),
    ],
)
def test_word_count(text: str, expected: int) -> None:
    assert word_count(text) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("a\u00a0b", "a b"),  # no-break space
        ("a\u2009\u202f\u3000b", "a b"),  # thin, narrow no-break and ideographic spaces
        ("a\t\x0b\x0cb", "a b"),  # tab, vertical tab, form feed
        ("a\u2028b", "a b"),  # a line separator inside a line is a space, not a break
        ("a\x85b", "a b"),  # NEL
        ("  a  \n\t b \u00a0", "a\nb"),  # lines trimmed
        ("a\u200b\u00adb", "ab"),  # invisible characters out
        ("a\n \u00a0\n\nb", "a\n\nb"),  # a blank line of spaces is a paragraph break
    ],
)
def test_body_whitespace(body: str, expected: str) -> None:
    assert clean_body(body) == expected


def test_empty_body_is_none() -> None:
    assert clean_body(" \n\n \n") is None


def test_pure_and_keeps_raw_fields() -> None:
    original = article(
        published_raw="May 26th 2024, 2:29am",
        byline_raw="By A B",
        body="x",
        authors=["DyeStat"],
        signals={"body": "test"},
    )
    snapshot = dataclasses.asdict(original)
    normalized = normalize_article(original, "America/Chicago")
    assert dataclasses.asdict(original) == snapshot
    for field in (
        "published_raw",
        "byline_raw",
        "url",
        "canonical_url",
        "fetched_at",
        "parser",
        "signals",
    ):
        assert getattr(normalized, field) == snapshot[field]
    assert normalize_article(normalized, "America/Chicago") == normalized  # idempotent
