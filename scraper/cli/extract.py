"""`meetarchive extract`: run the parsers over local HTML files (JSON out, or the JSONL worker
contract of ../shared/tools/extract_eval.py).

Imports stay lazy: the JSONL worker's wall time includes interpreter start and imports.
"""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scraper.items import Article

import click

from scraper.text.terminal import json_shown


def read_page(path: str | Path, url: str, fetched_at: str) -> Any:
    """A local file as the page a crawl would have fetched from ``url`` (no larger than a crawl
    downloads: ``scraper.cli.localfiles``)."""
    from scraper.cli.localfiles import read_local
    from scraper.items import Page

    return Page(
        url=url,
        status=200,
        headers={},
        body=read_local(path),
        fetched_at=fetched_at,
        kind="article",
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def extract_article(path: str | Path, url: str, fetched_at: str) -> Any:
    """The article of a local file, through the path every crawled page takes."""
    from scraper.parsers.page import article_from_page

    return article_from_page(read_page(path, url, fetched_at))


def _iso_date(art: Article) -> str | None:
    value = art.published_at
    if value:
        return value
    raw = art.published_raw
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).isoformat()
    except ValueError:
        return raw


def credits(art: Article) -> list[str]:
    """Who the byline credits, as the harness's ``authors`` field wants it: the people, then the
    news agencies (``Article`` keeps them apart); when it names no person, its credit as printed
    ("Associated Press", "Le Figaro et AFP"), so a wire story is not shown as authorless."""
    if art.authors:
        return [*art.authors, *(a for a in art.agencies if a not in art.authors)]
    raw = art.byline_raw
    if not raw:
        return list(art.agencies)
    return [c.strip() for c in raw.split(";") if c.strip() and "@" not in c][:3]


def body_notes(path: str | Path, art: Article) -> list[str]:
    """Why each block of the page is in the body or not, for ``--explain``: the generic
    extractor's notes, or which site parser read the body."""
    from scraper.parsers.generic import explain_body
    from scraper.text.encoding import decode_html

    signal = art.signals.get("body", "")
    if not art.parser.startswith("generic/") and not signal.startswith("generic:"):
        return [f"body read by the {art.parser} parser ({signal or 'none found'})"]
    html, _ = decode_html(Path(path).read_bytes(), None)
    return explain_body(html, art.url)


def article_record(
    art: Article, explain: bool = False, notes: list[str] | None = None
) -> dict[str, Any]:
    """The JSON record of an article: the harness's four fields first, then everything else
    (with ``explain``: the signal of each field, and ``body_notes``, why each block of the page
    is in the body or not)."""
    from dataclasses import asdict

    rec: dict[str, Any] = {
        "title": art.headline or None,
        "authors": credits(art) or None,
        "date": _iso_date(art),
        "body": art.body or None,
    }
    full = asdict(art)
    if not explain:
        full.pop("signals", None)
    elif not art.authors and rec["authors"]:
        full["signals"]["authors"] = "credit:" + full["signals"].get("byline_raw", "?")
    rec.update({k: v for k, v in full.items() if k not in rec})
    if notes is not None:
        rec["body_notes"] = notes
    return rec


def extract_files(paths: list[str], url: str | None, explain: bool, out: IO[str]) -> int:
    """JSON for each file (a list when several). Returns the exit status."""
    fetched_at = _now()
    records = []
    status = 0
    for p in paths:
        page_url = url or Path(p).resolve().as_uri()
        try:
            art = extract_article(p, page_url, fetched_at)
            rec = article_record(art, explain, body_notes(p, art) if explain else None)
        except Exception as exc:  # one unreadable file is reported, the others still run
            rec = {"path": p, "_error": f"{type(exc).__name__}: {exc}"}
            status = 1
        records.append(rec)
    data = records[0] if len(records) == 1 else records
    out.write(json_shown(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
    return status


def run_jsonl(inp: IO[str], out: IO[str], explain: bool = False) -> int:
    """One JSON line out per {"id","path","url"} line in, same order; errors become "_error"."""
    fetched_at = _now()
    for line in inp:
        if not line.strip():
            continue
        t0 = time.perf_counter()
        try:
            req = json.loads(line)
            path = req["path"]
            url = req.get("url") or Path(path).resolve().as_uri()
            art = extract_article(path, url, req.get("fetched_at") or fetched_at)
            rec = article_record(art, explain, body_notes(path, art) if explain else None)
        except Exception as exc:
            rec = {
                "title": None,
                "authors": None,
                "date": None,
                "body": None,
                "_error": f"{type(exc).__name__}: {exc}"[:300],
            }
        rec["_ms"] = (time.perf_counter() - t0) * 1000
        out.write(json_shown(json.dumps(rec, ensure_ascii=False, default=str)) + "\n")
        out.flush()
    return 0


def main(paths: list[str], url: str | None, explain: bool, jsonl: bool) -> int:
    if jsonl:
        return run_jsonl(sys.stdin, sys.stdout, explain)
    return extract_files(paths, url, explain, sys.stdout)


@click.command("extract")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--url", default=None, help="The URL the page was fetched from (single file).")
@click.option(
    "--explain",
    is_flag=True,
    help="Show which signal gave each field, and why each block of the page is in the body or not.",
)
@click.option(
    "--jsonl",
    is_flag=True,
    help='Read {"id","path","url"} lines on stdin, write one JSON line per page.',
)
def extract_cmd(files: tuple[str, ...], url: str | None, explain: bool, jsonl: bool) -> None:
    """Extract articles from local HTML files (JSON out)."""
    from scraper.cli.localfiles import refuse_large_files

    if not files and not jsonl:
        raise click.UsageError("give FILE... or --jsonl")
    refuse_large_files(list(files))
    raise SystemExit(main(list(files), url, explain, jsonl))
