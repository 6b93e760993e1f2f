#!/usr/bin/env python3
"""Extraction benchmark: our extractor beside trafilatura, readability and newspaper4k, one run.

Runs ../shared/tools/extract_eval.py over ../shared/data/articles-dev (or the data sets given) and
prints its table. Every extractor is one child process fed JSONL, so wall time includes interpreter
start and imports for all of them alike.

    python bench/extraction.py                  # the full table (takes a minute or two)
    python bench/extraction.py --limit 20 --only ours   # a quick look at our own scores
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
OTHERS = ["trafilatura", "readability", "newspaper4k"]


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("datasets", nargs="*", default=[str(SHARED / "data" / "articles-dev")])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--filter", action="append", default=[])
    ap.add_argument("--only", choices=["ours", "all"], default="all")
    ap.add_argument("--out", help="write the harness's JSON results here")
    ap.add_argument("--save-predictions", help="directory for predictions and child stderr")
    ap.add_argument("--n-bootstrap", type=int, default=1000)
    args = ap.parse_args()

    harness = SHARED / "tools" / "extract_eval.py"
    if not harness.exists():
        print(f"no harness at {harness}", file=sys.stderr)
        return 2
    python = shlex.quote(sys.executable)
    ours = f"cmd:cd {shlex.quote(str(ROOT))} && {python} -m scraper.cli extract"
    extractors = [ours] + (OTHERS if args.only == "all" else [])
    cmd = [sys.executable, str(harness), *args.datasets, "--n-bootstrap", str(args.n_bootstrap)]
    for e in extractors:
        cmd += ["-e", e]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    for f in args.filter:
        cmd += ["--filter", f]
    if args.out:
        cmd += ["--out", args.out]
    if args.save_predictions:
        cmd += ["--save-predictions", args.save_predictions]
    print("$ " + " ".join(shlex.quote(c) for c in cmd), flush=True)
    return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
