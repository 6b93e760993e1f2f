"""Notation results documents print across countries: marks, meet dates, federation categories and
column header words (table-driven)."""

from __future__ import annotations

import pytest

from scraper.results import parse_document, to_contract
from scraper.results.categories import Category, category_of, with_year
from scraper.results.dates import date_in, date_order, dayfirst_of
from scraper.results.headers import field_of, header_language
from scraper.results.marks import parse_mark
from scraper.results.meetinfo import names_meet, venue_apart
from scraper.results.model import Meet, gender_of, round_of, sex_of, unit_hint_of
from scraper.results.sections import is_event_title

# raw, value, unit
EUROPEAN_MARKS = [
    ("2,23,62", 143.62, "s"),  # minutes, seconds, hundredths (Norwegian organisers)
    ("7,54,96", 474.96, "s"),
    ("8.31,23", 511.23, "s"),  # Finnish: minutes.seconds,hundredths
    ("9:24,90", 564.9, "s"),  # German: comma decimals
    ("10,45", 10.45, "s"),
    ("11:47,97 min", 707.97, "s"),  # a unit word after the mark
    ("10,45 s", 10.45, "s"),
    ("1:02:03,4", 3723.4, "s"),
    ("1,02,03,45", 3723.45, "s"),
    ("7,45m", 7.45, "m"),
    ("45,20 m", 45.2, "m"),
    ("21.3h", 21.3, "s"),  # a glued h is still a hand time
    ("13-6¼", 4.12115, "m"),  # feet-inches with a printed fraction (FlashResults, Hy-Tek)
    ("12-2½", 3.7211, "m"),
    ("20-3¾", 6.19125, "m"),
]


@pytest.mark.parametrize(
    ("raw", "value", "unit"), EUROPEAN_MARKS, ids=[m[0] for m in EUROPEAN_MARKS]
)
def test_european_marks(raw: str, value: float, unit: str):
    mk = parse_mark(raw)
    assert (mk.value, mk.unit) == (value, unit)


def test_a_clock_that_cannot_be_one_is_no_mark():
    assert parse_mark("2,75,10").value is None  # 75 seconds


# text, dayfirst, (as printed, ISO day)
DATES = [
    ("Groß-Gerau, 03.09.2016", False, ("03.09.2016", "2016-09-03")),
    ("24.01.2026", False, ("24.01.2026", "2026-01-24")),
    ("Regensburg, am 10./11.06.2017", False, ("10./11.06.2017", "2017-06-10")),
    ("Jyväskylä, 07.-08.06.2025", False, ("07.-08.06.2025", "2025-06-07")),
    ("07/04/2018", False, ("07/04/2018", "2018-07-04")),  # US: month first
    ("07/04/2018", True, ("07/04/2018", "2018-04-07")),  # a European document: day first
    ("18/1/2020", False, ("18/1/2020", "2020-01-18")),  # 18 cannot be a month
    ("11-04-12", False, ("11-04-12", "2012-11-04")),
    ("11-04-12", True, ("11-04-12", "2012-04-11")),
    ("Loveland, CO - 9/26/2025", False, ("9/26/2025", "2025-09-26")),
    # a meet's days from first to last: all of them printed, dated by the first
    (
        "Big Prairie Championships - 5/14/2026 to 5/16/2026",
        False,
        ("5/14/2026 to 5/16/2026", "2026-05-14"),
    ),
    ("24.01.2026 - 25.01.2026  Seite 1", False, ("24.01.2026 - 25.01.2026", "2026-01-24")),
    ("Sunday, October 31, 2010 at 8:30 a.m.", False, ("October 31, 2010", "2010-10-31")),
    ("Sep 26, 2025", False, ("Sep 26, 2025", "2025-09-26")),
    # over two days of two months: the first day
    ("31 May – 1 June 2025", False, ("31 May – 1 June 2025", "2025-05-31")),
    ("May 31 - June 1, 2025", False, ("May 31 - June 1, 2025", "2025-05-31")),
    # a range's days joined by a word: its first day
    ("14 y 15 de junio de 2025", False, ("14 y 15 de junio de 2025", "2025-06-14")),
    ("11 al 13 de julio de 2025", False, ("11 al 13 de julio de 2025", "2025-07-11")),
    ("14 et 15 juin 2025", False, ("14 et 15 juin 2025", "2025-06-14")),
    ("14. und 15. Juni 2025", False, ("14. und 15. Juni 2025", "2025-06-14")),
    ("June 14 and 15, 2025", False, ("June 14 and 15, 2025", "2025-06-14")),
    ("30th - 31st August 2018", False, ("30th - 31st August 2018", "2018-08-30")),
    ("THU 6 JUN 2019 21:27", False, ("6 JUN 2019", "2019-06-06")),
    ("10. Juni 2017", False, ("10. Juni 2017", "2017-06-10")),
    ("3 septembre 2016", False, ("3 septembre 2016", "2016-09-03")),
    ("2017-06-10", False, ("2017-06-10", "2017-06-10")),
    ("2024年9月12日～15日", False, ("2024年9月12日", "2024-09-12")),
    ("Sevilla, 19 de julio de 2025", False, ("19 de julio de 2025", "2025-07-19")),
    ("Leiria, 25 de maio de 2024", False, ("25 de maio de 2024", "2024-05-25")),
    ("2025년 6월 3일", False, ("2025년 6월 3일", "2025-06-03")),
    ("Praha 15. 6. 2025", False, ("15. 6. 2025", "2025-06-15")),  # spaced, as Czech prints it
    ("Göteborg 17 augusti 2025", False, ("17 augusti 2025", "2025-08-17")),
    ("Tampere 17. elokuuta 2025", False, ("17. elokuuta 2025", "2025-08-17")),
    ("Søndag 10. marts 2024 - Hvidovre", False, ("10. marts 2024", "2024-03-10")),  # Danish
    ("Bydgoszcz, 15 czerwca 2024", False, ("15 czerwca 2024", "2024-06-15")),
    ("Ostrava 3. května 2025", False, ("3. května 2025", "2025-05-03")),
    ("1. 5. 23.45", False, (None, None)),  # a place and marks: spaced only with a full year
    ("1-5-10-12-16(18)(20)", False, (None, None)),  # a scoring order, no date
    ("Lap 3 of 12", False, (None, None)),
]


