"""`meetarchive serve`: Datasette over the archive, read-only, with the project's metadata.

The archive file is opened by Datasette's read-only connection (``mode=ro``) or, with
``immutable``, as an immutable snapshot; no write path is enabled; every SQL query is cancelled
after ``sql_time_limit_ms``. The metadata file keys its tables and canned queries by the database
name, which Datasette takes from the file's stem: the metadata is re-keyed for the file served.
"""

from __future__ import annotations

import contextlib
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import click

from scraper.cli.options import archive_path, db_option

ROOT = Path(__file__).resolve().parents[2]
DATASETTE_DIR = ROOT / "datasette"
METADATA = DATASETTE_DIR / "metadata.yml"
PLUGINS = DATASETTE_DIR / "plugins"
TEMPLATES = DATASETTE_DIR / "templates"  # the plugins' pages (the search page)
STATIC = DATASETTE_DIR / "static"
STATIC_MOUNT = "meetarchive"  # datasette/static/ is served at /meetarchive/
STYLESHEET = f"/{STATIC_MOUNT}/meetarchive.css"
METADATA_DB = "archive"  # the database key used in datasette/metadata.yml


def load_metadata(db_name: str, path: Path = METADATA, stylesheet: bool = True) -> dict[str, Any]:
    """The metadata with its database section (and the links to it in every description_html)
    under ``db_name``, and the project stylesheet (served from datasette/static/) added."""
    import yaml

    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    if stylesheet:
        meta["extra_css_urls"] = [*meta.get("extra_css_urls", []), STYLESHEET]
    if db_name != METADATA_DB:
        databases = meta.get("databases", {})
        if METADATA_DB in databases:
            databases[db_name] = databases.pop(METADATA_DB)
        _rekey_links(meta, f"/{METADATA_DB}/", f"/{path_part(db_name)}/")
    return meta


def path_part(db_name: str) -> str:
    """The database's name as Datasette writes it in a URL path (tilde-encoded), safe inside an
    HTML attribute whatever the archive's file is called."""
    import html

    from datasette.utils import tilde_encode

    return html.escape(tilde_encode(db_name))


def _rekey_links(node: Any, old: str, new: str) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description_html" and isinstance(value, str):
                node[key] = value.replace(old, new)
            else:
                _rekey_links(value, old, new)
    elif isinstance(node, list):
        for item in node:
            _rekey_links(item, old, new)


def datasette_args(
    db: Path, metadata: Path, host: str, port: int, sql_time_limit_ms: int, immutable: bool
) -> list[str]:
    args = ["serve", "-i", str(db)] if immutable else ["serve", str(db)]
    args += [
        "--metadata",
        str(metadata),
        "--host",
        host,
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        str(sql_time_limit_ms),
        "--setting",
        "default_page_size",
        "50",
        "--setting",
        "allow_download",
        "off",
    ]
    if PLUGINS.is_dir():
        args += ["--plugins-dir", str(PLUGINS)]
    if TEMPLATES.is_dir():
        args += ["--template-dir", str(TEMPLATES)]
    if STATIC.is_dir():
        args += ["--static", f"{STATIC_MOUNT}:{STATIC}"]
    return args


def checkpoint(db: Path) -> None:
    """Fold the WAL into the main file, so an immutable open sees every committed row. Without
    a WAL holding frames there is nothing to fold, and the file is not opened for writing."""
    wal = db.with_name(db.name + "-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def run_serve(db: Path, host: str, port: int, sql_time_limit_ms: int, immutable: bool) -> int:
    import json

    from datasette.cli import cli as datasette_cli

    from pipelines.db import writable

    if not METADATA.exists():
        raise SystemExit(f"metadata not found at {METADATA} (run from a meetarchive checkout)")
    if immutable and writable(db):
        checkpoint(db)
    meta = load_metadata(db.stem)
    with tempfile.TemporaryDirectory(prefix="meetarchive-serve-") as tmp:
        meta_path = Path(tmp) / "metadata.json"
        meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        args = datasette_args(db, meta_path, host, port, sql_time_limit_ms, immutable)
        with contextlib.suppress(KeyboardInterrupt):
            datasette_cli.main(args=args, prog_name="meetarchive serve", standalone_mode=False)
    return 0


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option(
    "--sql-time-limit-ms",
    default=3000,
    show_default=True,
    type=int,
    help="Any SQL query running longer than this is cancelled.",
)
@click.option(
    "--immutable",
    is_flag=True,
    help="Serve a finished snapshot as immutable (faster counts; never while a crawl "
    "writes to it).",
)
def serve(db: str | None, host: str, port: int, sql_time_limit_ms: int, immutable: bool) -> None:
    """Browse and search the archive in Datasette, read-only, with the project's metadata
    (facets, full-text search, canned queries)."""
    from pipelines.db import writable

    path = archive_path(db)
    # An archive this process may not write (nor its directory) cannot be opened with mode=ro
    # when it is in WAL mode: it is served as the snapshot it is.
    read_only = not writable(path)
    raise SystemExit(run_serve(path, host, port, sql_time_limit_ms, immutable or read_only))
