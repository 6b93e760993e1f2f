"""What the lines between result blocks say: section titles, page furniture, the meet heading.

Pure helpers for the text readers:

- :func:`furniture`: lines printed again and again (page headers and footers, a report's banner
  repeated on every page) are furniture, never the title of a new section (unless they name an
  event or a gender: ``Girls`` over every girls' table);
- :func:`is_event_title`: a line naming an event (a distance, a discipline, a relay, in several
  languages) rather than a category or a heading;
- :func:`section_name`: the name of a block from the title lines above it (an event line and
  the sub-heading under it: ``3000m Hindernis, Männer`` + ``Junioren U23 - Zeitläufe``);
- :func:`meet_heading`: the meet's name and date from the report's own heading (its first
  lines), not from a page title or a date line.
"""

from __future__ import annotations

import re
from collections import Counter

from scraper.results.dates import MONTH_DAY, POSTED, date_in, mostly_date
from scraper.results.marks import wind_in
from scraper.results.meetinfo import MEET_WORDS, RESULTS_WORDS, meet_word, race_only
from scraper.results.model import Meet, gender_of, round_of
from scraper.results.tablewords import is_team_title

# the disciplines' words in the languages results are published in (a title holding one names
# an event); html.py's event test reads them too
DISCIPLINES = (
    r"mile|relay|hurdles?|jump|vault|put|throw|discus|javelin|hammer|dash|run|walk|"
    r"steeple\w*|decathlon|heptathlon|pentathlon|"
    r"hindernis|hürden|gehen|bahngehen|staffel|hochsprung|weitsprung|dreisprung|stabhochsprung|"
    r"kugel\w*|diskus|speer\w*|lauf|meile|weit|hoch|stab|"  # Swiss lists: 'Weit Frauen'
    r"hekk|høyde|lengde|stav|kule|spyd|slegge|stafett|kappgang|"
    r"haies|hauteur|longueur|perche|poids|disque|marteau|javelot|relais|marche|"
    r"vallas|salto|longitud|altura|pértiga|lanzamiento|relevos|ostacoli|lancio|staffetta|siepi|"
    r"getto|marcia|άλμα|σφαιροβολία|δισκοβολία|ακοντισμός|σφυροβολία|σκυταλοδρομία|"  # Greek
    r"häck|höjd|längd|kula|slägga|الوثب|رمي|دفع|التتابع|"  # Swedish, Arabic
    r"aita|korkeus|pituus|seiväs|kuula|kiekko|keihäs|moukari|viesti|"
    r"bieg|skok\w*|pchnięcie|rzut|chód|sztafeta|běh|dálka|výška|vrh|hod|chůze|štafeta|"
    r"løb|længdespring|højdespring|trespring|stangspring|kuglestød|spydkast|diskoskast|"
    r"hammerkast|vægtkast|stafet|futás|távolugrás|magasugrás|hármasugrás|rúdugrás|lökés|"
    r"súlylökés|hajítás|gerelyhajítás|diszkoszvetés|kalapácsvetés|váltó|gyaloglás|löpning|"
    r"diskuswurf|hammerwurf|gewichtwurf|peso|disco|jabalina|martillo|marcha|triple|giavellotto|"
    r"martello|dardo|arremesso|lançamento|barreiras|estafeta|revezamento|hoogspringen|"
    r"verspringen|polsstokhoogspringen|hinkstapspringen|kogelstoten|kogelslingeren|discuswerpen|"
    r"hordes|estafette|snelwandelen|oszczep|dysk|młot|płotki|koule|oštěp|kladivo|překážky|spjut|"
    r"diskos|tresteg|kolmiloikka|aidat|бег|прыжок|прыжки|толкание|метание|ходьба|эстафета|"
    r"disk|tyč|trojskok|guľa|oštep|diaľka|"  # Czech, Slovak; Swedish and Finnish compounds:
    r"släggkastning|kulstötning|spjutkastning|diskuskastning|längdhopp|höjdhopp|stavhopp|"
    r"häcklöpning|pituushyppy|korkeushyppy|seiväshyppy|kuulantyöntö|kiekonheitto|"
    r"keihäänheitto|moukarinheitto|aitajuoksu"
)
# a distance's units ('100 metri', '400 metros', '5000 mètres')
UNITS = r"meters?|metres?|meter|metri|metros|mètres|m|k|km|mi|mile|miles|yards?|yd|y"
DISTANCE = re.compile(rf"\d[\d,.]*\s*(?:{UNITS})\b|\b\d+\s*[x×]\s*\d+|\bresults?\s+for\b", re.I)
_LETTERS = re.compile(r"[^\W\d_]+")
_BARE_RACE = re.compile(r"(?<![\d.,:/-])(?:[5-9]\d|[1-9]\d{2,4})(?![\d.,:/+-])")  # 100, 1600
# Chinese, Japanese and Korean disciplines, written without spaces ('女子走幅跳', '남자 포환던지기')
CJK_DISCIPLINES = (
    r"跳|投|走|跑|米|リレー|ハードル|障害|接力|栏|障碍|马拉松|マラソン|铅球|铁饼|标枪|链球|"
    r"뛰기|던지기|달리기|계주|허들|마라톤|\d\s*[x×]\s*\d|\dm[HR]"  # 4×100mR, 400mH after 男子
)
_CJK_EVENT = re.compile(CJK_DISCIPLINES)
_MEET_WORD = re.compile(r"\w{4,}(?:meisterschaft(?:en)?|mesterskap\w*|mästerskap\w*)\b", re.I)
_CJK_TEXT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{3}")
_ALTERNATIVES = f"{DISCIPLINES}|marathon|half|cross|xc|individuals?|overall".split("|")
_EVENT_STEMS = tuple(a.removesuffix(r"\w*") for a in _ALTERNATIVES if a.endswith(r"\w*"))
_EVENT_WORDSET = frozenset(
    w
    for a in _ALTERNATIVES
    if not a.endswith(r"\w*")
    for w in ((a[:-2], a[:-1]) if a.endswith("s?") else (a,))
)
# a meet's words (scraper.results.meetinfo), and those a race's title line prints
_MEET_WORDS = re.compile(
    rf"{MEET_WORDS.pattern}|\b(?:campionati|annual|relay|run|trot|dash|xc|cross|"
    r"conference|regionals?)\b",
    re.I,
)
_NOT_TITLE = re.compile(
    r"^(?:(?:page|seite|side|pag\.?|pág\.?|página|pagina|sida|strona|strana|sivu|oldal)\s*\d+|"
    r"printed|licensed|hy-?tek|official|results?$|"
    r"ergebnisliste$|resultater$|résultats$|www\.|http|timing|results? by|©|copyright|"
    r"generated|number of records|more results|back to top|search|account|record|rekord|"
    r"meet record|meet (?:officials?|director|referee|manager)|world|area record|standard|"
    r"\w+ record|"
    r"\W*(?:no\s+(?:finishers|results|entries|starters|times)|not enough)\b)",
    re.I,
)
_BOILER = re.compile(  # page furniture, timing software's banners (Hy-Tek, MeetPro)
    r"licen[cs]ed?\b|hy-?tek'?s|directathletics|meetpro|printed\s*(?:at|:)|page \d+ of|"
    r"seite \d+ von|p[aá]gina \d+ (?:de|di)|sida \d+ av|strona \d+ z",
    re.I,
)
_DIGITS = re.compile(r"\d")
_WIDE_GAP = re.compile(r"\s{3,}|\t")
_DASH = re.compile(r"\s+[-–]\s+")
# a section's heading that names no event ('Team Scores', 'INDIVIDUAL RESULTS (TmPl = ...)')
GENERIC_TITLE = re.compile(
    r"^(?:individual|team|overall|final|official)?\s*(?:results?|scores?|scoring|standings|"
    r"summary)(?:\s+\w+){0,2}(?:\s*\(.*\))?$",
    re.I,
)
_GENERIC_HEADING = re.compile(
    rf"^(?:overall|official|final|complete|individual)?\s*(?:{RESULTS_WORDS})$", re.I
)
# a label before the meet's name, as a form prints it ('Meet: ...', 'Stevne: ...')
_MEET_LABEL = re.compile(
    r"^(?:meet(?: name)?|event name|competition|stevne|veranstaltung|wettkampf|"
    rf"compétition|manifestation|gara|competición|tävling|kilpailu|{RESULTS_WORDS})\s*:\s*",
    re.I,
)
_MAX_WORDS = 12  # more is a sentence: 'The DIV Column is your place in your age group ...'
_CONTINUED = re.compile(r"\s*\(?\b(?:cont'?d|continued|cont\.|fortsetzung|suite)\)?\s*$", re.I)
# 'Results - Boys Decathlon', 'Results for ...': the word says what the page is, the rest names
# the event
_RESULTS_OF = re.compile(
    rf"^(?:official\s+)?(?:{RESULTS_WORDS})"
    r"(?:\s*[-–:]\s*|\s+for\s+)(?=\w)",
    re.I,
)
_RESULTS_LEAD = re.compile(rf"^(?:{RESULTS_WORDS})\s*[-–:]?\s+(?=\w)", re.I)  # 'Uitslagen X 2026'
# a race's heading under the meet's: a distance first, no year ('10 km Heren Senioren')
_RACE_HEADING = re.compile(
    r"^\d[\d,.]*\s*(?:km|k|m|mi|miles?|meters?|metres?)\b(?!.*\b(?:19|20)\d\d\b)", re.I
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a weekday left where a date was taken out: 'Crestview Open — Saturday'
_DAY_NAMES = (
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|"
    r"freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b"
)
_DAY_BEFORE = re.compile(rf"{_DAY_NAMES}[\s,]*(?=\x00)", re.I)  # 'Sunday, ' before its date
_EMPTY_PART = re.compile(r"(?:\s+[-–—|]){2,}\s+")  # the date was between: 'Classic - - Results'
_WEEKDAY = re.compile(
    rf"[\s,–—-]*{_DAY_NAMES}[\s,]*$",
    re.I,
)
_DECORATION = re.compile(r"^[<>*=#~_+|\-\s]{2,}|[<>*=#~_+|\-\s]{2,}$")
_SPREAD = re.compile(r"\S {3,}\S")
_PHRASE = re.compile(r"\S \S")
# a mark as results print them (a time with its fraction, metres with centimetres, feet-inches)
_AGE_GROUP = re.compile(
    r"\b(?:girls|boys|men|women|male|female|ages?|youth)\s+\d{1,2}\s?-\s?\d{1,2}\b", re.I
)
_MARK = re.compile(  # (not a dashed date: '16-09-2023'; feet-inches, not an age group: '20-29')
    r"(?<![\w.:,-])(?:\d{1,2}:\d{2}[.,]\d{1,3}|\d{1,2}[.,]\d{2}\s?m|\d{1,3}-(?:0\d|1[01])(?:\.\d{2})?)"
    r"(?![\w.:,-])"
)


_HEAT_WORDS = (
    r"heat|section|flight|lauf|serie|série|omgang|batteria|försök|vorlauf|zeitlauf|forsøk|erä|"
    r"běh|beh|bieg|futam|reeks"
)
# a heat's, section's or flight's title: 'Heat 2 of 3', 'Flight 1', 'Lauf 2', '2. Lauf', '1. běh'
HEAT = re.compile(
    rf"^(?:(?:{_HEAT_WORDS}|heat no\.?)\s*(\d+)\b|(\d+)\s*\.\s*(?:{_HEAT_WORDS})\b)", re.I
)


def numbered_heading(first: str, second: str) -> bool:
    """A heading numbered like a place: '1. Disziplin: 100m Hürden', '2. Lauf', '1. běh'."""
    return second[-1:] == ":" and second[:-1].isalpha() or heat_of(f"{first}{second}") is not None


def heat_of(text: str) -> int | None:
    """The heat a title names ('Heat 2 of 3', '2. Lauf' -> 2), or None."""
    return int(m[1] or m[2]) if (m := HEAT.match(text)) else None


def furniture(pages: list[list[str]]) -> set[str]:
    """Page furniture: lines printed three times or more that name no event, or at the head or
    foot of half the pages (two at least) that name no distance, naming no sex, team table or
    round ('Girls', 'Team Scores', 'Final' head each list; '5000m' is printed again over its
    continued table; 'Cascade XC Invitational' is the meet's banner on every page); and a page's
    head or foot printing its number ('Risultati Pagina 2')."""
    counts = Counter(s for s in (ln.strip() for page in pages for ln in page) if s)
    edges = Counter(s for page in pages for s in _edges(page))
    most = max(2, len(pages) / 2)
    return {
        s
        for s, c in counts.items()
        if (c >= 3 and not is_event_title(s) or edges[s] >= most and not DISTANCE.search(s))
        and gender_of(s) is None
        and not (is_team_title(s) or round_of(s))
    } | {s for s in edges if _PAGE_NUMBER.search(s) and not is_event_title(s)}


# a page's number in its header or footer ('Risultati Pagina 2', 'Page 2 of 5', 'Seite 3/4')
_PAGE_NUMBER = re.compile(
    r"\b(?:page|pagina|página|seite|side|sivu|strona|sida|pag\.)\s*\d+(?:\s*(?:of|/|di|von|de|av|af|z)\s*\d+)?\b",
    re.I,
)


def _edges(page: list[str]) -> set[str]:
    """The first six and the last three lines printed on a page (its header and footer)."""
    return set((printed := [s for s in (ln.strip() for ln in page) if s])[:6] + printed[-3:])


_MARKISH = re.compile(r"\d[:.,'\"]\d")
_BRACKETS = re.compile(r"\([^()]*\)")
_BARE_RACE_LEAD = re.compile(
    r"\s*(?:60|80|100|110|150|200|300|400|500|600|800|1000|1500|3000|5000)\s+[^\W\d_]"
)


def bare_race_title(line: str) -> bool:
    """A race's title opening with its distance bare and naming a gender, no mark in it but its
    hurdles' height and its wind ('1000 CADETTI - Serie Unica', '800 SW', '80 HS (h 0,76)
    CADETTE - Finale   Vento: +0,6'): no result line with a place."""
    if not _BARE_RACE_LEAD.match(line):
        return False
    bare = wind_in(_BRACKETS.sub(" ", line))[1]
    return not _MARKISH.search(bare) and gender_of(bare) is not None


def is_event_title(s: str) -> bool:
    """A line naming an event: a distance ('400 m', '3000 metri'), a relay's legs ('4x100'), or a
    discipline's word (read word by word against a set and a few stems: one alternation of all
    the words costs 25 µs on every line of a long document)."""
    if len(s) > 100:
        return False
    if DISTANCE.search(s) or (_BARE_RACE.search(s) and gender_of(s)):
        return True  # '400 m', '3000 metri'; 'Boys 1600', 'Girls 100 (wind -0.8)'
    return any(
        w in _EVENT_WORDSET or w.startswith(_EVENT_STEMS) for w in _LETTERS.findall(s.casefold())
    ) or (not s.isascii() and bool(_CJK_EVENT.search(s)))


_START_TIME = re.compile(
    r"[\s,;|–-]*\b(?:start(?:\s*time)?|beginn|départ|inizio|hora|starttid)\s*:?\s*"
    r"\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*(?:uhr|h)\b)?(?=\s|$)",
    re.I,
)


def without_start_time(s: str) -> str:
    """A title line without the start time printed in it ('... Final - Start Time: 19:05',
    'Beginn: 14:30 Uhr', 'Final   Start Time 20:45   Wind: +0.7 m/s')."""
    return _START_TIME.sub("", s) if ":" in s or "." in s else s


def without_day_set_right(s: str) -> str:
    """An event's or a round's title without the day set apart on its line, as sheets print
    them ('Women High Jump     5/17/2025', 'QUALIFICATION - GROUP A     11 JUL 2025  10:05')."""
    parts = re.split(r"\s{3,}", s.strip())
    kept = [p for p in parts if not (re.search(r"\d", p) and mostly_date(p))]
    if not kept or len(kept) == len(parts):
        return s
    head = " ".join(" ".join(kept).split())
    return head if is_event_title(head) or round_of(head) else s


def clean_title(s: str) -> str:
    """A title line without its decoration ('>>> >>>>RESIDENTS<<<< <<<', '***** Results *****')
    or a continuation mark ('INDIVIDUAL RESULTS (cont'd)'); its inner spacing kept
    (:func:`is_title` reads it)."""
    title = _CONTINUED.sub("", _DECORATION.sub("", s)).strip()
    rest = _RESULTS_OF.sub("", title)
    return rest if rest != title and is_event_title(rest) else title


_TWO_SENTENCES = re.compile(r"\b[a-z]\w*[a-z]\.\s+[A-Z][a-z]*\s+\w+\s+\w")


def is_title(s: str) -> bool:
    """A line that may name a section: some letters, a few words, not page boilerplate, no
    mark in it (a record or standard line: 'Meet  Lacy Janson - Florida State  4.58m  2006'),
    no date (a date line, a note: 'BOSTON QUALIFIER - BASED ON AGE ON 4/18/11')."""
    words = s.split()
    if not s or len(" ".join(words)) > 110 or _longest_phrase(s) > _MAX_WORDS:
        return False
    marks = _MARK.search(_AGE_GROUP.sub(" ", s))  # 'Girls 9-10 100 Meter Dash': ages, no mark
    if _NOT_TITLE.match(s) or _BOILER.search(s) or marks or date_in(s)[1]:
        return False
    if "%" in s or "°" in s or _TWO_SENTENCES.search(s):
        return False  # weather: '73 °  81%  M CLOUDY'; prose: 'Scores follow each race. Next ...'
    if s.startswith("(") and s.endswith(")") and any(ch.isdigit() for ch in s):
        return False  # a note under a row: its split '(400 m: 1,15,75)'
    if len(_SPREAD.findall(s)) >= 2 and not _PHRASE.search(s):
        return False  # labels of a small table: 'TEMPERATURE     HUMIDITY      CONDITIONS'
    letters = sum(ch.isalpha() for ch in s)
    if letters >= 3 and letters >= len(s.replace(" ", "")) * 0.4:
        return True
    return letters > 0 and len(s) <= 40 and is_event_title(s)  # '800m P17', '10 km'


def _longest_phrase(s: str) -> int:
    """Words (dashes not counted) of the longest part of a line whose parts stand apart by wide
    gaps: a title beside the race's name ('TOP 10 IN AGE GROUP 35 - 39 YEAR OLD FEMALES  -
    RUN with the VIKINGS 5K') is two short phrases, a note one long sentence."""
    return max(sum(1 for w in part.split() if any(ch.isalnum() for ch in w))
               for part in _WIDE_GAP.split(s.strip()))  # fmt: skip


def section_name(titles: list[str]) -> str | None:
    """The block's name from the title lines above it, nearest last: the nearest event line,
    with the sub-heading printed right under it when there is one."""
    if not titles:
        return None
    nearest = titles[-1]
    if is_event_title(nearest):
        return nearest
    gendered = len(nearest.split()) <= 2 and gender_of(nearest) is not None  # 'WOMEN'
    for k in range(len(titles) - 2, -1, -1):
        if (
            gendered
            and k < len(titles) - 2
            and _YEAR.search(titles[k])
            and MEET_WORDS.search(titles[k])
        ):
            continue  # 'Women' under 'Standings' under '... Cross Country League 2024/25'
        if is_event_title(titles[k]):  # a sub-heading right under it is part of the name
            return f"{titles[k]} - {nearest}" if k == len(titles) - 2 else titles[k]
    if len(titles) >= 2 and len(nearest.split()) <= 2:
        return f"{titles[-2]} - {nearest}"  # 'Large High Schools' + 'Girls'
    return nearest


def meet_heading(lines: list[str], dayfirst: bool = False) -> Meet:
    """Meet name and date from the first lines of a report (before its first result block).
    A line may hold two blocks side by side (``MIAC CHAMPIONSHIPS      MEET OFFICIALS``): its
    parts apart by wide gaps are read apart; a generic heading before the name (``OVERALL
    RESULTS - RUN with the VIKINGS 5K``) is no part of it."""
    meet = Meet()
    named = []  # lines with a meet's word
    plain = []  # other title lines with a year, no event's: 'Uitslagen Winterloop Zandhoven 2026'
    dated: list[str] = []  # the first title line, over the line that dates it
    above: str | None = None
    for ln in lines:
        printed = date_in(ln, dayfirst)[0]
        if _MARK.search(ln.replace(printed, " ") if printed else ln) or _STAMP.search(ln):
            continue  # a record line: 'Meet   Lacy Janson - Florida State   4.58m   2006'
        for part in _WIDE_GAP.split(ln.strip()):
            s = " ".join(part.split())
            if not s:
                continue
            printed, day = date_in(POSTED.sub(" ", s), dayfirst)  # (not the page's own)
            if day:  # the date leaves the line, the first one met dates the meet
                if meet.date is None:
                    meet.date_raw, meet.date = printed, day
                    if above is not None and not dated:
                        dated.append(above)
                s = _DAY_BEFORE.sub("", s.replace(printed or "", "\x00")).replace("\x00", " ")
                s = _WEEKDAY.sub("", _EMPTY_PART.sub(" - ", s).strip(" ,-–—|"))
                s = s.strip(" ,-–—|")
            above = s if _names_a_meet(s) else None
            # one word is no name ('RESULTS'), but a compound ('Senioren-Landesmeisterschaften')
            # and a heading in Chinese or Japanese (no spaces) may be
            one_word = " " not in s and not _CJK_TEXT.search(s) and not _MEET_WORD.search(s)
            if one_word or not is_title(s):
                continue
            # a race's title: 'Girls 400m Dash', '5K Results'
            race = gender_of(s) and is_event_title(s) and not meet_word(s) or race_only(s)
            if _MEET_WORDS.search(s) and not _RACE_HEADING.match(s) and not race:
                named.append(_without_generic(s))
            elif _YEAR.search(s) and not is_event_title(s):
                name = _RESULTS_LEAD.sub("", _without_generic(s))
                if sum(1 for w in name.split() if any(ch.isalpha() for ch in w)) >= 2:
                    plain.append(name)
    meets = named + plain + dated
    meet.name = meets[0] if meets else None
    return meet


# the software's stamp on a page, dated the day it printed ('... MEET MANAGER 9:14 PM 5/15/2026')
_STAMP = re.compile(r"\bMEET MANAGER\b|^\s*Licensed to\b|\d:\d\d\s*[AP]M\s+\d+/\d+/\d", re.I)


def _names_a_meet(s: str) -> bool:
    """A title of two words or more that names no event."""
    words = sum(1 for w in s.split() if any(ch.isalpha() for ch in w))
    return words >= 2 and is_title(s) and not is_event_title(s)


def _without_generic(name: str) -> str:
    name = _MEET_LABEL.sub("", name) or name  # 'Stevne: Tjalvelekene 2023', 'Results: ...'
    head, _, last = name.rpartition(", ")
    name = head if head and MONTH_DAY.match(last) else name  # '..., April 12' (no year)
    parts = [p for p in _DASH.split(name) if not _GENERIC_HEADING.match(p)]
    return " - ".join(parts) if parts else name


def other_sex(titles: list[str], gender: str | None) -> bool:
    """The last title to name a sex names the other one than the section's ('GIRLS' over a
    second '100 m' after the boys' '100 m'): a new section, whatever its event's name."""
    named = next((g for t in reversed(titles) if (g := gender_of(t))), None)
    return gender is not None and named is not None and named != gender


def sex_heading(titles: list[str]) -> str | None:
    """The last title that is a heading naming a sex alone ('GIRLS', 'Boys'), if any."""
    return next((t for t in reversed(titles) if _sex_only(t)), None)


def _sex_only(s: str) -> bool:
    return len(s.split()) <= 2 and gender_of(s) is not None and not is_event_title(s)