@pytest.mark.parametrize(("text", "dayfirst", "expected"), DATES, ids=[d[0] for d in DATES])
def test_dates(text: str, dayfirst: bool, expected: tuple[str | None, str | None]):
    assert date_in(text, dayfirst) == expected


# a document's numeric dates, whether they put the day first
DAYFIRST = [
    ("Champs 2020 - 11/1/2020 to 18/1/2020", True),  # 18 cannot be a month
    ("Relays - 4/18/2011  printed 4/19/2011", False),  # 18 cannot be a month: US order
    ("6/7/2019 to 7/7/2019", False),  # nothing tells: month first, as US software prints
    ("12/1/2019 16/1/2019 1/13/2019", False),  # both ways: undecided, month first
    ("no dates at all", False),
    # nothing in the numbers tells; the document speaks Italian, German: day first
    ("Roma, 12/05/2024\n80 metri Cadetti - Finale   vento +0,4", True),
    ("12/05/2024 Ergebnisse 100m Männer", True),
    ("12/05/2024 Results 1600 Meter Run Girls", False),
    ("12/05/2024 Finale", False),  # one word is no language
    # British, Irish, Commonwealth English: day first
    ("Date: 07/04/2018\nPos  Athlete  Club  Time\n1  Kelly, Sean  Raheny Harriers", True),
    ("Sat 07/04/2018 County Championships 1500 Metres", True),
    ("04/07/2018 Pos Name School Time", False),  # one word is no language
    # French, Dutch, Swedish, Portuguese headers and round words: day first
    ("12/04/2025\n100 m Hommes\nSérie 1   Vent: +0,8", True),
    ("03/05/2025\nPl.  Naam  Vereniging  Prestatie", True),
    ("03/05/2025\nPlac  Namn  Förening  Född  Resultat", True),
    ("03/05/2025\nClass.  Nome  Clube  Escalão  Marca", True),
    ("03/05/2025 Summer Series 1 - Results", False),  # the English 'Series' tells nothing
]


@pytest.mark.parametrize(("text", "expected"), DAYFIRST, ids=[d[0] for d in DAYFIRST])
def test_day_first_documents(text: str, expected: bool):
    assert dayfirst_of(text) is expected


# what tells the order of a document's numeric dates: True day first, False month first
DATE_ORDER = [
    ("Champs 2020 - 11/1/2020 to 18/1/2020", True),
    ("Relays - 4/18/2011", False),
    ("10/06/2024  1  Ann Lee  Ankeny, IA  1:12:17  2  Bea Cole  Omaha, NE  1:14:47", False),
    ("10/06/2024  1  Ann Lee  Ankeny, IA  1:12:17", None),  # one hometown tells nothing
    ("5/4/2024  Pos  Name  Club  1  Ann Lee  Boulder, CO  2  Bea Cole  Golden, CO", False),
    ("6/7/2019", None),
]


@pytest.mark.parametrize(("text", "expected"), DATE_ORDER, ids=[d[0] for d in DATE_ORDER])
def test_the_order_of_a_documents_dates(text: str, expected: bool | None):
    assert date_order(text) is expected


