"""The shape every results reader returns: a meet, its events (sections) and their rows.

Raw text is always kept beside typed values (``mark_raw`` next to ``mark``, ``raw`` = the source
line or cells).  :func:`to_contract` turns a document into the JSON of the results_eval.py contract.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from scraper.results.categories import category_of, lead_gender
from scraper.results.marks import parse_mark, parse_wind


@dataclass(slots=True)
class Row:
    place: int | None = None
    athlete: str | None = None
    team: str | None = None
    year: str | None = None
    bib: str | None = None
    mark_raw: str | None = None
    mark: float | None = None
    unit: str | None = None
    timing: str | None = None
    wind_raw: str | None = None
    wind: float | None = None
    status: str | None = None
    qualifier: str | None = None
    flags: list[str] = field(default_factory=list)
    tiebreak: str | None = None
    points: float | None = None
    seed_raw: str | None = None
    heat: int | None = None
    relay_members: list[dict[str, Any]] = field(default_factory=list)
    attempts: list[dict[str, Any]] = field(default_factory=list)
    splits: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    raw: str | list[str] | None = None

    def set_mark(self, raw: str | None, unit_hint: str | None = None) -> None:
        mk = parse_mark(raw, unit_hint)
        self.mark_raw = mk.raw
        self.mark, self.unit, self.timing, self.status = mk.value, mk.unit, mk.timing, mk.status
        if mk.qualifier:
            self.qualifier = mk.qualifier
        for f in mk.flags:
            if f not in self.flags:
                self.flags.append(f)

    def set_wind(self, raw: str | None) -> None:
        if raw is None or not raw.strip():
            return
        self.wind_raw = raw.strip()
        self.wind, flags = parse_wind(raw)
        self.flags.extend(f for f in flags if f not in self.flags)


@dataclass(slots=True)
class Event:
    name: str
    gender: str | None = None
    division: str | None = None
    round: str | None = None
    heat: int | None = None
    wind: float | None = None
    kind: str = "individual"  # individual | relay | team_scores
    number: str | None = None
    rows: list[Row] = field(default_factory=list)


@dataclass(slots=True)
class Meet:
    name: str | None = None
    date: str | None = None  # YYYY-MM-DD
    date_raw: str | None = None
    venue: str | None = None

    def fill(self, other: Meet) -> None:
        """Take ``other``'s name, date and venue where this meet has none."""
        for k in ("name", "date", "date_raw", "venue"):
            if getattr(self, k) is None and getattr(other, k) is not None:
                setattr(self, k, getattr(other, k))


@dataclass(slots=True)
class ResultDoc:
    meet: Meet = field(default_factory=Meet)
    events: list[Event] = field(default_factory=list)
    format: str = "unknown"
    error: str | None = None
    # The text the text readers read (a text file, a PDF's text layer, an HTML page's <pre> or
    # rendered text): what the audit (scraper.results.audit) holds the rows against.
    text: str | None = field(default=None, repr=False)


