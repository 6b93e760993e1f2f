"""Parser registry: the site parser that claims a URL, else the generic parser.

Site parsers are listed in ``PARSERS`` (first claim wins); every parser is stateless, so one
instance of each serves every page. The archive keys of a URL are in ``scraper.parsers.keys``.
"""

from __future__ import annotations

from scraper.parsers.base import Parser
from scraper.parsers.generic import GenericParser
from scraper.parsers.runnerspace.parser import RunnerSpaceParser

PARSERS: list[type[Parser]] = [RunnerSpaceParser]
_INSTANCES: dict[type[Parser], Parser] = {}


def _instance(cls: type[Parser]) -> Parser:
    found = _INSTANCES.get(cls)
    if found is None:
        found = _INSTANCES[cls] = cls()
    return found


def _every_parser() -> list[type[Parser]]:
    return [*PARSERS, GenericParser]


def parser_for(url: str) -> Parser:
    """The parser for ``url``: a site parser claiming it, else the generic parser."""
    for cls in PARSERS:
        if cls.claims(url):
            return _instance(cls)
    return _instance(GenericParser)


def parser_named(name: str) -> Parser | None:
    """The parser a source asks for by name (``generic`` or a site parser's), else None."""
    for cls in _every_parser():
        if cls.name == name:
            return _instance(cls)
    return None


def parser_names() -> list[str]:
    """Names a source may give as its ``parser``: the site parsers' and ``generic``."""
    return [cls.name for cls in _every_parser()]