# code, gender, age group
CATEGORIES = [
    ("M35", "M", "35"),
    ("W40", "F", "40"),
    ("M25", "M", "25"),
    ("K45", "F", "45"),  # Norwegian kvinner
    ("G-13", "M", "13"),  # Norwegian gutter
    ("J-15", "F", "15"),  # Norwegian jenter
    ("G13", "M", "13"),
    ("U15G", "F", "U15"),  # UK Athletics: girls, boys, veterans, senior
    ("U13B", "M", "U13"),
    ("V40W", "F", "40"),
    ("SM", "M", "S"),
    ("KS", "F", "S"),  # kvinner senior
    ("MS", "M", "S"),
    ("MJ", "M", "J"),
    ("P15", "M", "15"),  # Swedish pojkar
    ("MU14", "M", "U14"),  # DLV youth
    ("WU16", "F", "U16"),
    ("MJU18", "M", "U18"),
    ("WJU20", "F", "U20"),
    ("U18W", "F", "U18"),
    ("U18", None, "U18"),  # a grade with no gender printed (New Zealand, South Africa)
    ("WJB", "F", "B"),
    ("SEH", "M", "SE"),  # FFA
    ("CAF", "F", "CA"),
    ("M1H", "M", "M1"),
    ("SEM", "M", "SE"),  # FFA since 2019: M for men
    ("JUF", "F", "JU"),
    ("M2M", "M", "M2"),
    ("SEM/96", "M", "SE"),  # the birth year after the slash
    ("M2129", "M", "21-29"),  # US road-race divisions
    ("F4049", "F", "40-49"),
    ("M0117", "M", "1-17"),
    ("MOPEN", "M", "OPEN"),
    ("65-69M", "M", "65-69"),
    ("M 20-29", "M", "20-29"),
]


@pytest.mark.parametrize(("code", "gender", "age"), CATEGORIES, ids=[c[0] for c in CATEGORIES])
def test_categories(code: str, gender: str, age: str):
    assert category_of(code) == Category(gender, age)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("SEM/96", ("SEM", "96")),
        ("M2M/71", ("M2M", "71")),
        ("M35", ("M35", None)),
        ("12/96", ("12/96", None)),
    ],  # fmt: skip
)
def test_a_category_cell_with_its_birth_year(cell: str, expected: tuple[str, str | None]):
    assert with_year(cell) == expected


@pytest.mark.parametrize("text", ["Smith", "SR", "1994", "12", "", "5000m", "Loveland High"])
def test_not_categories(text: str):
    assert category_of(text) is None


