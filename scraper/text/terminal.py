"""Crawled text on a terminal: shown, never obeyed.

A page can hold terminal escape sequences (ESC ``[2J``, an OSC 52 clipboard write, an 8-bit CSI
``\\x9b``...) or bidirectional overrides that reorder what a line seems to say. Printed raw by
``stats``, ``search`` or a crawl summary, they would act on the user's terminal. :func:`shown`
writes every such character as an escape (``\\x1b``, ``\\u202e``): control characters (C0 but
newline and tab, DEL, C1), bidirectional embedding/override/isolate controls, and lone surrogates
(what Python makes of bytes that are not UTF-8, which a UTF-8 terminal cannot print anyway).
:func:`json_shown` does the same inside JSON text with JSON's own ``\\uXXXX`` escapes, so the
output stays valid JSON meaning the same strings.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls; bidi embeddings, overrides and isolates
# (U+202A..U+202E, U+2066..U+2069) and the implicit marks around them (U+200E, U+200F, U+061C);
# lone surrogates.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str) -> str:
    """``text`` with every character that could act on a terminal written as an escape."""
    return _UNSAFE.sub(_escape, text)


def json_shown(text: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with the same characters as JSON
    escapes: still valid JSON, the same values, nothing a terminal acts on."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
