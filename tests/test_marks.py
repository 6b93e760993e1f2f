"""Marks as printed -> typed values (table-driven)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.results.marks import (
    INCH,
    Mark,
    _fast,
    _slow,
    feet_inches_metres,
    parse_mark,
    parse_wind,
    split_attempt,
    tiebreak_of,
    time_seconds,
    wind_in,
)
from scraper.results.statuses import status_of

# raw, unit hint, value, unit, timing, status, qualifier, flags
MARKS = [
    ("10.45", None, 10.45, "s", "FAT", None, None, []),
    ("9:34", None, 574.0, "s", None, None, None, []),
    ("4:05.2", None, 245.2, "s", None, None, None, []),
    ("1:02:03.45", None, 3723.45, "s", "FAT", None, None, []),
    ("2:10:05", None, 7805.0, "s", None, None, None, []),
    ("10秒52", None, 10.52, "s", "FAT", None, None, []),  # Japanese and Chinese units
    ("4分32秒00", None, 272.0, "s", "FAT", None, None, []),
    ("2時間9分3秒", None, 7743.0, "s", None, None, None, []),
    ("10:28.89", None, 628.89, "s", "FAT", None, None, []),
    ("1:59.31R", None, 119.31, "s", "FAT", None, None, ["R"]),
    ("10.45Q", None, 10.45, "s", "FAT", None, "Q", []),
    ("3:45.34NR", None, 225.34, "s", "FAT", None, None, ["NR"]),
    ("10.62q", None, 10.62, "s", "FAT", None, "q", []),
    ("21.3h", None, 21.3, "s", "hand", None, None, []),
    ("10.8H", None, 10.8, "s", "hand", None, None, []),
    ("3:45.34 NR", None, 225.34, "s", "FAT", None, None, ["NR"]),
    ("12.301 PB", None, 12.301, "s", "FAT", None, None, ["PB"]),  # thousandths: FAT too
    ("1:02.741q", None, 62.741, "s", "FAT", None, "q", []),
    ("13.10 PB SB", None, 13.1, "s", "FAT", None, None, ["PB", "SB"]),
    ("8:18:72", None, None, None, None, None, None, []),  # misprint: 72 s is no clock value
    ("1:75.00", None, None, None, None, None, None, []),
    ("98-07", None, 30.0482, "m", None, None, None, []),
    ("4-10.00", None, 1.4732, "m", None, None, None, []),
    ("16-02.50", None, 4.9403, "m", None, None, None, []),
    ("34-06.75", None, 10.5347, "m", None, None, None, []),
    ("117-9", None, 35.8902, "m", None, None, None, []),
    ("5' 2\"", None, 1.5748, "m", None, None, None, []),
    ("4' 10\"", None, 1.4732, "m", None, None, None, []),
    ("10.61m", None, 10.61, "m", None, None, None, []),
    ("J1.95m", None, 1.95, "m", None, None, None, ["J"]),  # Hy-Tek: a tie judged
    ("6,12 w", None, 6.12, "s", "FAT", None, None, ["W"]),  # wind-aided
    # Italian and French prime notation: seconds"fraction, minutes', hours h
    ('10"8', None, 10.8, "s", None, None, None, []),
    ('47"12', None, 47.12, "s", "FAT", None, None, []),
    ("1'52\"30", None, 112.3, "s", "FAT", None, None, []),
    ("2h08'33\"", None, 7713.0, "s", None, None, None, []),
    ("15'40\"", None, 940.0, "s", None, None, None, []),  # 40 inches: minutes and seconds
    ("1h02:33", None, 3753.0, "s", None, None, None, []),
    ("5' 10\"", None, 1.778, "m", None, None, None, []),  # no fraction: feet and inches
    ("J10.52", None, 10.52, "s", "FAT", None, None, ["J"]),
    ("x1:52.90", None, 112.9, "s", "FAT", None, None, ["x"]),  # Hy-Tek: an exhibition mark
    ("6.03m", None, 6.03, "m", None, None, None, []),
    ("45.20", "m", 45.2, "m", None, None, None, []),
    ("91.50", "points", 91.5, "points", None, None, None, []),
    ("5 412", "points", 5412.0, "points", None, None, None, []),  # thousands parted
    ("5,412", "points", 5412.0, "points", None, None, None, []),  # (a score has no 3 decimals)
    ("5.412", "points", 5412.0, "points", None, None, None, []),
    ("DNF", None, None, None, None, "DNF", None, []),
    ("DNS", None, None, None, None, "DNS", None, []),
    ("DQ", None, None, None, None, "DQ", None, []),
    ("DSQ", None, None, None, None, "DQ", None, []),
    ("NH", None, None, None, None, "NM", None, []),
    ("NM", None, None, None, None, "NM", None, []),
    ("FOUL", None, None, None, None, "NM", None, []),
    ("FS", None, None, None, None, "FS", None, []),
    ("NT", None, None, None, None, "NT", None, []),
    ("SCR", None, None, None, None, "SCR", None, []),
    ("37.62DQ", None, None, None, None, "DQ", None, []),
    ("DQ 168.7(a)", None, None, None, None, "DQ", None, []),  # the rule it broke cited
    ("221.045", "km", 221045.0, "m", None, None, None, []),  # a timed race's distance
    ("221.045 km", "km", 221045.0, "m", None, None, None, []),
    ("DQ 163.3a", None, None, None, None, "DQ", None, []),
    ("", None, None, None, None, None, None, []),
    ("Smith", None, None, None, None, None, None, []),
    ("1:5", None, None, None, None, None, None, []),  # seconds print two digits: a time cut short
    ("12:3.4", None, None, None, None, None, None, []),
]


@pytest.mark.parametrize(
    ("raw", "hint", "value", "unit", "timing", "status", "qual", "flags"),
    MARKS,
    ids=[m[0] or "<empty>" for m in MARKS],
)
def test_parse_mark(raw, hint, value, unit, timing, status, qual, flags):
    mk = parse_mark(raw, hint)
    if value is None:
        assert mk.value is None
    else:
        assert mk.value == pytest.approx(value, abs=1e-4)
        assert mk.unit == unit
    assert mk.timing == timing
    assert mk.status == status
    assert mk.qualifier == qual
    assert mk.flags == flags


def test_raw_is_kept():
    assert parse_mark(" 1:59.31R ").raw == "1:59.31R"
    assert parse_mark("NH").raw == "NH"


def test_inch_is_exactly_254_hundredths_of_a_millimetre():
    # 98 ft 7 in = 1183 in = 30.0482 m exactly
    assert feet_inches_metres("98-07") == pytest.approx(1183 * 0.0254, abs=1e-9)
    assert feet_inches_metres("5-13") is None  # 13 inches is no inch value


@pytest.mark.parametrize(
    ("raw", "seconds"),
    [
        ("59.99", 59.99),
        ("1:00.00", 60.0),
        ("12:38.35", 758.35),
        ("1:00:00", 3600.0),
        ("2:03:59.1", 7439.1),
        ("60.5", 60.5),
        ("0:59", 59.0),
        ("1:60", None),
        ("abc", None),
    ],
)
def test_time_seconds(raw, seconds):
    assert time_seconds(raw) == (pytest.approx(seconds) if seconds is not None else None)


@pytest.mark.parametrize(
    ("raw", "value", "flags"),
    [
        ("+0.8", 0.8, []),
        ("-1.2", -1.2, []),
        ("0.0", 0.0, []),
        ("-0.0", 0.0, []),
        ("2.4", 2.4, []),
        ("NWI", None, ["NWI"]),
        ("(+1.1)", 1.1, []),
        ("w: +2.1", 2.1, []),
        ("", None, []),
        ("+1,3", 1.3, []),
        ("+2.4w", 2.4, []),  # marked wind-aided
        ("calm", None, []),
    ],
)
def test_parse_wind(raw, value, flags):
    assert parse_wind(raw) == (value, flags)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("4.70m(+0.0)", ("4.70m", 0.0)),
        ("FOUL(-0.3)", ("FOUL", -0.3)),
        ("X", ("X", None)),
        ("4.27m(0.1)", ("4.27m", 0.1)),
        ("5,60/-0,2", ("5,60", -0.2)),  # German lists: the wind after a slash
        ("11.80/NWI", ("11.80", None)),
    ],
)
def test_split_attempt(raw, expected):
    assert split_attempt(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12.301", True),
        ("1:02.741", True),
        ("10", False),
        ("2.50", False),
        ("117-9", False),
    ],
)
def test_tiebreak_thousandths(raw, expected):
    assert tiebreak_of(raw) is expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("dnf", "DNF"),
        ("D.Q.", "DQ"),
        ("Scratch", "SCR"),
        ("no height", "NM"),
        ("Retired", "DNF"),
        ("Rtd", "DNF"),
        ("12.1", None),
        # the words German, French, Nordic, Dutch, Spanish and Italian lists print
        ("aufg.", "DNF"),
        ("disq.", "DQ"),
        ("o.g.V.", "NM"),
        ("Abandon", "DNF"),
        ("NP", "DNS"),
        ("Abs", "DNS"),
        ("AB", None),  # Alberta
        ("Ab.", "DNF"),  # abandon, abandono: with its dot
        ("DQ (FS)", "DQ"),  # its reason in brackets
        ("Squal. (R.17.2.3)", "DQ"),
        ("Brøt", "DNF"),
        ("Ej start", "DNS"),
        ("Disk", "DQ"),
        ("Opg.", "DNF"),
        ("Ret.", "DNF"),
        ("Squal.", "DQ"),
        ("SQ", "DQ"),  # squalificato
        ("N.M.", "NM"),
        ("N.C.", "DNF"),  # non classé
        ("n.a.", "DNS"),  # nicht angetreten
        ("No pres.", "DNS"),  # no presentado
        ("NC", None),  # North Carolina
        ("Diskus", None),
        # Czech, Finnish, Danish, Portuguese and Polish
        ("nenastoupil", "DNS"),
        ("nedokončil", "DNF"),
        ("diskval.", "DQ"),
        ("bez platného pokusu", "NM"),
        ("kesk.", "DNF"),
        ("hyl.", "DQ"),
        ("Udgået", "DNF"),
        ("Desistiu", "DNF"),
        ("Não Partiu", "DNS"),
        ("Desclassificado", "DQ"),
        ("nie ukończył", "DNF"),
        ("nu", "DNF"),  # Polish, in lower case: 'nie ukończył', 'nie startował', 'bez zaliczenia'
        ("ns", "DNS"),
        ("bz", "NM"),
        ("NU", None),  # Nunavut
        ("NS", None),  # Nova Scotia
        ("Retirada", "DNF"),  # Spanish
        ("Sin marca", "NM"),
        ("No presentada", "DNS"),  # a woman's, as Spanish lists print it
        ("Descalificada", "DQ"),
        ("s.m.", "NM"),  # sin marca, only with its dots ('SM' is a senior man)
        ("SM", None),
        ("Ritirata", "DNF"),  # Italian, a woman's
        ("Non partita", "DNS"),
        ("bez wyniku", "NM"),  # Polish
        ("DK", None),  # Denmark
        ("feladta", "DNF"),  # Hungarian, Swedish, Portuguese
        ("nem indult", "DNS"),
        ("kizárva", "DQ"),
        ("Utgått", "DNF"),
        ("Diskad", "DQ"),
        ("DESCL", "DQ"),
        ("Ausente", "DNS"),
        ("AUS", None),  # Australia
        ("Assente", "DNS"),  # Italian, Swedish
        ("Ass.", "DNS"),
        ("ASS", None),
        ("Ej fullf.", "DNF"),
        ("Ei startannut", "DNS"),  # Finnish
        ("ei tulosta", "NM"),
        ("欠場", "DNS"),  # Japanese, Chinese, Korean
        ("途中棄権", "DNF"),
        ("失格", "DQ"),
        ("弃权", "DNS"),
        ("실격", "DQ"),
        ("无成绩", "NM"),
        ("犯规", "DQ"),
        ("сошла", "DNF"),  # Russian
        ("н/я", "DNS"),
        ("дискв.", "DQ"),
        ("б/р", "NM"),
        ("لم يبدأ", "DNS"),  # Arabic
        ("مستبعد", "DQ"),
        ("استبعاد", "DQ"),
        ("Forfait", "DNS"),  # French
        ("Nulo", "NM"),  # Spanish
        ("n.o.", "DNS"),  # Dutch niet opgekomen
        ("NO", None),
        ("Desclassificada", "DQ"),  # Portuguese
        ("odustala", "DNF"),  # Croatian
        ("nije nastupila", "DNS"),
        ("Neprezentat", "DNS"),  # Romanian
        ("Descalificată", "DQ"),
        ("Diskalifiye", "DQ"),  # Turkish
        ("Abandona", "DNF"),  # Catalan
        ("ei läht.", "DNS"),  # Finnish
        ("Retired at CP3 (58.2 km)", "DNF"),  # its reason after it
        ("DNF after lap 3", "DNF"),
        ("Opgave", "DNF"),  # Dutch
        ("Ingen gyldige", "NM"),  # Norwegian: no valid attempt
        ("Utan res.", "NM"),  # Swedish: utan resultat
        ("AB / DNF", "DNF"),  # in two languages
        ("NP / DNS", "DNS"),
        ("Josh at home", None),
    ],
)
def test_status_words(raw, expected):
    assert status_of(raw) == expected


# --- the fast path (marks._fast) agrees with the general one (marks._slow) ----------------------
# _fast reads the common shapes with two regexes and skips the general path; whatever it reads, the
# general path must read the same. Marks are generated with the value they stand for, so both are
# also checked against it.
HINTS = st.sampled_from([None, "s", "m", "points"])


@st.composite
def times(draw: st.DrawFn) -> tuple[str, float | None, bool]:
    """(text, seconds or None for no clock value, a shape _fast reads) for h:mm:ss.ff, m:ss.ff,
    ss.ff, with out-of-range minutes/seconds now and then and 1-3 decimals."""
    shape = draw(st.sampled_from(["h:mm:ss.ff", "m:ss.ff", "ss.ff"]))
    frac = draw(st.from_regex(r"\d{1,3}", fullmatch=True))
    sec = draw(st.integers(0, 99 if shape == "ss.ff" else 75))
    mins = draw(st.integers(0, 75 if shape == "h:mm:ss.ff" else 99))
    hours = draw(st.integers(1, 23))
    if shape == "ss.ff":
        text, valid = f"{sec:0{draw(st.sampled_from([1, 2]))}d}.{frac}", True
        total = sec
    elif shape == "m:ss.ff":
        text, valid = f"{mins}:{sec:02d}.{frac}", sec < 60
        total = 60 * mins + sec
    else:
        text, valid = f"{hours}:{mins:02d}:{sec:02d}.{frac}", sec < 60 and mins < 60
        total = 3600 * hours + 60 * mins + sec
    value = round(total + int(frac) / 10 ** len(frac), 4) if valid else None
    return text, value, valid


@st.composite
def feet_inches(draw: st.DrawFn) -> tuple[str, float | None, bool]:
    """(text, metres or None for no inch value, a shape _fast reads) for 23-04, 23-4.5, 16-02.50,
    7'2", 7' 2.25", with 12+ inches now and then."""
    feet = draw(st.integers(1, 299))
    style = draw(st.sampled_from(["dash2", "dash1", "quotes", "quotes-space"]))
    inches = draw(st.integers(0, 13 if style.startswith("dash") else 11))  # (15'40": a time)
    frac = draw(st.sampled_from(["", "5", "25", "75", "0", "00"]))
    num = f"{inches}.{frac}" if frac else f"{inches}"
    if style == "dash2":
        text = f"{feet}-{inches:02d}" + (f".{frac}" if frac else "")
    elif style == "dash1":
        text = f"{feet}-{num}"
    elif style == "quotes":
        text = f"{feet}'{num}\""
    else:
        text = f"{feet}' {num}\""
    exact = inches + (int(frac) / 10 ** len(frac) if frac else 0)
    valid = inches < 12
    fast = style == "dash2" or (style == "dash1" and inches >= 10)
    return text, round((feet * 12 + exact) * INCH, 6) if valid else None, fast and valid


