"""`meetarchive export` stopped at any moment loses nothing: the archive stays sound and whole; a
data file is either the one an earlier run completed or the one this run completed, never a
part of one; datapackage.json is whole JSON; a ``--since-last`` file never loses a row it held,
and the next complete run brings it up to date.

The real command runs in a subprocess, exporting a growing archive (new and changed articles
between runs) as a plain CSV or Parquet export or a ``--since-last`` JSON Lines one, and is killed
(SIGKILL, or SIGINT as Ctrl-C sends) at a random moment of the export, or just as it renames its
file into place and records what it wrote.
"""

from __future__ import annotations

import csv
import json
import random
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from pipelines import db as schema
from scraper.items import Page
from tests.hostile_report import MEASURES, REPO, crawl_env
from tests.kill_helpers import KILLS, command, holds_open, one_line_interrupt, run_and_kill
from tests.test_faults import soundness_problems

OUTPUTS = {"csv": "plain.csv", "parquet": "plain.parquet", "jsonl": "since.jsonl"}


def add_articles(db_path: Path, start: int, count: int, changed: int = 0) -> None:
    """``count`` new articles (keys ``start``...) with their pages, and the body of ``changed``
    older ones edited."""
    with schema.open_db(db_path) as db, schema.write_transaction(db):
        page_ids = [schema.store_page(db, page(i))[0] for i in range(start, start + count)]
    rows = [
        {
            "page_id": page_id,
            "canonical_url": f"https://example.org/news/{i}",
            "url": f"https://example.org/news/{i}",
            "headline": f"Story {i}",
            "body": f"Story {i}: Kerr ran the mile. " + "The crowd rose for the last lap. " * 60,
            "content_hash": f"h{i}",
            "published_at": "2024-05-25T21:29:00-05:00",
            "authors": '["Lori Shontz"]',
        }
        for i, page_id in zip(range(start, start + count), page_ids, strict=True)
    ]
    with schema.open_db(db_path) as db:
        schema.bulk_insert_articles(db, rows)
        with schema.write_transaction(db):
            db.execute(
                "UPDATE articles SET body = body || ' Updated.', "
                "content_hash = content_hash || 'u' "
                "WHERE id IN (SELECT id FROM articles ORDER BY random() LIMIT ?)",
                [changed],
            )


def page(i: int) -> Page:
    url = f"https://example.org/news/{i}"
    return Page(url, 200, {}, f"<html>{i}</html>".encode(), "2024-05-26T10:00:00+00:00", "article")


def keys_in(path: Path) -> list[str]:
    """The canonical URLs of every row of an export file (raises on a file cut short)."""
    if path.suffix == ".csv":
        with path.open(newline="", encoding="utf-8") as fh:
            text = fh.read()
        assert text.endswith("\n"), "a CSV file cut short"
        return [row["canonical_url"] for row in csv.DictReader(text.splitlines(keepends=True))]
    if path.suffix == ".parquet":
        return pq.read_table(path, columns=["canonical_url"]).column(0).to_pylist()
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["canonical_url"] for line in lines]


def archive_keys(db_path: Path) -> set[tuple[str, str]]:
    with schema.open_db(db_path) as db:
        return {(r[0], r[1]) for r in db.execute("SELECT canonical_url, body FROM articles")}


def export_args(db_path: Path, out: Path, fmt: str) -> list[str]:
    args = ["export", "articles", "--db", str(db_path), "--format", fmt, "-o", str(out)]
    return args + (["--since-last"] if fmt == "jsonl" else [])


def renamed(out: Path) -> Any:
    """A ``ready`` test: true once the data file at ``out`` is replaced by this run's."""
    start: dict[str, Any] = {}

    def ready(proc: subprocess.Popen[str]) -> bool:
        inode = out.stat().st_ino if out.exists() else None
        start.setdefault("inode", inode)
        return inode != start["inode"]

    return ready


