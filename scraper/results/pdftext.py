"""A fast text layer for the simple PDFs timing software prints (Hy-Tek via Crystal Reports, ...).

Such files draw fixed-width report lines in a monospace font (Courier), one literal string per line
or per cell, in plain or Flate-compressed content streams, with a classic cross-reference (no object
streams, no encryption).  For them this module rebuilds the lines in a few milliseconds, with exact
columns (x / character width), without importing a PDF library.  Anything else (object streams,
hex/CID strings, mostly proportional text) returns None and the caller uses pypdf.
"""

from __future__ import annotations

import re

from scraper.results.pdfbounds import Budget, inflate

_OBJ = re.compile(rb"(?<![\d])(\d+)\s+0\s+obj\b(.*?)\bendobj", re.S)
_REF = re.compile(rb"(\d+)\s+0\s+R")
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\n?endstream", re.S)
_ESC = {
    b"n": b"\n",
    b"r": b"\r",
    b"t": b"\t",
    b"b": b"\b",
    b"f": b"\f",
    b"(": b"(",
    b")": b")",
    b"\\": b"\\",
}
MAX_COLUMN = 1_000  # a piece placed further right starts there (no line of a million spaces)
_MONO = re.compile(rb"Courier|Mono|Consol|Lucida-?Console", re.I)


def _unescape(s: bytes) -> bytes:
    if b"\\" not in s:
        return s
    out = bytearray()
    i, n = 0, len(s)
    while i < n:
        c = s[i : i + 1]
        if c == b"\\" and i + 1 < n:
            nxt = s[i + 1 : i + 2]
            if nxt in _ESC:
                out += _ESC[nxt]
                i += 2
                continue
            m = re.match(rb"[0-7]{1,3}", s[i + 1 : i + 4])
            if m:
                out.append(int(m.group(0), 8) & 0xFF)
                i += 1 + len(m.group(0))
                continue
            if nxt in b"\r\n":
                i += 2
                continue
            i += 1
            continue
        out += c
        i += 1
    return bytes(out)


def _stream(body: bytes) -> bytes | None:
    m = _STREAM.search(body)
    if not m:
        return None
    data = m.group(1)
    head = body[: m.start()]
    if b"/Filter" in head:
        if b"/FlateDecode" not in head or re.search(rb"/Filter\s*\[[^\]]*/\w+[^\]]*/\w+", head):
            return None
        return inflate(data)  # bounded: InputTooLarge past the bound
    return data


def text_of(data: bytes) -> str | None:
    """The report lines of each page (pages joined by form feeds), or None when the file is not
    one this reader handles exactly; InputTooLarge when its pages draw more than
    ``scraper.results.pdfbounds`` allows."""
    if b"/ObjStm" in data or b"/Encrypt" in data:
        return None
    objs = {int(m.group(1)): m.group(2) for m in _OBJ.finditer(data)}
    root = re.search(rb"/Root\s+(\d+)\s+0\s+R", data)
    if not objs or not root:
        return None
    pages: list[int] = []
    try:
        _pages(objs, int(root.group(1)), pages, depth=0)
    except (KeyError, RecursionError, ValueError):
        return None
    if not pages:
        return None
    contents = _contents(objs, pages)  # every page's instructions, within the budget first
    if contents is None:
        return None
    out = []
    mono_chars = all_chars = 0
    for pid, content in zip(pages, contents, strict=True):
        if content is None:
            out.append("")
            continue
        text, mono, total = _page_text(content, _fonts(objs, objs[pid]))
        if text is None:
            return None
        mono_chars += mono
        all_chars += total
        out.append(text)
    if all_chars == 0 or mono_chars < 0.8 * all_chars:
        return None  # proportional text: columns need real font metrics (pypdf)
    return "\n\f\n".join(out)


def _contents(objs: dict[int, bytes], pages: list[int]) -> list[bytes | None] | None:
    """Each page's content streams inflated and joined (None: a page without any), counted
    against the budget of ``scraper.results.pdfbounds`` once per page drawing them, before any
    text is read; None when a stream is not one this reader handles."""
    budget = Budget()
    inflated: dict[int, bytes | None] = {}
    out: list[bytes | None] = []
    for pid in pages:
        found = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)", objs[pid])
        if not found:
            out.append(None)
            continue
        streams = []
        for ref in _REF.finditer(found.group(1)):
            oid = int(ref.group(1))
            if oid not in inflated:
                body = objs.get(oid)
                inflated[oid] = _stream(body) if body is not None else None
            stream = inflated[oid]
            if stream is None:
                return None
            budget.spend(len(stream))
            streams.append(stream)
        out.append(b"\n".join(streams))
    return out


def _pages(objs: dict[int, bytes], oid: int, out: list[int], depth: int) -> None:
    if depth > 20:
        raise RecursionError
    body = objs[oid]
    if re.search(rb"/Type\s*/Pages\b", body) or (b"/Kids" in body and b"/Contents" not in body):
        if re.search(rb"/Type\s*/Catalog\b", body):
            m = re.search(rb"/Pages\s+(\d+)\s+0\s+R", body)
            _pages(objs, int(m.group(1)), out, depth + 1)  # type: ignore[union-attr]
            return
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body)
        for ref in _REF.finditer(kids.group(1) if kids else b""):
            _pages(objs, int(ref.group(1)), out, depth + 1)
    elif re.search(rb"/Type\s*/Catalog\b", body):
        m = re.search(rb"/Pages\s+(\d+)\s+0\s+R", body)
        if m is None:
            raise ValueError("no page tree")
        _pages(objs, int(m.group(1)), out, depth + 1)
    else:
        out.append(oid)


