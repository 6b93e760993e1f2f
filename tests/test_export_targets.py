"""`meetarchive export` never writes over the archive it exports, and its data file and
datapackage.json never write over each other (issue 19: ``-o archive.db`` replaced the archive with
CSV). Each refusal is exit code 1 and one line naming the file; the archive keeps every byte."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipelines import db as schema
from scraper.cli import cli
from tests.test_export import ARTICLES, T1, store

# name -> (how to lay the files out: returns (archive, -o); what the one-line error says)
Layout = Callable[[Path], tuple[Path, Path]]


def beside(name: str) -> Layout:
    return lambda d: (d / "archive.db", d / name)


def symlink(d: Path) -> tuple[Path, Path]:
    (d / "link.csv").symlink_to(d / "archive.db")
    return d / "archive.db", d / "link.csv"


def hardlink(d: Path) -> tuple[Path, Path]:
    os.link(d / "archive.db", d / "copy.csv")
    return d / "archive.db", d / "copy.csv"


def archive_named(name: str, output: str) -> Layout:
    def layout(d: Path) -> tuple[Path, Path]:
        (d / "archive.db").rename(d / name)
        return d / name, d / output

    return layout


CASES: dict[str, tuple[Layout, str]] = {
    "the archive": (beside("archive.db"), "would overwrite the archive being exported"),
    "the archive, spelt otherwise": (
        beside("sub/../archive.db"),
        "would overwrite the archive being exported",
    ),
    "a symbolic link to the archive": (symlink, "would overwrite the archive being exported"),
    "a hard link to the archive": (hardlink, "would overwrite the archive being exported"),
    "the archive's WAL": (beside("archive.db-wal"), "would overwrite the archive being exported"),
    "the archive's shared memory": (
        beside("archive.db-shm"),
        "would overwrite the archive being exported",
    ),
    "an archive named datapackage.json": (
        archive_named("datapackage.json", "articles.csv"),
        "the datapackage.json written beside -o",
    ),
    "an archive named like the partial file": (
        archive_named(".articles.csv.partial", "articles.csv"),
        "would overwrite the archive being exported",
    ),
    "datapackage.json as the data file": (
        beside("datapackage.json"),
        "would be overwritten by the datapackage.json that describes it",
    ),
    "datapackage.json's temporary file as the data file": (
        beside("datapackage.json.tmp"),
        "would be overwritten by the datapackage.json that describes it",
    ),
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_an_export_that_would_overwrite_the_archive_or_its_package_is_refused(
    tmp_path: Path, case: str, fmt: str
):
    layout, says = CASES[case]
    store(tmp_path / "archive.db", [(dict(a), T1) for a in ARTICLES])
    (tmp_path / "sub").mkdir()
    archive, output = layout(tmp_path)
    before = {p.name: digest(p) for p in tmp_path.iterdir() if p.is_file()}
    result = CliRunner().invoke(
        cli, ["export", "articles", "--db", str(archive), "--format", fmt, "-o", str(output)]
    )
    assert result.exit_code == 1, result.output
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("Error: "), result.stderr
    assert says in result.stderr
    assert str(output) in result.stderr
    assert "Traceback" not in result.output
    after = {p.name: digest(p) for p in tmp_path.iterdir() if p.is_file()}
    assert after == before  # nothing written, nothing replaced
    with schema.open_db(archive) as db:
        assert schema.integrity_ok(db)
        assert db[schema.ARTICLES].count == len(ARTICLES)


def test_an_export_beside_the_archive_still_works(tmp_path: Path):
    store(tmp_path / "archive.db", [(dict(a), T1) for a in ARTICLES])
    shutil.copy(tmp_path / "archive.db", tmp_path / "copy.db")  # a copy is another file
    for output in ("articles.csv", "copy-of-archive.db.csv"):
        result = CliRunner().invoke(
            cli,
            [
                "export",
                "articles",
                "--db",
                str(tmp_path / "archive.db"),
                "--format",
                "csv",
                "-o",
                str(tmp_path / output),
            ],
        )
        assert result.exit_code == 0, result.output
    assert (tmp_path / "datapackage.json").is_file()
