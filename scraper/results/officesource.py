"""The units of Office documents for the audit (:mod:`scraper.results.source`), read from their
XML parts, whatever reader read them.

* XLSX: each sheet row, its cells as the sheet shows them: shared and inline strings, numbers as
  stored, and numbers in a time format (``h:mm:ss``, ``[h]:mm``, ``mm:ss.0``...) as the time
  they show (a day fraction, ``0.02788`` -> ``0:40:09``; hours beyond a day kept: ``40:09:00``);
* DOCX: each paragraph (a line; tabs kept) and each table row (its cells; the rows of a nested
  table, not the row holding it).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from lxml import etree

from scraper.results.resultlike import Unit

_SHEET = re.compile(r"xl/worksheets/[^/]+\.xml")
# Built-in number formats that show a time (ECMA-376 18.8.30).
_TIME_FORMATS = {18, 19, 20, 21, 22, 45, 46, 47}
_QUOTED = re.compile(r'"[^"]*"|\[[^\]]*[^hms\]][^\]]*\]|\\.')


def _local(el: Any) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def office_units(data: bytes) -> list[Unit]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "word/document.xml" in names:
                return list(_docx_units(etree.fromstring(z.read("word/document.xml"))))
            shared = _shared_strings(z) if "xl/sharedStrings.xml" in names else []
            times = _time_styles(z) if "xl/styles.xml" in names else set()
            units: list[Unit] = []
            for name in sorted(n for n in names if _SHEET.fullmatch(n)):
                units += _sheet_units(etree.fromstring(z.read(name)), shared, times)
            return units
    except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, OSError, ValueError):
        return []


def _shared_strings(z: zipfile.ZipFile) -> list[str]:
    root = etree.fromstring(z.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter() if _local(t) == "t") for si in root]


def _time_styles(z: zipfile.ZipFile) -> set[int]:
    """The indexes of the cell styles (``cellXfs``) whose number format shows a time."""
    root = etree.fromstring(z.read("xl/styles.xml"))
    custom = {
        int(f.get("numFmtId", -1)): f.get("formatCode", "")
        for f in root.iter()
        if _local(f) == "numFmt"
    }
    found = set()
    xfs = next((el for el in root.iter() if _local(el) == "cellXfs"), None)
    for i, xf in enumerate(x for x in (xfs if xfs is not None else []) if _local(x) == "xf"):
        fmt = int(xf.get("numFmtId", 0))
        code = _QUOTED.sub("", custom.get(fmt, "")).lower()
        if fmt in _TIME_FORMATS or (("h" in code or "s" in code) and ":" in code):
            found.add(i)
    return found


def _clock(days: float) -> str:
    """A day fraction as the time it shows: ``h:mm:ss``, hundredths kept when there are any."""
    hundredths = round(days * 8_640_000)
    seconds, cs = divmod(hundredths, 100)
    minutes, sec = divmod(seconds, 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{sec:02d}" + (f".{cs:02d}" if cs else "")


def _sheet_units(sheet: Any, shared: list[str], times: set[int]) -> list[Unit]:
    units: list[Unit] = []
    for row in sheet.iter():
        if _local(row) != "row":
            continue
        cells = []
        for c in row:
            kind, text = c.get("t"), ""
            for part in c.iter():
                if _local(part) == "v" and part.text is not None:
                    text = part.text
                elif _local(part) == "t" and kind == "inlineStr":
                    text += part.text or ""
            if kind == "s" and text.isdigit() and int(text) < len(shared):
                text = shared[int(text)]
            elif kind in (None, "n") and text and int(c.get("s", 0)) in times:
                text = _clock(float(text))
            cells.append(" ".join(text.split()))
        if any(cells):
            units.append(tuple(cells))
    return units


def _docx_units(root: Any) -> Iterator[Unit]:
    body = next((el for el in root if _local(el) == "body"), root)
    for el in body:
        if _local(el) == "p":
            line = _docx_text(el)
            if line.strip():
                yield line
        elif _local(el) == "tbl":
            for tr in el.iter():  # the rows of nested tables, not the rows holding them
                if _local(tr) == "tr" and not any(_local(d) == "tbl" for d in tr.iter()):
                    cells = tuple(
                        " ".join(_docx_text(tc).split()) for tc in tr if _local(tc) == "tc"
                    )
                    if any(cells):
                        yield cells


def _docx_text(el: Any) -> str:
    out = []
    for part in el.iter():
        name = _local(part)
        if name == "t":
            out.append(part.text or "")
        elif name == "tab":
            out.append("\t")
        elif name in ("br", "cr"):
            out.append(" ")
    return "".join(out)
