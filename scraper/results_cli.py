"""`meetarchive results`: parse local results documents (JSON out), or serve the JSONL contract of
../shared/tools/results_eval.py (one ``{"id","path","url"}`` line in, one line out, same order).

Imports stay lazy: the JSONL worker's wall time includes interpreter start and imports.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import IO, Any


def parse_file(path: str | Path, url: str | None = None) -> dict[str, Any]:
    """One file -> the contract's JSON object (never raises for a bad document)."""
    from scraper.results import parse_document, to_contract

    try:
        data = Path(path).read_bytes()
    except OSError as e:
        return {"events": [], "_error": f"{type(e).__name__}: {e}"[:300]}
    try:
        out = to_contract(parse_document(data, url, str(path)))
    except Exception as e:  # noqa: BLE001 -- one document's failure must not stop the run
        return {"events": [], "_error": f"{type(e).__name__}: {e}"[:300]}
    if not out["events"] and "_error" not in out:
        out["_error"] = "no result rows found"
    return out


def serve_jsonl(stdin: IO[str], stdout: IO[str]) -> int:
    for line in stdin:
        if not line.strip():
            continue
        t0 = time.perf_counter()
        try:
            req = json.loads(line)
            rec = parse_file(req["path"], req.get("url"))
            if "id" in req:
                rec["id"] = req["id"]
        except Exception as e:  # noqa: BLE001 -- a bad request line still gets an answer
            rec = {"events": [], "_error": f"bad request: {type(e).__name__}: {e}"[:300]}
        rec["_ms"] = round((time.perf_counter() - t0) * 1000, 3)
        stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0


def main(files: list[str], url: str | None, jsonl: bool) -> int:
    if jsonl:
        return serve_jsonl(sys.stdin, sys.stdout)
    if url and len(files) > 1:
        sys.stderr.write("--url applies to a single file\n")
        return 2
    out = []
    for f in files:
        rec = parse_file(f, url)
        rec["path"] = f
        out.append(rec)
    json.dump(out[0] if len(out) == 1 else out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0 if all(r.get("events") for r in out) else 1
