"""Meet names as documents and articles print them, made comparable: "Eugene Diamond League - Nike
Prefontaine Classic", "Prefontaine Classic - 5/25/2024" and "Pre Classic" are one name; "Oregon
Relays" and "Penn Relays" are not. Pure helpers of meet resolution (``pipelines.linking.meets``).
"""

from __future__ import annotations

from scraper.text.people import fold

# Words many meet names share: alone they tell no meet from another.
GENERIC = frozenset(
    [
        "classic",
        "invitational",
        "invite",
        "meet",
        "relays",
        "relay",
        "championships",
        "championship",
        "champs",
        "open",
        "games",
        "track",
        "field",
        "cross",
        "country",
        "xc",
        "annual",
        "results",
        "result",
        "official",
        "the",
        "of",
        "and",
        "at",
        "de",
        "del",
        "la",
        "le",
        "men",
        "women",
        "mens",
        "womens",
        "boys",
        "girls",
        "day",
        "series",
        "league",
        "tour",
        "grand",
        "prix",
        "gp",
        "final",
        "finals",
        "indoor",
        "outdoor",
        "hs",
        "high",
        "school",
        "college",
        "state",
        "national",
        "conference",
        "running",
        "race",
        "road",
        "run",
        "club",
    ]
)
# Short forms printed for a long one.
ABBREVIATIONS = {
    "invite": "invitational",
    "champs": "championships",
    "champ": "championships",
    "intl": "international",
    "natl": "national",
    "xc": "country",
    "t": "track",
}


def meet_words(name: str | None) -> tuple[str, ...]:
    """A meet name's words, folded, numbers (years, editions) and ordinals gone, short forms
    spelt out."""
    words = fold(name or "").split()
    out: list[str] = []
    for w in words:
        if w in ("st", "nd", "rd", "th") and out == []:
            continue
        out.append(ABBREVIATIONS.get(w, w))
    return tuple(out)


def _same_word(a: str, b: str) -> bool:
    """The same word, or one a short form of the other ("Pre" for "Prefontaine")."""
    return a == b or (len(a) >= 3 and b.startswith(a)) or (len(b) >= 3 and a.startswith(b))


def meet_name_match(a: str | None, b: str | None) -> tuple[float, str]:
    """How alike two meet names are, 0..1, and why: every distinctive word of the shorter name
    found in the longer one ("within", e.g. a sponsor or series in front) counts 1.0 when the
    names have the same distinctive words, 0.9 when one has more; a distinctive word missing
    lowers it by its share. A name of generic words only ("Results", "Cool Running" aside)
    matches nothing: 0."""
    wa = [w for w in meet_words(a) if w not in GENERIC]
    wb = [w for w in meet_words(b) if w not in GENERIC]
    if not wa or not wb:
        return 0.0, "no distinctive words"
    short, long_ = sorted((wa, wb), key=len)
    found = sum(1 for w in short if any(_same_word(w, x) for x in long_))
    if found == 0:
        return 0.0, "different"
    share = found / len(short)
    if share == 1.0 and len(short) == len(long_):
        return 1.0, "same words"
    if share == 1.0:
        return 0.9, "within"
    return 0.9 * share, f"{found} of {len(short)} words"
