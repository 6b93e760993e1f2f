"""The headline: the title the page's signals agree on, site names and kickers removed."""

from __future__ import annotations

import re

from scraper.parsers.pagemeta import (
    PageCore,
    clean,
    overlap,
    tokens,
)

_TITLE_SEP = re.compile(r"\s+[|\-–—·•:/»«]+\s+|\s*[|•·｜ㅣ]\s*")
_DATE_PART = re.compile(r"^\s*\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*$")


class TitleSignals(PageCore):
    def strip_site_name(self, title: str) -> str:
        """'Headline | Site' / 'Site - Headline' -> 'Headline' when a part names the site."""
        parts = _TITLE_SEP.split(title)
        if len(parts) < 2:
            return title
        sites = [t for n in self.site_names() for t in [" ".join(tokens(n))] if t]
        squashed = {s.replace(" ", "") for s in sites}

        def is_site(part: str) -> bool:
            p = " ".join(tokens(part))
            if not p or _DATE_PART.match(part):
                return True
            if p.replace(" ", "") in squashed:
                return True
            padded = f" {p} "
            return any(f" {p} " in f" {s} " or (f" {s} " in padded and len(p) <= len(s) + 12)
                       for s in sites)

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
        for v in (sec if isinstance(sec, list) else [sec]):
            if clean(v):
                out.append(clean(v))
        v = clean(self.metas.get("article:section"))
        if v:
            out.append(v)
        return out

    def title_candidates(self) -> list[tuple[str, str]]:
        out = []
        h = clean(self.ld("headline"))
        if h:
            out.append((h, "jsonld:headline"))
        for key in ("og:title", "twitter:title", "title"):
            v = self.metas.get(key)
            if v and clean(v):
                out.append((clean(v), f"meta:{key}"))
        title = self.tree.find(".//title")
        if title is not None and clean(title.text_content()):
            out.append((clean(title.text_content()), "title"))
        return out

    def h1s(self) -> list[str]:
        out = []
        for h in self.tree.iter("h1"):
            if h.get("hidden") is not None or h.get("aria-hidden") == "true":
                continue
            t = clean(h.text_content())
            if t and t not in out:
                out.append(t)
        return out

    TITLE_WEIGHTS = {"jsonld:headline": 2.0, "h1": 2.0, "meta:og:title": 1.0,
                     "meta:twitter:title": 1.0, "title": 0.5, "meta:title": 0.25}

    def headline(self) -> tuple[str, str] | None:
        """The title most signals agree on, site names removed."""
        cands = [(self.strip_site_name(t), sig) for t, sig in self.title_candidates()]
        cands = [(t, sig) for t, sig in cands if t]
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
        score: dict[str, float] = {}
        first: dict[str, tuple[str, str]] = {}
        for t, sig in cands:
            key = " ".join(tokens(t))
            score[key] = score.get(key, 0.0) + self.TITLE_WEIGHTS.get(sig, 0.25)
            first.setdefault(key, (t, sig))
        # "Kicker: Headline" where another signal gives the bare headline: the kicker is a label
        for key in list(score):
            for other in [k for k in score if k != key]:
                if (other != key and key.endswith(" " + other) and score[other] >= 1.0
                        and len(key) - len(other) <= 60):
                    kicker = first[key][0][: -len(first[other][0])].rstrip()
                    if kicker.endswith((":", " -", " –", " |")):
                        score[other] += score.pop(key, 0.0)
                        break
        best = max(score, key=lambda k: score[k])
        text, sig = first[best]
        agreeing = sorted({s for t, s in cands if " ".join(tokens(t)) == best})
        return text, "+".join(agreeing) if len(agreeing) > 1 else sig
