"""Bylines -> people: "By Lori Shontz for DyeStat" is (["Lori Shontz"], "DyeStat").

Outlets, agencies, roles ("Staff Writer", "Correspondent"), e-mail addresses, URLs, "Email the
author" and photo credits are not people. Joint bylines are split ("A, B and C"). Small functions,
table-tested in tests/test_authors.py, meant to be extended (more languages, more roles).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from scraper.text.bylinewords import (
    AGENCIES,
    ORG_WORDS,
    PARTICLES,
    ROLE_QUALIFIERS,
    ROLE_WORDS,
    ROLES,
)

# "By", in the languages the archive meets first.
_BY = re.compile(
    r"^(?:(?:written|story|words|text|reporting|report)\s+)?(?:by|von|par|por|di|door"
    r"|av|af|autor(?:in)?|author|auteur|texto?|redacci[oó]n|redaktion|redakteur(?:in)?)"
    r"\b\s*:?\s*|^(?:by|von)\s*:\s*",
    re.IGNORECASE,
)
_FOR = re.compile(r"(?:^|\s+)(?:for|of|from|für|pour|para|via)\s+(?P<outlet>.+)$", re.IGNORECASE)
_JOIN = re.compile(
    r"\s*(?:,|;|\s&\s|\band\b|\bwith\b|\bund\b|\bet\b|\by\b|\bog\b|\boch\b|\ben\b"
    r"|\s\+\s)\s*",
    re.IGNORECASE,
)
_SEGMENT = re.compile(r"\s*(?:\||•|·|–|—|\s-\s|/)\s*")
_EMAIL = re.compile(r"\(?\s*(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*\)?")
_STAFF = re.compile(
    r"^(.+?)\s+(?:staff(?: writer| reporter)?|reports?|wire|desk|redaktion"
    r"|correspondent|writer|reporter|editor|contributor)$",
    re.IGNORECASE,
)
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# a date or time printed inside the byline ("By Jane Doe March 11, 2015 3:46 PM")
_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r",?\s+\d{4}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?",
    re.IGNORECASE,
)
# a joint byline in brackets: "Martin Untersinger (avec Damien Leloup et Morgane Tual)"
_WITH_PAREN = re.compile(r"\(\s*(?:with|avec|mit|con|com|met|med)\s+([^)]*)\)", re.IGNORECASE)
_PHOTO = re.compile(
    r"\b(?:photos?|photograph(?:s|y)?|images?|video|graphics?|bild|bilder|fotos?)"
    r"\s*(?:by|von|:)",
    re.IGNORECASE,
)
_NOISE = re.compile(
    r"\b(?:e-?mail|follow|contact)\s+(?:the\s+)?(?:author|me|us|him|her)\b.*$"
    r"|\b(?:updated|published|posted)\b.*$|\bon\s+twitter\b.*$|@\w+",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\s*\([^)]*(?:\)|$)")  # "Elena Oberholzer (obe)": initials, roles in brackets
_CJK_ROLE = re.compile(r"\s*(?:기자|특파원|記者|记者|特派員|特派员)$")


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u200b", "")
    text = _WITH_PAREN.sub(r", \1", text)
    text = _CJK_ROLE.sub("", _PAREN.sub("", text))
    return " ".join(text.split()).strip(" ,;:|-–—·•*\"'()[]")


def _words(name: str) -> list[str]:
    return [w.strip(".,").lower() for w in name.split()]


def is_outlet(name: str) -> bool:
    """Agencies, domains and organisation names ("DyeStat.com", "AP", "The Oregonian Staff")."""
    low = name.lower().strip(". ")
    words = _words(name)
    return (
        low in AGENCIES
        or bool(re.search(r"\.(?:com|org|net|co|de|uk|fr|es|it|nl|io)\b", low))
        or bool(set(words) & ORG_WORDS)
        or (len(words) == 1 and (name.isupper() or any(c.isdigit() for c in name)))
        # "Le Figaro", "Der Postillon", "El País": an article and a name is a title
        or (len(words) == 2 and words[0] in _TITLE_ARTICLES)
    )


_TITLE_ARTICLES = {"the", "le", "la", "les", "el", "il", "lo", "der", "die", "das", "het"}


def is_role(name: str) -> bool:
    """A job title, not a person: "Staff Writer", "Senior Staff Technologist", "Chief Sports
    Writer"."""
    low = name.lower().strip(". ")
    words = _words(name)
    return low in ROLES or (
        bool(set(words) & ROLE_WORDS)
        and len(words) <= 5
        and all(w in ROLE_WORDS or w in ROLE_QUALIFIERS for w in words)
    )


def looks_like_person(name: str) -> bool:
    """Two to five words, capitalised (name particles aside), no digits, not an outlet or a role."""
    words = name.split()
    if not 2 <= len(words) <= 5 or any(c.isdigit() for c in name) or "@" in name:
        return False
    if is_outlet(name) or is_role(name):
        return False
    return all(w[0].isupper() or w.lower() in PARTICLES or not w[0].isalpha() for w in words)


