"""The files an export writes, and the files it must never write over.

An export writes its data file (through ``.<name>.partial`` beside it, renamed into place) and
``datapackage.json`` in the same directory (through ``datapackage.json.tmp``). None of those may be
a file of the archive being exported (the database, its ``-wal``, ``-shm`` or ``-journal``), and
the data file may not be the datapackage.json that describes it, nor its temporary file: each
would destroy the other, or the archive itself. The same file reached through another name (a
symbolic or hard link) counts as the same.
"""

from __future__ import annotations

import os
from pathlib import Path

import sqlite_utils

from pipelines.export.datasets import ExportError

DATAPACKAGE = "datapackage.json"
ARCHIVE_SUFFIXES = ("", "-wal", "-shm", "-journal")


def partial_path(path: Path) -> Path:
    """Where the data file is written before it is renamed into place."""
    return path.with_name(f".{path.name}.partial")


def datapackage_path(path: Path) -> Path:
    """The datapackage.json describing the data file ``path``."""
    return path.parent / DATAPACKAGE


def datapackage_partial(package: Path) -> Path:
    return package.with_name(package.name + ".tmp")


def archive_files(db: sqlite_utils.Database) -> list[Path]:
    """The files of the archive open as ``db`` (none for an in-memory database)."""
    main = db.conn.execute("PRAGMA database_list").fetchone()[2]
    return [Path(main + suffix) for suffix in ARCHIVE_SUFFIXES] if main else []


def same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist: not the same file
        return False


def check_targets(db: sqlite_utils.Database, path: Path) -> None:
    """Refuse (ExportError, one line) an output that would overwrite the archive, or a data file
    and datapackage.json that would overwrite each other."""
    package = datapackage_path(path)
    written = {
        path: f"-o {path}",
        partial_path(path): f"-o {path} (written first as {partial_path(path).name})",
        package: f"the {DATAPACKAGE} written beside -o {path}",
        datapackage_partial(package): f"the {DATAPACKAGE} written beside -o {path}",
    }
    for target, what in written.items():
        for own in archive_files(db):
            if same_file(target, own):
                raise ExportError(
                    f"{what} would overwrite the archive being exported ({own}): "
                    "write the export to another file"
                )
    for target in (package, datapackage_partial(package)):
        if same_file(path, target):
            raise ExportError(
                f"-o {path} would be overwritten by the {DATAPACKAGE} that describes it: "
                f"give the data file another name"
            )
