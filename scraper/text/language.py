"""A cheap language guess from function words, for pages that do not declare their language."""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS = {
    "en": "the and of to in is was that for with on he she it as at his her by said from they",
    "de": "der die das und ist nicht mit den sich des auf für ein eine dem im zu von sie es",
    "fr": "le la les et des est une pour dans que qui pas sur au du il elle avec ce aux",
    "es": "el la los las y que de en un una por con para es del se al lo su como",
    "it": "il la che di e un una per con non del della sono gli nel alla è da si",
    "nl": "de het een en van is dat niet op te met voor zijn er ook aan bij om",
    "pt": "o a os as e que de em um uma para com não do da no na se por",
    "sv": "och att det som en på är av för med till den inte har de om var",
    "no": "og det som en på er av for med til ikke har de om var jeg men",
    "da": "og det som en på er af for med til ikke har de om var jeg men",
    "pl": "i w na nie z się że do to jest o jak po a od za",
}
_SETS = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str | None, min_hits: int = 5) -> str | None:
    """ISO 639-1 code of the language ``text`` is most likely in, or None when unsure."""
    if not text:
        return None
    counts = Counter(w.lower() for w in _WORD.findall(text[:3000]))
    scores = sorted(((sum(counts[w] for w in s), lang) for lang, s in _SETS.items()), reverse=True)
    (best, lang), (second, _) = scores[0], scores[1]
    if best < min_hits or best < 1.3 * second:
        return None
    return lang
