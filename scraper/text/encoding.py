"""Bytes -> text for HTML pages, without trusting declarations the bytes contradict.

Order: a byte-order mark; strict UTF-8 when the bytes decode as UTF-8; the declared charset (HTTP
header, then ``<meta>``) when the bytes decode under it; UTF-8 with stray single bytes read as
cp1252 when the page is clearly UTF-8 with a few Latin-1 bytes mixed in (the RunnerSpace templates
do that); cp1252 last (undecodable bytes replaced).

RunnerSpace declares ``iso-8859-1`` and sends UTF-8; a page may equally carry cp1252 bytes under
``<meta charset="utf-8">``: the bytes decide, the declarations only break ties.
"""

from __future__ import annotations

import codecs
import re

from w3lib.encoding import (
    html_body_declared_encoding,
    http_content_type_encoding,
    read_bom,
    resolve_encoding,
)

_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH = re.compile(rb"[\x80-\xff]")
_WIDE = ("utf-16", "utf-32")


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read the offending bytes as cp1252 (undefined bytes replaced)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error("meetarchive-cp1252", _cp1252_fallback)


def _charset(value: str | None) -> str | None:
    """A codec name from a charset label or a whole Content-Type header value."""
    if not value:
        return None
    value = value.strip()
    if "=" in value or "/" in value:
        return http_content_type_encoding(value)
    return resolve_encoding(value)


def _try(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_utf8(body: bytes) -> bool:
    """UTF-8 with a few stray bytes: valid multi-byte sequences clearly outnumber stray ones."""
    valid = _UTF8_MULTIBYTE.findall(body)
    if not valid:
        return False
    stray = len(_HIGH.findall(body)) - sum(len(v) for v in valid)
    return len(valid) >= 2 * max(stray, 1)


def decode_html(body: bytes, headers_charset: str | None = None) -> tuple[str, str]:
    """``(text, encoding used)`` for an HTML body.

    ``headers_charset`` is the charset of the HTTP ``Content-Type`` header (a label such as
    ``"iso-8859-1"`` or the whole header value), or None.
    """
    bom_encoding, bom = read_bom(body)
    if bom_encoding and bom:
        return body[len(bom) :].decode(bom_encoding, errors="replace"), bom_encoding
    declared = [
        enc for enc in (_charset(headers_charset), html_body_declared_encoding(body)) if enc
    ]
    # UTF-16/32 without a BOM is valid UTF-8 too (ASCII plus NUL bytes): honour such a declaration.
    for enc in declared:
        if enc.startswith(_WIDE) and b"\x00" in body[:512]:
            text = _try(body, enc)
            if text is not None:
                return text, enc
    text = _try(body, "utf-8")
    if text is not None:
        return text, "utf-8"
    for enc in declared:
        if enc in ("utf-8", "utf-8-sig") or enc.startswith(_WIDE):
            continue  # the bytes already contradicted it
        text = _try(body, enc)
        if text is not None and not (enc == "cp1252" and _mostly_utf8(body)):
            return text, enc
    if _mostly_utf8(body):
        return body.decode("utf-8", errors="meetarchive-cp1252"), "utf-8+cp1252"
    text = _try(body, "cp1252")
    if text is not None:
        return text, "cp1252"
    return body.decode("cp1252", errors="replace"), "cp1252"
