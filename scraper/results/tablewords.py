"""Words that structured results (tables, sheets, JSON keys) print, in several languages: column
headers, the labels of a meet's key/value block, and the words of section titles that carry a
gender or a team table (a field event's: :func:`scraper.results.model.unit_hint_of`).

Every entry is a word results are published with (English, German, French, Norwegian, Swedish,
Danish, Dutch, Spanish, Italian, Japanese); a column's word is looked up after
:func:`scraper.results.headers.field_of`, the vocabulary of the text readers.
"""

from __future__ import annotations

import re
from functools import lru_cache

from scraper.results.headers import HEADER_FIELDS, field_of

# header word (casefolded) -> field; "first"/"last" are the halves of a split name, "chip" a second
# time column (chip or net time beside the gun time), "category" an age/sex class (MV40, SEH, U20)
_HEADERS = {
    "place": "place pos position rank rang platz plassering plass placering plats classement "
    "clt scratch posición puesto plaats sija 順位 着順",
    "athlete": "name athlete competitor runner parkrunner participant navn nom nombre naam "
    "atleta deltaker deltagare teilnehmer 氏名 選手名 名前",
    "first": "firstname forename prénom vorname fornavn förnamn voornaam",
    "last": "lastname surname nachname etternavn efternamn achternaam apellido apellidos",
    "team": "club team verein klubb klub förening équipe ploeg vereniging equipo 所属 "
    "affiliation school organisation organization",
    "country": "country nation nationality land nationalité nazione país province prov region 国",
    "year": "jg jahrgang fødselsår født årgang yob born année né naissance 学年 alder âge edad "
    "leeftijd",
    "bib": "startnr stnr startnummer dossard dos nr ゼッケン number",
    "mark": "time result results mark performance zeit ergebnis leistung resultat résultat "
    "temps tid tiempo marca tijd 記録 guntime gun tulos aika",
    "chip": "chip chiptime nettime net netto",
    "wind": "wind vind vent viento 風 風速",
    "heat": "heat lauf serie 組",
    "lane": "lane bahn bane baan couloir corsia calle レーン",
    "points": "points pts score punkte poeng poäng pkt 得点",
    "pace": "pace allure tempo min/km min/mile pace/mile pace/km",
    "sex": "sex gender geschlecht kjønn køn kön sexe genre geslacht sexo sesso 性別 m/f",
    "category": "cat category catégorie categorie kategori kategorie kat kat. klasse ak "
    "altersklasse agegroup division categoría 種別",
    "laps": "laps runden tours runder varv 周回",
    "race": "race course wave",
    "note": "note notes remark remarks bemerkung merknad anmerkung comment comments 備考",
    "status": "status statut estado irm",  # (ODF's 'invalid result mark': DNS, DNF, DQ)
}
# a column naming each row's event or race: a table of many events, its rows parted by it
EVENT_COLUMNS = frozenset(
    ("event", "event name", "race", "discipline", "disziplin", "wettbewerb", "bewerb", "øvelse")
    + ("gren",)
    + ("épreuve", "epreuve", "disciplina", "prova", "gara", "prueba", "laji", "種目")
    + ("disciplína", "konkurencja", "konkurence", "versenyszám", "onderdeel", "nummer")
)
# a column naming each row's round in a table of many events ('Round': 'Prelims', 'Final')
ROUND_COLUMNS = frozenset(
    {"round", "rd", "runde", "tour", "turno", "ronda", "omgång", "ronde", "kolo", "runda"}
)

_CELL_FIELDS: dict[str, str] = {
    _w.casefold(): _field for _field, _words in _HEADERS.items() for _w in _words.split()
}
# headers of several words, looked up whole
_CELL_FIELDS.update(
    {
        "first name": "first",
        "given name": "first",
        "last name": "last",
        "family name": "last",
        "nom de famille": "last",
        "record": "mark",  # a table's results column where the language prints 記録 ('Record')
        "race no": "bib",
        "race number": "bib",
        "bib number": "bib",
        "start no": "bib",
        "start number": "bib",
        "chip time": "chip",
        "net time": "chip",
        "gun time": "mark",
        "final time": "mark",
        "finish time": "mark",
        "official time": "mark",
        "age group": "category",
        "age cat": "category",
        "age category": "category",
        "age class": "category",
        "birth year": "year",
        "year of birth": "year",
        "date of birth": "year",  # a birth date: its year (columns.build_row keeps the date)
        "birth date": "year",
        "date de naissance": "year",
        "fecha de nacimiento": "year",
        "data di nascita": "year",
        "data urodzenia": "year",
        "datum narození": "year",
        "születési dátum": "year",
        "nom prénom": "athlete",
        "nom et prénom": "athlete",
        "full name": "athlete",
        "average lap": "pace",
        "avg lap": "pace",
        "heat no": "heat",
        "overall place": "place",
        "total points": "points",
        "total pts": "points",
        "points total": "points",
        "team points": "points",
        "total score": "points",
    }
)

