"""Parser registry: the site parser that claims a URL, else the generic parser.

Site parsers are listed in ``PARSERS`` (first claim wins); every parser is stateless, so one
instance of each serves every page.
"""

from __future__ import annotations

from functools import cache

from scraper.parsers.base import Parser
from scraper.parsers.runnerspace import RunnerSpaceParser

PARSERS: list[type[Parser]] = [RunnerSpaceParser]


@cache
def _instance(cls: type[Parser]) -> Parser:
    return cls()


def parser_for(url: str) -> Parser:
    """The parser for ``url``: a site parser claiming it, else the generic parser."""
    for cls in PARSERS:
        if cls.claims(url):
            return _instance(cls)
    from scraper.parsers.generic import GenericParser

    return _instance(GenericParser)