# event title, gender, round
TITLES = [
    ("3000m Hindernis, Männer + U23 - Zeitläufe", "M", "Finals"),
    ("Junioren U23 - Zeitläufe", "M", "Finals"),
    ("2000m Bahngehen weiblich", "F", None),
    ("100m Vorläufe Frauen", "F", "Heats"),
    ("60m G-13", "M", None),
    ("600m J-15 finale", "F", "Finals"),
    ("Kvinner senior 3000m", "F", None),
    ("1500m W40", "F", None),
    ("100 m K, Final", "F", "Finals"),  # Swedish lists: kvinnor, män after the event
    ("Kula M", "M", None),
    ("Run 5 K", None, None),  # a road race's distance, no sex
    ("Бег 800 м. Женщины. Финал", "F", "Finals"),  # Russian
    ("Бег 100 м. Мужчины. Забег 1", "M", "Heats"),
    ("400 متر سيدات - النهائي", "F", "Finals"),  # Arabic
    ("200 متر رجال - نصف النهائي", "M", "Semifinals"),
    ("Girls 1600 Meter Run Prelims", "F", "Prelims"),
    ("200 m hommes séries", "M", "Heats"),
    ("5000m Bahngehen - Süddeutsche Meisterschaften (F)", "F", None),  # a bracketed letter
    ("10000m Bahngehen (M)", "M", None),
    ("Boys U/8", "M", None),
    ("80 metri Cadetti - Finale", "M", "Finals"),  # Italian and French age classes
    ("1000 metri Allieve", "F", None),
    ("Cadettes 1000m", "F", None),
    ("Categoría Absoluta Femenina - 8 km", "F", None),  # Spanish, Czech, Polish, Hungarian,
    ("60 m Muži - finále", "M", "Finals"),  # Swedish and Danish genders
    ("Skok wzwyż kobiet", "F", None),
    ("Bieg na 400 m mężczyzn", "M", None),
    ("100 m férfiak", "M", None),
    ("Längd Kvinnor", "F", None),
    ("Længdespring Drenge", "M", None),
    ("女子100米栏 决赛", "F", "Finals"),  # Chinese, Japanese, Korean
    ("男子100m 予選 1組", "M", "Heats"),
    ("男子100m 準決勝", "M", "Semifinals"),
    ("남자 200m 결승", "M", "Finals"),
    ("여자 200m 예선 2조", "F", "Heats"),
    ("200 metros Femininos - Eliminatória 1", "F", "Heats"),
    ("M 100m Loppukilpailu", "M", "Finals"),  # the category's letter before the distance
    ("N 5000m", "F", None),  # Finnish naiset
    ("100m U17W Race 1", "F", None),  # UK age group, gender after the age
    ("SP U15G", "F", None),  # UK girls and boys
    ("1500 U13B Heat 2", "M", "Heats"),
    ("3000 V40M", "M", None),  # UK veterans: the gender after the age
    ("800 SW", "F", None),  # UK senior women, men after a race
    ("1500m SM Race 1", "M", None),
    ("SW Counties Championships", None, None),  # South West: no gender
    ("Herrer 10 km", "M", None),  # Danish
    ("Naiset 5000m alkuerät", "F", "Heats"),
    ("Leány 800 m Döntő", "F", "Finals"),  # Hungarian
    ("Fiú 100 m Előfutam 1. futam", "M", "Heats"),
    ("Bieg na 100 m K - finał", "F", "Finals"),  # Polish: the gender's letter after the distance
    ("400 m M - półfinał 1", "M", "Semifinals"),
    ("Skok w dal K - finał", "F", "Finals"),  # the letter after a field event's name
    ("Rzut oszczepem (700 g) M - finał", "M", "Finals"),
    ("rzut dyskiem K (1 kg) - finał", "F", "Finals"),  # the implement after the letter
    ("Kula M (7,26 kg), Final", "M", "Finals"),  # Swedish
    ("1. liga mužů – 2. kolo", "M", None),  # Czech: the men's (league), the women's
    ("Liga žen", "F", None),
    ("100 m H", None, None),  # German hurdles
    ("60 m Hombres - Semifinales - Serie 1", "M", "Semifinals"),
    ("100 m dorostenky - rozběh 2", "F", "Heats"),  # Czech
    ("Höjd Kvinnor Kvalifikation", "F", "Qualifying"),
    ("200 m Herrar Försök 3", "M", "Heats"),
    # a numbered series is a heat, once no round is named
    ("100 m Männer Serie 1", "M", "Heats"),
    ("100m Mannen - Reeks 1", "M", "Heats"),
    ("100 U15M h1 (w: +1.4)", "M", "Heats"),  # Power of 10's heats
    ("4 x 100 m Cadets - Finale", "M", "Finals"),  # French categories' words
    ("100 U15M final (w: +0.9)", "M", "Finals"),
    ("100 m Băieți - Seria 1", "M", "Heats"),
    ("100m Erkekler - 1. Seri", "M", "Heats"),
    ("100μ. Ανδρών - Σειρά 1", "M", "Heats"),
    ("60 metros - Masculinos - Série 1", "M", "Heats"),
    ("100 m - Muškarci", "M", None),  # Croatian, Greek, Turkish, Romanian, Catalan genders
    ("100 m - Mlađe juniorke", "F", None),
    ("100μ. Γυναικών", "F", None),
    ("100m Kadınlar", "F", None),
    ("100 m Juniori II Fete", "F", None),
    ("CADET MASCULÍ (3.500 m)", "M", None),
    ("Summer Series 3", None, None),  # the English 'Series' names a meet
    ("Men 60m - SF1", "M", "Semifinals"),  # numbered semi-finals
    ("Men 60m - Semi 2", "M", "Semifinals"),
]


@pytest.mark.parametrize(
    ("title", "unit"),
    [
        ("Lanzamiento de Jabalina Hombres", "m"),
        ("Dardo Masculino", "m"),
        ("Peso Feminino", "m"),
        ("남자 포환던지기", "m"),
        ("女子 铅球", "m"),
        ("女子走幅跳", "m"),
        ("Decathlon", "points"),
        ("Weit Frauen", "m"),  # Swiss lists' short names
        ("Hoch Männer", "m"),
        ("Longitud Mujeres Absoluto", "m"),  # Spanish
        ("Altura Hombres", "m"),
        ("200 metros Femininos", None),
        ("oštěp 800 g", "m"),  # Czech, Polish
        ("koule 5 kg dorostenci - finále", "m"),
        ("Rzut oszczepem", "m"),
        ("Skok o tyczce", "m"),
        ("Men's Shot Put F40/41 (combined classes)", "m"),  # para classes, no combined event
        # combined events, their totals in points, in the languages results come in
        ("Dreikampf Jugend M14", "points"),
        ("Blockwettkampf Sprint/Sprung", "points"),
        ("Heptatlón Mujeres", "points"),
        ("Sjukamp K", "points"),
        ("Zevenkamp Vrouwen", "points"),
        ("Siedmiobój Kobiet", "points"),
        ("Sedmiboj ženy", "points"),
        ("Seitsenottelu N", "points"),
        ("Wettkampf 12", None),  # a German list's event number, no combined event
        ("Maaottelu", None),  # a Finnish international match
    ],
)
def test_field_events_in_any_language_are_in_metres(title: str, unit: str | None):
    assert unit_hint_of(title) == unit


