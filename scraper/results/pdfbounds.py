"""Bounds on what reading a PDF's text may cost: a results PDF of a few hundred kilobytes can hold
Flate streams that inflate a thousandfold (a decompression bomb), or many pages drawing the same
large content stream, and both text readers (``scraper.results.pdftext`` and pypdf's layout mode)
spend memory and CPU in proportion to the drawing instructions they read.

So the instructions a document's pages draw (content streams, counted once per page that draws
them) are counted, inflated, before any text is read, and the document is refused with
``InputTooLarge`` (the results stage records it unparsed, with the reason) past:

* ``MAX_STREAM_BYTES`` (4 MB) for one stream;
* ``MAX_CONTENT_BYTES`` (8 MB) for the fast monospace reader (about 1.5 s of CPU at most);
* ``PYPDF_CONTENT_BYTES`` (2 MB; the form XObjects a page draws counted too) and
  ``PYPDF_PAGE_BYTES`` (1 MB) for one page, for pypdf's layout mode, which spends about 2 s of
  CPU and 50 MB of memory per MB it reads.

The largest real results PDFs seen (tests' and ../shared's data) draw under 0.5 MB in all, 0.1 MB
on one page.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from scraper.errors import InputTooLarge

MAX_STREAM_BYTES = 4 << 20
MAX_CONTENT_BYTES = 8 << 20
PYPDF_CONTENT_BYTES = 2 << 20
PYPDF_PAGE_BYTES = 1 << 20
MAX_FORMS_PER_PAGE = 200  # form XObjects pypdf may draw for one page's text


def too_large(what: str, limit: int) -> InputTooLarge:
    return InputTooLarge(
        f"PDF {what} over {limit / (1 << 20):g} MB of drawing instructions inflated "
        "(a decompression bomb?): not read"
    )


def inflate(data: bytes) -> bytes | None:
    """A Flate stream inflated to at most ``MAX_STREAM_BYTES`` (InputTooLarge past it); None
    when it is not zlib data."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_STREAM_BYTES + 1)
    except zlib.error:
        return None
    if len(out) > MAX_STREAM_BYTES:
        raise too_large("stream", MAX_STREAM_BYTES)
    return out


class Budget:
    """The inflated bytes a document's pages draw, counted as they are met."""

    def __init__(self, limit: int = MAX_CONTENT_BYTES, what: str = "pages") -> None:
        self.limit = limit
        self.what = what
        self.spent = 0

    def spend(self, size: int) -> None:
        self.spent += size
        if self.spent > self.limit:
            raise too_large(self.what, self.limit)


@contextmanager
def pypdf_limits(pypdf: Any) -> Iterator[None]:
    """pypdf's own limits lowered to ours for the reads inside the block."""
    with pypdf.apply_configuration(
        zlib_maximum_output_length=MAX_STREAM_BYTES,
        lzw_maximum_output_length=MAX_STREAM_BYTES,
        run_length_maximum_output_length=MAX_STREAM_BYTES,
        brotli_maximum_output_length=MAX_STREAM_BYTES,
        array_based_stream_maximum_output_length=MAX_STREAM_BYTES,
        xform_maximum_invocations_per_extraction=MAX_FORMS_PER_PAGE,
    ):
        yield


def check_pages(pypdf: Any, reader: Any) -> None:
    """InputTooLarge when the pages of ``reader`` (a pypdf PdfReader) draw more than pypdf may
    read (content streams and form XObjects, inflated; pypdf keeps what it inflated for the text
    extraction that follows)."""
    budget = Budget(PYPDF_CONTENT_BYTES, "pages")
    for page in reader.pages:
        one = Budget(PYPDF_PAGE_BYTES, "page")
        contents = page.get("/Contents")
        contents = contents.get_object() if contents is not None else None
        streams = contents if isinstance(contents, pypdf.generic.ArrayObject) else [contents]
        sizes = [_inflated_size(pypdf, s.get_object()) for s in streams if s is not None]
        sizes += [_inflated_size(pypdf, form) for form in _forms(page)]
        for size in sizes:
            one.spend(size)
            budget.spend(size)


def _forms(page: Any) -> Iterator[Any]:
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is None:
        return
    for ref in xobjects.get_object().values():
        obj = ref.get_object()
        if hasattr(obj, "get") and obj.get("/Subtype") == "/Form":
            yield obj


def _inflated_size(pypdf: Any, stream: Any) -> int:
    try:
        return len(stream.get_data())
    except pypdf.errors.LimitReachedError:
        raise too_large("stream", MAX_STREAM_BYTES) from None
