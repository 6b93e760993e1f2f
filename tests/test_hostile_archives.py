"""Hostile world, second round: archives in bad states, arguments that are no text.

Every command (reading: stats, search, meets; writing: crawl, reparse, import-warc, export) meets
a file that is no SQLite file, an SQLite file of something else, a truncated archive, a corrupted
one, one written by a newer meetarchive, and a read-only one. A user expects: exit code 1 or 2 and
one line naming the problem, never a traceback, and the archive's bytes unchanged; a read-only or
newer archive is simply read by the reading commands (the newer one with a warning).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.archive_helpers import BODY, article, build_stages, crawled, make_crawler, run_stages
from tests.fixture_archive import free_port, wait_for
from tests.hostile_report import REPO, crawl_env

READING = {
    "stats": ["stats"],
    "search": ["search", "Kerr"],
    "meets": ["meets"],
}
WRITING = {
    "crawl": ["crawl", "runnerspace", "-a", "start_urls=http://127.0.0.1:9/"],
    "reparse": ["reparse"],
    "import-warc": ["import-warc", "{warc}"],
    "export": ["export", "articles", "--format", "csv", "-o", "{out}/a.csv"],
}
# Dropping the capability to override file permissions makes root obey them like anyone.
AS_USER = ["setpriv", "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--"]


def build_archive(db: Path, n: int = 5, paragraphs: int = 1) -> Path:
    stages = build_stages(make_crawler(db))
    for i in range(n):
        url = f"https://example.org/news/{i}"
        body = "\n\n".join([BODY] * paragraphs)
        art = article(url=url, canonical_url=url, headline=f"Kerr wins race {i}", body=body)
        run_stages(stages, crawled(art, url=url, body=f"<html>{i}</html>".encode()))
    stages[-1].close_spider()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("good") / "archive.db")


def not_sqlite(db: Path) -> None:
    db.write_bytes(os.urandom(50_000))


def other_app(db: Path) -> None:
    db.unlink()
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.commit()
    conn.close()


def truncated(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def corrupted(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for page in range(2, len(data) // 4096):
        data[page * 4096 + 8 : page * 4096 + 200] = os.urandom(192)
    db.write_bytes(bytes(data))


def undecodable(db: Path) -> None:
    """A schema entry damaged so that SQLite's error message quotes bytes that are no UTF-8
    (Python then raises UnicodeDecodeError, not the DatabaseError)."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET name = CAST(X'819b41' AS TEXT), sql = 'CREATE TABLE x(' "
        "WHERE rowid = (SELECT max(rowid) FROM sqlite_master WHERE type = 'table')"
    )
    conn.commit()
    conn.close()


def newer(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('meetarchive', 'm999_from_the_future', '2031-01-01')"
    )
    conn.commit()
    conn.close()


BROKEN = {
    "not-sqlite": (not_sqlite, "not a meetarchive archive (not an SQLite file)"),
    "other-app": (other_app, "not a meetarchive archive (it holds other tables: recipes)"),
    "truncated": (truncated, "is damaged (truncated: "),
    "corrupted": (corrupted, "is damaged ("),
    "undecodable": (undecodable, "is damaged (malformed database schema: bytes that are no text)"),
}


def run(args: list[str], as_user: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*(AS_USER if as_user and os.geteuid() == 0 else []), sys.executable, "-m", "scraper.cli"]
        + args,
        cwd=REPO,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def command(name: str, db: Path, tmp_path: Path) -> list[str]:
    args = {**READING, **WRITING}[name]
    warc = tmp_path / "pages.warc.gz"
    if name == "import-warc" and not warc.exists():
        write_warc(warc)
    filled = [a.format(warc=warc, out=tmp_path / "out") for a in args]
    return [*filled, "--db", str(db)]


def write_warc(path: Path) -> None:
    from warcio.warcwriter import WARCWriter

    from scraper.crawl.warcout import write_response

    with path.open("wb") as f:
        html = b"<html><head><title>A</title></head><body><h1>A story</h1></body></html>"
        write_response(WARCWriter(f, gzip=True), "https://example.org/a", 200, "OK", [], html)


def digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.mark.parametrize("state", sorted(BROKEN))
@pytest.mark.parametrize("name", [*READING, *WRITING])
def test_a_broken_archive_is_one_line_and_left_as_it_is(good, tmp_path, state, name):
    db = tmp_path / "archive.db"
    shutil.copy(good, db)
    damage, expected = BROKEN[state]
    damage(db)
    before = digest(db)
    done = run(command(name, db, tmp_path))
    assert done.returncode in (1, 2), done.stdout + done.stderr
    line = one_line(done)
    assert str(db) in line
    assert expected in line
    assert digest(db) == before


@pytest.mark.parametrize("name", [*READING, *WRITING])
def test_an_archive_of_a_newer_meetarchive_is_read_with_a_warning_never_written(
    good, tmp_path, name
):
    db = tmp_path / "archive.db"
    shutil.copy(good, db)
    newer(db)
    before = digest(db)
    done = run(command(name, db, tmp_path))
    line = one_line(done)
    assert "written by a newer meetarchive (migrations this one does not know: m999_" in line
    if name in READING:
        assert done.returncode == 0, done.stderr
        assert line.startswith("warning: ")
        assert done.stdout
    else:
        assert done.returncode == 1
        assert "it is not written to" in line
    assert digest(db) == before


@pytest.fixture
def read_only(good, tmp_path) -> Path:
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("root without setpriv: permissions cannot be made to count")
    directory = tmp_path / "ro"
    directory.mkdir()
    db = directory / "archive.db"
    shutil.copy(good, db)
    db.chmod(0o444)
    directory.chmod(0o555)
    tmp_path.chmod(0o755)
    yield db
    directory.chmod(0o755)


@pytest.mark.parametrize("name", [*READING, *WRITING])
def test_a_read_only_archive_is_read_and_never_written(read_only, tmp_path, name):
    before = digest(read_only)
    done = run(command(name, read_only, tmp_path), as_user=True)
    if name in READING or name == "export":  # a plain export only reads the archive
        assert done.returncode == 0, done.stderr
        assert "Kerr" in done.stdout or name != "search"
        assert not done.stderr
    else:
        assert done.returncode == 1, done.stdout
        assert "is read-only here" in one_line(done)
    assert digest(read_only) == before
    assert sorted(p.name for p in read_only.parent.iterdir()) == ["archive.db"]


def test_a_read_only_archive_is_served(read_only, tmp_path):
    """In a read-only directory a WAL archive cannot be opened with mode=ro (its shared-memory
    file cannot be made): `meetarchive serve` serves it as the immutable snapshot it is."""
    port = free_port()
    log = tmp_path / "serve.log"
    args = ["serve", "--db", str(read_only), "--port", str(port)]
    prefix = AS_USER if os.geteuid() == 0 else []
    with log.open("w") as out:
        proc = subprocess.Popen(
            [*prefix, sys.executable, "-m", "scraper.cli", *args],
            cwd=REPO,
            env=crawl_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/-/versions.json", proc, log)
        with urllib.request.urlopen(base + "/archive/articles.json?_shape=array") as response:
            rows = json.loads(response.read())
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert len(rows) == 5
    assert "Traceback" not in log.read_text()


# -- arguments that are no text --------------------------------------------------------------------
@pytest.mark.parametrize(
    "args",
    [
        [b"search", b"Kerr\xff"],
        [b"stats", b"--db", b"caf\xe9.db"],
        [b"export", b"articles", b"--format", b"csv", b"-o", b"\xfe\xfe.csv"],
    ],
)
def test_arguments_that_are_not_utf8_are_a_usage_error(tmp_path, args):
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"scraper.cli", *args],
        cwd=REPO,
        env=crawl_env(),
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 2
    [line] = done.stderr.decode("utf-8").splitlines()
    assert "is not valid UTF-8" in line
    assert not list(tmp_path.iterdir())


def test_the_sqlite_header_checks_read_no_more_than_the_header(tmp_path):
    """A file holding JSON, not an archive, is refused before SQLite touches it."""
    db = tmp_path / "archive.db"
    db.write_text(json.dumps({"not": "an archive"}))
    done = run(["stats", "--db", str(db)])
    assert done.returncode == 1
    assert one_line(done) == f"Error: {db} is not a meetarchive archive (not an SQLite file)"