@pytest.mark.parametrize(("title", "gender", "rnd"), TITLES, ids=[t[0] for t in TITLES])
def test_gender_and_round_of_titles(title: str, gender: str, rnd: str | None):
    assert (gender_of(title), round_of(title)) == (gender, rnd)


# header word, field
HEADERS = [
    ("Semi-Finals", "prelims"),  # a round's column beside the seed
    ("Nat/Club", "team"),
    ("City, State", "city"),
    ("Suburb", "city"),  # an Australian runner's home, beside the club
    ("School", "team"),
    ("Verein", "team"),
    ("Klubb", "team"),
    ("Club", "team"),
    ("Rg.", "place"),
    ("Platz", "place"),
    ("Plassering", "place"),
    ("Clt", "place"),
    ("StNr.", "bib"),
    ("Dossard", "bib"),
    ("Jg", "year"),
    ("Født", "year"),
    ("Ergebnis", "mark"),
    ("Resultat", "mark"),
    ("Temps", "mark"),
    ("記録", "mark"),
    ("Nat.", "country"),
    ("AK", "category"),
    ("Net Time", "net"),
    ("Guntime", "gun"),
    ("Avg. Mile", "pace"),
    ("Div/Tot", "divtot"),
    ("Final Standings", "team"),
    ("Born", "year"),
    ("Gen Pl", "divtot"),  # a place within the runner's gender
    ("Vent", "wind"),
    ("Classificação", "place"),  # Portuguese, Spanish, Chinese, Korean, Japanese
    ("Clube", "team"),
    ("Viento", "wind"),
    ("名次", "place"),
    ("成绩", "mark"),
    ("소속", "team"),
    ("풍속", "wind"),
    ("レーン", "lane"),
    ("学校名", "team"),  # a school's team score: 順位 学校名 得点
    ("得点", "points"),
    ("Lug.", "place"),  # Portuguese lugar, Spanish puesto
    ("Pto", "place"),
    ("Ano", "year"),
    ("Družstvo", "team"),  # Czech team standings: Pořadí | Družstvo | Body
    ("Body", "points"),
    ("Lp.", "place"),  # Polish, Finnish, French: place words that open single-spaced headers
    ("Sij.", "place"),
    ("Clas.", "place"),
    ("Ranking", "place"),
    ("Apellidos, Nombre", "athlete"),  # one column of both names
    ("Cognome, Nome", "athlete"),
    # what the cells hold besides, in brackets: the word's field
    ("氏名(学年)", "athlete"),
    ("Time (sec)", "mark"),
    ("Wind (m/s)", "wind"),
    ("(m)", None),
    ("Wuzzle", None),
]


@pytest.mark.parametrize(("word", "field"), HEADERS, ids=[h[0] for h in HEADERS])
def test_header_words(word: str, field: str | None):
    assert field_of(word) == field


def test_header_language():
    assert header_language(["Rg.", "StNr.", "Name", "Jg", "Verein", "Ergebnis"]) == "de"
    assert header_language(["Place", "Name", "School", "Time"]) == "en"
    assert header_language(["Wuzzle"]) is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Girls 100 Meter Hurdles", True),
        ("Women's Triple Jump", True),
        ("3000m Steeplechase", True),
        ("Kugelstoßen Männer", True),  # a stem
        ("Speerwurf Frauen", True),
        ("Skok wzwyż kobiet", True),
        ("4x400 Relay", True),
        ("Results for Boys Varsity", True),
        ("Half Marathon", True),
        ("Hürden 110m", True),
        ("Lengde Kvinner", True),
        ("Weit Frauen  Final", True),  # Swiss lists' short names
        ("Stab Männer", True),
        ("Diskuswurf Frauen", True),  # field events in German, Spanish, Dutch, Portuguese
        ("PESO (4 kg) MUJERES - FINAL", True),
        ("Kogelstoten Meisjes A", True),
        ("Lançamento do dardo", True),
        ("Coastal League Championships", False),
        ("Team Scores", False),
        ("Page 3", False),
        ("Putnam Valley", False),  # a word that holds one, not one
    ],
)
def test_event_titles(title: str, expected: bool):
    assert is_event_title(title) is expected


