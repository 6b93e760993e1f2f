"""What titles an HTML table: the nearest preceding event-like text, else the heading right
over it (with the heading over that when it groups races: 'Jenter 15' over 'Lengde'), a race's
name beside a generic label ('Varsity Boys 5K' + 'Individual Results'), and a round word and a
wind met on the way (pure)."""

from __future__ import annotations

import re

from scraper.results.marks import parse_mark, wind_in
from scraper.results.meetinfo import MEET_WORDS, title_line
from scraper.results.model import gender_of, round_of, round_only
from scraper.results.resultlike import RECORD_LABELS
from scraper.results.sections import (
    CJK_DISCIPLINES,
    DISCIPLINES,
    DISTANCE,
    GENERIC_TITLE,
    heat_of,
)
from scraper.results.tablewords import title_gender

EVENT_WORDS = re.compile(
    r"(?<![0-9A-Za-z.,])(\d[\d,.]*\s*(?:meters?|metres?|metri|metros|mètres|m|k|km|mile|miles|"
    r"yards?|yd)(?![A-Za-z])|\d[\d,.]*\s*(?:м|км|μ|متر)(?![^\W\d_])|\d+\s*[x×]\s*\d+|"
    r"\d{3,5}(?=\s*[：:＞>]))|"  # (metres in Cyrillic, Greek and Arabic: '800 м', '400 متر')
    rf"\b({DISCIPLINES}|individuals?|teams?|team scores|cross country|xc|sprung|wurf|stoß|hopp|"
    rf"kast|løp)\b|{CJK_DISCIPLINES}",
    re.I,
)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "caption")


def title_of(
    before: list[tuple[str, str]], outline: dict[int, str]
) -> tuple[str | None, str | None, float | None]:
    """Nearest preceding event-like text, else the heading right over the table (with the
    heading over it when that groups races: 'Jenter 15 / Lengde'), and a round word and a wind
    met on the way.  A heading over prose (a help text, a form) titles that, not the table."""
    rnd = None
    wind = None
    sex = None  # a gender's label right over the table ('Men', 'Women') under the race's title
    prose = 0  # words of other text between the table and a heading: a heading over prose
    for seen, (s, tag) in enumerate(before):  # titles that prose, not the table
        if seen >= 40:
            break
        said, rest = wind_in(s)
        if said is not None and wind is None:
            wind = said
        heat = heat_of(rest) is not None and len(rest.split()) <= 4 and not DISTANCE.search(rest)
        if said is not None and not EVENT_WORDS.search(rest) or heat:  # a heat's: 'Vorlauf 1
            rnd = rnd or round_of(rest)  # Wind: +0,4 m/s', 'Lauf 1' (German heats are 'Läufe')
            continue  # (or a wind on a line of its own)
        s = rest  # '100m Men Final (wind +0.6)': the title without its wind
        if _facts(s):
            continue  # 'Start: 2:00 PM | Facility: 63.21m | Meet: 58.40m': no title
        if seen < 2 and sex is None and (label := _sex_label(s)):
            sex = label
            continue
        r = round_of(s)
        if r and len(s) < 30 and rnd is None:
            rnd = r
            if not EVENT_WORDS.search(s) or round_only(s):  # 'Finals', 'Vorläufe' alone;
                continue
        if len(s) < 90 and EVENT_WORDS.search(s) and not parse_mark(s).value:
            title = _bare_title(s)  # under a class heading ('Jenter 15' over 'Lengde'): both
            if GENERIC_TITLE.match(title):  # 'Varsity Boys 5K' beside 'Individual Results', or
                near = _race_over(before[seen + 1 : seen + 3])  # the heading over both it and
                race = near or _race_over(_headings_over(tag, outline))  # the team table before
                title = f"{race} - {title}" if race else title
            title = _with_class(title, tag, outline) if tag in HEADINGS else title
            return _sexed(title, sex), rnd, wind
        if tag not in HEADINGS:
            prose += len(s.split())
        elif prose < 12 and sum(ch.isalpha() for ch in s) >= 4:
            return _with_class(s, tag, outline), rnd, wind  # the heading right over the table
    named = [  # 'Heat 2' under 'Boys 100 Meters' ('Wind: -1,1 m/s' names no 1 m race)
        h for _, h in sorted(outline.items(), reverse=True) if EVENT_WORDS.search(wind_in(h)[1])
    ]
    return (_sexed(named[0], sex) if named else None), rnd, wind


def _facts(s: str) -> bool:
    """A line of labelled facts over a table: its start time, its records ('Facility: 63.21m')."""
    parts = [p.split() for p in re.split(r"\s*\|\s*", s) if p.strip()]
    return len(parts) >= 2 and all(
        p[0].casefold().rstrip(":") in RECORD_LABELS | {"start", "time"} for p in parts
    )


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)


def _sex_label(s: str) -> str | None:
    """A gender's word alone ('Men', 'Women:'; not a class, 'Girls U/8'), labelling the table
    under it, with at most a date and a results word ('Sunday 22 September 2024 – Women's
    results'): the word."""
    bare = _WEEKDAY.sub("", title_line(s)).strip(" -–—:|,")
    if len(bare.split()) == 1 and gender_of(bare) is not None and not EVENT_WORDS.search(bare):
        return bare
    return None


def _sexed(title: str, sex: str | None) -> str:
    """'5000m' over a table labelled 'Men': '5000m - Men' (a title naming no gender of its own)."""
    return f"{title} - {sex}" if sex and gender_of(title) is None else title


def _race_over(before: list[tuple[str, str]]) -> str | None:
    """A race's name right before a generic title ('Individual Results'): a distance or a
    discipline, not itself generic."""
    for s, _ in before:
        if len(s) < 90 and EVENT_WORDS.search(s) and not GENERIC_TITLE.match(s):
            return s if DISTANCE.search(s) or gender_of(s) else None
    return None


def _headings_over(tag: str, outline: dict[int, str]) -> list[tuple[str, str]]:
    """The headings of the page's outline over a heading of ``tag``, nearest first."""
    level = int(tag[1:]) if tag[:1] == "h" and tag[1:].isdigit() else 7
    return [(h, f"h{k}") for k, h in sorted(outline.items(), reverse=True) if k < level]


def _with_class(title: str, tag: str, outline: dict[int, str]) -> str:
    """A heading under a heading that groups races (a class, a gender, 'Relay Results', a school
    size) gets that heading in front; not under the meet's name or a year."""
    if not tag[1:].isdigit():
        return title
    level = int(tag[1:]) - 1
    above = outline.get(level)
    if level == 1 and above and re.search(r"\b(?:19|20)\d\d\b", above):
        return title  # the page's title with its year: the meet's or the season's, no class
    named = bool(above) and above != title and re.search(r"[^\W\d_]{2}", above or "")
    if named and (not MEET_WORDS.search(above or "") or title_gender(above)):
        return f"{above} {title}"
    return title


def _bare_title(s: str) -> str:
    """'＜男子5000m：結果＞' -> '男子5000m'."""
    t = re.sub(r"[：:]\s*(?:結果|results?)\s*", "", s.strip("＜＞<>「」[]【】 "), flags=re.I)
    return t.strip("＜＞<>「」[]【】 ") or s