@st.composite
def metres(draw: st.DrawFn) -> tuple[str, float | None, bool]:
    """(text, metres, False) for 8.95m, 65.43 m, 195cm: shapes _fast leaves to the general path."""
    whole, frac = draw(st.integers(1, 99)), draw(st.integers(0, 99))
    if draw(st.booleans()):
        return f"{whole}{draw(st.sampled_from(['', ' ']))}cm", round(whole / 100, 4), False
    return f"{whole}.{frac:02d}{draw(st.sampled_from(['m', ' m']))}", whole + frac / 100, False


def _typed(mk: Mark) -> tuple:
    return mk.value, mk.unit, mk.timing, mk.status, mk.qualifier, mk.flags


@settings(max_examples=500, deadline=None)
@given(case=st.one_of(times(), feet_inches(), metres()), hint=HINTS)
def test_fast_and_slow_mark_paths_agree(case: tuple[str, float | None, bool], hint: str | None):
    text, value, fast_shape = case
    fast, slow = _fast(text, hint), _slow(text, text, hint)
    if fast is not None:
        assert _typed(fast) == _typed(slow)
    is_time = ":" in text or ("-" not in text and "'" not in text and "m" not in text)
    if is_time and hint in ("m", "points"):
        return  # a bare number under a distance/points hint is no time: not this test's business
    if fast_shape and (hint in (None, "s") or not is_time):
        assert fast is not None, "the fast path should read this shape"
    mark = parse_mark(text, hint)
    if value is None:
        assert mark.value is None
    else:
        assert mark.value == pytest.approx(value, abs=1e-9)
        assert mark.unit == ("s" if is_time else "m")


