"""The headline: the title the page's signals agree on, site names and kickers removed."""

from __future__ import annotations

import re
from functools import cached_property

from scraper.parsers.common.pagemeta import (
    PageCore,
    clean,
    overlap,
    tokens,
)

_TITLE_SEP = re.compile(r"\s+[|\-–—·•:/»«]+\s+|\s*[|•·｜ㅣ]\s*")
_DATE_PART = re.compile(r"^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*$")
# a part that is a domain name ("Aktuálně.cz", "Example.com"): the site's own name
_DOMAIN_PART = re.compile(r"^\s*(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\s*$", re.IGNORECASE)


class TitleSignals(PageCore):
    def strip_site_name(self, title: str) -> str:
        """'Headline | Site' / 'Site - Headline' -> 'Headline' when a part names the site."""
        parts = _TITLE_SEP.split(title)
        if len(parts) < 2:
            return title
        sites = [t for t in self.site_tokens if t]
        squashed = {s.replace(" ", "") for s in sites}

        def is_site(part: str) -> bool:
            p = " ".join(tokens(part))
            if not p or _DATE_PART.match(part) or _DOMAIN_PART.match(part):
                return True
            if p.replace(" ", "") in squashed:
                return True
            padded = f" {p} "
            return any(
                f" {p} " in f" {s} " or (f" {s} " in padded and len(p) <= len(s) + 12)
                for s in sites
            )

        keep = list(parts)
        while len(keep) > 1 and is_site(keep[-1]):
            keep.pop()
        while len(keep) > 1 and is_site(keep[0]):
            keep.pop(0)
        if len(keep) == len(parts):
            return title
        # cut the original string (keeps the separators inside the headline)
        start = title.find(keep[0])
        end = title.rfind(keep[-1]) + len(keep[-1])
        out = title[start:end].strip() if start >= 0 and end > start else title
        for section in self.sections():
            for sep in ("-", " - ", " | ", ": ", "|"):
                if out.endswith(sep + section) and len(out) > len(sep + section) + 10:
                    return out[: -len(sep + section)].strip()
        return out

    def sections(self) -> list[str]:
        out = []
        sec = self.ld("articleSection")
        for v in sec if isinstance(sec, list) else [sec]:
            if clean(v):
                out.append(clean(v))
        v = clean(self.metas.get("article:section"))
        if v:
            out.append(v)
        return out

    def title_candidates(self) -> list[tuple[str, str]]:
        return list(self._title_candidates)

    @cached_property
    def _title_candidates(self) -> tuple[tuple[str, str], ...]:
        out = []
        h = clean(self.ld("headline"))
        if h:
            out.append((h, "jsonld:headline"))
        for key in ("headline", "og:title", "twitter:title", "title"):
            v = self.metas.get(key)
            if v and clean(v):
                out.append((clean(v), f"meta:{key}"))
        title = self.tree.find(".//title")
        if title is not None and clean(title.text_content()):
            out.append((clean(title.text_content()), "title"))
        return tuple(out)

    def h1s(self) -> list[str]:
        return list(self._h1s)

    @cached_property
    def _h1s(self) -> tuple[str, ...]:
        out: list[str] = []
        for h in self.tree.iter("h1"):
            if h.get("hidden") is not None or h.get("aria-hidden") == "true":
                continue
            t = clean(h.text_content())
            if t and t not in out:
                out.append(t)
        return tuple(out)

    # The title a page declares for itself first: og:title is the one title nearly every publisher
    # sets on purpose (the <title> carries site chains, an <h1> may be a teaser block's).
    TITLE_ORDER = (
        "meta:og:title",
        "jsonld:headline",
        "meta:headline",
        "h1",
        "meta:twitter:title",
        "title",
        "meta:title",
    )
    HEADLINE_SIGNALS = ("jsonld:headline", "meta:headline")
    SOCIAL_SIGNALS = ("meta:og:title", "meta:twitter:title")

    def headline(self) -> tuple[str, str] | None:
        """The page's declared title (og:title first), site names removed; a declared headline
        that the title only decorates (kicker, section, site affixes) is preferred, and two titles
        that differ only in their kickers give their shared headline."""
        sites = set(self.site_tokens)
        cands = [(self.strip_site_name(t), sig) for t, sig in self.title_candidates()]
        cands = [(t, sig) for t, sig in cands if t and " ".join(tokens(t)) not in sites]
        h1 = None
        for t in self.h1s():
            if any(overlap(t, c) >= 0.5 and overlap(c, t) >= 0.5 for c, _ in cands):
                h1 = t
                break
        if h1 is None and not cands:
            h1s = self.h1s()
            h1 = h1s[0] if h1s else None
        if h1:
            cands.append((h1, "h1"))
        if not cands:
            return None
        by: dict[str, str] = {}
        for t, sig in cands:
            by.setdefault(sig, t)
        sig = next((s for s in self.TITLE_ORDER if s in by), cands[0][1])
        text = by[sig]
        for hs in self.HEADLINE_SIGNALS:
            bare = by.get(hs)
            if bare and bare != text and wraps(text, bare):
                return bare, f"{hs}<{sig}"
        for other in ("h1", *self.HEADLINE_SIGNALS):
            if other in by and other != sig:
                tail = shared_tail(text, by[other])
                if tail:
                    return tail, f"{sig}&{other}:shared-tail"
        if sig in self.SOCIAL_SIGNALS:
            for hs in (*self.HEADLINE_SIGNALS, "h1"):
                alt = by.get(hs)
                if alt and is_teaser(text, alt):
                    return alt, f"{hs}>{sig}"
                if alt:
                    break
        key = " ".join(tokens(text))
        agreeing = sorted({s for t, s in cands if " ".join(tokens(t)) == key})
        if _all_caps(text):  # the same words in their own casing from another signal
            text = next(
                (t for t, _ in cands if t.casefold() == text.casefold() and not _all_caps(t)), text
            )
        return text, "+".join(agreeing) if len(agreeing) > 1 else sig


