"""Golden fixture pages: where they are and how an article becomes its golden JSON.

``tests/fixtures/<site>/meta.json`` maps a slug to ``{path, url, fetched_at}``; ``path`` is relative
to ``tests/`` (a page of a fixture site under ``sites/`` or a stand-alone page under ``fixtures/``).
The golden ``tests/fixtures/<site>/<slug>.json`` is the normalized article, keys sorted, written by
``tests/make_goldens.py`` and reviewed by a person.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from scraper.items import Article, Page
from scraper.parsers.page import article_from_page
from scraper.text.encoding import decode_html

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"


@dataclasses.dataclass(frozen=True)
class Case:
    site: str
    slug: str
    path: Path
    url: str
    fetched_at: str

    @property
    def id(self) -> str:
        return f"{self.site}/{self.slug}"

    @property
    def golden_path(self) -> Path:
        return FIXTURES / self.site / f"{self.slug}.json"

    def html(self) -> str:
        return decode_html(self.path.read_bytes())[0]

    def page(self) -> Page:
        """The fixture as the page a crawl would have fetched (its saved URL and fetch time)."""
        return Page(
            url=self.url,
            status=200,
            headers={},
            body=self.path.read_bytes(),
            fetched_at=self.fetched_at,
            kind="article",
        )

    def record(self) -> dict[str, Any]:
        """The article this page gives now, as its golden JSON would hold it: through
        ``article_from_page``, the path every crawled, reparsed and imported page takes."""
        article = article_from_page(self.page())
        return json.loads(json.dumps(dataclasses.asdict(article), sort_keys=True))

    def golden(self) -> dict[str, Any]:
        return json.loads(self.golden_path.read_text(encoding="utf-8"))


def extract(html: str, url: str, fetched_at: str, timezone: str | None = None) -> Article:
    """The article of a page serving ``html`` (UTF-8) at ``url``, through ``article_from_page``;
    ``timezone``: the zone its source prints naive dates in (as a sources file gives it)."""
    meta = {"timezone": timezone} if timezone else {}
    return article_from_page(
        Page(
            url=url,
            status=200,
            headers={},
            body=html.encode("utf-8"),
            fetched_at=fetched_at,
            kind="article",
            meta=meta,
        )
    )


def cases() -> list[Case]:
    out = []
    for meta in sorted(FIXTURES.glob("*/meta.json")):
        site = meta.parent.name
        for slug, entry in json.loads(meta.read_text(encoding="utf-8")).items():
            out.append(Case(site, slug, TESTS / entry["path"], entry["url"], entry["fetched_at"]))
    return out


def dump(record: dict[str, Any]) -> str:
    return json.dumps(record, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


# The values issue 2 requires of the seed article (what its golden file must hold).
SEED = {
    "headline": "Josh Kerr Grabs Lead With 600 To Go, Beats Jakob Ingebrigtsen And Standout Field "
    "In Epic Mile At Prefontaine Classic",
    "dek": "Kerr Calls Bold Move 'A Dumb Decision' And It Pays Off With Victory And British Mile "
    "Record",
    "authors": ["Lori Shontz"],
    "publisher": "DyeStat.com",
    "published_at": "2024-05-26T02:29:00-05:00",
    "published_raw": "May 26th 2024, 2:29am",
    "timezone": "America/Chicago",
    "photo_credit": "John Nepolitan",
    "meet_name": "Eugene Diamond League - Nike Prefontaine Classic",
    "meet_year": 2024,
    "meet_event_id": 120,
    "canonical_url": "https://www.runnerspace.com/news.php?news_id=700101",
}
