"""`meetarchive results`: parse local results documents (JSON out), or serve the JSONL contract of
../shared/tools/results_eval.py (one ``{"id","path","url"}`` line in, one line out, same order),
or audit them (``--audit``: one line per document, ``scraper.results.audit``).

Imports stay lazy: the JSONL worker's wall time includes interpreter start and imports.  PDFs are
the slow documents (pypdf takes ~80 ms to import when the fast reader cannot read a file), so where
``os.fork`` exists the worker answers the PDFs it has already been sent in forked children while it
parses the documents before them; answers still go out one per line, in order.
"""

from __future__ import annotations

import json
import os
import select
import sys
import time
from collections import deque
from pathlib import Path
from typing import IO, Any

import click

from scraper.text.terminal import json_shown

MAX_AHEAD = 2  # PDF children running ahead of the document being answered


def _answer(doc: Any) -> dict[str, Any]:
    from scraper.results import to_contract

    out = to_contract(doc)
    if not out["events"] and "_error" not in out:
        out["_error"] = "no result rows found"
    return out


def parse_file(path: str | Path, url: str | None = None) -> dict[str, Any]:
    """One file -> the contract's JSON object (never raises for a bad document)."""
    from scraper.cli.localfiles import read_local
    from scraper.errors import InputTooLarge
    from scraper.results import parse_document

    try:
        data = read_local(path)
    except InputTooLarge as e:
        return {"events": [], "_error": str(e)[:300]}
    except OSError as e:
        return {"events": [], "_error": f"{type(e).__name__}: {e}"[:300]}
    try:
        return _answer(parse_document(data, url, str(path)))
    except Exception as e:  # noqa: BLE001 -- one document's failure must not stop the run
        return {"events": [], "_error": f"{type(e).__name__}: {e}"[:300]}