@pytest.mark.parametrize(
    ("code", "gender"),
    [
        ("M", "M"),
        ("W", "F"),
        ("F", "F"),
        ("X", "X"),
        ("Women", "F"),
        ("Mixed", "X"),  # the word before its first letter
        ("Herren", "M"),
        ("Damen", "F"),
        ("Kvinne", "F"),
        ("O", None),
        ("", None),
    ],
)
def test_the_gender_a_sex_code_gives(code: str, gender: str | None):
    assert sex_of(code) == gender


PORTUGUESE_TABLE = (
    "<html><body><h3>Seniores Masculinos - 8 km</h3><table><tr><th>Class.</th><th>Dorsal</th>"
    "<th>Nome</th><th>Clube</th><th>Escalão</th><th>Tempo</th></tr>"
    "<tr><td>1.º</td><td>301</td><td>Vasco Correia</td><td>GD Rio Tinto</td><td>Sen</td>"
    "<td>24:39</td></tr><tr><td>2.º</td><td>415</td><td>Duarte Quintas</td><td>CA Póvoa</td>"
    "<td>M35</td><td>24:46</td></tr></table></body></html>"
)
JAPANESE_TEXT = (
    "男子5000m 決勝\n順位 氏名         所属         学年 記録\n"
    "1位  中村 拓海    愛知工大     2    14:13.88\n"
    "2位  高橋 大輝    三重大       3    14:42.54\n"
    "3位  吉田 陽向    愛知学院大   1    14:46.35\n"
)


@pytest.mark.parametrize(
    ("text", "name", "rows"),
    [
        # 'Tempo' (the time in Portuguese and Italian; a pace beside another time) and '1.º'
        (PORTUGUESE_TABLE, "x.html", [(1, "Vasco Correia", 1479.0), (2, "Duarte Quintas", 1486.0)]),
        # places with the counter '位'
        (
            JAPANESE_TEXT,
            "x.txt",
            [(1, "中村 拓海", 853.88), (2, "高橋 大輝", 882.54), (3, "吉田 陽向", 886.35)],
        ),
    ],
    ids=["tempo-and-1.º", "1位"],
)
def test_places_and_time_columns_in_other_languages(text: str, name: str, rows: list) -> None:
    doc = to_contract(parse_document(text.encode(), None, name))
    got = [(r["place"], r["athlete"], r["mark_normalized"]) for r in doc["events"][0]["results"]]
    assert got == rows


ARGENTINE_RELAY = (
    "<html><body><h3>Posta 4x100 m Varones - Final</h3><table><tr><th>Lugar</th>"
    "<th>Provincia</th><th>Integrantes</th><th>Marca</th></tr>"
    "<tr><td>1º</td><td>Buenos Aires</td><td>Iván Gil<br>Rubén Prieto<br>Juan Etxe<br>"
    "Matías Castro</td><td>42,26</td></tr>"
    "<tr><td>2º</td><td>Córdoba</td><td>Óscar Vidal<br>Benjamín Peña<br>Pablo Ruiz<br>"
    "Tomás Lasa</td><td>43,84</td></tr></table></body></html>"
)
JAPANESE_RELAY = (
    "女子４×１００ｍＲ　決勝\n順位　所属　　　　　記録　　　　　走者\n"
    "１位　中京大　　　　４７．０８　　　村上紗希・山本花子・近藤千尋・長谷川芽依\n"
    "２位　愛知学院大　　４７．２０　　　西村彩花・岡田陽菜・遠藤七海・石川葵\n"
    "　　　愛知工大　　　ＤＱ　　　　　坂本遥・後藤凛・中島美咲・青木真央\n"
)


@pytest.mark.parametrize(
    ("text", "name", "rows"),
    [
        # 'Integrantes' (Spanish, Portuguese): the runners one to a line in the team's cell
        (
            ARGENTINE_RELAY,
            "x.html",
            [
                (1, "Buenos Aires", ["Iván Gil", "Rubén Prieto", "Juan Etxe", "Matías Castro"]),
                (2, "Córdoba", ["Óscar Vidal", "Benjamín Peña", "Pablo Ruiz", "Tomás Lasa"]),
            ],
        ),
        # '走者' (the runners), joined by '・'; the relay's count after a kanji ('女子4×100mR'),
        # and a disqualified team with no place
        (
            JAPANESE_RELAY,
            "x.txt",
            [
                (1, "中京大", ["村上紗希", "山本花子", "近藤千尋", "長谷川芽依"]),
                (2, "愛知学院大", ["西村彩花", "岡田陽菜", "遠藤七海", "石川葵"]),
                (None, "愛知工大", ["坂本遥", "後藤凛", "中島美咲", "青木真央"]),
            ],
        ),
    ],
    ids=["integrantes", "走者"],
)
def test_a_relays_runners_column_in_other_languages(text: str, name: str, rows: list) -> None:
    (event,) = to_contract(parse_document(text.encode(), None, name))["events"]
    assert event["kind"] == "relay"
    got = [
        (r["place"], r["team"], [m["athlete"] for m in r["relay_members"]])
        for r in event["results"]
    ]
    assert got == rows


