"""Hostile world, second round: web archives in bad shape.

* One malformed record (a broken header line, garbage between gzip members, a body that does not
  decode) costs that record: the records after it are imported, the summary names it (count,
  offset, reason), the exit code is 1.
* A WARC cut short (gzip or not) is imported up to its last whole record and reported as cut;
  the record it ends inside is never imported half.
* An uncompressed WARC whose last record holds a zip file is a WARC, not a WACZ.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.warcwriter import WARCWriter

from scraper.cli import cli
from scraper.crawl.warc import read_archive
from scraper.crawl.warcout import write_response

STORIES = 6
HTML = [("Content-Type", "text/html; charset=utf-8")]


def story(i: int) -> bytes:
    body = f"Story {i}: the meet opened under grey skies and closed under a full moon. " * 8
    return (
        f"<html><head><title>Story {i} headline</title></head><body><article>"
        f"<h1>Story {i} headline</h1><p>{body}</p><p>{body}</p></article></body></html>"
    ).encode()


def warc(gz: bool, last: tuple[str, bytes, str] | None = None) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for i in range(STORIES):
        write_response(writer, f"https://example.org/news/{i}", 200, "OK", HTML, story(i))
    if last:
        url, body, kind = last
        write_response(writer, url, 200, "OK", [("Content-Type", kind)], body)
    return out.getvalue()


def starts(data: bytes, gz: bool) -> list[int]:
    """Where each record begins."""
    marker = b"\x1f\x8b\x08" if gz else b"WARC/1."
    found, at = [], data.find(marker)
    while at >= 0:
        found.append(at)
        at = data.find(marker, at + 1)
    return found


def broken_header(data: bytes, gz: bool) -> bytes:
    third = starts(data, False)[2]
    return data[:third] + b"WARX/9.9" + data[third + 8 :]


def garbage_between_members(data: bytes, gz: bool) -> bytes:
    third = starts(data, True)[2]
    return data[:third] + b"\x00not a record\x00" * 20 + data[third:]


def cut(data: bytes, gz: bool) -> bytes:
    last = starts(data, gz)[-1]
    return data[: last + (len(data) - last) // 2]


def imported(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return sorted(r[0] for r in conn.execute("SELECT headline FROM articles"))
    finally:
        conn.close()


def import_warc(path: Path, db: Path):
    return CliRunner().invoke(
        cli,
        ["import-warc", str(path), "--db", str(db)],
        env={"ARCHIVE_DB": None, "MEETARCHIVE_SOURCES": None},
    )


@pytest.mark.parametrize(
    ("gz", "damage", "lost", "problem"),
    [
        (False, broken_header, {2}, "malformed record at byte"),
        (True, garbage_between_members, set(), "malformed record at byte"),
        (True, cut, {STORIES - 1}, "cut at byte"),
        (False, cut, {STORIES - 1}, "cut at byte"),
    ],
    ids=["broken-header", "gzip-garbage", "gzip-cut", "plain-cut"],
)
def test_a_bad_stretch_costs_only_its_record_and_is_reported(tmp_path, gz, damage, lost, problem):
    path = tmp_path / ("pages.warc.gz" if gz else "pages.warc")
    path.write_bytes(damage(warc(gz), gz))
    done = import_warc(path, tmp_path / "archive.db")
    assert done.exit_code == 1, done.output
    expected = [f"Story {i} headline" for i in range(STORIES) if i not in lost]
    assert imported(tmp_path / "archive.db") == expected
    assert "NOT READ:  1 stretch(es) of the files holding no whole record" in done.output
    [line] = [ln for ln in done.output.splitlines() if problem in ln]
    assert line.startswith(f"    {path}: ")
    assert "Traceback" not in done.output


def test_a_cut_record_is_never_imported_half(tmp_path):
    path = tmp_path / "pages.warc"
    path.write_bytes(cut(warc(False), False))
    pages = [r.page for r in read_archive(path) if r.page is not None]
    assert len(pages) == STORIES - 1
    assert all(p.body == story(i) for i, p in enumerate(pages))


def test_a_warc_whose_last_record_holds_a_zip_file_is_no_wacz(tmp_path):
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("results.txt", "1. Kerr 3:45.34")
    path = tmp_path / "pages.warc"
    path.write_bytes(
        warc(False, ("https://example.org/files/all.zip", zipped.getvalue(), "application/zip"))
    )
    assert zipfile.is_zipfile(path)  # what once made it a WACZ
    done = import_warc(path, tmp_path / "archive.db")
    assert done.exit_code == 0, done.output
    assert len(imported(tmp_path / "archive.db")) == STORIES
    assert "skipped:   1 not HTML record(s)" in done.output


def test_a_wacz_is_still_read_as_one(tmp_path):
    wacz = tmp_path / "site.wacz"
    with zipfile.ZipFile(wacz, "w") as z:
        z.writestr("archive/data.warc.gz", warc(True))
        z.writestr("datapackage.json", "{}")
    done = import_warc(wacz, tmp_path / "archive.db")
    assert done.exit_code == 0, done.output
    assert len(imported(tmp_path / "archive.db")) == STORIES
