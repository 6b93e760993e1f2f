"""The Frictionless Data Package (``datapackage.json``) beside exported data: one resource per
exported file, replaced in place (by path) when the file is exported again."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from pipelines.export.datasets import MEDIATYPES, Dataset, ExportError, Field
from pipelines.export.targets import DATAPACKAGE, datapackage_partial

PACKAGE_NAME = "meetarchive"


def resource_descriptor(
    dataset: Dataset, fields: list[Field], path: Path, fmt: str, primary_key: list[str], rows: int
) -> dict[str, Any]:
    res: dict[str, Any] = {
        "name": re.sub(r"[^a-z0-9_-]+", "-", path.name.lower()),
        "path": path.name,
        "format": fmt,
        "mediatype": MEDIATYPES[fmt],
        "title": dataset.name,
        "description": dataset.description,
        "schema": {"fields": [f.descriptor() for f in fields]},
        "x_rows": rows,
    }
    if fmt != "parquet":
        res["encoding"] = "utf-8"
    if fmt == "csv":
        res["profile"] = "tabular-data-resource"
        res["dialect"] = {"delimiter": ",", "header": True, "doubleQuote": True}
    if primary_key:
        res["schema"]["primaryKey"] = primary_key if len(primary_key) > 1 else primary_key[0]
    return res


def read_datapackage(directory: Path) -> dict[str, Any]:
    """The ``datapackage.json`` of ``directory`` that earlier exports wrote ({} when there is
    none); ExportError for one that is not ours (another project's package, not JSON, not a
    package): it is never overwritten."""
    path = directory / DATAPACKAGE
    if not path.exists():
        return {}
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise foreign(path, f"unreadable: {exc}") from None
    if not isinstance(package, dict):
        raise foreign(path, "not a data package")
    if package.get("name") != PACKAGE_NAME:
        raise foreign(path, f"the package {package.get('name')!r}")
    resources = package.get("resources", [])
    if not isinstance(resources, list) or not all(isinstance(r, dict) for r in resources):
        raise foreign(path, "its resources are not a list of resources")
    return package


def foreign(path: Path, what: str) -> ExportError:
    return ExportError(
        f"{path} is not one meetarchive exports write ({what}): it is left as it is; "
        "export to another directory"
    )


def write_datapackage(directory: Path, resource: dict[str, Any]) -> Path:
    """Add (or replace, by path) one resource in ``directory/datapackage.json``."""
    path = directory / DATAPACKAGE
    package = read_datapackage(directory)
    package.setdefault("name", PACKAGE_NAME)
    package.setdefault("title", "meetarchive: track & field meet coverage")
    package.setdefault("profile", "data-package")
    package.setdefault(
        "licenses",
        [
            {
                "name": "other-at",
                "title": (
                    "Article texts remain the property of their publishers; see each row's URL"
                ),
            }
        ],
    )
    package["resources"] = [
        r for r in package.get("resources", []) if r.get("path") != resource["path"]
    ] + [resource]
    package["resources"].sort(key=lambda r: r["path"])
    tmp = datapackage_partial(path)
    tmp.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return path