def test_a_team_tables_scorers_column_is_no_runners_name():
    # a cross-country club table's 'Componentes': the places of its six scorers
    text = (
        "Clasificación por clubes;;;\nPos.;Club;Puntos;Componentes\n"
        "1;A.E. Lluïsos;103;8-13-17-18-19-28\n2;Club Muntanyenc Vic;129;12-16-21-24-27-29\n"
    )
    (event,) = to_contract(parse_document(text.encode(), None, "x.csv"))["events"]
    assert event["kind"] == "team_scores"
    got = [(r["place"], r["team"], r["athlete"], r["mark_normalized"]) for r in event["results"]]
    assert got == [(1, "A.E. Lluïsos", None, 103.0), (2, "Club Muntanyenc Vic", None, 129.0)]


TEAM_TABLE_WITH_WORD = (
    "<html><body><h3>Classement par équipes</h3><table><tr><th>Clt</th><th>Équipe</th>"
    "<th>Pts</th></tr><tr><td>1</td><td>U.S. Montcalvy</td><td>25 pts</td></tr>"
    "<tr><td>2</td><td>Stade Pontvieux</td><td>43 pts</td></tr></table></body></html>"
)
TEAM_SCORE_NOTED = (
    "Team Standings - Girls Varsity 5K\n"
    "Pl  School                 Score   Scoring Runners (6th/7th)\n"
    " 1  Bracken Hill              47   2-6-10-14-15  (23-30)\n"
    " 2  Westmere                 69*   5-11-13-19-21  (22)\n"
    " 3  St. Isidore               69   1-4-8-27-29  (31-32)\n"
    "    * Tie broken by sixth runner.\n"
)
TEAM_TIMES = (
    "TEAM COMPETITION - WOMEN (first 3 finishers, sum of chip times)\n"
    "  1. Tidewater Track Club            3:05:38   avg 37:08\n"
    "       Rhiannon Tredwell 35:22, Fionnuala Northover 37:46, Thea Yelland 42:56\n"
    "  2. Quayside RC                     3:21:01   avg 40:12\n"
    "       Annika Ravenscroft 35:08, Lucasta Millership 38:01, Henrike Hebb 45:23\n"
)


@pytest.mark.parametrize(
    ("text", "name", "rows"),
    [
        # the points' word in the score's cell
        (
            TEAM_TABLE_WITH_WORD,
            "x.html",
            [(1, "U.S. Montcalvy", 25.0, "points"), (2, "Stade Pontvieux", 43.0, "points")],
        ),
        # a tie broken by the sixth runner, as a note under the table says
        (
            TEAM_SCORE_NOTED,
            "x.txt",
            [
                (1, "Bracken Hill", 47.0, "points"),
                (2, "Westmere", 69.0, "points"),
                (3, "St. Isidore", 69.0, "points"),
            ],
        ),
        # a road race's team competition: its runners' times summed, its runners under it
        (
            TEAM_TIMES,
            "x.txt",
            [(1, "Tidewater Track Club", 11138.0, "s"), (2, "Quayside RC", 12061.0, "s")],
        ),
    ],
    ids=["pts-in-cell", "noted-score", "times-summed"],
)
def test_team_scores_as_tables_print_them(text: str, name: str, rows: list) -> None:
    events = to_contract(parse_document(text.encode(), None, name))["events"]
    teams = [e for e in events if e["kind"] == "team_scores"]
    got = [
        (r["place"], r["team"], r["mark_normalized"], r["mark_unit"])
        for e in teams
        for r in e["results"]
    ]
    assert got == rows