# gender words of event titles in the languages results are published in
_GENDER_WORDS = (
    (re.compile(r"\b(mixed|coed|co-ed|gemischt|mixte|mixt|blandet)\b", re.I), "X"),
    (
        re.compile(
            r"\b(girls?|women'?s?|womens|females?|ladies|wmn|frauen|damen|weiblich\w*|mädchen|"
            r"juniorinnen|kvinner|jenter|damer|flickor|femmes|filles|féminin\w*|feminin\w*|"
            r"mujeres|femenino|donne|femminile|vrouwen|dames|meisjes|naiset|tytöt|"
            r"allieve|cadette|ragazze|cadettes|benjamines|femenin\w*|femenil|chicas|kvinnor|"
            r"ženy|žena|žen|žien|žákyně|žákyň|dorostenky|dorostenek|juniorky|juniorek|"
            r"kobiet\w*|kobiety|juniorki|nők|női|"
            r"kvinder|piger|leány\w*|lány\w*|žene|juniorke|kadetkinje|djevojčice|kad[ıi]nlar|"
            r"k[ıi]zlar|fete|femei|junioare|femení|noies|γυναικ\w*|κορασίδων|κορασιδων|"
            r"νεανίδων|νεανιδων|женщины|девушки|юниорки|девочки|жінки|дівчата|юніорки|"
            r"سيدات|نساء|ناشئات)\b|女子|여자",
            re.I,
        ),
        "F",
    ),
    (
        re.compile(
            r"\b(boys?|men'?s?|mens|males?|männer|herren|männlich\w*|jungen|junioren|menn|"
            r"gutter|herrar|herrer|pojkar|hommes|garçons|masculin\w*|hombres|varones|uomini|maschile|"
            r"mannen|heren|jongens|miehet|pojat|allievi|cadetti|cadets?|ragazzi|varonil|chicos|män|"
            r"muži|muž|mužů|mužov|žáci|žáků|dorostenci|dorostenců|junioři|juniorů|"
            r"mężczyzn\w*|mężczyźni|juniorzy|férfiak|férfi|"
            r"mænd|drenge|fiú\w*|muškarci|juniori|kadeti|dječaci|erkekler|băieți|baieti|"
            r"bărbați|barbati|masculí|nois|ανδρ\w*|άνδρες|παίδων|παιδων|εφήβων|εφηβων|мужчины|"
            r"юноши|юниоры|мальчики|чоловіки|юнаки|юніори|رجال|ناشئين)\b|男子|남자",
            re.I,
        ),
        "M",
    ),
)
_GENDER_MARK = re.compile(r"\(([MFWX])\)", re.I)
# a category in a title: 'U17M', 'U15G', 'V40M', 'KS', 'M35', 'G-13'; UK 'SW' after a race
_CATEGORY_TOKEN = re.compile(
    r"\bU\d{2}[MWFBG]\b|\bV\d{2}[MW]\b|\b[MK][SJ]\b|(?<=\d\s)S[MW]\b|(?<=\dm\s)S[MW]\b|"
    r"\b(?:SE|ES|JU|CA|MI|BE|PO|EA|MA|TC)[MHF]\b|"  # FFA's: '100m / TCM', '800m SEF'
    r"[A-Za-z]{1,3}[- ]?\d{1,4}"
)
_GENDER_LEAD = re.compile(r"\s*([MWFNKHD])\s+\d+\s?(?:m|km)\b")
_GENDER_TRAIL = re.compile(
    r"\d\s?(?:m|km)\s+([KMW])(?=$|\s+[-–]\s|,)|"
    r"(?<=[^\W\d_]|\))\s([KM])(?=(?:\s+\(\d[^()]*\))?(?:\s+[-–]\s|,|$))"
)  # '... 100 m K - finał', 'Skok w dal K - finał', 'Rzut oszczepem (700 g) M - finał'; Swedish
# lists' '100 m K, Final' and 'Kula M'; a throw's implement after it: 'rzut dyskiem K (1 kg)'
_DIVISION = re.compile(
    r"\b(varsity|jv|junior varsity|novice|open|intermediate|masters?|youth|elite|frosh|freshman|"
    r"sophomore|middle school|ms|hs|u/?\d{1,2}|under \d{1,2}|\d{2}\s*(?:&|and)\s*(?:over|under)|"
    r"div(?:ision)?\.? ?[ivx\d]+|class [a-z\d]+|[a-d]{1,2} division)\b",
    re.I,
)
_RELAY = re.compile(  # and the relay's word in the languages results come in (compounds too:
    # 'Schwedenstaffel', 'ruotsalaisviesti'; the count after a kanji: '女子4×100mR')
    r"(?<![\dA-Za-z])\d+\s*[x×]\s*\d+|\brelay\b|\bmedley\b|\b[ds]mr\b|\bshuttle\b|\bestafette\b|"
    r"\bstafett(?:en|et)?\b|staffel\b|\bstaffetta\b|\brelevos?\b|\brelais\b|viesti\b|"
    r"\bsztafeta\b|\bštafeta\b",
    re.I,
)
_TEAMS = re.compile(r"team (rankings|scores|standings|results)|team scor", re.I)
_ROUNDS = (
    (re.compile(r"\bsemi[- ]?finals?\b|\bsemis\b|\bsf\s?\d\b|\bsemi\s\d\b", re.I), "Semifinals"),
    (re.compile(r"\bquarter[- ]?finals?\b", re.I), "Quarterfinals"),
    (re.compile(r"\bprelim(inarie)?s?\b|\bpreliminary\b", re.I), "Prelims"),
    (re.compile(r"\bzwischenl(a|ä)uf\w*|\bhalbfinal\w*|\bdemi-?finales?\b|\bsemifinale\b|"
                r"\bhalve finales?\b|"
                r"\bvälierä\w*|\bsemifinal(?:es|er)\b|\bsemifinał\w*|\bsemifinále\b|\bpółfinał\w*|\belődöntő\b|"
                r"準決勝|准决赛|半决赛|준결승|\bполуфинал\w*|نصف النهائي", re.I), "Semifinals"),
    (re.compile(r"\bheats?\b|\bround 1\b|\b(?:zeit)?vorl(a|ä)uf\w*|\bforsøk\b|\bséries\b|"
                r"\bbatteri[ae]\b|\balkuerä\w*|\beliminat[óo]rias?\b|\bförsök\b|\beliminacje\b|\belőfutam\w*|"
                r"\bprzedbieg\w*|\breeksen\b|[-–]\s*series\s*$|"  # (Dutch: '100m Dames - Series')
                r"\brozběh\w*|予選|预赛|예선|\bзабег\w*|\bпредварительн\w*|"
                r"التصفيات", re.I), "Heats"),
    (re.compile(r"\bqualif(ying|ication)\b|\bqualifikation\b|\bkvalifi(?:kation|sering|kace)\b|"
                r"\bkwalifikacje\b|\bselejtező\b", re.I), "Qualifying"),
    (re.compile(r"\b(timed )?finals?\b|\bfinale\b|\bendl(a|ä)uf\b|\bzeitl(a|ä)uf\w*|"
                r"\bloppukilpailu\b|\bfinaali\b|\bfinał\b|\bfinále\b|\bdöntő\b|τελικός|τελικος|"
                r"決勝|决赛|결승|\bфинал\w*|النهائي",
                re.I), "Finals"),
    # a numbered series, once no final is named: 'Serie 1', 'Reeks 2', '1. Seri', 'Σειρά 1';
    # Power of 10's heats ('100 U15M h1')
    (re.compile(r"\b(?:seri[ea]?|série|reeks|σειρά|σειρα)\s*\d|"
                r"\b\d\.?\s*(?:seri[ea]?|série|reeks)\b|(?-i:\bh[1-9]\d?\b)", re.I), "Heats"),
)  # fmt: skip
# a field event's words (its bare numbers are metres), in the languages results come in
_FIELD_EVENT = re.compile(
    r"jump|vault|put|throw|discus|javelin|hammer|weight|sprung|stoß|stoss|wurf|kugel|diskus|"
    r"speer|høyde|lengde|tresteg|stav|kule|spyd|diskos|slegge|saut|lancer|poids|disque|marteau|"
    r"javelot|perche|hauteur|longueur|hoogspringen|verspringen|polsstok|kogel|höjd|längd|kula|"
    r"slägga|spjut|salto|lancio|getto|lanzamiento|pituus|korkeus|seiväs|kuula|kiekko|keihäs|"
    r"moukari|kolmiloikka|dálk|výšk|longitud|\baltura\b|p[ée]rtiga|\bweit\b|\bhoch\b|\bstab\b|\bvrh\b|\bhod\b|\bskok|pchnięcie|\brzut|springning|"
    r"længdespring|højdespring|trespring|stangspring|kuglestød|kast\b|ugrás|lökés|hajítás|"
    r"vetés|jabalina|martillo|\bdisco\b|\bpeso\b|\bbala\b|dardo|martelo|跳|投|铅球|标枪|铁饼|"
    r"oštěp|oštep|koul|guľa|kladivo|\bdisk\b|\btyč|oszczep|młot|\bdysk\b|tyczk|"
    r"链球|뛰기|던지기|прыжок|толкание|метание|άλμα|βολία|ακοντισμός|الوثب|رمي|دفع|"
    r"\b(?-i:LJ|HJ|TJ|PV|SP|DT|JT|HT|WT)\b",  # and the abbreviations
    re.I,
)
# a category's letter before a field event ('M Höjd', 'K Kula'), as Nordic lists title them
_FIELD_LEAD = re.compile(rf"\s*((?-i:[MWFNKHD]))\s+(?:{_FIELD_EVENT.pattern})", re.I)


