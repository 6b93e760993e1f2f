"""Results files of the new kinds, crawled for real: a copy of the fixture site whose Results page
also links a spreadsheet, a Word document, a CSV file with CR line endings and a JSON export
(built in the test with their libraries), crawled over HTTP by `meetarchive crawl runnerspace`
into a SQLite file; each document is stored parsed, with its rows."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from pipelines import db as schema
from scraper.cli.siteserver import SiteServer

REPO = Path(__file__).resolve().parents[1]
PAGE = "eprofile.php/do=title&event_id=120&title_id=187.html"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def spreadsheet(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["Meet:", "Twilight Mile"])
    sheet.append(["Pos", "First Name", "Surname", "Club", "Time"])
    sheet.append([1, "Ann", "Lee", "Acme AC", dt.time(0, 4, 31)])
    sheet.append([2, "Bea", "Ray", "Zenith RC", dt.time(0, 4, 35)])
    book.save(path)


def word(path: Path) -> None:
    def cell(t: str) -> str:
        return f"<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>"

    rows = [["Pl", "Name", "Team", "Mark"], ["1", "Cal Orr", "Vista", "15.21m"]]
    table = "<w:tbl>" + "".join("<w:tr>" + "".join(map(cell, r)) + "</w:tr>" for r in rows)
    body = (
        '<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>Boys Shot Put</w:t></w:r></w:p>'
        + table
        + "</w:tbl>"
    )
    xml = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", xml)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("site")
    site = root / "runnerspace"
    shutil.copytree(REPO / "tests" / "sites" / "runnerspace", site)
    spreadsheet(site / "results" / "mile.xlsx")
    word(site / "results" / "shot.docx")
    (site / "results" / "road.csv").write_bytes(
        b"Place,Name,Club,Gun Time,Chip Time\r"
        b"1,Dee Fox,Acme AC,31:58,31:57\r2,Eve Moss,,34:27,34:25\r"
    )
    export = {
        "full_name": "Iffley Miles",
        "event_results": [
            {
                "name": "600m",
                "finishers": [
                    {
                        "pos": "1",
                        "first_name": "Flo",
                        "last_name": "Kay",
                        "team": "Oxford",
                        "time": "1:29.60",
                    }
                ],
            }
        ],
    }
    (site / "results" / "miles.json").write_text(json.dumps(export))
    links = "".join(
        f'<a href="/results/{n}">{n}</a> '
        for n in ("mile.xlsx", "shot.docx", "road.csv", "miles.json")
    )
    page = site / PAGE
    page.write_text(page.read_text().replace("<p>&#160;</p>", f"<p>{links}</p>", 1))
    db = root / "archive.db"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("ARCHIVE_DB", None)
    with SiteServer(site) as server:
        start = server.url("/eprofile.php?do=title&title_id=187&event_id=120")
        proc = subprocess.run(
            [sys.executable, "-m", "scraper.cli", "crawl", "runnerspace", "--db", str(db),
             "-a", f"start_urls={start}", "-s", "DOWNLOAD_DELAY=0",
             "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "ALLOW_PRIVATE_ADDRESSES=true"],
            cwd=REPO, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        requested = [r.path for r in server.requests_to("127.0.0.1")]
    assert proc.returncode == 0, proc.stdout + proc.stderr[-3000:]
    handle = schema.open_db(db)
    yield handle, requested
    handle.close()


@pytest.mark.parametrize(
    ("name", "fmt", "first"),
    [
        ("mile.xlsx", "xlsx", ("Ann Lee", "Acme AC", 271.0)),
        ("shot.docx", "docx-tables", ("Cal Orr", "Vista", 15.21)),
        ("road.csv", "delimited", ("Dee Fox", "Acme AC", 1918.0)),
        ("miles.json", "json", ("Flo Kay", "Oxford", 89.6)),
    ],
)
def test_linked_files_are_fetched_parsed_and_stored(crawled, name, fmt, first):
    db, requested = crawled
    assert f"/results/{name}" in requested
    (doc,) = [d for d in db[schema.RESULT_DOCS].rows if d["url"].endswith("/results/" + name)]
    assert (doc["status"], doc["format"]) == ("parsed", fmt)
    rows = list(db[schema.RESULTS].rows_where("document_id = ?", [doc["id"]], order_by="position"))
    assert (rows[0]["athlete"], rows[0]["team"], rows[0]["mark"]) == first
    assert rows[0]["place"] == 1
