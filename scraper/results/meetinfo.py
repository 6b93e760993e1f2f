"""The meet of a structured document: ``Label: value`` rows (``Stevne: | Midt-Norsk 3000m
Challenge``, ``DATO: | 24.10.2010``, ``Venue:``) and the report's own headings, and the dates they
print (``24.10.2010``, ``28/05/2022``, ``12/25/20``, ``2014年6月29日``, ``2016-07-23``).

A heading is the meet's name when it reads like one (a championship, meeting, relays, parkrun,
大会 ...), never a site's boilerplate ('Results', 'Ergebnisliste', the club's name in the title).
"""

from __future__ import annotations

import datetime as dt
import re

from scraper.results.dates import date_in
from scraper.results.model import Meet
from scraper.results.tablewords import EVENT_COLUMNS, header_field, meta_label

_ISO = re.compile(r"\b((?:19|20)\d\d)-(\d{1,2})-(\d{1,2})(?!\d)")
# a range's first day: '24-25.05.2025', '10./11.06.2017'
_DOTTED = re.compile(r"\b(\d{1,2})\.?(?:\s?[-–/]\s?\d{1,2})?\.(\d{1,2})\.((?:19|20)?\d\d)\b")
_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)?\d\d)\b")
_CJK = re.compile(r"((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
MEET_WORDS = re.compile(
    r"\b(?:championships?|champs|invitational|invite|meet|meeting|relays|games|classic|cup|"
    r"open|gala|parkrun|marathon|half marathon|road race|race|\d+\s?km?|series|trophy|league|ultra|"
    r"lauf|championnats?|campeonatos?|campionat[io]?|cros|challenge|miles|festival|foulées|corrida|"
    r"grand prix|diamond league|trofeo|m[eé]mori(?:al|ał|ál|jal|ale)|mityng|m[ií]tink|"
    r"mistrzostw\w*|mistrovství|přebor\w*|bajnokság\w*|mesterskab\w*|mestaruus\w*|kisat|"
    r"kilpailut|carnival|p[ůó]?łmaraton|"
    r"p[ůu]lmaraton|maraton[ae]?|maratón|lekene|lekane|liga|ligi)\b"
    # German, Dutch and Nordic words are compounded ('Kreismeisterschaften', 'Hallensportfest',
    # 'Seriestevne', 'Kretsmesterskap', 'Zomeravondwedstrijd', 'Aftenstævne', 'Sörmlandsspelen')
    r"|(?:meisterschaft(?:en)?|sportfest|stevnet?|mesterskap(?:et)?|mästerskap(?:en)?|"
    r"kampioenschap(?:pen)?|wedstrijd(?:en)?|stævne(?:t)?|spelen|tävling(?:en|ar)?)\b|"
    r"大会|競技会|記録会|選手権|定期戦|锦标赛|运动会|大奖赛|邀请赛|대회|선수권",
    re.I,
)
# the word 'results' in the languages results are published in (sections.py reads it too)
RESULTS_WORDS = (
    r"results?|résultats|resultats|ergebnisse|ergebnisliste|resultater|resultatliste|"
    r"uitslagen|uitslag|resultados|risultati|tulokset|resultatlista|wyniki|výsledky|eredmények"
)
_RESULTS_WORD = re.compile(rf"\b(?:official\s+)?(?:{RESULTS_WORDS})\b|〜?競技結果〜?", re.I)
_BOILERPLATE = re.compile(
    rf"^(?:{RESULTS_WORDS}|live results|official results|meet results|競技結果|結果)$", re.I
)


def day_of(text: str | None, dayfirst: bool | None = None) -> tuple[str | None, str | None]:
    """The first date in ``text``: (as printed, YYYY-MM-DD).  Day and month by position where
    the numbers do not settle it: dotted dates are day first; slashed dates as ``dayfirst``
    says (the results' own dates or language, :func:`~scraper.results.dates.dayfirst_of`), else
    day first with a four-digit year and month first with a two-digit year and no leading
    zeros (the form a US browser renders)."""
    if not text:
        return None, None
    found = []
    for rx, order in ((_ISO, "ymd"), (_CJK, "ymd"), (_DOTTED, "dmy"), (_SLASHED, "?")):
        m = rx.search(text)
        if m:
            found.append((m.start(), m, order))
    named = date_in(text, bool(dayfirst))  # a month's name: '7 March 2025', before a birth date
    if named[0] is not None and all(text.find(named[0]) < f[0] for f in found):
        return named
    if not found:
        return None, None
    _, m, order = min(found, key=lambda f: f[0])
    a, b, c = (int(x) for x in m.groups())
    if order == "ymd":
        y, mo, d = a, b, c
    else:
        y = c if c >= 100 else 2000 + c if c < 50 else 1900 + c
        d, mo = a, b
        us = not dayfirst if dayfirst is not None else len(m[3]) == 2 and m[1][:1] != "0"
        if order == "?" and (b > 12 or (a <= 12 and us)):
            d, mo = b, a
        if mo > 12 and d <= 12:
            d, mo = mo, d
    try:
        return m.group(0), dt.date(y, mo, d).isoformat()
    except ValueError:
        return None, None


def read_meta(cells: list[str], meet: Meet) -> bool:
    """A ``Label: value`` row fills the meet (its field stays as it was when already set);
    True when the row was one (labels that name no meet field are passed over)."""
    filled = [" ".join(c.split()) for c in cells if c.strip()]
    if len(filled) != 2 or len(filled[0]) > 40:
        return False
    if not filled[0].endswith((":", "：")):  # a sheet's two cells: 'Meet' | 'Bellerive Open'
        if meta_label(filled[0] + ":") is None or header_field(filled[1]) is not None:
            return False
        filled[0] += ":"
    field = meta_label(filled[0])
    if field is None:
        return True  # another label over the results ('Telefon:', 'Kontaktperson:')
    _fill_field(meet, field, filled[1])
    return True


def _fill_field(meet: Meet, field: str, value: str) -> None:
    """A meet's field from a labelled value, unless it is set already; a date where it reads as
    one."""
    if field == "date":
        raw, day = day_of(value)
        if day and meet.date is None:
            meet.date_raw, meet.date = raw, day
    elif getattr(meet, field) is None:
        setattr(meet, field, value)


def meet_columns(labels: list[str], rows: list[list[str]], meet: Meet | None) -> None:
    """An export's 'Meet' and 'Date' columns, one value on every row: the meet's name and date
    (a column whose values differ is the rows' own, a ranking's)."""
    if meet is None or not rows:
        return
    for j, label in enumerate(labels):
        if label.strip().casefold() in EVENT_COLUMNS:
            continue  # 'Event', 'Race': the rows' event, however many
        field = meta_label(label.strip() + ":")
        values = {r[j].strip() for r in rows if j < len(r)}
        if field in ("date", "name", "venue") and len(values) == 1 and (value := values.pop()):
            _fill_field(meet, field, value)


_DISTANCE_ONLY = re.compile(r"\d+(?:[.,]\d+)?\s?(?:k|km|mi|miles?|m|meters?|metres?)", re.I)
RACE_DISTANCE = re.compile(rf"\b{_DISTANCE_ONLY.pattern}\b", re.I)  # '5K', '100 km', '800 metres'


def meet_word(text: str) -> bool:
    """The text holds a meet's word other than a distance ('Skyline Ultra', not '100 km')."""
    return bool(MEET_WORDS.search(RACE_DISTANCE.sub(" ", text)))


def names_meet(text: str) -> bool:
    """The text holds a meet's word, and more than a race's distance ('100 km – Results',
    'Race: 8K'); no time of day ('Race started 9:00 AM': a race's line)."""
    return bool(MEET_WORDS.search(text)) and not race_only(text) and not _DAY_TIME.search(text)


def may_name_meet(text: str) -> bool:
    """A line over a page's first results that may name the meet: a meet's word, not a label
    alone ('Race:') nor a race's line ('Race started 9:00 AM'); short, or a report's sentence."""
    return meet_word(text) and names_meet(text) and (len(text) < 120 or prose(text))


def race_only(text: str) -> bool:
    """'5K Results', 'Race: 8K', '100 km – Results', 'Race:': a race's distance or a label, and
    no meet's name."""
    rest = _RACE_LABEL.sub("", strip_results(text))
    return not rest or bool(_DISTANCE_ONLY.fullmatch(rest))


_RACE_LABEL = re.compile(r"^(?:race|event|distance|course)\b\s*:?\s*", re.I)
_DAY_TIME = re.compile(r"\b\d{1,2}[:.]\d\d\s?[ap]\.?m\b\.?", re.I)  # '9:00 AM', '7.30pm'


def meet_name(headings: list[str], fallback: list[str] | None = None) -> str | None:
    """The first heading that reads like a meet's name, else the first of ``fallback`` (the top
    headings) that is not boilerplate nor only a date."""
    for h in _clean(headings):
        if names_meet(h):
            return strip_results(h)
    for h in _clean(fallback or []):
        name = title_line(h)  # 'Foulées de la Ville 10 km - 12/05/2024': less its date
        if re.search(r"[^\W\d_]{3}", name) and len(name.split()) >= 2 and not is_boilerplate(name):
            return name
    return None


def is_boilerplate(heading: str) -> bool:
    """'Results', 'Ergebnisliste', 'Résultats': a heading any results page prints."""
    return bool(_BOILERPLATE.match(" ".join(heading.split())))


def _clean(headings: list[str]) -> list[str]:
    clean = [" ".join(h.split()).strip("●◆■ ") for h in headings]
    return [h for h in clean if 3 <= len(h) <= 150 and not _BOILERPLATE.match(h)]


def strip_results(h: str) -> str:
    """'Uitsig Relays 2012 - Results' -> 'Uitsig Relays 2012', 'Summer Solstice Results 2013' ->
    'Summer Solstice 2013'."""
    out = _RESULTS_WORD.sub(" ", h)
    # segments left empty, or holding only a year (the date, kept apart), go with their separators:
    # 'Pre Classic - Results - 2023 Results' -> 'Pre Classic'
    parts = [p.strip() for p in re.split(r"(?:(?<=\s)|^)[-–—|](?=\s|$)", " ".join(out.split()))]
    parts = [p for p in parts if p and not re.fullmatch(r"(?:19|20)\d\d", p)]
    out = " - ".join(" ".join(p.split()) for p in parts).strip(" -–—|:")
    return out if re.search(r"[^\W\d_]", out) else h


def title_line(text: str) -> str:
    """A meet's title line as its name: less its date and a 'Results' word."""
    return strip_results(without_date(text))


def without_date(text: str) -> str:
    """'●2014年6月29日(日) 第65回 ... 大会' -> '第65回 ... 大会': a title line less its date."""
    raw, _ = day_of(text)
    out = text.replace(raw, " ") if raw else text
    out = re.sub(r"^[\s●◆■・*-]*(?:\([^)]{1,3}\)|（[^）]{1,3}）)?", "", out.strip())
    return " ".join(out.split()).strip("●◆■ ") or text


_JOINERS = frozenset({"of", "the", "and", "&", "de", "la", "du", "des", "del", "di", "der", "für"})
_DAYS = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|june|july|august|"
    r"september|october|november|december",
    re.I,
)