_AFFIX_SEP = "|:-–—ㅣ｜·•/»"
_KICKER = re.compile(r"\s*(?::|\s[-–—|]|[|ㅣ｜])\s+")


def _all_caps(text: str) -> bool:
    cased = [c for c in text if c.isupper() or c.islower()]
    return len(cased) >= 8 and all(c.isupper() for c in cased)


def is_teaser(social: str, headline: str) -> bool:
    """A social title that is another, clearly shorter text than the page's headline (a teaser
    written for sharing, not a variant of the headline's wording)."""
    if len(headline) < 1.2 * len(social):
        return False
    return overlap(social, headline) <= 0.6 or overlap(headline, social) <= 0.6


def wraps(outer: str, inner: str) -> bool:
    """``outer`` is ``inner`` with a kicker before and/or a section/site chain after it, each set
    off by a separator ('Kicker: Headline | Section')."""
    pos = outer.find(inner)
    if pos < 0 or len(inner) < 12:
        return False
    head, tail = outer[:pos].rstrip(), outer[pos + len(inner) :].lstrip()
    if not head and not tail:
        return False
    if head and (head[-1] not in _AFFIX_SEP or len(head) > len(inner)):
        return False
    return not tail or (tail[0] in _AFFIX_SEP and len(tail) <= len(inner) // 2)


def shared_tail(a: str, b: str) -> str | None:
    """'Kicker A: Headline' and 'Kicker B - Headline' -> 'Headline': two unrelated kickers before
    one headline. None when one title is the other with a kicker, or the kickers are variants."""
    if a.endswith(b) or b.endswith(a):
        return None
    heads_b = {b[m.end() :]: b[: m.start()] for m in reversed(list(_KICKER.finditer(b)))}
    for m in _KICKER.finditer(a):
        tail, head_a = a[m.end() :], a[: m.start()]
        head_b = heads_b.get(tail)
        if head_b is None:
            continue
        if (
            head_a
            and head_b
            and len(tokens(tail)) >= 3
            and overlap(head_a, head_b) < 0.5
            and overlap(head_b, head_a) < 0.5
        ):
            return tail
        return None
    return None
