"""DyeStat / RunnerSpace news articles (``gprofile.php?...&do=news&news_id=N``, ``eprofile.php``).

No DyeStat article page has been captured: the parser reads the page's *text structure* (the lines a
browser renders, see :mod:`scraper.parsers.common.lines`) and generic signals (og:/<title>, h1), not
class names. The lines it relies on, in order: the headline (the line that the <title>/og:title
names), "Published by <publisher> <Mon Dth YYYY, h:mmam>", an optional dek, "By <people> for
<outlet>", "<photographer> photos", link rows ("WATCH MEET ON DEMAND | PHOTOS"), the body, then
boxes that end it ("More news", "History for <meet>", like/share/comment widgets). What it cannot
find comes from the generic parser. Times are US Central.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from scraper.items import Article
from scraper.parsers.base import Parser
from scraper.parsers.common.lines import (
    Line,
    ancestors,
    common_ancestor,
    in_widget,
    inside,
    text_lines,
    title_candidates,
    year_in,
)
from scraper.parsers.common.meta import PageSignals
from scraper.parsers.common.tables import (
    data_table_of,
    is_results_table,
    results_html,
    table_text,
)
from scraper.parsers.generic import GenericParser
from scraper.parsers.keys import canonical_url
from scraper.parsers.runnerspace.scheme import runnerspace_article_key
from scraper.text.authors import split_byline
from scraper.text.language import guess_language

DATE = (
    r"(?:(?:[A-Z][a-z]{2,8}, )?[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}"
    r"(?:,? (?:at )?\d{1,2}:\d{2}\s*[ap]\.?m\.?)?"
    r"|\d{1,2}/\d{1,2}/\d{4}(?:,? \d{1,2}:\d{2}\s*[ap]m)?"
    r"|(?:Today|Yesterday),? \d{1,2}:\d{2}\s*[ap]m)"
)
PUBLISHED = re.compile(
    rf"^(?:Published|Posted) by\b\s*(?P<pub>.*?)(?:\s+on|\s*[,|·-])?\s*"
    rf"(?P<date>{DATE})?"
    rf"(?:\s+\d*\s*Comments?)?$",
    re.IGNORECASE,
)
DATE_LINE = re.compile(rf"^(?:(?:Published|Posted|Updated):?\s*)?(?P<date>{DATE})$", re.IGNORECASE)
BYLINE = re.compile(r"^(?:By|Written by|Story by|Words by):?\s+\S", re.IGNORECASE)
PHOTOS = re.compile(
    r"^(?:(?P<a>.{3,60}?)\s+photos?|photos? by\s+(?P<b>.{3,60})"
    r"|photos?:\s*(?P<c>.{3,60}))$",
    re.IGNORECASE,
)
COMMENTS = re.compile(r"^\d*\s*Comments?(?:\s*\(\d+\))?$", re.IGNORECASE)
STOP = re.compile(
    r"^(?:More news|More from|Related(?: news| stories| articles| links)?:?"
    r"|Recent news|History for\b|Show \d+ more|\d+ comments?(?:\(s\))?|Add a Comment"
    r"|Leave a (?:comment|reply)|Like\b.*\bShare\b|Share this|Tags?:|Comments?$"
    r"|\d[\d,]* views$)",
    re.IGNORECASE,
)
BOX_TITLES = re.compile(
    r"^(?:Folders|More news|History|Comments|Advert\w*|Followers.*|Who Are We.*"
    r"|Photos|Videos|News|Results|Blogs?)$",
    re.IGNORECASE,
)
YEAR = re.compile(r"^(?:19|20)\d\d$")
EVENT_ID = re.compile(r"eprofile\.php\?(?:[^\"'#]*&)?event_id=(\d+)", re.IGNORECASE)


class RunnerSpaceParser(Parser):
    name = "runnerspace"
    version = 1
    timezone = "America/Chicago"

    @classmethod
    def claims(cls, url: str) -> bool:
        return runnerspace_article_key(url) is not None

    def parse(self, html: str, url: str, fetched_at: str) -> Article:
        from scraper.parsers.generic import parse_tree

        tree = parse_tree(html)
        body_el = tree.find("body")
        lines = text_lines(body_el if body_el is not None else tree)
        art = Article(
            url=url,
            canonical_url=canonical_url(url),
            fetched_at=fetched_at,
            parser=self.id,
            timezone=self.timezone,
        )
        sig = art.signals
        sig["canonical_url"] = "url"
        pub = self._published(lines, art)
        head = self._headline(tree, lines, pub)
        if head is not None:
            art.headline, sig["headline"] = head[0].text, head[1]
        start = head[0].index + 1 if head else (pub.index + 1 if pub else 0)
        body_start = self._header(lines, start, art)
        if head is not None and body_start is not None:
            self._body(lines, head[0], body_start, art)
        self._meet(lines, url, art)
        self._meta(tree, art)
        self._fallback(tree, url, fetched_at, art)
        return art

    # ---- fields --------------------------------------------------------------------------------
    def _published(self, lines: list[Line], art: Article) -> Line | None:
        """ "Published by DyeStat.com   May 26th 2024, 2:29am" (possibly over several lines)."""
        for i, line in enumerate(lines):
            if not re.match(r"^(?:Published|Posted) by\b", line.text, re.IGNORECASE):
                continue
            for j in range(i, min(i + 4, len(lines))):
                text = " ".join(x.text for x in lines[i : j + 1])
                m = PUBLISHED.match(text)
                if m and (m.group("date") or j == i + 3 or j + 1 == len(lines)):
                    if m.group("pub"):
                        art.publisher = m.group("pub")
                        art.signals["publisher"] = "published-by-line"
                    if m.group("date"):
                        art.published_raw = m.group("date")
                        art.signals["published_raw"] = "published-by-line"
                    return lines[j]
            return line
        for line in lines:  # a bare date line
            m = DATE_LINE.match(line.text)
            if m:
                art.published_raw, art.signals["published_raw"] = m.group("date"), "date-line"
                return line
        return None

    def _headline(
        self, tree: lxml_html.HtmlElement, lines: list[Line], pub: Line | None
    ) -> tuple[Line, str] | None:
        """The line the page's title names (title minus site-name pieces), else the line above the
        "Published by" line, else the longest h1 that is not a box title."""
        candidates = title_candidates(tree)
        matches = [
            ln
            for ln in lines
            if ln.text.casefold() in candidates
            and len(ln.text) >= 8
            and not BOX_TITLES.match(ln.text)
        ]
        if matches:

            def rank(ln: Line) -> tuple[bool, bool, int]:  # above "Published by", a heading, long
                near = pub is not None and 0 < pub.index - ln.index <= 4
                return near, ln.element.tag in ("h1", "h2", "h3"), len(ln.text)

            best = max(matches, key=rank)
            return best, f"{candidates[best.text.casefold()]}+{best.element.tag}"
        if pub is not None:
            before = [
                ln
                for ln in lines[: pub.index]
                if len(ln.text) >= 8
                and ln.link_density < 0.5
                and not re.match(r"^(?:Published|Posted) by", ln.text, re.IGNORECASE)
            ]
            if before and before[-1].index >= pub.index - 3:
                return before[-1], "line-above-published"
        h1s = [ln for ln in lines if ln.element.tag == "h1" and not BOX_TITLES.match(ln.text)]
        return (max(h1s, key=lambda ln: len(ln.text)), "h1") if h1s else None

    def _header(self, lines: list[Line], start: int, art: Article) -> int | None:
        """Dek, byline, photo credit and link rows after the headline; the index of the body's first
        line."""
        sig = art.signals
        pending: list[Line] = []  # candidate dek lines, confirmed by a following byline/credit
        for line in lines[start : start + 12]:
            text = line.text
            if (
                re.match(r"^(?:Published|Posted) by\b", text, re.I)
                or COMMENTS.match(text)
                or (art.published_raw and text.endswith(art.published_raw) and len(text) < 80)
            ):
                continue
            if BYLINE.match(text) and len(text) <= 150 and art.byline_raw is None:
                art.byline_raw, sig["byline_raw"] = text, "by-line"
                people, outlet = split_byline(text)
                if people:
                    art.authors, sig["authors"] = people, "by-line"
                if outlet and art.publisher is None:
                    art.publisher, sig["publisher"] = outlet, "by-line"
            elif (m := PHOTOS.match(text)) and art.photo_credit is None:
                art.photo_credit = (m.group("a") or m.group("b") or m.group("c")).strip()
                sig["photo_credit"] = "photos-line"
            elif line.link_density >= 0.6 and len(text) <= 120 and ("|" in text or text.isupper()):
                continue  # "WATCH MEET ON DEMAND | PHOTOS | INTERVIEWS"
            elif (
                not pending
                and art.byline_raw is None
                and art.photo_credit is None
                and (
                    line.element.tag in ("h2", "h3", "h4", "h5", "h6")
                    or len(text) < 200
                    and not text.endswith((".", "”", '"'))
                )
            ):
                pending.append(line)
            else:
                break
            if pending and (art.byline_raw or art.photo_credit) and art.dek is None:
                art.dek, sig["dek"] = pending[0].text, "line-above-byline"
        else:
            return None
        if pending and art.dek is None:  # no byline/credit followed: it was the first paragraph
            return pending[0].index
        return line.index

    def _body(self, lines: list[Line], head: Line, first: int, art: Article) -> None:
        container = common_ancestor(head.element, lines[first].element)
        keep = ancestors(lines[first].element)  # the body's own wrappers are never noise
        paras: list[tuple[object, list[str]]] = []
        tables: set[object] = set()
        for line in lines[first:]:
            if STOP.match(line.text) or not inside(line.element, container):
                break
            table = data_table_of(line.element, container)
            if table is not None:  # a data table: its rows once, as text lines
                if table[0] not in tables:
                    tables.add(table[0])
                    if is_results_table(table[1]):
                        lead = "\n".join(paras[-1][1]) if paras else ""
                        art.results_tables.append(results_html(table[0], lead))
                    paras.append((table[0], [table_text(table[1])]))
                continue
            link_row = line.link_density >= 0.6 and len(line.text.split()) <= 10
            if (
                link_row
                or line.text.lower() == "advertisement"
                or in_widget(line.element, container, keep)
            ):
                continue
            if paras and paras[-1][0] is line.element and not line.gap:  # <br>-separated lines
                paras[-1][1].append(line.text)
            else:
                paras.append((line.element, [line.text]))
        if paras:
            art.body = "\n\n".join("\n".join(p) for _, p in paras)
            art.signals["body"] = "lines-after-header"

    def _meet(self, lines: list[Line], url: str, art: Article) -> None:
        for line in lines:
            m = re.match(r"^History for (.{3,200})$", line.text)
            if not m:
                continue
            art.meet_name, art.signals["meet_name"] = m.group(1), "history-box"
            years = [
                int(x.text) for x in lines[line.index + 1 : line.index + 80] if YEAR.match(x.text)
            ]
            pub_year = year_in(art.published_raw)
            year = pub_year if pub_year in years or not years else years[0]
            if year:
                art.meet_year, art.signals["meet_year"] = year, "history-box"
            ids = EVENT_ID.findall(" ".join(a.get("href", "") for a in line.element.iter("a")))
            if ids:
                art.meet_event_id, art.signals["meet_event_id"] = int(ids[0]), "history-box"
            break
        key = runnerspace_article_key(url)
        if art.meet_event_id is None and key and key[0] == "eprofile.php":
            art.meet_event_id, art.signals["meet_event_id"] = key[1], "url"

    def _meta(self, tree: lxml_html.HtmlElement, art: Article) -> None:
        image = tree.xpath('string(//meta[@property="og:image"]/@content)').strip()
        if image:
            art.image_url, art.signals["image_url"] = image, "meta:og:image"
        lang = (tree.get("lang") or "").strip()
        if lang:
            art.language, art.signals["language"] = lang, "html[lang]"
        elif (guess := guess_language(art.body)) is not None:
            art.language, art.signals["language"] = guess, "stopwords"

    def _fallback(
        self, tree: lxml_html.HtmlElement, url: str, fetched_at: str, art: Article
    ) -> None:
        """Fields the text structure did not give, from the generic parser: the whole generic parse
        when headline, body or date is missing, else only its cheap metadata readers for a missing
        byline."""
        if not (art.headline and art.body and art.published_raw):
            generic = GenericParser().parse_tree(tree, url, fetched_at)
            for field in (
                "headline",
                "body",
                "published_raw",
                "byline_raw",
                "authors",
                "modified_raw",
                "image_url",
                "tags",
                "language",
            ):
                value = getattr(generic, field)
                if value and not getattr(art, field):
                    setattr(art, field, value)
                    art.signals[field] = "generic:" + generic.signals.get(field, "?")
        elif not art.byline_raw:
            found = PageSignals(tree, url).authors()
            if found and found[0]:
                art.authors, art.signals["authors"] = found[0], "generic:" + found[1]
                if found[2]:
                    art.byline_raw, art.signals["byline_raw"] = found[2], "generic:" + found[1]