class _PdfJob:
    """One PDF answered by a forked child (text layer and parse), read back through a pipe."""

    def __init__(self, path: str, url: str | None) -> None:
        self.pid = 0
        rfd, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: parse, write the answer, leave without the parent's cleanup
            code = 0
            try:
                os.close(rfd)
                data = json.dumps(parse_file(path, url), ensure_ascii=False).encode("utf-8")
                view = memoryview(data)
                while view:
                    view = view[os.write(wfd, view) :]
            except BaseException:  # noqa: BLE001 -- the parent parses in-process instead
                code = 1
            finally:
                os._exit(code)
        os.close(wfd)
        self.pid, self.rfd = pid, rfd

    def answer(self) -> dict[str, Any] | None:
        chunks = []
        while True:
            chunk = os.read(self.rfd, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
        os.close(self.rfd)
        _, status = os.waitpid(self.pid, 0)
        if status != 0:
            return None
        try:
            out = json.loads(b"".join(chunks))
        except ValueError:
            return None
        return out if isinstance(out, dict) else None


def _is_pdf(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(1024).lstrip().startswith(b"%PDF")
    except OSError:
        return False


class _Lines:
    """Request lines from a pipe: blocking for the next one, non-blocking to see what else came."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        try:
            self.fd: int | None = stream.fileno()
        except (AttributeError, OSError, ValueError):
            self.fd = None
        self.buf = b""
        self.lines: deque[str] = deque()
        self.eof = False

    def _read(self, block: bool) -> None:
        if self.fd is None:
            line = self.stream.readline()
            if line:
                self.lines.append(line)
            else:
                self.eof = True
            return
        while not self.eof:
            if not block and not select.select([self.fd], [], [], 0)[0]:
                return
            chunk = os.read(self.fd, 1 << 16)
            if not chunk:
                self.eof = True
                if self.buf:
                    self.lines.append(self.buf.decode("utf-8", "replace"))
                    self.buf = b""
                return
            *done, self.buf = (self.buf + chunk).split(b"\n")
            self.lines.extend(x.decode("utf-8", "replace") for x in done)
            if done and block:
                block = False

    def next(self) -> str | None:
        while not self.lines and not self.eof:
            self._read(block=True)
        return self.lines.popleft() if self.lines else None

    def ahead(self) -> list[str]:
        if not self.eof and self.fd is not None:
            self._read(block=False)
        return list(self.lines)


def serve_jsonl(stdin: IO[str], stdout: IO[str]) -> int:
    lines = _Lines(stdin)
    jobs: dict[str, _PdfJob] = {}
    can_fork = hasattr(os, "fork")
    while True:
        line = lines.next()
        if line is None:
            break
        if not line.strip():
            continue
        t0 = time.perf_counter()
        try:
            req = json.loads(line)
            if can_fork:
                _start_jobs([line, *lines.ahead()], jobs)
            rec = _serve_one(req, jobs.pop(str(req["path"]), None))
            if "id" in req:
                rec["id"] = req["id"]
        except Exception as e:  # noqa: BLE001 -- a bad request line still gets an answer
            rec = {"events": [], "_error": f"bad request: {type(e).__name__}: {e}"[:300]}
        rec["_ms"] = round((time.perf_counter() - t0) * 1000, 3)
        stdout.write(json_shown(json.dumps(rec, ensure_ascii=False)) + "\n")
        stdout.flush()
    for job in jobs.values():
        job.answer()
    return 0


def _start_jobs(pending: list[str], jobs: dict[str, _PdfJob]) -> None:
    for raw in pending:
        if len(jobs) >= MAX_AHEAD:
            return
        try:
            req = json.loads(raw)
            path = str(req["path"])
        except (ValueError, KeyError, TypeError):
            continue
        if path not in jobs and _is_pdf(path):
            try:
                jobs[path] = _PdfJob(path, req.get("url"))
            except OSError:
                return


def _serve_one(req: dict[str, Any], job: _PdfJob | None) -> dict[str, Any]:
    if job is not None:
        answer = job.answer()
        if answer is not None:
            return answer
    return parse_file(req["path"], req.get("url"))


def audit_file(path: str, url: str | None = None) -> tuple[str, str]:
    """One file's audit: its verdict, and the line ``--audit`` prints (path, reader, rows,
    coverage of its result-like lines, verdict, reasons). Never raises for a bad document."""
    from scraper.results import parse_document
    from scraper.results.audit import UNPARSED, audit_document

    try:
        data = Path(path).read_bytes()
        doc = parse_document(data, url, path)
        audit = audit_document(data, doc)
    except Exception as e:  # noqa: BLE001 -- one document's failure must not stop the run
        error = f"{type(e).__name__}: {e}".replace("\n", " ")[:300]
        return UNPARSED, f"{path}\t-\t0 rows\tcoverage -\t{UNPARSED}\t{error}"
    coverage = "-" if audit.coverage is None else f"{audit.coverage:.3f}"
    if audit.result_units:
        coverage += f" ({audit.covered}/{audit.result_units} lines)"
    fields = [path, doc.format, f"{audit.rows} rows", f"coverage {coverage}", audit.verdict]
    return audit.verdict, "\t".join([*fields, "; ".join(audit.reasons)]).rstrip()


def audit_files(files: list[str], url: str | None) -> int:
    """``--audit``: one line per document; exit 1 when any is partial or unparsed."""
    verdicts = []
    for f in files:
        verdict, line = audit_file(f, url)
        verdicts.append(verdict)
        sys.stdout.write(line + "\n")
    return 0 if all(v == "parsed" for v in verdicts) else 1


def main(files: list[str], url: str | None, jsonl: bool, audit: bool = False) -> int:
    if jsonl:
        return serve_jsonl(sys.stdin, sys.stdout)
    if url and len(files) > 1:
        sys.stderr.write("--url applies to a single file\n")
        return 2
    if audit:
        return audit_files(files, url)
    out = []
    for f in files:
        rec = parse_file(f, url)
        rec["path"] = f
        out.append(rec)
    data = out[0] if len(out) == 1 else out
    sys.stdout.write(json_shown(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")
    return 0 if all(r.get("events") for r in out) else 1


@click.command("results")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--url", default=None, help="The URL the document was fetched from (single file).")
@click.option(
    "--jsonl",
    is_flag=True,
    help='Read {"id","path","url"} lines on stdin, write one JSON line per document.',
)
@click.option(
    "--audit",
    is_flag=True,
    help="Audit each FILE instead: one line each (reader, rows, coverage of its result lines, "
    "verdict parsed/partial/unparsed, reasons); exit 1 when any is not parsed.",
)
def results_cmd(files: tuple[str, ...], url: str | None, jsonl: bool, audit: bool) -> None:
    """Parse meet results documents (Hy-Tek text/PDF, HTML tables, listings) to JSON."""
    from scraper.cli.localfiles import refuse_large_files

    if not files and not jsonl:
        raise click.UsageError("give FILE... or --jsonl")
    if audit and jsonl:
        raise click.UsageError("--audit takes FILE..., not --jsonl")
    refuse_large_files(list(files))
    raise SystemExit(main(list(files), url, jsonl, audit))