@lru_cache(maxsize=8192)  # a section's name, asked again for each of its rows
def gender_of(text: str | None) -> str | None:
    """'Girls 1600' -> F, 'Männer' -> M, '60m G-13' -> M (a federation category), 'N 5000m' -> F
    (the category's letter before the distance), else None."""
    if not text:
        return None
    for rx, g in _GENDER_WORDS:
        if rx.search(text):
            return g
    m = _GENDER_MARK.search(text)
    if m:
        return "F" if m.group(1).upper() in "FW" else m.group(1).upper()  # '5000m (F)', '(M)'
    m = _GENDER_LEAD.match(text) or _GENDER_TRAIL.search(text) or _FIELD_LEAD.match(text)
    if m:  # 'M 100m', 'N 5000m' (Finnish miehet, naiset): a category's letter before a distance
        return lead_gender(m[1] or m[2])  # or after it ('Bieg na 100 m K': Polish kobiety)
    for tok in _CATEGORY_TOKEN.findall(text):
        cat = category_of(tok)
        if cat is not None and cat.gender is not None:
            return cat.gender
    return None


_SEX_LETTERS = {"m": "M", "h": "M", "w": "F", "f": "F", "d": "F", "k": "F", "x": "X"}


def sex_of(code: str | None) -> str | None:
    """The gender a sex column or an export's code gives: 'M', 'W', 'F', 'X', a word the gender
    words know ('Women', 'Mixed', 'Männlich'), else the first letter of a sex printed as a word
    (Herren, Hommes, Damen, Kvinne); None for another code ('O')."""
    t = (code or "").strip()
    if not t:
        return None
    return (gender_of(t) if len(t) > 1 else None) or _SEX_LETTERS.get(t.casefold()[0])


