"""Local files given to ``extract`` and ``results``: never read past the size a crawl downloads
(``DOWNLOAD_MAXSIZE``, 16 MB), a regular file's size checked before a byte is read (a 700 MB file
was read whole, 1.4 GB, before the parser's bound refused it)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import click

from scraper.errors import InputTooLarge
from scraper.settings import DOWNLOAD_MAXSIZE


def _too_large(path: str | Path, size: int | None) -> InputTooLarge:
    what = f"is {size / (1 << 20):,.1f} MB, over" if size is not None else "holds more than"
    return InputTooLarge(
        f"{path} {what} the {DOWNLOAD_MAXSIZE >> 20} MB a crawl downloads "
        "(DOWNLOAD_MAXSIZE): not read"
    )


def read_local(path: str | Path) -> bytes:
    """The bytes of ``path``; InputTooLarge past ``DOWNLOAD_MAXSIZE`` (a regular file by its
    size, before reading; a pipe or device once that much has been read)."""
    with open(path, "rb") as fh:
        info = os.fstat(fh.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > DOWNLOAD_MAXSIZE:
            raise _too_large(path, info.st_size)
        data = fh.read(DOWNLOAD_MAXSIZE + 1)
    if len(data) > DOWNLOAD_MAXSIZE:
        raise _too_large(path, None)
    return data


def refuse_large_files(paths: list[str]) -> None:
    """One line (exit 1) for the first regular file over the bound, before any is parsed."""
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            continue  # reported with the file's own record
        if stat.S_ISREG(info.st_mode) and info.st_size > DOWNLOAD_MAXSIZE:
            raise click.ClickException(str(_too_large(path, info.st_size)))
