"""The pure helpers of meet and athlete identity, table-driven: names as results print them
(scraper.text.people), teams, ages and classes by season, event disciplines
(scraper.results.disciplines) and meet names (scraper.text.meetnames)."""

from __future__ import annotations

import pytest

from scraper.results.disciplines import discipline_of
from scraper.text.meetnames import meet_name_match
from scraper.text.people import (
    fold,
    life_marks,
    life_match,
    name_match,
    parse_person,
    team_match,
)


@pytest.mark.parametrize(
    ("raw", "family", "given", "key"),
    [
        ("KERR, Josh", ("kerr",), ("josh",), "josh kerr"),
        ("Josh KERR", ("kerr",), ("josh",), "josh kerr"),
        ("Josh Kerr", ("kerr",), ("josh",), "josh kerr"),
        ("J. Kerr", ("kerr",), ("j",), "j kerr"),
        ("1 WILKINSON, Matthew", ("wilkinson",), ("matthew",), "matthew wilkinson"),  # a place
        ("( 15) Paul Timm SO", ("timm",), ("paul",), "paul timm"),  # a team score, a class
        ("Smith, John Jr", ("smith",), ("john",), "john smith"),
        ("Maximus (Max) Reid", ("reid",), ("maximus",), "maximus reid"),  # a nickname
        ("Müller, Anna-Lena", ("muller",), ("anna", "lena"), "anna lena muller"),
        ("Øystein SØRENSEN", ("sorensen",), ("oystein",), "oystein sorensen"),
        ("BREITIGAM,", ("breitigam",), (), "breitigam"),
    ],
)
def test_names_as_printed(raw, family, given, key):
    name = parse_person(raw)
    assert name is not None
    assert (name.family, name.given, name.key) == (family, given, key)


@pytest.mark.parametrize("raw", [None, "", "   ", "12", "( 3)"])
def test_no_name(raw):
    assert parse_person(raw) is None


def test_an_unordered_name_is_looked_up_both_ways():
    """German lists print "Huhn Sofia": family first, no comma."""
    assert {"huhn|s", "sofia|h"} <= parse_person("Huhn Sofia").block_keys()
    assert parse_person("KERR, Josh").block_keys() == {"josh kerr", "kerr|j"}


@pytest.mark.parametrize(
    ("a", "b", "how"),
    [
        ("KERR, Josh", "Josh Kerr", "exact"),
        ("Josh KERR", "josh kerr", "exact"),
        ("Huhn Sofia", "Sofia Huhn", "exact"),
        ("Marie-Josée Ta Lou", "Marie-Josee Ta Lou", "exact"),
        ("J. Kerr", "Josh Kerr", "initials"),
        ("Kerr, J.", "Josh Kerr", "initials"),
        ("Max Reid", "Maximus Reid", "prefix"),
        ("Kerr", "Josh Kerr", "surname only"),
        ("Marie-Josee Ta Lou", "Marie-Josée Ta Lou-Smith", "subset"),
        ("McLntosh, Stuart", "McIntosh, Stuart", "spelling"),
        ("John Smith", "Jane Smith", "different"),
        ("Tan, Emma", "Tan, Emily", "different"),
        ("Josh Kerr", "Jake Wightman", "different"),
    ],
)
def test_name_match(a, b, how):
    score, found = name_match(parse_person(a), parse_person(b))
    assert found == how
    assert (score > 0) == (how != "different")


@pytest.mark.parametrize(
    ("a", "b", "how"),
    [
        ("NOR", "Norway", "same"),
        ("GBR", "Great Britain", "same"),
        ("St. Olaf College", "St. Olaf", "same"),
        ("Saint John's University", "St. John's (Minn.)", "same"),
        ("Mountain Vista High School", "Mountain Vista HS", "same"),
        ("United States 'A'", "United States", "same"),
        ("NATIONAL UNI", "National University of Singapore", "cut short"),
        ("Huntington R", "Huntington Ross", "cut short"),
        ("Great Britain", "Brooks Beasts", "different"),
        ("Carleton", None, "unknown"),
    ],
)
def test_team_match(a, b, how):
    assert team_match(a, b)[1] == how


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        # a college class advances with the season: a sophomore of fall 2015 is a junior of 2016
        (("SO", "2015-10-31"), ("JR", "2016-10-29"), "consistent"),
        (("SO", "2015-10-31"), ("SO", "2016-10-29"), "consistent"),  # a redshirt year
        (("FR", "2015-10-31"), ("SR", "2016-10-29"), "inconsistent"),
        # a school grade: grade 11 in spring 2018 is grade 12 in the fall
        (("11", "2018-03-29"), ("12", "2018-09-15"), "consistent"),
        (("9", "2018-03-29"), ("12", "2018-09-15"), "inconsistent"),
        # an age at the meet's date, a birth year as printed (German "Jg")
        (("26", "2024-05-25"), ("25", "2023-05-27"), "consistent"),
        (("26", "2024-05-25"), ("1998", None), "consistent"),
        (("1999", None), ("2001", None), "inconsistent"),
        (("M48", "2019-07-06"), ("1971", None), "consistent"),
        (("26", "2024-05-25"), ("SR", "2024-04-01"), "unknown"),
        ((None, "2024-05-25"), ("26", "2024-05-25"), "unknown"),
    ],
)
def test_ages_and_classes_by_season(a, b, verdict):
    assert life_match(life_marks(*a), life_marks(*b)) == verdict


@pytest.mark.parametrize(
    ("event", "key"),
    [
        ("Men Bowerman Mile", "mile"),
        ("Bowerman Mile", "mile"),
        ("Varsity Boys 2 Mile", "2 mile"),
        ("Women 100 Meter Dash", "100m"),
        ('Boys 110 Meter Hurdles 39"', "110mh"),
        ("M50 400 Long Hurdles (0.840m)", "400mh"),
        ("3000m Hindernis, Frauen + U23", "3000m sc"),
        ("5000m Bahngehen männlich", "5000m walk"),
        ("HS Varsity Girls 5K", "5km"),
        ("MEN • 8 Kilometers (4.97 Miles)", "8km"),
        ("Mens 5,000 Meters Sweepstakes", "5000m"),
        ("Women 4x100 Meter Relay", "4x100m"),
        ("Men Long Jump", "long jump"),
        ("Girls Discus Throw", "discus"),
        ("Results", None),
    ],
)
def test_disciplines(event, key):
    assert discipline_of(event) == key


@pytest.mark.parametrize(
    ("a", "b", "matches"),
    [
        ("Eugene Diamond League - Nike Prefontaine Classic", "Prefontaine Classic", True),
        ("Nike Prefontaine Classic", "Prefontaine Classic", True),
        ("Pre Classic", "Prefontaine Classic", True),
        ("MIAC XC Champs", "MIAC Cross Country Championships", True),
        ("Oregon Relays", "Penn Relays", False),
        ("Results", "Meet Results", False),  # generic words only: no meet's name
    ],
)
def test_meet_names(a, b, matches):
    assert (meet_name_match(a, b)[0] >= 0.85) is matches


def test_fold():
    assert fold("Marie-Josée TA LOU") == "marie josee ta lou"
    assert fold("Sha'Carri Richardson") == "sha'carri richardson"
    assert fold("Łukasz Ærø") == "lukasz aero"