@pytest.mark.parametrize(
    ("text", "wind", "rest"),
    [
        ("100m Men Final (wind +0.6)", 0.6, "100m Men Final"),
        ("100 m mężczyzn - finał   wiatr: -0.6", -0.6, "100 m mężczyzn - finał"),
        ("100 m muži  vítr: +1.1", 1.1, "100 m muži"),
        (
            "Women 100m Hurdles / Femmes 100m haies  Wind/Vent: +1.7",
            1.7,
            "Women 100m Hurdles / Femmes 100m haies",
        ),  # fmt: skip
        ("Women 100m (w +0.7)", 0.7, "Women 100m"),
        ("Heat 1  Vind: +1,1", 1.1, "Heat 1"),
        ("Wind: -0.4 m/s", -0.4, ""),
        ("Weitsprung Männer", None, "Weitsprung Männer"),
        ("Women 100m  (w: +1.9)", 1.9, "Women 100m"),
        ("女子100米栏 决赛   风速：-0.4", -0.4, "女子100米栏 决赛"),
        ("남자 200m 결승 (풍속: +0.8)", 0.8, "남자 200m 결승"),
        ("100m 決勝 風速:+1.2", 1.2, "100m 決勝"),
        ("W 100m", None, "W 100m"),
        ("100 U17M A (+1.2)", 1.2, "100 U17M A"),  # a signed wind in brackets closing a title
        ("100 SW (-0.4)", -0.4, "100 SW"),
        ("Shot Put (4.0)", None, "Shot Put (4.0)"),  # unsigned: no wind
        ("Fiú 100 m   Döntő   Szél: -0,3 m/s", -0.3, "Fiú 100 m Döntő"),  # Hungarian
        ("100 m Muškarci (vjetar: +0,5)", 0.5, "100 m Muškarci"),  # Croatian
        ("100m Erkekler  Rüzgar: +0.6", 0.6, "100m Erkekler"),  # Turkish
        ("100 m Băieți  Vânt: -0,4", -0.4, "100 m Băieți"),  # Romanian
        ("100μ. Ανδρών  Άνεμος: +0.6", 0.6, "100μ. Ανδρών"),  # Greek
        ("Бег 100 м. Женщины  Ветер: +0,8 м/с", 0.8, "Бег 100 м. Женщины"),  # Russian
        ("100 متر رجال (الرياح: +0.9 م/ث)", 0.9, "100 متر رجال"),  # Arabic
    ],
)
def test_wind_in_a_title(text, wind, rest):
    assert wind_in(text) == (wind, rest)