def prose(text: str) -> bool:
    """A report's sentence, not a title line: eight words or more, three of them lower-case
    words that join no name ('won', 'both', 'team', 'titles')."""
    words = text.split()
    lower = sum(w.isalpha() and w.islower() and w not in _JOINERS for w in words)
    return len(words) >= 8 and lower >= 3


def meet_in_sentence(text: str) -> str | None:
    """The meet a report's sentence names in capitalised words ('... won both team titles at
    the Greene County Championships on Saturday.' -> 'Greene County Championships')."""
    words = [w.strip("\"'“”‘’()") for w in text.split()]
    for i, word in enumerate(words):
        if not word[:1].isupper() or not MEET_WORDS.fullmatch(word.rstrip(",.;:!?")):
            continue
        lo = i
        while lo > 0 and _named(words[lo - 1]) and words[lo - 1][-1] not in ",.;:!?":
            lo -= 1
        hi = i
        while hi + 1 < len(words) and _named(words[hi + 1]) and words[hi][-1] not in ",.;:!?":
            hi += 1
        while lo < i and words[lo].casefold() in _JOINERS:
            lo += 1
        name = " ".join(words[lo : hi + 1]).rstrip(",.;:!?")
        if lo < i or hi > i:
            return name
    return None


def _named(word: str) -> bool:
    """A word of a capitalised name ('Greene', '2026', '45th', 'of'), not a day or a month."""
    if not word or _DAYS.fullmatch(word.rstrip(",.;:!?")):
        return False
    return word[0].isupper() or word[0].isdigit() or word in _JOINERS