# -- exports to bad places -------------------------------------------------------------------------
def export(db: Path, output: Path | str, *extra: str, limit_bytes: int | None = None):
    args = ["export", "articles", "--format", "csv", "-o", str(output), "--db", str(db), *extra]
    prefix = ["prlimit", f"--fsize={limit_bytes}", "--"] if limit_bytes else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "scraper.cli", *args],
        cwd=REPO,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_archive(tmp_path_factory.mktemp("big") / "archive.db", n=60, paragraphs=20)


@pytest.mark.parametrize("output", ["/dev/stdout", "/dev/null", "/proc/self/fd/1"])
def test_an_export_to_something_that_is_no_file_is_refused(good, tmp_path, output):
    done = export(good, output)
    assert done.returncode == 1
    assert f"-o {output} is not a regular file" in one_line(done)


def test_an_export_to_a_directory_is_a_usage_error(good, tmp_path):
    done = export(good, tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert (
        done.stderr.splitlines()[-1]
        == f"Error: Invalid value for '-o' / '--output': File '{tmp_path}' is a directory."
    )
    assert not list(tmp_path.iterdir())


def test_an_export_to_an_unwritable_place_is_one_line(good, tmp_path):
    (tmp_path / "a-file").write_text("x")
    done = export(good, tmp_path / "a-file" / "out.csv")
    assert done.returncode == 1
    assert "cannot write" in one_line(done)


def test_an_export_into_a_read_only_directory_is_one_line(good, tmp_path):
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("root without setpriv: permissions cannot be made to count")
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o555)
    tmp_path.chmod(0o755)
    args = ["export", "articles", "--format", "csv", "-o", str(out / "a.csv"), "--db", str(good)]
    try:
        done = run(args, as_user=True)
    finally:
        out.chmod(0o755)
    assert done.returncode == 1
    assert "Permission denied" in one_line(done)
    assert not list(out.iterdir())


def test_an_export_onto_a_full_disk_keeps_the_earlier_file(big, tmp_path):
    """A write that fails half-way (the file-size limit: the same failed write a full disk
    gives): one line, nothing of the new export kept, the earlier file as it was."""
    if not shutil.which("prlimit"):
        pytest.skip("no prlimit")
    out = tmp_path / "a.csv"
    out.write_text("the earlier export\n")
    done = export(big, out, limit_bytes=49_152)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "(nothing of this export was kept)" in one_line(done)
    assert out.read_text() == "the earlier export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]


@pytest.mark.parametrize(
    "package",
    [
        '{"name": "someone-elses-data", "resources": [{"path": "theirs.csv"}]}',
        "not json at all",
        '["a", "list"]',
        '{"name": "meetarchive", "resources": "oops"}',
    ],
)
def test_an_export_beside_a_foreign_datapackage_leaves_both_alone(good, tmp_path, package):
    (tmp_path / "datapackage.json").write_text(package)
    done = export(good, tmp_path / "a.csv")
    assert done.returncode == 1
    assert "is not one meetarchive exports write" in one_line(done)
    assert (tmp_path / "datapackage.json").read_text() == package
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datapackage.json"]


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        ("UPDATE exports SET rows = 'many'", "rows is 'many'"),
        ("UPDATE exports SET dataset = ''", "dataset is ''"),
        ("DROP TABLE export_rows", "no such table: export_rows"),
    ],
)
def test_a_damaged_export_record_is_one_line_and_the_file_stays(good, tmp_path, damage, expected):
    db = tmp_path / "archive.db"
    shutil.copy(good, db)
    out = tmp_path / "out" / "a.csv"
    assert export(db, out, "--since-last").returncode == 0
    kept = out.read_bytes()
    conn = sqlite3.connect(db)
    conn.execute(damage)
    conn.commit()
    conn.close()
    done = export(db, out, "--since-last")
    assert done.returncode == 1
    line = one_line(done)
    assert "record of what --since-last wrote to" in line
    assert expected in line
    assert out.read_bytes() == kept
    if "UPDATE" in damage:  # a plain export writes the file anew and starts the record again
        assert export(db, out).returncode == 0
        assert export(db, out, "--since-last").returncode == 0
