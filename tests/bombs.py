"""Hostile documents for the memory and CPU bounds (tests/test_hostile_memory.py), built at test
time in a temporary directory: Flate bombs in results PDFs, HTML results tables far too large,
listing pages of 200,000 links, a WACZ with one huge header line, a file of 700 MB."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

# One text line a results PDF draws (Helvetica: pypdf reads it; Courier: the fast reader does).
DRAWN = b"BT /F1 10 Tf 72 700 Td (1 Jakob Ingebrigtsen NOR 3:43.73) Tj ET\n"


def _flate(chunks: Iterator[bytes]) -> bytes:
    deflate = zlib.compressobj(9)
    return b"".join(deflate.compress(c) for c in chunks) + deflate.flush()


def pdf(content: bytes, pages: int = 1, font: bytes = b"Helvetica", raw: bool = False) -> bytes:
    """A PDF of ``pages`` pages all drawing one content stream (``content``: Flate data when
    ``raw``, else drawn as is and compressed here), with a classic cross-reference table."""
    data = content if raw else zlib.compress(content, 9)
    kids = " ".join(f"{10 + i} 0 R" for i in range(pages)).encode()
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(pages).encode() + b" >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /" + font + b" >>",
        4: b"<< /Filter /FlateDecode /Length "
        + str(len(data)).encode()
        + b" >>\nstream\n"
        + data
        + b"\nendstream",
    }
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>"
    )
    objs.update({10 + i: page for i in range(pages)})
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for n in sorted(objs):
        offsets[n] = len(out)
        out += f"{n} 0 obj\n".encode() + objs[n] + b"\nendobj\n"
    xref, size = len(out), max(objs) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for n in range(1, size):
        out += (
            f"{offsets[n]:010d} 00000 n \n" if n in offsets else "0000000000 65535 f \n"
        ).encode()
    out += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_flate_bomb(inflated: int = 150 << 20) -> bytes:
    """About 150 KB: one page whose content stream inflates to ``inflated`` bytes."""
    line = DRAWN + b" " * 16000 + b"\n"
    count = inflated // len(line)
    return pdf(_flate(line for _ in range(count)), raw=True)


def pdf_cpu_bomb(pages: int = 200) -> bytes:
    """About 40 KB: ``pages`` pages drawing the same 2 MB of text lines (400 MB to read)."""
    return pdf(DRAWN * ((2 << 20) // len(DRAWN)), pages=pages)


def pdf_one_line(pages: int = 200) -> bytes:
    """Monospace, every piece on one line: the fast reader's line joining was quadratic."""
    return pdf(DRAWN * ((1 << 20) // len(DRAWN)), pages=pages, font=b"Courier")


def results_table(size: int = 16 << 20) -> bytes:
    """A ``size``-byte HTML results table (about 190,000 rows)."""
    head = (
        "<html><head><title>Big Meet Results</title></head><body><h2>Men 1500 Meters</h2>"
        "<table><tr><th>Pl</th><th>Name</th><th>Year</th><th>Team</th><th>Time</th></tr>"
    )
    parts, total, i = [head], len(head), 0
    while total < size - 100:
        row = (
            f"<tr><td>{i + 1}</td><td>Runner {i}</td><td>SR</td><td>Team {i % 50}</td>"
            f"<td>{3 + i % 2}:{i % 60:02d}.{i % 100:02d}</td></tr>"
        )
        parts.append(row)
        total += len(row)
        i += 1
    return ("".join(parts) + "</table></body></html>").encode()


def many_tables(count: int = 2_000) -> bytes:
    """``count`` small tables, each after its heading (titles were found in quadratic time)."""
    tables = "".join(
        f"<h3>Heat {i} 400 Meters</h3><table><tr><td>1</td><td>Runner {i}</td>"
        f"<td>50.{i % 100:02d}</td></tr></table>"
        for i in range(count)
    )
    return f"<html><body>{tables}</body></html>".encode()


def listing(links: int, href: str = "/story/{}") -> bytes:
    """A listing page of ``links`` links."""
    items = "".join(
        f'<li><a href="{href.format(i)}">Story {i} of the meet</a></li>' for i in range(links)
    )
    return f"<html><head><title>News</title></head><body><ul>{items}</ul></body></html>".encode()


def wacz_long_header(path: Path, line: int = 200 << 20) -> Path:
    """A WACZ whose WARC's first record has one header line of ``line`` bytes (deflated in the
    zip: about 200 KB)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("archive/data.warc", "w", force_zip64=True) as f:
            f.write(b"WARC/1.0\r\nWARC-Type: response\r\nX-Long: ")
            chunk = b"A" * (1 << 20)
            for _ in range(line >> 20):
                f.write(chunk)
            f.write(b"\r\nContent-Length: 10\r\n\r\n0123456789\r\n\r\n")
        z.writestr("datapackage.json", "{}")
    return path


def sparse_file(path: Path, size: int = 700 << 20) -> Path:
    """A file of ``size`` bytes taking no disk space."""
    with path.open("wb") as f:
        f.truncate(size)
    return path