_SPLIT_KEY = re.compile(r"(?<=[a-z])(?=[A-Z])|[_\s]+")


@lru_cache(maxsize=4096)
def header_field(text: str, loose: bool = True) -> str | None:
    """The field a column header names ('Nachname' -> 'last', 'Race No.' -> 'bib', 'placeInRace'
    -> 'place'), or None.  ``loose`` also reads a header of two or three words by its first word
    ('time race', 'rank gender'): for the columns of a row already known to be a header."""
    h = " ".join(text.replace("\xa0", " ").split())
    if not h:
        return None
    low = h.casefold()
    for key in (low, low.rstrip(":.#*"), low.strip("()[]")):
        if key in _CELL_FIELDS:
            return _CELL_FIELDS[key]
    known = field_of(h)
    if known:
        return {"finals": "mark", "prelims": "prelims"}.get(known, known)
    words = " ".join(_SPLIT_KEY.split(h)).casefold().strip()
    if words != low:
        return header_field(words, loose) if words else None
    parts = low.split()
    if len(parts) == 2 and _CELL_FIELDS.get(parts[0]) == _CELL_FIELDS.get(parts[1]) is not None:
        return _CELL_FIELDS[parts[0]]  # one language over the other: 'Rang<br>Place'
    if loose and 2 <= len(parts) <= 3 and parts[0] in _CELL_FIELDS:
        return _CELL_FIELDS[parts[0]]  # 'time race', 'rank gender', 'place in race'
    return None


def header_word(text: str) -> bool:
    """Cheap first test of a header cell: the text, as it is, is a known header word."""
    low = " ".join(text.split()).casefold().rstrip(":.#*")
    if "/" in low.strip("/"):  # a header in two languages: 'Rang / Place'
        return all(header_word(part) for part in low.split("/") if part.strip())
    words = low.split()  # ... or one over the other: 'Rang<br>Place'
    if len(words) == 2 and all(w in _CELL_FIELDS or w in HEADER_FIELDS for w in words):
        return True
    return low in _CELL_FIELDS or low in HEADER_FIELDS


# key/value lines above a table or at the top of a sheet: 'Stevne:', 'Datum:', 'Venue:'
META_LABELS = {
    "name": "meet stevne stevnenavn competition compétition veranstaltung wettkampf event "
    "meeting tävling evenement competición gara race 大会 大会名 championship title",
    "date": "date dato stevnedato datum date de l'épreuve fecha data 日付 日時 datum/zeit",
    "venue": "venue stevnested sted location ort lieu stadium stadion arena place sted/arena "
    "plats lugar luogo 会場 場所 course",
}
_META: dict[str, str] = {}
for _field, _words in META_LABELS.items():
    for _w in _words.split():
        _META.setdefault(_w, _field)


def meta_label(text: str) -> str | None:
    """'Stevnedato:' -> 'date', 'STED:' -> 'venue', 'Meet:' -> 'name'; None for other text."""
    t = text.strip()
    if not t.endswith(":") and not t.endswith("："):
        return None
    return _META.get(t.rstrip(":：").strip().casefold())


# a section title's words that carry the gender: Norwegian, German, French, Dutch, Swedish,
# Spanish, Afrikaans, Japanese (the English words are model.gender_of's)
_FEMALE = re.compile(
    r"\b(?:kvinner|jenter|damer|frauen|damen|weiblich|weibl|mädchen|femmes|féminin|feminin|"
    r"dames|vrouwen|meisjes|flickor|kvinnor|mujeres|femenino|damas|dogters|meisies)\b|女子|女",
    re.I,
)
_MALE = re.compile(
    r"\b(?:menn|gutter|herrer|männer|herren|männlich|männl|jungen|hommes|masculin|heren|"
    r"mannen|jongens|herrar|pojkar|män|hombres|masculino|varones|seuns)\b|男子|男",
    re.I,
)
_TEAM_TITLE = re.compile(
    r"\b(?:mannschaft\w*|équipes?|par équipes|lagkonkurranse|holdkonkurrence|klubbresultater|"
    r"team results?|teams?|house (?:points|scores?|results?))\b|団体|対校",
    re.I,
)


def title_gender(text: str | None) -> str | None:
    """'Jenter 15' -> 'F', 'Männer' -> 'M', '男子5000m' -> 'M'; None when the title says none."""
    if not text:
        return None
    female, male = bool(_FEMALE.search(text)), bool(_MALE.search(text))
    if female == male:
        return None
    return "F" if female else "M"


def is_team_title(text: str | None) -> bool:
    return bool(text and _TEAM_TITLE.search(text))
