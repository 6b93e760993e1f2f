"""Meet dates as results documents print them -> ISO days.

Pure. :func:`date_in` finds the first date of a text and returns it as printed and as
``YYYY-MM-DD``:

- numeric: ``24.01.2026`` and ``15. 6. 2025`` (dots: day first, as every federation printing
  them does), ``10./11.06.2017`` (a range: its first day), ``07/04/2018`` and ``11-04-12``
  (month first, as US timing software prints them, unless ``dayfirst`` says the document is
  European or the first number cannot be a month; :func:`dayfirst_of` tells from a document's
  other dates),
  ``2017-06-10``, ``2024年9月12日``, ``2025년 6월 3일``;
- with a month name in English, German, French, Norwegian/Danish, Swedish, Dutch, Spanish,
  Italian or Portuguese, or its case after a day in Finnish, Polish or Czech: ``Sep 26, 2025``,
  ``Sunday, October 31, 2010``, ``31 AUG 2018``, ``6th June 2019``, ``30th - 31st August 2018``,
  ``10. Juni 2017``, ``3 septembre 2016``, ``19 de julio de 2025``, ``17. elokuuta 2025``.
"""

from __future__ import annotations

import re

_MONTH_NAMES = {
    1: "jan january januar janvier janeiro enero gennaio januari janv jänner",
    2: "feb february februar février fevrier febrero febbraio februari févr fevereiro",
    3: "mar march märz maerz mars marzo marco maart março marts",
    4: "apr april avril abril aprile",
    5: "may mai mayo maggio maj mei maio",
    6: "jun june juni juin junio giugno junho",
    7: "jul july juli juillet julio luglio juil julho",
    8: "aug august août aout agosto augustus augusti",
    9: "sep sept september septembre septiembre settembre setembro",
    10: "oct october oktober octobre octubre ottobre okt outubro",
    11: "nov november novembre noviembre",
    12: "dec december dezember décembre decembre diciembre dicembre des desember dez dezembro",
}
# a day is followed by the month's genitive or partitive in Finnish, Polish and Czech
# ('17. elokuuta 2025', '15 czerwca 2024', '3. května 2025')
_MONTH_CASES = {
    1: "tammikuuta stycznia ledna",
    2: "helmikuuta lutego února",
    3: "maaliskuuta marca března",
    4: "huhtikuuta kwietnia dubna",
    5: "toukokuuta maja května",
    6: "kesäkuuta czerwca června",
    7: "heinäkuuta lipca července",
    8: "elokuuta sierpnia srpna",
    9: "syyskuuta września září",
    10: "lokakuuta października října",
    11: "marraskuuta listopada listopadu",
    12: "joulukuuta grudnia prosince",
}
# Hungarian months, after the year ('2024. május 18.')
_MONTH_AFTER_YEAR = {
    1: "január",
    2: "február",
    3: "március",
    4: "április",
    5: "május",
    6: "június",
    7: "július",
    8: "augusztus",
    9: "szeptember",
    10: "október",
    11: "november",
    12: "december",
}
MONTHS = {
    w: n
    for names in (_MONTH_NAMES, _MONTH_CASES, _MONTH_AFTER_YEAR)
    for n, words in names.items()
    for w in words.split()
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th|er|e|\.)?"
# the days of a range, joined by a dash or a word: '14-15', '14 y 15', '14. und 15.', '11 al 13'
_TO = r"(?:\s*[-–/&]\s*|\s+(?:y|et|und|e|and|al|au|a|to|bis|i|og|och|ja|en|tot)\s+)"
_NAMED = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}}){_ORD}(?:{_TO}\d{{1,2}}{_ORD})?\s+(?:de\s+)?(?P<m1>{_MONTH})"
    rf"\.?,?\s+(?:de\s+)?(?P<y1>\d{{4}})|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}}){_ORD}(?:{_TO}\d{{1,2}})?,?\s+"
    rf"(?P<y2>\d{{4}})|(?P<y3>\d{{4}})\.\s+(?P<m3>{_MONTH})\s+(?P<d3>\d{{1,2}})\.?)\b",
    re.I,
)
_ISO = re.compile(
    r"\b(\d{4})-(\d{2})-(\d{2})\b|(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]"
)
_DOTTED = re.compile(  # and ranges: '10./11.06.2017', '07.-08.06.2025'; spaced: '15. 6. 2025'
    r"(?<![\d.])(\d{1,2})(?:\.(?:\s?[/–-]\s?\d{1,2}\.)?|\s?[–-]\s?\d{1,2}\.)(?:(\d{1,2})\.(\d{4}|\d{2})|"
    r" (\d{1,2})\. (\d{4}))(?![\d.])"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
# a birth date in a cell of its own, day and month either way, its year in full ('19/06/2008')
BIRTH_DATE = re.compile(r"^\d{1,2}([./-])\d{1,2}\1((?:19|20)\d\d)$")
_SLASHED = re.compile(r"(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-])")


def _iso(y: int, mo: int, d: int) -> str | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


# a meet over two days of two months: '31 May – 1 June 2025', 'May 31 - June 1, 2025'
_ACROSS = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}}){_ORD}\.?\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}}){_ORD})"
    rf"\s*(?:[-–—]|to|until|bis|au|al)\s*(?:[^\W\d_]+\s+)?"
    rf"(?:\d{{1,2}}{_ORD}\.?\s+(?:{_MONTH})|(?:{_MONTH})\.?\s+\d{{1,2}}{_ORD}),?\s+(?P<y>\d{{4}})\b",
    re.I,
)


