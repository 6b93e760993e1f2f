"""The cheap tests that spare the costly ones in results_from_text must never skip a result.

Every mark form the prose reader knows is found by the mark hint (so a sentence without the hint
holds no mark); a clause with any flag passes the any-flag test; sentences still split where they
did; an article whose only result names a surname alone still resolves it (names read lazily).
"""

from __future__ import annotations

import pytest

from scraper.results.prose import (
    _ANY_FLAG,
    _FLAG_RULES,
    _MARK,
    _MARK_HINT,
    _SENT,
    _sentences_with_marks,
    results_from_text,
)

MARK_SENTENCES = [
    ("clock time", "Josh Kerr won in 3:45.34.", "3:45.34"),
    ("clock time without decimals", "Sifan Hassan won the marathon in 2:22:55.", "2:22:55"),
    ("hours with decimals", "Eliud Kipchoge ran 2:01:09.5 in Berlin.", "2:01:09.5"),
    ("seconds with a unit", "Sha'Carri Richardson won in 10.71 seconds.", "10.71"),
    ("seconds abbreviated", "Noah Lyles clocked 9.79s.", "9.79"),
    ("bare decimal after 'in'", "Noah Lyles won in 9.79, a fast time.", "9.79"),
    ("bare decimal after 'ran'", "Fred Kerley ran 9.81 in the final.", "9.81"),
    ("bare decimal after 'of'", "Julien Alfred finished with a time of 10.72.", "10.72"),
    ("bare decimal after 'clocked'", "Gabby Thomas clocked 21.83 in the 200.", "21.83"),
    ("bare decimal after 'timed'", "Oblique Seville was timed 9.88 in the heat.", "9.88"),
    ("metres glued", "Tara Davis-Woodhall jumped 7.10m to win.", "7.10m"),
    ("metres spelled", "Ryan Crouser threw 23.56 meters on his third try.", "23.56 meters"),
    ("metres British", "Yaroslava Mahuchikh cleared 2.10 metres.", "2.10 metres"),
    ("one-digit minutes", "Faith Kipyegon won in 3:49.04.", "3:49.04"),
]


@pytest.mark.parametrize(
    ("case", "sentence", "mark"), MARK_SENTENCES, ids=[c[0] for c in MARK_SENTENCES]
)
def test_every_mark_form_passes_the_hint(case: str, sentence: str, mark: str) -> None:
    found = [m.group(1) for m in _MARK.finditer(sentence)]
    assert found == [mark]
    assert _MARK_HINT.search(sentence)


# spelled-out metres are marks in the text but give no value (parse_mark reads "m" only): no row
READ_AS_RESULTS = [c for c in MARK_SENTENCES if not c[2].endswith(("meters", "metres"))]


@pytest.mark.parametrize(
    ("case", "sentence", "mark"), READ_AS_RESULTS, ids=[c[0] for c in READ_AS_RESULTS]
)
def test_a_result_among_sentences_without_marks_is_read(
    case: str, sentence: str, mark: str
) -> None:
    text = (
        "The crowd filled the stadium on Saturday. Conditions were calm.\n\n"
        f"{sentence} Nobody else came close."
    )
    assert [r["mark"] for r in results_from_text(text)] == [mark]


@pytest.mark.parametrize(
    "text",
    [
        "The 4x400 relay drew 12,000 fans.",
        "Results at 7 p.m. on 05.04.2025 were late.",  # a date is no mark, but passes the hint
        "",
    ],
)
def test_text_without_marks_has_no_results(text: str) -> None:
    assert results_from_text(text) == []


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("a personal best", "PB"),
        ("a lifetime-best", "PB"),
        ("a PR", "PB"),
        ("a season's best", "SB"),
        ("SB", "SB"),
        ("a world record", "WR"),
        ("a world-leading", "WL"),
        ("a meet record", "MR"),
        ("a facility record", "MR"),
        ("a British record", "NR"),
        ("a Kenyan record", "NR"),
        ("a Norwegian record", "NR"),
        ("NR", "NR"),
        ("a collegiate record", "CR"),
        ("an NCAA record", "CR"),
        ("a state record", "MR"),
    ],
)
def test_every_flag_rule_passes_the_any_flag_test(text: str, flag: str) -> None:
    assert _ANY_FLAG.search(text)
    assert flag in [f for rx, f in _FLAG_RULES if rx.search(text)]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("He won. She was second.", ["He won.", "She was second."]),
        ('He said "I won." Then he left.', ['He said "I won."', "Then he left."]),
        ("He said “I won.” “Then” he left.", ["He said “I won.”", "“Then” he left."]),
        ("Is it? Yes! Done.", ["Is it?", "Yes!", "Done."]),
        ("He won.  \t Twice.", ["He won.", "Twice."]),
        ("He won. then he left.", ["He won. then he left."]),  # no capital: no break
        ("3:45.34 was fast.\n\nNext line", ["3:45.34 was fast.", "Next line"]),
        ("one\ntwo", ["one", "two"]),
        ("St. Louis won", ["St.", "Louis won"]),
    ],
)
def test_sentence_breaks(text: str, sentences: list[str]) -> None:
    assert [s for s in _SENT.split(text) if s] == sentences


def test_a_surname_alone_resolves_to_the_full_name_given_earlier() -> None:
    text = (
        "Josh Kerr led at the bell.\n\nKerr won in 3:45.34, a British record. "
        "Kerr's winning time, 3:45.34, stood."
    )
    rows = results_from_text(text)
    assert [(r["athlete"], r["place"], r["mark"], r["flags"]) for r in rows] == [
        ("Josh Kerr", 1, "3:45.34", ["NR"])
    ]


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("won in 9.79", ["9.79"]),
        ("twin 9.79 cats", []),  # "in" must be a word of its own
        ("ran 19.58 there", ["19.58"]),
        ("clocked 9.8 flat", []),  # two decimals at least
        ("lap 2,3:45.34", []),  # glued to a number before it
        ("at 1.3:45.34", []),
        ("12:34:56.789 elapsed", ["12:34:56.789"]),
        ("3:456 is no time", []),  # three digits after the colon
        ("123:45.00 is no time", []),
        ("123.45m", ["123.45m"]),
        ("1234.56m", []),
        ("8.22 m and 6.90meters", ["8.22 m", "6.90meters"]),
        ("in 0.22 per cent and in 0.35% and of 1.25 million", []),
        ("in 9.79.5", []),
        ("10.71s then 10.72 secs then 10.73 seconds", ["10.71", "10.72", "10.73"]),
        ("3:45.34, 3:45.60 and 3:46.22", ["3:45.34", "3:45.60", "3:46.22"]),
    ],
)
def test_mark_boundaries(text: str, marks: list[str]) -> None:
    assert [m.group(1) for m in _MARK.finditer(text)] == marks


@pytest.mark.parametrize(
    "text",
    [
        "Kerr won in 3:45.34.\n\nThe crowd roared. Nuguse was third in 3:46.22.",
        "No marks here.\n\nNone here either.\nKerr won in 3:45.34. Next.",
        "Kerr won.\n \nNuguse ran 3:46.22.",  # a blank line holding a space
        "Kerr won. \nNuguse ran 3:46.22.",  # a space before the line break
        'Kerr won.\n\n\n\n"Nuguse ran 3:46.22."',
        "\n\nKerr ran 3:45.34\n",
        "",
    ],
)
def test_paragraphs_split_into_the_same_sentences(text: str) -> None:
    whole = [s for s in _SENT.split(text) if _MARK_HINT.search(s)]
    assert [s for s in _sentences_with_marks(text) if _MARK_HINT.search(s)] == whole