def _fonts(objs: dict[int, bytes], page: bytes) -> dict[bytes, bool]:
    """Font resource name -> monospace?  (Resources inline or by reference.)"""
    res = page
    m = re.search(rb"/Resources\s+(\d+)\s+0\s+R", page)
    if m:
        res = objs.get(int(m.group(1)), b"")
    fm = re.search(rb"/Font\s*(<<(?:[^<>]|<<[^<>]*>>)*>>|\d+\s+0\s+R)", res)
    if not fm:
        return {}
    fdict = fm.group(1)
    if fdict.endswith(b"R"):
        fdict = objs.get(int(fdict.split()[0]), b"")
    out = {}
    for name, ref in re.findall(rb"/([^\s/<>\[\]()]+)\s+(\d+)\s+0\s+R", fdict):
        body = objs.get(int(ref), b"")
        if re.search(rb"/Encoding\s*/Identity|/Type0", body):
            out[name] = False
            continue
        base = re.search(rb"/BaseFont\s+(\d+)\s+0\s+R", body)
        if base:
            body += objs.get(int(base.group(1)), b"")
        out[name] = bool(_MONO.search(body))
    return out


_NUM = rb"[-+]?(?:\d+\.?\d*|\.\d+)"
_STR = rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)"
_OPS = re.compile(
    rb"(?P<tj>" + _STR + rb")\s*(?P<tjop>Tj|'|\")"
    rb"|\[(?P<arr>(?:" + _STR + rb"|[^\]\\()])*)\]\s*TJ"
    rb"|(?P<dx>" + _NUM + rb")\s+(?P<dy>" + _NUM + rb")\s+T[dD]\b"
    rb"|(?P<tm>(?:" + _NUM + rb"\s+){5}" + _NUM + rb")\s+Tm\b"
    rb"|/(?P<font>[^\s/\[\]()<>]+)\s+(?P<size>" + _NUM + rb")\s+Tf\b"
    rb"|(?P<bt>\bBT\b)|(?P<tstar>T\*)|(?P<hex><[0-9A-Fa-f\s]+>\s*T[jJ])"
)
_ARR_PART = re.compile(_STR + rb"|" + _NUM)


def _page_text(content: bytes, fonts: dict[bytes, bool]) -> tuple[str | None, int, int]:
    """Lines of one page: pieces placed at round(x / char width) on lines keyed by y."""
    lines: dict[int, list[tuple[float, str]]] = {}
    x = y = lx = ly = 0.0
    size, mono = 10.0, False
    scale = 1.0
    mono_chars = total = 0
    try:
        for m in _OPS.finditer(content):
            g = m.lastgroup
            if g in ("tj", "tjop"):
                if m.group("tjop") != b"Tj":
                    ly -= size * 1.2
                    x, y = lx, ly
                text = _unescape(m.group("tj")[1:-1])
            elif g == "arr":
                text = b""
                for p in _ARR_PART.findall(m.group("arr")):
                    if p.startswith(b"("):
                        text += _unescape(p[1:-1])
                    elif float(p) < -300:
                        text += b" "
            else:
                if g in ("dx", "dy"):
                    lx += float(m.group("dx")) * scale
                    ly += float(m.group("dy")) * scale
                    x, y = lx, ly
                elif g == "tm":
                    a, _b, _c, d, e, f = (float(v) for v in m.group("tm").split())
                    scale = abs(a) or 1.0
                    lx = x = e
                    ly = y = f if d >= 0 else -f  # flipped (1 0 0 -1) matrices count downwards
                elif g in ("font", "size"):
                    size = abs(float(m.group("size"))) or 10.0
                    mono = fonts.get(m.group("font"), False)
                elif g == "bt":
                    x = y = lx = ly = 0.0
                elif g == "tstar":
                    ly -= size * 1.2
                    x, y = lx, ly
                elif g == "hex":
                    return None, 0, 0  # hex strings: encodings this reader does not decode
                continue
            s = text.decode("cp1252", "replace")
            width = size * scale * 0.6
            lines.setdefault(round(y * 2), []).append((x / width if width else 0.0, s))
            x += len(s) * width
            n = len(s.strip())
            total += n
            if mono:
                mono_chars += n
    except ValueError:
        return None, 0, 0
    out = []
    for key in sorted(lines, reverse=True):
        parts: list[str] = []  # joined once: linear however many pieces share the line
        width = 0
        for col, s in sorted(lines[key]):
            c = min(max(0, round(col)), MAX_COLUMN)
            piece = " " * (c - width) + s if width <= c else " " + s.lstrip()
            parts.append(piece)
            width += len(piece)
        out.append("".join(parts).rstrip())
    return "\n".join(out), mono_chars, total