def date_in(text: str, dayfirst: bool = False) -> tuple[str | None, str | None]:
    """The first date of the text: (as printed, YYYY-MM-DD), or (None, None); a meet's first
    day where it spans two months ('31 May – 1 June 2025')."""
    found: list[tuple[int, str, str]] = []
    for m in _NAMED.finditer(text):
        month = MONTHS[(m["m1"] or m["m2"] or m["m3"]).lower()]
        day = _iso(int(m["y1"] or m["y2"] or m["y3"]), month, int(m["d1"] or m["d2"] or m["d3"]))
        if day:
            found.append((m.start(), m.group(0), day))
            near = max(0, m.start() - 30)  # the first day of two months' range before it
            if (
                across := _ACROSS.search(text, near, m.end())
            ) is not None and across.start() < m.start():
                first = _iso(
                    int(across["y"]),
                    MONTHS[(across["m1"] or across["m2"]).lower()],
                    int(across["d1"] or across["d2"]),
                )
                found[-1] = (across.start(), across.group(0), first) if first else found[-1]
            break
    for m in _ISO.finditer(text):
        y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
        day = _iso(int(y), int(mo), int(d))
        if day:
            found.append((m.start(), m.group(0), day))
            break
    for m in _DOTTED.finditer(text):
        day = _iso(int(m[3] or m[5]), int(m[2] or m[4]), int(m[1]))
        if day:
            found.append((m.start(), m.group(0), day))
            break
    for m in _SLASHED.finditer(text):
        a, b, y = int(m[1]), int(m[3]), int(m[4])
        mo, d = (b, a) if dayfirst or a > 12 else (a, b)
        day = _iso(y, mo, d) or _iso(y, a, b)
        if day:
            found.append((m.start(), m.group(0), day))
            break
    if not found:
        return None, None
    at, printed, day = min(found)
    to = _RANGE_END.match(text, at + len(printed))  # '5/14/2026 to 5/16/2026': the meet's days,
    if to and (end := date_in(to[1])[0]) and to[1].startswith(end):  # dated by the first
        printed = text[at : to.start(1) + len(end)]
    return printed, day


_RANGE_END = re.compile(rf"{_TO}(\S+(?: \S+){{0,2}})")


def opens_with_date(words: list[str]) -> bool:
    """'26 JUN 2025  Men's 400m Hurdles': a day, a month's name and a year open the line (a
    title's date, as Omega's sheets print it), no place and name."""
    return (
        len(words) >= 3
        and words[0].rstrip(".").isdigit()
        and words[1].casefold().strip(".,") in MONTHS
        and bool(_YEAR.fullmatch(words[2].rstrip(",")))
    )


