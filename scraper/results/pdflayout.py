"""The text layer of any PDF as fixed-width lines, rebuilt from where PDFium places each word.

PDFium (through pypdfium2) reads the page: fonts, encodings, the text matrix of every glyph,
rotated or flipped content included. It hands back the page's characters in content order with
their origins in page space; this module asks for the origin of the first and the last
character of each word only (two calls a word, not one a character: the expensive part is the
call), and lays the words out again:

- a **line** is the words whose baselines lie within a fraction of a character of each other,
  top to bottom, left to right;
- a word stands at column ``(x - left margin) / w``, ``w`` being the page's mean advance per
  character, so columns printed one under the other stay one under the other, whatever the
  font; a word that follows the previous one at about a space's distance is joined with one
  space (a heading set in a large proportional font stays one phrase);
- vertical gaps of more than a line's height become blank lines (at most three).

That is what the fixed-width readers (:mod:`scraper.results.fallback`, :mod:`scraper.results.hytek`)
read: the same lines a timer's text report has.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

_WORD = re.compile(r"[^\s\x00-\x1f\ufffe\uffff]+")
_CASE_TURN = re.compile(r"[a-z][A-Z]")
_MAX_BLANK = 3
_SAME_LINE = 0.8  # baselines closer than this many character widths share a line
_SPACE = 1.2  # a gap under this many of the word's own advances is one space


def _pdfium() -> Any:
    import pypdfium2  # 40 ms to import: only when a PDF needs it

    return pypdfium2


class PdfError(Exception):
    """The file is no PDF PDFium can open (damaged, encrypted with a password)."""


def text_of(data: bytes) -> str:
    """Each page's lines, pages joined by form feeds. One grid for the whole document (its mean
    advance, its left margin), so a page continuing a table lines up with the header printed on
    the page before."""
    pdfium = _pdfium()
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise PdfError(str(e)) from None
    try:
        pages = [_words(doc[i]) for i in range(len(doc))]
    finally:
        doc.close()
    span = sum(p[1] for p in pages)
    chars = sum(p[2] for p in pages)
    width = span / chars if chars else 5.0
    margin = min((w[1] for p in pages for w in p[0]), default=0.0)
    return "\n\f\n".join(_page_text(p[0], margin, width) for p in pages)


# a word: (-baseline y, x of its first character, x of its last, advance per character, text)
_Word = tuple[float, float, float, float, str]


def _words(page: Any) -> tuple[list[_Word], float, int]:
    """The page's words, and the width and count of the character advances inside them."""
    raw_api = _pdfium().raw
    textpage = page.get_textpage()
    try:
        tp = textpage.raw
        n = raw_api.FPDFText_CountChars(tp)
        if n <= 0:
            return [], 0.0, 0
        text = textpage.get_text_range(0, n)
        if len(text) != n:  # characters outside the BMP: one code per character instead
            text = "".join(chr(raw_api.FPDFText_GetUnicode(tp, i) or 32) for i in range(n))
        x, y = ctypes.c_double(), ctypes.c_double()
        origin = raw_api.FPDFText_GetCharOrigin
        words: list[_Word] = []
        span, chars = 0.0, 0
        for s, e in _spans(raw_api, tp, text):
            origin(tp, s, x, y)
            x0, y0 = x.value, y.value
            last, adv = x0, 0.0
            if e - s > 1:
                origin(tp, e - 1, x, y)
                if x.value > x0 and abs(y.value - y0) < 1:
                    last = x.value
                    adv = (last - x0) / (e - s - 1)
                    span += last - x0
                    chars += e - s - 1
            words.append((-y0, x0, last, adv, text[s:e]))
    finally:
        textpage.close()
    return words, span, chars


def _spans(raw_api: Any, tp: Any, text: str) -> list[tuple[int, int]]:
    """The words' character ranges. Two strings drawn touching each other ('School' + 'Time' of
    two columns) come out as one word: where a word turns from lower to upper case, a change
    of text object splits it ('McCOLGAN' is one object, one word)."""
    out = []

    def obj(i: int) -> int | None:
        return ctypes.cast(raw_api.FPDFText_GetTextObject(tp, i), ctypes.c_void_p).value

    for m in _WORD.finditer(text):
        s, e = m.span()
        for j in _CASE_TURN.finditer(text, s, e):
            cut = j.start() + 1
            if obj(cut - 1) != obj(cut):
                out.append((s, cut))
                s = cut
        out.append((s, e))
    return out


def _page_text(words: list[_Word], margin: float, width: float) -> str:
    if not words:
        return ""
    words.sort()
    lines: list[list[_Word]] = []
    top = None
    for w in words:
        if top is None or w[0] - top > width * _SAME_LINE:
            lines.append([w])
            top = w[0]
        else:
            lines[-1].append(w)
    steps = sorted(b[0][0] - a[0][0] for a, b in zip(lines, lines[1:], strict=False))
    step = steps[len(steps) // 2] if steps else 0.0
    out: list[str] = []
    above = None
    for line in lines:
        if above is not None and step > 0:
            out.extend([""] * min(_MAX_BLANK, round((line[0][0] - above) / step) - 1))
        above = line[0][0]
        out.append(line_text(sorted(line, key=lambda w: w[1]), margin, width))
    return "\n".join(out)


def line_text(line: list[_Word], margin: float, width: float) -> str:
    """One line's words at their columns (``width`` points a column from ``margin``), a word
    that follows the one before at about a space's distance joined with one space."""
    s = ""
    end = None
    before = width  # the advance of the word before: a word of one character has none of its own
    for _, x0, last, adv, word in line:
        adv = adv or before
        col = int((x0 - margin) / width + 0.05)
        short = len(word) <= 3  # (its advance, of a few narrow letters, says little: 'III')
        space = _SPACE * (max(adv, before) if short else adv)  # ('Division III')
        if end is not None and x0 - end <= space or col <= len(s):
            s += " " if s else ""
        else:
            s = s.ljust(col)
        s += word
        end, before = last + adv, adv
    return s
