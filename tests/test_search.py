"""Search: bm25 ranking, marked snippets, and a sanitizer under which any typed text either
searches sensibly or gives a one-line SearchError."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines import db as schema
from pipelines.search import SearchError, search, to_fts
from tests.archive_helpers import T1, article, build_stages, crawled, make_crawler, run_stages

KERR = "https://www.runnerspace.com/news.php?news_id=700101"
NUGUSE = "https://www.runnerspace.com/news.php?news_id=700102"
MULLER = "https://www.runnerspace.com/news.php?news_id=700103"
STEEPLE = "https://www.runnerspace.com/news.php?news_id=700104"

ARTICLES = [
    dict(
        canonical_url=KERR,
        authors=["Lori Shontz"],
        headline="Josh Kerr Grabs Lead With 600 To Go, Beats Jakob Ingebrigtsen",
        body="EUGENE -- The directive was clear: Don’t do it.\n\nKerr’s winning "
        "time, 3:45.34, broke the British record set 39 years ago by Steve Cram. Kerr crossed "
        "the line .26 ahead of Jakob Ingebrigtsen.",
    ),
    dict(
        canonical_url=NUGUSE,
        headline="Nuguse Runs American Record In The Mile",
        authors=["Jane Runner"],
        body="Yared Nuguse ran an American record; Ingebrigtsen was "
        "third. The 1,500-meter world champion Josh Kerr watched.",
    ),
    dict(
        canonical_url=MULLER,
        headline="Müller wins the 5000m in Zürich",
        authors=[],
        body="Anna Müller took the 5000m at Weltklasse Zürich; rain fell on the 10:30 start.",
    ),
    dict(
        canonical_url=STEEPLE,
        headline="Steeplechase heats",
        authors=["Lori Shontz"],
        body="Heats of the steeplechase. Kerr did not run. Notes: NEAR record pace AND OR.",
    ),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("search") / "archive.db"
    crawler = make_crawler(path)
    stages = build_stages(crawler)
    for n, fields in enumerate(ARTICLES):
        url = fields["canonical_url"]
        art = article(url=url, dek=None, byline_raw=None, **fields)
        run_stages(stages, crawled(art, url=url, body=f"p{n}".encode()))
    stages[-1].close_spider()
    database = schema.open_db(path)
    yield database
    database.close()


def urls(hits: list[dict]) -> list[str]:
    return [h["canonical_url"] for h in hits]


def test_the_seed_query_finds_the_kerr_article_with_the_phrase_marked(db):
    hits = search(db, 'Ingebrigtsen "British record"')
    assert urls(hits) == [KERR]
    assert "broke the <mark>British record</mark> set 39 years ago" in hits[0]["snippet"]


def test_snippet_marks_come_from_the_caller(db):
    [hit] = search(db, "Cram", mark=("[", "]"))
    assert "[Cram]" in hit["snippet"]


def test_a_headline_hit_ranks_above_a_body_hit(db):
    assert urls(search(db, "Nuguse"))[0] == NUGUSE
    assert urls(search(db, "Kerr"))[0] == KERR


def test_results_carry_what_a_listing_shows(db):
    [hit] = search(db, "steeplechase")
    assert hit["headline"] == "Steeplechase heats"
    assert hit["authors"] == ["Lori Shontz"]
    assert hit["score"] < 0  # bm25: lower is better


def test_limit(db):
    assert len(search(db, "record", limit=1)) == 1
    with pytest.raises(SearchError):
        search(db, "record", limit=0)


# (typed query, canonical URLs expected in any order, or the start of the SearchError message)
HOSTILE = [
    ('Ingebrigtsen "British record"', {KERR}),
    ('"British record', {KERR}),  # unbalanced quote: a phrase to the end
    ('British record"', {KERR}),
    ('"', "Nothing to search for"),
    ('""', "Nothing to search for"),
    ('"""', "Nothing to search for"),
    ("Kerr's", {KERR}),  # apostrophe
    ("Kerr’s winning", {KERR}),  # typographic apostrophe
    ("“British record”", {KERR}),  # typographic quotes
    ("Jakob-Ingebrigtsen", {KERR}),  # hyphen: a phrase
    ("1,500-meter", {NUGUSE}),
    ("3:45.34", {KERR}),
    ("10:30", {MULLER}),
    ("-Kerr record", set()),  # excluded word
    ("record -Kerr", set()),
    ('record -"British record"', {NUGUSE, STEEPLE}),
    ("-Kerr", "Give at least one word"),
    ("NOT Kerr", "Give at least one word"),
    ("Kerr NOT Ingebrigtsen", {STEEPLE}),
    ("Nuguse OR Müller", {NUGUSE, MULLER}),
    ("Nuguse | steeplechase", {NUGUSE, STEEPLE}),
    ("OR", "Nothing to search for"),
    ("AND", "Nothing to search for"),
    ("AND OR NOT", "Nothing to search for"),
    ("Kerr AND", {KERR, NUGUSE, STEEPLE}),
    ("OR Kerr OR", {KERR, NUGUSE, STEEPLE}),
    ("NEAR(Kerr Cram)", {KERR}),
    ("NEAR", "Nothing to search for"),
    ("near record pace", {STEEPLE}),  # lowercase near is a word
    ("Ingebr*", {KERR, NUGUSE}),  # prefix
    ("*", "Nothing to search for"),
    ("**kerr**", {KERR, NUGUSE, STEEPLE}),
    ("^Kerr", {KERR, NUGUSE, STEEPLE}),
    ("(Kerr OR Nuguse) AND mile", {NUGUSE}),
    ("((((", "Nothing to search for"),
    ("headline:Kerr", {KERR}),
    ('title:"American record"', {NUGUSE}),
    ("author:shontz", {KERR, STEEPLE}),
    ("authors:shontz OR headline:zürich", {KERR, STEEPLE, MULLER}),
    ("headline:shontz", set()),
    ("nosuchcolumn:Kerr", set()),  # unknown column: just words
    ("body:", "Nothing to search for"),
    ("headline:", "Nothing to search for"),
    (":", "Nothing to search for"),
    ("Muller", {MULLER}),  # diacritics folded
    ("MÜLLER zurich", {MULLER}),
    ("ﬁnal", set()),  # ligature, NFKC
    ("北京 马拉松", set()),
    ("😀🏃", "Nothing to search for"),
    ("", "Nothing to search for"),
    ("   \t\n ", "Nothing to search for"),
    ("!@#$%^&*()_+-={}[]|\\:;'<>,.?/~`", "Nothing to search for"),
    ("'; DROP TABLE articles; --", set()),
    ("kerr\x00cram", {KERR}),  # control characters are spaces
    ("a" * 1001, "Query too long"),
    (" ".join(["kerr"] * 65), "Too many search terms"),
    ("records", {KERR, NUGUSE, STEEPLE}),  # porter stemming
    ("rank:1 OR bm25(x)", set()),
    ("{headline body}: kerr", set()),  # the word "headline", then body: kerr
    ("body: Cram", {KERR}),
]