@lru_cache(maxsize=8192)
def unit_hint_of(name: str) -> str | None:
    """'m' for a field event (bare numbers are metres), 'points' for a combined event's total
    (a decathlon's 7412), else None."""
    if _COMBINED.search(name):
        return "points"
    return "m" if _FIELD_EVENT.search(name) else None


# a combined event, in the languages results come in ('Dreikampf', 'Blockwettkampf Sprint',
# 'Heptatlón', 'Sjukamp', 'Zevenkamp', 'Wielobój', 'Sedmiboj', 'Seitsenottelu')
_COMBINED = re.compile(
    r"athlon|atl[oó]n\b|combined(?! class)|(?:mehr|zehn|sieben|fünf|vier|drei|block\w*)kampf|"
    r"(?:mång|sju|tio|fem|mange|ti|meer|zeven|tien|vijf)kamp\b|"
    r"(?:wielo|siedmio|dziesięcio|pięcio)bój|(?:více|sedmi|deseti|pěti)boj|"
    r"(?:moni|seitsen|kymmen|viisi)ottelu",
    re.I,
)


def relay_legs(event: str) -> int | None:
    """The legs of the relay an event's name names ('4x400m' -> 4), or None."""
    m = _LEGS.search(event)
    return int(m[1]) if m else None


_LEGS = re.compile(r"\b([2-8])\s*[x×]\s*\d")  # a relay's legs: '4x100m', '4 x 400'


def division_of(text: str | None) -> str | None:
    m = _DIVISION.search(text or "")
    return m.group(0) if m else None


def kind_of(name: str) -> str:
    if _TEAMS.search(name):
        return "team_scores"
    return "relay" if _RELAY.search(name) else "individual"


def round_of(text: str | None) -> str | None:
    if not text:
        return None
    for rx, r in _ROUNDS:
        if rx.search(text):
            return r
    return None


def round_only(text: str) -> bool:
    """The text is a round's word and nothing else ('Vorläufe', 'Finals')."""
    return any(rx.fullmatch(text.strip(" -–:")) for rx, _ in _ROUNDS)


def new_event(name: str, **kw: Any) -> Event:
    name = " ".join(name.split())
    ev = Event(name=name, gender=gender_of(name), division=division_of(name), kind=kind_of(name))
    for k, v in kw.items():
        setattr(ev, k, v)
    return ev


def row_to_contract(r: Row, kind: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "place": r.place,
        "athlete": r.athlete,
        "team": r.team,
        "year": r.year,
        "mark": r.mark_raw,
        "mark_normalized": None if r.status else r.mark,
        "mark_unit": None if r.status or r.mark is None else r.unit,
        "wind": r.wind,
        "status": r.status,
        "relay_members": [
            {"leg": m.get("leg"), "athlete": m.get("athlete")} for m in r.relay_members
        ],
    }
    detail = {}
    for k in ("bib", "timing", "qualifier", "tiebreak", "points", "seed_raw", "heat", "wind_raw"):
        v = getattr(r, k)
        if v is not None:
            detail[k] = v
    for k in ("flags", "attempts", "splits"):
        v = getattr(r, k)
        if v:
            detail[k] = v
    if r.extra:
        detail.update(r.extra)
    if r.relay_members:
        out["relay_members"] = [dict(m) for m in r.relay_members]
    if detail:
        out["detail"] = detail
    if r.raw is not None:
        out["raw"] = r.raw
    return out


def to_contract(doc: ResultDoc) -> dict[str, Any]:
    out: dict[str, Any] = {
        "meet": {"name": doc.meet.name, "date": doc.meet.date, "venue": doc.meet.venue},
        "format": doc.format,
        "events": [],
    }
    for ev in doc.events:
        if not ev.rows:
            continue
        out["events"].append(
            {
                "event_name": ev.name,
                "gender": ev.gender,
                "round": ev.round,
                "kind": ev.kind,
                "division": ev.division,
                "heat": ev.heat,
                "wind": ev.wind,
                "number": ev.number,
                "results": [row_to_contract(r, ev.kind) for r in ev.rows],
            }
        )
    if doc.error:
        out["_error"] = doc.error
    return out