# words of results printed in a language whose dates put the day first (German, Nordic,
# French, Italian, Spanish, Dutch, Finnish, and the English of Britain, Ireland and the
# Commonwealth): events, genders, headings and column words
_DAY_FIRST_WORDS = frozenset(
    ("männer", "frauen", "herren", "damen", "ergebnisse", "ergebnisliste", "verein", "weitsprung")
    + ("hochsprung", "menn", "kvinner", "gutter", "jenter", "herrer", "damer", "resultater")
    + ("klubb", "lengde", "høyde", "hommes", "femmes", "résultats", "classement", "épreuve")
    + ("mètres", "longueur", "hauteur", "uomini", "donne", "metri", "risultati", "classifica")
    + ("società", "vento", "salto", "hombres", "mujeres", "metros", "resultados", "viento")
    + ("clasificación", "heren", "uitslagen", "uitslag", "meisjes", "jongens", "miehet", "naiset")
    + ("tulokset", "categoría", "masculina", "femenina", "masculino", "femenino")
    + ("metres", "kilometres", "harriers", "programme", "pos", "club", "county")
    + ("série", "séries", "vent", "dossard", "licence", "naissance", "athlète", "rang")
    + ("reeks", "reeksen", "vereniging", "prestatie", "naam", "jahrgang", "platz", "wertung")
    + ("plac", "namn", "förening", "född", "resultat", "herrar", "flickor", "pojkar", "navn")
    + ("årgang", "kvinder", "mænd", "sij", "nimi", "seura", "tulos", "nome", "clube", "marca")
    + ("escalão", "classificação", "wyniki", "mężczyźni", "kobiety", "zawodnik", "rocznik")
    + ("výsledky", "muži", "ženy", "oddíl", "ročník", "eredmények", "férfi", "női", "atleta")
    + ("cognome", "batteria", "prestazione", "nombre", "categoria", "categorie")
)
_PUNCTUATION = str.maketrans({c: " " for c in ",.;:()[]-–/|"})


def dayfirst_of(text: str) -> bool:
    """Whether the numeric dates of a document put the day first (:func:`date_order`; month
    first when nothing tells, as US timing software prints them)."""
    return date_order(text) is True


def date_order(text: str) -> bool | None:
    """True when the numeric dates of a document put the day first: some date can only be read
    that way ('18/1/2020') and none only the other way ('1/18/2020'); or none tells, and the
    document speaks a language that puts the day first (two of its results words: '80 metri',
    'vento'). False when they put the month first: a date only so, or hometowns in US states
    ('Ankeny, IA'). None when nothing tells."""
    day = month = False
    for m in _SLASHED.finditer(text):
        a, b = int(m[1]), int(m[3])
        day = day or (a > 12 >= b)
        month = month or (b > 12 >= a)
        if day and month:
            break
    if day or month:
        return day and not month
    head = text[:20_000]  # its first pages
    if len(_US_PLACE.findall(head)) >= 2:
        return False  # (before the words: a US race's 'Pos' and 'Club' columns)
    words = set(head.casefold().translate(_PUNCTUATION).split())
    return True if len(_DAY_FIRST_WORDS & words) >= 2 else None


# US states and Canadian provinces, as results print a hometown's ('Ankeny, IA')
STATES = frozenset((
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "AB", "BC", "ON", "QC",
))  # fmt: skip
_US_PLACE = re.compile(
    rf"\b[A-Z][a-z]+,\s?(?:{'|'.join(sorted(STATES - {'AB', 'BC', 'ON', 'QC'}))})\b"
)


# when a page was posted, not when the meet was held ('Posted 15 June 2025 by ...')
POSTED = re.compile(r"\b(?:posted|published|updated)\b(?:\W+\w+){1,5}", re.I)


def mostly_date(line: str) -> bool:
    """A line that is mostly a date ('30th - 31st August 2018'): no result line."""
    printed, day = date_in(line)
    return day is not None and len(printed or "") * 2 >= len(line.strip())


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# 'Apr 18', 'Sat, May 2', '18 April', '18.4.', '4/18', 'Apr 18-19': a day without its year
MONTH_DAY = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:{_MONTH}\s+{_DAY}|{_DAY}\.?\s+{_MONTH}|"
    rf"\d{{1,2}}/\d{{1,2}}|\d{{1,2}}\.\d{{1,2}}\.)(?:\s*[-–]\s*{_DAY})?$",
    re.I,
)
