"""``python -m scraper.cli``: the ``meetarchive`` command."""

from scraper.cli import main

main()