def test_a_combined_events_points_with_a_thousands_dot_are_its_result():
    # a German Dreikampf's list as a club's spreadsheet prints it: 'Punkte' alone, 2.499 points
    sheet = (
        "Dreikampf Jugend M14;;;;\nPlatz;Name;JG;Verein;Punkte\n"
        "1.;Yelland, Jarrah;2011;LG Elmstadt;2.499\n2.;Quarrie, Quill;2012;SC Wolfsheim;2.468\n"
        ";;;;\nMannschaftswertung Dreikampf Jugend M14;;;;\nPlatz;Verein;Punkte;;\n"
        "1.;LG Elmstadt;6.870;;\n2.;SC Wolfsheim;6.512;;\n"
    )
    events = to_contract(parse_document(sheet.encode(), None, "x.csv"))["events"]
    got = [
        (e["kind"], r["place"], r["athlete"] or r["team"], r["mark_normalized"], r["mark_unit"])
        for e in events
        for r in e["results"]
    ]
    assert got == [
        ("individual", 1, "Yelland, Jarrah", 2499.0, "points"),
        ("individual", 2, "Quarrie, Quill", 2468.0, "points"),
        ("team_scores", 1, "LG Elmstadt", 6870.0, "points"),
        ("team_scores", 2, "SC Wolfsheim", 6512.0, "points"),
    ]


def test_an_arabic_pages_tables_each_under_its_events_heading():
    page = (
        "<html lang='ar' dir='rtl'><body><h1>البطولة العربية 2025</h1>"
        "<h3>100 متر رجال - النهائي</h3><table><tr><th>الترتيب</th><th>الاسم</th>"
        "<th>الدولة</th><th>النتيجة</th></tr><tr><td>1</td><td>سعيد بوعلام</td><td>قطر</td>"
        "<td>10.42</td></tr><tr><td>2</td><td>عمر منصور</td><td>المغرب</td><td>10.45</td></tr>"
        "</table><h3>الوثب الطويل سيدات - النهائي</h3><table><tr><th>الترتيب</th><th>الاسم</th>"
        "<th>الدولة</th><th>النتيجة</th></tr><tr><td>1</td><td>سارة الحربي</td><td>المغرب</td>"
        "<td>6.41</td></tr><tr><td>-</td><td>منى الشمري</td><td>الأردن</td><td>لم يبدأ</td></tr>"
        "</table></body></html>"
    )
    events = to_contract(parse_document(page.encode(), None, "x.html"))["events"]
    got = [
        (e["gender"], r["athlete"], r["mark_unit"], r["status"])
        for e in events
        for r in e["results"]
    ]
    assert [(e["event_name"], e["round"]) for e in events] == [
        ("100 متر رجال - النهائي", "Finals"),
        ("الوثب الطويل سيدات - النهائي", "Finals"),
    ]
    assert got == [
        ("M", "سعيد بوعلام", "s", None),
        ("M", "عمر منصور", "s", None),
        ("F", "سارة الحربي", "m", None),
        ("F", "منى الشمري", None, "DNS"),
    ]


@pytest.mark.parametrize(
    ("heading", "name", "venue"),
    [
        (
            "Campionati Regionali Individuali Assoluti - Firenze, Stadio Ridolfi",
            "Campionati Regionali Individuali Assoluti",
            "Firenze, Stadio Ridolfi",
        ),
        (
            "Campeonato Paulista Sub-23 - São Paulo/SP - Centro Olímpico",
            "Campeonato Paulista Sub-23",
            "São Paulo/SP, Centro Olímpico",
        ),
        ("4th Nordvik Games | Nordvik Arena", "4th Nordvik Games", "Nordvik Arena"),
        (
            "Meeting Régional de Tours - Stade des Tourettes",
            "Meeting Régional de Tours",
            "Stade des Tourettes",
        ),
        ("Pre Classic - Eugene, OR", "Pre Classic", "Eugene, OR"),
        # a part that names a meet stays, a venue's word or not; no meet left, no venue taken
        ("NCAA Championships - West Preliminary", "NCAA Championships - West Preliminary", None),
        ("Stadium Series - Track Classic", "Stadium Series - Track Classic", None),
        ("Olympic Stadium - Eugene, OR", "Olympic Stadium - Eugene, OR", None),
    ],
)
def test_the_venue_after_a_meets_name_is_its_venue(heading, name, venue):
    meet = Meet(name=heading)
    venue_apart(meet)
    assert (meet.name, meet.venue) == (name, venue)


@pytest.mark.parametrize(
    ("text", "meet"),
    [
        ("Zomeravondwedstrijd AV Phoenix", True),  # Dutch, compounded
        ("Competitie Senioren 2e divisie - 2e wedstrijd", True),
        ("Sparta Aftenstævne", True),  # Danish
        ("Sörmlandsspelen 2026", True),  # Swedish
        ("Testtävling 2025", True),
        ("Okanagan Harvest 8K", True),  # a race's name with its distance
        ("5K Results", False),  # a distance alone
        ("Race: 8K", False),  # a label and a distance
        ("Race:", False),
        ("Race started 9:00 AM · Official", False),  # a race's start
    ],
)
def test_what_names_a_meet(text, meet):
    assert names_meet(text) is meet
