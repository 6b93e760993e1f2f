"""What a benchmark run measured, kept for ``bench/summary.py``: bench/out/figures/<name>.json.

Each script calls ``save(name, figures)`` at the end of a run with the figures the issue's targets
are about (medians, percentiles, ratios, each beside the alternative measured in the same run),
and the run's date, command line and load average, so the summary table is made from measured
runs only, never typed in.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FIGURES = Path(__file__).resolve().parent / "out" / "figures"


def save(name: str, figures: dict[str, Any], load_at_start: float | None = None) -> Path:
    FIGURES.mkdir(parents=True, exist_ok=True)
    path = FIGURES / f"{name}.json"
    record = {
        "bench": name,
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["python", *sys.argv]),
        "load_average": [load_at_start, os.getloadavg()[0]],
        "cores": os.cpu_count(),
        "figures": figures,
    }
    path.write_text(json.dumps(record, indent=1), encoding="utf-8")
    return path


def load(name: str) -> dict[str, Any] | None:
    path = FIGURES / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None
