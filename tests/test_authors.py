"""Bylines and author lists -> people; outlets kept apart, everything else dropped."""

import pytest

from scraper.text.authors import agencies_in, clean_authors, split_byline

BYLINES = [
    # (raw, people, outlet)
    ("By Lori Shontz for DyeStat", ["Lori Shontz"], "DyeStat"),
    ("By Lori Shontz for DyeStat ", ["Lori Shontz"], "DyeStat"),
    ("BY LORI SHONTZ", ["Lori Shontz"], None),
    ("Lori Shontz", ["Lori Shontz"], None),
    ("By Doug Binder and Lori Shontz for DyeStat", ["Doug Binder", "Lori Shontz"], "DyeStat"),
    ("Jane Doe, John Smith and Mary Major", ["Jane Doe", "John Smith", "Mary Major"], None),
    ("Jane Doe, John Smith, and Mary Major", ["Jane Doe", "John Smith", "Mary Major"], None),
    ("Jane Doe & John Smith", ["Jane Doe", "John Smith"], None),
    ("By Jane Doe with John Smith", ["Jane Doe", "John Smith"], None),
    ("By Jane Doe | Staff Writer", ["Jane Doe"], None),
    ("By Jane Doe, Staff Writer", ["Jane Doe"], None),
    ("By Jane Doe, Special Correspondent", ["Jane Doe"], None),
    ("By Jane Doe\nSenior Correspondent", ["Jane Doe"], None),
    ("By Jane Doe jane.doe@example.com", ["Jane Doe"], None),
    ("Jane Doe (jdoe@example.com) Email the author", ["Jane Doe"], None),
    ("By Jane Doe Follow me on Twitter @janedoe", ["Jane Doe"], None),
    ("By Jane Doe; Photos by Bob Roe", ["Jane Doe"], None),
    ("Photos by John Nepolitan", [], None),
    ("By Jane Doe, AP", ["Jane Doe"], "AP"),
    ("By Jane Doe | Reuters", ["Jane Doe"], "Reuters"),
    ("The Associated Press", [], "The Associated Press"),
    ("Reuters", [], "Reuters"),
    ("By Jane Doe and John Smith of The Oregonian", ["Jane Doe", "John Smith"], "The Oregonian"),
    ("Doug Binder / DyeStat.com", ["Doug Binder"], "DyeStat.com"),
    ("By DyeStat Staff", [], "DyeStat"),
    ("By Erin Walsh, DyeStat Correspondent", ["Erin Walsh"], "DyeStat"),
    ("By Erin Walsh | DyeStat Staff Writer", ["Erin Walsh"], "DyeStat"),
    ("Staff", [], None),
    ("Staff Report", [], None),
    ("By Ludwig van Beethoven", ["Ludwig van Beethoven"], None),
    ("By Mary-Kate O'Neil", ["Mary-Kate O'Neil"], None),
    ("Von Anna Müller und Jan Schmidt", ["Anna Müller", "Jan Schmidt"], None),
    ("Par Jean Dupont", ["Jean Dupont"], None),
    # roles after a name, and the affiliation that follows a role
    (
        "Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology "
        "Project",
        ["Daniel Kahn Gillmor"],
        "Technology Project",
    ),
    ("By Jane Doe, Chief Sports Writer, and John Roe, AP", ["Jane Doe", "John Roe"], "AP"),
    ("By Jane Doe, Deputy Sports Editor", ["Jane Doe"], None),
    ("Jane Doe, Associate Professor, Stanford University", ["Jane Doe"], None),
    # a date printed in the byline, a joint byline in brackets
    ("By GILLIAN MOHNEY March 11, 2015 3:46 PM", ["Gillian Mohney"], None),
    ("Von Anna Müller, 12.05.2024, 14:30 Uhr", ["Anna Müller"], None),
    (
        "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
        ["Martin Untersinger", "Damien Leloup", "Morgane Tual"],
        None,
    ),
    ("", [], None),
]


@pytest.mark.parametrize(
    ("raw", "people", "outlet"), BYLINES, ids=[b[0] or "empty" for b in BYLINES]
)
def test_split_byline(raw: str, people: list[str], outlet: str | None) -> None:
    assert split_byline(raw) == (people, outlet)


AUTHOR_LISTS = [
    (["Jane Doe", "jane doe", "JANE DOE"], ["Jane Doe"]),
    (["Jane Doe and John Smith"], ["Jane Doe", "John Smith"]),
    (["Doe, Jane"], ["Jane Doe"]),
    (["https://example.com/author/jane-doe", "Jane Doe"], ["Jane Doe"]),
    (["jane@example.com", "Jane Doe"], ["Jane Doe"]),
    (["DyeStat", "DyeStat.com", "Associated Press", "Jane Doe"], ["Jane Doe"]),
    (["By Bob Roe", "Staff"], ["Bob Roe"]),
    (["张三"], ["张三"]),
    (["Le Figaro et AFP", "Der Postillon", "Daniel Le Roux"], ["Daniel Le Roux"]),
    (["Elena Oberholzer (obe)", "신현주 기자"], ["Elena Oberholzer", "신현주"]),
    (["Redaktion: Roman Warschauer und Marcel Sommer"], ["Roman Warschauer", "Marcel Sommer"]),
    ([], []),
]


@pytest.mark.parametrize(
    ("names", "expected"), AUTHOR_LISTS, ids=["|".join(a[0]) or "empty" for a in AUTHOR_LISTS]
)
def test_clean_authors(names: list[str], expected: list[str]) -> None:
    assert clean_authors(names) == expected


AGENCIES = [
    # (author list, byline, agencies): kept apart from the people
    (["Adam Vidler", "AP"], None, ["AP"]),
    ([], "By Felix Schröder und Jörg Soldwisch, dpa", ["dpa"]),
    (["Paula Steiger; SDA"], None, ["SDA"]),
    ([], "By Jane Doe | Reuters", ["Reuters"]),
    (["The Associated Press"], None, ["The Associated Press"]),
    ([], "By Jane Doe for DyeStat", []),  # an outlet, no agency
    (["Jane Doe", "Gear Team"], None, []),
]


@pytest.mark.parametrize(("names", "byline", "expected"), AGENCIES)
def test_agencies_kept_apart(names: list[str], byline: str | None, expected: list[str]) -> None:
    assert agencies_in(names, byline) == expected
    assert not set(clean_authors(names)) & set(expected)  # never among the people
