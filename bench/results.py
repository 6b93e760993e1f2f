"""Results parser benchmark: runs ../shared/tools/results_eval.py over ../shared/data/results-dev
with `meetarchive results --jsonl` and prints the harness table (quality and speed side by side),
then the audit of each document (scraper.results.audit: coverage of its result-like lines,
verdict, reasons; the table of bench/results_wild.py).

    .venv/bin/python bench/results.py [--only r01,r07] [--out results.json]

Targets (issue 4): athlete-row F1 >= 0.98 overall and >= 0.95 per document; place, team, year,
wind, section accuracy >= 0.98; relay-member F1 >= 0.95; team-score F1 >= 0.95; >= 5,000 rows/s.
Prints figures; never asserts times.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main(argv: list[str]) -> int:
    harness = SHARED / "tools" / "results_eval.py"
    data = SHARED / "data" / "results-dev"
    if not harness.exists() or not data.is_dir():
        print(f"missing {harness} or {data}", file=sys.stderr)
        return 2
    cmd = [
        sys.executable,
        str(harness),
        str(data),
        "-p",
        f"cmd:{sys.executable} -m scraper.cli results",
        *argv,
    ]
    code = subprocess.run(cmd, cwd=ROOT, check=False).returncode
    print("\nThe audit of each document (bench/results_wild.py's table):\n", flush=True)
    audit = [sys.executable, str(ROOT / "bench" / "results_wild.py"), "--dataset", str(data)]
    if "--only" in argv:
        audit += ["--only", argv[argv.index("--only") + 1]]
    subprocess.run([*audit, "--no-record"], cwd=ROOT, check=False)
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
