"""The lead image: URL, caption and photo credit."""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from lxml import html as lxml_html

from scraper.parsers.common.pagemeta import (
    PageCore,
    _ld_names,
    clean,
)

_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|source|rights|attribution")
_CREDIT_WORD = r"(?:photo(?:graph)?|foto|bild|image|picture|credit|quelle|source)s?"
_CREDIT_LABEL = re.compile(rf"^{_CREDIT_WORD}\s*(?:by|:)\s*", re.IGNORECASE)
_CREDIT_IN_TEXT = re.compile(
    rf"(?:\b{_CREDIT_WORD}\s*(?:by|:)|©|\(c\))\s*(?P<who>[^|;]{{2,80}})$", re.IGNORECASE
)
_CREDIT_TAIL = re.compile(rf"\s*(?:\b{_CREDIT_WORD}\s*(?:by|:)|©)\s*$", re.IGNORECASE)


class MediaSignals(PageCore):
    def image(self) -> tuple[str, str] | None:
        img = self.ld("image")
        if isinstance(img, list) and img:
            img = img[0]
        if isinstance(img, dict):
            img = img.get("url") or img.get("contentUrl")
        if isinstance(img, str) and img.strip():
            return img.strip(), "jsonld:image"
        return self.meta("og:image", "og:image:url", "twitter:image", "twitter:image:src")

    def _ld_image(self) -> dict[str, Any] | None:
        img = self.ld("image")
        if isinstance(img, list) and img:
            img = img[0]
        return img if isinstance(img, dict) else None

    @cached_property
    def main_figure(self) -> lxml_html.HtmlElement | None:
        """The <figure> of the lead image: the one showing the page's image, else the first
        figure after the headline."""
        figures = list(self.tree.iter("figure"))
        if not figures:
            return None
        img = self.image()
        name = urlsplit(img[0]).path.rsplit("/", 1)[-1].split(".")[0] if img else ""
        if len(name) >= 6:
            for fig in figures:
                for im in fig.iter("img", "source"):
                    if name in (im.get("src") or "") + (im.get("srcset") or "") + (
                        im.get("data-src") or ""
                    ):
                        return fig
        h1 = self.tree.find(".//h1")
        if h1 is not None:
            for el in h1.itersiblings():
                fig = el if el.tag == "figure" else el.find(".//figure")
                if fig is not None:
                    return fig
        return None

    def image_caption(self) -> tuple[str, str] | None:
        fig = self.main_figure
        if fig is not None:
            cap = fig.find(".//figcaption")
            if cap is not None:
                text = clean(cap.text_content())
                credit = self.photo_credit()
                if credit and credit[0] in text:
                    text = text.replace(credit[0], "").strip(" ,;|/()-–")
                    text = _CREDIT_TAIL.sub("", text).strip(" ,;|/(-–")
                if text:
                    return text, "figure>figcaption"
        img = self._ld_image()
        if img is not None and clean(img.get("caption")):
            return clean(img.get("caption")), "jsonld:image.caption"
        return self.meta("og:image:alt", "twitter:image:alt")

    def photo_credit(self) -> tuple[str, str] | None:
        """Who took the lead image: a credit element in its figure, a "Photo: X" caption tail,
        JSON-LD creditText/author."""
        return self._photo_credit

    @cached_property
    def _photo_credit(self) -> tuple[str, str] | None:  # read by image_caption too
        fig = self.main_figure
        if fig is not None:
            for el in fig.iter():
                cid = f"{el.get('class') or ''} {el.get('itemprop') or ''}".lower()
                if isinstance(el.tag, str) and _CREDIT_CLASS.search(cid):
                    text = _CREDIT_LABEL.sub("", clean(el.text_content())).strip(" ()©")
                    if 1 < len(text) <= 80:
                        return text, "figure:credit"
            cap = fig.find(".//figcaption")
            if cap is not None:
                m = _CREDIT_IN_TEXT.search(clean(cap.text_content()))
                if m:
                    return m.group("who").strip(" ()."), "figcaption:text"
        img = self._ld_image()
        if img is not None:
            for key in ("creditText", "copyrightHolder", "author", "creator"):
                names = _ld_names(img.get(key))
                if names:
                    return names[0], f"jsonld:image.{key}"
        return None
