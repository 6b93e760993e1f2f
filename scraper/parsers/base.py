"""The parser interface: pure functions of (html, url, fetched_at), no network, no clock."""

from __future__ import annotations

from typing import ClassVar

from scraper.errors import ParseError
from scraper.items import Article

__all__ = ["ParseError", "Parser"]


class Parser:
    """Base class. Subclasses set ``name``/``version`` and implement :meth:`parse`.

    ``timezone`` is the zone the site prints naive dates in; a per-source setting may override it
    during normalization (see ``scraper.parsers.normalize``).
    """

    name: ClassVar[str] = "base"
    version: ClassVar[int] = 1
    timezone: ClassVar[str | None] = None

    @classmethod
    def claims(cls, url: str) -> bool:
        """True when this parser is the one for ``url``."""
        return False

    def parse(self, html: str, url: str, fetched_at: str) -> Article:
        raise NotImplementedError

    @property
    def id(self) -> str:
        return f"{self.name}/{self.version}"