def venue_apart(meet: Meet) -> None:
    """'Campionati Regionali Assoluti - Firenze, Stadio Ridolfi': a heading that prints the
    venue after the meet's name, parted by dashes; the venue's parts leave the name for the
    venue (a stadium's word, a town with its state: 'São Paulo/SP', 'Eugene, OR'), when what
    is left names a meet."""
    if not meet.name or meet.venue:
        return
    parts = [p.strip() for p in re.split(r"\s+[-–—|]\s+", meet.name)]
    venue = [p for p in parts if (_VENUE.search(p) or _TOWN.match(p)) and not names_meet(p)]
    name = [p for p in parts if p not in venue]
    if venue and name and any(names_meet(p) for p in name):
        meet.name, meet.venue = " - ".join(name), ", ".join(venue)


_VENUE = re.compile(
    r"\b(?:stadium|stadio|estadio|estádio|stade|arena|sportpark|sportplatz|idrettspark|"
    r"idrottsplats|centro|cent(?:er|re)|complex|oval|velodrome|polideportivo|pista)\b|"
    r"\w*stadion\b",  # ('Leichtathletikstadion')
    re.I,
)
_TOWN = re.compile(r"^[^\W\d_][\w .'-]*(?:/[A-Z]{2}|, [A-Z]{2})$")  # 'São Paulo/SP', 'Eugene, OR'