def _titlecase(name: str) -> str:
    if name.isupper() and len(name) > 3:
        return " ".join(
            w.capitalize() if "-" not in w else "-".join(p.capitalize() for p in w.split("-"))
            for w in name.split()
        )
    return name


def _split_people(text: str) -> list[tuple[str, str]]:
    """Names joined by commas/"and", each with the separator before it ("" for the first)."""
    out: list[tuple[str, str]] = []
    pos = 0
    sep = ""
    for m in _JOIN.finditer(text):
        part = _clean(text[pos : m.start()])
        if part:
            out.append((part, sep))
        sep = "," if m.group(0).strip() in (",", ";") else "and"
        pos = m.end()
    part = _clean(text[pos:])
    if part:
        out.append((part, sep))
    return out


def split_byline(raw: str) -> tuple[list[str], str | None]:
    """``(people, outlet)`` from a byline as printed."""
    if not raw:
        return [], None
    people, outlet = _split_byline(raw)
    return list(people), outlet


@lru_cache(maxsize=1024)
def _split_byline(raw: str) -> tuple[tuple[str, ...], str | None]:
    """split_byline, remembered: a page's authors are read by the parser and again when the
    article is normalized, and a site repeats its bylines page after page."""
    text = _URL.sub(" ", _EMAIL.sub(" ", " | ".join(_clean(line) for line in raw.splitlines())))
    text = _DATE.sub(" ", text)
    text = _PHOTO.split(text, maxsplit=1)[0]  # "...; Photos by X": a photo credit, not an author
    text = _NOISE.sub("", text)
    people: list[str] = []
    outlet: str | None = None
    for i, segment in enumerate(s for s in _SEGMENT.split(text) if _clean(s)):
        segment = _BY.sub("", _clean(segment))
        m = _FOR.search(segment)
        if m:
            outlet = outlet or _clean(m.group("outlet"))
            segment = segment[: m.start()]
        after_role = False
        for name, sep in _split_people(segment):
            name = _titlecase(_BY.sub("", name))
            if not name:
                continue
            if is_role(name):
                after_role = True
                continue
            if after_role and sep == ",":
                continue  # "Jane Doe, Senior Fellow, Brookings": the role's affiliation
            after_role = False
            team = _STAFF.match(name)
            if team:  # "DyeStat Staff", "Times Wire Reports": the outlet wrote it
                outlet = outlet or team.group(1)
                continue
            if looks_like_person(name):
                if name not in people:
                    people.append(name)
            elif is_outlet(name) or (i > 0 or people) and len(name.split()) == 1:
                bare = re.sub(r"\s+(?:staff|reports?|wire)$", "", name, flags=re.IGNORECASE)
                outlet = outlet or bare
    return tuple(people), outlet


def agencies_in(names: list[str], byline: str | None) -> list[str]:
    """The news agencies an author list or a byline credits ("AP", "dpa", "Reuters"), as
    printed, kept apart from the people."""
    found: list[str] = []
    candidates = [_clean(n) for n in names if isinstance(n, str)]
    for text in [*candidates, *(byline or "").split(";")]:
        for part in (_clean(p) for p in _SEGMENT.split(_JOIN.sub(" | ", text))):
            part = _BY.sub("", part)
            if part.lower().strip(". ") in AGENCIES and part not in found:
                found.append(part)
    return found


def _last_first(entry: str) -> str | None:
    """ "Shontz, Lori" -> "Lori Shontz" (metadata lists sometimes invert names)."""
    parts = [p.strip() for p in entry.split(",")]
    if (
        len(parts) == 2
        and all(len(p.split()) == 1 and p[:1].isupper() for p in parts)
        and not any(is_outlet(p) for p in parts)
    ):
        return f"{parts[1]} {parts[0]}"
    return None


def _single_name(entry: str) -> bool:
    """A one-word name in a script without spaces between names (Chinese, Japanese, Korean...)."""
    return (
        len(entry.split()) == 1
        and entry[:1].isalpha()
        and not entry[:1].isascii()
        and not is_outlet(entry)
        and not is_role(entry)
        and not entry[:1].isupper()
    )


def clean_authors(names: list[str]) -> list[str]:
    """People from an author list taken from metadata: deduplicated, outlets, URLs and e-mail
    addresses dropped, joint names split."""
    out: list[str] = []
    seen: set[str] = set()
    for entry in names:
        if not isinstance(entry, str) or not entry.strip():
            continue
        entry = _clean(entry)
        if _URL.fullmatch(entry) or _EMAIL.fullmatch(entry):
            continue
        inverted = _last_first(entry)
        people = [inverted] if inverted else split_byline(entry)[0]
        if not people and _single_name(entry):
            people = [entry]
        for person in people:
            key = person.casefold()
            if key not in seen:
                seen.add(key)
                out.append(person)
    return out