def problems_after(db_path: Path, out_dir: Path, articles: int, seen: dict[str, Any]) -> list[str]:
    found = soundness_problems(db_path)
    with schema.open_db(db_path) as db:
        if db[schema.ARTICLES].count != articles:
            found.append(f"articles {db[schema.ARTICLES].count} != {articles}")
    for fmt, name in OUTPUTS.items():
        out = out_dir / name
        if not out.exists():
            continue
        try:
            keys = keys_in(out)
        except Exception as exc:  # noqa: BLE001 -- any failure to read the file is the finding
            found.append(f"{name} unreadable: {type(exc).__name__}: {exc}")
            continue
        if fmt == "jsonl":
            lost = seen["since"] - set(keys)
            if lost:
                found.append(f"{name} lost {len(lost)} row(s) it held")
            seen["since"] = set(keys)
        elif len(keys) not in seen["counts"] or len(set(keys)) != len(keys):
            found.append(f"{name}: {len(keys)} rows, not a complete export")
    package = out_dir / "datapackage.json"
    if package.exists():
        try:
            json.loads(package.read_text(encoding="utf-8"))
        except ValueError as exc:
            found.append(f"datapackage.json: {exc}")
    return found


def working_seconds(args: list[str], db_path: Path) -> float:
    """How long an export works once it has the archive open (its start-up, importing its
    libraries, left out: a kill is timed from that moment on)."""
    proc = subprocess.Popen(
        command(*args),
        cwd=REPO,
        env=crawl_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    started = time.monotonic()
    while proc.poll() is None and not holds_open(proc.pid, db_path):
        started = time.monotonic()
        time.sleep(0.005)
    assert proc.wait(timeout=300) == 0
    return max(0.05, time.monotonic() - started)


def kill_exports(tmp_path: Path, kills: int, start_articles: int, seed: int) -> list[bool]:
    """Export ``kills`` times, each killed; whether each kill timed while the export writes (not
    at its rename, which it may well have passed) reached it while it ran."""
    rng = random.Random(seed)
    db_path, out_dir = tmp_path / "archive.db", tmp_path / "out"
    add_articles(db_path, 0, start_articles)
    articles = start_articles
    seen: dict[str, Any] = {"since": set(), "counts": {0, articles}}
    seconds = working_seconds(export_args(db_path, out_dir / OUTPUTS["csv"], "csv"), db_path)
    landed = []
    for run in range(kills):
        add_articles(db_path, articles, 300, changed=100)
        articles += 300
        seen["counts"].add(articles)
        fmt = rng.choice(list(OUTPUTS))
        out = out_dir / OUTPUTS[fmt]
        sig = signal.SIGINT if run % 4 == 3 else signal.SIGKILL
        at_rename = rng.random() < 0.3  # just as it renames its file and records what it wrote
        if at_rename:
            ready, delay = renamed(out), 0.0
        else:
            ready = lambda proc: holds_open(proc.pid, db_path)  # noqa: E731
            delay = rng.uniform(0, 0.8 * seconds)
        killed = run_and_kill(export_args(db_path, out, fmt), sig, ready, delay)
        problems = problems_after(db_path, out_dir, articles, seen)
        if sig == signal.SIGINT:
            problems += one_line_interrupt(killed)
        assert not problems, f"kill {run + 1} ({fmt}, {signal.Signals(sig).name}, seed {seed})"
        if not at_rename:
            landed.append(killed.landed)
    for fmt in OUTPUTS:
        done = subprocess.run(
            command(*export_args(db_path, out_dir / OUTPUTS[fmt], fmt)),
            cwd=REPO,
            env=crawl_env(),
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr[-3000:]
    current = archive_keys(db_path)
    rows = [json.loads(line) for line in (out_dir / OUTPUTS["jsonl"]).read_text().splitlines()]
    assert current <= {(r["canonical_url"], r["body"]) for r in rows}  # every row, as it is now
    assert len(keys_in(out_dir / OUTPUTS["csv"])) == len(current)
    return landed


def test_export_killed_while_writing_and_while_renaming_loses_nothing(tmp_path):
    seed = random.randrange(1 << 30)
    landed = kill_exports(tmp_path, 4, 10_000, seed)
    assert sum(landed) >= len(landed) / 2, landed


@pytest.mark.slow
def test_export_killed_at_20_random_moments_loses_nothing(tmp_path):
    seed = random.randrange(1 << 30)
    landed = kill_exports(tmp_path, KILLS, 30_000, seed)
    assert sum(landed) >= len(landed) / 2, landed
    MEASURES.notes.append(
        f"export kill test: {sum(landed)}/{len(landed)} kills timed while writing landed mid-run "
        f"(of {KILLS}, the others at the rename; every 4th Ctrl-C); "
        f"archive sound, data files whole, no --since-last row lost after each (seed {seed})"
    )