@pytest.mark.parametrize(("query", "expected"), HOSTILE, ids=[repr(q[0])[:40] for q in HOSTILE])
def test_any_typed_text_searches_or_gives_a_one_line_message(db, query, expected):
    if isinstance(expected, str):
        with pytest.raises(SearchError) as err:
            search(db, query)
        message = str(err.value)
        assert message.startswith(expected)
        assert "\n" not in message
        assert len(message) < 200
    else:
        assert set(urls(search(db, query))) == expected


def test_the_sanitised_query_is_built_from_quoted_words_only():
    assert to_fts('Ingebrigtsen "British record"') == '"Ingebrigtsen" AND "British record"'
    assert to_fts("Kerr OR Nuguse mile") == '("Kerr" OR "Nuguse") AND "mile"'
    assert to_fts("mile -Kerr") == '("mile") NOT "Kerr"'
    assert to_fts("title:kerr Ingebr*") == 'headline : "kerr" AND "Ingebr" *'


def test_there_are_at_least_30_hostile_queries():
    assert len(HOSTILE) >= 30


def test_a_seed_text_archive_is_searchable(tmp_path):
    """The real seed article text (../shared/seed), when present, is found by the seed query."""
    seed = Path(__file__).resolve().parents[2] / "shared" / "seed"
    files = sorted(seed.glob("*.txt")) if seed.is_dir() else []
    if not files:
        pytest.skip("../shared/seed not present")
    crawler = make_crawler(tmp_path / "a.db")
    stages = build_stages(crawler)
    run_stages(stages, crawled(article(body=files[0].read_text(encoding="utf-8"), fetched_at=T1)))
    stages[-1].close_spider()
    with schema.open_db(tmp_path / "a.db") as db:
        [hit] = search(db, 'Ingebrigtsen "British record"')
    assert "<mark>" in hit["snippet"]
