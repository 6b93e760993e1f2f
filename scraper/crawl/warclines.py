"""WARC records read with bounded header lines. warcio reads every header line (the WARC record's
and its HTTP response's) whole, by concatenating the buffers it decompresses until it meets a
newline: one header line of hundreds of megabytes (a WACZ of 400 KB holds one) takes that much
memory and time quadratic in its length. Here no line may be longer than ``MAX_LINE``: the
reading stops there with ``HeaderLineTooLong``, which the import reports as the file's problem.
Record bodies are read in blocks, never as lines, so they are not concerned."""

from __future__ import annotations

from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader

MAX_LINE = 64 * 1024  # HTTP servers refuse header lines over 8-16 KB; cookies stay under 4 KB


class HeaderLineTooLong(ValueError):
    def __init__(self, offset: int) -> None:
        super().__init__(
            f"a header line over {MAX_LINE // 1024} KB (near byte {offset:,} of the "
            "WARC data): not a web archive this reads"
        )


class _BoundedLines(DecompressingBufferedReader):
    def readline(self, length: int | None = None) -> bytes:
        """A line of at most ``length`` bytes (never over ``MAX_LINE``: HeaderLineTooLong). The
        pieces are gathered here: warcio's own readline may stop short of ``length`` without a
        newline, and the rest of a long line would then be read as further lines."""
        cap = MAX_LINE + 1 if length is None else min(length, MAX_LINE + 1)
        pieces: list[bytes] = []
        got = 0
        while got < cap:
            piece: bytes = super().readline(cap - got)
            if not piece:
                break
            pieces.append(piece)
            got += len(piece)
            if piece.endswith(b"\n"):
                break
        line = b"".join(pieces)
        if len(line) > MAX_LINE and not line.endswith(b"\n"):
            raise HeaderLineTooLong(self.tell())
        return line


def bounded_records(stream: IO[bytes], **options: Any) -> ArchiveIterator:
    """warcio's ``ArchiveIterator`` over ``stream``, reading lines of at most ``MAX_LINE``."""
    records = ArchiveIterator(stream, **options)
    # replaced before the first record is read (the iteration starts on the first next())
    records.reader = _BoundedLines(records.fh, block_size=records.reader.block_size)
    return records
