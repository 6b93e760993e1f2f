"""The records of one WARC stream, read past the ones that are broken, and told when it is cut.

warcio's ArchiveIterator stops at the first record it cannot parse, so one malformed record cost
the import of every record after it, and a gzip WARC cut short ended quietly at its last whole
record. :func:`records` yields ``(record, offset)`` for every record warcio reads, and a
:class:`Problem` instead of each stretch it cannot: a malformed record (then it looks for the next
record start, a line beginning ``WARC/`` or, in a gzip WARC, the next gzip member, and goes on
from there) and a file cut short (bytes after the last whole record that hold none). Header
lines are read to ``scraper.crawl.warclines.MAX_LINE`` at most: a longer one is malformed.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from warcio.exceptions import ArchiveLoadFailed

from scraper.crawl.warclines import bounded_records

GZIP_MAGIC = b"\x1f\x8b\x08"
CHUNK = 1 << 20
# What warcio raises on bytes it cannot read as a record (its own error, bad numbers in headers,
# broken compression, a stream ending inside a header).
READ_ERRORS: tuple[type[BaseException], ...] = (
    ArchiveLoadFailed,
    ValueError,
    zlib.error,
    EOFError,
    OSError,
    IndexError,
    KeyError,
)


@dataclass(frozen=True)
class Problem:
    """A stretch of the file that gave no record: ``kind`` "malformed" or "cut"."""

    kind: str
    offset: int
    detail: str

    def __str__(self) -> str:
        return f"{self.kind} at byte {self.offset:,}: {self.detail}"


def one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    text = text if len(text) <= 160 else text[:159] + "…"
    return f"{type(error).__name__}: {text}"


def records(stream: IO[bytes], size: int) -> Iterator[tuple[Any, int] | Problem]:
    """Every record of ``stream`` (``size`` bytes, seekable) with its offset, and the problems
    met on the way. The consumer reads a record (or not) before asking for the next one."""
    start: int | None = 0
    gzipped = _head(stream, len(GZIP_MAGIC)) == GZIP_MAGIC
    end = 0  # where the last whole record ends
    while start is not None:
        stream.seek(start)
        iterator = bounded_records(stream)  # header lines of bounded length
        end = start
        try:
            for record in iterator:
                offset = iterator.offset
                yield record, offset
                iterator.read_to_end()
                missing = getattr(record.raw_stream, "limit", 0)
                if missing > 0:  # the stream ended inside this record
                    yield Problem("cut", offset, f"its last record lacks {missing:,} bytes")
                    return
                end = iterator.offset
            start = None
        except READ_ERRORS as exc:
            yield Problem("malformed record", end, one_line(exc))
            start = _next_start(stream, end + 1, gzipped)
        finally:
            iterator.close()
    if end < size and not _tail_is_blank(stream, end):
        yield Problem("cut", end, f"its last {size - end:,} bytes hold no whole record")


def _head(stream: IO[bytes], n: int, at: int = 0) -> bytes:
    stream.seek(at)
    return stream.read(n)


def _tail_is_blank(stream: IO[bytes], at: int) -> bool:
    stream.seek(at)
    while chunk := stream.read(CHUNK):
        if chunk.strip():
            return False
    return True


def _next_start(stream: IO[bytes], at: int, gzipped: bool) -> int | None:
    """Where the next record may start, at or after ``at``: a gzip member, or a line starting
    with ``WARC/``; None when there is none."""
    marker = GZIP_MAGIC if gzipped else b"\nWARC/"
    skip = 0 if gzipped else 1  # the newline before WARC/ ends the line before the record
    stream.seek(max(0, at - skip))
    offset = max(0, at - skip)
    carry = b""
    while True:
        chunk = stream.read(CHUNK)
        if not chunk:
            return None
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            return offset - len(carry) + found + skip
        carry = data[-(len(marker) - 1) :]
        offset += len(chunk)
